#!/usr/bin/env bash
# The GitLab CI template (ci/gitlab-ci.yml) run job by job as a shell runner
# would (tests/gitlab_run.py), with the ladderc under test on PATH (so the
# template's before_script builds nothing), and its Code Quality report
# checked against GitLab's format (tests/gitlab_codequality.py).
#
#   tests/gitlab_test.sh SOURCE_DIR LADDERC
#
# Checked: a clean ladder passes with an empty report; lint warnings fail
# under the default --strict and pass without it, reported as minor issues
# with the ladder's path; a broken ladder fails with critical issues; adding a
# line at the top of a ladder moves every issue down a line and keeps every
# fingerprint; the pages job builds public/. Exit 77 (skip): no python3-yaml.
set -euo pipefail
root=$1 ladderc=$2
python3 -c 'import yaml' 2>/dev/null || { echo "gitlab: python3-yaml not found (apt-get install python3-yaml): skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "gitlab: $*" >&2; exit 1; }
export LC_ALL=C.UTF-8 TZ=UTC PATH="$(cd "$(dirname "$ladderc")" && pwd):$PATH"
unset NO_COLOR
[ "$(command -v ladderc)" -ef "$ladderc" ] || fail "ladderc on PATH is not the one under test"
template=$root/ci/gitlab-ci.yml
report=gl-code-quality-report.json

project=$tmp/project
mkdir -p "$project/hr"
cp -R "$root/ladders/example/." "$project/hr/"
cp "$root/ladders/sequence.yaml" "$project/warnings.yaml"
cp "$root/tests/golden/check/duplicate-key/bad.yaml" "$project/bad.yaml"
cd "$project"

# job NAME VAR=VALUE...: its exit status in $status, its log in $tmp/log
job() {
	status=0
	python3 "$root/tests/gitlab_run.py" "$template" "$@" >"$tmp/log" 2>&1 || status=$?
	[ "$status" != 3 ] || { cat "$tmp/log"; fail "$1: the runner emulation refused the job"; }
}
issues() { python3 "$root/tests/gitlab_codequality.py" "$report" "$1" || fail "$1: not a valid Code Quality report"; }
severities() { python3 -c 'import json,sys; print(" ".join(sorted({i["severity"] for i in json.load(open(sys.argv[1]))})))' "$report"; }

python3 - "$template" <<'PY' || fail "the template's artifacts are not what GitLab needs"
import sys, yaml
t = yaml.safe_load(open(sys.argv[1]))
check, pages = t["ladder-check"]["artifacts"], t["pages"]["artifacts"]
assert check["reports"]["codequality"] == "gl-code-quality-report.json", check
assert check["when"] == "always", check
assert "public" in pages["paths"], pages
PY

job ladder-check LADDER=hr/ladder.yaml
[ "$status" = 0 ] || { cat "$tmp/log"; fail "clean: exit $status"; }
[ "$(issues hr/ladder.yaml)" = 0 ] || fail "clean: the report has issues"

job ladder-check LADDER=warnings.yaml
[ "$status" = 1 ] || { cat "$tmp/log"; fail "warnings: exit $status under --strict"; }
[ "$(issues warnings.yaml)" -gt 0 ] || fail "warnings: an empty report"
[ "$(severities)" = minor ] || fail "warnings: severities $(severities)"
grep -q '^warnings.yaml:[0-9]*:[0-9]*: warning: ' "$tmp/log" || fail "warnings: no text findings in the job log"
cp "$report" "$tmp/before.json"

job ladder-check LADDER=warnings.yaml LADDERC_CHECK_OPTIONS=
[ "$status" = 0 ] || { cat "$tmp/log"; fail "warnings: exit $status without --strict"; }
issues warnings.yaml >/dev/null

{ echo '# a line added above every finding'; cat warnings.yaml; } >"$tmp/shifted" && mv "$tmp/shifted" warnings.yaml
job ladder-check LADDER=warnings.yaml LADDERC_CHECK_OPTIONS=
python3 - "$tmp/before.json" "$report" <<'PY' || fail "fingerprints changed when a line was added above"
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:])
assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
assert [i["location"]["lines"]["begin"] + 1 for i in before] == [i["location"]["lines"]["begin"] for i in after]
PY

job ladder-check LADDER=bad.yaml
[ "$status" = 1 ] || { cat "$tmp/log"; fail "bad: exit $status"; }
issues bad.yaml >/dev/null
severities | grep -qw critical || fail "bad: no critical issue ($(severities))"

job pages LADDER=hr/ladder.yaml
[ "$status" = 0 ] || { cat "$tmp/log"; fail "pages: exit $status"; }
[ -f public/index.html ] || fail "pages: no public/index.html"
echo "gitlab: ladder-check and pages run from ci/gitlab-ci.yml; the Code Quality reports are valid"
