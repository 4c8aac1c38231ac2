/* Loader and model: valid ladders resolve as the format says; every kind of
 * bad input gets an error at its exact line and column. */
#include "test_support.h"

#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const VALID =
	"ladder: 1\n"
	"id: t\n"
	"name: T\n"
	"tracks:\n"
	"  - id: IC\n"
	"    name: Individual\n"
	"    levels:\n"
	"      - {id: IC1, name: Junior, title: \"Junior {role}\"}\n"
	"      - {id: IC2, name: Mid, title: \"{role}\"}\n"
	"  - id: E\n"
	"    name: Expert\n"
	"    from: IC2\n"
	"    levels:\n"
	"      - {id: E3, name: Senior, title: \"Senior {role}\"}\n"
	"      - {id: E4, name: Staff}\n"
	"  - id: L\n"
	"    name: Leadership\n"
	"    from: IC2\n"
	"    levels:\n"
	"      - {id: L3, name: Lead, title: \"{role} Lead\"}\n"
	"      - {id: L4, name: Director, title: \"Director of {family}\"}\n"
	"groups:\n"
	"  - id: core\n"
	"    name: Core\n"
	"    competencies:\n"
	"      - id: autonomy\n"
	"        name: Autonomy\n"
	"        levels:\n"
	"          IC1: A1\n"
	"          E3: A3\n"
	"          L3: AL3\n"
	"roles:\n"
	"  - id: eng\n"
	"    name: Engineer\n"
	"    family: Engineering\n"
	"    titles:\n"
	"      L3: Engineering Manager\n"
	"  - id: ae\n"
	"    name: Account Executive\n"
	"    family: Sales\n"
	"    tracks: [L, IC]\n";

/* The first eight lines of a ladder with one track and one level. */
#define HEAD \
	"ladder: 1\n" \
	"id: t\n" \
	"name: T\n" \
	"tracks:\n" \
	"  - id: IC\n" \
	"    name: I\n" \
	"    levels:\n" \
	"      - {id: IC1, name: J}\n"

static const ladder_level *level(const ladder *l, const char *id)
{
	const ladder_level *lv = ladder_find_level(l, id);
	assert_non_null(lv);
	return lv;
}

static void str_equal(ladder_str s, const char *want)
{
	assert_non_null(s.s);
	assert_int_equal(s.len, strlen(want));
	assert_memory_equal(s.s, want, s.len);
}

static void test_chains_and_ranks(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, VALID);
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	const ladder *l = r.l;
	assert_int_equal(l->ntracks, 3);
	assert_int_equal(l->nlevels, 6);
	const ladder_level *e4 = level(l, "E4");
	assert_int_equal(e4->rank, 4);
	const ladder_level *chain[4];
	assert_int_equal(ladder_chain(e4, chain), 4);
	str_equal(chain[0]->id, "IC1");
	str_equal(chain[1]->id, "IC2");
	str_equal(chain[2]->id, "E3");
	assert_ptr_equal(chain[3], e4);
	assert_int_equal(level(l, "L3")->rank, 3);
	assert_int_equal(level(l, "IC1")->rank, 1);
	assert_true(ladder_levels_equivalent(level(l, "E3"), level(l, "L3")));
	assert_true(ladder_levels_equivalent(level(l, "E4"), level(l, "L4")));
	assert_false(ladder_levels_equivalent(level(l, "E3"), level(l, "L4")));
	assert_false(ladder_levels_equivalent(level(l, "E3"), level(l, "E4")));

	const ladder_level *next[4];
	assert_int_equal(ladder_next_levels(l, NULL, level(l, "IC2"), next), 2);
	str_equal(next[0]->id, "E3");
	str_equal(next[1]->id, "L3");
	assert_int_equal(ladder_next_levels(l, NULL, level(l, "E3"), next), 1);
	str_equal(next[0]->id, "E4");
	assert_int_equal(ladder_next_levels(l, NULL, level(l, "E4"), next), 0);
	const ladder_role *ae = ladder_find_role(l, "ae");
	assert_non_null(ae);
	assert_int_equal(ladder_next_levels(l, ae, level(l, "IC2"), next), 1);
	str_equal(next[0]->id, "L3");
	/* a role's tracks come in ladder order whatever order it lists them */
	assert_int_equal(ae->ntracks, 2);
	str_equal(ae->tracks[0]->id, "IC");
	str_equal(ae->tracks[1]->id, "L");
	loaded_free(&r);
}

