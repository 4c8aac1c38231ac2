/* Open-addressing hash map keyed by byte strings (FNV-1a, linear probing). */
#include "idmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void idmap_init(idmap *m)
{
	m->slots = NULL;
	m->cap = m->count = 0;
}

void idmap_free(idmap *m)
{
	free(m->slots);
	idmap_init(m);
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

static idmap_slot *find(const idmap *m, const char *key, size_t len)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)hash(key, len) & mask;; i = (i + 1) & mask) {
		idmap_slot *s = &m->slots[i];
		if (!s->key || (s->len == len && memcmp(s->key, key, len) == 0))
			return s;
	}
}

void *idmap_get(const idmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	idmap_slot *s = find(m, key, len);
	return s->key ? s->value : NULL;
}

static int rehash(idmap *m, size_t cap)
{
	idmap_slot *old = m->slots;
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

void *idmap_put(idmap *m, const char *key, size_t len, void *value)
{
	if ((m->count + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 16) < 0)
		return m;
	idmap_slot *s = find(m, key, len);
	if (s->key)
		return s->value;
	s->key = key;
	s->len = len;
	s->value = value;
	m->count++;
	return NULL;
}
