/* Diagnostics: collection, ordering and gcc-style rendering with carets. */
#include "ladderc/diag.h"
#include "escape.h"
#include "source_file.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_MAX_ERRORS = 100 };

void lc_diags_init(lc_diags *d)
{
	memset(d, 0, sizeof *d);
}

void lc_diags_free(lc_diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->items[i].block);
	free(d->items);
	lc_diags_init(d);
}

static size_t max_errors(const lc_diags *d)
{
	return d->max_errors ? d->max_errors : DEFAULT_MAX_ERRORS;
}

int lc_diags_full(const lc_diags *d)
{
	return d->errors >= max_errors(d);
}

int lc_diags_vadd(lc_diags *d, lc_severity sev, const lc_mark *at, const char *rule,
                  const char *fmt, va_list ap)
{
	if (sev == LC_ERROR) {
		if (d->errors >= max_errors(d)) {
			d->errors++;
			d->truncated = 1;
			return 0;
		}
		d->errors++;
	} else if (sev == LC_WARNING) {
		d->warnings++;
	} else if (d->truncated) {
		return 0; /* the note's error was dropped */
	}
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		lc_diag *items = realloc(d->items, cap * sizeof *items);
		if (!items) {
			d->oom = 1;
			return 0;
		}
		d->items = items;
		d->cap = cap;
	}
	/* one block: message, file name, source line */
	lc_buf blk = LC_BUF_INIT;
	lc_buf_vprintf(&blk, fmt, ap);
	size_t msg_len = blk.len;
	lc_buf_putc(&blk, '\0');
	size_t file_off = blk.len, src_off = 0, src_len = 0;
	int has_file = at && at->src && at->src->path;
	int has_src = 0;
	if (has_file) {
		lc_buf_puts(&blk, at->src->path);
		lc_buf_putc(&blk, '\0');
		const char *line = at->line ? lc_source_line(at->src, at->line, &src_len) : NULL;
		/* a huge line (a minified file) is not worth quoting */
		if (line && src_len <= 1000) {
			has_src = 1;
			src_off = blk.len;
			lc_buf_put(&blk, line, src_len);
			lc_buf_putc(&blk, '\0');
		}
	}
	if (lc_buf_failed(&blk) || !blk.data) {
		lc_buf_free(&blk);
		d->oom = 1;
		return 0;
	}
	(void)msg_len;
	lc_diag *dg = &d->items[d->count++];
	memset(dg, 0, sizeof *dg);
	dg->severity = sev;
	dg->rule = rule;
	dg->block = blk.data;
	dg->message = blk.data;
	if (has_file) {
		dg->file = blk.data + file_off;
		dg->line = at->line;
		dg->col = at->col;
		dg->order = at->src->order;
	}
	if (has_src) {
		dg->source = blk.data + src_off;
		dg->source_len = src_len;
	}
	return !lc_diags_full(d);
}

int lc_diags_add(lc_diags *d, lc_severity sev, const lc_mark *at, const char *rule,
                 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = lc_diags_vadd(d, sev, at, rule, fmt, ap);
	va_end(ap);
	return r;
}

void lc_diags_append(lc_diags *dst, lc_diags *src)
{
	size_t kept_errors = 0;
	if (src->count > dst->cap - dst->count) {
		size_t cap = dst->cap ? dst->cap : 16;
		while (cap - dst->count < src->count && cap <= SIZE_MAX / 2 / sizeof *dst->items)
			cap *= 2;
		lc_diag *items = cap - dst->count >= src->count ? realloc(dst->items, cap * sizeof *items) : NULL;
		if (!items) {
			dst->oom = 1;
			dst->errors += src->errors;
			dst->warnings += src->warnings;
			lc_diags_free(src);
			return;
		}
		dst->items = items;
		dst->cap = cap;
	}
	for (size_t i = 0; i < src->count; i++) {
		lc_diag *dg = &src->items[i];
		if (dg->severity == LC_ERROR) {
			kept_errors++;
			if (dst->errors >= max_errors(dst)) {
				dst->errors++;
				dst->truncated = 1;
				free(dg->block);
				continue;
			}
			dst->errors++;
		} else if (dg->severity == LC_WARNING) {
			dst->warnings++;
		} else if (dst->truncated) {
			free(dg->block); /* the note's error was dropped */
			continue;
		}
		dst->items[dst->count++] = *dg;
	}
	/* errors src counted but did not keep (past its own cap) */
	dst->errors += src->errors - kept_errors;
	dst->truncated |= src->truncated;
	dst->oom |= src->oom;
	free(src->items);
	lc_diags_init(src);
}

