/* Diagnostics rendered for CI: GitHub workflow commands, JSON, SARIF and
 * GitLab Code Quality. */
#include "ladderc/diag_output.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "ladderc/lint.h"
#include "wdiff.h"

enum { DEFAULT_MAX_ERRORS = 100 };

int lc_diag_output_parse(const char *name, lc_diag_output *out)
{
	static const struct {
		const char *name;
		lc_diag_output kind;
	} names[] = {
		{"text", LC_OUTPUT_TEXT},
		{"json", LC_OUTPUT_JSON},
		{"github", LC_OUTPUT_GITHUB},
		{"sarif", LC_OUTPUT_SARIF},
		{"codeclimate", LC_OUTPUT_CODECLIMATE},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].kind;
			return 0;
		}
	return -1;
}

static const char *severity_name(lc_severity s)
{
	switch (s) {
	case LC_ERROR: return "error";
	case LC_WARNING: return "warning";
	default: return "note";
	}
}

/* 1 if d->items[i] is printed: a warning within the cap, or a note after a
 * printed diagnostic, or an error. `held` says whether the last warning or
 * error was held back. */
static int cap_admits(lc_warning_cap *cap, const lc_diag *dg, int *held)
{
	if (dg->severity == LC_NOTE)
		return !*held;
	*held = 0;
	if (dg->severity != LC_WARNING || !cap)
		return 1;
	if (cap->max && cap->shown >= cap->max) {
		cap->hidden++;
		*held = 1;
		return 0;
	}
	cap->shown++;
	return 1;
}

void lc_diags_write_text(lc_buf *out, const lc_diags *d, int color)
{
	lc_diags_write_text_capped(out, d, color, NULL);
}

void lc_diags_write_text_capped(lc_buf *out, const lc_diags *d, int color, lc_warning_cap *wcap)
{
	int held = 0;
	for (size_t i = 0; i < d->count; i++)
		if (cap_admits(wcap, &d->items[i], &held))
			lc_diag_format(out, &d->items[i], color);
	if (d->truncated) {
		size_t cap = d->max_errors ? d->max_errors : DEFAULT_MAX_ERRORS;
		lc_buf_printf(out, "ladderc: note: %zu more errors not shown (the limit is %zu; see --max-errors)\n",
		              d->errors - cap, cap);
	}
	if (d->oom)
		lc_buf_puts(out, "ladderc: error: out of memory while reporting errors\n");
}

static void put_count(lc_buf *out, size_t n, const char *one, const char *many)
{
	lc_buf_printf(out, "%zu %s", n, n == 1 ? one : many);
}

void lc_diags_write_summary(lc_buf *out, const lc_diags *sets, size_t nsets, const lc_warning_cap *cap)
{
	size_t errors = 0, warnings = 0, by_rule[LC_LINT_NRULES] = {0};
	for (size_t s = 0; s < nsets; s++) {
		errors += sets[s].errors;
		warnings += sets[s].warnings;
		for (size_t i = 0; i < sets[s].count; i++) {
			const lc_diag *dg = &sets[s].items[i];
			int r = dg->severity == LC_WARNING && dg->rule ? lc_lint_find_rule(dg->rule, strlen(dg->rule)) : -1;
			if (r >= 0)
				by_rule[r]++;
		}
	}
	if (errors == 0 && warnings == 0)
		return;
	lc_buf_puts(out, "ladderc: ");
	if (errors)
		put_count(out, errors, "error", "errors");
	if (errors && warnings)
		lc_buf_puts(out, " and ");
	if (warnings)
		put_count(out, warnings, "warning", "warnings");
	/* the rules, most findings first: a selection sort over a dozen rules */
	unsigned char listed[LC_LINT_NRULES] = {0};
	int nlisted = 0;
	for (;;) {
		int best = -1;
		for (int r = 0; r < LC_LINT_NRULES; r++)
			if (!listed[r] && by_rule[r] && (best < 0 || by_rule[r] > by_rule[best]))
				best = r;
		if (best < 0)
			break;
		listed[best] = 1;
		lc_buf_puts(out, nlisted++ ? ", " : " (");
		lc_buf_printf(out, "%s %zu", lc_lint_rules[best].id, by_rule[best]);
	}
	if (nlisted)
		lc_buf_putc(out, ')');
	if (cap && cap->hidden)
		lc_buf_printf(out, "; %zu warning%s not shown (the limit is %zu; see --max-warnings)", cap->hidden,
		              cap->hidden == 1 ? "" : "s", cap->max);
	lc_buf_putc(out, '\n');
}

/* ---- GitHub ------------------------------------------------------------------ */

/* GitHub's workflow-command encoding: % CR LF always; : and , too inside a
 * property, where they would end the value. */
