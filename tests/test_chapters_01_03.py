"""The claims chapters 01-03 make, checked against independent references (exact fractions, mpmath, SciPy, plain numpy)."""

from fractions import Fraction
from pathlib import Path

import mpmath as mp
import nbformat
import numpy as np
import pytest
from chapter_text import plain_dead_share
from scipy import optimize, special

from course_utils.engine import gradients, mlp
from course_utils.facts import activations, data

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
mp.mp.dps = 40


def printed(name, html=False):
    """All text a chapter's code cells printed or returned (what a reader sees), as one string.

    html=True adds HTML outputs: answers a question reveals after the click (and its fold without a kernel)."""
    nb = nbformat.read(str(NOTEBOOKS / f"{name}.ipynb"), as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            kinds = ("text/plain", "text/markdown") + (("text/html",) if html else ())
            parts += [v for k, v in out.get("data", {}).items() if k in kinds]
    return "\n".join(parts)


def ch01_attempt_titles():
    """The titles of chapter 01's attempts picture, drawn with the stacks its notebook cell passes."""
    import ast

    import matplotlib.pyplot as plt

    from course_utils.ui import ch01_collapse  # here, not at the top: other chapters edit this file too
    nb = nbformat.read(str(NOTEBOOKS / "01_collapse_proof.ipynb"), as_version=4)
    call = next(c.source for c in nb.cells if c.cell_type == "code" and "attempts_picture(" in c.source)
    fig = ch01_collapse.attempts_picture(ast.literal_eval(call.split("attempts_picture(", 1)[1].rsplit(")", 1)[0]))
    titles = "\n".join(ax.get_title() for ax in fig.axes)
    plt.close(fig)
    return titles


# ---- independent references ----

def mp_sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def mp_slope(name, x):
    """Slopes from their textbook formulas in 40-digit arithmetic."""
    x = mp.mpf(x)
    if name == "sigmoid":
        return mp_sigmoid(x) * (1 - mp_sigmoid(x))
    if name == "tanh":
        return 1 - mp.tanh(x) ** 2
    if name == "relu":
        return mp.mpf(1) if x > 0 else mp.mpf(0)
    if name == "gelu":
        return mp.ncdf(x) + x * mp.npdf(x)
    raise KeyError(name)


def compose_exact(ws, bs):
    """(W, b) of stacked one-number layers, in exact fractions, by substituting one layer into the next."""
    W, b = Fraction(1), Fraction(0)
    for w, c in zip(ws, bs):
        W, b = Fraction(w) * W, Fraction(w) * b + Fraction(c)
    return W, b


# ---- chapter 01: the collapse proof ----

ATTEMPTS = [  # the syllabus's stacks and the (W, b, y) it claims; shown: still worked in chapter 01
    ([2, 4], [3, 1], 5, (8, 13, 53), True),
    ([-3, 7], ["0.5", -2], 1, (-21, "1.5", "-19.5"), False),  # cut from the chapter (it repeated attempt 1)
    ([2, -1, "0.5"], [0, 1, -3], 4, (-1, "-2.5", "-6.5"), True),
]


@pytest.mark.parametrize("ws, bs, x, claimed, shown", ATTEMPTS)
def test_worked_attempts_collapse_to_the_claimed_line(ws, bs, x, claimed, shown):
    """Check each worked attempt: exact substitution gives the source's (W, b, y) and compose_affine agrees."""
    W, b = compose_exact(ws, bs)
    assert (W, b, W * x + b) == tuple(Fraction(v) for v in claimed)
    layers = [(np.array([[float(Fraction(w))]]), np.array([float(Fraction(c))])) for w, c in zip(ws, bs)]
    W_np, b_np = mlp.compose_affine(layers)
    assert (float(W_np[0, 0]), float(b_np[0])) == (float(W), float(b))
    from course_utils.ui.ch01_collapse import line_text  # here, not at the top: other chapters edit this file too
    line = f"{len(ws)} layers: {line_text(float(W), float(b))}"  # pass 78: the attempts picture's title, after the Predict
    assert (line in ch01_attempt_titles()) == shown


def test_hundred_layer_linear_stack_is_one_layer():
    """Check that 100 random 8-wide layers applied one by one equal the single composed layer."""
    rng = np.random.default_rng(7)
    stack = [(np.linalg.qr(rng.normal(size=(8, 8)))[0], rng.normal(size=(8, 1))) for _ in range(100)]
    x = rng.normal(size=(8, 50))
    h = x
    for W, b in stack:
        h = W @ h + b
    W, b = mlp.compose_affine(stack)
    assert np.max(np.abs(h - (W @ x + b))) < 1e-10 * np.max(np.abs(h))


def test_a_bend_between_layers_breaks_the_collapse():
    """Check that the collapse needs flat layers: with a ReLU between them no single line fits the stack."""
    x = np.linspace(-3, 3, 61)
    y = 1.2 * np.maximum(1.5 * x + 0.5, 0) - 0.5
    A = np.column_stack([x, np.ones_like(x)])
    residual = y - A @ np.linalg.lstsq(A, y, rcond=None)[0]
    assert np.max(np.abs(residual)) > 0.3


def _xor_runs(bend, seeds=range(10)):
    """The chapter's XOR recipe: 2-8-1, plain gradient descent, lr 0.5, 500 epochs, seeds 0-9."""
    X, y = data.xor()
    return [mlp.train(X, y, bend, dims=(2, 8, 1), optimizer="gd", lr=0.5, epochs=500, seed=s) for s in seeds], X, y


def test_xor_without_a_bend_stays_at_one_half():
    """Check the chapter's XOR claim: with no bend every seed (all ten printed) outputs 0.5 on every corner, loss ln 2."""
    runs, X, _ = _xor_runs("identity")
    probs = np.array([h.network.predict_proba(X).ravel() for h in runs])
    assert np.all(np.abs(probs - 0.5) < 0.005)
    assert max(h.loss[-1] for h in runs) == pytest.approx(float(mp.log(2)), abs=1e-3)
    assert "no bend: chances from 0.50 to 0.50; solved 0 of 10" in printed("01_collapse_proof", html=True)


def test_xor_with_a_tanh_bend_is_solved_by_every_seed():
    """Check the chapter's XOR claim: with a tanh bend all ten seeds put every corner on the right side."""
    runs, X, y = _xor_runs("tanh")
    for h in runs:
        p = h.network.predict_proba(X).ravel()
        assert np.array_equal(p > 0.5, y.ravel() > 0.5)
        assert np.min(np.abs(p - 0.5)) > 0.4  # far from the boundary, so a nudged start cannot flip the count
    assert "solved 10 of 10" in printed("01_collapse_proof", html=True)


# ---- chapter 02: the four bends ----

def test_tanh_is_sigmoid_squeezed_stretched_and_shifted():
    """Check tanh(x) = 2 sigma(2x) - 1 in 40-digit arithmetic, that a shift alone misses, and the picture's last curve."""
    for x in ("-7.5", "-1", "0.3", "2", "9"):
        assert mp.almosteq(mp.tanh(mp.mpf(x)), 2 * mp_sigmoid(2 * mp.mpf(x)) - 1, 1e-35)
    gap = -optimize.minimize_scalar(lambda x: -abs(np.tanh(x) - (special.expit(x) - 0.5)),
                                    bounds=(0, 5), method="bounded").fun
    assert gap > 0.5  # sigma(x) - 1/2 is no tanh: it misses by about 0.59
    assert mp.diff(lambda t: mp_sigmoid(t) - 0.5, 0) == mp.mpf(1) / 4  # four times flatter at 0 than tanh
    from course_utils.ui import ch02_four_bends as ch02   # the picture in the folded answer draws this identity
    third = ch02.tanh_from_sigmoid().axes[2].lines
    x, y = third[1].get_data()
    assert max(abs(float(mp.tanh(t)) - v) for t, v in zip(x[::40], y[::40])) < 1e-12


def test_gelu_slope_peaks_at_root_two():
    """Check GELU's slope peak: at sqrt 2 (where its derivative phi(x)(2 - x^2) vanishes), value from mpmath."""
    x_peak = mp.findroot(lambda x: mp.diff(lambda t: mp_slope("gelu", t), x), 1.3)
    assert x_peak == pytest.approx(2 ** 0.5, abs=1e-12)
    assert mp_slope("gelu", x_peak) > 1 and mp_slope("gelu", -x_peak) < 0  # above 1; negative on the left
    from course_utils.ui import ch02_four_bends as ch02   # the GELU picture marks the peak; no printout repeats it
    marks = [t.get_text() for t in ch02.bend_picture("gelu").axes[1].texts]
    assert f"peak {float(mp_slope('gelu', x_peak)):.2f} at x = √2" in marks
    assert "at x = √2" not in printed("02_four_bends")


def test_gelu_tanh_gap_largest_near_2_7():
    """Check the exact-vs-tanh GELU gap with SciPy's erf: its maximum and where it sits, as the chapter prints."""
    def gap(x):
        exact = 0.5 * x * (1 + special.erf(x / np.sqrt(2)))
        approx = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))
        return abs(exact - approx)
    best = optimize.minimize_scalar(lambda x: -gap(x), bounds=(2, 3.5), method="bounded")
    assert -best.fun == pytest.approx(gap(-best.x))  # the gap is symmetric
    from course_utils.ui import ch02_four_bends as ch02
    assert -best.fun < 1e-3 and f"{-best.fun:.5f}" == "0.00047" and f"{best.x:.1f}" == "2.7"
    assert "differ by less than a thousandth" in ch02.gelu_stand_in().data
    # p116 (r115 Focus): the stand-in fold left chapter 02 (a side fact no quiz or later chapter uses)
    cells = nbformat.read(str(NOTEBOOKS / "02_four_bends.ipynb"), as_version=4).cells
    assert not [c for c in cells if "ch02.gelu_stand_in()" in "".join(c["source"])]