/* Sorting keeps each note with the diagnostic before it. */
typedef struct group {
	size_t first, n;
	unsigned order;
	uint32_t line, col;
} group;

static int group_cmp(const void *pa, const void *pb)
{
	const group *a = pa, *b = pb;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	/* qsort is not stable: fall back to the original order */
	return a->first < b->first ? -1 : a->first > b->first;
}

void lc_diags_sort(lc_diags *d)
{
	if (d->count < 2)
		return;
	group *groups = malloc(d->count * sizeof *groups);
	lc_diag *out = malloc(d->count * sizeof *out);
	if (!groups || !out) {
		free(groups);
		free(out);
		return; /* unsorted is still correct */
	}
	size_t ng = 0;
	for (size_t i = 0; i < d->count; i++) {
		if (d->items[i].severity == LC_NOTE && ng > 0) {
			groups[ng - 1].n++;
			continue;
		}
		const lc_diag *dg = &d->items[i];
		groups[ng].first = i;
		groups[ng].n = 1;
		groups[ng].order = dg->order;
		groups[ng].line = dg->line;
		groups[ng].col = dg->col;
		ng++;
	}
	qsort(groups, ng, sizeof *groups, group_cmp);
	size_t k = 0;
	for (size_t g = 0; g < ng; g++)
		for (size_t i = 0; i < groups[g].n; i++)
			out[k++] = d->items[groups[g].first + i];
	memcpy(d->items, out, d->count * sizeof *out);
	free(groups);
	free(out);
}

/* Line starts, recognising every break libyaml does: LF, CR LF, lone CR,
 * NEL (C2 85), LS and PS (E2 80 A8/A9). */
static size_t break_len(const char *p, size_t left)
{
	unsigned char c = (unsigned char)p[0];
	if (c == '\n')
		return 1;
	if (c == '\r')
		return (left > 1 && p[1] == '\n') ? 2 : 1;
	if (c == 0xC2 && left > 1 && (unsigned char)p[1] == 0x85)
		return 2;
	if (c == 0xE2 && left > 2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
		return 3;
	return 0;
}

/* Appends the start of every line that begins after a break starting in
 * d[0, limit) (d holds n >= limit bytes, so a break may end past limit) and
 * returns where the scan stopped: the next chunk starts there. */
static size_t scan_breaks(const unsigned char *d, size_t n, size_t limit, size_t base, size_t **lines,
                          size_t *count, size_t *cap)
{
	/* only LF, CR, C2 and E2 can start a break: the bytes between are
	 * skipped with one table look-up each */
	static const unsigned char may_break[256] = {['\n'] = 1, ['\r'] = 1, [0xC2] = 1, [0xE2] = 1};
	size_t i = 0;
	while (i < limit) {
		/* eight bytes at a time while none is LF, CR or non-ASCII */
		while (limit - i >= 8) {
			uint64_t w;
			memcpy(&w, d + i, 8);
			const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
			uint64_t lf = w ^ (ones * '\n'), cr = w ^ (ones * '\r');
			if ((w | ((lf - ones) & ~lf) | ((cr - ones) & ~cr)) & high)
				break;
			i += 8;
		}
		while (i < limit && !may_break[d[i]])
			i++;
		if (i == limit)
			break;
		size_t bl = break_len((const char *)d + i, n - i);
		if (!bl) {
			i++;
			continue;
		}
		i += bl;
		if (*count == *cap) {
			size_t ncap = *cap * 2;
			size_t *nl = realloc(*lines, ncap * sizeof *nl);
			if (!nl)
				return SIZE_MAX;
			*lines = nl;
			*cap = ncap;
		}
		(*lines)[(*count)++] = base + i;
	}
	return i;
}

/* A source whose pages may have been released is read in chunks, from the
 * file where need be, without keeping what is read again. */
enum { INDEX_CHUNK = 256 * 1024, BREAK_MAX = 3 };

static int index_lines(lc_source *src)
{
	if (src->lines)
		return 0;
	size_t cap = 64, n = 0;
	size_t *lines = malloc(cap * sizeof *lines);
	char *chunk = src->file ? malloc(INDEX_CHUNK + BREAK_MAX) : NULL;
	if (!lines || (src->file && !chunk)) {
		free(lines);
		free(chunk);
		return -1;
	}
	lines[n++] = 0;
	size_t at = 0;
	while (at < src->len) {
		size_t limit = src->len - at, avail = limit;
		const unsigned char *d = (const unsigned char *)src->data + at;
		if (chunk) {
			if (limit > INDEX_CHUNK)
				limit = INDEX_CHUNK;
			avail = src->len - at < limit + BREAK_MAX ? src->len - at : limit + BREAK_MAX;
			if (lc_source_copy_out(src, at, at + avail, chunk) < 0) {
				at = SIZE_MAX;
				break;
			}
			d = (const unsigned char *)chunk;
		}
		size_t next = scan_breaks(d, avail, limit, at, &lines, &n, &cap);
		if (next == SIZE_MAX) {
			at = SIZE_MAX;
			break;
		}
		at += next;
	}
	free(chunk);
	if (at == SIZE_MAX) {
		free(lines);
		return -1;
	}
	src->lines = lines;
	src->nlines = n;
	return 0;
}

const char *lc_source_line(lc_source *src, uint32_t line, size_t *len)
{
	if (!src || !src->data || line == 0 || index_lines(src) < 0 || line > src->nlines)
		return NULL;
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] : src->len;
	if (lc_source_fetch(src, start, end) < 0)
		return NULL;
	if (line < src->nlines) {
		/* drop the break that ends the line */
		const unsigned char *e = (const unsigned char *)src->data + end;
		size_t k = end - start;
		if (k >= 2 && e[-2] == '\r' && e[-1] == '\n')
			end -= 2;
		else if (k >= 1 && (e[-1] == '\n' || e[-1] == '\r'))
			end -= 1;
		else if (k >= 2 && e[-2] == 0xC2 && e[-1] == 0x85)
			end -= 2;
		else if (k >= 3)
			end -= 3;
	}
	*len = end - start;
	return src->data + start;
}

