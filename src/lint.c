/* Framework lint: the rules of docs/rules.md over a loaded ladder.
 *
 * Every rule walks the model in its input order and appends warnings to an
 * lc_diags; nothing here prints. The caller sorts the diagnostics.
 *
 * This file is the driver: the rule table and options, the helpers that word
 * a finding, and the rules that judge the ladder's structure. The rules that
 * read every text are in lint_text_rules.c (words in lint_words.c, vague
 * phrases in lint_phrases.c, two threads for a big ladder in lint_threads.c). */
#include "ladderc/lint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "ladderc/assess.h"
#include "lint_internal.h"
#include "text.h"

const lc_lint_rule lc_lint_rules[LC_LINT_NRULES] = {
	[LC_LINT_VAGUE_LANGUAGE] = {"vague-language",
		"criteria must be observable, so that two managers evaluate them the same way"},
	[LC_LINT_SAME_AS_PREVIOUS] = {"same-as-previous",
		"a level that repeats the level below it makes the step between them a paperwork difference"},
	[LC_LINT_NEAR_DUPLICATE] = {"near-duplicate",
		"levels whose descriptions differ only on paper do not say what changes on promotion"},
	[LC_LINT_MISSING_DESCRIPTION] = {"missing-description",
		"every competency needs a description at every level of a role's tracks, so each step is concrete"},
	[LC_LINT_LEVEL_COUNT] = {"level-count",
		"4 to 7 levels per chain: fewer leave long gaps between promotions, more create false granularity"},
	[LC_LINT_TOO_MANY_COMPETENCIES] = {"too-many-competencies",
		"more than 12 competencies per role take too long to evaluate and produce noise"},
	[LC_LINT_TOO_FEW_COMPETENCIES] = {"too-few-competencies",
		"fewer than 6 competencies per role cannot cover both core and functional skills"},
	[LC_LINT_TRACK_PARITY] = {"track-parity",
		"tracks that fork from one level must reach equally high, or growth implicitly means management"},
	[LC_LINT_MISSING_CROSSOVER] = {"missing-crossover",
		"a second track must say which level it branches from, so the crossover point is explicit"},
	[LC_LINT_DUPLICATE_TITLE] = {"duplicate-title",
		"a title must tell which level someone is at, so two levels of one role need two titles"},
	[LC_LINT_MISSING_PROMOTION_CRITERIA] = {"missing-promotion-criteria",
		"without promotion criteria nobody knows what evidence is enough to advance"},
	[LC_LINT_PROFICIENCY_DROP] = {"proficiency-drop",
		"a level that asks for a lower proficiency than the level below it makes the step down a promotion"},
};

/* ---- rule names ------------------------------------------------------------ */

void lc_lint_options_init(lc_lint_options *o)
{
	memset(o, 0, sizeof *o);
}

int lc_lint_find_rule(const char *name, size_t len)
{
	for (int i = 0; i < LC_LINT_NRULES; i++)
		if (strlen(lc_lint_rules[i].id) == len && memcmp(lc_lint_rules[i].id, name, len) == 0)
			return i;
	return -1;
}

int lc_lint_options_set(lc_lint_options *o, const char *arg)
{
	unsigned char state = LC_LINT_RULE_ON;
	if (strncmp(arg, "no-", 3) == 0) {
		arg += 3;
		state = LC_LINT_RULE_OFF;
	}
	int r = lc_lint_find_rule(arg, strlen(arg));
	if (r < 0)
		return -1;
	o->rule[r] = state;
	return 0;
}

const char *lc_lint_suggest_rule(const char *name, size_t len)
{
	lc_text_suggest s;
	lc_text_suggest_init(&s, name, len);
	for (int i = 0; i < LC_LINT_NRULES; i++)
		lc_text_suggest_try(&s, lc_lint_rules[i].id, strlen(lc_lint_rules[i].id));
	return s.best;
}

/* ---- helpers ----------------------------------------------------------------- */

int lc_lint_rule_on_for(const linter *lt, lc_lint_rule_id r, const ladder_competency *c)
{
	if (!lt->on[r])
		return 0;
	if (c)
		for (size_t i = 0; i < c->nlint_disable; i++)
			if (lc_lint_find_rule(c->lint_disable[i].s, c->lint_disable[i].len) == (int)r)
				return 0;
	return 1;
}

