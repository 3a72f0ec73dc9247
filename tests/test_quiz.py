"""The quiz's answer keys against independent references (mpmath), and check() feedback for right, wrong and trap answers."""

import mpmath as mp
import numpy as np
import pytest
from scipy.special import ndtr

from course_utils.facts import quiz


def _sig(x):
    return 1 / (1 + mp.e ** (-x))


def _gelu_slope(x):
    x = mp.mpf(x)
    return mp.ncdf(x) + x * mp.npdf(x)


@pytest.mark.parametrize("qid, reference", [
    ("sigmoid_slope_0", lambda: _sig(0) * (1 - _sig(0))),
    ("sigmoid_slope_5", lambda: _sig(5) * (1 - _sig(5))),
    ("chain_sigmoid_10", lambda: mp.mpf(1) / 4 ** 10),
    ("tanh_slope_3", lambda: mp.sech(3) ** 2),
    ("gelu_slope_minus3", lambda: _gelu_slope(-3)),
])
def test_numeric_keys_match_mpmath(qid, reference):
    """Check each numeric key against a high-precision value computed independently of the registry."""
    assert quiz.answer_key(qid) == pytest.approx(float(reference()), rel=1e-9, abs=1e-15)


def test_gelu_key_is_negative_unlike_the_eli5_table():
    """Check that the GELU'(-3) key is negative (the ELI5 chapter's 0.0036 is wrong) and that 0.0036 is marked wrong."""
    assert quiz.answer_key("gelu_slope_minus3") < 0
    fb = quiz.check("gelu_slope_minus3", "0.0036")
    assert not fb.correct and "ELI5" in fb.message


@pytest.mark.parametrize("qid, trap, words", [
    ("sigmoid_slope_0", "0.5", "value"),
    ("chain_sigmoid_10", "1e-7", "ELI5"),
    ("tanh_slope_3", "0.995", "value"),
])
def test_traps_get_their_own_message(qid, trap, words):
    """Check that a typical wrong number gets the message naming its misconception."""
    fb = quiz.check(qid, trap)
    assert not fb.correct and fb.points == 0 and words in fb.message


@pytest.mark.parametrize("text, value", [("0.25", 0.25), ("1/4", 0.25), ("2.5e-1", 0.25), (" −0.5 ", -0.5), (3, 3.0)])
def test_parse_number_reads_common_forms(text, value):
    """Check that decimals, fractions, e-notation and a unicode minus are read."""
    assert quiz.parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "", "1/0", "0.25.3"])
def test_parse_number_refuses_garbage(text):
    """Check that text that is not a number gives None (and check() says so instead of crashing)."""
    assert quiz.parse_number(text) is None
    assert not quiz.check("sigmoid_slope_0", text).correct


def test_numeric_tolerance_accepts_rounding_and_rejects_far_answers():
    """Check that a 3-significant-digit answer passes and a 10% error fails."""
    key = quiz.answer_key("sigmoid_slope_5")
    assert quiz.check("sigmoid_slope_5", f"{key:.3g}").correct
    assert not quiz.check("sigmoid_slope_5", key * 1.1).correct


def test_every_choice_has_one_right_option_and_every_option_explains_itself():
    """Check the choice questions: exactly one correct option, and a non-empty, distinct explanation for each."""
    choices = [q for q in quiz.questions() if isinstance(q, quiz.Choice)]
    assert len(choices) >= 6
    for q in choices:
        assert sum(o.correct for o in q.options) == 1, q.id
        whys = [o.why for o in q.options]
        assert all(w.strip() for w in whys) and len(set(whys)) == len(whys), q.id


def test_choice_feedback_right_and_wrong():
    """Check that the key scores 1 with 'Correct' and every other option scores 0 with its own explanation."""
    for q in (q for q in quiz.questions() if isinstance(q, quiz.Choice)):
        key = quiz.answer_key(q.id)
        for i, option in enumerate(q.options):
            fb = quiz.check(q.id, i)
            assert fb.correct == (i == key) and fb.points == (1.0 if i == key else 0.0)
            assert option.why in fb.message
        assert quiz.check(q.id, q.options[key].text).correct   # by text too
    assert not quiz.check("where_bend", 99).correct


def test_sketch_scoring_against_scipy_truth():
    """Check the sketch key against SciPy's GELU (x * ndtr(x)), and that perfect, rough and flat sketches get 3, fewer and 0 stars."""
    q = quiz.get("sketch_gelu")
    xs = np.asarray(q.xs)
    truth = xs * ndtr(xs)
    np.testing.assert_allclose(quiz.answer_key("sketch_gelu"), truth, rtol=1e-12, atol=1e-15)
    assert quiz.check("sketch_gelu", truth).stars == 3
    assert quiz.check("sketch_gelu", np.maximum(xs, 0)).stars in (1, 2)   # ReLU: the right rough shape
    flat = quiz.check("sketch_gelu", np.zeros_like(xs))
    assert flat.stars == 0 and not flat.correct
    rmse = float(np.sqrt(np.mean(truth ** 2)))
    assert f"{rmse:.3f}" in flat.message


def test_sketch_rejects_wrong_length():
    """Check that a sketch with the wrong number of points raises a clear error."""
    with pytest.raises(ValueError, match="7 finite y values"):
        quiz.check("sketch_sigmoid_slope", [0.1, 0.2])


def test_summary_counts_points():
    """Check that summary() adds the points of the answers given and counts the total questions."""
    fbs = {"sigmoid_slope_0": quiz.check("sigmoid_slope_0", 0.25), "where_bend": quiz.check("where_bend", 1)}
    points, answered, total, text = quiz.summary(fbs)
    assert (points, answered, total) == (1.0, 2, len(quiz.questions()))
    assert "2 of" in text


def test_unknown_question_lists_valid_ids():
    """Check that an unknown id names the valid ones."""
    with pytest.raises(KeyError, match="sigmoid_slope_0"):
        quiz.get("nope")
