/* Proficiency levels: the top-level list and its errors, cells written as
 * {text, proficiency, examples}, and ladder_proficiency_in_force along
 * chains that fork (restated and cumulative alike). */
#include "test_support.h"

#include "ladderc/lint.h"

/* IC1 → IC2 → IC3, then M3 → M4 forking from IC2. */
#define HEAD \
	"ladder: 1\n" \
	"id: t\n" \
	"name: T\n" \
	"tracks:\n" \
	"  - id: IC\n" \
	"    name: I\n" \
	"    levels:\n" \
	"      - {id: IC1, name: A}\n" \
	"      - {id: IC2, name: B}\n" \
	"      - {id: IC3, name: C}\n" \
	"  - id: M\n" \
	"    name: M\n" \
	"    from: IC2\n" \
	"    levels:\n" \
	"      - {id: M3, name: D}\n" \
	"      - {id: M4, name: E}\n"

#define LEVELS \
	"proficiency:\n" \
	"  - {id: basic, name: Basic, description: Knows it.}\n" \
	"  - {id: working, name: Working}\n" \
	"  - {id: expert, name: Expert}\n"

static const char *const LADDER =
	HEAD LEVELS
	"groups:\n"
	"  - id: g\n"
	"    name: G\n"
	"    competencies:\n"
	"      - id: cum\n"            /* cumulative: IC1 basic, IC3 expert, M3 names none */
	"        name: Cum\n"
	"        levels:\n"
	"          IC1: {text: one, proficiency: basic, examples: [a, b]}\n"
	"          IC2: two\n"
	"          IC3: {text: three, proficiency: expert}\n"
	"          M3: three-m\n"
	"      - id: res\n"            /* restated: M3 the proficiency alone */
	"        name: Res\n"
	"        expectations: restated\n"
	"        levels:\n"
	"          IC2: {text: two, proficiency: working}\n"
	"          M3: {proficiency: expert}\n"
	"      - id: plain\n"
	"        name: Plain\n"
	"        levels: {IC1: one}\n"
	"roles: [{id: r, name: R}]\n";

static void load_ok(loaded *r, const char *yaml)
{
	load_text(r, yaml);
	if (r->status != LADDER_OK)
		dump_diags(&r->diags);
	assert_int_equal(r->status, LADDER_OK);
}

static const ladder_level *level(const ladder *l, const char *id)
{
	const ladder_level *lv = ladder_find_level(l, id);
	assert_non_null(lv);
	return lv;
}

static void assert_in_force(const ladder *l, const ladder_competency *c, const char *lv, const char *want)
{
	const ladder_proficiency *p = ladder_proficiency_in_force(c, level(l, lv));
	if (!want) {
		assert_null(p);
		return;
	}
	assert_non_null(p);
	assert_ptr_equal(p, ladder_find_proficiency(l, want));
}

static void test_list(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, LADDER);
	const ladder *l = r.l;
	assert_int_equal(l->nproficiency, 3);
	for (uint32_t i = 0; i < 3; i++)
		assert_int_equal(l->proficiency[i].rank, i + 1);
	assert_memory_equal(l->proficiency[0].description.s, "Knows it.", 9);
	assert_null(l->proficiency[1].description.s);
	assert_ptr_equal(ladder_find_proficiency(l, "working"), &l->proficiency[1]);
	assert_null(ladder_find_proficiency(l, "work"));
	assert_true(ladder_has_cell_details(l));
	loaded_free(&r);
}

static void test_cells(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, LADDER);
	const ladder *l = r.l;
	const ladder_competency *cum = l->groups[0]->competencies[0], *res = l->groups[0]->competencies[1],
	                        *plain = l->groups[0]->competencies[2];
	assert_ptr_equal(ladder_cell_proficiency(cum, level(l, "IC1")), &l->proficiency[0]);
	assert_null(ladder_cell_proficiency(cum, level(l, "IC2"))); /* plain text in a mapping's company */
	size_t n;
	const ladder_str *ex = ladder_cell_examples(cum, level(l, "IC1"), &n);
	assert_int_equal(n, 2);
	assert_memory_equal(ex[1].s, "b", 1);
	assert_null(ladder_cell_examples(cum, level(l, "IC3"), &n));
	assert_int_equal(n, 0);
	/* the text of a mapping cell; a proficiency alone reads as its name */
	assert_memory_equal(cum->text[level(l, "IC3")->index].s, "three", 5);
	ladder_str m3 = res->text[level(l, "M3")->index];
	assert_int_equal(m3.len, 6);
	assert_memory_equal(m3.s, "Expert", 6);
	assert_false(res->detail[level(l, "M3")->index].text_given);
	assert_true(res->detail[level(l, "IC2")->index].text_given);
	/* a competency of plain cells has no details at all */
	assert_null(plain->detail);
	assert_null(ladder_cell_proficiency(plain, level(l, "IC1")));
	assert_null(ladder_cell_examples(plain, level(l, "IC1"), &n));
	loaded_free(&r);
}

