/* Framework lint: the rules of docs/rules.md over a loaded ladder.
 *
 * Every rule walks the model in its input order and appends warnings to an
 * lc_diags; nothing here prints. The caller sorts the diagnostics. */
#include "ladderc/lint.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"

const lc_lint_rule lc_lint_rules[LC_LINT_NRULES] = {
	[LC_LINT_VAGUE_LANGUAGE] = {"vague-language",
		"criteria must be observable, so that two managers evaluate them the same way"},
	[LC_LINT_SAME_AS_PREVIOUS] = {"same-as-previous",
		"a level that repeats the level below it makes the step between them a paperwork difference"},
	[LC_LINT_NEAR_DUPLICATE] = {"near-duplicate",
		"levels whose descriptions differ only on paper do not say what changes on promotion"},
	[LC_LINT_MISSING_DESCRIPTION] = {"missing-description",
		"every competency needs a description at every level of a role's tracks, so each step is concrete"},
	[LC_LINT_LEVEL_COUNT] = {"level-count",
		"4 to 7 levels per chain: fewer leave long gaps between promotions, more create false granularity"},
	[LC_LINT_TOO_MANY_COMPETENCIES] = {"too-many-competencies",
		"more than 12 competencies per role take too long to evaluate and produce noise"},
	[LC_LINT_TOO_FEW_COMPETENCIES] = {"too-few-competencies",
		"fewer than 6 competencies per role cannot cover both core and functional skills"},
	[LC_LINT_TRACK_PARITY] = {"track-parity",
		"tracks that fork from one level must reach equally high, or growth implicitly means management"},
	[LC_LINT_MISSING_CROSSOVER] = {"missing-crossover",
		"a second track must say which level it branches from, so the crossover point is explicit"},
	[LC_LINT_DUPLICATE_TITLE] = {"duplicate-title",
		"a title must tell which level someone is at, so two levels of one role need two titles"},
	[LC_LINT_MISSING_PROMOTION_CRITERIA] = {"missing-promotion-criteria",
		"without promotion criteria nobody knows what evidence is enough to advance"},
};

/* ---- rule names ------------------------------------------------------------ */

void lc_lint_options_init(lc_lint_options *o)
{
	memset(o, 0, sizeof *o);
}

int lc_lint_find_rule(const char *name, size_t len)
{
	for (int i = 0; i < LC_LINT_NRULES; i++)
		if (strlen(lc_lint_rules[i].id) == len && memcmp(lc_lint_rules[i].id, name, len) == 0)
			return i;
	return -1;
}

int lc_lint_options_set(lc_lint_options *o, const char *arg)
{
	unsigned char state = LC_LINT_RULE_ON;
	if (strncmp(arg, "no-", 3) == 0) {
		arg += 3;
		state = LC_LINT_RULE_OFF;
	}
	int r = lc_lint_find_rule(arg, strlen(arg));
	if (r < 0)
		return -1;
	o->rule[r] = state;
	return 0;
}

/* Levenshtein distance, for "did you mean"; names longer than 64 bytes are
 * not typos of a rule id. */
static size_t edit_distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t row[65];
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[m];
}

const char *lc_lint_suggest_rule(const char *name, size_t len)
{
	if (len == 0 || len > 64)
		return NULL;
	const char *best = NULL;
	size_t best_d = len / 3 > 2 ? len / 3 : 2; /* at most this many edits */
	for (int i = 0; i < LC_LINT_NRULES; i++) {
		const char *id = lc_lint_rules[i].id;
		size_t d = edit_distance(name, len, id, strlen(id));
		if (d <= best_d && (!best || d < best_d)) {
			best = id;
			best_d = d;
		}
	}
	return best;
}

/* ---- words ----------------------------------------------------------------- */

/* Texts are cut into words: runs of ASCII letters and digits and of non-ASCII
 * characters, with an apostrophe (' or U+2019) kept inside a word. Spaces,
 * dashes and punctuation (ASCII and the common Unicode ones) separate words.
 * Words compare case-insensitively in ASCII. */
enum { CH_WORD, CH_APOS, CH_SPACE, CH_DASH, CH_PUNCT };

static int ch_class(const unsigned char *s, size_t len, size_t i, size_t *clen)
{
	unsigned char c = s[i];
	*clen = 1;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return CH_WORD;
	if (c == '\'')
		return CH_APOS;
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return CH_SPACE;
	if (c == '-')
		return CH_DASH;
	if (c < 0x80)
		return CH_PUNCT;
	size_t left = len - i;
	if (c == 0xC2 && left >= 2) {
		*clen = 2;
		unsigned char d = s[i + 1];
		if (d == 0xA0 || d == 0x85)
			return CH_SPACE;
		if (d == 0xAB || d == 0xBB || d == 0xB7)
			return CH_PUNCT;
		return CH_WORD;
	}
	if (c == 0xE2 && left >= 3 && (s[i + 1] == 0x80 || s[i + 1] == 0x81)) {
		*clen = 3;
		unsigned char d = s[i + 2];
		if (s[i + 1] == 0x81)
			return d <= 0xAF ? CH_PUNCT : CH_WORD;
		if (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF)
			return CH_SPACE;
		if (d >= 0x90 && d <= 0x95)
			return CH_DASH;
		if (d == 0x99)
			return CH_APOS;
		return CH_PUNCT;
	}
	if (c == 0xE3 && left >= 3 && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
		*clen = 3;
		return CH_SPACE;
	}
	/* any other non-ASCII character is part of a word */
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	*clen = n < left ? n : left;
	return CH_WORD;
}

typedef struct word {
	size_t off, len;
	uint64_t hash;
} word;

typedef struct words {
	word *w;
	size_t n, cap;
} words;

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int bytes_eq_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static int word_eq(const char *sa, const word *a, const char *sb, const word *b)
{
	return a->hash == b->hash && a->len == b->len && bytes_eq_nocase(sa + a->off, sb + b->off, a->len);
}

