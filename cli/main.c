/* ladderc's entry point: the table of subcommands, help, version and the
 * dispatch. Each subcommand lives in a file of its own (check.c, render.c,
 * diff.c, build.c, init.c) and parses its own options with getopt_long. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>

#include "cli.h"
#include "ladderc/init.h"
#include "ladderc/speed.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;   /* the synopsis after "ladderc " */
	const char *summary;
	const char *help;    /* options, one per line */
	const char *exits;   /* the exit statuses, when they differ from check's */
} command;

static const command *find_command(const char *name);

/* ---- help and version ---------------------------------------------------- */

static int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("help", "help takes one command name");
	if (argc == 2)
		return cli_help(argv[1]);
	return cli_help(NULL);
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("ladderc %s (ladder format 1)\n", LADDERC_VERSION);
	return cli_flush_stdout();
}

#define LOAD_HELP \
	"      --max-input=SIZE   refuse files larger than SIZE (default 256M)\n" \
	"      --max-errors=N     stop reporting after N errors (default 100)\n" \
	"      --color=WHEN       colour diagnostics: auto, always or never\n"

static const command commands[] = {
	{"check", cli_check, "check [--strict] [-W [no-]RULE]... [-f FORMAT] [OPTIONS] FILE...",
	 "load, validate and lint ladders; report errors and framework warnings",
	 "  -f, --format=FORMAT    text (default, on standard error), json, github, sarif\n"
	 "                         or codeclimate\n"
	 "      --strict           exit 1 on warnings too\n"
	 "      --max-warnings=N   text and github: print at most N warnings (default 100,\n"
	 "                         0: all); the counts at the end still tell them all\n"
	 "  -W RULE, -W no-RULE    switch a lint rule on or off (rules: docs/rules.md)\n" LOAD_HELP, NULL},
	{"render", cli_render, "render -f FORMAT [OPTIONS] FILE", "write a ladder to standard output",
	 "  -f, --format=FORMAT    markdown, html, csv, text or json\n"
	 "      --role=ID          one role (default: every role)\n"
	 "      --track=ID         the matrix of one track (default: every track that ends a chain)\n"
	 "      --level=ID         everything expected at one level, cumulatively\n"
	 "      --next             with --level: what the next level(s) add\n"
	 "      --overview         intro, tracks, titles, promotion criteria and paths only\n"
	 "      --layout=LAYOUT    csv: long (default, one row per cell) or matrix (wide)\n"
	 "      --bom              csv: start with a UTF-8 byte order mark, for Excel\n"
	 "      --width=N          text: wrap at N columns (default: the terminal's, else 80)\n"
	 "      --sheet            html, with --level: a self-review sheet with an evidence column\n"
	 "      --since=OLD        with --level: mark what changed since OLD (a file, or - for stdin)\n" LOAD_HELP, NULL},
	{"diff", cli_diff, "diff [-f FORMAT] [--color=WHEN] [OPTIONS] OLD NEW", "compare two versions of a ladder (exit 1 when they differ)",
	 "  -f, --format=FORMAT    text (default), markdown, html or json\n"
	 "      --role=ID          only changes that affect one role\n"
	 "      --track=ID         only changes to one track's levels and the chain below them\n"
	 "      --level=ID         only what is expected at one level, and promotion into it and the next\n" LOAD_HELP
	 "  (with git's 7 diff-driver arguments it exits 0 after printing; see docs/diff.md)\n",
	 "0 no differences, 1 differences, 2 unreadable or invalid input"},
	{"build", cli_build, "build [-o DIR] [-f LIST] [OPTIONS] FILE...", "write the site: HTML, Markdown, CSV and JSON",
	 "  -o, --output=DIR       the directory to replace (default out); with several FILEs, DIR/ID/ each\n"
	 "  -f, --formats=LIST     comma-separated subset of html,markdown,csv,json (default: all)\n"
	 "      --since=OLD        add changes.html and changes.md, what changed since OLD (a file,\n"
	 "                         or - for stdin), and mark it on every page\n" LOAD_HELP, NULL},
	{"init", cli_init, "init [--tracks single|dual] [--name NAME] [DIR]", "write a starter ladder to DIR/ladder.yaml",
	 "      --tracks=LAYOUT    single (default: one track, IC1-IC5) or dual (IC1-IC2, then expert\n"
	 "                         and people-leadership tracks forking at IC2)\n"
	 "      --name=NAME        the company or ladder name (default \"" LADDER_INIT_DEFAULT_NAME "\")\n"
	 "  DIR is created when missing (default: the current directory); an existing\n"
	 "  DIR/ladder.yaml is never overwritten.\n",
	 "0 success, 2 usage error, an existing ladder.yaml or a failed write"},
	{"import", cli_import, "import [--from FORMAT] [--track ID[@FROM]=LEVEL,...]... [--into LADDER] [OPTIONS] FILE",
	 "read a spreadsheet or Markdown table (CSV, TSV, Markdown) as a ladder",
	 "      --from=FORMAT      csv, tsv or markdown (default: guessed from the content)\n"
	 "      --delimiter=D      csv: ',', ';' or 'tab' (default: guessed from the header)\n"
	 "      --track=SPEC       ID=LEVEL,... or ID@FROM=LEVEL,...: a track and its levels, forking\n"
	 "                         at FROM (repeatable; default: one track of the header's levels)\n"
	 "      --role=NAME        the role's name (default: the file name)\n"
	 "      --restated         each level's text restates the level in full (expectations: restated)\n"
	 "      --into=LADDER      fill the texts of LADDER's competencies; its structure is kept\n"
	 "      --force            with --into: skip rows that match no competency, instead of failing\n"
	 "  -o, --output=FILE      write FILE, atomically (default: standard output)\n" LOAD_HELP,
	 "0 success, 1 the table cannot be read as a ladder, 2 usage error, unreadable file or failed write"},
	{"assess", cli_assess, "assess [-f FORMAT] [--as-of DATE] [--person ID] [--team] [-o FILE] LADDER RATINGS",
	 "assess people's ratings: promotion readiness, gaps and team calibration",
	 "  -f, --format=FORMAT    text (default), markdown, html, csv or json\n"
	 "      --as-of=DATE       measure time in level to DATE (YYYY-MM-DD) when the\n"
	 "                         ratings file gives no as_of (default: today)\n"
	 "      --person=ID        one person's report only\n"
	 "      --team             the team figures (default: when there is more than one person)\n"
	 "      --aspirational=PCT flag a promotion step met by fewer than PCT% (default 5)\n"
	 "      --not-a-bar=PCT    flag a promotion step met by more than PCT% (default 50)\n"
	 "  -o, --output=FILE      write the report to FILE (mode 0600, replaced whole)\n"
	 "  RATINGS is YAML, or CSV when its name ends in .csv (see docs/assess.md).\n" LOAD_HELP,
	 "0 assessed (whatever the verdicts), 1 invalid ladder or ratings (nothing written),\n"
	 "2 usage error or unreadable file"},
	{"schema", cli_schema, "schema", "print the JSON Schema of the ladder format, for editors", "", "0 success, 2 usage error"},
	{"help", cmd_help, "help [COMMAND]", "show help for ladderc or one command", "", NULL},
	{"version", cmd_version, "version", "print the version", "", NULL},
};

