/* The views and emitters: what each view contains (level, next), and the
 * properties every format keeps on the bundled ladders and the hostile one:
 * the CSV parses back to exactly the model's cells, every text of the input
 * appears in every format, output is deterministic and wraps to its width. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/emit.h"
#include "escape.h"
#include "json.h"
#include "ladderc/load.h"
#include "csv_reader.h"
#include "view.h"

static const char *const ladders[] = {
	LADDERC_SOURCE_DIR "/ladders/sequence.yaml",
	LADDERC_SOURCE_DIR "/ladders/example/ladder.yaml",
	LADDERC_SOURCE_DIR "/tests/hostile/ladder.yaml",
};
enum { NLADDERS = sizeof ladders / sizeof ladders[0] };

static ladder *load(const char *path)
{
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = ladder_load_file(path, NULL, &d, &l);
	if (st != LADDER_OK)
		fprintf(stderr, "cannot load %s (%zu errors)\n", path, d.errors);
	lc_diags_free(&d);
	assert_int_equal(st, LADDER_OK);
	return l;
}

static lc_buf render(const ladder *l, ladder_format f, const ladder_view *v, const ladder_emit_options *o)
{
	lc_buf b = LC_BUF_INIT;
	assert_int_equal(ladder_emit(l, f, v, o, &b), 0);
	lc_buf_putc(&b, '\0');
	b.len--;
	return b;
}

static int contains(const lc_buf *hay, const char *needle, size_t n)
{
	if (n == 0)
		return 1;
	for (size_t i = 0; i + n <= hay->len; i++) {
		const char *p = memchr(hay->data + i, needle[0], hay->len - i - n + 1);
		if (!p)
			return 0;
		i = (size_t)(p - hay->data);
		if (memcmp(p, needle, n) == 0)
			return 1;
	}
	return 0;
}

static const ladder_level *level(const ladder *l, const char *id)
{
	const ladder_level *lv = ladder_find_level(l, id);
	assert_non_null(lv);
	return lv;
}

static const ladder_role *role(const ladder *l, const char *id)
{
	const ladder_role *r = ladder_find_role(l, id);
	assert_non_null(r);
	return r;
}

static csv_doc parse_csv(const lc_buf *b)
{
	csv_doc d;
	size_t at = 0;
	int rc = csv_parse(b->data, b->len, &d, &at);
	if (rc)
		fprintf(stderr, "CSV does not parse at byte %zu\n", at);
	assert_int_equal(rc, 0);
	return d;
}

static int field_is(const csv_field *f, ladder_str s)
{
	return f->len == s.len && memcmp(f->s, s.s, s.len) == 0;
}

static int field_is_c(const csv_field *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->s, s, f->len) == 0;
}

/* A CSV field holds exactly the model's text, with the formula guard. */
static void assert_cell(const csv_field *f, ladder_str s)
{
	const char *p = s.s ? s.s : "";
	size_t n = s.s ? s.len : 0;
	int guarded = n > 0 && strchr("=+-@\t\r", p[0]) != NULL;
	assert_int_equal(f->len, n + (size_t)guarded);
	if (guarded)
		assert_int_equal(f->s[0], '\'');
	assert_memory_equal(f->s + guarded, p, n);
}

static void put_raw(lc_buf *out, ladder_str s)
{
	lc_buf_put(out, s.s, s.len);
}

static const lc_view_flat_style csv_style = {"\xE2\x80\xA2 ", "\n", "\n\n"};
static const lc_view_flat_style md_cell_style = {"\xE2\x80\xA2 ", "<br>", "<br><br>"};

static void md_cell_piece(lc_buf *out, ladder_str s)
{
	lc_escape_markdown(out, s.s, s.len, 1);
}

/* A CSV field holds the model's prose with its bullets as "• " (the block
 * rules of view.h, checked on their own in test_flat_text), guarded. */
static void assert_prose_cell(const csv_field *f, ladder_str s)
{
	lc_buf flat = LC_BUF_INIT;
	lc_view_flat_text(&flat, s, &csv_style, put_raw);
	ladder_str fs = {flat.data ? flat.data : "", flat.len};
	assert_cell(f, s.s ? fs : s);
	lc_buf_free(&flat);
}

