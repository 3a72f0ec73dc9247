"""Widgets headless: every slider redraws the picture and the readout, at both ends, with right numbers."""

import base64
import io
import re
import warnings

import numpy as np
import pytest
from PIL import Image
from scipy import special, stats

from course_utils.facts import activations
from course_utils.ui import (ch00_start_here, ch01_collapse, ch02_four_bends, ch03_gradients, ch04_zoo, ch05_race,
                             ch06_decisions, ch07_quiz, explorer, livefigure, plots)
from course_utils.ui.printing import readout_number

DEMOS = {f.__name__: f for f in (ch00_start_here.stretch_shift, ch00_start_here.bend_unit, ch00_start_here.hill_steps,
                                 ch00_start_here.bent_units, ch00_start_here.flat_pile, ch00_start_here.signal_chain,
                                 ch01_collapse.collapse_demo,
                                 ch01_collapse.fold_demo, explorer.activation_explorer, ch02_four_bends.swiglu_gate, ch02_four_bends.bend_explorer,
                                 ch02_four_bends.corners_add_up, ch02_four_bends.zigzag_centre, ch03_gradients.gradient_flow, ch03_gradients.chain_product,
                                 ch03_gradients.gradient_table, ch03_gradients.dead_units,
                                 ch04_zoo.softmax_temperature, ch04_zoo.where_they_differ, ch04_zoo.gate_race, ch04_zoo.selu_spread,
                                 ch04_zoo.tanh_fit, ch04_zoo.zigzag_toggle,
                                 ch05_race.live_race,
                                 ch06_decisions.picker, ch06_decisions.slopes_multiply,
                                 ch06_decisions.memory_nudge,
                                 ch07_quiz.sketch_from_memory)}

FACTORIES = sorted(DEMOS)


def pixels(png):
    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGB"))


def drawn_data(w):
    """Every moving artist's data (lines and bars), to see that the picture's content changed."""
    parts = []
    for line in _lines(w):
        x, y = line.get_data()
        parts += [np.asarray(x, float).ravel(), np.asarray(y, float).ravel()]
    for bar in getattr(w, "bars", []):
        parts.append(np.array([bar.get_x(), bar.get_y(), bar.get_width(), bar.get_height()], float))
    return np.concatenate(parts) if parts else np.array([])


def _lines(w):
    out = []
    for v in w.lines.values():
        out += list(v.values()) if isinstance(v, dict) else [v]
    return out


def readout_cells(w, label):
    """The cells after the label in the readout table's row for a bend, as printed."""
    row = re.search(rf"<td[^>]*>{re.escape(label)}</td>(.*?)</tr>", w.readout.value).group(1)
    return re.findall(r"<td[^>]*>([^<]+)</td>", row)


def readout_row(w, label):
    """The numbers in the readout table's row for a bend (a true minus read as a minus)."""
    return [float(v.replace("−", "-")) for v in readout_cells(w, label)]


def other_end(s):
    """A slider value far from the current one (the farther end)."""
    return s.max if abs(s.max - s.value) >= abs(s.value - s.min) else s.min


def tick_all(w):
    for box in getattr(w, "checkboxes", {}).values():
        box.value = True


@pytest.mark.parametrize("name", FACTORIES)
def test_every_slider_changes_picture_data_and_readout(name):
    """Moving each slider to its far end changes the PNG, the drawn data and the readout text."""
    w = DEMOS[name]()
    tick_all(w)  # parameter sliders of unticked bends are hidden and inert
    for key, s in w.sliders.items():
        before = (w.image.value, drawn_data(w), w.readout.value)
        s.value = other_end(s)
        assert w.image.value != before[0], f"{name}: slider {key} left the picture unchanged"
        after = drawn_data(w)
        assert after.shape != before[1].shape or not np.array_equal(after, before[1], equal_nan=True), key
        assert w.readout.value != before[2], f"{name}: slider {key} left the readout unchanged"


@pytest.mark.parametrize("name", FACTORIES)
def test_slider_extremes_draw_finite_data_without_warnings(name):
    """Both ends of every slider draw with no warning and only finite numbers in the drawn data."""
    w = DEMOS[name]()
    tick_all(w)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for key, s in w.sliders.items():
            for v in (s.min, s.max):
                s.value = v
                # NaN is allowed (a deliberate gap between segments); infinities are not.
                assert not np.any(np.isinf(drawn_data(w))), f"{name}: infinite data at {key} = {v}"
                for line in _lines(w):
                    if line.get_visible():
                        y = np.asarray(line.get_data()[1], float)
                        assert np.isfinite(y).any(), f"{name}: an empty line at {key} = {v}"
                assert pixels(w.image.value).shape[0] > 0


