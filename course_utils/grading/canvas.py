"""The gradebook as a Canvas gradebook import CSV: python -m course_utils.grading.canvas GRADEBOOK --out FILE [--roster FILE].

Canvas imports a CSV whose first columns are Student, ID, SIS User ID, SIS Login ID and Section,
followed by one column per assignment, with an optional second row "Points Possible". It matches a
row to a student by ID, SIS User ID or SIS Login ID, and a column to an assignment by its name (an
exported header such as "02_four_bends (4711)" carries the assignment's Canvas id).

With --roster (the CSV Canvas gives under Grades > Export), every grader student name is looked up in
the roster's SIS Login ID, SIS User ID, ID and Student columns; the roster's own identity columns and
assignment headers are reused, so the import updates the existing assignments. A graded student the
roster does not know, or knows twice, is refused: listed, left out of the file, exit 1. Without a
roster, the grader's student name is written as the SIS Login ID (nbgrader student ids are usually
logins). A student with no submission gets an empty cell, which Canvas leaves unchanged.
"""

import argparse
import re
import sys
from pathlib import Path

from course_utils.grading.gradebook import atomic_write, csv_text, read_rows

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MATCH_ORDER = ["SIS Login ID", "SIS User ID", "ID", "Student"]
POINTS_ROW = "Points Possible"
_CANVAS_ID = re.compile(r"^(?P<name>.*?)\s*\((?P<id>\d+)\)\s*$")


def assignment_headers(exercises, roster_columns=()):
    """exercise -> column header: the roster's 'name (id)' header when it has one, else the exercise name."""
    existing = {}
    for col in roster_columns:
        m = _CANVAS_ID.match(col)
        if m:
            existing.setdefault(m.group("name").strip(), col)
    return {ex: existing.get(ex, ex) for ex in exercises}


def _roster_index(roster_rows):
    """lookup key -> list of roster rows, for every identity column a student may be matched by."""
    index = {}
    for row in roster_rows:
        if row.get("Student", "").strip() == POINTS_ROW:
            continue
        for col in MATCH_ORDER:
            key = (row.get(col) or "").strip()
            if key:
                index.setdefault((col, key), []).append(row)
    return index


def match(student, index):
    """(roster row, None) for a grader student name, or (None, reason) when it matches no one or several people."""
    for col in MATCH_ORDER:
        rows = index.get((col, student), [])
        unique = {id(r): r for r in rows}
        if len(unique) == 1:
            return next(iter(unique.values())), None
        if len(unique) > 1:
            return None, f"matches {len(unique)} roster rows by {col}"
    return None, "is not in the roster (no SIS Login ID, SIS User ID, ID or Student name equal to it)"


def canvas_rows(gradebook_rows, roster_rows=None, roster_columns=()):
    """(header, rows, refusals): the import file's content from gradebook rows and an optional roster."""
    exercises = sorted({r["exercise"] for r in gradebook_rows if r.get("exercise")})
    headers = assignment_headers(exercises, roster_columns)
    max_points = {}
    for r in gradebook_rows:
        max_points.setdefault(r["exercise"], r.get("max_score", ""))
    header = IDENTITY + [headers[ex] for ex in exercises]
    points_row = {"Student": POINTS_ROW, **{headers[ex]: max_points[ex] for ex in exercises}}
    people, refusals = {}, []
    index = _roster_index(roster_rows) if roster_rows is not None else None
    for r in sorted(gradebook_rows, key=lambda r: (r.get("student", ""), r.get("exercise", ""))):
        student = r.get("student", "")
        if index is None:
            person = {"Student": student, "SIS Login ID": student}
        else:
            found, reason = match(student, index)
            if found is None:
                refusals.append(f"{student!r} ({r.get('exercise')}, score {r.get('score')}) {reason}")
                continue
            person = {c: found.get(c, "") for c in IDENTITY}
        key = tuple(person.get(c, "") for c in IDENTITY)
        row = people.setdefault(key, dict(person))
        column = headers[r["exercise"]]
        if column in row:   # two grader names for one person: which score is theirs is a person's decision
            refusals.append(f"{student!r} ({r.get('exercise')}, score {r.get('score')}) is the same roster person "
                            f"as another graded student ({person.get('Student')}); that exercise's cell is left out")
            row[column] = ""
            continue
        row[column] = r.get("score", "")
    if roster_rows is not None:   # everyone on the roster gets a row; an empty cell leaves Canvas's grade alone
        for found in roster_rows:
            if found.get("Student", "").strip() == POINTS_ROW:
                continue
            key = tuple(found.get(c, "") for c in IDENTITY)
            people.setdefault(key, {c: found.get(c, "") for c in IDENTITY})
    return header, [points_row] + list(people.values()), refusals


def export(gradebook, out, roster=None):
    """Write the Canvas import CSV for `gradebook` to `out`; returns the refusals (empty when every row went in)."""
    rows, _ = read_rows(gradebook)
    if not rows:
        raise SystemExit(f"{gradebook}: no gradebook rows to export (grade the class first)")
    roster_rows, roster_columns = read_rows(roster) if roster else (None, ())
    if roster and not roster_rows:
        raise SystemExit(f"{roster}: the roster has no rows (export it from Canvas: Grades > Export)")
    if roster and not any(c in roster_columns for c in MATCH_ORDER):
        raise SystemExit(f"{roster}: no Student, ID, SIS User ID or SIS Login ID column; is it a Canvas gradebook export?")
    header, out_rows, refusals = canvas_rows(rows, roster_rows, roster_columns)
    atomic_write(out, csv_text(out_rows, header))
    return refusals


def main(argv=None):
    """Command line entry point."""
    p = argparse.ArgumentParser(prog="python -m course_utils.grading.canvas", description=__doc__.split("\n")[0])
    p.add_argument("gradebook", help="the gradebook CSV written by python -m course_utils.grading")
    p.add_argument("--out", required=True, help="the Canvas import CSV to write")
    p.add_argument("--roster", help="Canvas's own gradebook export (Grades > Export), to match students and assignments")
    a = p.parse_args(argv)
    if not Path(a.gradebook).is_file():
        p.error(f"no such gradebook: {a.gradebook}")
    if a.roster and not Path(a.roster).is_file():
        p.error(f"no such roster: {a.roster}")
    refusals = export(a.gradebook, a.out, a.roster)
    print(f"wrote {a.out}")
    if refusals:
        print(f"REFUSED {len(refusals)} gradebook row(s), not in {a.out}:")
        print("\n".join(f"  {r}" for r in refusals))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
