"""Exercises 02-07: right answers score full marks, each learner mistake fails its check with its own message.

Right answers here are independent of the registry (mpmath, SciPy, finite differences); the wrong
ones are written the way a learner would write them, not taken from the task modules' `Wrong`s.
"""

import csv
import math

import mpmath as mp
import nbformat
import numpy as np
import pytest
from scipy import special

from course_utils.grading import cli as grade
from course_utils.grading import evaluate
from course_utils.grading.feedback import NOT_DONE
from course_utils.tasks.spec import as_float_array, close
from course_utils.tasks import ASSIGNMENTS, find_task

MINE = ["02_four_bends", "03_gradient_table", "04_activation_zoo", "05_training_race", "06_decision_list",
        "07_recall_quiz"]
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


# ---------------------------------------------------------------- 03: right answers from math and mpmath
def table_by_math(x):
    """The four slopes at a number x, by finite differences of 50-digit mpmath curves (ReLU by its definition)."""
    t = mp.mpf(x)
    return {"relu": 1.0 if x > 0 else 0.0,
            "sigmoid": float(mp.diff(lambda u: 1 / (1 + mp.exp(-u)), t)),
            "tanh": float(mp.diff(mp.tanh, t)),
            "gelu": float(mp.diff(_gelu_mp, t))}


def chain_by_logs(name, xs):
    """The chain product via a sum of logs of |slope| and a count of signs (another route to the same number)."""
    slopes = [table_by_math(float(x))[name] for x in xs]
    if any(s == 0 for s in slopes):
        return 0.0
    sign = (-1) ** sum(s < 0 for s in slopes)
    return sign * math.exp(sum(math.log(abs(s)) for s in slopes))


RIGHT_03 = {
    "gradient_after": lambda s, n: math.exp(n * math.log(s)) if n else 1.0,
    "gradient_table": table_by_math,
    "chain_gradient": chain_by_logs,
}


def _relu_at_zero_is_one(x):
    table = table_by_math(x)
    return {**table, "relu": 1.0 if x >= 0 else 0.0}


def _table_of_values(x):
    return {"relu": max(x, 0.0), "sigmoid": float(special.expit(x)), "tanh": math.tanh(x),
            "gelu": x * 0.5 * math.erfc(-x / math.sqrt(2))}


def _naive_math_table(x):
    s = 1 / (1 + math.exp(-x))  # OverflowError at x = -1000
    return {**table_by_math(x), "sigmoid": s * (1 - s)}


def _chain_of(step):
    return lambda name, xs: step([table_by_math(float(x))[name] for x in xs])


WRONG_03 = [
    ("gradient_after", lambda s, n: s * n, "2 to 10 layers", "adds it n times"),
    ("gradient_after", lambda s, n: s ** (n - 1), "30 to 60 layers of sigmoid's best slope", "one layer short"),
    ("gradient_after", lambda s, n: s ** (n + 1), "a slope above 1 explodes", "one layer too many"),
    ("gradient_after", lambda s, n: math.prod([s] * max(n, 1)), "zero layers", "start your product from 1"),
    ("gradient_table", _relu_at_zero_is_one, "at x = 0", "relu: your slope at exactly x = 0 is 1"),
    ("gradient_table", _table_of_values, "at a positive x", "the values f(x), not the slopes"),
    ("gradient_table", lambda x: {**table_by_math(x), "tanh": 1 - math.tanh(x)}, "at a positive x", "tanh: you wrote 1 - tanh(x)"),
    ("gradient_table", lambda x: {**table_by_math(x), "gelu": 0.5 * math.erfc(-x / math.sqrt(2))},
     "at a negative x (GELU's slope below 0)", "gelu: you returned Phi(x) alone"),
    ("gradient_table", lambda x: {k: v for k, v in table_by_math(x).items() if k != "gelu"}, "at x = 0", "no entry for 'gelu'"),
    ("chain_gradient", _chain_of(sum), "sigmoid through 5 layers", "you added the slopes"),
    ("chain_gradient", _chain_of(lambda s: math.prod(s[1:])), "tanh through 12 layers", "left out the first layer"),
    ("chain_gradient", _chain_of(lambda s: list(np.cumprod(s))), "gelu through 6 layers, some below 0",
     "the product after every layer"),
    ("chain_gradient", lambda name, xs: math.prod(_table_of_values(float(x))[name] for x in xs), "sigmoid through 5 layers",
     "the values f(x), not the slopes"),
    ("chain_gradient", _chain_of(sum), "relu: one layer below 0 stops everything", "you added the slopes"),
]


