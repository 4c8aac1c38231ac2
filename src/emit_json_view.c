/* stub */
#include "ladderc/emit.h"
void emit_json_view(const ladder *l, const ladder_view *v, lc_buf *out) { (void)l; (void)v; (void)out; }
