"""The glossary appendix (notebooks/91_glossary.ipynb): every word the course uses, one or two plain sentences each.

Pass 46 moved the glossary off the start page. The start page's words come first (its "### " sections before
"### Chapter 01"); each later chapter's words follow under a heading of their own. Some checks compare an entry
with the start page's text: `_markdown()` reads the start page's teaching part, then the glossary, as one text.
"""

import html
import math
import re
from fractions import Fraction
from pathlib import Path

import nbformat
import numpy as np
import pytest

from course_utils.facts import activations, data, deployments, history
from course_utils.ui import ch00_start_here, display
from tools import chapter_metrics

ROOT = Path(__file__).resolve().parent.parent
START = ROOT / "notebooks" / "00_start_here.ipynb"
GLOSSARY = ROOT / "notebooks" / "91_glossary.ipynb"


def _nb(path=GLOSSARY):
    return nbformat.read(str(path), as_version=4)


def _page():
    """The start page's markdown (pass 57: its closing "## Glossary" pointer is cut, so all of it teaches)."""
    return "\n\n".join(c.source for c in _nb(START).cells if c.cell_type == "markdown")


def _glossary():
    """The appendix's markdown from its "## Glossary" heading on."""
    text = "\n\n".join(c.source for c in _nb().cells if c.cell_type == "markdown")
    return text[text.index("## Glossary"):]


def _markdown():
    """The start page's teaching part, then the glossary: the one text the checks below were written against."""
    return _page() + _glossary()


def _cell(start):
    (cell,) = [c.source for c in _nb(START).cells if c.source.startswith(start)]
    return cell


def _glossary_parts():
    """(the start page's words, the later chapters' words): the later ones begin at "### Chapter 01". The names
    `visible` and `folded` below date from when the later words sat in a fold on the start page."""
    glossary = _glossary()
    later = glossary[glossary.index("### Chapter 01"):]
    return glossary[:glossary.index("### Chapter 01")], later


def test_the_appendix_has_the_glossary_heading_and_the_start_page_points_at_it():
    """Check the appendix's title and its "## Glossary" anchor, and that the start page links it from its opening
    cell (pass 57: the start page's closing "## Glossary" pointer repeated that link and is cut; no page links it)."""
    cells = [c.source for c in _nb().cells]
    assert cells[0].startswith("# Appendix · Glossary\n")
    assert sum(bool(re.search(r"^## Glossary\s*$", s, re.M)) for s in cells) == 1
    start = [c.source for c in _nb(START).cells]
    assert "](91_glossary.ipynb#Glossary)" in start[0]
    assert not any(c.startswith("## Glossary") for c in start)
    assert "<details>" not in _glossary()   # the appendix shows every word; nothing is folded


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
                "smooth", "kink", "probability", "logit", "cdf", "xor", "softmax", "gate",
                # pass 22: the words the other chapters' readers asked for
                "nudge", "learning signal", "gradient table", "near-flat zone", "chain rule", "log scale",
                "leaky relu", "data point", "classes", "two-spirals data", "kernel", "language model", "cnn",
                "convolutional network", "feed-forward block", "transformer", "swish", "silu", "swiglu"]
    full = " ".join(entries).lower()
    missing = [t for t in required if t not in heads and f"({t})" not in full]
    assert not missing, missing
    for entry in entries:  # short: at most two sentences (a parenthesis does not count)
        body = re.sub(r"\([^)]*\)", "", entry.split(":", 1)[1])
        assert len(re.findall(r"[.!?](\s|$)", body)) <= 2, entry


def test_glossary_shows_this_pages_words_and_folds_later_ones():
    """Check the glossary: the words this page uses are visible; later chapters' words sit in one folded block."""
    visible, folded = _glossary_parts()
    body = _markdown()[:_markdown().index("## Glossary")]
    for term in ("Adam", "epoch", "seed", "He initialisation", "logit", "CDF", "softmax"):
        assert f"**{term}**" in folded and f"**{term}**" not in visible, term
        if term not in ("softmax",):  # the course map names softmax, with its meaning
            assert not re.search(rf"\b{re.escape(term)}\b", body), term
    for term in ("slope", "nudge", "learning rate", "learning signal", "deep", "sigmoid", "tanh", "loss"):
        assert f"**{term}**" in visible, term
    # Pass 30: words this page no longer uses (the stall's and the worked example's) wait in the fold.
    for term in ("vanishing gradient", "log scale", "weighted sum", "quick tanh form"):
        assert f"**{term}**" in folded and f"**{term}**" not in visible, term
    # Pass 71 (r66 Clarity): the page names backpropagation and the gradient once, where the signal is walked back, so
    # both are the start page's words now; before that walk, neither word is used.
    for term in ("backpropagation", "gradient"):
        assert f"- **{term}**" in visible and f"- **{term}**" not in folded, term
        walk = body.index("Read them right to left:")   # pass 82: the walk back, under the signal's picture
        assert not re.search(rf"\b{term}\b", body[:walk]) and body.count(f"**{term}**") == 1, term
    # Pass 20: "First come the words this page uses" is true: these five, unused above the glossary, are folded.
    for term in ("recurrent network", "zero-centred", "kink", "SiLU"):
        assert f"**{term}**" in folded and f"**{term}**" not in visible, term
        before_map = body[:body.index("## The course map")]  # the map only names chapter 02's SwiGLU gate
        assert not re.search(rf"\b{re.escape(term.split()[0])}", before_map, re.I), term
    # Pass 37 (r34): the history no longer names SwiGLU; the course map does (glossed there), and "gate", which only
    # later chapters use, waits in the fold. Pass 40 (r36 Focus 1): the map's gloss is all this page says of SwiGLU,
    # so its entry waits in the fold too, under chapter 02 with SiLU and the gate it names.
    assert "**SwiGLU**" in folded and "**SwiGLU**" not in visible and "**gate**" in folded and "**gate**" not in visible
    assert "SwiGLU" not in body   # pass 55 (r49 item 21): cut from page 00's map
    ch02 = folded[folded.index("### Chapter 02"):folded.index("### Chapter 03")]
    assert ch02.index("**SiLU**") < ch02.index("**SwiGLU**") and "**gate**" in ch02
    assert not re.search(r"\bgate\b", body)
    for term in ("dropout", "affine"):  # pass 19: used by no chapter, so not defined (pass 71: page 00 names backprop)
        assert term not in _markdown(), term


