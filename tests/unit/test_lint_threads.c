/* The per-text lint rules split across two threads for a big ladder: the
 * findings must be the same, in the same order, as on one thread, however
 * the competencies are split (a finding from each half of each pass, and a
 * competency that switches rules off in each half); lc_set_serial(1) keeps
 * them on one thread. */
#include "test_support.h"

#include "ladderc/lint.h"
#include "ladderc/speed.h"
#include "lint_threads.h"

/* A ladder of n competencies, each with vague wording, a repeated level or a
 * near-duplicate step depending on its index; every fifth switches the
 * text rules off for itself. Two roles share a group through an alias: its
 * competency is judged once, whichever thread reads it. */
static char *big_ladder(size_t n)
{
	lc_buf b = LC_BUF_INIT;
	lc_buf_puts(&b, "ladder: 1\nid: big\nname: Big\ntracks:\n"
	                "  - id: IC\n    name: Individual contributor\n    levels:\n"
	                "      - {id: IC1, name: Junior}\n      - {id: IC2, name: Mid-level}\n"
	                "      - {id: IC3, name: Senior}\n      - {id: IC4, name: Staff}\n"
	                "groups:\n  - id: core\n    name: Core\n    competencies:\n");
	for (size_t i = 0; i < n; i++) {
		lc_buf_printf(&b, "      - id: c%zu\n        name: Competency %zu\n", i, i);
		if (i % 5 == 4)
			lc_buf_puts(&b, "        x-lint-disable: [vague-language, near-duplicate]\n");
		lc_buf_printf(&b, "        description: Shows good judgement on item %zu.\n", i);
		lc_buf_puts(&b, "        levels:\n");
		lc_buf_printf(&b, "          IC1: Finishes %zu assigned tasks by the agreed date.\n", i);
		if (i % 3 == 0)
			lc_buf_printf(&b, "          IC2: Finishes %zu assigned tasks by the agreed date.\n", i);
		else
			lc_buf_printf(&b, "          IC2: Breaks %zu features into tasks and estimates them as needed.\n", i);
		lc_buf_printf(&b, "          IC3: Plans and ships projects of one to three months with %zu people.\n", i);
		if (i % 2 == 0)
			lc_buf_printf(&b, "          IC4: Plans and ships projects of two to three months with %zu people.\n", i);
		else
			lc_buf_printf(&b, "          IC4: Shows strong leadership and a go-to attitude in %zu areas.\n", i);
	}
	lc_buf_puts(&b, "roles:\n  - id: ra\n    name: RA\n    groups:\n"
	                "      - &shared\n        id: sg\n        name: Shared\n        competencies:\n"
	                "          - id: s1\n            name: Shared one\n            levels:\n"
	                "              IC1: Shows good habits.\n              IC2: Shows good habits.\n"
	                "  - id: rb\n    name: RB\n    groups: [*shared]\n");
	lc_buf_putc(&b, '\0');
	assert_false(lc_buf_failed(&b));
	return b.data;
}

static void lint_with(const loaded *r, unsigned threads, lc_diags *d)
{
	lc_lint_options o;
	lc_lint_options_init(&o);
	o.threads = threads;
	lc_diags_init(d);
	assert_int_equal(lc_lint_ladder(r->l, &o, d), 0);
}

static void assert_same_diags(const lc_diags *a, const lc_diags *b)
{
	assert_int_equal(a->count, b->count);
	assert_int_equal(a->warnings, b->warnings);
	assert_int_equal(a->errors, b->errors);
	for (size_t i = 0; i < a->count; i++) {
		const lc_diag *x = &a->items[i], *y = &b->items[i];
		assert_int_equal(x->severity, y->severity);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->col, y->col);
		assert_string_equal(x->rule, y->rule);
		assert_string_equal(x->message, y->message);
	}
}

static size_t count_rule(const lc_diags *d, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < d->count; i++)
		n += d->items[i].rule && strcmp(d->items[i].rule, rule) == 0;
	return n;
}

