/* `ladderc assess -f html`: one self-contained page (no script, no outside
 * file), kept out of search engines (noindex), one person per printed page,
 * the team's mean ratings as a heat table (colour and number) and the
 * promotion steps as an inline SVG chart. */
#include "assess_emit.h"
#include "escape.h"
#include "text.h"

/* Text from the ladder or the ratings; a bidi override it opens is closed
 * where it ends, so it cannot turn the rest of the line around. */
static void put(lc_buf *out, ladder_str s)
{
	lc_escape_html(out, s.s ? s.s : "", s.s ? s.len : 0);
	lc_text_bidi_close(out, s.s ? s.s : "", s.s ? s.len : 0);
}

static const char style[] =
	"body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}"
	"svg{max-width:100%;height:auto}table{border-collapse:collapse;margin:0 0 1rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}"
	".table-wrap{overflow-x:auto;max-width:100%}"
	"a:focus-visible,[tabindex]:focus-visible{outline:3px solid #b3261e;outline-offset:2px}"
	".met{color:#0b6b2b}.unmet{color:#a4001d}.confirm{color:#6b4e00}"
	"section.person{border-top:2px solid #333;margin-top:1.5rem}"
	"@media print{section.person{break-after:page;page-break-after:always;border:0}"
	".table-wrap{overflow:visible}thead{display:table-header-group}}";

static void criterion(lc_buf *out, const lc_criterion_result *c)
{
	static const char *const class[] = {"confirm", "unmet", "met"};
	lc_buf_printf(out, "<tr><th scope=\"row\">%s", lc_criterion_name(c->kind));
	if (c->kind == LC_CRITERION_EVIDENCE)
		lc_buf_printf(out, " %zu", c->evidence_number);
	lc_buf_puts(out, "</th><td>");
	put(out, c->required_text);
	lc_buf_puts(out, "</td><td>");
	lc_assess_actual_put(out, c);
	lc_buf_printf(out, "</td><td class=\"%s\">%s</td></tr>\n", class[c->met + 1], lc_assess_met_name(c->met));
}

/* A scrolling table's region, named for the person and the level: every
 * person has tables of the same kind, and a landmark's name must tell them
 * apart ("p-1: what to work on for E3"). */
static void region_open(lc_buf *out, const lc_person *p, const char *what, const lc_step *s, int move)
{
	lc_buf_puts(out, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"");
	put(out, p->id);
	lc_buf_printf(out, ": %s for %s", what, move ? "the track move to " : "");
	put(out, s->level->id);
	lc_buf_puts(out, "\">");
}

static void gaps_and_unrated(lc_buf *out, const lc_person *p, const lc_step *s, int move)
{
	if (s->ngaps) {
		region_open(out, p, "what to work on", s, move);
		lc_buf_puts(out, "<table><caption>What to work on</caption><thead><tr><th scope=\"col\">competency</th>"
		                 "<th scope=\"col\">rating</th><th scope=\"col\">needs</th><th scope=\"col\">expected at the level</th></tr></thead><tbody>\n");
	}
	for (size_t k = 0; k < s->ngaps; k++) {
		const lc_gap *g = &s->gaps[k];
		lc_buf_puts(out, "<tr><th scope=\"row\">");
		put(out, g->competency->name);
		lc_buf_puts(out, "</th><td>");
		lc_gap_proficiency named = lc_assess_gap_proficiency(p, s, g);
		lc_assess_rank_put(out, g->rating, named.rating, put);
		lc_buf_puts(out, "</td><td>");
		lc_assess_rank_put(out, g->required, named.required, put);
		lc_buf_puts(out, "</td><td>");
		put(out, g->text);
		lc_buf_puts(out, "</td></tr>\n");
	}
	if (s->ngaps)
		lc_buf_puts(out, "</tbody></table></div>\n");
	if (s->nunrated) {
		lc_buf_puts(out, "<p>Unrated:");
		for (size_t k = 0; k < s->nunrated; k++) {
			lc_buf_puts(out, k ? ", " : " ");
			put(out, s->unrated[k]->name);
		}
		lc_buf_puts(out, "</p>\n");
	}
}

