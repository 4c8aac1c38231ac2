/* Proficiency levels (`proficiency:` at the top level, lowest first) and the
 * cells that name them: an expectation written as a mapping
 * `{text, proficiency, examples}` instead of plain text (docs/format.md).
 * The list is built with the tracks and levels, before any competency. */
#include <stdint.h>
#include <string.h>

#include "ladderc/buf.h"
#include "load_internal.h"

const char *const lc_load_proficiency_keys[] = {"id", "name", "description", NULL};
enum { PRK_ID, PRK_NAME, PRK_DESCRIPTION, PRK_N };
const char *const lc_load_cell_keys[] = {"text", "proficiency", "examples", NULL};
enum { CEK_TEXT, CEK_PROFICIENCY, CEK_EXAMPLES, CEK_N };

static ladder_str proficiency_id(const void *set, size_t i)
{
	return ((const ladder_proficiency *)set)[i].id;
}

static void build_one(loader *ld, const lc_yt_node *n)
{
	ladder *l = ld->l;
	lc_yt_node *v[PRK_N];
	if (!lc_load_walk_map(ld, n, "a proficiency level", lc_load_proficiency_keys, v, NULL))
		return;
	ladder_proficiency *p = &l->proficiency[l->nproficiency];
	memset(p, 0, sizeof *p);
	p->at = n->at;
	int ok = lc_load_require(ld, n, v[PRK_ID], "id", "a proficiency level") &&
	         lc_load_get_id(ld, v[PRK_ID], "a proficiency level's 'id'", &p->id);
	if (lc_load_require(ld, n, v[PRK_NAME], "name", "a proficiency level") &&
	    !lc_load_get_text(ld, v[PRK_NAME], "a proficiency level's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &p->name))
		ok = 0;
	lc_load_get_text(ld, v[PRK_DESCRIPTION], "a proficiency level's 'description'", 0, &p->description);
	if (!ok || !p->name.s)
		return;
	/* l->proficiency has room for every item: &l->proficiency[i] does not move */
	const ladder_proficiency *prev = lc_idmap_put(&ld->proficiencies, p->id.s, p->id.len, p);
	if (prev == (void *)&ld->proficiencies)
		lc_load_oom(ld);
	if (prev) {
		lc_load_err(ld, &v[PRK_ID]->at, "duplicate proficiency level id %s", lc_load_quote_str(ld, p->id));
		lc_load_note(ld, &prev->at, "proficiency level %s is first defined here", lc_load_quote_str(ld, p->id));
		return;
	}
	p->rank = (uint32_t)l->nproficiency + 1;
	l->nproficiency++;
}

void lc_load_build_proficiency(loader *ld)
{
	ladder *l = ld->l;
	const lc_yt_node *v = ld->proficiency;
	if (!v || lc_yt_is_null(v) || !lc_load_want(ld, v, LC_YT_SEQ, "'proficiency'"))
		return;
	l->proficiency_at = v->at;
	if (v->count == 0) {
		lc_load_err(ld, &v->at, "the 'proficiency' list is empty; name the proficiency levels, lowest first, or remove the key");
		return;
	}
	l->proficiency = lc_load_alloc(ld, v->count, sizeof *l->proficiency);
	for (uint32_t i = 0; i < v->count; i++)
		build_one(ld, v->items[i]);
}

/* "; did you mean 'x'?", or else the ids to choose from when they are few. */
static const char *known_or_suggestion(loader *ld, ladder_str id, lc_buf *known)
{
	const ladder *l = ld->l;
	const char *hint = lc_load_did_you_mean(ld, id.s, id.len, l->proficiency, l->nproficiency, proficiency_id);
	if (*hint || l->nproficiency > 12)
		return hint;
	lc_buf_puts(known, " (its proficiency levels are ");
	for (size_t i = 0; i < l->nproficiency; i++) {
		lc_buf_puts(known, i ? ", " : "");
		lc_buf_put(known, l->proficiency[i].id.s, l->proficiency[i].id.len);
	}
	lc_buf_putc(known, ')');
	if (lc_buf_failed(known)) {
		lc_buf_free(known);
		lc_load_oom(ld);
	}
	return known->data;
}

static const ladder_proficiency *find_proficiency(loader *ld, const lc_yt_node *v)
{
	ladder_str id;
	if (!lc_load_get_id(ld, v, "an expectation's 'proficiency'", &id))
		return NULL;
	const ladder_proficiency *p = lc_idmap_get(&ld->proficiencies, id.s, id.len);
	if (p)
		return p;
	const ladder *l = ld->l;
	lc_buf known = LC_BUF_INIT;
	if (l->nproficiency == 0)
		lc_load_err(ld, &v->at, "%s is not a proficiency level: the ladder names none (list them, lowest first, under the top-level 'proficiency:')",
		            lc_load_quote_str(ld, id));
	else
		lc_load_err(ld, &v->at, "%s is not a proficiency level of this ladder%s", lc_load_quote_str(ld, id),
		            known_or_suggestion(ld, id, &known));
	lc_buf_free(&known);
	return NULL;
}

int lc_load_cell(loader *ld, ladder_competency *c, const ladder_level *lv, const lc_yt_node *t, ladder_str *text)
{
	lc_yt_node *v[CEK_N];
	if (!lc_load_walk_map(ld, t, "an expectation", lc_load_cell_keys, v, NULL))
		return 0;
	ladder_cell_detail d;
	memset(&d, 0, sizeof d);
	int ok = 1;
	if (v[CEK_TEXT]) {
		/* T_NONEMPTY: an empty or null text is reported */
		if (lc_load_get_text(ld, v[CEK_TEXT], "an expectation's 'text'", T_NONEMPTY, text))
			d.text_given = 1;
		else
			ok = 0;
	}
	if (v[CEK_PROFICIENCY] && !lc_yt_is_null(v[CEK_PROFICIENCY])) {
		d.proficiency = find_proficiency(ld, v[CEK_PROFICIENCY]);
		d.proficiency_at = v[CEK_PROFICIENCY]->at;
		if (!d.proficiency)
			ok = 0;
	}
	d.examples = lc_load_get_text_list(ld, v[CEK_EXAMPLES], "an expectation's 'examples'", 0, &d.nexamples, &d.examples_at);
	if (!ok)
		return 0;
	if (!d.text_given && !d.proficiency) {
		lc_load_err(ld, &t->at, "the expectation at %s has neither 'text' nor 'proficiency'; write at least one",
		            lc_load_quote_str(ld, lv->id));
		return 0;
	}
	if (!d.text_given) /* the proficiency alone is the expectation */
		*text = d.proficiency->name;
	if (!c->detail)
		c->detail = lc_load_alloc(ld, ld->l->nlevels, sizeof *c->detail);
	c->detail[lv->index] = d;
	return 1;
}
