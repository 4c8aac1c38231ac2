/* ladderc assess: people's ratings against a ladder (docs/assess.md). The
 * report goes to standard output, or with -o to a file written whole
 * (a temporary file renamed over it) and readable by its owner only:
 * ratings are personal data. Nothing is written when the input is invalid. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ladderc/assess.h"

enum { OPT_AS_OF = OPT_FIRST_FREE, OPT_PERSON, OPT_TEAM, OPT_ASPIRATIONAL, OPT_NOT_A_BAR };

static int parse_pct(const char *opt, const char *arg, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < 0 || v > 100)
		return cli_usage_error("assess", "%s needs a whole percentage from 0 to 100, not '%s'", opt, arg);
	*out = (int)v;
	return -1;
}

static lc_date today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	lc_date d = {1970, 1, 1};
	if (localtime_r(&now, &tm)) {
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
	}
	return d;
}

static int out_of_memory(void)
{
	fputs("ladderc: error: out of memory\n", stderr);
	return LADDERC_EXIT_TROUBLE;
}

/* Writes the report to `path` through a temporary file in its directory
 * (mode 0600) renamed over it, so a reader never sees half a report. */
static int write_file(const char *path, const lc_assessment *a, lc_assess_format f)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".XXXXXX");
	if (!tmp)
		return out_of_memory();
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", sizeof ".XXXXXX");
	int fd = mkstemp(tmp); /* 0600 */
	int err = fd < 0 ? errno : 0, nomem = 0;
	if (!err && fchmod(fd, 0600) < 0)
		err = errno;
	if (!err) { /* the report's bytes go to the file a megabyte at a time */
		lc_buf out = LC_BUF_INIT;
		cli_stdout s;
		cli_stream_fd(&out, &s, fd);
		lc_assess_emit(a, f, &out);
		if (!s.err && !lc_buf_failed(&out))
			(void)lc_buf_flush(&out);
		nomem = (lc_buf_failed(&out) || lc_assess_failed(a)) && !s.err;
		err = s.err;
		lc_buf_free(&out);
	}
	if (!err && !nomem && fsync(fd) < 0)
		err = errno;
	if (fd >= 0 && close(fd) < 0 && !err)
		err = errno;
	if (!err && !nomem && rename(tmp, path) < 0)
		err = errno;
	if ((err || nomem) && fd >= 0)
		unlink(tmp);
	if (err)
		fprintf(stderr, "ladderc: error: cannot write '%s': %s\n", path, strerror(err));
	free(tmp);
	if (nomem)
		return out_of_memory();
	return err ? LADDERC_EXIT_TROUBLE : LADDERC_EXIT_OK;
}

/* The report to standard output, as it is made: the ratings are all valid
 * by now, so the output cannot stop half-way for bad input. */
static int write_stdout(const lc_assessment *a, lc_assess_format f)
{
	lc_buf out = LC_BUF_INIT;
	cli_stdout so;
	cli_stream_stdout(&out, &so);
	lc_assess_emit(a, f, &out);
	int st = cli_finish_stdout(&out, &so);
	lc_buf_free(&out);
	return st == LADDERC_EXIT_OK && lc_assess_failed(a) ? out_of_memory() : st;
}

static int report(const ladder *l, const lc_ratings *r, const lc_assess_options *ao, lc_assess_format f,
                  const char *output)
{
	lc_assessment *a = NULL;
	int st = lc_assess(l, r, ao, &a);
	if (st == -1)
		return cli_usage_error("assess", "no person '%s' in the ratings file", ao->person);
	if (st < 0)
		return out_of_memory();
	st = output ? write_file(output, a, f) : write_stdout(a, f);
	lc_assessment_free(a);
	return st;
}

int cli_assess(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LOAD_LONGOPTS,
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"as-of", required_argument, NULL, OPT_AS_OF},
		{"person", required_argument, NULL, OPT_PERSON},
		{"team", no_argument, NULL, OPT_TEAM},
		{"aspirational", required_argument, NULL, OPT_ASPIRATIONAL},
		{"not-a-bar", required_argument, NULL, OPT_NOT_A_BAR},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	lc_assess_options ao;
	lc_assess_options_init(&ao);
	lc_assess_format f = LC_ASSESS_TEXT;
	const char *output = NULL;
	lc_date as_of = {0, 0, 0};
	int as_of_given = 0, st, c;
	while (cli_getopt("assess", argc, argv, "f:o:h", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("assess");
		case 'f':
			if (lc_assess_format_find(optarg, &f) < 0)
				return cli_usage_error("assess", "unknown format '%s' (known: text, markdown, html, csv, json)", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_AS_OF:
			if (lc_date_parse(optarg, strlen(optarg), &as_of) < 0)
				return cli_usage_error("assess", "--as-of needs a date written YYYY-MM-DD, not '%s'", optarg);
			as_of_given = 1;
			break;
		case OPT_PERSON:
			ao.person = optarg;
			break;
		case OPT_TEAM:
			ao.team = 1;
			break;
		case OPT_ASPIRATIONAL:
			if ((st = parse_pct("--aspirational", optarg, &ao.aspirational_pct)) >= 0)
				return st;
			break;
		case OPT_NOT_A_BAR:
			if ((st = parse_pct("--not-a-bar", optarg, &ao.not_a_bar_pct)) >= 0)
				return st;
			break;
		default:
			if (cli_load_option("assess", c, optarg, &lo) != 0)
				return LADDERC_EXIT_TROUBLE;
		}
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	if (ao.person && ao.team > 0)
		return cli_usage_error("assess", "--person shows one person's report: it takes no --team");
	if (argc - optind != 2)
		return cli_usage_error("assess", "assess takes a ladder file and a ratings file");
	if ((st = cli_stdin_once("assess", argc, argv, optind)) != 0)
		return st;
	if (strcmp(argv[optind + 1], "-") == 0)
		return cli_usage_error("assess", "the ratings file must be a file, not standard input");
	if (!as_of_given)
		as_of = today();

	ladder *l = NULL;
	st = cli_load(argv[optind], &lo, &l);
	if (st != LADDERC_EXIT_OK)
		return st;
	lc_diags d;
	lc_diags_init(&d);
	d.max_errors = lo.max_errors;
	lc_ratings *r = NULL;
	lc_ratings_status rs = lc_ratings_load_file(l, argv[optind + 1], as_of, as_of_given, &lo.limits, &d, &r);
	cli_print_diags(&d, cli_color_wanted(lo.color, STDERR_FILENO));
	lc_diags_free(&d);
	switch (rs) {
	case LC_RATINGS_OK:
		st = report(l, r, &ao, f, output);
		break;
	case LC_RATINGS_INVALID:
		st = LADDERC_EXIT_INVALID;
		break;
	case LC_RATINGS_NOMEM:
		fputs("ladderc: error: out of memory while reading the ratings\n", stderr);
		st = LADDERC_EXIT_TROUBLE;
		break;
	default:
		st = LADDERC_EXIT_TROUBLE;
	}
	lc_ratings_free(r);
	ladder_free(l);
	return st;
}