/* Issue 17 c-f: one rule for every format that flattens prose (a Markdown
 * cell, a CSV field): a block scalar's final newline never shows, a bullet's
 * continuation lines join it with a space, a one-line "- x" is a bullet. */
static void flat(const char *text, const char *want)
{
	lc_buf b = LC_BUF_INIT;
	ladder_str s = {text, strlen(text)};
	lc_view_flat_text(&b, s, &md_cell_style, put_raw);
	lc_buf_putc(&b, '\0');
	assert_string_equal(b.data, want);
	lc_buf_free(&b);
}

static void test_flat_text(void **state)
{
	(void)state;
	flat("one line", "one line");
	flat(" kept as written ", " kept as written ");
	flat("ends in a newline\n", "ends in a newline");
	flat("- x", "\xE2\x80\xA2 x");
	flat("a\nb\n\nc\n\n", "a<br>b<br><br>c");
	flat("- a\n  goes on\n- b\n", "\xE2\x80\xA2 a goes on<br>\xE2\x80\xA2 b");
	flat("intro\n- a\nafter\n", "intro<br><br>\xE2\x80\xA2 a<br><br>after");
	flat("-5 is a number\n", "-5 is a number");
}

/* ---- the level and next views --------------------------------------------- */

/* --role software-engineer --level E4 lists exactly the texts of IC1, IC2, E3
 * and E4, each marked with its level; those of E4 are the new ones. */
static void test_level_view_is_cumulative(void **state)
{
	(void)state;
	ladder *l = load(ladders[0]);
	const ladder_role *se = role(l, "software-engineer");
	const ladder_level *e4 = level(l, "E4");
	ladder_view v = {LADDER_VIEW_LEVEL, se, NULL, e4};
	ladder_emit_options o = {0, 0, 0, 0, NULL, 0, NULL};
	lc_buf b = render(l, LADDER_FORMAT_CSV, &v, &o);
	csv_doc d = parse_csv(&b);
	const char *const chain[] = {"IC1", "IC2", "E3", "E4"};
	size_t rows = 1;
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, l, se, &e4, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		for (size_t k = 0; k < 4; k++) {
			const ladder_level *src = level(l, chain[k]);
			assert_non_null(c->text[src->index].s);
			assert_true(rows < d.n);
			const csv_row *r = &d.rows[rows++];
			assert_true(field_is(&r->f[9], c->id));
			assert_true(field_is_c(&r->f[4], "E4"));
			assert_true(field_is_c(&r->f[12], chain[k]));
			assert_prose_cell(&r->f[11], c->text[src->index]);
		}
	}
	assert_int_equal(rows, d.n); /* nothing from E5 or E6, nothing twice */
	assert_int_equal(d.n, 1 + 8 * 4);
	csv_doc_free(&d);
	lc_buf_free(&b);

	/* Markdown: every one of those texts, none of E5's or E6's, 8 marked new */
	b = render(l, LADDER_FORMAT_MARKDOWN, &v, &o);
	lc_view_comp_begin(&it, l, se, &e4, 1);
	lc_buf esc = LC_BUF_INIT;
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		for (size_t i = 0; i < l->nlevels; i++) {
			ladder_str s = c->text[i];
			if (!s.s)
				continue; /* the L track of this ladder has no texts */
			lc_buf_clear(&esc);
			lc_escape_markdown(&esc, s.s, s.len, 1);
			int in_chain = l->levels[i]->rank <= 4 && l->levels[i]->track->id.s[0] != 'L';
			if (contains(&b, esc.data, esc.len) != in_chain)
				fail_msg("%s at %s: %s", c->id.s, l->levels[i]->id.s, in_chain ? "missing" : "present");
		}
	}
	size_t marked = 0;
	for (const char *p = b.data; (p = strstr(p, "**new**")); p++)
		marked++;
	assert_int_equal(marked, 8 + 1); /* one per competency, one in the legend */
	assert_non_null(strstr(b.data, "<a id=\"software-engineer.level.E4\"></a>\n# "));
	lc_buf_free(&esc);
	lc_buf_free(&b);
	ladder_free(l);
}

