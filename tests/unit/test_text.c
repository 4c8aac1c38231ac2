/* The text module (src/text.c) and the terminal escaper
 * (src/escape_terminal.c): UTF-8 decoding, character classes, the bidi
 * closer, the edit distance behind "did you mean", and text made safe for a
 * terminal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "escape.h"
#include "text.h"

#define LEN(s) (sizeof(s) - 1)
#define FFFD "\xEF\xBF\xBD"
#define PDF "\xE2\x80\xAC"
#define PDI "\xE2\x81\xA9"
#define RLO "\xE2\x80\xAE"
#define RLI "\xE2\x81\xA7"

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(lc_utf8_len("a", 1), 1);
	assert_int_equal(lc_utf8_len("", 0), 0);
	assert_int_equal(lc_utf8_len("\xC3\xA9", 2), 2);          /* é */
	assert_int_equal(lc_utf8_len("\xE2\x80\xAE", 3), 3);      /* U+202E */
	assert_int_equal(lc_utf8_len("\xF0\x9F\x98\x80", 4), 4);  /* U+1F600 */
	/* invalid: stray continuation, overlongs, surrogate, past U+10FFFF, cut short */
	assert_int_equal(lc_utf8_len("\x80", 1), 0);
	assert_int_equal(lc_utf8_len("\xC0\xAF", 2), 0);
	assert_int_equal(lc_utf8_len("\xC1\xBF", 2), 0);
	assert_int_equal(lc_utf8_len("\xE0\x80\xAF", 3), 0);
	assert_int_equal(lc_utf8_len("\xF0\x80\x80\xAF", 4), 0);
	assert_int_equal(lc_utf8_len("\xED\xA0\x80", 3), 0);
	assert_int_equal(lc_utf8_len("\xF4\x90\x80\x80", 4), 0);
	assert_int_equal(lc_utf8_len("\xF5\x80\x80\x80", 4), 0);
	assert_int_equal(lc_utf8_len("\xE2\x80", 2), 0);
	assert_int_equal(lc_utf8_len("\xC3\xA9", 1), 0);
	assert_int_equal(lc_utf8_len("\xE9\x22", 2), 0);          /* Latin-1 é then '"' */
}

static void test_utf8_decode(void **state)
{
	(void)state;
	size_t n;
	assert_int_equal(lc_utf8_decode("A", 1, &n), 'A');
	assert_int_equal(n, 1);
	assert_int_equal(lc_utf8_decode("\xC2\x9B", 2, &n), 0x9B);
	assert_int_equal(n, 2);
	assert_int_equal(lc_utf8_decode(RLO, 3, &n), 0x202E);
	assert_int_equal(n, 3);
	assert_int_equal(lc_utf8_decode("\xF4\x8F\xBF\xBF", 4, &n), 0x10FFFF);
	assert_int_equal(n, 4);
	assert_int_equal(lc_utf8_decode("\xFF", 1, &n), LC_UTF8_INVALID);
	assert_int_equal(n, 1);
	assert_int_equal(lc_utf8_count("a\xC3\xA9" RLO, 6), 3);
}

static void test_classes(void **state)
{
	(void)state;
	/* controls: C0 (NUL, tab and newline included), DEL, C1 */
	assert_true(lc_text_is_control(0x00));
	assert_true(lc_text_is_control('\t'));
	assert_true(lc_text_is_control('\n'));
	assert_true(lc_text_is_control(0x1B));
	assert_true(lc_text_is_control(0x7F));
	assert_true(lc_text_is_control(0x80));
	assert_true(lc_text_is_control(0x9B));
	assert_true(lc_text_is_control(0x9F));
	assert_false(lc_text_is_control(' '));
	assert_false(lc_text_is_control('~'));
	assert_false(lc_text_is_control(0xA0));
	assert_false(lc_text_is_control(0x202E));
	/* bidi: embeddings and overrides, isolates, and their closers */
	assert_int_equal(lc_text_bidi_kind(0x202A), LC_BIDI_EMBED_OPEN);
	assert_int_equal(lc_text_bidi_kind(0x202B), LC_BIDI_EMBED_OPEN);
	assert_int_equal(lc_text_bidi_kind(0x202C), LC_BIDI_EMBED_CLOSE);
	assert_int_equal(lc_text_bidi_kind(0x202D), LC_BIDI_EMBED_OPEN);
	assert_int_equal(lc_text_bidi_kind(0x202E), LC_BIDI_EMBED_OPEN);
	assert_int_equal(lc_text_bidi_kind(0x2066), LC_BIDI_ISOLATE_OPEN);
	assert_int_equal(lc_text_bidi_kind(0x2068), LC_BIDI_ISOLATE_OPEN);
	assert_int_equal(lc_text_bidi_kind(0x2069), LC_BIDI_ISOLATE_CLOSE);
	assert_int_equal(lc_text_bidi_kind(0x2029), LC_BIDI_NONE);
	assert_int_equal(lc_text_bidi_kind(0x200F), LC_BIDI_NONE); /* RLM is a mark, not an opener */
	assert_true(lc_text_is_bidi_control(0x202C));
	assert_false(lc_text_is_bidi_control('a'));
	/* line and paragraph separators */
	assert_true(lc_text_is_line_separator(0x2028));
	assert_true(lc_text_is_line_separator(0x2029));
	assert_false(lc_text_is_line_separator('\n'));
	/* word bytes and case folding */
	assert_true(lc_text_is_ascii_alnum('a'));
	assert_true(lc_text_is_ascii_alnum('Z'));
	assert_true(lc_text_is_ascii_alnum('7'));
	assert_false(lc_text_is_ascii_alnum('-'));
	assert_false(lc_text_is_ascii_alnum('\''));
	assert_false(lc_text_is_ascii_alnum(0xC3));
	assert_int_equal(lc_text_ascii_lower('Q'), 'q');
	assert_int_equal(lc_text_ascii_lower('['), '[');
	assert_int_equal(lc_text_ascii_lower(0xC3), 0xC3);
}