def test_glossary_names_silu_with_swish_and_its_beta_as_the_registry_does():
    """Check the glossary line: SiLU is Swish with its shape setting beta = 1. The
    registry agrees: 'swish' is an alias of 'silu', its beta defaults to 1, and at beta = 1 it is x * sigmoid(x).
    Pass 22: GELU's and SiLU's lines say how they differ (x times the bell curve's share left of x; x times
    sigmoid(x)), and Swish has a line of its own."""
    text = _markdown()
    # Pass 40 (r36 Focus 1): this page never uses GELU's formula, so its visible line is the shape only; the formula
    # waits in the fold, in the CDF line (x times the share of a bell curve's area left of x).
    visible, folded = _glossary_parts()
    assert "- **GELU**: ReLU with the corner rounded off. For negative inputs it dips a little below 0." in visible
    assert "share of a bell curve" not in visible
    assert ("- **CDF** (of a bell curve): the share of a bell curve's area that lies left of $x$. GELU multiplies $x$ "
            "by it.") in folded
    # Pass 31: the Swish line says "At β = 1 it is SiLU", so SiLU's line no longer repeats it.
    assert "- **SiLU**: $x$ times sigmoid($x$), another ReLU with the corner rounded off." in text
    assert "- **Swish**: $x$ times sigmoid(β$x$), with a shape setting β. At β = 1 it is SiLU." in text
    assert "**Swish** (also called **SiLU**)" not in text
    gelu = activations.get("gelu")
    z = np.linspace(-4, 4, 17)
    bell_share = np.array([0.5 * (1 + math.erf(v / math.sqrt(2))) for v in z])
    assert np.allclose(gelu(z), z * bell_share, atol=1e-12)
    assert activations.canonical("swish") == "silu"
    record = activations.get("silu")
    assert record.params["beta"].default == 1.0
    xs = np.linspace(-4, 4, 17)
    sigmoid = activations.get("sigmoid")
    assert np.allclose(record(xs), xs * sigmoid(xs))
    assert not np.allclose(record(xs, beta=2.0), xs * sigmoid(xs))


def test_the_gradient_points_uphill_and_training_steps_the_other_way():
    """Check the fact behind the new wording: on a small loss, a step along the gradient makes the loss bigger and a
    step against it makes it smaller; text and glossary say the gradient is the way the loss grows, not the nudge."""
    rng = np.random.default_rng(0)
    x, t = rng.normal(size=20), rng.normal(size=20)
    w, b = 0.7, -0.3

    def loss(w, b):
        return float(np.mean((np.maximum(0.0, w * x + b) - t) ** 2))

    h = 1e-6
    grad = np.array([(loss(w + h, b) - loss(w - h, b)) / (2 * h), (loss(w, b + h) - loss(w, b - h)) / (2 * h)])
    step = 0.01 * grad
    assert loss(w + step[0], b + step[1]) > loss(w, b) > loss(w - step[0], b - step[1])
    text = _markdown()
    assert "The idea: step against the hill slope," in text   # p111 (r113): "rule" kept for a unit without its bend;   # pass 87: one sentence with the fog; pass 30, 38, 52, 54, 62; pass 75: ch00 says "nudge" no more
    assert "the gradient turned downhill" in text  # the glossary's nudge
    assert "which way to nudge it to make the loss" not in text and "how much each nudge would help" not in text
    assert "So downhill means less wrong." in text  # the fog picture: the step goes downhill, against the slope


