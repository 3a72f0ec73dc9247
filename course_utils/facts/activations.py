"""The activation registry: one record per bend, read by every notebook, widget and check (02_four_bends).

    act = get("gelu"); act(x); act.derivative(x); names()

Conventions every record follows:
- float32 in -> float32 out; ints, bools and lists -> float64; a scalar in -> a scalar out.
- At a kink the slope at exactly 0 is the LEFT slope, as in PyTorch: ReLU'(0) = 0,
  LeakyReLU'(0) = PReLU'(0) = alpha, ELU'(0) = alpha, SELU'(0) = scale * alpha.
- No overflow anywhere: exp only ever sees non-positive arguments (see _stable.py).
- softmax: -inf entries give 0; +inf entries share the mass equally; a row of all -inf
  gives NaN (no distribution exists), quietly.
- zero_centred: "yes" if the mean output is 0 for bell-curve input (mean 0) of every spread;
  "roughly" if, for standard-normal input, it is at most half of ReLU's (1/sqrt(2 pi) ~ 0.399),
  0 included when only that one spread gives 0 (SELU: about 0.26 at spread 2); "no" otherwise.
"""

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from course_utils.facts import _fused
from course_utils.facts import _stable as st

SELU_ALPHA = 1.6732632423543772848170429916717  # Klambauer et al. 2017: the fixed point mean 0, variance 1
SELU_SCALE = 1.0507009873554804934193349852946
# The course's near-flat rule: where a bend's slope is under this in size, it passes less than 1 % of the nudge back
# (chapters 03 and 07, the quiz's quiet-zone keys). One number, read wherever a near-flat zone is drawn or asked about.
NEAR_FLAT_SLOPE = 0.01
GELU_TANH_C, GELU_TANH_K = st.GELU_TANH_C, st.GELU_TANH_K  # the tanh-GELU's constants (see _stable)


class UnknownActivation(KeyError):
    """Raised by get() for a name the registry does not know; the message lists the valid ones."""

    def __str__(self):  # KeyError would show the message with quotes around it
        return str(self.args[0])


@dataclass(frozen=True)
class Param:
    """A tunable parameter with the slider range the widgets use."""

    default: float
    low: float
    high: float
    step: float
    doc: str


# ---- one function pair per activation: value, slope (x is already a float array) ----

def identity(x):
    return x.copy()

def identity_slope(x):
    return np.ones_like(x)

def relu(x):
    return np.maximum(x, 0)

def relu_slope(x):
    return (x > 0).astype(x.dtype)  # 0 at x = 0, like PyTorch

def leaky_relu(x, alpha):
    return np.where(x > 0, x, alpha * x)

def leaky_relu_slope(x, alpha):
    return np.where(x > 0, 1, alpha).astype(x.dtype)

def elu(x, alpha):
    return np.where(x > 0, x, alpha * st.expm1_neg(x))

def elu_slope(x, alpha):
    return np.where(x > 0, 1, alpha * np.exp(np.minimum(x, 0))).astype(x.dtype)

def selu(x, alpha, scale):
    return scale * elu(x, alpha)

def selu_slope(x, alpha, scale):
    return scale * elu_slope(x, alpha)

def sigmoid(x):
    return st.sigmoid(x)

def sigmoid_slope(x):
    return st.sigmoid_slope(x)

def tanh(x):
    return np.tanh(x)

def tanh_slope(x):
    return st.tanh_slope(x)

def gelu(x):
    return x * st.gauss_cdf(x)

def gelu_slope(x):
    x_pdf, _ = st.gauss_pdf_times(x)
    return st.gauss_cdf(x) + x_pdf

def gelu_tanh(x):
    # 0.5 (1 + tanh u) = sigmoid(2u): the same curve without 1 + (-1) cancelling in the left tail
    xc = st.clip_cube(x)
    return x * st.sigmoid(2 * GELU_TANH_C * (xc + GELU_TANH_K * xc * xc * xc))

