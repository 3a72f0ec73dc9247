"""The activation zoo: a table generated from the registry with a small curve per row, and the SELU experiment (04_activation_zoo)."""

from functools import lru_cache

import numpy as np

from course_utils.facts import activations
from course_utils.ui import plots, tables
from course_utils.ui.display import canvas_png

COLUMNS = ("bend", "formula", "range", "zero-centred", "smoothness", "monotonic", "typical use")


def row(name):
    """One zoo row as a dict of strings, every field read from the registry record."""
    act = activations.get(name)
    return {"name": act.name, "bend": act.label, "formula": act.formula, "range": act.range_text,
            "zero-centred": act.zero_centred, "smoothness": act.smoothness,
            "monotonic": "yes" if act.monotonic else "no", "typical use": act.typical_use}


def rows(names=None):
    """Rows for the elementwise and vector bends (SwiGLU takes two inputs, so it has no one-line curve)."""
    names = names or [n for n in activations.names() if activations.get(n).kind != "gated"]
    return [row(n) for n in names]


@lru_cache(maxsize=None)
def sparkline(name, width=120, height=40, x_max=4.0):
    """PNG bytes of a small curve on x in [-x_max, x_max], with the axes through 0 in grey."""
    x = np.linspace(-x_max, x_max, 161)
    y = plots.curve(name, x)
    fig, ax = plots.new_figure(width, height, dpi=100)
    fig.set_layout_engine("none")
    ax.set_position([0.02, 0.05, 0.96, 0.9])
    ax.axhline(0, color="#bbbbbb", lw=0.8)
    ax.axvline(0, color="#bbbbbb", lw=0.8)
    ax.plot(x, y, color=plots.color(name), lw=1.8)
    ax.set_axis_off()
    fig.canvas.draw()
    return canvas_png(fig.canvas)


class ZooTable:
    """The zoo: HTML with a curve per row in a notebook, a plain-text table everywhere else."""

    def __init__(self, names=None):
        self.rows = rows(names)

    def _repr_html_(self):
        body = [[tables.image(sparkline(r["name"]), f"{r['bend']} curve", 120, 40)]
                + [f"${r[c]}$" if c == "formula" else r[c] for c in COLUMNS] for r in self.rows]
        return tables.html_table(("curve",) + COLUMNS, body)

    def __repr__(self):
        cols = ("bend", "range", "zero-centred", "smoothness", "monotonic")
        widths = [max(len(c), *(len(r[c]) for r in self.rows)) for c in cols]
        line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
        return "\n".join([line(cols)] + [line([r[c] for c in cols]) for r in self.rows])


def lecun_normal(fan_in, fan_out, rng):
    """Weights with variance 1/fan_in: what SELU's fixed point assumes (Klambauer et al. 2017)."""
    return rng.standard_normal((fan_in, fan_out)) / np.sqrt(fan_in)


def layer_stats(name, depth=40, width=256, n=512, seed=0, gain=1.0):
    """Mean and variance of the activations after each of `depth` random layers, input ~ N(0, 1).

    Weights are LeCun-normal times sqrt(gain) (gain=2 is He init); no biases, no normalisation:
    whatever the statistics do, the bend alone is responsible.
    """
    rng = np.random.default_rng(seed)
    act = activations.get(name)
    h = rng.standard_normal((n, width))
    means, variances = np.empty(depth), np.empty(depth)
    for k in range(depth):
        h = act(h @ (lecun_normal(width, width, rng) * np.sqrt(gain)))
        means[k], variances[k] = h.mean(), h.var()
    return means, variances
