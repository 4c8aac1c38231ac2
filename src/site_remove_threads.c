/* Removing the old site on a few threads (site_remove.h): speed only.
 *
 * The old output, once swapped out, is removed by a few threads at once:
 * removing a file whose pages are on disk waits on the disk for each one
 * (about a millisecond here), and those waits overlap. src/site.c calls
 * this unless lc_serial(). */
#include "site_remove.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ladderc/buf.h"

enum { REMOVE_THREADS = 4 };

typedef struct remover {
	int dirfd;
	const char *names;           /* the entries, each NUL-terminated */
	const size_t *at;            /* where each one starts in names */
	size_t n, first;
	int err;                     /* errno of the first failure in this share, or 0 */
	size_t err_at;
} remover;

static void *remove_share(void *arg)
{
	remover *r = arg;
	for (size_t i = r->first; i < r->n; i += REMOVE_THREADS)
		if (lc_site_remove_tree(r->dirfd, r->names + r->at[i], 1) < 0 && !r->err) {
			r->err = errno;
			r->err_at = i;
		}
	return NULL;
}

int lc_site_remove_tree_threads(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return lc_site_remove_tree(dirfd, name, 0);
	DIR *dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return lc_site_remove_tree(dirfd, name, 0);
	}
	lc_buf names = LC_BUF_INIT;
	size_t *at = NULL, n = 0, cap = 0;
	int st = 0;
	for (struct dirent *ent; st == 0 && (ent = readdir(dir));) {
		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			size_t *more = realloc(at, cap * sizeof *at);
			if (!more) {
				errno = ENOMEM;
				st = -1;
				break;
			}
			at = more;
		}
		at[n++] = names.len;
		lc_buf_put(&names, ent->d_name, strlen(ent->d_name) + 1);
	}
	if (st == 0 && lc_buf_failed(&names)) {
		errno = ENOMEM;
		st = -1;
	}
	remover r[REMOVE_THREADS];
	pthread_t tid[REMOVE_THREADS];
	int started[REMOVE_THREADS] = {0};
	for (size_t k = 0; st == 0 && k < REMOVE_THREADS; k++) {
		r[k] = (remover){fd, names.data, at, n, k, 0, 0};
		started[k] = k > 0 && pthread_create(&tid[k], NULL, remove_share, &r[k]) == 0;
	}
	if (st == 0) {
		for (size_t k = 1; k < REMOVE_THREADS; k++)
			if (!started[k])
				(void)remove_share(&r[k]); /* no thread: this one does that share too */
		(void)remove_share(&r[0]);
		/* the first failure in directory order, as one thread would report it */
		int e = 0;
		size_t first = SIZE_MAX;
		for (size_t k = 0; k < REMOVE_THREADS; k++) {
			if (started[k])
				pthread_join(tid[k], NULL);
			if (r[k].err && r[k].err_at < first) {
				e = r[k].err;
				first = r[k].err_at;
			}
		}
		if (e) {
			errno = e;
			st = -1;
		}
	}
	int e = errno;
	lc_buf_free(&names);
	free(at);
	closedir(dir);
	if (st < 0) {
		errno = e;
		return -1;
	}
	return unlinkat(dirfd, name, AT_REMOVEDIR);
}

