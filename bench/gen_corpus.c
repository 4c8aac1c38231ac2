/* gen_corpus: a deterministic ladder (format v1) for the benchmark.
 *
 *   gen_corpus [--roles N] [--groups N] [--competencies N] [--ic N] [--levels N]
 *              [--cell MIN-MAX] [--vague PCT] [--restated] [--variant 1|2] [-o FILE]
 *
 * Writes a ladder with three tracks (by default the levels of seed 000: IC1
 * IC2, then E3..E6 and L3..L6; --ic and --levels make the chain longer), one
 * company-wide group, and N roles that each have their own groups of
 * competencies. Every cell is MIN-MAX (default 80-300) characters of
 * realistic text with characters that need escaping in some output (& < > |
 * " , = + @ ' backticks and backslashes) and some cells are multi-line
 * bullet lists; --vague PCT makes that share of cells open with a phrase the
 * lint calls vague. --restated writes the format extension's shape instead
 * (docs/format.md): expectations restated at every level, a proficiency
 * scale named by most cells (some with examples, some the proficiency
 * alone), company-wide groups scoped to families and roles, competencies
 * scoped to a track or starting at a level, and roles on part of a track.
 * The bench shapes of bench/run.sh are made from these.
 *
 * The text of every cell depends only on its position (role, group,
 * competency, level), never on what came before, so --variant 2 is version 1
 * with a few cells reworded, one competency moved to another group and one
 * role added: a realistic input for `ladderc diff`.
 *
 * The same arguments always give the same bytes, on every machine. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "splitmix.h"

typedef struct rng {
	uint64_t s;
} rng;

static uint64_t next(rng *r)
{
	return splitmix64(&r->s);
}

static unsigned pick(rng *r, unsigned n)
{
	return (unsigned)(next(r) % n);
}

static rng seeded(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	rng r = {a * 0x100000001B3u ^ b * 0xC2B2AE3D27D4EB4Fu ^ c * 0x165667B19E3779F9u ^ d * 0x27D4EB2F165667C5u};
	next(&r);
	return r;
}

static const char *const verbs[] = {
	"Writes", "Reviews", "Plans", "Delivers", "Leads", "Designs", "Owns", "Measures", "Coaches",
	"Negotiates", "Documents", "Automates", "Presents", "Tracks", "Runs", "Sets", "Agrees", "Fixes",
	"Builds", "Explains",
};
static const char *const objects[] = {
	"the team's design notes", "pull requests", "the quarterly plan", "incident reviews",
	"the on-call rota", "customer escalations", "the release checklist", "hiring loops",
	"the <service> contract", "A/B tests & their results", "the \"golden path\" templates",
	"cost reports (CPU | memory | storage)", "the `deploy` pipeline", "R&D budgets",
	"SLOs of 99.9% & error budgets", "onboarding guides", "the API style guide", "data contracts",
	"roadmaps for 2-3 teams", "post-mortems", "vendor contracts", "the team's backlog",
};
static const char *const scopes[] = {
	"within their own tasks", "for their team", "across 2-3 teams", "for the whole function",
	"for the company", "with partners outside the company", "in public, e.g. talks & papers",
	"for <every> product line", "for teams in EMEA, APAC & the Americas",
};
static const char *const tails[] = {
	"and asks for help when blocked for more than half a day",
	"so that a teammate can review it without a follow-up call",
	"with written outcomes, owners and dates",
	"and reports the result at the team demo",
	"measured as \"time to first review\" < 24h",
	"using the checklist at wiki/eng/ownership (see @platform-team)",
	"keeping the ratio of planned:unplanned work above 3:1",
	"and escalates risks early, e.g. =IMPACT x LIKELIHOOD > 6",
	"+ shares what went wrong, not only what went right",
	"without the manager's help, 'end to end'",
	"in plain language; no jargon such as `k8s` or |pipes|",
	"and retires practices that no longer pay for themselves",
	"with a path back if the change fails (C:\\deploy\\rollback)",
};

static void put_sentence(rng *r, char *buf, size_t cap, size_t *n)
{
	int w = snprintf(buf + *n, cap - *n, "%s%s %s %s %s.", *n ? " " : "", verbs[pick(r, 20)],
	                 objects[pick(r, sizeof objects / sizeof objects[0])],
	                 scopes[pick(r, sizeof scopes / sizeof scopes[0])],
	                 tails[pick(r, sizeof tails / sizeof tails[0])]);
	if (w > 0)
		*n += (size_t)w < cap - *n ? (size_t)w : cap - *n - 1;
}

/* The length of a cell's prose: --cell MIN-MAX (default 80-300). */
static unsigned cell_min = 80, cell_max = 300;
enum { CELL_CAP = 16384 };

