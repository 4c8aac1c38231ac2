/* ladderc — the diff's output formats, one file each (src/diff_text.c,
 * diff_markdown.c, diff_html.c, diff_json.c), and the parts they share
 * (src/diff_emit.c): a change's value with its word diff, the summary, and
 * the changes grouped into sections by role and level. Private to the
 * library. */
#ifndef LADDERC_DIFF_EMIT_H
#define LADDERC_DIFF_EMIT_H

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/diff.h"

/* Every format is one function of this signature (lc_diff_emit's table):
 * the non-empty diff d appended to out. Returns 0, or -1 when out of memory. */
typedef int (*lc_diff_emit_fn)(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out);

int lc_diff_emit_text(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out);
int lc_diff_emit_markdown(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out);
int lc_diff_emit_html(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out);
int lc_diff_emit_json(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out);

/* How a format writes the pieces of a value and of the summary. */
typedef struct lc_diff_style {
	/* text from a ladder, through the format's escaper (escape.h) */
	void (*text)(lc_buf *out, const char *s, size_t len);
	const char *del_open, *del_close; /* around deleted text */
	const char *ins_open, *ins_close; /* around inserted text */
	const char *expectation_break;    /* before each expectation of a whole competency */
	const char *old_new_sep;          /* between the old and new of an id or a list */
} lc_diff_style;

/* s through the style's escaper (an absent s as the empty text). */
void lc_diff_put_str(lc_buf *out, const lc_diff_style *st, ladder_str s);
/* The change's value: a word diff for prose, old and new whole for ids and
 * lists, where from and to for a move, and a whole competency's
 * expectations level by level. -1 when out of memory. */
int lc_diff_put_value(lc_buf *out, const lc_diff_style *st, const lc_change *ch);
/* Text o against text n word by word (src/wdiff.h): unchanged words through
 * st->text, the changes between the style's marks. Also the next view's
 * diff of a restated competency (src/view.c). -1 when out of memory. */
int lc_diff_put_words(lc_buf *out, const lc_diff_style *st, ladder_str o, ladder_str n);
/* The counts, the levels whose expectations and titles change, and the
 * suggested bump (between bump_open and bump_close), `sep` between them:
 * lines for text, one paragraph for Markdown and HTML. */
void lc_diff_put_summary(lc_buf *out, const lc_diff_style *st, const lc_diff *d, const char *sep,
                         const char *bump_open, const char *bump_close);

/* "filtered to role R, track T, level L" when the diff is filtered
 * (lc_diff_filter), ids through the style's escaper; returns 1 then, 0 (and
 * writes nothing) when it is not. */
int lc_diff_put_filter(lc_buf *out, const lc_diff_style *st, const lc_diff *d);

/* ---- sections for Markdown and HTML: grouped by role, then by level ------- */

/* Sort keys: the level's order (no level first), then the change's order. */
typedef struct lc_diff_item {
	size_t level_key, order;
} lc_diff_item;

typedef struct lc_diff_section {
	ladder_str role_id, role_name; /* s == NULL: whole ladder or all roles */
	int all_roles;
	lc_diff_item *items;           /* order: the change's index */
	size_t nitems;
} lc_diff_section;

/* Calls put_section for each section that has changes, in order: the whole
 * ladder, all roles, then each role in the new ladder's order; its items are
 * sorted by level. Stops at the first -1; returns it, or -1 when out of
 * memory, else 0. */
typedef int (*lc_diff_section_fn)(lc_buf *out, const lc_diff *d, const lc_diff_emit_options *o,
                                  const lc_diff_section *s);
int lc_diff_each_section(lc_buf *out, const lc_diff *d, const lc_diff_emit_options *o, lc_diff_section_fn put_section);

#endif
