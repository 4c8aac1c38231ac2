/* gen_table: a deterministic spreadsheet for benchmarking `ladderc import`
 * (issue 20).
 *
 *   gen_table [--mb N] [-o FILE]
 *
 * Writes a matrix CSV as Excel saves one ("CSV UTF-8": a byte order mark,
 * rows ending with CRLF): a header row "Group, Competency, Junior (IC1), ...,
 * Distinguished (IC6)", then about N MB (default 50) of competency rows. A
 * group's name is in its first row only, the rows below have a blank group
 * cell (what merged cells export as). Level cells are two to six sentences
 * of prose with commas, typographic quotes and dashes; some are bullet lists
 * over several lines, some quote a phrase with "" (a doubled quote), some
 * are blank (the level expects nothing new). A cell is quoted when it holds
 * a comma, a quote or a line break, as spreadsheets write it. Competency
 * names repeat across groups (every team has its "Code review"), so the
 * imported ids need de-duplication, as a real company-wide sheet does.
 *
 * The same arguments always give the same bytes. The table is generated,
 * never committed; its size is printed on standard error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "splitmix.h"

static uint64_t state = 0x7ab1e;

/* 0..n-1 */
static unsigned pick(unsigned n)
{
	return (unsigned)(splitmix64(&state) % n);
}

#define COUNT(a) (unsigned)(sizeof(a) / sizeof(a)[0])

static const char *const levels[] = {"Junior (IC1)", "Mid-level (IC2)", "Senior (IC3)",
                                     "Staff (IC4)", "Principal (IC5)", "Distinguished (IC6)"};
static const char *const areas[] = {"Technical skills", "Delivery", "Collaboration", "Leadership",
                                    "Craft", "Impact", "Values & behaviours", "Communication"};
static const char *const teams[] = {"Payments", "Search", "Platform", "Mobile", "Data", "Growth",
                                    "Security", "Infrastructure", "Checkout", "Identity"};
static const char *const competencies[] = {
	"Code review", "Testing", "System design", "Incident response", "Autonomy", "Mentoring",
	"Planning", "Estimation", "Documentation", "Ownership", "Stakeholder management",
	"Technical debt", "Hiring", "Feedback", "Product sense", "Observability", "Security practices",
	"Release management", "Cost awareness", "Learning", "Influence", "Decision making",
	"Conflict resolution", "Accessibility", "Performance", "Data modelling", "On-call", "Scope",
};
static const char *const subjects[] = {
	"Writes", "Reviews", "Plans", "Delivers", "Leads", "Designs", "Owns", "Measures", "Coaches",
	"Negotiates", "Documents", "Automates", "Presents", "Tracks", "Runs", "Fixes", "Explains",
};
static const char *const objects[] = {
	"the team\xE2\x80\x99s design notes", "pull requests, large and small", "the quarterly plan",
	"incident reviews", "the on-call rota", "customer escalations", "the release checklist",
	"hiring loops", "A/B tests and their results", "the \xE2\x80\x9cgolden path\xE2\x80\x9d templates",
	"cost reports (CPU, memory, storage)", "the deploy pipeline", "SLOs of 99.9% and error budgets",
	"onboarding guides", "the API style guide", "data contracts", "roadmaps for 2\xE2\x80\x93" "3 teams",
};
static const char *const scopes[] = {
	"within their own tasks", "for their team", "across 2\xE2\x80\x93" "3 teams", "for the whole function",
	"for the company", "with partners outside the company", "in public: talks, posts and papers",
};
static const char *const tails[] = {
	"and asks for help when blocked for more than half a day",
	"so that a teammate can review it without a follow-up call",
	"with written outcomes, owners and dates",
	"and reports the result at the team demo",
	"keeping the ratio of planned to unplanned work above 3:1",
	"sharing what went wrong \xE2\x80\x94 not only what went right",
	"without the manager\xE2\x80\x99s help, end to end",
	"and retires practices that no longer pay for themselves",
};
static const char *const quoted_phrases[] = {"\"good enough\"", "\"done\"", "\"the why\"", "\"no surprises\""};

