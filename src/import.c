/* ladderc import (ladderc/import.h): a matrix table read as a ladder.
 *
 *   Group            | Competency | Junior (IC1) | Mid-level (IC2) | ...
 *   Technical skills | Summary    | Can do ...   | Fully ...       |
 *                    | Autonomy   | Works on ... | Exercises ...   |
 *
 * The header row is the first row with anything in it. The columns before
 * the first level are the group column (when there are two) and the
 * competency column. A level header names its id and its name in any order
 * ("IC1", "IC1 Junior", "Junior (IC1)", "Junior" + line break + "IC1"); the
 * id is a level that --track declares, or without --track a code such as IC1
 * or E3, else the name's slug. A blank group cell continues the group above
 * (merged cells export so); a row with only its first cell filled is a
 * group heading. Empty cells are levels without a text of their own. */
#include "ladderc/import.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "import_input.h"
#include "import_into.h"
#include "import_ladder.h"
#include "import_render.h"
#include "import_table.h"
#include "ladderc/load.h"
#include "slug.h"
#include "text.h"
#include "yaml_writer.h"

#define NONE ((size_t)-1)
#define ID_MAX 64

int lc_import_parse_format(const char *name, lc_import_format *out)
{
	if (strcmp(name, "csv") == 0)
		*out = LC_IMPORT_CSV;
	else if (strcmp(name, "tsv") == 0)
		*out = LC_IMPORT_TSV;
	else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
		*out = LC_IMPORT_MARKDOWN;
	else
		return -1;
	return 0;
}

/* ---- ids and --track ----------------------------------------------------------- */

static int is_id_char(char c)
{
	return lc_text_is_ascii_alnum((unsigned char)c) || c == '-' || c == '_';
}

/* A level code: one to four ASCII letters, then one to three digits (IC1, E3, L10). */
static int is_code(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 4 && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
		i++;
	size_t letters = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return letters > 0 && i == n && i - letters >= 1 && i - letters <= 3;
}

/* Checks that s[0..n) is a comma-separated list of ids. */
static const char *check_id_list(const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i <= n; i++)
		if (i == n || s[i] == ',') {
			if (!lc_import_is_id(s + start, i - start))
				return "its levels must be ids (letters, digits, '-', '_') separated by commas";
			start = i + 1;
		}
	return NULL;
}

const char *lc_import_check_track(const char *spec)
{
	const char *eq = strchr(spec, '=');
	if (!eq)
		return "it needs the form ID=LEVEL,... or ID@FROM=LEVEL,...";
	const char *at = memchr(spec, '@', (size_t)(eq - spec));
	size_t idlen = (size_t)((at ? at : eq) - spec);
	if (!lc_import_is_id(spec, idlen))
		return "the track id must be an id (letters, digits, '-', '_')";
	if (at && !lc_import_is_id(at + 1, (size_t)(eq - at - 1)))
		return "the level after '@' must be an id";
	return check_id_list(eq + 1, strlen(eq + 1));
}

void lc_import_name_from_path(const char *path, lc_buf *out)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	for (size_t i = 0; i < n; i++)
		lc_buf_putc(out, base[i] == '-' || base[i] == '_' ? ' ' : base[i]);
}

/* ---- the model ---------------------------------------------------------------- */

typedef struct imp_group {
	const char *id, *name;
	size_t at;
} imp_group;

typedef struct imp_comp {
	const char *id, *name;
	size_t group;
	const lc_row *row;
} imp_comp;

/* The ids of one kind (groups, competencies): those taken, and per slug the
 * last suffix that unique_id gave it. */
typedef struct id_space {
	lc_idmap taken, last;
} id_space;

typedef struct importer {
	lc_arena *a;
	lc_source *src;
	lc_diags *d;
	const lc_import_options *o;
	int declared;               /* --track gave the levels */
	lc_import_track *tracks;
	size_t ntracks, captracks;
	lc_import_level *levels;
	size_t nlevels, caplevels;
	imp_group *groups;
	size_t ngroups, capgroups;
	imp_comp *comps;
	size_t ncomps, capcomps;
	size_t group_col, comp_col, width;
	id_space group_ids, comp_ids;
	lc_idmap comp_names;
	int default_group;          /* no group column or heading row: "Competencies" */
	int nomem;
} importer;

/* A new zeroed element at the end of *p, or NULL (out of memory, noted). */
static void *push(importer *im, void **p, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		void *q = ncap <= SIZE_MAX / size ? realloc(*p, ncap * size) : NULL;
		if (!q) {
			im->nomem = 1;
			return NULL;
		}
		*p = q;
		*cap = ncap;
	}
	char *e = (char *)*p + (*n)++ * size;
	memset(e, 0, size);
	return e;
}

