#!/usr/bin/env python3
"""Runs one job of a GitLab CI template the way a shell runner does.

    gitlab_run.py TEMPLATE JOB [NAME=VALUE]...

In the working directory (the project's checkout): the job's variables (the
template's global ones, then those of the jobs it extends, then its own,
then NAME=VALUE as a pipeline would set them) are exported, and its
before_script and script lines run in one bash with `set -eo pipefail`, as
the runner's bash shell does. Exits with the script's status; 3 when the
template has no such job or a job uses something not emulated here.
"""
import os
import subprocess
import sys

import yaml


def die(msg):
    print(f"gitlab_run: {msg}", file=sys.stderr)
    sys.exit(3)


def lines(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def resolved(template, name):
    """The job with its extends: merged in (the job's own keys win)."""
    job = template.get(name)
    if not isinstance(job, dict):
        die(f"no job '{name}'")
    merged = {}
    for parent in lines(job.get("extends")):
        merged.update(resolved(template, parent))
    variables = dict(merged.get("variables") or {})
    variables.update(job.get("variables") or {})
    merged.update(job)
    merged["variables"] = variables
    return merged


def main():
    template_path, job_name, *overrides = sys.argv[1:]
    with open(template_path, encoding="utf-8") as f:
        template = yaml.safe_load(f)
    job = resolved(template, job_name)
    env = dict(os.environ)
    for source in (template.get("variables") or {}, job["variables"], dict(o.split("=", 1) for o in overrides)):
        env.update({k: str(v) for k, v in source.items()})
    script = ["set -eo pipefail"] + lines(job.get("before_script")) + lines(job.get("script"))
    if not lines(job.get("script")):
        die(f"job '{job_name}' has no script")
    sys.exit(subprocess.run(["bash", "--noprofile", "--norc", "-c", "\n".join(script)], env=env).returncode)


if __name__ == "__main__":
    main()
