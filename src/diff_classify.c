/* How a text edit counts for the suggested version bump: a patch when the
 * old and new texts differ only in case, punctuation, apostrophes, white
 * space or spelling fixes, a minor change otherwise (docs/diff.md). The
 * texts are compared word by word; nothing is allocated. */
#include "ladderc/diff.h"

#include <stddef.h>

#include "text.h"

/* Bytes that separate words for the "only spelling, punctuation or white
 * space" test: ASCII space and punctuation but the apostrophe, NBSP (C2 A0) and the General
 * Punctuation block U+2000..U+207F (E2 80..81 xx: dashes, curly quotes,
 * ellipsis). Returns the separator's length, 0 for a word byte. */
static size_t separator_len(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80)
		return (lc_text_is_ascii_alnum(c) || c == '\'') ? 0 : 1;
	if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99)
		return 0; /* U+2019, the typographic apostrophe */
	if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	if (c == 0xE2 && i + 2 < len && ((unsigned char)s[i + 1] == 0x80 || (unsigned char)s[i + 1] == 0x81))
		return 3;
	return 0;
}

/* The next word at or after *pos; returns 0 at the end. */
static int next_word(const char *s, size_t len, size_t *pos, const char **w, size_t *wlen)
{
	size_t i = *pos, n;
	while (i < len && (n = separator_len(s, len, i)) > 0)
		i += n;
	if (i >= len) {
		*pos = len;
		return 0;
	}
	size_t start = i;
	while (i < len && separator_len(s, len, i) == 0)
		i++;
	*w = s + start;
	*wlen = i - start;
	*pos = i;
	return 1;
}

static unsigned char fold(char c)
{
	return lc_text_ascii_lower((unsigned char)c);
}

enum { MAXW = 32 };

/* A word as compared: ASCII letters folded to lower case, apostrophes (' and
 * U+2019) dropped, so "team's" and "teams" or "can't" and "cant" are one
 * word. Words too long for the buffer are kept as they are. */
static size_t normal_word(const char *w, size_t n, char *buf, const char **out)
{
	if (n >= MAXW) {
		*out = w;
		return n;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '\'')
			continue;
		if ((unsigned char)w[i] == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			i += 2;
			continue;
		}
		buf[k++] = (char)fold(w[i]);
	}
	*out = buf;
	return k;
}

static int word_eq(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++)
		if (fold(a[i]) != fold(b[i]))
			return 0;
	return 1;
}

/* A spelling fix: one edit between words of which the longer has at least
 * 6 bytes ("colour" -> "color"), or two edits between words of 8 bytes or
 * more. Short words are left out: "leads" -> "leans" is a new meaning, not
 * a typo. */
static int spelling_fix(const char *a, size_t an, const char *b, size_t bn)
{
	size_t longer = an > bn ? an : bn, shorter = an < bn ? an : bn;
	if (longer < 6 || shorter < 4)
		return 0;
	if (longer >= MAXW) /* too long for normal_word: a different word */
		return 0;
	size_t allowed = shorter >= 8 ? 2 : 1;
	return lc_text_edit_distance(a, an, b, bn) <= allowed;
}

lc_bump lc_classify_text_edit(ladder_str o, ladder_str n)
{
	if (ladder_str_eq(o, n))
		return LC_BUMP_NONE;
	const char *os = o.s ? o.s : "", *ns = n.s ? n.s : "";
	size_t po = 0, pn = 0;
	for (;;) {
		const char *wo = NULL, *wn = NULL;
		size_t lo = 0, ln = 0;
		int ho = next_word(os, o.len, &po, &wo, &lo);
		int hn = next_word(ns, n.len, &pn, &wn, &ln);
		if (!ho && !hn)
			return LC_BUMP_PATCH;
		if (ho != hn)
			return LC_BUMP_MINOR;
		char bo[MAXW], bn[MAXW];
		lo = normal_word(wo, lo, bo, &wo);
		ln = normal_word(wn, ln, bn, &wn);
		if (!word_eq(wo, lo, wn, ln) && !spelling_fix(wo, lo, wn, ln))
			return LC_BUMP_MINOR;
	}
}
