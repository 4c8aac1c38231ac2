/* The diff's comparisons, one kind of thing after the other, each matched by
 * id (lc_diff_match_items) and adding its changes to the list at its path
 * (src/diff_internal.h): competencies (company-wide and per role), tracks
 * and their levels, roles with their titles, promotion, lateral paths, and
 * the ladder's own fields. */
#include "diff_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "idmap.h"
#include "wdiff.h"

/* ---- competencies -------------------------------------------------------- */

static void cell(dctx *c, ladder_str name, const ladder_level *nl, const ladder_level *ol, ladder_str ot,
                 ladder_str nt)
{
	if ((!nt.s && !ot.s) || (nt.s && ot.s && ladder_str_eq(nt, ot)))
		return;
	const ladder_level *lv = nl ? nl : ol;
	size_t mark = lc_diff_push(c, "levels", lv->id);
	lc_change *ch = lc_diff_cmp_text(c, LC_SUBJECT_EXPECTATION, ot, nt, LC_BUMP_MAJOR,
	                                 lc_diff_label(c, "", name, " at ", lv->id));
	lc_diff_pop(c, mark);
	lc_diff_set_level(c, ch, nl, ol);
}

static void cells(dctx *c, const ladder_competency *oc, const ladder_competency *nc)
{
	for (size_t k = 0; k < c->n->nlevels; k++) {
		int32_t ok = c->old_of_new_level[k];
		const ladder_level *ol = ok >= 0 ? c->o->levels[ok] : NULL;
		cell(c, nc->name, c->n->levels[k], ol, ol ? oc->text[ok] : NONE, nc->text[k]);
		lc_diff_cell_detail(c, nc->name, oc, ol, nc, c->n->levels[k]);
	}
	/* levels that are gone took their cells with them */
	for (size_t k = 0; k < c->o->nlevels; k++)
		if (c->new_of_old_level[k] < 0)
			cell(c, nc->name, NULL, c->o->levels[k], oc->text[k], NONE);
}

/* A whole competency added or removed (the summary counts every level it
 * describes as an expectation that changes). */
static void whole_competency(dctx *c, const ladder *l, const ladder_competency *comp, int added)
{
	lc_change *ch = lc_diff_add_change(c, added ? LC_CHANGE_ADDED : LC_CHANGE_REMOVED, LC_SUBJECT_COMPETENCY,
	                                   added ? LC_BUMP_MAJOR : LC_BUMP_MINOR, added ? NONE : comp->name,
	                                   added ? comp->name : NONE, lc_diff_label(c, "competency ", comp->name, "", NONE));
	if (ch) {
		ch->competency = comp;
		ch->competency_ladder = l;
	}
}

static void competency_fields(dctx *c, const ladder_competency *oc, const ladder_competency *nc)
{
	size_t mark = lc_diff_push(c, "name", NONE);
	lc_diff_cmp_text(c, LC_SUBJECT_COMPETENCY, oc->name, nc->name, LC_BUMP_MINOR,
	                 lc_diff_label(c, "competency ", oc->name, " name", NONE));
	lc_diff_pop(c, mark);
	mark = lc_diff_push(c, "description", NONE);
	lc_diff_cmp_text(c, LC_SUBJECT_COMPETENCY, oc->description, nc->description, LC_BUMP_MINOR,
	                 lc_diff_label(c, "", nc->name, " description", NONE));
	lc_diff_pop(c, mark);
	lc_diff_competency_scope(c, oc, nc);
	cells(c, oc, nc);
}

/* The groups of the company (role_new == role_old == NULL) or of one role,
 * with their competencies, under the current path. */
