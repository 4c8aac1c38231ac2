/* ladderc — assess: people's ratings against the ladder. Promotion readiness
 * for each next level, the gaps to it, where someone stands within their
 * level, a track move, and team calibration figures (docs/assess.md).
 *
 * Ratings are personal data: nothing here is written anywhere but to the
 * buffer a caller passes, and nothing depends on today's date (the caller
 * gives the as-of date). Ratings and bars are whole numbers of hundredths
 * (LC_RATING_UNIT), so every comparison is exact. */
#ifndef LADDERC_ASSESS_H
#define LADDERC_ASSESS_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>
#include "ladderc/arena.h"
#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/ladder.h"
#include "ladderc/load.h"

/* Ratings and bars count hundredths: 3.25 is 325. */
enum { LC_RATING_UNIT = 100 };

/* ---- dates and time in level ------------------------------------------- */

typedef struct lc_date {
	int year, month, day;
} lc_date;

/* A calendar date written YYYY-MM-DD (years 1000-9999): 0, or -1. */
int lc_date_parse(const char *s, size_t len, lc_date *out);
/* <0, 0, >0 as a is before, the same as, or after b. */
int lc_date_cmp(lc_date a, lc_date b);
/* Days from 1970-01-01 (negative before it). */
long lc_date_days(lc_date d);
/* Whole calendar months from `from` to `to`: the largest k such that `from`
 * plus k months (the day cut to the month's last when it has fewer) is not
 * after `to`. 0 when `to` is before `from`. */
long lc_date_months_between(lc_date from, lc_date to);
/* "YYYY-MM-DD" appended to out. */
void lc_date_put(lc_buf *out, lc_date d);

/* `time_in_level` read: N weeks|months|quarters|years (singular or plural),
 * N a whole number. Quarters and years are counted in months. */
typedef struct lc_time_in_level {
	int weeks;   /* 1: `count` weeks (compared in days); 0: `count` months */
	long count;
} lc_time_in_level;
/* 0 when the text reads as above, -1 when it does not ("to confirm"). */
int lc_time_in_level_parse(const char *s, size_t len, lc_time_in_level *out);

/* ---- the ratings file ---------------------------------------------------- */

typedef struct lc_rating {
	const ladder_competency *competency;
	int64_t value;          /* in hundredths */
	const ladder_proficiency *given; /* the proficiency id it was given as; NULL: a number */
} lc_rating;

/* An evidence item a person lists: the ladder's text, or its 1-based number. */
typedef struct lc_listed_evidence {
	ladder_str text;        /* as written */
	size_t number;          /* 1-based; 0 when given as text */
	lc_mark at;
} lc_listed_evidence;

typedef struct lc_person {
	ladder_str id, name, rater; /* name and rater may be absent */
	const ladder_role *role;
	const ladder_level *level;
	lc_date since;
	const ladder_level *target; /* NULL: every next level */
	lc_rating *ratings;     /* in ladder order of their competencies */
	size_t nratings;
	/* [nratings], with `ratings`: the evidence of a rating written
	 * `{rating, evidence}` (absent for the others); NULL when none is */
	ladder_str *rating_evidence;
	lc_listed_evidence *evidence;
	size_t nevidence;
	lc_mark at;
	lc_mark id_at;          /* where the id is written */
} lc_person;

typedef struct lc_ratings {
	lc_arena *arena;
	lc_source *source;
	ladder_str ladder_id, cycle; /* cycle may be absent */
	lc_date as_of;          /* the file's `as_of`, else the caller's */
	lc_person *people;      /* in file order (malloc'ed: freed with the ratings) */
	size_t npeople;
} lc_ratings;

typedef enum lc_ratings_status {
	LC_RATINGS_OK = 0,
	LC_RATINGS_INVALID = 1, /* see the diagnostics */
	LC_RATINGS_IO = 2,      /* the file could not be read */
	LC_RATINGS_NOMEM = 3
} lc_ratings_status;

/* Loads a ratings file (YAML, or CSV when its name ends in .csv) checked
 * against ladder `l`. `as_of` is used when the file gives none (a warning
 * when the file's differs from it and `as_of_given`). Every problem is a
 * located error in `diags`; on anything but LC_RATINGS_OK *out is NULL. */
lc_ratings_status lc_ratings_load_file(const ladder *l, const char *path, lc_date as_of, int as_of_given,
                                       const ladder_limits *lim, lc_diags *diags, lc_ratings **out);
