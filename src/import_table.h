/* Private: a table read from a spreadsheet export or a wiki page, before it
 * means anything: rows of cells, each cell's text (UTF-8, line breaks as
 * "\n") and the byte offset where it starts in the source, for messages.
 * The readers (import_csv.c, import_markdown.c) fill it; import.c reads
 * the ladder out of it. */
#ifndef LADDERC_IMPORT_TABLE_H
#define LADDERC_IMPORT_TABLE_H

#include <stddef.h>

#include "ladderc/arena.h"
#include "ladderc/buf.h"
#include "ladderc/diag.h"

typedef struct lc_cell {
	const char *text;  /* NUL-terminated, in the table's arena */
	size_t len;
	size_t at;         /* byte offset of the cell in the source */
} lc_cell;

typedef struct lc_row {
	lc_cell *cells;
	size_t n;
	size_t at;         /* byte offset where the row starts */
} lc_row;

typedef struct lc_table {
	lc_arena *arena;
	lc_row *rows;
	size_t nrows, cap;
	lc_cell *cur;      /* the row being read */
	size_t ncur, capcur;
	size_t cur_at;
	lc_buf scratch;    /* the cell being read */
} lc_table;

/* 0, or -1 out of memory. */
int lc_table_init(lc_table *t);
void lc_table_free(lc_table *t);
/* Ends the cell in t->scratch, which started at `at`. 0 or -1 (memory). */
int lc_table_end_cell(lc_table *t, size_t at);
/* Ends the row being read. 0 or -1 (memory). */
int lc_table_end_row(lc_table *t);

/* The readers: 0 when the table was read, 1 when the source is malformed
 * (an error added to d), -1 out of memory. */
int lc_table_read_delimited(lc_table *t, lc_source *src, char delimiter, lc_diags *d);
int lc_table_read_markdown(lc_table *t, lc_source *src, lc_diags *d);

/* Grows *p, an array of *cap elements of `size` bytes holding n, to hold
 * one more. 0, or -1 out of memory (*p is then as before). */
int lc_table_grow(void **p, size_t *cap, size_t n, size_t size);

/* A cell's text without blanks and line breaks at either end, and without
 * the apostrophe that spreadsheet writers (ladderc among them) put before a
 * leading = + - @ so that it is not run as a formula. */
const char *lc_table_cell_text(const lc_cell *c, size_t *n);

/* An id as the format allows: [A-Za-z0-9][A-Za-z0-9_-]*, at most 100 bytes. */
int lc_import_is_id(const char *s, size_t n);

/* Lines, for the Markdown reader and the sniffer: the end of the line that
 * starts at i (before its LF, CR or CRLF); the start of the next line after
 * the end `end`; and 1 when the line [i, end), whose first non-blank byte
 * p[i] is its '|', is a delimiter row (|---|:--:|). */
size_t lc_md_line_end(const char *p, size_t n, size_t i);
size_t lc_md_next_line(const char *p, size_t n, size_t end);
int lc_md_delimiter_row(const char *p, size_t i, size_t end);

/* Adds an error located at byte offset `at` of src. Returns 1 (the readers' "malformed"). */
int lc_table_error(lc_diags *d, lc_source *src, size_t at, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
