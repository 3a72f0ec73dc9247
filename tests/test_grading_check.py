"""check(...) in a notebook: full marks for a right answer, a friendly "not done yet", and hints that name the mistake."""

import re
from functools import reduce

import numpy as np
import sys

import pytest

from course_utils.grading import assert_passes, check, evaluate
from course_utils.grading import feedback
from course_utils.grading.feedback import NOT_DONE
from course_utils.tasks import ASSIGNMENTS, find_task


def compose_by_probing(layers):
    """An independent right answer: push the zero vector and the unit vectors through the stack one layer at a time."""
    def run(x):
        for W, b in layers:
            x = np.asarray(W) @ x + np.asarray(b)
        return x
    n_in = np.asarray(layers[0][0]).shape[1]
    b = run(np.zeros(n_in))
    W = np.column_stack([run(e) - b for e in np.eye(n_in)])
    return W, b


def forgets_biases(layers):
    return reduce(lambda acc, W: W @ acc, [W for W, _ in layers[1:]], layers[0][0]), np.zeros(len(layers[-1][1]))


def wrong_order(layers):
    W, b = compose_by_probing(layers)
    return reduce(np.matmul, [W for W, _ in layers]), b


def sum_of_weights(layers):
    return sum(W for W, _ in layers), sum(b for _, b in layers)


def not_done(layers):
    raise NotImplementedError()


def type_error(layers):
    return layers + 1


def first_three_only(layers):
    return compose_by_probing(layers[:3])


def run_check(fn, name="compose", **kw):
    """What check() prints when the notebook defines `compose` as fn (called from a notebook-like namespace)."""
    ns = {"__name__": "__main__", "compose": fn, "check": check, "assert_passes": assert_passes}
    exec(f"check({name!r}, **{kw!r})", ns)


def report(fn, capsys, **kw):
    run_check(fn, **kw)
    return capsys.readouterr().out


def test_a_right_answer_scores_full_marks(capsys):
    """Check that an independent right implementation passes every check."""
    out = report(compose_by_probing, capsys)
    assert out.startswith("compose: 6/6 points — all checks passed")
    assert "✗" not in out
    assert evaluate("compose", {"compose": compose_by_probing}).earned == 6


def test_an_untouched_exercise_says_not_done_yet_without_a_traceback(capsys):
    """Check that raise NotImplementedError() gives the friendly message and 0 points, not an error."""
    out = report(not_done, capsys)
    assert out.strip() == f"compose: {NOT_DONE}. (0/6 points)"
    assert "Traceback" not in out


def test_forgotten_biases_are_named(capsys):
    """Check that a collapse that drops the biases is told so, and keeps the point for the order of W."""
    out = report(forgets_biases, capsys)
    assert "the biases were left out" in out
    assert "✓ order of multiplication (1/1)" in out
    assert out.startswith("compose: 1/6 points")


def test_wrong_order_is_named(capsys):
    """Check that W1 @ W2 @ ... is recognised as the wrong order of multiplication."""
    out = report(wrong_order, capsys)
    assert "first layer on the left" in out
    assert "✗ order of multiplication (0/1)" in out


def test_sum_of_weights_is_named(capsys):
    """Check that adding the matrices instead of multiplying them is recognised."""
    out = report(sum_of_weights, capsys)
    assert "your W is the sum W1 + W2" in out
    assert out.startswith("compose: 0/6 points")


def test_a_stack_length_assumption_fails_only_the_deep_check(capsys):
    """Check partial credit: an answer that only looks at three layers loses just the 50-layer check."""
    out = report(first_three_only, capsys)
    assert out.startswith("compose: 4/6 points")
    assert "uses only the first 3 layers" in out


def test_an_exception_is_reported_with_the_hint(capsys):
    """Check that another exception is reported by type and message, with the check's hint, not as a traceback."""
    out = report(type_error, capsys)
    assert "your function raised TypeError" in out
    assert "Hint:" in out and "Traceback" not in out


def test_a_missing_function_is_reported_once(capsys):
    """Check that a notebook without `compose` gets one clear line."""
    exec("check('compose')", {"__name__": "__main__", "check": check})
    out = capsys.readouterr().out
    assert out.strip() == "compose: 0/6 points — `compose` is not defined: run the cell that defines it first."


def test_report_is_stable_text(capsys):
    """Check that two runs print the same text, with no memory addresses or timings (nbval compares it)."""
    first, second = report(sum_of_weights, capsys), report(sum_of_weights, capsys)
    assert first == second
    assert not re.search(r"0x[0-9a-f]{6,}|\d+\.\d+ ?m?s\b", first)


def test_assert_passes_raises_only_when_a_check_fails(capsys):
    """Check the nbgrader form: AssertionError for a partial answer, silence for a right one."""
    def assert_in_notebook(fn):
        exec("assert_passes('compose')", {"__name__": "__main__", "compose": fn, "assert_passes": assert_passes})
    with pytest.raises(AssertionError, match="compose: 4/6"):
        assert_in_notebook(first_three_only)
    assert_in_notebook(compose_by_probing)


