/* Cutting a text into words for the lint (see lint_words.h), in one pass
 * that hashes each word while it is scanned. */
#include "lint_words.h"

#include <stdlib.h>
#include <string.h>

#include "ladderc/lint.h"

enum { CH_WORD, CH_APOS, CH_SPACE, CH_DASH, CH_PUNCT };

static int ch_class(const unsigned char *s, size_t len, size_t i, size_t *clen)
{
	unsigned char c = s[i];
	*clen = 1;
	if (lc_text_is_ascii_alnum(c))
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

/* For lc_lint_split_words: an ASCII letter or digit maps to itself in lower case, any
 * other ASCII byte to 0 (a separator, or an apostrophe: see lc_lint_split_words), a
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
int lc_lint_split_words(const char *str, size_t len, size_t max, words *out)
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
int lc_lint_gap_is_blank(const char *str, size_t from, size_t to)
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

int lc_lint_word_in(const char *s, const word *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == w->len && bytes_eq_nocase(s + w->off, list[i], w->len))
			return 1;
	return 0;
}

int lc_lint_level_words_init(level_words *lw, size_t nlevels)
{
	lw->nlevels = nlevels;
	lw->slot = calloc(nlevels + 1, sizeof *lw->slot);
	lw->owner = calloc(nlevels + 1, sizeof *lw->owner);
	return lw->slot && lw->owner ? 0 : -1;
}

void lc_lint_level_words_free(level_words *lw)
{
	if (lw->slot)
		for (size_t i = 0; i < lw->nlevels; i++)
			free(lw->slot[i].w);
	free(lw->slot);
	free(lw->owner);
}

words *lc_lint_level_words_slot(level_words *lw, size_t i)
{
	lw->owner[i] = NULL;
	return &lw->slot[i];
}

void lc_lint_level_words_keep(level_words *lw, size_t i, const ladder_competency *c)
{
	if (lw->slot[i].n > LC_LINT_MAX_CELL_WORDS)
		lw->slot[i].n = LC_LINT_MAX_CELL_WORDS;
	lw->owner[i] = c;
}

const words *lc_lint_level_words(level_words *lw, const ladder_competency *c, size_t i)
{
	if (lw->owner[i] == c)
		return &lw->slot[i];
	lw->owner[i] = NULL;
	if (lc_lint_split_words(c->text[i].s, c->text[i].len, LC_LINT_MAX_CELL_WORDS, &lw->slot[i]) < 0)
		return NULL;
	lw->owner[i] = c;
	return &lw->slot[i];
}
