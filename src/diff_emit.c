/* The diff's output, the parts every format shares: lc_diff_emit's table of
 * formats, a change's value (a word diff for prose), the summary, and the
 * changes grouped into sections by role and level. Each format is a file of
 * its own (src/diff_emit.h). */
#include "diff_emit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "wdiff.h"

void lc_diff_put_str(lc_buf *out, const lc_diff_style *st, ladder_str s)
{
	st->text(out, s.s ? s.s : "", s.len);
}

/* Deleted and inserted text in the format's markup. */
static void put_del(lc_buf *out, const lc_diff_style *st, const char *s, size_t len)
{
	if (!len)
		return;
	lc_buf_puts(out, st->del_open);
	st->text(out, s, len);
	lc_buf_puts(out, st->del_close);
}

static void put_ins(lc_buf *out, const lc_diff_style *st, const char *s, size_t len)
{
	if (!len)
		return;
	lc_buf_puts(out, st->ins_open);
	st->text(out, s, len);
	lc_buf_puts(out, st->ins_close);
}

static void put_position(lc_buf *out, uint32_t pos)
{
	lc_buf_printf(out, "position %u", (unsigned)pos);
}

/* A whole competency added or removed: its expectations, level by level. */
static void put_expectations(lc_buf *out, const lc_diff_style *st, const lc_change *ch)
{
	const ladder *l = ch->competency_ladder;
	for (size_t i = 0; i < l->nlevels; i++) {
		ladder_str t = ch->competency->text[i];
		if (!t.s || (ch->competency_levels && !ch->competency_levels[i]))
			continue;
		lc_buf_puts(out, st->expectation_break);
		lc_diff_put_str(out, st, l->levels[i]->id);
		lc_buf_puts(out, ": ");
		if (ch->kind == LC_CHANGE_ADDED)
			put_ins(out, st, t.s, t.len);
		else
			put_del(out, st, t.s, t.len);
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

static void put_move(lc_buf *out, const lc_diff_style *st, const lc_change *ch)
{
	lc_buf_puts(out, "from ");
	if (!ladder_str_eq(ch->old_path, ch->path)) {
		lc_diff_put_str(out, st, ch->old_path);
		lc_buf_puts(out, " (");
		put_position(out, ch->old_pos);
		lc_buf_puts(out, ") to ");
	} else {
		put_position(out, ch->old_pos);
		lc_buf_puts(out, " to ");
	}
	put_position(out, ch->new_pos);
}

int lc_diff_put_value(lc_buf *out, const lc_diff_style *st, const lc_change *ch)
{
	ladder_str o = ch->old_value, n = ch->new_value;
	trim_final_breaks(&o, &n);
	switch (ch->kind) {
	case LC_CHANGE_ADDED:
		put_ins(out, st, n.s ? n.s : "", n.len);
		if (ch->competency)
			put_expectations(out, st, ch);
		return 0;
	case LC_CHANGE_REMOVED:
		put_del(out, st, o.s ? o.s : "", o.len);
		if (ch->competency)
			put_expectations(out, st, ch);
		return 0;
	case LC_CHANGE_MOVED:
		put_move(out, st, ch);
		return 0;
	case LC_CHANGE_CHANGED:
		break;
	}
	if (!ch->prose) { /* ids and lists: old and new whole */
		put_del(out, st, o.s, o.len);
		lc_buf_puts(out, st->old_new_sep);
		put_ins(out, st, n.s, n.len);
		return 0;
	}
	return lc_diff_put_words(out, st, o, n);
}

int lc_diff_put_words(lc_buf *out, const lc_diff_style *st, ladder_str o, ladder_str n)
{
	lc_wdiff_result r;
	if (lc_wdiff_text(o.s, o.len, n.s, n.len, &r) < 0) {
		lc_wdiff_free(&r);
		return -1;
	}
	for (size_t i = 0; i < r.nsegs; i++) {
		const lc_wdiff_seg *s = &r.segs[i];
		if (!s->changed) {
			st->text(out, o.s + s->a_off, s->a_len);
			continue;
		}
		put_del(out, st, o.s + s->a_off, s->a_len);
		put_ins(out, st, n.s + s->b_off, s->b_len);
	}
	lc_wdiff_free(&r);
	return 0;
}

/* ---- the summary ------------------------------------------------------------ */

static void put_list(lc_buf *out, const lc_diff_style *st, const ladder_str *items, size_t n)
{
	enum { SHOWN = 8 };
	if (n > SHOWN) {
		lc_buf_printf(out, "%zu levels", n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			lc_buf_puts(out, i + 1 == n ? " and " : ", ");
		lc_diff_put_str(out, st, items[i]);
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
static int put_affected(lc_buf *out, const lc_diff_style *st, const char *what, const ladder_str *levels,
                        size_t nlevels, size_t nroles)
{
	if (!nlevels)
		return 0;
	lc_buf_printf(out, "%s change at ", what);
	put_list(out, st, levels, nlevels);
	if (nroles)
		lc_buf_printf(out, " for %zu role%s", nroles, nroles == 1 ? "" : "s");
	return 1;
}

void lc_diff_put_summary(lc_buf *out, const lc_diff_style *st, const lc_diff *d, const char *sep,
                         const char *bump_open, const char *bump_close)
{
	const lc_diff_summary *s = &d->summary;
	put_counts(out, s);
	lc_buf_puts(out, sep);
	if (put_affected(out, st, "expectations", s->expectation_levels, s->nexpectation_levels,
	                 s->nexpectation_roles))
		lc_buf_puts(out, sep);
	if (put_affected(out, st, "titles", s->title_levels, s->ntitle_levels, s->ntitle_roles))
		lc_buf_puts(out, sep);
	lc_buf_printf(out, "suggested version bump: %s%s%s", bump_open, lc_bump_name(s->bump), bump_close);
}

int lc_diff_put_filter(lc_buf *out, const lc_diff_style *st, const lc_diff *d)
{
	const char *what[] = {"role ", "track ", "level "};
	const char *ids[] = {d->filter.role, d->filter.track, d->filter.level};
	const char *sep = "filtered to ";
	for (size_t i = 0; i < 3; i++) {
		if (!ids[i])
			continue;
		lc_buf_puts(out, sep);
		lc_buf_puts(out, what[i]);
		st->text(out, ids[i], strlen(ids[i]));
		sep = ", ";
	}
	return sep[0] == ',';
}

/* ---- sections: grouped by role, then by level -------------------------------- */

static int by_level(const void *pa, const void *pb)
{
	const lc_diff_item *a = pa, *b = pb;
	if (a->level_key != b->level_key)
		return a->level_key < b->level_key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static int company_wide(const lc_change *ch)
{
	return !ch->role_id.s && (ch->subject == LC_SUBJECT_GROUP || ch->subject == LC_SUBJECT_COMPETENCY ||
	                          ch->subject == LC_SUBJECT_EXPECTATION || ch->subject == LC_SUBJECT_PROFICIENCY ||
	                          ch->subject == LC_SUBJECT_EXAMPLES || ch->subject == LC_SUBJECT_SCOPE);
}

/* Sections: the whole ladder, all roles, then each role in order (some may
 * be empty). NULL when out of memory. */
static lc_diff_section *make_sections(const lc_diff *d, size_t *nsec)
{
	size_t cap = 2;
	lc_idmap roles;
	lc_idmap_init(&roles);
	lc_diff_section *secs = calloc(d->nchanges + 2, sizeof *secs);
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
		secs[slot[i]].items[secs[slot[i]].nitems++] = (lc_diff_item){d->changes[i].level_order + 1, i};
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

static void free_sections(lc_diff_section *secs, size_t n)
{
	for (size_t s = 0; s < n; s++)
		free(secs[s].items);
	free(secs);
}

int lc_diff_each_section(lc_buf *out, const lc_diff *d, const lc_diff_emit_options *o, lc_diff_section_fn put_section)
{
	size_t nsec;
	lc_diff_section *secs = make_sections(d, &nsec);
	if (!secs)
		return -1;
	int rc = 0;
	for (size_t s = 0; s < nsec && rc == 0; s++)
		if (secs[s].nitems)
			rc = put_section(out, d, o, &secs[s]);
	free_sections(secs, nsec);
	return rc;
}

/* ---- the format table --------------------------------------------------------- */

/* In lc_diff_format order: lc_diff_emit indexes it. */
static const lc_diff_emit_fn formats[] = {
	[LC_DIFF_TEXT] = lc_diff_emit_text,
	[LC_DIFF_MARKDOWN] = lc_diff_emit_markdown,
	[LC_DIFF_HTML] = lc_diff_emit_html,
	[LC_DIFF_JSON] = lc_diff_emit_json,
};

int lc_diff_emit(const lc_diff *d, lc_diff_format format, const lc_diff_emit_options *opts, lc_buf *out)
{
	static const lc_diff_emit_options defaults = {0, NULL, 0};
	if (!opts)
		opts = &defaults;
	if (d->nchanges == 0)
		return 0;
	if ((size_t)format >= sizeof formats / sizeof formats[0])
		return -1;
	int rc = formats[format](d, opts, out);
	return rc < 0 || lc_buf_failed(out) ? -1 : 0;
}