int lc_diff_walk_groups(dctx *c, ladder_group *const *og, size_t nog, ladder_group *const *ng, size_t nng)
{
	size_t noc = 0, nnc = 0;
	for (size_t i = 0; i < nog; i++)
		noc += og[i]->ncompetencies;
	for (size_t i = 0; i < nng; i++)
		nnc += ng[i]->ncompetencies;
	mitem *gi_o = lc_arena_calloc(c->arena, nog + 1, sizeof *gi_o);
	mitem *gi_n = lc_arena_calloc(c->arena, nng + 1, sizeof *gi_n);
	mitem *ci_o = lc_arena_calloc(c->arena, noc + 1, sizeof *ci_o);
	mitem *ci_n = lc_arena_calloc(c->arena, nnc + 1, sizeof *ci_n);
	const ladder_competency **cs_o = lc_arena_calloc(c->arena, noc + 1, sizeof *cs_o);
	const ladder_competency **cs_n = lc_arena_calloc(c->arena, nnc + 1, sizeof *cs_n);
	size_t *first_o = lc_arena_calloc(c->arena, nog + 1, sizeof *first_o);
	size_t *first_n = lc_arena_calloc(c->arena, nng + 1, sizeof *first_n);
	if (!gi_o || !gi_n || !ci_o || !ci_n || !cs_o || !cs_n || !first_o || !first_n)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < nog; i++) {
		gi_o[i] = (mitem){og[i]->id, NONE};
		first_o[i] = k;
		for (size_t j = 0; j < og[i]->ncompetencies; j++, k++) {
			cs_o[k] = og[i]->competencies[j];
			ci_o[k] = (mitem){cs_o[k]->id, og[i]->id};
		}
	}
	k = 0;
	for (size_t i = 0; i < nng; i++) {
		gi_n[i] = (mitem){ng[i]->id, NONE};
		first_n[i] = k;
		for (size_t j = 0; j < ng[i]->ncompetencies; j++, k++) {
			cs_n[k] = ng[i]->competencies[j];
			ci_n[k] = (mitem){cs_n[k]->id, ng[i]->id};
		}
	}
	matching gm, cm;
	if (lc_diff_match_items(c, gi_o, nog, gi_n, nng, &gm) < 0 || lc_diff_match_items(c, ci_o, noc, ci_n, nnc, &cm) < 0)
		return -1;

	size_t base = c->path.len; /* the owner's path: "" or /roles/R */
	for (size_t gj = 0; gj < nng; gj++) {
		const ladder_group *g = ng[gj];
		int32_t gi = gm.n2o[gj];
		const ladder_group *o = gi >= 0 ? og[gi] : NULL;
		c->group_new = g;
		c->group_old = o;
		size_t mark = lc_diff_push(c, "groups", g->id);
		if (!o) {
			lc_diff_add_change(c, LC_CHANGE_ADDED, LC_SUBJECT_GROUP, g->ncompetencies ? LC_BUMP_MAJOR : LC_BUMP_MINOR,
			                   NONE, g->name, lc_diff_label(c, "group ", g->name, "", NONE));
		} else {
			if (gm.moved[gj])
				lc_diff_moved(c, LC_SUBJECT_GROUP, LC_BUMP_PATCH, lc_diff_dup(c, c->path.data, c->path.len), gm.pos_old[gi],
				              gm.pos_new[gj], "group ", g->name);
			size_t m2 = lc_diff_push(c, "name", NONE);
			lc_diff_cmp_text(c, LC_SUBJECT_GROUP, o->name, g->name, LC_BUMP_MINOR,
			                 lc_diff_label(c, "group ", o->name, " name", NONE));
			lc_diff_pop(c, m2);
			m2 = lc_diff_push(c, "description", NONE);
			lc_diff_cmp_text(c, LC_SUBJECT_GROUP, o->description, g->description, LC_BUMP_MINOR,
			                 lc_diff_label(c, "group ", g->name, " description", NONE));
			lc_diff_pop(c, m2);
			lc_diff_group_scope(c, o, g);
		}
		for (size_t cj = first_n[gj]; cj < first_n[gj] + g->ncompetencies; cj++) {
			const ladder_competency *nc = cs_n[cj];
			int32_t ci = cm.n2o[cj];
			c->competency_new = nc;
			c->competency_old = ci >= 0 ? cs_o[ci] : NULL;
			size_t m2 = lc_diff_push(c, "competencies", nc->id);
			if (ci < 0) {
				whole_competency(c, c->n, nc, 1);
			} else {
				const ladder_competency *oc = cs_o[ci];
				if (cm.moved[cj]) {
					lc_buf_clear(&c->tmp);
					lc_buf_put(&c->tmp, c->path.data, base);
					lc_buf_puts(&c->tmp, "/groups/");
					lc_buf_put(&c->tmp, oc->group->id.s, oc->group->id.len);
					lc_buf_puts(&c->tmp, "/competencies/");
					lc_buf_put(&c->tmp, oc->id.s, oc->id.len);
					lc_diff_moved(c, LC_SUBJECT_COMPETENCY, LC_BUMP_PATCH, lc_diff_dup(c, c->tmp.data, c->tmp.len),
					              cm.pos_old[ci], cm.pos_new[cj], "competency ", nc->name);
				}
				competency_fields(c, oc, nc);
			}
			lc_diff_pop(c, m2);
		}
		c->competency_new = NULL;
		if (o) {
			for (size_t ci = first_o[gi]; ci < first_o[gi] + o->ncompetencies; ci++) {
				if (cm.o2n[ci] >= 0)
					continue;
				c->competency_old = cs_o[ci];
				size_t m2 = lc_diff_push(c, "competencies", cs_o[ci]->id);
				whole_competency(c, c->o, cs_o[ci], 0);
				lc_diff_pop(c, m2);
			}
		}
		c->competency_old = NULL;
		lc_diff_pop(c, mark);
	}
	for (size_t gi = 0; gi < nog; gi++) {
		if (gm.o2n[gi] >= 0)
			continue;
		const ladder_group *o = og[gi];
		c->group_new = NULL;
		c->group_old = o;
		size_t mark = lc_diff_push(c, "groups", o->id);
		lc_diff_add_change(c, LC_CHANGE_REMOVED, LC_SUBJECT_GROUP, LC_BUMP_MINOR, o->name, NONE,
		                   lc_diff_label(c, "group ", o->name, "", NONE));
		for (size_t ci = first_o[gi]; ci < first_o[gi] + o->ncompetencies; ci++) {
			if (cm.o2n[ci] >= 0)
				continue;
			c->competency_old = cs_o[ci];
			size_t m2 = lc_diff_push(c, "competencies", cs_o[ci]->id);
			whole_competency(c, c->o, cs_o[ci], 0);
			lc_diff_pop(c, m2);
		}
		c->competency_old = NULL;
		lc_diff_pop(c, mark);
	}
	c->group_new = c->group_old = NULL;
	return 0;
}

