#!/usr/bin/env bash
# Builds the libFuzzer harness (clang, ASan + UBSan) and runs it.
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer options...]
#
# SECONDS defaults to 3600. The seed corpus is copied at run time from
# ladders/ and tests/ into $FUZZ_DIR (default build-fuzz/); findings
# (crash-*, leak-*, timeout-*) land in $FUZZ_DIR/artifacts/. Run it nice:
#   nice -n 19 fuzz/run.sh 3600
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-3600}"
shift || true
out="${FUZZ_DIR:-$root/build-fuzz}"
cc="${CC_FUZZ:-}"
if [ -z "$cc" ]; then
	for c in clang clang-14 clang-15 clang-16 clang-17 clang-18; do
		if command -v "$c" >/dev/null 2>&1; then cc="$c"; break; fi
	done
fi
[ -n "$cc" ] || { echo "fuzz: clang not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"
flags=(-g -O1 -std=c11 -pthread -D_XOPEN_SOURCE=700 -DLADDERC_VERSION=\"fuzz\"
       -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
       -fno-omit-frame-pointer -I"$root/include" -I"$root/src" -I"$root/tests/unit" $(pkg-config --cflags yaml-0.1))
objs=()
for src in "$root"/src/*.c; do
	name="$(basename "$src" .c)"
	case "$name" in cli* | main) continue ;; esac
	obj="$out/obj/$name.o"
	if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find "$root/include" "$root/src" -name '*.h' -newer "$obj" 2>/dev/null)" ]; then
		"$cc" "${flags[@]}" -c "$src" -o "$obj"
	fi
	objs+=("$obj")
done
"$cc" "${flags[@]}" -fsanitize=fuzzer "$root/fuzz/fuzz_load.c" "${objs[@]}" \
	$(pkg-config --libs yaml-0.1) -lm -o "$out/fuzz_load"

# Seed corpus: every YAML file of the project (a fresh copy each run; the
# corpus directory keeps what the fuzzer learned between runs).
find "$root/ladders" "$root/tests" -name '*.yaml' -type f -size -1M 2>/dev/null |
	while read -r f; do cp "$f" "$out/corpus/seed-$(printf '%s' "$f" | cksum | cut -d' ' -f1).yaml"; done
[ -f "$root/fuzz/yaml.dict" ] && dict=(-dict="$root/fuzz/yaml.dict") || dict=()

cd "$out"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec ./fuzz_load -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix="$out/artifacts/" -print_final_stats=1 "${dict[@]}" "$@" corpus
