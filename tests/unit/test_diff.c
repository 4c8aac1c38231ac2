/* lc_diff_ladders: matching by id (never by position), moves found as the
 * fewest items outside a longest increasing subsequence, the version-bump
 * classification, and the empty side (git's /dev/null). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/diff.h"
#include "ladderc/load.h"

static ladder *load(const char *yaml)
{
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = ladder_load_buffer("test.yaml", yaml, strlen(yaml), NULL, &d, &l);
	if (st != LADDER_OK)
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "%s\n", d.items[i].message);
	assert_int_equal(st, LADDER_OK);
	lc_diags_free(&d);
	return l;
}

static const char HEAD[] = "ladder: 1\nid: t\nname: T\n"
                           "tracks:\n"
                           "  - id: IC\n    name: IC\n    levels:\n"
                           "      - { id: IC1, name: One }\n      - { id: IC2, name: Two }\n";

/* A ladder with competencies a..e (in the order given) in one group. */
static ladder *with_competencies(const char *ids)
{
	char buf[4096];
	size_t n = (size_t)snprintf(buf, sizeof buf, "%sgroups:\n  - id: g\n    name: G\n    competencies:\n", HEAD);
	for (const char *p = ids; *p; p++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "      - { id: %c, name: %c, levels: { IC1: Does %c. } }\n",
		                      *p, *p, *p);
	return load(buf);
}

static size_t count_kind(const lc_diff *d, lc_change_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nchanges; i++)
		n += d->changes[i].kind == k;
	return n;
}

static int has(const lc_diff *d, lc_change_kind k, const char *path)
{
	for (size_t i = 0; i < d->nchanges; i++)
		if (d->changes[i].kind == k && d->changes[i].path.len == strlen(path) &&
		    memcmp(d->changes[i].path.s, path, strlen(path)) == 0)
			return 1;
	return 0;
}

static void identical_has_no_changes(void **state)
{
	(void)state;
	ladder *a = with_competencies("abc"), *b = with_competencies("abc");
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(a, b, &d), 0);
	assert_int_equal(d->nchanges, 0);
	assert_int_equal(d->summary.bump, LC_BUMP_NONE);
	lc_buf out = LC_BUF_INIT;
	assert_int_equal(lc_diff_emit(d, LC_DIFF_JSON, NULL, &out), 0);
	assert_int_equal(out.len, 0); /* identical ladders print nothing */
	lc_buf_free(&out);
	lc_diff_free(d);
	ladder_free(a);
	ladder_free(b);
}

/* One insertion at the front shifts every position: nothing moved. */
static void insertion_moves_nothing(void **state)
{
	(void)state;
	ladder *a = with_competencies("abcd"), *b = with_competencies("xabcd");
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(a, b, &d), 0);
	assert_int_equal(d->nchanges, 1);
	assert_true(has(d, LC_CHANGE_ADDED, "/groups/g/competencies/x"));
	assert_int_equal(d->summary.bump, LC_BUMP_MAJOR);
	lc_diff_free(d);
	ladder_free(a);
	ladder_free(b);
}

/* Moving one item to the end is one move, not four. */
static void one_move_is_one_change(void **state)
{
	(void)state;
	ladder *a = with_competencies("abcde"), *b = with_competencies("bcdea");
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(a, b, &d), 0);
	assert_int_equal(d->nchanges, 1);
	assert_true(has(d, LC_CHANGE_MOVED, "/groups/g/competencies/a"));
	assert_int_equal(d->changes[0].old_pos, 1);
	assert_int_equal(d->changes[0].new_pos, 5);
	assert_int_equal(d->summary.bump, LC_BUMP_PATCH);
	lc_diff_free(d);
	ladder_free(a);
	ladder_free(b);
}

/* A reversal needs n-1 moves: the LIS keeps one item in place. */
static void reversal(void **state)
{
	(void)state;
	ladder *a = with_competencies("abcde"), *b = with_competencies("edcba");
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(a, b, &d), 0);
	assert_int_equal(count_kind(d, LC_CHANGE_MOVED), 4);
	assert_int_equal(d->nchanges, 4);
	lc_diff_free(d);
	ladder_free(a);
	ladder_free(b);
}

static void removal_and_addition_by_id(void **state)
{
	(void)state;
	ladder *a = with_competencies("abc"), *b = with_competencies("abd");
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(a, b, &d), 0);
	assert_int_equal(d->nchanges, 2);
	assert_true(has(d, LC_CHANGE_ADDED, "/groups/g/competencies/d"));
	assert_true(has(d, LC_CHANGE_REMOVED, "/groups/g/competencies/c"));
	/* the competencies' expectations are at IC1 */
	assert_int_equal(d->summary.nexpectation_levels, 1);
	assert_memory_equal(d->summary.expectation_levels[0].s, "IC1", 3);
	lc_diff_free(d);
	ladder_free(a);
	ladder_free(b);
}

static void empty_side_is_all_added(void **state)
{
	(void)state;
	ladder *b = with_competencies("ab");
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(NULL, b, &d), 0);
	assert_int_equal(count_kind(d, LC_CHANGE_ADDED), d->nchanges);
	assert_true(has(d, LC_CHANGE_ADDED, "/tracks/IC/levels/IC2"));
	assert_true(has(d, LC_CHANGE_ADDED, "/groups/g/competencies/b"));
	lc_diff_free(d);
	assert_int_equal(lc_diff_ladders(b, NULL, &d), 0);
	assert_int_equal(count_kind(d, LC_CHANGE_REMOVED), d->nchanges);
	assert_true(d->nchanges > 0);
	lc_diff_free(d);
	assert_int_equal(lc_diff_ladders(NULL, NULL, &d), 0);
	assert_int_equal(d->nchanges, 0);
	lc_diff_free(d);
	ladder_free(b);
}

