/* The vague phrases and finding them in a text (see lint_phrases.h). */
#include "lint_phrases.h"

#include <stdlib.h>
#include <string.h>

#include "ladderc/lint.h"

static const char *const vague_advice[VK_N] = {
	[VK_ACTION] = "write the action itself, what the person does that someone else can see",
	[VK_QUALITY] = "name the result, number or standard that someone else can check",
	[VK_STRATEGY] = "name the plan or decision and how far ahead and how wide it reaches",
	[VK_LEADERSHIP] = "say whom or what the person leads, and how far that reaches",
	[VK_CUSTOM] = "listed as vague in this ladder's 'lint: vague'; write what the person does instead",
};

const char *lc_lint_phrase_advice(int kind)
{
	return vague_advice[kind];
}

typedef struct builtin_phrase {
	const char *text;
	unsigned char kind;
} builtin_phrase;

static const builtin_phrase builtin_phrases[] = {
	{"demonstrates", VK_ACTION},
	{"demonstrate", VK_ACTION},
	{"demonstrated", VK_ACTION},
	{"demonstrating", VK_ACTION},
	{"shows", VK_ACTION},
	{"showing", VK_ACTION},
	{"good", VK_QUALITY},
	{"strong", VK_QUALITY},
	{"excellent", VK_QUALITY},
	{"great", VK_QUALITY},
	{"outstanding", VK_QUALITY},
	{"exceptional", VK_QUALITY},
	{"world-class", VK_QUALITY},
	{"high standard", VK_QUALITY},
	{"effectively", VK_QUALITY},
	{"thinks strategically", VK_STRATEGY},
	{"strategic thinking", VK_STRATEGY},
	{"strategic thinker", VK_STRATEGY},
	{"leadership", VK_LEADERSHIP},
};

const char *lc_lint_vague_phrase(size_t i)
{
	return i < sizeof builtin_phrases / sizeof builtin_phrases[0] ? builtin_phrases[i].text : NULL;
}

/* "leadership" is vague as a bare noun (a trait: "shows leadership"), not as a
 * modifier of the noun after it ("leadership team") nor as a body of people
 * ("the leadership", "senior leadership"). */
static const char *const leadership_before[] = {"the", "senior", "executive", "company", "functional", NULL};
static const char *const leadership_after[] = {
	"team", "teams", "track", "tracks", "role", "roles", "position", "positions", "course", "courses",
	"meeting", "meetings", "group", "groups", "level", "levels", "programme", "programmes", "program",
	"programs", "training", "offsite", "offsites", "chain", NULL};
/* A body of people is what someone works with, reports to, hears from:
 * "works with team leadership", "reports to engineering leadership". A trait
 * is what someone has or shows, the object of a verb: "shows team
 * leadership". So "leadership" is a body of people as the object of one of
 * these prepositions, directly or after words that say whose leadership it
 * is (at most two of them). */
static const char *const leadership_preposition[] = {"with", "to", "from", "by", "alongside", "among", NULL};
static const char *const leadership_whose[] = {
	"the", "our", "their", "your", "its", "senior", "executive", "company", "functional", "team", "engineering",
	"product", "design", "sales", "marketing", "operations", "support", "department", "org", "organisation",
	"organization", "business", "division", "group", "site", "store", "regional", "local", "project", NULL};
enum { LEADERSHIP_WHOSE_MAX = 2 };

/* One phrase while the trie is built. */
typedef struct phrase_words {
	size_t index;
	const char *base;
	const word *w;
	size_t nw;
} phrase_words;

static int phrase_words_cmp(const void *pa, const void *pb)
{
	const phrase_words *a = pa, *b = pb;
	for (size_t k = 0; k < a->nw && k < b->nw; k++)
		if (a->w[k].hash != b->w[k].hash)
			return a->w[k].hash < b->w[k].hash ? -1 : 1;
	if (a->nw != b->nw)
		return a->nw < b->nw ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int edge_cmp(const void *pa, const void *pb)
{
	const trie_edge *a = pa, *b = pb;
	if (a->parent != b->parent)
		return a->parent < b->parent ? -1 : 1;
	if (a->w.hash != b->w.hash)
		return a->w.hash < b->w.hash ? -1 : 1;
	return a->child < b->child ? -1 : a->child > b->child;
}

/* The child of `node` along word w of text s, or 0. */
static uint32_t trie_child(const phrase_table *t, uint32_t node, const char *s, const word *w)
{
	size_t lo = 0, hi = t->ne;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const trie_edge *e = &t->e[mid];
		if (e->parent < node || (e->parent == node && e->w.hash < w->hash))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < t->ne && t->e[lo].parent == node && t->e[lo].w.hash == w->hash; lo++)
		if (word_eq(t->e[lo].base, &t->e[lo].w, s, w))
			return t->e[lo].child;
	return 0;
}

void lc_lint_phrases_free(phrase_table *t)
{
	free(t->p);
	free(t->e);
	free(t->terminal);
}

