#!/usr/bin/env bash
# The Debian package (`make package`, cmake/package.cmake) as a user gets it.
#
#   tests/package_test.sh SOURCE_DIR BUILD_DIR
#
# Packs BUILD_DIR (already built: cpack only installs it into a staging
# directory) into a temporary directory, unpacks the .deb with dpkg-deb -x,
# and checks: the control file names the maintainer, section and version and
# depends on libyaml's package; the man page, ladderc.pc, the library and
# the completions are in it; and the unpacked binary checks, renders and
# reports its version on ladders/sequence.yaml. Exit 77 (skip): no dpkg-deb or no cpack.
set -euo pipefail
root=$1 build=$2
command -v dpkg-deb >/dev/null || { echo "package: dpkg-deb not found (apt-get install dpkg): skipped"; exit 77; }
command -v cpack >/dev/null || { echo "package: cpack not found (apt-get install cmake): skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/out") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack failed"; }
deb=$(find "$tmp/out" -maxdepth 1 -name 'ladderc_*.deb')
[ -n "$deb" ] && [ "$(printf '%s\n' "$deb" | wc -l)" = 1 ] || fail "no single ladderc_*.deb in $(ls "$tmp/out")"

dpkg-deb -f "$deb" >"$tmp/control"
field() { sed -n "s/^$1: //p" "$tmp/control"; }
version=$(sed -n 's/^project(ladderc VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "$(field Package)" = ladderc ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not the project's $version"
[ "$(field Section)" = utils ] || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
field Depends | grep -Eq '(^|, )libyaml-0-2( |,|$)' || fail "Depends does not name libyaml-0-2: '$(field Depends)'"

dpkg-deb -x "$deb" "$tmp/root"
usr=$tmp/root/usr
for f in bin/ladderc share/man/man1/ladderc.1 include/ladderc/ladderc.h; do
	[ -f "$usr/$f" ] || fail "/usr/$f is not in the package"
done
[ -n "$(find "$usr/lib" -name ladderc.pc)" ] || fail "ladderc.pc is not in the package"
[ -n "$(find "$usr/lib" -name 'libladderc.*')" ] || fail "the library is not in the package"
[ -n "$(find "$usr/lib" -name ladderc-config.cmake)" ] || fail "the CMake package is not in the package"
[ -f "$usr/share/bash-completion/completions/ladderc" ] || fail "the bash completion is not in the package"

ladderc=$usr/bin/ladderc
ladder=$root/ladders/sequence.yaml
"$ladderc" check "$ladder" 2>"$tmp/check.err" || fail "the unpacked ladderc check failed: $(head -n 3 "$tmp/check.err")"
"$ladderc" render -f markdown "$ladder" >"$tmp/render.md" || fail "the unpacked ladderc render failed"
grep -q '^# ' "$tmp/render.md" || fail "render -f markdown wrote no heading"
[ "$("$ladderc" version | awk '{ print $1, $2 }')" = "ladderc $version" ] || fail "version prints '$("$ladderc" version)'"
echo "package: $(basename "$deb") holds ladderc $version, depends on $(field Depends), and runs"
