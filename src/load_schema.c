/* Reading a ladder's YAML by the schema: mappings against their known keys
 * (with "did you mean"), the kind each value must be, text, ids and numbers,
 * and the messages that say what is wrong, with the user's text quoted. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/buf.h"
#include "load_internal.h"
#include "text.h"

/* ---- messages ---------------------------------------------------------- */

/* User text inside a message: quoted, shortened, control bytes escaped. */
const char *lc_load_quote(loader *ld, const char *s, size_t n)
{
	lc_buf b = LC_BUF_INIT;
	lc_text_put_quoted(&b, s, n, 60);
	if (lc_buf_failed(&b))
		lc_load_oom(ld);
	char *r = lc_load_need(ld, lc_arena_memdup(ld->arena, b.data, b.len));
	lc_buf_free(&b);
	return r;
}

const char *lc_load_quote_str(loader *ld, ladder_str s)
{
	return lc_load_quote(ld, s.s ? s.s : "", s.len);
}

const char *lc_load_quote_node(loader *ld, const lc_yt_node *n)
{
	return lc_load_quote(ld, n->str, n->len);
}

void lc_load_err(loader *ld, const lc_mark *at, const char *fmt, ...)
{
	if (ld->quiet) {
		ld->diags->errors++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(ld->diags, LC_ERROR, at, NULL, fmt, ap);
	va_end(ap);
	if (ld->diags->oom)
		lc_load_oom(ld);
}

void lc_load_note(loader *ld, const lc_mark *at, const char *fmt, ...)
{
	if (ld->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(ld->diags, LC_NOTE, at, NULL, fmt, ap);
	va_end(ap);
}

/* "; did you mean 'name'?" or "" */
static const char *suggestion(loader *ld, const lc_text_suggest *s)
{
	if (!s->best)
		return "";
	lc_buf b = LC_BUF_INIT;
	lc_buf_printf(&b, "; did you mean %s?", lc_load_quote(ld, s->best, s->best_len));
	char *r = lc_load_need(ld, lc_arena_memdup(ld->arena, b.data, b.len));
	lc_buf_free(&b);
	return r;
}

const char *lc_load_did_you_mean(loader *ld, const char *word, size_t len, const void *set, size_t n,
                                 lc_load_id_at id_at)
{
	lc_text_suggest s;
	lc_text_suggest_init(&s, word, len);
	for (size_t i = 0; i < n; i++) {
		ladder_str id = id_at(set, i);
		lc_text_suggest_try(&s, id.s, id.len);
	}
	return suggestion(ld, &s);
}

/* ---- reading values by the schema --------------------------------------- */

int lc_load_want(loader *ld, const lc_yt_node *n, lc_yt_kind kind, const char *what)
{
	if (n->kind == kind)
		return 1;
	static const char *const kinds[] = {"text", "a sequence (a list of '- ' items)",
	                                    "a mapping (key: value pairs)"};
	lc_load_err(ld, &n->at, "%s must be %s, not %s", what, kinds[kind], lc_yt_kind_name(n));
	return 0;
}

/* Walks a mapping with the given known keys: vals[i] gets the value of
 * keys[i]. Unknown keys are errors (with a suggestion) unless they start with
 * "x-". Returns 0 when `n` is not a mapping. */
int lc_load_walk_map(loader *ld, const lc_yt_node *n, const char *what, const char *const *keys,
                     lc_yt_node **vals, const lc_yt_node **keynodes)
{
	size_t nkeys = 0;
	while (keys[nkeys])
		nkeys++;
	for (size_t i = 0; i < nkeys; i++) {
		vals[i] = NULL;
		if (keynodes)
			keynodes[i] = NULL;
	}
	if (!lc_load_want(ld, n, LC_YT_MAP, what))
		return 0;
	for (uint32_t p = 0; p < n->count; p++) {
		lc_yt_node *k = n->items[2 * p], *v = n->items[2 * p + 1];
		if (k->kind != LC_YT_SCALAR) {
			lc_load_err(ld, &k->at, "keys in %s must be text, not %s", what, lc_yt_kind_name(k));
			continue;
		}
		size_t i;
		for (i = 0; i < nkeys; i++)
			if (strlen(keys[i]) == k->len && memcmp(keys[i], k->str, k->len) == 0)
				break;
		if (i < nkeys) {
			if (!vals[i]) {
				vals[i] = v;
				if (keynodes)
					keynodes[i] = k;
			}
			continue;
		}
		if (k->len >= 2 && k->str[0] == 'x' && k->str[1] == '-')
			continue; /* extension */
		lc_text_suggest s;
		lc_text_suggest_init(&s, k->str, k->len);
		for (i = 0; i < nkeys; i++)
			if (strncmp(keys[i], "x-", 2) != 0)
				lc_text_suggest_try(&s, keys[i], strlen(keys[i]));
		lc_load_err(ld, &k->at, "unknown key %s in %s%s", lc_load_quote_node(ld, k), what, suggestion(ld, &s));
	}
	return 1;
}

int lc_load_require(loader *ld, const lc_yt_node *map, const lc_yt_node *v, const char *key, const char *what)
{
	if (v)
		return 1;
	lc_load_err(ld, &map->at, "%s needs '%s'", what, key);
	return 0;
}

/* Characters that change how text is displayed without being seen: control
 * characters (tab and line breaks allowed in long text), bidi formatting
 * characters, and U+2028/U+2029 in one-line text. */
static int invisible_control(uint32_t c, unsigned flags)
{
	if (c == '\n' || c == '\r' || c == '\t' || lc_text_is_line_separator(c))
		return (flags & T_ONE_LINE) != 0;
	return lc_text_is_control(c) || lc_text_is_bidi_control(c);
}

/* A scalar's text for the model. While streaming, the node is freed soon
 * after: text that is not in the source itself is copied. */
static const char *keep(loader *ld, const lc_yt_node *v)
{
	uintptr_t p = (uintptr_t)v->str;
	if (!ld->copy_text || (p >= (uintptr_t)ld->text_lo && p < (uintptr_t)ld->text_hi))
		return v->str;
	return lc_load_need(ld, lc_arena_memdup(ld->arena, v->str, v->len));
}

/* Text by the schema. Returns 1 with *out set, 0 for null/absent or on error. */

int lc_load_get_text(loader *ld, const lc_yt_node *v, const char *what, unsigned flags, ladder_str *out)
{
	out->s = NULL;
	out->len = 0;
	if (!v)
		return 0;
	if (v->kind == LC_YT_MAP && v->flow) {
		/* `title: {role}` is valid YAML for a mapping: say why */
		lc_load_err(ld, &v->at, "%s must be text, not a mapping", what);
		lc_load_note(ld, &v->at,
		             "a value starting with '{' is read as a YAML mapping; quote it, as in \"{role} Lead\"");
		return 0;
	}
	if (!lc_load_want(ld, v, LC_YT_SCALAR, what))
		return 0;
	if (lc_yt_is_null(v)) {
		if (flags & T_NONEMPTY)
			lc_load_err(ld, &v->at, "%s is empty", what);
		return 0;
	}
	if (flags & T_NO_CONTROL) {
		for (size_t i = 0, n; i < v->len; i += n) {
			unsigned char b = (unsigned char)v->str[i];
			if (b >= 0x20 && b < 0x7F) {
				n = 1; /* printable ASCII, nearly all of a ladder: no decoding */
				continue;
			}
			uint32_t c = lc_utf8_decode(v->str + i, v->len - i, &n);
			if (c != LC_UTF8_INVALID && invisible_control(c, flags)) {
				if (c == '\n' || c == '\r')
					lc_load_err(ld, &v->at, "%s must be one line", what);
				else
					lc_load_err(ld, &v->at, "%s contains the invisible control character U+%04X; remove it", what,
					            (unsigned)c);
				return 0;
			}
		}
	}
	if ((flags & T_NONEMPTY)) {
		size_t i = 0;
		while (i < v->len && (v->str[i] == ' ' || v->str[i] == '\t' || v->str[i] == '\n'))
			i++;
		if (i == v->len) {
			lc_load_err(ld, &v->at, "%s is empty", what);
			return 0;
		}
	}
	out->s = keep(ld, v);
	out->len = v->len;
	return 1;
}

static int valid_id(const char *s, size_t n)
{
	if (n == 0 || n > LC_LOAD_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '-' && c != '_')))
			return 0;
	}
	return 1;
}

