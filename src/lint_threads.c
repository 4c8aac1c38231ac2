/* SPEED-ONLY: the per-text rules of a big ladder on two threads.
 *
 * vague-language, same-as-previous and near-duplicate cost nearly all of the
 * lint's time, and each competency is independent of the others. The
 * competencies are cut in two halves in visit order, each read by a pass of
 * its own (lint_text_rules.h) — the first on this thread, the second on a
 * new one — and the findings are merged in the order one pass over all of
 * them makes: every vague-language finding first, then the others. */
#include "lint_threads.h"

#include <pthread.h>

#include "ladderc/speed.h"

enum { TEXT_THREADS_MIN_COMPETENCIES = 64 }; /* below it a thread costs more than it saves */

/* Only this thread (the caller's) counts: no lock needed. */
static unsigned long threads_started;

unsigned long lc_lint_threads_started(void)
{
	return threads_started;
}

unsigned lc_lint_text_threads(size_t ncomp, unsigned requested)
{
	if (lc_serial() || ncomp < 2)
		return 1;
	if (requested == 0)
		return ncomp >= TEXT_THREADS_MIN_COMPETENCIES ? 2 : 1;
	return requested > 2 ? 2 : requested;
}

static void *run_pass(void *arg)
{
	lc_lint_text_pass_run(arg);
	return NULL;
}

int lc_lint_text_rules_on_two_threads(linter *lt, const text_rules_input *in)
{
	const ladder *l = lt->l;
	/* a finding copies its source line: index the lines now, not in two
	 * threads at once */
	int indexed = 1;
	for (size_t i = 0; i < l->nsources; i++) {
		size_t len;
		(void)lc_source_line(l->sources[i], 1, &len);
		if (l->sources[i]->data && !l->sources[i]->lines)
			indexed = 0; /* out of memory: the index would be built in both */
	}
	text_pass p[2];
	int rc = 0;
	size_t half = in->ncomp / 2;
	if (lc_lint_text_pass_init(&p[0], lt, in, 0, half) < 0)
		rc = -1;
	if (lc_lint_text_pass_init(&p[1], lt, in, half, in->ncomp) < 0)
		rc = -1;
	if (rc == 0) {
		pthread_t tid;
		int spawned = indexed && pthread_create(&tid, NULL, run_pass, &p[1]) == 0;
		if (spawned)
			threads_started++;
		lc_lint_text_pass_run(&p[0]);
		if (spawned)
			pthread_join(tid, NULL);
		else
			lc_lint_text_pass_run(&p[1]);
		lc_diags_append(lt->d, &p[0].vague);
		lc_diags_append(lt->d, &p[1].vague);
		lc_diags_append(lt->d, &p[0].repeat);
		lc_diags_append(lt->d, &p[1].repeat);
		if (p[0].lt.oom || p[1].lt.oom)
			rc = -1;
	}
	lc_lint_text_pass_free(&p[0]);
	lc_lint_text_pass_free(&p[1]);
	return rc;
}
