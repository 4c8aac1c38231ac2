# bash completion for ladderc(1): commands, options, format names, lint rule
# names for -W, --tracks, --from and --delimiter values, and file names otherwise.
# tests/completion.sh compares these lists with what the binary accepts, so a
# command, option, format or rule added to ladderc fails the tests until it is
# added here (and in _ladderc, the zsh completion).

_ladderc_commands=(check render diff build init import assess schema help version)
_ladderc_load_options=(--max-input= --max-errors= --color=)
_ladderc_check_options=(-f --format= --strict --max-warnings= -W -h --help "${_ladderc_load_options[@]}")
_ladderc_render_options=(-f --format= --role= --track= --level= --next --overview --layout= --bom --width= --sheet --since= -h --help "${_ladderc_load_options[@]}")
_ladderc_diff_options=(-f --format= --role= --track= --level= -h --help "${_ladderc_load_options[@]}")
_ladderc_build_options=(-o --output= -f --formats= --since= -h --help "${_ladderc_load_options[@]}")
_ladderc_init_options=(--tracks= --name= -h --help)
_ladderc_import_options=(--from= --delimiter= --track= --role= --restated --into= --force -o --output= -h --help "${_ladderc_load_options[@]}")
_ladderc_assess_options=(-f --format= --as-of= --person= --team --aspirational= --not-a-bar= -o --output= -h --help "${_ladderc_load_options[@]}")
_ladderc_check_formats=(text json github sarif codeclimate)
_ladderc_render_formats=(markdown md html csv text txt json)
_ladderc_diff_formats=(text markdown html json)
_ladderc_build_formats=(html markdown csv json)
_ladderc_assess_formats=(text markdown html csv json)
_ladderc_rules=(vague-language same-as-previous near-duplicate missing-description level-count
	too-many-competencies too-few-competencies track-parity missing-crossover duplicate-title
	missing-promotion-criteria proficiency-drop)
_ladderc_tracks=(single dual)
_ladderc_colors=(auto always never)
_ladderc_layouts=(long matrix)
_ladderc_import_formats=(csv tsv markdown md)
_ladderc_delimiters=(, \; tab)

# Completes the value of an option: $1 the command, $2 the option, $3 the word so far.
_ladderc_value()
{
	local words=()
	case $2 in
	-f | --format | --formats)
		local list="_ladderc_${1}_formats[@]"
		if [ "$1" = build ]; then
			# a comma-separated list: complete the last item
			local done_part=${3%"${3##*,}"}
			local f
			for f in "${_ladderc_build_formats[@]}"; do
				[[ ,$done_part == *,$f,* ]] || words+=("$done_part$f")
			done
			mapfile -t COMPREPLY < <(compgen -W "${words[*]}" -- "$3")
			return 0
		fi
		words=("${!list}") ;;
	-W)
		local r
		for r in "${_ladderc_rules[@]}"; do words+=("$r" "no-$r"); done ;;
	--tracks) words=("${_ladderc_tracks[@]}") ;;
	--color) words=("${_ladderc_colors[@]}") ;;
	--layout) words=("${_ladderc_layouts[@]}") ;;
	--from) words=("${_ladderc_import_formats[@]}") ;;
	--into)
		mapfile -t COMPREPLY < <(compgen -f -- "$3")
		return 0 ;;
	--delimiter) words=("${_ladderc_delimiters[@]}") ;;
	-o | --output)
		# build replaces a directory; import and assess write a file
		if [ "$1" = build ]; then
			mapfile -t COMPREPLY < <(compgen -d -- "$3")
		else
			mapfile -t COMPREPLY < <(compgen -f -- "$3")
		fi
		return 0 ;;
	--since)
		mapfile -t COMPREPLY < <(compgen -f -- "$3")
		return 0 ;;
	*) return 1 ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "${words[*]}" -- "$3")
	return 0
}

_ladderc()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()
	if [ "$COMP_CWORD" -eq 1 ]; then
		mapfile -t COMPREPLY < <(compgen -W "${_ladderc_commands[*]} -h --help -V --version" -- "$cur")
		return 0
	fi
	local cmd=${COMP_WORDS[1]}
	case $cmd in
	help)
		[ "$COMP_CWORD" -eq 2 ] && mapfile -t COMPREPLY < <(compgen -W "${_ladderc_commands[*]}" -- "$cur")
		return 0 ;;
	version | schema) return 0 ;;
	check | render | diff | build | init | import | assess) ;;
	*) return 0 ;;
	esac
	# --option=value in one word
	if [[ $cur == --*=* ]]; then
		_ladderc_value "$cmd" "${cur%%=*}" "${cur#*=}"
		return 0
	fi
	# a value after an option that takes one (COMP_WORDBREAKS may split at '=')
	if [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 3 ]; then
		_ladderc_value "$cmd" "${COMP_WORDS[COMP_CWORD-2]}" "$cur" && return 0
	fi
	case $prev in
	-f | --format | --formats | -W | --tracks | --color | --layout | --from | --delimiter | --into | -o | --output)
		_ladderc_value "$cmd" "$prev" "$cur" && return 0 ;;
	--name | --role | --track | --level | --width | --max-input | --max-errors | --max-warnings | --as-of | --person | --aspirational | --not-a-bar)
		return 0 ;; # free text
	esac
	if [[ $cur == -* ]]; then
		local list="_ladderc_${cmd}_options[@]"
		local options=("${!list}")
		mapfile -t COMPREPLY < <(compgen -W "${options[*]}" -- "$cur")
		# no space after "--option=", so the value can follow
		[[ ${COMPREPLY[0]-} == *= ]] && compopt -o nospace 2>/dev/null
		return 0
	fi
	if [ "$cmd" = init ]; then
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
	else
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
	return 0
}
complete -o filenames -F _ladderc ladderc
