/* Scope: a company-wide group for some roles or families, a competency on
 * some tracks or from a level up (ladder_group_applies_to_role,
 * ladder_competency_applies), at forks and on the shared trunk; the errors
 * for unknown ids and for text where a competency does not apply; and no
 * missing-description warning where a competency does not apply. */
#include "test_support.h"

#include "ladderc/lint.h"

static void load_leadership(loaded *r)
{
	load_path_ok(r, LADDERC_SOURCE_DIR "/tests/ladders/leadership.yaml");
}

/* Competency c of group g: a company-wide group when r is NULL, else r's own. */
static const ladder_competency *comp(const ladder *l, const ladder_role *r, size_t g, size_t c)
{
	const ladder_group *grp = r ? r->groups[g] : l->groups[g];
	assert_true(c < grp->ncompetencies);
	return grp->competencies[c];
}

static int applies(const ladder *l, const ladder_competency *c, const ladder_role *r, const char *lv)
{
	return ladder_competency_applies(c, r, must_level(l, lv));
}

static void test_starts_on_trunk(void **state)
{
	(void)state;
	loaded r;
	load_leadership(&r);
	const ladder *l = r.l;
	const ladder_competency *mentoring = comp(l, NULL, 0, 1);
	assert_true(mentoring->starts_at == must_level(l, "IC2"));
	/* from IC2 up, on every track continuing from it */
	assert_false(applies(l, mentoring, NULL, "IC1"));
	assert_true(applies(l, mentoring, NULL, "IC2"));
	assert_true(applies(l, mentoring, NULL, "E3"));
	assert_true(applies(l, mentoring, NULL, "E5"));
	assert_true(applies(l, mentoring, NULL, "L3"));
	assert_true(applies(l, mentoring, NULL, "L5"));
	loaded_free(&r);
}

static void test_starts_at_fork(void **state)
{
	(void)state;
	loaded r;
	load_leadership(&r);
	const ladder *l = r.l;
	const ladder_competency *people = comp(l, NULL, 1, 0), *strategy = comp(l, NULL, 1, 1);
	/* tracks: [L]: the L levels only, not the trunk below them */
	assert_false(applies(l, people, NULL, "IC2"));
	assert_false(applies(l, people, NULL, "E3"));
	assert_true(applies(l, people, NULL, "L3"));
	assert_true(applies(l, people, NULL, "L5"));
	/* from L4 up: not at L3, nor at E4 of equal rank on the other fork */
	assert_false(applies(l, strategy, NULL, "L3"));
	assert_true(applies(l, strategy, NULL, "L4"));
	assert_true(applies(l, strategy, NULL, "L5"));
	assert_false(applies(l, strategy, NULL, "E4"));
	assert_false(applies(l, strategy, NULL, "E5"));
	/* a role's own competency from E4: E4 and E5 of that role only */
	const ladder_role *data = must_role(l, "data-engineer"), *se = must_role(l, "software-engineer");
	const ladder_competency *governance = comp(l, data, 0, 1);
	assert_false(applies(l, governance, data, "E3"));
	assert_true(applies(l, governance, data, "E4"));
	assert_true(applies(l, governance, data, "E5"));
	assert_false(applies(l, governance, data, "L4"));
	assert_false(applies(l, governance, se, "E4"));
	loaded_free(&r);
}

static void test_group_for_roles(void **state)
{
	(void)state;
	loaded r;
	load_leadership(&r);
	const ladder *l = r.l;
	const ladder_group *product = l->groups[2];
	const ladder_role *se = must_role(l, "software-engineer"), *data = must_role(l, "data-engineer"),
	                  *pm = must_role(l, "product-manager");
	assert_true(product->scoped);
	assert_false(ladder_group_applies_to_role(product, se));
	assert_true(ladder_group_applies_to_role(product, data));  /* by its id */
	assert_true(ladder_group_applies_to_role(product, pm));    /* by its family */
	assert_true(ladder_group_applies_to_role(l->groups[0], se));
	assert_false(ladder_group_applies_to_role(data->groups[0], se));
	/* a role's groups skip those not for it */
	assert_int_equal(ladder_role_ngroups(l, se), 2);
	assert_ptr_equal(ladder_role_group(l, se, 1), l->groups[1]);
	assert_null(ladder_role_group(l, se, 2));
	assert_int_equal(ladder_role_ngroups(l, data), 4);
	assert_ptr_equal(ladder_role_group(l, data, 2), product);
	assert_ptr_equal(ladder_role_group(l, data, 3), data->groups[0]);
	assert_int_equal(ladder_role_ngroups(l, NULL), 3);
	const ladder_competency *users = product->competencies[0];
	assert_false(applies(l, users, se, "IC1"));
	assert_true(applies(l, users, pm, "IC1"));
	assert_true(applies(l, users, NULL, "IC1"));
	loaded_free(&r);
}

static void test_no_warning_out_of_scope(void **state)
{
	(void)state;
	loaded r;
	load_leadership(&r);
	lc_diags d;
	lc_diags_init(&d);
	assert_int_equal(lc_lint_ladder(r.l, NULL, &d), 0);
	for (size_t i = 0; i < d.count; i++)
		if (d.items[i].rule && strcmp(d.items[i].rule, "missing-description") == 0) {
			dump_diags(&d);
			fail_msg("a missing-description warning where a competency does not apply");
		}
	lc_diags_free(&d);
	loaded_free(&r);
}

#define HEAD \
	"ladder: 1\n" \
	"id: t\n" \
	"name: T\n" \
	"tracks:\n" \
	"  - {id: IC, name: I, levels: [{id: IC1, name: A}, {id: IC2, name: B}]}\n" \
	"  - {id: E, name: E, from: IC2, levels: [{id: E3, name: C}]}\n" \
	"  - {id: L, name: L, from: IC2, levels: [{id: L3, name: D}]}\n"

static void test_errors(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD
	          "groups:\n"
	          "  - id: g\n"                                                        /* 9 */
	          "    name: G\n"
	          "    roles: [engg]\n"                                                /* 11 */
	          "    families: [Engineerin]\n"
	          "    competencies:\n"
	          "      - {id: a, name: A, tracks: [LL], levels: {L3: x}}\n"          /* 14 */
	          "      - {id: b, name: B, starts_at: L33, levels: {L3: x}}\n"
	          "      - {id: c, name: C, tracks: [L], levels: {E3: x, L3: y}}\n"    /* 16 */
	          "      - {id: d, name: D, starts_at: L3, levels: {IC2: x, L3: y}}\n"
	          "roles:\n"
	          "  - id: eng\n"
	          "    name: Eng\n"
	          "    family: Engineering\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 11, 13, "role 'engg', which is not a role of this ladder; did you mean 'eng'?");
	assert_error_at(&r, 12, 16, "family 'Engineerin', which no role has as its 'family'; did you mean 'Engineering'?");
	assert_error_at(&r, 14, 35, "'LL' is not a track of this ladder; did you mean 'L'?");
	assert_error_at(&r, 15, 37, "starts_at 'L33' is not a level of this ladder; did you mean 'L3'?");
	assert_error_at(&r, 16, 52, "the expectation at 'E3' would never be shown: competency 'c' applies only on track 'L'");
	assert_error_at(&r, 17, 55, "the expectation at 'IC2' would never be shown");
	loaded_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_on_trunk),
		cmocka_unit_test(test_starts_at_fork),
		cmocka_unit_test(test_group_for_roles),
		cmocka_unit_test(test_no_warning_out_of_scope),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
