/* ladderc — the ladder model: a loaded, checked and resolved career ladder.
 *
 * Everything here lives in the ladder's arena and is freed by ladder_free().
 * Arrays keep input order (tracks, levels, groups, competencies, roles, paths),
 * so every writer that walks them is deterministic.
 *
 * Strings are ladder_str: a pointer and a length. Text from YAML may contain
 * NUL bytes, so the length is authoritative. Ids and short strings are also
 * NUL-terminated, but long text (64 bytes and more) may point straight into
 * the source file's buffer (in sources[], alive as long as the model) with
 * no terminator: never pass model text to a function that wants a C string.
 * An absent optional value has s == NULL. */
#ifndef LADDERC_LADDER_H
#define LADDERC_LADDER_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "ladderc/arena.h"
#include "ladderc/diag.h"

typedef struct ladder_str {
	const char *s;
	size_t len;
} ladder_str;

typedef struct ladder ladder;
typedef struct ladder_track ladder_track;
typedef struct ladder_level ladder_level;
typedef struct ladder_group ladder_group;
typedef struct ladder_competency ladder_competency;
typedef struct ladder_role ladder_role;

/* How a competency's texts build up along a chain (`expectations:`).
 * CUMULATIVE: each level's text adds to those below it, which stay in force.
 * RESTATED: each level's text is the whole expectation at that level; the
 * text in force is the level's own, or the nearest below it on its chain
 * (ladder_expectation_source). INHERIT is "not written here": the nearest
 * written value wins (competency, then group, then ladder; else CUMULATIVE). */
typedef enum ladder_expectations {
	LADDER_EXPECTATIONS_INHERIT = 0,
	LADDER_EXPECTATIONS_CUMULATIVE,
	LADDER_EXPECTATIONS_RESTATED
} ladder_expectations;

/* A named proficiency level (`proficiency:` at the top level), lowest first:
 * rank 1 is the lowest. A cell may name one (ladder_cell_detail). */
typedef struct ladder_proficiency {
	ladder_str id, name, description;
	lc_mark at;
	uint32_t rank;            /* 1-based position in ladder->proficiency */
} ladder_proficiency;

/* What a cell written as a mapping (`{text, proficiency, examples}`) adds to
 * its text. A cell written as plain text has none of it. */
typedef struct ladder_cell_detail {
	const ladder_proficiency *proficiency; /* NULL when the cell names none */
	lc_mark proficiency_at;
	ladder_str *examples;     /* `examples:`, in input order */
	lc_mark *examples_at;     /* [nexamples] */
	size_t nexamples;
	int text_given;           /* 0: no `text:`, the cell's text is the proficiency's name */
} ladder_cell_detail;

/* A link of a competency: `links: [{name, url}]`; the URL's scheme is http,
 * https or mailto (checked by the loader). */
typedef struct ladder_link {
	ladder_str name, url;
	lc_mark at;
} ladder_link;

struct ladder_level {
	ladder_str id, name;
	ladder_str title;         /* title rubric, may hold {role} and {family}; may be absent */
	int no_title;             /* `title: ""`: the level gives no title, none is invented */
	ladder_str summary;
	lc_mark at;               /* the level's entry in `levels:` */
	lc_mark title_at;
	ladder_track *track;
	const ladder_level *prev; /* the level below on the chain; NULL at the chain's start */
	uint32_t index;           /* position in ladder->levels: ids interned to small integers */
	uint32_t pos;             /* position within its track */
	uint32_t rank;            /* 1-based position in its chain: IC1 = 1, E3 = L3 = 3 */
};

struct ladder_track {
	ladder_str id, name;
	ladder_str from_id;       /* as written; absent for a track that starts its own chain */
	const ladder_level *from; /* resolved crossover level, or NULL */
	lc_mark at, from_at;
	ladder_level **levels;
	size_t nlevels;
	uint32_t index;
};

/* One competency. Its expectations are indexed by level index: text[i] is what
 * is expected at ladder->levels[i] (s == NULL where the ladder says nothing). */
