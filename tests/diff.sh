#!/bin/sh
# Golden test for `ladderc diff`: runs the real binary on a pair of ladders in
# every format and compares each output and the exit code, byte for byte.
#   tests/diff.sh LADDERC CASE_DIR
# A case directory holds old.yaml and new.yaml (or `args`: the two ladder
# arguments as shell words, e.g. "/dev/null new.yaml"), and the expected
# text (colour off), markdown, html, json outputs, `stderr` (same for every
# format) and `exit`. With LADDERC_UPDATE_GOLDEN=1 the expected files are
# rewritten from the actual output instead: read every one before committing.
set -u
ladderc=$1
dir=$2
cd "$dir" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
export LC_ALL TZ TERM
unset NO_COLOR GIT_PAGER_IN_USE
if [ -f args ]; then args=$(cat args); else args="old.yaml new.yaml"; fi
fail=0
for fmt in text markdown html json; do
	eval "\"\$ladderc\" diff -f $fmt --color=never $args" </dev/null >"$tmp/$fmt" 2>"$tmp/stderr.$fmt"
	echo $? >"$tmp/exit.$fmt"
done
# exit status and stderr do not depend on the format
for fmt in markdown html json; do
	for f in exit stderr; do
		if ! cmp -s "$tmp/$f.text" "$tmp/$f.$fmt"; then
			echo "$f of -f $fmt differs from -f text"
			fail=1
		fi
	done
done
cp "$tmp/exit.text" "$tmp/exit"
cp "$tmp/stderr.text" "$tmp/stderr"
if [ "${LADDERC_UPDATE_GOLDEN:-}" = 1 ]; then
	for f in text markdown html json exit stderr; do
		cp "$tmp/$f" "expected.$f"
	done
	exit $fail
fi
for f in text markdown html json exit stderr; do
	if [ ! -f "expected.$f" ]; then
		echo "missing expected file $dir/expected.$f"
		fail=1
	elif ! cmp -s "expected.$f" "$tmp/$f"; then
		echo "--- $f differs (expected vs actual):"
		diff -u "expected.$f" "$tmp/$f" | head -60
		fail=1
	fi
done
exit $fail
