/* `expectations: cumulative | restated`: the nearest written value wins
 * (competency, group, ladder), a restated competency shows only its text in
 * force, the next view diffs against it, and near-duplicate keeps quiet
 * between its levels. */
#include "test_support.h"

#include "ladderc/lint.h"
#include "view.h"

/* IC1 → IC2, then E3 → E4 forking from IC2. Every group and competency says
 * a different thing, so each resolution rule is met once. */
#define RESTATED_HEAD \
	"ladder: 1\n" \
	"id: t\n" \
	"name: T\n" \
	"expectations: restated\n" \
	"tracks:\n" \
	"  - id: IC\n" \
	"    name: I\n" \
	"    levels:\n" \
	"      - {id: IC1, name: A}\n" \
	"      - {id: IC2, name: B}\n" \
	"  - id: E\n" \
	"    name: E\n" \
	"    from: IC2\n" \
	"    levels:\n" \
	"      - {id: E3, name: C}\n" \
	"      - {id: E4, name: D}\n"

static const char *const RESTATED =
	RESTATED_HEAD
	"groups:\n"
	"  - id: top\n"            /* nothing written: the ladder's restated */
	"    name: Top\n"
	"    competencies:\n"
	"      - id: inherits\n"
	"        name: Inherits\n"
	"        levels: {IC1: one, E3: three}\n"
	"      - id: own\n"
	"        name: Own\n"
	"        expectations: cumulative\n"
	"        levels: {IC1: one, E3: three}\n"
	"  - id: cum\n"
	"    name: Cum\n"
	"    expectations: cumulative\n"
	"    competencies:\n"
	"      - id: from-group\n"
	"        name: From group\n"
	"        levels: {IC1: one, E3: three}\n"
	"      - id: back\n"
	"        name: Back\n"
	"        expectations: restated\n"
	"        levels: {IC1: one, E3: three}\n"
	"roles:\n"
	"  - id: r\n"
	"    name: R\n"
	"    groups:\n"
	"      - id: mine\n"
	"        name: Mine\n"
	"        competencies:\n"
	"          - id: role-comp\n"
	"            name: Role comp\n"
	"            levels: {IC1: one}\n";

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

static void test_resolve_nearest_wins(void **state)
{
	(void)state;
	const ladder_expectations I = LADDER_EXPECTATIONS_INHERIT, C = LADDER_EXPECTATIONS_CUMULATIVE,
	                          R = LADDER_EXPECTATIONS_RESTATED;
	assert_int_equal(ladder_expectations_resolve(I, I, I), C); /* the default */
	assert_int_equal(ladder_expectations_resolve(R, I, I), R); /* top */
	assert_int_equal(ladder_expectations_resolve(R, C, I), C); /* group over top */
	assert_int_equal(ladder_expectations_resolve(C, R, I), R);
	assert_int_equal(ladder_expectations_resolve(R, C, R), R); /* competency over group */
	assert_int_equal(ladder_expectations_resolve(I, R, C), C);
	assert_string_equal(ladder_expectations_name(C), "cumulative");
	assert_string_equal(ladder_expectations_name(R), "restated");
	assert_null(ladder_expectations_name(I));
}

static void test_loaded_modes(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, RESTATED);
	const ladder *l = r.l;
	assert_int_equal(l->expectations_written, LADDER_EXPECTATIONS_RESTATED);
	assert_int_equal(l->groups[0]->expectations_written, LADDER_EXPECTATIONS_INHERIT);
	assert_int_equal(l->groups[1]->expectations_written, LADDER_EXPECTATIONS_CUMULATIVE);
	assert_int_equal(l->groups[0]->competencies[0]->expectations, LADDER_EXPECTATIONS_RESTATED);
	assert_int_equal(l->groups[0]->competencies[1]->expectations_written, LADDER_EXPECTATIONS_CUMULATIVE);
	assert_int_equal(l->groups[0]->competencies[1]->expectations, LADDER_EXPECTATIONS_CUMULATIVE);
	assert_int_equal(l->groups[1]->competencies[0]->expectations, LADDER_EXPECTATIONS_CUMULATIVE);
	assert_int_equal(l->groups[1]->competencies[1]->expectations, LADDER_EXPECTATIONS_RESTATED);
	/* a role's own group inherits from the ladder too */
	assert_int_equal(l->roles[0]->groups[0]->competencies[0]->expectations, LADDER_EXPECTATIONS_RESTATED);
	loaded_free(&r);

	load_ok(&r, RESTATED_HEAD "groups: []\nroles: [{id: r, name: R}]\n");
	assert_int_equal(r.l->expectations_written, LADDER_EXPECTATIONS_RESTATED);
	loaded_free(&r);
}

