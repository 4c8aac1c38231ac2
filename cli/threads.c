/* The command line's speed-only threads: two jobs at once, one on each core.
 * diff loads its two versions this way and build renders a ladder's pages;
 * both read as plain serial code, and under lc_serial() (LADDERC_SERIAL=1)
 * everything here runs on the calling thread, one job after the other. */
#include "cli.h"

#include <pthread.h>
#include <stdatomic.h>

#include "ladderc/speed.h"

typedef struct pair_job {
	void (*fn)(void *);
	void *arg;
} pair_job;

static void *run_job(void *p)
{
	pair_job *j = p;
	j->fn(j->arg);
	return NULL;
}

void cli_run_pair(void (*fn)(void *), void *a, void *b)
{
	pair_job second = {fn, b};
	pthread_t tid;
	int spawned = !lc_serial() && pthread_create(&tid, NULL, run_job, &second) == 0;
	fn(a);
	if (spawned)
		pthread_join(tid, NULL);
	else
		fn(b);
}

/* Two workers share the items: each takes the next item not yet taken, so
 * the only shared thing is the counter. */
typedef struct item_queue {
	size_t n;
	int (*item)(void *worker, size_t k);
	atomic_size_t next;
	atomic_int stop; /* a worker failed: the other one stops too */
} item_queue;

typedef struct item_worker {
	item_queue *q;
	void *worker;
} item_worker;

static void take_items(void *arg)
{
	item_worker *w = arg;
	item_queue *q = w->q;
	while (!atomic_load(&q->stop)) {
		size_t k = atomic_fetch_add(&q->next, 1);
		if (k >= q->n)
			break;
		if (q->item(w->worker, k) < 0) {
			atomic_store(&q->stop, 1);
			break;
		}
	}
}

void cli_share_items(size_t n, int (*item)(void *worker, size_t k), void *a, void *b)
{
	item_queue q = {n, item, 0, 0};
	item_worker wa = {&q, a}, wb = {&q, b};
	if (n > 1)
		cli_run_pair(take_items, &wa, &wb);
	else
		take_items(&wa);
}
