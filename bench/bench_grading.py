"""Grader speed: seconds per graded notebook and for a class of 100, against `jupyter nbconvert --execute` of the same notebook."""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import median, record
from course_utils.grading.cli import Submission, grade_paths, grade_submission

REPO = Path(__file__).resolve().parents[1]
SOLUTION = REPO / "solutions" / "01_collapse_proof.ipynb"


def _seconds(fn, repeat):
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def run():
    """Records: per-notebook grading time (vs nbconvert --execute), and a 100-submission class on 2 workers."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        sub = Submission("bench", "01_collapse_proof", SOLUTION)
        graded = grade_submission(sub, seed=1)
        assert graded.score == graded.max_score, graded.status  # timing a broken grader would mean nothing
        per_nb = median(_seconds(lambda: grade_submission(sub, seed=1), 7))

        out = tmp / "executed.ipynb"
        nbconvert = [sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "notebook",
                     "--output", str(out), str(SOLUTION)]
        baseline = median(_seconds(lambda: subprocess.run(nbconvert, check=True, capture_output=True), 3))

        for i in range(100):
            folder = tmp / "submitted" / f"s{i:03d}" / "01_collapse_proof"
            folder.mkdir(parents=True)
            shutil.copy(SOLUTION, folder)
        t0 = time.perf_counter()
        results = grade_paths([tmp / "submitted"], tmp / "gradebook.csv", seed=1, workers=2, progress=False)
        class_s = time.perf_counter() - t0
        assert len(results) == 100 and all(g.score == g.max_score for g in results)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [
        record("grading: seconds per notebook (01, solution)", per_nb, "s", baseline=baseline,
               target="<= 1 s and >= 2x faster than nbconvert --execute",
               met=per_nb <= 1.0 and baseline / per_nb >= 2.0,
               note="baseline: jupyter nbconvert --execute --to notebook, median of 3"),
        record("grading: class of 100 submissions, 2 workers", class_s, "s", baseline=100 * baseline,
               target="<= 60 s", met=class_s <= 60.0,
               note="baseline: 100 x one nbconvert --execute run (sequential)"),
    ]
