/* bench_run: times commands interleaved over repeated runs.
 *
 *   bench_run [-n RUNS] [-w WARMUP] [-s] CMDFILE
 *
 * CMDFILE has one command per line: a name, a tab, then the program and its
 * arguments separated by single spaces (no shell, no quoting: the harness
 * controls every path). Run i of every command happens before run i+1 of any,
 * so a slow phase of the machine hits every command alike. Each run is
 * started with posix_spawn (no shell, no copy of this process's memory that
 * would show up in the child's peak RSS), with stdin and stdout on /dev/null
 * and stderr on /dev/null unless BENCH_STDERR is set. With -s, sync(2) runs
 * before every run, untimed: no command starts while the disk is still busy
 * with what the one before wrote (the kernel's writeback threads would take a
 * core from a command that uses two).
 *
 * Prints one tab-separated line per command:
 *   name  median_wall_ms  min_wall_ms  max_wall_ms  median_cpu_ms  median_maxrss_kb  exit_status
 * The peak RSS is the child's ru_maxrss from wait4, the figure GNU time's %M
 * reports. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

typedef struct cmd {
	char *name;
	char **argv;
	double *wall, *cpu, *rss;
	int status;
} cmd;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char **split(char *s)
{
	size_t n = 0, cap = 8;
	char **v = malloc(cap * sizeof *v);
	for (char *tok = strtok(s, " "); tok && v; tok = strtok(NULL, " ")) {
		if (n + 2 > cap) {
			cap *= 2;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				break;
		}
		v[n++] = tok;
	}
	if (v)
		v[n] = NULL;
	return v;
}

/* One run: returns 0 and fills wall, cpu (user+sys) in ms and maxrss in KB. */
static int run_once(cmd *c, int quiet_err, double *wall, double *cpu, double *rss)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (quiet_err)
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	double t0 = now_ms();
	int e = posix_spawn(&pid, c->argv[0], &fa, NULL, c->argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (e) {
		fprintf(stderr, "bench_run: %s: %s\n", c->argv[0], strerror(e));
		return -1;
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR)
			return -1;
	}
	*wall = now_ms() - t0;
	*cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	*rss = (double)ru.ru_maxrss;
	c->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return 0;
}

int main(int argc, char **argv)
{
	int runs = 5, warmup = 1, settle = 0, opt;
	while ((opt = getopt(argc, argv, "n:w:s")) != -1) {
		if (opt == 'n')
			runs = atoi(optarg);
		else if (opt == 'w')
			warmup = atoi(optarg);
		else if (opt == 's')
			settle = 1;
		else
			return 2;
	}
	if (optind + 1 != argc || runs < 1 || warmup < 0) {
		fprintf(stderr, "usage: bench_run [-n RUNS] [-w WARMUP] [-s] CMDFILE\n");
		return 2;
	}
	FILE *f = fopen(argv[optind], "r");
	if (!f) {
		perror(argv[optind]);
		return 2;
	}
	/* as many commands as the file has: a fixed table once dropped the
	 * matrix's last shapes without a word */
	cmd *cmds = NULL;
	int n = 0, cap = 0;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		if (!strchr(line, '\n') && !feof(f)) {
			fprintf(stderr, "bench_run: a line of more than %zu bytes\n", sizeof line - 2);
			return 2;
		}
		line[strcspn(line, "\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			cmd *more = realloc(cmds, (size_t)cap * sizeof *cmds);
			if (!more) {
				fprintf(stderr, "bench_run: out of memory\n");
				return 2;
			}
			cmds = more;
		}
		cmd *c = &cmds[n++];
		c->name = strdup(line);
		c->argv = split(strdup(tab + 1));
		c->wall = calloc((size_t)runs, sizeof(double));
		c->cpu = calloc((size_t)runs, sizeof(double));
		c->rss = calloc((size_t)runs, sizeof(double));
		c->status = 0;
		if (!c->name || !c->argv || !c->argv[0] || !c->wall || !c->cpu || !c->rss) {
			fprintf(stderr, "bench_run: bad line or out of memory\n");
			return 2;
		}
	}
	fclose(f);
	int quiet_err = getenv("BENCH_STDERR") == NULL;
	for (int r = -warmup; r < runs; r++) {
		for (int i = 0; i < n; i++) {
			double w, c, m;
			if (settle)
				sync();
			if (run_once(&cmds[i], quiet_err, &w, &c, &m) < 0)
				return 2;
			if (r >= 0) {
				cmds[i].wall[r] = w;
				cmds[i].cpu[r] = c;
				cmds[i].rss[r] = m;
			}
		}
	}
	for (int i = 0; i < n; i++) {
		cmd *c = &cmds[i];
		double med = median(c->wall, runs);
		printf("%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.0f\t%d\n", c->name, med, c->wall[0], c->wall[runs - 1],
		       median(c->cpu, runs), median(c->rss, runs), c->status);
	}
	return 0;
}
