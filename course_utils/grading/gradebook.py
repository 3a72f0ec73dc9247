"""The gradebook CSV and the instructor's adjustments file: what a re-run may change, and what it never does.

The grader owns the gradebook's automatic columns (auto_score, per-task points, status, seed, graded_at).
The instructor's decisions live in `<gradebook>_adjustments.csv` (student, exercise, override, late_penalty,
comment), which the grader reads on every run and only ever appends to. The final `score` is
`override` when there is one, else `auto_score - late_penalty` (never below 0). A score, override or
comment typed into the gradebook itself is not lost: the next run moves it into the adjustments file
and says so. Every cell written is inert in a spreadsheet (a leading = + - @ is quoted).
"""

import csv
import io
import math
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from course_utils.grading.feedback import points

COLUMNS = ["student", "exercise", "score", "max_score", "auto_score", "late_penalty", "override", "comment",
           "status", "submitted_at", "seed", "graded_at"]
ADJUSTMENT_COLUMNS = ["student", "exercise", "override", "late_penalty", "comment"]
TASK_PREFIX = "task "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------- cells a spreadsheet will not evaluate
def inert(value):
    """A CSV cell a spreadsheet shows as text: a leading = + - @ tab or CR gets a quote in front."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def restored(text):
    """The value `inert` quoted, as it was."""
    text = text or ""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def atomic_write(path, text):
    """Write to a temp file beside `path`, then swap it in: a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_rows(path):
    """(rows, columns) of a CSV written by this module, with quoted cells restored; ([], []) when missing."""
    path = Path(path)
    if not path.exists():
        return [], []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        rows = [{restored(k): restored(v) for k, v in r.items() if k is not None} for r in reader]
        return rows, [restored(c) for c in (reader.fieldnames or [])]


def csv_text(rows, columns):
    """The CSV text of `rows` under `columns`, every cell made inert."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([inert(c) for c in columns])
    for row in rows:
        writer.writerow([inert(row.get(c, "")) for c in columns])
    return buf.getvalue()


# ---------------------------------------------------------------- the gradebook
def read_gradebook(path):
    """Rows of an existing gradebook keyed by (student, exercise), and its columns (the instructor's extra ones kept)."""
    rows, found = read_rows(path)
    columns = list(COLUMNS) + [c for c in found if c not in COLUMNS]
    return {(r.get("student", ""), r.get("exercise", "")): r for r in rows}, columns


def write_gradebook(path, rows, columns):
    """Write all rows, sorted by (student, exercise), atomically; per-task columns follow the fixed ones."""
    atomic_write(path, csv_text([rows[k] for k in sorted(rows)], columns))


def adjustments_path(gradebook):
    """Where the instructor's overrides, late penalties and comments live: beside the gradebook."""
    gradebook = Path(gradebook)
    return gradebook.with_name(f"{gradebook.stem}_adjustments.csv")


@dataclass
class Adjustments:
    """The instructor's decisions per (student, exercise), and the lines the run must report about them."""

    path: Path
    by_key: dict = field(default_factory=dict)
    moved: list = field(default_factory=list)    # what this run carried over from the gradebook, as messages

    @classmethod
    def load(cls, path):
        """Read the file (created with its header when missing, so the instructor can see where to write)."""
        path = Path(path)
        if not path.exists():
            atomic_write(path, csv_text([], ADJUSTMENT_COLUMNS))
        rows, _ = read_rows(path)
        by_key = {}
        for r in rows:   # a later row for the same student and exercise wins, field by field
            key = (r.get("student", ""), r.get("exercise", ""))
            merged = by_key.setdefault(key, {})
            merged.update({k: v for k, v in r.items() if k in ADJUSTMENT_COLUMNS[2:] and (v or "").strip()})
        return cls(path, by_key)

    def get(self, key, name):
        """The instructor's value for one field ('' when none)."""
        return self.by_key.get(key, {}).get(name, "").strip()

    def append(self, key, why, **values):
        """Add one row to the file (never rewriting a row already there) and remember the message."""
        row = {"student": key[0], "exercise": key[1], **values}
        with open(self.path, "a", encoding="utf-8", newline="") as f:
            f.write(csv_text([row], ADJUSTMENT_COLUMNS).split("\n", 1)[1])
        self.by_key.setdefault(key, {}).update({k: v for k, v in values.items() if str(v).strip()})
        self.moved.append(f"{key[0]} / {key[1]}: {why}")


def _number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def final_score(auto_score, late_penalty, override):
    """`override` when set, else auto_score - late_penalty, never below 0."""
    o = _number(override)
    if o is not None:
        return o
    return max(0.0, float(auto_score) - (_number(late_penalty) or 0.0))


def keep_hand_edits(old, adjustments):
    """Move a score, override or comment typed into the gradebook row `old` into the adjustments file."""
    key = (old.get("student", ""), old.get("exercise", ""))
    for name in ("override", "comment"):
        typed = (old.get(name) or "").strip()
        if typed and typed != adjustments.get(key, name):
            adjustments.append(key, f"the gradebook's {name} {typed!r} moved to {adjustments.path.name}", **{name: typed})
    if _number(old.get("auto_score")) is None:
        return   # a row from before auto_score existed: no automatic score to compare a typed one against
    typed_score = _number(old.get("score"))
    expected = final_score(old["auto_score"], old.get("late_penalty"), old.get("override"))
    if typed_score is not None and abs(typed_score - expected) > 1e-9 and not adjustments.get(key, "override"):
        adjustments.append(key, f"the score {points(typed_score)} typed into the gradebook is kept as an override",
                           override=points(typed_score), comment="typed into the gradebook")


# ---------------------------------------------------------------- late work
def parse_time(text):
    """An aware datetime from ISO 8601 or nbgrader's timestamp.txt ('2026-12-01 10:00:00.123456 UTC'); None if unreadable."""
    text = (text or "").strip().replace(" UTC", "+00:00")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def submitted_at(notebook):
    """When nbgrader recorded the submission: timestamp.txt beside the notebook, or None."""
    stamp = Path(notebook).parent / "timestamp.txt"
    try:
        return parse_time(stamp.read_text(encoding="utf-8", errors="replace")[:100]) if stamp.is_file() else None
    except OSError:
        return None


def late_penalty(submitted, due, max_score, percent_per_day):
    """Points off: percent_per_day of max_score for each day or part of a day after `due` (at most max_score)."""
    if submitted is None or due is None or submitted <= due:
        return 0.0
    days = math.ceil((submitted - due).total_seconds() / 86400)
    return min(float(max_score), float(max_score) * percent_per_day / 100.0 * days)
