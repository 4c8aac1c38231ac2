/* Private: the one place for text handling shared by the loader, the lint,
 * the diff, the diagnostics and every emitter: UTF-8 decoding, character
 * classes, the bidi closer and the edit distance behind "did you mean".
 *
 * Text from a ladder is valid UTF-8 (libyaml checks it); text quoted from a
 * source file may not be, so every function here accepts any bytes. */
#ifndef LADDERC_TEXT_H
#define LADDERC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "ladderc/buf.h"

/* ---- UTF-8 ------------------------------------------------------------------ */

/* What lc_utf8_decode returns for a byte that starts no valid sequence. */
#define LC_UTF8_INVALID 0xFFFFFFFFu

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 when the bytes at s
 * are not one: a stray continuation byte, an overlong form, a surrogate, a
 * code point past U+10FFFF or a sequence cut short by `left`. */
size_t lc_utf8_len(const char *s, size_t left);

/* The code point at s (left > 0), with *len set to its length; for invalid
 * bytes, LC_UTF8_INVALID with *len = 1 (one byte is skipped at a time). */
uint32_t lc_utf8_decode(const char *s, size_t left, size_t *len);

/* Code points in s[0..len): columns on a terminal, approximately (one per
 * code point: right for Latin, Greek, Cyrillic, Hebrew and Arabic). */
size_t lc_utf8_count(const char *s, size_t len);

/* 1 for a UTF-8 continuation byte (10xxxxxx). */
static inline int lc_utf8_is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* ---- character classes --------------------------------------------------------- */

/* Control characters: C0 (U+0000..U+001F, NUL, tab and line breaks
 * included), DEL (U+007F) and C1 (U+0080..U+009F, where U+009B is a
 * terminal's CSI). */
static inline int lc_text_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* The explicit bidi formatting characters, as the bidi closer counts them. */
typedef enum lc_bidi_kind {
	LC_BIDI_NONE = 0,
	LC_BIDI_EMBED_OPEN,     /* LRE U+202A, RLE U+202B, LRO U+202D, RLO U+202E */
	LC_BIDI_EMBED_CLOSE,    /* PDF U+202C */
	LC_BIDI_ISOLATE_OPEN,   /* LRI U+2066, RLI U+2067, FSI U+2068 */
	LC_BIDI_ISOLATE_CLOSE   /* PDI U+2069 */
} lc_bidi_kind;

static inline lc_bidi_kind lc_text_bidi_kind(uint32_t c)
{
	if (c >= 0x202A && c <= 0x202E)
		return c == 0x202C ? LC_BIDI_EMBED_CLOSE : LC_BIDI_EMBED_OPEN;
	if (c >= 0x2066 && c <= 0x2069)
		return c == 0x2069 ? LC_BIDI_ISOLATE_CLOSE : LC_BIDI_ISOLATE_OPEN;
	return LC_BIDI_NONE;
}

/* 1 for any explicit bidi formatting character (an opener or a closer). */
static inline int lc_text_is_bidi_control(uint32_t c)
{
	return lc_text_bidi_kind(c) != LC_BIDI_NONE;
}

/* LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR U+2029: line breaks that
 * are not control characters. */
static inline int lc_text_is_line_separator(uint32_t c)
{
	return c == 0x2028 || c == 0x2029;
}

/* ASCII letters and digits: the bytes every word splitter (the diff's text
 * classifier, the word diff, the lint) counts as part of a word. */
static inline int lc_text_is_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* ASCII letters folded to lower case; every other byte as it is. */
static inline unsigned char lc_text_ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* ---- bidi ------------------------------------------------------------------------ */

/* Appends the closers (PDF U+202C, PDI U+2069) for every bidi embedding,
 * override or isolate that s opens and does not close, so right-to-left
 * overrides in input text cannot spill past the end of their piece (a cell,
 * a diff fragment, a quoted line). A closer without an opener is ignored. */
void lc_text_bidi_close(lc_buf *out, const char *s, size_t len);

/* ---- user text inside a message -------------------------------------------------- */

/* Appends s in single quotes for a diagnostic message ("unknown key 'nme'"):
 * at most `max` bytes of it (cut to max - 3 and "..." when longer), C0
 * controls and DEL written as \xHH. What reaches a terminal goes through
 * lc_escape_terminal as well (lc_diag_format). */
void lc_text_put_quoted(lc_buf *out, const char *s, size_t n, size_t max);

/* ---- edit distance ---------------------------------------------------------------- */

/* Words longer than this are not typos of anything: their distance is SIZE_MAX. */
enum { LC_TEXT_EDIT_MAX = 64 };

/* The optimal string alignment distance between a and b: the fewest
 * insertions, deletions, substitutions and swaps of two neighbouring bytes
 * ("nmae" -> "name" is one edit). ASCII letters compare case-insensitively,
 * every other byte exactly. SIZE_MAX when either is longer than
 * LC_TEXT_EDIT_MAX bytes. */
size_t lc_text_edit_distance(const char *a, size_t na, const char *b, size_t nb);

/* "Did you mean": the candidate nearest to a word, within a limit that grows
 * with the word's length: 1 edit for words under 4 bytes, 2 under 8, 3 from
 * 8 on. The first of equally near candidates wins; an empty word matches
 * nothing. Usage:
 *     lc_text_suggest s;
 *     lc_text_suggest_init(&s, word, len);
 *     for (each candidate) lc_text_suggest_try(&s, cand, cand_len);
 *     if (s.best) ... say "did you mean" s.best (s.best_len bytes) */
typedef struct lc_text_suggest {
	const char *word;
	size_t word_len;
	const char *best;   /* the nearest candidate so far, or NULL */
	size_t best_len;
	size_t dist;        /* its distance (SIZE_MAX while best is NULL) */
} lc_text_suggest;

void lc_text_suggest_init(lc_text_suggest *s, const char *word, size_t len);
void lc_text_suggest_try(lc_text_suggest *s, const char *cand, size_t len);

#endif