static void github_escape(lc_buf *out, const char *s, size_t len, int property)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '%')
			lc_buf_puts(out, "%25");
		else if (c == '\r')
			lc_buf_puts(out, "%0D");
		else if (c == '\n')
			lc_buf_puts(out, "%0A");
		else if (property && c == ':')
			lc_buf_puts(out, "%3A");
		else if (property && c == ',')
			lc_buf_puts(out, "%2C");
		else
			lc_buf_putc(out, c);
	}
}

void lc_diags_write_github(lc_buf *out, const lc_diags *d)
{
	lc_diags_write_github_capped(out, d, NULL);
}

void lc_diags_write_github_capped(lc_buf *out, const lc_diags *d, lc_warning_cap *wcap)
{
	int held = 0;
	for (size_t i = 0; i < d->count; i++) {
		const lc_diag *dg = &d->items[i];
		if (!cap_admits(wcap, dg, &held))
			continue;
		lc_buf_puts(out, dg->severity == LC_ERROR ? "::error" : dg->severity == LC_WARNING ? "::warning"
		                                                                              : "::notice");
		const char *sep = " ";
		if (dg->file) {
			lc_buf_puts(out, " file=");
			github_escape(out, dg->file, strlen(dg->file), 1);
			if (dg->line)
				lc_buf_printf(out, ",line=%u,col=%u", dg->line, dg->col);
			sep = ",";
		}
		if (dg->rule) {
			lc_buf_puts(out, sep);
			lc_buf_puts(out, "title=");
			github_escape(out, dg->rule, strlen(dg->rule), 1);
		}
		lc_buf_puts(out, "::");
		github_escape(out, dg->message, strlen(dg->message), 0);
		lc_buf_putc(out, '\n');
	}
	if (d->truncated) {
		size_t cap = d->max_errors ? d->max_errors : DEFAULT_MAX_ERRORS;
		lc_buf_printf(out, "::notice::%zu more errors not shown (the limit is %zu; see --max-errors)\n",
		              d->errors - cap, cap);
	}
}

void lc_diags_write_github_hidden(lc_buf *out, const lc_warning_cap *cap)
{
	if (cap && cap->hidden)
		lc_buf_printf(out, "::notice::%zu warning%s not shown (the limit is %zu; see --max-warnings)\n",
		              cap->hidden, cap->hidden == 1 ? "" : "s", cap->max);
}

/* ---- JSON ------------------------------------------------------------------------ */

void lc_diags_write_json(lc_buf *out, const lc_diags *sets, size_t nsets)
{
	lc_json j;
	lc_json_init(&j, out);
	lc_json_object(&j);
	lc_json_key(&j, "diagnostics");
	lc_json_array(&j);
	for (size_t s = 0; s < nsets; s++)
		for (size_t i = 0; i < sets[s].count; i++) {
			const lc_diag *dg = &sets[s].items[i];
			lc_json_object(&j);
			lc_json_key(&j, "rule");
			if (dg->rule)
				lc_json_cstring(&j, dg->rule);
			else
				lc_json_null(&j);
			lc_json_key(&j, "severity");
			lc_json_cstring(&j, severity_name(dg->severity));
			lc_json_key(&j, "file");
			if (dg->file)
				lc_json_cstring(&j, dg->file);
			else
				lc_json_null(&j);
			lc_json_key(&j, "line");
			lc_json_int(&j, dg->line);
			lc_json_key(&j, "column");
			lc_json_int(&j, dg->line ? dg->col : 0);
			lc_json_key(&j, "message");
			lc_json_cstring(&j, dg->message);
			lc_json_end_object(&j);
		}
	lc_json_end_array(&j);
	lc_json_end_object(&j);
	lc_json_finish(&j);
}

/* ---- SARIF ------------------------------------------------------------------------ */

/* A file path as a URI reference: unreserved characters and '/' stay, every
 * other byte is percent-encoded; an absolute path becomes a file:// URI. */
static void put_uri(lc_buf *u, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	if (path[0] == '/')
		lc_buf_puts(u, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '.' || c == '_' || c == '~' || c == '/') {
			lc_buf_putc(u, (char)c);
		} else {
			lc_buf_putc(u, '%');
			lc_buf_putc(u, hex[c >> 4]);
			lc_buf_putc(u, hex[c & 15]);
		}
	}
}

static const char *sarif_level(lc_severity s)
{
	switch (s) {
	case LC_ERROR: return "error";
	case LC_WARNING: return "warning";
	default: return "note";
	}
}

