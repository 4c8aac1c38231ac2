/* YAML event stream -> node tree, with the checks libyaml leaves to its users.
 *
 * One parser reads the file from the start and builds the tree event by
 * event. Speed-only, and off under lc_serial(): a big file's far part is
 * parsed on a second thread (src/yaml_split.c), and a streamed sequence's
 * items are handed over as they complete with their bytes given back
 * (lc_yt_stream, src/source_file.c). */
#include "yaml_tree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ladderc/speed.h"
#include "source_file.h"
#include "text.h"
#include "yaml_builder.h"

const char *lc_yt_kind_name(const lc_yt_node *n)
{
	switch (n->kind) {
	case LC_YT_MAP: return "a mapping";
	case LC_YT_SEQ: return "a sequence";
	default: return "text";
	}
}

int lc_yt_is_null(const lc_yt_node *n)
{
	return n->kind == LC_YT_SCALAR && n->plain &&
	       (n->len == 0 || (n->len == 1 && n->str[0] == '~'));
}

static lc_mark mark_of(const lc_yt_builder *b, yaml_mark_t m)
{
	lc_mark r;
	r.src = b->src;
	r.line = (uint32_t)(m.line + 1);
	r.col = (uint32_t)(m.column + 1);
	return r;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 32;
	while (c < need)
		c *= 2;
	void *np = realloc(*p, c * size);
	if (!np)
		return -1;
	*p = np;
	*cap = c;
	return 0;
}

static void error_at(lc_yt_builder *b, lc_mark at, const char *fmt, const char *s, size_t n)
{
	lc_buf q = LC_BUF_INIT;
	if (s)
		lc_text_put_quoted(&q, s, n, 40);
	lc_diags_add(b->diags, LC_ERROR, &at, NULL, fmt, q.data ? q.data : "");
	lc_buf_free(&q);
}

static lc_yt_node *new_node(lc_yt_builder *b, lc_yt_kind kind, yaml_mark_t m)
{
	lc_yt_node *n = lc_arena_alloc(b->arena, sizeof *n);
	if (!n) {
		b->nomem = 1;
		return NULL;
	}
	n->kind = kind;
	n->at = mark_of(b, m);
	n->weight = 1;
	b->nodes++;
	if (b->record) {
		if (grow((void **)&b->made, &b->capmade, b->nmade + 1, sizeof *b->made) < 0) {
			b->nomem = 1;
			return NULL;
		}
		b->made[b->nmade++] = n;
	}
	return n;
}


int lc_yt_push_child(lc_yt_builder *b, lc_yt_node *n)
{
	if (b->nframes == 0) {
		b->root = n;
		return 0;
	}
	if (grow((void **)&b->kids, &b->capkids, b->nkids + 1, sizeof *b->kids) < 0) {
		b->nomem = 1;
		return -1;
	}
	b->kids[b->nkids++] = n;
	return 0;
}

static int register_anchor(lc_yt_builder *b, const yaml_char_t *name, lc_yt_node *n, yaml_mark_t m)
{
	if (!name)
		return 0;
	/* An alias after the item could point at it: the items from here on stay. */
	if (b->streamed && b->arena == b->scratch)
		b->stream->stopped = 1;
	size_t len = strlen((const char *)name);
	anchor *a = lc_arena_alloc(b->arena, sizeof *a);
	char *copy = lc_arena_memdup(b->arena, name, len);
	if (!a || !copy) {
		b->nomem = 1;
		return -1;
	}
	a->name = copy;
	a->node = n;
	a->at = mark_of(b, m);
	const anchor *prev = lc_idmap_put(&b->anchors, copy, len, a);
	if (prev == (const void *)&b->anchors) {
		b->nomem = 1;
		return -1;
	}
	if (prev) {
		error_at(b, a->at, "anchor %s is defined twice; give each anchor its own name", copy, len);
		lc_diags_add(b->diags, LC_NOTE, &prev->at, NULL, "first defined here");
		return -1;
	}
	return 0;
}

static int check_tag(lc_yt_builder *b, const yaml_char_t *tag, yaml_mark_t m)
{
	if (!tag)
		return 0;
	error_at(b, mark_of(b, m),
	         "YAML tags such as %s are not part of the ladder format; remove the tag and write the value as text",
	         (const char *)tag, strlen((const char *)tag));
	return -1;
}

