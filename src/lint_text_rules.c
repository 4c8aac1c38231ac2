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

/* Cuts `text` into `into` (kept for the caller) and reports its vague phrases. */
static void vague_text(text_pass *p, const ladder_competency *c, ladder_str text, const lc_mark *at,
                       const ladder_level *lv, words *into)
{
	linter *lt = &p->lt;
	if (!text.s || lc_lint_split_words(text.s, text.len, 0, into) < 0) {
		if (text.s)
			lt->oom = 1;
		return;
	}
	phrase_matches found;
	lc_lint_phrases_find(&p->in->phrases, &p->marks, text.s, into, &found);
	if (found.n == 0)
		return;
	lc_buf *b = &lt->msg;
	lc_buf_puts(b, "vague wording in ");
	if (lv) {
		lc_buf_puts(b, "the ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, " expectation of ");
	} else {
		lc_buf_puts(b, "the description of ");
	}
	lc_lint_put_id(b, c->id);
	lc_buf_puts(b, ": ");
	/* the phrases grouped by kind, kinds in order of first appearance */
	int kind_done[VK_N] = {0};
	int clauses = 0;
	for (size_t f = 0; f < found.n; f++) {
		int kind = found.p[f]->kind;
		if (kind_done[kind])
			continue;
		kind_done[kind] = 1;
		if (clauses++)
			lc_buf_puts(b, "; ");
		int n = 0;
		for (size_t g = f; g < found.n; g++) {
			if (found.p[g]->kind != kind)
				continue;
			if (n++)
				lc_buf_puts(b, ", ");
			lc_lint_put_quoted(b, (ladder_str){found.p[g]->text, found.p[g]->textlen});
		}
		lc_buf_printf(b, ": %s", lc_lint_phrase_advice(kind));
	}
	if (found.more)
		lc_buf_printf(b, " (and %zu more vague phrase%s)", found.more, found.more == 1 ? "" : "s");
	lc_mark m = mark_in_scalar(at, text, found.first_off);
	lc_lint_emit(lt, LC_LINT_VAGUE_LANGUAGE, &m);
}

static void vague_competency(text_pass *p, const ladder_competency *c)
{
	linter *lt = &p->lt;
	if (!lc_lint_rule_on_for(lt, LC_LINT_VAGUE_LANGUAGE, c))
		return;
	vague_text(p, c, c->description, &c->description_at, NULL, &p->wa);
	size_t nl = lt->l->nlevels;
	for (size_t i = 0; i < nl; i++) {
		if (!c->text[i].s)
			continue;
		/* the words stay in the level cache for same-as-previous and
		 * near-duplicate */
		words *ws = lc_lint_level_words_slot(&p->lv, i);
		vague_text(p, c, c->text[i], &c->text_at[i], lt->l->levels[i], ws);
		if (lt->oom)
			continue;
		lc_lint_level_words_keep(&p->lv, i, c);
		if (p->in->nwords)
			p->in->nwords[p->k * nl + i] = (uint32_t)ws->n + 1;
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

static void repeat_competency(text_pass *p, const ladder_competency *c)
{
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
			lc_lint_put_id(b, c->id);
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
		lc_lint_put_id(b, c->id);
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
	if (in->have_phrases && lc_lint_phrase_marks_init(&p->marks, &in->phrases) < 0)
		rc = -1;
	return rc;
}

void lc_lint_text_pass_run(text_pass *p)
{
	for (p->k = p->from; p->k < p->to; p->k++) {
		/* one competency at a time, so the words vague-language cut are
		 * still in the level cache for the comparisons */
		const ladder_competency *c = p->in->comps[p->k];
		p->lt.d = &p->vague;
		if (p->in->have_phrases)
			vague_competency(p, c);
		p->lt.d = &p->repeat;
		repeat_competency(p, c);
	}
}

void lc_lint_text_pass_free(text_pass *p)
{
	free(p->wa.w);
	lc_lint_level_words_free(&p->lv);
	lc_lint_phrase_marks_free(&p->marks);
	free(p->diag_v);
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

/* Every competency in visit order: company-wide ones, then each role's own. */
static const ladder_competency **list_competencies(const ladder *l, size_t *n)
{
	size_t ncomp = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		ncomp += l->groups[g]->ncompetencies;
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			ncomp += l->roles[r]->groups[g]->ncompetencies;
	const ladder_competency **comps = calloc(ncomp + 1, sizeof *comps);
	if (!comps)
		return NULL;
	size_t k = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		for (size_t ci = 0; ci < l->groups[g]->ncompetencies; ci++)
			comps[k++] = l->groups[g]->competencies[ci];
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			for (size_t ci = 0; ci < l->roles[r]->groups[g]->ncompetencies; ci++)
				comps[k++] = l->roles[r]->groups[g]->competencies[ci];
	*n = ncomp;
	return comps;
}

int lc_lint_text_rules(linter *lt, unsigned threads)
{
	const ladder *l = lt->l;
	text_rules_input in;
	memset(&in, 0, sizeof in);
	in.comps = list_competencies(l, &in.ncomp);
	if (!in.comps)
		return -1;
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
	free(in.comps);
	return rc;
}
