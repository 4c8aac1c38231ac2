/* Speed-only (memory), off under lc_serial(): the results of a report on
 * everyone made one at a time. A result is several times the size of the
 * person's lines in the ratings file; holding all of them made the report's
 * memory grow far past the file's. Here each is worked out when a writer
 * (or the team figures) asks for it, in an arena emptied before the next
 * one: the same result, in the room of the one before. The plain path
 * (src/assess.c, under lc_serial() or for one --person) holds them all. */
#include <stdlib.h>
#include <string.h>

#include "assess_internal.h"

struct lc_assess_lazy {
	lc_assess_ctx c;        /* its arena holds the one result made */
	lc_person_result result;
	int nomem;
};

int lc_assess_lazy_start(lc_assessment *a, const lc_assess_ctx *c)
{
	struct lc_assess_lazy *z = calloc(1, sizeof *z);
	lc_arena *arena = z ? lc_arena_new() : NULL;
	if (!arena) {
		free(z);
		lc_assess_ctx_free((lc_assess_ctx *)c);
		return -1;
	}
	z->c = *c;
	z->c.arena = arena;
	a->people = NULL;
	a->npeople = a->ratings->npeople;
	a->lazy = z;
	return 0;
}

const lc_person_result *lc_assess_lazy_person(const lc_assessment *a, size_t i)
{
	struct lc_assess_lazy *z = a->lazy;
	lc_arena_reset(z->c.arena);
	memset(&z->result, 0, sizeof z->result);
	z->c.nomem = 0;
	lc_assess_person_into(&z->c, &a->ratings->people[i], &z->result);
	if (z->c.nomem) { /* the person without steps; lc_assess_failed says so */
		z->nomem = 1;
		lc_person_result bare = {z->result.person, z->result.months_in_level, z->result.mean, z->result.third,
		                         NULL, 0, NULL, 0};
		z->result = bare;
	}
	return &z->result;
}

int lc_assess_lazy_failed(const lc_assessment *a)
{
	return a->lazy && a->lazy->nomem;
}

void lc_assess_lazy_free(lc_assessment *a)
{
	struct lc_assess_lazy *z = a->lazy;
	if (!z)
		return;
	lc_assess_ctx_free(&z->c);
	lc_arena_free(z->c.arena);
	free(z);
	a->lazy = NULL;
}
