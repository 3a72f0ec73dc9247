"""Static figures with one look across the course: a colour per activation, legible fonts, no pyplot state."""

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course_utils.engine import mlp
from course_utils.facts import activations

# One colour per activation so a bend looks the same in every chapter (Okabe-Ito based: colour-blind safe).
HEALTHY, VANISHING = "#009E73", "#D55E00"  # gradient bars: fine vs too small to learn from
ACCENT, MUTED = "#0072B2", "#9a9a9a"

# Sizes chosen to stay legible on a projector and in a 600 px wide notebook image.
STYLE = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "lines.linewidth": 2.2,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
}
_EXTRA = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#B8860B", "#333333"]


# A line style per bend as well, so no picture relies on colour alone (issue 18). Five dash patterns and three
# marks give fifteen looks, one per bend in the registry: the bends a chapter puts side by side (the four main
# ones and SiLU; the ReLU family; the race's nine) never share one (tests/test_plots.py).
DASHES = ["-", "--", "-.", ":", (0, (8, 2, 1, 2, 1, 2))]
_TIERS = (("relu", "sigmoid", "tanh", "gelu", "silu"),        # plain lines: the bends every chapter shows
          ("leaky_relu", "elu", "selu", "gelu_tanh", "mish"),   # the same dashes with a dot every so often
          ("identity", "prelu", "softplus", "softmax", "swiglu"))  # ... and with a square
_MARKS = (None, "o", "s")