static void warn(linter *lt, lc_lint_rule_id r, const lc_mark *at, const char *msg)
{
	lc_diags_add(lt->d, LC_WARNING, at, lc_lint_rules[r].id, "%s", msg);
}

void lc_lint_put_quoted(lc_buf *b, ladder_str s)
{
	size_t n = s.len, chars = 0, i = 0;
	while (i < n && chars < 60) {
		i++;
		while (i < n && ((unsigned char)s.s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	lc_buf_putc(b, '"');
	for (size_t k = 0; k < i; k++)
		lc_buf_putc(b, s.s[k] == '\0' ? '?' : s.s[k]);
	if (i < n)
		lc_buf_puts(b, "...");
	lc_buf_putc(b, '"');
}

void lc_lint_put_id(lc_buf *b, ladder_str id)
{
	lc_buf_putc(b, '\'');
	lc_buf_put(b, id.s, id.len);
	lc_buf_putc(b, '\'');
}

void lc_lint_put_competency(lc_buf *b, const ladder_competency *c, const ladder_role *const *roles,
                            size_t nroles)
{
	/* the name reads better, the id is what a search finds (issue 17, bug g) */
	int named = c->name.len > 0 && !ladder_str_eq(c->name, c->id);
	lc_buf_puts(b, "competency ");
	if (named) {
		lc_lint_put_quoted(b, c->name);
		lc_buf_puts(b, " (");
		lc_buf_put(b, c->id.s, c->id.len);
	} else {
		lc_lint_put_id(b, c->id);
	}
	if (roles && nroles > 0) {
		lc_buf_puts(b, named ? ", in role" : " (in role");
		lc_buf_puts(b, nroles > 1 ? "s " : " ");
		for (size_t i = 0; i < nroles; i++) {
			if (i)
				lc_buf_puts(b, i + 1 == nroles ? " and " : ", ");
			lc_lint_put_id(b, roles[i]->id);
		}
		lc_buf_putc(b, ')');
	} else if (named) {
		lc_buf_putc(b, ')');
	}
}

void lc_lint_put_levels(lc_buf *b, const ladder_level *const *levels, size_t n, size_t shown)
{
	if (shown > n)
		shown = n;
	for (size_t i = 0; i < shown; i++) {
		if (i)
			lc_buf_puts(b, i + 1 == n ? " and " : ", ");
		lc_buf_put(b, levels[i]->id.s, levels[i]->id.len);
	}
	if (n > shown)
		lc_buf_printf(b, " and %zu more levels", n - shown);
}

static const char *msg_done(linter *lt)
{
	lc_buf_putc(&lt->msg, '\0');
	if (lc_buf_failed(&lt->msg)) {
		lt->oom = 1;
		return NULL;
	}
	return lt->msg.data;
}

void lc_lint_emit(linter *lt, lc_lint_rule_id r, const lc_mark *at)
{
	const char *m = msg_done(lt);
	if (m)
		warn(lt, r, at, m);
	lc_buf_clear(&lt->msg);
}

/* ---- configuration ------------------------------------------------------------ */

static void check_rule_name(linter *lt, ladder_str name, const lc_mark *at, const char *where)
{
	if (lc_lint_find_rule(name.s, name.len) >= 0)
		return;
	lc_buf *b = &lt->msg;
	lc_buf_puts(b, "unknown lint rule ");
	lc_lint_put_quoted(b, name);
	lc_buf_printf(b, " in %s", where);
	const char *s = lc_lint_suggest_rule(name.s, name.len);
	if (s)
		lc_buf_printf(b, "; did you mean '%s'?", s);
	else
		lc_buf_puts(b, " (see docs/rules.md for the rules)");
	const char *m = msg_done(lt);
	if (m)
		lc_diags_add(lt->d, LC_ERROR, at, NULL, "%s", m);
	lc_buf_clear(b);
}

static void check_config(linter *lt)
{
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->lint.ndisable; i++)
		check_rule_name(lt, l->lint.disable[i], &l->lint.disable_at[i], "'lint: disable'");
	/* once per node: a competency reached through aliases is written once */
	for (size_t k = 0; k < lt->nodes->n; k++) {
		const ladder_competency *c = lt->nodes->v[k].c;
		for (size_t i = 0; i < c->nlint_disable; i++)
			check_rule_name(lt, c->lint_disable[i], c->lint_disable_at ? &c->lint_disable_at[i] : &c->at,
			                "'x-lint-disable'");
	}
}

/* ---- missing-description ----------------------------------------------------------- */

enum { MISSING_SHOWN = 8 };

/* 1 if competency c applies at lv: a role's competency at the role's
 * levels, a company-wide one at every level some role it is for has (every
 * level when the ladder has no roles); either only where its own scope
 * (`tracks:`, `starts_at:`) lets it. */
static int competency_at(const linter *lt, const ladder_competency *c, const ladder_level *lv)
{
	if (c->group && c->group->role)
		return ladder_competency_applies(c, c->group->role, lv);
	if (!ladder_competency_applies(c, NULL, lv))
		return 0; /* off its tracks or below where it starts */
	if (lt->l->nroles == 0)
		return 1;
	if (!c->group || !c->group->scoped)
		return lt->held[lv->index];
	/* a group for some roles: at the levels of those roles */
	for (size_t i = 0; i < lt->l->nroles; i++)
		if (ladder_competency_applies(c, lt->l->roles[i], lv))
			return 1;
	return 0;
}

/* ", for role 'a' and family 'F'": whom a group for some roles is for, so
 * its one warning says which roles it speaks of. */
static void put_ids(lc_buf *b, const char *one, const char *many, const ladder_str *ids, size_t n,
                    void (*put)(lc_buf *b, ladder_str s))
{
	lc_buf_puts(b, n == 1 ? one : many);
	for (size_t i = 0; i < n; i++) {
		if (i)
			lc_buf_puts(b, i + 1 == n ? " and " : ", ");
		put(b, ids[i]);
	}
}

static void put_group_scope(lc_buf *b, const ladder_group *g)
{
	if (g->nroles)
		put_ids(b, ", for role ", ", for roles ", g->roles, g->nroles, lc_lint_put_id);
	if (g->nfamilies)
		put_ids(b, g->nroles ? " and family " : ", for family ", g->nroles ? " and families " : ", for families ",
		        g->families, g->nfamilies, lc_lint_put_quoted); /* names, not ids */
}

/* Appends to b what competency c lacks on track t, " has no expectation
 * at ...", and returns 1; returns 0 and appends nothing when it lacks nothing. */
static int missing_on_track(linter *lt, lc_buf *b, const ladder_competency *c, const ladder_track *t)
{
	size_t missing = 0, applies = 0;
	for (size_t k = 0; k < t->nlevels; k++) {
		if (!competency_at(lt, c, t->levels[k]))
			continue;
		applies++;
		if (!c->text[t->levels[k]->index].s)
			lt->level_list[missing++] = t->levels[k];
	}
	if (missing == 0)
		return 0;
	lc_buf_puts(b, " has no expectation at ");
	lc_lint_put_levels(b, lt->level_list, missing, MISSING_SHOWN);
	lc_buf_puts(b, missing == applies && applies == t->nlevels ? " (all of track " : " (track ");
	lc_lint_put_id(b, t->id);
	if (c->group && c->group->scoped)
		put_group_scope(b, c->group);
	lc_buf_puts(b, "): write what is expected at each level, so the step from the level below is concrete");
	return 1;
}

static int role_takes(const ladder_role *r, const ladder_track *t)
{
	for (size_t i = 0; i < r->ntracks; i++)
		if (r->tracks[i] == t)
			return 1;
	return 0;
}

/* One use of a shared node and what it lacks on one track. */
typedef struct use_gap {
	size_t from, len;       /* its tail in the track's buffer */
	size_t use;
} use_gap;

static int gap_cmp(const char *tails, const use_gap *a, const use_gap *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(tails + a->from, tails + b->from, n);
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return 0;
}

/* Sorts gaps[0..n) by tail, then use; insertion sort: a node has few uses. */
static void sort_gaps(const char *tails, use_gap *gaps, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		use_gap g = gaps[i];
		size_t j = i;
		while (j > 0) {
			int c = gap_cmp(tails, &gaps[j - 1], &g);
			if (c < 0 || (c == 0 && gaps[j - 1].use < g.use))
				break;
			gaps[j] = gaps[j - 1];
			j--;
		}
		gaps[j] = g;
	}
}

/* The roles of the uses in the run of equal tails that starts at gaps[i],
 * each once, in visit order. Returns the index past the run. */
static size_t run_roles(const lint_node *nd, const char *tails, const use_gap *gaps, size_t n, size_t i,
                        const ladder_role **roles, size_t *nroles)
{
	size_t j = i;
	*nroles = 0;
	for (; j < n && gap_cmp(tails, &gaps[i], &gaps[j]) == 0; j++) {
		const ladder_role *r = nd->uses[gaps[j].use]->group->role;
		size_t k = 0;
		while (k < *nroles && roles[k] != r)
			k++;
		if (k == *nroles)
			roles[(*nroles)++] = r;
	}
	return j;
}

/* A node that several roles share: on each track, the uses that lack the
 * same levels make one finding, naming their roles, in the order of their
 * first use. Returns -1 when out of memory. */
static int missing_shared(linter *lt, const lint_node *nd)
{
	const ladder *l = lt->l;
	lc_buf tails = LC_BUF_INIT;
	use_gap *gaps = malloc(nd->nuses * sizeof *gaps);
	const ladder_role **roles = malloc(nd->nuses * sizeof *roles);
	int rc = gaps && roles ? 0 : -1;
	for (size_t ti = 0; ti < l->ntracks && rc == 0; ti++) {
		const ladder_track *t = l->tracks[ti];
		lc_buf_clear(&tails);
		size_t ngaps = 0;
		for (size_t u = 0; u < nd->nuses; u++) {
			size_t from = tails.len;
			if (role_takes(nd->uses[u]->group->role, t) && missing_on_track(lt, &tails, nd->uses[u], t))
				gaps[ngaps++] = (use_gap){from, tails.len - from, u};
		}
		if (lc_buf_failed(&tails)) {
			rc = -1;
			break;
		}
		sort_gaps(tails.data, gaps, ngaps);
		/* each run's first use, in visit order, speaks for the run */
		for (size_t u = 0; u < nd->nuses; u++)
			for (size_t i = 0; i < ngaps; i++) {
				if (gaps[i].use != u || (i > 0 && gap_cmp(tails.data, &gaps[i - 1], &gaps[i]) == 0))
					continue;
				size_t nroles;
				run_roles(nd, tails.data, gaps, ngaps, i, roles, &nroles);
				lc_lint_put_competency(&lt->msg, nd->c, roles, nroles);
				lc_buf_put(&lt->msg, tails.data + gaps[i].from, gaps[i].len);
				lc_lint_emit(lt, LC_LINT_MISSING_DESCRIPTION, &nd->c->at);
			}
	}
	lc_buf_free(&tails);
	free(gaps);
	free(roles);
	return rc;
}

/* A role's competency applies on the role's tracks; a company-wide one on
 * every track some role takes (every track when the ladder has no roles). */
static void missing_competency(linter *lt, const lint_node *nd)
{
	const ladder_competency *c = nd->c;
	if (!lc_lint_rule_on_for(lt, LC_LINT_MISSING_DESCRIPTION, c))
		return;
	if (nd->nroles > 1) {
		if (missing_shared(lt, nd) < 0)
			lt->oom = 1;
		return;
	}
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		int applies = c->group && c->group->role ? role_takes(c->group->role, t) : l->nroles == 0 || lt->taken[i];
		if (!applies)
			continue;
		lc_lint_put_competency(&lt->msg, c, NULL, 0);
		if (missing_on_track(lt, &lt->msg, c, t))
			lc_lint_emit(lt, LC_LINT_MISSING_DESCRIPTION, &c->at);
		else
			lc_buf_clear(&lt->msg);
	}
}

