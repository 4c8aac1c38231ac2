/* Private: removing a directory tree of the site (src/site.c), and the same
 * on several threads (src/site_remove_threads.c, speed only). */
#ifndef LADDERC_SITE_REMOVE_H
#define LADDERC_SITE_REMOVE_H

/* Removes name (a file, or a directory and everything in it) below dirfd,
 * never following a symbolic link. depth: 0 for the top (a limit stops
 * runaway nesting). Returns 0, or -1 with errno set. */
int lc_site_remove_tree(int dirfd, const char *name, int depth);

/* lc_site_remove_tree(dirfd, name, 0) for a directory, its entries shared
 * out between a few threads: the same result, and the same errno (that of
 * the first failure in directory order). */
int lc_site_remove_tree_threads(int dirfd, const char *name);

#endif
