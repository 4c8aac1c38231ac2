#!/usr/bin/env python3
"""The editor schema (`ladderc schema`, docs/ladder.schema.json) against the
loader, with a real validator (python3-jsonschema, draft 2020-12):

1. every key in the loader's key tables (src/load_file.c, src/load_model.c)
   is a property of the matching object in the schema;
2. every YAML ladder under ladders/ and tests/ that `ladderc check` accepts,
   every file such a ladder includes and the starter ladders `ladderc init`
   writes are valid by the schema;
3. a table of bad inputs, each rejected by `check`, says whether the schema
   rejects it too; the expected column (the structural mistakes: unknown
   keys, wrong types, missing keys, bad ids ...) must hold, so the schema
   cannot get looser unnoticed.

YAML is read as an editor's yaml-language-server reads it (YAML 1.2 core:
`no` and 2026-01-15 are strings), keys as their text.

    tests/schema_test.py LADDERC SOURCE_DIR
Exits 77 (skipped) when python3-jsonschema or python3-yaml is missing."""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"SKIP: {e.name} is missing (Debian: python3-jsonschema, python3-yaml)")
    sys.exit(77)

LADDERC, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


# ---- YAML as yaml-language-server reads it (YAML 1.2 core schema) ----------

class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    base = 16 if "0x" in text else 8 if "0o" in text else 10
    return int(text.replace("0x", "").replace("0o", ""), base)


