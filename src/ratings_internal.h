/* Private: a ratings file as read, before it is checked against the ladder.
 * The YAML reader (src/ratings.c) and the CSV reader (src/ratings_csv.c)
 * both fill an lc_rt_file; src/ratings.c then checks every value and builds
 * the lc_ratings of ladderc/assess.h, so both formats get the same checks
 * and the same messages. */
#ifndef LADDERC_RATINGS_INTERNAL_H
#define LADDERC_RATINGS_INTERNAL_H

#include <stddef.h>
#include "ladderc/arena.h"
#include "ladderc/assess.h"
#include "ladderc/diag.h"
#include "idmap.h"
#include "yaml_tree.h"

/* One value as written (s == NULL: absent), copied into the reader's arena. */
typedef struct lc_rt_field {
	const char *s;
	size_t len;
	lc_mark at;
	int bad;                /* written, but wrong (reported): the checks skip it quietly */
} lc_rt_field;

typedef struct lc_rt_rating {
	lc_rt_field competency, value, evidence;
} lc_rt_rating;

typedef struct lc_rt_person {
	lc_rt_field id, name, role, level, since, rater, target;
	lc_rt_rating *ratings;
	size_t nratings;
	lc_rt_field *evidence;
	size_t nevidence;
	lc_mark at;
} lc_rt_person;

typedef struct lc_rt_file {
	int csv;                /* CSV names no ladder and no as_of */
	lc_rt_field ladder, cycle, as_of;
	lc_rt_person *people;
	size_t npeople;
} lc_rt_file;

/* ---- reading YAML (src/ratings.c) ----------------------------------------- */

/* What is read goes to `arena`, dropped once checked: the checks keep a copy
 * of the text the lc_ratings hold. */
typedef struct lc_rt_reader {
	lc_source *src;
	lc_arena *arena;
	lc_diags *diags;
	int bad, nomem;
	lc_buf q, s;            /* for messages */
} lc_rt_reader;

void lc_rt_reader_init(lc_rt_reader *y, lc_source *src, lc_arena *arena, lc_diags *diags);
/* The root mapping (NULL: an empty file) into `out`, its people too. */
void lc_rt_read_root(lc_rt_reader *y, const lc_yt_node *root, lc_rt_file *out);
/* One item of `people` into *p. */
void lc_rt_read_person(lc_rt_reader *y, const lc_yt_node *n, lc_rt_person *p);
/* 0 when what was read can be checked (errors may have been reported), -1
 * when nothing can, -2 out of memory. */
int lc_rt_reader_fini(lc_rt_reader *y);

/* ---- checking against the ladder (src/ratings.c) --------------------------- */

/* A competency one person rated, and where (see lc_rt_checker.seen). */
typedef struct lc_rt_seen {
	const ladder_competency *comp;
	const lc_rt_rating *first;
	size_t stamp;           /* the person's lc_rt_checker.person_stamp */
} lc_rt_seen;

typedef struct lc_rt_checker {
	const ladder *l;
	lc_ratings *r;
	lc_diags *diags;
	lc_arena *arena;        /* the ratings' */
	size_t errors;          /* diags->errors before the file was read */
	int64_t scale;
	lc_idmap *role_comps;   /* [l->nroles]: a role's competency ids, built on demand */
	lc_idmap ids;           /* person id -> 1 + their place in r->people */
	const ladder_level **levels; /* one person's levels considered */
	lc_rt_seen *seen;       /* [nseen, a power of two]: what one person rated */
	size_t nseen, person_stamp;
	lc_buf q, s;            /* for messages */
	int nomem;
} lc_rt_checker;

/* 0, or -1 out of memory (lc_rt_checker_fini is still called). */
int lc_rt_checker_init(lc_rt_checker *c, const ladder *l, lc_ratings *r, lc_diags *diags, size_t errors);
/* `ladder`, `cycle` and `as_of`: sets r->ladder_id, cycle and as_of. */
void lc_rt_check_top(lc_rt_checker *c, const lc_rt_file *f, lc_date as_of, int as_of_given);
/* rp checked into p, which is in c->r->people (people are checked in file
 * order: the first of two with one id is the one kept). */
void lc_rt_check_person(lc_rt_checker *c, const lc_rt_person *rp, lc_person *p);
/* 0, -1 when an error was reported since the file was read, -2 out of memory. */
int lc_rt_checker_fini(lc_rt_checker *c);

/* ---- the streamed path (src/ratings_stream.c) ------------------------------- */

/* Speed-only: reads and checks a YAML ratings file person by person as it
 * is parsed, so that neither the whole tree nor the whole lc_rt_file is ever
 * held; the same lc_ratings and diagnostics as the plain path. 0, -1
 * invalid, -2 out of memory; 1 when the plain path must run instead (under
 * lc_serial(), or a file laid out so that streaming cannot match it): then
 * nothing was reported and r is as it was. */
int lc_ratings_stream_yaml(const ladder *l, lc_ratings *r, lc_date as_of, int as_of_given,
                           const ladder_limits *lim, lc_diags *diags);

/* Reads CSV (src/ratings_csv.c) into `out`, everything in `arena` (dropped
 * once checked). Errors go
 * to diags; 0 when the rows read can be checked (some may have been
 * reported and left out), -1 when nothing can (no usable header, a quote
 * never closed), -2 out of memory. */
int lc_ratings_read_csv(lc_arena *arena, lc_source *src, lc_diags *diags, lc_rt_file *out);

/* A field's text copied into `arena` (NUL-terminated). NULL when out of memory. */
const char *lc_rt_copy(lc_arena *arena, const char *s, size_t n);

#endif
