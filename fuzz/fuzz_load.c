/* libFuzzer harness: arbitrary bytes -> loader -> every output -> self-diff.
 *
 * Whatever the input, loading must end with a status and diagnostics (never a
 * crash, a hang or a leak), every diagnostic must render, and a ladder that
 * loads must render in every format and view, lint, and diff against itself
 * with no change; and a parse split over two threads, and a ladder page
 * rendered on two, must equal the work of one; and a load that builds its
 * roles while parsing (on one thread or two) must equal a plain load, and so
 * must one asked for every speed-only path under lc_set_serial(1).
 * Built by fuzz/run.sh with
 * clang -fsanitize=fuzzer,address,undefined. */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/diag_output.h"
#include "ladderc/diff.h"
#include "ladderc/emit.h"
#include "ladderc/lint.h"
#include "ladderc/load.h"
#include "ladderc/site.h"
#include "ladderc/speed.h"
#include "yaml_tree.h"
#include "yt_same.h"
#include "model_same.h"

/* A path in a directory that does not exist: includes resolve against it and
 * fail the same way on every machine, so a finding always reproduces. */
#define FUZZ_PATH "/nonexistent-ladderc-fuzz/ladder.yaml"

/* Views per role and per level are capped: the point is every code path, not
 * every combination (which grows with roles x levels). */
enum { FUZZ_MAX_EACH = 3 };

static const ladder_format formats[] = {LADDER_FORMAT_JSON, LADDER_FORMAT_MARKDOWN, LADDER_FORMAT_HTML,
                                        LADDER_FORMAT_CSV, LADDER_FORMAT_TEXT};

static void emit_checked(const ladder *l, const ladder_view *v, const ladder_emit_options *o)
{
	for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
		lc_buf out = LC_BUF_INIT;
		if (ladder_emit(l, formats[f], v, o, &out) != 0 && !lc_buf_failed(&out))
			abort(); /* every format has an emitter for every view */
		lc_buf_free(&out);
	}
}

/* The ladder page on two threads is the page of one. */
static void html_threads_same(const ladder *l)
{
	ladder_view v;
	memset(&v, 0, sizeof v);
	v.kind = LADDER_VIEW_LADDER;
	ladder_emit_options o;
	memset(&o, 0, sizeof o);
	lc_buf one = LC_BUF_INIT, two = LC_BUF_INIT;
	int r1 = lc_emit_html(l, &v, &o, &one);
	o.threads = 2;
	int r2 = lc_emit_html(l, &v, &o, &two);
	if (r1 == 0 && r2 == 0 && (one.len != two.len || (one.len && memcmp(one.data, two.data, one.len) != 0)))
		abort();
	lc_buf_free(&one);
	lc_buf_free(&two);
}

static void render_all(const ladder *l)
{
	html_threads_same(l);
	ladder_emit_options o;
	memset(&o, 0, sizeof o);
	ladder_view v;
	memset(&v, 0, sizeof v);
	v.kind = LADDER_VIEW_LADDER;
	emit_checked(l, &v, &o);
	o.csv_matrix = 1;
	o.csv_bom = 1;
	o.width = 20;
	v.kind = LADDER_VIEW_OVERVIEW;
	emit_checked(l, &v, &o);
	v.kind = LADDER_VIEW_MATRIX;
	emit_checked(l, &v, &o);
	for (size_t r = 0; r < l->nroles && r < FUZZ_MAX_EACH; r++) {
		const ladder_role *role = l->roles[r];
		v.kind = LADDER_VIEW_MATRIX;
		v.role = role;
		v.track = NULL;
		v.level = NULL;
		emit_checked(l, &v, &o);
		if (role->ntracks) {
			v.track = role->tracks[role->ntracks - 1];
			emit_checked(l, &v, &o);
			v.track = NULL;
		}
		for (size_t i = 0; i < l->nlevels && i < FUZZ_MAX_EACH; i++) {
			const ladder_level *lv = l->levels[l->nlevels - 1 - i];
			if (!ladder_role_has_level(role, lv))
				continue;
			v.level = lv;
			v.kind = LADDER_VIEW_LEVEL;
			o.html_sheet = (int)(i & 1);
			emit_checked(l, &v, &o);
			v.kind = LADDER_VIEW_NEXT;
			emit_checked(l, &v, &o);
		}
	}
	/* the pages `build` writes */
	lc_site_page *pages = NULL;
	size_t npages = 0;
	if (lc_site_pages(l, LC_SITE_ALL, &pages, &npages) == 0) {
		lc_buf out = LC_BUF_INIT;
		for (size_t i = 0; i < npages && i < 4 * FUZZ_MAX_EACH; i++)
			(void)lc_site_render(l, &pages[i], &out);
		lc_buf_free(&out);
	}
	free(pages);
}

