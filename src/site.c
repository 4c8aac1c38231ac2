/* The site `ladderc build` writes: the page list and the atomic directory swap.
 *
 * Atomicity: every file goes into a fresh temporary directory beside DIR,
 * written and closed with every step checked (a page's writeback starts as
 * soon as it is written); then every file and directory of the new tree is
 * fsync'ed and the directory is exchanged with DIR in one
 * renameat2(RENAME_EXCHANGE). Where
 * the file system lacks it, DIR is renamed aside and the new one renamed in:
 * between those two renames DIR does not exist (docs/site.md). A failure
 * before the swap leaves DIR exactly as it was. */
#define _GNU_SOURCE /* renameat2 */
#include "ladderc/site.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "ladderc/speed.h"
#include "site_remove.h"

/* A file every built directory holds, so that build never replaces a
 * directory it did not write (think `-o .` or `-o ~`). */
#define SITE_MARKER ".ladderc-site"
static const char marker_text[] =
	"This directory is written by `ladderc build` and replaced as a whole on every build.\n";

enum { REMOVE_MAX_DEPTH = 64 };

/* ---- page list ------------------------------------------------------------ */

int lc_site_parse_formats(const char *list, unsigned *out)
{
	/* a site has no text pages */
	static const unsigned bit_of[] = {
		[LADDER_FORMAT_JSON] = LC_SITE_JSON,
		[LADDER_FORMAT_MARKDOWN] = LC_SITE_MARKDOWN,
		[LADDER_FORMAT_HTML] = LC_SITE_HTML,
		[LADDER_FORMAT_CSV] = LC_SITE_CSV,
		[LADDER_FORMAT_TEXT] = 0,
	};
	unsigned bits = 0;
	const char *p = list;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		const ladder_format_info *fi = ladder_format_find_n(p, n);
		if (!fi || !bit_of[fi->format])
			return -1;
		bits |= bit_of[fi->format];
		if (!e)
			break;
		p = e + 1;
	}
	*out = bits;
	return 0;
}

static void page_name(lc_site_page *p, ladder_str stem, const char *ext)
{
	/* ids are at most 100 characters, so this always fits */
	snprintf(p->name, sizeof p->name, "%.*s.%s", (int)stem.len, stem.s, ext);
}

int lc_site_pages(const ladder *l, unsigned formats, lc_site_page **out, size_t *n)
{
	size_t cap = 2 * (l->nroles + 1) + 2, k = 0;
	lc_site_page *pages = calloc(cap, sizeof *pages);
	if (!pages)
		return -1;
	static const ladder_str index = {"index", 5}, whole = {"ladder", 6};
	static const struct {
		unsigned bit;
		ladder_format format;
		const char *ext;
	} kinds[] = {{LC_SITE_HTML, LADDER_FORMAT_HTML, "html"}, {LC_SITE_MARKDOWN, LADDER_FORMAT_MARKDOWN, "md"}};
	for (size_t f = 0; f < sizeof kinds / sizeof kinds[0]; f++) {
		if (!(formats & kinds[f].bit))
			continue;
		lc_site_page *p = &pages[k++];
		page_name(p, index, kinds[f].ext);
		p->format = kinds[f].format;
		p->view.kind = LADDER_VIEW_OVERVIEW;
		for (size_t i = 0; i < l->nroles; i++) {
			p = &pages[k++];
			page_name(p, l->roles[i]->id, kinds[f].ext);
			p->format = kinds[f].format;
			p->view.kind = LADDER_VIEW_MATRIX;
			p->view.role = l->roles[i];
		}
	}
	if (formats & LC_SITE_CSV) {
		lc_site_page *p = &pages[k++];
		page_name(p, whole, "csv");
		p->format = LADDER_FORMAT_CSV;
		p->view.kind = LADDER_VIEW_LADDER;
	}
	if (formats & LC_SITE_JSON) {
		lc_site_page *p = &pages[k++];
		page_name(p, whole, "json");
		p->format = LADDER_FORMAT_JSON;
		p->view.kind = LADDER_VIEW_LADDER;
	}
	*out = pages;
	*n = k;
	return 0;
}

