"""Chapter 04's pictures: one per family of bends, a widget that shows where two bends differ, the softmax
temperature slider, the models table and the zoo table (notebook 04)."""

from functools import lru_cache

import ipywidgets as widgets
from IPython.display import Markdown
import numpy as np
from matplotlib.patches import Rectangle

from course_utils.engine import signal_stats, zigzag
from course_utils.facts import _stable, activations, deployments
from course_utils.ui import plots, printing, tables
from course_utils.ui.ch02_four_bends import fold, swiglu_diagram
from course_utils.ui.questions import choice_question
from course_utils.ui.display import canvas_png, figure_alt, figure_png
from course_utils.ui.explorer import activation_explorer
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, set_limits, slider

__all__ = ["COLUMNS", "FAMILIES", "ZooTable", "activation_explorer", "at_answer", "elu_gap_answer", "fold", "gap", "gate_answer",
           "gate_diagram", "gated_units", "raise_answer", "models_table", "overflow_fold", "signal_answer", "slopes_fold",
           "softmax_bars", "temperature_answer", "widest_answer", "score_labels", "block_tables",
           "print_dips", "print_gap", "zigzag_left", "zigzag_runs", "zigzag_sketch", "zigzag_still_fold", "zigzag_toggle", "zigzag_describe", "zigzag_steps", "zigzag_text", "zigzag_way", "print_overflow", "print_widest_gap",
           "back_near_one", "backward_example", "backward_rows", "doubling_runs", "doubling_spread", "selu_settle_layer", "selu_three_starts", "floor_of", "he_draws", "run_draws", "shrink_factor", "corner_text", "corner_zoom", "corner_slopes", "spread_in_out", "spread_map", "selu_slope", "selu_stretch_edge", "selu_why_fold", "families_row", "slopes_text", "deepest_dip_question", "smooth_reveal", "gated_weights_question", "gate_race", "gate_values", "relu_family", "relu_family_slopes", "nudge_answer", "nudge_slopes", "row", "rows", "selu_spread", "signal_after", "smooth_family", "smooth_curves", "softmax_temperature", "sparkline", "spark_alt",
           "squashers", "two_switches", "area_label", "tanh_answer", "tanh_fit", "tanh_gap", "reshaped_sigmoid", "where_they_differ", "widest"]

FAMILIES = {
    "ReLU family": ("relu", "leaky_relu", "prelu", "elu", "selu"),
    "smooth family": ("gelu", "silu", "mish", "softplus"),
    "squashers": ("sigmoid", "tanh", "softmax"),
    "gated units": ("swiglu",),
}
# r92 (pass 91, Focus): the GELU-vs-SiLU widget's menus offer the smooth family only: two 12-item menus were too many
# for its one question
SMOOTH = FAMILIES["smooth family"]
# The zoo table shows each bend's family (the chapter's big idea) instead of the registry's "typical use", whose
# model names and jargon the table's readers tripped on; the registry keeps that text for other chapters
COLUMNS = ("bend", "family", "range", "zero-centred", "smoothness", "monotonic")
FAMILY_OF = {name: family for family, names in FAMILIES.items() for name in names}
NO_FAMILY = "none"   # the identity: no bend, the straight line the bends are compared with


# r97 (pass 96, Clarity): one name for SiLU; the text says once "SiLU, also called Swish", so the chapter's
# pictures, menus and table say "SiLU" (the registry's label is "SiLU / Swish")
def label(name):
    return activations.get(name).label.split(" / ")[0]


def _axes_lines(ax):
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)


def _tag(ax, name, x, y, text=None, **kw):
    """A bend's name written next to its curve, in its colour (so colour is never the only cue)."""
    ax.text(x, y, text or label(name), color=plots.color(name), fontweight="bold", **kw)


# One scale for the family pictures and the zoo table's small curves, so their shapes compare at a glance
SHARED_X = 3.0             # x from -3 to 3
SHARED_Y = (-2.1, 3.3)     # output from about -2 to about 3: SELU's floor and its right side both fit
ZOOM_BOX_LW = 0.9   # the zoom box's outline: thinner than the curves, so it never covers them
ZOOM_BOX_COLOUR = "#555555"   # dark grey: not ReLU's blue, so the box is not read as a curve
ZOOM_STRIP_FILL = "#ffd966"   # a highlighter's yellow: the thin strip is shaded, and the zoom panel behind it too
# r37: "(drawn thicker, to be seen)" read as plumbing: the marker is a pointer to the zoom, not a scale
STRIP_LABEL = "the thin strip along the axis,\nblown up on the right"
STRIP_NOTE_COLOUR = "#333333"   # near black: pass 23, a reader found the pale grey note hard to read
LEAKY_LABEL, LEAKY_POINT = (-2.9, 0.75), (-1.75, 0.03)   # Leaky ReLU's label, and where its arrow meets the line


THUMB_GATES = {"GLU": "sigmoid", "SwiGLU": "silu", "GeGLU": "gelu"}   # the gated panel: each unit's gate, for b = 1
# r67 (pass 71): "GLU gate" in the legend came before gates are taught; the legend names the bends, under the title
# "used as gates"
THUMB_GATE_TITLE = "used as gates:"
# r70 (pass 73) to r78 (pass 81): the gated panel went from curves to a diagram to a plain pointer; r83 (pass 84):
# the pointer read as an empty text box, so the panel is gone: a gated unit is not one curve, and the text says
# that only three families are drawn
# r73 (pass 77): the overview drew dashed, marked lines with legends underneath, and hid SiLU under Mish and Leaky ReLU
# under ReLU. Now: solid lines, each bend's name written next to its curve, and a zoom on the dips
OVERVIEW_ZOOM_X, OVERVIEW_ZOOM_Y = (-4.0, 0.0), (-0.4, 0.1)
# r75 (pass 78) drew the smooth dips in one grey so the zoom would not answer the smooth family's Predict; r81 (pass 83):
# three grey curves under one label could not be told apart. Each now has its colour, its own dash (ZOOM_DIP_STYLE)
# and its name at its dip, marked with a dot, as the smooth family's zoom does; that Predict now asks the learner to
# recall this zoom
ZOOM_SMOOTH = ("gelu", "silu", "mish")
# each dip's own dash (not colour alone; no marks, which hid SiLU under Mish): Mish solid and widest, underneath
ZOOM_DIP_STYLE = {"mish": {"ls": "-", "lw": 2.6, "zorder": 2}, "silu": {"ls": "--", "lw": 1.8, "zorder": 3},
                  "gelu": {"ls": ":", "lw": 2.2, "zorder": 3}}
ZOOM_DIP_SAID = {"gelu": "dotted", "silu": "dashed", "mish": "solid"}
# r102 (pass 100): where the zoom's question sits (data coordinates), under the dips, clear of every curve
ZOOM_DIP_QUESTION = (-3.9, -0.39, "which dips deepest?\nyou will guess later")
# the overview's alt text, its zoom limits read from the limits above (pass 80: they were typed twice)
FAMILIES_ALT = ("Four small panels, each curve with its name written next to it. The first three, one per "
                f"family, on the same axes (x from {-SHARED_X:g} to {SHARED_X:g}). ReLU family: "
                "ReLU, Leaky ReLU (a leader from its name to its line, hidden under ReLU's flat 0), PReLU, ELU and SELU, each with its own left side. Smooth family: GELU, SiLU, Mish and "
                "softplus, ReLU with the corner rounded; GELU " + ZOOM_DIP_SAID["gelu"] + ", SiLU " + ZOOM_DIP_SAID["silu"]
                + " and Mish " + ZOOM_DIP_SAID["mish"] + " and thick; thin leaders run from the names GELU (top left) and SiLU "
                "(lowest, right of 0) to their lines; Mish (solid) is named above GELU, with no leader; a note says they dip, see the zoom. Squashers: sigmoid and tanh, S-curves held in a box. Zoom on the "
                f"dips (x from {OVERVIEW_ZOOM_X[0]:g} to {OVERVIEW_ZOOM_X[1]:g}, output from {OVERVIEW_ZOOM_Y[0]:g} to "
                f"{OVERVIEW_ZOOM_Y[1]:g}): Leaky ReLU just below ReLU's flat 0; "
                # r103: the zoom's three dips are one grey, so the alt text does not name or tell them apart either
                f"{len(ZOOM_SMOOTH)} grey curves, alike, dip below 0 and come back up. They are not named here; a note asks: "
                + ZOOM_DIP_QUESTION[2].replace("\n", " ") + ". The fourth family, gated units, is not drawn: a gated unit is not one curve.")
OVERVIEW_ZOOM_NAMES = ("relu", "leaky_relu", "gelu", "silu", "mish")
OVERVIEW_ZOOM_TITLE = "zoom on the dips"
# r103 (Interaction): the opening zoom drew GELU, SiLU and Mish in the smooth panel's colours and dashes, so the
# deepest dip could be named before the quiz; there all three are one plain grey (the named zoom follows the quiz)
ZOOM_UNNAMED_COLOUR = "0.45"
ZOOM_UNNAMED_STYLE = {"ls": "-", "lw": 1.6, "zorder": 3}
# where each name is written (data coordinates of its panel), chosen by eye so no two names touch
OVERVIEW_TAGS = {
    "relu": (0.9, 0.05, "ReLU", "left", "bottom"),
    "leaky_relu": (-2.95, 0.55, "Leaky ReLU\n(hidden\nunder ReLU)", "left", "bottom"),
    "prelu": (-2.95, -0.45, "PReLU", "left", "bottom"), "elu": (-2.3, -1.05, "ELU", "left", "top"),
    "selu": (-2.95, -1.72, "SELU", "left", "top"), "gelu": (-2.9, 0.75, "GELU", "left", "bottom"),
    "silu": (2.9, 0.45, "SiLU", "right", "top"), "mish": (-2.9, 1.3, "Mish (solid)", "left", "bottom"),
    "softplus": (0.2, 1.9, "Softplus", "right", "bottom"), "sigmoid": (0.6, 0.45, "sigmoid", "left", "top"),
    "tanh": (0.35, -0.35, "tanh", "left", "top"),
}
# r86 (pass 87): GELU, SiLU and Mish were named in a stacked list under their lines, which could not be told apart;
# each name now sits apart, a thin leader in its colour running to the x where its own line is the outer one
# r109 (pass 107, Interaction): Mish's leader ran to the lowest dip, which answered the later "which dips deepest?";
# its name now sits apart, above GELU's, with no leader: its solid line names it
OVERVIEW_LEADERS = {"gelu": -2.2, "silu": 2.0}   # GELU top left, SiLU lowest right of 0
# r106 (Clarity): the opening's "Leaky ReLU" label floated over nothing (its line lies under ReLU's flat 0); it now says
# so, with a leader to the point on its line at this x, as the ReLU family's own picture does
OVERVIEW_HIDDEN_AT = {"leaky_relu": -1.6}
# r87 (pass 88): the note at 7.5 points was too small to read; larger, on two short lines
OVERVIEW_ZOOM_NOTE = (-2.95, -1.35, "they dip:\nzoom →")
OVERVIEW_NOTE_SIZE = 10
ZOOM_TAGS = {
    "relu": (-3.9, 0.015, "ReLU", "left", "bottom"), "leaky_relu": (-3.9, -0.042, "Leaky ReLU", "left", "top"),
}
def _overview_tags(ax, names, tags, leaders=None):
    for n in names:
        x, y, text, ha, va = tags[n]
        if n in (leaders or {}):   # the name apart, a thin leader to its own line
            at = leaders[n]
            ax.annotate(text, (at, float(activations.get(n)(at))), (x, y), color=plots.color(n), fontweight="bold",
                        ha=ha, va=va, fontsize=8.5, arrowprops={"arrowstyle": "-", "color": plots.color(n), "lw": 1.0})
        else:
            _tag(ax, n, x, y, text, ha=ha, va=va, fontsize=8.5)


@plots.styled
def families_row(x_max=SHARED_X):
    """The opening table's families before any formula (r61, pass 66: the chapter opened on a table with no curve):
    three families on one scale and a zoom on the dips (a gated unit is not one curve: not drawn, r83). Softmax takes
    a list, not one number, so it has no curve here. Solid lines with the names written on them (r73, pass 77)."""
    fig, axes = plots.new_figure(800, 330, 1, 4, gridspec_kw={"width_ratios": [1, 1, 1, 1.3]})
    x = np.linspace(-x_max, x_max, 301)
    for ax, (family, names) in zip(axes[:3], list(FAMILIES.items())[:3]):
        ax.set_title(family)
        _axes_lines(ax)
        for name in (n for n in names if n != "softmax"):
            # r87 (pass 88): SiLU hid under Mish in solid lines; the three dippers keep the zoom's dashes here too
            style = ZOOM_DIP_STYLE.get(name, {"ls": "-", "lw": 1.8})
            ax.plot(x, np.asarray(activations.get(name)(x), dtype=float), color=plots.color(name), **style)
        _overview_tags(ax, [n for n in names if n != "softmax"], OVERVIEW_TAGS, {**OVERVIEW_LEADERS, **OVERVIEW_HIDDEN_AT})
        ax.set(xlim=(-x_max, x_max), ylim=SHARED_Y, xticks=(-3, 0, 3))
    for ax in axes[1:3]:
        ax.set_yticklabels([])
    nx, ny, note = OVERVIEW_ZOOM_NOTE
    axes[1].text(nx, ny, note, color=STRIP_NOTE_COLOUR, ha="left", va="top", fontsize=OVERVIEW_NOTE_SIZE)
    axes[0].set(ylabel="output")
    az = axes[3]
    xz = np.linspace(*OVERVIEW_ZOOM_X, 401)
    _axes_lines(az)
    for name in OVERVIEW_ZOOM_NAMES:   # drawn over the axis line, so ReLU's flat 0 shows
        style = ZOOM_DIP_STYLE.get(name, {"ls": "-", "lw": 1.8, "zorder": 3})
        colour = plots.color(name)
        if name in ZOOM_SMOOTH:   # r103: their colours and dashes named them through the smooth panel; one grey
            style, colour = ZOOM_UNNAMED_STYLE, ZOOM_UNNAMED_COLOUR
        az.plot(xz, np.asarray(activations.get(name)(xz), dtype=float), color=colour, **style)
    _overview_tags(az, [n for n in OVERVIEW_ZOOM_NAMES if n not in ZOOM_SMOOTH], ZOOM_TAGS)
    # r102 (pass 100, Interaction): the dips' names and dots answered the later quiz; the curves stay, unnamed, with a
    # question (the named zoom shows after the quiz's click)
    qx, qy, question = ZOOM_DIP_QUESTION
    az.text(qx, qy, question, color=STRIP_NOTE_COLOUR, ha="left", va="bottom", fontsize=OVERVIEW_NOTE_SIZE)
    az.set(xlim=OVERVIEW_ZOOM_X, ylim=OVERVIEW_ZOOM_Y, xticks=(-4, -2, 0), yticks=(-0.4, -0.2, 0), title=OVERVIEW_ZOOM_TITLE, xlabel="x")   # r105: the zoom had no x label
    fig.set_label(FAMILIES_ALT)
    return fig


EXP_MARKS = (0.0, 1.0)   # where the e^x sketch draws a touching line: height 1 and e, slope the same
EXP_ALT = ("The curve y = eˣ for x from -3 to 1.5. Far left it sinks towards 0 but stays above it. Dashed lines "
           "touch it at " + " and at ".join(f"x = {m:g} (height {np.exp(m):.3g}, slope {np.exp(m):.3g})" for m in EXP_MARKS)
           + ": at each point, the slope equals the height.")


@plots.styled
def exp_sketch(marks=EXP_MARKS):
    """A small sketch of e^x before ELU's and SELU's formulas (r86, pass 87: 'as steep as it is high' was a leap):
    the curve, and at each mark a dashed touching line whose slope equals the height there (notebook 04)."""
    fig, ax = plots.new_figure(480, 240)
    x = np.linspace(-3.0, 1.5, 301)
    _axes_lines(ax)
    ax.plot(x, np.exp(x), color="black", lw=2.2)
    ax.text(-2.9, 0.9, "far left: near 0,\nnever below it", fontsize=9.5, va="bottom")
    for at in marks:
        h = float(np.exp(at))
        t = np.array([at - 0.55, at + 0.55])
        ax.plot(t, h + h * (t - at), color=plots.ACCENT, ls="--", lw=1.6)
        ax.plot([at], [h], "o", color=plots.ACCENT, ms=5)
        ax.text(at - 0.1, h + 0.15, f"height {h:.2f}".replace(".00", "") + f"\nslope {h:.2f}".replace(".00", ""),
                fontsize=9, ha="right", va="bottom", color=plots.ACCENT)
    ax.set(xlim=(-3.0, 1.5), ylim=(-0.3, 4.8), xticks=(-3, -2, -1, 0, 1), xlabel="x", ylabel="eˣ", title="eˣ: its slope equals its height")
    fig.set_label(EXP_ALT)
    return fig


@plots.styled
def relu_family(x_max=SHARED_X, zoom_y=(-0.042, 0.012)):
    """Left: the five ReLU relatives. Right: ReLU and Leaky ReLU on a stretched y axis, so the leak shows."""
    fig, (ax, az) = plots.new_figure(780, 330, 1, 2, gridspec_kw={"width_ratios": [1.25, 1]})
    x = np.linspace(-x_max, x_max, 401)
    for n in FAMILIES["ReLU family"]:
        ax.plot(x, activations.get(n)(x), color=plots.color(n), ls=":" if n == "leaky_relu" else "-")
    _axes_lines(ax)
    # ReLU's label sits on its flat left side; Leaky ReLU's higher up, with an arrow to the line it hides under (pass 23:
    # a reader saw the two labels and PReLU's stacked near the axis)
    # pass 28: PReLU's label at the left end of its line, off the crowded band under Leaky ReLU's note
    # r52: ReLU's label sat on the yellow strip; it now stands on the strip's top edge (va="bottom"), still on its line
    for n, (tx, ty) in {"relu": (-2.9, 0.09), "prelu": (-2.9, -0.52), "elu": (-2.9, -1.2), "selu": (-2.9, -1.95)}.items():
        _tag(ax, n, tx, ty, fontsize=9, **({"va": "bottom"} if n == "relu" else {}))
    ax.annotate("Leaky ReLU:\nhidden under ReLU", LEAKY_POINT, LEAKY_LABEL, color=plots.color("leaky_relu"),
                fontweight="bold", fontsize=9,
                arrowprops={"arrowstyle": "->", "color": plots.color("leaky_relu"), "lw": 1.2})
    ax.set(xlim=(-x_max, x_max), ylim=SHARED_Y, xlabel="x", ylabel="output",
           title="almost the same right side, different left sides")
    # a shaded strip with a thin outline, under the curves (a thick frame this flat reads as a black bar hiding ReLU
    # and Leaky ReLU; pass 15: unshaded, the strip was too thin to see)
    ax.add_patch(Rectangle((-x_max, zoom_y[0]), x_max + 0.5, zoom_y[1] - zoom_y[0], fc=ZOOM_STRIP_FILL,
                           ec=ZOOM_BOX_COLOUR, lw=ZOOM_BOX_LW, zorder=1))
    # the strip is 1% of the panel's height: a highlighter stroke along it, under everything, makes it visible; it is
    # about 5 times the strip's true height, and the label says so (pass 22: a reader measured it)
    ax.plot([-x_max, 0.5], [sum(zoom_y) / 2] * 2, color=ZOOM_STRIP_FILL, lw=9, solid_capstyle="butt", zorder=0.5)
    ax.annotate(STRIP_LABEL, (-0.35, zoom_y[1] + 0.05), (-2.9, 1.75), fontsize=9.5,
                color=STRIP_NOTE_COLOUR, arrowprops={"arrowstyle": "->", "color": ZOOM_BOX_COLOUR, "lw": 1.2})
    xz = np.linspace(-x_max, 0.5, 401)
    for n in ("relu", "leaky_relu"):
        az.plot(xz, activations.get(n)(xz), color=plots.color(n), lw=2.6)
    _axes_lines(az)
    _tag(az, "relu", -2.9, 0.004, text="ReLU: flat, slope 0")
    _tag(az, "leaky_relu", -2.9, -0.036, text="Leaky ReLU: slope 0.01")
    taller = (SHARED_Y[1] - SHARED_Y[0]) / (zoom_y[1] - zoom_y[0])   # the zoom the text names
    az.set(xlim=(-x_max, 0.5), ylim=zoom_y, xlabel="x", title=f"the thin strip, {taller:.0f}× taller")
    az.set_facecolor(ZOOM_STRIP_FILL + "66")   # the strip's shade, lighter: this panel is that strip
    for side in az.spines.values():   # the panel is the box, blown up: a frame in the box's colour
        side.set(lw=1.6, color=ZOOM_BOX_COLOUR, visible=True)
    return fig