/* One sentence, appended to buf. */
static void sentence(char *buf, size_t cap, size_t *n)
{
	int w;
	if (pick(8) == 0)
		w = snprintf(buf + *n, cap - *n, "Knows what %s means %s, %s.", quoted_phrases[pick(COUNT(quoted_phrases))],
		             scopes[pick(COUNT(scopes))], tails[pick(COUNT(tails))]);
	else
		w = snprintf(buf + *n, cap - *n, "%s %s %s, %s.", subjects[pick(COUNT(subjects))],
		             objects[pick(COUNT(objects))], scopes[pick(COUNT(scopes))], tails[pick(COUNT(tails))]);
	if (w > 0 && (size_t)w < cap - *n)
		*n += (size_t)w;
}

enum { CELL_CAP = 4096 };

/* A level cell's text: blank, prose of two to six sentences, or a bullet list. */
static size_t cell_text(char *buf)
{
	size_t n = 0;
	unsigned kind = pick(20);
	if (kind == 0)
		return 0; /* the level expects nothing new */
	if (kind <= 3) {
		unsigned items = 2 + pick(4);
		sentence(buf, CELL_CAP, &n);
		for (unsigned i = 0; i < items; i++) {
			n += (size_t)snprintf(buf + n, CELL_CAP - n, "\n- ");
			sentence(buf, CELL_CAP, &n);
		}
		return n;
	}
	unsigned sentences = 2 + pick(5);
	for (unsigned i = 0; i < sentences; i++) {
		if (i)
			buf[n++] = ' ';
		sentence(buf, CELL_CAP, &n);
	}
	return n;
}

/* A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
static size_t put_cell(FILE *f, const char *s, size_t n)
{
	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n)) {
		fwrite(s, 1, n, f);
		return n;
	}
	size_t written = 2;
	putc('"', f);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"') {
			putc('"', f);
			written++;
		}
		putc(s[i], f);
		written++;
	}
	putc('"', f);
	return written;
}

static size_t put_str(FILE *f, const char *s)
{
	return put_cell(f, s, strlen(s));
}

int main(int argc, char **argv)
{
	double mb = 50;
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
			mb = atof(argv[++i]);
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else {
			fprintf(stderr, "usage: gen_table [--mb N] [-o FILE]\n");
			return 2;
		}
	}
	FILE *f = out ? fopen(out, "wb") : stdout;
	if (!f) {
		perror(out);
		return 2;
	}
	size_t target = (size_t)(mb * 1e6), size = 0, rows = 0, groups = 0, cells = 0;
	char cell[CELL_CAP];
	size += (size_t)fprintf(f, "\xEF\xBB\xBFGroup,Competency");
	for (unsigned l = 0; l < COUNT(levels); l++) {
		putc(',', f);
		size += 1 + put_str(f, levels[l]);
	}
	size += (size_t)fprintf(f, "\r\n");
	while (size < target) {
		/* a group: a team's area, with 4 to 12 competencies of distinct names */
		char group[128];
		snprintf(group, sizeof group, "%s \xE2\x80\x93 %s %zu", areas[groups % COUNT(areas)],
		         teams[(groups / COUNT(areas)) % COUNT(teams)], groups / (COUNT(areas) * COUNT(teams)) + 1);
		unsigned ncomp = 4 + pick(9), first = pick(COUNT(competencies));
		for (unsigned c = 0; c < ncomp; c++) {
			size += put_str(f, c == 0 ? group : "");
			putc(',', f);
			size += 1 + put_str(f, competencies[(first + c) % COUNT(competencies)]);
			for (unsigned l = 0; l < COUNT(levels); l++) {
				putc(',', f);
				size += 1 + put_cell(f, cell, cell_text(cell));
				cells++;
			}
			size += (size_t)fprintf(f, "\r\n");
			rows++;
		}
		groups++;
	}
	if (f != stdout && fclose(f) != 0) {
		perror(out);
		return 2;
	}
	fprintf(stderr, "gen_table: %s: %.2f MB, %zu groups, %zu competency rows, %zu level cells\n",
	        out ? out : "(stdout)", (double)size / 1e6, groups, rows, cells);
	return 0;
}
