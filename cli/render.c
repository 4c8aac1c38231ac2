/* ladderc render: one view of one ladder, in one format, to standard output. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ladderc/emit.h"

enum { RENDER_THREADS_MIN_BYTES = 1 << 20 }; /* below it a thread costs more than it saves */

enum {
	OPT_ROLE = OPT_FIRST_FREE,
	OPT_TRACK,
	OPT_LEVEL,
	OPT_NEXT,
	OPT_OVERVIEW,
	OPT_LAYOUT,
	OPT_BOM,
	OPT_WIDTH,
	OPT_SHEET,
	OPT_SINCE
};

enum { WIDTH_MIN = 20, WIDTH_MAX = 1000 };

/* The terminal's width when stdout is one, else 80. */
static unsigned output_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= WIDTH_MIN)
		return ws.ws_col > WIDTH_MAX ? WIDTH_MAX : ws.ws_col;
	return 80;
}

/* Usage error for an id that is not in the ladder: names it and lists the
 * valid ones. */
static int bad_id(const char *what, const char *id, const ladder_role *r, lc_buf *valid)
{
	int st = r ? cli_usage_error("render", "role '%.*s' has no %s '%s' (valid: %s)", (int)r->id.len, r->id.s, what, id,
	                             valid->data && valid->len ? valid->data : "none")
	           : cli_usage_error("render", "no %s '%s' in the ladder (valid: %s)", what, id,
	                             valid->data && valid->len ? valid->data : "none");
	lc_buf_free(valid);
	return st;
}

/* Resolves --role, --track and --level into the view. Returns -1 when all is
 * well, else the exit status (after a usage error naming the id). */
static int resolve(const ladder *l, const char *role, const char *track, const char *level,
                   ladder_view *v)
{
	lc_buf valid = LC_BUF_INIT;
	if (role) {
		v->role = ladder_find_role(l, role);
		if (!v->role) {
			for (size_t i = 0; i < l->nroles; i++) {
				lc_buf_puts(&valid, i ? ", " : "");
				lc_buf_put(&valid, l->roles[i]->id.s, l->roles[i]->id.len);
			}
			return bad_id("role", role, NULL, &valid);
		}
	}
	if (track) {
		v->track = ladder_find_track(l, track);
		int taken = v->track != NULL;
		if (v->track && v->role) {
			taken = 0;
			for (size_t i = 0; i < v->role->ntracks; i++)
				taken |= v->role->tracks[i] == v->track;
		}
		if (!taken) {
			if (v->role) {
				for (size_t i = 0; i < v->role->ntracks; i++) {
					lc_buf_puts(&valid, i ? ", " : "");
					lc_buf_put(&valid, v->role->tracks[i]->id.s, v->role->tracks[i]->id.len);
				}
				return bad_id("track", track, v->role, &valid);
			}
			for (size_t i = 0; i < l->ntracks; i++) {
				lc_buf_puts(&valid, i ? ", " : "");
				lc_buf_put(&valid, l->tracks[i]->id.s, l->tracks[i]->id.len);
			}
			return bad_id("track", track, NULL, &valid);
		}
	}
	if (level) {
		v->level = ladder_find_level(l, level);
		if (!v->level || (v->role && !ladder_role_has_level(v->role, v->level))) {
			size_t n = 0;
			for (size_t i = 0; i < l->nlevels; i++) {
				if (v->role && !ladder_role_has_level(v->role, l->levels[i]))
					continue;
				lc_buf_puts(&valid, n++ ? ", " : "");
				lc_buf_put(&valid, l->levels[i]->id.s, l->levels[i]->id.len);
			}
			return bad_id("level", level, v->role, &valid);
		}
	}
	lc_buf_free(&valid);
	return -1;
}

