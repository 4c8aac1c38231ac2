/* HTML emitter: ladder text (inline, or paragraphs and lists), the marks of
 * what changed since an older version, proficiency badges and examples, and
 * level labels — the pieces every HTML view is made of. */
#include <stdlib.h>

#include "emit_html_parts.h"

#include "diff_emit.h"

/* ---- text ------------------------------------------------------------------- */

/* Ladder text: one line is written inline; several lines, or a line that is
 * a bullet, become paragraphs (lines joined by <br>) and bullet lists, by the
 * rules of lc_view_next_block. */
void lc_html_rich(html *h, ladder_str t)
{
	if (!lc_view_text_has_blocks(t)) {
		esc(h, t);
		return;
	}
	size_t pos = 0;
	lc_view_block b;
	int in_list = 0;
	while (lc_view_next_block(t, &pos, &b)) {
		if (b.bullet && !in_list) {
			LIT(h, "<ul>");
			in_list = 1;
		} else if (!b.bullet && in_list) {
			LIT(h, "</ul>");
			in_list = 0;
		}
		put(h, b.bullet ? "<li>" : "<p>");
		size_t lp = 0;
		ladder_str line;
		int first = 1;
		while (lc_view_block_line(&b, &lp, &line)) {
			if (!first)
				put(h, b.bullet ? "\n" : "<br>\n");
			esc(h, line);
			first = 0;
		}
		put(h, b.bullet ? "</li>" : "</p>");
	}
	if (in_list)
		LIT(h, "</ul>");
}

/* lc_html_rich(), rendered once per role section and copied after: the escaping
 * of repeated text is most of a role page's cost. Short text is cheaper to
 * render than to look up. */
enum { RICH_CACHE_MIN = 48, RICH_CACHE_MAX = 4 << 20 };

void lc_html_rich_reset(html *h)
{
	h->rich_count = 0;
	if (h->rich_cap)
		memset(h->rich_slots, 0, h->rich_cap * sizeof *h->rich_slots);
	lc_buf_clear(&h->rich_done);
}

static rich_slot *rich_find(html *h, ladder_str t)
{
	if (h->rich_count * 2 >= h->rich_cap) {
		size_t cap = h->rich_cap ? 2 * h->rich_cap : 1024;
		rich_slot *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return NULL;
		for (size_t i = 0; i < h->rich_cap; i++) {
			rich_slot *o = &h->rich_slots[i];
			if (!o->key)
				continue;
			size_t k = ((uintptr_t)o->key >> 3) * 0x9E3779B97F4A7C15u & (cap - 1);
			while (slots[k].key)
				k = (k + 1) & (cap - 1);
			slots[k] = *o;
		}
		free(h->rich_slots);
		h->rich_slots = slots;
		h->rich_cap = cap;
	}
	size_t k = ((uintptr_t)t.s >> 3) * 0x9E3779B97F4A7C15u & (h->rich_cap - 1);
	while (h->rich_slots[k].key && (h->rich_slots[k].key != t.s || h->rich_slots[k].len != t.len))
		k = (k + 1) & (h->rich_cap - 1);
	return &h->rich_slots[k];
}

void lc_html_rich_cached(html *h, ladder_str t)
{
	if (h->rich_done.len > RICH_CACHE_MAX)
		lc_html_rich_reset(h); /* pages without role sections: bounded all the same */
	rich_slot *slot = t.len >= RICH_CACHE_MIN ? rich_find(h, t) : NULL;
	if (!slot) {
		lc_html_rich(h, t);
		return;
	}
	if (!slot->key) {
		lc_buf *out = h->out;
		size_t at = h->rich_done.len;
		h->out = &h->rich_done;
		lc_html_rich(h, t);
		h->out = out;
		if (lc_buf_failed(&h->rich_done)) {
			out->failed = 1;
			return;
		}
		slot->key = t.s;
		slot->len = t.len;
		slot->at = at;
		slot->n = h->rich_done.len - at;
		h->rich_count++;
	}
	lc_buf_put(h->out, h->rich_done.data + slot->at, slot->n);
}

/* Ladder text as a block of its own: a paragraph, or for several lines a
 * div of paragraphs and lists. */
void lc_html_block(html *h, ladder_str t)
{
	if (lc_view_text_has_blocks(t)) {
		LIT(h, "<div class=\"text\">");
		lc_html_rich(h, t);
		LIT(h, "</div>\n");
	} else {
		LIT(h, "<p>");
		esc(h, t);
		LIT(h, "</p>\n");
	}
}

