/* The views as JSON (docs/output.md): the same selection as the other
 * formats, as data. `render -f json` without view options is the model
 * itself (lc_emit_json); these shapes are for --role, --track, --level, --next
 * and --overview. Texts are null where the ladder says nothing. The parts of
 * a view are callbacks of the view walk (src/view_walk.h). */
#include "ladderc/emit.h"
#include "ladderc/diff.h"
#include "json.h"

#include <string.h>

#include "view.h"
#include "view_walk.h"

typedef struct jv {
	const ladder *l;
	lc_json j;
} jv;

static void key_str(jv *x, const char *k, ladder_str s)
{
	lc_json_key(&x->j, k);
	lc_json_str(&x->j, s);
}

static void str_list(jv *x, const char *k, const ladder_str *items, size_t n)
{
	lc_json_key(&x->j, k);
	lc_json_array(&x->j);
	for (size_t i = 0; i < n; i++)
		lc_json_str(&x->j, items[i]);
	lc_json_end_array(&x->j);
}

static void number(jv *x, const char *k, const ladder_number *n)
{
	lc_json_key(&x->j, k);
	if (n->present)
		lc_json_number_text(&x->j, n->text.s, n->text.len);
	else
		lc_json_null(&x->j);
}

static void role_head(jv *x, const ladder_role *r)
{
	key_str(x, "id", r->id);
	key_str(x, "name", r->name);
	key_str(x, "family", r->family);
	if (r->description.s) /* only where written, as in the model */
		key_str(x, "description", r->description);
}

/* The keys every view gives a competency: "id", "name", and "links" when it has some. */
static void competency_head(jv *x, const ladder_competency *c)
{
	key_str(x, "id", c->id);
	key_str(x, "name", c->name);
	if (c->nlinks) {
		lc_json_key(&x->j, "links");
		lc_json_links(&x->j, c->links, c->nlinks);
	}
}

/* "proficiency": its id, or null; only in a ladder that names proficiency
 * levels, so every other ladder keeps its view JSON. */
static void key_proficiency(jv *x, const char *k, const ladder_proficiency *p)
{
	if (!x->l->nproficiency)
		return;
	lc_json_key(&x->j, k);
	if (p)
		lc_json_str(&x->j, p->id);
	else
		lc_json_null(&x->j);
}

/* "examples": the cell's examples, only where it has some. */
static void key_proficiency_n(jv *x, ladder_str k, const ladder_proficiency *p)
{
	lc_json_key_n(&x->j, k.s, k.len);
	if (p)
		lc_json_str(&x->j, p->id);
	else
		lc_json_null(&x->j);
}

static void key_examples(jv *x, const ladder_competency *c, const ladder_level *lv)
{
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, lv, &n);
	if (n)
		str_list(x, "examples", ex, n);
}

/* {"id", "name", "rank", "track", "title"} of a level for a role. */
static void level_obj(jv *x, const ladder_role *r, const ladder_level *lv)
{
	lc_json_object(&x->j);
	key_str(x, "id", lv->id);
	key_str(x, "name", lv->name);
	lc_json_key(&x->j, "rank");
	lc_json_int(&x->j, lv->rank);
	key_str(x, "track", lv->track->id);
	key_str(x, "title", r->title[lv->index]);
	lc_json_end_object(&x->j);
}

/* Opens the group object when `it` starts a group (closing the previous). */
static void group_step(jv *x, const lc_view_comp_iter *it, int *open)
{
	if (!it->group_start)
		return;
	if (*open) {
		lc_json_end_array(&x->j);
		lc_json_end_object(&x->j);
	}
	lc_json_object(&x->j);
	key_str(x, "id", it->group->id);
	key_str(x, "name", it->group->name);
	lc_json_key(&x->j, "competencies");
	lc_json_array(&x->j);
	*open = 1;
}

static void group_end(jv *x, int open)
{
	if (open) {
		lc_json_end_array(&x->j);
		lc_json_end_object(&x->j);
	}
}

