/* ladderc assess (src/assess_time.c, src/assess.c, src/ratings.c): date
 * arithmetic, time in level, bars, figures, the rules on a small ladder, the
 * ratings loader's own checks, and the speed-only paths against the plain. Never today's date: every as-of is given. */
#include "test_support.h"

#include <stdint.h>

#include "ladderc/assess.h"
#include "ladderc/diag_output.h"
#include "ladderc/speed.h"

static lc_date date(const char *s)
{
	lc_date d = {0, 0, 0};
	assert_int_equal(lc_date_parse(s, strlen(s), &d), 0);
	return d;
}

static void test_date_parse(void **state)
{
	(void)state;
	lc_date d;
	assert_int_equal(lc_date_parse("2024-02-29", 10, &d), 0);
	assert_int_equal(d.year, 2024);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	assert_int_equal(lc_date_parse("2023-02-29", 10, &d), -1); /* not a leap year */
	assert_int_equal(lc_date_parse("2100-02-29", 10, &d), -1); /* a century, not a leap year */
	assert_int_equal(lc_date_parse("2000-02-29", 10, &d), 0);  /* every 400 years it is */
	assert_int_equal(lc_date_parse("2026-04-31", 10, &d), -1);
	assert_int_equal(lc_date_parse("2026-13-01", 10, &d), -1);
	assert_int_equal(lc_date_parse("2026-00-10", 10, &d), -1);
	assert_int_equal(lc_date_parse("2026-1-01", 9, &d), -1);
	assert_int_equal(lc_date_parse("2026-01-1x", 10, &d), -1);
	assert_int_equal(lc_date_parse("0999-01-01", 10, &d), -1);
	assert_int_equal(lc_date_parse("2026/01/01", 10, &d), -1);
}

static void test_date_days(void **state)
{
	(void)state;
	assert_int_equal(lc_date_days(date("1970-01-01")), 0);
	assert_int_equal(lc_date_days(date("2000-03-01")) - lc_date_days(date("2000-02-28")), 2);
	assert_int_equal(lc_date_days(date("2026-12-01")) - lc_date_days(date("2026-10-20")), 42);
	assert_int_equal(lc_date_days(date("1969-12-31")), -1);
	assert_true(lc_date_cmp(date("2026-01-02"), date("2026-01-01")) > 0);
	assert_int_equal(lc_date_cmp(date("2026-01-02"), date("2026-01-02")), 0);
}

static void test_months_between(void **state)
{
	(void)state;
	assert_int_equal(lc_date_months_between(date("2026-06-01"), date("2026-12-01")), 6);
	assert_int_equal(lc_date_months_between(date("2026-06-02"), date("2026-12-01")), 5);
	assert_int_equal(lc_date_months_between(date("2026-06-01"), date("2026-06-01")), 0);
	/* the day is cut to a shorter month's last: Jan 31 + 1 month is Feb 28 */
	assert_int_equal(lc_date_months_between(date("2026-01-31"), date("2026-02-28")), 1);
	assert_int_equal(lc_date_months_between(date("2026-01-31"), date("2026-02-27")), 0);
	assert_int_equal(lc_date_months_between(date("2024-01-31"), date("2024-02-29")), 1);
	assert_int_equal(lc_date_months_between(date("2026-08-31"), date("2026-11-30")), 3);
	assert_int_equal(lc_date_months_between(date("2025-12-15"), date("2026-01-14")), 0);
	assert_int_equal(lc_date_months_between(date("2025-12-15"), date("2026-01-15")), 1);
	assert_int_equal(lc_date_months_between(date("2020-02-29"), date("2021-02-28")), 12);
	assert_int_equal(lc_date_months_between(date("2026-12-01"), date("2026-06-01")), 0); /* backwards */
}

static void test_time_in_level(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int ok, weeks;
		long count;
	} cases[] = {
		{"2 quarters", 0, 0, 6}, {"1 quarter", 0, 0, 3}, {"6 weeks", 0, 1, 6}, {"1 week", 0, 1, 1},
		{"18 months", 0, 0, 18}, {"1 month", 0, 0, 1}, {"2 years", 0, 0, 24}, {"1 Year", 0, 0, 12},
		{"2  quarters", 0, 0, 6}, {"0 months", 0, 0, 0},
		{"a good while", -1, 0, 0}, {"two quarters", -1, 0, 0}, {"2", -1, 0, 0}, {"2 quarters,", -1, 0, 0},
		{"+1 quarter", -1, 0, 0}, {"1.5 years", -1, 0, 0}, {"2 fortnights", -1, 0, 0}, {"quarters", -1, 0, 0},
		{"2 s", -1, 0, 0}, {"", -1, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lc_time_in_level t = {0, 0};
		int st = lc_time_in_level_parse(cases[i].text, strlen(cases[i].text), &t);
		if (st != cases[i].ok)
			fail_msg("'%s': %d, not %d", cases[i].text, st, cases[i].ok);
		if (st == 0 && (t.weeks != cases[i].weeks || t.count != cases[i].count))
			fail_msg("'%s': %s %ld", cases[i].text, t.weeks ? "weeks" : "months", t.count);
	}
}

