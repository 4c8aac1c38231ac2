/* libFuzzer harness: arbitrary bytes -> a ratings file -> ladderc assess ->
 * every report format.
 *
 * The first byte picks the options: bit 0 the file is CSV (else YAML);
 * bit 1 the team section always; bit 2 the report of the first person only
 * (--person); bit 3 an as-of date given by the caller (else only the file's);
 * bits 4-5 the ladder: tests/golden/assess/ladder.yaml, .../proficiency.yaml
 * (proficiency levels) or ladders/example/ladder.yaml. The rest is the file.
 *
 * Whatever the input, loading must end with a status and diagnostics that
 * render (never a crash, a hang or a leak), a valid file must assess and
 * write all five formats, and the plain path (lc_set_serial(1): the whole
 * file read, then checked; every result held) must give the same status,
 * diagnostics and reports, byte for byte, as the speed-only path (people
 * checked as the parser reaches them, results made as they are asked for).
 * Built by fuzz/run.sh (FUZZ_TARGET=assess), which defines FUZZ_ROOT. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/assess.h"
#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/load.h"
#include "ladderc/speed.h"

#ifndef FUZZ_ROOT
#error "fuzz/run.sh defines FUZZ_ROOT, the source tree"
#endif

static const char *const ladder_paths[] = {
	FUZZ_ROOT "/tests/golden/assess/ladder.yaml",
	FUZZ_ROOT "/tests/golden/assess/proficiency.yaml",
	FUZZ_ROOT "/ladders/example/ladder.yaml",
};
enum { NLADDERS = sizeof ladder_paths / sizeof ladder_paths[0] };

static const ladder *the_ladder(size_t i)
{
	static ladder *l[NLADDERS];
	if (!l[i]) {
		lc_diags d;
		lc_diags_init(&d);
		if (ladder_load_file(ladder_paths[i], NULL, &d, &l[i]) != LADDER_OK)
			abort();
		lc_diags_free(&d);
	}
	return l[i];
}

static const lc_assess_format formats[] = {LC_ASSESS_TEXT, LC_ASSESS_MARKDOWN, LC_ASSESS_HTML, LC_ASSESS_CSV,
                                           LC_ASSESS_JSON};

/* Loads and assesses `data` one way (serial or not); everything it says, in
 * `out`. */
static void run(const ladder *l, const char *path, const char *data, size_t len, uint8_t pick, int serial,
                lc_buf *out)
{
	lc_set_serial(serial);
	lc_date as_of = {2026, 12, 1};
	lc_diags d;
	lc_diags_init(&d);
	lc_ratings *r = NULL;
	lc_ratings_status st = lc_ratings_load_buffer(l, path, data, len, as_of, (pick & 8) != 0, NULL, &d, &r);
	lc_buf_printf(out, "status %d\n", (int)st);
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(out, &d.items[i], 0);
	if (st == LC_RATINGS_OK && (d.errors || !r))
		abort(); /* valid, yet an error */
	if (st != LC_RATINGS_OK && r)
		abort(); /* a failure hands out nothing */
	lc_diags_free(&d);
	if (!r)
		return;
	lc_assess_options o;
	lc_assess_options_init(&o);
	if (pick & 2)
		o.team = 1;
	char *person = NULL;
	if ((pick & 4) && r->npeople) {
		person = malloc(r->people[0].id.len + 1);
		if (!person)
			abort();
		memcpy(person, r->people[0].id.s, r->people[0].id.len);
		person[r->people[0].id.len] = '\0';
		o.person = person;
		o.team = 0;
	}
	lc_assessment *a = NULL;
	int rc = lc_assess(l, r, &o, &a);
	lc_buf_printf(out, "assess %d\n", rc);
	if (rc == 0) {
		for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++)
			if (lc_assess_emit(a, formats[f], out) != 0 || lc_assess_failed(a))
				abort(); /* only memory can fail a report */
		lc_assessment_free(a);
	} else if (rc == -1 && !person) {
		abort(); /* "no such person" when none was asked for */
	}
	free(person);
	lc_ratings_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	uint8_t pick = data[0];
	size_t which = (size_t)((pick >> 4) & 3);
	if (which >= NLADDERS)
		which = 0;
	const ladder *l = the_ladder(which);
	const char *path = pick & 1 ? "fuzz.csv" : "fuzz.yaml";
	lc_buf plain = LC_BUF_INIT, fast = LC_BUF_INIT;
	run(l, path, (const char *)data + 1, size - 1, pick, 1, &plain);
	run(l, path, (const char *)data + 1, size - 1, pick, 0, &fast);
	if (lc_buf_failed(&plain) || lc_buf_failed(&fast))
		abort();
	if (plain.len != fast.len || memcmp(plain.data, fast.data, plain.len) != 0)
		abort(); /* the two paths differ */
	lc_buf_free(&plain);
	lc_buf_free(&fast);
	return 0;
}
