/* The diff in four formats: text (git --word-diff style, or ANSI colours),
 * Markdown for a pull-request comment, a self-contained HTML page, and JSON.
 * Every text from the ladders goes through the escaper of its format. */
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "ladderc/diff.h"
#include "escape.h"
#include "json.h"
#include "text.h"
#include "wdiff.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define RESET "\033[m"

typedef enum { ESC_TEXT, ESC_MD, ESC_HTML } esc_kind;

/* Text for a terminal, through the terminal escaper: line breaks are laid
 * out here (each line indented), tabs kept, every other control becomes
 * U+FFFD, and bidi overrides the piece leaves open are closed at its end. */
static void put_text(lc_buf *out, const char *s, size_t len, const char *indent)
{
	size_t line = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n')
			continue;
		lc_escape_terminal_part(out, s + line, i - line, LC_ESCAPE_TERMINAL_TAB);
		lc_buf_putc(out, '\n');
		lc_buf_puts(out, indent);
		line = i + 1;
	}
	lc_escape_terminal_part(out, s + line, len - line, LC_ESCAPE_TERMINAL_TAB);
	lc_text_bidi_close(out, s, len);
}

static void put_esc(lc_buf *out, esc_kind k, const char *s, size_t len)
{
	switch (k) {
	case ESC_TEXT: put_text(out, s, len, "    "); break;
	case ESC_MD: lc_escape_markdown(out, s, len, 1); break;
	case ESC_HTML: lc_escape_html(out, s, len); break;
	}
}

static void put_str(lc_buf *out, esc_kind k, ladder_str s)
{
	put_esc(out, k, s.s ? s.s : "", s.len);
}

/* Deleted and inserted text in each format's markup. */
static void put_del(lc_buf *out, esc_kind k, int color, const char *s, size_t len)
{
	if (!len)
		return;
	if (k == ESC_TEXT)
		lc_buf_puts(out, color ? RED : "[-");
	else
		lc_buf_puts(out, "<del>");
	put_esc(out, k, s, len);
	if (k == ESC_TEXT)
		lc_buf_puts(out, color ? RESET : "-]");
	else
		lc_buf_puts(out, "</del>");
}

static void put_ins(lc_buf *out, esc_kind k, int color, const char *s, size_t len)
{
	if (!len)
		return;
	if (k == ESC_TEXT)
		lc_buf_puts(out, color ? GREEN : "{+");
	else
		lc_buf_puts(out, "<ins>");
	put_esc(out, k, s, len);
	if (k == ESC_TEXT)
		lc_buf_puts(out, color ? RESET : "+}");
	else
		lc_buf_puts(out, "</ins>");
}

static void put_position(lc_buf *out, uint32_t pos)
{
	lc_buf_printf(out, "position %u", (unsigned)pos);
}

/* A whole competency added or removed: its expectations, level by level. */
static void put_expectations(lc_buf *out, esc_kind k, int color, const lc_change *ch)
{
	const ladder *l = ch->competency_ladder;
	for (size_t i = 0; i < l->nlevels; i++) {
		ladder_str t = ch->competency->text[i];
		if (!t.s)
			continue;
		lc_buf_puts(out, k == ESC_TEXT ? "\n    " : "<br>");
		put_str(out, k, l->levels[i]->id);
		lc_buf_puts(out, ": ");
		if (ch->kind == LC_CHANGE_ADDED)
			put_ins(out, k, color, t.s, t.len);
		else
			put_del(out, k, color, t.s, t.len);
	}
}

/* A block scalar ends in a line break: shown, it would only leave an empty
 * line. Dropped unless the break is all that changed. */
static void trim_final_breaks(ladder_str *o, ladder_str *n)
{
	ladder_str a = *o, b = *n;
	while (a.len && a.s[a.len - 1] == '\n')
		a.len--;
	while (b.len && b.s[b.len - 1] == '\n')
		b.len--;
	if (!o->s || !n->s || !ladder_str_eq(a, b)) {
		*o = a;
		*n = b;
	}
}

