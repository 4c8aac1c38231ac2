/* `ladderc assess` output: the formats by name, the one way figures are
 * written, and the dispatch to each format's writer (src/assess_*.c). */
#include <string.h>

#include "assess_emit.h"

int lc_assess_format_find(const char *name, lc_assess_format *out)
{
	static const char *const names[] = {"text", "markdown", "html", "csv", "json"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], name) == 0) {
			*out = (lc_assess_format)i;
			return 0;
		}
	return -1;
}

_Static_assert(LC_RATING_UNIT == 100, "lc_hundredths_put writes two decimals");

void lc_hundredths_put(lc_buf *out, int64_t v)
{
	if (v < 0) {
		lc_buf_putc(out, '-');
		v = -v;
	}
	lc_buf_put_int(out, (long long)(v / LC_RATING_UNIT));
	int64_t f = v % LC_RATING_UNIT; /* hundredths: .05, .5, .25 */
	if (f) {
		char frac[3] = {'.', (char)('0' + f / 10), (char)('0' + f % 10)};
		lc_buf_put(out, frac, f % 10 ? 3 : 2);
	}
}

void lc_figure_put(lc_buf *out, lc_figure f)
{
	if (f.den == 0) {
		lc_buf_putc(out, '-');
		return;
	}
	/* cut toward zero: the figure shown is the one compared with a bar */
	lc_hundredths_put(out, f.num / f.den);
}

void lc_assess_time_put(lc_buf *out, const lc_criterion_result *c)
{
	const char *unit = c->time_weeks ? "week" : "month";
	lc_buf_printf(out, "%ld %s%s", c->time, unit, c->time == 1 ? "" : "s");
}

void lc_assess_actual_put(lc_buf *out, const lc_criterion_result *c)
{
	if (c->kind == LC_CRITERION_TIME_IN_LEVEL)
		lc_assess_time_put(out, c);
	else if (c->kind == LC_CRITERION_EVIDENCE)
		lc_buf_puts(out, c->met == 1 ? "listed" : "not listed");
	else
		lc_figure_put(out, c->actual);
}

const char *lc_assess_met_name(int met)
{
	return met < 0 ? "to confirm" : met ? "met" : "not met";
}

void lc_assess_intro(lc_buf *out, const lc_assessment *a, lc_assess_put_fn put)
{
	if (a->ratings->cycle.s) {
		lc_buf_puts(out, "Cycle ");
		put(out, a->ratings->cycle);
		lc_buf_puts(out, ", as");
	} else {
		lc_buf_puts(out, "As");
	}
	lc_buf_puts(out, " of ");
	lc_date_put(out, a->ratings->as_of);
	lc_buf_puts(out, ".");
	if (!a->has_criteria)
		lc_buf_puts(out, " The ladder has no promotion criteria: a verdict goes by the gaps alone.");
}

void lc_assess_person_line(lc_buf *out, const lc_person_result *pr, lc_assess_put_fn put, const char *sep)
{
	const lc_person *p = pr->person;
	put(out, p->role->name);
	lc_buf_puts(out, ", ");
	put(out, p->level->id);
	lc_buf_puts(out, " since ");
	lc_date_put(out, p->since);
	lc_buf_printf(out, " (%ld month%s)", pr->months_in_level, pr->months_in_level == 1 ? "" : "s");
	if (p->rater.s) {
		lc_buf_puts(out, ", rated by ");
		put(out, p->rater);
	}
	if (pr->third != LC_THIRD_NONE) {
		lc_buf_printf(out, "%swithin the level: %s third (mean ", sep, lc_third_name(pr->third));
		lc_figure_put(out, pr->mean);
		lc_buf_putc(out, ')');
	}
}

lc_gap_proficiency lc_assess_gap_proficiency(const lc_person *p, const lc_step *s, const lc_gap *g)
{
	lc_gap_proficiency out = {NULL, NULL};
	const ladder_proficiency *bar = ladder_proficiency_in_force(g->competency, s->level);
	if (bar && (int64_t)bar->rank * LC_RATING_UNIT == g->required)
		out.required = bar;
	for (size_t k = 0; k < p->nratings; k++) {
		const lc_rating *r = &p->ratings[k];
		if (r->competency != g->competency)
			continue;
		out.rating = r->given;
		break;
	}
	return out;
}

void lc_assess_rank_put(lc_buf *out, int64_t v, const ladder_proficiency *prof, lc_assess_put_fn put)
{
	if (!prof) {
		lc_hundredths_put(out, v);
		return;
	}
	put(out, prof->name);
	lc_buf_puts(out, " (");
	lc_hundredths_put(out, v);
	lc_buf_putc(out, ')');
}

const char *lc_assess_no_steps_reason(const lc_assessment *a)
{
	return a->has_criteria ? "nobody with every competency rated is below a step with rating criteria"
	                       : "the ladder has no promotion criteria";
}

int lc_assess_emit(const lc_assessment *a, lc_assess_format f, lc_buf *out)
{
	switch (f) {
	case LC_ASSESS_TEXT: lc_assess_emit_text(a, out); break;
	case LC_ASSESS_MARKDOWN: lc_assess_emit_markdown(a, out); break;
	case LC_ASSESS_HTML: lc_assess_emit_html(a, out); break;
	case LC_ASSESS_CSV: lc_assess_emit_csv(a, out); break;
	case LC_ASSESS_JSON: lc_assess_emit_json(a, out); break;
	}
	return lc_buf_failed(out) ? -1 : 0;
}