/* Duplicate keys: libyaml accepts them and a later key would silently win. */
static void check_duplicate_keys(lc_yt_builder *b, const lc_yt_node *map)
{
	for (uint32_t i = 1; i < map->count; i++) {
		const lc_yt_node *k = map->items[2 * i];
		if (k->kind != LC_YT_SCALAR)
			continue;
		for (uint32_t j = 0; j < i; j++) {
			const lc_yt_node *p = map->items[2 * j];
			if (p->kind == LC_YT_SCALAR && p->len == k->len && memcmp(p->str, k->str, k->len) == 0) {
				error_at(b, k->at, "duplicate key %s: YAML would keep only the last value", k->str, k->len);
				lc_diags_add(b->diags, LC_NOTE, &p->at, NULL, "first given here");
				break;
			}
		}
	}
}

/* YAML 1.1 merge keys (`<<: *base`) would copy keys in unseen: libyaml leaves
 * them to the application, and the ladder format has none. */
static int check_merge_keys(lc_yt_builder *b, const lc_yt_node *map)
{
	for (uint32_t i = 0; i < map->count; i++) {
		const lc_yt_node *k = map->items[2 * i];
		if (k->kind == LC_YT_SCALAR && k->plain && k->len == 2 && k->str[0] == '<' && k->str[1] == '<') {
			lc_diags_add(b->diags, LC_ERROR, &k->at, NULL,
			             "merge keys ('<<') are not part of the ladder format; write the keys out");
			return -1;
		}
	}
	return 0;
}

/* Large mappings (thousands of keys) are not part of a sane ladder, but must
 * not cost quadratic time: above this size keys are checked through a sort. */
enum { DUP_LINEAR_MAX = 64 };

static int keycmp(const void *pa, const void *pb)
{
	const lc_yt_node *a = *(lc_yt_node *const *)pa, *c = *(lc_yt_node *const *)pb;
	size_t n = a->len < c->len ? a->len : c->len;
	int r = memcmp(a->str, c->str, n);
	if (r)
		return r;
	if (a->len != c->len)
		return a->len < c->len ? -1 : 1;
	/* equal keys: document order, so the first is reported as the original */
	if (a->at.line != c->at.line)
		return a->at.line < c->at.line ? -1 : 1;
	return a->at.col < c->at.col ? -1 : a->at.col > c->at.col;
}

static void check_duplicate_keys_sorted(lc_yt_builder *b, const lc_yt_node *map)
{
	lc_yt_node **keys = malloc(map->count * sizeof *keys);
	if (!keys) {
		b->nomem = 1;
		return;
	}
	size_t n = 0;
	for (uint32_t i = 0; i < map->count; i++)
		if (map->items[2 * i]->kind == LC_YT_SCALAR)
			keys[n++] = map->items[2 * i];
	qsort(keys, n, sizeof *keys, keycmp);
	for (size_t i = 1; i < n; i++) {
		if (keys[i]->len == keys[i - 1]->len && memcmp(keys[i]->str, keys[i - 1]->str, keys[i]->len) == 0) {
			size_t first = i - 1;
			while (first > 0 && keys[first - 1]->len == keys[i]->len &&
			       memcmp(keys[first - 1]->str, keys[i]->str, keys[i]->len) == 0)
				first--;
			error_at(b, keys[i]->at, "duplicate key %s: YAML would keep only the last value", keys[i]->str,
			         keys[i]->len);
			lc_diags_add(b->diags, LC_NOTE, &keys[first]->at, NULL, "first given here");
			if (lc_diags_full(b->diags))
				break;
		}
	}
	free(keys);
}

/* Hands over the item just completed (the last child of the streamed
 * sequence) and forgets its nodes, unless streaming has stopped. */
static int item_done(lc_yt_builder *b)
{
	if (b->stream->stopped)
		return 0;
	int r = b->item_fn(b->item_ctx, b->kids[b->nkids - 1]);
	if (r != 0) {
		b->nomem = r < 0;
		return -1; /* out of memory, or the caller gave up: the parse ends */
	}
	b->nkids--;
	b->nmade = b->item_made;
	lc_arena_reset(b->scratch);
	if (b->stream->release)
		lc_source_release(b->src, b->stream_lo, b->cur_byte, b->unfed);
	return 0;
}

