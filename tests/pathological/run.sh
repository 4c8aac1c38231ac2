#!/bin/sh
# One case of the pathological suite: generates the hostile input, runs
# ladderc on it under a CPU-time limit (and a memory limit where the build
# allows one), and checks the exit code and the error it reports.
#
#   tests/pathological/run.sh LADDERC CASE_FILE WORK_ROOT
#
# A case file (cases/NAME.case) is a shell fragment that defines:
#   input()          writes the input into the current directory (in.yaml by
#                    default); big inputs are generated here, never committed
#   expect_exit      the exit code ladderc must end with
#   expect_stderr    an extended regular expression the FIRST line of stderr
#                    must match ('': no errors; lint warnings may appear)
# and may set:
#   args             ladderc's arguments as shell words (default: check in.yaml)
#   expect_last      an ERE the LAST line of stderr must match
#   expect_stdout    an ERE some line of stdout must match
#   cpu_seconds      the limit on the CPU time (user + sys, all threads) of
#                    ladderc (default 5; multiplied by $LADDERC_TIME_SCALE in
#                    slow builds: sanitizers, valgrind). CPU time, not wall
#                    time: a loaded machine stretches ladderc's wall time but
#                    barely changes the CPU it uses, so the limit holds at
#                    ctest -j and beside other work (docs/reliability.md). A wall-clock guard of 10 times the
#                    limit catches a process that hangs without using CPU.
#   mem_mb           the address-space limit, ulimit -v (default 1024; not
#                    applied when $LADDERC_NO_VMLIMIT is set: ASan, valgrind)
#   stack_kb         a stack limit, ulimit -s
#   needs_vmlimit=1  the case is about memory: skipped (77) without a limit
#   big=1            a large input (label "big" in ctest)
set -u
here=$(cd "$(dirname "$0")" && pwd)
ladderc=$1
case_file=$2
root=$3
name=$(basename "$case_file" .case)
work="$root/$name"
rm -rf "$work"
mkdir -p "$work" && cd "$work" || exit 2

LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
export LC_ALL TZ TERM
unset NO_COLOR

args='check in.yaml'
expect_exit=
expect_stderr=
expect_last=
expect_stdout=
cpu_seconds=5
mem_mb=1024
stack_kb=
needs_vmlimit=
big=
. "$here/lib.sh"
. "$case_file"
[ -n "$expect_exit" ] || { echo "$case_file: no expect_exit"; exit 2; }

if [ -n "$needs_vmlimit" ] && [ -n "${LADDERC_NO_VMLIMIT:-}" ]; then
	echo "skipped: this case needs ulimit -v, which this build cannot use"
	exit 77
fi
input || { echo "$name: generating the input failed"; exit 2; }

cpu_limit=$((cpu_seconds * ${LADDERC_TIME_SCALE:-1}))
hang_limit=$((cpu_limit * 10))
# times(1) is a builtin: it reports the CPU time of the children this shell
# has waited for, so the difference around the run is ladderc's own (plus
# timeout's, which is nothing). Redirected, not piped: a pipe would fork.
started=$(date +%s.%N)
times >times.before
(
	[ -z "${LADDERC_NO_VMLIMIT:-}" ] && ulimit -v $((mem_mb * 1024))
	[ -n "$stack_kb" ] && ulimit -s "$stack_kb"
	# the kernel stops a runaway: SIGXCPU at the limit, SIGKILL 2 s later
	ulimit -S -t "$cpu_limit" && ulimit -H -t $((cpu_limit + 2))
	eval "exec timeout -k 2 $hang_limit \${LADDERC_WRAPPER:-} \"\$ladderc\" $args"
) </dev/null >stdout 2>stderr
status=$?
times >times.after
ended=$(date +%s.%N)
# the children's user + sys seconds (second line of times: "0m1.230000s 0m0.040000s")
children_cpu() {
	awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); t += a[1] * 60 + a[2] } printf "%.2f", t }' "$1"
}
cpu=$(awk -v a="$(children_cpu times.before)" -v b="$(children_cpu times.after)" 'BEGIN { printf "%.2f", b - a }')
wall=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')
# over the limit: the kernel's SIGXCPU (or its SIGKILL), or a measured total
# at the limit (times counts in clock ticks, so the two can differ by one)
over_cpu=$(awk -v c="$cpu" -v l="$cpu_limit" 'BEGIN { print (c >= l) ? 1 : 0 }')
[ "$status" -gt 128 ] && [ "$(kill -l "$status" 2>/dev/null)" = XCPU ] && over_cpu=1
cost="cpu ${cpu}s of ${cpu_limit}s, wall ${wall}s"

fail=0
first=$(head -n 1 stderr | tr -d '\000')
last=$(tail -n 1 stderr | tr -d '\000')
if [ "$over_cpu" = 1 ]; then
	echo "FAIL: used more than its CPU-time limit ($cost; exit $status)"
	fail=1
elif [ $status -eq 124 ] || [ $status -eq 137 ]; then
	echo "FAIL: hung: did not end within ${hang_limit}s of wall-clock time ($cost)"
	fail=1
elif [ "$status" != "$expect_exit" ]; then
	echo "FAIL: exit $status, expected $expect_exit"
	fail=1
fi
if [ -z "$expect_stderr" ]; then
	if grep -aEq '(^|: )error: ' stderr; then
		echo "FAIL: expected no errors"
		fail=1
	fi
elif ! printf '%s\n' "$first" | grep -aEq -- "$expect_stderr"; then
	echo "FAIL: the first line of stderr does not match /$expect_stderr/"
	fail=1
fi
if [ -n "$expect_last" ] && ! printf '%s\n' "$last" | grep -aEq -- "$expect_last"; then
	echo "FAIL: the last line of stderr does not match /$expect_last/"
	fail=1
fi
if [ -n "$expect_stdout" ] && ! grep -aEq -- "$expect_stdout" stdout; then
	echo "FAIL: no line of stdout matches /$expect_stdout/"
	fail=1
fi
if grep -aEq 'Sanitizer|runtime error:|==[0-9]+==' stderr; then
	echo "FAIL: sanitizer or valgrind report"
	fail=1
fi
if [ $fail -ne 0 ]; then
	echo "--- stderr (first 20 lines):"
	head -n 20 stderr | cut -c1-300
	exit 1
fi
echo "ok: $name: exit $status; $cost; $first" | cut -c1-300
cd / && rm -rf "$work"
exit 0
