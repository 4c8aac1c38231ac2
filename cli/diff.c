/* ladderc diff: the semantic diff of two ladder versions, on the command line
 * and as a git diff driver (git passes seven arguments). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "ladderc/diff.h"
#include "ladderc/emit.h"

/* One side of the diff; /dev/null (git's stand-in for a missing file) is an
 * empty ladder. */
static void load_side(void *arg)
{
	cli_loading *ld = arg;
	if (strcmp(ld->path, "/dev/null") == 0) {
		lc_diags_init(&ld->diags);
		ld->l = NULL;
		ld->status = LADDER_OK;
	} else {
		cli_load_quiet(ld);
	}
}

/* git gives a side that is not the working-tree file as a temporary copy in
 * another directory: includes written relative to the ladder cannot be
 * found from there. Say so, since the loader's error names only the copy. */
static void git_note(const char *path, const char *given)
{
	if (strcmp(path, given) == 0 || strcmp(given, "/dev/null") == 0)
		return;
	fprintf(stderr,
	        "ladderc: note: git passed '%s' as a temporary copy of '%s'; files the ladder includes are\n"
	        "looked up next to the copy, where they are not. See \"Includes\" in docs/diff.md.\n",
	        given, path);
}

/* The diff's format from its name: the names and aliases of render's
 * (ladder_format_find), among those the diff can write. */
static int diff_format(const char *name, lc_diff_format *out)
{
	const ladder_format_info *fi = ladder_format_find(name);
	if (!fi)
		return -1;
	switch (fi->format) {
	case LADDER_FORMAT_TEXT:
		*out = LC_DIFF_TEXT;
		return 0;
	case LADDER_FORMAT_MARKDOWN:
		*out = LC_DIFF_MARKDOWN;
		return 0;
	case LADDER_FORMAT_HTML:
		*out = LC_DIFF_HTML;
		return 0;
	case LADDER_FORMAT_JSON:
		*out = LC_DIFF_JSON;
		return 0;
	case LADDER_FORMAT_CSV:
		break;
	}
	return -1;
}

/* Applies --role, --track and --level to d. A usage error (exit 2) names an
 * id that is in neither version and lists those that would do. */
static int filter_diff(lc_diff *d, const lc_diff_filter_spec *f)
{
	if (!f->role && !f->track && !f->level)
		return LADDERC_EXIT_OK;
	lc_diff_filter_status st = lc_diff_filter(d, f);
	if (st == LC_DIFF_FILTER_OK)
		return LADDERC_EXIT_OK;
	lc_buf valid = LC_BUF_INIT;
	if (st == LC_DIFF_FILTER_OOM || lc_diff_filter_valid_ids(d, f, st, &valid) < 0) {
		lc_buf_free(&valid);
		fprintf(stderr, "ladderc: error: out of memory while filtering the diff\n");
		return LADDERC_EXIT_TROUBLE;
	}
	const char *ids = valid.len ? valid.data : "none";
	int rc;
	switch (st) {
	case LC_DIFF_FILTER_UNKNOWN_ROLE:
		rc = cli_usage_error("diff", "no role '%s' in either version (roles: %s)", f->role, ids);
		break;
	case LC_DIFF_FILTER_UNKNOWN_TRACK:
		rc = cli_usage_error("diff", "no track '%s' in either version (tracks: %s)", f->track, ids);
		break;
	case LC_DIFF_FILTER_UNKNOWN_LEVEL:
		rc = cli_usage_error("diff", "no level '%s' in either version (levels: %s)", f->level, ids);
		break;
	case LC_DIFF_FILTER_TRACK_NOT_IN_VIEW:
		rc = cli_usage_error("diff", "role %s does not take track '%s' (its tracks: %s)", f->role, f->track, ids);
		break;
	default:
		rc = cli_usage_error("diff", "level '%s' is not in the view of %s%s%s%s%s (levels: %s)", f->level,
		                     f->role ? "role " : "", f->role ? f->role : "", f->role && f->track ? " and " : "",
		                     f->track ? "track " : "", f->track ? f->track : "", ids);
		break;
	}
	lc_buf_free(&valid);
	return rc;
}

enum { OPT_ROLE = OPT_FIRST_FREE, OPT_TRACK, OPT_LEVEL };

