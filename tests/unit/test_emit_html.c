/* The HTML emitter: escaping of hostile text, self-contained pages, views
 * holding exactly what they should, unique permalinks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/buf.h"
#include "ladderc/emit.h"
#include "ladderc/speed.h"
#include "ladderc/load.h"

static ladder *load(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", LADDERC_SOURCE_DIR, rel);
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = ladder_load_file(path, NULL, &d, &l);
	lc_diags_free(&d);
	assert_int_equal(st, LADDER_OK);
	return l;
}

/* Renders a view to a NUL-terminated string (caller frees). */
static char *render(const ladder *l, ladder_view_kind kind, const char *role, const char *level, int sheet,
                    const char *base)
{
	ladder_view v = {kind, NULL, NULL, NULL};
	if (role)
		assert_non_null(v.role = ladder_find_role(l, role));
	if (level)
		assert_non_null(v.level = ladder_find_level(l, level));
	ladder_emit_options o = {0, 0, 0, sheet, base, 0, NULL};
	lc_buf b = LC_BUF_INIT;
	assert_int_equal(lc_emit_html(l, &v, &o, &b), 0);
	/* NUL bytes from the input never reach the page */
	assert_null(memchr(b.data, '\0', b.len));
	return b.data;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every id="..." on the page is different. */
static void assert_unique_ids(const char *page)
{
	size_t n = count(page, " id=\""), k = 0;
	char **ids = calloc(n + 1, sizeof *ids);
	assert_non_null(ids);
	for (const char *p = page; (p = strstr(p, " id=\"")); k++) {
		p += 5;
		const char *e = strchr(p, '"');
		ids[k] = strndup(p, (size_t)(e - p));
		p = e;
	}
	qsort(ids, n, sizeof *ids, cmp_str);
	for (size_t i = 1; i < n; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			fail_msg("id \"%s\" appears twice", ids[i]);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* Every tag on the page is one ladderc writes (input text cannot add one:
 * its '<' is escaped), and no tag has an event-handler attribute. */
static void assert_known_tags(const char *page)
{
	static const char *const known[] = {
		"!DOCTYPE", "html", "head", "meta", "title", "style", "body", "a", "header", "p", "nav",
		"ul", "li", "main", "section", "h1", "h2", "h3", "h4", "h5", "h6", "div", "svg", "defs",
		"marker", "g", "path", "rect", "text", "table", "caption", "colgroup", "col", "thead", "tbody",
		"tr", "th", "td", "span", "strong", "dl", "dt", "dd", "br", "code", "footer", NULL,
	};
	for (const char *p = page; (p = strchr(p, '<')); p++) {
		const char *name = p[1] == '/' ? p + 2 : p + 1;
		size_t n = strcspn(name, " >\n");
		int ok = 0;
		for (size_t i = 0; known[i] && !ok; i++)
			ok = strlen(known[i]) == n && strncmp(known[i], name, n) == 0;
		if (!ok)
			fail_msg("unexpected tag <%.*s", (int)n, name);
		const char *end = strchr(p, '>');
		assert_non_null(end);
		for (const char *a = p; (a = strstr(a, " on")) && a < end; a++)
			fail_msg("event handler in <%.*s", (int)(end - p), p);
	}
}

/* Only tags and attributes ladderc writes: nothing that runs, loads or links out. */
static void assert_self_contained(const char *page)
{
	assert_known_tags(page);
	assert_null(strstr(page, "<script"));
	assert_null(strstr(page, "<img"));
	assert_null(strstr(page, "<link"));
	assert_null(strstr(page, "<iframe"));
	assert_null(strstr(page, "@import"));
	assert_null(strstr(page, "href=\"javascript"));
	assert_null(strstr(page, "href=\"http"));
	for (const char *p = page; (p = strstr(p, "url(")); p += 4)
		assert_true(strncmp(p, "url(#", 5) == 0);
}

/* Issue 17 a and c: a role competency reusing a company-wide id gets an
 * anchor of its own, and a one-line "- x" is a list as in the other formats. */
static void role_competency_ids_and_one_line_bullets(void **state)
{
	(void)state;
	ladder *l = load("tests/golden/render-bugs/ladder.yaml");
	char *page = render(l, LADDER_VIEW_LADDER, NULL, NULL, 0, NULL);
	assert_unique_ids(page);
	assert_non_null(strstr(page, "id=\"dev.track.junior.comm\""));
	assert_non_null(strstr(page, "id=\"dev.track.junior.craft.comm\""));
	assert_non_null(strstr(page, "<td><ul><li>speaks up</li></ul></td>"));
	free(page);
	ladder_free(l);
}

static void hostile_text_is_escaped(void **state)
{
	(void)state;
	ladder *l = load("tests/hostile/ladder.yaml");
	char *page = render(l, LADDER_VIEW_LADDER, NULL, NULL, 0, NULL);
	assert_self_contained(page);
	/* markup from every kind of field, escaped */
	assert_non_null(strstr(page, "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; | =SUM(A1) &amp; Co"));
	assert_non_null(strstr(page, "Staff &lt;/td&gt;&lt;/tr&gt; override"));
	assert_non_null(strstr(page, "&lt;img src=x onerror=alert(1)&gt;"));
	assert_non_null(strstr(page, "[x](javascript:alert(1))"));
	assert_non_null(strstr(page, "&amp;amp; &amp;lt;script&amp;gt; &amp;#60; entity"));
	assert_non_null(strstr(page, "Own `group` &lt;style&gt;"));
	/* NUL dropped, the rest kept; right-to-left text and emoji pass through */
	assert_non_null(strstr(page, "Text with  NUL byte inside"));
	assert_non_null(strstr(page, "\xE2\x80\xAE" "evil override"));
	assert_non_null(strstr(page, "\xF0\x9F\x9A\x80"));
	/* multi-line text becomes lists, not raw lines */
	assert_non_null(strstr(page, "<ul><li>a bullet\ncontinued</li><li>second bullet</li></ul>"));
	/* the SVG diagram escapes its text too */
	assert_non_null(strstr(page, "<svg class=\"tracks\" role=\"img\""));
	assert_non_null(strstr(page, "Individual &lt;/td&gt; contributor"));
	assert_unique_ids(page);
	free(page);
	ladder_free(l);
}

static void page_frame(void **state)
{
	(void)state;
	ladder *l = load("ladders/sequence.yaml");
	char *page = render(l, LADDER_VIEW_OVERVIEW, NULL, NULL, 0, NULL);
	static const char start[] = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
	assert_true(strncmp(page, start, sizeof start - 1) == 0);
	assert_non_null(strstr(page, "<header class=\"site\">"));
	assert_non_null(strstr(page, "<nav class=\"toc\" aria-label=\"Contents\">"));
	assert_non_null(strstr(page, "<main id=\"ladder.main\">"));
	assert_non_null(strstr(page, "<footer class=\"site\">"));
	/* the stylesheet: phones, print, dark mode, focus */
	assert_non_null(strstr(page, "overflow:auto;max-width:100%;"));
	assert_non_null(strstr(page, "overflow-wrap:anywhere"));
	assert_non_null(strstr(page, "@media print{"));
	assert_non_null(strstr(page, "thead{display:table-header-group}"));
	assert_non_null(strstr(page, "@page wide{size:landscape")); /* the printer's own paper, turned */
	assert_non_null(strstr(page, "@media (prefers-color-scheme:dark)"));
	assert_non_null(strstr(page, ":focus-visible{outline:3px"));
	assert_self_contained(page);
	/* the diagram: E3 and L3 share a column (x), IC2 -> E3 straight, IC2 -> L3 an elbow */
	assert_non_null(strstr(page, "<rect x=\"336\" y=\"28\""));
	assert_non_null(strstr(page, "<rect x=\"336\" y=\"118\""));
	assert_int_equal(count(page, "<rect "), 10);
	assert_int_equal(count(page, "marker-end="), 9);
	assert_true(page[strlen(page) - 1] == '\n' && strstr(page, "</html>\n"));
	free(page);
	ladder_free(l);
}

static void matrix_shows_every_cell_once(void **state)
{
	(void)state;
	ladder *l = load("ladders/sequence.yaml");
	char *page = render(l, LADDER_VIEW_MATRIX, "software-engineer", NULL, 0, NULL);
	/* an E matrix and an L matrix, semantic headers */
	assert_int_equal(count(page, "<table class=\"matrix\">"), 2);
	assert_int_equal(count(page, "<caption>"), 2);
	assert_int_equal(count(page, "<th scope=\"col\" class=\"l-"), 6 + 6);
	assert_int_equal(count(page, "<th scope=\"rowgroup\""), 2 * 2);
	assert_int_equal(count(page, "<th scope=\"row\">"), 2 * 8);
	/* IC1 and IC2 text in both; E texts once; the L track has no text: 4 x 8 empty cells */
	assert_int_equal(count(page, "Can do the role independently."), 2);
	assert_int_equal(count(page, "Teaches the company."), 1);
	assert_int_equal(count(page, "<td class=\"none\">no new expectations</td>"), 4 * 8);
	assert_non_null(strstr(page, "id=\"software-engineer.track.E.autonomy\""));
	assert_unique_ids(page);
	free(page);
	ladder_free(l);
}

static void level_view_is_cumulative(void **state)
{
	(void)state;
	ladder *l = load("ladders/sequence.yaml");
	char *page = render(l, LADDER_VIEW_LEVEL, "software-engineer", "E4", 0, NULL);
	/* IC1, IC2, E3 and E4 for each of the 8 competencies; E4's marked new, in text too */
	assert_int_equal(count(page, "<span class=\"src\">IC1</span>"), 8);
	assert_int_equal(count(page, "<span class=\"src\">E3</span>"), 8);
	assert_int_equal(count(page, "<li class=\"new\"><span class=\"src\">E4</span> "
	                             "<strong class=\"badge\">New at this level</strong> "),
	                 8);
	assert_null(strstr(page, "<span class=\"src\">E5</span>"));
	assert_null(strstr(page, "Recognised as a thought-leader"));                 /* E5 */
	assert_null(strstr(page, "'Go to' person")); /* quotes are escaped */
	assert_non_null(strstr(page, "&#39;Go to&#39; person in all aspects relevant to the domain."));
	assert_non_null(strstr(page, "id=\"software-engineer.level.E4\""));
	assert_non_null(strstr(page, "id=\"software-engineer.level.E4.autonomy\"><h3><a "
	                             "href=\"#software-engineer.level.E4.autonomy\">Autonomy</a></h3>"));
	assert_unique_ids(page);
	free(page);
	ladder_free(l);
}

static void next_view_shows_what_the_next_level_adds(void **state)
{
	(void)state;
	ladder *l = load("ladders/example/ladder.yaml");
	char *page = render(l, LADDER_VIEW_NEXT, "software-engineer", "IC2", 0, NULL);
	/* IC2 forks: E3 and L3 */
	assert_int_equal(count(page, "<table class=\"next\">"), 2);
	assert_non_null(strstr(page, "IC2 \xE2\x86\x92 E3 Senior: Senior Software Engineer"));
	assert_non_null(strstr(page, "IC2 \xE2\x86\x92 L3 Team Lead: Engineering Manager"));
	assert_non_null(strstr(page, "<td class=\"added\">Chooses methods for problems the team has not solved"));
	assert_null(strstr(page, "Makes decisions that affect several teams")); /* E4 */
	free(page);
	page = render(l, LADDER_VIEW_NEXT, "software-engineer", "E6", 0, NULL);
	assert_non_null(strstr(page, "E6 is the top of its track: there is no next level."));
	free(page);
	ladder_free(l);
}

static void sheet_has_an_evidence_column(void **state)
{
	(void)state;
	ladder *l = load("ladders/example/ladder.yaml");
	char *page = render(l, LADDER_VIEW_LEVEL, "account-executive", "L3", 1, NULL);
	assert_non_null(strstr(page, "<th scope=\"col\">Evidence</th>"));
	/* 8 company-wide competencies, managing-people (on the L track) and 2
	 * of the sales role's own; not the engineering family's group */
	assert_int_equal(count(page, "<td class=\"ev\">"), 11);
	assert_non_null(strstr(page, "Self-review: Sales Team Lead (L3 Team Lead)"));
	assert_non_null(strstr(page, "<p>Name:</p>"));
	free(page);
	ladder_free(l);
}

static void site_pages_link_by_file_name(void **state)
{
	(void)state;
	ladder *l = load("ladders/example/ladder.yaml");
	char *page = render(l, LADDER_VIEW_OVERVIEW, NULL, NULL, 0, "");
	assert_non_null(strstr(page, "<a href=\"account-executive.html#account-executive\">Account Executive</a>"));
	assert_non_null(strstr(page, "href=\"software-engineer.html#software-engineer.level.L3\">Engineering Manager"));
	free(page);
	/* a role page carries its level sections and highlights a level's column
	 * when the level is the target */
	page = render(l, LADDER_VIEW_MATRIX, "software-engineer", NULL, 0, "");
	assert_int_equal(count(page, "<section class=\"level\""), 10);
	assert_non_null(strstr(page, "body:has([id=\"software-engineer.level.E4\"]:target) "
	                             "[id=\"software-engineer\"] .l-E4{background:var(--hl)}"));
	assert_non_null(strstr(page, "<a href=\"index.html#ladder.overview\">Example Co</a>"));
	assert_null(strstr(page, "account-executive.level")); /* one role per page: linear */
	/* every text once per matrix and once in its own level's section: the
	 * page stays linear in the ladder, not in ladder x chain length */
	assert_int_equal(count(page, "Adds tests with each change, and resolves every review comment"), 2 + 1);
	assert_non_null(strstr(page, "What is new at E4. Everything expected at <a href=\"software-engineer.html#"
	                             "software-engineer.level.IC1\">IC1</a>"));
	assert_unique_ids(page);
	free(page);
	ladder_free(l);
}

static void output_is_deterministic(void **state)
{
	(void)state;
	ladder *l = load("ladders/example/ladder.yaml");
	char *a = render(l, LADDER_VIEW_LADDER, NULL, NULL, 0, NULL);
	char *b = render(l, LADDER_VIEW_LADDER, NULL, NULL, 0, NULL);
	assert_string_equal(a, b);
	assert_unique_ids(a);
	free(a);
	free(b);
	ladder_free(l);
}

/* The ladder page of a big ladder renders every other role on a second
 * thread (ladder_emit_options.threads = 2): the page must be byte for byte
 * the page of one thread, for an odd or even number of roles and more roles
 * than the second thread has buffers. */
static void two_threads_same_page(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/ladders/sequence.yaml", LADDERC_SOURCE_DIR);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	lc_buf text = LC_BUF_INIT;
	char chunk[4096];
	for (size_t n; (n = fread(chunk, 1, sizeof chunk, f)) > 0;)
		lc_buf_put(&text, chunk, n);
	fclose(f);
	assert_non_null(strstr(text.data, "\nroles:\n")); /* roles come last: items can be added */
	for (int extra = 0; extra <= 9; extra++) {
		if (extra)
			lc_buf_printf(&text, "  - id: role-%d\n    name: \"Role <%d> & co\"\n    family: F%d\n", extra, extra,
			              extra % 3);
		lc_diags d;
		lc_diags_init(&d);
		ladder *l = NULL;
		assert_int_equal(ladder_load_buffer(path, text.data, text.len, NULL, &d, &l), LADDER_OK);
		lc_diags_free(&d);
		assert_int_equal(l->nroles, 2 + (size_t)extra);
		ladder_view v = {LADDER_VIEW_LADDER, NULL, NULL, NULL};
		lc_buf one = LC_BUF_INIT, two = LC_BUF_INIT;
		ladder_emit_options o = {0, 0, 0, 0, NULL, 1, NULL};
		assert_int_equal(lc_emit_html(l, &v, &o, &one), 0);
		o.threads = 2;
		assert_int_equal(lc_emit_html(l, &v, &o, &two), 0);
		assert_int_equal(one.len, two.len);
		assert_memory_equal(one.data, two.data, one.len);
		/* and with the speed paths off (lc_serial), the plain path: the same page */
		lc_set_serial(1);
		lc_buf_clear(&two);
		assert_int_equal(lc_emit_html(l, &v, &o, &two), 0);
		lc_set_serial(0);
		assert_int_equal(one.len, two.len);
		assert_memory_equal(one.data, two.data, one.len);
		if (extra)
			assert_non_null(strstr(two.data, "Role &lt;1&gt; &amp; co"));
		lc_buf_free(&one);
		lc_buf_free(&two);
		ladder_free(l);
	}
	lc_buf_free(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hostile_text_is_escaped),
		cmocka_unit_test(two_threads_same_page),
		cmocka_unit_test(page_frame),
		cmocka_unit_test(matrix_shows_every_cell_once),
		cmocka_unit_test(level_view_is_cumulative),
		cmocka_unit_test(next_view_shows_what_the_next_level_adds),
		cmocka_unit_test(sheet_has_an_evidence_column),
		cmocka_unit_test(role_competency_ids_and_one_line_bullets),
		cmocka_unit_test(site_pages_link_by_file_name),
		cmocka_unit_test(output_is_deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
