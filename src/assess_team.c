/* Team figures of `ladderc assess` (docs/assess.md): per level the headcount
 * and the verdicts for each next level, a level x competency table of mean
 * ratings, for each promotion step the share of the people below it who
 * meet its rating criteria, and each rater's mean against everyone's at the
 * same levels. */
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "ladderc/assess.h"

typedef struct team_build {
	lc_assessment *a;
	lc_team *t;
	const ladder_competency **all;  /* every competency, ladder order */
	size_t nall;
	lc_idmap comp_index;            /* a competency's address -> &all[i] */
	lc_figure *cells;               /* [nlevels][nall]: sums and counts */
	size_t *level_row;              /* ladder level index -> row + 1 */
	int nomem;
} team_build;

static void *alloc(team_build *b, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	void *p = lc_arena_calloc(b->a->arena, n, size);
	if (!p)
		b->nomem = 1;
	return p;
}

static void add_group(team_build *b, const ladder_group *g)
{
	for (size_t k = 0; k < g->ncompetencies; k++)
		b->all[b->nall++] = g->competencies[k];
}

static size_t comp_index(const team_build *b, const ladder_competency *c)
{
	const ladder_competency **v = lc_idmap_get(&b->comp_index, (const char *)&c, sizeof c);
	return v ? (size_t)(v - b->all) : SIZE_MAX;
}

/* Competencies in ladder order: company-wide groups, then each role's. */
static void list_competencies(team_build *b)
{
	const ladder *l = b->a->assessed;
	size_t n = 0;
	for (size_t g = 0; g < l->ngroups; g++)
		n += l->groups[g]->ncompetencies;
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			n += l->roles[r]->groups[g]->ncompetencies;
	b->all = calloc(n ? n : 1, sizeof *b->all);
	if (!b->all) {
		b->nomem = 1;
		return;
	}
	for (size_t g = 0; g < l->ngroups; g++)
		add_group(b, l->groups[g]);
	for (size_t r = 0; r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++)
			add_group(b, l->roles[r]->groups[g]);
	for (size_t i = 0; i < b->nall; i++)
		if (lc_idmap_put(&b->comp_index, (const char *)&b->all[i], sizeof b->all[i], (void *)&b->all[i]) ==
		    &b->comp_index)
			b->nomem = 1;
}

static int step_meets(const lc_step *s)
{
	int any = 0;
	for (size_t k = 0; k < s->ncriteria; k++) {
		const lc_criterion_result *c = &s->criteria[k];
		if (c->kind == LC_CRITERION_MIN_AVERAGE || c->kind == LC_CRITERION_MIN_EACH) {
			any = 1;
			if (c->met != 1)
				return 0;
		}
	}
	return any;
}

static int has_rating_criteria(const lc_step *s)
{
	for (size_t k = 0; k < s->ncriteria; k++)
		if (s->criteria[k].kind == LC_CRITERION_MIN_AVERAGE || s->criteria[k].kind == LC_CRITERION_MIN_EACH)
			return 1;
	return 0;
}

/* Levels with people, headcounts, verdicts per next level, and the cells. */
static void count_levels(team_build *b, size_t *complete, size_t *meeting)
{
	const ladder *l = b->a->assessed;
	lc_team *t = b->t;
	for (size_t i = 0; i < b->a->npeople; i++)
		b->level_row[lc_assess_person_of(b->a, i)->level->index] = 1;
	for (size_t i = 0; i < l->nlevels; i++)
		if (b->level_row[i])
			b->level_row[i] = ++t->nlevels;
	t->levels = alloc(b, t->nlevels, sizeof *t->levels);
	b->cells = calloc(t->nlevels * (b->nall ? b->nall : 1) + 1, sizeof *b->cells);
	if (b->nomem || !b->cells) {
		b->nomem = 1;
		return;
	}
	for (size_t i = 0; i < l->nlevels; i++) {
		if (!b->level_row[i])
			continue;
		lc_team_level *tl = &t->levels[b->level_row[i] - 1];
		tl->level = l->levels[i];
		tl->next = alloc(b, l->ntracks + 1, sizeof *tl->next);
	}
	for (size_t i = 0; i < b->a->npeople && !b->nomem; i++) {
		const lc_person_result *pr = lc_assess_person(b->a, i);
		size_t row = b->level_row[pr->person->level->index] - 1;
		lc_team_level *tl = &t->levels[row];
		tl->headcount++;
		for (size_t k = 0; k < pr->person->nratings; k++) {
			size_t ci = comp_index(b, pr->person->ratings[k].competency);
			lc_figure *cell = &b->cells[row * b->nall + ci];
			cell->num += pr->person->ratings[k].value;
			cell->den++;
		}
		for (size_t s = 0; s < pr->nnext; s++) {
			const lc_step *st = &pr->next[s];
			size_t j = 0;
			while (j < tl->nnext && tl->next[j].level != st->level)
				j++;
			if (j == tl->nnext) {
				if (j >= l->ntracks + 1)
					continue; /* a target off the usual next levels: not a step of the team */
				tl->next[tl->nnext++].level = st->level;
			}
			lc_team_next *tn = &tl->next[j];
			tn->ready += st->verdict == LC_VERDICT_READY;
			tn->not_yet += st->verdict == LC_VERDICT_NOT_YET;
			tn->incomplete += st->verdict == LC_VERDICT_INCOMPLETE;
			if (st->verdict != LC_VERDICT_INCOMPLETE && has_rating_criteria(st)) {
				complete[row * (l->ntracks + 1) + j]++;
				meeting[row * (l->ntracks + 1) + j] += (size_t)step_meets(st);
			}
		}
	}
}