/* --level E3 --next is exactly what E4 adds; at the fork (IC2) both E3 and L3. */
static void test_next_view(void **state)
{
	(void)state;
	ladder *l = load(ladders[1]);
	const ladder_role *se = role(l, "software-engineer");
	ladder_view v = {LADDER_VIEW_NEXT, se, NULL, level(l, "E3")};
	ladder_emit_options o = {0, 0, 0, 0, NULL, 0, NULL};
	lc_buf b = render(l, LADDER_FORMAT_CSV, &v, &o);
	csv_doc d = parse_csv(&b);
	const ladder_level *e4 = level(l, "E4");
	size_t rows = 1;
	lc_view_comp_iter it;
	lc_view_comp_begin(&it, l, se, &e4, 1);
	for (const ladder_competency *c; (c = lc_view_comp_next(&it));) {
		const csv_row *r = &d.rows[rows++];
		assert_true(field_is_c(&r->f[4], "E4"));
		assert_true(field_is(&r->f[9], c->id));
		assert_prose_cell(&r->f[11], c->text[e4->index]);
	}
	assert_int_equal(rows, d.n);
	csv_doc_free(&d);
	lc_buf_free(&b);

	v.level = level(l, "IC2");
	b = render(l, LADDER_FORMAT_CSV, &v, &o);
	d = parse_csv(&b);
	size_t e3 = 0, l3 = 0;
	for (size_t i = 1; i < d.n; i++) {
		if (field_is_c(&d.rows[i].f[4], "E3"))
			e3++;
		else if (field_is_c(&d.rows[i].f[4], "L3"))
			l3++;
		else
			fail_msg("a row for level %s", d.rows[i].f[4].s);
	}
	assert_int_equal(e3, 10); /* 8 company-wide competencies and 2 of the role's */
	assert_int_equal(l3, 11); /* and managing-people, on the L track only */
	csv_doc_free(&d);
	lc_buf_free(&b);

	/* the account executive has no Expert track: only L3 comes next */
	v.role = role(l, "account-executive");
	b = render(l, LADDER_FORMAT_MARKDOWN, &v, &o);
	assert_non_null(strstr(b.data, "## What L3 "));
	assert_null(strstr(b.data, "## What E3 "));
	lc_buf_free(&b);

	/* the top of a track has no next level */
	v.role = se;
	v.level = level(l, "E6");
	b = render(l, LADDER_FORMAT_TEXT, &v, &o);
	assert_non_null(strstr(b.data, "there is no next level"));
	lc_buf_free(&b);
	ladder_free(l);
}

static void test_matrix_tracks(void **state)
{
	(void)state;
	ladder *l = load(ladders[1]);
	const ladder_track *out[8];
	/* every track that ends a chain: E and L, not IC (both contain it) */
	size_t n = lc_view_matrix_tracks(l, role(l, "software-engineer"), NULL, out);
	assert_int_equal(n, 2);
	assert_true(out[0]->id.s[0] == 'E' && out[1]->id.s[0] == 'L');
	n = lc_view_matrix_tracks(l, role(l, "account-executive"), NULL, out);
	assert_int_equal(n, 1);
	assert_true(out[0]->id.s[0] == 'L');
	n = lc_view_matrix_tracks(l, role(l, "account-executive"), ladder_find_track(l, "IC"), out);
	assert_int_equal(n, 1);
	n = lc_view_matrix_tracks(l, role(l, "account-executive"), ladder_find_track(l, "E"), out);
	assert_int_equal(n, 0);
	const ladder_level *chain[8];
	n = lc_view_track_chain(ladder_find_track(l, "E"), chain);
	assert_int_equal(n, 6);
	assert_int_equal(lc_view_chain_len(ladder_find_track(l, "E")), 6);
	assert_true(chain[0]->id.s[0] == 'I' && chain[5] == level(l, "E6"));
	ladder_free(l);
}

