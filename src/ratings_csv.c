/* Ratings as CSV, from a spreadsheet or a form export: one row per person and
 * competency under a header naming the columns (docs/assess.md). RFC 4180
 * fields (quoted fields may hold commas, quotes and line breaks), UTF-8 with
 * or without a byte order mark, LF or CRLF. The rows of one person are
 * gathered into one lc_rt_person; src/ratings.c checks the values.
 *
 * The cells come from the one reader of delimited text (src/csv_read.h),
 * shared with `ladderc import`. */
#include <string.h>

#include "csv_read.h"

#include "idmap.h"
#include "ratings_internal.h"
#include "text.h"

enum { COL_ID, COL_ROLE, COL_LEVEL, COL_SINCE, COL_COMPETENCY, COL_RATING, COL_NAME, COL_RATER, COL_TARGET,
       COL_EVIDENCE, NCOLS, NREQUIRED = COL_NAME };
static const char *const col_names[NCOLS] = {"id", "role", "level", "since", "competency", "rating",
                                             "name", "rater", "target", "evidence"};

typedef struct csv {
	lc_arena *arena;
	lc_source *src;
	lc_diags *diags;
	size_t at;              /* byte offset */
	int bad, nomem;
	int broken;             /* a quote never closed: the rows after it cannot be read */
} csv;

/* One field, unquoted, in the arena; its mark is where it starts. */
static int next_field(csv *c, lc_rt_field *f, int *end_of_row)
{
	f->at = lc_source_mark_at(c->src, c->at);
	lc_buf b = LC_BUF_INIT;
	lc_csv_end end = lc_csv_read_cell(c->src, &c->at, ',', &b, c->diags);
	if (end == LC_CSV_BROKEN) {
		c->bad = 1;
		lc_buf_free(&b);
		return -1;
	}
	*end_of_row = end == LC_CSV_ROW;
	f->len = b.len;
	f->s = lc_rt_copy(c->arena, b.data, b.len);
	if (!f->s || lc_buf_failed(&b))
		c->nomem = 1;
	lc_buf_free(&b);
	return 0;
}

/* One row into fields[0..max); the number of fields, -1 on a broken field. */
static long next_row(csv *c, lc_rt_field *fields, size_t max)
{
	size_t k = 0;
	int end = 0;
	while (!end) {
		lc_rt_field f;
		if (next_field(c, &f, &end) < 0)
			return -1;
		if (k < max)
			fields[k] = f;
		k++;
	}
	return (long)k;
}

/* The length of the blank line at c->at (LF, CRLF or CR), else 0. */
static size_t blank_line(const csv *c)
{
	return c->at < c->src->len ? lc_csv_line_break(c->src->data, c->src->len, c->at) : 0;
}

/* The header: the column of each known name (-1 when absent). */
static int read_header(csv *c, long *col, size_t *ncols)
{
	lc_rt_field h[64];
	long n = next_row(c, h, 64);
	if (n < 0)
		return -1;
	for (size_t k = 0; k < NCOLS; k++)
		col[k] = -1;
	for (long i = 0; i < n && i < 64; i++) {
		size_t k = 0;
		while (k < NCOLS && !(strlen(col_names[k]) == h[i].len && memcmp(col_names[k], h[i].s, h[i].len) == 0))
			k++;
		if (k < NCOLS) {
			col[k] = i;
			continue;
		}
		lc_text_suggest s;
		lc_text_suggest_init(&s, h[i].s, h[i].len);
		for (size_t j = 0; j < NCOLS; j++)
			lc_text_suggest_try(&s, col_names[j], strlen(col_names[j]));
		lc_buf q = LC_BUF_INIT;
		lc_text_put_quoted(&q, h[i].s, h[i].len, 60);
		if (s.best) {
			lc_buf_puts(&q, "; did you mean ");
			lc_text_put_quoted(&q, s.best, s.best_len, 60);
			lc_buf_puts(&q, "?");
		}
		lc_diags_add(c->diags, LC_ERROR, &h[i].at, NULL, "unknown column %s", q.data ? q.data : "");
		lc_buf_free(&q);
		c->bad = 1;
	}
	lc_mark whole = {c->src, 1, 1};
	for (size_t k = 0; k < NREQUIRED; k++)
		if (col[k] < 0) {
			lc_diags_add(c->diags, LC_ERROR, &whole, NULL, "the header has no column '%s' (it needs id, role, level, since, competency and rating)",
			             col_names[k]);
			c->bad = 1;
		}
	*ncols = (size_t)n;
	return c->bad ? -1 : 0;
}

