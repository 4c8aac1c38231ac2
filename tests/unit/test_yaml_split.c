/* A big file is parsed on two threads (src/yaml_tree.c, lc_yt_parse_split): a
 * second parser starts at a line "  - " of a top-level sequence. Whatever the
 * line, the tree and the diagnostics must be those of one parser. Every input
 * here is parsed once alone and then split at each of its lines in turn; the
 * split must be taken where it is safe and refused where it is not. */
#define _GNU_SOURCE /* memmem */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/buf.h"
#include "yaml_tree.h"
#include "yt_same.h"
#include "yaml_files.h"

typedef struct parsed {
	lc_arena *arena;
	lc_yt_node *root;
	lc_yt_status st;
	lc_buf diags;  /* every diagnostic, formatted, in the order made */
} parsed;

static void parse(lc_source *src, const ladder_limits *lim, size_t at, int *joined, parsed *out)
{
	out->arena = lc_arena_new();
	assert_non_null(out->arena);
	lc_diags d;
	lc_diags_init(&d);
	out->st = lc_yt_parse_split(out->arena, src, lim, &d, &out->root, at, joined);
	lc_buf_init(&out->diags);
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(&out->diags, &d.items[i], 0);
	lc_diags_free(&d);
}

static void parsed_free(parsed *p)
{
	lc_arena_free(p->arena);
	lc_buf_free(&p->diags);
}

typedef struct tally {
	size_t lines;   /* lines tried */
	size_t joined;  /* splits taken */
	size_t fake;    /* splits taken at a line with "fake" in it (tests mark so
	                 * the lines that only look like items) */
} tally;

/* Splits `text` at every line start and compares with one parser. */
static tally every_split(const char *name, const char *text, size_t len, const ladder_limits *lim)
{
	lc_source src;
	memset(&src, 0, sizeof src);
	src.path = name;
	src.data = text;
	src.len = len;
	parsed one;
	parse(&src, lim, 0, NULL, &one);
	tally t = {0, 0, 0};
	for (size_t at = 1; at < len; at++) {
		if (text[at - 1] != '\n')
			continue;
		int joined = 0;
		parsed two;
		parse(&src, lim, at, &joined, &two);
		size_t budget = 1000000;
		if (two.st != one.st || !yt_same(one.root, two.root, &budget) || two.diags.len != one.diags.len ||
		    (one.diags.len && memcmp(two.diags.data, one.diags.data, one.diags.len) != 0)) {
			fprintf(stderr, "%s: split at byte %zu (joined %d) differs from one parser\n--- one:\n%.*s--- split:\n%.*s",
			        name, at, joined, (int)one.diags.len, one.diags.data ? one.diags.data : "",
			        (int)two.diags.len, two.diags.data ? two.diags.data : "");
			fail();
		}
		t.lines++;
		t.joined += (size_t)joined;
		const char *eol = memchr(text + at, '\n', len - at);
		size_t n = eol ? (size_t)(eol - (text + at)) : len - at;
		if (joined && n >= 4 && memmem(text + at, n, "fake", 4))
			t.fake++;
		if (getenv("SPLIT_DEBUG") && joined)
			fprintf(stderr, "%s: joined at %zu: %.12s\n", name, at, text + at);
		parsed_free(&two);
	}
	parsed_free(&one);
	free(src.lines);
	return t;
}

static tally split_text(const char *text)
{
	ladder_limits lim;
	ladder_limits_default(&lim);
	return every_split("mem.yaml", text, strlen(text), &lim);
}

/* Roles in the middle of the file, then more top-level keys: the second
 * parser takes the rest of the sequence, a third the keys after it. */
static void test_sequence_in_the_middle(void **state)
{
	(void)state;
	tally t = split_text("ladder: 1\n"
	                     "roles:\n"
	                     "  - id: a\n"
	                     "    name: \"A \xC3\xA9\xE2\x80\x94 long enough text to point into the source, past sixty-four bytes\"\n"
	                     "  - id: b\n"
	                     "    levels: { IC1: x, IC2: [y, z] }\n"
	                     "    text: |\n"
	                     "      - a bullet inside a block scalar\n"
	                     "      - another\n"
	                     "# a comment at column 0\n"
	                     "  - id: c\n"
	                     "    name: plain\n"
	                     "\n"
	                     "promotion:\n"
	                     "  - criteria\n"
	                     "  - more\n"
	                     "name: last\n");
	/* "  - id: b", "  - id: c" and "  - more"; not a sequence's first item
	 * ("  - id: a", "  - criteria"): the first parser has not opened it yet */
	assert_int_equal(t.joined, 3);
}

static void test_sequence_at_the_end(void **state)
{
	(void)state;
	tally t = split_text("ladder: 1\r\n"
	                     "groups:\r\n"
	                     "    - id: g1\r\n"
	                     "      name: One\r\n"
	                     "    -   id: g2\r\n"
	                     "    - 'quoted item'\r\n"
	                     "    -\r\n"
	                     "      id: g4\r\n"
	                     "# trailing comment\r\n");
	/* "-   id: g2" and "- 'quoted item'"; "-" alone starts its item a line later */
	assert_int_equal(t.joined, 2);
}

