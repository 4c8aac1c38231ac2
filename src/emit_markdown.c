/* GitHub-flavoured Markdown: every view as headings, paragraphs and GFM
 * tables. Every piece of text from the ladder goes through
 * lc_escape_markdown (in cells: '|' escaped, line breaks as <br>); every
 * anchor is built from validated ids only (src/view.h). The parts of a
 * view are callbacks of the view walk (src/view_walk.h). */
#include "ladderc/emit.h"
#include "ladderc/diff.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

#include "diff_emit.h"
#include "view.h"
#include "view_walk.h"

typedef struct md {
	const ladder *l;
	lc_buf *out;
	const char *base;      /* link_base: the pages of a site, linked; NULL: render, no links between pages */
	int role_page;         /* this is a site's role page: its levels get sections of their own */
} md;

static void text(md *m, ladder_str s)
{
	if (s.s)
		lc_escape_markdown(m->out, s.s, s.len, 0);
}

static void cell(md *m, ladder_str s)
{
	if (s.s)
		lc_escape_markdown(m->out, s.s, s.len, 1);
}

static void cell_piece(lc_buf *out, ladder_str s)
{
	lc_escape_markdown(out, s.s, s.len, 1);
}

/* Ladder prose in a cell, which holds no real lists or paragraphs: bullets
 * as "• ", line breaks as <br>, paragraphs apart by an empty line's <br>. */
static void prose_cell(md *m, ladder_str s)
{
	static const lc_view_flat_style style = {"\xE2\x80\xA2 ", "<br>", "<br><br>"};
	lc_view_flat_text(m->out, s, &style, cell_piece);
}

static void put(md *m, const char *s)
{
	lc_buf_puts(m->out, s);
}

static void id(md *m, ladder_str s)
{
	lc_buf_put(m->out, s.s, s.len); /* ids are slugs: nothing to escape */
}

static void heading(md *m, int depth)
{
	for (int i = 0; i < depth; i++)
		lc_buf_putc(m->out, '#');
	lc_buf_putc(m->out, ' ');
}

static void anchor_open(md *m)
{
	put(m, "<a id=\"");
}

static void anchor_close(md *m)
{
	put(m, "\"></a>");
}

/* A table's header separator for n columns. */
static void separator(md *m, size_t n)
{
	put(m, "|");
	for (size_t i = 0; i < n; i++)
		put(m, " --- |");
	put(m, "\n");
}

/* Items of a list inside one cell: "• a<br>• b", or "—" for none. */
static void cell_list(md *m, const ladder_str *items, size_t n)
{
	if (n == 0)
		put(m, "—");
	for (size_t i = 0; i < n; i++) {
		if (i)
			put(m, "<br>");
		put(m, "• ");
		cell(m, items[i]);
	}
}

/* ---- proficiency and examples ------------------------------------------------ */

static void proficiency_name(md *m, const ladder_proficiency *p)
{
	cell(m, p->name);
}

/* What a cell adds to its text inside a table cell: "<br>**Proficiency:**
 * name" and "<br>**Examples:** • a<br>• b", each only when written. */
static void cell_detail(md *m, const ladder_competency *c, const ladder_level *lv)
{
	const ladder_proficiency *p = ladder_cell_proficiency(c, lv);
	if (p) {
		put(m, "<br>**Proficiency:** ");
		proficiency_name(m, p);
	}
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, lv, &n);
	if (n) {
		put(m, "<br>**Examples:** ");
		cell_list(m, ex, n);
	}
}

/* The next view's proficiency: the one in force at the next level, and the
 * one in force now when it changes ("Advanced (was Working)"). */
static void next_detail(md *m, const ladder_competency *c, const ladder_level *lv, const ladder_level *nx)
{
	const ladder_proficiency *now = ladder_proficiency_in_force(c, lv);
	const ladder_proficiency *next = ladder_proficiency_in_force(c, nx);
	if (next) {
		put(m, "<br>**Proficiency:** ");
		proficiency_name(m, next);
		if (now && now != next) {
			put(m, " (was ");
			proficiency_name(m, now);
			put(m, ")");
		} else if (!now) {
			put(m, " (new)");
		}
	}
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, nx, &n);
	if (n) {
		put(m, "<br>**Examples:** ");
		cell_list(m, ex, n);
	}
}

