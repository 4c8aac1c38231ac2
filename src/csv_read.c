/* The one reader of delimited text (src/csv_read.h says what it accepts).
 * Our own rather than libcsv: see docs/import.md ("CSV parsing"). */
#include "csv_read.h"

size_t lc_csv_line_break(const char *p, size_t n, size_t i)
{
	if (p[i] == '\n')
		return 1;
	if (p[i] == '\r')
		return i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
	return 0;
}

static lc_csv_end broken(lc_source *src, lc_diags *d, size_t at, const char *msg)
{
	lc_mark m = lc_source_mark_at(src, at);
	lc_diags_add(d, LC_ERROR, &m, NULL, "%s", msg);
	return LC_CSV_BROKEN;
}

/* A quoted cell from the quote at p[*i]; *i is then past the closing quote. */
static int quoted(lc_source *src, size_t *at, lc_buf *text, lc_diags *d)
{
	const char *p = src->data;
	size_t n = src->len, open = *at, i = open + 1;
	for (; i < n; i++) {
		size_t br;
		if (p[i] == '"') {
			if (i + 1 < n && p[i + 1] == '"') {
				lc_buf_putc(text, '"');
				i++;
				continue;
			}
			*at = i + 1;
			return 0;
		}
		if ((br = lc_csv_line_break(p, n, i)) != 0) {
			lc_buf_putc(text, '\n');
			i += br - 1;
			continue;
		}
		/* the run up to the next quote or line break, in one copy */
		size_t run = i;
		while (i + 1 < n && p[i + 1] != '"' && p[i + 1] != '\n' && p[i + 1] != '\r')
			i++;
		lc_buf_put(text, p + run, i + 1 - run);
	}
	return broken(src, d, open, "this quoted cell never ends (its closing '\"' is missing)");
}

lc_csv_end lc_csv_read_cell(lc_source *src, size_t *at, char delimiter, lc_buf *text, lc_diags *d)
{
	const char *p = src->data;
	size_t n = src->len, i = *at;
	if (i < n && p[i] == '"') {
		if (quoted(src, &i, text, d))
			return LC_CSV_BROKEN;
		if (i < n && p[i] != delimiter && !lc_csv_line_break(p, n, i))
			return broken(src, d, i, "text after the closing quote of a cell (a quote inside a quoted cell "
			                         "is written \"\")");
	} else {
		size_t start = i;
		while (i < n && p[i] != delimiter && !lc_csv_line_break(p, n, i))
			i++;
		lc_buf_put(text, p + start, i - start);
	}
	if (i < n && p[i] == delimiter) {
		*at = i + 1;
		return LC_CSV_CELL;
	}
	*at = i < n ? i + lc_csv_line_break(p, n, i) : i;
	return LC_CSV_ROW;
}
