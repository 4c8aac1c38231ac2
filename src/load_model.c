/* Building the model from the trees: tracks and levels (ranked along their
 * `from` links), company-wide groups and competencies, roles with their
 * titles, promotion criteria, paths between roles and the lint settings;
 * every reference by id resolved, every id checked to be unique. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladderc/buf.h"
#include "load_internal.h"

/* ---- tracks and levels -------------------------------------------------- */

/* The ids that "did you mean" chooses from. */
static ladder_str level_id(const void *set, size_t i)
{
	return ((const ladder_level *const *)set)[i]->id;
}

static ladder_str track_id(const void *set, size_t i)
{
	return ((const ladder_track *const *)set)[i]->id;
}

static ladder_str role_id(const void *set, size_t i)
{
	return ((const ladder_role *const *)set)[i]->id;
}

const char *const lc_load_track_keys[] = {"id", "name", "from", "levels", NULL};
enum { TK_ID, TK_NAME, TK_FROM, TK_LEVELS, TK_N };
const char *const lc_load_level_keys[] = {"id", "name", "title", "summary", NULL};
enum { LK_ID, LK_NAME, LK_TITLE, LK_SUMMARY, LK_N };

/* Title rubrics may hold {role} and {family}; anything else in braces is a mistake. */
static void check_rubric(loader *ld, ladder_str t, const lc_mark *at)
{
	for (size_t i = 0; i < t.len; i++) {
		if (t.s[i] != '{')
			continue;
		const char *close = memchr(t.s + i, '}', t.len - i);
		size_t n = close ? (size_t)(close - (t.s + i)) + 1 : t.len - i;
		if ((n == 6 && memcmp(t.s + i, "{role}", 6) == 0) ||
		    (n == 8 && memcmp(t.s + i, "{family}", 8) == 0)) {
			i += n - 1;
			continue;
		}
		lc_load_err(ld, at, "unknown placeholder %s in title %s; a title may use {role} and {family}",
		    lc_load_quote(ld, t.s + i, n), lc_load_quote_str(ld, t));
		return;
	}
}

static void dup_error(loader *ld, const lc_mark *at, const lc_mark *first, const char *what, ladder_str id)
{
	lc_load_err(ld, at, "duplicate %s id %s", what, lc_load_quote_str(ld, id));
	lc_load_note(ld, first, "%s %s is first defined here", what, lc_load_quote_str(ld, id));
}

/* `title: ""` (quoted and empty): the level gives no title. A plain empty
 * `title:` stays "not given", which the default title rule fills in. */
static int gives_no_title(const lc_yt_node *v)
{
	return v && v->kind == LC_YT_SCALAR && !v->plain && v->len == 0;
}

