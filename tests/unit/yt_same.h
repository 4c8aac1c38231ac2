/* Test helper: two YAML node trees are the same when every node has the same
 * kind, style, position, text and children. Shared by the unit tests and the
 * fuzz harness (which checks that a parse split over two threads builds the
 * tree a single parse builds). */
#ifndef LADDERC_YT_SAME_H
#define LADDERC_YT_SAME_H

#include <string.h>
#include "yaml_tree.h"

/* `budget` bounds the walk: aliases make a tree a graph, and a graph can
 * unfold to far more nodes than it holds. Returns 1 when the same (or when the
 * budget ran out first), 0 at the first difference. */
static int yt_same(const lc_yt_node *a, const lc_yt_node *b, size_t *budget)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (*budget == 0)
		return 1;
	--*budget;
	if (a->kind != b->kind || a->plain != b->plain || a->complete != b->complete || a->flow != b->flow ||
	    a->count != b->count || a->len != b->len || a->weight != b->weight || a->at.line != b->at.line ||
	    a->at.col != b->at.col || a->at.src != b->at.src)
		return 0;
	if (a->kind == LC_YT_SCALAR)
		return a->len == 0 || memcmp(a->str, b->str, a->len) == 0;
	size_t n = a->kind == LC_YT_MAP ? 2 * (size_t)a->count : a->count;
	for (size_t i = 0; i < n; i++)
		if (!yt_same(a->items[i], b->items[i], budget))
			return 0;
	return 1;
}

#endif