def _bundle(widget):
    """(data, metadata) from a widget's _repr_mimebundle_, which IPython lets return either (metadata: {})."""
    out = widget._repr_mimebundle_()
    return out if isinstance(out, tuple) else (out, {})


@pytest.mark.parametrize("name", FACTORIES)
def test_repr_bundle_has_picture_and_stable_caption(name):
    """The display bundle carries the widget view, the current PNG and a caption free of ids and addresses."""
    a, b = DEMOS[name](), DEMOS[name]()
    bundle, meta = _bundle(a)
    assert base64.b64decode(bundle["image/png"]) == bytes(a.image.value)  # notebooks store base64 text
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == a.model_id
    if meta:   # a widget that stores its picture's alt text (04's SELU widget, r81): the live picture's name
        assert meta == {"image/png": {"alt": a.image.tooltip}}
    text = bundle["text/plain"]
    assert text == _bundle(b)[0]["text/plain"], "caption differs between two instances"
    assert a.model_id not in text and not re.search(r"0x[0-9a-f]{6,}|b'|\\x", text)
    assert "static picture" in text and len(text) < 110


@pytest.mark.parametrize("name", FACTORIES)
def test_png_is_lossless_copy_of_canvas_at_layout_size(name):
    """The Image bytes decode to exactly the canvas pixels, at the pixel size the layout promises."""
    w = DEMOS[name]()
    rgb = pixels(w.image.value)
    canvas = np.asarray(w.live.canvas.buffer_rgba())[:, :, :3]
    assert np.array_equal(rgb, canvas)
    assert w.image.layout.width == f"{rgb.shape[1]}px" and w.image.layout.height == f"{rgb.shape[0]}px"


@pytest.mark.parametrize("name, key, value, kwargs", [
    ("stretch_shift", "w", -1.5, {"w": -1.5}),
    ("activation_explorer", "x", -2.0, {"probe": -2.0}),
    ("softmax_temperature", "temperature", 3.0, {"temperature": 3.0}),
    ("gradient_table", "x", 2.5, {"x": 2.5}),
    ("fold_demo", "w11", -1.5, {"W": ((-1.5, 0.6), (-0.4, 1.2))}),
    ("corners_add_up", "a2", -1.5, {"turns": (0.5, -1.5, 0.5)}),
    ("swiglu_gate", "b", -2.9, {"b": -2.9}),   # fast axes: the bar axis's new limits repainted, no stale ticks
])
def test_redraw_over_cache_matches_fresh_drawing(name, key, value, kwargs):
    """After a slider move, the picture equals one drawn from scratch there: no ghost of the old state."""
    moved = DEMOS[name]()
    moved.sliders[key].value = value
    fresh = DEMOS[name](**kwargs)
    assert np.array_equal(pixels(moved.image.value), pixels(fresh.image.value))


@pytest.mark.parametrize("name, key, detour, value", [
    ("activation_explorer", "x_range", 2.0, 7.5),   # fast axes: new limits without a full draw
    ("gradient_flow", "depth", 3, 25),
    ("chain_product", "x", 0.2, 2.5),
    ("swiglu_gate", "b", 0.3, -2.9),   # fast axes: the bar axis follows the values on every move
])
def test_limit_moves_leave_no_ghost(name, key, detour, value):
    """Limits moved by way of a detour give the same picture as one move straight there (same layout)."""
    by_detour, straight = DEMOS[name](), DEMOS[name]()
    by_detour.sliders[key].value = detour
    by_detour.sliders[key].value = value
    straight.sliders[key].value = value
    assert np.array_equal(pixels(by_detour.image.value), pixels(straight.image.value))


def test_stretch_shift_points_land_on_the_line():
    """Each input x lands at w·x + b, and the readout states the formula."""
    w = ch00_start_here.stretch_shift()
    w.sliders["w"].value, w.sliders["b"].value = -0.5, 2.0
    xs, ys = w.lines["landed"].get_data()
    np.testing.assert_allclose(ys, -0.5 * np.asarray(xs) + 2.0)
    assert "z = -0.50·x + 2.00" in w.readout.value   # z: the number before the bend (pass 30)