def line_style(name, i=0):
    """Keyword arguments for ax.plot that give a bend its own dash and mark (by i for names outside the registry)."""
    for tier, names in enumerate(_TIERS):
        if name in names:
            dash_at, mark = names.index(name), _MARKS[tier]
            break
    else:
        dash_at, mark = i, _MARKS[(i // len(DASHES)) % len(_MARKS)]
    style = {"ls": DASHES[dash_at % len(DASHES)]}
    if mark:
        style.update(marker=mark, markevery=0.08, ms=4.5)
    return style


def dash(name, i=0):
    """The dash pattern of a bend's line (see line_style for the whole look)."""
    return line_style(name, i)["ls"]


def color(name, i=0):
    """The colour an activation's record gives it (a fallback cycle for names outside the registry)."""
    try:
        return activations.get(name).colour
    except activations.UnknownActivation:
        return _EXTRA[i % len(_EXTRA)]


def new_figure(width_px=600, height_px=340, nrows=1, ncols=1, dpi=100, **subplots_kw):
    """A Figure with an Agg canvas and the course style, sized in pixels; returns (figure, axes)."""
    with matplotlib.rc_context(STYLE):  # rc values are read when artists are created, so styling sticks
        # A hair over the pixel size: matplotlib 3.10 truncates inches x dpi, and 460 / 100 * 100 is 459.99...
        fig = Figure(figsize=((width_px + 1e-6) / dpi, (height_px + 1e-6) / dpi), dpi=dpi, layout="constrained")
        FigureCanvasAgg(fig)  # a canvas of its own: never registered with pyplot, never auto-shown
        axes = fig.subplots(nrows, ncols, squeeze=True, **subplots_kw)
    return fig, axes


def styled(fn):
    """Run a figure-building function under the course style (artists read rc values when created)."""
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return fn(*args, **kwargs)
    wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ = fn.__name__, fn.__doc__, fn
    return wrapper


def finite(y):
    """Replace non-finite values by NaN so matplotlib leaves a gap instead of warning or drawing spikes."""
    y = np.asarray(y, dtype=float)
    return np.where(np.isfinite(y), y, np.nan)


@styled
def open_jumps(y, jump=0.5):
    """y with a gap where it jumps by more than `jump` between neighbours (a kink's slope: ReLU's leaps from 0 to 1 at
    0), so the line shows an open step, not a vertical stroke that reads as slopes between 0 and 1 (notebook 06)."""
    y = np.array(y, dtype=float)
    y[1:][np.abs(np.diff(y)) > jump] = np.nan
    return y


def curves_and_slopes(names, x=None, width_px=760, height_px=320, titles=("value f(x)", "slope f'(x)"), **params):
    """Value (left) and slope (right) of each named bend over x; params go to bends that take them (notebook 02).
    titles: the two panels' titles (chapter 06 says "value" and "slope": it never writes f'(x))."""
    x = np.linspace(-5.0, 5.0, 401) if x is None else np.asarray(x, dtype=float)
    fig, (ax_f, ax_d) = new_figure(width_px, height_px, 1, 2)
    for i, name in enumerate(names):
        act = activations.get(name)
        mine = {k: v for k, v in params.items() if k in act.params}
        ax_f.plot(x, finite(act(x, **mine)), color=color(act.name, i), label=act.label, **line_style(act.name, i))
        ax_d.plot(x, open_jumps(finite(act.derivative(x, **mine))), color=color(act.name, i), **line_style(act.name, i))
    ax_f.set(xlabel="x", title=titles[0])
    ax_d.set(xlabel="x", title=titles[1])
    for ax in (ax_f, ax_d):
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
    ax_f.legend(loc="upper left")
    return fig


@styled
def gradient_bars(norms, ax=None, threshold=0.01, labels=None):
    """One bar per layer on a log scale, green if at least threshold, red if vanishing (notebook 03)."""
    norms = np.asarray(norms, dtype=float)
    fig, ax = (new_figure(600, 320) if ax is None else (ax.figure, ax))
    k = np.arange(1, len(norms) + 1)
    colours = [HEALTHY if v >= threshold else VANISHING for v in norms]
    ax.bar(k, np.where(norms > 0, norms, np.nan), color=colours, width=0.8)
    ax.set_yscale("log")
    ax.axhline(threshold, color="black", lw=1, ls="--")
    ax.set(xlabel="layer (1 = nearest the input)", ylabel="gradient size")
    if labels is not None:
        ax.set_xticks(k, labels)
    return fig


@styled
def decision_boundary(predict_proba, X, y, ax=None, resolution=200, title=None, markers=("o", "^")):
    """Shade where predict_proba(points) > 0.5 and scatter the labelled points on top, class 0 as `markers[0]`,
    class 1 as `markers[1]`: shape as well as colour (notebook 05)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y).ravel()
    fig, ax = (new_figure(420, 380) if ax is None else (ax.figure, ax))
    pad = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 0.1
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    p = np.asarray(predict_proba(np.column_stack([gx.ravel(), gy.ravel()])), dtype=float).reshape(gx.shape)
    ax.contourf(gx, gy, p, levels=[0.0, 0.5, 1.0], colors=[_tint(ACCENT), _tint(VANISHING)], extend="neither")
    ax.contour(gx, gy, p, levels=[0.5], colors="black", linewidths=1)
    for cls, colour in ((0, ACCENT), (1, VANISHING)):
        ax.scatter(*X[y == cls].T, s=25, color=colour, marker=markers[cls], edgecolor="white", linewidth=0.5,
                   label=f"class {cls}")
    ax.set(xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]), xlabel="x₁", ylabel="x₂", title=title)
    ax.grid(False)
    return fig


def _tint(hex_colour, amount=0.75):
    """The colour mixed with white, for the background region of its class."""
    rgb = np.array(matplotlib.colors.to_rgb(hex_colour))
    return tuple(rgb + (1 - rgb) * amount)


@styled
def loss_bands(histories_by_name, ax=None, band="minmax"):
    """Mean loss per epoch across seeds with a min-max (or ±std) band, log y, one colour per bend (notebook 05).

    histories_by_name: {activation name: list of per-seed loss sequences (equal lengths)}.
    """
    fig, ax = (new_figure(600, 340) if ax is None else (ax.figure, ax))
    for i, (name, runs) in enumerate(histories_by_name.items()):
        runs = np.asarray([np.asarray(r, dtype=float) for r in runs])
        epochs = np.arange(1, runs.shape[1] + 1)
        mean = runs.mean(axis=0)
        if band == "std":
            low, high = mean - runs.std(axis=0), mean + runs.std(axis=0)
        else:
            low, high = runs.min(axis=0), runs.max(axis=0)
        low = np.where(low > 0, low, np.nan)  # a log axis cannot show zero or less
        colour = color(name, i)
        ax.fill_between(epochs, low, high, color=colour, alpha=0.2, linewidth=0)
        ax.plot(epochs, mean, color=colour, label=f"{name} (mean of {len(runs)} seeds)")
    ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="training loss")
    ax.legend(loc="upper right")
    return fig


def curve(name, x):
    """One curve per bend over x: softmax as the share of score x against a rival 0, a gate with content 1."""
    act = activations.get(name)
    if act.kind == "vector":
        return np.asarray(act(np.stack([x, np.zeros_like(x)], axis=-1)))[:, 0]
    if act.kind == "gated":
        return np.asarray(act(x, np.ones_like(x)))
    return np.asarray(act(x), dtype=float)


def signed_term(v, fmt="{:.2f}"):
    """' + 1.50' or ' − 1.50': a readable signed term for a formula readout."""
    return (" − " if v < 0 else " + ") + fmt.format(abs(v))


@styled
def collapse_lines(weights, biases, x=None, ax=None):
    """Each stacked 1-D layer's running output, and the composed line drawn dashed on top (notebook 01)."""
    x = np.linspace(-3.0, 3.0, 201) if x is None else np.asarray(x, dtype=float)
    fig, ax = (new_figure(600, 340) if ax is None else (ax.figure, ax))
    y = x.copy()
    for k, (w, b) in enumerate(zip(weights, biases)):
        y = w * y + b
        ax.plot(x, y, color=_EXTRA[k % len(_EXTRA)], lw=1.5, alpha=0.6, label=f"after layer {k + 1}")
    W, b = mlp.compose_lines(weights, biases)
    ax.plot(x, W * x + b, color="black", ls="--", lw=1.6, label=f"one line: y = {W:.2f}·x{signed_term(b)}")
    ax.set(xlabel="input x", ylabel="output")
    ax.legend(loc="best")
    return fig
