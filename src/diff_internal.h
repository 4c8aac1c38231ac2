/* Private: what the diff's files share. src/diff.c holds the diff's context
 * (the change list and the path being walked), the matching of two lists by
 * id, the summary and the entry point; src/diff_compare.c compares each kind
 * of thing (competencies, tracks and levels, roles, promotion, paths, the
 * ladder's own fields) through them; src/diff_classify.c tells how a text
 * edit counts. */
#ifndef LADDERC_DIFF_INTERNAL_H
#define LADDERC_DIFF_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "ladderc/diff.h"

/* How ids match across the two versions (lc_diff's private part): kept with
 * the diff so that a filter can recompute the summary. */
struct lc_diff_ids {
	const ladder *o, *n;
	int32_t *old_of_new_level, *new_of_old_level; /* index in the other ladder, or -1 */
	int32_t *old_of_new_role, *new_of_old_role;
};

typedef struct dctx {
	lc_arena *arena;
	const ladder *o, *n;
	lc_change *changes;     /* malloc'd while building */
	size_t nchanges, cap;
	lc_buf path;            /* the path being walked */
	lc_buf tmp;
	int oom;
	/* levels and roles: index in the other ladder, or -1 */
	int32_t *old_of_new_level, *new_of_old_level;
	int32_t *old_of_new_role, *new_of_old_role;
	/* what is being walked, in each version (NULL: nothing, or absent
	 * there): every change added records it (lc_change's "about" fields).
	 * Both roles NULL: company-wide or the ladder. */
	const ladder_role *role_new, *role_old;
	const ladder_track *track_new, *track_old;
	const ladder_group *group_new, *group_old;
	const ladder_competency *competency_new, *competency_old;
	const ladder_path *path_new, *path_old;
} dctx;

static const ladder_str NONE = {NULL, 0};

static inline ladder_str cstr(const char *s)
{
	return (ladder_str){s, strlen(s)};
}

/* ---- the change list and the path ----------------------------------------- */

/* A copy of s in the diff's arena ("" and c->oom set when out of memory). */
ladder_str lc_diff_dup(dctx *c, const char *s, size_t len);
/* The label p1 s1 p2 s2, in the arena (names may hold NUL bytes: no printf). */
ladder_str lc_diff_label(dctx *c, const char *p1, ladder_str s1, const char *p2, ladder_str s2);
/* A change at the current path, in the role being walked; NULL when out of memory. */
lc_change *lc_diff_add_change(dctx *c, lc_change_kind kind, lc_change_subject subject, lc_bump bump,
                              ladder_str old_value, ladder_str new_value, ladder_str label);
/* Path building: push appends /seg[/id] and returns the length to pop back to. */
size_t lc_diff_push(dctx *c, const char *seg, ladder_str id);
void lc_diff_pop(dctx *c, size_t mark);
/* Compares one optional text field at the current path (added: the bump of
 * an added text). NULL when they are equal. */
lc_change *lc_diff_cmp_text(dctx *c, lc_change_subject subject, ladder_str o, ladder_str n, lc_bump added,
                            ladder_str label);
/* A move of the thing `kind what` from old_path at old_pos to new_pos. */
lc_change *lc_diff_moved(dctx *c, lc_change_subject subject, lc_bump bump, ladder_str old_path,
                         uint32_t old_pos, uint32_t new_pos, const char *kind, ladder_str what);

/* ---- matching by id -------------------------------------------------------- */

typedef struct mitem {
	ladder_str id, parent;
} mitem;

typedef struct matching {
	int32_t *n2o, *o2n;          /* index in the other list, or -1 */
	unsigned char *moved;        /* [new] */
	uint32_t *pos_old, *pos_new; /* 1-based position among siblings */
} matching;

/* Matches two lists by id. Items come grouped by parent (the siblings of one
 * parent are contiguous); an item whose parent id changed is moved. The
 * arrays live in the arena. -1 when out of memory. */
int lc_diff_match_items(dctx *c, const mitem *oi, size_t no, const mitem *ni, size_t nn, matching *m);

/* ---- grouping and the summary ------------------------------------------------ */

/* The level a change is about (new nl or old ol), for grouping. */
void lc_diff_set_level(dctx *c, lc_change *ch, const ladder_level *nl, const ladder_level *ol);

/* The summary of d's changes: counts, the largest bump, the levels and roles
 * whose expectations and titles change (only `only_role`, by id, when it is
 * not NULL). -1 when out of memory. */
int lc_diff_summarise(lc_diff *d, const char *only_role);

/* ---- the comparisons (src/diff_compare.c), in the change list's order --------- */

void lc_diff_walk_fields(dctx *c);
int lc_diff_walk_tracks(dctx *c);
int lc_diff_walk_groups(dctx *c, ladder_group *const *og, size_t nog, ladder_group *const *ng, size_t nng);
int lc_diff_walk_roles(dctx *c);
int lc_diff_walk_promotion(dctx *c);
int lc_diff_walk_paths(dctx *c);

/* ---- a cell's proficiency and examples, scope (src/diff_detail.c) ---------- */

/* before, then the items separated by sep, in the arena. */
ladder_str lc_diff_join(dctx *c, const char *before, const ladder_str *items, size_t n, const char *sep);

/* The proficiency and examples of a cell present in both versions (nothing
 * when either side has no text there), under the current competency path. */
void lc_diff_cell_detail(dctx *c, ladder_str name, const ladder_competency *oc, const ladder_level *ol,
                         const ladder_competency *nc, const ladder_level *nl);
/* A competency's `tracks:`/`starts_at:`, a group's `roles:`/`families:`. */
void lc_diff_competency_scope(dctx *c, const ladder_competency *oc, const ladder_competency *nc);
void lc_diff_group_scope(dctx *c, const ladder_group *og, const ladder_group *ng);

#endif
