"""Chapter 06 teaches what it says: the map, the list, the picker's three curves, the recall feedback."""

import json
import math
from pathlib import Path

import numpy as np
from scipy.special import expit

from course_utils.facts import decisions
from course_utils.ui import ch06_decisions

ROOT = Path(__file__).resolve().parents[1]


def test_the_map_has_one_pick_box_and_one_curve_drawing_per_line():
    """Check the map names every line's pick and draws a small curve for each of the seven lines."""
    fig = ch06_decisions.decision_map()
    texts = {t.get_text().replace("\n", " ") for ax in fig.axes for t in ax.texts}
    for line in decisions.lines():
        assert line.say in texts
    assert len(fig.axes[0].child_axes) == len(decisions.lines())


def test_the_short_list_shows_seven_lines_with_links():
    """Check the markdown list: seven numbered lines, each with its pick and a chapter link."""
    text = ch06_decisions.short_list().data
    for i, line in enumerate(decisions.lines(), 1):
        assert f"{i}. **{line.when}** → **{line.say}**" in text
        assert all(f"]({link})" in text for _, link in line.evidence)


def test_picker_draws_pick_second_choice_and_the_bend_to_avoid():
    """Check the regression rule: identity solid, softplus dashed, ReLU dotted (it never goes below 0)."""
    p = ch06_decisions.picker("regression_output")
    x, y = p.lines["pick"].get_data()
    np.testing.assert_allclose(y, x)
    x, y = p.lines["runner_up"].get_data()
    np.testing.assert_allclose(y, np.logaddexp(0, x), rtol=1e-12)
    x, y = p.lines["avoid"].get_data()
    assert np.min(y) == 0 and "Avoid" in p.readout.value


def test_picker_hides_missing_curves_and_redraws():
    """Check a rule without a second choice hides the dashed line, and a new role changes picture and card."""
    p = ch06_decisions.picker("binary_output")
    first, card = p.image.value, p.readout.value
    x, y = p.lines["pick"].get_data()
    np.testing.assert_allclose(y, expit(x), rtol=1e-12)
    p.dropdown.value = "gate"
    assert not p.lines["runner_up"].get_visible() and p.lines["avoid"].get_visible()
    assert p.image.value != first and p.readout.value != card


def test_recall_question_gives_the_misconception_of_each_click():
    """Check clicking tanh names the zero-centred misconception; ReLU is marked right."""
    q = ch06_decisions.recall_question()
    names = [o.name for o in q.question.options]
    q.answer(names.index("tanh"))
    assert "zero-centred" in q.feedback.value and q.buttons[names.index("tanh")].button_style == "danger"
    q.answer(names.index("relu"))
    assert "Right." in q.feedback.value and q.buttons[names.index("relu")].button_style == "success"
    assert "0x" not in q._repr_mimebundle_()["text/plain"]


def test_the_printed_chapter_numbers_are_the_math():
    """Check the notebook's printed figures: 0.25**10, 0.42**10 for tanh at 1, and 1.1**100 for the ReLU memory."""
    nb = json.loads((ROOT / "notebooks" / "06_decision_list.ipynb").read_text())
    out = "".join("".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", []))
    assert f"{0.25 ** 10:.2g}" in out and f"{(1 - math.tanh(1) ** 2) ** 10:.2g}" in out
    assert f"{1.1 ** 100:,.0f}" in out
    t = 1.0
    for _ in range(100):
        t = math.tanh(1.1 * t)
    assert f"tanh memory {t:.2f}" in out


def _cells():
    return json.loads((ROOT / "notebooks" / "06_decision_list.ipynb").read_text())["cells"]


def _src(c):
    return "".join(c["source"])


def test_the_picker_opens_away_from_the_case_its_prediction_asks_about():
    """Check: the Predict before the picker asks about the yes/no output; the picker opens on another role, and the
    answer (tanh) is only below the widget, folded."""
    cells = _cells()
    k = next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and "picker(" in _src(c))
    before, code, after = _src(cells[k - 1]), _src(cells[k]), _src(cells[k + 1])
    assert "**Predict:**" in before and "yes/no" in before and "tanh" not in before.lower()
    assert "binary_output" not in code
    p = ch06_decisions.picker()
    assert p.dropdown.value != "binary_output"
    assert after.startswith("<details><summary>Check your prediction</summary>") and "Tanh" in after


def test_every_prediction_is_answered_below_in_a_fold():
    """Check each **Predict:** cell is followed (after its code cell) by a folded answer."""
    cells = _cells()
    for i, c in enumerate(cells):
        if c["cell_type"] == "markdown" and "**Predict:**" in _src(c) and "recall_question" not in _src(cells[i + 1]):
            assert _src(cells[i + 2]).startswith("<details><summary>Check your prediction</summary>"), _src(c)


def test_the_memory_loop_is_not_called_an_lstm_and_lstm_cells_are_described_right():
    """Check the one-unit loop is named as such; the LSTM sentence says sigmoid gates and tanh for the new content."""
    text = "\n".join(_src(c) for c in _cells() if c["cell_type"] == "markdown")
    assert "## A one-unit memory loop" in text and "Why tanh inside an LSTM" not in text
    assert "Sigmoid gates" in text and "Tanh keeps that new content between −1 and 1" in text


def test_every_map_entry_names_a_thing_the_course_taught():
    """Check the map's where-texts: dead units in chapter 03's words, no untaught term such as normalisation layers."""
    wheres = [d.where for d in decisions.decisions()]
    assert "Many ReLU units dead (0 for every input)" in wheres
    assert not any("normalisation" in w or "dying" in w.lower() for w in wheres)
    d = decisions.decision("deep_mlp_no_norm")
    assert "He recipe" in d.prefer_runner_up_when and "normalisation" not in d.reason


def test_every_wrong_recall_option_names_its_misconception():
    """Check the recall question: every wrong option's feedback opens with 'A common wrong answer'."""
    q = decisions.recall()
    assert all(o.feedback.startswith("A common wrong answer") for o in q.options if not o.right)


def test_the_map_explains_its_network_words_before_the_map():
    """Check that 'plain network', 'transformer' and 'feed-forward block' are explained above the map that uses them."""
    cells = _cells()
    k = next(i for i, c in enumerate(cells) if "decision_map()" in _src(c))
    above = "\n".join(_src(c) for c in cells[:k] if c["cell_type"] == "markdown")
    for word in ("**plain network**", "**transformer**", "**feed-forward block**", "**recurrent**"):
        assert word in above, word


def test_the_picker_draws_leaky_relus_leak_ten_times_steeper_and_says_so():
    """Check that the dashed Leaky ReLU on the hidden-layers card does not hide under ReLU: leak 0.1 drawn, named in the legend."""
    p = ch06_decisions.picker("hidden_cnn_mlp")
    x, y = p.lines["runner_up"].get_data()
    np.testing.assert_allclose(y, np.where(x > 0, x, 0.1 * x))
    assert "leak drawn ×10" in p.lines["runner_up"].get_label()
    assert "0.01" in decisions.decision("dying_units").reason   # the text keeps the true default leak
