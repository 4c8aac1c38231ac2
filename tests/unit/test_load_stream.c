/* Streaming loads (src/load.c, stream_begin; src/yaml_tree.c, lc_yt_stream):
 * roles built as the parser completes them, on one thread or two, give what a
 * plain load gives — the same status, diagnostics, model and positions — on
 * every ladder in the repository, on generated ladders of every text style,
 * and on the inputs that make a streamed load start again. */
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"
#include "ladderc/arena.h"
#include "model_same.h"
#include "yaml_tree.h"
#include "yaml_files.h"

/* Six ways to load: plain, streamed, streamed with the file split between
 * two threads wherever it can be, and plain with that split, from a buffer;
 * then streamed and streamed with the split from the file itself, which gives
 * the roles' bytes back as they are built and reads them again where a
 * message or a second load needs them. */
enum { WAYS = 6, FIRST_FILE_WAY = 4 };

static void limits_for(ladder_limits *lim, const ladder_limits *base, int way)
{
	*lim = *base;
	lim->stream_min = way == 1 || way == 2 || way >= FIRST_FILE_WAY ? 0 : SIZE_MAX;
	lim->parallel_min = way == 2 || way == 3 || way == 5 ? 0 : SIZE_MAX;
	lim->release_min = 0;
}

/* `path` holding `text`: the file itself when it does, else written (and
 * removed by the caller when *made). */
static void file_with(const char *path, const char *text, size_t len, int *made)
{
	*made = 0;
	FILE *f = fopen(path, "rb");
	if (f) {
		char *have = malloc(len + 1);
		assert_non_null(have);
		size_t n = fread(have, 1, len + 1, f);
		fclose(f);
		int same = n == len && memcmp(have, text, len) == 0;
		free(have);
		if (same)
			return;
		fail_msg("%s exists with other content", path);
	}
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	*made = 1;
}

static size_t released_most; /* bytes given back by the last same_every_way() */

static ladder_status same_every_way(const char *path, const char *text, size_t len, const ladder_limits *base)
{
	lc_buf want = LC_BUF_INIT;
	ladder_limits lim;
	limits_for(&lim, base, 0);
	ladder_status st = model_same_run(path, text, len, &lim, 1, &want, NULL);
	assert_false(lc_buf_failed(&want));
	int made;
	file_with(path, text, len, &made);
	released_most = 0;
	for (int way = 1; way < WAYS; way++) {
		lc_buf got = LC_BUF_INIT;
		limits_for(&lim, base, way);
		size_t released = 0;
		assert_int_equal(model_same_run(path, way < FIRST_FILE_WAY ? text : NULL, len, &lim, 1, &got, &released),
		                 st);
		if (released > released_most)
			released_most = released;
		if (got.len != want.len || memcmp(got.data, want.data, got.len) != 0) {
			fprintf(stderr, "%s: way %d differs from a plain load\n--- plain\n%.2000s\n--- way %d\n%.2000s\n", path,
			        way, want.data, way, got.data);
			fail();
		}
		lc_buf_free(&got);
	}
	if (made)
		remove(path);
	lc_buf_free(&want);
	return st;
}

static ladder_status same_text(const char *text)
{
	ladder_limits lim;
	ladder_limits_default(&lim);
	return same_every_way("test.yaml", text, strlen(text), &lim);
}

/* ---- generated ladders ------------------------------------------------- */

static const char *const level_ids[] = {"IC1", "IC2", "E3", "E4", "L3", "L4"};

/* An expectation in one of the styles YAML allows, long and short, with
 * characters that need escapes. */
static void put_text(lc_buf *b, unsigned seed, const char *indent)
{
	switch (seed % 7) {
	case 0:
		lc_buf_printf(b, "Plain text number %u that is long enough to be kept where it was written, in the source.\n",
		              seed);
		break;
	case 1:
		lc_buf_printf(b, "\"Quoted \\\"text\\\" %u with a back\\\\slash and \\u00e9 escapes, long enough to matter.\"\n", seed);
		break;
	case 2:
		lc_buf_printf(b, "'Single ''quoted'' text %u, long enough to be more than sixty-four bytes long.'\n", seed);
		break;
	case 3:
		lc_buf_printf(b, "|\n%s  - A bullet %u.\n%s  - Another bullet, with a second line of text.\n", indent, seed,
		              indent);
		break;
	case 4:
		lc_buf_printf(b, ">\n%s  Folded text %u\n%s  over two lines.\n", indent, seed, indent);
		break;
	case 5:
		lc_buf_printf(b, "Short %u.\n", seed);
		break;
	default:
		lc_buf_printf(b, "\"Quoted %u across\n%s  two lines, folded by YAML into one.\"\n", seed, indent);
		break;
	}
}

