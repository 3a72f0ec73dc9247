"""Chapter 02's pictures: the four bends, their slopes side by side, SwiGLU's gate and the corners that add up."""

import itertools

import ipywidgets as widgets
import numpy as np
from IPython.display import Markdown, display
from matplotlib.patches import Rectangle
from matplotlib.ticker import MultipleLocator
from scipy import optimize, special

from course_utils.engine import corners, zigzag
from course_utils.facts import activations
from course_utils.facts.deployments import DEPLOYMENTS
from course_utils.ui import plots, printing, questions, tables
from course_utils.ui.display import figure_alt, figure_png
from course_utils.ui.explorer import activation_explorer
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, set_limits, slider

__all__ = ["activation_explorer", "all_slopes", "below_zero_answer", "bell_share", "bend_explorer", "bend_picture", "card", "choice_question", "best_two_on_sliders", "sliders_best", "corners_add_up", "corners_fit", "dead_unit", "explorer_answer", "fold",
           "four_bends", "stack_picture", "gelu_question", "gelu_product", "silu_picture", "phi_name", "signal_left", "steepest", "sigmoid_question", "gelu_stand_in", "near_zero", "slopes_answer", "swiglu_answer", "swiglu_diagram", "unit_diagram", "corners_network", "swiglu_gate", "tanh_from_sigmoid",
           "tanh_moves_answer", "tanh_question", "split_step", "split_picture", "zigzag_answer", "zigzag_centre", "corners_answer", "ten_corners_fit"]

FOUR = ("relu", "sigmoid", "tanh", "gelu")
NICKNAMES = {"relu": "the sharp elbow", "sigmoid": "the smooth S", "tanh": "the centred S", "gelu": "the smooth elbow"}
SLOPE_LIMITS = (-0.3, 1.35)  # one slope scale for every bend, so sigmoid's low hump looks as low as it is
_ROOT2 = float(np.sqrt(2.0))


def _axes_lines(ax):
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)


def _slope_curve(name, x):
    """The slope over x, with a gap at ReLU's jump (no fake vertical line at 0)."""
    d = np.asarray(activations.get(name).derivative(x), dtype=float)
    if name == "relu":
        d = np.where(np.abs(x) < 1e-9, np.nan, d)
    return d


TAILS_NOTE = "beyond ±{cross:.1f}\n(dotted): tanh's\nslope is the\nlower one"   # on tanh's slope panel


def tails_cross():
    """Where tanh's slope drops below sigmoid's, right of 0 (about 1.66; mirrored on the left): 1 - tanh² = σ(1 - σ)."""
    s = activations.get("sigmoid")
    return float(optimize.brentq(lambda v: (1 - np.tanh(v) ** 2) - float(s.derivative(v)), 1.0, 2.0, xtol=1e-12))


def peak(name):
    """(x, slope) where a bend's slope is largest: the closed forms of notebook 02 (ReLU: the shelf's start)."""
    x = {"relu": 0.0, "sigmoid": 0.0, "tanh": 0.0, "gelu": _ROOT2}[name]
    return x, (1.0 if name == "relu" else float(activations.get(name).derivative(x)))


BENDS_YLIM = (-1.2, 2.2)   # one y-axis for all four panels in four_bends: low enough that both S curves look like S
CEILING = 1.0   # the dashed line across all four panels: the top sigmoid and tanh never pass


def range_words(name):
    """A bend's output range in the chapter's words, from the registry: "[0, ∞)", "(0, 1)", "(−1, 1)", "[−0.17, ∞)"."""
    act = activations.get(name)
    ends = [("∞" if v > 0 else "−∞") if np.isinf(v) else f"{v:.2g}".replace("-", "−") for v in act.output_range]
    return f"{act.bounds[0]}{ends[0]}, {ends[1]}{act.bounds[1]}"


RANGE_SHADE = 0.13   # the shaded band of a bend's outputs (ranges=True): light enough for the curve to stay the thing seen


@plots.styled
def four_bends(window=4.0, ranges=False):
    """The four bends side by side, titled with their nicknames (notebook 02). ranges=True (the sketch's check, r67):
    each panel also shades its bend's output range, from the registry, and labels it, as the sketch task asks.

    All four share one x-axis and one y-axis (BENDS_YLIM), so tanh's slope of 1 at 0 looks as steep as ReLU's ramp.
    The y-axis stops at 2.2 (r43: up to 4, both S curves looked like flat ramps): ReLU and GELU run off the top,
    marked by an arrow, and a dashed line at 1 shows the ceiling of sigmoid and tanh.
    """
    x = np.linspace(-window, window, 401)
    fig, axes = plots.new_figure(900, 270, 1, 4, sharey=True)
    for ax, name in zip(axes, FOUR):
        act = activations.get(name)
        ax.axhline(CEILING, color=plots.MUTED, lw=0.9, ls="--")
        ax.plot(x, act(x), color=plots.color(name))
        _axes_lines(ax)
        ax.set(title=f"{act.label}\n{NICKNAMES[name]}", xlabel="input x", xticks=[-4, -2, 0, 2, 4],
               xlim=(-window, window), ylim=BENDS_YLIM, yticks=[-1, 0, 1, 2])
        y = np.asarray(act(x), dtype=float)
        if y[-1] > BENDS_YLIM[1]:   # the curve leaves the panel at the top: an arrow just right of where it leaves
            out = float(x[np.argmax(y > BENDS_YLIM[1])])
            ax.annotate("↑", (out + 0.5, BENDS_YLIM[1]), ha="center", va="top", fontsize=13, color=NOTE_INK)
        if ranges:   # the band of outputs, clipped to the panel where it has no top; its label at the bottom right
            low, high = act.output_range
            ax.axhspan(low, min(high, BENDS_YLIM[1]), color=plots.color(name), alpha=RANGE_SHADE, lw=0, zorder=0)
            ax.text(window - 0.2, BENDS_YLIM[0] + 0.1, f"outputs {range_words(name)}", ha="right", va="bottom",
                    fontsize=10, color=NOTE_INK)
    axes[0].set_ylabel("output")
    axes[0].text(-window + 0.2, 1.9, "↑ = off the top", ha="left", va="top", fontsize=9, color=NOTE_INK)   # r49: say the arrow
    # r38: at this scale GELU's dip is a small wiggle; a diamond marks its bottom, named in the empty top left
    xb, yb = activations.minimum("gelu")
    axes[3].plot([xb], [yb], "D", color="black", ms=5)
    axes[3].annotate(f"dip {yb:.2f}".replace("-", "−"), (xb, yb), (-3.9, 1.3), fontsize=10, ha="left",
                     va="bottom", arrowprops=dict(arrowstyle="->", color=NOTE_INK, lw=0.9))
    fig.set_label(FOUR_BENDS_ALT.format(low=yb, at=xb) + (
        "; each panel shades and labels its outputs: " + ", ".join(f"{activations.get(n).label} {range_words(n)}"
                                                                   for n in FOUR) if ranges else ""))
    return fig


FOUR_BENDS_ALT = ("The four bends side by side on one scale, a dashed line at 1: ReLU 0 then a ramp that runs off the top; "
                  "sigmoid an S from 0 to 1; tanh an S from -1 to 1; GELU like ReLU, with a small dip to {low:.2f} at "
                  "x = {at:.2f}, marked by a diamond")


def card_lines(name):
    """A bend's main facts, one short line each (pass 88c, r88 Clarity 8: the facts were packed into one code-style
    line with dots between them)."""
    act = activations.get(name)
    return [f"Outputs: {act.range_text}",
            f"Zero-centred: {act.zero_centred}",   # r109: the definition already says "inputs spread evenly around 0"
            "Corner: sharp, at 0" if act.smoothness == "kink" else "Corner: none, it is smooth",
            "Monotonic (never falls as x grows): " + ("yes" if act.monotonic else "no, it dips first")]


def card(name):
    """A bend's formula, then its main facts in plain words, a short list (all from the registry record)."""
    act = activations.get(name)
    display(Markdown(f"$${act.formula}$$"))   # markdown, not Math: every static render and export shows the formula
    display(Markdown(f"**{act.label}'s card**\n\n" + "\n".join(f"- {line}" for line in card_lines(name))))


def _spread(xs, window, gap):
    """The worked inputs inside the window, skipping any closer than gap to one already kept (no stacked dots)."""
    kept = []
    for x in xs:
        if abs(x) <= window and all(abs(x - k) >= gap for k in kept):
            kept.append(x)
    return kept


@plots.styled
def bend_picture(name, worked=(), window=5.0):
    """A bend (left, worked values as dots) and its slope (right, peak marked), slopes on one shared scale."""
    act, colour = activations.get(name), plots.color(name)
    x = np.linspace(-window, window, 801)
    xs = _spread(worked, window, 0.6)
    near = [v for v in worked if v not in xs and -2 * ZERO_ZOOM <= v <= ZERO_ZOOM]   # ReLU's -0.01 and 0: too close to show apart
    fig, ax_v, ax_s, ax_z = _panels(bool(near) or name == "gelu")
    ax_v.plot(x, act(x), color=colour)
    tried = "inputs tried below" if len(xs) + len(near) == len(worked) else "some inputs tried below"
    ax_v.plot(xs, [float(act(v)) for v in xs], "o", color="black", ms=6, label=tried)
    if near:
        _zero_zoom(ax_z, act, colour, near)
    if xs:
        ax_v.legend(loc="upper left")
    if name == "gelu":
        _gelu_dip(ax_z, act, colour)
        x0, x1 = DIP_WINDOW   # where the zoom looks, outlined on the value panel
        ax_v.add_patch(Rectangle((x0, DIP_YLIM[0]), x1 - x0, DIP_YLIM[1] - DIP_YLIM[0], fill=False, ls="--",
                                 ec=plots.MUTED, lw=1.2))
        # above the flat left stretch, left of the axis: clear of the dot at x = 1 (r36 found it there)
        ax_v.text(-window + 0.3, DIP_YLIM[1] + 0.1, "dashed box:\nzoomed →", fontsize=10, color=NOTE_INK, ha="left", va="bottom")
    ax_s.plot(x, _slope_curve(name, x), color=colour)
    ax_s.set_ylim(*SLOPE_LIMITS)
    if name == "tanh":   # r73 Picture 3: "beyond about ±1.7, flatter than sigmoid's" seen, not only said
        cross = tails_cross()
        ax_s.plot(x, _slope_curve("sigmoid", x), color=plots.color("sigmoid"), ls="--", lw=1.2, label="sigmoid's slope")
        for side in (-cross, cross):
            ax_s.axvline(side, color=plots.MUTED, lw=0.8, ls=":")
        ax_s.text(cross + 0.2, 0.3, TAILS_NOTE.format(cross=cross), fontsize=9, va="bottom")
    if xs and name != "relu":   # the slopes the printout gives, at the same inputs: printout and picture connect
        ax_s.plot(xs, [float(act.derivative(v)) for v in xs], "o", color="black", ms=6, label=SLOPE_DOTS)
        ax_s.legend(loc="upper left", handlelength=1, borderaxespad=0.3)   # GELU too (r36: right of 0 it covered the rise)
    if name == "relu":
        ax_s.annotate("slope 1 for every x > 0", (2.5, 1.0), (0.6, 1.2), fontsize=10, va="center")
        ax_s.annotate("slope 0 for x < 0", (-2.5, 0.0), (-4.8, 0.12), fontsize=10)
        ax_s.plot([0], [0], "o", color=colour, ms=6)                 # at 0 the slope is taken as 0 ...
        ax_s.plot([0], [1], "o", mfc="white", mec=colour, ms=6)      # ... not 1: no vertical line at the jump
    else:
        xp, dp = peak(name)
        # GELU's peak (at √2) sits between two printed slopes: a star, not one more dot; a printed input at the
        # peak (sigmoid's and tanh's 0) is its dot already
        if not any(abs(v - xp) < 1e-9 for v in xs):
            ax_s.plot([xp], [dp], *(("*",) if name == "gelu" else ("o",)), color="black", ms=12 if name == "gelu" else 6)
        text = {"sigmoid": "peak 1/4 at x = 0", "tanh": "peak 1 at x = 0", "gelu": f"peak {dp:.2f} at x = √2"}[name]
        ax_s.annotate(text, (xp, dp), (xp + 0.4, dp + (0.0 if name == "tanh" else 0.07)), fontsize=10,
                      va="center" if name == "tanh" else "baseline")   # tanh's: beside its dot, below the legend
    if name == "gelu":
        xb, _yb = activations.minimum("gelu")
        ax_s.plot([xb], [0.0], "D", color="black", ms=5)
        ax_s.text(-1.0, 0.06, f"slope 0 at the\ncurve's bottom\n(x ≈ {xb:.2f}) ▸".replace("-", "−"), fontsize=9,
                  ha="right", va="bottom")   # beside the diamond, over the flat left stretch (an arrow would cross the curve)
    ax_v.set(title=f"{act.label}: value", xlabel="input x")
    ax_s.set_title(f"{act.label}: slope\n(same y-scale in all four slope pictures)", fontsize=11)   # 11: fits 760 px
    ax_s.set(xlabel="input x")
    for ax in (ax_v, ax_s):
        _axes_lines(ax)
    return fig


TANH_AND_RING = "at x = 0: tanh peaks at 1;\nReLU jumps from 0 (dot) to 1 (ring)"   # the slopes picture's label at (0, 1)
ZERO_ZOOM = 0.03   # the zoom on ReLU's corner shows x from -2 * ZERO_ZOOM to ZERO_ZOOM: -0.01 and 0 show apart there
SLOPE_DOTS = "slopes\nprinted below"   # the legend of the slope panel's dots (two short lines fit beside the curves)
DIP_WINDOW = (-3.0, 1.0)   # the x-range of the zoom on GELU's dip


DIP_YLIM = (-0.55, 0.5)   # the y-range of the zoom on GELU's dip
ZOOM_RATIO = 0.6   # the zoom panel's width, as a share of the value panel's


def _panels(zoom):
    """(figure, value panel, slope panel, zoom panel or None): with a zoom, it gets a narrow panel of its own between
    the other two (a zoom drawn inside the value panel hid its ticks among the panel's own). The axes' order stays
    value, slope, zoom."""
    if not zoom:
        fig, (ax_v, ax_s) = plots.new_figure(760, 300, 1, 2)   # 300: room for the slope title's second line
        return fig, ax_v, ax_s, None
    fig, _ = plots.new_figure(900, 300, 1, 1)
    fig.delaxes(fig.axes[0])
    grid = fig.add_gridspec(1, 3, width_ratios=(1, ZOOM_RATIO, 1))
    ax_v, ax_s, ax_z = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 2]), fig.add_subplot(grid[0, 1])
    return fig, ax_v, ax_s, ax_z


