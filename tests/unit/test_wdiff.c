/* wdiff: the word diff reconstructs both texts exactly, finds a shortest
 * edit, joins changes separated by white space, and stays linear in memory
 * (checked on large inputs, which would need gigabytes otherwise). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/buf.h"
#include "wdiff.h"

/* Renders a result as git --word-diff=plain does: [-old-]{+new+}. */
static char *render(const char *a, const char *b)
{
	lc_wdiff_result r;
	assert_int_equal(lc_wdiff_text(a, strlen(a), b, strlen(b), &r), 0);
	lc_buf out = LC_BUF_INIT;
	for (size_t i = 0; i < r.nsegs; i++) {
		const lc_wdiff_seg *s = &r.segs[i];
		if (!s->changed) {
			assert_int_equal(s->a_len, s->b_len);
			assert_memory_equal(a + s->a_off, b + s->b_off, s->a_len);
			lc_buf_put(&out, a + s->a_off, s->a_len);
			continue;
		}
		if (s->a_len) {
			lc_buf_puts(&out, "[-");
			lc_buf_put(&out, a + s->a_off, s->a_len);
			lc_buf_puts(&out, "-]");
		}
		if (s->b_len) {
			lc_buf_puts(&out, "{+");
			lc_buf_put(&out, b + s->b_off, s->b_len);
			lc_buf_puts(&out, "+}");
		}
	}
	lc_wdiff_free(&r);
	lc_buf_putc(&out, '\0');
	return out.data;
}

/* Puts back the old (side 0) or new (side 1) text from the segments. */
static void check_reconstructs(const char *a, size_t alen, const char *b, size_t blen)
{
	lc_wdiff_result r;
	assert_int_equal(lc_wdiff_text(a, alen, b, blen, &r), 0);
	lc_buf oa = LC_BUF_INIT, ob = LC_BUF_INIT;
	size_t apos = 0, bpos = 0;
	for (size_t i = 0; i < r.nsegs; i++) {
		const lc_wdiff_seg *s = &r.segs[i];
		assert_int_equal(s->a_off, apos);
		assert_int_equal(s->b_off, bpos);
		lc_buf_put(&oa, a + s->a_off, s->a_len);
		lc_buf_put(&ob, b + s->b_off, s->b_len);
		apos += s->a_len;
		bpos += s->b_len;
	}
	assert_int_equal(oa.len, alen);
	assert_int_equal(ob.len, blen);
	if (alen)
		assert_memory_equal(oa.data, a, alen);
	if (blen)
		assert_memory_equal(ob.data, b, blen);
	lc_buf_free(&oa);
	lc_buf_free(&ob);
	lc_wdiff_free(&r);
}

#define EXPECT(a, b, want)                        \
	do {                                          \
		char *got = render(a, b);                 \
		assert_string_equal(got, want);           \
		free(got);                                \
	} while (0)

static void one_word_replaced(void **state)
{
	(void)state;
	EXPECT("Writes documents that get teams to agree.", "Writes memos that get teams to agree.",
	       "Writes [-documents-]{+memos+} that get teams to agree.");
}

static void insertion_and_deletion(void **state)
{
	(void)state;
	EXPECT("a b c", "a b x c", "a b {+x +}c");
	EXPECT("a b c", "a c", "a [-b -]c");
	EXPECT("", "new text", "{+new text+}");
	EXPECT("old text", "", "[-old text-]");
	EXPECT("same", "same", "same");
}

static void punctuation_is_its_own_token(void **state)
{
	(void)state;
	EXPECT("Ships on time.", "Ships on time!", "Ships on time[-.-]{+!+}");
	EXPECT("team,", "team", "team[-,-]");
}

static void changes_split_by_space_are_joined(void **state)
{
	(void)state;
	/* not [-a-]{+x+} [-b-]{+y+}: one phrase replaced */
	EXPECT("keep a b keep", "keep x y keep", "keep [-a b-]{+x y+} keep");
}

