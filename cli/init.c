/* ladderc init: writes a starter ladder (src/init.c) to DIR/ladder.yaml.
 *
 * It never overwrites a file. The ladder is written to a temporary file in
 * DIR, created exclusively, and then linked to ladder.yaml: link() fails when
 * the name exists, so a file created by someone else meanwhile is left alone
 * too, and nobody ever sees a half-written ladder.yaml. DIR is created when
 * it is missing (its parent must exist). */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ladderc/init.h"

#define INIT_FILE "ladder.yaml"

static int exists_error(const char *path)
{
	fprintf(stderr, "ladderc: error: '%s' already exists; ladderc init never overwrites a file\n", path);
	return LADDERC_EXIT_TROUBLE;
}

/* DIR exists as a directory afterwards, or an error was printed. */
static int ensure_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return LADDERC_EXIT_OK;
		fprintf(stderr, "ladderc: error: '%s' is not a directory\n", dir);
		return LADDERC_EXIT_TROUBLE;
	}
	if (errno == ENOENT && mkdir(dir, 0777) == 0)
		return LADDERC_EXIT_OK;
	fprintf(stderr, "ladderc: error: cannot create the directory '%s': %s\n", dir, strerror(errno));
	return LADDERC_EXIT_TROUBLE;
}

/* Writes text to `path` through an exclusive temporary file in the same
 * directory and link(): never over an existing file. */
static int write_new_file(const char *path, const char *tmpl_path, const lc_buf *text)
{
	char *tmp = strdup(tmpl_path);
	if (!tmp) {
		fputs("ladderc: error: out of memory\n", stderr);
		return LADDERC_EXIT_TROUBLE;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "ladderc: error: cannot write in the directory of '%s': %s\n", path, strerror(errno));
		free(tmp);
		return LADDERC_EXIT_TROUBLE;
	}
	/* mkstemp makes the file 0600; a ladder is shared like any source file */
	mode_t mask = umask(0);
	umask(mask);
	int err = 0;
	if (fchmod(fd, 0666 & ~mask) < 0 || cli_write_all(fd, text->data, text->len) < 0 || fsync(fd) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	int status = LADDERC_EXIT_OK;
	if (!err && link(tmp, path) < 0)
		err = errno;
	if (err == EEXIST) {
		status = exists_error(path);
	} else if (err) {
		fprintf(stderr, "ladderc: error: cannot write '%s': %s\n", path, strerror(err));
		status = LADDERC_EXIT_TROUBLE;
	}
	unlink(tmp);
	free(tmp);
	return status;
}

/* A path as one shell word, so the commands printed can be pasted. */
static void put_shell_word(lc_buf *out, const char *s)
{
	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./+-@%,") == strlen(s)) {
		lc_buf_puts(out, s);
		return;
	}
	lc_buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			lc_buf_puts(out, "'\\''");
		else
			lc_buf_putc(out, *s);
	}
	lc_buf_putc(out, '\'');
}

static int report(const char *path, const char *schema_path)
{
	lc_buf out = LC_BUF_INIT;
	lc_buf_puts(&out, "wrote ");
	lc_buf_puts(&out, path);
	lc_buf_puts(&out, "\nIts expectations are placeholders; this lists each one until it is rewritten:\n"
	                  "  ladderc check --strict ");
	put_shell_word(&out, path);
	lc_buf_puts(&out, "\nFor editor support, run 'ladderc schema > ");
	put_shell_word(&out, schema_path);
	lc_buf_puts(&out, "' (its first line points there).\n");
	int status = cli_write_stdout(&out);
	lc_buf_free(&out);
	return status;
}

/* DIR/name, or just name for the current directory by default. */
static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	int slash = n > 0 && dir[n - 1] != '/';
	char *p = malloc(n + (size_t)slash + strlen(name) + 1);
	if (p)
		sprintf(p, "%s%s%s", dir, slash ? "/" : "", name);
	return p;
}

int cli_init(int argc, char **argv)
{
	enum { OPT_TRACKS = OPT_FIRST_FREE, OPT_NAME };
	static const struct option longopts[] = {
		{"tracks", required_argument, NULL, OPT_TRACKS},
		{"name", required_argument, NULL, OPT_NAME},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	ladder_init_options o = {LADDER_INIT_SINGLE, NULL};
	int c;
	while (cli_getopt("init", argc, argv, "h", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("init");
		case OPT_TRACKS:
			if (ladder_init_parse_tracks(optarg, &o.tracks) < 0)
				return cli_usage_error("init", "unknown value '%s' for --tracks (known: single, dual)", optarg);
			break;
		case OPT_NAME:
			o.name = optarg;
			break;
		default:
			return LADDERC_EXIT_TROUBLE;
		}
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	if (argc - optind > 1)
		return cli_usage_error("init", "init takes one directory");
	const char *dir = optind < argc ? argv[optind] : NULL;
	if (dir && !*dir)
		return cli_usage_error("init", "the directory name is empty");

	lc_buf text = LC_BUF_INIT;
	int st = ladder_init_write(&text, &o);
	if (st == LADDER_INIT_BAD_NAME) {
		lc_buf_free(&text);
		return cli_usage_error("init", "--name must be one line of visible text (no control characters, "
		                               "line breaks or bidi controls)");
	}
	if (st != LADDER_INIT_OK) {
		lc_buf_free(&text);
		fputs("ladderc: error: out of memory\n", stderr);
		return LADDERC_EXIT_TROUBLE;
	}

	char *path = dir ? join(dir, INIT_FILE) : strdup(INIT_FILE);
	char *tmpl = dir ? join(dir, "." INIT_FILE ".XXXXXX") : strdup("." INIT_FILE ".XXXXXX");
	char *schema = dir ? join(dir, "ladder.schema.json") : strdup("ladder.schema.json");
	struct stat st_path;
	if (!path || !tmpl || !schema) {
		fputs("ladderc: error: out of memory\n", stderr);
		st = LADDERC_EXIT_TROUBLE;
	} else if (dir && (st = ensure_dir(dir)) != LADDERC_EXIT_OK) {
		/* reported */
	} else if (lstat(path, &st_path) == 0) {
		st = exists_error(path); /* a dangling symbolic link counts: writing through it would create a file elsewhere */
	} else if ((st = write_new_file(path, tmpl, &text)) == LADDERC_EXIT_OK) {
		st = report(path, schema);
	}
	free(path);
	free(tmpl);
	free(schema);
	lc_buf_free(&text);
	return st;
}
