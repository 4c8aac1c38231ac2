/* Reads a whole file into memory exactly as ladderc's loader does (src/load.c
 * read_all: fstat for the size, one malloc of size + 1, fread until EOF), so
 * the floors and ladderc pay the same for getting the bytes. */
#ifndef BENCH_READ_FILE_H
#define BENCH_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static char *bench_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct stat st;
	size_t cap = 64 * 1024, n = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	char *buf = malloc(cap);
	while (buf) {
		if (n == cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

#endif