def _gelu_dip(ax, act, colour):
    """The zoom on GELU's dip (x from -3 to 1), in its own panel: the bottom marked, with its value."""
    x = np.linspace(*DIP_WINDOW, 401)
    ax.plot(x, act(x), color=colour)
    _axes_lines(ax)
    xb, yb = activations.minimum("gelu")
    ax.plot([xb], [yb], "D", color="black", ms=5)
    ax.annotate(f"bottom {yb:.2f}\nat x ≈ {xb:.2f}".replace("-", "−"), (xb, yb), (18, -6), textcoords="offset points",
                fontsize=11, ha="right", va="top")   # under the diamond (the curve is all above it), left of x = 0
    ax.set(xlim=DIP_WINDOW, ylim=DIP_YLIM, xticks=[-3, -2, -1, 0, 1], yticks=[-0.4, -0.2, 0, 0.2, 0.4], xlabel="input x")
    ax.set_title("zoom: the dip", fontsize=11)
    return ax


def _zero_zoom(ax, act, colour, near):
    """The zoom on x from -2 * ZERO_ZOOM to ZERO_ZOOM, in its own panel, with the worked inputs that sit there
    (ReLU's -0.01 and 0), each dot named by its input: even a tiny negative input comes out as 0."""
    x = np.linspace(-2 * ZERO_ZOOM, ZERO_ZOOM, 201)   # more room on the left: the left dot's name fits inside
    ax.plot(x, act(x), color=colour)
    _axes_lines(ax)
    ys = [float(act(v)) for v in near]
    ax.plot(near, ys, "o", color="black", ms=6)
    for v, y in zip(near, ys):   # the left input's name above its dot, the right one's below: clear of the axis, never meeting
        left = v < max(near)
        ax.annotate(f"x = {v:g}".replace("-", "−"), (v, y), (4 if left else 6, 5 if left else -5),
                    textcoords="offset points", ha="right" if left else "left", va="bottom" if left else "top",
                    fontsize=10)
    ax.set(xlim=(-2 * ZERO_ZOOM, ZERO_ZOOM), ylim=(-0.025, 0.03), xticks=[-0.05, 0], yticks=[0], xlabel="input x")
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}".replace("-", "−"))
    outs = {f"{y:g}" for y in ys}
    ax.set_title("zoom near 0:\n" + (f"both give {outs.pop()}" if len(outs) == 1 else "the inputs near 0"), fontsize=11)
    return ax


@plots.styled
def all_slopes(window=5.0):
    """The four slopes on ONE axis, each peak marked and labelled with its value (notebook 02)."""
    x = np.linspace(-window, window, 1001)
    fig, ax = plots.new_figure(700, 360)
    for name in FOUR:
        ax.plot(x, _slope_curve(name, x), color=plots.color(name), label=activations.get(name).label,
                **plots.line_style(name))
    _axes_lines(ax)
    ax.set(ylim=SLOPE_LIMITS, xlabel="input x", ylabel="slope", title="The four slopes on one scale")
    labels = {  # (where the text sits, alignment): placed so no label or dot sits on another
        "sigmoid": ((1.2, 0.42), "left"), "gelu": ((1.1, 1.27), "left"),
    }
    for name, ((tx, ty), ha) in labels.items():
        xp, dp = peak(name)
        value = "1/4" if name == "sigmoid" else f"{dp:.2f}" if name == "gelu" else "1"
        where = "x = √2" if name == "gelu" else "x = 0"
        ax.plot([xp], [dp], "o", color=plots.color(name), mec="black", ms=7, zorder=5)
        ax.annotate(f"{activations.get(name).label} peak: {value} at {where}", (xp, dp), (tx, ty), ha=ha,
                    fontsize=10, va="center", arrowprops={"arrowstyle": "-", "color": plots.MUTED, "lw": 1})
    xp, dp = peak("tanh")
    ax.plot([xp], [dp], "o", color=plots.color("tanh"), mec="black", ms=7, zorder=5)   # tanh's peak: labelled below
    ax.annotate("ReLU: 1 for every x > 0", (4.0, 1.0), (3.0, 0.72), ha="center", fontsize=10, va="center",
                arrowprops={"arrowstyle": "-", "color": plots.MUTED, "lw": 1})
    # ReLU's jump at 0, as in the explorer: the 0 we take there (filled), the 1 just right of it (open ring,
    # drawn wide and under tanh's peak dot, which sits at the same point)
    relu = plots.color("relu")
    ax.plot([0], [0], "o", color=relu, ms=7, zorder=6)
    ax.plot([0], [1], "o", mfc="none", mec=relu, mew=2, ms=13, zorder=4)
    # one label for the two marks at (0, 1) (r36: two labels there, their leader lines crossed)
    ax.annotate(TANH_AND_RING, (-0.04, 1.04), (-0.9, 1.17), ha="right", fontsize=10, va="center",
                arrowprops={"arrowstyle": "-", "color": plots.MUTED, "lw": 1, "shrinkB": 0})
    ax.annotate("ReLU at x = 0: slope 0 (filled dot)", (0, 0), (1.0, -0.19), ha="left", fontsize=10, va="center",
                arrowprops={"arrowstyle": "-", "color": plots.MUTED, "lw": 1})
    ax.legend(loc="center left")
    return fig


@plots.styled
def tanh_from_sigmoid(window=4.0, name="σ"):
    """Three moves turn sigmoid into tanh: squeeze sideways, stretch up, shift down (notebook 02). `name` spells
    sigmoid in the titles: chapter 05 never introduces σ, so it passes "sigmoid" (pass 92, r93 Clarity)."""
    sig = activations.get("sigmoid")
    x = np.linspace(-window, window, 401)
    two = "2" if len(name) == 1 else "2·"
    steps = [(f"1. squeeze sideways: {name}(2x)", sig(x), sig(2 * x)),
             (f"2. stretch up: {two}{name}(2x)", sig(2 * x), 2 * sig(2 * x)),
             (f"3. shift down: {two}{name}(2x) − 1", 2 * sig(2 * x), 2 * sig(2 * x) - 1)]
    fig, axes = plots.new_figure(900, 260, 1, 3, sharey=True)
    for i, (ax, (title, before, after)) in enumerate(zip(axes, steps)):
        ax.plot(x, before, color=plots.MUTED, ls=":", label="before")
        ax.plot(x, after, color=plots.color("sigmoid"), label="after")
        _axes_lines(ax)
        ax.set(title=title, xlabel="input x", ylim=(-1.15, 2.15))
        if i == 2:
            ax.plot(x, np.tanh(x), color=plots.color("tanh"), ls="--", lw=1.4, label="tanh(x)")
        ax.legend(loc="upper left")
    return fig


def slopes_answer():
    """The folded check for the sketch from memory: the four slopes on one scale, read in four lines; where each is
    used; which one is zero-centred and what that does; the SwiGLU unit (notebook 02)."""
    overview = four_bends(ranges=True)   # r67: the sketch asks to mark each output range, so its check marks them
    bends = tables.image(figure_png(overview), overview.get_label(), 900, 270)
    unit = tables.image(figure_png(swiglu_diagram(source="the inputs")), SWIGLU_ALT, 760, 230)
    img = tables.image(figure_png(all_slopes()), "The four slopes on one axis: sigmoid's hump peaks at 1/4, tanh's at 1, "
                       "ReLU's shelf sits at 1 right of 0, GELU's peak is a little above 1; far left, all are about 0",
                       700, 360)
    return fold("Compare your bends, their slopes and uses, and your SwiGLU unit", f"""
Your bends and their ranges:

{bends}

Your slopes, all four on one scale:

{img}

Sigmoid's hump is a quarter as tall as tanh's.
ReLU's shelf sits at 1 for every positive input.
GELU overshoots 1 a little, then settles back to 1.
Far to the left, every slope is about 0.

Where each is used:

- ReLU (outputs 0 and up): long the default inside networks, including photo-recognising ones;
- sigmoid (outputs between 0 and 1): at the output, for a yes/no answer;
- tanh (outputs between -1 and 1, zero-centred): the memory of the simplest recurrent networks;
- GELU (outputs from about {activations.minimum('gelu')[1]:.2f} up): transformers such as GPT-2;
- SiLU: the gate inside SwiGLU, in recent large language models.

Tanh is the zero-centred one, for inputs spread around 0.

{unit}

Your SwiGLU unit: two weighted sums, $a$ and $b$.
Only $a$ is bent, by SiLU: that is the gate.
The × multiplies the gate by the unbent content $b$.
""")


def tanh_moves_answer():
    """The folded answer to the tanh question: the formula, the three-moves picture and why the peak slope is 1 (notebook 02)."""
    fig = tanh_from_sigmoid()
    img = tables.image(figure_png(fig), "Three panels: sigmoid squeezed sideways by 2, stretched up by 2, shifted "
                       "down by 1; the last curve lies on tanh", 900, 260)
    return fold("Check your prediction", f"""
C: $\\tanh(x) = 2\\,\\sigma(2x) - 1$.

{img}

Each factor of 2 doubles the slope, so tanh's peak slope is $2 \\cdot 2 \\cdot \\tfrac14 = 1$.
B, $2\\sigma(x) - 1$, is too wide: its slope at 0 is $\\tfrac12$, not 1. It is $\\tanh(x/2)$.
A, $\\sigma(x) - \\tfrac12$, runs only from $-\\tfrac12$ to $\\tfrac12$.
D is wrong: C holds for every $x$.
""")


CENTRES = (0.0, 0.5)   # the centre slider's range: 0.5 = like sigmoid's outputs (0 to 1), 0 = balanced around 0
RATES = (0.5, 5.0, 0.5)   # the step-size slider: low, high, step; the steps panel's points sit on these values
PATH_LIMITS = (-0.6, 1.6, -1.6, 0.6)   # the weight panel: start, star, and a few overshoots of a path that blows up
SHOWN = 30   # the weight panel draws one run's first SHOWN steps
CAP = 70   # the steps panel's top: a setting whose runs mostly never arrive is drawn here, on the "never arrives" line
HEAD = 0.07   # an arrowhead's length on the weight panel, in weight units; steps shorter than 2 * HEAD get none


def arrowheads(p):
    """(middles, (u, v), shown) of the path's steps: an arrow of length HEAD pointing along each step, shown on the
    steps long enough to hold one (notebook 02's zig-zag)."""
    p = np.asarray(p, dtype=float)
    moves = np.diff(p, axis=0)
    length = np.linalg.norm(moves, axis=1)
    shown = length >= 2 * HEAD
    unit = moves / np.where(length > 0, length, 1.0)[:, None]
    return (p[1:] + p[:-1]) / 2, (HEAD * unit[:, 0], HEAD * unit[:, 1]), shown


def rates():
    """The step sizes the slider offers: 0.5, 1, ... 5."""
    low, high, step = RATES
    return np.round(np.arange(low, high + step / 2, step), 2)


def steps_curve(centre):
    """The median steps to the star (zigzag.median_steps) at every step size of the slider; inf: never arrives."""
    return np.array([zigzag.median_steps(centre, r) for r in rates()])


SAME_LENGTH = "same arrow length as centre 0.5"   # the widget's tick box (r83 Interaction: the 3× made by the learner)


def spread_for(centre, same=False):
    """How far the widget's inputs reach either side of their centre: zigzag.HALF, or with the tick box SAME_LENGTH,
    the spread whose average length² stays mean_square(0.5) = 2/3 at any centre: √(1 − 3 · centre²) (1 at centre 0,
    zigzag.WIDE: the folded answer's control)."""
    return float(np.sqrt(1 - 3 * centre ** 2)) if same else zigzag.HALF


def steps_words(median):
    """The readout's words for a median step count: 'about 19 steps', or 'do not arrive within MOST steps'."""
    if not np.isfinite(median):
        return f"most of 300 runs <b>do not arrive within {zigzag.MOST} steps</b>: the weights swing past the star"
    # r112 Clarity 4: beside one run's own count, the readout says which number a prediction is judged by
    return f"the star is reached in <b>about {median:.0f} steps</b> (median of {zigzag.RUNS} runs: judge your prediction by this)"


TRY_HINT = "move a slider:\neach setting you try\nadds its point here"   # the steps panel before a second setting
TRY_AT = (0.5, 0.72)   # the hint's centre, in the steps panel's axes: above the first point (28 steps) and the legend
START_LABEL = (-0.1, 0.07)   # "start", left of and just above the square: clear of the path, which heads right