/* ---- links between the pages of a site ----------------------------------------
 * Only in a build (link_base set): `render -f markdown` writes one page and
 * links none. Link texts go through the escaper, targets are file names and
 * anchors made of ids (slugs). */

/* The file holding role r's page, as the start of a link ("" on that page). */
static void role_file(md *m, const ladder_role *r)
{
	if (m->role_page)
		return;
	put(m, m->base);
	id(m, r->id);
	put(m, ".md");
}

/* "](TARGET)" closing a link to role r's page, or to its level lv's section. */
static void role_target(md *m, const ladder_role *r, const ladder_level *lv)
{
	put(m, "](");
	role_file(m, r);
	put(m, "#");
	if (lv)
		lc_view_anchor_level(m->out, r, lv);
	else
		lc_view_anchor_role(m->out, r);
	put(m, ")");
}

/* A level's id, linking to its section where the role has the level (a
 * level below the role's first has none). */
static void level_link(md *m, const ladder_role *r, const ladder_level *lv)
{
	if (!ladder_role_has_level(r, lv)) {
		id(m, lv->id);
		return;
	}
	put(m, "[");
	id(m, lv->id);
	role_target(m, r, lv);
}

/* "](index.md#SECTION)": a section of the site's overview. */
static void overview_target(md *m, const char *section)
{
	put(m, "](");
	put(m, m->base);
	put(m, "index.md#");
	put(m, section);
	put(m, ")");
}

/* The overview's list of roles, each linking to its page. */
static void site_roles(md *m)
{
	put(m, "<a id=\"ladder.roles\"></a>\n");
	heading(m, 2);
	put(m, "Roles\n\n");
	for (size_t i = 0; i < m->l->nroles; i++) {
		const ladder_role *r = m->l->roles[i];
		put(m, "- [");
		text(m, r->name);
		role_target(m, r, NULL);
		if (r->family.s) {
			put(m, " (");
			text(m, r->family);
			put(m, ")");
		}
		put(m, "\n");
	}
	put(m, "\n");
}

/* A role page's way back: the overview, its list of roles, the titles. */
static void site_nav(md *m)
{
	put(m, "[Overview");
	overview_target(m, "ladder.overview");
	put(m, " · [All roles");
	overview_target(m, "ladder.roles");
	put(m, " · [Titles");
	overview_target(m, "ladder.titles");
	put(m, "\n\n");
}

/* A role page's contents: its matrices and its levels. */
static void site_contents(lc_view_walk *w, const ladder_role *r)
{
	md *m = w->ctx;
	put(m, "Contents:");
	size_t nt = lc_view_matrix_tracks(m->l, r, NULL, w->tracks);
	const char *sep = " ";
	for (size_t i = 0; i < nt; i++, sep = " · ") {
		put(m, sep);
		put(m, "[");
		text(m, w->tracks[i]->name);
		put(m, " track](#");
		lc_view_anchor_matrix(m->out, r, w->tracks[i]);
		put(m, ")");
	}
	for (size_t k = 0; k < m->l->nlevels; k++) {
		const ladder_level *lv = m->l->levels[k];
		if (!ladder_role_has_level(r, lv))
			continue;
		put(m, sep);
		level_link(m, r, lv);
		sep = " · ";
	}
	put(m, "\n\n");
}

/* ---- overview --------------------------------------------------------------- */

/* Ladder prose outside a table: its paragraphs and lists, each block ending
 * in a newline and the whole in an empty line. */
static void prose(md *m, ladder_str t)
{
	size_t pos = 0;
	lc_view_block b;
	int prev_bullet = -1;
	while (lc_view_next_block(t, &pos, &b)) {
		if (prev_bullet >= 0 && !(prev_bullet && b.bullet))
			put(m, "\n");
		put(m, b.bullet ? "- " : "");
		size_t lp = 0;
		ladder_str line;
		int first = 1;
		while (lc_view_block_line(&b, &lp, &line)) {
			if (!first)
				put(m, b.bullet ? " " : "<br>\n");
			text(m, line);
			first = 0;
		}
		put(m, "\n");
		prev_bullet = b.bullet;
	}
	if (prev_bullet >= 0)
		put(m, "\n");
}

static void criteria_number(md *m, const ladder_number *n, const char *absent)
{
	if (n->present)
		cell(m, n->text);
	else
		put(m, absent);
}

