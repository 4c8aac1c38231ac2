/* The framework lint: every rule fires exactly where its weakness is planted
 * (tests/lint/RULE.yaml), at the right line and column, and nowhere on the
 * clean ladder; the switches; the edge cases of each rule; and the CI output
 * formats (GitHub, JSON, SARIF). */
#include "test_support.h"

#include "ladderc/diag_output.h"
#include "ladderc/lint.h"

/* Loads a ladder (from a file under tests/lint, or from text) and lints it.
 * The loader must accept it. */
static void lint_loaded(loaded *r, const lc_lint_options *o)
{
	if (r->status != LADDER_OK)
		dump_diags(&r->diags);
	assert_int_equal(r->status, LADDER_OK);
	lc_diags_free(&r->diags);
	lc_diags_init(&r->diags);
	assert_int_equal(lc_lint_ladder(r->l, o, &r->diags), 0);
	lc_diags_sort(&r->diags);
}

static void lint_file(loaded *r, const char *name, const lc_lint_options *o)
{
	char path[256];
	snprintf(path, sizeof path, "lint/%s.yaml", name);
	load_path(r, path);
	lint_loaded(r, o);
}

static void lint_text(loaded *r, const char *yaml, const lc_lint_options *o)
{
	load_text(r, yaml);
	lint_loaded(r, o);
}

typedef struct at {
	unsigned line, col;
} at;

/* Asserts that the diagnostics are exactly warnings of `rule` at `want`. */
static void assert_findings(const loaded *r, const char *rule, const at *want, size_t n)
{
	int same = r->diags.count == n;
	for (size_t i = 0; same && i < n; i++)
		same = r->diags.items[i].line == want[i].line && r->diags.items[i].col == want[i].col;
	if (!same)
		dump_diags(&r->diags);
	assert_int_equal(r->diags.count, n);
	for (size_t i = 0; i < n; i++) {
		const lc_diag *d = &r->diags.items[i];
		assert_int_equal(d->severity, LC_WARNING);
		assert_non_null(d->rule);
		assert_string_equal(d->rule, rule);
		assert_int_equal(d->line, want[i].line);
		assert_int_equal(d->col, want[i].col);
	}
}

/* The source text under the caret of diagnostic i starts with `text`. */
static void assert_caret_on(const loaded *r, size_t i, const char *text)
{
	const lc_diag *d = &r->diags.items[i];
	assert_non_null(d->source);
	assert_true(d->col >= 1 && d->col - 1 <= d->source_len);
	assert_memory_equal(d->source + d->col - 1, text, strlen(text)); /* ASCII lines */
}

static int count_rule(const loaded *r, const char *rule)
{
	int n = 0;
	for (size_t i = 0; i < r->diags.count; i++)
		if (r->diags.items[i].rule && strcmp(r->diags.items[i].rule, rule) == 0)
			n++;
	return n;
}

static const lc_diag *find_rule(const loaded *r, const char *rule)
{
	for (size_t i = 0; i < r->diags.count; i++)
		if (r->diags.items[i].rule && strcmp(r->diags.items[i].rule, rule) == 0)
			return &r->diags.items[i];
	return NULL;
}

/* ---- the planted ladders ---------------------------------------------------- */

static void test_clean(void **state)
{
	(void)state;
	loaded r;
	lint_file(&r, "clean", NULL);
	assert_findings(&r, "", NULL, 0);
	loaded_free(&r);
}

static void test_example_ladder_is_clean(void **state)
{
	(void)state;
	loaded r;
	load_path(&r, LADDERC_SOURCE_DIR "/ladders/example/ladder.yaml");
	lint_loaded(&r, NULL);
	assert_findings(&r, "", NULL, 0);
	loaded_free(&r);
}

typedef struct planted {
	const char *rule;
	at where[2];
	size_t n;
	const char *caret; /* the text the first finding points at */
} planted;

static const planted planted_rules[] = {
	{"vague-language", {{34, 15}}, 1, "Demonstrates leadership"},
	{"same-as-previous", {{44, 15}}, 1, "Agrees interfaces"},
	{"near-duplicate", {{55, 15}}, 1, "Plans and ships projects of two"},
	{"missing-description", {{60, 9}}, 1, "id: ownership"},
	{"level-count", {{13, 5}, {18, 5}}, 2, "id: E"},
	{"too-many-competencies", {{82, 5}}, 1, "id: engineer"},
	{"too-few-competencies", {{72, 5}}, 1, "id: engineer"},
	{"track-parity", {{13, 5}}, 1, "id: E"},
	{"missing-crossover", {{24, 5}}, 1, "id: X"},
	{"duplicate-title", {{86, 11}}, 1, "Senior Engineer"},
	{"missing-promotion-criteria", {{23, 9}}, 1, "{id: M4"},
	{"proficiency-drop", {{100, 102}}, 1, "working}"},
};

