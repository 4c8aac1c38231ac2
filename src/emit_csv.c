/* CSV (RFC 4180): CRLF line ends, fields through lc_escape_csv, UTF-8 with an
 * optional byte order mark for Excel.
 *
 * Long layout (the default), one row per (role, track, level, competency):
 * the text is the one written AT that level (empty when the ladder adds
 * nothing there), so filtering a track's rows up to a rank rebuilds the
 * cumulative level view, and no text is repeated down the levels. The
 * source_level column names the level the text comes from; in the level
 * view, whose rows are the cumulative expectations, it tells them apart.
 * Matrix layout (--layout matrix): one row per (role, track, competency), one
 * column per level. See docs/output.md. The rows of a view come from the view
 * walk (src/view_walk.h), once per pass. */
#include "ladderc/emit.h"
#include "escape.h"
#include "ladderc/diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "view_walk.h"

typedef struct csv csv;

/* What a (role, track, levels) unit of the view becomes (see each_unit). */
typedef void (*unit_fn)(csv *c, const ladder_role *r, const ladder_track *t, const ladder_level *const *lv,
                        size_t n);

struct csv {
	const ladder *l;
	const ladder_view *v;
	lc_buf *out;
	int first;                    /* no field written yet on this row */
	lc_view_walk *w;              /* the view's walk, and its scratch */
	unit_fn unit;                 /* what each_unit calls */
	unsigned char *column;        /* matrix layout: [nlevels], 1 for a level column */
	const ladder_level **here;    /* matrix layout: [nlevels], the current unit's levels */
	/* the escaped first fields of a long row, the same for every competency
	 * of a (role, track, level): escaped once */
	lc_buf prefix;
	const void *prefix_of[3];
	lc_buf prose; /* scratch: ladder prose with its bullets rewritten (fprose) */
	int details;  /* long layout: the proficiency and examples columns (ladder_has_cell_details) */
	const lc_diff_marks *changed; /* render --since, level view: the last column, `changed` */
};

static void field(csv *c, const char *s, size_t len)
{
	if (!c->first)
		lc_buf_putc(c->out, ',');
	c->first = 0;
	lc_escape_csv(c->out, s, len);
}

static void fstr(csv *c, ladder_str s)
{
	field(c, s.s ? s.s : "", s.s ? s.len : 0);
}

static void put_raw(lc_buf *out, ladder_str s)
{
	lc_buf_put(out, s.s, s.len);
}

/* Ladder prose in one field: its blocks (lc_view_next_block) with list items
 * as "• ", so that a bullet's "- " neither starts a spreadsheet formula nor
 * draws the formula guard's apostrophe (docs/output.md). */
static void fprose(csv *c, ladder_str s)
{
	static const lc_view_flat_style style = {"\xE2\x80\xA2 ", "\n", "\n\n"};
	if (!lc_view_text_has_blocks(s)) {
		fstr(c, s);
		return;
	}
	lc_buf_clear(&c->prose);
	lc_view_flat_text(&c->prose, s, &style, put_raw);
	if (lc_buf_failed(&c->prose))
		c->out->failed = 1;
	field(c, c->prose.data ? c->prose.data : "", c->prose.len);
}

static void fcstr(csv *c, const char *s)
{
	field(c, s, strlen(s));
}

static void fnum(csv *c, unsigned long v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lu", v);
	field(c, b, (size_t)n);
}

static void fbool(csv *c, int v)
{
	fcstr(c, v ? "true" : "false");
}

static void end_row(csv *c)
{
	lc_buf_puts(c->out, "\r\n");
	c->first = 1;
}

static void header(csv *c, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		fcstr(c, names[i]);
	end_row(c);
}

/* The view's units, in the walk's order: a matrix is its role, its track
 * and the track's chain; a level, the level's chain; next, the next levels.
 * Each goes to c->unit. */
static void unit_matrix(lc_view_walk *w, const ladder_role *r, const ladder_track *t, size_t n)
{
	csv *c = w->ctx;
	c->unit(c, r, t, w->chain, n);
}

static void unit_level(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n)
{
	csv *c = w->ctx;
	c->unit(c, r, lv->track, w->chain, n);
}

static void unit_next(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n)
{
	csv *c = w->ctx;
	c->unit(c, r, lv->track, w->next, n);
}

static void each_unit(csv *c, unit_fn fn)
{
	static const lc_view_walker units = {
		.ladder_overview = 0,
		.matrix = unit_matrix,
		.level = unit_level,
		.next = unit_next,
	};
	c->unit = fn;
	lc_view_walk_run(c->w, &units);
}

/* ---- long layout ---------------------------------------------------------------- */

