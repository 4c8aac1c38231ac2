/* read_floor FILE: reads the file into memory the way ladderc does, and
 * nothing else. The cost of getting the bytes, below the libyaml floor. */
#include <stdio.h>
#include <stdlib.h>

#include "read_file.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: read_floor FILE\n");
		return 2;
	}
	size_t len;
	char *data = bench_read_file(argv[1], &len);
	if (!data) {
		perror(argv[1]);
		return 2;
	}
	/* touch the bytes so nothing can be skipped */
	unsigned sum = 0;
	for (size_t i = 0; i < len; i += 4096)
		sum += (unsigned char)data[i];
	free(data);
	return sum == 0xFFFFFFFFu;
}