static int cmp_next(const void *x, const void *y)
{
	const lc_team_next *a = x, *b = y;
	return a->level->index < b->level->index ? -1 : a->level->index > b->level->index;
}

static void make_steps(team_build *b, size_t *complete, size_t *meeting)
{
	const ladder *l = b->a->assessed;
	lc_team *t = b->t;
	size_t w = l->ntracks + 1, n = 0;
	for (size_t r = 0; r < t->nlevels; r++)
		for (size_t j = 0; j < t->levels[r].nnext; j++)
			n += complete[r * w + j] > 0;
	t->steps = alloc(b, n, sizeof *t->steps);
	if (b->nomem)
		return;
	for (size_t r = 0; r < t->nlevels; r++) {
		lc_team_level *tl = &t->levels[r];
		/* ladder order of the next levels, the counts moving with them */
		size_t order[64], m = tl->nnext < 64 ? tl->nnext : 64;
		for (size_t j = 0; j < m; j++)
			order[j] = j;
		for (size_t i = 1; i < m; i++)
			for (size_t j = i; j > 0 && tl->next[order[j - 1]].level->index > tl->next[order[j]].level->index; j--) {
				size_t x = order[j];
				order[j] = order[j - 1];
				order[j - 1] = x;
			}
		for (size_t jj = 0; jj < m; jj++) {
			size_t j = order[jj];
			if (!complete[r * w + j])
				continue;
			lc_team_step *s = &t->steps[t->nsteps++];
			s->from = tl->level;
			s->to = tl->next[j].level;
			s->below = complete[r * w + j];
			s->meeting = meeting[r * w + j];
			if (s->meeting * 100 < (size_t)t->aspirational_pct * s->below)
				s->flag = LC_STEP_FLAG_ASPIRATIONAL;
			else if (s->meeting * 100 > (size_t)t->not_a_bar_pct * s->below)
				s->flag = LC_STEP_FLAG_NOT_A_BAR;
		}
		qsort(tl->next, tl->nnext, sizeof *tl->next, cmp_next);
	}
}

/* The heat table: competencies rated by anyone, and each level's means. */
static void make_means(team_build *b)
{
	lc_team *t = b->t;
	size_t n = 0;
	unsigned char *used = calloc(b->nall + 1, 1);
	if (!used) {
		b->nomem = 1;
		return;
	}
	for (size_t r = 0; r < t->nlevels; r++)
		for (size_t i = 0; i < b->nall; i++)
			used[i] |= b->cells[r * b->nall + i].den > 0;
	for (size_t i = 0; i < b->nall; i++)
		n += used[i];
	t->competencies = alloc(b, n, sizeof *t->competencies);
	for (size_t r = 0; r < t->nlevels && !b->nomem; r++)
		t->levels[r].means = alloc(b, n, sizeof *t->levels[r].means);
	if (!b->nomem) {
		for (size_t i = 0; i < b->nall; i++) {
			if (!used[i])
				continue;
			for (size_t r = 0; r < t->nlevels; r++)
				t->levels[r].means[t->ncompetencies] = b->cells[r * b->nall + i];
			t->competencies[t->ncompetencies++] = b->all[i];
		}
	}
	free(used);
}

