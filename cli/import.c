/* ladderc import: a spreadsheet export or a wiki table (src/import.c) to a
 * ladder, on standard output or atomically to -o FILE: written to a
 * temporary file beside FILE and renamed over it, so FILE is either the old
 * file or the whole new ladder, and nothing is written when the import
 * fails. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ladderc/import.h"

/* The whole of f, at most max bytes: 0, -1 with errno (EFBIG: too large). */
static int read_limited(FILE *f, size_t max, lc_buf *out)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (out->len + n > max) {
			errno = EFBIG;
			return -1;
		}
		lc_buf_put(out, chunk, n);
		if (lc_buf_failed(out)) {
			errno = ENOMEM;
			return -1;
		}
	}
	return ferror(f) ? -1 : 0;
}

/* Reads the table: an exit status, after printing why it failed. */
static int read_input(const char *path, size_t max, lc_buf *out)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	int st = f ? read_limited(f, max, out) : -1;
	int e = errno;
	if (f && !is_stdin)
		fclose(f);
	if (st == 0)
		return LADDERC_EXIT_OK;
	const char *name = is_stdin ? CLI_STDIN_NAME : path;
	if (e == EFBIG) {
		fprintf(stderr, "%s: error: the input is larger than the limit of %zu bytes (see --max-input)\n", name, max);
		return LADDERC_EXIT_INVALID;
	}
	fprintf(stderr, "ladderc: error: cannot read '%s': %s\n", name, strerror(e));
	return LADDERC_EXIT_TROUBLE;
}

/* Replaces `path` with the text, through a temporary file in its directory. */
static int write_atomically(const char *path, const lc_buf *text)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	lc_buf tmp = LC_BUF_INIT;
	lc_buf_printf(&tmp, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	if (lc_buf_failed(&tmp)) {
		fputs("ladderc: error: out of memory\n", stderr);
		return LADDERC_EXIT_TROUBLE;
	}
	int fd = mkstemp(tmp.data);
	int err = fd < 0 ? errno : 0;
	if (fd >= 0) {
		/* mkstemp makes the file 0600; a ladder is shared like any source file */
		mode_t mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) < 0 || cli_write_all(fd, text->data, text->len) < 0 || fsync(fd) < 0)
			err = errno;
		if (close(fd) < 0 && !err)
			err = errno;
		if (!err && rename(tmp.data, path) < 0)
			err = errno;
		if (err)
			unlink(tmp.data);
	}
	lc_buf_free(&tmp);
	if (!err)
		return LADDERC_EXIT_OK;
	fprintf(stderr, "ladderc: error: cannot write '%s': %s\n", path, strerror(err));
	return LADDERC_EXIT_TROUBLE;
}