/* Sections are numbered, not named by the person's id: an id may be any text. */
static void person(lc_buf *out, const lc_person_result *pr, size_t number)
{
	const lc_person *p = pr->person;
	lc_buf_printf(out, "<section class=\"person\" id=\"person-%zu\">\n<h2>", number);
	put(out, p->id);
	if (p->name.s) {
		lc_buf_puts(out, " — ");
		put(out, p->name);
	}
	lc_buf_puts(out, "</h2>\n<p>");
	lc_assess_person_line(out, pr, put, "; ");
	lc_buf_puts(out, ".</p>\n");
	if (!pr->nnext)
		lc_buf_puts(out, "<p>No next level: the top of the track.</p>\n");
	for (size_t k = 0; k < pr->nnext; k++) {
		const lc_step *s = &pr->next[k];
		lc_buf_puts(out, "<h3>Next: ");
		put(out, s->level->id);
		lc_buf_printf(out, " — %s</h3>\n", lc_verdict_name(s->verdict));
		if (s->ncriteria) {
			region_open(out, p, "criteria", s, 0);
			lc_buf_puts(out, "<table><caption>Criteria</caption><thead><tr><th scope=\"col\">criterion</th>"
			                 "<th scope=\"col\">required</th><th scope=\"col\">actual</th><th scope=\"col\">result</th></tr></thead><tbody>\n");
		}
		for (size_t c = 0; c < s->ncriteria; c++)
			criterion(out, &s->criteria[c]);
		if (s->ncriteria)
			lc_buf_puts(out, "</tbody></table></div>\n");
		gaps_and_unrated(out, p, s, 0);
	}
	for (size_t k = 0; k < pr->nmoves; k++) {
		const lc_step *s = &pr->moves[k];
		lc_buf_puts(out, "<h3>Track move: ");
		put(out, s->level->id);
		lc_buf_puts(out, "</h3>\n");
		if (!s->ngaps && !s->nunrated)
			lc_buf_puts(out, "<p>No gaps.</p>\n");
		gaps_and_unrated(out, p, s, 1);
	}
	lc_buf_puts(out, "</section>\n");
}

/* A heat cell: light backgrounds (dark text keeps its contrast), from
 * amber at 1 to green at the top of the scale; the number is always shown. */
static void heat_cell(lc_buf *out, lc_figure f, int64_t scale)
{
	if (!f.den) {
		lc_buf_puts(out, "<td></td>");
		return;
	}
	int64_t v = f.num / f.den;
	long hue = (long)(40 + (v - LC_RATING_UNIT) * 80 / (scale > LC_RATING_UNIT ? scale - LC_RATING_UNIT : 1));
	lc_buf_printf(out, "<td style=\"background:hsl(%ld,70%%,85%%)\">", hue);
	lc_figure_put(out, f);
	lc_buf_puts(out, "</td>");
}

static void steps_chart(lc_buf *out, const lc_team *t)
{
	/* 100 for the step's name, 300 for the bar, then room for "meeting/below" after a full bar */
	unsigned h = (unsigned)(t->nsteps * 24 + 8);
	lc_buf_printf(out, "<svg role=\"img\" aria-labelledby=\"steps-chart\" width=\"480\" height=\"%u\" viewBox=\"0 0 480 %u\">"
	                   "<title id=\"steps-chart\">Share meeting each step's rating criteria</title>\n",
	              h, h);
	for (size_t i = 0; i < t->nsteps; i++) {
		const lc_team_step *s = &t->steps[i];
		size_t w = s->below ? s->meeting * 300 / s->below : 0;
		lc_buf_printf(out, "<text x=\"0\" y=\"%zu\" font-size=\"12\">", i * 24 + 18);
		put(out, s->from->id);
		lc_buf_puts(out, "→");
		put(out, s->to->id);
		lc_buf_printf(out, "</text><rect x=\"100\" y=\"%zu\" width=\"%zu\" height=\"16\" fill=\"#2b6cb0\"/>"
		                   "<text x=\"%zu\" y=\"%zu\" font-size=\"12\">%zu/%zu</text>\n",
		              i * 24 + 6, w, 104 + w, i * 24 + 18, s->meeting, s->below);
	}
	lc_buf_puts(out, "</svg>\n");
}

