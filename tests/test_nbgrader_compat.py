"""Real nbgrader accepts our solution notebooks and autogrades submissions: full marks for the solution, 0 for the blank."""

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.cases import RIGHT, UNTOUCHED as UNTOUCHED_ANSWER, UP_TO_THREE
from course_utils.grading import evaluate

pytest.importorskip("nbgrader", reason="nbgrader comes with the instructor extra")

REPO = Path(__file__).resolve().parents[1]
SOLUTION = REPO / "solutions" / "01_collapse_proof.ipynb"


STUDENTS = {   # answer cells nbgrader must grade as the course's own grader does
    "carol": UP_TO_THREE,                                                    # right for up to three layers only
    "dave": "check = lambda *args, **kwargs: None\n" + UNTOUCHED_ANSWER,   # replaces check, answers nothing
    "erin": "from course_utils.engine import mlp\ncompose = mlp.compose_affine",   # the course's own answer
    "fay": "import warnings\n" + RIGHT.replace("    return W, b", "    warnings.warn('slow', RuntimeWarning)\n    return W, b"),
}


def nbgrader(course, *args):
    """Run the real nbgrader CLI from this interpreter's environment (its bin dir on PATH for alembic)."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course directory with ps01 = our solution notebook, released by nbgrader and autograded for two students."""
    root = tmp_path_factory.mktemp("course")
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(root)!r}\n"
        "c.CourseDirectory.course_id = 'course'\n"
        f"c.CourseDirectory.db_url = 'sqlite:///{root / 'gradebook.db'}'\n")
    (root / "source" / "ps01").mkdir(parents=True)
    shutil.copy(SOLUTION, root / "source" / "ps01")
    nbgrader(root, "generate_assignment", "ps01", "--force")
    for student, origin in (("alice", root / "source"), ("bob", root / "release")):
        (root / "submitted" / student / "ps01").mkdir(parents=True)
        shutil.copy(origin / "ps01" / SOLUTION.name, root / "submitted" / student / "ps01")
    release = json.loads((root / "release" / "ps01" / SOLUTION.name).read_text())
    for student, answer in STUDENTS.items():
        nb = json.loads(json.dumps(release))
        cell = next(c for c in nb["cells"] if "raise NotImplementedError()" in "".join(c["source"]))
        cell["source"] = answer
        (root / "submitted" / student / "ps01").mkdir(parents=True)
        (root / "submitted" / student / "ps01" / SOLUTION.name).write_text(json.dumps(nb))
    nbgrader(root, "autograde", "ps01", "--force")
    nbgrader(root, "export", "--to", str(root / "grades.csv"))
    with open(root / "grades.csv", newline="") as f:
        return root, {r["student_id"]: r for r in csv.DictReader(f)}


def test_generate_assignment_blanks_the_answer(course):
    """Check nbgrader's release has the answer replaced and keeps our check cell."""
    root, _ = course
    text = (root / "release" / "ps01" / SOLUTION.name).read_text()
    assert "raise NotImplementedError()" in text and "W_next @ W" not in text
    assert 'check(\\"compose\\")' in text


def test_autograde_gives_the_solution_full_marks(course):
    """Check the solution scores the check cell's points (6) under nbgrader autograde."""
    _, grades = course
    assert float(grades["alice"]["score"]) == float(grades["alice"]["max_score"]) == 6.0


def test_autograde_gives_the_untouched_release_zero(course):
    """Check the untouched release scores 0: check() raises while nbgrader autogrades."""
    _, grades = course
    assert float(grades["bob"]["score"]) == 0.0 and float(grades["bob"]["max_score"]) == 6.0


def test_nbgrader_gives_partial_credit_as_the_course_grader_does(course):
    """Check a half-right answer gets the same partial points from nbgrader as from the course's check()."""
    _, grades = course
    ns = {}
    exec(UP_TO_THREE, ns)
    expected = evaluate("compose", ns).earned
    assert 0 < expected < 6 and float(grades["carol"]["score"]) == expected


@pytest.mark.parametrize("student", ["dave", "erin"])
def test_tricks_earn_nothing_under_nbgrader(course, student):
    """Check replacing check() in an answer cell, or answering with the course's own code, scores 0."""
    _, grades = course
    assert float(grades[student]["score"]) == 0.0


def test_a_warning_in_a_right_answer_keeps_full_marks(course):
    """Check nbgrader does not zero a passed check because the learner's code warned on stderr."""
    _, grades = course
    assert float(grades["fay"]["score"]) == 6.0
