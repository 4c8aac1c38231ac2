/* Loading a ladder: files and includes -> YAML trees -> the checked model.
 *
 * The schema decides what each scalar means (no YAML 1.1 typing): text where
 * text belongs, numbers only in `ladder`, `scale`, `min_average`, `min_each`.
 * Every problem is reported with its position, and loading goes on after an
 * error so that one run shows every mistake (up to the diagnostics cap). */
#include "ladderc/load.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idmap.h"
#include "source_file.h"
#include "yaml_tree.h"

void ladder_limits_default(ladder_limits *lim)
{
	lim->max_input = (size_t)256 << 20;
	lim->max_depth = 64;
	lim->max_alias_nodes = 0;
	lim->max_includes = 256;
	lim->max_cells = LADDER_DEFAULT_MAX_CELLS;
	lim->parallel_min = (size_t)256 << 10;
	lim->stream_min = 0;
	lim->release_min = (size_t)256 << 10;
}

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
	vec vtracks, vlevels, vgroups, vroles;
	lc_yt_node *promotion, *lint;
	jmp_buf nomem;
	jmp_buf *nomem_at;  /* where oom() jumps: &nomem, or a guarded call's (GUARDED) */
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

static void oom(loader *ld)
{
	longjmp(*ld->nomem_at, 1);
}

static void *need(loader *ld, void *p)
{
	if (!p)
		oom(ld);
	return p;
}

static void *alloc(loader *ld, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	return need(ld, lc_arena_calloc(ld->arena, n, size));
}

static void vec_push(loader *ld, vec *v, void *p)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		void **items = realloc(v->items, cap * sizeof *items);
		if (!items)
			oom(ld);
		v->items = items;
		v->cap = cap;
	}
	v->items[v->n++] = p;
}

static void **vec_finish(loader *ld, vec *v, size_t *n)
{
	*n = v->n;
	void **out = alloc(ld, v->n, sizeof *out);
	if (v->n)
		memcpy(out, v->items, v->n * sizeof *out);
	return out;
}

/* ---- messages ---------------------------------------------------------- */

/* User text inside a message: quoted, shortened, control bytes escaped. */
static const char *q(loader *ld, const char *s, size_t n)
{
	lc_buf b = LC_BUF_INIT;
	size_t shown = n > 60 ? 57 : n;
	lc_buf_putc(&b, '\'');
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			lc_buf_printf(&b, "\\x%02X", c);
		else
			lc_buf_putc(&b, (char)c);
	}
	if (shown < n)
		lc_buf_puts(&b, "...");
	lc_buf_putc(&b, '\'');
	if (lc_buf_failed(&b))
		oom(ld);
	char *r = need(ld, lc_arena_memdup(ld->arena, b.data, b.len));
	lc_buf_free(&b);
	return r;
}

static const char *qs(loader *ld, ladder_str s)
{
	return q(ld, s.s ? s.s : "", s.len);
}

static const char *qn(loader *ld, const lc_yt_node *n)
{
	return q(ld, n->str, n->len);
}

