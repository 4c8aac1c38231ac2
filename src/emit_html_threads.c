/* The HTML ladder page's roles on two threads (emit_html_threads.h). */
#include "emit_html_threads.h"

#include <pthread.h>

enum { SLOTS = 4 };

typedef struct two_threads {
	size_t n;
	lc_html_item_fn render;
	void *worker_ctx;
	lc_buf slot[SLOTS];
	int ready[SLOTS]; /* the slot holds a rendered item not yet appended */
	pthread_mutex_t mu;
	pthread_cond_t cv;
} two_threads;

static void slot_wait(two_threads *j, size_t s, int ready)
{
	pthread_mutex_lock(&j->mu);
	while (j->ready[s] != ready)
		pthread_cond_wait(&j->cv, &j->mu);
	pthread_mutex_unlock(&j->mu);
}

static void slot_set(two_threads *j, size_t s, int ready)
{
	pthread_mutex_lock(&j->mu);
	j->ready[s] = ready;
	pthread_cond_broadcast(&j->cv);
	pthread_mutex_unlock(&j->mu);
}

static void *worker(void *arg)
{
	two_threads *j = arg;
	for (size_t i = 1; i < j->n; i += 2) {
		size_t s = (i / 2) % SLOTS;
		slot_wait(j, s, 0);
		lc_buf_clear(&j->slot[s]);
		j->render(j->worker_ctx, i, &j->slot[s]);
		slot_set(j, s, 1);
	}
	return NULL;
}

int lc_html_two_threads(size_t n, lc_html_item_fn render, void *main_ctx, void *worker_ctx, lc_buf *out)
{
	two_threads j;
	j.n = n;
	j.render = render;
	j.worker_ctx = worker_ctx;
	for (size_t s = 0; s < SLOTS; s++) {
		lc_buf_init(&j.slot[s]);
		j.ready[s] = 0;
	}
	if (pthread_mutex_init(&j.mu, NULL) != 0)
		return -1;
	if (pthread_cond_init(&j.cv, NULL) != 0) {
		pthread_mutex_destroy(&j.mu);
		return -1;
	}
	pthread_t tid;
	if (pthread_create(&tid, NULL, worker, &j) != 0) {
		pthread_cond_destroy(&j.cv);
		pthread_mutex_destroy(&j.mu);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (i % 2 == 0) {
			render(main_ctx, i, out);
			continue;
		}
		size_t s = (i / 2) % SLOTS;
		slot_wait(&j, s, 1);
		lc_buf_put(out, j.slot[s].data, j.slot[s].len);
		if (lc_buf_failed(&j.slot[s]))
			out->failed = 1;
		slot_set(&j, s, 0);
	}
	pthread_join(tid, NULL);
	pthread_cond_destroy(&j.cv);
	pthread_mutex_destroy(&j.mu);
	for (size_t s = 0; s < SLOTS; s++)
		lc_buf_free(&j.slot[s]);
	return 0;
}
