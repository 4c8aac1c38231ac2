/* Private: the HTML ladder page's roles on two threads (speed only).
 *
 * A big ladder page is mostly role sections, and a role's section depends on
 * nothing rendered before it. So the roles can alternate between two
 * threads and still give the bytes of one: the second thread renders every
 * other item into one of a few buffers, and the first, after each item of
 * its own, appends the next one from there. The memory held is a few items'
 * worth, not half the page. src/emit_html.c decides when (never when
 * lc_serial()); its plain path renders the roles one by one. */
#ifndef LADDERC_EMIT_HTML_THREADS_H
#define LADDERC_EMIT_HTML_THREADS_H

#include <stddef.h>

#include "ladderc/buf.h"

/* Appends item i to out; ctx is the renderer of the calling thread. */
typedef void (*lc_html_item_fn)(void *ctx, size_t i, lc_buf *out);

/* Appends items 0..n-1 to out in order: the even ones rendered with
 * main_ctx on this thread, the odd ones with worker_ctx on a second thread.
 * Returns 0, or -1 with nothing appended when no thread could start. */
int lc_html_two_threads(size_t n, lc_html_item_fn render, void *main_ctx, void *worker_ctx, lc_buf *out);

#endif
