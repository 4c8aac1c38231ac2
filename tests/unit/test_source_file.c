/* Sources that give pages back (src/source_file.c): the bytes read again
 * from the file are the bytes that were there; lines are indexed and quoted
 * across released pages, with breaks of every kind across the index's
 * chunks; a file that changed is never read again; the second parse thread
 * keeps off what the first has read. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"
#include "huge_pages.h"
#include "ladderc/speed.h"
#include "scratch_file.h"
#include "source_file.h"

/* A text of about n bytes whose lines end in every kind of break, with
 * breaks of each kind straddling the line index's 256 KiB chunks. */
static char *make_text(size_t n)
{
	static const char *const breaks[] = {"\n", "\r\n", "\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"};
	char *t = malloc(n);
	assert_non_null(t);
	unsigned seed = 7;
	size_t i = 0;
	while (i < n) {
		seed = seed * 1103515245u + 12345u;
		size_t len = 1 + (seed >> 16) % 90;
		for (size_t k = 0; k < len && i < n; k++)
			t[i++] = (char)('a' + k % 26);
		const char *br = breaks[(seed >> 8) % 6];
		for (size_t k = 0; br[k] && i < n; k++)
			t[i++] = br[k];
	}
	static const size_t chunk = 256 * 1024;
	for (size_t c = chunk, b = 1; c + 8 < n; c += chunk, b = b % 5 + 1)
		memcpy(t + c - 1, breaks[b], strlen(breaks[b])); /* starts one byte before the chunk's end */
	return t;
}

