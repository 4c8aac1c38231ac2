/* Private: the tree builder that src/yaml_tree.c (the parser, events ->
 * tree) and src/yaml_split.c (speed-only: a second thread parsing the far
 * part of a big file) share. */
#ifndef LADDERC_YAML_BUILDER_H
#define LADDERC_YAML_BUILDER_H

#include <stdint.h>
#include <yaml.h>

#include "idmap.h"
#include "yaml_tree.h"

typedef struct frame {
	lc_yt_node *node;
	size_t first;       /* index of the frame's first child in the child stack */
} frame;

typedef struct anchor {
	const char *name;
	lc_yt_node *node;
	lc_mark at;
} anchor;

/* libyaml reads the source through this, so that pages given back while
 * another part was built are read again first. */
typedef struct reader {
	lc_source *src;
	size_t pos;
	int fed;            /* the first parser: the second thread keeps off what it has read */
	int err;            /* errno of a failed read, for the message */
} reader;

typedef struct lc_yt_builder {
	lc_arena *arena;
	lc_source *src;
	lc_diags *diags;
	const ladder_limits *lim;
	size_t bom;         /* bytes of a UTF-8 byte order mark skipped before parsing */
	frame *frames;
	size_t nframes, capframes;
	lc_yt_node **kids;
	size_t nkids, capkids;
	lc_idmap anchors;      /* name -> anchor (in the arena): no quadratic scans */
	size_t nodes;       /* nodes in the document, aliases not expanded */
	size_t expanded;    /* nodes added by aliases */
	int nomem;
	lc_yt_node *root;
	int documents;
	/* Where libyaml's character index meets the source's bytes: marks count
	 * characters (code points), and text is found in the source by bytes. */
	size_t cur_index, cur_byte;
	int lost;           /* the cursor cannot be trusted: copy every scalar */
	/* A piece parsed on another thread keeps its nodes to move their lines. */
	int record;
	lc_yt_node **made;
	size_t nmade, capmade;
	/* Streaming (lc_yt_stream): the items of `streamed`, the sequence open in
	 * frame `stream_frame`, are built in `scratch` and handed to item_fn one
	 * by one; everything else is built in `home`. */
	lc_yt_stream *stream;
	lc_yt_node *streamed;
	size_t stream_frame;
	int (*item_fn)(void *ctx, const lc_yt_node *item);
	void *item_ctx;
	lc_arena *home, *scratch;
	size_t item_made;   /* nmade when the current item began */
	/* With stream->release, the bytes of handed-over items are given back:
	 * [stream_lo, stream_hi) is the streamed sequence as far as known. */
	size_t stream_lo, stream_hi;
	int unfed;          /* a piece: releases only what the first parser has not read */
	reader in;
} lc_yt_builder;

static inline size_t sat_add(size_t a, size_t c)
{
	return a > SIZE_MAX - c ? SIZE_MAX : a + c;
}

void lc_yt_builder_init(lc_yt_builder *b, lc_arena *arena, lc_source *src, const ladder_limits *lim,
                        lc_diags *diags);
void lc_yt_builder_free(lc_yt_builder *b);
/* A parser reading b's source from byte `from`; `fed`: the first parser. */
int lc_yt_start_parser(lc_yt_builder *b, yaml_parser_t *p, size_t from, int fed);
/* One event into the tree: 1 at the end of the stream, -1 on an error
 * (reported), 0 otherwise. */
int lc_yt_on_event(lc_yt_builder *b, const yaml_event_t *ev);
/* The event starts a node (scalar, alias, sequence or mapping). */
int lc_yt_starts_node(const yaml_event_t *ev);
/* The byte of the source at libyaml's character `index` (moving forward),
 * or SIZE_MAX once that cannot be trusted. */
size_t lc_yt_byte_at(lc_yt_builder *b, size_t index);
/* n as the next child of the open collection (or as the root). */
int lc_yt_push_child(lc_yt_builder *b, lc_yt_node *n);
/* Ends the innermost open collection, with its checks. */
int lc_yt_close_collection(lc_yt_builder *b);
/* Items of `seq` (open in frame `at_frame`) go to fn from now on. */
int lc_yt_start_stream(lc_yt_builder *b, lc_yt_node *seq, size_t at_frame,
                       int (*fn)(void *, const lc_yt_node *), void *ctx);

/* ---- speed-only: the two-thread split parse (src/yaml_split.c) ---------- */

typedef struct lc_yt_piece lc_yt_piece;
/* Starts a second thread parsing src from a line "  - " at byte `at`
 * (SIZE_MAX: one near the middle, after byte `from`); NULL when the file
 * does not allow it or a thread cannot start. */
lc_yt_piece *lc_yt_piece_start(lc_source *src, const ladder_limits *lim, size_t from, size_t at,
                               lc_yt_stream *stream);
/* Before the first parser's event ev: when ev reaches the piece's line, the
 * piece is adopted if everything matches (1: the tree is complete, stop
 * parsing; *joined_end is where the piece's handed-over items end, or 0)
 * or dropped (0: go on alone); -1 when out of memory. *pcp is freed and set
 * to NULL once the line is reached. 0 before that. */
int lc_yt_piece_meet(lc_yt_builder *b, lc_yt_piece **pcp, const yaml_event_t *ev, size_t *joined_end);
/* After the first parser's event: once it streams the items, the piece may
 * hand its own items over too. */
void lc_yt_piece_offer(lc_yt_builder *b, lc_yt_piece *pc);
/* Stops the piece's thread and frees it. */
void lc_yt_piece_cancel(lc_yt_piece *pc);

#endif
