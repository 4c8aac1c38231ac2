/* The resolved model as JSON: keys in a fixed order, arrays in input order. */
#include "ladderc/emit.h"
#include "json.h"

#include <string.h>

static void str_list(lc_json *j, const ladder_str *items, size_t n)
{
	lc_json_array(j);
	for (size_t i = 0; i < n; i++)
		lc_json_str(j, items[i]);
	lc_json_end_array(j);
}

static void number(lc_json *j, const ladder_number *n)
{
	if (n->present)
		lc_json_number_text(j, n->text.s, n->text.len);
	else
		lc_json_null(j);
}

/* `expectations` as written (absent when not written, so a ladder that does
 * not use it keeps its bytes); the nearest written value wins (docs/format.md). */
static void expectations_written(lc_json *j, ladder_expectations e)
{
	const char *name = ladder_expectations_name(e);
	if (!name)
		return;
	lc_json_key(j, "expectations");
	ladder_str s = {name, strlen(name)};
	lc_json_str(j, s);
}

/* Scope, only where written (a ladder without it keeps its model): a
 * group's `roles` and `families`, a competency's `tracks` and `starts_at`. */
static void group_scope(lc_json *j, const ladder_group *g)
{
	if (g->roles) {
		lc_json_key(j, "roles");
		str_list(j, g->roles, g->nroles);
	}
	if (g->families) {
		lc_json_key(j, "families");
		str_list(j, g->families, g->nfamilies);
	}
}

static void competency_scope(lc_json *j, const ladder_competency *c)
{
	if (c->tracks) {
		lc_json_key(j, "tracks");
		lc_json_array(j);
		for (size_t i = 0; i < c->ntracks; i++)
			lc_json_str(j, c->tracks[i]->id);
		lc_json_end_array(j);
	}
	if (c->starts_at) {
		lc_json_key(j, "starts_at");
		lc_json_str(j, c->starts_at->id);
	}
}

/* A competency's proficiency and examples by level, beside "levels": only
 * where a cell is a mapping, so a ladder without them keeps its model. */
static void cell_details(lc_json *j, const ladder *l, const ladder_competency *c)
{
	if (!c->detail)
		return;
	int any = 0;
	for (size_t k = 0; k < l->nlevels; k++) {
		if (!c->detail[k].proficiency)
			continue;
		if (!any++) {
			lc_json_key(j, "proficiency");
			lc_json_object(j);
		}
		lc_json_key_n(j, l->levels[k]->id.s, l->levels[k]->id.len);
		lc_json_str(j, c->detail[k].proficiency->id);
	}
	if (any)
		lc_json_end_object(j);
	any = 0;
	for (size_t k = 0; k < l->nlevels; k++) {
		if (!c->detail[k].nexamples)
			continue;
		if (!any++) {
			lc_json_key(j, "examples");
			lc_json_object(j);
		}
		lc_json_key_n(j, l->levels[k]->id.s, l->levels[k]->id.len);
		str_list(j, c->detail[k].examples, c->detail[k].nexamples);
	}
	if (any)
		lc_json_end_object(j);
}

