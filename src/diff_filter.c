/* Filters on a diff (`ladderc diff --role R --track T --level L`): keep the
 * changes that affect what one role sees at one level, and recompute the
 * summary on them. The view is worked out in each version separately (a
 * level's chain, a role's levels may differ): a change is kept when it
 * touches the view in the old version or in the new one. See "Filters" in
 * docs/diff.md for the rule each kind of change follows. */
#include "diff_internal.h"

#include <stdlib.h>

/* The view in one version. */
typedef struct side {
	const ladder *l;
	const ladder_role *role;    /* the filter's role here; NULL: no role filter, or absent here */
	int role_filter;            /* a role was named */
	const ladder_level *level;  /* the filter's level here, or NULL */
	unsigned char *target;      /* [nlevels] the levels viewed */
	unsigned char *chain;       /* [nlevels] levels at or below a target on its chain */
	unsigned char *next;        /* [nlevels] levels one promotion above the filter's level */
} side;

typedef struct filter {
	side o, n;
	const lc_diff_filter_spec *spec;
} filter;

static const ladder_level *find_level(const ladder *l, const char *id)
{
	return id ? ladder_find_level(l, id) : NULL;
}

/* T's levels and the chain below its first level. */
static void mark_track(const ladder_track *t, unsigned char *out)
{
	for (size_t k = 0; k < t->nlevels; k++)
		out[t->levels[k]->index] = 1;
	for (const ladder_level *p = t->from; p; p = p->prev)
		out[p->index] = 1;
}

/* The view in version l: target levels (the role's, on the track's chain,
 * the level), the chains below them, and the levels after the level. -1
 * when out of memory. */
static int build_side(side *s, const ladder *l, const lc_diff_filter_spec *f, int with_level)
{
	s->l = l;
	s->role_filter = f->role != NULL;
	s->role = f->role ? ladder_find_role(l, f->role) : NULL;
	s->level = with_level ? find_level(l, f->level) : NULL;
	s->target = calloc(3 * (l->nlevels + 1), 1);
	if (!s->target)
		return -1;
	s->chain = s->target + l->nlevels + 1;
	s->next = s->chain + l->nlevels + 1;
	const ladder_track *t = f->track ? ladder_find_track(l, f->track) : NULL;
	unsigned char *on_track = t ? calloc(l->nlevels + 1, 1) : NULL;
	if (t && !on_track)
		return -1;
	if (t)
		mark_track(t, on_track);
	for (size_t k = 0; k < l->nlevels; k++) {
		const ladder_level *lv = l->levels[k];
		int in = (!f->role || (s->role && ladder_role_has_level(s->role, lv))) && (!f->track || (t && on_track[k])) &&
		         (!with_level || !f->level || lv == s->level);
		s->target[k] = (unsigned char)in;
		if (in)
			for (const ladder_level *p = lv; p; p = p->prev)
				s->chain[p->index] = 1;
	}
	free(on_track);
	if (s->level && s->target[s->level->index]) {
		const ladder_level **next = malloc((l->ntracks + 2) * sizeof *next);
		if (!next)
			return -1;
		size_t nn = ladder_next_levels(l, s->role, s->level, next);
		for (size_t i = 0; i < nn; i++)
			s->next[next[i]->index] = 1;
		free(next);
	}
	return 0;
}

static void free_side(side *s)
{
	free(s->target);
	s->target = NULL;
}

/* ---- does a change touch the view? ------------------------------------------- */

/* THE question of an expectation: does competency c's text at level lv
 * (both in s's version) reach what the view shows? Yes when, at some target
 * level t whose chain holds lv, c applies to the role (its group's
 * `roles:`/`families:`, its own `tracks:`/`starts_at:`:
 * ladder_competency_applies; any role without --role) and the text is in
 * force there: every text of the chain for a cumulative competency, the
 * nearest at or below t for a restated one. */
static int expectation_affects(const side *s, const ladder_competency *c, const ladder_level *lv)
{
	if (!c || !lv || !s->chain[lv->index])
		return 0;
	for (size_t k = 0; k < s->l->nlevels; k++) {
		const ladder_level *t = s->l->levels[k];
		if (!s->target[k] || t->rank < lv->rank || !ladder_competency_applies(c, s->role, t))
			continue;
		if (c->expectations == LADDER_EXPECTATIONS_RESTATED) {
			if (ladder_expectation_source(c, t) == lv)
				return 1;
			continue;
		}
		for (const ladder_level *p = t; p && p->rank >= lv->rank; p = p->prev)
			if (p == lv)
				return 1;
	}
	return 0;
}

/* A competency as a whole (added, removed, renamed, moved): when one of its
 * texts reaches the view. */
static int competency_in_view(const side *s, const ladder_competency *c)
{
	if (!c)
		return 0;
	for (size_t k = 0; k < s->l->nlevels; k++)
		if (c->text[k].s && expectation_affects(s, c, s->l->levels[k]))
			return 1;
	return 0;
}

static int group_in_view(const side *s, const ladder_group *g)
{
	if (!g)
		return 0;
	for (size_t i = 0; i < g->ncompetencies; i++)
		if (competency_in_view(s, g->competencies[i]))
			return 1;
	return 0;
}