def test_the_naive_sigmoid_in_the_table_is_reported_as_raising_with_the_hint():
    """Check that math.exp(1000) overflowing inside gradient_table costs the far-out check, with the exp hint."""
    earned, checks = outcome("gradient_table", _naive_math_table)
    kind, message = checks["far left (x from -1000 to -710)"]
    assert (kind, earned) == ("raised", 4), checks
    assert "OverflowError" in message and "numbers <= 0" in message


# ---------------------------------------------------------------- 04: right answers from SciPy and mpmath
PAPER_ALPHA = mp.mpf("1.6732632423543772848170429916717")  # Klambauer et al. 2017, as printed in the paper
PAPER_SCALE = mp.mpf("1.0507009873554804934193349852946")


def _elu_mp(alpha):
    return lambda t: t if t > 0 else alpha * (mp.exp(t) - 1)


RIGHT_04 = {
    "softmax": lambda z, T=1.0: special.softmax(np.asarray(z) / T, axis=-1),
    "softplus": mpvec(lambda t: mp.log(1 + mp.exp(t))),
    "elu": lambda x, alpha=1.0: mpvec(_elu_mp(mp.mpf(alpha)))(x),
    "selu": mpvec(lambda t: PAPER_SCALE * _elu_mp(PAPER_ALPHA)(t)),
}


def _elu_rounded(alpha, scale):
    return lambda x: scale * np.where(x > 0, x, alpha * (np.exp(x) - 1))


WRONG_04 = [
    ("softmax", lambda z, T=1.0: np.exp(z / T) / np.exp(z / T).sum(axis=-1, keepdims=True), "huge scores (about 1000)",
     "without the max shift"),
    ("softmax", lambda z, T=1.0: np.exp(z / T - np.max(z / T)) / np.exp(z / T - np.max(z / T)).sum(axis=-1, keepdims=True),
     "rows at very different levels", "each row's own max"),
    ("softmax", lambda z, T=1.0: special.softmax(np.asarray(z) * T, axis=-1), "a temperature", "it divides them"),
    ("softmax", lambda z, T=1.0: special.softmax(z, axis=-1), "a temperature", "ignores the temperature"),
    ("softmax", lambda z, T=1.0: special.softmax(z / T, axis=0), "a batch: one distribution per row", "down the columns"),
    ("softmax", lambda z, T=1.0: special.softmax(z / T), "a batch: one distribution per row", "the whole batch"),
    ("softmax", lambda z, T=1.0: np.exp(z / T) / np.exp(z / T).sum(axis=-1, keepdims=True),
     "a low temperature (T = 0.01) with large scores", "without the max shift"),
    ("softplus", lambda x: np.log(1 + np.exp(x)), "huge inputs (x up to 1000)", "overflows"),
    ("softplus", lambda x: np.log(1 + np.exp(x)), "very negative inputs (x from -60 to -38)", "np.log1p"),
    ("softplus", lambda x: np.maximum(x, 0), "values on a grid", "that is ReLU"),
    ("elu", lambda x, alpha=1.0: np.where(x > 0, x, alpha * np.exp(x)), "values on a grid (alpha = 1)", "forgot the -1"),
    ("elu", lambda x, alpha=1.0: np.where(x > 0, x, alpha * x), "the floor at -alpha, and huge inputs",
     "never goes below -alpha"),
    ("elu", lambda x, alpha=1.0: x * (x > 0) + alpha * (np.exp(x) - 1) * (x <= 0), "the floor at -alpha, and huge inputs",
     "inf times 0"),
    ("elu", lambda x, alpha=1.0: np.where(x > 0, x, np.exp(x) - 1), "another alpha", "ignores alpha"),
    ("selu", _elu_rounded(1.6733, 1.0507), "values on a grid", "rounded"),
    ("selu", _elu_rounded(1.67, 1.05), "values on a grid", "rounded"),
    ("selu", _elu_rounded(float(PAPER_SCALE), float(PAPER_ALPHA)), "values on a grid", "swapped"),
    ("selu", _elu_rounded(float(PAPER_ALPHA), 1.0), "values on a grid", "forgot the scale"),
]


