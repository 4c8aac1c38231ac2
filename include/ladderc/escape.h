/* ladderc — escapers: text from the ladder made safe for each output.
 * Every function appends to `out`; `s` may contain any bytes (NULs included). */
#ifndef LADDERC_ESCAPE_H
#define LADDERC_ESCAPE_H

#include <stddef.h>
#include "ladderc/buf.h"

/* HTML text and attribute values: & < > " ' escaped; control characters
 * other than tab and newline dropped (src/escape_html.c). */
void lc_escape_html(lc_buf *out, const char *s, size_t len);

/* GitHub-flavoured Markdown inline text (src/escape_markdown.c): backslash-escapes
 * every ASCII punctuation character that could start markup (including a
 * leading #, >, -, +, 1. and link or HTML syntax); `in_cell` also escapes '|'
 * and turns line breaks into <br>. */
void lc_escape_markdown(lc_buf *out, const char *s, size_t len, int in_cell);

/* One CSV field per RFC 4180 (src/escape_csv.c): quoted when it holds a comma,
 * quote, CR or LF (quotes doubled); a field starting with = + - @ TAB or CR
 * gets a leading ' so spreadsheets do not run it as a formula (OWASP). */
void lc_escape_csv(lc_buf *out, const char *s, size_t len);

#endif
