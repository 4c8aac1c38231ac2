/* Test helper: one file, `scratch_path`, in a directory of its own made by
 * the group setup and removed (with the file) by the group teardown. */
#ifndef LADDERC_SCRATCH_FILE_H
#define LADDERC_SCRATCH_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char scratch_dir[] = "/tmp/ladderc-test-XXXXXX";
static char scratch_path[64];

static int scratch_setup(void **state)
{
	(void)state;
	if (!mkdtemp(scratch_dir))
		return -1;
	snprintf(scratch_path, sizeof scratch_path, "%s/ladder.yaml", scratch_dir);
	return 0;
}

static int scratch_teardown(void **state)
{
	(void)state;
	remove(scratch_path);
	return rmdir(scratch_dir);
}

#endif
