"""exercises/ is generated from solutions/: the rule, the drift check, and what the committed exercises show."""

import shutil
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools.make_exercises import exercise_from, strip_solutions
from course_utils.tasks import ASSIGNMENTS

REPO = Path(__file__).resolve().parents[1]


def test_a_solution_block_becomes_raise_at_its_indentation():
    """Check the block (markers included) becomes one raise line indented like BEGIN, keeping lines around it."""
    src = "def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    return x + y\n    ### END SOLUTION\n\nz = 2"
    assert strip_solutions(src) == "def f(x):\n    y = 1\n    raise NotImplementedError()\n\nz = 2"


def test_top_level_blocks_and_plain_cells():
    """Check an unindented block, two blocks in one cell, and a cell without markers."""
    src = "### BEGIN SOLUTION\na = 1\n### END SOLUTION\nb = 2\n  ### BEGIN SOLUTION\n  c\n  ### END SOLUTION"
    assert strip_solutions(src) == "raise NotImplementedError()\nb = 2\n  raise NotImplementedError()"
    assert strip_solutions("print(1)") == "print(1)"


def test_an_unclosed_block_is_an_error():
    """Check a BEGIN without END is refused rather than silently eating the rest of the cell."""
    with pytest.raises(ValueError):
        strip_solutions("### BEGIN SOLUTION\nsecret = 1")


def test_committed_exercises_match_a_fresh_generation():
    """Check `make_exercises --check` passes on the committed tree."""
    done = subprocess.run([sys.executable, "-m", "tools.make_exercises", "--check"], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_drift_is_detected(tmp_path):
    """Check --check fails when a solution changed but its exercise was not regenerated."""
    for folder in ("solutions", "exercises"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    sol = tmp_path / "solutions" / "01_collapse_proof.ipynb"
    nb = nbformat.read(str(sol), as_version=4)
    nb.cells[0].source += "\n\nOne more sentence."
    nbformat.write(nb, str(sol))
    done = subprocess.run([sys.executable, "-m", "tools.make_exercises", "--check", "--root", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 1 and "01_collapse_proof" in done.stdout


@pytest.mark.parametrize("name", sorted(ASSIGNMENTS))
def test_each_assignment_has_a_solution_with_check_cells_worth_its_points(name):
    """Check the solution has one nbgrader grade cell per task, calling check(task), worth the task's points."""
    nb = nbformat.read(str(REPO / "solutions" / f"{name}.ipynb"), as_version=4)
    cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    graded = {c.source.strip().splitlines()[-1]: c.metadata["nbgrader"]["points"] for c in cells}
    assert graded == {f'check("{t.name}")': t.points for t in ASSIGNMENTS[name]}
    # each grade cell binds `check` itself, so an answer cell that reuses the name cannot stand in for it
    assert all(c.source.startswith("from course_utils.grading import check") for c in cells)
    assert all("slideshow" in c.metadata for c in nb.cells)


@pytest.mark.parametrize("name", sorted(ASSIGNMENTS))
def test_committed_exercise_shows_not_done_yet_and_solution_full_marks(name):
    """Check the stored outputs: the exercise's check cells say "not done yet", the solution's pass, no tracebacks."""
    for folder, expected in (("exercises", "not done yet"), ("solutions", "all checks passed")):
        nb = nbformat.read(str(REPO / folder / f"{name}.ipynb"), as_version=4)
        checks = [c for c in nb.cells if c.cell_type == "code" and re.search(r"^check\(", c.source, re.M)]
        assert checks
        for c in checks:
            text = "".join(o.get("text", "") for o in c.outputs)
            assert expected in text and all(o.output_type != "error" for o in c.outputs)


def test_the_exercise_keeps_no_solution_code():
    """Check no line between the markers of the solution survives into the exercise."""
    sol = nbformat.read(str(REPO / "solutions" / "01_collapse_proof.ipynb"), as_version=4)
    secret = [ln.strip() for c in sol.cells for ln in c.source.split("### BEGIN SOLUTION")[1:]
              for ln in ln.split("### END SOLUTION")[0].splitlines() if ln.strip()]
    assert secret
    text = "\n".join(c.source for c in exercise_from(REPO / "solutions" / "01_collapse_proof.ipynb").cells)
    assert not [ln for ln in secret if ln in text]