/* The change's values: a word diff for prose, else old and new whole. */
static int put_value(lc_buf *out, esc_kind k, int color, const lc_change *ch)
{
	ladder_str o = ch->old_value, n = ch->new_value;
	trim_final_breaks(&o, &n);
	switch (ch->kind) {
	case LC_CHANGE_ADDED:
		put_ins(out, k, color, n.s ? n.s : "", n.len);
		if (ch->competency)
			put_expectations(out, k, color, ch);
		return 0;
	case LC_CHANGE_REMOVED:
		put_del(out, k, color, o.s ? o.s : "", o.len);
		if (ch->competency)
			put_expectations(out, k, color, ch);
		return 0;
	case LC_CHANGE_MOVED:
		if (!ladder_str_eq(ch->old_path, ch->path)) {
			lc_buf_puts(out, "from ");
			put_str(out, k, ch->old_path);
			lc_buf_puts(out, " (");
			put_position(out, ch->old_pos);
			lc_buf_puts(out, ") to ");
			put_position(out, ch->new_pos);
		} else {
			lc_buf_puts(out, "from ");
			put_position(out, ch->old_pos);
			lc_buf_puts(out, " to ");
			put_position(out, ch->new_pos);
		}
		return 0;
	case LC_CHANGE_CHANGED:
		break;
	}
	if (!ch->prose) { /* ids and lists: old and new whole */
		put_del(out, k, color, o.s, o.len);
		if (k != ESC_TEXT || color)
			lc_buf_putc(out, ' '); /* [-a-]{+b+} needs no space; the others do */
		put_ins(out, k, color, n.s, n.len);
		return 0;
	}
	lc_wdiff_result r;
	if (lc_wdiff_text(o.s, o.len, n.s, n.len, &r) < 0) {
		lc_wdiff_free(&r);
		return -1;
	}
	for (size_t i = 0; i < r.nsegs; i++) {
		const lc_wdiff_seg *s = &r.segs[i];
		if (!s->changed) {
			put_esc(out, k, o.s + s->a_off, s->a_len);
			continue;
		}
		put_del(out, k, color, o.s + s->a_off, s->a_len);
		put_ins(out, k, color, n.s + s->b_off, s->b_len);
	}
	lc_wdiff_free(&r);
	return 0;
}

/* ---- the summary ------------------------------------------------------------ */

