/* `ladderc assess -f csv`: a row per person and criterion, per person and
 * gap, and per unrated competency, for a spreadsheet (docs/assess.md). */
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
}
