"""Chapter 00's pictures: one unit stretching, shifting and bending its inputs."""

import ipywidgets as widgets
import numpy as np

from course_utils.ui import plots
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, slider


@plots.styled
def stretch_shift(w=2.0, b=-1.0, inputs=(-2.0, -1.0, 0.0, 1.0, 2.0)):
    """One layer on one number, y = w·x + b: w stretches (or flips), b shifts (notebook 00)."""
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 2)
    xs = np.asarray(inputs, dtype=float)
    ax.set(xlim=(-3, 3), ylim=(-10, 10), xlabel="input x", ylabel="output y", title="A layer stretches and shifts")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.plot(x, x, color=plots.MUTED, lw=1.2, ls=":", label="y = x (do nothing)")
    ax.plot(xs, np.zeros_like(xs), "o", mfc="white", mec=plots.MUTED, ms=7, label="inputs")
    line = live.moving(ax.plot([], [], color=plots.ACCENT, label="y = w·x + b")[0])
    drops = live.moving(ax.plot([], [], color=plots.ACCENT, lw=1, ls="--", alpha=0.6)[0])
    landed = live.moving(ax.plot([], [], "o", color=plots.ACCENT, ms=7, label="where they land")[0])
    ax.legend(loc="upper left")

    sliders = {"w": slider("stretch w", w, -3.0, 3.0, 0.1), "b": slider("shift b", b, -4.0, 4.0, 0.1)}
    readout = widgets.HTML()

    def update():
        wv, bv = sliders["w"].value, sliders["b"].value
        ys = wv * xs + bv
        line.set_data(x, wv * x + bv)
        # One Line2D with NaN breaks draws all the input->output drops in a single artist.
        drops.set_data(np.repeat(xs, 3), np.column_stack([np.zeros_like(xs), ys, np.full_like(xs, np.nan)]).ravel())
        landed.set_data(xs, ys)
        live.render()
        lands = ", ".join(f"{v:g} → {y:.1f}" for v, y in zip(xs, ys))
        readout.value = f"<b>y = {wv:.2f}·x{plots.signed_term(bv)}</b> &nbsp; inputs land at: {lands}"

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["w"], sliders["b"], readout, live.image], live,
        "Stretch and shift: drag w and b (static picture below)",
        sliders=sliders, readout=readout, lines={"layer": line, "drops": drops, "landed": landed},
    )
