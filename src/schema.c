/* The editor schema: a JSON Schema (draft 2020-12) of the ladder format, for
 * yaml-language-server and the editors built on it (docs/format.md, "Editor
 * support"). The keys of each mapping are the loader's own tables
 * (lc_load_*_keys): a key the loader learns and this file does not describe,
 * or the other way round, makes ladder_schema fail, and the tests with it.
 *
 * The schema says what can be said of one file: keys, the kind of each value,
 * id and text patterns, number ranges, required keys. What needs the whole
 * ladder (unique ids, references to levels and roles) stays with `check`.
 *
 * Scalars: the loader reads any scalar as text where text belongs (`name: no`
 * and `name: 2024` are text), so text accepts the strings, numbers and
 * booleans an editor's YAML 1.2 reading makes of them; `null` (or an empty
 * value) means "not given" where the loader allows that. */
#include <stddef.h>
#include <string.h>

#include "json.h"
#include "ladderc/lint.h"
#include "ladderc/load.h"
#include "load_internal.h"

/* ---- the values' definitions ($defs) ------------------------------------ */

/* Characters a one-line name may not hold (src/text.h): control characters,
 * U+2028/U+2029 and the bidi formatting characters. */
#define NOT_IN_NAME "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069"
/* one line of text without them; not only spaces */
#define NAME_PATTERN "^(?! *$)[^" NOT_IN_NAME "]*$"
#define LINE_PATTERN "^[^" NOT_IN_NAME "]*$"
#define ID_PATTERN "^[A-Za-z0-9][A-Za-z0-9_-]*$"
/* a title rubric: any '{' opens {role} or {family} */
/* a level's title: a name, or "" for a level that gives no title */
#define TITLE_PATTERN "^(?:|(?! *$)[^" NOT_IN_NAME "]*)$"
/* a link: http, https or mailto in any case, no spaces (src/load_model.c) */
#define URL_PATTERN "^(?:[Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)[^ ]+$"
#define RUBRIC_PATTERN "^(?:[^{]|\\{role\\}|\\{family\\})*$"

static void key_string(lc_json *j, const char *key, const char *value)
{
	lc_json_key(j, key);
	lc_json_cstring(j, value);
}

static void key_int(lc_json *j, const char *key, long long value)
{
	lc_json_key(j, key);
	lc_json_int(j, value);
}

/* "type": the space-separated JSON types in `types` (one, or an array). */
static void key_types(lc_json *j, const char *types)
{
	lc_json_key(j, "type");
	if (!strchr(types, ' ')) {
		lc_json_cstring(j, types);
		return;
	}
	lc_json_array(j);
	for (const char *p = types; *p;) {
		size_t n = strcspn(p, " ");
		lc_json_string(j, p, n);
		p += n + (p[n] == ' ');
	}
	lc_json_end_array(j);
}

static void key_ref(lc_json *j, const char *def)
{
	char ref[64];
	size_t n = strlen(def);
	if (n > sizeof ref - 9)
		n = sizeof ref - 9;
	memcpy(ref, "#/$defs/", 8);
	memcpy(ref + 8, def, n);
	ref[8 + n] = '\0';
	key_string(j, "$ref", ref);
}

/* The scalar types text takes, with "null" when it may be left out. */
#define TEXT_TYPES "string number boolean"

/* A leaf definition: a scalar with its types and the patterns it matches. */
typedef struct scalar_def {
	const char *name;
	const char *description;
	const char *types;
	const char *pattern;   /* or NULL */
	const char *pattern2;  /* a second pattern it must match too, or NULL */
} scalar_def;

static const scalar_def scalar_defs[] = {
	{"name", "One line of text, not empty, without control characters or invisible bidirectional controls.",
	 TEXT_TYPES, NAME_PATTERN, NULL},
	{"optional-name", "One line of text without control characters or invisible bidirectional controls; may be empty.",
	 TEXT_TYPES " null", LINE_PATTERN, NULL},
	{"text", "Text: may span lines and hold any character; every output escapes it. May be empty.",
	 TEXT_TYPES " null", NULL, NULL},
	{"nonempty-text", "Text: may span lines and hold any character; every output escapes it. Not empty.",
	 TEXT_TYPES, "[^ \\t\\n]", NULL},
	{"title-rubric", "A title rubric: one line; the placeholders {role} and {family} are replaced by the role's name "
	 "and family. A value starting with { must be quoted in YAML: \"{role} Lead\". \"\" (quoted and empty): "
	 "the level gives no title.",
	 TEXT_TYPES, TITLE_PATTERN, RUBRIC_PATTERN},
	{"url", "A link: an http, https or mailto URL, without spaces.", "string", URL_PATTERN, NAME_PATTERN},
	{"include-path", "A file path relative to the including file, inside the main file's directory.",
	 TEXT_TYPES, NAME_PATTERN, "^[^/]"},
	{"expectations-mode", "How each level's text relates to the ones below: cumulative (each level adds to "
	 "those below, the default) or restated (each level says the whole expectation; the text in force is "
	 "the level's own or the nearest below it). The nearest value written wins: competency, group, ladder.",
	 "string null", "^(cumulative|restated)$", NULL},
};