static const command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const char *cli_command_usage(const char *name)
{
	const command *c = find_command(name);
	return c ? c->usage : NULL;
}

int cli_help(const char *name)
{
	if (name) {
		const command *c = find_command(name);
		if (!c)
			return cli_usage_error(NULL, "no such command '%s'", name);
		printf("usage: ladderc %s\n\n%s.\n", c->usage, c->summary);
		if (c->help[0])
			printf("\nOptions:\n%s", c->help);
		printf("\nExit status: %s.\nSee ladderc(1) for details.\n",
		       c->exits ? c->exits : "0 success, 1 invalid ladder, 2 usage error or unreadable file");
		return cli_flush_stdout();
	}
	printf("usage: ladderc COMMAND [OPTIONS] [FILE...]\n\n"
	       "ladderc compiles a career ladder written in YAML: it checks it and renders it.\n\n"
	       "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n  -h, --help     show this help\n  -V, --version  print the version\n\n"
	       "Run 'ladderc help COMMAND' for a command's options. See ladderc(1).\n");
	return cli_flush_stdout();
}

int ladderc_main(int argc, char **argv)
{
	if (argc < 2) {
		cli_help(NULL);
		return LADDERC_EXIT_TROUBLE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		return cli_help(NULL);
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		return cmd_version(0, NULL);
	const command *c = find_command(name);
	if (!c) {
		if (name[0] == '-')
			return cli_usage_error(NULL, "unknown option '%s'", name);
		return cli_usage_error(NULL, "unknown command '%s'", name);
	}
	optind = 1;
	return c->run(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	/* A reader that goes away (ladderc render ... | head -1) makes write()
	 * fail with EPIPE, which the writers treat as a quiet, successful end;
	 * the default SIGPIPE would instead kill the process (status 141) or
	 * not, depending on how much output the pipe buffer happened to hold. */
	signal(SIGPIPE, SIG_IGN);
	/* Only the plain serial path (ladderc/speed.h): a user who suspects a
	 * speed-only path can rule it out. */
	const char *serial = getenv("LADDERC_SERIAL");
	if (serial && *serial && strcmp(serial, "0") != 0)
		lc_set_serial(1);
	return ladderc_main(argc, argv);
}
