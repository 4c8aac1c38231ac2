/* HTML emitter: a role's sections — a matrix per track and a section per
 * level (cumulative, or the text in force for restated competencies). */
#include "emit_html_parts.h"

/* ---- role: matrices and levels -------------------------------------------------- */

/* A competency's links: the URL, checked to be http, https or mailto by the
 * loader, attribute-escaped; rel="noopener" so the page it opens cannot
 * reach back into this one. */
static void competency_links(html *h, const ladder_competency *c)
{
	if (c->nlinks == 0)
		return;
	LIT(h, "<ul class=\"links\">");
	for (size_t i = 0; i < c->nlinks; i++) {
		LIT(h, "<li><a href=\"");
		esc(h, c->links[i].url);
		LIT(h, "\" rel=\"noopener\">");
		esc(h, c->links[i].name);
		LIT(h, "</a></li>");
	}
	LIT(h, "</ul>");
}

static void matrix(html *h, const ladder_role *r, const ladder_track *t, int hn, int link_levels)
{
	size_t n = lc_view_role_chain(r, t, h->chain);
	LIT(h, "<section class=\"matrix\"");
	lc_html_tmp_reset(h);
	lc_view_anchor_matrix(&h->tmp, r, t);
	lc_html_put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">");
	esc(h, t->name);
	LIT(h, " track");
	close_h(h, hn);
	LIT(h, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"");
	esc(h, r->name);
	LIT(h, ": ");
	esc(h, t->name);
	LIT(h, " track\"><table class=\"matrix\">\n<caption><span>");
	esc(h, r->name);
	LIT(h, " on the ");
	esc(h, t->name);
	LIT(h, " track: what each level adds, competency by competency</span></caption>\n<colgroup><col>");
	for (size_t k = 0; k < n; k++) {
		LIT(h, "<col class=\"l-");
		raw(h, h->chain[k]->id);
		LIT(h, "\">");
	}
	LIT(h, "</colgroup>\n<thead><tr><th scope=\"col\">Competency</th>");
	for (size_t k = 0; k < n; k++) {
		const ladder_level *lv = h->chain[k];
		LIT(h, "<th scope=\"col\" class=\"l-");
		raw(h, lv->id);
		LIT(h, "\">");
		if (link_levels) {
			LIT(h, "<a");
			lc_html_href_level(h, r, lv);
			LIT(h, ">");
			esc(h, lv->id);
			LIT(h, "</a>");
		} else {
			esc(h, lv->id);
		}
		if (lc_view_level_name_shown(lv)) {
			LIT(h, " <span>");
			esc(h, lv->name);
			LIT(h, "</span>");
		} else {
			LIT(h, " ");
		}
		if (r->title[lv->index].s) {
			const lc_change *ch = lc_html_changed_title(h, r, lv);
			put(h, ch ? "<span class=\"changed\">" : "<span>");
			esc(h, r->title[lv->index]);
			LIT(h, "</span>");
			if (ch)
				lc_html_changed_badge(h, ch);
		}
		LIT(h, "</th>");
	}
	LIT(h, "</tr></thead>\n");
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, h->l, r, h->chain, n);
	int open = 0;
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start)
			lc_html_group_heading_row(h, it.group, n + 1, &open);
		LIT(h, "<tr");
		lc_html_tmp_reset(h);
		lc_view_anchor_matrix_row(&h->tmp, r, t, c);
		lc_html_put_id(h);
		LIT(h, "><th scope=\"row\">");
		esc(h, c->name);
		if (c->description.s) {
			LIT(h, "<div class=\"desc\">");
			lc_html_rich(h, c->description);
			LIT(h, "</div>");
		}
		competency_links(h, c);
		LIT(h, "</th>");
		for (size_t k = 0; k < n; k++) {
			if (!ladder_competency_applies(c, r, h->chain[k])) {
				LIT(h, "<td class=\"none\">" LC_VIEW_NOT_APPLICABLE "</td>");
				continue;
			}
			const lc_change *ch = lc_html_changed_cell(h, c, h->chain[k]);
			if (ch) {
				LIT(h, "<td class=\"changed\">");
				lc_html_changed_badge(h, ch);
				lc_html_rich_cached(h, lc_view_text_at(c, h->chain[k]));
				if (c->detail)
					lc_html_cell_detail(h, c, h->chain[k]);
				LIT(h, "</td>");
			} else {
				lc_html_detail_text_cell(h, c, h->chain[k], "<td>");
			}
		}
		LIT(h, "</tr>\n");
	}
	if (open)
		LIT(h, "</tbody>\n");
	LIT(h, "</table></div>\n</section>\n");
}