static void emit_scalar_def(lc_json *j, const scalar_def *d)
{
	lc_json_key(j, d->name);
	lc_json_object(j);
	key_string(j, "description", d->description);
	key_types(j, d->types);
	if (d->pattern2) {
		lc_json_key(j, "allOf");
		lc_json_array(j);
		const char *patterns[] = {d->pattern, d->pattern2};
		for (size_t i = 0; i < 2; i++) {
			lc_json_object(j);
			key_string(j, "pattern", patterns[i]);
			lc_json_end_object(j);
		}
		lc_json_end_array(j);
	} else if (d->pattern) {
		key_string(j, "pattern", d->pattern);
	}
	lc_json_end_object(j);
}

static void emit_id_def(lc_json *j)
{
	lc_json_key(j, "id");
	lc_json_object(j);
	key_string(j, "description", "An id: letters, digits, '-' and '_', starting with a letter or digit, at most "
	           "100 characters. Ids become anchors and file names.");
	key_types(j, "string integer");
	key_string(j, "pattern", ID_PATTERN);
	key_int(j, "maxLength", LC_LOAD_ID_MAX);
	key_int(j, "minimum", 0);
	lc_json_end_object(j);
}

static void emit_rule_def(lc_json *j)
{
	lc_json_key(j, "rule");
	lc_json_object(j);
	key_string(j, "description", "A lint rule (docs/rules.md).");
	key_types(j, "string");
	lc_json_key(j, "enum");
	lc_json_array(j);
	for (size_t i = 0; i < LC_LINT_NRULES; i++)
		lc_json_cstring(j, lc_lint_rules[i].id);
	lc_json_end_array(j);
	lc_json_end_object(j);
}

/* Numbers: the ranges build_promotion() (src/load_model.c) checks. */
typedef struct number_def {
	const char *name;
	const char *description;
	const char *type;
	int minimum, maximum;
} number_def;

static const number_def number_defs[] = {
	{"rating-scale", "A whole number from 2 to 100: ratings run from 1 to it.", "integer", 2, 100},
	{"rating", "A rating from 1 to the promotion's scale (digits with an optional fraction).", "number", 1, 100},
	{"whole-rating", "A whole rating from 1 to the promotion's scale.", "integer", 1, 100},
};

static void emit_number_def(lc_json *j, const number_def *d)
{
	lc_json_key(j, d->name);
	lc_json_object(j);
	key_string(j, "description", d->description);
	key_types(j, d->type);
	key_int(j, "minimum", d->minimum);
	key_int(j, "maximum", d->maximum);
	lc_json_end_object(j);
}

/* ---- the mappings: the loader's keys, described ------------------------- */

enum {
	REQUIRED = 1,   /* the loader requires it (in the main file, for the top level) */
	MAIN_ONLY = 2,  /* top level: only the main file may hold it */
	NULLABLE = 4,   /* null or empty means "not given" */
	LIST = 8,       /* a sequence of `def` */
	LEVEL_MAP = 16, /* a mapping from level id to `def` */
	NONEMPTY = 32,  /* a LIST with at least one item */
	UNIQUE = 64     /* a LIST whose items differ */
};

typedef struct key_spec {
	const char *key;
	const char *def;         /* the $defs entry of its value (or of each item) */
	unsigned flags;
	const char *description; /* from docs/format.md */
} key_spec;

typedef struct object_spec {
	const char *name;             /* its $defs entry; NULL for the top level */
	const char *description;
	const char *const *keys;      /* the loader's table */
	const key_spec *specs;
	size_t nspecs;
	void (*extra)(lc_json *j);    /* more keywords, or NULL */
} object_spec;

