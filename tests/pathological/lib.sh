# Helpers for the case files of the pathological suite (sourced by run.sh).

# A valid ladder's head: version, id and name.
ladder_head() {
	printf 'ladder: 1\nid: t\nname: T\n'
}

# A valid minimal ladder: one track of two levels, one role, one group.
small_ladder() {
	ladder_head
	printf 'tracks:\n  - id: IC\n    name: IC\n    levels:\n      - {id: IC1, name: One}\n      - {id: IC2, name: Two}\n'
	printf 'roles:\n  - {id: eng, name: Engineer}\n'
	printf 'groups:\n  - id: g\n    name: G\n    competencies:\n      - id: c\n        name: C\n        levels: {IC1: Does things., IC2: Does more.}\n'
}

# A track with N levels L0..L(N-1).
track_of() {
	awk -v n="$1" 'BEGIN {
		print "  - id: T"; print "    name: T"; print "    levels:"
		for (i = 0; i < n; i++) printf "      - {id: L%d, name: Level %d}\n", i, i
	}'
}

# N roles r0..r(N-1).
roles_of() {
	awk -v n="$1" 'BEGIN { print "roles:"; for (i = 0; i < n; i++) printf "  - {id: r%d, name: Role %d}\n", i, i }'
}

# N copies of a string, no separator.
repeat() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}
