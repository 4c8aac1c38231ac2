/* Growable byte buffer. */
#include "ladderc/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lc_buf_init(lc_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
	b->sink = NULL;
	b->sink_ctx = NULL;
	b->sink_at = 0;
}

void lc_buf_set_sink(lc_buf *b, int (*sink)(void *ctx, const char *p, size_t n), void *ctx, size_t at)
{
	b->sink = sink;
	b->sink_ctx = ctx;
	b->sink_at = at;
}

int lc_buf_flush(lc_buf *b)
{
	if (b->failed)
		return -1;
	if (b->sink && b->len > 0) {
		if (b->sink(b->sink_ctx, b->data, b->len) < 0) {
			b->failed = 1;
			return -1;
		}
		lc_buf_clear(b);
	}
	return 0;
}

void lc_buf_free(lc_buf *b)
{
	free(b->data);
	lc_buf_init(b);
}

void lc_buf_clear(lc_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

int lc_buf_grow(lc_buf *b, size_t extra)
{
	if (b->failed)
		return -1;
	if (b->sink && b->len > 0 && extra >= b->sink_at - (b->len < b->sink_at ? b->len : b->sink_at) &&
	    lc_buf_flush(b) < 0)
		return -1;
	if (extra < b->cap - b->len)
		return 0;
	if (extra > SIZE_MAX / 2 - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	size_t need = b->len + extra + 1;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

/* lc_buf_put when there is no room or a flush is due (buf.h). */
void lc_buf_put_slow(lc_buf *b, const void *p, size_t n)
{
	if (lc_buf_grow(b, n) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void lc_buf_vprintf(lc_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if ((size_t)n < sizeof small) {
		lc_buf_put(b, small, (size_t)n);
		return;
	}
	if (lc_buf_grow(b, (size_t)n) < 0)
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void lc_buf_put_int(lc_buf *b, long long v)
{
	/* what "%lld" writes, without printf's parsing of its format: the JSON
	 * and assess writers put hundreds of thousands of numbers */
	char digits[24];
	size_t n = sizeof digits;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do {
		digits[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		digits[--n] = '-';
	lc_buf_put(b, digits + n, sizeof digits - n);
}

void lc_buf_printf(lc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lc_buf_vprintf(b, fmt, ap);
	va_end(ap);
}
