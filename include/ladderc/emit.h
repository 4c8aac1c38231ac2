/* ladderc — emitters: the model rendered to an output format.
 *
 * Each format lives in a file of its own (src/emit_FORMAT.c) behind this one
 * interface: it appends to an lc_buf and never touches files or stdout.
 * Emitting is linear in the size of the ladder. */
#ifndef LADDERC_EMIT_H
#define LADDERC_EMIT_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/ladder.h"

typedef enum ladder_format {
	LADDER_FORMAT_JSON,
	LADDER_FORMAT_MARKDOWN,
	LADDER_FORMAT_HTML,
	LADDER_FORMAT_CSV,
	LADDER_FORMAT_TEXT
} ladder_format;

/* Which part of the ladder to show. */
typedef enum ladder_view_kind {
	LADDER_VIEW_LADDER,   /* everything: overview, then every role's matrices */
	LADDER_VIEW_OVERVIEW, /* intro, track diagram, titles table, promotion, paths */
	LADDER_VIEW_MATRIX,   /* one role (or every role): a matrix per track (or one track) */
	LADDER_VIEW_LEVEL,    /* everything expected at one level, cumulative */
	LADDER_VIEW_NEXT      /* what the next level(s) add to one level */
} ladder_view_kind;

typedef struct ladder_view {
	ladder_view_kind kind;
	const ladder_role *role;   /* NULL: every role */
	const ladder_track *track; /* NULL: every track the role takes */
	const ladder_level *level; /* LEVEL and NEXT */
} ladder_view;

typedef struct ladder_emit_options {
	int csv_bom;          /* a UTF-8 byte order mark first, for Excel */
	int csv_matrix;       /* --layout matrix: the wide table */
	unsigned width;       /* text: wrap width (80 when 0) */
	int html_sheet;       /* html level view: self-review sheet with an evidence column */
	const char *link_base; /* build: prefix for links between pages, or NULL */
	unsigned threads;     /* 2: the HTML ladder page renders its roles on two
	                       * threads (the same bytes) unless lc_serial(); 0 or
	                       * 1: one thread */
	const struct lc_diff_marks *changed; /* render/build --since: what to mark as changed
	                       * since an older version (ladderc/diff.h), or NULL */
} ladder_emit_options;

/* The resolved model as JSON (the public interface documented in docs/format.md).
 * Not a view: the JSON emitter below writes it for the whole-ladder view. */
void lc_emit_json(const ladder *l, lc_buf *out);

/* ---- the emitter contract ---------------------------------------------------
 * Every format is one function of this signature: view v of l, appended to
 * out. o may be NULL (the defaults). The view's role, track and level must be
 * the ladder's own (the CLI checks ids). Returns 0, or -1 when the buffer
 * failed or the view is incomplete (a level or next view without a level). */
typedef int (*ladder_emit_fn)(const ladder *l, const ladder_view *v, const ladder_emit_options *o,
                              lc_buf *out);

/* One row of the format table: the names every command takes (render -f,
 * build -f, diff -f) and the emitter. */
typedef struct ladder_format_info {
	ladder_format format;
	const char *name;            /* "markdown": what help and errors say */
	const char *const *aliases;  /* other names, NULL-terminated: "md" */
	ladder_emit_fn emit;
} ladder_format_info;

/* The format called `name` (its name or an alias, exactly, case-sensitive),
 * or NULL. _n: name is name[0..len), not NUL-terminated (a list item). */
const ladder_format_info *ladder_format_find(const char *name);
const ladder_format_info *ladder_format_find_n(const char *name, size_t len);
/* The table's row for f, or NULL when f is no format. */
const ladder_format_info *ladder_format_get(ladder_format f);

/* One view in one format: the table's emitter for f (src/emit.c). Returns 0,
 * or -1 when f has no emitter or the emitter failed. JSON with
 * LADDER_VIEW_LADDER (no role, no track) is exactly lc_emit_json(); other
 * views get the view shape documented in docs/output.md. */
int ladder_emit(const ladder *l, ladder_format f, const ladder_view *v, const ladder_emit_options *o,
                lc_buf *out);

/* The emitters of the table, one file each (src/emit_FORMAT.c). */
int lc_emit_markdown(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out);
int lc_emit_html(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out);
int lc_emit_csv(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out);
int lc_emit_text(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out);
int lc_emit_json_view(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out);

#ifdef __cplusplus
}
#endif

#endif
