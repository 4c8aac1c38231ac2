/* Private: one reader of delimited text (CSV, TSV) for every command that
 * reads a spreadsheet — `import` (src/import_csv.c) and `assess`'s CSV
 * ratings (src/ratings_csv.c) — so both split cells, unquote and report
 * broken quotes alike.
 *
 * RFC 4180 and what Excel, LibreOffice and Google Sheets write: a delimiter
 * between cells; a cell in double quotes may hold the delimiter, line breaks
 * and doubled quotes ("" for one "); rows end with LF, CRLF or CR, and a
 * line break inside a quoted cell becomes "\n". A quote inside an unquoted
 * cell is kept as it is (a hand-written 5" screen), but text after a closing
 * quote is an error: the cell boundaries would be a guess. */
#ifndef LADDERC_CSV_READ_H
#define LADDERC_CSV_READ_H

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/diag.h"

typedef enum lc_csv_end {
	LC_CSV_CELL = 0,   /* a cell; another follows in the row */
	LC_CSV_ROW = 1,    /* the row's last cell (a line break or the end followed) */
	LC_CSV_BROKEN = -1 /* a quote never closed, or text after a closing quote: reported */
} lc_csv_end;

/* A line break at p[i] (LF, CR or CRLF): its length, else 0. */
size_t lc_csv_line_break(const char *p, size_t n, size_t i);

/* Reads the cell of src that starts at *i: its text is appended to `text`,
 * *i moves past it and its delimiter or line break. A broken cell is a
 * located error in `d`. */
lc_csv_end lc_csv_read_cell(lc_source *src, size_t *i, char delimiter, lc_buf *text, lc_diags *d);

#endif
