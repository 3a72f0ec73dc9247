"""Grade the hostile corpus (tests/hostile/cases.py) as one class: nothing crashes, nobody gains a point they did not earn."""

import csv
import hashlib

import pytest

from course_utils.grading.cli import feedback_path, grade_paths, read_gradebook, write_gradebook
from hostile.cases import CASES, REPO, RIGHT, Case, submission_bytes

TIMEOUT = 4.0
# Starting the child and killing it. Not a speed target (those live in make bench): the endless loops never end on
# their own, so any finite time proves the limit was enforced. With 3 s, the swallowed-stop case failed once on
# 2026-12-04 while the suite shared 2 cores with two notebook runs, and passed alone; the time is its only check
# that depends on load.
SLACK = 4 * TIMEOUT


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The corpus plus one normal student, graded in one run with a pre-existing gradebook row."""
    tmp = tmp_path_factory.mktemp("hostile")
    root = tmp / "class" / "submitted"
    gradebook, pwned = tmp / "gradebook.csv", tmp / "PWNED"

    def place(student):
        return root / student / "01_collapse_proof" / "01_collapse_proof.ipynb"

    victim = place("normal_student")
    places = {"gradebook": str(gradebook), "victim": str(victim), "victim_dir": str(victim.parent),
              "repo": str(REPO), "pwned": str(pwned)}
    victim.parent.mkdir(parents=True)
    victim.write_bytes(submission_bytes(Case("normal", 6, (), answer=RIGHT), places))
    for case in CASES:
        path = place(case.name)
        path.parent.mkdir(parents=True)
        if case.is_dir:
            path.mkdir()
        else:
            path.write_bytes(submission_bytes(case, places))
    write_gradebook(gradebook, {("zoe", "01_collapse_proof"): {"student": "zoe", "exercise": "01_collapse_proof",
                                                               "score": "5", "max_score": "6", "status": "graded"}},
                    ["student", "exercise", "score", "max_score", "status"])
    before = hashlib.sha256(victim.read_bytes()).hexdigest()
    results = grade_paths([tmp / "class"], gradebook, seed=20240601, timeout=TIMEOUT, memory_mb=512, progress=False)
    return {"results": {g.submission.student: g for g in results}, "gradebook": gradebook, "victim": victim,
            "victim_hash": before, "pwned": pwned, "tmp": tmp, "feedback": tmp / "gradebook_feedback"}


def test_the_corpus_is_big_enough():
    """Check the corpus has at least 20 hostile submissions with distinct names."""
    assert len(CASES) >= 20 and len({c.name for c in CASES}) == len(CASES)


def test_every_submission_is_graded_and_the_normal_one_gets_full_marks(graded):
    """Check one result per submission, and full marks for the honest student graded in the same run."""
    assert set(graded["results"]) == {c.name for c in CASES} | {"normal_student"}
    normal = graded["results"]["normal_student"]
    assert (normal.score, normal.max_score, normal.status) == (6.0, 6.0, "graded")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_submission_gets_exactly_what_it_earned(graded, case):
    """Check one hostile submission: its earned score, a clear message, and that it stayed within its time limit."""
    g = graded["results"][case.name]
    assert g.score == case.earns
    text = feedback_path(graded["feedback"], g.submission).read_text()
    assert any(word in g.status or word in text for word in case.expect), (g.status, text)
    assert "Traceback" not in text
    assert g.seconds <= TIMEOUT + SLACK


def test_nothing_outside_the_sandbox_changed(graded):
    """Check the other student's notebook is intact, no shell command ran, nothing was renamed into the class."""
    victim = graded["victim"]
    assert hashlib.sha256(victim.read_bytes()).hexdigest() == graded["victim_hash"]
    assert not graded["pwned"].exists()
    assert not list(graded["tmp"].rglob("stolen.csv"))


def test_the_gradebook_holds_exactly_the_graders_rows(graded):
    """Check the gradebook kept the earlier row, has one row per submission, and no injected rows."""
    rows, _ = read_gradebook(graded["gradebook"])
    assert set(s for s, _ in rows) == {c.name for c in CASES} | {"normal_student", "zoe"}
    assert rows[("zoe", "01_collapse_proof")]["score"] == "5"
    with open(graded["gradebook"], newline="") as f:
        assert len(list(csv.DictReader(f))) == len(CASES) + 2
    for (student, _), row in rows.items():
        if student in graded["results"]:
            assert float(row["score"]) == graded["results"][student].score
