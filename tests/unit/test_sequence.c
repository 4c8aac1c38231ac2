/* The bundled ladder is seed 001 verbatim: joining each competency's six cells
 * gives back the seed's row, every sentence in order; the ten levels carry
 * seed 000's names. */
#include "test_support.h"

static char *read_fixture(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void test_cells_verbatim(void **state)
{
	(void)state;
	char *seed = read_fixture(LADDERC_SOURCE_DIR "/tests/fixtures/seed-001.txt");
	loaded r;
	load_path(&r, LADDERC_SOURCE_DIR "/ladders/sequence.yaml");
	if (r.status != LADDER_OK)
		dump_diags(&r.diags);
	assert_int_equal(r.status, LADDER_OK);
	const ladder *l = r.l;
	static const char *const six[] = {"IC1", "IC2", "E3", "E4", "E5", "E6"};
	size_t cells = 0, rows = 0;
	for (size_t g = 0; g < l->ngroups; g++) {
		for (size_t c = 0; c < l->groups[g]->ncompetencies; c++) {
			const ladder_competency *comp = l->groups[g]->competencies[c];
			lc_buf row = LC_BUF_INIT;
			/* the seed's row: the competency's name, then its cells joined by a space */
			lc_buf_put(&row, comp->name.s, comp->name.len);
			for (size_t k = 0; k < 6; k++) {
				const ladder_level *lv = ladder_find_level(l, six[k]);
				assert_non_null(lv);
				ladder_str t = comp->text[lv->index];
				assert_non_null(t.s);
				lc_buf_putc(&row, ' ');
				lc_buf_put(&row, t.s, t.len);
				cells++;
			}
			/* no L-track text: the seed gives none */
			for (size_t k = 0; k < l->nlevels; k++)
				if (l->levels[k]->id.s[0] == 'L')
					assert_null(comp->text[k].s);
			/* the row ends a line of the seed (group names may precede it) */
			char *at = strstr(seed, row.data);
			if (!at)
				fail_msg("row not verbatim in seed 001: %s", row.data);
			char end = at[row.len];
			assert_true(end == '\n' || end == '\0');
			lc_buf_free(&row);
			rows++;
		}
	}
	assert_int_equal(rows, 8);
	assert_int_equal(cells, 48);
	loaded_free(&r);
}

static void test_levels_from_seed_000(void **state)
{
	(void)state;
	loaded r;
	load_path(&r, LADDERC_SOURCE_DIR "/ladders/sequence.yaml");
	assert_int_equal(r.status, LADDER_OK);
	static const char *const want[][2] = {
		{"IC1", "Junior"}, {"IC2", "Mid-level"}, {"E3", "Senior"}, {"E4", "Staff"},
		{"E5", "Principal"}, {"E6", "Senior Principal"}, {"L3", "Team Lead"},
		{"L4", "Director"}, {"L5", "VP"}, {"L6", "Exec"},
	};
	assert_int_equal(r.l->nlevels, 10);
	for (size_t i = 0; i < 10; i++) {
		const ladder_level *lv = r.l->levels[i];
		assert_int_equal(lv->id.len, strlen(want[i][0]));
		assert_memory_equal(lv->id.s, want[i][0], lv->id.len);
		assert_int_equal(lv->name.len, strlen(want[i][1]));
		assert_memory_equal(lv->name.s, want[i][1], lv->name.len);
	}
	/* E_n and L_n are equivalent: same rank, forking at IC2 */
	assert_true(ladder_levels_equivalent(ladder_find_level(r.l, "E6"), ladder_find_level(r.l, "L6")));
	assert_int_equal(ladder_find_level(r.l, "L6")->rank, 6);
	assert_int_equal(r.l->nroles, 2);
	loaded_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_verbatim),
		cmocka_unit_test(test_levels_from_seed_000),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
