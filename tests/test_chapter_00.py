"""Chapter 00: its history data, its pictures, its slider, and the promises its text makes to a first-time reader."""

import re
from fractions import Fraction
from pathlib import Path

import nbformat
import numpy as np
import pytest

from course_utils.facts import activations, history
from course_utils.ui import ch00_start_here
from tools import chapter_metrics

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = ROOT / "notebooks" / "00_start_here.ipynb"


def _nb():
    return nbformat.read(str(CHAPTER), as_version=4)


def _markdown():
    return "\n\n".join(c.source for c in _nb().cells if c.cell_type == "markdown")


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [ax.get_title(loc) for ax in fig.axes
                                                                   for loc in ("left", "center")]


# ---- the history data ----

def test_every_event_has_a_year_and_a_citation_naming_it():
    """Check that each timeline event has a plausible year and a citation (authors, then that year)."""
    assert len(history.EVENTS) >= 8
    for e in history.EVENTS:
        assert isinstance(e.year, int) and 1800 < e.year < 2030, e
        assert re.match(r"[A-Z][^0-9]+ \d{4}", e.citation), e.citation
        assert str(e.year) in e.citation, e
        assert e.era in history.ERAS and e.label.strip()


def test_events_are_in_time_order_and_inside_their_era():
    """Check that the timeline reads left to right and each event sits in its era's span."""
    years = [e.year for e in history.EVENTS]
    assert years == sorted(years)
    for e in history.EVENTS:
        _name, start, end = history.ERAS[e.era]
        assert start <= e.year <= end, e


def test_bend_events_read_their_year_from_the_registry():
    """Check that an event about a bend takes its year from that bend's origin (one source of truth)."""
    bends = [e for e in history.EVENTS if e.activation]
    assert {e.activation for e in bends} >= {"sigmoid", "relu", "gelu", "silu", "swiglu"}
    for e in bends:
        assert f"{e.year}" in activations.get(e.activation).origin
        assert e.citation.split(" ")[0] in activations.get(e.activation).origin


def test_from_origin_refuses_authors_the_origin_does_not_name():
    """Check that a citation cannot be invented: authors absent from the origin raise."""
    with pytest.raises(ValueError):
        history.from_origin("relu", "Hendrycks & Gimpel")


@pytest.mark.parametrize("name, year", [
    ("relu", 2010),    # Nair & Hinton, ICML 2010, pp. 807-814
    ("gelu", 2016),    # arXiv:1606.08415, June 2016
    ("silu", 2017),    # Ramachandran, Zoph & Le, arXiv:1710.05941, October 2017
    ("swiglu", 2020),  # Shazeer, arXiv:2002.05202, February 2020
])
def test_bend_dates_match_the_papers(name, year):
    """Check the timeline's bend dates against the papers (read on arXiv / the proceedings)."""
    assert [e.year for e in history.EVENTS if e.activation == name] == [year]


def test_alexnet_and_vanishing_gradients_are_dated_by_their_papers():
    """Check AlexNet (NeurIPS 2012) and the vanishing-gradient analyses (Hochreiter 1991; Bengio et al. 1994)."""
    by_label = {e.label.split("\n")[0]: e for e in history.EVENTS}
    alexnet = next(e for k, e in by_label.items() if "AlexNet" in k)
    assert alexnet.year == 2012 and "Krizhevsky, Sutskever & Hinton 2012" in alexnet.citation
    stall = next(e for e in history.EVENTS if "vanishing" in e.label)
    assert stall.year == 1991 and "Bengio, Simard & Frasconi 1994" in stall.citation


# ---- the pictures ----

def test_network_picture_labels_layer_unit_and_the_three_steps():
    """Check that the network picture names a layer, a unit, inputs, output, and stretch, shift, bend in order."""
    texts = _texts(ch00_start_here.network_picture())
    joined = " ".join(texts)
    for word in ("a layer", "a unit", "inputs", "output", "weight"):
        assert word in joined, word
    steps = [t for t in texts if re.match(r"\d\. (stretch|shift|bend)$", t)]
    assert steps == ["1. stretch", "2. shift", "3. bend"]


