#!/usr/bin/env bash
# The GitHub Action (action.yml) run step by step as the runner runs it
# (tests/action_run.py), in a throw-away git repository.
#
#   tests/action_test.sh SOURCE_DIR LADDERC
#
# LADDERC_ACTION_BINARY=LADDERC skips the action's apt-get and make steps
# (the binary under test is already built); every other step runs as it is.
# The repository holds ladders/example in two commits (a title changed in
# the second), a ladder with lint warnings and a broken one. Checked: a good
# ladder passes, its site is built and the diff file holds `ladderc diff -f
# markdown` of the two commits; warnings fail under strict (the default) and
# pass with strict false; a broken ladder fails with ::error file=,line=
# annotations and builds no site, and its diff file says it does not load;
# a ladder new since the base says so.
# Exit 77 (skip): no python3-yaml or no git.
set -euo pipefail
root=$1 ladderc=$2
command -v git >/dev/null || { echo "action: git not found: skipped"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "action: python3-yaml not found (apt-get install python3-yaml): skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "action: $*" >&2; exit 1; }
export LC_ALL=C.UTF-8 TZ=UTC GIT_CONFIG_NOSYSTEM=1 HOME=$tmp XDG_CONFIG_HOME=$tmp
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
unset NO_COLOR GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
export LADDERC_ACTION_BINARY=$ladderc

repo=$tmp/repo
mkdir -p "$repo/hr"
cp -R "$root/ladders/example/." "$repo/hr/"
cd "$repo"
git init -q .
git add . && git commit -qm v1
sed -i 's/title: Senior {role}/title: Senior {role} II/' hr/ladder.yaml
cp "$root/ladders/sequence.yaml" warnings.yaml
cp "$root/tests/golden/check/duplicate-key/bad.yaml" bad.yaml
git add . && git commit -qm v2

# run_action NAME [--input K=V]...: exit status in $status, output in $tmp/NAME.out
run_action() {
	local name=$1
	shift
	status=0
	python3 "$root/tests/action_run.py" "$root/action.yml" --outputs "$tmp/$name.outputs" "$@" \
		>"$tmp/$name.out" 2>&1 || status=$?
	[ "$status" != 3 ] || { cat "$tmp/$name.out"; fail "$name: the runner emulation refused the action"; }
}
output() { sed -n "s/^$2=//p" "$tmp/$1.outputs"; }

run_action good --input ladder=hr/ladder.yaml --input site-dir=_site --input diff-base=HEAD~1
[ "$status" = 0 ] || { cat "$tmp/good.out"; fail "good: exit $status"; }
[ -f _site/index.html ] || fail "good: no _site/index.html"
[ "$(output good site-dir)" = _site ] || fail "good: site-dir output is '$(output good site-dir)'"
[ "$(output good diff-file)" = ladder-diff.md ] || fail "good: diff-file output is '$(output good diff-file)'"
[ "$(output good changed)" = true ] || fail "good: changed output is '$(output good changed)'"
mkdir "$tmp/base" && git archive HEAD~1 | tar -x -C "$tmp/base"
"$ladderc" diff -f markdown "$tmp/base/hr/ladder.yaml" hr/ladder.yaml >"$tmp/expected.md" || [ $? = 1 ]
cmp -s "$tmp/expected.md" ladder-diff.md || { diff "$tmp/expected.md" ladder-diff.md | head; fail "good: the diff file differs from ladderc diff -f markdown"; }
grep -q 'Senior {role} II\|Senior .* II' ladder-diff.md || fail "good: the diff does not show the new title"
rm -rf _site ladder-diff.md

run_action same --input ladder=hr/ladder.yaml --input diff-base=HEAD --input diff-file=same.md
[ "$status" = 0 ] || { cat "$tmp/same.out"; fail "same: exit $status"; }
[ "$(output same changed)" = false ] || fail "same: changed output is '$(output same changed)'"
grep -q '^No changes' same.md || fail "same: the diff file says '$(cat same.md)'"
[ "$(output same site-dir)" = "" ] || fail "same: a site-dir output without the input"

run_action strict --input ladder=warnings.yaml
[ "$status" != 0 ] || fail "strict: lint warnings passed under strict"
grep -q '^::warning file=warnings.yaml,line=[0-9]*,col=[0-9]*,title=' "$tmp/strict.out" ||
	fail "strict: no ::warning annotation: $(head -n 5 "$tmp/strict.out")"
run_action lenient --input ladder=warnings.yaml --input strict=false --input diff-base=HEAD~1
[ "$status" = 0 ] || { cat "$tmp/lenient.out"; fail "lenient: lint warnings failed with strict false"; }
grep -q 'is new' ladder-diff.md || fail "lenient: a ladder new since the base: '$(cat ladder-diff.md)'"

run_action bad --input ladder=bad.yaml --input site-dir=_bad_site
[ "$status" != 0 ] || fail "bad: a broken ladder passed"
grep -q '^::error file=bad.yaml,line=13,col=5::duplicate key' "$tmp/bad.out" ||
	fail "bad: no ::error annotation: $(head -n 5 "$tmp/bad.out")"
[ ! -e _bad_site ] || fail "bad: the site was built after the check failed"
run_action bad-diff --input ladder=bad.yaml --input diff-base=HEAD --input diff-file=bad.md
[ "$status" != 0 ] || fail "bad-diff: a broken ladder passed"
grep -q 'could not diff' bad.md || fail "bad-diff: the diff file says '$(cat bad.md)'"
grep -q '^::error file=bad.yaml' "$tmp/bad-diff.out" || fail "bad-diff: no annotations after the diff"
echo "action: good, unchanged, strict, lenient and broken ladders run through action.yml as the runner would"