static void test_cumulative_expectations(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, VALID);
	assert_int_equal(r.status, LADDER_OK);
	const ladder *l = r.l;
	const ladder_competency *c = l->groups[0]->competencies[0];
	assert_ptr_equal(ladder_expectation_source(c, level(l, "IC1")), level(l, "IC1"));
	assert_ptr_equal(ladder_expectation_source(c, level(l, "IC2")), level(l, "IC1"));
	assert_ptr_equal(ladder_expectation_source(c, level(l, "E4")), level(l, "E3"));
	assert_ptr_equal(ladder_expectation_source(c, level(l, "L4")), level(l, "L3"));
	assert_null(c->text[level(l, "IC2")->index].s);
	str_equal(c->text[level(l, "L3")->index], "AL3");
	/* the text keeps its position for diagnostics */
	assert_int_equal(c->text_at[level(l, "E3")->index].line, 30);
	assert_int_equal(c->text_at[level(l, "E3")->index].col, 15);
	loaded_free(&r);
}

static void test_titles(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, VALID);
	assert_int_equal(r.status, LADDER_OK);
	const ladder *l = r.l;
	const ladder_role *eng = ladder_find_role(l, "eng"), *ae = ladder_find_role(l, "ae");
	str_equal(eng->title[level(l, "IC1")->index], "Junior Engineer");
	str_equal(eng->title[level(l, "IC2")->index], "Engineer");
	str_equal(eng->title[level(l, "E4")->index], "Staff Engineer"); /* no rubric: name + role */
	str_equal(eng->title[level(l, "L3")->index], "Engineering Manager"); /* override */
	str_equal(eng->title[level(l, "L4")->index], "Director of Engineering");
	str_equal(ae->title[level(l, "L3")->index], "Account Executive Lead");
	str_equal(ae->title[level(l, "L4")->index], "Director of Sales");
	assert_null(ae->title[level(l, "E3")->index].s); /* not on ae's tracks */
	loaded_free(&r);
}

static void test_schema_typing(void **state)
{
	(void)state;
	loaded r;
	/* name: no is the text "no", not a boolean; 1.0 is not the version 1 */
	load_text(&r, HEAD "roles:\n  - {id: r, name: no, family: null}\n");
	assert_int_equal(r.status, LADDER_OK);
	str_equal(r.l->roles[0]->name, "no");
	str_equal(r.l->roles[0]->family, "null");
	loaded_free(&r);
	load_text(&r, "ladder: 1.0\nid: t\nname: T\ntracks: []\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 1, 9, "must be a whole number");
	loaded_free(&r);
	load_text(&r, "ladder: 2\nid: t\nname: T\ntracks: []\n");
	assert_error_at(&r, 1, 9, "format version '2' is not supported");
	loaded_free(&r);
}

static void test_unknown_key_suggests(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "roles:\n  - id: r\n    nmae: R\n    x-owner: me\n");
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 11, 5, "unknown key 'nmae' in a role; did you mean 'name'?");
	assert_error_at(&r, 10, 5, "a role needs 'name'");
	assert_int_equal(r.diags.errors, 2); /* x- keys are extensions */
	loaded_free(&r);
}

static void test_wrong_types(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "groups:\n  id: g\n");
	assert_error_at(&r, 10, 3, "'groups' must be a sequence");
	loaded_free(&r);
	load_text(&r, HEAD "roles:\n  - id: r\n    name: [a, b]\n");
	assert_error_at(&r, 11, 11, "a role's 'name' must be text, not a sequence");
	loaded_free(&r);
}