lc_mark lc_source_mark_at(lc_source *src, size_t offset)
{
	lc_mark m = {src, 1, 1};
	if (!src || index_lines(src) < 0)
		return m;
	if (offset > src->len)
		offset = src->len;
	size_t lo = 0, hi = src->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	m.line = (uint32_t)(lo + 1);
	if (lc_source_fetch(src, src->lines[lo], offset) < 0)
		return m;
	uint32_t col = 1;
	for (size_t i = src->lines[lo]; i < offset; i++)
		if (((unsigned char)src->data[i] & 0xC0) != 0x80)
			col++;
	m.col = col;
	return m;
}

static const char *severity_name(lc_severity s)
{
	switch (s) {
	case LC_ERROR: return "error";
	case LC_WARNING: return "warning";
	default: return "note";
	}
}

static const char *severity_color(lc_severity s)
{
	switch (s) {
	case LC_ERROR: return "\033[1;31m";
	case LC_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

/* Text from the input shown on a terminal (a file name, a message quoting a
 * key or an id, the source line quoted under a diagnostic) goes through the terminal escaper: a control
 * character or invalid UTF-8 becomes U+FFFD, one column, as the caret line
 * counts it, and bidi overrides left open are closed at the end. */
static void put_shown(lc_buf *out, const char *s, size_t n)
{
	lc_escape_terminal(out, s, n, LC_ESCAPE_TERMINAL_TAB);
}

void lc_diag_format(lc_buf *out, const lc_diag *dg, int color)
{
	const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
	lc_buf_puts(out, bold);
	if (dg->file) {
		put_shown(out, dg->file, strlen(dg->file));
		if (dg->line)
			lc_buf_printf(out, ":%u:%u", dg->line, dg->col);
		lc_buf_puts(out, ": ");
	} else {
		lc_buf_puts(out, "ladderc: ");
	}
	lc_buf_puts(out, reset);
	if (color)
		lc_buf_puts(out, severity_color(dg->severity));
	lc_buf_puts(out, severity_name(dg->severity));
	lc_buf_puts(out, ":");
	lc_buf_puts(out, reset);
	lc_buf_putc(out, ' ');
	put_shown(out, dg->message, strlen(dg->message));
	if (dg->rule)
		lc_buf_printf(out, " [%s]", dg->rule);
	lc_buf_putc(out, '\n');
	if (!dg->source)
		return;
	const char *line = dg->source;
	size_t len = dg->source_len;
	lc_buf_putc(out, ' ');
	put_shown(out, line, len);
	lc_buf_puts(out, "\n ");
	uint32_t col = 1;
	for (size_t i = 0; i < len && col < dg->col; i++) {
		unsigned char c = (unsigned char)line[i];
		if (lc_utf8_is_continuation(c))
			continue;
		lc_buf_putc(out, c == '\t' ? '\t' : ' ');
		col++;
	}
	if (color)
		lc_buf_puts(out, "\033[1;32m");
	lc_buf_putc(out, '^');
	lc_buf_puts(out, reset);
	lc_buf_putc(out, '\n');
}
