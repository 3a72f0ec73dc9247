"""The question bank's keys against independent references (mpmath, SciPy), and check() feedback for right, wrong and trap answers."""

import math

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
    ("tanh_slope_3_about", lambda: mp.sech(3) ** 2),
    ("gelu_slope_minus3", lambda: _gelu_slope(-3)),
    ("gelu_peak_slope", lambda: _gelu_slope(mp.sqrt(2))),
    ("xor_no_bend_chance", lambda: mp.mpf(1) / 2),
    ("unit_outputs", lambda: 1),
])
def test_numeric_keys_match_mpmath(qid, reference):
    """Check each numeric key against a high-precision value computed independently of the registry."""
    assert quiz.answer_key(qid) == pytest.approx(float(reference()), rel=1e-9, abs=1e-15)


def test_gelu_dip_key_is_where_the_slope_crosses_zero():
    """Check GELU's dip bottom (the quiz key, on a 1e-5 grid) against mpmath's root of the slope: about −0.752."""
    root = float(mp.findroot(_gelu_slope, -0.75))
    assert quiz.answer_key("gelu_dip") == pytest.approx(root, abs=2e-5)
    assert quiz.check("gelu_dip", "-0.75").correct and quiz.check("gelu_dip", "about -0.75").correct
    assert not quiz.check("gelu_dip", "-0.5").correct


def test_gelu_slope_at_minus3_is_negative():
    """Check that the GELU'(−3) key is negative, and 0.0036 (a figure that circulates) gets its own message."""
    assert quiz.answer_key("gelu_slope_minus3") < 0
    fb = quiz.check("gelu_slope_minus3", "0.0036")
    assert not fb.correct and "0.0036" in fb.message and "negative" in fb.message


@pytest.mark.parametrize("qid, typed", [
    ("tanh_slope_3_about", "about 0.01"), ("tanh_slope_3_about", "0.0099"), ("chain_sigmoid_10", "1e-6"),
    ("chain_sigmoid_10", "9.5e-7"), ("sigmoid_slope_0", "1/4"), ("gelu_peak_slope", "1.1"), ("gelu_peak_slope", "≈ 1.13"),
    ("xor_no_bend_chance", "about 0.5"), ("xor_no_bend_chance", "1/2"), ("unit_outputs", "1"),
])
def test_numbers_are_accepted_as_a_person_would_say_them(qid, typed):
    """Check that the key rounded to the digits a person gives ('about 0.01' for 0.0099) is accepted."""
    assert quiz.check(qid, typed).correct, typed


@pytest.mark.parametrize("qid, typed", [
    ("tanh_slope_3_about", "0.02"), ("chain_sigmoid_10", "1e-7"), ("sigmoid_slope_0", "0.3"), ("gelu_peak_slope", "1.2"),
    ("xor_no_bend_chance", "0.6"), ("xor_no_bend_chance", "1"), ("sigmoid_slope_5", "0.007"),
])
def test_numbers_too_far_are_refused(qid, typed):
    """Check that a number off by more than the digits the question asks for is refused."""
    assert not quiz.check(qid, typed).correct, typed


@pytest.mark.parametrize("qid, trap, words", [
    ("sigmoid_slope_0", "0.5", "the value"),
    ("chain_sigmoid_10", "1e-7", "ten times more"),
    ("tanh_slope_3_about", "0.995", "the value"),
    ("unit_outputs", "3", "one per input"),
])
def test_traps_get_their_own_message(qid, trap, words):
    """Check that a typical wrong number gets the message naming its misconception."""
    fb = quiz.check(qid, trap)
    assert not fb.correct and fb.points == 0 and words in fb.message and "In fact" in fb.message


@pytest.mark.parametrize("text, value", [("0.25", 0.25), ("1/4", 0.25), ("2.5e-1", 0.25), (" −0.5 ", -0.5), (3, 3.0),
                                         ("about 0.01", 0.01), ("~1e-6", 1e-6)])
def test_parse_number_reads_common_forms(text, value):
    """Check that decimals, fractions, e-notation, a unicode minus and 'about' are read."""
    assert quiz.parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "", "1/0", "0.25.3", "about"])
def test_parse_number_refuses_garbage(text):
    """Check that text that is not a number gives None (and check() says so instead of crashing)."""
    assert quiz.parse_number(text) is None
    assert not quiz.check("sigmoid_slope_0", text).correct


def test_every_choice_has_one_right_option_and_every_wrong_one_names_its_misconception():
    """Check the choices: one right option, and for every wrong one 'A common wrong answer: <it> In fact: <why>'."""
    choices = [q for q in quiz.questions() if isinstance(q, quiz.Choice)]
    assert len(choices) >= 25
    for q in choices:
        assert sum(o.correct for o in q.options) == 1, q.id
        for i, o in enumerate(q.options):
            fb = quiz.check(q.id, i)
            assert fb.correct == o.correct and o.why in fb.message
            if not o.correct:
                assert fb.message.startswith(f"A common wrong answer: “{o.text}” In fact: "), q.id
        assert quiz.check(q.id, q.options[quiz.answer_key(q.id)].text).correct   # by text too
    assert not quiz.check("where_bend", 99).correct


def test_the_bank_covers_every_chapter_00_to_06_with_recall():
    """Check that every chapter 00-06 has at least three questions, and no bank question asks for significant digits."""
    for ch in quiz.CHAPTERS:
        assert len(quiz.by_chapter(ch)) >= 3, ch
    assert not [q.id for q in quiz.questions() if "significant" in q.prompt]
    assert {q.id for q in quiz.calculations()}.isdisjoint(quiz.ids())