/* ---- tracks and levels --------------------------------------------------- */

static void removed_level(dctx *c, const ladder_level *ol)
{
	size_t m = lc_diff_push(c, "levels", ol->id);
	lc_change *ch = lc_diff_add_change(c, LC_CHANGE_REMOVED, LC_SUBJECT_LEVEL, LC_BUMP_MINOR, ol->name, NONE,
	                                   lc_diff_label(c, "level ", ol->id, "", NONE));
	lc_diff_set_level(c, ch, NULL, ol);
	lc_diff_pop(c, m);
}

static void level_fields(dctx *c, const ladder_level *ol, const ladder_level *lv)
{
	size_t first = c->nchanges;
	size_t m = lc_diff_push(c, "name", NONE);
	lc_diff_cmp_text(c, LC_SUBJECT_LEVEL, ol->name, lv->name, LC_BUMP_MINOR,
	                 lc_diff_label(c, "level ", lv->id, " name", NONE));
	lc_diff_pop(c, m);
	m = lc_diff_push(c, "title", NONE);
	lc_diff_cmp_text(c, LC_SUBJECT_LEVEL, ol->title, lv->title, LC_BUMP_MINOR,
	                 lc_diff_label(c, "level ", lv->id, " title rubric", NONE));
	lc_diff_pop(c, m);
	m = lc_diff_push(c, "summary", NONE);
	lc_diff_cmp_text(c, LC_SUBJECT_LEVEL, ol->summary, lv->summary, LC_BUMP_MINOR,
	                 lc_diff_label(c, "level ", lv->id, " summary", NONE));
	lc_diff_pop(c, m);
	for (size_t i = first; i < c->nchanges; i++)
		lc_diff_set_level(c, &c->changes[i], lv, ol);
}