/* A matrix row's proficiency and examples by level, beside its "cells". */
static void matrix_details(jv *x, const ladder_competency *c, const ladder_level *const *chain, size_t n)
{
	if (x->l->nproficiency) {
		lc_json_key(&x->j, "proficiency");
		lc_json_object(&x->j);
		for (size_t i = 0; i < n; i++)
			key_proficiency_n(x, chain[i]->id, ladder_cell_proficiency(c, chain[i]));
		lc_json_end_object(&x->j);
	}
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		size_t ne;
		const ladder_str *ex = ladder_cell_examples(c, chain[i], &ne);
		if (!ne)
			continue;
		if (!any++) {
			lc_json_key(&x->j, "examples");
			lc_json_object(&x->j);
		}
		lc_json_key_n(&x->j, chain[i]->id.s, chain[i]->id.len);
		lc_json_array(&x->j);
		for (size_t e = 0; e < ne; e++)
			lc_json_str(&x->j, ex[e]);
		lc_json_end_array(&x->j);
	}
	if (any)
		lc_json_end_object(&x->j);
}

static void matrix(lc_view_walk *w, const ladder_role *r, const ladder_track *t, size_t n)
{
	jv *x = w->ctx;
	const ladder_level *const *chain = w->chain;
	lc_json_object(&x->j);
	key_str(x, "track", t->id);
	key_str(x, "track_name", t->name);
	lc_json_key(&x->j, "levels");
	lc_json_array(&x->j);
	for (size_t i = 0; i < n; i++)
		level_obj(x, r, chain[i]);
	lc_json_end_array(&x->j);
	lc_json_key(&x->j, "groups");
	lc_json_array(&x->j);
	int open = 0;
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, x->l, r, chain, n);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		group_step(x, &it, &open);
		lc_json_object(&x->j);
		competency_head(x, c);
		lc_json_key(&x->j, "cells");
		lc_json_object(&x->j);
		for (size_t i = 0; i < n; i++) {
			if (!ladder_competency_applies(c, r, chain[i]))
				continue; /* no entry where it does not apply */
			lc_json_key_n(&x->j, chain[i]->id.s, chain[i]->id.len);
			lc_json_str(&x->j, lc_view_text_at(c, chain[i]));
		}
		lc_json_end_object(&x->j);
		matrix_details(x, c, chain, n);
		lc_json_end_object(&x->j);
	}
	group_end(x, open);
	lc_json_end_array(&x->j);
	lc_json_end_object(&x->j);
}

static void level_role(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n)
{
	jv *x = w->ctx;
	const ladder_level *const *chain = w->chain;
	lc_json_key(&x->j, "level");
	level_obj(x, r, lv);
	lc_json_key(&x->j, "chain");
	lc_json_array(&x->j);
	for (size_t i = 0; i < n; i++)
		lc_json_str(&x->j, chain[i]->id);
	lc_json_end_array(&x->j);
	if (w->o->changed) { /* render --since: what the marks are against */
		const char *since = lc_diff_marks_since(w->o->changed);
		lc_json_key(&x->j, "since");
		lc_json_object(&x->j);
		key_str(x, "version", (ladder_str){since, strlen(since)});
		lc_json_key(&x->j, "changes");
		lc_json_int(&x->j, (long long)lc_diff_marks_diff(w->o->changed)->nchanges);
		lc_json_key(&x->j, "title_changed");
		lc_json_bool(&x->j, lc_diff_marks_title(w->o->changed, r, lv) != NULL);
		lc_json_end_object(&x->j);
	}
	lc_json_key(&x->j, "groups");
	lc_json_array(&x->j);
	int open = 0;
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, x->l, r, &lv, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		group_step(x, &it, &open);
		lc_json_object(&x->j);
		competency_head(x, c);
		key_proficiency(x, "proficiency", ladder_proficiency_in_force(c, lv));
		lc_json_key(&x->j, "expectations");
		lc_json_array(&x->j);
		size_t ns = lc_view_in_force(c, chain, n, w->sources);
		for (size_t i = 0; i < ns; i++) {
			lc_json_object(&x->j);
			key_str(x, "level", w->sources[i]->id);
			key_str(x, "text", lc_view_text_at(c, w->sources[i]));
			lc_json_key(&x->j, "new");
			lc_json_bool(&x->j, w->sources[i] == lv);
			key_proficiency(x, "proficiency", ladder_cell_proficiency(c, w->sources[i]));
			key_examples(x, c, w->sources[i]);
			if (w->o->changed) { /* render --since */
				lc_json_key(&x->j, "changed");
				lc_json_bool(&x->j, lc_diff_marks_cell(w->o->changed, c, w->sources[i]) != NULL);
			}
			lc_json_end_object(&x->j);
		}
		lc_json_end_array(&x->j);
		lc_json_end_object(&x->j);
	}
	group_end(x, open);
	lc_json_end_array(&x->j);
}

