#!/bin/bash
# The shell completions (completions/) against the binary: every command,
# option, format, lint rule and --tracks value that ladderc accepts must be
# offered, and everything offered must be accepted. Then bash completion runs
# for real (the function called as bash calls it), and the zsh script is
# syntax-checked and its lists compared (skipped, exit 77, without zsh).
#   tests/completion.sh LADDERC SOURCE_DIR
set -u
ladderc=$1
src=$2
bash_script=$src/completions/ladderc.bash
zsh_script=$src/completions/_ladderc
ladder=$src/ladders/example/ladder.yaml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
sorted() { tr ' ,' '\n\n' | sed '/^$/d' | sort -u; }
same() { # NAME WANT GOT
	[ "$2" = "$3" ] || { bad "$1 differ (binary vs completion):"; diff <(echo "$2") <(echo "$3"); }
}
bash_list() { bash -c 'source "$1"; eval "printf \"%s\\n\" \"\${$2[@]}\""' _ "$bash_script" "$1" | sorted; }
known() { # the "(known: a, b)" list of a usage error
	"$ladderc" "$@" 2>&1 >/dev/null | sed -n 's/.*(known: \(.*\)).*/\1/p' | sorted
}

# ---- the binary's lists ------------------------------------------------------
commands=$("$ladderc" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 {print $1}' | sorted)
options_of() { # every -x and --long[=] in a command's help, and -h --help
	{ "$ladderc" help "$1" | sed -n '/^Options:/,/^$/p' | cut -c1-25 |
		grep -oE '(^|[ ,])--?[a-zA-Z][a-z-]*=?' | tr -d ' ,'; printf '%s\n' -h --help; } | sorted
}
rules=$("$ladderc" check -f sarif "$ladder" | grep -oE '"id": "[a-z-]+"' | sed 's/.*: "\(.*\)"/\1/' | sorted)
check_formats=$(known check -f '?' "$ladder")
render_formats=$(known render -f '?' "$ladder")
diff_formats=$(known diff -f '?' "$ladder" "$ladder")
assess_formats=$(known assess -f '?' "$ladder" "$ladder")
build_formats=$("$ladderc" help build | sed -n 's/.*subset of \([a-z,]*\).*/\1/p' | sorted)
tracks=$(known init --tracks '?')
[ -n "$commands" ] && [ -n "$rules" ] && [ -n "$check_formats" ] && [ -n "$build_formats" ] && [ -n "$tracks" ] ||
	{ bad "could not read the lists from the binary"; exit 1; }

# ---- bash: the lists -----------------------------------------------------------
same commands "$commands" "$(bash_list _ladderc_commands)"
for c in check render diff build init import assess; do
	same "$c options" "$(options_of $c)" "$(bash_list _ladderc_${c}_options)"
done
same rules "$rules" "$(bash_list _ladderc_rules)"
same "--tracks values" "$tracks" "$(bash_list _ladderc_tracks)"
same "build formats" "$build_formats" "$(bash_list _ladderc_build_formats)"
# every canonical name is offered, and every name offered (aliases too) works
for c in check render diff assess; do
	want=$(eval echo "\$${c}_formats" | sorted)
	got=$(bash_list _ladderc_${c}_formats)
	missing=$(comm -23 <(echo "$want") <(echo "$got"))
	[ -z "$missing" ] || bad "$c formats not offered: $missing"
	for f in $got; do
		case $c in
		diff) "$ladderc" diff -f "$f" "$ladder" "$ladder" >/dev/null 2>&1 ;;
		assess) "$ladderc" assess -f "$f" --as-of 2026-12-01 "$ladder" "$src/ladders/example/ratings.yaml" >/dev/null 2>&1 ;;
		*) "$ladderc" "$c" -f "$f" "$ladder" >/dev/null 2>&1 ;;
		esac
		[ $? = 0 ] || bad "$c -f $f is offered but not accepted"
	done
done

# ---- bash: completion for real ---------------------------------------------------
complete_bash() { # the words of a command line, the last one being completed
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"
		_ladderc; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_script" "$@" | sort
}
expect() { # WANT WORDS...
	want=$(printf '%s\n' $1 | sort)
	got=$(complete_bash "${@:2}")
	[ "$want" = "$got" ] || bad "completing '${*:2}': want [$(echo $want)], got [$(echo $got)]"
}
expect "check" ladderc che
expect "help" ladderc he
expect "--strict" ladderc check --st
expect "sarif" ladderc check -f sa
expect "md markdown" ladderc render -f m
expect "json" ladderc render --format=j
expect "no-vague-language" ladderc check -W no-va
expect "track-parity too-few-competencies too-many-competencies" ladderc check -W t
expect "single" ladderc init --tracks s
expect "dual" ladderc init --tracks=d
expect "--tracks= --name= --help" ladderc init --
expect "html,csv html,json html,markdown" ladderc build -f html,
expect "render" ladderc help ren
expect "tsv" ladderc import --from t
expect "--restated --role=" ladderc import --r
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
mkdir "$work/sub" && : >"$work/ladder.yaml"
(cd "$work" && [ "$(complete_bash ladderc check lad)" = ladder.yaml ]) || bad "check does not complete file names"
(cd "$work" && [ "$(complete_bash ladderc init "")" = sub ]) || bad "init does not complete directories"

# ---- zsh ------------------------------------------------------------------------
if ! command -v zsh >/dev/null; then
	echo "SKIP: zsh is not installed (the Debian package zsh); the zsh completion was not checked"
	[ $fail = 0 ] && exit 77
	exit $fail
fi
zsh -n "$zsh_script" || bad "zsh: syntax error in _ladderc"
zsh_list() { # runs the script's assignments (not its completion calls) and prints one list
	zsh -c "$(sed -n '/^check_formats=/,/^tracks=/p' "$zsh_script"); print -l \${(@)$1}" | sorted
}
same "zsh commands" "$commands" "$(sed -n "/^commands=(/,/^)/s/^ *'\([a-z]*\):.*/\1/p" "$zsh_script" | sorted)"
same "zsh rules" "$rules" "$(zsh_list rules)"
same "zsh --tracks values" "$tracks" "$(zsh_list tracks)"
for c in check render diff build assess; do
	same "zsh $c formats" "$(bash_list _ladderc_${c}_formats)" "$(zsh_list ${c}_formats)"
done
# every long option of every command appears in the zsh script's branch for it
for c in check render diff build init import assess; do
	branch=$(sed -n "/^  $c)/,/;;/p" "$zsh_script")
	[[ $c == init ]] || branch+=$(sed -n "/^load=(/,/^)/p" "$zsh_script")
	for o in $(options_of $c | grep -- '^--' | tr -d =); do
		grep -q -- "'\\*\\?$o\\|{-[a-zA-Z]+*,$o" <<<"$branch" || bad "zsh: $c does not offer $o"
	done
done
exit $fail
