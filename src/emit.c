/* The format table: every output format's names and emitter, in one place.
 * render, build and diff look format names up here, so that a name (or an
 * alias such as md) means the same to every command (docs/output.md). */
#include "ladderc/emit.h"

#include <string.h>

static const char *const markdown_aliases[] = {"md", NULL};
static const char *const text_aliases[] = {"txt", NULL};
static const char *const no_aliases[] = {NULL};

/* In ladder_format order: ladder_format_get indexes it. */
static const ladder_format_info formats[] = {
	{LADDER_FORMAT_JSON, "json", no_aliases, lc_emit_json_view},
	{LADDER_FORMAT_MARKDOWN, "markdown", markdown_aliases, lc_emit_markdown},
	{LADDER_FORMAT_HTML, "html", no_aliases, lc_emit_html},
	{LADDER_FORMAT_CSV, "csv", no_aliases, lc_emit_csv},
	{LADDER_FORMAT_TEXT, "text", text_aliases, lc_emit_text},
};

enum { NFORMATS = sizeof formats / sizeof formats[0] };

static int name_is(const char *name, const char *s, size_t len)
{
	return strlen(name) == len && memcmp(name, s, len) == 0;
}

const ladder_format_info *ladder_format_find_n(const char *name, size_t len)
{
	for (size_t i = 0; i < NFORMATS; i++) {
		if (name_is(formats[i].name, name, len))
			return &formats[i];
		for (const char *const *a = formats[i].aliases; *a; a++)
			if (name_is(*a, name, len))
				return &formats[i];
	}
	return NULL;
}

const ladder_format_info *ladder_format_find(const char *name)
{
	return ladder_format_find_n(name, strlen(name));
}

const ladder_format_info *ladder_format_get(ladder_format f)
{
	if ((size_t)f >= NFORMATS)
		return NULL;
	return &formats[f];
}

int ladder_emit(const ladder *l, ladder_format f, const ladder_view *v, const ladder_emit_options *o,
                lc_buf *out)
{
	const ladder_format_info *fi = ladder_format_get(f);
	if (!fi)
		return -1;
	return fi->emit(l, v, o, out);
}
