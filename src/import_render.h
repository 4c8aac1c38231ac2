/* Private: reading back the CSV that `ladderc render -f csv` writes, in its
 * long layout (a row per role, track, level and competency) and its matrix
 * layout (--layout matrix: a row per role, track and competency). */
#ifndef LADDERC_IMPORT_RENDER_H
#define LADDERC_IMPORT_RENDER_H

#include "import_into.h"
#include "import_table.h"
#include "ladderc/import.h"
#include "yaml_writer.h"

/* The columns of the long layout, in order; the last two only in a ladder
 * with proficiency levels or examples (docs/output.md). */
enum { LC_LONG_ROLE_ID, LC_LONG_ROLE_NAME, LC_LONG_FAMILY, LC_LONG_TRACK, LC_LONG_LEVEL_ID, LC_LONG_LEVEL_NAME,
       LC_LONG_RANK, LC_LONG_TITLE, LC_LONG_GROUP, LC_LONG_COMP_ID, LC_LONG_COMP_NAME, LC_LONG_TEXT,
       LC_LONG_SOURCE, LC_LONG_WIDTH, LC_LONG_PROFICIENCY = LC_LONG_WIDTH, LC_LONG_EXAMPLES,
       LC_LONG_DETAILS_WIDTH };

/* 1 when the table's first row is a header that render writes. */
int lc_import_is_render_layout(const lc_table *t);
/* 1 when it is the long layout's; *details is then 1 when it has the
 * proficiency and examples columns. */
int lc_import_is_render_long(const lc_table *t, int *details);

/* A text cell of render's CSV as the ladder held it: the list items that
 * render writes as "• " lines are "- " items again. The copy is in `a`.
 * 0; 1 when it holds a control character other than a line break or a tab;
 * -1 out of memory. */
int lc_import_render_text(lc_arena *a, const char *s, size_t n, const char **text, size_t *len);

/* The examples cell of the long layout, one "• " line per example (empty:
 * none), read into `a`. 0; 1 when it is malformed, with *why saying how;
 * -1 out of memory. */
int lc_import_render_examples(lc_arena *a, const char *s, size_t n, lc_import_examples *ex, const char **why);
/* 1 when a and b hold the same examples. */
int lc_import_same_examples(const lc_import_examples *a, const lc_import_examples *b);

/* --into: the cells of a long-layout table for the competencies of
 * o->into, matched by role, group and competency id, and the report in
 * *o->report. 0, 1 (errors added to d) or -1 (import_render_into.c). */
int lc_import_render_into(const lc_table *t, lc_source *src, const lc_import_options *o, lc_diags *d,
                          lc_import_fill **fills, size_t *nfills);

/* Reads the table and writes the ladder to w: 0, 1 (errors added to d) or -1. */
int lc_import_render_layout(const lc_table *t, lc_source *src, const lc_import_options *o, lc_diags *d,
                            lc_yaml_writer *w);

#endif
