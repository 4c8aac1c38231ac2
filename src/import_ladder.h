/* Private: what every ladder that import writes begins with, whichever
 * table it came from (import.c, import_render.c): the head and the tracks. */
#ifndef LADDERC_IMPORT_LADDER_H
#define LADDERC_IMPORT_LADDER_H

#include <stddef.h>

#include "yaml_writer.h"

typedef struct lc_import_track {
	const char *id, *name, *from;  /* from: NULL for a first track */
} lc_import_track;

typedef struct lc_import_level {
	const char *id, *name;
	size_t track;                  /* index into the tracks */
	size_t col;                    /* its column in the table, or (size_t)-1 */
	unsigned long rank;            /* render's long CSV: its rank on its chains */
	int untitled;                  /* write `title: ""`: the level gives no title */
} lc_import_level;

/* `ladder: 1`, the id (the name's slug, else "ladder") and the name, inside
 * the ladder's mapping. */
void lc_import_emit_head(lc_yaml_writer *w, const char *name);
/* `tracks:`, each with its levels in the order of `levels`. */
void lc_import_emit_tracks(lc_yaml_writer *w, const lc_import_track *tracks, size_t ntracks,
                           const lc_import_level *levels, size_t nlevels);

#endif