/* ---- level-count, track-parity, missing-crossover -------------------------------------- */

static size_t nforks(const linter *lt, const ladder_level *lv)
{
	return lt->fork_start[lv->index + 1] - lt->fork_start[lv->index];
}

static int by_first_rank_desc(const void *pa, const void *pb)
{
	const ladder_track *a = *(const ladder_track *const *)pa, *b = *(const ladder_track *const *)pb;
	uint32_t ra = a->nlevels ? a->levels[0]->rank : 0, rb = b->nlevels ? b->levels[0]->rank : 0;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Indexes the forks (which tracks continue from each level), which tracks
 * some role takes, and how high each track reaches: its own top, or higher
 * through the tracks that continue from its top. Returns -1 when out of memory. */
static int index_tracks(linter *lt)
{
	const ladder *l = lt->l;
	lt->fork_start = calloc(l->nlevels + 2, sizeof *lt->fork_start);
	lt->fork_tracks = calloc(l->ntracks + 1, sizeof *lt->fork_tracks);
	lt->reach = calloc(l->ntracks + 1, sizeof *lt->reach);
	lt->taken = calloc(l->ntracks + 1, 1);
	lt->held = calloc(l->nlevels + 1, 1);
	const ladder_track **order = malloc((l->ntracks + 1) * sizeof *order);
	if (!lt->fork_start || !lt->fork_tracks || !lt->reach || !lt->taken || !lt->held || !order) {
		free(order);
		return -1;
	}
	size_t *start = lt->fork_start;
	for (size_t i = 0; i < l->ntracks; i++)
		if (l->tracks[i]->from)
			start[l->tracks[i]->from->index + 2]++;
	for (size_t i = 2; i <= l->nlevels + 1; i++)
		start[i] += start[i - 1];
	/* start[lv + 1] is now where level lv's forks go; filling moves it to their end */
	for (size_t i = 0; i < l->ntracks; i++)
		if (l->tracks[i]->from)
			lt->fork_tracks[start[l->tracks[i]->from->index + 1]++] = l->tracks[i];

	for (size_t r = 0; r < l->nroles; r++)
		for (size_t i = 0; i < l->roles[r]->ntracks; i++)
			lt->taken[l->roles[r]->tracks[i]->index] = 1;
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t i = 0; i < l->nlevels; i++)
			lt->held[i] |= (unsigned char)ladder_role_has_level(l->roles[r], l->levels[i]);

	/* a track that continues from t's top starts one rank above it, so in
	 * order of descending first rank every such track comes before t */
	for (size_t i = 0; i < l->ntracks; i++)
		order[i] = l->tracks[i];
	qsort(order, l->ntracks, sizeof *order, by_first_rank_desc);
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = order[i];
		if (t->nlevels == 0)
			continue;
		const ladder_level *top = t->levels[t->nlevels - 1], *best = top;
		for (size_t k = start[top->index]; k < start[top->index + 1]; k++) {
			const ladder_level *r = lt->reach[lt->fork_tracks[k]->index];
			if (r && r->rank > best->rank)
				best = r;
		}
		lt->reach[t->index] = best;
	}
	free(order);
	return 0;
}