static void test_intro_blocks(void **state)
{
	(void)state;
	const char *t = "Para one\nstill one.\n\n- bullet a\n  continued\n- bullet b\nPara two\n\n\n";
	ladder_str s = {t, strlen(t)};
	size_t pos = 0;
	lc_view_block b;
	const char *want[] = {"Para one\nstill one.", "bullet a\n  continued", "bullet b", "Para two"};
	int bullets[] = {0, 1, 1, 0};
	for (size_t i = 0; i < 4; i++) {
		assert_true(lc_view_next_block(s, &pos, &b));
		assert_int_equal(b.bullet, bullets[i]);
		assert_int_equal(b.text.len, strlen(want[i]));
		assert_memory_equal(b.text.s, want[i], b.text.len);
	}
	assert_false(lc_view_next_block(s, &pos, &b));
	/* lines come without their indent */
	pos = 0;
	lc_view_next_block(s, &pos, &b);
	lc_view_next_block(s, &pos, &b);
	size_t lp = 0;
	ladder_str line;
	assert_true(lc_view_block_line(&b, &lp, &line));
	assert_int_equal(line.len, 8);
	assert_true(lc_view_block_line(&b, &lp, &line));
	assert_int_equal(line.len, 9);
	assert_memory_equal(line.s, "continued", 9);
	assert_false(lc_view_block_line(&b, &lp, &line));
}

static void test_track_diagram(void **state)
{
	(void)state;
	ladder *l = load(ladders[0]);
	lc_buf b = LC_BUF_INIT;
	lc_view_track_diagram(l, &b, "");
	lc_buf_putc(&b, '\0');
	assert_string_equal(b.data, "IC1 \xE2\x86\x92 IC2\n"
	                            "         \xE2\x94\x9C\xE2\x86\x92 E3 \xE2\x86\x92 E4 \xE2\x86\x92 E5 \xE2\x86\x92 E6\n"
	                            "         \xE2\x94\x94\xE2\x86\x92 L3 \xE2\x86\x92 L4 \xE2\x86\x92 L5 \xE2\x86\x92 L6\n");
	lc_buf_free(&b);
	ladder_free(l);
}

/* ---- properties over every ladder ------------------------------------------- */

/* The long CSV of the whole ladder is exactly the model: one row per (role,
 * track ending a chain, level of its chain, competency), holding the text
 * written at that level. The expected rows are built here from the model
 * directly, without the view helpers. */
