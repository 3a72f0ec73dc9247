"""A class in any layout is graded without losing or mixing up a student; what cannot be graded safely is refused."""

import csv
import json
from pathlib import Path

import pytest

from course_utils.grading import cli
from course_utils.grading.discover import discover, exercise_in_content
from course_utils.grading.feedback import points
from course_utils.tasks import max_score

REPO = Path(__file__).resolve().parents[1]
SOL = {ex: (REPO / "solutions" / f"{ex}.ipynb").read_bytes() for ex in ("01_collapse_proof", "02_four_bends")}
FULL = {ex: points(max_score(ex)) for ex in SOL}   # what a full solution earns
BLANK = {ex: (REPO / "exercises" / f"{ex}.ipynb").read_bytes() for ex in ("01_collapse_proof", "02_four_bends")}


def put(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def run(capsys, *args):
    code = cli.main([str(a) for a in args] + ["--seed", "3", "--quiet"])
    return code, capsys.readouterr().out


def book(path):
    with open(path, newline="") as f:
        return {(r["student"], r["exercise"]): r["score"] for r in csv.DictReader(f)}


def test_nbgrader_layout_under_any_folder_name_with_copies(tmp_path, capsys):
    """Check downloads/<student>/<assignment>/<file> grades each student once, whatever the files are called."""
    root = tmp_path / "downloads"
    put(root / "ann" / "ps01" / "01_collapse_proof.ipynb", SOL["01_collapse_proof"])
    put(root / "ann" / "ps02" / "02_four_bends-Copy1.ipynb", SOL["02_four_bends"])
    put(root / "ben" / "ps01" / "01_collapse_proof-Copy1.ipynb", BLANK["01_collapse_proof"])
    put(root / "ben" / "ps02" / "homework.ipynb", BLANK["02_four_bends"])
    code, out = run(capsys, root, "--gradebook", tmp_path / "gb.csv")
    assert code == 0, out
    assert book(tmp_path / "gb.csv") == {("ann", "01_collapse_proof"): FULL["01_collapse_proof"], ("ann", "02_four_bends"): FULL["02_four_bends"],
                                         ("ben", "01_collapse_proof"): "0", ("ben", "02_four_bends"): "0"}


def test_an_nbgrader_course_root_grades_only_what_was_submitted(tmp_path):
    """Check that source/, release/ and autograded/ beside submitted/ are not taken for students."""
    root = tmp_path / "course"
    put(root / "source" / "ps01" / "01_collapse_proof.ipynb", SOL["01_collapse_proof"])
    put(root / "release" / "ps01" / "01_collapse_proof.ipynb", BLANK["01_collapse_proof"])
    put(root / "autograded" / "cy" / "ps01" / "01_collapse_proof.ipynb", SOL["01_collapse_proof"])
    put(root / "submitted" / "cy" / "ps01" / "01_collapse_proof.ipynb", SOL["01_collapse_proof"])
    subs, refused = discover([root])
    assert [(s.student, s.exercise) for s in subs] == [("cy", "01_collapse_proof")] and refused == []


def test_a_flat_folder_needs_no_exercise_option(tmp_path, capsys):
    """Check alice.ipynb, bob.ipynb are graded as the exercise their content is, with the README's command."""
    put(tmp_path / "class" / "alice.ipynb", SOL["01_collapse_proof"])
    put(tmp_path / "class" / "bob.ipynb", SOL["02_four_bends"])
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv")
    assert code == 0, out
    assert book(tmp_path / "gb.csv") == {("alice", "01_collapse_proof"): FULL["01_collapse_proof"], ("bob", "02_four_bends"): FULL["02_four_bends"]}


def test_two_notebooks_for_one_student_and_exercise_are_refused(tmp_path, capsys):
    """Check alice.ipynb and alice-Copy1.ipynb are both refused, named, kept out of the gradebook, exit 1."""
    put(tmp_path / "class" / "alice.ipynb", SOL["01_collapse_proof"])
    put(tmp_path / "class" / "alice-Copy1.ipynb", BLANK["01_collapse_proof"])
    put(tmp_path / "class" / "dan.ipynb", SOL["01_collapse_proof"])
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv")
    assert code == 1
    assert book(tmp_path / "gb.csv") == {("dan", "01_collapse_proof"): FULL["01_collapse_proof"]}
    assert "REFUSED 2 notebook(s)" in out and "alice-Copy1.ipynb" in out and "keep one" in out


def test_the_wrong_exercise_uploaded_is_graded_as_what_it_is_and_flagged(tmp_path, capsys):
    """Check a file named 01_collapse_proof.ipynb holding exercise 02 is graded as 02, and the instructor told."""
    put(tmp_path / "class" / "eve" / "01_collapse_proof.ipynb", SOL["02_four_bends"])
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv", "--feedback", tmp_path / "fb")
    assert code == 0
    assert book(tmp_path / "gb.csv") == {("eve", "02_four_bends"): FULL["02_four_bends"]}
    assert "FLAGGED" in out and "named 01_collapse_proof, graded as 02_four_bends" in out
    assert "the file name says 01_collapse_proof" in (tmp_path / "fb" / "eve" / "02_four_bends.md").read_text()


def test_a_notebook_of_no_exercise_is_refused(tmp_path, capsys):
    """Check a notebook with none of the exercises' functions or checks, and no telling name, is refused."""
    nb = {"cells": [{"cell_type": "code", "source": "print('hi')", "metadata": {}, "outputs": [],
                     "execution_count": None}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    put(tmp_path / "class" / "notes.ipynb", json.dumps(nb).encode())
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv")
    assert code == 1 and "matches no exercise" in out and not (tmp_path / "gb.csv").exists()


@pytest.mark.parametrize("ex", ["01_collapse_proof", "02_four_bends"])
def test_exercises_are_recognised_from_content_even_blank(ex, tmp_path):
    """Check both the solution and the blank exercise say which exercise they are."""
    assert exercise_in_content(put(tmp_path / "a.ipynb", SOL[ex])) == ex
    assert exercise_in_content(put(tmp_path / "b.ipynb", BLANK[ex])) == ex


def test_an_unreadable_notebook_makes_the_exit_code_say_so(tmp_path, capsys):
    """Check a broken file named like the exercise is graded 0 as unreadable, and the run exits 1."""
    put(tmp_path / "class" / "fay" / "01_collapse_proof.ipynb", b"{not json")
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv")
    assert code == 1 and book(tmp_path / "gb.csv") == {("fay", "01_collapse_proof"): "0"}


def test_an_endless_scratch_cell_costs_that_cell_only(tmp_path, capsys):
    """Check a right answer after an endless loop still earns full marks, and feedback names the cell by its first line."""
    nb = json.loads(SOL["01_collapse_proof"])
    loop = {"cell_type": "code", "source": "# scratch\nwhile True:\n    pass", "metadata": {}, "outputs": [],
            "execution_count": None}
    nb["cells"].insert(1, loop)
    put(tmp_path / "class" / "gil.ipynb", json.dumps(nb).encode())
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv", "--feedback", tmp_path / "fb",
                    "--timeout", "4")
    assert code == 0 and book(tmp_path / "gb.csv") == {("gil", "01_collapse_proof"): FULL["01_collapse_proof"]}
    text = (tmp_path / "fb" / "gil" / "01_collapse_proof.md").read_text()
    assert "(the one starting `while True:`) raised TimeoutError" in text and "the cells after it still ran" in text


def test_two_runs_give_identical_gradebooks_and_seeds_differ_by_student(tmp_path, capsys):
    """Check a re-run reproduces every score and seed, and that students get different inputs (9-digit seeds)."""
    put(tmp_path / "class" / "hal.ipynb", SOL["01_collapse_proof"])
    put(tmp_path / "class" / "ivy.ipynb", BLANK["01_collapse_proof"])
    runs = []
    for k in range(2):
        assert cli.main([str(tmp_path / "class"), "--gradebook", str(tmp_path / f"gb{k}.csv"), "--quiet"]) == 0
        with open(tmp_path / f"gb{k}.csv", newline="") as f:
            runs.append({r["student"]: (r["score"], r["seed"]) for r in csv.DictReader(f)})
    assert runs[0] == runs[1]
    seeds = [seed for _, seed in runs[0].values()]
    assert len(set(seeds)) == 2 and all(len(s) <= 9 and s.isdigit() for s in seeds)


def test_graded_at_says_its_time_zone(tmp_path, capsys):
    put(tmp_path / "class" / "jo.ipynb", SOL["01_collapse_proof"])
    run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv")
    with open(tmp_path / "gb.csv", newline="") as f:
        (row,) = csv.DictReader(f)
    assert row["graded_at"].endswith("Z") and "T" in row["graded_at"]


def test_make_grade_takes_a_path_with_spaces(tmp_path):
    """Check `make grade` passes a folder and a gradebook whose names hold spaces as one path each."""
    import subprocess
    put(tmp_path / "my class" / "kai.ipynb", SOL["01_collapse_proof"])
    gradebook = tmp_path / "grades of week 1.csv"
    done = subprocess.run(["make", "-s", "grade", f"SUBMISSIONS={tmp_path / 'my class'}", f"GRADEBOOK={gradebook}"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert book(gradebook) == {("kai", "01_collapse_proof"): FULL["01_collapse_proof"]}


def test_a_student_who_plots_loses_nothing(tmp_path, capsys):
    """Check matplotlib (a course dependency) works in the sandbox: plotting cells raise nothing, the grade is full."""
    nb = json.loads(SOL["01_collapse_proof"])
    plot = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([0, 1], [1, 0])\n"
                      "ax.set_title('my check')\nfig.savefig('mine.png')\nplt.show()"}
    nb["cells"].insert(1, plot)
    put(tmp_path / "class" / "lee.ipynb", json.dumps(nb).encode())
    code, out = run(capsys, tmp_path / "class", "--gradebook", tmp_path / "gb.csv", "--feedback", tmp_path / "fb")
    assert code == 0 and book(tmp_path / "gb.csv") == {("lee", "01_collapse_proof"): FULL["01_collapse_proof"]}
    assert "raised" not in (tmp_path / "fb" / "lee" / "01_collapse_proof.md").read_text()
