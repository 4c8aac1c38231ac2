#!/usr/bin/env python3
"""Hostile text in every field cannot produce markup, a link, a formula or a
broken table in any output: render tests/hostile/ladder.yaml (and a ladder of
control characters) in every format and view, and parse the results back.

  tests/output_safety.py LADDERC

- HTML: parsed with html.parser; no <script>, <style>, <img> or <iframe>
  other than the page's own, no on*= attribute, no href/src with a scheme
  other than http, https and mailto; no NUL, ESC or C1 control in the page.
- Markdown: rendered by cmark-gfm --unsafe (raw HTML passes through, so an
  escaping failure shows) with the table extension; the same HTML checks, and
  every table row has the header's number of cells.
- CSV: read with the csv module; every record has the header's number of
  fields, and no field starts with = + - @ TAB or CR (a formula). (Control
  characters are data in CSV and are not checked.)
- JSON: parses, and the text comes back byte for byte (NUL, bidi included).
- Text: no ESC, NUL or C1 control reaches the terminal.
Exit 0: all checks passed; 1: a check failed; 77: skipped (no python3 modules).
"""
import csv
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LADDERC = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
HOSTILE = os.path.join(HERE, "hostile", "ladder.yaml")
failures = []
checks = 0

CONTROLS = """ladder: 1
id: controls
name: Controls
intro: "ESC \\e[2J clear, C1 \\u0085 \\u009b31m, NUL \\0, DEL \\x7f, bidi \\u202Eevil\\u202C \\u2066x\\u2069"
tracks:
  - id: IC
    name: IC
    levels:
      - {id: IC1, name: One, summary: "s \\e]0;title\\a \\u202E"}
      - {id: IC2, name: Two}
roles:
  - {id: eng, name: Engineer}
groups:
  - id: g
    name: G
    description: "d \\e[31mred\\e[0m \\0 \\u202E"
    competencies:
      - id: c
        name: C
        description: "=cmd|' /C calc'!A0 \\e[5m"
        levels: {IC1: "\\e[1mbold\\e[0m \\0 \\u202Eevil", IC2: "\\t=1+1 \\u009b"}
"""
ORIGINAL_EXPECTATION = "\x1b[1mbold\x1b[0m \x00 \u202eevil"

# C0 controls (but tab and line breaks), DEL and C1: terminal escapes and
# bytes no page should hold. Bidi controls (U+202A-202E, U+2066-2069) are
# allowed in long text (right-to-left languages) and pass through as text.
BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def fail(what, why):
    failures.append("%s: %s" % (what, why))


def run(args):
    p = subprocess.run([LADDERC] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))


def html_checks(what, text, baseline_tags):
    global checks
    checks += 1
    p = PageParser()
    p.feed(text)
    p.close()
    for tag in ("script", "style", "img", "iframe", "object", "embed", "svg", "form", "input"):
        n = p.tags.count(tag)
        if n > baseline_tags.get(tag, 0):
            fail(what, "%d <%s> tags (the page's own: %d)" % (n, tag, baseline_tags.get(tag, 0)))
    for tag, name, value in p.attrs:
        if name.startswith("on"):
            fail(what, "event handler attribute %s= on <%s>" % (name, tag))
        if name in ("href", "src", "action", "formaction", "xlink:href"):
            v = value.strip().lower()
            m = re.match(r"^([a-z][a-z0-9+.-]*):", v)
            if m and m.group(1) not in ("http", "https", "mailto"):
                fail(what, "%s=%r on <%s>" % (name, value, tag))
    m = BAD_CONTROLS.search(text)
    if m:
        fail(what, "control character U+%04X in the page" % ord(m.group(0)))
    return p


def tag_counts(text):
    p = PageParser()
    p.feed(text)
    counts = {}
    for t in p.tags:
        counts[t] = counts.get(t, 0) + 1
    return counts


class TableParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []
        self.row = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.row = 0
        elif tag in ("td", "th") and self.row is not None:
            self.row += 1

    def handle_endtag(self, tag):
        if tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None


def markdown_checks(what, md, cmark, baseline_tags):
    global checks
    page = subprocess.run([cmark, "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink"],
                          input=md, stdout=subprocess.PIPE).stdout.decode("utf-8", "replace")
    html_checks(what + " (cmark-gfm)", page, baseline_tags)
    checks += 1
    t = TableParser()
    t.feed(page)
    for i, rows in enumerate(t.tables):
        if rows and any(r != rows[0] for r in rows):
            fail(what, "table %d has rows of %s cells" % (i + 1, sorted(set(rows))))
    m = BAD_CONTROLS.search(md.decode("utf-8", "replace"))
    if m:
        fail(what, "control character U+%04X in the Markdown" % ord(m.group(0)))


