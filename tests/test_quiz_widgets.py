"""Headless tests of the quiz widgets and the decision picker: click, type, drag, and read the feedback."""

import numpy as np
import pytest
from scipy.special import expit

from course_utils.facts import decisions, quiz
from course_utils.ui import ch06_decisions
from course_utils.ui import ch07_quiz as qw


@pytest.fixture
def session():
    return qw.QuizSession()


def test_choice_wrong_then_right(session):
    """Check that clicking a wrong letter shows that option's explanation in red, then the right one shows 'Correct' in green."""
    w = qw.choice("relu_vs_sigmoid", session)
    q = quiz.get("relu_vs_sigmoid")
    key = quiz.answer_key("relu_vs_sigmoid")
    wrong = next(i for i in range(len(q.options)) if i != key)
    w.buttons[wrong].click()
    assert "Not quite" in w.feedback.value and qw.BAD in w.feedback.value
    assert w.buttons[wrong].button_style == "danger"
    assert session.results["relu_vs_sigmoid"].points == 0
    w.buttons[key].click()
    assert "Correct" in w.feedback.value and qw.GOOD in w.feedback.value
    assert w.buttons[key].button_style == "success" and w.buttons[wrong].button_style == ""
    assert session.results["relu_vs_sigmoid"].points == 1


def test_numeric_trap_then_right(session):
    """Check that typing sigmoid(0) instead of its slope names the mistake, and typing 1/4 is accepted."""
    w = qw.numeric("sigmoid_slope_0", session)
    w.text.value = "0.5"
    w.button.click()
    assert "value" in w.feedback.value and qw.BAD in w.feedback.value
    w.text.value = "1/4"
    w.button.click()
    assert "Correct" in w.feedback.value and session.results["sigmoid_slope_0"].correct


def test_numeric_garbage_is_explained_and_not_scored(session):
    """Check that text that is not a number gets a hint and does not count as an answer."""
    w = qw.numeric("tanh_slope_3", session)
    w.text.value = "flat"
    w.button.click()
    assert "not a number" in w.feedback.value and "tanh_slope_3" not in session.results


def test_sketch_true_points_get_three_stars_and_reveal_the_curve(session):
    """Check the sketch task: sliders set to SciPy's sigmoid slope score 3 stars; the truth line appears on Check; the image changes."""
    w = qw.sketch("sketch_sigmoid_slope", session)
    assert not w.lines["truth"].get_visible()
    first_png = w.image.value
    xs = np.asarray(w.question.xs)
    for s, y in zip(w.sliders.values(), expit(xs) * (1 - expit(xs))):
        s.value = round(float(y), 2)
    assert w.image.value != first_png
    np.testing.assert_allclose(w.lines["mine"].get_ydata(), [s.value for s in w.sliders.values()])
    w.button.click()
    assert w.lines["truth"].get_visible()
    assert "★★★" in w.feedback.value and session.results["sketch_sigmoid_slope"].stars == 3


def test_sketch_flat_guess_gets_no_stars(session):
    """Check that leaving every point at 0 scores 0 stars for the GELU sketch."""
    w = qw.sketch("sketch_gelu", session)
    w.button.click()
    assert "☆☆☆" in w.feedback.value and session.results["sketch_gelu"].stars == 0


def test_score_summary_updates(session):
    """Check that the summary starts at 0 answered and counts answers as they arrive."""
    summary = qw.score_summary(session)
    total = len(quiz.questions())
    assert f"0 of {total} answered" in summary.html.value
    c = qw.choice("where_bend", session)
    c.buttons[quiz.answer_key("where_bend")].click()
    assert f"1 of {total} answered, score 1.0" in summary.html.value


def test_initial_state_and_reprs_are_stable():
    """Check what nbval compares: the text/plain caption and static HTML are identical across two builds, with no ids."""
    a, b = qw.choice("tanh_in_rnns"), qw.choice("tanh_in_rnns")
    ba, bb = a._repr_mimebundle_(), b._repr_mimebundle_()
    assert ba["text/plain"] == bb["text/plain"] and ba["text/html"] == bb["text/html"]
    assert "0x" not in ba["text/plain"] and "model_id" not in ba["text/plain"]
    s1, s2 = qw.sketch("sketch_gelu"), qw.sketch("sketch_gelu")
    assert s1._repr_mimebundle_()["text/plain"] == s2._repr_mimebundle_()["text/plain"]
    assert s1.image.value == s2.image.value
    assert all(s.value == 0.0 for s in s1.sliders.values())


def test_picker_shows_pick_runner_up_and_evidence():
    """Check the picker: changing the role rewrites the card and redraws both curves from the registry."""
    p = ch06_decisions.picker("hidden_cnn_mlp")
    assert "ReLU" in p.readout.value and "Leaky ReLU" in p.readout.value
    first = p.image.value
    p.dropdown.value = "recurrent_state"
    d = decisions.decision("recurrent_state")
    assert d.reason.split(":")[0] in p.readout.value.replace("&#x27;", "'")
    for _, link in d.evidence:
        assert link in p.readout.value
    x, y = p.lines["pick"].get_data()
    np.testing.assert_allclose(y, np.tanh(x))
    assert p.image.value != first


def test_picker_draws_gated_and_vector_bends():
    """Check that SwiGLU (gate curve with content 1) and softmax (share against a 0 score) are drawn sensibly."""
    p = ch06_decisions.picker("transformer_ffn")
    x, y = p.lines["pick"].get_data()
    np.testing.assert_allclose(y, x * expit(x), rtol=1e-12, atol=1e-15)
    p.dropdown.value = "multiclass_output"
    x, y = p.lines["pick"].get_data()
    np.testing.assert_allclose(y, expit(x), rtol=1e-12, atol=1e-15)