static void test_csv_is_the_model(void **state)
{
	(void)state;
	for (size_t li = 0; li < NLADDERS; li++) {
		ladder *l = load(ladders[li]);
		ladder_view v = {LADDER_VIEW_LADDER, NULL, NULL, NULL};
		ladder_emit_options o = {0, 0, 0, 0, NULL, 0, NULL};
		lc_buf b = render(l, LADDER_FORMAT_CSV, &v, &o);
		csv_doc d = parse_csv(&b);
		/* proficiency and examples come last, only in a ladder that has them */
		size_t ncols = ladder_has_cell_details(l) ? 15 : 13;
		assert_int_equal(d.rows[0].n, ncols);
		size_t row = 1;
		for (size_t ri = 0; ri < l->nroles; ri++) {
			const ladder_role *r = l->roles[ri];
			for (size_t ti = 0; ti < r->ntracks; ti++) {
				const ladder_track *t = r->tracks[ti];
				const ladder_level *top = t->levels[t->nlevels - 1];
				int continued = 0;
				for (size_t k = 0; k < r->ntracks; k++)
					continued |= r->tracks[k]->from == top;
				if (continued)
					continue;
				const ladder_level *chain[64];
				size_t n = ladder_chain(top, chain);
				for (size_t k = 0; k < n; k++) {
					for (size_t gi = 0; gi < l->ngroups + r->ngroups; gi++) {
						const ladder_group *g = gi < l->ngroups ? l->groups[gi] : r->groups[gi - l->ngroups];
						for (size_t ci = 0; ci < g->ncompetencies; ci++) {
							const ladder_competency *c = g->competencies[ci];
							if (!ladder_competency_applies(c, r, chain[k]))
								continue; /* its scope: no row */
							assert_true(row < d.n);
							const csv_row *rw = &d.rows[row++];
							assert_int_equal(rw->n, ncols);
							ladder_str text = c->text[chain[k]->index];
							char rank[16];
							snprintf(rank, sizeof rank, "%u", chain[k]->rank);
							ladder_str empty = {"", 0};
							assert_cell(&rw->f[0], r->id);
							assert_cell(&rw->f[1], r->name);
							assert_cell(&rw->f[2], r->family);
							assert_cell(&rw->f[3], t->id);
							assert_cell(&rw->f[4], chain[k]->id);
							assert_cell(&rw->f[5], chain[k]->name);
							assert_true(field_is_c(&rw->f[6], rank));
							assert_cell(&rw->f[7], r->title[chain[k]->index]);
							assert_cell(&rw->f[8], g->id);
							assert_cell(&rw->f[9], c->id);
							assert_cell(&rw->f[10], c->name);
							assert_prose_cell(&rw->f[11], text);
							assert_cell(&rw->f[12], text.s ? chain[k]->id : empty);
							if (ncols == 15) {
								const ladder_proficiency *p = ladder_cell_proficiency(c, chain[k]);
								assert_cell(&rw->f[13], p ? p->id : empty);
								size_t ne;
								ladder_cell_examples(c, chain[k], &ne);
								/* one "• " line per example */
								size_t lines = rw->f[14].len ? 1 : 0;
								for (size_t i = 0; i < rw->f[14].len; i++)
									lines += rw->f[14].s[i] == '\n';
								assert_int_equal(lines, ne);
							}
						}
					}
				}
			}
		}
		assert_int_equal(row, d.n);
		csv_doc_free(&d);
		lc_buf_free(&b);

		/* the wide table: as many fields in every row as in the header */
		o.csv_matrix = 1;
		b = render(l, LADDER_FORMAT_CSV, &v, &o);
		d = parse_csv(&b);
		assert_true(d.n > 1);
		for (size_t i = 1; i < d.n; i++)
			assert_int_equal(d.rows[i].n, d.rows[0].n);
		assert_int_equal(d.rows[0].n, 6 + l->nlevels);
		csv_doc_free(&d);
		lc_buf_free(&b);

		/* with a byte order mark, only the three bytes differ */
		o.csv_matrix = 0;
		o.csv_bom = 1;
		lc_buf bom = render(l, LADDER_FORMAT_CSV, &v, &o);
		o.csv_bom = 0;
		b = render(l, LADDER_FORMAT_CSV, &v, &o);
		assert_int_equal(bom.len, b.len + 3);
		assert_memory_equal(bom.data, "\xEF\xBB\xBF", 3);
		assert_memory_equal(bom.data + 3, b.data, b.len);
		lc_buf_free(&bom);
		lc_buf_free(&b);
		ladder_free(l);
	}
}

/* Text output, compared without whitespace: wrapping moves line breaks and
 * indents, controls become U+FFFD. */
static void squeeze(lc_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
			continue;
		if (c < 0x20 || c == 0x7F)
			lc_buf_puts(out, "\xEF\xBF\xBD");
		else
			lc_buf_putc(out, (char)c);
	}
}

/* Prose as the text output writes it, squeezed: the bullets' "- " stay,
 * the rest is the text's words. */
static void squeeze_prose(lc_buf *out, ladder_str s)
{
	static const lc_view_flat_style style = {"- ", "\n", "\n"};
	lc_buf flat = LC_BUF_INIT;
	lc_view_flat_text(&flat, s, &style, put_raw);
	squeeze(out, flat.data ? flat.data : "", flat.len);
	lc_buf_free(&flat);
}

typedef struct texts {
	ladder_str *items;
	size_t n, cap;
} texts;

static void add(texts *t, ladder_str s)
{
	if (!s.s || s.len == 0)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->items = realloc(t->items, t->cap * sizeof *t->items);
	}
	t->items[t->n++] = s;
}

/* Every text a reader needs: names, titles, expectations, descriptions,
 * summaries, promotion and path texts. */
