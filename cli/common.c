/* The command line's shared pieces: writing to standard output, usage
 * errors, option parsing and loading a ladder with its diagnostics printed.
 * Only the command line touches argv, stdout and stderr. */
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

/* ---- output -------------------------------------------------------------- */

int cli_write_all(int fd, const char *p, size_t n)
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
	if (b->len && cli_write_all(STDOUT_FILENO, b->data, b->len) < 0)
		return stdout_status(errno, 0);
	return LADDERC_EXIT_OK;
}

static int stdout_sink(void *ctx, const char *p, size_t n)
{
	cli_stdout *s = ctx;
	if (cli_write_all(s->fd, p, n) < 0) {
		s->err = errno;
		return -1;
	}
	return 0;
}

void cli_stream_stdout(lc_buf *b, cli_stdout *s)
{
	cli_stream_fd(b, s, STDOUT_FILENO);
}

void cli_stream_fd(lc_buf *b, cli_stdout *s, int fd)
{
	s->fd = fd;
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
int cli_flush_stdout(void)
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
		(void)cli_write_all(STDERR_FILENO, out.data, out.len);
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
	const char *usage = cmd ? cli_command_usage(cmd) : NULL;
	if (usage) {
		fprintf(stderr, "usage: ladderc %s\n", usage);
		fprintf(stderr, "Try 'ladderc help %s' for more.\n", cmd);
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