static void test_each_rule_fires_where_planted(void **state)
{
	(void)state;
	assert_int_equal(sizeof planted_rules / sizeof planted_rules[0], LC_LINT_NRULES);
	for (size_t i = 0; i < LC_LINT_NRULES; i++) {
		const planted *p = &planted_rules[i];
		assert_true(lc_lint_find_rule(p->rule, strlen(p->rule)) >= 0);
		loaded r;
		lint_file(&r, p->rule, NULL);
		assert_findings(&r, p->rule, p->where, p->n);
		assert_caret_on(&r, 0, p->caret);
		/* and switched off from the command line, nothing is left */
		lc_lint_options o;
		lc_lint_options_init(&o);
		char arg[64];
		snprintf(arg, sizeof arg, "no-%s", p->rule);
		assert_int_equal(lc_lint_options_set(&o, arg), 0);
		lc_diags_free(&r.diags);
		lc_diags_init(&r.diags);
		assert_int_equal(lc_lint_ladder(r.l, &o, &r.diags), 0);
		assert_int_equal(r.diags.count, 0);
		loaded_free(&r);
	}
}

/* ---- switches ---------------------------------------------------------------- */

static void test_rule_names(void **state)
{
	(void)state;
	assert_int_equal(lc_lint_find_rule("near-duplicate", 14), LC_LINT_NEAR_DUPLICATE);
	assert_int_equal(lc_lint_find_rule("near-duplicat", 13), -1);
	assert_string_equal(lc_lint_suggest_rule("vage-language", 13), "vague-language");
	assert_string_equal(lc_lint_suggest_rule("track_parity", 12), "track-parity");
	assert_null(lc_lint_suggest_rule("xyz", 3));
	assert_null(lc_lint_suggest_rule("", 0));
	char longname[200];
	memset(longname, 'a', sizeof longname);
	assert_null(lc_lint_suggest_rule(longname, sizeof longname));

	lc_lint_options o;
	lc_lint_options_init(&o);
	assert_int_equal(lc_lint_options_set(&o, "bogus"), -1);
	assert_int_equal(lc_lint_options_set(&o, "no-bogus"), -1);
	assert_int_equal(lc_lint_options_set(&o, "no-"), -1);
	assert_int_equal(lc_lint_options_set(&o, "level-count"), 0);
	assert_int_equal(o.rule[LC_LINT_LEVEL_COUNT], LC_LINT_RULE_ON);
	assert_int_equal(lc_lint_options_set(&o, "no-level-count"), 0);
	assert_int_equal(o.rule[LC_LINT_LEVEL_COUNT], LC_LINT_RULE_OFF);
	for (int i = 0; i < LC_LINT_NRULES; i++) {
		assert_non_null(lc_lint_rules[i].id);
		assert_true(strlen(lc_lint_rules[i].rationale) > 20);
	}
}

static void test_disable_in_file_and_override(void **state)
{
	(void)state;
	loaded r;
	lint_file(&r, "disabled", NULL);
	assert_int_equal(r.diags.count, 0);
	loaded_free(&r);

	/* -W RULE beats the ladder's `lint: disable` */
	lc_lint_options o;
	lc_lint_options_init(&o);
	assert_int_equal(lc_lint_options_set(&o, "vague-language"), 0);
	lint_file(&r, "disabled", &o);
	at want[] = {{36, 15}};
	assert_findings(&r, "vague-language", want, 1);
	loaded_free(&r);

	/* but not a competency's recorded exception */
	lint_file(&r, "x-disable", &o);
	assert_int_equal(r.diags.count, 0);
	loaded_free(&r);
}

static void test_unknown_rule_names_are_located_errors(void **state)
{
	(void)state;
	loaded r;
	lint_file(&r, "unknown-rule", NULL);
	assert_int_equal(r.diags.count, 3);
	assert_int_equal(r.diags.errors, 3);
	const lc_diag *d = r.diags.items;
	assert_int_equal(d[0].line, 5);
	assert_int_equal(d[0].col, 13);
	assert_non_null(strstr(d[0].message, "did you mean 'vague-language'?"));
	assert_int_equal(d[1].line, 33);
	assert_int_equal(d[1].col, 26);
	assert_non_null(strstr(d[1].message, "did you mean 'near-duplicate'?"));
	assert_int_equal(d[2].line, 33);
	assert_int_equal(d[2].col, 43);
	assert_null(strstr(d[2].message, "did you mean"));
	for (int i = 0; i < 3; i++) {
		assert_int_equal(d[i].severity, LC_ERROR);
		assert_null(d[i].rule);
	}
	loaded_free(&r);
}

/* ---- vague-language ---------------------------------------------------------------- */

/* A ladder of one track IC1..IC4, one role, six competencies (one `c` under
 * test, five fillers), default promotion criteria: clean but for what the
 * test puts into `c`. %s is the body of competency c (description and levels). */