REFERENCE_GREY = "#bbbbbb"
CORNER_HALF_WIDTH = 0.5   # the corner zoom's x runs from -0.5 to 0.5
# r51 (pass 57): the two right sides carried on to the left (slopes 1 and 1.05) lay on top of each other and hid the
# corner; SELU's left slope is now carried on to the right, dashed, and SELU's right side visibly turns away from it
CARRIED_LABEL = "SELU's left slope\n(1.76), carried on"
CARRIED_REACH = 0.4   # the dashed line runs from 0 to this x


def corner_slopes(name, eps=1e-9):
    """A bend's slope just left and just right of 0, from the registry."""
    f = activations.get(name)
    return float(f.derivative(-eps)), float(f.derivative(eps))


SLOPES_HEAD = "slope left | right of 0:"


def slopes_text(name):
    """The corner zoom's note: a bend's slope on each side of 0, at 2 decimals (a whole number when it is one)."""
    left, right = (f"{v:.2f}".rstrip("0").rstrip(".") for v in corner_slopes(name))
    return f"{label(name)}: {left} | {right}"


CORNER_ALT = ("Two panels, x from -0.5 to 0.5. Left: ELU and SELU, with SELU's left slope (1.76) carried on to "
              "the right of 0 as a dashed line; SELU's right side (slope 1.05) turns away from it at 0. Right: each "
              "bend's slope. ELU's slope is one "
              "unbroken line that rises to 1 at 0. SELU's slope jumps at 0, from {:.2f} just left to {:.2f} just "
              "right.").format(*corner_slopes("selu"))   # the two slopes read from the registry
SLOPE_Y = (0.0, 2.0)   # the slope panel's y axis: both slopes near 0 fit, with room for the notes


@plots.styled
def corner_zoom(w=CORNER_HALF_WIDTH):
    """Left: ELU and SELU for x from -0.5 to 0.5, each with its right side's straight line carried on to the left
    (dotted, labelled). ELU leaves that line smoothly; SELU leaves it at an angle, its corner (pass 29: a picture of
    its own, with normal-size ticks). Right (r38): each bend's slope over the same x; ELU's is one unbroken line,
    SELU's jumps from 1.76 to 1.05 at 0, so a corner is seen as a jump in the slope."""
    fig, (ax, ad) = plots.new_figure(820, 310, 1, 2)
    x = np.linspace(-w, w, 201)
    for n in ("elu", "selu"):
        ax.plot(x, activations.get(n)(x), color=plots.color(n), lw=2.4)
    steep = corner_slopes("selu")[0]   # SELU's slope just left of 0, carried on to the right: the corner is the angle
    ax.plot([0, CARRIED_REACH], [0, CARRIED_REACH * steep], color=plots.color("selu"), ls="--", lw=1.8)
    _axes_lines(ax)
    _tag(ax, "elu", -0.3, -0.12)    # above ELU's left side
    _tag(ax, "selu", -0.3, -0.6, va="top")   # below SELU's left side
    ax.annotate(CARRIED_LABEL, (0.3, 0.3 * steep), (-0.02, 0.55), color=plots.color("selu"), fontsize=10, ha="right",
                arrowprops={"arrowstyle": "->", "color": plots.color("selu"), "lw": 1.0})
    ax.annotate(f"SELU's right side:\nslope {corner_slopes('selu')[1]:.2f}", (0.35, float(activations.get("selu")(0.35))),
                (0.12, -0.3), color=plots.color("selu"), fontsize=10,
                arrowprops={"arrowstyle": "->", "color": plots.color("selu"), "lw": 1.0})
    ax.set(xlim=(-w, w), xlabel="x", ylabel="output", title="ELU has no corner; SELU has one")   # r64: ELU's curvature still jumps
    # r38: the corner was a faint bend; the slope panel shows it as a jump (values from the registry, each side)
    xl, xr = np.linspace(-w, -1e-9, 200), np.linspace(1e-9, w, 200)
    for n in ("elu", "selu"):
        f = activations.get(n)
        ad.plot(np.concatenate([xl, [np.nan], xr]),
                np.concatenate([f.derivative(xl), [np.nan], f.derivative(xr)]),
                color=plots.color(n), lw=2.4)
    left, right = corner_slopes("selu")
    ad.plot([0, 0], [right, left], color=plots.color("selu"), ls=":", lw=1.2)   # the jump itself, thin and dotted
    ad.plot([0], [left], "o", mfc="white", color=plots.color("selu"))
    ad.plot([0], [right], "o", color=plots.color("selu"))
    ad.axvline(0, color="black", lw=0.8)
    ad.text(-0.47, 0.4, SLOPES_HEAD, color=STRIP_NOTE_COLOUR, fontsize=10)   # under both curves
    for n, y in (("elu", 0.23), ("selu", 0.06)):
        _tag(ad, n, -0.47, y, text=slopes_text(n), fontsize=10)
    ad.annotate(f"jump:\n{left:.2f} → {right:.2f}", (0.0, (left + right) / 2), (0.1, 1.45),
                color=plots.color("selu"), fontweight="bold", fontsize=10,
                arrowprops={"arrowstyle": "->", "color": plots.color("selu"), "lw": 1.0})
    ad.set(xlim=(-w, w), ylim=SLOPE_Y, xlabel="x", ylabel="slope", title="a corner = a jump in the slope")
    fig.set_label(CORNER_ALT)
    return fig


# r68 (pass 72): "with a slope above 0, a unit whose sum is below 0 still gets a nudge" was backed by a table of
# slopes at x = -3 only; this picture draws each ReLU relative's slope along the left side.
# r72 (pass 75): the first Check already gave the slopes at x = -3, so the nudge Predict moved to x = -0.5, where ELU's
# and SELU's slopes pass PReLU's: the axis reaches above SELU's slope there, so the curves are seen to cross
NUDGE_X = -0.5              # where the Predict puts the unit's sum
NUDGE_DASH = {"relu": "-", "leaky_relu": ":", "prelu": "--", "elu": (0, (10, 3)), "selu": "-."}   # a dash each
NUDGE_XLIM = (-4.0, 0.0)    # the left side only: where ReLU is flat
# r76 (pass 80): up to SELU's 1.76 just left of 0, so no line runs off the top; r83 (pass 84): room below 0 for
# ReLU's name, which sat on Leaky ReLU's line and name
NUDGE_YLIM = (-0.22, 1.85)
# where each bend's name is written: (x, y) in data units, next to its own line (ReLU's below 0, at the far left,
# away from Leaky ReLU's, which sits above the two lines)
NUDGE_TAGS = {"relu": (-3.95, -0.06, "top"), "leaky_relu": (-1.3, 0.03, "bottom"),
              "prelu": (-3.95, 0.27, "bottom"), "elu": (-0.45, 0.42, "center"), "selu": (-1.6, 0.75, "bottom")}


def nudge_slopes(x=NUDGE_X, names=FAMILIES["ReLU family"]):
    """{bend: its slope at x}, from the registry (PReLU at its starting leak)."""
    return {n: float(activations.get(n).derivative(x)) for n in names}


def nudge_crossings():
    """{bend: the x where its slope passes PReLU's starting leak}, for ELU and SELU: slope c e^x = leak at ln(leak / c)
    (c: the slope just left of 0, 1 for ELU, 1.76 for SELU)."""
    leak = float(activations.get("prelu").derivative(-1.0))
    return {n: float(np.log(leak / float(activations.get(n).derivative(-1e-12)))) for n in ("elu", "selu")}


def _nudge_alt(x=NUDGE_X):
    s, c = nudge_slopes(x), nudge_crossings()
    return (f"Each ReLU relative's slope for x from -4 to 0. ReLU's slope is 0 all along. "
            f"Leaky ReLU's is {s['leaky_relu']:g} and PReLU's {s['prelu']:g}, the same all along. ELU's and SELU's "
            f"start near 0 far left and grow as x moves right towards 0, crossing PReLU's line: SELU's at x = {c['selu']:.2f}, ELU's at "
            f"x = {c['elu']:.2f}. A dotted line marks x = {x:g}: there SELU's slope is the highest ({s['selu']:.3g}), "
            # r104 (alt text said Leaky ReLU's slope there was 0; it is its leak, 0.01, as the fold says)
            f"then ELU's ({s['elu']:.2g}), PReLU's ({s['prelu']:g}), Leaky ReLU's ({s['leaky_relu']:g}) and "
            f"ReLU's ({s['relu']:g}).")


@plots.styled
def relu_family_slopes(x=NUDGE_X):
    """Slope against x, left of 0, for the five ReLU relatives, each labelled on its line; a dot on each at x."""
    fig, ax = plots.new_figure(620, 320)
    xs = np.linspace(*NUDGE_XLIM, 401)
    for n in FAMILIES["ReLU family"]:
        f = activations.get(n)
        ax.plot(xs, np.asarray(f.derivative(xs), dtype=float), color=plots.color(n), lw=2.2, ls=NUDGE_DASH[n])
        ax.plot([x], [float(f.derivative(x))], "o", color=plots.color(n), ms=6)
    for n, (tx, ty, va) in NUDGE_TAGS.items():
        _tag(ax, n, tx, ty, fontsize=10, va=va)
    ax.axvline(x, color=STRIP_NOTE_COLOUR, ls=":", lw=1.2)
    ax.text(x - 0.05, NUDGE_YLIM[1] - 0.03, f"x = {x:g}", color=STRIP_NOTE_COLOUR, fontsize=10, va="top", ha="right")
    ax.set(xlim=NUDGE_XLIM, ylim=NUDGE_YLIM, xlabel="x (the unit's sum)", ylabel="slope",
           title="left of 0: each bend's slope, which multiplies the nudge")
    fig.set_label(_nudge_alt(x))
    return fig


# r89 (pass 89): the backward signal was an abstract paragraph; one worked example in numbers replaces most of it
BACKWARD_CALL, BACKWARD_X = 2.0, -1.0


def backward_rows(call=BACKWARD_CALL, x=BACKWARD_X, names=("relu", "elu")):
    """{bend: (its slope at x, call × slope)}, each rounded as printed (2 decimals), so the row multiplies out."""
    slopes = {n: round(float(activations.get(n).derivative(x)), 2) + 0.0 for n in names}
    return {n: (s, round(call * s, 2) + 0.0) for n, s in slopes.items()}


# r103 (pass 101, picture first): the table came with no picture; a small one draws ReLU's and ELU's slopes left of 0,
# a dot on each at the unit's sum, and call × slope written by each dot
BACKWARD_XLIM, BACKWARD_YLIM = (-4.0, 0.0), (-0.15, 1.1)


def _backward_alt(call=BACKWARD_CALL, x=BACKWARD_X):
    rows = backward_rows(call, x)
    (rs, rb), (es, eb) = rows["relu"], rows["elu"]
    return (f"ReLU's and ELU's slopes for x from -4 to 0. ReLU's is flat at 0 all along. ELU's starts near 0 far "
            f"left and rises to 1 at 0. A dotted line marks x = {x:g}, with a dot on each slope: ReLU's at {rs:g}, "
            f"with {call:g} × {rs:g} = {rb:g} written by it; ELU's at {es:g}, with {call:g} × {es:g} = {eb:g}.")


@plots.styled
def backward_picture(call=BACKWARD_CALL, x=BACKWARD_X):
    """ReLU's and ELU's slope from -4 to 0, a dot on each at x, and call × slope (the backward signal) by each dot;
    the slopes and products are backward_rows', so the picture and the table below it say the same numbers."""
    rows = backward_rows(call, x)
    fig, ax = plots.new_figure(520, 260)
    xs = np.linspace(*BACKWARD_XLIM, 401)
    for n, ls in (("relu", "-"), ("elu", (0, (10, 3)))):
        ax.plot(xs, np.asarray(activations.get(n).derivative(xs), dtype=float), color=plots.color(n), lw=2.4, ls=ls)
        slope, signal = rows[n]
        ax.plot([x], [slope], "o", color=plots.color(n), ms=7)
        right = n == "relu"   # ReLU's product right of its dot (under ELU's rising curve); ELU's left of its dot
        ax.text(x + (0.12 if right else -0.12), slope + 0.08, f"{call:g} × {slope:g} = {signal:g}",
                color=plots.color(n), fontweight="bold", fontsize=10.5, va="bottom", ha="left" if right else "right")
    _tag(ax, "relu", -3.9, 0.05, fontsize=10, va="bottom")
    _tag(ax, "elu", -2.4, 0.2, fontsize=10, va="bottom")
    ax.axvline(x, color=STRIP_NOTE_COLOUR, ls=":", lw=1.2)
    ax.set(xlim=BACKWARD_XLIM, ylim=BACKWARD_YLIM, xlabel="x (the unit's sum)", ylabel="slope",
           title=f"backward signal = call {call:g} × slope at x = {x:g}".replace("-", "−"))
    fig.set_label(_backward_alt(call, x))
    return fig


def backward_example(call=BACKWARD_CALL, x=BACKWARD_X):
    """The worked example under 'Why does the slope decide the nudge?': a small picture of the two slopes (r103), then
    call × slope = backward signal, ReLU and ELU."""
    rows = backward_rows(call, x)
    if abs(rows["elu"][1] - call * float(activations.get("elu").derivative(x))) >= 0.005 or rows["relu"][1] != 0:
        raise ValueError(f"the worked example no longer multiplies out: {rows}")
    fig = backward_picture(call, x)
    picture = tables.image(figure_png(fig), figure_alt(fig), 520)
    x_text = f"{x:g}".replace("-", "−")
    lines = "\n".join(f"| {label(n)} | {call:g} × {s:g} = {b:g} |" for n, (s, b) in rows.items())
    return Markdown(f"""{picture}

| bend | call × slope at {x_text} = backward signal |
|---|---|
{lines}
""")   # r94 (pass 93, Clarity): the nudge is the next cell's own step


def nudge_answer(x=NUDGE_X):
    """The answer to 'a unit's sum sits at x = -0.5: which bend gives its weights the biggest nudge?', computed."""
    s, c = nudge_slopes(x), nudge_crossings()
    order = sorted((n for n in s if n != "relu"), key=lambda n: -s[n])
    if order[:3] != ["selu", "elu", "prelu"] or s["relu"] != 0 or not max(c.values()) < x:
        raise ValueError(f"the answer the text gives no longer holds: {order}")
    fig = relu_family_slopes(x)   # r70 (pass 73): drawn under the question, the labelled picture gave the answer away
    picture = tables.image(figure_png(fig), figure_alt(fig), 620)
    return fold("Check your prediction", f"""
{label(order[0])}: slope {s[order[0]]:.2f}. Then {", ".join(f"{label(n)} ({s[n]:.2f})" for n in order[1:])}.
ReLU gives none: its slope is 0.
A common wrong answer: PReLU, whose slope is the biggest far left.
In fact, as $x$ moves right towards 0, ELU's and SELU's slopes grow.
They pass PReLU's well before $x = {x:g}$.

{picture}
""")


# r52 change 1 (pass 58): the spread growing or shrinking layer by layer was numbers and words only; one small
# picture shows it before the "30 people" analogy: five layers that double, keep or halve every number
DOUBLING_START, DOUBLING_LAYERS = 2.0, 5
DOUBLING_FACTORS = {"each layer doubles": 2.0, "each layer keeps it": 1.0, "each layer halves": 0.5}


def doubling_runs(start=DOUBLING_START, layers=DOUBLING_LAYERS):
    """{what a layer does: spreads at layers 0..layers}, for a layer that multiplies every number by a factor."""
    return {text: start * f ** np.arange(layers + 1) for text, f in DOUBLING_FACTORS.items()}


def _fraction(v):
    """64 -> '64', 0.0625 -> '1/16': a spread as the text writes it."""
    return f"{v:g}" if v >= 1 else f"1/{1 / v:g}"


DOUBLING_ALT = ("Spread (each tick 4 times the last) against layer, 0 to 5, starting at 2. Doubling each layer: 2, 4, 8, 16, 32, "
                "64. Keeping it: flat at 2. Halving each layer: down to 1/16.")


@plots.styled
def doubling_spread(start=DOUBLING_START, layers=DOUBLING_LAYERS):
    """The spread over five layers that double, keep or halve every number, each tick 4 times the last (a log axis:
    doubling and halving are straight lines)."""
    fig, ax = plots.new_figure(560, 280)
    looks = {"each layer doubles": ("#D55E00", "-"), "each layer keeps it": ("black", "--"),
             "each layer halves": (plots.ACCENT, "-")}
    for text, spreads in doubling_runs(start, layers).items():
        colour, ls = looks[text]
        ax.plot(np.arange(layers + 1), spreads, "o", color=colour, ls=ls, lw=2)
        ax.text(layers + 0.15, spreads[-1], f"{text}: {_fraction(spreads[-1])}", color=colour, va="center",
                fontsize=10, fontweight="bold")
    ax.set_yscale("log", base=2)
    ticks = [2.0 ** k for k in range(-3, 6, 2)]   # 1/8, 1/2, 2, 8, 32: the start is a tick, each tick 4 times the last
    ax.set_yticks(ticks, [_fraction(t) for t in ticks])
    ax.minorticks_off()
    ax.set(xlim=(-0.2, layers + 3.3), ylim=(start * 0.5 ** (layers + 0.5), start * 2.0 ** (layers + 0.5)),
           xticks=range(layers + 1), xlabel="layer", ylabel="spread (each tick: × 4)",
           title=f"the spread, starting at {start:g}, over {layers} layers")
    fig.set_label(DOUBLING_ALT)
    return fig


SPREAD_MAP_IN = (0.25, 3.0)   # the spread-map picture's x axis: the SELU widget's slider range
SPREAD_MAP_MARKS = (0.5, 1.0, 2.0)   # the spreads the picture marks and the text quotes


def spread_map(starts=None):
    """[(spread in, spread out)] for one SELU layer with LeCun-normal weights, inputs of average 0 (notebook 04)."""
    starts = np.linspace(*SPREAD_MAP_IN, 56) if starts is None else starts
    return [(float(s), signal_stats.one_layer_spread("selu", float(s))) for s in starts]


def _spread_map_alt():
    """The in/out picture's alt text, its numbers read from the same layer as its dots."""
    low, one, high = SPREAD_MAP_MARKS
    small, big = (signal_stats.one_layer_spread("selu", v) for v in (low, high))
    return (f"One SELU layer: spread in (across, {SPREAD_AXIS[0]:g} to {SPREAD_AXIS[1]:g}) against spread out (up, the "
            f"same scale), with a dashed diagonal where out equals in. Left of {one:g} the curve is just above the "
            f"diagonal: {low:g} in, {small:.2g} out, so the spread grows. Right of {one:g} it is below: {high:g} in, "
            f"{big:.2g} out, so the spread shrinks. It crosses the diagonal at {one:g}: {one:g} in, {one:g} out.")


