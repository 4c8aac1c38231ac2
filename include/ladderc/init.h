/* ladderc — a starter ladder, as `ladderc init` writes it.
 *
 * The starter is a complete ladder that `check` accepts with no errors: tracks
 * and levels with titles, a company-wide core group, one role with a group of
 * its own, promotion criteria, and a first line that points editors at the
 * schema (`# yaml-language-server: $schema=ladder.schema.json`). Its
 * expectations are placeholder sentences that the vague-language rule flags,
 * so `check --strict` fails until each one is rewritten. */
#ifndef LADDERC_INIT_H
#define LADDERC_INIT_H

#ifdef __cplusplus
extern "C" {
#endif

#include "ladderc/buf.h"

typedef enum ladder_init_tracks {
	LADDER_INIT_SINGLE,   /* one individual-contributor track, IC1-IC5 */
	LADDER_INIT_DUAL      /* IC1-IC2, then an expert and a people-leadership track forking at IC2 */
} ladder_init_tracks;

/* The --tracks names, "single" and "dual": sets *out and returns 0, or -1. */
int ladder_init_parse_tracks(const char *name, ladder_init_tracks *out);

typedef struct ladder_init_options {
	ladder_init_tracks tracks;
	const char *name;   /* the ladder's `name` (its id is made from it); NULL: LADDER_INIT_DEFAULT_NAME */
} ladder_init_options;

#define LADDER_INIT_DEFAULT_NAME "Our company"

typedef enum ladder_init_status {
	LADDER_INIT_OK = 0,
	LADDER_INIT_NOMEM = -1,
	/* the name is not one line of visible text (empty, invalid UTF-8, a
	 * control character, a line break or a bidi control): the loader would
	 * reject the ladder */
	LADDER_INIT_BAD_NAME = -2
} ladder_init_status;

/* Appends the starter ladder's YAML to `out` (written by libyaml's emitter, so
 * any name is quoted as YAML needs). Returns a ladder_init_status. */
int ladder_init_write(lc_buf *out, const ladder_init_options *o);

#ifdef __cplusplus
}
#endif

#endif