static void build_level(loader *ld, ladder_track *t, const lc_yt_node *n, vec *levels)
{
	lc_yt_node *v[LK_N];
	if (!lc_load_walk_map(ld, n, "a level", lc_load_level_keys, v, NULL))
		return;
	ladder_level *lv = lc_load_alloc(ld, 1, sizeof *lv);
	lv->at = n->at;
	lv->track = t;
	int ok = lc_load_require(ld, n, v[LK_ID], "id", "a level") && lc_load_get_id(ld, v[LK_ID], "a level's 'id'", &lv->id);
	if (lc_load_require(ld, n, v[LK_NAME], "name", "a level"))
		lc_load_get_text(ld, v[LK_NAME], "a level's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &lv->name);
	if (gives_no_title(v[LK_TITLE])) {
		lv->no_title = 1;
		lv->title_at = v[LK_TITLE]->at;
	} else if (lc_load_get_text(ld, v[LK_TITLE], "a level's 'title'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &lv->title)) {
		lv->title_at = v[LK_TITLE]->at;
		check_rubric(ld, lv->title, &lv->title_at);
	}
	lc_load_get_text(ld, v[LK_SUMMARY], "a level's 'summary'", 0, &lv->summary);
	if (!ok)
		return;
	ladder_level *prev = lc_idmap_put(&ld->levels, lv->id.s, lv->id.len, lv);
	if (prev == (void *)&ld->levels)
		lc_load_oom(ld);
	if (prev) {
		dup_error(ld, &v[LK_ID]->at, &prev->at, "level", lv->id);
		return;
	}
	if (!lv->name.s)
		lv->name = lv->id;
	lv->pos = (uint32_t)levels->n;
	lv->index = (uint32_t)ld->vlevels.n;
	lc_load_vec_push(ld, levels, lv);
	lc_load_vec_push(ld, &ld->vlevels, lv);
}

static void build_track(loader *ld, const lc_yt_node *n)
{
	lc_yt_node *v[TK_N];
	if (!lc_load_walk_map(ld, n, "a track", lc_load_track_keys, v, NULL))
		return;
	ladder_track *t = lc_load_alloc(ld, 1, sizeof *t);
	t->at = n->at;
	int ok = lc_load_require(ld, n, v[TK_ID], "id", "a track") && lc_load_get_id(ld, v[TK_ID], "a track's 'id'", &t->id);
	if (lc_load_require(ld, n, v[TK_NAME], "name", "a track"))
		lc_load_get_text(ld, v[TK_NAME], "a track's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &t->name);
	if (v[TK_FROM] && lc_load_get_id(ld, v[TK_FROM], "'from'", &t->from_id))
		t->from_at = v[TK_FROM]->at;
	if (ok) {
		ladder_track *prev = lc_idmap_put(&ld->tracks, t->id.s, t->id.len, t);
		if (prev == (void *)&ld->tracks)
			lc_load_oom(ld);
		if (prev) {
			dup_error(ld, &v[TK_ID]->at, &prev->at, "track", t->id);
			ok = 0;
		}
	}
	vec levels = {0};
	if (lc_load_require(ld, n, v[TK_LEVELS], "levels", "a track") && lc_load_want(ld, v[TK_LEVELS], LC_YT_SEQ, "'levels'")) {
		if (v[TK_LEVELS]->count == 0)
			lc_load_err(ld, &v[TK_LEVELS]->at, "track %s has no levels", lc_load_quote_str(ld, t->id));
		for (uint32_t i = 0; i < v[TK_LEVELS]->count; i++)
			build_level(ld, t, v[TK_LEVELS]->items[i], &levels);
	}
	t->levels = (ladder_level **)lc_load_vec_finish(ld, &levels, &t->nlevels);
	free(levels.items);
	if (!ok)
		return;
	t->index = (uint32_t)ld->vtracks.n;
	lc_load_vec_push(ld, &ld->vtracks, t);
}

const ladder_level *lc_load_find_level(loader *ld, const lc_yt_node *k, const char *what)
{
	const ladder_level *lv = lc_idmap_get(&ld->levels, k->str, k->len);
	if (lv)
		return lv;
	const char *hint = lc_load_did_you_mean(ld, k->str, k->len, ld->vlevels.items, ld->vlevels.n, level_id);
	if (*hint || ld->vlevels.n == 0 || ld->vlevels.n > 12) {
		lc_load_err(ld, &k->at, "%s %s is not a level of this ladder%s", what, lc_load_quote_node(ld, k), hint);
		return NULL;
	}
	lc_buf known = LC_BUF_INIT;
	for (size_t i = 0; i < ld->vlevels.n; i++) {
		const ladder_level *c = ld->vlevels.items[i];
		lc_buf_puts(&known, i ? ", " : "");
		lc_buf_put(&known, c->id.s, c->id.len);
	}
	if (lc_buf_failed(&known))
		lc_load_oom(ld);
	lc_load_err(ld, &k->at, "%s %s is not a level of this ladder (its levels are %s)", what, lc_load_quote_node(ld, k), known.data);
	lc_buf_free(&known);
	return NULL;
}

enum { UNSEEN, VISITING, DONE };

/* Ranks track t and the tracks it continues from. Iterative, not recursive:
 * a chain of 'from' links can be as long as the list of tracks (a million
 * tracks fit in the input limit) and must not exhaust the stack. `stack`
 * has room for every track. */
static int rank_track(loader *ld, ladder_track *t, unsigned char *state, ladder_track **stack)
{
	size_t n = 0;
	ladder_track *cur = t;
	while (cur && state[cur->index] == UNSEEN) {
		state[cur->index] = VISITING;
		stack[n++] = cur;
		cur = cur->from ? cur->from->track : NULL;
	}
	if (cur && state[cur->index] == VISITING) {
		lc_load_err(ld, &cur->from_at, "tracks continue each other in a circle through 'from: %.*s'",
		    (int)cur->from_id.len, cur->from_id.s); /* an id: no control bytes; long ones are not NUL-terminated */
		for (size_t i = 0; i < n; i++) {
			state[stack[i]->index] = DONE;
			stack[i]->from = NULL;
		}
		return 0;
	}
	/* stack[n-1] continues from a ranked track (or from none); rank downwards */
	while (n > 0) {
		ladder_track *tr = stack[--n];
		uint32_t base = tr->from ? tr->from->rank : 0;
		for (size_t i = 0; i < tr->nlevels; i++) {
			ladder_level *lv = tr->levels[i];
			lv->rank = base + (uint32_t)i + 1;
			lv->prev = i ? tr->levels[i - 1] : tr->from;
		}
		state[tr->index] = DONE;
	}
	return 1;
}

static void resolve_tracks(loader *ld)
{
	ladder *l = ld->l;
	for (size_t i = 0; i < l->ntracks; i++) {
		ladder_track *t = l->tracks[i];
		if (!t->from_id.s)
			continue;
		if (i == 0) {
			lc_load_err(ld, &t->from_at, "the first track starts the ladder and cannot continue from another ('from')");
			continue;
		}
		lc_yt_node key = {.kind = LC_YT_SCALAR, .at = t->from_at, .str = t->from_id.s, .len = t->from_id.len};
		const ladder_level *from = lc_load_find_level(ld, &key, "'from':");
		if (!from)
			continue;
		if (from->track == t) {
			lc_load_err(ld, &t->from_at, "track %s cannot continue from its own level %s", lc_load_quote_str(ld, t->id),
			    lc_load_quote_str(ld, from->id));
			continue;
		}
		t->from = from;
	}
	unsigned char *state = calloc(l->ntracks ? l->ntracks : 1, 1);
	ladder_track **stack = malloc((l->ntracks ? l->ntracks : 1) * sizeof *stack);
	if (!state || !stack) {
		free(state);
		free(stack);
		lc_load_oom(ld);
	}
	for (size_t i = 0; i < l->ntracks; i++)
		if (!rank_track(ld, l->tracks[i], state, stack))
			break;
	free(stack);
	free(state);
}

/* ---- groups and competencies -------------------------------------------- */

const char *const lc_load_group_keys[] = {"id", "name", "description", "competencies", "expectations",
                                          "roles", "families", NULL};
enum { GK_ID, GK_NAME, GK_DESCRIPTION, GK_COMPETENCIES, GK_EXPECTATIONS, GK_ROLES, GK_FAMILIES, GK_N };
const char *const lc_load_comp_keys[] = {"id", "name", "description", "levels", "links", "x-lint-disable",
                                         "expectations", "tracks", "starts_at", NULL};
enum { CK_ID, CK_NAME, CK_DESCRIPTION, CK_LEVELS, CK_LINKS, CK_LINT, CK_EXPECTATIONS, CK_TRACKS, CK_STARTS_AT,
       CK_N };
const char *const lc_load_link_keys[] = {"name", "url", NULL};
enum { LNK_NAME, LNK_URL, LNK_N };

ladder_expectations lc_load_get_expectations(loader *ld, const lc_yt_node *v, const char *what)
{
	if (!v || lc_yt_is_null(v) || !lc_load_want(ld, v, LC_YT_SCALAR, what))
		return LADDER_EXPECTATIONS_INHERIT;
	static const ladder_expectations modes[] = {LADDER_EXPECTATIONS_CUMULATIVE, LADDER_EXPECTATIONS_RESTATED};
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		const char *name = ladder_expectations_name(modes[i]);
		if (v->len == strlen(name) && memcmp(v->str, name, v->len) == 0)
			return modes[i];
	}
	lc_load_err(ld, &v->at, "%s is %s: write 'cumulative' (each level adds to those below) or 'restated' (each level says it all)",
	    what, lc_load_quote_node(ld, v));
	return LADDER_EXPECTATIONS_INHERIT;
}

/* A link's URL must start with one of these schemes (case-insensitive):
 * anything else (javascript:, data:, file:, a relative path) could run code
 * or point nowhere once published. */
static int url_scheme_allowed(ladder_str u)
{
	static const char *const schemes[] = {"http://", "https://", "mailto:"};
	for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++) {
		size_t n = strlen(schemes[i]);
		if (u.len <= n)
			continue;
		size_t k = 0;
		while (k < n && (u.s[k] | 0x20) == schemes[i][k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

static void build_links(loader *ld, ladder_competency *c, const lc_yt_node *v)
{
	if (!v || lc_yt_is_null(v) || !lc_load_want(ld, v, LC_YT_SEQ, "a competency's 'links'"))
		return;
	c->links = lc_load_alloc(ld, v->count, sizeof *c->links);
	for (uint32_t i = 0; i < v->count; i++) {
		const lc_yt_node *n = v->items[i];
		lc_yt_node *lk[LNK_N];
		if (!lc_load_walk_map(ld, n, "a link", lc_load_link_keys, lk, NULL))
			continue;
		ladder_link *out = &c->links[c->nlinks];
		out->at = n->at;
		int ok = lc_load_require(ld, n, lk[LNK_NAME], "name", "a link") &&
		         lc_load_get_text(ld, lk[LNK_NAME], "a link's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &out->name);
		if (!lc_load_require(ld, n, lk[LNK_URL], "url", "a link") ||
		    !lc_load_get_text(ld, lk[LNK_URL], "a link's 'url'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &out->url))
			continue;
		if (!url_scheme_allowed(out->url) || memchr(out->url.s, ' ', out->url.len)) {
			lc_load_err(ld, &lk[LNK_URL]->at, "link %s must be an http, https or mailto URL without spaces",
			            lc_load_quote_str(ld, out->url));
			continue;
		}
		if (ok)
			c->nlinks++;
	}
}

/* Every role and competency holds an entry per level of the ladder, so a few
 * megabytes of roles times levels would take gigabytes: the product has a
 * budget (max_cells). Returns 0, once reported, when it is spent. */
static int charge_cells(loader *ld, const lc_mark *at, const char *what)
{
	size_t max = ld->lim.max_cells ? ld->lim.max_cells : LADDER_DEFAULT_MAX_CELLS;
	size_t nlevels = ld->l->nlevels;
	int spent = ld->cells > max;
	ld->cells = ld->cells > SIZE_MAX - nlevels ? SIZE_MAX : ld->cells + nlevels;
	if (ld->cells <= max)
		return 1;
	if (!spent)
		lc_load_err(ld, at, "the ladder is too large: at this %s, its roles and competencies times its %zu levels pass the limit of %zu entries",
		    what, nlevels, max);
	return 0;
}

/* A role's title or competency names a level the role does not have. */
static void not_role_level(loader *ld, const lc_mark *at, const ladder_role *r, const ladder_level *lv)
{
	if (ladder_role_has_track_of(r, lv))
		lc_load_err(ld, at, "level %s is not one of the levels of role %s (its 'levels')", lc_load_quote_str(ld, lv->id),
		            lc_load_quote_str(ld, r->id));
	else
		lc_load_err(ld, at, "level %s is not on the tracks of role %s", lc_load_quote_str(ld, lv->id), lc_load_quote_str(ld, r->id));
}

static void build_competency(loader *ld, ladder_group *g, const lc_yt_node *n, lc_idmap *comp_ids, vec *comps)
{
	lc_yt_node *v[CK_N];
	if (!lc_load_walk_map(ld, n, "a competency", lc_load_comp_keys, v, NULL))
		return;
	ladder *l = ld->l;
	if (!charge_cells(ld, &n->at, "competency"))
		return;
	ladder_competency *c = lc_load_alloc(ld, 1, sizeof *c);
	c->at = n->at;
	c->group = g;
	c->text = lc_load_alloc(ld, l->nlevels, sizeof *c->text);
	c->text_at = lc_load_alloc(ld, l->nlevels, sizeof *c->text_at);
	int ok = lc_load_require(ld, n, v[CK_ID], "id", "a competency") &&
	         lc_load_get_id(ld, v[CK_ID], "a competency's 'id'", &c->id);
	if (lc_load_require(ld, n, v[CK_NAME], "name", "a competency"))
		lc_load_get_text(ld, v[CK_NAME], "a competency's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &c->name);
	if (lc_load_get_text(ld, v[CK_DESCRIPTION], "a competency's 'description'", 0, &c->description))
		c->description_at = v[CK_DESCRIPTION]->at;
	c->expectations_written = lc_load_get_expectations(ld, v[CK_EXPECTATIONS], "a competency's 'expectations'");
	build_links(ld, c, v[CK_LINKS]);
	lc_load_competency_scope(ld, c, v[CK_TRACKS], v[CK_STARTS_AT]);
	c->lint_disable = lc_load_get_text_list(ld, v[CK_LINT], "'x-lint-disable'", T_ONE_LINE | T_NO_CONTROL,
	                                        &c->nlint_disable, &c->lint_disable_at);
	const ladder_role *r = g->role;
	if (lc_load_require(ld, n, v[CK_LEVELS], "levels", "a competency") && !lc_yt_is_null(v[CK_LEVELS]) &&
	    lc_load_want(ld, v[CK_LEVELS], LC_YT_MAP, "a competency's 'levels'")) {
		const lc_yt_node *m = v[CK_LEVELS];
		for (uint32_t i = 0; i < m->count; i++) {
			const lc_yt_node *k = m->items[2 * i], *t = m->items[2 * i + 1];
			if (!lc_load_want(ld, k, LC_YT_SCALAR, "a level key"))
				continue;
			const ladder_level *lv = lc_load_find_level(ld, k, "level");
			if (!lv)
				continue;
			if (r && !ladder_role_has_level(r, lv)) {
				not_role_level(ld, &k->at, r, lv);
				continue;
			}
			ladder_str text;
			if (t->kind == LC_YT_MAP) {
				if (!lc_load_cell(ld, c, lv, t, &text))
					continue;
			} else if (!lc_load_get_text(ld, t, "an expectation", T_NONEMPTY, &text)) {
				if (lc_yt_is_null(t))
					lc_load_err(ld, &t->at, "the expectation at %s is empty; write it, or remove the key",
					    lc_load_quote_str(ld, lv->id));
				continue;
			}
			c->text[lv->index] = text;
			c->text_at[lv->index] = t->at;
		}
	}
	lc_load_check_competency_scope(ld, c);
	if (!ok)
		return;
	ladder_competency *prev = lc_idmap_put(comp_ids, c->id.s, c->id.len, c);
	if (prev == (void *)comp_ids)
		lc_load_oom(ld);
	if (prev) {
		dup_error(ld, &v[CK_ID]->at, &prev->at, "competency", c->id);
		return;
	}
	c->pos = (uint32_t)comps->n;
	lc_load_vec_push(ld, comps, c);
}

/* `scope` holds the group ids a new group must not reuse. */
static ladder_group *build_group(loader *ld, const lc_yt_node *n, ladder_role *r, lc_idmap *scope,
                                 lc_idmap *comp_ids)
{
	lc_yt_node *v[GK_N];
	if (!lc_load_walk_map(ld, n, "a group", lc_load_group_keys, v, NULL))
		return NULL;
	ladder_group *g = lc_load_alloc(ld, 1, sizeof *g);
	g->at = n->at;
	g->role = r;
	int ok = lc_load_require(ld, n, v[GK_ID], "id", "a group") && lc_load_get_id(ld, v[GK_ID], "a group's 'id'", &g->id);
	if (lc_load_require(ld, n, v[GK_NAME], "name", "a group"))
		lc_load_get_text(ld, v[GK_NAME], "a group's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &g->name);
	lc_load_get_text(ld, v[GK_DESCRIPTION], "a group's 'description'", 0, &g->description);
	g->expectations_written = lc_load_get_expectations(ld, v[GK_EXPECTATIONS], "a group's 'expectations'");
	lc_load_group_scope(ld, g, v[GK_ROLES], v[GK_FAMILIES]);
	if (ok) {
		ladder_group *prev = lc_idmap_get(&ld->groups, g->id.s, g->id.len);
		if (r && prev) {
			lc_load_err(ld, &v[GK_ID]->at, "group id %s is already a company-wide group; give the role's group its own id",
			    lc_load_quote_str(ld, g->id));
			lc_load_note(ld, &prev->at, "the company-wide group %s is defined here", lc_load_quote_str(ld, g->id));
			ok = 0;
		} else {
			prev = lc_idmap_put(scope, g->id.s, g->id.len, g);
			if (prev == (void *)scope)
				lc_load_oom(ld);
			if (prev) {
				dup_error(ld, &v[GK_ID]->at, &prev->at, "group", g->id);
				ok = 0;
			}
		}
	}
	vec comps = {0};
	if (lc_load_require(ld, n, v[GK_COMPETENCIES], "competencies", "a group") &&
	    lc_load_want(ld, v[GK_COMPETENCIES], LC_YT_SEQ, "'competencies'")) {
		for (uint32_t i = 0; i < v[GK_COMPETENCIES]->count; i++)
			build_competency(ld, g, v[GK_COMPETENCIES]->items[i], comp_ids, &comps);
	}
	g->competencies = (ladder_competency **)lc_load_vec_finish(ld, &comps, &g->ncompetencies);
	free(comps.items);
	return ok ? g : NULL;
}

/* ---- roles -------------------------------------------------------------- */

const char *const lc_load_role_keys[] = {"id", "name", "family", "description", "tracks", "levels", "titles", "groups", NULL};
enum { RK_ID, RK_NAME, RK_FAMILY, RK_DESCRIPTION, RK_TRACKS, RK_LEVELS, RK_TITLES, RK_GROUPS, RK_N };

unsigned char *lc_load_track_set(loader *ld, const lc_yt_node *v, const char *what)
{
	ladder *l = ld->l;
	if (!lc_load_want(ld, v, LC_YT_SEQ, what))
		return NULL;
	unsigned char *taken = calloc(l->ntracks + 1, 1);
	if (!taken)
		lc_load_oom(ld);
	for (uint32_t i = 0; i < v->count; i++) {
		const lc_yt_node *k = v->items[i];
		ladder_str id;
		if (!lc_load_get_id(ld, k, "a track id", &id))
			continue;
		ladder_track *t = lc_idmap_get(&ld->tracks, id.s, id.len);
		if (!t) {
			lc_load_err(ld, &k->at, "%s is not a track of this ladder%s", lc_load_quote_str(ld, id),
			            lc_load_did_you_mean(ld, id.s, id.len, l->tracks, l->ntracks, track_id));
			continue;
		}
		if (taken[t->index]) {
			lc_load_err(ld, &k->at, "track %s is listed twice", lc_load_quote_str(ld, id));
			continue;
		}
		taken[t->index] = 1;
	}
	return taken;
}

static void build_role_tracks(loader *ld, ladder_role *r, const lc_yt_node *v)
{
	ladder *l = ld->l;
	r->tracks = lc_load_alloc(ld, l->ntracks, sizeof *r->tracks);
	if (!v || lc_yt_is_null(v)) {
		for (size_t i = 0; i < l->ntracks; i++)
			r->tracks[i] = l->tracks[i];
		r->ntracks = l->ntracks;
		return;
	}
	r->tracks_given = 1;
	unsigned char *taken = lc_load_track_set(ld, v, "a role's 'tracks'");
	if (!taken)
		return;
	/* tracks in ladder order, whatever order the role lists them in */
	for (size_t i = 0; i < l->ntracks; i++)
		if (taken[i])
			r->tracks[r->ntracks++] = l->tracks[i];
	for (size_t i = 0; i < r->ntracks; i++) {
		const ladder_track *t = r->tracks[i];
		if (t->from && !taken[t->from->track->index])
			lc_load_err(ld, &v->at, "role %s takes track %s but not track %s, which %s continues from",
			    lc_load_quote_str(ld, r->id), lc_load_quote_str(ld, t->id), lc_load_quote_str(ld, t->from->track->id), lc_load_quote_str(ld, t->id));
	}
	free(taken);
}

/* The role's levels must be contiguous along each chain: walking a matrix
 * track's whole chain upwards, once the role's levels start they may not stop
 * and start again. */
static void check_levels_contiguous(loader *ld, const ladder_role *r, const lc_yt_node *v, const ladder_level **chain)
{
	for (size_t i = 0; i < r->ntracks; i++) {
		const ladder_track *t = r->tracks[i];
		size_t n = t->from ? ladder_chain(t->from, chain) : 0;
		for (size_t k = 0; k < t->nlevels; k++)
			chain[n++] = t->levels[k];
		const ladder_level *last_in = NULL, *gap = NULL;
		for (size_t k = 0; k < n; k++) {
			if (r->in_levels[chain[k]->index]) {
				if (gap) {
					lc_load_err(ld, &v->at, "the levels of role %s skip %s between %s and %s: a role's levels must follow each other along each chain",
					    lc_load_quote_str(ld, r->id), lc_load_quote_str(ld, gap->id), lc_load_quote_str(ld, last_in->id),
					    lc_load_quote_str(ld, chain[k]->id));
					return;
				}
				last_in = chain[k];
			} else if (last_in && !gap) {
				gap = chain[k];
			}
		}
	}
}

/* `levels: [LEVEL...]`: the role exists only at those levels. Tracks that
 * hold none of them are dropped from the role's tracks. */
static void build_role_levels(loader *ld, ladder_role *r, const lc_yt_node *v)
{
	ladder *l = ld->l;
	if (!v || lc_yt_is_null(v) || !lc_load_want(ld, v, LC_YT_SEQ, "a role's 'levels'"))
		return;
	if (v->count == 0) {
		lc_load_err(ld, &v->at, "role %s has an empty 'levels' list; name its levels, or remove the key", lc_load_quote_str(ld, r->id));
		return;
	}
	r->in_levels = lc_load_alloc(ld, l->nlevels + 1, 1);
	for (uint32_t i = 0; i < v->count; i++) {
		const lc_yt_node *k = v->items[i];
		if (!lc_load_want(ld, k, LC_YT_SCALAR, "a level id"))
			continue;
		const ladder_level *lv = lc_load_find_level(ld, k, "level");
		if (!lv)
			continue;
		if (!ladder_role_has_track_of(r, lv)) {
			not_role_level(ld, &k->at, r, lv);
			continue;
		}
		if (r->in_levels[lv->index]) {
			lc_load_err(ld, &k->at, "level %s is listed twice", lc_load_quote_str(ld, lv->id));
			continue;
		}
		r->in_levels[lv->index] = 1;
	}
	size_t maxrank = 0;
	for (size_t i = 0; i < l->nlevels; i++)
		if (l->levels[i]->rank > maxrank)
			maxrank = l->levels[i]->rank;
	const ladder_level **chain = malloc((maxrank + 1) * sizeof *chain);
	if (!chain)
		lc_load_oom(ld);
	check_levels_contiguous(ld, r, v, chain);
	free(chain);
	size_t kept = 0;
	for (size_t i = 0; i < r->ntracks; i++) {
		int holds = 0;
		for (size_t k = 0; k < r->tracks[i]->nlevels && !holds; k++)
			holds = r->in_levels[r->tracks[i]->levels[k]->index];
		if (holds)
			r->tracks[kept++] = r->tracks[i];
	}
	r->ntracks = kept;
}

void lc_load_build_role(loader *ld, const lc_yt_node *n)
{
	lc_yt_node *v[RK_N];
	if (!lc_load_walk_map(ld, n, "a role", lc_load_role_keys, v, NULL))
		return;
	ladder *l = ld->l;
	if (!charge_cells(ld, &n->at, "role"))
		return;
	ladder_role *r = lc_load_alloc(ld, 1, sizeof *r);
	r->at = n->at;
	int ok = lc_load_require(ld, n, v[RK_ID], "id", "a role") && lc_load_get_id(ld, v[RK_ID], "a role's 'id'", &r->id);
	if (lc_load_require(ld, n, v[RK_NAME], "name", "a role"))
		lc_load_get_text(ld, v[RK_NAME], "a role's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &r->name);
	lc_load_get_text(ld, v[RK_FAMILY], "a role's 'family'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &r->family);
	if (ok) {
		ladder_role *prev = lc_idmap_put(&ld->roles, r->id.s, r->id.len, r);
		if (prev == (void *)&ld->roles)
			lc_load_oom(ld);
		if (prev) {
			dup_error(ld, &v[RK_ID]->at, &prev->at, "role", r->id);
			ok = 0;
		}
	}
	if (!r->name.s)
		r->name = r->id;
	lc_load_get_text(ld, v[RK_DESCRIPTION], "a role's 'description'", 0, &r->description);
	build_role_tracks(ld, r, v[RK_TRACKS]);
	build_role_levels(ld, r, v[RK_LEVELS]);
	r->title_override = lc_load_alloc(ld, l->nlevels, sizeof *r->title_override);
	r->title_override_at = lc_load_alloc(ld, l->nlevels, sizeof *r->title_override_at);
	r->title = lc_load_alloc(ld, l->nlevels, sizeof *r->title);
	const lc_yt_node *tv = v[RK_TITLES];
	if (tv && !lc_yt_is_null(tv) && lc_load_want(ld, tv, LC_YT_MAP, "a role's 'titles'")) {
		for (uint32_t i = 0; i < tv->count; i++) {
			const lc_yt_node *k = tv->items[2 * i], *t = tv->items[2 * i + 1];
			if (!lc_load_want(ld, k, LC_YT_SCALAR, "a level key"))
				continue;
			const ladder_level *lv = lc_load_find_level(ld, k, "title for level");
			if (!lv)
				continue;
			if (!ladder_role_has_level(r, lv)) {
				not_role_level(ld, &k->at, r, lv);
				continue;
			}
			if (lc_load_get_text(ld, t, "a title", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY,
			                     &r->title_override[lv->index]))
				r->title_override_at[lv->index] = t->at;
		}
	}
	const lc_yt_node *gv = v[RK_GROUPS];
	if (gv && !lc_yt_is_null(gv) && lc_load_want(ld, gv, LC_YT_SEQ, "a role's 'groups'")) {
		lc_idmap scope, comp_ids;
		lc_idmap_init(&scope);
		lc_idmap_init(&comp_ids);
		vec groups = {0};
		for (uint32_t i = 0; i < gv->count; i++) {
			ladder_group *g = build_group(ld, gv->items[i], r, &scope, &comp_ids);
			if (g)
				lc_load_vec_push(ld, &groups, g);
		}
		r->groups = (ladder_group **)lc_load_vec_finish(ld, &groups, &r->ngroups);
		free(groups.items);
		lc_idmap_free(&scope);
		lc_idmap_free(&comp_ids);
	}
	if (!ok)
		return;
	r->index = (uint32_t)ld->vroles.n;
	lc_load_vec_push(ld, &ld->vroles, r);
}

static ladder_str fill_rubric(loader *ld, ladder_str rubric, const ladder_role *r, int *missing_family)
{
	lc_buf b = LC_BUF_INIT;
	for (size_t i = 0; i < rubric.len; i++) {
		if (rubric.s[i] == '{') {
			if (rubric.len - i >= 6 && memcmp(rubric.s + i, "{role}", 6) == 0) {
				lc_buf_put(&b, r->name.s, r->name.len);
				i += 5;
				continue;
			}
			if (rubric.len - i >= 8 && memcmp(rubric.s + i, "{family}", 8) == 0) {
				if (r->family.s)
					lc_buf_put(&b, r->family.s, r->family.len);
				else
					*missing_family = 1;
				i += 7;
				continue;
			}
		}
		lc_buf_putc(&b, rubric.s[i]);
	}
	if (lc_buf_failed(&b))
		lc_load_oom(ld);
	ladder_str out = {lc_load_need(ld, lc_arena_memdup(ld->arena, b.data ? b.data : "", b.len)), b.len};
	lc_buf_free(&b);
	return out;
}

static void resolve_titles(loader *ld)
{
	ladder *l = ld->l;
	for (size_t i = 0; i < l->nroles; i++) {
		ladder_role *r = l->roles[i];
		int reported = 0;
		for (size_t t = 0; t < r->ntracks; t++) {
			const ladder_track *tr = r->tracks[t];
			for (size_t k = 0; k < tr->nlevels; k++) {
				const ladder_level *lv = tr->levels[k];
				ladder_str *out = &r->title[lv->index];
				if (!ladder_role_has_level(r, lv))
					continue;
				if (r->title_override[lv->index].s) {
					*out = r->title_override[lv->index];
				} else if (lv->no_title) {
					continue; /* the level gives no title: none is invented */
				} else if (lv->title.s) {
					int missing = 0;
					*out = fill_rubric(ld, lv->title, r, &missing);
					if (missing && !reported) {
						lc_load_err(ld, &r->at, "role %s has no 'family', but the title rubric of level %s uses {family}",
						    lc_load_quote_str(ld, r->id), lc_load_quote_str(ld, lv->id));
						lc_load_note(ld, &lv->title_at, "the rubric is here");
						reported = 1;
					}
				} else {
					lc_buf b = LC_BUF_INIT;
					lc_buf_put(&b, lv->name.s, lv->name.len);
					lc_buf_putc(&b, ' ');
					lc_buf_put(&b, r->name.s, r->name.len);
					if (lc_buf_failed(&b))
						lc_load_oom(ld);
					out->s = lc_load_need(ld, lc_arena_memdup(ld->arena, b.data, b.len));
					out->len = b.len;
					lc_buf_free(&b);
				}
			}
		}
	}
}

/* ---- promotion, paths, lint --------------------------------------------- */

const char *const lc_load_criteria_keys[] = {"min_average", "min_each", "time_in_level", "evidence",
                                             "scale", "into", NULL};
enum { PK_MIN_AVERAGE, PK_MIN_EACH, PK_TIME, PK_EVIDENCE, PK_SCALE, PK_INTO, PK_N };
const char *const lc_load_into_keys[] = {"min_average", "min_each", "time_in_level", "evidence", NULL};

static void build_criteria(loader *ld, lc_yt_node **v, double scale, ladder_criteria *c)
{
	if (v[PK_MIN_AVERAGE])
		lc_load_get_number(ld, v[PK_MIN_AVERAGE], "'min_average'", 0, 1, scale, &c->min_average);
	if (v[PK_MIN_EACH])
		lc_load_get_number(ld, v[PK_MIN_EACH], "'min_each'", 1, 1, scale, &c->min_each);
	lc_load_get_text(ld, v[PK_TIME], "'time_in_level'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &c->time_in_level);
	c->evidence = lc_load_get_text_list(ld, v[PK_EVIDENCE], "'evidence'", 0, &c->nevidence, NULL);
}

static void build_promotion(loader *ld, const lc_yt_node *n)
{
	ladder_promotion *p = &ld->l->promotion;
	if (!n || lc_yt_is_null(n))
		return;
	lc_yt_node *v[PK_N];
	if (!lc_load_walk_map(ld, n, "'promotion'", lc_load_criteria_keys, v, NULL))
		return;
	p->present = 1;
	p->at = n->at;
	p->defaults.at = n->at;
	double scale = 1e9;
	if (v[PK_SCALE] && lc_load_get_number(ld, v[PK_SCALE], "'scale'", 1, 2, 100, &p->scale))
		scale = p->scale.value;
	else if (!v[PK_SCALE] && (v[PK_MIN_AVERAGE] || v[PK_MIN_EACH]))
		lc_load_err(ld, &n->at, "'promotion' sets minimum ratings but no 'scale' (ratings run 1..scale)");
	build_criteria(ld, v, scale, &p->defaults);
	const lc_yt_node *into = v[PK_INTO];
	if (!into || lc_yt_is_null(into) || !lc_load_want(ld, into, LC_YT_MAP, "'into'"))
		return;
	p->into = lc_load_alloc(ld, into->count, sizeof *p->into);
	for (uint32_t i = 0; i < into->count; i++) {
		const lc_yt_node *k = into->items[2 * i], *e = into->items[2 * i + 1];
		if (!lc_load_want(ld, k, LC_YT_SCALAR, "a level key"))
			continue;
		const ladder_level *lv = lc_load_find_level(ld, k, "promotion into");
		if (!lv)
			continue;
		if (!lv->prev) {
			lc_load_err(ld, &k->at, "%s starts its chain: nobody is promoted into it", lc_load_quote_str(ld, lv->id));
			continue;
		}
		lc_yt_node *ev[PK_N] = {0};
		if (!lc_load_walk_map(ld, e, "promotion criteria", lc_load_into_keys, ev, NULL))
			continue;
		ladder_promotion_into *pi = &p->into[p->ninto++];
		pi->level = lv;
		pi->criteria.at = k->at;
		if ((ev[PK_MIN_AVERAGE] || ev[PK_MIN_EACH]) && !v[PK_SCALE])
			lc_load_err(ld, &k->at, "criteria for %s set minimum ratings but 'promotion' has no 'scale'", lc_load_quote_str(ld, lv->id));
		build_criteria(ld, ev, scale, &pi->criteria);
	}
}

const char *const lc_load_path_keys[] = {"from", "to", "transferable", "gaps", NULL};
enum { XK_FROM, XK_TO, XK_TRANSFERABLE, XK_GAPS, XK_N };

static const ladder_role *path_role(loader *ld, const lc_yt_node *map, const lc_yt_node *v, const char *key)
{
	ladder_str id;
	if (!lc_load_require(ld, map, v, key, "a path") || !lc_load_get_id(ld, v, key[0] == 'f' ? "'from'" : "'to'", &id))
		return NULL;
	const ladder_role *r = lc_idmap_get(&ld->roles, id.s, id.len);
	if (r)
		return r;
	lc_load_err(ld, &v->at, "%s is not a role of this ladder%s", lc_load_quote_str(ld, id),
	            lc_load_did_you_mean(ld, id.s, id.len, ld->l->roles, ld->l->nroles, role_id));
	return NULL;
}

static void build_paths(loader *ld, size_t total)
{
	ladder *l = ld->l;
	l->paths = lc_load_alloc(ld, total, sizeof *l->paths);
	lc_idmap seen;
	lc_idmap_init(&seen);
	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *ps = ld->units[u]->paths;
		if (!ps || lc_yt_is_null(ps) || !lc_load_want(ld, ps, LC_YT_SEQ, "'paths'"))
			continue;
		for (uint32_t i = 0; i < ps->count; i++) {
			const lc_yt_node *n = ps->items[i];
			lc_yt_node *v[XK_N];
			if (!lc_load_walk_map(ld, n, "a path", lc_load_path_keys, v, NULL))
				continue;
			ladder_path p = {0};
			p.at = n->at;
			p.from = path_role(ld, n, v[XK_FROM], "from");
			p.to = path_role(ld, n, v[XK_TO], "to");
			p.transferable = lc_load_get_text_list(ld, v[XK_TRANSFERABLE], "'transferable'", T_ONE_LINE | T_NO_CONTROL,
			                                       &p.ntransferable, NULL);
			p.gaps = lc_load_get_text_list(ld, v[XK_GAPS], "'gaps'", T_ONE_LINE | T_NO_CONTROL, &p.ngaps, NULL);
			if (!p.from || !p.to)
				continue;
			if (p.from == p.to) {
				lc_load_err(ld, &n->at, "a path leads from role %s to itself", lc_load_quote_str(ld, p.from->id));
				continue;
			}
			/* key "from\0to" in the arena */
			size_t kl = p.from->id.len + 1 + p.to->id.len;
			char *key = lc_load_alloc(ld, kl + 1, 1);
			memcpy(key, p.from->id.s, p.from->id.len);
			memcpy(key + p.from->id.len + 1, p.to->id.s, p.to->id.len);
			ladder_path *prev = lc_idmap_get(&seen, key, kl);
			if (prev) {
				lc_load_err(ld, &n->at, "the path from %s to %s is given twice", lc_load_quote_str(ld, p.from->id), lc_load_quote_str(ld, p.to->id));
				lc_load_note(ld, &prev->at, "first given here");
				continue;
			}
			l->paths[l->npaths] = p;
			if (lc_idmap_put(&seen, key, kl, &l->paths[l->npaths]) == &seen) {
				lc_idmap_free(&seen);
				lc_load_oom(ld);
			}
			l->npaths++;
		}
	}
	lc_idmap_free(&seen);
}

const char *const lc_load_lint_keys[] = {"disable", "vague", NULL};

static void build_lint(loader *ld, const lc_yt_node *n)
{
	ladder_lint_config *lc = &ld->l->lint;
	if (!n || lc_yt_is_null(n))
		return;
	lc_yt_node *v[2];
	if (!lc_load_walk_map(ld, n, "'lint'", lc_load_lint_keys, v, NULL))
		return;
	lc->at = n->at;
	lc->disable = lc_load_get_text_list(ld, v[0], "'disable'", T_ONE_LINE | T_NO_CONTROL, &lc->ndisable, &lc->disable_at);
	lc->vague = lc_load_get_text_list(ld, v[1], "'vague'", T_ONE_LINE | T_NO_CONTROL, &lc->nvague, NULL);
}

/* ---- the whole model ----------------------------------------------------- */

static size_t seq_count(const lc_yt_node *n)
{
	return n && n->kind == LC_YT_SEQ ? n->count : 0;
}

/* Tracks, levels and company-wide groups: what a role refers to. */
void lc_load_build_globals(loader *ld)
{
	ladder *l = ld->l;
	lc_load_build_proficiency(ld);
	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *ts = ld->units[u]->tracks;
		if (ts && !lc_yt_is_null(ts) && lc_load_want(ld, ts, LC_YT_SEQ, "'tracks'"))
			for (uint32_t i = 0; i < ts->count; i++)
				build_track(ld, ts->items[i]);
	}
	l->tracks = (ladder_track **)lc_load_vec_finish(ld, &ld->vtracks, &l->ntracks);
	l->levels = (ladder_level **)lc_load_vec_finish(ld, &ld->vlevels, &l->nlevels);
	if (ld->units[0]->root && ld->units[0]->tracks && l->ntracks == 0 && ld->diags->errors == 0)
		lc_load_err(ld, &ld->units[0]->tracks->at, "the ladder has no tracks");
	resolve_tracks(ld);

	lc_idmap comp_ids;
	lc_idmap_init(&comp_ids);
	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *gs = ld->units[u]->groups;
		if (!gs || lc_yt_is_null(gs) || !lc_load_want(ld, gs, LC_YT_SEQ, "'groups'"))
			continue;
		for (uint32_t i = 0; i < gs->count; i++) {
			ladder_group *g = build_group(ld, gs->items[i], NULL, &ld->groups, &comp_ids);
			if (g)
				lc_load_vec_push(ld, &ld->vgroups, g);
		}
	}
	lc_idmap_free(&comp_ids);
	l->groups = (ladder_group **)lc_load_vec_finish(ld, &ld->vgroups, &l->ngroups);
}

/* A role's competency may reuse the id of a company-wide one (they are in
 * different scopes); its anchors then name its group, so that no page holds
 * two elements with one id. Every other anchor stays as it always was. */
static void mark_anchor_groups(loader *ld)
{
	ladder *l = ld->l;
	lc_idmap global;
	lc_idmap_init(&global);
	for (size_t g = 0; g < l->ngroups; g++)
		for (size_t c = 0; c < l->groups[g]->ncompetencies; c++) {
			ladder_competency *comp = l->groups[g]->competencies[c];
			if (lc_idmap_put(&global, comp->id.s, comp->id.len, comp) == (void *)&global) {
				lc_idmap_free(&global);
				lc_load_oom(ld);
			}
		}
	for (size_t r = 0; global.count && r < l->nroles; r++)
		for (size_t g = 0; g < l->roles[r]->ngroups; g++) {
			const ladder_group *grp = l->roles[r]->groups[g];
			for (size_t c = 0; c < grp->ncompetencies; c++) {
				ladder_competency *comp = grp->competencies[c];
				comp->anchor_group = lc_idmap_get(&global, comp->id.s, comp->id.len) != NULL;
			}
		}
	lc_idmap_free(&global);
}

/* Every competency's mode: the nearest written value (ladder.h). Once the
 * whole ladder is read, so the order files and roles come in does not matter. */
static void resolve_expectations_of(const ladder *l, ladder_group *const *groups, size_t ngroups)
{
	for (size_t g = 0; g < ngroups; g++)
		for (size_t i = 0; i < groups[g]->ncompetencies; i++) {
			ladder_competency *c = groups[g]->competencies[i];
			c->expectations = ladder_expectations_resolve(l->expectations_written,
			                                              groups[g]->expectations_written,
			                                              c->expectations_written);
		}
}

static void resolve_expectations(ladder *l)
{
	resolve_expectations_of(l, l->groups, l->ngroups);
	for (size_t r = 0; r < l->nroles; r++)
		resolve_expectations_of(l, l->roles[r]->groups, l->roles[r]->ngroups);
}

/* Everything from the trees: roles after what they refer to. */
void lc_load_build_model(loader *ld)
{
	ladder *l = ld->l;
	size_t npaths = 0;
	for (size_t u = 0; u < ld->nunits; u++)
		npaths += seq_count(ld->units[u]->paths);
	if (!ld->globals_built) /* else streaming built them (src/load_stream.c) */
		lc_load_build_globals(ld);

	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *rs = ld->units[u]->roles;
		if (!rs || lc_yt_is_null(rs) || !lc_load_want(ld, rs, LC_YT_SEQ, "'roles'"))
			continue;
		for (uint32_t i = 0; i < rs->count; i++)
			lc_load_build_role(ld, rs->items[i]);
	}
	l->roles = (ladder_role **)lc_load_vec_finish(ld, &ld->vroles, &l->nroles);
	mark_anchor_groups(ld);
	lc_load_resolve_group_scopes(ld);
	resolve_titles(ld);
	resolve_expectations(l);
	build_promotion(ld, ld->promotion);
	build_paths(ld, npaths);
	build_lint(ld, ld->lint);
}
