"""Chapter 00's pictures: a network and one unit's three steps, the unit sliders (steps 1-2, then the bend),
straight vs creased, the hill for one weight, the timeline; and the click-an-answer questions (also used by
chapter 01)."""

import base64
import html

import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, ConnectionPatch, FancyArrowPatch, FancyBboxPatch, Patch
from matplotlib.ticker import NullLocator

from course_utils.facts import activations, history
from course_utils.ui import display, plots, printing, questions, tables
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, slider

INPUT, UNIT, OUTPUT = "#E69F00", plots.ACCENT, "#009E73"  # Okabe-Ito: inputs, units, output
# The steepness picture and the unit sliders share these axes, drawn to equal scale: z = x climbs at 45°, one step up
# for each step right. Both sliders reach w = ±3 and b = ±4, so the inputs (−2 to 2) land between −10 and 10: the y
# range holds every landing the sliders can make, above and below 0 alike.
UNIT_W, UNIT_B = 3.0, 4.0
UNIT_XLIM, UNIT_YLIM = (-6, 6), (-10.5, 10.5)
UNIT_TICKS = tuple(range(-10, 11, 2))


def _unit_axes(ax, ylabel, title):
    """The shared axes of the straight-line pictures: equal scale, a grid of squares, the x and y axes drawn."""
    ax.set(xlim=UNIT_XLIM, ylim=UNIT_YLIM, xticks=UNIT_TICKS[2:-2], yticks=UNIT_TICKS, xlabel="input x",
           ylabel=ylabel, title=title)
    ax.set_aspect("equal")
    ax.grid(True, color="#dddddd", lw=0.8)
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)


def _node(ax, xy, colour, r=0.42, lw=1.5, fill=0.25):
    face = tuple(c + (1 - c) * (1 - fill) for c in to_rgb(colour))
    ax.add_patch(Circle(xy, r, facecolor=face, edgecolor=colour, lw=lw, zorder=3))


def _arrow(ax, a, b, **kw):
    style = dict(arrowstyle="-|>", mutation_scale=12, color="black", lw=1.2, shrinkA=0, shrinkB=0, zorder=2)
    style.update(kw)
    ax.add_patch(FancyArrowPatch(a, b, **style))


# Small notes the learner must read (the key, the reference lines): dark grey, not pale (the r25 reader).
NOTE_GREY = "#333333"
# Pass 73 (r70 Picture): each sketch's two lines named on the lines, at their left ends (was a grey key underneath).
SKETCH_LINE_NAMES = ("before", "after")
# The sketches' stretch and shift (for one input), and the word on each sketch saying what its step did (r66).
SKETCH_W, SKETCH_B = 2.0, 0.8
SKETCH_WORDS = ("steeper", "lifted", "bent")
# Under the sketches: why sketch 3's corner is not at the sketch's centre (the shift moved the line first).
CORNER_NOTE = "in sketch 3, the corner (◇) sits where the shifted line crosses 0"


SKETCH_LABEL_SIZE, SKETCH_LABEL_INK = 11, "#222222"   # the sketches' words: large, near-black


@plots.styled
def network_picture():
    """Inputs, one layer of units, an output; and inside one unit: stretch, shift, bend (notebook 00)."""
    fig, (ax, ax_u) = plots.new_figure(940, 560, 1, 2, width_ratios=[1.05, 1.2])
    for a in (ax, ax_u):
        a.set_axis_off()
        a.set_aspect("equal")
    ax.set(xlim=(-1.2, 9.6), ylim=(-0.6, 9.4))
    inputs = [(0.8, y) for y in (7.0, 4.5, 2.0)]  # x₁ on top
    units = [(4.4, y) for y in (1.2, 3.6, 6.0, 8.2)]
    out = (8.2, 4.5)
    for p in inputs:
        for q in units:
            ax.plot(*zip(p, q), color=plots.MUTED, lw=0.9, zorder=1)
    for q in units:
        ax.plot(*zip(q, out), color=plots.MUTED, lw=0.9, zorder=1)
    ax.plot(*zip(inputs[0], units[3]), color="black", lw=1.8, zorder=1)
    ax.text(1.95, 8.0, "link: weight w", fontsize=10, rotation=12, ha="center")
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
    ax.text(4.4, -0.45, "a hidden layer: a column of 4 units", ha="center", color=UNIT, fontsize=10.5)
    ax.text(0.8, 0.7, "inputs", ha="center", color="black", fontsize=10.5)
    ax.text(8.2, 3.45, "output", ha="center", fontsize=10.5)
    ax.text(6.0, 8.9, "a unit", fontsize=10.5, fontweight="bold")
    _arrow(ax, (5.95, 8.95), (4.9, 8.4))
    ax.set_title("A small network", loc="left")

    # Inside one unit: three boxes, each with a tiny sketch of what it does to a straight line.
    # Pass 63 (r58 Picture): taller boxes, so each sketch is larger and its dotted line easy to tell from the solid.
    # Pass 71 (r66 Picture): larger still, with ticks at ±1 on both small axes, a steeper stretch (×2, so the solid
    # line parts from the dotted y = x at once) and a word on each sketch saying what its step did.
    ax_u.set(xlim=(0, 11), ylim=(-1.3, 13.6))
    ax_u.set_title("Inside one unit: three steps", loc="left")
    steps = [("1. stretch and add", "× w each, then add up\n(sketch: for one input)", lambda t: SKETCH_W * t, 9.9),
             ("2. shift", "+ b  (plus a bias)", lambda t: SKETCH_W * t + SKETCH_B, 5.6),
             ("3. bend", "a curve; here ReLU:\nnegatives become 0",
              lambda t: activations.get("relu")(SKETCH_W * t + SKETCH_B), 1.3)]
    t = np.linspace(-1.0, 1.0, 81)
    before = lambda t: t  # noqa: E731  the line before step 1: the input itself
    for i, (name, how, shape, y0) in enumerate(steps):
        colour = plots.color("relu") if i < 2 else plots.color("gelu")
        ax_u.add_patch(FancyBboxPatch((0.3, y0), 10.2, 3.4, boxstyle="round,pad=0.1", facecolor="white",
                                      edgecolor=colour, lw=1.6))
        ax_u.text(0.6, y0 + 2.35, name, fontsize=11.5, fontweight="bold", va="center")
        ax_u.text(0.6, y0 + 1.0, how, fontsize=10, va="center", linespacing=1.0)
        # The sketch: the line before this step dotted dark grey, the step's result in colour, each named on itself.
        cx, cy, sx, sy = 8.55, y0 + 1.4, 1.75, 0.5  # right of the words, clear of "then add up"
        ax_u.plot([cx - sx, cx + sx], [cy, cy], color=plots.MUTED, lw=0.8)   # a small x axis
        ax_u.plot([cx, cx], [cy - 1.2, cy + 1.85], color=plots.MUTED, lw=0.8)  # and y axis
        ax_u.vlines([cx - sx, cx + sx], cy - 0.12, cy + 0.12, color=plots.MUTED, lw=0.8)   # ticks at x = ±1
        ax_u.hlines([cy - sy, cy + sy], cx - 0.12, cx + 0.12, color=plots.MUTED, lw=0.8)   # and at y = ±1
        ax_u.plot(cx + sx * t, cy + sy * before(t), color="#444444", lw=2.2, ls=":")  # the line before the step
        ax_u.plot(cx + sx * t, cy + sy * shape(t), color=colour, lw=3.0)
        # Pass 87 (r86 Picture): the sketches' small labels larger and near-black, so they read at a glance.
        for word, f in zip(SKETCH_LINE_NAMES, (before, shape)):
            ax_u.text(cx - sx - 0.12, cy + sy * f(t[0]), word, ha="right", va="center", fontsize=SKETCH_LABEL_SIZE,
                      color=SKETCH_LABEL_INK, fontweight="bold" if word == "after" else "normal")
        ax_u.text(cx - sx, cy + 1.75, SKETCH_WORDS[i], fontsize=SKETCH_LABEL_SIZE + 0.5, fontstyle="italic",
                  fontweight="bold", color=SKETCH_LABEL_INK, va="top")
        before = shape
        if i == 2:  # the corner: where the shifted line crosses 0
            ax_u.plot(cx + sx * (-SKETCH_B / SKETCH_W), cy, "D", mfc="white", mec=colour, mew=1.8, ms=8, zorder=5)
        if i < 2:
            _arrow(ax_u, (5.4, y0 - 0.05), (5.4, y0 - 0.75))
    ax_u.text(5.5, -0.35, "steps 1 and 2 keep a line straight; step 3 bends it", ha="center", fontsize=10)
    ax_u.text(5.5, -1.05, CORNER_NOTE, ha="center", fontsize=10.5, color=NOTE_GREY)
    # A dotted arrow: the boxes on the right are the highlighted unit, opened up.
    ux, uy = units[3]
    fig.add_artist(ConnectionPatch((ux + 0.5, uy + 0.1), (0.15, 13.2), "data", "data", axesA=ax, axesB=ax_u,
                                   color=UNIT, lw=1.2, ls=":", arrowstyle="-|>", mutation_scale=12))
    # Pass 71: a name for a screen reader that says what the picture shows (it had only the panels' ranges).
    fig.set_label("Left: a small network: three inputs, a hidden layer of 4 units, one output y; every input links to "
                  "every unit. Right: one unit opened up as three boxes, each with a small sketch of a line, dotted "
                  "before the step and solid after it: " + "; ".join(
                      f"{name}, the line {word}" for (name, *_), word in zip(steps, SKETCH_WORDS)) + ".")
    return fig


# The unit widgets' line, named as the text names it: steps 1 and 2 give the number the unit will bend; only after
# the bend is it the unit's output.
BEFORE_BEND, AFTER_BEND = "z: the number to bend", "a: the unit's output"


def _unit_widget(w, b, inputs, with_bend, title, summary, bent=False):
    """One unit on one number: w tilts (or flips) the line, b lifts it (both within ±UNIT_W, ±UNIT_B); with_bend adds
    a ReLU checkbox (ticked if bent)."""
    live = LiveFigure(460, 600)  # tall equal-scale axes, the legend under them: the plot fills the width
    ax = live.axes[0]
    x = np.linspace(*UNIT_XLIM, 241)  # enough points that the bend's corner is drawn sharp
    xs = np.asarray(inputs, dtype=float)
    relu = activations.get("relu")
    _unit_axes(ax, "a = ReLU(z), or z if unbent" if with_bend else "z = w·x + b", title)
    ax.plot(xs, np.zeros_like(xs), "o", mfc="white", mec=plots.MUTED, ms=7, label="inputs")
    line = live.moving(ax.plot([], [], color=plots.ACCENT, label=BEFORE_BEND)[0])
    drops = live.moving(ax.plot([], [], color=plots.ACCENT, lw=1, ls="--", alpha=0.6)[0])
    landed = live.moving(ax.plot([], [], "o", color=plots.ACCENT, ms=7, label="where the inputs land")[0])
    mark_label = "the corner" if with_bend else "the input that lands on 0"
    mark = live.moving(ax.plot([], [], "D", mfc="none", mec=plots.color("gelu"), mew=2, ms=13, label=mark_label,
                           zorder=5)[0])  # hollow: the input circle and the landing dot show through
    legend_has_mark = [None]
    # With the bend on, the lower half is empty: say why there, so it does not look like a mistake (r34 reader).
    note = live.moving(ax.text(UNIT_XLIM[1] - 0.2, -UNIT_EMPTY_Y, RELU_EMPTY_NOTE, ha="right", ma="left", va="center", fontsize=9.5,
                               style="italic", color=plots.MUTED, visible=False, zorder=4,
                               bbox=dict(facecolor="white", edgecolor="none", pad=1.5)))

    def legend(with_mark):
        """The legend lists the diamond only while one is drawn (a still picture never names a missing mark), and
        names the line by what it is: the number before the bend, or with the bend ticked, the unit's output."""
        key = (with_mark, bend.value)
        if legend_has_mark[0] != key:
            mark.set_label(mark_label if with_mark else "_nolegend_")
            line.set_label(AFTER_BEND if bend.value else BEFORE_BEND)
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=9.5)  # under the axes
            legend_has_mark[0] = key
            live.invalidate()

    sliders = {"w": slider("stretch w", w, -UNIT_W, UNIT_W, 0.1), "b": slider("shift b", b, -UNIT_B, UNIT_B, 0.1)}
    bend = widgets.Checkbox(value=bool(with_bend and bent), description="3. bend: apply ReLU after the shift", indent=False)
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
        zero = zero_input(wv, bv)  # where w·x + b = 0: the crossing, or with the bend, the corner
        hidden = with_bend and not bend.value  # no corner to mark until the bend is on
        shown = zero is not None and not hidden and UNIT_XLIM[0] <= zero <= UNIT_XLIM[1]
        mark.set_data(([zero], [0.0]) if shown else ([], []))
        note.set_visible(bool(with_bend and bend.value))
        legend(shown)
        live.render()
        line_rule = f"{wv:.2f}·x{plots.signed_term(bv)}"   # z, the number to bend; a (the unit's output) only after the bend
        formula = f"a = ReLU({line_rule})" if bend.value else f"z = {line_rule}"
        lands = ", ".join(f"{v:g} → {y:.1f}" for v, y in zip(xs, ys))
        seen = slopes_seen(wv, bv, bend.value)
        where = "the corner" if with_bend else "the input that lands on 0"
        if hidden:
            found = "none yet (tick 3. bend)"
        elif zero is None:
            found = "none (w = 0: the line is flat)"
        else:
            found = f"x = {zero:.2f}" + ("" if UNIT_XLIM[0] <= zero <= UNIT_XLIM[1] else " (off the picture)")
        # The slopes row only where the text introduces it, at the bend (r42: the first widget's row answered no
        # question). Pass 57 (r51 change 2): the slopes themselves, the word the text defines just before, not the
        # output's rise per step of 1 (a corner between two steps added a third value that needed its own rule).
        even_row = (f"{SLOPES_ROW} {'yes' if len(seen) == 1 else 'no'}: {SLOPES_SAYS} {said_slopes(seen)}<br>"
                    if with_bend else "")
        readout.value = (f"<b>{formula}</b><br>"   # one short line per fact
                         f"inputs land at: {lands}<br>"
                         f"{even_row}"
                         f"{where}: {found}")

    controls = [sliders["w"], sliders["b"]] + ([bend] if with_bend else [])
    on_change(controls, update)
    update()
    return LiveWidget(
        [*controls, readout, live.image], live, summary,
        sliders=sliders, readout=readout, lines={"layer": line, "drops": drops, "landed": landed, "mark": mark},
        checkboxes={"bend": bend} if with_bend else {}, texts={"empty half": note},
    )


