"""Chapter 04's pictures: the zoo table with a small curve per row, and the softmax temperature slider."""

from functools import lru_cache

import ipywidgets as widgets
import numpy as np

from course_utils.facts import activations
from course_utils.ui import plots, tables
from course_utils.ui.display import canvas_png
from course_utils.ui.explorer import activation_explorer
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, slider

__all__ = ["COLUMNS", "ZooTable", "activation_explorer", "row", "rows", "softmax_temperature", "sparkline"]


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


@plots.styled
def softmax_temperature(logits=(2.0, 1.0, 0.5, -1.0), temperature=1.0):
    """Softmax of fixed scores with a temperature slider: small T picks a winner, large T flattens (notebook 04)."""
    logits = np.asarray(logits, dtype=float)
    soft = activations.get("softmax")
    p = soft.params["temperature"]
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    k = np.arange(len(logits))
    ax.set(ylim=(0, 1.08), xlim=(-0.6, len(logits) - 0.4), ylabel="probability",
           xticks=k, xticklabels=[f"score {v:g}" for v in logits])
    ax.axhline(1 / len(logits), color=plots.MUTED, lw=1.2, ls="--", label="all equal (T → ∞)")
    ax.legend(loc="upper right")
    bars = [live.moving(b) for b in ax.bar(k, np.zeros(len(logits)), width=0.6, color=plots.color("softmax"))]
    labels = [live.moving(ax.text(i, 0, "", ha="center", va="bottom")) for i in k]
    title = live.moving(ax.set_title(" "))
    sliders = {"temperature": slider("temperature T", temperature, p.low, p.high, p.step)}
    readout = widgets.HTML()

    def update():
        T = sliders["temperature"].value
        probs = np.asarray(soft(logits, temperature=T), dtype=float)
        for bar, label, q in zip(bars, labels, probs):
            bar.set_height(q)
            label.set_position((label.get_position()[0], q + 0.01))
            label.set_text(f"{q:.2f}")
        nz = probs[probs > 0]  # 0·log 0 counts as 0
        entropy = float(-np.sum(nz * np.log2(nz)))
        title.set_text(f"softmax at T = {T:.2f}")
        live.render()
        readout.value = (f"largest share <b>{probs.max():.3f}</b>; entropy <b>{entropy:.3f} bits</b> "
                         f"(0 = one sure winner, {np.log2(len(logits)):.3f} = all equal)")

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["temperature"], readout, live.image], live,
        "Softmax temperature: drag T (static picture below)",
        sliders=sliders, readout=readout, bars=bars, lines={},
    )
