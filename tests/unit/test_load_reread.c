/* A load that gave bytes back (src/source_file.c) and must read them again
 * says so when it cannot: "the file changed while ladderc was reading it",
 * an I/O error, never a model or messages made from other bytes. The file
 * reads back short here because this executable's pread() does when told
 * to: the library is linked into it, so its calls come here. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

#include "test_support.h"
#include "ladderc/buf.h"
#include "scratch_file.h"
#include "source_file.h"

static int short_reads; /* pread() finds the file ended */

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	if (short_reads)
		return 0;
	static ssize_t (*real)(int, void *, size_t, off_t);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "pread");
	return real(fd, buf, n, off);
}

/* Roles with long expectations (many pages of them), the last one with a
 * misspelt key: the streamed load meets it after giving the others back. */
static void write_ladder(int bad_last)
{
	lc_buf b = LC_BUF_INIT;
	lc_buf_puts(&b, "ladder: 1\nid: t\nname: T\ntracks:\n  - id: IC\n    name: IC\n    levels:\n"
	                "      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\nroles:\n");
	for (int r = 0; r < 80; r++) {
		lc_buf_printf(&b, "  - id: role-%d\n    name: Role %d\n%s    groups:\n      - id: g\n        name: G\n"
		                  "        competencies:\n",
		              r, r, bad_last && r == 79 ? "    famly: X\n" : "");
		for (int c = 0; c < 6; c++)
			lc_buf_printf(&b, "          - id: c%d\n            name: C%d\n            levels:\n"
			                  "              IC1: Keeps the service %d of role %d running as the runbook says, every week of the year.\n"
			                  "              IC2: Changes the runbook of service %d when the team learns something new about it.\n",
			              c, c, c, r, c);
	}
	assert_false(lc_buf_failed(&b));
	FILE *f = fopen(scratch_path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b.data, 1, b.len, f), b.len);
	assert_int_equal(fclose(f), 0);
	lc_buf_free(&b);
}

static void load(ladder_status want_status, const char *want_message)
{
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.release_min = 0;
	lim.parallel_min = SIZE_MAX; /* one thread: what is given back is certain */
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	assert_int_equal(ladder_load_file(scratch_path, &lim, &d, &l), want_status);
	int found = 0;
	for (size_t i = 0; i < d.count; i++)
		found |= strstr(d.items[i].message, want_message) != NULL;
	if (!found)
		fail_msg("no diagnostic says '%s'", want_message);
	ladder_free(l);
	lc_diags_free(&d);
}

/* The error in the last role makes the load start again from the whole
 * file, which no longer reads back. */
static void test_start_again_cannot_read(void **state)
{
	(void)state;
	write_ladder(1);
	load(LADDER_INVALID, "unknown key 'famly'"); /* as it should be */
	short_reads = 1;
	load(LADDER_IO, "the file changed while ladderc was reading it; run ladderc again");
	short_reads = 0;
}

/* Nothing to read again: the load does not notice. */
static void test_nothing_to_read_again(void **state)
{
	(void)state;
	write_ladder(0);
	short_reads = 1;
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.release_min = 0;
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	assert_int_equal(ladder_load_file(scratch_path, &lim, &d, &l), LADDER_OK);
	short_reads = 0;
	assert_true(lc_source_released(l->sources[0]) > 0);
	assert_int_equal(lc_source_read_error(l->sources[0]), 0);
	ladder_free(l);
	lc_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_again_cannot_read),
		cmocka_unit_test(test_nothing_to_read_again),
	};
	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