static int is_item(const lc_yt_builder *b)
{
	return b->streamed && b->nframes == b->stream_frame + 1 && b->frames[b->stream_frame].node == b->streamed;
}

/* Items of `seq` (open in frame `frame`) go to fn from now on. */
int lc_yt_start_stream(lc_yt_builder *b, lc_yt_node *seq, size_t at_frame, int (*fn)(void *, const lc_yt_node *), void *ctx)
{
	if (!b->scratch && !(b->scratch = lc_arena_new())) {
		b->nomem = 1;
		return -1;
	}
	b->streamed = seq;
	b->stream_lo = b->stream_hi = b->cur_byte;
	b->stream_frame = at_frame;
	b->item_fn = fn;
	b->item_ctx = ctx;
	b->home = b->arena;
	b->arena = b->scratch;
	b->item_made = b->nmade;
	return 0;
}

/* The root mapping's value that just opened (frame 1) is a sequence: the
 * caller may take its items. */
static int maybe_stream(lc_yt_builder *b, lc_yt_node *seq, const yaml_char_t *anchor_name, const yaml_char_t *tag)
{
	if (!b->stream || !b->stream->begin || b->streamed || b->stream->stopped || b->nframes != 2 || anchor_name || tag)
		return 0;
	const frame *root = &b->frames[0];
	size_t n = b->nkids - root->first; /* keys and values so far, this sequence last */
	if (root->node->kind != LC_YT_MAP || n % 2 != 0)
		return 0;
	const lc_yt_node *key = b->kids[b->nkids - 2];
	int take = b->stream->begin(b->stream->ctx, key, b->kids + root->first, n / 2 - 1);
	if (take <= 0)
		return take; /* -1: the caller gave up, the parse ends */
	return lc_yt_start_stream(b, seq, 1, b->stream->item, b->stream->ctx);
}

static int open_collection(lc_yt_builder *b, lc_yt_kind kind, const yaml_event_t *ev, const yaml_char_t *anchor_name,
                           const yaml_char_t *tag)
{
	size_t max_depth = b->lim->max_depth;
	if (b->nframes >= max_depth) {
		lc_mark at = mark_of(b, ev->start_mark);
		lc_diags_add(b->diags, LC_ERROR, &at, NULL,
		             "nesting is deeper than %zu levels; a ladder needs far fewer", max_depth);
		return -1;
	}
	if (check_tag(b, tag, ev->start_mark) < 0)
		return -1;
	lc_yt_node *n = new_node(b, kind, ev->start_mark);
	if (!n)
		return -1;
	n->flow = kind == LC_YT_MAP ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
	                         : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	if (register_anchor(b, anchor_name, n, ev->start_mark) < 0)
		return -1;
	if (lc_yt_push_child(b, n) < 0)
		return -1;
	if (grow((void **)&b->frames, &b->capframes, b->nframes + 1, sizeof *b->frames) < 0) {
		b->nomem = 1;
		return -1;
	}
	b->frames[b->nframes].node = n;
	b->frames[b->nframes].first = b->nkids;
	b->nframes++;
	if (kind == LC_YT_SEQ && b->stream)
		return maybe_stream(b, n, anchor_name, tag);
	return 0;
}

int lc_yt_close_collection(lc_yt_builder *b)
{
	frame *f = &b->frames[--b->nframes];
	lc_yt_node *n = f->node;
	if (n == b->streamed && b->nframes == b->stream_frame) {
		b->arena = b->home; /* the sequence itself lives on */
		b->stream_hi = b->cur_byte;
	}
	size_t nkids = b->nkids - f->first;
	if (nkids) {
		n->items = lc_arena_calloc(b->arena, nkids, sizeof *n->items);
		if (!n->items) {
			b->nomem = 1;
			return -1;
		}
		memcpy(n->items, b->kids + f->first, nkids * sizeof *n->items);
	}
	size_t w = 1;
	for (size_t i = 0; i < nkids; i++)
		w = sat_add(w, n->items[i]->weight);
	n->weight = w;
	n->count = (uint32_t)(n->kind == LC_YT_MAP ? nkids / 2 : nkids);
	b->nkids = f->first;
	n->complete = 1;
	if (n->kind == LC_YT_MAP) {
		if (check_merge_keys(b, n) < 0)
			return -1;
		if (n->count <= DUP_LINEAR_MAX)
			check_duplicate_keys(b, n);
		else
			check_duplicate_keys_sorted(b, n);
	}
	return is_item(b) ? item_done(b) : 0;
}