int cli_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LOAD_LONGOPTS,
		{"format", required_argument, NULL, 'f'},
		{"role", required_argument, NULL, OPT_ROLE},
		{"track", required_argument, NULL, OPT_TRACK},
		{"level", required_argument, NULL, OPT_LEVEL},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	lc_diff_filter_spec filter = {NULL, NULL, NULL};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	lc_diff_format format = LC_DIFF_TEXT;
	int c;
	while (cli_getopt("diff", argc, argv, "f:h", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("diff");
		case 'f':
			if (diff_format(optarg, &format) < 0)
				return cli_usage_error("diff", "unknown format '%s' (known: text, markdown, html, json)", optarg);
			break;
		case OPT_ROLE:
			filter.role = optarg;
			break;
		case OPT_TRACK:
			filter.track = optarg;
			break;
		case OPT_LEVEL:
			filter.level = optarg;
			break;
		default:
			if (cli_load_option("diff", c, optarg, &lo) != 0)
				return LADDERC_EXIT_TROUBLE;
		}
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	int nargs = argc - optind;
	/* git diff driver: path old-file old-hex old-mode new-file new-hex new-mode */
	int git = nargs == 7;
	if (nargs != 2 && !git)
		return cli_usage_error("diff", "diff takes two ladder files (OLD NEW), not %d arguments", nargs);
	int once = git ? 0 : cli_stdin_once("diff", argc, argv, optind);
	if (once)
		return once;
	const char *path = git ? argv[optind] : NULL;
	const char *old_path = git ? argv[optind + 1] : argv[optind];
	const char *new_path = git ? argv[optind + 4] : argv[optind + 1];

	/* The two versions load at once, one on each core (cli/threads.c); their
	 * diagnostics are printed afterwards, old side first. */
	cli_loading sides[2] = {{old_path, &lo, NULL, LADDER_OK, {0}}, {new_path, &lo, NULL, LADDER_OK, {0}}};
	cli_run_pair(load_side, &sides[0], &sides[1]);
	ladder *ol = sides[0].l, *nl = sides[1].l;
	int st = cli_load_report(&sides[0]) == LADDERC_EXIT_OK ? 0 : LADDERC_EXIT_TROUBLE;
	if (st != 0 && git)
		git_note(path, old_path);
	int st2 = cli_load_report(&sides[1]) == LADDERC_EXIT_OK ? 0 : LADDERC_EXIT_TROUBLE;
	if (st2 != 0 && git)
		git_note(path, new_path);
	if (st != 0 || st2 != 0) {
		ladder_free(ol);
		ladder_free(nl);
		return LADDERC_EXIT_TROUBLE;
	}

	lc_diff *d = NULL;
	if (lc_diff_ladders(ol, nl, &d) < 0) {
		fprintf(stderr, "ladderc: error: out of memory while comparing '%s' and '%s'\n", old_path, new_path);
		ladder_free(ol);
		ladder_free(nl);
		return LADDERC_EXIT_TROUBLE;
	}
	st = filter_diff(d, &filter);
	if (st != LADDERC_EXIT_OK) {
		lc_diff_free(d);
		ladder_free(ol);
		ladder_free(nl);
		return st;
	}
	lc_diff_emit_options eo = {0, NULL, 0};
	/* under git, the pager reads our output through a pipe; git tells its
	 * children when a pager is in use */
	eo.color = cli_color_wanted(lo.color, STDOUT_FILENO);
	if (!eo.color && git && lo.color == CLI_COLOR_AUTO) {
		const char *pager = getenv("GIT_PAGER_IN_USE");
		const char *no = getenv("NO_COLOR");
		eo.color = pager && strcmp(pager, "true") == 0 && !(no && *no);
	}
	lc_buf title = LC_BUF_INIT;
	if (git) {
		if (format == LC_DIFF_TEXT)
			lc_buf_printf(&title, "diff --ladderc a/%s b/%s", path, path);
		else
			lc_buf_puts(&title, path);
		eo.title = title.data;
	}
	lc_buf out = LC_BUF_INIT;
	if (lc_diff_emit(d, format, &eo, &out) < 0 || lc_buf_failed(&title))
		out.failed = 1;
	st = cli_write_stdout(&out);
	size_t nchanges = d->nchanges;
	lc_buf_free(&out);
	lc_buf_free(&title);
	lc_diff_free(d);
	ladder_free(ol);
	ladder_free(nl);
	if (st != LADDERC_EXIT_OK)
		return st;
	/* as diff(1): 1 when the versions differ; git stops at a driver that
	 * exits non-zero, so in its mode differences are success */
	return (nchanges && !git) ? LADDERC_EXIT_INVALID : LADDERC_EXIT_OK;
}