@plots.styled
def zigzag_centre(centre=0.5, rate=1.0, goal=(1.0, -1.0)):
    """One unit's two weights learn from two inputs, each drawn on its own from centre − 0.5 to centre + 0.5; the
    sliders set the centre (0.5: all positive, like sigmoid's outputs; 0: both signs) and the step size (notebook 02).

    Left: one run's first 30 inputs. Middle: that run's weights, from the start to the star (the circle: within 0.1).
    Right: the median steps to reach the circle over 300 runs, one point per setting tried (centre 0.5, centre 0, or
    another centre); the black ring is the sliders' setting, and the readout gives its number. The full curves wait
    in the folded answer (steps_sweep).
    """
    goal = np.asarray(goal, dtype=float)
    live = LiveFigure(1060, 400, 1, 3, width_ratios=(1, 1.25, 1.35))   # r52 Picture 2: 980 px clipped the right panel
    ax_in, ax_w, ax_n = live.axes
    live.figure.get_layout_engine().set(wspace=0.06)   # r52 Picture 2: the steps panel's y-label sat on the weights panel
    colour = plots.color("sigmoid")
    ax_in.set(xlim=(-1.1, 1.1), ylim=(-1.1, 1.6), xlabel="input 1", ylabel="input 2", title=f"this run's first {SHOWN} inputs")
    ax_in.set_aspect("equal")
    # r73 Picture: the text draws each example's inputs as an arrow from (0, 0): shafts to the dots, and a circle at
    # the typical length (the root of the average length², mean_square) that shrinks as the centre nears 0
    shafts = live.moving(ax_in.plot([], [], "-", color=colour, lw=0.6, alpha=0.45)[0])
    dots = live.moving(ax_in.plot([], [], "o", color=colour, ms=4, alpha=0.8)[0])
    ring = live.moving(ax_in.plot([], [], color="black", lw=1.0, ls="--", label="typical length")[0])
    ax_in.legend(loc="upper left", fontsize=9, handlelength=1.6)   # above every input (ylim 1.6: a strip kept free)
    x0, x1, y0, y1 = PATH_LIMITS
    ax_w.set(xlim=(x0, x1), ylim=(y0, y1), xlabel="weight 1", ylabel="weight 2")
    ax_w.set_aspect("equal")
    for ax in (ax_in, ax_w):
        ax.xaxis.set_major_locator(MultipleLocator(0.5))
        ax.yaxis.set_major_locator(MultipleLocator(0.5))
    ax_w.plot([goal[0]], [goal[1]], "*", color="black", ms=15)
    ax_w.add_patch(plt_circle(goal))
    directions(ax_w, goal, PATH_LIMITS)
    ax_w.text(*START_LABEL, "start", ha="right", va="center", fontsize=10)
    ax_w.annotate("the star", (goal[0] + 0.08, goal[1] + 0.1), (goal[0] + 0.3, goal[1] + 0.55), ha="center", va="bottom",
                  fontsize=10, arrowprops=dict(arrowstyle="-", color=NOTE_INK, lw=0.8))
    route = live.moving(ax_w.plot([], [], "-o", color=colour, lw=1.4, ms=3, clip_on=True)[0])
    heads = live.moving(ax_w.quiver(np.zeros(SHOWN), np.zeros(SHOWN), np.zeros(SHOWN), np.zeros(SHOWN), angles="xy",
                                    scale_units="xy", scale=1, pivot="mid", color=colour, width=0.006, headwidth=6,
                                    headlength=8, headaxislength=7, minlength=0, zorder=4))
    start = live.moving(ax_w.plot([0], [0], "s", color="black", mfc="none", mew=1.4, ms=6)[0])
    heading = live.moving(ax_w.set_title(" ", fontsize=10))
    # the steps panel fills in as the learner tries settings (pass 41, r37: full curves in the first frame answered
    # both predictions before a slider moved); the folded answer (steps_sweep) shows the full curves
    tried = {}
    marks = {CENTRES[1]: live.moving(ax_n.plot([], [], "o", color=plots.color("sigmoid"), ms=6,
                                               label=f"centre {CENTRES[1]:g}")[0]),
             CENTRES[0]: live.moving(ax_n.plot([], [], "s", color=plots.color("tanh"), ms=6,
                                               label=f"centre {CENTRES[0]:g}")[0]),
             LONG: live.moving(ax_n.plot([], [], "^", color=NOTE_INK, ms=7, label=LONG_LABEL)[0]),
             None: live.moving(ax_n.plot([], [], "x", color=plots.MUTED, ms=6, mew=1.5, label="other centres")[0])}
    here = live.moving(ax_n.plot([], [], "o", mfc="none", mec="black", mew=1.6, ms=12)[0])
    # pass 83 (r81 Picture: the panel looked empty at first view): what fills it, until a second setting is tried
    hint = live.moving(ax_n.text(*TRY_AT, TRY_HINT, transform=ax_n.transAxes, ha="center", va="center", fontsize=10,
                                 color=NOTE_INK, bbox=dict(boxstyle="round,pad=0.4", fc="white", ec=plots.MUTED, ls="--")))
    _steps_axes(ax_n, "settings you tried (ring: current)")
    for ax in (ax_in, ax_w, ax_n):
        _axes_lines(ax)
    sliders = {"centre": slider("centre of the inputs", centre, *CENTRES, 0.05),
               "rate": slider("step size", rate, *RATES, fmt=".1f")}
    same = widgets.Checkbox(value=False, description=SAME_LENGTH, indent=False)
    readout = widgets.HTML()

    def update():
        c = round(float(sliders["centre"].value), 2)
        r = round(float(sliders["rate"].value), 2)
        half = round(spread_for(c, same.value), 4)
        h = zigzag.independent_inputs(c, SHOWN, half=half)
        p = zigzag.independent_path(c, r, goal, SHOWN, half=half)
        dots.set_data(h[:, 0], h[:, 1])
        shafts.set_data(*arrow_shafts(h))
        ring.set_data(*typical_ring(c, half=half))
        route.set_data(p[:, 0], p[:, 1])
        mid, (u, v), show = arrowheads(p)
        pad = SHOWN - len(mid)
        heads.set_offsets(np.vstack([mid, np.zeros((pad, 2))]))
        show = np.concatenate([show, np.zeros(pad, dtype=bool)])
        heads.set_UVC(np.ma.masked_array(np.concatenate([u, np.zeros(pad)]), ~show),
                      np.ma.masked_array(np.concatenate([v, np.zeros(pad)]), ~show))
        near = np.flatnonzero(np.linalg.norm(p - goal, axis=1) < zigzag.NEAR)
        heading.set_text(f"this one run: at the star after {near[0]} steps" if len(near)
                         else f"this one run: not at the star after {len(p) - 1} steps")
        m = tried[(c, r, half)] if (c, r, half) in tried else zigzag.median_steps(c, r, half=half)
        tried[(c, r, half)] = m
        for key, line in marks.items():
            got = sorted((rr, mm) for (cc, rr, hh), mm in tried.items() if kind(cc, hh) == key)
            line.set_data([rr for rr, _ in got], [mm if np.isfinite(mm) else CAP for _, mm in got])
            line.set_visible(bool(got))   # a series not tried yet is hidden (its legend entry stays)
        here.set_data([r], [m if np.isfinite(m) else CAP])
        hint.set_visible(len(tried) < 2)
        live.render()
        widget.median, widget.path = m, p
        signs = "all positive" if (h > 0).all() else "both signs"
        long = ", arrows as long as at centre 0.5" if same.value and c != CENTRES[1] else ""
        readout.value = (f"inputs centred at <b>{c:.2f}</b> ({signs}{long}), step size <b>{r:g}</b>: "
                         f"{steps_words(m)}")

    guide = widgets.HTML(ZIGZAG_GUIDE)   # pass 86 (r85 Clarity): the reading guide next to the picture it reads
    widget = LiveWidget([sliders["centre"], sliders["rate"], same, guide, readout, live.image], live,
                        "Zig-zag: slide the inputs' centre and the step size (static picture below)",
                        sliders=sliders, readout=readout, tried=tried, checkboxes={"same": same},
                        lines={"path": route, "inputs": dots, "shafts": shafts, "ring": ring, "start": start, "setting": here,
                               "tried": marks}, arrows=heads, hint=hint, guide=guide)
    on_change([*sliders.values(), same], update)
    update()
    return widget


# pass 89 (r89 Focus 8: the guide was a wall of text): one short line a panel
ZIGZAG_GUIDE = ("<b>How to read the picture.</b><br>"
                "Left: this run's inputs, as arrows from (0, 0).<br>"
                # r114 Correctness 3: the ring's size said, so the step counts can be checked
                f"Middle: its weights, a dot per step; the finish ring (radius {zigzag.NEAR:g}) means arrived.<br>"
                "Middle: the dashed line marked <i>apart</i> is the straight road from start to star.<br>The line marked <i>together</i> crosses it at the star.<br>"
                "Right: the <b>median</b> steps per setting: the middle of many runs' counts.")


LONG = "long"   # the steps panel's series for centre 0 with the tick box: the folded answer's control, live
LONG_LABEL = "centre 0, same arrow length"


def kind(centre, half):
    """Which series of the steps panel a tried setting joins: a centre of CENTRES, LONG, or None (other settings)."""
    if half == zigzag.HALF and centre in CENTRES:
        return centre
    return LONG if (centre == CENTRES[0] and half == zigzag.WIDE) else None


def arrow_shafts(h):
    """(xs, ys) of one line from (0, 0) to each input pair, broken by NaN between them: the inputs drawn as arrows."""
    h = np.asarray(h, dtype=float)
    n = len(h)
    xs, ys = np.full(3 * n, np.nan), np.full(3 * n, np.nan)
    xs[0::3], ys[0::3] = 0.0, 0.0
    xs[1::3], ys[1::3] = h[:, 0], h[:, 1]
    return xs, ys


def typical_ring(centre, points=181, half=zigzag.HALF):
    """(xs, ys) of the circle around (0, 0) whose radius is the inputs' typical length: the root of mean_square."""
    r = float(np.sqrt(mean_square(centre, half)))
    t = np.linspace(0, 2 * np.pi, points)
    return r * np.cos(t), r * np.sin(t)


DIRECTIONS = {"together": (1.0, 1.0), "apart": (1.0, -1.0)}   # both weights one way; one up, one down


def direction_lines(goal, limits=PATH_LIMITS):
    """{name: (xs, ys)}: the faint lines through the star along DIRECTIONS, from edge to edge of the weight panel.
    The apart line passes through the start (0, 0) when the star is (1, -1): it is the way the star needs."""
    x0, x1, y0, y1 = limits
    out = {}
    for name, (dx, dy) in DIRECTIONS.items():
        t = np.array([max((x0 - goal[0]) / dx, (y0 - goal[1]) / dy if dy > 0 else (y1 - goal[1]) / dy),
                      min((x1 - goal[0]) / dx, (y1 - goal[1]) / dy if dy > 0 else (y0 - goal[1]) / dy)])
        out[name] = (goal[0] + t * dx, goal[1] + t * dy)
    return out


LINE_LABEL = {"together": (0.08, 0.04), "apart": (0.2, 0.04)}   # a line's label: how far in from its end, along the
# line and off to its upper side (apart starts farther in, so its text stays under the panel's top)


def line_label(xs, ys, name):
    """(x, y, rotation) of a direction line's name: written along the line on its upper side, starting just in from
    its end (together: the lower end; apart: the upper end), so it cannot float off the line (r67)."""
    end = int(np.argmin(ys) if name == "together" else np.argmax(ys))
    d = np.array([xs[1 - end] - xs[end], ys[1 - end] - ys[end]], dtype=float)
    d /= np.linalg.norm(d)   # along the line, into the panel
    along, off = LINE_LABEL[name]
    x, y = np.array([xs[end], ys[end]]) + along * d + off * np.array([-d[1], d[0]])   # (-d1, d0): the upper side here
    return float(x), float(y), float(np.degrees(np.arctan2(d[1], d[0])))


def directions(ax, goal, limits=PATH_LIMITS):
    """Draw the together and apart lines through the star, each named along the line from its end (notebook 02,
    r43; r67: the together label, off the line's end, floated)."""
    for name, (xs, ys) in direction_lines(goal, limits).items():
        ax.plot(xs, ys, color=plots.MUTED, lw=0.9, ls=(0, (4, 3)), zorder=1)
        x, y, angle = line_label(xs, ys, name)
        ax.text(x, y, name, ha="left", va="bottom", rotation=angle, rotation_mode="anchor", fontsize=11,
                color=NOTE_INK)   # r52 Picture 2: the text asks the reader to find them


def plt_circle(goal):
    """The circle of radius zigzag.NEAR around the star: a run inside it has arrived."""
    from matplotlib.patches import Circle
    return Circle(tuple(goal), zigzag.NEAR, fill=False, ec="black", lw=1, ls="--")


GATE_BAND = "below 0"   # the shaded band of the gate panel, named without saying what it does to the content
WEIGHINGS, WEIGHINGS_SEED = 1000, 0   # "weigh one apple a thousand times": simulated errors, in usual spreads


PHI_MARKS = (-1.0, 1.0)   # two inputs read off Φ: 0.16 of -1 and 0.84 of 1 get through


@plots.styled
def bell_share(x0=1.0, marks=PHI_MARKS):
    """Φ drawn once (notebook 02; pass 89, r89 Focus: three pictures of Φ became one). Left: the weighing errors in
    columns, the bell over them, its area left of x0 hatched (not colour alone). Right: that share for every x, the
    dimmer Φ(x), with two inputs marked. The two panels share the x-axis."""
    x = np.linspace(-4, 4, 401)
    share = float(special.ndtr(x0))
    fig, (ax_b, ax_c) = plots.new_figure(760, 260, 1, 2, sharex=True)
    bell = np.exp(-x * x / 2) / np.sqrt(2 * np.pi)
    # r73 Picture 2: the text drops weighing errors into columns; the columns are drawn, the bell over them
    errors = np.random.default_rng(WEIGHINGS_SEED).standard_normal(WEIGHINGS)
    ax_b.hist(errors, bins=np.arange(-4, 4.01, 0.25), density=True, facecolor="none", edgecolor=plots.MUTED, lw=0.9,
              label=f"{WEIGHINGS:,} errors, in columns")
    ax_b.plot(x, bell, color="black", lw=1.6, label="the bell over them")
    left = x <= x0
    ax_b.fill_between(x[left], bell[left], facecolor=plots.color("gelu"), alpha=0.35, hatch="//", edgecolor=NOTE_INK,
                      lw=0, label=f"share left of {x0:g}: {share:.2f}")
    ax_b.axvline(x0, color=NOTE_INK, lw=1, ls="--")
    # r75 Clarity: the unit is the x-axis's label, not a side trip in the text
    ax_b.set(title="the bell of the errors", xlabel="x: error, counted in usual spreads", ylim=(0, 0.78),
             ylabel="how often", yticks=[])   # a density: no numbers to read
    ax_b.legend(loc="upper left", fontsize=9)
    ax_c.plot(x, special.ndtr(x), color=plots.color("gelu"), lw=2)
    said = []
    for m in marks:
        s = float(special.ndtr(m))
        ax_c.plot([m], [s], "o", color="black", ms=6)
        ax_c.annotate(f"Φ({m:g}) = {s:.2f}".replace("-", "−"), (m, s), (m + 0.35, s - 0.12) if m > 0 else
                      (m - 0.3, s + 0.1), ha="left" if m > 0 else "right", fontsize=10)
        said.append(f"at x = {m:g} it lets {s:.2f} of x through")
    # r103 Picture: the text sends the reader to "exactly ½ at 0" in this panel, so it is marked (computed, not typed)
    phi_at_0 = float(special.ndtr(0.0))
    half = f"Φ(0) = {phi_at_0:g}"
    ax_c.plot([0.0], [phi_at_0], "o", color="black", ms=6)
    ax_c.annotate(half, (0.0, phi_at_0), (-0.3, 0.58), ha="right", fontsize=10)
    ax_c.axhline(1, color=plots.MUTED, lw=0.8, ls="--")
    ax_c.set(title="Φ(x): the share left of x", xlabel="x", ylim=(-0.05, 1.1), xlim=(-4, 4))
    fig.set_label(f"Left: 1,000 weighing errors in columns, and the bell curve over them, high at 0 and low at both "
                  f"sides; its area left of a dashed line at x = {x0:g} is hatched: share left of {x0:g}: {share:.2f}. "
                  f"Right: Φ(x), that share for every x, rising smoothly from 0 to 1; a dot marks {half} at x = 0; " + "; ".join(said))
    return fig


