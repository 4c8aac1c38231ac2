/* Speed-only (off under lc_serial()): a YAML ratings file read and checked
 * one person at a time, as the parser completes each item of `people`, so
 * that neither the document's tree nor the whole lc_rt_file is ever held —
 * only the checked lc_person records. The reading and the checks are those
 * of the plain path (src/ratings.c), called in the same order; the
 * diagnostics are gathered aside and handed over only when the parse
 * succeeded, so a syntax error far down reports what the plain path reports.
 *
 * A layout this cannot match gives the file back to the plain path: an
 * `as_of` after `people` (the people are checked against it as they come),
 * an anchor inside a person (the parser stops streaming), or a parse that
 * failed. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/speed.h"
#include "ratings_internal.h"
#include "source_file.h"

typedef struct streamer {
	lc_rt_reader y;         /* into `person` */
	lc_rt_checker c;
	lc_arena *person;       /* one person as read: reset after each */
	lc_date as_of;          /* the caller's */
	int taken;              /* `people` is streamed */
	int as_of_first;        /* `as_of` came before `people` */
	size_t cap;             /* room in r->people (malloc'ed while streaming) */
} streamer;

static int is_key(const lc_yt_node *k, const char *name)
{
	size_t n = strlen(name);
	return k->kind == LC_YT_SCALAR && k->len == n && memcmp(k->str, name, n) == 0;
}

/* `people` opens: the as-of date the people are checked against must be
 * known by now, as lc_rt_check_top will set it. */
static int begin(void *ctx, const lc_yt_node *key, lc_yt_node *const *pairs, size_t npairs)
{
	streamer *st = ctx;
	if (!is_key(key, "people"))
		return 0;
	st->c.r->as_of = st->as_of;
	for (size_t i = 0; i < npairs; i++) {
		const lc_yt_node *k = pairs[2 * i], *v = pairs[2 * i + 1];
		if (is_key(k, "people"))
			return 0; /* twice: the plain path reports it */
		if (!is_key(k, "as_of"))
			continue;
		st->as_of_first = 1;
		lc_date d;
		if (v->kind == LC_YT_SCALAR && !lc_yt_is_null(v) && lc_date_parse(v->str, v->len, &d) == 0)
			st->c.r->as_of = d;
	}
	st->taken = 1;
	return 1;
}

static int item(void *ctx, const lc_yt_node *n)
{
	streamer *st = ctx;
	lc_ratings *r = st->c.r;
	if (r->npeople == st->cap) {
		size_t cap = st->cap ? 2 * st->cap : 256;
		lc_person *people = cap <= SIZE_MAX / sizeof *people ? realloc(r->people, cap * sizeof *people) : NULL;
		if (!people)
			return -1;
		r->people = people;
		st->cap = cap;
	}
	lc_rt_person rp;
	lc_rt_read_person(&st->y, n, &rp);
	lc_person *p = &r->people[r->npeople++];
	memset(p, 0, sizeof *p);
	lc_rt_check_person(&st->c, &rp, p);
	lc_arena_reset(st->person);
	return st->y.nomem || st->c.nomem ? -1 : 0;
}

int lc_ratings_stream_yaml(const ladder *l, lc_ratings *r, lc_date as_of, int as_of_given,
                           const ladder_limits *lim, lc_diags *diags)
{
	if (lc_serial())
		return 1;
	lc_diags aside;
	lc_diags_init(&aside);
	aside.max_errors = diags->max_errors;
	/* one thread: the second parser's part would be held as a tree */
	ladder_limits one = *lim;
	one.parallel_min = SIZE_MAX;
	streamer st;
	memset(&st, 0, sizeof st);
	st.as_of = as_of;
	st.person = lc_arena_new();
	lc_arena *tree = lc_arena_new();
	int ret = st.person && tree && lc_rt_checker_init(&st.c, l, r, &aside, 0) == 0 ? 0 : -2;
	lc_rt_reader_init(&st.y, r->source, st.person, &aside);
	lc_yt_stream ys;
	memset(&ys, 0, sizeof ys);
	ys.ctx = &st;
	ys.begin = begin;
	ys.item = item;
	ys.release = r->source->file != NULL; /* every text kept is copied */
	lc_yt_node *root = NULL;
	lc_yt_status ps = ret ? LC_YT_NOMEM : lc_yt_parse_stream(tree, r->source, &one, &aside, &ys, &root);
	lc_rt_file f;
	memset(&f, 0, sizeof f);
	if (ps == LC_YT_NOMEM) {
		ret = -2;
	} else if (ps != LC_YT_OK || !st.taken || ys.stopped) {
		ret = 1;
	} else {
		lc_rt_read_root(&st.y, root, &f); /* its `people` has no items left */
		if (f.as_of.s && !st.as_of_first)
			ret = 1;
		else
			lc_rt_check_top(&st.c, &f, as_of, as_of_given);
	}
	int read = lc_rt_reader_fini(&st.y), checked = lc_rt_checker_fini(&st.c);
	if (ret == 0)
		ret = read == -2 || checked == -2 ? -2 : read < 0 || checked < 0 ? -1 : 0;
	if (ret == 1 && lc_source_released(r->source) && lc_source_fetch(r->source, 0, r->source->len) < 0) {
		lc_mark whole = {r->source, 0, 0};
		lc_diags_add(&aside, LC_ERROR, &whole, NULL, "cannot read the ratings file again: %s",
		             lc_source_read_error(r->source) == ESTALE ? "it changed while it was read" : strerror(errno));
		ret = -1;
	}
	if (ret == 1) { /* the plain path starts again from nothing */
		free(r->people);
		r->people = NULL;
		r->npeople = 0;
		lc_diags_free(&aside);
	} else {
		lc_diags_append(diags, &aside);
	}
	lc_arena_free(tree);
	lc_arena_free(st.person);
	return ret;
}