static void test_title_flow_mapping_hint(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "      - id: IC2\n        name: M\n        title: {role}\n");
	assert_error_at(&r, 11, 16, "a level's 'title' must be text, not a mapping");
	int hint = 0;
	for (size_t i = 0; i < r.diags.count; i++)
		hint |= r.diags.items[i].severity == LC_NOTE && strstr(r.diags.items[i].message, "quote it") != NULL;
	assert_true(hint);
	loaded_free(&r);
	/* a block mapping was not written with braces: no hint about quoting */
	load_text(&r, HEAD "      - id: IC2\n        name: M\n        title:\n          x: y\n");
	assert_error_at(&r, 12, 11, "a level's 'title' must be text, not a mapping");
	for (size_t i = 0; i < r.diags.count; i++)
		assert_null(strstr(r.diags.items[i].message, "quote it"));
	loaded_free(&r);
	/* `title: {role} Lead` is a YAML syntax error: the hint comes with it */
	load_text(&r, HEAD "      - id: IC2\n        name: M\n        title: {role} Lead\n");
	assert_int_equal(r.status, LADDER_INVALID);
	hint = 0;
	for (size_t i = 0; i < r.diags.count; i++)
		hint |= r.diags.items[i].severity == LC_NOTE && strstr(r.diags.items[i].message, "quote it") != NULL;
	assert_true(hint);
	loaded_free(&r);
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "roles:\n  - id: r\n    name: R\n    name: S\n");
	assert_error_at(&r, 12, 5, "duplicate key 'name'");
	assert_int_equal(r.diags.items[1].severity, LC_NOTE);
	assert_int_equal(r.diags.items[1].line, 11);
	loaded_free(&r);
}

/* Tracks IC (IC1..IC3) and E (E3, E4, from IC2) for the `levels:` tests. */
#define FORKED \
	"ladder: 1\nid: t\nname: T\ntracks:\n" \
	"  - id: IC\n    name: I\n    levels: [{id: IC1, name: A}, {id: IC2, name: B}, {id: IC3, name: C}]\n" \
	"  - id: E\n    name: E\n    from: IC2\n    levels: [{id: E3, name: D}, {id: E4, name: F}]\n"

static void test_role_levels(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, FORKED "roles:\n  - id: qa\n    name: QA\n    description: Tests.\n    levels: [E4, IC2, E3]\n");
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	const ladder *l = r.l;
	const ladder_role *qa = l->roles[0];
	str_equal(qa->description, "Tests.");
	assert_non_null(qa->in_levels);
	assert_false(ladder_role_has_level(qa, level(l, "IC1")));
	assert_true(ladder_role_has_level(qa, level(l, "IC2")));
	assert_false(ladder_role_has_level(qa, level(l, "IC3")));
	assert_true(ladder_role_has_level(qa, level(l, "E4")));
	/* both tracks hold one of its levels; no title outside them */
	assert_int_equal(qa->ntracks, 2);
	assert_null(qa->title[level(l, "IC1")->index].s);
	str_equal(qa->title[level(l, "E3")->index], "D QA");
	/* the next levels stay inside the role */
	const ladder_level *next[4];
	assert_int_equal(ladder_next_levels(l, qa, level(l, "IC2"), next), 1);
	assert_ptr_equal(next[0], level(l, "E3"));
	assert_int_equal(ladder_next_levels(l, qa, level(l, "E4"), next), 0);
	loaded_free(&r);

	/* a track holding none of the levels is dropped from the role's tracks */
	load_text(&r, FORKED "roles:\n  - {id: qa, name: QA, levels: [IC1, IC2, IC3]}\n");
	assert_int_equal(r.status, LADDER_OK);
	assert_int_equal(r.l->roles[0]->ntracks, 1);
	assert_ptr_equal(r.l->roles[0]->tracks[0], r.l->tracks[0]);
	loaded_free(&r);
}

static void test_role_levels_errors(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, FORKED "roles:\n  - {id: qa, name: QA, levels: [IC1, E3]}\n");
	assert_error_at(&r, 13, 32, "the levels of role 'qa' skip 'IC2' between 'IC1' and 'E3'");
	loaded_free(&r);
	load_text(&r, FORKED "roles:\n  - {id: qa, name: QA, levels: [IC2, X9, IC2]}\n");
	assert_error_at(&r, 13, 38, "level 'X9' is not a level of this ladder");
	assert_error_at(&r, 13, 42, "level 'IC2' is listed twice");
	loaded_free(&r);
	load_text(&r, FORKED "roles:\n  - {id: qa, name: QA, tracks: [IC], levels: [E3]}\n");
	assert_error_at(&r, 13, 47, "level 'E3' is not on the tracks of role 'qa'");
	loaded_free(&r);
	load_text(&r, FORKED "roles:\n  - {id: qa, name: QA, levels: []}\n");
	assert_error_at(&r, 13, 32, "role 'qa' has an empty 'levels' list");
	loaded_free(&r);
	load_text(&r, FORKED "roles:\n  - {id: qa, name: QA, levels: [IC2], titles: {IC3: T}}\n");
	assert_error_at(&r, 13, 48, "level 'IC3' is not one of the levels of role 'qa'");
	loaded_free(&r);
}

