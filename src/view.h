/* Private: the views' shared logic, for every emitter (src/emit_*.c).
 *
 * The formats differ only in how they write things; what a view contains is
 * decided here, once: which roles and tracks it shows, which levels make up a
 * track's chain, what is new at a level, what a level holds cumulatively,
 * what the next level adds, and the anchors (permalink ids) built from ids.
 *
 * Semantics (docs/output.md):
 * - Matrix: per role and track, the track's whole chain as columns; a cell is
 *   the text new at that level (c->text[level->index]); an empty cell reads
 *   LC_VIEW_NO_NEW. Without a --track, a role shows one matrix per track that
 *   ends a chain among its tracks (E and L, not IC, which both contain).
 * - Level: every text of the role's competencies on the level's chain, lowest
 *   level first, each with the level it comes from; texts of the level
 *   itself are "new".
 * - Next: the texts new at each of ladder_next_levels(l, role, level).
 * - A restated competency (ladder_expectations) shows, in level views, only
 *   its text in force; in next views, the next level's text with a word diff
 *   against the text in force now (lc_view_was).
 * Everything here is linear in what it walks and allocates nothing. */
#ifndef LADDERC_VIEW_H
#define LADDERC_VIEW_H

#include <stddef.h>

#include "ladderc/buf.h"
#include "ladderc/emit.h"
#include "ladderc/ladder.h"

/* What an empty matrix cell says (never a blank that looks like missing data). */
#define LC_VIEW_NO_NEW "no new expectations"
/* What a matrix cell says where the competency does not apply (its scope:
 * ladder_competency_applies), as against applying with nothing new. */
#define LC_VIEW_NOT_APPLICABLE "does not apply at this level"

/* ---- roles and tracks ----------------------------------------------------- */

/* 1 if view v shows role r: v->role when set, else every role; level and next
 * views show only roles whose tracks hold v->level. */
int lc_view_shows_role(const ladder_view *v, const ladder_role *r);

/* The tracks of r's matrices: `only` when not NULL (if r takes it), else every
 * track of r that no other track of r continues from, in ladder order.
 * `out` holds l->ntracks entries. Returns the number written. */
size_t lc_view_matrix_tracks(const ladder *l, const ladder_role *r, const ladder_track *only,
                          const ladder_track **out);

/* The number of levels in t's whole chain: the levels it continues from
 * (IC1, IC2 for E) and its own. */
size_t lc_view_chain_len(const ladder_track *t);
/* Writes t's whole chain, lowest first, to out (lc_view_chain_len(t) entries).
 * Returns the number written. */
size_t lc_view_track_chain(const ladder_track *t, const ladder_level **out);
/* The columns of r's matrix for track t: t's whole chain without the levels
 * that are not the role's (`levels:`). `out` holds lc_view_chain_len(t)
 * entries. Returns the number written. */
size_t lc_view_role_chain(const ladder_role *r, const ladder_track *t, const ladder_level **out);
/* The longest chain in the ladder: a size for chain arrays. */
size_t lc_view_max_chain(const ladder *l);

/* 0 when a level's name only repeats its id (`id: J1, name: J1`): labels
 * that show the id then leave the name out instead of saying it twice. */
int lc_view_level_name_shown(const ladder_level *lv);

/* ---- titles ------------------------------------------------------------------ */

/* What the titles table says of role r at level lv. */
typedef enum lc_view_title_kind {
	LC_VIEW_TITLE_GIVEN,      /* r->title[lv->index] */
	LC_VIEW_TITLE_NONE,       /* the level gives no title (`title: ""`) */
	LC_VIEW_TITLE_OFF_TRACKS, /* lv is not on r's tracks (r names no `levels:`) */
	LC_VIEW_TITLE_OFF_LEVELS  /* r names `levels:` and lv is not one of them */
} lc_view_title_kind;