/* The person fields of a later row must agree with the first one's. */
static void same_as_first(csv *c, lc_rt_field *first, const lc_rt_field *row, const char *name, const lc_rt_field *id)
{
	if (!row->len)
		return;
	if (!first->s || !first->len) {
		*first = *row;
		return;
	}
	if (first->len == row->len && memcmp(first->s, row->s, row->len) == 0)
		return;
	lc_diags_add(c->diags, LC_ERROR, &row->at, NULL, "this row gives %s a different '%s' from an earlier row",
	             id->s, name);
	lc_diags_add(c->diags, LC_NOTE, &first->at, NULL, "the earlier value");
	c->bad = 1;
}

/* `;`-separated evidence items, trimmed. */
static void split_evidence(csv *c, lc_rt_person *p, const lc_rt_field *f)
{
	size_t n = 1;
	for (size_t i = 0; i < f->len; i++)
		n += f->s[i] == ';';
	p->evidence = lc_arena_calloc(c->arena, n, sizeof *p->evidence);
	if (!p->evidence) {
		c->nomem = 1;
		return;
	}
	size_t s = 0;
	for (size_t i = 0; i <= f->len; i++) {
		if (i < f->len && f->s[i] != ';')
			continue;
		size_t a = s, e = i;
		while (a < e && f->s[a] == ' ')
			a++;
		while (e > a && f->s[e - 1] == ' ')
			e--;
		if (e > a)
			p->evidence[p->nevidence++] = (lc_rt_field){f->s + a, e - a, f->at, 0};
		s = i + 1;
	}
}

typedef struct person_rows {
	lc_rt_person p;
	size_t cap;
	lc_rt_field evidence;
} person_rows;

