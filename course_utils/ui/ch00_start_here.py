"""Chapter 00's pictures: a network and one unit's three steps, the stretch-and-shift slider, flat vs folded, the timeline."""

import ipywidgets as widgets
import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.patches import Circle, ConnectionPatch, FancyArrowPatch, FancyBboxPatch

from course_utils.facts import activations, history
from course_utils.ui import plots
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, slider

INPUT, UNIT, OUTPUT = "#E69F00", plots.ACCENT, "#009E73"  # Okabe-Ito: inputs, units, output


def _node(ax, xy, colour, r=0.42, lw=1.5, fill=0.25):
    face = tuple(c + (1 - c) * (1 - fill) for c in to_rgb(colour))
    ax.add_patch(Circle(xy, r, facecolor=face, edgecolor=colour, lw=lw, zorder=3))


def _arrow(ax, a, b, **kw):
    style = dict(arrowstyle="-|>", mutation_scale=12, color="black", lw=1.2, shrinkA=0, shrinkB=0, zorder=2)
    style.update(kw)
    ax.add_patch(FancyArrowPatch(a, b, **style))


@plots.styled
def network_picture():
    """Inputs, one layer of units, an output; and inside one unit: stretch, shift, bend (notebook 00)."""
    fig, (ax, ax_u) = plots.new_figure(860, 400, 1, 2, width_ratios=[1.25, 1])
    for a in (ax, ax_u):
        a.set_axis_off()
        a.set_aspect("equal")
    ax.set(xlim=(-1.2, 9.6), ylim=(-0.6, 9.4))
    inputs = [(0.8, y) for y in (2.0, 4.5, 7.0)]
    units = [(4.4, y) for y in (1.2, 3.6, 6.0, 8.2)]
    out = (8.2, 4.5)
    for p in inputs:
        for q in units:
            ax.plot(*zip(p, q), color=plots.MUTED, lw=0.9, zorder=1)
    for q in units:
        ax.plot(*zip(q, out), color=plots.MUTED, lw=0.9, zorder=1)
    ax.plot(*zip(inputs[2], units[3]), color="black", lw=1.8, zorder=1)
    ax.text(2.3, 8.15, "weight w", fontsize=10, rotation=12, ha="center")
    for i, p in enumerate(inputs):
        _node(ax, p, INPUT)
        ax.text(p[0], p[1], f"x{'₁₂₃'[i]}", ha="center", va="center", zorder=4)
    for q in units:
        _node(ax, q, UNIT)
    _node(ax, units[3], UNIT, lw=3, fill=0.6)
    _node(ax, out, OUTPUT)
    ax.text(*out, "y", ha="center", va="center", zorder=4)
    ax.add_patch(FancyBboxPatch((3.7, 0.45), 1.4, 8.5, boxstyle="round,pad=0.1", fill=False,
                                ls="--", lw=1.3, edgecolor=UNIT))
    ax.text(4.4, -0.45, "a layer: 4 units side by side", ha="center", color=UNIT, fontsize=10.5)
    ax.text(0.8, 0.7, "inputs", ha="center", color="black", fontsize=10.5)
    ax.text(8.2, 3.45, "output", ha="center", fontsize=10.5)
    ax.text(6.0, 8.9, "a unit", fontsize=10.5, fontweight="bold")
    _arrow(ax, (5.95, 8.95), (4.9, 8.4))
    ax.set_title("A small network", loc="left")

    # Inside one unit: three boxes, each with a tiny sketch of what it does to a straight line.
    ax_u.set(xlim=(0, 10), ylim=(-0.4, 10.2))
    ax_u.set_title("Inside one unit: three steps", loc="left")
    steps = [("1. stretch", "× w  (times a weight)", lambda t: 1.6 * t, 7.2),
             ("2. shift", "+ b  (plus a bias)", lambda t: 1.6 * t + 0.6, 4.0),
             ("3. bend", "f( )  (the activation)", lambda t: np.maximum(1.6 * t + 0.6, 0.0), 0.8)]
    t = np.linspace(-1.0, 1.0, 81)
    for i, (name, how, shape, y0) in enumerate(steps):
        colour = plots.color("relu") if i < 2 else plots.color("gelu")
        ax_u.add_patch(FancyBboxPatch((0.3, y0), 9.2, 2.3, boxstyle="round,pad=0.1", facecolor="white",
                                      edgecolor=colour, lw=1.6))
        ax_u.text(0.6, y0 + 1.55, name, fontsize=11.5, fontweight="bold", va="center")
        ax_u.text(0.6, y0 + 0.6, how, fontsize=10, va="center")
        # The sketch: the plain line y = t in grey, the step's result in colour.
        cx, cy, sx, sy = 7.9, y0 + 1.15, 1.2, 0.42
        ax_u.plot([cx - sx, cx + sx], [cy, cy], color=plots.MUTED, lw=0.6)   # a tiny x axis
        ax_u.plot([cx, cx], [cy - 0.95, cy + 0.95], color=plots.MUTED, lw=0.6)  # and y axis
        ax_u.plot(cx + sx * t, cy + sy * t, color=plots.MUTED, lw=1.2, ls=":")  # the input line y = x
        ax_u.plot(cx + sx * t, cy + sy * shape(t), color=colour, lw=2.2)
        if i < 2:
            _arrow(ax_u, (4.9, y0 - 0.05), (4.9, y0 - 0.65))
    ax_u.text(5.0, -0.35, "steps 1 and 2 keep a line straight; step 3 bends it", ha="center", fontsize=10)
    # A dotted arrow: the boxes on the right are the highlighted unit, opened up.
    ux, uy = units[3]
    fig.add_artist(ConnectionPatch((ux + 0.5, uy + 0.1), (0.15, 9.3), "data", "data", axesA=ax, axesB=ax_u,
                                   color=UNIT, lw=1.2, ls=":", arrowstyle="-|>", mutation_scale=12))
    return fig