def test_collapse_stacked_layers_equal_one_line_until_a_bend():
    """Three stacked layers trace exactly the single line; with a ReLU between them they do not."""
    w = ch01_collapse.collapse_demo(n_layers=3)
    for key, v in {"w1": 2.0, "b1": -1.0, "w2": -0.5, "b2": 0.7, "w3": 1.3, "b3": 0.2}.items():
        w.sliders[key].value = v
    x, y_stacked = w.lines["stacked"].get_data()
    np.testing.assert_allclose(w.lines["single"].get_data()[1], y_stacked, atol=1e-12)
    # By hand: W = 2·(-0.5)·1.3 = -1.3, b = ((-1)(-0.5) + 0.7)·1.3 + 0.2 = 1.76
    assert "y = −1.30·x + 1.76" in w.readout.value  # a real minus sign
    w.bend.value = True
    assert np.max(np.abs(w.lines["stacked"].get_data()[1] - w.lines["single"].get_data()[1])) > 0.1
    assert "no longer" in w.readout.value


def test_explorer_probe_values_match_scipy():
    """The probe dots and the readout give value and slope at x from independent formulas."""
    w = explorer.activation_explorer()
    x0 = -0.7
    w.sliders["x"].value = x0
    s = special.expit(x0)
    ref = {"relu": (0.0, 0.0), "sigmoid": (s, s * (1 - s)), "tanh": (np.tanh(x0), 1 / np.cosh(x0) ** 2),
           "gelu": (x0 * special.ndtr(x0), special.ndtr(x0) + x0 * np.exp(-x0 * x0 / 2) / np.sqrt(2 * np.pi))}
    for name, (v, d) in ref.items():
        assert w.lines[name]["value_dot"].get_data()[1][0] == pytest.approx(v, abs=1e-12)
        assert w.lines[name]["slope_dot"].get_data()[1][0] == pytest.approx(d, abs=1e-12)
        assert readout_row(w, activations.get(name).label) == pytest.approx([v, d], abs=0.005 + 1e-12)
        # r80 Focus: two decimals, as the chapters' text writes them, with a true minus (0 when exactly 0)
        assert readout_cells(w, activations.get(name).label) == [f"{t:.2f}".replace("-", "−") if t else "0" for t in (v, d)]


def test_explorer_readout_tells_a_tiny_slope_from_0():
    """Far left, ReLU's slope is exactly 0 and sigmoid's is tiny but not 0: two decimals would print both as 0.00, so
    the readout prints "0" for the one and one plain digit for the other (0.00005, as printing.readout_number does);
    tanh's, under a millionth, is "almost 0". No e-notation, which the chapters never teach."""
    w = explorer.activation_explorer()
    w.sliders["x_range"].value = 10.0
    w.sliders["x"].value = -10.0
    s = special.expit(-10.0)
    assert 4.5e-5 < s * (1 - s) < 5e-5 and 1 / np.cosh(10.0) ** 2 < 1e-6
    assert readout_cells(w, "ReLU") == ["0", "0"]
    assert readout_cells(w, "Sigmoid") == ["0.00005", "0.00005"]
    assert readout_cells(w, "Tanh") == ["−1.00", "almost 0"]
    assert "e-0" not in w.readout.value and "0.0000<" not in w.readout.value
    assert [readout_number(v) for v in (9.7e-4, -4.54e-4, 0.0049, 1.0852)] == ["0.001", "−0.0005", "0.005", "1.09"]


def test_explorer_parameter_slider_reshapes_its_bend():
    """Leaky ReLU's alpha slider sets the negative-side slope of the drawn curve."""
    w = explorer.activation_explorer(names=("leaky_relu",))
    w.sliders["leaky_relu.alpha"].value = 0.3
    x, y = w.lines["leaky_relu"]["value"].get_data()
    neg = x < 0
    np.testing.assert_allclose(y[neg], 0.3 * x[neg])
    assert w.sliders["silu.beta"].layout.display == "none"  # only ticked bends show their sliders