static void level_count(linter *lt)
{
	if (!lt->on[LC_LINT_LEVEL_COUNT])
		return;
	const ladder *l = lt->l;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		if (t->nlevels == 0)
			continue;
		const ladder_level *top = t->levels[t->nlevels - 1];
		if (nforks(lt, top) > 0)
			continue; /* the chain goes on: judged at the end of the tracks above */
		if (top->rank >= LC_LINT_LEVELS_MIN && top->rank <= LC_LINT_LEVELS_MAX)
			continue;
		const ladder_level *bottom = top;
		while (bottom->prev)
			bottom = bottom->prev;
		lc_buf *b = &lt->msg;
		lc_buf_puts(b, "the chain from ");
		lc_buf_put(b, bottom->id.s, bottom->id.len);
		lc_buf_puts(b, " to ");
		lc_buf_put(b, top->id.s, top->id.len);
		lc_buf_puts(b, " (the top of track ");
		lc_lint_put_id(b, t->id);
		lc_buf_printf(b, ") has %u level%s; ", top->rank, top->rank == 1 ? "" : "s");
		if (top->rank < LC_LINT_LEVELS_MIN)
			lc_buf_printf(b, "fewer than %d leave long gaps between promotions", LC_LINT_LEVELS_MIN);
		else
			lc_buf_printf(b, "more than %d create false granularity that makes calibration harder",
			              LC_LINT_LEVELS_MAX);
		lc_buf_printf(b, " (use %d to %d)", LC_LINT_LEVELS_MIN, LC_LINT_LEVELS_MAX);
		lc_lint_emit(lt, LC_LINT_LEVEL_COUNT, &t->at);
	}
}

