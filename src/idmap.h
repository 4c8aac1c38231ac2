/* Private: a hash map from id strings to pointers, for lookups by id in the
 * loader and the diff (no quadratic scans). Keys are borrowed, not copied. */
#ifndef LADDERC_IDMAP_H
#define LADDERC_IDMAP_H

#include <stddef.h>

typedef struct lc_idmap_slot {
	const char *key;
	size_t len;
	void *value;
} lc_idmap_slot;

typedef struct lc_idmap {
	lc_idmap_slot *slots;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} lc_idmap;

void lc_idmap_init(lc_idmap *m);
void lc_idmap_free(lc_idmap *m);
/* The value stored under key, or NULL. */
void *lc_idmap_get(const lc_idmap *m, const char *key, size_t len);
/* Stores value under key unless the key is present. Returns the value already
 * stored (the key is then left as it was), NULL after inserting, or `m` itself
 * when out of memory. */
void *lc_idmap_put(lc_idmap *m, const char *key, size_t len, void *value);

#endif
