"""The instructor's work survives re-runs: adjustments merge, hand edits are kept, late work is penalised,
per-task columns, and no cell a spreadsheet would evaluate."""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_grading_grade import EXERCISE, SOLUTION, grade, put, rows  # noqa: E402

from course_utils.grading.gradebook import inert, late_penalty, parse_time, restored  # noqa: E402


def _adjustments(book):
    with open(book.with_name(book.stem + "_adjustments.csv"), newline="") as f:
        return list(csv.DictReader(f))


def test_overrides_penalties_and_comments_survive_a_rerun(tmp_path):
    """Check an adjustments row sets the final score and comment, and a second run keeps both and says nothing changed."""
    put(tmp_path, "alice", SOLUTION.read_bytes())
    put(tmp_path, "bob", EXERCISE.read_bytes())
    book = tmp_path / "gb.csv"
    assert grade(tmp_path / "submitted", "--gradebook", book, "--quiet").returncode == 0
    first = rows(book)
    assert first[("alice", "01_collapse_proof")]["score"] == first[("alice", "01_collapse_proof")]["auto_score"]
    adjust = book.with_name("gb_adjustments.csv")
    assert adjust.read_text().startswith("student,exercise,override,late_penalty,comment")
    with open(adjust, "a") as f:
        f.write("bob,01_collapse_proof,2,,extension granted\nalice,01_collapse_proof,,1.5,\n")
    for _ in range(2):
        done = grade(tmp_path / "submitted", "--gradebook", book, "--quiet")
        got = rows(book)
        assert got[("bob", "01_collapse_proof")]["score"] == "2"
        assert got[("bob", "01_collapse_proof")]["comment"] == "extension granted"
        alice = got[("alice", "01_collapse_proof")]
        assert float(alice["score"]) == float(alice["auto_score"]) - 1.5
    assert "CHANGED" not in done.stdout   # the second run changed nothing


def test_a_score_typed_into_the_gradebook_becomes_an_override(tmp_path):
    """Check a hand-edited score is moved to the adjustments file, kept, and reported."""
    put(tmp_path, "bob", EXERCISE.read_bytes())
    book = tmp_path / "gb.csv"
    grade(tmp_path / "submitted", "--gradebook", book, "--quiet")
    text = book.read_text().splitlines()
    header = text[0].split(",")
    cells = text[1].split(",")
    cells[header.index("score")] = "4.5"
    book.write_text("\n".join([text[0], ",".join(cells)]) + "\n")
    done = grade(tmp_path / "submitted", "--gradebook", book, "--quiet")
    assert rows(book)[("bob", "01_collapse_proof")]["score"] == "4.5"
    assert [r["override"] for r in _adjustments(book)] == ["4.5"]
    assert "KEPT bob / 01_collapse_proof" in done.stdout


def test_per_task_columns_and_late_work(tmp_path):
    """Check a task column per task and a penalty from nbgrader's timestamp.txt and --due (two days late: 20%)."""
    path = put(tmp_path, "carol", SOLUTION.read_bytes())
    (path.parent / "timestamp.txt").write_text("2026-12-03 09:00:00.000000 UTC")
    book = tmp_path / "gb.csv"
    assert grade(tmp_path / "submitted", "--gradebook", book, "--quiet", "--due", "2026-12-01T23:59Z").returncode == 0
    row = rows(book)[("carol", "01_collapse_proof")]
    assert any(k.startswith("task ") and row[k] for k in row)
    assert row["submitted_at"] == "2026-12-03T09:00:00Z"
    assert abs(float(row["late_penalty"]) - 0.2 * float(row["max_score"])) < 1e-9
    assert float(row["score"]) == float(row["auto_score"]) - float(row["late_penalty"])
    assert grade(tmp_path / "submitted", "--gradebook", book, "--quiet", "--due", "yesterday").returncode == 2


def test_late_penalty_counts_started_days_and_never_exceeds_the_points():
    """Check one second late is one day, on time is nothing, and ten days cap at the maximum."""
    due = parse_time("2026-12-01T00:00Z")
    assert late_penalty(parse_time("2026-12-01T00:00:01Z"), due, 6, 10) == 0.6
    assert late_penalty(parse_time("2026-11-30T23:00Z"), due, 6, 10) == 0.0
    assert late_penalty(parse_time("2026-12-20T00:00Z"), due, 6, 10) == 6.0


def test_a_student_name_that_is_a_formula_is_inert_in_the_csv(tmp_path):
    """Check a folder named like a spreadsheet formula is written quoted and read back as it was."""
    put(tmp_path, "=HYPERLINK(\"x\")", SOLUTION.read_bytes())
    book = tmp_path / "gb.csv"
    grade(tmp_path / "submitted", "--gradebook", book, "--quiet")
    with open(book, newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert "'=HYPERLINK(\"x\")" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    for value in ["=1+1", "+1", "-x", "@SUM", "plain", "'quoted"]:
        assert restored(inert(value)) == value
