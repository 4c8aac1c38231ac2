/* Huge pages for big buffers (see huge_pages.h). On this project's VMs a
 * page fault costs about 29 us, so filling 50 MB of fresh 4 KiB pages costs
 * 0.35 s, more than libyaml takes to parse the same 50 MB (docs/performance.md).
 * One huge page replaces 512 of those faults. */
#define _GNU_SOURCE /* MADV_HUGEPAGE */
#include "huge_pages.h"

#include <stdint.h>
#include <sys/mman.h>

#include "ladderc/speed.h"
#include "speed_taken.h"

void lc_huge_advise(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	if (!p || n < LC_HUGE_MIN || lc_serial())
		return;
	uintptr_t lo = ((uintptr_t)p + LC_HUGE_PAGE - 1) & ~(uintptr_t)(LC_HUGE_PAGE - 1);
	uintptr_t hi = ((uintptr_t)p + n) & ~(uintptr_t)(LC_HUGE_PAGE - 1);
	/* advice, not a promise: a kernel without THP says EINVAL, and the
	 * buffer is then what it would have been without the call */
	if (lo < hi && madvise((void *)lo, hi - lo, MADV_HUGEPAGE) == 0)
		atomic_fetch_add(&lc_speed_taken.huge_pages, 1);
#else
	(void)p;
	(void)n;
#endif
}

void lc_huge_unadvise(void *p, size_t n)
{
#ifdef MADV_NOHUGEPAGE
	(void)madvise(p, n, MADV_NOHUGEPAGE); /* advice: failing changes nothing */
#else
	(void)p;
	(void)n;
#endif
}