def test_pass18_the_dip_is_not_just_left_of_0():
    """Check the glossary's dip: GELU and SiLU are below 0 for every negative input (not 'just left of 0'), and only a
    little (GELU's lowest is about −0.17, SiLU's about −0.28); pass 19: the smooth-bends picture is gone."""
    x = np.linspace(-8, -0.01, 800)
    for name, low in (("gelu", -0.17), ("silu", -0.28)):
        y = np.asarray(activations.get(name)(x), float)
        assert np.all(y < 0) and round(float(y.min()), 2) == low, name
    text = _markdown()
    assert "For negative inputs it dips a little below 0." in text and "Just left of 0, they dip" not in text
    assert text.count("For negative inputs it dips a little below 0") == 2  # GELU's line and SiLU's (folded)
    assert "For negative inputs it dips a little below 0, lower than GELU." in text  # pass 22: -0.28 < -0.17


def test_pass18_tanh_outputs_are_balanced_only_when_its_inputs_are():
    """Check the zero-centred line: all-positive inputs give all-positive tanh outputs, balanced inputs give
    balanced outputs. Pass 22: zero-centred means outputs that average about 0 for bell-curve inputs (as chapters 02 and
    04 use it); outputs on both sides of 0 are not enough: GELU has some below 0, yet averages about 0.28."""
    tanh = activations.get("tanh")
    assert np.all(np.asarray(tanh(np.linspace(0.1, 3, 50)), float) > 0)
    assert abs(float(np.mean(tanh(np.linspace(-3, 3, 61))))) < 1e-12
    z = np.linspace(-12, 12, 240_001)
    bell = np.exp(-z * z / 2) / np.sqrt(2 * np.pi)
    mean = {n: float(np.sum(np.asarray(activations.get(n)(z), float) * bell) * (z[1] - z[0]))
            for n in ("tanh", "sigmoid", "gelu")}
    assert abs(mean["tanh"]) < 1e-9 and mean["sigmoid"] == pytest.approx(0.5) and mean["gelu"] > 0.25
    assert float(activations.get("gelu")(np.array([-1.0]))[0]) < 0   # GELU has outputs below 0, all the same
    assert [activations.get(n).zero_centred for n in ("tanh", "sigmoid", "gelu")] == ["yes", "no", "no"]
    text = _markdown()
    assert ("- **zero-centred**: with outputs that average about 0 (for inputs spread evenly around 0, like a bell "
            "curve). Tanh is; sigmoid and GELU are not, though GELU has some outputs below 0.") in text
    assert "with outputs on both sides of 0, so they can balance around it" not in text
    assert "so the next layer's inputs are too" not in text


def test_pass22_the_glossary_has_every_word_the_other_chapters_asked_for_each_as_they_use_it():
    """Check the glossary asks: nudge = learning signal (downhill: the gradient turned around); gradient table, near-flat
    zone (the registry's 0.01), chain rule, log scale, Leaky ReLU (the registry's 0.01), data point, classes,
    two-spirals data, kernel, seed, language model, CNN, feed-forward block, Swish, SwiGLU, transformer; each later word
    folded, log scale and nudge (used on this page) visible; dead unit, CDF and monotonic worded precisely."""
    visible, folded = _glossary_parts()
    assert "**nudge**" in visible and "**log scale**" in folded  # pass 30: the log axis is cut from this page
    for term in ("gradient table", "near-flat zone", "chain rule", "Leaky ReLU", "data point", "classes",
                 "two-spirals data", "kernel", "seed", "language model", "CNN", "feed-forward block", "Swish",
                 "transformer"):
        assert f"**{term}**" in folded and f"**{term}**" not in visible, term
    body = _markdown()[:_markdown().index("## The course map")]
    for term in ("kernel", "transformer", "CNN", "language model", "chain rule", "Leaky ReLU", "data point",
                 "feed-forward"):
        assert not re.search(rf"\b{re.escape(term)}\b", body), term  # not used on this page before it is explained
    assert "log scale" not in body
    assert activations.NEAR_FLAT_SLOPE == 0.01 == activations.get("leaky_relu").params["alpha"].default  # a hundredth
    # Pass 30: what travels back is the learning signal; a nudge is a weight's own (one meaning, r28 item 9).
    assert ("- **near-flat zone**: inputs where a bend's slope stays under a hundredth in size. There, less than 1% of "
            "the learning signal gets through.") in folded   # no width: chapter 03 names GELU's thin strip one too
    # Pass 30: chapter 04's ask, the leak: Leaky ReLU's small slope left of 0.
    # Pass 30: "so its units cannot die" overstated (chapter 06's r28 reader): a stuck unit still gets a small nudge.
    assert ("- **Leaky ReLU**: ReLU with a small slope left of 0, the **leak** (PyTorch's default: a hundredth). So a "
            "stuck unit still gets a small nudge.") in folded and "cannot die" not in folded
    # Pass 36: shorter (21 words were one sentence); ReLU gives 0 exactly where its input (weighted sum plus bias) is <= 0.
    assert ("- **dead unit** (dying ReLU): a ReLU unit that gives 0 on every training input. Its weights then get no "
            "nudge, so it can stop learning.") in folded
    relu = activations.get("relu")
    z = np.linspace(-3, 3, 61)
    assert np.array_equal(relu(z) == 0, z <= 0) and np.all(relu.derivative(z[z < 0]) == 0)
    assert ("- **CDF** (of a bell curve): the share of a bell curve's area that lies left of $x$.") in folded
    assert "- **monotonic**: always moving the same way as the input grows (here: never going down)." in folded
    assert "whose weighted sum is never above 0" not in folded and "the share of the curve left of" not in folded
    assert ("- **chain rule**: for stages done one after another, the slopes multiply. So, going back, the learning "
            "signal is multiplied by each stage's slope: each weight and each bend.") in folded
    f, g = (lambda v: 3 * v), (lambda v: v ** 2)   # the chain rule: (g∘f)'(v) = g'(f(v)) · f'(v)
    h = 1e-6
    assert (g(f(1.0 + h)) - g(f(1.0 - h))) / (2 * h) == pytest.approx((2 * f(1.0)) * 3, rel=1e-8)