/* The same from memory; `path` names it (and its ending picks CSV). */
lc_ratings_status lc_ratings_load_buffer(const ladder *l, const char *path, const char *data, size_t len,
                                         lc_date as_of, int as_of_given, const ladder_limits *lim,
                                         lc_diags *diags, lc_ratings **out);
void lc_ratings_free(lc_ratings *r);

/* ---- the rules ------------------------------------------------------------- */

/* The ratings scale: `promotion.scale`, else the number of proficiency
 * levels, else 5. */
int64_t lc_assess_scale(const ladder *l);
/* 1 when competency c is considered for role r at level lv. */
int lc_assess_applies(const ladder *l, const ladder_competency *c, const ladder_role *r, const ladder_level *lv);
/* The levels considered for a person of role r at lv: `target`, else every
 * next level of the role; then the equivalent levels on the other tracks
 * (a track move). `out` holds l->nlevels + l->ntracks + 1 entries. */
size_t lc_assess_levels(const ladder *l, const ladder_role *r, const ladder_level *lv, const ladder_level *target,
                        const ladder_level **out);
/* The bar in hundredths a competency must reach at `lv` by the proficiency
 * in force there (ladder_proficiency_in_force: its rank), or 0 when the
 * ladder gives none. */
int64_t lc_assess_proficiency_bar(const ladder *l, const ladder_competency *c, const ladder_level *lv);

/* Criteria for promotion into a level: the defaults, `into:` numbers
 * overriding, its evidence after the defaults'. */
typedef struct lc_criteria {
	const ladder_number *min_average, *min_each; /* NULL when not set */
	ladder_str time_in_level;                    /* s == NULL when not set */
	const ladder_str *evidence[2];               /* defaults', then the level's */
	size_t nevidence[2];
} lc_criteria;
void lc_assess_criteria(const ladder *l, const ladder_level *into, lc_criteria *out);
size_t lc_criteria_nevidence(const lc_criteria *c);
/* Evidence item k (0-based) in the numbering of the rules. */
ladder_str lc_criteria_evidence(const lc_criteria *c, size_t k);
/* A bar in hundredths, rounded up (a bar never gets lower). */
int64_t lc_assess_bar(const ladder_number *n);

typedef enum lc_verdict { LC_VERDICT_READY, LC_VERDICT_NOT_YET, LC_VERDICT_INCOMPLETE } lc_verdict;
const char *lc_verdict_name(lc_verdict v);

typedef enum lc_criterion_kind {
	LC_CRITERION_MIN_AVERAGE,
	LC_CRITERION_MIN_EACH,
	LC_CRITERION_TIME_IN_LEVEL,
	LC_CRITERION_EVIDENCE
} lc_criterion_kind;
const char *lc_criterion_name(lc_criterion_kind k);

/* A figure: num / den hundredths (den 0: none). */
typedef struct lc_figure {
	int64_t num, den;
} lc_figure;

typedef struct lc_criterion_result {
	lc_criterion_kind kind;
	int met;                /* 1, 0, or -1: to confirm (unreadable time, nothing rated) */
	ladder_str required_text; /* min_*: the bar as written; time: its text; evidence: the item */
	int64_t required;       /* min_*: the bar in hundredths */
	lc_figure actual;       /* min_*: the mean or the lowest rating */
	long time;              /* time_in_level: whole months, or whole weeks when time_weeks */
	int time_weeks;
	size_t evidence_number; /* evidence: 1-based */
} lc_criterion_result;

typedef struct lc_gap {
	const ladder_competency *competency;
	int64_t rating, required; /* hundredths */
	ladder_str text;        /* the target level's text in force; may be absent */
} lc_gap;

/* One level considered for a person: a next level, or a track move. */
typedef struct lc_step {
	const ladder_level *level;
	lc_verdict verdict;
	lc_criterion_result *criteria;
	size_t ncriteria;
	lc_gap *gaps;           /* largest first, then ladder order */
	size_t ngaps;
	const ladder_competency **unrated; /* ladder order */
	size_t nunrated;
} lc_step;

typedef enum lc_third { LC_THIRD_NONE, LC_THIRD_LOWER, LC_THIRD_MIDDLE, LC_THIRD_UPPER } lc_third;
const char *lc_third_name(lc_third t);

typedef struct lc_person_result {
	const lc_person *person;
	long months_in_level;
	lc_figure mean;         /* over the ratings at their own level */
	lc_third third;
	lc_step *next;          /* each next level considered */
	size_t nnext;
	lc_step *moves;         /* the equivalent levels on the other tracks */
	size_t nmoves;
} lc_person_result;

/* ---- team figures (src/assess_team.c) ---------------------------------- */

