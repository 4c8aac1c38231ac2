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

/* One value as written (s == NULL: absent), copied into the ratings' arena. */
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

/* Reads CSV (src/ratings_csv.c) into `out`, everything in `arena`. Errors go
 * to diags; 0 when the rows read can be checked (some may have been
 * reported and left out), -1 when nothing can (no usable header, a quote
 * never closed), -2 out of memory. */
int lc_ratings_read_csv(lc_arena *arena, lc_source *src, lc_diags *diags, lc_rt_file *out);

/* A field's text copied into `arena` (NUL-terminated). NULL when out of memory. */
const char *lc_rt_copy(lc_arena *arena, const char *s, size_t n);

#endif
