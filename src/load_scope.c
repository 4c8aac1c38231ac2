/* Scope: where groups and competencies apply (ladder_group_applies_to_role,
 * ladder_competency_applies). A company-wide group may name the `roles:` and
 * `families:` it is for; a competency the `tracks:` it is on and the level it
 * `starts_at:`. Every id is checked, and text written where a competency
 * does not apply is an error: no view would ever show it. */
#include <stdlib.h>
#include <string.h>

#include "ladderc/buf.h"
#include "load_internal.h"

/* ---- groups: roles and families ----------------------------------------- */

static const char *const scope_keys[] = {"roles", "families"};

static ladder_str *scope_list(loader *ld, const lc_yt_node *v, const char *what, size_t *n, lc_mark **at)
{
	ladder_str *out = lc_load_get_text_list(ld, v, what, T_ONE_LINE | T_NO_CONTROL, n, at);
	if (v && v->kind == LC_YT_SEQ && v->count == 0)
		lc_load_err(ld, &v->at, "%s is empty: name at least one, or leave the key out for every role", what);
	return out;
}

void lc_load_group_scope(loader *ld, ladder_group *g, const lc_yt_node *roles, const lc_yt_node *families)
{
	const lc_yt_node *given[2] = {roles, families};
	for (size_t i = 0; i < 2; i++) {
		if (!given[i] || lc_yt_is_null(given[i]))
			continue;
		if (g->role) {
			lc_load_err(ld, &given[i]->at,
			            "a role's own group applies to that role only: '%s' belongs on a company-wide group",
			            scope_keys[i]);
			return;
		}
		g->scoped = 1;
	}
	g->roles = scope_list(ld, roles, "a group's 'roles'", &g->nroles, &g->roles_at);
	g->families = scope_list(ld, families, "a group's 'families'", &g->nfamilies, &g->families_at);
}

static ladder_str role_id_at(const void *set, size_t i)
{
	return ((const ladder_role *const *)set)[i]->id;
}

static ladder_str str_at(const void *set, size_t i)
{
	return ((const ladder_str *)set)[i];
}

static int listed_before(const ladder_str *ids, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (ladder_str_eq(ids[k], ids[i]))
			return 1;
	return 0;
}

static void resolve_roles(loader *ld, const ladder_group *g)
{
	const ladder *l = ld->l;
	for (size_t i = 0; i < g->nroles; i++) {
		ladder_str id = g->roles[i];
		if (listed_before(g->roles, i)) {
			lc_load_err(ld, &g->roles_at[i], "role %s is listed twice", lc_load_quote_str(ld, id));
			continue;
		}
		size_t k = 0;
		while (k < l->nroles && !ladder_str_eq(l->roles[k]->id, id))
			k++;
		if (k == l->nroles)
			lc_load_err(ld, &g->roles_at[i], "group %s is for role %s, which is not a role of this ladder%s",
			            lc_load_quote_str(ld, g->id), lc_load_quote_str(ld, id),
			            lc_load_did_you_mean(ld, id.s, id.len, l->roles, l->nroles, role_id_at));
	}
}

/* `families` holds room for every role's family: the distinct ones go there. */
static size_t distinct_families(const ladder *l, ladder_str *families)
{
	size_t n = 0;
	for (size_t k = 0; k < l->nroles; k++) {
		ladder_str f = l->roles[k]->family;
		if (!f.s)
			continue;
		families[n] = f;
		n += !listed_before(families, n);
	}
	return n;
}

static void resolve_families(loader *ld, const ladder_group *g, ladder_str *families, size_t nfamilies)
{
	for (size_t i = 0; i < g->nfamilies; i++) {
		ladder_str f = g->families[i];
		if (listed_before(g->families, i)) {
			lc_load_err(ld, &g->families_at[i], "family %s is listed twice", lc_load_quote_str(ld, f));
			continue;
		}
		size_t k = 0;
		while (k < nfamilies && !ladder_str_eq(families[k], f))
			k++;
		if (k == nfamilies)
			lc_load_err(ld, &g->families_at[i], "group %s is for family %s, which no role has as its 'family'%s",
			            lc_load_quote_str(ld, g->id), lc_load_quote_str(ld, f),
			            lc_load_did_you_mean(ld, f.s, f.len, families, nfamilies, str_at));
	}
}

