/* Loading a ratings file for `ladderc assess`: the file is read (YAML here,
 * CSV in src/ratings_csv.c) into an lc_rt_file, then every value is checked
 * against the ladder — ids with "did you mean", ratings within the scale,
 * dates, targets, evidence — with a located error for each problem, and the
 * lc_ratings built (docs/assess.md lists the checks). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huge_pages.h"
#include "idmap.h"
#include "ladderc/speed.h"
#include "ratings_internal.h"
#include "source_file.h"
#include "text.h"
#include "yaml_tree.h"

const char *lc_rt_copy(lc_arena *arena, const char *s, size_t n)
{
	return lc_arena_memdup(arena, s ? s : "", s ? n : 0);
}

/* ---- messages -------------------------------------------------------------- */

/* User text in a message: quoted and shortened, in a static-size buffer
 * owned by the caller's lc_buf. */
static const char *quote(lc_buf *b, const char *s, size_t n)
{
	lc_buf_clear(b);
	lc_text_put_quoted(b, s ? s : "", s ? n : 0, 60);
	return b->data ? b->data : "''";
}

static const char *suggestion(lc_buf *b, const lc_text_suggest *s)
{
	lc_buf_clear(b);
	if (s->best) {
		lc_buf_puts(b, "; did you mean ");
		lc_text_put_quoted(b, s->best, s->best_len, 60);
		lc_buf_puts(b, "?");
	}
	return b->data ? b->data : "";
}

__attribute__((format(printf, 3, 4)))
static void err(lc_diags *d, const lc_mark *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(d, LC_ERROR, at, NULL, fmt, ap);
	va_end(ap);
}

/* ---- reading YAML --------------------------------------------------------- */

static const char *const top_keys[] = {"ratings", "ladder", "cycle", "as_of", "people", NULL};
static const char *const person_keys[] = {"id", "name", "role", "level", "since", "rater", "target",
                                          "ratings", "evidence", NULL};
static const char *const rating_keys[] = {"rating", "evidence", NULL};

/* Walks mapping n: vals[i] gets the value of keys[i]; unknown keys are
 * errors with a suggestion, except x- keys. */
static void walk_map(lc_rt_reader *y, const lc_yt_node *n, const char *what, const char *const *keys,
                     const lc_yt_node **vals)
{
	size_t nkeys = 0;
	while (keys[nkeys])
		vals[nkeys++] = NULL;
	for (uint32_t i = 0; i < n->count; i++) {
		const lc_yt_node *k = n->items[2 * i], *v = n->items[2 * i + 1];
		if (k->kind != LC_YT_SCALAR) {
			err(y->diags, &k->at, "keys in %s must be text, not %s", what, lc_yt_kind_name(k));
			continue;
		}
		size_t j = 0;
		while (j < nkeys && !(strlen(keys[j]) == k->len && memcmp(keys[j], k->str, k->len) == 0))
			j++;
		if (j < nkeys) {
			vals[j] = v;
			continue;
		}
		if (k->len >= 2 && memcmp(k->str, "x-", 2) == 0)
			continue;
		lc_text_suggest s;
		lc_text_suggest_init(&s, k->str, k->len);
		for (size_t c = 0; c < nkeys; c++)
			lc_text_suggest_try(&s, keys[c], strlen(keys[c]));
		err(y->diags, &k->at, "unknown key %s in %s%s", quote(&y->q, k->str, k->len), what, suggestion(&y->s, &s));
	}
}

/* A scalar value into a field; an error when v is there but not text. */
static void field(lc_rt_reader *y, const lc_yt_node *v, const char *what, lc_rt_field *out)
{
	memset(out, 0, sizeof *out);
	if (!v || lc_yt_is_null(v))
		return;
	if (v->kind != LC_YT_SCALAR) {
		err(y->diags, &v->at, "%s must be text, not %s", what, lc_yt_kind_name(v));
		out->bad = 1;
		return;
	}
	out->s = lc_rt_copy(y->arena, v->str, v->len);
	out->len = v->len;
	out->at = v->at;
	if (!out->s)
		y->nomem = 1;
}

static int want(lc_rt_reader *y, const lc_yt_node *v, lc_yt_kind kind, const char *what)
{
	if (v->kind == kind)
		return 1;
	static const char *const kinds[] = {"text", "a list", "a mapping"};
	err(y->diags, &v->at, "%s must be %s, not %s", what, kinds[kind], lc_yt_kind_name(v));
	return 0;
}