static char *dup(importer *im, const char *s, size_t n)
{
	char *c = lc_arena_memdup(im->a, s, n);
	if (!c)
		im->nomem = 1;
	return c;
}

static int err_at(importer *im, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int err_at(importer *im, size_t at, const char *fmt, ...)
{
	lc_mark m = lc_source_mark_at(im->src, at);
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(im->d, LC_ERROR, &m, NULL, fmt, ap);
	va_end(ap);
	return 1;
}

static int blank(const lc_cell *c)
{
	size_t n;
	lc_table_cell_text(c, &n);
	return n == 0;
}

/* An id made from a name, unique in `ids->taken`: the slug, else
 * `fallback`, then -2, -3, ... until it is new. Ids are only ever added, so
 * the search for a slug's next suffix starts after the last one it found
 * (`ids->last`): the thousandth "Code review" of a company-wide sheet costs
 * one lookup, not a thousand. */
static const char *unique_id(importer *im, id_space *ids, const char *name, size_t n, const char *fallback)
{
	char base[ID_MAX + 1], id[ID_MAX + 16];
	if (lc_slug(name, n, base, ID_MAX) == 0)
		strcpy(base, fallback);
	strcpy(id, base);
	if (lc_idmap_get(&ids->taken, id, strlen(id))) {
		unsigned *last = lc_idmap_get(&ids->last, base, strlen(base));
		if (!last) {
			char *key = dup(im, base, strlen(base));
			last = lc_arena_calloc(im->a, 1, sizeof *last);
			if (!key || !last || lc_idmap_put(&ids->last, key, strlen(key), last) == &ids->last) {
				im->nomem = 1;
				return NULL;
			}
			*last = 1;
		}
		do
			snprintf(id, sizeof id, "%s-%u", base, ++*last);
		while (lc_idmap_get(&ids->taken, id, strlen(id)));
	}
	char *s = dup(im, id, strlen(id));
	if (s && lc_idmap_put(&ids->taken, s, strlen(s), s) == &ids->taken)
		im->nomem = 1;
	return s;
}

/* ---- the structure ------------------------------------------------------------ */

static size_t find_level(const importer *im, const char *id, size_t n, int fold)
{
	for (size_t i = 0; i < im->nlevels; i++) {
		const char *l = im->levels[i].id;
		if (strlen(l) != n)
			continue;
		size_t j = 0;
		while (j < n && (fold ? lc_text_ascii_lower((unsigned char)l[j]) == lc_text_ascii_lower((unsigned char)id[j])
		                      : l[j] == id[j]))
			j++;
		if (j == n)
			return i;
	}
	return NONE;
}

/* The tracks and levels of the --track specs (checked by lc_import_check_track). */
static int declare_tracks(importer *im)
{
	lc_mark none = {NULL, 0, 0};
	for (size_t k = 0; k < im->o->ntracks; k++) {
		const char *spec = im->o->tracks[k], *eq = strchr(spec, '=');
		const char *at = memchr(spec, '@', (size_t)(eq - spec));
		lc_import_track *t = push(im, (void **)&im->tracks, &im->ntracks, &im->captracks, sizeof *t);
		if (!t)
			return -1;
		t->id = dup(im, spec, (size_t)((at ? at : eq) - spec));
		t->name = t->id;
		if (at) {
			t->from = dup(im, at + 1, (size_t)(eq - at - 1));
			if (t->from && find_level(im, t->from, strlen(t->from), 0) == NONE) {
				lc_diags_add(im->d, LC_ERROR, &none, NULL, "--track %s: %s is not a level of an earlier --track",
				             spec, t->from);
				return 1;
			}
		}
		for (const char *p = eq + 1;;) {
			size_t n = strcspn(p, ",");
			if (find_level(im, p, n, 0) != NONE) {
				lc_diags_add(im->d, LC_ERROR, &none, NULL, "--track %s: level %.*s is declared twice", spec,
				             (int)n, p);
				return 1;
			}
			lc_import_level *l = push(im, (void **)&im->levels, &im->nlevels, &im->caplevels, sizeof *l);
			if (!l)
				return -1;
			l->id = dup(im, p, n);
			l->track = im->ntracks - 1;
			l->col = NONE;
			if (!p[n])
				break;
			p += n + 1;
		}
	}
	return im->nomem ? -1 : 0;
}

/* The tracks and levels of --into's ladder, in its order (so a level's
 * index here is its index in the ladder). */
static int declare_from_ladder(importer *im, const ladder *l)
{
	for (size_t t = 0; t < l->ntracks; t++) {
		lc_import_track *tr = push(im, (void **)&im->tracks, &im->ntracks, &im->captracks, sizeof *tr);
		if (!tr)
			return -1;
		tr->id = l->tracks[t]->id.s;
		tr->name = l->tracks[t]->name.s;
		tr->from = l->tracks[t]->from_id.s;
	}
	for (size_t k = 0; k < l->nlevels; k++) {
		lc_import_level *lv = push(im, (void **)&im->levels, &im->nlevels, &im->caplevels, sizeof *lv);
		if (!lv)
			return -1;
		lv->id = l->levels[k]->id.s;
		lv->track = l->levels[k]->track->index;
		lv->col = NONE;
	}
	return 0;
}

/* A level header cell: its id token [*s, *s + *n), found as a declared
 * level, or (nothing declared) in parentheses, or as a code first or last. */
static int header_id(const importer *im, const char *t, size_t len, size_t *s, size_t *n)
{
	size_t first = NONE, firstn = 0, last = NONE, lastn = 0;
	for (size_t i = 0; i < len;) {
		if (!is_id_char(t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && is_id_char(t[j]))
			j++;
		if (im->declared) {
			if (find_level(im, t + i, j - i, 1) != NONE) {
				*s = i;
				*n = j - i;
				return 1;
			}
		} else {
			if (i > 0 && t[i - 1] == '(' && j < len && t[j] == ')' && lc_import_is_id(t + i, j - i)) {
				*s = i;
				*n = j - i;
				return 1;
			}
			if (first == NONE) {
				first = i;
				firstn = j - i;
			}
			last = i;
			lastn = j - i;
		}
		i = j;
	}
	if (first != NONE && is_code(t + first, firstn)) {
		*s = first;
		*n = firstn;
		return 1;
	}
	if (last != NONE && is_code(t + last, lastn)) {
		*s = last;
		*n = lastn;
		return 1;
	}
	return 0;
}

/* The level's name: the header without its id (and the id's parentheses),
 * line breaks as spaces, without separators at either end. */
static char *header_name(importer *im, const char *t, size_t len, size_t s, size_t n)
{
	lc_buf b = LC_BUF_INIT;
	size_t cut0 = s, cut1 = s + n;
	if (cut0 > 0 && t[cut0 - 1] == '(' && cut1 < len && t[cut1] == ')')
		cut0--, cut1++;
	for (size_t i = 0; i < len; i++) {
		if (i >= cut0 && i < cut1)
			continue;
		char c = t[i] == '\n' || t[i] == '\t' ? ' ' : t[i];
		if (c == ' ' && (b.len == 0 || b.data[b.len - 1] == ' '))
			continue;
		lc_buf_putc(&b, c);
	}
	size_t a = 0, z = b.len;
	while (a < z && b.data[a] && strchr(" -:|/", b.data[a]))
		a++;
	while (z > a && b.data[z - 1] && strchr(" -:|/", b.data[z - 1]))
		z--;
	char *name = lc_buf_failed(&b) ? NULL : dup(im, z > a ? b.data + a : "", z - a);
	if (lc_buf_failed(&b))
		im->nomem = 1;
	lc_buf_free(&b);
	return name;
}

static int label_word(const char *s, size_t n)
{
	static const char *const words[] = {"group", "category", "area", "pillar", "theme", "competency",
	                                    "competencies", "skill", "skills", "dimension", "attribute"};
	char lower[16];
	if (n >= sizeof lower)
		return 0;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char)lc_text_ascii_lower((unsigned char)s[i]);
	lower[n] = '\0';
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(lower, words[i]) == 0)
			return 1;
	return 0;
}

