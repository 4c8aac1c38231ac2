/* `ladderc import --into LADDER` of the long CSV that `render -f csv` writes
 * (import_render.h): each row whose source_level is its own level holds the
 * cell of a competency at that level, found in the ladder by the row's role,
 * group and competency ids; its text, and with the proficiency and examples
 * columns its proficiency and examples, replace the ladder's.
 *
 * The CSV shows a cell once for every role and chain that shows it (a
 * company-wide competency under every role, a trunk level under every track
 * forking from it), so an edit made in one of those rows wins over the rows
 * that still show the ladder's cell; two different edits of one cell are an
 * error. A cell the table shows as the ladder has it is left as the ladder
 * writes it. */
#include "import_render.h"

#include <stdint.h>
#include <string.h>

#include "idmap.h"

/* A cell as the table gives it. */
typedef struct cell_value {
	const char *text;          /* "" with a proficiency: the proficiency alone */
	size_t len;
	const ladder_proficiency *proficiency;
	lc_import_examples examples;
} cell_value;

typedef struct into_reader {
	const lc_table *t;
	lc_source *src;
	lc_diags *d;
	lc_arena *a;
	const ladder *l;
	const lc_import_options *o;
	int details;               /* the table has the proficiency and examples columns */
	lc_import_fill *fills;     /* one per competency of the ladder */
	size_t nfills;
	lc_idmap keys;             /* "ROLE\tGROUP\tCOMPETENCY" ("" for a company-wide group) -> fill + 1 */
	lc_import_report report;
	const lc_row **repeats;    /* rows showing a lower level's text again */
	size_t nrepeats, caprepeats;
	int nomem;
} into_reader;

static const char *text_of(const lc_row *row, size_t j, size_t *n)
{
	return lc_table_cell_text(&row->cells[j], n);
}

static int bad(into_reader *r, const lc_row *row, size_t j, const char *what)
{
	return lc_table_error(r->d, r->src, row->cells[j].at, "%s", what);
}

/* ---- the ladder's competencies, by key ---------------------------------------------- */

static void put_key(into_reader *r, ladder_str role, ladder_str group, ladder_str comp, size_t fill)
{
	lc_buf key = LC_BUF_INIT;
	lc_buf_printf(&key, "%.*s\t%.*s\t%.*s", (int)role.len, role.s ? role.s : "", (int)group.len, group.s,
	              (int)comp.len, comp.s);
	char *k = lc_buf_failed(&key) ? NULL : lc_arena_memdup(r->a, key.data, key.len);
	if (!k || lc_idmap_put(&r->keys, k, key.len, (void *)(uintptr_t)(fill + 1)) == &r->keys)
		r->nomem = 1;
	lc_buf_free(&key);
}

static void index_groups(into_reader *r, ladder_group *const *gs, size_t ng, ladder_str role)
{
	for (size_t g = 0; g < ng; g++)
		for (size_t i = 0; i < gs[g]->ncompetencies; i++) {
			r->fills[r->nfills].c = gs[g]->competencies[i];
			put_key(r, role, gs[g]->id, gs[g]->competencies[i]->id, r->nfills);
			r->nfills++;
		}
}

static int index_ladder(into_reader *r)
{
	const ladder *l = r->l;
	size_t n = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		n += l->groups[g]->ncompetencies;
	for (size_t i = 0; i < l->nroles; i++)
		for (size_t g = 0; g < l->roles[i]->ngroups; g++)
			n += l->roles[i]->groups[g]->ncompetencies;
	r->fills = lc_arena_calloc(r->a, n ? n : 1, sizeof *r->fills);
	if (!r->fills)
		return -1;
	index_groups(r, l->groups, l->ngroups, (ladder_str){"", 0});
	for (size_t i = 0; i < l->nroles; i++)
		index_groups(r, l->roles[i]->groups, l->roles[i]->ngroups, l->roles[i]->id);
	return r->nomem ? -1 : 0;
}

/* The fill of the row's competency: its role's own, else the company-wide one. NONE: none. */
static size_t fill_of_row(into_reader *r, const lc_row *row)
{
	size_t rn, gn, cn;
	const char *role = text_of(row, LC_LONG_ROLE_ID, &rn), *g = text_of(row, LC_LONG_GROUP, &gn),
		   *c = text_of(row, LC_LONG_COMP_ID, &cn);
	uintptr_t v = 0;
	lc_buf key = LC_BUF_INIT;
	for (int company = 0; company <= 1 && !v; company++) {
		lc_buf_clear(&key);
		lc_buf_printf(&key, "%.*s\t%.*s\t%.*s", company ? 0 : (int)rn, role, (int)gn, g, (int)cn, c);
		if (lc_buf_failed(&key))
			r->nomem = 1;
		else
			v = (uintptr_t)lc_idmap_get(&r->keys, key.data, key.len);
	}
	lc_buf_free(&key);
	return v ? (size_t)v - 1 : (size_t)-1;
}

