/* Private: what the files of the HTML emitter share — its state, the small
 * writers every part uses, and each part's entry points. The emitter is one
 * pass over the model split by what it writes; src/emit_html.c says how. */
#ifndef LADDERC_EMIT_HTML_PARTS_H
#define LADDERC_EMIT_HTML_PARTS_H

#include <stddef.h>
#include <string.h>

#include "ladderc/diff.h"
#include "ladderc/emit.h"
#include "escape.h"
#include "view.h"
#include "view_walk.h"

typedef struct html {
	const ladder *l;
	const ladder_view *v;
	const ladder_emit_options *o;
	lc_buf *out;
	const char *base;            /* link_base: pages of a site; NULL: one page */
	int roles_here;              /* role sections with level sections are on this page */
	lc_view_walk scratch;        /* the views' scratch arrays, aliased below */
	const ladder_level **chain;  /* scratch, lc_view_max_chain entries */
	const ladder_level **cum;    /* scratch, lc_view_max_chain entries */
	const ladder_level **next;   /* scratch, ntracks + 1 entries */
	const ladder_track **tracks; /* scratch, ntracks entries */
	lc_buf tmp;                  /* scratch for anchors */
	/* Ladder text rendered once per role section (rich_cached): a role shows
	 * an expectation in its matrix and again in every level section above it. */
	struct rich_slot *rich_slots;
	size_t rich_cap, rich_count;  /* rich_cap: a power of two, or 0 */
	lc_buf rich_done;
} html;

typedef struct rich_slot {
	const char *key;             /* the text's address: one per text of the model */
	size_t len, at, n;           /* the text's length; its rendering in rich_done */
} rich_slot;

/* Appends a string literal (the "" makes anything else a compile error). */
#define LIT(h, s) lc_buf_put((h)->out, "" s, sizeof("" s) - 1)

static inline void put(html *h, const char *s)
{
	lc_buf_puts(h->out, s);
}

static inline void raw(html *h, ladder_str s)
{
	lc_buf_put(h->out, s.s, s.len);
}

static inline void esc(html *h, ladder_str s)
{
	lc_escape_html(h->out, s.s, s.len);
}

static inline void esc_c(html *h, const char *s)
{
	lc_escape_html(h->out, s, strlen(s));
}

static inline void num(html *h, size_t n)
{
	char d[24];
	size_t i = sizeof d;
	do
		d[--i] = (char)('0' + n % 10);
	while (n /= 10);
	lc_buf_put(h->out, d + i, sizeof d - i);
}

/* "<hN" and "</hN>" with N clamped to 1..6 (written out: printf is slow
 * for a heading per competency). */
static inline void open_h(html *h, int n)
{
	char t[3] = {'<', 'h', (char)('0' + (n < 1 ? 1 : n > 6 ? 6 : n))};
	lc_buf_put(h->out, t, sizeof t);
}

static inline void close_h(html *h, int n)
{
	char t[6] = {'<', '/', 'h', (char)('0' + (n < 1 ? 1 : n > 6 ? 6 : n)), '>', '\n'};
	lc_buf_put(h->out, t, sizeof t);
}

/* ---- the page frame, links and whole pages (emit_html.c) */
void lc_html_put_id(html *h);
void lc_html_tmp_reset(html *h);
int lc_html_can_link_roles(const html *h);
void lc_html_href_role(html *h, const ladder_role *r);
void lc_html_href_level(html *h, const ladder_role *r, const ladder_level *lv);

/* ---- ladder text, change marks, proficiency and labels (emit_html_text.c) */
void lc_html_rich(html *h, ladder_str t);
void lc_html_rich_reset(html *h);
void lc_html_rich_cached(html *h, ladder_str t);
void lc_html_block(html *h, ladder_str t);
void lc_html_esc_trunc(html *h, ladder_str s, size_t max);
void lc_html_changed_badge(html *h, const lc_change *ch);
const lc_change *lc_html_changed_cell(const html *h, const ladder_competency *c, const ladder_level *lv);
const lc_change *lc_html_changed_title(const html *h, const ladder_role *r, const ladder_level *lv);
void lc_html_changed_summary(html *h, const ladder_role *r);
void lc_html_new_text_cell(html *h, ladder_str text, const char *open);
void lc_html_proficiency_badge(html *h, const ladder_proficiency *p, const ladder_proficiency *was, int next);
void lc_html_text_list(html *h, const char *ul, const ladder_str *items, size_t n);
void lc_html_examples_list(html *h, const ladder_competency *c, const ladder_level *lv);
void lc_html_cell_detail(html *h, const ladder_competency *c, const ladder_level *lv);
void lc_html_detail_text_cell(html *h, const ladder_competency *c, const ladder_level *lv, const char *open);
void lc_html_words_diff(html *h, ladder_str was, ladder_str now);
void lc_html_words_diff_cell(html *h, ladder_str was, ladder_str now);
void lc_html_group_heading_row(html *h, const ladder_group *g, size_t colspan, int *open);
void lc_html_level_label_apart(html *h, const ladder_level *lv, const char *before, const char *after);
void lc_html_level_label(html *h, const ladder_level *lv);
ladder_str lc_html_role_title(const ladder_role *r, const ladder_level *lv);
void lc_html_title_suffix(html *h, const ladder_role *r, const ladder_level *lv);

/* ---- the overview: tracks, titles, promotion, paths, roles (emit_html_overview.c) */
void lc_html_overview(html *h, int hn);

/* ---- a role: its matrices and level sections (emit_html_role.c) */
void lc_html_expectation_li(html *h, const ladder_competency *c, const ladder_level *from,
                            const ladder_level *at);
void lc_html_level_section(html *h, const ladder_role *r, const ladder_level *lv, int hn, int cumulative);
void lc_html_role_section(html *h, const ladder_role *r, const ladder_track *only, int levels, int hn);

/* ---- the level pages: next level and self-review sheet (emit_html_next.c) */
void lc_html_next_section(html *h, const ladder_role *r, const ladder_level *lv, int hn);
void lc_html_sheet_section(html *h, const ladder_role *r, const ladder_level *lv, int hn);

#endif
