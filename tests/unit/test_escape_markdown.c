/* lc_escape_markdown: every character that could start markup is escaped,
 * nothing else changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "escape.h"

static void expect(const char *in, size_t len, int in_cell, const char *want)
{
	lc_buf b = LC_BUF_INIT;
	lc_escape_markdown(&b, in, len, in_cell);
	lc_buf_putc(&b, '\0');
	assert_string_equal(b.data, want);
	lc_buf_free(&b);
}

#define EXPECT(in, cell, want) expect(in, sizeof(in) - 1, cell, want)

static void test_plain_text_unchanged(void **state)
{
	(void)state;
	EXPECT("Can do the role independently; 'T-shaped' (really): 1.5 x 2 = 3!", 0,
	       "Can do the role independently; 'T-shaped' (really): 1.5 x 2 = 3!");
	EXPECT("", 1, "");
	EXPECT("עברית العربية 🚀 é", 0, "עברית العربية 🚀 é");
}

static void test_inline_markup_escaped(void **state)
{
	(void)state;
	EXPECT("*b* _i_ `c` ~~s~~ [x](javascript:alert(1))", 0,
	       "\\*b\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~ \\[x\\](javascript:alert(1))");
	EXPECT("<script>alert(1)</script> <img src=x onerror=alert(1)>", 0,
	       "\\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\>");
	EXPECT("&amp; &#60; a\\b $x$ @user #12", 0, "\\&amp; \\&\\#60; a\\\\b \\$x\\$ \\@user \\#12");
	EXPECT("a | b", 0, "a \\| b");
	EXPECT("a | b", 1, "a \\| b");
}

static void test_line_starts_escaped(void **state)
{
	(void)state;
	EXPECT("# h", 0, "\\# h");
	EXPECT("> q", 0, "\\> q");
	EXPECT("- item", 0, "\\- item");
	EXPECT("+ item", 0, "\\+ item");
	EXPECT("===", 0, "\\===");
	EXPECT("1. one", 0, "1\\. one");
	EXPECT("12) twelve", 0, "12\\) twelve");
	EXPECT("2026 was", 0, "2026 was");
	EXPECT("a - b + c = d 1. e", 0, "a - b + c = d 1. e");
	/* every line of multi-line text */
	EXPECT("a\n- b\n2. c\n> d", 0, "a\n\\- b\n2\\. c\n\\> d");
	/* a leading space or tab cannot open an indented code block */
	EXPECT("    code?", 0, "&#32;   code?");
	EXPECT("a\n\tb", 0, "a\n&#9;b");
}

static void test_cells_are_inline(void **state)
{
	(void)state;
	/* line breaks become <br>; CRLF and lone CR count as one break */
	EXPECT("a\nb\r\nc\rd", 1, "a<br>b<br>c<br>d");
	/* a cell holds no block syntax: line starts stay as they are */
	EXPECT("- x\n1. y", 1, "- x<br>1. y");
	EXPECT("3.5", 1, "3.5");
	EXPECT(" x", 1, " x");
}

static void test_controls_replaced(void **state)
{
	(void)state;
	expect("a\0b", 3, 0, "a\xEF\xBF\xBD" "b");
	EXPECT("a\x1B[31mb", 0, "a\xEF\xBF\xBD\\[31mb");
	EXPECT("a\xC2\x9B" "b", 0, "a\xEF\xBF\xBD" "b");   /* C1 CSI */
	EXPECT("a\xC2\xA0" "b", 0, "a\xC2\xA0" "b");       /* NBSP stays */
	EXPECT("a\x7F", 0, "a\xEF\xBF\xBD");
}

static void test_bidi_closed(void **state)
{
	(void)state;
	/* U+202E RLO left open gets a U+202C PDF at the end */
	EXPECT("a\xE2\x80\xAE" "b", 1, "a\xE2\x80\xAE" "b\xE2\x80\xAC");
	/* closed ones get nothing */
	EXPECT("a\xE2\x80\xAE" "b\xE2\x80\xAC", 1, "a\xE2\x80\xAE" "b\xE2\x80\xAC");
	/* an isolate (U+2067 RLI) gets a U+2069 PDI */
	EXPECT("\xE2\x81\xA7x", 0, "\xE2\x81\xA7x\xE2\x81\xA9");
}

/* Escaping is one pass: a long input with a mark every few bytes escapes to
 * exactly the expected size (no quadratic re-scans would show as time, so
 * this checks the output shape over a large input instead). */
static void test_large_input(void **state)
{
	(void)state;
	size_t n = 1u << 20;
	char *in = malloc(n);
	assert_non_null(in);
	for (size_t i = 0; i < n; i++)
		in[i] = (i % 8 == 7) ? '|' : 'a';
	lc_buf b = LC_BUF_INIT;
	lc_escape_markdown(&b, in, n, 1);
	assert_false(lc_buf_failed(&b));
	assert_int_equal(b.len, n + n / 8);
	lc_buf_free(&b);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_inline_markup_escaped),
		cmocka_unit_test(test_line_starts_escaped),
		cmocka_unit_test(test_cells_are_inline),
		cmocka_unit_test(test_controls_replaced),
		cmocka_unit_test(test_bidi_closed),
		cmocka_unit_test(test_large_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