int lc_lint_phrases_build(phrase_table *t, const ladder *l)
{
	memset(t, 0, sizeof *t);
	size_t nb = sizeof builtin_phrases / sizeof builtin_phrases[0];
	size_t n = nb + l->lint.nvague;
	t->n = n;
	t->p = calloc(n, sizeof *t->p);
	phrase_words *pw = calloc(n, sizeof *pw);
	words *split = calloc(n, sizeof *split);
	int rc = (t->p && pw && split) ? 0 : -1;
	size_t npw = 0, total = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *s = i < nb ? builtin_phrases[i].text : l->lint.vague[i - nb].s;
		size_t len = i < nb ? strlen(s) : l->lint.vague[i - nb].len;
		t->p[i] = (phrase){s, len, i < nb ? builtin_phrases[i].kind : VK_CUSTOM};
		if (lc_lint_split_words(s, len, LINT_PHRASE_WORDS + 1, &split[i]) < 0) {
			rc = -1;
			break;
		}
		/* a phrase without words matches nothing */
		if (split[i].n == 0 || split[i].n > LINT_PHRASE_WORDS)
			continue;
		pw[npw++] = (phrase_words){i, s, split[i].w, split[i].n};
		total += split[i].n;
	}
	if (rc == 0) {
		t->e = malloc((total + 1) * sizeof *t->e);
		t->terminal = malloc((total + 1) * sizeof *t->terminal);
		if (!t->e || !t->terminal)
			rc = -1;
	}
	if (rc == 0) {
		/* sorted, phrases that share first words are neighbours: each adds
		 * nodes only for the words after the prefix it shares with the one before */
		qsort(pw, npw, sizeof *pw, phrase_words_cmp);
		uint32_t path[LINT_PHRASE_WORDS];
		uint32_t nodes = 1;
		t->terminal[0] = -1;
		const phrase_words *prev = NULL;
		for (size_t i = 0; i < npw; i++) {
			const phrase_words *q = &pw[i];
			size_t common = 0;
			while (prev && common < prev->nw && common < q->nw &&
			       word_eq(prev->base, &prev->w[common], q->base, &q->w[common]))
				common++;
			for (size_t k = common; k < q->nw; k++) {
				t->terminal[nodes] = -1;
				t->e[t->ne++] = (trie_edge){k ? path[k - 1] : 0, nodes, q->base, q->w[k]};
				path[k] = nodes++;
			}
			/* the same phrase twice: the first listed (a built-in) speaks */
			if (t->terminal[path[q->nw - 1]] < 0)
				t->terminal[path[q->nw - 1]] = (int32_t)q->index;
			prev = q;
		}
		qsort(t->e, t->ne, sizeof *t->e, edge_cmp);
		for (size_t i = 0; i < t->ne && t->e[i].parent == 0; i++)
			t->first_word[t->e[i].w.hash >> 58] |= UINT64_C(1) << ((t->e[i].w.hash >> 52) & 63);
	}
	/* the edges point into the phrases' texts, not into the word lists: keep
	 * the words (each edge holds its own copy) and free the lists */
	if (split)
		for (size_t i = 0; i < n; i++)
			free(split[i].w);
	free(split);
	free(pw);
	return rc;
}

/* 1 if words j and j + 1 of s are in one run of words (only blanks between). */
static int adjacent(const char *s, const words *ws, size_t j)
{
	return lc_lint_gap_is_blank(s, ws->w[j].off + ws->w[j].len, ws->w[j + 1].off);
}

/* 1 if word i of s is the object of a preposition of leadership_preposition,
 * after at most LEADERSHIP_WHOSE_MAX words of leadership_whose. */
static int after_preposition(const char *s, const words *ws, size_t i)
{
	for (size_t back = 1; back <= LEADERSHIP_WHOSE_MAX + 1 && back <= i; back++) {
		size_t j = i - back;
		if (!adjacent(s, ws, j))
			return 0;
		if (lc_lint_word_in(s, &ws->w[j], leadership_preposition))
			return 1;
		if (!lc_lint_word_in(s, &ws->w[j], leadership_whose))
			return 0;
	}
	return 0;
}

/* "leadership" at word i of s: vague unless a compound or a body of people. */
static int leadership_is_vague(const char *s, const words *ws, size_t i)
{
	if (i + 1 < ws->n && adjacent(s, ws, i) && lc_lint_word_in(s, &ws->w[i + 1], leadership_after))
		return 0;
	if (i > 0 && adjacent(s, ws, i - 1) && lc_lint_word_in(s, &ws->w[i - 1], leadership_before))
		return 0;
	return !after_preposition(s, ws, i);
}

int lc_lint_phrase_marks_init(phrase_marks *m, const phrase_table *t)
{
	m->stamp = 0;
	m->seen = calloc(t->n + 1, sizeof *m->seen);
	return m->seen ? 0 : -1;
}

void lc_lint_phrase_marks_free(phrase_marks *m)
{
	free(m->seen);
}

void lc_lint_phrases_find(const phrase_table *t, phrase_marks *marks, const char *s, const words *ws,
                          phrase_found_fn found, void *ctx)
{
	uint32_t stamp = ++marks->stamp;
	for (size_t i = 0; i < ws->n; i++) {
		uint64_t h = ws->w[i].hash;
		if (!(t->first_word[h >> 58] & (UINT64_C(1) << ((h >> 52) & 63))))
			continue;
		uint32_t node = 0;
		for (size_t k = 0; k < LINT_PHRASE_WORDS && i + k < ws->n; k++) {
			if (k > 0 && !lc_lint_gap_is_blank(s, ws->w[i + k - 1].off + ws->w[i + k - 1].len, ws->w[i + k].off))
				break;
			node = trie_child(t, node, s, &ws->w[i + k]);
			if (node == 0)
				break;
			int32_t pi = t->terminal[node];
			if (pi < 0 || marks->seen[pi] == stamp)
				continue;
			const phrase *p = &t->p[pi];
			if (p->kind == VK_LEADERSHIP && k == 0 && !leadership_is_vague(s, ws, i))
				continue;
			marks->seen[pi] = stamp;
			found(ctx, (size_t)pi, ws->w[i].off);
		}
	}
}
