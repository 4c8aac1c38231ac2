/* Open-addressing hash map keyed by byte strings (FNV-1a, linear probing). */
#include "idmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void lc_idmap_init(lc_idmap *m)
{
	m->slots = NULL;
	m->cap = m->count = 0;
}

void lc_idmap_free(lc_idmap *m)
{
	free(m->slots);
	lc_idmap_init(m);
}

static uint64_t hash(const char *key, size_t len)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 1099511628211u;
	}
	return h;
}

static lc_idmap_slot *find(const lc_idmap *m, const char *key, size_t len)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)hash(key, len) & mask;; i = (i + 1) & mask) {
		lc_idmap_slot *s = &m->slots[i];
		if (!s->key || (s->len == len && memcmp(s->key, key, len) == 0))
			return s;
	}
}

void *lc_idmap_get(const lc_idmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	lc_idmap_slot *s = find(m, key, len);
	return s->key ? s->value : NULL;
}

static int rehash(lc_idmap *m, size_t cap)
{
	lc_idmap_slot *old = m->slots;
	size_t oldcap = m->cap;
	m->slots = calloc(cap, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return -1;
	}
	m->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].len) = old[i];
	free(old);
	return 0;
}

void *lc_idmap_put(lc_idmap *m, const char *key, size_t len, void *value)
{
	if ((m->count + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 16) < 0)
		return m;
	lc_idmap_slot *s = find(m, key, len);
	if (s->key)
		return s->value;
	s->key = key;
	s->len = len;
	s->value = value;
	m->count++;
	return NULL;
}
