/* The proficiency-drop rule (docs/rules.md): a cell that names a proficiency
 * lower than the one in force at the level below it on its chain. Each
 * cell is compared with what is in force below it, so the forks of a chain
 * (IC3 -> IC4 and IC3 -> M4) are judged each on its own. */
#include "lint_internal.h"

/* The level below lv on its chain whose cell names the proficiency in force
 * there, or NULL. */
static const ladder_level *in_force_below(const ladder_competency *c, const ladder_level *lv)
{
	for (const ladder_level *p = lv->prev; p; p = p->prev)
		if (ladder_cell_proficiency(c, p))
			return p;
	return NULL;
}

static void drop_in(linter *lt, const ladder_competency *c)
{
	if (!c->detail || !lc_lint_rule_on_for(lt, LC_LINT_PROFICIENCY_DROP, c))
		return;
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		const ladder_proficiency *p = c->detail[i].proficiency;
		const ladder_level *below = p ? in_force_below(c, lv) : NULL;
		if (!below)
			continue;
		const ladder_proficiency *was = ladder_cell_proficiency(c, below);
		if (p->rank >= was->rank)
			continue;
		lc_buf *b = &lt->msg;
		lc_lint_put_competency(b, c, NULL, 0);
		lc_buf_puts(b, " asks for proficiency ");
		lc_lint_put_id(b, p->id);
		lc_buf_puts(b, " at ");
		lc_lint_put_id(b, lv->id);
		lc_buf_puts(b, ", lower than ");
		lc_lint_put_id(b, was->id);
		lc_buf_puts(b, " at ");
		lc_lint_put_id(b, below->id);
		lc_buf_puts(b, " below it: a promotion should not ask for less");
		lc_lint_emit(lt, LC_LINT_PROFICIENCY_DROP, &c->detail[i].proficiency_at);
	}
}

static void drop_in_groups(linter *lt, ladder_group *const *groups, size_t ngroups)
{
	for (size_t g = 0; g < ngroups; g++)
		for (size_t k = 0; k < groups[g]->ncompetencies; k++)
			drop_in(lt, groups[g]->competencies[k]);
}

void lc_lint_proficiency_drop(linter *lt)
{
	const ladder *l = lt->l;
	if (l->nproficiency == 0 || !lc_lint_rule_on_for(lt, LC_LINT_PROFICIENCY_DROP, NULL))
		return;
	drop_in_groups(lt, l->groups, l->ngroups);
	for (size_t r = 0; r < l->nroles; r++)
		drop_in_groups(lt, l->roles[r]->groups, l->roles[r]->ngroups);
}