def test_explorer_titles_its_panels_in_plain_words_and_can_hide_its_parameter_sliders():
    """The panels say 'value' and 'slope' (no f(x) or f'(x), which no chapter introduces); tunable=False leaves only
    the x range and the probe, each bend drawn at its default parameters (chapter 02 teaches none)."""
    w = explorer.activation_explorer()
    assert [ax.get_title() for ax in w.figure.axes[:2]] == ["value", "slope"]
    assert explorer.activation_explorer(show_slope="overlay").figure.axes[0].get_title() == "value and slope (dashed)"
    plain = explorer.activation_explorer(names=("silu", "leaky_relu"), tunable=False)
    assert list(plain.sliders) == ["x_range", "x"]
    x, y = (np.asarray(v, dtype=float) for v in plain.lines["silu"]["value"].get_data())
    np.testing.assert_allclose(y, x * special.expit(x), rtol=1e-12, atol=1e-15)   # beta 1
    x, y = (np.asarray(v, dtype=float) for v in plain.lines["leaky_relu"]["value"].get_data())
    np.testing.assert_allclose(y[x < 0], 0.01 * x[x < 0])                          # alpha 0.01


def test_explorer_x_range_moves_axes_and_keeps_probe_inside():
    """Shrinking the x range narrows the axes and pulls the probe back inside."""
    w = explorer.activation_explorer(probe=4.0)
    w.sliders["x_range"].value = 2.0
    assert w.figure.axes[0].get_xlim() == (-2.0, 2.0)
    assert w.sliders["x"].value == 2.0


def test_softmax_bars_and_top_share_match_scipy():
    """Bar heights are softmax(logits / T) and the readout's top share is scipy's."""
    logits = np.array([2.0, 1.0, 0.5, -1.0])
    w = ch04_zoo.softmax_temperature(logits=tuple(logits))
    w.sliders["temperature"].value = 0.5
    p = special.softmax(logits / 0.5)
    np.testing.assert_allclose([b.get_height() for b in w.bars], p, rtol=1e-12)
    # pass 30: the entropy left chapter 04; the readout gives the top score's share, as softmax computes it
    assert f"the top score's share is <b>{p.max():.2f}</b>" in w.readout.value and "bits" not in w.readout.value


def test_gate_race_output_is_gate_times_content():
    """Check the three-gates widget: each row is its bend at a, times the content 2; GLU stays under 1."""
    w = ch04_zoo.gate_race(a=-2.0)
    for a in (-2.0, 0.0, 3.0):
        w.sliders["a"].value = a
        for unit, gate in {"GLU": special.expit(a), "SwiGLU": a * special.expit(a), "GeGLU": a * stats.norm.cdf(a)}.items():
            row = re.search(rf"<td[^>]*>{unit}</td><td[^>]*>([^<]+)</td><td[^>]*>[^<]*= ([^<]+)</td>", w.readout.value)
            assert float(row.group(1)) == pytest.approx(gate, abs=5e-4)
            assert float(row.group(2)) == pytest.approx(2 * gate, abs=5e-3)
    assert ch04_zoo.gate_values(4.0)["GLU"][0] < 1 < ch04_zoo.gate_values(1.5)["SwiGLU"][0]


def test_swiglu_output_is_silu_gate_times_content():
    """The output bar is a·sigmoid(a)·b, computed here with scipy's expit."""
    w = ch02_four_bends.swiglu_gate()
    w.sliders["a"].value, w.sliders["b"].value = -1.3, 2.5
    gate = -1.3 * special.expit(-1.3)
    out_bar, gate_bar, content_bar = w.bars
    assert gate_bar.get_width() == pytest.approx(gate, rel=1e-12)
    assert out_bar.get_width() == pytest.approx(gate * 2.5, rel=1e-12)
    assert content_bar.get_width() == pytest.approx(2.5)
    assert "negative" in w.readout.value  # SiLU dips below zero near a = -1.28


def test_chain_product_is_slope_to_the_power_depth():
    """Each line is slope(x)^k for k = 1..depth, slopes from independent formulas."""
    w = ch03_gradients.chain_product(x=0.5, depth=12)
    s = special.expit(0.5)
    for name, slope in {"sigmoid": s * (1 - s), "tanh": 1 / np.cosh(0.5) ** 2, "relu": 1.0}.items():
        k, y = w.lines[name].get_data()
        np.testing.assert_array_equal(k, np.arange(1, 13))
        np.testing.assert_allclose(y, slope ** np.arange(1, 13), rtol=1e-12)


def test_gradient_table_rows_match_scipy():
    """The table lists each bend's slope at the slider's x (only the slope: chapter 03 never uses the values)."""
    w = ch03_gradients.gradient_table()
    w.sliders["x"].value = -1.5
    # pass 90 (r91 Focus): the readout gives three significant digits, as the text does (it printed four decimals)
    assert readout_row(w, "Tanh") == pytest.approx([1 / np.cosh(-1.5) ** 2], rel=5e-3)
    s = special.expit(-1.5)
    assert readout_row(w, "Sigmoid") == pytest.approx([s * (1 - s)], rel=5e-3)
    assert w.lines["relu"].get_data()[1][0] == 0.0