static void criteria_row(md *m, const ladder_criteria *c, const char *absent)
{
	put(m, " | ");
	criteria_number(m, &c->min_average, absent);
	put(m, " | ");
	criteria_number(m, &c->min_each, absent);
	put(m, " | ");
	if (c->time_in_level.s)
		cell(m, c->time_in_level);
	else
		put(m, absent);
	put(m, " | ");
	cell_list(m, c->evidence, c->nevidence);
	put(m, " |\n");
}

/* ---- what changed since an older version (render and build --since) ---- */

/* The visible marker of a changed thing (words, not colour). */
#define CHANGED_MARK "\xE2\x9C\xB1 *changed*"

/* The marker; on a site, a link to the change's entry on the changes page. */
static void changed_mark(md *m, const ladder_emit_options *o, const lc_change *ch)
{
	if (!o->link_base) {
		put(m, CHANGED_MARK);
		return;
	}
	const lc_diff *d = lc_diff_marks_diff(o->changed);
	lc_buf_printf(m->out, "[\xE2\x9C\xB1 changed](%schanges.md#change-%zu)", o->link_base, (size_t)(ch - d->changes));
}

/* A site role page's summary: how many of its expectations and titles
 * changed, and where every change is. */
static void changed_summary(md *m, const ladder_emit_options *o, const ladder_role *r)
{
	size_t cells = 0, titles = 0;
	for (size_t k = 0; k < m->l->nlevels; k++) {
		const ladder_level *lv = m->l->levels[k];
		if (!ladder_role_has_level(r, lv))
			continue;
		titles += lc_diff_marks_title(o->changed, r, lv) != NULL;
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, m->l, r, &lv, 1);
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));)
			cells += lc_diff_marks_cell(o->changed, c, lv) != NULL;
	}
	const char *since = lc_diff_marks_since(o->changed);
	put(m, "**Changed since ");
	text(m, (ladder_str){since, strlen(since)});
	lc_buf_printf(m->out, "**: %zu expectation%s and %zu title%s on this page, each marked \xE2\x9C\xB1 changed; every change is on [the changes page](%schanges.md).\n\n",
	              cells, cells == 1 ? "" : "s", titles, titles == 1 ? "" : "s", o->link_base);
}

/* A role's column heading in the titles table: in a site, a link to its page. */
static void titles_head(md *m, const ladder_role *r)
{
	if (!m->base) {
		cell(m, r->name);
		return;
	}
	put(m, "[");
	cell(m, r->name);
	role_target(m, r, NULL);
}

/* A role's title at a level; in a site, a link to the level's section of its
 * page wherever the role has the level. */
static void title_cell(md *m, const ladder_role *r, const ladder_level *lv)
{
	lc_view_title_kind k = lc_view_title_of(r, lv);
	int link = m->base && k != LC_VIEW_TITLE_OFF_TRACKS && k != LC_VIEW_TITLE_OFF_LEVELS;
	if (link)
		put(m, "[");
	if (k == LC_VIEW_TITLE_GIVEN)
		cell(m, r->title[lv->index]);
	else
		put(m, lc_view_title_words(k));
	if (link)
		role_target(m, r, lv);
}

/* A lateral path's role: a link to its section, on this page or (in a site) its own. */
static void path_role(md *m, const ladder_role *r)
{
	put(m, "[");
	cell(m, r->name);
	if (m->base) {
		role_target(m, r, NULL);
		return;
	}
	put(m, "](#");
	lc_view_anchor_role(m->out, r);
	put(m, ")");
}

