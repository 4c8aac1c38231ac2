/* The views' shared logic: what each view shows, for every format. */
#include "view.h"
#include <string.h>
#include <stdlib.h>

/* ---- roles and tracks ----------------------------------------------------- */

static int role_takes_track(const ladder_role *r, const ladder_track *t)
{
	for (size_t i = 0; i < r->ntracks; i++)
		if (r->tracks[i] == t)
			return 1;
	return 0;
}

int lc_view_shows_role(const ladder_view *v, const ladder_role *r)
{
	if (v->role && v->role != r)
		return 0;
	if ((v->kind == LADDER_VIEW_LEVEL || v->kind == LADDER_VIEW_NEXT) && v->level &&
	    !ladder_role_has_level(r, v->level))
		return 0;
	if (v->track && !role_takes_track(r, v->track))
		return 0;
	return 1;
}

size_t lc_view_matrix_tracks(const ladder *l, const ladder_role *r, const ladder_track *only,
                          const ladder_track **out)
{
	(void)l;
	if (only) {
		if (!role_takes_track(r, only))
			return 0;
		out[0] = only;
		return 1;
	}
	size_t n = 0;
	for (size_t i = 0; i < r->ntracks; i++) {
		const ladder_track *t = r->tracks[i];
		if (t->nlevels == 0)
			continue;
		const ladder_level *top = t->levels[t->nlevels - 1];
		int continued = 0;
		for (size_t k = 0; k < r->ntracks && !continued; k++)
			continued = r->tracks[k]->from == top && r->tracks[k]->nlevels > 0;
		if (!continued)
			out[n++] = t;
	}
	return n;
}

size_t lc_view_chain_len(const ladder_track *t)
{
	return (t->from ? t->from->rank : 0) + t->nlevels;
}

size_t lc_view_track_chain(const ladder_track *t, const ladder_level **out)
{
	size_t n = t->from ? ladder_chain(t->from, out) : 0;
	for (size_t i = 0; i < t->nlevels; i++)
		out[n++] = t->levels[i];
	return n;
}

size_t lc_view_role_chain(const ladder_role *r, const ladder_track *t, const ladder_level **out)
{
	size_t n = lc_view_track_chain(t, out), kept = 0;
	for (size_t i = 0; i < n; i++)
		if (ladder_role_has_level(r, out[i]))
			out[kept++] = out[i];
	return kept;
}

size_t lc_view_max_chain(const ladder *l)
{
	size_t max = 0;
	for (size_t i = 0; i < l->nlevels; i++)
		if (l->levels[i]->rank > max)
			max = l->levels[i]->rank;
	return max;
}

int lc_view_level_name_shown(const ladder_level *lv)
{
	return lv->name.s && !(lv->name.len == lv->id.len && memcmp(lv->name.s, lv->id.s, lv->id.len) == 0);
}

/* ---- titles ------------------------------------------------------------------ */

lc_view_title_kind lc_view_title_of(const ladder_role *r, const ladder_level *lv)
{
	if (r->title[lv->index].s)
		return LC_VIEW_TITLE_GIVEN;
	if (ladder_role_has_level(r, lv))
		return LC_VIEW_TITLE_NONE;
	/* a role that names its levels is defined by them, whatever its tracks */
	return r->in_levels ? LC_VIEW_TITLE_OFF_LEVELS : LC_VIEW_TITLE_OFF_TRACKS;
}

const char *lc_view_title_words(lc_view_title_kind k)
{
	switch (k) {
	case LC_VIEW_TITLE_NONE:
		return "no title";
	case LC_VIEW_TITLE_OFF_TRACKS:
		return "not on this role's tracks";
	case LC_VIEW_TITLE_OFF_LEVELS:
		return "not one of this role's levels";
	case LC_VIEW_TITLE_GIVEN:
		break;
	}
	return "";
}

/* ---- competencies ---------------------------------------------------------- */

void lc_view_comp_begin(lc_view_comp_iter *it, const ladder *l, const ladder_role *r,
                        const ladder_level *const *at, size_t nat)
{
	it->l = l;
	it->r = r;
	it->at = at;
	it->nat = nat;
	it->g = 0;
	it->c = 0;
	it->cur = NULL;
	it->group = NULL;
	it->group_start = 0;
}

