#!/bin/sh
# ladderc build --since OLD: changes.html and changes.md, linked from the
# overview; exactly the changed cells and titles of each role page marked,
# each mark linking to an entry of the changes page; nothing of it without
# --since. The ladders are tests/diff/filter-fork's (a change of every kind).
#   tests/build_since.sh LADDERC SOURCE_DIR
# Every check prints one line; the script fails on the first broken one.
set -u
ladderc=$1
src=$2
old=$src/tests/diff/filter-fork/old.yaml
new=$src/tests/diff/filter-fork/new.yaml
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 2

fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

# The marks of an HTML role page, one line each: the matrix row (its anchor)
# and column, or the level section's row, and the change the mark links to.
marks() {
	grep -o 'id="[^"]*"\|<td[ >]\|<td class="[^"]*">\|<div class="text[^"]*">\|href="changes.html#change-[0-9]*"' "$1" |
		awk '/^id=/ { row = $0; col = 0; next }
		     /^<td/ { col++; changed = ($0 ~ /changed/); next }
		     /^<div class="text changed/ { div = 1; next }
		     /^href/ { if (changed) print row, col, $0; else if (div) print row, "text", $0; changed = 0; div = 0 }'
}

# 1. the pages
"$ladderc" build --since "$old" -o s "$new" || fail "build --since exited $?"
for f in changes.html changes.md index.html engineer.html seller.html index.md engineer.md seller.md; do
	[ -f "s/$f" ] || fail "s/$f missing"
done
grep -q 'href="changes.html">What changed since 2026-01-15</a>' s/index.html || fail "index.html does not link changes.html"
grep -q '\[What changed since 2026-01-15\](changes.md)' s/index.md || fail "index.md does not link changes.md"
n=$("$ladderc" diff -f json "$old" "$new" | grep -c '"change": ')
[ "$(grep -c '<li id="change-' s/changes.html)" = "$n" ] || fail "changes.html does not hold every one of the $n changes"
[ "$(grep -c '<a id="change-' s/changes.md)" = "$n" ] || fail "changes.md does not hold every one of the $n changes"
ok "build --since writes changes.html and changes.md with all $n changes, linked from the overview"

# 2. exactly the changed cells and titles, each linking to its entry
marks s/engineer.html >engineer.marks
cat >engineer.expected <<'MARKS'
id="engineer.track.E.quality" 4 href="changes.html#change-8"
id="engineer.track.E.comms" 1 href="changes.html#change-10"
id="engineer.track.E.comms" 3 href="changes.html#change-12"
id="engineer.track.E.security" 2 href="changes.html#change-13"
id="engineer.track.E.security" 3 href="changes.html#change-13"
id="engineer.track.E.design" 2 href="changes.html#change-18"
id="engineer.track.L.comms" 1 href="changes.html#change-10"
id="engineer.track.L.security" 2 href="changes.html#change-13"
id="engineer.track.L.design" 2 href="changes.html#change-18"
id="engineer.level.IC1.comms" text href="changes.html#change-10"
id="engineer.level.IC2.security" text href="changes.html#change-13"
id="engineer.level.IC2.design" text href="changes.html#change-18"
id="engineer.level.E3.comms" text href="changes.html#change-12"
id="engineer.level.E3.security" text href="changes.html#change-13"
id="engineer.level.E4.quality" text href="changes.html#change-8"
MARKS
diff -u engineer.expected engineer.marks || fail "engineer.html marks other cells than those that changed"
for t in 15 16 17; do
	grep -q "</span><a class=\"badge changed-mark\" href=\"changes.html#change-$t\">Changed since 2026-01-15</a>" s/engineer.html ||
		fail "the changed title of change $t is not marked in engineer.html"
done
for page in s/engineer.html s/seller.html s/index.html s/engineer.md s/seller.md; do
	for c in $(grep -o 'changes\.\(html\|md\)#change-[0-9]*' "$page" | sed 's/.*#change-//' | sort -u); do
		grep -q "id=\"change-$c\"" s/changes.html || fail "$page links change-$c, which changes.html does not hold"
	done
done
grep -q '<p class="changed-summary"><strong>Changed since 2026-01-15:</strong> 6 expectations and 3 titles on this page' s/engineer.html ||
	fail "engineer.html has no summary of what changed at the top"
grep -q '^\*\*Changed since 2026-01-15\*\*: 6 expectations and 3 titles on this page' s/engineer.md ||
	fail "engineer.md has no summary of what changed at the top"
ok "role pages mark exactly the changed cells and titles, each linking to its entry"

# 3. the old version from standard input
"$ladderc" build --since - -o stdin "$new" <"$old" || fail "build --since - exited $?"
diff -r s stdin >/dev/null || fail "build --since - differs from build --since FILE"
ok "build --since - reads the old version from standard input"

# 4. without --since: nothing of it
"$ladderc" build -o plain "$new" || fail "build exited $?"
[ ! -e plain/changes.html ] && [ ! -e plain/changes.md ] || fail "a build without --since wrote a changes page"
grep -l 'changed' plain/*.html plain/*.md && fail "a build without --since marks something changed"
ok "a build without --since has no changes pages and no marks"

# 5. refused
"$ladderc" build --since "$old" -o two "$new" "$old" 2>err; st=$?
[ $st = 2 ] && grep -q -- '--since compares one ladder' err || fail "--since with two ladders: exit $st, $(cat err)"
"$ladderc" build --since "$src/tests/diff/invalid/new.yaml" -o bad "$new" 2>err; st=$?
[ $st = 2 ] && [ ! -e bad ] || fail "an invalid OLD: exit $st, or a site was written"
ok "--since with several ladders, or an invalid OLD, is refused and writes nothing"
