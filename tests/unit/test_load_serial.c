/* The one switch (ladderc/speed.h): under lc_set_serial(1) a load takes no
 * speed-only path — no second parse thread (src/yaml_split.c), no roles built
 * while parsing (src/load_stream.c), no pages given back (src/source_file.c)
 * — whatever ladder_limits asks for, and gives the model a plain load gives.
 * The same load with the switch off takes all three, so the counts below
 * (src/speed_taken.h) do see them. */
#include <stdint.h>

#include "test_support.h"
#include "ladderc/speed.h"
#include "model_same.h"
#include "scratch_file.h"
#include "speed_taken.h"
#include "yaml_tree.h"

/* A ladder of many roles, big enough to span many pages and for a line near
 * its middle to start a role; with `roles` roles. */
static void ladder_of_roles(lc_buf *b, int roles)
{
	lc_buf_puts(b, "ladder: 1\nid: big\nname: Big\n"
	               "tracks:\n"
	               "  - id: IC\n    name: IC\n    levels:\n"
	               "      - {id: IC1, name: Junior, title: \"Junior {role}\"}\n"
	               "      - {id: IC2, name: Senior}\n"
	               "groups:\n  - id: shared\n    name: Shared\n    competencies:\n"
	               "      - id: craft\n        name: Craft\n        levels:\n"
	               "          IC1: Does the work as the team's guide says.\n"
	               "roles:\n");
	for (int r = 0; r < roles; r++) {
		lc_buf_printf(b, "  - id: role-%d\n    name: \"Role #%d\"\n    family: Family %d\n    groups:\n", r, r, r % 3);
		lc_buf_printf(b, "      - id: g\n        name: Group\n        competencies:\n"
		                 "          - id: c\n            name: Competency\n            levels:\n"
		                 "              IC1: Plain text for role %d that is long enough to be kept where it was written.\n"
		                 "              IC2: \"Quoted text for role %d, with a \\\"quote\\\" and an escape: \\u00e9.\"\n",
		              r, r);
	}
	lc_buf_puts(b, "paths:\n  - {from: role-0, to: role-1, transferable: [Craft], gaps: [Judgement]}\n");
}

static void big_ladder(lc_buf *b)
{
	ladder_of_roles(b, 400);
}

static void write_scratch(const lc_buf *b)
{
	FILE *f = fopen(scratch_path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
	assert_int_equal(fclose(f), 0);
}

typedef struct taken {
	size_t second_threads, streams, releases, huge_pages;
} taken;

static taken taken_now(void)
{
	taken t = {atomic_load(&lc_speed_taken.second_threads), atomic_load(&lc_speed_taken.streams),
	           atomic_load(&lc_speed_taken.releases), atomic_load(&lc_speed_taken.huge_pages)};
	return t;
}

/* Loads the scratch file asking for every speed-only path; *released: the
 * bytes given back. */
static void load_asking_for_speed(lc_buf *out, size_t *released)
{
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.parallel_min = 0;
	lim.stream_min = 0;
	lim.release_min = 0;
	assert_int_equal(model_same_run(scratch_path, NULL, 0, &lim, 1, out, released), LADDER_OK);
	assert_false(lc_buf_failed(out));
}

static void test_serial_takes_no_speed_path(void **state)
{
	(void)state;
	lc_buf text = LC_BUF_INIT;
	big_ladder(&text);
	assert_false(lc_buf_failed(&text));
	write_scratch(&text);

	ladder_limits plain;
	ladder_limits_default(&plain);
	plain.parallel_min = SIZE_MAX;
	plain.stream_min = SIZE_MAX;
	lc_buf want = LC_BUF_INIT;
	assert_int_equal(model_same_run(scratch_path, NULL, 0, &plain, 1, &want, NULL), LADDER_OK);

	for (int serial = 1; serial >= 0; serial--) {
		lc_set_serial(serial);
		taken before = taken_now();
		lc_buf got = LC_BUF_INIT;
		size_t released = 0;
		load_asking_for_speed(&got, &released);
		taken after = taken_now();
		if (serial) {
			assert_int_equal(after.second_threads, before.second_threads);
			assert_int_equal(after.streams, before.streams);
			assert_int_equal(after.releases, before.releases);
			assert_int_equal(released, 0);
		} else {
			assert_true(after.second_threads > before.second_threads);
			assert_true(after.streams > before.streams);
			assert_true(after.releases > before.releases);
			assert_true(released > 0);
		}
		assert_int_equal(got.len, want.len);
		assert_memory_equal(got.data, want.data, want.len);
		lc_buf_free(&got);
	}
	lc_set_serial(0);
	lc_buf_free(&want);
	lc_buf_free(&text);
}

/* Huge pages (src/huge_pages.c) for a file of several megabytes: asked for
 * only with the switch off, and the model is the same either way. */
static void test_serial_takes_no_huge_pages(void **state)
{
	(void)state;
	lc_buf text = LC_BUF_INIT;
	ladder_of_roles(&text, 14000); /* about 5.5 MB: above LC_HUGE_MIN */
	assert_false(lc_buf_failed(&text));
	assert_true(text.len > ((size_t)4 << 20));
	write_scratch(&text);
	lc_buf want = LC_BUF_INIT;
	for (int serial = 1; serial >= 0; serial--) {
		lc_set_serial(serial);
		taken before = taken_now();
		lc_buf got = LC_BUF_INIT;
		size_t released = 0;
		load_asking_for_speed(&got, &released);
		taken after = taken_now();
		if (serial) {
			assert_int_equal(after.huge_pages, before.huge_pages);
			lc_buf_put(&want, got.data, got.len);
		} else {
			assert_true(after.huge_pages > before.huge_pages);
			assert_true(released > 0);
			assert_int_equal(got.len, want.len);
			assert_memory_equal(got.data, want.data, want.len);
		}
		lc_buf_free(&got);
	}
	lc_set_serial(0);
	lc_buf_free(&want);
	lc_buf_free(&text);
}

/* The parser itself: a split asked for by a test is not taken either. */
static void test_serial_parses_on_one_thread(void **state)
{
	(void)state;
	lc_buf text = LC_BUF_INIT;
	big_ladder(&text);
	assert_false(lc_buf_failed(&text));
	lc_source src;
	memset(&src, 0, sizeof src);
	src.path = "big.yaml";
	src.data = text.data;
	src.len = text.len;
	ladder_limits lim;
	ladder_limits_default(&lim);
	for (int serial = 1; serial >= 0; serial--) {
		lc_set_serial(serial);
		lc_arena *arena = lc_arena_new();
		assert_non_null(arena);
		lc_diags d;
		lc_diags_init(&d);
		lc_yt_node *root = NULL;
		int joined = -1;
		assert_int_equal(lc_yt_parse_split(arena, &src, &lim, &d, &root, SIZE_MAX, &joined), LC_YT_OK);
		assert_non_null(root);
		assert_int_equal(joined, !serial);
		lc_diags_free(&d);
		lc_arena_free(arena);
		free(src.lines);
		src.lines = NULL;
		src.nlines = 0;
	}
	lc_set_serial(0);
	lc_buf_free(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serial_takes_no_speed_path),
		cmocka_unit_test(test_serial_takes_no_huge_pages),
		cmocka_unit_test(test_serial_parses_on_one_thread),
	};
	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