def gelu_tanh_slope(x):
    xc = st.clip_cube(x)
    two_u = 2 * GELU_TANH_C * (xc + GELU_TANH_K * xc * xc * xc)
    du = GELU_TANH_C * (1 + 3 * GELU_TANH_K * xc * xc)
    return st.sigmoid(two_u) + 2 * (xc * du) * st.sigmoid_slope(two_u)

def silu(x, beta):
    return x * st.sigmoid(beta * x)

def silu_slope(x, beta):
    z = beta * x
    return st.sigmoid(z) + z * st.sigmoid_slope(z)  # sigma(z) (1 + z sigma(-z))

def mish(x):
    t, _ = st.tanh_softplus(x)
    return x * t

def mish_slope(x):
    t, one_minus_t = st.tanh_softplus(x)
    # d/dx tanh(softplus x) = sech^2(softplus x) * sigmoid(x), sech^2 = (1 - t)(1 + t)
    return t + x * (one_minus_t * (1 + t)) * st.sigmoid(x)

def softplus(x, beta):
    _check_positive("softplus beta", beta)
    return st.softplus(beta * x) / beta

def softplus_slope(x, beta):
    _check_positive("softplus beta", beta)
    return st.sigmoid(beta * x)

def softmax(x, temperature, axis=-1):
    return st.softmax(x, temperature, axis)

def softmax_slope(x, temperature, axis=-1):
    return st.softmax_jacobian(x, temperature, axis)

def swiglu(a, b, beta):
    return silu(a, beta) * b

def swiglu_slope(a, b, beta):
    """(d/da, d/db) of silu_beta(a) * b."""
    return silu_slope(a, beta) * b, silu(a, beta)


def swiglu_layer(x, W, V, beta=1.0):
    """SwiGLU feed-forward gate: silu_beta(x @ W) * (x @ V) (02_four_bends)."""
    x = st.as_float(x)
    return get("swiglu")(x @ W, x @ V, beta=beta)


def _check_positive(what, v):
    if not np.all(np.asarray(v) > 0):
        raise ValueError(f"{what} must be > 0, got {v!r}")


# ---- the record ----

@dataclass(frozen=True, eq=False, kw_only=True)
class Activation:
    """Everything the course says about one activation, with its value and slope (records use keywords)."""

    name: str
    label: str
    colour: str  # its colour in every picture: colour-blind safe against its neighbours in the explorer
    formula: str
    fn: object = field(repr=False)
    slope_fn: object = field(repr=False)
    params: dict
    bounds: str  # "(]" style: whether output_range's ends are attained
    zero_centred: str
    smoothness: str
    monotonic: bool
    typical_use: str
    origin: str
    kind: str
    introduced_in: str
    slope_at_zero: str = ""  # how the slope is defined at a kink, if there is one
    value_and_slope: object = field(default=None, repr=False)  # one-pass (value, slope) for training, if any
    fixed_range: tuple = None  # None: the lower end is the computed minimum

    def _args(self, xs, params):
        unknown = set(params) - set(self.params) - ({"axis"} if self.kind == "vector" else set())
        if unknown:
            raise TypeError(f"{self.name} takes parameters {sorted(self.params)}, not {sorted(unknown)}")
        merged = {k: p.default for k, p in self.params.items()}
        merged.update(params)
        arrays = [st.as_float(x) for x in xs]
        dtype = np.result_type(*arrays)
        # A parameter must not promote float32 inputs: cast it to the inputs' dtype.
        merged = {k: (v if k == "axis" else float(v) if np.ndim(v) == 0 else np.asarray(v, dtype))
                  for k, v in merged.items()}
        return arrays, merged

    def __call__(self, x, *more, **params):
        """The activation's value; gated ones take the gate and content paths: act(a, b)."""
        arrays, kw = self._args((x, *more), params)
        return st.like_input(self.fn(*arrays, **kw), x)

    def derivative(self, x, *more, **params):
        """The slope dy/dx (softmax: the Jacobian (..., n, n); gated: the tuple (d/da, d/db))."""
        arrays, kw = self._args((x, *more), params)
        out = self.slope_fn(*arrays, **kw)
        if self.kind == "gated":
            return tuple(st.like_input(o, x) for o in out)
        return st.like_input(out, x)

    @cached_property
    def output_range(self):
        """(low, high) for the default parameters; gelu/silu/mish minima are computed."""
        if self.fixed_range is not None:
            return self.fixed_range
        return (minimum(self.name)[1], float("inf"))

    @property
    def range_text(self):
        """e.g. "[-0.170, ∞)"."""
        def show(v):
            if np.isinf(v):
                return "∞" if v > 0 else "-∞"
            return f"{v:g}" if float(v).is_integer() else f"{v:.3f}"
        lo, hi = self.output_range
        return f"{self.bounds[0]}{show(lo)}, {show(hi)}{self.bounds[1]}"