static void collect(const ladder *l, texts *t)
{
	add(t, l->name);
	add(t, l->title);
	add(t, l->updated);
	for (size_t i = 0; i < l->ntracks; i++)
		add(t, l->tracks[i]->name);
	for (size_t i = 0; i < l->nlevels; i++) {
		add(t, l->levels[i]->name);
		add(t, l->levels[i]->summary);
	}
	for (size_t ri = 0; ri < l->nroles; ri++) {
		const ladder_role *r = l->roles[ri];
		add(t, r->name);
		add(t, r->family);
		for (size_t i = 0; i < l->nlevels; i++)
			add(t, r->title[i]);
		for (size_t gi = 0; gi < ladder_role_ngroups(l, r); gi++) {
			const ladder_group *g = ladder_role_group(l, r, gi);
			add(t, g->name);
			add(t, g->description);
			for (size_t ci = 0; ci < g->ncompetencies; ci++) {
				add(t, g->competencies[ci]->name);
				add(t, g->competencies[ci]->description);
				for (size_t i = 0; i < l->nlevels; i++)
					add(t, g->competencies[ci]->text[i]);
			}
		}
	}
	const ladder_promotion *p = &l->promotion;
	for (size_t i = 0; i <= p->ninto; i++) {
		const ladder_criteria *c = i < p->ninto ? &p->into[i].criteria : &p->defaults;
		add(t, c->time_in_level);
		for (size_t k = 0; k < c->nevidence; k++)
			add(t, c->evidence[k]);
	}
	for (size_t i = 0; i < l->npaths; i++) {
		for (size_t k = 0; k < l->paths[i].ntransferable; k++)
			add(t, l->paths[i].transferable[k]);
		for (size_t k = 0; k < l->paths[i].ngaps; k++)
			add(t, l->paths[i].gaps[k]);
	}
}

static void test_every_text_in_every_format(void **state)
{
	(void)state;
	for (size_t li = 0; li < NLADDERS; li++) {
		ladder *l = load(ladders[li]);
		ladder_view v = {LADDER_VIEW_LADDER, NULL, NULL, NULL};
		ladder_emit_options o = {0, 0, 0, 0, NULL, 0, NULL};
		texts t = {NULL, 0, 0};
		collect(l, &t);
		lc_buf md = render(l, LADDER_FORMAT_MARKDOWN, &v, &o);
		lc_buf tx = render(l, LADDER_FORMAT_TEXT, &v, &o);
		lc_buf csv = render(l, LADDER_FORMAT_CSV, &v, &o);
		ladder_view mv = {LADDER_VIEW_MATRIX, NULL, NULL, NULL};
		lc_buf js = render(l, LADDER_FORMAT_JSON, &mv, &o);
		lc_buf tsq = LC_BUF_INIT, want = LC_BUF_INIT;
		squeeze(&tsq, tx.data, tx.len);
		csv_doc d = parse_csv(&csv);
		for (size_t i = 0; i < t.n; i++) {
			ladder_str s = t.items[i];
			/* Markdown: in a cell or in running text */
			lc_buf_clear(&want);
			lc_escape_markdown(&want, s.s, s.len, 1);
			int in_md = contains(&md, want.data, want.len);
			lc_buf_clear(&want);
			lc_view_flat_text(&want, s, &md_cell_style, md_cell_piece);
			in_md |= contains(&md, want.data, want.len);
			lc_buf_clear(&want);
			lc_escape_markdown(&want, s.s, s.len, 0);
			in_md |= contains(&md, want.data, want.len);
			if (!in_md)
				fail_msg("%s: not in the Markdown: %.*s", ladders[li], (int)s.len, s.s);
			lc_buf_clear(&want);
			squeeze_prose(&want, s);
			if (!contains(&tsq, want.data, want.len))
				fail_msg("%s: not in the text: %.*s", ladders[li], (int)s.len, s.s);
		}
		/* CSV and JSON views carry the role and competency texts */
		for (size_t ri = 0; ri < l->nroles; ri++) {
			const ladder_role *r = l->roles[ri];
			for (size_t gi = 0; gi < ladder_role_ngroups(l, r); gi++) {
				const ladder_group *g = ladder_role_group(l, r, gi);
				for (size_t ci = 0; ci < g->ncompetencies; ci++) {
					const ladder_competency *c = g->competencies[ci];
					for (size_t k = 0; k < l->nlevels; k++) {
						ladder_str s = c->text[k];
						if (!s.s || !ladder_role_has_level(r, l->levels[k]))
							continue;
						lc_buf_clear(&want);
						lc_escape_json(&want, s.s, s.len);
						if (!contains(&js, want.data, want.len))
							fail_msg("not in the JSON view: %.*s", (int)s.len, s.s);
						lc_buf_clear(&want);
						lc_view_flat_text(&want, s, &csv_style, put_raw);
						int found = 0;
						for (size_t row = 1; row < d.n && !found; row++) {
							const csv_field *f = &d.rows[row].f[11];
							int guarded = want.len && strchr("=+-@\t\r", want.data[0]);
							found = f->len == want.len + (size_t)guarded &&
							        memcmp(f->s + guarded, want.data, want.len) == 0;
						}
						if (!found)
							fail_msg("not in the CSV: %.*s", (int)s.len, s.s);
					}
				}
			}
		}
		csv_doc_free(&d);
		free(t.items);
		lc_buf_free(&want);
		lc_buf_free(&tsq);
		lc_buf_free(&md);
		lc_buf_free(&tx);
		lc_buf_free(&csv);
		lc_buf_free(&js);
		ladder_free(l);
	}
}

