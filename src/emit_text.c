/* Plain text for terminals (and git's textconv): headings underlined,
 * nested lists indented, every piece of ladder text wrapped to the width.
 *
 * Width is counted in code points (one column each; good enough for
 * Latin, Hebrew and Arabic, approximate for emoji and CJK). Words longer than
 * a line are cut. Control characters (NUL included) become U+FFFD so nothing
 * from the ladder can drive the terminal; tabs become spaces; bidi overrides
 * left open are closed at the end of each text. The parts of a view are
 * callbacks of the view walk (src/view_walk.h). */
#include "ladderc/emit.h"
#include "ladderc/diff.h"

#include <string.h>

#include "escape.h"
#include "text.h"
#include "diff_emit.h"
#include "view.h"
#include "view_walk.h"

enum { TEXT_DEFAULT_WIDTH = 80, TEXT_MIN_WIDTH = 20 };

typedef struct tx {
	const ladder *l;
	lc_buf *out;
	size_t width;
	lc_buf h; /* scratch: a heading or a joined line before it is wrapped */
	lc_buf joined; /* scratch: a bullet's lines joined before they are wrapped */
} tx;

static void put(tx *t, const char *s)
{
	lc_buf_puts(t->out, s);
}

static void id(tx *t, ladder_str s)
{
	lc_buf_put(t->out, s.s, s.len);
}

static void spaces(tx *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lc_buf_putc(t->out, ' ');
}

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Columns of p[0..n): code points. */
static size_t cols(const char *p, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += !is_cont((unsigned char)p[i]);
	return w;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Writes s wrapped at t->width: `used` columns of the current line are
 * already written (0: none, and the indent is written first); later lines
 * start with `indent` spaces. Ends with a newline. */
static void wrap_from(tx *t, ladder_str s, size_t indent, size_t used)
{
	if (!s.s)
		return;
	size_t width = t->width > indent + 10 ? t->width : indent + 10;
	size_t col = used;  /* columns on the current line */
	int fresh = 1;      /* no word on this line yet */
	if (used == 0) {
		spaces(t, indent);
		col = indent;
	}
	size_t i = 0;
	while (i < s.len) {
		char c = s.s[i];
		if (c == '\n' || c == '\r') {
			i += (c == '\r' && i + 1 < s.len && s.s[i + 1] == '\n') ? 2 : 1;
			lc_buf_putc(t->out, '\n');
			spaces(t, indent);
			col = indent;
			fresh = 1;
			continue;
		}
		if (is_space(c)) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < s.len && !is_space(s.s[e]) && s.s[e] != '\n' && s.s[e] != '\r')
			e++;
		size_t w = cols(s.s + i, e - i);
		if (!fresh && col + 1 + w > width) {
			lc_buf_putc(t->out, '\n');
			spaces(t, indent);
			col = indent;
			fresh = 1;
		}
		if (!fresh) {
			lc_buf_putc(t->out, ' ');
			col++;
		}
		/* a word longer than the line is cut at code point boundaries */
		while (col + w > width) {
			size_t take = width > col ? width - col : 0, k = i, n = 0;
			while (k < e && n < take) {
				k++;
				while (k < e && is_cont((unsigned char)s.s[k]))
					k++;
				n++;
			}
			if (k == i) { /* no room at all: go to a fresh line */
				if (col == indent)
					break;
			} else {
				lc_escape_terminal_part(t->out, s.s + i, k - i, 0);
				w -= n;
				i = k;
			}
			lc_buf_putc(t->out, '\n');
			spaces(t, indent);
			col = indent;
		}
		lc_escape_terminal_part(t->out, s.s + i, e - i, 0);
		col += w;
		fresh = 0;
		i = e;
	}
	lc_text_bidi_close(t->out, s.s, s.len);
	lc_buf_putc(t->out, '\n');
}

static void wrap(tx *t, ladder_str s, size_t indent)
{
	wrap_from(t, s, indent, 0);
}

/* Ladder prose by the block rules of lc_view_next_block: a paragraph's lines
 * each wrapped at `indent`, a bullet's lines joined and wrapped after
 * `bullet` (written at `indent`), an empty line between a paragraph and the
 * next block. Text without blocks is wrapped as it is. Returns 1 if it
 * wrote anything. */
