/* Private: a source whose buffer can give pages back to the system while the
 * rest of it is parsed, and read them again from the file when something
 * needs them (a diagnostic's line, a second load).
 *
 * A big ladder is mostly the roles' text. Once a role is built, with its
 * text copied into the model, the bytes it was parsed from are needed only
 * to quote a line in a message; holding them for that doubled the memory a
 * build needs. The file stays open and is checked to be the same file (size,
 * modification time) before anything is read again. */
#ifndef LADDERC_SOURCE_FILE_H
#define LADDERC_SOURCE_FILE_H

#include <stddef.h>
#include "ladderc/diag.h"

/* Lets src's pages be released: src->data holds the first src->len bytes of
 * the regular file open on `fd`, which src now owns (closed on failure too).
 * 0, or -1 when this cannot be done (src is then as before). */
int lc_source_attach_file(lc_source *src, int fd);
/* Closes the file: released pages can no longer be read again. */
void lc_source_detach_file(lc_source *src);

/* Gives back the whole pages inside bytes [from, to). With `unfed`, pages
 * below the first parser's mark (lc_source_fetch_fed) are kept: a second
 * thread releases only what the first will never read. */
void lc_source_release(lc_source *src, size_t from, size_t to, int unfed);
/* Makes bytes [from, to) readable again. 0, or -1 with errno set (ESTALE
 * when the file has changed since it was read). */
int lc_source_fetch(lc_source *src, size_t from, size_t to);
/* The same for the first parser's reader: also marks [0, to) as read by it. */
int lc_source_fetch_fed(lc_source *src, size_t from, size_t to);
/* Copies bytes [from, to) to dst, reading released pages from the file
 * without keeping them. 0, or -1 with errno set. */
int lc_source_copy_out(lc_source *src, size_t from, size_t to, char *dst);
/* errno of the first read-back that failed (ESTALE: the file changed), or 0. */
int lc_source_read_error(const lc_source *src);
/* Bytes released now: for tests. */
size_t lc_source_released(const lc_source *src);

#endif