int lc_diff_walk_tracks(dctx *c)
{
	const ladder *o = c->o, *n = c->n;
	mitem *to = lc_arena_calloc(c->arena, o->ntracks + 1, sizeof *to);
	mitem *tn = lc_arena_calloc(c->arena, n->ntracks + 1, sizeof *tn);
	mitem *lo = lc_arena_calloc(c->arena, o->nlevels + 1, sizeof *lo);
	mitem *ln = lc_arena_calloc(c->arena, n->nlevels + 1, sizeof *ln);
	if (!to || !tn || !lo || !ln)
		return -1;
	for (size_t i = 0; i < o->ntracks; i++)
		to[i] = (mitem){o->tracks[i]->id, NONE};
	for (size_t i = 0; i < n->ntracks; i++)
		tn[i] = (mitem){n->tracks[i]->id, NONE};
	for (size_t i = 0; i < o->nlevels; i++)
		lo[i] = (mitem){o->levels[i]->id, o->levels[i]->track->id};
	for (size_t i = 0; i < n->nlevels; i++)
		ln[i] = (mitem){n->levels[i]->id, n->levels[i]->track->id};
	matching tm, lm;
	if (lc_diff_match_items(c, to, o->ntracks, tn, n->ntracks, &tm) < 0 ||
	    lc_diff_match_items(c, lo, o->nlevels, ln, n->nlevels, &lm) < 0)
		return -1;
	for (size_t i = 0; i < n->nlevels; i++)
		c->old_of_new_level[i] = lm.n2o[i];
	for (size_t i = 0; i < o->nlevels; i++)
		c->new_of_old_level[i] = lm.o2n[i];

	for (size_t tj = 0; tj < n->ntracks; tj++) {
		const ladder_track *t = n->tracks[tj];
		int32_t ti = tm.n2o[tj];
		const ladder_track *ot = ti >= 0 ? o->tracks[ti] : NULL;
		c->track_new = t;
		c->track_old = ot;
		size_t mark = lc_diff_push(c, "tracks", t->id);
		if (!ot) {
			lc_diff_add_change(c, LC_CHANGE_ADDED, LC_SUBJECT_TRACK, LC_BUMP_MAJOR, NONE, t->name,
			                   lc_diff_label(c, "track ", t->id, "", NONE));
		} else {
			if (tm.moved[tj])
				lc_diff_moved(c, LC_SUBJECT_TRACK, LC_BUMP_PATCH, lc_diff_dup(c, c->path.data, c->path.len), tm.pos_old[ti],
				              tm.pos_new[tj], "track ", t->id);
			size_t m2 = lc_diff_push(c, "name", NONE);
			lc_diff_cmp_text(c, LC_SUBJECT_TRACK, ot->name, t->name, LC_BUMP_MINOR,
			                 lc_diff_label(c, "track ", t->id, " name", NONE));
			lc_diff_pop(c, m2);
			m2 = lc_diff_push(c, "from", NONE);
			lc_change *ch = lc_diff_cmp_text(c, LC_SUBJECT_TRACK, ot->from ? ot->from->id : NONE,
			                                 t->from ? t->from->id : NONE, LC_BUMP_MAJOR,
			                                 lc_diff_label(c, "track ", t->id, " starts after", NONE));
			if (ch) { /* a new crossover point changes every chain through the track */
				ch->prose = 0;
				ch->bump = LC_BUMP_MAJOR;
			}
			lc_diff_pop(c, m2);
		}
		for (size_t k = 0; k < t->nlevels; k++) {
			const ladder_level *lv = t->levels[k];
			int32_t li = lm.n2o[lv->index];
			const ladder_level *ol = li >= 0 ? o->levels[li] : NULL;
			size_t m2 = lc_diff_push(c, "levels", lv->id);
			if (!ol) {
				lc_change *ch = lc_diff_add_change(c, LC_CHANGE_ADDED, LC_SUBJECT_LEVEL, LC_BUMP_MAJOR, NONE, lv->name,
				                                   lc_diff_label(c, "level ", lv->id, "", NONE));
				lc_diff_set_level(c, ch, lv, NULL);
			} else {
				if (lm.moved[lv->index]) {
					lc_buf_clear(&c->tmp);
					lc_buf_puts(&c->tmp, "/tracks/");
					lc_buf_put(&c->tmp, ol->track->id.s, ol->track->id.len);
					lc_buf_puts(&c->tmp, "/levels/");
					lc_buf_put(&c->tmp, ol->id.s, ol->id.len);
					/* onto another track: the level's chain changes */
					int other_track = !ladder_str_eq(ol->track->id, t->id);
					lc_change *mv = lc_diff_moved(c, LC_SUBJECT_LEVEL, other_track ? LC_BUMP_MINOR : LC_BUMP_PATCH,
					                              lc_diff_dup(c, c->tmp.data, c->tmp.len), lm.pos_old[li],
					                              lm.pos_new[lv->index], "level ", lv->id);
					lc_diff_set_level(c, mv, lv, ol);
				}
				level_fields(c, ol, lv);
			}
			lc_diff_pop(c, m2);
		}
		if (ot)
			for (size_t k = 0; k < ot->nlevels; k++)
				if (lm.o2n[ot->levels[k]->index] < 0)
					removed_level(c, ot->levels[k]);
		lc_diff_pop(c, mark);
	}
	for (size_t ti = 0; ti < o->ntracks; ti++) {
		if (tm.o2n[ti] >= 0)
			continue;
		const ladder_track *ot = o->tracks[ti];
		c->track_new = NULL;
		c->track_old = ot;
		size_t mark = lc_diff_push(c, "tracks", ot->id);
		lc_diff_add_change(c, LC_CHANGE_REMOVED, LC_SUBJECT_TRACK, LC_BUMP_MINOR, ot->name, NONE,
		                   lc_diff_label(c, "track ", ot->id, "", NONE));
		for (size_t k = 0; k < ot->nlevels; k++)
			if (lm.o2n[ot->levels[k]->index] < 0)
				removed_level(c, ot->levels[k]);
		lc_diff_pop(c, mark);
	}
	c->track_new = c->track_old = NULL;
	return 0;
}

/* ---- roles ---------------------------------------------------------------- */

static ladder_str track_list(dctx *c, const ladder_role *r)
{
	lc_buf_clear(&c->tmp);
	for (size_t i = 0; i < r->ntracks; i++) {
		if (i)
			lc_buf_puts(&c->tmp, ", ");
		lc_buf_put(&c->tmp, r->tracks[i]->id.s, r->tracks[i]->id.len);
	}
	return lc_diff_dup(c, c->tmp.data, c->tmp.len);
}

