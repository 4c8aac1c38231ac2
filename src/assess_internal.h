/* Private: working out one person's result (src/assess.c), for the results
 * made one at a time (src/assess_lazy.c). */
#ifndef LADDERC_ASSESS_INTERNAL_H
#define LADDERC_ASSESS_INTERNAL_H

#include "ladderc/assess.h"

typedef struct lc_assess_ctx {
	const ladder *l;
	lc_arena *arena;        /* where results go */
	lc_date as_of;
	/* scratch, as big as the most competencies of a role (the levels: of a
	 * ladder); results are copied out at their size, as most people have
	 * few gaps and fewer unrated */
	const ladder_competency **comps, **unrated;
	lc_gap *gaps;
	const ladder_level **levels;
	int nomem;
} lc_assess_ctx;

/* 0, or -1 out of memory (lc_assess_ctx_free is still called). */
int lc_assess_ctx_init(lc_assess_ctx *c, const ladder *l, lc_arena *arena, lc_date as_of);
void lc_assess_ctx_free(lc_assess_ctx *c);
/* p's result into *pr (c->nomem set when out of memory). */
void lc_assess_person_into(lc_assess_ctx *c, const lc_person *p, lc_person_result *pr);

/* Speed-only (memory), off under lc_serial(): the results of every person
 * of a->ratings are not held but made one at a time as lc_assess_person asks
 * for them, each in the room of the one before, so a report on many people
 * needs the memory of one person's result. Takes c (freed with the
 * assessment). 0, or -1 out of memory. */
int lc_assess_lazy_start(lc_assessment *a, const lc_assess_ctx *c);
const lc_person_result *lc_assess_lazy_person(const lc_assessment *a, size_t i);
int lc_assess_lazy_failed(const lc_assessment *a);
void lc_assess_lazy_free(lc_assessment *a);

#endif
