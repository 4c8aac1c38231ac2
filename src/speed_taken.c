/* The counts of src/speed_taken.h. */
#include "speed_taken.h"

lc_speed_counts lc_speed_taken;