static void test_in_force(void **state)
{
	(void)state;
	loaded r;
	load_ok(&r, RESTATED);
	const ladder *l = r.l;
	const ladder_competency *restated = l->groups[0]->competencies[0];
	const ladder_competency *cumulative = l->groups[0]->competencies[1];
	const ladder_level *chain[4], *out[4];
	size_t n = ladder_chain(level(l, "E4"), chain);
	assert_int_equal(n, 4);
	/* restated: the one text in force, from E3 */
	assert_int_equal(lc_view_in_force(restated, chain, n, out), 1);
	assert_ptr_equal(out[0], level(l, "E3"));
	/* cumulative: every text on the chain */
	assert_int_equal(lc_view_in_force(cumulative, chain, n, out), 2);
	assert_ptr_equal(out[0], level(l, "IC1"));
	assert_ptr_equal(out[1], level(l, "E3"));
	/* at IC2, the IC1 text is in force (inherited, not new) */
	n = ladder_chain(level(l, "IC2"), chain);
	assert_int_equal(lc_view_in_force(restated, chain, n, out), 1);
	assert_ptr_equal(out[0], level(l, "IC1"));
	assert_int_equal(lc_view_in_force(restated, chain, 0, out), 0);

	/* the next view's "was": only where a restated competency restates itself */
	ladder_str was = lc_view_was(restated, level(l, "IC2"), level(l, "E3"));
	assert_int_equal(was.len, 3);
	assert_memory_equal(was.s, "one", 3);
	assert_null(lc_view_was(restated, level(l, "E3"), level(l, "E4")).s);   /* nothing new at E4 */
	assert_null(lc_view_was(cumulative, level(l, "IC2"), level(l, "E3")).s); /* adds, no diff */
	loaded_free(&r);
}

static void test_bad_values(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, RESTATED_HEAD "expectations: restate\ngroups: []\nroles: [{id: r, name: R}]\n");
	assert_int_equal(r.status, LADDER_INVALID);
	loaded_free(&r);
	load_text(&r,
	          "ladder: 1\nid: t\nname: T\nexpectations: [restated]\n"
	          "tracks: [{id: IC, name: I, levels: [{id: IC1, name: A}]}]\n"
	          "groups:\n"
	          "  - id: g\n"
	          "    name: G\n"
	          "    expectations: added\n"
	          "    competencies:\n"
	          "      - {id: c, name: C, expectations: whole, levels: {IC1: x}}\n"
	          "roles: [{id: r, name: R}]\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 4, 15, "the ladder's 'expectations'");
	assert_error_at(&r, 9, 19, "write 'cumulative' (each level adds to those below) or 'restated'");
	assert_error_at(&r, 11, 40, "a competency's 'expectations' is 'whole'");
	loaded_free(&r);
}

/* Adjacent levels of a restated competency are alike on purpose: no
 * near-duplicate there; the same texts in a cumulative competency warn. */
static void test_lint_near_duplicate(void **state)
{
	(void)state;
	static const char *const text =
		"Writes features on their own, reviews the code of others, and improves the tests, the build and the tools of the team";
	char yaml[2048];
	for (int restated = 0; restated <= 1; restated++) {
		snprintf(yaml, sizeof yaml,
		         "ladder: 1\nid: t\nname: T\nexpectations: %s\n"
		         "tracks: [{id: IC, name: I, levels: [{id: IC1, name: A}, {id: IC2, name: B}, {id: IC3, name: C}]}]\n"
		         "groups:\n"
		         "  - id: g\n"
		         "    name: G\n"
		         "    competencies:\n"
		         "      - id: c\n"
		         "        name: C\n"
		         "        levels:\n"
		         "          IC1: \"Awareness. %s.\"\n"
		         "          IC2: \"Expert. %s.\"\n"
		         "          IC3: \"Expert. %s.\"\n"
		         "roles: [{id: r, name: R}]\n",
		         restated ? "restated" : "cumulative", text, text, text);
		loaded r;
		load_ok(&r, yaml);
		lc_diags_free(&r.diags);
		lc_diags_init(&r.diags);
		assert_int_equal(lc_lint_ladder(r.l, NULL, &r.diags), 0);
		size_t near = 0, same = 0;
		for (size_t i = 0; i < r.diags.count; i++) {
			const char *rule = r.diags.items[i].rule;
			near += rule && strcmp(rule, "near-duplicate") == 0;
			same += rule && strcmp(rule, "same-as-previous") == 0;
		}
		assert_int_equal(near, restated ? 0 : 1);
		assert_int_equal(same, 1); /* IC3 repeats IC2 word for word: still reported */
		loaded_free(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_nearest_wins),
		cmocka_unit_test(test_loaded_modes),
		cmocka_unit_test(test_in_force),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_lint_near_duplicate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
