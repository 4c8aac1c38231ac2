#include "cli.h"

int main(int argc, char **argv)
{
	return ladderc_main(argc, argv);
}
