"""A Gradescope autograder for one exercise: `build` writes the zip to upload, `run` grades inside Gradescope.

    python -m course_utils.grading.gradescope build 02_four_bends --out build/gradescope/02_four_bends.zip
    python -m course_utils.grading.gradescope run 02_four_bends --root /autograder      (what run_autograder calls)

Gradescope unzips the package into /autograder/source, runs setup.sh once when it builds the image,
then for every upload runs run_autograder with the student's files in /autograder/submission and
their identity in /autograder/submission_metadata.json, and reads /autograder/results/results.json.
The grading is the class grader's (same sandbox, same checks, same per-student seed from the student's
Gradescope id), so a notebook scores the same here as with `python -m course_utils.grading`.
An upload that cannot be graded (no notebook, two notebooks, another exercise's work) gets 0 points and
a message that says what to upload instead; results.json is always written.
"""

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from course_utils.grading import feedback
from course_utils.grading.discover import Submission, exercise_in_content
from course_utils.tasks import ASSIGNMENTS

ROOT = Path(__file__).resolve().parents[2]
# Only what grading needs: the notebooks' widget and JupyterLab packages are not installed in the image.
GRADING_DEPENDENCIES = ("numpy", "scipy", "matplotlib", "tqdm")

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu with python3).
set -euo pipefail
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -m ensurepip --version >/dev/null 2>&1; then
    apt-get update && apt-get install -y python3 python3-venv python3-pip
fi
python3 -m venv "$ROOT/venv"
"$ROOT/venv/bin/pip" install --quiet {requirements}
"$ROOT/venv/bin/pip" install --quiet --no-deps "$ROOT/source/course"
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every upload; it always writes results/results.json.
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
PY="${{COURSE_PYTHON:-$ROOT/venv/bin/python}}"
exec "$PY" -m course_utils.grading.gradescope run {exercise} --root "$ROOT"
"""


# ---------------------------------------------------------------- building the package
def requirements():
    """The pinned ranges of the grading dependencies, read from pyproject.toml (one source of truth)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = []
    for name in GRADING_DEPENDENCIES:
        m = re.search(rf'"({re.escape(name)}[<>=!~][^"]*)"', text)
        if not m:
            raise SystemExit(f"pyproject.toml has no dependency line for {name}")
        found.append(m.group(1))
    return found


