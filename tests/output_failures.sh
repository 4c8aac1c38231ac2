#!/usr/bin/env bash
# Failed writes: every write, flush and close is checked.
#   tests/output_failures.sh LADDERC WORK_DIR
# - standard output on a full disk (/dev/full): an error and exit 2;
# - standard output closed (>&-): an error and exit 2;
# - a reader that goes away (| head -c 1): a quiet end, exit 0, nothing on stderr;
# - `build` killed in the middle of writing (a file size limit, SIGXFSZ):
#   the previous output stays whole, and the next build succeeds.
set -u
ladderc=$1
work=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
rm -rf "$work"
mkdir -p "$work" && cd "$work" || exit 2
export LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
unset NO_COLOR

fails=0
checks=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# A ladder whose every output is far larger than a pipe's buffer (64 KiB).
{
	printf 'ladder: 1\nid: big\nname: Big\ntracks:\n  - id: IC\n    name: IC\n    levels:\n'
	for i in 1 2 3 4 5; do printf '      - {id: L%d, name: Level %d, title: "L%d {role}"}\n' $i $i $i; done
	printf 'groups:\n  - id: g\n    name: G\n    competencies:\n'
	awk 'BEGIN { for (i = 0; i < 300; i++) printf "      - {id: c%d, name: Competency %d, levels: {L1: Does the first thing well and often., L3: Does the third thing for the whole team.}}\n", i, i }'
	printf 'roles:\n'
	awk 'BEGIN { for (i = 0; i < 20; i++) printf "  - {id: r%d, name: Role %d}\n", i, i }'
} > big.yaml
"$ladderc" check big.yaml 2>/dev/null
[ $? -le 1 ] || { echo "the generated ladder does not load"; "$ladderc" check big.yaml; exit 2; }
sed 's/Does the third thing/Does the 3rd thing/' big.yaml > big2.yaml

# expect_write_error DESCRIPTION -- ARGS...: stdout to /dev/full, then closed.
expect_write_error() {
	local what=$1
	shift
	checks=$((checks + 1))
	"$@" >/dev/full 2>err
	local st=$?
	if [ $st -ne 2 ]; then
		fail "$what > /dev/full: exit $st, expected 2"
	elif ! grep -q 'error' err; then
		fail "$what > /dev/full: no error message"
	fi
	checks=$((checks + 1))
	"$@" >&- 2>err
	st=$?
	if [ $st -ne 2 ]; then
		fail "$what >&-: exit $st, expected 2"
	elif ! grep -q 'error' err; then
		fail "$what >&-: no error message"
	fi
}

# expect_quiet_pipe DESCRIPTION STATUS -- ARGS...: the reader stops after one
# byte; ladderc ends with STATUS (diff: 1, differences found) and says nothing.
expect_quiet_pipe() {
	local what=$1 want=$2
	shift 2
	checks=$((checks + 1))
	set -o pipefail
	"$@" 2>err | head -c 1 >/dev/null
	local st=$?
	set +o pipefail
	if [ $st -ne "$want" ]; then
		fail "$what | head -c 1: exit $st, expected $want"
	elif [ -s err ]; then
		fail "$what | head -c 1: printed $(head -n 1 err)"
	fi
}

for f in json markdown html csv text; do
	expect_write_error "render -f $f" "$ladderc" render -f "$f" big.yaml
	expect_quiet_pipe "render -f $f" 0 "$ladderc" render -f "$f" big.yaml
	expect_write_error "render -f $f --level" "$ladderc" render -f "$f" --role r1 --level L5 big.yaml
done
expect_write_error "render -f csv --layout matrix" "$ladderc" render -f csv --layout matrix big.yaml
for f in json sarif codeclimate; do
	expect_write_error "check -f $f" "$ladderc" check -f "$f" big.yaml
done
expect_write_error "diff" "$ladderc" diff big.yaml big2.yaml
expect_quiet_pipe "diff" 1 "$ladderc" diff -f html big.yaml big2.yaml
expect_write_error "diff -f json" "$ladderc" diff -f json big.yaml big2.yaml
expect_write_error "version" "$ladderc" version
expect_write_error "schema" "$ladderc" schema
expect_write_error "help" "$ladderc" help render
expect_write_error "render (the bundled sequence ladder)" "$ladderc" render -f json "$root/ladders/sequence.yaml"

# build, killed while writing: a file size limit of 64 KiB kills it with
# SIGXFSZ in the middle of a page. What was in `site` before must stay whole.
checks=$((checks + 1))
if "$ladderc" build -o site big.yaml >build.out 2>&1; then
	before=$(cd site && find . -type f | sort | xargs cat | cksum)
	( (ulimit -f 64; exec "$ladderc" build -o site big2.yaml) >build.out 2>&1 ) 2>/dev/null
	st=$?
	if [ $st -eq 0 ]; then
		fail "build under a 64 KiB file size limit succeeded (the pages should be larger)"
	fi
	after=$(cd site && find . -type f | sort | xargs cat | cksum)
	[ "$before" = "$after" ] || fail "a killed build changed the output directory"
	checks=$((checks + 1))
	"$ladderc" build -o site big2.yaml >build.out 2>&1 || fail "the build after a killed one failed: $(head -n 1 build.out)"
	leftovers=$(find . -maxdepth 1 -name '.site*' | wc -l)
	[ "$leftovers" -eq 0 ] || fail "temporary directories left beside the output: $(find . -maxdepth 1 -name '.site*')"
	grep -q 'Does the 3rd thing' site/*.md || fail "the build after a killed one did not write the new ladder"
else
	fail "build failed: $(head -n 1 build.out)"
fi

echo "$checks checks, $fails failed"
[ $fails -eq 0 ] || exit 1
cd / && rm -rf "$work"
exit 0