PRODUCT_AT = (-1.0, 1.0)   # where the product picture marks x, Φ(x) and x·Φ(x)


@plots.styled
def gelu_product(window=3.0, marks=PRODUCT_AT):
    """GELU as a product (notebook 02; pass 89, r89 Clarity: 'GELU multiplies x by it' but no picture showed the
    product): x (dashed), Φ(x) (dotted) and x·Φ(x) (solid) on one set of axes, each labelled and marked at ±1."""
    x = np.linspace(-window, window, 401)
    phi = special.ndtr(x)
    fig, ax = plots.new_figure(560, 300)
    ax.plot(x, x, color=NOTE_INK, lw=1.2, ls="--", label="x")
    ax.plot(x, phi, color=plots.MUTED, lw=2, ls=":", label="Φ(x), the share let through")
    ax.plot(x, x * phi, color=plots.color("gelu"), lw=2.4, ls="-", label="GELU(x) = x · Φ(x)")
    said = []
    for m, mark in zip(marks, ("o", "s")):
        p = float(special.ndtr(m))
        ax.plot([m, m, m], [m, p, m * p], mark, color="black", ms=5, ls="none")
        ax.annotate(f"{m:g} × {p:.2f} = {m * p:.2f}".replace("-", "−"), (m, m * p), (m + 0.15 if m > 0 else m - 0.15, m * p - 0.35),
                    ha="left" if m > 0 else "right", fontsize=10)
        said.append(f"at x = {m:g}: x is {m:g}, Φ(x) is {p:.2f}, the product is {m * p:.2f}")
    _axes_lines(ax)
    ax.set(xlim=(-window, window), ylim=(-1.2, 2.2), xlabel="input x", title="GELU multiplies x by Φ(x)")
    ax.legend(loc="upper left", fontsize=9)
    fig.set_label("x as a dashed line, Φ(x) as a dotted S from 0 to 1, and their product GELU(x) as a solid curve, "
                  "on one set of axes; " + "; ".join(said).replace("-", "−"))
    return fig


SILU_NOTE = "SiLU nears\nReLU's line y = a\nas a grows"   # the picture's label on the right


# r112 Picture first: layer 2 is now weight +1, bias 0, so the right panel looks like the ReLU drawn next (flat at
# 0, then rising); it was −h + 2 (flat at 2, then falling)
STACK = ((2.0, -1.0), (1.0, 0.0))   # (weight, bias) of layer 1, then layer 2: h = 2x − 1, then y = 1 × h + 0


def stack_outputs(x, bend):
    """Two one-input layers in a row (notebook 02's opening picture): y = w2·bend(w1·x + b1) + b2."""
    (w1, b1), (w2, b2) = STACK
    return w2 * np.asarray(bend(w1 * np.asarray(x, dtype=float) + b1), dtype=float) + b2


def stack_picture():
    """Chapter 02's opening promise drawn (r109 Picture first): the same two straight layers, with nothing between
    them (one straight line) and with ReLU between them (a line with a corner). Outputs computed, not sketched.
    Raises if the left stops being straight or the right stops having exactly two slopes."""
    x = np.linspace(-2.0, 2.0, 401)
    plain = stack_outputs(x, activations.get("identity"))
    bent = stack_outputs(x, activations.get("relu"))
    if np.ptp(np.diff(plain)) > 1e-9 or len(set(np.round(np.diff(bent) / np.diff(x), 6))) != 2:
        raise ValueError("the two layers no longer make a straight line and a corner")
    (w1, b1), (w2, b2) = STACK
    corner = -b1 / w1
    fig, axes = plots.new_figure(560, 250, ncols=2, sharey=True)
    for ax, y, title in ((axes[0], plain, "two layers,\nnothing between"),
                         (axes[1], bent, "the same two,\na bend (ReLU) between")):
        ax.plot(x, y, color=plots.color("relu"), lw=2.2)
        _axes_lines(ax)
        ax.set(xlim=(-2, 2), xlabel="input x", title=title)
    axes[0].set_ylabel("output")
    axes[1].plot([corner], [b2], "o", color="black", ms=5)
    axes[1].annotate("corner", (corner, b2), (corner - 1.2, b2 + 1.2), fontsize=10,
                     arrowprops=dict(arrowstyle="-", color=NOTE_INK, lw=0.8))
    fig.set_label(f"Two panels, input x from −2 to 2. Left: layer 1 ({w1:g}x − {-b1:g}) then layer 2 "
                  f"({w2:g} × that + {b2:g}) give "
                  f"one straight line, output from {float(plain[0]):g} at x = −2 to {float(plain[-1]):g} at x = 2. "
                  f"Right: the same layers with ReLU between: flat at {b2:g}, then a corner at x = {corner:g}, "
                  f"then {'up' if w2 * w1 > 0 else 'down'} to {float(bent[-1]):g} at x = 2.".replace("-", "−"))
    return fig


def silu_picture(window=None):
    """SiLU beside ReLU on one scale, before SiLU's formula (notebook 02's SwiGLU; pass 90, r91 Picture first: the
    curve was first seen in the gate widget): the dip below 0 marked at its lowest point, and SiLU rising toward
    ReLU's right half, the line y = a. The a-range is the gate widget's. Raises if SiLU stops dipping below 0."""
    lo, hi = window or GATE_A
    a = np.linspace(lo, hi, 401)
    silu, relu = activations.get("silu"), activations.get("relu")
    low_a, low = activations.minimum("silu")
    if not (low < 0 and lo < low_a < 0):
        raise ValueError("SiLU no longer dips below 0 inside the picture")
    fig, ax = plots.new_figure(560, 300)
    ax.plot(a, np.asarray(relu(a)), color=plots.color("relu"), lw=1.6, label="ReLU", **plots.line_style("relu"))
    ax.plot(a, np.asarray(silu(a)), color=plots.color("silu"), lw=2.4, label="SiLU", **plots.line_style("silu"))
    ax.plot([low_a], [low], "o", color="black", ms=5)
    dip = f"dip: lowest {low:.2f}\nat a ≈ {low_a:.2f}".replace("-", "−")
    ax.annotate(dip, (low_a, low), (low_a - 0.4, 1.0), ha="center", fontsize=10,
                arrowprops=dict(arrowstyle="-", color=NOTE_INK, lw=0.8))
    ax.text(hi - 0.1, 0.06, SILU_NOTE, ha="right", va="bottom", fontsize=10, color=NOTE_INK)   # under both lines
    _axes_lines(ax)
    ax.set(xlim=(lo, hi), ylim=GATE_YLIM, xlabel="a (weighted sum 1)", title="SiLU and ReLU on one scale")
    ax.legend(loc="upper left", fontsize=9)
    fig.set_label(f"SiLU (patterned dashes) and ReLU (solid) on one set of axes, a from {lo:g} to {hi:g}. "
                  f"SiLU dips below 0, lowest {low:.2f} at a ≈ {low_a:.2f} (a dot); ReLU stays at 0 there. "
                  f"Right of 0, SiLU rises toward ReLU's line y = a: {float(silu(hi)):.2f} at a = {hi:g}.".replace("-", "−"))
    return fig


def phi_name():
    """The two bell words in GELU's name, in one closed block (notebook 02; pass 89: the apple and its bell moved to
    the main text, before Φ is defined, so this fold keeps only the name; pass 91, r92 Correctness: the error function
    measures areas under a rescaled bell, e^(-t²), not under this one)."""
    return fold("Its name", """
In GELU's name, "Gaussian" names this bell.
"Error" comes from the *error function*.
It measures areas under this bell, rescaled.
The usual spread has a statistician's name: the *standard deviation*.
""")


@plots.styled
def swiglu_gate(a=1.0, b=2.0, beta=1.0):
    """SwiGLU on one unit: the gate path a opens or closes, the content path b is what gets through (notebook 02)."""
    silu, swiglu = activations.get("silu"), activations.get("swiglu")
    live = LiveFigure(760, 340, 1, 2, fast_axes=True)   # the bar axis follows the values: limit moves stay cheap
    ax_g, ax_o = live.axes
    grid = np.linspace(GATE_A[0] - GATE_PAD, GATE_A[1] + GATE_PAD, 241)
    ax_g.set(xlim=(GATE_A[0] - GATE_PAD, GATE_A[1] + GATE_PAD), ylim=GATE_YLIM, xlabel="a (weighted sum 1)", title="the gate: SiLU(a) = a·σ(a)")
    # r77 Picture: on -1..5.5 the -0.28 dip was hard to see; the band below 0 is where the gate flips the content
    ax_g.axhspan(GATE_YLIM[0], 0, facecolor=plots.color("silu"), alpha=0.12, hatch="..", edgecolor=plots.MUTED, lw=0)
    # pass 100 (r102 Interaction: "below 0: flips sign" answered the Predict before it was asked): a neutral label;
    # what a negative gate does is said in the folded answer (swiglu_answer)
    ax_g.text(GATE_A[1] - 0.2, GATE_YLIM[0] + 0.1, GATE_BAND, ha="right", va="center", fontsize=9.5)
    ax_g.plot(grid, np.asarray(silu(grid, beta=beta)), color=plots.color("silu"), label="SiLU(a)")
    ax_g.plot(grid, np.asarray(activations.get("sigmoid")(beta * grid)), color=plots.MUTED, ls="--",
              label=("σ(a)" if beta == 1 else f"σ({beta:g}a)") + ": the share of a kept (0 to 1)")
    ax_g.axhline(0, color="black", lw=0.8)
    ax_g.legend(loc="center left", fontsize=9)   # pass 86: clear of the gate's tag at the top right
    dot = live.moving(ax_g.plot([], [], "o", color=plots.color("silu"), ms=9, zorder=5)[0])
    tag = live.moving(ax_g.text(0, 0, "", fontsize=10, va="top", color="black",
                                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": plots.color("silu")}))
    rows = ["content b", "gate SiLU(a)", "output SiLU(a)·b"]
    ax_o.set(xlim=(-16, 16), ylim=(-0.6, 2.6), yticks=range(3), yticklabels=rows[::-1],
             title="what gets through")
    ax_o.axvline(0, color="black", lw=0.8)
    colours = [plots.MUTED, plots.color("silu"), plots.color("swiglu")][::-1]
    bars = [live.moving(r) for r in ax_o.barh(range(3), np.zeros(3), height=0.6, color=colours)]
    values = [live.moving(ax_o.text(0, i, "", va="center")) for i in range(3)]
    ends = live.moving(ax_o.plot([], [], "D", color="black", ms=5)[0])   # a dot at each bar's end: a tiny bar still shows
    sliders = {"a": slider("a (sum 1)", a, *GATE_A, 0.1), "b": slider("content b (sum 2)", b, -3.0, 3.0, 0.1)}
    readout = widgets.HTML()

    def update():
        av, bv = sliders["a"].value, sliders["b"].value
        gate = float(silu(av, beta=beta))
        out = float(swiglu(av, bv, beta=beta))
        dot.set_data([av], [gate])   # pass 86 (r85 Picture): the slider stops at GATE_A[1], so the dot stays on the chart
        right = av <= 0.5   # the tag to the dot's lower right, or lower left near the panel's right edge
        below = gate >= 0   # the tag under the dot, or over it in the band below 0 (it would leave the panel's foot)
        tag.set_position((av + (0.3 if right else -0.3), gate - 0.06 if below else gate + 0.06))
        tag.set_va("top" if below else "bottom")
        tag.set_ha("left" if right else "right")
        tag.set_text(f"gate {gate:.2f}")
        span = bar_span(out, gate, bv)
        set_limits(live, ax_o, xlim=(-span, span))   # the axis fits the values, so a gate of -0.03 still shows
        for bar, text, v in zip(bars, values, (out, gate, bv)):  # barh puts row 0 at the bottom
            bar.set_width(v)
            text.set_position((v + (LABEL_GAP if v >= 0 else -LABEL_GAP) * span, text.get_position()[1]))
            text.set_ha("left" if v >= 0 else "right")
            text.set_text(f"{v:.2f}")
        ends.set_data([out, gate, bv], [0, 1, 2])
        live.render()
        state = ("near 0: almost nothing gets through" if abs(gate) < 0.05 else
                 "slightly negative: the content comes through small and flipped" if gate < 0 else
                 "positive: the content is passed on, times the gate")
        readout.value = (f"gate SiLU({av:.2f}) = <b>{gate:.2f}</b>, output = {gate:.2f} × {bv:.2f} = <b>{out:.2f}</b>; "
                         f"gate {state}")

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["a"], sliders["b"], readout, live.image], live,
        "SwiGLU gate: drag a and the content b (static picture below)",
        sliders=sliders, readout=readout, bars=bars, lines={"gate": dot},
    )


GATE_A = (-5.0, 3.0)   # the a slider and the gate panel's x-range (pass 86, r85 Picture: at 5 the dot left the chart)
GATE_PAD = 0.2   # the gate panel runs this far past each end of the slider: the dot at a = -5 or 3 drawn whole
GATE_YLIM = (-0.5, 3.1)   # the gate panel: the -0.28 dip visible, and SiLU(3) ≈ 2.86 below the top
LABEL_GAP = 0.06   # a value label starts this share of the half-width past its bar's end (clear of the end mark)
BAR_ROOM = 1.6     # the bar axis reaches this many times the largest value: room for its label


def bar_span(*values, floor=0.1):
    """Half-width of swiglu_gate's bar axis: 60 % beyond the largest value's size, never below floor."""
    return max(floor, BAR_ROOM * max(abs(float(v)) for v in values))


GOAL_GAP = 0.05  # the corners widget calls a mean gap below this "a close match"
HINT_TURNS = (0.75, -1.5, 0.75)   # the hint's setting: outer turns 0.75, the middle twice that, opposite sign (tested)
PARTS_YLIM = (-2.6, 2.6)   # the pieces' panel: the starting pieces reach 0.5 · (3 + 1.5) = 2.25 at the window's edge


