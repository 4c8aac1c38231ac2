/* The diff as text for a terminal or a pager: git --word-diff style
 * ([-old-]{+new+}), or ANSI red and green. Every text from the ladders goes
 * through the terminal escaper, so nothing in a ladder can drive the
 * reviewer's terminal. */
#include "diff_emit.h"

#include <string.h>

#include "escape.h"
#include "text.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define RESET "\033[m"

/* Line breaks are laid out here (each line after the first starts with
 * `indent`), tabs kept, every other control becomes U+FFFD, and bidi
 * overrides the piece leaves open are closed at its end. */
static void put_text(lc_buf *out, const char *s, size_t len, const char *indent)
{
	size_t line = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n')
			continue;
		lc_escape_terminal_part(out, s + line, i - line, LC_ESCAPE_TERMINAL_TAB);
		lc_buf_putc(out, '\n');
		lc_buf_puts(out, indent);
		line = i + 1;
	}
	lc_escape_terminal_part(out, s + line, len - line, LC_ESCAPE_TERMINAL_TAB);
	lc_text_bidi_close(out, s, len);
}

/* A value's text: under its change's line, indented. */
static void put_value_text(lc_buf *out, const char *s, size_t len)
{
	put_text(out, s, len, "    ");
}

static const lc_diff_style plain = {put_value_text, "[-", "-]", "{+", "+}", "\n    ", ""};
/* [-a-]{+b+} needs no space between old and new; colours do */
static const lc_diff_style colored = {put_value_text, RED, RESET, GREEN, RESET, "\n    ", " "};

int lc_diff_emit_text(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	int color = o->color;
	const lc_diff_style *st = color ? &colored : &plain;
	if (o->title) {
		lc_buf_puts(out, color ? BOLD : "");
		put_text(out, o->title, strlen(o->title), "");
		lc_buf_puts(out, color ? RESET "\n" : "\n");
	}
	if (lc_diff_put_filter(out, st, d))
		lc_buf_putc(out, '\n');
	lc_diff_put_summary(out, st, d, "\n", "", "");
	lc_buf_puts(out, "\n\n");
	for (size_t i = 0; i < d->nchanges; i++) {
		const lc_change *ch = &d->changes[i];
		static const char *const colors[] = {GREEN, RED, YELLOW, CYAN};
		if (color)
			lc_buf_puts(out, colors[ch->kind]);
		lc_buf_printf(out, "%-8s", lc_change_kind_name(ch->kind));
		if (color)
			lc_buf_puts(out, RESET BOLD);
		put_text(out, ch->path.s, ch->path.len, "");
		if (color)
			lc_buf_puts(out, RESET);
		lc_buf_puts(out, "\n    ");
		if (lc_diff_put_value(out, st, ch) < 0)
			return -1;
		lc_buf_putc(out, '\n');
	}
	return 0;
}
