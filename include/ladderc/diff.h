/* ladderc — the semantic diff of two ladder versions.
 *
 * Both ladders are loaded and resolved models. Things are matched by id,
 * never by position: tracks, levels, groups, competencies (company-wide and
 * per role), roles, lateral paths (by from -> to) and promotion entries
 * (defaults and into.LEVEL). Each difference is one lc_change with a kind, a
 * path made of ids (/groups/core/competencies/communication/levels/E4) and the
 * old and new values. See docs/diff.md for every path and the version-bump
 * rules. */
#ifndef LADDERC_DIFF_H
#define LADDERC_DIFF_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>
#include "ladderc/buf.h"
#include "ladderc/ladder.h"

typedef enum lc_change_kind {
	LC_CHANGE_ADDED,
	LC_CHANGE_REMOVED,
	LC_CHANGE_CHANGED,
	LC_CHANGE_MOVED       /* same id, new position or new parent */
} lc_change_kind;

/* Suggested semantic-version bump, in increasing order. */
typedef enum lc_bump {
	LC_BUMP_NONE,
	LC_BUMP_PATCH,        /* spelling, punctuation, white space, order */
	LC_BUMP_MINOR,        /* a reworded or removed expectation, renames */
	LC_BUMP_MAJOR         /* a new expectation, a new level, role, competency */
} lc_bump;

/* What a change is about: decides how it is grouped and summarised. */
typedef enum lc_change_subject {
	LC_SUBJECT_LADDER,      /* id, name, title, updated, intro */
	LC_SUBJECT_TRACK,
	LC_SUBJECT_LEVEL,
	LC_SUBJECT_GROUP,
	LC_SUBJECT_COMPETENCY,  /* a competency as a whole, its name or description */
	LC_SUBJECT_EXPECTATION, /* one cell: a competency at a level */
	LC_SUBJECT_ROLE,
	LC_SUBJECT_TITLE,       /* a role's resolved title at a level */
	LC_SUBJECT_PROMOTION,
	LC_SUBJECT_PATH,        /* a lateral path between roles */
	LC_SUBJECT_PROFICIENCY, /* the proficiency a cell names */
	LC_SUBJECT_EXAMPLES,    /* a cell's examples */
	LC_SUBJECT_SCOPE        /* where a competency or company-wide group applies */
} lc_change_subject;

typedef struct lc_change {
	lc_change_kind kind;
	lc_change_subject subject;
	lc_bump bump;
	int prose;              /* old and new are prose: show a word diff */
	ladder_str path;        /* in the new ladder (the old one for removals) */
	ladder_str old_value;   /* s == NULL when absent (added) */
	ladder_str new_value;   /* s == NULL when absent (removed) */
	ladder_str label;       /* short human description: "Communication at E4" */
	/* moves: where the thing was and is (1-based position among its siblings) */
	ladder_str old_path;
	uint32_t old_pos, new_pos;
	/* grouping: the role it belongs to (NULL: company-wide or the ladder
	 * itself) and the level it is about (s == NULL: none). */
	ladder_str role_id, role_name;
	ladder_str level_id;
	size_t level_order;     /* sorts levels: new ladder order, then removed ones */
	size_t order;           /* position in the list, for stable sorts */
	/* a whole competency added or removed: it, and the ladder it is in,
	 * so that outputs can show its expectations */
	const ladder_competency *competency;
	const ladder *competency_ladder;
	/* a whole competency under a filter: the levels of competency_ladder
	 * whose expectations are shown ([nlevels]); NULL: every level */
	const unsigned char *competency_levels;
	/* what the change is about, in each version (NULL where it is absent or
	 * the change is not about such a thing): lc_diff_filter decides with
	 * these, the summary counts with them */
	const ladder_level *level_new, *level_old;
	const ladder_track *track_new, *track_old;
	const ladder_group *group_new, *group_old;
	const ladder_competency *competency_new, *competency_old;
	const ladder_role *role_new, *role_old;
	const ladder_path *path_new, *path_old;
} lc_change;

typedef struct lc_diff_summary {
	size_t added, removed, changed, moved;
	lc_bump bump;
	/* levels whose expectations change, in ladder order, and the roles in
	 * both versions that hold them (ids, new ladder order); added and removed
	 * roles are counted as such, not here */
	ladder_str *expectation_levels;
	size_t nexpectation_levels;
	ladder_str *expectation_roles;
	size_t nexpectation_roles;
	/* the same for resolved titles */
	ladder_str *title_levels;
	size_t ntitle_levels;
	ladder_str *title_roles;
	size_t ntitle_roles;
} lc_diff_summary;

/* What a filtered diff keeps (lc_diff_filter): ids, NULL when not given. */
typedef struct lc_diff_filter_spec {
	const char *role, *track, *level;
} lc_diff_filter_spec;

struct lc_diff_ids; /* private: how ids match across the two versions */

typedef struct lc_diff {
	lc_arena *arena;        /* everything below lives here */
	lc_change *changes;
	size_t nchanges;
	lc_diff_summary summary;
	lc_diff_filter_spec filter; /* what lc_diff_filter kept (ids in the arena); all NULL: everything */
	struct lc_diff_ids *ids;
} lc_diff;

