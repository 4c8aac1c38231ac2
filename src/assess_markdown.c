/* `ladderc assess -f markdown`: the report as GitHub-flavoured Markdown, a
 * section per person and the team's tables after them. */
#include "assess_emit.h"
#include "escape.h"

static void put(lc_buf *out, ladder_str s, int cell)
{
	lc_escape_markdown(out, s.s ? s.s : "", s.s ? s.len : 0, cell);
}

static void put_text(lc_buf *out, ladder_str s)
{
	put(out, s, 0);
}

static void put_cell(lc_buf *out, ladder_str s)
{
	put(out, s, 1);
}

static void criterion(lc_buf *out, const lc_criterion_result *c)
{
	lc_buf_printf(out, "| %s", lc_criterion_name(c->kind));
	if (c->kind == LC_CRITERION_EVIDENCE)
		lc_buf_printf(out, " %zu", c->evidence_number);
	lc_buf_puts(out, " | ");
	put(out, c->required_text, 1);
	lc_buf_puts(out, " | ");
	lc_assess_actual_put(out, c);
	lc_buf_printf(out, " | %s |\n", lc_assess_met_name(c->met));
}

static void gaps_and_unrated(lc_buf *out, const lc_person *p, const lc_step *s)
{
	if (s->ngaps)
		lc_buf_puts(out, "What to work on:\n\n| competency | rating | needs | expected at the level |\n|---|---|---|---|\n");
	for (size_t k = 0; k < s->ngaps; k++) {
		const lc_gap *g = &s->gaps[k];
		lc_buf_puts(out, "| ");
		put(out, g->competency->name, 1);
		lc_buf_puts(out, " | ");
		lc_gap_proficiency named = lc_assess_gap_proficiency(p, s, g);
		lc_assess_rank_put(out, g->rating, named.rating, put_cell);
		lc_buf_puts(out, " | ");
		lc_assess_rank_put(out, g->required, named.required, put_cell);
		lc_buf_puts(out, " | ");
		put(out, g->text, 1);
		lc_buf_puts(out, " |\n");
	}
	if (s->ngaps)
		lc_buf_putc(out, '\n');
	if (s->nunrated) {
		lc_buf_puts(out, "Unrated:");
		for (size_t k = 0; k < s->nunrated; k++) {
			lc_buf_puts(out, k ? ", " : " ");
			put(out, s->unrated[k]->name, 0);
		}
		lc_buf_puts(out, "\n\n");
	}
}

static void person(lc_buf *out, const lc_person_result *pr)
{
	const lc_person *p = pr->person;
	lc_buf_puts(out, "## ");
	put(out, p->id, 0);
	if (p->name.s) {
		lc_buf_puts(out, " — ");
		put(out, p->name, 0);
	}
	lc_buf_puts(out, "\n\n");
	lc_assess_person_line(out, pr, put_text, "; ");
	lc_buf_puts(out, ".\n\n");
	if (!pr->nnext)
		lc_buf_puts(out, "No next level: the top of the track.\n\n");
	for (size_t k = 0; k < pr->nnext; k++) {
		const lc_step *s = &pr->next[k];
		lc_buf_puts(out, "### Next: ");
		put(out, s->level->id, 0);
		lc_buf_printf(out, " — %s\n\n", lc_verdict_name(s->verdict));
		if (s->ncriteria)
			lc_buf_puts(out, "| criterion | required | actual | result |\n|---|---|---|---|\n");
		for (size_t c = 0; c < s->ncriteria; c++)
			criterion(out, &s->criteria[c]);
		if (s->ncriteria)
			lc_buf_putc(out, '\n');
		gaps_and_unrated(out, p, s);
	}
	for (size_t k = 0; k < pr->nmoves; k++) {
		const lc_step *s = &pr->moves[k];
		lc_buf_puts(out, "### Track move: ");
		put(out, s->level->id, 0);
		lc_buf_puts(out, "\n\n");
		if (!s->ngaps && !s->nunrated)
			lc_buf_puts(out, "No gaps.\n\n");
		gaps_and_unrated(out, p, s);
	}
}

