/* Reading the first Markdown table of a page, as Notion and Confluence
 * export them (GitHub-flavoured pipe tables):
 *
 *   | Competency | Junior (IC1) | Mid-level (IC2) |
 *   |---|---|---|
 *   | Autonomy | Works on ...<br>Asks ... | ... |
 *
 * Table lines start with '|' (after spaces). The line under the header is
 * the delimiter row of dashes and colons. Cells are trimmed; `\|` is a
 * literal bar and <br> (also <br/>, <br />) a line break; every other
 * character is kept as written. Lines before the table (a title, a
 * paragraph) and everything after it are not read. */
#include "import_table.h"

#include <string.h>

#include "text.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The length of a <br> tag at p (of n bytes), else 0. */
static size_t br_tag(const char *p, size_t n)
{
	static const char *const tags[] = {"<br>", "<br/>", "<br />"};
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
		size_t len = strlen(tags[k]), j = 0;
		if (len > n)
			continue;
		while (j < len && lc_text_ascii_lower((unsigned char)p[j]) == (unsigned char)tags[k][j])
			j++;
		if (j == len)
			return len;
	}
	return 0;
}

/* A cell that is all bold, **Craft** (a heading row as Notion writes it),
 * loses its stars: the name is the text. */
static void unbold(lc_buf *cell)
{
	size_t n = cell->len;
	if (n <= 4 || memcmp(cell->data, "**", 2) != 0 || memcmp(cell->data + n - 2, "**", 2) != 0)
		return;
	for (size_t i = 2; i + 2 < n; i++)
		if (cell->data[i] == '*')
			return;
	memmove(cell->data, cell->data + 2, n - 4);
	cell->len = n - 4;
}

size_t lc_md_line_end(const char *p, size_t n, size_t i)
{
	while (i < n && p[i] != '\n' && p[i] != '\r')
		i++;
	return i;
}

size_t lc_md_next_line(const char *p, size_t n, size_t end)
{
	if (end < n && p[end] == '\r')
		end++;
	if (end < n && p[end] == '\n')
		end++;
	return end;
}

/* The first non-blank byte of the line [i, end) when it is a '|', else end. */
static size_t table_start(const char *p, size_t i, size_t end)
{
	while (i < end && is_space(p[i]))
		i++;
	return i < end && p[i] == '|' ? i : end;
}

/* Splits the table line whose leading '|' is at p[i] into cells. */
static int split_line(lc_table *t, const char *p, size_t i, size_t end)
{
	t->cur_at = i; /* a line of bars only is a row of no cells: it starts here */
	i++; /* the leading bar */
	while (i < end) {
		while (i < end && is_space(p[i]))
			i++;
		size_t at = i, kept = 0; /* kept: scratch length up to the last non-blank */
		while (i < end && p[i] != '|') {
			size_t tag;
			if (p[i] == '\\' && i + 1 < end && p[i + 1] == '|') {
				lc_buf_putc(&t->scratch, '|');
				i += 2;
			} else if (p[i] == '<' && (tag = br_tag(p + i, end - i)) != 0) {
				lc_buf_putc(&t->scratch, '\n');
				i += tag;
			} else {
				lc_buf_putc(&t->scratch, p[i++]);
				if (is_space(p[i - 1]))
					continue;
			}
			kept = t->scratch.len;
		}
		t->scratch.len = kept; /* trailing blanks */
		unbold(&t->scratch);
		int last = i >= end;
		if (last && at == end)
			break; /* the closing bar was the last thing on the line */
		if (lc_table_end_cell(t, at) < 0)
			return -1;
		if (!last)
			i++; /* the bar */
	}
	return lc_table_end_row(t);
}

int lc_md_delimiter_row(const char *p, size_t i, size_t end)
{
	int dashes = 0;
	for (i++; i < end; i++) {
		char c = p[i];
		if (c == '-')
			dashes = 1;
		else if (c != '|' && c != ':' && !is_space(c))
			return 0;
	}
	return dashes;
}

int lc_table_read_markdown(lc_table *t, lc_source *src, lc_diags *d)
{
	const char *p = src->data;
	size_t n = src->len, i = 0, line = 0, header = 0;
	while (i < n) {
		size_t end = lc_md_line_end(p, n, i), bar = table_start(p, i, end);
		if (bar == end && line > 0)
			break; /* the end of the table */
		if (bar == end) {
			/* not yet in the table */
		} else if (line == 1) {
			if (!lc_md_delimiter_row(p, bar, end))
				break;
			line++;
		} else {
			if (line == 0)
				header = bar;
			if (split_line(t, p, bar, end) < 0)
				return -1;
			line++;
		}
		i = lc_md_next_line(p, n, end);
	}
	lc_mark whole = {src, 0, 0};
	if (line == 0) {
		lc_diags_add(d, LC_ERROR, &whole, NULL, "no Markdown table in this file (its lines start with '|')");
		return 1;
	}
	if (line == 1)
		return lc_table_error(d, src, header, "a Markdown table needs a row of dashes under its header (|---|---|)");
	return 0;
}