#define SPECS(a) a, sizeof a / sizeof a[0]

static const key_spec top_specs[] = {
	{"ladder", "version", REQUIRED,
	 "The format version: required in the main file, and must be 1. An included file may start with "
	 "it too."},
	{"id", "id", REQUIRED | MAIN_ONLY, "The ladder's slug."},
	{"name", "name", REQUIRED | MAIN_ONLY, "The company or ladder name."},
	{"title", "optional-name", MAIN_ONLY, "A title for the published pages."},
	{"updated", "optional-name", MAIN_ONLY, "A date or version, kept as text and printed as given."},
	{"intro", "text", MAIN_ONLY,
	 "The introduction: blank lines separate paragraphs, lines starting with \"- \" are bullets."},
	{"tracks", "track", REQUIRED | LIST, "The tracks, in the order they are shown."},
	{"groups", "group", NULLABLE | LIST,
	 "Company-wide competency groups: every role has them, or the roles and families a group names."},
	{"roles", "role", NULLABLE | LIST, "The roles."},
	{"promotion", "promotion", MAIN_ONLY | NULLABLE, "Criteria for promotion."},
	{"paths", "path", NULLABLE | LIST, "Lateral moves between roles."},
	{"include", "include-path", NULLABLE | LIST,
	 "More files, relative to this one, whose tracks, groups, roles and paths are merged into this "
	 "ladder after its own, in order (depth first). A file may be included once."},
	{"lint", "lint", MAIN_ONLY | NULLABLE, "Framework lint settings (docs/rules.md)."},
	{"expectations", "expectations-mode", MAIN_ONLY,
	 "cumulative (the default) or restated: the mode of every competency that does not say otherwise."},
	{"proficiency", "proficiency", MAIN_ONLY | NULLABLE | LIST | NONEMPTY,
	 "Named proficiency levels, lowest first; an expectation written as a mapping may name one."},
};

static const key_spec track_specs[] = {
	{"id", "id", REQUIRED, "The track's id, unique in the ladder."},
	{"name", "name", REQUIRED, "The track's name."},
	{"from", "id", 0,
	 "The crossover point: the id of a level of another track after which this track continues that "
	 "track's chain. The first track cannot have it."},
	{"levels", "level", REQUIRED | LIST | NONEMPTY, "The track's levels, in order."},
};

static const key_spec level_specs[] = {
	{"id", "id", REQUIRED, "The level's id, unique in the ladder."},
	{"name", "name", REQUIRED, "The level's name."},
	{"title", "title-rubric", 0,
	 "The title rubric: a role's title at this level, with the placeholders {role} and {family}."},
	{"summary", "text", 0, "A summary of the level."},
};

static const key_spec group_specs[] = {
	{"id", "id", REQUIRED, "The group's id."},
	{"name", "name", REQUIRED, "The group's name."},
	{"description", "text", 0, "Text about the group."},
	{"competencies", "competency", REQUIRED | LIST, "The group's competencies."},
	{"expectations", "expectations-mode", 0,
	 "cumulative or restated, for the group's competencies (overrides the ladder's)."},
	{"roles", "id", NULLABLE | LIST | UNIQUE | NONEMPTY,
	 "A company-wide group only: the ids of the roles it applies to (with families: a role matches "
	 "either); default: every role."},
	{"families", "name", NULLABLE | LIST | UNIQUE | NONEMPTY,
	 "A company-wide group only: the families (a role's family) whose roles it applies to."},
};

static const key_spec comp_specs[] = {
	{"id", "id", REQUIRED, "The competency's id, unique within its owner."},
	{"name", "name", REQUIRED, "The competency's name."},
	{"description", "text", 0, "Text about the competency."},
	{"levels", "expectation", REQUIRED | NULLABLE | LEVEL_MAP,
	 "Level id -> the text expected at that level, or a mapping {text, proficiency, examples}. Expectations are cumulative along a chain (or restated: see expectations); a level "
	 "may be left out."},
	{"links", "link", NULLABLE | LIST, "Links shown with the competency: http, https and mailto only."},
	{"x-lint-disable", "rule", NULLABLE | LIST, "Lint rules switched off for this competency (docs/rules.md)."},
	{"expectations", "expectations-mode", 0,
	 "cumulative or restated, for this competency (overrides its group's and the ladder's)."},
	{"tracks", "id", NULLABLE | LIST | UNIQUE | NONEMPTY,
	 "The ids of the only tracks at whose levels the competency applies (default: every track)."},
	{"starts_at", "id", 0,
	 "A level id: the competency applies from this level up, on the chains through it (from a shared "
	 "level on every track continuing from it); no text below it or off those chains."},
};