void lc_diags_write_sarif(lc_buf *out, const lc_diags *sets, size_t nsets, const char *version)
{
	lc_json j;
	lc_json_init(&j, out);
	lc_buf tmp = LC_BUF_INIT;
	lc_json_object(&j);
	lc_json_key(&j, "version");
	lc_json_cstring(&j, "2.1.0");
	lc_json_key(&j, "$schema");
	lc_json_cstring(&j, "https://json.schemastore.org/sarif-2.1.0.json");
	lc_json_key(&j, "runs");
	lc_json_array(&j);
	lc_json_object(&j);

	lc_json_key(&j, "tool");
	lc_json_object(&j);
	lc_json_key(&j, "driver");
	lc_json_object(&j);
	lc_json_key(&j, "name");
	lc_json_cstring(&j, "ladderc");
	lc_json_key(&j, "version");
	lc_json_cstring(&j, version);
	lc_json_key(&j, "rules");
	lc_json_array(&j);
	for (int r = 0; r < LC_LINT_NRULES; r++) {
		lc_json_object(&j);
		lc_json_key(&j, "id");
		lc_json_cstring(&j, lc_lint_rules[r].id);
		lc_json_key(&j, "shortDescription");
		lc_json_object(&j);
		lc_json_key(&j, "text");
		lc_json_cstring(&j, lc_lint_rules[r].rationale);
		lc_json_end_object(&j);
		lc_json_key(&j, "helpUri");
		lc_buf_clear(&tmp);
		lc_buf_printf(&tmp, "%s#%s", LC_RULES_DOC, lc_lint_rules[r].id);
		lc_json_string(&j, tmp.data ? tmp.data : "", tmp.len);
		lc_json_key(&j, "defaultConfiguration");
		lc_json_object(&j);
		lc_json_key(&j, "level");
		lc_json_cstring(&j, "warning");
		lc_json_end_object(&j);
		lc_json_end_object(&j);
	}
	lc_json_end_array(&j);
	lc_json_end_object(&j); /* driver */
	lc_json_end_object(&j); /* tool */

	/* our columns count characters (code points), not SARIF's default UTF-16 units */
	lc_json_key(&j, "columnKind");
	lc_json_cstring(&j, "unicodeCodePoints");

	lc_json_key(&j, "results");
	lc_json_array(&j);
	for (size_t s = 0; s < nsets; s++)
		for (size_t i = 0; i < sets[s].count; i++) {
			const lc_diag *dg = &sets[s].items[i];
			lc_json_object(&j);
			int rule = dg->rule ? lc_lint_find_rule(dg->rule, strlen(dg->rule)) : -1;
			if (dg->rule) {
				lc_json_key(&j, "ruleId");
				lc_json_cstring(&j, dg->rule);
			}
			if (rule >= 0) {
				lc_json_key(&j, "ruleIndex");
				lc_json_int(&j, rule);
			}
			lc_json_key(&j, "level");
			lc_json_cstring(&j, sarif_level(dg->severity));
			lc_json_key(&j, "message");
			lc_json_object(&j);
			lc_json_key(&j, "text");
			lc_json_cstring(&j, dg->message);
			lc_json_end_object(&j);
			if (dg->file) {
				lc_json_key(&j, "locations");
				lc_json_array(&j);
				lc_json_object(&j);
				lc_json_key(&j, "physicalLocation");
				lc_json_object(&j);
				lc_json_key(&j, "artifactLocation");
				lc_json_object(&j);
				lc_json_key(&j, "uri");
				lc_buf_clear(&tmp);
				put_uri(&tmp, dg->file);
				lc_json_string(&j, tmp.data ? tmp.data : "", tmp.len);
				lc_json_end_object(&j);
				if (dg->line) {
					lc_json_key(&j, "region");
					lc_json_object(&j);
					lc_json_key(&j, "startLine");
					lc_json_int(&j, dg->line);
					lc_json_key(&j, "startColumn");
					lc_json_int(&j, dg->col ? dg->col : 1);
					lc_json_end_object(&j);
				}
				lc_json_end_object(&j); /* physicalLocation */
				lc_json_end_object(&j);
				lc_json_end_array(&j);
			}
			lc_json_end_object(&j);
		}
	lc_json_end_array(&j);
	lc_json_end_object(&j); /* run */
	lc_json_end_array(&j);
	lc_json_end_object(&j);
	lc_json_finish(&j);
	if (lc_buf_failed(&tmp))
		out->failed = 1;
	lc_buf_free(&tmp);
}

/* ---- GitLab Code Quality ------------------------------------------------------ */

/* GitLab's levels are info, minor, major, critical and blocker: an error makes
 * the ladder unusable (critical); a lint finding is about wording (minor). */
static const char *codeclimate_severity(lc_severity s)
{
	switch (s) {
	case LC_ERROR: return "critical";
	case LC_WARNING: return "minor";
	default: return "info";
	}
}