/* For split_words: an ASCII letter or digit maps to itself in lower case, any
 * other ASCII byte to 0 (a separator, or an apostrophe: see split_words), a
 * non-ASCII byte to 1 (classified by ch_class). */
static const unsigned char word_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#define WORD_HASH_START UINT64_C(14695981039346656037)
#define WORD_HASH_STEP(h, c) (((h) ^ (c)) * 1099511628211u)

/* Cuts s into words, keeping at most `max` (0: no limit). Returns -1 when out
 * of memory. One pass: ASCII bytes are classified inline and each word's hash
 * (FNV-1a over its ASCII-lowercased bytes) is computed while it is scanned; only non-ASCII bytes and an
 * apostrophe's look-ahead go through ch_class. */
static int split_words(const char *str, size_t len, size_t max, words *out)
{
	const unsigned char *s = (const unsigned char *)str;
	out->n = 0;
	size_t i = 0;
	while (i < len && (max == 0 || out->n < max)) {
		unsigned char t = word_byte[s[i]];
		size_t cl;
		if (t == 0) {
			i++;
			continue;
		}
		if (t == 1 && ch_class(s, len, i, &cl) != CH_WORD) {
			i += cl;
			continue;
		}
		size_t start = i;
		uint64_t h = WORD_HASH_START;
		while (i < len) {
			unsigned char c = s[i];
			t = word_byte[c];
			if (t > 1) {
				h = WORD_HASH_STEP(h, t);
				i++;
				continue;
			}
			if (t == 0) {
				if (c != '\'')
					break;
				cl = 1;
			} else {
				int k = ch_class(s, len, i, &cl);
				if (k != CH_WORD && k != CH_APOS)
					break;
				if (k == CH_WORD) {
					/* non-ASCII bytes hash as they are */
					for (size_t j = 0; j < cl; j++)
						h = WORD_HASH_STEP(h, s[i + j]);
					i += cl;
					continue;
				}
			}
			/* an apostrophe stays inside a word when a word character follows */
			size_t nl;
			if (i + cl < len && ch_class(s, len, i + cl, &nl) == CH_WORD) {
				for (size_t j = 0; j < cl; j++)
					h = WORD_HASH_STEP(h, s[i + j]);
				i += cl;
				continue;
			}
			break;
		}
		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 64;
			word *w = realloc(out->w, cap * sizeof *w);
			if (!w)
				return -1;
			out->w = w;
			out->cap = cap;
		}
		out->w[out->n++] = (word){start, i - start, h};
	}
	return 0;
}

/* 1 if the bytes between two words are only spaces and dashes. */
static int gap_is_blank(const char *str, size_t from, size_t to)
{
	const unsigned char *s = (const unsigned char *)str;
	while (from < to) {
		size_t cl;
		int k = ch_class(s, to, from, &cl);
		if (k != CH_SPACE && k != CH_DASH)
			return 0;
		from += cl;
	}
	return 1;
}

/* ---- vague phrases --------------------------------------------------------- */

/* Each kind of vague phrase gets its own advice on what to write instead. */
enum { VK_ACTION, VK_QUALITY, VK_STRATEGY, VK_LEADERSHIP, VK_CUSTOM, VK_N };

static const char *const vague_advice[VK_N] = {
	[VK_ACTION] = "write the action itself, what the person does that someone else can see",
	[VK_QUALITY] = "name the result, number or standard that someone else can check",
	[VK_STRATEGY] = "name the plan or decision and how far ahead and how wide it reaches",
	[VK_LEADERSHIP] = "say whom or what the person leads, and how far that reaches",
	[VK_CUSTOM] = "listed as vague in this ladder's 'lint: vague'; write what the person does instead",
};

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

/* The vague phrases, built-in and the ladder's own, in a trie over words, so
 * that matching costs at most LINT_PHRASE_WORDS lookups per word of text
 * however many phrases there are. */
enum { LINT_PHRASE_WORDS = 16 }; /* longer phrases are ignored */

typedef struct phrase {
	const char *text;       /* as listed: shown in messages */
	size_t textlen;
	unsigned char kind;
} phrase;

typedef struct trie_edge {
	uint32_t parent, child;
	const char *base;       /* the word is base[w.off .. w.off + w.len) */
	word w;
} trie_edge;

typedef struct phrase_table {
	phrase *p;              /* in list order: built-ins first, then the ladder's own */
	size_t n;
	trie_edge *e;           /* sorted by parent, then word hash */
	size_t ne;
	int32_t *terminal;      /* [nodes]: the phrase ending at a node, or -1; node 0 is the root */
	uint32_t *seen;         /* [n]: stamp of the last text a phrase was found in */
	uint32_t stamp;
	/* a bit per 12 high bits of the hash of every phrase's first word: most
	 * words of a text start no phrase and are rejected without a search */
	uint64_t first_word[64];
} phrase_table;

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

typedef struct linter {
	const ladder *l;
	lc_diags *d;
	unsigned char on[LC_LINT_NRULES];
	int oom;
	words wa;               /* scratch: the words of one text */
	words *lv_words;        /* [nlevels]: the words of a competency's texts, see level_words */
	const ladder_competency **lv_owner; /* [nlevels]: whose text lv_words[i] holds */
	/* the word counts of every text, noted by the vague-language pass so that
	 * near-duplicate cuts only the pairs whose counts are close enough:
	 * nwords[k * nlevels + i] is 1 + the count of the k-th competency visited
	 * at level index i, or 0 when unknown */
	uint32_t *nwords;
	size_t ncomp_seen;
	phrase_table vague;
	lc_buf msg;             /* scratch: one message */
	size_t *diag_v;         /* scratch for the diff in near-duplicate */
	size_t diag_cap;
	/* the track structure, indexed once so that every rule stays linear in
	 * the number of tracks and levels */
	size_t *fork_start;     /* [nlevels + 1]: forks of level i are fork_tracks[fork_start[i]..fork_start[i+1]) */
	const ladder_track **fork_tracks; /* [ntracks]: tracks with a `from`, grouped by that level */
	const ladder_level **reach; /* [ntracks]: highest level reachable by climbing the track */
	unsigned char *taken;   /* [ntracks]: some role takes the track */
} linter;