static const key_spec link_specs[] = {
	{"name", "name", REQUIRED, "The link's text."},
	{"url", "url", REQUIRED, "The link's URL: http, https or mailto."},
};

static const key_spec proficiency_specs[] = {
	{"id", "id", REQUIRED, "The proficiency level's id, unique among them."},
	{"name", "name", REQUIRED, "The proficiency level's name, shown with each expectation that names it."},
	{"description", "text", 0, "What the proficiency level means."},
};

static const key_spec cell_specs[] = {
	{"text", "nonempty-text", 0, "The text expected (optional when proficiency is given: its name is the text)."},
	{"proficiency", "id", 0, "The id of a proficiency level (top-level proficiency)."},
	{"examples", "nonempty-text", NULLABLE | LIST, "Examples of meeting the expectation."},
};

static const key_spec role_specs[] = {
	{"id", "id", REQUIRED, "The role's id, unique in the ladder."},
	{"name", "name", REQUIRED, "The role's name."},
	{"family", "name", 0, "The role's family, for the {family} placeholder."},
	{"description", "text", 0, "Text about the role, shown under its heading."},
	{"tracks", "id", NULLABLE | LIST | UNIQUE,
	 "The ids of the tracks the role takes (default: every track); closed under `from`."},
	{"levels", "id", NULLABLE | LIST | UNIQUE | NONEMPTY,
	 "The ids of the only levels the role has (default: every level of its tracks); contiguous along "
	 "each chain."},
	{"titles", "name", NULLABLE | LEVEL_MAP,
	 "Level id -> the role's title at that level, overriding the level's rubric."},
	{"groups", "group", NULLABLE | LIST,
	 "The role's own (functional) competency groups; they may only name levels on the role's tracks."},
};

static const key_spec criteria_specs[] = {
	{"min_average", "rating", 0, "The minimum average competency rating, from 1 to scale."},
	{"min_each", "whole-rating", 0, "No competency rated below this, from 1 to scale."},
	{"time_in_level", "name", 0, "The time in the level before promotion, e.g. \"2 quarters\"."},
	{"evidence", "nonempty-text", NULLABLE | LIST, "What must be shown."},
	{"scale", "rating-scale", 0, "Ratings run from 1 to scale; required when a minimum rating is given."},
	{"into", "criteria", NULLABLE | LEVEL_MAP,
	 "Level id -> extra or overriding criteria for promotion into that level (not a level that starts "
	 "its chain)."},
};

static const key_spec path_specs[] = {
	{"from", "id", REQUIRED, "The id of the role the move starts from."},
	{"to", "id", REQUIRED, "The id of the role the move leads to (another role)."},
	{"transferable", "name", NULLABLE | LIST, "Skills that carry over."},
	{"gaps", "name", NULLABLE | LIST, "Skills to build."},
};

static const key_spec lint_specs[] = {
	{"disable", "rule", NULLABLE | LIST, "Lint rules switched off for the whole ladder."},
	{"vague", "name", NULLABLE | LIST, "More phrases for the vague-language rule."},
};

static void promotion_extra(lc_json *j);
static void top_extra(lc_json *j);
static void cell_extra(lc_json *j);

static const object_spec top_object = {
	NULL, "A career ladder in ladder format, version 1 (docs/format.md), or a file it includes.",
	lc_load_top_keys, SPECS(top_specs), top_extra};

