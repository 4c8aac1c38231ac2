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

/* A URL as a Markdown link destination, `[name](URL)`: every byte other
 * than letters, digits and - . _ ~ : / ? # @ ! $ & ' + , ; = % is
 * percent-encoded, so no parenthesis, bracket, angle bracket, pipe, quote,
 * backslash or space can end the link or the table cell around it. */
void lc_escape_markdown_url(lc_buf *out, const char *s, size_t len);

/* One CSV field per RFC 4180 (src/escape_csv.c): quoted when it holds a comma,
 * quote, CR or LF (quotes doubled); a field starting with = + - @ TAB or CR
 * gets a leading ' so spreadsheets do not run it as a formula (OWASP). */
void lc_escape_csv(lc_buf *out, const char *s, size_t len);

/* The body of a JSON string, without its quotes (src/escape_json.c): '"',
 * '\\' and every C0 control escaped, U+2028 and U+2029 written as \u2028
 * and \u2029 so the JSON can be embedded in JavaScript; the text comes back
 * byte for byte, NULs and bidi characters included. */
void lc_escape_json(lc_buf *out, const char *s, size_t len);

/* Text for a terminal (src/escape_terminal.c): every control character (C0,
 * NUL included, DEL and C1 U+0080..U+009F, where U+009B is a CSI) and every
 * byte of invalid UTF-8 becomes U+FFFD, one column like the character it
 * replaces, so nothing from the input can drive the terminal. A tab is kept
 * when `keep` has LC_ESCAPE_TERMINAL_TAB; line breaks are the caller's to lay
 * out (indented, wrapped), so they never reach the escaper. lc_escape_terminal
 * then closes every bidi embedding, override or isolate that s leaves open;
 * lc_escape_terminal_part does not, for a piece cut into parts (words of a
 * wrapped text, lines of an indented one) whose caller ends it with
 * lc_text_bidi_close (text.h). */
enum { LC_ESCAPE_TERMINAL_TAB = 1 };
void lc_escape_terminal(lc_buf *out, const char *s, size_t len, unsigned keep);
void lc_escape_terminal_part(lc_buf *out, const char *s, size_t len, unsigned keep);

#endif