static void test_level_no_title(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "      - {id: IC2, name: Mid, title: \"\"}\n      - {id: IC3, name: Senior}\n"
	          "roles:\n  - {id: r, name: R, titles: {IC1: Own}}\n");
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	const ladder *l = r.l;
	assert_true(level(l, "IC2")->no_title);
	assert_null(level(l, "IC2")->title.s);
	assert_false(level(l, "IC3")->no_title);
	const ladder_role *ro = l->roles[0];
	assert_null(ro->title[level(l, "IC2")->index].s);               /* none invented */
	str_equal(ro->title[level(l, "IC3")->index], "Senior R");       /* no rubric: the default rule */
	str_equal(ro->title[level(l, "IC1")->index], "Own");
	loaded_free(&r);
	/* a title of spaces is still an error */
	load_text(&r, HEAD "      - {id: IC2, name: Mid, title: \"  \"}\n");
	assert_error_at(&r, 9, 37, "a level's 'title' is empty");
	loaded_free(&r);
}

static void test_competency_links(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "groups:\n  - id: g\n    name: G\n    competencies:\n      - id: c\n        name: C\n"
	          "        links:\n"
	          "          - {name: Web, url: \"HTTPS://example.com/a?b=1\"}\n"
	          "          - {name: Mail, url: \"mailto:a@example.com\"}\n"
	          "          - {name: Plain, url: \"http://example.com\"}\n"
	          "        levels: {IC1: x}\n");
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	const ladder_competency *c = r.l->groups[0]->competencies[0];
	assert_int_equal(c->nlinks, 3);
	str_equal(c->links[0].name, "Web");
	str_equal(c->links[1].url, "mailto:a@example.com");
	loaded_free(&r);

	static const char *const bad[] = {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
	                                  "guide.html", "//example.com", "http://", "https://a b", "mailto"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[512];
		snprintf(text, sizeof text,
		         HEAD "groups:\n  - id: g\n    name: G\n    competencies:\n      - id: c\n        name: C\n"
		              "        links: [{name: X, url: \"%s\"}]\n        levels: {IC1: x}\n",
		         bad[i]);
		load_text(&r, text);
		assert_error_at(&r, 15, 32, "must be an http, https or mailto URL");
		loaded_free(&r);
	}
	load_text(&r, HEAD "groups:\n  - id: g\n    name: G\n    competencies:\n      - id: c\n        name: C\n"
	          "        links: [{url: \"https://example.com\"}]\n        levels: {IC1: x}\n");
	assert_error_at(&r, 15, 17, "'name'");
	loaded_free(&r);
}

static void test_duplicate_ids(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "      - {id: IC1, name: K}\nroles:\n  - {id: r, name: R}\n  - {id: r, name: S}\n");
	assert_error_at(&r, 9, 14, "duplicate level id 'IC1'");
	assert_error_at(&r, 12, 10, "duplicate role id 'r'");
	loaded_free(&r);
}

static void test_unknown_level_ids(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD
	          "groups:\n  - id: g\n    name: G\n    competencies:\n      - id: c\n        name: C\n"
	          "        levels:\n          IC2: x\n"
	          "roles:\n  - id: r\n    name: R\n    titles: {E9: T}\n    tracks: [IX]\n");
	assert_error_at(&r, 16, 11, "level 'IC2' is not a level of this ladder; did you mean 'IC1'?");
	assert_error_at(&r, 20, 14, "'E9' is not a level of this ladder");
	assert_error_at(&r, 21, 14, "'IX' is not a track of this ladder; did you mean 'IC'?");
	loaded_free(&r);
}

static void test_from_must_resolve(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "  - id: E\n    name: E\n    from: IC9\n    levels: [{id: E2, name: S}]\n");
	assert_error_at(&r, 11, 11, "'IC9' is not a level of this ladder");
	loaded_free(&r);
}