SPREAD_AXIS = (0.0, 3.0)   # both axes of the in/out picture: the same scale, so the diagonal is out = in
SPREAD_LABEL_AT = {0.5: (0.1, 1.2), 1.0: (1.25, 0.5), 2.0: (2.15, 1.05)}   # each dot's words, clear of the lines
SPREAD_VERDICT = {0.5: "grows", 1.0: "stays", 2.0: "shrinks"}   # what one layer does to that spread


@plots.styled
def spread_in_out():
    """Spread out of one SELU layer against spread in, with the dashed diagonal out = in: above it left of 1 (the
    spread grows), below it right of 1 (it shrinks), crossing at 1, where SELU settles (r38: the pull-back was only
    in words; r72, pass 75: drawn as out ÷ in; r80 (pass 82): the text reads spreads off the dots, so the axes are
    spreads again, on one scale, each dot labelled "in → out" with a short line from the diagonal to it)."""
    fig, ax = plots.new_figure(560, 400)
    s_in, s_out = (np.array(v) for v in zip(*spread_map()))
    lo, hi = SPREAD_AXIS
    colour = plots.color("selu")
    ax.plot([lo, hi], [lo, hi], color=REFERENCE_GREY, ls="--", lw=1.6)
    ax.text(2.55, 2.75, "out = in", color=STRIP_NOTE_COLOUR, fontsize=10, ha="right", va="bottom")
    ax.fill_between(s_in, s_in, s_out, color=colour, alpha=0.18, lw=0)   # the gap to the diagonal, shaded
    ax.plot(s_in, s_out, color=colour, lw=2.6)
    for s in SPREAD_MAP_MARKS:
        out = signal_stats.one_layer_spread("selu", s)
        ax.plot([s, s], [s, out], color=STRIP_NOTE_COLOUR, lw=1.2)   # the gap, from the diagonal to the dot
        ax.plot([s], [out], "o", color=colour, ms=7, zorder=5)
        ax.annotate(f"{s:g} in → {out:.2g} out:\n{SPREAD_VERDICT[s]}", (s, out), SPREAD_LABEL_AT[s], fontsize=10,
                    color=STRIP_NOTE_COLOUR, arrowprops={"arrowstyle": "-", "color": STRIP_NOTE_COLOUR, "lw": 0.8})
    ax.set(xlim=SPREAD_AXIS, ylim=SPREAD_AXIS, xlabel="spread into one SELU layer", ylabel="spread out of it",
           title="SELU: spreads move towards 1")
    fig.set_label(_spread_map_alt())
    return fig


SELU_SLOPE_X = (-4.0, 2.0)   # the slope picture's x axis: far left (flat), the stretch zone, and right of 0


def selu_stretch_edge():
    """The x right of which SELU's slope is above 1: ln(1 / 1.76), about -0.56 (its left slope is 1.76 e^x)."""
    return float(np.log(1 / float(activations.get("selu").derivative(-1e-12))))


def _selu_slope_alt():
    right = float(activations.get("selu").derivative(1.0))
    return (f"SELU's slope against x, from {SELU_SLOPE_X[0]:g} to {SELU_SLOPE_X[1]:g}, with a dashed line at slope 1. "
            f"The band from x = {selu_stretch_edge():.2f} to the right edge is shaded: there the slope is above 1, on both "
            "sides of 0, and SELU stretches numbers apart. "
            f"Far left it is nearly 0: there SELU squeezes numbers together near its floor. Right of 0 it is only "
            f"{right:.2f}: a weak stretch.")


@plots.styled
def selu_slope():
    """SELU's slope at each x, the line at 1 dashed, the stretch zone (slope above 1, everywhere right of -0.56) shaded, the flat
    left side and the weak right side (1.05) named (r59: the stretch and the squeeze were held in the head only)."""
    fig, ax = plots.new_figure(620, 300)
    selu, edge = activations.get("selu"), selu_stretch_edge()
    lo, hi = SELU_SLOPE_X
    xl, xr = np.linspace(lo, -1e-9, 400), np.linspace(1e-9, hi, 200)
    sl, sr = np.asarray(selu.derivative(xl)), np.asarray(selu.derivative(xr))
    colour = plots.color("selu")
    ax.plot(np.concatenate([xl, [np.nan], xr]), np.concatenate([sl, [np.nan], sr]), color=colour, lw=2.6)
    ax.axhline(1, color=REFERENCE_GREY, ls="--", lw=1.6)
    ax.axvline(0, color="black", lw=0.8)
    # r80 (pass 82): the shading between the curve and 1 was a hair right of 0 (1.05), so it read as "only -0.56 to
    # 0"; the whole stretch zone, right of the edge, is one shaded band
    ax.axvspan(edge, hi, color=colour, alpha=0.15, lw=0, zorder=0)
    ax.text(lo + 0.1, 1.04, "slope 1", color=STRIP_NOTE_COLOUR, fontsize=10, va="bottom")
    ax.annotate(f"shaded: slope above 1,\nright of {edge:.2f}:\nstretches".replace("-", "−"), (edge, 1.0), (-2.35, 1.35), color=STRIP_NOTE_COLOUR,
                fontsize=10, arrowprops={"arrowstyle": "->", "color": STRIP_NOTE_COLOUR, "lw": 1.0})
    ax.text(-3.9, 0.2, "nearly flat:\nsqueezes", color=STRIP_NOTE_COLOUR, fontsize=10, va="bottom")
    ax.text(0.15, float(sr[0]) - 0.08, f"right of 0: only {float(sr[0]):.2f},\na weak stretch", color=STRIP_NOTE_COLOUR,
            fontsize=10, va="top")
    ax.set(xlim=SELU_SLOPE_X, ylim=(0, 2.0), xlabel="x", ylabel="SELU's slope", title="where SELU stretches and squeezes")
    fig.set_label(_selu_slope_alt())
    return fig


def selu_why_fold():
    """'Optional': the in/out picture (what one SELU layer does to a spread), SELU's slope picture, why a small spread
    grows and a big one shrinks, and SELU's setting in a short list (r61, pass 66: the SELU part was a third of the
    zoo; r80, pass 82: its two folds brought in five terms; r83, pass 84: the in/out picture moved in here from the
    main text, which had 13 SELU cells; r87, pass 88: the weighing of stretch against squeeze cut to two short
    sentences, the slope picture shows the weak right side). Every number is computed here."""
    low, one, high = SPREAD_MAP_MARKS   # 0.5, 1 and 2: the spreads the picture marks and the text quotes
    big, small = signal_stats.one_layer_spread("selu", high), signal_stats.one_layer_spread("selu", low)
    # r90 (pass 89b, Clarity/Focus): the doubling picture and its numbers moved in here from the main path, which
    # keeps only the average, the spread, the message analogy and the widget
    runs = doubling_runs()
    up = runs["each layer doubles"]   # r114 (pass 111, Focus): the picture labels the ends (64, 1/16); the fold says only the start
    in_out, slope = spread_in_out(), selu_slope()
    pictures = [tables.image(figure_png(f), figure_alt(f), w)
                for f, w in ((doubling_spread(), 560), (in_out, 560), (slope, 620))]
    edge = f"{selu_stretch_edge():.2f}"
    right = float(activations.get("selu").derivative(1.0))   # r99 (pass 98): the weak stretch right of 0, 1.05
    floor = f"{_at('selu', -50.0):.2f}".replace("-", "−")   # r100 (pass 99): what the big spread meets far left
    return fold(SELU_FOLD_TITLE, f"""
Picture five layers that double, keep or halve a spread of {up[0]:g}:

{pictures[0]}

Each tick is 4 times the last, so steady doubling is a straight line.

SELU pulls each spread towards 1:

{pictures[1]}

One SELU layer: {low:g} in gives {small:.2f} out; {high:g} in gives {big:.2g} out. Both move towards {one:g}.

{pictures[2]}

Why? Right of $x \\approx {edge}$ (shaded), SELU's slope is above 1: a small spread grows.
A big spread puts many sums far left and far right of 0.
Far left, SELU squashes sums near its floor, {floor}.
Right of 0, it stretches them only {right:.2f}×.
The squash on the left outweighs that stretch. So the spread shrinks.

{SELU_SCOPE}""")


SPREAD_WIDTH = 128   # units in each layer of the widget's network (the SELU fold says it)
# r106 (Clarity): the Try it says why small weights keep the spread: each unit adds up SPREAD_WIDTH inputs, each times a
# weight of typical size 1/sqrt(SPREAD_WIDTH) (LeCun-normal's spread), rounded as the text says it
SPREAD_WEIGHT_SIZE = round(float(1 / np.sqrt(SPREAD_WIDTH)), 2)
SPREAD_ROOT = round(float(np.sqrt(SPREAD_WIDTH)))   # √128 ≈ 11: the "about 11 times one product" of the Try it
SELU_FOLD_TITLE = "Optional: why SELU pulls back, and when it does"
# r80 (pass 82): the setting in a few short lines; the weights' rule is named once, its reason is the glossary's
SELU_SCOPE = ("**When does SELU do this?** In the widget's setting:\n\n"
              # r84 (pass 85): the width moved here from the main text
              f"- a plain stack of wide layers (here {SPREAD_WIDTH} units): every unit sees every input;\n"
              # r81 (pass 83): the weights' name was only a link; one plain line says what they are
              # r83 (pass 84): the spread only matches when the inputs average 0, so the line says so
              # r84 (pass 85): "smaller when a unit has more inputs" moved here from the main text
              "- SELU's starting weights, [LeCun-normal](91_glossary.ipynb#Glossary): random, smaller when a unit has "
              "more inputs, so a sum's spread matches its inputs'.\n"
              # r112 (pass 110): the sqrt(width) reason sat here; p117 (r116 Clarity): it moved back to the Try it, which
              # rests on it (the weights' typical size, 1/sqrt(128), is said there)
              "- inputs that average near 0.\n")


SPREAD_RUNS = {"SELU": ("selu", 1.0), "ReLU, LeCun weights": ("relu", 1.0), "ReLU, He weights": ("relu", 2.0)}
# r75 (pass 78): the main text no longer names LeCun-normal (it is in the fold): the widget says "same weights"
SPREAD_SHOWN = {"SELU": "SELU", "ReLU, LeCun weights": "ReLU, same weights", "ReLU, He weights": "ReLU, He weights"}
SPREAD_STARTS = (0.25, 3.0, 0.25)   # the slider "spread into layer 1": low, high, step

# pass 29: one He draw ended at 0.98 beside SELU's 0.99 and seemed to answer "does anything pull it back?" with yes;
# five random networks (fixed seeds, so outputs are stable) show the drift: each ends somewhere else
# pass 36: SELU was shown on one draw beside He's five; every run now uses the same five networks
DRAW_SEEDS = (0, 1, 2, 3, 4)
HE_SEEDS = DRAW_SEEDS   # the He runs' networks (the name tests and older passes use)
DRAWS_NOTE = f"{len(DRAW_SEEDS)} random networks each"


@lru_cache(maxsize=256)
def _run(name, gain, start, depth, seed=0):
    """Average and spread after each of `depth` random layers, with the input itself as layer 0."""
    if name == "relu" and start != 1.0:
        # ReLU(c·z) = c·ReLU(z) for c > 0, and the draws are the same: the run from `start` is the run from 1, scaled
        # (one network run per slider step instead of three; tests/test_chapter_04.py checks it against a real run)
        m, s = _run(name, gain, 1.0, depth, seed)
        return start * m, start * s
    m, s = _average_and_spread(name, depth=depth, width=SPREAD_WIDTH, n=256, seed=seed, gain=gain, spread_in=start)
    return np.concatenate([[0.0], m]), np.concatenate([[start], s])


def signal_after(depth=30, start=1.0):
    """{run: (average, spread)} at layers 0..depth in the first random network: SELU, ReLU with SELU's LeCun-normal
    weights, ReLU with He weights."""
    start = round(float(start), 10)   # a slider may send 0.7500000000000001: the same stop, the same cached run
    return {text: _run(name, gain, start, depth) for text, (name, gain) in SPREAD_RUNS.items()}


def run_draws(depth=30, start=1.0):
    """{run: [(average, spread)]} at layers 0..depth, one pair per random network in DRAW_SEEDS, the same networks for
    every run (the first is signal_after's)."""
    start = round(float(start), 10)
    return {text: [_run(name, gain, start, depth, seed) for seed in DRAW_SEEDS]
            for text, (name, gain) in SPREAD_RUNS.items()}


def he_draws(depth=30, start=1.0):
    """[(average, spread)] at layers 0..depth for ReLU with He weights, one per random network in HE_SEEDS (the first
    is signal_after's He run)."""
    return run_draws(depth, start)["ReLU, He weights"]


SETTLE_WITHIN = 0.1   # "within 0.1 of 1": the band drawn in the spread panel and the Check's words
# r70 (pass 73): at the layer where the lines first stayed inside the band (10), some sat at 1.08, right at its edge;
# the layer named is where every line stays well inside: within 0.07 of 1, at least 0.03 from the band's edge
SETTLE_CLEAR = 0.07
SETTLE_BAND = "#d4d4d4"   # light grey, behind every line


def selu_settle_layer(depth=30, high=2.0, low=0.5):
    """The layer from which all five SELU networks, started at spread `high` or `low`, stay well inside the band:
    within SETTLE_CLEAR (0.07) of 1."""
    return max(back_near_one(s, SETTLE_CLEAR) for start in (high, low) for _, s in run_draws(depth, start)["SELU"])


def _span(values):
    """'0.26 to 2.64': the lowest and highest of a few runs' end values, 2 decimals, never '-0.00'."""
    lo, hi = (round(float(v), 2) + 0.0 for v in (min(values), max(values)))
    return f"{lo:.2f} to {hi:.2f}"


def _middle(values):
    """'1.00': the middle (median) of a few runs' end values, 2 decimals, never '-0.00'."""
    return f"{round(float(np.median(values)), 2) + 0.0:.2f}"


MIDDLE_NOTE = f"the middle value of the {len(DRAW_SEEDS)} networks (half above, half below)"


# r89 (pass 89): the tick box that shows ReLU's lines (off at first), and the alt text while they are hidden
SHOW_RELU = "show ReLU"
RELU_HIDDEN = "ReLU's lines are hidden until 'show ReLU' is ticked."
# r94 (pass 93, Clarity): the lines before the widget describe only what it first shows; ReLU is said once ticked
RELU_NOTE = ("<i>ReLU's lines use the same weights as SELU's.<br>"
             "ReLU's average jumps at layer 1: its outputs are never below 0.</i>")
# r86 (pass 87): the stored readout showed the Predict's answer; until the slider moves it says only this
# r91 (pass 90, Focus): how to read the table was said in the Check's prose; it now sits in the widget itself
# r105: no table shows before the first move; the line says when it appears, and what "middle value" means
SPREAD_WAIT = ("<i>Move the slider: a table of the spreads after {depth} layers appears here.<br>"
               f"It gives {MIDDLE_NOTE}.</i>")


def _draw_key(text, k, key):
    """The widget's line name: 'SELU: spread' for the first network, 'SELU, draw 2: spread' for the next ones."""
    return f"{text}: {key}" if k == 0 else f"{text}, draw {k + 1}: {key}"