@pytest.mark.parametrize("name, x", [
    ("sigmoid", -4), ("sigmoid", -1), ("sigmoid", 2), ("sigmoid", 5),
    ("tanh", -2), ("tanh", 1), ("tanh", 3),
    ("gelu", -2), ("gelu", -1), ("gelu", 1), ("gelu", 2),
])
def test_worked_values_printed_match_high_precision(name, x):
    """Check each printed worked value (3 decimals) and slope (3 digits) against mpmath."""
    f = {"sigmoid": mp_sigmoid, "tanh": mp.tanh, "gelu": lambda t: t * mp.ncdf(t)}[name]
    label = {"sigmoid": "σ", "tanh": "tanh", "gelu": "GELU"}[name]
    lines = [ln for ln in printed("02_four_bends").splitlines() if ln.startswith(f"{label}({x}) = ")]
    assert len(lines) == 1
    assert lines[0] == f"{label}({x}) = {float(f(mp.mpf(x))):.3f}   slope {float(mp_slope(name, x)):.3g}"


def test_gelu_worked_values_round_to_minus_0_046_and_1_954():
    """Check the two GELU values that are often quoted one digit off: -0.045 and 1.955 are wrong at 3 decimals."""
    assert mp.nstr(-2 * mp.ncdf(-2), 3) == "-0.0455" and round(float(-2 * mp.ncdf(-2)), 3) == -0.046
    assert round(float(2 * mp.ncdf(2)), 3) == 1.954


