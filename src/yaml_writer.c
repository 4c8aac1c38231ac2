/* Writing YAML through libyaml's emitter (yaml_writer.h). */
#include "yaml_writer.h"

#include <stdint.h>
#include <string.h>

#include "text.h"

static int to_buf(void *data, unsigned char *p, size_t n)
{
	lc_buf *out = data;
	lc_buf_put(out, p, n);
	return !lc_buf_failed(out);
}

static void emit(lc_yaml_writer *w, yaml_event_t *ev, int made)
{
	if (!made) {
		w->ok = 0;
		return;
	}
	if (!yaml_emitter_emit(&w->e, ev)) /* frees the event either way */
		w->ok = 0;
}

int lc_yaml_begin(lc_yaml_writer *w, lc_buf *out)
{
	w->ok = yaml_emitter_initialize(&w->e);
	if (!w->ok)
		return -1;
	yaml_emitter_set_output(&w->e, to_buf, out);
	yaml_emitter_set_unicode(&w->e, 1);   /* "Société" as it is, not "\xE9" escapes */
	yaml_emitter_set_width(&w->e, -1);    /* one line per sentence */
	yaml_emitter_set_indent(&w->e, 2);
	yaml_event_t ev;
	emit(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	if (w->ok)
		emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return 0;
}

int lc_yaml_end(lc_yaml_writer *w)
{
	yaml_event_t ev;
	if (w->ok)
		emit(w, &ev, yaml_document_end_event_initialize(&ev, 1));
	if (w->ok)
		emit(w, &ev, yaml_stream_end_event_initialize(&ev));
	if (w->ok && !yaml_emitter_flush(&w->e))
		w->ok = 0;
	yaml_emitter_delete(&w->e);
	return w->ok;
}

void lc_yaml_scalar_styled(lc_yaml_writer *w, const char *s, size_t len, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (!w->ok)
		return;
	if (len > INT32_MAX) {
		w->ok = 0;
		return;
	}
	emit(w, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)(uintptr_t)s, (int)len, 1, 1, style));
}

void lc_yaml_scalar(lc_yaml_writer *w, const char *s)
{
	lc_yaml_scalar_styled(w, s, strlen(s), YAML_ANY_SCALAR_STYLE);
}

/* Text that other YAML readers would type as null, a boolean or a number
 * (YAML 1.1 or 1.2: `no`, `~`, `1e3`, `0x1F`, `12:30`). */
static int typed_elsewhere(const char *s, size_t n)
{
	static const char *const words[] = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"};
	if (n == 0)
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t k = strlen(words[i]);
		if (k == n) {
			size_t j = 0;
			while (j < n && lc_text_ascii_lower((unsigned char)s[j]) == (unsigned char)words[i][j])
				j++;
			if (j == n)
				return 1;
		}
	}
	unsigned char c = (unsigned char)s[0];
	if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdefABCDEFxXoO._:+-", s[i]))
			return 0;
	return 1;
}

void lc_yaml_text(lc_yaml_writer *w, const char *s, size_t len)
{
	lc_yaml_scalar_styled(w, s, len, typed_elsewhere(s, len) ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

void lc_yaml_long_text(lc_yaml_writer *w, const char *s, size_t len)
{
	if (memchr(s, '\n', len))
		lc_yaml_scalar_styled(w, s, len, YAML_LITERAL_SCALAR_STYLE);
	else
		lc_yaml_text(w, s, len);
}

void lc_yaml_pair(lc_yaml_writer *w, const char *key, const char *value)
{
	lc_yaml_scalar(w, key);
	lc_yaml_text(w, value, strlen(value));
}

/* The start or end of a block mapping or sequence. */
typedef enum collection_event { MAP_START, MAP_END, SEQ_START, SEQ_END } collection_event;

static void collection(lc_yaml_writer *w, collection_event what)
{
	yaml_event_t ev;
	int made = 0;
	if (!w->ok)
		return;
	switch (what) {
	case MAP_START:
		made = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
		break;
	case MAP_END:
		made = yaml_mapping_end_event_initialize(&ev);
		break;
	case SEQ_START:
		made = yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		break;
	case SEQ_END:
		made = yaml_sequence_end_event_initialize(&ev);
		break;
	}
	emit(w, &ev, made);
}

void lc_yaml_map_start(lc_yaml_writer *w) { collection(w, MAP_START); }
void lc_yaml_map_end(lc_yaml_writer *w) { collection(w, MAP_END); }
void lc_yaml_seq_start(lc_yaml_writer *w) { collection(w, SEQ_START); }
void lc_yaml_seq_end(lc_yaml_writer *w) { collection(w, SEQ_END); }
