"""The activation registry against independent oracles: mpmath at 50 digits, SciPy, finite differences."""

import subprocess
import sys
import warnings

import mpmath as mp
import numpy as np
import pytest
from scipy.special import expit, log_expit, ndtr
from scipy.special import softmax as scipy_softmax

from course_utils.facts import activations as A

mp.mp.dps = 50

ELEMENTWISE = [n for n in A.names() if A.get(n).kind == "elementwise"]
KINKED = ["relu", "leaky_relu", "prelu", "elu", "selu"]  # piecewise: slope at exactly 0 is a convention

# ---- 50-digit references, written from the textbook formulas (x is an mpf) ----
SQRT2 = mp.sqrt(2)


def _phi_cdf(x):
    return mp.erfc(-x / SQRT2) / 2  # erfc: 1 + erf(x) would cancel in the left tail


def _softplus(z):
    return mp.log1p(mp.exp(z))


MP_REF = {
    "identity": lambda x: x,
    "relu": lambda x: x if x > 0 else mp.mpf(0),
    "leaky_relu": lambda x, alpha=0.01: x if x > 0 else alpha * x,
    "prelu": lambda x, alpha=0.25: x if x > 0 else alpha * x,
    "elu": lambda x, alpha=1.0: x if x > 0 else alpha * mp.expm1(x),
    "selu": lambda x, alpha=mp.mpf("1.6732632423543772848170429916717"),
    scale=mp.mpf("1.0507009873554804934193349852946"): scale * (x if x > 0 else alpha * mp.expm1(x)),
    "sigmoid": lambda x: 1 / (1 + mp.exp(-x)),
    "tanh": mp.tanh,
    "gelu": lambda x: x * _phi_cdf(x),
    # x/2 (1 + tanh u) written as x / (1 + e^(-2u)), an exact identity: 1 + tanh(u) would cancel at 50 digits
    "gelu_tanh": lambda x: x / (1 + mp.exp(-2 * mp.sqrt(2 / mp.pi) * (x + mp.mpf(0.044715) * x**3))),
    "silu": lambda x, beta=1.0: x / (1 + mp.exp(-beta * x)),
    "mish": lambda x: x * mp.tanh(_softplus(x)),
    "softplus": lambda x, beta=1.0: _softplus(beta * x) / beta,
}

GRID = sorted({0.0} | {s * v for s in (1, -1) for v in
                       (1e-9, 1e-3, 0.25, 0.5, 1, 1.5, 2, 3, 5, 8, 20, 40, 100, 1e3, 1e4)})
PARAM_CASES = [("leaky_relu", {"alpha": 0.2}), ("prelu", {"alpha": 0.6}), ("elu", {"alpha": 0.5}),
               ("silu", {"beta": 2.0}), ("silu", {"beta": 0.3}), ("softplus", {"beta": 3.0})]
CASES = [(n, {}) for n in ELEMENTWISE] + PARAM_CASES
RTOL = {np.float64: 5e-14, np.float32: 2e-6}


def _mp_value(name, x, params):
    return MP_REF[name](mp.mpf(float(x)), **params)


def _mp_slope(name, x, params):
    if name == "tanh":  # differencing tanh ~ -1 + 2e^(2x) would cancel at 50 digits in the tails
        return mp.sech(mp.mpf(float(x))) ** 2
    return mp.diff(lambda t: MP_REF[name](t, **params), mp.mpf(float(x)))


def _close(got, want, dtype):
    """Relative agreement; below the dtype's smallest normal number, absolute (underflow is fine)."""
    np.testing.assert_allclose(got, want, rtol=RTOL[dtype], atol=np.finfo(dtype).tiny)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name,params", CASES, ids=lambda c: str(c))
