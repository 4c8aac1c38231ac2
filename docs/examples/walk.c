/* walk: loads a ladder, prints its diagnostics, lists its roles and renders
 * one role's matrices as Markdown (docs/library.md).
 *
 *   walk LADDER.yaml [ROLE]        ROLE defaults to the first role */
#include <stdio.h>
#include <ladderc/ladderc.h>

static void write_buf(const lc_buf *b, FILE *to)
{
	if (b->len)
		fwrite(b->data, 1, b->len, to);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: walk LADDER.yaml [ROLE]\n");
		return 2;
	}
	if (lc_version_number() != LADDERC_VERSION_NUMBER) {
		fprintf(stderr, "walk: built with ladderc %s, running with %s\n", LADDERC_VERSION_STRING,
		        lc_version());
		return 2;
	}

	lc_diags diags;
	lc_diags_init(&diags);
	ladder *l = NULL;
	ladder_status st = ladder_load_file(argv[1], NULL, &diags, &l);
	lc_buf text = LC_BUF_INIT;
	lc_diags_sort(&diags);
	for (size_t i = 0; i < diags.count; i++)
		lc_diag_format(&text, &diags.items[i], 0);
	lc_diags_write_summary(&text, &diags, 1, NULL); /* the count line that ends check's report */
	write_buf(&text, stderr);
	lc_buf_free(&text);
	lc_diags_free(&diags);
	if (st != LADDER_OK)
		return 1;

	for (size_t i = 0; i < l->nroles; i++) {
		const ladder_role *r = l->roles[i];
		printf("role %.*s: %zu tracks, %zu groups\n", (int)r->id.len, r->id.s, r->ntracks,
		       ladder_role_ngroups(l, r));
	}

	const ladder_role *role = argc == 3 ? ladder_find_role(l, argv[2]) : l->roles[0];
	ladder_view view = {LADDER_VIEW_MATRIX, role, NULL, NULL};
	ladder_emit_options options = {0};
	lc_buf out = LC_BUF_INIT;
	int failed = !role || ladder_emit(l, LADDER_FORMAT_MARKDOWN, &view, &options, &out) != 0;
	if (!failed)
		write_buf(&out, stdout);
	else
		fprintf(stderr, "walk: no role '%s', or out of memory\n", argc == 3 ? argv[2] : "");
	lc_buf_free(&out);
	ladder_free(l);
	return failed;
}