/* `dup` > 0: the last role takes the id of role dup-1. */
static void gen_ladder(lc_buf *b, int roles, int groups, int comps, int dup)
{
	lc_buf_puts(b, "ladder: 1\nid: gen\nname: Generated\n"
	               "tracks:\n"
	               "  - id: IC\n    name: IC\n    levels:\n"
	               "      - {id: IC1, name: Junior, title: \"Junior {role}\"}\n"
	               "      - {id: IC2, name: Mid}\n"
	               "  - id: E\n    name: Expert\n    from: IC2\n    levels:\n"
	               "      - {id: E3, name: Senior}\n      - {id: E4, name: Staff}\n"
	               "  - id: L\n    name: Leader\n    from: IC2\n    levels:\n"
	               "      - {id: L3, name: Lead}\n      - {id: L4, name: Director, title: \"Director of {family}\"}\n"
	               "groups:\n  - id: shared\n    name: Shared\n    competencies:\n"
	               "      - id: craft\n        name: Craft\n        levels:\n"
	               "          IC1: Does the work as it is written down in the team's guide, every time.\n"
	               "          E3: Sets the guide for the team and keeps it current with what the team learns.\n"
	               "roles:\n");
	unsigned seed = 0;
	for (int r = 0; r < roles; r++) {
		int id = dup > 0 && r == roles - 1 ? dup - 1 : r;
		lc_buf_printf(b, "  - id: role-%d\n    name: \"Role #%d\"\n    family: Family %d\n", id, r, r % 3);
		if (r % 4 == 1)
			lc_buf_puts(b, "    tracks: [IC, E]\n");
		if (r % 5 == 2)
			lc_buf_printf(b, "    titles:\n      E4: Staff Person %d\n      IC1: 'Apprentice ''%d'''\n", r, r);
		lc_buf_puts(b, "    groups:\n");
		for (int g = 0; g < groups; g++) {
			lc_buf_printf(b, "      - id: g%d\n        name: Group %d\n", g, g);
			if (g == 1)
				lc_buf_puts(b, "        description: |\n          What the group is about.\n");
			lc_buf_puts(b, "        competencies:\n");
			for (int c = 0; c < comps; c++) {
				lc_buf_printf(b, "          - id: g%d-c%d\n            name: Competency %d.%d\n", g, c, g, c);
				if (c == 2)
					lc_buf_puts(b, "            description: \"A \\\"described\\\" competency.\"\n");
				if (c == 3)
					lc_buf_puts(b, "            x-lint-disable: [vague-language, same-as-previous]\n");
				lc_buf_puts(b, "            levels:\n");
				for (size_t lv = 0; lv < sizeof level_ids / sizeof level_ids[0]; lv++) {
					if (r % 4 == 1 && level_ids[lv][0] == 'L')
						continue; /* not on the role's tracks */
					if ((seed + lv) % 11 == 0)
						continue; /* some levels left out */
					lc_buf_printf(b, "              %s: ", level_ids[lv]);
					put_text(b, seed++, "              ");
				}
			}
		}
	}
	lc_buf_puts(b, "promotion:\n  scale: 5\n  min_average: 3.5\n");
	if (roles > 1)
		lc_buf_puts(b, "paths:\n  - {from: role-0, to: role-1, transferable: [Craft], gaps: [Judgement]}\n");
}