static void lint_all(const ladder *l)
{
	lc_lint_options o;
	lc_lint_options_init(&o);
	lc_diags d;
	lc_diags_init(&d);
	d.max_errors = 20;
	(void)lc_lint_ladder(l, &o, &d);
	lc_buf out = LC_BUF_INIT;
	lc_diags_write_sarif(&out, &d, 1, "fuzz");
	lc_diags_write_github(&out, &d);
	lc_buf_free(&out);
	lc_diags_free(&d);
}

/* A ladder compared with itself has no changes; compared with nothing,
 * everything is added, and every diff format renders it. */
static void diff_all(const ladder *l)
{
	lc_diff *d = NULL;
	if (lc_diff_ladders(l, l, &d) == 0) {
		if (d->nchanges != 0)
			abort();
		lc_diff_free(d);
	}
	d = NULL;
	if (lc_diff_ladders(NULL, l, &d) == 0) {
		static const lc_diff_format dfs[] = {LC_DIFF_TEXT, LC_DIFF_MARKDOWN, LC_DIFF_HTML, LC_DIFF_JSON};
		lc_diff_emit_options eo = {0, "fuzz"};
		for (size_t f = 0; f < sizeof dfs / sizeof dfs[0]; f++) {
			lc_buf out = LC_BUF_INIT;
			(void)lc_diff_emit(d, dfs[f], &eo, &out);
			lc_buf_free(&out);
		}
		lc_diff_free(d);
	}
}

static void parse_tree(lc_source *src, size_t at, lc_arena **arena, lc_yt_node **root, lc_buf *msgs, lc_yt_status *st)
{
	ladder_limits lim;
	ladder_limits_default(&lim);
	lc_diags d;
	lc_diags_init(&d);
	*arena = lc_arena_new();
	if (!*arena)
		abort();
	*st = lc_yt_parse_split(*arena, src, &lim, &d, root, at, NULL);
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(msgs, &d.items[i], 0);
	lc_diags_free(&d);
}

/* A parse split over two threads must build the tree and the diagnostics of
 * one parser, wherever the split falls: tried at a few item lines. */
enum { FUZZ_MAX_SPLITS = 4 };

static void split_all(const uint8_t *data, size_t size)
{
	lc_source src;
	memset(&src, 0, sizeof src);
	src.path = FUZZ_PATH;
	src.data = (const char *)data;
	src.len = size;
	lc_arena *a1;
	lc_yt_node *r1;
	lc_buf m1 = LC_BUF_INIT;
	lc_yt_status s1;
	parse_tree(&src, 0, &a1, &r1, &m1, &s1);
	size_t tried = 0;
	for (size_t at = 1; at + 1 < size && tried < FUZZ_MAX_SPLITS; at++) {
		if (data[at - 1] != '\n' || data[at] != ' ')
			continue;
		size_t k = at;
		while (k < size && data[k] == ' ')
			k++;
		if (k + 1 >= size || data[k] != '-' || (data[k + 1] != ' ' && data[k + 1] != '\n'))
			continue;
		tried++;
		lc_arena *a2;
		lc_yt_node *r2;
		lc_buf m2 = LC_BUF_INIT;
		lc_yt_status s2;
		parse_tree(&src, at, &a2, &r2, &m2, &s2);
		size_t budget = 100000;
		if (s1 != s2 || !yt_same(r1, r2, &budget) || m1.len != m2.len || (m1.len && memcmp(m1.data, m2.data, m1.len)))
			abort();
		lc_buf_free(&m2);
		lc_arena_free(a2);
	}
	lc_buf_free(&m1);
	lc_arena_free(a1);
	free(src.lines);
}

