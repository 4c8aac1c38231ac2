/* lc_escape_html: markup characters become entities, controls vanish, all
 * other bytes (UTF-8 text, bidi marks, emoji) pass through unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "escape.h"

static void check(const char *in, size_t len, const char *want)
{
	lc_buf b = LC_BUF_INIT;
	lc_escape_html(&b, in, len);
	assert_false(lc_buf_failed(&b));
	assert_int_equal(b.len, strlen(want));
	if (b.len)
		assert_memory_equal(b.data, want, b.len);
	lc_buf_free(&b);
}

#define CHECK(in, want) check(in, sizeof(in) - 1, want)

static void markup_becomes_entities(void **state)
{
	(void)state;
	CHECK("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	CHECK("a & b \"c\"", "a &amp; b &quot;c&quot;");
	CHECK("&amp;", "&amp;amp;");
	CHECK("</td>", "&lt;/td&gt;");
	/* an attribute value cannot be closed by either quote */
	CHECK("\" onmouseover='x'", "&quot; onmouseover=&#39;x&#39;");
}

static void clean_text_is_copied(void **state)
{
	(void)state;
	CHECK("", "");
	CHECK("plain text", "plain text");
	CHECK("| =SUM(A1) @x [x](javascript:alert(1))", "| =SUM(A1) @x [x](javascript:alert(1))");
	/* Hebrew, Arabic, emoji, RLO (U+202E), NBSP (U+00A0, a C2 sequence that is not a control) */
	CHECK("עברית العربية 🚀 \xE2\x80\xAE \xC2\xA0 \xC2\xBF", "עברית العربية 🚀 \xE2\x80\xAE \xC2\xA0 \xC2\xBF");
	check(NULL, 0, "");
}

static void controls_are_dropped(void **state)
{
	(void)state;
	CHECK("a\0b", "ab");
	CHECK("tab\tand\nnewline", "tab\tand\nnewline");
	CHECK("cr\r\nlf", "cr\nlf");
	CHECK("\x1b[31mred\x7f", "[31mred");
	/* C1 controls U+0080 and U+009F */
	CHECK("x\xC2\x80y\xC2\x9Fz", "xyz");
	/* a lone C2 at the end is left to the caller's UTF-8 validation */
	CHECK("x\xC2", "x\xC2");
	CHECK("\x01\x02<", "&lt;");
}

static void appends_to_existing_content(void **state)
{
	(void)state;
	lc_buf b = LC_BUF_INIT;
	lc_buf_puts(&b, "<p>");
	lc_escape_html(&b, "a<b", 3);
	lc_buf_puts(&b, "</p>");
	assert_string_equal(b.data, "<p>a&lt;b</p>");
	lc_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markup_becomes_entities),
		cmocka_unit_test(clean_text_is_copied),
		cmocka_unit_test(controls_are_dropped),
		cmocka_unit_test(appends_to_existing_content),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