/* cell_min..cell_max characters of prose, cut at a word boundary. */
static size_t make_text(rng *r, char *buf, size_t cap)
{
	size_t target = cell_min + pick(r, cell_max - cell_min + 1), n = 0;
	buf[0] = '\0';
	while (n < target)
		put_sentence(r, buf, cap, &n);
	if (n > cell_max) {
		n = cell_max;
		while (n > cell_min && buf[n - 1] != ' ')
			n--;
		while (n > cell_min && (buf[n - 1] == ' ' || buf[n - 1] == '\\'))
			n--;
		buf[n++] = '.';
	}
	buf[n] = '\0';
	return n;
}

/* A YAML double-quoted scalar: " and \ escaped. */
static void put_dq(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* A YAML single-quoted scalar: ' doubled. */
static void put_sq(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', f);
		fputc(*s, f);
	}
	fputc('\'', f);
}

/* The levels: the IC track (--ic N levels, default 2), then the Expert and
 * People leadership tracks (--levels N each, default 4), both forking from
 * the IC track's top: IC1 IC2, E3..E6, L3..L6 by default. Level k of the
 * ladder is level_track[k] = 0 (IC), 1 (E) or 2 (L). */
enum { MAX_LEVELS = 3 * 64 };
static unsigned n_ic = 2, n_branch = 4, nlevels;
static char level_id[MAX_LEVELS][16];
static unsigned level_track[MAX_LEVELS];

static void make_levels(void)
{
	nlevels = 0;
	for (unsigned i = 0; i < n_ic; i++, nlevels++) {
		snprintf(level_id[nlevels], sizeof level_id[0], "IC%u", i + 1);
		level_track[nlevels] = 0;
	}
	for (unsigned t = 1; t <= 2; t++)
		for (unsigned i = 0; i < n_branch; i++, nlevels++) {
			snprintf(level_id[nlevels], sizeof level_id[0], "%c%u", t == 1 ? 'E' : 'L', n_ic + i + 1);
			level_track[nlevels] = t;
		}
}

/* --vague PCT: that share of cells (and descriptions) say what the lint's
 * vague-language rule reports, so `check` has thousands of findings. */
static unsigned vague_pct;
static const char *const vague_leads[] = {
	"Demonstrates strong ownership: ", "Shows good judgement. ", "Has excellent communication; ",
	"Thinks strategically and ", "Shows leadership when ",
};

static int is_vague(rng *r)
{
	return vague_pct && pick(r, 100) < vague_pct;
}

/* A cell's text in one of its styles. */
static void put_cell_text(FILE *f, rng *r, const char *indent, int reworded, unsigned style)
{
	char text[CELL_CAP];
	if (style == 0) {
		fputs("|\n", f);
		unsigned items = 2 + pick(r, 3);
		for (unsigned i = 0; i < items; i++) {
			char item[CELL_CAP];
			size_t n = 0;
			item[0] = '\0';
			put_sentence(r, item, sizeof item, &n);
			fprintf(f, "%s  - %s\n", indent, item);
		}
		if (reworded)
			fprintf(f, "%s  - Also reviewed in this version.\n", indent);
		return;
	}
	make_text(r, text, sizeof text);
	if (reworded) {
		/* a few words changed, the rest as before */
		char *p = strstr(text, " the ");
		if (p)
			memcpy(p, " our ", 5);
		else
			text[0] = 'X';
	}
	if (is_vague(r)) {
		char plain[CELL_CAP];
		snprintf(plain, sizeof plain, "%s%s", vague_leads[pick(r, 5)], text);
		memcpy(text, plain, sizeof text);
	}
	if (style == 1) {
		char lead[CELL_CAP + 8];
		static const char formula[] = "=+-@";
		snprintf(lead, sizeof lead, "%c%s", formula[pick(r, 4)], text);
		put_dq(f, lead);
	} else if (style == 2) {
		put_sq(f, text);
	} else {
		put_dq(f, text);
	}
	fputc('\n', f);
}

