"""The zoo table is generated from the registry; its curves are real PNGs; the SELU experiment matches theory; the models table is consistent."""

import io

import numpy as np
import pytest
from PIL import Image
from scipy import integrate

from course_utils.facts import activations, deployments
from course_utils.engine import signal_stats
from course_utils.ui import ch04_zoo


def test_rows_cover_every_single_input_bend_in_registry_order():
    """Check that the table has a row per non-gated registry bend, in teaching order, with the registry's fields
    (GELU's tanh approximation shares GELU's row: the same curve to the eye)."""
    names = [n for n in activations.names() if activations.get(n).kind != "gated" and n != "gelu_tanh"]
    rows = ch04_zoo.rows()
    assert [r["name"] for r in rows] == names
    for r in rows:
        act = activations.get(r["name"])
        only = ""   # r72 (pass 75): SELU's conditions (average 0, spread 1) are the column header's, not the row's
        assert r["formula"] == act.formula
        # pass 26: "yes" exactly where the registry says so; any other bend gives "no" and its average
        if act.kind != "elementwise":   # softmax: shares of a list, each averaging 1 / (how many scores)
            assert r["zero-centred"] == f"{act.zero_centred}: the shares average 1 ÷ (number of scores)"
        elif act.zero_centred == "yes":
            assert r["zero-centred"] == "yes" + only
        elif abs(ch04_zoo.average_output(r["name"])) < 1e-6:   # r80 (pass 82): SELU, 0 at spread 1 only
            assert act.zero_centred == "roughly" and r["zero-centred"] == "roughly: 0 at spread 1 only"
            assert ch04_zoo.zero_centred_word(r["zero-centred"]) == "roughly"
        else:
            # r39: PReLU's row is at its starting leak; one footnote under the table says so (PRELU_NOTE)
            # r54: one number, read at a glance; r56 (pass 62): two significant digits (one gave ELU, SiLU and Mish
            # the same "about 0.2")
            assert r["zero-centred"] == f"no: about {ch04_zoo.average_output(r['name']):.2g}"
        if r["name"] in ch04_zoo.RANGE_FROM_FLOOR:   # r39: SELU's range at the text's 2 decimals, from its computed floor
            lo = float(act.range_text.strip("([").split(",")[0])
            assert r["range"] == f"({lo:.2f}, ∞)" and abs(ch04_zoo.floor_of(r["name"]) - lo) < 1e-3
        elif act.kind == "elementwise" and not act.monotonic:   # r54: a dip's lowest point at 2 decimals, not 3
            lo = float(act.range_text.strip("[").split(",")[0])
            assert r["range"] == f"[{lo:.2f}, ∞)" and abs(activations.minimum(r["name"])[1] - lo) < 1e-3
        else:
            extra = " at α = 1" if r["name"] == "elu" else ""
            assert r["range"] == act.range_text + extra   # ELU's floor is −α
    assert "starting leak" in ch04_zoo.PRELU_NOTE and "Training changes it" in ch04_zoo.PRELU_NOTE


def test_html_has_one_picture_per_row_and_text_repr_is_a_table():
    """Check the HTML (an inline PNG per row of a one-number bend; softmax, a list in and a list out, gets no curve)
    and the plain-text table that nbval compares."""
    table = ch04_zoo.ZooTable()
    page = table._repr_html_()
    curves = [r for r in table.rows if r["name"] != "softmax"]
    assert len(curves) == len(table.rows) - 1 and page.count("data:image/png;base64,") == len(curves)
    assert page.count(ch04_zoo.NO_CURVE) == 1
    text = repr(table).splitlines()
    assert len(text) == len(table.rows) + 1 and "0x" not in repr(table)


def _curve_pixels(img):
    """Pixels of the curve: coloured, or dark grey; the axes are light grey blended with white."""
    chroma = np.abs(img - img.mean(axis=2, keepdims=True)).sum(axis=2)
    return (chroma > 60) | (img.mean(axis=2) < 150)


@pytest.mark.parametrize("name", ["relu", "gelu", "softmax", "tanh"])
def test_sparkline_is_a_valid_png_showing_a_curve(name):
    """Check that a sparkline decodes as a 440x220 PNG (eleventh pass: larger, so each shape reads; pass 24: larger
    again, with the ±1 marks labelled; pass 26: a reader found 220x110 too small, so twice that) with coloured
    (curve) pixels in it."""
    img = np.asarray(Image.open(io.BytesIO(ch04_zoo.sparkline(name))).convert("RGB")).astype(int)
    assert img.shape == (220, 440, 3) and ch04_zoo.SPARK_SIZE == (440, 220)
    assert _curve_pixels(img).sum() > 50


def test_sparkline_of_relu_is_flat_on_the_left_and_rising_on_the_right():
    """Check the picture's shape: ReLU's coloured pixels sit lower on the left half than on the right half."""
    img = np.asarray(Image.open(io.BytesIO(ch04_zoo.sparkline("relu"))).convert("RGB")).astype(int)
    chroma = np.abs(img - img.mean(axis=2, keepdims=True)).sum(axis=2)
    rows, cols = np.nonzero(chroma > 60)   # the coloured curve only, not the grey tick labels
    left, right = rows[cols < 160].mean(), rows[cols > 280].mean()
    assert left > right + 5   # image rows grow downwards


def _spark_axes(name):
    """The matplotlib axes a sparkline is drawn on (spied on while it draws)."""
    ch04_zoo.sparkline.cache_clear()
    captured = []
    real = ch04_zoo.plots.new_figure

    def spy(*args, **kwargs):
        fig, ax = real(*args, **kwargs)
        captured.append(ax)
        return fig, ax
    ch04_zoo.plots.new_figure = spy
    try:
        ch04_zoo.sparkline(name)
    finally:
        ch04_zoo.plots.new_figure = real
        ch04_zoo.sparkline.cache_clear()
    return captured[0]