static void *alloc(lc_rt_reader *y, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	void *p = lc_arena_calloc(y->arena, n, size);
	if (!p)
		y->nomem = 1;
	return p;
}

static void read_ratings_map(lc_rt_reader *y, const lc_yt_node *v, lc_rt_person *p)
{
	if (!want(y, v, LC_YT_MAP, "'ratings'"))
		return;
	p->ratings = alloc(y, v->count, sizeof *p->ratings);
	for (uint32_t i = 0; i < v->count && p->ratings; i++) {
		const lc_yt_node *k = v->items[2 * i], *val = v->items[2 * i + 1];
		lc_rt_rating *rt = &p->ratings[p->nratings];
		field(y, k, "a competency id", &rt->competency);
		if (!rt->competency.s)
			continue;
		if (val->kind == LC_YT_MAP) {
			const lc_yt_node *rv[2];
			walk_map(y, val, "a rating", rating_keys, rv);
			if (!rv[0]) {
				err(y->diags, &val->at, "a rating written as a mapping needs 'rating'");
				continue;
			}
			field(y, rv[0], "'rating'", &rt->value);
			field(y, rv[1], "'evidence'", &rt->evidence);
		} else {
			field(y, val, "a rating", &rt->value);
		}
		if (!rt->value.s) {
			if (!rt->value.bad)
				err(y->diags, &val->at, "the rating of %s is empty", quote(&y->q, k->str, k->len));
			continue;
		}
		p->nratings++;
	}
}

void lc_rt_read_person(lc_rt_reader *y, const lc_yt_node *n, lc_rt_person *p)
{
	memset(p, 0, sizeof *p);
	p->at = n->at;
	if (!want(y, n, LC_YT_MAP, "a person")) {
		p->id.bad = 1;
		return;
	}
	const lc_yt_node *v[9];
	walk_map(y, n, "a person", person_keys, v);
	field(y, v[0], "'id'", &p->id);
	field(y, v[1], "'name'", &p->name);
	field(y, v[2], "'role'", &p->role);
	field(y, v[3], "'level'", &p->level);
	field(y, v[4], "'since'", &p->since);
	field(y, v[5], "'rater'", &p->rater);
	field(y, v[6], "'target'", &p->target);
	if (v[7] && !lc_yt_is_null(v[7]))
		read_ratings_map(y, v[7], p);
	if (v[8] && !lc_yt_is_null(v[8]) && want(y, v[8], LC_YT_SEQ, "'evidence'")) {
		p->evidence = alloc(y, v[8]->count, sizeof *p->evidence);
		for (uint32_t i = 0; i < v[8]->count && p->evidence; i++) {
			field(y, v[8]->items[i], "an evidence item", &p->evidence[p->nevidence]);
			if (p->evidence[p->nevidence].s)
				p->nevidence++;
		}
	}
}

void lc_rt_read_root(lc_rt_reader *y, const lc_yt_node *root, lc_rt_file *out)
{
	lc_diags *diags = y->diags;
	lc_mark whole = {y->src, 0, 0};
	if (!root) {
		err(diags, &whole, "the ratings file is empty");
		y->bad = 1;
	} else if (!want(y, root, LC_YT_MAP, "a ratings file")) {
		y->bad = 1;
	} else {
		const lc_yt_node *v[5];
		walk_map(y, root, "a ratings file", top_keys, v);
		lc_rt_field version;
		field(y, v[0], "'ratings'", &version);
		if (!v[0]) {
			err(diags, &root->at, "a ratings file needs 'ratings: 1' (the format version)");
		} else if (version.s && !(version.len == 1 && version.s[0] == '1')) {
			err(diags, &version.at, "'ratings' is the format version and must be 1, not %s",
			    quote(&y->q, version.s, version.len));
		}
		field(y, v[1], "'ladder'", &out->ladder);
		if (!out->ladder.s && !out->ladder.bad)
			err(diags, &root->at, "a ratings file needs 'ladder' (the id of the ladder it rates against)");
		field(y, v[2], "'cycle'", &out->cycle);
		field(y, v[3], "'as_of'", &out->as_of);
		if (!v[4] || lc_yt_is_null(v[4])) {
			err(diags, &root->at, "a ratings file needs 'people' (a list of people)");
		} else if (want(y, v[4], LC_YT_SEQ, "'people'")) {
			out->people = alloc(y, v[4]->count, sizeof *out->people);
			for (uint32_t i = 0; i < v[4]->count && out->people; i++)
				lc_rt_read_person(y, v[4]->items[i], &out->people[out->npeople++]);
		}
	}
}