static void overview(lc_view_walk *w)
{
	md *m = w->ctx;
	const ladder *l = m->l;
	anchor_open(m);
	put(m, "ladder.overview");
	anchor_close(m);
	put(m, "\n");
	heading(m, 1);
	text(m, l->name);
	if (l->title.s) {
		put(m, ": ");
		text(m, l->title);
	}
	put(m, "\n\n");
	if (l->updated.s) {
		put(m, "Updated: ");
		text(m, l->updated);
		put(m, "\n\n");
	}
	prose(m, l->intro);
	if (w->o->changed && w->o->link_base) { /* build --since: the changes page */
		const lc_diff *d = lc_diff_marks_diff(w->o->changed);
		const char *since = lc_diff_marks_since(w->o->changed);
		put(m, "[What changed since ");
		text(m, (ladder_str){since, strlen(since)});
		lc_buf_printf(m->out, "](%schanges.md): %zu change%s, suggested version bump %s.\n\n", w->o->link_base,
		              d->nchanges, d->nchanges == 1 ? "" : "s", lc_bump_name(d->summary.bump));
	}

	put(m, "<a id=\"ladder.tracks\"></a>\n");
	heading(m, 2);
	put(m, "Tracks\n\n```text\n");
	lc_view_track_diagram(l, m->out, "");
	put(m, "```\n\n| Track | Name | Continues from | Levels |\n");
	separator(m, 4);
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *t = l->tracks[i];
		put(m, "| ");
		id(m, t->id);
		put(m, " | ");
		cell(m, t->name);
		put(m, " | ");
		if (t->from)
			id(m, t->from->id);
		else
			put(m, "—");
		put(m, " | ");
		for (size_t k = 0; k < t->nlevels; k++) {
			if (k)
				put(m, ", ");
			id(m, t->levels[k]->id);
		}
		put(m, " |\n");
	}
	put(m, "\n");
	if (m->base)
		site_roles(m);

	put(m, "<a id=\"ladder.titles\"></a>\n");
	heading(m, 2);
	put(m, "Levels and titles\n\n| Level | Name | Summary |");
	for (size_t r = 0; r < l->nroles; r++) {
		put(m, " ");
		titles_head(m, l->roles[r]);
		put(m, " |");
	}
	put(m, "\n");
	separator(m, 3 + l->nroles);
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		put(m, "| ");
		id(m, lv->id);
		put(m, " | ");
		cell(m, lv->name);
		put(m, " | ");
		if (lv->summary.s)
			prose_cell(m, lv->summary);
		else
			put(m, "—");
		put(m, " |");
		for (size_t r = 0; r < l->nroles; r++) {
			put(m, " ");
			title_cell(m, l->roles[r], lv);
			put(m, " |");
		}
		put(m, "\n");
	}
	put(m, "\n");

	put(m, "<a id=\"ladder.promotion\"></a>\n");
	heading(m, 2);
	put(m, "Promotion criteria\n\n");
	const ladder_promotion *p = &l->promotion;
	if (!p->present) {
		put(m, "The ladder gives no promotion criteria.\n\n");
	} else {
		if (p->scale.present) {
			put(m, "Ratings run from 1 to ");
			text(m, p->scale.text);
			put(m, ".\n\n");
		}
		put(m, "| Promotion into | Minimum average rating | Minimum rating in each competency | "
		       "Time in level | Evidence |\n");
		separator(m, 5);
		put(m, "| every level (defaults)");
		criteria_row(m, &p->defaults, "—");
		const ladder_criteria *const *into = w->into;
		for (size_t i = 0; i < l->nlevels; i++) {
			const ladder_criteria *c = into[i];
			if (!c)
				continue;
			put(m, "| ");
			id(m, l->levels[i]->id);
			put(m, " ");
			cell(m, l->levels[i]->name);
			criteria_row(m, c, "default");
		}
		put(m, "\n");
	}

	put(m, "<a id=\"ladder.paths\"></a>\n");
	heading(m, 2);
	put(m, "Lateral paths\n\n");
	if (l->npaths == 0) {
		put(m, "The ladder gives no lateral paths.\n\n");
	} else {
		put(m, "| From | To | Transferable | Gaps |\n");
		separator(m, 4);
		for (size_t i = 0; i < l->npaths; i++) {
			const ladder_path *pa = &l->paths[i];
			put(m, "| ");
			path_role(m, pa->from);
			put(m, " | ");
			path_role(m, pa->to);
			put(m, " | ");
			cell_list(m, pa->transferable, pa->ntransferable);
			put(m, " | ");
			cell_list(m, pa->gaps, pa->ngaps);
			put(m, " |\n");
		}
		put(m, "\n");
	}
}

/* ---- roles ------------------------------------------------------------------- */

static void role_description(md *m, const ladder_role *r)
{
	if (r->description.s) {
		text(m, r->description);
		put(m, "\n\n");
	}
}

static void role_heading(md *m, const ladder_role *r, int depth)
{
	anchor_open(m);
	lc_view_anchor_role(m->out, r);
	anchor_close(m);
	put(m, "\n");
	heading(m, depth);
	text(m, r->name);
	put(m, "\n\nFamily: ");
	text(m, r->family);
	put(m, "\n\n");
	role_description(m, r);
}

