/* The ladder of --into written again with the table's texts (import_into.h).
 * Everything goes through libyaml's emitter; keys in the format's order. */
#include "import_into.h"

#include <string.h>

static void key(lc_yaml_writer *w, const char *k)
{
	lc_yaml_scalar(w, k);
}

/* A name-like value, when present. */
static void name(lc_yaml_writer *w, const char *k, ladder_str s)
{
	if (!s.s)
		return;
	key(w, k);
	lc_yaml_text(w, s.s, s.len);
}

/* A text value (may span lines), when present. */
static void text(lc_yaml_writer *w, const char *k, ladder_str s)
{
	if (!s.s)
		return;
	key(w, k);
	lc_yaml_long_text(w, s.s, s.len);
}

static void number(lc_yaml_writer *w, const char *k, const ladder_number *n)
{
	if (!n->present)
		return;
	key(w, k);
	lc_yaml_scalar_styled(w, n->text.s, n->text.len, YAML_PLAIN_SCALAR_STYLE);
}

static void expectations(lc_yaml_writer *w, ladder_expectations e)
{
	const char *s = ladder_expectations_name(e);
	if (s && e != LADDER_EXPECTATIONS_INHERIT)
		lc_yaml_pair(w, "expectations", s);
}

static void str_list(lc_yaml_writer *w, const char *k, const ladder_str *items, size_t n, int long_text)
{
	if (!n)
		return;
	key(w, k);
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < n; i++) {
		if (long_text)
			lc_yaml_long_text(w, items[i].s, items[i].len);
		else
			lc_yaml_text(w, items[i].s, items[i].len);
	}
	lc_yaml_seq_end(w);
}

static void tracks(lc_yaml_writer *w, const ladder *l)
{
	key(w, "tracks");
	lc_yaml_seq_start(w);
	for (size_t t = 0; t < l->ntracks; t++) {
		const ladder_track *tr = l->tracks[t];
		lc_yaml_map_start(w);
		name(w, "id", tr->id);
		name(w, "name", tr->name);
		name(w, "from", tr->from_id);
		key(w, "levels");
		lc_yaml_seq_start(w);
		for (size_t k = 0; k < tr->nlevels; k++) {
			const ladder_level *lv = tr->levels[k];
			lc_yaml_map_start(w);
			name(w, "id", lv->id);
			name(w, "name", lv->name);
			if (lv->no_title)
				lc_yaml_pair(w, "title", "");
			else
				name(w, "title", lv->title);
			text(w, "summary", lv->summary);
			lc_yaml_map_end(w);
		}
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
}

static const lc_import_fill *fill_of(const ladder_competency *c, const lc_import_fill *fills, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fills[i].c == c)
			return &fills[i];
	return NULL;
}