lc_view_title_kind lc_view_title_of(const ladder_role *r, const ladder_level *lv);
/* The words for a kind other than LC_VIEW_TITLE_GIVEN, e.g. "no title". */
const char *lc_view_title_words(lc_view_title_kind k);

/* ---- competencies ---------------------------------------------------------- */

/* Walks a role's competencies group by group (company-wide groups that
 * apply to the role first, then the role's own), skipping empty groups and
 * the competencies that apply at none of the levels at[0..nat)
 * (ladder_competency_applies): a view's columns, its level, or the next
 * level. With nat == 0 every competency of the role's groups. */
typedef struct lc_view_comp_iter {
	const ladder *l;
	const ladder_role *r;
	const ladder_level *const *at;
	size_t nat;
	size_t g, c;
	const ladder_group *cur;    /* group g, or NULL before it is looked up */
	const ladder_group *group;  /* the group of the competency just returned */
	int group_start;            /* 1 when it is the first of its group shown */
} lc_view_comp_iter;

void lc_view_comp_begin(lc_view_comp_iter *it, const ladder *l, const ladder_role *r,
                        const ladder_level *const *at, size_t nat);
/* The next competency, or NULL past the end. */
const ladder_competency *lc_view_comp_next(lc_view_comp_iter *it);
/* 1 when the competency just returned is the last of its group shown. */
int lc_view_comp_group_ends(const lc_view_comp_iter *it);
/* The words of an empty matrix cell of c at lv for r: LC_VIEW_NO_NEW, or
 * LC_VIEW_NOT_APPLICABLE where c does not apply. */
const char *lc_view_empty_cell(const ladder_competency *c, const ladder_role *r, const ladder_level *lv);
/* 1 if c applies for r at any of at[0..nat) (always when nat == 0). */
int lc_view_applies_at_any(const ladder_competency *c, const ladder_role *r, const ladder_level *const *at,
                           size_t nat);

/* The text new at lv (s == NULL when the ladder says nothing there). */
static inline ladder_str lc_view_text_at(const ladder_competency *c, const ladder_level *lv)
{
	return c->text[lv->index];
}

/* Cumulative expectations: the levels of `chain` (lowest first, as from
 * ladder_chain) at which c has text, lowest first. `out` holds nchain
 * entries. Returns the number written. */
size_t lc_view_cumulative(const ladder_competency *c, const ladder_level *const *chain, size_t nchain,
                       const ladder_level **out);

/* ---- restated competencies ---------------------------------------------------- */
/* A restated competency (ladder_expectations) restates itself at each level:
 * what is expected at a level is one text, the text in force there. */

/* What a level view and a review sheet show of c at the last level of
 * `chain` (lowest first, as from ladder_chain): cumulative, every level with
 * text (lc_view_cumulative); restated, only the level whose text is in force
 * (ladder_expectation_source), or none. `out` holds nchain entries. Returns
 * the number written. */
size_t lc_view_in_force(const ladder_competency *c, const ladder_level *const *chain, size_t nchain,
                        const ladder_level **out);

/* The next view's "was" for c going from lv to the next level nx: the text
 * in force at lv when c is restated and restates itself at nx (s == NULL
 * otherwise: nothing to diff against). */
ladder_str lc_view_was(const ladder_competency *c, const ladder_level *lv, const ladder_level *nx);

/* 1 if any of the role's competencies that apply at lv has text there. */
int lc_view_level_has_text(const ladder *l, const ladder_role *r, const ladder_level *lv);

/* Promotion criteria written for promotion into lv (`into: LV:`), or NULL.
 * Linear in the number of `into` entries: for one level. */
const ladder_criteria *lc_view_promotion_into(const ladder *l, const ladder_level *lv);
/* The same for every level at once: out[level index] (out holds l->nlevels). */
void lc_view_promotion_by_level(const ladder *l, const ladder_criteria **out);

