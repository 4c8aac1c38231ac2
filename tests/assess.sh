#!/bin/sh
# ladderc assess -o FILE: the report is written whole (no temporary file
# left), readable by its owner only, and nothing at all is written when the
# input is invalid; the same inputs and as-of date give the same bytes.
#   tests/assess.sh LADDERC SOURCE_DIR
set -u
ladderc=$1
src=$2
cases=$src/tests/golden/assess
fail=0
bad() { echo "FAIL: $*"; fail=1; }
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
cd "$work" || exit 2
umask 022
run() { "$ladderc" assess --as-of 2026-12-01 "$@"; }

# a report to a new file: mode 0600, the bytes of standard output, nothing else
run -f html "$cases/ladder.yaml" "$cases/verdicts.yaml" >stdout.html || bad "assess to stdout failed"
run -f html -o report.html "$cases/ladder.yaml" "$cases/verdicts.yaml" >out 2>err || bad "assess -o failed"
[ -s out ] && bad "assess -o wrote to standard output"
[ -s err ] && bad "assess -o wrote to standard error: $(cat err)"
cmp -s report.html stdout.html || bad "-o FILE differs from standard output"
[ "$(stat -c %a report.html)" = 600 ] || bad "report.html has mode $(stat -c %a report.html), not 600"
[ "$(ls | grep -c 'report.html.')" = 0 ] || bad "a temporary file was left: $(ls)"

# an existing file is replaced whole, and ends up 0600 too
echo old >old.json
chmod 644 old.json
run -f json -o old.json "$cases/ladder.yaml" "$cases/team.yaml" || bad "assess -o over a file failed"
grep -q '"assess": 1' old.json || bad "old.json was not replaced"
[ "$(stat -c %a old.json)" = 600 ] || bad "old.json has mode $(stat -c %a old.json), not 600"

# invalid ratings, an invalid ladder: exit 1, no file, an existing one untouched
for bad_case in bad-ids/ratings.yaml bad-ratings/ratings.yaml csv-ragged/ratings.csv; do
	run -o new.txt "$cases/ladder.yaml" "$cases/$bad_case" >out 2>/dev/null
	[ $? = 1 ] || bad "$bad_case: exit $?, not 1"
	[ -e new.txt ] && bad "$bad_case: new.txt was written"
	[ -s out ] && bad "$bad_case: something was written to standard output"
	echo keep >kept.txt
	run -o kept.txt "$cases/ladder.yaml" "$cases/$bad_case" 2>/dev/null
	[ "$(cat kept.txt)" = keep ] || bad "$bad_case: an existing file was touched"
done
printf 'ladder: 1\nid: x\n' >broken.yaml
run -o new.txt broken.yaml "$cases/team.yaml" >/dev/null 2>&1
[ $? = 1 ] || bad "an invalid ladder: not exit 1"
[ -e new.txt ] && bad "an invalid ladder: new.txt was written"

# a directory that is not there: exit 2, nothing left behind
run -o missing/report.txt "$cases/ladder.yaml" "$cases/team.yaml" 2>err
[ $? = 2 ] || bad "-o into a missing directory: not exit 2"
grep -q "cannot write 'missing/report.txt'" err || bad "-o into a missing directory: $(cat err)"

# deterministic: the same inputs and as-of date, the same bytes, in every format
for f in text markdown html csv json; do
	run -f "$f" "$cases/ladder.yaml" "$cases/verdicts.yaml" >a.$f
	run -f "$f" "$cases/ladder.yaml" "$cases/verdicts.yaml" >b.$f
	cmp -s a.$f b.$f || bad "-f $f differs between two runs"
done
# the file's as_of wins over today: no run depends on the date
"$ladderc" assess "$cases/ladder.yaml" "$cases/verdicts.yaml" >today.text
cmp -s today.text a.text || bad "a file with as_of depends on today's date"
exit $fail
