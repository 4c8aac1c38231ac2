/* Private, for tests: how often each speed-only path was taken in this
 * process, so that a test can see that lc_set_serial(1) takes none. Atomic:
 * the paths run on several threads. */
#ifndef LADDERC_SPEED_TAKEN_H
#define LADDERC_SPEED_TAKEN_H

#include <stdatomic.h>

typedef struct lc_speed_counts {
	atomic_size_t second_threads; /* parse threads started (src/yaml_split.c) */
	atomic_size_t streams;        /* main files whose roles were built while parsed (src/load_stream.c) */
	atomic_size_t releases;       /* files whose pages may be given back (src/source_file.c) */
	atomic_size_t huge_pages;     /* buffers advised to use huge pages (src/huge_pages.c) */
} lc_speed_counts;

extern lc_speed_counts lc_speed_taken;

#endif
