/* What changed, looked up by the new version's things: the changes of a
 * diff in hash maps keyed by (competency, level) and (role, level), and in
 * arrays by level, so that a page of the new version can mark each cell,
 * title and criterion that changed (render --since, build --since). */
#include "diff_internal.h"

#include <stdlib.h>

#include "idmap.h"

/* A map key: a thing of the new ladder and a level index. Zeroed first, so
 * the bytes hashed hold no padding garbage. */
typedef struct mark_key {
	const void *thing;
	size_t level;
} mark_key;

struct lc_diff_marks {
	const lc_diff *d;
	char *since;
	mark_key *keys;               /* [nchanges]: the maps borrow their keys */
	lc_idmap cells, titles;       /* mark_key -> lc_change */
	lc_idmap whole;               /* competency pointer -> its "added" change */
	const lc_change **criteria;   /* [nlevels + 1]: by level index; the last: defaults */
};

static int put_key(lc_diff_marks *m, lc_idmap *map, size_t k, const void *thing, size_t level, const lc_change *ch)
{
	memset(&m->keys[k], 0, sizeof m->keys[k]);
	m->keys[k].thing = thing;
	m->keys[k].level = level;
	return lc_idmap_put(map, (const char *)&m->keys[k], sizeof m->keys[k], (void *)(uintptr_t)ch) == map ? -1 : 0;
}

static int index_change(lc_diff_marks *m, size_t k, const lc_change *ch)
{
	if (ch->kind == LC_CHANGE_MOVED)
		return 0;
	/* a cell's proficiency or examples are compared only where the cell is
	 * in both versions: even "removed" leaves a changed cell on the page */
	int of_cell = ch->subject == LC_SUBJECT_PROFICIENCY || ch->subject == LC_SUBJECT_EXAMPLES;
	if (ch->kind == LC_CHANGE_REMOVED && ch->subject != LC_SUBJECT_PROMOTION && !of_cell)
		return 0; /* gone from the page; removed criteria change the criteria shown */
	switch (ch->subject) {
	case LC_SUBJECT_PROFICIENCY:
	case LC_SUBJECT_EXAMPLES:
	case LC_SUBJECT_EXPECTATION:
		return ch->competency_new && ch->level_new
		           ? put_key(m, &m->cells, k, ch->competency_new, ch->level_new->index, ch)
		           : 0;
	case LC_SUBJECT_COMPETENCY:
		if (ch->competency && ch->kind == LC_CHANGE_ADDED &&
		    lc_idmap_put(&m->whole, (const char *)&ch->competency, sizeof ch->competency, (void *)(uintptr_t)ch) ==
		        &m->whole)
			return -1;
		return 0;
	case LC_SUBJECT_TITLE:
		return ch->role_new && ch->level_new ? put_key(m, &m->titles, k, ch->role_new, ch->level_new->index, ch) : 0;
	case LC_SUBJECT_PROMOTION: {
		size_t at = ch->level_new ? ch->level_new->index : m->d->ids->n->nlevels;
		if (!ch->level_old || ch->level_new) /* into a level gone: nothing to mark */
			if (!m->criteria[at])
				m->criteria[at] = ch;
		return 0;
	}
	default:
		return 0;
	}
}

lc_diff_marks *lc_diff_marks_new(const lc_diff *d, const char *since)
{
	lc_diff_marks *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->d = d;
	lc_idmap_init(&m->cells);
	lc_idmap_init(&m->titles);
	lc_idmap_init(&m->whole);
	size_t len = strlen(since);
	m->since = malloc(len + 1);
	m->keys = calloc(d->nchanges + 1, sizeof *m->keys);
	m->criteria = calloc(d->ids->n->nlevels + 1, sizeof *m->criteria);
	if (!m->since || !m->keys || !m->criteria)
		goto fail;
	memcpy(m->since, since, len + 1);
	for (size_t k = 0; k < d->nchanges; k++)
		if (index_change(m, k, &d->changes[k]) < 0)
			goto fail;
	return m;
fail:
	lc_diff_marks_free(m);
	return NULL;
}

void lc_diff_marks_free(lc_diff_marks *m)
{
	if (!m)
		return;
	lc_idmap_free(&m->cells);
	lc_idmap_free(&m->titles);
	lc_idmap_free(&m->whole);
	free(m->since);
	free(m->keys);
	free(m->criteria);
	free(m);
}

const char *lc_diff_marks_since(const lc_diff_marks *m)
{
	return m->since;
}

const lc_diff *lc_diff_marks_diff(const lc_diff_marks *m)
{
	return m->d;
}

static const lc_change *lookup(const lc_idmap *map, const void *thing, size_t level)
{
	mark_key key;
	memset(&key, 0, sizeof key);
	key.thing = thing;
	key.level = level;
	return lc_idmap_get(map, (const char *)&key, sizeof key);
}

const lc_change *lc_diff_marks_cell(const lc_diff_marks *m, const ladder_competency *c, const ladder_level *lv)
{
	const lc_change *ch = lookup(&m->cells, c, lv->index);
	if (ch || !c->text[lv->index].s)
		return ch;
	ch = lc_idmap_get(&m->whole, (const char *)&c, sizeof c);
	if (ch && ch->competency_levels && !ch->competency_levels[lv->index])
		return NULL; /* a filter left this level out */
	return ch;
}

const lc_change *lc_diff_marks_title(const lc_diff_marks *m, const ladder_role *r, const ladder_level *lv)
{
	return lookup(&m->titles, r, lv->index);
}

const lc_change *lc_diff_marks_criteria(const lc_diff_marks *m, const ladder_level *lv)
{
	return m->criteria[lv ? lv->index : m->d->ids->n->nlevels];
}
