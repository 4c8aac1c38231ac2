/* One CSV field per RFC 4180, safe to open in a spreadsheet.
 *
 * A field that starts with = + - @ TAB or CR gets a leading ' so that
 * spreadsheets show it as text instead of running it as a formula (OWASP
 * "CSV injection"). A field holding a comma, quote, CR or LF is quoted, with
 * quotes doubled. Every other byte is copied as it is (NUL included: the
 * file holds exactly the ladder's text). One pass to decide, one to copy,
 * runs copied in bulk. */
#include "escape.h"

#include <string.h>

/* 1 for the bytes that make a field need quotes: , " CR LF */
static const unsigned char special[256] = {[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};

static int needs_quotes(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	/* clean text is the rule: four look-ups per test */
	for (; i + 4 <= len; i += 4)
		if (special[p[i]] | special[p[i + 1]] | special[p[i + 2]] | special[p[i + 3]])
			return 1;
	for (; i < len; i++)
		if (special[p[i]])
			return 1;
	return 0;
}

void lc_escape_csv(lc_buf *out, const char *s, size_t len)
{
	int formula = len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	                          s[0] == '\t' || s[0] == '\r');
	if (!needs_quotes(s, len)) {
		if (formula)
			lc_buf_putc(out, '\'');
		lc_buf_put(out, s, len);
		return;
	}
	lc_buf_putc(out, '"');
	if (formula)
		lc_buf_putc(out, '\'');
	size_t run = 0;
	for (const char *q; run < len && (q = memchr(s + run, '"', len - run));) {
		size_t at = (size_t)(q - s) + 1; /* copy through the quote, then double it */
		lc_buf_put(out, s + run, at - run);
		lc_buf_putc(out, '"');
		run = at;
	}
	lc_buf_put(out, s + run, len - run);
	lc_buf_putc(out, '"');
}
