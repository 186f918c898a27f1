"""Runs action.yml's steps as GitHub's runner would, on this machine (Tests/ci/action).

    python run-action.py ACTION_DIR WORKSPACE CACHE_DIR [INPUT=VALUE ...]

Shell steps run as GitHub runs a composite action's `shell: bash` steps
(`bash --noprofile --norc -eo pipefail FILE`, in GITHUB_WORKSPACE) with the environment it
sets (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_*),
`${{ }}` expressions over inputs, steps' outputs, github and runner, and `if:` conditions
with success(), always() and failure(). GitHub-hosted steps cannot run here: actions/cache
restore and save are stood in for by a folder of keys (CACHE_DIR), any other `uses:` is
reported as skipped. Each step's fate goes to standard error as `step: NAME: ran|skipped`;
the exit code is the job's (1 when a step failed).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

action_dir, workspace, cache_dir = (os.path.abspath(p) for p in sys.argv[1:4])
action = yaml.safe_load(open(os.path.join(action_dir, "action.yml"), encoding="utf-8"))
inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
for pair in sys.argv[4:]:
    name, _, value = pair.partition("=")
    if name not in inputs:
        sys.exit(f"run-action: action.yml has no input {name!r}")
    inputs[name] = value.replace("\\n", "\n")

runner_temp = tempfile.mkdtemp(prefix="runner-temp-")
summary = os.environ.get("GITHUB_STEP_SUMMARY") or os.path.join(runner_temp, "summary.md")
outputs = {}
failed = False


def context(path):
    parts = path.split(".")
    if parts[0] == "inputs":
        return inputs.get(parts[1], "")
    if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
        return outputs.get(parts[1], {}).get(parts[3], "")
    if path == "github.action_path":
        return action_dir
    if path == "github.workspace":
        return workspace
    if path == "runner.os":
        return "Linux"
    if path == "runner.temp":
        return runner_temp
    raise SystemExit(f"run-action: unknown context {path!r}")


def evaluate(expression):
    expression = expression.strip()
    if expression.startswith("${{") and expression.endswith("}}"):
        expression = expression[3:-2]
    python = re.sub(r"\b(inputs|steps|github|runner)((\.[\w-]+)+)", lambda m: repr(context(m.group(0))), expression)
    python = python.replace("&&", " and ").replace("||", " or ")
    python = python.replace("always()", "True").replace("success()", "(not failed)").replace("failure()", "failed")
    return eval(python, {"failed": failed})


def substitute(text):
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(evaluate(m.group(1))), str(text))


for index, step in enumerate(action["runs"]["steps"]):
    name = step.get("name", step.get("uses", f"step {index}"))
    condition = step.get("if", "success()")
    if not evaluate(str(condition)):
        print(f"step: {name}: skipped", file=sys.stderr)
        continue
    step_id = step.get("id", f"__{index}")
    uses = step.get("uses")
    if uses:
        settings = {key: substitute(value) for key, value in step.get("with", {}).items()}
        stored = os.path.join(cache_dir, settings.get("key", ""))
        if uses.startswith("actions/cache/restore@"):
            hit = os.path.isdir(stored)
            if hit:
                shutil.rmtree(settings["path"], ignore_errors=True)
                shutil.copytree(stored, settings["path"])
            outputs[step_id] = {"cache-hit": "true" if hit else "false"}
            print(f"step: {name}: ran ({'hit' if hit else 'miss'} {settings['key']})", file=sys.stderr)
        elif uses.startswith("actions/cache/save@"):
            if not os.path.isdir(stored):
                shutil.copytree(settings["path"], stored)
            print(f"step: {name}: ran (saved {settings['key']})", file=sys.stderr)
        else:
            print(f"step: {name}: skipped (GitHub-hosted: {uses})", file=sys.stderr)
        continue
    if step.get("shell") != "bash":
        raise SystemExit(f"run-action: step {name!r}: only shell: bash steps can run here")
    output_file = os.path.join(runner_temp, f"output-{index}")
    open(output_file, "w").close()
    script = os.path.join(runner_temp, f"step-{index}.sh")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(step["run"])
    environment = dict(os.environ)
    environment.update({
        "GITHUB_ACTIONS": "true", "CI": "true",
        "GITHUB_ACTION_PATH": action_dir, "GITHUB_WORKSPACE": workspace,
        "GITHUB_STEP_SUMMARY": summary, "GITHUB_OUTPUT": output_file,
        "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "RUNNER_TEMP": runner_temp, "ImageOS": "test",
    })
    environment.update({key: substitute(value) for key, value in step.get("env", {}).items()})
    status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                            cwd=workspace, env=environment).returncode
    values = {}
    lines = open(output_file, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and "=" not in line.split("<<")[0]:
            key, delimiter = line.split("<<", 1)
            body = []
            i += 1
            while lines[i] != delimiter:
                body.append(lines[i])
                i += 1
            values[key] = "\n".join(body)
        elif "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
        i += 1
    outputs[step_id] = values
    print(f"step: {name}: ran (exit {status})", file=sys.stderr)
    if status != 0:
        failed = True

shutil.rmtree(runner_temp, ignore_errors=True)
sys.exit(1 if failed else 0)
