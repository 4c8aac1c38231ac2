#!/bin/sh
# Property test: ladderc's Markdown, run through a GFM renderer (cmark-gfm),
# gives real tables (every row as many cells as its header; the matrices
# exactly one cell per competency and level, plus the name column) and no
# raw HTML from the input (no <script, <img, <style, <iframe tags, no
# javascript: links), even with raw HTML allowed (--unsafe); and a site's
# Markdown pages link to each other with no broken link.
#   tests/markdown_gfm.sh LADDERC CMARK_GFM LADDER
# Exits 77 (skipped) when CMARK_GFM is empty or missing.
set -u
ladderc=$1
cmark=$2
ladder=$3
if [ -z "$cmark" ] || [ ! -x "$cmark" ]; then
	echo "cmark-gfm not installed: skipped"
	exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# The roles and levels of the ladder, from its JSON model (one id per line).
"$ladderc" render -f json "$ladder" >"$tmp/model.json" || exit 2
roles=$(awk '/^  "roles": \[/{r=1} r && /^      "id": "/{gsub(/.*"id": "|",?$/,""); print} /^  \],?$/{r=0}' "$tmp/model.json")
levels=$(awk '/^      "levels": \[/{r=1} r && /^          "id": "/{gsub(/.*"id": "|",?$/,""); print} /^      \],?$/{r=0}' "$tmp/model.json")
[ -n "$roles" ] && [ -n "$levels" ] || { echo "no roles or levels found in $ladder"; exit 2; }

# check NAME MARKDOWN-FILE [notables]: tables well formed (and present unless
# notables is given), no raw tags; leaves the number of body cells in $tmp/cells.
check() {
	"$cmark" -e table -e autolink -e strikethrough --unsafe <"$2" >"$tmp/out.html" || {
		echo "$1: cmark-gfm failed"; fail=1; return; }
	if grep -Eiq '<(script|img|style|iframe|svg|object|b>|i>)|href="javascript' "$tmp/out.html"; then
		echo "$1: raw HTML from the input reached the page:"
		grep -Ein '<(script|img|style|iframe|svg|object|b>|i>)|href="javascript' "$tmp/out.html" | head -5
		fail=1
	fi
	awk -v name="$1" -v notables="${3:-}" '
		/^<table>/ { tables++; head = -1 }
		/^<tr>/ { n = 0 }
		/^<th[ >]/ { n++ }
		/^<td[ >]/ { n++; cells++ }
		/^<\/tr>/ {
			if (head < 0) head = n
			else if (n != head) { printf "%s: a row of %d cells under a header of %d\n", name, n, head; bad = 1 }
		}
		END { print cells + 0 > "/dev/stderr"; if (tables == 0 && notables == "") { print name ": no tables"; bad = 1 } exit bad }
	' "$tmp/out.html" 2>"$tmp/cells" || fail=1
}

"$ladderc" render -f markdown "$ladder" >"$tmp/ladder.md" || exit 2
check ladder "$tmp/ladder.md"
"$ladderc" render -f markdown --overview "$ladder" >"$tmp/overview.md" || exit 2
check overview "$tmp/overview.md"
for role in $roles; do
	"$ladderc" render -f markdown --role "$role" "$ladder" >"$tmp/m.md" || exit 2
	check "matrix $role" "$tmp/m.md"
	got=$(cat "$tmp/cells")
	# expected: per competency row, one name cell plus one per level of the
	# matrix (its "levels"; "cells" leaves out the levels where a competency
	# does not apply, while Markdown says so in a cell)
	"$ladderc" render -f json --role "$role" "$ladder" >"$tmp/m.json" || exit 2
	want=$(awk '/"levels": \[$/ { lv = 1; nlv = 0; next } lv && /"rank":/ { nlv++ } /"groups": \[$/ { lv = 0 }
		/"cells": \{$/ { n += 1 + nlv } END { print n + 0 }' "$tmp/m.json")
	if [ "$got" != "$want" ]; then
		echo "matrix $role: $got table cells, expected $want"
		fail=1
	fi
	for level in $levels; do
		if "$ladderc" render -f markdown --role "$role" --level "$level" "$ladder" >"$tmp/l.md" 2>/dev/null; then
			check "level $role $level" "$tmp/l.md"
			"$ladderc" render -f markdown --role "$role" --level "$level" --next "$ladder" >"$tmp/n.md" || exit 2
			# the top of a track has no next level, hence no table
			check "next $role $level" "$tmp/n.md" notables
		fi
	done
done
# The Markdown pages of a site (build -f markdown): well formed, and every
# link between them lands on a page of the site and an anchor in it (issue
# 17 g). A competency's own links (http, https, mailto) leave the site.
"$ladderc" build -o "$tmp/site" -f markdown "$ladder" || exit 2
for page in "$tmp"/site/*.md; do
	name=site/$(basename "$page")
	check "$name" "$page"
	"$cmark" -e table --unsafe <"$page" | grep -o 'href="[^"]*"' | sed 's/^href="//; s/"$//' |
	while read -r href; do
		case $href in
		http://* | https://* | mailto:*) continue ;;
		\#*) file=$page ;;
		*.md\#*) file=$tmp/site/${href%%#*} ;;
		*) echo "$name: a link that is no page of the site: $href"; echo bad >>"$tmp/badlinks"; continue ;;
		esac
		anchor=${href#*#}
		if [ ! -f "$file" ] || ! grep -qF "<a id=\"$anchor\"></a>" "$file"; then
			echo "$name: broken link $href"
			echo bad >>"$tmp/badlinks"
		fi
	done
done
[ -s "$tmp/badlinks" ] && fail=1
[ "$(grep -c '\.md#' "$tmp/site/index.md")" -gt 0 ] || { echo "site/index.md links no role page"; fail=1; }

[ $fail = 0 ] && echo "ok: $ladder"
exit $fail
