/* HTML emitter: every view as one self-contained page (docs/site.md).
 *
 * A page needs nothing but itself: the stylesheet is inline, the track
 * diagram is inline SVG, there is no script, no font and no request. Every
 * piece of ladder text goes through lc_escape_html; ids (validated to
 * letters, digits, '-' and '_') go out as they are, in anchors built by
 * view.h. No input text ever becomes a link: the format has no URL fields.
 *
 * Everything is appended to one lc_buf, in one pass over the model.
 *
 * Unlike Markdown, text, JSON and CSV, HTML does not run the view walk
 * (view_walk.h), only uses its scratch: a page is not a role loop around
 * one part per role. The ladder page gives every role its matrices and a
 * section per level (and may render them on two threads, each with its own
 * state), a level page says so when no role takes the level, a role's
 * sections share a cache of rendered text. Bending the walk to those would
 * cost the walk its plainness and HTML its speed. */
#include "ladderc/emit.h"
#include "ladderc/diff.h"
#include "ladderc/speed.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

#include "emit_html.h"
#include "emit_html_threads.h"
#include "diff_emit.h"
#include "view.h"
#include "view_walk.h"

/* The stylesheet every page carries. Colours meet WCAG AA in both schemes. */
static const char *const page_css[] = {
	":root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#52525b;--line:#c9ccd3;"
	"--head:#eef0f4;--accent:#0b57d0;--hl:#fff1a8;--new:#e3f4e8;--newfg:#0b5a28;--focus:#b3261e}\n",
	"@media (prefers-color-scheme:dark){:root{--bg:#131417;--fg:#e9e9ec;--muted:#b4b4bd;--line:#474a52;"
	"--head:#20232a;--accent:#93b7ff;--hl:#4b3f00;--new:#12341f;--newfg:#8fd6a4;--focus:#ff9d94}}\n",
	"*{box-sizing:border-box}\n",
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n",
	"body{margin:0;background:var(--bg);color:var(--fg);"
	"font:1rem/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;"
	"overflow-wrap:anywhere}\n",
	"header.site,nav.toc,main,footer.site{max-width:90rem;margin:0 auto;padding:0 1rem}\n",
	"header.site{padding-top:.75rem;color:var(--muted);font-size:.9375rem}\n",
	"header.site a{font-weight:600}\n",
	"header.site p{margin:0}\n",
	"nav.toc ul{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}\n",
	"footer.site{margin-top:3rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--muted);"
	"font-size:.875rem}\n",
	"h1{font-size:2rem;line-height:1.15;margin:1rem 0 .5rem;letter-spacing:-.01em}\n",
	"h2{font-size:1.45rem;line-height:1.25;margin:2.5rem 0 .5rem;padding-bottom:.25rem;"
	"border-bottom:1px solid var(--line)}\n",
	"h3{font-size:1.25rem;line-height:1.3;margin:2rem 0 .4rem}\n"
	"h4{font-size:1.08rem;line-height:1.3;margin:1.5rem 0 .3rem}\n",
	"h5,h6{font-size:1rem;margin:1rem 0 .25rem}\n",
	"a{color:var(--accent);text-underline-offset:.15em}\n",
	"a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px;"
	"border-radius:2px}\n",
	".skip{position:absolute;left:-10000px;top:auto}\n",
	".skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem;z-index:10}\n",
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n",
	".muted,.none,.na{color:var(--muted)}\n.none{font-style:italic}\n",
	"p{margin:.4rem 0}\nul{margin:.4rem 0;padding-left:1.4rem}\n",
	"main p,main li,div.comp,dl.crit,div.text{max-width:46rem}\n",
	"td p,td li,th p,th li,td div.text,div.comp li{max-width:none}\n",
	"td p:first-child,th p:first-child,li p:first-child{margin-top:0}\n",
	"td p:last-child,li p:last-child{margin-bottom:0}\n",
	".table-wrap,.diagram{position:relative;overflow:auto;max-width:100%;margin:.75rem 0 1.25rem;"
	"border:1px solid var(--line);border-radius:4px}\n",
	".table-wrap{max-height:85vh}\n",
	"table{border-collapse:separate;border-spacing:0;font-size:.9375rem}\n",
	"caption{text-align:left;padding:.5rem .75rem;color:var(--muted);font-size:.875rem}\n",
	/* the text of a caption or a group row stays in view when its table scrolls sideways */
	"caption>span,th[scope=rowgroup]>span{position:sticky;left:.75rem}\n",
	"caption>span{display:inline-block;max-width:calc(100vw - 4rem)}\n",
	"th,td{text-align:left;vertical-align:top;padding:.5rem .75rem;border-bottom:1px solid var(--line);"
	"border-right:1px solid var(--line)}\n",
	"thead th{position:sticky;top:0;z-index:2;background:var(--head);font-weight:600;"
	"overflow-wrap:break-word}\n",
	"tbody th[scope=row],thead th:first-child{position:sticky;left:0;"
	"background:var(--head);z-index:1}\n",
	"thead th:first-child{z-index:3}\n",
	"tbody th[scope=row]{font-weight:600;min-width:10rem;max-width:16rem;overflow-wrap:break-word;"
	"hyphens:auto}\n",
	"section nav.toc{padding:0}\n",
	"th[scope=rowgroup]{font-size:1rem;background:var(--bg)}\n",
	".matrix td{min-width:14rem;max-width:26rem}\n",
	".matrix thead th span,.desc{display:block;font-weight:400;font-size:.87em;color:var(--muted)}\n",
	".desc{margin-top:.25rem}\n",
	".titles td,.titles th{white-space:normal;min-width:8rem}\n",
	".titles td a{text-decoration:none}\n.titles td a:hover{text-decoration:underline}\n",
	":target{scroll-margin-top:1rem}\n",
	"section.level:target>:first-child,div.comp:target,tr:target>th,section.matrix:target>h2,"
	"section.matrix:target>h3,section.matrix:target>h4{background:var(--hl)}\n",
	"section.level:target{border-left:4px solid var(--hl);padding-left:.75rem}\n",
	"section.level:target>:first-child{padding:.15rem .4rem;margin-left:-.4rem;border-radius:3px}\n",
	"div.comp{margin:.25rem 0 .75rem;padding:.1rem .75rem;border-left:3px solid var(--line)}\n",
	"div.comp>:first-child{margin:.4rem 0 .2rem;font-size:1rem}\n",
	"div.comp>:first-child a{color:inherit;text-decoration:none}\n",
	"div.comp>:first-child a:hover{color:var(--accent);text-decoration:underline}\n",
	"ul.exp{list-style:none;padding-left:0}\n",
	"ul.exp>li{margin:.35rem 0;padding:.2rem .4rem}\n",
	"ul.exp>li.new{background:var(--new);border-left:3px solid var(--newfg)}\n",
	".src{display:inline-block;min-width:2.5rem;font-weight:600;font-size:.82em;color:var(--muted)}\n",
	".badge{display:inline-block;font-size:.75em;font-weight:700;line-height:1.3;padding:0 .35rem;"
	"margin-right:.35rem;border:1px solid currentColor;border-radius:3px;color:var(--newfg)}\n",
	".next td.added{background:var(--new)}\n",
	".sheet td{min-width:14rem}\n.sheet td.ev{min-width:16rem;height:7rem}\n",
	"@media (max-width:40rem){.sheet td{min-width:12rem}.sheet td.ev{min-width:10rem}}\n",
	".fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.5rem 1.5rem;"
	"margin:1rem 0}\n",
	".fields p{margin:0;padding-bottom:1.4rem;border-bottom:1px solid var(--fg)}\n",
	".tracks rect{fill:var(--head);stroke:var(--line)}\n",
	".tracks text{fill:var(--fg);font-size:13px}\n.tracks text.id{font-weight:700}\n",
	".tracks text.lbl{fill:var(--muted);font-size:12px;font-weight:600}\n",
	":root{--t0:#0b57d0;--t1:#1b6e3c;--t2:#8e3a00;--t3:#7a2fbf}\n",
	"@media (prefers-color-scheme:dark){:root{--t0:#93b7ff;--t1:#7fd4a0;--t2:#f0a868;--t3:#c9a2ff}}\n",
	".trk0{--t:var(--t0)}.trk1{--t:var(--t1)}.trk2{--t:var(--t2)}.trk3{--t:var(--t3)}\n",
	".tracks g rect{stroke:var(--t);stroke-width:1.5}\n.tracks g text.lbl{fill:var(--t)}\n",
	".tracks path{stroke:var(--muted);stroke-width:1.5;fill:none}\n",
	".tracks marker path{fill:var(--muted);stroke:none}\n",
	"dl.crit{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}\n",
	"dl.crit dt{font-weight:600}\ndl.crit dd{margin:0}\n",
	"@media (max-width:40rem){dl.crit{grid-template-columns:1fr}dl.crit dd{margin-bottom:.5rem}"
	"h1{font-size:1.55rem}.matrix td{min-width:12rem}tbody th[scope=row]{min-width:7.5rem}}\n",
	"@page{margin:12mm}\n@page wide{size:landscape;margin:10mm}\n",
	"@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--head:#eee;--hl:#fff;"
	"--new:#eee;--newfg:#000;--accent:#000}\n",
	"body{font-size:10.5pt;line-height:1.45}\n",
	"table{font-size:8.5pt;line-height:1.3}\nh1{font-size:18pt}h2{font-size:14pt}h3{font-size:12pt}\n",
	"section.level:target{border:0;padding:0}\n.sheet td.ev{width:40%}\n",
	"nav,.skip,.noprint{display:none}\n",
	"section.matrix,section.titles,.sheet{page:wide}\n",
	/* a page of matrices is landscape from its first line: no near-empty portrait first sheet */
	"body:has(section.matrix,section.sheet){page:wide}\n",
	".table-wrap,.diagram{overflow:visible;max-height:none;border:0}\n",
	"thead{display:table-header-group}\n",
	"thead th,thead th:first-child,tbody th[scope=row],caption>span,th[scope=rowgroup]>span{position:static}\n",
	"th,td{padding:.25rem .4rem}\n.matrix td{min-width:0}\n",
	"tr,div.comp,ul.exp>li{break-inside:avoid}\nh2,h3,h4{break-after:avoid}\n",
	"a{color:inherit;text-decoration:none}}\n",
};

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

