#!/usr/bin/env bash
# Static analysis of src/ and cli/: gcc -fanalyzer and cppcheck. Fails on any finding.
#
#   tests/static_analysis.sh
#
# Findings that were read and are not bugs are listed, each with its reason,
# in tests/static_analysis.supp (RULE:FILE).
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
inc=(-Iinclude -Isrc -Icli $(pkg-config --cflags yaml-0.1))
defs=(-D_XOPEN_SOURCE=700 -DLADDERC_VERSION=\"analysis\")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# RULE:FILE pairs, comments stripped
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' tests/static_analysis.supp >"$tmp/supp"

if command -v gcc >/dev/null; then
	echo "== gcc -fanalyzer"
	for f in src/*.c cli/*.c; do
		gcc -std=c11 -O1 -fanalyzer -Wall -Wextra "${defs[@]}" "${inc[@]}" -c "$f" -o "$tmp/x.o" \
			2>"$tmp/gcc.txt" || status=1
		# each finding is "FILE:LINE:COL: warning: ... [-Wanalyzer-RULE]"
		grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' "$tmp/gcc.txt" | while IFS= read -r line; do
			rule=$(printf '%s\n' "$line" | sed -n 's/.*\[-W\([^]]*\)\]$/\1/p')
			file=${line%%:*}
			grep -qxF "${rule:-none}:$file" "$tmp/supp" || printf '%s\n' "$line"
		done >"$tmp/new.txt"
		if [ -s "$tmp/new.txt" ]; then
			cat "$tmp/new.txt"
			status=1
		fi
	done
else
	echo "gcc: not found" >&2
	status=2
fi

if command -v cppcheck >/dev/null; then
	echo "== cppcheck"
	# --library=posix for POSIX calls; missingIncludeSystem: system headers
	# are not cppcheck's business; the rest is on.
	if ! cppcheck -q --std=c11 --enable=warning,portability,performance --inline-suppr --error-exitcode=1 \
		--library=posix --suppress=missingIncludeSystem --suppressions-list="$tmp/supp" "${defs[@]}" -Iinclude -Isrc -Icli src/ cli/ 2>"$tmp/cppcheck.txt"; then
		status=1
	fi
	if [ -s "$tmp/cppcheck.txt" ]; then
		cat "$tmp/cppcheck.txt"
		status=1
	fi
else
	echo "cppcheck: not found (apt-get install cppcheck)" >&2
	status=2
fi
[ $status -eq 0 ] && echo "static analysis: clean"
exit $status
