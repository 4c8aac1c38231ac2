/* The ladder model: queries over a loaded ladder (chains, ranks, titles,
 * cumulative expectations). */
#include "ladderc/ladder.h"
#include "source_file.h"

#include <stdlib.h>
#include <string.h>

void ladder_free(ladder *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nsources; i++) {
		lc_source_detach_file(l->sources[i]);
		free((char *)l->sources[i]->data);
		free(l->sources[i]->lines);
	}
	free(l->sources);
	lc_arena_free(l->arena); /* l itself lives in the arena */
}

static int id_is(ladder_str id, const char *s)
{
	size_t n = strlen(s);
	return id.len == n && memcmp(id.s, s, n) == 0;
}

const ladder_level *ladder_find_level(const ladder *l, const char *id)
{
	for (size_t i = 0; i < l->nlevels; i++)
		if (id_is(l->levels[i]->id, id))
			return l->levels[i];
	return NULL;
}

const ladder_track *ladder_find_track(const ladder *l, const char *id)
{
	for (size_t i = 0; i < l->ntracks; i++)
		if (id_is(l->tracks[i]->id, id))
			return l->tracks[i];
	return NULL;
}

const ladder_role *ladder_find_role(const ladder *l, const char *id)
{
	for (size_t i = 0; i < l->nroles; i++)
		if (id_is(l->roles[i]->id, id))
			return l->roles[i];
	return NULL;
}

size_t ladder_chain(const ladder_level *lv, const ladder_level **out)
{
	size_t n = lv->rank;
	for (const ladder_level *p = lv; p && n > 0; p = p->prev)
		out[--n] = p;
	return lv->rank;
}

int ladder_role_has_track_of(const ladder_role *r, const ladder_level *lv)
{
	for (size_t i = 0; i < r->ntracks; i++)
		if (r->tracks[i] == lv->track)
			return 1;
	return 0;
}

int ladder_role_has_level(const ladder_role *r, const ladder_level *lv)
{
	return (!r->in_levels || r->in_levels[lv->index]) && ladder_role_has_track_of(r, lv);
}

size_t ladder_next_levels(const ladder *l, const ladder_role *r, const ladder_level *lv,
                          const ladder_level **out)
{
	size_t n = 0;
	const ladder_track *t = lv->track;
	if (lv->pos + 1 < t->nlevels) {
		const ladder_level *next = t->levels[lv->pos + 1];
		if (!r || ladder_role_has_level(r, next))
			out[n++] = next;
	}
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *o = l->tracks[i];
		if (o->from == lv && o->nlevels > 0 && (!r || ladder_role_has_level(r, o->levels[0])))
			out[n++] = o->levels[0];
	}
	return n;
}

/* The level where the chains of a and b part (the fork), or NULL. */
static const ladder_level *chain_root(const ladder_level *lv)
{
	while (lv->prev)
		lv = lv->prev;
	return lv;
}

int ladder_levels_equivalent(const ladder_level *a, const ladder_level *b)
{
	if (a == b)
		return 1;
	if (a->rank != b->rank || a->track == b->track)
		return 0;
	/* same rank on chains that share their start: they fork from a common level */
	return chain_root(a) == chain_root(b);
}

static int str_in(ladder_str s, const ladder_str *set, size_t n)
{
	for (size_t i = 0; s.s && i < n; i++)
		if (ladder_str_eq(s, set[i]))
			return 1;
	return 0;
}

int ladder_group_applies_to_role(const ladder_group *g, const ladder_role *r)
{
	if (g->role)
		return g->role == r;
	if (!g->scoped)
		return 1;
	return str_in(r->id, g->roles, g->nroles) || str_in(r->family, g->families, g->nfamilies);
}

/* Company-wide groups are few (a ladder has tens), so counting the ones that
 * apply on each call keeps the model free of per-role tables. */
size_t ladder_role_ngroups(const ladder *l, const ladder_role *r)
{
	if (!r)
		return l->ngroups;
	size_t n = r->ngroups;
	for (size_t i = 0; i < l->ngroups; i++)
		n += ladder_group_applies_to_role(l->groups[i], r) ? 1 : 0;
	return n;
}

const ladder_group *ladder_role_group(const ladder *l, const ladder_role *r, size_t i)
{
	if (!r)
		return i < l->ngroups ? l->groups[i] : NULL;
	for (size_t k = 0; k < l->ngroups; k++)
		if (ladder_group_applies_to_role(l->groups[k], r) && i-- == 0)
			return l->groups[k];
	return i < r->ngroups ? r->groups[i] : NULL;
}

int ladder_competency_applies(const ladder_competency *c, const ladder_role *r, const ladder_level *lv)
{
	if (r && ((c->group && !ladder_group_applies_to_role(c->group, r)) || !ladder_role_has_level(r, lv)))
		return 0;
	if (c->tracks) {
		size_t i = 0;
		while (i < c->ntracks && c->tracks[i] != lv->track)
			i++;
		if (i == c->ntracks)
			return 0;
	}
	if (c->starts_at) {
		const ladder_level *p = lv;
		while (p && p->rank > c->starts_at->rank)
			p = p->prev;
		return p == c->starts_at;
	}
	return 1;
}

const ladder_level *ladder_expectation_source(const ladder_competency *c, const ladder_level *lv)
{
	for (const ladder_level *p = lv; p; p = p->prev)
		if (c->text[p->index].s)
			return p;
	return NULL;
}

ladder_expectations ladder_expectations_resolve(ladder_expectations top, ladder_expectations group,
                                                ladder_expectations own)
{
	if (own != LADDER_EXPECTATIONS_INHERIT)
		return own;
	if (group != LADDER_EXPECTATIONS_INHERIT)
		return group;
	if (top != LADDER_EXPECTATIONS_INHERIT)
		return top;
	return LADDER_EXPECTATIONS_CUMULATIVE;
}

const char *ladder_expectations_name(ladder_expectations e)
{
	switch (e) {
	case LADDER_EXPECTATIONS_CUMULATIVE:
		return "cumulative";
	case LADDER_EXPECTATIONS_RESTATED:
		return "restated";
	case LADDER_EXPECTATIONS_INHERIT:
		break;
	}
	return NULL;
}