/* One finding for a branch of a fork that reaches lower than the highest one. */
static void parity_finding(linter *lt, const ladder_level *fork, const ladder_track *t, const ladder_level *r,
                           const ladder_track *best_track, const ladder_level *best, const lc_mark *at)
{
	lc_buf *b = &lt->msg;
	lc_buf_puts(b, "after ");
	lc_buf_put(b, fork->id.s, fork->id.len);
	lc_buf_puts(b, ", track ");
	lc_lint_put_id(b, t->id);
	lc_buf_printf(b, " reaches rank %u (", r->rank);
	lc_buf_put(b, r->id.s, r->id.len);
	lc_buf_puts(b, ") but track ");
	lc_lint_put_id(b, best_track->id);
	lc_buf_printf(b, " reaches rank %u (", best->rank);
	lc_buf_put(b, best->id.s, best->id.len);
	lc_buf_puts(b, "): let both paths reach as high, or growth on the shorter one ends early");
	lc_lint_emit(lt, LC_LINT_TRACK_PARITY, at);
}

/* At every fork (a level that tracks continue from), the branches are the
 * forking tracks and, when the fork's own track goes on past it, that track's
 * continuation. Each branch must reach the rank of the highest. */
static void track_parity(linter *lt)
{
	if (!lt->on[LC_LINT_TRACK_PARITY])
		return;
	const ladder *l = lt->l;
	for (size_t li = 0; li < l->nlevels; li++) {
		const ladder_level *fork = l->levels[li];
		size_t first = lt->fork_start[li], end = lt->fork_start[li + 1];
		if (first == end)
			continue;
		const ladder_track *own = fork->track;
		const ladder_level *own_reach = fork->pos + 1 < own->nlevels ? lt->reach[own->index] : NULL;
		const ladder_level *best = own_reach;
		const ladder_track *best_track = own;
		for (size_t k = first; k < end; k++) {
			const ladder_level *r = lt->reach[lt->fork_tracks[k]->index];
			if (r && (!best || r->rank > best->rank)) {
				best = r;
				best_track = lt->fork_tracks[k];
			}
		}
		if (!best || (end - first) + (own_reach != NULL) < 2)
			continue;
		if (own_reach && own_reach->rank < best->rank)
			parity_finding(lt, fork, own, own_reach, best_track, best, &own->levels[fork->pos + 1]->at);
		for (size_t k = first; k < end; k++) {
			const ladder_track *t = lt->fork_tracks[k];
			const ladder_level *r = lt->reach[t->index];
			if (r && r->rank < best->rank)
				parity_finding(lt, fork, t, r, best_track, best, &t->at);
		}
	}
}

