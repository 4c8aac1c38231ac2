/* The head and the tracks of an imported ladder (import_ladder.h). */
#include "import_ladder.h"

#include <stdlib.h>

#include <string.h>

#include "slug.h"

void lc_import_emit_head(lc_yaml_writer *w, const char *name)
{
	char id[65];
	lc_yaml_scalar(w, "ladder");
	lc_yaml_scalar(w, "1");
	if (lc_slug(name, strlen(name), id, 64) == 0)
		strcpy(id, "ladder");
	lc_yaml_pair(w, "id", id);
	lc_yaml_pair(w, "name", name);
}

/* A level's place: by track, then rank (render's long CSV may list a
 * chain's levels in any order its rows come in), then table order. */
typedef struct level_place {
	size_t track;
	unsigned long rank;
	size_t k;
} level_place;

static int by_place(const void *a, const void *b)
{
	const level_place *x = a, *y = b;
	if (x->track != y->track)
		return x->track < y->track ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

void lc_import_emit_tracks(lc_yaml_writer *w, const lc_import_track *tracks, size_t ntracks,
                           const lc_import_level *levels, size_t nlevels)
{
	level_place *order = malloc((nlevels ? nlevels : 1) * sizeof *order);
	if (!order) {
		w->ok = 0;
		return;
	}
	for (size_t k = 0; k < nlevels; k++)
		order[k] = (level_place){levels[k].track, levels[k].rank, k};
	qsort(order, nlevels, sizeof *order, by_place);
	lc_yaml_scalar(w, "tracks");
	lc_yaml_seq_start(w);
	size_t k = 0;
	for (size_t t = 0; t < ntracks; t++) {
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", tracks[t].id);
		lc_yaml_pair(w, "name", tracks[t].name);
		if (tracks[t].from)
			lc_yaml_pair(w, "from", tracks[t].from);
		lc_yaml_scalar(w, "levels");
		lc_yaml_seq_start(w);
		for (; k < nlevels && order[k].track == t; k++) {
			const lc_import_level *lv = &levels[order[k].k];
			lc_yaml_map_start(w);
			lc_yaml_pair(w, "id", lv->id);
			lc_yaml_pair(w, "name", lv->name);
			if (lv->untitled)
				lc_yaml_pair(w, "title", "");
			lc_yaml_map_end(w);
		}
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
	free(order);
}