static int on_alias(lc_yt_builder *b, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	lc_mark at = mark_of(b, ev->start_mark);
	const anchor *a = lc_idmap_get(&b->anchors, name, strlen(name));
	if (!a) {
		error_at(b, at, "alias %s refers to no anchor defined before it", name, strlen(name));
		return -1;
	}
	if (!a->node->complete) {
		error_at(b, at, "alias %s refers to its own enclosing node: the value would be infinite", name,
		         strlen(name));
		return -1;
	}
	/* Budget relative to the document, as go-yaml does: expansion may add at
	 * most ten times the document's own nodes (and at least 10000). */
	b->expanded = sat_add(b->expanded, a->node->weight);
	size_t budget = b->lim->max_alias_nodes;
	if (!budget) {
		budget = b->nodes > SIZE_MAX / 10 ? SIZE_MAX : b->nodes * 10;
		if (budget < 10000)
			budget = 10000;
	}
	if (b->expanded > budget) {
		lc_diags_add(b->diags, LC_ERROR, &at, NULL,
		             "aliases expand to more than %zu nodes (an alias bomb?); use fewer or smaller aliases",
		             budget);
		return -1;
	}
	if (lc_yt_push_child(b, a->node) < 0)
		return -1;
	return is_item(b) ? item_done(b) : 0;
}


/* Moves the cursor forward to libyaml's character `index` and returns the
 * byte it falls on, or SIZE_MAX once the cursor cannot be trusted. */
size_t lc_yt_byte_at(lc_yt_builder *b, size_t index)
{
	if (b->lost)
		return SIZE_MAX;
	if (index < b->cur_index) {
		b->lost = 1; /* marks never go back in a well-formed stream */
		return SIZE_MAX;
	}
	const char *data = b->src->data;
	size_t end = b->src->len;
	size_t i = b->cur_byte, ci = b->cur_index;
	while (ci < index && i < end) {
		if (index - ci >= 8 && end - i >= 8) {
			uint64_t w; /* eight ASCII bytes are eight characters */
			memcpy(&w, data + i, 8);
			if (!(w & 0x8080808080808080u)) {
				i += 8;
				ci += 8;
				continue;
			}
		}
		i++;
		while (i < end && ((unsigned char)data[i] & 0xC0) == 0x80)
			i++;
		ci++;
	}
	if (ci != index) {
		b->lost = 1;
		return SIZE_MAX;
	}
	b->cur_index = ci;
	b->cur_byte = i;
	return i;
}

/* Long text that libyaml returns exactly as it is written in the source
 * (quoted or plain on one line, without escapes) is not copied: the node
 * points into the source buffer, which lives as long as the model. This
 * saves a copy of nearly the whole input and the time to write it. Such text
 * is not NUL-terminated; short scalars (ids, keys, numbers) are still copied
 * and terminated. Returns NULL when the text must be copied. */
enum { IN_SOURCE_MIN = 64 };

static const char *in_source(lc_yt_builder *b, const yaml_event_t *ev)
{
	const char *data = b->src->data;
	size_t end = b->src->len;
	size_t i = lc_yt_byte_at(b, ev->start_mark.index);
	/* An anchor or a tag comes first: the mark is not at the text, and an
	 * empty value would compare equal anywhere and leave the cursor wrong. */
	if (i == SIZE_MAX || ev->data.scalar.anchor || ev->data.scalar.tag)
		return NULL;
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	char quote = 0;
	switch (ev->data.scalar.style) {
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE: quote = '"'; break;
	case YAML_SINGLE_QUOTED_SCALAR_STYLE: quote = '\''; break;
	case YAML_PLAIN_SCALAR_STYLE: break;
	default: return NULL; /* block scalars lose their indentation */
	}
	size_t at = i + (quote ? 1 : 0);
	if (quote && (i >= end || data[i] != quote))
		return NULL;
	if (len > end - at || (quote && (len == end - at || data[at + len] != quote)))
		return NULL;
	const char *text = data + at;
	/* Escapes, doubled quotes and folded line breaks make the value differ
	 * from the source; with none of them, equal bytes are the same text and
	 * the scalar ends right after them. */
	if (memcmp(text, value, len) != 0 || memchr(text, '\n', len) || memchr(text, '\r', len) ||
	    (quote && memchr(text, quote == '"' ? '\\' : '\'', len)))
		return NULL;
	b->cur_index = ev->end_mark.index;
	b->cur_byte = at + len + (quote ? 1 : 0);
	return len >= IN_SOURCE_MIN ? text : NULL;
}