/* --restated: the format extension's shape (see the comment at the top). */
static int restated;
static const char *const proficiency_ids[] = {"awareness", "working", "advanced", "expert"};
enum { N_PROFICIENCY = 4 };

/* The proficiency a restated cell names at level lv: rising with the
 * level's place on its chain, so the lint's proficiency-drop stays quiet. */
static const char *proficiency_at(unsigned lv)
{
	unsigned place = level_track[lv] == 0 ? lv : n_ic + (lv - n_ic) % n_branch;
	return proficiency_ids[place * N_PROFICIENCY / (n_ic + n_branch)];
}

/* One expectation. Most cells are double-quoted, some single-quoted, some
 * multi-line bullet lists, and some start with a formula character. With
 * --restated most cells are mappings: the text with a proficiency, now and
 * then examples, and one in twenty the proficiency alone. */
static void put_cell(FILE *f, rng *r, const char *indent, int reworded, unsigned lv)
{
	char text[CELL_CAP];
	unsigned style = pick(r, 10);
	if (restated) {
		unsigned form = pick(r, 20);
		if (form == 0) {
			fprintf(f, "{proficiency: %s}\n", proficiency_at(lv));
			return;
		}
		if (form < 16) {
			fprintf(f, "\n%s  proficiency: %s\n%s  text: ", indent, proficiency_at(lv), indent);
			if (form < 3) {
				/* the text, then examples */
				char ex[CELL_CAP];
				make_text(r, text, sizeof text);
				put_dq(f, text);
				fprintf(f, "\n%s  examples:\n", indent);
				for (unsigned i = 0, n = 1 + pick(r, 3); i < n; i++) {
					size_t k = 0;
					ex[0] = '\0';
					put_sentence(r, ex, sizeof ex, &k);
					fprintf(f, "%s    - ", indent);
					put_dq(f, ex);
					fputc('\n', f);
				}
				return;
			}
			char deeper[64];
			snprintf(deeper, sizeof deeper, "%s  ", indent);
			put_cell_text(f, r, deeper, reworded, style);
			return;
		}
	}
	put_cell_text(f, r, indent, reworded, style);
}

typedef struct opts {
	unsigned roles, groups, comps;
	int variant;
} opts;

/* Which tracks a role takes (bit 0 IC, 1 E, 2 L): most take all three. */
static unsigned role_tracks(unsigned role)
{
	switch (role % 7) {
	case 3: return 1 | 2; /* IC and E */
	case 5: return 1 | 4; /* IC and L */
	default: return 7;
	}
}

static int level_on(unsigned tracks, unsigned lv)
{
	return (tracks & (1u << level_track[lv])) != 0;
}

static int is_reworded(const opts *o, unsigned role, unsigned g, unsigned c, unsigned lv)
{
	if (o->variant != 2)
		return 0;
	rng r = seeded(role, g, c, lv + 1000);
	return next(&r) % 997 == 0; /* about one cell in a thousand */
}

/* --restated: which of a role's levels it has (roles on part of a track).
 * Every fifth role starts at the IC track's second level; every fifth
 * odd one stops halfway up each chain (its titles name only the top). */
static int role_level_on(unsigned role, unsigned tracks, unsigned lv)
{
	if (!level_on(tracks, lv))
		return 0;
	if (!restated || n_ic < 2)
		return 1;
	unsigned place = level_track[lv] == 0 ? lv : n_ic + (lv - n_ic) % n_branch;
	if (role % 5 == 2)
		return place >= 1;
	if (role % 10 == 9)
		return place < n_ic + n_branch / 2;
	return 1;
}

/* --restated: a competency's scope (docs/format.md, Scope). Own competency
 * c % 5 == 3 is on the L track only (where the role has it), c % 5 == 4
 * starts at the IC track's top level. */