def test_flat_pile_is_one_line_and_bends_make_cup_and_tent():
    """Check the flat-vs-folded picture: the stacked rules draw a straight line; the bent units a cup |x| and a tent."""
    fig = ch00_start_here.flat_and_folded()
    left, right = fig.axes
    x, y = (np.asarray(v, float) for v in left.lines[2].get_data())
    assert np.max(np.abs(np.diff(y, 2))) < 1e-12  # straight: no change of slope anywhere
    # By hand: 1.2·(−0.8·(1.5x + 0.5) + 1) − 0.5 = −1.44x + 0.22
    np.testing.assert_allclose(y, -1.44 * x + 0.22, atol=1e-12)
    x, cup = (np.asarray(v, float) for v in right.lines[0].get_data())
    np.testing.assert_allclose(cup, np.abs(x))
    tent = np.asarray(right.lines[1].get_data()[1], float)
    corners = np.flatnonzero(np.abs(np.diff(tent, 2)) > 1e-9)
    assert len(corners) == 3  # three units, three folds


def test_timeline_shows_every_event_at_its_year():
    """Check that each event is a dot at its year with its year printed beside it, inside the x range."""
    fig = ch00_start_here.history_timeline()
    ax = fig.axes[0]
    dots = sorted(line.get_xdata()[0] for line in ax.lines if line.get_marker() == "o")
    assert dots == [e.year for e in history.EVENTS]
    texts = _texts(fig)
    for e in history.EVENTS:
        assert any(t.startswith(f"{e.year}\n") for t in texts), e.year
    lo, hi = ax.get_xlim()
    assert lo < min(dots) and max(dots) < hi


# ---- the slider ----

def test_stretch_shift_lines_keep_even_steps():
    """Check that without the bend, inputs 1 apart land exactly w apart, and the readout says so."""
    w = ch00_start_here.stretch_shift()
    w.sliders["w"].value, w.sliders["b"].value = 1.5, -2.0
    _, ys = w.lines["landed"].get_data()
    assert np.allclose(np.diff(ys), 1.5)
    assert "equal output steps? yes (steps: 1.5)" in w.readout.value


def test_stretch_shift_bend_applies_relu_and_breaks_the_even_steps():
    """Check that ticking the bend makes every input land at ReLU(w·x + b) and the readout reports uneven steps."""
    w = ch00_start_here.stretch_shift()
    w.sliders["w"].value, w.sliders["b"].value = 2.0, -1.0
    before = bytes(w.image.value)
    w.checkboxes["bend"].value = True
    xs, ys = w.lines["landed"].get_data()
    np.testing.assert_allclose(ys, np.maximum(2.0 * np.asarray(xs) - 1.0, 0.0))
    assert "y = ReLU(2.00·x − 1.00)" in w.readout.value and "equal output steps? no" in w.readout.value
    assert bytes(w.image.value) != before
    x, y = w.lines["layer"].get_data()
    assert np.min(y) == 0.0 and np.ptp(np.diff(y)) > 0  # a corner: the line is no longer straight


def test_no_weight_and_bias_make_the_line_bend():
    """Check the answer to the chapter's Predict question: over a grid of w and b the line stays straight."""
    w = ch00_start_here.stretch_shift()
    for wv in (-3.0, -0.5, 0.0, 2.5):
        for bv in (-4.0, 0.0, 3.3):
            w.sliders["w"].value, w.sliders["b"].value = wv, bv
            _, y = w.lines["layer"].get_data()
            assert np.max(np.abs(np.diff(np.asarray(y, float), 2))) < 1e-9


# ---- what the text promises ----

