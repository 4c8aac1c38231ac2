/* Private to the lint, SPEED-ONLY: the per-text rules of a big ladder on two
 * threads (src/lint_threads.c). The findings are those of one pass on one
 * thread (src/lint_text_rules.c), in the same order; lc_set_serial(1)
 * (ladderc/speed.h) switches the second thread off. */
#ifndef LADDERC_LINT_THREADS_H
#define LADDERC_LINT_THREADS_H

#include <stddef.h>

#include "lint_text_rules.h"

/* How many threads the per-text rules use for ncomp competencies, 1 or 2:
 * 1 under lc_serial(); otherwise `requested` (lc_lint_options.threads, at
 * most 2), or when it is 0, 2 for a big ladder. */
unsigned lc_lint_text_threads(size_t ncomp, unsigned requested);

/* The per-text rules over in's competencies, split in two halves, the second
 * half on a thread of its own. Returns 0, or -1 when out of memory. */
int lc_lint_text_rules_on_two_threads(linter *lt, const text_rules_input *in);

/* For tests only: how many threads the lint has started in this process. */
unsigned long lc_lint_threads_started(void);

#endif