# ---- chapter 03: the gradient table ----

TABLE_XS = (-3, -1, 0, 1, 3)  # the points of the chapter's printed gradient table


def _table_row(label):
    """The printed gradient table's row for one bend: the lines after the 'slope at' header, not other printouts."""
    lines = printed("03_gradient_table").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("slope at "))
    return next(ln for ln in lines[start + 1:start + 5] if ln.startswith(label + " "))


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "gelu"])
def test_gradient_table_matches_mpmath(name):
    """Check the slope table against the textbook slope formulas in 40 digits, and its printed row to 3 digits."""
    table = activations.slope_table([name], [3.0, -3.0])[name]
    for got, x in zip(table, (3, -3)):
        assert got == pytest.approx(float(mp_slope(name, x)), rel=1e-12, abs=1e-15)
    label = activations.get(name).label
    row = _table_row(label)
    shown = [float(v) for v in row.split()[1:]]
    assert len(shown) == len(TABLE_XS)
    for value, x in zip(shown, TABLE_XS):
        assert value == pytest.approx(float(mp_slope(name, x)), rel=5e-3, abs=1e-12), (name, x)


def test_gelu_slope_is_above_one_at_3_and_negative_at_minus_3():
    """Check GELU'(3) > 1 and GELU'(-3) < 0 (as the chapter says), sigmoid and tanh at 3 as rounded in the recall answer."""
    assert mp_slope("gelu", 3) > 1 and mp_slope("gelu", -3) < 0
    assert round(float(mp_slope("sigmoid", 3)), 3) == 0.045
    assert round(float(mp_slope("tanh", 3)), 4) == 0.0099
    gelu_row = _table_row("GELU")
    assert gelu_row.split()[1] == "-0.0119" and gelu_row.split()[-1] == "1.01"


