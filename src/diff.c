/* The semantic diff of two ladders: the change list and the path it is built
 * at, things matched by id with hash maps, reorders found as the items
 * outside a longest increasing subsequence (so one insertion does not make
 * every later sibling "moved"), the summary, and the entry point. Each kind
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

/* ---- summary flags and grouping ------------------------------------------ */

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
}

void lc_diff_flag_expectation(dctx *c, const ladder_level *nl, const ladder_level *ol)
{
	if (nl)
		c->exp_new_level[nl->index] = 1;
	if (ol)
		c->exp_old_level[ol->index] = 1;
	if (c->role_new)
		c->exp_new_role[c->role_new->index] = 1;
	if (c->role_old)
		c->exp_old_role[c->role_old->index] = 1;
	if (!c->role_new && !c->role_old) {
		if (nl)
			c->company_new_level[nl->index] = 1;
		if (ol)
			c->company_old_level[ol->index] = 1;
	}
}

/* ---- summary --------------------------------------------------------------- */

static int role_takes_flagged(const ladder_role *r, const unsigned char *flags)
{
	for (size_t t = 0; t < r->ntracks; t++)
		for (size_t k = 0; k < r->tracks[t]->nlevels; k++)
			if (flags[r->tracks[t]->levels[k]->index])
				return 1;
	return 0;
}

static ladder_str *level_list(dctx *c, const unsigned char *fn, const unsigned char *fo, size_t *count)
{
	*count = 0;
	ladder_str *out = lc_arena_calloc(c->arena, c->n->nlevels + c->o->nlevels + 1, sizeof *out);
	if (!out) {
		c->oom = 1;
		return NULL;
	}
	size_t n = 0;
	for (size_t k = 0; k < c->n->nlevels; k++)
		if (fn[k] || (c->old_of_new_level[k] >= 0 && fo[c->old_of_new_level[k]]))
			out[n++] = c->n->levels[k]->id;
	for (size_t k = 0; k < c->o->nlevels; k++)
		if (fo[k] && c->new_of_old_level[k] < 0)
			out[n++] = c->o->levels[k]->id;
	*count = n;
	return out;
}

static void summarise(dctx *c, lc_diff *d)
{
	lc_diff_summary *s = &d->summary;
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		switch (ch->kind) {
		case LC_CHANGE_ADDED: s->added++; break;
		case LC_CHANGE_REMOVED: s->removed++; break;
		case LC_CHANGE_CHANGED: s->changed++; break;
		case LC_CHANGE_MOVED: s->moved++; break;
		}
		if (ch->bump > s->bump)
			s->bump = ch->bump;
	}
	s->expectation_levels = level_list(c, c->exp_new_level, c->exp_old_level, &s->nexpectation_levels);
	s->title_levels = level_list(c, c->title_new_level, c->title_old_level, &s->ntitle_levels);

	/* roles: flagged directly (their own competencies), or taking a level
	 * whose company-wide expectations changed */
	const ladder *o = c->o, *n = c->n;
	s->expectation_roles = lc_arena_calloc(c->arena, n->nroles + 1, sizeof(ladder_str));
	s->title_roles = lc_arena_calloc(c->arena, n->nroles + 1, sizeof(ladder_str));
	if (!s->expectation_roles || !s->title_roles) {
		c->oom = 1;
		return;
	}
	for (size_t j = 0; j < n->nroles; j++) {
		int32_t i = c->old_of_new_role[j];
		if (i >= 0 && (c->exp_new_role[j] || role_takes_flagged(n->roles[j], c->company_new_level) ||
		               c->exp_old_role[i] || role_takes_flagged(o->roles[i], c->company_old_level)))
			s->expectation_roles[s->nexpectation_roles++] = n->roles[j]->id;
		if (c->title_new_role[j])
			s->title_roles[s->ntitle_roles++] = n->roles[j]->id;
	}
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
	c.exp_new_level = lc_arena_calloc(c.arena, nn, 1);
	c.exp_old_level = lc_arena_calloc(c.arena, no, 1);
	c.title_new_level = lc_arena_calloc(c.arena, nn, 1);
	c.title_old_level = lc_arena_calloc(c.arena, no, 1);
	c.company_new_level = lc_arena_calloc(c.arena, nn, 1);
	c.company_old_level = lc_arena_calloc(c.arena, no, 1);
	c.exp_new_role = lc_arena_calloc(c.arena, rn, 1);
	c.exp_old_role = lc_arena_calloc(c.arena, ro, 1);
	c.title_new_role = lc_arena_calloc(c.arena, rn, 1);
	lc_diff *d = lc_arena_calloc(c.arena, 1, sizeof *d);
	int rc = -1;
	if (!c.old_of_new_level || !c.new_of_old_level || !c.old_of_new_role || !c.new_of_old_role ||
	    !c.exp_new_level || !c.exp_old_level || !c.title_new_level || !c.title_old_level ||
	    !c.company_new_level || !c.company_old_level || !c.exp_new_role || !c.exp_old_role ||
	    !c.title_new_role || !d)
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
	summarise(&c, d);
	if (c.oom)
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