#define SMALL_LADDER(c_body) \
	"ladder: 1\nid: t\nname: T\n" \
	"tracks:\n  - id: IC\n    name: IC\n    levels:\n" \
	"      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\n" \
	"      - {id: IC3, name: Three}\n      - {id: IC4, name: Four}\n" \
	"groups:\n  - id: g\n    name: G\n    competencies:\n" \
	"      - id: c\n        name: C\n" c_body \
	FILLER("f1") FILLER("f2") FILLER("f3") FILLER("f4") FILLER("f5") \
	"roles:\n  - id: r\n    name: R\n" \
	"promotion:\n  evidence: [Manager endorsement.]\n"
#define FILLER(id) \
	"      - id: " id "\n        name: " id "\n        levels:\n" \
	"          IC1: Fixes bugs in one module.\n          IC2: Builds features for one product.\n" \
	"          IC3: Plans a quarter for the team.\n          IC4: Sets direction for a department.\n"
#define LEVELS4(a, b, c, d) \
	"        levels:\n          IC1: " a "\n          IC2: " b "\n          IC3: " c "\n          IC4: " d "\n"

static void test_small_ladder_is_clean(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r, SMALL_LADDER(LEVELS4("Writes tests.", "Reviews code.", "Designs services.", "Sets standards.")),
	          NULL);
	assert_int_equal(r.diags.count, 0);
	loaded_free(&r);
}

static void test_vague_words_and_columns(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r,
	          SMALL_LADDER("        description: Whether someone thinks strategically.\n"
	                       LEVELS4("Writes GOOD tests.", "Has goodwill and strongly held views.",
	                               "\"Shows leadership in design.\"", "Joins the leadership team, and senior leadership.")),
	          NULL);
	/* line 18 description, 20 IC1, 22 IC3; IC2 (goodwill, strongly) and IC4
	 * (leadership team, senior leadership) are not vague */
	at want[] = {{18, 38}, {20, 23}, {22, 17}};
	assert_findings(&r, "vague-language", want, 3);
	assert_caret_on(&r, 0, "thinks strategically");
	assert_caret_on(&r, 1, "GOOD");
	assert_caret_on(&r, 2, "Shows"); /* inside the quotes */
	assert_non_null(strstr(r.diags.items[0].message, "the description of competency \"C\" (c)"));
	assert_non_null(strstr(r.diags.items[1].message, "IC1 expectation of competency \"C\" (c)"));
	assert_non_null(strstr(r.diags.items[2].message, "\"shows\""));
	assert_non_null(strstr(r.diags.items[2].message, "\"leadership\""));
	loaded_free(&r);
}

/* A phrase is reported once per competency, at the first text it appears in
 * (the description, then the levels), with the other levels it appears at;
 * a text whose phrases were all reported above it has no finding. */
static void test_vague_once_per_competency(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r,
	          SMALL_LADDER(LEVELS4("Shows good tests.", "Writes good docs.", "Builds strong, good services.",
	                               "Shows the way.")),
	          NULL);
	at want[] = {{19, 16}, {21, 23}};
	assert_findings(&r, "vague-language", want, 2);
	const char *m = r.diags.items[0].message;
	assert_non_null(strstr(m, "IC1 expectation of competency \"C\" (c): \"shows\" (also at IC4): write the action"));
	assert_non_null(strstr(m, "\"good\" (also at IC2 and IC3): name the result"));
	m = r.diags.items[1].message;
	assert_non_null(strstr(m, "IC3 expectation of competency \"C\" (c): \"strong\": name the result"));
	assert_null(strstr(m, "good"));
	assert_caret_on(&r, 1, "strong");
	loaded_free(&r);

	/* the description comes first; more than eight levels are counted */
	lint_text(&r,
	          SMALL_LADDER("        description: Good judgement.\n"
	                       LEVELS4("Writes good tests.", "Reviews code.", "Designs good services.", "Good.")),
	          NULL);
	at want2[] = {{18, 22}};
	assert_findings(&r, "vague-language", want2, 1);
	assert_non_null(strstr(r.diags.items[0].message,
	                       "the description of competency \"C\" (c): \"good\" (also at IC1, IC3 and IC4)"));
	loaded_free(&r);
}

/* "leadership" as a body of people, the object of a preposition ("works
 * with team leadership"), is not vague; as a trait, the object of a verb
 * ("provides team leadership"), it is. */