def test_decade_limits_enclose_values_strictly():
    """Log limits are whole decades strictly outside the data (a bar never sits on an edge)."""
    lo, hi = livefigure.decade_limits([3e-7, 1.0, 0.5])
    assert (lo, hi) == (1e-7, 10.0)
    lo, hi = livefigure.decade_limits([1e-13], every=10)
    assert lo == 1e-20


@pytest.mark.parametrize("name", FACTORIES)
def test_live_picture_is_named_by_what_it_shows(name):
    """The live picture's accessible name (its tooltip, the img title in JupyterLab) is the alt text, kept current."""
    from course_utils.ui.offline import alt_text
    w = DEMOS[name]()
    assert isinstance(w.image, livefigure.NamedImage), f"{name}: a plain Image has no name in JupyterLab"
    # ipywidgets 8.1's front end reads `description` before it sets a title; without it the tooltip raises there.
    assert w.image.get_state()["description"] == ""
    assert w.image.tooltip and w.image.tooltip == alt_text(w)
    tick_all(w)
    for key, s in w.sliders.items():
        before = (w.image.tooltip, w.readout.value)
        s.value = other_end(s)
        assert w.image.tooltip == alt_text(w), f"{name}: after {key} moved the name describes an older picture"
        if w.readout.value != before[1]:
            assert w.image.tooltip != before[0], f"{name}: {key} changed the readout but not the picture's name"


def test_quiz_pictures_are_named():
    """Every picture a quiz question shows or reveals carries its alt text as its name in JupyterLab."""
    for qid in {*ch07_quiz.ASK_PICTURES, *ch07_quiz.AFTER_PICTURES}:
        ask, after = ch07_quiz._pictures(qid)
        if after is not None:
            assert after.tooltip == ch07_quiz.picture_alt(qid), qid
        if ask is not None:
            assert ask.tooltip == ch07_quiz.ASK_ALT[qid], qid
        for picture in (ask, after):
            assert picture is None or (isinstance(picture, livefigure.NamedImage) and picture.tooltip.strip()), qid


@pytest.mark.parametrize("name, turn, shift", ch01_collapse.LINE_PRESETS)
def test_xor_line_buttons_draw_what_the_sliders_draw(name, turn, shift):
    """Each ready-made line button of chapter 01's XOR demo (pass 82) redraws the picture, and the picture equals the
    one the turn and shift sliders give when moved there by hand: no ghost of the old line. Pass 88: the demo starts on
    the "upright" line, so before that button is clicked another one moves the line away."""
    clicked = ch01_collapse.fold_demo(W=((1, 1), (1, 1)), b=(0, -1), bend="relu", corners=True)
    if (clicked.sliders["angle"].value, clicked.sliders["offset"].value) == (turn, shift):
        assert name == ch01_collapse.FOLD_START   # only the start's own button has nothing to change at first
        clicked.presets[ch01_collapse.FOLD_NAME].click()
    before = pixels(clicked.image.value)
    clicked.presets[name].click()
    by_hand = ch01_collapse.fold_demo(W=((1, 1), (1, 1)), b=(0, -1), bend="relu", corners=True)
    by_hand.sliders["angle"].value, by_hand.sliders["offset"].value = turn, shift
    assert not np.array_equal(before, pixels(clicked.image.value))
    assert np.array_equal(pixels(clicked.image.value), pixels(by_hand.image.value))
    assert clicked.readout.value == by_hand.readout.value


def test_choice_question_says_where_its_why_appears_until_the_first_click():
    """r100 (chapters 02-04): a lettered question says, before any click, that each answer will say why; the first
    click replaces that line with the clicked option's own feedback (a right one and a wrong one)."""
    from course_utils.ui import questions
    options = [("Only tanh", False, "A common wrong answer: only tanh. In fact: GELU dips too."),
               ("Tanh and GELU", True, "Right: both go below 0.")]
    for clicked, said in ((1, "Right: both go below 0."), (0, "In fact: GELU dips too.")):
        q = questions.choice_question("Which go below 0?", options, "caption")
        assert q.feedback.value == questions.CLICK_HINT and "says why" in questions.CLICK_HINT
        q.buttons[clicked].click()
        assert questions.CLICK_HINT not in q.feedback.value and said in q.feedback.value