static void put_list(lc_buf *out, esc_kind k, const ladder_str *items, size_t n)
{
	enum { SHOWN = 8 };
	if (n > SHOWN) {
		lc_buf_printf(out, "%zu levels", n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			lc_buf_puts(out, i + 1 == n ? " and " : ", ");
		put_str(out, k, items[i]);
	}
}

static void put_counts(lc_buf *out, const lc_diff_summary *s)
{
	const char *sep = "";
	if (s->added) {
		lc_buf_printf(out, "%s%zu added", sep, s->added);
		sep = ", ";
	}
	if (s->removed) {
		lc_buf_printf(out, "%s%zu removed", sep, s->removed);
		sep = ", ";
	}
	if (s->changed) {
		lc_buf_printf(out, "%s%zu changed", sep, s->changed);
		sep = ", ";
	}
	if (s->moved)
		lc_buf_printf(out, "%s%zu moved", sep, s->moved);
}

/* "expectations change at E4 and L4 for 3 roles" */
static int put_affected(lc_buf *out, esc_kind k, const char *what, const ladder_str *levels, size_t nlevels,
                        size_t nroles)
{
	if (!nlevels)
		return 0;
	lc_buf_printf(out, "%s change at ", what);
	put_list(out, k, levels, nlevels);
	if (nroles)
		lc_buf_printf(out, " for %zu role%s", nroles, nroles == 1 ? "" : "s");
	return 1;
}

/* The summary as lines (text) or as one paragraph (sep " · "). */
static void put_summary(lc_buf *out, esc_kind k, const lc_diff *d, const char *sep, const char *bump_open,
                        const char *bump_close)
{
	const lc_diff_summary *s = &d->summary;
	put_counts(out, s);
	lc_buf_puts(out, sep);
	if (put_affected(out, k, "expectations", s->expectation_levels, s->nexpectation_levels,
	                 s->nexpectation_roles))
		lc_buf_puts(out, sep);
	if (put_affected(out, k, "titles", s->title_levels, s->ntitle_levels, s->ntitle_roles))
		lc_buf_puts(out, sep);
	lc_buf_printf(out, "suggested version bump: %s%s%s", bump_open, lc_bump_name(s->bump), bump_close);
}

/* ---- text ------------------------------------------------------------------ */

static int lc_emit_text(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	int color = o->color;
	if (o->title) {
		lc_buf_puts(out, color ? BOLD : "");
		put_text(out, o->title, strlen(o->title), "");
		lc_buf_puts(out, color ? RESET "\n" : "\n");
	}
	put_summary(out, ESC_TEXT, d, "\n", "", "");
	lc_buf_puts(out, "\n\n");
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		static const char *const colors[] = {GREEN, RED, YELLOW, CYAN};
		if (color)
			lc_buf_puts(out, colors[ch->kind]);
		lc_buf_printf(out, "%-8s", lc_change_kind_name(ch->kind));
		if (color)
			lc_buf_puts(out, RESET BOLD);
		put_text(out, ch->path.s, ch->path.len, "");
		if (color)
			lc_buf_puts(out, RESET);
		lc_buf_puts(out, "\n    ");
		if (put_value(out, ESC_TEXT, color, ch) < 0)
			return -1;
		lc_buf_putc(out, '\n');
	}
	return 0;
}

/* ---- sections for Markdown and HTML: grouped by role, then by level ---------- */

/* Sort keys: the level's order (no level first), then the change's order. */
typedef struct item {
	size_t level_key, order;
} item;

static int by_level(const void *pa, const void *pb)
{
	const item *a = pa, *b = pb;
	if (a->level_key != b->level_key)
		return a->level_key < b->level_key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

typedef struct section {
	ladder_str role_id, role_name; /* s == NULL: whole ladder or all roles */
	int all_roles;
	item *items;                   /* order: the change's index */
	size_t nitems;
} section;

static int company_wide(const lc_change *ch)
{
	return !ch->role_id.s && (ch->subject == LC_SUBJECT_GROUP || ch->subject == LC_SUBJECT_COMPETENCY ||
	                          ch->subject == LC_SUBJECT_EXPECTATION);
}

/* Sections: the whole ladder, all roles, then each role in order. */
static section *make_sections(const lc_diff *d, size_t *nsec)
{
	size_t cap = 2;
	lc_idmap roles;
	lc_idmap_init(&roles);
	section *secs = calloc(d->nchanges + 2, sizeof *secs);
	size_t *slot = calloc(d->nchanges + 1, sizeof *slot);
	size_t *count = calloc(d->nchanges + 2, sizeof *count);
	if (!secs || !slot || !count)
		goto fail;
	secs[1].all_roles = 1;
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		size_t s;
		if (ch->role_id.s) {
			uintptr_t v = (uintptr_t)lc_idmap_get(&roles, ch->role_id.s, ch->role_id.len);
			if (!v) {
				v = cap++ + 1;
				secs[v - 1].role_id = ch->role_id;
				secs[v - 1].role_name = ch->role_name;
				if (lc_idmap_put(&roles, ch->role_id.s, ch->role_id.len, (void *)v) == &roles)
					goto fail;
			}
			s = v - 1;
		} else {
			s = company_wide(ch) ? 1 : 0;
		}
		slot[i] = s;
		count[s]++;
	}
	for (size_t s = 0; s < cap; s++) {
		secs[s].items = malloc((count[s] + 1) * sizeof *secs[s].items);
		if (!secs[s].items)
			goto fail;
	}
	for (size_t i = 0; i < d->nchanges; i++) /* no level (SIZE_MAX) wraps to 0: first */
		secs[slot[i]].items[secs[slot[i]].nitems++] = (item){d->changes[i].level_order + 1, i};
	for (size_t s = 0; s < cap; s++)
		qsort(secs[s].items, secs[s].nitems, sizeof *secs[s].items, by_level);
	lc_idmap_free(&roles);
	free(slot);
	free(count);
	*nsec = cap;
	return secs;
fail:
	if (secs)
		for (size_t s = 0; s < cap; s++)
			free(secs[s].items);
	lc_idmap_free(&roles);
	free(secs);
	free(slot);
	free(count);
	return NULL;
}

