/* Private to the lint: the rules that read every text — vague-language,
 * same-as-previous and near-duplicate — as passes over ranges of the
 * competencies (src/lint_text_rules.c), so that src/lint_threads.c can run
 * two passes at once. */
#ifndef LADDERC_LINT_TEXT_RULES_H
#define LADDERC_LINT_TEXT_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "lint_internal.h"
#include "lint_phrases.h"
#include "lint_words.h"

/* What every pass reads; the passes write only their own entries of nwords. */
typedef struct text_rules_input {
	const lint_node *comps; /* [ncomp]: every competency node in visit order */
	size_t ncomp;
	phrase_table phrases;
	int have_phrases;       /* the table was built: vague-language runs */
	/* the word counts of every text, noted by vague-language so that
	 * near-duplicate cuts only the pairs whose counts are close enough:
	 * nwords[k * nlevels + i] is 1 + the count of competency comps[k].c at
	 * level index i, or 0 when unknown; NULL when out of memory */
	uint32_t *nwords;
} text_rules_input;

/* A vague phrase found in one of a competency's texts. */
typedef struct vague_hit {
	uint32_t text;          /* 0: the description; 1 + i: the text at level index i */
	uint32_t phrase;        /* index in the phrase table */
	size_t off;             /* the byte where it starts in its text */
	size_t next;            /* the next hit of the same phrase in the competency, or SIZE_MAX */
} vague_hit;

/* The vague phrases of one competency's texts, so that it reports each
 * phrase once, at its first text, with the levels it appears at. */
typedef struct vague_hits {
	vague_hit *v;
	size_t n, cap;
	uint32_t text;          /* the text being read */
	size_t *first, *last;   /* [nphrases]: a phrase's first and last hit, when stamp[] is current */
	uint32_t *stamp;        /* [nphrases] */
	uint32_t now;           /* the competency being read */
	int oom;
} vague_hits;

/* One pass over comps[from..to): its own scratch and findings. */
typedef struct text_pass {
	linter lt;              /* the linter's ladder and rules, with its own message and oom */
	const text_rules_input *in;
	size_t from, to;
	size_t k;               /* the competency being read: comps[k] */
	words wa;               /* scratch: the words of one description */
	level_words lv;         /* the words of comps[k]'s texts */
	phrase_marks marks;
	vague_hits hits;
	size_t *diag_v;         /* scratch for the diff in near-duplicate */
	size_t diag_cap;
	/* the findings in the order one pass over all competencies makes them
	 * once merged: every vague-language finding first, then the others */
	lc_diags vague, repeat;
} text_pass;

/* Returns 0, or -1 when out of memory (free it all the same). */
int lc_lint_text_pass_init(text_pass *p, const linter *base, const text_rules_input *in, size_t from, size_t to);
void lc_lint_text_pass_run(text_pass *p);
void lc_lint_text_pass_free(text_pass *p);

#endif