# The bent unit's note in its empty lower half (same axes as the straight line, so unticking compares them).
# Pass 80 (r75 Picture): in the lower right, in short lines, so that it no longer covers the y axis.
RELU_EMPTY_NOTE = "Empty below 0:\nReLU gives\nno negative\nnumbers.\nSame axes as\nthe straight\nline: untick\nto compare."
UNIT_EMPTY_Y = 5.5   # how far below 0 the note sits


# Pass 57 (r51 change 2): the bend's readout lists the line's slopes in view, left to right: one slope means straight;
# ReLU's corner splits the line into its flat side (slope 0) and its ramp (slope w). A corner off the picture is not
# in view, so only one slope is listed (r40: a corner left or right of the five inputs but in view must read "no").
SLOPES_ROW = "straight?"
SLOPES_SAYS = "slopes, left to right:"


def _slope_text(v):
    """A slope as the readout prints it: at most 2 decimals, no "-0", a true minus sign."""
    return f"{round(float(v), 2) + 0.0:g}".replace("-", "−")


def said_slopes(slopes):
    """'2', or '0, then 2': the readout's slopes in words."""
    return ", then ".join(_slope_text(v) for v in slopes)


def slopes_seen(w, b, bent, xlim=UNIT_XLIM):
    """The slopes of z = w·x + b (or ReLU of it, if bent) across the picture, left to right: [w] for a line; for
    ReLU, the flat side's 0 and the ramp's w, on the sides where they are in view."""
    if not bent:
        return [w + 0.0]
    flat, ramp = 0.0, w + 0.0
    corner = zero_input(w, b)
    if corner is None:          # w = 0: a flat line at ReLU(b)
        return [0.0]
    left, right = (flat, ramp) if w > 0 else (ramp, flat)
    if corner >= xlim[1]:
        return [left]
    if corner <= xlim[0]:
        return [right]
    return [left, right]


def zero_input(w, b):
    """The input x where w·x + b = 0 (None when w = 0): the line's crossing, and where ReLU puts its corner."""
    return None if w == 0 else -b / w + 0.0


@plots.styled
def stretch_shift(w=1.0, b=0.0, inputs=(-2.0, -1.0, 0.0, 1.0, 2.0)):
    """Steps 1 and 2 on one number: drag w and b; a diamond marks the input that lands on 0 (notebook 00).

    It starts at w = 1, b = 0 (every input lands on itself): the learner sets the worked w = 2, b = 3.
    """
    return _unit_widget(w, b, inputs, False, "One unit, steps 1 and 2: z = w·x + b",
                        "Stretch and shift: drag w and b (static picture below)")


@plots.styled
def bend_unit(w=1.0, b=0.0, inputs=(-2.0, -1.0, 0.0, 1.0, 2.0), bend=True):
    """Step 3 added: the bend (ReLU) puts a corner where w·x + b = 0; untick it to see the straight line (notebook 00).

    It starts bent at w = 1, b = 0: the still picture is plain ReLU (one step up for each step right, as the text
    says), its corner at 0. The Predict asks where the corner moves when the learner sets w = 2 and b = −1.
    """
    return _unit_widget(w, b, inputs, True, "One unit: z = w·x + b, then the bend a = ReLU(z)",
                        "Stretch, shift and bend: drag w and b, and watch the corner (static picture below)", bent=bend)


# Pass 88 (r87 Picture first): ReLU drawn at the top of "Step 3: the bend", before the words ramp and slope.
RELU_SKETCH_WORDS = ("flat at 0", "climbs 1 up\nfor each 1 right", "corner")


@plots.styled
def relu_sketch(words=RELU_SKETCH_WORDS):
    """A small sketch of ReLU on equal axes, its flat side, its climb and its corner named on the line (notebook 00)."""
    fig, ax = plots.new_figure(360, 250)
    x = np.linspace(-3, 3, 121)
    ax.plot(x, np.asarray(activations.get("relu")(x), float), color=plots.color("relu"), lw=2.8)
    ax.plot([0], [0], "D", mfc="white", mec="black", mew=1.6, ms=8, zorder=4)
    ax.text(-1.5, 0.25, words[0], ha="center", va="bottom", fontsize=11)
    ax.text(1.25, 0.3, words[1], ha="left", va="bottom", fontsize=10.5)  # under the ramp, clear of the y axis
    ax.text(0.15, -0.3, words[2], ha="left", va="top", fontsize=11)
    ax.set(xlim=(-3, 3), ylim=(-1, 3), xticks=range(-3, 4), yticks=range(-1, 4), xlabel="input", ylabel="ReLU",
           title="ReLU: negatives become 0")
    ax.set_aspect("equal")
    ax.grid(True, color="#dddddd", lw=0.8)
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    fig.set_label("A small graph of ReLU on equal axes from −3 to 3. Left of 0 the line lies flat at 0. From 0 on it "
                  "climbs 1 up for each 1 right, a straight ramp. A diamond marks the corner at 0.")
    return fig


STEEPNESS = (2.0, 1.0, 0.5, -1.0)  # the weights of the steepness picture: steeper, z = x, squashed, flipped


@plots.styled
def steepness_picture(weights=STEEPNESS):
    """Lines z = w·x for w = 2, 1, 0.5, −1 on one shared pair of axes, each named at its end (notebook 00)."""
    fig, ax = plots.new_figure(380, 520)  # sized to the equal-scale axes: no empty side
    x = np.linspace(*UNIT_XLIM, 61)
    words = {2.0: "steeper", 1.0: "the line z = x", 0.5: "a squash", -1.0: "flipped"}
    styles = ["-", "-", "--", ":"]
    for i, w in enumerate(weights):
        colour = "black" if w == 1 else plots.color("line", i)
        ax.plot(x, w * x, color=colour, lw=2.4 if w == 1 else 2.0, ls=styles[i % len(styles)],
                label=f"w = {w:g}: {words.get(w, '')}".replace("-", "−"))
    _unit_axes(ax, "z = w·x", "w sets how steep the line is (b = 0)")
    ax.legend(loc="upper left", fontsize=9, borderaxespad=0.3)  # in the empty top left: every line passes below it
    return fig


# The pile is drawn thick and the one-rule line thin on top of it, so both show: black above and below the dashes.
PILE_LW, DASH_LW = 6.0, 1.6
# Pass 83 (r81 Focus): rule 2 alone (fed x) is no longer drawn: the text never used it. The y range is the stack's
# at its start (8x + 13: −11 to 37) with a margin, not every slider setting's (±41): at least half of any stack stays
# in sight.
PILE_YLIM = (-20, 40)
PILE = [(2.0, 3.0), (4.0, 1.0)]  # the worked pile of notebook 00: ×2 +3, then ×4 +1
PILE_READ_AT = (0.0, 1.0, 2.0)   # the three inputs the text reads off the stack, marked with dots (pass 93, r94)
ONE_RULE = (8.0, 13.0)           # ... which is one rule: ×8 +13


def corners(units):
    """The x of each bent unit's corner, for units given as (sign, shift) in ReLU(sign·x + shift), or (sign, shift,
    height) in height · ReLU(...): a unit of height 0 adds nothing, so no corner."""
    return sorted({-shift / sign for sign, shift, *height in units if not height or height[0] != 0})


# The bent units the slider adds one at a time: each (sign, shift, height) is height · ReLU(sign·x + shift).
# Together they make a tent: ReLU(x + 2) − 2·ReLU(x) + ReLU(x − 2), flat outside −2..2, peak 2 at x = 0.
TENT = [(1.0, 2.0, 1.0), (1.0, 0.0, -2.0), (1.0, -2.0, 1.0)]
MIDDLE_START = -1.0  # the middle unit's weight when the slider opens: three corners, but the right side still climbs
MIDDLE_RANGE = (-3.0, 0.0, 0.5)  # its slider: at −2 (TENT) the right side goes flat; at 0 the middle corner is gone


# Pass 90 (r91 Picture first): the two networks the text only described, drawn as small diagrams in img_001's style.
def _glyph(ax, xy, bent, r=0.42):
    """Inside a unit: a tiny straight line (no bend) or a tiny ReLU (flat, then up): the shape is the cue, not colour."""
    x, y = xy
    t = np.linspace(-0.6, 0.6, 25) * r
    ax.plot(x + t, y + (np.maximum(t, 0) * 1.4 - 0.12 * r if bent else t * 0.7), color="black", lw=1.6, zorder=5)


def _diagram(width, height, xlim, ylim, title):
    fig, ax = plots.new_figure(width, height)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set(xlim=xlim, ylim=ylim)
    ax.set_title(title, loc="left", fontsize=11.5)
    return fig, ax


def _layer_box(ax, x, y0, y1, label, label_y):
    ax.add_patch(FancyBboxPatch((x - 0.75, y0), 1.5, y1 - y0, boxstyle="round,pad=0.1", fill=False, ls="--", lw=1.3,
                                edgecolor=UNIT))
    ax.text(x, label_y, label, ha="center", va="top", fontsize=10, color="black", linespacing=1.1)


@plots.styled
def stack_diagram(rules=PILE):
    """The two-rule stack as a network: input x, two layers of one unit each, no bend, then the output (notebook 00)."""
    fig, ax = _diagram(700, 190, (-0.4, 11.6), (-1.6, 1.4), "A stack of two rules: one unit per layer, no bend")
    xs = (0.6, 4.2, 8.0)
    _node(ax, (xs[0], 0), INPUT)
    ax.text(xs[0], 0, "x", ha="center", va="center", zorder=4)
    for i, ((w, b), x) in enumerate(zip(rules, xs[1:]), start=1):
        _arrow(ax, (xs[i - 1] + 0.45, 0), (x - 0.45, 0))
        ax.text((xs[i - 1] + x) / 2, 0.15, f"× {w:g}", ha="center", va="bottom", fontsize=11)
        _node(ax, (x, 0), UNIT)
        _glyph(ax, (x, 0), bent=False)
        _layer_box(ax, x, -0.6, 0.6, f"rule {i}: + {b:g}\nno bend", -0.85)
    _arrow(ax, (xs[-1] + 0.45, 0), (10.2, 0))
    ax.text(10.35, 0, "output", ha="left", va="center", fontsize=10.5)
    fig.set_label("A chain: input x, an arrow marked × 2 into a unit in layer 1 (rule 1: + 3, no bend), an arrow "
                  "marked × 4 into a unit in layer 2 (rule 2: + 1, no bend), then the output. Each unit holds a "
                  "small straight line.")
    return fig


def bias_text(shift):
    """A unit's bias as the wide diagram writes it: 'bias +2', 'bias 0', 'bias −2'."""
    return f"bias {'+' if shift > 0 else ''}{shift + 0.0:g}".replace("-", "−")


@plots.styled
def wide_diagram(units=TENT):
    """Three bent units side by side in one hidden layer, fed x with weight 1; the output weights 1, m, 1 (notebook 00)."""
    fig, ax = _diagram(600, 390, (-0.4, 10.4), (-3.1, 4.1), "One hidden layer of three bent units")
    ys, mid = (2.8, 0.7, -1.4), 0.7
    x_in, x_u, x_out = 0.6, 4.0, 9.6

    def label(x0, y0, x1, y1, x, text, below, **kw):   # a label on the link from (x0, y0) to (x1, y1), at x
        y = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        ax.text(x, y - 0.12 if below else y + 0.12, text, ha="center", va="top" if below else "bottom", **kw)

    for xy, name, under in (((x_in, mid), "x", "input"), ((x_out, mid), "y", "output")):
        _node(ax, xy, INPUT if name == "x" else OUTPUT)
        ax.text(*xy, name, ha="center", va="center", zorder=4)
        ax.text(xy[0], mid - 0.55, under, ha="center", va="top", fontsize=10)
    for (sign, shift, _h), y, out in zip(units, ys, ("1", "m", "1")):
        below = y < mid
        ax.plot([x_in, x_u], [mid, y], color=plots.MUTED, lw=1.0, zorder=1)
        ax.plot([x_u, x_out], [y, mid], color=plots.MUTED, lw=1.0, zorder=1)
        label(x_in, mid, x_u, y, x_u - 1.9, f"× {sign:g}", below, fontsize=10.5)
        # Pass 101 (r103 Picture): "× 1", "× m", "× 1" on the links, as the text says the output multiplies them.
        label(x_u, y, x_out, mid, x_out - 1.6, f"× {out}", below, fontsize=11.5,
              fontweight="bold" if out == "m" else "normal")
        _node(ax, (x_u, y), UNIT)
        _glyph(ax, (x_u, y), bent=True)
        # Pass 101 (r103 Picture): the corner is the unit's, so it is written just under the unit, not on its link.
        ax.text(x_u, y - 0.47, f"corner at x = {-shift / sign + 0.0:g}".replace("-", "−"), ha="center", va="top",
                fontsize=9.5, zorder=3, bbox=dict(facecolor="white", edgecolor="none", pad=0.5))
        # Pass 93 (r94 Picture first): each unit's bias, the cause of its corner, written just above it.
        ax.text(x_u, y + 0.47, bias_text(shift), ha="center", va="bottom", fontsize=9.5)
    ax.add_patch(FancyBboxPatch((x_u - 1.1, -2.35), 2.2, 6.0, boxstyle="round,pad=0.1", fill=False, ls="--", lw=1.3,
                                edgecolor=UNIT))
    ax.text(x_u, -2.6, "hidden layer:\n3 bent units", ha="center", va="top", fontsize=10, color="black",
            linespacing=1.1)
    fig.set_label("Input x links, marked × 1, to each of three units in one hidden layer. Each unit holds a small "
                  "ReLU shape (flat, then up) and adds a bias: +2, 0 and −2, written above it. Under each unit is "
                  "its corner: at x = −2, 0 and 2. The links from the units to the output y are marked × 1, × m "
                  "and × 1.")
    return fig