def construct_mapping(loader, node):
    loader.flatten_mapping(node)
    out = {}
    for k, v in node.value:
        key = k.value if isinstance(k, yaml.ScalarNode) else json.dumps(loader.construct_object(k, deep=True))
        out[key] = loader.construct_object(v, deep=True)
    return out


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def read_yaml(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.load(f, Loader=Yaml12Loader)


# ---- the schema ---------------------------------------------------------------

out = subprocess.run([LADDERC, "schema"], capture_output=True)
if out.returncode != 0:
    print("FAIL: ladderc schema exited", out.returncode, out.stderr.decode(errors="replace"))
    sys.exit(1)
schema = json.loads(out.stdout)
validator_class = jsonschema.Draft202012Validator
validator_class.check_schema(schema)
format_checker = getattr(validator_class, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
validator = validator_class(schema, format_checker=format_checker)


def schema_errors(doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


# ---- 1. every key the loader knows is in the schema --------------------------

objects = {"top": schema, "track": "track", "level": "level", "group": "group", "comp": "competency",
           "role": "role", "criteria": "promotion", "into": "criteria", "path": "path", "lint": "lint",
           "link": "link"}
tables = 0
for name in ("src/load_file.c", "src/load_model.c"):
    with open(os.path.join(SRC, name)) as f:
        text = f.read()
    for m in re.finditer(r"lc_load_(\w+)_keys\[\] = \{([^}]*)\}", text):
        tables += 1
        table, keys = m.group(1), re.findall(r'"([^"]+)"', m.group(2))
        target = objects.get(table)
        if target is None:
            fail(f"{name}: the loader's table lc_load_{table}_keys has no object in this test's list")
            continue
        obj = target if isinstance(target, dict) else schema["$defs"].get(target, {})
        props = obj.get("properties", {})
        for key in keys:
            if key not in props:
                fail(f"the loader's key {key!r} (lc_load_{table}_keys) is not in the schema")
        for key in props:
            if key not in keys:
                fail(f"the schema's key {key!r} is not in the loader's lc_load_{table}_keys")
if tables != len(objects):
    fail(f"found {tables} key tables in the loader, expected {len(objects)}")
print(f"keys: {tables} loader tables, every key in the schema")


# ---- 2. every ladder `check` accepts is valid by the schema ------------------

def check(path, cwd=None):
    return subprocess.run([LADDERC, "check", path], capture_output=True, cwd=cwd).returncode


def includes_of(path):
    try:
        doc = read_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError):
        return []
    inc = doc.get("include") if isinstance(doc, dict) else None
    base = os.path.dirname(path)
    return [os.path.normpath(os.path.join(base, p)) for p in inc or [] if isinstance(p, str)]


ladders = []
for top in ("ladders", "tests"):
    for d, dirs, files in os.walk(os.path.join(SRC, top)):
        dirs[:] = sorted(x for x in dirs if x != "node_modules")
        ladders += [os.path.join(d, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]

# the starter ladders `ladderc init` writes, too
starters = tempfile.TemporaryDirectory()
for layout in ("single", "dual"):
    d = os.path.join(starters.name, layout)
    subprocess.run([LADDERC, "init", "--tracks", layout, d], capture_output=True, check=True)
    ladders.append(os.path.join(d, "ladder.yaml"))

valid = []
for path in ladders:
    if check(path) != 0:
        continue
    pending = [path]
    while pending:
        p = pending.pop()
        if p not in valid:
            valid.append(p)
            pending += includes_of(p)
for path in valid:
    rel = os.path.relpath(path, SRC)
    try:
        errors = schema_errors(read_yaml(path))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        fail(f"{rel}: check accepts it but Python cannot read it: {e}")
        continue
    for e in errors[:3]:
        fail(f"{rel}: check accepts it, the schema does not: at {'/'.join(map(str, e.absolute_path))}: {e.message}")
print(f"valid: {len(valid)} ladders and included files that check accepts (of {len(ladders)} YAML files)")


# ---- 3. bad inputs: what the schema rejects too -----------------------------

BASE = """ladder: 1
id: t
name: T
tracks:
  - id: IC
    name: Individual
    levels:
      - {id: IC1, name: Junior}
      - {id: IC2, name: Mid, title: "Mid {role}"}
  - id: E
    name: Expert
    from: IC2
    levels:
      - {id: E3, name: Senior}
groups:
  - id: core
    name: Core
    competencies:
      - id: craft
        name: Craft
        levels: {IC1: Writes code., IC2: Designs components.}
roles:
  - {id: eng, name: Engineer, family: Engineering}
  - {id: pm, name: Product Manager}
"""


def edit(old, new):
    assert old in BASE, old
    return BASE.replace(old, new, 1)


# (name, kind, files {name: text}; the first is checked, the last validated).
# kind: "structural" (the schema must reject it too), "whole-ladder" (only
# the whole ladder shows it: the schema accepts), "accepted" (both accept).
CASES = [
    ("extensions x- anywhere", "accepted",
     {"l.yaml": edit("roles:\n", "x-owner: hr\nroles:\n  - {id: qa, name: QA, x-note: new}\n")}),
    ("promotion and paths", "accepted",
     {"l.yaml": BASE + "promotion: {scale: 5, min_average: 3.5, min_each: 3, time_in_level: 2 quarters,\n"
      "  into: {E3: {evidence: [Led a project.]}}}\npaths: [{from: eng, to: pm, gaps: [Roadmaps]}]\n"}),
    ("proficiency levels and cells as mappings", "accepted",
     {"l.yaml": edit("levels: {IC1: Writes code., IC2: Designs components.}",
                     "levels: {IC1: {text: Writes code., proficiency: basic, examples: [A fix.]},\n"
                     "                 IC2: {proficiency: working}}") + "proficiency: [{id: basic, name: Basic},\n"
      "  {id: working, name: Working, description: Alone.}]\n"}),
    ("a cell with neither text nor proficiency", "structural",
     {"l.yaml": edit("IC2: Designs components.", "IC2: {examples: [A design.]}")}),
    ("unknown key", "structural", {"l.yaml": edit("family: Engineering", "famly: Engineering")}),
    ("unknown top-level key", "structural", {"l.yaml": BASE + "colour: blue\n"}),
    ("missing ladder", "structural", {"l.yaml": edit("ladder: 1\n", "")}),
    ("format version 2", "structural", {"l.yaml": edit("ladder: 1", "ladder: 2")}),
    ("missing id", "structural", {"l.yaml": edit("id: t\n", "")}),
    ("missing tracks", "structural", {"l.yaml": "ladder: 1\nid: t\nname: T\n"}),
    ("level without name", "structural", {"l.yaml": edit("{id: IC1, name: Junior}", "{id: IC1}")}),
    ("track without levels", "structural", {"l.yaml": edit("    levels:\n      - {id: E3, name: Senior}",
                                                           "    levels: []")}),
    ("wrong type: roles a mapping", "structural",
     {"l.yaml": edit("roles:\n  - {id: eng,", "roles:\n  {id: eng,").replace(
         "\n  - {id: pm, name: Product Manager}", "")}),
    ("wrong type: title a mapping", "structural", {"l.yaml": edit('title: "Mid {role}"', "title: {role}")}),
    ("wrong type: levels a list", "structural",
     {"l.yaml": edit("levels: {IC1: Writes code., IC2: Designs components.}", "levels: [Writes code.]")}),
    ("bad id pattern", "structural", {"l.yaml": edit("id: t\n", "id: not an id\n")}),
    ("id starting with '-'", "structural", {"l.yaml": edit("{id: pm,", "{id: -pm,")}),
    ("id of 101 characters", "structural", {"l.yaml": edit("{id: pm,", "{id: " + "p" * 101 + ",")}),
    ("bad level id as a key", "structural",
     {"l.yaml": edit("IC2: Designs components.", "I C2: Designs components.")}),
    ("name of two lines", "structural", {"l.yaml": edit("name: T\n", 'name: "T\\nU"\n')}),
    ("name with a bidi control", "structural", {"l.yaml": edit("name: T\n", 'name: "T\\u202e"\n')}),
    ("empty name", "structural", {"l.yaml": edit("name: T\n", 'name: ""\n')}),
    ("unknown placeholder", "structural", {"l.yaml": edit('"Mid {role}"', '"Mid {rank}"')}),
    ("empty expectation", "structural", {"l.yaml": edit("IC2: Designs components.", "IC2:")}),
    ("a track listed twice", "structural", {"l.yaml": edit("family: Engineering}", "tracks: [IC, IC]}")}),
    ("scale 101", "structural", {"l.yaml": BASE + "promotion: {scale: 101}\n"}),
    ("minimum rating without scale", "structural", {"l.yaml": BASE + "promotion: {min_average: 3}\n"}),
    ("min_each 0", "structural", {"l.yaml": BASE + "promotion: {scale: 5, min_each: 0}\n"}),
    ("min_each a fraction", "structural", {"l.yaml": BASE + "promotion: {scale: 5, min_each: 2.5}\n"}),
    ("unknown lint rule", "structural", {"l.yaml": BASE + "lint: {disable: [no-such-rule]}\n"}),
    ("path without 'to'", "structural", {"l.yaml": BASE + "paths: [{from: eng}]\n"}),
    ("absolute include path", "structural", {"l.yaml": BASE + "include: [/etc/roles.yaml]\n"}),
    ("included file sets 'name'", "structural",
     {"l.yaml": BASE + "include: [part.yaml]\n", "part.yaml": "ladder: 1\nname: Other\nroles: []\n"}),
    ("included file's unknown key", "structural",
     {"l.yaml": BASE + "include: [part.yaml]\n", "part.yaml": "ladder: 1\nrolse: []\n"}),
    ("unknown level", "whole-ladder", {"l.yaml": edit("IC2: Designs components.", "L3: Leads.")}),
    ("duplicate level id", "whole-ladder", {"l.yaml": edit("{id: E3, name: Senior}", "{id: IC1, name: Senior}")}),
    ("first track with 'from'", "whole-ladder", {"l.yaml": edit("name: Individual\n", "name: Individual\n    from: E3\n")}),
    ("path to the same role", "whole-ladder", {"l.yaml": BASE + "paths: [{from: eng, to: eng}]\n"}),
    ("path to an unknown role", "whole-ladder", {"l.yaml": BASE + "paths: [{from: eng, to: ops}]\n"}),
    ("{family} without a family", "whole-ladder", {"l.yaml": edit('"Mid {role}"', '"Mid {family}"')}),
]

# The golden check inputs (tests/golden/check/*/bad.yaml): each must be here.
# "not YAML": the YAML reading itself fails (the editor's YAML parser says so).
GOLDEN = {
    "bom": "structural", "crlf": "structural", "empty-file": "structural", "many-errors": "structural",
    "two-files": "structural", "unknown-key": "structural", "unknown-key-swapped": "structural",
    "wrong-type": "structural", "title-mapping": "structural", "link-scheme": "structural",
    "unknown-level": "whole-ladder", "role-levels-gap": "whole-ladder", "role-levels-unknown": "whole-ladder",
    "role-level-text-outside": "whole-ladder", "scope-outside": "whole-ladder",
    "scope-unknown": "structural",  # a role listed twice: the schema says unique
    "proficiency-shape": "structural", "proficiency-not-list": "structural",
    "proficiency-unknown": "whole-ladder", "proficiency-duplicate": "whole-ladder", "proficiency-none": "whole-ladder",
    # the loader is stricter than YAML: PyYAML keeps the last of duplicate
    # keys (yaml-language-server reports them itself)
    "duplicate-key": "whole-ladder",
    "invalid-utf8": "not YAML", "second-document": "not YAML", "tab": "not YAML",
    "terminal-controls": "not YAML", "title-brace": "not YAML", "unclosed-quote": "not YAML",
}
EXPECT = {"structural": "rejects", "whole-ladder": "accepts", "accepted": "accepts", "not YAML": "not YAML"}


def schema_verdict(path):
    try:
        doc = read_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError):
        return "not YAML"
    return "rejects" if schema_errors(doc) else "accepts"


rows = []
with tempfile.TemporaryDirectory() as tmp:
    for i, (name, kind, files) in enumerate(CASES):
        d = os.path.join(tmp, str(i))
        os.mkdir(d)
        for fname, text in files.items():
            with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                f.write(text)
        names = list(files)
        rows.append((name, kind, check(names[0], cwd=d), schema_verdict(os.path.join(d, names[-1]))))
golden_dir = os.path.join(SRC, "tests/golden/check")
for case in sorted(os.listdir(golden_dir)):
    bad = os.path.join(golden_dir, case, "bad.yaml")
    if not os.path.exists(bad) or check("bad.yaml", cwd=os.path.dirname(bad)) == 0:
        continue
    if case not in GOLDEN:
        fail(f"tests/golden/check/{case}: a bad input this test does not know; add it to GOLDEN")
        continue
    rows.append((f"golden/check/{case}", GOLDEN[case], 1, schema_verdict(bad)))

width = max(len(r[0]) for r in rows)
print(f"\n{'input':{width}}  {'kind':12}  check      schema     expected")
for name, kind, status, verdict in rows:
    checked = "accepts" if status == 0 else "rejects"
    want_check = "accepts" if kind == "accepted" else "rejects"
    want = EXPECT[kind]
    mark = "" if (verdict, checked) == (want, want_check) else "   <-- WRONG"
    print(f"{name:{width}}  {kind:12}  {checked:9}  {verdict:9}  {want}{mark}")
    if mark:
        fail(f"{name}: check {checked} (expected {want_check}), schema {verdict} (expected {want})")
print()

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