static void test_role_track_closure(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "  - id: E\n    name: E\n    from: IC1\n    levels: [{id: E2, name: S}]\n"
	          "roles:\n  - {id: r, name: R, tracks: [E]}\n");
	assert_error_at(&r, 14, 30, "role 'r' takes track 'E' but not track 'IC'");
	loaded_free(&r);
}

static void test_rubric_placeholders(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "      - {id: IC2, name: M, title: \"{team} lead\"}\n");
	assert_error_at(&r, 9, 35, "unknown placeholder '{team}'");
	loaded_free(&r);
	load_text(&r, HEAD "      - {id: IC2, name: M, title: \"Head of {family}\"}\nroles:\n  - {id: r, name: R}\n");
	assert_error_at(&r, 11, 5, "role 'r' has no 'family', but the title rubric of level 'IC2' uses {family}");
	loaded_free(&r);
}

static void test_invalid_ids_and_controls(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "roles:\n  - {id: \"a b\", name: R}\n  - {id: s, name: \"x\\u202Ey\"}\n"
	          "  - {id: u, name: \"two\\nlines\"}\n");
	assert_error_at(&r, 10, 10, "'a b' is not a valid id");
	assert_error_at(&r, 11, 19, "invisible control character U+202E");
	assert_error_at(&r, 12, 19, "must be one line");
	loaded_free(&r);
}

static void test_yaml_syntax_errors(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, "ladder: 1\nid: t\nname: \"unclosed\ntracks: []\n");
	assert_error_at(&r, 3, 7, "unclosed quoted string");
	loaded_free(&r);
	load_text(&r, "ladder: 1\nid: t\n\tname: T\n");
	assert_error_at(&r, 3, 1, "tab character");
	loaded_free(&r);
	load_text(&r, "");
	assert_error_at(&r, 1, 1, "the file is empty");
	loaded_free(&r);
	load_text(&r, HEAD "---\nladder: 1\n");
	assert_error_at(&r, 9, 1, "a second YAML document");
	loaded_free(&r);
	/* a reader error carries a byte offset: turned into line and column */
	load_text(&r, "ladder: 1\nid: t\nname: \"ab\xff\"\n");
	assert_error_at(&r, 3, 10, "invalid UTF-8");
	loaded_free(&r);
}

static void test_encodings_and_line_ends(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, "\xEF\xBB\xBF" HEAD);
	assert_int_equal(r.status, LADDER_OK);
	loaded_free(&r);
	load_text(&r, "ladder: 1\r\nid: t\r\nname: T\r\ntracks:\r\n  - id: IC\r\n    nme: I\r\n");
	assert_error_at(&r, 6, 5, "unknown key 'nme'");
	loaded_free(&r);
	static const char utf16[] = "\xFF\xFEl\0a\0";
	lc_diags_init(&r.diags);
	r.status = ladder_load_buffer("u16.yaml", utf16, sizeof utf16 - 1, NULL, &r.diags, &r.l);
	assert_error_at(&r, 1, 1, "UTF-16");
	loaded_free(&r);
}

static void test_aliases(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "roles:\n  - {id: r, name: &n Name, family: *n}\n");
	assert_int_equal(r.status, LADDER_OK);
	str_equal(r.l->roles[0]->family, "Name");
	loaded_free(&r);
	load_text(&r, HEAD "x-a: &x [*x]\n");
	assert_error_at(&r, 9, 10, "refers to its own enclosing node");
	loaded_free(&r);
	load_text(&r, HEAD "x-a: *nothing\n");
	assert_error_at(&r, 9, 6, "refers to no anchor");
	loaded_free(&r);
	load_text(&r, HEAD "x-a: &a 1\nx-b: &a 2\n");
	assert_error_at(&r, 10, 6, "anchor 'a' is defined twice");
	loaded_free(&r);
	/* a billion laughs stops at the budget, early */
	const char *bomb =
		HEAD "x-a: &a [x, x, x, x, x, x, x, x, x]\n"
		"x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
	load_text(&r, bomb);
	assert_int_equal(r.status, LADDER_INVALID);
	int found = 0;
	for (size_t i = 0; i < r.diags.count; i++)
		found |= strstr(r.diags.items[i].message, "alias bomb") != NULL;
	assert_true(found);
	loaded_free(&r);
}

static void test_tags_rejected(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "x-a: !!python/object/apply:os.system [ls]\n");
	assert_error_at(&r, 9, 6, "YAML tags such as");
	loaded_free(&r);
}