@plots.styled
def stretch_shift(w=2.0, b=-1.0, inputs=(-2.0, -1.0, 0.0, 1.0, 2.0)):
    """One unit on one number: w stretches (or flips), b shifts, and a tick adds the bend, ReLU (notebook 00)."""
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 121)  # enough points that the bend's corner is drawn sharp
    xs = np.asarray(inputs, dtype=float)
    relu = activations.get("relu")
    ax.set(xlim=(-3, 3), ylim=(-10, 10), xlabel="input x", ylabel="output y", title="One unit: stretch, shift (and bend)")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.plot(x, x, color=plots.MUTED, lw=1.2, ls=":", label="y = x (do nothing)")
    ax.plot(xs, np.zeros_like(xs), "o", mfc="white", mec=plots.MUTED, ms=7, label="inputs")
    line = live.moving(ax.plot([], [], color=plots.ACCENT, label="the unit's output")[0])
    drops = live.moving(ax.plot([], [], color=plots.ACCENT, lw=1, ls="--", alpha=0.6)[0])
    landed = live.moving(ax.plot([], [], "o", color=plots.ACCENT, ms=7, label="where the inputs land")[0])
    ax.legend(loc="upper left")

    sliders = {"w": slider("stretch w", w, -3.0, 3.0, 0.1), "b": slider("shift b", b, -4.0, 4.0, 0.1)}
    bend = widgets.Checkbox(value=False, description="3. bend: apply ReLU after the shift", indent=False)
    readout = widgets.HTML()

    def unit(v, wv, bv):
        y = wv * v + bv
        return np.asarray(relu(y), dtype=float) if bend.value else y

    def update():
        wv, bv = sliders["w"].value, sliders["b"].value
        ys = unit(xs, wv, bv)
        line.set_data(x, unit(x, wv, bv))
        # One Line2D with NaN breaks draws all the input->output drops in a single artist.
        drops.set_data(np.repeat(xs, 3), np.column_stack([np.zeros_like(xs), ys, np.full_like(xs, np.nan)]).ravel())
        landed.set_data(xs, ys)
        live.render()
        formula = f"y = {wv:.2f}·x{plots.signed_term(bv)}"
        formula = f"y = ReLU({formula[4:]})" if bend.value else formula
        lands = ", ".join(f"{v:g} → {y:.1f}" for v, y in zip(xs, ys))
        steps = sorted({f"{d:.1f}" for d in np.round(np.diff(ys), 6) + 0.0})
        even = "yes" if len(steps) == 1 else "no"
        readout.value = (f"<b>{formula}</b> &nbsp; inputs land at: {lands}<br>"
                         f"equal input steps give equal output steps? {even} (steps: {' / '.join(steps)})")

    on_change([*sliders.values(), bend], update)
    update()
    return LiveWidget(
        [sliders["w"], sliders["b"], bend, readout, live.image], live,
        "Stretch and shift: drag w and b (static picture below)",
        sliders=sliders, readout=readout, lines={"layer": line, "drops": drops, "landed": landed},
        checkboxes={"bend": bend},
    )