static void test_vague_leadership_as_people(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r,
	          SMALL_LADDER(LEVELS4("Works with team leadership on the roadmap.",
	                               "Reports to senior engineering leadership, and hears from leadership.",
	                               "Agrees plans with the product leadership.", "Sets standards.")),
	          NULL);
	assert_int_equal(count_rule(&r, "vague-language"), 0);
	loaded_free(&r);

	lint_text(&r,
	          SMALL_LADDER(LEVELS4("Provides team leadership.", "Works with leadership skills.",
	                               "Leads with strong leadership.", "Brings leadership to the team, design and support leadership.")),
	          NULL);
	/* IC1: a verb's object; IC3: "strong" is no one's leadership; IC4: no
	 * preposition before "leadership", and a comma breaks the run of words
	 * ("to the team, design and support leadership") */
	at want[] = {{19, 30}, {21, 27}};
	assert_findings(&r, "vague-language", want, 2);
	assert_non_null(strstr(r.diags.items[0].message, "\"leadership\" (also at IC3 and IC4)"));
	assert_non_null(strstr(r.diags.items[1].message, "\"strong\""));
	loaded_free(&r);
}

static void test_vague_fallback_positions(void **state)
{
	(void)state;
	loaded r;
	/* a folded block: the phrase spans a line break, the finding sits on the
	 * scalar's indicator; an escape before the word: the scalar's quote */
	lint_text(&r,
	          SMALL_LADDER("        levels:\n"
	                       "          IC1: >\n            Thinks\n            strategically.\n"
	                       "          IC2: \"Says \\\"hi\\\" with great care.\"\n"
	                       "          IC3: Designs services.\n          IC4: Sets standards.\n"),
	          NULL);
	at want[] = {{19, 16}, {22, 16}};
	assert_findings(&r, "vague-language", want, 2);
	assert_caret_on(&r, 0, ">");
	assert_caret_on(&r, 1, "\"Says");
	loaded_free(&r);
}

static void test_vague_custom_phrases(void **state)
{
	(void)state;
	loaded r;
	lint_file(&r, "custom-vague", NULL);
	at want[] = {{35, 24}, {45, 21}};
	assert_findings(&r, "vague-language", want, 2);
	assert_caret_on(&r, 0, "synergy");
	assert_caret_on(&r, 1, "go  the extra-mile");
	loaded_free(&r);

	/* a phrase without words matches nothing; a NUL byte is only a separator */
	lint_text(&r,
	          "lint: {vague: ['!!!']}\n"
	          SMALL_LADDER(LEVELS4("\"Writes\\0good tests!!!\"", "Reviews code.", "Designs services.",
	                               "Sets standards.")),
	          NULL);
	at want2[] = {{20, 16}};
	assert_findings(&r, "vague-language", want2, 1);
	loaded_free(&r);

	/* a listed phrase that is also built in speaks with the built-in advice,
	 * once; a phrase of more than 16 words is ignored; past six phrases in one
	 * text the message counts the rest */
	lint_text(&r,
	          "lint: {vague: [GOOD, a b c d e f g h i j k l m n o p q, alpha, beta, gamma, delta, epsilon, zeta]}\n"
	          SMALL_LADDER(LEVELS4("Writes good tests, good docs, a b c d e f g h i j k l m n o p q.",
	                               "Reviews code, alpha beta gamma delta epsilon zeta, zeta, alpha.",
	                               "Designs services.", "Sets standards.")),
	          NULL);
	at want3[] = {{20, 23}, {21, 30}};
	assert_findings(&r, "vague-language", want3, 2);
	const char *m = r.diags.items[0].message;
	assert_non_null(strstr(m, ": \"good\": name the result"));
	assert_null(strstr(m, "GOOD"));
	assert_null(strstr(m, "more vague"));
	m = r.diags.items[1].message;
	assert_non_null(strstr(m, "\"alpha\", \"beta\", \"gamma\", \"delta\", \"epsilon\", \"zeta\": listed as vague in this ladder"));
	assert_null(strstr(m, "more vague"));
	loaded_free(&r);

	lint_text(&r,
	          "lint: {vague: [alpha, beta, gamma, delta, epsilon, zeta, eta]}\n"
	          SMALL_LADDER(LEVELS4("Writes tests.", "eta zeta epsilon delta gamma beta alpha.",
	                               "Designs services.", "Sets standards.")),
	          NULL);
	assert_int_equal(r.diags.count, 1);
	assert_non_null(strstr(r.diags.items[0].message, "\"eta\", \"zeta\""));
	assert_non_null(strstr(r.diags.items[0].message, "(and 1 more vague phrase)"));
	loaded_free(&r);
}

/* ---- same-as-previous, near-duplicate -------------------------------------------- */

static void test_same_as_previous_uses_text_in_force(void **state)
{
	(void)state;
	loaded r;
	/* IC3 says nothing, so IC4 is compared with IC2 */
	lint_text(&r,
	          SMALL_LADDER("        levels:\n          IC1: Writes tests.\n          IC2: Reviews code.\n"
	                       "          IC4: Reviews code.\n"),
	          NULL);
	assert_int_equal(count_rule(&r, "same-as-previous"), 1);
	const lc_diag *d = find_rule(&r, "same-as-previous");
	assert_int_equal(d->line, 21);
	assert_non_null(strstr(d->message, "IC4 expectation of competency \"C\" (c) repeats the one at IC2"));
	assert_int_equal(count_rule(&r, "missing-description"), 1);
	assert_int_equal(r.diags.count, 2);
	loaded_free(&r);
}

