/* gen_ratings: a deterministic ladder and ratings file for benchmarking
 * `ladderc assess` (issue 18).
 *
 *   gen_ratings [--people N] [--competencies K] [--csv] DIR
 *
 * Writes DIR/ladder.yaml (tracks IC1 IC2, then E3..E6 and L3..L6; one role
 * with K company-wide competencies; promotion criteria) and DIR/ratings.yaml
 * (or DIR/ratings.csv with --csv): N people spread over the levels, each
 * rated on every competency (1..5, some with a decimal), most with a rater,
 * some with evidence. The same arguments always give the same bytes. The
 * files are generated, never committed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x5eed;

/* splitmix64: the same numbers everywhere */
static uint64_t next(void)
{
	uint64_t z = (state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static unsigned pick(unsigned n)
{
	return (unsigned)(next() % n);
}

static const char *const levels[] = {"IC1", "IC2", "E3", "E4", "E5", "E6", "L3", "L4", "L5", "L6"};
enum { NLEVELS = sizeof levels / sizeof levels[0] };

static FILE *open_in(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(2);
	}
	return f;
}

static void write_ladder(const char *dir, unsigned k)
{
	FILE *f = open_in(dir, "ladder.yaml");
	fputs("ladder: 1\nid: bench\nname: Bench Co\ntracks:\n"
	      "  - {id: IC, name: IC, levels: [{id: IC1, name: Junior}, {id: IC2, name: Mid}]}\n"
	      "  - {id: E, name: Expert, from: IC2, levels: [{id: E3, name: Senior}, {id: E4, name: Staff},"
	      " {id: E5, name: Principal}, {id: E6, name: Distinguished}]}\n"
	      "  - {id: L, name: Lead, from: IC2, levels: [{id: L3, name: Lead}, {id: L4, name: Director},"
	      " {id: L5, name: VP}, {id: L6, name: Exec}]}\n"
	      "groups:\n  - id: all\n    name: All\n    competencies:\n",
	      f);
	for (unsigned c = 0; c < k; c++) {
		fprintf(f, "      - id: c%02u\n        name: Competency %u\n        levels:\n", c + 1, c + 1);
		for (unsigned l = 0; l < NLEVELS; l++)
			fprintf(f, "          %s: Does the work of competency %u as level %s expects, for the people around them.\n",
			        levels[l], c + 1, levels[l]);
	}
	fputs("roles:\n  - {id: eng, name: Engineer}\n"
	      "promotion:\n  scale: 5\n  min_average: 3.5\n  min_each: 3\n  time_in_level: 2 quarters\n"
	      "  evidence: [Endorsed in calibration., Two cycles of ratings.]\n"
	      "  into: {E4: {min_average: 4}, L5: {time_in_level: 4 quarters}}\n",
	      f);
	fclose(f);
}

static void since(char *out, size_t n)
{
	snprintf(out, n, "%04u-%02u-%02u", 2018 + pick(8), 1 + pick(12), 1 + pick(28));
}

static void rating(char *out, size_t n)
{
	unsigned whole = 1 + pick(5);
	if (whole < 5 && pick(4) == 0)
		snprintf(out, n, "%u.5", whole);
	else
		snprintf(out, n, "%u", whole);
}

int main(int argc, char **argv)
{
	unsigned long people = 100000;
	unsigned k = 12;
	int csv = 0;
	const char *dir = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--people") == 0 && i + 1 < argc)
			people = strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--competencies") == 0 && i + 1 < argc)
			k = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--csv") == 0)
			csv = 1;
		else if (argv[i][0] != '-' && !dir)
			dir = argv[i];
		else {
			fprintf(stderr, "usage: gen_ratings [--people N] [--competencies K] [--csv] DIR\n");
			return 2;
		}
	}
	if (!dir || k == 0 || k > 99) {
		fprintf(stderr, "usage: gen_ratings [--people N] [--competencies K (1-99)] [--csv] DIR\n");
		return 2;
	}
	write_ladder(dir, k);
	FILE *f = open_in(dir, csv ? "ratings.csv" : "ratings.yaml");
	if (csv)
		fputs("id,role,level,since,rater,competency,rating,evidence\n", f);
	else
		fputs("ratings: 1\nladder: bench\ncycle: bench\nas_of: 2026-12-01\npeople:\n", f);
	char date[16], r[8];
	for (unsigned long p = 0; p < people; p++) {
		const char *lv = levels[pick(NLEVELS)];
		since(date, sizeof date);
		unsigned rater = pick((unsigned)(people / 8 + 1));
		int evidence = pick(3) == 0;
		if (!csv)
			fprintf(f, "  - id: p%06lu\n    role: eng\n    level: %s\n    since: %s\n    rater: m%05u\n%s    ratings:\n",
			        p + 1, lv, date, rater, evidence ? "    evidence: [1, 2]\n" : "");
		for (unsigned c = 0; c < k; c++) {
			rating(r, sizeof r);
			if (csv)
				fprintf(f, "p%06lu,eng,%s,%s,m%05u,c%02u,%s,%s\n", p + 1, lv, date, rater, c + 1, r,
				        evidence && c == 0 ? "1;2" : "");
			else
				fprintf(f, "      c%02u: %s\n", c + 1, r);
		}
	}
	if (fclose(f) != 0) {
		perror("write");
		return 2;
	}
	return 0;
}
