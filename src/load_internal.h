/* Private: what the loader's files share (src/load*.c). The pipeline is
 * src/load.c; a file is read and its includes followed in src/load_file.c;
 * values are read by the schema, with the messages, in src/load_schema.c;
 * the model is built from the trees in src/load_model.c. src/load_stream.c
 * is speed-only: it builds the roles while the main file is parsed. */
#ifndef LADDERC_LOAD_INTERNAL_H
#define LADDERC_LOAD_INTERNAL_H

#include <setjmp.h>
#include <stdio.h>
#include "idmap.h"
#include "ladderc/load.h"
#include "yaml_tree.h"

/* One file of the ladder: the main file or an included one. */
typedef struct unit {
	lc_source *src;
	lc_yt_node *root;
	char *real;         /* realpath, for cycles and containment */
	int is_main;
	lc_yt_node *tracks, *groups, *roles, *paths;
} unit;

/* A growable array of pointers, copied into the arena when complete. */
typedef struct vec {
	void **items;
	size_t n, cap;
} vec;

typedef struct loader {
	lc_arena *arena;
	lc_diags *diags;
	ladder_limits lim;
	ladder *l;
	unit **units;
	size_t nunits, capunits;
	char *root_dir;     /* realpath of the main file's directory */
	FILE *stream;       /* the main file comes from here (ladder_load_stream) */
	const char **stack; /* realpaths of the files being included, for cycles */
	size_t nstack;
	lc_idmap tracks, levels, roles, groups;
	lc_idmap proficiencies; /* id -> ladder_proficiency (src/load_proficiency.c) */
	vec vtracks, vlevels, vgroups, vroles;
	lc_yt_node *promotion, *lint;
	lc_yt_node *proficiency; /* the main file's `proficiency:` */
	jmp_buf nomem;
	jmp_buf *nomem_at;  /* where lc_load_oom() jumps: &nomem, or a guarded call's (GUARDED) */
	int io_error;
	size_t cells;       /* per-level entries of roles and competencies so far */
	/* Streaming (see stream_begin): roles are built while the main file is
	 * parsed, and their nodes freed, so text not in the source is copied. */
	lc_yt_stream ys;
	int copy_text;
	const char *text_lo, *text_hi; /* the main file's bytes */
	int globals_built;  /* tracks, levels and company-wide groups came first */
	int stream_oom;
	int stream_broken;  /* the streamed result may differ from a plain load's */
	lc_diags own_diags; /* a fork's (stream_fork) */
	int quiet;          /* a fork's errors are counted, not written: a message
	                     * may quote a source line the other thread also reads */
} loader;

/* What to load: a file by name, a stream, or the caller's bytes. */
typedef struct lc_load_input {
	const char *path;
	const char *data;   /* the caller's buffer (copied), or NULL */
	size_t len;
	FILE *stream;
	char *taken;        /* bytes already read, owned from here on (a second try) */
	size_t taken_len;
	int streaming;      /* roles may be built while parsing */
} lc_load_input;

/* ---- memory (src/load.c): out of memory jumps out of the whole load ----- */

__attribute__((noreturn)) void lc_load_oom(loader *ld);
/* p, or out of memory when it is NULL */
void *lc_load_need(loader *ld, void *p);
/* n zeroed elements in the model's arena (NULL for none) */
void *lc_load_alloc(loader *ld, size_t n, size_t size);
void lc_load_vec_push(loader *ld, vec *v, void *p);
/* v's items as an array in the arena; v itself is freed with the loader */
void **lc_load_vec_finish(loader *ld, vec *v, size_t *n);

/* ---- messages and values by the schema (src/load_schema.c) -------------- */

/* User text inside a message: quoted, shortened, control bytes escaped. */
const char *lc_load_quote(loader *ld, const char *s, size_t n);
const char *lc_load_quote_str(loader *ld, ladder_str s);
const char *lc_load_quote_node(loader *ld, const lc_yt_node *n);
__attribute__((format(printf, 3, 4)))
void lc_load_err(loader *ld, const lc_mark *at, const char *fmt, ...);
__attribute__((format(printf, 3, 4)))
void lc_load_note(loader *ld, const lc_mark *at, const char *fmt, ...);