static void test_near_duplicate_threshold(void **state)
{
	(void)state;
	loaded r;
	/* 10 words against 10 with one changed: 2*9/20 = 90%: a near-duplicate */
	lint_text(&r,
	          SMALL_LADDER(LEVELS4("Writes tests.", "one two three four five six seven eight nine ten",
	                               "one two three four five six seven eight nine TEN.",
	                               "one two three four five six seven eight nine eleven")),
	          NULL);
	/* IC3 differs from IC2 only in case and punctuation (100%); IC4 from IC3 in one word (90%) */
	at want[] = {{21, 16}, {22, 16}};
	assert_findings(&r, "near-duplicate", want, 2);
	assert_non_null(strstr(r.diags.items[0].message, "100% the same words"));
	assert_non_null(strstr(r.diags.items[1].message, "90% the same words"));
	loaded_free(&r);

	/* 9 words against 9 with one changed: 2*8/18 = 88.9%: not */
	lint_text(&r,
	          SMALL_LADDER(LEVELS4("Writes tests.", "one two three four five six seven eight nine",
	                               "one two three four five six seven eight ten", "Sets standards.")),
	          NULL);
	assert_int_equal(r.diags.count, 0);
	loaded_free(&r);

	/* a word moved: LCS of words, not positions: 2*9/20 = 90% */
	lint_text(&r,
	          SMALL_LADDER(LEVELS4("Writes tests.", "one two three four five six seven eight nine ten",
	                               "two three four five six seven eight nine ten one", "Sets standards.")),
	          NULL);
	assert_int_equal(count_rule(&r, "near-duplicate"), 1);
	loaded_free(&r);
}

/* Texts past LC_LINT_MAX_CELL_WORDS are compared on their first words only. */
static void test_near_duplicate_word_cap(void **state)
{
	(void)state;
	lc_buf body = LC_BUF_INIT;
	lc_buf_puts(&body, "        levels:\n          IC1: Writes tests.\n");
	for (int lv = 2; lv <= 3; lv++) {
		lc_buf_printf(&body, "          IC%d: ", lv);
		for (int w = 0; w < LC_LINT_MAX_CELL_WORDS; w++)
			lc_buf_printf(&body, "w%d ", w);
		/* 1000 more words, different at each level */
		for (int w = 0; w < 1000; w++)
			lc_buf_printf(&body, "%c%d ", lv == 2 ? 'x' : 'y', w);
		lc_buf_puts(&body, "\n");
	}
	lc_buf_puts(&body, "          IC4: Sets standards.\n");
	lc_buf yaml = LC_BUF_INIT;
	lc_buf_printf(&yaml, SMALL_LADDER("%s"), body.data);
	loaded r;
	lint_text(&r, yaml.data, NULL);
	assert_int_equal(count_rule(&r, "near-duplicate"), 1);
	assert_non_null(strstr(find_rule(&r, "near-duplicate")->message, "100%"));
	assert_int_equal(r.diags.count, 1);
	loaded_free(&r);
	lc_buf_free(&yaml);
	lc_buf_free(&body);
}

/* ---- structure rules ------------------------------------------------------------------- */

static void test_missing_description_only_on_tracks_taken(void **state)
{
	(void)state;
	loaded r;
	/* track X is taken by no role: nothing missing there; role r takes IC only */
	lint_text(&r,
	          "ladder: 1\nid: t\nname: T\n"
	          "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	          "      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\n"
	          "      - {id: IC3, name: Three}\n      - {id: IC4, name: Four}\n"
	          "  - id: X\n    name: X\n    from: IC4\n    levels:\n      - {id: X5, name: Five}\n"
	          "groups:\n  - id: g\n    name: G\n    competencies:\n"
	          "      - id: c\n        name: C\n"
	          "        levels: {IC1: Writes tests., IC2: Reviews code., IC4: Sets standards.}\n"
	          "roles:\n  - id: r\n    name: R\n    tracks: [IC]\n",
	          NULL);
	at want[] = {{21, 9}};
	const lc_diag *d = find_rule(&r, "missing-description");
	assert_non_null(d);
	assert_int_equal(count_rule(&r, "missing-description"), 1);
	assert_int_equal(d->line, want[0].line);
	assert_int_equal(d->col, want[0].col);
	assert_non_null(strstr(d->message, "no expectation at IC3 (track 'IC')"));
	loaded_free(&r);
}

/* A role group shared through YAML aliases is one node: each finding once,
 * at its place, naming the roles it holds for (issue 17, bug b). Role s
 * takes track M too, where only it lacks texts. */
