/* Private: a YAML document as a small tree of nodes with positions, built from
 * libyaml's event stream with the checks libyaml leaves to its users
 * (nesting depth, alias expansion, self-referencing and undefined aliases,
 * duplicate keys, tags, a single document). */
#ifndef LADDERC_YAML_TREE_H
#define LADDERC_YAML_TREE_H

#include <stddef.h>
#include <stdint.h>
#include "ladderc/arena.h"
#include "ladderc/diag.h"
#include "ladderc/load.h"

typedef enum yt_kind {
	YT_SCALAR,
	YT_SEQ,
	YT_MAP
} yt_kind;

typedef struct yt_node yt_node;
struct yt_node {
	yt_kind kind;
	uint8_t plain;      /* scalar written without quotes or block style */
	uint8_t complete;   /* the collection has ended (aliases to it are safe) */
	uint8_t flow;       /* a collection written in flow style: { } or [ ] */
	uint32_t count;     /* sequence items, or mapping pairs */
	lc_mark at;
	const char *str;    /* scalar text; may contain NULs and long text may point into the
	                     * source without a terminator: always use len */
	size_t len;
	yt_node **items;    /* sequence: count items; mapping: key, value, key, value... */
	size_t weight;      /* nodes reachable from here with aliases expanded */
};

typedef enum yt_status {
	YT_OK = 0,
	YT_INVALID = 1,
	YT_NOMEM = 3
} yt_status;

/* Parses src->data. On YT_OK, *root is the document's root node, or NULL for
 * an empty stream. Diagnostics go to `diags`. Files of lim->parallel_min
 * bytes or more are parsed on two threads where their layout allows. */
yt_status yt_parse(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                   yt_node **root);

/* The same, with the file split for a second thread at byte `at` (the start
 * of a line "  - "; SIZE_MAX: a line near the middle; 0: no split). *joined
 * (may be NULL) says whether the second thread's part was used. Whatever
 * `at`, the tree and the diagnostics are those of yt_parse: for tests. */
yt_status yt_parse_split(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                         yt_node **root, size_t at, int *joined);

/* "a mapping", "a sequence", "text" — for messages. */
const char *yt_kind_name(const yt_node *n);
/* A scalar that means "no value": empty or ~ written plain. */
int yt_is_null(const yt_node *n);

#endif