def csv_checks(what, data):
    global checks
    checks += 1
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        fail(what, "no records")
        return
    width = len(rows[0])
    for n, row in enumerate(rows):
        if len(row) != width:
            fail(what, "record %d has %d fields, the header %d" % (n + 1, len(row), width))
        for field in row:
            if field[:1] in ("=", "+", "-", "@", "\t", "\r"):
                fail(what, "record %d: field %r would run as a formula" % (n + 1, field[:40]))


def text_checks(what, data):
    global checks
    checks += 1
    m = BAD_CONTROLS.search(data.decode("utf-8", "replace"))
    if m:
        fail(what, "control character U+%04X reaches the terminal" % ord(m.group(0)))


def views(path, roles, levels):
    yield "ladder", []
    yield "overview", ["--overview"]
    for r in roles:
        yield "matrix " + r, ["--role", r]
        for lv in levels:
            yield "level %s %s" % (r, lv), ["--role", r, "--level", lv]
            yield "next %s %s" % (r, lv), ["--role", r, "--level", lv, "--next"]


def main():
    cmark = shutil.which("cmark-gfm")
    tmp = tempfile.mkdtemp()
    try:
        controls = os.path.join(tmp, "controls.yaml")
        with open(controls, "w") as f:
            f.write(CONTROLS)
        # baseline: the tags a benign page has of its own
        st, benign = run(["render", "-f", "html", os.path.join(HERE, "..", "ladders", "sequence.yaml")])
        baseline = tag_counts(benign.decode())
        for path, roles, levels in ((HOSTILE, ["role-1", "Role_2"], ["IC1", "E4", "L4"]),
                                    (controls, ["eng"], ["IC1"])):
            name = os.path.basename(path)
            st, out = run(["render", "-f", "json", path])
            if st != 0:
                fail(name, "render -f json exits %d" % st)
                continue
            model = json.loads(out)
            if path == controls:
                got = json.dumps(model, ensure_ascii=False)
                if json.dumps(ORIGINAL_EXPECTATION, ensure_ascii=False)[1:-1] not in got:
                    fail(name, "JSON does not give the expectation back byte for byte")
            for view, args in views(path, roles, levels):
                what = "%s %s" % (name, view)
                st, page = run(["render", "-f", "html"] + args + [path])
                if st == 2:
                    continue  # a view this role or level does not have (usage error)
                if st == 0:
                    html_checks(what + " html", page.decode(), baseline)
                else:
                    fail(what, "render -f html exits %d" % st)
                st, md = run(["render", "-f", "markdown"] + args + [path])
                if st != 0:
                    fail(what, "render -f markdown exits %d" % st)
                elif cmark:
                    markdown_checks(what + " markdown", md, cmark, baseline)
                for extra in ([], ["--layout", "matrix"]):
                    if extra and view != "ladder":
                        continue
                    st, data = run(["render", "-f", "csv"] + extra + args + [path])
                    if st == 0:
                        csv_checks(what + " csv" + " ".join(extra), data)
                    else:
                        fail(what, "render -f csv exits %d" % st)
                st, data = run(["render", "-f", "text"] + args + [path])
                if st == 0:
                    text_checks(what + " text", data)
                else:
                    fail(what, "render -f text exits %d" % st)
                st, data = run(["render", "-f", "json"] + args + [path])
                if st != 0:
                    fail(what, "render -f json exits %d" % st)
                else:
                    json.loads(data)
            # the published site
            site = os.path.join(tmp, "site-" + name)
            st, _ = run(["build", "-o", site, path])
            if st != 0:
                fail(name, "build exits %d" % st)
                continue
            for f in sorted(os.listdir(site)):
                data = open(os.path.join(site, f), "rb").read()
                what = "%s build %s" % (name, f)
                if f.endswith(".html"):
                    html_checks(what, data.decode(), baseline)
                elif f.endswith(".md") and cmark:
                    markdown_checks(what, data, cmark, baseline)
                elif f.endswith(".csv"):
                    csv_checks(what, data)
                elif f.endswith(".json"):
                    json.loads(data)
    finally:
        shutil.rmtree(tmp)
    for f in failures[:int(os.environ.get("SHOW", "40"))]:
        print("FAIL:", f)
    print("%d checks, %d failures%s" % (checks, len(failures), "" if cmark else " (no cmark-gfm: Markdown not rendered)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
