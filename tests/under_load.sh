#!/bin/sh
# The whole ctest suite several times in a row at ctest -j2 while a CPU-bound
# process runs beside it: the check that the suite's time limits hold on a
# busy machine (docs/reliability.md, "Time limits").
#
#   tests/under_load.sh [BUILD_DIR [RUNS [CTEST_ARGS...]]]   (default build, 3)
#
# Prints each run's ctest summary and the pathological cases that used the
# largest share of their CPU-time limit. Fails if any run fails.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-3}
shift 2 2>/dev/null || shift $#
[ -f "$build/CTestTestfile.cmake" ] || { echo "$build: not a configured build (make build BUILD=$build)" >&2; exit 2; }

sh -c 'while :; do :; done' &
busy=$!
trap 'kill $busy 2>/dev/null' EXIT INT TERM

status=0
run=1
while [ "$run" -le "$runs" ]; do
	(cd "$build" && ctest -j2 "$@") >"$build/under_load.$run.log" 2>&1 || status=1
	echo "run $run: $(grep -E 'tests passed|tests failed' "$build/under_load.$run.log")"
	grep -E '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*(Failed|Timeout|Not Run)' "$build/under_load.$run.log"
	# "ok: NAME: exit N; cpu 1.23s of 5s, wall 2.34s; ..." from each passing case
	sed -n 's/^ok: \([^:]*\): exit [0-9]*; cpu \([0-9.]*\)s of \([0-9]*\)s, wall \([0-9.]*\)s;.*/\1 \2 \3 \4/p' \
		"$build/Testing/Temporary/LastTest.log" |
		awk '{ printf "%5.1f%%  %-28s cpu %5.2fs of %2ds  wall %5.2fs\n", 100 * $2 / $3, $1, $2, $3, $4 }' |
		sort -rn | head -n 5 | sed 's/^/    /'
	run=$((run + 1))
done
exit $status
