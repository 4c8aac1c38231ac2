/* Speed-only: the main file's roles built while it is parsed (on one or both
 * of src/yaml_split.c's threads), the bytes they were parsed from given back
 * (src/source_file.c), and a plain load when a streamed one would differ.
 * Off under lc_serial() (src/load.c does not call lc_load_stream_init). */
#include <errno.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load_internal.h"
#include "source_file.h"
#include "speed_taken.h"

/* The roles are most of a big ladder. When the main file's `roles:` comes
 * after `tracks:` (and `groups:`), everything a role refers to is known when
 * the parser reaches it: each role is built as soon as its item is complete
 * and the item's nodes are freed, so the tree of the whole file never sits
 * in memory. The roles are built by the same code, in the same order, as in
 * a plain load; anything a plain load would do differently (a diagnostic of
 * any kind, an include, tracks or groups after the roles, a duplicate id or
 * the cell limit across the two threads' roles) makes load() start again
 * without streaming, so results and diagnostics are those of a plain load.
 * After an anchor inside a role the parser keeps the rest of the roles in the
 * tree (an alias may point into them) and lc_load_build_model() builds those. */

/* Calls from inside the parser must not longjmp past it (it holds libyaml's
 * state and perhaps a thread): out of memory there returns an error instead. */
#define GUARDED(ld, on_oom, body)                                      \
	do {                                                                \
		jmp_buf here_;                                                  \
		jmp_buf *outer_ = (ld)->nomem_at;                               \
		(ld)->nomem_at = &here_;                                        \
		if (setjmp(here_)) {                                            \
			(ld)->nomem_at = outer_;                                    \
			on_oom;                                                     \
		}                                                               \
		body;                                                           \
		(ld)->nomem_at = outer_;                                        \
	} while (0)

static int key_is(const lc_yt_node *k, const char *name)
{
	size_t n = strlen(name);
	return k->kind == LC_YT_SCALAR && k->len == n && memcmp(k->str, name, n) == 0;
}

static int stream_begin(void *ctx, const lc_yt_node *key, lc_yt_node *const *pairs, size_t npairs)
{
	loader *ld = ctx;
	if (ld->globals_built || !key_is(key, "roles"))
		return 0;
	lc_yt_node *tracks = NULL, *groups = NULL, *proficiency = NULL;
	for (size_t i = 0; i < npairs; i++) {
		const lc_yt_node *k = pairs[2 * i];
		if (k->kind != LC_YT_SCALAR || key_is(k, "include") || key_is(k, "roles"))
			return 0;
		if (key_is(k, "tracks") || key_is(k, "groups") || key_is(k, "proficiency")) {
			lc_yt_node **slot = key_is(k, "tracks") ? &tracks : key_is(k, "groups") ? &groups : &proficiency;
			if (*slot)
				return 0; /* a duplicate key: the plain load reports it */
			*slot = pairs[2 * i + 1];
		}
	}
	if (!tracks)
		return 0;
	size_t before = ld->diags->count + ld->diags->errors + ld->diags->warnings;
	ld->units[0]->tracks = tracks;
	ld->units[0]->groups = groups;
	ld->proficiency = proficiency;
	ld->globals_built = 1;
	GUARDED(ld, { ld->stream_oom = 1; return 0; }, lc_load_build_globals(ld));
	if (ld->l->ntracks == 0 || ld->diags->count + ld->diags->errors + ld->diags->warnings != before) {
		ld->stream_broken = 1; /* load() starts again without streaming: stop here */
		return -1;
	}
	ld->copy_text = 1;
	atomic_fetch_add(&lc_speed_taken.streams, 1);
	return 1;
}

static int stream_item(void *ctx, const lc_yt_node *item)
{
	loader *ld = ctx;
	size_t before = ld->diags->count + ld->diags->errors + ld->diags->warnings;
	GUARDED(ld, return -1, lc_load_build_role(ld, item));
	if (ld->diags->count + ld->diags->errors + ld->diags->warnings != before) {
		ld->stream_broken = 1; /* load() starts again without streaming: stop here */
		return 1;
	}
	return 0;
}

/* The roles of the second thread's part are built on that thread by a copy
 * of the loader with an arena, diagnostics and role list of its own; it only
 * reads what the first thread built before forking (tracks, levels, groups). */
static void *stream_fork(void *ctx)
{
	const loader *ld = ctx;
	loader *f = malloc(sizeof *f);
	if (!f)
		return NULL;
	*f = *ld;
	f->arena = lc_arena_new();
	if (!f->arena) {
		free(f);
		return NULL;
	}
	f->nomem_at = &f->nomem;
	lc_diags_init(&f->own_diags);
	f->diags = &f->own_diags;
	lc_idmap_init(&f->roles);
	memset(&f->vroles, 0, sizeof f->vroles);
	f->cells = 0;
	f->quiet = 1;
	return f;
}

static void stream_drop(void *fctx)
{
	loader *f = fctx;
	if (f->arena)
		lc_arena_free(f->arena);
	lc_idmap_free(&f->roles);
	free(f->vroles.items);
	lc_diags_free(&f->own_diags);
	free(f);
}