static void free_sections(section *secs, size_t n)
{
	for (size_t s = 0; s < n; s++)
		free(secs[s].items);
	free(secs);
}

/* ---- Markdown --------------------------------------------------------------- */

static void md_section_title(lc_buf *out, const section *s)
{
	if (s->role_id.s) {
		put_str(out, ESC_MD, s->role_name);
		lc_buf_puts(out, " (`");
		lc_buf_put(out, s->role_id.s, s->role_id.len); /* ids are [A-Za-z0-9_-]: safe in code */
		lc_buf_puts(out, "`)");
	} else {
		lc_buf_puts(out, s->all_roles ? "All roles" : "Whole ladder");
	}
}

static int lc_emit_markdown(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	lc_buf_puts(out, "### Ladder changes");
	if (o->title) {
		lc_buf_puts(out, ": ");
		put_esc(out, ESC_MD, o->title, strlen(o->title));
	}
	lc_buf_puts(out, "\n\n");
	put_summary(out, ESC_MD, d, " · ", "**", "**");
	lc_buf_puts(out, "\n");
	size_t nsec;
	section *secs = make_sections(d, &nsec);
	if (!secs)
		return -1;
	int rc = 0;
	for (size_t s = 0; s < nsec && rc == 0; s++) {
		if (!secs[s].nitems)
			continue;
		lc_buf_puts(out, "\n#### ");
		md_section_title(out, &secs[s]);
		lc_buf_puts(out, "\n\n");
		ladder_str level = {NULL, 0};
		for (size_t i = 0; i < secs[s].nitems && rc == 0; i++) {
			const lc_change *ch = &d->changes[secs[s].items[i].order];
			const char *indent = "";
			if (ch->level_id.s) {
				if (!level.s || !ladder_str_eq(level, ch->level_id)) {
					level = ch->level_id;
					lc_buf_puts(out, "- **");
					put_str(out, ESC_MD, level);
					lc_buf_puts(out, "**\n");
				}
				indent = "  ";
			}
			lc_buf_printf(out, "%s- *%s* ", indent, lc_change_kind_name(ch->kind));
			put_str(out, ESC_MD, ch->label);
			lc_buf_puts(out, ": ");
			rc = put_value(out, ESC_MD, 0, ch);
			lc_buf_putc(out, '\n');
		}
	}
	free_sections(secs, nsec);
	return rc;
}

/* ---- HTML ------------------------------------------------------------------- */