static void title(dctx *c, const ladder_level *nl, const ladder_level *ol, ladder_str ot, ladder_str nt)
{
	if ((!nt.s && !ot.s) || (nt.s && ot.s && ladder_str_eq(nt, ot)))
		return;
	const ladder_level *lv = nl ? nl : ol;
	size_t mark = lc_diff_push(c, "titles", lv->id);
	lc_change *ch = lc_diff_cmp_text(c, LC_SUBJECT_TITLE, ot, nt, LC_BUMP_MINOR,
	                                 lc_diff_label(c, "title at ", lv->id, "", NONE));
	lc_diff_pop(c, mark);
	lc_diff_set_level(c, ch, nl, ol);
}

/* Resolved titles: a renamed level or a changed rubric shows here, at every
 * role and level whose title it changes. */
static void titles(dctx *c, const ladder_role *ro, const ladder_role *rn)
{
	for (size_t k = 0; k < c->n->nlevels; k++) {
		int32_t ok = c->old_of_new_level[k];
		const ladder_level *ol = ok >= 0 ? c->o->levels[ok] : NULL;
		title(c, c->n->levels[k], ol, ol ? ro->title[ok] : NONE, rn->title[k]);
	}
	for (size_t k = 0; k < c->o->nlevels; k++)
		if (c->new_of_old_level[k] < 0)
			title(c, NULL, c->o->levels[k], ro->title[k], NONE);
}

int lc_diff_walk_roles(dctx *c)
{
	const ladder *o = c->o, *n = c->n;
	mitem *ro = lc_arena_calloc(c->arena, o->nroles + 1, sizeof *ro);
	mitem *rn = lc_arena_calloc(c->arena, n->nroles + 1, sizeof *rn);
	if (!ro || !rn)
		return -1;
	for (size_t i = 0; i < o->nroles; i++)
		ro[i] = (mitem){o->roles[i]->id, NONE};
	for (size_t i = 0; i < n->nroles; i++)
		rn[i] = (mitem){n->roles[i]->id, NONE};
	matching rm;
	if (lc_diff_match_items(c, ro, o->nroles, rn, n->nroles, &rm) < 0)
		return -1;
	for (size_t i = 0; i < n->nroles; i++)
		c->old_of_new_role[i] = rm.n2o[i];
	for (size_t i = 0; i < o->nroles; i++)
		c->new_of_old_role[i] = rm.o2n[i];

	for (size_t j = 0; j < n->nroles; j++) {
		const ladder_role *r = n->roles[j];
		int32_t i = rm.n2o[j];
		const ladder_role *orl = i >= 0 ? o->roles[i] : NULL;
		size_t mark = lc_diff_push(c, "roles", r->id);
		c->role_new = r;
		c->role_old = orl;
		if (!orl) {
			lc_diff_add_change(c, LC_CHANGE_ADDED, LC_SUBJECT_ROLE, LC_BUMP_MAJOR, NONE, r->name,
			                   lc_diff_label(c, "role ", r->name, "", NONE));
			lc_diff_pop(c, mark);
			continue;
		}
		if (rm.moved[j])
			lc_diff_moved(c, LC_SUBJECT_ROLE, LC_BUMP_PATCH, lc_diff_dup(c, c->path.data, c->path.len), rm.pos_old[i],
			              rm.pos_new[j], "role ", r->name);
		size_t m2 = lc_diff_push(c, "name", NONE);
		lc_diff_cmp_text(c, LC_SUBJECT_ROLE, orl->name, r->name, LC_BUMP_MINOR, cstr("role name"));
		lc_diff_pop(c, m2);
		m2 = lc_diff_push(c, "family", NONE);
		lc_diff_cmp_text(c, LC_SUBJECT_ROLE, orl->family, r->family, LC_BUMP_MINOR, cstr("family"));
		lc_diff_pop(c, m2);
		/* the tracks a role takes are a set (listed in ladder order, which
		 * may itself change): compare membership */
		lc_idmap took;
		lc_idmap_init(&took);
		for (size_t t = 0; t < orl->ntracks; t++)
			if (lc_idmap_put(&took, orl->tracks[t]->id.s, orl->tracks[t]->id.len, (void *)orl->tracks[t]) == &took)
				c->oom = 1;
		int gained = 0;
		for (size_t t = 0; t < r->ntracks; t++)
			gained |= lc_idmap_get(&took, r->tracks[t]->id.s, r->tracks[t]->id.len) == NULL;
		lc_idmap_free(&took);
		if (gained || r->ntracks != orl->ntracks) {
			/* a track the role did not take before brings new expectations */
			m2 = lc_diff_push(c, "tracks", NONE);
			lc_diff_add_change(c, LC_CHANGE_CHANGED, LC_SUBJECT_ROLE, gained ? LC_BUMP_MAJOR : LC_BUMP_MINOR,
			                   track_list(c, orl), track_list(c, r), cstr("tracks"));
			lc_diff_pop(c, m2);
		}
		titles(c, orl, r);
		if (lc_diff_walk_groups(c, orl->groups, orl->ngroups, r->groups, r->ngroups) < 0)
			return -1;
		lc_diff_pop(c, mark);
	}
	for (size_t i = 0; i < o->nroles; i++) {
		if (rm.o2n[i] >= 0)
			continue;
		const ladder_role *orl = o->roles[i];
		c->role_new = NULL;
		c->role_old = orl;
		size_t mark = lc_diff_push(c, "roles", orl->id);
		lc_diff_add_change(c, LC_CHANGE_REMOVED, LC_SUBJECT_ROLE, LC_BUMP_MINOR, orl->name, NONE,
		                   lc_diff_label(c, "role ", orl->name, "", NONE));
		lc_diff_pop(c, mark);
	}
	c->role_new = c->role_old = NULL;
	return 0;
}

