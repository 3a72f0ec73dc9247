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
    """Check that a wrong letter shows its misconception in red, then the right letter says 'Right' in green; only
    the first click is saved."""
    w = qw.choice_widget("why_sigmoid_stalled", 4, learner)
    key = quiz.answer_key("why_sigmoid_stalled")
    right = w.shown.index(key)
    wrong = next(k for k in range(len(w.shown)) if k != right)
    w.buttons[wrong].click()
    assert "A common wrong answer" in w.feedback.value and "In fact" in w.feedback.value and qw.BAD in w.feedback.value
    assert w.buttons[wrong].button_style == "danger"
    assert learner.store.answers["why_sigmoid_stalled"]["box"] == 1
    w.buttons[right].click()
    assert "Right." in w.feedback.value and qw.GOOD in w.feedback.value
    assert w.buttons[right].button_style == "success" and w.buttons[wrong].button_style == ""
    assert learner.store.answers["why_sigmoid_stalled"]["box"] == 1   # only the first click counts
    assert learner.store.answers["why_sigmoid_stalled"]["right"] == 0 and not learner.results["why_sigmoid_stalled"].correct
    again = qw.choice_widget("why_sigmoid_stalled", 4, learner)     # asked again (the review), right at once
    again.buttons[again.shown.index(key)].click()
    assert learner.store.answers["why_sigmoid_stalled"]["box"] == 1   # right after its key was shown: not recall


def test_a_later_wrong_click_leaves_the_box_unchanged(learner):
    """Check the first-click rule: after a right first answer, clicking every wrong letter shows its reason but
    changes nothing saved (the card stays in box 2, the score keeps the right answer)."""
    w = qw.choice_widget("why_sigmoid_stalled", 4, learner)
    right = w.shown.index(quiz.answer_key("why_sigmoid_stalled"))
    w.buttons[right].click()
    saved = dict(learner.store.answers["why_sigmoid_stalled"])
    assert saved["box"] == 2
    for k in range(len(w.buttons)):
        if k != right:
            w.buttons[k].click()
            assert "A common wrong answer" in w.feedback.value and w.buttons[k].button_style == "danger"
            assert learner.store.answers["why_sigmoid_stalled"] == saved
    assert learner.results["why_sigmoid_stalled"].correct


def test_numeric_trap_then_about(learner):
    """Check that sigmoid(0) instead of its slope names the mistake, and 'about 0.01' is accepted for tanh's 0.0099."""
    w = qw.numeric_widget("sigmoid_slope_0", 9, learner)
    w.text.value = "0.5"
    w.button.click()
    assert "the value, sigmoid(0)" in w.feedback.value   # r62: the trap says the value in words, no σ and qw.BAD in w.feedback.value
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
    assert "Time is up" in w.clock.value and w.lines["truth"].get_visible() and "No slopes set" in w.feedback.value
    w.pick.value = "tanh"                  # a new bend: the timer restarts; a drawn sketch is scored at time-up
    w.sliders["1.5"].value = 0.4
    w.play.value = 240
    # pass 39: one slope set is no sketch: its gap is said, stars wait for all five
    assert w.lines["truth"].get_visible() and "set all 5 for stars" in w.feedback.value and "sketch_tanh" in learner.results


def test_progress_view_updates():
    """Check that the progress view starts at 0 mastered and counts a question once it reaches box 3 (its second
    right answer, given when it comes back after a day)."""
    clock = [1_000_000.0]
    learner = qw.Learner(review.Store(None, now=lambda: clock[0]))
    view = qw.progress_view(learner)
    n00 = len(quiz.by_chapter("00"))
    assert f"0 of {n00} on track, 0 answered" in view.html.value
    w = qw.choice_widget("unit_steps", 1, learner)
    right = w.shown.index(quiz.answer_key("unit_steps"))
    w.buttons[right].click()
    assert f"0 of {n00} on track, 1 answered" in view.html.value
    w = qw.choice_widget("unit_steps", 1, learner)   # asked again (the review) before its wait is over
    w.buttons[right].click()
    assert f"0 of {n00} on track, 1 answered" in view.html.value
    clock[0] += review.DAY
    w = qw.choice_widget("unit_steps", 1, learner)   # and again after its one-day wait
    w.buttons[right].click()
    assert f"1 of {n00} on track, 1 answered" in view.html.value


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
    """Check the picker: changing the role rewrites the card (its reason, no links) and redraws the curves."""
    p = ch06_decisions.picker("hidden_cnn_mlp")
    assert "ReLU" in p.readout.value and "Leaky ReLU" in p.readout.value
    first = p.image.value
    p.dropdown.value = "recurrent_state"
    d = decisions.decision("recurrent_state")
    assert d.reason.split(":")[0] in p.readout.value.replace("&#x27;", "'")
    # pass 86 (r85 Focus): the card keeps the pick, the dashed and the dotted line; the "Seen in" links moved out (the
    # chapter's list fold links each line to its evidence: tests/test_chapter_06.py)
    assert "Seen in" not in p.readout.value and not any(link in p.readout.value for _, link in d.evidence)
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