/* The top-level `proficiency:` list, only when written. */
static void proficiency_list(lc_json *j, const ladder *l)
{
	if (!l->nproficiency)
		return;
	lc_json_key(j, "proficiency");
	lc_json_array(j);
	for (size_t i = 0; i < l->nproficiency; i++) {
		lc_json_object(j);
		lc_json_key(j, "id");
		lc_json_str(j, l->proficiency[i].id);
		lc_json_key(j, "name");
		lc_json_str(j, l->proficiency[i].name);
		lc_json_key(j, "description");
		lc_json_str(j, l->proficiency[i].description);
		lc_json_key(j, "rank");
		lc_json_int(j, l->proficiency[i].rank);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
}

static void competencies(lc_json *j, const ladder *l, const ladder_group *g)
{
	lc_json_array(j);
	for (size_t i = 0; i < g->ncompetencies; i++) {
		const ladder_competency *c = g->competencies[i];
		lc_json_object(j);
		lc_json_key(j, "id");
		lc_json_str(j, c->id);
		lc_json_key(j, "name");
		lc_json_str(j, c->name);
		lc_json_key(j, "description");
		lc_json_str(j, c->description);
		expectations_written(j, c->expectations_written);
		if (c->nlinks) { /* only where written: a ladder without links keeps its model */
			lc_json_key(j, "links");
			lc_json_links(j, c->links, c->nlinks);
		}
		competency_scope(j, c);
		lc_json_key(j, "levels");
		lc_json_object(j);
		for (size_t k = 0; k < l->nlevels; k++) {
			if (!c->text[k].s)
				continue;
			lc_json_key_n(j, l->levels[k]->id.s, l->levels[k]->id.len);
			lc_json_str(j, c->text[k]);
		}
		lc_json_end_object(j);
		cell_details(j, l, c);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
}

static void groups(lc_json *j, const ladder *l, ladder_group *const *gs, size_t n)
{
	lc_json_array(j);
	for (size_t i = 0; i < n; i++) {
		lc_json_object(j);
		lc_json_key(j, "id");
		lc_json_str(j, gs[i]->id);
		lc_json_key(j, "name");
		lc_json_str(j, gs[i]->name);
		lc_json_key(j, "description");
		lc_json_str(j, gs[i]->description);
		expectations_written(j, gs[i]->expectations_written);
		group_scope(j, gs[i]);
		lc_json_key(j, "competencies");
		competencies(j, l, gs[i]);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
}

static void criteria(lc_json *j, const ladder_criteria *c)
{
	lc_json_key(j, "min_average");
	number(j, &c->min_average);
	lc_json_key(j, "min_each");
	number(j, &c->min_each);
	lc_json_key(j, "time_in_level");
	lc_json_str(j, c->time_in_level);
	lc_json_key(j, "evidence");
	str_list(j, c->evidence, c->nevidence);
}

void lc_emit_json(const ladder *l, lc_buf *out)
{
	lc_json jv, *j = &jv;
	lc_json_init(j, out);
	lc_json_object(j);
	lc_json_key(j, "ladder");
	number(j, &l->version);
	lc_json_key(j, "id");
	lc_json_str(j, l->id);
	lc_json_key(j, "name");
	lc_json_str(j, l->name);
	lc_json_key(j, "title");
	lc_json_str(j, l->title);
	lc_json_key(j, "updated");
	lc_json_str(j, l->updated);
	lc_json_key(j, "intro");
	lc_json_str(j, l->intro);
	expectations_written(j, l->expectations_written);
	proficiency_list(j, l);

	lc_json_key(j, "tracks");
	lc_json_array(j);
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		lc_json_object(j);
		lc_json_key(j, "id");
		lc_json_str(j, t->id);
		lc_json_key(j, "name");
		lc_json_str(j, t->name);
		lc_json_key(j, "from");
		if (t->from)
			lc_json_str(j, t->from->id);
		else
			lc_json_null(j);
		lc_json_key(j, "levels");
		lc_json_array(j);
		for (size_t k = 0; k < t->nlevels; k++) {
			const ladder_level *lv = t->levels[k];
			lc_json_object(j);
			lc_json_key(j, "id");
			lc_json_str(j, lv->id);
			lc_json_key(j, "name");
			lc_json_str(j, lv->name);
			lc_json_key(j, "rank");
			lc_json_int(j, lv->rank);
			lc_json_key(j, "title");
			if (lv->no_title)
				lc_json_cstring(j, ""); /* as written: the level gives no title */
			else
				lc_json_str(j, lv->title);
			lc_json_key(j, "summary");
			lc_json_str(j, lv->summary);
			lc_json_end_object(j);
		}
		lc_json_end_array(j);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);

	lc_json_key(j, "groups");
	groups(j, l, l->groups, l->ngroups);

	lc_json_key(j, "roles");
	lc_json_array(j);
	for (size_t i = 0; i < l->nroles; i++) {
		const ladder_role *r = l->roles[i];
		lc_json_object(j);
		lc_json_key(j, "id");
		lc_json_str(j, r->id);
		lc_json_key(j, "name");
		lc_json_str(j, r->name);
		lc_json_key(j, "family");
		lc_json_str(j, r->family);
		if (r->description.s) {
			lc_json_key(j, "description");
			lc_json_str(j, r->description);
		}
		lc_json_key(j, "tracks");
		lc_json_array(j);
		for (size_t t = 0; t < r->ntracks; t++)
			lc_json_str(j, r->tracks[t]->id);
		lc_json_end_array(j);
		if (r->in_levels) {
			lc_json_key(j, "levels");
			lc_json_role_levels(j, l, r);
		}
		lc_json_key(j, "titles");
		lc_json_object(j);
		for (size_t k = 0; k < l->nlevels; k++) {
			if (!r->title[k].s)
				continue;
			lc_json_key_n(j, l->levels[k]->id.s, l->levels[k]->id.len);
			lc_json_str(j, r->title[k]);
		}
		lc_json_end_object(j);
		lc_json_key(j, "groups");
		groups(j, l, r->groups, r->ngroups);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);

	lc_json_key(j, "promotion");
	if (l->promotion.present) {
		const ladder_promotion *p = &l->promotion;
		lc_json_object(j);
		lc_json_key(j, "scale");
		number(j, &p->scale);
		criteria(j, &p->defaults);
		lc_json_key(j, "into");
		lc_json_object(j);
		for (size_t i = 0; i < p->ninto; i++) {
			lc_json_key_n(j, p->into[i].level->id.s, p->into[i].level->id.len);
			lc_json_object(j);
			criteria(j, &p->into[i].criteria);
			lc_json_end_object(j);
		}
		lc_json_end_object(j);
		lc_json_end_object(j);
	} else {
		lc_json_null(j);
	}

	lc_json_key(j, "paths");
	lc_json_array(j);
	for (size_t i = 0; i < l->npaths; i++) {
		const ladder_path *p = &l->paths[i];
		lc_json_object(j);
		lc_json_key(j, "from");
		lc_json_str(j, p->from->id);
		lc_json_key(j, "to");
		lc_json_str(j, p->to->id);
		lc_json_key(j, "transferable");
		str_list(j, p->transferable, p->ntransferable);
		lc_json_key(j, "gaps");
		str_list(j, p->gaps, p->ngaps);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_end_object(j);
	lc_json_finish(j);
}