void lc_rt_reader_init(lc_rt_reader *y, lc_source *src, lc_arena *arena, lc_diags *diags)
{
	memset(y, 0, sizeof *y);
	y->src = src;
	y->arena = arena;
	y->diags = diags;
	lc_buf_init(&y->q);
	lc_buf_init(&y->s);
}

int lc_rt_reader_fini(lc_rt_reader *y)
{
	lc_buf_free(&y->q);
	lc_buf_free(&y->s);
	if (y->nomem || y->diags->oom)
		return -2;
	return y->bad ? -1 : 0;
}

/* 0 when what was read can be checked (errors may have been reported), -1
 * when nothing can, -2 out of memory. What is read goes to `structs`. */
static int read_yaml(lc_arena *structs, lc_source *src, const ladder_limits *lim, lc_diags *diags,
                     lc_rt_file *out)
{
	lc_arena *tree_arena = lc_arena_new();
	if (!tree_arena)
		return -2;
	lc_yt_node *root = NULL;
	lc_yt_status st = lc_yt_parse(tree_arena, src, lim, diags, &root);
	if (st != LC_YT_OK) {
		lc_arena_free(tree_arena);
		return st == LC_YT_NOMEM ? -2 : -1;
	}
	lc_rt_reader y;
	lc_rt_reader_init(&y, src, structs, diags);
	lc_rt_read_root(&y, root, out);
	lc_arena_free(tree_arena);
	return lc_rt_reader_fini(&y);
}

/* ---- checking against the ladder ------------------------------------------ */

/* The role's competency ids (company-wide groups first), built once. */
static const lc_idmap *role_comps(lc_rt_checker *c, const ladder_role *r)
{
	lc_idmap *m = &c->role_comps[r->index];
	if (m->cap)
		return m;
	for (size_t g = 0; g < ladder_role_ngroups(c->l, r); g++) {
		const ladder_group *gr = ladder_role_group(c->l, r, g);
		for (size_t k = 0; k < gr->ncompetencies; k++) {
			ladder_competency *comp = gr->competencies[k];
			if (lc_idmap_put(m, comp->id.s, comp->id.len, comp) == m)
				c->nomem = 1;
		}
	}
	return m;
}

static const ladder_level *find_level(lc_rt_checker *c, const lc_rt_field *f, const char *what, lc_buf *q, lc_buf *s)
{
	for (size_t i = 0; i < c->l->nlevels; i++)
		if (c->l->levels[i]->id.len == f->len && memcmp(c->l->levels[i]->id.s, f->s, f->len) == 0)
			return c->l->levels[i];
	lc_text_suggest sg;
	lc_text_suggest_init(&sg, f->s, f->len);
	for (size_t i = 0; i < c->l->nlevels; i++)
		lc_text_suggest_try(&sg, c->l->levels[i]->id.s, c->l->levels[i]->id.len);
	err(c->diags, &f->at, "%s %s is not a level of this ladder%s", what, quote(q, f->s, f->len), suggestion(s, &sg));
	return NULL;
}

static const ladder_role *find_role(lc_rt_checker *c, const lc_rt_field *f, lc_buf *q, lc_buf *s)
{
	for (size_t i = 0; i < c->l->nroles; i++)
		if (c->l->roles[i]->id.len == f->len && memcmp(c->l->roles[i]->id.s, f->s, f->len) == 0)
			return c->l->roles[i];
	lc_text_suggest sg;
	lc_text_suggest_init(&sg, f->s, f->len);
	for (size_t i = 0; i < c->l->nroles; i++)
		lc_text_suggest_try(&sg, c->l->roles[i]->id.s, c->l->roles[i]->id.len);
	err(c->diags, &f->at, "role %s is not a role of this ladder%s", quote(q, f->s, f->len), suggestion(s, &sg));
	return NULL;
}

/* A rating: a number from 1 to the scale with at most two decimals, in
 * hundredths; -1 when it is not one. */
static int64_t rating_value(const char *s, size_t n)
{
	size_t i = 0;
	int64_t v = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && v < 1000000)
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || v >= 1000000)
		return -1;
	v *= LC_RATING_UNIT;
	if (i < n && s[i] == '.') {
		size_t f = ++i;
		int64_t scale = LC_RATING_UNIT / 10;
		while (i < n && s[i] >= '0' && s[i] <= '9' && i - f < 2) {
			v += (s[i++] - '0') * scale;
			scale /= 10;
		}
		if (i == f)
			return -1;
		while (i < n && s[i] == '0') /* 3.500 is 3.5 */
			i++;
		if (i < n && s[i] >= '0' && s[i] <= '9')
			return -2;
	}
	return i == n ? v : -1;
}