int lc_site_render(const ladder *l, const lc_site_page *p, lc_buf *out)
{
	ladder_emit_options o = {0, 0, 0, 0, NULL, 0, NULL};
	o.link_base = ""; /* pages link to each other by relative file name */
	o.changed = p->changed;
	lc_buf_clear(out);
	if (ladder_emit(l, p->format, &p->view, &o, out) < 0)
		return -1;
	return lc_buf_failed(out) ? -1 : 0;
}

/* ---- directory ------------------------------------------------------------- */

static int fail(lc_buf *err, const char *what, const char *path, int e)
{
	lc_buf_clear(err);
	lc_buf_printf(err, "cannot %s '%s': %s", what, path, strerror(e));
	return -1;
}

int lc_site_remove_tree(int dirfd, const char *name, int depth)
{
	if (unlinkat(dirfd, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	int unlink_errno = errno;
	if (depth > REMOVE_MAX_DEPTH) {
		errno = ELOOP;
		return -1;
	}
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOTDIR)
			errno = unlink_errno; /* a file that may not be removed: say why */
		return -1;
	}
	DIR *dir = fdopendir(fd);
	if (!dir) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	int st = 0, first_errno = 0;
	for (struct dirent *ent; (ent = readdir(dir));) {
		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
			continue;
		if (lc_site_remove_tree(fd, ent->d_name, depth + 1) < 0 && !st) {
			st = -1;
			first_errno = errno;
		}
	}
	closedir(dir);
	if (st < 0) {
		errno = first_errno;
		return -1;
	}
	return unlinkat(dirfd, name, AT_REMOVEDIR);
}

/* The old output, once swapped out: on a few threads unless lc_serial()
 * (src/site_remove_threads.c), the same removal either way. */
static int remove_old(int dirfd, const char *name)
{
	if (lc_serial())
		return lc_site_remove_tree(dirfd, name, 0);
	return lc_site_remove_tree_threads(dirfd, name);
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static char *join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *p = malloc(na + nb + 2);
	if (p) {
		memcpy(p, a, na);
		p[na] = '/';
		memcpy(p + na + 1, b, nb + 1);
	}
	return p;
}

/* mkdir -p for the parent directory. */
static int make_parents(char *path, lc_buf *err)
{
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		int r = mkdir(path, 0777);
		int e = errno;
		*p = c;
		if (r < 0 && e != EEXIST) {
			*p = '\0';
			fail(err, "create directory", path, e);
			*p = c;
			return -1;
		}
		if (c == '\0')
			return 0;
	}
}

/* The name of a temporary (".BASE.tmp-PID") or set-aside (".BASE.old-PID")
 * directory of ours, or -1. Returns the pid. */
static long leftover_pid(const char *name, const char *base)
{
	size_t nb = strlen(base);
	if (name[0] != '.' || strncmp(name + 1, base, nb) != 0)
		return -1;
	const char *p = name + 1 + nb;
	if (strncmp(p, ".tmp-", 5) != 0 && strncmp(p, ".old-", 5) != 0)
		return -1;
	p += 5;
	if (*p < '0' || *p > '9')
		return -1;
	char *end;
	long pid = strtol(p, &end, 10);
	return *end == '\0' && pid > 0 ? pid : -1;
}

/* Removes what killed builds left beside DIR: directories of ours whose
 * process is gone (a live one is another build running now). */
static int remove_leftovers(lc_site_dir *d, lc_buf *err)
{
	int fd = openat(d->parent_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return fail(err, "read directory", d->parent, errno);
	DIR *dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return fail(err, "read directory", d->parent, errno);
	}
	int st = 0;
	for (struct dirent *ent; (ent = readdir(dir));) {
		long pid = leftover_pid(ent->d_name, d->base);
		if (pid < 0)
			continue;
		if (pid != (long)getpid() && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			continue; /* its build is still running */
		if (lc_site_remove_tree(d->parent_fd, ent->d_name, 0) < 0) {
			char *path = join(d->parent, ent->d_name);
			fail(err, "remove the leftover directory", path ? path : ent->d_name, errno);
			free(path);
			st = -1;
			break;
		}
	}
	closedir(dir);
	return st;
}

static int dir_is_empty(int fd)
{
	int dup_fd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dup_fd < 0)
		return -1;
	DIR *dir = fdopendir(dup_fd);
	if (!dir) {
		close(dup_fd);
		return -1;
	}
	int empty = 1;
	for (struct dirent *ent; (ent = readdir(dir));)
		if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0) {
			empty = 0;
			break;
		}
	closedir(dir);
	return empty;
}

