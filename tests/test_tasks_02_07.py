"""Exercises 02-07: right answers score full marks, each learner mistake fails its check with its own message.

Right answers here are independent of the registry (mpmath, SciPy, finite differences); the wrong
ones are written the way a learner would write them, not taken from the task modules' `Wrong`s.
"""

import csv
import math

import mpmath as mp
import numpy as np
import pytest
from scipy import special

from course_utils import grade
from course_utils.grading import evaluate
from course_utils.grading.feedback import NOT_DONE
from course_utils.grading.spec import as_float_array, close
from course_utils.tasks import ASSIGNMENTS, find_task

MINE = ["02_four_bends"]
ROOT = grade.Path(__file__).resolve().parent.parent
mp.mp.dps = 50


def quiet(f):
    """A learner's function run with numpy warnings off (the naive forms overflow on purpose)."""
    def run(*args):
        with np.errstate(all="ignore"):
            return f(*args)
    return run


def outcome(task, fn=None, **more):
    """(earned, {check name: (kind, message)}) when the notebook defines `fn` as the task's function (plus `more`)."""
    ns = {"__name__": "__main__", **more}
    if fn is not None:
        ns[find_task(task)[2].function] = fn
    result = evaluate(task, ns, seed=11)
    return result.earned, {c.name: (c.kind, c.message) for c in result.checks}


def mpvec(f):
    """Apply an mpmath function entry by entry and return float64 (50-digit oracle, correctly rounded)."""
    return lambda x: np.vectorize(lambda t: float(f(mp.mpf(float(t)))), otypes=[float])(np.asarray(x, dtype=float))


# ---------------------------------------------------------------- 02: independent right answers
def _gelu_mp(t):
    return t * mp.ncdf(t)


RIGHT_02 = {
    "relu": lambda x: np.where(x > 0, x, 0.0),
    "relu_slope": lambda x: np.heaviside(x, 0.0),
    "sigmoid": mpvec(lambda t: 1 / (1 + mp.exp(-t))),
    "sigmoid_slope": lambda x: special.expit(x) * special.expit(-x),
    "tanh": mpvec(mp.tanh),
    "tanh_slope": lambda x: 4 * special.expit(2 * x) * special.expit(-2 * x),
    "gelu": lambda x: x * 0.5 * special.erfc(-x / np.sqrt(2)),
    "gelu_slope": mpvec(lambda t: mp.diff(_gelu_mp, t)),
}

# ---------------------------------------------------------------- 02: mistakes written as a learner writes them
WRONG_02 = [
    # (task, the learner's function, the check that must fail, words its message must contain)
    ("relu", lambda x: np.abs(x), "values on a grid", "|x|"),
    ("relu_slope", lambda x: (x >= 0).astype(float), "the slope at exactly 0", "the left slope, 0"),
    ("relu_slope", lambda x: np.where(x > 0, x, 0.0), "slopes away from 0", "the value max(0, x)"),
    ("sigmoid", lambda x: 1 / (1 + np.exp(-x)), "very negative inputs (x from -1000 to -710)", "overflows"),
    ("sigmoid", lambda x: np.exp(x) / (1 + np.exp(x)), "huge positive inputs", "inf / inf"),
    ("sigmoid", lambda x: 0.5 * (1 + np.tanh(x / 2)), "very negative inputs (x from -1000 to -710)", "rounds to 0"),
    ("sigmoid", lambda x: 1 / (1 + np.exp(x)), "values on a grid", "mirrored"),
    ("sigmoid_slope", lambda x: special.expit(x), "slopes on a grid", "the value"),
    ("sigmoid_slope", lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2, "huge inputs", "overflowed"),
    ("sigmoid_slope", lambda x: x * (1 - x), "slopes on a grid", "to x itself"),
    ("tanh", lambda x: (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)), "huge inputs", "np.tanh"),
    ("tanh", lambda x: special.expit(x) - 0.5, "values on a grid", "half as tall"),
    ("tanh_slope", lambda x: 1 - np.tanh(x), "slopes on a grid", "with the square"),
    ("tanh_slope", lambda x: 1 - x ** 2, "slopes on a grid", "not tanh(x)"),
    ("gelu", lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))), "exact values on a grid",
     "tanh approximation"),
    ("gelu", lambda x: 0.5 * (1 + special.erf(x / np.sqrt(2))), "exact values on a grid", "Phi(x) alone"),
    ("gelu_slope", lambda x: 0.5 * (1 + special.erf(x / np.sqrt(2))), "slopes on a grid", "product rule"),
    ("gelu_slope", lambda x: np.abs(RIGHT_02["gelu_slope"](x)), "negative slopes left of the dip", "never negative"),
    ("gelu_slope", lambda x: x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi), "slopes on a grid", "the Phi(x) term is missing"),
]


# ---------------------------------------------------------------- generic tests over every assignment of mine
RIGHT = {**RIGHT_02}
WRONG = WRONG_02


def _tasks():
    return [t for a in MINE for t in ASSIGNMENTS[a]]


def test_my_assignments_are_registered():
    """Check that every assignment here is in the registry, and every task has a right answer to test with."""
    assert set(MINE) <= set(ASSIGNMENTS)
    assert {t.name for t in _tasks()} <= set(RIGHT)