def test_value_matches_mpmath(name, params, dtype):
    """Every value on the grid (0, both sides of 0, far tails) agrees with 50-digit mpmath."""
    x = np.array(GRID, dtype=dtype)
    got = A.get(name)(x, **params)
    want = np.array([float(_mp_value(name, v, params)) for v in x])
    assert got.dtype == dtype
    _close(got, want, dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name,params", CASES, ids=lambda c: str(c))
def test_slope_matches_mpmath(name, params, dtype):
    """Every slope on the grid agrees with mpmath's 50-digit numerical derivative (kinks: not at 0)."""
    xs = [v for v in GRID if not (name in KINKED and v == 0.0)]
    x = np.array(xs, dtype=dtype)
    got = A.get(name).derivative(x, **params)
    want = np.array([float(_mp_slope(name, v, params)) for v in x])
    assert got.dtype == dtype
    _close(got, want, dtype)


@pytest.mark.parametrize("name,params", CASES, ids=lambda c: str(c))
def test_slope_matches_central_differences(name, params):
    """Slopes agree with (f(x+h) - f(x-h)) / 2h of our own values, away from the kink."""
    act = A.get(name)
    x = np.linspace(-7, 7, 281)
    x = x[np.abs(x) > 1e-3]
    h = 1e-6
    fd = (act(x + h, **params) - act(x - h, **params)) / (2 * h)
    np.testing.assert_allclose(act.derivative(x, **params), fd, rtol=1e-7, atol=1e-8)


# ---- SciPy as a second oracle on a dense grid ----
X_DENSE = np.linspace(-60, 60, 4801)
SCIPY_REF = {
    "sigmoid": (expit, lambda x: expit(x) * expit(-x)),
    "softplus": (lambda x: -log_expit(-x), expit),
    "silu": (lambda x: x * expit(x), lambda x: expit(x) * (1 + x * expit(-x))),
    "gelu": (lambda x: x * ndtr(x), lambda x: ndtr(x) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi)),
    "mish": (lambda x: x * np.tanh(-log_expit(-x)), None),
    "tanh": (np.tanh, lambda x: 1 / np.cosh(np.clip(x, -700, 700)) ** 2),
}


@pytest.mark.parametrize("name", sorted(SCIPY_REF))
def test_matches_scipy_on_dense_grid(name):
    """Values (and slopes where SciPy offers a closed form) agree with scipy.special."""
    value, slope = SCIPY_REF[name]
    act = A.get(name)
    np.testing.assert_allclose(act(X_DENSE), value(X_DENSE), rtol=1e-13, atol=1e-300)
    if slope is not None:
        np.testing.assert_allclose(act.derivative(X_DENSE), slope(X_DENSE), rtol=1e-12, atol=1e-300)


# ---- the numbers the course quotes, each against mpmath ----
QUOTED_VALUES = [("sigmoid", x) for x in (-4, -1, 0, 2, 5)] + [("tanh", x) for x in (-2, 0, 1, 3)] + \
    [("gelu", x) for x in (-2, -0.5, 0, 0.5, 2)] + [(n, -0.5) for n in ("silu", "mish", "gelu_tanh")] + \
    [(n, -2) for n in ("elu", "selu", "leaky_relu")]
QUOTED_SLOPES = [(n, x) for n in ("sigmoid", "tanh", "relu", "gelu") for x in (-3, 3)] + \
    [("sigmoid", x) for x in (-4, -2, -1, 1, 2)] + [("tanh", x) for x in (-2, -1, 1, 2)]


@pytest.mark.parametrize("name,x", QUOTED_VALUES)
def test_quoted_values(name, x):
    """Worked values quoted in the chapters agree with mpmath to float64 precision."""
    assert A.get(name)(float(x)) == pytest.approx(float(_mp_value(name, x, {})), rel=1e-14, abs=1e-300)


@pytest.mark.parametrize("name,x", QUOTED_SLOPES)
def test_quoted_slopes(name, x):
    """Slopes quoted in the gradient table agree with mpmath's derivative."""
    assert A.get(name).derivative(float(x)) == pytest.approx(float(_mp_slope(name, x, {})), rel=1e-13)