static int prose(tx *t, ladder_str s, size_t indent, const char *bullet)
{
	if (!lc_view_text_has_blocks(s)) {
		wrap(t, s, indent);
		return s.s != NULL;
	}
	size_t pos = 0;
	lc_view_block b;
	int prev = -1; /* -1 before the first block, else 1 after a bullet */
	while (lc_view_next_block(s, &pos, &b)) {
		if (prev >= 0 && !(prev && b.bullet))
			put(t, "\n");
		size_t lp = 0;
		ladder_str line;
		if (!b.bullet) {
			while (lc_view_block_line(&b, &lp, &line))
				wrap(t, line, indent);
			prev = 0;
			continue;
		}
		lc_buf_clear(&t->joined);
		while (lc_view_block_line(&b, &lp, &line)) {
			if (t->joined.len)
				lc_buf_putc(&t->joined, ' ');
			lc_buf_put(&t->joined, line.s, line.len);
		}
		spaces(t, indent);
		put(t, bullet);
		size_t at = indent + strlen(bullet);
		ladder_str joined = {t->joined.data ? t->joined.data : "", t->joined.len};
		wrap_from(t, joined, at, at);
		prev = 1;
	}
	return prev >= 0;
}

static ladder_str cstr(const char *s)
{
	ladder_str r = {s, strlen(s)};
	return r;
}

/* A heading: the text already in `h`, then an underline of `ch`. */
static void heading(tx *t, lc_buf *h, char ch)
{
	ladder_str s = {h->data ? h->data : "", h->len};
	wrap(t, s, 0);
	size_t w = cols(s.s, s.len);
	if (w > t->width)
		w = t->width;
	for (size_t i = 0; i < w; i++)
		lc_buf_putc(t->out, ch);
	put(t, "\n\n");
	if (h->failed)
		t->out->failed = 1;
	lc_buf_clear(h);
}

static void hput(lc_buf *h, ladder_str s)
{
	if (s.s)
		lc_buf_put(h, s.s, s.len);
}

/* ---- overview ------------------------------------------------------------------ */

static void list(tx *t, const char *label, const ladder_str *items, size_t n, size_t indent)
{
	if (n == 0)
		return;
	spaces(t, indent);
	put(t, label);
	put(t, "\n");
	for (size_t i = 0; i < n; i++) {
		spaces(t, indent + 2);
		put(t, "- ");
		wrap_from(t, items[i], indent + 4, indent + 4);
	}
}

static void criteria(tx *t, const ladder_criteria *c, size_t indent)
{
	if (c->min_average.present) {
		spaces(t, indent);
		put(t, "Minimum average rating: ");
		wrap_from(t, c->min_average.text, indent + 2, indent + 24);
	}
	if (c->min_each.present) {
		spaces(t, indent);
		put(t, "Minimum rating in each competency: ");
		wrap_from(t, c->min_each.text, indent + 2, indent + 35);
	}
	if (c->time_in_level.s) {
		spaces(t, indent);
		put(t, "Time in level: ");
		wrap_from(t, c->time_in_level, indent + 2, indent + 15);
	}
	list(t, "Evidence:", c->evidence, c->nevidence, indent);
}