__attribute__((format(printf, 3, 4)))
static void err(loader *ld, const lc_mark *at, const char *fmt, ...)
{
	if (ld->quiet) {
		ld->diags->errors++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(ld->diags, LC_ERROR, at, NULL, fmt, ap);
	va_end(ap);
	if (ld->diags->oom)
		oom(ld);
}

__attribute__((format(printf, 3, 4)))
static void note(loader *ld, const lc_mark *at, const char *fmt, ...)
{
	if (ld->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	lc_diags_vadd(ld->diags, LC_NOTE, at, NULL, fmt, ap);
	va_end(ap);
}

static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	if (na > 64 || nb > 64)
		return SIZE_MAX;
	size_t row[65];
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t cost = (a[i - 1] | 0x20) == (b[j - 1] | 0x20) ? 0 : 1;
			size_t best = diag + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

/* Suggestion tracking for "did you mean". */
typedef struct suggest {
	const char *best;
	size_t best_len, dist;
	const char *word;
	size_t word_len;
} suggest;

static void suggest_init(suggest *s, const char *word, size_t len)
{
	s->best = NULL;
	s->best_len = 0;
	s->dist = SIZE_MAX;
	s->word = word;
	s->word_len = len;
}

static void suggest_try(suggest *s, const char *cand, size_t len)
{
	size_t d = edit_distance(s->word, s->word_len, cand, len);
	size_t limit = s->word_len < 4 ? 1 : s->word_len < 8 ? 2 : 3;
	if (d <= limit && d < s->dist) {
		s->dist = d;
		s->best = cand;
		s->best_len = len;
	}
}

/* "; did you mean 'name'?" or "" */
static const char *suggestion(loader *ld, const suggest *s)
{
	if (!s->best)
		return "";
	lc_buf b = LC_BUF_INIT;
	lc_buf_printf(&b, "; did you mean %s?", q(ld, s->best, s->best_len));
	char *r = need(ld, lc_arena_memdup(ld->arena, b.data, b.len));
	lc_buf_free(&b);
	return r;
}

/* ---- reading values by the schema --------------------------------------- */

static int want(loader *ld, const lc_yt_node *n, lc_yt_kind kind, const char *what)
{
	if (n->kind == kind)
		return 1;
	static const char *const kinds[] = {"text", "a sequence (a list of '- ' items)",
	                                    "a mapping (key: value pairs)"};
	err(ld, &n->at, "%s must be %s, not %s", what, kinds[kind], lc_yt_kind_name(n));
	return 0;
}

/* Walks a mapping with the given known keys: vals[i] gets the value of
 * keys[i]. Unknown keys are errors (with a suggestion) unless they start with
 * "x-". Returns 0 when `n` is not a mapping. */
static int walk_map(loader *ld, const lc_yt_node *n, const char *what, const char *const *keys,
                    lc_yt_node **vals, const lc_yt_node **keynodes)
{
	size_t nkeys = 0;
	while (keys[nkeys])
		nkeys++;
	for (size_t i = 0; i < nkeys; i++) {
		vals[i] = NULL;
		if (keynodes)
			keynodes[i] = NULL;
	}
	if (!want(ld, n, LC_YT_MAP, what))
		return 0;
	for (uint32_t p = 0; p < n->count; p++) {
		lc_yt_node *k = n->items[2 * p], *v = n->items[2 * p + 1];
		if (k->kind != LC_YT_SCALAR) {
			err(ld, &k->at, "keys in %s must be text, not %s", what, lc_yt_kind_name(k));
			continue;
		}
		size_t i;
		for (i = 0; i < nkeys; i++)
			if (strlen(keys[i]) == k->len && memcmp(keys[i], k->str, k->len) == 0)
				break;
		if (i < nkeys) {
			if (!vals[i]) {
				vals[i] = v;
				if (keynodes)
					keynodes[i] = k;
			}
			continue;
		}
		if (k->len >= 2 && k->str[0] == 'x' && k->str[1] == '-')
			continue; /* extension */
		suggest s;
		suggest_init(&s, k->str, k->len);
		for (i = 0; i < nkeys; i++)
			if (strncmp(keys[i], "x-", 2) != 0)
				suggest_try(&s, keys[i], strlen(keys[i]));
		err(ld, &k->at, "unknown key %s in %s%s", qn(ld, k), what, suggestion(ld, &s));
	}
	return 1;
}

static int require(loader *ld, const lc_yt_node *map, const lc_yt_node *v, const char *key, const char *what)
{
	if (v)
		return 1;
	err(ld, &map->at, "%s needs '%s'", what, key);
	return 0;
}

enum {
	T_ONE_LINE = 1,    /* names and titles: no line breaks */
	T_NO_CONTROL = 2,  /* names and titles: no control or bidi characters */
	T_NONEMPTY = 4
};

/* Characters that change how text is displayed without being seen. */
static size_t invisible_control(const unsigned char *p, size_t left, unsigned flags)
{
	unsigned char c = p[0];
	if (c < 0x20 || c == 0x7F) {
		if ((c == '\n' || c == '\r') && !(flags & T_ONE_LINE))
			return 0;
		if (c == '\t' && !(flags & T_ONE_LINE))
			return 0;
		return 1;
	}
	if (c == 0xC2 && left > 1 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2; /* C1 controls */
	if (c == 0xE2 && left > 2 && p[1] == 0x80 && (p[2] >= 0xAA && p[2] <= 0xAE))
		return 3; /* LRE RLE PDF LRO RLO */
	if (c == 0xE2 && left > 2 && p[1] == 0x81 && (p[2] >= 0xA6 && p[2] <= 0xA9))
		return 3; /* LRI RLI FSI PDI */
	if (c == 0xE2 && left > 2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return (flags & T_ONE_LINE) ? 3 : 0;
	return 0;
}

static unsigned decode_utf8(const unsigned char *p, size_t n)
{
	if (n == 1)
		return p[0];
	if (n == 2)
		return ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	return ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

/* A scalar's text for the model. While streaming, the node is freed soon
 * after: text that is not in the source itself is copied. */
static const char *keep(loader *ld, const lc_yt_node *v)
{
	uintptr_t p = (uintptr_t)v->str;
	if (!ld->copy_text || (p >= (uintptr_t)ld->text_lo && p < (uintptr_t)ld->text_hi))
		return v->str;
	return need(ld, lc_arena_memdup(ld->arena, v->str, v->len));
}

/* Text by the schema. Returns 1 with *out set, 0 for null/absent or on error. */

static int get_text(loader *ld, const lc_yt_node *v, const char *what, unsigned flags, ladder_str *out)
{
	out->s = NULL;
	out->len = 0;
	if (!v)
		return 0;
	if (v->kind == LC_YT_MAP && v->flow) {
		/* `title: {role}` is valid YAML for a mapping: say why */
		err(ld, &v->at, "%s must be text, not a mapping", what);
		note(ld, &v->at,
		     "a value starting with '{' is read as a YAML mapping; quote it, as in \"{role} Lead\"");
		return 0;
	}
	if (!want(ld, v, LC_YT_SCALAR, what))
		return 0;
	if (lc_yt_is_null(v)) {
		if (flags & T_NONEMPTY)
			err(ld, &v->at, "%s is empty", what);
		return 0;
	}
	if (flags & T_NO_CONTROL) {
		const unsigned char *p = (const unsigned char *)v->str;
		for (size_t i = 0; i < v->len; i++) {
			size_t n = invisible_control(p + i, v->len - i, flags);
			if (n) {
				if (p[i] == '\n' || p[i] == '\r')
					err(ld, &v->at, "%s must be one line", what);
				else
					err(ld, &v->at, "%s contains the invisible control character U+%04X; remove it", what,
					    decode_utf8(p + i, n));
				return 0;
			}
		}
	}
	if ((flags & T_NONEMPTY)) {
		size_t i = 0;
		while (i < v->len && (v->str[i] == ' ' || v->str[i] == '\t' || v->str[i] == '\n'))
			i++;
		if (i == v->len) {
			err(ld, &v->at, "%s is empty", what);
			return 0;
		}
	}
	out->s = keep(ld, v);
	out->len = v->len;
	return 1;
}

enum { ID_MAX = 100 };

static int valid_id(const char *s, size_t n)
{
	if (n == 0 || n > ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '-' && c != '_')))
			return 0;
	}
	return 1;
}

static int get_id(loader *ld, const lc_yt_node *v, const char *what, ladder_str *out)
{
	out->s = NULL;
	out->len = 0;
	if (!v || !want(ld, v, LC_YT_SCALAR, what))
		return 0;
	if (!valid_id(v->str, v->len)) {
		if (v->len > ID_MAX)
			err(ld, &v->at, "%s is %zu characters long; ids have at most %d", what, v->len, ID_MAX);
		else
			err(ld, &v->at, "%s %s is not a valid id: ids are letters, digits, '-' and '_', starting with a letter or digit",
			    what, qn(ld, v));
		return 0;
	}
	out->s = keep(ld, v);
	out->len = v->len;
	return 1;
}

/* Numbers: digits with an optional fraction; nothing YAML 1.1 would guess. */
static int get_number(loader *ld, const lc_yt_node *v, const char *what, int integer, double min,
                      double max, ladder_number *out)
{
	memset(out, 0, sizeof *out);
	if (!v || !want(ld, v, LC_YT_SCALAR, what))
		return 0;
	const char *s = v->str;
	size_t n = v->len, i = 0;
	int ok = n > 0 && n < 32;
	while (ok && i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	ok = ok && i > 0 && !(s[0] == '0' && i > 1);
	if (ok && i < n && s[i] == '.' && !integer) {
		size_t f = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		ok = i > f;
	}
	ok = ok && i == n;
	if (!ok) {
		err(ld, &v->at, "%s must be %s, not %s", what, integer ? "a whole number" : "a number",
		    qn(ld, v));
		return 0;
	}
	double d = strtod(s, NULL);
	if (d < min || d > max) {
		err(ld, &v->at, "%s must be between %g and %g, not %s", what, min, max, qn(ld, v));
		return 0;
	}
	out->present = 1;
	out->text.s = v->str;
	out->text.len = v->len;
	out->value = d;
	out->at = v->at;
	return 1;
}

/* A sequence of text, e.g. evidence. */
static ladder_str *get_text_list(loader *ld, const lc_yt_node *v, const char *what, unsigned flags,
                                 size_t *n, lc_mark **marks)
{
	*n = 0;
	if (marks)
		*marks = NULL;
	if (!v || lc_yt_is_null(v))
		return NULL;
	if (!want(ld, v, LC_YT_SEQ, what))
		return NULL;
	ladder_str *out = alloc(ld, v->count, sizeof *out);
	if (marks)
		*marks = alloc(ld, v->count, sizeof **marks);
	for (uint32_t i = 0; i < v->count; i++) {
		if (get_text(ld, v->items[i], what, flags | T_NONEMPTY, &out[*n])) {
			if (marks)
				(*marks)[*n] = v->items[i]->at;
			(*n)++;
		}
	}
	return out;
}

/* ---- files and includes ------------------------------------------------- */

static lc_source *new_source(loader *ld, const char *path)
{
	lc_source *src = alloc(ld, 1, sizeof *src);
	src->path = need(ld, lc_arena_memdup(ld->arena, path, strlen(path)));
	src->order = (unsigned)ld->l->nsources;
	ladder *l = ld->l;
	lc_source **s = need(ld, realloc(l->sources, (l->nsources + 1) * sizeof *s));
	l->sources = s;
	l->sources[l->nsources++] = src;
	return src;
}

/* Reads f to its end (at most max bytes; more is EFBIG) into a malloc'ed
 * buffer. Leaves f open. Returns 0, or -1 with errno set. */
static int read_stream(FILE *f, size_t max, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	size_t cap = 0, n = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		/* what is left of it: standard input may be a file already partly read */
		off_t at = ftello(f);
		off_t left = at > 0 && at <= st.st_size ? st.st_size - at : st.st_size;
		if ((unsigned long long)left > max) {
			errno = EFBIG;
			return -1;
		}
		cap = (size_t)left + 1;
	}
	if (cap == 0)
		cap = 64 * 1024;
	char *buf = malloc(cap);
	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				errno = EFBIG;
				return -1;
			}
			/* one byte past the limit is enough to know it is exceeded */
			size_t ncap = cap > max / 2 ? max + 1 : cap * 2;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
			cap = ncap;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				int e = errno ? errno : EIO;
				free(buf);
				errno = e;
				return -1;
			}
			break;
		}
	}
	if (n > max) {
		free(buf);
		errno = EFBIG;
		return -1;
	}
	*data = buf;
	*len = n;
	return 0;
}

/* With `keep`, *keep is a descriptor of the file left open (or -1). */
static int read_all(const char *path, size_t max, char **data, size_t *len, int *keep)
{
	if (keep)
		*keep = -1;
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct stat before, after;
	int stable = keep && fstat(fileno(f), &before) == 0;
	int st = read_stream(f, max, data, len);
	int e = errno;
	/* kept only if the file did not change while it was read: what is read
	 * again later is checked against it as it is now */
	if (st == 0 && stable && fstat(fileno(f), &after) == 0 && before.st_size == after.st_size &&
	    before.st_mtim.tv_sec == after.st_mtim.tv_sec && before.st_mtim.tv_nsec == after.st_mtim.tv_nsec)
		*keep = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0);
	fclose(f);
	errno = e;
	return st;
}

static const char *const top_keys[] = {"ladder", "id", "name", "title", "updated", "intro", "tracks",
                                        "groups", "roles", "promotion", "paths", "include", "lint",
                                        NULL};
enum { K_LADDER, K_ID, K_NAME, K_TITLE, K_UPDATED, K_INTRO, K_TRACKS, K_GROUPS, K_ROLES,
       K_PROMOTION, K_PATHS, K_INCLUDE, K_LINT, K_TOP_N };

static void load_unit(loader *ld, lc_source *src, char *real, int is_main, const lc_mark *from);

static void check_version(loader *ld, const lc_yt_node *v, const lc_yt_node *map, int required)
{
	if (!v) {
		if (required)
			err(ld, &map->at, "the ladder needs 'ladder: 1' (the format version) at the top");
		return;
	}
	ladder_number num;
	if (!get_number(ld, v, "'ladder' (the format version)", 1, 0, 1e9, &num))
		return;
	if (num.value != 1) {
		err(ld, &v->at, "format version %s is not supported; this ladderc reads version 1", qn(ld, v));
		return;
	}
	if (required)
		ld->l->version = num;
}

