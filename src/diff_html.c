/* The diff as a self-contained HTML page (styles inline, light and dark):
 * the summary, then a section per role (after the whole ladder and all
 * roles), its changes listed under their level. Text from the ladders goes
 * through the HTML escaper. */
#include "diff_emit.h"

#include <string.h>

#include "escape.h"

static const lc_diff_style html = {lc_escape_html, "<del>", "</del>", "<ins>", "</ins>", "<br>", " "};

static const char html_head[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<title>Ladder changes</title>\n"
	"<style>\n"
	":root{color-scheme:light dark;--del:#ffebe9;--ins:#dafbe1;--fg:#1f2328;--muted:#59636e;--bg:#fff}\n"
	"@media (prefers-color-scheme:dark){:root{--del:#4c1d1d;--ins:#1b3d26;--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117}}\n"
	"body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0}\n"
	"main{max-width:60rem;margin:0 auto;padding:1rem}\n"
	"h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid var(--muted)}\n"
	".summary{color:var(--muted)}\n"
	"ul{padding-left:1.25rem}li{margin:.25rem 0;overflow-wrap:anywhere}\n"
	".kind{font-weight:600;text-transform:uppercase;font-size:.75rem;margin-right:.5rem}\n"
	".added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#9a6700}.moved{color:#0969da}\n"
	"code{font-size:.8rem;color:var(--muted)}\n"
	".value{white-space:pre-wrap;margin:.25rem 0 .5rem}\n"
	"del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);text-decoration:underline}\n";

static const char html_body[] =
	"</style>\n"
	"</head>\n"
	"<body>\n"
	"<main>\n";

/* The site's changes page (anchors): its kinds in classes of their own (a
 * role page's `changed` is a mark of a changed cell), legible in dark mode
 * too, and its way back to the overview hidden in print as on the site's
 * pages. */
static const char site_css[] =
	".k-added{color:#1a7f37}.k-removed{color:#cf222e}.k-changed{color:#9a6700}.k-moved{color:#0969da}\n"
	"@media (prefers-color-scheme:dark){.k-added{color:#3fb950}.k-removed{color:#ff7b72}.k-changed{color:#d29922}"
	".k-moved{color:#58a6ff}}\n"
	"li[id]{scroll-margin-top:1rem}li:target{outline:2px solid currentColor}\n"
	"@media print{nav{display:none}}\n";

static void section_title(lc_buf *out, const lc_diff_section *s)
{
	if (s->role_id.s) {
		lc_diff_put_str(out, &html, s->role_name);
		lc_buf_puts(out, " <code>");
		lc_diff_put_str(out, &html, s->role_id);
		lc_buf_puts(out, "</code>");
	} else {
		lc_buf_puts(out, s->all_roles ? "All roles" : "Whole ladder");
	}
}

static int put_change(lc_buf *out, const lc_diff_emit_options *o, const lc_change *ch, size_t index)
{
	const char *kind = lc_change_kind_name(ch->kind);
	if (o->anchors) /* the entry role pages link to, and its own bump */
		lc_buf_printf(out, "<li id=\"change-%zu\"><span class=\"kind k-%s\">%s</span><span class=\"kind\">%s</span>", index,
		              kind, kind, lc_bump_name(ch->bump));
	else
		lc_buf_printf(out, "<li><span class=\"kind %s\">%s</span>", kind, kind);
	lc_diff_put_str(out, &html, ch->label);
	lc_buf_puts(out, " <code>");
	lc_diff_put_str(out, &html, ch->path);
	lc_buf_puts(out, "</code><div class=\"value\">");
	int rc = lc_diff_put_value(out, &html, ch);
	lc_buf_puts(out, "</div></li>\n");
	return rc;
}

/* A section: its heading, and its changes, those about a level in a nested
 * list under it. */
static int put_section(lc_buf *out, const lc_diff *d, const lc_diff_emit_options *o, const lc_diff_section *s)
{
	lc_buf_puts(out, "<section>\n<h2>");
	section_title(out, s);
	lc_buf_puts(out, "</h2>\n<ul>\n");
	int rc = 0;
	ladder_str level = {NULL, 0};
	for (size_t i = 0; i < s->nitems && rc == 0; i++) {
		const lc_change *ch = &d->changes[s->items[i].order];
		if (ch->level_id.s && (!level.s || !ladder_str_eq(level, ch->level_id))) {
			if (level.s)
				lc_buf_puts(out, "</ul></li>\n");
			level = ch->level_id;
			lc_buf_puts(out, "<li><strong>");
			lc_diff_put_str(out, &html, level);
			lc_buf_puts(out, "</strong>\n<ul>\n");
		}
		rc = put_change(out, o, ch, s->items[i].order);
	}
	if (level.s)
		lc_buf_puts(out, "</ul></li>\n");
	lc_buf_puts(out, "</ul>\n</section>\n");
	return rc;
}

int lc_diff_emit_html(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	lc_buf_puts(out, html_head);
	if (o->anchors)
		lc_buf_puts(out, site_css);
	lc_buf_puts(out, html_body);
	lc_buf_puts(out, "<h1>Ladder changes");
	if (o->title) {
		lc_buf_puts(out, ": ");
		lc_escape_html(out, o->title, strlen(o->title));
	}
	lc_buf_puts(out, "</h1>\n<p class=\"summary\">");
	if (lc_diff_put_filter(out, &html, d))
		lc_buf_puts(out, " · ");
	lc_diff_put_summary(out, &html, d, " · ", "<strong>", "</strong>");
	lc_buf_puts(out, "</p>\n");
	int rc = lc_diff_each_section(out, d, o, put_section);
	lc_buf_puts(out, "</main>\n</body>\n</html>\n");
	return rc;
}
