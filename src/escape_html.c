/* HTML escaping for text content and attribute values.
 *
 * One table lookup per byte, four bytes per test; runs of bytes that need
 * nothing are copied in one lc_buf_put, so escaping costs about as much as
 * copying. */
#include "escape.h"

/* What to do with each byte: 0 copy, 1 drop, 2 replace by an entity, 3 look
 * at the UTF-8 sequence (C2 starts the C1 controls U+0080..U+009F). */
enum { KEEP, DROP, ENTITY, LEAD_C2 };

static const unsigned char byte_action[256] = {
	/* C0 controls: only tab and line feed survive */
	[0x00] = DROP, [0x01] = DROP, [0x02] = DROP, [0x03] = DROP, [0x04] = DROP,
	[0x05] = DROP, [0x06] = DROP, [0x07] = DROP, [0x08] = DROP, [0x0B] = DROP,
	[0x0C] = DROP, [0x0D] = DROP, [0x0E] = DROP, [0x0F] = DROP, [0x10] = DROP,
	[0x11] = DROP, [0x12] = DROP, [0x13] = DROP, [0x14] = DROP, [0x15] = DROP,
	[0x16] = DROP, [0x17] = DROP, [0x18] = DROP, [0x19] = DROP, [0x1A] = DROP,
	[0x1B] = DROP, [0x1C] = DROP, [0x1D] = DROP, [0x1E] = DROP, [0x1F] = DROP,
	[0x7F] = DROP,
	['&'] = ENTITY, ['<'] = ENTITY, ['>'] = ENTITY, ['"'] = ENTITY, ['\''] = ENTITY,
	[0xC2] = LEAD_C2,
};

static const char *entity(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	default: return "&#39;";
	}
}

void lc_escape_html(lc_buf *out, const char *s, size_t len)
{
	if (len == 0)
		return;
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0; /* start of the pending clean run */
	for (size_t i = 0; i < len; i++) {
		/* clean text four bytes at a time */
		while (len - i >= 4 &&
		       !(byte_action[p[i]] | byte_action[p[i + 1]] | byte_action[p[i + 2]] | byte_action[p[i + 3]]))
			i += 4;
		if (i == len)
			break;
		unsigned char action = byte_action[p[i]];
		if (action == KEEP)
			continue;
		if (action == LEAD_C2) {
			/* U+0080..U+009F are C1 controls: an HTML parse error, and
			 * invisible; every other C2 sequence is ordinary text. */
			if (i + 1 >= len || p[i + 1] < 0x80 || p[i + 1] > 0x9F)
				continue;
			lc_buf_put(out, p + run, i - run);
			i++;
			run = i + 1;
			continue;
		}
		lc_buf_put(out, p + run, i - run);
		if (action == ENTITY)
			lc_buf_puts(out, entity(p[i]));
		run = i + 1;
	}
	lc_buf_put(out, p + run, len - run);
}
