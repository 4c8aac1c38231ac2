/* ladderc — loading a ladder file (and its includes) into the model. */
#ifndef LADDERC_LOAD_H
#define LADDERC_LOAD_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdio.h>
#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/ladder.h"

/* Limits that keep hostile input from costing unbounded time or memory. */
typedef struct ladder_limits {
	size_t max_input;       /* bytes per file; default 256 MiB */
	size_t max_depth;       /* YAML nesting depth; default 64 */
	size_t max_alias_nodes; /* nodes reachable through aliases; default max(10000, 10 x document) */
	size_t max_includes;    /* files in one ladder; default 256 */
	size_t max_cells;       /* (roles + competencies) x levels: each holds an entry per
	                         * level; default (and when 0) LADDER_DEFAULT_MAX_CELLS */
	size_t parallel_min;    /* files of at least this many bytes are parsed on two threads
	                         * where their layout allows; default 256 KiB, 0 every file,
	                         * SIZE_MAX none. The result never depends on it. */
	size_t stream_min;      /* files of at least this many bytes build each role as the
	                         * parser completes it and free its YAML nodes at once, so
	                         * the whole tree is never in memory; default 0 (every file),
	                         * SIZE_MAX none. The result never depends on it. */
	size_t release_min;     /* streamed files of at least this many bytes, read by name,
	                         * give each role's bytes back once it is built and stay open
	                         * to read them again for messages; default 256 KiB (smaller
	                         * ones save little and would each hold a descriptor), 0 every
	                         * file, SIZE_MAX none. The result never depends on it. */
} ladder_limits;

#define LADDER_DEFAULT_MAX_CELLS ((size_t)4 << 20)

void ladder_limits_default(ladder_limits *lim);

typedef enum ladder_status {
	LADDER_OK = 0,
	LADDER_INVALID = 1,   /* the ladder has errors (see the diagnostics) */
	LADDER_IO = 2,        /* a file could not be read (see the diagnostics) */
	LADDER_NOMEM = 3      /* out of memory */
} ladder_status;

/* Loads `path`, merges its includes, checks and resolves the ladder.
 * On LADDER_OK *out is the model (free with ladder_free). Otherwise *out is NULL
 * and `diags` says why. Warnings never change the status. `lim` may be NULL. */
ladder_status ladder_load_file(const char *path, const ladder_limits *lim, lc_diags *diags,
                               ladder **out);
/* The same, read from an open stream (standard input, a pipe) to its end;
 * f stays open. `name` shows in diagnostics ("<stdin>"); includes are found
 * relative to the current directory. */
ladder_status ladder_load_stream(const char *name, FILE *f, const ladder_limits *lim, lc_diags *diags,
                                 ladder **out);
/* The same, from memory; `path` names it in diagnostics and anchors includes. */
ladder_status ladder_load_buffer(const char *path, const char *data, size_t len,
                                 const ladder_limits *lim, lc_diags *diags, ladder **out);

/* The JSON Schema (draft 2020-12) of the format these functions read, for
 * editors (`ladderc schema`, docs/ladder.schema.json): every key of every
 * mapping the loader knows, with its type and a description. Appends it to
 * `out`, pretty-printed and ending with a newline. Returns 0; -1 when `out`
 * failed (out of memory); -2 when the schema's descriptions and the loader's
 * keys differ (a bug, which the test suite catches). */
int ladder_schema(lc_buf *out);

#ifdef __cplusplus
}
#endif

#endif