static int target_ok(const ladder_level *lv, const ladder_level *target)
{
	if (target->rank <= lv->rank)
		return 0;
	for (const ladder_level *p = target->prev; p; p = p->prev)
		if (p == lv)
			return 1;
	return 0;
}

static int cmp_rating(const void *a, const void *b)
{
	const lc_rating *x = a, *y = b;
	const ladder_competency *cx = x->competency, *cy = y->competency;
	/* company-wide groups first (ladder order), then the role's */
	int rx = cx->group->role != NULL, ry = cy->group->role != NULL;
	if (rx != ry)
		return rx - ry;
	if (cx->group != cy->group) {
		/* groups of one kind keep their ladder order: compare their first marks */
		if (cx->group->at.src != cy->group->at.src)
			return cx->group->at.src->order < cy->group->at.src->order ? -1 : 1;
		return cx->group->at.line < cy->group->at.line ? -1 : 1;
	}
	return cx->pos < cy->pos ? -1 : cx->pos > cy->pos;
}

/* A field's text kept in the ratings' arena (what was read is dropped once
 * checked); absent stays absent. */
static ladder_str keep(lc_rt_checker *c, const lc_rt_field *f)
{
	if (!f->s)
		return (ladder_str){NULL, 0};
	const char *s = lc_rt_copy(c->arena, f->s, f->len);
	if (!s)
		c->nomem = 1;
	return (ladder_str){s, s ? f->len : 0};
}

/* p's ratings into ladder order, their evidence along with them. */
static void sort_ratings(lc_rt_checker *c, lc_person *p)
{
	if (p->nratings < 2)
		return;
	if (!p->rating_evidence) {
		qsort(p->ratings, p->nratings, sizeof *p->ratings, cmp_rating);
		return;
	}
	struct with_evidence {
		lc_rating rating; /* first: cmp_rating reads it */
		ladder_str evidence;
	} *w = malloc(p->nratings * sizeof *w);
	if (!w) {
		c->nomem = 1;
		return;
	}
	for (size_t i = 0; i < p->nratings; i++)
		w[i] = (struct with_evidence){p->ratings[i], p->rating_evidence[i]};
	qsort(w, p->nratings, sizeof *w, cmp_rating);
	for (size_t i = 0; i < p->nratings; i++) {
		p->ratings[i] = w[i].rating;
		p->rating_evidence[i] = w[i].evidence;
	}
	free(w);
}

static int str_is(ladder_str s, const lc_rt_field *f)
{
	return s.len == f->len && memcmp(s.s, f->s, f->len) == 0;
}

static void check_evidence(lc_rt_checker *c, const lc_rt_person *rp, lc_person *p, const ladder_level **lv, size_t nlv,
                           lc_buf *q, lc_buf *s)
{
	p->evidence = rp->nevidence ? lc_arena_calloc(c->arena, rp->nevidence, sizeof *p->evidence) : NULL;
	if (rp->nevidence && !p->evidence) {
		c->nomem = 1;
		return;
	}
	size_t most = 0;
	for (size_t k = 0; k < nlv; k++) {
		lc_criteria cr;
		lc_assess_criteria(c->l, lv[k], &cr);
		size_t n = lc_criteria_nevidence(&cr);
		most = n > most ? n : most;
	}
	for (size_t i = 0; i < rp->nevidence; i++) {
		const lc_rt_field *f = &rp->evidence[i];
		lc_listed_evidence *e = &p->evidence[p->nevidence];
		e->text = keep(c, f);
		e->at = f->at;
		size_t j = 0, num = 0;
		while (j < f->len && f->s[j] >= '0' && f->s[j] <= '9' && num < 100000)
			num = num * 10 + (size_t)(f->s[j++] - '0');
		if (j == f->len && j > 0) {
			if (num < 1 || num > most) {
				err(c->diags, &f->at, "evidence number %s is out of range: the criteria considered for %s list %zu item%s",
				    quote(q, f->s, f->len), quote(s, rp->id.s, rp->id.len), most, most == 1 ? "" : "s");
				continue;
			}
			e->number = num;
			p->nevidence++;
			continue;
		}
		int found = 0;
		for (size_t k = 0; k < nlv && !found; k++) {
			lc_criteria cr;
			lc_assess_criteria(c->l, lv[k], &cr);
			for (size_t m = 0; m < lc_criteria_nevidence(&cr) && !found; m++) {
				ladder_str t = lc_criteria_evidence(&cr, m);
				found = str_is(t, f);
			}
		}
		if (!found) {
			err(c->diags, &f->at, "evidence %s is not an item of the criteria considered for %s (write the item's text or its number)",
			    quote(q, f->s, f->len), quote(s, rp->id.s, rp->id.len));
			continue;
		}
		p->nevidence++;
	}
}

