/* The semantic diff of two ladders: the change list and the path it is built
 * at, things matched by id with hash maps, reorders found as the items
 * outside a longest increasing subsequence (so one insertion does not make
 * every later sibling "moved"), and the entry point. The summary is
 * src/diff_summary.c, the filters src/diff_filter.c. Each kind
 * of thing is compared in src/diff_compare.c; how a text edit counts for the
 * suggested version bump is src/diff_classify.c.
 *
 * Order of the change list: the ladder's own fields, tracks and their levels,
 * company-wide groups and their competencies, roles (fields, titles, groups),
 * promotion, paths. Inside each collection: the new ladder's order, then what
 * was removed, in the old ladder's order. */
#include "diff_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"

const char *lc_change_kind_name(lc_change_kind k)
{
	switch (k) {
	case LC_CHANGE_ADDED: return "added";
	case LC_CHANGE_REMOVED: return "removed";
	case LC_CHANGE_CHANGED: return "changed";
	case LC_CHANGE_MOVED: return "moved";
	}
	return "?";
}

const char *lc_bump_name(lc_bump b)
{
	switch (b) {
	case LC_BUMP_NONE: return "none";
	case LC_BUMP_PATCH: return "patch";
	case LC_BUMP_MINOR: return "minor";
	case LC_BUMP_MAJOR: return "major";
	}
	return "?";
}

/* ---- the diff context ---------------------------------------------------- */

ladder_str lc_diff_dup(dctx *c, const char *s, size_t len)
{
	char *p = lc_arena_memdup(c->arena, s ? s : "", len);
	if (!p) {
		c->oom = 1;
		return (ladder_str){"", 0};
	}
	return (ladder_str){p, len};
}

ladder_str lc_diff_label(dctx *c, const char *p1, ladder_str s1, const char *p2, ladder_str s2)
{
	lc_buf_clear(&c->tmp);
	lc_buf_puts(&c->tmp, p1);
	lc_buf_put(&c->tmp, s1.s ? s1.s : "", s1.len);
	lc_buf_puts(&c->tmp, p2);
	lc_buf_put(&c->tmp, s2.s ? s2.s : "", s2.len);
	if (lc_buf_failed(&c->tmp)) {
		c->oom = 1;
		return (ladder_str){"", 0};
	}
	return lc_diff_dup(c, c->tmp.data, c->tmp.len);
}

lc_change *lc_diff_add_change(dctx *c, lc_change_kind kind, lc_change_subject subject, lc_bump bump,
                              ladder_str old_value, ladder_str new_value, ladder_str label)
{
	if (c->nchanges == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		lc_change *p = realloc(c->changes, cap * sizeof *p);
		if (!p) {
			c->oom = 1;
			return NULL;
		}
		c->changes = p;
		c->cap = cap;
	}
	lc_change *ch = &c->changes[c->nchanges];
	memset(ch, 0, sizeof *ch);
	ch->kind = kind;
	ch->subject = subject;
	ch->bump = bump;
	ch->old_value = old_value;
	ch->new_value = new_value;
	ch->path = lc_diff_dup(c, c->path.data, c->path.len);
	ch->label = label;
	ch->role_new = c->role_new;
	ch->role_old = c->role_old;
	ch->track_new = c->track_new;
	ch->track_old = c->track_old;
	ch->group_new = c->group_new;
	ch->group_old = c->group_old;
	ch->competency_new = c->competency_new;
	ch->competency_old = c->competency_old;
	ch->path_new = c->path_new;
	ch->path_old = c->path_old;
	const ladder_role *r = c->role_new ? c->role_new : c->role_old;
	if (r) {
		ch->role_id = r->id;
		ch->role_name = r->name;
	}
	ch->level_order = (size_t)-1;
	ch->order = c->nchanges++;
	return ch;
}

size_t lc_diff_push(dctx *c, const char *seg, ladder_str id)
{
	size_t mark = c->path.len;
	lc_buf_putc(&c->path, '/');
	lc_buf_puts(&c->path, seg);
	if (id.s) {
		lc_buf_putc(&c->path, '/');
		lc_buf_put(&c->path, id.s, id.len);
	}
	return mark;
}

void lc_diff_pop(dctx *c, size_t mark)
{
	c->path.len = mark;
	if (c->path.data)
		c->path.data[mark] = '\0';
}

