/* `ladderc assess -f text`: the report for a terminal or a plain file. Text
 * from the ladder and the ratings goes through the terminal escaper. */
#include "assess_emit.h"
#include "escape.h"

static void put(lc_buf *out, ladder_str s)
{
	lc_escape_terminal(out, s.s ? s.s : "", s.s ? s.len : 0, 0);
}

static void criterion(lc_buf *out, const lc_criterion_result *c)
{
	lc_buf_printf(out, "    %-15s ", c->kind == LC_CRITERION_EVIDENCE ? "evidence" : lc_criterion_name(c->kind));
	switch (c->kind) {
	case LC_CRITERION_MIN_AVERAGE:
	case LC_CRITERION_MIN_EACH:
		lc_figure_put(out, c->actual);
		lc_buf_puts(out, " (bar ");
		put(out, c->required_text);
		lc_buf_puts(out, ")");
		break;
	case LC_CRITERION_TIME_IN_LEVEL:
		lc_assess_time_put(out, c);
		lc_buf_puts(out, " (bar ");
		put(out, c->required_text);
		lc_buf_puts(out, ")");
		break;
	case LC_CRITERION_EVIDENCE:
		lc_buf_printf(out, "%zu. ", c->evidence_number);
		put(out, c->required_text);
		break;
	}
	lc_buf_printf(out, ": %s\n", lc_assess_met_name(c->met));
}

static void gaps_and_unrated(lc_buf *out, const lc_person *p, const lc_step *s)
{
	if (s->ngaps)
		lc_buf_puts(out, "    what to work on:\n");
	for (size_t k = 0; k < s->ngaps; k++) {
		const lc_gap *g = &s->gaps[k];
		lc_buf_puts(out, "      ");
		put(out, g->competency->name);
		lc_buf_puts(out, " (");
		put(out, g->competency->id);
		lc_buf_puts(out, "): ");
		lc_gap_proficiency named = lc_assess_gap_proficiency(p, s, g);
		lc_assess_rank_put(out, g->rating, named.rating, put);
		lc_buf_puts(out, ", needs ");
		lc_assess_rank_put(out, g->required, named.required, put);
		if (g->text.s) {
			lc_buf_puts(out, ": ");
			put(out, g->text);
		}
		lc_buf_putc(out, '\n');
	}
	if (s->nunrated) {
		lc_buf_puts(out, "    unrated:");
		for (size_t k = 0; k < s->nunrated; k++) {
			lc_buf_puts(out, k ? ", " : " ");
			put(out, s->unrated[k]->id);
		}
		lc_buf_putc(out, '\n');
	}
}

static void person(lc_buf *out, const lc_person_result *pr)
{
	const lc_person *p = pr->person;
	put(out, p->id);
	if (p->name.s) {
		lc_buf_puts(out, "  ");
		put(out, p->name);
	}
	lc_buf_puts(out, "\n  ");
	lc_assess_person_line(out, pr, put, "\n  ");
	lc_buf_putc(out, '\n');
	if (!pr->nnext)
		lc_buf_puts(out, "  no next level: the top of the track\n");
	for (size_t k = 0; k < pr->nnext; k++) {
		const lc_step *s = &pr->next[k];
		lc_buf_puts(out, "  next: ");
		put(out, s->level->id);
		lc_buf_printf(out, ": %s\n", lc_verdict_name(s->verdict));
		for (size_t c = 0; c < s->ncriteria; c++)
			criterion(out, &s->criteria[c]);
		gaps_and_unrated(out, p, s);
	}
	for (size_t k = 0; k < pr->nmoves; k++) {
		const lc_step *s = &pr->moves[k];
		lc_buf_puts(out, "  track move: ");
		put(out, s->level->id);
		lc_buf_puts(out, s->ngaps || s->nunrated ? "\n" : ": no gaps\n");
		gaps_and_unrated(out, p, s);
	}
	lc_buf_putc(out, '\n');
}