/* The slot of competency comp in the table of those this person rated: one
 * whose stamp is not this person's is free. The table has room for twice
 * the competencies of any role, and only a role's own get this far. */
static lc_rt_seen *seen_slot(lc_rt_checker *c, const ladder_competency *comp)
{
	size_t mask = c->nseen - 1, i = ((uintptr_t)comp >> 4) & mask;
	while (c->seen[i].stamp == c->person_stamp && c->seen[i].comp != comp)
		i = (i + 1) & mask;
	return &c->seen[i];
}

/* "; did you mean …?" for a rating that is a word: the nearest proficiency
 * id of the ladder, or "" when none is near (or the ladder names none). */
static const char *proficiency_suggestion(const lc_rt_checker *c, const lc_rt_field *f, lc_buf *s)
{
	lc_text_suggest sg;
	lc_text_suggest_init(&sg, f->s, f->len);
	for (size_t i = 0; i < c->l->nproficiency; i++)
		lc_text_suggest_try(&sg, c->l->proficiency[i].id.s, c->l->proficiency[i].id.len);
	return suggestion(s, &sg);
}

static void check_ratings(lc_rt_checker *c, const lc_rt_person *rp, lc_person *p, const ladder_level **lv, size_t nlv,
                          lc_buf *q, lc_buf *s)
{
	p->ratings = rp->nratings ? lc_arena_calloc(c->arena, rp->nratings, sizeof *p->ratings) : NULL;
	if (rp->nratings && !p->ratings) {
		c->nomem = 1;
		return;
	}
	const lc_idmap *ids = role_comps(c, p->role);
	c->person_stamp++;
	for (size_t i = 0; i < rp->nratings; i++) {
		const lc_rt_rating *rt = &rp->ratings[i];
		const lc_rt_field *cf = &rt->competency;
		const ladder_competency *comp = lc_idmap_get(ids, cf->s, cf->len);
		if (!comp) {
			lc_text_suggest sg;
			lc_text_suggest_init(&sg, cf->s, cf->len);
			for (size_t k = 0; k < ids->cap; k++)
				if (ids->slots[k].key)
					lc_text_suggest_try(&sg, ids->slots[k].key, ids->slots[k].len);
			err(c->diags, &cf->at, "competency %s is not a competency of role '%s'%s", quote(q, cf->s, cf->len),
			    p->role->id.s, suggestion(s, &sg));
			continue;
		}
		int applies = lc_assess_applies(c->l, comp, p->role, p->level);
		for (size_t k = 0; k < nlv && !applies; k++)
			applies = lc_assess_applies(c->l, comp, p->role, lv[k]);
		if (!applies) {
			err(c->diags, &cf->at, "competency %s does not apply to role '%s' at level '%s'", quote(q, cf->s, cf->len),
			    p->role->id.s, p->level->id.s);
			continue;
		}
		lc_rt_seen *seen = seen_slot(c, comp);
		const lc_rt_rating *first = seen->stamp == c->person_stamp ? seen->first : NULL;
		if (first) {
			err(c->diags, &cf->at, "competency %s is rated twice for %s", quote(q, cf->s, cf->len),
			    quote(s, rp->id.s, rp->id.len));
			lc_diags_add(c->diags, LC_NOTE, &first->competency.at, NULL, "first rated here");
			continue;
		}
		*seen = (lc_rt_seen){comp, rt, c->person_stamp};
		const lc_rt_field *vf = &rt->value;
		int64_t v = rating_value(vf->s, vf->len);
		const ladder_proficiency *prof = v == -1 ? ladder_find_proficiency(c->l, vf->s) : NULL;
		if (prof) /* a proficiency id rates as its rank */
			v = (int64_t)prof->rank * LC_RATING_UNIT;
		if (v == -2) {
			err(c->diags, &vf->at, "the rating %s of '%s' has more than two decimals", quote(q, vf->s, vf->len),
			    comp->id.s);
			continue;
		}
		if (v < LC_RATING_UNIT || v > c->scale) {
			err(c->diags, &vf->at, "the rating of '%s' must be a number from 1 to %lld or a proficiency id, not %s%s",
			    comp->id.s, (long long)(c->scale / LC_RATING_UNIT), quote(q, vf->s, vf->len),
			    v == -1 ? proficiency_suggestion(c, vf, s) : "");
			continue;
		}
		if (rt->evidence.s && !p->rating_evidence &&
		    !(p->rating_evidence = lc_arena_calloc(c->arena, rp->nratings, sizeof *p->rating_evidence))) {
			c->nomem = 1;
			return;
		}
		if (rt->evidence.s)
			p->rating_evidence[p->nratings] = keep(c, &rt->evidence);
		p->ratings[p->nratings++] = (lc_rating){comp, v, prof};
	}
	sort_ratings(c, p);
}

