#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps the way the runner does.

    action_run.py ACTION_YML [--input NAME=VALUE]... [--github NAME=VALUE]...
                  [--workflow FILE --job JOB] [--outputs FILE]

The working directory is the workspace (GITHUB_WORKSPACE). For each step in
order: `${{ ... }}` expressions in its env: and run: are replaced by their
values (inputs.X, steps.ID.outputs.X, github.X, runner.temp), the script runs
with `bash --noprofile --norc -eo pipefail FILE` (the runner's `shell: bash`)
with GITHUB_OUTPUT, GITHUB_ENV (read back for the later steps), GITHUB_ACTION_PATH, GITHUB_WORKSPACE and
RUNNER_TEMP set, and what it writes to GITHUB_OUTPUT becomes the step's
outputs. The first step that fails stops the run with its exit status, as a
step without `if:` does on the runner. An expression this script does not
know, `if:`, or a step that is not `run:` with `shell: bash` is an error
(exit 3): the test must not pass on something it did not run.

--workflow/--job take the inputs from the `with:` of the step in that job of
a workflow file that `uses:` the action (its `${{ github.X }}` expressions
from --github), as the runner would hand them over. --outputs writes the
action's outputs, one NAME=VALUE line each.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def die(msg):
    print(f"action_run: {msg}", file=sys.stderr)
    sys.exit(3)


def substitute(text, context):
    def value(m):
        parts = m.group(1).split(".")
        if len(parts) == 4 and parts[0] == "steps" and parts[2] == "outputs" and parts[1] in context.get("steps", {}):
            # an output the step did not write is empty on the runner
            return context["steps"][parts[1]]["outputs"].get(parts[3], "")
        node = context
        for p in parts:
            if not isinstance(node, dict) or p not in node:
                die(f"unknown expression '{m.group(1)}'")
            node = node[p]
        return "" if node is None else str(node)

    return EXPR.sub(value, str(text))


def read_outputs(path):
    """key=value lines and key<<DELIMITER ... DELIMITER blocks, as the runner reads them."""
    outputs = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            body = []
            while i < len(lines) and lines[i] != delim:
                body.append(lines[i])
                i += 1
            i += 1
            outputs[name] = "\n".join(body)
        else:
            name, val = line.split("=", 1)
            outputs[name] = val
    return outputs


def inputs_from_workflow(path, job, github):
    with open(path, encoding="utf-8") as f:
        wf = yaml.safe_load(f)
    for step in wf["jobs"][job]["steps"]:
        if step.get("uses", "").startswith("./") or "ladderc" in step.get("uses", ""):
            return {k: substitute(v, {"github": github}) for k, v in (step.get("with") or {}).items()}
    die(f"no step of job '{job}' in {path} uses the action")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action")
    ap.add_argument("--input", action="append", default=[])
    ap.add_argument("--github", action="append", default=[])
    ap.add_argument("--workflow")
    ap.add_argument("--job")
    ap.add_argument("--outputs")
    args = ap.parse_args()

    with open(args.action, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action["runs"]["using"] != "composite":
        die("not a composite action")
    action_path = os.path.dirname(os.path.abspath(args.action))
    workspace = os.getcwd()
    github = dict(kv.split("=", 1) for kv in args.github)
    github.update({"action_path": action_path, "workspace": workspace})

    given = dict(kv.split("=", 1) for kv in args.input)
    if args.workflow:
        given.update(inputs_from_workflow(args.workflow, args.job, github))
    inputs = {}
    for name, spec in (action.get("inputs") or {}).items():
        if name in given:
            inputs[name] = given.pop(name)
        elif spec.get("required"):
            die(f"required input '{name}' not given")
        else:
            inputs[name] = spec.get("default", "")
    if given:
        die(f"unknown inputs: {', '.join(sorted(given))}")

    with tempfile.TemporaryDirectory(prefix="runner-temp-") as temp:
        run_steps(action, args, inputs, github, temp)


def run_steps(action, args, inputs, github, temp):
    action_path, workspace = github["action_path"], github["workspace"]
    exported = {}  # what steps wrote to GITHUB_ENV, for the steps after them
    context = {"inputs": inputs, "steps": {}, "github": github, "runner": {"temp": temp}}
    for n, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", f"step {n}")
        if "if" in step:
            die(f"step '{name}': if: is not emulated")
        if "run" not in step or step.get("shell") != "bash":
            die(f"step '{name}': only run: steps with shell: bash are emulated")
        env = dict(os.environ)
        env.update(exported)
        out_file = os.path.join(temp, f"output-{n}")
        env_file = os.path.join(temp, f"env-{n}")
        open(out_file, "w").close()
        open(env_file, "w").close()
        env.update({
            "GITHUB_OUTPUT": out_file,
            "GITHUB_ENV": env_file,
            "GITHUB_ACTION_PATH": action_path,
            "GITHUB_WORKSPACE": workspace,
            "RUNNER_TEMP": temp,
        })
        for k, v in (step.get("env") or {}).items():
            env[k] = substitute(v, context)
        script = os.path.join(temp, f"step-{n}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(substitute(step["run"], context))
        print(f"== action step: {name}", flush=True)
        st = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], env=env).returncode
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": read_outputs(out_file)}
        exported.update(read_outputs(env_file))
        if st != 0:
            print(f"== action step '{name}' failed: exit {st}", flush=True)
            sys.exit(st)

    if args.outputs:
        with open(args.outputs, "w", encoding="utf-8") as f:
            for name, spec in (action.get("outputs") or {}).items():
                f.write(f"{name}={substitute(spec['value'], context)}\n")


if __name__ == "__main__":
    main()
