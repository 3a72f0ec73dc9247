"""Headless tests of the quiz widgets and the decision picker: click, type, drag, and read the feedback."""

import numpy as np
import pytest
from scipy.special import expit, ndtr

from course_utils.engine import review
from course_utils.facts import decisions, quiz
from course_utils.ui import ch06_decisions
from course_utils.ui import ch07_quiz as qw


@pytest.fixture
def learner():
    return qw.Learner(review.Store(None))


def test_choice_wrong_then_right(learner):
    """Check that a wrong letter shows its misconception in red, then the right letter says 'Right' in green; both are saved."""
    w = qw.choice_widget("relu_vs_sigmoid", 19, learner)
    key = quiz.answer_key("relu_vs_sigmoid")
    right = w.shown.index(key)
    wrong = next(k for k in range(len(w.shown)) if k != right)
    w.buttons[wrong].click()
    assert "A common wrong answer" in w.feedback.value and "In fact" in w.feedback.value and qw.BAD in w.feedback.value
    assert w.buttons[wrong].button_style == "danger"
    assert learner.store.answers["relu_vs_sigmoid"]["box"] == 1
    w.buttons[right].click()
    assert "Right." in w.feedback.value and qw.GOOD in w.feedback.value
    assert w.buttons[right].button_style == "success" and w.buttons[wrong].button_style == ""
    assert learner.store.answers["relu_vs_sigmoid"]["box"] == 2


def test_numeric_trap_then_about(learner):
    """Check that sigmoid(0) instead of its slope names the mistake, and 'about 0.01' is accepted for tanh's 0.0099."""
    w = qw.numeric_widget("sigmoid_slope_0", 9, learner)
    w.text.value = "0.5"
    w.button.click()
    assert "σ(0), the value" in w.feedback.value and qw.BAD in w.feedback.value
    t = qw.numeric_widget("tanh_slope_3_about", 17, learner)
    t.text.value = "about 0.01"
    t.button.click()
    assert "Right." in t.feedback.value and learner.results["tanh_slope_3_about"].correct


def test_numeric_garbage_is_explained_and_not_saved(learner):
    """Check that text that is not a number gets a hint and is not saved as an answer."""
    w = qw.numeric_widget("unit_outputs", 2, learner)
    w.text.value = "flat"
    w.button.click()
    assert "not a number" in w.feedback.value and "unit_outputs" not in learner.store.answers


@pytest.mark.parametrize("bend", ["relu", "sigmoid", "tanh", "gelu"])
def test_sketch_true_slopes_get_three_stars_and_show_the_dead_zone(bend, learner):
    """Check the sketch task: SciPy's slopes score 3 stars; Compare reveals the true slope and a red dead zone."""
    w = qw.sketch_from_memory(learner)
    w.pick.value = bend
    assert not w.lines["truth"].get_visible()
    xs = np.asarray(quiz.SKETCH_XS)
    slope = {"relu": (xs > 0).astype(float), "sigmoid": expit(xs) * (1 - expit(xs)), "tanh": 1 - np.tanh(xs) ** 2,
             "gelu": ndtr(xs) + xs * np.exp(-xs ** 2 / 2) / np.sqrt(2 * np.pi)}[bend]
    first = w.image.value
    for s, y in zip(w.sliders.values(), slope):
        s.value = round(float(y) / 0.05) * 0.05
    assert w.image.value != first
    w.button.click()
    assert w.lines["truth"].get_visible() and any(p.get_visible() and p.get_width() > 0 for p in w.dead)
    assert "★★★" in w.feedback.value and learner.results[f"sketch_{bend}"].stars == 3


def test_sketch_timer_reveals_the_truth_at_zero(learner):
    """Check the four-minute countdown: the clock reads 4:00, then 3:59, and at 0:00 the true slope appears."""
    w = qw.sketch_from_memory(learner)
    assert w.play.max == 240 and "4:00" in w.clock.value
    w.play.value = 1
    assert "3:59" in w.clock.value and not w.state["shown"]
    w.play.value = 240
    assert "Time is up" in w.clock.value and w.lines["truth"].get_visible() and "☆" in w.feedback.value


def test_progress_view_updates(learner):
    """Check that the progress view starts at 0 mastered and counts a question once it reaches box 3."""
    view = qw.progress_view(learner)
    n00 = len(quiz.by_chapter("00"))
    assert f"0 of {n00} mastered, 0 seen" in view.html.value
    w = qw.choice_widget("unit_steps", 1, learner)
    right = w.shown.index(quiz.answer_key("unit_steps"))
    w.buttons[right].click()
    assert f"0 of {n00} mastered, 1 seen" in view.html.value
    w.buttons[right].click()
    assert f"1 of {n00} mastered, 1 seen" in view.html.value


def test_initial_state_and_reprs_are_stable():
    """Check what nbval compares: captions and static HTML are identical across two builds for the same learner."""
    a = qw.chapter_quiz("06", qw.Learner(review.Store(None)))
    b = qw.chapter_quiz("06", qw.Learner(review.Store(None)))
    ba, bb = a._repr_mimebundle_(), b._repr_mimebundle_()
    assert ba["text/plain"] == bb["text/plain"] and ba["text/html"] == bb["text/html"]
    assert "0x" not in ba["text/plain"] and "model_id" not in ba["text/plain"]
    s1, s2 = qw.sketch_from_memory(), qw.sketch_from_memory()
    assert s1._repr_mimebundle_()["text/plain"] == s2._repr_mimebundle_()["text/plain"]
    assert s1.image.value == s2.image.value


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