static void long_prefix(csv *c, const ladder_role *r, const ladder_level *lv, const ladder_track *t)
{
	if (c->prefix_of[0] != r || c->prefix_of[1] != lv || c->prefix_of[2] != t || c->prefix.len == 0) {
		lc_buf *out = c->out;
		c->out = &c->prefix;
		lc_buf_clear(&c->prefix);
		c->first = 1;
		fstr(c, r->id);
		fstr(c, r->name);
		fstr(c, r->family);
		fstr(c, t->id);
		fstr(c, lv->id);
		fstr(c, lv->name);
		fnum(c, lv->rank);
		fstr(c, r->title[lv->index]);
		c->out = out;
		if (lc_buf_failed(&c->prefix))
			out->failed = 1;
		c->prefix_of[0] = r;
		c->prefix_of[1] = lv;
		c->prefix_of[2] = t;
	}
	/* always the start of a row */
	lc_buf_put(c->out, c->prefix.data, c->prefix.len);
	c->first = 0;
}

/* The long layout's last two columns, in a ladder that has them: the
 * proficiency (its id) of the row's text, or in the next view the one in
 * force at the next level; the examples of the row's cell as "• " lines. */
static void long_details(csv *c, const ladder_competency *comp, const ladder_level *lv, const ladder_level *src)
{
	const ladder_proficiency *p = c->v->kind == LADDER_VIEW_NEXT ? ladder_proficiency_in_force(comp, lv)
	                              : src                          ? ladder_cell_proficiency(comp, src)
	                                                             : NULL;
	if (p)
		fstr(c, p->id);
	else
		fcstr(c, "");
	size_t n = 0;
	const ladder_str *ex = src ? ladder_cell_examples(comp, src, &n) : NULL;
	lc_buf_clear(&c->prose);
	for (size_t i = 0; i < n; i++) {
		lc_buf_puts(&c->prose, i ? "\n\xE2\x80\xA2 " : "\xE2\x80\xA2 ");
		lc_buf_put(&c->prose, ex[i].s, ex[i].len);
	}
	if (lc_buf_failed(&c->prose))
		c->out->failed = 1;
	field(c, c->prose.data ? c->prose.data : "", c->prose.len);
}

static void long_row(csv *c, const ladder_role *r, const ladder_track *t, const ladder_level *lv,
                     const ladder_group *g, const ladder_competency *comp, const ladder_level *src)
{
	long_prefix(c, r, lv, t);
	fstr(c, g->id);
	fstr(c, comp->id);
	fstr(c, comp->name);
	if (src) {
		fprose(c, lc_view_text_at(comp, src));
		fstr(c, src->id);
	} else {
		fcstr(c, "");
		fcstr(c, "");
	}
	if (c->details)
		long_details(c, comp, lv, src);
	if (c->changed) /* the row's text changed since the older version */
		fbool(c, src && lc_diff_marks_cell(c->changed, comp, src));
	end_row(c);
}

static void long_unit(csv *c, const ladder_role *r, const ladder_track *t, const ladder_level *const *lv, size_t n)
{
	if (c->v->kind == LADDER_VIEW_LEVEL) {
		const ladder_level *at = lv[n - 1];
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, c->l, r, &lv[n - 1], 1);
		for (const ladder_competency *comp; (comp = lc_view_comp_next(&it));) {
			size_t ns = lc_view_in_force(comp, lv, n, c->w->sources);
			if (ns == 0)
				long_row(c, r, t, at, it.group, comp, NULL);
			for (size_t i = 0; i < ns; i++)
				long_row(c, r, t, at, it.group, comp, c->w->sources[i]);
		}
		return;
	}
	int next = c->v->kind == LADDER_VIEW_NEXT;
	for (size_t k = 0; k < n; k++) {
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, c->l, r, &lv[k], 1);
		for (const ladder_competency *comp; (comp = lc_view_comp_next(&it));) {
			/* a next level holds a restated competency's text in force, from
			 * wherever it was last written; a matrix row only what is new */
			const ladder_level *src = next && comp->expectations == LADDER_EXPECTATIONS_RESTATED
			                              ? ladder_expectation_source(comp, lv[k])
			                              : lc_view_text_at(comp, lv[k]).s ? lv[k] : NULL;
			long_row(c, r, next ? lv[k]->track : t, lv[k], it.group, comp, src);
		}
	}
}

static void overview_long(csv *c)
{
	static const char *const names[] = {"role_id", "role_name", "family", "track", "level_id",
	                                    "level_name", "rank", "title", "summary", NULL};
	header(c, names);
	const ladder *l = c->l;
	for (size_t i = 0; i < l->nroles; i++) {
		const ladder_role *r = l->roles[i];
		for (size_t k = 0; k < l->nlevels; k++) {
			const ladder_level *lv = l->levels[k];
			if (!ladder_role_has_level(r, lv))
				continue;
			long_prefix(c, r, lv, lv->track);
			fprose(c, lv->summary);
			end_row(c);
		}
	}
}

/* ---- matrix layout ---------------------------------------------------------------- */

static void mark_columns(csv *c, const ladder_role *r, const ladder_track *t, const ladder_level *const *lv,
                         size_t n)
{
	(void)r;
	(void)t;
	for (size_t i = 0; i < n; i++)
		c->column[lv[i]->index] = 1;
}