static void test_depth_limit(void **state)
{
	(void)state;
	size_t n = 100000;
	char *deep = malloc(n + 32);
	assert_non_null(deep);
	memcpy(deep, "x: ", 3);
	memset(deep + 3, '[', n);
	deep[n + 3] = '\0';
	loaded r;
	load_text(&r, deep);
	assert_error_at(&r, 1, 67, "nesting is deeper than 64 levels");
	loaded_free(&r);
	free(deep);
}

static void test_reports_every_error(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "roles:\n  - {id: a, nam: A}\n  - {id: b, nam: B}\n  - {id: c, nam: C}\n");
	assert_int_equal(r.diags.errors, 6); /* three unknown keys, three missing names */
	loaded_free(&r);
	lc_diags_init(&r.diags);
	r.diags.max_errors = 2;
	const char *t = HEAD "roles:\n  - {id: a, nam: A}\n  - {id: b, nam: B}\n  - {id: c, nam: C}\n";
	r.status = ladder_load_buffer("t.yaml", t, strlen(t), NULL, &r.diags, &r.l);
	assert_true(r.diags.truncated);
	size_t shown = 0;
	for (size_t i = 0; i < r.diags.count; i++)
		shown += r.diags.items[i].severity == LC_ERROR;
	assert_int_equal(shown, 2);
	loaded_free(&r);
}

static void test_promotion_and_paths(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, HEAD "      - {id: IC2, name: M}\n"
	          "roles:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
	          "promotion:\n  scale: 5\n  min_average: 3.5\n  min_each: 3\n  time_in_level: 2 quarters\n"
	          "  evidence: [Endorsed]\n  into:\n    IC2:\n      evidence: [Shipped]\n"
	          "paths:\n  - {from: a, to: b, transferable: [X], gaps: [Y]}\n");
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	const ladder_promotion *p = &r.l->promotion;
	assert_true(p->present);
	str_equal(p->defaults.min_average.text, "3.5");
	assert_true(p->defaults.min_average.value == 3.5);
	assert_int_equal(p->ninto, 1);
	str_equal(p->into[0].level->id, "IC2");
	str_equal(p->into[0].criteria.evidence[0], "Shipped");
	assert_int_equal(r.l->npaths, 1);
	str_equal(r.l->paths[0].from->id, "a");
	str_equal(r.l->paths[0].gaps[0], "Y");
	loaded_free(&r);

	load_text(&r, HEAD "roles:\n  - {id: a, name: A}\n"
	          "promotion:\n  scale: 5\n  min_average: 7\n  into:\n    IC1: {}\n"
	          "paths:\n  - {from: a, to: zz}\n  - {from: a, to: a}\n");
	assert_error_at(&r, 13, 16, "'min_average' must be between 1 and 5");
	assert_error_at(&r, 15, 5, "'IC1' starts its chain: nobody is promoted into it");
	assert_error_at(&r, 17, 19, "'zz' is not a role of this ladder");
	assert_error_at(&r, 18, 5, "a path leads from role 'a' to itself");
	loaded_free(&r);
}