static void reconstructs_exactly(void **state)
{
	(void)state;
	static const char *texts[] = {
		"", " ", "a", "  lead and  trail  ", "x\n\ny", "\xC3\xA9t\xC3\xA9 caf\xC3\xA9", "a,b;c.d",
		"The quick brown fox jumps over the lazy dog.", "the lazy dog jumps over the quick brown fox",
	};
	size_t n = sizeof texts / sizeof texts[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			check_reconstructs(texts[i], strlen(texts[i]), texts[j], strlen(texts[j]));
	/* NUL bytes are text like any other */
	check_reconstructs("a\0b c", 5, "a\0c c", 5);
}

/* The LCS is a longest one: compare its length with dynamic programming on
 * random sequences over a small alphabet. */
static void lcs_is_longest(void **state)
{
	(void)state;
	uint32_t seed = 12345;
	for (int round = 0; round < 300; round++) {
		lc_wdiff_tok a[40], b[40];
		size_t na = 0, nb = 0;
		static const char *alpha[] = {"a", "b", "c", "d"};
		seed = seed * 1103515245u + 12345u;
		na = (seed >> 16) % 40;
		seed = seed * 1103515245u + 12345u;
		nb = (seed >> 16) % 40;
		for (size_t i = 0; i < na; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *s = alpha[(seed >> 16) % 4];
			a[i] = (lc_wdiff_tok){s, 1, lc_wdiff_hash(s, 1)};
		}
		for (size_t i = 0; i < nb; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *s = alpha[(seed >> 16) % 4];
			b[i] = (lc_wdiff_tok){s, 1, lc_wdiff_hash(s, 1)};
		}
		unsigned char ka[41], kb[41];
		assert_int_equal(lc_wdiff_lcs(a, na, b, nb, ka, kb), 0);
		/* the kept items pair up in order and are equal */
		size_t i = 0, j = 0, kept = 0;
		for (;;) {
			while (i < na && !ka[i])
				i++;
			while (j < nb && !kb[j])
				j++;
			if (i == na || j == nb)
				break;
			assert_int_equal(a[i].s[0], b[j].s[0]);
			i++;
			j++;
			kept++;
		}
		for (; i < na; i++)
			assert_false(ka[i]);
		for (; j < nb; j++)
			assert_false(kb[j]);
		size_t dp[41][41];
		for (size_t x = 0; x <= na; x++)
			for (size_t y = 0; y <= nb; y++) {
				if (!x || !y)
					dp[x][y] = 0;
				else if (a[x - 1].s[0] == b[y - 1].s[0])
					dp[x][y] = dp[x - 1][y - 1] + 1;
				else
					dp[x][y] = dp[x - 1][y] > dp[x][y - 1] ? dp[x - 1][y] : dp[x][y - 1];
			}
		assert_int_equal(kept, dp[na][nb]);
	}
}

/* 200,000 words against a version with every 100th word changed: quadratic
 * memory would need tens of gigabytes; linear memory is a few megabytes. */
static void large_texts(void **state)
{
	(void)state;
	size_t words = 200000;
	lc_buf a = LC_BUF_INIT, b = LC_BUF_INIT;
	for (size_t i = 0; i < words; i++) {
		lc_buf_printf(&a, "w%zu ", i);
		if (i % 100 == 0)
			lc_buf_printf(&b, "x%zu ", i);
		else
			lc_buf_printf(&b, "w%zu ", i);
	}
	lc_wdiff_result r;
	assert_int_equal(lc_wdiff_text(a.data, a.len, b.data, b.len, &r), 0);
	assert_int_equal(r.words_deleted, words / 100);
	assert_int_equal(r.words_inserted, words / 100);
	lc_wdiff_free(&r);
	check_reconstructs(a.data, a.len, b.data, b.len);
	lc_buf_free(&a);
	lc_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_word_replaced),
		cmocka_unit_test(insertion_and_deletion),
		cmocka_unit_test(punctuation_is_its_own_token),
		cmocka_unit_test(changes_split_by_space_are_joined),
		cmocka_unit_test(reconstructs_exactly),
		cmocka_unit_test(lcs_is_longest),
		cmocka_unit_test(large_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
