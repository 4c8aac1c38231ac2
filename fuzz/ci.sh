#!/usr/bin/env bash
# CI: 60 seconds of fuzzing for each harness (fuzz/run.sh, libFuzzer with ASan
# + UBSan): the loader, then import, then assess.
# Installs clang and its runtime libraries when missing and apt-get is there.
# Exits non-zero when the fuzzer finds a crash, a leak or a time-out; the
# reproducer is in build-fuzz-ci/artifacts/ (replay: build-fuzz-ci/fuzz_load FILE,
# build-fuzz-ci/fuzz_import FILE or build-fuzz-ci/fuzz_assess FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
have_clang() {
	for c in clang clang-14 clang-15 clang-16 clang-17 clang-18; do
		command -v "$c" >/dev/null 2>&1 && return 0
	done
	return 1
}
if ! have_clang || ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }' |
	clang -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "== installing clang and its runtime (libFuzzer, sanitizers)"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# libclang-rt-dev holds libFuzzer on Debian 12 and later; older releases
		# ship it in the clang package itself.
		apt-get install -y -qq --no-install-recommends clang >/dev/null
		apt-get install -y -qq --no-install-recommends libclang-rt-dev >/dev/null 2>&1 || true
	else
		echo "fuzz: clang with libFuzzer is missing (apt-get install clang libclang-rt-dev)" >&2
		exit 2
	fi
fi
FUZZ_DIR="$PWD/build-fuzz-ci" fuzz/run.sh "$seconds"
FUZZ_DIR="$PWD/build-fuzz-ci" FUZZ_TARGET=import fuzz/run.sh "$seconds"
FUZZ_DIR="$PWD/build-fuzz-ci" FUZZ_TARGET=assess exec fuzz/run.sh "$seconds"
