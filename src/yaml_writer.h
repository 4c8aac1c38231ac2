/* Private: writing YAML through libyaml's emitter into an lc_buf, for the
 * ladders that ladderc writes (`init`'s starter, `import`'s result). Nothing
 * is quoted by hand: the emitter quotes whatever a text needs.
 *
 * Every call is a no-op once an event has failed (w->ok is 0), so a writer
 * runs to its end and checks lc_yaml_end's result once. */
#ifndef LADDERC_YAML_WRITER_H
#define LADDERC_YAML_WRITER_H

#include <stddef.h>
#include <yaml.h>

#include "ladderc/buf.h"

typedef struct lc_yaml_writer {
	yaml_emitter_t e;
	int ok;   /* 0 once an event failed: the rest are skipped */
} lc_yaml_writer;

/* Starts a stream and a document, appended to `out`: block style, two-space
 * indents, no line wrapping, UTF-8 as it is. 0, or -1 out of memory. */
int lc_yaml_begin(lc_yaml_writer *w, lc_buf *out);
/* Ends the document and the stream and frees the emitter. 1 when everything
 * was written, 0 when something failed (out of memory). */
int lc_yaml_end(lc_yaml_writer *w);

/* A scalar with the given style; YAML_ANY_SCALAR_STYLE lets the emitter pick
 * plain, or quotes when the text needs them. */
void lc_yaml_scalar_styled(lc_yaml_writer *w, const char *s, size_t len, yaml_scalar_style_t style);
/* A key, or a value that is read as written by every YAML reader (digits). */
void lc_yaml_scalar(lc_yaml_writer *w, const char *s);
/* A text value: quoted when other YAML readers would type it as null, a
 * boolean or a number, so that an editor's schema check sees a string. */
void lc_yaml_text(lc_yaml_writer *w, const char *s, size_t len);
/* A text value that may span lines: a literal block scalar when it does (the
 * emitter falls back to quotes when a block cannot hold it). */
void lc_yaml_long_text(lc_yaml_writer *w, const char *s, size_t len);
void lc_yaml_pair(lc_yaml_writer *w, const char *key, const char *value);

void lc_yaml_map_start(lc_yaml_writer *w);
void lc_yaml_map_end(lc_yaml_writer *w);
void lc_yaml_seq_start(lc_yaml_writer *w);
void lc_yaml_seq_end(lc_yaml_writer *w);

#endif