def test_nothing_names_the_source_documents():
    """Check that no prompt, option or message mentions the source documents (the learner never read them)."""
    text = repr(quiz.questions() + quiz.calculations())
    assert "ELI5" not in text and "blog" not in text



# ---------------------------------------------------------------- the right option must not give itself away by length
LONGEST_SHARE = 0.25   # the right option may be the strictly longest in at most a quarter of the choices
MAX_RATIO = 1.5        # and never more than 1.5 times the mean length of the wrong ones (in characters)


def length_tells(choices):
    """(share of choices whose right option is strictly the longest, the worst right/mean-of-wrong length ratio)."""
    longest, worst = 0, 0.0
    for q in choices:
        right = next(len(o.text) for o in q.options if o.correct)
        wrong = [len(o.text) for o in q.options if not o.correct]
        longest += right > max(wrong)
        worst = max(worst, right / (sum(wrong) / len(wrong)))
    return longest / len(choices), worst


def test_the_right_option_cannot_be_spotted_by_its_length():
    """Rule: right option strictly longest in at most 25% of the choices, and never over 1.5x the wrong ones' mean."""
    share, worst = length_tells([q for q in quiz.questions() if isinstance(q, quiz.Choice)])
    assert share <= LONGEST_SHARE, f"right option is the longest in {share:.0%} of the choices"
    assert worst <= MAX_RATIO, f"a right option is {worst:.2f} times the wrong ones' mean length"


def test_the_length_rule_fails_on_a_bank_that_pads_its_right_answers():
    """Check the rule can fail: padding each right option with an explanation trips both limits."""
    padded = [quiz.Choice(q.id, q.chapter, q.prompt, tuple(
        quiz.Option(o.text + (" " + o.why if o.correct else ""), o.correct, o.why) for o in q.options))
        for q in quiz.questions() if isinstance(q, quiz.Choice)]
    share, worst = length_tells(padded)
    assert share > LONGEST_SHARE and worst > MAX_RATIO


# ---------------------------------------------------------------- each learner's order
def test_right_answers_spread_over_all_positions_for_three_learners():
    """Check three learner seeds: the right answers sit under A, B, C and D, at most 2 apart in count."""
    for learner in ("learner-1", "learner-2", "learner-3"):
        counts = quiz.right_positions(quiz.learner_seed(learner))
        assert set(counts) == set("ABCD"), counts
        assert max(counts.values()) - min(counts.values()) <= 2, counts
        assert sum(counts.values()) == sum(isinstance(q, quiz.Choice) for q in quiz.questions())


def test_the_spread_test_fails_when_every_answer_sits_in_one_place(monkeypatch):
    """Check that the spread check can fail: with the options unshuffled, every right answer is A."""
    monkeypatch.setattr(quiz, "arrangement", lambda seed: {q.id: list(range(len(q.options)))
                                                           for q in quiz.questions() if isinstance(q, quiz.Choice)})
    counts = quiz.right_positions(1)
    assert set(counts) == {"A"}
    with pytest.raises(AssertionError):
        test_right_answers_spread_over_all_positions_for_three_learners()


def test_a_learner_sees_the_same_order_on_every_run_and_others_differ():
    """Check that the order is a pure function of the learner id, and two learners get different orders."""
    a, b = quiz.arrangement(quiz.learner_seed("ada")), quiz.arrangement(quiz.learner_seed("ada"))
    quiz.arrangement.cache_clear()
    assert quiz.arrangement(quiz.learner_seed("ada")) == a == b
    assert quiz.arrangement(quiz.learner_seed("bob")) != a
    for qid, shown in a.items():
        assert sorted(shown) == list(range(len(quiz.get(qid).options)))


# ---------------------------------------------------------------- sketches
@pytest.mark.parametrize("bend, truth", [
    ("relu", lambda x: (x > 0).astype(float)),
    ("sigmoid", lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2),
    ("tanh", lambda x: 1 - np.tanh(x) ** 2),
    ("gelu", lambda x: ndtr(x) + x * np.exp(-x ** 2 / 2) / math.sqrt(2 * math.pi)),
])
def test_sketch_keys_match_scipy_and_score(bend, truth):
    """Check each sketch key (the slope at five points) against SciPy, and that truth gets 3 stars and a flat 0 fewer."""
    xs = np.asarray(quiz.SKETCH_XS)
    np.testing.assert_allclose(quiz.answer_key(f"sketch_{bend}"), truth(xs), rtol=1e-12, atol=1e-15)
    assert quiz.check(f"sketch_{bend}", truth(xs)).stars == 3
    assert quiz.check(f"sketch_{bend}", np.full(len(xs), 0.5)).stars < 3


def test_sketch_rejects_wrong_length():
    """Check that a sketch with the wrong number of points raises a clear error."""
    with pytest.raises(ValueError, match="5 finite y values"):
        quiz.check("sketch_sigmoid", [0.1, 0.2])


def test_summary_counts_points():
    """Check that summary() adds the points of the answers given and counts the bank."""
    fbs = {"sigmoid_slope_0": quiz.check("sigmoid_slope_0", 0.25), "where_bend": quiz.check("where_bend", 1)}
    points, answered, total, text = quiz.summary(fbs)
    assert (points, answered, total) == (1.0, 2, len(quiz.questions())) and "2 of" in text


def test_unknown_question_lists_valid_ids():
    """Check that an unknown id names the valid ones."""
    with pytest.raises(KeyError, match="sigmoid_slope_0"):
        quiz.get("nope")