@plots.styled
def selu_spread(start=1.0, depth=30):
    """Drag the spread at the start: in five random networks, SELU pulls its signal back to spread 1 layer by layer;
    ReLU with the same LeCun-normal weights fades to 0 (notebook 04). Each panel's y-axis fits every run drawn at the
    slider's top. r56 (pass 62): the He runs' own widget is cut (a detour about starting weights, not bends); the
    chapter says their one point in a sentence, and SPREAD_RUNS keeps them for chapter 07's Q28."""
    runs = {text: spec for text, spec in SPREAD_RUNS.items() if text != "ReLU, He weights"}
    live = LiveFigure(780, 340, 1, 2)
    ax_m, ax_v = live.axes
    layers = np.arange(depth + 1)
    # r50: the axes fit every run drawn at the slider's top, so every start compares at a glance
    high = [pair for text, pairs in run_draws(depth, SPREAD_STARTS[1]).items() if text in runs for pair in pairs]
    top = max(float(np.max(m)) for m, _ in high)
    ax_m.set(xlim=(0, depth), ylim=(-0.15, 1.1 * top), xlabel="layer", ylabel="average output",
             title="average, layer by layer")
    widest = max(float(np.max(s)) for _, s in high)
    ax_v.set(xlim=(0, depth), ylim=(0, 1.05 * widest), xlabel="layer", ylabel="spread",
             title="spread, layer by layer")
    for axis, level in ((ax_m, 0), (ax_v, 1)):   # the levels SELU aims for: light, dashed, behind the runs
        axis.axhline(level, color=REFERENCE_GREY, ls="--", lw=1.2, zorder=1)
    # r48: the Check's "by layer 10, within 0.1 of 1" is read off the picture: the band 0.9 to 1.1, that layer marked
    settle = selu_settle_layer(depth)
    ax_v.axhspan(1 - SETTLE_WITHIN, 1 + SETTLE_WITHIN, color=SETTLE_BAND, zorder=0, lw=0)
    ax_v.axvline(settle, color=STRIP_NOTE_COLOUR, ls=":", lw=1.2, zorder=1)
    ax_v.text(settle + 0.4, 1.05 * widest * 0.93, f"layer {settle}", color=STRIP_NOTE_COLOUR, fontsize=10)
    # r50: the band's label sits under the band
    ax_v.text(depth - 0.3, 1 - SETTLE_WITHIN - 0.06, f"spread 1 (band: {1 - SETTLE_WITHIN:g} to {1 + SETTLE_WITHIN:g})",
              color=STRIP_NOTE_COLOUR, fontsize=9, ha="right", va="top",
              bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    # r51 (pass 57): at 3.2 the five SELU lines merged into one band that seemed to touch the grey band's edge; at 2.2
    # they stay the thickest, yet each line and the band's edge can be told apart
    looks = {"SELU": {"ls": "-", "lw": 2.2, "zorder": 5},   # SELU thickest, on top
             "ReLU, LeCun weights": {"ls": "-", "lw": 1.6, "zorder": 3}}
    lines = {}
    # r47: moving lines are drawn in the order they are made (zorder is not consulted), so SELU is made last: on top
    for text, (name, _) in reversed(list(runs.items())):   # one line per random network; one legend entry per run
        for k, _ in enumerate(DRAW_SEEDS):
            for key, axis in (("average", ax_m), ("spread", ax_v)):
                lines[_draw_key(text, k, key)] = live.moving(axis.plot(
                    layers, np.zeros(depth + 1), color=plots.color(name), label=text if k == 0 else "_nolegend_",
                    **looks[text])[0])
    handles = {label: h for h, label in zip(*ax_v.get_legend_handles_labels())}
    legend = live.figure.legend([handles[t] for t in runs], [SPREAD_SHOWN[t] for t in runs], loc="outside lower center", ncol=len(runs))   # below: no curve under it
    low, high, step = SPREAD_STARTS
    sliders = {"start": slider("spread into layer 1", start, low, high, step)}
    # r89 (pass 89): ReLU's lines answered the Predict's second step before any move; hidden until ticked
    show_relu = widgets.Checkbox(value=False, description=SHOW_RELU, indent=False)
    readout = widgets.HTML(SPREAD_WAIT.format(depth=depth))
    relu_note = widgets.HTML("")

    def update():
        draws = {text: pairs for text, pairs in run_draws(depth, sliders["start"].value).items() if text in runs}
        state["draws"] = draws   # before render: the new picture's name is read from it
        for text, pairs in draws.items():
            for k, (m, s) in enumerate(pairs):
                lines[_draw_key(text, k, "average")].set_ydata(m)
                lines[_draw_key(text, k, "spread")].set_ydata(s)
        if state.get("relu_shown") != show_relu.value:   # the legend is in the cached background: redraw it
            state["relu_shown"] = show_relu.value
            for key, line in lines.items():
                if key.startswith("ReLU"):
                    line.set_visible(show_relu.value)
            for part in (legend.legend_handles[1], legend.get_texts()[1]):
                part.set_visible(show_relu.value)
            relu_note.value = RELU_NOTE if show_relu.value else ""
            live.invalidate()
        live.render()
        # r39: one number a cell; r81 (pass 83): the lowest and highest spread columns (r43) were one thing too many:
        # the middle of the five networks only (the He runs they guarded against are gone since r56)
        rows = [(SPREAD_SHOWN[text], _middle([m[-1] for m, _ in pairs]), _middle([s[-1] for _, s in pairs]))
                for text, pairs in draws.items() if text == "SELU" or show_relu.value]
        # r84 (pass 85): the header's "(the middle value of the 5 networks)" moved into the Check's fold
        # r86 (pass 87): the table answers the Predict, so it waits for the learner's first move (SPREAD_WAIT till then)
        if state["moved"]:
            readout.value = tables.html_table([f"after {depth} layers", "average", "spread"], rows)

    def moved():
        state["moved"] = True
        update()

    state = {"moved": False}
    on_change(sliders.values(), moved)
    on_change([show_relu], update)
    update()
    return _DescribedWidget(
        [sliders["start"], show_relu, relu_note, readout, live.image], live,
        "SELU and the spread: drag the spread into layer 1 (static picture below)",
        sliders=sliders, readout=readout, lines=lines, checkboxes={"relu": show_relu}, relu_note=relu_note,
        describe=lambda: selu_spread_alt(sliders["start"].value, state["draws"], depth, settle, show_relu.value),
    )


def selu_spread_alt(start, draws, depth, settle, relu_shown=True):
    """The SELU widget's picture in words, from the runs drawn (r81, pass 83: its stored picture had no alt text)."""
    def ends(pairs, k):
        span = _span([pair[k][-1] for pair in pairs])
        low, high = span.split(" to ")
        return low if low == high else span
    selu, relu = draws["SELU"], draws["ReLU, LeCun weights"]
    relu_left = (f"; {SPREAD_SHOWN['ReLU, LeCun weights']} (thin, solid) jumps up at layer 1, then ends at {ends(relu, 0)}"
                 if relu_shown else "")
    relu_right = f"; ReLU's end at {ends(relu, 1)}." if relu_shown else f". {RELU_HIDDEN}"
    return (f"Two panels, layer 0 to {depth} across, {len(selu)} random networks drawn for each bend, the inputs' "
            f"spread: {start:g}. Left, average output: SELU's lines (thick, solid) end at {ends(selu, 0)}{relu_left}. "
            f"Right, spread, with a grey band from {1 - SETTLE_WITHIN:g} to {1 + SETTLE_WITHIN:g} and a dotted line "
            f"at layer {settle}: SELU's lines end at {ends(selu, 1)}{relu_right}")


class _DescribedWidget(LiveWidget):
    """A LiveWidget whose stored picture carries its describe() as alt text (notebook 04's SELU widget)."""

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        return (data, {"image/png": {"alt": self.describe()}}) if "image/png" in data else data


# r35: the SiLU and Mish labels sat far from their lines, with arrows; each now sits just below its own line
MISH_LABEL, MISH_AT = "Mish, with SiLU\njust above it (see the zoom)", (-2.7, -0.45)   # under the dip (r40: left, clear of the ReLU label)
# r112 (pass 110, Interaction): before the dip quiz, the label does not give the dip order away (SiLU above Mish holds
# only left of 0); left of 0 the two stay within MISH_SILU_CLOSE of each other (tests/test_chapter_04.py)
SMOOTH_CURVES_MISH_LABEL = "Mish and SiLU\n(close together\nleft of 0)"
MISH_SILU_CLOSE = 0.04
SILU_AT = 1.6   # SiLU's label runs along its line from here, just below it: right of 0, SiLU is the lowest curve
RELU_LABEL, RELU_POINT = (1.2, -0.9), (0.9, 0.9)
GELU_LABEL, GELU_POINT = (-2.4, 1.3), -1.6   # "GELU": above-left, its leader line down to its own dip (r40)   # "ReLU (dotted)": below the curves, its arrow up to the line


def _smooth_curves_on(ax, x_max=SHARED_X, mish_label=MISH_LABEL):
    """GELU, SiLU, Mish and softplus with ReLU dotted, labelled, on one axes (the left panel of smooth_family)."""
    x = np.linspace(-x_max, x_max, 401)
    ax.plot(x, activations.get("relu")(x), color=plots.color("relu"), ls=":", lw=1.6)
    for n in FAMILIES["smooth family"]:
        ax.plot(x, activations.get(n)(x), color=plots.color(n))
    _axes_lines(ax)
    _tag(ax, "softplus", -2.9, 0.45, fontsize=9)
    silu = activations.get("silu")
    along = np.degrees(np.arctan(float(silu.derivative(SILU_AT + 0.5))))   # the line's angle in data units
    _tag(ax, "silu", SILU_AT, float(silu(SILU_AT)) - 0.45, fontsize=9, rotation=along, rotation_mode="anchor",
         transform_rotates_text=True)
    # pass 26: a bare "Mish" sat where SiLU and Mish overlap, so a reader could not tell which line it named
    _tag(ax, "mish", *MISH_AT, text=mish_label, fontsize=9, va="top")
    # pass 23: the label floated away from its line; right of 0 the dotted line runs just above the three smooth curves,
    # clearest near x = 1, so the arrow points there
    ax.annotate("ReLU (dotted)", RELU_POINT, RELU_LABEL, color=plots.color("relu"), fontweight="bold", fontsize=9,
                arrowprops={"arrowstyle": "->", "color": plots.color("relu"), "lw": 1.2})
    # r40: right of 0, GELU runs within 0.03 of Mish, so an arrow there could name either; left of 0 GELU's shallow
    # dip lies clear of SiLU's and Mish's (0.17 above them at x = -1.6), so the leader line ends there
    ax.annotate(label("gelu"), (GELU_POINT, float(activations.get("gelu")(GELU_POINT))), GELU_LABEL,
                color=plots.color("gelu"), fontweight="bold", fontsize=9,
                arrowprops={"arrowstyle": "->", "color": plots.color("gelu"), "lw": 1.2})
    ax.set(xlim=(-x_max, x_max), ylim=SHARED_Y, xlabel="x", ylabel="output", title="the four smooth curves have no corners")


SMOOTH_CURVES_ALT = ("GELU, SiLU, Mish and Softplus, with ReLU dotted, x from −3 to 3. Far from 0 each runs close to "
                     "ReLU. Near 0 each rounds ReLU's corner. GELU, SiLU and Mish sink a little below 0 on the left.")


@plots.styled
def smooth_curves(x_max=SHARED_X):
    """r111 (Picture first): the smooth family alone, labelled, on one scale, before its formulas. The zoom on the
    dips stays the dip question's answer (smooth_family)."""
    fig, ax = plots.new_figure(480, 330)
    _smooth_curves_on(ax, x_max, mish_label=SMOOTH_CURVES_MISH_LABEL)
    fig.set_label(SMOOTH_CURVES_ALT)
    return fig


@plots.styled
def smooth_family(x_max=SHARED_X):
    """Left: GELU, SiLU, Mish and softplus with ReLU dotted. Right: the dips below zero, zoomed, lowest points marked."""
    fig, (ax, az) = plots.new_figure(780, 330, 1, 2, gridspec_kw={"width_ratios": [1.25, 1]})
    _smooth_curves_on(ax, x_max)
    xz = np.linspace(-4.0, 0.5, 401)
    for n in ("gelu", "silu", "mish"):
        az.plot(xz, activations.get(n)(xz), color=plots.color(n))
        x_low, y_low = activations.minimum(n)
        az.plot([x_low], [y_low], "o", color=plots.color(n), ms=8)
        dx, dy, ha = {"gelu": (-0.12, -0.005, "right"), "silu": (-0.3, 0.0, "right"), "mish": (0.1, -0.03, "left")}[n]
        _tag(az, n, x_low + dx, y_low + dy, ha=ha, va="top" if dy else "center", fontsize=9)
    _axes_lines(az)
    az.set(xlim=(-4.0, 0.5), ylim=(-0.4, 0.1), xlabel="x", title="zoom: the dips")
    return fig


SWITCH_X = 4.0   # the switches picture's x runs from -4 to 4: both are near 0 and near 1 at its edges
AREA_AT = 1.0    # r35: Phi is "the share of the area left of x"; the left panel shades that area at x = 1


def switch_contrast(x_max=SWITCH_X, points=8001):
    """(Phi's slope at 0, sigma's slope at 0, the largest |Phi - sigma| on [-x_max, x_max]): r36, "nearly the same,
    a little steeper" understated a slope 1.6 times sigma's and a gap of 0.12."""
    x = np.linspace(-x_max, x_max, points)
    gap = np.max(np.abs(_stable.gauss_cdf(x) - _stable.sigmoid(x)))
    return float(_stable.gauss_pdf_times(np.array([0.0]))[1][0]), float(_stable.sigmoid_slope(0.0)), float(gap)


PHI_SLOPE, SIGMA_SLOPE, SWITCH_GAP = switch_contrast()
def mish_switch(x):
    """Mish's switch, tanh(softplus(x)): an S-curve from 0 to 1 (r104: drawn so the dip question can be reasoned)."""
    return _stable.tanh_softplus(np.asarray(x, dtype=float))[0]


SWITCHES_ALT = ("Left: the standard bell curve, x from -4 to 4, with the area left of x = 1 shaded: "
                f"that share of the whole area is Phi(1), about {_stable.gauss_cdf(AREA_AT):.2f}. "
                "Right: three S-curves from 0 to 1 on one axis: sigma(x), SiLU's switch, Phi(x), GELU's switch, "
                "and tanh(softplus(x)), Mish's switch, "
                f"with Phi(1) marked. A similar S, but Phi is steeper: slope {PHI_SLOPE:.2f} at 0 against sigma's "
                f"{SIGMA_SLOPE:.2f}. They differ by up to {SWITCH_GAP:.2f}. At x = -1, the switches are "
                f"{float(mish_switch(-1.0)):.2f} (Mish's), {float(_stable.sigmoid(-1.0)):.2f} (sigma) "
                f"and {float(_stable.gauss_cdf(-1.0)):.2f} (Phi).")


def area_label(x=AREA_AT):
    """The shaded area's label: its share of the whole area under the bell curve, Phi(x), at 2 digits."""
    return f"shaded share\n= Φ({x:g}) ≈ {float(_stable.gauss_cdf(x)):.2f}"


@plots.styled
def two_switches(x_max=SWITCH_X, at=AREA_AT):
    """Left: the standard bell curve with the area left of x = `at` shaded, labelled with its share Phi(at) (r35: Phi
    was called an area, but no area was drawn). Right: SiLU's switch sigma(x) and GELU's switch Phi(x) on one axis,
    the same S-shape, Phi the steeper (r36), with Phi(at) marked where the shaded share lands (r34: the two switches are shown
    before their formulas)."""
    fig, (ab, ax) = plots.new_figure(780, 290, 1, 2, gridspec_kw={"width_ratios": [1, 1.35]}, sharex=True)
    x = np.linspace(-x_max, x_max, 401)
    bell = _stable.gauss_pdf_times(x)[1]
    share = float(_stable.gauss_cdf(at))
    ab.plot(x, bell, color=plots.color("gelu"), lw=2)
    left = x <= at
    ab.fill_between(x[left], bell[left], color=plots.color("gelu"), alpha=0.35, hatch="//", lw=0)
    ab.axvline(at, color=STRIP_NOTE_COLOUR, ls="--", lw=1)
    ab.text(-3.9, 0.33, area_label(at), color=STRIP_NOTE_COLOUR, fontsize=10, fontweight="bold")
    ab.axhline(0, color="black", lw=0.8)
    ab.set(xlim=(-x_max, x_max), ylim=(0, 0.45), xlabel="x", ylabel="height of the bell curve",
           title=f"the bell curve: area left of x = {at:g}")
    # each label sits on the side where its curve is the upper one, its arrow meeting that curve first
    # r104 (pass 102): Mish's switch is the third curve; each label's arrow meets its own curve first: Mish's is the
    # highest left of 0 (from above), Phi's the lowest there (from below), sigma's the lowest right of 0 (from below)
    switches = {"sigmoid": (_stable.sigmoid, "σ(x): SiLU's switch", (1.45, 0.3), 3.0),
                "gelu": (_stable.gauss_cdf, "Φ(x): GELU's switch", (1.15, 0.05), -0.9),
                "mish": (mish_switch, "Mish's switch", (-3.9, 0.75), -0.6)}
    for name, (f, text, xy, x_arrow) in switches.items():
        ax.plot(x, f(x), color=plots.color(name), **plots.line_style(name))
        ax.annotate(text, (x_arrow, float(f(x_arrow))), xy, color=plots.color(name), fontweight="bold", fontsize=10,
                    arrowprops={"arrowstyle": "->", "color": plots.color(name), "lw": 1.2})
    ax.plot([at, at], [0, share], color=STRIP_NOTE_COLOUR, ls="--", lw=1)
    ax.plot([at], [share], "o", color=plots.color("gelu"), ms=7)
    ax.text(at + 0.2, share - 0.1, f"Φ({at:g}) ≈ {share:.2f}", color=STRIP_NOTE_COLOUR, fontsize=10, fontweight="bold")
    ax.axhline(0, color="black", lw=0.8)
    ax.axhline(1, color=REFERENCE_GREY, ls="--", lw=1)
    ax.set(xlim=(-x_max, x_max), ylim=(-0.05, 1.1), xlabel="x", ylabel="switch (0 = off, 1 = on)",
           title="three soft switches: Φ steeper than σ")
    fig.set_label(SWITCHES_ALT)
    return fig


SQUASH_X = 7.0   # wide enough that both flat ends show: tanh is flat past about ±3, sigmoid past about ±6


@plots.styled
def squashers(x_max=SQUASH_X):
    """Sigmoid and tanh on one scale, out to where both are flat, with the floors and ceilings they approach but
    never reach, and each one's middle (x = 0) marked: 0.5 for sigmoid, 0 for tanh."""
    fig, ax = plots.new_figure(640, 300)
    x = np.linspace(-x_max, x_max, 561)
    for n in ("sigmoid", "tanh"):
        ax.plot(x, activations.get(n)(x), color=plots.color(n))
        ax.plot([0], [float(activations.get(n)(0.0))], "o", ms=7, color=plots.color(n), zorder=5)
    for level in (-1.0, 1.0):
        ax.axhline(level, color=plots.MUTED, ls="--", lw=1)
    _axes_lines(ax)
    _tag(ax, "sigmoid", -x_max + 0.2, 0.1, text="Sigmoid:\nbetween 0 and 1", va="bottom")   # above its flat tail
    _tag(ax, "tanh", -x_max + 0.2, -0.92, text="Tanh:\nbetween −1 and 1", va="bottom")
    ax.set(xlim=(-x_max, x_max), ylim=(-1.2, 1.2), xlabel="x", ylabel="output",
           title="two squashers: any input, a bounded output")
    return fig


TANH_X = SHARED_X   # the widget draws x from -3 to 3; its "largest gap" is taken over the same range
# the sliders: (label, start, low, high, step); each grid holds both the start (1, 1, 0) and the answer (2, 2, -1)
TANH_SLIDERS = {"height": ("height ×", 1.0, 0.5, 2.5, 0.25),
                "squeeze": ("squeeze ×", 1.0, 0.5, 3.0, 0.25),
                "shift": ("shift", 0.0, -1.5, 0.5, 0.25)}
TANH_MATCH = "(a match: below 0.01)"   # what the gap reads at a match (it shows 0.00 there)
TANH_MATCH_GAP = 0.005   # a largest gap below this prints as 0.00 (2 decimals): the readout calls it a match
TANH_YLIM = (-1.7, 3.2)   # room for the tallest curve the sliders make: 2.5 + 0.5 = 3


def reshaped_sigmoid(x, height=1.0, squeeze=1.0, shift=0.0):
    """height · sigmoid(squeeze · x) + shift: sigmoid stretched up, squeezed sideways and moved down or up."""
    return height * np.asarray(activations.get("sigmoid")(squeeze * np.asarray(x, dtype=float)), dtype=float) + shift


def tanh_gap(height=1.0, squeeze=1.0, shift=0.0, x_max=TANH_X, points=601):
    """(largest |reshaped sigmoid − tanh| for x from -x_max to x_max, the x where it is)."""
    x = np.linspace(-x_max, x_max, points)
    d = np.abs(reshaped_sigmoid(x, height, squeeze, shift) - np.asarray(activations.get("tanh")(x), dtype=float))
    return float(d.max()), float(x[np.argmax(d)])


def _signed(v):
    """'+ 0.5' or '− 1': a shift as it reads in a formula."""
    return f"{'−' if v < 0 else '+'} {abs(v):g}"


@plots.styled
def tanh_fit(height=1.0, squeeze=1.0, shift=0.0, x_max=TANH_X):
    """Three sliders reshape sigmoid: height × (stretch up), squeeze × (squeeze sideways: sigmoid(squeeze · x)) and
    shift (move down or up). The reshaped sigmoid is drawn dashed over a thick tanh; the readout gives the largest gap
    between them over the drawn x range, with a mark where it is. It opens at sigmoid itself (1, 1, 0), so the
    answer (2, 2, -1: gap 0) is not on screen until the learner finds it (notebook 04)."""
    live = LiveFigure(640, 320)
    ax = live.axes[0]
    x = np.linspace(-x_max, x_max, 601)
    ax.plot(x, activations.get("tanh")(x), color=plots.color("tanh"), lw=6, alpha=0.45, zorder=3, label="tanh (thick)")
    curve = live.moving(ax.plot(x, np.zeros_like(x), color=plots.color("sigmoid"), ls="--", lw=2.0, zorder=4,
                                label="sigmoid, reshaped by the sliders (dashed)")[0])
    mark = live.moving(ax.plot([0, 0], [0, 0], color="black", ls=":", lw=1.6, marker="_", ms=10, zorder=5,
                               label="the largest gap (dotted)")[0])
    _axes_lines(ax)
    ax.legend(loc="upper left", fontsize=9)
    title = live.moving(ax.set_title(" "))
    ax.set(xlim=(-x_max, x_max), ylim=TANH_YLIM, xlabel="x", ylabel="output")
    sliders = {key: slider(text, {"height": height, "squeeze": squeeze, "shift": shift}[key], low, high, step)
               for key, (text, _, low, high, step) in TANH_SLIDERS.items()}
    readout = widgets.HTML()

    def update():
        a, k, c = (sliders[key].value for key in ("height", "squeeze", "shift"))
        y = reshaped_sigmoid(x, a, k, c)
        curve.set_ydata(y)
        widest, at = tanh_gap(a, k, c, x_max)
        ends = (float(reshaped_sigmoid(at, a, k, c)), float(activations.get("tanh")(at)))
        # at the answer the gap is rounding noise (about 1e-16) at no x in particular: no mark then
        mark.set_data(*(([at, at], ends) if widest >= TANH_MATCH_GAP else ([], [])))
        # r75 (pass 78): the text says "until the readout says it matches tanh", but the stored picture had no readout:
        # the gap and what a match reads are in the title too
        match = widest < TANH_MATCH_GAP
        title.set_text(f"{a:g} · sigmoid({k:g} · x) {_signed(c)}\n"
                       + (f"largest gap: {widest:.2f}: it matches tanh" if match else f"largest gap: {widest:.2f} {TANH_MATCH}"))
        live.render()
        # pass 36: at the answer the readout says so in words (the exact gap is checked in tests, not shown)
        readout.value = (f"largest gap from tanh, for x from −{x_max:g} to {x_max:g}: "
                         f"<b>{widest:.2f}</b>" + (". <b>It matches tanh.</b>" if match else f" {TANH_MATCH}"))

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [*sliders.values(), readout, live.image], live,
        "Sigmoid onto tanh: drag height, squeeze and shift (static picture below)",
        sliders=sliders, readout=readout, lines={"curve": curve, "gap": mark},
    )