def test_gelu_slope_at_minus_three_is_negative():
    """GELU falls at x = -3 (it has not reached its minimum near -0.75 yet): its slope is about -0.012."""
    want = float(_mp_slope("gelu", -3, {}))
    assert want < 0
    assert A.get("gelu").derivative(-3.0) == pytest.approx(want, rel=1e-13)


@pytest.mark.parametrize("name,peak", [("sigmoid", mp.mpf(1) / 4), ("tanh", mp.mpf(1))])
def test_slope_peak_is_at_zero(name, peak):
    """sigmoid' peaks at 1/4 and tanh' at 1, both at x = 0 and nowhere higher."""
    act = A.get(name)
    x = np.linspace(-10, 10, 20001)
    assert act.derivative(0.0) == float(_mp_slope(name, 0, {})) == float(peak)
    assert np.max(act.derivative(x)) == act.derivative(0.0)


# ---- the slope at a kink: the left slope, like PyTorch ----
@pytest.mark.parametrize("name,params", [("relu", {}), ("leaky_relu", {}), ("leaky_relu", {"alpha": 0.3}),
                                         ("prelu", {}), ("elu", {"alpha": 0.5}), ("selu", {})])
def test_slope_at_zero_is_the_left_slope(name, params):
    """At exactly 0 the slope equals the left-hand limit, computed from mpmath on the left side."""
    act = A.get(name)
    left = float(_mp_slope(name, -1e-30, params))
    assert act.derivative(0.0, **params) == pytest.approx(left, rel=1e-14)
    assert act.slope_at_zero  # the record documents the convention


def test_relu_slope_at_zero_is_zero():
    """ReLU'(0) = 0, the convention exercises check."""
    assert A.get("relu").derivative(0.0) == 0.0


# ---- stability: the whole range, both precisions, no warnings ----
X_WIDE = np.linspace(-1e4, 1e4, 20001)


def _strict():
    warnings.simplefilter("error")
    return np.errstate(over="raise", invalid="raise", divide="raise")


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", A.names())
def test_no_warning_finite_dtype_kept_on_wide_range(name, dtype):
    """x in [-1e4, 1e4]: no warning, every value and slope finite, dtype kept."""
    act = A.get(name)
    x = X_WIDE.astype(dtype)
    with warnings.catch_warnings(), _strict():
        if act.kind == "gated":
            outs = [act(x, x[::-1]), *act.derivative(x, x[::-1])]
        elif act.kind == "vector":
            rows = x.reshape(-1, 3)
            outs = [act(rows), act.derivative(rows), act(x)]
        else:
            outs = [act(x), act.derivative(x)]
    for out in outs:
        assert out.dtype == dtype
        assert np.all(np.isfinite(out))


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_scalars_in_scalars_out(name):
    """A Python float gives a float; a float32 scalar stays float32; ints and lists become float64."""
    act = A.get(name)
    for out in (act(1.5), act.derivative(-1.5)):
        assert isinstance(out, float) and np.ndim(out) == 0
    assert act(np.float32(1.5)).dtype == np.float32 and np.ndim(act(np.float32(1.5))) == 0
    assert np.asarray(act(2)).dtype == np.float64
    assert act([1, 2]).dtype == np.float64 and act([1, 2]).shape == (2,)
    assert act(1.5) == act(np.array([1.5]))[0]


def test_float64_parameter_keeps_float32_input():
    """A NumPy float64 parameter does not promote float32 inputs."""
    x = np.linspace(-3, 3, 7, dtype=np.float32)
    assert A.get("leaky_relu")(x, alpha=np.float64(0.2)).dtype == np.float32
    assert A.get("silu").derivative(x, beta=np.float64(2)).dtype == np.float32


# ---- softmax ----
SOFTMAX = A.get("softmax")
RNG_LOGITS = np.random.default_rng(3).normal(scale=4, size=(6, 5))


