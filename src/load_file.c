/* Reading a ladder's files: the main file (by name, from a stream or from
 * the caller's bytes) and the files it includes, each within the input
 * limit, into a source of the model and a YAML tree whose top-level keys
 * are read here. Includes stay inside the main file's directory, are plain
 * files, and make no cycle. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huge_pages.h"
#include "ladderc/buf.h"
#include "load_internal.h"
#include "source_file.h"

lc_source *lc_load_new_source(loader *ld, const char *path)
{
	lc_source *src = lc_load_alloc(ld, 1, sizeof *src);
	src->path = lc_load_need(ld, lc_arena_memdup(ld->arena, path, strlen(path)));
	src->order = (unsigned)ld->l->nsources;
	ladder *l = ld->l;
	lc_source **s = lc_load_need(ld, realloc(l->sources, (l->nsources + 1) * sizeof *s));
	l->sources = s;
	l->sources[l->nsources++] = src;
	return src;
}

/* Reads f to its end (at most max bytes; more is EFBIG) into a malloc'ed
 * buffer. Leaves f open. Returns 0, or -1 with errno set. */
static int read_stream(FILE *f, size_t max, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	size_t cap = 0, n = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		/* what is left of it: standard input may be a file already partly read */
		off_t at = ftello(f);
		off_t left = at > 0 && at <= st.st_size ? st.st_size - at : st.st_size;
		if ((unsigned long long)left > max) {
			errno = EFBIG;
			return -1;
		}
		cap = (size_t)left + 1;
	}
	if (cap == 0)
		cap = 64 * 1024;
	char *buf = malloc(cap);
	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	lc_huge_advise(buf, cap);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				errno = EFBIG;
				return -1;
			}
			/* one byte past the limit is enough to know it is exceeded */
			size_t ncap = cap > max / 2 ? max + 1 : cap * 2;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
			cap = ncap;
			lc_huge_advise(buf, cap);
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				int e = errno ? errno : EIO;
				free(buf);
				errno = e;
				return -1;
			}
			break;
		}
	}
	if (n > max) {
		free(buf);
		errno = EFBIG;
		return -1;
	}
	*data = buf;
	*len = n;
	return 0;
}

/* With `keep`, *keep is a descriptor of the file left open (or -1). */
static int read_all(const char *path, size_t max, char **data, size_t *len, int *keep)
{
	if (keep)
		*keep = -1;
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct stat before, after;
	int stable = keep && fstat(fileno(f), &before) == 0;
	int st = read_stream(f, max, data, len);
	int e = errno;
	/* kept only if the file did not change while it was read: what is read
	 * again later is checked against it as it is now */
	if (st == 0 && stable && fstat(fileno(f), &after) == 0 && before.st_size == after.st_size &&
	    before.st_mtim.tv_sec == after.st_mtim.tv_sec && before.st_mtim.tv_nsec == after.st_mtim.tv_nsec)
		*keep = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0);
	fclose(f);
	errno = e;
	return st;
}

const char *const lc_load_top_keys[] = {"ladder", "id", "name", "title", "updated", "intro",
                                        "tracks", "groups", "roles", "promotion", "paths", "include",
                                        "lint", "expectations", "proficiency", NULL};
enum { K_LADDER, K_ID, K_NAME, K_TITLE, K_UPDATED, K_INTRO, K_TRACKS, K_GROUPS, K_ROLES,
       K_PROMOTION, K_PATHS, K_INCLUDE, K_LINT, K_EXPECTATIONS, K_PROFICIENCY, K_TOP_N };

static void check_version(loader *ld, const lc_yt_node *v, const lc_yt_node *map, int required)
{
	if (!v) {
		if (required)
			lc_load_err(ld, &map->at, "the ladder needs 'ladder: 1' (the format version) at the top");
		return;
	}
	ladder_number num;
	if (!lc_load_get_number(ld, v, "'ladder' (the format version)", 1, 0, 1e9, &num))
		return;
	if (num.value != 1) {
		lc_load_err(ld, &v->at, "format version %s is not supported; this ladderc reads version 1", lc_load_quote_node(ld, v));
		return;
	}
	if (required)
		ld->l->version = num;
}

/* Directory part of a path ("." when there is none). */
char *lc_load_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	size_t n = (size_t)(slash - path);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

int lc_load_is_stdin_path(const char *path)
{
	return strcmp(path, "/dev/stdin") == 0 || strncmp(path, "/dev/fd/", 8) == 0 ||
	       strncmp(path, "/proc/self/fd/", 14) == 0;
}

