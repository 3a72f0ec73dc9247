"""Chapter 02's pictures: the four bends in the explorer, and the SwiGLU gate."""

import ipywidgets as widgets
import numpy as np

from course_utils.facts import activations
from course_utils.ui import plots
from course_utils.ui.explorer import activation_explorer
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, slider

__all__ = ["activation_explorer", "swiglu_gate"]


@plots.styled
def swiglu_gate(a=1.0, b=2.0, beta=1.0):
    """SwiGLU on one unit: the gate path a opens or closes, the content path b is what gets through (notebook 02)."""
    silu, swiglu = activations.get("silu"), activations.get("swiglu")
    live = LiveFigure(760, 340, 1, 2)
    ax_g, ax_o = live.axes
    grid = np.linspace(-5.0, 5.0, 301)
    ax_g.set(xlim=(-5, 5), ylim=(-1.0, 5.5), xlabel="gate pre-activation a", title="the gate: SiLU(a)")
    ax_g.plot(grid, np.asarray(silu(grid, beta=beta)), color=plots.color("silu"), label="SiLU(a)")
    ax_g.plot(grid, np.asarray(activations.get("sigmoid")(beta * grid)), color=plots.MUTED, ls="--",
              label="σ(βa): how open (0 to 1)")
    ax_g.axhline(0, color="black", lw=0.8)
    ax_g.legend(loc="upper left")
    dot = live.moving(ax_g.plot([], [], "o", color=plots.color("silu"), ms=9)[0])
    rows = ["content b", "gate SiLU(a)", "output SiLU(a)·b"]
    ax_o.set(xlim=(-16, 16), ylim=(-0.6, 2.6), yticks=range(3), yticklabels=rows[::-1], title="what gets through")
    ax_o.axvline(0, color="black", lw=0.8)
    colours = [plots.MUTED, plots.color("silu"), plots.color("swiglu")][::-1]
    bars = [live.moving(r) for r in ax_o.barh(range(3), np.zeros(3), height=0.6, color=colours)]
    values = [live.moving(ax_o.text(0, i, "", va="center")) for i in range(3)]
    sliders = {"a": slider("gate a", a, -5.0, 5.0, 0.1), "b": slider("content b", b, -3.0, 3.0, 0.1)}
    readout = widgets.HTML()

    def update():
        av, bv = sliders["a"].value, sliders["b"].value
        gate = float(silu(av, beta=beta))
        out = float(swiglu(av, bv, beta=beta))
        dot.set_data([av], [gate])
        for bar, text, v in zip(bars, values, (out, gate, bv)):  # barh puts row 0 at the bottom
            bar.set_width(v)
            text.set_position((v + (0.4 if v >= 0 else -0.4), text.get_position()[1]))
            text.set_ha("left" if v >= 0 else "right")
            text.set_text(f"{v:.2f}")
        live.render()
        state = ("closed: almost nothing gets through" if abs(gate) < 0.05 else
                 "slightly negative: the content comes through small and flipped" if gate < 0 else
                 "open: the content is passed on, scaled by the gate")
        readout.value = f"SiLU({av:.2f}) = <b>{gate:.3f}</b>, output = {gate:.3f} × {bv:.2f} = <b>{out:.3f}</b>; gate {state}"

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["a"], sliders["b"], readout, live.image], live,
        "SwiGLU gate: drag the gate a and the content b (static picture below)",
        sliders=sliders, readout=readout, bars=bars, lines={"gate": dot},
    )