def test_two_rules_by_hand_are_one_rule():
    """Check the worked pile: ×2 +3 then ×4 +1 is ×8 +13, and both give 53 at x = 5 (exact fractions)."""
    x = Fraction(5)
    assert 4 * (2 * x + 3) + 1 == 8 * x + 13 == 53


def test_chapter_never_mentions_documents_the_learner_has_not_read():
    """Check that chapter 00 has no audits and no references to the source documents."""
    # The course map's appendix row is the one place that names the sources: it points instructors there.
    text = "\n".join(line for line in _markdown().lower().splitlines() if "90_notes_on_the_sources" not in line)
    code = "\n".join(c.source for c in _nb().cells if c.cell_type == "code")
    for phrase in ("eli5", "blog post", "fact check", "the source", "source document"):
        assert phrase not in text, phrase
    assert "fact_check" not in code


def test_glossary_heading_and_entries():
    """Check the `## Glossary` heading (other chapters link #Glossary) and an entry for every required term."""
    cells = [c.source for c in _nb().cells if c.cell_type == "markdown"]
    assert any(re.search(r"^## Glossary\s*$", s, re.M) for s in cells)
    entries = re.findall(r"^- (.+)$", "\n".join(s for s in cells if "### " in s or "## Glossary" in s), re.M)
    heads = " ".join(re.findall(r"\*\*([^*]+)\*\*", " ".join(e.split(":")[0] for e in entries))).lower()
    required = ["network", "layer", "unit", "neuron", "input", "output", "weight", "bias", "stretch", "shift",
                "bend", "activation function", "linear", "slope", "derivative", "gradient", "loss", "training",
                "learning rate", "step", "epoch", "seed", "optimizer", "adam", "initialisation",
                "he initialisation", "vanishing gradient", "dead unit", "dying relu", "zero-centred", "monotonic",
                "smooth", "kink", "probability", "logit", "cdf", "xor", "softmax", "gate"]
    full = " ".join(entries).lower()
    missing = [t for t in required if t not in heads and f"({t})" not in full]
    assert not missing, missing
    for entry in entries:  # short: at most two sentences (a parenthesis does not count)
        body = re.sub(r"\([^)]*\)", "", entry.split(":", 1)[1])
        assert len(re.findall(r"[.!?](\s|$)", body)) <= 2, entry


def test_course_map_links_every_chapter_and_the_appendix():
    """Check the course map: chapters 00-07 (all existing) and the notes-on-the-sources appendix."""
    text = _markdown()
    for nb in sorted((ROOT / "notebooks").glob("0[0-7]_*.ipynb")):
        assert f"]({nb.name})" in text, nb.name
    assert "](90_notes_on_the_sources.ipynb)" in text


def test_every_widget_has_a_prediction_and_prose_is_short():
    """Check the reading figures: every widget predicted, a mean of at most 10 words a sentence, no audit cells."""
    m = chapter_metrics.metrics(CHAPTER)
    assert m["widgets"] >= 1 and m["widgets_with_prediction"] == m["widgets"]
    assert m["words_per_sentence"] <= 10 and m["fact_check_cells"] == 0
    assert m["code_lines_before_first_picture"] <= 3


def test_chapter_ends_with_remember_sketch_and_next():
    """Check the closing cell: three lines to remember, a sketch-from-memory prompt, a link to chapter 01."""
    last = [c.source for c in _nb().cells if c.cell_type == "markdown"][-1]
    assert last.startswith("## What to remember")
    assert len(re.findall(r"^\d\. ", last, re.M)) == 3
    assert "from memory" in last and "compare" in last
    assert "](01_collapse_proof.ipynb)" in last and (ROOT / "notebooks" / "01_collapse_proof.ipynb").exists()


def test_visible_code_is_short():
    """Check that every code cell a learner sees is short (15 lines at most)."""
    for cell in _nb().cells:
        if cell.cell_type == "code" and not cell.metadata.get("jupyter", {}).get("source_hidden"):
            assert len(cell.source.strip().splitlines()) <= 15