def with_middle(units, weight):
    """The units with the middle one's weight (height) replaced: (s, c, h) → (s, c, weight)."""
    units = list(units)
    s, c, _ = units[len(units) // 2]
    units[len(units) // 2] = (s, c, float(weight))
    return units


def bent_sum(units, x):
    """The sum of bent units: each (sign, shift, height) adds height · ReLU(sign·x + shift)."""
    relu = activations.get("relu")
    x = np.asarray(x, dtype=float)
    return sum((h * np.asarray(relu(s * x + c), dtype=float) for s, c, h in units), np.zeros_like(x))


def sum_slopes(units, xlim=(-3.0, 3.0)):
    """The slopes of the bent units' sum, left to right, one per stretch between its corners in view (pass 69, r64:
    the m task's answer is read off the readout, its last slope 0 when the right side is flat)."""
    relu = activations.get("relu")
    edges = [xlim[0], *[c for c in corners(units) if xlim[0] < c < xlim[1]], xlim[1]]
    mids = [(a + b) / 2 for a, b in zip(edges[:-1], edges[1:])]
    # inside one stretch each unit is on its ramp or its flat side, so the slope is each height · sign · ReLU's slope
    return [float(sum(h * s * float(relu.derivative(s * m + c)) for s, c, h in units)) + 0.0 for m in mids]


def _unit_text(sign, shift, height):
    """'ReLU(x + 2)', '2·ReLU(x)': one unit's term, and whether it is subtracted."""
    inner = ("" if sign == 1 else "−") + "x" + (f" {'+' if shift > 0 else '−'} {abs(shift):g}" if shift else "")
    size = abs(height)
    return ("" if size == 1 else f"{size:g}·") + f"ReLU({inner})", height < 0


def pile_rule(w2, b2, rule1=PILE[0]):
    """Rule 1 (×w1 +b1), then rule 2 (×w2 +b2), as one rule: (w2·w1, w2·b1 + b2)."""
    w1, b1 = rule1
    return w2 * w1, w2 * b1 + b2


@plots.styled
def flat_pile(w2=PILE[1][0], b2=PILE[1][1]):
    """Rule 1 (×2 +3), then rule 2 with sliders: the stack stays one straight rule, drawn dashed on it (notebook 00).

    It starts at the worked rule 2 (×4 +1): the Predict asks whether changing rule 2 can make the stack bend.
    """
    x = np.linspace(-3.0, 3.0, 601)
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    (w1, b1), _ = PILE
    after1 = w1 * x + b1
    ax.plot(x, after1, color=plots.color("rule 1", 1), lw=1.6, label="rule 1: 2x + 3")
    pile = live.moving(ax.plot([], [], color="black", lw=PILE_LW, label="rule 1, then rule 2: the stack")[0])
    # Thin long dashes on the thick black line: both show, the black around and between the dashes.
    one = live.moving(ax.plot([], [], color=plots.color("gelu"), lw=DASH_LW, ls=(0, (6, 4)),
                              label="one rule (from the readout):\ndrawn on top of the stack")[0])
    # Pass 93 (r94 Picture first): the three points the text reads off the stack, as hollow dots with their values.
    read_x = np.asarray(PILE_READ_AT)
    dots = live.moving(ax.plot([], [], ls="none", marker="o", ms=7, mfc="white", mec="black", mew=1.6, zorder=6)[0])
    tags = [live.moving(ax.text(0, 0, "", ha="left", va="top", fontsize=9.5, clip_on=True, zorder=6)) for _ in read_x]
    ax.set(title="2 straight (unbent) rules in a stack", xlabel="input x", ylabel="output", xlim=(-3, 3), ylim=PILE_YLIM)
    ax.legend(loc="upper left", fontsize=9)
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    sliders = {"w2": slider("rule 2: stretch w", w2, -4.0, 4.0, 0.5), "b2": slider("rule 2: shift b", b2, -5.0, 5.0, 0.5)}
    readout = widgets.HTML()

    def update():
        wv, bv = sliders["w2"].value, sliders["b2"].value
        ys = wv * after1 + bv
        W, B = pile_rule(wv, bv)
        pile.set_data(x, ys)
        one.set_data(x, W * x + B)
        read_y = wv * (w1 * read_x + b1) + bv
        dots.set_data(read_x, read_y)
        for tag, xv, yv in zip(tags, read_x, read_y):
            tag.set_position((xv + 0.12, yv - 1.2))
            tag.set_text(f"({xv:g}, {yv:g})".replace("-", "−"))
        live.render()
        # Pass 57: the same slopes row as the bend's readout (one slope, 8 at the start: straight).
        rule2 = f"{wv:g}·(2x + 3){plots.signed_term(bv, '{:g}')}".replace("-", "−")
        one_rule = f"{W:g}x{plots.signed_term(B, '{:g}')}".replace("-", "−")
        readout.value = (f"<b>stack = {rule2} = {one_rule}</b><br>"
                         f"x = 1: rule 1 gives 5, then rule 2 gives {wv * 5 + bv:g}".replace("-", "−") + "<br>"
                         f"{SLOPES_SAYS} {said_slopes([W])}")

    on_change(sliders.values(), update)
    update()
    return LiveWidget([sliders["w2"], sliders["b2"], readout, live.image], live,
                      "Two straight rules in a stack, dots at x = 0, 1 and 2: drag rule 2's w and b "
                      "(static picture below)",
                      sliders=sliders, readout=readout, lines={"pile": pile, "one rule": one, "read points": dots},
                      texts={"read points": tags})


PIECE_COLOUR, PIECE_DASH = "#555555", (0, (4, 3))
PIECE_LABEL = "each unit alone, times its output weight"
NAME_AT = 2.95   # each dashed unit is named near the right edge, just off its line


@plots.styled
def bent_units(n=1, units=None, middle=MIDDLE_START):
    """Add bent units one at a time (0 to 3) and watch the sum get one corner per unit; a second slider sets the
    middle unit's output weight m, the number the output multiplies it by (each unit's input weight is 1) (notebook 00).

    It starts at 1 unit, one ramp with its corner circled: the Predict asks about 3, so the learner must drag. The
    middle weight opens at −1, not the tent's −2: the task after asks which weight makes the right side flat. The
    corners of the sum are circled; the readout names every unit.
    """
    units = TENT if units is None else units
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 601)
    ax.set(xlim=(-3, 3), ylim=(-3.5, 5.5), xlabel="input x", ylabel="output: the units added up",
           title="Bent units, added up one at a time")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    # Each unit alone, times its output weight: thin dashes under the thick sum (the middle one runs downhill, m < 0).
    pieces = [live.moving(ax.plot([], [], color=PIECE_COLOUR, lw=1.3, ls=PIECE_DASH,
                                  label=PIECE_LABEL if i == 0 else "_")[0]) for i in range(len(units))]
    names = [live.moving(ax.text(0, 0, f"unit {i + 1}", ha="right", fontsize=9.5, color=PIECE_COLOUR))
             for i in range(len(units))]
    total = live.moving(ax.plot([], [], color=plots.color("relu"), lw=2.6, label="all the bent units, added up")[0])
    marks = live.moving(ax.plot([], [], "o", mfc="white", mec="black", mew=2, ms=9, zorder=4,
                                label="a corner (circled)")[0])
    legend_lists_pieces = [None]

    def legend(k):
        """The dashes are listed only from 2 units: at 1 the lone piece is the sum itself, hidden under it (r40)."""
        if legend_lists_pieces[0] != (k >= 2):
            pieces[0].set_label(PIECE_LABEL if k >= 2 else "_")
            ax.legend(loc="upper left", fontsize=9)
            legend_lists_pieces[0] = k >= 2
            live.invalidate()

    sliders = {"units": widgets.IntSlider(value=n, min=0, max=len(units), description="bent units",
                                          continuous_update=True, style={"description_width": "initial"},
                                          layout=widgets.Layout(width="420px")),
               "middle": slider("middle unit's output weight m", middle, *MIDDLE_RANGE, fmt=".1f")}
    readout = widgets.HTML()

    def update():
        k = sliders["units"].value
        used = with_middle(units, sliders["middle"].value)[:k]
        for i, piece in enumerate(pieces):
            piece.set_data(x, bent_sum(used[i:i + 1], x))
            piece.set_visible(i < k)
            # named at its right end, or where it leaves the picture (a steep downhill unit)
            ys = bent_sum(used[i:i + 1], x) if i < k else np.zeros_like(x)
            j = np.flatnonzero((x <= NAME_AT) & (ys > ax.get_ylim()[0] + 0.3) & (ys < ax.get_ylim()[1] - 0.3))[-1]
            end = float(ys[j])
            names[i].set_position((float(x[j]), end + (0.15 if end >= 0 else -0.15)))
            names[i].set_va("bottom" if end >= 0 else "top")
            names[i].set_visible(i < k and k >= 2)   # r52: named only when the dashes show (and the legend lists them)
        total.set_data(x, bent_sum(used, x))
        legend(k)
        cx = np.asarray(corners(used), dtype=float) if k else np.array([])
        marks.set_data(cx, bent_sum(used, cx))
        marks.set_visible(bool(k))
        live.render()
        terms = [_unit_text(*u) for u in used]
        formula = "".join(((" − " if neg else " + ") if i else ("−" if neg else "")) + t
                          for i, (t, neg) in enumerate(terms)) or "0 (no units yet: a flat line)"
        where = ", ".join(f"x = {v + 0.0:g}".replace("-", "−") for v in cx) or "none"
        readout.value = (f"<b>{k} bent unit{'' if k == 1 else 's'}</b>: output = {formula}<br>"
                         f"corners: <b>{len(cx)}</b> ({where})<br>"
                         f"{SLOPES_SAYS} {said_slopes(sum_slopes(used))}")

    on_change(sliders.values(), update)
    update()
    return LiveWidget([sliders["units"], sliders["middle"], readout, live.image], live,
                      "Bent units added up: drag the number of units and the middle output weight m (static picture below)",
                      sliders=sliders, readout=readout,
                      lines={"total": total, "corners": marks, **{f"unit {i + 1}": p for i, p in enumerate(pieces)}})


# The timeline's "stall": from the start of the decade it was explained in (the text says "the 1990s"; the 1991
# analysis itself is not told), fading from layer-by-layer pre-training to the year ReLU's era starts (all three
# from the history facts).
STALL = (next(e.year for e in history.EVENTS if e.citation.startswith("Hochreiter")) // 10 * 10,
         next(e.year for e in history.EVENTS if "pre-training" in e.label), history.ERAS["relu"][1])


STALL_LABEL = "deep nets hard to train"

# The bent-units folds' rows: 1, 2, 3 units at the slider's opening middle weight (the corner count), then the tent
# (middle weight −2: the task's answer, in a fold of its own so that checking the count does not give it away).
CHECK_ROW = ((1, MIDDLE_START), (2, MIDDLE_START), (3, MIDDLE_START))
TENT_ROW = ((3, TENT[1][2]),)
PANEL_PX = (220, 230)   # one still, in pixels (each row is shown at its own width in its fold)
# Pass 83 (r81 Picture): a legend under the stills names the thick line, the dashes and the circles, as the slider's
# does: in one row under a wide row of stills, one entry a line under a lone still.
ROW_KEYS = ("the units added up", PIECE_LABEL, "a corner")
KEY_PX = (28, 120)   # the legend's room: one line under a wide row; three entries (one on two lines) under a lone still


def row_px(row):
    """The width and height, in pixels, of a row of stills: one panel each (a lone panel gets room for the y label,
    which a wider row takes from its panels' slack: at equal scale a wider figure would clip the titles), and room
    under them for the legend (one line of it under a wide row, three under a lone still)."""
    return PANEL_PX[0] * len(row) + (40 if len(row) == 1 else 0), PANEL_PX[1] + KEY_PX[len(row) == 1]


@plots.styled
def bent_units_row(row=CHECK_ROW, units=None):
    """Small still pictures side by side, one per (number of units, middle weight), corners circled; each title counts
    the corners, or names the tent (the answer folds after the bent-units slider)."""
    units = TENT if units is None else units
    fig, axes = plots.new_figure(*row_px(row), 1, len(row), sharey=True)
    x = np.linspace(-3.0, 3.0, 601)
    for ax, (k, middle) in zip(np.atleast_1d(axes), row):
        used = with_middle(units, middle)[:k]
        for i in range(k):   # each unit alone, thin dashes under the sum, as on the slider
            ax.plot(x, bent_sum(used[i:i + 1], x), color=PIECE_COLOUR, lw=1.1, ls=PIECE_DASH)
        ax.plot(x, bent_sum(used, x), color=plots.color("relu"), lw=2.4)
        cx = np.asarray(corners(used), dtype=float)
        ax.plot(cx, bent_sum(used, cx), "o", mfc="white", mec="black", mew=2, ms=8, zorder=4)
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        tent = middle == TENT[1][2] and k == len(units)
        title = f"m = {middle:g}: tent" if tent else \
            f"{k} unit{'' if k == 1 else 's'}: {len(cx)} corner{'' if len(cx) == 1 else 's'}"
        ax.set(xlim=(-3, 3), ylim=(-1.5, 3.5), xticks=[-2, 0, 2], xlabel="input x")
        ax.set_aspect("equal")  # one unit as long on both axes: slope 1 climbs at 45°, so slopes can be counted
        ax.set_title(title.replace("-", "−"), fontsize=10.5)
    np.atleast_1d(axes)[0].set_ylabel("the units added up")
    n = len(row)
    handles = (Line2D([], [], color=plots.color("relu"), lw=2.4), Line2D([], [], color=PIECE_COLOUR, lw=1.1, ls=PIECE_DASH),
               Line2D([], [], ls="", marker="o", mfc="white", mec="black", mew=2, ms=8))
    keys = ROW_KEYS if n > 1 else [k.replace(", ", ",\n") for k in ROW_KEYS]   # a lone still is narrow: two lines
    fig.legend(handles, keys, loc="outside lower center", ncol=3 if n > 1 else 1, fontsize=9)
    fig.set_label((f"{NUMBER_WORDS[n]} small pictures of bent units added up, corners circled: " if n > 1 else
                   "Bent units added up, corners circled: ") +
                  "; ".join(ax.get_title() for ax in np.atleast_1d(axes)) + f". Dashes: {PIECE_LABEL}.")
    return fig


NUMBER_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four"}


def _fold(summary, paragraphs, row):
    """One answer fold: its paragraphs (one sentence a line, so short lines never wrap mid-word; a blank line between
    paragraphs), then its row of stills at the row's own width."""
    lines = [line.replace("-", "−") for p in paragraphs for line in p + [""]][:-1]
    fig = bent_units_row(row)
    return tables.FoldedRows(summary, lines, tables.image(display.figure_png(fig), display.figure_alt(fig), row_px(row)[0]))


# Pass 60 (r54): the cancelling corners shown, not only said: ReLU(x) has slopes 0 then 1 at x = 0, −ReLU(−x) has 1
# then 0 there, so their sum climbs 1 on both sides (tests check it on the units).
CANCEL_UNITS = [(1.0, 0.0, 1.0), (-1.0, 0.0, -1.0)]   # (sign, shift, output weight): ReLU(x) − ReLU(−x)
# Pass 65 (r59): the example's ReLU(−x) is the flipped unit the learner met in the question after the bend slider
# (every unit on this slider has input weight 1), so the fold points back to it.
# Pass 80 (r75 Clarity): the two exceptions, with this example, in an optional fold of their own after the check's
# stills (pass 90: after the check, no longer inside it): the check itself answers the Predict and counts the corners.
CORNER_EXCEPTIONS = ["Adding units up keeps every corner, with two exceptions.",
                     "A unit whose own weight or output weight is 0 adds no corner.",
                     "Two corners at the same x can cancel out.",
                     "For example, take ReLU(-x): the flipped unit, from the question after the bend slider.",
                     "ReLU(x) - ReLU(-x) is just x: a straight line."]
MORE_SUMMARY = "More (optional): when a corner is lost"


class _FoldWithMore(tables.FoldedRows):
    """An answer fold, then an optional fold of its own after it, both closed (plain text: both, for nbval).
    Pass 90 (r91 Focus): the optional fold sat inside the answer; now it follows it."""

    def __init__(self, fold, more_summary, more_lines):
        super().__init__(fold.summary, fold.lines, fold.picture)
        self.more = tables.FoldedRows(more_summary, [line.replace("-", "−") for line in more_lines])

    def __repr__(self):
        return super().__repr__() + "\n\n" + repr(self.more)

    def _repr_html_(self):
        main = tables.FoldedRows(self.summary, self.lines, self.picture)._repr_html_()
        return main + self.more._repr_html_()


# Pass 71 (r66 Interaction): the Predict asks what 2 units at the opening m do right of x = 0 (the corners were listed
# above it, so counting them was no prediction): flat, unit 2's fall cancelling unit 1's climb.
PREDICT_UNITS = 2


def two_unit_right_slope(middle=MIDDLE_START):
    """The slope right of x = 0 of the first PREDICT_UNITS units at the middle weight: each on its ramp there."""
    return sum_slopes(with_middle(TENT, middle)[:PREDICT_UNITS])[-1]


def bent_units_check():
    """The fold after the bent-units slider: what 2 units do right of x = 0 (the Predict), then the corners, with the
    stills of 1, 2 and 3 units; every number read from the units themselves; then, folded, when a corner is lost. The
    task's answer has a fold of its own (bent_units_task_check)."""
    three = [v + 0.0 for v in corners(with_middle(TENT, MIDDLE_START))]  # + 0.0: no "−0"
    where = ", ".join(f"{v:g}" for v in three[:-1]) + f" and {three[-1]:g}"
    climb = [s * h for s, _c, h in with_middle(TENT, MIDDLE_START)[:PREDICT_UNITS]]
    flat = "Flat." if two_unit_right_slope() == 0 else f"Slope {two_unit_right_slope():g}."
    return _FoldWithMore(_fold("Check your prediction", [
        [flat,
         f"Right of x = 0, unit 1 climbs {climb[0]:g} per step.",
         f"Unit 2, times its weight {MIDDLE_START:g}, falls {-climb[1]:g} per step: they cancel.",
         "A common wrong answer: \"it climbs, as unit 1 does.\"",
         "In fact, unit 2 runs downhill just as fast."],
        [f"With 3 units: {NUMBER_WORDS[len(three)].lower()} corners, at x = {where}.",
         "Each bent unit usually adds one corner, at the x where its z is 0."],
    ], CHECK_ROW), MORE_SUMMARY, CORNER_EXCEPTIONS)


def bent_units_task_check():
    """The fold after the task: the middle output weight that makes the right side flat, with the tent's still."""
    right = corners(TENT)[-1] + 0.0
    slopes = [s * h for s, _c, h in TENT]  # right of every corner, each unit climbs at sign × height
    flat = " + ".join(f"({v:g})" if v < 0 else f"{v:g}" for v in slopes) + f" = {sum(slopes):g}"
    return _fold("Check your answer", [
        [f"Right of x = {right:g}, all three units are on their ramps.",
         f"Count their slopes there: {slopes[0]:g} + m + {slopes[2]:g} = 0 makes it flat.",
         f"So the middle output weight is m = {TENT[1][2]:g}: {flat}.",
         "Now the sum is a tent (the picture below): flat, up, down, flat."],
    ], TENT_ROW)


# Pass 73 (r70 Picture, the reader's first change): "any graph without jumps" drawn. A wavy curve and the sum of
# WAVY_UNITS bent units ReLU(x - corner), each corner on the curve, plus the output's bias: between its corners the
# sum is straight, so it is a zig-zag through the corner points that stays near the curve (within WAVY_NEAR).
WAVY_XLIM, WAVY_UNITS, WAVY_NEAR = (-3.0, 3.0), 6, 0.3


def wavy(x):
    """The smooth curve the bent units follow: 1.5·sin(1.2x + 0.5) + 0.3x (shifted off 0, so no three of the corner
    points lie on one line: every unit's corner shows)."""
    x = np.asarray(x, dtype=float)
    return 1.5 * np.sin(1.2 * x + 0.5) + 0.3 * x


def wavy_corners(n=WAVY_UNITS, xlim=WAVY_XLIM):
    """The n corners, evenly spaced from the left end, and the right end: n + 1 points where the zig-zag meets the curve."""
    return np.linspace(*xlim, n + 1)


def wavy_units(n=WAVY_UNITS, xlim=WAVY_XLIM):
    """The output's bias and the n bent units (sign 1, shift −corner, output weight) whose sum joins the curve's points
    with straight pieces: each unit's output weight is the change of slope at its corner (the first: the first slope)."""
    at = wavy_corners(n, xlim)
    slopes = np.diff(wavy(at)) / np.diff(at)
    weights = np.diff(slopes, prepend=0.0)
    return float(wavy(at[0])), [(1.0, float(-c), float(h)) for c, h in zip(at[:-1], weights)]


def wavy_zigzag(x, n=WAVY_UNITS):
    """The sum of the bent units plus the output's bias, at x."""
    bias, units = wavy_units(n)
    return bias + bent_sum(units, x)


@plots.styled
def wavy_fit_picture(n=WAVY_UNITS):
    """A wavy curve and the zig-zag of n bent units added up, its corners circled (notebook 00, after the tent)."""
    fig, ax = plots.new_figure(640, 330)
    # Session 31 (r71): only a sliver left of the first corner, where one flat piece cannot follow the curve.
    x = np.linspace(WAVY_XLIM[0] - 0.15, WAVY_XLIM[1], 721)
    at = wavy_corners(n)
    ax.plot(x, wavy(x), color="black", lw=1.4, ls=(0, (5, 3)), label="a smooth wavy curve")
    ax.plot(x, wavy_zigzag(x, n), color=plots.color("relu"), lw=2.6,
            label=f"{n} bent units, added up: straight pieces")
    ax.plot(at[:-1], wavy(at[:-1]), "o", mfc="white", mec=plots.color("relu"), mew=2, ms=8, label="a corner (one per unit)")
    ax.axhline(0, color="black", lw=0.8)
    ax.set(xlim=(x[0], x[-1]), ylim=(-2.6, 2.9), xlabel="input x", ylabel="output",
           title=f"{n} bent units follow a curve, corner to corner")
    ax.legend(loc="upper left", fontsize=9)
    gap = float(np.max(np.abs(wavy_zigzag(x[x >= at[0]], n) - wavy(x[x >= at[0]]))))
    fig.set_label(f"A smooth wavy curve (dashed) and, on it, a solid zig-zag of {n} straight pieces: the sum of {n} "
                  f"bent units, one corner each (circled), at x = {', '.join(f'{c:g}' for c in at[:-1])}. "
                  f"From x = {at[0]:g} on, the zig-zag is never more than {gap:.2f} from the curve.")
    return fig


# The four bends the history names, on one shared pair of axes: the two S-curves of the 1980s, ReLU, and GELU, ReLU
# with its corner rounded off. Each is named in words at its right end, where the four lie apart.
BENDS_SHOWN = ("sigmoid", "tanh", "relu", "gelu")
BENDS_XLIM, BENDS_YLIM = (-4.0, 4.0), (-1.5, 4.0)
# Sigmoid's steepest point, marked on the picture: a short tangent at x = 0, whose steepness is the bend's own slope
# there (0.25, the most any sigmoid passes back: the history's fading signal).
# Pass 45 (r40): a dot marks the touch point and the arrow ends on it; the tangent is short enough (±0.5) to stay off
# the ReLU, GELU and tanh curves (ReLU meets the full tangent line at x = 2/3).
STEEPEST_AT, TANGENT_HALF = 0.0, 0.5
# r44 Picture 3: the tangent reaches further left, where the curves leave room (right of 0.5 it would meet ReLU).
TANGENT_LEFT = 1.5
BENDS_WORDS = {"sigmoid": "sigmoid: S-curve, 0 to 1", "tanh": "tanh: S-curve, −1 to 1",
               "relu": "ReLU: a corner at 0", "gelu": "GELU: ReLU's corner rounded off"}


@plots.styled
def bends_picture(names=BENDS_SHOWN):
    """Sigmoid, tanh, ReLU and GELU on one shared pair of axes, each named in words (notebook 00, the history)."""
    fig, ax = plots.new_figure(560, 340)
    x = np.linspace(*BENDS_XLIM, 321)
    for i, name in enumerate(names):
        style = plots.line_style(name, i)
        ax.plot(x, plots.curve(name, x), color=plots.color(name, i), lw=2.2, label=BENDS_WORDS[name], **style)
    sigmoid = activations.get("sigmoid")
    x0 = STEEPEST_AT
    y0, slope = float(sigmoid(np.array([x0]))[0]), float(sigmoid.derivative(np.array([x0]))[0])
    tx = np.array([x0 - TANGENT_LEFT, x0 + TANGENT_HALF])
    ax.plot(tx, y0 + slope * (tx - x0), color="black", lw=2.6, solid_capstyle="round", zorder=5,
            label="_tangent")
    ax.plot([x0], [y0], "o", color="black", ms=6, zorder=6, label="_steepest")  # the touch point the arrow names
    ax.annotate(f"sigmoid's steepest point:\nslope {slope:.2g}", xy=(x0, y0), xytext=(-3.9, 1.0), fontsize=9.5,
                ha="left", va="center", arrowprops=dict(arrowstyle="->", color="black", lw=1.0, shrinkB=4))
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set(xlim=BENDS_XLIM, ylim=BENDS_YLIM, xlabel="input (before the bend)", ylabel="output (after the bend)",
           title="Four bends on the same axes")
    ax.legend(loc="upper left", fontsize=9.5)
    fig.set_label("Four bends drawn on the same axes, input from −4 to 4, output from −1.5 to 4. "
                  "Sigmoid is an S-curve rising from 0 to 1; tanh is an S-curve from −1 to 1. "
                  "ReLU is flat at 0 on the left and climbs with a corner at 0. "
                  "GELU follows ReLU, but with the corner rounded off and a small dip below 0 on the left. "
                  f"A black dot marks sigmoid at input {x0:g}, output {y0:g}, its steepest point; "
                  f"a thick black line touches it there: slope {slope:.2g}.")
    return fig


# The fading signal, as bars (notebook 00, the history): the share of the learning signal left after n bends on the
# way back, every weight set to 1 (the bends alone). Each bend multiplies it by its steepness: sigmoid at its steepest 0.25 (0.25**n),
# ReLU on its ramp 1, on its flat side 0. Pass 77 (r73 Picture 2): the decimals (0.0000038, 0.00000095) did not read
# at a glance, so the height axis is logarithmic (each step down a bar is the same quarter), ticked in plain words
# ("1 in 1,000", "1 in a million"), and each sigmoid bar is labelled as a fraction: 1/4, 1/16, ... 1/1,048,576. A log
# axis has no 0, so the flat side's crosses sit on the floor line, ticked "0 (none)".
FADE_LAYERS = tuple(range(1, 11))
FADE_TITLE = "The learning signal, going back through bends (every weight set to 1)"
FADE_FLOOR = 1e-7                 # the log axis's floor: where the bars start and the flat side's crosses (0) sit
FADE_LABELLED = (1, 2, 5, 10)     # bars labelled with their fraction: a quarter, then a quarter of that, then the
                                  # two that cross a grid line (r78 Focus: all ten fractions were a wall of digits)
FADE_TICKS = {1.0: "all of it", 1e-3: "1 in 1,000", 1e-6: "1 in a million", FADE_FLOOR: "0 (none)"}


def grid_step():
    """How many times smaller each grid line of the fading bars is than the one above (1,000): read from FADE_TICKS,
    so the words and the alt text follow the ticks (code review: it was typed beside them)."""
    grid = sorted((v for v in FADE_TICKS if v > FADE_FLOOR), reverse=True)
    steps = {round(a / b) for a, b in zip(grid, grid[1:])}
    if len(steps) != 1:
        raise ValueError(f"the grid lines are not evenly spaced on the log axis: {grid}")
    return steps.pop()


fade_fraction = printing.one_in   # a share as "1/N": 0.25 ** 10 -> "1/1,048,576"


def fade_factors():
    """Each bend's steepness, read from the registry: sigmoid at its steepest (0), ReLU on its ramp and its flat side."""
    sigmoid, relu = activations.get("sigmoid"), activations.get("relu")
    return {"sigmoid": float(sigmoid.derivative(np.array([STEEPEST_AT]))[0]),
            "ramp": float(relu.derivative(np.array([1.0]))[0]), "flat": float(relu.derivative(np.array([-1.0]))[0])}


@plots.styled
def fading_signal_picture(layers=FADE_LAYERS):
    """Bars on a log axis: the share of the learning signal left after 1..10 bends, sigmoid at its steepest (labelled
    1/4, 1/16, ...) beside ReLU on its ramp; crosses on the floor (0) for ReLU on its flat side (notebook 00)."""
    k = fade_factors()
    n = np.asarray(layers, dtype=float)
    fig, ax = plots.new_figure(720, 360)
    width = 0.3
    ramp = k["ramp"] ** n
    ax.bar(n - width, ramp - FADE_FLOOR, width, bottom=FADE_FLOOR, color=plots.color("relu"), alpha=0.55, hatch="//",
           edgecolor="black", lw=0.8, label=f"ReLU on its ramp: ×{k['ramp']:g} per bend")
    sig = k["sigmoid"] ** n
    ax.bar(n, sig - FADE_FLOOR, width, bottom=FADE_FLOOR, color=plots.color("sigmoid"), edgecolor="black", lw=0.8,
           label=f"sigmoid at its steepest: ×{k['sigmoid']:g} (a quarter) per bend")
    flat = k["flat"] ** n
    ax.plot(n + width, np.maximum(flat, FADE_FLOOR), "X", color="black", ms=8, ls="none", zorder=4, clip_on=False,
            label=f"ReLU on its flat side: ×{k['flat']:g}, nothing left")
    for x, v in zip(n, sig):   # a few bars' shares as fractions, upright just above them (r78: ten read as a wall)
        if int(x) in FADE_LABELLED:
            ax.text(x, v * 1.5, fade_fraction(v), ha="center", va="bottom", rotation=90, fontsize=9.5, gid="fraction")
    ax.set_yscale("log")
    ax.set(xlim=(0.4, n[-1] + 0.6), ylim=(FADE_FLOOR, 300), xticks=n, xlabel="bends passed on the way back",
           ylabel="share of the signal left", title=FADE_TITLE)
    ax.set_yticks(list(FADE_TICKS), list(FADE_TICKS.values()))
    ax.yaxis.set_minor_locator(NullLocator())
    marks = [v for v in FADE_TICKS if FADE_FLOOR < v < 1]   # the grid lines "1 in 1,000" and "1 in a million"
    for v in marks:
        ax.axhline(v, color=plots.MUTED, lw=0.8, ls=":", zorder=0)
    # Pass 80 (r75 Picture): a log axis has no 0, so a break (two slashes on the left edge) sits between the floor's
    # "0 (none)" and "1 in a million": the step down to 0 is not one more grid step.
    at = np.sqrt(FADE_FLOOR * min(marks))   # halfway between the two, on the log scale
    edge = ax.get_yaxis_transform()          # x in axes units (0 = the left edge), y in data units
    ax.plot([-0.012, 0.012], [at, at], color="white", lw=6, transform=edge, clip_on=False, zorder=5, gid="axis break")
    for dy in (0.8, 1.25):
        ax.plot([-0.012, 0.012], [at / dy / 1.3, at / dy * 1.3], color="black", lw=1.0, transform=edge,
                clip_on=False, zorder=6, gid="axis break")
    first_below = "; ".join(f"bar {next(int(x) for x, share in zip(n, sig) if share < v)} is below {FADE_TICKS[v]}"
                            for v in marks if min(sig) < v)
    handles, labels = ax.get_legend_handles_labels()
    order = [1, 2, 0]   # ramp, sigmoid, then the flat side's crosses
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper right", fontsize=9.5, ncol=2,
              handlelength=1.6, columnspacing=1.0)
    fig.set_label(f"Bar chart on a log scale: the share of the learning signal left after 1 to {len(n)} bends on the "
                  f"way back. The height axis is marked all of it, 1 in 1,000 and 1 in a million. ReLU on its ramp "
                  f"keeps all of it: every hatched bar stands at {k['ramp']:g}. Sigmoid at its steepest keeps a quarter "
                  f"per bend, so its bars step down evenly: "
                  + ", ".join(fade_fraction(v) for v in sig)
                  + f" (bars {', '.join(str(b) for b in FADE_LABELLED[:-1])} and {FADE_LABELLED[-1]} carry their fraction)"
                  + f". {first_below[0].upper() + first_below[1:]}. Each grid line down is {grid_step():,} times smaller. A "
                  "break on the height axis sits above the floor, marked 0: crosses there show ReLU on its flat side: "
                  "nothing gets back.")
    return fig