static void test_generated(void **state)
{
	(void)state;
	static const int shapes[][3] = {{1, 1, 1}, {2, 2, 3}, {7, 3, 4}, {24, 3, 5}, {60, 2, 4}};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		lc_buf b = LC_BUF_INIT;
		gen_ladder(&b, shapes[i][0], shapes[i][1], shapes[i][2], 0);
		assert_false(lc_buf_failed(&b));
		ladder_limits lim;
		ladder_limits_default(&lim);
		assert_int_equal(same_every_way("gen.yaml", b.data, b.len, &lim), LADDER_OK);
		/* the big ones span pages enough to give some back */
		if (b.len > 64 * 1024)
			assert_true(released_most > b.len / 2);
		lc_buf_free(&b);
	}
}

/* A streamed load does not keep the YAML tree of its roles. */
static void test_generated_streams(void **state)
{
	(void)state;
	lc_buf b = LC_BUF_INIT;
	gen_ladder(&b, 60, 2, 4, 0);
	size_t footprint[2];
	for (int way = 0; way < 2; way++) {
		ladder_limits base, lim;
		ladder_limits_default(&base);
		limits_for(&lim, &base, way);
		lc_diags d;
		lc_diags_init(&d);
		ladder *l = NULL;
		assert_int_equal(ladder_load_buffer("gen.yaml", b.data, b.len, &lim, &d, &l), LADDER_OK);
		footprint[way] = lc_arena_footprint(l->arena);
		ladder_free(l);
		lc_diags_free(&d);
	}
	assert_true(footprint[1] * 2 < footprint[0]);
	lc_buf_free(&b);
}

/* Only files of release_min bytes or more give their bytes back (each keeps a
 * descriptor open); the model is the same either way. */
static void test_release_min(void **state)
{
	(void)state;
	lc_buf b = LC_BUF_INIT;
	gen_ladder(&b, 24, 3, 5, 0);
	assert_false(lc_buf_failed(&b));
	int made;
	file_with("min.yaml", b.data, b.len, &made);
	lc_buf want = LC_BUF_INIT;
	ladder_limits lim;
	ladder_limits_default(&lim);
	assert_true(lim.release_min > 0);
	size_t released = 1;
	assert_int_equal(model_same_run("min.yaml", NULL, 0, &lim, 1, &want, &released), LADDER_OK);
	if (b.len < lim.release_min)
		assert_int_equal(released, 0);
	static const size_t mins[] = {0, 1, 2};
	for (size_t i = 0; i < sizeof mins / sizeof mins[0]; i++) {
		lc_buf got = LC_BUF_INIT;
		lim.release_min = b.len - 1 + mins[i]; /* just under, at, just over */
		assert_int_equal(model_same_run("min.yaml", NULL, 0, &lim, 1, &got, &released), LADDER_OK);
		if (mins[i] <= 1)
			assert_true(released > 0);
		else
			assert_int_equal(released, 0);
		assert_int_equal(got.len, want.len);
		assert_memory_equal(got.data, want.data, want.len);
		lc_buf_free(&got);
	}
	lc_buf_free(&want);
	if (made)
		remove("min.yaml");
	lc_buf_free(&b);
}

/* ---- the parser's side: items handed over, on one thread or two --------- */

typedef struct counts {
	int begun, items, fork_items, forks, joins, drops;
	uint32_t shift;
} counts;

static int c_begin(void *ctx, const lc_yt_node *key, lc_yt_node *const *pairs, size_t npairs)
{
	counts *c = ctx;
	(void)pairs;
	(void)npairs;
	if (key->len != 5 || memcmp(key->str, "roles", 5) != 0)
		return 0;
	c->begun++;
	return 1;
}

static int c_item(void *ctx, const lc_yt_node *item)
{
	counts *c = ctx;
	assert_int_equal(item->kind, LC_YT_MAP);
	c->items++;
	return 0;
}

static void *c_fork(void *ctx)
{
	counts *c = ctx;
	c->forks++;
	return calloc(1, sizeof(int));
}

static int c_fork_item(void *fctx, const lc_yt_node *item)
{
	assert_int_equal(item->kind, LC_YT_MAP);
	++*(int *)fctx;
	return 0;
}

static counts *joined_into; /* the test's own, set before each parse */

static int c_join(void *ctx, void *fctx, const lc_source *piece_src, uint32_t shift)
{
	counts *c = ctx;
	(void)piece_src;
	c->joins++;
	c->fork_items += *(int *)fctx;
	c->shift = shift;
	free(fctx);
	return 0;
}

static void c_drop(void *fctx)
{
	joined_into->drops++;
	free(fctx);
}

