/* UTF-8, the bidi closer and the edit distance (text.h). */
#include "text.h"

#include <string.h>

/* ---- UTF-8 ------------------------------------------------------------------ */

size_t lc_utf8_len(const char *s, size_t left)
{
	const unsigned char *p = (const unsigned char *)s;
	if (left == 0)
		return 0;
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong below U+0800 */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates U+D800..U+DFFF */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		return 0; /* a continuation byte, C0, C1 (overlong) or F5..FF */
	}
	if (n > left || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (!lc_utf8_is_continuation(p[i]))
			return 0;
	return n;
}

uint32_t lc_utf8_decode(const char *s, size_t left, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = lc_utf8_len(s, left);
	*len = n ? n : 1;
	switch (n) {
	case 1: return p[0];
	case 2: return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3Fu);
	case 3: return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
	case 4:
		return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
		       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3Fu);
	default: return LC_UTF8_INVALID;
	}
}

size_t lc_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += !lc_utf8_is_continuation((unsigned char)s[i]);
	return n;
}

/* ---- bidi ------------------------------------------------------------------------ */

void lc_text_bidi_close(lc_buf *out, const char *s, size_t len)
{
	size_t embeds = 0, isolates = 0;
	const unsigned char *p = (const unsigned char *)s;
	/* every bidi formatting character is E2 80 xx or E2 81 xx: jump from one
	 * E2 to the next, so ordinary text costs one memchr */
	for (size_t i = 0; i + 2 < len; i++) {
		const unsigned char *e = memchr(p + i, 0xE2, len - 2 - i);
		if (!e)
			break;
		i = (size_t)(e - p);
		size_t n;
		switch (lc_text_bidi_kind(lc_utf8_decode(s + i, len - i, &n))) {
		case LC_BIDI_EMBED_OPEN: embeds++; break;
		case LC_BIDI_EMBED_CLOSE: embeds -= embeds > 0; break;
		case LC_BIDI_ISOLATE_OPEN: isolates++; break;
		case LC_BIDI_ISOLATE_CLOSE: isolates -= isolates > 0; break;
		case LC_BIDI_NONE: break;
		}
	}
	for (; embeds; embeds--)
		lc_buf_puts(out, "\xE2\x80\xAC");
	for (; isolates; isolates--)
		lc_buf_puts(out, "\xE2\x81\xA9");
}

/* ---- user text inside a message -------------------------------------------------- */

void lc_text_put_quoted(lc_buf *out, const char *s, size_t n, size_t max)
{
	size_t shown = n > max ? (max > 3 ? max - 3 : 0) : n;
	lc_buf_putc(out, '\'');
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			lc_buf_printf(out, "\\x%02X", c);
		else
			lc_buf_putc(out, (char)c);
	}
	if (shown < n)
		lc_buf_puts(out, "...");
	lc_buf_putc(out, '\'');
}

/* ---- edit distance ---------------------------------------------------------------- */

static int same_byte(char a, char b)
{
	return lc_text_ascii_lower((unsigned char)a) == lc_text_ascii_lower((unsigned char)b);
}

size_t lc_text_edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	if (na > LC_TEXT_EDIT_MAX || nb > LC_TEXT_EDIT_MAX)
		return SIZE_MAX;
	/* three rows of the dynamic programme: i - 2, i - 1 and i */
	size_t rows[3][LC_TEXT_EDIT_MAX + 1];
	size_t *before = rows[0], *prev = rows[1], *row = rows[2];
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t best = prev[j - 1] + !same_byte(a[i - 1], b[j - 1]);
			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (i > 1 && j > 1 && same_byte(a[i - 1], b[j - 2]) && same_byte(a[i - 2], b[j - 1]) &&
			    before[j - 2] + 1 < best)
				best = before[j - 2] + 1;
			row[j] = best;
		}
		size_t *t = before;
		before = prev;
		prev = row;
		row = t;
	}
	return prev[nb];
}

void lc_text_suggest_init(lc_text_suggest *s, const char *word, size_t len)
{
	s->word = word;
	s->word_len = len;
	s->best = NULL;
	s->best_len = 0;
	s->dist = SIZE_MAX;
}

void lc_text_suggest_try(lc_text_suggest *s, const char *cand, size_t len)
{
	if (s->word_len == 0)
		return;
	size_t limit = s->word_len < 4 ? 1 : s->word_len < 8 ? 2 : 3;
	size_t d = lc_text_edit_distance(s->word, s->word_len, cand, len);
	if (d <= limit && d < s->dist) {
		s->dist = d;
		s->best = cand;
		s->best_len = len;
	}
}