static void next_role(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t nn)
{
	jv *x = w->ctx;
	lc_json_key(&x->j, "level");
	level_obj(x, r, lv);
	lc_json_key(&x->j, "next");
	lc_json_array(&x->j);
	for (size_t k = 0; k < nn; k++) {
		lc_json_object(&x->j);
		lc_json_key(&x->j, "level");
		level_obj(x, r, w->next[k]);
		lc_json_key(&x->j, "groups");
		lc_json_array(&x->j);
		int open = 0;
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, x->l, r, &w->next[k], 1);
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
			group_step(x, &it, &open);
			lc_json_object(&x->j);
			competency_head(x, c);
			key_str(x, "text", lc_view_text_at(c, w->next[k]));
			if (c->expectations == LADDER_EXPECTATIONS_RESTATED) {
				/* the text in force now, which "text" replaces */
				const ladder_level *src = ladder_expectation_source(c, lv);
				ladder_str none = {NULL, 0};
				key_str(x, "was", src ? lc_view_text_at(c, src) : none);
			}
			/* in force at the next level, and now: they differ on a change */
			key_proficiency(x, "proficiency", ladder_proficiency_in_force(c, w->next[k]));
			key_proficiency(x, "proficiency_was", ladder_proficiency_in_force(c, lv));
			key_examples(x, c, w->next[k]);
			lc_json_end_object(&x->j);
		}
		group_end(x, open);
		lc_json_end_array(&x->j);
		lc_json_end_object(&x->j);
	}
	lc_json_end_array(&x->j);
}

static void criteria(jv *x, const ladder_criteria *c)
{
	number(x, "min_average", &c->min_average);
	number(x, "min_each", &c->min_each);
	key_str(x, "time_in_level", c->time_in_level);
	str_list(x, "evidence", c->evidence, c->nevidence);
}

static void overview(lc_view_walk *w)
{
	jv *x = w->ctx;
	const ladder *l = x->l;
	key_str(x, "name", l->name);
	key_str(x, "title", l->title);
	key_str(x, "updated", l->updated);
	key_str(x, "intro", l->intro);
	lc_json_key(&x->j, "tracks");
	lc_json_array(&x->j);
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		lc_json_object(&x->j);
		key_str(x, "id", t->id);
		key_str(x, "name", t->name);
		lc_json_key(&x->j, "from");
		if (t->from)
			lc_json_str(&x->j, t->from->id);
		else
			lc_json_null(&x->j);
		lc_json_key(&x->j, "levels");
		lc_json_array(&x->j);
		for (size_t k = 0; k < t->nlevels; k++) {
			const ladder_level *lv = t->levels[k];
			lc_json_object(&x->j);
			key_str(x, "id", lv->id);
			key_str(x, "name", lv->name);
			lc_json_key(&x->j, "rank");
			lc_json_int(&x->j, lv->rank);
			key_str(x, "summary", lv->summary);
			lc_json_end_object(&x->j);
		}
		lc_json_end_array(&x->j);
		lc_json_end_object(&x->j);
	}
	lc_json_end_array(&x->j);
	lc_json_key(&x->j, "titles");
	lc_json_array(&x->j);
	for (size_t i = 0; i < l->nroles; i++) {
		const ladder_role *r = l->roles[i];
		lc_json_object(&x->j);
		key_str(x, "role", r->id);
		key_str(x, "name", r->name);
		if (r->in_levels) {
			lc_json_key(&x->j, "levels");
			lc_json_role_levels(&x->j, l, r);
		}
		lc_json_key(&x->j, "titles");
		lc_json_object(&x->j);
		for (size_t k = 0; k < l->nlevels; k++) {
			if (!r->title[k].s)
				continue;
			lc_json_key_n(&x->j, l->levels[k]->id.s, l->levels[k]->id.len);
			lc_json_str(&x->j, r->title[k]);
		}
		lc_json_end_object(&x->j);
		lc_json_end_object(&x->j);
	}
	lc_json_end_array(&x->j);
	lc_json_key(&x->j, "promotion");
	const ladder_promotion *p = &l->promotion;
	if (!p->present) {
		lc_json_null(&x->j);
	} else {
		lc_json_object(&x->j);
		number(x, "scale", &p->scale);
		lc_json_key(&x->j, "defaults");
		lc_json_object(&x->j);
		criteria(x, &p->defaults);
		lc_json_end_object(&x->j);
		lc_json_key(&x->j, "into");
		lc_json_array(&x->j);
		for (size_t k = 0; k < l->nlevels; k++) {
			const ladder_criteria *c = w->into[k];
			if (!c)
				continue;
			lc_json_object(&x->j);
			key_str(x, "level", l->levels[k]->id);
			criteria(x, c);
			lc_json_end_object(&x->j);
		}
		lc_json_end_array(&x->j);
		lc_json_end_object(&x->j);
	}
	lc_json_key(&x->j, "paths");
	lc_json_array(&x->j);
	for (size_t i = 0; i < l->npaths; i++) {
		const ladder_path *pa = &l->paths[i];
		lc_json_object(&x->j);
		key_str(x, "from", pa->from->id);
		key_str(x, "to", pa->to->id);
		str_list(x, "transferable", pa->transferable, pa->ntransferable);
		str_list(x, "gaps", pa->gaps, pa->ngaps);
		lc_json_end_object(&x->j);
	}
	lc_json_end_array(&x->j);
}

