#!/usr/bin/env python3
"""Prints the body of the fenced block after `<!-- recipe: NAME -->` in a
Markdown file: ci_recipes_extract.py FILE NAME. Exit 1 when there is none."""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<!-- recipe: " + re.escape(sys.argv[2]) + r" -->\n```[a-z]*\n(.*?)\n```\n", text, re.S)
if not m:
    sys.exit(f"ci_recipes_extract: no recipe '{sys.argv[2]}' in {sys.argv[1]}")
print(m.group(1))