static void load_include(loader *ld, unit *parent, const lc_yt_node *item)
{
	ladder_str rel;
	if (!lc_load_get_text(ld, item, "an include path", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &rel))
		return;
	if (memchr(rel.s, '\0', rel.len)) {
		lc_load_err(ld, &item->at, "include path %s contains a NUL byte", lc_load_quote_str(ld, rel));
		return;
	}
	if (rel.s[0] == '/') {
		lc_load_err(ld, &item->at, "include path %s is absolute; write it relative to the including file", lc_load_quote_str(ld, rel));
		return;
	}
	if (ld->l->nsources >= ld->lim.max_includes) {
		lc_load_err(ld, &item->at, "too many files in one ladder (the limit is %zu)", ld->lim.max_includes);
		return;
	}
	int from_stdin = parent->is_main && (ld->stream || lc_load_is_stdin_path(parent->src->path));
	char *dir = from_stdin ? strdup(".") : lc_load_dir_of(parent->src->path);
	if (!dir)
		lc_load_oom(ld);
	lc_buf path = LC_BUF_INIT;
	if (strcmp(dir, ".") != 0) {
		lc_buf_puts(&path, dir);
		lc_buf_putc(&path, '/');
	}
	lc_buf_put(&path, rel.s, rel.len);
	free(dir);
	if (lc_buf_failed(&path))
		lc_load_oom(ld);
	char *real = realpath(path.data, NULL);
	if (!real) {
		lc_load_err(ld, &item->at, "cannot read included file %s: %s", lc_load_quote(ld, path.data, path.len),
		    strerror(errno));
		lc_buf_free(&path);
		return;
	}
	size_t rd = strlen(ld->root_dir);
	int inside = strncmp(real, ld->root_dir, rd) == 0 &&
	             (real[rd] == '/' || (rd == 1 && ld->root_dir[0] == '/'));
	if (!inside) {
		lc_load_err(ld, &item->at, "include path %s leads outside the ladder's directory; included files must sit beside or below the main file",
		    lc_load_quote_str(ld, rel));
		free(real);
		lc_buf_free(&path);
		return;
	}
	/* a named pipe or a device would block or never end: only plain files */
	struct stat st;
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		lc_load_err(ld, &item->at, "included file %s is not a regular file", lc_load_quote_str(ld, rel));
		free(real);
		lc_buf_free(&path);
		return;
	}
	for (size_t i = 0; i < ld->nstack; i++) {
		if (strcmp(ld->stack[i], real) == 0) {
			lc_load_err(ld, &item->at, "include cycle: %s includes a file that is already being included",
			    lc_load_quote(ld, parent->src->path, strlen(parent->src->path)));
			free(real);
			lc_buf_free(&path);
			return;
		}
	}
	for (size_t i = 0; i < ld->nunits; i++) {
		if (strcmp(ld->units[i]->real, real) == 0) {
			lc_load_err(ld, &item->at, "%s is included twice; include each file once", lc_load_quote_str(ld, rel));
			free(real);
			lc_buf_free(&path);
			return;
		}
	}
	lc_source *src = lc_load_new_source(ld, path.data);
	lc_buf_free(&path);
	lc_load_unit(ld, src, real, 0, &item->at);
}

/* Bytes given back (src/source_file.h) could not be read again. */
void lc_load_read_again_failed(loader *ld, lc_source *src, int e)
{
	lc_mark whole = {src, 0, 0};
	if (e == ESTALE)
		lc_load_err(ld, &whole, "the file changed while ladderc was reading it; run ladderc again");
	else
		lc_load_err(ld, &whole, "cannot read the file again: %s", strerror(e));
	ld->io_error = 1;
}