static void group_heading(md *m, const ladder_group *g, int depth)
{
	heading(m, depth);
	text(m, g->name);
	put(m, "\n\n");
	if (g->description.s) {
		prose(m, g->description);
	}
}

/* A group's heading and the head of its table of what is new at lv. */
static void new_at_head(md *m, const ladder_group *g, int depth, const ladder_level *lv)
{
	group_heading(m, g, depth);
	put(m, "| Competency | New at ");
	id(m, lv->id);
	put(m, " |\n");
	separator(m, 2);
}

/* The first cell of a competency's row: its anchor, name and description. */
static void competency_cell(md *m, const ladder_competency *c, lc_buf *anchor)
{
	put(m, "| ");
	anchor_open(m);
	lc_buf_put(m->out, anchor->data, anchor->len);
	anchor_close(m);
	put(m, "**");
	cell(m, c->name);
	put(m, "**");
	if (c->description.s) {
		put(m, "<br>");
		prose_cell(m, c->description);
	}
	for (size_t i = 0; i < c->nlinks; i++) {
		put(m, i ? " · [" : "<br>[");
		cell(m, c->links[i].name);
		put(m, "](");
		lc_escape_markdown_url(m->out, c->links[i].url.s, c->links[i].url.len);
		put(m, ")");
	}
}

static void level_column(md *m, const ladder_emit_options *o, const ladder_role *r, const ladder_level *lv)
{
	put(m, " **");
	if (m->role_page)
		level_link(m, r, lv);
	else
		id(m, lv->id);
	put(m, "**");
	if (lc_view_level_name_shown(lv)) {
		put(m, " ");
		cell(m, lv->name);
	}
	if (r->title[lv->index].s) {
		put(m, "<br>");
		cell(m, r->title[lv->index]);
		const lc_change *ch = o->changed ? lc_diff_marks_title(o->changed, r, lv) : NULL;
		if (ch) {
			put(m, " ");
			changed_mark(m, o, ch);
		}
	}
	put(m, " |");
}

/* Roles are headings of depth 2 under the ladder's overview, else of depth 1. */
static int role_depth(const lc_view_walk *w)
{
	return w->v->kind == LADDER_VIEW_LADDER ? 2 : 1;
}

static void matrix(lc_view_walk *w, const ladder_role *r, const ladder_track *t, size_t n)
{
	md *m = w->ctx;
	int depth = role_depth(w) + 1;
	const ladder_level *const *chain = w->chain;
	anchor_open(m);
	lc_view_anchor_matrix(m->out, r, t);
	anchor_close(m);
	put(m, "\n");
	heading(m, depth);
	text(m, r->name);
	put(m, ": ");
	text(m, t->name);
	put(m, " (");
	id(m, chain[0]->id);
	if (n > 1) {
		put(m, " to ");
		id(m, chain[n - 1]->id);
	}
	put(m, ")\n\n");
	lc_buf a = LC_BUF_INIT;
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, m->l, r, chain, n);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start) {
			group_heading(m, it.group, depth + 1);
			put(m, "| Competency |");
			for (size_t i = 0; i < n; i++)
				level_column(m, w->o, r, chain[i]);
			put(m, "\n");
			separator(m, n + 1);
		}
		lc_buf_clear(&a);
		lc_view_anchor_matrix_row(&a, r, t, c);
		competency_cell(m, c, &a);
		put(m, " |");
		for (size_t i = 0; i < n; i++) {
			ladder_str s = lc_view_text_at(c, chain[i]);
			const lc_change *ch = w->o->changed ? lc_diff_marks_cell(w->o->changed, c, chain[i]) : NULL;
			put(m, " ");
			if (ch) {
				changed_mark(m, w->o, ch);
				put(m, " ");
			}
			if (s.s) {
				prose_cell(m, s);
			} else {
				put(m, "*");
				put(m, lc_view_empty_cell(c, r, chain[i]));
				put(m, "*");
			}
			cell_detail(m, c, chain[i]);
			put(m, " |");
		}
		put(m, "\n");
		/* a blank line ends the table before the next group's heading */
		if (lc_view_comp_group_ends(&it))
			put(m, "\n");
	}
	if (a.failed)
		m->out->failed = 1;
	lc_buf_free(&a);
}

static void matrices_begin(lc_view_walk *w, const ladder_role *r)
{
	md *m = w->ctx;
	if (m->role_page)
		site_nav(m);
	role_heading(m, r, role_depth(w));
	if (w->o->changed && w->o->link_base && w->v->role == r)
		changed_summary(m, w->o, r);
	if (m->role_page)
		site_contents(w, r);
}