static void test_alias_shared_group_reported_once(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r,
	          "ladder: 1\nid: t\nname: T\n"
	          "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	          "      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\n"
	          "  - id: M\n    name: M\n    from: IC1\n    levels:\n      - {id: M2, name: Lead}\n"
	          "roles:\n"
	          "  - id: q\n    name: Q\n    tracks: [IC]\n    groups:\n"
	          "      - &shared\n        id: g\n        name: G\n        competencies:\n"
	          "          - id: c1\n            name: Ops\n"
	          "            levels: {IC1: Shows good habits., IC2: Shows good habits.}\n"
	          "          - id: c2\n            name: c2\n            x-lint-disable: [bogus-rule]\n"
	          "            levels: {IC1: Writes tests.}\n"
	          "  - id: s\n    name: S\n    groups: [*shared]\n"
	          "  - id: t\n    name: T\n    tracks: [IC]\n    groups: [*shared]\n",
	          NULL);
	/* the unknown rule name: one error, not one per use */
	assert_int_equal(r.diags.errors, 1);
	assert_int_equal(count_rule(&r, "vague-language"), 1);
	assert_int_equal(count_rule(&r, "same-as-previous"), 1);
	assert_non_null(strstr(find_rule(&r, "vague-language")->message,
	                       "IC1 expectation of competency \"Ops\" (c1, in roles 'q', 's' and 't'): \"shows\" (also at IC2)"));
	assert_non_null(strstr(find_rule(&r, "same-as-previous")->message, "(c1, in roles 'q', 's' and 't') repeats"));
	/* c1 lacks M2 in role s only; c2 lacks IC2 in every role, M2 in s */
	assert_int_equal(count_rule(&r, "missing-description"), 3);
	const char *want[] = {
		"competency \"Ops\" (c1, in role 's') has no expectation at M2 (all of track 'M')",
		"competency 'c2' (in roles 'q', 's' and 't') has no expectation at IC2 (track 'IC')",
		"competency 'c2' (in role 's') has no expectation at M2 (all of track 'M')",
	};
	size_t k = 0;
	for (size_t i = 0; i < r.diags.count; i++)
		if (r.diags.items[i].rule && strcmp(r.diags.items[i].rule, "missing-description") == 0) {
			assert_non_null(strstr(r.diags.items[i].message, want[k]));
			k++;
		}
	/* every finding at its own place and message */
	for (size_t i = 0; i < r.diags.count; i++)
		for (size_t j = i + 1; j < r.diags.count; j++)
			assert_false(r.diags.items[i].line == r.diags.items[j].line &&
			             r.diags.items[i].col == r.diags.items[j].col &&
			             strcmp(r.diags.items[i].message, r.diags.items[j].message) == 0);
	loaded_free(&r);
}

static void test_level_count_bounds(void **state)
{
	(void)state;
	/* 7 levels are fine, 8 are not */
	for (int n = 7; n <= 8; n++) {
		lc_buf y = LC_BUF_INIT;
		lc_buf_puts(&y, "ladder: 1\nid: t\nname: T\ntracks:\n  - id: IC\n    name: IC\n    levels:\n");
		for (int i = 1; i <= n; i++)
			lc_buf_printf(&y, "      - {id: L%d, name: Level %d}\n", i, i);
		lc_buf_puts(&y, "lint: {disable: [missing-promotion-criteria, too-few-competencies]}\n"
		                "roles:\n  - id: r\n    name: R\n");
		loaded r;
		lint_text(&r, y.data, NULL);
		assert_int_equal(count_rule(&r, "level-count"), n == 8 ? 1 : 0);
		if (n == 8)
			assert_non_null(strstr(find_rule(&r, "level-count")->message, "has 8 levels; more than 7"));
		loaded_free(&r);
		lc_buf_free(&y);
	}
}

static void test_track_parity_with_continuing_track(void **state)
{
	(void)state;
	loaded r;
	/* the seed's failure mode: management forks at IC3 and climbs to rank 7,
	 * the IC track continues only to IC5 */
	lint_text(&r,
	          "ladder: 1\nid: t\nname: T\nlint: {disable: [missing-promotion-criteria, too-few-competencies]}\n"
	          "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	          "      - {id: IC1, name: a}\n      - {id: IC2, name: b}\n      - {id: IC3, name: c}\n"
	          "      - {id: IC4, name: d}\n      - {id: IC5, name: e}\n"
	          "  - id: M\n    name: M\n    from: IC3\n    levels:\n"
	          "      - {id: M4, name: f}\n      - {id: M5, name: g}\n      - {id: M6, name: h}\n"
	          "      - {id: M7, name: i}\n"
	          "roles:\n  - id: r\n    name: R\n",
	          NULL);
	at want[] = {{12, 9}};
	assert_findings(&r, "track-parity", want, 1);
	assert_caret_on(&r, 0, "{id: IC4");
	assert_non_null(strstr(r.diags.items[0].message, "track 'IC' reaches rank 5 (IC5) but track 'M' reaches rank 7"));
	loaded_free(&r);
}

