/* The competencies the lint judges: one per YAML node.
 *
 * A role's group (or one competency) written once with an anchor and reached
 * from several roles through aliases becomes one ladder_competency per use,
 * all at the same place in the file. Judging each use would report every
 * finding once per use, at the same place, without saying which role (issue
 * 17, bug b). So the uses of one node are grouped: the node is judged once,
 * and its findings name the roles that share it. Company-wide competencies
 * apply to every role already; they are never grouped. */
#include <stdlib.h>
#include <string.h>

#include "lint_internal.h"

typedef struct visit {
	const ladder_competency *c;
	size_t k;               /* visit order */
} visit;

static int same_place(const ladder_competency *a, const ladder_competency *b)
{
	return a->at.src && a->at.line && a->at.src == b->at.src && a->at.line == b->at.line && a->at.col == b->at.col;
}

/* Role competencies by place (file, line, column), then visit order. */
static int by_place(const void *pa, const void *pb)
{
	const visit *a = pa, *b = pb;
	const lc_mark *x = &a->c->at, *y = &b->c->at;
	unsigned ox = x->src ? x->src->order : 0, oy = y->src ? y->src->order : 0;
	if (ox != oy)
		return ox < oy ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* Every competency in visit order: company-wide ones, then each role's own. */
static const ladder_competency **list_competencies(const ladder *l, size_t *n)
{
	size_t ncomp = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		ncomp += l->groups[g]->ncompetencies;
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			ncomp += l->roles[r]->groups[g]->ncompetencies;
	const ladder_competency **comps = calloc(ncomp + 1, sizeof *comps);
	if (!comps)
		return NULL;
	size_t k = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		for (size_t ci = 0; ci < l->groups[g]->ncompetencies; ci++)
			comps[k++] = l->groups[g]->competencies[ci];
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			for (size_t ci = 0; ci < l->roles[r]->groups[g]->ncompetencies; ci++)
				comps[k++] = l->roles[r]->groups[g]->competencies[ci];
	*n = ncomp;
	return comps;
}

/* first[k]: the visit that k is a use of (k itself for the first use). */
static int find_first_uses(const ladder_competency **comps, size_t n, size_t *first)
{
	visit *v = malloc((n + 1) * sizeof *v);
	if (!v)
		return -1;
	size_t nv = 0;
	for (size_t k = 0; k < n; k++) {
		first[k] = k;
		if (comps[k]->group && comps[k]->group->role)
			v[nv++] = (visit){comps[k], k};
	}
	qsort(v, nv, sizeof *v, by_place);
	for (size_t i = 1; i < nv; i++)
		if (same_place(v[i - 1].c, v[i].c))
			first[v[i].k] = first[v[i - 1].k];
	free(v);
	return 0;
}

int lc_lint_nodes_build(lint_nodes *nodes, const ladder *l)
{
	memset(nodes, 0, sizeof *nodes);
	size_t n = 0;
	const ladder_competency **comps = list_competencies(l, &n);
	size_t *first = malloc((n + 1) * sizeof *first);
	size_t *node_of = malloc((n + 1) * sizeof *node_of);
	size_t *role_seen = calloc(l->nroles + 1, sizeof *role_seen);
	nodes->v = calloc(n + 1, sizeof *nodes->v);
	nodes->uses = malloc((n + 1) * sizeof *nodes->uses);
	nodes->roles = malloc((n + 1) * sizeof *nodes->roles);
	int rc = -1;
	if (!comps || !first || !node_of || !role_seen || !nodes->v || !nodes->uses || !nodes->roles ||
	    find_first_uses(comps, n, first) < 0)
		goto done;
	/* the nodes in order of their first use, and how many uses each has */
	size_t nn = 0;
	for (size_t k = 0; k < n; k++) {
		if (first[k] == k) {
			node_of[k] = nn;
			nodes->v[nn++].c = comps[k];
		}
		nodes->v[node_of[first[k]]].nuses++;
	}
	/* then each node's uses and roles in slices of the storage */
	size_t at = 0;
	for (size_t i = 0; i < nn; i++) {
		nodes->v[i].uses = nodes->uses + at;
		nodes->v[i].roles = nodes->roles + at;
		at += nodes->v[i].nuses;
		nodes->v[i].nuses = 0;
	}
	for (size_t k = 0; k < n; k++) {
		size_t node = node_of[first[k]];
		lint_node *nd = &nodes->v[node];
		nd->uses[nd->nuses++] = comps[k];
		const ladder_role *r = comps[k]->group ? comps[k]->group->role : NULL;
		/* role_seen[r] is 1 + the last node that listed role r */
		if (r && role_seen[r->index] != node + 1) {
			role_seen[r->index] = node + 1;
			nd->roles[nd->nroles++] = r;
		}
	}
	nodes->n = nn;
	rc = 0;
done:
	free(comps);
	free(first);
	free(node_of);
	free(role_seen);
	return rc;
}

void lc_lint_nodes_free(lint_nodes *nodes)
{
	free(nodes->v);
	free(nodes->uses);
	free(nodes->roles);
	memset(nodes, 0, sizeof *nodes);
}
