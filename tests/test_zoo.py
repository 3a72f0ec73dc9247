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
        only = ", for inputs of average 0 and spread 1; other spreads: no" if r["name"] == "selu" else ""   # SELU: both
        assert r["formula"] == act.formula and r["zero-centred"].startswith(act.zero_centred)
        assert r["zero-centred"].endswith(")" + only) or act.kind != "elementwise"   # pass 25: the average, in brackets
        extra = {"elu": " at α = 1", "prelu": ", while its leak stays above 0"}.get(r["name"], "")
        assert r["range"] == act.range_text + extra   # ELU's floor is −α; PReLU's leak is learned


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
    """Check that a sparkline decodes as a 220x110 PNG (eleventh pass: larger, so each shape reads; pass 24: larger
    again, with the ±1 marks labelled) with coloured (curve) pixels in it."""
    img = np.asarray(Image.open(io.BytesIO(ch04_zoo.sparkline(name))).convert("RGB")).astype(int)
    assert img.shape == (110, 220, 3) and ch04_zoo.SPARK_SIZE == (220, 110)
    assert _curve_pixels(img).sum() > 50


def test_sparkline_of_relu_is_flat_on_the_left_and_rising_on_the_right():
    """Check the picture's shape: ReLU's coloured pixels sit lower on the left half than on the right half."""
    img = np.asarray(Image.open(io.BytesIO(ch04_zoo.sparkline("relu"))).convert("RGB")).astype(int)
    rows, cols = np.nonzero(_curve_pixels(img))
    left, right = rows[cols < 60].mean(), rows[cols > 120].mean()
    assert left > right + 5   # image rows grow downwards


def test_sparkline_labels_its_two_dashed_levels():
    """Check (pass 24: a reader could not read ELU's and SELU's floors in the thumbnails): the dashes at 1 and −1
    carry labels: 1 just left of the y axis, −1 at the right edge (pass 25: beside the axis, −1 sat under ELU's,
    SELU's and tanh's curves), where no curve comes near the label."""
    ch04_zoo.sparkline.cache_clear()
    captured = []
    real = ch04_zoo.plots.new_figure

    def spy(*args, **kwargs):
        fig, ax = real(*args, **kwargs)
        captured.append(ax)
        return fig, ax
    ch04_zoo.plots.new_figure = spy
    try:
        ch04_zoo.sparkline("elu")
    finally:
        ch04_zoo.plots.new_figure = real
        ch04_zoo.sparkline.cache_clear()
    labels = {t.get_text(): t.get_position() for t in captured[0].texts}
    assert set(labels) == {"1", "−1"} and ch04_zoo.SPARK_MARKS == (1, -1)
    assert -0.5 < labels["1"][0] < 0 and labels["1"][1] == 1.0
    assert labels["−1"][0] > ch04_zoo.SPARK_X - 0.5 and labels["−1"][1] == -1.0
    # a 7-point label is about 0.5 wide and 0.45 tall in data units: no curve enters the box it covers
    for name in (n for n in activations.names() if activations.get(n).kind == "elementwise"):
        near_1 = np.asarray(activations.get(name)(np.linspace(-0.7, 0.0, 71)))
        near_minus_1 = np.asarray(activations.get(name)(np.linspace(ch04_zoo.SPARK_X - 0.7, ch04_zoo.SPARK_X, 71)))
        assert near_1.max() < 0.75 and near_minus_1.min() > -0.75, name


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
