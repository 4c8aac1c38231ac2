/* The one switch of include/ladderc/speed.h. */
#include "ladderc/speed.h"

static int serial_only;

void lc_set_serial(int serial)
{
	serial_only = serial != 0;
}

int lc_serial(void)
{
	return serial_only;
}
