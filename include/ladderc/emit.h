/* ladderc — emitters: the model rendered to an output format.
 *
 * Each format lives in a file of its own (src/emit_FORMAT.c) behind this one
 * interface: it appends to an lc_buf and never touches files or stdout. */
#ifndef LADDERC_EMIT_H
#define LADDERC_EMIT_H

#include "ladderc/buf.h"
#include "ladderc/ladder.h"

/* The resolved model as JSON (the public interface documented in docs/format.md). */
void emit_json(const ladder *l, lc_buf *out);

#endif