/* Level names, rubrics, summaries: the chain and the levels after it. */
static int level_in_view(const side *s, const ladder_level *lv)
{
	return lv && (s->chain[lv->index] || s->next[lv->index]);
}

static int track_in_view(const side *s, const ladder_track *t)
{
	if (!t)
		return 0;
	for (size_t k = 0; k < t->nlevels; k++)
		if (level_in_view(s, t->levels[k]))
			return 1;
	return 0;
}

/* Titles and promotion into a level: the levels viewed and, with a level,
 * the ones after it. */
static int destination_in_view(const side *s, const ladder_level *lv)
{
	return lv && (s->target[lv->index] || s->next[lv->index]);
}

/* The change is in the named role's section (its fields, titles, groups). */
static int of_role(const filter *f, const lc_change *ch)
{
	return (ch->role_new && ch->role_new == f->n.role) || (ch->role_old && ch->role_old == f->o.role);
}

static int path_of_role(const side *s, const ladder_path *p)
{
	return p && s->role && (p->from == s->role || p->to == s->role);
}

static int keep(const filter *f, const lc_change *ch)
{
	const side *n = &f->n, *o = &f->o;
	if ((ch->role_new || ch->role_old) && f->spec->role && !of_role(f, ch))
		return 0;
	switch (ch->subject) {
	case LC_SUBJECT_LADDER:
		return 0;
	case LC_SUBJECT_TRACK:
		return track_in_view(n, ch->track_new) || track_in_view(o, ch->track_old);
	case LC_SUBJECT_LEVEL:
		return level_in_view(n, ch->level_new) || level_in_view(o, ch->level_old);
	case LC_SUBJECT_GROUP:
		return group_in_view(n, ch->group_new) || group_in_view(o, ch->group_old);
	case LC_SUBJECT_COMPETENCY:
		return competency_in_view(n, ch->competency_new) || competency_in_view(o, ch->competency_old);
	case LC_SUBJECT_EXPECTATION:
	case LC_SUBJECT_PROFICIENCY:
	case LC_SUBJECT_EXAMPLES:
		return expectation_affects(n, ch->competency_new, ch->level_new) ||
		       expectation_affects(o, ch->competency_old, ch->level_old);
	case LC_SUBJECT_ROLE:
		return f->spec->role != NULL; /* of_role said it is the named one */
	case LC_SUBJECT_TITLE:
		return destination_in_view(n, ch->level_new) || destination_in_view(o, ch->level_old);
	case LC_SUBJECT_PROMOTION: /* the defaults hold for every promotion */
		return (!ch->level_new && !ch->level_old) || destination_in_view(n, ch->level_new) ||
		       destination_in_view(o, ch->level_old);
	case LC_SUBJECT_SCOPE: /* where it applied or applies now reaches the view */
		if (ch->competency_new || ch->competency_old)
			return competency_in_view(n, ch->competency_new) || competency_in_view(o, ch->competency_old);
		return group_in_view(n, ch->group_new) || group_in_view(o, ch->group_old);
	case LC_SUBJECT_PATH:
		return !f->spec->level && (path_of_role(n, ch->path_new) || path_of_role(o, ch->path_old));
	}
	return 0;
}

/* A whole competency kept: the levels of its expectations the view shows. */
static int mask_competency(lc_diff *d, const filter *f, lc_change *ch)
{
	const ladder *l = ch->competency_ladder;
	const side *s = l == f->n.l ? &f->n : &f->o;
	unsigned char *mask = lc_arena_calloc(d->arena, l->nlevels + 1, 1);
	if (!mask)
		return -1;
	for (size_t k = 0; k < l->nlevels; k++)
		mask[k] = ch->competency->text[k].s && expectation_affects(s, ch->competency, l->levels[k]);
	ch->competency_levels = mask;
	return 0;
}

/* ---- the filter ------------------------------------------------------------- */

static int role_takes(const side *s, const char *id)
{
	for (size_t i = 0; s->role && i < s->role->ntracks; i++)
		if (ladder_str_eq(s->role->tracks[i]->id, cstr(id)))
			return 1;
	return 0;
}

static lc_diff_filter_status check_ids(const filter *f, const lc_diff_filter_spec *spec)
{
	const ladder *o = f->o.l, *n = f->n.l;
	if (spec->role && !f->n.role && !f->o.role)
		return LC_DIFF_FILTER_UNKNOWN_ROLE;
	if (spec->track && !ladder_find_track(n, spec->track) && !ladder_find_track(o, spec->track))
		return LC_DIFF_FILTER_UNKNOWN_TRACK;
	if (spec->role && spec->track && !role_takes(&f->n, spec->track) && !role_takes(&f->o, spec->track))
		return LC_DIFF_FILTER_TRACK_NOT_IN_VIEW;
	if (spec->level) {
		if (!f->n.level && !f->o.level)
			return LC_DIFF_FILTER_UNKNOWN_LEVEL;
		if (!(f->n.level && f->n.target[f->n.level->index]) && !(f->o.level && f->o.target[f->o.level->index]))
			return LC_DIFF_FILTER_LEVEL_NOT_IN_VIEW;
	}
	return LC_DIFF_FILTER_OK;
}