static void test_bars_and_figures(void **state)
{
	(void)state;
	ladder_number n = {1, {"3.5", 3}, 3.5, {NULL, 0, 0}};
	assert_int_equal(lc_assess_bar(&n), 350);
	n.text = (ladder_str){"4", 1};
	assert_int_equal(lc_assess_bar(&n), 400);
	n.text = (ladder_str){"3.333", 5}; /* rounded up: a bar never gets lower */
	assert_int_equal(lc_assess_bar(&n), 334);
	n.text = (ladder_str){"3.500", 5};
	assert_int_equal(lc_assess_bar(&n), 350);
	static const struct {
		lc_figure f;
		const char *text;
	} figs[] = {
		{{350, 1}, "3.5"}, {{400, 1}, "4"}, {{305, 1}, "3.05"}, {{1049, 3}, "3.49"}, /* 3.4966: cut, not rounded */
		{{1000, 3}, "3.33"}, {{0, 0}, "-"}, {{-5000, 100}, "-0.5"}, {{-4444, 100}, "-0.44"},
	};
	for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++) {
		lc_buf b = LC_BUF_INIT;
		lc_figure_put(&b, figs[i].f);
		assert_string_equal(b.data, figs[i].text);
		lc_buf_free(&b);
	}
}

static const char ladder_yaml[] =
	"ladder: 1\nid: t\nname: T\n"
	"tracks:\n"
	"  - {id: IC, name: IC, levels: [{id: IC1, name: A}, {id: IC2, name: B}]}\n"
	"  - {id: E, name: E, from: IC2, levels: [{id: E3, name: C}]}\n"
	"  - {id: L, name: L, from: IC2, levels: [{id: L3, name: D}]}\n"
	"groups:\n"
	"  - id: g\n    name: G\n    competencies:\n"
	"      - {id: a, name: A, levels: {IC1: x, E3: y}}\n"
	"      - {id: b, name: B, levels: {IC1: z, L3: w}}\n"
	"roles:\n  - {id: r, name: R}\n"
	"promotion: {scale: 5, min_average: 3.5, min_each: 3, time_in_level: 1 quarter,\n"
	"  evidence: [Endorsed.], into: {E3: {min_each: 4, evidence: [Led.]}}}\n";

typedef struct fixture {
	loaded l;
	lc_ratings *r;
	lc_diags d;
	lc_assessment *a;
} fixture;

static lc_ratings_status load_ratings(fixture *f, const char *name, const char *text)
{
	load_text(&f->l, ladder_yaml);
	assert_int_equal(f->l.status, LADDER_OK);
	lc_diags_init(&f->d);
	return lc_ratings_load_buffer(f->l.l, name, text, strlen(text), date("2026-12-01"), 1, NULL, &f->d, &f->r);
}

static void fixture_free(fixture *f)
{
	lc_assessment_free(f->a);
	lc_ratings_free(f->r);
	lc_diags_free(&f->d);
	loaded_free(&f->l);
}

static void test_criteria_merge(void **state)
{
	(void)state;
	fixture f = {0};
	load_text(&f.l, ladder_yaml);
	lc_criteria c;
	lc_assess_criteria(f.l.l, ladder_find_level(f.l.l, "E3"), &c);
	assert_string_equal(c.min_average->text.s, "3.5"); /* the default */
	assert_string_equal(c.min_each->text.s, "4");      /* overridden */
	assert_int_equal(lc_criteria_nevidence(&c), 2);    /* the defaults' first */
	assert_memory_equal(lc_criteria_evidence(&c, 0).s, "Endorsed.", 9);
	assert_memory_equal(lc_criteria_evidence(&c, 1).s, "Led.", 4);
	const ladder_level *out[8];
	size_t n = lc_assess_levels(f.l.l, ladder_find_role(f.l.l, "r"), ladder_find_level(f.l.l, "IC2"), NULL, out);
	assert_int_equal(n, 2); /* both tracks fork from IC2 */
	n = lc_assess_levels(f.l.l, ladder_find_role(f.l.l, "r"), ladder_find_level(f.l.l, "E3"), NULL, out);
	assert_int_equal(n, 1); /* the top of E: the move to L3 only */
	assert_string_equal(out[0]->id.s, "L3");
	loaded_free(&f.l);
}

