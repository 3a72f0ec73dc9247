"""Finding a class's submissions: who wrote each notebook (from the tree) and which exercise it is (from the notebook).

Layouts, read from each notebook's path below the folder given (any folder names):
  nbgrader   <root>/.../<student>/<assignment>/<notebook>.ipynb    student = the folder two up
  folders    <root>/<student>/<notebook>.ipynb                      student = the folder
  flat       <root>/<student>.ipynb, or a single notebook           student = the file name, minus an
                                                                    exercise name and Jupyter's "-Copy1"
The exercise is read from the notebook itself: the task functions it defines and the `check("task")`
cells it keeps. Names are only a fallback for a notebook that cannot be read (which is then graded
as unreadable). A notebook whose name says one exercise and whose content says another is graded as
its content and flagged. Two notebooks for the same student and exercise, or a notebook that matches
no exercise, are refused: listed with the reason, never graded, and the run exits non-zero.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from course_utils.tasks import ASSIGNMENTS

MAX_READ_BYTES = 64 * 2**20
_COPY = re.compile(r"[-_ ]?copy\d*$", re.I)
_TASKS = {t.name: ex for ex, tasks in ASSIGNMENTS.items() for t in tasks}
_FUNCTIONS = {t.function: ex for ex, tasks in ASSIGNMENTS.items() for t in tasks}


@dataclass
class Submission:
    """One notebook to grade: who, which exercise, where; `named_as` is the exercise its name says, if different."""

    student: str
    exercise: str
    path: Path
    named_as: str = ""


@dataclass
class Refusal:
    """A notebook the grader will not grade, and why (shown to the instructor; the run exits non-zero)."""

    path: Path
    reason: str


def exercise_in_name(name):
    """The longest exercise name inside a file or folder name ('' if none)."""
    hits = [key for key in ASSIGNMENTS if key in name]
    return max(hits, key=len) if hits else ""


def exercise_in_content(path):
    """The exercise whose task functions and check cells the notebook holds most of; '' if none or unreadable."""
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_READ_BYTES:
            return ""
        nb = json.loads(path.read_bytes().decode("utf-8"))
        cells = nb.get("cells", []) if isinstance(nb, dict) else []
        sources = ["".join(c.get("source", "")) if isinstance(c.get("source"), list) else str(c.get("source", ""))
                   for c in cells if isinstance(c, dict) and c.get("cell_type") == "code"]
    except (OSError, ValueError, RecursionError, TypeError):
        return ""
    votes = Counter()
    for src in sources:
        for name in re.findall(r"^\s*def\s+(\w+)\s*\(", src, re.M):
            if name in _FUNCTIONS:
                votes[_FUNCTIONS[name]] += 1
        for name in re.findall(r"""\bcheck\(\s*["'](\w+)["']""", src):
            if name in _TASKS:
                votes[_TASKS[name]] += 1
    if not votes:
        return ""
    (best, n), *rest = votes.most_common()
    return best if not rest or rest[0][1] < n else ""


def _student(rel, root, exercise_name):
    """Who wrote the notebook at `rel` (its path below `root`), by the layout its depth shows."""
    if len(rel.parts) >= 3:
        return rel.parts[-3]
    if len(rel.parts) == 2:
        return rel.parts[0]
    stem = _COPY.sub("", rel.stem)
    if exercise_name:
        stem = stem.replace(exercise_name, "").strip("_- .")
    return stem or root.name


def _notebooks(root):
    if (root / "submitted").is_dir():
        root = root / "submitted"   # an nbgrader course root: source/, release/ and autograded/ are not submissions
    if root.is_dir() and root.suffix != ".ipynb":
        return root, sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    return root.parent, [root]   # a single notebook (or a folder named *.ipynb: graded as not a notebook)


def discover(paths, exercise=None):
    """(submissions, refusals) under the given notebooks or folders; `exercise` overrides what content says."""
    found, refused = [], []
    for root in map(Path, paths):
        base, files = _notebooks(root)
        for f in files:
            rel = f.relative_to(base)
            named = exercise_in_name(f.stem) or (exercise_in_name(rel.parts[-2]) if len(rel.parts) >= 2 else "")
            content = exercise_in_content(f)
            ex = exercise or content or named
            if not ex:
                refused.append(Refusal(f, "matches no exercise: it defines none of the exercises' functions, "
                                          "keeps none of their check cells, and its name names none"))
                continue
            flag = named if named and named != ex and not exercise else ""
            found.append(Submission(_student(rel, base, named or ex), ex, f, flag))
    by_key = {}
    for s in found:
        by_key.setdefault((s.student, s.exercise), []).append(s)
    keep = []
    for (student, ex), subs in by_key.items():
        if len(subs) == 1:
            keep.extend(subs)
            continue
        names = ", ".join(str(s.path) for s in subs)
        refused.extend(Refusal(s.path, f"{len(subs)} notebooks are {student}'s {ex} ({names}): keep one, "
                                       "or grade them separately") for s in subs)
    return keep, refused