/* ---- promotion ------------------------------------------------------------ */

static const ladder_criteria NO_CRITERIA;

static void cmp_number(dctx *c, const char *field, const ladder_number *o, const ladder_number *n,
                       ladder_str label)
{
	if (!o->present && !n->present)
		return;
	if (o->present && n->present && o->value == n->value)
		return; /* "4" and "4.0" say the same */
	size_t mark = lc_diff_push(c, field, NONE);
	if (!o->present)
		lc_diff_add_change(c, LC_CHANGE_ADDED, LC_SUBJECT_PROMOTION, LC_BUMP_MAJOR, NONE, n->text, label);
	else if (!n->present)
		lc_diff_add_change(c, LC_CHANGE_REMOVED, LC_SUBJECT_PROMOTION, LC_BUMP_MINOR, o->text, NONE, label);
	else /* a higher bar is a new expectation; a lower one relaxes it */
		lc_diff_add_change(c, LC_CHANGE_CHANGED, LC_SUBJECT_PROMOTION,
		                   n->value > o->value ? LC_BUMP_MAJOR : LC_BUMP_MINOR, o->text, n->text, label);
	lc_diff_pop(c, mark);
}

/* The leading number of "2 quarters"; *rest is where the rest starts. */
static int leading_number(ladder_str s, double *v, size_t *rest)
{
	size_t i = 0;
	double x = 0;
	while (i < s.len && s.s[i] >= '0' && s.s[i] <= '9')
		x = x * 10 + (s.s[i++] - '0');
	*v = x;
	*rest = i;
	return i > 0;
}

static void cmp_evidence(dctx *c, const ladder_criteria *o, const ladder_criteria *n, const char *prefix)
{
	/* items matched by their text (a longest common subsequence); a removed
	 * and an added item in the same place are one reworded item */
	size_t no = o->nevidence, nn = n->nevidence;
	if (no == 0 && nn == 0)
		return;
	lc_wdiff_tok *to = malloc((no + 1) * sizeof *to), *tn = malloc((nn + 1) * sizeof *tn);
	unsigned char *keep = malloc(no + nn + 1);
	if (!to || !tn || !keep) {
		c->oom = 1;
		goto done;
	}
	for (size_t i = 0; i < no; i++)
		to[i] = (lc_wdiff_tok){o->evidence[i].s, o->evidence[i].len, lc_wdiff_hash(o->evidence[i].s, o->evidence[i].len)};
	for (size_t i = 0; i < nn; i++)
		tn[i] = (lc_wdiff_tok){n->evidence[i].s, n->evidence[i].len, lc_wdiff_hash(n->evidence[i].s, n->evidence[i].len)};
	if (lc_wdiff_lcs(to, no, tn, nn, keep, keep + no) < 0) {
		c->oom = 1;
		goto done;
	}
	size_t i = 0, j = 0;
	while (i < no || j < nn) {
		if (i < no && j < nn && keep[i] && keep[no + j]) {
			i++;
			j++;
			continue;
		}
		size_t di = i, dj = j;
		while (i < no && !keep[i])
			i++;
		while (j < nn && !keep[no + j])
			j++;
		for (; di < i || dj < j; di += di < i, dj += dj < j) {
			char num[32], label[64];
			size_t idx = dj < j ? dj + 1 : di + 1;
			snprintf(num, sizeof num, "%zu", idx);
			snprintf(label, sizeof label, "evidence %zu", idx);
			size_t m = lc_diff_push(c, "evidence", cstr(num));
			lc_diff_cmp_text(c, LC_SUBJECT_PROMOTION, di < i ? o->evidence[di] : NONE, dj < j ? n->evidence[dj] : NONE,
			                 LC_BUMP_MAJOR, lc_diff_label(c, prefix, cstr(label), "", NONE));
			lc_diff_pop(c, m);
		}
	}
done:
	free(to);
	free(tn);
	free(keep);
}

