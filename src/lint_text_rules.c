/* The rules that read every text: vague-language, same-as-previous and
 * near-duplicate. They cost nearly all of the lint's time, and each
 * competency is independent of the others: a pass (lint_text_rules.h) reads
 * a range of competencies in visit order with scratch and findings of its
 * own. Here one pass reads them all; src/lint_threads.c splits a big ladder
 * into two passes on two threads, with the same findings. */
#include "lint_text_rules.h"

#include <stdlib.h>
#include <string.h>

#include "lint_threads.h"

/* ---- vague-language ------------------------------------------------------------- */

/* The column of byte `off` of a scalar's value, when the scalar is written on
 * one line without escapes (plain, or quoted with nothing to unescape before
 * `off`); otherwise the scalar's own position. */
static lc_mark mark_in_scalar(const lc_mark *at, ladder_str text, size_t off)
{
	lc_mark m = *at;
	size_t len;
	const char *line = at->src && at->line ? lc_source_line(at->src, at->line, &len) : NULL;
	if (!line)
		return m;
	/* the byte where the node starts: columns count characters */
	size_t b = 0;
	for (uint32_t col = 1; b < len && col < at->col; col++) {
		b++;
		while (b < len && ((unsigned char)line[b] & 0xC0) == 0x80)
			b++;
	}
	if (b >= len)
		return m;
	uint32_t col = at->col;
	char q = line[b];
	if (q == '|' || q == '>')
		return m;
	if (q == '"' || q == '\'') {
		b++;
		col++;
	}
	if (len - b < off || memcmp(line + b, text.s, off) != 0)
		return m;
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)text.s[i];
		if ((q == '"' && c == '\\') || (q == '\'' && c == '\''))
			return *at;
		if ((c & 0xC0) != 0x80)
			col++;
	}
	m.col = col;
	return m;
}

enum { ALSO_SHOWN = 8 }; /* levels listed after a phrase found in several texts */

static void hit_found(void *ctx, size_t pi, size_t off)
{
	vague_hits *h = ctx;
	if (h->n == h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 16;
		vague_hit *v = realloc(h->v, cap * sizeof *v);
		if (!v) {
			h->oom = 1;
			return;
		}
		h->v = v;
		h->cap = cap;
	}
	size_t i = h->n++;
	h->v[i] = (vague_hit){h->text, (uint32_t)pi, off, SIZE_MAX};
	if (h->stamp[pi] != h->now) {
		h->stamp[pi] = h->now;
		h->first[pi] = i;
	} else {
		h->v[h->last[pi]].next = i;
	}
	h->last[pi] = i;
}

/* Cuts `text` into `into` (kept for the caller) and notes its vague phrases
 * as text number `n` of the competency. */
static void vague_scan(text_pass *p, ladder_str text, uint32_t n, words *into)
{
	if (!text.s)
		return;
	if (lc_lint_split_words(text.s, text.len, 0, into) < 0) {
		p->lt.oom = 1;
		return;
	}
	p->hits.text = n;
	lc_lint_phrases_find(&p->in->phrases, &p->marks, text.s, into, hit_found, &p->hits);
}

/* " (also at E4 and M3)" for a phrase whose first hit is `first`. */
static void put_also(text_pass *p, size_t first)
{
	const ladder *l = p->lt.l;
	size_t n = 0;
	for (size_t h = p->hits.v[first].next; h != SIZE_MAX; h = p->hits.v[h].next)
		p->lt.level_list[n++] = l->levels[p->hits.v[h].text - 1];
	if (n == 0)
		return;
	lc_buf_puts(&p->lt.msg, " (also at ");
	lc_lint_put_levels(&p->lt.msg, p->lt.level_list, n, ALSO_SHOWN);
	lc_buf_putc(&p->lt.msg, ')');
}

/* One finding for the hits [from, to) of one text, if it holds phrases that
 * no text before it in the competency holds: those phrases, each with the
 * other levels it appears at. */
