/* The rules of `ladderc assess` (docs/assess.md): the criteria for promotion
 * into a level, the competencies considered, each criterion's figure and
 * verdict, the gaps, where someone stands within their level and the track
 * move. Every figure is a whole number of hundredths or a fraction of them,
 * so "exactly at the bar" is exact. */
#include <stdlib.h>
#include <string.h>

#include "assess_internal.h"
#include "ladderc/speed.h"

/* ---- what the ladder gives -------------------------------------------------- */

int64_t lc_assess_scale(const ladder *l)
{
	if (l->promotion.present && l->promotion.scale.present)
		return (int64_t)l->promotion.scale.value * LC_RATING_UNIT;
	if (l->nproficiency)
		return (int64_t)l->nproficiency * LC_RATING_UNIT;
	return 5 * LC_RATING_UNIT;
}

/* The one place that says which competencies apply to a role at a level:
 * the format's scope (ladder_competency_applies: the group's roles and
 * families, the competency's tracks and starts_at, the role's levels). */
int lc_assess_applies(const ladder *l, const ladder_competency *c, const ladder_role *r, const ladder_level *lv)
{
	(void)l;
	return ladder_competency_applies(c, r, lv);
}

size_t lc_assess_levels(const ladder *l, const ladder_role *r, const ladder_level *lv, const ladder_level *target,
                        const ladder_level **out)
{
	size_t n = 0;
	if (target) {
		out[n++] = target;
	} else {
		size_t nn = ladder_next_levels(l, r, lv, out);
		for (size_t i = 0; i < nn; i++)
			if (ladder_role_has_level(r, out[i]))
				out[n++] = out[i];
	}
	for (size_t i = 0; i < l->nlevels; i++)
		if (l->levels[i]->track != lv->track && ladder_role_has_level(r, l->levels[i]) &&
		    ladder_levels_equivalent(l->levels[i], lv))
			out[n++] = l->levels[i];
	return n;
}

/* The one place for the proficiency in force: its rank, as a rating. */
int64_t lc_assess_proficiency_bar(const ladder *l, const ladder_competency *c, const ladder_level *lv)
{
	(void)l;
	const ladder_proficiency *p = ladder_proficiency_in_force(c, lv);
	return p ? (int64_t)p->rank * LC_RATING_UNIT : 0;
}

void lc_assess_criteria(const ladder *l, const ladder_level *into, lc_criteria *out)
{
	memset(out, 0, sizeof *out);
	const ladder_promotion *p = &l->promotion;
	if (!p->present)
		return;
	const ladder_criteria *d = &p->defaults, *o = NULL;
	for (size_t i = 0; i < p->ninto; i++)
		if (p->into[i].level == into)
			o = &p->into[i].criteria;
	out->min_average = o && o->min_average.present ? &o->min_average : d->min_average.present ? &d->min_average : NULL;
	out->min_each = o && o->min_each.present ? &o->min_each : d->min_each.present ? &d->min_each : NULL;
	out->time_in_level = o && o->time_in_level.s ? o->time_in_level : d->time_in_level;
	out->evidence[0] = d->evidence;
	out->nevidence[0] = d->nevidence;
	if (o) {
		out->evidence[1] = o->evidence;
		out->nevidence[1] = o->nevidence;
	}
}

size_t lc_criteria_nevidence(const lc_criteria *c)
{
	return c->nevidence[0] + c->nevidence[1];
}

ladder_str lc_criteria_evidence(const lc_criteria *c, size_t k)
{
	return k < c->nevidence[0] ? c->evidence[0][k] : c->evidence[1][k - c->nevidence[0]];
}

