/* ladderc — diagnostics: errors and warnings as values that carry a position.
 *
 * Library code never prints: it appends diagnostics to an lc_diags list and the
 * caller renders them (lc_diag_format) where it wants. */
#ifndef LADDERC_DIAG_H
#define LADDERC_DIAG_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>
#include "ladderc/buf.h"

/* A file the ladder was read from; `data` is the whole text (for carets). */
typedef struct lc_source {
	const char *path;     /* as the user named it, or as resolved from an include */
	const char *data;
	size_t len;
	size_t *lines;        /* byte offset of each line start, built on demand */
	size_t nlines;
	unsigned order;       /* load order: the main file is 0 */
	struct lc_source_file *file; /* private: where released pages are read again, or NULL */
} lc_source;

/* A position in a source: 1-based line and column (columns count characters,
 * as libyaml's marks do). line 0 means "the file as a whole". */
typedef struct lc_mark {
	lc_source *src;
	uint32_t line;
	uint32_t col;
} lc_mark;

typedef enum lc_severity {
	LC_NOTE,
	LC_WARNING,
	LC_ERROR
} lc_severity;

/* A diagnostic owns copies of everything it shows (file name, source line),
 * so it outlives the sources and the model it was made from. */
typedef struct lc_diag {
	lc_severity severity;
	const char *file;     /* NULL when not about a file */
	uint32_t line, col;   /* 1-based; line 0: the file as a whole */
	unsigned order;       /* the file's load order, for sorting */
	const char *rule;     /* lint rule id (a static string), or NULL */
	const char *message;
	const char *source;   /* the source line (without its break), or NULL */
	size_t source_len;
	char *block;          /* owns file, message and source */
} lc_diag;

typedef struct lc_diags {
	lc_diag *items;
	size_t count;
	size_t cap;
	size_t max_errors;    /* cap on errors kept; 0 means the default (100) */
	size_t errors;        /* errors reported, including ones past the cap */
	size_t warnings;
	int truncated;        /* errors were dropped past the cap */
	int oom;              /* a diagnostic could not be stored */
} lc_diags;

void lc_diags_init(lc_diags *d);
void lc_diags_free(lc_diags *d);
/* Adds a diagnostic. Returns 1 while more errors may be added, 0 once the cap
 * is reached (callers may stop early). Notes follow their error and share its fate. */
int lc_diags_add(lc_diags *d, lc_severity sev, const lc_mark *at, const char *rule,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int lc_diags_vadd(lc_diags *d, lc_severity sev, const lc_mark *at, const char *rule,
                  const char *fmt, va_list ap);
int lc_diags_full(const lc_diags *d);
/* Moves every diagnostic of `src` to the end of `dst`, as if each had been
 * added to `dst` in turn (the error cap of `dst` applies); `src` is left empty.
 * Lets work done on several threads, each with its own set, be merged in a
 * fixed order. */
void lc_diags_append(lc_diags *dst, lc_diags *src);
/* Sorts diagnostics by file, line and column, keeping notes after their parent. */
void lc_diags_sort(lc_diags *d);

/* Renders one diagnostic as gcc does:
 *   path:line:col: error: message [rule]
 *    line text
 *        ^
 * `color` adds ANSI colours. */
void lc_diag_format(lc_buf *out, const lc_diag *dg, int color);

/* Source line `line` (1-based) without its line break; NULL if out of range. */
const char *lc_source_line(lc_source *src, uint32_t line, size_t *len);
/* Line and column (1-based, columns in characters) of a byte offset. */
lc_mark lc_source_mark_at(lc_source *src, size_t offset);

#ifdef __cplusplus
}
#endif

#endif
