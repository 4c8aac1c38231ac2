/* Word diff: Myers' O(ND) difference algorithm with the middle-snake
 * bisection, so memory stays linear in the input (two diagonal vectors,
 * allocated once and reused by every recursive step). */
#include "wdiff.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

uint64_t lc_wdiff_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

/* ---- tokens -------------------------------------------------------------- */

enum { TOK_WORD, TOK_SPACE, TOK_PUNCT };

static int byte_class(unsigned char c)
{
	if (lc_text_is_ascii_alnum(c) || c >= 0x80)
		return TOK_WORD;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return TOK_SPACE;
	return TOK_PUNCT;
}

size_t lc_wdiff_tokenize(const char *s, size_t len, lc_wdiff_tok **out)
{
	*out = NULL;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		int k = byte_class((unsigned char)s[i]);
		while (i < len && byte_class((unsigned char)s[i]) == k)
			i++;
		n++;
	}
	if (n == 0)
		return 0;
	lc_wdiff_tok *t = malloc(n * sizeof *t);
	if (!t)
		return (size_t)-1;
	n = 0;
	for (size_t i = 0; i < len;) {
		size_t start = i;
		int k = byte_class((unsigned char)s[i]);
		while (i < len && byte_class((unsigned char)s[i]) == k)
			i++;
		t[n].s = s + start;
		t[n].len = i - start;
		t[n].hash = lc_wdiff_hash(t[n].s, t[n].len);
		n++;
	}
	*out = t;
	return n;
}

/* ---- longest common subsequence ------------------------------------------ */

typedef struct lcs_ctx {
	const lc_wdiff_tok *a, *b;
	unsigned char *keep_a, *keep_b;
	ptrdiff_t *v1, *v2;     /* forward and reverse furthest x per diagonal */
	size_t budget;          /* snake steps left before we settle for less */
} lcs_ctx;

static int tok_eq(const lc_wdiff_tok *x, const lc_wdiff_tok *y)
{
	return x->hash == y->hash && x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

static void lcs_range(lcs_ctx *c, ptrdiff_t a0, ptrdiff_t a1, ptrdiff_t b0, ptrdiff_t b1);

/* Finds a point on an optimal path through a[a0..a1) x b[b0..b1) (both
 * non-empty, no common prefix or suffix) and recurses on both halves. */
static void bisect(lcs_ctx *c, ptrdiff_t a0, ptrdiff_t a1, ptrdiff_t b0, ptrdiff_t b1)
{
	const lc_wdiff_tok *a = c->a + a0, *b = c->b + b0;
	ptrdiff_t n = a1 - a0, m = b1 - b0;
	ptrdiff_t max_d = (n + m + 1) / 2;
	ptrdiff_t off = max_d, vlen = 2 * max_d + 2;
	ptrdiff_t *v1 = c->v1, *v2 = c->v2;
	for (ptrdiff_t i = 0; i < vlen; i++)
		v1[i] = v2[i] = -1;
	v1[off + 1] = 0;
	v2[off + 1] = 0;
	ptrdiff_t delta = n - m;
	int front = (delta % 2) != 0; /* odd delta: paths meet on a forward step */
	ptrdiff_t k1start = 0, k1end = 0, k2start = 0, k2end = 0;
	for (ptrdiff_t d = 0; d < max_d; d++) {
		if (c->budget == 0)
			break;
		for (ptrdiff_t k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
			ptrdiff_t k1o = off + k1, x1;
			if (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1]))
				x1 = v1[k1o + 1];
			else
				x1 = v1[k1o - 1] + 1;
			ptrdiff_t y1 = x1 - k1;
			while (x1 < n && y1 < m && tok_eq(&a[x1], &b[y1])) {
				x1++;
				y1++;
			}
			c->budget -= c->budget > 0;
			v1[k1o] = x1;
			if (x1 > n) {
				k1end += 2;
			} else if (y1 > m) {
				k1start += 2;
			} else if (front) {
				ptrdiff_t k2o = off + delta - k1;
				if (k2o >= 0 && k2o < vlen && v2[k2o] != -1 && x1 >= n - v2[k2o]) {
					lcs_range(c, a0, a0 + x1, b0, b0 + y1);
					lcs_range(c, a0 + x1, a1, b0 + y1, b1);
					return;
				}
			}
		}
		for (ptrdiff_t k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
			ptrdiff_t k2o = off + k2, x2;
			if (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1]))
				x2 = v2[k2o + 1];
			else
				x2 = v2[k2o - 1] + 1;
			ptrdiff_t y2 = x2 - k2;
			while (x2 < n && y2 < m && tok_eq(&a[n - x2 - 1], &b[m - y2 - 1])) {
				x2++;
				y2++;
			}
			c->budget -= c->budget > 0;
			v2[k2o] = x2;
			if (x2 > n) {
				k2end += 2;
			} else if (y2 > m) {
				k2start += 2;
			} else if (!front) {
				ptrdiff_t k1o = off + delta - k2;
				if (k1o >= 0 && k1o < vlen && v1[k1o] != -1) {
					ptrdiff_t x1 = v1[k1o];
					ptrdiff_t y1 = off + x1 - k1o;
					if (x1 >= n - x2) {
						lcs_range(c, a0, a0 + x1, b0, b0 + y1);
						lcs_range(c, a0 + x1, a1, b0 + y1, b1);
						return;
					}
				}
			}
		}
	}
	/* Nothing in common (or the budget ran out: a correct, if longer, diff). */
	for (ptrdiff_t i = a0; i < a1; i++)
		c->keep_a[i] = 0;
	for (ptrdiff_t j = b0; j < b1; j++)
		c->keep_b[j] = 0;
}

