"""Grade a class: python -m course_utils.grading PATH... --gradebook FILE.csv [--feedback DIR] [--seed N] [--timeout S].

PATH is a notebook or a folder: nbgrader's <student>/<assignment>/<notebook> under any folder name,
<student>/<notebook>, or a flat folder of <student>.ipynb. The exercise is read from each notebook's
content (course_utils/grading/discover.py). Refused notebooks (duplicates, no exercise) are listed,
not graded, and make the exit code 1.
Each submission runs in its own sandboxed child (course_utils.grading.parent, .child); the grader picks
inputs from a seed made of (student, exercise, course version), so a re-run gives every student the
same grade, and judges in this process. After each submission
the gradebook row and the feedback file are written atomically, so an interrupted run keeps
everything already graded; rows of an existing gradebook are updated, never dropped.
"""

import argparse
import hashlib
import json
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from course_utils.grading import feedback
from course_utils.grading.gradebook import (COLUMNS, TASK_PREFIX, Adjustments, adjustments_path, atomic_write,
                                            final_score, keep_hand_edits, late_penalty, parse_time, read_gradebook,
                                            submitted_at, write_gradebook)
from course_utils.grading.discover import Submission, discover
from course_utils.grading.runner import CheckResult, TaskResult, run_task
from course_utils.grading.feedback import clean
from course_utils.grading.parent import Child
from course_utils.tasks import ASSIGNMENTS

MAX_NOTEBOOK_BYTES = 64 * 2**20
_CHECK_LINE = re.compile(r"^\s*((check|assert_passes)\(.*\)|from course_utils\.grading import (check|assert_passes))\s*(#.*)?$")


@dataclass
class Graded:
    """The outcome for one submission: what the gradebook row and the feedback file say."""

    submission: Submission
    score: float
    max_score: float
    status: str
    results: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    seconds: float = 0.0
    unreadable: bool = False   # not graded as a notebook (or a grader error): the run's exit code says so


# ---------------------------------------------------------------- reading a notebook (never executing it here)
class NotANotebook(Exception):
    """The file cannot be graded as a notebook; the message says why."""


