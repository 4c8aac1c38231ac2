/* Private: the bytes of an imported file as UTF-8 text, and its format
 * guessed from the content. */
#ifndef LADDERC_IMPORT_INPUT_H
#define LADDERC_IMPORT_INPUT_H

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/import.h"

/* The file's text as UTF-8 in [*text, *text + *len): the file's own bytes
 * after a UTF-8 byte order mark (not copied: a 50 MB sheet is not paid for
 * twice), or UTF-16 with a byte order mark (Excel's "Unicode text")
 * converted into `converted`. Invalid UTF-8 or UTF-16, and a file of nothing
 * but blanks, are errors added to d, located in `src` (whose data is the
 * file as given). 0, 1 (an error) or -1 (memory). */
int lc_import_decode(lc_source *src, lc_buf *converted, const char **text, size_t *len, lc_diags *d);

/* The format of UTF-8 text: Markdown when a line starting with '|' is
 * followed by a row of dashes; else TSV when the first line has a tab; else
 * CSV. *delimiter is the CSV delimiter: ';' when the first line has more
 * semicolons than commas (outside quotes), else ','. */
lc_import_format lc_import_sniff(const char *p, size_t n, char *delimiter);

#endif
