/* yaml_floor [--memory | --emit] FILE: THE floor, libyaml's fastest parse of the file.
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
 * --emit parses as the floor does and hands every event to libyaml's emitter,
 * set up as ladderc's YAML writer sets it (src/yaml_writer.c: unicode, no
 * line width, indent 2), writing to a handler that keeps nothing: what
 * writing that YAML through the emitter costs at the least, a row beside
 * import's floor (bench/import.sh).
 *
 * Nothing is built: whatever ladderc does beyond this is its own cost.
 * Exit status 0, or 1 when the YAML does not parse, 2 on usage or I/O trouble. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "read_file.h"

static int discard(void *ctx, unsigned char *buffer, size_t size)
{
	(void)buffer;
	*(size_t *)ctx += size;
	return 1;
}

static int parse_to_end(yaml_parser_t *p, yaml_emitter_t *e, size_t *events)
{
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(p, &ev)) {
			fprintf(stderr, "yaml_floor: %s at line %zu\n", p->problem ? p->problem : "error",
			        p->problem_mark.line + 1);
			return 1;
		}
		int end = ev.type == YAML_STREAM_END_EVENT;
		if (e) {
			/* the emitter takes the event, and deletes it even on failure */
			if (!yaml_emitter_emit(e, &ev)) {
				fprintf(stderr, "yaml_floor: the emitter: %s\n", e->problem ? e->problem : "error");
				return 1;
			}
		} else {
			yaml_event_delete(&ev);
		}
		++*events;
		if (end)
			return 0;
	}
}

int main(int argc, char **argv)
{
	int memory = argc == 3 && strcmp(argv[1], "--memory") == 0;
	int emit = argc == 3 && strcmp(argv[1], "--emit") == 0;
	if (argc != 2 + memory + emit) {
		fprintf(stderr, "usage: yaml_floor [--memory | --emit] FILE\n");
		return 2;
	}
	const char *path = argv[1 + memory + emit];
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
	yaml_emitter_t e;
	size_t written = 0;
	if (emit) {
		if (!yaml_emitter_initialize(&e)) {
			yaml_parser_delete(&p);
			return 2;
		}
		yaml_emitter_set_output(&e, discard, &written);
		yaml_emitter_set_unicode(&e, 1);
		yaml_emitter_set_width(&e, -1);
		yaml_emitter_set_indent(&e, 2);
	}
	size_t events = 0;
	int status = parse_to_end(&p, emit ? &e : NULL, &events);
	yaml_parser_delete(&p);
	if (emit)
		yaml_emitter_delete(&e);
	if (f)
		fclose(f);
	free(data);
	if (getenv("YAML_FLOOR_VERBOSE"))
		fprintf(stderr, "%zu events, %zu bytes emitted\n", events, written);
	return status;
}
