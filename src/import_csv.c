/* Reading CSV and TSV as spreadsheets export them (RFC 4180 and what Excel,
 * LibreOffice and Google Sheets actually write): a delimiter between cells;
 * a cell in double quotes may hold the delimiter, line breaks and doubled
 * quotes ("" for one "); rows end with LF, CRLF or CR. Line breaks inside a
 * cell become "\n". A quote inside an unquoted cell is kept as it is (a
 * hand-written 5" screen), but text after a closing quote is an error: the
 * cell boundaries would be a guess.
 *
 * Our own reader rather than libcsv: see docs/import.md ("CSV parsing"). */
#include "import_table.h"

/* A line break at p[i] (LF, CR or CRLF): its length, else 0. */
static size_t line_break(const char *p, size_t n, size_t i)
{
	if (p[i] == '\n')
		return 1;
	if (p[i] == '\r')
		return i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
	return 0;
}

/* A quoted cell from the quote at p[i]; *end is where the text after the
 * closing quote starts. 0, 1 (no closing quote) or -1. */
static int quoted(lc_table *t, lc_source *src, size_t i, size_t *end, lc_diags *d)
{
	const char *p = src->data;
	size_t n = src->len, open = i;
	for (i++; i < n; i++) {
		size_t br;
		if (p[i] == '"') {
			if (i + 1 < n && p[i + 1] == '"') {
				lc_buf_putc(&t->scratch, '"');
				i++;
				continue;
			}
			*end = i + 1;
			return 0;
		}
		if ((br = line_break(p, n, i)) != 0) {
			lc_buf_putc(&t->scratch, '\n');
			i += br - 1;
			continue;
		}
		/* the run up to the next quote or line break, in one copy */
		size_t run = i;
		while (i + 1 < n && p[i + 1] != '"' && p[i + 1] != '\n' && p[i + 1] != '\r')
			i++;
		lc_buf_put(&t->scratch, p + run, i + 1 - run);
	}
	return lc_table_error(d, src, open, "this quoted cell never ends (its closing '\"' is missing)");
}

int lc_table_read_delimited(lc_table *t, lc_source *src, char delimiter, lc_diags *d)
{
	const char *p = src->data;
	size_t n = src->len, i = 0;
	while (i < n) {
		/* one cell, starting at i */
		size_t at = i;
		if (p[i] == '"') {
			int r = quoted(t, src, i, &i, d);
			if (r)
				return r;
			if (i < n && p[i] != delimiter && !line_break(p, n, i))
				return lc_table_error(d, src, i, "text after the closing quote of a cell (a quote inside "
				                                 "a quoted cell is written \"\")");
		} else {
			size_t start = i;
			while (i < n && p[i] != delimiter && !line_break(p, n, i))
				i++;
			lc_buf_put(&t->scratch, p + start, i - start);
		}
		if (lc_table_end_cell(t, at) < 0)
			return -1;
		if (i < n && p[i] == delimiter) {
			i++;
			if (i == n && lc_table_end_cell(t, i) < 0) /* a last, empty cell */
				return -1;
			continue;
		}
		if (i < n)
			i += line_break(p, n, i);
		if (lc_table_end_row(t) < 0)
			return -1;
	}
	if (t->ncur && lc_table_end_row(t) < 0)
		return -1;
	return 0;
}