void lc_rt_check_person(lc_rt_checker *c, const lc_rt_person *rp, lc_person *p)
{
	lc_buf *q = &c->q, *s = &c->s;
	static const struct {
		size_t off;
		const char *name;
	} required[] = {
		{offsetof(lc_rt_person, id), "id"},
		{offsetof(lc_rt_person, role), "role"},
		{offsetof(lc_rt_person, level), "level"},
		{offsetof(lc_rt_person, since), "since"},
	};
	int missing = 0;
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		const lc_rt_field *f = (const lc_rt_field *)(const void *)((const char *)rp + required[i].off);
		if (!f->s) {
			if (!f->bad && !rp->id.bad)
				err(c->diags, &rp->at, "a person needs '%s'", required[i].name);
			missing = 1;
		}
	}
	if (missing)
		return;
	p->id = keep(c, &rp->id);
	p->name = keep(c, &rp->name);
	p->rater = keep(c, &rp->rater);
	if (c->nomem)
		return;
	p->at = rp->at;
	p->id_at = rp->id.at;
	/* people are found by their place, as the array may move while it grows */
	size_t place = (size_t)(p - c->r->people) + 1;
	const void *first = lc_idmap_put(&c->ids, p->id.s, p->id.len, (void *)(uintptr_t)place);
	if (first == (const void *)&c->ids) {
		c->nomem = 1;
		return;
	}
	if (first) {
		err(c->diags, &rp->id.at, "person %s is listed twice", quote(q, rp->id.s, rp->id.len));
		lc_diags_add(c->diags, LC_NOTE, &c->r->people[(uintptr_t)first - 1].id_at, NULL, "first listed here");
		return;
	}
	p->role = find_role(c, &rp->role, q, s);
	p->level = find_level(c, &rp->level, "level", q, s);
	if (p->role && p->level && !ladder_role_has_level(p->role, p->level)) {
		err(c->diags, &rp->level.at, "level '%s' is not one of the levels of role '%s'", p->level->id.s, p->role->id.s);
		p->level = NULL;
	}
	if (lc_date_parse(rp->since.s, rp->since.len, &p->since) < 0)
		err(c->diags, &rp->since.at, "'since' must be a date written YYYY-MM-DD, not %s", quote(q, rp->since.s, rp->since.len));
	else if (lc_date_cmp(p->since, c->r->as_of) > 0) {
		lc_buf_clear(s);
		lc_date_put(s, c->r->as_of);
		err(c->diags, &rp->since.at, "'since' (%.*s) is after the as-of date %s", (int)rp->since.len, rp->since.s,
		    s->data);
	}
	if (rp->target.s && p->role && p->level) { /* an unknown role is reported above */
		p->target = find_level(c, &rp->target, "target", q, s);
		if (p->target && (!target_ok(p->level, p->target) || !ladder_role_has_level(p->role, p->target))) {
			err(c->diags, &rp->target.at, "target '%s' is not above level '%s' on its chain for role '%s'",
			    p->target->id.s, p->level->id.s, p->role->id.s);
			p->target = NULL;
		}
	}
	if (!p->role || !p->level)
		return;
	size_t nlv = lc_assess_levels(c->l, p->role, p->level, p->target, c->levels);
	check_ratings(c, rp, p, c->levels, nlv, q, s);
	check_evidence(c, rp, p, c->levels, nlv, q, s);
}