static void put(html *h, const char *s)
{
	lc_buf_puts(h->out, s);
}

static void raw(html *h, ladder_str s)
{
	lc_buf_put(h->out, s.s, s.len);
}

static void esc(html *h, ladder_str s)
{
	lc_escape_html(h->out, s.s, s.len);
}

static void esc_c(html *h, const char *s)
{
	lc_escape_html(h->out, s, strlen(s));
}

static void num(html *h, size_t n)
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
static void open_h(html *h, int n)
{
	char t[3] = {'<', 'h', (char)('0' + (n < 1 ? 1 : n > 6 ? 6 : n))};
	lc_buf_put(h->out, t, sizeof t);
}

static void close_h(html *h, int n)
{
	char t[6] = {'<', '/', 'h', (char)('0' + (n < 1 ? 1 : n > 6 ? 6 : n)), '>', '\n'};
	lc_buf_put(h->out, t, sizeof t);
}

/* ---- anchors and links ------------------------------------------------------ */

/* Writes ` id="ANCHOR"` from the anchor just built in h->tmp. */
static void put_id(html *h)
{
	LIT(h, " id=\"");
	lc_buf_put(h->out, h->tmp.data, h->tmp.len);
	lc_buf_putc(h->out, '"');
}

static void tmp_reset(html *h)
{
	lc_buf_clear(&h->tmp);
}

