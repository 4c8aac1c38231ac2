/* Test helper: every YAML file of the repository (the bundled ladders, the
 * golden, hostile and other test inputs), for tests that must hold on all of
 * them. Include after <cmocka.h>. */
#ifndef LADDERC_YAML_FILES_H
#define LADDERC_YAML_FILES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef void (*yaml_file_fn)(const char *path, const char *text, size_t len, void *ctx);

/* Calls fn with the bytes of every *.yaml file of at most 1 MiB under dir;
 * returns how many. */
static size_t each_yaml_file(const char *dir, yaml_file_fn fn, void *ctx)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t files = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			files += each_yaml_file(path, fn, ctx);
			continue;
		}
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".yaml") != 0 || st.st_size > (1 << 20))
			continue;
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		char *text = malloc((size_t)st.st_size + 1);
		assert_non_null(text);
		size_t len = fread(text, 1, (size_t)st.st_size, f);
		fclose(f);
		fn(path, text, len, ctx);
		free(text);
		files++;
	}
	closedir(d);
	return files;
}

#endif