enum { SCOPE_NONE, SCOPE_L, SCOPE_FROM_IC_TOP };
static unsigned competency_scope(unsigned role, unsigned c, unsigned tracks)
{
	if (!restated)
		return SCOPE_NONE;
	if (c % 5 == 3 && tracks & 4 && role % 10 != 9)
		return SCOPE_L;
	if (c % 5 == 4)
		return SCOPE_FROM_IC_TOP;
	return SCOPE_NONE;
}

static int scope_on(unsigned scope, unsigned lv)
{
	switch (scope) {
	case SCOPE_L: return level_track[lv] == 2;
	case SCOPE_FROM_IC_TOP: return lv + 1 >= n_ic;
	default: return 1;
	}
}

static void put_scope(FILE *f, const char *indent, unsigned scope)
{
	if (scope == SCOPE_L)
		fprintf(f, "%stracks: [L]\n", indent);
	else if (scope == SCOPE_FROM_IC_TOP)
		fprintf(f, "%sstarts_at: %s\n", indent, level_id[n_ic - 1]);
}

static void put_competency(FILE *f, const opts *o, unsigned role, unsigned g, unsigned c, unsigned tracks)
{
	rng r = seeded(role, g, c, 7);
	unsigned scope = competency_scope(role, c, tracks);
	fprintf(f, "          - id: c%u-%u\n", g, c);
	fprintf(f, "            name: \"%s %s #%u\"\n", verbs[pick(&r, 20)], "& improves", c);
	char desc[CELL_CAP];
	make_text(&r, desc, sizeof desc);
	fputs("            description: ", f);
	put_dq(f, desc);
	fputc('\n', f);
	put_scope(f, "            ", scope);
	fputs("            levels:\n", f);
	for (unsigned lv = 0; lv < nlevels; lv++) {
		if (!role_level_on(role, tracks, lv) || !scope_on(scope, lv))
			continue;
		rng cr = seeded(role, g, c, lv);
		fprintf(f, "              %s: ", level_id[lv]);
		put_cell(f, &cr, "              ", is_reworded(o, role, g, c, lv), lv);
	}
}

static void put_role(FILE *f, const opts *o, unsigned role)
{
	static const char *const families[] = {"Engineering", "Product", "Design", "Sales", "Finance",
	                                       "People & Culture", "Data <Science>"};
	unsigned tracks = role_tracks(role);
	fprintf(f, "  - id: role-%u\n", role);
	fprintf(f, "    name: \"Role %u | %s\"\n", role, families[role % 7]);
	fprintf(f, "    family: \"%s\"\n", families[role % 7]);
	if (tracks != 7)
		fprintf(f, "    tracks: [IC, %s]\n", tracks & 2 ? "E" : "L");
	if (restated && (role % 5 == 2 || role % 10 == 9)) {
		fputs("    levels: [", f);
		const char *sep = "";
		for (unsigned lv = 0; lv < nlevels; lv++)
			if (role_level_on(role, tracks, lv)) {
				fprintf(f, "%s%s", sep, level_id[lv]);
				sep = ", ";
			}
		fputs("]\n", f);
	}
	if (tracks & 4 && role % 2 == 0 && role_level_on(role, tracks, nlevels - 1))
		fprintf(f, "    titles:\n      %s: \"Chief %s Officer (role %u)\"\n", level_id[nlevels - 1],
		        families[role % 7], role);
	fputs("    groups:\n", f);
	/* variant 2 moves competency 0 of group 0 of role 0 to the end of group 1 */
	int move = o->variant == 2 && role == 0 && o->groups > 1 && o->comps > 1;
	for (unsigned g = 0; g < o->groups; g++) {
		fprintf(f, "      - id: g%u\n", g);
		fprintf(f, "        name: \"Group %u: craft, delivery & 'impact'\"\n", g);
		fputs("        competencies:\n", f);
		for (unsigned c = 0; c < o->comps; c++) {
			if (move && g == 0 && c == 0)
				continue;
			put_competency(f, o, role, g, c, tracks);
		}
		if (move && g == 1)
			put_competency(f, o, role, 0, 0, tracks);
	}
}

