/* Long text written verbatim in the source is not copied: the model points
 * into the source buffer (src/yaml_tree.c, in_source). Text that libyaml
 * changes (escapes, doubled quotes, folding, block scalars) is copied, and
 * every value is exactly what libyaml returns, after multi-byte characters,
 * CRLF line ends and a byte order mark alike. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ladderc/load.h"

#define LONG "Writes design notes \xE2\x80\x94 with \xF0\x9F\x98\x80 and \xC3\xA9 and long enough to be more than sixty-four bytes"

static ladder *load(const char *text)
{
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = ladder_load_buffer("mem.yaml", text, strlen(text), NULL, &d, &l);
	lc_diags_free(&d);
	assert_int_equal(st, LADDER_OK);
	return l;
}

static int inside(const ladder *l, ladder_str s)
{
	const lc_source *src = l->sources[0];
	return s.s >= src->data && s.s + s.len <= src->data + src->len;
}

static void expect(ladder_str s, const char *want)
{
	assert_int_equal(s.len, strlen(want));
	assert_memory_equal(s.s, want, s.len);
}

static const char *doc(const char *bom, const char *nl)
{
	static char buf[4096];
	snprintf(buf, sizeof buf,
	         "%sladder: 1%sid: x%sname: \"N \xC3\xA9\"%sintro: \"" LONG "\"%s"
	         "tracks:%s  - id: IC%s    name: I%s    levels:%s"
	         "      - { id: IC1, name: J, summary: '" LONG " it''s' }%s"
	         "      - { id: IC2, name: M, summary: " LONG " plain }%s"
	         "groups:%s  - id: g%s    name: G%s    description: \"" LONG " \\u00e9 escaped\"%s"
	         "    competencies:%s      - id: c%s        name: C%s        levels:%s"
	         "          IC1: \"" LONG " quoted\"%s"
	         "          IC2: |%s            - " LONG "%s            - two%s",
	         bom, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl, nl);
	return buf;
}

static void check_doc(const char *bom, const char *nl)
{
	ladder *l = load(doc(bom, nl));
	expect(l->intro, LONG);
	assert_true(inside(l, l->intro));
	expect(l->levels[1]->summary, LONG " plain");
	assert_true(inside(l, l->levels[1]->summary));
	expect(l->groups[0]->competencies[0]->text[0], LONG " quoted");
	assert_true(inside(l, l->groups[0]->competencies[0]->text[0]));
	/* changed by libyaml: copied, and NUL-terminated */
	expect(l->levels[0]->summary, LONG " it's");
	assert_false(inside(l, l->levels[0]->summary));
	expect(l->groups[0]->description, LONG " \xC3\xA9 escaped");
	assert_false(inside(l, l->groups[0]->description));
	expect(l->groups[0]->competencies[0]->text[1], "- " LONG "\n- two\n");
	/* short text is copied and terminated */
	expect(l->name, "N \xC3\xA9");
	assert_false(inside(l, l->name));
	assert_int_equal(l->id.s[l->id.len], '\0');
	ladder_free(l);
}

static void verbatim_text_points_into_source(void **state)
{
	(void)state;
	check_doc("", "\n");
}

static void crlf_and_bom(void **state)
{
	(void)state;
	check_doc("\xEF\xBB\xBF", "\r\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verbatim_text_points_into_source),
		cmocka_unit_test(crlf_and_bom),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