static void team(lc_buf *out, const lc_assessment *a, const lc_team *t)
{
	lc_buf_puts(out, "## Team\n\n| level | people | next level | ready | not yet | incomplete |\n|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < t->nlevels; i++) {
		const lc_team_level *tl = &t->levels[i];
		for (size_t k = 0; k < (tl->nnext ? tl->nnext : 1); k++) {
			lc_buf_puts(out, "| ");
			put(out, tl->level->id, 1);
			lc_buf_printf(out, " | %zu | ", tl->headcount);
			if (tl->nnext) {
				put(out, tl->next[k].level->id, 1);
				lc_buf_printf(out, " | %zu | %zu | %zu |\n", tl->next[k].ready, tl->next[k].not_yet,
				              tl->next[k].incomplete);
			} else {
				lc_buf_puts(out, "— | | | |\n");
			}
		}
	}
	lc_buf_puts(out, "\n### Mean ratings\n\n| level |");
	for (size_t k = 0; k < t->ncompetencies; k++) {
		lc_buf_putc(out, ' ');
		put(out, t->competencies[k]->name, 1);
		lc_buf_puts(out, " |");
	}
	lc_buf_puts(out, "\n|---|");
	for (size_t k = 0; k < t->ncompetencies; k++)
		lc_buf_puts(out, "---|");
	lc_buf_putc(out, '\n');
	for (size_t i = 0; i < t->nlevels; i++) {
		lc_buf_puts(out, "| ");
		put(out, t->levels[i].level->id, 1);
		lc_buf_puts(out, " |");
		for (size_t k = 0; k < t->ncompetencies; k++) {
			lc_buf_putc(out, ' ');
			if (t->levels[i].means[k].den)
				lc_figure_put(out, t->levels[i].means[k]);
			lc_buf_puts(out, " |");
		}
		lc_buf_putc(out, '\n');
	}
	lc_buf_puts(out, "\n### Promotion steps\n\n");
	if (!t->nsteps)
		lc_buf_printf(out, "None: %s.\n", lc_assess_no_steps_reason(a));
	else
		lc_buf_printf(out, "The share of the people below each step who meet its rating criteria, flagged under %d%% (aspirational) and over %d%% (not a bar).\n\n| step | meeting | of | flag |\n|---|---|---|---|\n",
		              t->aspirational_pct, t->not_a_bar_pct);
	for (size_t i = 0; i < t->nsteps; i++) {
		const lc_team_step *s = &t->steps[i];
		lc_buf_puts(out, "| ");
		put(out, s->from->id, 1);
		lc_buf_puts(out, " → ");
		put(out, s->to->id, 1);
		lc_buf_printf(out, " | %zu | %zu | %s |\n", s->meeting, s->below,
		              s->flag == LC_STEP_FLAG_NONE ? "" : s->flag == LC_STEP_FLAG_ASPIRATIONAL ? "aspirational" : "not a bar");
	}
	if (!t->nraters)
		return;
	lc_buf_puts(out, "\n### Raters\n\n| rater | people | mean | everyone's at the same levels | difference | flag |\n|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < t->nraters; i++) {
		const lc_team_rater *r = &t->raters[i];
		lc_buf_puts(out, "| ");
		put(out, r->rater, 1);
		lc_buf_printf(out, " | %zu | ", r->people);
		lc_figure_put(out, r->mean);
		lc_buf_puts(out, " | ");
		lc_figure_put(out, r->expected);
		lc_buf_puts(out, " | ");
		lc_figure_put(out, (lc_figure){r->diff_x100, 100});
		lc_buf_puts(out, r->flagged ? " | flagged |\n" : " | |\n");
	}
}

void lc_assess_emit_markdown(const lc_assessment *a, lc_buf *out)
{
	lc_buf_puts(out, "# Assessment against ");
	put(out, a->assessed->name, 0);
	lc_buf_puts(out, "\n\n");
	lc_assess_intro(out, a, put_text);
	lc_buf_puts(out, "\n\n");
	for (size_t i = 0; i < a->npeople; i++)
		person(out, lc_assess_person(a, i));
	if (a->team)
		team(out, a, a->team);
}