static void overview(lc_view_walk *w)
{
	tx *t = w->ctx;
	lc_buf *h = &t->h;
	const ladder *l = t->l;
	hput(h, l->name);
	if (l->title.s) {
		lc_buf_puts(h, ": ");
		hput(h, l->title);
	}
	heading(t, h, '=');
	if (l->updated.s) {
		put(t, "Updated: ");
		wrap_from(t, l->updated, 2, 9);
		put(t, "\n");
	}
	if (prose(t, l->intro, 0, "  - "))
		put(t, "\n");

	lc_buf_puts(h, "Tracks");
	heading(t, h, '-');
	lc_view_track_diagram(l, t->out, "  ");
	put(t, "\n");
	for (size_t i = 0; i < l->ntracks; i++) {
		const ladder_track *tr = l->tracks[i];
		put(t, "  ");
		id(t, tr->id);
		put(t, ": ");
		lc_buf_clear(h);
		hput(h, tr->name);
		if (tr->from) {
			lc_buf_puts(h, ", from ");
			hput(h, tr->from->id);
		}
		ladder_str s = {h->data ? h->data : "", h->len};
		wrap_from(t, s, 4, tr->id.len + 4);
		lc_buf_clear(h);
	}
	put(t, "\n");

	lc_buf_puts(h, "Levels and titles");
	heading(t, h, '-');
	for (size_t i = 0; i < l->nlevels; i++) {
		const ladder_level *lv = l->levels[i];
		put(t, "  ");
		id(t, lv->id);
		if (lc_view_level_name_shown(lv)) {
			put(t, " ");
			wrap_from(t, lv->name, 4, lv->id.len + 3);
		} else {
			put(t, "\n");
		}
		prose(t, lv->summary, 4, "- ");
		for (size_t r = 0; r < l->nroles; r++) {
			lc_view_title_kind k = lc_view_title_of(l->roles[r], lv);
			lc_buf_clear(h);
			hput(h, l->roles[r]->name);
			lc_buf_puts(h, ": ");
			if (k == LC_VIEW_TITLE_GIVEN)
				hput(h, l->roles[r]->title[lv->index]);
			else
				lc_buf_puts(h, lc_view_title_words(k));
			ladder_str s = {h->data ? h->data : "", h->len};
			put(t, "    - ");
			wrap_from(t, s, 8, 6);
			lc_buf_clear(h);
		}
	}
	put(t, "\n");

	lc_buf_puts(h, "Promotion criteria");
	heading(t, h, '-');
	const ladder_promotion *p = &l->promotion;
	if (!p->present) {
		wrap(t, cstr("The ladder gives no promotion criteria."), 2);
		put(t, "\n");
	} else {
		if (p->scale.present) {
			lc_buf_clear(h);
			lc_buf_puts(h, "Ratings run from 1 to ");
			hput(h, p->scale.text);
			lc_buf_putc(h, '.');
			ladder_str s = {h->data ? h->data : "", h->len};
			wrap(t, s, 2);
			lc_buf_clear(h);
		}
		put(t, "  Every level (defaults):\n");
		criteria(t, &p->defaults, 4);
		for (size_t i = 0; i < l->nlevels; i++) {
			const ladder_criteria *c = w->into[i];
			if (!c)
				continue;
			put(t, "  Into ");
			id(t, l->levels[i]->id);
			put(t, " ");
			lc_buf_clear(h);
			hput(h, l->levels[i]->name);
			lc_buf_putc(h, ':');
			ladder_str s = {h->data ? h->data : "", h->len};
			wrap_from(t, s, 4, l->levels[i]->id.len + 8);
			lc_buf_clear(h);
			criteria(t, c, 4);
		}
		put(t, "\n");
	}

	lc_buf_puts(h, "Lateral paths");
	heading(t, h, '-');
	if (l->npaths == 0) {
		wrap(t, cstr("The ladder gives no lateral paths."), 2);
		put(t, "\n");
	}
	for (size_t i = 0; i < l->npaths; i++) {
		const ladder_path *pa = &l->paths[i];
		lc_buf_clear(h);
		hput(h, pa->from->name);
		lc_buf_puts(h, " \xE2\x86\x92 ");
		hput(h, pa->to->name);
		ladder_str s = {h->data ? h->data : "", h->len};
		wrap(t, s, 2);
		lc_buf_clear(h);
		list(t, "Transferable:", pa->transferable, pa->ntransferable, 4);
		list(t, "Gaps:", pa->gaps, pa->ngaps, 4);
		put(t, i + 1 == l->npaths ? "\n" : "");
	}
}

/* ---- roles --------------------------------------------------------------------- */

static void level_label(lc_buf *h, const ladder_role *r, const ladder_level *lv)
{
	hput(h, lv->id);
	if (lc_view_level_name_shown(lv)) {
		lc_buf_putc(h, ' ');
		hput(h, lv->name);
	}
	if (r->title[lv->index].s) {
		lc_buf_puts(h, ", ");
		hput(h, r->title[lv->index]);
	}
}

/* "Group: NAME", then its description. */
static void group_heading(tx *t, const ladder_group *g)
{
	put(t, "Group: ");
	wrap_from(t, g->name, 2, 7);
	prose(t, g->description, 2, "- ");
	put(t, "\n");
}

/* A competency's name, after its group's heading when it starts one. */
static void competency_head(tx *t, const lc_view_comp_iter *it, const ladder_competency *c)
{
	if (it->group_start)
		group_heading(t, it->group);
	wrap(t, c->name, 2);
}

/* The role's description, under the heading of each of its views. */
static void role_description(tx *t, const ladder_role *r)
{
	if (!r->description.s)
		return;
	wrap(t, r->description, 0);
	put(t, "\n");
}

/* A competency's links, one "name <url>" line each. */
static void competency_links(tx *t, const ladder_competency *c, size_t indent)
{
	lc_buf *h = &t->h;
	for (size_t i = 0; i < c->nlinks; i++) {
		lc_buf_clear(h);
		hput(h, c->links[i].name);
		lc_buf_puts(h, " <");
		hput(h, c->links[i].url);
		lc_buf_putc(h, '>');
		ladder_str s = {h->data ? h->data : "", h->len};
		wrap(t, s, indent);
	}
	lc_buf_clear(h);
}

/* ---- proficiency and examples ------------------------------------------------------ */

/* "Proficiency: NAME"; in the next view "(was OLD)" after it when `was` is
 * another one, "(new)" when none was in force. Wrapped at indent. */
