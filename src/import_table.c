/* The table that import reads (import_table.h). */
#include "import_table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int lc_table_init(lc_table *t)
{
	memset(t, 0, sizeof *t);
	lc_buf_init(&t->scratch);
	t->arena = lc_arena_new();
	return t->arena ? 0 : -1;
}

void lc_table_free(lc_table *t)
{
	lc_arena_free(t->arena);
	free(t->rows);
	free(t->cur);
	lc_buf_free(&t->scratch);
	memset(t, 0, sizeof *t);
}

int lc_table_grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / size)
		return -1;
	void *q = realloc(*p, ncap * size);
	if (!q)
		return -1;
	*p = q;
	*cap = ncap;
	return 0;
}

int lc_table_end_cell(lc_table *t, size_t at)
{
	if (lc_buf_failed(&t->scratch) || lc_table_grow((void **)&t->cur, &t->capcur, t->ncur, sizeof *t->cur) < 0)
		return -1;
	char *text = lc_arena_memdup(t->arena, t->scratch.len ? t->scratch.data : "", t->scratch.len);
	if (!text)
		return -1;
	if (t->ncur == 0)
		t->cur_at = at;
	t->cur[t->ncur++] = (lc_cell){text, t->scratch.len, at};
	lc_buf_clear(&t->scratch);
	return 0;
}

int lc_table_end_row(lc_table *t)
{
	if (lc_table_grow((void **)&t->rows, &t->cap, t->nrows, sizeof *t->rows) < 0)
		return -1;
	lc_cell *cells = lc_arena_calloc(t->arena, t->ncur ? t->ncur : 1, sizeof *cells);
	if (!cells)
		return -1;
	if (t->ncur)
		memcpy(cells, t->cur, t->ncur * sizeof *cells);
	t->rows[t->nrows++] = (lc_row){cells, t->ncur, t->cur_at};
	t->ncur = 0;
	return 0;
}

int lc_table_error(lc_diags *d, lc_source *src, size_t at, const char *fmt, ...)
{
	lc_mark m = lc_source_mark_at(src, at);
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(d, LC_ERROR, &m, NULL, fmt, ap);
	va_end(ap);
	return 1;
}

const char *lc_table_cell_text(const lc_cell *c, size_t *n)
{
	const char *s = c->text;
	size_t len = c->len;
	while (len && s[0] && strchr(" \t\r\n", s[0]))
		s++, len--;
	while (len && s[len - 1] && strchr(" \t\r\n", s[len - 1]))
		len--;
	if (len >= 2 && s[0] == '\'' && s[1] && strchr("=+-@", s[1]))
		s++, len--;
	*n = len;
	return s;
}

int lc_import_is_id(const char *s, size_t n)
{
	if (n == 0 || n > 100 || !lc_text_is_ascii_alnum((unsigned char)s[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!lc_text_is_ascii_alnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}