lc_change *lc_diff_cmp_text(dctx *c, lc_change_subject subject, ladder_str o, ladder_str n, lc_bump added,
                            ladder_str label)
{
	if (!o.s && !n.s)
		return NULL;
	if (o.s && n.s && ladder_str_eq(o, n))
		return NULL;
	lc_change *ch;
	if (!o.s)
		ch = lc_diff_add_change(c, LC_CHANGE_ADDED, subject, added, NONE, n, label);
	else if (!n.s)
		ch = lc_diff_add_change(c, LC_CHANGE_REMOVED, subject, LC_BUMP_MINOR, o, NONE, label);
	else
		ch = lc_diff_add_change(c, LC_CHANGE_CHANGED, subject, lc_classify_text_edit(o, n), o, n, label);
	if (ch)
		ch->prose = 1;
	return ch;
}

lc_change *lc_diff_moved(dctx *c, lc_change_subject subject, lc_bump bump, ladder_str old_path,
                         uint32_t old_pos, uint32_t new_pos, const char *kind, ladder_str what)
{
	lc_change *ch = lc_diff_add_change(c, LC_CHANGE_MOVED, subject, bump, NONE, NONE,
	                                   lc_diff_label(c, kind, what, "", NONE));
	if (ch) {
		ch->old_path = old_path;
		ch->old_pos = old_pos;
		ch->new_pos = new_pos;
	}
	return ch;
}

/* ---- matching by id ------------------------------------------------------ */

/* Marks as moved those of seq's items that fall outside one longest
 * increasing subsequence: the fewest moves that explain the new order. */
static void mark_reorders(const int32_t *seq, size_t n, unsigned char *moved_new, size_t *tails, size_t *prev)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (seq[tails[mid]] < seq[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tails[lo - 1] : (size_t)-1;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	for (size_t i = 0; i < n; i++)
		moved_new[seq[i]] = 1;
	if (len > 0)
		for (size_t i = tails[len - 1];; i = prev[i]) {
			moved_new[seq[i]] = 0;
			if (prev[i] == (size_t)-1)
				break;
		}
}

int lc_diff_match_items(dctx *c, const mitem *oi, size_t no, const mitem *ni, size_t nn, matching *m)
{
	m->n2o = lc_arena_calloc(c->arena, nn + 1, sizeof *m->n2o);
	m->o2n = lc_arena_calloc(c->arena, no + 1, sizeof *m->o2n);
	m->moved = lc_arena_calloc(c->arena, nn + 1, 1);
	m->pos_old = lc_arena_calloc(c->arena, no + 1, sizeof *m->pos_old);
	m->pos_new = lc_arena_calloc(c->arena, nn + 1, sizeof *m->pos_new);
	if (!m->n2o || !m->o2n || !m->moved || !m->pos_old || !m->pos_new)
		return -1;
	lc_idmap map;
	lc_idmap_init(&map);
	for (size_t i = 0; i < no; i++) {
		m->o2n[i] = -1;
		m->pos_old[i] = (i > 0 && ladder_str_eq(oi[i].parent, oi[i - 1].parent)) ? m->pos_old[i - 1] + 1 : 1;
		if (lc_idmap_put(&map, oi[i].id.s, oi[i].id.len, (void *)(uintptr_t)(i + 1)) == &map) {
			lc_idmap_free(&map);
			return -1;
		}
	}
	for (size_t j = 0; j < nn; j++) {
		m->pos_new[j] = (j > 0 && ladder_str_eq(ni[j].parent, ni[j - 1].parent)) ? m->pos_new[j - 1] + 1 : 1;
		uintptr_t v = (uintptr_t)lc_idmap_get(&map, ni[j].id.s, ni[j].id.len);
		m->n2o[j] = v ? (int32_t)(v - 1) : -1;
		if (v) {
			m->o2n[v - 1] = (int32_t)j;
			if (!ladder_str_eq(ni[j].parent, oi[v - 1].parent))
				m->moved[j] = 1; /* new parent */
		}
	}
	lc_idmap_free(&map);

	int32_t *seq = malloc((no + 1) * sizeof *seq);
	size_t *tails = malloc((no + 1) * sizeof *tails);
	size_t *prev = malloc((no + 1) * sizeof *prev);
	int rc = (seq && tails && prev) ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < no;) {
		size_t k = 0, end = i;
		while (end < no && ladder_str_eq(oi[end].parent, oi[i].parent)) {
			int32_t j = m->o2n[end];
			if (j >= 0 && ladder_str_eq(ni[j].parent, oi[end].parent))
				seq[k++] = j;
			end++;
		}
		mark_reorders(seq, k, m->moved, tails, prev);
		i = end;
	}
	free(seq);
	free(tails);
	free(prev);
	return rc;
}