def _narrow(s, width="330px"):
    s.layout.width = width
    return s


PIECE = (-1.5, 0.5, 0.5)   # (k, t, x): the corners section's one piece, and the point its picture marks


def piece_label(k=PIECE[0], t=PIECE[1], at=PIECE[2]):
    """The marked point's label: how far past the corner, times the turn, gives the height."""
    return f"{at - k:g} past the corner × {t:g} = {t * (at - k):g}"


@plots.styled
def one_piece(k=PIECE[0], t=PIECE[1], at=PIECE[2], window=3.0):
    """One corner piece t·ReLU(x − k), drawn before its words (notebook 02, pass 104, r106 Picture first): flat at 0
    left of k, then a ramp; the corner and the point at x = at marked, the point labelled with its sum. Raises if the
    point is not right of the corner (its label would be wrong)."""
    if not at > k:
        raise ValueError("the marked point must sit right of the corner")
    x = np.linspace(-window, window, 601)
    y = t * (at - k)
    fig, ax = plots.new_figure(560, 260)
    ax.plot(x, t * np.maximum(x - k, 0), color=plots.color("relu"), lw=2.4)
    ax.plot([k], [0], "o", color="black", ms=5)
    # r114 (r113 Clarity 5): "k =" came before the text names k; the corner is said by its x, as the widget says it
    ax.annotate(f"corner at x = {k:g}".replace("-", "−"), (k, 0), (k, 0.6), ha="center", fontsize=10,
                arrowprops=dict(arrowstyle="-", color=NOTE_INK, lw=0.8))
    ax.plot([at], [y], "o", color="black", ms=6)
    ax.annotate(f"({at:g}, {y:g})\n{piece_label(k, t, at)}", (at, y), (at - 0.2, y + 0.6), ha="right", fontsize=10,
                arrowprops=dict(arrowstyle="-", color=NOTE_INK, lw=0.8))
    _axes_lines(ax)
    ax.set(xlim=(-window, window), ylim=(-0.3, t * (window - k) + 0.3), xlabel="x",
           title=f"One piece: flat, then up {t:g} for each 1 past the corner".replace("-", "−"))   # r108: no k, t before their words
    fig.set_label(f"One piece on x from {-window:g} to {window:g}: flat at 0 left of the corner at x = {k:g} (a dot), "
                  f"then a straight ramp up, {t:g} for each 1 to the right. A dot at ({at:g}, {y:g}) is labelled "
                  f"'{piece_label(k, t, at)}'.".replace("-", "−"))
    return fig


@plots.styled
def corners_add_up(kinks=(-1.5, 0.0, 1.5), turns=(0.5, -0.5, 0.5), window=3.0):
    """Three ReLU corners, turn·ReLU(x − corner), at fixed places; their turns are dragged to trace a grey hill
    (notebook 02). The line under them stays flat at 0, as the hill is near 0 at both ends.

    Each corner bends the sum at its x by its turn (a change of slope). The readout gives the mean gap
    to the hill; GOAL_GAP is reachable with the sliders (tests/test_chapter_02.py finds such settings).
    """
    x = np.linspace(-window, window, 301)
    target = corners.hill(x)
    live = LiveFigure(640, 440, 2, 1, sharex=True, height_ratios=(3, 2))
    ax_sum, ax_parts = live.axes
    ax_sum.plot(x, target, color=plots.MUTED, lw=6, alpha=0.6, label="the target hill")
    total = live.moving(ax_sum.plot([], [], color=plots.color("relu"), label="sum of corners")[0])
    marks = live.moving(ax_sum.plot([], [], "v", color="black", ms=8, label="the corners")[0])
    ax_sum.set(xlim=(-window, window), ylim=(-0.6, 1.6), ylabel="output y")
    heading = live.moving(ax_sum.set_title(" "))   # the mean gap, in the stored picture too
    ax_sum.legend(loc="upper left", fontsize=9)
    styles = ["-", "-.", ":"]
    parts = [live.moving(ax_parts.plot([], [], color=plots.color("piece", i + 1), ls=styles[i], lw=1.8,
                                       label=f"corner at x = {k:g}")[0]) for i, k in enumerate(kinks)]
    ax_parts.set(xlim=(-window, window), ylim=PARTS_YLIM, xlabel="input x", ylabel="piece's output",
                 title="the pieces, one by one")
    # r84 Picture: inside, small, over the flat left end where every piece is 0 (left of the first corner, above 0)
    ax_parts.legend(loc="upper left", fontsize=8, labelspacing=0.25, handlelength=2.6, borderaxespad=0.3, borderpad=0.3, handletextpad=0.4)
    for ax in (ax_sum, ax_parts):
        _axes_lines(ax)
    sliders = {f"a{i}": slider(f"turn at x = {k:g}", a, *SLIDER_TURNS)
               for i, (k, a) in enumerate(zip(kinks, turns), start=1)}
    for s in sliders.values():
        _narrow(s)
    readout = widgets.HTML()
    n = len(kinks)
    ks = list(kinks)
    best = [np.inf]   # the smallest mean gap the learner has reached so far

    def update():
        as_ = [sliders[f"a{i}"].value for i in range(1, n + 1)]
        pieces = corners.pieces(x, 0.0, 0.0, ks, as_)[1:]   # the flat line (piece 0) is 0 everywhere
        y = np.sum(pieces, axis=0)
        total.set_data(x, y)
        marks.set_data(ks, corners.relu_sum(np.asarray(ks), 0.0, 0.0, ks, as_))
        for line, piece in zip(parts, pieces):
            line.set_data(x, piece)
        gap = corners.mean_gap(y, target)
        heading.set_text(f"sum of corners: mean gap to the hill {gap:.3f}")
        live.render()
        widget.gap = gap
        best[0] = widget.best = min(best[0], gap)
        verdict = "a close match!" if gap < GOAL_GAP else f"goal: below {GOAL_GAP:g}"
        terms = "".join(f"{plots.signed_term(a)}·ReLU(x{plots.signed_term(-k, '{:.1f}') if k else ''})" for k, a in zip(ks, as_))
        readout.value = (f"mean gap to the hill: <b>{gap:.3f}</b> ({verdict}); best so far: <b>{best[0]:.3f}</b><br>"
                         f"y = {terms.lstrip(' +')}")

    widget = LiveWidget(
        [widgets.HBox(list(sliders.values())), readout, live.image], live,
        f"Corners add up: drag the turns to trace the hill; goal: a mean gap below {GOAL_GAP:g} (static picture below)",
        sliders=sliders, readout=readout, lines={"total": total, "corners": marks,
                                                 **{f"piece{i}": p for i, p in enumerate(parts, 1)}},
        x=x, target=target,
    )
    on_change(sliders.values(), update)
    update()
    return widget


def choice_question(prompt, options, summary):
    """Multiple choice: options are (text, right?, feedback); a click shows that option's feedback (notebooks 02-04, 06)."""
    return questions.choice_question(prompt, options, summary)


def gelu_dip():
    """GELU's lowest output, rounded as the chapter says it ("about −0.17"), with a true minus sign."""
    return f"{activations.minimum('gelu')[1]:.2f}".replace("-", "−")


def below_zero_question():
    """Which of the four bends go below 0 (pass 87, r86 Interaction: the static picture answered it at once): a click
    before the picture, each wrong option's feedback naming its usual mistake: sigmoid only nears 0, GELU's small dip
    is easy to miss, tanh runs down to −1 (notebook 02)."""
    dip = gelu_dip()
    return choice_question(
        "Which of the four go below 0?",
        [("Only tanh", False,
          f"A common miss: a rounded ReLU seems to stay at 0 or above. In fact: GELU goes below 0 too, "
          f"to about {dip}."),
         ("Tanh and GELU", True,
          f"Right: tanh goes down towards −1. GELU dips just below 0, to about {dip}, then comes back up."),
         ("Tanh, GELU and sigmoid", False,
          "A common wrong answer: sigmoid goes below 0. In fact: sigmoid gets close to 0 but never below it."),
         ("None of the four", False,
          f"A common wrong answer: bends keep outputs at 0 or above. In fact: tanh goes down towards −1, "
          f"and GELU dips to about {dip}.")],
        "Question: which of the four bends go below 0? (run the notebook to answer)")


def below_zero_answer():
    """The four bends on one scale, open under 'which of the four go below 0?' (r114 Picture first/Interaction: the
    picture sat only inside a fold that repeated the buttons' own feedback; the Predict says to guess first, and the
    buttons answer each letter, so the picture now comes open after them, with no second answer) (notebook 02)."""
    return four_bends()


def tanh_question():
    """How tanh and sigmoid are related: four formulas of similar length, each wrong one naming its misconception (notebook 02)."""
    return choice_question(
        "Which formula turns sigmoid into tanh, for every x?",
        [("σ(x) − ½: move sigmoid down by a half", False,
          "A common wrong answer: tanh is just sigmoid, moved down. In fact: σ(x) − ½ runs only from −½ to ½, "
          "and its slope at 0 is ¼, not 1."),
         ("2σ(x) − 1: stretch up by 2, move down by 1", False,
          "A common wrong answer: stretching and moving down is enough. In fact: 2σ(x) − 1 does run from −1 to 1, "
          "but it is twice too wide: its slope at 0 is ½, not 1. It equals tanh(x/2)."),
         ("2σ(2x) − 1: narrower, taller, moved down", True,
          "Right: tanh(x) = 2σ(2x) − 1 for every x. Squeeze sideways by 2, stretch up by 2, move down by 1."),
         ("none: the two S curves only look alike", False,
          "A common wrong answer: the two S curves are unrelated. In fact: tanh(x) = 2σ(2x) − 1 holds exactly, "
          "for every x.")],
        "Question: how is tanh related to sigmoid? (run the notebook to answer)")


def sigmoid_question():
    """Which weakness of sigmoid shrinks the learning signal more with each extra layer: only the small slope does
    (each layer multiplies the learning signal by at most a quarter); speed and all-positive outputs cost the same in each
    layer and shrink no signal (pass 92, r93: "which weakness does each extra layer make worse?" fitted C too). Three options of equal length, one feedback line each (notebook 02)."""
    return choice_question(
        "Which weakness shrinks the learning signal more with each extra layer?",
        [("It is slow: each value needs e to a power.", False,
          "No: each layer adds the same small extra time. The times add up, but nothing multiplies them."),
         ("Its slope is small, even where it is steepest.", True,
          ("Right: each layer multiplies the learning signal by its slope (at most ¼) and by weights. "
           "Unless those are large, it shrinks at every layer.")),
         ("Its outputs are all positive, never below 0.", False,
          "No: it slows how the next layer's weights learn (they zig-zag: optional section, end), but nothing multiplies it.")],
        "Question: which weakness shrinks the learning signal more with each extra layer? (run the notebook to answer)")


SIGNAL_LAYERS = 5   # the sigmoid answer's "after 5 layers"


@plots.styled
def signal_left(layers=SIGNAL_LAYERS):
    """Bars: the most learning signal left after 1..layers bends, each bend at its best slope (peak): sigmoid's 1/4 per
    layer against ReLU's 1 for x > 0 (notebook 02; r77 Picture: "(1/4)^5 ≈ 0.001" was only told). Pass 85 (r84
    Picture: the chart showed tanh before tanh's section, above an empty top half): ReLU and sigmoid only, the legend
    in one row just above the bars. Raises if ReLU's slope right of 0 stops being 1, as its bars say."""
    sig, flat = peak("sigmoid")[1], float(activations.get("relu").derivative(1.0))
    if not (flat == 1.0 and peak("relu")[1] == flat):
        raise ValueError("ReLU's slope right of 0 is no longer 1")
    n = np.arange(1, layers + 1)
    fig, ax = plots.new_figure(620, 240)
    w = 0.36
    ax.bar(n - w / 2, flat ** n, w, color=plots.color("relu"), alpha=0.5, hatch="//", edgecolor="black", lw=0.8,
           label=f"ReLU, x > 0: slope {flat:g}")
    ax.bar(n + w / 2, sig ** n, w, color=plots.color("sigmoid"), edgecolor="black", lw=0.8,
           label=f"sigmoid: best slope {sig:g}")
    left = [printing.one_in(float(sig) ** k) for k in n]
    left[-1] += f"\n≈ {sig ** layers:.1g}"   # the answer's (1/4)^5 ≈ 0.001
    for x, v, t in zip(n, sig ** n, left):
        ax.text(x + w / 2, v + 0.03, t, ha="center", va="bottom", fontsize=9)
    left[-1] = left[-1].replace("\n", " ")
    ax.set(xticks=n, ylim=(0, 1.32), yticks=np.arange(0, 1.01, 0.25), xlim=(0.4, layers + 0.6),
           xlabel="layers the signal passes back through",
           ylabel="most signal left", title="The learning signal left after each layer's slope")
    ax.legend(loc="upper center", ncol=2, fontsize=9, borderaxespad=0.2)
    fig.set_label(f"Bar chart: the most learning signal left after 1 to {layers} layers. Hatched bars, ReLU right of 0 "
                  f"(slope {flat:g}), all stand at {flat:g}. Sigmoid's bars, best slope {sig:g}, shrink: "
                  + ", ".join(left))
    return fig


def gelu_question():
    """A true difference between GELU and ReLU (pass 47, r42: not "that could help learning", which no cell shows): four options of similar length, each wrong one naming its misconception (notebook 02)."""
    return choice_question(
        "Which is a true difference from ReLU?",
        [("GELUs can follow curves that ReLUs cannot follow.", False,
          "A common wrong answer: ReLUs cannot follow a smooth curve. In fact: they can. Enough ReLU corners "
          "follow any unbroken curve over a limited stretch of x, as closely as you like (see 'Corners add up')."),
         ("GELU takes less computing time than ReLU does.", False,
          "A common wrong answer: GELU is faster. In fact: GELU costs more. Φ needs far more work than ReLU's "
          "single comparison."),
         # r114 Interaction 4: "never below 0" was ruled out by the text above; the slope's overshoot is not said there
         ("GELU's slope never goes above 1, just like ReLU's.", False,
          "A common wrong answer: GELU's slope stops at 1, like ReLU's. In fact: just right of 0 it climbs past 1, "
          f"to about {peak('gelu')[1]:.2f} at x ≈ {peak('gelu')[0]:.2f}, then settles back to 1."),
         ("Just left of 0, GELU still sends some signal back.", True,
          "Right: ReLU's slope is 0 for every negative input, GELU's is 0 at one "
          "point only. So a unit whose weighted sum plus bias is a little below 0 still gets some learning signal.")],
        "Question: a true difference from ReLU (run the notebook to answer)")