int lc_rt_checker_init(lc_rt_checker *c, const ladder *l, lc_ratings *r, lc_diags *diags, size_t errors)
{
	memset(c, 0, sizeof *c);
	c->l = l;
	c->r = r;
	c->diags = diags;
	c->arena = r->arena;
	c->scale = lc_assess_scale(l);
	c->errors = errors;
	lc_idmap_init(&c->ids);
	lc_buf_init(&c->q);
	lc_buf_init(&c->s);
	c->role_comps = calloc(l->nroles + 1, sizeof *c->role_comps);
	c->levels = calloc(l->nlevels + l->ntracks + 2, sizeof *c->levels);
	size_t most = 0;
	for (size_t i = 0; i < l->nroles; i++) {
		size_t n = 0;
		for (size_t g = 0; g < ladder_role_ngroups(l, l->roles[i]); g++)
			n += ladder_role_group(l, l->roles[i], g)->ncompetencies;
		most = n > most ? n : most;
	}
	for (c->nseen = 16; c->nseen < 2 * most; c->nseen *= 2)
		;
	c->seen = calloc(c->nseen, sizeof *c->seen);
	return c->role_comps && c->levels && c->seen ? 0 : -1;
}

int lc_rt_checker_fini(lc_rt_checker *c)
{
	if (c->role_comps)
		for (size_t i = 0; i < c->l->nroles; i++)
			lc_idmap_free(&c->role_comps[i]);
	free(c->role_comps);
	free(c->levels);
	free(c->seen);
	lc_idmap_free(&c->ids);
	int failed = lc_buf_failed(&c->q) || lc_buf_failed(&c->s);
	lc_buf_free(&c->q);
	lc_buf_free(&c->s);
	if (c->nomem || failed || !c->role_comps || !c->levels || !c->seen || c->diags->oom)
		return -2;
	return c->diags->errors > c->errors ? -1 : 0;
}

void lc_rt_check_top(lc_rt_checker *c, const lc_rt_file *f, lc_date as_of, int as_of_given)
{
	lc_ratings *r = c->r;
	if (f->ladder.s && !(f->ladder.len == c->l->id.len && memcmp(f->ladder.s, c->l->id.s, f->ladder.len) == 0))
		err(c->diags, &f->ladder.at, "this ratings file is for ladder %s, not '%s'",
		    quote(&c->q, f->ladder.s, f->ladder.len), c->l->id.s);
	r->ladder_id = c->l->id;
	r->cycle = keep(c, &f->cycle);
	r->as_of = as_of;
	if (f->as_of.s) {
		if (lc_date_parse(f->as_of.s, f->as_of.len, &r->as_of) < 0) {
			err(c->diags, &f->as_of.at, "'as_of' must be a date written YYYY-MM-DD, not %s",
			    quote(&c->q, f->as_of.s, f->as_of.len));
			r->as_of = as_of;
		} else if (as_of_given && lc_date_cmp(r->as_of, as_of) != 0) {
			lc_diags_add(c->diags, LC_WARNING, &f->as_of.at, NULL,
			             "the file's as_of (%.*s) is used, not --as-of", (int)f->as_of.len, f->as_of.s);
		}
	}
}

/* 0, -1 invalid, -2 out of memory */
static int check_file(lc_rt_checker *c, const lc_rt_file *f, lc_date as_of, int as_of_given)
{
	lc_ratings *r = c->r;
	lc_rt_check_top(c, f, as_of, as_of_given);
	r->people = f->npeople ? calloc(f->npeople, sizeof *r->people) : NULL;
	if (f->npeople && !r->people)
		c->nomem = 1;
	for (size_t i = 0; i < f->npeople && !c->nomem; i++)
		lc_rt_check_person(c, &f->people[i], &r->people[r->npeople++]);
	return lc_rt_checker_fini(c);
}

/* ---- entry points -------------------------------------------------------- */

static int ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	if (n < m)
		return 0;
	for (size_t i = 0; i < m; i++)
		if (lc_text_ascii_lower((unsigned char)s[n - m + i]) != (unsigned char)end[i])
			return 0;
	return 1;
}

/* Takes `data` (malloc'ed, freed here on failure) and `fd`, the file it was
 * read from, or -1 (closed here). */