/* The first level column of the header row. */
static size_t first_level_col(importer *im, const lc_row *h)
{
	for (size_t j = 0; j < im->width; j++) {
		size_t len, s, n;
		const char *t = lc_table_cell_text(&h->cells[j], &len);
		if (len && header_id(im, t, len, &s, &n))
			return j;
	}
	if (im->declared)
		return NONE;
	size_t j = 0;
	while (j < im->width && j < 2) {
		size_t len;
		const char *t = lc_table_cell_text(&h->cells[j], &len);
		if (len && !label_word(t, len))
			break;
		j++;
	}
	return j ? j : 1;
}

/* A common letter prefix of every level id (IC of IC1, IC2, IC3), else NULL. */
static const char *common_prefix(importer *im)
{
	size_t n = 0;
	for (size_t i = 0; i < im->nlevels; i++) {
		const char *id = im->levels[i].id;
		size_t k = 0;
		if (!is_code(id, strlen(id)))
			return NULL;
		while (id[k] > '9')
			k++;
		if (i == 0)
			n = k;
		else if (k != n || strncmp(id, im->levels[0].id, n) != 0)
			return NULL;
	}
	return n ? dup(im, im->levels[0].id, n) : NULL;
}

static int read_header(importer *im, const lc_row *h)
{
	size_t first = first_level_col(im, h);
	if (first == NONE) {
		lc_buf ids = LC_BUF_INIT;
		for (size_t i = 0; i < im->nlevels; i++)
			lc_buf_printf(&ids, "%s%s", i ? ", " : "", im->levels[i].id);
		err_at(im, h->at, "the header row names none of the levels that %s (%s)",
		       im->o->into ? "the ladder has" : "--track declares", ids.data ? ids.data : "");
		lc_buf_free(&ids);
		return 1;
	}
	if (first == 0)
		return err_at(im, h->cells[0].at, "the first column is a level: a competency column must come first");
	if (first > 2)
		return err_at(im, h->cells[0].at, "%zu columns before the first level: expected a competency column, or a "
		              "group column and a competency column", first);
	im->group_col = first == 2 ? 0 : NONE;
	im->comp_col = first - 1;
	if (first >= im->width)
		return err_at(im, h->at, "the header row has no level columns");
	for (size_t j = first; j < im->width; j++) {
		const lc_cell *c = &h->cells[j];
		size_t len, s, n;
		const char *t = lc_table_cell_text(c, &len);
		if (len == 0)
			return err_at(im, c->at, "column %zu has no header: every column after the competencies is a level",
			              j + 1);
		size_t k;
		if (header_id(im, t, len, &s, &n)) {
			k = find_level(im, t + s, n, 1);
		} else if (im->declared) {
			return err_at(im, c->at, "'%.*s' is not a level that %s", (int)len, t,
			              im->o->into ? "the ladder has" : "--track declares");
		} else {
			s = n = 0;
			k = NONE;
		}
		if (k != NONE && im->levels[k].col != NONE)
			return err_at(im, c->at, "level %s is in the header twice (columns %zu and %zu)", im->levels[k].id,
			              im->levels[k].col + 1, j + 1);
		if (k == NONE) {
			lc_import_level *l = push(im, (void **)&im->levels, &im->nlevels, &im->caplevels, sizeof *l);
			if (!l)
				return -1;
			if (n) {
				l->id = dup(im, t + s, n);
			} else {
				char slug[ID_MAX + 1];
				if (lc_slug(t, len, slug, ID_MAX) == 0)
					return err_at(im, c->at, "no level id in this header: write one such as IC1, or "
					              "declare the levels with --track");
				l->id = dup(im, slug, strlen(slug));
				if (l->id && find_level(im, l->id, strlen(l->id), 0) != im->nlevels - 1)
					return err_at(im, c->at, "level %s is in the header twice", l->id);
			}
			k = im->nlevels - 1;
		}
		lc_import_level *l = &im->levels[k];
		l->col = j;
		l->name = header_name(im, t, len, s, n);
		if (l->name && !l->name[0])
			l->name = l->id;
		if (l->name && !lc_name_ok(l->name, strlen(l->name)))
			return err_at(im, c->at, "a level's name must be visible text without control characters");
	}
	for (size_t i = 0; i < im->nlevels; i++)
		if (!im->levels[i].name)
			im->levels[i].name = im->levels[i].id;
	if (!im->declared) {
		lc_import_track *t = push(im, (void **)&im->tracks, &im->ntracks, &im->captracks, sizeof *t);
		if (!t)
			return -1;
		const char *prefix = common_prefix(im);
		t->id = prefix ? prefix : "levels";
		t->name = prefix ? prefix : "Levels";
	}
	return im->nomem ? -1 : 0;
}