/* DIR may be absent, empty, or a directory that build wrote. */
static int check_target(lc_site_dir *d, lc_buf *err)
{
	struct stat st;
	if (fstatat(d->parent_fd, d->base, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno == ENOENT)
			return 0;
		return fail(err, "look at", d->final, errno);
	}
	if (!S_ISDIR(st.st_mode)) {
		lc_buf_clear(err);
		lc_buf_printf(err, "'%s' exists and is not a directory; build writes a directory there", d->final);
		return -1;
	}
	int fd = openat(d->parent_fd, d->base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return fail(err, "open", d->final, errno);
	int ours = faccessat(fd, SITE_MARKER, F_OK, AT_SYMLINK_NOFOLLOW) == 0;
	int empty = ours ? 0 : dir_is_empty(fd);
	close(fd);
	if (!ours && empty != 1) {
		lc_buf_clear(err);
		lc_buf_printf(err,
		              "refusing to replace '%s': it is not empty and was not written by ladderc build "
		              "(it has no %s file); choose another directory with -o",
		              d->final, SITE_MARKER);
		return -1;
	}
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int write_file(int dirfd, const char *name, const char *data, size_t len, const char *shown,
                      lc_buf *err)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		if (errno == EEXIST) {
			lc_buf_clear(err);
			lc_buf_printf(err,
			              "cannot create '%s': two pages have this file name (role ids that differ "
			              "only in case on this file system, or a role named 'index')",
			              shown);
			return -1;
		}
		return fail(err, "create", shown, errno);
	}
	if (write_all(fd, data, len) < 0) {
		int e = errno;
		close(fd);
		return fail(err, "write", shown, e);
	}
	if (fsync(fd) < 0) {
		int e = errno;
		close(fd);
		return fail(err, "write (fsync)", shown, e);
	}
	if (close(fd) < 0)
		return fail(err, "write (close)", shown, errno);
	return 0;
}

int lc_site_dir_begin(lc_site_dir *d, const char *dir, lc_buf *err)
{
	memset(d, 0, sizeof *d);
	d->parent_fd = d->tmp_fd = -1;
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	d->final = dup_n(dir, n);
	if (!d->final)
		goto nomem;
	char *slash = strrchr(d->final, '/');
	const char *base = slash ? slash + 1 : d->final;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		lc_buf_clear(err);
		lc_buf_printf(err, "cannot build into '%s': name a directory of its own, such as out/", dir);
		return -1;
	}
	d->base = strdup(base);
	d->parent = slash ? dup_n(d->final, slash == d->final ? 1 : (size_t)(slash - d->final)) : strdup(".");
	if (!d->base || !d->parent)
		goto nomem;
	if (strcmp(d->parent, ".") != 0 && make_parents(d->parent, err) < 0)
		return -1;
	d->parent_fd = open(d->parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->parent_fd < 0)
		return fail(err, "open directory", d->parent, errno);
	if (check_target(d, err) < 0 || remove_leftovers(d, err) < 0)
		return -1;

	size_t need = strlen(d->base) + 32;
	char *tmpname = malloc(need);
	if (!tmpname)
		goto nomem;
	snprintf(tmpname, need, ".%s.tmp-%ld", d->base, (long)getpid());
	d->tmp = join(d->parent, tmpname);
	if (!d->tmp) {
		free(tmpname);
		goto nomem;
	}
	if (mkdirat(d->parent_fd, tmpname, 0777) < 0) {
		free(tmpname);
		return fail(err, "create directory", d->tmp, errno);
	}
	d->tmp_fd = openat(d->parent_fd, tmpname, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(tmpname);
	if (d->tmp_fd < 0)
		return fail(err, "open directory", d->tmp, errno);
	char *shown = join(d->tmp, SITE_MARKER);
	if (!shown)
		goto nomem;
	int st = write_file(d->tmp_fd, SITE_MARKER, marker_text, sizeof marker_text - 1, shown, err);
	free(shown);
	return st;
nomem:
	lc_buf_clear(err);
	lc_buf_puts(err, "out of memory");
	return -1;
}

