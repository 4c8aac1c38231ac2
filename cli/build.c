/* ladderc build: every ladder given, compiled into a site directory that
 * replaces DIR in one step (src/site.c; docs/site.md). */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/site.h"

enum { OPT_SINCE = OPT_FIRST_FREE };

/* What one of the two workers needs to write pages (cli_share_items): the
 * model is read-only once loaded and the emitters keep no state of their
 * own, so each worker has only its own bounded buffer and error. */
typedef struct page_writer {
	lc_site_dir *d;
	const ladder *l;
	const char *sub;
	const lc_site_page *pages;
	const size_t *order;    /* the pages in the order they are taken */
	lc_buf *page;
	lc_buf err;
	size_t failed_at;       /* index of the page that failed, or the page count */
} page_writer;

static int write_page(void *arg, size_t k)
{
	page_writer *w = arg;
	size_t i = w->order[k];
	if (lc_site_dir_write_page(w->d, w->sub, w->l, &w->pages[i], w->page, &w->err) < 0) {
		w->failed_at = i;
		return -1;
	}
	return 0;
}

/* Writes ladder l's pages into the temporary directory (under `sub` when
 * several ladders share DIR), on two threads (cli/threads.c). */
/* build --since: changes.html and changes.md, for the formats built. */
static int write_changes(lc_site_dir *d, const lc_diff_marks *changed, unsigned formats, const char *sub,
                         lc_buf *page, lc_buf *err)
{
	static const struct {
		unsigned bit;
		ladder_format format;
		const char *name;
	} pages[] = {{LC_SITE_HTML, LADDER_FORMAT_HTML, "changes.html"}, {LC_SITE_MARKDOWN, LADDER_FORMAT_MARKDOWN, "changes.md"}};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		if (!(formats & pages[i].bit))
			continue;
		if (lc_site_changes_render(changed, pages[i].format, page) < 0) {
			lc_buf_clear(err);
			lc_buf_printf(err, "out of memory while rendering '%s'", pages[i].name);
			return -1;
		}
		if (lc_site_dir_write(d, sub, pages[i].name, page, err) < 0)
			return -1;
	}
	return 0;
}

static int build_one(lc_site_dir *d, const ladder *l, const lc_diff_marks *changed, unsigned formats,
                     const char *sub, lc_buf *page, lc_buf *err)
{
	lc_site_page *pages = NULL;
	size_t n = 0;
	if (lc_site_pages(l, formats, &pages, &n) < 0) {
		lc_buf_puts(err, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		pages[i].changed = changed;
	if (changed && write_changes(d, changed, formats, sub, page, err) < 0) {
		free(pages);
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
	lc_buf page2 = LC_BUF_INIT;
	page_writer w[2] = {{d, l, sub, pages, order, page, LC_BUF_INIT, n},
	                    {d, l, sub, pages, order, &page2, LC_BUF_INIT, n}};
	cli_share_items(n, write_page, &w[0], &w[1]);
	/* the error of the first page in order that failed */
	int st = 0;
	page_writer *bad = w[1].failed_at < w[0].failed_at ? &w[1] : &w[0];
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
		{"since", required_argument, NULL, OPT_SINCE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	const char *dir = "out", *since = NULL;
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
		case OPT_SINCE:
			since = optarg;
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
	if (since && argc - optind > 1)
		return cli_usage_error("build", "--since compares one ladder with an older version of it, not %d ladders",
		                       argc - optind);
	if (since && (strcmp(since, "-") == 0 || strcmp(since, "/dev/stdin") == 0) &&
	    (strcmp(argv[optind], "-") == 0 || strcmp(argv[optind], "/dev/stdin") == 0))
		return cli_usage_error("build", "'-' (standard input) can be given only once");

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

	cli_since changes = {NULL, NULL, NULL, LC_BUF_INIT};
	if (since) { /* the whole ladder's changes: every page marks its own */
		status = cli_since_load("build", since, &lo, ls[0], NULL, &changes);
		if (status != LADDERC_EXIT_OK) {
			fprintf(stderr, "ladderc: nothing written; '%s' was left as it was\n", dir);
			ladder_free(ls[0]);
			free(ls);
			return status;
		}
	}
	lc_buf err = LC_BUF_INIT, page = LC_BUF_INIT;
	lc_site_dir d;
	int st = lc_site_dir_begin(&d, dir, &err);
	for (size_t i = 0; i < nl && st == 0; i++) {
		const char *sub = nl > 1 ? ls[i]->id.s : NULL;
		if (sub)
			st = lc_site_dir_mkdir(&d, sub, &err);
		if (st == 0)
			st = build_one(&d, ls[i], changes.marks, formats, sub, &page, &err);
	}
	if (st == 0 && nl > 1)
		st = lc_site_dir_write_index(&d, (const ladder *const *)ls, nl, formats, &page, &err);
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
	cli_since_free(&changes);
	lc_buf_free(&err);
	lc_buf_free(&page);
	for (size_t i = 0; i < nl; i++)
		ladder_free(ls[i]);
	free(ls);
	return status;
}
