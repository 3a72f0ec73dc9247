"""Grades reach the platforms instructors already use: a Canvas gradebook import CSV and a Gradescope autograder."""

import csv
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from course_utils.grading import canvas, cli, gradescope
from course_utils.grading.feedback import points
from course_utils.grading.gradebook import COLUMNS, csv_text
from course_utils.tasks import ASSIGNMENTS, max_score

REPO = Path(__file__).resolve().parents[1]
SOLUTION = {ex: (REPO / "solutions" / f"{ex}.ipynb").read_bytes() for ex in ("01_collapse_proof", "02_four_bends")}
BLANK = {ex: (REPO / "exercises" / f"{ex}.ipynb").read_bytes() for ex in ("01_collapse_proof", "02_four_bends")}


def put(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def with_answer(exercise, old, new):
    """The solution notebook of `exercise` with one line of an answer replaced (a learner's mistake)."""
    text = SOLUTION[exercise].decode()
    assert old in text, old
    return text.replace(old, new).encode()


RELU_KEEPS_NEGATIVES = with_answer("02_four_bends", "return np.maximum(x, 0.0)", "return np.minimum(x, 0.0)")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


# ---------------------------------------------------------------- Canvas
@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Three students × two exercises graded by the class grader: (gradebook path, its rows by (student, exercise))."""
    root = tmp_path_factory.mktemp("canvas")
    subs = root / "submitted"
    put(subs / "ann" / "ps1" / "01_collapse_proof.ipynb", SOLUTION["01_collapse_proof"])
    put(subs / "ann" / "ps2" / "02_four_bends.ipynb", SOLUTION["02_four_bends"])
    put(subs / "ben" / "ps1" / "01_collapse_proof.ipynb", BLANK["01_collapse_proof"])
    put(subs / "ben" / "ps2" / "02_four_bends.ipynb", RELU_KEEPS_NEGATIVES)
    put(subs / "=cy" / "ps2" / "02_four_bends.ipynb", SOLUTION["02_four_bends"])   # a name a spreadsheet would run
    gradebook = root / "gradebook.csv"
    assert cli.main([str(subs), "--gradebook", str(gradebook), "--quiet"]) == 0
    with open(gradebook, newline="", encoding="utf-8") as f:
        rows = {(r["student"].lstrip("'"), r["exercise"]): r for r in csv.DictReader(f)}
    return gradebook, rows


def test_canvas_csv_without_roster_has_canvas_columns_points_and_every_score(graded_class, tmp_path, capsys):
    """Check the import file column by column: identity columns, one column per exercise, Points Possible, scores."""
    gradebook, rows = graded_class
    out = tmp_path / "canvas.csv"
    assert canvas.main([str(gradebook), "--out", str(out)]) == 0
    table = read_csv(out)
    exercises = ["01_collapse_proof", "02_four_bends"]
    assert table[0] == canvas.IDENTITY + exercises
    assert table[1][0] == "Points Possible" and table[1][5:] == [points(max_score(ex)) for ex in exercises]
    body = {r[0]: dict(zip(table[0], r)) for r in table[2:]}
    assert set(body) == {"ann", "ben", "'=cy"}   # the formula-like name is quoted, so Canvas and Excel show text
    assert body["'=cy"]["SIS Login ID"] == "'=cy" and body["'=cy"]["01_collapse_proof"] == ""   # no submission: blank
    for (student, ex), row in rows.items():
        key = "'=cy" if student == "=cy" else student
        assert body[key][ex] == row["score"]
    assert body["ann"]["02_four_bends"] == points(max_score("02_four_bends"))
    assert 0 < float(body["ben"]["02_four_bends"]) < max_score("02_four_bends")


def _roster(path, extra_rows=()):
    """A roster as Canvas exports it: a Points Possible row, an assignment column with its Canvas id, a total."""
    header = canvas.IDENTITY + ["02_four_bends (4711)", "Current Score"]
    rows = [dict(zip(header, ["    Points Possible", "", "", "", "", "23", "(read only)"])),
            dict(zip(header, ["Lee, Ann", "101", "S-101", "ann", "Mon", "", ""])),
            dict(zip(header, ["Bell, Ben", "102", "ben", "bbell", "Tue", "", ""])),
            dict(zip(header, ["Dee, Dee", "103", "S-103", "dee", "Tue", "", ""])),
            *extra_rows]
    path.write_text(csv_text(rows, header), encoding="utf-8")
    return path


def test_canvas_csv_with_a_roster_matches_students_and_reuses_assignment_ids(graded_class, tmp_path, capsys):
    """Check students are matched by SIS Login ID or SIS User ID, the assignment keeps its Canvas id, strangers are refused."""
    gradebook, rows = graded_class
    out = tmp_path / "canvas.csv"
    code = canvas.main([str(gradebook), "--out", str(out), "--roster", str(_roster(tmp_path / "roster.csv"))])
    printed = capsys.readouterr().out
    assert code == 1 and "REFUSED 1" in printed and "'=cy'" in printed and "not in the roster" in printed
    table = read_csv(out)
    assert table[0] == canvas.IDENTITY + ["01_collapse_proof", "02_four_bends (4711)"]
    body = {r[3]: dict(zip(table[0], r)) for r in table[2:]}
    assert set(body) == {"ann", "bbell", "dee"}    # everyone on the roster; the stranger is not in the file
    assert body["ann"]["ID"] == "101" and body["ann"]["Section"] == "Mon"
    assert body["bbell"]["02_four_bends (4711)"] == rows[("ben", "02_four_bends")]["score"]   # matched by SIS User ID
    assert body["dee"]["02_four_bends (4711)"] == ""   # no submission: Canvas keeps what it has


def test_canvas_refuses_a_student_the_roster_holds_twice(graded_class, tmp_path, capsys):
    """Check an ambiguous match is refused, never guessed."""
    gradebook, _ = graded_class
    twin = dict(zip(canvas.IDENTITY, ["Lee, Ann (2)", "109", "S-109", "ann", "Wed"]))
    roster = _roster(tmp_path / "roster.csv", [twin])
    assert canvas.main([str(gradebook), "--out", str(tmp_path / "c.csv"), "--roster", str(roster)]) == 1
    assert "matches 2 roster rows by SIS Login ID" in capsys.readouterr().out


def test_canvas_refuses_an_empty_gradebook_and_a_roster_that_is_not_canvas(tmp_path, graded_class):
    """Check clear refusals, non-zero, for input that cannot make an import file."""
    empty = tmp_path / "empty.csv"
    empty.write_text(",".join(COLUMNS) + "\n")
    with pytest.raises(SystemExit, match="no gradebook rows"):
        canvas.main([str(empty), "--out", str(tmp_path / "c.csv")])
    odd = tmp_path / "odd.csv"
    odd.write_text("name,mark\nann,3\n")
    with pytest.raises(SystemExit, match="Canvas gradebook export"):
        canvas.main([str(graded_class[0]), "--out", str(tmp_path / "c.csv"), "--roster", str(odd)])


# ---------------------------------------------------------------- Gradescope
@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    """The Gradescope package for exercise 02, as an instructor would build and upload it."""
    return gradescope.build("02_four_bends", tmp_path_factory.mktemp("gs") / "autograder.zip")


def gradescope_run(zip_path, tmp_path, files, metadata=None):
    """Gradescope's layout in tmp_path/autograder: the zip in source/, the upload in submission/; run run_autograder."""
    root = tmp_path / "autograder"
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(root / "source")
    (root / "run_autograder").write_bytes((root / "source" / "run_autograder").read_bytes())
    (root / "submission").mkdir()
    for name, content in files.items():
        put(root / "submission" / name, content)
    (root / "submission_metadata.json").write_text(json.dumps(metadata or {"users": [{"id": 4242, "email": "a@b.c"}]}))
    # The course code comes from the zip (not this checkout); setup.sh's venv is stood in for by this Python.
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "COURSE_PYTHON": sys.executable,
           "PYTHONPATH": str(root / "source" / "course")}
    done = subprocess.run(["bash", str(root / "run_autograder")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads((root / "results" / "results.json").read_text())


def valid_results(result, exercise="02_four_bends"):
    """Gradescope's results.json shape: a score equal to the tests' sum; tests whose max_scores add to the exercise's."""
    assert set(result) >= {"score", "tests", "output"}
    for t in result["tests"]:
        assert set(t) >= {"name", "score", "max_score", "status", "output"} and 0 <= t["score"] <= t["max_score"]
    assert result["score"] == pytest.approx(sum(t["score"] for t in result["tests"]))
    assert sum(t["max_score"] for t in result["tests"]) == max_score(exercise)
    assert len(result["tests"]) == sum(len(t.checks) for t in ASSIGNMENTS[exercise])


def test_the_package_holds_setup_run_autograder_and_the_course(autograder_zip):
    """Check the zip's top level is what Gradescope runs, executable, and setup.sh is valid bash with pinned ranges."""
    with zipfile.ZipFile(autograder_zip) as z:
        names = set(z.namelist())
        assert {"setup.sh", "run_autograder", "course/pyproject.toml", "course/course_utils/grading/child.py"} <= names
        assert all((z.getinfo(n).external_attr >> 16) & 0o111 for n in ("setup.sh", "run_autograder"))
        setup = z.read("setup.sh").decode()
        assert not any("__pycache__" in n for n in names)
    for requirement in gradescope.requirements():
        assert f"'{requirement}'" in setup and ">=" in requirement
    script = Path(autograder_zip).with_name("setup.sh")
    script.write_text(setup)
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0


def test_gradescope_grades_a_solution_and_a_mistake_as_the_class_grader_does(autograder_zip, tmp_path):
    """Check full marks for the solution, and for a mistake the same score the CLI gives the same student."""
    full = gradescope_run(autograder_zip, tmp_path / "a", {"02_four_bends.ipynb": SOLUTION["02_four_bends"]})
    valid_results(full)
    assert full["score"] == max_score("02_four_bends")
    wrong = gradescope_run(autograder_zip, tmp_path / "b", {"homework 2.ipynb": RELU_KEEPS_NEGATIVES})
    valid_results(wrong)
    failed = [t for t in wrong["tests"] if t["status"] == "failed"]
    assert failed and all(t["name"].startswith("relu:") for t in failed)
    assert any("negative side" in t["output"] for t in failed)
    put(tmp_path / "class" / "4242" / "02_four_bends.ipynb", RELU_KEEPS_NEGATIVES)   # Gradescope id 4242 as the student
    graded = cli.grade_paths([tmp_path / "class"], tmp_path / "gb.csv", progress=False)
    assert wrong["score"] == graded[0].score < max_score("02_four_bends")


@pytest.mark.parametrize("files,words", [
    ({}, "No notebook"),
    ({"a.ipynb": SOLUTION["02_four_bends"], "b.ipynb": SOLUTION["02_four_bends"]}, "Upload only one"),
    ({"02_four_bends.ipynb": SOLUTION["01_collapse_proof"]}, "holds the work of exercise 01_collapse_proof"),
], ids=["nothing", "two copies", "wrong exercise"])
def test_gradescope_refuses_an_upload_it_cannot_grade_with_zero_and_a_reason(autograder_zip, tmp_path, files, words):
    """Check an ungradable upload still gets a valid results.json: 0 points and what to upload instead."""
    result = gradescope_run(autograder_zip, tmp_path, files)
    valid_results(result)
    assert result["score"] == 0 and words in result["output"]


def test_gradescope_picks_the_right_notebook_among_others(autograder_zip, tmp_path):
    """Check an upload with the exercise beside an unrelated notebook grades the exercise."""
    result = gradescope_run(autograder_zip, tmp_path, {"scratch.ipynb": BLANK["01_collapse_proof"],
                                                       "work/02.ipynb": SOLUTION["02_four_bends"]})
    assert result["score"] == max_score("02_four_bends")


def test_canvas_refuses_two_grader_names_for_one_person(tmp_path):
    """Check that a login and a student number of the same person leave that cell empty and are refused, not merged."""
    rows = [{"student": "ann", "exercise": "02_four_bends", "score": "23", "max_score": "23"},
            {"student": "S-101", "exercise": "02_four_bends", "score": "5", "max_score": "23"}]
    roster_rows, columns = [], canvas.IDENTITY
    roster_rows.append(dict(zip(canvas.IDENTITY, ["Lee, Ann", "101", "S-101", "ann", "Mon"])))
    header, out, refusals = canvas.canvas_rows(rows, roster_rows, columns)
    assert len(refusals) == 1 and "same roster person" in refusals[0]
    assert [r.get("02_four_bends") for r in out[1:]] == [""]