/* Each rater's mean against the mean every rating at the same levels has,
 * weighted by how many ratings the rater gave at each level. */
/* x rounded to the nearest integer, halves away from zero: llround's
 * result for |x| < 2^52 (x minus its integer part is then exact), without
 * linking libm for one call (its loading is a tenth of a small check). */
static int64_t round_half_away(double x)
{
	int64_t i = (int64_t)x; /* toward zero */
	double frac = x - (double)i;
	if (frac >= 0.5)
		i++;
	else if (frac <= -0.5)
		i--;
	return i;
}

static void make_raters(team_build *b)
{
	lc_team *t = b->t;
	lc_figure *level_all = calloc(t->nlevels + 1, sizeof *level_all);
	double *expected = calloc(b->a->npeople + 1, sizeof *expected);
	lc_idmap ids;
	lc_idmap_init(&ids);
	t->raters = alloc(b, b->a->npeople + 1, sizeof *t->raters); /* + 1: never NULL */
	if (!level_all || !expected || !t->raters || b->nomem) {
		b->nomem = 1;
		goto out;
	}
	for (size_t i = 0; i < b->a->npeople; i++) {
		const lc_person *p = lc_assess_person_of(b->a, i);
		lc_figure *f = &level_all[b->level_row[p->level->index] - 1];
		for (size_t k = 0; k < p->nratings; k++) {
			f->num += p->ratings[k].value;
			f->den++;
		}
	}
	for (size_t i = 0; i < b->a->npeople; i++) {
		const lc_person *p = lc_assess_person_of(b->a, i);
		if (!p->rater.s || !p->nratings)
			continue;
		lc_team_rater *tr = lc_idmap_get(&ids, p->rater.s, p->rater.len);
		if (!tr) {
			tr = &t->raters[t->nraters++];
			tr->rater = p->rater;
			if (lc_idmap_put(&ids, p->rater.s, p->rater.len, tr) == &ids) {
				b->nomem = 1;
				goto out;
			}
		}
		const lc_figure *f = &level_all[b->level_row[p->level->index] - 1];
		tr->people++;
		for (size_t k = 0; k < p->nratings; k++)
			tr->mean.num += p->ratings[k].value;
		tr->mean.den += (int64_t)p->nratings;
		tr->nratings += p->nratings;
		expected[tr - t->raters] += (double)p->nratings * (double)f->num / (double)f->den;
	}
	for (size_t i = 0; i < t->nraters; i++) {
		lc_team_rater *tr = &t->raters[i];
		double e = expected[i] / (double)tr->mean.den; /* hundredths */
		double d = (double)tr->mean.num / (double)tr->mean.den - e;
		tr->expected = (lc_figure){round_half_away(e * 100), 100};
		tr->diff_x100 = round_half_away(d * 100);
		tr->flagged = tr->diff_x100 >= 5000 || tr->diff_x100 <= -5000;
	}
out:
	lc_idmap_free(&ids);
	free(level_all);
	free(expected);
}

int lc_assess_team(lc_assessment *a, int aspirational_pct, int not_a_bar_pct)
{
	team_build b;
	memset(&b, 0, sizeof b);
	b.a = a;
	lc_idmap_init(&b.comp_index);
	b.t = a->team = lc_arena_calloc(a->arena, 1, sizeof *a->team);
	const ladder *l = a->assessed;
	b.level_row = calloc(l->nlevels + 1, sizeof *b.level_row);
	size_t w = l->ntracks + 1;
	size_t *complete = calloc(l->nlevels * w + 1, sizeof *complete);
	size_t *meeting = calloc(l->nlevels * w + 1, sizeof *meeting);
	if (!b.t || !b.level_row || !complete || !meeting) {
		b.nomem = 1;
	} else {
		b.t->aspirational_pct = aspirational_pct;
		b.t->not_a_bar_pct = not_a_bar_pct;
		list_competencies(&b);
	}
	if (!b.nomem)
		count_levels(&b, complete, meeting);
	if (!b.nomem)
		make_steps(&b, complete, meeting);
	if (!b.nomem)
		make_means(&b);
	if (!b.nomem)
		make_raters(&b);
	free(b.all);
	free(b.cells);
	free(b.level_row);
	free(complete);
	free(meeting);
	lc_idmap_free(&b.comp_index);
	return b.nomem ? -2 : 0;
}