# The timeline labels only these years (layer-at-a-time training, ReLU helping deep nets, the first transformer on
# ReLU, GELU in transformers); the eras and the stall give the rest of the story. Pass 60 (r54 Picture): AlexNet's
# 2012 and GELU's proposal (2016, with its dashed box) left the picture for the text, which says both. Pass 74 (r71
# Picture): AlexNet's 2012 back on the picture, on the high row beside 2011, as the text walks along the timeline.
ALEXNET = next(e.year for e in history.EVENTS if "AlexNet" in e.label)
TIMELINE_YEARS = (2006, 2011, ALEXNET, history.FIRST_TRANSFORMER.year, history.GELU_IN_TRANSFORMERS)
# Those years' events, less Swish (2017, a bend the chapter never names): the first transformer has that year's pin.
TIMELINE_EVENTS = [e for e in history.EVENTS if e.year in TIMELINE_YEARS and e.activation in ("", "gelu")]
# The chapter's own plain labels where the facts' labels name what the text does not (authors).
TIMELINE_LABELS = {2006: "deep nets trained\none layer at a time",
                   2011: "ReLU helps deep nets",   # pass 69 (r64): "(ReLU itself is older)" gave no date
                   ALEXNET: "a ReLU network wins\na photo contest:\nReLU spreads",   # the text's words
                   history.GELU_IN_TRANSFORMERS: "the transformers\nnamed GPT and BERT\nadopt GELU"}