@lru_cache(maxsize=None)
def _minimum_cached(name, params):
    act = get(name)
    if act.monotonic or act.kind != "elementwise":
        raise ValueError(f"{name} has no interior minimum; its infimum is output_range[0]")
    kw = dict(params)
    slope = lambda x: float(act.derivative(x, **kw))  # noqa: E731
    # These curves fall, bottom out once on the negative side, then rise: bracket the
    # slope's sign change and bisect until the bracket stops shrinking (float64 precision).
    hi = 0.0 if slope(0.0) > 0 else 1.0
    lo = -1.0
    while slope(lo) >= 0:
        lo *= 2
        if lo < -1e6:
            raise ValueError(f"{name} with {kw} has no minimum: its slope never turns negative")
    while True:
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        lo, hi = (mid, hi) if slope(mid) < 0 else (lo, mid)
    x_min = min((lo, hi), key=lambda v: float(act(v, **kw)))
    return x_min, float(act(x_min, **kw))


def minimum(name, **params):
    """(x at the minimum, minimum value) of a non-monotonic bend, found numerically (04_activation_zoo)."""
    return _minimum_cached(canonical(name), tuple(sorted(params.items())))


def slope_table(names, xs, **params):
    """{name: [slope at each x]} for elementwise bends, as Python floats (03_gradient_table)."""
    xs = np.asarray(xs, dtype=np.float64)
    table = {}
    for name in names:
        act = get(name)
        mine = {k: v for k, v in params.items() if k in act.params}
        table[act.name] = [float(v) for v in np.ravel(act.derivative(xs, **mine))]
    return table


# ---- the registry, in teaching order ----

def _p(default, low, high, step, doc):
    return Param(float(default), float(low), float(high), float(step), doc)

_ALPHA_LEAK = _p(0.01, 0.0, 0.5, 0.01, "slope on the negative side")
_BETA = _p(1.0, 0.1, 10.0, 0.1, "sharpness: large beta approaches ReLU")
_INF = float("inf")

