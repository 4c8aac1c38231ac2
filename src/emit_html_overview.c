/* HTML emitter: the ladder's overview — the track diagram (inline SVG), the
 * titles table, promotion criteria, lateral paths and the list of roles. */
#include <stdlib.h>

#include "emit_html_parts.h"

/* ---- overview ------------------------------------------------------------------ */

enum { COLW = 164, BOXW = 132, BOXH = 50, ROWH = 90, PADX = 8, LABELY = 18, BOXY = 28 };

/* The tracks drawn from the model: a column per rank, so equivalent levels
 * (E3 and L3) sit in the same column; a track that continues from the top
 * of another shares its row when it is the first to do so. */
static void track_diagram(html *h)
{
	const ladder *l = h->l;
	size_t maxrank = lc_view_max_chain(l);
	if (maxrank == 0 || l->ntracks == 0)
		return;
	size_t *row = malloc(2 * l->ntracks * sizeof *row);
	if (!row) {
		h->out->failed = 1;
		return;
	}
	size_t *claimed = row + l->ntracks, nrows = 0;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		const ladder_track *pt = t->from ? t->from->track : NULL;
		claimed[i] = 0;
		if (pt && pt->index < i && pt->nlevels && t->from == pt->levels[pt->nlevels - 1] &&
		    !claimed[pt->index]) {
			row[i] = row[pt->index];
			claimed[pt->index] = 1;
		} else {
			row[i] = nrows++;
		}
	}
	size_t width = 2 * PADX + (maxrank - 1) * COLW + BOXW, height = nrows * ROWH;

	LIT(h, "<div class=\"diagram\" role=\"region\" tabindex=\"0\" aria-label=\"Track diagram\">"
	       "<svg class=\"tracks\" role=\"img\" width=\"");
	num(h, width);
	LIT(h, "\" height=\"");
	num(h, height);
	LIT(h, "\" viewBox=\"0 0 ");
	num(h, width);
	LIT(h, " ");
	num(h, height);
	LIT(h, "\" aria-label=\"Tracks.");
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		LIT(h, " ");
		esc(h, t->name);
		if (t->from) {
			LIT(h, ", after ");
			esc(h, t->from->id);
		}
		LIT(h, ":");
		/* "junior (Junior Engineer)": an id and a name in a run of levels
		 * read as one (issue 17 g) */
		for (size_t k = 0; k < t->nlevels; k++) {
			put(h, k ? ", " : " ");
			lc_html_level_label_apart(h, t->levels[k], " (", ")");
		}
		LIT(h, ".");
	}
	LIT(h, "\"><title>Career tracks</title>\n<defs><marker id=\"ladder.arrowhead\" viewBox=\"0 0 10 10\" "
	       "refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
	       "<path d=\"M0,0L10,5L0,10z\"></path></marker></defs>\n");
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		if (!t->nlevels)
			continue;
		size_t y = row[i] * ROWH;
		size_t x0 = PADX + (t->levels[0]->rank - 1) * COLW;
		/* each track in one of four colours, so a branch reads at a glance */
		LIT(h, "<g class=\"trk");
		num(h, i % 4);
		LIT(h, "\"><text class=\"lbl\" x=\"");
		num(h, x0);
		LIT(h, "\" y=\"");
		num(h, y + LABELY);
		LIT(h, "\">");
		lc_html_esc_trunc(h, t->name, t->nlevels * COLW / 8);
		LIT(h, "</text>\n");
		for (size_t k = 0; k < t->nlevels; k++) {
			const ladder_level *lv = t->levels[k];
			size_t x = PADX + (lv->rank - 1) * COLW, by = y + BOXY;
			LIT(h, "<rect x=\"");
			num(h, x);
			LIT(h, "\" y=\"");
			num(h, by);
			LIT(h, "\" width=\"");
			num(h, BOXW);
			LIT(h, "\" height=\"");
			num(h, BOXH);
			LIT(h, "\" rx=\"6\"></rect><text class=\"id\" x=\"");
			num(h, x + 10);
			LIT(h, "\" y=\"");
			num(h, by + 20);
			LIT(h, "\">");
			lc_html_esc_trunc(h, lv->id, 15);
			LIT(h, "</text>");
			if (lc_view_level_name_shown(lv)) {
				LIT(h, "<text x=\"");
				num(h, x + 10);
				LIT(h, "\" y=\"");
				num(h, by + 39);
				LIT(h, "\">");
				lc_html_esc_trunc(h, lv->name, 16);
				LIT(h, "</text>");
			}
			LIT(h, "\n");
			if (!lv->prev)
				continue;
			/* the arrow from the level below: straight on one row, an elbow across rows */
			const ladder_level *p = lv->prev;
			size_t px = PADX + (p->rank - 1) * COLW + BOXW;
			size_t py = row[p->track->index] * ROWH + BOXY + BOXH / 2, ty = by + BOXH / 2;
			LIT(h, "<path marker-end=\"url(#ladder.arrowhead)\" d=\"M");
			num(h, px);
			LIT(h, ",");
			num(h, py);
			if (py != ty) {
				LIT(h, "H");
				num(h, px + (x - px) / 2);
				LIT(h, "V");
				num(h, ty);
			}
			LIT(h, "H");
			num(h, x - 1);
			LIT(h, "\"></path>\n");
		}
		LIT(h, "</g>\n");
	}
	LIT(h, "</svg></div>\n");
	free(row);
}