/* Text the second parser cannot see (an anchor before it, tags, documents
 * after it) or a line that only looks like an item: one parser does it all. */
static void test_refused(void **state)
{
	(void)state;
	static const char *const texts[] = {
		/* an alias to an anchor in the first part */
		"base: &b { x: 1 }\nroles:\n  - id: a\n  - id: c\n  - *b\n",
		/* an anchor in the second part */
		"roles:\n  - id: a\n  - &c id: c\n",
		/* an item line inside a quoted scalar */
		"roles:\n  - id: a\n    text: \"one\n  - id: fake\n    \"\n",
		/* a quoted scalar that the second parser reads as ending in a comment:
		 * the split at "- id: b" is sound, the one at "- id: fake" is not */
		"roles:\n  - id: a\n    t: \"x\n  - id: fake\n    # \"\n  - id: b\n",
		/* inside a plain multi-line scalar */
		"roles:\n  - id: a\n    text: one\n     - two\n",
		/* a flow sequence written over lines */
		"roles: [\n  a,\n  - b\n]\n",
		/* a sequence at column 0 (indentless) */
		"roles:\n- id: a\n- id: b\nname: x\n",
		/* nested deeper than a top-level key */
		"top:\n  roles:\n    - id: a\n    - id: b\n",
		/* a second document after the sequence */
		"roles:\n  - id: a\n  - id: b\n---\nname: x\n",
		"roles:\n  - id: a\n  - id: b\n...\nname: x\n",
		/* a tag and a %TAG directive */
		"roles:\n  - id: a\n  - !x id: b\n",
		"%TAG ! tag:x,2000:\n---\nroles:\n  - id: a\n  - id: b\n",
		/* a directive-like line after the sequence */
		"roles:\n  - id: a\n  - id: b\n%YAML 1.1\n",
		/* a key less indented than the sequence but not at column 0 */
		"roles:\n   - id: a\n   - id: b\n  name: x\n",
		/* the sequence is a key (complex key), not a value */
		"?\n  - a\n  - fake\n: v\n",
		/* the root is a sequence, or a mapping not at column 0, and a
		 * line at column 0 follows the sequence */
		"-\n  - id: a\n  - id: b\nname: x\n",
		"  roles:\n    - id: a\n    - id: b\nname: x\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		tally t = split_text(texts[i]);
		if (strstr(texts[i], "fake") ? t.fake != 0 : t.joined != 0) {
			fprintf(stderr, "split taken in text %zu\n", i);
			fail();
		}
	}
}

/* Errors in either part, or across the two, are reported as one parser
 * reports them, in the same order, whatever the split. */
static void test_errors_the_same(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"roles:\n  - id: a\n  - id: b\n    x: [1, 2\n  - id: c\n",
		"roles:\n  - id: a\n  - id: b\n\tx: 1\n",
		"roles:\n  - id: a\n    id: a2\n  - id: b\n    id: b2\nroles: again\n",
		"id: x\nroles:\n  - id: a\n  - id: b\nid: y\n<<: {}\n",
		"roles:\n  - id: a\n  - id: b\n    bad: \"\\q\"\n",
		"roles:\n  - id: a\n  - id: b\n    bad: \xff\n",
		"roles:\n  - id: a\n  - id: b\nname: \"unclosed\n",
		"roles:\n  - id: a\n  - id: b\n  - x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
		"roles:\n  - id: a\n  - id: b\n    c: *nowhere\n",
		/* found by the fuzzer: an anchored empty key (its mark is not at its
		 * text), a sequence as a complex key */
		"\n&rorom:\n - - \n - - ",
		"oga0ps:\n\n- )'\n?  \n - '\n -gr\n\n- )'\n - \n - ''",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		(void)split_text(texts[i]);
}

/* Nesting one level under the limit in the second part: the split must count
 * the levels above it. */
static void test_depth_limit(void **state)
{
	(void)state;
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.max_depth = 5;
	const char *ok = "roles:\n  - id: a\n  - x:\n      y:\n        - z\n";      /* depth 5 */
	const char *deep = "roles:\n  - id: a\n  - x:\n      y:\n        - [z]\n"; /* depth 6 */
	tally t = every_split("ok.yaml", ok, strlen(ok), &lim);
	assert_int_equal(t.joined, 1);
	(void)every_split("deep.yaml", deep, strlen(deep), &lim);
}

/* Every YAML file in the repository. */
static void split_file(const char *path, const char *text, size_t len, void *ctx)
{
	tally *sum = ctx;
	ladder_limits lim;
	ladder_limits_default(&lim);
	tally t = every_split(path, text, len, &lim);
	sum->lines += t.lines;
	sum->joined += t.joined;
}

static void test_repository_files(void **state)
{
	(void)state;
	tally sum = {0, 0, 0};
	(void)each_yaml_file(LADDERC_SOURCE_DIR "/ladders", split_file, &sum);
	(void)each_yaml_file(LADDERC_SOURCE_DIR "/tests", split_file, &sum);
	/* the bundled ladders alone have dozens of top-level items */
	assert_true(sum.lines > 1000);
	assert_true(sum.joined > 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequence_in_the_middle),
		cmocka_unit_test(test_sequence_at_the_end),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_errors_the_same),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_repository_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
