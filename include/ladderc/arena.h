/* ladderc — region allocator: the model and all its strings live in one arena
 * that is freed at once. */
#ifndef LADDERC_ARENA_H
#define LADDERC_ARENA_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>

typedef struct lc_arena lc_arena;

lc_arena *lc_arena_new(void);
void lc_arena_free(lc_arena *a);
/* Zeroed memory aligned for any type, or NULL when out of memory. */
void *lc_arena_alloc(lc_arena *a, size_t size);
/* Zeroed array of n elements of `size` bytes; NULL on overflow or out of memory. */
void *lc_arena_calloc(lc_arena *a, size_t n, size_t size);
/* Copy of p[0..n) followed by a NUL byte (p may itself contain NULs). */
char *lc_arena_memdup(lc_arena *a, const void *p, size_t n);
/* Moves everything allocated in `from` into `a` and frees `from`: what was
 * built on another thread then lives, and is freed, with `a`. */
void lc_arena_adopt(lc_arena *a, lc_arena *from);
/* Forgets everything allocated in `a` but keeps its biggest block for
 * what comes next: scratch memory reused item after item. */
void lc_arena_reset(lc_arena *a);
/* Total bytes obtained from the system, for limits and benchmarks. */
size_t lc_arena_footprint(const lc_arena *a);

#ifdef __cplusplus
}
#endif

#endif
