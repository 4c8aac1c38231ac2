#include <signal.h>

#include "cli.h"

int main(int argc, char **argv)
{
	/* A reader that goes away (ladderc render ... | head -1) makes write()
	 * fail with EPIPE, which the writers treat as a quiet, successful end;
	 * the default SIGPIPE would instead kill the process (status 141) or
	 * not, depending on how much output the pipe buffer happened to hold. */
	signal(SIGPIPE, SIG_IGN);
	return ladderc_main(argc, argv);
}