static const char header[] =
	"# Generated by bench/gen_corpus: a synthetic ladder for the benchmark.\n"
	"ladder: 1\n"
	"id: bench\n"
	"name: \"Bench & Co <synthetic>\"\n"
	"title: Career ladder\n"
	"updated: 2026-01-01\n"
	"intro: |\n"
	"  A synthetic ladder for measuring ladderc. Text uses & < > | \" ' ` = + @ on purpose.\n"
	"\n"
	"  - Expectations are cumulative.\n"
	"  - The Expert and Leadership tracks are equivalent.\n"
	"tracks:\n";

/* The tracks: with the default sizes, the levels of seed 000. */
static void put_tracks(FILE *f)
{
	static const char *const ic[][2] = {{"Junior", "Junior {role}"}, {"Mid-level", "{role}"}};
	static const char *const expert[][2] = {{"Senior", "Senior {role}"}, {"Staff", "Staff {role}"},
	                                        {"Principal", "Principal {role}"},
	                                        {"Distinguished", "Distinguished {role}"}};
	static const char *const lead[][2] = {{"Team Lead", "{role} Team Lead"}, {"Director", "Director of {family}"},
	                                      {"VP", "VP of {family}"}, {"Exec", "Chief {family} Officer"}};
	fputs("  - id: IC\n    name: Individual contributor\n    levels:\n", f);
	for (unsigned k = 0; k < nlevels; k++) {
		unsigned t = level_track[k], i = t == 0 ? k : (k - n_ic) % n_branch;
		if (t != 0 && i == 0)
			fprintf(f, "  - id: %s\n    name: %s\n    from: %s\n    levels:\n", t == 1 ? "E" : "L",
			        t == 1 ? "Expert" : "People leadership", level_id[n_ic - 1]);
		const char *const(*names)[2] = t == 0 ? ic : t == 1 ? expert : lead;
		if (i < (t == 0 ? 2u : 4u))
			fprintf(f, "      - { id: %s, name: %s, title: \"%s\"%s }\n", level_id[k], names[i][0], names[i][1],
			        k == 0 ? ", summary: \"Completes well-scoped tasks.\"" : "");
		else
			fprintf(f, "      - { id: %s, name: %s %u, title: \"%s {role} %u\" }\n", level_id[k],
			        t == 0 ? "Mid-level" : t == 1 ? "Expert" : "Leader", i + 1,
			        t == 0 ? "Experienced" : t == 1 ? "Expert" : "Leading", i + 1);
	}
}

static void put_ladder(FILE *f, const opts *o)
{
	fputs(header, f);
	put_tracks(f);
	if (restated) {
		fputs("expectations: restated\nproficiency:\n", f);
		static const char *const names[] = {"Awareness", "Working knowledge", "Advanced", "Expert"};
		for (unsigned i = 0; i < N_PROFICIENCY; i++)
			fprintf(f, "  - {id: %s, name: \"%s\", description: \"Level %u of %u: see the handbook & <the rubric>.\"}\n",
			        proficiency_ids[i], names[i], i + 1, N_PROFICIENCY);
	}
	/* one company-wide group, so every role also shares competencies; with
	 * --restated two more, one for two families and one for ten roles, whose
	 * competencies are scoped like the roles' own */
	fputs("groups:\n", f);
	for (unsigned g = 0; g < (restated ? 3u : 1u); g++) {
		static const char *const heads[] = {
			"  - id: shared\n    name: \"Shared: how we work\"\n",
			"  - id: practice\n    name: \"Practice & craft\"\n    families: [Engineering, Product]\n",
			"  - id: stewardship\n    name: \"Stewardship <of the company>\"\n    roles: [role-0, role-1, role-2, role-3, role-4, role-5, role-6, role-7, role-8, role-9]\n",
		};
		fputs(heads[g], f);
		fputs("    competencies:\n", f);
		for (unsigned c = 0; c < 3; c++) {
			rng r = seeded(UINT32_MAX, g, c, 7);
			unsigned scope = g == 0 ? SCOPE_NONE : c == 1 ? SCOPE_FROM_IC_TOP : c == 2 ? SCOPE_L : SCOPE_NONE;
			if (g == 0)
				fprintf(f, "      - id: shared-%u\n        name: \"Shared #%u\"\n", c, c);
			else
				fprintf(f, "      - id: shared-%u-%u\n        name: \"Shared #%u.%u\"\n", g, c, g, c);
			put_scope(f, "        ", scope);
			fputs("        levels:\n", f);
			(void)next(&r);
			for (unsigned lv = 0; lv < nlevels; lv++) {
				if (!scope_on(scope, lv))
					continue;
				rng cr = seeded(UINT32_MAX, g, c, lv);
				fprintf(f, "          %s: ", level_id[lv]);
				put_cell(f, &cr, "          ", 0, lv);
			}
		}
	}
	fputs("roles:\n", f);
	unsigned nroles = o->roles + (o->variant == 2 ? 1 : 0);
	for (unsigned role = 0; role < nroles; role++)
		put_role(f, o, role);
	fputs("promotion:\n  scale: 5\n  min_average: 3.5\n  time_in_level: 12 months\n"
	      "  evidence: [\"Peer feedback & self-review\", \"Manager's written case\"]\n", f);
	if (o->roles > 1) {
		fputs("paths:\n", f);
		for (unsigned role = 0; role + 1 < o->roles && role < 50; role++)
			fprintf(f, "  - from: role-%u\n    to: role-%u\n    transferable: [\"Communication\", \"Delivery & planning\"]\n    gaps: [\"Domain knowledge\"]\n",
			        role, role + 1);
	}
}

