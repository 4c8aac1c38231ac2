/* Private: what the HTML emitter shares with the pages of a site that are
 * no view of one ladder (the index of several ladders, src/site_index.c),
 * so that every page of a site has one frame and one stylesheet. */
#ifndef LADDERC_EMIT_HTML_H
#define LADDERC_EMIT_HTML_H

#include "ladderc/buf.h"

/* A page's start: doctype, head with `title` (escaped) and the inline
 * stylesheet, the skip link, a header naming `title`, and <main>. The page
 * goes on with its content, then "</main>", a footer and "</body></html>". */
void lc_html_page_begin(lc_buf *out, const char *title);

#endif
