#!/usr/bin/env bash
# bench/run.sh BUILD_DIR — the benchmark (issue 6), run by `make bench`.
#
# For each corpus size it times, interleaved over repeated runs: the read-only
# floor, the libyaml floor, `ladderc check`, `ladderc render -f FORMAT` for
# every format (to /dev/null), `ladderc build` (every format, into a temporary
# directory) and `ladderc diff` of two versions. It prints medians, the ratio
# of each to the libyaml floor measured in the same run, throughput and peak
# RSS, then checks the targets of issue 6. Commands this ladderc does not have
# yet are shown as n/a.
#
# Environment:
#   BENCH_SIZES  corpora to run (default: "sequence small medium large xlarge")
#   BENCH_RUNS   runs per command for the large corpora (default 5; small ones run more)
#   BENCH_OUT    also write the report to this file (default bench/results/latest.md)
set -euo pipefail

BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
LADDERC=$BUILD/ladderc
BIN=$BUILD/bench
SIZES=${BENCH_SIZES:-"sequence small medium large xlarge"}
RUNS=${BENCH_RUNS:-5}
CORPUS=$HERE/corpus
OUT=${BENCH_OUT:-$HERE/results/latest.md}

for t in "$LADDERC" "$BIN/yaml_floor" "$BIN/read_floor" "$BIN/gen_corpus" "$BIN/bench_run"; do
	if [ ! -x "$t" ]; then
		echo "bench: $t is missing; build first (make build BUILD=...)" >&2
		exit 2
	fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ladderc-bench.XXXXXX")
# build also runs into a tmpfs where there is one: the difference is the disk
# (writing the pages back, freeing the previous site's blocks), not ladderc
SHM=
if [ -d /dev/shm ] && [ -w /dev/shm ]; then SHM=$(mktemp -d /dev/shm/ladderc-bench.XXXXXX) || SHM=; fi
trap 'rm -rf "$TMP" ${SHM:+"$SHM"}' EXIT
mkdir -p "$CORPUS" "$(dirname "$OUT")"

# roles groups-per-role competencies-per-group for each standard size
shape() {
	case $1 in
	small) echo "1 2 2" ;;      # about 20 KB
	medium) echo "10 4 9" ;;    # about 1 MB
	large) echo "100 8 23" ;;   # about 50 MB
	xlarge) echo "200 8 23" ;;  # about 100 MB: twice large, for the scaling check
	esac
}

# The corpus is regenerated when missing or older than the generator.
corpus() {
	local name=$1 v=$2 file=$CORPUS/$1-v$2.yaml
	if [ ! -s "$file" ] || [ "$BIN/gen_corpus" -nt "$file" ]; then
		set -- $(shape "$name")
		"$BIN/gen_corpus" --roles "$1" --groups "$2" --competencies "$3" --variant "$v" -o "$file.tmp"
		mv "$file.tmp" "$file"
	fi
	echo "$file"
}

# ---- which commands this ladderc has ------------------------------------------
SEQ=$ROOT/ladders/sequence.yaml
have_render() { "$LADDERC" render -f "$1" "$SEQ" >/dev/null 2>&1; }
have_build() { "$LADDERC" build -o "$TMP/probe" "$SEQ" >/dev/null 2>&1; }
have_diff() {
	local rc=0
	"$LADDERC" diff "$SEQ" "$SEQ" >/dev/null 2>&1 || rc=$?
	[ $rc -le 1 ]
}
FORMATS="markdown html csv json text"
declare -A AVAILABLE
for f in $FORMATS; do
	if have_render "$f"; then AVAILABLE[render-$f]=1; fi
done
if have_build; then AVAILABLE[build]=1; fi
if have_diff; then AVAILABLE[diff]=1; fi

# ---- one size -------------------------------------------------------------------
report() { printf '%s\n' "$*" | tee -a "$OUT"; }
: >"$OUT"