static void missing_crossover(linter *lt)
{
	if (!lt->on[LC_LINT_MISSING_CROSSOVER])
		return;
	const ladder *l = lt->l;
	const ladder_track *first = NULL;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		if (t->from_id.s)
			continue;
		if (!first) {
			first = t;
			continue;
		}
		lc_buf *b = &lt->msg;
		lc_buf_puts(b, "track ");
		lc_lint_put_id(b, t->id);
		lc_buf_puts(b, " starts a chain of its own beside track ");
		lc_lint_put_id(b, first->id);
		lc_buf_puts(b, ": say which level it branches from with 'from: LEVEL', so the crossover point is explicit");
		lc_lint_emit(lt, LC_LINT_MISSING_CROSSOVER, &t->at);
	}
}

/* ---- competency counts, duplicate-title ---------------------------------------------------- */

static void competency_counts(linter *lt)
{
	const ladder *l = lt->l;
	for (size_t ri = 0; ri < l->nroles; ri++) {
		const ladder_role *r = l->roles[ri];
		size_t n = 0;
		for (size_t g = 0; g < ladder_role_ngroups(l, r); g++)
			n += ladder_role_group(l, r, g)->ncompetencies;
		lc_buf *b = &lt->msg;
		if (n > LC_LINT_COMPETENCIES_MAX && lt->on[LC_LINT_TOO_MANY_COMPETENCIES]) {
			lc_buf_puts(b, "role ");
			lc_lint_put_id(b, r->id);
			lc_buf_printf(b, " has %zu competencies (company-wide and its own); more than %d take too long "
			              "to evaluate: merge or drop some", n, LC_LINT_COMPETENCIES_MAX);
			lc_lint_emit(lt, LC_LINT_TOO_MANY_COMPETENCIES, &r->at);
		} else if (n < LC_LINT_COMPETENCIES_MIN && lt->on[LC_LINT_TOO_FEW_COMPETENCIES]) {
			lc_buf_puts(b, "role ");
			lc_lint_put_id(b, r->id);
			lc_buf_printf(b, " has %zu competenc%s (company-wide and its own); fewer than %d cannot cover "
			              "both core and functional skills", n, n == 1 ? "y" : "ies", LC_LINT_COMPETENCIES_MIN);
			lc_lint_emit(lt, LC_LINT_TOO_FEW_COMPETENCIES, &r->at);
		}
	}
}