static int on_scalar(lc_yt_builder *b, const yaml_event_t *ev)
{
	if (check_tag(b, ev->data.scalar.tag, ev->start_mark) < 0)
		return -1;
	lc_yt_node *n = new_node(b, LC_YT_SCALAR, ev->start_mark);
	if (!n)
		return -1;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->len = ev->data.scalar.length;
	n->str = in_source(b, ev);
	if (!n->str)
		n->str = lc_arena_memdup(b->arena, ev->data.scalar.value, n->len);
	if (!n->str) {
		b->nomem = 1;
		return -1;
	}
	n->complete = 1;
	if (register_anchor(b, ev->data.scalar.anchor, n, ev->start_mark) < 0)
		return -1;
	if (lc_yt_push_child(b, n) < 0)
		return -1;
	return is_item(b) ? item_done(b) : 0;
}

/* Turns libyaml's error into a located, actionable diagnostic. */
static void report_parser_error(lc_yt_builder *b, const yaml_parser_t *p)
{
	if (p->error == YAML_MEMORY_ERROR) {
		b->nomem = 1;
		return;
	}
	if (p->error == YAML_READER_ERROR && b->in.err)
		return; /* the file could not be read again: the loader says so (lc_source_read_error) */
	if (p->error == YAML_READER_ERROR) {
		lc_mark at = lc_source_mark_at(b->src, p->problem_offset + b->bom);
		const char *problem = p->problem ? p->problem : "unreadable input";
		if (strstr(problem, "control characters")) {
			lc_diags_add(b->diags, LC_ERROR, &at, NULL,
			             "control character U+%04X is not allowed in a YAML file; remove it or write it as an escape in a double-quoted string",
			             (unsigned)p->problem_value);
		} else if (strstr(problem, "UTF-8") || strstr(problem, "Unicode character")) {
			/* libyaml points at the offending byte; the sequence starts at its lead byte.
			 * "invalid Unicode character": a surrogate or past U+10FFFF, in UTF-8 form. */
			size_t off = p->problem_offset + b->bom;
			const unsigned char *d = (const unsigned char *)b->src->data;
			if (strstr(problem, "trailing") && off <= b->src->len) {
				size_t j = off;
				for (int k = 0; k < 3 && j > 0 && (d[j - 1] & 0xC0) == 0x80; k++)
					j--;
				if (j > 0 && d[j - 1] >= 0xC0)
					off = j - 1;
			}
			at = lc_source_mark_at(b->src, off);
			lc_diags_add(b->diags, LC_ERROR, &at, NULL,
			             "invalid UTF-8 at byte 0x%02X (%s); save the file as UTF-8",
			             off < b->src->len ? d[off] : 0u, problem);
		} else {
			lc_diags_add(b->diags, LC_ERROR, &at, NULL, "invalid text (%s); save the file as UTF-8", problem);
		}
		return;
	}
	lc_mark at = mark_of(b, p->problem_mark);
	const char *problem = p->problem ? p->problem : "syntax error";
	const char *context = p->context;
	size_t len = 0;
	const char *line = lc_source_line(b->src, at.line, &len);
	/* What is under the problem mark decides the most useful advice. */
	char under = 0;
	if (line) {
		uint32_t col = 1;
		for (size_t i = 0; i < len; i++) {
			if (((unsigned char)line[i] & 0xC0) == 0x80)
				continue;
			if (col++ == at.col) {
				under = line[i];
				break;
			}
		}
	}
	if (under == '\t' && strstr(problem, "cannot start any token")) {
		lc_diags_add(b->diags, LC_ERROR, &at, NULL,
		             "tab character where YAML expects indentation or a value; indent with spaces");
		return;
	}
	if (context && strstr(context, "quoted scalar") && strstr(problem, "end of stream")) {
		lc_mark cm = mark_of(b, p->context_mark);
		lc_diags_add(b->diags, LC_ERROR, &cm, NULL, "unclosed quoted string: the file ends before its closing quote");
		return;
	}
	/* `title: {role} Lead`: a value starting with { is a YAML flow mapping. */
	int brace_value = 0;
	for (size_t i = 0; line && i < len && !brace_value; i++) {
		if (line[i] != '{')
			continue;
		size_t rest = len - i;
		if (!((rest >= 6 && memcmp(line + i, "{role}", 6) == 0) ||
		      (rest >= 8 && memcmp(line + i, "{family}", 8) == 0)))
			continue;
		size_t j = i;
		while (j > 0 && line[j - 1] == ' ')
			j--;
		brace_value = j > 0 && line[j - 1] == ':';
	}
	if (context)
		lc_diags_add(b->diags, LC_ERROR, &at, NULL, "YAML syntax error: %s (%s)", problem, context);
	else
		lc_diags_add(b->diags, LC_ERROR, &at, NULL, "YAML syntax error: %s", problem);
	if (brace_value)
		lc_diags_add(b->diags, LC_NOTE, &at, NULL,
		             "a value starting with '{' is read as a YAML mapping; quote it, as in title: \"{role} Lead\"");
	else if (context && p->context_mark.line != p->problem_mark.line) {
		lc_mark cm = mark_of(b, p->context_mark);
		lc_diags_add(b->diags, LC_NOTE, &cm, NULL, "the construct starts here");
	}
}

