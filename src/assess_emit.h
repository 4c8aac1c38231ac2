/* Private: the writers of `ladderc assess`, one file per format, and what
 * they share (src/assess_emit.c). */
#ifndef LADDERC_ASSESS_EMIT_H
#define LADDERC_ASSESS_EMIT_H

#include "ladderc/assess.h"
#include "ladderc/buf.h"

void lc_assess_emit_text(const lc_assessment *a, lc_buf *out);
void lc_assess_emit_markdown(const lc_assessment *a, lc_buf *out);
void lc_assess_emit_html(const lc_assessment *a, lc_buf *out);
void lc_assess_emit_csv(const lc_assessment *a, lc_buf *out);
void lc_assess_emit_json(const lc_assessment *a, lc_buf *out);

/* A time criterion's figure: "7 months", "1 week". */
void lc_assess_time_put(lc_buf *out, const lc_criterion_result *c);
/* A criterion's figure as every table shows it: the mean or the lowest
 * rating, the time in level, or "listed" / "not listed". */
void lc_assess_actual_put(lc_buf *out, const lc_criterion_result *c);
/* "met", "not met" or "to confirm". */
const char *lc_assess_met_name(int met);

/* Text from the ladder or the ratings, escaped for one format. */
typedef void (*lc_assess_put_fn)(lc_buf *out, ladder_str s);
/* "Engineer, IC1 since 2026-06-01 (6 months), rated by m-1", then `sep` and
 * "within the level: middle third (mean 3.5)" when there is a mean. */
/* "Cycle 2026-H2, as of 2026-12-01." and, for a ladder without promotion
 * criteria, a sentence that says so. */
void lc_assess_intro(lc_buf *out, const lc_assessment *a, lc_assess_put_fn put);
void lc_assess_person_line(lc_buf *out, const lc_person_result *pr, lc_assess_put_fn put, const char *sep);

/* The proficiency levels behind a gap of person p at step s: the one the
 * rating was given as (a proficiency id), and the one the bar comes from
 * (the proficiency in force at the step's level, when its rank is the bar).
 * NULL where there is none: the figure is a plain number. */
typedef struct lc_gap_proficiency {
	const ladder_proficiency *rating, *required;
} lc_gap_proficiency;
lc_gap_proficiency lc_assess_gap_proficiency(const lc_person *p, const lc_step *s, const lc_gap *g);
/* A rating or a bar: "Working (2)" when it is a proficiency level, else "2". */
void lc_assess_rank_put(lc_buf *out, int64_t v, const ladder_proficiency *prof, lc_assess_put_fn put);
/* Why the team has no promotion step to show (t->nsteps is 0): "the ladder
 * has no promotion criteria", or that nobody fully rated is below a step
 * with rating criteria. */
const char *lc_assess_no_steps_reason(const lc_assessment *a);

#endif