def build(exercise, out):
    """Write the autograder zip for `exercise` to `out`; returns its path."""
    if exercise not in ASSIGNMENTS:
        raise SystemExit(f"unknown exercise {exercise!r}; one of: {', '.join(sorted(ASSIGNMENTS))}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    quoted = " ".join(f"'{r}'" for r in requirements())
    files = {"setup.sh": SETUP_SH.format(requirements=quoted), "run_autograder": RUN_AUTOGRADER.format(exercise=exercise)}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o100755 << 16   # executable, as Gradescope expects
            z.writestr(info, text)
        for path in [ROOT / "pyproject.toml", ROOT / "README.md", *sorted((ROOT / "course_utils").rglob("*"))]:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                z.write(path, f"course/{path.relative_to(ROOT)}")
    return out


# ---------------------------------------------------------------- grading one upload
def _student(metadata):
    """Who submitted: the first user's Gradescope id (or email), which seeds their inputs."""
    users = metadata.get("users") if isinstance(metadata, dict) else None
    user = users[0] if isinstance(users, list) and users and isinstance(users[0], dict) else {}
    return str(user.get("id") or user.get("email") or "gradescope-student")


def choose_notebook(submission_dir, exercise):
    """(notebook, None) to grade for `exercise`, or (None, message to the student)."""
    notebooks = sorted(p for p in Path(submission_dir).rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts and p.is_file() and not p.is_symlink())
    if not notebooks:
        return None, f"No notebook (.ipynb) in your upload. Upload your {exercise}.ipynb."
    mine = [p for p in notebooks if exercise_in_content(p) == exercise]
    if len(mine) == 1:
        return mine[0], None
    if len(mine) > 1:
        names = ", ".join(p.name for p in mine)
        return None, f"Your upload has {len(mine)} notebooks with {exercise}'s work ({names}). Upload only one."
    if len(notebooks) == 1:
        other = exercise_in_content(notebooks[0])
        if other:
            return None, (f"{notebooks[0].name} holds the work of exercise {other}, not {exercise}. "
                          f"Upload your {exercise} notebook.")
        return notebooks[0], None    # unreadable or empty: graded, so the student sees why it scores 0
    return None, f"None of your {len(notebooks)} notebooks holds {exercise}'s functions. Upload your {exercise}.ipynb."


def results_json(graded=None, refusal=None, exercise="", seconds=0.0):
    """Gradescope's results.json content: one test per check, the grader's notes in the top output."""
    tasks = ASSIGNMENTS.get(exercise, [])
    if graded is None:
        tests = [{"name": f"{t.name}: {c.name}", "score": 0.0, "max_score": float(c.points), "status": "failed",
                  "output": refusal, "visibility": "visible"} for t in tasks for c in t.checks]
        return {"score": 0.0, "output": refusal, "execution_time": round(seconds, 1),
                "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}
    tests, number = [], 0
    for r in graded.results:
        for c in r.checks:
            number += 1
            tests.append({"name": f"{r.task}: {c.name}" + (" (bonus, no points)" if c.bonus else ""), "number": str(number), "score": float(c.earned),
                          "max_score": float(c.points), "status": "passed" if c.kind == "passed" else "failed",
                          "output": "" if c.kind == "passed" else feedback.clean(c.message, 1000),
                          "visibility": "visible"})
    output = "\n".join([f"Status: {graded.status}"] + [f"- {n}" for n in graded.notes])
    return {"score": float(graded.score), "output": output, "execution_time": round(seconds, 1),
            "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def run(exercise, root="/autograder", timeout=10.0, memory_mb=1024):
    """Grade the upload in root/submission for `exercise`; write root/results/results.json; return its content."""
    from course_utils.grading.cli import grade_submission, student_seed
    t0 = time.monotonic()
    root = Path(root)
    try:
        metadata = json.loads((root / "submission_metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        metadata = {}
    student = _student(metadata)
    notebook, refusal = choose_notebook(root / "submission", exercise)
    if notebook is None:
        result = results_json(None, refusal, exercise, time.monotonic() - t0)
    else:
        sub = Submission(student, exercise, notebook)
        try:
            graded = grade_submission(sub, student_seed(sub), timeout, memory_mb)
            result = results_json(graded, exercise=exercise, seconds=time.monotonic() - t0)
        except Exception as exc:   # a grader bug must still give the student a result and a message
            message = f"The grader failed ({type(exc).__name__}); your instructor has been told. Please resubmit later."
            result = results_json(None, message, exercise, time.monotonic() - t0)
    out = root / "results" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkstemp(dir=out.parent, suffix=".tmp")[1])
    tmp.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.move(tmp, out)
    return result


def main(argv=None):
    """Command line entry point."""
    p = argparse.ArgumentParser(prog="python -m course_utils.grading.gradescope", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write the autograder zip to upload to Gradescope")
    b.add_argument("exercise", choices=sorted(ASSIGNMENTS))
    b.add_argument("--out", help="zip to write (default build/gradescope/<exercise>.zip)")
    r = sub.add_parser("run", help="grade one upload (what run_autograder calls inside Gradescope)")
    r.add_argument("exercise", choices=sorted(ASSIGNMENTS))
    r.add_argument("--root", default="/autograder", help="Gradescope's folder (default /autograder)")
    a = p.parse_args(argv)
    if a.command == "build":
        print(build(a.exercise, a.out or ROOT / "build" / "gradescope" / f"{a.exercise}.zip"))
        return 0
    result = run(a.exercise, a.root)
    print(f"{feedback.points(result['score'])} points; results in {Path(a.root) / 'results' / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
