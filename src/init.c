/* The starter ladder of `ladderc init` (ladderc/init.h). Everything but the
 * leading comment goes through libyaml's emitter, so that a name holding
 * quotes, colons, '#' or a leading '{' comes out as valid YAML that reads back
 * as the same text. */
#include "ladderc/init.h"

#include <stdint.h>
#include <string.h>
#include <yaml.h>

#include "text.h"

int ladder_init_parse_tracks(const char *name, ladder_init_tracks *out)
{
	if (strcmp(name, "single") == 0)
		*out = LADDER_INIT_SINGLE;
	else if (strcmp(name, "dual") == 0)
		*out = LADDER_INIT_DUAL;
	else
		return -1;
	return 0;
}

/* ---- what the starter holds ------------------------------------------------ */

typedef struct level_spec {
	const char *id, *name, *title;
	/* how far the work reaches at this level: the second half of every
	 * placeholder, different at each level so that neighbouring levels do
	 * not read as near-duplicates */
	const char *scope;
} level_spec;

typedef struct track_spec {
	const char *id, *name, *from;
	const level_spec *levels;
	size_t nlevels;
} track_spec;

static const level_spec single_ic[] = {
	{"IC1", "Junior", "Junior {role}", "on well-defined tasks, with regular guidance"},
	{"IC2", "Mid-level", "{role}", "in their own work within the team's plans, asking for help when blocked"},
	{"IC3", "Senior", "Senior {role}", "across the team's projects, and coaches others in it"},
	{"IC4", "Staff", "Staff {role}", "across several teams, and sets the standard they follow"},
	{"IC5", "Principal", "Principal {role}", "for the whole company, and plans how it must change over years"},
};

static const level_spec dual_expert[] = {
	{"E3", "Senior", "Senior {role}", "across the team's projects, and coaches others in it"},
	{"E4", "Staff", "Staff {role}", "across several teams, and sets the standard they follow"},
	{"E5", "Principal", "Principal {role}", "for the whole company, and plans how it must change over years"},
};

