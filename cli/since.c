/* --since OLD (render, build): the older version loaded and compared with
 * the one being written, and the marks of what changed since (ladderc/diff.h). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cli_since_load(const char *cmd, const char *old_path, const cli_load_opts *lo, const ladder *new_l,
                   const lc_diff_filter_spec *f, cli_since *s)
{
	memset(s, 0, sizeof *s);
	lc_buf_init(&s->label);
	int st = cli_load(old_path, lo, &s->old);
	if (st != LADDERC_EXIT_OK) { /* an invalid old version is trouble, as for diff */
		cli_since_free(s);
		return LADDERC_EXIT_TROUBLE;
	}
	if (lc_diff_ladders(s->old, new_l, &s->diff) < 0)
		goto oom;
	if (f && (f->role || f->track || f->level)) {
		lc_diff_filter_status fs = lc_diff_filter(s->diff, f);
		if (fs == LC_DIFF_FILTER_OOM)
			goto oom;
		if (fs != LC_DIFF_FILTER_OK) { /* the caller checked the ids against the new version */
			cli_since_free(s);
			return cli_usage_error(cmd, "--since: the view is not in '%s'", old_path);
		}
	}
	/* the old version is named by its `updated` date, else its file */
	if (s->old->updated.s)
		lc_buf_put(&s->label, s->old->updated.s, s->old->updated.len);
	else
		lc_buf_puts(&s->label, strcmp(old_path, "-") == 0 ? "standard input" : old_path);
	if (lc_buf_failed(&s->label))
		goto oom;
	s->marks = lc_diff_marks_new(s->diff, s->label.data);
	if (!s->marks)
		goto oom;
	return LADDERC_EXIT_OK;
oom:
	fprintf(stderr, "ladderc: error: out of memory while comparing '%s' with the ladder\n", old_path);
	cli_since_free(s);
	return LADDERC_EXIT_TROUBLE;
}

void cli_since_free(cli_since *s)
{
	lc_diff_marks_free(s->marks);
	lc_diff_free(s->diff);
	ladder_free(s->old);
	lc_buf_free(&s->label);
	memset(s, 0, sizeof *s);
}