/* ---- a row's cell ---------------------------------------------------------------------- */

/* An id cell as a NUL-terminated id in buf, or "" when it cannot be one. */
static const char *id_of(const lc_row *row, size_t j, char buf[101])
{
	size_t n;
	const char *s = text_of(row, j, &n);
	if (!lc_import_is_id(s, n))
		n = 0;
	memcpy(buf, s, n);
	buf[n] = 0;
	return buf;
}

static int unknown_proficiency(into_reader *r, const lc_row *row, const char *id)
{
	const ladder *l = r->l;
	if (!l->nproficiency)
		return lc_table_error(r->d, r->src, row->cells[LC_LONG_PROFICIENCY].at,
		                      "'%s' is not a proficiency level: the ladder names none", id);
	lc_buf known = LC_BUF_INIT;
	for (size_t i = 0; i < l->nproficiency; i++)
		lc_buf_printf(&known, "%s%.*s", i ? ", " : "", (int)l->proficiency[i].id.len, l->proficiency[i].id.s);
	lc_buf_printf(&known, ")");
	int st = lc_table_error(r->d, r->src, row->cells[LC_LONG_PROFICIENCY].at,
	                        "'%s' is not a proficiency level of the ladder (valid: %s", id,
	                        lc_buf_failed(&known) ? ")" : known.data);
	lc_buf_free(&known);
	return st;
}

/* The cell the row gives: 0 (*v filled, or v->text NULL when the row gives
 * none), 1 after an error, -1 out of memory. */
static int read_cell(into_reader *r, const lc_row *row, cell_value *v)
{
	size_t n;
	const char *s = text_of(row, LC_LONG_TEXT, &n);
	memset(v, 0, sizeof *v);
	if (r->details) {
		char id[101];
		size_t pn;
		text_of(row, LC_LONG_PROFICIENCY, &pn);
		if (pn) {
			id_of(row, LC_LONG_PROFICIENCY, id);
			v->proficiency = id[0] ? ladder_find_proficiency(r->l, id) : NULL;
			if (!v->proficiency) {
				size_t rawn;
				const char *raw = text_of(row, LC_LONG_PROFICIENCY, &rawn);
				lc_buf q = LC_BUF_INIT;
				lc_buf_put(&q, raw, rawn > 100 ? 100 : rawn);
				int st = lc_buf_failed(&q) ? -1 : unknown_proficiency(r, row, q.data ? q.data : "");
				lc_buf_free(&q);
				return st;
			}
		}
		const char *why;
		size_t en;
		const char *es = text_of(row, LC_LONG_EXAMPLES, &en);
		int st = lc_import_render_examples(r->a, es, en, &v->examples, &why);
		if (st)
			return st < 0 ? -1 : bad(r, row, LC_LONG_EXAMPLES, why);
		if (n == 0 && !v->proficiency && v->examples.n)
			return bad(r, row, LC_LONG_TEXT, "examples without a text or a proficiency");
	}
	if (n == 0 && !v->proficiency)
		return 0;
	int st = lc_import_render_text(r->a, s, n, &v->text, &v->len);
	if (st)
		return st < 0 ? -1 : bad(r, row, LC_LONG_TEXT, "a control character in this cell");
	return 0;
}

/* The text a cell reads as: the proficiency's name for the proficiency alone. */
static ladder_str effective_text(const cell_value *v)
{
	if (v->len == 0 && v->proficiency)
		return v->proficiency->name;
	return (ladder_str){v->text, v->len};
}

static int same_str(ladder_str a, ladder_str b)
{
	return a.s && b.s && a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* 1 when the cell v is the ladder's cell of c at level k (the details only
 * when the table has them). */
static int is_ladders(const into_reader *r, const ladder_competency *c, size_t k, const cell_value *v)
{
	const ladder_level *lv = r->l->levels[k];
	if (!same_str(effective_text(v), c->text[k]))
		return 0;
	if (!r->details)
		return 1;
	lc_import_examples ex;
	ex.items = ladder_cell_examples(c, lv, &ex.n);
	return ladder_cell_proficiency(c, lv) == v->proficiency && lc_import_same_examples(&ex, &v->examples);
}

static int same_value(const into_reader *r, const cell_value *a, const cell_value *b)
{
	return same_str(effective_text(a), effective_text(b)) && a->len == b->len &&
	       (!r->details || (a->proficiency == b->proficiency && lc_import_same_examples(&a->examples, &b->examples)));
}

