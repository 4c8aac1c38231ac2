/* ladderc — diagnostics for machines: GitHub Actions workflow commands, JSON,
 * SARIF 2.1.0 and GitLab Code Quality, besides the gcc-style text of diag.h.
 *
 * `sets` is one lc_diags per input file, in command-line order; each set
 * should already be sorted (lc_diags_sort). JSON, SARIF and Code Quality write one document
 * for all the sets; text and GitHub write one line (or block) per diagnostic,
 * so their output can be produced file by file. */
#ifndef LADDERC_DIAG_OUTPUT_H
#define LADDERC_DIAG_OUTPUT_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include "ladderc/buf.h"
#include "ladderc/diag.h"

typedef enum lc_diag_output {
	LC_OUTPUT_TEXT,
	LC_OUTPUT_JSON,
	LC_OUTPUT_GITHUB,
	LC_OUTPUT_SARIF,
	LC_OUTPUT_CODECLIMATE
} lc_diag_output;

/* Where docs/rules.md is: SARIF's helpUri is this plus "#RULE". */
#define LC_RULES_DOC "docs/rules.md"

/* "text", "json", "github", "sarif" or "codeclimate". Returns 0, or -1 for another name. */
int lc_diag_output_parse(const char *name, lc_diag_output *out);

/* How many warnings a run prints (check --max-warnings): the formats people
 * read (text, github) stop printing warnings past `max`, the counts still
 * tell them all. Errors are never held back by it. */
typedef struct lc_warning_cap {
	size_t max;             /* 0: no cap */
	size_t shown;           /* warnings printed so far in the run */
	size_t hidden;          /* warnings not printed */
} lc_warning_cap;

/* The default of --max-warnings (docs/rules.md). */
#define LC_DEFAULT_MAX_WARNINGS 100

/* gcc-style text (lc_diag_format), then a note when errors were dropped past
 * the cap or a diagnostic could not be stored. */
void lc_diags_write_text(lc_buf *out, const lc_diags *d, int color);
/* The same, printing warnings while `cap` admits them: those past it are
 * counted in it, not printed, nor the notes that follow them. */
void lc_diags_write_text_capped(lc_buf *out, const lc_diags *d, int color, lc_warning_cap *cap);

/* The last line of a text report, when anything was reported:
 *   ladderc: 1 error and 14 warnings (vague-language 9, missing-description 5)
 * the warnings of every set counted by rule, most first (ties in the order of
 * docs/rules.md), then how many warnings the cap held back. */
void lc_diags_write_summary(lc_buf *out, const lc_diags *sets, size_t nsets, const lc_warning_cap *cap);

/* GitHub Actions workflow commands, one per line:
 *   ::warning file=F,line=L,col=C,title=RULE::MESSAGE
 * (::error for errors, ::notice for notes), with GitHub's encoding: % CR LF in
 * the message, and also : and , in the properties. */
void lc_diags_write_github(lc_buf *out, const lc_diags *d);
/* The same, printing warnings while `cap` admits them (see above). */
void lc_diags_write_github_capped(lc_buf *out, const lc_diags *d, lc_warning_cap *cap);
/* The notice that ends a github report when the cap held warnings back:
 *   ::notice::40 warnings not shown (the limit is 100; see --max-warnings) */
void lc_diags_write_github_hidden(lc_buf *out, const lc_warning_cap *cap);

/* {"diagnostics": [{"rule", "severity", "file", "line", "column", "message"}]}
 * with null for a missing rule or file. */
void lc_diags_write_json(lc_buf *out, const lc_diags *sets, size_t nsets);

/* A SARIF 2.1.0 log with one run: the tool and its rules (lint.h), and one
 * result per diagnostic. `version` is the tool's version. */
void lc_diags_write_sarif(lc_buf *out, const lc_diags *sets, size_t nsets, const char *version);

/* GitLab Code Quality (the Code Climate issue format, docs/ci.md): a JSON array
 * with one issue per diagnostic,
 *   {"description", "check_name", "fingerprint", "severity",
 *    "location": {"path", "lines": {"begin"}}}
 * check_name is the lint rule, or "ladderc" for an error of the loader;
 * severity is "critical" for an error, "minor" for a warning, "info" for a
 * note. The fingerprint is 16 hex digits hashing the file, the rule, the
 * message and the text of the line (trimmed), and how many identical issues
 * came before in the same file: not the line number, so adding a line above
 * an issue leaves its fingerprint alone. `paths[s]` is the input file of
 * sets[s], the path of a diagnostic that names no file. */
void lc_diags_write_codeclimate(lc_buf *out, const lc_diags *sets, const char *const *paths, size_t nsets);

#ifdef __cplusplus
}
#endif

#endif