/* The page holding role r's sections, as the start of an href ("" when it is
 * this page). */
static void role_page(html *h, const ladder_role *r)
{
	if (h->base) {
		put(h, h->base);
		raw(h, r->id);
		LIT(h, ".html");
	}
}

static int can_link_roles(const html *h)
{
	return h->base || h->roles_here;
}

static void href_role(html *h, const ladder_role *r)
{
	LIT(h, " href=\"");
	role_page(h, r);
	lc_buf_putc(h->out, '#');
	raw(h, r->id);
	lc_buf_putc(h->out, '"');
}

static void href_level(html *h, const ladder_role *r, const ladder_level *lv)
{
	LIT(h, " href=\"");
	role_page(h, r);
	lc_buf_putc(h->out, '#');
	tmp_reset(h);
	lc_view_anchor_level(&h->tmp, r, lv);
	lc_buf_put(h->out, h->tmp.data, h->tmp.len);
	lc_buf_putc(h->out, '"');
}

static void href_overview(html *h, const char *section)
{
	LIT(h, " href=\"");
	if (h->base) {
		put(h, h->base);
		LIT(h, "index.html");
	}
	lc_buf_putc(h->out, '#');
	put(h, section);
	lc_buf_putc(h->out, '"');
}

/* ---- text ------------------------------------------------------------------- */

/* Ladder text: one line is written inline; several lines, or a line that is
 * a bullet, become paragraphs (lines joined by <br>) and bullet lists, by the
 * rules of lc_view_next_block. */
static void rich(html *h, ladder_str t)
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

/* rich(), rendered once per role section and copied after: the escaping
 * of repeated text is most of a role page's cost. Short text is cheaper to
 * render than to look up. */
enum { RICH_CACHE_MIN = 48, RICH_CACHE_MAX = 4 << 20 };

static void rich_reset(html *h)
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