def tanh_answer():
    """The answer to "how would you stretch and shift sigmoid onto tanh?", after the widget: 2·sigmoid(2x) − 1,
    with why the slope at 0 becomes 1 (4 × 0.25)."""
    sig = activations.get("sigmoid")
    top = float(sig.derivative(0.0))
    mid = float(sig(0.0))   # sigmoid's middle: shifting its 0..1 box down by it gives -0.5..0.5 (r50: the wrong answer)
    return fold("Check your prediction", f"""
Stretch the sigmoid to twice the height and squeeze it to half
the width. Then shift it down by 1, and it lands exactly on tanh:

$$\\tanh(x) = 2\\sigma(2x) - 1$$

The stretch and the squeeze each double the slope. Sigmoid's slope is largest at 0, where it is {top:g}.
So tanh's slope reaches 4 × {top:g} = {4 * top:g}, but only at 0.

A common wrong answer: just shift sigmoid down by {mid:g}.
That gives a box from −{mid:g} to {mid:g}, not −1 to 1.
""")


@plots.styled
def gated_units(a_max=4.0, content=1.0):
    """The gate curve of three gated units, g(a) times content b = 1: GLU (sigmoid), SwiGLU (SiLU), GeGLU (GELU)."""
    fig, ax = plots.new_figure(640, 300)
    a = np.linspace(-a_max, a_max, 401)
    b = np.full_like(a, content)
    gates = {"sigmoid": ("GLU: sigmoid gate", activations.get("sigmoid")(a) * b),
             "swiglu": ("SwiGLU: SiLU gate", activations.get("swiglu")(a, b)),
             "gelu": ("GeGLU: GELU gate", activations.get("gelu")(a) * b)}
    for n, (text, y) in gates.items():
        ax.plot(a, y, color=plots.color(n), ls="--" if n == "gelu" else "-", label=text)
    _axes_lines(ax)
    ax.legend(loc="upper left")
    ax.set(xlim=(-a_max, a_max), xlabel="a: the gate's input", ylabel=f"output for content b = {content:g}",
           title="a gated unit: gate(a) × content b")
    return fig


GATES = {"GLU": "sigmoid", "SwiGLU": "silu", "GeGLU": "gelu"}   # each gated unit and the bend that makes its gate
_GATE_STYLE = {"GLU": "-.", "SwiGLU": "-", "GeGLU": "--"}   # styles, not colour alone (GeGLU nearly covers SwiGLU)


def _gate_word(bend):
    """A gate's bend as the text writes it mid-sentence: 'sigmoid' (lower case, pass 30), 'SiLU', 'GELU'."""
    return "sigmoid" if bend == "sigmoid" else label(bend)


def gate_values(a, content=2.0):
    """Each gated unit at gate input a: (gate, gate × content), read from the registry's bends."""
    return {unit: (float(activations.get(bend)(a)), float(activations.get(bend)(a)) * content)
            for unit, bend in GATES.items()}


GATE_ONE_SIZE = 11   # points: the "gate = 1" line's label (was 9, in the muted grey)


@plots.styled
def gate_race(a=-2.0, content=2.0, a_max=4.0):
    """Three gates side by side: drag the gate's input a; each gate's curve is drawn only up to a, so the
    learner sees what the gate does further right only after dragging there. The readout multiplies each gate
    by the content b (notebook 04)."""
    live = LiveFigure(640, 330)
    ax = live.axes[0]
    ax.set(xlim=(-a_max, a_max), ylim=(-0.6, a_max + 0.4), xlabel="a: the gate's input", ylabel="gate",
           title="three gates, drawn up to the chosen a")
    _axes_lines(ax)
    ax.axhline(1, color=plots.MUTED, ls=":", lw=1.4)
    # r91 (pass 90, Picture): the label was small and faint; now dark and the size of the legend's words
    ax.text(-a_max + 0.1, 1.1, "gate = 1: all of b passes", color=STRIP_NOTE_COLOUR, fontsize=GATE_ONE_SIZE,
            fontweight="bold")
    grid = np.linspace(-a_max, a_max, 401)
    curves = {u: live.moving(ax.plot([], [], lw=2.4, ls=_GATE_STYLE[u], color=plots.color(bend),
                                     label=f"{u}: {_gate_word(bend)} gate")[0]) for u, bend in GATES.items()}
    dots = {u: live.moving(ax.plot([], [], "o", ms=8, color=plots.color(bend))[0]) for u, bend in GATES.items()}
    probe = live.moving(ax.axvline(a, color=plots.MUTED, ls=":", lw=1.2))
    ax.legend(loc="upper left")
    sliders = {"a": slider("gate input a", a, -a_max, a_max, 0.1)}
    readout = widgets.HTML()

    def update():
        av = sliders["a"].value
        upto = grid[grid <= av + 1e-9]
        for u, bend in GATES.items():
            curves[u].set_data(upto, np.asarray(activations.get(bend)(upto), dtype=float))
        values = gate_values(av, content)
        for u, (g, _) in values.items():
            dots[u].set_data([av], [g])
        probe.set_xdata([av, av])
        live.render()
        rows = [(u, f"{g:.3f}", f"{g:.3f} × {content:g} = {out:.2f}") for u, (g, out) in values.items()]
        readout.value = tables.html_table([f"at a = {av:.1f}", "gate", f"gate × content b (b = {content:g})"], rows)

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["a"], readout, live.image], live,
        "Three gates: drag the gate's input a (static picture below)",
        sliders=sliders, readout=readout, lines={"curves": curves, "dots": dots},
    )


def gap(a, b, x_range=4.0, points=801):
    """(x, f_a(x) − f_b(x)) on [-x_range, x_range], and where the gap is largest in size: (x, gap) there."""
    x = np.linspace(-x_range, x_range, points)
    d = np.asarray(plots.curve(a, x)) - np.asarray(plots.curve(b, x))
    k = int(np.argmax(np.abs(d)))
    return x, d, (float(x[k]), float(d[k]))


def widest(a, b, x_range=4.0, reach=10.0, points=40001):
    """Where the gap A − B is widest in size, looked for out to reach × x_range on each side.

    Returns ("here", x, gap) when the widest point is on the picture ([-x_range, x_range]), ("off", x, gap)
    when it lies further out, and ("none", x_edge, gap_edge) when the gap is still at its largest at the far
    edge: it keeps growing (or creeping up to a limit it never reaches), so there is no widest point.
    """
    x = np.linspace(-reach * x_range, reach * x_range, points)
    d = np.asarray(plots.curve(a, x), dtype=float) - np.asarray(plots.curve(b, x), dtype=float)
    size = np.abs(d)
    top = float(size.max())
    for k in (0, len(x) - 1):   # the far edges: still (as good as) the largest gap there means no widest point
        if size[k] >= top - 1e-9 * max(1.0, top):
            return "none", float(x[k]), float(d[k])
    k = int(np.argmax(size))
    return ("here" if abs(x[k]) <= x_range else "off"), float(x[k]), float(d[k])


def _widest_text(kind, xw, dw, x_range, edge=None):
    """What "Show the whole gap" says; edge = (x, gap) at the picture's edge, marked when there is no widest point."""
    if kind == "here":
        return f"<p>Largest gap: <b>{_sig(dw)}</b> at x = <b>{xw:.2f}</b> (square).</p>"
    if kind == "off":
        return (f"<p>The largest gap is off the picture: <b>{_sig(dw)}</b> at x = <b>{xw:.2f}</b>. "
                f"It is the largest anywhere.</p>")
    side = "left" if xw < 0 else "right"
    ex, eg = edge
    return (f"<p>On the picture, the gap is widest at its {side} edge: <b>{_sig(eg)}</b> at x = <b>{ex:+.0f}</b> "
            f"(square). <b>Beyond the picture, further {side}, it still keeps growing.</b></p>")


def _sig(v):
    """A readout number: 3 significant digits, at most 3 decimals unless it is under 0.01 (r36: 0.079, not 0.0785)."""
    v = float(v)
    if abs(v) >= 0.01:
        v = round(v, 3)
    return f"{v + 0.0:.3g}"


@plots.styled
def where_they_differ(a="relu", b="leaky_relu", menu=None, x=-2.0, x_range=4.0):
    """Pick two bends: both curves on top, their gap below on its own zoomed scale, read off at a chosen x.

    The gap is drawn only from 0 to the chosen x (the learner traces it by dragging), so the picture does not
    answer "where is the gap widest?" before the learner looks; "Show the whole gap" draws it across the picture
    (a gap that keeps growing has no widest point: the readout says so). The menu leaves out GELU's quick tanh
    formula, as the zoo table does: the chapter never explains it, and it draws GELU's curve (pass 22)."""
    menu = list(menu or [n for n in activations.names() if activations.get(n).kind == "elementwise" and n not in SAME_CURVE])
    live = LiveFigure(640, 440, 2, 1, sharex=True, gridspec_kw={"height_ratios": [1.3, 1]})
    ax, ag = live.axes
    xs = np.linspace(-x_range, x_range, 801)
    for axis in (ax, ag):
        axis.axhline(0, color="black", lw=0.8)
        axis.axvline(0, color="black", lw=0.8)
    ax.set(xlim=(-x_range, x_range), ylabel="output", title="the two bends")
    ag.set(xlabel="x", ylabel="A − B")
    curve_a = live.moving(ax.plot([], [], lw=2.4)[0])
    curve_b = live.moving(ax.plot([], [], lw=2.4, ls="--")[0])
    gap_line = live.moving(ag.plot([], [], color="black", lw=2)[0])
    dots = [live.moving(ax.plot([], [], "o", ms=8)[0]), live.moving(ax.plot([], [], "o", ms=8)[0])]
    gap_dot = live.moving(ag.plot([], [], "o", color="black", ms=8)[0])
    gap_title = live.moving(ag.set_title(" "))   # the gap at x, as a number: the still picture shows it too
    square = live.moving(ag.plot([], [], "s", color=plots.ACCENT, ms=8, mfc="none", mew=2)[0])
    probe_lines = [live.moving(axis.axvline(x, color=plots.MUTED, ls=":", lw=1.2)) for axis in (ax, ag)]
    legend_texts = [live.moving(ax.text(0.02, 0.93 - 0.11 * i, "", transform=ax.transAxes, fontweight="bold"))
                    for i in range(2)]
    pick = {"a": widgets.Dropdown(options=[(label(n), n) for n in menu], value=a, description="bend A"),
            "b": widgets.Dropdown(options=[(label(n), n) for n in menu], value=b, description="bend B")}
    sliders = {"x": slider("x", x, -x_range, x_range, 0.05)}
    readout = widgets.HTML()
    reveal = widgets.Button(description="Show the whole gap", icon="eye")
    state = {"show": False}   # the widest gap is the Predict's answer: hidden until the learner asks

    def redraw_curves():
        na, nb = pick["a"].value, pick["b"].value
        ya, yb = plots.curve(na, xs), plots.curve(nb, xs)
        curve_a.set_data(xs, ya)
        curve_a.set_color(plots.color(na))
        curve_b.set_data(xs, yb)
        curve_b.set_color(plots.color(nb))
        for dot, n in zip(dots, (na, nb)):
            dot.set_color(plots.color(n))
        for t, n, style in zip(legend_texts, (na, nb), ("solid", "dashed")):
            t.set_text(f"A: {label(n)} ({style})" if t is legend_texts[0] else f"B: {label(n)} ({style})")
            t.set_color(plots.color(n))
        _, d, _ = gap(na, nb, x_range, len(xs))
        kind, xw, dw = widest_point = widest(na, nb, x_range)
        k = 0 if xw < 0 else len(xs) - 1   # no widest point: the picture's edge on that side holds its widest gap
        edge = (float(xs[k]), float(d[k]))
        square.set_data(*(([xw], [dw]) if kind == "here" else ([edge[0]], [edge[1]])))
        state.update(na=na, nb=nb, widest=widest_point, gap=d, edge=edge)
        set_limits(live, ax, ylim=_limits(np.concatenate([ya, yb])))
        set_limits(live, ag, ylim=_limits(d, floor=0.01))

    def update():
        if (pick["a"].value, pick["b"].value) != (state.get("na"), state.get("nb")):
            redraw_curves()
        na, nb = state["na"], state["nb"]
        xv = sliders["x"].value
        va, vb = float(plots.curve(na, np.array([xv]))[0]), float(plots.curve(nb, np.array([xv]))[0])
        for dot, v in zip(dots, (va, vb)):
            dot.set_data([xv], [v])
        gap_dot.set_data([xv], [va - vb])
        drawn = "all of it" if state["show"] else "drawn from 0 to x"
        gap_title.set_text(f"gap A − B at x = {xv:.2f}: {_sig(va - vb)}   ({drawn})")
        traced = np.ones_like(xs, dtype=bool) if state["show"] else (xs >= min(0.0, xv) - 1e-9) & (xs <= max(0.0, xv) + 1e-9)
        gap_line.set_data(xs[traced], state["gap"][traced])
        for line in probe_lines:
            line.set_xdata([xv, xv])
        kind, xw, dw = state["widest"]
        square.set_visible(state["show"] and kind != "off")   # marks the widest point, or the edge where the gap still grows
        live.render()
        rows = [(f"A: {label(na)}", _sig(va)), (f"B: {label(nb)}", _sig(vb)), ("gap A − B", _sig(va - vb))]
        readout.value = (tables.html_table(["at x = " + f"{xv:.2f}", "output"], rows)
                         + (_widest_text(kind, xw, dw, x_range, state["edge"]) if state["show"] else ""))

    def show_widest(_button=None):
        state["show"] = True
        reveal.disabled = True
        update()

    reveal.on_click(show_widest)
    on_change([*pick.values(), *sliders.values()], update)
    update()
    return LiveWidget(
        [widgets.HBox(list(pick.values())), sliders["x"], reveal, readout, live.image], live,
        "Where two bends differ: pick A and B, drag x (static picture below)",
        sliders=sliders, readout=readout, picks=pick, reveal=reveal, widest=square,
        lines={"a": curve_a, "b": curve_b, "gap": gap_line, "probe": gap_dot},
    )


def _limits(values, floor=0.5):
    """Symmetric-enough y limits around the values, never thinner than `floor` (a zero gap stays readable)."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    lo, hi = min(float(v.min()), 0.0), max(float(v.max()), 0.0)
    span = max(hi - lo, floor)
    pad = 0.1 * span
    if hi - lo < floor:
        mid = (hi + lo) / 2
        lo, hi = mid - floor / 2, mid + floor / 2
    return (lo - pad, hi + pad)


# How the code computes a bend is not the chapter's point: the tanh formula draws GELU's curve (chapter 02)
# r61 (pass 66): the bend column says the bend's name only; where in the model each bend sits (LSTM's memory, the
# Transformer's attention, YOLOv4's backbone) needed glosses that outweighed the name. The data keeps the places.
CHAPTER_BEND = {"GELU, tanh approximation": "GELU", "GeGLU (a GELU gate, tanh approximation)": "GeGLU",
                "S-curves centred on 0": "tanh-like curves", "Swish (SiLU)": "SiLU"}


def models_table():
    """Which real model uses which bend, by year (within a year, by name): one row per model (a model using two bends
    names both), folded (sources and where each bend sits stay in the data)."""
    merged = {}
    for d in sorted((d for d in deployments.DEPLOYMENTS if d.in_chapter), key=lambda d: (d.year, d.model)):
        merged.setdefault((d.shown_as or d.model, d.year), []).append(CHAPTER_BEND.get(d.bend, d.bend))
    body = [[name, year, ", ".join(bends)] for (name, year), bends in merged.items()]
    return tables.FoldedTable(f"All {len(body)} models, by year (click to open)", ["model", "year", "bend"], body)


# PReLU's range (−∞, ∞) holds only while its learned leak stays above 0 (a leak of 0 gives [0, ∞)); "monotonic"
# holds while it stays at or above 0 (a leak below 0 makes the left side fall as x grows; training may take it there)
# r39: those caveats read as an audit in 3 cells; one footnote under the table says PReLU's row
# is at its starting leak 0.25 and that training changes it (PRELU_NOTE, checked by tests/test_chapter_04.py)
PRELU_NOTE = (f"PReLU's row is at its starting leak, {activations.get('prelu').params['alpha'].default:g}. "
              "Training changes it.")   # the starting leak read from the registry
# SELU's average output is 0 for bell-curve inputs of average 0 and spread 1 (its two numbers are tuned for that
# case); at average 0 and any other spread it is not (pass 21: both conditions, so "spread 1" alone is not misread
# as enough); tanh's is 0 for any input spread evenly around 0
# r64 (pass 69): "at spread 1 only" read as if spread 1 alone were enough; both conditions are named again
# The registry's smoothness words, in plain words for the table (pass 20: readers tripped on "kink" and
# "once differentiable"). ELU's slope at 0 is α from the left and 1 from the right: no corner only at α = 1 (the
# registry's default); pass 26: "bending jumps" was hard to picture, so the table says only what the picture shows
PLAIN_SMOOTHNESS = {"kink": "corner at 0", "once differentiable": "no corner at α = 1 (slope 1 on both sides)",
                    "infinitely smooth": "smooth everywhere"}
# pass 25: "sharp" (Leaky ReLU, a jump of 0.99) and "mild" (SELU, 0.71) were adjectives without a scale; every corner
# now names its two slopes and the jump between them, computed from the registry


def _short(v):
    """A slope in at most 2 decimals, without trailing zeros: 0, 0.01, 1, 1.05."""
    return f"{v:.2f}".rstrip("0").rstrip(".")


def corner_text(name, eps=1e-9):
    """A corner at 0 in the table's words: its two slopes, just left and just right of 0 (r54: the jump between them,
    "(jump 0.99)", was one number too many in a wall of digits; the two slopes show it)."""
    left, right = corner_slopes(name, eps)
    return f"{PLAIN_SMOOTHNESS['kink']}: slope {_short(left)} → {_short(right)}"


ONE_NUMBER_IN = "does not apply (list in, list out)"   # softmax: "always rising" needs one number in, one out
SPREAD_ONE_ONLY = "0 at spread 1 only"   # SELU's zero-centred cell, in the table's text form


def average_output(name, points=280001):
    """A bend's average output for bell-curve inputs (average 0, spread 1): the number behind 'zero-centred'."""
    z = np.linspace(-14.0, 14.0, points)
    w = np.exp(-z * z / 2) / np.sqrt(2 * np.pi) * (z[1] - z[0])
    return float(np.sum(np.asarray(activations.get(name)(z), dtype=float) * w))


def zero_centred_text(name):
    """'yes' where the average output for bell-curve inputs is 0, else 'no' with that average (pass 26: the registry's
    three-way rule put ELU's 0.16 in "roughly" and SiLU's 0.21 in "no", a line no learner could see; the number says
    it). Softmax: the registry's word only."""
    act = activations.get(name)
    if name == "softmax":   # pass 28: the header promises an average where the answer is no; shares add up to 1
        return "no: the shares average 1 ÷ (number of scores)"
    if act.kind != "elementwise":
        return act.zero_centred
    avg = average_output(name)
    if abs(avg) < 5e-3:
        # r80 (pass 82): SELU averages 0 at spread 1 only, so the registry says "roughly" (tanh: 0 at every spread)
        return "yes" if act.zero_centred == "yes" else f"{act.zero_centred}: {SPREAD_ONE_ONLY}"
    # r54: one number, no "on average"; r56 (pass 62): two significant digits, as one digit gave ELU (0.16), SiLU
    # (0.21) and Mish (0.24) the same "about 0.2". PReLU's is at its starting leak (PRELU_NOTE says so under the table)
    return f"no: about {avg:.2g}"


