/* ladderc build: every ladder given, compiled into a site directory that
 * replaces DIR in one step (src/site.c; docs/site.md). */
#include "cli.h"

#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/site.h"
#include "ladderc/speed.h"

/* Two workers share the pages of one ladder: each takes the next page not yet
 * taken and renders it into its file through its own bounded buffer. The
 * model is read-only once loaded and the emitters keep no state of their
 * own, so the only shared thing is the counter. */
typedef struct page_queue {
	lc_site_dir *d;
	const ladder *l;
	const char *sub;
	const lc_site_page *pages;
	const size_t *order;    /* the pages in the order they are taken */
	size_t n;
	atomic_size_t next;
	atomic_int stop;        /* a worker failed: the other one stops too */
} page_queue;

typedef struct page_worker {
	page_queue *q;
	lc_buf *page;
	lc_buf err;
	size_t failed_at;       /* index of the page that failed, or n */
} page_worker;

static void *work(void *arg)
{
	page_worker *w = arg;
	page_queue *q = w->q;
	while (!atomic_load(&q->stop)) {
		size_t k = atomic_fetch_add(&q->next, 1);
		if (k >= q->n)
			break;
		size_t i = q->order[k];
		if (lc_site_dir_write_page(q->d, q->sub, q->l, &q->pages[i], w->page, &w->err) < 0) {
			w->failed_at = i;
			atomic_store(&q->stop, 1);
			break;
		}
	}
	return NULL;
}

/* Writes ladder l's pages into the temporary directory (under `sub` when
 * several ladders share DIR), on two threads when a second one starts. */
static int build_one(lc_site_dir *d, const ladder *l, unsigned formats, const char *sub, lc_buf *page,
                     lc_buf *err)
{
	lc_site_page *pages = NULL;
	size_t n = 0;
	if (lc_site_pages(l, formats, &pages, &n) < 0) {
		lc_buf_puts(err, "out of memory");
		return -1;
	}
	/* The whole-ladder files (CSV, JSON) are the biggest by far: taken first,
	 * so that the many role pages after them even out the two threads' work
	 * instead of one thread finishing a big file alone. */
	size_t *order = malloc((n ? n : 1) * sizeof *order);
	if (!order) {
		free(pages);
		lc_buf_puts(err, "out of memory");
		return -1;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (pages[i].view.kind == LADDER_VIEW_LADDER)
			order[k++] = i;
	for (size_t i = 0; i < n; i++)
		if (pages[i].view.kind != LADDER_VIEW_LADDER)
			order[k++] = i;
	page_queue q = {d, l, sub, pages, order, n, 0, 0};
	lc_buf page2 = LC_BUF_INIT;
	page_worker w[2] = {{&q, page, LC_BUF_INIT, n}, {&q, &page2, LC_BUF_INIT, n}};
	pthread_t helper;
	int threaded = n > 1 && !lc_serial() && pthread_create(&helper, NULL, work, &w[1]) == 0;
	work(&w[0]);
	if (threaded)
		pthread_join(helper, NULL);
	/* the error of the first page in order that failed */
	int st = 0;
	page_worker *bad = w[1].failed_at < w[0].failed_at ? &w[1] : &w[0];
	if (bad->failed_at < n) {
		lc_buf_clear(err);
		lc_buf_put(err, bad->err.data, bad->err.len);
		st = -1;
	}
	lc_buf_free(&w[0].err);
	lc_buf_free(&w[1].err);
	lc_buf_free(&page2);
	free(order);
	free(pages);
	return st;
}

int cli_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LOAD_LONGOPTS,
		{"output", required_argument, NULL, 'o'},
		{"formats", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	const char *dir = "out";
	unsigned formats = LC_SITE_ALL;
	int c;
	while (cli_getopt("build", argc, argv, "o:f:h", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("build");
		case 'o':
			if (!*optarg)
				return cli_usage_error("build", "-o needs a directory name");
			dir = optarg;
			break;
		case 'f':
			if (lc_site_parse_formats(optarg, &formats) < 0)
				return cli_usage_error("build", "-f takes a comma-separated list of html, markdown, csv "
				                                "and json, not '%s'", optarg);
			break;
		default:
			if (cli_load_option("build", c, optarg, &lo) != 0)
				return LADDERC_EXIT_TROUBLE;
		}
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	if (optind >= argc)
		return cli_usage_error("build", "no ladder file given");
	int once = cli_stdin_once("build", argc, argv, optind);
	if (once)
		return once;

	/* Load everything first: a ladder with errors stops the build before
	 * anything is written, so DIR stays as it was. */
	size_t nl = (size_t)(argc - optind);
	ladder **ls = calloc(nl, sizeof *ls);
	if (!ls) {
		fprintf(stderr, "ladderc: error: out of memory\n");
		return LADDERC_EXIT_TROUBLE;
	}
	int status = LADDERC_EXIT_OK;
	for (size_t i = 0; i < nl; i++) {
		int st = cli_load(argv[optind + (int)i], &lo, &ls[i]);
		if (st > status)
			status = st;
	}
	if (status == LADDERC_EXIT_OK && nl > 1) {
		/* several ladders: each goes to DIR/ID/, so ids must differ */
		for (size_t i = 0; i < nl && status == LADDERC_EXIT_OK; i++)
			for (size_t k = 0; k < i; k++)
				if (ladder_str_eq(ls[i]->id, ls[k]->id)) {
					fprintf(stderr, "ladderc: error: '%s' and '%s' both have the id '%s'; "
					                "build writes each ladder to DIR/ID/\n",
					        argv[optind + (int)k], argv[optind + (int)i], ls[i]->id.s);
					status = LADDERC_EXIT_TROUBLE;
					break;
				}
	}
	if (status != LADDERC_EXIT_OK) {
		fprintf(stderr, "ladderc: nothing written; '%s' was left as it was\n", dir);
		for (size_t i = 0; i < nl; i++)
			ladder_free(ls[i]);
		free(ls);
		return status;
	}

	lc_buf err = LC_BUF_INIT, page = LC_BUF_INIT;
	lc_site_dir d;
	int st = lc_site_dir_begin(&d, dir, &err);
	for (size_t i = 0; i < nl && st == 0; i++) {
		const char *sub = nl > 1 ? ls[i]->id.s : NULL;
		if (sub)
			st = lc_site_dir_mkdir(&d, sub, &err);
		if (st == 0)
			st = build_one(&d, ls[i], formats, sub, &page, &err);
	}
	int swapping = 0;
	if (st == 0) {
		swapping = 1;
		st = lc_site_dir_commit(&d, &err);
	}
	if (st != 0) {
		fprintf(stderr, "ladderc: error: %s\n", err.data ? err.data : "build failed");
		if (!swapping)
			fprintf(stderr, "ladderc: '%s' was left as it was\n", dir);
		status = LADDERC_EXIT_TROUBLE;
	}
	lc_site_dir_end(&d);
	lc_buf_free(&err);
	lc_buf_free(&page);
	for (size_t i = 0; i < nl; i++)
		ladder_free(ls[i]);
	free(ls);
	return status;
}
