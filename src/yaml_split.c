/* Speed-only: a big file parsed on two threads (src/yaml_tree.c's parse()
 * starts the second one unless lc_serial()). Whatever the split, the tree
 * and the diagnostics are those of the one-thread parse. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <yaml.h>

#include "source_file.h"
#include "speed_taken.h"
#include "yaml_builder.h"

/*
 * A big file is parsed on two threads. libyaml cannot start in the middle of
 * a document, but a block sequence that is the value of a top-level key
 * (roles:, groups:) can: from a line "  - " inside it, a second parser sees
 * the rest of the sequence as a document of its own, and from the line where
 * that sequence ends, a third sees the remaining top-level keys as a mapping.
 * The first parser runs from the start as always and, on reaching the line,
 * checks that it really is such an item: the root mapping and the sequence
 * are the only open nodes, at the columns the pieces assumed, and no token
 * runs across the line. Then the pieces' nodes are exactly the nodes it would
 * have built, and they are adopted with their lines moved. Anything unusual
 * in a piece (an anchor, an alias, a directive, an error, a second document)
 * and the first parser simply carries on alone, so diagnostics and results
 * never depend on the split.
 */
struct lc_yt_piece {
	lc_yt_builder b;
	lc_source src;           /* the file, with a line index of its own: diagnostics
	                          * index lines lazily, and the other thread may too */
	lc_arena *arena;
	lc_diags diags;
	const ladder_limits *lim;
	ladder_limits seq_lim;   /* the sequence's items sit one level deeper in the file */
	size_t split, indent;    /* where the candidate line starts; the column of its '-' */
	atomic_int cancel;
	int ok;
	lc_yt_node *seq;            /* the second part of the sequence */
	lc_yt_node *rest;           /* the top-level mapping after it, or NULL */
	size_t seq_nodes;        /* nodes made for `seq`, the rest for `rest` */
	yaml_event_type_t first_type; /* the first item: what it is and where */
	size_t first_byte, first_line;
	int have_first;
	size_t end_line;         /* line (within the piece) where the sequence ends */
	size_t seq_end;          /* byte where it ends */
	int handed_over;         /* joined with its items handed over, not in the tree */
	pthread_t thread;
	/* Streaming: the first thread decides whether this part's items are
	 * handed over (decided: 1, with fctx) or built into the tree (-1). */
	lc_yt_stream *stream;       /* the caller's; NULL when not streaming at all */
	lc_yt_stream own;           /* this thread's view of it */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int decided;
	void *fctx;
};

/* The first thread's decision for the piece, once. */
static void decide(lc_yt_piece *pc, int take, void *fctx)
{
	pthread_mutex_lock(&pc->lock);
	if (!pc->decided) {
		pc->decided = take ? 1 : -1;
		pc->fctx = fctx;
		fctx = NULL;
	}
	pthread_cond_broadcast(&pc->cond);
	pthread_mutex_unlock(&pc->lock);
	if (fctx)
		pc->stream->drop(fctx);
}

/* On the piece's thread, its sequence just opened: waits for the decision. */
static int await_decision(lc_yt_piece *pc)
{
	pthread_mutex_lock(&pc->lock);
	while (!pc->decided)
		pthread_cond_wait(&pc->cond, &pc->lock);
	int take = pc->decided > 0;
	pthread_mutex_unlock(&pc->lock);
	if (!take)
		return 0;
	pc->own = *pc->stream;
	pc->own.begin = NULL;
	pc->own.stopped = 0;
	pc->b.stream = &pc->own;
	return lc_yt_start_stream(&pc->b, pc->b.root, 0, pc->own.fork_item, pc->fctx);
}

/* A piece takes no anchors, tags or directives: those would need the part of
 * the file it does not see (an alias fails in it as undefined). */
static int piece_plain(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: return !ev->data.scalar.anchor && !ev->data.scalar.tag;
	case YAML_SEQUENCE_START_EVENT: return !ev->data.sequence_start.anchor && !ev->data.sequence_start.tag;
	case YAML_MAPPING_START_EVENT: return !ev->data.mapping_start.anchor && !ev->data.mapping_start.tag;
	case YAML_DOCUMENT_START_EVENT:
		return ev->data.document_start.implicit && !ev->data.document_start.version_directive &&
		       ev->data.document_start.tag_directives.start == ev->data.document_start.tag_directives.end;
	case YAML_DOCUMENT_END_EVENT: return ev->data.document_end.implicit;
	default: return 1;
	}
}