static int parse_uint(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *end || v == 0 || v > 1000000)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* MIN-MAX, 20 <= MIN <= MAX < CELL_CAP / 2 (a cell may run a sentence past MAX) */
static int parse_range(const char *s, unsigned *lo, unsigned *hi)
{
	char *end;
	unsigned long a = strtoul(s, &end, 10);
	if (end == s || *end != '-')
		return -1;
	const char *b = end + 1;
	unsigned long z = strtoul(b, &end, 10);
	if (end == b || *end || a < 20 || a > z || z >= CELL_CAP / 2)
		return -1;
	*lo = (unsigned)a;
	*hi = (unsigned)z;
	return 0;
}

int main(int argc, char **argv)
{
	opts o = {1, 3, 3, 1};
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		unsigned n = 0;
		if (strcmp(a, "-o") == 0 && v) {
			out = v;
		} else if (strcmp(a, "--roles") == 0 && v && parse_uint(v, &n) == 0) {
			o.roles = n;
		} else if (strcmp(a, "--groups") == 0 && v && parse_uint(v, &n) == 0) {
			o.groups = n;
		} else if (strcmp(a, "--competencies") == 0 && v && parse_uint(v, &n) == 0) {
			o.comps = n;
		} else if (strcmp(a, "--variant") == 0 && v && parse_uint(v, &n) == 0 && n <= 2) {
			o.variant = (int)n;
		} else if (strcmp(a, "--ic") == 0 && v && parse_uint(v, &n) == 0 && n <= 64) {
			n_ic = n;
		} else if (strcmp(a, "--levels") == 0 && v && parse_uint(v, &n) == 0 && n <= 64) {
			n_branch = n;
		} else if (strcmp(a, "--cell") == 0 && v && parse_range(v, &cell_min, &cell_max) == 0) {
		} else if (strcmp(a, "--vague") == 0 && v && parse_uint(v, &n) == 0 && n <= 100) {
			vague_pct = n;
		} else if (strcmp(a, "--restated") == 0) {
			restated = 1;
			continue; /* no value */
		} else {
			fprintf(stderr, "usage: gen_corpus [--roles N] [--groups N] [--competencies N] [--ic N] [--levels N]\n"
			                "                  [--cell MIN-MAX] [--vague PCT] [--restated] [--variant 1|2] [-o FILE]\n");
			return 2;
		}
		i++;
	}
	make_levels();
	FILE *f = out ? fopen(out, "wb") : stdout;
	if (!f) {
		perror(out);
		return 2;
	}
	static char iobuf[1 << 16];
	setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
	put_ladder(f, &o);
	if (ferror(f) || (out && fclose(f) != 0) || (!out && fflush(f) != 0)) {
		perror(out ? out : "stdout");
		return 2;
	}
	return 0;
}