_RECORDS = [
    Activation(
        name="identity", label="Identity (no bend)", colour="#7f7f7f",
        formula=r"f(x) = x",
        fn=identity, slope_fn=identity_slope,
        params={},
        bounds="()", zero_centred="yes", smoothness="infinitely smooth", monotonic=True,
        typical_use="Output layer for regression; the baseline that shows why stacking linear layers collapses.",
        origin="No bend: the linear unit, as in Widrow & Hoff's ADALINE (1960).",
        kind="elementwise", introduced_in="01_collapse_proof",
        fixed_range=(-_INF, _INF)),
    Activation(
        name="relu", label="ReLU", colour="#0072B2",
        formula=r"\mathrm{ReLU}(x) = \max(0, x)",
        fn=relu, slope_fn=relu_slope,
        value_and_slope=_fused.relu,
        params={},
        bounds="[)", zero_centred="no", smoothness="kink", monotonic=True,
        typical_use="Default for hidden layers of CNNs and MLPs (ResNet); cheap and sparse.",
        origin=("Shape: Fukushima 1969 (and the 1975 Cognitron); shown to help restricted Boltzmann machines by "
                "Nair & Hinton 2010, 'Rectified Linear Units Improve Restricted Boltzmann Machines'; deep networks: "
                "Glorot, Bordes & Bengio 2011."),
        kind="elementwise", introduced_in="02_four_bends",
        slope_at_zero=("ReLU'(0) = 0 (the left slope, as in PyTorch: pytorch/pytorch tools/autograd/derivatives.yaml "
                       "gives relu the backward threshold_backward(grad, self, 0), which passes grad only where x > 0)"),
        fixed_range=(0.0, _INF)),
    Activation(
        name="leaky_relu", label="Leaky ReLU", colour="#56B4E9",
        formula=r"\mathrm{LeakyReLU}(x) = \max(\alpha x, x)",
        fn=leaky_relu, slope_fn=leaky_relu_slope,
        value_and_slope=_fused.leaky_relu,
        params={"alpha": _ALPHA_LEAK},
        bounds="()", zero_centred="no", smoothness="kink", monotonic=True,
        typical_use="A fix for dying ReLUs; GAN discriminators (DCGAN).",
        origin="Maas, Hannun & Ng 2013, 'Rectifier Nonlinearities Improve Neural Network Acoustic Models'.",
        kind="elementwise", introduced_in="04_activation_zoo",
        slope_at_zero="slope at 0 is alpha (the left slope, as in PyTorch)",
        fixed_range=(-_INF, _INF)),
    Activation(
        name="prelu", label="PReLU", colour="#6a3d9a",
        formula=r"\mathrm{PReLU}(x) = \max(\alpha x, x),\ \alpha \text{ learned}",
        fn=leaky_relu, slope_fn=leaky_relu_slope,
        params={"alpha": _p(0.25, 0.0, 1.0, 0.01, "negative-side slope, learned in training")},
        bounds="()", zero_centred="no", smoothness="kink", monotonic=True,
        typical_use="Image classifiers where the network learns its own leak (the PReLU-net ImageNet models).",
        origin="He, Zhang, Ren & Sun 2015, 'Delving Deep into Rectifiers'.",
        kind="elementwise", introduced_in="04_activation_zoo",
        slope_at_zero="slope at 0 is alpha (the left slope, as in PyTorch)",
        fixed_range=(-_INF, _INF)),
    Activation(
        name="elu", label="ELU", colour="#B8860B",
        formula=r"\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}",
        fn=elu, slope_fn=elu_slope,
        value_and_slope=_fused.elu,
        params={"alpha": _p(1.0, 0.1, 3.0, 0.1, "depth of the negative floor, -alpha")},
        bounds="()", zero_centred="roughly", smoothness="once differentiable", monotonic=True,
        typical_use="Deep MLPs and CNNs wanting negative outputs that pull the mean towards zero.",
        origin=("Clevert, Unterthiner & Hochreiter 2015, 'Fast and Accurate Deep Network Learning by "
            "Exponential Linear Units (ELUs)' (ICLR 2016)."),
        kind="elementwise", introduced_in="04_activation_zoo",
        slope_at_zero="slope at 0 is alpha (1 for the default: no kink)",
        fixed_range=(-1.0, _INF)),
    Activation(
        name="selu", label="SELU", colour="#8c564b",
        formula=r"\mathrm{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}",
        fn=selu, slope_fn=selu_slope,
        params=({"alpha": _p(SELU_ALPHA, 0.5, 3.0, 0.01, "fixed by the paper: 1.6733..."),
            "scale": _p(SELU_SCALE, 0.5, 2.0, 0.01, "lambda, fixed by the paper: 1.0507...")}),
        bounds="()", zero_centred="roughly", smoothness="kink", monotonic=True,
        typical_use="Self-normalising fully connected nets (with LeCun-normal init, no batch norm).",
        origin="Klambauer, Unterthiner, Mayr & Hochreiter 2017, 'Self-Normalizing Neural Networks'.",
        kind="elementwise", introduced_in="04_activation_zoo",
        slope_at_zero="slope at 0 is scale * alpha (the left slope, as in PyTorch)",
        fixed_range=(-SELU_SCALE * SELU_ALPHA, _INF)),
    Activation(
        name="sigmoid", label="Sigmoid", colour="#D55E00",
        formula=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        fn=sigmoid, slope_fn=sigmoid_slope,
        value_and_slope=_fused.sigmoid,
        params={},
        bounds="()", zero_centred="no", smoothness="infinitely smooth", monotonic=True,
        typical_use="Output layer for a yes/no probability; the gates of LSTM and GRU cells.",
        origin="The logistic function (Verhulst 1838); the classic backprop unit (Rumelhart, Hinton & Williams 1986).",
        kind="elementwise", introduced_in="02_four_bends",
        fixed_range=(0.0, 1.0)),
    Activation(
        name="tanh", label="Tanh", colour="#009E73",
        formula=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        fn=tanh, slope_fn=tanh_slope,
        value_and_slope=_fused.tanh,
        params={},
        bounds="()", zero_centred="yes", smoothness="infinitely smooth", monotonic=True,
        typical_use="The candidate and the read-out of LSTM cells, the candidate state of GRU cells: bounded, zero-centred squashing.",
        origin=("A rescaled sigmoid, tanh(x) = 2 sigma(2x) - 1; recommended over sigmoid by LeCun et al. 1998, "
            "'Efficient BackProp'."),
        kind="elementwise", introduced_in="02_four_bends",
        fixed_range=(-1.0, 1.0)),
    Activation(
        name="gelu", label="GELU", colour="#CC79A7",
        formula=r"\mathrm{GELU}(x) = x\,\Phi(x)",
        fn=gelu, slope_fn=gelu_slope,
        params={},
        bounds="[)", zero_centred="no", smoothness="infinitely smooth", monotonic=False,
        typical_use="Transformer feed-forward blocks (GPT, BERT, ViT).",
        origin="Hendrycks & Gimpel 2016, 'Gaussian Error Linear Units (GELUs)'.",
        kind="elementwise", introduced_in="02_four_bends"),
    Activation(
        name="gelu_tanh", label="GELU (tanh approximation)", colour="#8e4585",
        formula=r"\tfrac12 x \left(1 + \tanh\!\left[\sqrt{2/\pi}\,(x + 0.044715 x^{3})\right]\right)",
        fn=gelu_tanh, slope_fn=gelu_tanh_slope,
        value_and_slope=_fused.gelu_tanh,
        params={},
        bounds="[)", zero_centred="no", smoothness="infinitely smooth", monotonic=False,
        typical_use="The fast GELU in the official code of GPT-2 and BERT; PyTorch's approximate='tanh'.",
        origin="Hendrycks & Gimpel 2016, 'Gaussian Error Linear Units (GELUs)' (the same paper gives it).",
        kind="elementwise", introduced_in="02_four_bends"),
    Activation(
        name="silu", label="SiLU / Swish", colour="#E69F00",
        formula=r"\mathrm{SiLU}_\beta(x) = x\,\sigma(\beta x)",
        fn=silu, slope_fn=silu_slope,
        value_and_slope=_fused.silu,
        params={"beta": _BETA},
        bounds="[)", zero_centred="no", smoothness="infinitely smooth", monotonic=False,
        typical_use="Modern vision backbones (EfficientNet) and, inside SwiGLU, LLM feed-forward blocks.",
        origin=("Elfwing, Uchibe & Doya 2017 (SiLU); Ramachandran, Zoph & Le 2017, 'Searching for "
            "Activation Functions' (Swish, with beta). Hendrycks & Gimpel 2016 already named x sigma(x) SiLU."),
        kind="elementwise", introduced_in="04_activation_zoo"),
    Activation(
        name="mish", label="Mish", colour="#17becf",
        formula=r"\mathrm{Mish}(x) = x \tanh(\ln(1 + e^{x}))",
        fn=mish, slope_fn=mish_slope,
        value_and_slope=_fused.mish,
        params={},
        bounds="[)", zero_centred="no", smoothness="infinitely smooth", monotonic=False,
        typical_use="Object detectors (the YOLOv4 backbone).",
        origin="Misra 2019, 'Mish: A Self Regularized Non-Monotonic Activation Function'.",
        kind="elementwise", introduced_in="04_activation_zoo"),
    Activation(
        name="softplus", label="Softplus", colour="#6b8e23",
        formula=r"\mathrm{Softplus}_\beta(x) = \tfrac{1}{\beta}\ln(1 + e^{\beta x})",
        fn=softplus, slope_fn=softplus_slope,
        params={"beta": _BETA},
        bounds="()", zero_centred="no", smoothness="infinitely smooth", monotonic=True,
        typical_use="Keeping an output positive (a predicted variance or rate); the smooth ReLU inside Mish.",
        origin=("Dugas, Bengio, Belisle, Nadeau & Garcia 2001, 'Incorporating Second-Order Functional "
            "Knowledge for Better Option Pricing'."),
        kind="elementwise", introduced_in="04_activation_zoo",
        fixed_range=(0.0, _INF)),
    Activation(
        name="softmax", label="Softmax", colour="#333333",
        formula=r"\mathrm{softmax}(x)_i = \frac{e^{x_i/T}}{\sum_j e^{x_j/T}}",
        fn=softmax, slope_fn=softmax_slope,
        params={"temperature": _p(1.0, 0.05, 5.0, 0.05, "T: small is peaked, large is flat")},
        # monotonic here: each share rises with its own score (and falls as the others rise); a list-in,
        # list-out function has no single curve, so chapter 04's table says "does not apply".
        bounds="()", zero_centred="no", smoothness="infinitely smooth", monotonic=True,
        typical_use="Multi-class output layer; the attention weights inside transformers.",
        origin="Named by Bridle 1990 for network outputs; the same formula is Boltzmann's distribution (1868).",
        kind="vector", introduced_in="04_activation_zoo",
        fixed_range=(0.0, 1.0)),
    Activation(
        name="swiglu", label="SwiGLU", colour="#a0522d",
        formula=r"\mathrm{SwiGLU}(a, b) = \mathrm{SiLU}_\beta(a) \odot b,\ a = xW,\ b = xV",
        fn=swiglu, slope_fn=swiglu_slope,
        params={"beta": _BETA},
        bounds="()", zero_centred="yes", smoothness="infinitely smooth", monotonic=False,
        typical_use="Feed-forward blocks of recent LLMs (PaLM, LLaMA).",
        origin="Shazeer 2020, 'GLU Variants Improve Transformer' (gating from Dauphin et al. 2017's GLU).",
        kind="gated", introduced_in="02_four_bends",
        fixed_range=(-_INF, _INF)),
]

_REGISTRY = {a.name: a for a in _RECORDS}
ALIASES = {"swish": "silu"}


def names():
    """Canonical names in teaching order."""
    return [a.name for a in _RECORDS]


def canonical(name):
    """The canonical name for name or an alias (swish -> silu)."""
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    key = ALIASES.get(key, key)
    if key not in _REGISTRY:
        raise UnknownActivation(
            f"unknown activation {name!r}; valid names: {', '.join(names())} (alias: swish)")
    return key


def get(name):
    """The Activation record for a name or alias."""
    return _REGISTRY[canonical(name)]