def test_softmax_without_keepdims_is_reported_with_the_axis_hint():
    """Check that e / e.sum(axis=-1) (a broadcasting error on a batch) is reported as raised, with the keepdims hint."""
    earned, checks = outcome("softmax", lambda z, T=1.0: np.exp(z - z.max()) / np.exp(z - z.max()).sum(axis=-1))
    kind, message = checks["a batch: one distribution per row"]
    assert kind == "raised" and "keepdims=True" in message, checks
    assert checks["a vector of scores"][0] == "passed"


# ---------------------------------------------------------------- 05: right answers by loops and complex steps
def dead_by_loops(z):
    """Share of columns with no entry above 0, by plain Python loops."""
    rows, cols = len(z), len(z[0])
    dead = sum(all(z[i][u] <= 0 for i in range(rows)) for u in range(cols))
    return dead / cols


def backward_by_complex_step(x, W, b, upstream):
    """(dW, db, dx) of mean_i sum_j upstream_ij tanh(x W + b)_ij, each entry by a complex-step derivative (exact)."""
    def loss(x, W, b):
        return np.mean(np.sum(upstream * np.tanh(x @ W + b), axis=1))

    def grad(which):
        args = [x.astype(complex), W.astype(complex), b.astype(complex)]
        out = np.zeros(args[which].shape)
        for idx in np.ndindex(out.shape):
            bumped = [a.copy() for a in args]
            bumped[which][idx] += 1e-30j
            out[idx] = loss(*bumped).imag / 1e-30
        return out
    return grad(1), grad(2), grad(0)


RIGHT_05 = {"dead_share": dead_by_loops, "backward_step": backward_by_complex_step}


def _backward_with(dz_rule=None, dW=None, db=None, dx=None):
    """A learner's backward_step with one step done their way."""
    def step(x, W, b, up):
        z = x @ W + b
        dz = dz_rule(x, W, b, up, z) if dz_rule else up * (1 - np.tanh(z) ** 2) / len(x)
        return (x.T @ dz if dW is None else dW(x, dz),
                dz.sum(axis=0) if db is None else db(dz),
                dz @ W.T if dx is None else dx(dz, W))
    return step


WRONG_05 = [
    ("dead_share", lambda z: float(np.mean(z <= 0)), "a layer with some dead units", "over all entries"),
    ("dead_share", lambda z: int(np.sum(np.all(z <= 0, axis=0))), "a layer with some dead units", "how many units"),
    ("dead_share", lambda z: float(np.mean(np.any(z <= 0, axis=0))), "a layer with no dead units", "still alive"),
    ("dead_share", lambda z: float(np.mean(np.all(z < 0, axis=0))), "units that touch exactly 0", "z <= 0"),
    ("dead_share", lambda z: float(np.mean(np.all(z <= 0, axis=1))), "a layer with some dead units", "instead of the columns"),
    ("backward_step", _backward_with(dz_rule=lambda x, W, b, up, z: up / len(x)), "dW", "left out the activation's slope"),
    ("backward_step", _backward_with(dz_rule=lambda x, W, b, up, z: up * np.tanh(z) / len(x)), "dx", "the value"),
    ("backward_step", _backward_with(dz_rule=lambda x, W, b, up, z: up * (1 - np.tanh(z)) / len(x)), "db", "with the square"),
    ("backward_step", _backward_with(dz_rule=lambda x, W, b, up, z: up * (1 - np.tanh(z) ** 2)), "dW", "the MEAN"),
    ("backward_step", _backward_with(dz_rule=lambda x, W, b, up, z: up * (1 - np.tanh(x @ W) ** 2) / len(x)), "dW",
     "without the bias"),
    ("backward_step", _backward_with(dW=lambda x, dz: dz.T @ x), "dW", "the transpose of W's"),
    ("backward_step", _backward_with(dW=lambda x, dz: dz.T @ x), "a square layer (3 in, 3 out)", "dW is transposed"),
    ("backward_step", _backward_with(dx=lambda dz, W: dz @ W), "a square layer (3 in, 3 out)", "W where W.T belongs"),
    ("backward_step", _backward_with(db=lambda dz: dz.sum(axis=1)), "db", "b's shape"),
    ("backward_step", _backward_with(db=lambda dz: dz.mean(axis=0)), "db", "divided by n twice"),
]


def test_a_non_square_dx_without_the_transpose_is_reported_with_the_hint():
    """Check that dz @ W on a layer with 3 inputs and 4 outputs (a shape error) is reported as raised, with the hint."""
    earned, checks = outcome("backward_step", _backward_with(dx=lambda dz, W: dz @ W))
    kind, message = checks["dx"]
    assert kind == "raised" and "dx = dz @ W.T" in message, checks