static const object_spec objects[] = {
	{"track", "A track: its levels in order; `from` continues another track's chain.", lc_load_track_keys,
	 SPECS(track_specs), NULL},
	{"level", "A level of a track.", lc_load_level_keys, SPECS(level_specs), NULL},
	{"group", "A competency group.", lc_load_group_keys, SPECS(group_specs), NULL},
	{"competency", "A competency and what is expected of it at each level.", lc_load_comp_keys,
	 SPECS(comp_specs), NULL},
	{"link", "A link of a competency.", lc_load_link_keys, SPECS(link_specs), NULL},
	{"proficiency", "A named proficiency level.", lc_load_proficiency_keys, SPECS(proficiency_specs), NULL},
	{"cell", "An expectation written as a mapping: its text, the proficiency it asks for, examples.",
	 lc_load_cell_keys, SPECS(cell_specs), cell_extra},
	{"role", "A role, with its titles and role-specific competencies.", lc_load_role_keys, SPECS(role_specs), NULL},
	{"promotion", "The default promotion criteria and per-level overrides.", lc_load_criteria_keys,
	 SPECS(criteria_specs), promotion_extra},
	/* the same keys as promotion's, less scale and into: its specs' prefix */
	{"criteria", "Criteria for promotion into one level.", lc_load_into_keys, criteria_specs, 4, NULL},
	{"path", "A lateral move between two roles.", lc_load_path_keys, SPECS(path_specs), NULL},
	{"lint", "Framework lint settings (docs/rules.md).", lc_load_lint_keys, SPECS(lint_specs), NULL},
};

static void promotion_extra(lc_json *j)
{
	/* build_promotion: a minimum rating needs the scale it is on */
	lc_json_key(j, "dependentRequired");
	lc_json_object(j);
	lc_json_key(j, "min_average");
	lc_json_array(j);
	lc_json_cstring(j, "scale");
	lc_json_end_array(j);
	lc_json_key(j, "min_each");
	lc_json_array(j);
	lc_json_cstring(j, "scale");
	lc_json_end_array(j);
	lc_json_end_object(j);
}

/* lc_load_cell: text, or a proficiency whose name is the text */
static void cell_extra(lc_json *j)
{
	lc_json_key(j, "anyOf");
	lc_json_array(j);
	static const char *const either[] = {"text", "proficiency"};
	for (size_t i = 0; i < 2; i++) {
		lc_json_object(j);
		lc_json_key(j, "required");
		lc_json_array(j);
		lc_json_cstring(j, either[i]);
		lc_json_end_array(j);
		lc_json_end_object(j);
	}
	lc_json_end_array(j);
}

/* An expectation: plain text, or a cell mapping. */
static void emit_expectation_def(lc_json *j)
{
	lc_json_key(j, "expectation");
	lc_json_object(j);
	key_string(j, "description", "An expectation: its text, or a mapping {text, proficiency, examples}.");
	lc_json_key(j, "anyOf");
	lc_json_array(j);
	lc_json_object(j);
	key_ref(j, "nonempty-text");
	lc_json_end_object(j);
	lc_json_object(j);
	key_ref(j, "cell");
	lc_json_end_object(j);
	lc_json_end_array(j);
	lc_json_end_object(j);
}

/* The main file needs its required keys; an included file holds none of the
 * main file's own keys (lc_load_unit). */
static void top_extra(lc_json *j)
{
	lc_json_key(j, "anyOf");
	lc_json_array(j);
	lc_json_object(j);
	key_string(j, "title", "the main ladder file");
	lc_json_key(j, "required");
	lc_json_array(j);
	for (size_t i = 0; i < top_object.nspecs; i++)
		if (top_object.specs[i].flags & REQUIRED)
			lc_json_cstring(j, top_object.specs[i].key);
	lc_json_end_array(j);
	lc_json_end_object(j);
	lc_json_object(j);
	key_string(j, "title", "an included file: tracks, groups, roles, paths and include");
	lc_json_key(j, "properties");
	lc_json_object(j);
	for (size_t i = 0; i < top_object.nspecs; i++) {
		if (top_object.specs[i].flags & MAIN_ONLY) {
			lc_json_key(j, top_object.specs[i].key);
			lc_json_bool(j, 0);
		}
	}
	lc_json_end_object(j);
	lc_json_end_object(j);
	lc_json_end_array(j);
}

static void emit_property(lc_json *j, const key_spec *k)
{
	lc_json_key(j, k->key);
	lc_json_object(j);
	key_string(j, "description", k->description);
	if (k->flags & (LIST | LEVEL_MAP)) {
		int list = (k->flags & LIST) != 0;
		key_types(j, list ? ((k->flags & NULLABLE) ? "array null" : "array")
		                  : ((k->flags & NULLABLE) ? "object null" : "object"));
		if (list) {
			lc_json_key(j, "items");
		} else {
			lc_json_key(j, "propertyNames");
			lc_json_object(j);
			key_ref(j, "id");
			lc_json_end_object(j);
			lc_json_key(j, "additionalProperties");
		}
		lc_json_object(j);
		key_ref(j, k->def);
		lc_json_end_object(j);
		if (k->flags & NONEMPTY)
			key_int(j, "minItems", 1);
		if (k->flags & UNIQUE) {
			lc_json_key(j, "uniqueItems");
			lc_json_bool(j, 1);
		}
	} else if (k->flags & NULLABLE) {
		lc_json_key(j, "anyOf");
		lc_json_array(j);
		lc_json_object(j);
		key_ref(j, k->def);
		lc_json_end_object(j);
		lc_json_object(j);
		key_types(j, "null");
		lc_json_end_object(j);
		lc_json_end_array(j);
	} else {
		key_ref(j, k->def);
	}
	lc_json_end_object(j);
}