def zero_centred_word(text):
    """The zoo table's short cell: 'no' for 'no: about 0.4' (the average goes in the fold), 'yes' and its condition."""
    return text.split(":", 1)[0]


def row(name):
    """One zoo row as a dict of strings, every field read from the registry record."""
    act = activations.get(name)
    monotonic = ONE_NUMBER_IN if act.kind == "vector" else "yes" if act.monotonic else "no"
    floor = " at α = 1" if name == "elu" else ""   # ELU's floor is −α; the registry's range is at the usual α
    shown = act.range_text + floor
    if name in RANGE_FROM_FLOOR:   # r39: the text says −1.76; the registry's range says −1.758
        shown = f"({floor_of(name):.2f}, ∞)"
    elif act.kind == "elementwise" and not act.monotonic:   # r54: a dip's lowest point at 2 decimals, not 3
        shown = f"[{activations.minimum(name)[1]:.2f}, ∞)"
    return {"name": act.name, "bend": label(name), "family": FAMILY_OF.get(name, NO_FAMILY),
            "formula": act.formula, "range": shown,
            "zero-centred": zero_centred_text(name),
            "smoothness": corner_text(name) if act.smoothness == "kink" else PLAIN_SMOOTHNESS[act.smoothness],
            "monotonic": monotonic, "typical use": act.typical_use}


RANGE_FROM_FLOOR = ("selu",)   # ranges printed from floor_of, at the text's 2 decimals


NO_CURVE = "no curve: a list in, a list out"   # softmax's thumbnail cell: it has no one-line curve to draw
SAME_CURVE = ("gelu_tanh",)   # GELU's quick formula: the same curve to the eye, so no row of its own


def rows(names=None):
    """Rows for the elementwise and vector bends (SwiGLU takes two inputs, so it has no one-line curve);
    GELU's tanh approximation shares GELU's row."""
    names = names or [n for n in activations.names() if activations.get(n).kind != "gated" and n not in SAME_CURVE]
    return [row(n) for n in names]


SPARK_X, SPARK_Y = SHARED_X, SHARED_Y   # the family pictures' scale, so the rows compare at a glance
# pass 26: a reader found 220 x 110 too small to read, with no x ticks and the −1 label cut at the edge: twice the
# size, real tick labels outside the frame (x: −3, 0, 3; y: −1, 1), dips dotted, floors drawn in the curve's colour
SPARK_SIZE = (440, 220)   # pixels
SPARK_BOX = (0.085, 0.13, 0.87, 0.84)   # the frame inside the picture: left, bottom, width, height (room for the ticks)
SPARK_MARKS = (1, -1)   # dashed levels (pass 24: a reader could not read the floors, ELU −1 and SELU −1.76)
SPARK_XTICKS = (-3, 0, 3)
SPARK_YTICKS = (3, 2, 1, 0, -1, -2)   # pass 29: 0 labelled too; r48: 3 and -2 too, so "output from -2 to 3" is read
# r87 (pass 88): Leaky ReLU's curve looked the same as ReLU's; its thumbnail says why (its leak, from the registry)
SPARK_NOTES = {"leaky_relu": f"leak {activations.get('leaky_relu').params['alpha'].default:g}: too small\nto see here"}


def floor_of(name, far=-60.0):
    """The level an elementwise bend flattens to far left, if it is below 0 (ELU, SELU, tanh), else None."""
    act = activations.get(name)
    y_far, y_further = float(act(far)), float(act(far - 10))
    return y_far if y_far < -0.01 and abs(y_far - y_further) < 1e-9 else None


_minus = printing.true_minus


@lru_cache(maxsize=None)
def sparkline(name, width=SPARK_SIZE[0], height=SPARK_SIZE[1]):
    """PNG bytes of a small curve on the zoo's one shared scale (SPARK_X, SPARK_Y): axes through 0, faint dashes at
    y = ±1, ticks outside the frame, a dot on a dip, a dotted line in the curve's colour at a floor."""
    x = np.linspace(-SPARK_X, SPARK_X, 321)
    y = plots.curve(name, x)
    fig, ax = plots.new_figure(width, height, dpi=100)
    fig.set_layout_engine("none")
    ax.set_position(SPARK_BOX)
    ax.axhline(0, color="#bbbbbb", lw=0.8)
    ax.axvline(0, color="#bbbbbb", lw=0.8)
    colour = plots.color(name)
    floor = floor_of(name) if activations.get(name).kind == "elementwise" else None
    for level in SPARK_MARKS:   # the levels ±1: where sigmoid and tanh stop, and ELU's floor
        if floor is None or abs(level - floor) > 0.01:   # r52: a floor at −1 hid under the grey dash; the floor wins
            ax.axhline(level, color="#d0d0d0", lw=0.8, ls="--")
    if floor is not None:
        ax.axhline(floor, color=colour, lw=1.4, ls=":")
    ax.plot(x, y, color=colour, lw=2.2)
    if activations.get(name).kind == "elementwise" and not activations.get(name).monotonic:
        x_low, y_low = activations.minimum(name)
        ax.plot([x_low], [y_low], "o", color=colour, ms=6)
    ax.set(xlim=(-SPARK_X, SPARK_X), ylim=SPARK_Y)
    ax.set_xticks(SPARK_XTICKS, [_minus(t) for t in SPARK_XTICKS])
    ax.set_yticks(SPARK_YTICKS, [_minus(t) for t in SPARK_YTICKS])
    ax.tick_params(labelsize=10, length=3, colors="#555555", pad=2)
    # r48: the axes' names, small, at the ends of the two axes; r70 (pass 73): "x" just past the x axis's end, outside
    # the frame (inside, it floated in the plot)
    ax.text(SPARK_X + 0.1, 0, "x", color="#555555", fontsize=10, ha="left", va="center", clip_on=False)
    ax.text(0.12, SPARK_Y[1] - 0.1, "out", color="#555555", fontsize=10, ha="left", va="top")
    if name in SPARK_NOTES:   # top left, clear of the curve (near 0 there) and of "out"
        ax.text(-SPARK_X + 0.15, SPARK_Y[1] - 0.15, SPARK_NOTES[name], color=STRIP_NOTE_COLOUR, fontsize=11,
                ha="left", va="top")
    for side in ax.spines.values():
        side.set(color="#cccccc", lw=0.8)
    fig.canvas.draw()
    return canvas_png(fig.canvas)


def spark_alt(name):
    """A thumbnail's alt text: the bend's curve, and its note if it has one (r87, pass 88)."""
    note = f" ({SPARK_NOTES[name].replace(chr(10), ' ')})" if name in SPARK_NOTES else ""
    return f"{label(name)} curve{note}"


class ZooTable:
    """The zoo: HTML with a curve per row in a notebook, a plain-text table everywhere else."""

    def __init__(self, names=None):
        self.rows = rows(names)

    def _repr_html_(self):
        # r58 (pass 63): the zero-centred column says yes or no; r67 (pass 71): the fold of every "no" row's average
        # added digits, not ideas, so the legend above the table gives ReLU's alone (its text form keeps them all)
        body = [[tables.image(sparkline(r["name"]), spark_alt(r["name"]), *SPARK_SIZE)
                 if activations.get(r["name"]).kind == "elementwise" else NO_CURVE]
                + [zero_centred_word(r[c]) if c == "zero-centred" else r[c] for c in COLUMNS] for r in self.rows]
        return tables.html_table(("curve",) + COLUMNS, body)

    def __repr__(self):
        cols = COLUMNS
        widths = [max(len(c), *(len(r[c]) for r in self.rows)) for c in cols]
        line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
        return "\n".join([line(cols)] + [line([r[c] for c in cols]) for r in self.rows])


# r54 (pass 60): "zig-zag to reach a mix" was words only; chapter 02's toy (one unit, two weights, the star at (1, -1)),
# fed inputs all above 0 (like sigmoid's) or above and below 0 (like tanh's), with the same step size.
# r83 (pass 84): 30 real steps still read as a tangle, and the centred run zig-zagged too; now four chosen examples
# a panel, each step a large numbered arrow, so "both weights move the same way" shows at a glance
ZIGZAG_INPUTS = {"sigmoid": "inputs all above 0 (like sigmoid's)", "tanh": "inputs above and below 0 (like tanh's)"}
ZIGZAG_EXAMPLES = {"sigmoid": ((0.6, 0.2), (0.2, 0.6), (0.6, 0.2), (0.2, 0.6)),
                   "tanh": ((0.4, -0.2), (-0.2, 0.4), (0.4, -0.2), (-0.2, 0.4))}
ZIGZAG_STEPS, ZIGZAG_RATE, ZIGZAG_GOAL = 4, 2.5, (1.0, -1.0)
ZIGZAG_SUBTITLES = {"sigmoid": "each step: both weights up, or both down", "tanh": "each step: one weight up, one down"}


def zigzag_steps(name, rate=ZIGZAG_RATE, goal=ZIGZAG_GOAL):
    """Chapter 02's toy on the chosen examples, one example a step from (0, 0): a list of
    (inputs, backward signal, nudges, weights after). The signal is −rate · miss (miss = w·h − goal·h), and each
    weight's nudge is its input times that one signal."""
    goal, w, out = np.asarray(goal, dtype=float), np.zeros(2), []
    for h in ZIGZAG_EXAMPLES[name]:
        h = np.asarray(h, dtype=float)
        signal = -rate * float((w - goal) @ h)
        w = w + signal * h
        out.append((h, signal, signal * h, w.copy()))
    return out


def zigzag_runs(rate=ZIGZAG_RATE, goal=ZIGZAG_GOAL):
    """{bend: the two weights after each step, from (0, 0)}, shape (steps + 1, 2)."""
    return {name: np.vstack([np.zeros(2)] + [s[3] for s in zigzag_steps(name, rate, goal)]) for name in ZIGZAG_INPUTS}


def zigzag_left(rate=ZIGZAG_RATE, goal=ZIGZAG_GOAL):
    """{bend: distance from the star after the last step}, at 2 decimals."""
    return {name: round(float(np.linalg.norm(p[-1] - np.asarray(goal))), 2) for name, p in zigzag_runs(rate, goal).items()}


ZIGZAG_SIZE = (780, 420)   # pixels: each panel's units come out nearly equal across and up
ZIGZAG_X, ZIGZAG_Y = (-0.35, 1.35), (-1.3, 0.25)
ZIGZAG_WAYS = {"up-right": (plots.VANISHING, "-"), "down-left": (plots.ACCENT, "--"),
               "one up, one down": (plots.HEALTHY, ":")}   # plots' palette, not retyped hex codes (code review)
ZIGZAG_SAID = {"up-right": "orange, solid", "down-left": "blue, dashed", "one up, one down": "green, dotted"}
ZIGZAG_HEAD = 0.04   # the solid head's length, in weight units (a dashed head reads as broken)
ZIGZAG_NUMBER_OFFSET = 11   # points: each arrow's number sits this far to the side of its middle


def zigzag_way(move):
    """'up-right', 'down-left' or 'one up, one down': the direction of one step (dw1, dw2)."""
    if move[0] * move[1] < 0:
        return "one up, one down"
    return "up-right" if move[0] + move[1] > 0 else "down-left"


def _zigzag_alt():
    left = zigzag_left()
    return ("Two panels on the same axes, weight 1 across and weight 2 up. In each, "
            f"{ZIGZAG_STEPS} large numbered arrows, one training step each, go from the start (0, 0) towards the star "
            "(1, −1). Each arrow is coloured and dashed by its direction: "
            + ", ".join(f"{way} ({ZIGZAG_SAID[way]})" for way in ZIGZAG_WAYS)
            + ". Left: inputs all above 0 (like sigmoid's): the arrows go up-right, down-left, up-right, down-left, "
            f"a zig-zag; after {ZIGZAG_STEPS} steps, {left['sigmoid']:g} from the star. Right: inputs above and below 0 "
            "(like tanh's): every arrow moves weight 1 up and weight 2 down, so each heads down-right, towards the star; after "
            f"{ZIGZAG_STEPS} steps, {left['tanh']:g} from the star.")


def _zigzag_arrows(ax, p, lw=2.6):
    """Each step a large arrow, coloured and dashed by its direction, with its number beside its middle."""
    for k, (a, b) in enumerate(zip(p[:-1], p[1:]), start=1):
        colour, ls = ZIGZAG_WAYS[zigzag_way(b - a)]
        d = (b - a) / np.linalg.norm(b - a)
        ax.plot([a[0], b[0]], [a[1], b[1]], color=colour, lw=lw, ls=ls, solid_capstyle="butt")   # the dashed shaft
        ax.annotate("", b, b - ZIGZAG_HEAD * d, arrowprops={"arrowstyle": "-|>", "color": colour, "lw": lw,
                                                           "mutation_scale": 18, "shrinkA": 0, "shrinkB": 0})   # a solid head
        side = np.array([-d[1], d[0]]) * ZIGZAG_NUMBER_OFFSET   # to the left of the arrow's direction
        ax.annotate(str(k), (a + b) / 2, side, textcoords="offset points", ha="center", va="center", fontsize=11,
                    fontweight="bold", color=colour,
                    bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": colour, "lw": 1.2})


@plots.styled
def zigzag_sketch(rate=ZIGZAG_RATE, goal=ZIGZAG_GOAL):
    """Why zero-centred matters, as a picture: with inputs all above 0 every step moves both weights the same way,
    so the path zig-zags; with inputs above and below 0 each step moves one weight up and the other down, straight on.
    Raises if a step of the all-above-0 run moves the two weights opposite ways, or a centred step does not."""
    runs = zigzag_runs(rate, goal)
    ways = {name: [zigzag_way(m) for m in np.diff(p, axis=0)] for name, p in runs.items()}
    if "one up, one down" in ways["sigmoid"] or set(ways["tanh"]) != {"one up, one down"}:
        raise ValueError(f"the examples no longer show the contrast: {ways}")
    fig, axes = plots.new_figure(*ZIGZAG_SIZE, 1, 2, sharex=True, sharey=True)
    for ax, (name, title) in zip(axes, ZIGZAG_INPUTS.items()):
        _zigzag_arrows(ax, runs[name])
        ax.plot([0], [0], "s", color="black", ms=7)
        ax.text(-0.05, 0.06, "start", ha="right", va="bottom", fontsize=10, color=STRIP_NOTE_COLOUR)
        ax.plot([goal[0]], [goal[1]], "*", color="black", ms=15, zorder=5)
        ax.text(goal[0], goal[1] - 0.09, "star", ha="center", va="top", fontsize=10, color=STRIP_NOTE_COLOUR)
        ax.set(xlabel="weight 1", title=f"{title}:\n{ZIGZAG_SUBTITLES[name]}")
        ax.axhline(0, color="black", lw=0.6)
        ax.axvline(0, color="black", lw=0.6)
    axes[0].set(ylabel="weight 2", xlim=ZIGZAG_X, ylim=ZIGZAG_Y)
    for way, (colour, ls) in ZIGZAG_WAYS.items():
        axes[1].plot([], [], color=colour, ls=ls, lw=2.2, label=way)
    axes[1].legend(loc="lower left", fontsize=9, title="each step", title_fontsize=9)
    fig.set_label(_zigzag_alt())
    return fig


# pass 90 (r91 Interaction): the one big idea with only a still picture; now a toggle the learner flips after
# predicting. Both runs' arrows are drawn once; the toggle shows one run and hides the other.
ZIGZAG_TOGGLE_SIZE = (470, 430)   # pixels: one panel, its units nearly equal across and up
ZIGZAG_CHOICES = {"tanh": "above and below 0", "sigmoid": "all above 0"}
ZIGZAG_TOGGLE_LABEL = "Click to switch the unit's inputs"   # r103: no colon (it read as "::")


def zigzag_describe(name, rate=ZIGZAG_RATE, goal=ZIGZAG_GOAL):
    """The toggle's picture in words, for the chosen inputs: where each arrow heads and how far the end is."""
    p = zigzag_runs(rate, goal)[name]
    shape = (f"go {', '.join(zigzag_way(m) for m in np.diff(p, axis=0))}: a zig-zag" if name == "sigmoid" else
             "each move weight 1 up and weight 2 down, so each heads down-right, towards the star")
    return (f"Weight 1 across, weight 2 up, with {ZIGZAG_INPUTS[name]}: {ZIGZAG_STEPS} numbered arrows from the start "
            f"(0, 0) towards the star (1, −1) {shape}. After {ZIGZAG_STEPS} steps, "
            f"{zigzag_left(rate, goal)[name]:g} from the star.")


def zigzag_toggle(inputs="tanh", rate=ZIGZAG_RATE, goal=ZIGZAG_GOAL):
    """Why zero-centred matters, to switch: two buttons pick the unit's inputs (above and below 0, like tanh's, or
    all above 0, like sigmoid's) and the path to the star redraws, each step a numbered arrow coloured and dashed
    by its direction (notebook 04). Raises if the two runs no longer show the contrast."""
    runs = zigzag_runs(rate, goal)
    ways = {name: [zigzag_way(m) for m in np.diff(p, axis=0)] for name, p in runs.items()}
    if "one up, one down" in ways["sigmoid"] or set(ways["tanh"]) != {"one up, one down"}:
        raise ValueError(f"the examples no longer show the contrast: {ways}")
    live = LiveFigure(*ZIGZAG_TOGGLE_SIZE)
    ax = live.axes[0]
    ax.set(xlabel="weight 1", ylabel="weight 2", xlim=ZIGZAG_X, ylim=ZIGZAG_Y)
    ax.axhline(0, color="black", lw=0.6)
    ax.axvline(0, color="black", lw=0.6)
    ax.plot([0], [0], "s", color="black", ms=7)
    ax.text(-0.05, 0.06, "start", ha="right", va="bottom", fontsize=10, color=STRIP_NOTE_COLOUR)
    ax.plot([goal[0]], [goal[1]], "*", color="black", ms=15, zorder=5)
    ax.text(goal[0], goal[1] - 0.09, "star", ha="center", va="top", fontsize=10, color=STRIP_NOTE_COLOUR)
    for way, (colour, ls) in ZIGZAG_WAYS.items():
        ax.plot([], [], color=colour, ls=ls, lw=2.2, label=way)
    ax.legend(loc="lower left", fontsize=9, title="each step", title_fontsize=9)
    arrows = {}
    for name in ZIGZAG_CHOICES:
        before = set(ax.get_children())
        _zigzag_arrows(ax, runs[name])
        arrows[name] = [live.moving(a) for a in ax.get_children() if a not in before]
    path = live.moving(ax.plot([], [], "o", color="black", ms=4, zorder=6)[0])   # the weights after each step
    heading = live.moving(ax.set_title(" ", fontsize=11))
    choice = widgets.ToggleButtons(options=[(label, name) for name, label in ZIGZAG_CHOICES.items()], value=inputs,
                                   description=ZIGZAG_TOGGLE_LABEL, style={"description_width": "initial",
                                                                           "button_width": "150px"})
    readout = widgets.HTML()

    def update():
        name = choice.value
        for n, group in arrows.items():
            for a in group:
                a.set_visible(n == name)
        path.set_data(*runs[name].T)
        heading.set_text(f"{ZIGZAG_INPUTS[name]}:\n{ZIGZAG_SUBTITLES[name]}")
        live.render()
        readout.value = (f"Each step: {ZIGZAG_SUBTITLES[name].split(': ')[1]}. After {ZIGZAG_STEPS} steps: "
                         f"<b>{zigzag_left(rate, goal)[name]:g}</b> from the star.")

    choice.observe(lambda _change: update(), names="value")
    widget = _DescribedWidget([choice, readout, live.image], live,
                              "Why zero-centred matters: switch the inputs (static picture below)",
                              sliders={}, readout=readout, lines={"path": path}, choice=choice)
    widget.describe = lambda: zigzag_describe(choice.value, rate, goal)
    update()
    return widget


# pass 92 (r93 Picture first): the toggle opens on the centred run, so a reader who cannot click saw other arrows
# than the words below it walk through; the two-panel still waits in a closed fold, like the SELU widget's
ZIGZAG_STILL_SUMMARY = "Can't click? Both runs side by side"


def zigzag_still_fold():
    """The toggle's two runs in one still picture (zigzag_sketch), with its alt text, in a closed fold (notebook 04)."""
    fig = zigzag_sketch()
    picture = tables.image(figure_png(fig), figure_alt(fig), ZIGZAG_SIZE[0])
    return fold(ZIGZAG_STILL_SUMMARY, "\n" + picture + "\n")


def _plus_minus(v):
    """A worked number with its sign: +0.6, −0.32."""
    return f"{'+' if v > 0 else '−'}{abs(v):.2g}"


def _worked(v):
    """A worked number at 2 decimals, with a typeset minus and no "−0": 0.24, −0.4, 0."""
    return f"{round(float(v), 2) + 0.0:g}".replace("-", "−")


def zigzag_text(name="sigmoid"):
    """The left panel's first two arrows as numbered steps, each nudge computed: one up-right, one down-left."""
    # r108 (pass 106, Clarity): the inputs and target changed between arrows with no word why; the toy has two
    # examples, taken in turn (checked against ZIGZAG_EXAMPLES); the step size is now named where the nudge is
    examples = ZIGZAG_EXAMPLES[name]
    if len(set(examples)) != 2 or any(examples[k] == examples[k + 1] for k in range(len(examples) - 1)):
        raise ValueError("the toy no longer takes two examples in turn")
    steps = zigzag_steps(name)
    goal, w = np.asarray(ZIGZAG_GOAL, dtype=float), np.zeros(2)
    lines, ways = [], []
    for k, (h, signal, nudge, after) in enumerate(steps[:2], start=1):
        way = zigzag_way(nudge)
        ways.append(way)
        both = "both up" if way == "up-right" else "both down"
        # r99 (pass 98, Clarity): the sign flip looked arbitrary; each line says why: + means the output is too low
        # r107 (pass 105, Clarity + Correctness): the step size was folded into the backward signal, unlike the
        # chapter's own definition (call × slope); the toy has no bend, so its backward signal is the call (target
        # minus output), and the step size scales each nudge: step size × input × backward signal
        call = signal / ZIGZAG_RATE
        side = "low" if call > 0 else "high"
        times = [f"{ZIGZAG_RATE:g} × {x:g} × {_worked(call) if call > 0 else '(' + _worked(call) + ')'}" for x in h]
        lines.append(f"{k}. Arrow {k}: inputs {h[0]:g} and {h[1]:g}. Output {_worked(w @ h)}, target "
                     f"{_worked(goal @ h)}: too {side} by {_worked(abs(call))}.\n"
                     f"   Backward signal: {_plus_minus(call)}.\n"
                     f"   Nudges: {times[0]} = {_plus_minus(nudge[0])} and {times[1]} = {_plus_minus(nudge[1])}. "
                     f"So {both}: {way}.")
        w = after
    # r94 (Correctness): arrows 3 and 4 repeat the directions, not the lengths (arrow 4 is much shorter than 2)
    if [zigzag_way(s[2]) for s in steps[2:4]] != ways:
        raise ValueError("arrows 3 and 4 no longer repeat arrows 1 and 2's directions")
    return Markdown("The toy has two examples, used in turn.\n"
                    "Its unit has no bend, so its backward signal is just the call: target − output.\n"
                    f"The step size is {ZIGZAG_RATE:g}.\n\n"
                    + "\n".join(lines) + f"\n3. Arrows 3 and 4 repeat the pattern: {ways[0]}, then {ways[1]}.\n")


@plots.styled
def softmax_temperature(logits=(2.0, 1.0, 0.5, -1.0), temperature=1.0):
    """Softmax of fixed scores with a temperature slider: small T picks a winner, large T flattens (notebook 04)."""
    logits = np.asarray(logits, dtype=float)
    soft = activations.get("softmax")
    p = soft.params["temperature"]
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    k = np.arange(len(logits))
    ax.set(ylim=(0, 1.08), xlim=(-0.6, len(logits) - 0.4), ylabel="share",
           xticks=k, xticklabels=score_labels(logits), xlabel="score")
    ax.axhline(1 / len(logits), color=plots.MUTED, lw=1.2, ls="--", label="all equal (T → ∞)")
    bars = [live.moving(b) for b in ax.bar(k, np.zeros(len(logits)), width=0.6, color=plots.color("softmax"))]
    # r71 (pass 74): faint T = 1 outlines (the shares drawn above the formula) over the live bars, so a drag shows
    # the change; dotted and unfilled, so they differ from the live bars by more than colour
    ax.bar(k, np.asarray(soft(logits, temperature=1.0), dtype=float), width=0.6, fill=False, ls=":", lw=1.4,
           edgecolor=plots.MUTED, zorder=3, label="T = 1")
    ax.legend(loc="upper right")
    labels = [live.moving(ax.text(i, 0, "", ha="center", va="bottom")) for i in k]
    title = live.moving(ax.set_title(" "))
    sliders = {"temperature": slider("temperature T", temperature, p.low, p.high, p.step)}
    readout = widgets.HTML()

    def update():
        T = sliders["temperature"].value
        probs = np.asarray(soft(logits, temperature=T), dtype=float)
        for bar, text, q in zip(bars, labels, probs):
            bar.set_height(q)
            text.set_position((text.get_position()[0], q + 0.01))
            text.set_text(f"{q:.2f}")
        title.set_text(f"T = {T:.2f}")   # the still picture shows it too
        live.render()
        # pass 30: the entropy readout (bits) was a second idea for one picture; the readout names the Predict's quantity
        readout.value = f"at T = {T:.2f}, the top score's share is <b>{probs.max():.2f}</b>"

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["temperature"], readout, live.image], live,
        "Softmax temperature: drag T (static picture below)",
        sliders=sliders, readout=readout, bars=bars, lines={},
    )


