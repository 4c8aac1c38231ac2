/* HTML emitter: the level pages' views — what changes at the next level
 * (with a word diff for restated competencies) and the self-review sheet. */
#include "emit_html_parts.h"

/* ---- next level ------------------------------------------------------------------- */

/* What the next level nx holds of c: its text (word-diffed against the
 * text in force at lv when restated), then the proficiency in force at nx,
 * said to change when it does, and the cell's examples. */
static void next_cell(html *h, const ladder_competency *c, const ladder_level *lv, const ladder_level *nx)
{
	ladder_str was = lc_view_was(c, lv, nx), now = lc_view_text_at(c, nx);
	const ladder_proficiency *p = ladder_proficiency_in_force(c, nx);
	if (!p && !c->detail) { /* nothing but text: as it always was */
		if (was.s)
			lc_html_words_diff_cell(h, was, now);
		else
			lc_html_new_text_cell(h, now, "<td class=\"added\">");
		return;
	}
	LIT(h, "<td class=\"added\">");
	if (was.s) {
		lc_html_words_diff(h, was, now);
	} else if (now.s) {
		lc_html_rich_cached(h, now);
	} else {
		LIT(h, "<p class=\"none\">" LC_VIEW_NO_NEW "</p>");
	}
	if (p)
		lc_html_proficiency_badge(h, p, ladder_proficiency_in_force(c, lv), 1);
	lc_html_examples_list(h, c, nx);
	LIT(h, "</td>");
}

void lc_html_next_section(html *h, const ladder_role *r, const ladder_level *lv, int hn)
{
	LIT(h, "<section class=\"next\"");
	lc_html_tmp_reset(h);
	lc_view_anchor_next(&h->tmp, r, lv);
	lc_html_put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">");
	esc(h, r->name);
	LIT(h, ": after ");
	lc_html_level_label(h, lv);
	close_h(h, hn);
	if (r->description.s)
		lc_html_block(h, r->description);
	size_t nn = ladder_next_levels(h->l, r, lv, h->next);
	if (!nn) {
		LIT(h, "<p class=\"none\">");
		esc(h, lv->id);
		LIT(h, " is the top of its track: there is no next level.</p>\n</section>\n");
		return;
	}
	for (size_t i = 0; i < nn; i++) {
		const ladder_level *nx = h->next[i];
		open_h(h, hn + 1);
		LIT(h, ">");
		esc(h, lv->id);
		LIT(h, " \xE2\x86\x92 ");
		lc_html_level_label(h, nx);
		lc_html_title_suffix(h, r, nx);
		close_h(h, hn + 1);
		LIT(h, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"");
		esc(h, lv->id);
		LIT(h, " to ");
		esc(h, nx->id);
		LIT(h, "\"><table class=\"next\">\n<caption><span>What ");
		esc(h, nx->id);
		LIT(h, " adds to ");
		esc(h, lv->id);
		LIT(h, " for ");
		esc(h, r->name);
		LIT(h, "</span></caption>\n<thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">In force at ");
		esc(h, lv->id);
		LIT(h, "</th><th scope=\"col\">New at ");
		esc(h, nx->id);
		LIT(h, "</th></tr></thead>\n");
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, h->l, r, &nx, 1);
		int open = 0;
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
			if (it.group_start)
				lc_html_group_heading_row(h, it.group, 3, &open);
			LIT(h, "<tr><th scope=\"row\">");
			esc(h, c->name);
			LIT(h, "</th>");
			const ladder_level *src = ladder_expectation_source(c, lv);
			if (src) {
				LIT(h, "<td>");
				if (src != lv) {
					LIT(h, "<span class=\"src\">");
					esc(h, src->id);
					LIT(h, "</span> ");
				}
				lc_html_rich_cached(h, lc_view_text_at(c, src));
				LIT(h, "</td>");
			} else {
				LIT(h, "<td class=\"none\">no expectations yet</td>");
			}
			next_cell(h, c, lv, nx);
			LIT(h, "</tr>\n");
		}
		if (open)
			LIT(h, "</tbody>\n");
		LIT(h, "</table></div>\n");
	}
	LIT(h, "</section>\n");
}

/* ---- self-review sheet ------------------------------------------------------------- */

void lc_html_sheet_section(html *h, const ladder_role *r, const ladder_level *lv, int hn)
{
	size_t n = ladder_chain(lv, h->chain);
	LIT(h, "<section class=\"sheet\"");
	lc_html_tmp_reset(h);
	lc_view_anchor_level(&h->tmp, r, lv);
	lc_html_put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">Self-review: ");
	esc(h, lc_html_role_title(r, lv));
	LIT(h, " (");
	lc_html_level_label(h, lv);
	LIT(h, ")");
	close_h(h, hn);
	LIT(h, "<div class=\"fields\"><p>Name:</p><p>Manager:</p><p>Date:</p></div>\n"
	       "<p class=\"muted\">For each competency, write the evidence (work, dates, links, people) "
	       "that shows you meet what is expected.</p>\n"
	       "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Self-review\">"
	       "<table class=\"sheet\">\n<caption><span>");
	esc(h, r->name);
	LIT(h, " at ");
	lc_html_level_label(h, lv);
	LIT(h, ": expectations and evidence</span></caption>\n<thead><tr><th scope=\"col\">Competency</th>"
	       "<th scope=\"col\">Expected</th><th scope=\"col\">Evidence</th></tr></thead>\n");
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, h->l, r, &lv, 1);
	int open = 0;
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start)
			lc_html_group_heading_row(h, it.group, 3, &open);
		LIT(h, "<tr><th scope=\"row\">");
		esc(h, c->name);
		LIT(h, "</th><td>");
		size_t m = lc_view_in_force(c, h->chain, n, h->cum);
		if (m) {
			LIT(h, "<ul class=\"exp\">\n");
			for (size_t i = 0; i < m; i++)
				lc_html_expectation_li(h, c, h->cum[i], lv);
			LIT(h, "</ul>");
		} else {
			LIT(h, "<span class=\"none\">no expectations</span>");
		}
		LIT(h, "</td><td class=\"ev\"><span class=\"vh\">to fill in</span></td></tr>\n");
	}
	if (open)
		LIT(h, "</tbody>\n");
	LIT(h, "</table></div>\n</section>\n");
}