static void matrix_unit(csv *c, const ladder_role *r, const ladder_track *t, const ladder_level *const *lv,
                        size_t n)
{
	const ladder *l = c->l;
	for (size_t i = 0; i < n; i++) /* level index -> level, so each row is linear */
		c->here[lv[i]->index] = lv[i];
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, l, r, lv, n);
	for (const ladder_competency *comp; (comp = lc_view_comp_next(&it));) {
		int changed = 0;
		fstr(c, r->id);
		fstr(c, r->name);
		fstr(c, t->id);
		fstr(c, it.group->id);
		fstr(c, comp->id);
		fstr(c, comp->name);
		for (size_t k = 0; k < l->nlevels; k++) {
			if (!c->column[k])
				continue;
			if (!c->here[k]) {
				fcstr(c, ""); /* not on this row's chain */
				continue;
			}
			ladder_str s = lc_view_text_at(comp, c->here[k]);
			if (s.s)
				fprose(c, s);
			else
				fcstr(c, lc_view_empty_cell(comp, r, c->here[k]));
			if (c->changed && lc_diff_marks_cell(c->changed, comp, c->here[k]))
				changed = 1;
		}
		if (c->changed) /* some cell of the row changed since the older version */
			fbool(c, changed);
		end_row(c);
	}
	for (size_t i = 0; i < n; i++)
		c->here[lv[i]->index] = NULL;
}

static void matrix_layout(csv *c)
{
	const ladder *l = c->l;
	each_unit(c, mark_columns);
	static const char *const names[] = {"role_id", "role_name", "track", "group", "competency_id",
	                                    "competency_name", NULL};
	for (size_t i = 0; names[i]; i++)
		fcstr(c, names[i]);
	lc_buf h = LC_BUF_INIT;
	for (size_t k = 0; k < l->nlevels; k++) {
		if (!c->column[k])
			continue;
		lc_buf_clear(&h);
		lc_buf_put(&h, l->levels[k]->id.s, l->levels[k]->id.len);
		lc_buf_putc(&h, ' ');
		lc_buf_put(&h, l->levels[k]->name.s, l->levels[k]->name.len);
		field(c, h.data, h.len);
	}
	if (c->changed)
		fcstr(c, "changed");
	if (h.failed)
		c->out->failed = 1;
	lc_buf_free(&h);
	end_row(c);
	each_unit(c, matrix_unit);
}

static void overview_matrix(csv *c)
{
	const ladder *l = c->l;
	static const char *const names[] = {"level_id", "level_name", "track", "rank", "summary", NULL};
	for (size_t i = 0; names[i]; i++)
		fcstr(c, names[i]);
	for (size_t i = 0; i < l->nroles; i++)
		fstr(c, l->roles[i]->name);
	end_row(c);
	for (size_t k = 0; k < l->nlevels; k++) {
		const ladder_level *lv = l->levels[k];
		fstr(c, lv->id);
		fstr(c, lv->name);
		fstr(c, lv->track->id);
		fnum(c, lv->rank);
		fprose(c, lv->summary);
		for (size_t i = 0; i < l->nroles; i++)
			fstr(c, l->roles[i]->title[lv->index]);
		end_row(c);
	}
}

int lc_emit_csv(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out)
{
	if ((v->kind == LADDER_VIEW_LEVEL || v->kind == LADDER_VIEW_NEXT) && !v->level)
		return -1;
	o = lc_view_options(o);
	lc_view_walk w;
	csv c = {l, v, out, 1, &w, NULL, NULL, NULL, LC_BUF_INIT, {NULL, NULL, NULL}, LC_BUF_INIT, 0, NULL};
	if (lc_view_walk_init(&w, l, v, o, out, &c) < 0)
		return -1;
	/* what changed is marked in the level view only (render --since); the
	 * column is there only then, so every other CSV keeps its columns */
	if (v->kind == LADDER_VIEW_LEVEL)
		c.changed = o->changed;
	c.column = calloc(l->nlevels + 1, 1);
	c.here = calloc(l->nlevels + 1, sizeof *c.here);
	if (!c.column || !c.here) {
		out->failed = 1;
		goto done;
	}
	if (o->csv_bom)
		lc_buf_puts(out, "\xEF\xBB\xBF");
	if (v->kind == LADDER_VIEW_OVERVIEW) {
		if (o->csv_matrix)
			overview_matrix(&c);
		else
			overview_long(&c);
	} else if (o->csv_matrix) {
		matrix_layout(&c);
	} else {
		static const char *const names[] = {"role_id", "role_name", "family", "track", "level_id",
		                                    "level_name", "rank", "title", "group", "competency_id",
		                                    "competency_name", "text", "source_level", "proficiency",
		                                    "examples", NULL};
		/* proficiency and examples come last, and only in a ladder that has
		 * them: a reader of any other ladder's CSV sees the columns it knew */
		c.details = ladder_has_cell_details(l);
		for (size_t i = 0; names[i] && (c.details || i < 13); i++)
			fcstr(&c, names[i]);
		if (c.changed)
			fcstr(&c, "changed");
		end_row(&c);
		each_unit(&c, long_unit);
	}
done:
	lc_buf_free(&c.prefix);
	lc_buf_free(&c.prose);
	lc_view_walk_free(&w);
	free(c.column);
	free(c.here);
	return lc_buf_failed(out) ? -1 : 0;
}
