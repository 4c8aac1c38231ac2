# shellcheck shell=bash
# Sourced by the bench scripts: bench_paths BUILD_DIR sets ROOT (the
# checkout), BUILD (absolute), LADDERC and BIN (the bench tools), then checks
# that each tool named after it was built.
bench_paths() {
	ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	BUILD=${1:-build}
	case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
	LADDERC=$BUILD/ladderc
	BIN=$BUILD/bench
	shift
	local t
	for t in "$LADDERC" "$@"; do
		[ -x "$t" ] || [ -x "$BIN/$t" ] || { echo "${0##*/}: $t is missing; build first (make build BUILD=...)" >&2; exit 2; }
	done
}