static const char *dup_id(lc_diff *d, const char *id)
{
	return id ? lc_arena_memdup(d->arena, id, strlen(id) + 1) : NULL;
}

lc_diff_filter_status lc_diff_filter(lc_diff *d, const lc_diff_filter_spec *spec)
{
	filter f = {{0}, {0}, spec};
	lc_diff_filter_status st = LC_DIFF_FILTER_OOM;
	if (build_side(&f.o, d->ids->o, spec, 1) < 0 || build_side(&f.n, d->ids->n, spec, 1) < 0)
		goto done;
	st = check_ids(&f, spec);
	if (st != LC_DIFF_FILTER_OK)
		goto done;
	st = LC_DIFF_FILTER_OOM;
	size_t kept = 0;
	for (size_t i = 0; i < d->nchanges; i++) {
		lc_change *ch = &d->changes[i];
		if (!keep(&f, ch))
			continue;
		if (ch->competency && mask_competency(d, &f, ch) < 0)
			goto done;
		d->changes[kept++] = *ch;
	}
	d->nchanges = kept;
	d->filter = (lc_diff_filter_spec){dup_id(d, spec->role), dup_id(d, spec->track), dup_id(d, spec->level)};
	if ((spec->role && !d->filter.role) || (spec->track && !d->filter.track) || (spec->level && !d->filter.level))
		goto done;
	if (lc_diff_summarise(d, spec->role) < 0)
		goto done;
	st = LC_DIFF_FILTER_OK;
done:
	free_side(&f.o);
	free_side(&f.n);
	return st;
}

/* ---- the ids that would do ------------------------------------------------------ */

/* ids of the new version, then those only in the old one; `ok` says which count. */
static void put_ids(lc_buf *out, const side *n, const side *o, ladder_str (*id_of)(const ladder *, size_t),
                    size_t (*count)(const ladder *), int (*ok)(const side *, size_t))
{
	const char *sep = "";
	for (size_t i = 0; i < count(n->l); i++) {
		if (!ok(n, i))
			continue;
		lc_buf_puts(out, sep);
		ladder_str id = id_of(n->l, i);
		lc_buf_put(out, id.s, id.len);
		sep = ", ";
	}
	for (size_t i = 0; i < count(o->l); i++) {
		ladder_str id = id_of(o->l, i);
		int in_new = 0;
		for (size_t j = 0; j < count(n->l) && !in_new; j++)
			in_new = ladder_str_eq(id, id_of(n->l, j));
		if (in_new || !ok(o, i))
			continue;
		lc_buf_puts(out, sep);
		lc_buf_put(out, id.s, id.len);
		sep = ", ";
	}
}

static ladder_str role_id(const ladder *l, size_t i) { return l->roles[i]->id; }
static ladder_str track_id(const ladder *l, size_t i) { return l->tracks[i]->id; }
static ladder_str level_id(const ladder *l, size_t i) { return l->levels[i]->id; }
static size_t nroles(const ladder *l) { return l->nroles; }
static size_t ntracks(const ladder *l) { return l->ntracks; }
static size_t nlevels(const ladder *l) { return l->nlevels; }
static int any(const side *s, size_t i) { (void)s; (void)i; return 1; }
static int viewed(const side *s, size_t i) { return s->target[i]; }
static int taken(const side *s, size_t i)
{
	for (size_t k = 0; s->role && k < s->role->ntracks; k++)
		if (s->role->tracks[k] == s->l->tracks[i])
			return 1;
	return 0;
}

int lc_diff_filter_valid_ids(const lc_diff *d, const lc_diff_filter_spec *spec, lc_diff_filter_status why,
                             lc_buf *out)
{
	filter f = {{0}, {0}, spec};
	int rc = -1;
	/* the view without the level: the levels that would do */
	if (build_side(&f.o, d->ids->o, spec, 0) < 0 || build_side(&f.n, d->ids->n, spec, 0) < 0)
		goto done;
	switch (why) {
	case LC_DIFF_FILTER_UNKNOWN_ROLE: put_ids(out, &f.n, &f.o, role_id, nroles, any); break;
	case LC_DIFF_FILTER_UNKNOWN_TRACK: put_ids(out, &f.n, &f.o, track_id, ntracks, any); break;
	case LC_DIFF_FILTER_UNKNOWN_LEVEL: put_ids(out, &f.n, &f.o, level_id, nlevels, any); break;
	case LC_DIFF_FILTER_TRACK_NOT_IN_VIEW: put_ids(out, &f.n, &f.o, track_id, ntracks, taken); break;
	case LC_DIFF_FILTER_LEVEL_NOT_IN_VIEW: put_ids(out, &f.n, &f.o, level_id, nlevels, viewed); break;
	case LC_DIFF_FILTER_OK:
	case LC_DIFF_FILTER_OOM:
		break;
	}
	rc = lc_buf_failed(out) ? -1 : 0;
done:
	free_side(&f.o);
	free_side(&f.n);
	return rc;
}
