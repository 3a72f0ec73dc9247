"""Static figures with one look across the course: a colour per activation, legible fonts, no pyplot state."""

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

# One colour per activation so a bend looks the same in every chapter (Okabe-Ito based: colour-blind safe).
PALETTE = {
    "identity": "#7f7f7f",
    "relu": "#0072B2",
    "leaky_relu": "#56B4E9",
    "prelu": "#1f3f8f",
    "elu": "#B8860B",
    "selu": "#8c564b",
    "sigmoid": "#D55E00",
    "tanh": "#009E73",
    "gelu": "#CC79A7",
    "gelu_tanh": "#8e4585",
    "silu": "#E69F00",
    "mish": "#17becf",
    "softplus": "#6b8e23",
    "softmax": "#333333",
    "swiglu": "#a0522d",
}
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


def color(name, i=0):
    """The course colour of an activation (a fallback cycle for names outside the palette)."""
    return PALETTE.get(name, _EXTRA[i % len(_EXTRA)])


def new_figure(width_px=600, height_px=340, nrows=1, ncols=1, dpi=100, **subplots_kw):
    """A Figure with an Agg canvas and the course style, sized in pixels; returns (figure, axes)."""
    with matplotlib.rc_context(STYLE):  # rc values are read when artists are created, so styling sticks
        fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained")
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