/* Directory part of a path ("." when there is none). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	size_t n = (size_t)(slash - path);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

static int is_stdin_path(const char *path)
{
	return strcmp(path, "/dev/stdin") == 0 || strncmp(path, "/dev/fd/", 8) == 0 ||
	       strncmp(path, "/proc/self/fd/", 14) == 0;
}

static void load_include(loader *ld, unit *parent, const lc_yt_node *item)
{
	ladder_str rel;
	if (!get_text(ld, item, "an include path", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &rel))
		return;
	if (memchr(rel.s, '\0', rel.len)) {
		err(ld, &item->at, "include path %s contains a NUL byte", qs(ld, rel));
		return;
	}
	if (rel.s[0] == '/') {
		err(ld, &item->at, "include path %s is absolute; write it relative to the including file", qs(ld, rel));
		return;
	}
	if (ld->l->nsources >= ld->lim.max_includes) {
		err(ld, &item->at, "too many files in one ladder (the limit is %zu)", ld->lim.max_includes);
		return;
	}
	int from_stdin = parent->is_main && (ld->stream || is_stdin_path(parent->src->path));
	char *dir = from_stdin ? strdup(".") : dir_of(parent->src->path);
	if (!dir)
		oom(ld);
	lc_buf path = LC_BUF_INIT;
	if (strcmp(dir, ".") != 0) {
		lc_buf_puts(&path, dir);
		lc_buf_putc(&path, '/');
	}
	lc_buf_put(&path, rel.s, rel.len);
	free(dir);
	if (lc_buf_failed(&path))
		oom(ld);
	char *real = realpath(path.data, NULL);
	if (!real) {
		err(ld, &item->at, "cannot read included file %s: %s", q(ld, path.data, path.len),
		    strerror(errno));
		lc_buf_free(&path);
		return;
	}
	size_t rd = strlen(ld->root_dir);
	int inside = strncmp(real, ld->root_dir, rd) == 0 &&
	             (real[rd] == '/' || (rd == 1 && ld->root_dir[0] == '/'));
	if (!inside) {
		err(ld, &item->at, "include path %s leads outside the ladder's directory; included files must sit beside or below the main file",
		    qs(ld, rel));
		free(real);
		lc_buf_free(&path);
		return;
	}
	/* a named pipe or a device would block or never end: only plain files */
	struct stat st;
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		err(ld, &item->at, "included file %s is not a regular file", qs(ld, rel));
		free(real);
		lc_buf_free(&path);
		return;
	}
	for (size_t i = 0; i < ld->nstack; i++) {
		if (strcmp(ld->stack[i], real) == 0) {
			err(ld, &item->at, "include cycle: %s includes a file that is already being included",
			    q(ld, parent->src->path, strlen(parent->src->path)));
			free(real);
			lc_buf_free(&path);
			return;
		}
	}
	for (size_t i = 0; i < ld->nunits; i++) {
		if (strcmp(ld->units[i]->real, real) == 0) {
			err(ld, &item->at, "%s is included twice; include each file once", qs(ld, rel));
			free(real);
			lc_buf_free(&path);
			return;
		}
	}
	lc_source *src = new_source(ld, path.data);
	lc_buf_free(&path);
	load_unit(ld, src, real, 0, &item->at);
}

/* Bytes given back (src/source_file.h) could not be read again. */
static void read_again_failed(loader *ld, lc_source *src, int e)
{
	lc_mark whole = {src, 0, 0};
	if (e == ESTALE)
		err(ld, &whole, "the file changed while ladderc was reading it; run ladderc again");
	else
		err(ld, &whole, "cannot read the file again: %s", strerror(e));
	ld->io_error = 1;
}

