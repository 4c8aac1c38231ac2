#!/usr/bin/env bash
# bench/run.sh BUILD_DIR — the benchmark (issues 6 and 19), run by `make bench`
# (which then runs bench/import.sh and bench/assess.sh).
#
# Every shape of bench/gen_corpus's matrix (about 50 MB each) is timed in ONE
# interleaved run (bench/bench_run: run i of every command of every shape
# before run i+1 of any), so a slow phase of the machine hits every shape
# alike. For each shape: the read-only floor, THE floor (libyaml streaming
# from the file, bench/yaml_floor), libyaml parsing a whole-file buffer
# (yaml_floor --memory), `ladderc check`, `ladderc render -f FORMAT` for every
# format (to /dev/null), `ladderc build` into a directory on the disk and into
# a tmpfs, the disk floor (the site's bytes written and synced by dd) and
# `ladderc diff` of two versions. The bundled sequence.yaml runs on its own
# (many more runs: its times are a millisecond or two). It prints medians,
# each command's ratio to the streaming floor of the same file in the same
# run, throughput, CPU time and peak RSS, then checks issue 19's targets on
# every shape. Commands this ladderc does not have are shown as n/a.
#
# Environment:
#   BENCH_SHAPES   shapes to run (default: every shape of the matrix, see shape_args)
#   BENCH_SCALING  shapes also run at twice their size for the linearity check
#                  (default: few-big-roles; "all" for every shape)
#   BENCH_RUNS     runs per command of the big shapes (default 5; sequence runs 20x more)
#   BENCH_OUT      also write the report to this file (default bench/results/latest.md)
set -euo pipefail

BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
LADDERC=$BUILD/ladderc
BIN=$BUILD/bench
ALL_SHAPES="few-big-roles many-small-roles long-chain long-cells warnings restated"
SHAPES=${BENCH_SHAPES:-$ALL_SHAPES}
SCALING=${BENCH_SCALING:-few-big-roles}
[ "$SCALING" = all ] && SCALING=$SHAPES
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

# The matrix: gen_corpus's arguments for each shape, each about 50 MB.
# NAME-x2 is NAME with twice the roles (about 100 MB), for the scaling check.
shape_args() {
	local name=${1%-x2} k=1
	[ "$name" != "$1" ] && k=2
	case $name in
	few-big-roles) echo "--roles $((100 * k)) --groups 8 --competencies 23" ;;     # 100 roles x 184 competencies
	many-small-roles) echo "--roles $((1000 * k)) --groups 4 --competencies 5" ;;  # 1,000 roles x 20
	long-chain) echo "--roles $((110 * k)) --groups 6 --competencies 12 --ic 4 --levels 10" ;; # 14-level chains
	long-cells) echo "--roles $((37 * k)) --groups 5 --competencies 8 --cell 2000-5000" ;;    # 2-5 KB cells
	warnings) echo "--roles $((256 * k)) --groups 6 --competencies 11 --vague 60" ;;  # vague phrases in most cells
	restated) echo "--roles $((300 * k)) --groups 6 --competencies 10 --restated" ;;  # proficiency, scope, partial roles
	*) echo "bench: no shape '$1' (shapes: $ALL_SHAPES)" >&2; return 1 ;;
	esac
}