static void competency(lc_yaml_writer *w, const ladder *l, const ladder_competency *c, const lc_import_fill *f)
{
	lc_yaml_map_start(w);
	name(w, "id", c->id);
	name(w, "name", c->name);
	text(w, "description", c->description);
	expectations(w, c->expectations_written);
	if (c->nlinks) {
		key(w, "links");
		lc_yaml_seq_start(w);
		for (size_t i = 0; i < c->nlinks; i++) {
			lc_yaml_map_start(w);
			name(w, "name", c->links[i].name);
			name(w, "url", c->links[i].url);
			lc_yaml_map_end(w);
		}
		lc_yaml_seq_end(w);
	}
	str_list(w, "x-lint-disable", c->lint_disable, c->nlint_disable, 0);
	if (c->tracks) {
		key(w, "tracks");
		lc_yaml_seq_start(w);
		for (size_t i = 0; i < c->ntracks; i++)
			lc_yaml_text(w, c->tracks[i]->id.s, c->tracks[i]->id.len);
		lc_yaml_seq_end(w);
	}
	if (c->starts_at)
		name(w, "starts_at", c->starts_at->id);
	key(w, "levels");
	lc_yaml_map_start(w);
	for (size_t k = 0; k < l->nlevels; k++) {
		/* c->detail has an entry for every level, zeroed where the cell is
		 * plain text or none; a mapping has a text or a proficiency */
		const ladder_cell_detail *d =
			c->detail && (c->detail[k].text_given || c->detail[k].proficiency) ? &c->detail[k] : NULL;
		ladder_str s = c->text[k];
		const ladder_proficiency *p = d ? d->proficiency : NULL;
		const ladder_str *ex = d ? d->examples : NULL;
		size_t nex = d ? d->nexamples : 0;
		int text_given = !d || d->text_given;
		if (f && f->text[k]) {
			/* a text from the table is written even where the cell had none,
			 * unless it is the proficiency alone */
			s = (ladder_str){f->text[k], f->len[k]};
			text_given = f->len[k] > 0;
		}
		if (f && f->details && f->details[k]) {
			p = f->proficiency[k];
			ex = f->examples[k].items;
			nex = f->examples[k].n;
		}
		int mapping = p || nex || !text_given;
		if (!s.s && !mapping)
			continue;
		lc_yaml_scalar_styled(w, l->levels[k]->id.s, l->levels[k]->id.len, YAML_ANY_SCALAR_STYLE);
		if (!mapping) {
			lc_yaml_long_text(w, s.s, s.len);
			continue;
		}
		/* a cell with a proficiency or examples: {text, proficiency, examples} */
		lc_yaml_map_start(w);
		if (s.s && text_given)
			text(w, "text", s);
		if (p)
			name(w, "proficiency", p->id);
		str_list(w, "examples", ex, nex, 1);
		lc_yaml_map_end(w);
	}
	lc_yaml_map_end(w);
	lc_yaml_map_end(w);
}

static void groups(lc_yaml_writer *w, const ladder *l, ladder_group *const *g, size_t n,
                   const lc_import_fill *fills, size_t nfills)
{
	if (!n)
		return;
	key(w, "groups");
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < n; i++) {
		lc_yaml_map_start(w);
		name(w, "id", g[i]->id);
		name(w, "name", g[i]->name);
		text(w, "description", g[i]->description);
		expectations(w, g[i]->expectations_written);
		str_list(w, "roles", g[i]->roles, g[i]->nroles, 0);
		str_list(w, "families", g[i]->families, g[i]->nfamilies, 0);
		key(w, "competencies");
		lc_yaml_seq_start(w);
		for (size_t j = 0; j < g[i]->ncompetencies; j++)
			competency(w, l, g[i]->competencies[j], fill_of(g[i]->competencies[j], fills, nfills));
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
}

static void role(lc_yaml_writer *w, const ladder *l, const ladder_role *r, const lc_import_fill *fills,
                 size_t nfills)
{
	lc_yaml_map_start(w);
	name(w, "id", r->id);
	name(w, "name", r->name);
	name(w, "family", r->family);
	text(w, "description", r->description);
	if (r->tracks_given) {
		/* its tracks and the tracks they continue from: a role's tracks are
		 * closed under `from` (with `levels:`, r->tracks holds only some) */
		key(w, "tracks");
		lc_yaml_seq_start(w);
		for (size_t t = 0; t < l->ntracks; t++) {
			int on = 0;
			for (size_t i = 0; i < r->ntracks && !on; i++)
				for (const ladder_track *x = r->tracks[i]; x && !on; x = x->from ? x->from->track : NULL)
					on = x == l->tracks[t];
			if (on)
				lc_yaml_text(w, l->tracks[t]->id.s, l->tracks[t]->id.len);
		}
		lc_yaml_seq_end(w);
	}
	if (r->in_levels) {
		key(w, "levels");
		lc_yaml_seq_start(w);
		for (size_t k = 0; k < l->nlevels; k++)
			if (r->in_levels[k])
				lc_yaml_text(w, l->levels[k]->id.s, l->levels[k]->id.len);
		lc_yaml_seq_end(w);
	}
	size_t ntitles = 0;
	for (size_t k = 0; k < l->nlevels; k++)
		ntitles += r->title_override[k].s != NULL;
	if (ntitles) {
		key(w, "titles");
		lc_yaml_map_start(w);
		for (size_t k = 0; k < l->nlevels; k++)
			if (r->title_override[k].s) {
				lc_yaml_scalar_styled(w, l->levels[k]->id.s, l->levels[k]->id.len, YAML_ANY_SCALAR_STYLE);
				lc_yaml_text(w, r->title_override[k].s, r->title_override[k].len);
			}
		lc_yaml_map_end(w);
	}
	groups(w, l, r->groups, r->ngroups, fills, nfills);
	lc_yaml_map_end(w);
}