static void level_title(md *m, const ladder_role *r, const ladder_level *lv)
{
	id(m, lv->id);
	if (lc_view_level_name_shown(lv)) {
		put(m, " ");
		text(m, lv->name);
	}
	if (r->title[lv->index].s) {
		put(m, ", ");
		text(m, r->title[lv->index]);
	}
}

/* How many changes the view has since the old version, and how they are marked. */
static void changed_note(md *m, const lc_diff_marks *ch)
{
	const char *since = lc_diff_marks_since(ch);
	size_t n = lc_diff_marks_diff(ch)->nchanges;
	put(m, "**Changed since ");
	text(m, (ladder_str){since, strlen(since)});
	lc_buf_printf(m->out, "**: %zu change%s in this view (`ladderc diff` lists them); the expectations and the title that changed are marked " CHANGED_MARK ".\n\n",
	              n, n == 1 ? "" : "s");
}

/* A level's section on a site's role page, as on the HTML one: what is new
 * at the level, links to the levels below (whose expectations still apply)
 * and to the next level(s). Only the level's own text: the matrices above
 * hold the rest. */
static void site_level(lc_view_walk *w, const ladder_role *r, const ladder_level *lv)
{
	md *m = w->ctx;
	anchor_open(m);
	lc_view_anchor_level(m->out, r, lv);
	anchor_close(m);
	put(m, "\n");
	heading(m, 3);
	level_title(m, r, lv);
	put(m, "\n\n");
	prose(m, lv->summary);
	put(m, "What is new at ");
	id(m, lv->id);
	put(m, ".");
	size_t n = ladder_chain(lv, w->chain);
	for (size_t i = 0; i + 1 < n; i++) {
		put(m, i ? ", " : " Everything expected at ");
		level_link(m, r, w->chain[i]);
	}
	if (n > 1)
		put(m, " is expected here too.");
	size_t nn = ladder_next_levels(m->l, r, lv, w->next);
	for (size_t i = 0; i < nn; i++) {
		put(m, i ? ", [" : " Next: [");
		id(m, w->next[i]->id);
		if (lc_view_level_name_shown(w->next[i])) {
			put(m, " ");
			text(m, w->next[i]->name);
		}
		role_target(m, r, w->next[i]);
	}
	put(m, nn ? ".\n\n" : "\n\n");
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, m->l, r, &lv, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start)
			new_at_head(m, it.group, 4, lv);
		put(m, "| ");
		anchor_open(m);
		lc_view_anchor_level_row(m->out, r, lv, c);
		anchor_close(m);
		put(m, "**");
		cell(m, c->name);
		put(m, "** | ");
		ladder_str s = lc_view_text_at(c, lv);
		if (s.s)
			prose_cell(m, s);
		else
			put(m, "*" LC_VIEW_NO_NEW "*");
		cell_detail(m, c, lv);
		put(m, " |\n");
		if (lc_view_comp_group_ends(&it))
			put(m, "\n");
	}
}

/* A site's role page: after the matrices, a section per level of the role. */
static void matrices_end(lc_view_walk *w, const ladder_role *r)
{
	md *m = w->ctx;
	if (!m->role_page)
		return;
	heading(m, 2);
	put(m, "Levels\n\n");
	for (size_t k = 0; k < m->l->nlevels; k++)
		if (ladder_role_has_level(r, m->l->levels[k]))
			site_level(w, r, m->l->levels[k]);
}

