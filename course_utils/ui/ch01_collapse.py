"""Chapter 01's pictures: stacked straight layers collapse into one line, a bend stops it."""

import ipywidgets as widgets
import numpy as np

from course_utils.engine import mlp
from course_utils.ui import plots
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, slider


@plots.styled
def collapse_demo(n_layers=2, weights=None, biases=None):
    """Stacked 1-D layers with sliders: the composed line is always one line, until a bend goes in (notebook 01)."""
    weights = list(weights or (1.5, -0.8, 1.2, 0.7, -1.1)[:n_layers])
    biases = list(biases or (0.5, 1.0, -0.5, 0.3, -0.2)[:n_layers])
    if len(weights) != n_layers or len(biases) != n_layers:
        raise ValueError(f"need {n_layers} weights and biases, got {len(weights)} and {len(biases)}")
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 301)
    ax.set(xlim=(-3, 3), ylim=(-10, 10), xlabel="input x", ylabel="output y",
           title=f"{n_layers} stacked layers vs one line")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    stacked = live.moving(ax.plot([], [], color=plots.ACCENT, lw=4, alpha=0.5, label="the stacked layers")[0])
    single = live.moving(ax.plot([], [], color="black", lw=1.6, ls="--", label="one line y = W·x + b")[0])
    ax.legend(loc="upper left")
    sliders = {}
    for i in range(n_layers):
        sliders[f"w{i + 1}"] = slider(f"layer {i + 1} weight w{i + 1}", weights[i], -3.0, 3.0, 0.1)
        sliders[f"b{i + 1}"] = slider(f"layer {i + 1} bias b{i + 1}", biases[i], -3.0, 3.0, 0.1)
    bend = widgets.Checkbox(value=False, description="put a ReLU between the layers", indent=False)
    readout = widgets.HTML()

    def update():
        ws = [sliders[f"w{i + 1}"].value for i in range(n_layers)]
        bs = [sliders[f"b{i + 1}"].value for i in range(n_layers)]
        y = x.copy()
        for k, (w, c) in enumerate(zip(ws, bs)):  # push the inputs through the layers one by one
            y = w * y + c
            if bend.value and k < n_layers - 1:
                y = np.maximum(y, 0.0)
        W, b = mlp.compose_lines(ws, bs)
        stacked.set_data(x, y)
        single.set_data(x, W * x + b)
        live.render()
        gap = float(np.max(np.abs(y - (W * x + b))))
        verdict = ("the stacked layers ARE this one line" if gap < 1e-9 else
                   f"with the bend the layers no longer match one line (largest gap {gap:.2f})")
        readout.value = f"<b>equivalent: y = {W:.2f}·x{plots.signed_term(b)}</b> &nbsp; {verdict}"

    on_change([*sliders.values(), bend], update)
    update()
    return LiveWidget(
        [*sliders.values(), bend, readout, live.image], live,
        "Collapse demo: drag the layer weights and biases (static picture below)",
        sliders=sliders, readout=readout, lines={"stacked": stacked, "single": single}, bend=bend,
    )