static void test_in_force(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, LADDER);
	const ladder *l = r.l;
	const ladder_competency *cum = l->groups[0]->competencies[0], *res = l->groups[0]->competencies[1],
	                        *plain = l->groups[0]->competencies[2];
	/* cumulative: held up the chain until a level names another */
	assert_in_force(l, cum, "IC1", "basic");
	assert_in_force(l, cum, "IC2", "basic");
	assert_in_force(l, cum, "IC3", "expert");
	/* the fork: M3 continues from IC2, not from IC3 */
	assert_in_force(l, cum, "M3", "basic");
	assert_in_force(l, cum, "M4", "basic");
	/* restated: nothing below IC2, then IC2's; M3's own on the fork */
	assert_in_force(l, res, "IC1", NULL);
	assert_in_force(l, res, "IC2", "working");
	assert_in_force(l, res, "IC3", "working");
	assert_in_force(l, res, "M3", "expert");
	assert_in_force(l, res, "M4", "expert");
	assert_in_force(l, plain, "M4", NULL);
	loaded_free(&r);
}

static void test_no_details(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, HEAD "groups: [{id: g, name: G, competencies: [{id: c, name: C, levels: {IC1: x}}]}]\n");
	assert_int_equal(r.l->nproficiency, 0);
	assert_false(ladder_has_cell_details(r.l));
	loaded_free(&r);
	/* examples without proficiency levels are details too */
	load_ok(&r, HEAD "groups: [{id: g, name: G, competencies: [{id: c, name: C, levels: {IC1: {text: x, examples: [e]}}}]}]\n");
	assert_true(ladder_has_cell_details(r.l));
	loaded_free(&r);
}

static void test_list_errors(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "proficiency:\n"
	                   "  - {id: a, name: A}\n"
	                   "  - {id: a, name: Again}\n"   /* 19 */
	                   "  - {name: No id}\n"          /* 20 */
	                   "  - {id: b}\n"                /* 21 */
	                   "  - {id: c, name: C, level: 3}\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 19, 10, "duplicate proficiency level id 'a'");
	assert_error_at(&r, 20, 5, "a proficiency level needs 'id'");
	assert_error_at(&r, 21, 5, "a proficiency level needs 'name'");
	assert_error_at(&r, 22, 22, "unknown key 'level' in a proficiency level");
	loaded_free(&r);
	load_text(&r, HEAD "proficiency: []\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 17, 14, "the 'proficiency' list is empty");
	loaded_free(&r);
	load_text(&r, HEAD "proficiency: basic\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 17, 14, "'proficiency' must be a sequence");
	loaded_free(&r);
}

static void test_cell_errors(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD LEVELS
	          "groups:\n"
	          "  - id: g\n"
	          "    name: G\n"
	          "    competencies:\n"
	          "      - id: c\n"
	          "        name: C\n"
	          "        levels:\n"
	          "          IC1: {text: x, proficiency: workng}\n"  /* 28 */
	          "          IC2: {examples: [e]}\n"                 /* 29 */
	          "          IC3: {text: x, proficiency: mastery}\n" /* 30 */
	          "          M3: {text: , proficiency: basic}\n"     /* 31 */
	          "          M4: {text: x, example: [e]}\n");        /* 32 */
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 28, 39, "'workng' is not a proficiency level of this ladder; did you mean 'working'?");
	assert_error_at(&r, 29, 16, "the expectation at 'IC2' has neither 'text' nor 'proficiency'");
	assert_error_at(&r, 30, 39, "(its proficiency levels are basic, working, expert)");
	assert_error_at(&r, 31, 22, "an expectation's 'text' is empty");
	assert_error_at(&r, 32, 25, "unknown key 'example' in an expectation; did you mean 'examples'?");
	loaded_free(&r);
	/* a ladder that names no proficiency levels */
	load_text(&r, HEAD "groups: [{id: g, name: G, competencies: [{id: c, name: C, levels: {IC1: {text: x, proficiency: a}}}]}]\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 17, 96, "the ladder names none");
	loaded_free(&r);
	/* a list that no cell names yet loads */
	load_text(&r, HEAD LEVELS);
	assert_int_equal(r.status, LADDER_OK);
	loaded_free(&r);
}

/* proficiency-drop: lower than in force below, on each fork by itself */
static void test_lint_drop(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, HEAD LEVELS
	        "groups:\n"
	        "  - id: g\n"
	        "    name: G\n"
	        "    competencies:\n"
	        "      - id: c\n"
	        "        name: C\n"
	        "        levels:\n"
	        "          IC1: {text: a, proficiency: working}\n"
	        "          IC2: {text: b, proficiency: expert}\n"
	        "          IC3: {text: c, proficiency: expert}\n"  /* same: fine */
	        "          M3: {text: d, proficiency: working}\n"  /* 31: lower than IC2's expert */
	        "          M4: {text: e, proficiency: expert}\n"   /* back up: fine */
	        "roles: [{id: r, name: R}]\n");
	lc_lint_options o;
	lc_lint_options_init(&o);
	assert_int_equal(lc_lint_ladder(r.l, &o, &r.diags), 0);
	lc_diags_sort(&r.diags);
	size_t found = 0;
	for (size_t i = 0; i < r.diags.count; i++) {
		const lc_diag *d = &r.diags.items[i];
		if (!d->rule || strcmp(d->rule, "proficiency-drop") != 0)
			continue;
		found++;
		assert_int_equal(d->line, 31);
		assert_non_null(strstr(d->message, "asks for proficiency 'working' at 'M3', lower than 'expert' at 'IC2'"));
	}
	assert_int_equal(found, 1);
	loaded_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_in_force),
		cmocka_unit_test(test_no_details),
		cmocka_unit_test(test_list_errors),
		cmocka_unit_test(test_cell_errors),
		cmocka_unit_test(test_lint_drop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