# The timeline's lanes, one per family of bends (bottom, top): ReLU on top, so its pins rise through no other lane; the
# S-curves in the middle, their 2006 pin rising where ReLU's lane has not begun; GELU below, its pins going down. The
# S-curve lane fades from the end of its era on to today: still used, no longer the usual bend.
LANES = {"relu": (0.5, 1.3), "squash": (-0.4, 0.4), "smooth": (-1.3, -0.5)}
# Where each pin's label sits: (height, alignment). Above: 2006 on a low row, leaning left; 2011 on a high row;
# 2017 (the first transformer, on ReLU) on the low row, leaning right. Below: GELU's 2018, right of the stall's bar.
TIMELINE_PLACE = {2006: (1.8, "right"), 2011: (3.5, "right"), ALEXNET: (3.5, "left"), 2017: (1.8, "left"),
                  2018: (-2.0, "left")}
TIMELINE_PX = (860, 470)


def _fading_band(ax, start, end, lo, hi, colour, alpha=(0.3, 0.08), steps=12):
    """A band from start to end whose colour pales step by step (a thing still there, no longer the main one)."""
    edges = np.linspace(start, end, steps + 1)
    for a, b, al in zip(edges[:-1], edges[1:], np.linspace(*alpha, steps)):
        ax.fill_between([a, b], lo, hi, color=colour, alpha=float(al), lw=0)


@plots.styled
def history_timeline(events=None):
    """The story of the bend on one time axis: the S-curve era, the stall, ReLU, the smooth bends (notebook 00).

    One lane per family. The ReLU and smooth lanes run on to the right edge with an arrow: both are in use today; the
    S-curve lane fades on to today after its era, named with what sigmoid and tanh still do. By default only the
    events of TIMELINE_YEARS get a label.
    """
    events = TIMELINE_EVENTS if events is None else events
    fig, ax = plots.new_figure(*TIMELINE_PX)
    era_colour = {"squash": plots.color("sigmoid"), "relu": plots.color("relu"), "smooth": plots.color("gelu")}
    bottom = min(lo for lo, _hi in LANES.values())
    for key, (name, start, end) in history.ERAS.items():
        lo, hi = LANES[key]
        mid = (lo + hi) / 2
        ax.fill_between([start, end], lo, hi, color=era_colour[key], alpha=0.3, lw=0)
        ongoing = end >= history.TODAY
        if ongoing:
            ax.annotate("", (end + 0.9, mid), (end - 0.2, mid),
                        arrowprops=dict(arrowstyle="-|>", color=era_colour[key], lw=1.5))
        if key == "smooth":  # "GELU in transformers" on the band, from the year they took it up
            bend, users = name.split(": ")
            label = ax.text(start + 0.3, mid, bend, ha="left", va="center", fontsize=8.5, fontweight="bold")
            # two lines, so "in many transformers" stays inside the band (it starts late: 2018)
            ax.annotate(f" in {users}".replace(" transformers", "\n transformers"), xycoords=label, xy=(1, 0.5),
                        va="center", fontsize=8, linespacing=0.95)
        else:
            ax.text(start + 0.4 if ongoing else (start + end) / 2, mid, name,
                    ha="left" if ongoing else "center", va="center", fontsize=8.5, fontweight="bold")
        if key in history.STILL_USED:  # over: the band pales on to today, and says what is left
            _fading_band(ax, end, history.TODAY, lo, hi, era_colour[key])
            ax.text(end + 1.6, mid, history.STILL_USED[key], ha="left", va="center", fontsize=9, style="italic")
    for i, e in enumerate(events):
        h, ha = TIMELINE_PLACE.get(e.year, ((2.0, -2.0)[i % 2], "center"))
        colour = era_colour[e.era]
        lo, hi = LANES[e.era]  # the pin leaves its own lane (crossing a pale lane on its way, if it must)
        ax.plot([e.year, e.year], [hi if h > 0 else lo, h * 0.93], color=colour, lw=1.2)
        ax.plot(e.year, h * 0.93, "o", color=colour, ms=6)
        # r47 Picture: the high row (2011) leans away from its own pin.
        nudge = {"right": 0.4, "left": -0.4, "center": 0.0}[ha] * (-1 if h > 3 else 1)
        ax.text(e.year + nudge, h, f"{e.year}\n{TIMELINE_LABELS.get(e.year, e.label)}", ha=ha,
                va="bottom" if h > 0 else "top", fontsize=9.5, linespacing=1.1)
    # The stall: in the 1990s and 2000s, deep stacks of S-curves learned slowly (the text names it). It fades from
    # 2006 (layer-by-layer pre-training) to ReLU: a solid bar, then a line that pales step by step.
    first, fade, last = STALL
    y = bottom - 0.3
    ax.annotate("", (first, y), (fade, y), arrowprops=dict(arrowstyle="|-|, widthA=0", color="black", lw=1.4,
                                                          shrinkA=0, shrinkB=0))
    edges = np.linspace(fade, last, 9)
    ax.add_collection(LineCollection([[(a, y), (b, y)] for a, b in zip(edges[:-1], edges[1:])],
                                     colors=[(0, 0, 0, a) for a in np.linspace(0.85, 0.1, 8)], linewidths=1.4,
                                     label="the stall fading"))
    # The label says what the bar is: deep nets were hard to train.
    ax.text((first + fade) / 2, y - 0.16, STALL_LABEL, ha="center", va="top", fontsize=10, fontweight="bold",
            bbox=dict(facecolor="white", edgecolor="none", pad=0.5), zorder=3)
    ax.set(xlim=(1983, history.TODAY + 2), ylim=(-3.4, 5.6), yticks=[], xlabel="year")
    ax.spines["left"].set_visible(False)
    ax.grid(False)
    ax.set_title("A short history of the bend")
    lanes = []
    for key, (name, start, end) in history.ERAS.items():
        after = f", then fading on to today: {history.STILL_USED[key]}" if key in history.STILL_USED else ""
        lanes.append(f"{name}, {start} to {'today' if end >= history.TODAY else end}{after}")
    pins = [f"{e.year}: {TIMELINE_LABELS.get(e.year, e.label)}".replace("\n", " ") for e in events]
    fig.set_label("Timeline of the bend, one lane per family: " + "; ".join(lanes) + ". Pins: " + "; ".join(pins) +
                  f". A bar below: {STALL_LABEL}, from {first}, fading out from {fade} to {last}.")
    return fig


# The hill for one weight: how wrong the network is (height) against the weight's value (where you stand). A bowl,
# lowest at HILL_BOTTOM; the dot stands right of it, where the ground climbs to the right (a positive slope).
# Pass 52: the dot at 3, where the slope is a whole number (2), for the worked step before the rule.
HILL_BOTTOM, HILL_DOT = 1.0, 3.0
# Pass 88c (r88 Clarity/Correctness): the valley's height at its bottom; the text gives the whole formula,
# ½(weight − 1)² + 0.3, so "hill slope = weight minus 1" comes from somewhere the learner can see.
HILL_FLOOR = 0.3
# r47 Picture: the hill picture and the stepper share one scale, so the bowl looks the same in both. Up to 5 high:
# a too-big rate's first two jumps (2.2: 3 -> -1.4 -> 3.88) still land on the picture.
HILL_XLIM, HILL_YLIM = (-2.0, 4.0), (-0.5, 5.0)
HILL_RUN = 1.0  # the rise-over-run triangle's run: one step right, so its rise is the slope itself
HILL_CAPTION = "where you stand = the weight's value; height = how wrong the network is"
# Pass 88 (r87 Picture): shorter, so it fits inside the picture (it ran to the right edge); the axes name the rest.
HILL_TITLE = "The valley for one weight: height is how wrong"
# p116 (r115 Picture first): the first look at the valley is calm: the dot, its dashed hill slope and the triangle.
# The touching lines at weights 1 and 2 (pass 102) and the stepping arrow went: the text derives the slopes at 1 and
# 2 from the code's numbers, and the step is taught two cells later.


_minus = printing.true_minus   # a number as the text prints it: −1.6


def hill(w):
    """How wrong the network is for one weight's value w, in the hill picture: a bowl (notebook 00)."""
    return 0.5 * (np.asarray(w, dtype=float) - HILL_BOTTOM) ** 2 + HILL_FLOOR


def hill_slope(w):
    """The hill's slope at w: how fast the wrongness grows as w moves up (positive: uphill to the right)."""
    return np.asarray(w, dtype=float) - HILL_BOTTOM


