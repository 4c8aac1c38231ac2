/* The diff as JSON, for programs: the suggested bump, the summary, and every
 * change with its path, subject, bump, label and old and new values (a move:
 * where from and where to). Strings go through the JSON writer (json.h) and
 * its escaper. See docs/diff.md. */
#include "diff_emit.h"

#include "json.h"

static void json_ids(lc_json *j, const ladder_str *ids, size_t n)
{
	lc_json_array(j);
	for (size_t i = 0; i < n; i++)
		lc_json_str(j, ids[i]);
	lc_json_end_array(j);
}

/* an id, or null */
static void json_id(lc_json *j, const char *id)
{
	if (id)
		lc_json_cstring(j, id);
	else
		lc_json_null(j);
}

static const char *subject_name(lc_change_subject s)
{
	switch (s) {
	case LC_SUBJECT_LADDER: return "ladder";
	case LC_SUBJECT_TRACK: return "track";
	case LC_SUBJECT_LEVEL: return "level";
	case LC_SUBJECT_GROUP: return "group";
	case LC_SUBJECT_COMPETENCY: return "competency";
	case LC_SUBJECT_EXPECTATION: return "expectation";
	case LC_SUBJECT_ROLE: return "role";
	case LC_SUBJECT_TITLE: return "title";
	case LC_SUBJECT_PROMOTION: return "promotion";
	case LC_SUBJECT_PATH: return "path";
	case LC_SUBJECT_PROFICIENCY: return "proficiency";
	case LC_SUBJECT_EXAMPLES: return "examples";
	case LC_SUBJECT_SCOPE: return "scope";
	}
	return "?";
}

static void json_place(lc_json *j, ladder_str path, uint32_t pos)
{
	lc_json_object(j);
	lc_json_key(j, "path");
	lc_json_str(j, path);
	lc_json_key(j, "position");
	lc_json_int(j, pos);
	lc_json_end_object(j);
}

/* "expectations": {"levels": [...], "roles": [...]}: where they change */
static void json_affected(lc_json *j, const char *what, const ladder_str *levels, size_t nlevels,
                          const ladder_str *roles, size_t nroles)
{
	lc_json_key(j, what);
	lc_json_object(j);
	lc_json_key(j, "levels");
	json_ids(j, levels, nlevels);
	lc_json_key(j, "roles");
	json_ids(j, roles, nroles);
	lc_json_end_object(j);
}

int lc_diff_emit_json(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	(void)o; /* JSON has no title and no colours */
	const lc_diff_summary *s = &d->summary;
	lc_json jv, *j = &jv;
	lc_json_init(j, out);
	lc_json_object(j);
	lc_json_key(j, "semver");
	lc_json_cstring(j, lc_bump_name(s->bump));
	if (d->filter.role || d->filter.track || d->filter.level) { /* what the changes were filtered to */
		lc_json_key(j, "filter");
		lc_json_object(j);
		lc_json_key(j, "role");
		json_id(j, d->filter.role);
		lc_json_key(j, "track");
		json_id(j, d->filter.track);
		lc_json_key(j, "level");
		json_id(j, d->filter.level);
		lc_json_end_object(j);
	}
	lc_json_key(j, "summary");
	lc_json_object(j);
	lc_json_key(j, "added");
	lc_json_int(j, (long long)s->added);
	lc_json_key(j, "removed");
	lc_json_int(j, (long long)s->removed);
	lc_json_key(j, "changed");
	lc_json_int(j, (long long)s->changed);
	lc_json_key(j, "moved");
	lc_json_int(j, (long long)s->moved);
	json_affected(j, "expectations", s->expectation_levels, s->nexpectation_levels, s->expectation_roles,
	              s->nexpectation_roles);
	json_affected(j, "titles", s->title_levels, s->ntitle_levels, s->title_roles, s->ntitle_roles);
	lc_json_end_object(j);
	lc_json_key(j, "changes");
	lc_json_array(j);
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		lc_json_object(j);
		lc_json_key(j, "change");
		lc_json_cstring(j, lc_change_kind_name(ch->kind));
		lc_json_key(j, "path");
		lc_json_str(j, ch->path);
		lc_json_key(j, "subject");
		lc_json_cstring(j, subject_name(ch->subject));
		lc_json_key(j, "semver");
		lc_json_cstring(j, lc_bump_name(ch->bump));
		lc_json_key(j, "label");
		lc_json_str(j, ch->label);
		if (ch->kind == LC_CHANGE_MOVED) {
			lc_json_key(j, "old");
			json_place(j, ch->old_path, ch->old_pos);
			lc_json_key(j, "new");
			json_place(j, ch->path, ch->new_pos);
		} else {
			lc_json_key(j, "old");
			lc_json_str(j, ch->old_value);
			lc_json_key(j, "new");
			lc_json_str(j, ch->new_value);
		}
		if (ch->competency) { /* what the added or removed competency expects */
			const ladder *l = ch->competency_ladder;
			lc_json_key(j, "levels");
			lc_json_object(j);
			for (size_t k = 0; k < l->nlevels; k++) {
				if (!ch->competency->text[k].s || (ch->competency_levels && !ch->competency_levels[k]))
					continue;
				lc_json_key_n(j, l->levels[k]->id.s, l->levels[k]->id.len);
				lc_json_str(j, ch->competency->text[k]);
			}
			lc_json_end_object(j);
		}
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
	lc_json_end_object(j);
	lc_json_finish(j);
	return 0;
}

