#!/usr/bin/env bash
# The library as a program outside the tree sees it (docs/library.md).
#
#   tests/install_test.sh SOURCE_DIR BUILD_DIR LADDERC [FLAGS]
#
# Installs BUILD_DIR (already built: nothing is compiled again) into a
# temporary prefix, then builds docs/examples/ from a copy outside the tree,
# against the installed tree only: walk.c as C and titles.cpp as C++, once
# with `pkg-config --cflags --libs ladderc` and once with find_package(ladderc)
# in CMake. Every build runs on ladders/sequence.yaml; the Markdown it renders
# must be LADDERC's `render` of the same view, byte for byte. The installed
# library must export only ladder_ and lc_ symbols, and the installed headers
# must include nothing that is not installed. FLAGS go to every compile and
# link (the sanitizer build passes -fsanitize=...). Exit 77 (skip): no g++.
set -euo pipefail
root=$1 build=$2 ladderc=$3 flags=${4:-}
command -v g++ >/dev/null || { echo "install: g++ not found (apt-get install g++): skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
pc=$(find "$prefix" -name ladderc.pc)
[ -n "$pc" ] || fail "no ladderc.pc installed"
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$pc")

# The installed headers stand alone: every "..." include is installed too,
# and each header compiles by itself, as C and as C++.
for h in "$prefix"/include/ladderc/*.h; do
	sed -n 's/^#include "\(.*\)"$/\1/p' "$h" | while read -r inc; do
		[ -f "$prefix/include/$inc" ] || fail "$(basename "$h") includes $inc, which is not installed"
	done
	echo "#include <ladderc/$(basename "$h")>" >"$tmp/header.c"
	cc -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" "$tmp/header.c" ||
		fail "$(basename "$h") does not compile alone as C"
	g++ -std=c++11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -x c++ -I"$prefix/include" "$tmp/header.c" ||
		fail "$(basename "$h") does not compile alone as C++"
done

# Only ladder_ and lc_ symbols (a static archive lists each object's); the
# sanitizer build adds an __odr_asan. indicator beside each global variable.
lib=$(find "$prefix" -name 'libladderc.so' -o -name 'libladderc.a' | head -n 1)
case "$lib" in
*.so) nm -D --defined-only "$lib" ;;
*) nm -g --defined-only "$lib" ;;
esac | awk 'NF == 3 { print $3 }' | grep -Ev '^(__odr_asan\.)?(ladder_|lc_)' | sort -u >"$tmp/foreign" || true
[ -s "$tmp/foreign" ] && fail "$(basename "$lib") exports symbols without ladder_ or lc_: $(head -n 20 "$tmp/foreign" | tr '\n' ' ')"

# A shared library is found by the installed command (its RPATH) and, for
# the programs built here with pkg-config, through LD_LIBRARY_PATH.
"$prefix/bin/ladderc" version >/dev/null || fail "the installed ladderc does not run"
export LD_LIBRARY_PATH
LD_LIBRARY_PATH=$(dirname "$lib")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

cp -R "$root/docs/examples" "$tmp/examples"
cd "$tmp/examples"
warn=(-Wall -Wextra -Wpedantic -Werror)
# shellcheck disable=SC2086 # FLAGS and pkg-config's output are lists of words
cc -std=c11 "${warn[@]}" $flags walk.c $(pkg-config --cflags --libs ladderc) -o walk-pc
# shellcheck disable=SC2086
g++ -std=c++11 "${warn[@]}" $flags titles.cpp $(pkg-config --cflags --libs ladderc) -o titles-pc
cmake -S . -B build -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
	-DCMAKE_EXE_LINKER_FLAGS="$flags" >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "find_package(ladderc) failed"; }
cmake --build build >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "the find_package build failed"; }

ladder=$root/ladders/sequence.yaml
role=software-engineer
version=$("$ladderc" version | awk '{ print $2 }')
{
	echo "role software-engineer: 3 tracks, 2 groups"
	echo "role account-executive: 3 tracks, 2 groups"
	"$ladderc" render -f markdown --role "$role" "$ladder"
} >"$tmp/walk.expected"
"$ladderc" render -f markdown --role "$role" "$ladder" >"$tmp/markdown.expected"
bad=$root/tests/golden/check/duplicate-key
for how in pc cmake; do
	walk=./walk-pc titles=./titles-pc
	[ "$how" = cmake ] && walk=build/walk titles=build/titles
	"$walk" "$ladder" >"$tmp/walk.out" 2>"$tmp/walk.err" || fail "$how: walk failed: $(cat "$tmp/walk.err")"
	cmp -s "$tmp/walk.expected" "$tmp/walk.out" || { diff "$tmp/walk.expected" "$tmp/walk.out" | head -n 20; fail "$how: walk's output differs"; }
	[ ! -s "$tmp/walk.err" ] || fail "$how: walk wrote to stderr: $(cat "$tmp/walk.err")"
	# a broken ladder: the diagnostics as `ladderc check` shows them, and exit 1
	st=0
	(cd "$bad" && "$tmp/examples/$walk" bad.yaml) >"$tmp/walk.out" 2>"$tmp/walk.err" || st=$?
	[ "$st" = 1 ] || fail "$how: walk on a broken ladder exited $st, not 1"
	cmp -s "$bad/stderr" "$tmp/walk.err" || { diff "$bad/stderr" "$tmp/walk.err" | head -n 20; fail "$how: walk's diagnostics differ"; }

	"$titles" "$ladder" >"$tmp/titles.out" 2>&1 || fail "$how: titles failed: $(head -n 5 "$tmp/titles.out")"
	[ "$(head -n 1 "$tmp/titles.out")" = "ladderc $version (headers $version): 0 errors" ] ||
		fail "$how: titles' first line is '$(head -n 1 "$tmp/titles.out")'"
	grep -qFx "software-engineer E4: Staff Software Engineer" "$tmp/titles.out" || fail "$how: titles misses a title"
	sed -n '/^<a id="software-engineer"><\/a>$/,$p' "$tmp/titles.out" | cmp -s "$tmp/markdown.expected" - ||
		fail "$how: titles' Markdown differs from ladderc render's"
done
echo "install: the installed library builds and runs as C and C++ with pkg-config and find_package"