# The corpus is regenerated when missing, older than the generator, or made
# with other arguments.
corpus() {
	local name=$1 v=$2 file=$CORPUS/$1-v$2.yaml args
	args="$(shape_args "$name") --variant $v"
	if [ ! -s "$file" ] || [ "$BIN/gen_corpus" -nt "$file" ] || [ "$(cat "$file.args" 2>/dev/null)" != "$args" ]; then
		# shellcheck disable=SC2086
		"$BIN/gen_corpus" $args -o "$file.tmp"
		mv "$file.tmp" "$file"
		printf '%s' "$args" >"$file.args"
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

report() { printf '%s\n' "$*" | tee -a "$OUT"; }
: >"$OUT"

# ---- the commands of one shape, as "SHAPE: NAME<tab>COMMAND" lines -------------
declare -A SIZE SITE_MB FILE
DD=$(command -v dd || true)
commands() {
	local name=$1 file=$2 file2=$3
	printf '%s: read floor\t%s %s\n' "$name" "$BIN/read_floor" "$file"
	printf '%s: libyaml floor\t%s %s\n' "$name" "$BIN/yaml_floor" "$file"
	printf '%s: libyaml in memory\t%s --memory %s\n' "$name" "$BIN/yaml_floor" "$file"
	printf '%s: check\t%s check %s\n' "$name" "$LADDERC" "$file"
	[ "$name" = sequence ] && return
	for f in $FORMATS; do
		[ -n "${AVAILABLE[render-$f]:-}" ] &&
			printf '%s: render -f %s\t%s render -f %s %s\n' "$name" "$f" "$LADDERC" "$f" "$file"
	done
	if [ -n "${AVAILABLE[build]:-}" ]; then
		printf '%s: build\t%s build -o %s %s\n' "$name" "$LADDERC" "$TMP/site-$name" "$file"
		[ -n "$SHM" ] && printf '%s: build (tmpfs)\t%s build -o %s %s\n' "$name" "$LADDERC" "$SHM/site-$name" "$file"
		# what the disk alone needs for the site's bytes: written, fdatasync'ed,
		# and the previous copy's blocks freed (dd truncates it), as build does
		if [ -n "$DD" ] && "$LADDERC" build -o "$TMP/site-probe" "$file" >/dev/null 2>&1; then
			SITE_MB[$name]=$(du -sm "$TMP/site-probe" | cut -f1)
			rm -rf "$TMP/site-probe"
			printf '%s: disk floor\t%s if=/dev/zero of=%s bs=1M count=%s conv=fdatasync status=none\n' \
				"$name" "$DD" "$TMP/disk-floor-$name" "${SITE_MB[$name]}"
		fi
	fi
	[ -n "${AVAILABLE[diff]:-}" ] && [ -n "$file2" ] &&
		printf '%s: diff\t%s diff %s %s\n' "$name" "$LADDERC" "$file" "$file2"
	true
}

# ---- a table per shape -------------------------------------------------------------
declare -A MED RSS
table() {
	local name=$1 res=$2 runs=$3 bytes=${SIZE[$1]}
	local floor floorcpu
	floor=$(awk -F'\t' -v c="$name: libyaml floor" '$1 == c {print $2}' "$res")
	floorcpu=$(awk -F'\t' -v c="$name: libyaml floor" '$1 == c {print $5}' "$res")
	report ""
	report "### $name: $(basename "${FILE[$name]}") ($(awk -v b="$bytes" 'BEGIN {printf "%.2f MB", b / 1e6}'), $runs runs)"
	[ "$name" != sequence ] && report "" && report "gen_corpus $(shape_args "$name")"
	report ""
	report "| command | median ms | x floor | MB/s | CPU ms | CPU x floor | peak RSS MB | RSS / input | exit |"
	report "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	local all=("read floor" "libyaml floor" "libyaml in memory" "check")
	if [ "$name" != sequence ]; then
		for f in $FORMATS; do all+=("render -f $f"); done
		all+=("build")
		[ -n "$SHM" ] && all+=("build (tmpfs)")
		[ -n "${SITE_MB[$name]:-}" ] && all+=("disk floor")
		all+=("diff")
	fi
	local c line
	for c in "${all[@]}"; do
		line=$(awk -F'\t' -v c="$name: $c" '$1 == c' "$res")
		if [ -z "$line" ]; then
			report "| $c | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |"
			continue
		fi
		MED[$name/$c]=$(printf '%s' "$line" | cut -f2)
		RSS[$name/$c]=$(printf '%s' "$line" | cut -f6)
		# diff reads two files: its throughput counts both
		local factor=1
		[ "$c" = diff ] && factor=2
		report "$(printf '%s' "$line" | awk -F'\t' -v c="$c" -v floor="$floor" -v fcpu="$floorcpu" -v bytes="$bytes" -v f="$factor" '{
			printf "| %s | %.1f | %.2f | %.0f | %.1f | %.2f | %.1f | %.2f | %s |",
			       c, $2, $2 / floor, f * bytes / 1e6 / ($2 / 1e3), $5, $5 / fcpu, $6 / 1024, $6 * 1024 / bytes, $7 }')"
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
	echo "- command: bench/run.sh $1 (BENCH_RUNS=$RUNS); x floor is the ratio to libyaml streaming the same file in the same run"
} | tee -a "$OUT"

# the bundled ladder on its own: a millisecond or two per run
FILE[sequence]=$SEQ
SIZE[sequence]=$(wc -c <"$SEQ")
commands sequence "$SEQ" "" >"$TMP/cmds-sequence"
"$BIN/bench_run" -n $((RUNS * 20)) -w 1 -s "$TMP/cmds-sequence" >"$TMP/res-sequence"