static void parse_counting(const char *text, size_t len, size_t at, counts *c, int *joined, size_t *left)
{
	memset(c, 0, sizeof *c);
	joined_into = c;
	lc_yt_stream ys = {c, c_begin, c_item, c_fork, c_fork_item, c_join, c_drop, 0, 0};
	lc_source src = {"gen.yaml", text, len, NULL, 0, 0, NULL};
	ladder_limits lim;
	ladder_limits_default(&lim);
	lc_diags d;
	lc_diags_init(&d);
	lc_arena *arena = lc_arena_new();
	lc_yt_node *root = NULL;
	assert_int_equal(lc_yt_parse_stream_split(arena, &src, &lim, &d, &ys, &root, at, joined), LC_YT_OK);
	assert_non_null(root);
	assert_int_equal(ys.stopped, 0);
	/* the roles' sequence is left empty; the keys around it are all there */
	*left = SIZE_MAX;
	for (uint32_t i = 0; i < root->count; i++)
		if (root->items[2 * i]->len == 5 && memcmp(root->items[2 * i]->str, "roles", 5) == 0)
			*left = root->items[2 * i + 1]->count;
	assert_int_equal(root->count, 8); /* with paths: */
	lc_arena_free(arena);
	lc_diags_free(&d);
	free(src.lines);
}

static void test_items_handed_over(void **state)
{
	(void)state;
	lc_buf b = LC_BUF_INIT;
	gen_ladder(&b, 40, 2, 3, 0);
	counts c;
	int joined;
	size_t left;
	/* one thread */
	parse_counting(b.data, b.len, 0, &c, &joined, &left);
	assert_int_equal(c.begun, 1);
	assert_int_equal(c.items, 40);
	assert_int_equal(c.forks + c.joins, 0);
	assert_int_equal(left, 0);
	/* two: the second thread's items reach its own context and join in */
	parse_counting(b.data, b.len, SIZE_MAX, &c, &joined, &left);
	assert_true(joined);
	assert_int_equal(c.begun, 1);
	assert_int_equal(c.forks, 1);
	assert_int_equal(c.joins, 1);
	assert_int_equal(c.drops, 0);
	assert_true(c.items > 0 && c.fork_items > 0);
	assert_int_equal(c.items + c.fork_items, 40);
	assert_true(c.shift > 0);
	assert_int_equal(left, 0);
	lc_buf_free(&b);
}

/* ---- inputs a streamed load must hand back to a plain one --------------- */