def test_sparkline_ticks_sit_outside_the_frame_and_inside_the_picture():
    """Check (pass 26: a reader found no x ticks, and the −1 label cut by the right edge): x ticks −3, 0, 3 and y
    ticks 1, −1 (the dashed levels) are labelled outside the frame, where no curve passes, and every label lies
    inside the picture with at least 4 px to spare (another machine's fonts are a few px wider)."""
    ax = _spark_axes("selu")
    fig = ax.figure
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["−3", "0", "3"] and ch04_zoo.SPARK_XTICKS == (-3, 0, 3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["3", "2", "1", "0", "−1", "−2"] and ch04_zoo.SPARK_MARKS == (1, -1)
    # pass 29: 0 labelled, so the plain grey line reads as output 0; r48: 3 and −2 too, the ends the text promises;
    # pass 73 (r70 Picture): every whole step from −2 to 3 (the ticks skipped 2)
    assert ch04_zoo.SPARK_YTICKS == (3, 2, 1, 0, -1, -2)
    assert {t.get_text() for t in ax.texts} >= {"x", "out"}   # r48: the axes are named
    frame = ax.get_window_extent()
    width, height = fig.canvas.get_width_height()
    for t in ax.get_xticklabels() + ax.get_yticklabels():
        box = t.get_window_extent()
        assert box.x0 >= 4 and box.y0 >= 4 and box.x1 <= width - 4 and box.y1 <= height - 4, t.get_text()
        assert box.y1 <= frame.y0 or box.x1 <= frame.x0, t.get_text()   # below or left of the frame: no curve there


@pytest.mark.parametrize("name", ["gelu", "silu", "mish"])
def test_sparkline_marks_a_dip_with_a_dot_at_its_lowest_point(name):
    """Check (pass 26: GELU's dip was barely visible): a dip gets a dot at the registry's lowest point."""
    dots = [line for line in _spark_axes(name).lines if line.get_marker() == "o"]
    assert len(dots) == 1
    assert (float(dots[0].get_xdata()[0]), float(dots[0].get_ydata()[0])) == pytest.approx(activations.minimum(name))


def test_sparkline_draws_a_floor_in_the_curves_colour_for_elu_selu_and_tanh_only():
    """Check (pass 26): a floor (a level the curve flattens to far left, below 0) is a dotted line in the curve's
    colour: ELU −1, SELU about −1.76 (λα), tanh −1; no other bend has one, and no monotonic bend has a dip dot."""
    selu = activations.get("selu")
    floors = {n: ch04_zoo.floor_of(n) for n in activations.names() if activations.get(n).kind == "elementwise"}
    assert {n for n, f in floors.items() if f is not None} == {"elu", "selu", "tanh"}
    assert floors["selu"] == pytest.approx(-selu.params["scale"].default * selu.params["alpha"].default)
    for name in ("elu", "selu", "relu"):
        ax = _spark_axes(name)
        dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
        assert len(dotted) == (name != "relu") and not [line for line in ax.lines if line.get_marker() == "o"]
        if dotted:
            assert dotted[0].get_ydata()[0] == pytest.approx(floors[name]) and dotted[0].get_color() == ch04_zoo.plots.color(name)


def _moments(name):
    act = activations.get(name)
    pdf = lambda z: np.exp(-z * z / 2) / np.sqrt(2 * np.pi)  # noqa: E731
    m1 = integrate.quad(lambda z: float(act(z)) * pdf(z), -np.inf, np.inf)[0]
    m2 = integrate.quad(lambda z: float(act(z)) ** 2 * pdf(z), -np.inf, np.inf)[0]
    return m1, m2 - m1 ** 2


def test_selu_fixed_point_by_integration():
    """Check SELU's self-normalising fixed point: N(0, 1) in gives mean 0 and variance 1 out (SciPy quad)."""
    m, v = _moments("selu")
    assert abs(m) < 1e-9 and v == pytest.approx(1.0, abs=1e-6)


def test_layer_stats_selu_stays_normalised_and_relu_fades():
    """Check the random-network experiment: SELU keeps mean ~0 and variance ~1 over 30 layers; ReLU with LeCun init fades."""
    m, v = signal_stats.layer_stats("selu", depth=30, width=128, n=256, seed=1)
    assert np.all(np.abs(m) < 0.1) and np.all(np.abs(v - 1) < 0.15)
    _, v_relu = signal_stats.layer_stats("relu", depth=30, width=128, n=256, seed=1)
    assert v_relu[-1] < 1e-6
    # the first layer's variance matches the theory for N(0, 1) pre-activations
    assert v_relu[0] == pytest.approx(_moments("relu")[1], rel=0.1)


def test_models_rows_point_at_registry_bends_and_contradict_the_wrong_claims():
    """Check the deployment table: valid registry names, citations present; LLaMA is not GELU, Gemma is GeGLU, LSTM gates sigmoid."""
    for d in deployments.DEPLOYMENTS:
        assert activations.canonical(d.registry) == d.registry
        assert d.citation and d.checked and 1990 <= d.year <= 2030
    assert all("GELU" not in bend for bend, _ in deployments.uses("LLaMA"))
    assert deployments.uses("Gemma")[0][0].startswith("GeGLU")
    assert ("sigmoid", "the input and output gates (the forget gate came in 2000)") in deployments.uses("LSTM")
    assert len(deployments.table("relu")) == sum(d.registry == "relu" for d in deployments.DEPLOYMENTS) > 0
