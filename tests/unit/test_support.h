/* Shared helpers for the unit tests: load a ladder from a string and look at
 * its diagnostics. */
#ifndef LADDERC_TEST_SUPPORT_H
#define LADDERC_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/load.h"

typedef struct loaded {
	ladder_status status;
	ladder *l;
	lc_diags diags;
} loaded;

static inline void load_text(loaded *r, const char *yaml)
{
	lc_diags_init(&r->diags);
	r->status = ladder_load_buffer("test.yaml", yaml, strlen(yaml), NULL, &r->diags, &r->l);
	lc_diags_sort(&r->diags);
}

static inline void load_path(loaded *r, const char *path)
{
	lc_diags_init(&r->diags);
	r->status = ladder_load_file(path, NULL, &r->diags, &r->l);
	lc_diags_sort(&r->diags);
}

static inline void loaded_free(loaded *r)
{
	ladder_free(r->l);
	lc_diags_free(&r->diags);
}

/* Prints the diagnostics, for a failing test's output. */
static inline void dump_diags(const lc_diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		lc_buf b = LC_BUF_INIT;
		lc_diag_format(&b, &d->items[i], 0);
		fprintf(stderr, "%s", b.data ? b.data : "");
		lc_buf_free(&b);
	}
}

/* load_path that must succeed (the diagnostics are printed when it does not). */
static inline void load_path_ok(loaded *r, const char *path)
{
	load_path(r, path);
	if (r->status != LADDER_OK)
		dump_diags(&r->diags);
	assert_int_equal(r->status, LADDER_OK);
}

/* The level or role with that id, which must exist. */
static inline const ladder_level *must_level(const ladder *l, const char *id)
{
	const ladder_level *lv = ladder_find_level(l, id);
	assert_non_null(lv);
	return lv;
}

static inline const ladder_role *must_role(const ladder *l, const char *id)
{
	const ladder_role *r = ladder_find_role(l, id);
	assert_non_null(r);
	return r;
}

/* Asserts that some error sits at line:col and its message contains `part`. */
static inline void assert_error_at(const loaded *r, unsigned line, unsigned col, const char *part)
{
	for (size_t i = 0; i < r->diags.count; i++) {
		const lc_diag *d = &r->diags.items[i];
		if (d->severity == LC_ERROR && d->line == line && d->col == col && strstr(d->message, part))
			return;
	}
	dump_diags(&r->diags);
	fail_msg("no error at %u:%u containing \"%s\"", line, col, part);
}

#endif