/* Appends at most `max` characters of s (whole UTF-8 sequences), then "…" if
 * it was cut. For SVG labels, which cannot wrap. */
void lc_html_esc_trunc(html *h, ladder_str s, size_t max)
{
	size_t chars = 0, i = 0;
	for (; i < s.len; i++) {
		if (((unsigned char)s.s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max)
			break;
		chars++;
	}
	lc_escape_html(h->out, s.s, i);
	if (i < s.len)
		LIT(h, "\xE2\x80\xA6");
}

/* ---- what changed since an older version (render and build --since) ---- */

/* The mark of a changed thing, in words, so that it is read out and seen
 * without colour: "Changed since OLD"; on a site, a link to its entry on
 * the changes page. */
void lc_html_changed_badge(html *h, const lc_change *ch)
{
	const char *since = lc_diff_marks_since(h->o->changed);
	if (h->base) {
		const lc_diff *d = lc_diff_marks_diff(h->o->changed);
		lc_buf_printf(h->out, "<a class=\"badge changed-mark\" href=\"%schanges.html#change-%zu\">", h->base,
		              (size_t)(ch - d->changes));
		LIT(h, "Changed since ");
		lc_escape_html(h->out, since, strlen(since));
		LIT(h, "</a> ");
		return;
	}
	LIT(h, "<strong class=\"badge\">Changed since ");
	lc_escape_html(h->out, since, strlen(since));
	LIT(h, "</strong> ");
}

const lc_change *lc_html_changed_cell(const html *h, const ladder_competency *c, const ladder_level *lv)
{
	return h->o->changed ? lc_diff_marks_cell(h->o->changed, c, lv) : NULL;
}

const lc_change *lc_html_changed_title(const html *h, const ladder_role *r, const ladder_level *lv)
{
	return h->o->changed ? lc_diff_marks_title(h->o->changed, r, lv) : NULL;
}

/* A site role page's summary: how many of its expectations and titles
 * changed, and where every change is. */
void lc_html_changed_summary(html *h, const ladder_role *r)
{
	size_t cells = 0, titles = 0;
	for (size_t k = 0; k < h->l->nlevels; k++) {
		const ladder_level *lv = h->l->levels[k];
		if (!ladder_role_has_level(r, lv))
			continue;
		titles += lc_html_changed_title(h, r, lv) != NULL;
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, h->l, r, &lv, 1);
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));)
			cells += lc_html_changed_cell(h, c, lv) != NULL;
	}
	const char *since = lc_diff_marks_since(h->o->changed);
	LIT(h, "<p class=\"changed-summary\"><strong>Changed since ");
	lc_escape_html(h->out, since, strlen(since));
	lc_buf_printf(h->out, ":</strong> %zu expectation%s and %zu title%s on this page, each marked \xE2\x80\x9C" "Changed since",
	              cells, cells == 1 ? "" : "s", titles, titles == 1 ? "" : "s");
	LIT(h, "\xE2\x80\x9D; every change is on <a href=\"");
	lc_buf_puts(h->out, h->base);
	LIT(h, "changes.html\">the changes page</a>.</p>\n");
}

/* A cell of what is new at a level: the text, or "no new expectations" (never
 * a blank that looks like missing data). `open` is the cell's opening tag. */
void lc_html_new_text_cell(html *h, ladder_str text, const char *open)
{
	if (!text.s) {
		LIT(h, "<td class=\"none\">" LC_VIEW_NO_NEW "</td>");
		return;
	}
	lc_buf_puts(h->out, open);
	lc_html_rich_cached(h, text);
	LIT(h, "</td>");
}

/* ---- proficiency and examples ---- */

/* A proficiency badge: its words say what it is, not its colour. In the
 * next view `next` is 1 and `was` the proficiency in force now. */
void lc_html_proficiency_badge(html *h, const ladder_proficiency *p, const ladder_proficiency *was, int next)
{
	LIT(h, "<p><strong class=\"badge\">Proficiency: ");
	esc(h, p->name);
	LIT(h, "</strong>");
	if (next && was && was != p) {
		LIT(h, " (was ");
		esc(h, was->name);
		LIT(h, ")");
	} else if (next && !was) {
		LIT(h, " (new)");
	}
	LIT(h, "</p>");
}