# every shape (and its double for the scaling check) in one interleaved run
RUNSET=()
for s in $SHAPES; do
	RUNSET+=("$s")
	case " $SCALING " in *" $s "*) RUNSET+=("$s-x2") ;; esac
done
: >"$TMP/cmds"
for s in "${RUNSET[@]}"; do
	FILE[$s]=$(corpus "$s" 1)
	SIZE[$s]=$(wc -c <"${FILE[$s]}")
	v2=
	# diff is measured at the standard size only
	[ "${s%-x2}" = "$s" ] && v2=$(corpus "$s" 2)
	commands "$s" "${FILE[$s]}" "$v2" >>"$TMP/cmds"
done
"$BIN/bench_run" -n "$RUNS" -w 1 -s "$TMP/cmds" >"$TMP/res"

table sequence "$TMP/res-sequence" $((RUNS * 20))
for s in "${RUNSET[@]}"; do
	table "$s" "$TMP/res" "$RUNS"
done

# ---- targets (issue 19), on every shape --------------------------------------------
target() { # name value limit
	local verdict
	verdict=$(awk -v v="$2" -v l="$3" 'BEGIN { print (v <= l) ? "met" : "NOT met" }')
	report "| $1 | $2 | ≤ $3 | $verdict |"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
rss_ratio() { ratio "$((RSS[$1/$2] * 1024))" "${SIZE[$1]}"; }

report ""
report "### Targets (x floor: to libyaml streaming the same file)"
report ""
report "| target | measured | limit | verdict |"
report "|---|---:|---:|---|"
for s in $SHAPES; do
	[ -n "${MED[$s/libyaml floor]:-}" ] || continue
	F=${MED[$s/libyaml floor]}
	target "$s: check" "$(ratio "${MED[$s/check]}" "$F")" 1.1
	for f in markdown html csv json; do
		if [ -n "${MED[$s/render -f $f]:-}" ]; then
			target "$s: render -f $f" "$(ratio "${MED[$s/render -f $f]}" "$F")" 1.2
		else
			report "| $s: render -f $f | n/a | ≤ 1.2 | n/a |"
		fi
	done
	if [ -n "${MED[$s/build (tmpfs)]:-}" ]; then
		target "$s: build into a tmpfs" "$(ratio "${MED[$s/build (tmpfs)]}" "$F")" 1.3
	else
		report "| $s: build into a tmpfs | n/a | ≤ 1.3 | n/a |"
	fi
	[ -n "${MED[$s/build]:-}" ] && [ -n "${MED[$s/disk floor]:-}" ] &&
		report "| ($s: build on disk $(ratio "${MED[$s/build]}" "$F"), the disk floor alone $(ratio "${MED[$s/disk floor]}" "$F") for the site's ${SITE_MB[$s]} MB) | | | |"
	if [ -n "${MED[$s/diff]:-}" ]; then
		target "$s: diff" "$(ratio "${MED[$s/diff]}" "$F")" 2.3
	else
		report "| $s: diff | n/a | ≤ 2.3 | n/a |"
	fi
	for c in check "render -f html" "build (tmpfs)"; do
		[ -n "${RSS[$s/$c]:-}" ] && target "$s: $c peak RSS / input" "$(rss_ratio "$s" "$c")" 1.5
	done
	if [ -n "${MED[$s-x2/libyaml floor]:-}" ]; then
		# time and memory per byte, twice the size over once: 1.00 is perfectly linear
		S=$(ratio "${SIZE[$s-x2]}" "${SIZE[$s]}")
		for c in check "build (tmpfs)"; do
			[ -n "${MED[$s-x2/$c]:-}" ] || continue
			target "$s: scaling of $c time (2x input)" \
				"$(awk -v a="${MED[$s-x2/$c]}" -v b="${MED[$s/$c]}" -v s="$S" 'BEGIN { printf "%.3f", a / b / s }')" 1.05
			target "$s: scaling of $c memory (2x input)" \
				"$(awk -v a="${RSS[$s-x2/$c]}" -v b="${RSS[$s/$c]}" -v s="$S" 'BEGIN { printf "%.3f", a / b / s }')" 1.05
		done
	fi
done
if [ -n "${MED[sequence/check]:-}" ]; then
	target "check sequence.yaml minus floor, ms" \
		"$(awk -v a="${MED[sequence/check]}" -v b="${MED[sequence/libyaml floor]}" 'BEGIN { printf "%.3f", a - b }')" 1
fi
echo ""
echo "report written to $OUT"