int cli_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LOAD_LONGOPTS,
		{"format", required_argument, NULL, 'f'},
		{"role", required_argument, NULL, OPT_ROLE},
		{"track", required_argument, NULL, OPT_TRACK},
		{"level", required_argument, NULL, OPT_LEVEL},
		{"next", no_argument, NULL, OPT_NEXT},
		{"overview", no_argument, NULL, OPT_OVERVIEW},
		{"layout", required_argument, NULL, OPT_LAYOUT},
		{"bom", no_argument, NULL, OPT_BOM},
		{"width", required_argument, NULL, OPT_WIDTH},
		{"sheet", no_argument, NULL, OPT_SHEET},
		{"since", required_argument, NULL, OPT_SINCE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cli_load_opts lo;
	cli_load_opts_init(&lo);
	const char *format = NULL, *role = NULL, *track = NULL, *level = NULL, *layout = NULL, *since = NULL;
	int next = 0, overview = 0, width_given = 0;
	ladder_emit_options eo = {0, 0, 0, 0, NULL, 0, NULL};
	int c;
	while (cli_getopt("render", argc, argv, "f:h", longopts, &c) < 0 && c != -1) {
		switch (c) {
		case 'h':
			return cli_help("render");
		case 'f':
			format = optarg;
			break;
		case OPT_ROLE:
			role = optarg;
			break;
		case OPT_TRACK:
			track = optarg;
			break;
		case OPT_LEVEL:
			level = optarg;
			break;
		case OPT_NEXT:
			next = 1;
			break;
		case OPT_OVERVIEW:
			overview = 1;
			break;
		case OPT_LAYOUT:
			layout = optarg;
			break;
		case OPT_SHEET:
			eo.html_sheet = 1;
			break;
		case OPT_SINCE:
			since = optarg;
			break;
		case OPT_BOM:
			eo.csv_bom = 1;
			break;
		case OPT_WIDTH: {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (end == optarg || *end || w < WIDTH_MIN || w > WIDTH_MAX)
				return cli_usage_error("render", "--width needs a number from %d to %d, not '%s'",
				                       WIDTH_MIN, WIDTH_MAX, optarg);
			eo.width = (unsigned)w;
			width_given = 1;
			break;
		}
		default:
			if (cli_load_option("render", c, optarg, &lo) != 0)
				return LADDERC_EXIT_TROUBLE;
		}
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	if (!format)
		return cli_usage_error("render", "no format given (-f markdown, html, csv, text or json)");
	const ladder_format_info *fi = ladder_format_find(format);
	if (!fi)
		return cli_usage_error("render", "unknown format '%s' (known: markdown, html, csv, text, json)",
		                       format);
	ladder_format f = fi->format;
	if (layout) {
		if (strcmp(layout, "matrix") == 0)
			eo.csv_matrix = 1;
		else if (strcmp(layout, "long") != 0)
			return cli_usage_error("render", "--layout must be long or matrix, not '%s'", layout);
	}
	if ((layout || eo.csv_bom) && f != LADDER_FORMAT_CSV)
		return cli_usage_error("render", "--layout and --bom apply to -f csv only");
	if (width_given && f != LADDER_FORMAT_TEXT)
		return cli_usage_error("render", "--width applies to -f text only");
	if (eo.html_sheet && (f != LADDER_FORMAT_HTML || !level || next))
		return cli_usage_error("render", "--sheet (a self-review sheet) needs -f html and --level, without --next");
	if (next && !level)
		return cli_usage_error("render", "--next needs --level (the level to go on from)");
	if (overview && (role || track || level))
		return cli_usage_error("render", "--overview shows the whole ladder: it takes no --role, --track or --level");
	if (since && (!level || next))
		return cli_usage_error("render", "--since marks what changed in a level view: it needs --level, without --next");
	if (track && level)
		return cli_usage_error("render", "--track selects matrices; a --level belongs to one track already");
	if (optind >= argc)
		return cli_usage_error("render", "no ladder file given");
	if (argc - optind > 1)
		return cli_usage_error("render", "render takes one ladder file, not %d", argc - optind);
	if (since && (strcmp(since, "-") == 0 || strcmp(since, "/dev/stdin") == 0) &&
	    (strcmp(argv[optind], "-") == 0 || strcmp(argv[optind], "/dev/stdin") == 0))
		return cli_usage_error("render", "'-' (standard input) can be given only once");
	if (!width_given)
		eo.width = output_width();

	ladder *l = NULL;
	int st = cli_load(argv[optind], &lo, &l);
	if (st != LADDERC_EXIT_OK)
		return st;
	ladder_view v = {LADDER_VIEW_LADDER, NULL, NULL, NULL};
	st = resolve(l, role, track, level, &v);
	if (st >= 0) {
		ladder_free(l);
		return st;
	}
	cli_since changes = {NULL, NULL, NULL, LC_BUF_INIT};
	if (since) { /* marks against the old version, filtered to this view */
		lc_diff_filter_spec view = {role, NULL, level};
		st = cli_since_load("render", since, &lo, l, &view, &changes);
		if (st != LADDERC_EXIT_OK) {
			ladder_free(l);
			return st;
		}
		eo.changed = changes.marks;
	}
	if (overview)
		v.kind = LADDER_VIEW_OVERVIEW;
	else if (level)
		v.kind = next ? LADDER_VIEW_NEXT : LADDER_VIEW_LEVEL;
	else if (role || track)
		v.kind = LADDER_VIEW_MATRIX;
	/* a big ladder's HTML page renders half its roles on the second core */
	size_t bytes = 0;
	for (size_t i = 0; i < l->nsources; i++)
		bytes += l->sources[i]->len;
	eo.threads = bytes >= RENDER_THREADS_MIN_BYTES ? 2 : 1;
	/* the page goes out a megabyte at a time: a 50 MB ladder renders to
	 * 130 MB of HTML, which need not all be in memory at once */
	lc_buf out = LC_BUF_INIT;
	cli_stdout so;
	cli_stream_stdout(&out, &so);
	if (ladder_emit(l, f, &v, &eo, &out) < 0 && !lc_buf_failed(&out)) {
		fprintf(stderr, "ladderc: error: this build has no %s output\n", fi->name);
		st = LADDERC_EXIT_TROUBLE;
	} else {
		st = cli_finish_stdout(&out, &so);
	}
	lc_buf_free(&out);
	cli_since_free(&changes);
	ladder_free(l);
	return st;
}
