/* Reading back the CSV of `ladderc render -f csv` (import_render.h).
 *
 * The CSV holds each role's view: its chains of levels (named by the track
 * that ends them), level names and ranks, titles (long layout), groups and
 * competencies by id, and the texts. What it does not hold is not invented:
 * group and track names become their ids, and a track that several chains
 * share (IC under E and L) gets an id of its own. The ladder rebuilt renders
 * to the same CSV:
 *   - tracks: each chain's levels, cut where the set of chains holding a
 *     level changes; a cut holding one chain's levels is that chain's track;
 *   - a group that every role shows with the same competencies and texts is
 *     company-wide, any other is each role's own;
 *   - a role whose levels or tracks are fewer than the ladder's says so
 *     (`levels:`, `tracks:`), and its titles are written as `titles:`;
 *   - a level's own text is the row whose source_level is that level (long)
 *     or a cell other than "no new expectations" (matrix); a text shown from
 *     a lower level makes the competency `expectations: restated`. */
#include "import_render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "import_ladder.h"
#include "slug.h"
#include "text.h"

#define NONE ((size_t)-1)
#define NO_NEW "no new expectations" /* LC_VIEW_NO_NEW */
#define NOT_HERE "does not apply at this level" /* LC_VIEW_NOT_APPLICABLE */

enum { M_ROLE_ID, M_ROLE_NAME, M_TRACK, M_GROUP, M_COMP_ID, M_COMP_NAME, M_LEVELS };

static const char *const long_header[] = {"role_id", "role_name", "family", "track", "level_id", "level_name",
                                          "rank", "title", "group", "competency_id", "competency_name", "text",
                                          "source_level", "proficiency", "examples"};
static const char *const matrix_header[] = {"role_id", "role_name", "track", "group", "competency_id",
                                            "competency_name"};

typedef struct rl_role {
	const char *id, *name, *family;
	size_t first;              /* its first competency in the merged order, or NONE */
	const char **titles;       /* per level */
	unsigned char *has;        /* per level: the role shows it */
} rl_role;

typedef struct rl_comp {
	size_t role;
	size_t gidx;               /* the group id, interned */
	size_t at;                 /* its position in reader.sorted */
	size_t next;               /* the role's next competency in the merged order, or NONE */
	size_t pos;                /* its position in that order */
	const char *group, *id, *name;
	int restated;
	unsigned char *on;         /* per level: the role shows it there (its scope) */
	unsigned char *scope_tracks; /* per track, or NULL: `tracks:` */
	size_t starts_at;          /* a level index, or NONE: `starts_at:` */
	const char **texts;        /* per level; "" (0 bytes) for a proficiency alone */
	size_t *text_len;
	const char **prof;         /* per level: the proficiency id its cell names, or NULL (details) */
	lc_import_examples *ex;    /* per level: its cell's examples (details) */
	int shared;                /* its group is company-wide */
} rl_comp;

/* A proficiency level the proficiency column names: only its id is in the
 * CSV, so its name is its id. The list is written lowest first as far as the
 * CSV tells: by the lowest rank of a level that names it, then by the table. */
typedef struct rl_prof {
	const char *id;
	unsigned long rank;
	size_t seen;
} rl_prof;

typedef struct reader {
	const lc_table *t;
	lc_source *src;
	lc_diags *d;
	lc_arena *a;
	int matrix;
	int details;               /* long layout with the proficiency and examples columns */
	rl_prof *profs;
	size_t nprofs, capprofs;
	lc_import_level *levels;
	size_t nlevels, caplevels;
	char **chains;             /* chain track ids */
	size_t nchains, capchains;
	unsigned char *member;     /* nlevels x nchains: the level is on the chain */
	lc_import_track *tracks;
	size_t ntracks, captracks;
	rl_role *roles;
	size_t nroles, caproles;
	rl_comp *comps;
	size_t ncomps, capcomps;
	size_t ngroup_ids;
	size_t last_comp;          /* the competency of the row before, in the same unit, or NONE */
	size_t (*before)[2];       /* pairs {a, b}: a unit showed a right before b */
	size_t nbefore, capbefore;
	struct repeat {              /* a long row showing a lower level's text again */
		size_t comp, source;     /* the competency; the level it repeats */
		const lc_row *row;
	} *repeats;
	size_t nrepeats, caprepeats;
	size_t *sorted;            /* competencies by group, role, then table order */
	lc_idmap level_ids, chain_ids, role_ids, comp_keys, track_ids, group_ids, prof_ids;
	int nomem;
} reader;

static int header_is(const lc_row *r, const char *const *names, size_t n)
{
	if (r->n < n)
		return 0;
	for (size_t j = 0; j < n; j++) {
		size_t len;
		const char *s = lc_table_cell_text(&r->cells[j], &len);
		if (len != strlen(names[j]) || memcmp(s, names[j], len) != 0)
			return 0;
	}
	return 1;
}

int lc_import_is_render_layout(const lc_table *t)
{
	return t->nrows > 0 && (header_is(&t->rows[0], long_header, LC_LONG_WIDTH) ||
	                        header_is(&t->rows[0], matrix_header, M_LEVELS));
}

int lc_import_is_render_long(const lc_table *t, int *details)
{
	*details = t->nrows > 0 && header_is(&t->rows[0], long_header, LC_LONG_DETAILS_WIDTH);
	return t->nrows > 0 && header_is(&t->rows[0], long_header, LC_LONG_WIDTH);
}

static void *push(reader *r, void **p, size_t *n, size_t *cap, size_t size)
{
	if (lc_table_grow(p, cap, *n, size) < 0) {
		r->nomem = 1;
		return NULL;
	}
	char *e = (char *)*p + (*n)++ * size;
	memset(e, 0, size);
	return e;
}

static const char *cell(reader *r, const lc_row *row, size_t j, size_t *n)
{
	static const lc_cell empty = {"", 0, 0};
	(void)r;
	return lc_table_cell_text(j < row->n ? &row->cells[j] : &empty, n);
}

static const char *dup_cell(reader *r, const lc_row *row, size_t j)
{
	size_t n;
	const char *s = cell(r, row, j, &n);
	char *c = lc_arena_memdup(r->a, s, n);
	if (!c)
		r->nomem = 1;
	return c;
}

/* The index stored under key in m, or NONE; `add` stores `next` when absent. */
static size_t lookup(reader *r, lc_idmap *m, const char *key, size_t n, size_t next, int add)
{
	uintptr_t v = (uintptr_t)lc_idmap_get(m, key, n);
	if (v || !add)
		return v ? (size_t)v - 1 : NONE;
	if (lc_idmap_put(m, key, n, (void *)(uintptr_t)(next + 1)) == m)
		r->nomem = 1;
	return next;
}

static int bad(reader *r, const lc_row *row, size_t j, const char *what)
{
	size_t at = j < row->n ? row->cells[j].at : row->at;
	return lc_table_error(r->d, r->src, at, "%s", what);
}

/* An id cell: valid, and kept in the arena. NULL after an error. */
static const char *id_cell(reader *r, const lc_row *row, size_t j, int *err)
{
	size_t n;
	const char *s = cell(r, row, j, &n);
	if (!lc_import_is_id(s, n)) {
		*err = bad(r, row, j, "not an id (letters, digits, '-' and '_')");
		return NULL;
	}
	return dup_cell(r, row, j);
}

static const char *name_cell(reader *r, const lc_row *row, size_t j, int *err)
{
	size_t n;
	const char *s = cell(r, row, j, &n);
	if (!lc_name_ok(s, n)) {
		*err = bad(r, row, j, "a name must be one line of visible text");
		return NULL;
	}
	return dup_cell(r, row, j);
}

/* ---- pass 1: levels and chains -------------------------------------------------- */

static size_t add_level(reader *r, const lc_row *row, size_t idcol, const char *id, size_t idn, const char *name,
                        unsigned long rank, int *err)
{
	size_t k = lookup(r, &r->level_ids, id, idn, r->nlevels, 0);
	if (k != NONE)
		return k;
	lc_import_level *l = push(r, (void **)&r->levels, &r->nlevels, &r->caplevels, sizeof *l);
	if (!l)
		return NONE;
	l->id = lc_arena_memdup(r->a, id, idn);
	l->name = name;
	l->rank = rank;
	l->track = NONE;
	l->col = idcol;
	if (!l->id || !name) {
		r->nomem |= !l->id;
		*err |= !name;
		return NONE;
	}
	(void)row;
	lookup(r, &r->level_ids, l->id, idn, r->nlevels - 1, 1);
	return r->nlevels - 1;
}