void lc_load_unit(loader *ld, lc_source *src, char *real, int is_main, const lc_mark *from)
{
	unit *u = lc_load_alloc(ld, 1, sizeof *u);
	u->src = src;
	u->is_main = is_main;
	u->real = lc_load_need(ld, lc_arena_memdup(ld->arena, real, strlen(real)));
	free(real);
	if (ld->nunits == ld->capunits) {
		size_t cap = ld->capunits ? ld->capunits * 2 : 8;
		unit **units = lc_load_need(ld, realloc(ld->units, cap * sizeof *units));
		ld->units = units;
		ld->capunits = cap;
	}
	ld->units[ld->nunits++] = u;

	char *data;
	size_t len;
	int fd = -1; /* the main file, kept open while streaming: lc_load_stream_keep_file */
	if (src->data) {
		if (src->len > ld->lim.max_input) {
			lc_mark whole = {src, 0, 0};
			lc_load_err(ld, &whole, "the input is larger than the limit of %zu bytes", ld->lim.max_input);
			return;
		}
	} else if ((is_main && ld->stream ? read_stream(ld->stream, ld->lim.max_input, &data, &len)
	                                  : read_all(src->path, ld->lim.max_input, &data, &len,
	                                             is_main && ld->ys.begin ? &fd : NULL)) < 0) {
		int e = errno;
		if (e == ENOMEM)
			lc_load_oom(ld);
		lc_mark whole = {src, 0, 0};
		if (e == EFBIG)
			lc_load_err(ld, from ? from : &whole, "%s is larger than the input limit of %zu bytes",
			    lc_load_quote(ld, src->path, strlen(src->path)), ld->lim.max_input);
		else
			lc_load_err(ld, from ? from : &whole, "cannot read %s: %s", lc_load_quote(ld, src->path, strlen(src->path)),
			    strerror(e));
		if (is_main)
			ld->io_error = e != EFBIG;
		return;
	} else {
		src->data = data;
		src->len = len;
		if (fd >= 0)
			lc_load_stream_keep_file(ld, src, fd);
	}

	lc_yt_node *root = NULL;
	lc_yt_stream *stream = is_main ? lc_load_stream_for(ld, src) : NULL;
	lc_yt_status st = lc_yt_parse_stream(ld->arena, src, &ld->lim, ld->diags, stream, &root);
	if (st == LC_YT_NOMEM || ld->stream_oom)
		lc_load_oom(ld);
	if (lc_source_read_error(src)) {
		lc_load_read_again_failed(ld, src, lc_source_read_error(src));
		return;
	}
	/* After an anchor inside a role (ys.stopped) the roles from there on stay
	 * in the tree and lc_load_build_model() builds them after the streamed ones. */
	if (!root) {
		if (st != LC_YT_OK)
			return;
		lc_mark top = {src, 1, 1};
		lc_load_err(ld, &top, "the file is empty; a ladder starts with 'ladder: 1'");
		return;
	}
	u->root = root;
	lc_yt_node *v[K_TOP_N];
	if (!lc_load_walk_map(ld, root, is_main ? "the ladder" : "an included file", lc_load_top_keys, v, NULL))
		return;
	check_version(ld, v[K_LADDER], root, is_main);
	if (!is_main) {
		static const int main_only[] = {K_ID, K_NAME, K_TITLE, K_UPDATED, K_INTRO, K_PROMOTION, K_LINT,
		                                K_EXPECTATIONS, K_PROFICIENCY};
		for (size_t i = 0; i < sizeof main_only / sizeof main_only[0]; i++)
			if (v[main_only[i]])
				lc_load_err(ld, &v[main_only[i]]->at,
				    "'%s' belongs in the main ladder file; an included file may hold tracks, groups, roles, paths and include",
				    lc_load_top_keys[main_only[i]]);
	} else {
		ladder *l = ld->l;
		l->at = root->at;
		if (lc_load_require(ld, root, v[K_ID], "id", "the ladder"))
			lc_load_get_id(ld, v[K_ID], "the ladder's 'id'", &l->id);
		if (lc_load_require(ld, root, v[K_NAME], "name", "the ladder"))
			lc_load_get_text(ld, v[K_NAME], "the ladder's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &l->name);
		lc_load_get_text(ld, v[K_TITLE], "the ladder's 'title'", T_ONE_LINE | T_NO_CONTROL, &l->title);
		lc_load_get_text(ld, v[K_UPDATED], "'updated'", T_ONE_LINE | T_NO_CONTROL, &l->updated);
		lc_load_get_text(ld, v[K_INTRO], "'intro'", 0, &l->intro);
		l->expectations_written = lc_load_get_expectations(ld, v[K_EXPECTATIONS], "the ladder's 'expectations'");
		lc_load_require(ld, root, v[K_TRACKS], "tracks", "the ladder");
		ld->promotion = v[K_PROMOTION];
		ld->lint = v[K_LINT];
		if (ld->globals_built && ld->proficiency != v[K_PROFICIENCY])
			ld->stream_broken = 1; /* `proficiency:` after the roles: they were built without it */
		ld->proficiency = v[K_PROFICIENCY];
	}
	if (ld->globals_built && (u->tracks != v[K_TRACKS] || u->groups != v[K_GROUPS] || v[K_INCLUDE]))
		ld->stream_broken = 1; /* included tracks or groups come before the roles */
	u->tracks = v[K_TRACKS];
	u->groups = v[K_GROUPS];
	u->roles = v[K_ROLES];
	u->paths = v[K_PATHS];
	if (v[K_INCLUDE] && !lc_yt_is_null(v[K_INCLUDE]) && lc_load_want(ld, v[K_INCLUDE], LC_YT_SEQ, "'include'")) {
		ld->stack = lc_load_need(ld, realloc(ld->stack, (ld->nstack + 1) * sizeof *ld->stack));
		ld->stack[ld->nstack++] = u->real;
		for (uint32_t i = 0; i < v[K_INCLUDE]->count; i++)
			load_include(ld, u, v[K_INCLUDE]->items[i]);
		ld->nstack--;
	}
}

/* The path that identifies a file for include cycles. A pipe reached through
 * /dev/fd or /dev/stdin has no path of its own (realpath fails on the
 * "pipe:[N]" link), but it can be read: it is its own name. */
char *lc_load_identity(const char *path)
{
	char *real = realpath(path, NULL);
	struct stat st;
	if (!real && errno == ENOENT && stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		real = strdup(path);
	return real;
}

