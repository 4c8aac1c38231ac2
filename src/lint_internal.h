/* Private to the lint: what its files share (src/lint.c, the driver and the
 * per-ladder rules; src/lint_text_rules.c, the rules that read every text;
 * src/lint_threads.c, those on two threads): the linter and the helpers that
 * word a finding. */
#ifndef LADDERC_LINT_INTERNAL_H
#define LADDERC_LINT_INTERNAL_H

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/lint.h"

/* One competency as written: a YAML node that several roles may reach
 * through aliases (a shared group, or a shared competency). The lint judges
 * the node once, so a finding is reported once, naming the roles. */
typedef struct lint_node {
	const ladder_competency *c;      /* its first visit */
	const ladder_competency **uses;  /* every visit, in visit order: c first */
	size_t nuses;
	const ladder_role **roles;       /* the distinct roles of uses, in visit order */
	size_t nroles;                   /* 0 for a company-wide competency */
} lint_node;

typedef struct lint_nodes {
	lint_node *v;           /* [n]: every competency node, in order of first visit */
	size_t n;
	const ladder_competency **uses; /* storage of every node's uses */
	const ladder_role **roles;      /* storage of every node's roles */
} lint_nodes;

typedef struct linter {
	const ladder *l;
	lc_diags *d;
	unsigned char on[LC_LINT_NRULES];
	int oom;
	lc_buf msg;             /* scratch: one message */
	/* the track structure, indexed once so that every rule stays linear in
	 * the number of tracks and levels */
	size_t *fork_start;     /* [nlevels + 1]: forks of level i are fork_tracks[fork_start[i]..fork_start[i+1]) */
	const ladder_track **fork_tracks; /* [ntracks]: tracks with a `from`, grouped by that level */
	const ladder_level **reach; /* [ntracks]: highest level reachable by climbing the track */
	unsigned char *taken;   /* [ntracks]: some role takes the track */
	unsigned char *held;    /* [nlevels]: some role has the level (its tracks and `levels:`) */
	const lint_nodes *nodes;
	const ladder_level **level_list; /* [nlevels]: scratch, a list of levels for a message */
} linter;

/* 1 if rule r is on for competency c (NULL: for the ladder). */
int lc_lint_rule_on_for(const linter *lt, lc_lint_rule_id r, const ladder_competency *c);

/* Appends text, shortened to about 60 characters, in double quotes. */
void lc_lint_put_quoted(lc_buf *b, ladder_str s);
/* Appends an id in single quotes. */
void lc_lint_put_id(lc_buf *b, ladder_str id);
/* Appends how a message names a competency: `competency "Name" (id)`, or
 * `competency 'id'` when its name is its id; with two roles or more,
 * `competency "Name" (id, shared by roles 'a' and 'b')`. */
void lc_lint_put_competency(lc_buf *b, const ladder_competency *c, const ladder_role *const *roles,
                            size_t nroles);
/* Appends the ids of levels[0..n), "A, B and C", the first `shown` of them
 * (then "and N more"). */
void lc_lint_put_levels(lc_buf *b, const ladder_level *const *levels, size_t n, size_t shown);
/* Adds the message in lt->msg as a finding of rule r at `at`, and clears it. */
void lc_lint_emit(linter *lt, lc_lint_rule_id r, const lc_mark *at);

/* Lists every competency node of l (src/lint_nodes.c). Returns 0, or -1
 * when out of memory (free it all the same). */
int lc_lint_nodes_build(lint_nodes *nodes, const ladder *l);
void lc_lint_nodes_free(lint_nodes *nodes);

/* vague-language, same-as-previous and near-duplicate over every competency
 * node (src/lint_text_rules.c); `threads` is lc_lint_options.threads. Returns 0,
 * or -1 when out of memory. */
int lc_lint_text_rules(linter *lt, unsigned threads);

/* proficiency-drop over every competency (src/lint_proficiency.c). */
void lc_lint_proficiency_drop(linter *lt);

#endif
