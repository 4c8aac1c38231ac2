#!/usr/bin/env python3
"""Compares the competency texts of two ladders, cell by cell, through
`ladderc render -f json`: (group name, competency name, level id) -> text.
    cells.py [--no-groups] LADDERC EXPECTED.yaml ACTUAL.yaml
--no-groups leaves the group name out (render's CSV names groups by id only).
Prints the number of equal cells, or every cell that differs (exit 1)."""
import json
import subprocess
import sys


groups = sys.argv[1] != '--no-groups'
args = sys.argv[1 if groups else 2:]


def cells(path):
    model = json.loads(subprocess.check_output([args[0], 'render', '-f', 'json', path]))
    return {(g['name'] if groups else '', c['name'], level): text
            for g in model['groups'] for c in g['competencies'] for level, text in c['levels'].items()}


want, got = cells(args[1]), cells(args[2])
if want != got:
    for key in sorted(set(want) | set(got)):
        if want.get(key) != got.get(key):
            print('cell %s: expected %r, got %r' % (key, want.get(key), got.get(key)))
    sys.exit(1)
print('%d cells equal' % len(want))
