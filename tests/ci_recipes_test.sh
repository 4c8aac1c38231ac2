#!/usr/bin/env bash
# Every `<!-- recipe: NAME -->` block of docs/ci.md, run (tests/ci_recipes_extract.py).
#
#   tests/ci_recipes_test.sh SOURCE_DIR BUILD_DIR LADDERC
#
# - install-prefix, deb: the recipe's lines run as they are, with `make`
#   pointed at BUILD_DIR and its own CMAKE_FLAGS (so nothing is configured or
#   built again) and `sudo apt install FILE` replaced by `dpkg-deb -x FILE`
#   (no root here); the installed or unpacked ladderc must run. Only when
#   BUILD_DIR was made by `make` (its flags are known) and, for deb, dpkg-deb
#   is here.
# - github-workflow: each job's action step runs through tests/action_run.py
#   with the job's `with:` inputs, in a repository with two commits and
#   origin/main at the first; the comment step's script runs with a `gh`
#   that records what it is asked to post.
# - gitlab-include: the template's jobs run with the recipe's variables.
# - pre-commit: each hook id is in .pre-commit-hooks.yaml and its entry passes
#   on a bundled ladder the hook's `files` pattern matches.
# - ladderc-diff, ladderc-diff-driver: the recipe's lines in a repository with
#   two commits; `git diff` shows the rendered title change, or ladderc diff's.
# Exit 77 (skip): no python3-yaml or no git.
set -euo pipefail
root=$1 build=$2 ladderc=$3
command -v git >/dev/null || { echo "recipes: git not found: skipped"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "recipes: python3-yaml not found (apt-get install python3-yaml): skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "recipes: $*" >&2; exit 1; }
recipe() { python3 "$root/tests/ci_recipes_extract.py" "$root/docs/ci.md" "$1" >"$tmp/$1" || fail "docs/ci.md has no recipe $1"; }
bindir=$(cd "$(dirname "$ladderc")" && pwd)
export LC_ALL=C.UTF-8 TZ=UTC PATH="$bindir:$PATH" GIT_CONFIG_NOSYSTEM=1 HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
unset NO_COLOR GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE MAKEFLAGS MFLAGS MAKELEVEL
mkdir -p "$HOME"
build=$(cd "$build" && pwd)

# ---- install-prefix and deb -------------------------------------------------
if [ -f "$build/.make-flags" ]; then
	flags=$(cat "$build/.make-flags")
	# the recipe's make, on the build under test
	make() { command make --no-print-directory -C "$root" BUILD="$build" CMAKE_FLAGS="$flags" "$@"; }
	recipe install-prefix
	(cd "$tmp" && source "$tmp/install-prefix") >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "install-prefix failed"; }
	[ -x "$HOME/.local/bin/ladderc" ] && [ -f "$HOME/.local/share/man/man1/ladderc.1" ] ||
		fail "install-prefix: no bin/ladderc or man page under PREFIX"
	if command -v dpkg-deb >/dev/null && command -v cpack >/dev/null; then
		# ./build in the recipe is the build under test
		mkdir "$tmp/work" && ln -s "$build" "$tmp/work/build"
		sudo() {
			[ "$1 $2" = "apt install" ] || fail "deb: the recipe runs 'sudo $*', not 'sudo apt install FILE'"
			dpkg-deb -x "$3" "$tmp/unpacked"
		}
		recipe deb
		(cd "$tmp/work" && source "$tmp/deb") >"$tmp/deb.log" 2>&1 || { cat "$tmp/deb.log"; fail "deb failed"; }
		"$tmp/unpacked/usr/bin/ladderc" check "$root/ladders/example/ladder.yaml" || fail "deb: the packaged ladderc failed"
	else
		echo "recipes: deb not run (no dpkg-deb or cpack)"
	fi
	unset -f make sudo
else
	echo "recipes: install-prefix and deb not run ($build was not configured by make: its flags are unknown)"
fi

# ---- a repository with two versions of a ladder ------------------------------
repo=$tmp/repo
mkdir -p "$repo/hr"
cp -R "$root/ladders/example/." "$repo/hr/"
cp "$root/ladders/sequence.yaml" "$repo/ladder.yaml"
cd "$repo"
git init -q .
git add . && git commit -qm v1
git update-ref refs/remotes/origin/main HEAD
sed -i 's/title: Senior {role}$/title: Senior {role} II/' hr/ladder.yaml
sed -i 's/title: "Staff {role}"/title: "Principal {role}"/' ladder.yaml
git commit -qam v2

# ---- github-workflow -----------------------------------------------------------
recipe github-workflow
export LADDERC_ACTION_BINARY=$ladderc
python3 "$root/tests/action_run.py" "$root/action.yml" --workflow "$tmp/github-workflow" --job review \
	--github base_ref=main --outputs "$tmp/review.outputs" >"$tmp/review.log" 2>&1 ||
	{ cat "$tmp/review.log"; fail "github-workflow: the review job's action step failed"; }
