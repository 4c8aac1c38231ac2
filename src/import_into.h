/* Private: `ladderc import --into LADDER`: the ladder written again, whole,
 * with the texts the table gives for its competencies. */
#ifndef LADDERC_IMPORT_INTO_H
#define LADDERC_IMPORT_INTO_H

#include <stddef.h>

#include "ladderc/ladder.h"
#include "yaml_writer.h"

/* One cell's examples, as the ladder holds them. */
typedef struct lc_import_examples {
	const ladder_str *items;
	size_t n;
} lc_import_examples;

/* One competency's texts from the table, by the ladder's level index (NULL:
 * the table has no text there, and the ladder's own text stays). */
typedef struct lc_import_fill {
	const ladder_competency *c;
	const char **text;         /* "" (len 0) with a proficiency: the proficiency alone */
	size_t *len;
	/* render's long CSV with its proficiency and examples columns: where
	 * details[k] is 1, the cell's proficiency (NULL: none) and examples are
	 * the table's, not the ladder's. NULL: the table has none. */
	unsigned char *details;
	const ladder_proficiency **proficiency;
	lc_import_examples *examples;
} lc_import_fill;

/* Writes every part of `l` that the format holds (comments, includes and
 * x- keys are not in the model: the result is one file), each competency's
 * texts replaced where a fill has one. */
void lc_import_into_write(const ladder *l, const lc_import_fill *fills, size_t nfills, lc_yaml_writer *w);

#endif