@pytest.mark.parametrize("temperature", [0.1, 1.0, 3.0])
def test_softmax_matches_scipy(temperature):
    """softmax(x, T) equals scipy.special.softmax(x / T) row by row, and rows sum to 1."""
    p = SOFTMAX(RNG_LOGITS, temperature=temperature)
    np.testing.assert_allclose(p, scipy_softmax(RNG_LOGITS / temperature, axis=-1), rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-14)


def test_softmax_axis():
    """axis=0 normalises columns."""
    np.testing.assert_allclose(SOFTMAX(RNG_LOGITS, axis=0), scipy_softmax(RNG_LOGITS, axis=0), rtol=1e-13)


def test_softmax_shift_invariance():
    """Adding the same constant to every logit changes nothing."""
    np.testing.assert_allclose(SOFTMAX(RNG_LOGITS + 1234.5), SOFTMAX(RNG_LOGITS), rtol=1e-9, atol=1e-300)


@pytest.mark.parametrize("logits", [[1e4, 0.0, -1e4], [1e308, -1e308, 0.0], [3e38, -3e38, 1.0]])
def test_softmax_huge_logits(logits):
    """Enormous logits give the mpmath answer without overflow warnings."""
    with warnings.catch_warnings(), _strict():
        p = SOFTMAX(np.array(logits))
    mx = [mp.mpf(v) for v in logits]
    denom = mp.fsum(mp.exp(v - max(mx)) for v in mx)
    want = [float(mp.exp(v - max(mx)) / denom) for v in mx]
    np.testing.assert_allclose(p, want, rtol=1e-15, atol=0)


def test_softmax_float32_huge_logits():
    """float32 logits near float32's maximum stay float32 and finite."""
    with warnings.catch_warnings(), _strict():
        p = SOFTMAX(np.array([3e38, -3e38, 0.0], dtype=np.float32), temperature=0.5)
    assert p.dtype == np.float32
    np.testing.assert_array_equal(p, [1, 0, 0])


def test_softmax_cold_temperature_approaches_one_hot():
    """As T -> 0 the largest logit takes all the mass; a tiny T gives exactly one-hot, quietly."""
    x = np.array([1.0, 2.0, 3.0, 2.5])
    assert SOFTMAX(x, temperature=0.01)[2] == pytest.approx(1 - np.exp(-50), rel=1e-12)
    with warnings.catch_warnings(), _strict():
        np.testing.assert_array_equal(SOFTMAX(x, temperature=1e-300), [0, 0, 1, 0])


def test_softmax_hot_temperature_approaches_uniform():
    """As T grows the distribution flattens to 1/n."""
    x = np.array([1.0, 2.0, 3.0, 2.5])
    errors = [np.max(np.abs(SOFTMAX(x, temperature=t) - 0.25)) for t in (1, 10, 100, 1e6)]
    assert errors == sorted(errors, reverse=True) and errors[-1] < 1e-6


def test_softmax_rejects_non_positive_temperature():
    """T <= 0 has no meaning: ValueError."""
    with pytest.raises(ValueError):
        SOFTMAX([1.0, 2.0], temperature=0.0)


def test_softmax_minus_infinity_entries():
    """-inf entries (masked positions) get exactly 0, the rest is softmax of the finite ones."""
    x = np.array([[-np.inf, 0.0, 1.0, -np.inf], [2.0, -np.inf, -np.inf, -np.inf]])
    with warnings.catch_warnings(), _strict():
        p = SOFTMAX(x)
    np.testing.assert_allclose(p[0], [0, *scipy_softmax([0.0, 1.0]), 0], rtol=1e-15)
    np.testing.assert_array_equal(p[1], [1, 0, 0, 0])


def test_softmax_plus_infinity_entries_share_the_mass():
    """+inf entries are the limit of ever larger logits: they split the mass equally, the rest get 0."""
    with warnings.catch_warnings(), _strict():
        p = SOFTMAX(np.array([np.inf, 0.0, np.inf, -np.inf]))
    np.testing.assert_array_equal(p, [0.5, 0, 0.5, 0])