static void team(lc_buf *out, const lc_assessment *a, const lc_team *t)
{
	lc_buf_puts(out, "<section class=\"team\" id=\"team\">\n<h2>Team</h2>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"People and verdicts by level\"><table><caption>People and verdicts by level</caption><thead><tr>"
	                 "<th scope=\"col\">level</th><th scope=\"col\">people</th><th scope=\"col\">next level</th><th scope=\"col\">ready</th>"
	                 "<th scope=\"col\">not yet</th><th scope=\"col\">incomplete</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < t->nlevels; i++) {
		const lc_team_level *tl = &t->levels[i];
		for (size_t k = 0; k < (tl->nnext ? tl->nnext : 1); k++) {
			lc_buf_puts(out, "<tr><th scope=\"row\">");
			put(out, tl->level->id);
			lc_buf_printf(out, "</th><td>%zu</td><td>", tl->headcount);
			if (tl->nnext) {
				put(out, tl->next[k].level->id);
				lc_buf_printf(out, "</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n", tl->next[k].ready,
				              tl->next[k].not_yet, tl->next[k].incomplete);
			} else {
				lc_buf_puts(out, "—</td><td></td><td></td><td></td></tr>\n");
			}
		}
	}
	lc_buf_puts(out, "</tbody></table></div>\n<h3>Mean ratings</h3>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Mean rating by level and competency\"><table class=\"heat\"><caption>Mean rating by level and competency</caption><thead><tr><th scope=\"col\">level</th>");
	for (size_t k = 0; k < t->ncompetencies; k++) {
		lc_buf_puts(out, "<th scope=\"col\">");
		put(out, t->competencies[k]->name);
		lc_buf_puts(out, "</th>");
	}
	lc_buf_puts(out, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < t->nlevels; i++) {
		lc_buf_puts(out, "<tr><th scope=\"row\">");
		put(out, t->levels[i].level->id);
		lc_buf_puts(out, "</th>");
		for (size_t k = 0; k < t->ncompetencies; k++)
			heat_cell(out, t->levels[i].means[k], lc_assess_scale(a->assessed));
		lc_buf_puts(out, "</tr>\n");
	}
	lc_buf_puts(out, "</tbody></table></div>\n<h3>Promotion steps</h3>\n");
	if (!t->nsteps)
		lc_buf_printf(out, "<p>None: %s.</p>\n", lc_assess_no_steps_reason(a));
	else
		lc_buf_printf(out, "<p>The share of the people below each step who meet its rating criteria, "
		                   "flagged under %d%% (aspirational) and over %d%% (not a bar).</p>\n",
		              t->aspirational_pct, t->not_a_bar_pct);
	if (t->nsteps) {
		steps_chart(out, t);
		lc_buf_puts(out, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Promotion steps\"><table><caption>Promotion steps</caption><thead><tr><th scope=\"col\">step</th><th scope=\"col\">meeting</th>"
		                 "<th scope=\"col\">of</th><th scope=\"col\">flag</th></tr></thead><tbody>\n");
	}
	for (size_t i = 0; i < t->nsteps; i++) {
		const lc_team_step *s = &t->steps[i];
		lc_buf_puts(out, "<tr><th scope=\"row\">");
		put(out, s->from->id);
		lc_buf_puts(out, " → ");
		put(out, s->to->id);
		lc_buf_printf(out, "</th><td>%zu</td><td>%zu</td><td>%s</td></tr>\n", s->meeting, s->below,
		              s->flag == LC_STEP_FLAG_NONE ? "" : s->flag == LC_STEP_FLAG_ASPIRATIONAL ? "aspirational" : "not a bar");
	}
	if (t->nsteps)
		lc_buf_puts(out, "</tbody></table></div>\n");
	if (t->nraters) {
		lc_buf_puts(out, "<h3>Raters</h3>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Raters\"><table><caption>Each rater's mean against everyone's at the same levels</caption><thead><tr>"
		                 "<th scope=\"col\">rater</th><th scope=\"col\">people</th><th scope=\"col\">mean</th><th scope=\"col\">everyone's</th>"
		                 "<th scope=\"col\">difference</th><th scope=\"col\">flag</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < t->nraters; i++) {
			const lc_team_rater *r = &t->raters[i];
			lc_buf_puts(out, "<tr><th scope=\"row\">");
			put(out, r->rater);
			lc_buf_printf(out, "</th><td>%zu</td><td>", r->people);
			lc_figure_put(out, r->mean);
			lc_buf_puts(out, "</td><td>");
			lc_figure_put(out, r->expected);
			lc_buf_puts(out, "</td><td>");
			lc_figure_put(out, (lc_figure){r->diff_x100, 100});
			lc_buf_puts(out, r->flagged ? "</td><td>0.5 or more</td></tr>\n" : "</td><td></td></tr>\n");
		}
		lc_buf_puts(out, "</tbody></table></div>\n");
	}
	lc_buf_puts(out, "</section>\n");
}

void lc_assess_emit_html(const lc_assessment *a, lc_buf *out)
{
	lc_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                 "<meta name=\"robots\" content=\"noindex\">\n<title>Assessment — ");
	put(out, a->assessed->name);
	lc_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>Assessment against ", style);
	put(out, a->assessed->name);
	lc_buf_puts(out, "</h1>\n<p>");
	lc_assess_intro(out, a, put);
	lc_buf_puts(out, "</p>\n");
	for (size_t i = 0; i < a->npeople; i++)
		person(out, lc_assess_person(a, i), i + 1);
	if (a->team)
		team(out, a, a->team);
	lc_buf_puts(out, "</main>\n</body>\n</html>\n");
}