/* ---- the rows ----------------------------------------------------------------- */

/* A name cell: one line of visible text. */
static int check_name(importer *im, const lc_cell *c, const char *what)
{
	size_t n;
	const char *t = lc_table_cell_text(c, &n);
	if (lc_name_ok(t, n))
		return 0;
	return err_at(im, c->at, "a %s's name must be one line of visible text (no line breaks or control "
	              "characters)", what);
}

/* A text cell: any text but control characters other than tab and line break. */
static int check_text(importer *im, const lc_cell *c)
{
	for (size_t i = 0, len; i < c->len; i += len) {
		unsigned char b = (unsigned char)c->text[i];
		uint32_t u = b; /* ASCII, most of a sheet: no call to decode it */
		len = 1;
		if (b >= 0x80)
			u = lc_utf8_decode(c->text + i, c->len - i, &len);
		if (u != '\n' && u != '\t' && lc_text_is_control(u))
			return err_at(im, c->at, "a control character (U+%04X) in this cell", (unsigned)u);
	}
	return 0;
}

static int new_group(importer *im, const lc_cell *c)
{
	size_t n;
	const char *t = lc_table_cell_text(c, &n);
	for (size_t g = 0; g < im->ngroups; g++)
		if (strlen(im->groups[g].name) == n && memcmp(im->groups[g].name, t, n) == 0) {
			if (g == im->ngroups - 1)
				return 0; /* the group's name on every row */
			lc_mark m = lc_source_mark_at(im->src, im->groups[g].at);
			return err_at(im, c->at, "group '%.*s' starts again here, after other groups (it started at "
			              "line %u)", (int)n, t, (unsigned)m.line);
		}
	if (check_name(im, c, "group"))
		return 1;
	imp_group *g = push(im, (void **)&im->groups, &im->ngroups, &im->capgroups, sizeof *g);
	if (!g)
		return -1;
	g->name = dup(im, t, n);
	g->id = unique_id(im, &im->group_ids, t, n, "group");
	g->at = c->at;
	return im->nomem ? -1 : 0;
}