int lc_view_applies_at_any(const ladder_competency *c, const ladder_role *r, const ladder_level *const *at,
                           size_t nat)
{
	if (nat == 0)
		return 1;
	for (size_t i = 0; i < nat; i++)
		if (ladder_competency_applies(c, r, at[i]))
			return 1;
	return 0;
}

const ladder_competency *lc_view_comp_next(lc_view_comp_iter *it)
{
	for (;;) {
		if (!it->cur && !(it->cur = ladder_role_group(it->l, it->r, it->g)))
			return NULL;
		while (it->c < it->cur->ncompetencies) {
			const ladder_competency *c = it->cur->competencies[it->c++];
			if (!lc_view_applies_at_any(c, it->r, it->at, it->nat))
				continue;
			it->group_start = it->group != it->cur;
			it->group = it->cur;
			return c;
		}
		it->g++;
		it->c = 0;
		it->cur = NULL;
	}
}

const char *lc_view_empty_cell(const ladder_competency *c, const ladder_role *r, const ladder_level *lv)
{
	return ladder_competency_applies(c, r, lv) ? LC_VIEW_NO_NEW : LC_VIEW_NOT_APPLICABLE;
}

int lc_view_comp_group_ends(const lc_view_comp_iter *it)
{
	for (size_t i = it->c; i < it->cur->ncompetencies; i++)
		if (lc_view_applies_at_any(it->cur->competencies[i], it->r, it->at, it->nat))
			return 0;
	return 1;
}

size_t lc_view_cumulative(const ladder_competency *c, const ladder_level *const *chain, size_t nchain,
                       const ladder_level **out)
{
	size_t n = 0;
	for (size_t i = 0; i < nchain; i++)
		if (c->text[chain[i]->index].s)
			out[n++] = chain[i];
	return n;
}

size_t lc_view_in_force(const ladder_competency *c, const ladder_level *const *chain, size_t nchain,
                        const ladder_level **out)
{
	if (c->expectations != LADDER_EXPECTATIONS_RESTATED)
		return lc_view_cumulative(c, chain, nchain, out);
	const ladder_level *src = nchain ? ladder_expectation_source(c, chain[nchain - 1]) : NULL;
	if (!src)
		return 0;
	out[0] = src;
	return 1;
}

ladder_str lc_view_was(const ladder_competency *c, const ladder_level *lv, const ladder_level *nx)
{
	ladder_str none = {NULL, 0};
	if (c->expectations != LADDER_EXPECTATIONS_RESTATED || !c->text[nx->index].s)
		return none;
	const ladder_level *src = ladder_expectation_source(c, lv);
	return src ? c->text[src->index] : none;
}

int lc_view_level_has_text(const ladder *l, const ladder_role *r, const ladder_level *lv)
{
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, l, r, &lv, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));)
		if (c->text[lv->index].s)
			return 1;
	return 0;
}

const ladder_criteria *lc_view_promotion_into(const ladder *l, const ladder_level *lv)
{
	for (size_t i = 0; i < l->promotion.ninto; i++)
		if (l->promotion.into[i].level == lv)
			return &l->promotion.into[i].criteria;
	return NULL;
}

void lc_view_promotion_by_level(const ladder *l, const ladder_criteria **out)
{
	for (size_t i = 0; i < l->nlevels; i++)
		out[i] = NULL;
	for (size_t i = 0; i < l->promotion.ninto; i++)
		out[l->promotion.into[i].level->index] = &l->promotion.into[i].criteria;
}

/* ---- anchors ---------------------------------------------------------------- */

static void put_str(lc_buf *b, ladder_str s)
{
	lc_buf_put(b, s.s, s.len);
}

static void anchor2(lc_buf *b, const ladder_role *r, const char *kind, ladder_str id)
{
	put_str(b, r->id);
	lc_buf_putc(b, '.');
	lc_buf_puts(b, kind);
	lc_buf_putc(b, '.');
	put_str(b, id);
}

