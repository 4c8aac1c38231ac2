#!/usr/bin/env bash
# The whole ctest suite under valgrind memcheck, leak-free.
#
#   tests/valgrind.sh [BUILD_DIR [CTEST_ARGS...]]   (default build-valgrind)
#
# Builds without sanitizers, then replaces ladderc and every unit-test binary
# in the build tree by a wrapper that runs the real one under memcheck, so
# every kind of test (golden, unit, pathological, output, diff...) goes
# through valgrind whatever script starts it. Any memcheck error or definite
# or indirect leak makes the process exit 99 (so its test fails) and leaves a
# report in BUILD_DIR/valgrind/; the script fails if any report is non-empty.
# Tests labelled "big" (inputs of tens of MB) are left to the sanitizer run,
# and so are the suites that run the binary hundreds of times with fixed
# time limits (browser, markdown-gfm, html/tidy): they check the outputs,
# which the golden tests already run under valgrind.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-valgrind}"
shift || true
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 2; }

# memcheck runs ladderc 20-50 times slower: the pathological suite's CPU-time
# limits (and their hang guards) are scaled by 20
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DLADDERC_WERROR=ON -DLADDERC_SANITIZE=OFF \
	-DLADDERC_TEST_TIME_SCALE=20 >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"

logs="$build/valgrind"
rm -rf "$logs"
mkdir -p "$logs"
wrap() {
	local bin=$1
	[ -f "$bin" ] && [ -x "$bin" ] || return 0
	if ! head -c 2 "$bin" | grep -q '#!'; then
		mv -f "$bin" "$bin.real"
	fi
	# The report goes to fd 9, opened here: with --log-file, a test that runs
	# ladderc with stdout closed (>&-) would see valgrind's log take fd 1.
	cat >"$bin" <<WRAP
#!/bin/sh
exec 9>"$logs/\$(basename "$bin").\$\$.log"
exec valgrind -q --tool=memcheck --error-exitcode=99 --leak-check=full \\
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \\
	--log-fd=9 "$bin.real" "\$@"
WRAP
	chmod +x "$bin"
}
wrap "$build/ladderc"
# the unit tests are built in BUILD_DIR/tests/
for t in "$build"/tests/test_*; do
	case "$t" in *.real) continue ;; esac
	wrap "$t"
done

cd "$build"
status=0
# install/package reads the installed binary's shared libraries off an ELF file
# (dpkg-shlibdeps); here the binary is the valgrind wrapper script, and the
# package's memory is the library's, which every other test covers.
LADDERC_NO_VMLIMIT=1 ctest --output-on-failure -LE big -E '^(browser|markdown-gfm|html/tidy|install/package)' \
	-j "$(nproc 2>/dev/null || echo 2)" "$@" || status=$?
# the binaries are the wrappers now: let the next build relink them
rm -f "$build/ladderc" "$build/ladderc.real" "$build"/tests/test_*

reports=$(find "$logs" -type f -size +0 | wc -l)
if [ "$reports" -gt 0 ]; then
	echo "valgrind: $reports reports with errors or leaks:"
	find "$logs" -type f -size +0 | head -n 5 | while read -r f; do echo "--- $f"; head -n 40 "$f"; done
	status=1
else
	echo "valgrind: $(find "$logs" -type f | wc -l) processes checked, no errors, no leaks"
fi
exit $status