static void expect_closed(const char *in, size_t len, const char *want, size_t want_len)
{
	lc_buf b = LC_BUF_INIT;
	lc_text_bidi_close(&b, in, len);
	assert_int_equal(b.len, want_len);
	if (want_len)
		assert_memory_equal(b.data, want, want_len);
	lc_buf_free(&b);
}

#define EXPECT_CLOSED(in, want) expect_closed(in, LEN(in), want, LEN(want))

static void test_bidi_close(void **state)
{
	(void)state;
	EXPECT_CLOSED("plain text", "");
	EXPECT_CLOSED(RLO "evil", PDF);
	EXPECT_CLOSED(RLO "evil" PDF, "");
	EXPECT_CLOSED(RLO RLO "x" PDF, PDF);
	EXPECT_CLOSED(RLI "x", PDI);
	EXPECT_CLOSED(RLO RLI "x", PDF PDI);
	/* a closer without an opener does not cancel a later opener */
	EXPECT_CLOSED(PDF PDI RLO, PDF);
	/* other E2 sequences (dashes, quotes, separators) are not bidi */
	EXPECT_CLOSED("a \xE2\x80\x94 b \xE2\x80\x9C \xE2\x80\xA8", "");
	/* an opener cut short at the end is not one */
	EXPECT_CLOSED("x\xE2\x80", "");
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(lc_text_edit_distance("name", 4, "name", 4), 0);
	assert_int_equal(lc_text_edit_distance("", 0, "abc", 3), 3);
	assert_int_equal(lc_text_edit_distance("nme", 3, "name", 4), 1);
	assert_int_equal(lc_text_edit_distance("famly", 5, "family", 6), 1);
	assert_int_equal(lc_text_edit_distance("kitten", 6, "sitting", 7), 3);
	/* a swap of two neighbours is one edit */
	assert_int_equal(lc_text_edit_distance("nmae", 4, "name", 4), 1);
	assert_int_equal(lc_text_edit_distance("vague-langauge", 14, "vague-language", 14), 1);
	/* ASCII letters fold, other bytes do not */
	assert_int_equal(lc_text_edit_distance("Name", 4, "nAME", 4), 0);
	assert_int_equal(lc_text_edit_distance("a_b", 3, "a-b", 3), 1);
	assert_int_equal(lc_text_edit_distance("[", 1, "{", 1), 1);
	assert_int_equal(lc_text_edit_distance("\xC3\xA9", 2, "\xC3\x89", 2), 1);
	/* too long to be a typo */
	char a[LC_TEXT_EDIT_MAX + 1];
	memset(a, 'a', sizeof a);
	assert_int_equal(lc_text_edit_distance(a, LC_TEXT_EDIT_MAX, a, LC_TEXT_EDIT_MAX), 0);
	assert_true(lc_text_edit_distance(a, sizeof a, "a", 1) == SIZE_MAX);
	assert_true(lc_text_edit_distance("a", 1, a, sizeof a) == SIZE_MAX);
}

static const char *suggest(const char *word, const char *const *cands)
{
	lc_text_suggest s;
	lc_text_suggest_init(&s, word, strlen(word));
	for (size_t i = 0; cands[i]; i++)
		lc_text_suggest_try(&s, cands[i], strlen(cands[i]));
	return s.best;
}