static void lcs_range(lcs_ctx *c, ptrdiff_t a0, ptrdiff_t a1, ptrdiff_t b0, ptrdiff_t b1)
{
	while (a0 < a1 && b0 < b1 && tok_eq(&c->a[a0], &c->b[b0])) {
		c->keep_a[a0++] = 1;
		c->keep_b[b0++] = 1;
	}
	while (a0 < a1 && b0 < b1 && tok_eq(&c->a[a1 - 1], &c->b[b1 - 1])) {
		c->keep_a[--a1] = 1;
		c->keep_b[--b1] = 1;
	}
	if (a0 == a1 || b0 == b1) {
		for (ptrdiff_t i = a0; i < a1; i++)
			c->keep_a[i] = 0;
		for (ptrdiff_t j = b0; j < b1; j++)
			c->keep_b[j] = 0;
		return;
	}
	bisect(c, a0, a1, b0, b1);
}

int lc_wdiff_lcs(const lc_wdiff_tok *a, size_t na, const lc_wdiff_tok *b, size_t nb,
              unsigned char *keep_a, unsigned char *keep_b)
{
	size_t vlen = na + nb + 4;
	lcs_ctx c = {a, b, keep_a, keep_b, NULL, NULL, 0};
	c.v1 = malloc(vlen * sizeof *c.v1);
	c.v2 = malloc(vlen * sizeof *c.v2);
	if (!c.v1 || !c.v2) {
		free(c.v1);
		free(c.v2);
		return -1;
	}
	/* A bound on work keeps hostile input (two huge unrelated texts) from
	 * costing O(N*D): past it the rest is reported as replaced. */
	c.budget = 4000000 + 64 * (na + nb);
	lcs_range(&c, 0, (ptrdiff_t)na, 0, (ptrdiff_t)nb);
	free(c.v1);
	free(c.v2);
	return 0;
}

/* ---- word diff ----------------------------------------------------------- */

static int push_seg(lc_wdiff_result *r, int changed, size_t a_off, size_t a_len, size_t b_off, size_t b_len)
{
	if (r->nsegs == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		lc_wdiff_seg *s = realloc(r->segs, cap * sizeof *s);
		if (!s)
			return -1;
		r->segs = s;
		r->cap = cap;
	}
	r->segs[r->nsegs++] = (lc_wdiff_seg){changed, a_off, a_len, b_off, b_len};
	return 0;
}

static int all_space(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (byte_class((unsigned char)s[i]) != TOK_SPACE)
			return 0;
	return 1;
}

int lc_wdiff_text(const char *a, size_t alen, const char *b, size_t blen, lc_wdiff_result *out)
{
	memset(out, 0, sizeof *out);
	lc_wdiff_tok *ta = NULL, *tb = NULL;
	unsigned char *keep = NULL;
	int rc = -1;
	size_t na = lc_wdiff_tokenize(a, alen, &ta);
	size_t nb = lc_wdiff_tokenize(b, blen, &tb);
	if (na == (size_t)-1 || nb == (size_t)-1)
		goto done;
	keep = malloc(na + nb + 1);
	if (!keep || lc_wdiff_lcs(ta, na, tb, nb, keep, keep + na) < 0)
		goto done;

	/* Walk both token lists: kept tokens pair up in order; the runs of
	 * deleted and inserted tokens between them form one changed piece. */
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		if (i < na && j < nb && keep[i] && keep[na + j]) {
			size_t ai = i, bj = j;
			while (i < na && j < nb && keep[i] && keep[na + j]) {
				i++;
				j++;
			}
			size_t aoff = (size_t)(ta[ai].s - a), boff = (size_t)(tb[bj].s - b);
			size_t len = (size_t)(ta[i - 1].s + ta[i - 1].len - a) - aoff;
			if (push_seg(out, 0, aoff, len, boff, len) < 0)
				goto done;
			continue;
		}
		size_t aoff = i < na ? (size_t)(ta[i].s - a) : alen;
		size_t boff = j < nb ? (size_t)(tb[j].s - b) : blen;
		size_t aend = aoff, bend = boff;
		while (i < na && !keep[i]) {
			aend = (size_t)(ta[i].s + ta[i].len - a);
			out->words_deleted += byte_class((unsigned char)ta[i].s[0]) == TOK_WORD;
			i++;
		}
		while (j < nb && !keep[na + j]) {
			bend = (size_t)(tb[j].s + tb[j].len - b);
			out->words_inserted += byte_class((unsigned char)tb[j].s[0]) == TOK_WORD;
			j++;
		}
		/* change, white space, change: one change reads better */
		if (out->nsegs >= 2 && out->segs[out->nsegs - 2].changed) {
			lc_wdiff_seg *eq = &out->segs[out->nsegs - 1];
			if (!eq->changed && all_space(a + eq->a_off, eq->a_len)) {
				out->nsegs -= 2;
				lc_wdiff_seg *prev = &out->segs[out->nsegs];
				aoff = prev->a_off;
				boff = prev->b_off;
			}
		}
		if (push_seg(out, 1, aoff, aend - aoff, boff, bend - boff) < 0)
			goto done;
	}
	rc = 0;
done:
	free(ta);
	free(tb);
	free(keep);
	return rc;
}

void lc_wdiff_free(lc_wdiff_result *r)
{
	free(r->segs);
	memset(r, 0, sizeof *r);
}
