/* Ids made from names (slug.h). */
#include "slug.h"

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