/* What an issue is, whatever line it sits on: its file, rule, message and the
 * text of its line without the blanks around it (so re-indenting keeps it). */
static uint64_t issue_key(lc_buf *tmp, const lc_diag *dg, const char *path)
{
	lc_buf_clear(tmp);
	lc_buf_puts(tmp, path);
	lc_buf_putc(tmp, '\0');
	lc_buf_puts(tmp, dg->rule ? dg->rule : "");
	lc_buf_putc(tmp, '\0');
	lc_buf_puts(tmp, dg->message);
	lc_buf_putc(tmp, '\0');
	const char *line = dg->source ? dg->source : "";
	size_t len = dg->source ? dg->source_len : 0;
	while (len && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
		len--;
	lc_buf_put(tmp, line, len);
	return lc_wdiff_hash(tmp->data ? tmp->data : "", tmp->len);
}

typedef struct keyed_issue {
	uint64_t key;
	size_t index; /* in its set */
} keyed_issue;

static int by_key_then_index(const void *a, const void *b)
{
	const keyed_issue *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Each issue's fingerprint, in the set's order: its key, made distinct from
 * the identical issues before it in the set (the second of two equal lines)
 * by their count. NULL when out of memory. */
static uint64_t *fingerprint_set(lc_buf *tmp, const lc_diags *d, const char *path)
{
	keyed_issue *keyed = malloc(d->count * sizeof *keyed);
	uint64_t *fingerprints = calloc(d->count, sizeof *fingerprints);
	if (!keyed || !fingerprints) {
		free(keyed);
		free(fingerprints);
		return NULL;
	}
	for (size_t i = 0; i < d->count; i++) {
		const lc_diag *dg = &d->items[i];
		keyed[i].key = issue_key(tmp, dg, dg->file ? dg->file : path);
		keyed[i].index = i;
	}
	qsort(keyed, d->count, sizeof *keyed, by_key_then_index);
	size_t before = 0;
	for (size_t i = 0; i < d->count; i++) {
		before = i > 0 && keyed[i].key == keyed[i - 1].key ? before + 1 : 0;
		uint64_t fp = keyed[i].key;
		if (before) {
			lc_buf_clear(tmp);
			lc_buf_printf(tmp, "%016llx:%zu", (unsigned long long)fp, before);
			fp = lc_wdiff_hash(tmp->data ? tmp->data : "", tmp->len);
		}
		fingerprints[keyed[i].index] = fp;
	}
	free(keyed);
	return fingerprints;
}

static void codeclimate_issue(lc_json *j, lc_buf *tmp, const lc_diag *dg, const char *path, uint64_t fingerprint)
{
	lc_json_object(j);
	lc_json_key(j, "description");
	lc_json_cstring(j, dg->message);
	lc_json_key(j, "check_name");
	lc_json_cstring(j, dg->rule ? dg->rule : "ladderc");
	lc_json_key(j, "fingerprint");
	lc_buf_clear(tmp);
	lc_buf_printf(tmp, "%016llx", (unsigned long long)fingerprint);
	lc_json_string(j, tmp->data ? tmp->data : "", tmp->len);
	lc_json_key(j, "severity");
	lc_json_cstring(j, codeclimate_severity(dg->severity));
	lc_json_key(j, "location");
	lc_json_object(j);
	lc_json_key(j, "path");
	lc_json_cstring(j, dg->file ? dg->file : path);
	lc_json_key(j, "lines");
	lc_json_object(j);
	lc_json_key(j, "begin");
	lc_json_int(j, dg->line ? dg->line : 1);
	lc_json_end_object(j);
	lc_json_end_object(j);
	lc_json_end_object(j);
}

void lc_diags_write_codeclimate(lc_buf *out, const lc_diags *sets, const char *const *paths, size_t nsets)
{
	lc_json j;
	lc_json_init(&j, out);
	lc_buf tmp = LC_BUF_INIT;
	lc_json_array(&j);
	for (size_t s = 0; s < nsets; s++) {
		const lc_diags *d = &sets[s];
		if (d->count == 0)
			continue;
		uint64_t *fingerprints = fingerprint_set(&tmp, d, paths[s]);
		if (!fingerprints) {
			out->failed = 1;
			break;
		}
		for (size_t i = 0; i < d->count; i++)
			codeclimate_issue(&j, &tmp, &d->items[i], paths[s], fingerprints[i]);
		free(fingerprints);
	}
	lc_json_end_array(&j);
	lc_json_finish(&j);
	if (lc_buf_failed(&tmp))
		out->failed = 1;
	lc_buf_free(&tmp);
}
