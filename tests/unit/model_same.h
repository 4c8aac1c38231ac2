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
#include "ladderc/lint.h"
#include "ladderc/load.h"
#include "source_file.h"

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
	lc_emit_json(l, out);
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
				lc_buf_printf(out, "\n  competency %d", (int)c->expectations); /* resolved: not in the JSON */
				model_same_mark(out, l, &c->at);
				model_same_mark(out, l, &c->description_at);
				for (size_t i = 0; i < l->nlevels; i++)
					model_same_mark(out, l, &c->text_at[i]);
				for (size_t i = 0; c->detail && i < l->nlevels; i++) {
					model_same_mark(out, l, &c->detail[i].proficiency_at);
					for (size_t e = 0; e < c->detail[i].nexamples; e++)
						model_same_mark(out, l, &c->detail[i].examples_at[e]);
				}
				for (size_t i = 0; i < c->nlint_disable; i++)
					model_same_mark(out, l, &c->lint_disable_at[i]);
			}
		}
	}
}

/* Loads `data` (named `path`), or the file `path` itself when data is NULL,
 * with `lim`, and describes the result in `out`; with `lint`, the findings of
 * a lint too (they quote lines read back from the file). *released (may be
 * NULL): the bytes of the main file given back during the load. */
static ladder_status model_same_run(const char *path, const char *data, size_t len, const ladder_limits *lim,
                                    int lint, lc_buf *out, size_t *released)
{
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = data ? ladder_load_buffer(path, data, len, lim, &d, &l) : ladder_load_file(path, lim, &d, &l);
	if (released)
		*released = l && l->nsources ? lc_source_released(l->sources[0]) : 0;
	lc_diags_sort(&d);
	lc_buf_printf(out, "status %d, %zu errors, %zu warnings%s\n", (int)st, d.errors, d.warnings,
	              d.truncated ? ", truncated" : "");
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(out, &d.items[i], 0);
	if (l)
		model_same_print(out, l);
	if (l && lint) {
		lc_lint_options o;
		lc_lint_options_init(&o);
		lc_diags w;
		lc_diags_init(&w);
		lc_buf_printf(out, "\nlint %d\n", lc_lint_ladder(l, &o, &w));
		lc_diags_sort(&w);
		for (size_t i = 0; i < w.count; i++)
			lc_diag_format(out, &w.items[i], 0);
		lc_diags_free(&w);
	}
	ladder_free(l);
	lc_diags_free(&d);
	return st;
}

#endif
