"""The grader command end to end: full marks for the solution, 0 and "not done yet" for the blank, partial credit, safe files."""

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course_utils.grading.cli import code_cells, discover
from hostile.cases import UP_TO_THREE, Case, submission_bytes

REPO = Path(__file__).resolve().parents[1]
EXERCISE = REPO / "exercises" / "01_collapse_proof.ipynb"
SOLUTION = REPO / "solutions" / "01_collapse_proof.ipynb"
PLACES = {"gradebook": "", "victim": "", "victim_dir": "", "repo": "", "pwned": ""}


def grade(*args, **kw):
    """Run the real command line; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "course_utils.grading.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, cwd=kw.get("cwd", REPO))


def rows(path):
    with open(path, newline="") as f:
        return {(r["student"], r["exercise"]): r for r in csv.DictReader(f)}


def put(root, student, content):
    path = root / "submitted" / student / "01_collapse_proof" / "01_collapse_proof.ipynb"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    return path


@pytest.fixture(scope="module")
def class_run(tmp_path_factory):
    """A small class in nbgrader's layout graded once: solution, untouched exercise, two partial answers."""
    tmp = tmp_path_factory.mktemp("class")
    put(tmp, "alice", SOLUTION.read_bytes())
    put(tmp, "bob", EXERCISE.read_bytes())
    put(tmp, "carol", submission_bytes(Case("up to three", 4, (), answer=UP_TO_THREE), PLACES))
    put(tmp, "dave", submission_bytes(Case("no biases", 1, (), answer=(
        "import numpy as np\ndef compose(layers):\n    W = layers[0][0]\n    for Wn, _ in layers[1:]:\n"
        "        W = Wn @ W\n    return W, np.zeros(W.shape[0])")), PLACES))
    book = tmp / "grades.csv"
    done = grade(tmp / "submitted", "--gradebook", book, "--seed", "7", "--timeout", "20")
    return tmp, book, done


def test_the_command_succeeds_and_prints_a_summary(class_run):
    """Check exit status 0, a summary line per student on stdout, and the progress bar on stderr only."""
    _, _, done = class_run
    assert done.returncode == 0, done.stderr
    for student in ("alice", "bob", "carol", "dave"):
        assert student in done.stdout
    assert "4 notebooks graded" in done.stdout
    assert "grading" in done.stderr


def test_scores_full_zero_and_partial(class_run):
    """Check the solution scores full, the untouched exercise 0, and the partial answers what their checks give."""
    _, book, _ = class_run
    got = rows(book)
    scores = {s: (r["score"], r["max_score"]) for (s, _), r in got.items()}
    assert scores == {"alice": ("6", "6"), "bob": ("0", "6"), "carol": ("4", "6"), "dave": ("1", "6")}
    assert got[("bob", "01_collapse_proof")]["status"] == "not done yet"
    assert set(next(iter(got.values()))) >= {"student", "exercise", "score", "max_score", "status"}


def test_feedback_files_name_the_mistakes(class_run):
    """Check each student has a markdown feedback file and it names their mistake."""
    tmp, book, _ = class_run
    folder = tmp / "grades_feedback"
    carol = (folder / "carol" / "01_collapse_proof.md").read_text()
    assert "**Score: 4 / 6**" in carol and "only the first 3 layers" in carol
    assert "the biases were left out" in (folder / "dave" / "01_collapse_proof.md").read_text()
    assert "not done yet" in (folder / "bob" / "01_collapse_proof.md").read_text()


def test_an_existing_gradebook_is_updated_not_clobbered(tmp_path):
    """Check a second run keeps other rows, replaces the re-graded row, and adds no duplicate."""
    book = tmp_path / "book.csv"
    book.write_text("student,exercise,score,max_score,status,comment\nzoe,01_collapse_proof,5,6,graded,late\n"
                    "alice,01_collapse_proof,0,6,not done yet,\n")
    put(tmp_path, "alice", SOLUTION.read_bytes())
    assert grade(tmp_path / "submitted", "--gradebook", book, "--quiet").returncode == 0
    got = rows(book)
    assert got[("zoe", "01_collapse_proof")]["comment"] == "late"
    assert got[("alice", "01_collapse_proof")]["score"] == "6"
    assert len(got) == 2 and book.read_text().count("alice") == 1


def test_flat_and_single_notebook_layouts(tmp_path):
    """Check a flat folder (student = file stem) and a single notebook path are graded."""
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "erin.ipynb").write_bytes(SOLUTION.read_bytes())
    single = tmp_path / "frank_01_collapse_proof.ipynb"
    single.write_bytes(EXERCISE.read_bytes())
    book = tmp_path / "book.csv"
    done = grade(tmp_path / "flat", single, "--gradebook", book, "--exercise", "01_collapse_proof",
                 "--feedback", tmp_path / "fb", "--quiet")
    assert done.returncode == 0, done.stderr
    got = rows(book)
    assert got[("erin", "01_collapse_proof")]["score"] == "6"
    assert got[("frank", "01_collapse_proof")]["score"] == "0"
    assert (tmp_path / "fb" / "erin" / "01_collapse_proof.md").exists()


def test_discover_reads_the_nbgrader_layout(tmp_path):
    """Check student and exercise come from submitted/<student>/<assignment>/<notebook>.ipynb."""
    path = tmp_path / "course" / "submitted" / "gus" / "ps1" / "01_collapse_proof.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text("{}")
    (sub,), refused = discover([tmp_path / "course"])
    assert refused == []
    assert (sub.student, sub.exercise, sub.path) == ("gus", "01_collapse_proof", path)


def test_check_cells_are_not_sent_to_the_child():
    """Check the grader runs the answer cells but not the check cells (by nbgrader metadata or by their call)."""
    sources = [src for _, src in code_cells(SOLUTION)]
    assert any("def compose" in s for s in sources)
    assert not any("check(" in s for s in sources)


def test_an_interrupted_run_keeps_what_it_graded(tmp_path):
    """Check that killing the grader mid-class leaves a valid gradebook with every submission graded so far."""
    put(tmp_path, "a_first", SOLUTION.read_bytes())
    put(tmp_path, "b_second", EXERCISE.read_bytes())
    put(tmp_path, "c_hangs", submission_bytes(Case("hang", 0, (), before=("while True:\n    pass",)), PLACES))
    book = tmp_path / "book.csv"
    proc = subprocess.Popen([sys.executable, "-m", "course_utils.grading.cli", str(tmp_path / "submitted"), "--gradebook",
                             str(book), "--workers", "1", "--timeout", "120", "--quiet"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(600):
            if book.exists() and len(rows(book)) == 2:
                break
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the grader we started, and its process group
        proc.wait()
    got = rows(book)
    assert {s for s, _ in got} == {"a_first", "b_second"}
    assert got[("a_first", "01_collapse_proof")]["score"] == "6"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_usage_errors_exit_nonzero(tmp_path):
    """Check a missing path or a missing --gradebook is a usage error, not a silent success."""
    assert grade(tmp_path / "nope.ipynb", "--gradebook", tmp_path / "b.csv").returncode == 2
    assert grade(tmp_path).returncode == 2
