#!/usr/bin/env python3
"""Checks a GitLab Code Quality report (the Code Climate issue subset GitLab
reads: docs.gitlab.com, "Code Quality report format").

    gitlab_codequality.py REPORT [PATH]

The report must be a JSON array of issues, each with a string description
and check_name, a fingerprint unique in the report, a severity among
info, minor, major, critical and blocker, and a location with a path (PATH,
when given) and lines.begin, an integer from 1. Prints the number of issues.
"""
import json
import sys

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def main():
    path = sys.argv[2] if len(sys.argv) > 2 else None
    with open(sys.argv[1], encoding="utf-8") as f:
        issues = json.load(f)
    problems = []
    if not isinstance(issues, list):
        sys.exit(f"codequality: the report is a {type(issues).__name__}, not an array")
    seen = set()
    for n, issue in enumerate(issues):
        def bad(what):
            problems.append(f"issue {n}: {what}")
        for key in ("description", "check_name", "fingerprint", "severity"):
            if not isinstance(issue.get(key), str) or not issue[key]:
                bad(f"no {key}")
        if issue.get("severity") not in SEVERITIES:
            bad(f"severity {issue.get('severity')!r}")
        if issue.get("fingerprint") in seen:
            bad(f"fingerprint {issue['fingerprint']} repeated")
        seen.add(issue.get("fingerprint"))
        loc = issue.get("location") or {}
        if not isinstance(loc.get("path"), str) or (path and loc["path"] != path):
            bad(f"location.path {loc.get('path')!r}")
        begin = (loc.get("lines") or {}).get("begin")
        if not isinstance(begin, int) or isinstance(begin, bool) or begin < 1:
            bad(f"location.lines.begin {begin!r}")
    if problems:
        sys.exit("codequality: " + "\ncodequality: ".join(problems))
    print(len(issues))


if __name__ == "__main__":
    main()
