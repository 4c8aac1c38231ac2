/* The command line: the only code that touches argv, stdout and stderr.
 * Subcommands are a table of {name, function}; each parses its own options
 * with getopt_long. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ladderc/diag_output.h"
#include "ladderc/emit.h"
#include "ladderc/lint.h"
#include "ladderc/load.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;   /* the synopsis after "ladderc " */
	const char *summary;
	const char *help;    /* options, one per line */
	const char *exits;   /* the exit statuses, when they differ from check's */
} command;

static const command *find_command(const char *name);

/* ---- output -------------------------------------------------------------- */

/* Writes all of buf to fd. Returns 0, or -1 with errno set. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The exit status of output to stdout, given the errno of a failed write
 * (or 0) and whether the output ran out of memory. */
static int stdout_status(int err, int nomem)
{
	if (err == EPIPE)
		return LADDERC_EXIT_OK; /* the reader has gone (| head): nothing more to say */
	if (err) {
		fprintf(stderr, "ladderc: error: cannot write to standard output: %s\n", strerror(err));
		return LADDERC_EXIT_TROUBLE;
	}
	if (nomem) {
		fprintf(stderr, "ladderc: error: out of memory\n");
		return LADDERC_EXIT_TROUBLE;
	}
	return LADDERC_EXIT_OK;
}

int cli_write_stdout(const lc_buf *b)
{
	if (lc_buf_failed(b))
		return stdout_status(0, 1);
	if (b->len && write_all(STDOUT_FILENO, b->data, b->len) < 0)
		return stdout_status(errno, 0);
	return LADDERC_EXIT_OK;
}

static int stdout_sink(void *ctx, const char *p, size_t n)
{
	cli_stdout *s = ctx;
	if (write_all(STDOUT_FILENO, p, n) < 0) {
		s->err = errno;
		return -1;
	}
	return 0;
}

void cli_stream_stdout(lc_buf *b, cli_stdout *s)
{
	s->err = 0;
	lc_buf_set_sink(b, stdout_sink, s, (size_t)1 << 20);
}

int cli_finish_stdout(lc_buf *b, cli_stdout *s)
{
	if (!s->err && !lc_buf_failed(b))
		(void)lc_buf_flush(b);
	return stdout_status(s->err, lc_buf_failed(b));
}

/* For the few messages written with stdio (help, version): the same checks
 * and the same quiet end on a closed pipe as cli_write_stdout. */
static int cli_flush_stdout(void)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return LADDERC_EXIT_OK;
	if (errno == EPIPE)
		return LADDERC_EXIT_OK;
	fprintf(stderr, "ladderc: error: cannot write to standard output: %s\n",
	        errno ? strerror(errno) : "write error");
	return LADDERC_EXIT_TROUBLE;
}

int cli_color_wanted(int when, int fd)
{
	if (when == CLI_COLOR_ALWAYS)
		return 1;
	if (when == CLI_COLOR_NEVER)
		return 0;
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return 0;
	const char *term = getenv("TERM");
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}

int cli_parse_color(const char *arg, int *when)
{
	if (!arg || strcmp(arg, "auto") == 0)
		*when = CLI_COLOR_AUTO;
	else if (strcmp(arg, "always") == 0)
		*when = CLI_COLOR_ALWAYS;
	else if (strcmp(arg, "never") == 0)
		*when = CLI_COLOR_NEVER;
	else
		return -1;
	return 0;
}

void cli_print_diags(lc_diags *d, int color)
{
	lc_diags_sort(d);
	lc_buf out = LC_BUF_INIT;
	for (size_t i = 0; i < d->count; i++)
		lc_diag_format(&out, &d->items[i], color);
	if (d->truncated)
		lc_buf_printf(&out, "ladderc: note: %zu more errors not shown (the limit is %zu; see --max-errors)\n",
		              d->errors - (d->max_errors ? d->max_errors : 100),
		              d->max_errors ? d->max_errors : (size_t)100);
	if (d->oom)
		lc_buf_puts(&out, "ladderc: error: out of memory while reporting errors\n");
	if (out.len)
		(void)write_all(STDERR_FILENO, out.data, out.len);
	lc_buf_free(&out);
}