/* The proficiency bar: the rank of the proficiency in force (named at the
 * level or the nearest below it on its chain), 0 when none; the scale is the
 * number of proficiency levels when there is no promotion.scale. */
static void test_proficiency_bar(void **state)
{
	(void)state;
	loaded l = {0};
	load_text(&l, "ladder: 1\nid: p\nname: P\n"
	              "proficiency: [{id: basic, name: Basic}, {id: good, name: Good}, {id: top, name: Top}]\n"
	              "tracks:\n  - {id: IC, name: IC, levels: [{id: IC1, name: A}, {id: IC2, name: B}, {id: IC3, name: C}]}\n"
	              "groups:\n  - id: g\n    name: G\n    competencies:\n"
	              "      - {id: a, name: A, levels: {IC1: {text: x, proficiency: basic}, IC3: {proficiency: top}}}\n"
	              "      - {id: b, name: B, levels: {IC1: y}}\n"
	              "roles:\n  - {id: r, name: R}\n");
	assert_int_equal(l.status, LADDER_OK);
	const ladder_competency *a = l.l->groups[0]->competencies[0], *b = l.l->groups[0]->competencies[1];
	assert_int_equal(lc_assess_scale(l.l), 300);
	assert_int_equal(lc_assess_proficiency_bar(l.l, a, ladder_find_level(l.l, "IC1")), 100);
	assert_int_equal(lc_assess_proficiency_bar(l.l, a, ladder_find_level(l.l, "IC2")), 100); /* IC1's, in force */
	assert_int_equal(lc_assess_proficiency_bar(l.l, a, ladder_find_level(l.l, "IC3")), 300);
	assert_int_equal(lc_assess_proficiency_bar(l.l, b, ladder_find_level(l.l, "IC3")), 0); /* names none */
	loaded_free(&l);
}

static void test_rules(void **state)
{
	(void)state;
	fixture f = {0};
	assert_int_equal(load_ratings(&f, "r.yaml",
	                              "ratings: 1\nladder: t\npeople:\n"
	                              "  - {id: p, role: r, level: IC2, since: 2026-09-01, evidence: [1, Led.],\n"
	                              "     ratings: {a: 4, b: 3.5}}\n"),
	                 LC_RATINGS_OK);
	assert_int_equal(lc_assess(f.l.l, f.r, NULL, &f.a), 0);
	assert_null(f.a->team); /* one person: no team section by default */
	const lc_person_result *p = lc_assess_person(f.a, 0);
	assert_int_equal(p->months_in_level, 3);
	assert_int_equal(p->third, LC_THIRD_UPPER); /* mean 3.75: (3.75 - 1) / 4 >= 2/3 */
	assert_int_equal(p->nnext, 2);
	const lc_step *e3 = &p->next[0], *l3 = &p->next[1];
	assert_string_equal(e3->level->id.s, "E3");
	assert_int_equal(e3->verdict, LC_VERDICT_NOT_YET); /* b 3.5 < min_each 4 */
	assert_int_equal(e3->ngaps, 1);
	assert_int_equal(e3->gaps[0].rating, 350);
	assert_int_equal(e3->gaps[0].required, 400);
	assert_memory_equal(e3->gaps[0].text.s, "z", 1); /* b's text in force at E3 is IC1's */
	assert_int_equal(l3->verdict, LC_VERDICT_READY); /* 1 quarter: exactly 3 months */
	assert_int_equal(l3->ncriteria, 4);
	assert_int_equal(l3->criteria[3].met, 1); /* evidence 1 by number */
	fixture_free(&f);
}

static void test_ratings_checks(void **state)
{
	(void)state;
	fixture f = {0};
	/* a competency rated twice in CSV, a rating past the scale, a since after the as-of date */
	assert_int_equal(load_ratings(&f, "r.csv",
	                              "id,role,level,since,competency,rating\n"
	                              "p,r,IC1,2026-01-01,a,3\n"
	                              "p,r,IC1,2026-01-01,a,4\n"
	                              "q,r,IC1,2027-01-01,b,5.01\n"),
	                 LC_RATINGS_INVALID);
	assert_null(f.r);
	assert_int_equal(f.d.errors, 3);
	lc_diags_sort(&f.d);
	assert_non_null(strstr(f.d.items[0].message, "rated twice"));
	assert_int_equal(f.d.items[0].line, 3);
	assert_non_null(strstr(f.d.items[2].message, "after the as-of date"));
	fixture_free(&f);
}

