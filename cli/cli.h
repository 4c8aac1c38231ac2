/* The command line's shared pieces (cli/common.c), for the subcommands in cli/. */
#ifndef LADDERC_CLI_H
#define LADDERC_CLI_H

#include <getopt.h>
#include <stdarg.h>
#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/diff.h"
#include "ladderc/ladder.h"
#include "ladderc/load.h"

/* Exit codes, documented in ladderc(1). */
typedef enum ladderc_exit {
	LADDERC_EXIT_OK = 0,       /* success (diff: no differences) */
	LADDERC_EXIT_INVALID = 1,  /* the ladder is invalid (diff: differences found) */
	LADDERC_EXIT_TROUBLE = 2   /* usage error, unreadable file, failed write */
} ladderc_exit;

enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };

/* long-only option values */
enum { OPT_MAX_INPUT = 256, OPT_MAX_ERRORS, OPT_COLOR, OPT_FIRST_FREE = 300 };

#define CLI_LOAD_LONGOPTS \
	{"max-input", required_argument, NULL, OPT_MAX_INPUT}, \
	{"max-errors", required_argument, NULL, OPT_MAX_ERRORS}, \
	{"color", required_argument, NULL, OPT_COLOR}

typedef struct cli_load_opts {
	ladder_limits limits;
	size_t max_errors;
	int color;
} cli_load_opts;

int ladderc_main(int argc, char **argv);
/* The subcommands, one file each: cli/check.c, render.c, build.c, diff.c, init.c, import.c, schema.c, assess.c. */
int cli_check(int argc, char **argv);
int cli_render(int argc, char **argv);
int cli_build(int argc, char **argv);
int cli_diff(int argc, char **argv);
int cli_init(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_schema(int argc, char **argv);
int cli_assess(int argc, char **argv);
int cli_help(const char *command);
/* The synopsis of a subcommand (after "ladderc "), or NULL for no such command. */
const char *cli_command_usage(const char *command);
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns -1 to go on (with *result the option, or -1 at the end), or an exit status. */
int cli_getopt(const char *command, int argc, char **argv, const char *shortopts,
               const struct option *longopts, int *result);
void cli_load_opts_init(cli_load_opts *lo);
/* Handles a shared load option; returns 0 when handled, an exit status on a
 * bad value, -1 when `c` is not a load option. */
int cli_load_option(const char *command, int c, const char *arg, cli_load_opts *lo);
/* A ladder file argument of "-" is standard input, named CLI_STDIN_NAME in
 * messages. cli_load_path loads either kind without printing anything. */
#define CLI_STDIN_NAME "<stdin>"
ladder_status cli_load_path(const char *path, const ladder_limits *lim, lc_diags *d, ladder **out);
/* Standard input can be read once: a usage error (its exit status) when "-"
 * appears more than once in argv[first..argc), else 0. */
int cli_stdin_once(const char *cmd, int argc, char **argv, int first);
/* --since OLD (cli/since.c): the old version, its diff with the new one
 * (filtered to a view) and the marks of what changed. */
typedef struct cli_since {
	ladder *old;
	lc_diff *diff;
	lc_diff_marks *marks;
	lc_buf label;           /* how pages name the old version: its `updated`, else its file */
} cli_since;
/* Loads OLD ("-": standard input), compares new_l with it, keeps what the
 * filter f shows (NULL or empty: everything) and builds the marks. Returns
 * an exit status; on success *s holds them until cli_since_free. */
int cli_since_load(const char *cmd, const char *old_path, const cli_load_opts *lo, const ladder *new_l,
                   const lc_diff_filter_spec *f, cli_since *s);
void cli_since_free(cli_since *s);

/* Loads a ladder and prints its diagnostics; returns an exit status. */
int cli_load(const char *path, const cli_load_opts *lo, ladder **out);
/* cli_load in two halves, so that loading can run on another thread and the
 * diagnostics still come out in a fixed order: cli_load_quiet loads and
 * keeps the diagnostics, cli_load_report prints them and gives the status. */
typedef struct cli_loading {
	const char *path;
	const cli_load_opts *lo;
	ladder *l;
	ladder_status status;
	lc_diags diags;
} cli_loading;
void cli_load_quiet(cli_loading *ld);
int cli_load_report(cli_loading *ld);
void cli_print_diags(lc_diags *d, int color);
/* Writes all of p[0..n) to fd, again after EINTR. Returns 0, or -1 with errno set. */
int cli_write_all(int fd, const char *p, size_t n);
int cli_write_stdout(const lc_buf *b);
/* Flushes stdout (help, version): an exit status, a closed pipe ending quietly. */
int cli_flush_stdout(void);
/* Output too big to hold: cli_stream_stdout makes `b` pass its bytes to
 * standard output each time it holds a megabyte; cli_finish_stdout writes the
 * rest and reports as cli_write_stdout does (a closed pipe ends quietly). */
typedef struct cli_stdout {
	int fd;  /* where the bytes go */
	int err; /* errno of the failed write, or 0 */
} cli_stdout;
void cli_stream_stdout(lc_buf *b, cli_stdout *s);
/* The same to another file descriptor (a file being written whole). */
void cli_stream_fd(lc_buf *b, cli_stdout *s, int fd);
int cli_finish_stdout(lc_buf *b, cli_stdout *s);
/* Speed-only threads (cli/threads.c), off under lc_serial().
 * cli_run_pair runs fn(a) and fn(b): at once on two threads, or (serial, or
 * no thread to be had) a then b.
 * cli_share_items has two workers, a and b, take the items 0..n-1 in turn:
 * each takes the next one not yet taken and runs item(worker, k) on it, so a
 * worker's items run one at a time and in order of k. An item returning -1
 * stops both before they take another. Serial: a takes them all. */
void cli_run_pair(void (*fn)(void *), void *a, void *b);
void cli_share_items(size_t n, int (*item)(void *worker, size_t k), void *a, void *b);
int cli_color_wanted(int when, int fd);
int cli_parse_color(const char *arg, int *when);
int cli_parse_size(const char *s, size_t *out);

#endif
