/* Huge pages for ladderc's big buffers: a speed-only path (docs/hacking.md).
 * Used by src/load_file.c (the file's bytes) and src/arena.c (big blocks). */
#ifndef LADDERC_HUGE_PAGES_H
#define LADDERC_HUGE_PAGES_H

#include <stddef.h>

/* Asks the kernel to back the 2 MiB-aligned interior of [p, p + n) with
 * transparent huge pages, where it offers them (THP "always" or "madvise").
 * Call it before the bytes are first written: a 50 MB buffer then costs
 * about 25 page faults instead of 12,000. Does nothing under lc_serial(),
 * for buffers below LC_HUGE_MIN, or where the kernel says no; the bytes are
 * the same either way. */
void lc_huge_advise(void *p, size_t n);

/* Small pages again for [p, p + n), whole huge pages given back: bytes read
 * back into them later (a line quoted in a message) then fault in 4 KiB, not
 * 2 MiB each. */
void lc_huge_unadvise(void *p, size_t n);

/* Smaller buffers are not worth a system call. */
#define LC_HUGE_MIN ((size_t)4 << 20)

/* The size of a huge page, for code that gives whole pages back. */
#define LC_HUGE_PAGE ((size_t)2 << 20)

#endif