static void criteria(lc_yaml_writer *w, const ladder_criteria *c)
{
	number(w, "min_average", &c->min_average);
	number(w, "min_each", &c->min_each);
	name(w, "time_in_level", c->time_in_level);
	str_list(w, "evidence", c->evidence, c->nevidence, 1);
}

static void promotion(lc_yaml_writer *w, const ladder_promotion *p)
{
	if (!p->present)
		return;
	key(w, "promotion");
	lc_yaml_map_start(w);
	number(w, "scale", &p->scale);
	criteria(w, &p->defaults);
	if (p->ninto) {
		key(w, "into");
		lc_yaml_map_start(w);
		for (size_t i = 0; i < p->ninto; i++) {
			lc_yaml_scalar_styled(w, p->into[i].level->id.s, p->into[i].level->id.len, YAML_ANY_SCALAR_STYLE);
			lc_yaml_map_start(w);
			criteria(w, &p->into[i].criteria);
			lc_yaml_map_end(w);
		}
		lc_yaml_map_end(w);
	}
	lc_yaml_map_end(w);
}

static void paths(lc_yaml_writer *w, const ladder *l)
{
	if (!l->npaths)
		return;
	key(w, "paths");
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < l->npaths; i++) {
		const ladder_path *p = &l->paths[i];
		lc_yaml_map_start(w);
		name(w, "from", p->from->id);
		name(w, "to", p->to->id);
		str_list(w, "transferable", p->transferable, p->ntransferable, 0);
		str_list(w, "gaps", p->gaps, p->ngaps, 0);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
}

static void lint(lc_yaml_writer *w, const ladder_lint_config *c)
{
	if (!c->ndisable && !c->nvague)
		return;
	key(w, "lint");
	lc_yaml_map_start(w);
	str_list(w, "disable", c->disable, c->ndisable, 0);
	str_list(w, "vague", c->vague, c->nvague, 0);
	lc_yaml_map_end(w);
}

void lc_import_into_write(const ladder *l, const lc_import_fill *fills, size_t nfills, lc_yaml_writer *w)
{
	lc_yaml_map_start(w);
	key(w, "ladder");
	lc_yaml_scalar(w, "1");
	name(w, "id", l->id);
	name(w, "name", l->name);
	name(w, "title", l->title);
	name(w, "updated", l->updated);
	text(w, "intro", l->intro);
	expectations(w, l->expectations_written);
	if (l->nproficiency) {
		key(w, "proficiency");
		lc_yaml_seq_start(w);
		for (size_t i = 0; i < l->nproficiency; i++) {
			lc_yaml_map_start(w);
			name(w, "id", l->proficiency[i].id);
			name(w, "name", l->proficiency[i].name);
			text(w, "description", l->proficiency[i].description);
			lc_yaml_map_end(w);
		}
		lc_yaml_seq_end(w);
	}
	tracks(w, l);
	groups(w, l, l->groups, l->ngroups, fills, nfills);
	if (l->nroles) {
		key(w, "roles");
		lc_yaml_seq_start(w);
		for (size_t i = 0; i < l->nroles; i++)
			role(w, l, l->roles[i], fills, nfills);
		lc_yaml_seq_end(w);
	}
	promotion(w, &l->promotion);
	paths(w, l);
	lint(w, &l->lint);
	lc_yaml_map_end(w);
}
