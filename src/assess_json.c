/* `ladderc assess -f json`: the report as data (the model is in
 * docs/assess.md). Keys in a fixed order; absent values are null. */
#include "assess_emit.h"
#include "json.h"

static void figure(lc_json *j, lc_figure f)
{
	if (f.den == 0) {
		lc_json_null(j);
		return;
	}
	lc_buf b = LC_BUF_INIT;
	lc_figure_put(&b, f);
	lc_json_number_text(j, b.data, b.len);
	lc_buf_free(&b);
}

static void hundredths(lc_json *j, int64_t v)
{
	figure(j, (lc_figure){v, 1});
}

static void id(lc_json *j, const char *key, ladder_str s)
{
	lc_json_key(j, key);
	lc_json_str(j, s);
}

static void met(lc_json *j, int m)
{
	if (m < 0)
		lc_json_null(j);
	else
		lc_json_bool(j, m);
}

static void criterion(lc_json *j, const lc_criterion_result *c)
{
	lc_json_object(j);
	lc_json_key(j, "criterion");
	lc_json_cstring(j, lc_criterion_name(c->kind));
	lc_json_key(j, "required");
	if (c->kind == LC_CRITERION_MIN_AVERAGE || c->kind == LC_CRITERION_MIN_EACH)
		lc_json_number_text(j, c->required_text.s, c->required_text.len);
	else
		lc_json_str(j, c->required_text);
	lc_json_key(j, "actual");
	if (c->kind == LC_CRITERION_TIME_IN_LEVEL) {
		lc_buf b = LC_BUF_INIT;
		lc_assess_time_put(&b, c);
		lc_json_string(j, b.data, b.len);
		lc_buf_free(&b);
	} else if (c->kind == LC_CRITERION_EVIDENCE) {
		lc_json_bool(j, c->met == 1);
	} else {
		figure(j, c->actual);
	}
	if (c->kind == LC_CRITERION_EVIDENCE) {
		lc_json_key(j, "number");
		lc_json_int(j, (long long)c->evidence_number);
	}
	lc_json_key(j, "met");
	met(j, c->met);
	lc_json_end_object(j);
}

/* A proficiency level's id, or null. */
static void proficiency(lc_json *j, const char *key, const ladder_proficiency *prof)
{
	lc_json_key(j, key);
	lc_json_str(j, prof ? prof->id : (ladder_str){NULL, 0});
}