static void rich_cached(html *h, ladder_str t)
{
	if (h->rich_done.len > RICH_CACHE_MAX)
		rich_reset(h); /* pages without role sections: bounded all the same */
	rich_slot *slot = t.len >= RICH_CACHE_MIN ? rich_find(h, t) : NULL;
	if (!slot) {
		rich(h, t);
		return;
	}
	if (!slot->key) {
		lc_buf *out = h->out;
		size_t at = h->rich_done.len;
		h->out = &h->rich_done;
		rich(h, t);
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
static void block(html *h, ladder_str t)
{
	if (lc_view_text_has_blocks(t)) {
		LIT(h, "<div class=\"text\">");
		rich(h, t);
		LIT(h, "</div>\n");
	} else {
		LIT(h, "<p>");
		esc(h, t);
		LIT(h, "</p>\n");
	}
}

/* Appends at most `max` characters of s (whole UTF-8 sequences), then "…" if
 * it was cut. For SVG labels, which cannot wrap. */
static void esc_trunc(html *h, ladder_str s, size_t max)
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
static void changed_badge(html *h, const lc_change *ch)
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

static const lc_change *changed_cell(const html *h, const ladder_competency *c, const ladder_level *lv)
{
	return h->o->changed ? lc_diff_marks_cell(h->o->changed, c, lv) : NULL;
}

static const lc_change *changed_title(const html *h, const ladder_role *r, const ladder_level *lv)
{
	return h->o->changed ? lc_diff_marks_title(h->o->changed, r, lv) : NULL;
}

/* A site role page's summary: how many of its expectations and titles
 * changed, and where every change is. */
static void changed_summary(html *h, const ladder_role *r)
{
	size_t cells = 0, titles = 0;
	for (size_t k = 0; k < h->l->nlevels; k++) {
		const ladder_level *lv = h->l->levels[k];
		if (!ladder_role_has_level(r, lv))
			continue;
		titles += changed_title(h, r, lv) != NULL;
		lc_view_comp_iter it;
		lc_view_comp_begin(&it, h->l, r, &lv, 1);
		for (const ladder_competency *c; (c = lc_view_comp_next(&it));)
			cells += changed_cell(h, c, lv) != NULL;
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
static void new_text_cell(html *h, ladder_str text, const char *open)
{
	if (!text.s) {
		LIT(h, "<td class=\"none\">" LC_VIEW_NO_NEW "</td>");
		return;
	}
	lc_buf_puts(h->out, open);
	rich_cached(h, text);
	LIT(h, "</td>");
}

/* ---- proficiency and examples ---- */

/* A proficiency badge: its words say what it is, not its colour. In the
 * next view `next` is 1 and `was` the proficiency in force now. */
static void proficiency_badge(html *h, const ladder_proficiency *p, const ladder_proficiency *was, int next)
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
static void text_list(html *h, const char *ul, const ladder_str *items, size_t n)
{
	lc_buf_puts(h->out, ul);
	for (size_t i = 0; i < n; i++) {
		LIT(h, "<li>");
		rich(h, items[i]);
		LIT(h, "</li>");
	}
	LIT(h, "</ul>");
}

static void examples_list(html *h, const ladder_competency *c, const ladder_level *lv)
{
	size_t n;
	const ladder_str *ex = ladder_cell_examples(c, lv, &n);
	if (!n)
		return;
	LIT(h, "<p class=\"muted\">Examples:</p>");
	text_list(h, "<ul class=\"examples\">", ex, n);
}

/* What a cell adds to its text: its proficiency and examples. */
static void cell_detail(html *h, const ladder_competency *c, const ladder_level *lv)
{
	const ladder_proficiency *p = ladder_cell_proficiency(c, lv);
	if (p)
		proficiency_badge(h, p, NULL, 0);
	examples_list(h, c, lv);
}

/* A matrix cell: the text new at lv with its proficiency and examples. */
static void detail_text_cell(html *h, const ladder_competency *c, const ladder_level *lv, const char *open)
{
	ladder_str text = lc_view_text_at(c, lv);
	if (!text.s || !c->detail) {
		new_text_cell(h, text, open);
		return;
	}
	lc_buf_puts(h->out, open);
	rich_cached(h, text);
	cell_detail(h, c, lv);
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

static void words_diff_cell(html *h, ladder_str was, ladder_str now)
{
	LIT(h, "<td class=\"added\"><p>");
	if (lc_diff_put_words(h->out, &restated_diff, was, now) < 0)
		h->out->failed = 1;
	LIT(h, "</p></td>");
}

/* A competency group's heading row: each group is a <tbody> of its own, so
 * the heading's scope="rowgroup" covers exactly the group's rows. */
static void group_heading_row(html *h, const ladder_group *g, size_t colspan, int *open)
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
static void level_label_apart(html *h, const ladder_level *lv, const char *before, const char *after)
{
	esc(h, lv->id);
	if (lc_view_level_name_shown(lv)) {
		put(h, before);
		esc(h, lv->name);
		put(h, after);
	}
}

/* "E3 Senior": a heading's or a table head's label. */
static void level_label(html *h, const ladder_level *lv)
{
	level_label_apart(h, lv, " ", "");
}

/* The role's title at lv, or the level's name where it resolves to nothing. */
static ladder_str role_title(const ladder_role *r, const ladder_level *lv)
{
	ladder_str t = r->title[lv->index];
	return t.s ? t : lv->name;
}

/* ": TITLE" after a level's label, or nothing where the level gives no title. */
static void title_suffix(html *h, const ladder_role *r, const ladder_level *lv)
{
	if (!r->title[lv->index].s)
		return;
	LIT(h, ": ");
	esc(h, r->title[lv->index]);
}

/* ---- page frame ------------------------------------------------------------- */

/* Per role and level on this page: highlight the level's matrix column when
 * the level's section is the URL's target. Attribute selectors, because the
 * anchors contain dots. */
static void target_rules(html *h, const ladder_role *r)
{
	for (size_t i = 0; i < h->l->nlevels; i++) {
		const ladder_level *lv = h->l->levels[i];
		if (!ladder_role_has_level(r, lv))
			continue;
		LIT(h, "body:has([id=\"");
		tmp_reset(h);
		lc_view_anchor_level(&h->tmp, r, lv);
		lc_buf_put(h->out, h->tmp.data, h->tmp.len);
		LIT(h, "\"]:target) [id=\"");
		raw(h, r->id);
		LIT(h, "\"] .l-");
		raw(h, lv->id);
		LIT(h, "{background:var(--hl)}\n");
	}
}

/* Every page's start, up to its <title>; the stylesheet; from the end of the
 * stylesheet to the header's paragraph. Shared with the site's own pages
 * (lc_html_page_begin). */
static const char page_head[] = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                "<meta name=\"generator\" content=\"ladderc\">\n<title>";
static const char page_header[] = "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#ladder.main\">Skip to content</a>\n"
                                  "<header class=\"site\"><p>";

static void page_style(lc_buf *out)
{
	lc_buf_puts(out, "</title>\n<style>\n");
	for (size_t i = 0; i < sizeof page_css / sizeof page_css[0]; i++)
		lc_buf_puts(out, page_css[i]);
}

void lc_html_page_begin(lc_buf *out, const char *title)
{
	lc_buf_puts(out, page_head);
	lc_escape_html(out, title, strlen(title));
	page_style(out);
	lc_buf_puts(out, page_header);
	lc_escape_html(out, title, strlen(title));
	lc_buf_puts(out, "</p></header>\n<main id=\"ladder.main\">\n");
}

static void page_start(html *h, const char *kind, const ladder_str *what, const ladder_role *rules_for)
{
	put(h, page_head);
	if (what) {
		esc(h, *what);
		LIT(h, " \xE2\x80\x94 ");
	}
	if (kind) {
		esc_c(h, kind);
		LIT(h, " \xE2\x80\x94 ");
	}
	esc(h, h->l->name);
	page_style(h->out);
	if (rules_for) {
		target_rules(h, rules_for);
	} else if (h->roles_here && !h->base) {
		for (size_t i = 0; i < h->l->nroles; i++)
			target_rules(h, h->l->roles[i]);
	}
	put(h, page_header);
	if (h->base) {
		LIT(h, "<a");
		href_overview(h, "ladder.overview");
		LIT(h, ">");
		esc(h, h->l->name);
		LIT(h, "</a>");
	} else {
		esc(h, h->l->name);
	}
	if (h->l->title.s) {
		LIT(h, " \xC2\xB7 ");
		esc(h, h->l->title);
	}
	LIT(h, "</p></header>\n");
}

static void main_start(html *h)
{
	LIT(h, "<main id=\"ladder.main\">\n");
}

static void page_end(html *h)
{
	LIT(h, "</main>\n<footer class=\"site\"><p>");
	esc(h, h->l->name);
	if (h->l->title.s) {
		LIT(h, " \xC2\xB7 ");
		esc(h, h->l->title);
	}
	if (h->l->updated.s) {
		LIT(h, " \xC2\xB7 updated ");
		esc(h, h->l->updated);
	}
	LIT(h, ". Compiled from the ladder <code>");
	raw(h, h->l->id);
	LIT(h, "</code> by ladderc.</p></footer>\n</body>\n</html>\n");
}

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
			level_label_apart(h, t->levels[k], " (", ")");
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
		esc_trunc(h, t->name, t->nlevels * COLW / 8);
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
			esc_trunc(h, lv->id, 15);
			LIT(h, "</text>");
			if (lc_view_level_name_shown(lv)) {
				LIT(h, "<text x=\"");
				num(h, x + 10);
				LIT(h, "\" y=\"");
				num(h, by + 39);
				LIT(h, "\">");
				esc_trunc(h, lv->name, 16);
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
		if (can_link_roles(h)) {
			LIT(h, "<a");
			href_role(h, r);
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
			const lc_change *ch = changed_title(h, r, lv);
			put(h, ch ? "<td class=\"changed\">" : "<td>");
			if (h->base || h->roles_here) {
				LIT(h, "<a");
				href_level(h, r, lv);
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
				changed_badge(h, ch);
			}
			LIT(h, "</td>");
		}
		LIT(h, "</tr>\n");
	}
	LIT(h, "</tbody></table></div>\n</section>\n");
}

static void evidence_list(html *h, const ladder_str *items, size_t n)
{
	text_list(h, "<ul>", items, n);
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
	changed_badge(h, ch);
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
		level_label(h, lv);
		close_h(h, hn + 1);
		changed_criteria(h, lv);
		LIT(h, "<p class=\"muted\">In addition to, or instead of, the criteria above:</p>\n");
		criteria_dl(h, &p->into[i].criteria, &p->scale);
	}
	LIT(h, "</section>\n");
}

static void role_link_or_name(html *h, const ladder_role *r)
{
	if (can_link_roles(h)) {
		LIT(h, "<a");
		href_role(h, r);
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
			level_label_apart(h, t->levels[k], ": ", "");
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
static void overview(html *h, int hn)
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
		block(h, l->intro);
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
	tmp_reset(h);
	lc_view_anchor_matrix(&h->tmp, r, t);
	put_id(h);
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
			href_level(h, r, lv);
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
			const lc_change *ch = changed_title(h, r, lv);
			put(h, ch ? "<span class=\"changed\">" : "<span>");
			esc(h, r->title[lv->index]);
			LIT(h, "</span>");
			if (ch)
				changed_badge(h, ch);
		}
		LIT(h, "</th>");
	}
	LIT(h, "</tr></thead>\n");
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, h->l, r, h->chain, n);
	int open = 0;
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start)
			group_heading_row(h, it.group, n + 1, &open);
		LIT(h, "<tr");
		tmp_reset(h);
		lc_view_anchor_matrix_row(&h->tmp, r, t, c);
		put_id(h);
		LIT(h, "><th scope=\"row\">");
		esc(h, c->name);
		if (c->description.s) {
			LIT(h, "<div class=\"desc\">");
			rich(h, c->description);
			LIT(h, "</div>");
		}
		competency_links(h, c);
		LIT(h, "</th>");
		for (size_t k = 0; k < n; k++) {
			if (!ladder_competency_applies(c, r, h->chain[k])) {
				LIT(h, "<td class=\"none\">" LC_VIEW_NOT_APPLICABLE "</td>");
				continue;
			}
			const lc_change *ch = changed_cell(h, c, h->chain[k]);
			if (ch) {
				LIT(h, "<td class=\"changed\">");
				changed_badge(h, ch);
				rich_cached(h, lc_view_text_at(c, h->chain[k]));
				if (c->detail)
					cell_detail(h, c, h->chain[k]);
				LIT(h, "</td>");
			} else {
				detail_text_cell(h, c, h->chain[k], "<td>");
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
static void expectation_li(html *h, const ladder_competency *c, const ladder_level *from,
                           const ladder_level *at)
{
	int is_new = from == at;
	const lc_change *changed = changed_cell(h, c, from);
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
		changed_badge(h, changed);
	rich_cached(h, lc_view_text_at(c, from));
	cell_detail(h, c, from);
	LIT(h, "</li>\n");
}

/* What a role at lv is expected to do, competency by competency.
 * Cumulative (the level view): every text along lv's chain, lowest level
 * first, the level's own marked new. In a role's section (whole-ladder page,
 * site role page) only the level's own texts, with links to the levels
 * below: the matrix above already holds every text, and repeating the whole
 * chain at every level would multiply the page by the chain's length. */
static void level_section(html *h, const ladder_role *r, const ladder_level *lv, int hn, int cumulative)
{
	size_t n = ladder_chain(lv, h->chain);
	int links = h->base || h->roles_here;
	LIT(h, "<section class=\"level\"");
	tmp_reset(h);
	lc_view_anchor_level(&h->tmp, r, lv);
	put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">");
	level_label(h, lv);
	title_suffix(h, r, lv);
	const lc_change *title_ch = cumulative ? changed_title(h, r, lv) : NULL;
	if (title_ch) { /* render --since: the view's title changed */
		LIT(h, " ");
		changed_badge(h, title_ch);
	}
	close_h(h, hn);
	if (cumulative && r->description.s)
		block(h, r->description); /* the page of one level: the role's heading is not on it */
	if (lv->summary.s)
		block(h, lv->summary);
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
					href_level(h, r, h->chain[i]);
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
			href_level(h, r, h->next[i]);
			LIT(h, ">");
			level_label(h, h->next[i]);
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
		tmp_reset(h);
		lc_view_anchor_level_row(&h->tmp, r, lv, c);
		put_id(h);
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
					expectation_li(h, c, h->cum[i], lv);
				LIT(h, "</ul>\n");
			}
		} else if (lc_view_text_at(c, lv).s) {
			const lc_change *ch = changed_cell(h, c, lv);
			if (ch) {
				LIT(h, "<div class=\"text changed\">");
				changed_badge(h, ch);
			} else {
				LIT(h, "<div class=\"text\">");
			}
			rich_cached(h, lc_view_text_at(c, lv));
			cell_detail(h, c, lv);
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
		block(h, r->description);
}

/* A role's section: matrices, then (when `levels`) a section per level. */
static void role_section(html *h, const ladder_role *r, const ladder_track *only, int levels, int hn)
{
	rich_reset(h);
	LIT(h, "<section class=\"role\"");
	tmp_reset(h);
	lc_view_anchor_role(&h->tmp, r);
	put_id(h);
	LIT(h, ">\n");
	role_heading(h, r, hn);
	if (levels && h->o->changed && h->base)
		changed_summary(h, r);
	size_t nt = lc_view_matrix_tracks(h->l, r, only, h->tracks);
	if (levels) {
		/* a table of contents for the role: its matrices and its levels */
		LIT(h, "<nav class=\"toc\" aria-label=\"");
		esc(h, r->name);
		LIT(h, "\"><ul>");
		for (size_t i = 0; i < nt; i++) {
			LIT(h, "<li><a href=\"#");
			tmp_reset(h);
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
			href_level(h, r, lv);
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
				level_section(h, r, lv, hn + 2, 0);
		}
		LIT(h, "</section>\n");
	}
	LIT(h, "</section>\n");
}

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
			words_diff_cell(h, was, now);
		else
			new_text_cell(h, now, "<td class=\"added\">");
		return;
	}
	LIT(h, "<td class=\"added\">");
	if (was.s) {
		LIT(h, "<p>");
		if (lc_diff_put_words(h->out, &restated_diff, was, now) < 0)
			h->out->failed = 1;
		LIT(h, "</p>");
	} else if (now.s) {
		rich_cached(h, now);
	} else {
		LIT(h, "<p class=\"none\">" LC_VIEW_NO_NEW "</p>");
	}
	if (p)
		proficiency_badge(h, p, ladder_proficiency_in_force(c, lv), 1);
	examples_list(h, c, nx);
	LIT(h, "</td>");
}

