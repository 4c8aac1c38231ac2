/* ladderc — a small streaming JSON writer (RFC 8259), pretty-printed with two
 * spaces, deterministic. Used by every JSON output (model, diff, diagnostics). */
#ifndef LADDERC_JSON_H
#define LADDERC_JSON_H

#include <stddef.h>
#include "ladderc/buf.h"
#include "ladderc/ladder.h"

enum { LC_JSON_MAX_DEPTH = 32 };

typedef struct lc_json {
	lc_buf *out;
	int depth;
	int count[LC_JSON_MAX_DEPTH]; /* items written at each depth */
	int after_key;
	int compact;                  /* one line, no spaces */
} lc_json;

void lc_json_init(lc_json *j, lc_buf *out);
void lc_json_object(lc_json *j);
void lc_json_array(lc_json *j);
void lc_json_end_object(lc_json *j);
void lc_json_end_array(lc_json *j);
void lc_json_key(lc_json *j, const char *key);
void lc_json_key_n(lc_json *j, const char *key, size_t len);
void lc_json_string(lc_json *j, const char *s, size_t len);
void lc_json_cstring(lc_json *j, const char *s);
/* A ladder_str, or null when absent. */
void lc_json_str(lc_json *j, ladder_str s);
/* A competency's links: [{"name", "url"}, ...]. */
void lc_json_links(lc_json *j, const ladder_link *links, size_t n);
/* A role's `levels:` as an array of level ids in ladder order (for a role
 * that names them: r->in_levels). */
void lc_json_role_levels(lc_json *j, const ladder *l, const ladder_role *r);
/* A number already known to be valid JSON number text. */
void lc_json_number_text(lc_json *j, const char *s, size_t len);
void lc_json_int(lc_json *j, long long v);
void lc_json_bool(lc_json *j, int v);
void lc_json_null(lc_json *j);
/* Ends the document with a newline. */
void lc_json_finish(lc_json *j);

#endif
