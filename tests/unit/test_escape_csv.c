/* lc_escape_csv: RFC 4180 fields, and no field a spreadsheet would run as a
 * formula. Each case is also parsed back with the reader in csv_reader.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "escape.h"
#include "csv_reader.h"

static void expect(const char *in, size_t len, const char *want, size_t want_len)
{
	lc_buf b = LC_BUF_INIT;
	lc_escape_csv(&b, in, len);
	assert_int_equal(b.len, want_len);
	assert_memory_equal(b.data ? b.data : "", want, want_len);
	/* as a one-field record, it parses back to the text (after the ' guard) */
	lc_buf_puts(&b, "\r\n");
	csv_doc d;
	size_t at = 0;
	assert_int_equal(csv_parse(b.data, b.len, &d, &at), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.rows[0].n, 1);
	const csv_field *f = &d.rows[0].f[0];
	int guarded = len > 0 && strchr("=+-@\t\r", in[0]);
	assert_int_equal(f->len, len + (size_t)guarded);
	if (guarded)
		assert_int_equal(f->s[0], '\'');
	assert_memory_equal(f->s + guarded, in, len);
	csv_doc_free(&d);
	lc_buf_free(&b);
}

#define EXPECT(in, want) expect(in, sizeof(in) - 1, want, sizeof(want) - 1)

static void test_plain(void **state)
{
	(void)state;
	EXPECT("Can do the role independently.", "Can do the role independently.");
	EXPECT("", "");
	EXPECT("<script>|</td> 'x' `y` 🚀 עברית", "<script>|</td> 'x' `y` 🚀 עברית");
}

static void test_quoting(void **state)
{
	(void)state;
	EXPECT("a,b", "\"a,b\"");
	EXPECT("say \"hi\"", "\"say \"\"hi\"\"\"");
	EXPECT("\"", "\"\"\"\"");
	EXPECT("line\nbreak", "\"line\nbreak\"");
	EXPECT("a\r\nb", "\"a\r\nb\"");
}

static void test_formula_guard(void **state)
{
	(void)state;
	EXPECT("=SUM(A1)", "'=SUM(A1)");
	EXPECT("+1", "'+1");
	EXPECT("-2", "'-2");
	EXPECT("@x", "'@x");
	EXPECT("\tTab", "'\tTab");
	EXPECT("\rCR", "\"'\rCR\"");
	EXPECT("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	/* only the first character counts */
	EXPECT("a=b", "a=b");
	EXPECT(" =1", " =1");
}

static void test_nul_kept(void **state)
{
	(void)state;
	expect("a\0b", 3, "a\0b", 3);
	expect("a\0,b", 4, "\"a\0,b\"", 6);
}

static void test_reader_rejects_malformed(void **state)
{
	(void)state;
	csv_doc d;
	size_t at;
	assert_int_equal(csv_parse("a,\"b\r\n", 6, &d, &at), -1);
	csv_doc_free(&d);
	assert_int_equal(csv_parse("a,b\n", 4, &d, &at), -1);
	csv_doc_free(&d);
	assert_int_equal(csv_parse("a\"b\r\n", 5, &d, &at), -1);
	csv_doc_free(&d);
	assert_int_equal(csv_parse("a,,\"\"\r\n", 7, &d, &at), 0);
	assert_int_equal(d.rows[0].n, 3);
	csv_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_nul_kept),
		cmocka_unit_test(test_reader_rejects_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
