/* lc_buf's sink: output of any size through a bounded buffer, and every page
 * of the site rendered through a tiny one is byte-identical to the page
 * rendered whole (the emitters never read back what they appended). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/buf.h"
#include "ladderc/load.h"
#include "ladderc/site.h"

/* collects what the sink is handed, and how many calls */
typedef struct collect {
	lc_buf all;
	size_t calls;
	size_t largest;
	int fail_at; /* fail on this call (1-based), 0: never */
} collect;

static int collect_sink(void *ctx, const char *p, size_t n)
{
	collect *c = ctx;
	c->calls++;
	if (c->fail_at && (int)c->calls == c->fail_at)
		return -1;
	if (n > c->largest)
		c->largest = n;
	lc_buf_put(&c->all, p, n);
	return 0;
}

static void sink_bounds_the_buffer(void **state)
{
	(void)state;
	collect c = {LC_BUF_INIT, 0, 0, 0};
	lc_buf b = LC_BUF_INIT;
	lc_buf_set_sink(&b, collect_sink, &c, 64);
	lc_buf expect = LC_BUF_INIT;
	for (int i = 0; i < 1000; i++) {
		lc_buf_printf(&b, "line %d;", i);
		lc_buf_printf(&expect, "line %d;", i);
		lc_buf_putc(&b, 'x');
		lc_buf_putc(&expect, 'x');
		assert_true(b.len <= 64 + 16);
	}
	assert_int_equal(lc_buf_flush(&b), 0);
	assert_int_equal(b.len, 0);
	assert_true(c.calls > 100);
	assert_true(c.largest <= 64 + 16);
	assert_int_equal(c.all.len, expect.len);
	assert_memory_equal(c.all.data, expect.data, expect.len);
	/* a flush with nothing buffered calls nobody */
	size_t calls = c.calls;
	assert_int_equal(lc_buf_flush(&b), 0);
	assert_int_equal(c.calls, calls);
	lc_buf_free(&b);
	lc_buf_free(&expect);
	lc_buf_free(&c.all);
}

static void sink_failure_is_sticky(void **state)
{
	(void)state;
	collect c = {LC_BUF_INIT, 0, 0, 2};
	lc_buf b = LC_BUF_INIT;
	lc_buf_set_sink(&b, collect_sink, &c, 16);
	for (int i = 0; i < 10; i++)
		lc_buf_puts(&b, "0123456789");
	assert_true(lc_buf_failed(&b));
	assert_int_equal(lc_buf_flush(&b), -1);
	assert_int_equal(c.calls, 2); /* nothing more after the failure */
	lc_buf_free(&b);
	lc_buf_free(&c.all);
}

static void site_pages_stream_identically(void **state)
{
	(void)state;
	const char *ladders[] = {"ladders/sequence.yaml", "ladders/example/ladder.yaml"};
	for (size_t k = 0; k < sizeof ladders / sizeof ladders[0]; k++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", LADDERC_SOURCE_DIR, ladders[k]);
		lc_diags d;
		lc_diags_init(&d);
		ladder *l = NULL;
		assert_int_equal(ladder_load_file(path, NULL, &d, &l), LADDER_OK);
		lc_diags_free(&d);
		lc_site_page *pages = NULL;
		size_t n = 0;
		assert_int_equal(lc_site_pages(l, LC_SITE_ALL, &pages, &n), 0);
		assert_true(n >= 4);
		for (size_t i = 0; i < n; i++) {
			lc_buf whole = LC_BUF_INIT;
			assert_int_equal(lc_site_render(l, &pages[i], &whole), 0);
			collect c = {LC_BUF_INIT, 0, 0, 0};
			lc_buf streamed = LC_BUF_INIT;
			lc_buf_set_sink(&streamed, collect_sink, &c, 7);
			assert_int_equal(lc_site_render(l, &pages[i], &streamed), 0);
			assert_int_equal(lc_buf_flush(&streamed), 0);
			assert_true(c.calls > 1);
			assert_int_equal(c.all.len, whole.len);
			assert_memory_equal(c.all.data, whole.data, whole.len);
			lc_buf_free(&whole);
			lc_buf_free(&streamed);
			lc_buf_free(&c.all);
		}
		free(pages);
		ladder_free(l);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sink_bounds_the_buffer),
		cmocka_unit_test(sink_failure_is_sticky),
		cmocka_unit_test(site_pages_stream_identically),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