/* Any diagnostic stops the second thread: the first then parses that part
 * itself, and the load starts again anyway. */
static int stream_fork_item(void *fctx, const lc_yt_node *item)
{
	loader *f = fctx;
	if (setjmp(f->nomem))
		return -1;
	lc_load_build_role(f, item);
	return f->own_diags.errors ? 1 : 0;
}

static void move_mark(lc_mark *m, const lc_source *from, lc_source *to, uint32_t shift)
{
	if (m->src == from) {
		m->src = to;
		m->line += shift;
	}
}

static void move_role_marks(const ladder *l, ladder_role *r, const lc_source *from, lc_source *to, uint32_t shift)
{
	move_mark(&r->at, from, to, shift);
	for (size_t i = 0; i < l->nlevels; i++)
		move_mark(&r->title_override_at[i], from, to, shift);
	for (size_t g = 0; g < r->ngroups; g++) {
		ladder_group *gr = r->groups[g];
		move_mark(&gr->at, from, to, shift);
		for (size_t k = 0; k < gr->ncompetencies; k++) {
			ladder_competency *c = gr->competencies[k];
			move_mark(&c->at, from, to, shift);
			move_mark(&c->description_at, from, to, shift);
			for (size_t i = 0; i < l->nlevels; i++)
				move_mark(&c->text_at[i], from, to, shift);
			for (size_t i = 0; i < c->nlint_disable; i++)
				move_mark(&c->lint_disable_at[i], from, to, shift);
		}
	}
}

/* The fork's roles follow the first thread's, as in a plain load. */
static void merge_roles(loader *ld, loader *f, const lc_source *piece_src, uint32_t shift)
{
	lc_source *src = ld->units[0]->src;
	for (size_t i = 0; i < f->vroles.n; i++) {
		ladder_role *r = f->vroles.items[i];
		move_role_marks(ld->l, r, piece_src, src, shift);
		if (lc_idmap_put(&ld->roles, r->id.s, r->id.len, r))
			ld->stream_broken = 1; /* a duplicate id (or no memory): the plain load reports it */
		r->index = (uint32_t)ld->vroles.n;
		lc_load_vec_push(ld, &ld->vroles, r);
	}
}

static int stream_join(void *ctx, void *fctx, const lc_source *piece_src, uint32_t shift)
{
	loader *ld = ctx, *f = fctx;
	GUARDED(ld, { stream_drop(f); ld->stream_oom = 1; return -1; }, merge_roles(ld, f, piece_src, shift));
	size_t max = ld->lim.max_cells ? ld->lim.max_cells : LADDER_DEFAULT_MAX_CELLS;
	ld->cells = ld->cells > SIZE_MAX - f->cells ? SIZE_MAX : ld->cells + f->cells;
	if (ld->cells > max)
		ld->stream_broken = 1; /* the limit's error is the plain load's to report */
	lc_arena_adopt(ld->arena, f->arena);
	f->arena = NULL;
	stream_drop(f);
	return 0;
}

void lc_load_stream_init(loader *ld)
{
	ld->ys.ctx = ld;
	ld->ys.begin = stream_begin;
	ld->ys.item = stream_item;
	ld->ys.fork = stream_fork;
	ld->ys.fork_item = stream_fork_item;
	ld->ys.join = stream_join;
	ld->ys.drop = stream_drop;
}

void lc_load_stream_keep_file(loader *ld, lc_source *src, int fd)
{
	/* the roles' bytes can be given back once they are built */
	if (src->len >= ld->lim.release_min && lc_source_attach_file(src, fd) == 0)
		ld->ys.release = 1;
	else
		close(fd);
}

lc_yt_stream *lc_load_stream_for(loader *ld, lc_source *src)
{
	if (!ld->ys.begin || src->len < ld->lim.stream_min)
		return NULL;
	if (!ld->ys.release) { /* else all text is copied */
		ld->text_lo = src->data;
		ld->text_hi = src->data + src->len;
	}
	return &ld->ys;
}

/* A streamed load that did anything a plain one would not (see stream_begin)
 * gives its bytes back in `in` and its diagnostics are forgotten. */
int lc_load_stream_restart(loader *ld, lc_load_input *in, lc_diags *diags, size_t count, size_t errors,
                           size_t warnings, int truncated)
{
	if (!ld->globals_built || ld->io_error || ld->nunits == 0)
		return 0;
	if (!ld->stream_broken && diags->count == count && diags->errors == errors && diags->warnings == warnings)
		return 0;
	lc_source *src = ld->units[0]->src;
	for (size_t i = count; i < diags->count; i++)
		free(diags->items[i].block);
	diags->count = count;
	diags->errors = errors;
	diags->warnings = warnings;
	diags->truncated = truncated;
	/* the roles' bytes given back are read again */
	if (lc_source_fetch(src, 0, src->len) < 0) {
		lc_load_read_again_failed(ld, src, errno);
		return 0;
	}
	lc_source_detach_file(src);
	in->taken = (char *)src->data;
	in->taken_len = src->len;
	src->data = NULL;
	in->streaming = 0;
	return 1;
}