def test_check_returns_partial_credit_while_nbgrader_autogrades(monkeypatch, capsys):
    """Check that under nbgrader check() returns the points earned (nbgrader's partial credit), nothing outside it."""
    ns = {"__name__": "__main__", "check": check}
    assert eval("check('compose')", dict(ns, compose=first_three_only)) is None   # outside nbgrader: a report only
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    full, partial = (eval("check('compose')", dict(ns, compose=fn)) for fn in (compose_by_probing, first_three_only))
    nothing = eval("check('compose')", dict(ns, compose=not_done))
    assert (full, nothing) == (6, 0) and 0 < partial < 6
    assert repr(partial) == f"{float(partial):g}"   # the bare number nbgrader parses
    with pytest.raises(AssertionError):
        eval("check('compose', strict=True)", dict(ns, compose=not_done))


def test_warnings_from_the_learners_code_stay_out_of_stderr_under_nbgrader(monkeypatch, capsys):
    """Check that a numpy warning inside a right answer does not reach stderr, which nbgrader would score 0."""
    import warnings

    def noisy(layers):
        warnings.warn("overflow encountered", RuntimeWarning)
        print("debug", file=sys.stderr)
        return compose_by_probing(layers)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert eval("check('compose')", {"__name__": "__main__", "check": check, "compose": noisy}) == 6
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("answer", [
    "from course_utils.facts.activations import get\ncompose = get('relu')",
    "from course_utils.engine import mlp\ndef compose(layers):\n    return mlp.compose_affine(layers)",
])
def test_an_answer_that_borrows_the_course_code_earns_nothing(answer, capsys):
    """Check the registry trick: a function that is, or calls, the course's own code fails every check."""
    ns = {"__name__": "__main__", "check": check}
    exec(answer, ns)
    exec("check('compose')", ns)
    out = capsys.readouterr().out
    assert out.startswith("compose: 0/6 points") and "course's own code" in out


def test_the_learner_cannot_change_the_judges_inputs(capsys):
    """Check that an answer which overwrites its arguments in place is still judged against the original stack."""
    def vandal(layers):
        W, b = compose_by_probing(layers)
        for Wi, bi in layers:
            Wi[...] = 0.0
            bi[...] = 0.0
        return W, b
    assert report(vandal, capsys).startswith("compose: 6/6 points")


@pytest.mark.parametrize("task_index,check_index", [(t, c) for t, task in enumerate(ASSIGNMENTS["01_collapse_proof"])
                                                    for c in range(len(task.checks))])
def test_every_check_can_fail(task_index, check_index):
    """Check that each judge rejects a slightly wrong answer (0.1% off) and accepts the independent right one."""
    task = ASSIGNMENTS["01_collapse_proof"][task_index]
    chk = task.checks[check_index]
    args = chk.inputs(np.random.default_rng(7))
    W, b = compose_by_probing(*args)
    assert chk.judge(args, (W, b))[0]
    part = 1 if "biases" in chk.name else 0
    bad = [W.copy(), b.copy() + (1.0 if part == 1 else 0.0)]
    bad[part] = bad[part] * 1.001 + (0.0 if part == 1 else 1e-3)
    passed, message = chk.judge(args, tuple(bad))
    assert not passed and message


def test_task_names_are_unique_and_checks_have_points():
    """Check the registry: unique task names (check() needs no assignment name), positive points, bonus checks worth none."""
    names = [t.name for tasks in ASSIGNMENTS.values() for t in tasks]
    assert len(names) == len(set(names))
    checks = [c for tasks in ASSIGNMENTS.values() for t in tasks for c in t.checks]
    assert all(c.points > 0 for c in checks if not c.bonus)
    assert all(c.points == 0 for c in checks if c.bonus)
    assert find_task("compose")[0] == "01_collapse_proof"
    with pytest.raises(KeyError, match="compose"):
        find_task("no_such_task")


def test_a_textbook_sigmoid_earns_every_point_and_fails_only_the_bonus():
    """Check 1 / (1 + exp(-x)) scores full marks on sigmoid; the far-left check says why it fails and is worth nothing."""
    namespace = {"sigmoid": lambda x: 1 / (1 + np.exp(-np.asarray(x, dtype=float)))}
    with np.errstate(over="ignore"):
        result = evaluate("sigmoid", namespace)
    failed = [c for c in result.checks if c.kind != "passed"]
    assert result.earned == result.max_points == find_task("sigmoid")[2].points > 0
    assert [c.bonus for c in failed] == [True] and "overflow" in failed[0].message
    assert result.passed   # a failed bonus never fails the task (strict check cells, nbgrader)
    assert "bonus, no points" in feedback.task_report(result)