static void cmp_criteria(dctx *c, const ladder_criteria *o, const ladder_criteria *n, ladder_str prefix_s)
{
	char prefix[256];
	snprintf(prefix, sizeof prefix, "%.*s", (int)prefix_s.len, prefix_s.s);
	cmp_number(c, "min_average", &o->min_average, &n->min_average,
	           lc_diff_label(c, prefix, cstr("min_average"), "", NONE));
	cmp_number(c, "min_each", &o->min_each, &n->min_each, lc_diff_label(c, prefix, cstr("min_each"), "", NONE));
	size_t mark = lc_diff_push(c, "time_in_level", NONE);
	lc_change *ch = lc_diff_cmp_text(c, LC_SUBJECT_PROMOTION, o->time_in_level, n->time_in_level, LC_BUMP_MAJOR,
	                                 lc_diff_label(c, prefix, cstr("time_in_level"), "", NONE));
	if (ch && ch->kind == LC_CHANGE_CHANGED) { /* "2 quarters" -> "3 quarters": a higher bar */
		double a, b;
		size_t ra, rb;
		if (leading_number(ch->old_value, &a, &ra) && leading_number(ch->new_value, &b, &rb) &&
		    ch->old_value.len - ra == ch->new_value.len - rb &&
		    memcmp(ch->old_value.s + ra, ch->new_value.s + rb, ch->old_value.len - ra) == 0)
			ch->bump = b > a ? LC_BUMP_MAJOR : LC_BUMP_MINOR;
	}
	lc_diff_pop(c, mark);
	cmp_evidence(c, o, n, prefix);
}

int lc_diff_walk_promotion(dctx *c)
{
	const ladder_promotion *o = &c->o->promotion, *n = &c->n->promotion;
	size_t mark = lc_diff_push(c, "promotion", NONE);
	size_t first = c->nchanges;
	cmp_number(c, "scale", &o->scale, &n->scale, cstr("promotion scale"));
	if (c->nchanges > first)
		c->changes[c->nchanges - 1].bump = LC_BUMP_MAJOR; /* every rating means something else */
	cmp_criteria(c, &o->defaults, &n->defaults, cstr("promotion "));
	lc_idmap into, seen;
	lc_idmap_init(&into);
	lc_idmap_init(&seen);
	int rc = 0;
	for (size_t i = 0; i < o->ninto && rc == 0; i++)
		if (lc_idmap_put(&into, o->into[i].level->id.s, o->into[i].level->id.len, (void *)&o->into[i]) == &into)
			rc = -1;
	for (size_t j = 0; j < n->ninto && rc == 0; j++) {
		const ladder_level *lv = n->into[j].level;
		const ladder_promotion_into *pi = lc_idmap_get(&into, lv->id.s, lv->id.len);
		if (lc_idmap_put(&seen, lv->id.s, lv->id.len, (void *)lv) == &seen)
			rc = -1;
		size_t m2 = lc_diff_push(c, "into", lv->id);
		size_t f = c->nchanges;
		cmp_criteria(c, pi ? &pi->criteria : &NO_CRITERIA, &n->into[j].criteria,
		             lc_diff_label(c, "promotion into ", lv->id, ": ", NONE));
		int32_t ok = c->old_of_new_level[lv->index];
		for (size_t i = f; i < c->nchanges; i++)
			lc_diff_set_level(c, &c->changes[i], lv, ok >= 0 ? c->o->levels[ok] : NULL);
		lc_diff_pop(c, m2);
	}
	for (size_t i = 0; i < o->ninto && rc == 0; i++) {
		const ladder_level *lv = o->into[i].level;
		if (lc_idmap_get(&seen, lv->id.s, lv->id.len))
			continue;
		size_t m2 = lc_diff_push(c, "into", lv->id);
		size_t f = c->nchanges;
		cmp_criteria(c, &o->into[i].criteria, &NO_CRITERIA, lc_diff_label(c, "promotion into ", lv->id, ": ", NONE));
		int32_t nk = c->new_of_old_level[lv->index];
		for (size_t k = f; k < c->nchanges; k++)
			lc_diff_set_level(c, &c->changes[k], nk >= 0 ? c->n->levels[nk] : NULL, lv);
		lc_diff_pop(c, m2);
	}
	lc_idmap_free(&into);
	lc_idmap_free(&seen);
	lc_diff_pop(c, mark);
	return rc;
}

/* ---- lateral paths --------------------------------------------------------- */

static ladder_str str_list(dctx *c, const ladder_str *items, size_t n)
{
	return lc_diff_join(c, "", items, n, ", ");
}

/* What an added or removed path says: "transferable: A, B; gaps: C". */
static ladder_str path_value(dctx *c, const ladder_path *p)
{
	ladder_str t = str_list(c, p->transferable, p->ntransferable);
	ladder_str g = str_list(c, p->gaps, p->ngaps);
	return lc_diff_label(c, "transferable: ", t, "; gaps: ", g);
}

static ladder_str path_key(dctx *c, const ladder_path *p)
{
	return lc_diff_label(c, "", p->from->id, "/", p->to->id);
}

