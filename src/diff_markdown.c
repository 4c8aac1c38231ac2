/* The diff as GitHub-flavoured Markdown, for a pull-request comment: the
 * summary, then a section per role (after the whole ladder and all roles),
 * its changes listed under their level. Text from the ladders goes through
 * the Markdown escaper. */
#include "diff_emit.h"

#include <string.h>

#include "escape.h"

/* in_cell: a value's line breaks become <br>, so a change stays one item */
static void put_md(lc_buf *out, const char *s, size_t len)
{
	lc_escape_markdown(out, s, len, 1);
}

static const lc_diff_style markdown = {put_md, "<del>", "</del>", "<ins>", "</ins>", "<br>", " "};

static void section_title(lc_buf *out, const lc_diff_section *s)
{
	if (s->role_id.s) {
		lc_diff_put_str(out, &markdown, s->role_name);
		lc_buf_puts(out, " (`");
		lc_buf_put(out, s->role_id.s, s->role_id.len); /* ids are [A-Za-z0-9_-]: safe in code */
		lc_buf_puts(out, "`)");
	} else {
		lc_buf_puts(out, s->all_roles ? "All roles" : "Whole ladder");
	}
}

/* A section: its heading, and its changes, each under a bold item naming its level. */
static int put_section(lc_buf *out, const lc_diff *d, const lc_diff_emit_options *o, const lc_diff_section *s)
{
	lc_buf_puts(out, "\n#### ");
	section_title(out, s);
	lc_buf_puts(out, "\n\n");
	ladder_str level = {NULL, 0};
	for (size_t i = 0; i < s->nitems; i++) {
		const lc_change *ch = &d->changes[s->items[i].order];
		const char *indent = "";
		if (ch->level_id.s) {
			if (!level.s || !ladder_str_eq(level, ch->level_id)) {
				level = ch->level_id;
				lc_buf_puts(out, "- **");
				lc_diff_put_str(out, &markdown, level);
				lc_buf_puts(out, "**\n");
			}
			indent = "  ";
		}
		lc_buf_printf(out, "%s- ", indent);
		if (o->anchors) /* the entry role pages link to */
			lc_buf_printf(out, "<a id=\"change-%zu\"></a>", s->items[i].order);
		lc_buf_printf(out, "*%s* ", lc_change_kind_name(ch->kind));
		if (o->anchors)
			lc_buf_printf(out, "(%s) ", lc_bump_name(ch->bump));
		lc_diff_put_str(out, &markdown, ch->label);
		lc_buf_puts(out, ": ");
		int rc = lc_diff_put_value(out, &markdown, ch);
		lc_buf_putc(out, '\n');
		if (rc < 0)
			return -1;
	}
	return 0;
}

int lc_diff_emit_markdown(const lc_diff *d, const lc_diff_emit_options *o, lc_buf *out)
{
	lc_buf_puts(out, "### Ladder changes");
	if (o->title) {
		lc_buf_puts(out, ": ");
		put_md(out, o->title, strlen(o->title));
	}
	lc_buf_puts(out, "\n\n");
	if (lc_diff_put_filter(out, &markdown, d))
		lc_buf_puts(out, " · ");
	lc_diff_put_summary(out, &markdown, d, " · ", "**", "**");
	lc_buf_puts(out, "\n");
	return lc_diff_each_section(out, d, o, put_section);
}
