/* The starter ladder of `ladderc init` (ladderc/init.h). Everything but the
 * leading comment goes through libyaml's emitter, so that a name holding
 * quotes, colons, '#' or a leading '{' comes out as valid YAML that reads back
 * as the same text. */
#include "ladderc/init.h"

#include <stdint.h>
#include <string.h>
#include "slug.h"
#include "text.h"
#include "yaml_writer.h"

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

/* ---- the ladder ------------------------------------------------------------- */


/* The ladder's id: the name's ASCII letters and digits in lower case, every
 * run of anything else one '-', at most 64 characters; "ladder" when nothing
 * is left. */
static void make_id(const char *name, char id[static 65])
{
	if (lc_slug(name, strlen(name), id, 64) == 0)
		strcpy(id, "ladder");
}

static void emit_tracks(lc_yaml_writer *w, const track_spec *t, size_t nt)
{
	lc_yaml_scalar(w, "tracks");
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < nt; i++) {
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", t[i].id);
		lc_yaml_pair(w, "name", t[i].name);
		if (t[i].from)
			lc_yaml_pair(w, "from", t[i].from);
		lc_yaml_scalar(w, "levels");
		lc_yaml_seq_start(w);
		for (size_t j = 0; j < t[i].nlevels; j++) {
			lc_yaml_map_start(w);
			lc_yaml_pair(w, "id", t[i].levels[j].id);
			lc_yaml_pair(w, "name", t[i].levels[j].name);
			lc_yaml_pair(w, "title", t[i].levels[j].title);
			lc_yaml_map_end(w);
		}
		lc_yaml_seq_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
}

/* One placeholder per competency and level: "Shows good delivery on
 * well-defined tasks, ...". "Shows" and "good" are what the vague-language
 * rule exists to catch, and its message says what to write instead. */
static void emit_group(lc_yaml_writer *w, const char *id, const char *name, const competency_spec *c, size_t nc,
                       const track_spec *t, size_t nt, lc_buf *sentence)
{
	lc_yaml_map_start(w);
	lc_yaml_pair(w, "id", id);
	lc_yaml_pair(w, "name", name);
	lc_yaml_scalar(w, "competencies");
	lc_yaml_seq_start(w);
	for (size_t i = 0; i < nc; i++) {
		lc_yaml_map_start(w);
		lc_yaml_pair(w, "id", c[i].id);
		lc_yaml_pair(w, "name", c[i].name);
		lc_yaml_scalar(w, "levels");
		lc_yaml_map_start(w);
		for (size_t k = 0; k < nt; k++)
			for (size_t j = 0; j < t[k].nlevels; j++) {
				lc_buf_clear(sentence);
				lc_buf_printf(sentence, "Shows good %s %s.", c[i].phrase, t[k].levels[j].scope);
				if (lc_buf_failed(sentence)) {
					w->ok = 0;
					return;
				}
				lc_yaml_pair(w, t[k].levels[j].id, sentence->data);
			}
		lc_yaml_map_end(w);
		lc_yaml_map_end(w);
	}
	lc_yaml_seq_end(w);
	lc_yaml_map_end(w);
}

/* A number, written plain (a key's value that YAML reads as a number). */
static void pair_number(lc_yaml_writer *w, const char *key, const char *digits)
{
	lc_yaml_scalar(w, key);
	lc_yaml_scalar(w, digits);
}

static void emit_evidence(lc_yaml_writer *w, const char *evidence)
{
	lc_yaml_scalar(w, "evidence");
	lc_yaml_seq_start(w);
	lc_yaml_text(w, evidence, strlen(evidence));
	lc_yaml_seq_end(w);
}

static void emit_promotion(lc_yaml_writer *w, ladder_init_tracks tracks)
{
	lc_yaml_scalar(w, "promotion");
	lc_yaml_map_start(w);
	pair_number(w, "scale", "5");
	pair_number(w, "min_average", "3.5");
	pair_number(w, "min_each", "3");
	lc_yaml_pair(w, "time_in_level", "2 quarters");
	emit_evidence(w, "Manager endorsement, confirmed in a calibration session.");
	lc_yaml_scalar(w, "into");
	lc_yaml_map_start(w);
	if (tracks == LADDER_INIT_DUAL) {
		lc_yaml_scalar(w, "E3");
		lc_yaml_map_start(w);
		emit_evidence(w, "Has led a project with three or more stakeholders from other teams.");
		lc_yaml_map_end(w);
		lc_yaml_scalar(w, "L3");
		lc_yaml_map_start(w);
		emit_evidence(w, "Has agreed the move to people leadership with their manager, and has mentored "
		                 "someone for two quarters.");
		lc_yaml_map_end(w);
	} else {
		lc_yaml_scalar(w, "IC4");
		lc_yaml_map_start(w);
		emit_evidence(w, "Has led a project with three or more stakeholders from other teams.");
		lc_yaml_map_end(w);
	}
	lc_yaml_map_end(w);
	lc_yaml_map_end(w);
}

static void emit_ladder(lc_yaml_writer *w, const ladder_init_options *o, const char *name, lc_buf *sentence)
{
	const track_spec *t = o->tracks == LADDER_INIT_DUAL ? dual_tracks : single_tracks;
	size_t nt = o->tracks == LADDER_INIT_DUAL ? COUNT(dual_tracks) : COUNT(single_tracks);
	char id[65];
	make_id(name, id);

	lc_yaml_map_start(w);
	pair_number(w, "ladder", "1");
	lc_yaml_pair(w, "id", id);
	lc_yaml_pair(w, "name", name);
	lc_yaml_pair(w, "title", "Career ladder");
	lc_yaml_scalar(w, "intro");
	lc_yaml_scalar_styled(w, intro, sizeof intro - 1, YAML_LITERAL_SCALAR_STYLE);
	emit_tracks(w, t, nt);

	lc_yaml_scalar(w, "groups");
	lc_yaml_seq_start(w);
	emit_group(w, "core", "Core competencies", core_competencies, COUNT(core_competencies), t, nt, sentence);
	lc_yaml_seq_end(w);

	lc_yaml_scalar(w, "roles");
	lc_yaml_seq_start(w);
	lc_yaml_map_start(w);
	lc_yaml_pair(w, "id", "software-engineer");
	lc_yaml_pair(w, "name", "Software Engineer");
	lc_yaml_pair(w, "family", "Engineering");
	lc_yaml_scalar(w, "groups");
	lc_yaml_seq_start(w);
	emit_group(w, "craft", "Engineering craft", craft_competencies, COUNT(craft_competencies), t, nt, sentence);
	lc_yaml_seq_end(w);
	lc_yaml_map_end(w);
	lc_yaml_seq_end(w);

	emit_promotion(w, o->tracks);
	lc_yaml_map_end(w);
}

int ladder_init_write(lc_buf *out, const ladder_init_options *o)
{
	const char *name = o->name ? o->name : LADDER_INIT_DEFAULT_NAME;
	if (!lc_name_ok(name, strlen(name)))
		return LADDER_INIT_BAD_NAME;
	lc_buf_puts(out, header);

	lc_yaml_writer w;
	if (lc_yaml_begin(&w, out) < 0)
		return LADDER_INIT_NOMEM;
	lc_buf sentence = LC_BUF_INIT;
	emit_ladder(&w, o, name, &sentence);
	int ok = lc_yaml_end(&w);
	lc_buf_free(&sentence);
	return ok && !lc_buf_failed(out) ? LADDER_INIT_OK : LADDER_INIT_NOMEM;
}
