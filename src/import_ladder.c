/* The head and the tracks of an imported ladder (import_ladder.h). */
#include "import_ladder.h"

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

void lc_import_emit_tracks(lc_yaml_writer *w, const lc_import_track *tracks, size_t ntracks,
                           const lc_import_level *levels, size_t nlevels)
{
	lc_yaml_scalar(w, "tracks");
	lc_yaml_seq_start(w);
	for (size_t t = 0; t < ntracks; t++) {
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", tracks[t].id);
		lc_yaml_pair(w, "name", tracks[t].name);
		if (tracks[t].from)
			lc_yaml_pair(w, "from", tracks[t].from);
		lc_yaml_scalar(w, "levels");
		lc_yaml_seq_start(w);
		for (size_t k = 0; k < nlevels; k++)
			if (levels[k].track == t) {
				lc_yaml_map_start(w);
				lc_yaml_pair(w, "id", levels[k].id);
				lc_yaml_pair(w, "name", levels[k].name);
				if (levels[k].untitled)
					lc_yaml_pair(w, "title", "");
				lc_yaml_map_end(w);
			}
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
}
