/* Sources that give parsed pages back and read them again on demand. */
#define _GNU_SOURCE /* madvise: MADV_DONTNEED frees pages, posix_madvise does not */
#include "source_file.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huge_pages.h"
#include "ladderc/speed.h"
#include "speed_taken.h"

/* A page's state in lc_source_file.released. */
enum { PAGE_IN = 0, PAGE_OUT = 1, PAGE_DONE = 2 /* parsed, given back with its unit */ };

struct lc_source_file {
	int fd;
	struct stat st;          /* as read: a changed file is not read again */
	size_t page;
	uintptr_t base;          /* the first page of the buffer */
	size_t npages;
	size_t unit;             /* bytes given back at once: a page, or a huge page */
	size_t per_unit, lead;   /* pages per unit; pages of the first unit before base */
	unsigned char *released; /* one PAGE_* per page */
	size_t *unit_in;         /* per unit: how many of its pages are PAGE_IN */
	size_t *unit_low;        /* per unit: its pages below this one are not PAGE_IN */
	size_t nreleased;
	size_t fed;              /* the first parser has read [0, fed) */
	int error;               /* errno of the first failed read-back, or 0 */
	pthread_mutex_t lock;    /* two parse threads, then two lint threads */
};

/* Units: the pages given back together, aligned to the unit's size in
 * memory (so a huge page goes back whole). Page k of the buffer is in unit
 * unit_of(k), which holds pages [unit_first, unit_end). */
static size_t unit_of(const struct lc_source_file *f, size_t k)
{
	return (k + f->lead) / f->per_unit;
}

static size_t unit_first(const struct lc_source_file *f, size_t u)
{
	return u * f->per_unit > f->lead ? u * f->per_unit - f->lead : 0;
}

static size_t unit_end(const struct lc_source_file *f, size_t u)
{
	size_t end = (u + 1) * f->per_unit - f->lead;
	return end < f->npages ? end : f->npages;
}