static ladder_str path_label(dctx *c, const ladder_path *p, const char *what)
{
	ladder_str l = lc_diff_label(c, "path ", p->from->name, " to ", p->to->name);
	return lc_diff_label(c, "", l, what, NONE);
}

int lc_diff_walk_paths(dctx *c)
{
	const ladder *o = c->o, *n = c->n;
	ladder_str *okeys = lc_arena_calloc(c->arena, o->npaths + 1, sizeof *okeys);
	unsigned char *matched = lc_arena_calloc(c->arena, o->npaths + 1, 1);
	if (!okeys || !matched)
		return -1;
	lc_idmap map;
	lc_idmap_init(&map);
	for (size_t i = 0; i < o->npaths; i++) {
		okeys[i] = path_key(c, &o->paths[i]);
		if (lc_idmap_put(&map, okeys[i].s, okeys[i].len, (void *)(uintptr_t)(i + 1)) == &map) {
			lc_idmap_free(&map);
			return -1;
		}
	}
	for (size_t j = 0; j < n->npaths; j++) {
		const ladder_path *p = &n->paths[j];
		ladder_str key = path_key(c, p);
		uintptr_t v = (uintptr_t)lc_idmap_get(&map, key.s, key.len);
		c->path_new = p;
		c->path_old = v ? &o->paths[v - 1] : NULL;
		size_t mark = lc_diff_push(c, "paths", key);
		if (!v) {
			lc_diff_add_change(c, LC_CHANGE_ADDED, LC_SUBJECT_PATH, LC_BUMP_MINOR, NONE, path_value(c, p),
			                   path_label(c, p, ""));
		} else {
			const ladder_path *op = &o->paths[v - 1];
			matched[v - 1] = 1;
			size_t m2 = lc_diff_push(c, "transferable", NONE);
			lc_change *ch = lc_diff_cmp_text(c, LC_SUBJECT_PATH, str_list(c, op->transferable, op->ntransferable),
			                                 str_list(c, p->transferable, p->ntransferable), LC_BUMP_MINOR,
			                                 path_label(c, p, ": transferable"));
			if (ch && ch->bump < LC_BUMP_MINOR)
				ch->bump = LC_BUMP_MINOR;
			lc_diff_pop(c, m2);
			m2 = lc_diff_push(c, "gaps", NONE);
			ch = lc_diff_cmp_text(c, LC_SUBJECT_PATH, str_list(c, op->gaps, op->ngaps), str_list(c, p->gaps, p->ngaps),
			                      LC_BUMP_MINOR, path_label(c, p, ": gaps"));
			if (ch && ch->bump < LC_BUMP_MINOR)
				ch->bump = LC_BUMP_MINOR;
			lc_diff_pop(c, m2);
		}
		lc_diff_pop(c, mark);
	}
	for (size_t i = 0; i < o->npaths; i++) {
		if (matched[i])
			continue;
		const ladder_path *p = &o->paths[i];
		c->path_new = NULL;
		c->path_old = p;
		size_t mark = lc_diff_push(c, "paths", okeys[i]);
		lc_diff_add_change(c, LC_CHANGE_REMOVED, LC_SUBJECT_PATH, LC_BUMP_MINOR, path_value(c, p), NONE,
		                   path_label(c, p, ""));
		lc_diff_pop(c, mark);
	}
	lc_idmap_free(&map);
	c->path_new = c->path_old = NULL;
	return 0;
}

/* ---- the ladder's own fields ---------------------------------------------- */

void lc_diff_walk_fields(dctx *c)
{
	static const struct {
		const char *key;
		size_t off;
		int prose;
	} fields[] = {
		{"id", offsetof(ladder, id), 0},
		{"name", offsetof(ladder, name), 1},
		{"title", offsetof(ladder, title), 1},
		{"updated", offsetof(ladder, updated), 0},
		{"intro", offsetof(ladder, intro), 1},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		ladder_str o = *(const ladder_str *)(const void *)((const char *)c->o + fields[i].off);
		ladder_str n = *(const ladder_str *)(const void *)((const char *)c->n + fields[i].off);
		size_t mark = lc_diff_push(c, fields[i].key, NONE);
		lc_change *ch = lc_diff_cmp_text(c, LC_SUBJECT_LADDER, o, n, LC_BUMP_MINOR,
		                                 lc_diff_label(c, "ladder ", cstr(fields[i].key), "", NONE));
		if (ch) {
			ch->prose = fields[i].prose;
			if (strcmp(fields[i].key, "updated") == 0)
				ch->bump = LC_BUMP_PATCH; /* the date moves with every release */
			else if (!fields[i].prose && ch->bump < LC_BUMP_MINOR)
				ch->bump = LC_BUMP_MINOR;
		}
		lc_diff_pop(c, mark);
	}
}