static void free_phrases(phrase_table *t)
{
	free(t->p);
	free(t->e);
	free(t->terminal);
	free(t->seen);
}

static int build_phrases(linter *lt)
{
	const ladder *l = lt->l;
	phrase_table *t = &lt->vague;
	size_t nb = sizeof builtin_phrases / sizeof builtin_phrases[0];
	size_t n = nb + l->lint.nvague;
	t->n = n;
	t->p = calloc(n, sizeof *t->p);
	t->seen = calloc(n, sizeof *t->seen);
	phrase_words *pw = calloc(n, sizeof *pw);
	words *split = calloc(n, sizeof *split);
	int rc = (t->p && t->seen && pw && split) ? 0 : -1;
	size_t npw = 0, total = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *s = i < nb ? builtin_phrases[i].text : l->lint.vague[i - nb].s;
		size_t len = i < nb ? strlen(s) : l->lint.vague[i - nb].len;
		t->p[i] = (phrase){s, len, i < nb ? builtin_phrases[i].kind : VK_CUSTOM};
		if (split_words(s, len, LINT_PHRASE_WORDS + 1, &split[i]) < 0) {
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

static int word_in(const char *s, const word *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == w->len && bytes_eq_nocase(s + w->off, list[i], w->len))
			return 1;
	return 0;
}

/* "leadership" at word i of s: vague unless a compound or a body of people. */
static int leadership_is_vague(const char *s, const words *ws, size_t i)
{
	const word *w = &ws->w[i];
	if (i + 1 < ws->n && gap_is_blank(s, w->off + w->len, ws->w[i + 1].off) &&
	    word_in(s, &ws->w[i + 1], leadership_after))
		return 0;
	if (i > 0 && gap_is_blank(s, ws->w[i - 1].off + ws->w[i - 1].len, w->off) &&
	    word_in(s, &ws->w[i - 1], leadership_before))
		return 0;
	return 1;
}

/* ---- helpers ----------------------------------------------------------------- */

static int rule_on_for(const linter *lt, lc_lint_rule_id r, const ladder_competency *c)
{
	if (!lt->on[r])
		return 0;
	if (c)
		for (size_t i = 0; i < c->nlint_disable; i++)
			if (lc_lint_find_rule(c->lint_disable[i].s, c->lint_disable[i].len) == (int)r)
				return 0;
	return 1;
}

static void warn(linter *lt, lc_lint_rule_id r, const lc_mark *at, const char *msg)
{
	lc_diags_add(lt->d, LC_WARNING, at, lc_lint_rules[r].id, "%s", msg);
}

/* Appends text, shortened to about 60 characters, in double quotes. */
static void put_quoted(lc_buf *b, ladder_str s)
{
	size_t n = s.len, chars = 0, i = 0;
	while (i < n && chars < 60) {
		i++;
		while (i < n && ((unsigned char)s.s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	lc_buf_putc(b, '"');
	for (size_t k = 0; k < i; k++)
		lc_buf_putc(b, s.s[k] == '\0' ? '?' : s.s[k]);
	if (i < n)
		lc_buf_puts(b, "...");
	lc_buf_putc(b, '"');
}

static void put_id(lc_buf *b, ladder_str id)
{
	lc_buf_putc(b, '\'');
	lc_buf_put(b, id.s, id.len);
	lc_buf_putc(b, '\'');
}

static const char *msg_done(linter *lt)
{
	lc_buf_putc(&lt->msg, '\0');
	if (lc_buf_failed(&lt->msg)) {
		lt->oom = 1;
		return NULL;
	}
	return lt->msg.data;
}

static void emit(linter *lt, lc_lint_rule_id r, const lc_mark *at)
{
	const char *m = msg_done(lt);
	if (m)
		warn(lt, r, at, m);
	lc_buf_clear(&lt->msg);
}

/* ---- configuration ------------------------------------------------------------ */

static void check_rule_name(linter *lt, ladder_str name, const lc_mark *at, const char *where)
{
	if (lc_lint_find_rule(name.s, name.len) >= 0)
		return;
	lc_buf *b = &lt->msg;
	lc_buf_puts(b, "unknown lint rule ");
	put_quoted(b, name);
	lc_buf_printf(b, " in %s", where);
	const char *s = lc_lint_suggest_rule(name.s, name.len);
	if (s)
		lc_buf_printf(b, "; did you mean '%s'?", s);
	else
		lc_buf_puts(b, " (see docs/rules.md for the rules)");
	const char *m = msg_done(lt);
	if (m)
		lc_diags_add(lt->d, LC_ERROR, at, NULL, "%s", m);
	lc_buf_clear(b);
}

/* Calls fn for every competency: company-wide ones, then each role's own. */
typedef void (*competency_fn)(linter *lt, const ladder_competency *c);

static void each_competency(linter *lt, competency_fn fn)
{
	const ladder *l = lt->l;
	for (size_t g = 0; g < l->ngroups; g++)
		for (size_t ci = 0; ci < l->groups[g]->ncompetencies; ci++)
			fn(lt, l->groups[g]->competencies[ci]);
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			for (size_t ci = 0; ci < l->roles[r]->groups[g]->ncompetencies; ci++)
				fn(lt, l->roles[r]->groups[g]->competencies[ci]);
}

static void check_competency_config(linter *lt, const ladder_competency *c)
{
	for (size_t i = 0; i < c->nlint_disable; i++)
		check_rule_name(lt, c->lint_disable[i], c->lint_disable_at ? &c->lint_disable_at[i] : &c->at,
		                "'x-lint-disable'");
}

static void check_config(linter *lt)
{
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->lint.ndisable; i++)
		check_rule_name(lt, l->lint.disable[i], &l->lint.disable_at[i], "'lint: disable'");
	each_competency(lt, check_competency_config);
}

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

enum { VAGUE_SHOWN = 6 };

/* Cuts `text` into `into` (kept for the caller) and reports its vague phrases. */
static void vague_text(linter *lt, const ladder_competency *c, ladder_str text, const lc_mark *at,
                       const ladder_level *lv, words *into)
{
	if (!text.s || split_words(text.s, text.len, 0, into) < 0) {
		if (text.s)
			lt->oom = 1;
		return;
	}
	phrase_table *t = &lt->vague;
	const phrase *found[VAGUE_SHOWN];
	size_t nfound = 0, more = 0, first_off = 0;
	uint32_t stamp = ++t->stamp;
	const words *ws = into;
	for (size_t i = 0; i < ws->n; i++) {
		uint64_t h = ws->w[i].hash;
		if (!(t->first_word[h >> 58] & (UINT64_C(1) << ((h >> 52) & 63))))
			continue;
		uint32_t node = 0;
		for (size_t k = 0; k < LINT_PHRASE_WORDS && i + k < ws->n; k++) {
			if (k > 0 && !gap_is_blank(text.s, ws->w[i + k - 1].off + ws->w[i + k - 1].len, ws->w[i + k].off))
				break;
			node = trie_child(t, node, text.s, &ws->w[i + k]);
			if (node == 0)
				break;
			int32_t pi = t->terminal[node];
			if (pi < 0 || t->seen[pi] == stamp)
				continue;
			const phrase *p = &t->p[pi];
			if (p->kind == VK_LEADERSHIP && k == 0 && !leadership_is_vague(text.s, ws, i))
				continue;
			t->seen[pi] = stamp;
			if (nfound == 0)
				first_off = ws->w[i].off;
			if (nfound < VAGUE_SHOWN)
				found[nfound++] = p;
			else
				more++;
		}
	}
	if (nfound == 0)
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
	put_id(b, c->id);
	lc_buf_puts(b, ": ");
	/* the phrases grouped by kind, kinds in order of first appearance */
	int kind_done[VK_N] = {0};
	int clauses = 0;
	for (size_t f = 0; f < nfound; f++) {
		int kind = found[f]->kind;
		if (kind_done[kind])
			continue;
		kind_done[kind] = 1;
		if (clauses++)
			lc_buf_puts(b, "; ");
		int n = 0;
		for (size_t g = f; g < nfound; g++) {
			if (found[g]->kind != kind)
				continue;
			if (n++)
				lc_buf_puts(b, ", ");
			put_quoted(b, (ladder_str){found[g]->text, found[g]->textlen});
		}
		lc_buf_printf(b, ": %s", vague_advice[kind]);
	}
	if (more)
		lc_buf_printf(b, " (and %zu more vague phrase%s)", more, more == 1 ? "" : "s");
	lc_mark m = mark_in_scalar(at, text, first_off);
	emit(lt, LC_LINT_VAGUE_LANGUAGE, &m);
}

static void vague_competency(linter *lt, const ladder_competency *c)
{
	size_t k = lt->ncomp_seen++;
	if (!rule_on_for(lt, LC_LINT_VAGUE_LANGUAGE, c))
		return;
	vague_text(lt, c, c->description, &c->description_at, NULL, &lt->wa);
	size_t nl = lt->l->nlevels;
	for (size_t i = 0; i < nl; i++) {
		if (!c->text[i].s)
			continue;
		/* the words stay in the level cache for same-as-previous and
		 * near-duplicate, which compare at most LC_LINT_MAX_CELL_WORDS of them:
		 * the first words of a full cut are the words of a capped one */
		lt->lv_owner[i] = NULL;
		words *ws = &lt->lv_words[i];
		vague_text(lt, c, c->text[i], &c->text_at[i], lt->l->levels[i], ws);
		if (lt->oom)
			continue;
		if (ws->n > LC_LINT_MAX_CELL_WORDS)
			ws->n = LC_LINT_MAX_CELL_WORDS;
		lt->lv_owner[i] = c;
		if (lt->nwords)
			lt->nwords[k * nl + i] = (uint32_t)ws->n + 1;
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

/* The words of competency c's text at level index i, cut once per competency
 * for same-as-previous / near-duplicate: each text is compared with the one
 * above it and the one below it, so a cache per level halves the cutting. */
static const words *level_words(linter *lt, const ladder_competency *c, size_t i)
{
	if (lt->lv_owner[i] == c)
		return &lt->lv_words[i];
	lt->lv_owner[i] = NULL;
	if (split_words(c->text[i].s, c->text[i].len, LC_LINT_MAX_CELL_WORDS, &lt->lv_words[i]) < 0) {
		lt->oom = 1;
		return NULL;
	}
	lt->lv_owner[i] = c;
	return &lt->lv_words[i];
}

/* Word similarity 2·LCS/(n+m) in percent of c's texts at levels i and j when
 * it reaches the near-duplicate threshold, else -1. */
static int similar_percent(linter *lt, const ladder_competency *c, size_t i, size_t j)
{
	size_t nl = lt->l->nlevels, k = lt->ncomp_seen;
	if (lt->nwords && lt->nwords[k * nl + i] && lt->nwords[k * nl + j]) {
		/* the word counts alone rule most pairs out: see the test below */
		size_t na = lt->nwords[k * nl + i] - 1, nb = lt->nwords[k * nl + j] - 1;
		size_t maxd = (na + nb) * (100 - LC_LINT_SIMILAR_PERCENT) / 100;
		if (na + nb == 0 || (na > nb ? na - nb : nb - na) > maxd)
			return -1;
	}
	const words *wa = level_words(lt, c, i);
	const words *wb = wa ? level_words(lt, c, j) : NULL;
	if (!wa || !wb)
		return -1;
	size_t total = wa->n + wb->n;
	if (total == 0)
		return -1;
	size_t maxd = total * (100 - LC_LINT_SIMILAR_PERCENT) / 100;
	size_t diff = wa->n > wb->n ? wa->n - wb->n : wb->n - wa->n;
	if (diff > maxd)
		return -1;
	if (2 * maxd + 3 > lt->diag_cap) {
		size_t cap = 2 * maxd + 3;
		size_t *v = realloc(lt->diag_v, cap * sizeof *v);
		if (!v) {
			lt->oom = 1;
			return -1;
		}
		lt->diag_v = v;
		lt->diag_cap = cap;
	}
	size_t d = indel_distance(c->text[i].s, wa, c->text[j].s, wb, maxd, lt->diag_v);
	if (d > maxd)
		return -1;
	return (int)((total - d) * 100 / total);
}

static void repeat_competency(linter *lt, const ladder_competency *c)
{
	int same = rule_on_for(lt, LC_LINT_SAME_AS_PREVIOUS, c);
	int near = rule_on_for(lt, LC_LINT_NEAR_DUPLICATE, c);
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
			put_id(b, c->id);
			lc_buf_puts(b, " repeats the one at ");
			lc_buf_put(b, below->id.s, below->id.len);
			lc_buf_puts(b, " word for word: write what changes at ");
			lc_buf_put(b, lv->id.s, lv->id.len);
			lc_buf_puts(b, " (scope, autonomy, impact), or leave the level out: expectations are cumulative");
			emit(lt, LC_LINT_SAME_AS_PREVIOUS, &c->text_at[i]);
			continue;
		}
		if (!near)
			continue;
		int pct = similar_percent(lt, c, i, below->index);
		if (pct < 0)
			continue;
		lc_buf_puts(b, "the ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, " expectation of ");
		put_id(b, c->id);
		lc_buf_printf(b, " is %d%% the same words as the one at ", pct);
		lc_buf_put(b, below->id.s, below->id.len);
		lc_buf_puts(b, ": make the step concrete, with the scope, autonomy or impact that grows at ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		emit(lt, LC_LINT_NEAR_DUPLICATE, &c->text_at[i]);
	}
}

/* ---- the per-text rules, on two threads for a big ladder ---------------------- */

/* vague-language, same-as-previous and near-duplicate read every text and
 * cost nearly all of the lint's time; each competency is independent of the
 * others. A worker takes a range of competencies in visit order with scratch
 * and findings of its own; the findings are merged in the order one thread
 * makes them: every vague-language finding first, then the others. */
typedef struct text_worker {
	linter lt;              /* shared: the ladder, rules, phrases and nwords */
	const ladder_competency **comps;
	size_t from, to;
	int phrases;            /* the phrase table was built */
	lc_diags vague, repeat;
} text_worker;

enum { TEXT_THREADS_MIN_COMPETENCIES = 64 }; /* below it a thread costs more than it saves */

static int text_worker_init(text_worker *w, const linter *base, const ladder_competency **comps,
                            size_t from, size_t to, int phrases)
{
	memset(w, 0, sizeof *w);
	w->lt = *base;
	w->comps = comps;
	w->from = from;
	w->to = to;
	w->phrases = phrases;
	lc_diags_init(&w->vague);
	lc_diags_init(&w->repeat);
	linter *lt = &w->lt;
	lt->oom = 0;
	memset(&lt->wa, 0, sizeof lt->wa);
	lc_buf_init(&lt->msg);
	lt->diag_v = NULL;
	lt->diag_cap = 0;
	size_t nl = base->l->nlevels;
	lt->lv_words = calloc(nl + 1, sizeof *lt->lv_words);
	lt->lv_owner = calloc(nl + 1, sizeof *lt->lv_owner);
	lt->vague.seen = phrases ? calloc(base->vague.n + 1, sizeof *lt->vague.seen) : NULL;
	lt->vague.stamp = 0;
	return lt->lv_words && lt->lv_owner && (!phrases || lt->vague.seen) ? 0 : -1;
}

static void text_worker_free(text_worker *w)
{
	linter *lt = &w->lt;
	free(lt->wa.w);
	if (lt->lv_words)
		for (size_t i = 0; i < lt->l->nlevels; i++)
			free(lt->lv_words[i].w);
	free(lt->lv_words);
	free(lt->lv_owner);
	free(lt->diag_v);
	free(lt->vague.seen);
	lc_buf_free(&lt->msg);
	lc_diags_free(&w->vague);
	lc_diags_free(&w->repeat);
}

static void *text_worker_run(void *arg)
{
	text_worker *w = arg;
	linter *lt = &w->lt;
	/* ncomp_seen is the competency's place in the visit order, the index
	 * of its word counts in nwords */
	for (size_t k = w->from; k < w->to; k++) {
		/* one competency at a time, so the words vague-language cut are
		 * still in the level cache for the comparisons */
		lt->d = &w->vague;
		lt->ncomp_seen = k;
		if (w->phrases)
			vague_competency(lt, w->comps[k]);
		lt->d = &w->repeat;
		lt->ncomp_seen = k;
		repeat_competency(lt, w->comps[k]);
	}
	return NULL;
}

static int text_rules(linter *lt, int phrases, size_t ncomp, unsigned threads)
{
	const ladder *l = lt->l;
	const ladder_competency **comps = calloc(ncomp + 1, sizeof *comps);
	if (!comps)
		return -1;
	size_t k = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		for (size_t ci = 0; ci < l->groups[g]->ncompetencies; ci++)
			comps[k++] = l->groups[g]->competencies[ci];
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			for (size_t ci = 0; ci < l->roles[r]->groups[g]->ncompetencies; ci++)
				comps[k++] = l->roles[r]->groups[g]->competencies[ci];
	if (threads == 0)
		threads = ncomp >= TEXT_THREADS_MIN_COMPETENCIES ? 2 : 1;
	if (threads > 2)
		threads = 2;
	if (ncomp < 2)
		threads = 1;
	/* a finding copies its source line: index the lines now, not in two
	 * threads at once */
	for (size_t i = 0; i < l->nsources; i++) {
		size_t len;
		(void)lc_source_line(l->sources[i], 1, &len);
		if (l->sources[i]->data && !l->sources[i]->lines)
			threads = 1; /* out of memory: the index would be built in both */
	}
	text_worker w[2];
	int rc = 0;
	size_t half = threads == 2 ? ncomp / 2 : ncomp;
	if (text_worker_init(&w[0], lt, comps, 0, half, phrases) < 0)
		rc = -1;
	if (text_worker_init(&w[1], lt, comps, half, ncomp, phrases) < 0)
		rc = -1;
	if (rc == 0) {
		pthread_t tid;
		int spawned = threads == 2 && pthread_create(&tid, NULL, text_worker_run, &w[1]) == 0;
		text_worker_run(&w[0]);
		if (spawned)
			pthread_join(tid, NULL);
		else
			text_worker_run(&w[1]);
		lc_diags_append(lt->d, &w[0].vague);
		lc_diags_append(lt->d, &w[1].vague);
		lc_diags_append(lt->d, &w[0].repeat);
		lc_diags_append(lt->d, &w[1].repeat);
		if (w[0].lt.oom || w[1].lt.oom)
			rc = -1;
	}
	text_worker_free(&w[0]);
	text_worker_free(&w[1]);
	free(comps);
	return rc;
}

/* ---- missing-description ----------------------------------------------------------- */

enum { MISSING_SHOWN = 8 };

/* One finding per track of competency c on which it lacks expectations. */
static void missing_on_track(linter *lt, const ladder_competency *c, const ladder_track *t)
{
	size_t missing = 0;
	for (size_t k = 0; k < t->nlevels; k++)
		missing += !c->text[t->levels[k]->index].s;
	if (missing == 0)
		return;
	lc_buf *b = &lt->msg;
	put_id(b, c->id);
	lc_buf_puts(b, " has no expectation at ");
	size_t shown = 0;
	for (size_t k = 0; k < t->nlevels && shown < MISSING_SHOWN; k++) {
		const ladder_level *lv = t->levels[k];
		if (c->text[lv->index].s)
			continue;
		if (shown++)
			lc_buf_puts(b, shown == missing ? " and " : ", ");
		lc_buf_put(b, lv->id.s, lv->id.len);
	}
	if (missing > shown)
		lc_buf_printf(b, " and %zu more levels", missing - shown);
	lc_buf_puts(b, missing == t->nlevels ? " (all of track " : " (track ");
	put_id(b, t->id);
	lc_buf_puts(b, "): write what is expected at each level, so the step from the level below is concrete");
	emit(lt, LC_LINT_MISSING_DESCRIPTION, &c->at);
}

/* A role's competency applies on the role's tracks; a company-wide one on
 * every track some role takes (every track when the ladder has no roles). */
static void missing_competency(linter *lt, const ladder_competency *c)
{
	if (!rule_on_for(lt, LC_LINT_MISSING_DESCRIPTION, c))
		return;
	const ladder *l = lt->l;
	if (c->group && c->group->role) {
		const ladder_role *r = c->group->role;
		for (size_t i = 0; i < r->ntracks; i++)
			missing_on_track(lt, c, r->tracks[i]);
		return;
	}
	for (size_t i = 0; i < l->ntracks; i++)
		if (l->nroles == 0 || lt->taken[i])
			missing_on_track(lt, c, l->tracks[i]);
}

/* ---- level-count, track-parity, missing-crossover -------------------------------------- */

static size_t nforks(const linter *lt, const ladder_level *lv)
{
	return lt->fork_start[lv->index + 1] - lt->fork_start[lv->index];
}

static int by_first_rank_desc(const void *pa, const void *pb)
{
	const ladder_track *a = *(const ladder_track *const *)pa, *b = *(const ladder_track *const *)pb;
	uint32_t ra = a->nlevels ? a->levels[0]->rank : 0, rb = b->nlevels ? b->levels[0]->rank : 0;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Indexes the forks (which tracks continue from each level), which tracks
 * some role takes, and how high each track reaches: its own top, or higher
 * through the tracks that continue from its top. Returns -1 when out of memory. */
static int index_tracks(linter *lt)
{
	const ladder *l = lt->l;
	lt->fork_start = calloc(l->nlevels + 2, sizeof *lt->fork_start);
	lt->fork_tracks = calloc(l->ntracks + 1, sizeof *lt->fork_tracks);
	lt->reach = calloc(l->ntracks + 1, sizeof *lt->reach);
	lt->taken = calloc(l->ntracks + 1, 1);
	const ladder_track **order = malloc((l->ntracks + 1) * sizeof *order);
	if (!lt->fork_start || !lt->fork_tracks || !lt->reach || !lt->taken || !order) {
		free(order);
		return -1;
	}
	size_t *start = lt->fork_start;
	for (size_t i = 0; i < l->ntracks; i++)
		if (l->tracks[i]->from)
			start[l->tracks[i]->from->index + 2]++;
	for (size_t i = 2; i <= l->nlevels + 1; i++)
		start[i] += start[i - 1];
	/* start[lv + 1] is now where level lv's forks go; filling moves it to their end */
	for (size_t i = 0; i < l->ntracks; i++)
		if (l->tracks[i]->from)
			lt->fork_tracks[start[l->tracks[i]->from->index + 1]++] = l->tracks[i];

	for (size_t r = 0; r < l->nroles; r++)
		for (size_t i = 0; i < l->roles[r]->ntracks; i++)
			lt->taken[l->roles[r]->tracks[i]->index] = 1;

	/* a track that continues from t's top starts one rank above it, so in
	 * order of descending first rank every such track comes before t */
	for (size_t i = 0; i < l->ntracks; i++)
		order[i] = l->tracks[i];
	qsort(order, l->ntracks, sizeof *order, by_first_rank_desc);
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = order[i];
		if (t->nlevels == 0)
			continue;
		const ladder_level *top = t->levels[t->nlevels - 1], *best = top;
		for (size_t k = start[top->index]; k < start[top->index + 1]; k++) {
			const ladder_level *r = lt->reach[lt->fork_tracks[k]->index];
			if (r && r->rank > best->rank)
				best = r;
		}
		lt->reach[t->index] = best;
	}
	free(order);
	return 0;
}

static void level_count(linter *lt)
{
	if (!lt->on[LC_LINT_LEVEL_COUNT])
		return;
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		if (t->nlevels == 0)
			continue;
		const ladder_level *top = t->levels[t->nlevels - 1];
		if (nforks(lt, top) > 0)
			continue; /* the chain goes on: judged at the end of the tracks above */
		if (top->rank >= LC_LINT_LEVELS_MIN && top->rank <= LC_LINT_LEVELS_MAX)
			continue;
		const ladder_level *bottom = top;
		while (bottom->prev)
			bottom = bottom->prev;
		lc_buf *b = &lt->msg;
		lc_buf_puts(b, "the chain from ");
		lc_buf_put(b, bottom->id.s, bottom->id.len);
		lc_buf_puts(b, " to ");
		lc_buf_put(b, top->id.s, top->id.len);
		lc_buf_puts(b, " (the top of track ");
		put_id(b, t->id);
		lc_buf_printf(b, ") has %u level%s; ", top->rank, top->rank == 1 ? "" : "s");
		if (top->rank < LC_LINT_LEVELS_MIN)
			lc_buf_printf(b, "fewer than %d leave long gaps between promotions", LC_LINT_LEVELS_MIN);
		else
			lc_buf_printf(b, "more than %d create false granularity that makes calibration harder",
			              LC_LINT_LEVELS_MAX);
		lc_buf_printf(b, " (use %d to %d)", LC_LINT_LEVELS_MIN, LC_LINT_LEVELS_MAX);
		emit(lt, LC_LINT_LEVEL_COUNT, &t->at);
	}
}

/* One finding for a branch of a fork that reaches lower than the highest one. */
static void parity_finding(linter *lt, const ladder_level *fork, const ladder_track *t, const ladder_level *r,
                           const ladder_track *best_track, const ladder_level *best, const lc_mark *at)
{
	lc_buf *b = &lt->msg;
	lc_buf_puts(b, "after ");
	lc_buf_put(b, fork->id.s, fork->id.len);
	lc_buf_puts(b, ", track ");
	put_id(b, t->id);
	lc_buf_printf(b, " reaches rank %u (", r->rank);
	lc_buf_put(b, r->id.s, r->id.len);
	lc_buf_puts(b, ") but track ");
	put_id(b, best_track->id);
	lc_buf_printf(b, " reaches rank %u (", best->rank);
	lc_buf_put(b, best->id.s, best->id.len);
	lc_buf_puts(b, "): let both paths reach as high, or growth on the shorter one ends early");
	emit(lt, LC_LINT_TRACK_PARITY, at);
}

/* At every fork (a level that tracks continue from), the branches are the
 * forking tracks and, when the fork's own track goes on past it, that track's
 * continuation. Each branch must reach the rank of the highest. */
static void track_parity(linter *lt)
{
	if (!lt->on[LC_LINT_TRACK_PARITY])
		return;
	const ladder *l = lt->l;
	for (size_t li = 0; li < l->nlevels; li++) {
		const ladder_level *fork = l->levels[li];
		size_t first = lt->fork_start[li], end = lt->fork_start[li + 1];
		if (first == end)
			continue;
		const ladder_track *own = fork->track;
		const ladder_level *own_reach = fork->pos + 1 < own->nlevels ? lt->reach[own->index] : NULL;
		const ladder_level *best = own_reach;
		const ladder_track *best_track = own;
		for (size_t k = first; k < end; k++) {
			const ladder_level *r = lt->reach[lt->fork_tracks[k]->index];
			if (r && (!best || r->rank > best->rank)) {
				best = r;
				best_track = lt->fork_tracks[k];
			}
		}
		if (!best || (end - first) + (own_reach != NULL) < 2)
			continue;
		if (own_reach && own_reach->rank < best->rank)
			parity_finding(lt, fork, own, own_reach, best_track, best, &own->levels[fork->pos + 1]->at);
		for (size_t k = first; k < end; k++) {
			const ladder_track *t = lt->fork_tracks[k];
			const ladder_level *r = lt->reach[t->index];
			if (r && r->rank < best->rank)
				parity_finding(lt, fork, t, r, best_track, best, &t->at);
		}
	}
}

static void missing_crossover(linter *lt)
{
	if (!lt->on[LC_LINT_MISSING_CROSSOVER])
		return;
	const ladder *l = lt->l;
	const ladder_track *first = NULL;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		if (t->from_id.s)
			continue;
		if (!first) {
			first = t;
			continue;
		}
		lc_buf *b = &lt->msg;
		lc_buf_puts(b, "track ");
		put_id(b, t->id);
		lc_buf_puts(b, " starts a chain of its own beside track ");
		put_id(b, first->id);
		lc_buf_puts(b, ": say which level it branches from with 'from: LEVEL', so the crossover point is explicit");
		emit(lt, LC_LINT_MISSING_CROSSOVER, &t->at);
	}
}

/* ---- competency counts, duplicate-title ---------------------------------------------------- */

static void competency_counts(linter *lt)
{
	const ladder *l = lt->l;
	for (size_t ri = 0; ri < l->nroles; ri++) {
		const ladder_role *r = l->roles[ri];
		size_t n = 0;
		for (size_t g = 0; g < ladder_role_ngroups(l, r); g++)
			n += ladder_role_group(l, r, g)->ncompetencies;
		lc_buf *b = &lt->msg;
		if (n > LC_LINT_COMPETENCIES_MAX && lt->on[LC_LINT_TOO_MANY_COMPETENCIES]) {
			lc_buf_puts(b, "role ");
			put_id(b, r->id);
			lc_buf_printf(b, " has %zu competencies (company-wide and its own); more than %d take too long "
			              "to evaluate: merge or drop some", n, LC_LINT_COMPETENCIES_MAX);
			emit(lt, LC_LINT_TOO_MANY_COMPETENCIES, &r->at);
		} else if (n < LC_LINT_COMPETENCIES_MIN && lt->on[LC_LINT_TOO_FEW_COMPETENCIES]) {
			lc_buf_puts(b, "role ");
			put_id(b, r->id);
			lc_buf_printf(b, " has %zu competenc%s (company-wide and its own); fewer than %d cannot cover "
			              "both core and functional skills", n, n == 1 ? "y" : "ies", LC_LINT_COMPETENCIES_MIN);
			emit(lt, LC_LINT_TOO_FEW_COMPETENCIES, &r->at);
		}
	}
}

static void duplicate_title(linter *lt)
{
	if (!lt->on[LC_LINT_DUPLICATE_TITLE])
		return;
	const ladder *l = lt->l;
	for (size_t ri = 0; ri < l->nroles; ri++) {
		const ladder_role *r = l->roles[ri];
		lc_idmap seen;
		lc_idmap_init(&seen);
		for (size_t i = 0; i < l->nlevels; i++) {
			const ladder_level *lv = l->levels[i];
			ladder_str title = r->title[i];
			if (!title.s)
				continue; /* not on the role's tracks */
			const ladder_level *first = lc_idmap_get(&seen, title.s, title.len);
			if (!first) {
				if (lc_idmap_put(&seen, title.s, title.len, (void *)lv) == &seen)
					lt->oom = 1;
				continue;
			}
			lc_buf *b = &lt->msg;
			lc_buf_puts(b, "role ");
			put_id(b, r->id);
			lc_buf_puts(b, " has the title ");
			put_quoted(b, title);
			lc_buf_puts(b, " at both ");
			lc_buf_put(b, first->id.s, first->id.len);
			lc_buf_puts(b, " and ");
			lc_buf_put(b, lv->id.s, lv->id.len);
			lc_buf_puts(b, ": give each level its own title, so a title tells which level someone is at");
			const lc_mark *at = r->title_override[i].s ? &r->title_override_at[i]
			                    : lv->title.s            ? &lv->title_at
			                                             : &lv->at;
			emit(lt, LC_LINT_DUPLICATE_TITLE, at);
		}
		lc_idmap_free(&seen);
	}
}

/* ---- missing-promotion-criteria ------------------------------------------------------------ */

static int criteria_given(const ladder_criteria *c)
{
	return c->min_average.present || c->min_each.present || c->time_in_level.s || c->nevidence > 0;
}

static void promotion_criteria(linter *lt)
{
	if (!lt->on[LC_LINT_MISSING_PROMOTION_CRITERIA])
		return;
	const ladder *l = lt->l;
	const ladder_promotion *p = &l->promotion;
	if (p->present && criteria_given(&p->defaults))
		return; /* the defaults apply to every level */
	unsigned char *has = calloc(l->nlevels + 1, 1);
	if (!has) {
		lt->oom = 1;
		return;
	}
	size_t with = 0;
	for (size_t i = 0; i < p->ninto; i++)
		if (p->into[i].level && criteria_given(&p->into[i].criteria) && !has[p->into[i].level->index]) {
			has[p->into[i].level->index] = 1;
			with++;
		}
	lc_buf *b = &lt->msg;
	if (with == 0) {
		/* nothing anywhere: one finding, not one per level */
		size_t promotable = 0;
		for (size_t i = 0; i < l->nlevels; i++)
			promotable += l->levels[i]->prev != NULL;
		if (promotable > 0) {
			lc_buf_puts(b, "the ladder has no promotion criteria: say what evidence is enough to advance, "
			               "for every level under 'promotion:' or per level under 'promotion: into:'");
			emit(lt, LC_LINT_MISSING_PROMOTION_CRITERIA, p->present ? &p->at : &l->at);
		}
		free(has);
		return;
	}
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		if (!lv->prev || has[i])
			continue;
		lc_buf_puts(b, "nothing says what it takes to be promoted into ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, ": add criteria under 'promotion: into: ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, "', or defaults for every level under 'promotion:'");
		emit(lt, LC_LINT_MISSING_PROMOTION_CRITERIA, &lv->at);
	}
	free(has);
}

/* ---- the whole lint ------------------------------------------------------------------------- */

int lc_lint_ladder(const ladder *l, const lc_lint_options *o, lc_diags *d)
{
	linter lt;
	memset(&lt, 0, sizeof lt);
	lt.l = l;
	lt.d = d;
	lc_buf_init(&lt.msg);
	for (int r = 0; r < LC_LINT_NRULES; r++)
		lt.on[r] = 1;
	for (size_t i = 0; i < l->lint.ndisable; i++) {
		int r = lc_lint_find_rule(l->lint.disable[i].s, l->lint.disable[i].len);
		if (r >= 0)
			lt.on[r] = 0;
	}
	for (int r = 0; r < LC_LINT_NRULES; r++)
		if (o && o->rule[r] != LC_LINT_RULE_DEFAULT)
			lt.on[r] = o->rule[r] == LC_LINT_RULE_ON;

	check_config(&lt);
	if (index_tracks(&lt) < 0) {
		lt.oom = 1;
		goto done;
	}
	size_t ncomp = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		ncomp += l->groups[g]->ncompetencies;
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			ncomp += l->roles[r]->groups[g]->ncompetencies;
	/* without it (no memory) near-duplicate cuts every pair */
	if (l->nlevels && ncomp <= SIZE_MAX / l->nlevels / sizeof *lt.nwords)
		lt.nwords = calloc(ncomp * l->nlevels, sizeof *lt.nwords);
	int phrases = build_phrases(&lt) == 0;
	if (!phrases)
		lt.oom = 1;
	if (text_rules(&lt, phrases, ncomp, o ? o->threads : 0) < 0)
		lt.oom = 1;
	each_competency(&lt, missing_competency);
	level_count(&lt);
	track_parity(&lt);
	missing_crossover(&lt);
	competency_counts(&lt);
	duplicate_title(&lt);
	promotion_criteria(&lt);

done:
	free(lt.fork_start);
	free(lt.fork_tracks);
	free(lt.reach);
	free(lt.taken);
	free_phrases(&lt.vague);
	free(lt.nwords);
	lc_buf_free(&lt.msg);
	return lt.oom || d->oom ? -1 : 0;
}
