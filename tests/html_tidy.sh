#!/bin/sh
# Every HTML page `ladderc build` writes, and every HTML view `render` makes,
# for the bundled ladders and the hostile one, passes `tidy -q -e` with no
# error and no warning. Skips (77) when tidy is not installed.
#   tests/html_tidy.sh LADDERC SOURCE_DIR
set -u
ladderc=$1
src=$2
if ! command -v tidy >/dev/null 2>&1; then
	echo "skip: tidy is not installed (Debian package tidy)"
	exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
seq=$src/ladders/sequence.yaml
example=$src/ladders/example/ladder.yaml
hostile=$src/tests/hostile/ladder.yaml
"$ladderc" build -o "$tmp/site" -f html "$seq" "$example" "$hostile" || exit 1
i=0
# one page per view: the whole ladder, overview, matrices, levels, next levels, sheets
for spec in "$seq|" "$seq|--overview" "$seq|--role software-engineer" "$seq|--role software-engineer --track L" \
	"$seq|--level E4" "$seq|--role software-engineer --level E4" "$seq|--role software-engineer --level IC2 --next" \
	"$seq|--level E6 --next" "$seq|--role software-engineer --level E4 --sheet" \
	"$example|" "$example|--role account-executive --level L3 --sheet" "$example|--level IC2 --next" \
	"$hostile|" "$hostile|--overview" "$hostile|--role role-1" "$hostile|--level E4" \
	"$hostile|--role Role_2 --level L4 --sheet" "$hostile|--role role-1 --level IC2 --next"; do
	i=$((i + 1))
	file=${spec%%|*}
	args=${spec#*|}
	# shellcheck disable=SC2086
	"$ladderc" render -f html $args "$file" >"$tmp/view-$i.html" || { echo "FAIL: render $args $file"; exit 1; }
done
fail=0
n=0
for page in $(find "$tmp" -name '*.html' | sort); do
	n=$((n + 1))
	if ! tidy -q -e "$page" >"$tmp/tidy.out" 2>&1; then
		echo "FAIL: tidy on ${page#"$tmp"/}:"
		head -20 "$tmp/tidy.out"
		fail=1
	fi
done
[ "$n" -ge 20 ] || { echo "FAIL: only $n pages checked"; exit 1; }
[ $fail = 0 ] && echo "ok: $n pages, no tidy errors or warnings"
exit $fail
