"""Run a task's checks on a learner's function, and `check(...)`: the instant feedback in the notebooks.

`run_task` is shared by the notebook (the function is called in-process) and the grader (the
function is called inside the sandboxed child); only the `call` argument differs.
Introduced in 01_collapse_proof.
"""

import contextlib
import copy
import io
import os
import sys
import types
import warnings
from dataclasses import dataclass, field

import numpy as np

from course_utils.grading import feedback
from course_utils.grading.errors import CallError
from course_utils.tasks import find_task

NOTEBOOK_SEED = 0  # check() in a notebook is reproducible; the grader seeds per student, and tests/test_grading_seeds.py
#                   keeps every known mistake worth the same points on both


@dataclass
class CheckResult:
    """How one check went: kind is 'passed', 'failed' (wrong output) or a CallError kind."""

    name: str
    points: float
    earned: float
    kind: str
    message: str
    bonus: bool = False   # worth no points and never stops a task from passing


@dataclass
class TaskResult:
    """All checks of one task for one learner."""

    task: str
    function: str
    checks: list = field(default_factory=list)

    @property
    def max_points(self):
        return float(sum(c.points for c in self.checks))

    @property
    def earned(self):
        return float(sum(c.earned for c in self.checks))

    @property
    def passed(self):
        return all(c.kind == "passed" for c in self.checks if not c.bonus)

    @property
    def not_done(self):
        return bool(self.checks) and all(c.kind == "not_done" for c in self.checks)


def run_task(task, call, seed=NOTEBOOK_SEED, task_index=0):
    """Run every check of `task`; call(function_name, args) returns the learner's output or raises CallError."""
    results = []
    for i, chk in enumerate(task.checks):
        args = chk.inputs(np.random.default_rng([seed, task_index, i]))
        worth = 0.0 if chk.bonus else chk.points
        try:
            out = call(task.function, copy.deepcopy(args))  # a copy: the learner may modify its arguments
        except CallError as err:
            results.append(CheckResult(chk.name, worth, 0.0, err.kind, _explain(err, chk), chk.bonus))
            continue
        try:
            passed, message = chk.judge(args, out)
        except Exception as exc:  # an output so odd the judge cannot read it counts as wrong, not as a grader crash
            passed, message = False, f"your output could not be checked ({type(exc).__name__})"
        kind = "passed" if passed else "failed"
        results.append(CheckResult(chk.name, worth, worth if passed else 0.0, kind, message, chk.bonus))
    return TaskResult(task.name, task.function, results)


def _explain(err, chk):
    if err.kind == "not_done":
        return feedback.NOT_DONE
    if err.kind == "raised":
        hint = f" Hint: {chk.hint}" if chk.hint else ""
        return f"your function raised {err.type_name}: {err.message}{hint}"
    return err.message


def _from_the_course(obj):
    if isinstance(obj, types.ModuleType):
        module = obj.__name__
    else:
        module = getattr(obj, "__module__", None) or type(obj).__module__ or ""
    return isinstance(module, str) and (module == "course_utils" or module.startswith("course_utils."))


def borrowed_from_the_course(fn):
    """The course object a learner's answer hands its work to (the course's own answer), or None.

    Catches `relu = get("relu")`, `relu = activations.relu` and a function whose code calls a name
    bound to something from course_utils (`def relu(x): return get("relu")(x)`).
    """
    if _from_the_course(fn):
        return fn
    code, scope = getattr(fn, "__code__", None), getattr(fn, "__globals__", {})
    for name in code.co_names if code is not None else ():
        if name in scope and _from_the_course(scope[name]) and name not in ("check", "assert_passes"):
            return scope[name]
    return None


def local_call(namespace):
    """A `call` for run_task that runs the learner's function from `namespace` in this process."""
    def call(name, args):
        fn = namespace.get(name)
        if fn is None:
            raise CallError("missing", f"`{name}` is not defined: run the cell that defines it first.")
        if not callable(fn):
            raise CallError("missing", f"`{name}` is not a function: define it with `def {name}(...):`.")
        if borrowed_from_the_course(fn) is not None:
            raise CallError("borrowed", f"`{name}` hands its work to the course's own code (course_utils): "
                                        "write it yourself, with numpy.")
        try:
            return fn(*args)
        except NotImplementedError:
            raise CallError("not_done", feedback.NOT_DONE) from None
        except (Exception, SystemExit) as exc:  # SystemExit too: sys.exit() in an answer must not end the check
            raise CallError("raised", str(exc)[:300], type(exc).__name__) from None
    return call


def _caller_namespace(depth):
    """The notebook's globals: the calling cell's frame, else IPython's user namespace."""
    frame = sys._getframe(depth + 1)
    if frame.f_globals.get("__name__") == "__main__":
        return frame.f_globals
    try:
        return get_ipython().user_ns  # noqa: F821 (defined inside IPython only)
    except NameError:
        return frame.f_globals


def evaluate(task_name, namespace, seed=NOTEBOOK_SEED):
    """TaskResult of task `task_name` on the learner's function found in `namespace`."""
    assignment, index, task = find_task(task_name)
    return run_task(task, local_call(namespace), seed=seed, task_index=index)


def _strict_by_default():
    # nbgrader sets NBGRADER_EXECUTION while it autogrades or validates: a check cell must raise there.
    return os.environ.get("NBGRADER_EXECUTION") in ("autograde", "validate")


def _report(task_name, namespace, strict, seed):
    result = evaluate(task_name, namespace, seed=seed)
    print(feedback.task_report(result))
    if strict and not result.passed:
        raise AssertionError(f"{task_name}: {feedback.points(result.earned)}/{feedback.points(result.max_points)} points")
    return result


class Points(float):
    """The points a check cell earned, shown as a bare number: nbgrader reads it as the cell's partial credit."""

    def __repr__(self):
        return feedback.points(float(self))


def check(task_name, *, strict=None, seed=NOTEBOOK_SEED):
    """Run task `task_name`'s checks on the learner's function and print a short report.

    strict=True raises AssertionError unless every check passes. While nbgrader autogrades or
    validates, check() instead returns the points earned, which nbgrader takes as the cell's partial
    credit; warnings and stderr from the learner's code are kept out of the cell there, since nbgrader
    zeroes any cell that writes to stderr.
    """
    if strict is None and _strict_by_default():
        with contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = _report(task_name, _caller_namespace(1), False, seed)
        return Points(result.earned)
    _report(task_name, _caller_namespace(1), bool(strict), seed)


def assert_passes(task_name, *, seed=NOTEBOOK_SEED):
    """check(task_name, strict=True): raises AssertionError unless every check passes (nbgrader grade cells)."""
    _report(task_name, _caller_namespace(1), True, seed)