static void write_file(const char *text, size_t n)
{
	FILE *f = fopen(scratch_path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* src over a copy of `text` read "from" the file at `scratch_path`. */
static void open_source(lc_source *src, const char *text, size_t n)
{
	memset(src, 0, sizeof *src);
	src->path = scratch_path;
	char *data = malloc(n);
	assert_non_null(data);
	memcpy(data, text, n);
	src->data = data;
	src->len = n;
	int fd = open(scratch_path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(lc_source_attach_file(src, fd), 0);
	assert_non_null(src->file);
}

static void close_source(lc_source *src)
{
	lc_source_detach_file(src);
	free((char *)src->data);
	free(src->lines);
}

static void test_release_and_read_again(void **state)
{
	(void)state;
	size_t n = 700 * 1000;
	char *text = make_text(n);
	write_file(text, n);
	lc_source plain = {scratch_path, text, n, NULL, 0, 0, NULL};
	lc_source src;
	open_source(&src, text, n);
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	lc_source_release(&src, 1000, n - 1000, 0);
	size_t released = lc_source_released(&src);
	assert_true(released >= n - 2000 - 2 * page && released <= n - 2000);
	/* read without keeping */
	char *copy = malloc(n);
	assert_non_null(copy);
	assert_int_equal(lc_source_copy_out(&src, 0, n, copy), 0);
	assert_memory_equal(copy, text, n);
	assert_int_equal(lc_source_released(&src), released);
	/* every line, as the index of the source that kept its bytes has it */
	size_t len_a, len_b;
	assert_non_null(lc_source_line(&plain, 1, &len_a));
	assert_non_null(lc_source_line(&src, 1, &len_b));
	assert_int_equal(src.nlines, plain.nlines);
	assert_memory_equal(src.lines, plain.lines, plain.nlines * sizeof *plain.lines);
	assert_int_equal(lc_source_released(&src), released); /* indexing keeps nothing */
	for (uint32_t line = 1; line <= plain.nlines; line += 997) {
		const char *a = lc_source_line(&plain, line, &len_a);
		const char *b = lc_source_line(&src, line, &len_b);
		assert_non_null(b);
		assert_int_equal(len_a, len_b);
		assert_memory_equal(a, b, len_a);
		lc_mark ma = lc_source_mark_at(&plain, plain.lines[line - 1] + len_a / 2);
		lc_mark mb = lc_source_mark_at(&src, plain.lines[line - 1] + len_a / 2);
		assert_int_equal(ma.line, mb.line);
		assert_int_equal(ma.col, mb.col);
	}
	/* only the quoted lines' pages came back */
	assert_true(lc_source_released(&src) < released);
	assert_true(lc_source_released(&src) > released / 2);
	assert_int_equal(lc_source_fetch(&src, 0, n), 0);
	assert_int_equal(lc_source_released(&src), 0);
	assert_memory_equal(src.data, text, n);
	free(plain.lines);
	free(copy);
	close_source(&src);
	free(text);
}

/* Bytes the first parser has read (lc_source_fetch_fed) stay. */
static void test_unfed(void **state)
{
	(void)state;
	size_t n = 200 * 1000, page = (size_t)sysconf(_SC_PAGESIZE);
	char *text = make_text(n);
	write_file(text, n);
	lc_source src;
	open_source(&src, text, n);
	assert_int_equal(lc_source_fetch_fed(&src, 0, n / 2), 0);
	lc_source_release(&src, 0, n, 1);
	size_t released = lc_source_released(&src);
	assert_true(released > 0 && released <= n / 2);
	assert_true(released + 2 * page >= n / 2);
	/* the first parser's own thread gives back what it likes */
	lc_source_release(&src, 0, n, 0);
	assert_true(lc_source_released(&src) > n - 2 * page);
	assert_int_equal(lc_source_fetch(&src, 0, n), 0);
	assert_memory_equal(src.data, text, n);
	close_source(&src);
	free(text);
}

/* A buffer of several megabytes (on huge pages, src/huge_pages.c) is given
 * back a whole huge page at a time, once none of that huge page's bytes is
 * still in use; a page fetched (a quoted line) is in use again until it is
 * released again. Under
 * lc_set_serial(1) small pages go back as before. */
static void test_huge_units(void **state)
{
	(void)state;
	size_t n = 9 << 20, page = (size_t)sysconf(_SC_PAGESIZE);
	char *text = make_text(n);
	write_file(text, n);
	lc_source src;
	open_source(&src, text, n);
	/* u: the offset of the second huge page wholly inside the buffer */
	uintptr_t at = (uintptr_t)src.data;
	size_t u = (size_t)(((at + LC_HUGE_PAGE - 1) & ~(uintptr_t)(LC_HUGE_PAGE - 1)) - at) + LC_HUGE_PAGE;

	/* half of a huge page: nothing goes back yet */
	lc_source_release(&src, 0, u + LC_HUGE_PAGE / 2, 0);
	assert_int_equal(lc_source_released(&src), LC_HUGE_PAGE); /* the first whole one */
	/* a line in the second is quoted: its page is in use again */
	size_t len;
	lc_mark m = lc_source_mark_at(&src, u + 1000);
	assert_non_null(lc_source_line(&src, m.line, &len));
	/* the rest of the second huge page is done, but not that page */
	lc_source_release(&src, u + LC_HUGE_PAGE / 2, u + LC_HUGE_PAGE + page, 0);
	assert_int_equal(lc_source_released(&src), LC_HUGE_PAGE);
	/* released again, the second goes back whole */
	lc_source_release(&src, u, u + LC_HUGE_PAGE + page, 0);
	assert_int_equal(lc_source_released(&src), 2 * LC_HUGE_PAGE);
	/* read back: a quoted line brings back its small pages only */
	assert_non_null(lc_source_line(&src, m.line, &len));
	assert_true(lc_source_released(&src) >= 2 * LC_HUGE_PAGE - 2 * page);
	assert_int_equal(lc_source_fetch(&src, 0, n), 0);
	assert_int_equal(lc_source_released(&src), 0);
	assert_memory_equal(src.data, text, n);
	close_source(&src);

	lc_set_serial(1);
	open_source(&src, text, n);
	lc_source_release(&src, 0, u + LC_HUGE_PAGE / 2, 0);
	assert_true(lc_source_released(&src) > LC_HUGE_PAGE + LC_HUGE_PAGE / 4);
	close_source(&src);
	lc_set_serial(0);
	free(text);
}

/* A file changed since it was read is not read again: no line is quoted
 * from it, and a fetch says why. */
static void test_changed_file(void **state)
{
	(void)state;
	size_t n = 100 * 1000;
	char *text = make_text(n);
	write_file(text, n);
	lc_source src;
	open_source(&src, text, n);
	size_t len;
	assert_non_null(lc_source_line(&src, 1, &len)); /* the index, from the whole file */
	lc_source_release(&src, 0, n, 0);
	assert_true(lc_source_released(&src) > 0);
	/* same size, other bytes, another modification time */
	char *other = malloc(n);
	assert_non_null(other);
	memset(other, 'x', n);
	int fd = open(scratch_path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, other, n, 0), (ssize_t)n);
	struct timespec times[2] = {{0, UTIME_OMIT}, {1, 0}};
	assert_int_equal(futimens(fd, times), 0);
	close(fd);
	assert_null(lc_source_line(&src, (uint32_t)src.nlines / 2, &len));
	errno = 0;
	assert_int_equal(lc_source_fetch(&src, 0, n), -1);
	assert_int_equal(errno, ESTALE);
	char *copy = malloc(n);
	assert_non_null(copy);
	assert_int_equal(lc_source_copy_out(&src, 0, n, copy), -1);
	/* shorter than it was */
	assert_int_equal(truncate(scratch_path, 10), 0);
	assert_int_equal(lc_source_fetch(&src, 0, n), -1);
	free(copy);
	free(other);
	close_source(&src);
	free(text);
}

/* Only a regular file of the buffer's length backs it. */
static void test_attach_refused(void **state)
{
	(void)state;
	write_file("ladder: 1\n", 10);
	lc_source src = {scratch_path, "ladder: 1\nmore", 14, NULL, 0, 0, NULL};
	int fd = open(scratch_path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(lc_source_attach_file(&src, fd), -1);
	assert_null(src.file);
	assert_int_equal(fcntl(fd, F_GETFD), -1); /* closed */
	int p[2];
	assert_int_equal(pipe(p), 0);
	src.len = 10;
	assert_int_equal(lc_source_attach_file(&src, p[0]), -1);
	close(p[1]);
	/* without a file, everything stays and nothing is read */
	lc_source_release(&src, 0, src.len, 0);
	assert_int_equal(lc_source_released(&src), 0);
	assert_int_equal(lc_source_fetch(&src, 0, src.len), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_and_read_again),
		cmocka_unit_test(test_unfed),
		cmocka_unit_test(test_huge_units),
		cmocka_unit_test(test_changed_file),
		cmocka_unit_test(test_attach_refused),
	};
	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