def test_the_dead_share_accepts_a_keepdims_db_and_a_numpy_float():
    """Check the judges are not pedantic: db of shape (1, outputs) and a numpy float share both pass."""
    assert outcome("backward_step", _backward_with(db=lambda dz: dz.sum(axis=0, keepdims=True)))[0] == 6
    assert outcome("dead_share", lambda z: np.mean(np.all(z <= 0, axis=0)))[0] == 3


# ---------------------------------------------------------------- 06: the one-number memory, by plain math
def _memory(name, steps, gain, start=1.0, after=False):
    bend = {"relu": lambda v: max(v, 0.0), "tanh": math.tanh, "sigmoid": lambda v: 0.5 * (1 + math.tanh(v / 2))}[name]
    h = start
    for _ in range(steps):
        h = bend(h) * gain if after else bend(gain * h)
    return h


RIGHT_06 = {"state_after": _memory}
WRONG_06 = [
    ("state_after", lambda n, s, g: _memory(n, s, g, after=True), "tanh with a gain above 1", "stretched after the bend"),
    ("state_after", lambda n, s, g: _memory(n, s + 1, g), "ReLU with a gain above 1", "one step too many"),
    ("state_after", lambda n, s, g: _memory(n, s, 1.0), "ReLU with a gain above 1", "gain is missing"),
    ("state_after", lambda n, s, g: _memory(n, s, g, start=0.0), "ReLU with a gain above 1", "starts at h = 1"),
    ("state_after", lambda n, s, g: [_memory(n, k, g) for k in range(s + 1)], "tanh with a gain above 1", "one number"),
]


def test_the_exercise_asks_for_a_prediction_before_the_run():
    """Check that exercise 06 asks for guesses before the task and compares them after the check."""
    cells = nbformat.read(str(ROOT / "exercises" / "06_decision_list.ipynb"), as_version=4).cells
    text = [c.source for c in cells]
    first_guess = next(i for i, t in enumerate(text) if "my_guesses =" in t)
    check = next(i for i, t in enumerate(text) if 'check("state_after")' in t)
    compare = next(i for i, t in enumerate(text) if "my_guesses[name]" in t)
    assert first_guess < check < compare


# ---------------------------------------------------------------- 07: the quiz, answered by mpmath and by reading
QUIZ_NUMBERS = {
    "sigmoid_slope_0": float(mp.diff(lambda u: 1 / (1 + mp.exp(-u)), 0)),
    "sigmoid_slope_5": float(mp.diff(lambda u: 1 / (1 + mp.exp(-u)), 5)),
    "chain_sigmoid_10": float(mp.diff(lambda u: 1 / (1 + mp.exp(-u)), 0) ** 10),
    "tanh_slope_3": float(mp.diff(mp.tanh, 3)),
    "gelu_slope_minus3": float(mp.diff(_gelu_mp, -3)),
}
def _tanh_by_sigmoid(x):
    """Written out with mpmath, entry by entry: 2 / (1 + e^(-2x)) - 1."""
    x = np.asarray(x, dtype=float)
    return np.vectorize(lambda u: float(2 / (1 + mp.exp(-2 * mp.mpf(u))) - 1), otypes=[float])(x)


def _nudge_by_loop(bend, layers):
    steepest = {"sigmoid": float(mp.diff(lambda u: 1 / (1 + mp.exp(-u)), 0)), "tanh": float(mp.diff(mp.tanh, 0)),
                "relu": 1.0}[bend]
    left = 1.0
    for _ in range(layers):
        left *= steepest
    return left


def _weight_by_loop(x, w, b, upstream):
    return sum(u * (1.0 if w * xi + b > 0 else 0.0) * xi for xi, u in zip(x, upstream))


RIGHT_07 = {
    "quiz_numbers": QUIZ_NUMBERS.get,
    "tanh_from_sigmoid": _tanh_by_sigmoid,
    "nudge_left": _nudge_by_loop,
    "weight_nudge": _weight_by_loop,
}


def _numbers(**changes):
    return {**QUIZ_NUMBERS, **changes}.get