static const char html_head[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<title>Ladder changes</title>\n"
	"<style>\n"
	":root{color-scheme:light dark;--del:#ffebe9;--ins:#dafbe1;--fg:#1f2328;--muted:#59636e;--bg:#fff}\n"
	"@media (prefers-color-scheme:dark){:root{--del:#4c1d1d;--ins:#1b3d26;--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117}}\n"
	"body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0}\n"
	"main{max-width:60rem;margin:0 auto;padding:1rem}\n"
	"h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid var(--muted)}\n"
	".summary{color:var(--muted)}\n"
	"ul{padding-left:1.25rem}li{margin:.25rem 0;overflow-wrap:anywhere}\n"
	".kind{font-weight:600;text-transform:uppercase;font-size:.75rem;margin-right:.5rem}\n"
	".added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#9a6700}.moved{color:#0969da}\n"
	"code{font-size:.8rem;color:var(--muted)}\n"
	".value{white-space:pre-wrap;margin:.25rem 0 .5rem}\n"
	"del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);text-decoration:none}\n"
	"</style>\n"
	"</head>\n"
	"<body>\n"
	"<main>\n";

static void html_section_title(lc_buf *out, const section *s)
{
	if (s->role_id.s) {
		put_str(out, ESC_HTML, s->role_name);
		lc_buf_puts(out, " <code>");
		put_str(out, ESC_HTML, s->role_id);
		lc_buf_puts(out, "</code>");
	} else {
		lc_buf_puts(out, s->all_roles ? "All roles" : "Whole ladder");
	}
}

static int html_change(lc_buf *out, const lc_change *ch)
{
	const char *kind = lc_change_kind_name(ch->kind);
	lc_buf_printf(out, "<li><span class=\"kind %s\">%s</span>", kind, kind);
	put_str(out, ESC_HTML, ch->label);
	lc_buf_puts(out, " <code>");
	put_str(out, ESC_HTML, ch->path);
	lc_buf_puts(out, "</code><div class=\"value\">");
	int rc = put_value(out, ESC_HTML, 0, ch);
	lc_buf_puts(out, "</div></li>\n");
	return rc;
}

static int lc_emit_html(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	lc_buf_puts(out, html_head);
	lc_buf_puts(out, "<h1>Ladder changes");
	if (o->title) {
		lc_buf_puts(out, ": ");
		put_esc(out, ESC_HTML, o->title, strlen(o->title));
	}
	lc_buf_puts(out, "</h1>\n<p class=\"summary\">");
	put_summary(out, ESC_HTML, d, " · ", "<strong>", "</strong>");
	lc_buf_puts(out, "</p>\n");
	size_t nsec;
	section *secs = make_sections(d, &nsec);
	if (!secs)
		return -1;
	int rc = 0;
	for (size_t s = 0; s < nsec && rc == 0; s++) {
		if (!secs[s].nitems)
			continue;
		lc_buf_puts(out, "<section>\n<h2>");
		html_section_title(out, &secs[s]);
		lc_buf_puts(out, "</h2>\n<ul>\n");
		ladder_str level = {NULL, 0};
		for (size_t i = 0; i < secs[s].nitems && rc == 0; i++) {
			const lc_change *ch = &d->changes[secs[s].items[i].order];
			if (ch->level_id.s && (!level.s || !ladder_str_eq(level, ch->level_id))) {
				if (level.s)
					lc_buf_puts(out, "</ul></li>\n");
				level = ch->level_id;
				lc_buf_puts(out, "<li><strong>");
				put_str(out, ESC_HTML, level);
				lc_buf_puts(out, "</strong>\n<ul>\n");
			}
			rc = html_change(out, ch);
		}
		if (level.s)
			lc_buf_puts(out, "</ul></li>\n");
		lc_buf_puts(out, "</ul>\n</section>\n");
	}
	free_sections(secs, nsec);
	lc_buf_puts(out, "</main>\n</body>\n</html>\n");
	return rc;
}

/* ---- JSON ------------------------------------------------------------------- */

static void json_ids(lc_json *j, const ladder_str *ids, size_t n)
{
	lc_json_array(j);
	for (size_t i = 0; i < n; i++)
		lc_json_str(j, ids[i]);
	lc_json_end_array(j);
}

static const char *subject_name(lc_change_subject s)
{
	switch (s) {
	case LC_SUBJECT_LADDER: return "ladder";
	case LC_SUBJECT_TRACK: return "track";
	case LC_SUBJECT_LEVEL: return "level";
	case LC_SUBJECT_GROUP: return "group";
	case LC_SUBJECT_COMPETENCY: return "competency";
	case LC_SUBJECT_EXPECTATION: return "expectation";
	case LC_SUBJECT_ROLE: return "role";
	case LC_SUBJECT_TITLE: return "title";
	case LC_SUBJECT_PROMOTION: return "promotion";
	case LC_SUBJECT_PATH: return "path";
	}
	return "?";
}

static void json_place(lc_json *j, ladder_str path, uint32_t pos)
{
	lc_json_object(j);
	lc_json_key(j, "path");
	lc_json_str(j, path);
	lc_json_key(j, "position");
	lc_json_int(j, pos);
	lc_json_end_object(j);
}

static int emit_json_diff(const lc_diff *d, lc_buf *out)
{
	const lc_diff_summary *s = &d->summary;
	lc_json jv, *j = &jv;
	lc_json_init(j, out);
	lc_json_object(j);
	lc_json_key(j, "semver");
	lc_json_cstring(j, lc_bump_name(s->bump));
	lc_json_key(j, "summary");
	lc_json_object(j);
	lc_json_key(j, "added");
	lc_json_int(j, (long long)s->added);
	lc_json_key(j, "removed");
	lc_json_int(j, (long long)s->removed);
	lc_json_key(j, "changed");
	lc_json_int(j, (long long)s->changed);
	lc_json_key(j, "moved");
	lc_json_int(j, (long long)s->moved);
	lc_json_key(j, "expectations");
	lc_json_object(j);
	lc_json_key(j, "levels");
	json_ids(j, s->expectation_levels, s->nexpectation_levels);
	lc_json_key(j, "roles");
	json_ids(j, s->expectation_roles, s->nexpectation_roles);
	lc_json_end_object(j);
	lc_json_key(j, "titles");
	lc_json_object(j);
	lc_json_key(j, "levels");
	json_ids(j, s->title_levels, s->ntitle_levels);
	lc_json_key(j, "roles");
	json_ids(j, s->title_roles, s->ntitle_roles);
	lc_json_end_object(j);
	lc_json_end_object(j);
	lc_json_key(j, "changes");
	lc_json_array(j);
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		lc_json_object(j);
		lc_json_key(j, "change");
		lc_json_cstring(j, lc_change_kind_name(ch->kind));
		lc_json_key(j, "path");
		lc_json_str(j, ch->path);
		lc_json_key(j, "subject");
		lc_json_cstring(j, subject_name(ch->subject));
		lc_json_key(j, "semver");
		lc_json_cstring(j, lc_bump_name(ch->bump));
		lc_json_key(j, "label");
		lc_json_str(j, ch->label);
		if (ch->kind == LC_CHANGE_MOVED) {
			lc_json_key(j, "old");
			json_place(j, ch->old_path, ch->old_pos);
			lc_json_key(j, "new");
			json_place(j, ch->path, ch->new_pos);
		} else {
			lc_json_key(j, "old");
			lc_json_str(j, ch->old_value);
			lc_json_key(j, "new");
			lc_json_str(j, ch->new_value);
		}
		if (ch->competency) { /* what the added or removed competency expects */
			const ladder *l = ch->competency_ladder;
			lc_json_key(j, "levels");
			lc_json_object(j);
			for (size_t k = 0; k < l->nlevels; k++) {
				if (!ch->competency->text[k].s)
					continue;
				lc_json_key_n(j, l->levels[k]->id.s, l->levels[k]->id.len);
				lc_json_str(j, ch->competency->text[k]);
			}
			lc_json_end_object(j);
		}
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_end_object(j);
	lc_json_finish(j);
	return 0;
}

int lc_diff_emit(const lc_diff *d, lc_diff_format format, const lc_diff_emit_options *opts, lc_buf *out)
{
	static const lc_diff_emit_options defaults = {0, NULL};
	if (!opts)
		opts = &defaults;
	if (d->nchanges == 0)
		return 0;
	int rc;
	switch (format) {
	case LC_DIFF_TEXT: rc = lc_emit_text(d, opts, out); break;
	case LC_DIFF_MARKDOWN: rc = lc_emit_markdown(d, opts, out); break;
	case LC_DIFF_HTML: rc = lc_emit_html(d, opts, out); break;
	case LC_DIFF_JSON: rc = emit_json_diff(d, out); break;
	default: rc = -1;
	}
	return rc < 0 || lc_buf_failed(out) ? -1 : 0;
}
