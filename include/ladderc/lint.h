/* ladderc — framework lint: judges a loaded ladder as a career framework.
 *
 * The loader rejects ladders that are broken; the linter warns about ladders
 * that load fine but will not work as a framework (seed 002): criteria that
 * cannot be observed, levels that differ only on paper, a management track as
 * the only real way up, too many competencies, no promotion criteria.
 * docs/rules.md explains every rule.
 *
 * Findings are LC_WARNING diagnostics whose `rule` is the rule's id. An unknown
 * rule name in the ladder's `lint: {disable: [...]}` or a competency's
 * `x-lint-disable` is an LC_ERROR (a typo would silently switch nothing off). */
#ifndef LADDERC_LINT_H
#define LADDERC_LINT_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include "ladderc/diag.h"
#include "ladderc/ladder.h"

typedef enum lc_lint_rule_id {
	LC_LINT_VAGUE_LANGUAGE,
	LC_LINT_SAME_AS_PREVIOUS,
	LC_LINT_NEAR_DUPLICATE,
	LC_LINT_MISSING_DESCRIPTION,
	LC_LINT_LEVEL_COUNT,
	LC_LINT_TOO_MANY_COMPETENCIES,
	LC_LINT_TOO_FEW_COMPETENCIES,
	LC_LINT_TRACK_PARITY,
	LC_LINT_MISSING_CROSSOVER,
	LC_LINT_DUPLICATE_TITLE,
	LC_LINT_MISSING_PROMOTION_CRITERIA,
	LC_LINT_PROFICIENCY_DROP,
	LC_LINT_NRULES
} lc_lint_rule_id;

typedef struct lc_lint_rule {
	const char *id;        /* e.g. "vague-language"; also the anchor in docs/rules.md */
	const char *rationale; /* one line: why the rule exists */
} lc_lint_rule;

/* The rules, indexed by lc_lint_rule_id. */
extern const lc_lint_rule lc_lint_rules[LC_LINT_NRULES];

/* Limits and thresholds, documented in docs/rules.md. */
enum {
	LC_LINT_LEVELS_MIN = 4,            /* level-count: levels in a complete chain */
	LC_LINT_LEVELS_MAX = 7,
	LC_LINT_COMPETENCIES_MIN = 6,      /* too-few-competencies, per role */
	LC_LINT_COMPETENCIES_MAX = 12,     /* too-many-competencies, per role */
	LC_LINT_SIMILAR_PERCENT = 90,      /* near-duplicate: 2*LCS/(a+b) >= 90% */
	LC_LINT_MAX_CELL_WORDS = 2000      /* near-duplicate compares a text's first 2000 words */
};

/* What the command line says about each rule. */
enum { LC_LINT_RULE_DEFAULT, LC_LINT_RULE_ON, LC_LINT_RULE_OFF };

typedef struct lc_lint_options {
	unsigned char rule[LC_LINT_NRULES]; /* LINT_RULE_* */
	/* threads for the per-text rules: 0 picks (two for a big ladder, one
	 * otherwise); the findings are the same, in the same order, for any value */
	unsigned threads;
} lc_lint_options;

/* Every rule on, unless the ladder switches it off. */
void lc_lint_options_init(lc_lint_options *o);
/* Applies one -W argument: "RULE" switches a rule on (even when the ladder's
 * `lint: disable` switches it off), "no-RULE" switches it off. Returns 0, or -1
 * when the name is not a rule. */
int lc_lint_options_set(lc_lint_options *o, const char *arg);

/* The rule named name[0..len), or -1. */
int lc_lint_find_rule(const char *name, size_t len);
/* The rule id closest to a misspelt name, or NULL when none is close. */
const char *lc_lint_suggest_rule(const char *name, size_t len);

/* Lints `l`: appends warnings (and errors for unknown rule names in the ladder)
 * to `d`. Returns 0, or -1 when out of memory (the findings may be incomplete). */
int lc_lint_ladder(const ladder *l, const lc_lint_options *o, lc_diags *d);

/* The i-th built-in vague phrase (lowercase words separated by one space), or
 * NULL past the end: for the documentation and tests. */
const char *lc_lint_vague_phrase(size_t i);

#ifdef __cplusplus
}
#endif

#endif