/* The id of element i of `set`, for lc_load_did_you_mean. */
typedef ladder_str (*lc_load_id_at)(const void *set, size_t i);
/* "; did you mean 'id'?" naming the id of the n in `set` nearest to `word`,
 * or "" when none is near enough. */
const char *lc_load_did_you_mean(loader *ld, const char *word, size_t len, const void *set, size_t n,
                                 lc_load_id_at id_at);

/* The keys of each mapping of the format, NULL-terminated, in the order the
 * loader's K_*, TK_*... indexes name them. The editor schema (src/schema.c)
 * describes exactly these keys. */
extern const char *const lc_load_top_keys[];      /* a ladder file (src/load_file.c) */
extern const char *const lc_load_track_keys[];    /* the rest: src/load_model.c */
extern const char *const lc_load_level_keys[];
extern const char *const lc_load_group_keys[];
extern const char *const lc_load_comp_keys[];
extern const char *const lc_load_link_keys[];     /* a competency's link */
extern const char *const lc_load_proficiency_keys[]; /* a proficiency level (src/load_proficiency.c) */
extern const char *const lc_load_cell_keys[];     /* a cell written as a mapping (src/load_proficiency.c) */
extern const char *const lc_load_role_keys[];
extern const char *const lc_load_criteria_keys[]; /* 'promotion' */
extern const char *const lc_load_into_keys[];     /* promotion criteria for one level */
extern const char *const lc_load_path_keys[];
extern const char *const lc_load_lint_keys[];

/* 1 when n is of `kind`; else an error naming `what`, and 0. */
int lc_load_want(loader *ld, const lc_yt_node *n, lc_yt_kind kind, const char *what);
/* Walks a mapping with the given known keys: vals[i] gets the value of
 * keys[i]. Unknown keys are errors (with a suggestion) unless they start with
 * "x-". Returns 0 when `n` is not a mapping. */
int lc_load_walk_map(loader *ld, const lc_yt_node *n, const char *what, const char *const *keys,
                     lc_yt_node **vals, const lc_yt_node **keynodes);
/* 1 when v (the value of `key` in map) is there; else an error, and 0. */
int lc_load_require(loader *ld, const lc_yt_node *map, const lc_yt_node *v, const char *key, const char *what);

/* What lc_load_get_text accepts. */
enum {
	T_ONE_LINE = 1,    /* names and titles: no line breaks */
	T_NO_CONTROL = 2,  /* names and titles: no control or bidi characters */
	T_NONEMPTY = 4
};

/* Text by the schema. Returns 1 with *out set, 0 for null/absent or on error. */
int lc_load_get_text(loader *ld, const lc_yt_node *v, const char *what, unsigned flags, ladder_str *out);
/* The longest id, in bytes: ids become anchors and file names. */
enum { LC_LOAD_ID_MAX = 100 };
/* An id: letters, digits, '-' and '_', the first a letter or digit. 1 with
 * *out set, or 0. */
int lc_load_get_id(loader *ld, const lc_yt_node *v, const char *what, ladder_str *out);
/* Numbers: digits with an optional fraction; nothing YAML 1.1 would guess. */
int lc_load_get_number(loader *ld, const lc_yt_node *v, const char *what, int integer, double min,
                       double max, ladder_number *out);
/* `expectations: cumulative | restated` (src/load_model.c); INHERIT when
 * absent, null or wrong (reported). */
ladder_expectations lc_load_get_expectations(loader *ld, const lc_yt_node *v, const char *what);
/* A sequence of text, e.g. evidence; *marks (may be NULL) gets each position. */
ladder_str *lc_load_get_text_list(loader *ld, const lc_yt_node *v, const char *what, unsigned flags,
                                  size_t *n, lc_mark **marks);

/* ---- files and includes (src/load_file.c) ------------------------------- */