/* Runs one piece's parser from byte `from`: the sequence items when `rest`
 * is 0, the remaining top-level mapping otherwise. 0 when it went as planned. */
static int parse_piece(lc_yt_piece *pc, size_t from, int rest)
{
	lc_yt_builder *b = &pc->b;
	yaml_parser_t p;
	if (lc_yt_start_parser(b, &p, from, 0) < 0)
		return -1;
	b->cur_index = 0;
	b->cur_byte = from;
	b->lost = 0;
	b->root = NULL;
	b->lim = rest ? pc->lim : &pc->seq_lim;
	int stage = 0; /* 0 before the root, 1 inside it, 2 after it */
	int r = -1;
	for (unsigned long n = 1;; n++) {
		if ((n & 1023) == 0 && atomic_load_explicit(&pc->cancel, memory_order_relaxed))
			break;
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			break;
		int step = -1;
		if (!piece_plain(&ev)) {
			step = -1;
		} else if (stage == 0) {
			step = 0;
			if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
				int want = rest ? ev.type == YAML_MAPPING_START_EVENT &&
				                      ev.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE &&
				                      ev.start_mark.index == 0
				                : ev.type == YAML_SEQUENCE_START_EVENT &&
				                      ev.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE &&
				                      ev.start_mark.line == 0 && ev.start_mark.column == pc->indent;
				step = want ? lc_yt_on_event(b, &ev) : -1;
				if (step == 0 && !rest && pc->stream && await_decision(pc) < 0)
					step = -1;
				stage = 1;
			} else if (ev.type != YAML_STREAM_START_EVENT && ev.type != YAML_DOCUMENT_START_EVENT) {
				step = -1;
			}
		} else if (stage == 1) {
			if (!rest && !pc->have_first && b->nframes == 1 && lc_yt_starts_node(&ev)) {
				pc->have_first = 1;
				pc->first_type = ev.type;
				pc->first_line = ev.start_mark.line;
				pc->first_byte = lc_yt_byte_at(b, ev.start_mark.index);
			}
			step = lc_yt_on_event(b, &ev);
			if (step == 0 && b->nframes == 0) {
				stage = 2;
				if (!rest) {
					pc->seq = b->root;
					pc->end_line = ev.start_mark.line;
					size_t at = lc_yt_byte_at(b, ev.start_mark.index);
					pc->seq_end = at;
					if (at == SIZE_MAX)
						step = -1;
					else if (at < b->src->len) {
						/* the sequence ends at a top-level key: the rest goes to a third parser */
						if (ev.start_mark.column != 0) {
							step = -1;
						} else {
							r = 0;
							pc->seq_nodes = b->nmade;
							yaml_event_delete(&ev);
							yaml_parser_delete(&p);
							return parse_piece(pc, at, 1);
						}
					}
				} else {
					pc->rest = b->root;
				}
			}
		} else { /* after the root: only the implicit end of the one document */
			step = ev.type == YAML_DOCUMENT_END_EVENT ? 0 : ev.type == YAML_STREAM_END_EVENT ? 1 : -1;
		}
		yaml_event_delete(&ev);
		if (step < 0 || b->nomem || pc->diags.errors)
			break;
		if (step > 0) {
			r = stage == 2 ? 0 : -1;
			break;
		}
	}
	yaml_parser_delete(&p);
	if (r == 0 && !rest)
		pc->seq_nodes = b->nmade;
	return r;
}

static void *piece_main(void *arg)
{
	lc_yt_piece *pc = arg;
	pc->ok = parse_piece(pc, pc->split, 0) == 0 && !pc->b.nomem && pc->diags.errors == 0 && pc->seq &&
	         pc->have_first;
	return NULL;
}

/* A line past the middle that may start an item of a top-level block
 * sequence: the least indented "- " before any line at column 0. */