static const char *const kind_names[] = {"ladder", "overview", "matrix", "level", "next"};

/* {"view": KIND, "ladder": ID, then the overview's keys, or "roles": [...]} */
static void begin(lc_view_walk *w)
{
	jv *x = w->ctx;
	lc_json_init(&x->j, w->out);
	lc_json_object(&x->j);
	lc_json_key(&x->j, "view");
	lc_json_cstring(&x->j, kind_names[w->v->kind]);
	key_str(x, "ladder", x->l->id);
	if (w->v->kind != LADDER_VIEW_OVERVIEW) {
		lc_json_key(&x->j, "roles");
		lc_json_array(&x->j);
	}
}

static void role_begin(lc_view_walk *w, const ladder_role *r)
{
	jv *x = w->ctx;
	lc_json_object(&x->j);
	role_head(x, r);
}

static void matrices_begin(lc_view_walk *w, const ladder_role *r)
{
	(void)r;
	jv *x = w->ctx;
	lc_json_key(&x->j, "matrices");
	lc_json_array(&x->j);
}

/* Closes the array of matrices, or a role's object. */
static void close_array(lc_view_walk *w, const ladder_role *r)
{
	(void)r;
	lc_json_end_array(&((jv *)w->ctx)->j);
}

static void close_object(lc_view_walk *w, const ladder_role *r)
{
	(void)r;
	lc_json_end_object(&((jv *)w->ctx)->j);
}

static void end(lc_view_walk *w)
{
	jv *x = w->ctx;
	if (w->v->kind != LADDER_VIEW_OVERVIEW)
		lc_json_end_array(&x->j);
	lc_json_end_object(&x->j);
	lc_json_finish(&x->j);
}

int lc_emit_json_view(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out)
{
	/* the JSON ladder view is the model itself; with a role or a track it
	 * lists those roles' matrices, without the overview */
	static const lc_view_walker walker = {
		.ladder_overview = 0,
		.begin = begin,
		.overview = overview,
		.role_begin = role_begin,
		.matrices_begin = matrices_begin,
		.matrix = matrix,
		.matrices_end = close_array,
		.level = level_role,
		.next = next_role,
		.role_end = close_object,
		.end = end,
	};
	if (v->kind == LADDER_VIEW_LADDER && !v->role && !v->track) {
		lc_emit_json(l, out);
		return lc_buf_failed(out) ? -1 : 0;
	}
	jv x = {l, {0}};
	return lc_view_walk_emit(l, v, o, out, &walker, &x);
}
