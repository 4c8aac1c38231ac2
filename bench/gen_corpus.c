/* gen_corpus: a deterministic ladder (format v1) for the benchmark.
 *
 *   gen_corpus [--roles N] [--groups N] [--competencies N] [--variant 1|2] [-o FILE]
 *
 * Writes a ladder with the usual three tracks (IC1 IC2, then E3..E6 and
 * L3..L6), one company-wide group, and N roles that each have their own
 * groups of competencies. Every cell is 80-300 characters of realistic text
 * with characters that need escaping in some output (& < > | " , = + @ '
 * backticks and backslashes) and some cells are multi-line bullet lists.
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

typedef struct rng {
	uint64_t s;
} rng;

/* splitmix64: small, fast, and the same everywhere */
static uint64_t next(rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
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

/* 80-300 characters of prose, cut at a word boundary. */
static size_t make_text(rng *r, char *buf, size_t cap)
{
	size_t target = 80 + pick(r, 221), n = 0;
	buf[0] = '\0';
	while (n < target)
		put_sentence(r, buf, cap, &n);
	if (n > 300) {
		n = 300;
		while (n > 80 && buf[n - 1] != ' ')
			n--;
		while (n > 80 && (buf[n - 1] == ' ' || buf[n - 1] == '\\'))
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

static const char *const level_ids[] = {"IC1", "IC2", "E3", "E4", "E5", "E6", "L3", "L4", "L5", "L6"};
enum { NLEVELS = 10 };

/* One expectation. Most cells are double-quoted, some single-quoted, some
 * multi-line bullet lists, and some start with a formula character. */
static void put_cell(FILE *f, rng *r, const char *indent, int reworded)
{
	char text[512];
	unsigned style = pick(r, 10);
	if (style == 0) {
		fputs("|\n", f);
		unsigned items = 2 + pick(r, 3);
		for (unsigned i = 0; i < items; i++) {
			char item[512];
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
	if (style == 1) {
		char lead[520];
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

typedef struct opts {
	unsigned roles, groups, comps;
	int variant;
} opts;

/* Which levels a role takes: most take all three tracks. */
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
	if (lv < 2)
		return 1;
	return lv < 6 ? (tracks & 2) != 0 : (tracks & 4) != 0;
}

static int is_reworded(const opts *o, unsigned role, unsigned g, unsigned c, unsigned lv)
{
	if (o->variant != 2)
		return 0;
	rng r = seeded(role, g, c, lv + 1000);
	return next(&r) % 997 == 0; /* about one cell in a thousand */
}

static void put_competency(FILE *f, const opts *o, unsigned role, unsigned g, unsigned c, unsigned tracks)
{
	rng r = seeded(role, g, c, 7);
	fprintf(f, "          - id: c%u-%u\n", g, c);
	fprintf(f, "            name: \"%s %s #%u\"\n", verbs[pick(&r, 20)], "& improves", c);
	char desc[512];
	make_text(&r, desc, sizeof desc);
	fputs("            description: ", f);
	put_dq(f, desc);
	fputs("\n            levels:\n", f);
	for (unsigned lv = 0; lv < NLEVELS; lv++) {
		if (!level_on(tracks, lv))
			continue;
		rng cr = seeded(role, g, c, lv);
		fprintf(f, "              %s: ", level_ids[lv]);
		put_cell(f, &cr, "              ", is_reworded(o, role, g, c, lv));
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
	if (tracks & 4 && role % 2 == 0)
		fprintf(f, "    titles:\n      L6: \"Chief %s Officer (role %u)\"\n", families[role % 7], role);
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
	"tracks:\n"
	"  - id: IC\n"
	"    name: Individual contributor\n"
	"    levels:\n"
	"      - { id: IC1, name: Junior, title: \"Junior {role}\", summary: \"Completes well-scoped tasks.\" }\n"
	"      - { id: IC2, name: Mid-level, title: \"{role}\" }\n"
	"  - id: E\n"
	"    name: Expert\n"
	"    from: IC2\n"
	"    levels:\n"
	"      - { id: E3, name: Senior, title: \"Senior {role}\" }\n"
	"      - { id: E4, name: Staff, title: \"Staff {role}\" }\n"
	"      - { id: E5, name: Principal, title: \"Principal {role}\" }\n"
	"      - { id: E6, name: Distinguished, title: \"Distinguished {role}\" }\n"
	"  - id: L\n"
	"    name: People leadership\n"
	"    from: IC2\n"
	"    levels:\n"
	"      - { id: L3, name: Team Lead, title: \"{role} Team Lead\" }\n"
	"      - { id: L4, name: Director, title: \"Director of {family}\" }\n"
	"      - { id: L5, name: VP, title: \"VP of {family}\" }\n"
	"      - { id: L6, name: Exec, title: \"Chief {family} Officer\" }\n";

static void put_ladder(FILE *f, const opts *o)
{
	fputs(header, f);
	/* one company-wide group, so every role also shares competencies */
	fputs("groups:\n  - id: shared\n    name: \"Shared: how we work\"\n    competencies:\n", f);
	for (unsigned c = 0; c < 3; c++) {
		rng r = seeded(UINT32_MAX, 0, c, 7);
		fprintf(f, "      - id: shared-%u\n        name: \"Shared #%u\"\n        levels:\n", c, c);
		(void)next(&r);
		for (unsigned lv = 0; lv < NLEVELS; lv++) {
			rng cr = seeded(UINT32_MAX, 0, c, lv);
			fprintf(f, "          %s: ", level_ids[lv]);
			put_cell(f, &cr, "          ", 0);
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
		} else {
			fprintf(stderr,
			        "usage: gen_corpus [--roles N] [--groups N] [--competencies N] [--variant 1|2] [-o FILE]\n");
			return 2;
		}
		i++;
	}
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