# Along the bottom: a double arrow from the bowl's bottom to where you stand, as long as the hill slope there.
HILL_GAP_Y, HILL_GAP_NOTE = -0.3, "you stand {gap:g} right of the bottom"


def _bowl(ax, fn, slope_fn, bottom, dot, xlim, ylim, gap_note, gap_y=-0.3, least_ha="center", least_dx=0.05,
          run=HILL_RUN, xticks=None):
    """The bowl, the dot, the dashed hill slope with its rise-over-run triangle (`run` steps right), "least wrong" and,
    if gap_note is given, the double arrow from the bottom to the dot (shared by the weight's hill, the output's and
    our weight's, notebook 00). Offsets along x scale with the panel's width (6 for the first two). Returns (dot's
    height, slope)."""
    sx = (xlim[1] - xlim[0]) / 6
    w = np.linspace(*xlim, 201)
    ax.plot(w, fn(w), color=plots.ACCENT, lw=2.4, label="how wrong, for each value of the weight")
    y0, k = float(fn(dot)), float(slope_fn(dot))
    t = np.array([-run - 0.15 * sx, 0.55 * sx])
    ax.plot(dot + t, y0 + k * t, color="black", lw=1.4, ls="--",
            label=f"the hill slope where you stand: {k:g} (up to the right)")
    ax.plot([dot], [y0], "o", color="black", ms=9, zorder=4, label="where you stand now")
    # Rise over run, under the slope line: `run` steps right of its foot, the line climbs k × run (read it off the ticks).
    rise = round(k * run, 6)
    foot = (dot - run, y0 - rise)
    ax.plot([foot[0], dot, dot], [foot[1], foot[1], y0], color="black", lw=1.0, gid="rise over run")
    ax.text(dot - run / 2, foot[1] - 0.06, f"{run:g} step right", ha="center", va="top", fontsize=9.5)
    ax.text(dot + 0.06 * sx, (foot[1] + y0) / 2, f"{rise:g} up", ha="left", va="center", fontsize=9.5)
    ax.text(bottom - (least_dx * sx if least_ha == "right" else 0), float(fn(bottom)) - 0.12, "least wrong",
            ha=least_ha, va="top", fontsize=10)
    if gap_note is not None:
        # Pass 68 (r63 item 1): the bowl's rule shown, not only said: the hill slope is how far right of the bottom you
        # stand.
        _arrow(ax, (bottom, gap_y), (dot, gap_y), arrowstyle="<|-|>", lw=1.0, gid="right of the bottom")
        ax.text(bottom - 0.08 * sx, gap_y, gap_note.format(gap=dot - bottom), ha="right", va="center", fontsize=9.5)
    ax.set(xlim=xlim, ylim=ylim, xticks=np.arange(xlim[0], xlim[1] + 1) if xticks is None else xticks,
           yticks=np.arange(0, ylim[1] + 1))
    return y0, k


@plots.styled
def hill_picture():
    """The walk downhill in fog, for one weight: its value along the bottom, how wrong the network is as height; a
    dot where the slope is positive and the slope drawn there (notebook 00, before the gradient)."""
    fig, ax = plots.new_figure(720, 330)
    _bowl(ax, hill, hill_slope, HILL_BOTTOM, HILL_DOT, HILL_XLIM, HILL_YLIM, HILL_GAP_NOTE, HILL_GAP_Y)
    ax.set(xlabel="the weight's value (where you stand)", ylabel="how wrong (height)", title=HILL_TITLE)
    ax.legend(loc="upper center", fontsize=9.5)  # over the bowl's empty middle
    fig.set_label(f"A U-shaped curve: {HILL_CAPTION}. A dot stands on the right side, where the ground climbs to the "
                  f"right. A dashed line shows the hill slope there: {hill_slope(HILL_DOT):g}, with a rise-over-run triangle under it: "
                  f"{HILL_RUN:g} step right, {hill_slope(HILL_DOT):g} up. Both axes are numbered. "
                  f"The lowest point is marked least wrong. Along the bottom, a double arrow runs from the lowest point, "
                  f"{HILL_BOTTOM:g}, to the dot, {HILL_DOT:g}: you stand {HILL_DOT - HILL_BOTTOM:g} right of the bottom, "
                  f"the same number as the hill slope.")
    return fig


# The stepper: the same hill, one press of "take one step" = one move of −(learning rate × hill slope) (notebook 00). It
# starts at the hill picture's dot with the worked example's rate (0.5: each step halves the distance to the bottom).
STEP_RATE, STEP_RATES = 0.5, (0.1, 2.2)
STEP_XLIM, STEP_YLIM = HILL_XLIM, HILL_YLIM   # the hill picture's scale


def take_step(w, rate):
    """One step downhill: the weight minus learning rate × the hill's slope there."""
    return float(w) + rate * -float(hill_slope(w))


def hill_steps(rate=STEP_RATE, start=HILL_DOT):
    """Take one step downhill per button press and watch the dot walk (notebook 00, after the first move). The rate slider
    starts the walk again from the start; after the first press at a rate, the hollow circle shows where the next press
    will land (pass 92, r93 Interaction: before it, the ring and the readout's next move would answer the Predict)."""
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    w = np.linspace(*STEP_XLIM, 241)
    ax.plot(w, hill(w), color=plots.ACCENT, lw=2.2, label="how wrong, for each value of the weight")
    ax.set(xlim=STEP_XLIM, ylim=STEP_YLIM, xlabel="the weight's value (where you stand)", ylabel="how wrong (height)")
    trail = live.moving(ax.plot([], [], "o-", color=plots.MUTED, ms=5, lw=1, label="where you stood before")[0])
    dot = live.moving(ax.plot([], [], "o", color="black", ms=9, zorder=4, label="where you stand now")[0])
    ahead = live.moving(ax.plot([], [], "o", mfc="none", mec=plots.color("sigmoid"), mew=2, ms=10, zorder=4,
                                label="where the next step lands (after a press)")[0])
    title = live.moving(ax.set_title(""))
    ax.legend(loc="upper center", fontsize=9)
    sliders = {"rate": slider("learning rate", rate, *STEP_RATES, 0.1, fmt=".1f")}
    step_button = widgets.Button(description="take one step", button_style="primary", icon="step-forward")
    readout = widgets.HTML()
    walk = [start]

    def draw():
        r = sliders["rate"].value
        here, nxt = walk[-1], take_step(walk[-1], r)
        trail.set_data(walk[:-1], hill(np.asarray(walk[:-1])))
        trail.set_visible(len(walk) > 1)   # no trail before the first step
        dot.set_data([here], [float(hill(here))])
        ahead.set_data([nxt], [float(hill(nxt))])
        ahead.set_visible(len(walk) > 1)   # pass 92 (r93): no ring before the first press at this rate
        title.set_text(f"Steps downhill, learning rate {r:.1f}: {len(walk) - 1} taken")
        live.render()
        path = " → ".join(f"{v:.3g}" for v in walk).replace("-", "−")
        k = float(hill_slope(here))
        off = "" if STEP_XLIM[0] <= here <= STEP_XLIM[1] else " (off the picture)"
        # Pass 88c (r88): before any step the readout names where you stand, not where you stood.
        where = "where you stand" if len(walk) == 1 else "your path so far"
        move = (f"next move = −({r:.1f} × {_minus(round(k, 3)) if k >= 0 else '(' + _minus(round(k, 3)) + ')'}) = "
                f"{_minus(round(nxt - here, 3))}" if len(walk) > 1
                else f"press take one step to see the move at rate {r:.1f}")
        readout.value = f"<b>{where}</b>: {path}{off}<br>here: hill slope {_minus(round(k, 3))}; {move}"

    def restart():
        del walk[1:]
        draw()

    def one_step(_button=None):
        walk.append(take_step(walk[-1], sliders["rate"].value))
        draw()

    step_button.on_click(one_step)
    on_change(sliders.values(), restart)
    draw()
    return LiveWidget([sliders["rate"], step_button, readout, live.image], live,
                      "Steps downhill: press take one step, set the learning rate (static picture below)",
                      sliders=sliders, readout=readout, button=step_button, step=one_step, walk=walk,
                      lines={"trail": trail, "dot": dot, "ahead": ahead})


# The worked chain (notebook 00, how a network learns): input -> our weight -> a unit's bend -> the output's weight ->
# the output, left to right as in the network picture. Pass 63 (r58 Picture): two pictures with one layout, box for
# box: first the change moving forward (0.1 -> 0.2 -> 0.2 -> 0.6), then the learning signal moving back (1 -> 3 -> 3,
# then 6 at our weight). The "earlier layers" box and the value our weight passes on (grey) are gone: backpropagation
# past our weight is chapter 03's (r58 Clarity: it made the reader doubt the 6).
OUR_WEIGHT = "our\nweight"
# Pass 56 (r50 Clarity, change 2): the text's worked example needs no calculus. A weight of 1 on a link carrying 2 into
# a hidden unit on ReLU's ramp, whose output weight is 3: move the weight a little and the output moves 2 × 1 × 3 = 6
# times as far (WIGGLE shows it); the signal, started at the output as 1, is multiplied by the same numbers on its way
# back. No choice of how wrongness is measured is needed: every weight's slope is the output's times its own factor.
SIGNAL_WORKED = {"start": 1, "weight": 3, "ramp slope": 1, "input": 2}
# Pass 60 (r54 Clarity 2): the weight is 4, not 1, so the learner can see that its own value is no factor of its slope
# (2 × 1 × 3 = 6 whatever it is, on the ramp); it multiplies only the signal it passes on (PASSED_ON).
HIDDEN_WEIGHT, WIGGLE = 4.0, 0.1   # the weight's value, and how far the text moves it
WORKED_COLOUR = "#B35806"   # dark orange: the worked numbers, apart from the black rule


def worked_output(w, worked=SIGNAL_WORKED):
    """The worked network's output for the hidden weight w: output weight × ReLU(w × input)."""
    return worked["weight"] * max(w * worked["input"], 0.0)


def wiggle_forward(move=WIGGLE, w=HIDDEN_WEIGHT, worked=SIGNAL_WORKED):
    """Move the hidden weight by `move`: how much z (the number the unit bends), the unit's output and the network's
    output change, each rounded to 3 decimals as the text prints them."""
    z = lambda v: v * worked["input"]   # noqa: E731
    bent = lambda v: max(z(v), 0.0)      # noqa: E731
    return tuple(round(f(w + move) - f(w), 3) for f in (z, bent, lambda v: worked_output(v, worked)))


def signal_worked(worked=SIGNAL_WORKED):
    """The worked pass back: the signal leaving the output, after its weight, after the bend, and the hidden weight's
    hill slope (the signal that reaches it, times its input), all counted from the output's 1."""
    start = worked["start"]
    after_weight = start * worked["weight"]
    after_bend = after_weight * worked["ramp slope"]
    return start, after_weight, after_bend, after_bend * worked["input"]


# Pass 57 (r51 change 1): the worked numbers left the picture for the fold under its Predict (the picture printed the
# answer under the question); the picture says instead what the trained weight does with the signal that reaches it.
# Pass 58 (r52 change 1): the running numbers are back on the arrows (the diagram had none), and the Predict asks
# about the same network with another output weight, which the picture does not answer.
TRAINED_NOTE = "the weight being trained:\nits hill slope = signal here\n× the input on its link"
# Pass 66 (r61 Correctness): the output's wrongness is a hill of the same shape as the weight's, lowest at the right
# answer, so its hill slope is the output minus the right answer. The text's right answer sits 1 below the output
# (23 for 24), so the signal starts at 1. Pass 83 (r81 Focus): the optional question on a second network (output's
# weight 5, right answer 39) is cut.
RIGHT = 23.0


def output_hill(y, right=RIGHT):
    """How wrong the output y is: the weight's hill (hill), moved so that its bottom sits at the right answer, and
    lowered to 0 there (session 31, r72: a right output is not wrong at all; one weight's bowl may stay above 0)."""
    return hill(np.asarray(y, dtype=float) - right + HILL_BOTTOM) - hill(HILL_BOTTOM)


def output_hill_slope(y, right=RIGHT):
    """The output's hill slope: the output minus the right answer (as the weight's is the weight minus 1)."""
    return float(y) - right


def weight_hill(w, worked=SIGNAL_WORKED, right=RIGHT):
    """How wrong the chain's output is, for our weight w: the output's bowl, read through the chain (notebook 00)."""
    w = np.asarray(w, dtype=float)
    out = worked["weight"] * np.asarray(activations.get("relu")(w * worked["input"]), dtype=float)
    return output_hill(out, right)


def weight_hill_slope(w, worked=SIGNAL_WORKED, right=RIGHT):
    """Our weight's hill slope: the output's hill slope times the output's weight, the bend's slope and the input (the
    learning signal's walk back, as a formula)."""
    z = float(w) * worked["input"]
    bend = float(activations.get("relu").derivative(np.array([z]))[0])
    return output_hill_slope(worked_output(float(w), worked), right) * worked["weight"] * bend * worked["input"] + 0.0


def weight_bottom(worked=SIGNAL_WORKED, right=RIGHT):
    """Where our weight's valley is lowest: the weight that makes the output the right answer (on the ramp)."""
    return right / (worked["input"] * worked["weight"])


# Pass 74 (r71 Picture 2): the output's bowl drawn, as the weight's was: the same shape, its floor at the right answer
# (23), the dot at the output (24), the slope triangle reading 1. Pass 82 (r80 Picture): beside it, on the same
# height scale, our weight's own valley (was the first bowl, weight 3 and slope 2, which the reader took for our
# weight): the same wrongness over our weight, its dot at 4 at the same height, its dashed hill slope 6, a triangle
# of WEIGHT_RUN (the text's move of our weight) climbing 0.6. The output is 6 times our weight, so the valley is the
# output's bowl squeezed 6 times: its panel is 1 wide where the output's is 6.
OUTPUT_TITLE = "Over the output: ½ × (output − {right:g})²"   # pass 80: filled in from the right answer drawn
# Pass 84 (r83 Picture): the right panel is narrower than the left by the output's move per unit of our weight (6), so
# the two bowls are drawn the same size; its title says the zoom, since "6 times as steep" showed only in small labels.
WEIGHT_SPAN = 1.0   # how wide the right panel is, along our weight


def output_per_weight(worked=SIGNAL_WORKED):
    """How far the output moves per unit of our weight, on the ReLU's ramp: the output's weight times the input."""
    return worked["weight"] * worked["input"]


