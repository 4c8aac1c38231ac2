#!/usr/bin/env bash
# bench/assess.sh BUILD_DIR — `ladderc assess` on a generated ratings file
# (issue 18): 100,000 people x 12 competencies by default.
#
# CPU times (user + system: the machine is shared, wall time says more about
# the neighbours than about ladderc), as medians of interleaved runs:
# libyaml's parse of the ratings file plus of the ladder (yaml_floor, the
# floor), and `ladderc assess -f json` to /dev/null; prints the ratio
# (target: within 1.3x) and assess's peak RSS against the ratings file's
# size (target: within 2x), then the same at half the people, for
# linearity. LADDERC_SERIAL=1 in the environment measures the plain path. The corpus is generated into a temporary
# directory and removed: never committed.
#
# Environment: ASSESS_PEOPLE (default 100000), ASSESS_COMPETENCIES (12),
# ASSESS_RUNS (5), ASSESS_FORMAT (json).
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
LADDERC=$BUILD/ladderc
BIN=$BUILD/bench
PEOPLE=${ASSESS_PEOPLE:-100000}
K=${ASSESS_COMPETENCIES:-12}
RUNS=${ASSESS_RUNS:-5}
FORMAT=${ASSESS_FORMAT:-json}
[ -x /usr/bin/time ] || { echo "bench/assess.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
for t in "$LADDERC" "$BIN/yaml_floor" "$BIN/gen_ratings"; do
	[ -x "$t" ] || { echo "bench/assess.sh: $t is missing; build first" >&2; exit 2; }
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ladderc-assess.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# CPU seconds (user + system) of one run of "$@" (output to /dev/null)
secs() {
	/usr/bin/time -f '%U + %S' "$@" 2>&1 >/dev/null | tail -1 | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # PEOPLE: prints "floor assess ratio rss_kb size_kb"
	local dir=$TMP/$1 floor=() assess=() i
	mkdir -p "$dir"
	"$BIN/gen_ratings" --people "$1" --competencies "$K" "$dir"
	for ((i = 0; i < RUNS; i++)); do
		floor+=("$(echo "$(secs "$BIN/yaml_floor" "$dir/ratings.yaml") + $(secs "$BIN/yaml_floor" "$dir/ladder.yaml")" | bc -l)")
		assess+=("$(secs "$LADDERC" assess -f "$FORMAT" "$dir/ladder.yaml" "$dir/ratings.yaml")")
	done
	local f a rss size
	f=$(printf '%s\n' "${floor[@]}" | median)
	a=$(printf '%s\n' "${assess[@]}" | median)
	rss=$(/usr/bin/time -f %M "$LADDERC" assess -f "$FORMAT" "$dir/ladder.yaml" "$dir/ratings.yaml" 2>&1 >/dev/null | tail -1)
	size=$(( $(stat -c %s "$dir/ratings.yaml") / 1024 ))
	echo "$f $a $(echo "$a / $f" | bc -l) $rss $size"
	rm -rf "$dir"
}

printf '%-10s %10s %10s %7s %10s %10s %7s\n' people floor_s assess_s ratio rss_kb file_kb rss/file
for n in "$PEOPLE" $((PEOPLE / 2)); do
	read -r f a r rss size < <(measure "$n")
	printf '%-10s %10.3f %10.3f %7.2f %10s %10s %7.2f\n' "$n" "$f" "$a" "$r" "$rss" "$size" "$(echo "$rss / $size" | bc -l)"
done
echo "targets (issue 18): ratio within 1.3, rss/file within 2, and the time of the first row about twice the second's"