/* One expectation in a level view: its level, a "new" badge when it is
 * new at `at`, the text. */
void lc_html_expectation_li(html *h, const ladder_competency *c, const ladder_level *from,
                            const ladder_level *at)
{
	int is_new = from == at;
	const lc_change *changed = lc_html_changed_cell(h, c, from);
	if (changed) /* render --since: a class for styles, and words for everyone */
		put(h, is_new ? "<li class=\"new changed\">" : "<li class=\"changed\">");
	else
		put(h, is_new ? "<li class=\"new\">" : "<li>");
	LIT(h, "<span class=\"src\">");
	esc(h, from->id);
	LIT(h, "</span> ");
	if (is_new)
		LIT(h, "<strong class=\"badge\">New at this level</strong> ");
	if (changed)
		lc_html_changed_badge(h, changed);
	lc_html_rich_cached(h, lc_view_text_at(c, from));
	lc_html_cell_detail(h, c, from);
	LIT(h, "</li>\n");
}

/* What a role at lv is expected to do, competency by competency.
 * Cumulative (the level view): every text along lv's chain, lowest level
 * first, the level's own marked new. In a role's section (whole-ladder page,
 * site role page) only the level's own texts, with links to the levels
 * below: the matrix above already holds every text, and repeating the whole
 * chain at every level would multiply the page by the chain's length. */
void lc_html_level_section(html *h, const ladder_role *r, const ladder_level *lv, int hn, int cumulative)
{
	size_t n = ladder_chain(lv, h->chain);
	int links = h->base || h->roles_here;
	LIT(h, "<section class=\"level\"");
	lc_html_tmp_reset(h);
	lc_view_anchor_level(&h->tmp, r, lv);
	lc_html_put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">");
	lc_html_level_label(h, lv);
	lc_html_title_suffix(h, r, lv);
	const lc_change *title_ch = cumulative ? lc_html_changed_title(h, r, lv) : NULL;
	if (title_ch) { /* render --since: the view's title changed */
		LIT(h, " ");
		lc_html_changed_badge(h, title_ch);
	}
	close_h(h, hn);
	if (cumulative && r->description.s)
		lc_html_block(h, r->description); /* the page of one level: the role's heading is not on it */
	if (lv->summary.s)
		lc_html_block(h, lv->summary);
	LIT(h, "<p class=\"muted\">");
	if (cumulative) {
		LIT(h, "Everything expected of ");
		esc(h, r->name);
		LIT(h, " at ");
		esc(h, lv->id);
		LIT(h, ", from ");
		esc(h, h->chain[0]->id);
		LIT(h, " up; expectations new at ");
		esc(h, lv->id);
		LIT(h, " are marked \xE2\x80\x9CNew at this level\xE2\x80\x9D.");
		if (h->o->changed) {
			size_t nc = lc_diff_marks_diff(h->o->changed)->nchanges;
			lc_buf_printf(h->out, " %zu change%s in this view since ", nc, nc == 1 ? "" : "s");
			const char *since = lc_diff_marks_since(h->o->changed);
			lc_escape_html(h->out, since, strlen(since));
			LIT(h, "; the expectations and the title that changed are marked \xE2\x80\x9C" "Changed since" "\xE2\x80\x9D.");
		}
	} else {
		LIT(h, "What is new at ");
		esc(h, lv->id);
		LIT(h, ".");
		if (n > 1) {
			LIT(h, " Everything expected at");
			for (size_t i = 0; i + 1 < n; i++) {
				put(h, i ? ", " : " ");
				/* a level below the role's first has no section to link to */
				if (links && ladder_role_has_level(r, h->chain[i])) {
					LIT(h, "<a");
					lc_html_href_level(h, r, h->chain[i]);
					LIT(h, ">");
					esc(h, h->chain[i]->id);
					LIT(h, "</a>");
				} else {
					esc(h, h->chain[i]->id);
				}
			}
			LIT(h, " is expected here too.");
		}
	}
	size_t nn = ladder_next_levels(h->l, r, lv, h->next);
	if (nn && links) {
		LIT(h, " Next:");
		for (size_t i = 0; i < nn; i++) {
			put(h, i ? ", <a" : " <a");
			lc_html_href_level(h, r, h->next[i]);
			LIT(h, ">");
			lc_html_level_label(h, h->next[i]);
			LIT(h, "</a>");
		}
		LIT(h, ".");
	}
	LIT(h, "</p>\n");
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, h->l, r, &lv, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start) {
			open_h(h, hn + 1);
			LIT(h, ">");
			esc(h, it.group->name);
			close_h(h, hn + 1);
		}
		LIT(h, "<div class=\"comp\"");
		lc_html_tmp_reset(h);
		lc_view_anchor_level_row(&h->tmp, r, lv, c);
		lc_html_put_id(h);
		LIT(h, ">");
		open_h(h, hn + 2);
		LIT(h, "><a href=\"#");
		lc_buf_put(h->out, h->tmp.data, h->tmp.len);
		LIT(h, "\">");
		esc(h, c->name);
		LIT(h, "</a>");
		close_h(h, hn + 2);
		competency_links(h, c);
		if (cumulative) {
			size_t m = lc_view_in_force(c, h->chain, n, h->cum);
			if (m) {
				LIT(h, "<ul class=\"exp\">\n");
				for (size_t i = 0; i < m; i++)
					lc_html_expectation_li(h, c, h->cum[i], lv);
				LIT(h, "</ul>\n");
			}
		} else if (lc_view_text_at(c, lv).s) {
			const lc_change *ch = lc_html_changed_cell(h, c, lv);
			if (ch) {
				LIT(h, "<div class=\"text changed\">");
				lc_html_changed_badge(h, ch);
			} else {
				LIT(h, "<div class=\"text\">");
			}
			lc_html_rich_cached(h, lc_view_text_at(c, lv));
			lc_html_cell_detail(h, c, lv);
			LIT(h, "</div>\n");
		}
		if (!lc_view_text_at(c, lv).s) {
			LIT(h, "<p class=\"none\">" LC_VIEW_NO_NEW " at ");
			esc(h, lv->id);
			LIT(h, "</p>\n");
		}
		LIT(h, "</div>\n");
	}
	LIT(h, "</section>\n");
}

