/* Text for a terminal: `render -f text`, `diff -f text` and the source lines
 * quoted under a diagnostic all go through here, so a ladder (or a pull
 * request changing one) cannot move the cursor, retitle the window or turn
 * the rest of the screen right-to-left.
 *
 * Printable ASCII is copied in runs; only bytes outside it are decoded. */
#include "escape.h"

#include "text.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

void lc_escape_terminal_part(lc_buf *out, const char *s, size_t len, unsigned keep)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0, i = 0;
	while (i < len) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c == '\t' && (keep & LC_ESCAPE_TERMINAL_TAB)) {
			i++;
			continue;
		}
		size_t n;
		uint32_t cp = lc_utf8_decode(s + i, len - i, &n);
		if (cp != LC_UTF8_INVALID && !lc_text_is_control(cp)) {
			i += n;
			continue;
		}
		lc_buf_put(out, s + run, i - run);
		lc_buf_puts(out, REPLACEMENT);
		i += n;
		run = i;
	}
	lc_buf_put(out, s + run, len - run);
}

void lc_escape_terminal(lc_buf *out, const char *s, size_t len, unsigned keep)
{
	lc_escape_terminal_part(out, s, len, keep);
	lc_text_bidi_close(out, s, len);
}