int lc_site_dir_mkdir(lc_site_dir *d, const char *sub, lc_buf *err)
{
	if (mkdirat(d->tmp_fd, sub, 0777) < 0) {
		char *shown = join(d->tmp, sub);
		if (errno == EEXIST) {
			lc_buf_clear(err);
			lc_buf_printf(err, "cannot create '%s': two ladders have the id '%s'", shown ? shown : sub, sub);
		} else {
			fail(err, "create directory", shown ? shown : sub, errno);
		}
		free(shown);
		return -1;
	}
	return 0;
}

int lc_site_dir_write(lc_site_dir *d, const char *sub, const char *name, const lc_buf *content, lc_buf *err)
{
	char *dirpath = sub ? join(d->tmp, sub) : strdup(d->tmp);
	char *shown = dirpath ? join(dirpath, name) : NULL;
	free(dirpath);
	if (!shown || lc_buf_failed(content)) {
		free(shown);
		lc_buf_clear(err);
		lc_buf_printf(err, "out of memory while writing '%s'", name);
		return -1;
	}
	int dirfd = d->tmp_fd;
	if (sub) {
		dirfd = openat(d->tmp_fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (dirfd < 0) {
			fail(err, "open directory", shown, errno);
			free(shown);
			return -1;
		}
	}
	int st = write_file(dirfd, name, content->data ? content->data : "", content->len, shown, err);
	if (sub && st == 0 && fsync(dirfd) < 0)
		st = fail(err, "write (fsync directory of)", shown, errno);
	if (sub)
		close(dirfd);
	free(shown);
	return st;
}

/* The sink of a page being rendered into its file. */
typedef struct page_sink {
	int fd;
	int err;       /* errno of a failed write, or 0 */
} page_sink;

static int page_sink_write(void *ctx, const char *p, size_t n)
{
	page_sink *s = ctx;
	if (write_all(s->fd, p, n) < 0) {
		s->err = errno;
		return -1;
	}
	return 0;
}

int lc_site_dir_write_page(lc_site_dir *d, const char *sub, const ladder *l, const lc_site_page *p, lc_buf *scratch,
                        lc_buf *err)
{
	const char *name = p->name;
	char *dirpath = sub ? join(d->tmp, sub) : strdup(d->tmp);
	char *shown = dirpath ? join(dirpath, name) : NULL;
	free(dirpath);
	if (!shown) {
		lc_buf_clear(err);
		lc_buf_printf(err, "out of memory while writing '%s'", name);
		return -1;
	}
	int dirfd = d->tmp_fd;
	if (sub) {
		dirfd = openat(d->tmp_fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (dirfd < 0) {
			fail(err, "open directory", shown, errno);
			free(shown);
			return -1;
		}
	}
	int st = 0;
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		if (errno == EEXIST) {
			lc_buf_clear(err);
			lc_buf_printf(err,
			              "cannot create '%s': two pages have this file name (role ids that differ "
			              "only in case on this file system, or a role named 'index')",
			              shown);
			st = -1;
		} else {
			st = fail(err, "create", shown, errno);
		}
	}
	if (st == 0) {
		page_sink ps = {fd, 0};
		lc_buf_clear(scratch);
		lc_buf_set_sink(scratch, page_sink_write, &ps, LC_SITE_WRITE_CHUNK);
		int rc = lc_site_render(l, p, scratch);
		if (rc == 0)
			rc = lc_buf_flush(scratch);
		lc_buf_set_sink(scratch, NULL, NULL, 0);
		if (rc < 0) {
			if (ps.err) {
				st = fail(err, "write", shown, ps.err);
			} else {
				lc_buf_clear(err);
				lc_buf_printf(err, "out of memory while rendering '%s'", name);
				st = -1;
			}
			scratch->failed = 0;
			close(fd);
		} else {
			/* The disk starts on this page while the next ones render;
			 * lc_site_dir_commit waits for all of them at once (sync_tree). */
#ifdef SYNC_FILE_RANGE_WRITE
			(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
			if (close(fd) < 0)
				st = fail(err, "write (close)", shown, errno);
		}
	}
	if (sub)
		close(dirfd);
	free(shown);
	return st;
}

/* fsyncs every file and directory under dirfd (the new output), so that the
 * swap never publishes a page a crash could leave empty. Pages are written
 * without waiting for the disk; this waits once, at the end. Returns 0, or
 * -1 with errno and the path (under `shown`) in err. */
static int sync_tree(int dirfd, const char *shown, int depth, lc_buf *err)
{
	if (depth > REMOVE_MAX_DEPTH) {
		lc_buf_clear(err);
		lc_buf_printf(err, "cannot write (fsync) '%s': %s", shown, strerror(ELOOP));
		return -1;
	}
	int fd = dup(dirfd);
	DIR *dir = fd < 0 ? NULL : fdopendir(fd);
	if (!dir) {
		if (fd >= 0)
			close(fd);
		return fail(err, "write (fsync)", shown, errno);
	}
	rewinddir(dir);
	int st = 0;
	for (struct dirent *ent; st == 0 && (ent = readdir(dir));) {
		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
			continue;
		char *path = join(shown, ent->d_name);
		int f = openat(dirfd, ent->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		struct stat sb;
		if (!path) {
			lc_buf_clear(err);
			lc_buf_puts(err, "out of memory");
			st = -1;
		} else if (f < 0 || fstat(f, &sb) < 0) {
			st = fail(err, "write (fsync)", path, errno);
		} else if (S_ISDIR(sb.st_mode)) {
			st = sync_tree(f, path, depth + 1, err);
		} else if (fsync(f) < 0) {
			st = fail(err, "write (fsync)", path, errno);
		}
		if (f >= 0)
			close(f);
		free(path);
	}
	closedir(dir);
	if (st == 0 && fsync(dirfd) < 0)
		st = fail(err, "write (fsync)", shown, errno);
	return st;
}

int lc_site_dir_commit(lc_site_dir *d, lc_buf *err)
{
	if (sync_tree(d->tmp_fd, d->tmp, 0, err) < 0)
		return -1;
	const char *tmpname = strrchr(d->tmp, '/') + 1;
	struct stat st;
	int exists = fstatat(d->parent_fd, d->base, &st, AT_SYMLINK_NOFOLLOW) == 0;
	if (!exists) {
		if (renameat(d->parent_fd, tmpname, d->parent_fd, d->base) < 0)
			return fail(err, "rename the new output into", d->final, errno);
	} else {
#ifdef RENAME_EXCHANGE
		if (renameat2(d->parent_fd, tmpname, d->parent_fd, d->base, RENAME_EXCHANGE) == 0) {
			/* the temporary name now holds the old output */
			if (remove_old(d->parent_fd, tmpname) < 0)
				return fail(err, "remove the old output, now at", d->tmp, errno);
			if (fsync(d->parent_fd) < 0)
				return fail(err, "write (fsync)", d->parent, errno);
			return 0;
		}
		if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
			return fail(err, "swap the new output into", d->final, errno);
#endif
		/* no atomic exchange here: set the old output aside, then rename */
		size_t need = strlen(d->base) + 32;
		char *old = malloc(need);
		if (!old) {
			lc_buf_clear(err);
			lc_buf_puts(err, "out of memory");
			return -1;
		}
		snprintf(old, need, ".%s.old-%ld", d->base, (long)getpid());
		if (renameat(d->parent_fd, d->base, d->parent_fd, old) < 0) {
			free(old);
			return fail(err, "move the old output aside:", d->final, errno);
		}
		if (renameat(d->parent_fd, tmpname, d->parent_fd, d->base) < 0) {
			int e = errno;
			(void)renameat(d->parent_fd, old, d->parent_fd, d->base); /* put it back */
			free(old);
			return fail(err, "rename the new output into", d->final, e);
		}
		int r = remove_old(d->parent_fd, old);
		int e = errno;
		free(old);
		if (r < 0)
			return fail(err, "remove the old output of", d->final, e);
	}
	if (fsync(d->parent_fd) < 0)
		return fail(err, "write (fsync)", d->parent, errno);
	return 0;
}

void lc_site_dir_end(lc_site_dir *d)
{
	if (d->tmp_fd >= 0)
		close(d->tmp_fd);
	if (d->parent_fd >= 0 && d->tmp) {
		/* after a commit the name is gone and this does nothing */
		(void)lc_site_remove_tree(d->parent_fd, strrchr(d->tmp, '/') + 1, 0);
	}
	if (d->parent_fd >= 0)
		close(d->parent_fd);
	free(d->final);
	free(d->parent);
	free(d->base);
	free(d->tmp);
	memset(d, 0, sizeof *d);
	d->parent_fd = d->tmp_fd = -1;
}