@pytest.mark.parametrize("task", [t.name for t in _tasks()])
def test_an_independent_right_answer_scores_full_marks(task):
    """Check that a right answer written without the registry passes every check."""
    earned, checks = outcome(task, quiet(RIGHT[task]))
    assert earned == find_task(task)[2].points, checks


@pytest.mark.parametrize("task", [t.name for t in _tasks()])
def test_an_untouched_function_gets_not_done_yet(task):
    """Check that raise NotImplementedError() gives 0 points and the friendly message on every check."""
    def untouched(*args):
        raise NotImplementedError()
    earned, checks = outcome(task, untouched)
    assert earned == 0
    assert {kind for kind, _ in checks.values()} == {"not_done"}
    assert {message for _, message in checks.values()} == {NOT_DONE}


@pytest.mark.parametrize("task,fn,check,words", WRONG, ids=[f"{w[0]}-{w[3]}" for w in WRONG])
def test_a_learner_mistake_fails_its_check_with_its_message(task, fn, check, words):
    """Check that a typical wrong answer loses the check it should, with a message naming the mistake."""
    earned, checks = outcome(task, quiet(fn))
    kind, message = checks[check]
    assert kind == "failed", checks
    assert words in message, message
    assert earned < find_task(task)[2].points


def _named_mistakes():
    for task in _tasks():
        for i, chk in enumerate(task.checks):
            for j, wrong in enumerate(getattr(chk.judge, "wrongs", [])):
                yield pytest.param(task, i, wrong, id=f"{task.name}-{i}-{j}")


@pytest.mark.parametrize("task,index,wrong", list(_named_mistakes()))
def test_each_named_mistake_gets_its_own_message(task, index, wrong):
    """Check that where a named mistake gives a wrong (finite) answer, the judge fails it with that mistake's message.

    An earlier mistake in the list that gives the very same output on these inputs may speak instead.
    """
    chk = task.checks[index]
    args = chk.inputs(np.random.default_rng(5))
    out = wrong.compute(args)
    passed, message = chk.judge(args, out)
    got = as_float_array(out)
    if passed or got is None or not np.all(np.isfinite(got)):
        return  # the mistake is right on these inputs, or it overflows (then the overflow message speaks)
    wrongs = chk.judge.wrongs
    same = [w.message for w in wrongs[: wrongs.index(wrong)] if close(out, w.compute(args))]
    assert message == wrong.message or message in same, message


@pytest.mark.parametrize("task", _tasks(), ids=lambda t: t.name)
def test_every_named_mistake_is_caught_by_some_check(task):
    """Check that each Wrong listed for a task fails at least one of its checks (no dead, unreachable message)."""
    seen = {}
    for i, chk in enumerate(task.checks):
        args = chk.inputs(np.random.default_rng(5))
        for wrong in getattr(chk.judge, "wrongs", []):
            out = wrong.compute(args)
            passed, message = chk.judge(args, out)
            seen[wrong.message] = seen.get(wrong.message, False) or (not passed and message == wrong.message)
    missed = [m for m, hit in seen.items() if not hit]
    assert not missed, missed


# ---------------------------------------------------------------- the notebooks, through the grader command
@pytest.fixture(scope="module")
def gradebook(tmp_path_factory):
    """Grade my solution and exercise notebooks with the grader command, once: rows keyed by (folder, exercise)."""
    out = tmp_path_factory.mktemp("grades")
    paths = [str(ROOT / folder / f"{name}.ipynb") for name in MINE for folder in ("solutions", "exercises")]
    assert grade.main([*paths, "--gradebook", str(out / "gb.csv"), "--seed", "7", "--quiet"]) == 0
    with open(out / "gb.csv", newline="") as f:
        return {(r["student"], r["exercise"]): r for r in csv.DictReader(f)}


@pytest.mark.parametrize("name", MINE)
def test_the_solution_notebook_gets_full_marks_from_the_grader(gradebook, name):
    """Check that the grader, running the solution notebook in its sandbox, gives every point."""
    row = gradebook[("solutions", name)]
    assert row["status"] == "graded"
    assert float(row["score"]) == float(row["max_score"]) == sum(t.points for t in ASSIGNMENTS[name])


@pytest.mark.parametrize("name", MINE)
def test_the_exercise_notebook_gets_zero_and_not_done(gradebook, name):
    """Check that the generated exercise scores 0 and is reported as not done yet."""
    row = gradebook[("exercises", name)]
    assert float(row["score"]) == 0 and row["status"] == "not done yet"


def test_independent_references_agree_with_the_registry_in_the_tails():
    """Check the oracles themselves on the hard points (x = 0, +-715, +-1000) against 50-digit mpmath."""
    x = np.array([-1000.0, -715.0, -3.0, 0.0, 3.0, 715.0, 1000.0])
    want = np.array([float(1 / (1 + mp.exp(-mp.mpf(t)))) for t in x])
    assert np.array_equal(RIGHT_02["sigmoid"](x), want)
    assert RIGHT_02["sigmoid"](np.array([-715.0]))[0] > 0
    assert math.isclose(RIGHT_02["gelu_slope"](np.array([-3.0]))[0], float(mp.diff(_gelu_mp, -3)), rel_tol=1e-12)