static const key_spec *find_spec(const object_spec *o, const char *key)
{
	for (size_t i = 0; i < o->nspecs; i++)
		if (strcmp(o->specs[i].key, key) == 0)
			return &o->specs[i];
	return NULL;
}

/* 1 when o describes exactly the loader's keys. */
static int matches_loader(const object_spec *o)
{
	size_t n = 0;
	for (; o->keys[n]; n++)
		if (!find_spec(o, o->keys[n]))
			return 0;
	return n == o->nspecs;
}

/* The keywords of an object: its properties in the loader's order. */
static void emit_object_body(lc_json *j, const object_spec *o)
{
	key_string(j, "description", o->description);
	key_types(j, "object");
	if (o->name) { /* the top level's required keys depend on the file: top_extra */
		int any = 0;
		for (size_t i = 0; i < o->nspecs; i++) {
			if (!(o->specs[i].flags & REQUIRED))
				continue;
			if (!any++) {
				lc_json_key(j, "required");
				lc_json_array(j);
			}
			lc_json_cstring(j, o->specs[i].key);
		}
		if (any)
			lc_json_end_array(j);
	}
	lc_json_key(j, "properties");
	lc_json_object(j);
	for (size_t i = 0; o->keys[i]; i++) {
		const key_spec *k = find_spec(o, o->keys[i]); /* never NULL: matches_loader() */
		if (k)
			emit_property(j, k);
	}
	lc_json_end_object(j);
	/* lc_load_walk_map: keys starting with x- are extensions, ignored */
	lc_json_key(j, "patternProperties");
	lc_json_object(j);
	lc_json_key(j, "^x-");
	lc_json_object(j);
	key_string(j, "description", "An extension: ignored by ladderc.");
	lc_json_end_object(j);
	lc_json_end_object(j);
	lc_json_key(j, "additionalProperties");
	lc_json_bool(j, 0);
	if (o->extra)
		o->extra(j);
}

static void emit_version_def(lc_json *j)
{
	lc_json_key(j, "version");
	lc_json_object(j);
	key_string(j, "description", "The format version: 1.");
	lc_json_key(j, "const");
	lc_json_int(j, 1);
	lc_json_end_object(j);
}

int ladder_schema(lc_buf *out)
{
	size_t nobjects = sizeof objects / sizeof objects[0];
	if (!matches_loader(&top_object))
		return -2;
	for (size_t i = 0; i < nobjects; i++)
		if (!matches_loader(&objects[i]))
			return -2;

	lc_json j;
	lc_json_init(&j, out);
	lc_json_object(&j);
	key_string(&j, "$schema", "https://json-schema.org/draft/2020-12/schema");
	key_string(&j, "title", "ladder format, version 1");
	emit_object_body(&j, &top_object);
	lc_json_key(&j, "$defs");
	lc_json_object(&j);
	for (size_t i = 0; i < nobjects; i++) {
		lc_json_key(&j, objects[i].name);
		lc_json_object(&j);
		emit_object_body(&j, &objects[i]);
		lc_json_end_object(&j);
	}
	emit_version_def(&j);
	emit_id_def(&j);
	emit_expectation_def(&j);
	for (size_t i = 0; i < sizeof scalar_defs / sizeof scalar_defs[0]; i++)
		emit_scalar_def(&j, &scalar_defs[i]);
	for (size_t i = 0; i < sizeof number_defs / sizeof number_defs[0]; i++)
		emit_number_def(&j, &number_defs[i]);
	emit_rule_def(&j);
	lc_json_end_object(&j);
	lc_json_end_object(&j);
	lc_json_finish(&j);
	return lc_buf_failed(out) ? -1 : 0;
}
