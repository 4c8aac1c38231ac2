/* build --since: the site's changes pages (changes.html, changes.md). They
 * are `ladderc diff` of the old version and the ladder, in its HTML and
 * Markdown formats (grouped by role and level, word by word, the suggested
 * bump), with an anchor on every change (change-N: role pages link to it),
 * each change's own bump, and a way back to the overview. */
#include "ladderc/site.h"
#include "ladderc/diff.h"

#include <string.h>

#include "escape.h"

/* What the page says when nothing changed. */
static void no_changes(ladder_format f, const char *since, lc_buf *out)
{
	if (f == LADDER_FORMAT_HTML) {
		lc_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		                 "<title>Ladder changes</title>\n</head>\n<body>\n<main>\n"
		                 "<nav><a href=\"index.html\">Overview</a></nav>\n<h1>Ladder changes</h1>\n<p>No changes since ");
		lc_escape_html(out, since, strlen(since));
		lc_buf_puts(out, ".</p>\n</main>\n</body>\n</html>\n");
	} else {
		lc_buf_puts(out, "### Ladder changes\n\n[Overview](index.md)\n\nNo changes since ");
		lc_escape_markdown(out, since, strlen(since), 0);
		lc_buf_puts(out, ".\n");
	}
}

int lc_site_changes_render(const lc_diff_marks *m, ladder_format f, lc_buf *out)
{
	const lc_diff *d = lc_diff_marks_diff(m);
	const char *since = lc_diff_marks_since(m);
	lc_buf_clear(out);
	if (f != LADDER_FORMAT_HTML && f != LADDER_FORMAT_MARKDOWN)
		return -1;
	if (d->nchanges == 0) {
		no_changes(f, since, out);
		return lc_buf_failed(out) ? -1 : 0;
	}
	lc_buf title = LC_BUF_INIT, page = LC_BUF_INIT;
	lc_buf_puts(&title, "since ");
	lc_buf_puts(&title, since);
	lc_diff_emit_options o = {0, lc_buf_failed(&title) ? "" : title.data, 1};
	int rc = lc_diff_emit(d, f == LADDER_FORMAT_HTML ? LC_DIFF_HTML : LC_DIFF_MARKDOWN, &o, &page);
	if (rc == 0) {
		/* the way back to the overview, first in the page's main part (HTML)
		 * or under its heading (Markdown) */
		const char *at_html = "<main>\n";
		const char *mark = f == LADDER_FORMAT_HTML ? at_html : "\n\n";
		const char *p = page.data ? strstr(page.data, mark) : NULL;
		size_t cut = p ? (size_t)(p - page.data) + strlen(mark) : 0;
		lc_buf_put(out, page.data, cut);
		lc_buf_puts(out, f == LADDER_FORMAT_HTML ? "<nav><a href=\"index.html\">Overview</a></nav>\n"
		                                         : "[Overview](index.md)\n\n");
		lc_buf_put(out, page.data + cut, page.len - cut);
	}
	lc_buf_free(&title);
	lc_buf_free(&page);
	return rc < 0 || lc_buf_failed(out) ? -1 : 0;
}
