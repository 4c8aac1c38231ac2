/* Private to the lint: a text cut into words, for the vague phrases and the
 * comparison of levels (src/lint_words.c).
 *
 * Texts are cut into words: runs of ASCII letters and digits and of non-ASCII
 * characters, with an apostrophe (' or U+2019) kept inside a word. Spaces,
 * dashes and punctuation (ASCII and the common Unicode ones) separate words.
 * Words compare case-insensitively in ASCII. */
#ifndef LADDERC_LINT_WORDS_H
#define LADDERC_LINT_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "ladderc/ladder.h"
#include "text.h"

/* One word: the bytes text[off .. off + len) and their hash (FNV-1a over the
 * ASCII-lowercased bytes). */
typedef struct word {
	size_t off, len;
	uint64_t hash;
} word;

typedef struct words {
	word *w;
	size_t n, cap;
} words;

static inline int bytes_eq_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lc_text_ascii_lower((unsigned char)a[i]) != lc_text_ascii_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* 1 if word a of text sa and word b of text sb are the same word. */
static inline int word_eq(const char *sa, const word *a, const char *sb, const word *b)
{
	return a->hash == b->hash && a->len == b->len && bytes_eq_nocase(sa + a->off, sb + b->off, a->len);
}

/* Cuts str[0..len) into out's words (out->w grows; the caller frees it),
 * keeping at most `max` (0: no limit). Returns 0, or -1 when out of memory. */
int lc_lint_split_words(const char *str, size_t len, size_t max, words *out);

/* 1 if the bytes str[from..to) between two words are only spaces and dashes. */
int lc_lint_gap_is_blank(const char *str, size_t from, size_t to);

/* 1 if word w of text s is one of the NULL-terminated list (lowercase). */
int lc_lint_word_in(const char *s, const word *w, const char *const *list);

/* The words of one competency's texts, a slot per level, so that each text
 * is cut once per competency: vague-language cuts it and leaves the words
 * here, same-as-previous and near-duplicate compare each text with the one
 * above it and the one below it. */
typedef struct level_words {
	words *slot;                        /* [nlevels]: the words of one text */
	const ladder_competency **owner;    /* [nlevels]: whose text slot[i] holds, or NULL */
	size_t nlevels;
} level_words;

/* Returns 0, or -1 when out of memory (free it all the same). */
int lc_lint_level_words_init(level_words *lw, size_t nlevels);
void lc_lint_level_words_free(level_words *lw);

/* The slot of level index i, to cut a text into; it belongs to no one until
 * lc_lint_level_words_keep. */
words *lc_lint_level_words_slot(level_words *lw, size_t i);
/* Slot i now holds c's text at level index i, cut in full: only its first
 * LC_LINT_MAX_CELL_WORDS words are kept, as a capped cut would give. */
void lc_lint_level_words_keep(level_words *lw, size_t i, const ladder_competency *c);
/* The first LC_LINT_MAX_CELL_WORDS words of c's text at level index i, cut
 * unless the slot holds them already; NULL when out of memory. */
const words *lc_lint_level_words(level_words *lw, const ladder_competency *c, size_t i);

#endif