/* ---- usage --------------------------------------------------------------- */

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ladderc: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	const command *c = cmd ? find_command(cmd) : NULL;
	if (c) {
		fprintf(stderr, "usage: ladderc %s\n", c->usage);
		fprintf(stderr, "Try 'ladderc help %s' for more.\n", c->name);
	} else {
		fprintf(stderr, "Try 'ladderc --help' for more.\n");
	}
	return LADDERC_EXIT_TROUBLE;
}

/* getopt_long with our own messages: one line naming the problem, then usage. */
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts, const struct option *longopts,
               int *result)
{
	opterr = 0;
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	*result = c;
	if (c == '?') {
		if (optopt) {
			const struct option *o = longopts;
			while (o && o->name && o->val != optopt)
				o++;
			if (o && o->name && o->has_arg == required_argument && strchr(shortopts, optopt))
				return cli_usage_error(cmd, "option '-%c' needs a value", optopt);
			if (strchr(shortopts, optopt))
				return cli_usage_error(cmd, "option '-%c' needs a value", optopt);
			return cli_usage_error(cmd, "unknown option '-%c'", optopt);
		}
		const char *arg = argv[optind - 1];
		for (const struct option *o = longopts; o && o->name; o++) {
			size_t n = strlen(o->name);
			if (strncmp(arg, "--", 2) == 0 && strncmp(arg + 2, o->name, n) == 0 &&
			    (arg[2 + n] == '\0' || arg[2 + n] == '=')) {
				if (o->has_arg == required_argument)
					return cli_usage_error(cmd, "option '--%s' needs a value", o->name);
				return cli_usage_error(cmd, "option '--%s' takes no value", o->name);
			}
		}
		return cli_usage_error(cmd, "unknown option '%s'", arg);
	}
	if (c == ':')
		return cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
	return -1;
}