def test_the_glossary_has_the_words_the_other_chapters_use_after_pass_22():
    """Check the words other chapters' readers found missing: weighted sum (near the steps, with the bias after it,
    as chapter 03 writes 'weighted sum plus bias'), a straight rule under linear (chapter 01), LSTM and its memory
    cell with 0-to-1 sigmoid gates, and a gated unit (two weighted sums, one bent, multiplied), folded."""
    visible, folded = _glossary_parts()
    assert ("- **weighted sum**: each input times its weight, all added up. With the bias added, it is what the unit "
            "bends.") in folded  # pass 30: folded, as this page does not use the words
    assert "A *straight rule* is one." in visible
    # pass 30: chapter 04 cut entropy (so bits), chapter 06 its memory-cell diagram: those entries went with them
    for term in ("LSTM", "forget gate", "gated unit", "GRU", "label", "matrix"):
        assert f"**{term}**" in folded and f"**{term}**" not in visible, term
    assert "**bit**" not in folded and "**memory cell**" not in folded
    assert "A **near-flat zone** is a stretch out to the far left or far right. There, the slope stays between −0.01 and 0.01." in "".join(   # the sketch's own term
        "".join(c["source"]) for c in nbformat.read(ROOT / "notebooks" / "07_recall_quiz.ipynb", 4).cells)
    sigmoid = activations.get("sigmoid")
    assert 0 < sigmoid(-30.0) and sigmoid(30.0) <= 1   # the gates' range the LSTM entry states
    assert "Sigmoid gates (between 0 and 1)" in folded


def test_pass24_the_glossary_has_elu_mish_hidden_layer_the_quick_tanh_form_and_crease_with_computed_numbers():
    """Check the glossary asks: ELU goes down towards −1 (alpha = 1, never reaching it); Mish's lowest point is about
    −0.31 near x = −1.19, below SiLU's and GELU's, and it is close to y = x for large inputs; a hidden layer is
    visible (this page uses it); the quick tanh form of GELU stays within 0.0005 of GELU; crease is chapter 01's word;
    each entry at most two sentences (the glossary's rule)."""
    visible, folded = _glossary_parts()
    elu, mish = activations.get("elu"), activations.get("mish")
    assert elu.params["alpha"].default == 1.0 and elu.output_range[0] == -1.0
    far = np.asarray(elu(np.array([-40.0, -10.0, -1.0])), float)
    assert far[0] == -1.0 and np.all(far[1:] > -1.0) and np.all(np.diff(far) > 0)  # down towards −1, from above
    assert ("- **ELU**: like ReLU for positive inputs. For negative inputs it curves smoothly down towards $-1$ (with "
            "its usual setting α = 1), never reaching it.") in folded
    x_min, y_min = activations.minimum("mish")
    assert (round(x_min, 2), round(y_min, 2)) == (-1.19, -0.31)
    assert y_min < activations.minimum("silu")[1] < activations.minimum("gelu")[1]  # a slightly deeper dip
    assert abs(float(mish(np.array([4.0]))[0]) - 4.0) < 0.01  # close to y = x for large positive inputs
    assert ("- **Mish**: another smooth bend like SiLU, with a slightly deeper dip below 0 (lowest about $-0.31$, near "
            "$x = -1.19$).") in folded   # pass 30: one sentence (the glossary trimmed)
    assert ("- **hidden layer**: any layer between the inputs and the output. Its outputs feed the next layer, not the "
            "answer.") in visible
    assert "The column of units is a **hidden layer**, between the inputs and the output." in _cell("On the left:")
    xs = np.linspace(-8, 8, 160001)
    gap = np.max(np.abs(np.asarray(activations.get("gelu")(xs), float) - np.asarray(activations.get("gelu_tanh")(xs), float)))
    assert 0.0004 < gap < 0.0005
    assert ("- **quick tanh form** (of GELU): a formula with tanh in place of the bell-curve area. It is cheaper to "
            "compute, and never more than $0.0005$ away from GELU.") in folded   # pass 36: shorter, same bound
    assert "tanh" in activations.get("gelu_tanh").formula and "\\Phi" in activations.get("gelu").formula
    # Pass 25: visible, beside ReLU: this page uses it too.
    # Pass 37 (r34): the note on which chapters use the word is cut; the definition stays visible.
    assert "- **crease**: a corner, such as a ReLU bend makes in a line (or a sheet).\n" in visible and "**crease**" not in folded
    assert "use this word" not in visible
    one = "\n".join(c.source for c in nbformat.read(str(ROOT / "notebooks" / "01_collapse_proof.ipynb"), 4).cells)
    assert "**crease** (a sharp corner)" in one  # pass 56; pass 89b: said with the bends, before the first quiz