void lc_load_resolve_group_scopes(loader *ld)
{
	const ladder *l = ld->l;
	ladder_str *families = NULL;
	size_t nfamilies = 0;
	for (size_t g = 0; g < l->ngroups; g++) {
		const ladder_group *grp = l->groups[g];
		if (!grp->scoped)
			continue;
		resolve_roles(ld, grp);
		if (grp->nfamilies && !families) {
			families = lc_load_alloc(ld, l->nroles + 1, sizeof *families);
			nfamilies = distinct_families(l, families);
		}
		resolve_families(ld, grp, families, nfamilies);
	}
}

/* ---- competencies: tracks and starts_at --------------------------------- */

static int role_takes(const ladder_role *r, const ladder_track *t)
{
	for (size_t i = 0; i < r->ntracks; i++)
		if (r->tracks[i] == t)
			return 1;
	return 0;
}

void lc_load_competency_scope(loader *ld, ladder_competency *c, const lc_yt_node *tracks,
                              const lc_yt_node *starts_at)
{
	const ladder *l = ld->l;
	const ladder_role *r = c->group->role;
	if (tracks && !lc_yt_is_null(tracks)) {
		unsigned char *set = lc_load_track_set(ld, tracks, "a competency's 'tracks'");
		if (set) {
			c->tracks = lc_load_alloc(ld, l->ntracks + 1, sizeof *c->tracks);
			for (size_t i = 0; i < l->ntracks; i++)
				if (set[i])
					c->tracks[c->ntracks++] = l->tracks[i];
			free(set);
			if (tracks->count == 0)
				lc_load_err(ld, &tracks->at, "a competency's 'tracks' is empty: name at least one, or leave the key out for every track");
			/* an id in error (reported) leaves no scope: no errors that follow from it */
			if (c->ntracks == 0 || c->ntracks != tracks->count) {
				c->tracks = NULL;
				c->ntracks = 0;
			}
		}
		for (size_t i = 0; r && i < c->ntracks; i++)
			if (!role_takes(r, c->tracks[i]))
				lc_load_err(ld, &tracks->at, "track %s is not one of the tracks of role %s",
				            lc_load_quote_str(ld, c->tracks[i]->id), lc_load_quote_str(ld, r->id));
	}
	if (starts_at && !lc_yt_is_null(starts_at) && lc_load_want(ld, starts_at, LC_YT_SCALAR, "a competency's 'starts_at'"))
		c->starts_at = lc_load_find_level(ld, starts_at, "starts_at");
}

/* "on track 'L', from 'L3' up": the scope of c, for messages. */
static void put_scope(lc_buf *b, const ladder_competency *c)
{
	if (c->tracks) {
		lc_buf_puts(b, c->ntracks == 1 ? "on track " : "on tracks ");
		for (size_t i = 0; i < c->ntracks; i++) {
			lc_buf_puts(b, i == 0 ? "'" : i + 1 == c->ntracks ? " and '" : ", '");
			lc_buf_put(b, c->tracks[i]->id.s, c->tracks[i]->id.len);
			lc_buf_putc(b, '\'');
		}
	}
	if (c->starts_at) {
		lc_buf_puts(b, c->tracks ? ", from '" : "from '");
		lc_buf_put(b, c->starts_at->id.s, c->starts_at->id.len);
		lc_buf_puts(b, "' up, on the chains through it");
	}
}

void lc_load_check_competency_scope(loader *ld, const ladder_competency *c)
{
	if (!ladder_competency_scoped(c))
		return;
	const ladder *l = ld->l;
	const ladder_role *r = c->group->role;
	lc_buf scope = LC_BUF_INIT;
	put_scope(&scope, c);
	if (lc_buf_failed(&scope))
		lc_load_oom(ld);
	int applies_somewhere = 0;
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		int applies = ladder_competency_applies(c, NULL, lv);
		applies_somewhere |= applies && (!r || ladder_role_has_level(r, lv));
		if (c->text[i].s && !applies)
			lc_load_err(ld, &c->text_at[i],
			            "the expectation at %s would never be shown: competency %s applies only %s",
			            lc_load_quote_str(ld, lv->id), lc_load_quote_str(ld, c->id), scope.data);
	}
	if (!applies_somewhere)
		lc_load_err(ld, &c->at, "competency %s applies at no level%s: it applies only %s",
		            lc_load_quote_str(ld, c->id), r ? " of its role" : "", scope.data);
	lc_buf_free(&scope);
}
