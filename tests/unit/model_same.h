/* Test helper: everything a load produces, as one string — its status, its
 * diagnostics as printed, the model as JSON and every position the model
 * keeps for a role (what lint and the emitters point at). Two loads are the
 * same when their strings are. Shared by the unit tests and the fuzz harness
 * (which checks that a streamed load gives what a plain one gives). */
#ifndef LADDERC_MODEL_SAME_H
#define LADDERC_MODEL_SAME_H

#include <stdint.h>
#include <string.h>
#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/emit.h"
#include "ladderc/load.h"

static void model_same_mark(lc_buf *out, const ladder *l, const lc_mark *m)
{
	/* a position in the main file, in another (by load order), or none */
	long src = -1;
	for (size_t i = 0; i < l->nsources; i++)
		if (m->src == l->sources[i])
			src = (long)i;
	if (m->src && src < 0)
		src = -2; /* points at no source of this model: always a bug */
	lc_buf_printf(out, " %ld:%u:%u", src, (unsigned)m->line, (unsigned)m->col);
}

static void model_same_print(lc_buf *out, const ladder *l)
{
	emit_json(l, out);
	for (size_t r = 0; r < l->nroles; r++) {
		const ladder_role *role = l->roles[r];
		lc_buf_printf(out, "\nrole %u", (unsigned)role->index);
		model_same_mark(out, l, &role->at);
		for (size_t i = 0; i < l->nlevels; i++)
			model_same_mark(out, l, &role->title_override_at[i]);
		for (size_t g = 0; g < role->ngroups; g++) {
			const ladder_group *gr = role->groups[g];
			lc_buf_puts(out, "\n group");
			model_same_mark(out, l, &gr->at);
			for (size_t k = 0; k < gr->ncompetencies; k++) {
				const ladder_competency *c = gr->competencies[k];
				lc_buf_puts(out, "\n  competency");
				model_same_mark(out, l, &c->at);
				model_same_mark(out, l, &c->description_at);
				for (size_t i = 0; i < l->nlevels; i++)
					model_same_mark(out, l, &c->text_at[i]);
				for (size_t i = 0; i < c->nlint_disable; i++)
					model_same_mark(out, l, &c->lint_disable_at[i]);
			}
		}
	}
}

/* Loads `data` (named `path`) with `lim` and describes the result in `out`. */
static ladder_status model_same_load(const char *path, const char *data, size_t len, const ladder_limits *lim,
                                     lc_buf *out)
{
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = ladder_load_buffer(path, data, len, lim, &d, &l);
	lc_diags_sort(&d);
	lc_buf_printf(out, "status %d, %zu errors, %zu warnings%s\n", (int)st, d.errors, d.warnings,
	              d.truncated ? ", truncated" : "");
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(out, &d.items[i], 0);
	if (l)
		model_same_print(out, l);
	ladder_free(l);
	lc_diags_free(&d);
	return st;
}

#endif