static int check_encoding(lc_yt_builder *b)
{
	const unsigned char *d = (const unsigned char *)b->src->data;
	size_t n = b->src->len;
	lc_mark top = {b->src, 1, 1};
	if ((n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) ||
	    (n >= 2 && ((d[0] == 0 && d[1] != 0) || (d[0] != 0 && d[1] == 0)))) {
		lc_diags_add(b->diags, LC_ERROR, &top, NULL,
		             "the file is UTF-16; ladder files must be UTF-8 (re-save it as UTF-8)");
		return -1;
	}
	if (n >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
		b->bom = 3;
	return 0;
}

/* One event into the tree: 1 at the end of the stream, -1 on an error
 * (reported), 0 otherwise. */
int lc_yt_on_event(lc_yt_builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			lc_mark at = mark_of(b, ev->start_mark);
			lc_diags_add(b->diags, LC_ERROR, &at, NULL,
			             "a second YAML document: a ladder file holds exactly one (remove this '---' and what follows, or move it to a file of its own)");
			return -1;
		}
		if (ev->data.document_start.tag_directives.start != ev->data.document_start.tag_directives.end) {
			lc_mark at = mark_of(b, ev->start_mark);
			lc_diags_add(b->diags, LC_ERROR, &at, NULL,
			             "a %%TAG directive: YAML tags are not part of the ladder format; remove the directive");
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev);
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(b, LC_YT_SEQ, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
	case YAML_MAPPING_START_EVENT:
		return open_collection(b, LC_YT_MAP, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return lc_yt_close_collection(b);
	default:
		return 0;
	}
}

int lc_yt_starts_node(const yaml_event_t *ev)
{
	return ev->type == YAML_SCALAR_EVENT || ev->type == YAML_ALIAS_EVENT ||
	       ev->type == YAML_SEQUENCE_START_EVENT || ev->type == YAML_MAPPING_START_EVENT;
}

void lc_yt_builder_init(lc_yt_builder *b, lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags)
{
	memset(b, 0, sizeof *b);
	b->arena = arena;
	b->src = src;
	b->diags = diags;
	b->lim = lim;
}

void lc_yt_builder_free(lc_yt_builder *b)
{
	if (b->scratch) {
		if (b->stream && b->stream->stopped && b->home)
			lc_arena_adopt(b->home, b->scratch); /* the items kept in the tree */
		else
			lc_arena_free(b->scratch);
	}
	free(b->frames);
	free(b->kids);
	free(b->made);
	lc_idmap_free(&b->anchors);
}

static int read_source(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	reader *r = data;
	lc_source *src = r->src;
	size_t n = src->len - r->pos < size ? src->len - r->pos : size;
	if (src->file) {
		int rc = r->fed ? lc_source_fetch_fed(src, r->pos, r->pos + n) : lc_source_fetch(src, r->pos, r->pos + n);
		if (rc < 0) {
			r->err = errno;
			return 0;
		}
	}
	memcpy(buffer, src->data + r->pos, n);
	r->pos += n;
	*size_read = n;
	return 1;
}

int lc_yt_start_parser(lc_yt_builder *b, yaml_parser_t *p, size_t from, int fed)
{
	if (!yaml_parser_initialize(p))
		return -1;
	b->in.src = b->src;
	b->in.pos = from;
	b->in.fed = fed;
	b->in.err = 0;
	yaml_parser_set_input(p, read_source, &b->in);
	yaml_parser_set_encoding(p, YAML_UTF8_ENCODING);
	return 0;
}

static lc_yt_status parse(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                          lc_yt_stream *stream, lc_yt_node **root, size_t split_at, int *joined);

lc_yt_status lc_yt_parse(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                         lc_yt_node **root)
{
	return lc_yt_parse_stream(arena, src, lim, diags, NULL, root);
}

lc_yt_status lc_yt_parse_stream(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                                lc_yt_stream *stream, lc_yt_node **root)
{
	return parse(arena, src, lim, diags, stream, root, src->len >= lim->parallel_min ? SIZE_MAX : 0, NULL);
}

lc_yt_status lc_yt_parse_split(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                               lc_yt_node **root, size_t split_at, int *joined)
{
	return parse(arena, src, lim, diags, NULL, root, split_at, joined);
}

lc_yt_status lc_yt_parse_stream_split(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                                      lc_yt_stream *stream, lc_yt_node **root, size_t at, int *joined)
{
	return parse(arena, src, lim, diags, stream, root, at, joined);
}

static lc_yt_status parse(lc_arena *arena, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                          lc_yt_stream *stream, lc_yt_node **root, size_t split_at, int *joined)
{
	if (joined)
		*joined = 0;
	lc_yt_builder b;
	lc_yt_builder_init(&b, arena, src, lim, diags);
	b.stream = stream;
	if (stream)
		stream->stopped = 0;
	*root = NULL;
	size_t errors_before = diags->errors;
	if (check_encoding(&b) < 0)
		return LC_YT_INVALID;

	yaml_parser_t p;
	if (lc_yt_start_parser(&b, &p, b.bom, 1) < 0)
		return LC_YT_NOMEM;
	b.cur_byte = b.bom;
	lc_yt_piece *pc = split_at && !lc_serial() ? lc_yt_piece_start(src, lim, b.bom, split_at, stream) : NULL;

	int failed = 0, done = 0;
	size_t joined_end = 0;  /* where the adopted piece's sequence ends */
	while (!done && !failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			report_parser_error(&b, &p);
			failed = 1;
			break;
		}
		if (pc) {
			int met = lc_yt_piece_meet(&b, &pc, &ev, &joined_end);
			if (met != 0) { /* the piece completed the tree, or no memory */
				yaml_event_delete(&ev);
				if (met > 0 && joined)
					*joined = 1;
				failed = met < 0;
				break;
			}
		}
		int r = lc_yt_on_event(&b, &ev);
		yaml_event_delete(&ev);
		if (pc)
			lc_yt_piece_offer(&b, pc);
		if (r > 0)
			done = 1;
		if (r < 0 || b.nomem)
			failed = 1;
	}
	if (pc)
		lc_yt_piece_cancel(pc);
	yaml_parser_delete(&p);
	if (!failed && stream && stream->release && b.streamed && !stream->stopped)
		lc_source_release(src, b.stream_lo, joined_end ? joined_end : b.stream_hi, 0);
	lc_yt_builder_free(&b);
	if (b.nomem)
		return LC_YT_NOMEM;
	if (!failed)
		*root = b.root; /* complete, though perhaps with duplicate keys: worth checking further */
	if (failed || diags->errors > errors_before)
		return LC_YT_INVALID;
	return LC_YT_OK;
}

