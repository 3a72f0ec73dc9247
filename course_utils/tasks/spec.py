"""What an exercise task is: named checks worth points, each with inputs the grader picks and a judge.

A task module (course_utils/tasks/ex0N_*.py) builds `Task`s from `Check`s; the same objects serve
the learner's `check(...)` in the notebook and the class grader (introduced in 01_collapse_proof).
"""

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np


@dataclass
class Check:
    """One check worth points: inputs(rng) -> args tuple; judge(args, output) -> (passed, message).

    The judge runs in the grader's own process and computes the expected answer itself (from the
    course_utils reference), so the submission never sees it. Its failure message names the likely
    misconception. `hint` is shown when the learner's function raises instead of returning.
    """

    name: str
    points: float
    inputs: Callable[[np.random.Generator], tuple]
    judge: Callable[[tuple, Any], "tuple[bool, str]"]
    hint: str = ""
    bonus: bool = False   # shown and explained, worth no points: floating-point extremes, not understanding


@dataclass
class Task:
    """A function the learner writes (`function`, its name in the notebook) and the checks it must pass."""

    name: str
    function: str
    checks: list = field(default_factory=list)
    intro: str = ""

    @property
    def points(self):
        """The most a learner can earn on this task (bonus checks earn nothing)."""
        return float(sum(c.points for c in self.checks if not c.bonus))


class Wrong:
    """A known wrong answer: `compute(args)` gives what that mistake returns; `message` explains it."""

    def __init__(self, compute, message):
        self.compute, self.message = compute, message

    def matches(self, args, got, expected, **tol):
        """True when `got` is this mistake's answer and the mistake really differs from the right one here."""
        try:
            wrong = self.compute(args)
        except Exception:  # the mistake may not even be computable for these inputs (shapes clash)
            return False
        return close(got, wrong, **tol) and not close(expected, wrong, **tol)


def type_name(x):
    """What the learner returned, by type name (the grader's stand-in for an object keeps the original name)."""
    stand_in = getattr(x, "type_name", None) if type(x).__name__ == "Unsupported" else None
    return stand_in or type(x).__name__


def as_float_array(x):
    """x as a float64 array, or None when it is not a plain numeric array-like (strings, objects, ragged lists)."""
    try:
        a = np.asarray(x)
    except Exception:
        return None
    if a.dtype.kind not in "biuf":
        return None
    return a.astype(np.float64)


def close(got, expected, rtol=1e-7, atol=1e-9):
    """Same shape and all entries within tolerance (NaN never matches); False for anything that is not numeric."""
    g, e = as_float_array(got), as_float_array(expected)
    if g is None or e is None or g.shape != e.shape:
        return False
    with np.errstate(invalid="ignore", over="ignore"):
        return bool(np.all(np.isfinite(g)) and np.all(np.abs(g - e) <= atol + rtol * np.abs(e)))


def diagnose(args, got, expected, wrongs, otherwise, rtol=1e-7, atol=1e-9):
    """Judge helper: pass if `got` is close to `expected`; else the message of the first known mistake it matches."""
    if close(got, expected, rtol=rtol, atol=atol):
        return True, "correct"
    for wrong in wrongs:
        if wrong.matches(args, got, expected, rtol=rtol, atol=atol):
            return False, wrong.message
    return False, otherwise
