"""A grade never depends on the random inputs: the notebook's check() (seed 0) and the grader (a seed per
student) give every known mistake, and the right answer, the same points."""

import importlib
import warnings

import numpy as np
import pytest

from course_utils.grading.errors import CallError
from course_utils.grading.runner import NOTEBOOK_SEED, run_task
from course_utils.tasks import ASSIGNMENTS
from course_utils.tasks.spec import Wrong

TASK_MODULES = [importlib.import_module(f"course_utils.tasks.{name}") for name in
                ("ex01_collapse", "ex02_bends", "ex03_gradients", "ex04_zoo", "ex05_training", "ex06_decisions", "ex07_quiz")]
SEEDS = [NOTEBOOK_SEED, *range(101, 116)]   # the notebook's seed and 15 others, as the grader would draw


def _known_mistakes(task):
    """Every Wrong the task's module defines, as a function a learner could have written."""
    module = next(m for m in TASK_MODULES if any(t is task for t in m.TASKS))
    found = []
    for name, value in vars(module).items():
        values = value if isinstance(value, (list, tuple)) else [value]
        found += [(f"{name}[{i}]", w) for i, w in enumerate(values) if isinstance(w, Wrong)]
    return found


def _as_call(compute):
    def call(_function, args):
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return compute(args)
        except Exception as exc:
            raise CallError("raised", f"{type(exc).__name__}: {exc}") from None
    return call


CASES = [(assignment, index, task, label, wrong)
         for assignment, tasks in ASSIGNMENTS.items() for index, task in enumerate(tasks)
         for label, wrong in _known_mistakes(task)]


def test_every_task_has_known_mistakes_to_try():
    """Check the sweep below covers every exercise with numeric answers (01-05) and most of their tasks."""
    assert {a for a, *_ in CASES} >= {"01_collapse_proof", "02_four_bends", "03_gradient_table", "04_activation_zoo",
                                       "05_training_race"}
    assert len({(a, t.name) for a, _, t, _, _ in CASES}) >= 15
    assert len(CASES) >= 100


@pytest.mark.parametrize("assignment", sorted(ASSIGNMENTS))
def test_a_known_mistake_earns_the_same_points_on_every_seed(assignment):
    """Check each known mistake's points per task are equal for the notebook's seed and 15 grader seeds."""
    moving = []
    for a, index, task, label, wrong in CASES:
        if a != assignment:
            continue
        points = {run_task(task, _as_call(wrong.compute), seed=s, task_index=index).earned for s in SEEDS}
        if len(points) > 1:
            moving.append(f"{task.name} / {label}: {sorted(points)} of {task.points:g}")
    assert not moving, "points that depend on the random inputs:\n" + "\n".join(moving)
