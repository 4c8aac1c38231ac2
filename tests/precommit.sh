#!/bin/sh
# .pre-commit-hooks.yaml: the file parses, its ladderc-check hook has the
# keys pre-commit needs, and its entry, run the way pre-commit runs it (the
# entry's words, then the staged files that match `files`), passes a good
# ladder and fails a bad one. Skips (77) without python3's yaml module.
#   tests/precommit.sh LADDERC SOURCE_DIR
set -u
ladderc=$1
src=$2
python3 -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml is not installed"; exit 77; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/bin" "$tmp/repo/ladders" "$tmp/repo/docs"
ln -s "$ladderc" "$tmp/bin/ladderc"   # language: system finds ladderc on the PATH
cp -R "$src/ladders/example" "$tmp/repo/ladders/example"
printf 'ladder: 1\nid: bad\nname: Bad\ntracks: []\nunknown: 1\n' >"$tmp/repo/ladder.yaml"
printf 'not: a ladder\n' >"$tmp/repo/docs/other.yaml"
cd "$tmp/repo" || exit 2
PATH=$tmp/bin:$PATH python3 - "$src/.pre-commit-hooks.yaml" <<'PY'
import re, shlex, subprocess, sys
import yaml
hooks = yaml.safe_load(open(sys.argv[1]))
hook = {h["id"]: h for h in hooks}["ladderc-check"]
for key in ("id", "name", "entry", "language", "files"):
    assert key in hook, "the hook has no " + key
assert hook["language"] == "system", hook["language"]
files = re.compile(hook["files"])
staged = ["ladder.yaml", "ladders/good.yaml", "ladders/example/ladder.yaml", "ladders/example/roles/sales.yaml",
          "docs/other.yaml", "src/ladder.yml.txt", "team/ladder.yml"]
matched = [f for f in staged if files.search(f)]
assert matched == ["ladder.yaml", "ladders/good.yaml", "ladders/example/ladder.yaml", "team/ladder.yml"], matched
entry = shlex.split(hook["entry"])
def run(paths):
    return subprocess.run(entry + paths, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
assert run(["ladders/example/ladder.yaml"]) == 0, "the hook fails a good ladder"
assert run(["ladder.yaml"]) != 0, "the hook passes a bad ladder"
assert run(["ladders/example/ladder.yaml", "ladder.yaml"]) != 0, "the hook passes a bad ladder among good ones"
print("ok: ladderc-check")
PY
