/* Private: word-by-word diff of two texts (Myers' O(ND) algorithm in linear
 * space), and the sequence diff it is built on, for `ladderc diff`.
 *
 * A text is cut into tokens: words (runs of letters, digits and non-ASCII
 * bytes), runs of white space, and runs of other punctuation. Every byte
 * belongs to exactly one token, so the segments of a result put back
 * together give both texts exactly. */
#ifndef LADDERC_WDIFF_H
#define LADDERC_WDIFF_H

#include <stddef.h>
#include <stdint.h>

/* One item of a sequence to compare: bytes and their hash (lc_wdiff_hash). */
typedef struct lc_wdiff_tok {
	const char *s;
	size_t len;
	uint64_t hash;
} lc_wdiff_tok;

uint64_t lc_wdiff_hash(const char *s, size_t len);

/* The longest common subsequence of a[0..na) and b[0..nb): sets keep_a[i]
 * (keep_b[j]) to 1 for the items that are kept, 0 for the ones deleted
 * (inserted). Memory is linear in na + nb. Returns 0, or -1 when out of memory. */
int lc_wdiff_lcs(const lc_wdiff_tok *a, size_t na, const lc_wdiff_tok *b, size_t nb,
              unsigned char *keep_a, unsigned char *keep_b);

/* A piece of the word diff. An unchanged piece has the same bytes at
 * a[a_off..a_off+a_len) and b[b_off..b_off+b_len). A changed piece replaces
 * a[a_off..+a_len) (may be empty: a pure insertion) by b[b_off..+b_len)
 * (may be empty: a pure deletion). */
typedef struct lc_wdiff_seg {
	int changed;
	size_t a_off, a_len;
	size_t b_off, b_len;
} lc_wdiff_seg;

typedef struct lc_wdiff_result {
	lc_wdiff_seg *segs;
	size_t nsegs;
	size_t cap;
	size_t words_deleted;   /* word tokens only (not space or punctuation) */
	size_t words_inserted;
} lc_wdiff_result;

/* Diffs text a against text b word by word. Changes separated only by white
 * space are joined into one, so a rewritten phrase reads as one replacement.
 * Returns 0, or -1 when out of memory (free the result either way). */
int lc_wdiff_text(const char *a, size_t alen, const char *b, size_t blen, lc_wdiff_result *out);
void lc_wdiff_free(lc_wdiff_result *r);

/* Splits text into tokens; *out is malloc'd (free it). Returns the count, or
 * (size_t)-1 when out of memory. */
size_t lc_wdiff_tokenize(const char *s, size_t len, lc_wdiff_tok **out);

#endif