static void role_heading(html *h, const ladder_role *r, int hn)
{
	open_h(h, hn);
	LIT(h, ">");
	esc(h, r->name);
	close_h(h, hn);
	LIT(h, "<p class=\"muted\">");
	if (r->family.s) {
		LIT(h, "Family: ");
		esc(h, r->family);
		LIT(h, ". ");
	}
	LIT(h, "Tracks:");
	for (size_t i = 0; i < r->ntracks; i++) {
		put(h, i ? ", " : " ");
		esc(h, r->tracks[i]->name);
	}
	LIT(h, ".</p>\n");
	if (r->description.s)
		lc_html_block(h, r->description);
}

/* A role's section: matrices, then (when `levels`) a section per level. */
void lc_html_role_section(html *h, const ladder_role *r, const ladder_track *only, int levels, int hn)
{
	lc_html_rich_reset(h);
	LIT(h, "<section class=\"role\"");
	lc_html_tmp_reset(h);
	lc_view_anchor_role(&h->tmp, r);
	lc_html_put_id(h);
	LIT(h, ">\n");
	role_heading(h, r, hn);
	if (levels && h->o->changed && h->base)
		lc_html_changed_summary(h, r);
	size_t nt = lc_view_matrix_tracks(h->l, r, only, h->tracks);
	if (levels) {
		/* a table of contents for the role: its matrices and its levels */
		LIT(h, "<nav class=\"toc\" aria-label=\"");
		esc(h, r->name);
		LIT(h, "\"><ul>");
		for (size_t i = 0; i < nt; i++) {
			LIT(h, "<li><a href=\"#");
			lc_html_tmp_reset(h);
			lc_view_anchor_matrix(&h->tmp, r, h->tracks[i]);
			lc_buf_put(h->out, h->tmp.data, h->tmp.len);
			LIT(h, "\">");
			esc(h, h->tracks[i]->name);
			LIT(h, " track</a></li>");
		}
		for (size_t k = 0; k < h->l->nlevels; k++) {
			const ladder_level *lv = h->l->levels[k];
			if (!ladder_role_has_level(r, lv))
				continue;
			LIT(h, "<li><a");
			lc_html_href_level(h, r, lv);
			LIT(h, ">");
			esc(h, lv->id);
			LIT(h, "</a></li>");
		}
		LIT(h, "</ul></nav>\n");
	}
	for (size_t i = 0; i < nt; i++)
		matrix(h, r, h->tracks[i], hn + 1, levels);
	if (levels) {
		LIT(h, "<section class=\"levels\">\n");
		open_h(h, hn + 1);
		LIT(h, ">Levels");
		close_h(h, hn + 1);
		for (size_t k = 0; k < h->l->nlevels; k++) {
			const ladder_level *lv = h->l->levels[k];
			if (ladder_role_has_level(r, lv))
				lc_html_level_section(h, r, lv, hn + 2, 0);
		}
		LIT(h, "</section>\n");
	}
	LIT(h, "</section>\n");
}
