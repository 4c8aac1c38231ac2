#!/usr/bin/env python3
"""Writes the Sequence ladder's competency table (seed 001) as the files a
company would hand to `ladderc import`: two Excel CSV exports (UTF-8 with a
byte order mark, CRLF, merged group cells exported as blank cells, headers
such as "Junior (IC1)"), one with ',' and one with ';' (Excel in European
locales), and a Notion-style Markdown export (<br> line breaks, \\| bars).

The files are committed (tests/import/sequence-*); this script is how they
were made, from `ladderc render -f json ladders/sequence.yaml`:
    python3 tests/import/make_sequence_tables.py build/ladderc
"""
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
ladder = os.path.join(here, '..', '..', 'ladders', 'sequence.yaml')
model = json.loads(subprocess.check_output([sys.argv[1], 'render', '-f', 'json', ladder]))
levels = [('IC1', 'Junior'), ('IC2', 'Mid-level'), ('E3', 'Senior'), ('E4', 'Staff'), ('E5', 'Principal'),
          ('E6', 'Senior Principal')]
rows = [['Group', 'Competency'] + ['%s (%s)' % (name, id) for id, name in levels]]
for group in model['groups']:
    for i, comp in enumerate(group['competencies']):
        rows.append([group['name'] if i == 0 else '', comp['name']] +
                    [comp['levels'].get(id, '') for id, _ in levels])


def csv_cell(text, delimiter):
    if any(c in text for c in (delimiter, '"', '\n', '\r')):
        return '"' + text.replace('"', '""') + '"'
    return text


for delimiter, name in ((',', 'sequence-comma.csv'), (';', 'sequence-semicolon.csv')):
    text = ''.join(delimiter.join(csv_cell(c, delimiter) for c in row) + '\r\n' for row in rows)
    with open(os.path.join(here, name), 'wb') as f:
        f.write(b'\xef\xbb\xbf' + text.encode())


def md_cell(text):
    return text.replace('|', '\\|').replace('\n', '<br>')


with open(os.path.join(here, 'sequence-notion.md'), 'w') as f:
    f.write('# Career Ladder: Individual Contributor\n\nThe expectations at each level are cumulative.\n\n')
    f.write('| ' + ' | '.join(md_cell(c) for c in rows[0]) + ' |\n')
    f.write('|' + '|'.join('---' for _ in rows[0]) + '|\n')
    for row in rows[1:]:
        f.write('| ' + ' | '.join(md_cell(c) for c in row) + ' |\n')