static size_t chain_of(reader *r, const lc_row *row, size_t j, int *err)
{
	size_t n;
	const char *s = cell(r, row, j, &n);
	size_t c = lookup(r, &r->chain_ids, s, n, r->nchains, 0);
	if (c != NONE)
		return c;
	const char *id = id_cell(r, row, j, err);
	if (!id)
		return NONE;
	char **slot = push(r, (void **)&r->chains, &r->nchains, &r->capchains, sizeof *slot);
	if (!slot)
		return NONE;
	*slot = (char *)(uintptr_t)id;
	return lookup(r, &r->chain_ids, id, n, r->nchains - 1, 1);
}

/* The matrix header's levels, "IC1 Junior": the id, a space, the name. */
static int matrix_levels(reader *r)
{
	const lc_row *h = &r->t->rows[0];
	int err = 0;
	for (size_t j = M_LEVELS; j < h->n; j++) {
		size_t n;
		const char *s = cell(r, h, j, &n);
		const char *sp = memchr(s, ' ', n);
		size_t idn = sp ? (size_t)(sp - s) : n;
		if (n == 0 && j + 1 == h->n)
			break; /* a trailing empty column */
		/* the name as every cell is read: without spaces at either end */
		const char *nm = sp ? sp + 1 : s + n;
		size_t nn = sp ? n - idn - 1 : 0;
		while (nn && strchr(" \t\r\n", *nm))
			nm++, nn--;
		if (!lc_import_is_id(s, idn) || !sp || !lc_name_ok(nm, nn))
			return lc_table_error(r->d, r->src, h->cells[j].at, "a level column's header is its id, a space "
			                      "and its name (\"IC1 Junior\")");
		if (lookup(r, &r->level_ids, s, idn, 0, 0) != NONE)
			return lc_table_error(r->d, r->src, h->cells[j].at, "level %.*s is in the header twice", (int)idn, s);
		const char *name = lc_arena_memdup(r->a, nm, nn);
		if (!name)
			return -1;
		add_level(r, h, j, s, idn, name, 0, &err);
		if (r->nomem)
			return -1;
	}
	return 0;
}

static int read_structure(reader *r)
{
	if (r->matrix) {
		int st = matrix_levels(r);
		if (st)
			return st;
	}
	size_t width = r->matrix ? M_LEVELS + r->nlevels : r->details ? LC_LONG_DETAILS_WIDTH : LC_LONG_WIDTH;
	/* levels seen per chain, as rows: marked after the chains are counted */
	for (size_t i = 1; i < r->t->nrows; i++) {
		const lc_row *row = &r->t->rows[i];
		int err = 0;
		if (row->n < width)
			return lc_table_error(r->d, r->src, row->cells[row->n - 1].at,
			                      "this row has %zu cells and the header %zu", row->n, width);
		chain_of(r, row, r->matrix ? M_TRACK : LC_LONG_TRACK, &err);
		if (!r->matrix) {
			size_t n, rn;
			const char *id = cell(r, row, LC_LONG_LEVEL_ID, &n), *rank = cell(r, row, LC_LONG_RANK, &rn);
			char *end;
			unsigned long v = strtoul(rank, &end, 10);
			if (!lc_import_is_id(id, n))
				return bad(r, row, LC_LONG_LEVEL_ID, "not a level id");
			if (rn == 0 || rn > 6 || end != rank + rn)
				return bad(r, row, LC_LONG_RANK, "a rank is a number");
			size_t k = lookup(r, &r->level_ids, id, n, 0, 0);
			if (k == NONE) {
				add_level(r, row, NONE, id, n, name_cell(r, row, LC_LONG_LEVEL_NAME, &err), v, &err);
			} else if (r->levels[k].rank != v) {
				return bad(r, row, LC_LONG_RANK, "this level has another rank in an earlier row");
			}
		}
		if (err || r->nomem)
			return r->nomem ? -1 : 1;
	}
	if (r->nchains == 0)
		return lc_table_error(r->d, r->src, r->t->rows[0].at, "the table has a header but no rows");
	if (r->nlevels > ((size_t)16 << 20) / r->nchains)
		return lc_table_error(r->d, r->src, r->t->rows[0].at, "too many levels and tracks to rebuild");
	r->member = lc_arena_calloc(r->a, r->nlevels * r->nchains, 1);
	if (!r->member)
		return -1;
	for (size_t i = 1; i < r->t->nrows; i++) {
		const lc_row *row = &r->t->rows[i];
		size_t n;
		const char *s = cell(r, row, r->matrix ? M_TRACK : LC_LONG_TRACK, &n);
		size_t c = lookup(r, &r->chain_ids, s, n, 0, 0);
		if (!r->matrix) {
			s = cell(r, row, LC_LONG_LEVEL_ID, &n);
			r->member[lookup(r, &r->level_ids, s, n, 0, 0) * r->nchains + c] = 1;
			continue;
		}
		for (size_t k = 0; k < r->nlevels; k++) {
			cell(r, row, r->levels[k].col, &n);
			if (n)
				r->member[k * r->nchains + c] = 1;
		}
	}
	return 0;
}

/* ---- pass 1b: the tracks --------------------------------------------------------- */

/* The levels of chain c in order (by rank; matrix: by column). */
static size_t chain_levels(reader *r, size_t c, size_t *out)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nlevels; k++)
		if (r->member[k * r->nchains + c])
			out[n++] = k;
	if (!r->matrix) /* insertion sort by rank: chains are short */
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && r->levels[out[j - 1]].rank > r->levels[out[j]].rank; j--) {
				size_t t = out[j];
				out[j] = out[j - 1];
				out[j - 1] = t;
			}
	return n;
}

static int same_chains(reader *r, size_t a, size_t b)
{
	return memcmp(r->member + a * r->nchains, r->member + b * r->nchains, r->nchains) == 0;
}

/* An id for a track that several chains share: the level ids' letters (IC
 * of IC1, IC2), else "shared"; made unique. */
static const char *shared_id(reader *r, size_t level)
{
	const char *lid = r->levels[level].id;
	size_t n = 0;
	while (lid[n] && !(lid[n] >= '0' && lid[n] <= '9'))
		n++;
	char base[80], id[96];
	snprintf(base, sizeof base, "%.*s", n && n < 64 && lid[n] ? (int)n : 6, n && n < 64 && lid[n] ? lid : "shared");
	strcpy(id, base);
	for (unsigned k = 2; lc_idmap_get(&r->track_ids, id, strlen(id)) || lc_idmap_get(&r->chain_ids, id, strlen(id)) ||
	                     lc_idmap_get(&r->level_ids, id, strlen(id));
	     k++)
		snprintf(id, sizeof id, "%s-%u", base, k);
	char *s = lc_arena_memdup(r->a, id, strlen(id));
	if (!s)
		r->nomem = 1;
	return s;
}

/* 1 when the cut of chain cc that starts at level k runs to the chain's end:
 * every level of cc from k on is on the same chains as k. `rest` has room
 * for a chain's levels. */
static int cut_ends_chain(reader *r, size_t cc, size_t k, size_t *rest)
{
	size_t n = chain_levels(r, cc, rest), i = 0;
	while (i < n && rest[i] != k)
		i++;
	for (; i < n; i++)
		if (!same_chains(r, rest[i], k))
			return 0;
	return n > 0;
}

