/* The emitter dispatcher: one view of a ladder in one format. */
#include "ladderc/emit.h"

int ladder_emit(const ladder *l, ladder_format f, const ladder_view *v, const ladder_emit_options *o,
                lc_buf *out)
{
	static const ladder_emit_options defaults = {0, 0, 0, 0, NULL, 0};
	if (!o)
		o = &defaults;
	switch (f) {
	case LADDER_FORMAT_JSON:
		if (v->kind == LADDER_VIEW_LADDER && !v->role && !v->track)
			lc_emit_json(l, out); /* the model itself, exactly */
		else
			lc_emit_json_view(l, v, out);
		break;
	case LADDER_FORMAT_MARKDOWN:
		lc_emit_markdown(l, v, o, out);
		break;
	case LADDER_FORMAT_HTML:
		return lc_emit_html(l, v, o, out);
	case LADDER_FORMAT_CSV:
		lc_emit_csv(l, v, o, out);
		break;
	case LADDER_FORMAT_TEXT:
		lc_emit_text(l, v, o, out);
		break;
	default:
		return -1;
	}
	return lc_buf_failed(out) ? -1 : 0;
}