static void duplicate_title(linter *lt)
{
	if (!lt->on[LC_LINT_DUPLICATE_TITLE])
		return;
	const ladder *l = lt->l;
	for (size_t ri = 0; ri < l->nroles; ri++) {
		const ladder_role *r = l->roles[ri];
		lc_idmap seen;
		lc_idmap_init(&seen);
		for (size_t i = 0; i < l->nlevels; i++) {
			const ladder_level *lv = l->levels[i];
			ladder_str title = r->title[i];
			if (!title.s)
				continue; /* not one of the role's levels, or the level gives no title */
			const ladder_level *first = lc_idmap_get(&seen, title.s, title.len);
			if (!first) {
				if (lc_idmap_put(&seen, title.s, title.len, (void *)lv) == &seen)
					lt->oom = 1;
				continue;
			}
			lc_buf *b = &lt->msg;
			lc_buf_puts(b, "role ");
			lc_lint_put_id(b, r->id);
			lc_buf_puts(b, " has the title ");
			lc_lint_put_quoted(b, title);
			lc_buf_puts(b, " at both ");
			lc_buf_put(b, first->id.s, first->id.len);
			lc_buf_puts(b, " and ");
			lc_buf_put(b, lv->id.s, lv->id.len);
			lc_buf_puts(b, ": give each level its own title, so a title tells which level someone is at");
			const lc_mark *at = r->title_override[i].s ? &r->title_override_at[i]
			                    : lv->title.s            ? &lv->title_at
			                                             : &lv->at;
			lc_lint_emit(lt, LC_LINT_DUPLICATE_TITLE, at);
		}
		lc_idmap_free(&seen);
	}
}

/* ---- missing-promotion-criteria ------------------------------------------------------------ */

static int criteria_given(const ladder_criteria *c)
{
	return c->min_average.present || c->min_each.present || c->time_in_level.s || c->nevidence > 0;
}

static void promotion_criteria(linter *lt)
{
	if (!lt->on[LC_LINT_MISSING_PROMOTION_CRITERIA])
		return;
	const ladder *l = lt->l;
	const ladder_promotion *p = &l->promotion;
	if (p->present && criteria_given(&p->defaults))
		return; /* the defaults apply to every level */
	unsigned char *has = calloc(l->nlevels + 1, 1);
	if (!has) {
		lt->oom = 1;
		return;
	}
	size_t with = 0;
	for (size_t i = 0; i < p->ninto; i++)
		if (p->into[i].level && criteria_given(&p->into[i].criteria) && !has[p->into[i].level->index]) {
			has[p->into[i].level->index] = 1;
			with++;
		}
	lc_buf *b = &lt->msg;
	if (with == 0) {
		/* nothing anywhere: one finding, not one per level */
		size_t promotable = 0;
		for (size_t i = 0; i < l->nlevels; i++)
			promotable += l->levels[i]->prev != NULL;
		if (promotable > 0) {
			lc_buf_puts(b, "the ladder has no promotion criteria: say what evidence is enough to advance, "
			               "for every level under 'promotion:' or per level under 'promotion: into:'");
			lc_lint_emit(lt, LC_LINT_MISSING_PROMOTION_CRITERIA, p->present ? &p->at : &l->at);
		}
		free(has);
		return;
	}
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		if (!lv->prev || has[i])
			continue;
		lc_buf_puts(b, "nothing says what it takes to be promoted into ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, ": add criteria under 'promotion: into: ");
		lc_buf_put(b, lv->id.s, lv->id.len);
		lc_buf_puts(b, "', or defaults for every level under 'promotion:'");
		lc_lint_emit(lt, LC_LINT_MISSING_PROMOTION_CRITERIA, &lv->at);
	}
	free(has);
}