static int cut_tracks(reader *r)
{
	size_t *order = malloc((r->nlevels ? r->nlevels : 1) * sizeof *order);
	size_t *rest = malloc((r->nlevels ? r->nlevels : 1) * sizeof *rest);
	if (!order || !rest) {
		free(order);
		free(rest);
		return -1;
	}
	int st = 0;
	for (size_t c = 0; c < r->nchains && !st; c++) {
		size_t n = chain_levels(r, c, order);
		for (size_t i = 0; i < n && !st; i++) {
			size_t k = order[i], prev = i ? order[i - 1] : NONE;
			lc_import_level *l = &r->levels[k];
			if (l->track != NONE) {
				/* seen on an earlier chain: the same predecessor, or no chain at all;
				 * a chain that starts at it is a role on part of the chain
				 * (`levels:`), which render shows from its first level */
				size_t t = l->track;
				int first = i == 0 || r->levels[prev].track != t;
				const char *want = first ? r->tracks[t].from : NULL;
				const char *have = first && prev != NONE ? r->levels[prev].id : NULL;
				if (i > 0 && (want || have) && (!want || !have || strcmp(want, have) != 0)) {
					lc_mark m = {r->src, 0, 0};
					lc_diags_add(r->d, LC_ERROR, &m, NULL, "the levels of track %s do not follow the same "
					             "order as on the other tracks (at level %s)", r->chains[c], l->id);
					st = 1;
				}
				continue;
			}
			if (i == 0 || r->levels[prev].track == NONE || !same_chains(r, prev, k) ||
			    r->levels[prev].track != r->ntracks - 1) {
				lc_import_track *t = push(r, (void **)&r->tracks, &r->ntracks, &r->captracks, sizeof *t);
				if (!t) {
					st = -1;
					break;
				}
				/* the chain that ends in this cut names it (IC, under E and L);
				 * a cut that ends no chain gets an id of its own */
				size_t ends = NONE;
				for (size_t cc = 0; cc < r->nchains && ends == NONE; cc++)
					if (r->member[k * r->nchains + cc] && cut_ends_chain(r, cc, k, rest))
						ends = cc;
				t->id = ends != NONE ? r->chains[ends] : shared_id(r, k);
				t->name = t->id;
				t->from = prev != NONE ? r->levels[prev].id : NULL;
				if (t->id && lc_idmap_put(&r->track_ids, t->id, strlen(t->id), (void *)t->id) == &r->track_ids)
					r->nomem = 1;
			}
			l->track = r->ntracks - 1;
		}
	}
	free(order);
	free(rest);
	return r->nomem ? -1 : st;
}

/* The matrix layout's columns are the ladder's levels in its order, track
 * after track: the tracks go in the order of their first column (stable),
 * whatever the order of the rows that revealed them. */
typedef struct track_place {
	size_t col, t;
} track_place;

