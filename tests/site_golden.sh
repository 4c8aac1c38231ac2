#!/bin/sh
# Golden test of a built site: `ladderc build -o SITE ARGS` (ARGS from the
# case's `cmd`, shell words, run in the case directory), then
#   - the list of every file the build wrote equals the case's `files`;
#   - every file under the case's `expected/` equals the built one byte for
#     byte (a case keeps only the pages it is about, not the whole site).
#   tests/site_golden.sh LADDERC CASE_DIR
# With LADDERC_UPDATE_GOLDEN=1, `files` and the files already under
# `expected/` are rewritten from the build instead.
set -u
ladderc=$1
dir=$2
cd "$dir" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8 TZ=UTC
export LC_ALL TZ
args=$(cat cmd)
eval "\"\$ladderc\" build -o \"\$tmp/site\" $args" </dev/null >"$tmp/stdout" 2>"$tmp/stderr" || {
	echo "build failed (exit $?):"; cat "$tmp/stderr"; exit 1; }
(cd "$tmp/site" && find . -type f | LC_ALL=C sort) >"$tmp/files"
if [ "${LADDERC_UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$tmp/files" files
	(cd expected && find . -type f) | while read -r f; do cp "$tmp/site/$f" "expected/$f"; done
	exit 0
fi
fail=0
if ! cmp -s files "$tmp/files"; then
	echo "--- the site's files differ (expected vs actual):"
	diff -u files "$tmp/files"
	fail=1
fi
for f in $(cd expected && find . -type f | LC_ALL=C sort); do
	if ! cmp -s "expected/$f" "$tmp/site/$f"; then
		echo "--- $f differs (expected vs actual):"
		diff -u "expected/$f" "$tmp/site/$f" | head -60
		fail=1
	fi
done
[ -s "$tmp/stdout" ] && { echo "build wrote to stdout:"; cat "$tmp/stdout"; fail=1; }
exit $fail