grep -q 'II' "$(sed -n 's/^diff-file=//p' "$tmp/review.outputs")" || fail "github-workflow: the diff misses the new title"
mkdir "$tmp/gh" && cat >"$tmp/gh/gh" <<'GH'
#!/bin/sh
echo "gh $*" >>"$GH_LOG"
while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cat "$2" >>"$GH_LOG"; shift; done
GH
chmod +x "$tmp/gh/gh"
python3 - "$tmp/github-workflow" "$tmp/review.outputs" >"$tmp/comment.sh" <<'PY'
import re, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
outputs = dict(l.rstrip("\n").split("=", 1) for l in open(sys.argv[2]))
step = next(s for s in wf["jobs"]["review"]["steps"] if s.get("name") == "Comment the diff")
values = {"steps.ladder.outputs.diff-file": outputs["diff-file"], "github.event.pull_request.number": "7",
          "github.token": "token"}
sub = lambda s: re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: values[m.group(1)], str(s))
for k, v in (step.get("env") or {}).items():
    print(f"export {k}='{sub(v)}'")
print(sub(step["run"]))
PY
GH_LOG=$tmp/gh.log PATH="$tmp/gh:$PATH" bash -eo pipefail "$tmp/comment.sh" || fail "github-workflow: the comment step failed"
grep -q '^gh pr comment 7 ' "$tmp/gh.log" && grep -q 'II' "$tmp/gh.log" || fail "github-workflow: the comment is not the diff: $(head -n 3 "$tmp/gh.log")"
python3 "$root/tests/action_run.py" "$root/action.yml" --workflow "$tmp/github-workflow" --job pages \
	>"$tmp/pages.log" 2>&1 || { cat "$tmp/pages.log"; fail "github-workflow: the pages job's action step failed"; }
[ -f _site/index.html ] || fail "github-workflow: no _site/index.html for Pages"
rm -rf _site ladder-diff.md
unset LADDERC_ACTION_BINARY

# ---- gitlab-include ---------------------------------------------------------------
recipe gitlab-include
mapfile -t vars < <(python3 - "$tmp/gitlab-include" <<'PY'
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
assert c["include"][0]["remote"].endswith("/ci/gitlab-ci.yml"), c["include"]
for k, v in c["variables"].items():
    print(f"{k}={v}")
PY
)
python3 "$root/tests/gitlab_run.py" "$root/ci/gitlab-ci.yml" ladder-check "${vars[@]}" >"$tmp/gl.log" 2>&1 ||
	{ cat "$tmp/gl.log"; fail "gitlab-include: ladder-check failed"; }
python3 "$root/tests/gitlab_codequality.py" gl-code-quality-report.json hr/ladder.yaml >/dev/null ||
	fail "gitlab-include: not a valid Code Quality report"
python3 "$root/tests/gitlab_run.py" "$root/ci/gitlab-ci.yml" pages "${vars[@]}" >"$tmp/gl.log" 2>&1 ||
	{ cat "$tmp/gl.log"; fail "gitlab-include: pages failed"; }
[ -f public/index.html ] || fail "gitlab-include: no public/index.html"
rm -rf public gl-code-quality-report.json

# ---- pre-commit ----------------------------------------------------------------------
recipe pre-commit
if [ -f "$root/.pre-commit-hooks.yaml" ]; then
	python3 - "$tmp/pre-commit" "$root/.pre-commit-hooks.yaml" hr/ladder.yaml <<'PY' || fail "pre-commit: a hook failed"
import re, shlex, subprocess, sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[2]))}
for repo in config["repos"]:
    for h in repo["hooks"]:
        hook = hooks[h["id"]]
        assert re.search(hook.get("files", ""), sys.argv[3]), f"{h['id']} does not match {sys.argv[3]}"
        subprocess.run(shlex.split(hook["entry"]) + [sys.argv[3]], check=True)
PY
else
	grep -q 'id: ladderc-check' "$tmp/pre-commit" || fail "pre-commit: the recipe does not use ladderc-check"
	echo "recipes: pre-commit: no .pre-commit-hooks.yaml in this tree; only the hook id checked"
fi

# ---- ladderc-diff and ladderc-diff-driver -------------------------------------------
recipe ladderc-diff
(source "$tmp/ladderc-diff") >"$tmp/textconv.out" 2>&1 || { cat "$tmp/textconv.out"; fail "ladderc-diff failed"; }
grep -q '^-.*Staff Software Engineer' "$tmp/textconv.out" && grep -q '^+.*Principal Software Engineer' "$tmp/textconv.out" ||
	fail "ladderc-diff: git diff does not show the rendered title change: $(head -n 20 "$tmp/textconv.out")"
rm .gitattributes && git config --unset diff.ladder.textconv
recipe ladderc-diff-driver
(source "$tmp/ladderc-diff-driver") >"$tmp/driver.out" 2>&1 || { cat "$tmp/driver.out"; fail "ladderc-diff-driver failed"; }
grep -q '^diff --ladderc a/ladder.yaml b/ladder.yaml' "$tmp/driver.out" && grep -q 'Principal' "$tmp/driver.out" ||
	fail "ladderc-diff-driver: git diff is not ladderc diff's: $(head -n 20 "$tmp/driver.out")"
echo "recipes: every recipe of docs/ci.md ran"