/* Writes `text` to dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void test_includes(void **state)
{
	(void)state;
	char dir[] = "/tmp/ladderc-test-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char sub[600], path[600];
	snprintf(sub, sizeof sub, "%s/roles", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	put_file(dir, "main.yaml", HEAD "roles:\n  - {id: a, name: A}\ninclude: [roles/more.yaml]\n");
	put_file(dir, "roles/more.yaml", "ladder: 1\nroles:\n  - {id: b, name: B}\n");
	snprintf(path, sizeof path, "%s/main.yaml", dir);
	loaded r;
	load_path(&r, path);
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	assert_int_equal(r.l->nroles, 2);
	str_equal(r.l->roles[1]->id, "b");
	assert_int_equal(r.l->nsources, 2);
	loaded_free(&r);

	/* a duplicate id across files names both places */
	put_file(dir, "roles/more.yaml", "ladder: 1\nroles:\n  - {id: a, name: B}\n");
	load_path(&r, path);
	assert_int_equal(r.status, LADDER_INVALID);
	assert_int_equal(r.diags.count, 2);
	assert_non_null(strstr(r.diags.items[0].file, "more.yaml"));
	assert_int_equal(r.diags.items[0].line, 3);
	assert_non_null(strstr(r.diags.items[1].file, "main.yaml"));
	assert_int_equal(r.diags.items[1].line, 10);
	loaded_free(&r);

	/* a cycle */
	put_file(dir, "roles/more.yaml", "ladder: 1\ninclude: [../main.yaml]\n");
	load_path(&r, path);
	assert_error_at(&r, 2, 11, "include cycle");
	loaded_free(&r);

	/* missing, absolute, and climbing out */
	put_file(dir, "main.yaml", HEAD "include:\n  - nope.yaml\n  - /etc/passwd\n  - ../../etc/passwd\n");
	load_path(&r, path);
	assert_error_at(&r, 10, 5, "cannot read included file");
	assert_error_at(&r, 11, 5, "is absolute");
	assert_error_at(&r, 12, 5, "leads outside the ladder's directory");
	loaded_free(&r);

	/* an included file may not set the ladder's own keys */
	put_file(dir, "main.yaml", HEAD "include: [roles/more.yaml]\n");
	put_file(dir, "roles/more.yaml", "ladder: 1\nname: Other\n");
	load_path(&r, path);
	assert_error_at(&r, 2, 7, "'name' belongs in the main ladder file");
	loaded_free(&r);

	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static void test_unreadable_file(void **state)
{
	(void)state;
	loaded r;
	load_path(&r, "/nonexistent/ladder.yaml");
	assert_int_equal(r.status, LADDER_IO);
	assert_non_null(strstr(r.diags.items[0].message, "cannot read"));
	loaded_free(&r);
}

/* ladder_load_stream: a stream opened by the caller (standard input) loads like
 * a file, named in diagnostics by `name`, and is left open. */
static void load_stream(loaded *r, FILE *f, const ladder_limits *lim)
{
	lc_diags_init(&r->diags);
	r->status = ladder_load_stream("<stdin>", f, lim, &r->diags, &r->l);
	lc_diags_sort(&r->diags);
}

/* A temporary regular file holding `text`, at its start. */
static FILE *temp_stream(const char *text)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	rewind(f);
	return f;
}

/* A stream with no file descriptor behind it (so no size to look up). */
static FILE *memory_stream(const char *text, size_t len)
{
	FILE *f = fmemopen((void *)(uintptr_t)text, len, "r");
	assert_non_null(f);
	return f;
}

static void assert_valid_model(const loaded *r)
{
	if (r->status != LADDER_OK)
		dump_diags(&r->diags);
	assert_int_equal(r->status, LADDER_OK);
	str_equal(r->l->id, "t");
	assert_int_equal(r->l->nroles, 2);
	str_equal(r->l->roles[1]->id, "ae");
	assert_int_equal(level(r->l, "E4")->rank, 4);
	assert_int_equal(r->l->nsources, 1);
	assert_string_equal(r->l->sources[0]->path, "<stdin>");
}

static void test_stream(void **state)
{
	(void)state;
	loaded r;
	FILE *f = temp_stream(VALID);
	load_stream(&r, f, NULL);
	assert_valid_model(&r);
	loaded_free(&r);
	/* the stream is the caller's: still open, read to its end */
	assert_int_equal(fgetc(f), EOF);
	assert_true(feof(f));
	assert_int_equal(fclose(f), 0);

	f = memory_stream(VALID, strlen(VALID));
	load_stream(&r, f, NULL);
	assert_valid_model(&r);
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);

	/* errors are located in the stream, under its name */
	f = temp_stream(HEAD "roles:\n  - {id: a, name: A, famly: F}\n");
	load_stream(&r, f, NULL);
	assert_int_equal(r.status, LADDER_INVALID);
	assert_null(r.l);
	assert_error_at(&r, 10, 22, "unknown key 'famly'");
	assert_string_equal(r.diags.items[0].file, "<stdin>");
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);

	/* an empty stream is an empty file */
	f = memory_stream("", 0);
	load_stream(&r, f, NULL);
	assert_int_equal(r.status, LADDER_INVALID);
	assert_error_at(&r, 1, 1, "the file is empty");
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);
}

/* --max-input holds for a stream too: over the limit is an error, with or
 * without a size to look up first, and however far past the limit it goes. */
