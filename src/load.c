/* Loading a ladder: the public entry points and the pipeline.
 *
 *   file (src/load_file.c) -> events -> tree (src/yaml_tree.c)
 *        -> model (src/load_model.c, values read by src/load_schema.c)
 *
 * The schema decides what each scalar means (no YAML 1.1 typing): text where
 * text belongs, numbers only in `ladder`, `scale`, `min_average`, `min_each`.
 * Every problem is reported with its position, and loading goes on after an
 * error so that one run shows every mistake (up to the diagnostics cap).
 *
 * Speed-only, and off under lc_serial() (ladderc/speed.h): the roles of a big
 * main file are built while it is parsed (src/load_stream.c), the file may be
 * parsed on two threads (src/yaml_split.c) and the roles' bytes given back
 * (src/source_file.c). Each gives what the plain path gives. */
#include "ladderc/load.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/speed.h"
#include "load_internal.h"

void ladder_limits_default(ladder_limits *lim)
{
	lim->max_input = (size_t)256 << 20;
	lim->max_depth = 64;
	lim->max_alias_nodes = 0;
	lim->max_includes = 256;
	lim->max_cells = LADDER_DEFAULT_MAX_CELLS;
	lim->parallel_min = (size_t)256 << 10;
	lim->stream_min = 0;
	lim->release_min = (size_t)256 << 10;
}

/* ---- the loader's memory ----------------------------------------------- */

void lc_load_oom(loader *ld)
{
	longjmp(*ld->nomem_at, 1);
}

void *lc_load_need(loader *ld, void *p)
{
	if (!p)
		lc_load_oom(ld);
	return p;
}

void *lc_load_alloc(loader *ld, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	return lc_load_need(ld, lc_arena_calloc(ld->arena, n, size));
}

void lc_load_vec_push(loader *ld, vec *v, void *p)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		void **items = realloc(v->items, cap * sizeof *items);
		if (!items)
			lc_load_oom(ld);
		v->items = items;
		v->cap = cap;
	}
	v->items[v->n++] = p;
}

void **lc_load_vec_finish(loader *ld, vec *v, size_t *n)
{
	*n = v->n;
	void **out = lc_load_alloc(ld, v->n, sizeof *out);
	if (v->n)
		memcpy(out, v->items, v->n * sizeof *out);
	return out;
}

/* ---- the pipeline ------------------------------------------------------ */

static void loader_cleanup(loader *ld)
{
	free(ld->units);
	free(ld->stack);
	free(ld->root_dir);
	lc_idmap_free(&ld->tracks);
	lc_idmap_free(&ld->levels);
	lc_idmap_free(&ld->roles);
	lc_idmap_free(&ld->groups);
	lc_idmap_free(&ld->proficiencies);
	free(ld->vtracks.items);
	free(ld->vlevels.items);
	free(ld->vgroups.items);
	free(ld->vroles.items);
}

static ladder_status load_once(lc_load_input *in, const ladder_limits *lim, lc_diags *diags, ladder **out);

static ladder_status load(const char *path, const char *data, size_t len, FILE *stream,
                          const ladder_limits *lim, lc_diags *diags, ladder **out)
{
	lc_load_input in = {path, data, len, stream, NULL, 0, !lc_serial()};
	return load_once(&in, lim, diags, out);
}

static ladder_status load_once(lc_load_input *in, const ladder_limits *lim, lc_diags *diags, ladder **out)
{
	const char *path = in->path, *data = in->data;
	size_t len = in->len;
	FILE *stream = in->stream;
	*out = NULL;
	loader ldv;
	loader *volatile ld = &ldv;
	memset(&ldv, 0, sizeof ldv);
	if (lim)
		ldv.lim = *lim;
	else
		ladder_limits_default(&ldv.lim);
	ldv.diags = diags;
	ldv.stream = stream;
	if (in->streaming)
		lc_load_stream_init(&ldv);
	size_t count_before = diags->count, warnings_before = diags->warnings;
	int truncated_before = diags->truncated;
	ldv.arena = lc_arena_new();
	if (!ldv.arena)
		return LADDER_NOMEM;
	ladder *l = lc_arena_alloc(ldv.arena, sizeof *l);
	if (!l) {
		lc_arena_free(ldv.arena);
		return LADDER_NOMEM;
	}
	l->arena = ldv.arena;
	ldv.l = l;
	size_t errors_before = diags->errors;
	ldv.nomem_at = &ldv.nomem;
	if (setjmp(ldv.nomem)) {
		free(in->taken);
		in->taken = NULL;
		loader_cleanup(ld);
		ladder_free(ld->l);
		return LADDER_NOMEM;
	}
	lc_idmap_init(&ldv.tracks);
	lc_idmap_init(&ldv.levels);
	lc_idmap_init(&ldv.roles);
	lc_idmap_init(&ldv.groups);
	lc_idmap_init(&ldv.proficiencies);

	lc_source *src = lc_load_new_source(&ldv, path);
	if (in->taken) {
		src->data = in->taken;
		src->len = in->taken_len;
		in->taken = NULL;
	}
	/* standard input, by '-' or by name, finds its includes from here */
	char *dir = stream || lc_load_is_stdin_path(path) ? strdup(".") : lc_load_dir_of(path);
	if (!dir)
		lc_load_oom(&ldv);
	ldv.root_dir = realpath(dir, NULL);
	if (!ldv.root_dir && (data || stream))
		ldv.root_dir = strdup(dir); /* a buffer need not name a real file */
	free(dir);
	char *real = data || stream ? strdup(path) : lc_load_identity(path);
	if (!ldv.root_dir || !real) {
		int e = errno;
		lc_mark whole = {src, 0, 0};
		free(real);
		if (e == ENOMEM)
			lc_load_oom(&ldv);
		lc_load_err(&ldv, &whole, "cannot read %s: %s", lc_load_quote(&ldv, path, strlen(path)), strerror(e));
		loader_cleanup(&ldv);
		ladder_free(l);
		return LADDER_IO;
	}
	if (data && !src->data) {
		/* the model owns its sources: keep a copy of the caller's buffer */
		char *copy = malloc(len ? len : 1);
		if (!copy) {
			free(real);
			lc_load_oom(&ldv);
		}
		if (len)
			memcpy(copy, data, len);
		src->data = copy;
		src->len = len;
	}
	lc_load_unit(&ldv, src, real, 1, NULL);
	if (!ldv.io_error && ldv.units[0]->root)
		lc_load_build_model(&ldv);
	if (lc_load_stream_restart(&ldv, in, diags, count_before, errors_before, warnings_before, truncated_before)) {
		loader_cleanup(&ldv);
		ladder_free(l);
		return load_once(in, lim, diags, out);
	}
	int io = ldv.io_error;
	loader_cleanup(&ldv);
	if (io || diags->errors > errors_before) {
		ladder_free(l);
		return io ? LADDER_IO : LADDER_INVALID;
	}
	*out = l;
	return LADDER_OK;
}

ladder_status ladder_load_file(const char *path, const ladder_limits *lim, lc_diags *diags, ladder **out)
{
	return load(path, NULL, 0, NULL, lim, diags, out);
}

ladder_status ladder_load_stream(const char *name, FILE *f, const ladder_limits *lim, lc_diags *diags,
                                 ladder **out)
{
	return load(name, NULL, 0, f, lim, diags, out);
}

ladder_status ladder_load_buffer(const char *path, const char *data, size_t len, const ladder_limits *lim,
                                 lc_diags *diags, ladder **out)
{
	return load(path, data ? data : "", len, NULL, lim, diags, out);
}