static void load_unit(loader *ld, lc_source *src, char *real, int is_main, const lc_mark *from)
{
	unit *u = alloc(ld, 1, sizeof *u);
	u->src = src;
	u->is_main = is_main;
	u->real = need(ld, lc_arena_memdup(ld->arena, real, strlen(real)));
	free(real);
	if (ld->nunits == ld->capunits) {
		size_t cap = ld->capunits ? ld->capunits * 2 : 8;
		unit **units = need(ld, realloc(ld->units, cap * sizeof *units));
		ld->units = units;
		ld->capunits = cap;
	}
	ld->units[ld->nunits++] = u;

	char *data;
	size_t len;
	int fd = -1;
	if (src->data) {
		if (src->len > ld->lim.max_input) {
			lc_mark whole = {src, 0, 0};
			err(ld, &whole, "the input is larger than the limit of %zu bytes", ld->lim.max_input);
			return;
		}
	} else if ((is_main && ld->stream ? read_stream(ld->stream, ld->lim.max_input, &data, &len)
	                                  : read_all(src->path, ld->lim.max_input, &data, &len,
	                                             is_main && ld->ys.begin ? &fd : NULL)) < 0) {
		int e = errno;
		if (e == ENOMEM)
			oom(ld);
		lc_mark whole = {src, 0, 0};
		if (e == EFBIG)
			err(ld, from ? from : &whole, "%s is larger than the input limit of %zu bytes",
			    q(ld, src->path, strlen(src->path)), ld->lim.max_input);
		else
			err(ld, from ? from : &whole, "cannot read %s: %s", q(ld, src->path, strlen(src->path)),
			    strerror(e));
		if (is_main)
			ld->io_error = e != EFBIG;
		return;
	} else {
		src->data = data;
		src->len = len;
		/* the roles' bytes can be given back once they are built */
		if (fd >= 0 && len >= ld->lim.release_min && lc_source_attach_file(src, fd) == 0)
			ld->ys.release = 1;
		else if (fd >= 0)
			close(fd);
	}

	lc_yt_node *root = NULL;
	lc_yt_stream *stream = NULL;
	if (is_main && ld->ys.begin && src->len >= ld->lim.stream_min) {
		stream = &ld->ys;
		if (!ld->ys.release) { /* else all text is copied */
			ld->text_lo = src->data;
			ld->text_hi = src->data + src->len;
		}
	}
	lc_yt_status st = lc_yt_parse_stream(ld->arena, src, &ld->lim, ld->diags, stream, &root);
	if (st == LC_YT_NOMEM || ld->stream_oom)
		oom(ld);
	if (lc_source_read_error(src)) {
		read_again_failed(ld, src, lc_source_read_error(src));
		return;
	}
	/* After an anchor inside a role (ys.stopped) the roles from there on stay
	 * in the tree and build_model() builds them after the streamed ones. */
	if (!root) {
		if (st != LC_YT_OK)
			return;
		lc_mark top = {src, 1, 1};
		err(ld, &top, "the file is empty; a ladder starts with 'ladder: 1'");
		return;
	}
	u->root = root;
	lc_yt_node *v[K_TOP_N];
	if (!walk_map(ld, root, is_main ? "the ladder" : "an included file", top_keys, v, NULL))
		return;
	check_version(ld, v[K_LADDER], root, is_main);
	if (!is_main) {
		static const int main_only[] = {K_ID, K_NAME, K_TITLE, K_UPDATED, K_INTRO, K_PROMOTION, K_LINT};
		for (size_t i = 0; i < sizeof main_only / sizeof main_only[0]; i++)
			if (v[main_only[i]])
				err(ld, &v[main_only[i]]->at,
				    "'%s' belongs in the main ladder file; an included file may hold tracks, groups, roles, paths and include",
				    top_keys[main_only[i]]);
	} else {
		ladder *l = ld->l;
		l->at = root->at;
		if (require(ld, root, v[K_ID], "id", "the ladder"))
			get_id(ld, v[K_ID], "the ladder's 'id'", &l->id);
		if (require(ld, root, v[K_NAME], "name", "the ladder"))
			get_text(ld, v[K_NAME], "the ladder's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &l->name);
		get_text(ld, v[K_TITLE], "the ladder's 'title'", T_ONE_LINE | T_NO_CONTROL, &l->title);
		get_text(ld, v[K_UPDATED], "'updated'", T_ONE_LINE | T_NO_CONTROL, &l->updated);
		get_text(ld, v[K_INTRO], "'intro'", 0, &l->intro);
		require(ld, root, v[K_TRACKS], "tracks", "the ladder");
		ld->promotion = v[K_PROMOTION];
		ld->lint = v[K_LINT];
	}
	if (ld->globals_built && (u->tracks != v[K_TRACKS] || u->groups != v[K_GROUPS] || v[K_INCLUDE]))
		ld->stream_broken = 1; /* included tracks or groups come before the roles */
	u->tracks = v[K_TRACKS];
	u->groups = v[K_GROUPS];
	u->roles = v[K_ROLES];
	u->paths = v[K_PATHS];
	if (v[K_INCLUDE] && !lc_yt_is_null(v[K_INCLUDE]) && want(ld, v[K_INCLUDE], LC_YT_SEQ, "'include'")) {
		ld->stack = need(ld, realloc(ld->stack, (ld->nstack + 1) * sizeof *ld->stack));
		ld->stack[ld->nstack++] = u->real;
		for (uint32_t i = 0; i < v[K_INCLUDE]->count; i++)
			load_include(ld, u, v[K_INCLUDE]->items[i]);
		ld->nstack--;
	}
}

/* ---- tracks and levels -------------------------------------------------- */

static const char *const track_keys[] = {"id", "name", "from", "levels", NULL};
enum { TK_ID, TK_NAME, TK_FROM, TK_LEVELS, TK_N };
static const char *const level_keys[] = {"id", "name", "title", "summary", NULL};
enum { LK_ID, LK_NAME, LK_TITLE, LK_SUMMARY, LK_N };

/* Title rubrics may hold {role} and {family}; anything else in braces is a mistake. */
static void check_rubric(loader *ld, ladder_str t, const lc_mark *at)
{
	for (size_t i = 0; i < t.len; i++) {
		if (t.s[i] != '{')
			continue;
		const char *close = memchr(t.s + i, '}', t.len - i);
		size_t n = close ? (size_t)(close - (t.s + i)) + 1 : t.len - i;
		if ((n == 6 && memcmp(t.s + i, "{role}", 6) == 0) ||
		    (n == 8 && memcmp(t.s + i, "{family}", 8) == 0)) {
			i += n - 1;
			continue;
		}
		err(ld, at, "unknown placeholder %s in title %s; a title may use {role} and {family}",
		    q(ld, t.s + i, n), qs(ld, t));
		return;
	}
}

static void dup_error(loader *ld, const lc_mark *at, const lc_mark *first, const char *what, ladder_str id)
{
	err(ld, at, "duplicate %s id %s", what, qs(ld, id));
	note(ld, first, "%s %s is first defined here", what, qs(ld, id));
}

static void build_level(loader *ld, ladder_track *t, const lc_yt_node *n, vec *levels)
{
	lc_yt_node *v[LK_N];
	if (!walk_map(ld, n, "a level", level_keys, v, NULL))
		return;
	ladder_level *lv = alloc(ld, 1, sizeof *lv);
	lv->at = n->at;
	lv->track = t;
	int ok = require(ld, n, v[LK_ID], "id", "a level") && get_id(ld, v[LK_ID], "a level's 'id'", &lv->id);
	if (require(ld, n, v[LK_NAME], "name", "a level"))
		get_text(ld, v[LK_NAME], "a level's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &lv->name);
	if (get_text(ld, v[LK_TITLE], "a level's 'title'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &lv->title)) {
		lv->title_at = v[LK_TITLE]->at;
		check_rubric(ld, lv->title, &lv->title_at);
	}
	get_text(ld, v[LK_SUMMARY], "a level's 'summary'", 0, &lv->summary);
	if (!ok)
		return;
	ladder_level *prev = lc_idmap_put(&ld->levels, lv->id.s, lv->id.len, lv);
	if (prev == (void *)&ld->levels)
		oom(ld);
	if (prev) {
		dup_error(ld, &v[LK_ID]->at, &prev->at, "level", lv->id);
		return;
	}
	if (!lv->name.s)
		lv->name = lv->id;
	lv->pos = (uint32_t)levels->n;
	lv->index = (uint32_t)ld->vlevels.n;
	vec_push(ld, levels, lv);
	vec_push(ld, &ld->vlevels, lv);
}

static void build_track(loader *ld, const lc_yt_node *n)
{
	lc_yt_node *v[TK_N];
	if (!walk_map(ld, n, "a track", track_keys, v, NULL))
		return;
	ladder_track *t = alloc(ld, 1, sizeof *t);
	t->at = n->at;
	int ok = require(ld, n, v[TK_ID], "id", "a track") && get_id(ld, v[TK_ID], "a track's 'id'", &t->id);
	if (require(ld, n, v[TK_NAME], "name", "a track"))
		get_text(ld, v[TK_NAME], "a track's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &t->name);
	if (v[TK_FROM] && get_id(ld, v[TK_FROM], "'from'", &t->from_id))
		t->from_at = v[TK_FROM]->at;
	if (ok) {
		ladder_track *prev = lc_idmap_put(&ld->tracks, t->id.s, t->id.len, t);
		if (prev == (void *)&ld->tracks)
			oom(ld);
		if (prev) {
			dup_error(ld, &v[TK_ID]->at, &prev->at, "track", t->id);
			ok = 0;
		}
	}
	vec levels = {0};
	if (require(ld, n, v[TK_LEVELS], "levels", "a track") && want(ld, v[TK_LEVELS], LC_YT_SEQ, "'levels'")) {
		if (v[TK_LEVELS]->count == 0)
			err(ld, &v[TK_LEVELS]->at, "track %s has no levels", qs(ld, t->id));
		for (uint32_t i = 0; i < v[TK_LEVELS]->count; i++)
			build_level(ld, t, v[TK_LEVELS]->items[i], &levels);
	}
	t->levels = (ladder_level **)vec_finish(ld, &levels, &t->nlevels);
	free(levels.items);
	if (!ok)
		return;
	t->index = (uint32_t)ld->vtracks.n;
	vec_push(ld, &ld->vtracks, t);
}

static const ladder_level *find_level(loader *ld, const lc_yt_node *k, const char *what)
{
	const ladder_level *lv = lc_idmap_get(&ld->levels, k->str, k->len);
	if (lv)
		return lv;
	suggest s;
	suggest_init(&s, k->str, k->len);
	for (size_t i = 0; i < ld->vlevels.n; i++) {
		const ladder_level *c = ld->vlevels.items[i];
		suggest_try(&s, c->id.s, c->id.len);
	}
	if (s.best || ld->vlevels.n == 0 || ld->vlevels.n > 12) {
		err(ld, &k->at, "%s %s is not a level of this ladder%s", what, qn(ld, k), suggestion(ld, &s));
		return NULL;
	}
	lc_buf known = LC_BUF_INIT;
	for (size_t i = 0; i < ld->vlevels.n; i++) {
		const ladder_level *c = ld->vlevels.items[i];
		lc_buf_puts(&known, i ? ", " : "");
		lc_buf_put(&known, c->id.s, c->id.len);
	}
	if (lc_buf_failed(&known))
		oom(ld);
	err(ld, &k->at, "%s %s is not a level of this ladder (its levels are %s)", what, qn(ld, k), known.data);
	lc_buf_free(&known);
	return NULL;
}

enum { UNSEEN, VISITING, DONE };

/* Ranks track t and the tracks it continues from. Iterative, not recursive:
 * a chain of 'from' links can be as long as the list of tracks (a million
 * tracks fit in the input limit) and must not exhaust the stack. `stack`
 * has room for every track. */
static int rank_track(loader *ld, ladder_track *t, unsigned char *state, ladder_track **stack)
{
	size_t n = 0;
	ladder_track *cur = t;
	while (cur && state[cur->index] == UNSEEN) {
		state[cur->index] = VISITING;
		stack[n++] = cur;
		cur = cur->from ? cur->from->track : NULL;
	}
	if (cur && state[cur->index] == VISITING) {
		err(ld, &cur->from_at, "tracks continue each other in a circle through 'from: %.*s'",
		    (int)cur->from_id.len, cur->from_id.s); /* an id: no control bytes; long ones are not NUL-terminated */
		for (size_t i = 0; i < n; i++) {
			state[stack[i]->index] = DONE;
			stack[i]->from = NULL;
		}
		return 0;
	}
	/* stack[n-1] continues from a ranked track (or from none); rank downwards */
	while (n > 0) {
		ladder_track *tr = stack[--n];
		uint32_t base = tr->from ? tr->from->rank : 0;
		for (size_t i = 0; i < tr->nlevels; i++) {
			ladder_level *lv = tr->levels[i];
			lv->rank = base + (uint32_t)i + 1;
			lv->prev = i ? tr->levels[i - 1] : tr->from;
		}
		state[tr->index] = DONE;
	}
	return 1;
}

static void resolve_tracks(loader *ld)
{
	ladder *l = ld->l;
	for (size_t i = 0; i < l->ntracks; i++) {
		ladder_track *t = l->tracks[i];
		if (!t->from_id.s)
			continue;
		if (i == 0) {
			err(ld, &t->from_at, "the first track starts the ladder and cannot continue from another ('from')");
			continue;
		}
		lc_yt_node key = {.kind = LC_YT_SCALAR, .at = t->from_at, .str = t->from_id.s, .len = t->from_id.len};
		const ladder_level *from = find_level(ld, &key, "'from':");
		if (!from)
			continue;
		if (from->track == t) {
			err(ld, &t->from_at, "track %s cannot continue from its own level %s", qs(ld, t->id),
			    qs(ld, from->id));
			continue;
		}
		t->from = from;
	}
	unsigned char *state = calloc(l->ntracks ? l->ntracks : 1, 1);
	ladder_track **stack = malloc((l->ntracks ? l->ntracks : 1) * sizeof *stack);
	if (!state || !stack) {
		free(state);
		free(stack);
		oom(ld);
	}
	for (size_t i = 0; i < l->ntracks; i++)
		if (!rank_track(ld, l->tracks[i], state, stack))
			break;
	free(stack);
	free(state);
}

/* ---- groups and competencies -------------------------------------------- */

static const char *const group_keys[] = {"id", "name", "description", "competencies", NULL};
enum { GK_ID, GK_NAME, GK_DESCRIPTION, GK_COMPETENCIES, GK_N };
static const char *const comp_keys[] = {"id", "name", "description", "levels", "x-lint-disable", NULL};
enum { CK_ID, CK_NAME, CK_DESCRIPTION, CK_LEVELS, CK_LINT, CK_N };

/* Every role and competency holds an entry per level of the ladder, so a few
 * megabytes of roles times levels would take gigabytes: the product has a
 * budget (max_cells). Returns 0, once reported, when it is spent. */
static int charge_cells(loader *ld, const lc_mark *at, const char *what)
{
	size_t max = ld->lim.max_cells ? ld->lim.max_cells : LADDER_DEFAULT_MAX_CELLS;
	size_t nlevels = ld->l->nlevels;
	int spent = ld->cells > max;
	ld->cells = ld->cells > SIZE_MAX - nlevels ? SIZE_MAX : ld->cells + nlevels;
	if (ld->cells <= max)
		return 1;
	if (!spent)
		err(ld, at, "the ladder is too large: at this %s, its roles and competencies times its %zu levels pass the limit of %zu entries",
		    what, nlevels, max);
	return 0;
}

static void build_competency(loader *ld, ladder_group *g, const lc_yt_node *n, lc_idmap *comp_ids, vec *comps)
{
	lc_yt_node *v[CK_N];
	if (!walk_map(ld, n, "a competency", comp_keys, v, NULL))
		return;
	ladder *l = ld->l;
	if (!charge_cells(ld, &n->at, "competency"))
		return;
	ladder_competency *c = alloc(ld, 1, sizeof *c);
	c->at = n->at;
	c->group = g;
	c->text = alloc(ld, l->nlevels, sizeof *c->text);
	c->text_at = alloc(ld, l->nlevels, sizeof *c->text_at);
	int ok = require(ld, n, v[CK_ID], "id", "a competency") &&
	         get_id(ld, v[CK_ID], "a competency's 'id'", &c->id);
	if (require(ld, n, v[CK_NAME], "name", "a competency"))
		get_text(ld, v[CK_NAME], "a competency's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &c->name);
	if (get_text(ld, v[CK_DESCRIPTION], "a competency's 'description'", 0, &c->description))
		c->description_at = v[CK_DESCRIPTION]->at;
	c->lint_disable = get_text_list(ld, v[CK_LINT], "'x-lint-disable'", T_ONE_LINE | T_NO_CONTROL,
	                                &c->nlint_disable, &c->lint_disable_at);
	const ladder_role *r = g->role;
	if (require(ld, n, v[CK_LEVELS], "levels", "a competency") && !lc_yt_is_null(v[CK_LEVELS]) &&
	    want(ld, v[CK_LEVELS], LC_YT_MAP, "a competency's 'levels'")) {
		const lc_yt_node *m = v[CK_LEVELS];
		for (uint32_t i = 0; i < m->count; i++) {
			const lc_yt_node *k = m->items[2 * i], *t = m->items[2 * i + 1];
			if (!want(ld, k, LC_YT_SCALAR, "a level key"))
				continue;
			const ladder_level *lv = find_level(ld, k, "level");
			if (!lv)
				continue;
			if (r && !ladder_role_has_level(r, lv)) {
				err(ld, &k->at, "level %s is not on the tracks of role %s", qs(ld, lv->id), qs(ld, r->id));
				continue;
			}
			ladder_str text;
			if (!get_text(ld, t, "an expectation", T_NONEMPTY, &text)) {
				if (lc_yt_is_null(t))
					err(ld, &t->at, "the expectation at %s is empty; write it, or remove the key",
					    qs(ld, lv->id));
				continue;
			}
			c->text[lv->index] = text;
			c->text_at[lv->index] = t->at;
		}
	}
	if (!ok)
		return;
	ladder_competency *prev = lc_idmap_put(comp_ids, c->id.s, c->id.len, c);
	if (prev == (void *)comp_ids)
		oom(ld);
	if (prev) {
		dup_error(ld, &v[CK_ID]->at, &prev->at, "competency", c->id);
		return;
	}
	c->pos = (uint32_t)comps->n;
	vec_push(ld, comps, c);
}

/* `scope` holds the group ids a new group must not reuse. */
static ladder_group *build_group(loader *ld, const lc_yt_node *n, ladder_role *r, lc_idmap *scope,
                                 lc_idmap *comp_ids)
{
	lc_yt_node *v[GK_N];
	if (!walk_map(ld, n, "a group", group_keys, v, NULL))
		return NULL;
	ladder_group *g = alloc(ld, 1, sizeof *g);
	g->at = n->at;
	g->role = r;
	int ok = require(ld, n, v[GK_ID], "id", "a group") && get_id(ld, v[GK_ID], "a group's 'id'", &g->id);
	if (require(ld, n, v[GK_NAME], "name", "a group"))
		get_text(ld, v[GK_NAME], "a group's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &g->name);
	get_text(ld, v[GK_DESCRIPTION], "a group's 'description'", 0, &g->description);
	if (ok) {
		ladder_group *prev = lc_idmap_get(&ld->groups, g->id.s, g->id.len);
		if (r && prev) {
			err(ld, &v[GK_ID]->at, "group id %s is already a company-wide group; give the role's group its own id",
			    qs(ld, g->id));
			note(ld, &prev->at, "the company-wide group %s is defined here", qs(ld, g->id));
			ok = 0;
		} else {
			prev = lc_idmap_put(scope, g->id.s, g->id.len, g);
			if (prev == (void *)scope)
				oom(ld);
			if (prev) {
				dup_error(ld, &v[GK_ID]->at, &prev->at, "group", g->id);
				ok = 0;
			}
		}
	}
	vec comps = {0};
	if (require(ld, n, v[GK_COMPETENCIES], "competencies", "a group") &&
	    want(ld, v[GK_COMPETENCIES], LC_YT_SEQ, "'competencies'")) {
		for (uint32_t i = 0; i < v[GK_COMPETENCIES]->count; i++)
			build_competency(ld, g, v[GK_COMPETENCIES]->items[i], comp_ids, &comps);
	}
	g->competencies = (ladder_competency **)vec_finish(ld, &comps, &g->ncompetencies);
	free(comps.items);
	return ok ? g : NULL;
}

/* ---- roles -------------------------------------------------------------- */

static const char *const role_keys[] = {"id", "name", "family", "tracks", "titles", "groups", NULL};
enum { RK_ID, RK_NAME, RK_FAMILY, RK_TRACKS, RK_TITLES, RK_GROUPS, RK_N };

static void build_role_tracks(loader *ld, ladder_role *r, const lc_yt_node *v)
{
	ladder *l = ld->l;
	r->tracks = alloc(ld, l->ntracks, sizeof *r->tracks);
	if (!v || lc_yt_is_null(v)) {
		for (size_t i = 0; i < l->ntracks; i++)
			r->tracks[i] = l->tracks[i];
		r->ntracks = l->ntracks;
		return;
	}
	r->tracks_given = 1;
	if (!want(ld, v, LC_YT_SEQ, "a role's 'tracks'"))
		return;
	unsigned char *taken = calloc(l->ntracks + 1, 1);
	if (!taken)
		oom(ld);
	for (uint32_t i = 0; i < v->count; i++) {
		const lc_yt_node *k = v->items[i];
		ladder_str id;
		if (!get_id(ld, k, "a track id", &id))
			continue;
		ladder_track *t = lc_idmap_get(&ld->tracks, id.s, id.len);
		if (!t) {
			suggest s;
			suggest_init(&s, id.s, id.len);
			for (size_t j = 0; j < l->ntracks; j++)
				suggest_try(&s, l->tracks[j]->id.s, l->tracks[j]->id.len);
			err(ld, &k->at, "%s is not a track of this ladder%s", qs(ld, id), suggestion(ld, &s));
			continue;
		}
		if (taken[t->index]) {
			err(ld, &k->at, "track %s is listed twice", qs(ld, id));
			continue;
		}
		taken[t->index] = 1;
	}
	/* tracks in ladder order, whatever order the role lists them in */
	for (size_t i = 0; i < l->ntracks; i++)
		if (taken[i])
			r->tracks[r->ntracks++] = l->tracks[i];
	for (size_t i = 0; i < r->ntracks; i++) {
		const ladder_track *t = r->tracks[i];
		if (t->from && !taken[t->from->track->index])
			err(ld, &v->at, "role %s takes track %s but not track %s, which %s continues from",
			    qs(ld, r->id), qs(ld, t->id), qs(ld, t->from->track->id), qs(ld, t->id));
	}
	free(taken);
}

static void build_role(loader *ld, const lc_yt_node *n)
{
	lc_yt_node *v[RK_N];
	if (!walk_map(ld, n, "a role", role_keys, v, NULL))
		return;
	ladder *l = ld->l;
	if (!charge_cells(ld, &n->at, "role"))
		return;
	ladder_role *r = alloc(ld, 1, sizeof *r);
	r->at = n->at;
	int ok = require(ld, n, v[RK_ID], "id", "a role") && get_id(ld, v[RK_ID], "a role's 'id'", &r->id);
	if (require(ld, n, v[RK_NAME], "name", "a role"))
		get_text(ld, v[RK_NAME], "a role's 'name'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &r->name);
	get_text(ld, v[RK_FAMILY], "a role's 'family'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &r->family);
	if (ok) {
		ladder_role *prev = lc_idmap_put(&ld->roles, r->id.s, r->id.len, r);
		if (prev == (void *)&ld->roles)
			oom(ld);
		if (prev) {
			dup_error(ld, &v[RK_ID]->at, &prev->at, "role", r->id);
			ok = 0;
		}
	}
	if (!r->name.s)
		r->name = r->id;
	build_role_tracks(ld, r, v[RK_TRACKS]);
	r->title_override = alloc(ld, l->nlevels, sizeof *r->title_override);
	r->title_override_at = alloc(ld, l->nlevels, sizeof *r->title_override_at);
	r->title = alloc(ld, l->nlevels, sizeof *r->title);
	const lc_yt_node *tv = v[RK_TITLES];
	if (tv && !lc_yt_is_null(tv) && want(ld, tv, LC_YT_MAP, "a role's 'titles'")) {
		for (uint32_t i = 0; i < tv->count; i++) {
			const lc_yt_node *k = tv->items[2 * i], *t = tv->items[2 * i + 1];
			if (!want(ld, k, LC_YT_SCALAR, "a level key"))
				continue;
			const ladder_level *lv = find_level(ld, k, "title for level");
			if (!lv)
				continue;
			if (!ladder_role_has_level(r, lv)) {
				err(ld, &k->at, "level %s is not on the tracks of role %s", qs(ld, lv->id), qs(ld, r->id));
				continue;
			}
			if (get_text(ld, t, "a title", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY,
			             &r->title_override[lv->index]))
				r->title_override_at[lv->index] = t->at;
		}
	}
	const lc_yt_node *gv = v[RK_GROUPS];
	if (gv && !lc_yt_is_null(gv) && want(ld, gv, LC_YT_SEQ, "a role's 'groups'")) {
		lc_idmap scope, comp_ids;
		lc_idmap_init(&scope);
		lc_idmap_init(&comp_ids);
		vec groups = {0};
		for (uint32_t i = 0; i < gv->count; i++) {
			ladder_group *g = build_group(ld, gv->items[i], r, &scope, &comp_ids);
			if (g)
				vec_push(ld, &groups, g);
		}
		r->groups = (ladder_group **)vec_finish(ld, &groups, &r->ngroups);
		free(groups.items);
		lc_idmap_free(&scope);
		lc_idmap_free(&comp_ids);
	}
	if (!ok)
		return;
	r->index = (uint32_t)ld->vroles.n;
	vec_push(ld, &ld->vroles, r);
}

static ladder_str fill_rubric(loader *ld, ladder_str rubric, const ladder_role *r, int *missing_family)
{
	lc_buf b = LC_BUF_INIT;
	for (size_t i = 0; i < rubric.len; i++) {
		if (rubric.s[i] == '{') {
			if (rubric.len - i >= 6 && memcmp(rubric.s + i, "{role}", 6) == 0) {
				lc_buf_put(&b, r->name.s, r->name.len);
				i += 5;
				continue;
			}
			if (rubric.len - i >= 8 && memcmp(rubric.s + i, "{family}", 8) == 0) {
				if (r->family.s)
					lc_buf_put(&b, r->family.s, r->family.len);
				else
					*missing_family = 1;
				i += 7;
				continue;
			}
		}
		lc_buf_putc(&b, rubric.s[i]);
	}
	if (lc_buf_failed(&b))
		oom(ld);
	ladder_str out = {need(ld, lc_arena_memdup(ld->arena, b.data ? b.data : "", b.len)), b.len};
	lc_buf_free(&b);
	return out;
}

static void resolve_titles(loader *ld)
{
	ladder *l = ld->l;
	for (size_t i = 0; i < l->nroles; i++) {
		ladder_role *r = l->roles[i];
		int reported = 0;
		for (size_t t = 0; t < r->ntracks; t++) {
			const ladder_track *tr = r->tracks[t];
			for (size_t k = 0; k < tr->nlevels; k++) {
				const ladder_level *lv = tr->levels[k];
				ladder_str *out = &r->title[lv->index];
				if (r->title_override[lv->index].s) {
					*out = r->title_override[lv->index];
				} else if (lv->title.s) {
					int missing = 0;
					*out = fill_rubric(ld, lv->title, r, &missing);
					if (missing && !reported) {
						err(ld, &r->at, "role %s has no 'family', but the title rubric of level %s uses {family}",
						    qs(ld, r->id), qs(ld, lv->id));
						note(ld, &lv->title_at, "the rubric is here");
						reported = 1;
					}
				} else {
					lc_buf b = LC_BUF_INIT;
					lc_buf_put(&b, lv->name.s, lv->name.len);
					lc_buf_putc(&b, ' ');
					lc_buf_put(&b, r->name.s, r->name.len);
					if (lc_buf_failed(&b))
						oom(ld);
					out->s = need(ld, lc_arena_memdup(ld->arena, b.data, b.len));
					out->len = b.len;
					lc_buf_free(&b);
				}
			}
		}
	}
}

/* ---- promotion, paths, lint --------------------------------------------- */

static const char *const criteria_keys[] = {"min_average", "min_each", "time_in_level", "evidence", "scale",
                                             "into", NULL};
enum { PK_MIN_AVERAGE, PK_MIN_EACH, PK_TIME, PK_EVIDENCE, PK_SCALE, PK_INTO, PK_N };
static const char *const into_keys[] = {"min_average", "min_each", "time_in_level", "evidence", NULL};

static void build_criteria(loader *ld, lc_yt_node **v, double scale, ladder_criteria *c)
{
	if (v[PK_MIN_AVERAGE])
		get_number(ld, v[PK_MIN_AVERAGE], "'min_average'", 0, 1, scale, &c->min_average);
	if (v[PK_MIN_EACH])
		get_number(ld, v[PK_MIN_EACH], "'min_each'", 1, 1, scale, &c->min_each);
	get_text(ld, v[PK_TIME], "'time_in_level'", T_ONE_LINE | T_NO_CONTROL | T_NONEMPTY, &c->time_in_level);
	c->evidence = get_text_list(ld, v[PK_EVIDENCE], "'evidence'", 0, &c->nevidence, NULL);
}

static void build_promotion(loader *ld, const lc_yt_node *n)
{
	ladder_promotion *p = &ld->l->promotion;
	if (!n || lc_yt_is_null(n))
		return;
	lc_yt_node *v[PK_N];
	if (!walk_map(ld, n, "'promotion'", criteria_keys, v, NULL))
		return;
	p->present = 1;
	p->at = n->at;
	p->defaults.at = n->at;
	double scale = 1e9;
	if (v[PK_SCALE] && get_number(ld, v[PK_SCALE], "'scale'", 1, 2, 100, &p->scale))
		scale = p->scale.value;
	else if (!v[PK_SCALE] && (v[PK_MIN_AVERAGE] || v[PK_MIN_EACH]))
		err(ld, &n->at, "'promotion' sets minimum ratings but no 'scale' (ratings run 1..scale)");
	build_criteria(ld, v, scale, &p->defaults);
	const lc_yt_node *into = v[PK_INTO];
	if (!into || lc_yt_is_null(into) || !want(ld, into, LC_YT_MAP, "'into'"))
		return;
	p->into = alloc(ld, into->count, sizeof *p->into);
	for (uint32_t i = 0; i < into->count; i++) {
		const lc_yt_node *k = into->items[2 * i], *e = into->items[2 * i + 1];
		if (!want(ld, k, LC_YT_SCALAR, "a level key"))
			continue;
		const ladder_level *lv = find_level(ld, k, "promotion into");
		if (!lv)
			continue;
		if (!lv->prev) {
			err(ld, &k->at, "%s starts its chain: nobody is promoted into it", qs(ld, lv->id));
			continue;
		}
		lc_yt_node *ev[PK_N] = {0};
		if (!walk_map(ld, e, "promotion criteria", into_keys, ev, NULL))
			continue;
		ladder_promotion_into *pi = &p->into[p->ninto++];
		pi->level = lv;
		pi->criteria.at = k->at;
		if ((ev[PK_MIN_AVERAGE] || ev[PK_MIN_EACH]) && !v[PK_SCALE])
			err(ld, &k->at, "criteria for %s set minimum ratings but 'promotion' has no 'scale'", qs(ld, lv->id));
		build_criteria(ld, ev, scale, &pi->criteria);
	}
}

static const char *const path_keys[] = {"from", "to", "transferable", "gaps", NULL};
enum { XK_FROM, XK_TO, XK_TRANSFERABLE, XK_GAPS, XK_N };

static const ladder_role *path_role(loader *ld, const lc_yt_node *map, const lc_yt_node *v, const char *key)
{
	ladder_str id;
	if (!require(ld, map, v, key, "a path") || !get_id(ld, v, key[0] == 'f' ? "'from'" : "'to'", &id))
		return NULL;
	const ladder_role *r = lc_idmap_get(&ld->roles, id.s, id.len);
	if (r)
		return r;
	suggest s;
	suggest_init(&s, id.s, id.len);
	for (size_t i = 0; i < ld->l->nroles; i++)
		suggest_try(&s, ld->l->roles[i]->id.s, ld->l->roles[i]->id.len);
	err(ld, &v->at, "%s is not a role of this ladder%s", qs(ld, id), suggestion(ld, &s));
	return NULL;
}

static void build_paths(loader *ld, size_t total)
{
	ladder *l = ld->l;
	l->paths = alloc(ld, total, sizeof *l->paths);
	lc_idmap seen;
	lc_idmap_init(&seen);
	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *ps = ld->units[u]->paths;
		if (!ps || lc_yt_is_null(ps) || !want(ld, ps, LC_YT_SEQ, "'paths'"))
			continue;
		for (uint32_t i = 0; i < ps->count; i++) {
			const lc_yt_node *n = ps->items[i];
			lc_yt_node *v[XK_N];
			if (!walk_map(ld, n, "a path", path_keys, v, NULL))
				continue;
			ladder_path p = {0};
			p.at = n->at;
			p.from = path_role(ld, n, v[XK_FROM], "from");
			p.to = path_role(ld, n, v[XK_TO], "to");
			p.transferable = get_text_list(ld, v[XK_TRANSFERABLE], "'transferable'", T_ONE_LINE | T_NO_CONTROL,
			                               &p.ntransferable, NULL);
			p.gaps = get_text_list(ld, v[XK_GAPS], "'gaps'", T_ONE_LINE | T_NO_CONTROL, &p.ngaps, NULL);
			if (!p.from || !p.to)
				continue;
			if (p.from == p.to) {
				err(ld, &n->at, "a path leads from role %s to itself", qs(ld, p.from->id));
				continue;
			}
			/* key "from\0to" in the arena */
			size_t kl = p.from->id.len + 1 + p.to->id.len;
			char *key = alloc(ld, kl + 1, 1);
			memcpy(key, p.from->id.s, p.from->id.len);
			memcpy(key + p.from->id.len + 1, p.to->id.s, p.to->id.len);
			ladder_path *prev = lc_idmap_get(&seen, key, kl);
			if (prev) {
				err(ld, &n->at, "the path from %s to %s is given twice", qs(ld, p.from->id), qs(ld, p.to->id));
				note(ld, &prev->at, "first given here");
				continue;
			}
			l->paths[l->npaths] = p;
			if (lc_idmap_put(&seen, key, kl, &l->paths[l->npaths]) == &seen) {
				lc_idmap_free(&seen);
				oom(ld);
			}
			l->npaths++;
		}
	}
	lc_idmap_free(&seen);
}

static const char *const lint_keys[] = {"disable", "vague", NULL};

static void build_lint(loader *ld, const lc_yt_node *n)
{
	ladder_lint_config *lc = &ld->l->lint;
	if (!n || lc_yt_is_null(n))
		return;
	lc_yt_node *v[2];
	if (!walk_map(ld, n, "'lint'", lint_keys, v, NULL))
		return;
	lc->at = n->at;
	lc->disable = get_text_list(ld, v[0], "'disable'", T_ONE_LINE | T_NO_CONTROL, &lc->ndisable, &lc->disable_at);
	lc->vague = get_text_list(ld, v[1], "'vague'", T_ONE_LINE | T_NO_CONTROL, &lc->nvague, NULL);
}

/* ---- the whole load ------------------------------------------------------ */

static size_t seq_count(const lc_yt_node *n)
{
	return n && n->kind == LC_YT_SEQ ? n->count : 0;
}

/* Tracks, levels and company-wide groups: what a role refers to. */
static void build_globals(loader *ld)
{
	ladder *l = ld->l;
	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *ts = ld->units[u]->tracks;
		if (ts && !lc_yt_is_null(ts) && want(ld, ts, LC_YT_SEQ, "'tracks'"))
			for (uint32_t i = 0; i < ts->count; i++)
				build_track(ld, ts->items[i]);
	}
	l->tracks = (ladder_track **)vec_finish(ld, &ld->vtracks, &l->ntracks);
	l->levels = (ladder_level **)vec_finish(ld, &ld->vlevels, &l->nlevels);
	if (ld->units[0]->root && ld->units[0]->tracks && l->ntracks == 0 && ld->diags->errors == 0)
		err(ld, &ld->units[0]->tracks->at, "the ladder has no tracks");
	resolve_tracks(ld);

	lc_idmap comp_ids;
	lc_idmap_init(&comp_ids);
	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *gs = ld->units[u]->groups;
		if (!gs || lc_yt_is_null(gs) || !want(ld, gs, LC_YT_SEQ, "'groups'"))
			continue;
		for (uint32_t i = 0; i < gs->count; i++) {
			ladder_group *g = build_group(ld, gs->items[i], NULL, &ld->groups, &comp_ids);
			if (g)
				vec_push(ld, &ld->vgroups, g);
		}
	}
	lc_idmap_free(&comp_ids);
	l->groups = (ladder_group **)vec_finish(ld, &ld->vgroups, &l->ngroups);
}

/* ---- streaming -----------------------------------------------------------
 * The roles are most of a big ladder. When the main file's `roles:` comes
 * after `tracks:` (and `groups:`), everything a role refers to is known when
 * the parser reaches it: each role is built as soon as its item is complete
 * and the item's nodes are freed, so the tree of the whole file never sits
 * in memory. The roles are built by the same code, in the same order, as in
 * a plain load; anything a plain load would do differently (a diagnostic of
 * any kind, an include, tracks or groups after the roles, a duplicate id or
 * the cell limit across the two threads' roles) makes load() start again
 * without streaming, so results and diagnostics are those of a plain load.
 * After an anchor inside a role the parser keeps the rest of the roles in the
 * tree (an alias may point into them) and build_model() builds those. */

/* Calls from inside the parser must not longjmp past it (it holds libyaml's
 * state and perhaps a thread): out of memory there returns an error instead. */
#define GUARDED(ld, on_oom, body)                                      \
	do {                                                                \
		jmp_buf here_;                                                  \
		jmp_buf *outer_ = (ld)->nomem_at;                               \
		(ld)->nomem_at = &here_;                                        \
		if (setjmp(here_)) {                                            \
			(ld)->nomem_at = outer_;                                    \
			on_oom;                                                     \
		}                                                               \
		body;                                                           \
		(ld)->nomem_at = outer_;                                        \
	} while (0)

static int key_is(const lc_yt_node *k, const char *name)
{
	size_t n = strlen(name);
	return k->kind == LC_YT_SCALAR && k->len == n && memcmp(k->str, name, n) == 0;
}

static int stream_begin(void *ctx, const lc_yt_node *key, lc_yt_node *const *pairs, size_t npairs)
{
	loader *ld = ctx;
	if (ld->globals_built || !key_is(key, "roles"))
		return 0;
	lc_yt_node *tracks = NULL, *groups = NULL;
	for (size_t i = 0; i < npairs; i++) {
		const lc_yt_node *k = pairs[2 * i];
		if (k->kind != LC_YT_SCALAR || key_is(k, "include") || key_is(k, "roles"))
			return 0;
		if (key_is(k, "tracks") || key_is(k, "groups")) {
			lc_yt_node **slot = key_is(k, "tracks") ? &tracks : &groups;
			if (*slot)
				return 0; /* a duplicate key: the plain load reports it */
			*slot = pairs[2 * i + 1];
		}
	}
	if (!tracks)
		return 0;
	size_t before = ld->diags->count + ld->diags->errors + ld->diags->warnings;
	ld->units[0]->tracks = tracks;
	ld->units[0]->groups = groups;
	ld->globals_built = 1;
	GUARDED(ld, { ld->stream_oom = 1; return 0; }, build_globals(ld));
	if (ld->l->ntracks == 0 || ld->diags->count + ld->diags->errors + ld->diags->warnings != before) {
		ld->stream_broken = 1; /* load() starts again without streaming: stop here */
		return -1;
	}
	ld->copy_text = 1;
	return 1;
}

static int stream_item(void *ctx, const lc_yt_node *item)
{
	loader *ld = ctx;
	size_t before = ld->diags->count + ld->diags->errors + ld->diags->warnings;
	GUARDED(ld, return -1, build_role(ld, item));
	if (ld->diags->count + ld->diags->errors + ld->diags->warnings != before) {
		ld->stream_broken = 1; /* load() starts again without streaming: stop here */
		return 1;
	}
	return 0;
}

/* The roles of the second thread's part are built on that thread by a copy
 * of the loader with an arena, diagnostics and role list of its own; it only
 * reads what the first thread built before forking (tracks, levels, groups). */
static void *stream_fork(void *ctx)
{
	const loader *ld = ctx;
	loader *f = malloc(sizeof *f);
	if (!f)
		return NULL;
	*f = *ld;
	f->arena = lc_arena_new();
	if (!f->arena) {
		free(f);
		return NULL;
	}
	f->nomem_at = &f->nomem;
	lc_diags_init(&f->own_diags);
	f->diags = &f->own_diags;
	lc_idmap_init(&f->roles);
	memset(&f->vroles, 0, sizeof f->vroles);
	f->cells = 0;
	f->quiet = 1;
	return f;
}

static void stream_drop(void *fctx)
{
	loader *f = fctx;
	if (f->arena)
		lc_arena_free(f->arena);
	lc_idmap_free(&f->roles);
	free(f->vroles.items);
	lc_diags_free(&f->own_diags);
	free(f);
}

/* Any diagnostic stops the second thread: the first then parses that part
 * itself, and the load starts again anyway. */
static int stream_fork_item(void *fctx, const lc_yt_node *item)
{
	loader *f = fctx;
	if (setjmp(f->nomem))
		return -1;
	build_role(f, item);
	return f->own_diags.errors ? 1 : 0;
}

static void move_mark(lc_mark *m, const lc_source *from, lc_source *to, uint32_t shift)
{
	if (m->src == from) {
		m->src = to;
		m->line += shift;
	}
}

static void move_role_marks(const ladder *l, ladder_role *r, const lc_source *from, lc_source *to, uint32_t shift)
{
	move_mark(&r->at, from, to, shift);
	for (size_t i = 0; i < l->nlevels; i++)
		move_mark(&r->title_override_at[i], from, to, shift);
	for (size_t g = 0; g < r->ngroups; g++) {
		ladder_group *gr = r->groups[g];
		move_mark(&gr->at, from, to, shift);
		for (size_t k = 0; k < gr->ncompetencies; k++) {
			ladder_competency *c = gr->competencies[k];
			move_mark(&c->at, from, to, shift);
			move_mark(&c->description_at, from, to, shift);
			for (size_t i = 0; i < l->nlevels; i++)
				move_mark(&c->text_at[i], from, to, shift);
			for (size_t i = 0; i < c->nlint_disable; i++)
				move_mark(&c->lint_disable_at[i], from, to, shift);
		}
	}
}

/* The fork's roles follow the first thread's, as in a plain load. */
static void merge_roles(loader *ld, loader *f, const lc_source *piece_src, uint32_t shift)
{
	lc_source *src = ld->units[0]->src;
	for (size_t i = 0; i < f->vroles.n; i++) {
		ladder_role *r = f->vroles.items[i];
		move_role_marks(ld->l, r, piece_src, src, shift);
		if (lc_idmap_put(&ld->roles, r->id.s, r->id.len, r))
			ld->stream_broken = 1; /* a duplicate id (or no memory): the plain load reports it */
		r->index = (uint32_t)ld->vroles.n;
		vec_push(ld, &ld->vroles, r);
	}
}

static int stream_join(void *ctx, void *fctx, const lc_source *piece_src, uint32_t shift)
{
	loader *ld = ctx, *f = fctx;
	GUARDED(ld, { stream_drop(f); ld->stream_oom = 1; return -1; }, merge_roles(ld, f, piece_src, shift));
	size_t max = ld->lim.max_cells ? ld->lim.max_cells : LADDER_DEFAULT_MAX_CELLS;
	ld->cells = ld->cells > SIZE_MAX - f->cells ? SIZE_MAX : ld->cells + f->cells;
	if (ld->cells > max)
		ld->stream_broken = 1; /* the limit's error is the plain load's to report */
	lc_arena_adopt(ld->arena, f->arena);
	f->arena = NULL;
	stream_drop(f);
	return 0;
}

static void build_model(loader *ld)
{
	ladder *l = ld->l;
	size_t npaths = 0;
	for (size_t u = 0; u < ld->nunits; u++)
		npaths += seq_count(ld->units[u]->paths);
	if (!ld->globals_built)
		build_globals(ld);

	for (size_t u = 0; u < ld->nunits; u++) {
		const lc_yt_node *rs = ld->units[u]->roles;
		if (!rs || lc_yt_is_null(rs) || !want(ld, rs, LC_YT_SEQ, "'roles'"))
			continue;
		for (uint32_t i = 0; i < rs->count; i++)
			build_role(ld, rs->items[i]);
	}
	l->roles = (ladder_role **)vec_finish(ld, &ld->vroles, &l->nroles);
	resolve_titles(ld);
	build_promotion(ld, ld->promotion);
	build_paths(ld, npaths);
	build_lint(ld, ld->lint);
}

static void loader_cleanup(loader *ld)
{
	free(ld->units);
	free(ld->stack);
	free(ld->root_dir);
	lc_idmap_free(&ld->tracks);
	lc_idmap_free(&ld->levels);
	lc_idmap_free(&ld->roles);
	lc_idmap_free(&ld->groups);
	free(ld->vtracks.items);
	free(ld->vlevels.items);
	free(ld->vgroups.items);
	free(ld->vroles.items);
}

/* The path that identifies a file for include cycles. A pipe reached through
 * /dev/fd or /dev/stdin has no path of its own (realpath fails on the
 * "pipe:[N]" link), but it can be read: it is its own name. */
static char *identity(const char *path)
{
	char *real = realpath(path, NULL);
	struct stat st;
	if (!real && errno == ENOENT && stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		real = strdup(path);
	return real;
}

/* What to load: a file by name, a stream, or the caller's bytes. */
typedef struct input {
	const char *path;
	const char *data;   /* the caller's buffer (copied), or NULL */
	size_t len;
	FILE *stream;
	char *taken;        /* bytes already read, owned from here on (a second try) */
	size_t taken_len;
	int streaming;      /* roles may be built while parsing */
} input;

static ladder_status load_once(input *in, const ladder_limits *lim, lc_diags *diags, ladder **out);

static ladder_status load(const char *path, const char *data, size_t len, FILE *stream,
                          const ladder_limits *lim, lc_diags *diags, ladder **out)
{
	input in = {path, data, len, stream, NULL, 0, 1};
	return load_once(&in, lim, diags, out);
}

/* A streamed load that did anything a plain one would not (see stream_begin)
 * gives its bytes back in `in` and its diagnostics are forgotten. */
static int start_again(loader *ld, input *in, lc_diags *diags, size_t count, size_t errors, size_t warnings,
                       int truncated)
{
	if (!ld->globals_built || ld->io_error || ld->nunits == 0)
		return 0;
	if (!ld->stream_broken && diags->count == count && diags->errors == errors && diags->warnings == warnings)
		return 0;
	lc_source *src = ld->units[0]->src;
	for (size_t i = count; i < diags->count; i++)
		free(diags->items[i].block);
	diags->count = count;
	diags->errors = errors;
	diags->warnings = warnings;
	diags->truncated = truncated;
	/* the roles' bytes given back are read again */
	if (lc_source_fetch(src, 0, src->len) < 0) {
		read_again_failed(ld, src, errno);
		return 0;
	}
	lc_source_detach_file(src);
	in->taken = (char *)src->data;
	in->taken_len = src->len;
	src->data = NULL;
	in->streaming = 0;
	return 1;
}

static ladder_status load_once(input *in, const ladder_limits *lim, lc_diags *diags, ladder **out)
{
	const char *path = in->path, *data = in->data;
	size_t len = in->len;
	FILE *stream = in->stream;
	*out = NULL;
	loader ldv;
	loader *volatile ld = &ldv;
	memset(&ldv, 0, sizeof ldv);
	if (lim)
		ldv.lim = *lim;
	else
		ladder_limits_default(&ldv.lim);
	ldv.diags = diags;
	ldv.stream = stream;
	if (in->streaming) {
		ldv.ys.ctx = &ldv;
		ldv.ys.begin = stream_begin;
		ldv.ys.item = stream_item;
		ldv.ys.fork = stream_fork;
		ldv.ys.fork_item = stream_fork_item;
		ldv.ys.join = stream_join;
		ldv.ys.drop = stream_drop;
	}
	size_t count_before = diags->count, warnings_before = diags->warnings;
	int truncated_before = diags->truncated;
	ldv.arena = lc_arena_new();
	if (!ldv.arena)
		return LADDER_NOMEM;
	ladder *l = lc_arena_alloc(ldv.arena, sizeof *l);
	if (!l) {
		lc_arena_free(ldv.arena);
		return LADDER_NOMEM;
	}
	l->arena = ldv.arena;
	ldv.l = l;
	size_t errors_before = diags->errors;
	ldv.nomem_at = &ldv.nomem;
	if (setjmp(ldv.nomem)) {
		free(in->taken);
		in->taken = NULL;
		loader_cleanup(ld);
		ladder_free(ld->l);
		return LADDER_NOMEM;
	}
	lc_idmap_init(&ldv.tracks);
	lc_idmap_init(&ldv.levels);
	lc_idmap_init(&ldv.roles);
	lc_idmap_init(&ldv.groups);

	lc_source *src = new_source(&ldv, path);
	if (in->taken) {
		src->data = in->taken;
		src->len = in->taken_len;
		in->taken = NULL;
	}
	/* standard input, by '-' or by name, finds its includes from here */
	char *dir = stream || is_stdin_path(path) ? strdup(".") : dir_of(path);
	if (!dir)
		oom(&ldv);
	ldv.root_dir = realpath(dir, NULL);
	if (!ldv.root_dir && (data || stream))
		ldv.root_dir = strdup(dir); /* a buffer need not name a real file */
	free(dir);
	char *real = data || stream ? strdup(path) : identity(path);
	if (!ldv.root_dir || !real) {
		int e = errno;
		lc_mark whole = {src, 0, 0};
		free(real);
		if (e == ENOMEM)
			oom(&ldv);
		err(&ldv, &whole, "cannot read %s: %s", q(&ldv, path, strlen(path)), strerror(e));
		loader_cleanup(&ldv);
		ladder_free(l);
		return LADDER_IO;
	}
	if (data && !src->data) {
		/* the model owns its sources: keep a copy of the caller's buffer */
		char *copy = malloc(len ? len : 1);
		if (!copy) {
			free(real);
			oom(&ldv);
		}
		if (len)
			memcpy(copy, data, len);
		src->data = copy;
		src->len = len;
	}
	load_unit(&ldv, src, real, 1, NULL);
	if (!ldv.io_error && ldv.units[0]->root)
		build_model(&ldv);
	if (start_again(&ldv, in, diags, count_before, errors_before, warnings_before, truncated_before)) {
		loader_cleanup(&ldv);
		ladder_free(l);
		return load_once(in, lim, diags, out);
	}
	int io = ldv.io_error;
	loader_cleanup(&ldv);
	if (io || diags->errors > errors_before) {
		ladder_free(l);
		return io ? LADDER_IO : LADDER_INVALID;
	}
	*out = l;
	return LADDER_OK;
}

ladder_status ladder_load_file(const char *path, const ladder_limits *lim, lc_diags *diags, ladder **out)
{
	return load(path, NULL, 0, NULL, lim, diags, out);
}

ladder_status ladder_load_stream(const char *name, FILE *f, const ladder_limits *lim, lc_diags *diags,
                                 ladder **out)
{
	return load(name, NULL, 0, f, lim, diags, out);
}

ladder_status ladder_load_buffer(const char *path, const char *data, size_t len, const ladder_limits *lim,
                                 lc_diags *diags, ladder **out)
{
	return load(path, data ? data : "", len, NULL, lim, diags, out);
}