def test_pass24_glossary_has_chapter_04s_words_he_weights_attention_e_to_the_x_ln_and_the_block_it_draws():
    """Check chapter 04's glossary asks: "He" is a name (He weights), attention, e^x (e about 2.718; tends to 0 on
    the left, never reaching it) and ln (undoes it), and the feed-forward block as chapter 04 draws it: a weight
    table in, a row of bent units, a weight table out."""
    _visible, folded = _glossary_parts()
    assert '"He" is a name: Kaiming He proposed them.' in folded and "**He initialisation** (He weights)" in folded
    assert "**attention**: the step in a transformer that decides how much each word looks at each other word." in folded
    # Pass 36: two sentences (one of 19 words before).
    assert "a small network in each transformer layer. It is a weight table in, bent units, a weight table out." in folded
    assert round(float(np.e), 3) == 2.718 and "$e \\approx 2.718$ raised to the power $x$" in folded
    assert np.exp(-40.0) > 0 and np.exp(-40.0) < 1e-17  # sinks towards 0, never reaching it
    assert float(np.log(np.exp(1.7))) == pytest.approx(1.7) and "$\\ln(e^x) = x$" in folded
    for entry in ("**$e^x$**", "**ln**", "**attention**", "**feed-forward block**", "**He initialisation**"):
        line = next(l for l in folded.splitlines() if l.startswith(f"- {entry}"))
        assert line.count(". ") + 1 <= 2, line  # the glossary's rule: at most two sentences an entry