def _sig(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


WRONG_07 = [
    ("quiz_numbers", _numbers(sigmoid_slope_0=0.5), "What is sigmoid's slope at x = 0, its steepest point?", "the value"),
    ("quiz_numbers", _numbers(chain_sigmoid_10=1e-7), "Ten sigmoid layers, each at its steepest. Counting only the bends' "
     "slopes, about what share of the nudge is left?", "about ten times more"),
    ("quiz_numbers", _numbers(chain_sigmoid_10=2.5), "Ten sigmoid layers, each at its steepest. Counting only the bends' "
     "slopes, about what share of the nudge is left?", "the slopes multiply, they do not add"),
    ("quiz_numbers", _numbers(gelu_slope_minus3=-QUIZ_NUMBERS["gelu_slope_minus3"]),
     "What is the slope of (exact) GELU at x = −3? Mind the sign. (3 significant digits)", "wrong sign"),
    ("quiz_numbers", _numbers(tanh_slope_3=math.tanh(3)), "What is the slope of tanh at x = 3? (3 significant digits)",
     "the value"),
    ("quiz_numbers", lambda qid: [0.25], "What is sigmoid's slope at x = 0, its steepest point?", "one number"),
    ("tanh_from_sigmoid", lambda x: _sig(x) - 0.5, "values on a grid", "shifted sigmoid down by 0.5"),
    ("tanh_from_sigmoid", lambda x: 2 * _sig(x) - 1, "values on a grid", "not sideways"),
    ("nudge_left", lambda bend, n: 0.5 ** n if bend == "sigmoid" else 1.0, "sigmoid through 2 to 12 layers", "VALUE at 0"),
    ("nudge_left", lambda bend, n: (0.25 if bend == "sigmoid" else 1.0) * n, "zero layers", "slope ** layers"),
    ("nudge_left", lambda bend, n: 0.25 ** n, "tanh and ReLU through 2 to 30 layers", "tanh and ReLU are not sigmoid"),
    ("weight_nudge", lambda x, w, b, up: float(np.sum(up * x)), "a unit whose input is always negative", "ReLU's slope"),
    ("weight_nudge", lambda x, w, b, up: float(np.sum(up * ((w * x + b) >= 0) * x)), "examples exactly at the corner",
     "exactly w * x + b = 0"),
    ("weight_nudge", lambda x, w, b, up: float(np.sum(up * ((w * x + b) > 0))), "a unit active on some examples",
     "forgot the input x"),
]


def test_quiz_numbers_accept_fractions():
    """Check that the string '1/4' counts as the number 0.25."""
    assert outcome("quiz_numbers", _numbers(sigmoid_slope_0="1/4"))[0] == 5


def test_the_exercise_shows_every_numeric_question_as_the_grader_asks_it():
    """Check that the exercise's table of numeric questions is exactly what ex07_quiz judges today (no drift)."""
    from course_utils.tasks import ex07_quiz
    text = "\n".join(c.source for c in nbformat.read(str(ROOT / "exercises" / "07_recall_quiz.ipynb"), as_version=4).cells)
    assert ex07_quiz.numeric_table() in text
    assert set(QUIZ_NUMBERS) == {q.id for q in ex07_quiz.NUMERIC}
    assert "choice_answer" not in text and "my_guesses" in text   # predict-then-run, not letters


RIGHT = {**RIGHT_02, **RIGHT_03, **RIGHT_04, **RIGHT_05, **RIGHT_06, **RIGHT_07}
WRONG = WRONG_02 + WRONG_03 + WRONG_04 + WRONG_05 + WRONG_06 + WRONG_07
NEEDS = {"chain_gradient": {"gradient_table": table_by_math}}  # what else the notebook defines


def _tasks():
    return [t for a in MINE for t in ASSIGNMENTS[a]]


def test_my_assignments_are_registered():
    """Check that every assignment here is in the registry, and every task has a right answer to test with."""
    assert set(MINE) <= set(ASSIGNMENTS)
    assert {t.name for t in _tasks()} <= set(RIGHT)


@pytest.mark.parametrize("task", [t.name for t in _tasks()])
def test_an_independent_right_answer_scores_full_marks(task):
    """Check that a right answer written without the registry passes every check."""
    earned, checks = outcome(task, quiet(RIGHT[task]), **NEEDS.get(task, {}))
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
    earned, checks = outcome(task, quiet(fn), **NEEDS.get(task, {}))
    kind, message = checks[check]
    assert kind == "failed", checks
    assert words in message, message
    bonus = next(c.bonus for c in find_task(task)[2].checks if c.name == check)
    # a bonus check explains the mistake but costs nothing; every other mistake costs points
    assert earned == find_task(task)[2].points if bonus else earned < find_task(task)[2].points


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
