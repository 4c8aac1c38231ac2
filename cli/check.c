/* ladderc check: load, validate and lint ladders, and report both through
 * one diagnostics format. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ladderc/diag_output.h"
#include "ladderc/lint.h"
#include "ladderc/load.h"

/* check [--strict] [-W RULE | -W no-RULE]... [-f FORMAT] [--max-warnings N]
 * FILE...: loads every file, lints the ones that load, and reports both
 * through one format. Text goes to standard error as the file is checked and
 * ends with the counts per rule; github lines to standard output as the file
 * is checked; json, sarif and codeclimate as one document at the end. The
 * formats people read print at most N warnings in the run (0: all); the
 * documents for machines hold every finding. */
int cli_check(int argc, char **argv)
{
	enum { OPT_STRICT = OPT_FIRST_FREE, OPT_MAX_WARNINGS };
	static const struct option longopts[] = {
		CLI_LOAD_LONGOPTS,
		{"format", required_argument, NULL, 'f'},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"max-warnings", required_argument, NULL, OPT_MAX_WARNINGS},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	lc_lint_options lint;
	lc_lint_options_init(&lint);
	lc_diag_output format = LC_OUTPUT_TEXT;
	int strict = 0;
	lc_warning_cap cap = {LC_DEFAULT_MAX_WARNINGS, 0, 0};
	int c;
	while (cli_getopt("check", argc, argv, "f:hW:", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("check");
		case 'f':
			if (lc_diag_output_parse(optarg, &format) < 0)
				return cli_usage_error("check", "unknown format '%s' (known: text, json, github, sarif, codeclimate)",
				                       optarg);
			break;
		case 'W':
			if (lc_lint_options_set(&lint, optarg) < 0) {
				const char *name = strncmp(optarg, "no-", 3) == 0 ? optarg + 3 : optarg;
				const char *near = lc_lint_suggest_rule(name, strlen(name));
				if (near)
					return cli_usage_error("check", "unknown lint rule '%s' in -W; did you mean '%s'?",
					                       name, near);
				return cli_usage_error("check", "unknown lint rule '%s' in -W (see docs/rules.md)", name);
			}
			break;
		case OPT_STRICT:
			strict = 1;
			break;
		case OPT_MAX_WARNINGS:
			if (cli_parse_size(optarg, &cap.max) < 0)
				return cli_usage_error("check", "--max-warnings needs a number (0: no limit), not '%s'", optarg);
			break;
		default:
			if (cli_load_option("check", c, optarg, &lo) != 0)
				return LADDERC_EXIT_TROUBLE;
		}
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	if (optind >= argc)
		return cli_usage_error("check", "no ladder file given");
	int once = cli_stdin_once("check", argc, argv, optind);
	if (once)
		return once;

	size_t nfiles = (size_t)(argc - optind);
	lc_diags *sets = calloc(nfiles, sizeof *sets);
	if (!sets) {
		fputs("ladderc: error: out of memory\n", stderr);
		return LADDERC_EXIT_TROUBLE;
	}
	int color = cli_color_wanted(lo.color, STDERR_FILENO);
	int status = LADDERC_EXIT_OK;
	for (size_t f = 0; f < nfiles; f++) {
		const char *path = argv[optind + (int)f];
		lc_diags *d = &sets[f];
		lc_diags_init(d);
		d->max_errors = lo.max_errors;
		ladder *l = NULL;
		ladder_status ls = cli_load_path(path, &lo.limits, d, &l);
		int st = LADDERC_EXIT_OK;
		if (ls == LADDER_OK && lc_lint_ladder(l, &lint, d) < 0) {
			fprintf(stderr, "ladderc: error: out of memory while checking '%s'\n", path);
			st = LADDERC_EXIT_TROUBLE;
		}
		ladder_free(l);
		if (ls == LADDER_NOMEM) {
			fprintf(stderr, "ladderc: error: out of memory while loading '%s'\n", path);
			st = LADDERC_EXIT_TROUBLE;
		} else if (ls != LADDER_OK && ls != LADDER_INVALID) {
			st = LADDERC_EXIT_TROUBLE;
		} else if (d->errors > 0 || (strict && d->warnings > 0)) {
			st = st > LADDERC_EXIT_INVALID ? st : LADDERC_EXIT_INVALID;
		}
		if (st > status)
			status = st;
		lc_diags_sort(d);
		lc_buf out = LC_BUF_INIT;
		if (format == LC_OUTPUT_TEXT) {
			lc_diags_write_text_capped(&out, d, color, &cap);
			if (out.len)
				fwrite(out.data, 1, out.len, stderr);
		} else if (format == LC_OUTPUT_GITHUB) {
			lc_diags_write_github_capped(&out, d, &cap);
			int wst = cli_write_stdout(&out);
			if (wst > status)
				status = wst;
		}
		lc_buf_free(&out);
	}
	if (format == LC_OUTPUT_TEXT || format == LC_OUTPUT_GITHUB) {
		lc_buf out = LC_BUF_INIT;
		if (format == LC_OUTPUT_TEXT) {
			lc_diags_write_summary(&out, sets, nfiles, &cap);
			if (out.len)
				fwrite(out.data, 1, out.len, stderr);
		} else {
			lc_diags_write_github_hidden(&out, &cap);
			int wst = cli_write_stdout(&out);
			if (wst > status)
				status = wst;
		}
		lc_buf_free(&out);
	}
	if (format == LC_OUTPUT_JSON || format == LC_OUTPUT_SARIF || format == LC_OUTPUT_CODECLIMATE) {
		lc_buf out = LC_BUF_INIT;
		if (format == LC_OUTPUT_JSON)
			lc_diags_write_json(&out, sets, nfiles);
		else if (format == LC_OUTPUT_SARIF)
			lc_diags_write_sarif(&out, sets, nfiles, LADDERC_VERSION);
		else
			lc_diags_write_codeclimate(&out, sets, (const char *const *)(argv + optind), nfiles);
		int wst = cli_write_stdout(&out);
		if (wst > status)
			status = wst;
		lc_buf_free(&out);
	}
	for (size_t f = 0; f < nfiles; f++)
		lc_diags_free(&sets[f]);
	free(sets);
	return status;
}