# Pass 98 (r99 Picture/Focus): the title says what the panel draws, not its zoom; its ticks are round.
WEIGHT_PANEL_TITLE = "The same wrongness, over our weight"
WEIGHT_TICK_STEP = 0.25   # round ticks on the right panel: 3.5, 3.75, 4, 4.25 (were the left's ticks ÷ 6: 3.33, 3.5 ...)
WEIGHT_RUN = WIGGLE
SAME_HEIGHT_NOTE = "same height"
# Pass 80 (r75 Picture): here the dot is 1 right of the bottom, so the triangle's "1 step right" starts under the
# bottom: "least wrong" ends further left, clear of it.
OUTPUT_LEAST_DX = 0.35
OUTPUT_GAP_NOTE = "{gap:g} right of the bottom"


def weight_ticks(right=RIGHT):
    """The right panel's ticks: every multiple of WEIGHT_TICK_STEP inside the panel (pass 98, r99: round numbers,
    easy to read at a glance)."""
    bottom = weight_bottom(right=right)
    lo, hi = bottom - WEIGHT_SPAN / 2, bottom + WEIGHT_SPAN / 2
    return np.arange(np.ceil(lo / WEIGHT_TICK_STEP), np.floor(hi / WEIGHT_TICK_STEP) + 1) * WEIGHT_TICK_STEP


@plots.styled
def output_hill_picture(y=None, right=RIGHT, w=HIDDEN_WEIGHT):
    """Two valleys side by side, one height scale: left, the output's bowl (the weight's hill moved so that its floor
    sits at the right answer), the dot at the worked output, its hill slope (the output minus the right answer) with a
    rise-over-run triangle; right, the same wrongness over our weight, its dot at our weight, at the same height, with
    its hill slope (6) and a triangle of WEIGHT_RUN (notebook 00)."""
    y = worked_output(w) if y is None else y
    fig, (ax, ax_w) = plots.new_figure(800, 300, ncols=2, sharey=True)
    zoom = output_per_weight()
    output_span = WEIGHT_SPAN * zoom   # the left panel is that much wider, so both valleys are drawn the same size
    ylim = (-1.6, HILL_YLIM[1])   # one height scale: the two dots, one wrongness, sit at one height
    # No legends: the triangles say the slopes, the axis labels say what is across and up (the panels stay clear).
    y0, k = _bowl(ax, lambda v: output_hill(v, right), lambda v: output_hill_slope(v, right), right, y,
                  (right - output_span / 2, right + output_span / 2), ylim, OUTPUT_GAP_NOTE, gap_y=-1.25, least_ha="right",
                  least_dx=OUTPUT_LEAST_DX)
    ax.set(xlabel=f"the output (the right answer is {right:g})", ylabel="how wrong (height)",
           title=OUTPUT_TITLE.format(right=right))
    bottom = weight_bottom(right=right)
    wlim = (bottom - WEIGHT_SPAN / 2, bottom + WEIGHT_SPAN / 2)
    ticks = weight_ticks(right=right)
    wy, kw = _bowl(ax_w, lambda v: weight_hill(v, right=right), lambda v: weight_hill_slope(v, right=right), bottom, w,
                   wlim, ylim, None, least_ha="right", least_dx=OUTPUT_LEAST_DX, run=WEIGHT_RUN,
                   xticks=ticks)
    ax_w.set_xticks(ticks, [f"{t:.2f}".rstrip("0").rstrip(".") for t in ticks])
    ax_w.set(xlabel="our weight", title=WEIGHT_PANEL_TITLE)
    for panel in (ax, ax_w):   # one dotted line through both dots: one wrongness, one height
        panel.axhline(y0, color=plots.MUTED, lw=1.0, ls=":", zorder=1, gid="same height")
    ax_w.text(wlim[0] + 0.015, y0 + 0.08, SAME_HEIGHT_NOTE, ha="left", va="bottom", fontsize=9.5, color=NOTE_GREY)
    rise = round(kw * WEIGHT_RUN, 6)
    fig.set_label(f"Two U-shaped curves side by side, on one height scale: how wrong. Left, over the output: half of "
                  f"(output minus {right:g}) squared. Its lowest point, marked least wrong, is at the right answer, "
                  f"{right:g}, at height 0. A dot stands at the output, {y:g}, at height {y0:g}. A dashed line shows "
                  f"the hill slope there: {k:g}, with a rise-over-run triangle under it: {HILL_RUN:g} step right, "
                  f"{k:g} up. A double arrow runs from {right:g} to {y:g}: the output is {y - right:g} right of the "
                  f"bottom, the same number as the hill slope. Right, the same wrongness over our weight, its x axis "
                  f"zoomed in {zoom:g} times: {WEIGHT_SPAN:g} wide, where the left is {output_span:g} wide. So its "
                  f"valley, drawn the same size as the left one, is really {zoom:g} times narrower, "
                  f"lowest at {bottom:.2f}, where the output is {right:g}. A dot stands at our weight, {w:g}, "
                  f"at the same height, {wy:g}: a dotted line joins the two heights. A dashed line shows our weight's "
                  f"hill slope there: {kw:g}, with a triangle under it: {WEIGHT_RUN:g} step right, {rise:g} up.")
    return fig


def signal_numbers(worked=SIGNAL_WORKED):
    """The worked numbers the chain picture writes in orange: the signal on each of the first three arrows, then the
    trained weight's hill slope, the output's hill slope being 1 (notebook 00; pass 62: no "times the output's slope",
    a second meaning of the same 1 that r56 could not tell apart)."""
    start, after_weight, after_bend, slope = signal_worked(worked)
    return (f"{start:g}", f"{start:g} × {worked['weight']:g} = {after_weight:g}",
            f"{after_weight:g} × {worked['ramp slope']:g} = {after_bend:g}",
            f"{after_bend:g} × {worked['input']:g} = {slope:g}:\nour weight's hill slope")


CHAIN_KINDS = ("input", "our weight", "bend", "weight", "output")   # left to right
OUR_AT = 1   # our weight's box
# Pass 73 (r70 Picture): each box half-width, wide enough for "our weight: 4" (1.6 wide, it overflowed); arrows and
# links stop just outside it.
BOX_HALF = 0.98
BOX_GAP = BOX_HALF + 0.08


def chain_boxes(worked=SIGNAL_WORKED, w=HIDDEN_WEIGHT):
    """The chain's five box labels, left to right, with the worked network's numbers."""
    return (f"input\n{worked['input']:g}", f"{OUR_WEIGHT}: {w:g}", "bend\n(ramp)", f"weight\n{worked['weight']:g}",
            "output")


def _chain_row(ax, title, names=None, texts=None):
    """Draw the five boxes (ours filled) on the chapter's colours; return their centres. All chain pictures use it;
    texts, if given, collects the box labels (the live chain changes some of them)."""
    ax.set_axis_off()
    xs = [4.1 * i for i in range(len(CHAIN_KINDS))]
    colours = {"input": NOTE_GREY, "our weight": INPUT, "bend": UNIT, "weight": INPUT, "output": OUTPUT}
    for i, (kind, name, x) in enumerate(zip(CHAIN_KINDS, names or chain_boxes(), xs)):
        colour = colours[kind]
        face = tuple(c + (1 - c) * 0.7 for c in to_rgb(colour)) if i == OUR_AT else "white"   # ours: filled
        ax.add_patch(FancyBboxPatch((x - BOX_HALF, -0.38), 2 * BOX_HALF, 0.76, boxstyle="round,pad=0.05",
                                    facecolor=face, edgecolor=colour, lw=3 if i == OUR_AT else 2, zorder=3))
        label = ax.text(x, 0, name, ha="center", va="center", fontsize=11, fontweight="bold", zorder=4)
        if texts is not None:
            texts.append(label)
    ax.set(xlim=(xs[0] - 1.1, xs[-1] + 1.1), ylim=(-1.85, 1.0))
    ax.set_title(title, loc="left")
    return xs


def _on_arrow(ax, a, b, says, number, forward):
    """An arrow between two boxes, its label above it and, in orange, its worked number under it."""
    start, end = (a + BOX_GAP, b - BOX_GAP) if forward else (b - BOX_GAP, a + BOX_GAP)
    _arrow(ax, (start, 0), (end, 0), lw=1.6, mutation_scale=16)
    ax.text((a + b) / 2, 0.12, says, ha="center", va="bottom", fontsize=9.5)
    ax.text((a + b) / 2, -0.12, number, ha="center", va="top", fontsize=10.5, color=WORKED_COLOUR, fontweight="bold")


def forward_numbers(move=WIGGLE, worked=SIGNAL_WORKED):
    """The forward picture's orange numbers: how far z, the bent value and the output move (notebook 00)."""
    dz, dbent, dout = wiggle_forward(move, worked=worked)
    return (f"{move:g} × {worked['input']:g} = {dz:g}", f"{dz:g} × {worked['ramp slope']:g} = {dbent:g}",
            f"{dbent:g} × {worked['weight']:g} = {dout:g}")


def forward_values(move=WIGGLE, w=HIDDEN_WEIGHT, worked=SIGNAL_WORKED):
    """'z = 8 → 8.2' and '24 → 24.6': the number the unit bends and the output, before and after our weight moves."""
    z0, z1 = (round(v * worked["input"], 3) for v in (w, w + move))
    y0, y1 = (round(worked_output(v, worked), 3) for v in (w, w + move))
    return f"z = {z0:g} → {z1:g}", f"{y0:g} → {y1:g}"


def split_sum(text):
    """'0.1 × 2 = 0.2' on two lines, '0.1 × 2' over '= 0.2' (narrow enough to sit between two chain boxes)."""
    return text.replace(" = ", "\n= ", 1)


FORWARD_SAYS = ("× the input", "× the bend's\nslope", "× the weight")   # what each part multiplies a change by
BACK_SAYS = ("× the bend's\nslope", "× the weight", "starts\nhere")    # the same parts, read back (right to left)


@plots.styled
def wiggle_picture(move=WIGGLE, w=HIDDEN_WEIGHT):
    """Move our weight by `move`: the change travels forward, box by box, multiplied by each part (notebook 00)."""
    fig, ax = plots.new_figure(940, 250)
    xs = _chain_row(ax, f"Move our weight up by {move:g}: the change travels forward (orange: how far each moves)")
    ax.plot([xs[0] + BOX_GAP, xs[1] - BOX_GAP], [0, 0], color="black", lw=1.6)   # the link: the input feeds our weight
    numbers = forward_numbers(move)
    # Session 31 (r71 Picture): each sum on two lines, as in the live chain, so it fits between the wide boxes.
    for i, (says, number) in enumerate(zip(FORWARD_SAYS, numbers)):
        _on_arrow(ax, xs[i + 1], xs[i + 2], says, split_sum(number), forward=True)
    orange = dict(ha="center", va="top", fontsize=10.5, color=WORKED_COLOUR, fontweight="bold")
    moved = f"{w:g} → {w + move:g}"
    ax.text(xs[OUR_AT], -0.55, moved, **orange)
    # Pass 71 (r66 Picture): the numbers the text reads off the chain, before and after the move, under the bend (z,
    # the number it bends) and under the output.
    bent, out = forward_values(move, w)
    ax.text(xs[2], -0.55, bent, **orange)
    ax.text(xs[-1], -0.55, out, **orange)
    times = f"the output moves\n{wiggle_forward(move)[2] / move:g} times as far"
    ax.text(xs[-1], -0.95, times, ha="center", va="top", fontsize=9.5)
    fig.set_label("A row of five boxes, left to right: " + ", then ".join(b.replace("\n", " ") for b in chain_boxes())
                  + ". Our weight's box is filled; under it, in orange: " + moved + ". Arrows point right. Their "
                  "labels: " + "; ".join(t.replace("\n", " ") for t in FORWARD_SAYS) + ". Under them, in orange: "
                  + "; ".join(numbers) + ". Under the bend, in orange: " + bent + ". Under the output, in orange: "
                  + out + "; then: " + times.replace("\n", " ") + ".")
    return fig


@plots.styled
def signal_chain_picture(note=TRAINED_NOTE):
    """The learning signal passed back along the same boxes as the forward picture: arrows from the output (right) to
    our weight; on each, what the part it leaves multiplies the signal by; under our weight, how its hill slope is
    found (notebook 00, how a network learns)."""
    fig, ax = plots.new_figure(940, 250)
    xs = _chain_row(ax, "The learning signal, passed back from the output (orange: the signal)")
    ax.plot([xs[0] + BOX_GAP, xs[1] - BOX_GAP], [0, 0], color="black", lw=1.6)   # the link, no arrow: no signal goes on
    numbers = signal_numbers()
    for i, (says, number) in enumerate(zip(BACK_SAYS, reversed(numbers[:-1]))):
        _on_arrow(ax, xs[i + 1], xs[i + 2], says, number, forward=False)
    ax.text(xs[OUR_AT], -0.55, note, ha="center", va="top", fontsize=9.5)
    ax.text(xs[OUR_AT], -1.3, numbers[-1], ha="center", va="top", fontsize=10.5, color=WORKED_COLOUR,
            fontweight="bold")
    fig.set_label("The same row of five boxes: " + ", then ".join(b.replace("\n", " ") for b in chain_boxes())
                  + ". Arrows point left, from the output back to our weight, the way the signal travels. Their "
                  "labels, right to left: " + "; ".join(t.replace("\n", " ") for t in reversed(BACK_SAYS))
                  + ". Under them, in orange, the signal: " + "; ".join(numbers[:-1]) + ". Under our weight, whose "
                  "box is filled: " + note.replace("\n", " ") + "; in orange: " + numbers[-1].replace("\n", " ") + ".")
    return fig