def _prose(name):
    """A chapter's markdown cells, joined, line breaks and runs of spaces made single spaces."""
    nb = nbformat.read(str(NOTEBOOKS / f"{name}.ipynb"), as_version=4)
    return " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")


def test_ten_sigmoid_layers_at_best_slope():
    """Check 0.25^10 exactly: under a millionth (as the chapter says), 9.5e-07 to two digits, and chain_product agrees."""
    exact = Fraction(1, 4) ** 10
    assert float(exact) == mlp.chain_product("sigmoid", 0.0, 10)[0]
    assert exact < Fraction(1, 10 ** 6)
    assert f"{float(exact):.2g}" == "9.5e-07"
    assert "Ten sigmoid bends alone leave at most $0.25^{10}$: under a millionth." in _prose("03_gradient_table")


def test_tanh_chain_at_0_42_leaves_0_00017():
    """Check tanh at x = 1 (slope 0.42) through 10 layers: 0.42^10 and the exact product both round to 0.00017."""
    value = float(Fraction(42, 100) ** 10)
    assert f"{value:.2e}" != "1.73e-04"   # 1.71e-04: a figure of 1.73e-04 does not come from 0.42
    assert f"{value:.2g}" == f"{mlp.chain_product('tanh', 1.0, 10)[0]:.2g}" == "0.00017"
    assert "in the chain above, 10 tanh layers kept 0.00017." in _prose("03_gradient_table")   # pass 88c: said once


def test_dead_share_measured_as_the_chapter_says():
    """Check dying ReLU with an independent forward pass: more dead at lr 0.1 than at 0.01, none with Leaky ReLU (the
    chapter no longer trains; the notes appendix quotes these shares from engine.gradients.dead_after_training)."""
    X, y = data.spiral()
    dims = (2, 32, 32, 32, 1)
    share = {}
    for lr in (0.01, 0.1):
        nets = [mlp.train(X, y, "relu", dims=dims, lr=lr, epochs=100, seed=s, optimizer="adam").network for s in range(3)]
        share[lr] = np.mean([plain_dead_share(n, X) for n in nets])
    assert share[0.1] > 3 * share[0.01] > 0
    assert share == pytest.approx({lr: np.mean([s for s, _ in gradients.dead_after_training("relu", lr)])
                                   for lr in (0.01, 0.1)}, abs=0.005)   # the engine the notes appendix uses agrees, to the percent
    leaky = mlp.train(X, y, "leaky_relu", dims=dims, lr=0.1, epochs=100, seed=0, optimizer="adam").network
    _, slopes, _ = leaky.forward(X.T.copy())
    assert min(np.min(np.abs(s)) for s in slopes) >= 0.01 - 1e-12  # every unit keeps a slope: none can die


def test_negative_bias_shift_kills_relu_units():
    """Check that shifting He-initialised biases down raises the dead share (plain forward pass)."""
    X, _ = data.spiral()
    shares = []
    for shift in (0.0, 0.5, 1.0, 2.0):
        net = mlp.Network.he_init((2, 32, 32, 32, 1), "relu", seed=0)
        for b in net.biases[:-1]:
            b -= shift
        shares.append(plain_dead_share(net, X))
    assert shares == sorted(shares) and shares[0] < 0.1 < 0.9 < shares[-1]