/* ---- grouping ------------------------------------------------------------ */

static size_t level_order_of(const dctx *c, const ladder_level *nl, const ladder_level *ol)
{
	if (nl)
		return nl->index;
	int32_t k = c->new_of_old_level[ol->index];
	return k >= 0 ? (size_t)k : c->n->nlevels + ol->index;
}

void lc_diff_set_level(dctx *c, lc_change *ch, const ladder_level *nl, const ladder_level *ol)
{
	if (!ch || (!nl && !ol))
		return;
	ch->level_id = nl ? nl->id : ol->id;
	ch->level_order = level_order_of(c, nl, ol);
	ch->level_new = nl;
	ch->level_old = ol;
}

/* ---- entry point ------------------------------------------------------------ */

void lc_diff_free(lc_diff *d)
{
	if (d)
		lc_arena_free(d->arena);
}

int lc_diff_ladders(const ladder *old_l, const ladder *new_l, lc_diff **out)
{
	static const ladder empty;
	*out = NULL;
	dctx c;
	memset(&c, 0, sizeof c);
	c.o = old_l ? old_l : &empty;
	c.n = new_l ? new_l : &empty;
	c.arena = lc_arena_new();
	if (!c.arena)
		return -1;
	lc_buf_init(&c.path);
	lc_buf_init(&c.tmp);
	size_t nn = c.n->nlevels + 1, no = c.o->nlevels + 1, rn = c.n->nroles + 1, ro = c.o->nroles + 1;
	c.old_of_new_level = lc_arena_calloc(c.arena, nn, sizeof(int32_t));
	c.new_of_old_level = lc_arena_calloc(c.arena, no, sizeof(int32_t));
	c.old_of_new_role = lc_arena_calloc(c.arena, rn, sizeof(int32_t));
	c.new_of_old_role = lc_arena_calloc(c.arena, ro, sizeof(int32_t));
	lc_diff *d = lc_arena_calloc(c.arena, 1, sizeof *d);
	struct lc_diff_ids *ids = lc_arena_calloc(c.arena, 1, sizeof *ids);
	int rc = -1;
	if (!c.old_of_new_level || !c.new_of_old_level || !c.old_of_new_role || !c.new_of_old_role || !d || !ids)
		goto done;
	lc_buf_puts(&c.path, "");
	lc_diff_walk_fields(&c);
	if (lc_diff_walk_tracks(&c) < 0 || lc_diff_walk_groups(&c, c.o->groups, c.o->ngroups, c.n->groups, c.n->ngroups) < 0 ||
	    lc_diff_walk_roles(&c) < 0 || lc_diff_walk_promotion(&c) < 0 || lc_diff_walk_paths(&c) < 0)
		goto done;
	if (c.oom || lc_buf_failed(&c.path) || lc_buf_failed(&c.tmp))
		goto done;
	d->arena = c.arena;
	d->nchanges = c.nchanges;
	d->changes = lc_arena_calloc(c.arena, c.nchanges + 1, sizeof *d->changes);
	if (!d->changes)
		goto done;
	if (c.nchanges)
		memcpy(d->changes, c.changes, c.nchanges * sizeof *d->changes);
	*ids = (struct lc_diff_ids){c.o, c.n, c.old_of_new_level, c.new_of_old_level, c.old_of_new_role,
	                            c.new_of_old_role};
	d->ids = ids;
	if (lc_diff_summarise(d, NULL) < 0)
		goto done;
	rc = 0;
	*out = d;
done:
	free(c.changes);
	lc_buf_free(&c.path);
	lc_buf_free(&c.tmp);
	if (rc < 0)
		lc_arena_free(c.arena);
	return rc;
}