TAUGHT = FOUR + ("silu",)   # the bends this chapter teaches: the explorer offers these and no others


def bend_explorer(names=("relu", "gelu"), probe=2.0, x_range=2.5, menu=TAUGHT):
    """The shared explorer, its menu limited to the bends taught so far, no parameter sliders (chapter 04 brings
    them), its table of numbers folded behind a button: read the picture first, then check (notebook 02)."""
    w = activation_explorer(names=names, probe=probe, x_range=x_range, menu=menu, tunable=False, probe_ls="-")
    for name, box in w.checkboxes.items():   # a long label would be cut off in its tick box: shorten it
        if name in SHORT_NAMES:
            box.description, box.tooltip = SHORT_NAMES[name], activations.get(name).label
    w.readout.layout.display = "none"
    button = widgets.ToggleButton(value=False, description="Show the numbers", layout=widgets.Layout(width="200px"))

    def toggle(change):
        w.readout.layout.display = None if change["new"] else "none"
        button.description = "Hide the numbers" if change["new"] else "Show the numbers"

    button.observe(toggle, names="value")
    w.children = tuple(widgets.VBox([button, c]) if c is w.readout else c for c in w.children)
    w.reveal = button
    return w


SLIDER_TURNS = (-2.0, 2.0, 0.05)   # corners_add_up's sliders: lowest turn, highest, step
HILL_WINDOW = 3.0   # the answer's x range, -3 to 3, the widget's: the stored places hold for this range only


def _hill_grid():
    return np.linspace(-HILL_WINDOW, HILL_WINDOW, 301)


def sliders_best(kinks):
    """(turns, gap): the smallest mean gap corners_add_up's sliders reach with corners at kinks (two or three), every
    slider setting (SLIDER_TURNS) tried on the widget's grid (r80 Correctness: the answer quoted the free best of three
    corners, which the sliders' steps cannot reach)."""
    x = _hill_grid()
    hill = corners.hill(x)
    lo, hi, step = SLIDER_TURNS
    values = np.round(np.arange(lo, hi + step / 2, step), 2)
    *heads, p, q = (np.maximum(x - k, 0.0) for k in kinks)
    best = (None, np.inf)
    for head in itertools.product(values, repeat=len(heads)):   # the first turn (three corners), the last two at once
        rest = hill - sum(a * f for a, f in zip(head, heads))
        gaps = np.abs(values[:, None, None] * p + values[None, :, None] * q - rest).mean(axis=-1)
        a, b = np.unravel_index(int(gaps.argmin()), gaps.shape)
        if gaps[a, b] < best[1]:
            best = ([float(v) for v in head] + [float(values[a]), float(values[b])], float(gaps[a, b]))
    return best


def best_two_on_sliders(kinks=(-1.5, 0.0, 1.5)):
    """(kinks, turns, gap): the smallest mean gap corners_add_up's sliders reach with one turn at 0. Every pair of its
    corners and every pair of slider values (SLIDER_TURNS) is tried, on the widget's grid (r44: the answer quoted a
    placement the widget cannot make)."""
    best = (None, None, np.inf)
    for pair in itertools.combinations(kinks, 2):
        turns, gap = sliders_best(pair)
        if gap < best[2]:
            best = (list(pair), turns, gap)
    return best


@plots.styled
def corners_fit(kinks=(-1.5, 0.0, 1.5)):
    """The answer's picture, two panels on one scale over the grey hill: the best two corners the widget's sliders
    reach (best_two_on_sliders), and the best three (sliders_best), the tent (r80 Correctness: the sliders' best, not
    the free best between their steps). The line under the corners stays flat at 0, as in the widget. Each title gives
    its mean gap (notebook 02's answer)."""
    x = _hill_grid()
    hill = corners.hill(x)
    two, two_turns, _gap2 = best_two_on_sliders(kinks)
    three_turns, _gap3 = sliders_best(kinks)
    fig, axes = plots.new_figure(760, 250, ncols=2, sharey=True)
    for ax, ks, turns in zip(axes, (tuple(two), tuple(kinks)), (two_turns, three_turns)):
        gap = corners.mean_gap(corners.relu_sum(x, 0.0, 0.0, ks, turns), hill)
        _corners_panel(ax, x, hill, ks, 0.0, 0.0, turns, gap)
    return fig


def _corners_panel(ax, x, hill, ks, slope, height, turns, gap):
    """One panel of corners_fit and ten_corners_fit: the grey hill, the sum of the corners, the corners marked."""
    ax.plot(x, hill, color=plots.MUTED, lw=6, alpha=0.6, label="the target hill")
    ax.plot(x, corners.relu_sum(x, slope, height, ks, turns), color=plots.color("relu"),
            label=f"sum of {len(ks)} corners")
    ax.plot(ks, corners.relu_sum(np.asarray(ks), slope, height, ks, turns), "v", color="black", ms=8,
            label="the corners")
    _axes_lines(ax)
    ax.set(xlim=(-HILL_WINDOW, HILL_WINDOW), ylim=(-0.3, 1.9), xlabel="input x",
           title=f"{len(ks)} corners: mean gap {gap:.3f}")
    ax.legend(loc="upper left", fontsize=9)   # above the curves: the top half of each panel is empty


TEN = tuple(np.linspace(-2.5, 2.5, 10))   # the answer's many corners, evenly spaced (r58 Focus: one sentence, no table)


@plots.styled
def ten_corners_fit():
    """The best sum of ten evenly spaced corners over the grey hill, drawn as corners_fit draws its panels
    (r71 Picture first: '10 corners ... a mean gap of 0.007' had no picture; notebook 02's answer)."""
    x = _hill_grid()
    hill = corners.hill(x)
    slope, height, turns, gap = corners.smallest_gap(x, hill, list(TEN), line=False)
    fig, ax = plots.new_figure(420, 250)
    _corners_panel(ax, x, hill, TEN, slope, height, turns, gap)
    return fig


def corners_answer(kinks=(-1.5, 0.0, 1.5)):
    """The folded answer to 'how many corners?': the best the sliders reach with two corners and with three (the
    tent, a picture), the free best of three beside it (r80 Correctness), a hint, and the smallest mean gap for 10
    corners, on the widget's grid (notebook 02). Raises if the sliders' best of three stops being the hint's setting."""
    x = _hill_grid()
    hill = corners.hill(x)
    ten = TEN
    free_gap, ten_gap = (corners.smallest_gap(x, hill, list(ks), line=False)[3] for ks in (kinks, ten))
    two, _turns, two_best = best_two_on_sliders(kinks)   # every slider setting with one turn at 0
    three_turns, three_best = sliders_best(kinks)
    if tuple(three_turns) != HINT_TURNS or not free_gap < three_best < GOAL_GAP:
        raise ValueError("the sliders' best three turns are no longer the hint's, just above the free best")
    zeroed = next(k for k in kinks if k not in two)   # the corner whose turn the best setting leaves at 0 (r47)
    img = tables.image(figure_png(corners_fit(kinks)), f"Left: the sliders' best with two corners, mean gap {two_best:.3f}, "
                       f"still off the grey hill. Right: their best with three, mean gap {three_best:.3f}: a tent over it, "
                       f"corners at {kinks[0]:g}, {kinks[1]:g} and {kinks[2]:g}".replace("-", "−"), 760, 250)
    img10 = tables.image(figure_png(ten_corners_fit()), f"{len(ten)} corners, evenly spaced from {ten[0]:g} to {ten[-1]:g}: "
                         "their best sum lies almost on the grey hill", 420, 250)
    # pass 85 (r84 Interaction: the hint gave the answer, 0.75): a nudge, the shape and then a direction to search
    stuck = fold("Stuck? A hint", """
Make the middle turn about twice the outer ones, with the opposite sign.
Then make all three bigger or smaller together, and watch the best gap so far.
""")
    turns = ", ".join(printing.true_minus(t) for t in three_turns[:-1]) + f" and {printing.true_minus(three_turns[-1])}"
    return Markdown(stuck.data + "\n\n" + fold("Check your prediction", f"""
With one turn at 0, the sliders never get below {GOAL_GAP:g}.
Their best sets the turn at x = {zeroed:g} to 0: the left picture below, mean gap {two_best:.3f}.
Three corners are enough: they make a tent over the hill (right picture).
The sliders' best turns are {turns}: mean gap {three_best:.3f}.
The left corner starts the climb.
The middle corner turns it down.
The right corner flattens it again.

{img}

The grey hill is $y = e^{{-x^2}}$.
With {len(ten)} corners, evenly spaced from {ten[0]:g} to {ten[-1]:g}, the best turns reach a mean gap of {ten_gap:.3f}.
More corners, smaller gap.

{img10}
""").data)



BREAK = (CAP - 6, CAP - 4)   # the y-axis break: two slashes between the last tick (60) and the cap's line


def _steps_axes(ax, title, legend="center right"):
    """Steps to the star against step size, the cap labelled "not within MOST steps": the live panel and the folded answer."""
    ax.axhline(CAP, color=plots.MUTED, lw=1, ls=":")
    for y in BREAK:   # r50 Picture 2: two slashes on the y-axis say the scale jumps between 60 and the cap
        ax.plot([-0.02, 0.02], [y - 1.2, y + 1.2], color="black", lw=1, transform=ax.get_yaxis_transform(), clip_on=False)
    ax.set_yticks(list(range(0, CAP - 5, 10)) + [CAP],
                  [str(t) for t in range(0, CAP - 5, 10)] + [f"not within\n{zigzag.MOST} steps"])
    ax.set(xlim=(0.25, RATES[1] + 0.25), ylim=(0, CAP + 5), xlabel="step size",
           ylabel=f"steps to reach the star\n(median of {zigzag.RUNS} runs)", title=title)
    ax.legend(loc=legend, fontsize=9)

@plots.styled
def steps_sweep():
    """The full steps curves of the zig-zag widget, every step size at centre 0.5 and centre 0, on the widget's scale:
    the picture in its folded answer (notebook 02)."""
    fig, ax = plots.new_figure(560, 330)
    s = rates()
    for c, style, mark in ((CENTRES[1], "-", "o"), (CENTRES[0], "--", "s")):
        m = steps_curve(c)
        ax.plot(s, np.where(np.isfinite(m), m, CAP), style, marker=mark, color=plots.color("sigmoid" if c else "tanh"),
                lw=1.6, ms=5, label=f"centre {c:g}")
    m = control_curve()   # r68 Correctness: the size-matched control decides sign against size
    ax.plot(s, np.where(np.isfinite(m), m, CAP), ":", marker="^", color=NOTE_INK, lw=1.6, ms=5, label=CONTROL_LABEL)
    _steps_axes(ax, "Steps to the star, by step size", legend=SWEEP_LEGEND)   # r78: the longer title was cut off; the legend names the curves
    _axes_lines(ax)
    return fig


SWEEP_LEGEND = "center right"   # r83 Picture: one line wide, it hid both curves' climb between step sizes 2.5 and 3;
# the control's label on two lines keeps the legend right of step size 3


CONTROL_LABEL = "centre 0, same arrow\nlength (inputs −1 to 1)"   # the control: centre 0, as long on average as centre 0.5's inputs


def control_curve():
    """The median steps to the star at every step size of the slider, for the control: centre 0, inputs −1 to 1
    (zigzag.WIDE), whose length squared averages 2/3, as at centre 0.5 (r68 Correctness: sign, or size?)."""
    return np.array([zigzag.median_steps(CENTRES[0], r, half=zigzag.WIDE) for r in rates()])


def one_step(h=(2.0, 1.0), rate=1.0, goal=(1.0, -1.0)):
    """One step of the zig-zag toy's rule from the start (0, 0): the miss (output minus right answer) and each
    weight's change, -rate x its input x the miss (the rule of zigzag.independent_path)."""
    h, goal = np.asarray(h, dtype=float), np.asarray(goal, dtype=float)
    miss = float(np.zeros(2) @ h - goal @ h)
    return miss, -rate * miss * h


PLANK = ("Think of the two weights as the two ends of a plank.\n"   # r109 Clarity: said before the picture that uses them
         "A **together** move lifts or lowers both ends: both weights go the same way.\n"
         "An **apart** move tilts the plank: one weight up, the other down.")


def worked_step(h=(2.0, 1.0), rate=1.0, goal=(1.0, -1.0)):
    """One step of the zig-zag toy with whole numbers (notebook 02), then its picture (split_picture; r110 Clarity:
    the picture had come before the step it draws), with where its rule comes from (chapter 00's nudge, r67 Correctness).
    Raises if the step stops moving both weights up against the star."""
    miss, change = one_step(h, rate, goal)
    if not ((change > 0).all() and goal[1] < 0):
        raise ValueError("the worked step no longer moves both weights up against the star")
    right = h[0] - h[1]
    short = -miss
    if not np.allclose(change, rate * np.asarray(h, dtype=float) * short):
        raise ValueError("the worked step no longer follows step size × input × how far short")   # r59 Clarity 3
    if not min(h) > 0:   # r110 Correctness: "Both are above 0, as ReLU's outputs can be"
        raise ValueError("the worked step's inputs are no longer both above 0")
    fig = split_picture(h, rate, goal)   # r110: drawn right after the step's arithmetic, which it draws
    img = tables.image(figure_png(fig), fig.get_label(), 400, 330)
    # r110 Clarity 5: the picture came before the step it draws; now the step, the plank's words, then the picture
    # r110 Correctness 1: sigmoid never outputs 2; ReLU can, and its outputs are never below 0
    # r112 Clarity 4: the heading said "step" before it was defined; the definition now opens the block
    display(Markdown(f"""**One step, worked.** A **step** is one correction of the weights, after one example.
A unit with no bend gets two inputs: {h[0]:g} and {h[1]:g}.
Both are above 0, as ReLU's outputs can be.
Its first step is the black arrow below.

{PLANK}

{img}

Its two weights start at 0, so its output is 0.
Its right answer is input 1 − input 2: {h[0]:g} − {h[1]:g} = {right:.2g}.
The step size sets how big a correction is. Here it is {rate:g}, and the output is {short:g} short.
The rule: each weight moves by step size × its input × how far short the output is (if it overshoots, the move flips sign).
Weight 1: {rate:g} × {h[0]:g} × {short:g} = {change[0]:g}. Weight 2: {rate:g} × {h[1]:g} × {short:g} = {change[1]:g}.
Both weights go up: that is the black arrow above.
"""))