/* The width a row must have, and nothing past it. */
static int check_width(importer *im, const lc_row *r)
{
	if (r->n < im->width) {
		/* A Markdown row may hold no cell at all ("|"): locate it by the row. */
		size_t at = r->n ? r->cells[r->n - 1].at : r->at;
		return err_at(im, at, "this row has %zu cells and the header %zu (a missing delimiter?)", r->n,
		              im->width);
	}
	for (size_t j = im->width; j < r->n; j++)
		if (!blank(&r->cells[j]))
			return err_at(im, r->cells[j].at, "a cell past the last column of the header");
	return 0;
}

static int read_row(importer *im, const lc_row *r)
{
	int r0 = check_width(im, r);
	if (r0)
		return r0;
	size_t filled = 0, first = NONE;
	for (size_t j = 0; j < im->width; j++)
		if (!blank(&r->cells[j])) {
			filled++;
			if (first == NONE)
				first = j;
		}
	if (filled == 0)
		return 0;
	if (filled == 1 && first == 0 && (im->group_col == 0 || im->comp_col == 0))
		return new_group(im, &r->cells[0]); /* a heading row */
	if (im->group_col != NONE && !blank(&r->cells[im->group_col])) {
		int g = new_group(im, &r->cells[im->group_col]);
		if (g)
			return g;
	}
	const lc_cell *name = &r->cells[im->comp_col];
	size_t n;
	const char *t = lc_table_cell_text(name, &n);
	if (n == 0)
		return err_at(im, name->at, "this row has texts but no competency name");
	if (check_name(im, name, "competency"))
		return 1;
	if (im->ngroups == 0) {
		imp_group *g = push(im, (void **)&im->groups, &im->ngroups, &im->capgroups, sizeof *g);
		if (!g)
			return -1;
		g->name = "Competencies";
		im->default_group = 1;
		g->id = unique_id(im, &im->group_ids, "competencies", 12, "group");
		g->at = name->at;
	}
	for (size_t k = 0; k < im->nlevels; k++)
		if (im->levels[k].col != NONE && check_text(im, &r->cells[im->levels[k].col]))
			return 1;
	/* one name per group: the key is the group's index, a tab, the name */
	lc_buf key = LC_BUF_INIT;
	lc_buf_printf(&key, "%zu\t%.*s", im->ngroups - 1, (int)n, t);
	char *k = lc_buf_failed(&key) ? NULL : dup(im, key.data, key.len);
	lc_buf_free(&key);
	if (!k)
		return -1;
	const lc_cell *prev = lc_idmap_put(&im->comp_names, k, strlen(k), (void *)(uintptr_t)name);
	if (prev == (const void *)&im->comp_names)
		return -1;
	if (prev) {
		lc_mark m = lc_source_mark_at(im->src, prev->at);
		return err_at(im, name->at, "competency '%.*s' is in group '%s' twice (also at line %u)", (int)n, t,
		              im->groups[im->ngroups - 1].name, (unsigned)m.line);
	}
	imp_comp *c = push(im, (void **)&im->comps, &im->ncomps, &im->capcomps, sizeof *c);
	if (!c)
		return -1;
	c->name = dup(im, t, n);
	c->id = unique_id(im, &im->comp_ids, t, n, "competency");
	c->group = im->ngroups - 1;
	c->row = r;
	return im->nomem ? -1 : 0;
}