# Pass 70 (r63-r65, three readers: "make the backward signal something to move"): the chain picture with live numbers.
# Two sliders: the input on our weight's link and the output's weight; our weight stays 4 and the signal starts at 1
# (the output's hill slope, as in the text). ReLU's slope comes from the registry: 1 on the ramp, 0 on the flat side
# (0 at z = 0 too, the left slope), so an input of the other sign passes nothing back to our weight.
CHAIN_INPUTS, CHAIN_WEIGHTS = (-3.0, 3.0), (-5.0, 5.0)
# Pass 84 (r83 Picture): our weight's bar is cross-hatched and named in a legend; "//" means ReLU's ramp in the
# fading-signal picture further down.
CHAIN_HATCH = "xx"
# Pass 96 (r97 Picture: labels cramped, hard to read): shorter titles and labels, in larger type, on a taller figure.
CHAIN_TITLE = "The learning signal (orange) starts at 1, the output's hill slope"
BARS_TITLE = "The signal's size (no bar: 0, nothing gets back)"
CHAIN_NOTE = "signal × input ="   # under our weight, over its orange sum: fewer words than TRAINED_NOTE
CHAIN_SAYS = ("× bend's\nslope", "× the\nweight", "starts\nhere")   # the bend's gets its slope live
# Pass 89 (r89 Picture): each bar named under it and its value written at its end, so a bar of 1 on the ±15 scale
# (kept: the sliders reach 3 × 5 = 15, and a fixed scale shows a bar grow) is still read at a glance.
BAR_NAMES = ("our weight's\nhill slope", "after\nthe bend", "after\nthe weight", "start")


def bar_value_place(value, pad=0.8):
    """Where a bar's value is written: just past its end, above a bar up and below a bar down (0: above the axis)."""
    return (value + pad, "bottom") if value >= 0 else (value - pad, "top")


def _times(a, b):
    """'3 × 2', '1 × (−5)': a product as the text writes it, a negative second factor in brackets."""
    second = f"({_minus(b)})" if b < 0 else _minus(b)
    return f"{_minus(a)} × {second}"


def chain_signal(x, v, w=HIDDEN_WEIGHT, start=1.0):
    """The live chain's numbers for input x and output weight v: z (the number the unit bends), the bend's slope
    there, and the signal leaving the output, after the weight, after the bend, and at our weight (its hill slope)."""
    z = w * x + 0.0
    k = float(activations.get("relu").derivative(z))
    after_weight = start * v + 0.0
    after_bend = after_weight * k + 0.0
    return {"z": z, "bend slope": k, "start": start, "after weight": after_weight, "after bend": after_bend,
            "hill slope": after_bend * x + 0.0}


def chain_side(k):
    """The bend's side, as the picture and readout name it."""
    return "ramp" if k > 0 else "flat side"


@plots.styled
def signal_chain(x=SIGNAL_WORKED["input"], v=SIGNAL_WORKED["weight"], w=HIDDEN_WEIGHT):
    """The signal chain with live numbers: drag the input on our weight's link and the output's weight; the arrows'
    numbers and the bars under them follow, and on ReLU's flat side the signal to our weight is 0 (notebook 00)."""
    live = LiveFigure(940, 480, 2, 1, height_ratios=[1.5, 1])
    ax, bars_ax = live.axes
    boxes = []
    names = (f"input\n{_minus(x)}", f"{OUR_WEIGHT}: {w:g}", "bend\n(ramp)", f"weight\n{_minus(v)}", "output")
    xs = _chain_row(ax, CHAIN_TITLE, names, boxes)
    ax.plot([xs[0] + BOX_GAP, xs[1] - BOX_GAP], [0, 0], color="black", lw=1.6)   # the link, no arrow: no signal goes on
    for a, b in zip(xs[1:-1], xs[2:]):
        _arrow(ax, (b - BOX_GAP, 0), (a + BOX_GAP, 0), lw=1.6, mutation_scale=16)
    mid = [(a + b) / 2 for a, b in zip(xs[1:-1], xs[2:])]   # bend<-weight, weight<-output, output
    says = [live.moving(ax.text(m, 0.12, t, ha="center", va="bottom", fontsize=10.5)) for m, t in zip(mid, CHAIN_SAYS)]
    orange = dict(ha="center", va="top", fontsize=12, color=WORKED_COLOUR, fontweight="bold")
    numbers = [live.moving(ax.text(m, -0.12, "", **orange)) for m in mid]
    ax.text(xs[OUR_AT], -0.55, CHAIN_NOTE, ha="center", va="top", fontsize=10.5)
    slope_text = live.moving(ax.text(xs[OUR_AT], -0.85, "", **orange))
    z_text = live.moving(ax.text(xs[2], -0.95, "", ha="center", va="top", fontsize=10.5))   # clear of the orange
    for i in (0, 2, 3):   # the input, the bend's side and the output's weight change with the sliders
        live.moving(boxes[i])
    boxes[2].set_fontsize(9.5)   # "(flat side)" fits the box
    # Under the chain, one bar per point of the signal, under its arrow (our weight's bar: its hill slope).
    at = [xs[OUR_AT], mid[0], mid[1], mid[2]]
    bars = [live.moving(p) for p in bars_ax.bar(at, [0.0] * 4, width=1.2, color=WORKED_COLOUR, edgecolor="black")]
    bars[0].set_hatch(CHAIN_HATCH)
    bars_ax.legend(handles=[Patch(facecolor=WORKED_COLOUR, edgecolor="black", hatch=CHAIN_HATCH,
                                  label="our weight's hill slope"),
                            Patch(facecolor=WORKED_COLOUR, edgecolor="black", label="the signal on an arrow")],
                   loc="upper left", fontsize=9)   # pass 89: clear of every bar (none is left of our weight)
    top = abs(CHAIN_INPUTS[1] * CHAIN_WEIGHTS[1]) + 4   # pass 89: room for a value past the longest bar
    bars_ax.set(xlim=ax.get_xlim(), ylim=(-top, top), xticks=at, yticks=[-15, -10, -5, 0, 5, 10, 15], ylabel="signal")
    bars_ax.set_xticklabels(BAR_NAMES, fontsize=10.5)
    bars_ax.grid(axis="x", visible=False)   # the names mark the bars; no line through them
    values = [live.moving(bars_ax.text(a, 0, "", ha="center", fontsize=11, color=WORKED_COLOUR, fontweight="bold"))
              for a in at]
    bars_ax.axhline(0, color="black", lw=0.8)
    bars_ax.set_title(BARS_TITLE, loc="left", fontsize=11)
    sliders = {"input": slider("input on our weight's link", x, *CHAIN_INPUTS, 1.0, fmt=".0f"),
               "weight": slider("output's weight", v, *CHAIN_WEIGHTS, 1.0, fmt=".0f")}
    readout = widgets.HTML()

    def update():
        xv, vv = sliders["input"].value, sliders["weight"].value
        c = chain_signal(xv, vv, w)
        side = chain_side(c["bend slope"])
        boxes[0].set_text(f"input\n{_minus(xv)}")
        boxes[2].set_text(f"bend\n({side})")
        boxes[3].set_text(f"weight\n{_minus(vv)}")
        # Pass 74 (r71): on two narrow lines, clear of both boxes' corners (the box above names the side)
        # pass 96 (r97 Picture): "× the bend's slope: × 1" touched both boxes; now two short lines
        says[0].set_text(f"× bend's\nslope {c['bend slope']:g}")
        numbers[0].set_text(f"{_times(c['after weight'], c['bend slope'])}\n= {_minus(c['after bend'])}")
        numbers[1].set_text(f"{_times(c['start'], vv)}\n= {_minus(c['after weight'])}")
        numbers[2].set_text(f"{c['start']:g}")
        slope_text.set_text(f"{_times(c['after bend'], xv)} = {_minus(c['hill slope'])}:\nour weight's hill slope")
        z_text.set_text(f"z = {_times(w, xv)} = {_minus(c['z'])}")
        for bar, said, value in zip(bars, values, (c["hill slope"], c["after bend"], c["after weight"], c["start"])):
            bar.set_height(value)
            y, va = bar_value_place(value)
            said.set_text(_minus(value))
            said.set_y(y)
            said.set_va(va)
        live.render()
        readout.value = (f"z = {_times(w, xv)} = {_minus(c['z'])}, on the {side}. "
                         f"Signal: starts at {c['start']:g}; × the weight {_minus(vv)} = {_minus(c['after weight'])}; "
                         f"× the bend's slope {c['bend slope']:g} = {_minus(c['after bend'])}; "
                         f"× the input {_minus(xv)} = <b>{_minus(c['hill slope'])}, our weight's hill slope</b>.")

    on_change(sliders.values(), update)
    update()
    return LiveWidget([sliders["input"], sliders["weight"], readout, live.image], live,
                      "The learning signal: drag the input and the output's weight (static picture below)",
                      sliders=sliders, readout=readout, bars=bars, lines={},
                      texts={"numbers": numbers, "bend says": says[0], "hill slope": slope_text, "z": z_text,
                             "boxes": boxes, "bar values": values})


def static_answer(options, right, why):
    """The answer as a render without a kernel shows it, folded under the options: the right letter and why (pass 71,
    r66: there the letter buttons cannot answer; a live notebook shows the buttons instead), then each wrong letter's
    misconception, as its button says it (pass 88, r87 Interaction: the export showed no reply)."""
    letter = questions.LETTERS[list(options).index(right)]
    wrong = "".join(f"<p><b>{questions.LETTERS[i]}.</b> {html.escape(said)}</p>"
                    for i, (text, said) in enumerate(options.items()) if text != right)
    return (f"<details><summary>Check your prediction</summary><p><b>{letter}</b>, {html.escape(right)}. "
            f"{html.escape(why)}</p>{wrong}</details>")


def choice_question(options, right, why, caption, static_head="Your answer (run the notebook to check it):",
                    reveal_fig=None, fold_answer=False, before_fig=None):
    """Click an answer, get instant feedback: each wrong option names its misconception (notebooks 00 and 01).
    reveal_fig: a picture that answers the question, shown only after a click (folded in a render without a kernel).
    fold_answer: in a render without a kernel, the right letter and why, folded under the options.
    before_fig: a picture that does not answer it, shown until the first click, which swaps in reveal_fig."""
    if reveal_fig is None:
        return questions.keyed_question(options, right, why, caption, static_head,
                                        reveal_html=static_answer(options, right, why) if fold_answer else "")
    png, alt = display.figure_png(reveal_fig), display.figure_alt(reveal_fig)
    image = widgets.Image(value=png, format="png", layout=widgets.Layout(max_width="100%"))
    folded = (f"<details><summary>The picture with the answer (open it after you choose)</summary>"
              f"<img src='data:image/png;base64,{base64.b64encode(png).decode()}' alt='{html.escape(alt, quote=True)}'>"
              "</details>")
    if fold_answer:   # pass 84: the letter and why, then the picture, both folded in a render without a kernel
        folded = static_answer(options, right, why) + folded
    q = questions.keyed_question(options, right, why, caption, static_head, reveal=image, reveal_html=folded)
    if before_fig is not None:   # pass 85 (r84 Interaction): the clue stays in view; the answer comes with the click
        image.value, image.layout.display = display.figure_png(before_fig), None

        def show_answer(_button):
            image.value = png

        for button in q.buttons:
            button.on_click(show_answer)
    # Pass 104 (r106 Interaction): no folded check after the live buttons: each button already says why, and a fold
    # let the learner peek instead of choosing. A render without a kernel still folds it (reveal_html above).
    return q


FLIP_YLABELS = {False: "z = w·x + b, before the bend", True: "z (dashed), then a = ReLU(z)"}
FLIP = (-1.0, 0.0)  # the flip question's unit: ReLU(w·x + b) with w = −1, b = 0, that is ReLU(−x)


def flip_question():
    """Which side of ReLU(−x) is flat? The flip (w < 0) and the bend together; each wrong answer names its slip
    (notebook 00, after the bend slider, which can show it: w = −1, b = 0)."""
    return choice_question({
        "the left side, as for plain ReLU": "A common wrong answer: the flip leaves the flat side on the left. In "
                                            "fact: the flip moves the flat side to the right. For positive x, −x is "
                                            "negative, so ReLU gives 0 there.",
        "the right side, where x is positive": "",
        "neither: the flip removes the corner": "A common wrong answer: a flipped line has no corner. In fact: "
                                                "ReLU still cuts where its input is 0. Here −x = 0 at x = 0, so the "
                                                "corner stays there.",
        "both: every output is 0": "A common wrong answer: ReLU zeroes the whole flipped line. In fact: for "
                                   "negative x, −x is positive, and ReLU keeps it. At x = −2, the output is 2.",
    }, "the right side, where x is positive", "For positive x, −x is negative, and ReLU turns it into 0. For "
       "negative x, −x is positive, so ReLU keeps it: the left side climbs as you go left.",
        "Question: which side of ReLU(−x) is flat? (run the notebook to answer)", reveal_fig=flip_picture(),
        fold_answer=True, before_fig=flip_picture(after=False))


@plots.styled
def flip_picture(w=FLIP[0], b=FLIP[1], after=True):
    """The flip question's answer, drawn as the bend slider draws it: ReLU(w·x + b) at w = −1, b = 0, with the line
    w·x + b dashed (pass 84, r83 Interaction: shown under the buttons after a click, not on the sliders far above).
    after=False: only the dashed line, before the bend (pass 85, r84: shown before a click, it gives nothing away)."""
    fig, ax = plots.new_figure(380, 420)
    x = np.linspace(*UNIT_XLIM, 241)
    line = w * x + b
    ax.plot(x, line, color=plots.MUTED, lw=1.6, ls="--", label="before the bend: w·x + b")
    if after:
        ax.plot(x, np.asarray(activations.get("relu")(line), float), color=plots.color("relu"), lw=2.6,
                label="after ReLU: flat on the right")
        title = f"ReLU(w·x + b), w = {_minus(w)}, b = {_minus(b)}"
        alt = ("The unit ReLU(−x), on the same axes as the bend slider. A dashed line falls from the top left to the "
               "bottom right: −x, before the bend. The solid line is ReLU(−x): it climbs to the left for negative x, "
               "and lies flat at 0 for positive x. So the right side is flat; the corner stays at x = 0.")
    else:
        title = f"before ReLU: w = {_minus(w)}, b = {_minus(b)}"
        alt = ("The line −x, before the bend, on the same axes as the bend slider: a dashed line falls from the top "
               "left to the bottom right, through 0 at x = 0. ReLU is not applied yet; click a letter to see it.")
    # Pass 88c (r88): the y axis names what is drawn: z before the bend (it said "output"), and a after it.
    _unit_axes(ax, FLIP_YLABELS[after], title)
    ax.legend(loc="lower left", fontsize=9)
    fig.set_label(alt)
    return fig

