/* Ids made from names (slug.h). */
#include "slug.h"

#include <stdint.h>

#include "text.h"

size_t lc_slug(const char *s, size_t len, char *id, size_t max)
{
	size_t n = 0;
	int dash = 0;
	for (size_t i = 0; i < len && n < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (lc_text_is_ascii_alnum(c)) {
			if (dash && n > 0 && n + 1 < max)
				id[n++] = '-';
			dash = 0;
			id[n++] = (char)lc_text_ascii_lower(c);
		} else {
			dash = 1;
		}
	}
	id[n] = '\0';
	return n;
}

int lc_name_ok(const char *s, size_t n)
{
	size_t visible = 0;
	for (size_t i = 0, len; i < n; i += len) {
		uint32_t c = lc_utf8_decode(s + i, n - i, &len);
		if (c == LC_UTF8_INVALID || lc_text_is_control(c) || lc_text_is_bidi_control(c) ||
		    lc_text_is_line_separator(c))
			return 0;
		if (c != ' ')
			visible++;
	}
	return visible > 0;
}
