/* ladderc — growable byte buffer used by every part of the library.
 *
 * A failed allocation makes the buffer "failed": later appends do nothing
 * and lc_buf_failed() reports it, so writers can emit freely and check once. */
#ifndef LADDERC_BUF_H
#define LADDERC_BUF_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct lc_buf {
	char *data;   /* always NUL-terminated when len > 0 or after any append */
	size_t len;
	size_t cap;
	int failed;   /* sticky: an allocation failed */
	/* optional sink (lc_buf_set_sink): when an append would take the buffer
	 * past sink_at bytes, the bytes so far go to sink(sink_ctx, ...) first and
	 * the buffer starts again at 0, so output of any size passes through a
	 * bounded buffer; a sink that returns < 0 makes the buffer failed */
	int (*sink)(void *ctx, const char *p, size_t n);
	void *sink_ctx;
	size_t sink_at;
} lc_buf;

#define LC_BUF_INIT {NULL, 0, 0, 0, NULL, NULL, 0}

void lc_buf_init(lc_buf *b);
void lc_buf_free(lc_buf *b);
void lc_buf_clear(lc_buf *b);
/* Makes room for `extra` more bytes; returns 0, or -1 (and marks the buffer failed). */
int lc_buf_grow(lc_buf *b, size_t extra);
/* Appends. Inline: the emitters append small pieces, most of them constant
 * strings, millions of times; the common case (room, no flush due) is a
 * copy the compiler can see, the rest goes to lc_buf_put_slow. */
void lc_buf_put_slow(lc_buf *b, const void *p, size_t n);
static inline void lc_buf_put(lc_buf *b, const void *p, size_t n)
{
	if (b->data && n < b->cap - b->len && (!b->sink || b->len + n < b->sink_at) && !b->failed) {
		if (n)
			memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	lc_buf_put_slow(b, p, n);
}
static inline void lc_buf_puts(lc_buf *b, const char *s)
{
	lc_buf_put(b, s, strlen(s));
}
static inline void lc_buf_putc(lc_buf *b, char c)
{
	lc_buf_put(b, &c, 1);
}
/* v in decimal, as "%lld" writes it. */
void lc_buf_put_int(lc_buf *b, long long v);
void lc_buf_printf(lc_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lc_buf_vprintf(lc_buf *b, const char *fmt, va_list ap);
/* Writers that stream: see the sink fields. lc_buf_flush hands whatever is
 * buffered to the sink (0, or -1 when the sink or the buffer failed). */
void lc_buf_set_sink(lc_buf *b, int (*sink)(void *ctx, const char *p, size_t n), void *ctx, size_t at);
int lc_buf_flush(lc_buf *b);
static inline int lc_buf_failed(const lc_buf *b) { return b->failed; }

#ifdef __cplusplus
}
#endif

#endif