static const level_spec dual_lead[] = {
	{"L3", "Team Lead", "{role} Team Lead", "through a team of up to eight people whom they manage"},
	{"L4", "Director", "Director of {family}", "through several teams and the managers who run them"},
	{"L5", "VP", "VP of {family}", "through a whole function, its leaders and its yearly budget"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const track_spec single_tracks[] = {
	{"IC", "Individual contributor", NULL, single_ic, COUNT(single_ic)},
};

/* Seed 000's shape: everyone starts on IC1 and IC2, then chooses the expert
 * or the people-leadership track, equal in standing level for level. */
static const track_spec dual_tracks[] = {
	{"IC", "Individual contributor", NULL, single_ic, 2}, /* IC1 and IC2 */
	{"E", "Expert", "IC2", dual_expert, COUNT(dual_expert)},
	{"L", "People leadership", "IC2", dual_lead, COUNT(dual_lead)},
};

typedef struct competency_spec {
	const char *id, *name, *phrase; /* phrase: the name inside a sentence */
} competency_spec;

static const competency_spec core_competencies[] = {
	{"delivery", "Delivery", "delivery"},
	{"collaboration", "Collaboration", "collaboration"},
	{"communication", "Communication", "communication"},
};

static const competency_spec craft_competencies[] = {
	{"design", "Design", "design"},
	{"quality", "Quality", "quality"},
	{"operations", "Operations", "operations"},
};

static const char intro[] =
	"Replace this introduction: who the ladder is for, how it is used in reviews and promotions, and whom to ask "
	"about it.\n"
	"\n"
	"The expectations are cumulative: a level expects everything the levels below it expect.\n";

/* A comment cannot go through the emitter; this one is constant text. */
static const char header[] =
	"# yaml-language-server: $schema=ladder.schema.json\n"
	"# A starter ladder written by 'ladderc init'. Every expectation is a placeholder:\n"
	"# 'ladderc check --strict' lists them until each one says what someone at that\n"
	"# level does that others can see. The format: docs/format.md.\n";

/* ---- the emitter ---------------------------------------------------------- */

typedef struct writer {
	yaml_emitter_t e;
	int ok;   /* 0 once an event failed: the rest are skipped */
} writer;

static int to_buf(void *data, unsigned char *p, size_t n)
{
	lc_buf *out = data;
	lc_buf_put(out, p, n);
	return !lc_buf_failed(out);
}

static void emit(writer *w, yaml_event_t *ev, int made)
{
	if (!made) {
		w->ok = 0;
		return;
	}
	if (!yaml_emitter_emit(&w->e, ev)) /* frees the event either way */
		w->ok = 0;
}

/* A scalar with the given style; YAML_ANY_SCALAR_STYLE lets the emitter pick
 * plain, or quotes when the text needs them. */
static void scalar_styled(writer *w, const char *s, size_t len, yaml_scalar_style_t style)
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

static void scalar(writer *w, const char *s)
{
	scalar_styled(w, s, strlen(s), YAML_ANY_SCALAR_STYLE);
}

/* Text that other YAML readers would type as null, a boolean or a number
 * (YAML 1.1 or 1.2: `no`, `~`, `1e3`, `0x1F`, `12:30`) is quoted, so an
 * editor's schema check sees the string ladderc reads. */
static int typed_elsewhere(const char *s, size_t n)
{
	static const char *const words[] = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"};
	if (n == 0)
		return 1;
	for (size_t i = 0; i < COUNT(words); i++) {
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

static void text(writer *w, const char *s)
{
	size_t n = strlen(s);
	scalar_styled(w, s, n, typed_elsewhere(s, n) ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

/* The start or end of a block mapping or sequence. */
typedef enum collection_event { MAP_START, MAP_END, SEQ_START, SEQ_END } collection_event;

static void collection(writer *w, collection_event what)
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

static void map_start(writer *w) { collection(w, MAP_START); }
static void map_end(writer *w) { collection(w, MAP_END); }
static void seq_start(writer *w) { collection(w, SEQ_START); }
static void seq_end(writer *w) { collection(w, SEQ_END); }

static void pair(writer *w, const char *key, const char *value)
{
	scalar(w, key);
	text(w, value);
}

static void pair_number(writer *w, const char *key, const char *digits)
{
	scalar(w, key);
	scalar(w, digits);
}

/* ---- the ladder ------------------------------------------------------------- */

/* A name is one line of visible text, as the loader requires of names. */
static int name_ok(const char *s)
{
	size_t n = strlen(s), visible = 0;
	for (size_t i = 0, len; i < n; i += len) {
		uint32_t c = lc_utf8_decode(s + i, n - i, &len);
		if (c == LC_UTF8_INVALID || lc_text_is_control(c) || lc_text_is_bidi_control(c) ||
		    lc_text_is_line_separator(c))
			return 0;
		if (c != ' ')
			visible++;
	}
	return visible > 0;
}

/* The ladder's id: the name's ASCII letters and digits in lower case, every
 * run of anything else one '-', at most 64 characters; "ladder" when nothing
 * is left. */
static void make_id(const char *name, char id[static 65])
{
	size_t n = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && n < 64; p++) {
		if (lc_text_is_ascii_alnum(*p)) {
			if (dash && n > 0 && n < 63)
				id[n++] = '-';
			dash = 0;
			id[n++] = (char)lc_text_ascii_lower(*p);
		} else {
			dash = 1;
		}
	}
	id[n] = '\0';
	if (n == 0)
		strcpy(id, "ladder");
}

static void emit_tracks(writer *w, const track_spec *t, size_t nt)
{
	scalar(w, "tracks");
	seq_start(w);
	for (size_t i = 0; i < nt; i++) {
		map_start(w);
		pair(w, "id", t[i].id);
		pair(w, "name", t[i].name);
		if (t[i].from)
			pair(w, "from", t[i].from);
		scalar(w, "levels");
		seq_start(w);
		for (size_t j = 0; j < t[i].nlevels; j++) {
			map_start(w);
			pair(w, "id", t[i].levels[j].id);
			pair(w, "name", t[i].levels[j].name);
			pair(w, "title", t[i].levels[j].title);
			map_end(w);
		}
		seq_end(w);
		map_end(w);
	}
	seq_end(w);
}

/* One placeholder per competency and level: "Shows good delivery on
 * well-defined tasks, ...". "Shows" and "good" are what the vague-language
 * rule exists to catch, and its message says what to write instead. */
static void emit_group(writer *w, const char *id, const char *name, const competency_spec *c, size_t nc,
                       const track_spec *t, size_t nt, lc_buf *sentence)
{
	map_start(w);
	pair(w, "id", id);
	pair(w, "name", name);
	scalar(w, "competencies");
	seq_start(w);
	for (size_t i = 0; i < nc; i++) {
		map_start(w);
		pair(w, "id", c[i].id);
		pair(w, "name", c[i].name);
		scalar(w, "levels");
		map_start(w);
		for (size_t k = 0; k < nt; k++)
			for (size_t j = 0; j < t[k].nlevels; j++) {
				lc_buf_clear(sentence);
				lc_buf_printf(sentence, "Shows good %s %s.", c[i].phrase, t[k].levels[j].scope);
				if (lc_buf_failed(sentence)) {
					w->ok = 0;
					return;
				}
				pair(w, t[k].levels[j].id, sentence->data);
			}
		map_end(w);
		map_end(w);
	}
	seq_end(w);
	map_end(w);
}

static void emit_evidence(writer *w, const char *evidence)
{
	scalar(w, "evidence");
	seq_start(w);
	text(w, evidence);
	seq_end(w);
}

static void emit_promotion(writer *w, ladder_init_tracks tracks)
{
	scalar(w, "promotion");
	map_start(w);
	pair_number(w, "scale", "5");
	pair_number(w, "min_average", "3.5");
	pair_number(w, "min_each", "3");
	pair(w, "time_in_level", "2 quarters");
	emit_evidence(w, "Manager endorsement, confirmed in a calibration session.");
	scalar(w, "into");
	map_start(w);
	if (tracks == LADDER_INIT_DUAL) {
		scalar(w, "E3");
		map_start(w);
		emit_evidence(w, "Has led a project with three or more stakeholders from other teams.");
		map_end(w);
		scalar(w, "L3");
		map_start(w);
		emit_evidence(w, "Has agreed the move to people leadership with their manager, and has mentored "
		                 "someone for two quarters.");
		map_end(w);
	} else {
		scalar(w, "IC4");
		map_start(w);
		emit_evidence(w, "Has led a project with three or more stakeholders from other teams.");
		map_end(w);
	}
	map_end(w);
	map_end(w);
}

static void emit_ladder(writer *w, const ladder_init_options *o, const char *name, lc_buf *sentence)
{
	const track_spec *t = o->tracks == LADDER_INIT_DUAL ? dual_tracks : single_tracks;
	size_t nt = o->tracks == LADDER_INIT_DUAL ? COUNT(dual_tracks) : COUNT(single_tracks);
	char id[65];
	make_id(name, id);

	map_start(w);
	pair_number(w, "ladder", "1");
	pair(w, "id", id);
	pair(w, "name", name);
	pair(w, "title", "Career ladder");
	scalar(w, "intro");
	scalar_styled(w, intro, sizeof intro - 1, YAML_LITERAL_SCALAR_STYLE);
	emit_tracks(w, t, nt);

	scalar(w, "groups");
	seq_start(w);
	emit_group(w, "core", "Core competencies", core_competencies, COUNT(core_competencies), t, nt, sentence);
	seq_end(w);

	scalar(w, "roles");
	seq_start(w);
	map_start(w);
	pair(w, "id", "software-engineer");
	pair(w, "name", "Software Engineer");
	pair(w, "family", "Engineering");
	scalar(w, "groups");
	seq_start(w);
	emit_group(w, "craft", "Engineering craft", craft_competencies, COUNT(craft_competencies), t, nt, sentence);
	seq_end(w);
	map_end(w);
	seq_end(w);

	emit_promotion(w, o->tracks);
	map_end(w);
}

int ladder_init_write(lc_buf *out, const ladder_init_options *o)
{
	const char *name = o->name ? o->name : LADDER_INIT_DEFAULT_NAME;
	if (!name_ok(name))
		return LADDER_INIT_BAD_NAME;
	lc_buf_puts(out, header);

	writer w;
	w.ok = yaml_emitter_initialize(&w.e);
	if (!w.ok)
		return LADDER_INIT_NOMEM;
	yaml_emitter_set_output(&w.e, to_buf, out);
	yaml_emitter_set_unicode(&w.e, 1);   /* "Société" as it is, not "\xE9" escapes */
	yaml_emitter_set_width(&w.e, -1);    /* one line per sentence */
	yaml_emitter_set_indent(&w.e, 2);
	lc_buf sentence = LC_BUF_INIT;
	yaml_event_t ev;
	emit(&w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	if (w.ok)
		emit(&w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	emit_ladder(&w, o, name, &sentence);
	if (w.ok)
		emit(&w, &ev, yaml_document_end_event_initialize(&ev, 1));
	if (w.ok)
		emit(&w, &ev, yaml_stream_end_event_initialize(&ev));
	if (w.ok && !yaml_emitter_flush(&w.e))
		w.ok = 0;
	yaml_emitter_delete(&w.e);
	lc_buf_free(&sentence);
	return w.ok && !lc_buf_failed(out) ? LADDER_INIT_OK : LADDER_INIT_NOMEM;
}