/* Same input, same bytes; and the text view keeps to its width. */
static void test_deterministic_and_wrapped(void **state)
{
	(void)state;
	for (size_t li = 0; li < NLADDERS; li++) {
		ladder *l = load(ladders[li]);
		const ladder_role *r = l->roles[0];
		const ladder_view views[] = {
			{LADDER_VIEW_LADDER, NULL, NULL, NULL},
			{LADDER_VIEW_OVERVIEW, NULL, NULL, NULL},
			{LADDER_VIEW_MATRIX, r, NULL, NULL},
			{LADDER_VIEW_LEVEL, r, NULL, l->levels[l->nlevels - 1]},
			{LADDER_VIEW_NEXT, NULL, NULL, l->levels[0]},
		};
		const ladder_format formats[] = {LADDER_FORMAT_MARKDOWN, LADDER_FORMAT_CSV, LADDER_FORMAT_TEXT,
		                                 LADDER_FORMAT_JSON};
		for (size_t vi = 0; vi < sizeof views / sizeof views[0]; vi++) {
			for (size_t fi = 0; fi < sizeof formats / sizeof formats[0]; fi++) {
				ladder_emit_options o = {0, 0, 40, 0, NULL, 0, NULL};
				lc_buf a = render(l, formats[fi], &views[vi], &o);
				lc_buf b = render(l, formats[fi], &views[vi], &o);
				assert_true(a.len > 0);
				assert_int_equal(a.len, b.len);
				assert_memory_equal(a.data, b.data, a.len);
				if (formats[fi] == LADDER_FORMAT_TEXT) {
					size_t col = 0;
					for (size_t i = 0; i < a.len; i++) {
						if (a.data[i] == '\n') {
							col = 0;
							continue;
						}
						/* the track diagram is not wrapped: skip its lines */
						if (col == 0) {
							const char *e = memchr(a.data + i, '\n', a.len - i);
							size_t n = e ? (size_t)(e - (a.data + i)) : a.len - i;
							lc_buf line = LC_BUF_INIT;
							lc_buf_put(&line, a.data + i, n);
							lc_buf_putc(&line, '\0');
							int diagram = strstr(line.data, "\xE2\x86\x92 ") &&
							              strspn(line.data, " ") >= 2 && !strstr(line.data, "Engineer");
							lc_buf_free(&line);
							if (diagram) {
								i += n - 1;
								continue;
							}
						}
						unsigned char c = (unsigned char)a.data[i];
						if ((c & 0xC0) == 0x80)
							continue;
						/* bidi closers take no room: skip U+202C and U+2069 */
						if (c == 0xE2 && i + 2 < a.len &&
						    ((a.data[i + 1] == '\x80' && a.data[i + 2] == '\xAC') ||
						     (a.data[i + 1] == '\x81' && a.data[i + 2] == '\xA9')))
							continue;
						col++;
						if (col > 40)
							fail_msg("%s: a text line is over 40 columns at byte %zu", ladders[li], i);
					}
				}
				lc_buf_free(&a);
				lc_buf_free(&b);
			}
		}
		ladder_free(l);
	}
}

