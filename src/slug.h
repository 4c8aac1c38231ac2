/* Private: ids made from names, and names checked, for the ladders ladderc writes (init, import). */
#ifndef LADDERC_SLUG_H
#define LADDERC_SLUG_H

#include <stddef.h>

/* The slug of s[0..len): its ASCII letters and digits in lower case, every run
 * of anything else one '-' (none at either end), at most `max` characters,
 * written to id[0..max] with a NUL. Returns its length: 0 when the name has
 * no ASCII letter or digit. */
size_t lc_slug(const char *s, size_t len, char *id, size_t max);

/* 1 when s[0..n) is a name as the loader requires: one line of visible text
 * (valid UTF-8, no control characters, line breaks or bidi controls, not
 * only spaces). */
int lc_name_ok(const char *s, size_t n);

#endif
