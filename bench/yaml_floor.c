/* yaml_floor FILE: THE floor. Reads the file into memory the way ladderc does,
 * hands the buffer to libyaml (yaml_parser_set_input_string, UTF-8 forced, as
 * ladderc does) and runs yaml_parser_parse to the end of the stream, deleting
 * each event. Nothing is built: whatever ladderc does beyond this is its own
 * cost. Exit status 0, or 1 when the YAML does not parse. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

#include "read_file.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml_floor FILE\n");
		return 2;
	}
	size_t len;
	char *data = bench_read_file(argv[1], &len);
	if (!data) {
		perror(argv[1]);
		return 2;
	}
	size_t bom = len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
	             (unsigned char)data[2] == 0xBF ? 3 : 0;
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		free(data);
		return 2;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)data + bom, len - bom);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	int status = 0;
	size_t events = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yaml_floor: %s at line %zu\n", p.problem ? p.problem : "error",
			        p.problem_mark.line + 1);
			status = 1;
			break;
		}
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	free(data);
	if (getenv("YAML_FLOOR_VERBOSE"))
		fprintf(stderr, "%zu events\n", events);
	return status;
}