static ladder_str S(const char *s)
{
	return (ladder_str){s, strlen(s)};
}

static void classification(void **state)
{
	(void)state;
	assert_int_equal(lc_classify_text_edit(S("a b"), S("a b")), LC_BUMP_NONE);
	/* case, punctuation, white space */
	assert_int_equal(lc_classify_text_edit(S("Ships on time."), S("ships  on time")), LC_BUMP_PATCH);
	assert_int_equal(lc_classify_text_edit(S("the team's plan"), S("the teams plan")), LC_BUMP_PATCH);
	assert_int_equal(lc_classify_text_edit(S("a -- b"), S("a \xE2\x80\x94 b")), LC_BUMP_PATCH);
	/* spelling: one edit in a word of 5+ bytes, two in a word of 8+ */
	assert_int_equal(lc_classify_text_edit(S("recieves feedback"), S("receives feedback")), LC_BUMP_PATCH);
	assert_int_equal(lc_classify_text_edit(S("colour"), S("color")), LC_BUMP_PATCH);
	assert_int_equal(lc_classify_text_edit(S("organisation"), S("organization")), LC_BUMP_PATCH);
	/* a new meaning */
	assert_int_equal(lc_classify_text_edit(S("leads the team"), S("leans the team")), LC_BUMP_MINOR);
	assert_int_equal(lc_classify_text_edit(S("for the team"), S("for the whole team")), LC_BUMP_MINOR);
	assert_int_equal(lc_classify_text_edit(S("writes documents"), S("writes memos")), LC_BUMP_MINOR);
	assert_int_equal(lc_classify_text_edit(S("can ship"), S("can't ship")), LC_BUMP_MINOR);
}

/* A cell reworded is minor, a cell added at a level is major, a removed one minor. */
static void expectation_bumps(void **state)
{
	(void)state;
	char a[2048], b[2048], c[2048];
	snprintf(a, sizeof a, "%sgroups:\n  - id: g\n    name: G\n    competencies:\n"
	                      "      - { id: x, name: X, levels: { IC1: Writes documents. } }\n", HEAD);
	snprintf(b, sizeof b, "%sgroups:\n  - id: g\n    name: G\n    competencies:\n"
	                      "      - { id: x, name: X, levels: { IC1: Writes memos. } }\n", HEAD);
	snprintf(c, sizeof c, "%sgroups:\n  - id: g\n    name: G\n    competencies:\n"
	                      "      - { id: x, name: X, levels: { IC1: Writes documents., IC2: Leads. } }\n", HEAD);
	ladder *la = load(a), *lb = load(b), *lc = load(c);
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(la, lb, &d), 0);
	assert_int_equal(d->summary.bump, LC_BUMP_MINOR);
	assert_true(has(d, LC_CHANGE_CHANGED, "/groups/g/competencies/x/levels/IC1"));
	assert_int_equal(d->changes[0].subject, LC_SUBJECT_EXPECTATION);
	lc_diff_free(d);
	assert_int_equal(lc_diff_ladders(la, lc, &d), 0);
	assert_int_equal(d->summary.bump, LC_BUMP_MAJOR);
	assert_true(has(d, LC_CHANGE_ADDED, "/groups/g/competencies/x/levels/IC2"));
	lc_diff_free(d);
	assert_int_equal(lc_diff_ladders(lc, la, &d), 0);
	assert_int_equal(d->summary.bump, LC_BUMP_MINOR);
	assert_true(has(d, LC_CHANGE_REMOVED, "/groups/g/competencies/x/levels/IC2"));
	lc_diff_free(d);
	ladder_free(la);
	ladder_free(lb);
	ladder_free(lc);
}

/* Many competencies, all reordered by rotation: one move, and no time or
 * memory blow-up (the matching is hash maps plus an O(n log n) LIS). */
static void large_rotation(void **state)
{
	(void)state;
	enum { N = 20000 };
	lc_buf a = LC_BUF_INIT, b = LC_BUF_INIT;
	lc_buf_puts(&a, HEAD);
	lc_buf_puts(&b, HEAD);
	lc_buf_puts(&a, "groups:\n  - id: g\n    name: G\n    competencies:\n");
	lc_buf_puts(&b, "groups:\n  - id: g\n    name: G\n    competencies:\n");
	for (int i = 0; i < N; i++)
		lc_buf_printf(&a, "      - { id: c%d, name: C%d, levels: { IC1: Does %d. } }\n", i, i, i);
	for (int i = 1; i <= N; i++)
		lc_buf_printf(&b, "      - { id: c%d, name: C%d, levels: { IC1: Does %d. } }\n", i % N, i % N, i % N);
	ladder *la = load(a.data), *lb = load(b.data);
	lc_diff *d;
	assert_int_equal(lc_diff_ladders(la, lb, &d), 0);
	assert_int_equal(d->nchanges, 1);
	assert_true(has(d, LC_CHANGE_MOVED, "/groups/g/competencies/c0"));
	lc_diff_free(d);
	ladder_free(la);
	ladder_free(lb);
	lc_buf_free(&a);
	lc_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(identical_has_no_changes),
		cmocka_unit_test(insertion_moves_nothing),
		cmocka_unit_test(one_move_is_one_change),
		cmocka_unit_test(reversal),
		cmocka_unit_test(removal_and_addition_by_id),
		cmocka_unit_test(empty_side_is_all_added),
		cmocka_unit_test(classification),
		cmocka_unit_test(expectation_bumps),
		cmocka_unit_test(large_rotation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
