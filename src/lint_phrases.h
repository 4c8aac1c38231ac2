/* Private to the lint: the vague phrases, built-in and the ladder's own
 * (`lint: vague`), and finding them in a text cut into words
 * (src/lint_phrases.c). */
#ifndef LADDERC_LINT_PHRASES_H
#define LADDERC_LINT_PHRASES_H

#include <stddef.h>
#include <stdint.h>

#include "ladderc/ladder.h"
#include "lint_words.h"

/* Each kind of vague phrase gets its own advice on what to write instead. */
enum { VK_ACTION, VK_QUALITY, VK_STRATEGY, VK_LEADERSHIP, VK_CUSTOM, VK_N };

/* What to write instead of a phrase of kind `kind` (VK_*). */
const char *lc_lint_phrase_advice(int kind);

/* The vague phrases in a trie over words, so that matching costs at most
 * LINT_PHRASE_WORDS lookups per word of text however many phrases there are. */
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

/* Read-only once built, so that threads can share it. */
typedef struct phrase_table {
	phrase *p;              /* in list order: built-ins first, then the ladder's own */
	size_t n;
	trie_edge *e;           /* sorted by parent, then word hash */
	size_t ne;
	int32_t *terminal;      /* [nodes]: the phrase ending at a node, or -1; node 0 is the root */
	/* a bit per 12 high bits of the hash of every phrase's first word: most
	 * words of a text start no phrase and are rejected without a search */
	uint64_t first_word[64];
} phrase_table;

/* Builds the table of the built-in phrases and l's own. Returns 0, or -1 when
 * out of memory (free it all the same). */
int lc_lint_phrases_build(phrase_table *t, const ladder *l);
void lc_lint_phrases_free(phrase_table *t);

/* Which phrases were found in which text, so that a text reports a phrase
 * once: one per thread that matches. */
typedef struct phrase_marks {
	uint32_t *seen;         /* [n]: stamp of the last text a phrase was found in */
	uint32_t stamp;
} phrase_marks;

/* Returns 0, or -1 when out of memory (free it all the same). */
int lc_lint_phrase_marks_init(phrase_marks *m, const phrase_table *t);
void lc_lint_phrase_marks_free(phrase_marks *m);

/* How many phrases a vague-language finding quotes; it counts the others. */
enum { LINT_PHRASES_SHOWN = 6 };

/* Called for each phrase of the table found in a text, once per text, in
 * order of first appearance: the phrase's index in t->p and the byte where
 * it starts. */
typedef void (*phrase_found_fn)(void *ctx, size_t pi, size_t off);

/* Finds the phrases of t in text s, whose words are ws. */
void lc_lint_phrases_find(const phrase_table *t, phrase_marks *marks, const char *s, const words *ws,
                          phrase_found_fn found, void *ctx);

#endif