static int read_matrix(importer *im, const lc_table *tab)
{
	size_t h = 0;
	while (h < tab->nrows) {
		const lc_row *r = &tab->rows[h];
		size_t j = 0;
		while (j < r->n && blank(&r->cells[j]))
			j++;
		if (j < r->n)
			break;
		h++;
	}
	if (h == tab->nrows) {
		lc_mark whole = {im->src, 0, 0};
		lc_diags_add(im->d, LC_ERROR, &whole, NULL, "the table has no header row");
		return 1;
	}
	const lc_row *header = &tab->rows[h];
	im->width = header->n;
	while (im->width > 0 && blank(&header->cells[im->width - 1]))
		im->width--;
	int st = read_header(im, header);
	if (st)
		return st;
	int bad = 0;
	for (size_t i = h + 1; i < tab->nrows; i++) {
		st = read_row(im, &tab->rows[i]);
		if (st < 0)
			return st;
		bad |= st;
		if (st && lc_diags_full(im->d))
			break;
	}
	if (bad)
		return 1;
	if (im->ncomps == 0) {
		lc_mark m = lc_source_mark_at(im->src, header->at);
		lc_diags_add(im->d, LC_ERROR, &m, NULL, "the table has a header but no competency rows");
		return 1;
	}
	return 0;
}

/* ---- --into ------------------------------------------------------------------- */

static int str_is(ladder_str a, const char *s)
{
	return a.s && a.len == strlen(s) && memcmp(a.s, s, a.len) == 0;
}

/* The competency of l that row c names, or NULL; *several when more than one does. */
static const ladder_competency *find_competency(const importer *im, const ladder *l, const imp_comp *c,
                                                int *several)
{
	const ladder_competency *found = NULL;
	const char *gname = im->groups[c->group].name;
	*several = 0;
	for (size_t r = 0; r <= l->nroles; r++) {
		ladder_group *const *gs = r == 0 ? l->groups : l->roles[r - 1]->groups;
		size_t ng = r == 0 ? l->ngroups : l->roles[r - 1]->ngroups;
		for (size_t g = 0; g < ng; g++) {
			if (!im->default_group && !str_is(gs[g]->name, gname) && !str_is(gs[g]->id, gname))
				continue;
			for (size_t i = 0; i < gs[g]->ncompetencies; i++) {
				const ladder_competency *lc = gs[g]->competencies[i];
				if (!str_is(lc->name, c->name) && !str_is(lc->id, c->name))
					continue;
				if (found && found != lc)
					*several = 1;
				found = lc;
			}
		}
	}
	return found;
}

/* Each row's competency in --into's ladder, and its texts. */
static int place_into(importer *im, const ladder *l, lc_import_fill **out, size_t *nout)
{
	lc_import_fill *fills = lc_arena_calloc(im->a, im->ncomps ? im->ncomps : 1, sizeof *fills);
	lc_import_report rep = {0, 0, 0, 0};
	int bad = 0;
	size_t n = 0;
	if (!fills)
		return -1;
	for (size_t i = 0; i < im->ncomps; i++) {
		const imp_comp *c = &im->comps[i];
		const lc_cell *name = &c->row->cells[im->comp_col];
		int several;
		const ladder_competency *lc = find_competency(im, l, c, &several);
		if (several) {
			bad = err_at(im, name->at, "'%s' names competencies in more than one group or role of the "
			             "ladder: give each row its group", c->name);
			continue;
		}
		if (!lc) {
			lc_mark m = lc_source_mark_at(im->src, name->at);
			lc_diags_add(im->d, im->o->force ? LC_WARNING : LC_ERROR, &m, NULL,
			             "'%s'%s%s%s is not a competency of the ladder%s", c->name,
			             im->default_group ? "" : " (group '", im->default_group ? "" : im->groups[c->group].name,
			             im->default_group ? "" : "')", im->o->force ? "; skipped (--force)" : "");
			rep.unplaced++;
			bad |= !im->o->force;
			continue;
		}
		lc_import_fill *f = &fills[n++];
		f->c = lc;
		f->text = lc_arena_calloc(im->a, l->nlevels ? l->nlevels : 1, sizeof *f->text);
		f->len = lc_arena_calloc(im->a, l->nlevels ? l->nlevels : 1, sizeof *f->len);
		if (!f->text || !f->len)
			return -1;
		for (size_t k = 0; k < l->nlevels; k++) {
			size_t len;
			if (im->levels[k].col == NONE)
				continue;
			const char *t = lc_table_cell_text(&c->row->cells[im->levels[k].col], &len);
			if (!len)
				continue;
			f->text[k] = t;
			f->len[k] = len;
			ladder_str old = lc->text[k];
			if (!old.s)
				rep.added++;
			else if (old.len == len && memcmp(old.s, t, len) == 0)
				rep.unchanged++;
			else
				rep.changed++;
		}
	}
	if (im->o->report)
		*im->o->report = rep;
	*out = fills;
	*nout = n;
	return bad;
}