/* A new source of the model, named path. */
lc_source *lc_load_new_source(loader *ld, const char *path);
/* Reads src (unless it holds its bytes already), parses it, reads its top
 * keys and follows its includes. real (malloc'ed) is its realpath; from is
 * the include that named it, or NULL. */
void lc_load_unit(loader *ld, lc_source *src, char *real, int is_main, const lc_mark *from);
/* Directory part of a path ("." when there is none), malloc'ed. */
char *lc_load_dir_of(const char *path);
/* Standard input by name: its includes are found from the current directory. */
int lc_load_is_stdin_path(const char *path);
/* The path that identifies a file for include cycles, malloc'ed. */
char *lc_load_identity(const char *path);
/* Bytes given back (src/source_file.h) could not be read again: errno e. */
void lc_load_read_again_failed(loader *ld, lc_source *src, int e);

/* ---- the model (src/load_model.c) --------------------------------------- */

/* The level named by k, or NULL after an error ("WHAT 'X' is not a level of
 * this ladder", with a suggestion or the list of levels). */
const ladder_level *lc_load_find_level(loader *ld, const lc_yt_node *k, const char *what);
/* A list of track ids (`what` names it in messages): a malloc'ed array of
 * l->ntracks + 1 flags, 1 at the index of each track named (unknown and
 * repeated ids reported); NULL when v is not a list (reported). */
unsigned char *lc_load_track_set(loader *ld, const lc_yt_node *v, const char *what);

/* ---- scope: groups for some roles, competencies on some levels
 * (src/load_scope.c) ------------------------------------------------------ */

/* A group's `roles:` and `families:` as written (company-wide groups only). */
void lc_load_group_scope(loader *ld, ladder_group *g, const lc_yt_node *roles, const lc_yt_node *families);
/* A competency's `tracks:` and `starts_at:`. */
void lc_load_competency_scope(loader *ld, ladder_competency *c, const lc_yt_node *tracks, const lc_yt_node *starts_at);
/* After its texts are read: text where c does not apply, and a scope that
 * leaves c no level, are errors. */
void lc_load_check_competency_scope(loader *ld, const ladder_competency *c);
/* Once every role is built: each id in a group's `roles:` names a role, each
 * in `families:` some role's family. */
void lc_load_resolve_group_scopes(loader *ld);

/* Tracks, levels and company-wide groups: what a role refers to. */
void lc_load_build_globals(loader *ld);
void lc_load_build_role(loader *ld, const lc_yt_node *n);
/* The model from the trees of every unit read. */
void lc_load_build_model(loader *ld);

/* ---- proficiency levels and cells (src/load_proficiency.c) -------------- */

/* The top-level `proficiency:` list (ld->proficiency) into l->proficiency,
 * before the competencies that name its ids. */
void lc_load_build_proficiency(loader *ld);
/* A cell written as a mapping `{text, proficiency, examples}` for c at lv:
 * 1 with *text set (the proficiency's name when `text` is not given), or 0
 * (reported). */
int lc_load_cell(loader *ld, ladder_competency *c, const ladder_level *lv, const lc_yt_node *t, ladder_str *text);

/* ---- speed-only: roles built while parsing (src/load_stream.c) ---------- */

/* Lets the main file's roles be built as the parser completes them. */
void lc_load_stream_init(loader *ld);
/* The stream for the main file src (NULL: parse it into a tree). */
lc_yt_stream *lc_load_stream_for(loader *ld, lc_source *src);
/* The main file was read by name into src with `fd` still open on it: its
 * roles' bytes may be given back as they are built (fd is taken). */
void lc_load_stream_keep_file(loader *ld, lc_source *src, int fd);
/* A streamed load that did anything a plain one would not gives its bytes
 * back in `in` (for a plain load) and the diagnostics it added to `diags`
 * (which held count, errors, warnings and truncated before) are forgotten:
 * 1 then, else 0. */
int lc_load_stream_restart(loader *ld, lc_load_input *in, lc_diags *diags, size_t count, size_t errors,
                           size_t warnings, int truncated);

#endif