/* An em dash for sighted readers, the words for screen readers. */
static void title_absent(html *h, lc_view_title_kind kind)
{
	LIT(h, "<span aria-hidden=\"true\">\xE2\x80\x94</span><span class=\"vh\">");
	put(h, lc_view_title_words(kind));
	LIT(h, "</span>");
}

static void titles_table(html *h, int hn)
{
	const ladder *l = h->l;
	LIT(h, "<section class=\"titles\" id=\"ladder.titles\">\n");
	open_h(h, hn);
	LIT(h, ">Titles");
	close_h(h, hn);
	LIT(h, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Titles by role and level\">"
	       "<table class=\"titles\">\n<caption><span>Job titles by role and level</span></caption>\n<thead><tr>"
	       "<th scope=\"col\">Role</th>");
	for (size_t k = 0; k < l->nlevels; k++) {
		LIT(h, "<th scope=\"col\">");
		esc(h, l->levels[k]->id);
		LIT(h, " <span class=\"muted\">");
		esc(h, l->levels[k]->name);
		LIT(h, "</span></th>");
	}
	LIT(h, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < l->nroles; i++) {
		const ladder_role *r = l->roles[i];
		LIT(h, "<tr><th scope=\"row\">");
		if (lc_html_can_link_roles(h)) {
			LIT(h, "<a");
			lc_html_href_role(h, r);
			LIT(h, ">");
			esc(h, r->name);
			LIT(h, "</a>");
		} else {
			esc(h, r->name);
		}
		LIT(h, "</th>");
		for (size_t k = 0; k < l->nlevels; k++) {
			const ladder_level *lv = l->levels[k];
			lc_view_title_kind kind = lc_view_title_of(r, lv);
			if (kind == LC_VIEW_TITLE_OFF_TRACKS || kind == LC_VIEW_TITLE_OFF_LEVELS) {
				LIT(h, "<td class=\"na\">");
				title_absent(h, kind);
				LIT(h, "</td>");
				continue;
			}
			const lc_change *ch = lc_html_changed_title(h, r, lv);
			put(h, ch ? "<td class=\"changed\">" : "<td>");
			if (h->base || h->roles_here) {
				LIT(h, "<a");
				lc_html_href_level(h, r, lv);
				LIT(h, ">");
			}
			if (kind == LC_VIEW_TITLE_GIVEN)
				esc(h, r->title[k]);
			else
				title_absent(h, kind);
			if (h->base || h->roles_here)
				LIT(h, "</a>");
			if (ch) {
				LIT(h, " ");
				lc_html_changed_badge(h, ch);
			}
			LIT(h, "</td>");
		}
		LIT(h, "</tr>\n");
	}
	LIT(h, "</tbody></table></div>\n</section>\n");
}

static void evidence_list(html *h, const ladder_str *items, size_t n)
{
	lc_html_text_list(h, "<ul>", items, n);
}

