/* An imported file as UTF-8 text, and its format (import_input.h). */
#include "import_input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_table.h"
#include "text.h"

static int error_at(lc_source *src, size_t at, lc_diags *d, const char *msg)
{
	lc_mark m = lc_source_mark_at(src, at);
	lc_diags_add(d, LC_ERROR, &m, NULL, "%s", msg);
	return 1;
}

static void put_utf8(lc_buf *out, uint32_t c)
{
	char b[4];
	size_t n;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	lc_buf_put(out, b, n);
}

/* UTF-16 after its byte order mark; `big` for big-endian. An unpaired
 * surrogate or an odd last byte is an error, located at the whole file (its
 * lines are not UTF-8 lines). */
static int from_utf16(lc_source *src, int big, lc_buf *out, lc_diags *d)
{
	const unsigned char *p = (const unsigned char *)src->data;
	size_t n = src->len;
	lc_mark whole = {src, 0, 0};
	for (size_t i = 2; i < n; i += 2) {
		if (i + 1 >= n) {
			lc_diags_add(d, LC_ERROR, &whole, NULL, "invalid UTF-16: the file ends in the middle of a character");
			return 1;
		}
		uint32_t u = big ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u < 0xDC00 && i + 3 < n) {
			uint32_t lo = big ? (uint32_t)(p[i + 2] << 8 | p[i + 3]) : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
			if (lo >= 0xDC00 && lo < 0xE000) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if (u >= 0xD800 && u < 0xE000) {
			lc_diags_add(d, LC_ERROR, &whole, NULL, "invalid UTF-16: an unpaired surrogate at byte %zu", i);
			return 1;
		}
		put_utf8(out, u);
	}
	return lc_buf_failed(out) ? -1 : 0;
}

int lc_import_decode(lc_source *src, lc_buf *converted, const char **text, size_t *len, lc_diags *d)
{
	const unsigned char *p = (const unsigned char *)src->data;
	size_t n = src->len, start = 0;
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
		int r = from_utf16(src, p[0] == 0xFE, converted, d);
		if (r)
			return r;
		*text = converted->data ? converted->data : "";
		*len = converted->len;
	} else {
		if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
			start = 3;
		for (size_t i = start; i < n;) {
			if (p[i] < 0x80) { /* most of a sheet: no call per byte */
				i++;
				continue;
			}
			size_t k = lc_utf8_len(src->data + i, n - i);
			if (k == 0)
				return error_at(src, i, d, "invalid UTF-8 (save the file as UTF-8 or as UTF-16 with a byte "
				                           "order mark)");
			i += k;
		}
		*text = src->data + start;
		*len = n - start;
	}
	const char *t = *text, *nul = *len ? memchr(t, '\0', *len) : NULL;
	if (nul) {
		/* no table holds one; it would cut a text short further on */
		lc_source decoded = {src->path, t, *len, NULL, 0, 0, NULL};
		error_at(&decoded, (size_t)(nul - t), d, "a NUL byte: this is not a text file");
		free(decoded.lines);
		return 1;
	}
	for (size_t i = 0; i < *len; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != '\n')
			return 0;
	lc_mark whole = {src, 0, 0};
	lc_diags_add(d, LC_ERROR, &whole, NULL, "the file is empty: there is no table to import");
	return 1;
}

static size_t skip_blanks(const char *p, size_t i, size_t end)
{
	while (i < end && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return i;
}

lc_import_format lc_import_sniff(const char *p, size_t n, char *delimiter)
{
	*delimiter = ',';
	int prev_bar = 0, bars = 0;
	char first = 0; /* the first non-blank character */
	for (size_t i = 0; i < n;) {
		size_t end = lc_md_line_end(p, n, i), s = skip_blanks(p, i, end);
		if (prev_bar && s < end && p[s] == '|' && lc_md_delimiter_row(p, s, end))
			return LC_IMPORT_MARKDOWN;
		prev_bar = s < end && p[s] == '|';
		bars |= prev_bar;
		if (!first && s < end)
			first = p[s];
		i = lc_md_next_line(p, n, end);
	}
	/* a page of Markdown whose table is malformed: say so, as Markdown */
	if (bars && (first == '|' || first == '#'))
		return LC_IMPORT_MARKDOWN;
	while (n && (p[0] == '\r' || p[0] == '\n')) /* the first record starts at the first line with text */
		p++, n--;
	/* Count the candidates in the first records, quotes and all (a quoted
	 * cell may hold line breaks). A delimiter that splits every one of them
	 * into the same number of cells is the one (a level named "A;B" in a
	 * comma file does not make it a semicolon file); else the first
	 * record decides. */
	enum { RECORDS = 5 };
	static const char cand[3] = {'\t', ',', ';'};
	size_t count[RECORDS][3] = {{0}}, nrec = 0;
	int quoted = 0, open = 0; /* open: the record being counted has begun */
	for (size_t i = 0; i < n && nrec < RECORDS; i++) {
		char c = p[i];
		open = 1;
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r') {
			nrec++;
			open = 0;
			while (i + 1 < n && (p[i + 1] == '\n' || p[i + 1] == '\r'))
				i++;
		} else
			for (size_t k = 0; k < 3; k++)
				count[nrec][k] += c == cand[k];
	}
	if (open && nrec < RECORDS)
		nrec++; /* the last record, not ended by a line break */
	int steady[3];
	for (size_t k = 0; k < 3; k++) {
		steady[k] = count[0][k] > 0;
		for (size_t r = 1; r < nrec; r++)
			steady[k] = steady[k] && count[r][k] == count[0][k];
	}
	size_t tabs = count[0][0], commas = count[0][1], semicolons = count[0][2];
	if (steady[0] + steady[1] + steady[2] == 1) { /* one delimiter fits every record */
		if (steady[0])
			return LC_IMPORT_TSV;
		*delimiter = steady[2] ? ';' : ',';
		return LC_IMPORT_CSV;
	}
	if (tabs > 0 && tabs >= commas && tabs >= semicolons)
		return LC_IMPORT_TSV;
	if (semicolons > commas)
		*delimiter = ';';
	return LC_IMPORT_CSV;
}
