/* ladderc — the library's version (include/ladderc/version.h.in). The macros
 * are expanded here, when the library is compiled, so these functions report
 * the library a program runs with, not the headers it was compiled against. */
#include "ladderc/version.h"

const char *lc_version(void)
{
	return LADDERC_VERSION_STRING;
}

int lc_version_number(void)
{
	return LADDERC_VERSION_NUMBER;
}