static void test_missing_crossover_each_extra_root(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r,
	          "ladder: 1\nid: t\nname: T\nlint: {disable: [missing-promotion-criteria, too-few-competencies, level-count]}\n"
	          "tracks:\n"
	          "  - {id: A, name: A, levels: [{id: A1, name: a}]}\n"
	          "  - {id: B, name: B, levels: [{id: B1, name: b}]}\n"
	          "  - {id: C, name: C, levels: [{id: C1, name: c}]}\n"
	          "roles:\n  - id: r\n    name: R\n",
	          NULL);
	at want[] = {{7, 5}, {8, 5}};
	assert_findings(&r, "missing-crossover", want, 2);
	loaded_free(&r);
}

static void test_duplicate_title_from_rubric(void **state)
{
	(void)state;
	loaded r;
	lint_text(&r,
	          "ladder: 1\nid: t\nname: T\nlint: {disable: [missing-promotion-criteria, too-few-competencies]}\n"
	          "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	          "      - {id: IC1, name: a, title: \"{role}\"}\n      - {id: IC2, name: b, title: \"{role}\"}\n"
	          "      - {id: IC3, name: c}\n      - {id: IC4, name: d}\n"
	          "roles:\n  - id: r\n    name: R\n",
	          NULL);
	at want[] = {{10, 35}};
	assert_findings(&r, "duplicate-title", want, 1);
	assert_caret_on(&r, 0, "\"{role}\"}");
	assert_non_null(strstr(r.diags.items[0].message, "\"R\" at both IC1 and IC2"));
	loaded_free(&r);
}

static void test_promotion_criteria_none_at_all(void **state)
{
	(void)state;
	loaded r;
	/* no promotion section: one finding, on the document */
	lint_text(&r,
	          "# comment\nladder: 1\nid: t\nname: T\nlint: {disable: [too-few-competencies]}\n"
	          "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	          "      - {id: IC1, name: a}\n      - {id: IC2, name: b}\n      - {id: IC3, name: c}\n"
	          "      - {id: IC4, name: d}\n"
	          "roles:\n  - id: r\n    name: R\n",
	          NULL);
	at want[] = {{2, 1}};
	assert_findings(&r, "missing-promotion-criteria", want, 1);
	loaded_free(&r);

	/* a promotion section with a scale only: one finding, on the section */
	lint_text(&r,
	          "ladder: 1\nid: t\nname: T\nlint: {disable: [too-few-competencies]}\n"
	          "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	          "      - {id: IC1, name: a}\n      - {id: IC2, name: b}\n      - {id: IC3, name: c}\n"
	          "      - {id: IC4, name: d}\n"
	          "roles:\n  - id: r\n    name: R\n"
	          "promotion:\n  scale: 5\n",
	          NULL);
	at want2[] = {{17, 3}};
	assert_findings(&r, "missing-promotion-criteria", want2, 1);
	loaded_free(&r);
}

/* ---- output formats ----------------------------------------------------------------- */

/* A diagnostic list with one warning in a file whose name needs escaping. */
static void odd_diags(lc_diags *d, lc_source *src, const char *path)
{
	static const char text[] = "ladder: 1\nid: x\n";
	memset(src, 0, sizeof *src);
	src->path = path;
	src->data = text;
	src->len = sizeof text - 1;
	lc_diags_init(d);
	lc_mark m = {src, 2, 5};
	lc_diags_add(d, LC_WARNING, &m, lc_lint_rules[LC_LINT_LEVEL_COUNT].id, "50%% done\r\nnext: a, b");
	lc_diags_add(d, LC_ERROR, NULL, NULL, "no file");
}

static void test_github_escaping(void **state)
{
	(void)state;
	lc_diags d;
	lc_source src;
	odd_diags(&d, &src, "dir:a,b%.yaml");
	lc_buf b = LC_BUF_INIT;
	lc_diags_write_github(&b, &d);
	assert_string_equal(b.data,
	                    "::warning file=dir%3Aa%2Cb%25.yaml,line=2,col=5,title=level-count::50%25 done%0D%0Anext: a, b\n"
	                    "::error::no file\n");
	lc_buf_free(&b);
	free(src.lines);
	lc_diags_free(&d);
}

/* --max-warnings: warnings past the cap are counted, not printed, nor the
 * notes that follow them; errors always print; the count line counts every
 * set, rules most first (a tie in the order of the rule table). */
static void test_warning_cap_and_counts(void **state)
{
	(void)state;
	lc_diags sets[2];
	lc_diags_init(&sets[0]);
	lc_diags_init(&sets[1]);
	const char *vague = lc_lint_rules[LC_LINT_VAGUE_LANGUAGE].id, *count = lc_lint_rules[LC_LINT_LEVEL_COUNT].id;
	lc_diags_add(&sets[0], LC_WARNING, NULL, count, "w1");
	lc_diags_add(&sets[0], LC_WARNING, NULL, vague, "w2");
	lc_diags_add(&sets[0], LC_NOTE, NULL, NULL, "n2");
	lc_diags_add(&sets[0], LC_ERROR, NULL, NULL, "e1");
	lc_diags_add(&sets[1], LC_WARNING, NULL, vague, "w3");
	lc_warning_cap cap = {1, 0, 0};
	lc_buf b = LC_BUF_INIT;
	lc_diags_write_text_capped(&b, &sets[0], 0, &cap);
	lc_diags_write_text_capped(&b, &sets[1], 0, &cap);
	lc_diags_write_summary(&b, sets, 2, &cap);
	assert_string_equal(b.data, "ladderc: warning: w1 [level-count]\n"
	                            "ladderc: error: e1\n"
	                            "ladderc: 1 error and 3 warnings (vague-language 2, level-count 1); "
	                            "2 warnings not shown (the limit is 1; see --max-warnings)\n");
	lc_buf_clear(&b);
	lc_warning_cap all = {0, 0, 0};
	lc_diags_write_github_capped(&b, &sets[1], &all);
	lc_diags_write_github_hidden(&b, &all);
	lc_diags_write_summary(&b, sets + 1, 1, &all);
	assert_string_equal(b.data, "::warning title=vague-language::w3\nladderc: 1 warning (vague-language 1)\n");
	/* nothing to count: no line */
	lc_diags_free(&sets[1]);
	lc_buf_clear(&b);
	lc_diags_write_summary(&b, sets + 1, 1, NULL);
	assert_int_equal(b.len, 0);
	lc_buf_free(&b);
	lc_diags_free(&sets[0]);
}

static void test_json_and_sarif(void **state)
{
	(void)state;
	lc_diags d;
	lc_source src;
	odd_diags(&d, &src, "/tmp/a b.yaml");
	lc_buf b = LC_BUF_INIT;
	lc_diags_write_json(&b, &d, 1);
	assert_non_null(strstr(b.data, "\"rule\": \"level-count\",\n      \"severity\": \"warning\",\n"
	                                "      \"file\": \"/tmp/a b.yaml\",\n      \"line\": 2,\n"
	                                "      \"column\": 5,\n      \"message\": \"50% done\\r\\nnext: a, b\""));
	assert_non_null(strstr(b.data, "\"rule\": null,\n      \"severity\": \"error\",\n      \"file\": null"));
	lc_buf_clear(&b);
	lc_diags_write_sarif(&b, &d, 1, "9.9");
	assert_non_null(strstr(b.data, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(b.data, "\"uri\": \"file:///tmp/a%20b.yaml\""));
	assert_non_null(strstr(b.data, "\"ruleId\": \"level-count\",\n          \"ruleIndex\": 4,"));
	assert_non_null(strstr(b.data, "\"helpUri\": \"docs/rules.md#missing-promotion-criteria\""));
	assert_non_null(strstr(b.data, "\"startLine\": 2,\n                  \"startColumn\": 5"));
	/* the error without a file has no location */
	const char *last = strstr(b.data, "\"text\": \"no file\"");
	assert_non_null(last);
	assert_null(strstr(last, "locations"));
	lc_buf_free(&b);
	free(src.lines);
	lc_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_example_ladder_is_clean),
		cmocka_unit_test(test_each_rule_fires_where_planted),
		cmocka_unit_test(test_rule_names),
		cmocka_unit_test(test_disable_in_file_and_override),
		cmocka_unit_test(test_unknown_rule_names_are_located_errors),
		cmocka_unit_test(test_small_ladder_is_clean),
		cmocka_unit_test(test_vague_words_and_columns),
		cmocka_unit_test(test_vague_once_per_competency),
		cmocka_unit_test(test_vague_leadership_as_people),
		cmocka_unit_test(test_vague_fallback_positions),
		cmocka_unit_test(test_vague_custom_phrases),
		cmocka_unit_test(test_same_as_previous_uses_text_in_force),
		cmocka_unit_test(test_near_duplicate_threshold),
		cmocka_unit_test(test_near_duplicate_word_cap),
		cmocka_unit_test(test_missing_description_only_on_tracks_taken),
		cmocka_unit_test(test_alias_shared_group_reported_once),
		cmocka_unit_test(test_level_count_bounds),
		cmocka_unit_test(test_track_parity_with_continuing_track),
		cmocka_unit_test(test_missing_crossover_each_extra_root),
		cmocka_unit_test(test_duplicate_title_from_rubric),
		cmocka_unit_test(test_promotion_criteria_none_at_all),
		cmocka_unit_test(test_github_escaping),
		cmocka_unit_test(test_warning_cap_and_counts),
		cmocka_unit_test(test_json_and_sarif),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
