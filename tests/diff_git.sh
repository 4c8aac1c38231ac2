#!/bin/sh
# Runs `git diff` and `git log -p` with ladderc as the diff driver of *.yaml
# in a throw-away repository, and compares the output with the expected files.
#   tests/diff_git.sh LADDERC CASE_DIR
# CASE_DIR holds v1.yaml and v2.yaml (two versions of ladder.yaml) and the
# expected outputs; LADDERC_UPDATE_GOLDEN=1 rewrites them.
set -u
ladderc=$1
case_dir=$2
command -v git >/dev/null 2>&1 || { echo "git not found: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
export LC_ALL TZ TERM
unset NO_COLOR GIT_PAGER_IN_USE GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
# no user or system configuration may change what git does here
GIT_CONFIG_NOSYSTEM=1 HOME=$tmp XDG_CONFIG_HOME=$tmp
GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_AUTHOR_DATE='2026-01-01T00:00:00Z'
GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com GIT_COMMITTER_DATE='2026-01-01T00:00:00Z'
export GIT_CONFIG_NOSYSTEM HOME XDG_CONFIG_HOME GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE
repo=$tmp/repo
mkdir "$repo" && cd "$repo" || exit 2
git init -q . || exit 2
echo '*.yaml diff=ladder' >.gitattributes
git config diff.ladder.command "\"$ladderc\" diff"
cp "$case_dir/v1.yaml" ladder.yaml
git add .gitattributes ladder.yaml && git commit -qm v1 || exit 2
cp "$case_dir/v2.yaml" ladder.yaml
fail=0
# the working tree against the index: git passes a temporary copy of the old
# side and the real file for the new one
git --no-pager diff >"$tmp/gitdiff" 2>"$tmp/gitdiff.stderr"
echo $? >>"$tmp/gitdiff.stderr"
# history: both sides are temporary copies; the first commit diffs against /dev/null
git add ladder.yaml && git commit -qm v2 || exit 2
git --no-pager log -p --ext-diff --format='commit %s' >"$tmp/gitlog" 2>"$tmp/gitlog.stderr"
echo $? >>"$tmp/gitlog.stderr"
# a ladder with an include: git's temporary copy of the old side cannot
# reach the included file; the error must say so (exit 2, git stops)
mkdir inc && cp "$case_dir/v1.yaml" inc/ladder.yaml || exit 2
printf 'ladder: 1\nroles:\n  - { id: extra, name: Extra, family: Extra }\n' >inc/roles.yaml
printf 'include:\n  - roles.yaml\n' >>inc/ladder.yaml
git add inc && git commit -qm inc || exit 2
sed -i 's/min_average: 3.5/min_average: 3.6/' inc/ladder.yaml
git --no-pager diff -- inc >"$tmp/gitinclude" 2>"$tmp/gitinclude.stderr.raw"
echo $? >>"$tmp/gitinclude.stderr.raw"
# git's temporary directory has a random name
sed 's|/[^ '"'"']*/git-blob-[^/]*/|TMPDIR/|g' "$tmp/gitinclude.stderr.raw" >"$tmp/gitinclude.stderr"
for f in gitdiff gitdiff.stderr gitlog gitlog.stderr gitinclude gitinclude.stderr; do
	if [ "${LADDERC_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tmp/$f" "$case_dir/expected.$f"
	elif ! cmp -s "$case_dir/expected.$f" "$tmp/$f"; then
		echo "--- $f differs (expected vs actual):"
		diff -u "$case_dir/expected.$f" "$tmp/$f" | head -60
		fail=1
	fi
done
exit $fail
