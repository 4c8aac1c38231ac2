#!/bin/sh
# Golden test: runs the real binary in a case directory and compares stdout,
# stderr and the exit code with the files beside it, byte for byte.
#   tests/golden.sh LADDERC CASE_DIR
# A case directory holds `cmd` (the arguments, as shell words), `stdout`,
# `stderr` and `exit`; its inputs sit beside them. Standard input is the
# file `stdin` if there is one, fed through a pipe as `cat stdin | ladderc`
# would (no size, no seeking, no path behind /dev/stdin), else /dev/null.
# With LADDERC_UPDATE_GOLDEN=1 the expected files are rewritten from the
# actual output instead.
set -u
ladderc=$1
dir=$2
cd "$dir" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8 TZ=UTC NO_COLOR= TERM=dumb COLUMNS=80
export LC_ALL TZ TERM COLUMNS
unset NO_COLOR
args=$(cat cmd)
if [ -f stdin ]; then
	cat stdin | eval "\"\$ladderc\" $args" >"$tmp/stdout" 2>"$tmp/stderr"
else
	eval "\"\$ladderc\" $args" </dev/null >"$tmp/stdout" 2>"$tmp/stderr"
fi
echo $? >"$tmp/exit"
if [ "${LADDERC_UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$tmp/stdout" stdout
	cp "$tmp/stderr" stderr
	cp "$tmp/exit" exit
	exit 0
fi
fail=0
for f in exit stdout stderr; do
	if [ ! -f "$f" ]; then
		echo "missing expected file $dir/$f"
		fail=1
	elif ! cmp -s "$f" "$tmp/$f"; then
		echo "--- $f differs (expected vs actual):"
		diff -u "$f" "$tmp/$f" | head -60
		fail=1
	fi
done
exit $fail
