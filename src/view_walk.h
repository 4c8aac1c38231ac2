/* Private: the one walk of a view that every view emitter runs.
 *
 * What a view shows (view.h) is the same in every format, and so is the
 * order in which it is visited: the overview, then each role the view shows,
 * and for each role its matrices, its level or its next levels. The walk owns
 * that order and the scratch arrays it needs (chains, tracks, cumulative
 * sources, next levels, promotion criteria by level); a format is a set of
 * callbacks that write what they are handed, as cmark's renderers do over its
 * iterator. Markdown, text, JSON and CSV are written this way; HTML shares
 * the scratch only (src/emit_html.c says why).
 *
 * The walk, for a view v:
 *   begin
 *   overview                     OVERVIEW views, and LADDER views when the
 *                                format's ladder view starts with one
 *   for each role r the view shows (not in OVERVIEW views):
 *     role_begin(r)
 *     LADDER, MATRIX: matrices_begin(r); matrix(r, t, n) for each matrix
 *                     track t, its chain in chain[0..n); matrices_end(r)
 *     LEVEL:          level(r, v->level, n), its chain in chain[0..n)
 *     NEXT:           next(r, v->level, n), the next levels in next[0..n)
 *     role_end(r)
 *   end
 * Every callback may be NULL. Linear in what the callbacks write. */
#ifndef LADDERC_VIEW_WALK_H
#define LADDERC_VIEW_WALK_H

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/emit.h"
#include "ladderc/ladder.h"

typedef struct lc_view_walk {
	const ladder *l;
	const ladder_view *v;
	const ladder_emit_options *o; /* never NULL: the defaults when none given */
	lc_buf *out;
	void *ctx;                    /* the format's own state */
	/* scratch, owned by the walk */
	const ladder_level **chain;   /* [lc_view_max_chain + 1]: a matrix's columns, a level's chain */
	const ladder_level **sources; /* [lc_view_max_chain + 1]: for lc_view_cumulative */
	const ladder_level **next;    /* [ntracks + 1]: the levels after v->level */
	const ladder_track **tracks;  /* [ntracks + 1]: a role's matrix tracks */
	const ladder_criteria **into; /* [nlevels + 1]: promotion criteria by level index,
	                                 filled before the overview callback */
} lc_view_walk;

typedef struct lc_view_walker {
	int ladder_overview; /* 1: the LADDER view starts with the overview */
	void (*begin)(lc_view_walk *w);
	void (*overview)(lc_view_walk *w);
	void (*role_begin)(lc_view_walk *w, const ladder_role *r);
	void (*matrices_begin)(lc_view_walk *w, const ladder_role *r);
	void (*matrix)(lc_view_walk *w, const ladder_role *r, const ladder_track *t, size_t n);
	void (*matrices_end)(lc_view_walk *w, const ladder_role *r);
	void (*level)(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n);
	void (*next)(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n);
	void (*role_end)(lc_view_walk *w, const ladder_role *r);
	void (*end)(lc_view_walk *w);
} lc_view_walker;

/* The options to use: o, or the defaults (all zero) when o is NULL. */
const ladder_emit_options *lc_view_options(const ladder_emit_options *o);

/* Allocates the scratch for a walk of v over l. Returns 0, or -1 (out of
 * memory, nothing held; out is marked failed). */
int lc_view_walk_init(lc_view_walk *w, const ladder *l, const ladder_view *v, const ladder_emit_options *o,
                      lc_buf *out, void *ctx);
/* Walks the view, calling fns; can run more than once on one init. */
void lc_view_walk_run(lc_view_walk *w, const lc_view_walker *fns);
void lc_view_walk_free(lc_view_walk *w);

/* init, run, free: the whole of an emitter's entry point. Returns 0, or -1
 * when out failed or a level or next view has no level. */
int lc_view_walk_emit(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out,
                 const lc_view_walker *fns, void *ctx);

#endif