struct ladder_competency {
	ladder_str id, name, description;
	lc_mark at;
	lc_mark description_at;
	ladder_link *links;       /* `links:`, in input order */
	size_t nlinks;
	ladder_str *text;         /* [ladder->nlevels] */
	lc_mark *text_at;         /* [ladder->nlevels] */
	ladder_cell_detail *detail; /* [ladder->nlevels], or NULL when no cell is a mapping:
	                             * use ladder_cell_proficiency and ladder_cell_examples */
	ladder_group *group;
	ladder_expectations expectations_written; /* INHERIT when not written on the competency */
	ladder_expectations expectations;         /* resolved: CUMULATIVE or RESTATED, never INHERIT */
	ladder_str *lint_disable; /* x-lint-disable: rule ids */
	lc_mark *lint_disable_at; /* [nlint_disable] */
	size_t nlint_disable;
	uint32_t pos;             /* position within its group */
	/* Scope (`tracks:`, `starts_at:`; ladder_competency_applies): */
	ladder_track **tracks;    /* the tracks it applies on; NULL when not given (every track) */
	size_t ntracks;
	const ladder_level *starts_at; /* it applies on the chains through this level, from it
	                                  up; NULL when not given */
	int anchor_group;         /* a role's competency whose id a company-wide one has too:
	                           * its anchors name its group, so ids stay unique on a page */
};

struct ladder_group {
	ladder_str id, name, description;
	lc_mark at;
	ladder_competency **competencies;
	size_t ncompetencies;
	ladder_role *role;        /* owning role, or NULL for a company-wide group */
	ladder_expectations expectations_written; /* INHERIT when not written on the group */
	/* Scope of a company-wide group (ladder_group_applies_to_role): it applies
	 * to the roles named here and to the roles of the families named here;
	 * to every role when neither is given (scoped == 0). Ids as written,
	 * each checked by the loader to name a role or a family. */
	int scoped;
	ladder_str *roles;
	lc_mark *roles_at;
	size_t nroles;
	ladder_str *families;
	lc_mark *families_at;
	size_t nfamilies;
};

struct ladder_role {
	ladder_str id, name, family;
	ladder_str description;   /* optional text */
	lc_mark at;
	ladder_track **tracks;    /* the tracks the role takes, in ladder order; with `levels:`,
	                             only those that hold one of its levels */
	size_t ntracks;
	int tracks_given;         /* `tracks:` was written (else: every track) */
	unsigned char *in_levels; /* [ladder->nlevels] from `levels:`: 1 at the role's levels;
	                             NULL when not given (every level of its tracks) */
	ladder_str *title_override; /* [ladder->nlevels], from `titles:` */
	lc_mark *title_override_at; /* [ladder->nlevels] */
	ladder_str *title;        /* [ladder->nlevels] resolved; s == NULL off the role's levels
	                             and at a level with no_title */
	ladder_group **groups;    /* role-specific (functional) groups */
	size_t ngroups;
	uint32_t index;
};

/* A number as written in the ladder (kept as text for exact output) and its value. */
typedef struct ladder_number {
	int present;
	ladder_str text;
	double value;
	lc_mark at;
} ladder_number;

typedef struct ladder_criteria {
	ladder_number min_average;
	ladder_number min_each;
	ladder_str time_in_level;
	ladder_str *evidence;
	size_t nevidence;
	lc_mark at;
} ladder_criteria;

typedef struct ladder_promotion_into {
	const ladder_level *level;
	ladder_criteria criteria;
} ladder_promotion_into;

typedef struct ladder_promotion {
	int present;
	ladder_number scale;
	ladder_criteria defaults;
	ladder_promotion_into *into;
	size_t ninto;
	lc_mark at;
} ladder_promotion;

typedef struct ladder_path {
	const ladder_role *from, *to;
	ladder_str *transferable;
	size_t ntransferable;
	ladder_str *gaps;
	size_t ngaps;
	lc_mark at;
} ladder_path;

typedef struct ladder_lint_config {
	ladder_str *disable;      /* lint: {disable: [...]} */
	size_t ndisable;
	lc_mark *disable_at;
	ladder_str *vague;        /* lint: {vague: [...]}: extra vague phrases */
	size_t nvague;
	lc_mark at;
} ladder_lint_config;

struct ladder {
	lc_arena *arena;
	ladder_number version;
	ladder_str id, name, title, updated, intro;
	ladder_expectations expectations_written; /* top-level `expectations:`; INHERIT when absent */
	lc_mark at;
	ladder_proficiency *proficiency; /* `proficiency:`, lowest first */
	size_t nproficiency;
	lc_mark proficiency_at;
	ladder_track **tracks;
	size_t ntracks;
	ladder_level **levels;    /* every level, in track order: index == position here */
	size_t nlevels;
	ladder_group **groups;    /* company-wide groups */
	size_t ngroups;
	ladder_role **roles;
	size_t nroles;
	ladder_promotion promotion;
	ladder_path *paths;
	size_t npaths;
	ladder_lint_config lint;
	lc_source **sources;      /* the main file first, then includes in load order */
	size_t nsources;
};

void ladder_free(ladder *l);

/* Lookups by id (NULL when absent). Linear in the number of things searched;
 * use them for command-line arguments, not in loops over the model. */