def _sum_words(h):
    """'(2 + 1) ÷ 2 = 1.5': half the worked inputs' sum, the together part when step size × shortfall is 1 (r114
    Clarity: the reason in numbers; r116 Clarity 4: halved, so it lands on the arrow's own number)."""
    return f"({h[0]:g} + {h[1]:g}) ÷ 2 = {(h[0] + h[1]) / 2:g}"


def _diff_words(h):
    """'(2 − 1) ÷ 2 = 0.5': half the worked inputs' difference, the apart part."""
    return f"({h[0]:g} − {h[1]:g}) ÷ 2 = {(h[0] - h[1]) / 2:g}".replace("-", "−")


def split_step(h=(2.0, 1.0), rate=1.0, goal=(1.0, -1.0)):
    """Why all-positive inputs detour, in plain sentences on the worked step's coloured arrows, right under them
    (notebook 02): the star needs an apart move, and positive inputs give steps whose together part is never the
    smaller one (r61 Clarity 1: the dotted line says the star is pure apart, so every together move is a detour).
    Pass 90 (r91 Clarity): together and apart said in words (the average move; what is left) before their numbers.
    Raises if the star stops lying on the apart line
    through the start, or if the worked step's moves stop sharing a sign."""
    _, change = one_step(h, rate, goal)
    together, apart = split(change)
    if not np.allclose(split(goal)[0], 0):
        raise ValueError("the star no longer needs the apart part only")
    if not (min(h) > 0 and change[0] > 0 and change[1] > 0 and np.abs(together[0]) >= np.abs(apart[0])):   # r106
        raise ValueError("the worked step's two moves no longer share a sign")
    if not np.isclose(change[0], h[0]):   # r116: "half the inputs' sum" needs step size × shortfall = 1
        raise ValueError("the worked step no longer moves each weight by its own input")
    display(Markdown(f"""**Why the weights detour.** The star needs only an apart move: weight 1 up, weight 2 down, along the dotted line.
The coloured arrows above split the step into two parts.
Here both inputs are positive, so both weights went up: {_pair(change)}.
Its together part, {_pair(together)}, lifts the plank, which the star does not need.
Only its apart part, {_pair(apart)}, tilts the plank toward the star.
With inputs of one sign (all positive, or all negative), every step moves both weights the same way.
Here the together part is half the inputs' sum: {_sum_words(h)}.
The apart part is half their difference: {_diff_words(h)}.
With both inputs positive, the sum is always bigger than the difference.
So the step is mostly a wasted lift.
Later steps must undo the together part.
What that costs depends on the step size: try it below.
"""))


TIE_SUMMARY = "Why both centres tie at small steps, and the dotted curve"   # pass 90 (r91 Focus): one fold, was two


def zigzag_answer(goal=(1.0, -1.0)):
    """The folded answer to the zig-zag question, measured by zigzag.median_steps (notebook 02): at the same step size
    both centres need about as many steps; centre 0.5 is fastest at a middle step size and never arrives at big ones,
    while centre 0 speeds up until a step size, then levels off (pass 41, r37: 'keep helping' overstated a flat
    curve). Raises if the toy stops showing that."""
    off, on = steps_curve(CENTRES[1]), steps_curve(CENTRES[0])
    s = list(rates())
    best = s[int(np.argmin(off))]
    tied = [(r, m) for r, m in zip(s, off) if m - off.min() <= 1]   # r59: 19 and 20 steps are a tie, not a ranking
    if not (len(tied) == 2 and tied[0][0] == best):
        raise ValueError("the fastest step sizes at centre 0.5 are no longer one clear pair")
    blows = next(r for r, m in zip(s, off) if not np.isfinite(m))
    fast = s[int(np.argmin(on))]
    level = on[s.index(fast):]
    if not (np.isfinite(on).all() and on.min() < off.min() / 1.5 and blows < fast):
        raise ValueError("the centred inputs no longer arrive clearly sooner")
    if not (np.all(np.diff(on[:s.index(fast) + 1]) < 0) and level.max() - level.min() <= 1):
        raise ValueError("the centre-0 curve no longer falls, then levels off")
    same = s[next(i for i, (a, b) in enumerate(zip(off, on)) if not abs(a - b) <= 1) - 1]   # r52: the curves agree up to here
    if not (same >= s[1] and same < blows):
        raise ValueError("the two centres no longer need about the same steps at small step sizes")
    big, small = mean_square(CENTRES[1]), mean_square(CENTRES[0])   # r65: sign, or just size? both, said plainly
    wide = mean_square(CENTRES[0], zigzag.WIDE)
    if not (np.isclose(3 * big, 2) and small < big and np.isclose(wide, big)):   # "shorter" at 0, and "as long" for the dotted curve
        raise ValueError("the average length squared is no longer 2/3 at centre 0.5 and for the control, less at centre 0")
    if not (pushes(CENTRES[0])[1] == pushes(CENTRES[1])[1] and pushes(CENTRES[0])[0] < pushes(CENTRES[1])[0]):
        raise ValueError("the centre no longer changes only the together pull")   # r77: why small steps tie
    same_diff = [np.diff(zigzag.independent_inputs(c, zigzag.MOST), axis=1) for c in CENTRES]
    if not np.allclose(*same_diff):   # r83 Correctness: "their difference ... is the same at both centres"
        raise ValueError("the two inputs' difference no longer matches at both centres")
    # r68 Correctness: the size-matched control fails where centre 0.5 does, and beats it wherever both arrive
    ctrl = control_curve()
    fails = next((r for r, m in zip(s, ctrl) if not np.isfinite(m)), None)
    works = np.isfinite(off) & np.isfinite(ctrl)
    one = s.index(1.0)
    if not (fails == blows and np.all(ctrl[works] < off[works]) and pushes(CENTRES[0], zigzag.WIDE)[1] > pushes(CENTRES[1])[1]):
        raise ValueError("the control no longer shows length setting the largest step and one sign costing steps")
    narrow, spread = (np.diff(zigzag.independent_inputs(0.0, zigzag.MOST, half=h), axis=1) for h in (zigzag.HALF, zigzag.WIDE))
    if not (np.allclose(spread, 2 * narrow) and np.isclose(pushes(CENTRES[0], zigzag.WIDE)[1], 4 * pushes(CENTRES[0])[1])):
        raise ValueError("the dotted curve's inputs no longer differ twice as widely")   # r84 Correctness: the why
    (miss_half, step_half), (miss_zero, step_zero) = (one_step(h) for h in APART_INPUTS)
    (lift_half, apart_half), (lift_zero, apart_zero) = split(step_half), split(step_zero)
    if not (np.allclose(apart_half, apart_zero) and abs(lift_zero[0]) < abs(lift_half[0])):
        raise ValueError("one step at each centre no longer has the same apart part")   # r92 Clarity: said concretely
    if not np.isclose(miss_half, miss_zero):   # r94 Clarity: the shortfall is written out, one number for both
        raise ValueError("the two examples' outputs no longer start equally short")
    times = off[one] / ctrl[one]   # r75 Focus: "9 steps against 28" as one plain ratio
    if not abs(times - round(times)) <= 0.25 or round(times) not in TIMES:
        raise ValueError("the control no longer arrives a whole number of times sooner at step size 1")
    img = tables.image(figure_png(steps_sweep()), f"Steps to reach the star against step size. Centre 0.5: fewest, about "
                       f"{off.min():.0f}, at step size {best:g}; from step size {blows:g} over half the runs do not arrive within "
                       f"{zigzag.MOST} steps. Centre 0: "
                       f"fewer and fewer steps up to step size {fast:g}, then flat at about {on.min():.0f}. "
                       f"Dotted, centre 0 with inputs −1 to 1: fewer steps than centre 0.5, and not arriving from step size "
                       f"{fails:g} too", 560, 330)
    # pass 89 (r89 Clarity: four ideas in one box): what the picture shows, then, in a second box, why small steps tie
    seen = fold("Check your prediction", f"""
{img}

At centre 0.5, step sizes {tied[0][0]:g} and {tied[1][0]:g} are fastest: about {tied[0][1]:.0f} and {tied[1][1]:.0f} steps.
From step size {blows:g}, over half the runs swing past the star and do not arrive within {zigzag.MOST} steps.
At centre 0, bigger steps help up to step size {fast:g}, about {on.min():.0f} steps, then level off.
The dotted curve is explained in the fold below.
""")
    # pass 90 (r91 Focus: the length² box and the digit run cut): why small steps tie and the dotted curve, one fold
    # pass 96 (r97 Focus: the tie read as a paragraph): one arrow chain per centre, then one plain line
    # pass 99 (r100 Focus/Clarity): the dotted curve's comparison left the Takeaway for this fold, with its failure too
    # r112 Focus 3: the worked pair of examples (one step at each centre) cut; their check above stays
    return Markdown(seen.data + "\n\n" + fold(TIE_SUMMARY, f"""
Unticked, up to step size {same:g}, both centres take about the same steps.
The apart parts are the moves toward the star.
At the start they average the same size at both centres, and roughly so after.
With small steps, the together parts stay small and later steps undo them at little cost.
With big steps, the together move overshoots: the weights swing past the star.
Centre-0 steps are shorter only in their together part, which the star does not need.

The dotted curve is centre 0 with the box ticked: arrows as long as centre 0.5's.
Its two inputs differ up to twice as much.
So its steps have bigger apart parts.
It reaches the star about {TIMES[round(times)]} times sooner at step size 1.
But it too does not arrive from step size {fails:g}: long arrows overshoot.
""").data)   # r72 Focus: the Takeaway left this fold for the notebook's own cell, under it


APART_INPUTS = ((0.8, 0.4), (0.3, -0.1))   # one example at centre 0.5 and one at centre 0, the same difference (r92)
TIMES = {2: "two", 3: "three", 4: "four"}   # a ratio of medians, said in words


def never_share(centre, rate):
    """The share of the 300 runs that are not at the star within zigzag.MOST steps (zigzag.steps_to_star)."""
    return float(np.mean(~np.isfinite(zigzag.steps_to_star(centre, rate))))


def pushes(centre, half=zigzag.HALF):
    """(together, apart): how hard, on average, one example pulls each part of the weights back towards the star,
    per step size. The inputs are centre + u, u even on -half..half (variance half²/3: 1/12 for the widget), so the
    mean of h hᵀ is (half²/3) I + centre² (1 1ᵀ): along the together line half²/3 + 2·centre², along the apart line
    half²/3 at every centre."""
    return half ** 2 / 3 + 2 * centre ** 2, half ** 2 / 3


def split(change):
    """(together, apart): a step (Δw1, Δw2) as its part along (1, 1) plus its part along (1, -1)."""
    a, b = (float(v) for v in change)
    return np.array([(a + b) / 2] * 2), np.array([(a - b) / 2, (b - a) / 2])


def _signed(v):
    return f"+{v:.3g}" if v > 0 else f"{v:.3g}".replace("-", "−")


def _pair(v):
    return f"({_signed(v[0])}, {_signed(v[1])})"


@plots.styled
def split_picture(h=(2.0, 1.0), rate=1.0, goal=(1.0, -1.0)):
    """The worked step's arrow split head to tail into its together and apart arrows (notebook 02, r47: shown on the
    main path, right after the worked step, so both words are explained before the widget uses them)."""
    _, change = one_step(h, rate, goal)
    together, apart = split(change)
    goal = np.asarray(goal, dtype=float)
    fig, ax = plots.new_figure(400, 330)
    kw = dict(angles="xy", scale_units="xy", scale=1, width=0.012, headwidth=4, headlength=5, headaxislength=4.5)
    ax.quiver([0], [0], [change[0]], [change[1]], color="black", **kw)
    ax.quiver([0], [0], [together[0]], [together[1]], color=plots.color("sigmoid"), **kw)
    ax.quiver([together[0]], [together[1]], [apart[0]], [apart[1]], color=plots.color("tanh"), **kw)
    u = float(np.abs(change).max()) / 20   # label offsets and margins, in units of the step's size
    ax.text(change[0] + 0.5 * u, change[1] - u, "the step", ha="left", va="top", fontsize=10)
    ax.text(together[0] / 2 - u, together[1] / 2 + 0.5 * u, "together", ha="right", va="bottom", fontsize=10,
            color=NOTE_INK)
    ax.text(together[0] + apart[0] / 2 + u, together[1] + apart[1] / 2 + 0.5 * u, "apart", ha="left", va="bottom",
            fontsize=10, color=NOTE_INK)
    # r49 change 2: the start and the star drawn first, so the star is seen before the widget names its lines
    ax.plot([0], [0], "s", color="black", ms=6)
    ax.text(-u, -u, "start", ha="right", va="top", fontsize=10, color=NOTE_INK)
    ax.plot([goal[0]], [goal[1]], "*", color="black", ms=13)
    ax.text(goal[0] + 1.5 * u, goal[1], "the star", ha="left", va="center", fontsize=10, color=NOTE_INK)
    ax.plot([0, goal[0]], [0, goal[1]], ":", color=plots.MUTED, lw=1)
    ax.set(xlim=(-5 * u, change[0] + 4 * u), ylim=(min(goal[1], 0) - 3 * u, max(together[1], change[1]) + 4 * u),
           xlabel="weight 1", ylabel="weight 2", title="one step = together + apart")
    ax.set_aspect("equal")
    _axes_lines(ax)
    fig.set_label(f"The worked step {_pair(change)} drawn as a black arrow, split head to tail into a together arrow "
                  f"{_pair(together)} and an apart arrow {_pair(apart)}; the start (0, 0) and the star "
                  f"({goal[0]:g}, {goal[1]:g}) marked".replace("-", "−"))
    return fig


def mean_square(centre, half=zigzag.HALF):
    """The average of input 1² + input 2² at a centre: both pulls added, 2 × (centre² + half²/3) (the inputs are
    centre + u, u even on −half..half, whose square averages half²/3: 1/12 for the widget)."""
    together, apart = pushes(centre, half)
    return together + apart


EXACT_RUNS = 3000   # tests only: the runs behind the exact-step floor (300 leave its median between 4 and 5, seed by seed)