static void check_sizes(size_t n)
{
	char *yaml = big_ladder(n);
	loaded r;
	load_text(&r, yaml);
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	lc_diags one, two, chosen;
	lint_with(&r, 1, &one);
	lint_with(&r, 2, &two);
	lint_with(&r, 0, &chosen);
	/* unsorted: the order they were made in is the same */
	assert_same_diags(&one, &two);
	assert_same_diags(&one, &chosen);
	/* the ladder plants each kind of finding in both halves */
	size_t disabled = (n + 1) / 5;
	assert_int_equal(count_rule(&one, "same-as-previous"), (n + 2) / 3 + 1);
	assert_true(count_rule(&one, "vague-language") >= n - disabled);
	assert_true(count_rule(&one, "near-duplicate") > 0);
	size_t shared = 0;
	for (size_t i = 0; i < one.count; i++)
		shared += strstr(one.items[i].message, "(s1, in roles 'ra' and 'rb')") != NULL;
	/* vague-language, same-as-previous, missing-description at IC3 and IC4 */
	assert_int_equal(shared, 3);
	lc_diags_free(&one);
	lc_diags_free(&two);
	lc_diags_free(&chosen);
	lc_diags_free(&r.diags);
	ladder_free(r.l);
	free(yaml);
}

static void test_two_threads_same_findings(void **state)
{
	(void)state;
	check_sizes(2);
	check_sizes(7);
	check_sizes(150); /* above the size where two threads are chosen */
}

/* lc_set_serial(1) keeps the per-text rules on one thread, whatever
 * lc_lint_options.threads asks, and the findings are those of two threads. */
static void test_serial_switch_same_findings(void **state)
{
	(void)state;
	char *yaml = big_ladder(150); /* above the size where two threads are chosen */
	loaded r;
	load_text(&r, yaml);
	assert_int_equal(r.status, LADDER_OK);
	assert_int_equal(lc_lint_text_threads(150, 0), 2);

	unsigned long before = lc_lint_threads_started();
	lc_diags two;
	lint_with(&r, 0, &two);
	assert_int_equal(lc_lint_threads_started(), before + 1);

	lc_set_serial(1);
	assert_int_equal(lc_lint_text_threads(150, 0), 1);
	assert_int_equal(lc_lint_text_threads(150, 2), 1);
	before = lc_lint_threads_started();
	lc_diags chosen, asked;
	lint_with(&r, 0, &chosen);
	lint_with(&r, 2, &asked);
	assert_int_equal(lc_lint_threads_started(), before);
	lc_set_serial(0);

	assert_true(two.count > 0);
	assert_same_diags(&two, &chosen);
	assert_same_diags(&two, &asked);
	lc_diags_free(&two);
	lc_diags_free(&chosen);
	lc_diags_free(&asked);
	lc_diags_free(&r.diags);
	ladder_free(r.l);
	free(yaml);
}

/* lc_diags_append: order kept, counts added, the error cap applied. */
static void test_diags_append(void **state)
{
	(void)state;
	lc_diags a, b;
	lc_diags_init(&a);
	lc_diags_init(&b);
	a.max_errors = 2;
	lc_diags_add(&a, LC_ERROR, NULL, NULL, "a1");
	lc_diags_add(&b, LC_WARNING, NULL, "r", "b1");
	lc_diags_add(&b, LC_ERROR, NULL, NULL, "b2");
	lc_diags_add(&b, LC_ERROR, NULL, NULL, "b3");
	lc_diags_add(&b, LC_NOTE, NULL, NULL, "b3 note");
	lc_diags_append(&a, &b);
	assert_int_equal(b.count, 0);
	assert_int_equal(a.count, 3);
	assert_string_equal(a.items[0].message, "a1");
	assert_string_equal(a.items[1].message, "b1");
	assert_string_equal(a.items[2].message, "b2");
	assert_int_equal(a.errors, 3);
	assert_int_equal(a.warnings, 1);
	assert_true(a.truncated);
	lc_diags_free(&a);
	lc_diags_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_threads_same_findings),
		cmocka_unit_test(test_serial_switch_same_findings),
		cmocka_unit_test(test_diags_append),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