/* A file of this process's own, for loads by name; removed at exit. */
static char scratch_dir[] = "/tmp/ladderc-fuzz-XXXXXX";
static char scratch_path[sizeof scratch_dir + 16];

static void remove_scratch(void)
{
	remove(scratch_path);
	rmdir(scratch_dir);
}

static const char *scratch_file(void)
{
	if (!scratch_path[0]) {
		if (!mkdtemp(scratch_dir))
			abort();
		snprintf(scratch_path, sizeof scratch_path, "%s/ladder.yaml", scratch_dir);
		atexit(remove_scratch);
	}
	return scratch_path;
}

/* The same description of two loads (when neither ran out of memory). */
static void same_load(const lc_buf *want, const lc_buf *got)
{
	if (!lc_buf_failed(want) && !lc_buf_failed(got) &&
	    (want->len != got->len || (want->len && memcmp(want->data, got->data, want->len) != 0)))
		abort();
}

/* Streamed (with the file split between two threads where it can be) and
 * plain loads: the same status, diagnostics, model and positions, and the
 * same lint findings. Streamed from the file itself too, which gives the
 * roles' bytes back and reads them again for the messages. And through the
 * one switch (ladderc/speed.h): asked for every speed-only path but with
 * lc_set_serial(1), the load takes the plain path and gives the same. */
static void stream_same(const uint8_t *data, size_t size)
{
	const char *path = scratch_file();
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.max_input = 1 << 20;
	lim.stream_min = SIZE_MAX;
	lim.parallel_min = SIZE_MAX;
	lc_buf plain = LC_BUF_INIT, streamed = LC_BUF_INIT, filed = LC_BUF_INIT, serial = LC_BUF_INIT;
	(void)model_same_run(path, (const char *)data, size, &lim, 1, &plain, NULL);
	lim.stream_min = 0;
	lim.parallel_min = 0;
	(void)model_same_run(path, (const char *)data, size, &lim, 1, &streamed, NULL);
	lim.release_min = 0;
	(void)model_same_run(path, NULL, size, &lim, 1, &filed, NULL);
	lc_set_serial(1);
	size_t released = 0;
	(void)model_same_run(path, NULL, size, &lim, 1, &serial, &released);
	lc_set_serial(0);
	if (released != 0)
		abort(); /* no page is given back under the switch */
	same_load(&plain, &streamed);
	same_load(&plain, &filed);
	same_load(&plain, &serial);
	lc_buf_free(&plain);
	lc_buf_free(&streamed);
	lc_buf_free(&filed);
	lc_buf_free(&serial);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	split_all(data, size);
	stream_same(data, size);
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.max_input = 1 << 20;
	lc_diags d;
	lc_diags_init(&d);
	d.max_errors = 20;
	ladder *l = NULL;
	ladder_status st = ladder_load_buffer(FUZZ_PATH, (const char *)data, size, &lim, &d, &l);
	if ((st == LADDER_OK) != (l != NULL))
		abort(); /* the status and the model must agree */
	if (st == LADDER_INVALID && d.errors == 0)
		abort(); /* an invalid ladder always says why */
	lc_diags_sort(&d);
	lc_buf msgs = LC_BUF_INIT;
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(&msgs, &d.items[i], (int)(i & 1));
	lc_buf_free(&msgs);
	lc_diags_free(&d);
	if (l) {
		render_all(l);
		lint_all(l);
		diff_all(l);
		ladder_free(l);
	}
	return 0;
}
