/* The line index behind every diagnostic's position and quoted line
 * (lc_source_line, lc_source_mark_at) breaks lines where libyaml does: LF,
 * CR, CRLF, NEL (U+0085), LS (U+2028) and PS (U+2029). It skips runs of
 * plain ASCII eight bytes at a time; here it is checked against a plain
 * byte-by-byte reading of texts with breaks at every offset. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/diag.h"

/* Line starts by the definition, one byte at a time. */
static size_t reference_lines(const char *s, size_t n, size_t *starts)
{
	size_t k = 0;
	starts[k++] = 0;
	for (size_t i = 0; i < n;) {
		size_t bl = 0;
		const unsigned char *p = (const unsigned char *)s + i;
		if (p[0] == '\r')
			bl = i + 1 < n && p[1] == '\n' ? 2 : 1;
		else if (p[0] == '\n')
			bl = 1;
		else if (p[0] == 0xC2 && i + 1 < n && p[1] == 0x85)
			bl = 2;
		else if (p[0] == 0xE2 && i + 2 < n && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
			bl = 3;
		if (!bl) {
			i++;
			continue;
		}
		i += bl;
		starts[k++] = i;
	}
	return k;
}

static void check_text(const char *s, size_t n)
{
	size_t *starts = malloc((n + 2) * sizeof *starts);
	assert_non_null(starts);
	size_t k = reference_lines(s, n, starts);
	lc_source src;
	memset(&src, 0, sizeof src);
	src.path = "t.yaml";
	src.data = s;
	src.len = n;
	for (size_t line = 1; line <= k; line++) {
		size_t len = 0;
		const char *p = lc_source_line(&src, (uint32_t)line, &len);
		assert_non_null(p);
		assert_ptr_equal(p, s + starts[line - 1]);
	}
	size_t len;
	assert_null(lc_source_line(&src, (uint32_t)k + 1, &len));
	assert_int_equal(src.nlines, k);
	free(src.lines);
	free(starts);
}

static void test_every_break_at_every_offset(void **state)
{
	(void)state;
	static const char *const breaks[] = {"\n", "\r", "\r\n", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
	                                     "\xC2\xA0", "\xE2\x80\x94" /* not breaks */};
	char text[128];
	for (size_t b = 0; b < sizeof breaks / sizeof breaks[0]; b++) {
		for (size_t at = 0; at < 40; at++) {
			memset(text, 'a', sizeof text);
			size_t bl = strlen(breaks[b]);
			memcpy(text + at, breaks[b], bl);
			memcpy(text + at + 23, breaks[b], bl); /* a second one past an 8-byte run */
			check_text(text, 70);
			check_text(text, at + bl);  /* the break at the very end */
			check_text(text, at + 1);   /* or cut inside it */
		}
	}
}

static void test_long_lines_and_utf8(void **state)
{
	(void)state;
	size_t n = 5000;
	char *text = malloc(n);
	assert_non_null(text);
	uint32_t x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		unsigned r = (x >> 16) % 100;
		text[i] = r < 2 ? '\n' : r < 3 ? '\r' : r < 6 ? (char)0xC2 : r < 9 ? (char)0xE2 : r < 12 ? (char)0x80 : 'x';
	}
	check_text(text, n);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_break_at_every_offset),
		cmocka_unit_test(test_long_lines_and_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
