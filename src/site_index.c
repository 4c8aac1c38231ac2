/* The index at the top of a build of several ladders (DIR/index.html,
 * DIR/index.md): every ladder in the order the command line gives them, with
 * its name, title, id and updated date, linking to its overview at
 * ID/index.html or ID/index.md. A build of one ladder has its overview at the
 * top already and writes no index. Ladder text goes through the one escaper
 * of each format (src/escape.h); ids are validated slugs. */
#include "ladderc/site.h"
#include "escape.h"

#include <string.h>

#include "emit_html.h"

static const char index_title[] = "Career ladders";

static void html_text(lc_buf *out, ladder_str s)
{
	lc_escape_html(out, s.s, s.len);
}

static void markdown_text(lc_buf *out, ladder_str s)
{
	lc_escape_markdown(out, s.s, s.len, 0);
}

typedef void (*put_text_fn)(lc_buf *out, ladder_str s);

/* "NAME: TITLE" of a ladder, as its overview's heading has it. */
static void ladder_heading(lc_buf *out, const ladder *l, put_text_fn put_text)
{
	put_text(out, l->name);
	if (l->title.s) {
		lc_buf_puts(out, ": ");
		put_text(out, l->title);
	}
}

/* "(ID, updated DATE)" after the link. */
static void ladder_facts(lc_buf *out, const ladder *l, put_text_fn put_text)
{
	lc_buf_putc(out, '(');
	put_text(out, l->id);
	if (l->updated.s) {
		lc_buf_puts(out, ", updated ");
		put_text(out, l->updated);
	}
	lc_buf_putc(out, ')');
}

static void index_html(const ladder *const *ls, size_t n, lc_buf *out)
{
	lc_html_page_begin(out, index_title);
	lc_buf_puts(out, "<h1>");
	lc_buf_puts(out, index_title);
	lc_buf_puts(out, "</h1>\n<ul class=\"ladders\">\n");
	for (size_t i = 0; i < n; i++) {
		lc_buf_puts(out, "<li><a href=\"");
		html_text(out, ls[i]->id);
		lc_buf_puts(out, "/index.html\">");
		ladder_heading(out, ls[i], html_text);
		lc_buf_puts(out, "</a> <span class=\"muted\">");
		ladder_facts(out, ls[i], html_text);
		lc_buf_puts(out, "</span></li>\n");
	}
	lc_buf_printf(out, "</ul>\n</main>\n<footer class=\"site\"><p>Compiled by ladderc from %zu ladders.</p>"
	                   "</footer>\n</body>\n</html>\n", n);
}

static void index_markdown(const ladder *const *ls, size_t n, lc_buf *out)
{
	lc_buf_puts(out, "# ");
	lc_buf_puts(out, index_title);
	lc_buf_puts(out, "\n\n");
	for (size_t i = 0; i < n; i++) {
		lc_buf_puts(out, "- [");
		ladder_heading(out, ls[i], markdown_text);
		lc_buf_puts(out, "](");
		lc_buf_put(out, ls[i]->id.s, ls[i]->id.len); /* a slug: a link destination as it is */
		lc_buf_puts(out, "/index.md) ");
		ladder_facts(out, ls[i], markdown_text);
		lc_buf_putc(out, '\n');
	}
}

int lc_site_index_render(const ladder *const *ls, size_t n, ladder_format f, lc_buf *out)
{
	lc_buf_clear(out);
	if (f == LADDER_FORMAT_HTML)
		index_html(ls, n, out);
	else if (f == LADDER_FORMAT_MARKDOWN)
		index_markdown(ls, n, out);
	else
		return -1;
	return lc_buf_failed(out) ? -1 : 0;
}

int lc_site_dir_write_index(lc_site_dir *d, const ladder *const *ls, size_t n, unsigned formats, lc_buf *scratch,
                            lc_buf *err)
{
	static const struct {
		unsigned bit;
		ladder_format format;
		const char *name;
	} pages[] = {{LC_SITE_HTML, LADDER_FORMAT_HTML, "index.html"},
	             {LC_SITE_MARKDOWN, LADDER_FORMAT_MARKDOWN, "index.md"}};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		if (!(formats & pages[i].bit))
			continue;
		if (lc_site_index_render(ls, n, pages[i].format, scratch) < 0) {
			lc_buf_clear(err);
			lc_buf_printf(err, "out of memory while rendering '%s'", pages[i].name);
			return -1;
		}
		if (lc_site_dir_write(d, NULL, pages[i].name, scratch, err) < 0)
			return -1;
	}
	return 0;
}
