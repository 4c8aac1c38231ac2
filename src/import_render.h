/* Private: reading back the CSV that `ladderc render -f csv` writes, in its
 * long layout (a row per role, track, level and competency) and its matrix
 * layout (--layout matrix: a row per role, track and competency). */
#ifndef LADDERC_IMPORT_RENDER_H
#define LADDERC_IMPORT_RENDER_H

#include "import_table.h"
#include "ladderc/import.h"
#include "yaml_writer.h"

/* 1 when the table's first row is a header that render writes. */
int lc_import_is_render_layout(const lc_table *t);

/* Reads the table and writes the ladder to w: 0, 1 (errors added to d) or -1. */
int lc_import_render_layout(const lc_table *t, lc_source *src, const lc_import_options *o, lc_diags *d,
                            lc_yaml_writer *w);

#endif