/* Parses a size such as 1048576, 512K, 64M or 1G. */
int cli_parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || s[0] == '-')
		return -1;
	unsigned shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end || v > (SIZE_MAX >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

/* Options shared by every command that loads ladders. */
int cli_load_option(const char *cmd, int c, const char *arg, cli_load_opts *lo)
{
	size_t v;
	switch (c) {
	case OPT_MAX_INPUT:
		if (cli_parse_size(arg, &v) < 0 || v == 0)
			return cli_usage_error(cmd, "--max-input needs a size such as 64M, not '%s'", arg);
		lo->limits.max_input = v;
		return 0;
	case OPT_MAX_ERRORS:
		if (cli_parse_size(arg, &v) < 0 || v == 0)
			return cli_usage_error(cmd, "--max-errors needs a positive number, not '%s'", arg);
		lo->max_errors = v;
		return 0;
	case OPT_COLOR:
		if (cli_parse_color(arg, &lo->color) < 0)
			return cli_usage_error(cmd, "--color must be auto, always or never, not '%s'", arg);
		return 0;
	default:
		return -1;
	}
}

void cli_load_opts_init(cli_load_opts *lo)
{
	memset(lo, 0, sizeof *lo);
	ladder_limits_default(&lo->limits);
	lo->color = CLI_COLOR_AUTO;
}

ladder_status cli_load_path(const char *path, const ladder_limits *lim, lc_diags *d, ladder **out)
{
	if (strcmp(path, "-") == 0)
		return ladder_load_stream(CLI_STDIN_NAME, stdin, lim, d, out);
	return ladder_load_file(path, lim, d, out);
}

int cli_stdin_once(const char *cmd, int argc, char **argv, int first)
{
	int seen = 0;
	for (int i = first; i < argc; i++)
		if ((strcmp(argv[i], "-") == 0 || strcmp(argv[i], "/dev/stdin") == 0) && seen++)
			return cli_usage_error(cmd, "'-' (standard input) can be given only once");
	return 0;
}

/* Loads one ladder and keeps its diagnostics (cli_load_report prints them). */
void cli_load_quiet(cli_loading *ld)
{
	lc_diags_init(&ld->diags);
	ld->diags.max_errors = ld->lo->max_errors;
	ld->l = NULL;
	ld->status = cli_load_path(ld->path, &ld->lo->limits, &ld->diags, &ld->l);
}

int cli_load_report(cli_loading *ld)
{
	cli_print_diags(&ld->diags, cli_color_wanted(ld->lo->color, STDERR_FILENO));
	lc_diags_free(&ld->diags);
	switch (ld->status) {
	case LADDER_OK: return LADDERC_EXIT_OK;
	case LADDER_INVALID: return LADDERC_EXIT_INVALID;
	case LADDER_NOMEM:
		fprintf(stderr, "ladderc: error: out of memory while loading '%s'\n", ld->path);
		return LADDERC_EXIT_TROUBLE;
	default: return LADDERC_EXIT_TROUBLE;
	}
}

int cli_load(const char *path, const cli_load_opts *lo, ladder **out)
{
	cli_loading ld = {path, lo, NULL, LADDER_OK, {0}};
	cli_load_quiet(&ld);
	*out = ld.l;
	return cli_load_report(&ld);
}

/* ---- check --------------------------------------------------------------- */

/* check [--strict] [-W RULE | -W no-RULE]... [-f FORMAT] FILE...: loads every
 * file, lints the ones that load, and reports both through one format. Text
 * goes to standard error as the file is checked; github lines to standard
 * output as the file is checked; json and sarif as one document at the end. */
static int cmd_check(int argc, char **argv)
{
	enum { OPT_STRICT = OPT_FIRST_FREE };
	static const struct option longopts[] = {
		CLI_LOAD_LONGOPTS,
		{"format", required_argument, NULL, 'f'},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	lint_options lint;
	lint_options_init(&lint);
	lc_diag_output format = LC_OUTPUT_TEXT;
	int strict = 0;
	int c;
	while (cli_getopt("check", argc, argv, "f:hW:", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("check");
		case 'f':
			if (lc_diag_output_parse(optarg, &format) < 0)
				return cli_usage_error("check", "unknown format '%s' (known: text, json, github, sarif)",
				                       optarg);
			break;
		case 'W':
			if (lint_options_set(&lint, optarg) < 0) {
				const char *name = strncmp(optarg, "no-", 3) == 0 ? optarg + 3 : optarg;
				const char *near = lint_suggest_rule(name, strlen(name));
				if (near)
					return cli_usage_error("check", "unknown lint rule '%s' in -W; did you mean '%s'?",
					                       name, near);
				return cli_usage_error("check", "unknown lint rule '%s' in -W (see docs/rules.md)", name);
			}
			break;
		case OPT_STRICT:
			strict = 1;
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
		if (ls == LADDER_OK && lint_ladder(l, &lint, d) < 0) {
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
			lc_diags_write_text(&out, d, color);
			if (out.len)
				fwrite(out.data, 1, out.len, stderr);
		} else if (format == LC_OUTPUT_GITHUB) {
			lc_diags_write_github(&out, d);
			int wst = cli_write_stdout(&out);
			if (wst > status)
				status = wst;
		}
		lc_buf_free(&out);
	}
	if (format == LC_OUTPUT_JSON || format == LC_OUTPUT_SARIF) {
		lc_buf out = LC_BUF_INIT;
		if (format == LC_OUTPUT_JSON)
			lc_diags_write_json(&out, sets, nfiles);
		else
			lc_diags_write_sarif(&out, sets, nfiles, LADDERC_VERSION);
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

/* ---- help and version ---------------------------------------------------- */

static int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("help", "help takes one command name");
	if (argc == 2)
		return cli_help(argv[1]);
	return cli_help(NULL);
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("ladderc %s (ladder format 1)\n", LADDERC_VERSION);
	return cli_flush_stdout();
}

#define LOAD_HELP \
	"      --max-input=SIZE   refuse files larger than SIZE (default 256M)\n" \
	"      --max-errors=N     stop reporting after N errors (default 100)\n" \
	"      --color=WHEN       colour diagnostics: auto, always or never\n"

static const command commands[] = {
	{"check", cmd_check, "check [--strict] [-W [no-]RULE]... [-f FORMAT] [OPTIONS] FILE...",
	 "load, validate and lint ladders; report errors and framework warnings",
	 "  -f, --format=FORMAT    text (default, on standard error), json, github or sarif\n"
	 "      --strict           exit 1 on warnings too\n"
	 "  -W RULE, -W no-RULE    switch a lint rule on or off (rules: docs/rules.md)\n" LOAD_HELP, NULL},
	{"render", cli_render, "render -f FORMAT [OPTIONS] FILE", "write a ladder to standard output",
	 "  -f, --format=FORMAT    markdown, html, csv, text or json\n"
	 "      --role=ID          one role (default: every role)\n"
	 "      --track=ID         the matrix of one track (default: every track that ends a chain)\n"
	 "      --level=ID         everything expected at one level, cumulatively\n"
	 "      --next             with --level: what the next level(s) add\n"
	 "      --overview         intro, tracks, titles, promotion criteria and paths only\n"
	 "      --layout=LAYOUT    csv: long (default, one row per cell) or matrix (wide)\n"
	 "      --bom              csv: start with a UTF-8 byte order mark, for Excel\n"
	 "      --width=N          text: wrap at N columns (default: the terminal's, else 80)\n"
	 "      --sheet            html, with --level: a self-review sheet with an evidence column\n" LOAD_HELP, NULL},
	{"diff", cli_diff, "diff [-f FORMAT] [--color=WHEN] [OPTIONS] OLD NEW", "compare two versions of a ladder (exit 1 when they differ)",
	 "  -f, --format=FORMAT    text (default), markdown, html or json\n" LOAD_HELP
	 "  (with git's 7 diff-driver arguments it exits 0 after printing; see docs/diff.md)\n",
	 "0 no differences, 1 differences, 2 unreadable or invalid input"},
	{"build", cli_build, "build [-o DIR] [-f LIST] [OPTIONS] FILE...", "write the site: HTML, Markdown, CSV and JSON",
	 "  -o, --output=DIR       the directory to replace (default out); with several FILEs, DIR/ID/ each\n"
	 "  -f, --formats=LIST     comma-separated subset of html,markdown,csv,json (default: all)\n" LOAD_HELP, NULL},
	{"help", cmd_help, "help [COMMAND]", "show help for ladderc or one command", "", NULL},
	{"version", cmd_version, "version", "print the version", "", NULL},
};

static const command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int cli_help(const char *name)
{
	if (name) {
		const command *c = find_command(name);
		if (!c)
			return cli_usage_error(NULL, "no such command '%s'", name);
		printf("usage: ladderc %s\n\n%s.\n", c->usage, c->summary);
		if (c->help[0])
			printf("\nOptions:\n%s", c->help);
		printf("\nExit status: %s.\nSee ladderc(1) for details.\n",
		       c->exits ? c->exits : "0 success, 1 invalid ladder, 2 usage error or unreadable file");
		return cli_flush_stdout();
	}
	printf("usage: ladderc COMMAND [OPTIONS] [FILE...]\n\n"
	       "ladderc compiles a career ladder written in YAML: it checks it and renders it.\n\n"
	       "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n  -h, --help     show this help\n  -V, --version  print the version\n\n"
	       "Run 'ladderc help COMMAND' for a command's options. See ladderc(1).\n");
	return cli_flush_stdout();
}

int ladderc_main(int argc, char **argv)
{
	if (argc < 2) {
		cli_help(NULL);
		return LADDERC_EXIT_TROUBLE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		return cli_help(NULL);
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		return cmd_version(0, NULL);
	const command *c = find_command(name);
	if (!c) {
		if (name[0] == '-')
			return cli_usage_error(NULL, "unknown option '%s'", name);
		return cli_usage_error(NULL, "unknown command '%s'", name);
	}
	optind = 1;
	return c->run(argc - 1, argv + 1);
}