/* Ladder texts as a list opened by `ul` (evidence, examples). */
void lc_html_text_list(html *h, const char *ul, const ladder_str *items, size_t n)
{
	lc_buf_puts(h->out, ul);
	for (size_t i = 0; i < n; i++) {
		LIT(h, "<li>");
		lc_html_rich(h, items[i]);
		LIT(h, "</li>");
	}
	LIT(h, "</ul>");
}

void lc_html_examples_list(html *h, const ladder_competency *c, const ladder_level *lv)
{
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, lv, &n);
	if (!n)
		return;
	LIT(h, "<p class=\"muted\">Examples:</p>");
	lc_html_text_list(h, "<ul class=\"examples\">", ex, n);
}

/* What a cell adds to its text: its proficiency and examples. */
void lc_html_cell_detail(html *h, const ladder_competency *c, const ladder_level *lv)
{
	const ladder_proficiency *p = ladder_cell_proficiency(c, lv);
	if (p)
		lc_html_proficiency_badge(h, p, NULL, 0);
	lc_html_examples_list(h, c, lv);
}

/* A matrix cell: the text new at lv with its proficiency and examples. */
void lc_html_detail_text_cell(html *h, const ladder_competency *c, const ladder_level *lv, const char *open)
{
	ladder_str text = lc_view_text_at(c, lv);
	if (!text.s || !c->detail) {
		lc_html_new_text_cell(h, text, open);
		return;
	}
	lc_buf_puts(h->out, open);
	lc_html_rich_cached(h, text);
	lc_html_cell_detail(h, c, lv);
	LIT(h, "</td>");
}

/* A restated competency's next text, word-diffed against the text in force
 * now: the marks of `ladderc diff --format html`, line breaks kept. */
static void html_lines(lc_buf *out, const char *s, size_t len)
{
	size_t line = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n') {
			lc_escape_html(out, s + line, i - line);
			lc_buf_puts(out, "<br>");
			line = i + 1;
		}
	lc_escape_html(out, s + line, len - line);
}

/* screen readers do not announce <del> and <ins>: the words are said */
static const lc_diff_style restated_diff = {html_lines, "<del><span class=\"vh\">removed: </span>", "</del>",
                                            "<ins><span class=\"vh\">added: </span>", "</ins>", "<br>", " "};

void lc_html_words_diff(html *h, ladder_str was, ladder_str now)
{
	LIT(h, "<p>");
	if (lc_diff_put_words(h->out, &restated_diff, was, now) < 0)
		h->out->failed = 1;
	LIT(h, "</p>");
}

void lc_html_words_diff_cell(html *h, ladder_str was, ladder_str now)
{
	LIT(h, "<td class=\"added\">");
	lc_html_words_diff(h, was, now);
	LIT(h, "</td>");
}

/* A competency group's heading row: each group is a <tbody> of its own, so
 * the heading's scope="rowgroup" covers exactly the group's rows. */
void lc_html_group_heading_row(html *h, const ladder_group *g, size_t colspan, int *open)
{
	if (*open)
		LIT(h, "</tbody>\n");
	LIT(h, "<tbody><tr><th scope=\"rowgroup\" colspan=\"");
	num(h, colspan);
	LIT(h, "\"><span>");
	esc(h, g->name);
	LIT(h, "</span></th></tr>\n");
	*open = 1;
}

/* A level's id, then its name between `before` and `after` unless the name
 * only repeats the id. */
void lc_html_level_label_apart(html *h, const ladder_level *lv, const char *before, const char *after)
{
	esc(h, lv->id);
	if (lc_view_level_name_shown(lv)) {
		put(h, before);
		esc(h, lv->name);
		put(h, after);
	}
}

/* "E3 Senior": a heading's or a table head's label. */
void lc_html_level_label(html *h, const ladder_level *lv)
{
	lc_html_level_label_apart(h, lv, " ", "");
}

/* The role's title at lv, or the level's name where it resolves to nothing. */
ladder_str lc_html_role_title(const ladder_role *r, const ladder_level *lv)
{
	ladder_str t = r->title[lv->index];
	return t.s ? t : lv->name;
}

/* ": TITLE" after a level's label, or nothing where the level gives no title. */
void lc_html_title_suffix(html *h, const ladder_role *r, const ladder_level *lv)
{
	if (!r->title[lv->index].s)
		return;
	LIT(h, ": ");
	esc(h, r->title[lv->index]);
}
