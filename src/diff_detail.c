/* The diff of what a cell adds to its text (its proficiency and examples)
 * and of where things apply (a competency's `tracks:`/`starts_at:`, a
 * company-wide group's `roles:`/`families:`): docs/diff.md. */
#include "diff_internal.h"

ladder_str lc_diff_join(dctx *c, const char *before, const ladder_str *items, size_t n, const char *sep)
{
	lc_buf_clear(&c->tmp);
	lc_buf_puts(&c->tmp, before);
	for (size_t i = 0; i < n; i++) {
		if (i)
			lc_buf_puts(&c->tmp, sep);
		lc_buf_put(&c->tmp, items[i].s, items[i].len);
	}
	return lc_diff_dup(c, c->tmp.data, c->tmp.len);
}

static ladder_str examples_value(dctx *c, const ladder_competency *comp, const ladder_level *lv)
{
	size_t n = 0;
	const ladder_str *ex = ladder_cell_examples(comp, lv, &n);
	return n ? lc_diff_join(c, "", ex, n, "\n") : NONE;
}

static int text_given(const ladder_competency *comp, const ladder_level *lv)
{
	return !comp->detail || comp->detail[lv->index].text_given;
}

/* A change to a cell's `leaf` (proficiency, examples) at level nl: added
 * when absent in the old version, removed when absent in the new one. */
static void cell_leaf_change(dctx *c, const char *leaf, lc_change_subject subject, lc_bump bump, ladder_str o,
                             ladder_str n, ladder_str label, const ladder_level *nl, const ladder_level *ol)
{
	lc_change_kind kind = !o.s ? LC_CHANGE_ADDED : !n.s ? LC_CHANGE_REMOVED : LC_CHANGE_CHANGED;
	size_t mark = lc_diff_push(c, "levels", nl->id);
	lc_diff_push(c, leaf, NONE);
	lc_change *ch = lc_diff_add_change(c, kind, subject, bump, o, n, label);
	lc_diff_pop(c, mark);
	lc_diff_set_level(c, ch, nl, ol);
}

void lc_diff_cell_detail(dctx *c, ladder_str name, const ladder_competency *oc, const ladder_level *ol,
                         const ladder_competency *nc, const ladder_level *nl)
{
	/* a cell added or removed shows as a whole, its text standing for it */
	if (!ol || !nl || !oc->text[ol->index].s || !nc->text[nl->index].s)
		return;
	const ladder_proficiency *op = ladder_cell_proficiency(oc, ol), *np = ladder_cell_proficiency(nc, nl);
	ladder_str opn = op ? op->name : NONE, npn = np ? np->name : NONE;
	/* a cell that is its proficiency alone has the name as its text: the
	 * text's change already says it */
	int said = !text_given(oc, ol) && !text_given(nc, nl);
	if (!said && (op || np) && !(op && np && ladder_str_eq(op->id, np->id) && ladder_str_eq(opn, npn))) {
		/* a different level of proficiency expected: as a reworded expectation */
		cell_leaf_change(c, "proficiency", LC_SUBJECT_PROFICIENCY, LC_BUMP_MINOR, opn, npn,
		                 lc_diff_label(c, "", name, " proficiency at ", nl->id), nl, ol);
	}
	ladder_str oe = examples_value(c, oc, ol), ne = examples_value(c, nc, nl);
	if ((oe.s || ne.s) && !(oe.s && ne.s && ladder_str_eq(oe, ne))) {
		/* examples illustrate, they expect nothing: editorial */
		cell_leaf_change(c, "examples", LC_SUBJECT_EXAMPLES, LC_BUMP_PATCH, oe, ne,
		                 lc_diff_label(c, "", name, " examples at ", nl->id), nl, ol);
	}
}

/* Where a competency applies, in words: "applies on tracks E, L from L4". */
static ladder_str competency_scope(dctx *c, const ladder_competency *comp)
{
	if (!ladder_competency_scoped(comp))
		return cstr("applies at every level");
	lc_buf_clear(&c->tmp);
	lc_buf_puts(&c->tmp, "applies");
	for (size_t i = 0; i < comp->ntracks; i++) {
		lc_buf_puts(&c->tmp, i ? ", " : comp->ntracks > 1 ? " on tracks " : " on track ");
		lc_buf_put(&c->tmp, comp->tracks[i]->id.s, comp->tracks[i]->id.len);
	}
	if (comp->starts_at) {
		lc_buf_puts(&c->tmp, " from ");
		lc_buf_put(&c->tmp, comp->starts_at->id.s, comp->starts_at->id.len);
	}
	return lc_diff_dup(c, c->tmp.data, c->tmp.len);
}

void lc_diff_competency_scope(dctx *c, const ladder_competency *oc, const ladder_competency *nc)
{
	ladder_str os = competency_scope(c, oc), ns = competency_scope(c, nc);
	if (ladder_str_eq(os, ns))
		return;
	/* widening brings new expectations (major), narrowing takes some away (minor) */
	int gained = 0;
	for (size_t k = 0; k < c->n->nlevels; k++) {
		int32_t ok = c->old_of_new_level[k];
		gained |= ok >= 0 && ladder_competency_applies(nc, NULL, c->n->levels[k]) &&
		          !ladder_competency_applies(oc, NULL, c->o->levels[ok]);
	}
	size_t mark = lc_diff_push(c, "scope", NONE);
	lc_diff_add_change(c, LC_CHANGE_CHANGED, LC_SUBJECT_SCOPE, gained ? LC_BUMP_MAJOR : LC_BUMP_MINOR, os, ns,
	                   lc_diff_label(c, "competency ", nc->name, " scope", NONE));
	lc_diff_pop(c, mark);
}

/* Whom a company-wide group applies to, in words. */
static ladder_str group_scope(dctx *c, const ladder_group *g)
{
	if (!g->nroles && !g->nfamilies)
		return cstr("applies to every role");
	ladder_str r = lc_diff_join(c, g->nroles > 1 ? "roles " : "role ", g->roles, g->nroles, ", ");
	ladder_str f = lc_diff_join(c, g->nfamilies > 1 ? "families " : "family ", g->families, g->nfamilies, ", ");
	if (!g->nfamilies)
		return lc_diff_label(c, "applies to ", r, "", NONE);
	if (!g->nroles)
		return lc_diff_label(c, "applies to ", f, "", NONE);
	return lc_diff_label(c, "applies to ", lc_diff_label(c, "", r, " and ", f), "", NONE);
}

void lc_diff_group_scope(dctx *c, const ladder_group *og, const ladder_group *ng)
{
	ladder_str os = group_scope(c, og), ns = group_scope(c, ng);
	if (ladder_str_eq(os, ns))
		return;
	/* company-wide groups are compared before roles are matched: by id here */
	int gained = 0;
	for (size_t i = 0; i < c->n->nroles && !gained; i++) {
		const ladder_role *nr = c->n->roles[i];
		if (!ladder_group_applies_to_role(ng, nr))
			continue;
		for (size_t j = 0; j < c->o->nroles; j++)
			if (ladder_str_eq(c->o->roles[j]->id, nr->id))
				gained = !ladder_group_applies_to_role(og, c->o->roles[j]);
	}
	size_t mark = lc_diff_push(c, "scope", NONE);
	lc_diff_add_change(c, LC_CHANGE_CHANGED, LC_SUBJECT_SCOPE, gained ? LC_BUMP_MAJOR : LC_BUMP_MINOR, os, ns,
	                   lc_diff_label(c, "group ", ng->name, " scope", NONE));
	lc_diff_pop(c, mark);
}
