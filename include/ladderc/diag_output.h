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

/* gcc-style text (lc_diag_format), then a note when errors were dropped past
 * the cap or a diagnostic could not be stored. */
void lc_diags_write_text(lc_buf *out, const lc_diags *d, int color);

/* GitHub Actions workflow commands, one per line:
 *   ::warning file=F,line=L,col=C,title=RULE::MESSAGE
 * (::error for errors, ::notice for notes), with GitHub's encoding: % CR LF in
 * the message, and also : and , in the properties. */
void lc_diags_write_github(lc_buf *out, const lc_diags *d);

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