static void test_starts_again(void **state)
{
	(void)state;
	static const char head[] = "ladder: 1\nid: t\nname: T\n"
	                           "tracks:\n  - id: IC\n    name: IC\n    levels:\n"
	                           "      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\n";
	static const char *const bodies[][2] = {
		/* an anchor in one role, its alias in the next */
		{"roles:\n  - id: a\n    name: A\n    groups:\n      - id: g\n        name: G\n        competencies:\n"
		 "          - id: c\n            name: C\n            levels: {IC1: &t Does the work as the guide says., IC2: More.}\n"
		 "  - id: b\n    name: B\n    groups:\n      - id: g\n        name: G\n        competencies:\n"
		 "          - id: c\n            name: C\n            levels: {IC1: *t, IC2: More again.}\n",
		 "ok"},
		/* an include after the roles: its tracks come before them */
		{"roles:\n  - {id: a, name: A}\ninclude: [nowhere.yaml]\n", "invalid"},
		/* errors in roles, and a role that is not a mapping */
		{"roles:\n  - {id: a, name: A, famly: X}\n  - just text\n  - {id: a, name: Again}\n", "invalid"},
		/* a level no track has */
		{"roles:\n  - id: a\n    name: A\n    titles: {E9: Nine}\n", "invalid"},
		/* tracks written again after the roles */
		{"roles:\n  - {id: a, name: A}\ntracks: []\n", "invalid"},
		/* proficiency levels before the roles, named by a role's cells */
		{"proficiency: [{id: p, name: P}]\nroles:\n  - id: a\n    name: A\n    groups:\n      - id: g\n        name: G\n"
		 "        competencies:\n          - id: c\n            name: C\n"
		 "            levels: {IC1: {text: Does it., proficiency: p, examples: [One.]}, IC2: {proficiency: p}}\n",
		 "ok"},
		/* ... and after them: the roles were built without them */
		{"roles:\n  - id: a\n    name: A\n    groups:\n      - id: g\n        name: G\n"
		 "        competencies:\n          - id: c\n            name: C\n"
		 "            levels: {IC1: {text: Does it., proficiency: p}}\nproficiency: [{id: p, name: P}]\n",
		 "ok"},
		{"roles:\n  - {id: a, name: A}\nproficiency: [{id: p, name: P}]\n", "ok"},
		/* roles first: nothing to stream */
		{"roles:\n  - {id: a, name: A}\n", "ok"},
		/* a flow sequence of roles */
		{"roles: [{id: a, name: A}, {id: b, name: B}]\n", "ok"},
		/* no roles at all, and an empty list */
		{"roles: []\n", "ok"},
		{"roles:\n", "ok"},
		/* an error after the roles */
		{"roles:\n  - {id: a, name: A}\npaths:\n  - {from: a, to: nobody}\n", "invalid"},
		/* a syntax error inside a role */
		{"roles:\n  - {id: a, name: A\n  - {id: b, name: B}\n", "invalid"},
		/* a tab where indentation belongs */
		{"roles:\n  - id: a\n\tname: A\n", "invalid"},
		/* a role with an error, then a syntax error: a plain load stops at the
		 * syntax and never looks at the role */
		{"roles:\n  - {id: a, name: A, famly: X}\n  - {id: b, name: B\n", "invalid"},
	};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		lc_buf b = LC_BUF_INIT;
		lc_buf_puts(&b, head);
		lc_buf_puts(&b, bodies[i][0]);
		ladder_status st = same_text(b.data);
		if (strcmp(bodies[i][1], "ok") == 0 && st != LADDER_OK)
			fail_msg("case %zu: status %d", i, (int)st);
		if (strcmp(bodies[i][1], "invalid") == 0)
			assert_int_not_equal(st, LADDER_OK);
		lc_buf_free(&b);
	}
	/* more errors than the cap keeps: which are kept depends on the order they
	 * are found in (a plain load finds the YAML's before the schema's) */
	lc_buf b = LC_BUF_INIT;
	lc_buf_puts(&b, head);
	lc_buf_puts(&b, "roles:\n");
	for (int i = 0; i < 80; i++)
		lc_buf_printf(&b, i % 2 ? "  - {id: r%d, name: R, name: Again}\n" : "  - {id: r%d, name: R, famly: X}\n", i);
	assert_int_equal(same_text(b.data), LADDER_INVALID);
	lc_buf_free(&b);
		/* roles before tracks */
	assert_int_equal(same_text("ladder: 1\nid: t\nname: T\nroles:\n  - {id: a, name: A}\n"
	                           "tracks:\n  - id: IC\n    name: IC\n    levels: [{id: IC1, name: One}]\n"),
	                 LADDER_OK);
}

/* Tracks and groups from an include come before every role, wherever the
 * include is written. */
static void test_include_after_roles(void **state)
{
	(void)state;
	char dir[] = "/tmp/ladderc-stream-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char inc[64], main_path[64];
	snprintf(inc, sizeof inc, "%s/more.yaml", dir);
	snprintf(main_path, sizeof main_path, "%s/ladder.yaml", dir);
	FILE *f = fopen(inc, "w");
	assert_non_null(f);
	fputs("ladder: 1\ntracks:\n  - id: E\n    name: Expert\n    from: IC2\n    levels: [{id: E3, name: Senior}]\n"
	      "groups:\n  - id: shared\n    name: Shared\n    competencies:\n"
	      "      - {id: craft, name: Craft, levels: {IC1: Does it., E3: Teaches it.}}\n",
	      f);
	fclose(f);
	static const char *const mains[] = {
		/* every role takes every track: the included one too */
		"roles:\n  - {id: a, name: A}\n  - {id: b, name: B, family: F}\ninclude: [more.yaml]\n",
		/* a role's group may not reuse a company-wide group's id */
		"roles:\n  - id: a\n    name: A\n    groups:\n      - id: shared\n        name: S\n        competencies: []\n"
		"include: [more.yaml]\n",
	};
	for (size_t i = 0; i < sizeof mains / sizeof mains[0]; i++) {
		lc_buf b = LC_BUF_INIT;
		lc_buf_puts(&b, "ladder: 1\nid: t\nname: T\ntracks:\n  - id: IC\n    name: IC\n    levels:\n"
		                "      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\n");
		lc_buf_puts(&b, mains[i]);
		ladder_limits lim;
		ladder_limits_default(&lim);
		ladder_status st = same_every_way(main_path, b.data, b.len, &lim);
		assert_int_equal(st, i == 0 ? LADDER_OK : LADDER_INVALID);
		lc_buf_free(&b);
	}
	remove(inc);
	rmdir(dir);
}

