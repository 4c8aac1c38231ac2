#!/bin/sh
# One case of the pathological suite: generates the hostile input, runs
# ladderc on it under a time limit (and a memory limit where the build allows
# one), and checks the exit code and the error it reports.
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
#   seconds          the time limit for ladderc (default 5; multiplied by
#                    $LADDERC_TIME_SCALE in slow builds: sanitizers, valgrind)
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
seconds=5
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

limit=$((seconds * ${LADDERC_TIME_SCALE:-1}))
(
	[ -z "${LADDERC_NO_VMLIMIT:-}" ] && ulimit -v $((mem_mb * 1024))
	[ -n "$stack_kb" ] && ulimit -s "$stack_kb"
	eval "exec timeout -k 2 $limit \${LADDERC_WRAPPER:-} \"\$ladderc\" $args"
) </dev/null >stdout 2>stderr
status=$?

fail=0
first=$(head -n 1 stderr | tr -d '\000')
last=$(tail -n 1 stderr | tr -d '\000')
if [ $status -eq 124 ] || [ $status -eq 137 ]; then
	echo "FAIL: did not end within ${limit}s"
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
echo "ok: exit $status; $first" | cut -c1-300
cd / && rm -rf "$work"
exit 0