int lc_load_get_id(loader *ld, const lc_yt_node *v, const char *what, ladder_str *out)
{
	out->s = NULL;
	out->len = 0;
	if (!v || !lc_load_want(ld, v, LC_YT_SCALAR, what))
		return 0;
	if (!valid_id(v->str, v->len)) {
		if (v->len > LC_LOAD_ID_MAX)
			lc_load_err(ld, &v->at, "%s is %zu characters long; ids have at most %d", what, v->len, LC_LOAD_ID_MAX);
		else
			lc_load_err(ld, &v->at, "%s %s is not a valid id: ids are letters, digits, '-' and '_', starting with a letter or digit",
			    what, lc_load_quote_node(ld, v));
		return 0;
	}
	out->s = keep(ld, v);
	out->len = v->len;
	return 1;
}

/* Numbers: digits with an optional fraction; nothing YAML 1.1 would guess. */
int lc_load_get_number(loader *ld, const lc_yt_node *v, const char *what, int integer, double min,
                       double max, ladder_number *out)
{
	memset(out, 0, sizeof *out);
	if (!v || !lc_load_want(ld, v, LC_YT_SCALAR, what))
		return 0;
	const char *s = v->str;
	size_t n = v->len, i = 0;
	int ok = n > 0 && n < 32;
	while (ok && i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	ok = ok && i > 0 && !(s[0] == '0' && i > 1);
	if (ok && i < n && s[i] == '.' && !integer) {
		size_t f = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		ok = i > f;
	}
	ok = ok && i == n;
	if (!ok) {
		lc_load_err(ld, &v->at, "%s must be %s, not %s", what, integer ? "a whole number" : "a number",
		    lc_load_quote_node(ld, v));
		return 0;
	}
	double d = strtod(s, NULL);
	if (d < min || d > max) {
		lc_load_err(ld, &v->at, "%s must be between %g and %g, not %s", what, min, max, lc_load_quote_node(ld, v));
		return 0;
	}
	out->present = 1;
	out->text.s = v->str;
	out->text.len = v->len;
	out->value = d;
	out->at = v->at;
	return 1;
}

/* A sequence of text, e.g. evidence. */
ladder_str *lc_load_get_text_list(loader *ld, const lc_yt_node *v, const char *what, unsigned flags,
                                  size_t *n, lc_mark **marks)
{
	*n = 0;
	if (marks)
		*marks = NULL;
	if (!v || lc_yt_is_null(v))
		return NULL;
	if (!lc_load_want(ld, v, LC_YT_SEQ, what))
		return NULL;
	ladder_str *out = lc_load_alloc(ld, v->count, sizeof *out);
	if (marks)
		*marks = lc_load_alloc(ld, v->count, sizeof **marks);
	for (uint32_t i = 0; i < v->count; i++) {
		if (lc_load_get_text(ld, v->items[i], what, flags | T_NONEMPTY, &out[*n])) {
			if (marks)
				(*marks)[*n] = v->items[i]->at;
			(*n)++;
		}
	}
	return out;
}