/* A `time_in_level` that `ladderc assess` cannot read (docs/assess.md) is a
 * criterion nobody can check: reported under missing-promotion-criteria. */
static void unreadable_time(linter *lt, const ladder_str *t, const lc_mark *at)
{
	lc_time_in_level parsed;
	if (!t->s || lc_time_in_level_parse(t->s, t->len, &parsed) == 0)
		return;
	lc_buf *b = &lt->msg;
	lc_buf_puts(b, "time_in_level ");
	lc_text_put_quoted(b, t->s, t->len, 60);
	lc_buf_puts(b, " cannot be read: write a whole number and weeks, months, quarters or years "
	               "(such as '2 quarters'), or 'ladderc assess' can only mark it 'to confirm'");
	lc_lint_emit(lt, LC_LINT_MISSING_PROMOTION_CRITERIA, at);
}

static void time_in_level_texts(linter *lt)
{
	const ladder_promotion *p = &lt->l->promotion;
	if (!lt->on[LC_LINT_MISSING_PROMOTION_CRITERIA] || !p->present)
		return;
	unreadable_time(lt, &p->defaults.time_in_level, &p->defaults.at);
	for (size_t i = 0; i < p->ninto; i++)
		unreadable_time(lt, &p->into[i].criteria.time_in_level, &p->into[i].criteria.at);
}

/* ---- the whole lint ------------------------------------------------------------------------- */

int lc_lint_ladder(const ladder *l, const lc_lint_options *o, lc_diags *d)
{
	linter lt;
	memset(&lt, 0, sizeof lt);
	lt.l = l;
	lt.d = d;
	lc_buf_init(&lt.msg);
	for (int r = 0; r < LC_LINT_NRULES; r++)
		lt.on[r] = 1;
	for (size_t i = 0; i < l->lint.ndisable; i++) {
		int r = lc_lint_find_rule(l->lint.disable[i].s, l->lint.disable[i].len);
		if (r >= 0)
			lt.on[r] = 0;
	}
	for (int r = 0; r < LC_LINT_NRULES; r++)
		if (o && o->rule[r] != LC_LINT_RULE_DEFAULT)
			lt.on[r] = o->rule[r] == LC_LINT_RULE_ON;

	lint_nodes nodes;
	int nodes_ok = lc_lint_nodes_build(&nodes, l) == 0;
	lt.nodes = &nodes;
	lt.level_list = malloc((l->nlevels + 1) * sizeof *lt.level_list);
	if (!nodes_ok || !lt.level_list) {
		lt.oom = 1;
		goto done;
	}
	check_config(&lt);
	if (index_tracks(&lt) < 0) {
		lt.oom = 1;
		goto done;
	}
	if (lc_lint_text_rules(&lt, o ? o->threads : 0) < 0)
		lt.oom = 1;
	for (size_t k = 0; k < nodes.n; k++)
		missing_competency(&lt, &nodes.v[k]);
	level_count(&lt);
	track_parity(&lt);
	missing_crossover(&lt);
	competency_counts(&lt);
	duplicate_title(&lt);
	promotion_criteria(&lt);
	time_in_level_texts(&lt);
	lc_lint_proficiency_drop(&lt);

done:
	lc_lint_nodes_free(&nodes);
	free(lt.level_list);
	free(lt.fork_start);
	free(lt.fork_tracks);
	free(lt.reach);
	free(lt.taken);
	free(lt.held);
	lc_buf_free(&lt.msg);
	return lt.oom || d->oom ? -1 : 0;
}