declare -A MED RSS SIZE SITE_MB
DD=$(command -v dd || true)
run_size() {
	local name=$1 file file2 runs
	if [ "$name" = sequence ]; then
		file=$SEQ
		file2=$SEQ
		runs=$((RUNS * 20))
	else
		file=$(corpus "$name" 1)
		file2=$(corpus "$name" 2)
		case $name in small) runs=$((RUNS * 20)) ;; medium) runs=$((RUNS * 4)) ;; *) runs=$RUNS ;; esac
	fi
	local bytes
	bytes=$(wc -c <"$file")
	SIZE[$name]=$bytes
	local cmds=$TMP/cmds-$name
	{
		printf 'read floor\t%s %s\n' "$BIN/read_floor" "$file"
		printf 'libyaml floor\t%s %s\n' "$BIN/yaml_floor" "$file"
		printf 'check\t%s check %s\n' "$LADDERC" "$file"
		if [ "$name" != sequence ]; then
			for f in $FORMATS; do
				[ -n "${AVAILABLE[render-$f]:-}" ] &&
					printf 'render -f %s\t%s render -f %s %s\n' "$f" "$LADDERC" "$f" "$file"
			done
			[ -n "${AVAILABLE[build]:-}" ] && printf 'build\t%s build -o %s %s\n' "$LADDERC" "$TMP/site" "$file"
			[ -n "${AVAILABLE[build]:-}" ] && [ -n "$SHM" ] &&
				printf 'build (tmpfs)\t%s build -o %s %s\n' "$LADDERC" "$SHM/site" "$file"
			# what the disk alone needs for the site's bytes: written, fdatasync'ed,
			# and the previous copy's blocks freed (dd truncates it), as build does
			if [ -n "${AVAILABLE[build]:-}" ] && [ -n "$DD" ] &&
				"$LADDERC" build -o "$TMP/site-probe" "$file" >/dev/null 2>&1; then
				SITE_MB[$name]=$(du -sm "$TMP/site-probe" | cut -f1)
				rm -rf "$TMP/site-probe"
				printf 'disk floor\t%s if=/dev/zero of=%s bs=1M count=%s conv=fdatasync status=none\n' \
					"$DD" "$TMP/disk-floor" "${SITE_MB[$name]}"
			fi
			[ "$name" != xlarge ] && [ -n "${AVAILABLE[diff]:-}" ] &&
				printf 'diff\t%s diff %s %s\n' "$LADDERC" "$file" "$file2"
		fi
		true
	} >"$cmds"
	"$BIN/bench_run" -n "$runs" -w 1 -s "$cmds" >"$TMP/res-$name"

	local floor
	floor=$(awk -F'\t' '$1 == "libyaml floor" {print $2}' "$TMP/res-$name")
	local floorcpu
	floorcpu=$(awk -F'\t' '$1 == "libyaml floor" {print $5}' "$TMP/res-$name")
	report ""
	report "### $name: $(basename "$file") ($(awk -v b="$bytes" 'BEGIN {printf "%.2f MB", b / 1e6}'), $runs runs)"
	report ""
	report "| command | median ms | x libyaml floor | MB/s | CPU ms | CPU x floor | peak RSS MB | RSS / input | exit |"
	report "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	local all=("read floor" "libyaml floor" "check")
	if [ "$name" != sequence ]; then
		for f in $FORMATS; do all+=("render -f $f"); done
		all+=("build")
		[ -n "$SHM" ] && all+=("build (tmpfs)")
		[ -n "${SITE_MB[$name]:-}" ] && all+=("disk floor")
		[ "$name" != xlarge ] && all+=("diff")
	fi
	local c line
	for c in "${all[@]}"; do
		line=$(awk -F'\t' -v c="$c" '$1 == c' "$TMP/res-$name")
		if [ -z "$line" ]; then
			report "| $c | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |"
			continue
		fi
		MED[$name/$c]=$(printf '%s' "$line" | cut -f2)
		RSS[$name/$c]=$(printf '%s' "$line" | cut -f6)
		# diff reads two files: its throughput counts both
		local factor=1
		[ "$c" = diff ] && factor=2
		report "$(printf '%s' "$line" | awk -F'\t' -v floor="$floor" -v fcpu="$floorcpu" -v bytes="$bytes" -v f="$factor" '{
			printf "| %s | %.1f | %.2f | %.0f | %.1f | %.2f | %.1f | %.2f | %s |",
			       $1, $2, $2 / floor, f * bytes / 1e6 / ($2 / 1e3), $5, $5 / fcpu, $6 / 1024, $6 * 1024 / bytes, $7 }')"
	done
}