int lc_ratings_read_csv(lc_arena *arena, lc_source *src, lc_diags *diags, lc_rt_file *out)
{
	csv c = {arena, src, diags, 0, 0, 0, 0};
	out->csv = 1;
	if (src->len >= 3 && memcmp(src->data, "\xEF\xBB\xBF", 3) == 0)
		c.at = 3;
	long col[NCOLS];
	size_t ncols;
	if (src->len == c.at) {
		lc_mark whole = {src, 0, 0};
		lc_diags_add(diags, LC_ERROR, &whole, NULL, "the ratings file is empty");
		return -1;
	}
	if (read_header(&c, col, &ncols) < 0)
		return c.nomem ? -2 : -1;
	/* at most one person per row */
	size_t rows = 1;
	for (size_t i = c.at; i < src->len; i++)
		rows += src->data[i] == '\n' || src->data[i] == '\r'; /* a line break of any kind: CRLF counts twice */
	person_rows *people = lc_arena_calloc(arena, rows, sizeof *people);
	lc_rt_field *fields = lc_arena_calloc(arena, ncols, sizeof *fields);
	if (!people || !fields)
		return -2;
	lc_idmap ids;
	lc_idmap_init(&ids);
	size_t npeople = 0;
	while (c.at < src->len && !c.nomem) {
		size_t blank = blank_line(&c);
		if (blank) {
			c.at += blank;
			continue;
		}
		lc_mark row_at = lc_source_mark_at(src, c.at);
		long n = next_row(&c, fields, ncols);
		if (n < 0) {
			c.broken = 1;
			break;
		}
		if ((size_t)n != ncols) {
			lc_diags_add(diags, LC_ERROR, &row_at, NULL, "this row has %ld field%s; the header has %zu", n,
			             n == 1 ? "" : "s", ncols);
			c.bad = 1;
			continue;
		}
		lc_rt_field f[NCOLS];
		memset(f, 0, sizeof f);
		for (size_t k = 0; k < NCOLS; k++)
			if (col[k] >= 0)
				f[k] = fields[col[k]];
		if (!f[COL_ID].len) {
			lc_diags_add(diags, LC_ERROR, &f[COL_ID].at, NULL, "this row has no id");
			c.bad = 1;
			continue;
		}
		person_rows *pr = lc_idmap_get(&ids, f[COL_ID].s, f[COL_ID].len);
		if (!pr) {
			pr = &people[npeople++];
			pr->p.at = row_at;
			pr->p.id = f[COL_ID];
			if (lc_idmap_put(&ids, f[COL_ID].s, f[COL_ID].len, pr) == &ids)
				c.nomem = 1;
		}
		same_as_first(&c, &pr->p.role, &f[COL_ROLE], "role", &f[COL_ID]);
		same_as_first(&c, &pr->p.level, &f[COL_LEVEL], "level", &f[COL_ID]);
		same_as_first(&c, &pr->p.since, &f[COL_SINCE], "since", &f[COL_ID]);
		same_as_first(&c, &pr->p.name, &f[COL_NAME], "name", &f[COL_ID]);
		same_as_first(&c, &pr->p.rater, &f[COL_RATER], "rater", &f[COL_ID]);
		same_as_first(&c, &pr->p.target, &f[COL_TARGET], "target", &f[COL_ID]);
		same_as_first(&c, &pr->evidence, &f[COL_EVIDENCE], "evidence", &f[COL_ID]);
		if (!f[COL_COMPETENCY].len && !f[COL_RATING].len)
			continue; /* a person with nothing rated yet */
		if (!f[COL_COMPETENCY].len || !f[COL_RATING].len) {
			lc_diags_add(diags, LC_ERROR, f[COL_COMPETENCY].len ? &f[COL_RATING].at : &f[COL_COMPETENCY].at, NULL,
			             "this row has %s but no %s", f[COL_COMPETENCY].len ? "a competency" : "a rating",
			             f[COL_COMPETENCY].len ? "rating" : "competency");
			c.bad = 1;
			continue;
		}
		if (pr->p.nratings == pr->cap) {
			size_t cap = pr->cap ? pr->cap * 2 : 16;
			lc_rt_rating *nr = lc_arena_calloc(arena, cap, sizeof *nr);
			if (!nr) {
				c.nomem = 1;
				break;
			}
			if (pr->p.nratings)
				memcpy(nr, pr->p.ratings, pr->p.nratings * sizeof *nr);
			pr->p.ratings = nr;
			pr->cap = cap;
		}
		lc_rt_rating *rt = &pr->p.ratings[pr->p.nratings++];
		rt->competency = f[COL_COMPETENCY];
		rt->value = f[COL_RATING];
	}
	lc_idmap_free(&ids);
	if (c.nomem)
		return -2;
	out->people = lc_arena_calloc(arena, npeople ? npeople : 1, sizeof *out->people);
	if (!out->people)
		return -2;
	for (size_t i = 0; i < npeople; i++) {
		/* absent, not empty: the checks then say "needs" */
		lc_rt_field *opt[] = {&people[i].p.role, &people[i].p.level, &people[i].p.since, &people[i].p.name,
		                      &people[i].p.rater, &people[i].p.target};
		for (size_t k = 0; k < sizeof opt / sizeof opt[0]; k++)
			if (opt[k]->s && !opt[k]->len)
				opt[k]->s = NULL;
		if (people[i].evidence.len)
			split_evidence(&c, &people[i].p, &people[i].evidence);
		out->people[out->npeople++] = people[i].p;
	}
	if (c.nomem)
		return -2;
	return c.broken ? -1 : 0;
}