static int by_col(const void *a, const void *b)
{
	const track_place *x = a, *y = b;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

static int order_tracks_by_column(reader *r)
{
	size_t n = r->ntracks;
	if (n < 2)
		return 0; /* nothing to order (and no array at all when none) */
	track_place *p = malloc((n ? n : 1) * sizeof *p);
	size_t *now = malloc((n ? n : 1) * sizeof *now);
	lc_import_track *t = malloc((n ? n : 1) * sizeof *t);
	if (!p || !now || !t) {
		free(p);
		free(now);
		free(t);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		p[i] = (track_place){(size_t)-1, i};
	for (size_t k = 0; k < r->nlevels; k++)
		if (r->levels[k].track < n && r->levels[k].col < p[r->levels[k].track].col)
			p[r->levels[k].track].col = r->levels[k].col;
	qsort(p, n, sizeof *p, by_col);
	for (size_t i = 0; i < n; i++) {
		t[i] = r->tracks[p[i].t];
		now[p[i].t] = i;
	}
	memcpy(r->tracks, t, n * sizeof *t);
	for (size_t k = 0; k < r->nlevels; k++)
		if (r->levels[k].track < n)
			r->levels[k].track = now[r->levels[k].track];
	free(p);
	free(now);
	free(t);
	return 0;
}

/* ---- pass 2: roles, competencies and texts -------------------------------------- */

static size_t role_of(reader *r, const lc_row *row, int *err)
{
	size_t n;
	const char *s = cell(r, row, r->matrix ? M_ROLE_ID : LC_LONG_ROLE_ID, &n);
	size_t k = lookup(r, &r->role_ids, s, n, 0, 0);
	if (k != NONE)
		return k;
	rl_role *ro = push(r, (void **)&r->roles, &r->nroles, &r->caproles, sizeof *ro);
	if (!ro)
		return NONE;
	ro->id = id_cell(r, row, r->matrix ? M_ROLE_ID : LC_LONG_ROLE_ID, err);
	ro->name = name_cell(r, row, r->matrix ? M_ROLE_NAME : LC_LONG_ROLE_NAME, err);
	if (!r->matrix && (cell(r, row, LC_LONG_FAMILY, &n), n))
		ro->family = name_cell(r, row, LC_LONG_FAMILY, err);
	ro->first = NONE;
	ro->titles = lc_arena_calloc(r->a, r->nlevels, sizeof *ro->titles);
	ro->has = lc_arena_calloc(r->a, r->nlevels, 1);
	if (!ro->titles || !ro->has)
		r->nomem = 1;
	if (*err || r->nomem || !ro->id)
		return NONE;
	return lookup(r, &r->role_ids, ro->id, strlen(ro->id), r->nroles - 1, 1);
}

static size_t comp_of(reader *r, const lc_row *row, size_t role, int *err)
{
	size_t gn, cn;
	const char *g = cell(r, row, r->matrix ? M_GROUP : LC_LONG_GROUP, &gn);
	const char *c = cell(r, row, r->matrix ? M_COMP_ID : LC_LONG_COMP_ID, &cn);
	lc_buf key = LC_BUF_INIT;
	lc_buf_printf(&key, "%zu\t%.*s\t%.*s", role, (int)gn, g, (int)cn, c);
	char *k = lc_buf_failed(&key) ? NULL : lc_arena_memdup(r->a, key.data, key.len);
	size_t klen = key.len;
	lc_buf_free(&key);
	if (!k) {
		r->nomem = 1;
		return NONE;
	}
	size_t i = lookup(r, &r->comp_keys, k, klen, 0, 0);
	if (i != NONE)
		return i;
	rl_comp *cp = push(r, (void **)&r->comps, &r->ncomps, &r->capcomps, sizeof *cp);
	if (!cp)
		return NONE;
	cp->role = role;
	cp->group = id_cell(r, row, r->matrix ? M_GROUP : LC_LONG_GROUP, err);
	if (cp->group)
		cp->gidx = lookup(r, &r->group_ids, cp->group, strlen(cp->group), r->ngroup_ids, 1);
	if (cp->group && cp->gidx == r->ngroup_ids)
		r->ngroup_ids++;
	cp->id = cp->group ? id_cell(r, row, r->matrix ? M_COMP_ID : LC_LONG_COMP_ID, err) : NULL;
	cp->name = cp->id ? name_cell(r, row, r->matrix ? M_COMP_NAME : LC_LONG_COMP_NAME, err) : NULL;
	cp->starts_at = NONE;
	cp->on = lc_arena_calloc(r->a, r->nlevels, 1);
	cp->texts = lc_arena_calloc(r->a, r->nlevels, sizeof *cp->texts);
	cp->text_len = lc_arena_calloc(r->a, r->nlevels, sizeof *cp->text_len);
	if (r->details) {
		cp->prof = lc_arena_calloc(r->a, r->nlevels, sizeof *cp->prof);
		cp->ex = lc_arena_calloc(r->a, r->nlevels, sizeof *cp->ex);
		r->nomem |= !cp->prof || !cp->ex;
	}
	if (!cp->texts || !cp->text_len || !cp->on)
		r->nomem = 1;
	if (*err || r->nomem || !cp->name)
		return NONE;
	return lookup(r, &r->comp_keys, k, klen, r->ncomps - 1, 1);
}

/* 1 when t holds a control character other than a line break or a tab. */
static int has_control(const char *t, size_t len)
{
	for (size_t i = 0, cl; i < len; i += cl) {
		uint32_t u = lc_utf8_decode(t + i, len - i, &cl);
		if (u != '\n' && u != '\t' && lc_text_is_control(u))
			return 1;
	}
	return 0;
}

/* 1 when the line of s at i has the shape render gives a list item: "• "
 * and a first character that is not blank. */
static int bullet_shaped(const char *s, size_t n, size_t i)
{
	return n - i >= 5 && memcmp(s + i, "\xE2\x80\xA2 ", 4) == 0 && s[i + 4] != ' ' && s[i + 4] != '\t' &&
	       s[i + 4] != '\n';
}

/* The end of the chunk of s starting at i: the next blank line ("\n\n"),
 * or the end. */
static size_t chunk_end(const char *s, size_t n, size_t i)
{
	for (; i + 1 < n; i++)
		if (s[i] == '\n' && s[i + 1] == '\n')
			return i;
	return n;
}

/* 1 when every line of the chunk [i, end) is bullet-shaped. */
static int all_bullets(const char *s, size_t i, size_t end)
{
	while (i < end) {
		if (!bullet_shaped(s, end, i))
			return 0;
		const char *nl = memchr(s + i, '\n', end - i);
		i = nl ? (size_t)(nl - s) + 1 : end;
	}
	return 1;
}

/* lc_import_render_text: the list items render wrote as "• " are "- "
 * again (and come out as "• " again). Render writes a cell's
 * blocks apart with one blank line, except an item after an item (one line
 * break, and an item is always one line). So a chunk between blank lines is
 * a run of items when every line of it has an item's shape and the chunk
 * before it is not one; any other "• " is the ladder's own text. */
int lc_import_render_text(lc_arena *a, const char *s, size_t n, const char **text, size_t *len)
{
	lc_buf b = LC_BUF_INIT;
	int items_before = 0;
	for (size_t i = 0; i < n;) {
		size_t end = chunk_end(s, n, i);
		int items = !items_before && end > i && all_bullets(s, i, end);
		for (size_t p = i; p < end; p++) {
			if (items && (p == i || s[p - 1] == '\n')) {
				lc_buf_puts(&b, "- ");
				p += 3;
				continue;
			}
			lc_buf_putc(&b, s[p]);
		}
		lc_buf_put(&b, s + end, end < n ? 2 : 0); /* the blank line */
		items_before = items;
		i = end < n ? end + 2 : n;
	}
	char *t = lc_buf_failed(&b) ? NULL : lc_arena_memdup(a, b.data ? b.data : "", b.len);
	*len = b.len;
	lc_buf_free(&b);
	if (!t)
		return -1;
	*text = t;
	return has_control(t, *len);
}

int lc_import_render_examples(lc_arena *a, const char *s, size_t n, lc_import_examples *ex, const char **why)
{
	static const char bullet[] = "\xE2\x80\xA2 ";
	const size_t bn = sizeof bullet - 1;
	ex->items = NULL;
	ex->n = 0;
	if (n == 0)
		return 0;
	if (n < bn || memcmp(s, bullet, bn) != 0) {
		*why = "examples are lines that start with '\xE2\x80\xA2 ', one for each example";
		return 1;
	}
	size_t count = 0; /* an example starts at the cell's start and after each "\n• " */
	for (size_t i = 0; i < n; i++)
		count += i == 0 || (s[i] == '\n' && n - i > bn && memcmp(s + i + 1, bullet, bn) == 0);
	ladder_str *items = lc_arena_calloc(a, count, sizeof *items);
	if (!items)
		return -1;
	ex->items = items;
	for (size_t i = bn; i <= n;) {
		size_t end = i;
		while (end < n && !(s[end] == '\n' && n - end > bn && memcmp(s + end + 1, bullet, bn) == 0))
			end++;
		size_t from = i, to = end; /* without blanks at either end, as a cell */
		while (from < to && strchr(" \t\r\n", s[from]))
			from++;
		while (to > from && strchr(" \t\r\n", s[to - 1]))
			to--;
		if (from == to) {
			*why = "an example with no text";
			return 1;
		}
		char *t = lc_arena_memdup(a, s + from, to - from);
		if (!t)
			return -1;
		if (has_control(t, to - from)) {
			*why = "a control character in this cell";
			return 1;
		}
		items[ex->n++] = (ladder_str){t, to - from};
		i = end + 1 + bn;
	}
	return 0;
}

int lc_import_same_examples(const lc_import_examples *a, const lc_import_examples *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (a->items[i].len != b->items[i].len || memcmp(a->items[i].s, b->items[i].s, a->items[i].len) != 0)
			return 0;
	return 1;
}

/* The proficiency id of a row's cell: NULL for none (an empty cell), else
 * the id, in the list of the ladder's proficiency levels. *err after an error. */
static const char *proficiency_cell(reader *r, const lc_row *row, size_t k, int *err)
{
	size_t n;
	const char *s = cell(r, row, LC_LONG_PROFICIENCY, &n);
	if (n == 0)
		return NULL;
	size_t p = lookup(r, &r->prof_ids, s, n, r->nprofs, 0);
	if (p == NONE) {
		const char *id = id_cell(r, row, LC_LONG_PROFICIENCY, err);
		rl_prof *pr = id ? push(r, (void **)&r->profs, &r->nprofs, &r->capprofs, sizeof *pr) : NULL;
		if (!pr)
			return NULL;
		pr->id = id;
		pr->rank = r->levels[k].rank;
		pr->seen = r->nprofs - 1;
		p = lookup(r, &r->prof_ids, id, n, r->nprofs - 1, 1);
	}
	if (r->levels[k].rank < r->profs[p].rank)
		r->profs[p].rank = r->levels[k].rank;
	return r->profs[p].id;
}

/* The cell of competency cp at level k that a row whose source_level is its
 * level shows: its text, and with the details its proficiency and examples.
 * An empty text with a proficiency is the proficiency alone; an empty text
 * with neither is no cell. Rows that show the same cell again agree. */
static int own_cell(reader *r, rl_comp *cp, size_t k, const lc_row *row)
{
	size_t n;
	int err = 0;
	const char *s = cell(r, row, LC_LONG_TEXT, &n), *t, *prof = NULL;
	size_t len;
	lc_import_examples ex = {NULL, 0};
	if (r->details) {
		const char *why;
		prof = proficiency_cell(r, row, k, &err);
		if (err || r->nomem)
			return r->nomem ? -1 : 1;
		const char *es = cell(r, row, LC_LONG_EXAMPLES, &len);
		int st = lc_import_render_examples(r->a, es, len, &ex, &why);
		r->nomem |= st < 0;
		if (st)
			return st < 0 ? -1 : bad(r, row, LC_LONG_EXAMPLES, why);
		if (n == 0 && !prof && ex.n)
			return bad(r, row, LC_LONG_TEXT, "examples without a text or a proficiency");
	}
	if (n == 0 && !prof)
		return 0;
	int st = lc_import_render_text(r->a, s, n, &t, &len);
	r->nomem |= st < 0;
	if (st)
		return st < 0 ? -1 : bad(r, row, LC_LONG_TEXT, "a control character in this cell");
	if (cp->texts[k]) {
		if (cp->text_len[k] != len || memcmp(cp->texts[k], t, len) != 0)
			return bad(r, row, LC_LONG_TEXT, "another text for this competency and level in an earlier row");
		if (r->details && (cp->prof[k] != prof || !lc_import_same_examples(&cp->ex[k], &ex)))
			return bad(r, row, cp->prof[k] != prof ? LC_LONG_PROFICIENCY : LC_LONG_EXAMPLES,
			           "another proficiency or examples for this competency and level in an earlier row");
		return 0;
	}
	cp->texts[k] = t;
	cp->text_len[k] = len;
	if (r->details) {
		cp->prof[k] = prof;
		cp->ex[k] = ex;
	}
	return 0;
}

/* A matrix cell's text. */
static int set_text(reader *r, rl_comp *cp, size_t k, const lc_row *row, size_t j)
{
	size_t n, len;
	const char *s = cell(r, row, j, &n), *t;
	int st = lc_import_render_text(r->a, s, n, &t, &len);
	r->nomem |= st < 0;
	if (st)
		return st < 0 ? -1 : bad(r, row, j, "a control character in this cell");
	if (cp->texts[k] && (cp->text_len[k] != len || memcmp(cp->texts[k], t, len) != 0))
		return bad(r, row, j, "another text for this competency and level in an earlier row");
	cp->texts[k] = t;
	cp->text_len[k] = len;
	return 0;
}

/* 1 when row starts another unit than the row before it: another role or
 * track (a matrix), or another level too (the long layout). */
static int new_unit(reader *r, size_t i)
{
	if (i <= 1)
		return 1;
	const lc_row *a = &r->t->rows[i - 1], *b = &r->t->rows[i];
	size_t cols[] = {r->matrix ? M_ROLE_ID : LC_LONG_ROLE_ID, r->matrix ? M_TRACK : LC_LONG_TRACK, LC_LONG_LEVEL_ID};
	for (size_t j = 0; j < (r->matrix ? 2u : 3u); j++) {
		size_t na, nb;
		const char *x = cell(r, a, cols[j], &na), *y = cell(r, b, cols[j], &nb);
		if (na != nb || memcmp(x, y, na) != 0)
			return 1;
	}
	return 0;
}

static int read_row(reader *r, size_t i)
{
	const lc_row *row = &r->t->rows[i];
	int err = 0;
	if (new_unit(r, i))
		r->last_comp = NONE;
	size_t ro = role_of(r, row, &err);
	size_t c = ro == NONE ? NONE : comp_of(r, row, ro, &err);
	if (c == NONE)
		return r->nomem ? -1 : 1;
	if (r->last_comp != NONE && r->last_comp != c && r->comps[r->last_comp].role == ro) {
		size_t(*pair)[2] = push(r, (void **)&r->before, &r->nbefore, &r->capbefore, sizeof *pair);
		if (!pair)
			return -1;
		(*pair)[0] = r->last_comp;
		(*pair)[1] = c;
	}
	r->last_comp = c;
	rl_comp *cp = &r->comps[c];
	size_t n;
	if (r->matrix) {
		for (size_t k = 0; k < r->nlevels; k++) {
			const char *s = cell(r, row, r->levels[k].col, &n);
			if (!n)
				continue;
			r->roles[ro].has[k] = 1;
			if (n == strlen(NOT_HERE) && memcmp(s, NOT_HERE, n) == 0)
				continue;
			cp->on[k] = 1;
			if (!(n == strlen(NO_NEW) && memcmp(s, NO_NEW, n) == 0) && set_text(r, cp, k, row, r->levels[k].col))
				return r->nomem ? -1 : 1;
		}
		return 0;
	}
	const char *id = cell(r, row, LC_LONG_LEVEL_ID, &n);
	size_t k = lookup(r, &r->level_ids, id, n, 0, 0);
	r->roles[ro].has[k] = 1;
	cp->on[k] = 1;
	cell(r, row, LC_LONG_TITLE, &n);
	if (!n) {
		r->levels[k].untitled = 1;
	} else if (!r->roles[ro].titles[k]) {
		r->roles[ro].titles[k] = name_cell(r, row, LC_LONG_TITLE, &err);
		if (err)
			return 1;
	}
	size_t sn;
	const char *source = cell(r, row, LC_LONG_SOURCE, &sn);
	if (sn == strlen(r->levels[k].id) && memcmp(source, r->levels[k].id, sn) == 0)
		return own_cell(r, cp, k, row);
	if (!sn)
		return 0;
	cp->restated = 1; /* shows a lower level's text */
	cell(r, row, LC_LONG_TEXT, &n);
	if (!n)
		return 0;
	/* the text is read from the source level's own row: this one must say
	 * the same, or an edit made here would be lost (checked once all rows
	 * are read) */
	size_t ks = lookup(r, &r->level_ids, source, sn, 0, 0);
	if (ks == NONE)
		return bad(r, row, LC_LONG_SOURCE, "not a level of this table");
	struct repeat *rp = push(r, (void **)&r->repeats, &r->nrepeats, &r->caprepeats, sizeof *rp);
	if (!rp)
		return -1;
	rp->comp = (size_t)(cp - r->comps);
	rp->source = ks;
	rp->row = row;
	return 0;
}

/* Each row that repeats a lower level's text says what that level's own
 * row says. */
static int check_repeats(reader *r)
{
	int st = 0;
	for (size_t i = 0; i < r->nrepeats && st >= 0; i++) {
		const struct repeat *rp = &r->repeats[i];
		const rl_comp *cp = &r->comps[rp->comp];
		const char *lid = r->levels[rp->source].id, *t;
		size_t n, len;
		const char *s = cell(r, rp->row, LC_LONG_TEXT, &n);
		int tst = lc_import_render_text(r->a, s, n, &t, &len);
		if (tst < 0)
			return -1;
		size_t at = LC_LONG_TEXT < rp->row->n ? rp->row->cells[LC_LONG_TEXT].at : rp->row->at;
		if (!cp->texts[rp->source])
			st |= lc_table_error(r->d, r->src, at,
			                     "this row repeats the text of level %s (its source_level), but no row gives that "
			                     "level's own text: make source_level this row's level_id to keep it", lid) != 0;
		else if (tst || cp->text_len[rp->source] != len || memcmp(cp->texts[rp->source], t, len) != 0)
			st |= lc_table_error(r->d, r->src, at,
			                     "this text differs from level %s's, which this row repeats (its source_level): "
			                     "edit it in %s's row, or make source_level this row's level_id", lid, lid) != 0;
	}
	return st;
}

/* ---- scope: where a competency applies ------------------------------------------- */

/* 1 when the level of rank ra at table index a comes before the one of
 * rank rb at index b. */
static int comes_before(unsigned long ra, size_t a, unsigned long rb, size_t b)
{
	return ra < rb || (ra == rb && a < b);
}

/* The level below k on its chain: the one before it on its track, else the
 * level its track continues from; NONE at the start of a chain. */
static size_t level_below(const reader *r, size_t k)
{
	size_t t = r->levels[k].track, below = NONE;
	if (t >= r->ntracks)
		return NONE; /* a level no chain holds */
	for (size_t j = 0; j < r->nlevels; j++) { /* the highest before k by rank, then table order */
		const lc_import_level *lj = &r->levels[j];
		if (j == k || lj->track != t || !comes_before(lj->rank, j, r->levels[k].rank, k))
			continue;
		if (below == NONE || comes_before(r->levels[below].rank, below, lj->rank, j))
			below = j;
	}
	if (below != NONE)
		return below;
	const char *from = r->tracks[t].from;
	if (!from)
		return NONE;
	for (size_t j = 0; j < r->nlevels; j++)
		if (strcmp(r->levels[j].id, from) == 0)
			return j;
	return NONE;
}

/* 1 where a competency with tracks `on_tracks` (NULL: every track) and
 * `starts_at` (NONE: none) applies at level k. */
static int applies(const reader *r, size_t k, const unsigned char *on_tracks, size_t starts_at)
{
	if (on_tracks && (r->levels[k].track >= r->ntracks || !on_tracks[r->levels[k].track]))
		return 0;
	if (starts_at == NONE)
		return 1;
	for (size_t j = k; j != NONE; j = level_below(r, j))
		if (j == starts_at)
			return 1;
	return 0;
}

static int scope_fits(const reader *r, const rl_comp *c, const unsigned char *on_tracks, size_t starts_at)
{
	const unsigned char *has = r->roles[c->role].has;
	for (size_t k = 0; k < r->nlevels; k++)
		if (has[k] && applies(r, k, on_tracks, starts_at) != c->on[k])
			return 0;
	return 1;
}

/* A competency shown at fewer than all of its role's levels has a scope:
 * `tracks:` (the tracks of the levels where it shows), `starts_at:` (a level
 * where it starts), or both; the first that gives exactly those levels. */
static int infer_scope(reader *r, rl_comp *c)
{
	if (scope_fits(r, c, NULL, NONE))
		return 0;
	unsigned char *tracks = lc_arena_calloc(r->a, r->ntracks ? r->ntracks : 1, 1);
	if (!tracks)
		return -1;
	for (size_t k = 0; k < r->nlevels; k++)
		if (c->on[k] && r->levels[k].track < r->ntracks)
			tracks[r->levels[k].track] = 1;
	for (int with_tracks = 0; with_tracks <= 1; with_tracks++) {
		const unsigned char *t = with_tracks ? tracks : NULL;
		if (with_tracks && scope_fits(r, c, t, NONE)) {
			c->scope_tracks = tracks;
			return 0;
		}
		for (size_t k = 0; k < r->nlevels; k++) {
			size_t below = level_below(r, k);
			if (!c->on[k] || (below != NONE && c->on[below]))
				continue; /* not where it starts */
			if (scope_fits(r, c, t, k)) {
				c->scope_tracks = with_tracks ? tracks : NULL;
				c->starts_at = k;
				return 0;
			}
		}
	}
	return 0; /* no scope fits: the levels where it shows are left as they come */
}

static int same_scope(const reader *r, const rl_comp *a, const rl_comp *b)
{
	if (a->starts_at != b->starts_at || !a->scope_tracks != !b->scope_tracks)
		return 0;
	return !a->scope_tracks || memcmp(a->scope_tracks, b->scope_tracks, r->ntracks) == 0;
}

/* ---- the merged order of a role's competencies ------------------------------------ */

/* Each unit (a level, or a matrix) shows a role's competencies in the role's
 * order, some left out: the order is one every unit agrees with (see
 * merge_order). A min-heap of node indices for topo_rank. */
static void heap_push(size_t *h, size_t *n, size_t v)
{
	size_t i = (*n)++;
	for (; i > 0 && h[(i - 1) / 2] > v; i = (i - 1) / 2)
		h[i] = h[(i - 1) / 2];
	h[i] = v;
}

static size_t heap_pop(size_t *h, size_t *n)
{
	size_t top = h[0], v = h[--*n], i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= *n)
			break;
		if (c + 1 < *n && h[c + 1] < h[c])
			c++;
		if (h[c] >= v)
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = v;
	return top;
}

/* rank[i] = the place of node i (0..n) in a topological order of the pairs
 * {a, b} ("a before b") with skip[e] unset, the smallest node first where
 * the pairs leave it open, the smallest left next on a contradiction. */
static int topo_rank(size_t n, size_t (*pairs)[2], const unsigned char *skip, size_t m, size_t *rank)
{
	size_t *start = calloc(n + 1, sizeof *start), *succ = malloc((m ? m : 1) * sizeof *succ);
	size_t *indeg = calloc(n ? n : 1, sizeof *indeg), *heap = malloc((n ? n : 1) * sizeof *heap);
	unsigned char *done = calloc(n ? n : 1, 1);
	int st = 0;
	if (!start || !succ || !indeg || !heap || !done) {
		st = -1;
		goto out;
	}
	/* the successors of each node, in pair order (a counting sort) */
	for (size_t e = 0; e < m; e++)
		if (!skip[e])
			start[pairs[e][0] + 1]++;
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	for (size_t e = 0; e < m; e++) /* indeg counts each one's successors so far, for now */
		if (!skip[e])
			succ[start[pairs[e][0]] + indeg[pairs[e][0]]++] = pairs[e][1];
	memset(indeg, 0, (n ? n : 1) * sizeof *indeg);
	for (size_t e = 0; e < m; e++)
		if (!skip[e])
			indeg[pairs[e][1]]++;
	size_t nheap = 0, next_left = 0;
	for (size_t i = 0; i < n; i++)
		if (!indeg[i])
			heap_push(heap, &nheap, i);
	for (size_t placed = 0; placed < n;) {
		if (!nheap) { /* a contradiction: the smallest node left goes next */
			while (done[next_left])
				next_left++;
			indeg[next_left] = 0;
			heap_push(heap, &nheap, next_left);
		}
		size_t c = heap_pop(heap, &nheap);
		if (done[c])
			continue;
		done[c] = 1;
		rank[c] = placed++;
		for (size_t k = start[c]; k < start[c + 1]; k++)
			if (!done[succ[k]] && indeg[succ[k]] && --indeg[succ[k]] == 0)
				heap_push(heap, &nheap, succ[k]);
	}
out:
	free(start);
	free(succ);
	free(indeg);
	free(heap);
	free(done);
	return st;
}

typedef struct comp_rank {
	size_t role, gidx, group_rank, rank, i;
} comp_rank;

static int by_role_gidx(const void *a, const void *b)
{
	const comp_rank *x = a, *y = b;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if (x->gidx != y->gidx)
		return x->gidx < y->gidx ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int by_merged_order(const void *a, const void *b)
{
	const comp_rank *x = a, *y = b;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if (x->group_rank != y->group_rank)
		return x->group_rank < y->group_rank ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The merged order of each role's competencies. Render writes a role's
 * groups one after the other and each group's competencies in order, some
 * left out at a level: so the groups are ordered by the rows where one
 * group's competency comes right before another's, and the competencies of
 * a group by the rows where they follow each other (topo_rank, each). A
 * group is named by its first competency in the table (rep). */
static int merge_order(reader *r)
{
	size_t n = r->ncomps, m = r->nbefore;
	comp_rank *cr = malloc((n ? n : 1) * sizeof *cr);
	size_t *rep = malloc((n ? n : 1) * sizeof *rep), *grank = malloc((n ? n : 1) * sizeof *grank);
	size_t *crank = malloc((n ? n : 1) * sizeof *crank), (*gpairs)[2] = malloc((m ? m : 1) * sizeof *gpairs);
	unsigned char *gskip = calloc(m ? m : 1, 1), *cskip = calloc(m ? m : 1, 1);
	int st = -1;
	if (!cr || !rep || !grank || !crank || !gpairs || !gskip || !cskip)
		goto out;
	for (size_t i = 0; i < n; i++)
		cr[i] = (comp_rank){r->comps[i].role, r->comps[i].gidx, 0, 0, i};
	qsort(cr, n, sizeof *cr, by_role_gidx);
	for (size_t i = 0; i < n; i++)
		rep[cr[i].i] = i && cr[i - 1].role == cr[i].role && cr[i - 1].gidx == cr[i].gidx ? rep[cr[i - 1].i] : cr[i].i;
	for (size_t e = 0; e < m; e++) {
		size_t a = rep[r->before[e][0]], b = rep[r->before[e][1]];
		gpairs[e][0] = a;
		gpairs[e][1] = b;
		gskip[e] = a == b;  /* within a group: the competencies' pair */
		cskip[e] = a != b;  /* across groups: the groups' pair */
	}
	if (topo_rank(n, gpairs, gskip, m, grank) < 0 || topo_rank(n, r->before, cskip, m, crank) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		cr[i] = (comp_rank){r->comps[i].role, r->comps[i].gidx, grank[rep[i]], crank[i], i};
	qsort(cr, n, sizeof *cr, by_merged_order);
	for (size_t ro = 0; ro < r->nroles; ro++)
		r->roles[ro].first = NONE;
	for (size_t i = n; i-- > 0;) { /* each role's list, built from its end */
		rl_comp *c = &r->comps[cr[i].i];
		c->next = r->roles[c->role].first;
		r->roles[c->role].first = cr[i].i;
	}
	st = 0;
out:
	free(cr);
	free(rep);
	free(grank);
	free(crank);
	free(gpairs);
	free(gskip);
	free(cskip);
	return st;
}

/* A competency's place in reader.sorted: by group, role, then the role's
 * merged order (the key is carried, so the sort needs no shared state). */
typedef struct comp_place {
	size_t gidx, role, pos, i;
} comp_place;

static int by_group_role(const void *a, const void *b)
{
	const comp_place *x = a, *y = b;
	if (x->gidx != y->gidx)
		return x->gidx < y->gidx ? -1 : 1;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The same competency in two roles' copies of a group: same id, name and
 * mode, no level where both have a text and the texts differ, and no level
 * both roles show where only one has a text (shared, the other would show
 * it too). */
static int same_comp(const reader *r, const rl_comp *a, const rl_comp *b)
{
	if (strcmp(a->id, b->id) != 0 || strcmp(a->name, b->name) != 0 || a->restated != b->restated ||
	    !same_scope(r, a, b))
		return 0;
	for (size_t k = 0; k < r->nlevels; k++) {
		if (!a->texts[k] || !b->texts[k]) {
			if ((a->texts[k] || b->texts[k]) && r->roles[a->role].has[k] && r->roles[b->role].has[k])
				return 0;
			continue;
		}
		if (a->text_len[k] != b->text_len[k] || memcmp(a->texts[k], b->texts[k], a->text_len[k]) != 0 ||
		    (r->details && (a->prof[k] != b->prof[k] || !lc_import_same_examples(&a->ex[k], &b->ex[k]))))
			return 0;
	}
	return 1;
}

/* Two copies' cells at level k, both with a text, say the same. */
static int same_cell(const reader *r, const rl_comp *a, const rl_comp *b, size_t k)
{
	return a->text_len[k] == b->text_len[k] && memcmp(a->texts[k], b->texts[k], a->text_len[k]) == 0 &&
	       (!r->details || (a->prof[k] == b->prof[k] && lc_import_same_examples(&a->ex[k], &b->ex[k])));
}

/* same_comp holds between every two roles' copies of the group's
 * competencies sorted[start, end) (n0 per role), not only between the first
 * role's and each other's: "no level both show where one has a text and the
 * other none" is not transitive (role A without level L2 agrees with B,
 * which shows L2 empty, and with C, which has a text there). Linear: per
 * competency and level, the first copy with a text and whether a copy
 * showed the level empty. 1 when they agree, 0 when not, -1 out of memory. */
static int copies_agree(const reader *r, size_t start, size_t end, size_t n0)
{
	size_t cells = n0 * r->nlevels;
	const rl_comp **with_text = calloc(cells ? cells : 1, sizeof *with_text);
	unsigned char *shown_empty = calloc(cells ? cells : 1, 1);
	int agree = with_text && shown_empty ? 1 : -1;
	for (size_t i = start; agree == 1 && i < end; i++) {
		const rl_comp *c = &r->comps[r->sorted[i]];
		size_t at = (i - start) % n0 * r->nlevels;
		for (size_t k = 0; agree == 1 && k < r->nlevels; k++) {
			if (!r->roles[c->role].has[k])
				continue;
			const rl_comp *seen = with_text[at + k];
			if (c->texts[k]) {
				if (shown_empty[at + k] || (seen && !same_cell(r, seen, c, k)))
					agree = 0;
				else if (!seen)
					with_text[at + k] = c;
			} else if (seen) {
				agree = 0;
			} else {
				shown_empty[at + k] = 1;
			}
		}
	}
	free(with_text);
	free(shown_empty);
	return agree;
}

static void unshare(reader *r, size_t gidx)
{
	for (size_t i = 0; i < r->ncomps; i++)
		if (r->comps[i].gidx == gidx)
			r->comps[i].shared = 0;
}

/* Company-wide competency ids are unique across the company-wide groups (a
 * role's own group may reuse one): of two company-wide candidates with a
 * competency id in common, the one the first role shows first stays
 * company-wide (render shows those first) and the other becomes each role's
 * own. Walks the first role's merged order, in which a group's competencies
 * are contiguous. */
static int unshare_clashes(reader *r)
{
	if (!r->nroles)
		return 0;
	lc_idmap ids;
	lc_idmap_init(&ids);
	int st = 0;
	for (size_t c = r->roles[0].first, next; c != NONE && !st; c = next) {
		size_t g = r->comps[c].gidx;
		for (next = c; next != NONE && r->comps[next].gidx == g; next = r->comps[next].next)
			;
		if (!r->comps[c].shared)
			continue;
		int clash = 0;
		for (size_t i = c; i != next; i = r->comps[i].next)
			clash |= lc_idmap_get(&ids, r->comps[i].id, strlen(r->comps[i].id)) != NULL;
		if (clash) {
			unshare(r, g);
			continue;
		}
		for (size_t i = c; i != next && !st; i = r->comps[i].next)
			if (lc_idmap_put(&ids, r->comps[i].id, strlen(r->comps[i].id), (void *)1) == &ids)
				st = -1;
	}
	lc_idmap_free(&ids);
	return st;
}

/* The company-wide groups, in the order role `ro` shows them first, into
 * out (at most ngroup_ids); their number. */
static size_t shared_order(const reader *r, size_t ro, size_t *out, unsigned char *seen)
{
	size_t n = 0;
	memset(seen, 0, r->ngroup_ids);
	for (size_t c = r->roles[ro].first; c != NONE; c = r->comps[c].next)
		if (r->comps[c].shared && !seen[r->comps[c].gidx]) {
			seen[r->comps[c].gidx] = 1;
			out[n++] = r->comps[c].gidx;
		}
	return n;
}

/* Render shows the company-wide groups first, in one order, in every role:
 * a group shared in the table but shown after a role's own group stays each
 * role's own, and when the roles show the shared groups in different orders
 * none is shared. */
static void keep_shared_first(reader *r)
{
	size_t *first = malloc((r->ngroup_ids + 1) * sizeof *first), *other = malloc((r->ngroup_ids + 1) * sizeof *other);
	unsigned char *seen = malloc(r->ngroup_ids + 1);
	if (!first || !other || !seen) {
		for (size_t i = 0; i < r->ncomps; i++)
			r->comps[i].shared = 0; /* the plain answer: every role its own groups */
		free(first);
		free(other);
		free(seen);
		return;
	}
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t ro = 0; ro < r->nroles && !changed; ro++) {
			int own = 0;
			for (size_t c = r->roles[ro].first; c != NONE && !changed; c = r->comps[c].next) {
				if (!r->comps[c].shared)
					own = 1;
				else if (own) {
					unshare(r, r->comps[c].gidx);
					changed = 1;
				}
			}
		}
	}
	size_t n = r->nroles ? shared_order(r, 0, first, seen) : 0;
	for (size_t ro = 1; ro < r->nroles; ro++)
		if (shared_order(r, ro, other, seen) != n || memcmp(first, other, n * sizeof *first) != 0) {
			for (size_t i = 0; i < r->ncomps; i++)
				r->comps[i].shared = 0;
			break;
		}
	free(first);
	free(other);
	free(seen);
}

/* A group every role shows, with the same competencies and no two texts
 * that differ, is company-wide: its competencies are marked shared, and the
 * first role's copy takes the texts the others show. The competencies are
 * sorted by group and role, so each group's copies sit side by side. */
static int find_shared(reader *r)
{
	for (size_t i = 0; i < r->ncomps; i++)
		if (infer_scope(r, &r->comps[i]) < 0)
			return -1;
	for (size_t ro = 0; ro < r->nroles; ro++) {
		size_t pos = 0;
		for (size_t c = r->roles[ro].first; c != NONE; c = r->comps[c].next)
			r->comps[c].pos = pos++;
	}
	r->sorted = malloc((r->ncomps ? r->ncomps : 1) * sizeof *r->sorted);
	comp_place *places = malloc((r->ncomps ? r->ncomps : 1) * sizeof *places);
	if (!r->sorted || !places) {
		free(places);
		return -1;
	}
	for (size_t i = 0; i < r->ncomps; i++)
		places[i] = (comp_place){r->comps[i].gidx, r->comps[i].role, r->comps[i].pos, i};
	qsort(places, r->ncomps, sizeof *places, by_group_role);
	for (size_t i = 0; i < r->ncomps; i++) {
		r->sorted[i] = places[i].i;
		r->comps[r->sorted[i]].at = i;
	}
	free(places);
	for (size_t start = 0, end; start < r->ncomps; start = end) {
		size_t g = r->comps[r->sorted[start]].gidx, n0 = 0, roles = 1, pos = 0, prev_role = 0;
		int ok = r->comps[r->sorted[start]].role == 0;
		for (end = start; end < r->ncomps && r->comps[r->sorted[end]].gidx == g; end++)
			n0 += r->comps[r->sorted[end]].role == 0;
		for (size_t i = start + n0; ok && i < end; i++) {
			const rl_comp *c = &r->comps[r->sorted[i]];
			if (c->role != prev_role) {
				ok = prev_role == 0 || pos == n0;
				roles++;
				prev_role = c->role;
				pos = 0;
			}
			ok = ok && pos < n0 && same_comp(r, &r->comps[r->sorted[start + pos]], c);
			pos++;
		}
		if (!ok || roles != r->nroles || (r->nroles > 1 && pos != n0))
			continue;
		int agree = copies_agree(r, start, end, n0);
		if (agree < 0)
			return -1;
		if (!agree)
			continue;
		for (size_t i = start; i < end; i++)
			r->comps[r->sorted[i]].shared = 1;
	}
	if (unshare_clashes(r) < 0)
		return -1;
	keep_shared_first(r);
	for (size_t start = 0, end; start < r->ncomps; start = end) {
		size_t g = r->comps[r->sorted[start]].gidx, n0 = 0;
		for (end = start; end < r->ncomps && r->comps[r->sorted[end]].gidx == g; end++)
			n0 += r->comps[r->sorted[end]].role == 0;
		if (!r->comps[r->sorted[start]].shared)
			continue;
		for (size_t i = start; i < end; i++) {
			rl_comp *c = &r->comps[r->sorted[i]];
			rl_comp *ref = &r->comps[r->sorted[start + (i - start) % n0]];
			for (size_t k = 0; c != ref && k < r->nlevels; k++)
				if (!ref->texts[k] && c->texts[k]) {
					ref->texts[k] = c->texts[k];
					ref->text_len[k] = c->text_len[k];
					if (r->details) {
						ref->prof[k] = c->prof[k];
						ref->ex[k] = c->ex[k];
					}
				}
		}
	}
	return 0;
}

/* ---- the ladder ------------------------------------------------------------------ */

/* A cell: its text, or with a proficiency or examples {text, proficiency,
 * examples} (a proficiency alone without its text: its name is not known). */
static void emit_cell(const reader *r, lc_yaml_writer *w, const rl_comp *c, size_t k)
{
	lc_yaml_scalar(w, r->levels[k].id);
	if (!r->details || (!c->prof[k] && !c->ex[k].n)) {
		lc_yaml_long_text(w, c->texts[k], c->text_len[k]);
		return;
	}
	lc_yaml_map_start(w);
	if (c->text_len[k]) {
		lc_yaml_scalar(w, "text");
		lc_yaml_long_text(w, c->texts[k], c->text_len[k]);
	}
	if (c->prof[k])
		lc_yaml_pair(w, "proficiency", c->prof[k]);
	if (c->ex[k].n) {
		lc_yaml_scalar(w, "examples");
		lc_yaml_seq_start(w);
		for (size_t i = 0; i < c->ex[k].n; i++)
			lc_yaml_long_text(w, c->ex[k].items[i].s, c->ex[k].items[i].len);
		lc_yaml_seq_end(w);
	}
	lc_yaml_map_end(w);
}

static int by_rank_then_table(const void *a, const void *b)
{
	const rl_prof *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seen < y->seen ? -1 : x->seen > y->seen;
}

/* `proficiency:`, the levels the CSV names, each named by its id. */
static void emit_proficiency(reader *r, lc_yaml_writer *w)
{
	if (!r->nprofs)
		return;
	qsort(r->profs, r->nprofs, sizeof *r->profs, by_rank_then_table);
	lc_yaml_scalar(w, "proficiency");
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < r->nprofs; i++) {
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", r->profs[i].id);
		lc_yaml_pair(w, "name", r->profs[i].id);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
}

static void emit_comp(reader *r, lc_yaml_writer *w, const rl_comp *c)
{
	lc_yaml_map_start(w);
	lc_yaml_pair(w, "id", c->id);
	lc_yaml_pair(w, "name", c->name);
	if (c->restated)
		lc_yaml_pair(w, "expectations", "restated");
	if (c->scope_tracks) {
		lc_yaml_scalar(w, "tracks");
		lc_yaml_seq_start(w);
		for (size_t t = 0; t < r->ntracks; t++)
			if (c->scope_tracks[t])
				lc_yaml_text(w, r->tracks[t].id, strlen(r->tracks[t].id));
		lc_yaml_seq_end(w);
	}
	if (c->starts_at != NONE)
		lc_yaml_pair(w, "starts_at", r->levels[c->starts_at].id);
	lc_yaml_scalar(w, "levels");
	lc_yaml_map_start(w);
	for (size_t t = 0; t < r->ntracks; t++)
		for (size_t k = 0; k < r->nlevels; k++)
			if (r->levels[k].track == t && c->texts[k])
				emit_cell(r, w, c, k);
	lc_yaml_map_end(w);
	lc_yaml_map_end(w);
}

/* The groups of a role (shared: the company-wide ones), in the order they
 * first appear, each with its competencies: the first competency of a group
 * in the role starts its run in reader.sorted. */
static void emit_groups(reader *r, lc_yaml_writer *w, size_t role, int shared)
{
	for (size_t i = r->roles[role].first; i != NONE; i = r->comps[i].next) {
		const rl_comp *c = &r->comps[i];
		if (c->shared != shared)
			continue;
		if (c->at > 0) {
			const rl_comp *before = &r->comps[r->sorted[c->at - 1]];
			if (before->gidx == c->gidx && before->role == role)
				continue; /* not the group's first competency in the role */
		}
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", c->group);
		lc_yaml_pair(w, "name", c->group);
		lc_yaml_scalar(w, "competencies");
		lc_yaml_seq_start(w);
		for (size_t j = c->at; j < r->ncomps; j++) {
			const rl_comp *cj = &r->comps[r->sorted[j]];
			if (cj->gidx != c->gidx || cj->role != role)
				break;
			emit_comp(r, w, cj);
		}
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
}

static int role_has_groups(const reader *r, size_t role)
{
	for (size_t i = 0; i < r->ncomps; i++)
		if (r->comps[i].role == role && !r->comps[i].shared)
			return 1;
	return 0;
}

/* The role's tracks: those holding its levels, and the tracks they come from. */
static void role_tracks(const reader *r, const rl_role *ro, unsigned char *on)
{
	memset(on, 0, r->ntracks);
	for (size_t k = 0; k < r->nlevels; k++)
		if (ro->has[k] && r->levels[k].track < r->ntracks)
			on[r->levels[k].track] = 1;
	for (size_t t = r->ntracks; t-- > 0;) /* a track comes after the one it forks from */
		if (on[t] && r->tracks[t].from) {
			size_t k = 0;
			while (k < r->nlevels && strcmp(r->levels[k].id, r->tracks[t].from) != 0)
				k++;
			if (k < r->nlevels && r->levels[k].track < r->ntracks)
				on[r->levels[k].track] = 1;
		}
}

static void emit_role(reader *r, lc_yaml_writer *w, size_t i, unsigned char *on)
{
	const rl_role *ro = &r->roles[i];
	lc_yaml_map_start(w);
	lc_yaml_pair(w, "id", ro->id);
	lc_yaml_pair(w, "name", ro->name);
	if (ro->family)
		lc_yaml_pair(w, "family", ro->family);
	role_tracks(r, ro, on);
	size_t ntracks = 0, nlevels = 0, ntitles = 0, onlevels = 0;
	for (size_t t = 0; t < r->ntracks; t++)
		ntracks += on[t];
	for (size_t k = 0; k < r->nlevels; k++) {
		nlevels += ro->has[k];
		ntitles += ro->titles[k] != NULL;
		onlevels += r->levels[k].track < r->ntracks && on[r->levels[k].track]; /* a level no chain holds is not written */
	}
	if (ntracks < r->ntracks) {
		lc_yaml_scalar(w, "tracks");
		lc_yaml_seq_start(w);
		for (size_t t = 0; t < r->ntracks; t++)
			if (on[t])
				lc_yaml_text(w, r->tracks[t].id, strlen(r->tracks[t].id));
		lc_yaml_seq_end(w);
	}
	if (nlevels < onlevels) {
		lc_yaml_scalar(w, "levels");
		lc_yaml_seq_start(w);
		for (size_t t = 0; t < r->ntracks; t++)
			for (size_t k = 0; k < r->nlevels; k++)
				if (r->levels[k].track == t && ro->has[k])
					lc_yaml_text(w, r->levels[k].id, strlen(r->levels[k].id));
		lc_yaml_seq_end(w);
	}
	if (ntitles) {
		lc_yaml_scalar(w, "titles");
		lc_yaml_map_start(w);
		for (size_t t = 0; t < r->ntracks; t++)
			for (size_t k = 0; k < r->nlevels; k++)
				if (r->levels[k].track == t && ro->titles[k])
					lc_yaml_pair(w, r->levels[k].id, ro->titles[k]);
		lc_yaml_map_end(w);
	}
	if (role_has_groups(r, i)) {
		lc_yaml_scalar(w, "groups");
		lc_yaml_seq_start(w);
		emit_groups(r, w, i, 0);
		lc_yaml_seq_end(w);
	}
	lc_yaml_map_end(w);
}

static int emit_ladder(reader *r, const lc_import_options *o, lc_yaml_writer *w)
{
	const char *name = o->name ? o->name : "Imported ladder";
	unsigned char *on = lc_arena_calloc(r->a, r->ntracks ? r->ntracks : 1, 1);
	if (!on)
		return -1;
	lc_yaml_map_start(w);
	lc_import_emit_head(w, name);
	emit_proficiency(r, w);
	lc_import_emit_tracks(w, r->tracks, r->ntracks, r->levels, r->nlevels);
	if (r->nroles && r->roles[0].first != NONE && r->comps[r->roles[0].first].shared) {
		lc_yaml_scalar(w, "groups");
		lc_yaml_seq_start(w);
		emit_groups(r, w, 0, 1);
		lc_yaml_seq_end(w);
	}
	lc_yaml_scalar(w, "roles");
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < r->nroles; i++)
		emit_role(r, w, i, on);
	lc_yaml_seq_end(w);
	lc_yaml_map_end(w);
	return 0;
}

int lc_import_render_layout(const lc_table *t, lc_source *src, const lc_import_options *o, lc_diags *d,
                            lc_yaml_writer *w)
{
	reader r;
	memset(&r, 0, sizeof r);
	r.t = t;
	r.src = src;
	r.d = d;
	r.a = t->arena;
	r.matrix = !lc_import_is_render_long(t, &r.details);
	lc_idmap_init(&r.level_ids);
	lc_idmap_init(&r.chain_ids);
	lc_idmap_init(&r.role_ids);
	lc_idmap_init(&r.comp_keys);
	lc_idmap_init(&r.track_ids);
	lc_idmap_init(&r.group_ids);
	lc_idmap_init(&r.prof_ids);
	int st = read_structure(&r);
	if (!st)
		st = cut_tracks(&r);
	if (!st && r.matrix)
		st = order_tracks_by_column(&r);
	r.last_comp = NONE;
	for (size_t i = 1; !st && i < t->nrows; i++)
		st = read_row(&r, i);
	if (!st)
		st = check_repeats(&r);
	if (!st)
		st = merge_order(&r);
	if (!st)
		st = find_shared(&r);
	if (!st)
		st = emit_ladder(&r, o, w);
	if (r.nomem)
		st = -1;
	free(r.levels);
	free(r.chains);
	free(r.tracks);
	free(r.roles);
	free(r.comps);
	lc_idmap_free(&r.level_ids);
	lc_idmap_free(&r.chain_ids);
	lc_idmap_free(&r.role_ids);
	lc_idmap_free(&r.comp_keys);
	lc_idmap_free(&r.track_ids);
	lc_idmap_free(&r.group_ids);
	lc_idmap_free(&r.prof_ids);
	free(r.profs);
	free(r.sorted);
	free(r.before);
	free(r.repeats);
	return st;
}
