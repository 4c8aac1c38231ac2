/* ladderc — the published site (`ladderc build`): which files a ladder
 * becomes, and writing them into a directory atomically.
 *
 * Layout (docs/site.md), for one ladder:
 *   index.html, index.md     overview, with links to every role
 *   ROLE.html, ROLE.md       one per role: matrix per track, then a section per level
 *   ladder.csv, ladder.json  the whole ladder
 *   changes.html, changes.md with --since OLD: what changed since OLD
 * Several ladders: each in ID/ as above, and index.html, index.md at the top
 * listing them.
 * File names come only from validated ids (letters, digits, '-', '_').
 *
 * Nothing here prints: failures come back as -1 with a message in `err`. */
#ifndef LADDERC_SITE_H
#define LADDERC_SITE_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/emit.h"
#include "ladderc/ladder.h"

enum {
	LC_SITE_HTML = 1,
	LC_SITE_MARKDOWN = 2,
	LC_SITE_CSV = 4,
	LC_SITE_JSON = 8,
	LC_SITE_ALL = 15
};

/* Parses "html,markdown,csv,json" (any non-empty subset, any order, no
 * repeats needed; the names and aliases of ladder_format_find, so md is
 * markdown) into LC_SITE_* bits. Returns -1 on an unknown name, or on text,
 * which a site has no pages in. */
int lc_site_parse_formats(const char *list, unsigned *out);

/* One file of the site. */
typedef struct lc_site_page {
	char name[128];          /* file name, e.g. "software-engineer.html" */
	ladder_format format;
	ladder_view view;
	const struct lc_diff_marks *changed; /* build --since: what to mark (NULL: nothing) */
} lc_site_page;

/* The pages of l for `formats`, in a fixed order. *out is malloc'ed (free()).
 * Returns 0, or -1 when out of memory. */
int lc_site_pages(const ladder *l, unsigned formats, lc_site_page **out, size_t *n);

/* Renders one page into out (cleared first). Returns 0, or -1 (out of memory). */
int lc_site_render(const ladder *l, const lc_site_page *p, lc_buf *out);

/* build --since: the changes page in format f (HTML or Markdown) from the
 * marks' diff, into out (cleared first): src/site_changes.c. Returns 0, or
 * -1 (out of memory, or another format). */
int lc_site_changes_render(const struct lc_diff_marks *m, ladder_format f, lc_buf *out);

/* The index at the top of a build of several ladders (docs/site.md): every
 * ladder of ls[0..n) in that order (the command line's), its name, title, id
 * and updated date, linking to its overview ID/index.html (HTML) or
 * ID/index.md (Markdown), into out (cleared first). Returns 0, or -1 (out of
 * memory, or f is neither HTML nor Markdown). src/site_index.c */
int lc_site_index_render(const ladder *const *ls, size_t n, ladder_format f, lc_buf *out);

/* An output directory being built: everything goes into a temporary directory
 * beside it (same parent: ".NAME.tmp-PID"), which replaces it on commit. */
typedef struct lc_site_dir {
	char *final;   /* the directory asked for, without trailing slashes */
	char *parent;  /* its parent directory ("." when none was given) */
	char *base;    /* its last component */
	char *tmp;     /* the temporary directory's path */
	int parent_fd;
	int tmp_fd;
} lc_site_dir;

/* Checks DIR (it must be a directory written by ladderc build, or empty, or
 * absent), creates missing parents, removes temporary directories that
 * killed builds left beside it, and creates a fresh temporary directory. */
int lc_site_dir_begin(lc_site_dir *d, const char *dir, lc_buf *err);
/* Creates a subdirectory of the temporary directory (for several ladders). */
int lc_site_dir_mkdir(lc_site_dir *d, const char *sub, lc_buf *err);
/* Writes one file (sub may be NULL): created exclusively, written, fsync'ed
 * and closed, every step checked. */
int lc_site_dir_write(lc_site_dir *d, const char *sub, const char *name, const lc_buf *content, lc_buf *err);
/* Renders page p of l straight into its file (sub may be NULL), through
 * `scratch` used as a bounded buffer (LC_SITE_WRITE_CHUNK bytes): the page is
 * never held whole in memory. Same checks as lc_site_dir_write, but the fsync
 * waits for lc_site_dir_commit: the disk writes this page while the next ones
 * render. "out of memory while rendering" when rendering fails. */
enum { LC_SITE_WRITE_CHUNK = 1 << 20 };
int lc_site_dir_write_page(lc_site_dir *d, const char *sub, const ladder *l, const lc_site_page *p, lc_buf *scratch,
                        lc_buf *err);
/* Writes the index of ls[0..n) at the top of the temporary directory:
 * index.html when formats has LC_SITE_HTML, index.md when LC_SITE_MARKDOWN,
 * rendered through scratch. Same checks as lc_site_dir_write. */
int lc_site_dir_write_index(lc_site_dir *d, const ladder *const *ls, size_t n, unsigned formats, lc_buf *scratch,
                            lc_buf *err);
/* fsyncs every file and directory of the temporary directory and puts it in DIR's place (renameat2
 * RENAME_EXCHANGE where the file system has it, else two renames), removes
 * the old content and fsyncs the parent. */
int lc_site_dir_commit(lc_site_dir *d, lc_buf *err);
/* Removes the temporary directory (after a failure) and frees d. Safe after
 * commit and after a failed begin. */
void lc_site_dir_end(lc_site_dir *d);

#ifdef __cplusplus
}
#endif

#endif
