/* The one walk of a view (view_walk.h): its scratch and its order. */
#include "view_walk.h"

#include <stdlib.h>
#include <string.h>

#include "view.h"

const ladder_emit_options *lc_view_options(const ladder_emit_options *o)
{
	static const ladder_emit_options defaults = {0, 0, 0, 0, NULL, 0, NULL};
	return o ? o : &defaults;
}

int lc_view_walk_init(lc_view_walk *w, const ladder *l, const ladder_view *v, const ladder_emit_options *o,
                      lc_buf *out, void *ctx)
{
	memset(w, 0, sizeof *w);
	w->l = l;
	w->v = v;
	w->o = lc_view_options(o);
	w->out = out;
	w->ctx = ctx;
	size_t maxchain = lc_view_max_chain(l) + 1;
	w->chain = calloc(maxchain, sizeof *w->chain);
	w->sources = calloc(maxchain, sizeof *w->sources);
	w->next = calloc(l->ntracks + 1, sizeof *w->next);
	w->tracks = calloc(l->ntracks + 1, sizeof *w->tracks);
	w->into = calloc(l->nlevels + 1, sizeof *w->into);
	if (!w->chain || !w->sources || !w->next || !w->tracks || !w->into) {
		lc_view_walk_free(w);
		if (out)
			out->failed = 1;
		return -1;
	}
	return 0;
}

void lc_view_walk_free(lc_view_walk *w)
{
	free(w->chain);
	free(w->sources);
	free(w->next);
	free(w->tracks);
	free(w->into);
	w->chain = w->sources = w->next = NULL;
	w->tracks = NULL;
	w->into = NULL;
}

static void role(lc_view_walk *w, const lc_view_walker *fns, const ladder_role *r)
{
	const ladder_view *v = w->v;
	if (fns->role_begin)
		fns->role_begin(w, r);
	switch (v->kind) {
	case LADDER_VIEW_LADDER:
	case LADDER_VIEW_MATRIX: {
		if (fns->matrices_begin)
			fns->matrices_begin(w, r);
		size_t nt = lc_view_matrix_tracks(w->l, r, v->track, w->tracks);
		for (size_t k = 0; k < nt && fns->matrix; k++)
			fns->matrix(w, r, w->tracks[k], lc_view_role_chain(r, w->tracks[k], w->chain));
		if (fns->matrices_end)
			fns->matrices_end(w, r);
		break;
	}
	case LADDER_VIEW_LEVEL:
		if (fns->level)
			fns->level(w, r, v->level, ladder_chain(v->level, w->chain));
		break;
	case LADDER_VIEW_NEXT:
		if (fns->next)
			fns->next(w, r, v->level, ladder_next_levels(w->l, r, v->level, w->next));
		break;
	case LADDER_VIEW_OVERVIEW:
		break;
	}
	if (fns->role_end)
		fns->role_end(w, r);
}

void lc_view_walk_run(lc_view_walk *w, const lc_view_walker *fns)
{
	const ladder *l = w->l;
	const ladder_view *v = w->v;
	if (fns->begin)
		fns->begin(w);
	if (v->kind == LADDER_VIEW_OVERVIEW || (v->kind == LADDER_VIEW_LADDER && fns->ladder_overview)) {
		if (l->promotion.present)
			lc_view_promotion_by_level(l, w->into);
		if (fns->overview)
			fns->overview(w);
	}
	if (v->kind != LADDER_VIEW_OVERVIEW)
		for (size_t i = 0; i < l->nroles; i++)
			if (lc_view_shows_role(v, l->roles[i]))
				role(w, fns, l->roles[i]);
	if (fns->end)
		fns->end(w);
}

int lc_view_walk_emit(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out,
                 const lc_view_walker *fns, void *ctx)
{
	if ((v->kind == LADDER_VIEW_LEVEL || v->kind == LADDER_VIEW_NEXT) && !v->level)
		return -1;
	lc_view_walk w;
	if (lc_view_walk_init(&w, l, v, o, out, ctx) < 0)
		return -1;
	lc_view_walk_run(&w, fns);
	lc_view_walk_free(&w);
	return lc_buf_failed(out) ? -1 : 0;
}
