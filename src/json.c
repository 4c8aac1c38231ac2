/* Streaming JSON writer. */
#include "json.h"

#include <string.h>

#include "escape.h"

void lc_json_init(lc_json *j, lc_buf *out)
{
	memset(j, 0, sizeof *j);
	j->out = out;
}

static void newline(lc_json *j)
{
	if (j->compact)
		return;
	/* the break and the indentation in one copy */
	static const char indent[2 + 2 * LC_JSON_MAX_DEPTH] = "\n"
		"                                                                ";
	lc_buf_put(j->out, indent, 1 + 2 * (size_t)j->depth);
}

/* Separator and indentation before a value (not after a key). */
static void before_value(lc_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (j->count[j->depth]++)
			lc_buf_putc(j->out, ',');
		newline(j);
	}
}

static void open_container(lc_json *j, char c)
{
	before_value(j);
	lc_buf_putc(j->out, c);
	if (j->depth + 1 < LC_JSON_MAX_DEPTH)
		j->depth++;
	j->count[j->depth] = 0;
}

static void close_container(lc_json *j, char c)
{
	int had = j->count[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (had)
		newline(j);
	lc_buf_putc(j->out, c);
}

void lc_json_object(lc_json *j) { open_container(j, '{'); }
void lc_json_array(lc_json *j) { open_container(j, '['); }
void lc_json_end_object(lc_json *j) { close_container(j, '}'); }
void lc_json_end_array(lc_json *j) { close_container(j, ']'); }

void lc_json_key_n(lc_json *j, const char *key, size_t len)
{
	before_value(j);
	lc_buf_putc(j->out, '"');
	lc_escape_json(j->out, key, len);
	lc_buf_puts(j->out, j->compact ? "\":" : "\": ");
	j->after_key = 1;
}

void lc_json_key(lc_json *j, const char *key)
{
	lc_json_key_n(j, key, strlen(key));
}

void lc_json_string(lc_json *j, const char *s, size_t len)
{
	before_value(j);
	lc_buf_putc(j->out, '"');
	lc_escape_json(j->out, s, len);
	lc_buf_putc(j->out, '"');
}

void lc_json_cstring(lc_json *j, const char *s)
{
	lc_json_string(j, s, strlen(s));
}

void lc_json_str(lc_json *j, ladder_str s)
{
	if (s.s)
		lc_json_string(j, s.s, s.len);
	else
		lc_json_null(j);
}

void lc_json_links(lc_json *j, const ladder_link *links, size_t n)
{
	lc_json_array(j);
	for (size_t i = 0; i < n; i++) {
		lc_json_object(j);
		lc_json_key(j, "name");
		lc_json_str(j, links[i].name);
		lc_json_key(j, "url");
		lc_json_str(j, links[i].url);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
}

void lc_json_role_levels(lc_json *j, const ladder *l, const ladder_role *r)
{
	lc_json_array(j);
	for (size_t k = 0; k < l->nlevels; k++)
		if (ladder_role_has_level(r, l->levels[k]))
			lc_json_str(j, l->levels[k]->id);
	lc_json_end_array(j);
}

void lc_json_number_text(lc_json *j, const char *s, size_t len)
{
	before_value(j);
	lc_buf_put(j->out, s, len);
}

void lc_json_int(lc_json *j, long long v)
{
	before_value(j);
	lc_buf_put_int(j->out, v);
}

void lc_json_bool(lc_json *j, int v)
{
	before_value(j);
	lc_buf_puts(j->out, v ? "true" : "false");
}

void lc_json_null(lc_json *j)
{
	before_value(j);
	lc_buf_puts(j->out, "null");
}

void lc_json_finish(lc_json *j)
{
	lc_buf_putc(j->out, '\n');
}
