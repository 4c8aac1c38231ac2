/* Region allocator: large blocks carved linearly, freed all at once. */
#include "ladderc/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "huge_pages.h"

typedef struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[];
} block;

struct lc_arena {
	block *head;
	size_t footprint;
};

enum { BLOCK_MIN = 64 * 1024 };

lc_arena *lc_arena_new(void)
{
	return calloc(1, sizeof(lc_arena));
}

void lc_arena_free(lc_arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

/* Carves `size` bytes (rounded up to the alignment) without clearing them. */
static void *carve(lc_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	if (size > SIZE_MAX - align)
		return NULL;
	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	block *b = a->head;
	if (!b || b->size - b->used < size) {
		/* Blocks double with the arena, so a big model needs few mallocs
		 * and its big blocks can take huge pages; the unused end of the
		 * last block is address space, not memory, until it is used. */
		size_t want = BLOCK_MIN;
		if (a->footprint > want)
			want = a->footprint;
		if (want > (size_t)64 << 20)
			want = (size_t)64 << 20;
		if (size > want)
			want = size;
		if (want > SIZE_MAX - sizeof(block))
			return NULL;
		block *nb = malloc(sizeof(block) + want);
		if (!nb)
			return NULL;
		lc_huge_advise(nb, sizeof(block) + want);
		nb->size = want;
		nb->used = 0;
		a->footprint += want;
		/* A big one-off allocation goes behind the current block so the
		 * current block's free space stays in use. */
		if (b && size == want && b->size - b->used > 256) {
			nb->next = b->next;
			b->next = nb;
			nb->used = size;
			return nb->data;
		}
		nb->next = b;
		a->head = b = nb;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

void *lc_arena_alloc(lc_arena *a, size_t size)
{
	void *p = carve(a, size);
	if (p)
		memset(p, 0, size ? size : 1);
	return p;
}

void *lc_arena_calloc(lc_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return lc_arena_alloc(a, n * size);
}

char *lc_arena_memdup(lc_arena *a, const void *p, size_t n)
{
	if (n == SIZE_MAX)
		return NULL;
	/* unzeroed: the copy and the NUL overwrite every byte the caller sees */
	char *s = carve(a, n + 1);
	if (!s)
		return NULL;
	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void lc_arena_reset(lc_arena *a)
{
	block *keep = a->head;
	for (block *b = a->head; b; b = b->next)
		if (b->size > keep->size)
			keep = b;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		if (b != keep)
			free(b);
	}
	a->head = keep;
	a->footprint = 0;
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
		a->footprint = keep->size;
	}
}

size_t lc_arena_footprint(const lc_arena *a)
{
	return a->footprint;
}

void lc_arena_adopt(lc_arena *a, lc_arena *from)
{
	block *last = from->head;
	if (last) {
		while (last->next)
			last = last->next;
		/* behind the current block, which keeps serving small allocations */
		if (a->head) {
			last->next = a->head->next;
			a->head->next = from->head;
		} else {
			a->head = from->head;
		}
	}
	a->footprint += from->footprint;
	free(from);
}