/* A competency within a role's anchor: its id; GROUP.COMP for a role's
 * competency that reuses a company-wide competency's id (the loader marks
 * it), so every existing anchor stays as it was and none repeats. Role group
 * ids never equal company-wide ones and role competency ids are unique
 * within the role, so the two shapes never meet. */
static void put_competency(lc_buf *b, const ladder_competency *c)
{
	if (c->anchor_group) {
		put_str(b, c->group->id);
		lc_buf_putc(b, '.');
	}
	put_str(b, c->id);
}

void lc_view_anchor_role(lc_buf *b, const ladder_role *r)
{
	put_str(b, r->id);
}

void lc_view_anchor_matrix(lc_buf *b, const ladder_role *r, const ladder_track *t)
{
	anchor2(b, r, "track", t->id);
}

void lc_view_anchor_matrix_row(lc_buf *b, const ladder_role *r, const ladder_track *t,
                            const ladder_competency *c)
{
	anchor2(b, r, "track", t->id);
	lc_buf_putc(b, '.');
	put_competency(b, c);
}

void lc_view_anchor_level(lc_buf *b, const ladder_role *r, const ladder_level *lv)
{
	anchor2(b, r, "level", lv->id);
}

void lc_view_anchor_level_row(lc_buf *b, const ladder_role *r, const ladder_level *lv,
                           const ladder_competency *c)
{
	anchor2(b, r, "level", lv->id);
	lc_buf_putc(b, '.');
	put_competency(b, c);
}

void lc_view_anchor_next(lc_buf *b, const ladder_role *r, const ladder_level *lv)
{
	anchor2(b, r, "next", lv->id);
}

void lc_view_anchor_competency(lc_buf *b, const ladder_role *r, const ladder_competency *c)
{
	put_str(b, r->id);
	lc_buf_puts(b, ".competency.");
	put_competency(b, c);
}

/* ---- intro blocks ------------------------------------------------------------ */

/* The end of the line starting at p (the '\n' or the end of the text). */
static size_t line_end(ladder_str t, size_t p)
{
	const char *nl = memchr(t.s + p, '\n', t.len - p);
	return nl ? (size_t)(nl - t.s) : t.len;
}

static int blank_line(ladder_str t, size_t p, size_t end)
{
	for (; p < end; p++)
		if (t.s[p] != ' ' && t.s[p] != '\t' && t.s[p] != '\r')
			return 0;
	return 1;
}

static int bullet_line(ladder_str t, size_t p, size_t end)
{
	return end - p >= 2 && t.s[p] == '-' && t.s[p + 1] == ' ';
}

int lc_view_next_block(ladder_str text, size_t *pos, lc_view_block *out)
{
	size_t p = *pos;
	if (!text.s)
		return 0;
	for (;;) { /* skip blank lines */
		if (p >= text.len) {
			*pos = p;
			return 0;
		}
		size_t e = line_end(text, p);
		if (!blank_line(text, p, e))
			break;
		p = e < text.len ? e + 1 : e;
	}
	size_t e = line_end(text, p);
	out->bullet = bullet_line(text, p, e);
	size_t start = out->bullet ? p + 2 : p;
	size_t last = e;
	p = e < text.len ? e + 1 : e;
	while (p < text.len) {
		e = line_end(text, p);
		if (blank_line(text, p, e))
			break;
		if (out->bullet ? (text.s[p] != ' ' && text.s[p] != '\t') : bullet_line(text, p, e))
			break;
		last = e;
		p = e < text.len ? e + 1 : e;
	}
	if (last > start && text.s[last - 1] == '\r')
		last--;
	out->text.s = text.s + start;
	out->text.len = last - start;
	*pos = p;
	return 1;
}

int lc_view_block_line(const lc_view_block *b, size_t *pos, ladder_str *line)
{
	size_t p = *pos;
	if (p > b->text.len)
		return 0;
	size_t e = line_end(b->text, p);
	size_t s = p;
	while (s < e && (b->text.s[s] == ' ' || b->text.s[s] == '\t'))
		s++;
	size_t end = e;
	if (end > s && b->text.s[end - 1] == '\r')
		end--;
	line->s = b->text.s + s;
	line->len = end - s;
	*pos = e + 1;
	return 1;
}

