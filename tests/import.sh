#!/bin/sh
# ladderc import, beyond the goldens of tests/golden/import/:
#   1. the Sequence table as Excel (',' and ';', BOM, CRLF, merged group
#      cells) and Notion (Markdown) export it imports to the 48 cells of
#      ladders/sequence.yaml, verbatim;
#   2. every CSV that render writes (long and matrix layout) of every bundled
#      and test ladder imports to a ladder that renders the same CSV again, and
#      importing that CSV once more gives the same ladder;
#   3. --into a ladder, with the ladder's own texts in a table (a matrix
#      table, and render's long CSV of every ladder), writes a ladder whose
#      model (render -f json) is the original's;
#   4. -o writes the file atomically: nothing is written, and an existing file
#      is left as it was, when the import fails; no temporary file is left.
#   tests/import.sh LADDERC SOURCE_DIR
set -u
ladderc=$1
src=$2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8
export LC_ALL
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# ---- 1. the Sequence table -----------------------------------------------------
tracks="--track IC=IC1,IC2 --track E@IC2=E3,E4,E5,E6 --track L@IC2=L3,L4,L5,L6"
for f in sequence-comma.csv sequence-semicolon.csv sequence-notion.md; do
	# shellcheck disable=SC2086
	if ! "$ladderc" import $tracks --role "Software Engineer" "$src/tests/import/$f" >"$tmp/seq.yaml"; then
		bad "$f does not import"
		continue
	fi
	out=$(python3 "$src/tests/import/cells.py" "$ladderc" "$src/ladders/sequence.yaml" "$tmp/seq.yaml") ||
		bad "$f: the cells differ from ladders/sequence.yaml:"
	echo "$f: $out"
	[ "$out" = "48 cells equal" ] || bad "$f: expected 48 cells"
done

