#!/bin/sh
# ladderc init: the starter ladders byte for byte, check's verdict on them, and
# the cases where init must write nothing.
#   tests/init.sh LADDERC SOURCE_DIR
# Each tests/golden/init/CASE holds `args` (init's arguments, as shell words,
# run in an empty directory), the expected `stdout`, `stderr`, `exit` and,
# when a ladder is written, `ladder.yaml` (found in out/). Not golden.sh's
# `cmd`: init writes files, so it runs in a scratch directory.
# LADDERC_UPDATE_GOLDEN=1 rewrites the expected files.
set -u
ladderc=$1
src=$2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8 TZ=UTC TERM=dumb COLUMNS=80
export LC_ALL TZ TERM COLUMNS
unset NO_COLOR
fail=0
bad() { echo "FAIL: $*"; fail=1; }

for case_dir in "$src"/tests/golden/init/*/; do
	name=$(basename "$case_dir")
	work=$tmp/$name
	mkdir "$work"
	args=$(cat "$case_dir/args")
	(cd "$work" && eval "\"\$ladderc\" init $args" >out.stdout 2>out.stderr; echo $? >out.exit)
	got_ladder=$work/out/ladder.yaml
	if [ "${LADDERC_UPDATE_GOLDEN:-}" = 1 ]; then
		for f in stdout stderr exit; do cp "$work/out.$f" "$case_dir/$f"; done
		[ -f "$got_ladder" ] && cp "$got_ladder" "$case_dir/ladder.yaml"
		continue
	fi
	for f in stdout stderr exit; do
		cmp -s "$case_dir/$f" "$work/out.$f" || { bad "$name: $f differs"; diff -u "$case_dir/$f" "$work/out.$f" | head -20; }
	done
	if [ -f "$case_dir/ladder.yaml" ]; then
		cmp -s "$case_dir/ladder.yaml" "$got_ladder" ||
			{ bad "$name: ladder.yaml differs"; diff -u "$case_dir/ladder.yaml" "$got_ladder" | head -40; }
		# check accepts it; --strict fails, on the placeholders alone
		"$ladderc" check "$got_ladder" 2>/dev/null || bad "$name: check rejects the starter"
		"$ladderc" check --strict -f json "$got_ladder" >"$work/strict.json" && bad "$name: check --strict passes the placeholders"
		rules=$(grep -o '"rule": *[^,]*' "$work/strict.json" | sort -u)
		[ "$rules" = '"rule": "vague-language"' ] || bad "$name: --strict findings other than vague-language: $rules"
		head -1 "$got_ladder" | grep -qx '# yaml-language-server: $schema=ladder.schema.json' ||
			bad "$name: no schema modeline on the first line"
	elif [ -e "$got_ladder" ]; then
		bad "$name: a ladder was written"
	fi
done
[ "${LADDERC_UPDATE_GOLDEN:-}" = 1 ] && exit 0

# The name reads back as given, whatever YAML needs to quote it.
hostile=$(cat "$src/tests/golden/init/hostile-name/name")
(cd "$tmp/hostile-name" && "$ladderc" render -f json out/ladder.yaml) | grep -qF "\"name\": \"$(printf '%s' "$hostile" | sed 's/\\/\\\\/g; s/"/\\"/g')\"" ||
	bad "hostile-name: the name does not read back as given"

# Never overwrites: not a file, not a symbolic link (even a dangling one).
mkdir "$tmp/keep" && echo mine >"$tmp/keep/ladder.yaml"
"$ladderc" init "$tmp/keep" >/dev/null 2>"$tmp/keep.err" && bad "init over an existing file succeeded"
[ "$(cat "$tmp/keep/ladder.yaml")" = mine ] || bad "init changed an existing ladder.yaml"
grep -q "already exists" "$tmp/keep.err" || bad "no 'already exists' message"
mkdir "$tmp/link" && ln -s "$tmp/link/elsewhere" "$tmp/link/ladder.yaml"
"$ladderc" init "$tmp/link" >/dev/null 2>&1; [ $? = 2 ] || bad "init through a dangling link: want exit 2"
[ -e "$tmp/link/elsewhere" ] && bad "init wrote through a symbolic link"
# no temporary file is left behind, whatever happened
leftover=$(find "$tmp" -name '.ladder.yaml.*')
[ -z "$leftover" ] || bad "temporary files left: $leftover"
# DIR is created, but not its parents; a file as DIR is an error
"$ladderc" init "$tmp/no/such/dir" >/dev/null 2>&1; [ $? = 2 ] || bad "missing parents: want exit 2"
[ -e "$tmp/no" ] && bad "init created parent directories"
: >"$tmp/plain"
"$ladderc" init "$tmp/plain" >/dev/null 2>&1; [ $? = 2 ] || bad "DIR is a file: want exit 2"
# the default directory is the current one
mkdir "$tmp/here" && (cd "$tmp/here" && "$ladderc" init >/dev/null) && [ -f "$tmp/here/ladder.yaml" ] ||
	bad "init with no DIR did not write ./ladder.yaml"
exit $fail