static void test_stream_limit(void **state)
{
	(void)state;
	size_t len = strlen(VALID);
	ladder_limits lim;
	ladder_limits_default(&lim);
	loaded r;

	/* exactly at the limit loads */
	lim.max_input = len;
	FILE *f = temp_stream(VALID);
	load_stream(&r, f, &lim);
	assert_valid_model(&r);
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);
	f = memory_stream(VALID, len);
	load_stream(&r, f, &lim);
	assert_valid_model(&r);
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);

	/* one byte over: a regular file (its size says so) and a stream without one */
	lim.max_input = len - 1;
	for (int kind = 0; kind < 2; kind++) {
		f = kind ? memory_stream(VALID, len) : temp_stream(VALID);
		load_stream(&r, f, &lim);
		assert_int_equal(r.status, LADDER_INVALID);
		assert_null(r.l);
		assert_int_equal(r.diags.errors, 1);
		assert_string_equal(r.diags.items[0].file, "<stdin>");
		assert_non_null(strstr(r.diags.items[0].message, "larger than the input limit"));
		loaded_free(&r);
		assert_int_equal(fclose(f), 0);
	}

	/* a long stream with no size against a limit past the first read */
	size_t big = 1024 * 1024;
	char *data = malloc(big);
	assert_non_null(data);
	memset(data, '#', big);
	lim.max_input = 200 * 1024;
	f = memory_stream(data, big);
	load_stream(&r, f, &lim);
	assert_int_equal(r.status, LADDER_INVALID);
	assert_null(r.l);
	assert_non_null(strstr(r.diags.items[0].message, "larger than the input limit of 204800 bytes"));
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);

	/* and one under such a limit is read whole: a comment, then the ladder */
	size_t half = 150 * 1024;
	memcpy(data + half, "\n", 1);
	memcpy(data + half + 1, VALID, len);
	f = memory_stream(data, half + 1 + len);
	load_stream(&r, f, &lim);
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	assert_int_equal(r.l->nroles, 2);
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);
	free(data);
}

/* A stream has no directory: its includes are found from the current one. */
static void test_stream_includes(void **state)
{
	(void)state;
	char dir[] = "/tmp/ladderc-test-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char cwd[4096], sub[600], cmd[600];
	assert_non_null(getcwd(cwd, sizeof cwd));
	snprintf(sub, sizeof sub, "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	put_file(sub, "more.yaml", "ladder: 1\nroles:\n  - {id: b, name: B}\n");
	put_file(dir, "more.yaml", "ladder: 1\nroles:\n  - {id: c, name: C}\n");
	assert_int_equal(chdir(sub), 0);

	loaded r;
	FILE *f = temp_stream(HEAD "roles:\n  - {id: a, name: A}\ninclude: [more.yaml]\n");
	load_stream(&r, f, NULL);
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	assert_int_equal(r.l->nroles, 2);
	str_equal(r.l->roles[1]->id, "b");
	assert_int_equal(r.l->nsources, 2);
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);

	/* and must stay below it, though ../more.yaml exists */
	f = temp_stream(HEAD "include: [../more.yaml]\n");
	load_stream(&r, f, NULL);
	assert_error_at(&r, 9, 11, "leads outside the ladder's directory");
	loaded_free(&r);
	assert_int_equal(fclose(f), 0);

	assert_int_equal(chdir(cwd), 0);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chains_and_ranks),
		cmocka_unit_test(test_cumulative_expectations),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_role_levels),
		cmocka_unit_test(test_role_levels_errors),
		cmocka_unit_test(test_level_no_title),
		cmocka_unit_test(test_competency_links),
		cmocka_unit_test(test_schema_typing),
		cmocka_unit_test(test_unknown_key_suggests),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_title_flow_mapping_hint),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_unknown_level_ids),
		cmocka_unit_test(test_from_must_resolve),
		cmocka_unit_test(test_role_track_closure),
		cmocka_unit_test(test_rubric_placeholders),
		cmocka_unit_test(test_invalid_ids_and_controls),
		cmocka_unit_test(test_yaml_syntax_errors),
		cmocka_unit_test(test_encodings_and_line_ends),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_tags_rejected),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_reports_every_error),
		cmocka_unit_test(test_promotion_and_paths),
		cmocka_unit_test(test_includes),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_stream_limit),
		cmocka_unit_test(test_stream_includes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