static void test_suggest(void **state)
{
	(void)state;
	static const char *const keys[] = {"id", "name", "family", "summary", "description", "levels", NULL};
	assert_string_equal(suggest("nme", keys), "name");
	assert_string_equal(suggest("nmae", keys), "name");
	assert_string_equal(suggest("famly", keys), "family");
	assert_string_equal(suggest("Levls", keys), "levels");
	assert_string_equal(suggest("descriptoin", keys), "description");
	/* the limit grows with the word: 1 edit under 4 bytes, 2 under 8, then 3 */
	assert_string_equal(suggest("ix", keys), "id");
	assert_null(suggest("xy", keys));
	assert_string_equal(suggest("smmry", keys), "summary");
	assert_null(suggest("zzzzz", keys));
	assert_null(suggest("dscrptn", keys)); /* 4 edits from description */
	assert_null(suggest("", keys));
	/* the first of equally near candidates wins */
	static const char *const ties[] = {"cat", "bat", NULL};
	assert_string_equal(suggest("at", ties), "cat");
}

static void expect_quoted(const char *in, size_t len, size_t max, const char *want)
{
	lc_buf b = LC_BUF_INIT;
	lc_text_put_quoted(&b, in, len, max);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.data, want, b.len);
	lc_buf_free(&b);
}

static void test_put_quoted(void **state)
{
	(void)state;
	expect_quoted("famly", 5, 40, "'famly'");
	expect_quoted("", 0, 40, "''");
	expect_quoted("a\tb\0c\x7F", 6, 40, "'a\\x09b\\x00c\\x7F'");
	expect_quoted("abcdefghij", 10, 10, "'abcdefghij'");
	expect_quoted("abcdefghijk", 11, 10, "'abcdefg...'");
}

static void expect_terminal(const char *in, size_t len, unsigned keep, int whole, const char *want,
                            size_t want_len)
{
	lc_buf b = LC_BUF_INIT;
	if (whole)
		lc_escape_terminal(&b, in, len, keep);
	else
		lc_escape_terminal_part(&b, in, len, keep);
	assert_int_equal(b.len, want_len);
	if (want_len)
		assert_memory_equal(b.data, want, want_len);
	lc_buf_free(&b);
}

#define TERMINAL(in, keep, want) expect_terminal(in, LEN(in), keep, 1, want, LEN(want))
#define TERMINAL_PART(in, keep, want) expect_terminal(in, LEN(in), keep, 0, want, LEN(want))

static void test_terminal(void **state)
{
	(void)state;
	TERMINAL("", 0, "");
	TERMINAL("plain text, caf\xC3\xA9 \xE2\x80\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 0,
	         "plain text, caf\xC3\xA9 \xE2\x80\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
	/* C0 (NUL and ESC included), DEL and C1: one U+FFFD each */
	TERMINAL("a\0b", 0, "a" FFFD "b");
	TERMINAL("\x1B[2J", 0, FFFD "[2J");
	TERMINAL("x\x7Fy", 0, "x" FFFD "y");
	TERMINAL("\xC2\x9B" "31m", 0, FFFD "31m");
	TERMINAL("\xC2\x80\xC2\x85\xC2\x9F", 0, FFFD FFFD FFFD);
	TERMINAL("\xC2\xA0", 0, "\xC2\xA0"); /* NBSP is text */
	/* line breaks are the caller's to lay out; a tab only when kept */
	TERMINAL("a\nb\rc", 0, "a" FFFD "b" FFFD "c");
	TERMINAL("a\tb", 0, "a" FFFD "b");
	TERMINAL("a\tb", LC_ESCAPE_TERMINAL_TAB, "a\tb");
	/* invalid UTF-8: one U+FFFD a byte (a raw 0x9B is an 8-bit CSI) */
	TERMINAL("Caf\xE9\"", 0, "Caf" FFFD "\"");
	TERMINAL("\x9B" "1m", 0, FFFD "1m");
	TERMINAL("\xE2\x80", 0, FFFD FFFD);
	/* bidi left open is closed at the end of the piece, not by a part */
	TERMINAL(RLO "evil", 0, RLO "evil" PDF);
	TERMINAL(RLO "ok" PDF, 0, RLO "ok" PDF);
	TERMINAL(RLI "\xC2\x9B", 0, RLI FFFD PDI);
	TERMINAL_PART(RLO "evil\xC2\x9B", 0, RLO "evil" FFFD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_bidi_close),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_put_quoted),
		cmocka_unit_test(test_terminal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
