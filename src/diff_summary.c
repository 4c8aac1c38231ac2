/* The diff's summary, computed from its change list alone (so that a filter
 * can recompute it on what it keeps): the counts by kind, the largest bump,
 * and the levels and roles whose expectations and titles change. */
#include "diff_internal.h"

#include <stdlib.h>

/* Which levels and roles changes touch, by index in each version. */
typedef struct flags {
	unsigned char *exp_new_level, *exp_old_level, *title_new_level, *title_old_level;
	unsigned char *company_new_level, *company_old_level; /* company-wide cells */
	unsigned char *exp_new_role, *exp_old_role, *title_new_role;
} flags;

/* An expectation (cell) changed at nl (new) or ol (old), in the change's
 * role or company-wide. */
static void flag_expectation(flags *f, const lc_change *ch, const ladder_level *nl, const ladder_level *ol)
{
	if (nl)
		f->exp_new_level[nl->index] = 1;
	if (ol)
		f->exp_old_level[ol->index] = 1;
	if (ch->role_new)
		f->exp_new_role[ch->role_new->index] = 1;
	if (ch->role_old)
		f->exp_old_role[ch->role_old->index] = 1;
	if (!ch->role_new && !ch->role_old) {
		if (nl)
			f->company_new_level[nl->index] = 1;
		if (ol)
			f->company_old_level[ol->index] = 1;
	}
}

/* A whole competency added or removed: every level it describes (that the
 * filter shows) counts as an expectation that changes. */
static void flag_competency(flags *f, const lc_change *ch)
{
	const ladder *l = ch->competency_ladder;
	for (size_t k = 0; k < l->nlevels; k++) {
		if (!ch->competency->text[k].s || (ch->competency_levels && !ch->competency_levels[k]))
			continue;
		if (ch->kind == LC_CHANGE_ADDED)
			flag_expectation(f, ch, l->levels[k], NULL);
		else
			flag_expectation(f, ch, NULL, l->levels[k]);
	}
}

static void flag_change(flags *f, const lc_change *ch)
{
	if (ch->subject == LC_SUBJECT_EXPECTATION || ch->subject == LC_SUBJECT_PROFICIENCY) {
		flag_expectation(f, ch, ch->level_new, ch->level_old);
	} else if (ch->subject == LC_SUBJECT_COMPETENCY && ch->competency) {
		flag_competency(f, ch);
	} else if (ch->subject == LC_SUBJECT_TITLE) {
		if (ch->level_new)
			f->title_new_level[ch->level_new->index] = 1;
		if (ch->level_old)
			f->title_old_level[ch->level_old->index] = 1;
		if (ch->role_new)
			f->title_new_role[ch->role_new->index] = 1;
	}
}

static int role_takes_flagged(const ladder_role *r, const unsigned char *levels)
{
	for (size_t t = 0; t < r->ntracks; t++)
		for (size_t k = 0; k < r->tracks[t]->nlevels; k++)
			if (levels[r->tracks[t]->levels[k]->index])
				return 1;
	return 0;
}

/* The flagged levels: the new ladder's order, then those removed. */
static ladder_str *level_list(lc_diff *d, const unsigned char *fn, const unsigned char *fo, size_t *count)
{
	const struct lc_diff_ids *ids = d->ids;
	*count = 0;
	ladder_str *out = lc_arena_calloc(d->arena, ids->n->nlevels + ids->o->nlevels + 1, sizeof *out);
	if (!out)
		return NULL;
	size_t n = 0;
	for (size_t k = 0; k < ids->n->nlevels; k++)
		if (fn[k] || (ids->old_of_new_level[k] >= 0 && fo[ids->old_of_new_level[k]]))
			out[n++] = ids->n->levels[k]->id;
	for (size_t k = 0; k < ids->o->nlevels; k++)
		if (fo[k] && ids->new_of_old_level[k] < 0)
			out[n++] = ids->o->levels[k]->id;
	*count = n;
	return out;
}

/* The roles whose expectations and titles change: flagged directly (their
 * own competencies, their titles), or taking a level whose company-wide
 * expectations changed; roles in both versions only. */
static int role_lists(lc_diff *d, const flags *f, const char *only_role)
{
	const struct lc_diff_ids *ids = d->ids;
	const ladder *o = ids->o, *n = ids->n;
	lc_diff_summary *s = &d->summary;
	s->expectation_roles = lc_arena_calloc(d->arena, n->nroles + 1, sizeof(ladder_str));
	s->title_roles = lc_arena_calloc(d->arena, n->nroles + 1, sizeof(ladder_str));
	if (!s->expectation_roles || !s->title_roles)
		return -1;
	ladder_str only = only_role ? (ladder_str){only_role, strlen(only_role)} : (ladder_str){NULL, 0};
	for (size_t j = 0; j < n->nroles; j++) {
		int32_t i = ids->old_of_new_role[j];
		if (only.s && !ladder_str_eq(only, n->roles[j]->id))
			continue;
		if (i >= 0 && (f->exp_new_role[j] || role_takes_flagged(n->roles[j], f->company_new_level) ||
		               f->exp_old_role[i] || role_takes_flagged(o->roles[i], f->company_old_level)))
			s->expectation_roles[s->nexpectation_roles++] = n->roles[j]->id;
		if (f->title_new_role[j])
			s->title_roles[s->ntitle_roles++] = n->roles[j]->id;
	}
	return 0;
}

int lc_diff_summarise(lc_diff *d, const char *only_role)
{
	const struct lc_diff_ids *ids = d->ids;
	size_t nn = ids->n->nlevels + 1, no = ids->o->nlevels + 1, rn = ids->n->nroles + 1, ro = ids->o->nroles + 1;
	unsigned char *mem = calloc(3 * nn + 3 * no + 2 * rn + ro, 1);
	if (!mem)
		return -1;
	flags f;
	/* one block: three arrays over new levels, three over old ones, then roles */
	f.exp_new_level = mem;
	f.title_new_level = mem + nn;
	f.company_new_level = mem + 2 * nn;
	f.exp_old_level = mem + 3 * nn;
	f.title_old_level = mem + 3 * nn + no;
	f.company_old_level = mem + 3 * nn + 2 * no;
	f.exp_new_role = mem + 3 * nn + 3 * no;
	f.title_new_role = mem + 3 * nn + 3 * no + rn;
	f.exp_old_role = mem + 3 * nn + 3 * no + 2 * rn;

	lc_diff_summary *s = &d->summary;
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		switch (ch->kind) {
		case LC_CHANGE_ADDED: s->added++; break;
		case LC_CHANGE_REMOVED: s->removed++; break;
		case LC_CHANGE_CHANGED: s->changed++; break;
		case LC_CHANGE_MOVED: s->moved++; break;
		}
		if (ch->bump > s->bump)
			s->bump = ch->bump;
		flag_change(&f, ch);
	}
	s->expectation_levels = level_list(d, f.exp_new_level, f.exp_old_level, &s->nexpectation_levels);
	s->title_levels = level_list(d, f.title_new_level, f.title_old_level, &s->ntitle_levels);
	int rc = s->expectation_levels && s->title_levels ? role_lists(d, &f, only_role) : -1;
	free(mem);
	return rc;
}