static void criteria_dl(html *h, const ladder_criteria *c, const ladder_number *scale)
{
	LIT(h, "<dl class=\"crit\">");
	if (c->min_average.present) {
		LIT(h, "<dt>Minimum average rating</dt><dd>");
		esc(h, c->min_average.text);
		if (scale && scale->present) {
			LIT(h, " out of ");
			esc(h, scale->text);
		}
		LIT(h, "</dd>");
	}
	if (c->min_each.present) {
		LIT(h, "<dt>Minimum rating in every competency</dt><dd>");
		esc(h, c->min_each.text);
		LIT(h, "</dd>");
	}
	if (c->time_in_level.s) {
		LIT(h, "<dt>Time operating at the next level</dt><dd>");
		esc(h, c->time_in_level);
		LIT(h, "</dd>");
	}
	if (c->nevidence) {
		LIT(h, "<dt>Evidence</dt><dd>");
		evidence_list(h, c->evidence, c->nevidence);
		LIT(h, "</dd>");
	}
	if (!c->min_average.present && !c->min_each.present && !c->time_in_level.s && !c->nevidence)
		LIT(h, "<dt>Criteria</dt><dd class=\"none\">none given</dd>");
	LIT(h, "</dl>\n");
}

/* The criteria for promotion into lv (NULL: every promotion) changed: a
 * marked paragraph above them. */
static void changed_criteria(html *h, const ladder_level *lv)
{
	const lc_change *ch = h->o->changed ? lc_diff_marks_criteria(h->o->changed, lv) : NULL;
	if (!ch)
		return;
	LIT(h, "<p class=\"changed\">");
	lc_html_changed_badge(h, ch);
	LIT(h, "</p>\n");
}

static void promotion_section(html *h, int hn)
{
	const ladder_promotion *p = &h->l->promotion;
	LIT(h, "<section id=\"ladder.promotion\">\n");
	open_h(h, hn);
	LIT(h, ">Promotion criteria");
	close_h(h, hn);
	if (!p->present) {
		LIT(h, "<p class=\"none\">This ladder gives no promotion criteria.</p>\n</section>\n");
		return;
	}
	if (p->scale.present) {
		LIT(h, "<p>Competencies are rated from 1 to ");
		esc(h, p->scale.text);
		LIT(h, ".</p>\n");
	}
	open_h(h, hn + 1);
	LIT(h, ">For every promotion");
	close_h(h, hn + 1);
	changed_criteria(h, NULL);
	criteria_dl(h, &p->defaults, &p->scale);
	for (size_t i = 0; i < p->ninto; i++) {
		const ladder_level *lv = p->into[i].level;
		open_h(h, hn + 1);
		LIT(h, ">Into ");
		lc_html_level_label(h, lv);
		close_h(h, hn + 1);
		changed_criteria(h, lv);
		LIT(h, "<p class=\"muted\">In addition to, or instead of, the criteria above:</p>\n");
		criteria_dl(h, &p->into[i].criteria, &p->scale);
	}
	LIT(h, "</section>\n");
}

static void role_link_or_name(html *h, const ladder_role *r)
{
	if (lc_html_can_link_roles(h)) {
		LIT(h, "<a");
		lc_html_href_role(h, r);
		LIT(h, ">");
		esc(h, r->name);
		LIT(h, "</a>");
	} else {
		esc(h, r->name);
	}
}

static void paths_section(html *h, int hn)
{
	const ladder *l = h->l;
	LIT(h, "<section id=\"ladder.paths\">\n");
	open_h(h, hn);
	LIT(h, ">Lateral paths");
	close_h(h, hn);
	if (!l->npaths) {
		LIT(h, "<p class=\"none\">This ladder describes no lateral paths.</p>\n</section>\n");
		return;
	}
	LIT(h, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Lateral paths\">"
	       "<table>\n<caption><span>Moves between roles: what carries over and what to learn</span></caption>\n"
	       "<thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th>"
	       "<th scope=\"col\">Transferable</th><th scope=\"col\">Gaps to close</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < l->npaths; i++) {
		const ladder_path *p = &l->paths[i];
		LIT(h, "<tr><th scope=\"row\">");
		role_link_or_name(h, p->from);
		LIT(h, "</th><td>");
		role_link_or_name(h, p->to);
		LIT(h, "</td><td>");
		if (p->ntransferable)
			evidence_list(h, p->transferable, p->ntransferable);
		else
			LIT(h, "<span class=\"none\">none listed</span>");
		LIT(h, "</td><td>");
		if (p->ngaps)
			evidence_list(h, p->gaps, p->ngaps);
		else
			LIT(h, "<span class=\"none\">none listed</span>");
		LIT(h, "</td></tr>\n");
	}
	LIT(h, "</tbody></table></div>\n</section>\n");
}

