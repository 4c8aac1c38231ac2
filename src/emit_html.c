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
 * cost the walk its plainness and HTML its speed.
 *
 * The emitter is split by what it writes: this file has the page frame,
 * links and whole pages; emit_html_text.c the pieces of text every view is
 * made of; emit_html_overview.c, emit_html_role.c and emit_html_next.c the
 * views' sections. emit_html_parts.h is what they share. */
#include "ladderc/speed.h"

#include <stdlib.h>
#include <string.h>

#include "emit_html.h"
#include "emit_html_parts.h"
#include "emit_html_threads.h"

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

/* ---- anchors and links ------------------------------------------------------ */

/* Writes ` id="ANCHOR"` from the anchor just built in h->tmp. */
void lc_html_put_id(html *h)
{
	LIT(h, " id=\"");
	lc_buf_put(h->out, h->tmp.data, h->tmp.len);
	lc_buf_putc(h->out, '"');
}

void lc_html_tmp_reset(html *h)
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

int lc_html_can_link_roles(const html *h)
{
	return h->base || h->roles_here;
}

void lc_html_href_role(html *h, const ladder_role *r)
{
	LIT(h, " href=\"");
	role_page(h, r);
	lc_buf_putc(h->out, '#');
	raw(h, r->id);
	lc_buf_putc(h->out, '"');
}

void lc_html_href_level(html *h, const ladder_role *r, const ladder_level *lv)
{
	LIT(h, " href=\"");
	role_page(h, r);
	lc_buf_putc(h->out, '#');
	lc_html_tmp_reset(h);
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
		lc_html_tmp_reset(h);
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
	lc_html_overview(h, 1);
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
			lc_html_role_section(h, r, v->track, levels && r == v->role, v->role ? 1 : 2);
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
			lc_html_next_section(h, r, v->level, hn);
		else if (sheet)
			lc_html_sheet_section(h, r, v->level, hn);
		else
			lc_html_level_section(h, r, v->level, hn, 1);
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
	lc_html_role_section(h, h->l->roles[i], NULL, 1, 2);
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
	lc_html_overview(h, 1);
	size_t n = h->l->nroles;
	/* asked for, a big page's roles render on two threads: the same bytes */
	int threaded = h->o->threads >= 2 && n >= 2 && !lc_serial() && roles_on_two_threads(h) == 0;
	if (!threaded)
		for (size_t i = 0; i < n; i++)
			lc_html_role_section(h, h->l->roles[i], NULL, 1, 2);
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