static void proficiency_line(tx *t, const ladder_proficiency *p, const ladder_proficiency *was, int next,
                             size_t indent)
{
	lc_buf *h = &t->h;
	lc_buf_clear(h);
	lc_buf_puts(h, "Proficiency: ");
	hput(h, p->name);
	if (next && was && was != p) {
		lc_buf_puts(h, " (was ");
		hput(h, was->name);
		lc_buf_puts(h, ")");
	} else if (next && !was) {
		lc_buf_puts(h, " (new)");
	}
	ladder_str s = {h->data ? h->data : "", h->len};
	wrap(t, s, indent);
	lc_buf_clear(h);
}

/* What a cell adds to its text: its proficiency and its examples. */
static void cell_detail(tx *t, const ladder_competency *c, const ladder_level *lv, size_t indent)
{
	const ladder_proficiency *p = ladder_cell_proficiency(c, lv);
	if (p)
		proficiency_line(t, p, NULL, 0, indent);
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, lv, &n);
	list(t, "Examples:", ex, n, indent);
}

/* The next view's: the proficiency in force at nx, marked when it changes. */
static void next_detail(tx *t, const ladder_competency *c, const ladder_level *lv, const ladder_level *nx,
                        size_t indent)
{
	const ladder_proficiency *p = ladder_proficiency_in_force(c, nx);
	if (p)
		proficiency_line(t, p, ladder_proficiency_in_force(c, lv), 1, indent);
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, nx, &n);
	list(t, "Examples:", ex, n, indent);
}

static void role_heading(lc_view_walk *w, const ladder_role *r)
{
	tx *t = w->ctx;
	lc_buf *h = &t->h;
	hput(h, r->name);
	lc_buf_puts(h, " (");
	hput(h, r->family);
	lc_buf_puts(h, ")");
	heading(t, h, '=');
	role_description(t, r);
}

static void matrix(lc_view_walk *w, const ladder_role *r, const ladder_track *tr, size_t n)
{
	tx *t = w->ctx;
	lc_buf *h = &t->h;
	const ladder_level *const *chain = w->chain;
	hput(h, r->name);
	lc_buf_puts(h, ": ");
	hput(h, tr->name);
	lc_buf_puts(h, " (");
	hput(h, chain[0]->id);
	if (n > 1) {
		lc_buf_puts(h, " to ");
		hput(h, chain[n - 1]->id);
	}
	lc_buf_puts(h, ")");
	heading(t, h, '-');
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, t->l, r, chain, n);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		competency_head(t, &it, c);
		prose(t, c->description, 4, "- ");
		competency_links(t, c, 4);
		for (size_t i = 0; i < n; i++) {
			level_label(h, r, chain[i]);
			ladder_str s = {h->data ? h->data : "", h->len};
			spaces(t, 4); /* a long label continues further in */
			wrap_from(t, s, 6, 4);
			lc_buf_clear(h);
			ladder_str text = lc_view_text_at(c, chain[i]);
			if (!text.s)
				text = ladder_competency_applies(c, r, chain[i]) ? cstr("(" LC_VIEW_NO_NEW ")")
				                                                  : cstr("(" LC_VIEW_NOT_APPLICABLE ")");
			prose(t, text, 8, "- ");
			cell_detail(t, c, chain[i], 8);
		}
		put(t, "\n");
	}
}

/* render --since: how many changes the view has, and how they are marked. */
static void changed_note(tx *t, const lc_diff_marks *m)
{
	lc_buf *h = &t->h;
	size_t n = lc_diff_marks_diff(m)->nchanges;
	lc_buf_puts(h, "Changed since ");
	lc_buf_puts(h, lc_diff_marks_since(m));
	lc_buf_printf(h, ": %zu change%s in this view (ladderc diff lists them); the expectations that changed are marked [changed], a changed title [title changed].",
	              n, n == 1 ? "" : "s");
	ladder_str s = {h->data ? h->data : "", h->len};
	wrap(t, s, 0);
	lc_buf_clear(h);
	put(t, "\n");
}