def swiglu_answer(a=-5.0, flip=(-1.3, -2.0)):
    """The folded answer to the SwiGLU questions: the gate at a = -5, where the flipped copy is largest, and the sign
    that comes out when a negative gate meets a negative content b (notebook 02)."""
    silu, swiglu = activations.get("silu"), activations.get("swiglu")
    lowest_x, _ = activations.minimum("silu")   # the gate's most negative point
    fa, fb = flip
    gate, out = float(silu(fa)), float(swiglu(fa, fb))
    return fold("Check your prediction", f"""
At $a = {a:g}$ the gate gives {float(silu(a)):.2f}.
A negative gate flips the content's sign.
So a tiny flipped copy gets through: almost nothing.
Between $a = {np.floor(lowest_x):g}$ and $a = {np.ceil(lowest_x):g}$ the flipped copy is largest.

At $a = {fa:g}$ the gate is {gate:.2f}.
Times $b = {fb:g}$, the output is {out:.2f}: negative in, positive out.
So below 0 the volume-knob picture falls short: this knob can also flip the sign.
""")


NOTE_INK = "#444444"   # the diagram's note: dark grey, about 10:1 on white (MUTED's 2.8:1 was hard to read)
DIAGRAM_BEND = "SiLU(a)"
SWIGLU_ALT = ("A SwiGLU unit: the inputs go to two weighted sums. Top: sum a goes through SiLU and becomes the gate. "
              "Bottom: sum b stays unbent, the content. The × multiplies gate and content into the output")   # chapter 02's bend box; another bend (chapter 04's "a bend") drops the product label


@plots.styled
def swiglu_diagram(sums=("a = weighted\nsum 1", "b = weighted\nsum 2"), bend=DIAGRAM_BEND, output="output",
                   out_colour=None, product=None, source="the input",
                   note="the gate sets how much\nof the content gets through"):
    """A gated unit in plain words: one input, two weighted sums, one of them bent into the gate, the gate times the
    content comes out (notebook 02's SwiGLU, its sums named a and b, SiLU(a)·b at the ×; chapter 04 passes its own
    labels). product: the label at the ×; by default "SiLU(a)·b" for chapter 02's bend, none for any other. note: the
    grey line between the paths (chapter 07 passes its own)."""
    if product is None and bend == DIAGRAM_BEND:
        product = "SiLU(a)·b"
    fig, ax = plots.new_figure(760, 230)
    if bend == DIAGRAM_BEND:
        fig.set_label(SWIGLU_ALT)
    ax.set(xlim=(0, 10), ylim=(0, 4))
    ax.axis("off")
    gate, content = plots.color("silu"), plots.MUTED
    out = plots.color("swiglu") if out_colour is None else out_colour

    def box(x, y, text, colour):
        ax.text(x, y, text, ha="center", va="center", fontsize=11, wrap=True,
                bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": colour, "lw": 2})

    box(0.9, 2.0, source, "black")   # chapter 02 says "the inputs": its text reads "the same inputs twice"
    box(3.2, 3.2, sums[0], gate)
    box(3.2, 0.8, sums[1], content)
    box(5.6, 3.2, f"{bend}\n= the gate", gate)
    box(5.6, 0.8, "no bend\n= the content", content)
    ax.text(7.5, 2.0, "×", ha="center", va="center", fontsize=22,
            bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": "black", "lw": 1.5})
    if product:
        ax.text(7.5, 1.25, product, ha="center", va="top", fontsize=11)
    box(9.1, 2.0, output, out)
    for start, end in (((1.6, 2.2), (2.4, 3.1)), ((1.6, 1.8), (2.4, 0.9)), ((4.0, 3.2), (4.6, 3.2)),
                       ((4.0, 0.8), (4.6, 0.8)), ((6.6, 3.0), (7.2, 2.3)), ((6.6, 1.0), (7.2, 1.7)), ((7.8, 2.0), (8.5, 2.0))):
        ax.annotate("", end, start, arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.4})
    ax.text(5.6, 2.0, note, ha="center", va="center", fontsize=10,
            color=NOTE_INK)
    return fig


UNIT_ALT = ("One unit: input 1 times weight 1 and input 2 times weight 2 are added up into the weighted sum; "
            "the bias is added; the total goes through the bend and comes out as the output")


@plots.styled
def unit_diagram():
    """One unit, labelled (notebook 02, r70 Clarity 2: the words unit, weight, weighted sum and bias get one picture
    at the top, next to the slope, instead of a word list in the middle of ReLU)."""
    fig, ax = plots.new_figure(760, 200)
    fig.set_label(UNIT_ALT)
    ax.set(xlim=(0, 10), ylim=(0, 3))
    ax.axis("off")

    def box(x, y, text, colour="black"):
        ax.text(x, y, text, ha="center", va="center", fontsize=11,
                bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": colour, "lw": 2})

    box(0.8, 2.3, "input 1")
    box(0.8, 0.7, "input 2")
    box(2.9, 2.3, "× weight 1", plots.MUTED)
    box(2.9, 0.7, "× weight 2", plots.MUTED)
    box(4.9, 1.5, "+\nweighted sum", plots.MUTED)
    box(6.6, 1.5, "+ bias", plots.MUTED)
    box(8.0, 1.5, "bend", plots.color("relu"))
    box(9.4, 1.5, "output")
    for start, end in (((1.45, 2.3), (2.05, 2.3)), ((1.45, 0.7), (2.05, 0.7)), ((3.75, 2.2), (4.2, 1.8)),
                       ((3.75, 0.8), (4.2, 1.2)), ((5.65, 1.5), (6.0, 1.5)), ((7.2, 1.5), (7.55, 1.5)),
                       ((8.45, 1.5), (8.85, 1.5))):
        ax.annotate("", end, start, arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.4})
    ax.add_patch(Rectangle((2.15, 0.1), 6.45, 2.8, fill=False, ls="--", lw=1.2, ec=NOTE_INK))   # the unit's edge
    ax.text(5.75, 0.45, "one unit", ha="center", va="center", fontsize=10, color=NOTE_INK)
    return fig


def fold(summary, body):
    """A collapsed block as a cell's output: computed numbers stay hidden until the learner clicks (notebook 02)."""
    return Markdown(f"<details><summary>{summary}</summary>\n\n{body.strip()}\n\n</details>")


def near_zero(v, digits=2, floor=0.005):
    """A slope as a learner reads it: '≈ 0' when it rounds to 0 at the digits shown, else `digits` significant digits."""
    return "≈ 0" if abs(v) < floor else f"{v:.{digits}g}"


DEAD_SUMS = (-2.6, -2.2, -1.9, -1.5, -1.2, -0.8, -0.5, -0.2)   # one toy unit's sum + bias on eight training examples
DEAD_ALT = ("A dead ReLU unit: the ReLU curve, with each of eight training examples' weighted sum plus bias drawn as a "
            "dot. All eight dots sit on the flat part, left of 0, where the slope is 0: no learning signal passes")


@plots.styled
def dead_unit(sums=DEAD_SUMS):
    """ReLU with one unit's sum plus bias on each training example as a dot, every dot on the flat part, marked
    slope 0 (notebook 02, r71 Picture first: the dead unit was words only). Raises if a sum leaves the flat part."""
    s = np.asarray(sums, dtype=float)
    if not (s <= 0).all():
        raise ValueError("a dead unit's sums must all be 0 or below")
    relu = activations.get("relu")
    fig, ax = plots.new_figure(560, 260)
    fig.set_label(DEAD_ALT)
    x = np.linspace(-3.0, 2.0, 301)
    ax.plot(x, np.asarray(relu(x)), color=plots.color("relu"), lw=2, label="ReLU", **plots.line_style("relu"))
    ax.plot(s, np.asarray(relu(s)), "o", color="black", ms=7, label="one training example's sum + bias")
    ax.annotate("slope 0 at every dot:\nno learning signal passes", (float(s.mean()), 0.05), (float(s.mean()), 1.0),
                ha="center", va="bottom", fontsize=10, arrowprops=dict(arrowstyle="->", color=NOTE_INK, lw=1))
    _axes_lines(ax)
    ax.set(xlim=(-3, 2), ylim=(-0.3, 2.1), xlabel="weighted sum + bias", ylabel="ReLU output",
           title="a dead unit: every example lands on the flat part")
    ax.legend(loc="upper left", fontsize=9)
    return fig


SHORT_NAMES = {"silu": "SiLU", "gelu_tanh": "GELU (tanh)"}   # labels that fit the explorer's 190 px tick boxes


def _short(name):
    return SHORT_NAMES.get(name, activations.get(name).label)


def steepest(name, bounds=(0.0, 5.0)):
    """(x, slope) where a smooth elbow's slope is largest on the right of 0, found by a bounded search."""
    d = activations.get(name).derivative
    best = optimize.minimize_scalar(lambda x: -float(d(x)), bounds=bounds, method="bounded", options={"xatol": 1e-9})
    return float(best.x), float(-best.fun)


PROBE_LEFT = -1.5   # the explorer's first question: at x = -1.5, which slopes are 0, which flipped (below 0)?
PROBE_FAR = 8.0   # its second (pass 88): x range 10, probe at 8: which slopes are still about 1?


def explorer_answer():
    """The folded answer to 'at x = -1.5, which slopes pass no learning signal back, and which pass it back flipped?'
    (r52 change 3: ties the explorer to dead ReLU units and GELU's negative slope): ReLU's is 0, GELU's and SiLU's are
    below 0, the S curves' above (notebook 02; pass 68 cut the second question, on the tails at x = 4: tanh's section
    says it). Raises if the split changes."""
    left = {n: float(activations.get(n).derivative(PROBE_LEFT)) for n in TAUGHT}
    if not (left["relu"] == 0 and left["gelu"] < left["silu"] < 0 < min(left["sigmoid"], left["tanh"])):
        raise ValueError("the slopes at the left probe no longer split into none, flipped and passed on")
    m = lambda v: f"{v:.2f}".replace("-", "−")
    at = f"{PROBE_LEFT:g}".replace("-", "−")
    # pass 88 (r87 Interaction: no question used the x range slider): far right, the elbows keep slope 1, the S curves not
    far = {n: float(activations.get(n).derivative(PROBE_FAR)) for n in TAUGHT}
    if not (all(abs(far[n] - 1) < 0.01 for n in ("relu", "gelu", "silu")) and max(far["sigmoid"], far["tanh"]) < 0.001):
        raise ValueError("far right, the elbows no longer keep slope 1 and the S curves no longer go flat")
    return fold("Check your prediction", f"""
At $x = {at}$, ReLU's slope is 0: it passes no learning signal back.
GELU's ({m(left["gelu"])}) and SiLU's ({m(left["silu"])}) are below 0: they pass a little back, flipped.
Sigmoid's ({m(left["sigmoid"])}) and tanh's ({m(left["tanh"])}) pass some back, unflipped.

At $x = {PROBE_FAR:g}$, ReLU's, GELU's and SiLU's slopes are about 1: the signal passes back whole.
Sigmoid's and tanh's are below 0.001: far out, the S curves pass almost none back.
""")


def stand_in_user(model="GPT-2"):
    """The model the stand-in fold names, checked in the deployments table to use the tanh stand-in (r52)."""
    if [d.registry for d in DEPLOYMENTS if d.model == model] != ["gelu_tanh"]:
        raise ValueError(f"{model} no longer uses the tanh stand-in")
    return model


STAND_IN_BOUND = "a thousandth"   # the largest gap to the exact GELU is under 0.001 (tests check it)


def gelu_stand_in():
    """'For the curious': the tanh stand-in for GELU; its largest gap to the exact curve is checked in the tests
    (about 0.00047, near x = ±2.7, so under the fold's "a thousandth") (notebook 02)."""
    return fold("For the curious: a faster stand-in for GELU", f"""
$\\Phi$ has no short formula made of everyday operations.
So some code uses a stand-in built from tanh:

$$\\mathrm{{GELU}}(x) \\approx \\tfrac12\\, x \\left(1 + \\tanh\\!\\left[\\sqrt{{2/\\pi}}\\,(x + 0.044715\\, x^{{3}})\\right]\\right)$$

The two curves differ by less than {STAND_IN_BOUND}.
{stand_in_user()}'s code, for one, uses this stand-in.
""")


CORNERS_NET_ALT = ("The corners as a network: the input x goes to three ReLU units, each with weight 1 and bias 1.5, 0 "
                   "or -1.5, so their corners sit at x = -1.5, 0 and 1.5. Each unit's output goes to one output unit, "
                   "with no bend, through the weights t1, t2 and t3: it adds the three pieces")


@plots.styled
def corners_network(kinks=(-1.5, 0.0, 1.5)):
    """The corners widget as a network (notebook 02): x feeds one ReLU unit per corner k (weight 1, bias -k), and an
    output unit with no bend adds their outputs with the turns t1, t2, t3 as weights. Each unit's box wears its
    piece's colour and line style from the widget's lower panel."""
    fig, ax = plots.new_figure(760, 300)
    fig.set_label(CORNERS_NET_ALT)
    ax.set(xlim=(0, 10), ylim=(0, 4))
    ax.axis("off")
    styles = ["-", "-.", ":"]
    ax.text(0.8, 2.0, "input x", ha="center", va="center", fontsize=11,
            bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "black", "lw": 2})
    ax.text(9.0, 2.0, "output unit\nno bend:\nadds the pieces", ha="center", va="center", fontsize=11,
            bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "black", "lw": 2})
    for i, (k, y) in enumerate(zip(kinks, (3.45, 2.0, 0.55))):
        colour = plots.color("piece", i + 1)
        bias = f"{-k:+g}".replace("-", "−") if k else "0"
        inside = f"ReLU(x − {k:g})" if k > 0 else f"ReLU(x + {-k:g})" if k < 0 else "ReLU(x)"
        ax.text(5.0, y, f"{inside}\nweight 1, bias {bias}\ncorner at x = {k:g}".replace("-1", "−1"), ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": colour, "lw": 2, "ls": styles[i]})
        ax.annotate("", (3.9, y), (1.6, 2.0), arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.2})
        lift = 0.3 if y == 2.0 else 0.5 * np.sign(y - 2.0)   # each label off its own arrow, on the side away from x
        ax.annotate("", (7.8, 2.0 + (y - 2.0) * 0.25), (6.1, y), arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.6})
        ax.text(7.1, y + (7.1 - 6.1) / 1.7 * (2.0 + (y - 2.0) * 0.25 - y) + lift, f"weight t{'₁₂₃'[i]}", ha="center",
                va="center", fontsize=10, color="black")
    ax.set_title("first layer: one ReLU unit per corner; next layer: one unit adds them", fontsize=11)
    return fig