def test_pass24_glossary_matrix_says_how_two_tables_multiply_and_which_is_written_first():
    """Check chapter 01's ask: the matrix entry says tables multiply row by column, the later layer's table first
    (W2 W1 x: layer 1's table acts first, so it stands next to x)."""
    _visible, folded = _glossary_parts()
    assert "Tables multiply row by column; the later layer's table is written first." in folded
    w1, w2, x = np.array([[1.0, 2.0], [0.0, 1.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([1.0, 3.0])
    assert np.array_equal((w2 @ w1) @ x, w2 @ (w1 @ x)) and not np.array_equal(w1 @ w2 @ x, w2 @ (w1 @ x))


def test_pass24_glossary_has_chapter_07s_words_log_loss_softmax_rule_and_sigma():
    """Check chapter 07's asks: log loss (the average of -ln of each point's chance for its right answer: a sure right
    answer scores 0, a coin flip ln 2), softmax's rule (e^s over the sum of e^s: the shares add up to 1) and σ."""
    _visible, folded = _glossary_parts()
    # Pass 36: two short sentences (the one before had 19 words).
    assert ("- **log loss**: the loss for chances, where smaller is better. It averages $-\\ln$(the chance given to the "
            "right answer) over the points.") in folded
    assert -math.log(1.0) == 0.0 and -math.log(0.5) == pytest.approx(0.693, abs=5e-4)
    assert "Each score $s$ gets $e^s$ divided by the sum of all the scores' $e^s$." in folded
    scores = np.array([2.0, -1.0, 0.5])
    shares = np.exp(scores) / np.exp(scores).sum()
    assert shares.sum() == pytest.approx(1.0) and np.all(np.diff(shares[np.argsort(scores)]) > 0)  # order kept
    assert "- **σ**: short for sigmoid: $\\sigma(x)$ is the sigmoid of $x$." in folded


def test_pass25_glossary_names_the_lstm_gates_and_new_content_as_chapter_06_does():
    """Check chapter 06's asks: write gate and read-out gate, and new content as the number tanh squashes (chapter 06
    writes the write as write gate × tanh(new content)); short entries, the chapter's mean sentence is near its limit."""
    _visible, folded = _glossary_parts()
    # pass 30: chapter 06 now names only the forget gate, so the glossary does too
    # pass 36: chapter 06 names its three gates again (forget, write, output): each has an entry, the write gate under
    # its usual name, the input gate; a gate no chapter names (read-out) has none
    assert "- **forget gate**: the LSTM gate that sets the share of memory kept each step." in folded
    assert "**write gate**" not in folded and "**read-out gate**" not in folded
    assert "- **new content**: the number an LSTM may store at a step, squashed by tanh first." in folded
    ch06 = "".join("".join(c["source"]) for c in nbformat.read(str(ROOT / "notebooks" / "06_decision_list.ipynb"),
                                                             as_version=4).cells if c.cell_type == "markdown")
    # pass 30: chapter 06 cut its memory-cell diagram (and the gates' names with it); it keeps new content and the
    # forget gate, so the glossary's write gate / read-out gate entry now serves readers of other texts only
    assert "**new content**" in ch06 and "**forget gate**" in ch06


def test_pass25_glossary_gives_chapter_02s_step_size_and_training_example_their_entries():
    """Check chapter 02's asks: step size is the learning rate's other name, training example the data point's."""
    _visible, folded = _glossary_parts()
    # pass 30: the learning rate is on this page now (the hill's step), so its one entry is visible, not repeated
    assert "- **learning rate** (step size): the small share of its nudge a weight moves by." in _visible
    assert "**learning rate**" not in folded
    assert "- **data point** (training example): one example to learn from" in folded


def test_pass25_glossary_has_plain_size_overflow_and_says_smaller_log_loss_is_better():
    """Check chapters 03 and 07's asks: plain size (sqrt(1/n); He weights are sqrt 2 times it), overflow (e^710 does not
    fit a float64), log loss 'smaller is better', and the slope multiplies the nudge going back."""
    _visible, folded = _glossary_parts()
    assert "- **plain size** (of starting weights): a typical size of $\\sqrt{1/n}$ for a unit with $n$ inputs." in folded
    assert "- **overflow**: a number too big for the computer to store." in folded
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float64(710.0))) and np.isfinite(np.exp(np.float64(709.0)))
    assert "- **log loss**: the loss for chances, where smaller is better." in folded   # pass 36: said first
    assert ("- **slope** (derivative): how steep a curve is at a point. On the hill: how fast the height grows as "
            "the weight grows.") in _markdown()


def test_pass25_glossary_has_chapter_05s_accuracy_and_spread():
    """Check chapter 05's asks: accuracy (share right) and spread (typical distance from the average)."""
    _visible, folded = _glossary_parts()
    assert "- **accuracy**: the share of points a network gets right." in folded
    assert "- **spread**: how far numbers typically sit from their average." in folded


def test_pass26_glossary_names_links_and_a_weight_sits_on_a_link():
    """Check the glossary's page words: a link (a connection, drawn as a line, that carries a number forward) and a
    weight as the number on a link; each entry at most two sentences."""
    visible, folded = _glossary_parts()
    assert "- **link**: a connection into a unit, drawn as a line. It carries a number forward." in visible
    assert "- **weight**: a number on a link. What the link carries is multiplied by it." in visible
    assert "**link**" not in folded and "a number that an input is multiplied by" not in visible
    for entry in ("- **link**", "- **weight**"):
        line = next(l for l in visible.splitlines() if l.startswith(entry))
        assert len(chapter_metrics.prose(line)) <= 2, line


def test_pass26_glossary_has_chapter_05s_weight_layer():
    """Check chapter 05's "weight layer" (it numbers weight layers 1-4, units by hidden layers) is in the folded
    glossary, numbered from the input side as chapter 05 numbers it, in at most two sentences."""
    _visible, folded = _glossary_parts()
    line = next(l for l in folded.splitlines() if l.startswith("- **weight layer**"))
    assert "between two layers of units, numbered from the inputs." in line
    assert len(chapter_metrics.prose(line)) == 1   # one sentence: the page stays within its pass-26 length
    race = "".join(c.source for c in nbformat.read(ROOT / "notebooks" / "05_training_race.ipynb", as_version=4).cells)
    assert "**weight layer**" in race and "There are four." in race


def test_pass30_nudge_means_one_thing_in_the_chapter_and_the_glossary():
    """Check r28 item 9: a nudge is a weight's (or a bias's) own number, the slope with its sign flipped; what travels
    back is the learning signal (its own headword); the move is a step; the chain rule passes stages, not steps."""
    text = _markdown()
    visible, folded = _glossary_parts()
    # Pass 31 (r29 item 4): "its slope" read as the weight's own steepness (w was the line's slope); the hill's.
    # Pass 40 (r36 Focus 2): "gradient" is a later chapter's word, so the visible nudge line does not use it; the
    # folded optimizer line steps along the gradient turned downhill (chapter 03 reads that phrase).
    assert ("- **nudge** (of a weight or a bias): which way and how much to move it. It is the hill's slope at the "
            "weight's value, sign flipped.\n") in visible
    # pass 71: the start page's words use "gradient" only in its own entry
    assert [ln[:16] for ln in visible.splitlines() if re.search(r"\bgradient\b", ln)] == ["- **gradient**: "]
    assert ("- **gradient**: all the hill slopes together, one per weight and bias. It points uphill, toward more "
            "wrongness.\n") in visible   # pass 71: a start-page word, said in its words
    assert "- **optimizer**: the rule that makes a step from the gradient turned downhill." in folded
    assert "its slope with the sign flipped" not in text
    # Pass 37 (r34 Focus): the note on what later chapters call it is cut, a maintainer's cross-reference.
    assert ("- **learning signal**: what travels back from the output, one number per unit; each weight's nudge comes "
            "from it.\n") in visible and "Chapters 03 to 07 call it" not in visible
    assert "- **step** (of training): each weight and bias moves by the learning rate times its nudge." in folded
    assert "- **learning rate** (step size): the small share of its nudge a weight moves by." in visible
    for old in ("nudge** handed back", "**a weight's nudge**", "nudge every weight", "one nudge of all",
                "the nudge is multiplied", "of the nudge gets through", "gets no nudge, so", "which way to nudge"):
        assert old not in text, old
    body = text[:text.index("## Glossary")]
    for m in re.finditer(r"\bnudge[sd]?\b", body):
        around = body[max(0, m.start() - 60):m.end() + 60]
        assert "nudged" not in m.group(0) and "travels back" not in around.split("nudge")[0][-20:], around


def test_pass30_glossary_asks_of_the_other_chapters_each_one_or_two_sentences():
    """Check the asks: leak (chapter 04), log loss, normalisation layer, shortcut (residual connection), learning signal
    as its own headword, gradient table; each entry of the trimmed section is at most two sentences."""
    visible, folded = _glossary_parts()
    for entry in ("**leak**", "- **log loss**", "- **normalisation layer**", "- **shortcut** (residual connection)",
                  "- **gradient table**"):
        assert entry in folded, entry
    assert "- **learning signal**:" in visible
    assert ("- **shortcut** (residual connection): a link that adds a block's input to its output. The learning signal "
            "travels back along it unchanged.") in folded
    # A shortcut y = x + f(x) passes the signal on with slope 1 + f'(x): the 1 is the shortcut's, whatever f does.
    f = lambda v: 0.3 * np.tanh(v)   # noqa: E731
    h = 1e-6
    assert ((0.5 + h + f(0.5 + h)) - (0.5 - h + f(0.5 - h))) / (2 * h) - (f(0.5 + h) - f(0.5 - h)) / (2 * h) == \
        pytest.approx(1.0)
    section = _markdown()[_markdown().index("### How a network learns"):]
    for line in [l for l in section.splitlines() if l.startswith("- **")]:
        body = re.sub(r"\([^)]*\)", "", line.split(":", 1)[1])
        assert len(re.findall(r"[.!?](\s|$)", body)) <= 2, line


def test_pass31_typical_size_is_chapter_03s_root_mean_square():
    """Check the glossary's typical size is chapter 03's: how far from 0, the square root of the average square
    (chapter 03's example 0.1, −0.2, 0.2, −0.1 gives about 0.16)."""
    _visible, folded = _glossary_parts()
    assert "- **typical size**: how far from 0 numbers usually are: the square root of their average square." in folded
    ch03 = nbformat.read(str(ROOT / "notebooks" / "03_gradient_table.ipynb"), as_version=4)
    # pass 46: chapter 03 defines it by its recipe where the flow picture needs it, with the worked example
    text = " ".join(" ".join(c.source.split()) for c in ch03.cells)
    # pass 75 (r72): the example's picture comes between the name and the recipe
    # pass 80 (r77 Clarity): the recipe said once, plainly, in the definition
    # pass 84 (r83 Picture): the name and example before the picture, the recipe after it
    assert ("Their **typical size** says how far from 0 they usually are, sign ignored. Example: $0.1, -0.2, 0.2, -0.1$:") in text
    assert ("Their squares average $0.025$. The typical size is the square root of their average square: about "
            "$0.16$.") in text
    v = np.array([0.1, -0.2, 0.2, -0.1])
    assert np.mean(v ** 2) == pytest.approx(0.025) and round(float(np.sqrt(np.mean(v ** 2))), 2) == 0.16


def test_pass36_glossary_has_selu_lecun_normal_the_lstm_gates_and_the_know_nothing_answer():
    """Check the r34 asks: SELU (a built-in scale keeps the spread near 1, only in plain networks with LeCun-normal
    weights and no normalisation layers; its scale from the registry is above 1), LeCun-normal weights (plain size),
    every LSTM gate chapter 06 names (forget, write = input, output), plain network, and the know-nothing answer of
    chapter 01 with its loss ln 2 = 0.693, which chapter 05 calls the shrug line; each at most two sentences."""
    _visible, folded = _glossary_parts()
    assert ("- **SELU** (scaled ELU): an ELU whose built-in scale keeps a signal's spread near 1. This works only "
            "in plain networks, with LeCun-normal weights and no normalisation layers.") in folded
    selu, elu = activations.get("selu"), activations.get("elu")
    x = np.linspace(-3, 3, 13)
    scale = selu.params["scale"].default
    assert scale > 1 and np.allclose(selu(x)[x > 0], scale * elu(x)[x > 0])   # an ELU-like bend, stretched
    for entry in ("**LeCun-normal** weights: random starting weights of plain size, drawn from a bell curve.",
                  "- **plain size** (of starting weights)", "- **normalisation layer**",
                  "- **plain network**: layers in a row, each unit reading every output of the layer before.",
                  "- **input gate** (write gate): the LSTM gate that sets how much new content is written to memory.",
                  "- **output gate**: the LSTM gate that sets how much of the memory is passed on."):
        assert entry in folded, entry
    ch04 = "".join(c.source for c in nbformat.read(str(ROOT / "notebooks" / "04_activation_zoo.ipynb"), 4).cells)
    # r75 (pass 78): chapter 04 names LeCun-normal in its SELU fold (a stored cell output), no longer in its markdown
    ch04 += "".join("".join(o.get("data", {}).get("text/markdown", "")) for c in
                    nbformat.read(str(ROOT / "notebooks" / "04_activation_zoo.ipynb"), 4).cells if c.cell_type == "code"
                    for o in c.get("outputs", []))
    # r80 (pass 82): the SELU fold names the rule once, as a link to this entry (its reason is the glossary's)
    assert "SELU" in ch04 and "[LeCun-normal](91_glossary.ipynb#Glossary)" in ch04
    ch06 = "".join(c.source for c in nbformat.read(str(ROOT / "notebooks" / "06_decision_list.ipynb"), 4).cells
                   if c.cell_type == "markdown")
    named = set(re.findall(r"\*\*(\w+) gate\*\*", ch06))   # the gates chapter 06 names, each in bold
    glossed = set(re.findall(r"- \*\*(\w+) gate\*\*", folded)) | set(re.findall(r"\((\w+) gate\)", folded))
    assert named and named <= glossed, named - glossed
    assert "**plain network**" in ch06
    assert ("- **know-nothing answer**: with two classes, a chance of one half for every point. Its log loss is "
            "$\\ln 2 \\approx 0.693$, which chapter 05 draws as the **shrug line**.") in folded
    assert round(-math.log(0.5), 3) == round(math.log(2), 3) == 0.693   # -ln(the chance one half) at every point
    ch01 = "".join(c.source for c in nbformat.read(str(ROOT / "notebooks" / "01_collapse_proof.ipynb"), 4).cells)
    ch05 = "".join(c.source for c in nbformat.read(str(ROOT / "notebooks" / "05_training_race.ipynb"), 4).cells)
    assert "know-nothing answer" in ch01 and "**shrug line**" in ch05
    for line in [l for l in folded.splitlines() if l.startswith("- **")]:
        words = len(re.findall(r"[A-Za-z0-9][\w'’-]*", re.sub(r"\$[^$]*\$", " ", line)))
        assert all(len(re.findall(r"[A-Za-z0-9][\w'’-]*", re.sub(r"\$[^$]*\$", " ", sentence))) <= 18
                   for sentence in re.split(r"(?<=[.!?])\s+", line)), line
        assert words <= 36, line


def test_pass40_later_words_are_grouped_by_the_chapter_that_first_uses_them_and_marked_optional():
    """Check r36 Focus 3: the later chapters' words are grouped under a heading per chapter, in course order (pass 46:
    in the appendix, unfolded); each sampled word sits under the first chapter whose text uses it; every glossary
    link in the notebooks lands on the one "## Glossary" heading."""
    visible, folded = _glossary_parts()
    heads = re.findall(r"^### Chapter (\d\d) · (.+)$", folded, re.M)
    assert [n for n, _ in heads] == ["01", "02", "03", "04", "05", "06"]
    for n, title in heads:   # each heading names a chapter as the course map does
        assert f"**{n}** [{title}]({n}_" in _markdown(), title
    assert "### Chapter" not in visible and not re.search(r"^- \*\*", folded.split("### Chapter 01")[0], re.M)
    texts = {n: " ".join(c.source for c in nbformat.read(str(p), as_version=4).cells)
             for n in ("01", "02", "03", "04", "05", "06") for p in (ROOT / "notebooks").glob(f"{n}_*.ipynb")}
    where = {"XOR": "01", "matrix": "01", "SiLU": "02", "transformer": "02", "chain rule": "03", "softmax": "04",
             "Mish": "04", "LSTM": "04", "epoch": "05", "Adam": "05", "GRU": "06", "forget gate": "06"}
    for term, n in where.items():
        group = folded[folded.index(f"### Chapter {n}"):]
        group = group[:group.index("### Chapter", 5)] if "### Chapter" in group[5:] else group
        assert f"- **{term}**" in group, term
        used = lambda k: re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", texts[k])  # noqa: E731
        assert used(n) and not any(used(k) for k in texts if k < n), term
    assert _markdown().count("## Glossary\n") == 1
    for p in (ROOT / "notebooks").glob("0[1-7]_*.ipynb"):
        for anchor in re.findall(r"00_start_here\.ipynb#([\w-]+)", p.read_text()):
            assert anchor == "Glossary", (p.name, anchor)


def test_steepness_is_listed_with_the_start_pages_words_after_the_hills_slope():
    """Check the glossary lists steepness where the start page's words are, beside the hill's slope, and tells the
    two apart (moved from chapter 00's history check in pass 46)."""
    visible, _folded = _glossary_parts()
    assert "- **steepness**: a bend's own slope, not the hill's.\n" in visible
    assert visible.index("- **slope** (derivative)") < visible.index("- **steepness**")