/* ---- anchors ---------------------------------------------------------------- */
/* Stable ids for headings and permalinks, built only from validated ids
 * (letters, digits, '-' and '_') joined by '.', which no id contains, with a
 * kind word so that no two anchors can collide:
 *   ladder.overview ladder.tracks ladder.titles ladder.promotion ladder.paths
 *   ROLE  ROLE.track.TRACK  ROLE.track.TRACK.COMP  ROLE.level.LEVEL
 *   ROLE.level.LEVEL.COMP  ROLE.next.LEVEL  ROLE.competency.COMP
 * where COMP is a competency's id, or GROUP.COMP for one of the role's own
 * groups (its id may equal a company-wide competency's). */
void lc_view_anchor_role(lc_buf *b, const ladder_role *r);
void lc_view_anchor_matrix(lc_buf *b, const ladder_role *r, const ladder_track *t);
void lc_view_anchor_matrix_row(lc_buf *b, const ladder_role *r, const ladder_track *t,
                            const ladder_competency *c);
void lc_view_anchor_level(lc_buf *b, const ladder_role *r, const ladder_level *lv);
void lc_view_anchor_level_row(lc_buf *b, const ladder_role *r, const ladder_level *lv,
                           const ladder_competency *c);
void lc_view_anchor_next(lc_buf *b, const ladder_role *r, const ladder_level *lv);
void lc_view_anchor_competency(lc_buf *b, const ladder_role *r, const ladder_competency *c);

/* ---- overview --------------------------------------------------------------- */

/* Intro text splits into blocks: paragraphs (separated by blank lines) and
 * bullets ("- " lines; more-indented lines after one continue it). */
typedef struct lc_view_block {
	int bullet;
	ladder_str text;  /* the block's lines, '\n' between them, bullet marker and
	                     continuation indent removed, no trailing newline */
} lc_view_block;

/* Reads the block at *pos and moves past it. Returns 0 at the end. Blocks
 * point into `text`; continuation lines keep their '\n' separators and their
 * leading spaces are skipped by the caller via lc_view_block_line. */
int lc_view_next_block(ladder_str text, size_t *pos, lc_view_block *out);
/* Iterates the lines of a block with leading spaces removed: returns 0 at
 * the end. *pos starts at 0. */
int lc_view_block_line(const lc_view_block *b, size_t *pos, ladder_str *line);

/* 1 if t needs the block rules above: it holds a line break or starts with a
 * bullet ("- x", a list of one). Other text is written as it is. */
int lc_view_text_has_blocks(ladder_str t);

/* How a format writes ladder text where it cannot nest paragraphs and lists
 * (a Markdown table cell, a CSV field): the blocks of lc_view_next_block,
 * each bullet's lines joined by a space after `bullet`, a paragraph's lines
 * and consecutive bullets separated by `line_break`, other blocks by
 * `block_break`. Nothing is written before the first block or after the
 * last, so a block scalar's final newline never shows. */
typedef struct lc_view_flat_style {
	const char *bullet;
	const char *line_break;
	const char *block_break;
} lc_view_flat_style;

/* Writes t to out by `style`; every piece of ladder text goes through
 * put(out, piece) (the format's escaper), the separators as they are. Text
 * without blocks (lc_view_text_has_blocks) goes to put whole. */
void lc_view_flat_text(lc_buf *out, ladder_str t, const lc_view_flat_style *style,
                       void (*put)(lc_buf *out, ladder_str piece));

/* The tracks as a plain-text diagram of level ids, one line per track, each
 * line starting with `indent`, e.g.
 *   IC1 → IC2
 *          ├→ E3 → E4 → E5 → E6
 *          └→ L3 → L4 → L5 → L6
 * Equivalent levels (equal rank) line up in the same column. Ids only (all
 * ASCII), so the lines are safe inside a Markdown code block. */
void lc_view_track_diagram(const ladder *l, lc_buf *out, const char *indent);

#endif