def code_cells(path):
    """[(code cell number, source)] to run in the child: check cells skipped, IPython magics blanked."""
    path = Path(path)
    if path.is_dir():
        raise NotANotebook("not a notebook: it is a folder")
    if path.is_symlink() or not path.is_file():
        raise NotANotebook("not a notebook: not a regular file")
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        raise NotANotebook(f"not graded: the file is {size / 2**20:.0f} MB (limit {MAX_NOTEBOOK_BYTES // 2**20} MB)")
    try:
        nb = json.loads(path.read_bytes().decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise NotANotebook(f"not a notebook: the file is not valid JSON ({clean(exc, 120)})") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or nb.get("nbformat") != 4:
        raise NotANotebook("not a notebook: valid JSON, but not a Jupyter notebook (format 4)")
    cells, number = [], 0
    for cell in nb["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        number += 1
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if not isinstance(source, str):
            raise NotANotebook(f"not a notebook: code cell {number} has no text")
        meta = cell.get("metadata", {}).get("nbgrader", {}) if isinstance(cell.get("metadata"), dict) else {}
        lines = [ln for ln in source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        is_check = (isinstance(meta, dict) and meta.get("grade") is True and not meta.get("solution")) or (
            lines and all(_CHECK_LINE.match(ln) for ln in lines))
        if not is_check:
            cells.append((number, _blank_magics(source)))
    return cells


def _blank_magics(source):
    # %matplotlib or !pip are IPython, not Python: keep the line count, drop the command.
    return "\n".join(re.sub(r"^(\s*)[%!].*$", r"\1pass", ln) for ln in source.split("\n"))


# ---------------------------------------------------------------- grading one submission
def grade_submission(sub, seed, timeout=10.0, memory_mb=1024):
    """Run one submission in its sandbox and judge every task of its exercise."""
    t0 = time.monotonic()
    tasks = ASSIGNMENTS.get(sub.exercise)
    if tasks is None:
        return Graded(sub, 0.0, 0.0, f"unknown exercise {clean(sub.exercise, 60)!r}: no tasks for it",
                      seconds=time.monotonic() - t0, unreadable=True)
    max_score = float(sum(t.points for t in tasks))
    try:
        cells = code_cells(sub.path)
    except (NotANotebook, OSError) as exc:
        message = str(exc) if isinstance(exc, NotANotebook) else f"not a notebook: cannot read it ({type(exc).__name__})"
        results = [_all_failed(t, "missing", message) for t in tasks]
        return Graded(sub, 0.0, max_score, message, results, seconds=time.monotonic() - t0, unreadable=True)
    with Child(cells, notebook=sub.path, timeout=timeout, memory_mb=memory_mb) as child:
        report = child.start()
        results = [run_task(t, child.call, seed=seed, task_index=i) for i, t in enumerate(tasks)]
        stopped = child.stopped
    notes = _notes(report, dict(cells))
    if sub.named_as:
        notes.insert(0, f"the file name says {sub.named_as}, but the notebook holds {sub.exercise}'s work: "
                        f"graded as {sub.exercise}")
    score = float(sum(r.earned for r in results))
    if stopped is not None:
        status = stopped.message
    elif all(r.not_done for r in results):
        status = "not done yet"
    else:
        status = "graded" + (f"; {len(report.get('cell_errors', []))} code cell(s) raised errors"
                             if any(n.startswith("code cell") for n in notes) else "")
    return Graded(sub, score, max_score, status, results, notes, seconds=time.monotonic() - t0)


def _all_failed(task, kind, message):
    return TaskResult(task.name, task.function, [CheckResult(c.name, c.points, 0.0, kind, message) for c in task.checks])


def _cell_name(number, sources):
    """A code cell as the student can find it: its number among the code cells and its first line of code."""
    lines = [ln.strip() for ln in str(sources.get(number, "")).splitlines() if ln.strip() and not ln.strip().startswith("#")]
    first = clean(lines[0], 60).replace("`", "'") if lines else ""   # a backtick would end the code span
    return f"code cell {clean(number, 10)}" + (f" (the one starting `{first}`)" if first else "")


def _notes(report, sources=None):
    notes = []
    errors = report.get("cell_errors", [])
    for e in errors[:20] if isinstance(errors, list) else []:
        if isinstance(e, dict) and e.get("type") != "NotImplementedError":
            notes.append(f"{_cell_name(e.get('cell'), sources or {})} raised {clean(e.get('type'), 60)}: "
                         f"{clean(e.get('message'), 200)}")
    printed = report.get("printed_chars", 0)
    if isinstance(printed, int) and printed > 0:
        notes.append(f"your notebook printed {printed:,} characters while it ran; the grader ignores printed text")
    return notes


# ---------------------------------------------------------------- feedback files
def _safe_name(name):
    s = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(name)).lstrip(".") or "_"
    return s[:100]


def feedback_path(feedback_dir, sub):
    """Where a student's feedback for one exercise goes: DIR/<student>/<exercise>.md."""
    return Path(feedback_dir) / _safe_name(sub.student) / f"{_safe_name(sub.exercise)}.md"


# ---------------------------------------------------------------- the command
def grade_paths(paths, gradebook, feedback_dir=None, seed=None, timeout=10.0, memory_mb=1024,
                workers=None, exercise=None, progress=True, **late):
    """Grade every submission under `paths` that discover() accepts; returns the list of Graded."""
    subs, _ = discover(paths, exercise)
    return grade_submissions(subs, gradebook, feedback_dir, seed, timeout, memory_mb, workers, progress, **late)


def grade_submissions(subs, gradebook, feedback_dir=None, seed=None, timeout=10.0, memory_mb=1024,
                      workers=None, progress=True, due=None, late_percent_per_day=10.0, log=None):
    """Grade the submissions; returns the list of Graded (also written to disk as it goes).

    `log`, a list, receives one line per gradebook change a person should know about: scores that changed,
    hand edits moved into the adjustments file.
    """
    from tqdm import tqdm
    log = [] if log is None else log
    feedback_dir = Path(feedback_dir) if feedback_dir else Path(gradebook).with_name(Path(gradebook).stem + "_feedback")
    rows, columns = read_gradebook(gradebook)
    if not subs and not rows:
        return []   # nothing graded, nothing to update: no gradebook is created
    adjustments = Adjustments.load(adjustments_path(gradebook))
    for old in rows.values():
        keep_hand_edits(old, adjustments)
    before = {k: r.get("score", "") for k, r in rows.items()}
    for ex in sorted({s.exercise for s in subs}):
        columns += [f"{TASK_PREFIX}{t.name}" for t in ASSIGNMENTS.get(ex, []) if f"{TASK_PREFIX}{t.name}" not in columns]
    workers = workers or min(2, os.cpu_count() or 1)
    done = []
    with ThreadPoolExecutor(max_workers=workers) as pool, \
            tqdm(total=len(subs), file=sys.stderr, unit="nb", disable=not progress, desc="grading") as bar:
        seeds = {id(s): student_seed(s) if seed is None else int(seed) for s in subs}
        futures = {pool.submit(_grade_safely, s, seeds[id(s)], timeout, memory_mb): s for s in subs}
        for fut in as_completed(futures):
            g = fut.result()
            sub = g.submission
            stamp = submitted_at(sub.path)
            row = {k: v for k, v in rows.get((sub.student, sub.exercise), {}).items()
                   if k not in COLUMNS and not k.startswith(TASK_PREFIX)}   # the instructor's own columns stay
            row.update({
                "student": sub.student, "exercise": sub.exercise, "max_score": feedback.points(g.max_score),
                "auto_score": feedback.points(g.score), "status": g.status, "seed": seeds[id(sub)],
                "submitted_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else "",
                "computed_penalty": late_penalty(stamp, due, g.max_score, late_percent_per_day),
                "graded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
            row.update({f"{TASK_PREFIX}{r.task}": feedback.points(r.earned) for r in g.results})
            rows[(sub.student, sub.exercise)] = _with_adjustments(row, adjustments)
            text = feedback.feedback_markdown(sub.student, sub.exercise, g.results, g.score, g.max_score, g.status, g.notes)
            atomic_write(feedback_path(feedback_dir, sub), text)
            write_gradebook(gradebook, rows, columns)  # after every submission: an interruption loses nothing graded
            done.append(g)
            bar.update(1)
    for key, row in rows.items():   # rows not re-graded this run still follow the adjustments file
        rows[key] = _with_adjustments(row, adjustments)
    write_gradebook(gradebook, rows, columns)
    log.extend(f"KEPT {m}" for m in adjustments.moved)
    for key in sorted(rows):
        old, new = before.get(key), rows[key].get("score", "")
        if old is not None and old != new:
            log.append(f"CHANGED {key[0]} / {key[1]}: score {old or 'empty'} -> {new}")
    return done


def _with_adjustments(row, adjustments):
    """The row with the instructor's override, late penalty and comment applied, and its final score."""
    key = (row.get("student", ""), row.get("exercise", ""))
    if "computed_penalty" in row:
        row["late_penalty"] = feedback.points(row.pop("computed_penalty")) if row.get("submitted_at") else ""
        row["late_penalty"] = "" if row["late_penalty"] == "0" else row["late_penalty"]
    penalty = adjustments.get(key, "late_penalty") or row.get("late_penalty", "")
    override = adjustments.get(key, "override")
    try:
        auto = float(row.get("auto_score") or row.get("score") or 0)
    except ValueError:
        auto = 0.0
    row.update({"late_penalty": penalty, "override": override, "comment": adjustments.get(key, "comment"),
                "score": feedback.points(final_score(auto, penalty, override))})
    return row


def student_seed(sub):
    """The seed of a student's inputs: a 9-digit number from (student, exercise, course version), the same every run."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        course = version("course_utils")
    except PackageNotFoundError:
        course = "unversioned"
    digest = hashlib.sha256(f"{sub.student}\n{sub.exercise}\n{course}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 10**9   # 9 digits: spreadsheets keep them exact


def _grade_safely(sub, seed, timeout, memory_mb):
    try:
        return grade_submission(sub, seed, timeout, memory_mb)
    except Exception as exc:  # a grader bug on one submission must not stop the class
        return Graded(sub, 0.0, 0.0, f"grader error ({type(exc).__name__}: {clean(exc, 120)}); please report it",
                      unreadable=True)


def summary(graded, refused=()):
    """The terminal summary: one line per submission, the class mean, then every refused notebook and why."""
    lines = [f"{'student':<20} {'exercise':<22} {'score':>9}  status"]
    for g in sorted(graded, key=lambda g: (g.submission.student, g.submission.exercise)):
        score = f"{feedback.points(g.score)}/{feedback.points(g.max_score)}"
        lines.append(f"{g.submission.student[:20]:<20} {g.submission.exercise[:22]:<22} {score:>9}  {g.status[:90]}")
    if graded:
        total = sum(g.max_score for g in graded) or 1.0
        lines.append(f"{len(graded)} notebooks graded; mean {100 * sum(g.score for g in graded) / total:.0f}% of the points")
    flagged = [g for g in graded if g.submission.named_as]
    for g in flagged:
        lines.append(f"FLAGGED {g.submission.path}: named {g.submission.named_as}, graded as {g.submission.exercise}")
    if refused:
        lines.append(f"REFUSED {len(refused)} notebook(s), not graded and not in the gradebook:")
        lines.extend(f"  {r.path}: {r.reason}" for r in refused)
    return "\n".join(lines)


def main(argv=None):
    """Command line entry point."""
    p = argparse.ArgumentParser(prog="python -m course_utils.grading", description=__doc__.split("\n")[0])
    p.add_argument("paths", nargs="+", help="notebooks or folders of submissions")
    p.add_argument("--gradebook", required=True, help="CSV to create or update")
    p.add_argument("--feedback", help="folder for feedback files (default: <gradebook>_feedback next to it)")
    p.add_argument("--seed", type=int, help="one seed for every student's inputs (default: one per student, "
                                                    "from student, exercise and course version)")
    p.add_argument("--timeout", type=float, default=10.0, help="wall-clock seconds per submission (default 10); one cell or one "
                                                               "function call may use a quarter of it")
    p.add_argument("--memory", type=int, default=1024, help="memory limit per submission in MB (default 1024)")
    p.add_argument("--workers", type=int, help="submissions graded at once (default: 2 or the core count if less)")
    p.add_argument("--exercise", help="exercise name for flat layouts, e.g. 01_collapse_proof")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--due", help="due date, ISO 8601 (e.g. 2026-12-01T23:59Z); late work per nbgrader's timestamp.txt "
                                 "loses --late-penalty percent of the points per day or part of a day")
    p.add_argument("--late-penalty", type=float, default=10.0, help="percent of the points off per late day (default 10)")
    a = p.parse_args(argv)
    missing = [x for x in a.paths if not os.path.exists(x)]
    if missing:
        p.error(f"no such file or folder: {', '.join(missing)}")
    due = parse_time(a.due) if a.due else None
    if a.due and due is None:
        p.error(f"--due {a.due!r} is not a date and time in ISO 8601, e.g. 2026-12-01T23:59Z")
    subs, refused = discover(a.paths, a.exercise)
    log = []
    graded = grade_submissions(subs, a.gradebook, a.feedback, a.seed, a.timeout, a.memory, a.workers,
                               progress=not a.quiet, due=due, late_percent_per_day=a.late_penalty, log=log)
    print(summary(graded, refused))
    if log:
        print(f"gradebook changes ({adjustments_path(a.gradebook).name} holds your overrides, penalties and comments):")
        print("\n".join(f"  {line}" for line in log))
    failed = [g for g in graded if g.unreadable]
    if refused or failed:
        print(f"exit 1: {len(refused)} refused, {len(failed)} not graded as notebooks", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