/* ---- the ladder ---------------------------------------------------------------- */

/* The header comment: where the ladder came from. The path is shown with
 * anything that would end the comment line replaced by '?'. */
static void put_path(lc_buf *out, const char *path)
{
	for (const char *p = path; *p; p++)
		lc_buf_putc(out, (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
}

static void put_header(lc_buf *out, const char *path, lc_import_format f, const ladder *into)
{
	static const char *const names[] = {"", "CSV", "TSV", "Markdown"};
	lc_buf_puts(out, "# Imported by 'ladderc import' from ");
	put_path(out, path);
	lc_buf_printf(out, " (%s table)", names[f]);
	if (into && into->nsources && into->sources[0]->path) {
		lc_buf_puts(out, " into ");
		put_path(out, into->sources[0]->path);
	}
	lc_buf_puts(out, ".\n");
	lc_buf_puts(out, into ? "# The ladder's structure, names and ids; the table's texts, verbatim, where it has one.\n"
	                      : "# Names and texts are the table's, verbatim; ids were made from the names.\n");
}

static void emit_competency(const importer *im, lc_yaml_writer *w, const imp_comp *c)
{
	lc_yaml_map_start(w);
	lc_yaml_pair(w, "id", c->id);
	lc_yaml_pair(w, "name", c->name);
	lc_yaml_scalar(w, "levels");
	lc_yaml_map_start(w);
	for (size_t k = 0; k < im->nlevels; k++) {
		if (im->levels[k].col == NONE)
			continue;
		size_t n;
		const char *t = lc_table_cell_text(&c->row->cells[im->levels[k].col], &n);
		if (n == 0)
			continue;
		lc_yaml_scalar(w, im->levels[k].id);
		lc_yaml_long_text(w, t, n);
	}
	lc_yaml_map_end(w);
	lc_yaml_map_end(w);
}

static void emit_ladder(const importer *im, lc_yaml_writer *w)
{
	const char *name = im->o->name ? im->o->name : "Imported ladder";
	const char *role = im->o->role ? im->o->role : name;
	char id[ID_MAX + 1];
	lc_yaml_map_start(w);
	lc_import_emit_head(w, name);
	if (im->o->restated)
		lc_yaml_pair(w, "expectations", "restated");
	lc_import_emit_tracks(w, im->tracks, im->ntracks, im->levels, im->nlevels);
	lc_yaml_scalar(w, "groups");
	lc_yaml_seq_start(w);
	size_t i = 0;
	for (size_t g = 0; g < im->ngroups; g++) {
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", im->groups[g].id);
		lc_yaml_pair(w, "name", im->groups[g].name);
		lc_yaml_scalar(w, "competencies");
		lc_yaml_seq_start(w);
		/* rows come group by group (a group never starts again): its
		 * competencies are the run of comps from i */
		for (; i < im->ncomps && im->comps[i].group == g; i++)
			emit_competency(im, w, &im->comps[i]);
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
	lc_yaml_scalar(w, "roles");
	lc_yaml_seq_start(w);
	lc_yaml_map_start(w);
	if (lc_slug(role, strlen(role), id, ID_MAX) == 0)
		strcpy(id, "role");
	lc_yaml_pair(w, "id", id);
	lc_yaml_pair(w, "name", role);
	lc_yaml_map_end(w);
	lc_yaml_seq_end(w);
	lc_yaml_map_end(w);
}

/* The ladder written must load: a failure here is a bug in import, reported
 * as one rather than handed to the user as a broken file. */
static int self_check(importer *im, const char *path, const lc_buf *yaml)
{
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	ladder_status st = ladder_load_buffer(path, yaml->data, yaml->len, NULL, &d, &l);
	ladder_free(l);
	if (st == LADDER_OK) {
		lc_diags_free(&d);
		return 0;
	}
	lc_mark whole = {im->src, 0, 0};
	lc_diags_add(im->d, LC_ERROR, &whole, NULL, "internal error: the imported ladder does not load (%s); "
	             "please report this with the file", d.count ? d.items[0].message : "out of memory");
	lc_diags_free(&d);
	return st == LADDER_NOMEM ? -1 : 1;
}

static int read_table(lc_table *tab, lc_source *src, lc_import_format *f, char delimiter, lc_diags *d)
{
	char sniffed;
	lc_import_format found = lc_import_sniff(src->data, src->len, &sniffed);
	if (*f == LC_IMPORT_SNIFF)
		*f = found;
	if (!delimiter)
		delimiter = sniffed;
	switch (*f) {
	case LC_IMPORT_MARKDOWN:
		return lc_table_read_markdown(tab, src, d);
	case LC_IMPORT_TSV:
		return lc_table_read_delimited(tab, src, '\t', d);
	default:
		return lc_table_read_delimited(tab, src, delimiter, d);
	}
}

int lc_import(const char *path, const char *data, size_t len, const lc_import_options *o, lc_diags *d,
              lc_buf *out)
{
	lc_source raw = {path, data, len, NULL, 0, 0, NULL};
	lc_buf converted = LC_BUF_INIT; /* UTF-16's text as UTF-8 */
	const char *text;
	size_t textlen;
	int st = lc_import_decode(&raw, &converted, &text, &textlen, d);
	free(raw.lines);
	if (st) {
		lc_buf_free(&converted);
		return st < 0 ? LC_IMPORT_NOMEM : LC_IMPORT_INVALID;
	}
	lc_source src = {path, text, textlen, NULL, 0, 0, NULL};
	lc_table tab;
	importer im;
	memset(&im, 0, sizeof im);
	im.src = &src;
	im.d = d;
	im.o = o;
	im.declared = o->ntracks > 0 || o->into;
	lc_idmap_init(&im.group_ids.taken);
	lc_idmap_init(&im.group_ids.last);
	lc_idmap_init(&im.comp_ids.taken);
	lc_idmap_init(&im.comp_ids.last);
	lc_idmap_init(&im.comp_names);
	lc_import_format f = o->format;
	int render = 0; /* the table is a CSV that render wrote */
	lc_import_fill *fills = NULL; /* --into: the texts for its competencies */
	size_t nfills = 0;
	if (lc_table_init(&tab) < 0) {
		st = -1;
	} else {
		im.a = tab.arena;
		st = o->into ? declare_from_ladder(&im, o->into) : declare_tracks(&im);
		if (!st)
			st = read_table(&tab, &src, &f, o->delimiter, d);
		/* --into reads render's long layout, and its matrix layout as any matrix table */
		int details;
		render = !st && f != LC_IMPORT_MARKDOWN && lc_import_is_render_layout(&tab) &&
		         (!o->into || lc_import_is_render_long(&tab, &details));
		if (!st && !render)
			st = read_matrix(&im, &tab);
		if (!st && o->into)
			st = render ? lc_import_render_into(&tab, &src, o, d, &fills, &nfills)
			            : place_into(&im, o->into, &fills, &nfills);
		if (im.nomem)
			st = -1;
	}
	size_t start = out->len;
	if (!st) {
		lc_buf yaml = LC_BUF_INIT;
		put_header(&yaml, path, f, o->into);
		lc_yaml_writer w;
		if (lc_yaml_begin(&w, &yaml) < 0) {
			st = -1;
		} else {
			if (render && !o->into)
				st = lc_import_render_layout(&tab, &src, o, d, &w);
			else if (o->into)
				lc_import_into_write(o->into, fills, nfills, &w);
			else
				emit_ladder(&im, &w);
			int ok = lc_yaml_end(&w) && !lc_buf_failed(&yaml);
			if (!st && !ok)
				st = -1;
		}
		if (!st)
			st = self_check(&im, path, &yaml);
		if (!st && out->len == 0 && !out->sink && !lc_buf_failed(out)) {
			/* the ladder is the output: hand the buffer over, not a copy */
			lc_buf empty = *out;
			*out = yaml;
			yaml = empty;
		} else if (!st) {
			lc_buf_put(out, yaml.data, yaml.len);
		}
		lc_buf_free(&yaml);
		if (!st && lc_buf_failed(out))
			st = -1;
	}
	if (st)
		out->len = start;
	free(im.tracks);
	free(im.levels);
	free(im.groups);
	free(im.comps);
	lc_idmap_free(&im.group_ids.taken);
	lc_idmap_free(&im.group_ids.last);
	lc_idmap_free(&im.comp_ids.taken);
	lc_idmap_free(&im.comp_ids.last);
	lc_idmap_free(&im.comp_names);
	lc_table_free(&tab);
	free(src.lines);
	lc_buf_free(&converted);
	return st < 0 ? LC_IMPORT_NOMEM : st ? LC_IMPORT_INVALID : LC_IMPORT_OK;
}