static void roles_list(html *h, int hn)
{
	const ladder *l = h->l;
	LIT(h, "<section id=\"ladder.roles\">\n");
	open_h(h, hn);
	LIT(h, ">Roles");
	close_h(h, hn);
	LIT(h, "<ul>\n");
	for (size_t i = 0; i < l->nroles; i++) {
		const ladder_role *r = l->roles[i];
		LIT(h, "<li>");
		role_link_or_name(h, r);
		if (r->family.s) {
			LIT(h, " <span class=\"muted\">(");
			esc(h, r->family);
			LIT(h, ")</span>");
		}
		LIT(h, "</li>\n");
	}
	LIT(h, "</ul>\n</section>\n");
}

/* The tracks under the diagram: each track's levels a list of their own,
 * one level an item ("junior: Junior Engineer (summary)"), so that ids and
 * names never run together (issue 17 g). */
static void track_list(html *h)
{
	const ladder *l = h->l;
	LIT(h, "<ul>\n");
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		LIT(h, "<li><strong>");
		esc(h, t->name);
		LIT(h, "</strong>");
		if (t->from) {
			LIT(h, ", after ");
			esc(h, t->from->id);
		}
		LIT(h, ":<ul>");
		for (size_t k = 0; k < t->nlevels; k++) {
			LIT(h, "<li>");
			lc_html_level_label_apart(h, t->levels[k], ": ", "");
			if (t->levels[k]->summary.s) {
				LIT(h, " <span class=\"muted\">(");
				esc(h, t->levels[k]->summary);
				LIT(h, ")</span>");
			}
			LIT(h, "</li>");
		}
		LIT(h, "</ul></li>\n");
	}
	LIT(h, "</ul>\n");
}

/* The overview: heading, intro, diagram, roles, titles, promotion, paths. */
void lc_html_overview(html *h, int hn)
{
	const ladder *l = h->l;
	LIT(h, "<section id=\"ladder.overview\">\n");
	open_h(h, hn);
	LIT(h, ">");
	esc(h, l->name);
	if (l->title.s) {
		LIT(h, ": ");
		esc(h, l->title);
	}
	close_h(h, hn);
	if (l->updated.s) {
		LIT(h, "<p class=\"muted\">Updated ");
		esc(h, l->updated);
		LIT(h, "</p>\n");
	}
	if (l->intro.s) {
		lc_html_block(h, l->intro);
	}
	if (h->o->changed && h->base) { /* build --since: the changes page */
		const lc_diff *d = lc_diff_marks_diff(h->o->changed);
		const char *since = lc_diff_marks_since(h->o->changed);
		LIT(h, "<p class=\"changed-summary\"><a href=\"");
		lc_buf_puts(h->out, h->base);
		LIT(h, "changes.html\">What changed since ");
		lc_escape_html(h->out, since, strlen(since));
		lc_buf_printf(h->out, "</a>: %zu change%s, suggested version bump %s.</p>\n", d->nchanges,
		              d->nchanges == 1 ? "" : "s", lc_bump_name(d->summary.bump));
	}
	LIT(h, "</section>\n<section id=\"ladder.tracks\">\n");
	open_h(h, hn + 1);
	LIT(h, ">Tracks");
	close_h(h, hn + 1);
	track_diagram(h);
	track_list(h);
	LIT(h, "</section>\n");
	roles_list(h, hn + 1);
	titles_table(h, hn + 1);
	promotion_section(h, hn + 1);
	paths_section(h, hn + 1);
}
