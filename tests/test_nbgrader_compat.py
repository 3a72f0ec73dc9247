"""Real nbgrader accepts our solution notebooks and autogrades submissions: full marks for the solution, 0 for the blank."""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("nbgrader", reason="nbgrader comes with the instructor extra")

REPO = Path(__file__).resolve().parents[1]
SOLUTION = REPO / "solutions" / "01_collapse_proof.ipynb"


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
