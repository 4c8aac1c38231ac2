/* libFuzzer harness: arbitrary bytes -> loader -> every output -> self-diff.
 *
 * Whatever the input, loading must end with a status and diagnostics (never a
 * crash, a hang or a leak), every diagnostic must render, and a ladder that
 * loads must render in every format. Built by fuzz/run.sh with
 * clang -fsanitize=fuzzer,address,undefined. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/emit.h"
#include "ladderc/load.h"

/* A path in a directory that does not exist: includes resolve against it and
 * fail the same way on every machine, so a finding always reproduces. */
#define FUZZ_PATH "/nonexistent-ladderc-fuzz/ladder.yaml"

static void render_all(const ladder *l)
{
	lc_buf out = LC_BUF_INIT;
	emit_json(l, &out);
	if (!lc_buf_failed(&out) && out.len == 0)
		abort(); /* a loaded ladder always renders to something */
	lc_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ladder_limits lim;
	ladder_limits_default(&lim);
	lim.max_input = 1 << 20;
	lc_diags d;
	lc_diags_init(&d);
	d.max_errors = 20;
	ladder *l = NULL;
	ladder_status st = ladder_load_buffer(FUZZ_PATH, (const char *)data, size, &lim, &d, &l);
	if ((st == LADDER_OK) != (l != NULL))
		abort(); /* the status and the model must agree */
	if (st == LADDER_INVALID && d.errors == 0)
		abort(); /* an invalid ladder always says why */
	lc_diags_sort(&d);
	lc_buf msgs = LC_BUF_INIT;
	for (size_t i = 0; i < d.count; i++)
		lc_diag_format(&msgs, &d.items[i], (int)(i & 1));
	lc_buf_free(&msgs);
	lc_diags_free(&d);
	if (l) {
		render_all(l);
		ladder_free(l);
	}
	return 0;
}