int64_t lc_assess_bar(const ladder_number *n)
{
	/* from the text: 3.333 must not become a bar of 3.33 */
	int64_t v = 0, frac = 0;
	size_t i = 0, digits = 0;
	const char *s = n->text.s;
	while (i < n->text.len && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	v *= LC_RATING_UNIT;
	int more = 0;
	if (i < n->text.len && s[i] == '.')
		for (i++; i < n->text.len; i++, digits++) {
			if (digits < 2)
				frac = frac * 10 + (s[i] - '0');
			else
				more |= s[i] != '0';
		}
	while (digits < 2) {
		frac *= 10;
		digits++;
	}
	return v + frac + more;
}

const char *lc_verdict_name(lc_verdict v)
{
	static const char *const names[] = {"ready", "not yet", "incomplete"};
	return names[v];
}

const char *lc_criterion_name(lc_criterion_kind k)
{
	static const char *const names[] = {"min_average", "min_each", "time_in_level", "evidence"};
	return names[k];
}

const char *lc_third_name(lc_third t)
{
	static const char *const names[] = {NULL, "lower", "middle", "upper"};
	return names[t];
}

void lc_assess_options_init(lc_assess_options *o)
{
	memset(o, 0, sizeof *o);
	o->team = -1;
	o->aspirational_pct = 5;
	o->not_a_bar_pct = 50;
}

/* ---- one person ----------------------------------------------------------------- */

typedef lc_assess_ctx ctx;

static void *alloc(ctx *c, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	void *p = lc_arena_calloc(c->arena, n, size);
	if (!p)
		c->nomem = 1;
	return p;
}

/* n items of `size` from scratch into the arena (NULL when n is 0). */
static void *copy_out(ctx *c, const void *scratch, size_t n, size_t size)
{
	void *p = alloc(c, n, size);
	if (p)
		memcpy(p, scratch, n * size);
	return p;
}

static const lc_rating *rating_of(const lc_person *p, const ladder_competency *comp)
{
	for (size_t i = 0; i < p->nratings; i++)
		if (p->ratings[i].competency == comp)
			return &p->ratings[i];
	return NULL;
}

/* The competencies considered for the person's role at lv, in ladder order. */
static size_t considered(ctx *c, const ladder_role *r, const ladder_level *lv, const ladder_competency **out)
{
	size_t n = 0;
	for (size_t g = 0; g < ladder_role_ngroups(c->l, r); g++) {
		const ladder_group *gr = ladder_role_group(c->l, r, g);
		for (size_t k = 0; k < gr->ncompetencies; k++)
			if (lc_assess_applies(c->l, gr->competencies[k], r, lv))
				out[n++] = gr->competencies[k];
	}
	return n;
}

static size_t role_competencies(const ladder *l, const ladder_role *r)
{
	size_t n = 0;
	for (size_t g = 0; g < ladder_role_ngroups(l, r); g++)
		n += ladder_role_group(l, r, g)->ncompetencies;
	return n;
}

static int listed(const lc_person *p, size_t number, ladder_str text)
{
	for (size_t i = 0; i < p->nevidence; i++) {
		const lc_listed_evidence *e = &p->evidence[i];
		if (e->number ? e->number == number : ladder_str_eq(e->text, text))
			return 1;
	}
	return 0;
}

static void time_criterion(ctx *c, const lc_person *p, ladder_str text, lc_criterion_result *cr)
{
	cr->kind = LC_CRITERION_TIME_IN_LEVEL;
	cr->required_text = text;
	lc_time_in_level t;
	if (lc_time_in_level_parse(text.s, text.len, &t) < 0) {
		cr->met = -1;
		cr->time = lc_date_months_between(p->since, c->as_of);
		return;
	}
	if (t.weeks) {
		long days = lc_date_days(c->as_of) - lc_date_days(p->since);
		cr->time_weeks = 1;
		cr->time = days / 7;
		cr->met = days >= 7 * t.count;
	} else {
		cr->time = lc_date_months_between(p->since, c->as_of);
		cr->met = cr->time >= t.count;
	}
}

static int cmp_gap(const void *a, const void *b)
{
	const lc_gap *x = a, *y = b;
	int64_t dx = x->required - x->rating, dy = y->required - y->rating;
	if (dx != dy)
		return dx > dy ? -1 : 1;
	return 0;
}

/* Stable sort by gap size: equal gaps keep ladder order. */
static void sort_gaps(lc_gap *g, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		lc_gap x = g[i];
		size_t j = i;
		while (j > 0 && cmp_gap(&g[j - 1], &x) > 0) {
			g[j] = g[j - 1];
			j--;
		}
		g[j] = x;
	}
}

