#!/usr/bin/env bash
# bench/import.sh BUILD_DIR — `ladderc import` of a generated spreadsheet
# (issue 20): a matrix CSV of about 50 MB by default (bench/gen_table).
#
# The table is imported to YAML once; then, in ONE interleaved run
# (bench/bench_run: run i of every command before run i+1 of any), THE floor
# (libyaml streaming the resulting YAML, bench/yaml_floor) and `ladderc
# import` of the table (its YAML to /dev/null) are timed, at the full size
# and at half of it for linearity, and beside them the floor plus libyaml's
# emitter writing every event again (`yaml_floor --emit`): what writing that
# YAML through the emitter costs at the least, as issue 20 and the project's
# fixed points require. Prints medians of wall and CPU time (user + sys), the
# ratios to the floor (target: within 1.5x) and peak RSS.
# Everything is generated into a temporary directory and removed: never
# committed.
#
# Environment: IMPORT_MB (default 50), IMPORT_RUNS (5).
set -euo pipefail
# shellcheck source=bench/paths.sh
. "$(dirname "$0")/paths.sh"
bench_paths "${1:-build}" yaml_floor gen_table bench_run
MB=${IMPORT_MB:-50}
RUNS=${IMPORT_RUNS:-5}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ladderc-import.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "## ladderc import (bench/import.sh, $RUNS interleaved runs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
: >"$TMP/cmds"
SIZES="full half"
for s in $SIZES; do
	mb=$MB
	[ "$s" = half ] && mb=$(awk -v m="$MB" 'BEGIN { print m / 2 }')
	"$BIN/gen_table" --mb "$mb" -o "$TMP/$s.csv" 2>&1
	# the YAML that the floor parses is the import's own output
	"$LADDERC" import -o "$TMP/$s.yaml" "$TMP/$s.csv"
	printf '%s: libyaml floor\t%s %s\n' "$s" "$BIN/yaml_floor" "$TMP/$s.yaml" >>"$TMP/cmds"
	printf '%s: floor + emitter\t%s --emit %s\n' "$s" "$BIN/yaml_floor" "$TMP/$s.yaml" >>"$TMP/cmds"
	printf '%s: import\t%s import %s\n' "$s" "$LADDERC" "$TMP/$s.csv" >>"$TMP/cmds"
done
"$BIN/bench_run" -n "$RUNS" -w 1 "$TMP/cmds" >"$TMP/res"

# name median_wall min max median_cpu median_rss exit
col() { awk -F'\t' -v c="$1" -v k="$2" '$1 == c { print $k }' "$TMP/res"; }
echo ""
echo "| size | table MB | YAML MB | floor ms | floor + emitter ms | x floor | import ms | x floor | floor CPU ms | import CPU ms | CPU x floor | import peak RSS MB | RSS / table |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for s in $SIZES; do
	tb=$(stat -c %s "$TMP/$s.csv")
	yb=$(stat -c %s "$TMP/$s.yaml")
	[ "$(col "$s: import" 7)" = 0 ] || echo "bench/import.sh: import of the $s table failed" >&2
	awk -v s="$s" -v tb="$tb" -v yb="$yb" -v fw="$(col "$s: libyaml floor" 2)" -v iw="$(col "$s: import" 2)" \
		-v ew="$(col "$s: floor + emitter" 2)" \
		-v fc="$(col "$s: libyaml floor" 5)" -v ic="$(col "$s: import" 5)" -v rss="$(col "$s: import" 6)" 'BEGIN {
		printf "| %s | %.1f | %.1f | %.0f | %.0f | %.2f | %.0f | %.2f | %.0f | %.0f | %.2f | %.1f | %.2f |\n",
		       s, tb / 1e6, yb / 1e6, fw, ew, ew / fw, iw, iw / fw, fc, ic, ic / fc, rss / 1024, rss * 1024 / tb }'
done
echo ""
echo "target (issue 20): import within 1.5x the floor; linear when the time and RSS of full are about twice half's"