static void vague_report(text_pass *p, const lint_node *nd, size_t from, size_t to)
{
	const ladder_competency *c = nd->c;
	const vague_hits *h = &p->hits;
	const phrase *table = p->in->phrases.p;
	size_t fresh[LINT_PHRASES_SHOWN], nfresh = 0, more = 0;
	for (size_t i = from; i < to; i++) {
		if (h->first[h->v[i].phrase] != i)
			continue;
		if (nfresh < LINT_PHRASES_SHOWN)
			fresh[nfresh++] = i;
		else
			more++;
	}
	if (nfresh == 0)
		return;
	uint32_t text_no = h->v[from].text;
	const ladder_level *lv = text_no ? p->lt.l->levels[text_no - 1] : NULL;
	lc_buf *b = &p->lt.msg;
	lc_buf_puts(b, "vague wording in ");
	if (lv) {
		lc_buf_puts(b, "the ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, " expectation of ");
	} else {
		lc_buf_puts(b, "the description of ");
	}
	lc_lint_put_competency(b, c, nd->nroles > 1 ? nd->roles : NULL, nd->nroles);
	lc_buf_puts(b, ": ");
	/* the phrases grouped by kind, kinds in order of first appearance */
	int kind_done[VK_N] = {0};
	int clauses = 0;
	for (size_t f = 0; f < nfresh; f++) {
		int kind = table[h->v[fresh[f]].phrase].kind;
		if (kind_done[kind])
			continue;
		kind_done[kind] = 1;
		if (clauses++)
			lc_buf_puts(b, "; ");
		int n = 0;
		for (size_t g = f; g < nfresh; g++) {
			const phrase *ph = &table[h->v[fresh[g]].phrase];
			if (ph->kind != kind)
				continue;
			if (n++)
				lc_buf_puts(b, ", ");
			lc_lint_put_quoted(b, (ladder_str){ph->text, ph->textlen});
			put_also(p, fresh[g]);
		}
		lc_buf_printf(b, ": %s", lc_lint_phrase_advice(kind));
	}
	if (more)
		lc_buf_printf(b, " (and %zu more vague phrase%s)", more, more == 1 ? "" : "s");
	ladder_str text = lv ? c->text[lv->index] : c->description;
	const lc_mark *at = lv ? &c->text_at[lv->index] : &c->description_at;
	lc_mark m = mark_in_scalar(at, text, h->v[fresh[0]].off);
	lc_lint_emit(&p->lt, LC_LINT_VAGUE_LANGUAGE, &m);
}

/* Every vague phrase of a competency once: at the first text it appears in
 * (the description, then the levels in ladder order), with the levels it
 * appears at besides. */
static void vague_competency(text_pass *p, const lint_node *nd)
{
	const ladder_competency *c = nd->c;
	linter *lt = &p->lt;
	if (!lc_lint_rule_on_for(lt, LC_LINT_VAGUE_LANGUAGE, c))
		return;
	p->hits.n = 0;
	p->hits.now++;
	vague_scan(p, c->description, 0, &p->wa);
	size_t nl = lt->l->nlevels;
	for (size_t i = 0; i < nl; i++) {
		if (!c->text[i].s)
			continue;
		/* the words stay in the level cache for same-as-previous and
		 * near-duplicate */
		words *ws = lc_lint_level_words_slot(&p->lv, i);
		vague_scan(p, c->text[i], (uint32_t)i + 1, ws);
		if (lt->oom)
			continue;
		lc_lint_level_words_keep(&p->lv, i, c);
		if (p->in->nwords)
			p->in->nwords[p->k * nl + i] = (uint32_t)ws->n + 1;
	}
	if (p->hits.oom) {
		lt->oom = 1;
		p->hits.oom = 0;
	}
	for (size_t from = 0, to; from < p->hits.n; from = to) {
		for (to = from + 1; to < p->hits.n && p->hits.v[to].text == p->hits.v[from].text; to++)
			;
		vague_report(p, nd, from, to);
	}
}

/* ---- same-as-previous, near-duplicate ---------------------------------------------- */

/* The indel distance between two word lists (insertions and deletions to turn
 * one into the other: n + m - 2 * LCS), by Myers' O((n+m)·D) algorithm, or
 * maxd + 1 when it is larger than maxd. `v` holds 2 * maxd + 3 entries. */
static size_t indel_distance(const char *sa, const words *a, const char *sb, const words *b, size_t maxd,
                             size_t *v)
{
	size_t n = a->n, m = b->n;
	size_t off = maxd + 1; /* v[off + k] is the furthest x on diagonal k = x - y */
	v[off + 1] = 0;
	for (size_t d = 0; d <= maxd; d++) {
		for (size_t kk = 0; kk <= 2 * d; kk += 2) {
			size_t idx = off - d + kk; /* k = kk - d */
			size_t x;
			if (kk == 0 || (kk != 2 * d && v[idx - 1] < v[idx + 1]))
				x = v[idx + 1];         /* down: skip a word of b */
			else
				x = v[idx - 1] + 1;     /* right: skip a word of a */
			/* y = x - k = x - kk + d */
			if (x + d < kk) {
				v[idx] = x;
				continue;               /* off the grid */
			}
			size_t y = x + d - kk;
			while (x < n && y < m && word_eq(sa, &a->w[x], sb, &b->w[y])) {
				x++;
				y++;
			}
			v[idx] = x;
			if (x >= n && y >= m)
				return d;
		}
	}
	return maxd + 1;
}

/* Word similarity 2·LCS/(n+m) in percent of c's texts at levels i and j when
 * it reaches the near-duplicate threshold, else -1. */
static int similar_percent(text_pass *p, const ladder_competency *c, size_t i, size_t j)
{
	size_t nl = p->lt.l->nlevels, k = p->k;
	const uint32_t *nwords = p->in->nwords;
	if (nwords && nwords[k * nl + i] && nwords[k * nl + j]) {
		/* the word counts alone rule most pairs out: see the test below */
		size_t na = nwords[k * nl + i] - 1, nb = nwords[k * nl + j] - 1;
		size_t maxd = (na + nb) * (100 - LC_LINT_SIMILAR_PERCENT) / 100;
		if (na + nb == 0 || (na > nb ? na - nb : nb - na) > maxd)
			return -1;
	}
	const words *wa = lc_lint_level_words(&p->lv, c, i);
	const words *wb = wa ? lc_lint_level_words(&p->lv, c, j) : NULL;
	if (!wa || !wb) {
		p->lt.oom = 1;
		return -1;
	}
	size_t total = wa->n + wb->n;
	if (total == 0)
		return -1;
	size_t maxd = total * (100 - LC_LINT_SIMILAR_PERCENT) / 100;
	size_t diff = wa->n > wb->n ? wa->n - wb->n : wb->n - wa->n;
	if (diff > maxd)
		return -1;
	if (2 * maxd + 3 > p->diag_cap) {
		size_t cap = 2 * maxd + 3;
		size_t *v = realloc(p->diag_v, cap * sizeof *v);
		if (!v) {
			p->lt.oom = 1;
			return -1;
		}
		p->diag_v = v;
		p->diag_cap = cap;
	}
	size_t d = indel_distance(c->text[i].s, wa, c->text[j].s, wb, maxd, p->diag_v);
	if (d > maxd)
		return -1;
	return (int)((total - d) * 100 / total);
}

static void repeat_competency(text_pass *p, const lint_node *nd)
{
	const ladder_competency *c = nd->c;
	const ladder_role *const *roles = nd->nroles > 1 ? nd->roles : NULL;
	linter *lt = &p->lt;
	int same = lc_lint_rule_on_for(lt, LC_LINT_SAME_AS_PREVIOUS, c);
	/* a restated competency says each level in full: its texts are alike on
	 * purpose, so only a word-for-word repeat is worth a warning */
	int near = c->expectations != LADDER_EXPECTATIONS_RESTATED && lc_lint_rule_on_for(lt, LC_LINT_NEAR_DUPLICATE, c);
	if (!same && !near)
		return;
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		if (!c->text[i].s || !lv->prev)
			continue;
		const ladder_level *below = ladder_expectation_source(c, lv->prev);
		if (!below)
			continue;
		ladder_str now = c->text[i], before = c->text[below->index];
		lc_buf *b = &lt->msg;
		if (ladder_str_eq(now, before)) {
			if (!same)
				continue;
			lc_buf_puts(b, "the ");
			lc_buf_put(b, lv->id.s, lv->id.len);
			lc_buf_puts(b, " expectation of ");
			lc_lint_put_competency(b, c, roles, nd->nroles);
			lc_buf_puts(b, " repeats the one at ");
			lc_buf_put(b, below->id.s, below->id.len);
			lc_buf_puts(b, " word for word: write what changes at ");
			lc_buf_put(b, lv->id.s, lv->id.len);
			lc_buf_puts(b, c->expectations == LADDER_EXPECTATIONS_RESTATED
			                   ? " (scope, autonomy, impact), or leave the level out: the text below stays in force"
			                   : " (scope, autonomy, impact), or leave the level out: expectations are cumulative");
			lc_lint_emit(lt, LC_LINT_SAME_AS_PREVIOUS, &c->text_at[i]);
			continue;
		}
		if (!near)
			continue;
		int pct = similar_percent(p, c, i, below->index);
		if (pct < 0)
			continue;
		lc_buf_puts(b, "the ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, " expectation of ");
		lc_lint_put_competency(b, c, roles, nd->nroles);
		lc_buf_printf(b, " is %d%% the same words as the one at ", pct);
		lc_buf_put(b, below->id.s, below->id.len);
		lc_buf_puts(b, ": make the step concrete, with the scope, autonomy or impact that grows at ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_lint_emit(lt, LC_LINT_NEAR_DUPLICATE, &c->text_at[i]);
	}
}

/* ---- a pass over a range of competencies ------------------------------------------ */

int lc_lint_text_pass_init(text_pass *p, const linter *base, const text_rules_input *in, size_t from, size_t to)
{
	memset(p, 0, sizeof *p);
	p->lt = *base;
	p->lt.oom = 0;
	lc_buf_init(&p->lt.msg);
	p->in = in;
	p->from = from;
	p->to = to;
	lc_diags_init(&p->vague);
	lc_diags_init(&p->repeat);
	int rc = lc_lint_level_words_init(&p->lv, base->l->nlevels);
	/* scratch of its own: the base's would be shared with the other thread */
	p->lt.level_list = malloc((base->l->nlevels + 1) * sizeof *p->lt.level_list);
	if (!p->lt.level_list)
		rc = -1;
	if (in->have_phrases) {
		size_t n = in->phrases.n + 1;
		p->hits.first = malloc(n * sizeof *p->hits.first);
		p->hits.last = malloc(n * sizeof *p->hits.last);
		p->hits.stamp = calloc(n, sizeof *p->hits.stamp);
		if (lc_lint_phrase_marks_init(&p->marks, &in->phrases) < 0 || !p->hits.first || !p->hits.last ||
		    !p->hits.stamp)
			rc = -1;
	}
	return rc;
}

void lc_lint_text_pass_run(text_pass *p)
{
	for (p->k = p->from; p->k < p->to; p->k++) {
		/* one competency at a time, so the words vague-language cut are
		 * still in the level cache for the comparisons */
		const lint_node *nd = &p->in->comps[p->k];
		p->lt.d = &p->vague;
		if (p->in->have_phrases)
			vague_competency(p, nd);
		p->lt.d = &p->repeat;
		repeat_competency(p, nd);
	}
}

void lc_lint_text_pass_free(text_pass *p)
{
	free(p->wa.w);
	lc_lint_level_words_free(&p->lv);
	lc_lint_phrase_marks_free(&p->marks);
	free(p->diag_v);
	free(p->hits.v);
	free(p->hits.first);
	free(p->hits.last);
	free(p->hits.stamp);
	free(p->lt.level_list);
	lc_buf_free(&p->lt.msg);
	lc_diags_free(&p->vague);
	lc_diags_free(&p->repeat);
}

/* ---- every competency, on this thread -------------------------------------------- */

static int text_rules_on_one_thread(linter *lt, const text_rules_input *in)
{
	text_pass p;
	int rc = lc_lint_text_pass_init(&p, lt, in, 0, in->ncomp);
	if (rc == 0) {
		lc_lint_text_pass_run(&p);
		lc_diags_append(lt->d, &p.vague);
		lc_diags_append(lt->d, &p.repeat);
		if (p.lt.oom)
			rc = -1;
	}
	lc_lint_text_pass_free(&p);
	return rc;
}

int lc_lint_text_rules(linter *lt, unsigned threads)
{
	const ladder *l = lt->l;
	text_rules_input in;
	memset(&in, 0, sizeof in);
	in.comps = lt->nodes->v;
	in.ncomp = lt->nodes->n;
	int rc = 0;
	/* without it (no memory) near-duplicate cuts every pair */
	if (l->nlevels && in.ncomp <= SIZE_MAX / l->nlevels / sizeof *in.nwords)
		in.nwords = calloc(in.ncomp * l->nlevels, sizeof *in.nwords);
	/* without it (no memory) vague-language is skipped, the others run */
	in.have_phrases = lc_lint_phrases_build(&in.phrases, l) == 0;
	if (!in.have_phrases)
		rc = -1;
	if (lc_lint_text_threads(in.ncomp, threads) == 2) {
		if (lc_lint_text_rules_on_two_threads(lt, &in) < 0)
			rc = -1;
	} else if (text_rules_on_one_thread(lt, &in) < 0) {
		rc = -1;
	}
	lc_lint_phrases_free(&in.phrases);
	free(in.nwords);
	return rc;
}
