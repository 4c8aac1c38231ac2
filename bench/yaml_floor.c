/* yaml_floor [--memory] FILE: THE floor, libyaml's fastest parse of the file.
 *
 * By default libyaml streams the file itself (yaml_parser_set_input_file: its
 * own 16 KB buffer, so no page of a whole-file buffer is ever faulted in) and
 * runs yaml_parser_parse to the end of the stream, deleting each event. That
 * is what every ratio of the benchmark is taken against (issue 19): how
 * ladderc gets its bytes is ladderc's cost, not the floor's.
 *
 * --memory reads the whole file into one malloc'ed buffer first and parses it
 * with yaml_parser_set_input_string (UTF-8 forced), as ladderc's plain load
 * does; it is kept as a row beside the floor, to show what the buffer costs.
 *
 * Nothing is built: whatever ladderc does beyond this is its own cost.
 * Exit status 0, or 1 when the YAML does not parse, 2 on usage or I/O trouble. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "read_file.h"

static int parse_to_end(yaml_parser_t *p, size_t *events)
{
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(p, &ev)) {
			fprintf(stderr, "yaml_floor: %s at line %zu\n", p->problem ? p->problem : "error",
			        p->problem_mark.line + 1);
			return 1;
		}
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		++*events;
		if (end)
			return 0;
	}
}

int main(int argc, char **argv)
{
	int memory = argc == 3 && strcmp(argv[1], "--memory") == 0;
	if (argc != 2 + memory) {
		fprintf(stderr, "usage: yaml_floor [--memory] FILE\n");
		return 2;
	}
	const char *path = argv[1 + memory];
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return 2;
	char *data = NULL;
	FILE *f = NULL;
	if (memory) {
		size_t len;
		data = bench_read_file(path, &len);
		if (!data) {
			perror(path);
			yaml_parser_delete(&p);
			return 2;
		}
		size_t bom = len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
		             (unsigned char)data[2] == 0xBF ? 3 : 0;
		yaml_parser_set_input_string(&p, (const unsigned char *)data + bom, len - bom);
		yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	} else {
		f = fopen(path, "rb");
		if (!f) {
			perror(path);
			yaml_parser_delete(&p);
			return 2;
		}
		yaml_parser_set_input_file(&p, f);
	}
	size_t events = 0;
	int status = parse_to_end(&p, &events);
	yaml_parser_delete(&p);
	if (f)
		fclose(f);
	free(data);
	if (getenv("YAML_FLOOR_VERBOSE"))
		fprintf(stderr, "%zu events\n", events);
	return status;
}