{
	echo "## ladderc benchmark"
	echo ""
	echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM"
	echo "- compiler: $(gcc --version | head -1); libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null || echo '?')"
	echo "- build: $BUILD ($(grep -m1 '^CMAKE_BUILD_TYPE' "$BUILD/CMakeCache.txt" | cut -d= -f2 | sed 's/^$/RelWithDebInfo, the default/'))"
	echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only fair on an idle machine; CPU x floor holds up better under load)"
	echo "- ladderc: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet HEAD -- src include 2>/dev/null || echo ' + uncommitted changes')"
	echo "- command: bench/run.sh $1 (BENCH_RUNS=$RUNS)"
} | tee -a "$OUT"

for s in $SIZES; do
	run_size "$s"
done

# ---- targets (issue 6) ------------------------------------------------------------
target() { # name value limit
	local verdict
	verdict=$(awk -v v="$2" -v l="$3" 'BEGIN { print (v <= l) ? "met" : "NOT met" }')
	report "| $1 | $2 | ≤ $3 | $verdict |"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

report ""
report "### Targets"
report ""
report "| target | measured | limit | verdict |"
report "|---|---:|---:|---|"
L=large
if [ -n "${MED[$L/libyaml floor]:-}" ]; then
	F=${MED[$L/libyaml floor]}
	target "check, x floor (large)" "$(ratio "${MED[$L/check]}" "$F")" 1.1
	for f in markdown html csv json; do
		if [ -n "${MED[$L/render -f $f]:-}" ]; then
			target "render -f $f, x floor (large)" "$(ratio "${MED[$L/render -f $f]}" "$F")" 1.2
		else
			report "| render -f $f, x floor (large) | n/a | ≤ 1.2 | n/a |"
		fi
	done
	if [ -n "${MED[$L/build]:-}" ]; then
		target "build, x floor (large)" "$(ratio "${MED[$L/build]}" "$F")" 1.3
		target "build peak RSS / input (large)" "$(ratio "$((RSS[$L/build] * 1024))" "${SIZE[$L]}")" 1.5
		[ -n "${MED[$L/build (tmpfs)]:-}" ] &&
			report "| (build into a tmpfs, x floor: the same work without the disk) | $(ratio "${MED[$L/build (tmpfs)]}" "$F") | | |"
		[ -n "${MED[$L/disk floor]:-}" ] &&
			report "| (disk floor: the site's ${SITE_MB[$L]} MB written and synced by dd, x floor) | $(ratio "${MED[$L/disk floor]}" "$F") | | |"
	else
		report "| build, x floor (large) | n/a | ≤ 1.3 | n/a |"
		report "| build peak RSS / input (large) | n/a | ≤ 1.5 | n/a |"
	fi
	if [ -n "${MED[$L/diff]:-}" ]; then
		target "diff, x floor (large)" "$(ratio "${MED[$L/diff]}" "$F")" 2.3
	else
		report "| diff, x floor (large) | n/a | ≤ 2.3 | n/a |"
	fi
	if [ -n "${MED[xlarge/libyaml floor]:-}" ]; then
		# time and memory per byte, xlarge over large: 1.00 is perfectly linear
		S=$(ratio "${SIZE[xlarge]}" "${SIZE[$L]}")
		for c in check build; do
			[ -n "${MED[xlarge/$c]:-}" ] || continue
			target "scaling of $c time (2x input)" \
				"$(awk -v a="${MED[xlarge/$c]}" -v b="${MED[$L/$c]}" -v s="$S" 'BEGIN { printf "%.3f", a / b / s }')" 1.05
			target "scaling of $c memory (2x input)" \
				"$(awk -v a="${RSS[xlarge/$c]}" -v b="${RSS[$L/$c]}" -v s="$S" 'BEGIN { printf "%.3f", a / b / s }')" 1.05
		done
	fi
fi
if [ -n "${MED[sequence/check]:-}" ]; then
	target "check sequence.yaml minus floor, ms" \
		"$(awk -v a="${MED[sequence/check]}" -v b="${MED[sequence/libyaml floor]}" 'BEGIN { printf "%.3f", a - b }')" 1
fi
if [ -n "${MED[$L/build]:-}" ]; then
	report ""
	report "GNU time cross-check, build (large): $(/usr/bin/time -f '%M KB peak RSS' "$LADDERC" build -o "$TMP/site" "$CORPUS/large-v1.yaml" 2>&1 >/dev/null | tail -1)"
fi
echo ""
echo "report written to $OUT"