def test_softmax_all_minus_infinity_row_is_nan():
    """A row of all -inf has no distribution: NaN (documented), quietly, other rows unaffected."""
    with warnings.catch_warnings(), _strict():
        p = SOFTMAX(np.array([[-np.inf, -np.inf], [0.0, 0.0]]))
    assert np.all(np.isnan(p[0]))
    np.testing.assert_array_equal(p[1], [0.5, 0.5])


@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_softmax_jacobian_matches_finite_differences(temperature):
    """J[..., i, j] = d p_i / d x_j, checked column by column with central differences."""
    x = RNG_LOGITS[:3] / 4
    jac = SOFTMAX.derivative(x, temperature=temperature)
    assert jac.shape == (3, 5, 5)
    h = 1e-6
    for j in range(5):
        e = np.zeros(5)
        e[j] = h
        fd = (SOFTMAX(x + e, temperature=temperature) - SOFTMAX(x - e, temperature=temperature)) / (2 * h)
        np.testing.assert_allclose(jac[..., :, j], fd, rtol=1e-6, atol=1e-9)


# ---- SwiGLU ----
SWIGLU = A.get("swiglu")
GATE_A = np.linspace(-8, 8, 161)
CONTENT_B = np.cos(GATE_A) * 3


@pytest.mark.parametrize("beta", [1.0, 1.7])
def test_swiglu_is_silu_gate_times_content(beta):
    """swiglu(a, b) = a * expit(beta * a) * b."""
    np.testing.assert_allclose(SWIGLU(GATE_A, CONTENT_B, beta=beta),
                               GATE_A * expit(beta * GATE_A) * CONTENT_B, rtol=1e-14, atol=1e-300)


@pytest.mark.parametrize("beta", [1.0, 1.7])
def test_swiglu_partials_match_finite_differences(beta):
    """(d/da, d/db) agree with central differences in a and in b."""
    da, db = SWIGLU.derivative(GATE_A, CONTENT_B, beta=beta)
    h = 1e-6
    fd_a = (SWIGLU(GATE_A + h, CONTENT_B, beta=beta) - SWIGLU(GATE_A - h, CONTENT_B, beta=beta)) / (2 * h)
    fd_b = (SWIGLU(GATE_A, CONTENT_B + h, beta=beta) - SWIGLU(GATE_A, CONTENT_B - h, beta=beta)) / (2 * h)
    np.testing.assert_allclose(da, fd_a, rtol=1e-7, atol=1e-8)
    np.testing.assert_allclose(db, fd_b, rtol=1e-7, atol=1e-8)


def test_swiglu_layer_does_the_matmuls():
    """swiglu_layer(x, W, V) = silu(x W) * (x V)."""
    rng = np.random.default_rng(7)
    x, W, V = rng.normal(size=(4, 3)), rng.normal(size=(3, 6)), rng.normal(size=(3, 6))
    a, b = x @ W, x @ V
    np.testing.assert_allclose(A.swiglu_layer(x, W, V), a * expit(a) * b, rtol=1e-14)


# ---- the registry ----
FIELDS = ["name", "label", "colour", "formula", "params", "output_range", "range_text", "zero_centred", "smoothness",
          "monotonic", "typical_use", "origin", "kind", "introduced_in"]


def test_names_complete_and_in_teaching_order():
    """names() is the contract's list, in the contract's order."""
    assert A.names() == ["identity", "relu", "leaky_relu", "prelu", "elu", "selu", "sigmoid", "tanh", "gelu",
                         "gelu_tanh", "silu", "mish", "softplus", "softmax", "swiglu"]


def test_unknown_name_lists_valid_names():
    """get() of an unknown name raises UnknownActivation (a KeyError) naming every valid name."""
    with pytest.raises(A.UnknownActivation) as err:
        A.get("relux")
    assert isinstance(err.value, KeyError)
    assert all(n in str(err.value) for n in A.names())