/* Plain -f json is the model itself, whatever the dispatcher. */
static void test_json_ladder_is_the_model(void **state)
{
	(void)state;
	ladder *l = load(ladders[1]);
	ladder_view v = {LADDER_VIEW_LADDER, NULL, NULL, NULL};
	lc_buf a = render(l, LADDER_FORMAT_JSON, &v, NULL);
	lc_buf b = LC_BUF_INIT;
	lc_emit_json(l, &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	lc_buf_free(&a);
	lc_buf_free(&b);
	ladder_free(l);
}

/* One table of format names for every command: each name and alias finds
 * its format, whose emitter is the one ladder_emit runs; nothing else does. */
static void test_format_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		ladder_format f;
	} names[] = {
		{"json", LADDER_FORMAT_JSON}, {"markdown", LADDER_FORMAT_MARKDOWN}, {"md", LADDER_FORMAT_MARKDOWN},
		{"html", LADDER_FORMAT_HTML}, {"csv", LADDER_FORMAT_CSV},           {"text", LADDER_FORMAT_TEXT},
		{"txt", LADDER_FORMAT_TEXT},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const ladder_format_info *fi = ladder_format_find(names[i].name);
		assert_non_null(fi);
		assert_int_equal(fi->format, names[i].f);
		assert_ptr_equal(ladder_format_get(names[i].f), fi);
		assert_non_null(fi->emit);
	}
	static const char *const unknown[] = {"", "pdf", "MD", "Markdown", "markdown ", "mark", "t"};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		assert_null(ladder_format_find(unknown[i]));
	assert_ptr_equal(ladder_format_find_n("md,csv", 2), ladder_format_get(LADDER_FORMAT_MARKDOWN));
	assert_null(ladder_format_find_n("md,csv", 3));
	assert_null(ladder_format_get((ladder_format)99));
	lc_buf b = LC_BUF_INIT;
	ladder_view v = {LADDER_VIEW_OVERVIEW, NULL, NULL, NULL};
	assert_int_equal(ladder_emit(NULL, (ladder_format)99, &v, NULL, &b), -1);
	lc_buf_free(&b);

	ladder *l = load(ladders[1]);
	for (int f = LADDER_FORMAT_JSON; f <= LADDER_FORMAT_TEXT; f++) {
		const ladder_format_info *fi = ladder_format_get((ladder_format)f);
		assert_non_null(fi);
		lc_buf a = render(l, (ladder_format)f, &v, NULL);
		lc_buf c = LC_BUF_INIT;
		assert_int_equal(fi->emit(l, &v, NULL, &c), 0);
		assert_int_equal(a.len, c.len);
		assert_memory_equal(a.data, c.data, a.len);
		lc_buf_free(&a);
		lc_buf_free(&c);
	}
	ladder_free(l);
}

/* A level or next view without a level is refused by every format (the
 * view walk checks it once), not followed into a NULL level. */
static void test_level_view_needs_a_level(void **state)
{
	(void)state;
	ladder *l = load(ladders[1]);
	for (int f = LADDER_FORMAT_JSON; f <= LADDER_FORMAT_TEXT; f++) {
		for (int k = LADDER_VIEW_LEVEL; k <= LADDER_VIEW_NEXT; k++) {
			ladder_view v = {(ladder_view_kind)k, NULL, NULL, NULL};
			lc_buf b = LC_BUF_INIT;
			assert_int_equal(ladder_emit(l, (ladder_format)f, &v, NULL, &b), -1);
			lc_buf_free(&b);
		}
	}
	ladder_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_view_is_cumulative),
		cmocka_unit_test(test_next_view),
		cmocka_unit_test(test_matrix_tracks),
		cmocka_unit_test(test_intro_blocks),
		cmocka_unit_test(test_track_diagram),
		cmocka_unit_test(test_csv_is_the_model),
		cmocka_unit_test(test_every_text_in_every_format),
		cmocka_unit_test(test_flat_text),
		cmocka_unit_test(test_deterministic_and_wrapped),
		cmocka_unit_test(test_json_ladder_is_the_model),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_level_view_needs_a_level),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