/* The second thread's roles meet the first's only at the join. */
static void test_split_across_threads(void **state)
{
	(void)state;
	ladder_limits lim;
	ladder_limits_default(&lim);
	/* a duplicate id: the last role repeats the first */
	lc_buf b = LC_BUF_INIT;
	gen_ladder(&b, 30, 2, 3, 1);
	assert_int_equal(same_every_way("dup.yaml", b.data, b.len, &lim), LADDER_INVALID);
	lc_buf_free(&b);
	/* the size limit passed only by both halves together */
	b = (lc_buf)LC_BUF_INIT;
	gen_ladder(&b, 30, 2, 3, 0);
	lim.max_cells = 30 * 7 * 6 / 2 + 50;
	assert_int_equal(same_every_way("cells.yaml", b.data, b.len, &lim), LADDER_INVALID);
	/* errors past the cap, in both halves */
	ladder_limits_default(&lim);
	lim.max_cells = 20;
	assert_int_equal(same_every_way("cap.yaml", b.data, b.len, &lim), LADDER_INVALID);
	lc_buf_free(&b);
	/* an anchor in the last role: the second thread gives back the bytes of
	 * its roles before it meets it, then the first parses them itself */
	b = (lc_buf)LC_BUF_INIT;
	gen_ladder(&b, 60, 2, 4, 0);
	assert_false(lc_buf_failed(&b));
	static const char last[] = "name: \"Role #59\"";
	char *at = strstr(b.data, last);
	assert_non_null(at);
	lc_buf anchored = LC_BUF_INIT;
	lc_buf_put(&anchored, b.data, (size_t)(at - b.data) + 6);
	lc_buf_puts(&anchored, "&last ");
	lc_buf_puts(&anchored, at + 6);
	ladder_limits_default(&lim);
	assert_int_equal(same_every_way("anchor.yaml", anchored.data, anchored.len, &lim), LADDER_OK);
	assert_true(released_most > 0);
	lc_buf_free(&anchored);
	lc_buf_free(&b);
}

/* ---- every ladder in the repository ------------------------------------ */

static void same_file(const char *path, const char *text, size_t len, void *ctx)
{
	(void)ctx;
	ladder_limits lim;
	ladder_limits_default(&lim);
	(void)same_every_way(path, text, len, &lim);
}

static void test_repository_files(void **state)
{
	(void)state;
	size_t files = each_yaml_file(LADDERC_SOURCE_DIR "/ladders", same_file, NULL) +
	               each_yaml_file(LADDERC_SOURCE_DIR "/tests", same_file, NULL);
	assert_true(files > 50);
}

/* Generated ladders are written under their names in a directory of their own. */
static char work_dir[] = "/tmp/ladderc-stream-files-XXXXXX";

static int enter_work_dir(void **state)
{
	(void)state;
	return mkdtemp(work_dir) && chdir(work_dir) == 0 ? 0 : -1;
}

static int leave_work_dir(void **state)
{
	(void)state;
	return chdir("/") == 0 && rmdir(work_dir) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generated),
		cmocka_unit_test(test_generated_streams),
		cmocka_unit_test(test_release_min),
		cmocka_unit_test(test_items_handed_over),
		cmocka_unit_test(test_starts_again),
		cmocka_unit_test(test_include_after_roles),
		cmocka_unit_test(test_split_across_threads),
		cmocka_unit_test(test_repository_files),
	};
	return cmocka_run_group_tests(tests, enter_work_dir, leave_work_dir);
}