static int fill_alloc(into_reader *r, lc_import_fill *f)
{
	size_t n = r->l->nlevels ? r->l->nlevels : 1;
	if (f->text)
		return 0;
	f->text = lc_arena_calloc(r->a, n, sizeof *f->text);
	f->len = lc_arena_calloc(r->a, n, sizeof *f->len);
	if (r->details) {
		f->details = lc_arena_calloc(r->a, n, sizeof *f->details);
		f->proficiency = lc_arena_calloc(r->a, n, sizeof *f->proficiency);
		f->examples = lc_arena_calloc(r->a, n, sizeof *f->examples);
	}
	return f->text && f->len && (!r->details || (f->details && f->proficiency && f->examples)) ? 0 : -1;
}

static cell_value fill_value(const lc_import_fill *f, size_t k)
{
	cell_value v = {f->text[k], f->len[k], NULL, {NULL, 0}};
	if (f->details) {
		v.proficiency = f->proficiency[k];
		v.examples = f->examples[k];
	}
	return v;
}

/* Sets the fill's cell at k: a cell that the rows change wins over the rows
 * showing the ladder's. *seen marks the cells some row gave. */
static int place(into_reader *r, const lc_row *row, lc_import_fill *f, size_t k, const cell_value *v,
                 unsigned char *seen)
{
	if (fill_alloc(r, f) < 0)
		return -1;
	seen[k] = 1;
	if (is_ladders(r, f->c, k, v))
		return 0; /* the ladder's cell: left as the ladder writes it */
	cell_value had = fill_value(f, k);
	if (had.text) /* an earlier row changed it already */
		return same_value(r, &had, v) ? 0
		                              : bad(r, row, LC_LONG_TEXT, "another change of this competency's cell "
		                                    "at this level in an earlier row");
	f->text[k] = v->text;
	f->len[k] = v->len;
	if (r->details) {
		f->details[k] = 1;
		f->proficiency[k] = v->proficiency;
		f->examples[k] = v->examples;
	}
	return 0;
}

/* The row's level, where its competency applies: NULL after an error. */
static const ladder_level *level_of(into_reader *r, const lc_row *row, const ladder_competency *c, int *err)
{
	char id[101];
	const ladder_level *lv = ladder_find_level(r->l, id_of(row, LC_LONG_LEVEL_ID, id));
	if (!lv) {
		size_t n;
		const char *s = text_of(row, LC_LONG_LEVEL_ID, &n);
		lc_table_error(r->d, r->src, row->cells[LC_LONG_LEVEL_ID].at, "'%.*s' is not a level of the ladder",
		               (int)(n > 100 ? 100 : n), s);
		*err = 1;
		return NULL;
	}
	if (!ladder_competency_applies(c, c->group->role, lv)) {
		lc_table_error(r->d, r->src, row->cells[LC_LONG_LEVEL_ID].at,
		               "competency '%.*s' does not apply at level %s in the ladder", (int)c->id.len, c->id.s,
		               id);
		*err = 1;
		return NULL;
	}
	return lv;
}

static int read_row(into_reader *r, const lc_row *row, unsigned char **seen)
{
	size_t width = r->details ? LC_LONG_DETAILS_WIDTH : LC_LONG_WIDTH, ln, sn;
	if (row->n < width)
		return lc_table_error(r->d, r->src, row->cells[row->n - 1].at, "this row has %zu cells and the header %zu",
		                      row->n, width);
	const char *level = text_of(row, LC_LONG_LEVEL_ID, &ln), *source = text_of(row, LC_LONG_SOURCE, &sn);
	if (sn != ln || memcmp(level, source, ln) != 0) {
		if (!sn)
			return 0; /* no text */
		/* a text from below: checked once every row is read */
		if (r->nrepeats == r->caprepeats) {
			size_t cap = r->caprepeats ? 2 * r->caprepeats : 64;
			const lc_row **more = realloc(r->repeats, cap * sizeof *more);
			if (!more)
				return -1;
			r->repeats = more;
			r->caprepeats = cap;
		}
		r->repeats[r->nrepeats++] = row;
		return 0;
	}
	cell_value v;
	int st = read_cell(r, row, &v);
	if (st || !v.text)
		return st;
	size_t i = fill_of_row(r, row);
	if (i == (size_t)-1) {
		size_t gn, cn;
		const char *g = text_of(row, LC_LONG_GROUP, &gn), *c = text_of(row, LC_LONG_COMP_ID, &cn);
		lc_mark m = lc_source_mark_at(r->src, row->cells[LC_LONG_COMP_ID].at);
		lc_diags_add(r->d, r->o->force ? LC_WARNING : LC_ERROR, &m, NULL,
		             "'%.*s' (group '%.*s') is not a competency of the ladder for this role%s", (int)(cn > 100 ? 100 : cn),
		             c, (int)(gn > 100 ? 100 : gn), g, r->o->force ? "; skipped (--force)" : "");
		r->report.unplaced++;
		return r->nomem ? -1 : !r->o->force;
	}
	int err = 0;
	lc_import_fill *f = &r->fills[i];
	const ladder_level *lv = level_of(r, row, f->c, &err);
	if (!lv)
		return 1;
	if (!seen[i] && !(seen[i] = lc_arena_calloc(r->a, r->l->nlevels, 1)))
		return -1;
	return place(r, row, f, lv->index, &v, seen[i]);
}

