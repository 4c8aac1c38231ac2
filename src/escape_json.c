/* JSON string bodies (RFC 8259), for every JSON output: the model, the
 * views, the diff and the diagnostics.
 *
 * Four table lookups per test over clean text; runs of bytes that need
 * nothing are copied in one lc_buf_put. */
#include "escape.h"

/* 1 for the bytes the escaper must look at: controls, '"', '\\', and 0xE2
 * (the first byte of U+2028 and U+2029). */
static const unsigned char json_stop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, [0xE2] = 1,
};

void lc_escape_json(lc_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0, i = 0;
	for (;;) {
		/* clean text is the rule: four look-ups per test */
		while (i + 4 <= len && !(json_stop[p[i]] | json_stop[p[i + 1]] | json_stop[p[i + 2]] | json_stop[p[i + 3]]))
			i += 4;
		while (i < len && !json_stop[p[i]])
			i++;
		if (i >= len)
			break;
		unsigned char c = p[i];
		const char *esc = NULL;
		char u[7];
		if (c == 0xE2) {
			/* U+2028 and U+2029 are valid JSON but break JavaScript embedding */
			if (i + 2 < len && p[i + 1] == 0x80 && (p[i + 2] & 0xFE) == 0xA8) {
				lc_buf_put(out, s + run, i - run);
				lc_buf_puts(out, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
				i += 3;
				run = i;
			} else {
				i++;
			}
			continue;
		}
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
			u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = '\0';
			esc = u;
		}
		lc_buf_put(out, s + run, i - run);
		lc_buf_puts(out, esc);
		i++;
		run = i;
	}
	lc_buf_put(out, s + run, len - run);
}
