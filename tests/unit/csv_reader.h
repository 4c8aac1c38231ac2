/* A small RFC 4180 reader for the tests: parses CSV (CRLF records, quoted
 * fields with doubled quotes) into rows of fields, strictly: anything RFC
 * 4180 does not allow fails the parse. */
#ifndef LADDERC_TEST_CSV_READER_H
#define LADDERC_TEST_CSV_READER_H

#include <stdlib.h>
#include <string.h>

typedef struct csv_field {
	char *s;
	size_t len;
} csv_field;

typedef struct csv_row {
	csv_field *f;
	size_t n;
} csv_row;

typedef struct csv_doc {
	csv_row *rows;
	size_t n;
} csv_doc;

static inline void csv_doc_free(csv_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		for (size_t k = 0; k < d->rows[i].n; k++)
			free(d->rows[i].f[k].s);
		free(d->rows[i].f);
	}
	free(d->rows);
	d->rows = NULL;
	d->n = 0;
}

static inline void csv_push_field(csv_row *r, const char *s, size_t len)
{
	r->f = realloc(r->f, (r->n + 1) * sizeof *r->f);
	char *c = malloc(len + 1);
	memcpy(c, s, len);
	c[len] = '\0';
	r->f[r->n].s = c;
	r->f[r->n].len = len;
	r->n++;
}

/* Returns 0, or -1 (with *err_at the offset) on a malformed document. Every
 * record must end with CRLF. */
static inline int csv_parse(const char *p, size_t len, csv_doc *d, size_t *err_at)
{
	memset(d, 0, sizeof *d);
	size_t i = 0;
	char *tmp = malloc(len + 1);
	while (i < len) {
		d->rows = realloc(d->rows, (d->n + 1) * sizeof *d->rows);
		csv_row *r = &d->rows[d->n++];
		r->f = NULL;
		r->n = 0;
		for (;;) {
			size_t t = 0;
			if (i < len && p[i] == '"') {
				i++;
				for (;;) {
					if (i >= len)
						goto bad;
					if (p[i] == '"') {
						if (i + 1 < len && p[i + 1] == '"') {
							tmp[t++] = '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					tmp[t++] = p[i++];
				}
			} else {
				while (i < len && p[i] != ',' && p[i] != '\r' && p[i] != '\n') {
					if (p[i] == '"')
						goto bad;
					tmp[t++] = p[i++];
				}
			}
			csv_push_field(r, tmp, t);
			if (i < len && p[i] == ',') {
				i++;
				continue;
			}
			if (i + 1 < len && p[i] == '\r' && p[i + 1] == '\n') {
				i += 2;
				break;
			}
			goto bad;
		}
	}
	free(tmp);
	return 0;
bad:
	free(tmp);
	*err_at = i;
	return -1;
}

#endif
