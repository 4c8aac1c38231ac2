/* The JSON writer and the model's JSON: RFC 8259 escaping, fixed key order,
 * deterministic bytes. */
#include <limits.h>

#include "test_support.h"

#include "ladderc/emit.h"
#include "escape.h"
#include "json.h"

static void test_escaping(void **state)
{
	(void)state;
	lc_buf b = LC_BUF_INIT;
	static const char in[] = "a\"b\\c\nd\te\x01\x1f\0z \xE2\x80\xA8 \xC3\xA9";
	lc_escape_json(&b, in, sizeof in - 1);
	assert_string_equal(b.data, "a\\\"b\\\\c\\nd\\te\\u0001\\u001f\\u0000z \\u2028 \xC3\xA9");
	lc_buf_free(&b);
}

static void test_writer_layout(void **state)
{
	(void)state;
	lc_buf b = LC_BUF_INIT;
	lc_json j;
	lc_json_init(&j, &b);
	lc_json_object(&j);
	lc_json_key(&j, "a");
	lc_json_int(&j, 1);
	lc_json_key(&j, "b");
	lc_json_array(&j);
	lc_json_cstring(&j, "x");
	lc_json_null(&j);
	lc_json_bool(&j, 1);
	lc_json_end_array(&j);
	lc_json_key(&j, "c");
	lc_json_object(&j);
	lc_json_end_object(&j);
	lc_json_key(&j, "d");
	lc_json_array(&j);
	lc_json_end_array(&j);
	lc_json_end_object(&j);
	lc_json_finish(&j);
	assert_string_equal(b.data, "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    null,\n    true\n  ],\n"
	                            "  \"c\": {},\n  \"d\": []\n}\n");
	lc_buf_free(&b);
}

/* Numbers are written without printf: every long long as "%lld" has it. */
static void test_numbers_and_depth(void **state)
{
	(void)state;
	static const long long v[] = {0, 7, -7, 10, -10, 1234567890123LL, LLONG_MAX, LLONG_MIN, LLONG_MIN + 1};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		lc_buf got = LC_BUF_INIT, want = LC_BUF_INIT;
		lc_buf_put_int(&got, v[i]);
		lc_buf_printf(&want, "%lld", v[i]);
		lc_buf_putc(&got, '\0');
		lc_buf_putc(&want, '\0');
		assert_string_equal(got.data, want.data);
		lc_buf_free(&got);
		lc_buf_free(&want);
	}
	/* the deepest nesting the writer indents, indented as the shallow */
	enum { DEEP = LC_JSON_MAX_DEPTH - 1 };
	lc_buf b = LC_BUF_INIT, want = LC_BUF_INIT;
	lc_json j;
	lc_json_init(&j, &b);
	for (int d = 0; d < DEEP; d++)
		lc_json_array(&j);
	lc_json_int(&j, -3);
	for (int d = 0; d < DEEP; d++)
		lc_json_end_array(&j);
	lc_json_finish(&j);
	for (int d = 0; d < DEEP; d++)
		lc_buf_printf(&want, "%s%*s[", d ? "\n" : "", 2 * d, "");
	lc_buf_printf(&want, "\n%*s-3", 2 * DEEP, "");
	for (int d = DEEP - 1; d >= 0; d--)
		lc_buf_printf(&want, "\n%*s]", 2 * d, "");
	lc_buf_putc(&want, '\n');
	assert_int_equal(b.len, want.len);
	assert_memory_equal(b.data, want.data, want.len);
	lc_buf_free(&b);
	lc_buf_free(&want);
}

static void test_model_json(void **state)
{
	(void)state;
	loaded r;
	load_text(&r, "ladder: 1\nid: t\nname: T\nintro: \"T \\0 \\\"q\\\"\"\nupdated: 2026-01-15\ntracks:\n"
	              "  - id: IC\n    name: I\n    levels:\n      - {id: IC1, name: J, title: \"{role}!\"}\n"
	              "      - {id: IC2, name: M}\n"
	              "groups:\n  - id: g\n    name: G\n    competencies:\n"
	              "      - {id: c, name: C, levels: {IC2: two, IC1: one}}\n"
	              "roles:\n  - {id: r, name: R}\n"
	              "promotion: {scale: 5, min_average: 3.5}\n");
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	lc_buf a = LC_BUF_INIT, b = LC_BUF_INIT;
	lc_emit_json(r.l, &a);
	lc_emit_json(r.l, &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	/* text with NUL and quotes, escaped */
	assert_non_null(strstr(a.data, "\"intro\": \"T \\u0000 \\\"q\\\"\""));
	/* the date kept as text, as given */
	assert_non_null(strstr(a.data, "\"updated\": \"2026-01-15\""));
	/* levels of a competency in ladder order, whatever the input order */
	assert_non_null(strstr(a.data, "\"levels\": {\n            \"IC1\": \"one\",\n            \"IC2\": \"two\"\n"));
	/* resolved titles: rubric, then the default "<level name> <role name>" */
	assert_non_null(strstr(a.data, "\"IC1\": \"R!\""));
	assert_non_null(strstr(a.data, "\"IC2\": \"M R\""));
	/* numbers as written */
	assert_non_null(strstr(a.data, "\"min_average\": 3.5"));
	assert_non_null(strstr(a.data, "\"min_each\": null"));
	assert_non_null(strstr(a.data, "\"rank\": 2"));
	/* keys in the documented order */
	const char *order[] = {"\"ladder\"", "\"id\"", "\"name\"", "\"title\"", "\"updated\"", "\"intro\"",
	                       "\"tracks\"", "\"groups\"", "\"roles\"", "\"promotion\"", "\"paths\""};
	const char *prev = a.data;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *at = strstr(prev, order[i]);
		assert_non_null(at);
		prev = at;
	}
	lc_buf_free(&a);
	lc_buf_free(&b);
	loaded_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_writer_layout),
		cmocka_unit_test(test_numbers_and_depth),
		cmocka_unit_test(test_model_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