static void level_view(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t n)
{
	tx *t = w->ctx;
	lc_buf *h = &t->h;
	hput(h, r->name);
	lc_buf_puts(h, " at ");
	level_label(h, r, lv);
	if (w->o->changed && lc_diff_marks_title(w->o->changed, r, lv))
		lc_buf_puts(h, " [title changed]");
	heading(t, h, '=');
	role_description(t, r);
	if (lv->summary.s) {
		prose(t, lv->summary, 0, "- ");
		put(t, "\n");
	}
	lc_buf_puts(h, "Everything expected at ");
	hput(h, lv->id);
	lc_buf_puts(h, ": the expectations of ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			lc_buf_puts(h, i + 1 == n ? " and " : ", ");
		hput(h, w->chain[i]->id);
	}
	lc_buf_puts(h, ". Those new at ");
	hput(h, lv->id);
	lc_buf_puts(h, " are marked (new).");
	ladder_str s = {h->data ? h->data : "", h->len};
	wrap(t, s, 0);
	lc_buf_clear(h);
	put(t, "\n");
	if (w->o->changed)
		changed_note(t, w->o->changed);
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, t->l, r, &lv, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		competency_head(t, &it, c);
		competency_links(t, c, 4);
		size_t ns = lc_view_in_force(c, w->chain, n, w->sources);
		if (ns == 0) {
			spaces(t, 4);
			put(t, "(no expectations up to ");
			id(t, lv->id);
			put(t, ")\n");
		}
		for (size_t i = 0; i < ns; i++) {
			spaces(t, 4);
			id(t, w->sources[i]->id);
			put(t, w->sources[i] == lv ? " (new)" : "");
			put(t, w->o->changed && lc_diff_marks_cell(w->o->changed, c, w->sources[i]) ? " [changed]\n" : "\n");
			prose(t, lc_view_text_at(c, w->sources[i]), 8, "- ");
			cell_detail(t, c, w->sources[i], 8);
		}
		put(t, "\n");
	}
}

/* A restated competency's next text, word-diffed against the text in force
 * now with the marks of `ladderc diff` ([-old-]{+new+}), then wrapped as any
 * text (wrap escapes it for the terminal). */
static void put_raw(lc_buf *out, const char *s, size_t len)
{
	lc_buf_put(out, s, len);
}

static const lc_diff_style restated_diff = {put_raw, "[-", "-]", "{+", "+}", "\n", ""};

static void wrap_words_diff(tx *t, ladder_str was, ladder_str now, size_t indent)
{
	lc_buf *h = &t->h;
	lc_buf_clear(h);
	if (lc_diff_put_words(h, &restated_diff, was, now) < 0)
		t->out->failed = 1;
	ladder_str s = {h->data ? h->data : "", h->len};
	wrap(t, s, indent);
	lc_buf_clear(h);
}

static void next_view(lc_view_walk *w, const ladder_role *r, const ladder_level *lv, size_t nn)
{
	tx *t = w->ctx;
	lc_buf *h = &t->h;
	hput(h, r->name);
	lc_buf_puts(h, ": from ");
	level_label(h, r, lv);
	lc_buf_puts(h, " to the next level");
	heading(t, h, '=');
	role_description(t, r);
	if (nn == 0) {
		hput(h, lv->id);
		lc_buf_puts(h, " is the top of its track for this role: there is no next level.");
		ladder_str s = {h->data ? h->data : "", h->len};
		wrap(t, s, 0);
		lc_buf_clear(h);
		put(t, "\n");
		return;
	}
	for (size_t k = 0; k < nn; k++) {
		const ladder_level *nx = w->next[k];
		lc_buf_puts(h, "What ");
		level_label(h, r, nx);
		lc_buf_puts(h, " adds");
		heading(t, h, '-');
		if (nx->summary.s) {
			prose(t, nx->summary, 0, "- ");
			put(t, "\n");
		}
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, t->l, r, &nx, 1);
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
			competency_head(t, &it, c);
			ladder_str text = lc_view_text_at(c, nx);
			ladder_str was = lc_view_was(c, lv, nx);
			if (was.s)
				wrap_words_diff(t, was, text, 4);
			else
				prose(t, text.s ? text : cstr("(" LC_VIEW_NO_NEW ")"), 4, "- ");
			next_detail(t, c, lv, nx, 4);
			put(t, "\n");
		}
	}
}

int lc_emit_text(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out)
{
	static const lc_view_walker walker = {
		.ladder_overview = 1,
		.overview = overview,
		.matrices_begin = role_heading,
		.matrix = matrix,
		.level = level_view,
		.next = next_view,
	};
	o = lc_view_options(o);
	tx t = {l, out, o->width ? o->width : TEXT_DEFAULT_WIDTH, LC_BUF_INIT, LC_BUF_INIT};
	if (t.width < TEXT_MIN_WIDTH)
		t.width = TEXT_MIN_WIDTH;
	int st = lc_view_walk_emit(l, v, o, out, &walker, &t);
	if (t.h.failed) {
		out->failed = 1;
		st = -1;
	}
	lc_buf_free(&t.h);
	lc_buf_free(&t.joined);
	return st;
}
