#!/bin/sh
# ladderc build: the site's files, reproducibility and atomicity.
#   tests/build_test.sh LADDERC SOURCE_DIR
# Every check prints one line; the script fails on the first broken one.
set -u
ladderc=$1
src=$2
seq=$src/ladders/sequence.yaml
example=$src/ladders/example/ladder.yaml
hostile=$src/tests/hostile/ladder.yaml
tmp=$(mktemp -d) || exit 2
trap 'chattr -R -i "$tmp" 2>/dev/null; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 2

fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }
# a listing of a tree with every file's checksum, symlinks as links
snapshot() { (cd "$1" && find . -print0 | sort -z | xargs -0 sh -c 'for f; do
	if [ -L "$f" ]; then echo "L $f -> $(readlink "$f")"; elif [ -d "$f" ]; then echo "D $f";
	else echo "F $f $(cksum <"$f")"; fi; done' sh); }
no_leftovers() { ls -a "${1:-.}" | grep -E '^\..*\.(tmp|old)-[0-9]+$' && fail "temporary directories left behind in ${1:-.}"; return 0; }

# 1. the files
"$ladderc" build "$seq" || fail "build exited $?"
for f in index.html software-engineer.html account-executive.html index.md software-engineer.md \
         account-executive.md ladder.csv ladder.json .ladderc-site; do
	[ -f "out/$f" ] || fail "out/$f missing"
done
[ "$(ls -A out | wc -l)" = 9 ] || fail "out/ holds more than the site: $(ls -A out)"
"$ladderc" render -f json "$seq" | cmp -s - out/ladder.json || fail "ladder.json differs from render -f json"
"$ladderc" render -f csv "$seq" | cmp -s - out/ladder.csv || fail "ladder.csv differs from render -f csv"
grep -q 'href="software-engineer.html#software-engineer"' out/index.html || fail "index.html does not link the role pages"
grep -q 'id="software-engineer.level.E4.autonomy"' out/software-engineer.html || fail "no level permalink in the role page"
no_leftovers
ok "build writes index, role pages, Markdown, CSV and JSON"

# 2. byte-identical whatever the environment
env LC_ALL=C TZ=UTC "$ladderc" build -o a "$seq" "$example" "$hostile" || fail "build a"
env LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 TZ=Asia/Kathmandu SOURCE_DATE_EPOCH=1 COLUMNS=33 \
	"$ladderc" build -o b "$seq" "$example" "$hostile" || fail "build b"
diff -r a b >/dev/null || fail "two builds differ"
ok "two builds are byte-identical"

# 3. several ladders: DIR/ID/
for f in a/sequence/index.html a/example/software-engineer.html a/hostile/role-1.html a/hostile/Role_2.md; do
	[ -f "$f" ] || fail "$f missing"
done
# the index at the top: every ladder, in the order given, linking to its overview
for f in a/index.html a/index.md; do [ -f "$f" ] || fail "$f missing"; done
[ "$(grep -o 'href="[a-z]*/index.html"' a/index.html | tr '\n' ' ')" = \
  'href="sequence/index.html" href="example/index.html" href="hostile/index.html" ' ] ||
	fail "a/index.html does not list the ladders in order: $(grep -o 'href="[^"]*"' a/index.html)"
[ "$(grep -o '([a-z]*/index.md)' a/index.md | tr '\n' ' ')" = \
  '(sequence/index.md) (example/index.md) (hostile/index.md) ' ] || fail "a/index.md: $(cat a/index.md)"
grep -q '&lt;script&gt;' a/index.html && ! grep -q '<script' a/index.html || fail "a/index.html does not escape names"
"$ladderc" build -o several -f csv,json "$seq" "$example" || fail "build -f csv,json of two ladders"
[ ! -e several/index.html ] && [ ! -e several/index.md ] || fail "an index without HTML or Markdown pages"
"$ladderc" build -o several -f html "$seq" "$example" || fail "build -f html of two ladders"
[ -f several/index.html ] && [ ! -e several/index.md ] || fail "-f html: $(ls several)"
"$ladderc" build -o one "$seq" || fail "build of one ladder"
"$ladderc" build -o one-again "$seq" "$example" || fail "build of two ladders"
cmp -s one/index.html one-again/sequence/index.html || fail "one ladder's overview differs from its overview among several"
"$ladderc" build -o dup "$seq" "$seq" 2>err && fail "two ladders with one id were accepted"
grep -q "both have the id 'sequence'" err || fail "duplicate ids: $(cat err)"
[ ! -e dup ] || fail "a refused build created its directory"
ok "several ladders go to DIR/ID/ under an index of them, ids must differ"

# 3b. a role on part of a track links only to levels it has (its role page
# has no section for a level below its first)
"$ladderc" build -o parts "$src/tests/ladders/disciplines.yaml" || fail "build disciplines"
grep -q 'qa-engineer.level.IC1"' parts/qa-engineer.html parts/qa-engineer.md &&
	fail "a link to a level qa-engineer does not have"
grep -q '\[IC2\](#qa-engineer.level.IC2)' parts/qa-engineer.md || fail "qa-engineer.md links no level"
ok "links between pages land on levels the role has"

# 4. -f
"$ladderc" build -o sub -f html,json "$seq" || fail "build -f"
[ "$(cd sub && ls | tr '\n' ' ')" = "account-executive.html index.html ladder.json software-engineer.html " ] \
	|| fail "-f html,json wrote: $(ls sub)"
"$ladderc" build -o sub -f pdf "$seq" 2>/dev/null; [ $? = 2 ] || fail "-f pdf was accepted"
ok "-f picks formats"

# 5. a failed build leaves the old output exactly as it was
snapshot out >before
ino=$(ls -di out | cut -d' ' -f1)
printf 'ladder: 2\nid: broken\n' >bad.yaml
"$ladderc" build bad.yaml 2>err; st=$?
[ $st = 1 ] || fail "bad ladder: exit $st"
grep -q "left as it was" err || fail "bad ladder: no word on the output: $(cat err)"
snapshot out >after
cmp -s before after || fail "a failed build changed out/"
[ "$(ls -di out | cut -d' ' -f1)" = "$ino" ] || fail "a failed build replaced out/"
"$ladderc" build "$seq" missing.yaml 2>/dev/null; [ $? = 2 ] || fail "missing file: wrong exit"
snapshot out >after
cmp -s before after || fail "a build with a missing file changed out/"
no_leftovers
ok "a failed build leaves out/ untouched and no temporary files"

# 6. leftovers of killed builds are removed; a live build's are not
mkdir .out.tmp-2147483646 .out.old-2147483645 ".out.tmp-$$"
echo partial >.out.tmp-2147483646/index.html
"$ladderc" build "$seq" || fail "build with leftovers"
[ ! -e .out.tmp-2147483646 ] && [ ! -e .out.old-2147483645 ] || fail "leftovers of a dead build stayed"
[ -d ".out.tmp-$$" ] || fail "the temporary directory of a running process was removed"
rmdir ".out.tmp-$$"
ok "leftovers of killed builds are removed"

# 7. symbolic links planted in the output are replaced, never followed
echo precious >target
mkdir targetdir && echo precious >targetdir/keep
rm out/index.html && ln -s ../target out/index.html
ln -s ../targetdir out/ladder
"$ladderc" build "$seq" || fail "build over symlinks"
[ -f out/index.html ] && [ ! -L out/index.html ] || fail "out/index.html is still a link"
[ ! -e out/ladder ] || fail "the planted link out/ladder stayed"
[ "$(cat target)" = precious ] && [ "$(cat targetdir/keep)" = precious ] || fail "a link was followed"
ln -s out linkdir
"$ladderc" build -o linkdir "$seq" 2>err; [ $? = 2 ] || fail "-o a symlink was accepted"
ok "planted links are replaced, never followed"

# 8. build never replaces what it did not write
mkdir mine && echo keep >mine/notes.txt
"$ladderc" build -o mine "$seq" 2>err; [ $? = 2 ] || fail "a foreign directory was replaced"
grep -q "refusing to replace 'mine'" err || fail "foreign directory: $(cat err)"
[ "$(cat mine/notes.txt)" = keep ] || fail "a foreign directory was touched"
echo text >plainfile
"$ladderc" build -o plainfile "$seq" 2>err; [ $? = 2 ] || fail "-o a file was accepted"
[ "$(cat plainfile)" = text ] || fail "a file was replaced"
"$ladderc" build -o . "$seq" 2>/dev/null; [ $? = 2 ] || fail "-o . was accepted"
mkdir empty && "$ladderc" build -o empty "$seq" || fail "an empty directory was refused"
ok "foreign directories, files and . are refused; an empty directory is used"

# 9. write errors: a clear message naming the path, exit 2, nothing left
"$ladderc" build -o plainfile/site "$seq" 2>err; st=$?
[ $st = 2 ] || fail "parent is a file: exit $st"
grep -q "plainfile" err || fail "the error does not name the path: $(cat err)"
"$ladderc" build -o deep/er/site "$seq" || fail "missing parents are not created"
if [ "$(id -u)" != 0 ]; then
	mkdir ro && "$ladderc" build -o ro/site "$seq" && chmod 555 ro
	snapshot ro/site >before
	"$ladderc" build -o ro/site "$example" 2>err; st=$?
	chmod 755 ro
	[ $st = 2 ] || fail "unwritable parent: exit $st"
	grep -q "ro/.site.tmp-" err || fail "unwritable parent: $(cat err)"
	snapshot ro/site >after
	cmp -s before after || fail "unwritable parent: the old output changed"
	ok "an unwritable parent is a clear error and leaves the output"
else
	echo "skip: unwritable parent (running as root, permissions do not apply)"
fi
if [ -w /dev/full ]; then
	"$ladderc" render -f html "$seq" >/dev/full 2>err; [ $? = 2 ] || fail "render to a full device: not exit 2"
fi
ok "write errors exit 2 with the path"

# 9b. the old output cannot be removed (an immutable file, even for root):
# the new site is in place, the old one is kept aside, exit 2 with the reason
"$ladderc" build -o stuck "$example" || fail "stuck: first build"
if chattr +i stuck/index.html 2>/dev/null; then
	"$ladderc" build -o stuck "$seq" 2>err; st=$?
	[ $st = 2 ] || fail "stuck: exit $st"
	grep -q "cannot remove the old output, now at '\./\.stuck\.tmp-[0-9]*': Operation not permitted" err ||
		fail "stuck: $(cat err)"
	[ -f stuck/software-engineer.html ] || fail "stuck: the new site is not in place"
	ls -a | grep -q '^\.stuck\.tmp-' || fail "stuck: the old output is not kept aside"
	chattr -R -i . 2>/dev/null
	ok "an old output that cannot be removed is a clear error after the swap"
else
	echo "skip: old output that cannot be removed (no chattr +i on this file system)"
fi

# 10. durable: every file of the new site is fsync'ed before the swap makes it
# visible (pages are written without waiting and synced together at the end)
if command -v strace >/dev/null 2>&1; then
	# (LeakSanitizer cannot run under ptrace: leaks are the other runs' to find)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -f -o trace -e trace=openat,fsync,renameat,renameat2 "$ladderc" build -o durable "$seq" "$example" \
		>/dev/null 2>err || fail "durable: build under strace: $(head -5 err)"
	awk '
		# file names created in the new tree (relative to its directory, which
		# leaves out a wrapper log); fds (of the thread-free commit) to names
		/openat\([0-9]+, "/ && /O_CREAT/ { if (match($0, /"[^"]*"/)) created[substr($0, RSTART + 1, RLENGTH - 2)]++ }
		/openat\(/ && / = [0-9]+$/ { if (match($0, /"[^"]*"/)) name[$NF] = substr($0, RSTART + 1, RLENGTH - 2) }
		/fsync\([0-9]+\)/ && !swapped { if (match($0, /fsync\([0-9]+/)) synced[name[substr($0, RSTART + 6, RLENGTH - 6)]]++ }
		/renameat2?\(/ { swapped = 1 }
		END {
			n = 0
			# a name in several ladders directories is created, and synced, once in each
			for (f in created) { n += created[f]; if (synced[f] < created[f]) { print "not fsynced before the swap: " f; bad = 1 } }
			if (n < 10 || !swapped) { print "the trace shows " n " files and " (swapped ? "a" : "no") " swap"; bad = 1 }
			exit bad
		}' trace >why || fail "durable: $(cat why)"
	ok "every file is fsync'ed before the swap"
else
	echo "skip: durable (strace is not installed)"
fi
exit 0