typedef struct lc_team_next {
	const ladder_level *level;
	size_t ready, not_yet, incomplete;
} lc_team_next;

typedef struct lc_team_level {
	const ladder_level *level;
	size_t headcount;
	lc_team_next *next;
	size_t nnext;
	lc_figure *means;       /* [team->ncompetencies]: den 0 where nobody is rated */
} lc_team_level;

typedef enum lc_step_flag { LC_STEP_FLAG_NONE, LC_STEP_FLAG_ASPIRATIONAL, LC_STEP_FLAG_NOT_A_BAR } lc_step_flag;

typedef struct lc_team_step {
	const ladder_level *from, *to;
	size_t below;           /* people at `from` considered for `to`, fully rated */
	size_t meeting;         /* of them, meeting its rating criteria */
	lc_step_flag flag;
} lc_team_step;

typedef struct lc_team_rater {
	ladder_str rater;
	size_t people, nratings;
	lc_figure mean;         /* of the ratings they gave */
	lc_figure expected;     /* everyone's, weighted by their ratings at each level */
	int64_t diff_x100;      /* (mean - expected) in hundredths of hundredths: 0.5 is 5000 */
	int flagged;
} lc_team_rater;

typedef struct lc_team {
	const ladder_competency **competencies; /* rated by anyone, ladder order */
	size_t ncompetencies;
	lc_team_level *levels;  /* levels with people, ladder order */
	size_t nlevels;
	lc_team_step *steps;    /* ladder order of from, then to */
	size_t nsteps;
	lc_team_rater *raters;  /* in order of first appearance */
	size_t nraters;
	int aspirational_pct, not_a_bar_pct;
} lc_team;

/* ---- the whole report -------------------------------------------------------- */

typedef struct lc_assess_options {
	const char *person;     /* only this person's id, or NULL */
	int team;               /* 1: the team section; -1: when more than one person; 0: never */
	int aspirational_pct;   /* a step flagged when under this share (default 5) */
	int not_a_bar_pct;      /* ... or over this one (default 50) */
} lc_assess_options;
void lc_assess_options_init(lc_assess_options *o);

typedef struct lc_assessment {
	lc_arena *arena;
	const ladder *assessed;      /* the ladder the ratings were assessed against */
	const lc_ratings *ratings;
	int has_criteria;       /* the ladder has `promotion` */
	/* Every result; NULL when they are made one at a time as they are asked
	 * for (a report on everyone, unless lc_serial()): read them with
	 * lc_assess_person either way. */
	lc_person_result *people;
	size_t npeople;
	lc_team *team;          /* NULL when not asked for */
	struct lc_assess_lazy *lazy; /* private (src/assess_lazy.c) */
} lc_assessment;

/* Assesses every person (or o->person, which must be in the file: -1 when
 * not). Returns 0, -1 (no such person) or -2 (out of memory). */
int lc_assess(const ladder *l, const lc_ratings *r, const lc_assess_options *o, lc_assessment **out);
void lc_assessment_free(lc_assessment *a);
/* Result i (0 <= i < a->npeople), in file order. It stays valid until the
 * next call: writers use one person's result at a time. */
const lc_person_result *lc_assess_person(const lc_assessment *a, size_t i);
/* Person i of the report, without working out their result. */
const lc_person *lc_assess_person_of(const lc_assessment *a, size_t i);
/* 1 when a result made as it was asked for ran out of memory: what was
 * written from it is incomplete. */
int lc_assess_failed(const lc_assessment *a);
/* The team figures (lc_assess calls it when asked). 0, or -2 out of memory. */
int lc_assess_team(lc_assessment *a, int aspirational_pct, int not_a_bar_pct);

/* ---- writers ------------------------------------------------------------------ */

typedef enum lc_assess_format {
	LC_ASSESS_TEXT,
	LC_ASSESS_MARKDOWN,
	LC_ASSESS_HTML,
	LC_ASSESS_CSV,
	LC_ASSESS_JSON
} lc_assess_format;
/* "text", "markdown"... to a format: 0, or -1 for none. */
int lc_assess_format_find(const char *name, lc_assess_format *out);
/* Appends the report; 0, or -1 when `out` failed. */
int lc_assess_emit(const lc_assessment *a, lc_assess_format f, lc_buf *out);
/* A figure as text: cut (not rounded) to two decimals, trailing zeros
 * dropped ("3.5", "4", "3.66"); "-" when it has no value. */
void lc_figure_put(lc_buf *out, lc_figure f);
/* Hundredths as text the same way. */
void lc_hundredths_put(lc_buf *out, int64_t v);

#ifdef __cplusplus
}
#endif

#endif