static int find_split(const lc_source *src, size_t from, size_t *split, size_t *indent)
{
	const char *d = src->data;
	size_t len = src->len;
	size_t mid = from + (len - from) / 2;
	const char *nl = memchr(d + mid, '\n', len - mid);
	if (!nl)
		return -1;
	size_t pos = (size_t)(nl - d) + 1;
	size_t limit = pos + (len - from) / 8;
	if (limit > len)
		limit = len;
	size_t best = SIZE_MAX, best_indent = SIZE_MAX;
	while (pos < limit) {
		size_t k = 0;
		while (pos + k < len && d[pos + k] == ' ')
			k++;
		char c = pos + k < len ? d[pos + k] : '\n';
		if (k == 0 && c != '\n' && c != '\r' && c != '#')
			break; /* a top-level key: the sequence (if any) has ended */
		if (k > 0 && k < best_indent && c == '-' && pos + k + 1 < len &&
		    (d[pos + k + 1] == ' ' || d[pos + k + 1] == '\n')) {
			best = pos;
			best_indent = k;
			if (k <= 2)
				break; /* the usual indentation: nothing shallower is likely */
		}
		nl = memchr(d + pos + k, '\n', len - pos - k);
		if (!nl)
			break;
		pos = (size_t)(nl - d) + 1;
	}
	if (best == SIZE_MAX)
		return -1;
	*split = best;
	*indent = best_indent;
	return 0;
}

/* Under an address-space limit (ulimit -v) a second thread costs more than
 * it saves: glibc reserves a 64 MiB heap per thread, and when that fails it
 * retries on every allocation the thread makes. */
static int address_space_limited(void)
{
	struct rlimit rl;
	return getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY;
}

/* The line at byte `at` (tests choose it): its indentation if it reads "  - ". */
static int line_item(const lc_source *src, size_t from, size_t at, size_t *indent)
{
	const char *d = src->data;
	if (at <= from || at >= src->len || d[at - 1] != '\n')
		return -1;
	size_t k = 0;
	while (at + k < src->len && d[at + k] == ' ')
		k++;
	if (k == 0 || at + k + 1 >= src->len || d[at + k] != '-' || (d[at + k + 1] != ' ' && d[at + k + 1] != '\n'))
		return -1;
	*indent = k;
	return 0;
}

/* Whether a line "roles:" comes before byte `end`: only then can the piece's
 * part be the items of a streamed sequence, and is it worth waiting for the
 * first thread's decision (a wrong guess costs time, never correctness). */
static int roles_before(const lc_source *src, size_t end)
{
	static const char key[] = "roles:";
	const char *d = src->data;
	size_t n = sizeof key - 1;
	for (size_t pos = 0; pos + n <= end;) {
		if (memcmp(d + pos, key, n) == 0)
			return 1;
		const char *nl = memchr(d + pos, '\n', end - pos);
		if (!nl)
			break;
		pos = (size_t)(nl - d) + 1;
	}
	return 0;
}

lc_yt_piece *lc_yt_piece_start(lc_source *src, const ladder_limits *lim, size_t from, size_t at, lc_yt_stream *stream)
{
	size_t split = at, indent = 0;
	if (lim->max_depth < 2 || address_space_limited())
		return NULL;
	if (at == SIZE_MAX ? find_split(src, from, &split, &indent) < 0 : line_item(src, from, at, &indent) < 0)
		return NULL;
	lc_yt_piece *pc = calloc(1, sizeof *pc);
	if (!pc)
		return NULL;
	pc->arena = lc_arena_new();
	if (!pc->arena) {
		free(pc);
		return NULL;
	}
	lc_diags_init(&pc->diags);
	pc->lim = lim;
	pc->seq_lim = *lim;
	pc->seq_lim.max_depth = lim->max_depth - 1;
	pc->split = split;
	pc->indent = indent;
	atomic_init(&pc->cancel, 0);
	pc->src = *src;
	pc->src.lines = NULL;
	pc->src.nlines = 0;
	lc_yt_builder_init(&pc->b, pc->arena, &pc->src, lim, &pc->diags);
	pc->b.record = 1;
	pc->b.unfed = 1;
	if (stream && stream->fork && roles_before(src, split))
		pc->stream = stream;
	pthread_mutex_init(&pc->lock, NULL);
	pthread_cond_init(&pc->cond, NULL);
	if (pthread_create(&pc->thread, NULL, piece_main, pc) != 0) {
		pthread_mutex_destroy(&pc->lock);
		pthread_cond_destroy(&pc->cond);
		lc_arena_free(pc->arena);
		free(pc);
		return NULL;
	}
	atomic_fetch_add(&lc_speed_taken.second_threads, 1);
	return pc;
}

static void end_piece(lc_yt_piece *pc, int cancel)
{
	if (cancel)
		atomic_store(&pc->cancel, 1);
	decide(pc, 0, NULL); /* a piece still waiting parses into the tree */
	pthread_join(pc->thread, NULL);
}

