/* ladderc schema: the JSON Schema of the ladder format, for editors
 * (ladder_schema in src/schema.c; docs/format.md, "Editor support"). */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

int cli_schema(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while (cli_getopt("schema", argc, argv, "h", longopts, &c) < 0 && c != -1) {
		if (c == 'h')
			return cli_help("schema");
	}
	if (c == '?' || c == ':')
		return LADDERC_EXIT_TROUBLE;
	if (optind < argc)
		return cli_usage_error("schema", "schema takes no arguments");
	lc_buf out = LC_BUF_INIT;
	int st = ladder_schema(&out);
	if (st != 0) {
		fprintf(stderr, st == -1 ? "ladderc: error: out of memory\n"
		                         : "ladderc: error: internal: the schema does not describe the loader's keys\n");
		lc_buf_free(&out);
		return LADDERC_EXIT_TROUBLE;
	}
	int status = cli_write_stdout(&out);
	lc_buf_free(&out);
	return status;
}