/* Everything `assess` says about a ratings file: the diagnostics, then the
 * report in every format with the team section. */
static void say_all(const char *ratings, lc_buf *out)
{
	fixture f = {0};
	lc_ratings_status st = load_ratings(&f, "r.yaml", ratings);
	lc_diags_sort(&f.d);
	for (size_t i = 0; i < f.d.count; i++)
		lc_diag_format(out, &f.d.items[i], 0);
	lc_buf_printf(out, "status %d\n", (int)st);
	if (st == LC_RATINGS_OK) {
		lc_assess_options o;
		lc_assess_options_init(&o);
		o.team = 1;
		assert_int_equal(lc_assess(f.l.l, f.r, &o, &f.a), 0);
		for (int k = LC_ASSESS_TEXT; k <= LC_ASSESS_JSON; k++)
			assert_int_equal(lc_assess_emit(f.a, (lc_assess_format)k, out), 0);
		assert_int_equal(lc_assess_failed(f.a), 0);
	}
	fixture_free(&f);
}

/* The streamed reading (src/ratings_stream.c) and the results made one at a
 * time (src/assess_lazy.c) say what the plain path says, byte for byte:
 * valid files, bad people, a syntax error after them, and the layouts the
 * streamed path hands back (as_of after people, an anchor in a person). */
static void test_streamed_equals_plain(void **state)
{
	(void)state;
	static const char *const files[] = {
		"ratings: 1\nladder: t\ncycle: H2\nas_of: 2026-12-01\npeople:\n"
		"  - {id: p, role: r, level: IC2, since: 2026-09-01, rater: m, evidence: [1, Led.],\n"
		"     ratings: {a: 4, b: {rating: 3.5, evidence: Shipped it.}}}\n"
		"  - {id: q, name: Q, role: r, level: IC1, since: 2025-01-01, rater: m, ratings: {b: 2, a: 5}}\n"
		"  - {id: s, role: r, level: IC2, since: 2024-01-01, target: L3, rater: n, ratings: {a: 3}}\n"
		"  - {id: u, role: r, level: E3, since: 2020-01-01, ratings: {a: 5, b: 5}}\n",
		"ratings: 1\nladder: t\npeople:\n"
		"  - {id: p, role: r, level: IC1, since: 2026-09-01, ratings: {a: 4, b: 1}}\n"
		"  - {id: q, role: r, level: IC1, since: 2026-11-01, ratings: {a: 2}}\n"
		"as_of: 2026-10-01\n",
		"ratings: 1\nladder: t\nas_of: 2026-12-01\npeople:\n"
		"  - {id: p, role: r, level: IC1, since: 2027-01-01, ratings: {a: 4, a: 3, c: 1}}\n"
		"  - {id: p, role: x, level: IC9, since: 2026-01-01, colour: red, ratings: {b: 9}}\n"
		"  - {id: q, role: r, level: IC1, since: 2026-01-01, evidence: [7], ratings: {b: {evidence: e}}}\n"
		"  - {role: r}\n",
		"ratings: 1\nladder: t\npeople:\n"
		"  - {id: p, role: r, level: IC1, since: 2026-01-01, ratings: {c: 1}}\n"
		"  - {id: q, role: r, level: IC1, since: 2026-01-01, ratings: {a: 1}\n"
		"  - [\n",
		"ratings: 1\nladder: t\npeople:\n"
		"  - &p {id: p, role: r, level: IC1, since: 2026-01-01, ratings: {a: 4}}\n"
		"  - {id: q, role: r, level: IC1, since: 2026-01-01, ratings: {a: 2}}\n",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		lc_buf plain = LC_BUF_INIT, fast = LC_BUF_INIT;
		lc_set_serial(1);
		say_all(files[i], &plain);
		lc_set_serial(0);
		say_all(files[i], &fast);
		if (plain.len != fast.len || memcmp(plain.data, fast.data, plain.len) != 0)
			fail_msg("file %zu: the streamed path says\n%s\nthe plain path\n%s", i, fast.data, plain.data);
		lc_buf_free(&plain);
		lc_buf_free(&fast);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_days),
		cmocka_unit_test(test_months_between),
		cmocka_unit_test(test_time_in_level),
		cmocka_unit_test(test_bars_and_figures),
		cmocka_unit_test(test_criteria_merge),
		cmocka_unit_test(test_proficiency_bar),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_ratings_checks),
		cmocka_unit_test(test_streamed_equals_plain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