static void free_piece(lc_yt_piece *pc)
{
	if (pc->fctx)
		pc->stream->drop(pc->fctx);
	pthread_mutex_destroy(&pc->lock);
	pthread_cond_destroy(&pc->cond);
	if (pc->arena)
		lc_arena_free(pc->arena);
	lc_yt_builder_free(&pc->b);
	lc_diags_free(&pc->diags);
	free(pc->src.lines);
	free(pc);
}

/* The first parser has reached the piece's line with event `ev` (a node
 * starting at byte `at`). Adopts the pieces when everything matches; 0 then. */
static int join_piece(lc_yt_builder *a, lc_yt_piece *pc, const yaml_event_t *ev, size_t at)
{
	/* The root is a block mapping at column 0 and the sequence is one of its
	 * values (not a key: an even count of children so far, itself included),
	 * so the line where the sequence ends, back at column 0, holds the next
	 * key. And the sequence is the only other open node, so the line starts
	 * one of its items. */
	int fits = at != SIZE_MAX && at >= pc->split && a->nframes == 2;
	if (fits) {
		const lc_yt_node *root = a->frames[0].node;
		fits = root->kind == LC_YT_MAP && root->at.col == 1 && (a->frames[1].first - a->frames[0].first) % 2 == 0;
	}
	end_piece(pc, !fits);
	/* Both parsers must see the item start at the same byte of the piece's
	 * first line: then no token of the first parser reaches into the line. */
	if (!fits || !pc->ok || pc->first_type != ev->type || pc->first_line != 0 || pc->first_byte != at)
		return -1;
	/* Both parts hand their items over, or neither does. */
	int a_streams = a->streamed && a->frames[1].node == a->streamed && !a->stream->stopped;
	if (a_streams != (pc->fctx != NULL))
		return -1;
	size_t line = ev->start_mark.line; /* the piece's line 0 */
	if (pc->fctx) {
		void *fctx = pc->fctx;
		pc->fctx = NULL;
		if (a->stream->join(a->stream->ctx, fctx, &pc->src, (uint32_t)line) < 0)
			return -1;
		pc->handed_over = 1;
	}
	for (size_t i = 0; i < pc->b.nmade; i++) {
		pc->b.made[i]->at.src = a->src;
		pc->b.made[i]->at.line += (uint32_t)(i < pc->seq_nodes ? line : line + pc->end_line);
	}
	/* into the tree's arena, not the scratch of the item being streamed */
	lc_arena_adopt(a->streamed && a->arena == a->scratch ? a->home : a->arena, pc->arena);
	pc->arena = NULL;
	a->nodes = sat_add(a->nodes, pc->b.nodes);
	for (uint32_t i = 0; i < pc->seq->count; i++)
		if (lc_yt_push_child(a, pc->seq->items[i]) < 0)
			return -2;
	if (lc_yt_close_collection(a) < 0)
		return -2;
	if (pc->rest)
		for (uint32_t i = 0; i < 2 * pc->rest->count; i++)
			if (lc_yt_push_child(a, pc->rest->items[i]) < 0)
				return -2;
	if (lc_yt_close_collection(a) < 0)
		return -2;
	return 0;
}

int lc_yt_piece_meet(lc_yt_builder *b, lc_yt_piece **pcp, const yaml_event_t *ev, size_t *joined_end)
{
	lc_yt_piece *pc = *pcp;
	if (!lc_yt_starts_node(ev))
		return 0;
	size_t at = lc_yt_byte_at(b, ev->start_mark.index);
	if (at != SIZE_MAX && at < pc->split)
		return 0;
	int j = join_piece(b, pc, ev, at);
	if (j == 0 && pc->handed_over)
		*joined_end = pc->seq_end;
	free_piece(pc);
	*pcp = NULL;
	return j == 0 ? 1 : j < -1 ? -1 : 0; /* -2: out of memory while adopting the pieces */
}

void lc_yt_piece_offer(lc_yt_builder *b, lc_yt_piece *pc)
{
	if (pc->stream && b->streamed && !pc->decided) {
		/* the piece's part is probably more of these items */
		void *fctx = pc->stream->fork(pc->stream->ctx);
		decide(pc, fctx != NULL, fctx);
	}
}

void lc_yt_piece_cancel(lc_yt_piece *pc)
{
	end_piece(pc, 1);
	free_piece(pc);
}