def test_swish_is_silu():
    """The alias swish gives the SiLU record."""
    assert A.get("swish") is A.get("silu")
    assert A.get("Leaky-ReLU") is A.get("leaky_relu")


def test_unknown_parameter_is_refused():
    """A misspelt parameter is an error, not silently ignored."""
    with pytest.raises(TypeError):
        A.get("leaky_relu")(1.0, alfa=0.1)


@pytest.mark.parametrize("name", A.names())
def test_record_has_every_field(name):
    """Every record fills every field with an allowed value; slider ranges contain their defaults."""
    act = A.get(name)
    for f in FIELDS:
        v = getattr(act, f)
        assert v is not None and (v != "" or f == "params")
    assert act.name == name and "$" not in act.formula and "(" in act.formula
    assert act.zero_centred in ("yes", "no", "roughly")
    assert act.smoothness in ("kink", "once differentiable", "infinitely smooth")
    assert act.kind in ("elementwise", "vector", "gated")
    assert isinstance(act.monotonic, bool)
    assert any(ch.isdigit() for ch in act.origin)  # a year
    lo, hi = act.output_range
    assert isinstance(lo, float) and isinstance(hi, float) and lo < hi
    for p in act.params.values():
        assert p.low <= p.default <= p.high and p.step > 0 and p.doc


@pytest.mark.parametrize("name,x0", [("gelu", -0.75), ("silu", -1.28), ("mish", -1.19), ("gelu_tanh", -0.75)])
def test_minimum_matches_mpmath_root(name, x0):
    """minimum() agrees with mpmath's root of the 50-digit derivative, and is output_range[0]."""
    x_star = mp.findroot(lambda t: mp.diff(MP_REF[name], t), x0)
    x_min, y_min = A.minimum(name)
    assert x_min == pytest.approx(float(x_star), rel=1e-9)
    assert y_min == pytest.approx(float(MP_REF[name](x_star)), rel=1e-15)
    assert A.get(name).output_range[0] == y_min


def test_minimum_with_beta():
    """SiLU_beta bottoms out at the SiLU minimum scaled by 1/beta (x*sigma(beta x) = u sigma(u) / beta)."""
    x1, y1 = A.minimum("silu")
    x2, y2 = A.minimum("swish", beta=2.0)
    assert (x2, y2) == (pytest.approx(x1 / 2, rel=1e-12), pytest.approx(y1 / 2, rel=1e-15))


def test_minimum_of_monotonic_bend_is_refused():
    """ReLU has no interior minimum to find."""
    with pytest.raises(ValueError):
        A.minimum("relu")


def test_range_text_shows_computed_minimum():
    """range_text is written from the computed output_range."""
    assert A.get("gelu").range_text == "[-0.170, ∞)"
    assert A.get("relu").range_text == "[0, ∞)"
    assert A.get("selu").range_text == "(-1.758, ∞)"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_output_range_holds_on_wide_grid(name):
    """Every value on a wide grid lies in output_range, and an attained end ('[') is reached."""
    act = A.get(name)
    lo, hi = act.output_range
    y = act(np.linspace(-50, 50, 100001))
    assert np.all(y >= lo - 1e-15) and np.all(y <= hi)
    if act.range_text.startswith("["):
        assert np.min(y) == pytest.approx(lo, abs=1e-6)  # the grid step is 1e-3


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_monotonic_flag(name):
    """monotonic is True exactly when values never decrease on a fine grid."""
    y = A.get(name)(np.linspace(-10, 10, 20001))
    assert A.get(name).monotonic == bool(np.all(np.diff(y) >= 0))


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_smoothness_flag(name):
    """'kink': the slope jumps at 0; 'once differentiable': the curvature jumps; else neither."""
    act = A.get(name)
    h, d = 1e-7, 1e-4
    slope_jump = abs((act(h) - act(0.0)) / h - (act(0.0) - act(-h)) / h)
    curv = lambda x: (act.derivative(x + d) - act.derivative(x - d)) / (2 * d)  # noqa: E731
    curv_jump = abs(curv(2 * d) - curv(-2 * d))
    kind = "kink" if slope_jump > 1e-3 else "once differentiable" if curv_jump > 0.1 else "infinitely smooth"
    assert act.smoothness == kind


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_zero_centred_flag(name):
    """The documented rule: mean output 0 for bell-curve input of every spread (0.5, 1, 2) -> yes; for standard-normal
    input, at most half ReLU's -> roughly (SELU's 0 at spread 1 only is roughly: r80, pass 82)."""
    z = np.linspace(-14, 14, 280001)
    w = np.exp(-z * z / 2) / np.sqrt(2 * np.pi) * (z[1] - z[0])
    means = {s: float(np.sum(A.get(name)(s * z) * w)) for s in (0.5, 1.0, 2.0)}
    relu_mean = 1 / np.sqrt(2 * np.pi)
    rule = ("yes" if max(abs(m) for m in means.values()) < 1e-6 else "roughly" if abs(means[1.0]) <= relu_mean / 2
            else "no")
    assert A.get(name).zero_centred == rule


