/* Private: a hash map from id strings to pointers, for lookups by id in the
 * loader and the diff (no quadratic scans). Keys are borrowed, not copied. */
#ifndef LADDERC_IDMAP_H
#define LADDERC_IDMAP_H

#include <stddef.h>

typedef struct idmap_slot {
	const char *key;
	size_t len;
	void *value;
} idmap_slot;

typedef struct idmap {
	idmap_slot *slots;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} idmap;

void idmap_init(idmap *m);
void idmap_free(idmap *m);
/* The value stored under key, or NULL. */
void *idmap_get(const idmap *m, const char *key, size_t len);
/* Stores value under key unless the key is present. Returns the value already
 * stored (the key is then left as it was), NULL after inserting, or `m` itself
 * when out of memory. */
void *idmap_put(idmap *m, const char *key, size_t len, void *value);

#endif
