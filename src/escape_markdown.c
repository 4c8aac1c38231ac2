/* GitHub-flavoured Markdown escaping for text from the ladder.
 *
 * One pass, linear: runs of bytes that need nothing are copied in bulk; a
 * byte that could start markup gets a backslash (CommonMark lets any ASCII
 * punctuation be escaped, and the escape renders as the character itself).
 * Escaped everywhere: \ ` * _ [ ] < > | ~ & # $ @ — emphasis, code, links and
 * images, raw HTML, tables, strikethrough, entities, headings and issue
 * references, math, mentions. At the start of a line also: + - = (lists,
 * setext underlines, thematic breaks) and the '.' or ')' after a leading
 * number (ordered lists); a leading space or tab becomes a character
 * reference so it cannot open an indented code block. A table cell holds
 * inline content only, so there line starts need nothing and line breaks
 * become <br>. Control characters
 * (NUL included) become U+FFFD. Bidi overrides the text leaves open are
 * closed at its end. */
#include "escape.h"

#include <string.h>

#include "text.h"

enum {
	MD_CLEAN = 0,
	MD_ALWAYS,     /* backslash-escape wherever it appears */
	MD_LINE_START, /* backslash-escape at the start of a line */
	MD_DIGIT,
	MD_SPACE,
	MD_NEWLINE,
	MD_CR,
	MD_CONTROL,
	MD_C1_LEAD     /* 0xC2: maybe a C1 control */
};

static const unsigned char md_class[256] = {
	[0x00] = MD_CONTROL, [0x01] = MD_CONTROL, [0x02] = MD_CONTROL, [0x03] = MD_CONTROL,
	[0x04] = MD_CONTROL, [0x05] = MD_CONTROL, [0x06] = MD_CONTROL, [0x07] = MD_CONTROL,
	[0x08] = MD_CONTROL, ['\t'] = MD_SPACE, ['\n'] = MD_NEWLINE, [0x0B] = MD_CONTROL,
	[0x0C] = MD_CONTROL, ['\r'] = MD_CR, [0x0E] = MD_CONTROL, [0x0F] = MD_CONTROL,
	[0x10] = MD_CONTROL, [0x11] = MD_CONTROL, [0x12] = MD_CONTROL, [0x13] = MD_CONTROL,
	[0x14] = MD_CONTROL, [0x15] = MD_CONTROL, [0x16] = MD_CONTROL, [0x17] = MD_CONTROL,
	[0x18] = MD_CONTROL, [0x19] = MD_CONTROL, [0x1A] = MD_CONTROL, [0x1B] = MD_CONTROL,
	[0x1C] = MD_CONTROL, [0x1D] = MD_CONTROL, [0x1E] = MD_CONTROL, [0x1F] = MD_CONTROL,
	[0x7F] = MD_CONTROL, [0xC2] = MD_C1_LEAD,
	[' '] = MD_SPACE,
	['\\'] = MD_ALWAYS, ['`'] = MD_ALWAYS, ['*'] = MD_ALWAYS, ['_'] = MD_ALWAYS,
	['['] = MD_ALWAYS, [']'] = MD_ALWAYS, ['<'] = MD_ALWAYS, ['>'] = MD_ALWAYS,
	['|'] = MD_ALWAYS, ['~'] = MD_ALWAYS, ['&'] = MD_ALWAYS, ['#'] = MD_ALWAYS,
	['$'] = MD_ALWAYS, ['@'] = MD_ALWAYS,
	['+'] = MD_LINE_START, ['-'] = MD_LINE_START, ['='] = MD_LINE_START,
	['0'] = MD_DIGIT, ['1'] = MD_DIGIT, ['2'] = MD_DIGIT, ['3'] = MD_DIGIT, ['4'] = MD_DIGIT,
	['5'] = MD_DIGIT, ['6'] = MD_DIGIT, ['7'] = MD_DIGIT, ['8'] = MD_DIGIT, ['9'] = MD_DIGIT,
};

/* Inside a line, only these bytes need a look: markup that is escaped
 * anywhere, line breaks, controls and the lead byte of the C1 controls. */
static const unsigned char md_stop_inside[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
	[0x08] = 1, ['\n'] = 1, [0x0B] = 1, [0x0C] = 1, ['\r'] = 1, [0x0E] = 1, [0x0F] = 1,
	[0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
	[0x7F] = 1, [0xC2] = 1,
	['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1, ['>'] = 1,
	['|'] = 1, ['~'] = 1, ['&'] = 1, ['#'] = 1, ['$'] = 1, ['@'] = 1,
};

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

void lc_escape_markdown(lc_buf *out, const char *s, size_t len, int in_cell)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0;     /* start of the pending clean run */
	int line_start = !in_cell; /* at the first byte of a line (a cell is inline only) */
	for (size_t i = 0; i < len;) {
		if (!line_start) {
			while (len - i >= 4 && !(md_stop_inside[p[i]] | md_stop_inside[p[i + 1]] |
			                         md_stop_inside[p[i + 2]] | md_stop_inside[p[i + 3]]))
				i += 4;
			while (i < len && !md_stop_inside[p[i]])
				i++;
			if (i == len)
				break;
		}
		unsigned char c = p[i];
		unsigned cls = md_class[c];
		if (cls == MD_CLEAN || (!line_start && (cls == MD_LINE_START || cls == MD_SPACE))) {
			line_start = 0;
			i++;
			continue;
		}
		if (cls == MD_DIGIT) {
			if (line_start) { /* "12." or "3)" would start an ordered list */
				size_t k = i;
				while (k < len && p[k] >= '0' && p[k] <= '9')
					k++;
				if (k < len && (p[k] == '.' || p[k] == ')')) {
					lc_buf_put(out, s + run, k - run);
					lc_buf_putc(out, '\\');
					lc_buf_putc(out, (char)p[k]);
					i = run = k + 1;
					line_start = 0;
					continue;
				}
				i = k;
			} else {
				i++;
			}
			line_start = 0;
			continue;
		}
		if (cls == MD_C1_LEAD && !(i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F)) {
			line_start = 0;
			i++;
			continue;
		}
		lc_buf_put(out, s + run, i - run);
		size_t next = i + 1;
		switch (cls) {
		case MD_ALWAYS:
		case MD_LINE_START:
			lc_buf_putc(out, '\\');
			lc_buf_putc(out, (char)c);
			line_start = 0;
			break;
		case MD_SPACE: /* at a line start */
			lc_buf_puts(out, c == '\t' ? "&#9;" : "&#32;");
			line_start = 0;
			break;
		case MD_CR:
			if (next < len && p[next] == '\n')
				next++;
			/* fall through */
		case MD_NEWLINE:
			lc_buf_puts(out, in_cell ? "<br>" : "\n");
			line_start = !in_cell;
			break;
		case MD_C1_LEAD:
			next = i + 2;
			/* fall through */
		default: /* MD_CONTROL */
			lc_buf_puts(out, REPLACEMENT);
			line_start = 0;
			break;
		}
		i = run = next;
	}
	lc_buf_put(out, s + run, len - run);
	lc_text_bidi_close(out, s, len);
}

void lc_escape_markdown_url(lc_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char safe[] = "-._~:/?#@!$&'+,;=%";
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c && strchr(safe, c))) {
			lc_buf_putc(out, (char)c);
			continue;
		}
		char pct[3] = {'%', hex[c >> 4], hex[c & 15]};
		lc_buf_put(out, pct, 3);
	}
}