static void level_view(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n)
{
	md *m = w->ctx;
	const ladder_level *const *chain = w->chain;
	anchor_open(m);
	lc_view_anchor_level(m->out, r, lv);
	anchor_close(m);
	put(m, "\n");
	heading(m, 1);
	text(m, r->name);
	put(m, " at ");
	level_title(m, r, lv);
	const lc_change *title_ch = w->o->changed ? lc_diff_marks_title(w->o->changed, r, lv) : NULL;
	if (title_ch) {
		put(m, " ");
		changed_mark(m, w->o, title_ch);
	}
	put(m, "\n\n");
	role_description(m, r);
	prose(m, lv->summary);
	put(m, "Everything expected at ");
	id(m, lv->id);
	put(m, ": the expectations of ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			put(m, i + 1 == n ? " and " : ", ");
		id(m, chain[i]->id);
	}
	put(m, ". Those new at ");
	id(m, lv->id);
	put(m, " are marked **new**.\n\n");
	if (w->o->changed)
		changed_note(m, w->o->changed);
	lc_buf a = LC_BUF_INIT;
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, m->l, r, &lv, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start) {
			group_heading(m, it.group, 2);
			put(m, "| Competency | From level | Expectation |\n");
			separator(m, 3);
		}
		size_t ns = lc_view_in_force(c, chain, n, w->sources);
		lc_buf_clear(&a);
		lc_view_anchor_level_row(&a, r, lv, c);
		if (ns == 0) {
			competency_cell(m, c, &a);
			put(m, " | — | *no expectations up to ");
			id(m, lv->id);
			put(m, "* |\n");
		}
		for (size_t i = 0; i < ns; i++) {
			const ladder_level *src = w->sources[i];
			if (i == 0) {
				competency_cell(m, c, &a);
			} else {
				put(m, "| ");
				cell(m, c->name);
			}
			put(m, " | ");
			id(m, src->id);
			if (src == lv)
				put(m, " **new**");
			const lc_change *ch = w->o->changed ? lc_diff_marks_cell(w->o->changed, c, src) : NULL;
			if (ch) {
				put(m, " ");
				changed_mark(m, w->o, ch);
			}
			put(m, " | ");
			prose_cell(m, lc_view_text_at(c, src));
			cell_detail(m, c, src);
			put(m, " |\n");
		}
		if (lc_view_comp_group_ends(&it))
			put(m, "\n");
	}
	if (a.failed)
		m->out->failed = 1;
	lc_buf_free(&a);
}

/* A restated competency's next text, word-diffed against the text in force
 * now: the marks of `ladderc diff --format markdown`. */
static void cell_bytes(lc_buf *out, const char *s, size_t len)
{
	lc_escape_markdown(out, s, len, 1);
}

static const lc_diff_style restated_diff = {cell_bytes, "<del>", "</del>", "<ins>", "</ins>", "<br>", " "};

static void next_view(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t nn)
{
	md *m = w->ctx;
	anchor_open(m);
	lc_view_anchor_next(m->out, r, lv);
	anchor_close(m);
	put(m, "\n");
	heading(m, 1);
	text(m, r->name);
	put(m, ": from ");
	level_title(m, r, lv);
	put(m, " to the next level\n\n");
	role_description(m, r);
	if (nn == 0) {
		id(m, lv->id);
		put(m, " is the top of its track for this role: there is no next level.\n\n");
		return;
	}
	for (size_t k = 0; k < nn; k++) {
		const ladder_level *nx = w->next[k];
		heading(m, 2);
		put(m, "What ");
		level_title(m, r, nx);
		put(m, " adds\n\n");
		prose(m, nx->summary);
		if (!lc_view_level_has_text(m->l, r, nx)) {
			id(m, nx->id);
			put(m, " adds " LC_VIEW_NO_NEW " for this role.\n\n");
			continue;
		}
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, m->l, r, &nx, 1);
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
			if (it.group_start)
				new_at_head(m, it.group, 3, nx);
			put(m, "| **");
			cell(m, c->name);
			put(m, "** | ");
			ladder_str s = lc_view_text_at(c, nx);
			ladder_str was = lc_view_was(c, lv, nx);
			if (was.s) {
				if (lc_diff_put_words(m->out, &restated_diff, was, s) < 0)
					m->out->failed = 1;
			} else if (s.s)
				prose_cell(m, s);
			else
				put(m, "*" LC_VIEW_NO_NEW "*");
			next_detail(m, c, lv, nx);
			put(m, " |\n");
			if (lc_view_comp_group_ends(&it))
				put(m, "\n");
		}
	}
}

int lc_emit_markdown(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out)
{
	static const lc_view_walker walker = {
		.ladder_overview = 1,
		.overview = overview,
		.matrices_begin = matrices_begin,
		.matrix = matrix,
		.matrices_end = matrices_end,
		.level = level_view,
		.next = next_view,
	};
	const char *base = lc_view_options(o)->link_base;
	/* a site's role page: one role, every track (build writes no other matrix page) */
	int role_page = base && v->kind == LADDER_VIEW_MATRIX && v->role && !v->track;
	md m = {l, out, base, role_page};
	return lc_view_walk_emit(l, v, o, out, &walker, &m);
}