def test_progress_picture_draws_empty_tracks_then_grows_the_bars():
    """Check the progress picture: bars of width 0 at the start (the empty track still drawn); a right answer makes
    one card seen (grey); a second click at once leaves it grey; the second right answer after its one-day wait
    masters it (green: 1/4 of chapter 00)."""
    clock = [1_000_000.0]
    learner = qw.Learner(review.Store(None, now=lambda: clock[0]))
    view = qw.progress_view(learner)
    first = view.image.value
    assert first and all(r.get_width() == 0 for r in view.done + view.seen)
    w = qw.choice_widget("unit_steps", 1, learner)
    right = w.shown.index(quiz.answer_key("unit_steps"))
    w.buttons[right].click()
    n00 = len(quiz.by_chapter("00"))
    assert view.seen[0].get_width() == 1 / n00 and view.done[0].get_width() == 0
    w = qw.choice_widget("unit_steps", 1, learner)   # asked again: right at once, the card still waits out its day
    w.buttons[right].click()
    assert view.seen[0].get_width() == 1 / n00 and view.done[0].get_width() == 0
    clock[0] += review.DAY
    w = qw.choice_widget("unit_steps", 1, learner)
    w.buttons[right].click()
    assert view.done[0].get_width() == 1 / n00 and view.seen[0].get_width() == 0
    assert view.image.value != first


def test_the_sketch_legend_speaks_of_the_slopes_size():
    """Check the dead-zone legend bounds the slope on both sides, not 'slope under 0.01' (GELU's slope is negative there);
    pass 49 (r44): 'slope between −0.01 and 0.01', the sketch text's own words, replaces the undefined "slope's size"."""
    s = qw.sketch_from_memory()
    s.button.click()   # the dead zone, and its legend key, appear with the truth
    labels = [t.get_text() for t in s.live.axes[0].get_legend().get_texts()]
    assert "near-flat zone (slope between −0.01 and 0.01)" in labels and "dead zone" not in " ".join(labels)


def test_shape_questions_show_a_picture_and_keep_the_settling_one_until_answered(learner):
    """Check: relu_corners shows its neutral picture with the question; the settling pictures of tanh_vs_sigmoid,
    deepest_dip (choices) and gelu_dip (a number) are no widget before an answer, only an <img> inside the closed
    fold; the first answer puts the picture right under the feedback and takes it out of the fold; a retry adds none."""
    import ipywidgets as widgets
    ask = qw.choice_widget("relu_corners", 15, learner)
    assert ask.ask_picture is not None and ask.ask_picture in ask.children and ask.ask_picture.value
    for qid, number in (("tanh_vs_sigmoid", 10), ("deepest_dip", 26), ("gelu_dip", 16)):
        w = qw._widget(qid, number, learner)
        assert w.ask_picture is None and w.after_picture is None
        assert not [c for c in w.children if isinstance(c, widgets.Image)]
        # p98 (r99 Retention): live, no key and no picture before an answer; the static copy keeps its closed fold
        assert qw.KEY_WAITING in w.fold.value and "<img" not in w.fold.value and "<details><summary>" in w.static_html
        answer = (lambda: w.buttons[0].click()) if hasattr(w, "buttons") else (lambda: setattr(w.text, "value", "0"))
        answer()
        k = w.children.index(w.feedback)
        assert w.children[k + 1] is w.after_picture and w.after_picture.value and "<img" not in w.fold.value
        if hasattr(w, "buttons"):
            w.buttons[1].click()
        else:
            w.text.value = "-0.75"
        assert sum(isinstance(c, widgets.Image) for c in w.children) == 1
    page = ask._repr_mimebundle_()["text/html"]   # the static page: a picture only inside the question's closed fold
    # pass 40: above the options only the asked picture (three single corners, not the answer), the settling one folded
    head = page[:page.index("<details>")]
    assert head.count("<img") == 1 and "Three single ReLU corners" in head and "sin x" not in head
    assert page.count("<img") == 2 and page.endswith("</details>")


def test_reference_picture_shades_each_bends_dead_zones():
    """Check the folded reference: one panel per sketched bend, its slope drawn, and one shaded span per dead zone."""
    from course_utils.engine.gradients import quiet_zones
    fig = qw.reference_slopes()
    for ax, name in zip(fig.axes, qw.SKETCHED):
        spans = [p for p in ax.patches]
        expected = sum(v is not None for v in quiet_zones(name))
        assert len(spans) == expected, name
        x, y = ax.lines[-1].get_data()
        drawn = ~np.isnan(y)   # ReLU's slope leaves out x = 0, where it jumps
        assert np.allclose(y[drawn], qw.activations.get(name).derivative(x[drawn])) and (~drawn).sum() <= 1