static void next_section(html *h, const ladder_role *r, const ladder_level *lv, int hn)
{
	LIT(h, "<section class=\"next\"");
	tmp_reset(h);
	lc_view_anchor_next(&h->tmp, r, lv);
	put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">");
	esc(h, r->name);
	LIT(h, ": after ");
	level_label(h, lv);
	close_h(h, hn);
	if (r->description.s)
		block(h, r->description);
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
		level_label(h, nx);
		title_suffix(h, r, nx);
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
				group_heading_row(h, it.group, 3, &open);
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
				rich_cached(h, lc_view_text_at(c, src));
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

static void sheet_section(html *h, const ladder_role *r, const ladder_level *lv, int hn)
{
	size_t n = ladder_chain(lv, h->chain);
	LIT(h, "<section class=\"sheet\"");
	tmp_reset(h);
	lc_view_anchor_level(&h->tmp, r, lv);
	put_id(h);
	LIT(h, ">\n");
	open_h(h, hn);
	LIT(h, ">Self-review: ");
	esc(h, role_title(r, lv));
	LIT(h, " (");
	level_label(h, lv);
	LIT(h, ")");
	close_h(h, hn);
	LIT(h, "<div class=\"fields\"><p>Name:</p><p>Manager:</p><p>Date:</p></div>\n"
	       "<p class=\"muted\">For each competency, write the evidence (work, dates, links, people) "
	       "that shows you meet what is expected.</p>\n"
	       "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Self-review\">"
	       "<table class=\"sheet\">\n<caption><span>");
	esc(h, r->name);
	LIT(h, " at ");
	level_label(h, lv);
	LIT(h, ": expectations and evidence</span></caption>\n<thead><tr><th scope=\"col\">Competency</th>"
	       "<th scope=\"col\">Expected</th><th scope=\"col\">Evidence</th></tr></thead>\n");
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, h->l, r, &lv, 1);
	int open = 0;
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		if (it.group_start)
			group_heading_row(h, it.group, 3, &open);
		LIT(h, "<tr><th scope=\"row\">");
		esc(h, c->name);
		LIT(h, "</th><td>");
		size_t m = lc_view_in_force(c, h->chain, n, h->cum);
		if (m) {
			LIT(h, "<ul class=\"exp\">\n");
			for (size_t i = 0; i < m; i++)
				expectation_li(h, c, h->cum[i], lv);
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

/* ---- pages ----------------------------------------------------------------------- */

static void nav_overview(html *h)
{
	LIT(h, "<nav class=\"toc\" aria-label=\"Contents\"><ul>"
	       "<li><a href=\"#ladder.tracks\">Tracks</a></li><li><a href=\"#ladder.roles\">Roles</a></li>"
	       "<li><a href=\"#ladder.titles\">Titles</a></li>"
	       "<li><a href=\"#ladder.promotion\">Promotion</a></li>"
	       "<li><a href=\"#ladder.paths\">Lateral paths</a></li></ul></nav>\n");
}

static void nav_back(html *h)
{
	if (!h->base)
		return;
	LIT(h, "<nav class=\"toc\" aria-label=\"Site\"><ul><li><a");
	href_overview(h, "ladder.overview");
	LIT(h, ">Overview</a></li><li><a");
	href_overview(h, "ladder.roles");
	LIT(h, ">All roles</a></li><li><a");
	href_overview(h, "ladder.titles");
	LIT(h, ">Titles</a></li></ul></nav>\n");
}

static void page_overview(html *h)
{
	page_start(h, NULL, NULL, NULL);
	nav_overview(h);
	main_start(h);
	overview(h, 1);
	page_end(h);
}

static void page_matrix(html *h)
{
	const ladder_view *v = h->v;
	/* a site's role page also carries the role's level sections */
	int levels = h->base != NULL && !v->track;
	const ladder_str *what = v->role ? &v->role->name : NULL;
	page_start(h, NULL, what, levels ? v->role : NULL);
	nav_back(h);
	main_start(h);
	for (size_t i = 0; i < h->l->nroles; i++) {
		const ladder_role *r = h->l->roles[i];
		if (lc_view_shows_role(v, r))
			role_section(h, r, v->track, levels && r == v->role, v->role ? 1 : 2);
	}
	page_end(h);
}

static void page_level(html *h, int next)
{
	const ladder_view *v = h->v;
	int sheet = !next && h->o->html_sheet;
	page_start(h, next ? "Next level" : sheet ? "Self-review" : "Level", &v->level->id, NULL);
	nav_back(h);
	main_start(h);
	int hn = 1;
	if (!v->role) {
		LIT(h, "<h1>");
		esc(h, v->level->id);
		LIT(h, " ");
		esc(h, v->level->name);
		put(h, next ? ": the next level, role by role</h1>\n" : ": every role</h1>\n");
		hn = 2;
	}
	size_t shown = 0;
	for (size_t i = 0; i < h->l->nroles; i++) {
		const ladder_role *r = h->l->roles[i];
		if (!lc_view_shows_role(v, r))
			continue;
		shown++;
		if (next)
			next_section(h, r, v->level, hn);
		else if (sheet)
			sheet_section(h, r, v->level, hn);
		else
			level_section(h, r, v->level, hn, 1);
	}
	if (!shown) {
		LIT(h, "<p class=\"none\">No role takes level ");
		esc(h, v->level->id);
		LIT(h, ".</p>\n");
	}
	page_end(h);
}

static int html_init(html *h, const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out)
{
	memset(h, 0, sizeof *h);
	h->l = l;
	h->v = v;
	h->o = lc_view_options(o);
	h->out = out;
	h->base = h->o->link_base;
	lc_buf_init(&h->tmp);
	lc_buf_init(&h->rich_done);
	if (lc_view_walk_init(&h->scratch, l, v, o, NULL, h) < 0)
		return -1;
	h->chain = h->scratch.chain;
	h->cum = h->scratch.sources;
	h->next = h->scratch.next;
	h->tracks = h->scratch.tracks;
	return 0;
}

/* Frees the scratch; 1 if the anchors' scratch ran out of memory. */
static int html_free(html *h)
{
	lc_view_walk_free(&h->scratch);
	free(h->rich_slots);
	lc_buf_free(&h->rich_done);
	int failed = lc_buf_failed(&h->tmp);
	lc_buf_free(&h->tmp);
	return failed;
}

/* Role i's section of the ladder page, appended to out by renderer ctx. */
static void ladder_role_section(void *ctx, size_t i, lc_buf *out)
{
	html *h = ctx;
	lc_buf *page = h->out;
	h->out = out;
	role_section(h, h->l->roles[i], NULL, 1, 2);
	h->out = page;
}

/* The ladder page's roles on two threads (speed only, emit_html_threads.h):
 * the second one renders with a state of its own. Returns -1 with nothing
 * written when that cannot start. */
static int roles_on_two_threads(html *h)
{
	html worker;
	if (html_init(&worker, h->l, h->v, h->o, NULL) < 0)
		return -1;
	worker.roles_here = 1;
	int st = lc_html_two_threads(h->l->nroles, ladder_role_section, h, &worker, h->out);
	if (html_free(&worker) && st == 0)
		h->out->failed = 1;
	return st;
}

static void page_ladder(html *h)
{
	h->roles_here = 1;
	page_start(h, NULL, NULL, NULL);
	nav_overview(h);
	main_start(h);
	overview(h, 1);
	size_t n = h->l->nroles;
	/* asked for, a big page's roles render on two threads: the same bytes */
	int threaded = h->o->threads >= 2 && n >= 2 && !lc_serial() && roles_on_two_threads(h) == 0;
	if (!threaded)
		for (size_t i = 0; i < n; i++)
			role_section(h, h->l->roles[i], NULL, 1, 2);
	page_end(h);
}

int lc_emit_html(const ladder *l, const ladder_view *v, const ladder_emit_options *o, lc_buf *out)
{
	if ((v->kind == LADDER_VIEW_LEVEL || v->kind == LADDER_VIEW_NEXT) && !v->level)
		return -1;
	html h;
	if (html_init(&h, l, v, o, out) < 0) {
		out->failed = 1;
		return -1;
	}
	switch (v->kind) {
	case LADDER_VIEW_LADDER:
		page_ladder(&h);
		break;
	case LADDER_VIEW_OVERVIEW:
		page_overview(&h);
		break;
	case LADDER_VIEW_MATRIX:
		page_matrix(&h);
		break;
	case LADDER_VIEW_LEVEL:
	case LADDER_VIEW_NEXT:
		page_level(&h, v->kind == LADDER_VIEW_NEXT);
		break;
	}
	if (html_free(&h))
		out->failed = 1;
	return lc_buf_failed(out) ? -1 : 0;
}
