/* `ladderc assess -f csv`: a row per person and criterion, per person and
 * gap, and per unrated competency, then the team's figures a row each under
 * the same header, for a spreadsheet (docs/assess.md). Every field goes
 * through the one CSV escaper. */
#include <stdio.h>
#include <string.h>

#include "assess_emit.h"
#include "escape.h"

typedef struct row {
	const lc_person *p;
	const lc_step *s;
	const char *kind;
} row;

static void field(lc_buf *out, ladder_str s)
{
	lc_buf_putc(out, ',');
	lc_escape_csv(out, s.s ? s.s : "", s.s ? s.len : 0);
}

static void cfield(lc_buf *out, const char *s)
{
	field(out, (ladder_str){s, strlen(s)});
}

/* A field built in a scratch buffer (figures, dates). */
static void bfield(lc_buf *out, lc_buf *b)
{
	field(out, (ladder_str){b->data ? b->data : "", b->len});
	lc_buf_clear(b);
}

static void start(lc_buf *out, const row *r)
{
	lc_escape_csv(out, r->p->id.s, r->p->id.len);
	field(out, r->p->level->id);
	field(out, r->s->level->id);
	cfield(out, r->kind);
}

static void step_rows(lc_buf *out, const lc_person *p, const lc_step *s, int move)
{
	lc_buf b = LC_BUF_INIT;
	row r = {p, s, move ? "move-gap" : "criterion"};
	for (size_t k = 0; k < s->ncriteria; k++) {
		const lc_criterion_result *c = &s->criteria[k];
		start(out, &r);
		cfield(out, lc_verdict_name(s->verdict));
		cfield(out, lc_criterion_name(c->kind));
		field(out, c->required_text);
		lc_assess_actual_put(&b, c);
		bfield(out, &b);
		cfield(out, c->met < 0 ? "to confirm" : c->met ? "yes" : "no");
		lc_buf_puts(out, "\r\n");
	}
	r.kind = move ? "move-gap" : "gap";
	for (size_t k = 0; k < s->ngaps; k++) {
		const lc_gap *g = &s->gaps[k];
		start(out, &r);
		cfield(out, move ? "" : lc_verdict_name(s->verdict));
		field(out, g->competency->id);
		lc_hundredths_put(&b, g->required);
		bfield(out, &b);
		lc_hundredths_put(&b, g->rating);
		bfield(out, &b);
		cfield(out, "no");
		lc_buf_puts(out, "\r\n");
	}
	r.kind = move ? "move-unrated" : "unrated";
	for (size_t k = 0; k < s->nunrated; k++) {
		start(out, &r);
		cfield(out, move ? "" : lc_verdict_name(s->verdict));
		field(out, s->unrated[k]->id);
		lc_buf_puts(out, ",,,\r\n");
	}
	lc_buf_free(&b);
}

/* A team row: no person; the level and the level considered (either may
 * be empty), then `row` and `verdict`. */
static void team_start(lc_buf *out, const ladder_level *level, const ladder_level *considered, const char *kind,
                       const char *verdict)
{
	field(out, level ? level->id : (ladder_str){NULL, 0});
	field(out, considered ? considered->id : (ladder_str){NULL, 0});
	cfield(out, kind);
	cfield(out, verdict);
}

static void nfield(lc_buf *out, size_t n)
{
	char s[24];
	int len = snprintf(s, sizeof s, "%zu", n);
	field(out, (ladder_str){s, len > 0 ? (size_t)len : 0});
}

/* A count as the `actual` of a team row, `required` and `met` empty. */
static void count_end(lc_buf *out, size_t n)
{
	cfield(out, "");
	nfield(out, n);
	cfield(out, "");
	lc_buf_puts(out, "\r\n");
}

static void team_levels(lc_buf *out, const lc_team *t)
{
	for (size_t i = 0; i < t->nlevels; i++) {
		const lc_team_level *tl = &t->levels[i];
		team_start(out, tl->level, NULL, "team-level", "");
		cfield(out, "headcount");
		count_end(out, tl->headcount);
		for (size_t k = 0; k < tl->nnext; k++) {
			const lc_team_next *n = &tl->next[k];
			const size_t counts[] = {n->ready, n->not_yet, n->incomplete};
			const lc_verdict verdicts[] = {LC_VERDICT_READY, LC_VERDICT_NOT_YET, LC_VERDICT_INCOMPLETE};
			for (size_t v = 0; v < 3; v++) {
				team_start(out, tl->level, n->level, "team-level", lc_verdict_name(verdicts[v]));
				cfield(out, "people");
				count_end(out, counts[v]);
			}
		}
	}
}

static void team_means(lc_buf *out, const lc_team *t)
{
	lc_buf b = LC_BUF_INIT;
	for (size_t i = 0; i < t->nlevels; i++)
		for (size_t k = 0; k < t->ncompetencies; k++) {
			if (!t->levels[i].means[k].den)
				continue;
			team_start(out, t->levels[i].level, NULL, "team-mean", "");
			field(out, t->competencies[k]->id);
			cfield(out, "");
			lc_figure_put(&b, t->levels[i].means[k]);
			bfield(out, &b);
			lc_buf_puts(out, ",\r\n");
		}
	lc_buf_free(&b);
}

static void team_steps(lc_buf *out, const lc_team *t)
{
	for (size_t i = 0; i < t->nsteps; i++) {
		const lc_team_step *s = &t->steps[i];
		team_start(out, s->from, s->to, "team-step", "");
		cfield(out, "meeting");
		nfield(out, s->below);
		nfield(out, s->meeting);
		cfield(out, s->flag == LC_STEP_FLAG_NONE ? "" : s->flag == LC_STEP_FLAG_ASPIRATIONAL ? "aspirational" : "not a bar");
		lc_buf_puts(out, "\r\n");
	}
}

static void team_raters(lc_buf *out, const lc_team *t)
{
	lc_buf b = LC_BUF_INIT;
	for (size_t i = 0; i < t->nraters; i++) {
		const lc_team_rater *r = &t->raters[i];
		team_start(out, NULL, NULL, "team-rater", "");
		field(out, r->rater);
		lc_figure_put(&b, r->expected);
		bfield(out, &b);
		lc_figure_put(&b, r->mean);
		bfield(out, &b);
		cfield(out, r->flagged ? "flagged" : "");
		lc_buf_puts(out, "\r\n");
	}
	lc_buf_free(&b);
}

void lc_assess_emit_csv(const lc_assessment *a, lc_buf *out)
{
	lc_buf_puts(out, "person,level,considered,row,verdict,item,required,actual,met\r\n");
	for (size_t i = 0; i < a->npeople; i++) {
		const lc_person_result *pr = lc_assess_person(a, i);
		for (size_t k = 0; k < pr->nnext; k++)
			step_rows(out, pr->person, &pr->next[k], 0);
		for (size_t k = 0; k < pr->nmoves; k++)
			step_rows(out, pr->person, &pr->moves[k], 1);
	}
	if (!a->team)
		return;
	team_levels(out, a->team);
	team_means(out, a->team);
	team_steps(out, a->team);
	team_raters(out, a->team);
}
