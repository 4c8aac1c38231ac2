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

typedef enum lc_yt_kind {
	LC_YT_SCALAR,
	LC_YT_SEQ,
	LC_YT_MAP
} lc_yt_kind;

typedef struct lc_yt_node lc_yt_node;
struct lc_yt_node {
	lc_yt_kind kind;
	uint8_t plain;      /* scalar written without quotes or block style */
	uint8_t complete;   /* the collection has ended (aliases to it are safe) */
	uint8_t flow;       /* a collection written in flow style: { } or [ ] */
	uint32_t count;     /* sequence items, or mapping pairs */
	lc_mark at;
	const char *str;    /* scalar text; may contain NULs and long text may point into the
	                     * source without a terminator: always use len */
	size_t len;
	lc_yt_node **items;    /* sequence: count items; mapping: key, value, key, value... */
	size_t weight;      /* nodes reachable from here with aliases expanded */
};

typedef enum lc_yt_status {
	LC_YT_OK = 0,
	LC_YT_INVALID = 1,
	LC_YT_NOMEM = 3
} lc_yt_status;

/* Streaming: the items of one sequence that is the value of a top-level key
 * are handed to the caller one by one as they complete, and their nodes are
 * freed after each, so the tree never holds them all. The sequence's node
 * then has no items. Every callback may be NULL-ctx'ed but not NULL. */
typedef struct lc_yt_stream {
	void *ctx;
	/* On the first parser's thread: the sequence that is the value of
	 * top-level key `key` opens; pairs[0..2*npairs) are the root mapping's
	 * keys and values so far. 1 to take its items, 0 to leave them in the
	 * tree, -1 to end the parse (the caller will not use it: no diagnostic). */
	int (*begin)(void *ctx, const lc_yt_node *key, lc_yt_node *const *pairs, size_t npairs);
	/* An item is complete. 0; -1 when out of memory; 1 to end the parse (the
	 * caller will not use it). The parse then fails without a diagnostic. */
	int (*item)(void *ctx, const lc_yt_node *item);
	/* The second thread's part of the same sequence (see lc_yt_parse) gets a
	 * context of its own, made on the first thread right after begin(); its
	 * items go to fork_item on the second thread. NULL: the part is parsed
	 * into the tree as usual. */
	void *(*fork)(void *ctx);
	int (*fork_item)(void *fctx, const lc_yt_node *item);
	/* The first parser adopts the second part: every mark that fork_item
	 * kept with src == piece_src is the piece's, `shift` lines too high up;
	 * 0 when accepted, -1 to refuse (the first parser then parses that part
	 * itself). fctx is the callee's to free either way; drop() frees one
	 * that is not joined. */
	int (*join)(void *ctx, void *fctx, const lc_source *piece_src, uint32_t shift);
	void (*drop)(void *fctx);
	/* The caller copies all it keeps of an item (no text points into the
	 * source): the parser gives the items' bytes back (lc_source_release). */
	int release;
	/* Set by the parser: an anchor inside an item made the rest stay in the
	 * tree, so only some items were handed over. */
	int stopped;
} lc_yt_stream;

/* lc_yt_parse with items handed over as above (stream may be NULL). */
lc_yt_status lc_yt_parse_stream(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                          lc_yt_stream *stream, lc_yt_node **root);

/* Parses src->data. On LC_YT_OK, *root is the document's root node, or NULL for
 * an empty stream. Diagnostics go to `diags`. Files of lim->parallel_min
 * bytes or more are parsed on two threads where their layout allows
 * (src/yaml_split.c), unless lc_serial(). */
lc_yt_status lc_yt_parse(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                   lc_yt_node **root);

/* The same, with the file split for a second thread at byte `at` (the start
 * of a line "  - "; SIZE_MAX: a line near the middle; 0: no split; none
 * under lc_serial()). *joined
 * (may be NULL) says whether the second thread's part was used. Whatever
 * `at`, the tree and the diagnostics are those of lc_yt_parse: for tests. */
lc_yt_status lc_yt_parse_split(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                         lc_yt_node **root, size_t at, int *joined);

/* lc_yt_parse_split with a stream: for tests. */
lc_yt_status lc_yt_parse_stream_split(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                                lc_yt_stream *stream, lc_yt_node **root, size_t at, int *joined);

/* "a mapping", "a sequence", "text" — for messages. */
const char *lc_yt_kind_name(const lc_yt_node *n);
/* A scalar that means "no value": empty or ~ written plain. */
int lc_yt_is_null(const lc_yt_node *n);

#endif
