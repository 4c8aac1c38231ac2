/* ladderc — importing a ladder from the table a company already has: a CSV
 * or TSV spreadsheet export, or a Markdown table from Notion or Confluence
 * (docs/import.md).
 *
 * A matrix table has a header row of levels and a row per competency; its
 * first columns name the group (or heading rows do) and the competency. The
 * result is a complete ladder in format v1, as YAML written by libyaml's
 * emitter, that the loader accepts. */
#ifndef LADDERC_IMPORT_H
#define LADDERC_IMPORT_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/ladder.h"

typedef enum lc_import_format {
	LC_IMPORT_SNIFF = 0,  /* decided from the content */
	LC_IMPORT_CSV,
	LC_IMPORT_TSV,
	LC_IMPORT_MARKDOWN
} lc_import_format;

/* The --from names, "csv", "tsv" and "markdown": sets *out and returns 0, or -1. */
int lc_import_parse_format(const char *name, lc_import_format *out);

/* What --into did to the ladder's texts. */
typedef struct lc_import_report {
	size_t added;       /* texts where the ladder had none */
	size_t changed;     /* texts that differ from the ladder's */
	size_t unchanged;   /* texts equal to the ladder's */
	size_t unplaced;    /* rows matching no competency (skipped, with --force) */
} lc_import_report;

typedef struct lc_import_options {
	lc_import_format format;
	char delimiter;             /* CSV: ',' or ';'; 0 sniffs it */
	/* --track specs as written, "ID=LEVEL,..." or "ID@FROM=LEVEL,...";
	 * none: one track of the header's levels in order */
	const char *const *tracks;
	size_t ntracks;
	const char *role;           /* the role's name; NULL: the ladder's name */
	const char *name;           /* the ladder's name; NULL: "Imported ladder" */
	int restated;               /* write `expectations: restated` */
	/* --into: the structure (tracks, levels, groups, competencies, roles and
	 * everything else) comes from this ladder, which is written again whole
	 * with the table's texts; the tracks and the role's name are not used.
	 * A row that matches no competency (by name or id, within its group's
	 * name or id when the table has groups) is an error, or with `force` a
	 * warning and skipped. `report`, when not NULL, gets the counts. */
	const ladder *into;
	int force;
	lc_import_report *report;
} lc_import_options;

/* Checks one --track spec. NULL when it is well formed, else a message
 * (a static string) saying what is wrong. */
const char *lc_import_check_track(const char *spec);

/* The ladder's name made from a file name: its last component without the
 * extension, '-' and '_' read as spaces ("career-ladder.csv" gives "career
 * ladder"), written to out. */
void lc_import_name_from_path(const char *path, lc_buf *out);

typedef enum lc_import_status {
	LC_IMPORT_OK = 0,
	LC_IMPORT_INVALID = 1,  /* the table cannot be read as a ladder: see the diagnostics */
	LC_IMPORT_NOMEM = -1
} lc_import_status;

/* Reads the table in data[0..len) (named `path` in messages and in the
 * header comment) and appends the ladder's YAML to `out`. Errors are located
 * at the line and column of the cell in the file. Returns an lc_import_status;
 * on LC_IMPORT_INVALID `out` holds nothing of the ladder. */
int lc_import(const char *path, const char *data, size_t len, const lc_import_options *o, lc_diags *d,
              lc_buf *out);

#ifdef __cplusplus
}
#endif

#endif
