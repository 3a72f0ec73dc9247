"""A learner may use SciPy in an answer: the sandbox must grade it like the notebook's check() does."""

import csv
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
SOLUTION = REPO / "solutions" / "02_four_bends.ipynb"
SCIPY_GELU = '''
import numpy as np
from scipy.special import ndtr, erf  # a learner's natural choice for the Gaussian CDF

def gelu(x):
    x = np.asarray(x, dtype=float)
    return x * ndtr(x)

def gelu_slope(x):
    x = np.asarray(x, dtype=float)
    return 0.5 * (1 + erf(x / np.sqrt(2))) + x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)
'''


def test_answers_using_scipy_special_earn_full_marks(tmp_path):
    """Check that importing scipy.special inside a submission works under the sandbox's audit hook."""
    nb = nbformat.read(str(SOLUTION), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(SCIPY_GELU))  # redefines gelu and gelu_slope with SciPy
    sub = tmp_path / "submitted" / "erin" / "02_four_bends" / "02_four_bends.ipynb"
    sub.parent.mkdir(parents=True)
    nbformat.write(nb, str(sub))
    book = tmp_path / "book.csv"
    done = subprocess.run([sys.executable, "-m", "course_utils.grading.cli", str(tmp_path / "submitted"),
                           "--gradebook", str(book), "--seed", "3", "--quiet"],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    (row,) = list(csv.DictReader(book.open()))
    assert float(row["score"]) == float(row["max_score"]) > 0, row