# ---- 2. round trips through render -f csv ------------------------------------------
trips=0
details=0 # CSVs with the proficiency and examples columns
for ladder in "$src"/ladders/*.yaml "$src"/ladders/*/ladder.yaml "$src"/tests/ladders/*.yaml; do
	[ -f "$ladder" ] || continue
	for layout in long matrix; do
		name="$(basename "$(dirname "$ladder")")/$(basename "$ladder") ($layout)"
		"$ladderc" render -f csv --layout "$layout" "$ladder" >"$tmp/a.csv" || { bad "$name: render"; continue; }
		trips=$((trips + 1))
		head -1 "$tmp/a.csv" | grep -q ',proficiency,examples' && details=$((details + 1))
		"$ladderc" import "$tmp/a.csv" >"$tmp/a.yaml" || { bad "$name: import"; continue; }
		"$ladderc" render -f csv --layout "$layout" "$tmp/a.yaml" >"$tmp/b.csv" || { bad "$name: render again"; continue; }
		cmp -s "$tmp/a.csv" "$tmp/b.csv" || bad "$name: the imported ladder renders another CSV"
		cp "$tmp/b.csv" "$tmp/a.csv" # the same name, so that the header comments match
		"$ladderc" import "$tmp/a.csv" >"$tmp/b.yaml" || { bad "$name: import again"; continue; }
		cmp -s "$tmp/a.yaml" "$tmp/b.yaml" || bad "$name: importing the CSV again gives another ladder"
	done
done
echo "round trips: $trips CSVs, $details with the proficiency and examples columns"
[ "$details" -ge 2 ] || bad "round trips: expected the proficiency and examples columns in at least 2 CSVs"
# a spreadsheet's matrix, through render's long CSV, back to the same ladder
"$ladderc" import $tracks "$src/tests/import/sequence-comma.csv" >"$tmp/m.yaml" &&
	"$ladderc" render -f csv "$tmp/m.yaml" >"$tmp/m.csv" &&
	"$ladderc" import "$tmp/m.csv" >"$tmp/m2.yaml" &&
	python3 "$src/tests/import/cells.py" --no-groups "$ladderc" "$tmp/m.yaml" "$tmp/m2.yaml" >/dev/null ||
	bad "a spreadsheet import does not come back through render -f csv"

# ---- 3. --into ---------------------------------------------------------------------
for ladder in "$src/ladders/sequence.yaml" "$src/ladders/example/ladder.yaml"; do
	# the first role's matrix (cumulative texts), as a Group, Competency, levels table
	"$ladderc" render -f csv --layout matrix "$ladder" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
out = csv.writer(sys.stdout)
out.writerow(["Group", "Competency"] + rows[0][6:])
seen = set()
for r in rows[1:]:
    if r[0] == rows[1][0] and (r[3], r[5]) not in seen:
        seen.add((r[3], r[5]))
        out.writerow([r[3], r[5]] + ["" if c in ("no new expectations", "does not apply at this level") else c
                                     for c in r[6:]])
' >"$tmp/into.csv"
	"$ladderc" import --into "$ladder" "$tmp/into.csv" >"$tmp/into.yaml" 2>"$tmp/into.err" ||
		{ bad "--into $ladder: import failed"; cat "$tmp/into.err"; continue; }
	"$ladderc" render -f json "$ladder" >"$tmp/want.json"
	"$ladderc" render -f json "$tmp/into.yaml" >"$tmp/got.json"
	cmp -s "$tmp/want.json" "$tmp/got.json" || bad "--into $ladder: the model changed"
	grep -q ' 0 added, 0 changed, [1-9][0-9]* unchanged$' "$tmp/into.err" || bad "--into $ladder: $(cat "$tmp/into.err")"
done

# and every ladder's own long CSV (render -f csv, with the proficiency and
# examples columns where it has them) into the ladder: the same model
for ladder in "$src"/ladders/*.yaml "$src"/ladders/*/ladder.yaml "$src"/tests/ladders/*.yaml; do
	[ -f "$ladder" ] || continue
	"$ladderc" render -f csv "$ladder" >"$tmp/into-long.csv" || { bad "--into $ladder: render"; continue; }
	"$ladderc" import --into "$ladder" "$tmp/into-long.csv" >"$tmp/into.yaml" 2>"$tmp/into.err" ||
		{ bad "--into $ladder (long CSV): import failed"; cat "$tmp/into.err"; continue; }
	"$ladderc" render -f json "$ladder" >"$tmp/want.json"
	"$ladderc" render -f json "$tmp/into.yaml" >"$tmp/got.json"
	cmp -s "$tmp/want.json" "$tmp/got.json" || bad "--into $ladder (long CSV): the model changed"
	grep -q ' 0 added, 0 changed, [1-9][0-9]* unchanged$' "$tmp/into.err" ||
		bad "--into $ladder (long CSV): $(cat "$tmp/into.err")"
done

# ---- 4. -o ---------------------------------------------------------------------------
mkdir "$tmp/o"
"$ladderc" import -o "$tmp/o/ladder.yaml" "$src/tests/import/sequence-comma.csv" || bad "-o: import failed"
"$ladderc" check "$tmp/o/ladder.yaml" 2>/dev/null || bad "-o: the file written does not check"
"$ladderc" import "$src/tests/import/sequence-comma.csv" | cmp -s - "$tmp/o/ladder.yaml" ||
	bad "-o: the file differs from standard output"
mode=$(umask 022 && "$ladderc" import -o "$tmp/o/mode.yaml" "$src/tests/import/sequence-comma.csv" &&
	stat -c %a "$tmp/o/mode.yaml")
[ "$mode" = 644 ] || bad "-o: mode $mode, expected 644 under umask 022"
echo "old" >"$tmp/o/keep.yaml"
printf 'Competency,IC1\nCoding,"never ends\n' >"$tmp/bad.csv"
"$ladderc" import -o "$tmp/o/keep.yaml" "$tmp/bad.csv" 2>/dev/null
[ $? = 1 ] || bad "-o: a bad table does not exit 1"
[ "$(cat "$tmp/o/keep.yaml")" = old ] || bad "-o: a failed import changed the existing file"
"$ladderc" import -o "$tmp/o/new.yaml" "$tmp/bad.csv" 2>/dev/null
[ -e "$tmp/o/new.yaml" ] && bad "-o: a failed import wrote a file"
left=$(ls -A "$tmp/o" | grep -v -x -e ladder.yaml -e mode.yaml -e keep.yaml)
[ -z "$left" ] || bad "-o: files left behind: $left"
"$ladderc" import -o "$tmp/no/such/dir/x.yaml" "$src/tests/import/sequence-comma.csv" 2>/dev/null
[ $? = 2 ] || bad "-o: an unwritable path does not exit 2"
exit $fail