static void team(lc_buf *out, const lc_assessment *a, const lc_team *t)
{
	lc_buf_puts(out, "Team\n  levels:\n");
	for (size_t i = 0; i < t->nlevels; i++) {
		const lc_team_level *tl = &t->levels[i];
		lc_buf_puts(out, "    ");
		put(out, tl->level->id);
		lc_buf_printf(out, ": %zu %s", tl->headcount, tl->headcount == 1 ? "person" : "people");
		for (size_t k = 0; k < tl->nnext; k++) {
			lc_buf_puts(out, k ? "; " : "; for ");
			put(out, tl->next[k].level->id);
			lc_buf_printf(out, " %zu ready, %zu not yet, %zu incomplete", tl->next[k].ready, tl->next[k].not_yet,
			              tl->next[k].incomplete);
		}
		lc_buf_putc(out, '\n');
	}
	lc_buf_puts(out, "  mean ratings (level: competency mean):\n");
	for (size_t i = 0; i < t->nlevels; i++) {
		lc_buf_puts(out, "    ");
		put(out, t->levels[i].level->id);
		lc_buf_putc(out, ':');
		for (size_t k = 0; k < t->ncompetencies; k++) {
			if (!t->levels[i].means[k].den)
				continue;
			lc_buf_putc(out, ' ');
			put(out, t->competencies[k]->id);
			lc_buf_putc(out, ' ');
			lc_figure_put(out, t->levels[i].means[k]);
		}
		lc_buf_putc(out, '\n');
	}
	if (t->nsteps)
		lc_buf_printf(out, "  promotion steps (flagged under %d%% or over %d%% meeting the rating criteria):\n",
		              t->aspirational_pct, t->not_a_bar_pct);
	else
		lc_buf_printf(out, "  promotion steps: none (%s)\n", lc_assess_no_steps_reason(a));
	for (size_t i = 0; i < t->nsteps; i++) {
		const lc_team_step *s = &t->steps[i];
		lc_buf_puts(out, "    ");
		put(out, s->from->id);
		lc_buf_puts(out, " -> ");
		put(out, s->to->id);
		lc_buf_printf(out, ": %zu of %zu meet", s->meeting, s->below);
		if (s->flag != LC_STEP_FLAG_NONE)
			lc_buf_puts(out, s->flag == LC_STEP_FLAG_ASPIRATIONAL ? " (aspirational)" : " (not a bar)");
		lc_buf_putc(out, '\n');
	}
	if (t->nraters)
		lc_buf_puts(out, "  raters (mean, everyone's at the same levels, difference):\n");
	for (size_t i = 0; i < t->nraters; i++) {
		const lc_team_rater *r = &t->raters[i];
		lc_buf_puts(out, "    ");
		put(out, r->rater);
		lc_buf_puts(out, ": ");
		lc_figure_put(out, r->mean);
		lc_buf_puts(out, ", ");
		lc_figure_put(out, r->expected);
		lc_buf_puts(out, ", ");
		lc_figure_put(out, (lc_figure){r->diff_x100, 100});
		lc_buf_puts(out, r->flagged ? " (flagged: 0.5 or more)\n" : "\n");
	}
}

void lc_assess_emit_text(const lc_assessment *a, lc_buf *out)
{
	lc_buf_puts(out, "Assessment against ");
	put(out, a->assessed->name);
	if (a->ratings->cycle.s) {
		lc_buf_puts(out, ", cycle ");
		put(out, a->ratings->cycle);
	}
	lc_buf_puts(out, ", as of ");
	lc_date_put(out, a->ratings->as_of);
	lc_buf_puts(out, "\n");
	if (!a->has_criteria)
		lc_buf_puts(out, "The ladder has no promotion criteria: a verdict goes by the gaps alone.\n");
	lc_buf_putc(out, '\n');
	for (size_t i = 0; i < a->npeople; i++)
		person(out, lc_assess_person(a, i));
	if (a->team)
		team(out, a, a->team);
}