# ---- the chapter's printed numbers, as sentences (notebook 04) ----

def print_gap(a, b, x):
    """The gap A − B at one x."""
    print(f"{label(a)}({x:g}) − {label(b)}({x:g}) = {float(activations.get(a)(x) - activations.get(b)(x)):.2g}")


def _average_and_spread(name, **kw):
    """The chapter's one "spread": the standard deviation (the square root of the engine's variance)."""
    mean, variance = signal_stats.layer_stats(name, **kw)
    return mean, np.sqrt(variance)


def print_dips(names=("gelu", "silu", "mish")):
    """The smooth family in three labelled lines, one kind of number each: lowest points, slopes just left of 0,
    outputs at x = 3 (with GELU(3) − SiLU(3))."""
    rows = {"lowest point": ", ".join(f"{label(n)} {activations.minimum(n)[1]:.3f}" for n in names),
            "slope at x = -0.01": ", ".join(f"{label(n)} {float(activations.get(n).derivative(-0.01)):.1f}"
                                            for n in names),
            "output at x = 3": ", ".join(f"{label(n)} {_at(n, 3.0):.2f}" for n in names)
            + f"  (GELU − SiLU = {_at('gelu', 3.0) - _at('silu', 3.0):.2f})"}
    for name, text in rows.items():
        print(f"{name + ':':<20}{text}")


def print_widest_gap(a="gelu", b="silu"):
    """Where the gap A − B is widest, on both sides of 0 (the gap is symmetric for GELU and SiLU)."""
    x_far, widest = gap(a, b)[2]
    print(f"{label(a)} − {label(b)} is largest at x = {x_far:.2f} and at x = {-x_far:.2f}: {abs(widest):.2f}")


def print_overflow(scores):
    """Softmax of big scores straight from the formula (nan: e^1000 overflows), then with the largest score subtracted."""
    scores = np.asarray(scores, dtype=float)
    with np.errstate(all="ignore"):
        straight = np.exp(scores) / np.exp(scores).sum()
    e = np.exp(scores - scores.max())
    print("straight from the formula:", straight)
    print("largest score subtracted: ", np.round(e / e.sum(), 3))


# ---- folded answers: the numbers that answer a Predict stay hidden until the learner clicks (notebook 04) ----

def _at(name, x):
    return float(activations.get(name)(x))


def at_answer(names=FAMILIES["ReLU family"], x=-3.0):
    """The answer to 'at x = -3, which relatives still have a slope above 0?': all four (ELU's and SELU's are small
    but not 0), and why, folded (no slopes: they would answer the nudge Predict that follows)."""
    out = {n: (float(activations.get(n)(x)), float(activations.get(n).derivative(x))) for n in names}
    relatives = [n for n in names if n != "relu"]
    steady = [label(n) for n in relatives if abs(out[n][1] - float(activations.get(n).derivative(x - 1))) < 1e-12]
    fading = [label(n) for n in relatives if label(n) not in steady]
    everyone = "All four" if all(out[n][1] > 0 for n in relatives) and len(relatives) == 4 else "Not all"
    lam_alpha = float(activations.get("selu").derivative(-1e-12))   # r38: SELU's slope just left of 0, λα = 1.76
    # r72 (pass 75): the slope table went: it answered the next Predict (the biggest nudge) before it was asked
    return fold("Check your prediction", f"""
{everyone}. {" and ".join(steady)} keep the same slope all along the left.
{"'s and ".join(fading)}'s slopes are small there, but not 0: they fade, but never reach 0.
As the sketch showed, the slope of $e^x$ equals its height.
So {label("elu")}'s slope is $e^x$ (for α = 1), and {label("selu")}'s is {lam_alpha:.2f} × $e^x$.
""")


def elu_gap_answer(x=-4.0):
    """The answer to 'about how big is the gap at x = -4 with ELU or SELU as bend B?', computed."""
    elu, selu = _at("relu", x) - _at("elu", x), _at("relu", x) - _at("selu", x)
    leak = _at("relu", x) - _at("leaky_relu", x)
    selu_floor = _at("selu", -50.0)   # −λα, the floor SELU approaches
    return fold("Check your prediction", f"""
Both level off.
About 1 for ELU: ReLU − ELU = {elu:.2f} at $x = {x:g}$.
About 1.7 for SELU: ReLU − SELU = {selu:.2f}.
Leaky ReLU's gap there is only {leak:.2g}.
ELU's curve sinks towards its floor, −1. So the gap levels off: it creeps towards 1 and never reaches it.
SELU's floor is lower, about −{-selu_floor:.2f}, so its gap creeps towards about {-selu_floor:.2f}.
""")


def steepest_drop(name, lo=-8.0, points=80001):
    """Where a smooth bend's slope is lowest left of 0, and that slope: SiLU's is about -0.10, near x = -2.4."""
    x = np.linspace(lo, 0.0, points)
    d = np.asarray(activations.get(name).derivative(x), dtype=float)
    return float(x[d.argmin()]), float(d.min())


def slopes_fold(names=("gelu", "silu", "mish"), x=-4.0):
    """'For the curious': the slope left of the dip (the slope just left of 0 is said in the open text).
    r47 (pass 52): "within 0.06 of 0" hid that the slopes there are below 0 (SiLU's dips to about -0.1 near
    x = -2.4), so the fold says the sign, the steepest drop and where, and the slope at x, each computed."""
    # r58 (pass 63): the table of slopes added digits without a new idea; the fold says the idea only (its numbers
    # are still computed here and checked by tests/test_chapter_04.py)
    if not all(steepest_drop(n)[1] < float(activations.get(n).derivative(x)) < 0 for n in names):
        raise ValueError(f"the slopes do not fade towards 0 by x = {x}")
    # r85 (pass 86): the open text's slopes at the ReLU family's test point are computed here, the walk's first step
    near = ", ".join(f"{label(n).split(' /')[0]} {float(activations.get(n).derivative(NUDGE_X)):.2f}" for n in names)
    if not all(float(activations.get(n).derivative(NUDGE_X)) > 0 for n in names):
        raise ValueError(f"a slope at x = {NUDGE_X} is not above 0")
    return fold("For the curious: the slope left of the dip", f"""
Walk left from 0. At $x = {NUDGE_X:g}$ the slopes are still above 0: {near}.
At the bottom of each dip, the slope is 0.
Left of its lowest point, each curve goes down as $x$ grows. So there its slope is below 0.
The unit's weights still get a nudge, but it pushes them the other way.
Further left, the slopes fade towards 0.
""")


def back_near_one(spread, within=0.1):
    """The first layer from which a run's spread stays within `within` of 1."""
    off = np.flatnonzero(np.abs(np.asarray(spread) - 1) >= within)
    return int(off[-1]) + 1 if off.size else 0


def shrink_factor(spread):
    """The typical (median) ratio of one layer's spread to the one before, from layer 1 on."""
    spread = np.asarray(spread[1:])
    return float(np.median(spread[1:] / spread[:-1]))


# r67 (pass 71): the widget's stored picture shows one start (1: flat lines), so the Check's "from either start" could
# not be seen there; this still picture draws the three starts the Predict names, each with its own dash
THREE_STARTS = {2.0: ("#D55E00", "-"), 1.0: ("black", "--"), 0.5: (plots.ACCENT, ":")}


# r80 (pass 82): "kernel" is a tool's word; the summary says what a reader without a live slider gets
THREE_STARTS_SUMMARY = "Can't move the slider? Here are the three starts in one picture"
# r108 (pass 106, Interaction): the Check says "ReLU, same weights: it fades to almost 0", which a reader without the
# tick box could not see; the still adds ReLU's spread from start 1, with the widget's same weights
THREE_STARTS_RELU, THREE_STARTS_RELU_COLOUR = 1.0, "#CC79A7"   # its own colour: the 0.5 start already has the accent blue


def _three_starts_alt(depth, settle):
    return (f"SELU's spread, layer 0 to {depth}, in {len(DRAW_SEEDS)} random networks from each of three starts: 2 (solid), "
            f"1 (dashed) and 0.5 (dotted). The lines from 2 fall and the lines from 0.5 rise; from layer {settle} on, "
            f"every SELU line is within {SETTLE_CLEAR:g} of 1, inside a grey band from {1 - SETTLE_WITHIN:g} to {1 + SETTLE_WITHIN:g}. "
            f"ReLU with the same weights, from {THREE_STARTS_RELU:g} (thin, solid), fades towards 0.")


@plots.styled
def selu_three_starts(depth=30):
    """SELU's spread layer by layer from the starts 2, 1 and 0.5 together, in the widget's five networks, with its grey
    band and the layer from which every line stays in it (the Check's picture; notebook 04)."""
    fig, ax = plots.new_figure(560, 300)
    settle = selu_settle_layer(depth)
    ax.axhspan(1 - SETTLE_WITHIN, 1 + SETTLE_WITHIN, color=SETTLE_BAND, zorder=0, lw=0)
    ax.axvline(settle, color=STRIP_NOTE_COLOUR, ls=":", lw=1.2, zorder=1)
    ax.text(settle + 0.4, 2.05, f"layer {settle}", color=STRIP_NOTE_COLOUR, fontsize=10)
    layers = np.arange(depth + 1)
    for start, (colour, ls) in THREE_STARTS.items():
        for k, (_, spread) in enumerate(run_draws(depth, start)["SELU"]):
            ax.plot(layers, spread, color=colour, ls=ls, lw=1.8, label=f"start {start:g}" if k == 0 else "_nolegend_")
    for k, (_, spread) in enumerate(run_draws(depth, THREE_STARTS_RELU)["ReLU, LeCun weights"]):
        ax.plot(layers, spread, color=THREE_STARTS_RELU_COLOUR, ls="-", lw=1.2,
                label=f"ReLU, same weights, start {THREE_STARTS_RELU:g}" if k == 0 else "_nolegend_")
    ax.set(xlim=(0, depth), ylim=(0, 2.2), xlabel="layer", ylabel="spread",
           title=f"from each start, {len(DRAW_SEEDS)} networks")
    ax.legend(loc="upper right", fontsize=9)
    fig.set_label(_three_starts_alt(depth, settle))
    return fig


def signal_answer(depth=30, high=2.0, low=0.5):
    """The Check after the SELU widget, one line per curve drawn: SELU goes back to 1 from 2 and 0.5, within
    SETTLE_WITHIN by the settle layer in all five networks, its average back to 0; ReLU with the same weights fades
    (why, in two short lines: ReLU zeroes about half its sums). History of this Check: tests/test_chapter_04.py (passes
    15 to 62; r56, pass 62: the He lines went with the He widget)."""
    draws_up, draws_down = run_draws(depth, high), run_draws(depth, low)
    selu_ends = [(m[-1], s[-1]) for draws in (draws_up, draws_down) for m, s in draws["SELU"]]
    if max(max(abs(m), abs(s - 1)) for m, s in selu_ends) >= SETTLE_WITHIN:
        raise ValueError(f"SELU does not end near average 0, spread 1: {selu_ends}")
    if max(s[-1] for _, s in draws_up["ReLU, LeCun weights"]) >= 1e-3:
        raise ValueError("ReLU with LeCun weights does not fade")
    settle = selu_settle_layer(depth, high, low)
    fig = selu_three_starts(depth)
    picture = tables.image(figure_png(fig), figure_alt(fig), 560)
    # r75 (pass 78): "all 5 lines are within 0.07 of 1 ... from layer 12 on" read like an audit; said plainly (the
    # settle layer, within SETTLE_CLEAR, is still computed and tested)
    # r78 (pass 81): the still sat in the Check itself, so dragging added nothing; the Check points at the widget,
    # and the still waits in its own fold for a reader without a kernel (the widget's stored picture shows one start: 1 since r98)
    lines = [f"- **SELU**: it goes back to 1, from {high:g} and from {low:g} alike.\n"
             f"  In the widget, by about layer {settle}, every line has settled into the grey band.\n"
             # r98 (pass 97, Interaction): the widget opens at 1 (flat), so its first picture answers nothing; the
             # Predict asks for both drags, and the Check says what each one shows
             f"  From {high:g}, the lines fall into the band. From {low:g}, they rise into it.\n"
             "  Its average (left panel) goes back to 0 too.\n"
             "  A common wrong answer: \"SELU keeps whatever spread it is given.\" In fact, it pulls a big "
             "spread down and a small one up.",
             "- **ReLU, same weights**: it fades to almost 0.\n"
             # r80 (pass 82): the reason in two short lines (its long form, with the average square, went)
             "  Why: ReLU turns about half its sums into 0. These small weights do not make up for that."]
    still = fold(THREE_STARTS_SUMMARY, "\n" + picture + "\n").data
    return Markdown(fold("Check your prediction", "\n" + "\n".join(lines) + "\n\n" + still + "\n").data)


def gap_below_beyond(a="gelu", b="silu", below=0.01, x_max=20.0, points=200001):
    """The |x| beyond which the gap between two bends stays under `below` (on both sides, up to x_max)."""
    x = np.linspace(0.0, x_max, points)
    fa, fb = activations.get(a), activations.get(b)
    d = np.maximum(np.abs(np.asarray(fa(x)) - np.asarray(fb(x))), np.abs(np.asarray(fa(-x)) - np.asarray(fb(-x))))
    return float(x[np.flatnonzero(d >= below)[-1]])


def widest_answer(a="gelu", b="silu", edge=4.0):
    """The answer to 'where are GELU and SiLU furthest apart?', computed. Pass 31: far out the gap shrinks only slowly
    (0.07 at the widget's edges, x = ±4; under 0.01 only beyond |x| ≈ 6.5), so "they meet again" is not said."""
    x_far, d = gap(a, b)[2]   # r36: one takeaway (where, and about how big); the slow fade's numbers are cut
    return fold("Check your prediction", f"""
Near x = ±2, on **both** sides: there the gap is about {abs(d):.1f}. At 0 both give exactly 0.

A common wrong answer: "far out, where the curves have drifted apart." In fact, far out the gap shrinks towards 0.
Their switches, $\\Phi$ and $\\sigma$, both head to 0 on the left and to 1 on the right.
So swapping GELU for SiLU moves an output by at most about {abs(d):.1f}.
""")


ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th")


