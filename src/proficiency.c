/* Proficiency levels in the model: what a cell names and what is in force
 * along a chain (include/ladderc/ladder.h). */
#include <string.h>

#include "ladderc/ladder.h"

const ladder_proficiency *ladder_cell_proficiency(const ladder_competency *c, const ladder_level *lv)
{
	return c->detail ? c->detail[lv->index].proficiency : NULL;
}

const ladder_str *ladder_cell_examples(const ladder_competency *c, const ladder_level *lv, size_t *n)
{
	if (!c->detail || c->detail[lv->index].nexamples == 0) {
		*n = 0;
		return NULL;
	}
	*n = c->detail[lv->index].nexamples;
	return c->detail[lv->index].examples;
}

const ladder_proficiency *ladder_proficiency_in_force(const ladder_competency *c, const ladder_level *lv)
{
	if (!c->detail)
		return NULL;
	for (const ladder_level *p = lv; p; p = p->prev)
		if (c->detail[p->index].proficiency)
			return c->detail[p->index].proficiency;
	return NULL;
}

const ladder_proficiency *ladder_find_proficiency(const ladder *l, const char *id)
{
	size_t n = strlen(id);
	for (size_t i = 0; i < l->nproficiency; i++)
		if (l->proficiency[i].id.len == n && memcmp(l->proficiency[i].id.s, id, n) == 0)
			return &l->proficiency[i];
	return NULL;
}

static int groups_have_examples(ladder_group *const *groups, size_t ngroups, size_t nlevels)
{
	for (size_t g = 0; g < ngroups; g++)
		for (size_t i = 0; i < groups[g]->ncompetencies; i++) {
			const ladder_competency *c = groups[g]->competencies[i];
			for (size_t k = 0; c->detail && k < nlevels; k++)
				if (c->detail[k].nexamples)
					return 1;
		}
	return 0;
}

int ladder_has_cell_details(const ladder *l)
{
	if (l->nproficiency || groups_have_examples(l->groups, l->ngroups, l->nlevels))
		return 1;
	for (size_t r = 0; r < l->nroles; r++)
		if (groups_have_examples(l->roles[r]->groups, l->roles[r]->ngroups, l->nlevels))
			return 1;
	return 0;
}