@plots.styled
def flat_and_folded():
    """Left: three flat rules stacked are one flat rule. Right: the same pile with bends makes a shape (notebook 00)."""
    x = np.linspace(-3.0, 3.0, 601)
    fig, (ax_l, ax_r) = plots.new_figure(760, 320, 1, 2, sharey=True)
    h = x
    for k, (w, b) in enumerate([(1.5, 0.5), (-0.8, 1.0), (1.2, -0.5)], 1):
        h = w * h + b
        last = k == 3
        ax_l.plot(x, h, lw=2.6 if last else 1.4, alpha=1 if last else 0.6, color="black" if last else plots.color(f"rule {k}", k),
                  label="after all 3 rules" if last else f"after rule {k}")
    ax_l.set(title="3 flat rules stacked: one straight line", xlabel="input x", ylabel="output")
    relu = activations.get("relu")
    cup = relu(x) + relu(-x)                        # two folds at 0: a cup, |x|
    zigzag = relu(x + 2) - 2 * relu(x) + relu(x - 2)  # three folds: a tent
    ax_r.plot(x, cup, color=plots.color("relu"), label="2 units with a bend: a cup")
    ax_r.plot(x, 3 * zigzag - 2, color=plots.color("gelu"), ls="--", label="3 units with a bend: a tent")
    ax_r.set(title="the same kind of rules, with a bend", xlabel="input x")
    for ax in (ax_l, ax_r):
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_ylim(-4, 4)
        ax.legend(loc="lower right", fontsize=9)
    return fig


@plots.styled
def history_timeline(events=None):
    """The story of the bend on one time axis: the S-curve era, the stall, ReLU, the smooth bends (notebook 00)."""
    events = history.EVENTS if events is None else events
    fig, ax = plots.new_figure(860, 330)
    era_colour = {"squash": plots.color("sigmoid"), "relu": plots.color("relu"), "smooth": plots.color("gelu")}
    for key, (name, start, end) in history.ERAS.items():
        ax.axvspan(start, end, ymin=0.44, ymax=0.56, color=era_colour[key], alpha=0.25, lw=0)
        ax.text((start + end) / 2, 0.0, name, ha="center", va="center", fontsize=10, fontweight="bold")
    heights = [1.35, -1.35, 2.35, -1.35, 1.35, -2.35, 2.35, -1.35]  # alternate above and below
    for e, h in zip(events, heights):
        colour = era_colour[e.era]
        ax.plot([e.year, e.year], [0.3 if h > 0 else -0.3, h * 0.82], color=colour, lw=1.2)
        ax.plot(e.year, h * 0.82, "o", color=colour, ms=6)
        ax.text(e.year, h, f"{e.year}\n{e.label}", ha="center", va="bottom" if h > 0 else "top", fontsize=9.5,
                linespacing=1.1)
    ax.set(xlim=(1983, 2023), ylim=(-3.9, 3.9), yticks=[], xlabel="year")
    ax.spines["left"].set_visible(False)
    ax.grid(False)
    ax.set_title("A short history of the bend")
    return fig