def test_selu_is_zero_centred_only_at_spread_1():
    """SELU's mean output is 0 for standard-normal input (its design) but not at other spreads, so "roughly", not
    "yes" as tanh (0 at every spread)."""
    z = np.linspace(-14, 14, 280001)
    w = np.exp(-z * z / 2) / np.sqrt(2 * np.pi) * (z[1] - z[0])
    mean = lambda name, s: float(np.sum(A.get(name)(s * z) * w))   # noqa: E731
    assert abs(mean("selu", 1.0)) < 1e-6 and 0.2 < mean("selu", 2.0) < 0.3 and mean("selu", 0.5) < -0.04
    assert max(abs(mean("tanh", s)) for s in (0.5, 1.0, 2.0)) < 1e-6
    assert A.get("selu").zero_centred == "roughly" and A.get("tanh").zero_centred == "yes"


def test_slope_table():
    """slope_table gives each name's slopes at each x, as floats, and passes only fitting parameters."""
    table = A.slope_table(["sigmoid", "relu", "swish", "leaky_relu"], [-3, 0, 3], alpha=0.1)
    assert list(table) == ["sigmoid", "relu", "silu", "leaky_relu"]
    assert table["relu"] == [0.0, 0.0, 1.0]
    assert table["leaky_relu"] == [pytest.approx(0.1), pytest.approx(0.1), 1.0]
    assert table["sigmoid"][0] == pytest.approx(float(_mp_slope("sigmoid", -3, {})), rel=1e-14)
    assert all(isinstance(v, float) for row in table.values() for v in row)


def test_import_is_cheap():
    """Importing the registry does not pull in SciPy (about 0.3 s); GELU loads it on first use."""
    code = "import sys, course_utils.facts.activations as a; a.get('gelu'); print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_slopes_survive_the_float32_extremes():
    """Check that value and slope stay finite, warning-free and float32 at the largest float32 inputs."""
    import warnings
    from course_utils.facts import activations as acts
    big = np.array([-3e38, -1e30, 1e30, 3e38], dtype=np.float32)
    for name in acts.names():
        act = acts.get(name)
        if act.kind != "elementwise":
            continue
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            for out in (act(big), act.derivative(big)):
                assert out.dtype == np.float32 and np.all(np.isfinite(out)), name


def test_every_bend_has_its_own_colour_in_its_record():
    """Each record carries a valid colour, no two bends share one, and pictures use it."""
    from matplotlib.colors import is_color_like

    from course_utils.ui import plots
    colours = {name: A.get(name).colour for name in A.names()}
    assert all(is_color_like(c) for c in colours.values())
    assert len(set(colours.values())) == len(colours)
    assert all(plots.color(name) == c for name, c in colours.items())