int lc_view_text_has_blocks(ladder_str t)
{
	return t.s && (memchr(t.s, '\n', t.len) != NULL || bullet_line(t, 0, t.len));
}

void lc_view_flat_text(lc_buf *out, ladder_str t, const lc_view_flat_style *style,
                       void (*put)(lc_buf *out, ladder_str piece))
{
	if (!lc_view_text_has_blocks(t)) {
		if (t.s)
			put(out, t);
		return;
	}
	size_t pos = 0;
	lc_view_block b;
	int prev = -1; /* -1 before the first block, else 1 after a bullet */
	while (lc_view_next_block(t, &pos, &b)) {
		if (prev >= 0)
			lc_buf_puts(out, prev && b.bullet ? style->line_break : style->block_break);
		if (b.bullet)
			lc_buf_puts(out, style->bullet);
		size_t lp = 0;
		ladder_str line;
		for (int first = 1; lc_view_block_line(&b, &lp, &line); first = 0) {
			if (!first)
				lc_buf_puts(out, b.bullet ? " " : style->line_break);
			put(out, line);
		}
		prev = b.bullet;
	}
}

/* ---- track diagram ------------------------------------------------------------ */

#define ARROW " \xE2\x86\x92 "     /* " → " */
#define BRANCH "\xE2\x94\x9C\xE2\x86\x92 " /* "├→ " */
#define LAST "\xE2\x94\x94\xE2\x86\x92 "   /* "└→ " */
enum { ARROW_COLS = 3 };

static void spaces(lc_buf *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lc_buf_putc(out, ' ');
}

/* col[r] is the column of rank r + 1; width[r] the widest id of that rank. */
static void diagram_track(const ladder *l, const ladder_track *t, const size_t *col, const size_t *width,
                          const char *connector, lc_buf *out, const char *indent, unsigned depth)
{
	if (t->nlevels == 0 || depth > l->ntracks)
		return;
	lc_buf_puts(out, indent);
	uint32_t r0 = t->levels[0]->rank - 1;
	if (connector) {
		spaces(out, col[r0] - ARROW_COLS);
		lc_buf_puts(out, connector);
	} else {
		spaces(out, col[r0]);
	}
	for (size_t i = 0; i < t->nlevels; i++) {
		const ladder_level *lv = t->levels[i];
		put_str(out, lv->id);
		if (i + 1 < t->nlevels) {
			spaces(out, width[lv->rank - 1] - lv->id.len);
			lc_buf_puts(out, ARROW);
		}
	}
	lc_buf_putc(out, '\n');
	/* children: tracks continuing from one of t's levels, the last with └ */
	size_t last = l->ntracks;
	for (size_t i = 0; i < l->ntracks; i++)
		if (l->tracks[i]->from && l->tracks[i]->from->track == t && l->tracks[i]->nlevels > 0)
			last = i;
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *c = l->tracks[i];
		if (c->from && c->from->track == t && c->nlevels > 0)
			diagram_track(l, c, col, width, i == last ? LAST : BRANCH, out, indent, depth + 1);
	}
}

void lc_view_track_diagram(const ladder *l, lc_buf *out, const char *indent)
{
	size_t maxrank = lc_view_max_chain(l);
	if (maxrank == 0)
		return;
	size_t *width = calloc(2 * maxrank, sizeof *width);
	if (!width) {
		out->failed = 1;
		return;
	}
	size_t *col = width + maxrank;
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		if (lv->id.len > width[lv->rank - 1])
			width[lv->rank - 1] = lv->id.len;
	}
	for (size_t r = 1; r < maxrank; r++)
		col[r] = col[r - 1] + width[r - 1] + ARROW_COLS;
	for (size_t i = 0; i < l->ntracks; i++)
		if (!l->tracks[i]->from)
			diagram_track(l, l->tracks[i], col, width, NULL, out, indent, 0);
	free(width);
}