static lc_ratings_status load(const ladder *l, const char *path, char *data, size_t len, int fd, lc_date as_of,
                              int as_of_given, const ladder_limits *lim, lc_diags *diags, lc_ratings **out)
{
	*out = NULL;
	lc_arena *arena = lc_arena_new();
	lc_ratings *r = arena ? lc_arena_calloc(arena, 1, sizeof *r) : NULL;
	lc_source *src = r ? lc_arena_calloc(arena, 1, sizeof *src) : NULL;
	const char *name = src ? lc_rt_copy(arena, path, strlen(path)) : NULL;
	if (!name) {
		free(data);
		lc_arena_free(arena);
		if (fd >= 0)
			close(fd);
		return LC_RATINGS_NOMEM;
	}
	r->arena = arena;
	r->source = src;
	src->path = name;
	src->data = data;
	src->len = len;
	/* the streamed path may then give the people's bytes back as it goes */
	if (fd >= 0)
		(void)lc_source_attach_file(src, fd);
	lc_rt_file f;
	memset(&f, 0, sizeof f);
	ladder_limits dl;
	if (!lim) {
		ladder_limits_default(&dl);
		lim = &dl;
	}
	size_t errors = diags->errors;
	int csv = ends_with(path, ".csv");
	int st = csv ? 1 : lc_ratings_stream_yaml(l, r, as_of, as_of_given, lim, diags);
	if (st == 1) { /* the plain path */
		/* what was read is kept only until it is checked: the text it points
		 * to is in the ratings' arena */
		lc_arena *structs = lc_arena_new();
		lc_rt_checker c;
		st = !structs ? -2
		   : csv      ? lc_ratings_read_csv(structs, src, diags, &f)
		              : read_yaml(structs, src, lim, diags, &f);
		if (st == 0)
			st = lc_rt_checker_init(&c, l, r, diags, errors) < 0 ? (lc_rt_checker_fini(&c), -2)
			                                              : check_file(&c, &f, as_of, as_of_given);
		lc_arena_free(structs);
	}
	if (st != 0) {
		lc_ratings_free(r);
		return st == -2 ? LC_RATINGS_NOMEM : LC_RATINGS_INVALID;
	}
	*out = r;
	return LC_RATINGS_OK;
}

lc_ratings_status lc_ratings_load_buffer(const ladder *l, const char *path, const char *data, size_t len,
                                         lc_date as_of, int as_of_given, const ladder_limits *lim,
                                         lc_diags *diags, lc_ratings **out)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return LC_RATINGS_NOMEM;
	memcpy(copy, data, len);
	copy[len] = '\0';
	return load(l, path, copy, len, -1, as_of, as_of_given, lim, diags, out);
}

lc_ratings_status lc_ratings_load_file(const ladder *l, const char *path, lc_date as_of, int as_of_given,
                                       const ladder_limits *lim, lc_diags *diags, lc_ratings **out)
{
	*out = NULL;
	ladder_limits dl;
	if (!lim) {
		ladder_limits_default(&dl);
		lim = &dl;
	}
	lc_source whole = {path, NULL, 0, NULL, 0, 0, NULL};
	lc_mark at = {&whole, 0, 0};
	FILE *fp = fopen(path, "rb");
	struct stat st;
	if (!fp || fstat(fileno(fp), &st) < 0 || S_ISDIR(st.st_mode)) {
		int e = fp ? (S_ISDIR(st.st_mode) ? EISDIR : errno) : errno;
		if (fp)
			fclose(fp);
		err(diags, &at, "cannot read the ratings file: %s", strerror(e));
		return LC_RATINGS_IO;
	}
	size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536, n = 0;
	char *data = NULL;
	for (;;) {
		if (n + 1 >= cap || !data) {
			if (n > lim->max_input)
				break;
			char *nd = realloc(data, cap = data ? cap * 2 : cap);
			if (!nd) {
				free(data);
				fclose(fp);
				return LC_RATINGS_NOMEM;
			}
			data = nd;
			lc_huge_advise(data, cap);
		}
		size_t got = fread(data + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	int rerr = ferror(fp);
	/* kept open for a big YAML file that may be streamed (src/ratings_stream.c) */
	int fd = !rerr && S_ISREG(st.st_mode) && n >= lim->release_min && !lc_serial() && !ends_with(path, ".csv")
	       ? dup(fileno(fp)) : -1;
	fclose(fp);
	if (rerr || n > lim->max_input || !data) {
		free(data);
		if (fd >= 0)
			close(fd);
		if (!data && !rerr)
			return LC_RATINGS_NOMEM;
		if (rerr)
			err(diags, &at, "cannot read the ratings file: %s", strerror(EIO));
		else
			err(diags, &at, "the ratings file is larger than the limit of %zu bytes (see --max-input)", lim->max_input);
		return LC_RATINGS_IO;
	}
	data[n] = '\0';
	return load(l, path, data, n, fd, as_of, as_of_given, lim, diags, out);
}

void lc_ratings_free(lc_ratings *r)
{
	if (!r)
		return;
	lc_source_detach_file(r->source);
	free(r->people);
	free((char *)r->source->data);
	free(r->source->lines);
	lc_arena_free(r->arena);
}