/* Page k, not PAGE_IN, is in use again. */
static void page_in(struct lc_source_file *f, size_t k)
{
	size_t u = unit_of(f, k);
	f->released[k] = PAGE_IN;
	f->unit_in[u]++;
	if (k < f->unit_low[u])
		f->unit_low[u] = k;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int lc_source_attach_file(lc_source *src, int fd)
{
	struct lc_source_file *f = NULL;
	long page = sysconf(_SC_PAGESIZE);
	if (src->file || !src->data || src->len == 0 || page <= 0)
		goto fail;
	f = calloc(1, sizeof *f);
	if (!f || fstat(fd, &f->st) < 0 || !S_ISREG(f->st.st_mode) || (unsigned long long)f->st.st_size != src->len)
		goto fail;
	f->fd = fd;
	f->page = (size_t)page;
	f->base = (uintptr_t)src->data & ~(uintptr_t)(f->page - 1);
	f->npages = ((uintptr_t)src->data + src->len - f->base + f->page - 1) / f->page;
	/* A buffer on huge pages (src/huge_pages.c) is given back a whole huge
	 * page at a time: fewer madvise calls, each of which stops the other
	 * thread to flush its TLB, and no huge page split into small ones. */
	f->unit = f->page;
	if (src->len >= LC_HUGE_MIN && !lc_serial() && LC_HUGE_PAGE % f->page == 0)
		f->unit = LC_HUGE_PAGE;
	f->per_unit = f->unit / f->page;
	f->lead = (f->base % f->unit) / f->page;
	size_t nunits = unit_of(f, f->npages - 1) + 1;
	f->released = calloc(f->npages, 1);
	f->unit_in = calloc(nunits, sizeof *f->unit_in);
	f->unit_low = calloc(nunits, sizeof *f->unit_low);
	if (!f->released || !f->unit_in || !f->unit_low || pthread_mutex_init(&f->lock, NULL) != 0)
		goto fail;
	for (size_t u = 0; u < nunits; u++) {
		f->unit_low[u] = unit_first(f, u);
		f->unit_in[u] = unit_end(f, u) - f->unit_low[u];
	}
	src->file = f;
	atomic_fetch_add(&lc_speed_taken.releases, 1);
	return 0;
fail:
	if (f) {
		free(f->released);
		free(f->unit_in);
		free(f->unit_low);
	}
	free(f);
	close(fd);
	return -1;
}

void lc_source_detach_file(lc_source *src)
{
	struct lc_source_file *f = src->file;
	if (!f)
		return;
	close(f->fd);
	pthread_mutex_destroy(&f->lock);
	free(f->released);
	free(f->unit_in);
	free(f->unit_low);
	free(f);
	src->file = NULL;
}

/* Pages [*first, *end) lie wholly inside bytes [from, to) of the buffer. */
static int whole_pages(const lc_source *src, size_t from, size_t to, size_t *first, size_t *end)
{
	const struct lc_source_file *f = src->file;
	if (to > src->len)
		to = src->len;
	if (from >= to)
		return 0;
	uintptr_t lo = (uintptr_t)src->data + from, hi = (uintptr_t)src->data + to;
	lo = (lo + f->page - 1) & ~(uintptr_t)(f->page - 1);
	hi &= ~(uintptr_t)(f->page - 1);
	if (lo >= hi)
		return 0;
	*first = (lo - f->base) / f->page;
	*end = (hi - f->base) / f->page;
	return 1;
}

/* Gives back the pages of [first, end) marked PAGE_DONE, in runs. */
static void give_back(struct lc_source_file *f, size_t first, size_t end)
{
	size_t k = first;
	while (k < end) {
		while (k < end && f->released[k] != PAGE_DONE)
			k++;
		size_t run = k;
		while (k < end && f->released[k] == PAGE_DONE)
			k++;
		void *at = (void *)(f->base + run * f->page);
		size_t n = (k - run) * f->page;
		if (k > run && madvise(at, n, MADV_DONTNEED) == 0) {
			memset(f->released + run, PAGE_OUT, k - run);
			f->nreleased += k - run;
			/* what is read back later (a quoted line) needs small pages,
			 * not a fresh huge page for each line */
			if (f->unit != f->page)
				lc_huge_unadvise(at, n);
		}
	}
}

void lc_source_release(lc_source *src, size_t from, size_t to, int unfed)
{
	struct lc_source_file *f = src->file;
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	if (unfed && from < f->fed)
		from = f->fed;
	size_t first, end;
	if (whole_pages(src, from, to, &first, &end)) {
		/* The parsers release all they have parsed so far, again and
		 * again: a unit none of whose pages is in use is passed over at
		 * once, and within a unit the pages already marked are. Each
		 * unit goes back once none of its pages is in use (the buffer's
		 * first and last pages are never whole, so never go back). */
		for (size_t u = unit_of(f, first), u_last = unit_of(f, end - 1); u <= u_last; u++) {
			if (!f->unit_in[u])
				continue;
			size_t lo = first > unit_first(f, u) ? first : unit_first(f, u);
			size_t hi = end < unit_end(f, u) ? end : unit_end(f, u);
			int from_low = lo <= f->unit_low[u];
			if (from_low)
				lo = f->unit_low[u];
			for (size_t k = lo; k < hi; k++)
				if (f->released[k] == PAGE_IN) {
					f->released[k] = PAGE_DONE;
					f->unit_in[u]--;
				}
			if (from_low && hi > f->unit_low[u])
				f->unit_low[u] = hi;
			if (!f->unit_in[u])
				give_back(f, unit_first(f, u), unit_end(f, u));
		}
	}
	pthread_mutex_unlock(&f->lock);
}

/* The file is still the one that was read. */
static int unchanged(const struct lc_source_file *f)
{
	struct stat now;
	if (fstat(f->fd, &now) < 0)
		return -1;
	if (!same_file(&f->st, &now)) {
		errno = ESTALE;
		return -1;
	}
	return 0;
}

/* Reads the buffer's bytes at [at, at + n) from the file into dst. */
static int read_back(const struct lc_source_file *f, const lc_source *src, uintptr_t at, size_t n, char *dst)
{
	off_t off = (off_t)(at - (uintptr_t)src->data);
	while (n > 0) {
		ssize_t r = pread(f->fd, dst, n, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = ESTALE; /* shorter than it was */
			return -1;
		}
		dst += r;
		off += r;
		n -= (size_t)r;
	}
	return 0;
}

/* Bytes [lo, hi) of the buffer's address range that lie in pages from page k
 * on with the same released flag as page k: one read or one copy. */
static uintptr_t run_end(const struct lc_source_file *f, size_t k, uintptr_t hi)
{
	int out = f->released[k] == PAGE_OUT;
	uintptr_t end = f->base + (k + 1) * f->page;
	while (end < hi && (f->released[(end - f->base) / f->page] == PAGE_OUT) == out)
		end += f->page;
	return end < hi ? end : hi;
}

static int any_released(const struct lc_source_file *f, uintptr_t lo, uintptr_t hi)
{
	if (!f->nreleased || lo >= hi)
		return 0;
	for (size_t k = (lo - f->base) / f->page, end = (hi - 1 - f->base) / f->page; k <= end; k++)
		if (f->released[k] == PAGE_OUT)
			return 1;
	return 0;
}

static int fetch(lc_source *src, size_t from, size_t to, int fed)
{
	struct lc_source_file *f = src->file;
	if (!f)
		return 0;
	if (to > src->len)
		to = src->len;
	int rc = 0;
	pthread_mutex_lock(&f->lock);
	uintptr_t lo = (uintptr_t)src->data + from, hi = (uintptr_t)src->data + to;
	if (any_released(f, lo, hi)) {
		/* whole pages: what comes back is whole pages again */
		uintptr_t dlo = (uintptr_t)src->data, dhi = dlo + src->len;
		lo = f->base + (lo - f->base) / f->page * f->page;
		hi = f->base + ((hi - f->base) + f->page - 1) / f->page * f->page;
		if (lo < dlo)
			lo = dlo;
		if (hi > dhi)
			hi = dhi;
		rc = unchanged(f);
		while (lo < hi && rc == 0) {
			size_t k = (lo - f->base) / f->page;
			uintptr_t end = run_end(f, k, hi);
			if (f->released[k] == PAGE_OUT) {
				rc = read_back(f, src, lo, (size_t)(end - lo), (char *)lo);
				size_t n = (end - f->base + f->page - 1) / f->page - k;
				if (rc == 0) {
					for (size_t i = k; i < k + n; i++)
						page_in(f, i);
					f->nreleased -= n;
				}
			}
			lo = end;
		}
	}
	if (rc == 0 && from < to) {
		/* whoever fetched these bytes reads them after the lock is let go:
		 * a page parsed and waiting for the rest of its unit is in use
		 * again, and goes back only when it is released again */
		for (size_t k = ((uintptr_t)src->data + from - f->base) / f->page,
		            end = ((uintptr_t)src->data + to - 1 - f->base) / f->page;
		     k <= end; k++)
			if (f->released[k] == PAGE_DONE)
				page_in(f, k);
	}
	if (rc == 0 && fed && to > f->fed)
		f->fed = to;
	if (rc < 0 && !f->error)
		f->error = errno;
	pthread_mutex_unlock(&f->lock);
	return rc;
}

int lc_source_fetch(lc_source *src, size_t from, size_t to)
{
	return fetch(src, from, to, 0);
}

int lc_source_fetch_fed(lc_source *src, size_t from, size_t to)
{
	return fetch(src, from, to, 1);
}

int lc_source_copy_out(lc_source *src, size_t from, size_t to, char *dst)
{
	struct lc_source_file *f = src->file;
	if (to > src->len)
		to = src->len;
	if (from >= to)
		return 0;
	if (!f) {
		memcpy(dst, src->data + from, to - from);
		return 0;
	}
	int rc = 0;
	pthread_mutex_lock(&f->lock);
	uintptr_t lo = (uintptr_t)src->data + from, hi = (uintptr_t)src->data + to;
	if (any_released(f, lo, hi))
		rc = unchanged(f);
	while (lo < hi && rc == 0) {
		size_t k = (lo - f->base) / f->page;
		uintptr_t end = run_end(f, k, hi);
		size_t n = (size_t)(end - lo);
		if (f->released[k] == PAGE_OUT)
			rc = read_back(f, src, lo, n, dst);
		else
			memcpy(dst, (const char *)lo, n);
		dst += n;
		lo = end;
	}
	if (rc < 0 && !f->error)
		f->error = errno;
	pthread_mutex_unlock(&f->lock);
	return rc;
}

int lc_source_read_error(const lc_source *src)
{
	struct lc_source_file *f = src->file;
	if (!f)
		return 0;
	pthread_mutex_lock(&f->lock);
	int e = f->error;
	pthread_mutex_unlock(&f->lock);
	return e;
}

size_t lc_source_released(const lc_source *src)
{
	struct lc_source_file *f = src->file;
	if (!f)
		return 0;
	pthread_mutex_lock(&f->lock);
	size_t n = f->nreleased * f->page;
	pthread_mutex_unlock(&f->lock);
	return n;
}
