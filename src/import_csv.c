/* Reading CSV and TSV as spreadsheets export them into a table: the cells
 * come from the one reader of delimited text (src/csv_read.h), shared with
 * the CSV ratings of `assess`. */
#include "import_table.h"

#include "csv_read.h"

int lc_table_read_delimited(lc_table *t, lc_source *src, char delimiter, lc_diags *d)
{
	size_t n = src->len, i = 0;
	while (i < n) {
		size_t at = i;
		lc_csv_end end = lc_csv_read_cell(src, &i, delimiter, &t->scratch, d);
		if (end == LC_CSV_BROKEN)
			return 1;
		if (lc_table_end_cell(t, at) < 0)
			return -1;
		if (end == LC_CSV_CELL) {
			if (i == n && lc_table_end_cell(t, i) < 0) /* a last, empty cell */
				return -1;
			continue;
		}
		if (lc_table_end_row(t) < 0)
			return -1;
	}
	if (t->ncur && lc_table_end_row(t) < 0)
		return -1;
	return 0;
}