_num = printing.true_minus   # a score as the text writes it: 2, 0.5, −1


def score_labels(scores, raised=None):
    """The one way the chapter names a score, in every picture and table: its place, then its value ("1st: 2").
    With `raised`, a score that changed shows both values ("2nd: 1 → 2"). Pass 22: a reader met "score 1" as the
    first score in one table and as the score whose value is 1 in another."""
    raised = scores if raised is None else raised
    return [f"{ORDINALS[k]}: {_num(v)}" + (f" → {_num(w)}" if w != v else "")
            for k, (v, w) in enumerate(zip(scores, raised))]


@plots.styled
def softmax_bars(scores=(2.0, 1.0, 0.5, -1.0), temperature=1.0):
    """Four scores in, four shares out: softmax at one temperature, as bars with the shares written on them."""
    scores = np.asarray(scores, dtype=float)
    shares = np.asarray(activations.get("softmax")(scores, temperature=temperature), dtype=float)
    fig, ax = plots.new_figure(600, 300)
    k = np.arange(len(scores))
    ax.bar(k, shares, width=0.6, color=plots.color("softmax"))
    for i, q in zip(k, shares):
        ax.text(i, q + 0.01, f"{q:.2f}", ha="center", va="bottom")
    ax.set(ylim=(0, 1.0), xlim=(-0.6, len(scores) - 0.4), ylabel="share", xticks=k,
           xticklabels=score_labels(scores), xlabel="score", title="four scores in, four shares out")
    return fig


def temperature_answer(scores=(2.0, 1.0, 0.5, -1.0), temperatures=(0.05, 5.0)):
    """The answer to 'when T gets very small, what share does the top score get?', with shares at a small and a large
    T (r58, pass 63: the middle row added digits, not an answer)."""
    soft = activations.get("softmax")
    lines = "\n".join(f"| {T:g} | " + " | ".join(f"{q:.2f}" for q in np.asarray(soft(np.asarray(scores), temperature=T)))
                      + " |" for T in temperatures)
    head = " | ".join(score_labels(scores))
    return fold("Check your prediction", f"""
Almost all of it: close to 1.
A small $T$ makes the gaps between scores huge, so the top score wins.
A large $T$ shrinks the gaps, and all four shares move towards a quarter each.

A common wrong answer: "a small $T$ evens the shares out." In fact, it does the opposite: a large $T$ evens them out.

| T | {head} |
|---|{"---|" * len(scores)}
{lines}

Text generators use this same knob when they pick the next piece of text.
""")


def raise_answer(before, after, scores=None, raised=None):
    """The answer to 'raise the second score by 1: which shares grow, which shrink?', from the learner's own
    softmax cell's two lists of shares, folded so the numbers do not answer the Predict before the guess. Given the
    scores before and after, each column names its score as the pictures do ("2nd: 1 → 2")."""
    before, after = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    grow = [i + 1 for i in np.flatnonzero(after > before)]
    verdict = ("Only the raised score's share grows; every other share shrinks." if len(grow) == 1
               and np.all(np.delete(after < before, grow[0] - 1)) else "Not only the raised score's share grows.")
    cells = lambda q: " | ".join(f"{v:.3f}" for v in q)  # noqa: E731
    # pass 25: the reason and a common wrong answer (the reader got a table and no why)
    why = ""
    if scores is not None and raised is not None:
        k = int(np.argmax(np.asarray(raised, dtype=float) - np.asarray(scores, dtype=float)))
        up = float(np.exp(raised[k] - scores[k]))
        why = f"""
Why: the raised score's $e^x$ grew {up:.2f} times ($e^{{{raised[k] - scores[k]:g}}}$). So the total at the bottom of the formula grew too.
The other scores' $e^x$ stayed the same. Divided by a bigger total, their shares shrank.

A common wrong answer: "the other shares stay the same, since their scores did not change."
In fact, the shares still add up to 1. What one share gains, the others lose.
"""
    return fold("Check your prediction", f"""
{verdict}
{why}
| shares | {" | ".join(ORDINALS[:len(before)] if scores is None else score_labels(scores, raised))} |
|---|{"---|" * len(before)}
| before | {cells(before)} |
| after | {cells(after)} |
""")


def overflow_fold(scores=(1000.0, 999.0, 998.0)):
    """'Optional': why softmax as written breaks on big scores, and the fix, with both results computed."""
    scores = np.asarray(scores, dtype=float)
    with np.errstate(all="ignore"):
        straight = np.exp(scores) / np.exp(scores).sum()
    if not np.isnan(straight).all():   # the fold says every share is nan
        raise ValueError(f"softmax of {scores} does not overflow: {straight}")
    e = np.exp(scores - scores.max())
    fixed = np.round(e / e.sum(), 3)
    show = ", ".join(f"{v:g}" for v in scores)
    # r61 (pass 66): "too big for a computer" was too broad; the limit is the usual 64-bit number's, read from NumPy
    mant, power = f"{np.finfo(float).max:.1e}".split("e+")
    return fold("Optional: very big scores", f"""
$e^{{{scores.max():g}}}$ is too big for NumPy's usual numbers: the largest is about ${mant} \\times 10^{{{int(power)}}}$.
So for scores {show} every share comes out `nan` (not a number).
Subtract the largest score first. Then each $e^{{x_i}}$, on top and in the sum below, is divided by the same number.
That cancels, so the shares do not change. And now they compute: {", ".join(f"{v:.3f}" for v in fixed)}.
""")


GATE_ALT = ("A gated unit, left to right: the input goes to two weighted sums, a and b. Sum a goes through a bend "
            "and becomes the gate; sum b stays unbent, the content. The × multiplies gate and content into out.")


@plots.styled
def gate_diagram():
    """A gated unit in plain words: one input, two weighted sums; a is bent into the gate, b is the content;
    gate × content comes out (notebook 04; chapter 02's diagram with the sums named a and b)."""
    fig = swiglu_diagram(sums=("weighted\nsum a", "weighted\nsum b"), bend="a bend", output="out",
                         out_colour="black")
    fig.set_label(GATE_ALT)   # r35: the alt was the bare fallback "figure"
    return fig


TABLE_COUNT = {"plain block": 2, "gated block": 3}   # weight tables per block, as the picture draws them
BLOCKS_ALT = ("Two blocks (the small part of a network where a bend sits), every weight table with the same number of weights. "
              "Top, plain block: the input, table in, "
              "a bend, table out, out. Bottom, gated block: the input goes to table a and table b; a is bent into "
              "the gate, b stays the content; gate × content goes through table out to out.")


@plots.styled
def block_tables():
    """Where the extra weight table of a gated unit comes from: a plain block (table in, bend, table out) above a
    gated block (table a and table b, the gate times the content, table out), each weight table drawn as a small
    grid (notebook 04; pass 22: the out table was said but never drawn)."""
    fig, ax = plots.new_figure(760, 330)
    ax.set(xlim=(0, 10), ylim=(0, 6.3))
    ax.axis("off")
    gate, content = plots.color("silu"), plots.MUTED

    def box(x, y, text, colour="black"):
        ax.text(x, y, text, ha="center", va="center", fontsize=10.5,
                bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": colour, "lw": 1.8})

    def table(x, y, name):
        w, h = 0.8, 0.62
        ax.add_patch(Rectangle((x - w / 2, y - h / 2), w, h, fc="#f2f2f2", ec="black", lw=1.4))
        for f in (1 / 3, 2 / 3):   # a 3 × 3 grid: one weight per input–output pair
            ax.plot([x - w / 2 + f * w] * 2, [y - h / 2, y + h / 2], color="black", lw=0.7)
            ax.plot([x - w / 2, x + w / 2], [y - h / 2 + f * h] * 2, color="black", lw=0.7)
        ax.text(x, y - h / 2 - 0.12, name, ha="center", va="top", fontsize=10)

    def arrow(start, end):
        ax.annotate("", end, start, arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.3})

    # pass 28: the titles no longer count the tables ("2 weight tables" answered the question below the picture)
    ax.text(0.05, 6.15, "plain block", fontsize=11, fontweight="bold", va="top")
    ax.text(9.95, 6.15, "every table: the same number of weights", fontsize=10, ha="right", va="top", color=STRIP_NOTE_COLOUR)
    y = 5.0
    box(0.8, y, "the input")
    table(2.8, y, "table in")
    box(5.0, y, "a bend")
    table(7.6, y, "table out")
    box(9.2, y, "out")
    for a, b in ((1.5, 2.3), (3.3, 4.45), (5.55, 7.1), (8.1, 8.8)):
        arrow((a, y), (b, y))
    ax.plot([0, 10], [4.05, 4.05], color=plots.MUTED, lw=0.8, ls=":")

    ax.text(0.05, 3.9, "gated block", fontsize=11, fontweight="bold", va="top")
    ya, yb, ym = 2.75, 0.95, 1.85
    box(0.8, ym, "the input")
    table(2.8, ya, "table a")
    table(2.8, yb, "table b")
    box(4.8, ya, "a bend\n= the gate", gate)
    box(4.8, yb, "no bend\n= the content", content)
    ax.text(6.25, ym, "×", ha="center", va="center", fontsize=20,
            bbox={"boxstyle": "circle,pad=0.15", "fc": "white", "ec": "black", "lw": 1.4})
    table(7.6, ym, "table out")
    box(9.2, ym, "out")
    for start, end in (((1.5, ym + 0.2), (2.3, ya)), ((1.5, ym - 0.2), (2.3, yb)), ((3.3, ya), (4.05, ya)),
                       ((3.3, yb), (3.85, yb)), ((5.55, ya - 0.2), (6.0, ym + 0.3)), ((5.75, yb + 0.2), (6.0, ym - 0.3)),
                       ((6.55, ym), (7.1, ym)), ((8.1, ym), (8.8, ym))):
        arrow(start, end)
    fig.set_label(BLOCKS_ALT)   # r35: the alt described the canvas ("panel: x from 0 to 10"), not the blocks
    return fig


# r71 (pass 74): "a gated block has about 2/3 as many units" was text only; drawn as 2 full tables against 3 tables
# each 2/3 as wide (one column per bent unit, one row per input number), so the two rows hold the same grid cells
SAME_WEIGHTS_UNITS = {"plain block": (2, 6), "gated block": (3, 4)}   # (tables, bent units): 2 × 6 = 3 × 4 columns
SAME_WEIGHTS_ROWS = 4
# r91 (pass 90, Picture): "6 in × 4 out" was drawn the same shape as "4 in × 6 out"; now every table has one row
# per number in and one column per number out, so the plain block's two tables are the same grid turned on its side
SAME_WEIGHTS_KEY = "each table: a row per number in,\na column per number out"
# r96 (pass 95, Interaction): right after the "same units" quiz, "48 weights" twice read as "0% more"; the title
# says this picture asks the other question: equal weights, so fewer gated units
SAME_WEIGHTS_TITLE = ("Or keep the weights equal: then "
                      f"{SAME_WEIGHTS_UNITS['plain block'][1]} units become {SAME_WEIGHTS_UNITS['gated block'][1]}")
SAME_WEIGHTS_ALT = (SAME_WEIGHTS_TITLE + ". Two rows of weight tables with the same number of weights; in every table, one row per number in "
                    "and one column per number out. Top, plain block: 2 tables for 6 bent units, labelled 4 in × 6 out "
                    "(4 rows, 6 columns, wide) and 6 in × 4 out (6 rows, 4 columns, tall). Bottom, gated block: 3 "
                    "square tables for 4 bent units (2/3 as many), each labelled 4 in × 4 out. Both rows hold 48 "
                    "weights.")


def same_weights_count(block):
    """Weights in one row of the same-weights picture: tables × units × input numbers."""
    tables, units = SAME_WEIGHTS_UNITS[block]
    return tables * units * SAME_WEIGHTS_ROWS


def table_shape(block, k):
    """(numbers in, numbers out) of table k of a block in the same-weights picture: (4, units) for a table into the
    bent units, (units, 4) for the last (out) table."""
    tables, units = SAME_WEIGHTS_UNITS[block]
    return (units, SAME_WEIGHTS_ROWS) if k == tables - 1 else (SAME_WEIGHTS_ROWS, units)


def table_size(block, k):
    """The label under table k of a block in the same-weights picture: '4 in × 6 out' for a table into the bent
    units, '6 in × 4 out' for the last (out) table."""
    return "{} in × {} out".format(*table_shape(block, k))


@plots.styled
def same_weights_tables():
    """Same weights, fewer units: a plain block's 2 tables (6 units wide) above a gated block's 3 tables (4 wide),
    each weight a grid cell, so equal areas are equal weight counts (notebook 04)."""
    if same_weights_count("plain block") != same_weights_count("gated block"):
        raise ValueError("the two rows must hold the same number of weights")
    fig, ax = plots.new_figure(640, 290)
    cell = 0.32
    ax.set(xlim=(0, 10.2), ylim=(-0.3, 4.45), aspect="equal")
    ax.axis("off")
    fills = {"plain block": "#f2f2f2", "gated block": "#fde9c4"}
    for (block, (tables, units)), y in zip(SAME_WEIGHTS_UNITS.items(), (2.3, 0.35)):
        x = 3.3
        ax.text(0.05, y + SAME_WEIGHTS_ROWS * cell / 2, f"{block}:\n{tables} tables × {units} units",
                fontsize=10.5, va="center")
        for k in range(tables):
            ins, outs = table_shape(block, k)
            w, h = outs * cell, ins * cell   # one row per number in, one column per number out
            ax.add_patch(Rectangle((x, y), w, h, fc=fills[block], ec="black", lw=1.4))
            # r84 (pass 85): each table's size, said under it: the block's numbers in (rows) by its bent units
            ax.text(x + w / 2, y - 0.06, table_size(block, k), fontsize=9, ha="center", va="top")
            for i in range(1, outs):
                ax.plot([x + i * cell] * 2, [y, y + h], color="black", lw=0.6)
            for j in range(1, ins):
                ax.plot([x, x + w], [y + j * cell] * 2, color="black", lw=0.6)
            x += w + 0.4   # r84 (pass 85): room for the size labels
        ax.text(10.15, y + SAME_WEIGHTS_ROWS * cell / 2, f"{same_weights_count(block)} weights", fontsize=10.5,
                ha="right", va="center")
    ax.text(0.05, 4.4, SAME_WEIGHTS_KEY, fontsize=9.5, va="top", color=STRIP_NOTE_COLOUR)
    ax.set_title(SAME_WEIGHTS_TITLE, fontsize=11.5, loc="left")
    fig.set_label(SAME_WEIGHTS_ALT)
    return fig


def gate_answer(a=3.0, content=2.0):
    """The answer to 'at a = 3, which gates pass more than all of b?', with each gate and gate × b computed."""
    rows = "\n".join(f"| {u} | {g:.2f} | {out:.2f} |" for u, (g, out) in gate_values(a, content).items())
    return fold("Check your prediction", f"""
SwiGLU's and GeGLU's. GLU's sigmoid gate stays below 1: almost all of $b$ passes, never more.

| at $a = {a:g}$ | gate | out for $b = {content:g}$ |
|---|---|---|
{rows}

Unlike a real dimmer, SwiGLU's and GeGLU's gates can go above 1.
SiLU and GELU keep growing, like ReLU, so almost three times $b$ comes out.
Left of 0 those two gates dip a little below 0, so a little of $b$ comes out flipped.
""")


# ---- click-an-answer questions: each wrong option names its misconception (notebook 04; pass 24) ----

def _low(name):
    """A dip's lowest point in words: '−0.17 at x = −0.75'."""
    x, y = activations.minimum(name)
    return f"{y:.2f} at x = {x:.2f}".replace("-", "−")


SMOOTH_REVEAL_SUMMARY = "The four smooth curves: the answer's picture (open it after you choose)"


def _smooth_alt():
    """The smooth-family picture in words, its dips computed: deepest first."""
    lows = sorted(("gelu", "silu", "mish"), key=lambda n: activations.minimum(n)[1])
    short = {n: label(n).split(" /")[0] for n in lows}   # "SiLU", not "SiLU / Swish"
    dips = ", then ".join(f"{short[n]} ({activations.minimum(n)[1]:.2f})".replace("-", "−") for n in lows)
    return ("Left: GELU, SiLU, Mish and Softplus, with ReLU dotted, x from −3 to 3. None has a corner. "
            f"Right: a zoom on the dips below 0, each lowest point marked with a dot. Deepest first: {dips}.")


def smooth_reveal():
    """The smooth-family picture as the dip question's answer (r95 Interaction: it sat in view under the buttons):
    a hidden image a click shows, and a closed fold after the feedback for a render without a kernel."""
    fig = smooth_family()
    png, alt = figure_png(fig), _smooth_alt()
    shown = widgets.Image(value=png, format="png", layout=widgets.Layout(max_width="100%"))
    picture = tables.image(png, alt, round(fig.get_figwidth() * fig.dpi))
    return shown, f"<details><summary>{SMOOTH_REVEAL_SUMMARY}</summary>{picture}</details>"


def deepest_dip_question():
    """Which smooth bend dips deepest: Mish. r63: the old question (which never goes below 0?) was answered by the
    chapter's opening picture; this one is not (Mish and SiLU differ by 0.03 there). Options are names only (asked
    before the formulas); each option's dip, or its floor, is computed. r95 (pass 94): the four-curves picture, which
    shows the answer, comes only after a click (folded after the feedback in a render without a kernel)."""
    shown, folded = smooth_reveal()
    return choice_question(
        "Which of these dips deepest below 0?",
        [("GELU", False,
          f"Not GELU: of the three that dip, it dips least, to {_low('gelu')}."),
         ("Mish", True,
          f"Right: Mish dips deepest, to {_low('mish')}. It is x times a number between 0 and 1. "
          "Left of 0, its number is a little bigger than SiLU's, so the product goes lower."),
         ("SiLU", False,
          f"A common wrong answer: SiLU. SiLU is x times sigmoid(x), so it does dip, to {_low('silu')}. "
          "In fact, Mish goes a little lower."),
         ("Softplus", False,
          "Not Softplus: it never goes below 0. "
          "Far left it is almost eˣ, which sinks towards 0 but never reaches it.")],
        "Question: which smooth bend dips deepest? (run the notebook to answer)",
        feedback_offline=True,   # r94 (pass 93): each letter's own feedback, even without a kernel
        reveal=shown, reveal_html=folded)


def gated_weights_question():
    """With the same number of bent units, how many more weights a gated block has: 3 tables against 2, so 50%
    (the block picture's TABLE_COUNT); each wrong option names its misconception."""
    plain, gated = TABLE_COUNT["plain block"], TABLE_COUNT["gated block"]
    more = f"{gated / plain - 1:.0%}"
    return choice_question(
        "Same number of bent units: how many more weights does a gated block have?",
        [("0%", False,
          f"A common wrong answer: only the bend is new. In fact, the gate's reading a needs its own weight table: "
          f"{gated} tables, not {plain}."),
         (f"{1 / gated:.0%}", False,
          f"A common wrong answer: one table of the {gated} is new, so a third. In fact, compare {gated} with {plain}, "
          f"not 1 with {gated}: one more table on {plain} is {more}."),
         (more, True,
          f"Right: with the same units, a gated block has {more} more weights. "
          f"It has {gated} tables instead of {plain}, each with the same number of weights. "   # r95 (pass 94): the count, said
          f"One more table on {plain} is half of {plain}."),
         ("100%", False,
          f"A common wrong answer: two readings double everything. In fact, only the tables in are two (a and b); "
          "the table out stays one.")],
        "Question: how many more weights has a gated block? (run the notebook to answer)",
        feedback_offline=True)   # r94 (pass 93): each letter's own feedback, even without a kernel