static void step(lc_json *j, const lc_person *p, const lc_step *s, int move)
{
	lc_json_object(j);
	id(j, "level", s->level->id);
	if (!move) {
		lc_json_key(j, "verdict");
		lc_json_cstring(j, lc_verdict_name(s->verdict));
		lc_json_key(j, "criteria");
		lc_json_array(j);
		for (size_t k = 0; k < s->ncriteria; k++)
			criterion(j, &s->criteria[k]);
		lc_json_end_array(j);
	}
	lc_json_key(j, "gaps");
	lc_json_array(j);
	for (size_t k = 0; k < s->ngaps; k++) {
		const lc_gap *g = &s->gaps[k];
		lc_json_object(j);
		id(j, "competency", g->competency->id);
		id(j, "name", g->competency->name);
		lc_json_key(j, "rating");
		hundredths(j, g->rating);
		lc_json_key(j, "required");
		hundredths(j, g->required);
		lc_gap_proficiency named = lc_assess_gap_proficiency(p, s, g);
		proficiency(j, "rating_proficiency", named.rating);
		proficiency(j, "required_proficiency", named.required);
		id(j, "text", g->text);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_key(j, "unrated");
	lc_json_array(j);
	for (size_t k = 0; k < s->nunrated; k++)
		lc_json_str(j, s->unrated[k]->id);
	lc_json_end_array(j);
	lc_json_end_object(j);
}

static void person(lc_json *j, const lc_person_result *pr)
{
	const lc_person *p = pr->person;
	lc_json_object(j);
	id(j, "id", p->id);
	id(j, "name", p->name);
	id(j, "role", p->role->id);
	id(j, "level", p->level->id);
	lc_buf b = LC_BUF_INIT;
	lc_date_put(&b, p->since);
	lc_json_key(j, "since");
	lc_json_string(j, b.data, b.len);
	lc_buf_free(&b);
	lc_json_key(j, "months_in_level");
	lc_json_int(j, pr->months_in_level);
	id(j, "rater", p->rater);
	lc_json_key(j, "target");
	lc_json_str(j, p->target ? p->target->id : (ladder_str){NULL, 0});
	lc_json_key(j, "mean");
	figure(j, pr->mean);
	lc_json_key(j, "third");
	if (pr->third == LC_THIRD_NONE)
		lc_json_null(j);
	else
		lc_json_cstring(j, lc_third_name(pr->third));
	lc_json_key(j, "next");
	lc_json_array(j);
	for (size_t k = 0; k < pr->nnext; k++)
		step(j, p, &pr->next[k], 0);
	lc_json_end_array(j);
	lc_json_key(j, "moves");
	lc_json_array(j);
	for (size_t k = 0; k < pr->nmoves; k++)
		step(j, p, &pr->moves[k], 1);
	lc_json_end_array(j);
	lc_json_end_object(j);
}

static void team(lc_json *j, const lc_team *t)
{
	lc_json_object(j);
	lc_json_key(j, "thresholds");
	lc_json_object(j);
	lc_json_key(j, "aspirational");
	lc_json_int(j, t->aspirational_pct);
	lc_json_key(j, "not_a_bar");
	lc_json_int(j, t->not_a_bar_pct);
	lc_json_end_object(j);
	lc_json_key(j, "competencies");
	lc_json_array(j);
	for (size_t i = 0; i < t->ncompetencies; i++)
		lc_json_str(j, t->competencies[i]->id);
	lc_json_end_array(j);
	lc_json_key(j, "levels");
	lc_json_array(j);
	for (size_t i = 0; i < t->nlevels; i++) {
		const lc_team_level *tl = &t->levels[i];
		lc_json_object(j);
		id(j, "level", tl->level->id);
		lc_json_key(j, "headcount");
		lc_json_int(j, (long long)tl->headcount);
		lc_json_key(j, "next");
		lc_json_array(j);
		for (size_t k = 0; k < tl->nnext; k++) {
			lc_json_object(j);
			id(j, "level", tl->next[k].level->id);
			lc_json_key(j, "ready");
			lc_json_int(j, (long long)tl->next[k].ready);
			lc_json_key(j, "not_yet");
			lc_json_int(j, (long long)tl->next[k].not_yet);
			lc_json_key(j, "incomplete");
			lc_json_int(j, (long long)tl->next[k].incomplete);
			lc_json_end_object(j);
		}
		lc_json_end_array(j);
		lc_json_key(j, "means");
		lc_json_array(j);
		for (size_t k = 0; k < t->ncompetencies; k++)
			figure(j, tl->means[k]);
		lc_json_end_array(j);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_key(j, "steps");
	lc_json_array(j);
	for (size_t i = 0; i < t->nsteps; i++) {
		const lc_team_step *s = &t->steps[i];
		lc_json_object(j);
		id(j, "from", s->from->id);
		id(j, "to", s->to->id);
		lc_json_key(j, "below");
		lc_json_int(j, (long long)s->below);
		lc_json_key(j, "meeting");
		lc_json_int(j, (long long)s->meeting);
		lc_json_key(j, "flag");
		if (s->flag == LC_STEP_FLAG_NONE)
			lc_json_null(j);
		else
			lc_json_cstring(j, s->flag == LC_STEP_FLAG_ASPIRATIONAL ? "aspirational" : "not a bar");
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_key(j, "raters");
	lc_json_array(j);
	for (size_t i = 0; i < t->nraters; i++) {
		const lc_team_rater *r = &t->raters[i];
		lc_json_object(j);
		id(j, "rater", r->rater);
		lc_json_key(j, "people");
		lc_json_int(j, (long long)r->people);
		lc_json_key(j, "ratings");
		lc_json_int(j, (long long)r->nratings);
		lc_json_key(j, "mean");
		figure(j, r->mean);
		lc_json_key(j, "expected");
		figure(j, r->expected);
		lc_json_key(j, "difference");
		figure(j, (lc_figure){r->diff_x100, 100});
		lc_json_key(j, "flagged");
		lc_json_bool(j, r->flagged);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_end_object(j);
}

void lc_assess_emit_json(const lc_assessment *a, lc_buf *out)
{
	lc_json j;
	lc_json_init(&j, out);
	lc_json_object(&j);
	lc_json_key(&j, "assess");
	lc_json_int(&j, 1);
	id(&j, "ladder", a->assessed->id);
	id(&j, "cycle", a->ratings->cycle);
	lc_buf b = LC_BUF_INIT;
	lc_date_put(&b, a->ratings->as_of);
	lc_json_key(&j, "as_of");
	lc_json_string(&j, b.data, b.len);
	lc_buf_free(&b);
	lc_json_key(&j, "has_criteria");
	lc_json_bool(&j, a->has_criteria);
	lc_json_key(&j, "people");
	lc_json_array(&j);
	for (size_t i = 0; i < a->npeople; i++)
		person(&j, lc_assess_person(a, i));
	lc_json_end_array(&j);
	lc_json_key(&j, "team");
	if (a->team)
		team(&j, a->team);
	else
		lc_json_null(&j);
	lc_json_end_object(&j);
	lc_json_finish(&j);
}