/* The step to lv: criteria (unless a move), gaps, unrated. */
static void assess_step(ctx *c, const lc_person *p, const ladder_level *lv, int move, lc_step *st)
{
	memset(st, 0, sizeof *st);
	st->level = lv;
	size_t n = considered(c, p->role, lv, c->comps);
	lc_criteria cr;
	lc_assess_criteria(c->l, lv, &cr);
	int64_t each = cr.min_each ? lc_assess_bar(cr.min_each) : 0;
	int64_t sum = 0, low = 0;
	size_t nrated = 0;
	lc_gap *gaps = c->gaps;
	const ladder_competency **unrated = c->unrated;
	for (size_t i = 0; i < n; i++) {
		const ladder_competency *comp = c->comps[i];
		const lc_rating *r = rating_of(p, comp);
		if (!r) {
			unrated[st->nunrated++] = comp;
			continue;
		}
		sum += r->value;
		low = nrated++ == 0 || r->value < low ? r->value : low;
		int64_t prof = lc_assess_proficiency_bar(c->l, comp, lv);
		int64_t bar = prof > each ? prof : each;
		if (r->value < bar) {
			lc_gap *g = &gaps[st->ngaps++];
			memset(g, 0, sizeof *g);
			g->competency = comp;
			g->rating = r->value;
			g->required = bar;
			const ladder_level *src = ladder_expectation_source(comp, lv);
			if (src)
				g->text = comp->text[src->index];
		}
	}
	sort_gaps(gaps, st->ngaps);
	st->gaps = copy_out(c, gaps, st->ngaps, sizeof *gaps);
	st->unrated = copy_out(c, unrated, st->nunrated, sizeof *unrated);
	if (move || c->nomem)
		return;
	size_t ncrit = (size_t)(cr.min_average != NULL) + (size_t)(cr.min_each != NULL) +
	               (size_t)(cr.time_in_level.s != NULL) + lc_criteria_nevidence(&cr);
	st->criteria = alloc(c, ncrit, sizeof *st->criteria);
	if (c->nomem)
		return;
	const ladder_number *mins[2] = {cr.min_average, cr.min_each};
	for (int k = 0; k < 2; k++) {
		if (!mins[k])
			continue;
		lc_criterion_result *r = &st->criteria[st->ncriteria++];
		r->kind = k == 0 ? LC_CRITERION_MIN_AVERAGE : LC_CRITERION_MIN_EACH;
		r->required_text = mins[k]->text;
		r->required = lc_assess_bar(mins[k]);
		r->actual = nrated == 0 ? (lc_figure){0, 0} : k == 0 ? (lc_figure){sum, (int64_t)nrated} : (lc_figure){low, 1};
		r->met = nrated == 0 ? -1 : r->actual.num >= r->required * r->actual.den;
	}
	if (cr.time_in_level.s)
		time_criterion(c, p, cr.time_in_level, &st->criteria[st->ncriteria++]);
	for (size_t k = 0; k < lc_criteria_nevidence(&cr); k++) {
		lc_criterion_result *r = &st->criteria[st->ncriteria++];
		r->kind = LC_CRITERION_EVIDENCE;
		r->required_text = lc_criteria_evidence(&cr, k);
		r->evidence_number = k + 1;
		r->met = listed(p, k + 1, r->required_text);
	}
	int all = 1;
	for (size_t k = 0; k < st->ncriteria; k++)
		all &= st->criteria[k].met == 1;
	if (!c->l->promotion.present)
		all = st->ngaps == 0;
	st->verdict = st->nunrated ? LC_VERDICT_INCOMPLETE : all ? LC_VERDICT_READY : LC_VERDICT_NOT_YET;
}

/* Lower, middle or upper third of the rating scale, by the mean rating at
 * the person's own level (docs/assess.md). */
static lc_third third_of(lc_figure mean, int64_t scale)
{
	if (mean.den == 0)
		return LC_THIRD_NONE;
	int64_t above = 3 * (mean.num - LC_RATING_UNIT * mean.den), span = (scale - LC_RATING_UNIT) * mean.den;
	if (above < span)
		return LC_THIRD_LOWER;
	return above < 2 * span ? LC_THIRD_MIDDLE : LC_THIRD_UPPER;
}

