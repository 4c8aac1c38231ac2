/* splitmix64: the bench generators' random numbers; small, fast, and the
 * same sequence on every machine, so a generated file is the same bytes
 * everywhere. */
#ifndef LADDERC_BENCH_SPLITMIX_H
#define LADDERC_BENCH_SPLITMIX_H

#include <stdint.h>

static inline uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

#endif