/* Compares two ladders. Either may be NULL: an empty ladder (so everything
 * is added, or removed). On success returns 0 and *out is the diff (free it
 * with lc_diff_free); -1 when out of memory. The ladders must outlive the
 * diff (values point into them). Cost: linear in the size of both ladders
 * plus a word diff of each changed text. */
int lc_diff_ladders(const ladder *old_l, const ladder *new_l, lc_diff **out);
void lc_diff_free(lc_diff *d);

/* Why lc_diff_filter refused a filter. */
typedef enum lc_diff_filter_status {
	LC_DIFF_FILTER_OK = 0,
	LC_DIFF_FILTER_OOM = -1,
	LC_DIFF_FILTER_UNKNOWN_ROLE = 1,  /* in neither version */
	LC_DIFF_FILTER_UNKNOWN_TRACK,
	LC_DIFF_FILTER_UNKNOWN_LEVEL,
	LC_DIFF_FILTER_TRACK_NOT_IN_VIEW, /* the role does not take the track */
	LC_DIFF_FILTER_LEVEL_NOT_IN_VIEW  /* the level is not the role's, or not on the track's chain */
} lc_diff_filter_status;

/* Keeps only the changes that affect the view `f` names (role, track, level:
 * see "Filters" in docs/diff.md) and recomputes the summary and suggested
 * bump on what is kept. Ids are looked up in the new version, then in the
 * old one (for removed things). On an unknown id, returns its status and
 * leaves d as it was; lc_diff_filter_valid_ids lists the ids that would do. */
lc_diff_filter_status lc_diff_filter(lc_diff *d, const lc_diff_filter_spec *f);
/* The ids that would do instead of the one `why` refuses (both versions',
 * new order then removed ones) as "a, b, c", appended to out: the role's
 * tracks, the levels in the view of the role and track. -1 when out of memory. */
int lc_diff_filter_valid_ids(const lc_diff *d, const lc_diff_filter_spec *f, lc_diff_filter_status why,
                             lc_buf *out);

const char *lc_change_kind_name(lc_change_kind k); /* "added", ... */
const char *lc_bump_name(lc_bump b);               /* "none", "patch", "minor", "major" */

/* How a text edit counts: LC_BUMP_PATCH when the texts differ only in case,
 * punctuation, apostrophes, white space or spelling fixes (each changed word
 * one edit from the old one, the longer of the two at least 6 bytes; two
 * edits for words of 8 bytes or more), LC_BUMP_MINOR otherwise, LC_BUMP_NONE
 * when equal. See docs/diff.md. */
lc_bump lc_classify_text_edit(ladder_str old_text, ladder_str new_text);

/* ---- marks: what changed, looked up by the new version's things ----------- */
/* For pages of the new version that mark what changed since the old one
 * (render --since, build --since): the diff's changes indexed by what they
 * change in the new ladder. Only additions and changes mark something (a
 * removed thing is not on the page). */

typedef struct lc_diff_marks lc_diff_marks;

/* The marks of d (which must outlive them); `since` names the old version
 * on the page (its `updated` date or its file name), copied. NULL when out
 * of memory. */
lc_diff_marks *lc_diff_marks_new(const lc_diff *d, const char *since);
void lc_diff_marks_free(lc_diff_marks *m);
const char *lc_diff_marks_since(const lc_diff_marks *m);
const lc_diff *lc_diff_marks_diff(const lc_diff_marks *m);
/* The change to the expectation of competency c at level lv (a reworded or
 * added text, or a whole competency added), or NULL. */
const lc_change *lc_diff_marks_cell(const lc_diff_marks *m, const ladder_competency *c, const ladder_level *lv);
/* The change to role r's resolved title at lv, or NULL. */
const lc_change *lc_diff_marks_title(const lc_diff_marks *m, const ladder_role *r, const ladder_level *lv);
/* The first change to the criteria for promotion into lv (lv NULL: the
 * defaults), or NULL. */
const lc_change *lc_diff_marks_criteria(const lc_diff_marks *m, const ladder_level *lv);

/* ---- output -------------------------------------------------------------- */

typedef enum lc_diff_format {
	LC_DIFF_TEXT,
	LC_DIFF_MARKDOWN,
	LC_DIFF_HTML,
	LC_DIFF_JSON
} lc_diff_format;

typedef struct lc_diff_emit_options {
	int color;              /* text: ANSI red and green instead of [-old-]{+new+} */
	const char *title;      /* a header line naming what is compared (git: the path), or NULL */
	int anchors;            /* Markdown, HTML (build --since's changes page): each change
	                         * gets the anchor change-N (N its index) and shows its bump */
} lc_diff_emit_options;

/* Appends the diff in `format` to out (nothing for an empty diff). Returns 0,
 * or -1 when out of memory. */
int lc_diff_emit(const lc_diff *d, lc_diff_format format, const lc_diff_emit_options *opts,
                 lc_buf *out);

#ifdef __cplusplus
}
#endif

#endif