/* A row that shows a lower level's text again (its source_level) says what
 * that level will hold: the text this CSV gives it, else the ladder's. An
 * edit made in such a row would otherwise be lost. */
static int check_repeat(into_reader *r, const lc_row *row)
{
	size_t n;
	const char *s = text_of(row, LC_LONG_TEXT, &n), *t;
	if (!n)
		return 0;
	size_t i = fill_of_row(r, row);
	if (i == (size_t)-1)
		return 0; /* its competency's own rows say what is wrong */
	char id[101];
	const ladder_level *ks = ladder_find_level(r->l, id_of(row, LC_LONG_SOURCE, id));
	if (!ks) {
		size_t sn;
		const char *src = text_of(row, LC_LONG_SOURCE, &sn);
		return lc_table_error(r->d, r->src, row->cells[LC_LONG_SOURCE].at, "'%.*s' is not a level of the ladder",
		                      (int)(sn > 100 ? 100 : sn), src);
	}
	size_t len;
	int st = lc_import_render_text(r->a, s, n, &t, &len);
	if (st < 0)
		return -1;
	const lc_import_fill *f = &r->fills[i];
	ladder_str want = f->c->text[ks->index];
	if (f->text && f->text[ks->index])
		want = (ladder_str){f->text[ks->index], f->len[ks->index]};
	if (!st && want.s && want.len == len && memcmp(want.s, t, len) == 0)
		return 0;
	return lc_table_error(r->d, r->src, row->cells[LC_LONG_TEXT].at,
	                      "this text differs from level %.*s's, which this row repeats (its source_level): "
	                      "edit it in %.*s's row, or make source_level this row's level_id",
	                      (int)ks->id.len, ks->id.s, (int)ks->id.len, ks->id.s);
}

/* The counts of --into's report, by cell; the fills that change something, first. */
static size_t count_changes(into_reader *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfills; i++) {
		lc_import_fill *f = &r->fills[i];
		int changes = 0;
		for (size_t k = 0; f->text && k < r->l->nlevels; k++) {
			if (!f->text[k])
				continue;
			changes = 1;
			if (f->c->text[k].s)
				r->report.changed++;
			else
				r->report.added++;
		}
		if (changes)
			r->fills[n++] = *f;
	}
	return n;
}

int lc_import_render_into(const lc_table *t, lc_source *src, const lc_import_options *o, lc_diags *d,
                          lc_import_fill **fills, size_t *nfills)
{
	into_reader r;
	memset(&r, 0, sizeof r);
	r.t = t;
	r.src = src;
	r.d = d;
	r.a = t->arena;
	r.l = o->into;
	r.o = o;
	lc_import_is_render_long(t, &r.details);
	lc_idmap_init(&r.keys);
	int st = index_ladder(&r);
	unsigned char **seen = st ? NULL : lc_arena_calloc(r.a, r.nfills ? r.nfills : 1, sizeof *seen);
	if (!st && !seen)
		st = -1;
	int bad_rows = 0;
	for (size_t i = 1; st >= 0 && i < t->nrows; i++) {
		st = read_row(&r, &t->rows[i], seen);
		bad_rows |= st > 0;
	}
	for (size_t i = 0; st >= 0 && i < r.nrepeats; i++) {
		st = check_repeat(&r, r.repeats[i]);
		bad_rows |= st > 0;
	}
	free(r.repeats);
	if (st >= 0) {
		st = bad_rows;
		/* unchanged: the cells rows gave as the ladder has them */
		for (size_t i = 0; i < r.nfills; i++)
			for (size_t k = 0; seen[i] && k < r.l->nlevels; k++)
				r.report.unchanged += seen[i][k] && !(r.fills[i].text && r.fills[i].text[k]);
		*fills = r.fills;
		*nfills = count_changes(&r);
		if (o->report)
			*o->report = r.report;
	}
	lc_idmap_free(&r.keys);
	return r.nomem ? -1 : st;
}