static int import_options(int argc, char **argv, lc_import_options *o, const char **output, const char **into,
                          cli_load_opts *lo, const char ***tracks)
{
	enum { OPT_FROM = OPT_FIRST_FREE, OPT_DELIMITER, OPT_TRACK, OPT_ROLE, OPT_RESTATED, OPT_INTO, OPT_FORCE };
	static const struct option longopts[] = {
		{"from", required_argument, NULL, OPT_FROM},
		{"delimiter", required_argument, NULL, OPT_DELIMITER},
		{"track", required_argument, NULL, OPT_TRACK},
		{"role", required_argument, NULL, OPT_ROLE},
		{"restated", no_argument, NULL, OPT_RESTATED},
		{"into", required_argument, NULL, OPT_INTO},
		{"force", no_argument, NULL, OPT_FORCE},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		CLI_LOAD_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	int c, st;
	while ((st = cli_getopt("import", argc, argv, "ho:", longopts, &c)) < 0 && c != -1) {
		const char *msg;
		switch (c) {
		case 'h':
			return cli_help("import");
		case 'o':
			if (!*optarg)
				return cli_usage_error("import", "the output file name is empty");
			*output = optarg;
			break;
		case OPT_FROM:
			if (lc_import_parse_format(optarg, &o->format) < 0)
				return cli_usage_error("import", "unknown value '%s' for --from (known: csv, tsv, markdown)", optarg);
			break;
		case OPT_DELIMITER:
			if (strcmp(optarg, ",") != 0 && strcmp(optarg, ";") != 0 && strcmp(optarg, "tab") != 0)
				return cli_usage_error("import", "--delimiter must be ',', ';' or 'tab', not '%s'", optarg);
			if (optarg[0] == 't')
				o->format = LC_IMPORT_TSV;
			else
				o->delimiter = optarg[0];
			break;
		case OPT_TRACK:
			if ((msg = lc_import_check_track(optarg)) != NULL)
				return cli_usage_error("import", "--track '%s': %s", optarg, msg);
			{
				const char **grown = realloc(*tracks, (o->ntracks + 1) * sizeof *grown);
				if (!grown) {
					fputs("ladderc: error: out of memory\n", stderr);
					return LADDERC_EXIT_TROUBLE;
				}
				grown[o->ntracks++] = optarg;
				*tracks = grown;
			}
			break;
		case OPT_ROLE:
			o->role = optarg;
			break;
		case OPT_RESTATED:
			o->restated = 1;
			break;
		case OPT_INTO:
			*into = optarg;
			break;
		case OPT_FORCE:
			o->force = 1;
			break;
		default:
			if ((st = cli_load_option("import", c, optarg, lo)) >= 0) {
				if (st)
					return st;
				break;
			}
			return LADDERC_EXIT_TROUBLE;
		}
	}
	if (st >= 0)
		return st;
	if (argc - optind != 1)
		return cli_usage_error("import", "import takes one file (or '-' for standard input)");
	if (*into && (o->ntracks || o->restated))
		return cli_usage_error("import", "--into takes the tracks and the expectations from the ladder: "
		                                 "leave out --track and --restated");
	if (o->force && !*into)
		return cli_usage_error("import", "--force goes with --into");
	if (*into && strcmp(*into, "-") == 0 && strcmp(argv[optind], "-") == 0)
		return cli_usage_error("import", "'-' (standard input) can be given only once");
	return -1;
}

int cli_import(int argc, char **argv)
{
	lc_import_options o;
	memset(&o, 0, sizeof o);
	const char *output = NULL, *into = NULL;
	const char **tracks = NULL;
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	int st = import_options(argc, argv, &o, &output, &into, &lo, &tracks);
	o.tracks = tracks;
	if (st >= 0) {
		free(tracks);
		return st;
	}
	const char *path = argv[optind];
	ladder *base = NULL;
	lc_import_report report;
	if (into) {
		st = cli_load(into, &lo, &base);
		if (st != LADDERC_EXIT_OK) {
			free(tracks);
			return st;
		}
		o.into = base;
		o.report = &report;
	}
	lc_buf data = LC_BUF_INIT, name = LC_BUF_INIT, out = LC_BUF_INIT;
	st = read_input(path, lo.limits.max_input, &data);
	if (st == LADDERC_EXIT_OK) {
		if (strcmp(path, "-") != 0)
			lc_import_name_from_path(path, &name);
		o.name = name.len && !lc_buf_failed(&name) ? name.data : NULL;
		lc_diags d;
		lc_diags_init(&d);
		d.max_errors = lo.max_errors;
		int r = lc_import(strcmp(path, "-") == 0 ? CLI_STDIN_NAME : path, data.data ? data.data : "", data.len,
		                  &o, &d, &out);
		cli_print_diags(&d, cli_color_wanted(lo.color, STDERR_FILENO));
		lc_diags_free(&d);
		if (r == LC_IMPORT_NOMEM) {
			fputs("ladderc: error: out of memory\n", stderr);
			st = LADDERC_EXIT_TROUBLE;
		} else if (r == LC_IMPORT_INVALID) {
			st = LADDERC_EXIT_INVALID;
		} else {
			st = output ? write_atomically(output, &out) : cli_write_stdout(&out);
			if (st == LADDERC_EXIT_OK && into)
				fprintf(stderr, "ladderc: import into '%s': texts %zu added, %zu changed, %zu unchanged%s\n", into,
				        report.added, report.changed, report.unchanged,
				        report.unplaced ? "; rows not placed are skipped (--force)" : "");
		}
	}
	lc_buf_free(&data);
	lc_buf_free(&name);
	lc_buf_free(&out);
	free(tracks);
	ladder_free(base);
	return st;
}
