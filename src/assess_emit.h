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

#endif