const ladder_level *ladder_find_level(const ladder *l, const char *id);
const ladder_track *ladder_find_track(const ladder *l, const char *id);
const ladder_role *ladder_find_role(const ladder *l, const char *id);

/* The chain of `lv`: out[0] is the chain's first level, out[rank-1] is lv.
 * `out` must hold lv->rank entries. Returns lv->rank. */
size_t ladder_chain(const ladder_level *lv, const ladder_level **out);
/* 1 if `lv` is one of the role's levels: on its tracks and, when the role
 * names `levels:`, one of them. */
int ladder_role_has_level(const ladder_role *r, const ladder_level *lv);
/* 1 if `lv` is on the role's tracks (whatever its `levels:` say). */
int ladder_role_has_track_of(const ladder_role *r, const ladder_level *lv);
/* The levels directly above `lv`: the next on its track, or, at the top of a
 * track, the first level of every track that continues from it. Returns the
 * number written to out (at most ladder->ntracks + 1). When `r` is not NULL,
 * only levels on the role's tracks count. */
size_t ladder_next_levels(const ladder *l, const ladder_role *r, const ladder_level *lv,
                          const ladder_level **out);
/* 1 if a and b are equivalent: equal rank on tracks that fork from the same level. */
int ladder_levels_equivalent(const ladder_level *a, const ladder_level *b);

/* Iterates a role's groups: company-wide groups that apply to the role
 * (ladder_group_applies_to_role) first, then the role's own. With r NULL,
 * every company-wide group. Returns NULL past the end. */
const ladder_group *ladder_role_group(const ladder *l, const ladder_role *r, size_t i);
size_t ladder_role_ngroups(const ladder *l, const ladder_role *r);

/* 1 if group g applies to role r: a role's own group to that role only; a
 * company-wide group to every role, or, when it names `roles:` or
 * `families:`, to the roles named and the roles of the families named. */
int ladder_group_applies_to_role(const ladder_group *g, const ladder_role *r);
/* 1 if competency c applies at level lv for role r: its group applies to r
 * and lv is one of r's levels (skipped when r is NULL: a role-independent
 * check), lv is on one of c's `tracks:` when it names them, and, when c
 * names `starts_at: S`, S is on lv's chain (lv is S or above it on a chain
 * through S: from a shared trunk level, on every track continuing from it;
 * from a level on a fork, on that fork's track only). */
int ladder_competency_applies(const ladder_competency *c, const ladder_role *r, const ladder_level *lv);
/* 1 if c names `tracks:` or `starts_at:`. */
static inline int ladder_competency_scoped(const ladder_competency *c)
{
	return c->tracks != NULL || c->starts_at != NULL;
}

/* The level whose text is in force for competency c at level lv: the nearest
 * level at or below lv on its chain that has text, or NULL. */
const ladder_level *ladder_expectation_source(const ladder_competency *c, const ladder_level *lv);

/* The proficiency a cell names: the one written at lv, or NULL. */
const ladder_proficiency *ladder_cell_proficiency(const ladder_competency *c, const ladder_level *lv);
/* The examples of the cell at lv (*n of them; NULL and 0 when none). */
const ladder_str *ladder_cell_examples(const ladder_competency *c, const ladder_level *lv, size_t *n);
/* The proficiency in force for competency c at level lv: the one named by
 * the nearest level at or below lv on its chain whose cell names one, or
 * NULL. The same for cumulative and restated competencies: a proficiency is
 * a rating of the whole competency, so it holds up the chain until a level
 * names another (`ladderc assess` rates against it). */
const ladder_proficiency *ladder_proficiency_in_force(const ladder_competency *c, const ladder_level *lv);
/* 1 if the ladder names proficiency levels or a cell has examples: formats
 * with fixed columns (CSV) add theirs only then, so other ladders keep them. */
int ladder_has_cell_details(const ladder *l);
/* The proficiency level with that id, or NULL. */
const ladder_proficiency *ladder_find_proficiency(const ladder *l, const char *id);

/* The mode in force for a competency written as `own` in a group written as
 * `group` in a ladder written as `top`: the nearest written value wins, and
 * CUMULATIVE when none is written. The loader sets c->expectations with it. */
ladder_expectations ladder_expectations_resolve(ladder_expectations top, ladder_expectations group,
                                                ladder_expectations own);
/* "cumulative" or "restated" (NULL for INHERIT). */
const char *ladder_expectations_name(ladder_expectations e);

static inline int ladder_str_eq(ladder_str a, ladder_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0);
}

#ifdef __cplusplus
}
#endif

#endif