void lc_assess_person_into(ctx *c, const lc_person *p, lc_person_result *pr)
{
	pr->person = p;
	pr->months_in_level = lc_date_months_between(p->since, c->as_of);
	size_t n = considered(c, p->role, p->level, c->comps);
	for (size_t i = 0; i < n; i++) {
		const lc_rating *r = rating_of(p, c->comps[i]);
		if (r) {
			pr->mean.num += r->value;
			pr->mean.den++;
		}
	}
	pr->third = third_of(pr->mean, lc_assess_scale(c->l));
	const ladder_level **lv = c->levels;
	size_t nlv = lc_assess_levels(c->l, p->role, p->level, p->target, lv);
	size_t nnext = 0;
	while (nnext < nlv && lv[nnext]->rank > p->level->rank)
		nnext++;
	pr->next = alloc(c, nnext, sizeof *pr->next);
	pr->moves = alloc(c, nlv - nnext, sizeof *pr->moves);
	if (c->nomem)
		return;
	for (size_t i = 0; i < nlv; i++) {
		int move = i >= nnext;
		assess_step(c, p, lv[i], move, move ? &pr->moves[pr->nmoves++] : &pr->next[pr->nnext++]);
	}
}

int lc_assess_ctx_init(ctx *c, const ladder *l, lc_arena *arena, lc_date as_of)
{
	memset(c, 0, sizeof *c);
	c->l = l;
	c->arena = arena;
	c->as_of = as_of;
	size_t most = 1;
	for (size_t i = 0; i < l->nroles; i++) {
		size_t n = role_competencies(l, l->roles[i]);
		most = n > most ? n : most;
	}
	c->comps = calloc(most, sizeof *c->comps);
	c->unrated = calloc(most, sizeof *c->unrated);
	c->gaps = calloc(most, sizeof *c->gaps);
	c->levels = calloc(l->nlevels + l->ntracks + 2, sizeof *c->levels);
	return c->comps && c->unrated && c->gaps && c->levels ? 0 : -1;
}

void lc_assess_ctx_free(ctx *c)
{
	free(c->comps);
	free(c->unrated);
	free(c->gaps);
	free(c->levels);
}

int lc_assess(const ladder *l, const lc_ratings *r, const lc_assess_options *o, lc_assessment **out)
{
	*out = NULL;
	lc_assess_options dflt;
	if (!o) {
		lc_assess_options_init(&dflt);
		o = &dflt;
	}
	const lc_person *only = NULL;
	if (o->person) {
		for (size_t i = 0; i < r->npeople && !only; i++)
			if (strlen(o->person) == r->people[i].id.len && memcmp(o->person, r->people[i].id.s, r->people[i].id.len) == 0)
				only = &r->people[i];
		if (!only)
			return -1;
	}
	lc_arena *arena = lc_arena_new();
	lc_assessment *a = arena ? lc_arena_calloc(arena, 1, sizeof *a) : NULL;
	if (!a) {
		lc_arena_free(arena);
		return -2;
	}
	a->arena = arena;
	a->assessed = l;
	a->ratings = r;
	a->has_criteria = l->promotion.present;
	ctx c;
	int failed = lc_assess_ctx_init(&c, l, arena, r->as_of) < 0;
	if (!failed && !only && !lc_serial()) {
		failed = lc_assess_lazy_start(a, &c) < 0; /* c is the assessment's now */
	} else {
		a->people = failed ? NULL : alloc(&c, only ? 1 : r->npeople, sizeof *a->people);
		for (size_t i = 0; i < r->npeople && !c.nomem && !failed; i++)
			if (!only || only == &r->people[i])
				lc_assess_person_into(&c, &r->people[i], &a->people[a->npeople++]);
		failed |= c.nomem;
		lc_assess_ctx_free(&c);
	}
	int team = o->team > 0 || (o->team < 0 && !only && r->npeople > 1);
	if (!failed && team && lc_assess_team(a, o->aspirational_pct, o->not_a_bar_pct) < 0)
		failed = 1;
	if (failed) {
		lc_assessment_free(a);
		return -2;
	}
	*out = a;
	return 0;
}

const lc_person_result *lc_assess_person(const lc_assessment *a, size_t i)
{
	return a->people ? &a->people[i] : lc_assess_lazy_person(a, i);
}

const lc_person *lc_assess_person_of(const lc_assessment *a, size_t i)
{
	return a->people ? a->people[i].person : &a->ratings->people[i];
}

int lc_assess_failed(const lc_assessment *a)
{
	return lc_assess_lazy_failed(a);
}

void lc_assessment_free(lc_assessment *a)
{
	if (!a)
		return;
	lc_assess_lazy_free(a);
	lc_arena_free(a->arena);
}
