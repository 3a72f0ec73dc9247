"""Chapter 03's pictures: slopes as the multiplier on the backward signal (a share, for sigmoid, tanh and ReLU), multiplied through many layers (notebook 03)."""

import html

import ipywidgets as widgets
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib import patheffects
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.patches import FancyArrowPatch, Polygon

from course_utils.engine import gradients, mlp
from course_utils.facts import activations, data
from course_utils.ui import plots, tables
from course_utils.ui.display import figure_alt, figure_png
from course_utils.ui.folded import FoldedPicture
from course_utils.ui.questions import choice_question
from course_utils.ui.livefigure import LiveFigure, LiveWidget, on_change, set_limits, slider

NAMES = ("sigmoid", "tanh", "relu", "gelu")   # the four bends of chapter 02
QUIET = "#444444"                             # near-flat zones and the too-small band: dark grey, a colour no bend uses
FLOW_LIMITS = (1e-6, 1e1)                     # one log scale for every bend and depth in gradient_flow
# pass 92 (r93 Picture: down to 10^-18 squeezed tanh, ReLU and GELU into the top strip): down to 10^-6 only; when
# sigmoid's layer 1 falls below, a triangle on the bottom edge marks it and the corner note says its value
CHAIN_LIMITS = (1e-20, 2.0)                   # one log scale for every x and depth: sigmoid at its best, 30 layers, up to 1
HE_LIMITS = (1e-6, 1e3)                       # he_slider: one log scale from half sqrt(1/n) to twice it, in 1,000x steps (r70: as the other two)
# dead_units: one map, both panels, on an even scale (r61: a square-root scale hid 0.25 against 0.5); white only at
# exactly 0, then a jump to a pale tint, so a unit passing 0.02 is still visibly tinted (r38)
SHARE_CMAP = LinearSegmentedColormap.from_list("share", [(0, "white"), (0.004, "#F8DDB0"), (0.5, "#E69F00"),
                                                         (1, "#5C3A00")])
SHARE_NORM = Normalize(0, 1)
FLOW_NOTE_SIZE = 11                           # gradient_flow: layer 1's share, bold in each panel's corner (r68, r72)
FLOW_STYLE = {"marker": "o", "ms": 4, "ls": "-", "lw": 1.6}   # gradient_flow: one bend per panel, one dot a layer


def label(name):
    """The bend's display name from the registry (Sigmoid, Tanh, ReLU, GELU)."""
    return activations.get(name).label


def value_text(v):
    """A slope as the picture labels it: two significant digits (three above 1), a true minus sign, never -0."""
    text = f"{v + 0.0:.3g}" if abs(v) >= 1 else f"{v + 0.0:.2g}"
    return text.replace("-", "\u2212")


SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def power_text(v):
    """A share to two significant digits; below 0.0001 as "9.5 × 10⁻⁷", never e-notation."""
    if v == 0 or abs(v) >= 1e-4:
        return f"{v + 0.0:.2g}"
    digits, power = f"{v:.1e}".split("e")
    return f"{digits} \u00d7 10{str(int(power)).translate(SUPERSCRIPT)}"


def readout_slope(v):
    """A widget readout's slope to three significant digits, as the text writes them (pass 90, r91 Focus: it printed
    four decimals, 0.2350); a tail's tiny slope as "7.4 × 10⁻⁶", never e-notation."""
    return sig(v) if v == 0 or abs(v) >= 1e-4 else power_text(v)


def sig(v):
    """A number to three significant digits, never printed as -0."""
    return f"{v + 0.0:.3g}"


def print_table(xs, names=NAMES, steepest=False):
    """Print the gradient table: each bend's slope at each x, to three significant digits; with steepest=True, each
    bend's steepest point under it (pass 81, r78 Focus: the chapter's call is plain, no steepest=False plumbing)."""
    table = activations.slope_table(names, xs)
    print(f"{'slope at':9s}" + "".join(f"{f'x = {x:g}':>10s}" for x in xs))
    for name in names:
        print(f"{label(name):9s}" + "".join(f"{sig(v):>10s}" for v in table[activations.canonical(name)]))
    if steepest:
        print()
        print_steepest()


def broken_at_jumps(x, y, jump=0.5):
    """x and y with a gap (y = NaN) wherever neighbours differ by more than `jump`: ReLU's slope leaps from 0 to 1 at
    its corner, and a joining line would suggest every slope in between."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    at = np.flatnonzero(np.abs(np.diff(y)) > jump) + 1
    return np.insert(x, at, (x[at - 1] + x[at]) / 2), np.insert(y, at, np.nan)


def corner_dots(ax, name="relu"):
    """ReLU's slope at its corner: a filled dot at (0, 0), the value software uses, and an open one at (0, 1)."""
    colour = plots.color(name)
    return (ax.plot([0], [0], "o", color=colour, ms=7, zorder=4)[0],
            ax.plot([0], [1], "o", color=colour, mfc="white", mew=1.8, ms=7, zorder=4)[0])


def _label_line(ax, x, y, name, dy=0.0, ha="left"):
    ax.text(x, y + dy, label(name), color=plots.color(name), ha=ha, va="center", fontweight="bold")


WATER = plots.color("water", 5)   # light blue from the fallback cycle: no bend uses it


@plots.styled
def bucket_line(share=0.5, layers=3):
    """The chapter's opening picture: the backward signal (a bucket of water) handed back from the output through `layers`
    layers, each bend passing on `share` of what it got; under each bucket, what that layer receives (layer 3 gets
    1/2, layer 2 gets 1/4, layer 1 gets 1/8), counted the same way as the text under the picture."""
    fig, ax = plots.new_figure(640, 230)
    spots = np.arange(layers + 1)[::-1]   # the output's bucket on the right, layer 1's on the left
    for k, spot in enumerate(spots):
        left = share ** k
        top, bottom, w_top, w_bottom = 1.0, 0.0, 0.27, 0.19
        ax.add_patch(Polygon([(spot - w_bottom, bottom), (spot + w_bottom, bottom), (spot + w_top, top),
                              (spot - w_top, top)], closed=True, fill=False, ec="#333333", lw=2))
        w_level = w_bottom + (w_top - w_bottom) * left
        ax.add_patch(Polygon([(spot - w_bottom, bottom), (spot + w_bottom, bottom), (spot + w_level, left),
                              (spot - w_level, left)], closed=True, color=WATER, lw=0))
        name = "the output has" if k == 0 else f"layer {layers + 1 - k} gets"   # what each layer receives
        ax.text(spot, -0.18, f"{name}\n{'all' if k == 0 else f'1/{round(1 / left)}'} of the signal", ha="center",
                va="top", fontsize=10)
        if k:
            ax.add_patch(FancyArrowPatch((spot + 0.7, 0.62), (spot + 0.3, 0.62), arrowstyle="-|>",
                                         mutation_scale=16, color="#333333"))
            ax.text(spot + 0.5, 0.5, f"layer {layers + 1 - k}'s\nbend\npasses\non half", ha="center", va="top",
                    fontsize=9)
    ax.set(xlim=(-0.6, layers + 0.6), ylim=(-0.62, 1.12), title="the backward signal, layer by layer")
    ax.set_axis_off()
    gets = ", ".join(f"layer {layers + 1 - k} gets 1/{round(1 / share ** k)}" for k in range(1, layers + 1))
    fig.set_label(f"Buckets of water handed back from the output, right, to layer 1, left. Each layer's bend passes "
                  f"on {'half' if share == 0.5 else f'{share:g}'} of what it got: {gets} of the signal.")
    return fig


@plots.styled
def hill(at=1.2):
    """The mistake as a valley over one learned number, the learner standing on its side: at the dot, the gradient points uphill and the number's nudge
    points the other way, downhill (notebook 03; the picture comes before either word is used)."""
    fig, ax = plots.new_figure(640, 280)
    w = np.linspace(-2.0, 2.0, 201)
    ax.plot(w, w ** 2, color="#333333", lw=2)
    y, slope = at ** 2, 2 * at
    ax.plot([at], [y], "o", color="black", ms=9, zorder=4)
    ax.text(at + 0.1, y - 0.1, "you are here", ha="left", va="top", fontsize=9)
    run = 0.3   # both arrows the same length, along the valley's side
    for sign, colour, text in ((1, plots.VANISHING, "gradient:\nthe way uphill\n(the mistake grows)"),
                               (-1, plots.HEALTHY, "its nudge:\nthe way downhill\n(the mistake shrinks)")):
        end = (at + sign * run, y + sign * slope * run)
        ax.add_patch(FancyArrowPatch((at, y), end, arrowstyle="-|>", mutation_scale=18, color=colour, lw=2.5,
                                     zorder=5))
        spot = (end[0] - 0.1, end[1] + 0.3, "right", "bottom") if sign > 0 else (end[0] + 0.1, end[1] - 0.3, "left", "top")
        ax.text(spot[0], spot[1], text, color=colour, ha=spot[2], va=spot[3], fontsize=10, fontweight="bold")
    ax.set(xlim=(-2.0, 2.0), ylim=(-1.1, 4.2), xticks=[], yticks=[], xlabel="one learned number (a weight)",
           ylabel="the mistake", title="the mistake as a valley: you stand on its side")
    ax.grid(False)
    fig.set_label("A U-shaped curve, a valley: the mistake against one weight. From a dot on its right side, the gradient's "
                  "arrow points uphill, where the mistake grows; the weight's nudge points the other way, downhill.")
    return fig


def print_steepest(names=("sigmoid", "tanh", "gelu")):
    """Each bend's steepest point on a fine grid, and its slope there; then GELU's lowest slope (below 0)."""
    lines = [f"{label(n):8s} steepest at x = {x:.2f}: slope {v:.3g}"
             for n, (x, v) in ((n, gradients.steepest(n)) for n in names)]
    x, v = gradients.lowest_slope("gelu")
    print("\n".join(lines + [f"GELU's slope is lowest at x = {x:.2f}: slope {v:.2g}"]))


@plots.styled
def slope_curves(marks=(-3.0, 3.0)):
    """The four slope curves on one shared scale, each with its own dash, and dotted lines at the marked x with each
    bend's slope there listed beside (notebook 03); ReLU's slope in two pieces, its corner's value (0) a filled dot,
    the 1 it jumps to an open one. Pass 82 (r80 Picture: ReLU's line, GELU's tail, grey dashes and two rings crowded
    slope 1): no grey line at 1 (ReLU's right half is that line), no dots at the marks (their values are listed), and
    GELU dotted over ReLU's solid line, so its tail reads apart from it."""
    fig, ax = plots.new_figure(640, 330)
    x = np.linspace(-5.0, 5.0, 401)
    for name in NAMES:
        act = activations.get(name)
        wide = {"lw": 3.2} if name == "relu" else {"lw": 2.2, "zorder": 3}   # ReLU under, the others drawn on top
        ax.plot(*broken_at_jumps(x, act.derivative(x)), color=plots.color(name), **plots.line_style(name), **wide)
    corner_dots(ax)
    for m in marks:
        ax.axvline(m, color=plots.MUTED, ls=":", lw=1.2)
    ax.axhline(0, color=plots.MUTED, lw=0.8, zorder=1)   # under the curves: ReLU's slope-0 half stays visible
    for name, (lx, ly, ha) in {"relu": (3.9, 0.86, "left"), "gelu": (1.1, 1.2, "left"),
                               "tanh": (-0.68, 0.75, "right"), "sigmoid": (-2.3, 0.17, "right")}.items():
        _label_line(ax, lx, ly, name, ha=ha)
    for m, tx in ((marks[0], -4.9), (marks[-1], 3.2)):   # each bend's value at the dotted line, listed beside it
        values = {n: float(activations.get(n).derivative(np.asarray(m))) for n in NAMES}
        ax.text(tx, 0.74, f"at x = {value_text(m)}:", fontsize=9, va="center")
        for k, name in enumerate(sorted(NAMES, key=lambda n: -values[n])):   # highest value on top
            ax.text(tx, 0.62 - 0.11 * k, f"{label(name)} {value_text(values[name])}", color=plots.color(name),
                    fontsize=9, va="center")
    ax.set(xlim=(-5, 5), ylim=(-0.2, 1.3), xlabel="x (what the bend receives)",
           ylabel="slope: multiplier on the signal", title="each bend's slope; dotted lines at x = −3 and x = +3")
    at = "; ".join(f"at x = {value_text(m)}: " + ", ".join(
        f"{label(n)} {value_text(float(activations.get(n).derivative(np.asarray(m))))}" for n in NAMES) for m in marks)
    fig.set_label("The four bends' slopes against x, each with its own dash. Sigmoid's is a low hump, at most 0.25; "
                  "tanh's a tall hump, 1 at x = 0; ReLU's jumps from 0 to 1 at x = 0, a filled dot at 0 and an open "
                  "one at 1; GELU's dips just below 0 on the left and climbs a little above 1 on the right, then "
                  f"settles onto ReLU's line at 1. Dotted lines at x = −3 and x = +3, slopes listed: {at}.")
    return fig


@plots.styled
def near_flat_strips(threshold=0.01, span=8.0):
    """One strip per bend over x: dark grey in its near-flat zones (slope size below threshold, the wide zones of
    gradients.quiet_zones, and GELU's hair-thin band where its slope passes through 0, gradients.inner_zones), green
    elsewhere; the title says "slope size", since GELU's slope of -0.13 is below 0.01 but its size is not."""
    fig, ax = plots.new_figure(640, 260)
    x = np.linspace(-span, span, 1601)
    for row, name in enumerate(NAMES[::-1]):
        left, right = gradients.quiet_zones(name, threshold)
        quiet = (x <= left if name == "relu" else x < left) | (False if right is None else x > right)
        for a, b in gradients.inner_zones(name, threshold):   # GELU: -0.77 .. -0.73, a hair-thin dark line
            quiet |= (x >= a) & (x <= b)
        colours = np.where(quiet, QUIET, plots.HEALTHY)
        ax.scatter(x, np.full_like(x, row), c=colours, marker="|", s=300, linewidths=1)
    ax.set_yticks(range(len(NAMES)), [label(n) for n in NAMES[::-1]])
    ax.axvline(0, color="black", lw=0.8)
    ax.set(xlim=(-span, span), ylim=(-1.1, len(NAMES) - 0.4), xlabel="x (what the bend receives)",
           title=f"dark grey: slope size below {threshold:g} (near-flat zone)\n"
                 f"green: at least {threshold:.0%} of the signal passes")
    ax.grid(False)
    for a, b in gradients.inner_zones("gelu", threshold):   # r37: the hair-thin band is found by its label
        row = NAMES[::-1].index("gelu")
        ax.annotate("GELU: hair-thin band", xy=((a + b) / 2, row - 0.3), xytext=((a + b) / 2, row - 1.0),
                    ha="center", va="bottom", fontsize=9, arrowprops={"arrowstyle": "-|>", "color": "#222222"})
    zones = []
    for name in NAMES:
        left, right = gradients.quiet_zones(name, threshold)
        where = [f"x {'≤' if name == 'relu' else '<'} {left:g}"] + ([] if right is None else [f"x > {right:g}"])
        for a, b in gradients.inner_zones(name, threshold):   # r40: "lowest point" read as the slope's lowest
            grid = np.linspace(a, b, 2001)
            zero = grid[np.argmin(np.abs(activations.get(name).derivative(grid)))]
            where.append(f"a hair-thin band at x ≈ {zero:.2f}, the bottom of its dip, where its slope crosses 0")
        zones.append(f"{label(name)} for {' and '.join(where)}")
    fig.set_label(f"One strip per bend, x from {-span:g} to {span:g}: dark grey where its slope size is below "
                  f"{threshold:g}, green elsewhere. Near-flat: {'; '.join(zones)}.")
    return fig


@plots.styled
def nudge_chain(depth=5, share=4):
    """What is left of the backward signal after each layer, on one linear scale: sigmoid at its best (1/share per layer) against ReLU on its active side."""
    fig, axes = plots.new_figure(640, 300, 1, 2, sharey=True)
    layers = np.arange(0, depth + 1)
    for ax, name, keep in ((axes[0], "sigmoid", share), (axes[1], "relu", 1)):
        left = 1.0 / keep ** layers   # sigmoid at its best passes on 1/4 of the signal per layer
        ax.bar(layers, left, color=plots.color(name), width=0.7)
        for k in layers:
            ax.text(k, 1.0 / keep ** k + 0.03, "1" if keep ** k == 1 else f"1/{keep ** k}", ha="center", fontsize=9)
        ax.set(xticks=layers, xlabel="layers passed", title=f"{label(name)}: × {1 / keep:g} per layer")
    axes[0].set(ylim=(0, 1.15), ylabel="share of the signal left")
    fig.set_label(f"Two bar charts of the share of the signal left after 0 to {depth} layers, on one scale. "
                  f"{label('sigmoid')} at its best: " + ", ".join("1" if k == 0 else f"1/{share ** k}" for k in layers)
                  + f". {label('relu')} on its active side: 1 after every layer.")
    return fig


def depth_limits(depth, least=5):
    """The x-axis of the chain and flow pictures: layers 1 to the chosen depth (at least `least` wide), a half step either side."""
    return (0.5, max(depth, least) + 0.5)


def depth_ticks(depth):
    """Layer 1, then every 5th (depth up to 15) or 10th layer, up to the chosen depth."""
    step = 5 if depth <= 15 else 10
    return [1, *range(step, depth + 1, step)]


@plots.styled
def chain_product(x=1.0, depth=10, max_depth=30):
    """Every layer's bend receives the same x: the product of slopes through depth, on one fixed log scale (notebook 03)."""
    live = LiveFigure(640, 410, fast_axes=True)  # ticks painted once by tickpainter (tests/test_tickpainter.py reads them)
    ax = live.axes[0]
    ax.set_yscale("log")
    ax.set(xlim=depth_limits(depth), ylim=CHAIN_LIMITS, xlabel="number of layers",
           ylabel="share of the signal left")
    ks = np.arange(1, max_depth + 1)
    best = float(activations.get("sigmoid").derivative(0.0))
    best_line = live.moving(ax.plot([], [], color=plots.color("sigmoid"), lw=1.2, ls="--", alpha=0.7,
                                    label=f"Sigmoid at its best (x = 0): × {best:g}")[0])   # stops at the chosen depth
    ax.axhline(1e-6, color=plots.MUTED, lw=1)
    corner = ax.get_yaxis_transform()   # x in axes fraction, y in data: stays at the right edge as the axis follows the depth
    ax.text(0.02, 2e-6, "one millionth", transform=corner, ha="left", va="bottom", color="#555555")   # left: off the dashed line, which ends near it
    names = ("sigmoid", "tanh", "relu")
    marks = {"sigmoid": "o", "tanh": "s", "relu": "^"}   # solid, each its own mark: dashed means "at its best"
    lines = {n: live.moving(ax.plot([], [], marker=marks[n], ms=4, color=plots.color(n),
                                    label=f"{label(n)} at the chosen x")[0])
             for n in names}
    note = live.moving(ax.text(0.98, 3e-19, "ReLU: slope 0, nothing gets through", color=plots.color("relu"),
                               transform=corner, ha="right", fontweight="bold"))
    below = live.moving(ax.text(0.98, 1e-9, "", color="#444444", ha="right", transform=corner))   # a line that leaves the scale says so
    ax.set_xticks(depth_ticks(depth))
    depth_line = live.moving(ax.axvline(depth, color=plots.MUTED, lw=1.2, ls=":"))
    title = live.moving(ax.set_title("every layer at x = -0.00, 30 layers"))   # the chosen x, in the still too
    legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, fontsize=9)   # under the plot, off the lines
    sliders = {"x": slider("x every layer sees", x, -3.0, 3.0, 0.05),
               "depth": widgets.IntSlider(value=depth, min=1, max=max_depth, description="depth (layers)",
                                          continuous_update=True, style={"description_width": "initial"},
                                          layout=widgets.Layout(width="420px"))}
    readout = widgets.HTML()

    def update():
        xv, d = sliders["x"].value, sliders["depth"].value
        rows, gone = [], []
        for n in names:
            left = mlp.chain_product(n, xv, d)[1]
            if 0 < left[-1] < CHAIN_LIMITS[0]:
                gone.append(label(n))
            lines[n].set_data(ks[:d], np.where(left > 0, left, np.nan))
            lines[n].set_visible(bool(left[0] > 0))   # a zero has no place on a log scale
            rows.append((label(n), sig(float(activations.get(n).derivative(xv))), power_text(left[-1])))
        note.set_visible(not lines["relu"].get_visible())
        below.set_text(f"{' and '.join(gone)}: off the bottom\n(the table gives the number)" if gone else "")
        best_line.set_data(ks[:d], best ** ks[:d].astype(float))
        depth_line.set_xdata([d, d])
        if set_limits(live, ax, xlim=depth_limits(d)):   # r72: the x-axis follows the depth slider, no empty two-thirds
            ax.set_xticks(depth_ticks(d))
        title.set_text(f"every layer at x = {xv:.2f}, {d} layers")
        live.render()
        readout.value = tables.html_table(["bend", f"slope at x = {xv:.2f}", f"left after {d} layers"], rows)

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [*sliders.values(), readout, live.image], live,
        "Chain product: drag x and the depth (static picture below)",
        sliders=sliders, readout=readout, lines=lines, legend=legend, note=note, best_line=best_line, title=title,
        below=below,
    )


@plots.styled
def he_slider(size=1.0, depth=10, low=0.5, high=2.0):
    """Drag the starting weights' size (times sqrt(1/n)) and watch the backward signal through a
    fresh ReLU network: below about sqrt 2 it shrinks layer by layer, above it grows (notebook 03).

    ReLU passes a positive factor through unchanged, so scaling every weight by s only switches no unit on or off: the
    signal reaching layer k is s^(depth - k) times its size at s = 1. So one average at He's size gives every size
    exactly: over 3,000 networks, stored (gradients.HE_SHARES) at depth 10, else over 200 (gradients.handed_back).
    """
    live = LiveFigure(640, 330, fast_axes=True)   # ticks painted once by tickpainter
    ax = live.axes[0]
    ax.set_yscale("log")
    layers = np.arange(1, depth + 1)
    at_he = np.array(gradients.HE_SHARES) if depth == 10 else gradients.handed_back(1.0, depth)   # He: sqrt 2 x sqrt(1/n)
    ax.set(xticks=layers, xlim=(0.5, depth + 0.5), ylim=HE_LIMITS, xlabel="layer (1 = nearest the input)",
           ylabel=f"backward signal, as a\nshare of layer {depth}'s")
    # pass 90 (r91 Picture: this axis read 0.000001 where the chain and flow read 10⁻⁶): one label style, theirs
    ax.set_yticks(10.0 ** np.arange(-6, 4, 3))   # each step 1,000x, labelled 10⁻⁶ ... 10³ as in the chain and flow
    ax.minorticks_off()
    ax.axhline(1, color=plots.MUTED, lw=1, ls="--")
    ax.text(0.7, 0.75, f"dashes: same size as layer {depth}", ha="left", va="top", color="#555555")
    line = live.moving(ax.plot([], [], "o-", color=plots.color("relu"), ms=5)[0])
    first = live.moving(ax.plot([], [], "o", ms=12, mfc="none", mec="#222222", mew=1.8)[0])
    title = live.moving(ax.set_title(""))
    sliders = {"size": slider("starting weights \u00d7 \u221a(1/n)", size, low, high, 0.01)}
    readout = widgets.HTML()

    def shares(s):
        return at_he * (s / np.sqrt(2)) ** (depth - layers)

    def update():
        s = sliders["size"].value
        left = shares(s)
        line.set_data(layers, left)
        first.set_data([1], [left[0]])
        title.set_text(f"fresh ReLU nets (average of many), weights \u00d7 {s:.2f} \u221a(1/n)")
        live.render()
        readout.value = (f"Starting weights {s:.2f} \u00d7 \u221a(1/n). Layer 1's backward signal: "
                         f"<b>{power_text(left[0])}</b> × layer {depth}'s.")   # r40: name what it measures

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["size"], readout, live.image], live,
        "He start: drag the starting weights' size (static picture below)",
        sliders=sliders, readout=readout, lines={"relu": line}, first=first, title=title, shares=shares,
    )


def sigmoid_question():
    """Why deep networks avoid sigmoid inside their layers: four causes of similar length, each wrong one naming its
    misconception (notebook 03; chapter 02's choice_question)."""
    return choice_question(
        "Why do deep networks avoid sigmoid as the main bend of their hidden layers?",
        [("Slow: a unit computes eˣ (an exponential).", False,
          "True, but minor: it costs little. GELU's tanh form needs an eˣ too. "
          "One exponential per unit is cheap next to the weight multiplications feeding that unit. "
          "D is the main reason: the fading backward signal."),   # pass 87 (r86): "true but minor", D named; pass 88c (r88
          # Correctness): not "tanh and GELU cost as much": GELU needs erf (or a tanh formula), and tanh is rarely the
          # main hidden bend of deep networks; pass 110 (r112): no cost ranking, only that BERT's and GPT-2's GELU
          # (the tanh formula, facts.deployments) needs an exponential too; "well-known", not "large", language models; pass 111
          # (r114 #5: exact GELU uses erf): "GELU's tanh form", the one BERT and GPT-2 use
         ("It has a corner, where its slope jumps.", False,
          "No: a corner describes ReLU, not sigmoid. Sigmoid is smooth everywhere, with no sharp point. ReLU's slope "
          "jumps from 0 to 1 at its corner, x = 0."),
         ("Its units stop: slope 0 on every point.", False,
          "No: dead units describe ReLU, not sigmoid. In exact maths, sigmoid's slope is never 0, so its units never "
          "stop for good."),
         ("Its slope is at most ¼, so the signal fades.", True,
          "Right: each sigmoid bend passes on at most a quarter. From the bends alone, ten layers leave under a "
          "millionth. In the real network's first random start, at 10 layers, layer 1 got under a ten-thousandth.")],
        "Question: why do deep networks avoid sigmoid as the main bend of their hidden layers? (run the notebook to answer)",
        feedback_offline=True)   # r68: a reader without a kernel saw no feedback for the wrong letters


@plots.styled
def gradient_flow(depth=10, max_depth=30, width=32, seed=0, threshold=0.01):
    """A real random network: each layer's backward signal against the last layer's, one wide panel per bend (2 x 2) on one
    shared, fixed log y-axis; one small dot per layer, and layer 1 ringed and labelled with its share (notebook 03)."""
    live = LiveFigure(680, 470, 2, 2, sharex=True, sharey=True, fast_axes=True)  # ticks painted once by tickpainter
    lines, firsts, notes, exits = {}, {}, {}, {}
    for ax, n in zip(live.axes, NAMES):
        ax.set_yscale("log")
        ax.set(xlim=depth_limits(depth), ylim=FLOW_LIMITS)
        ax.set_title(label(n), color=plots.color(n), fontweight="bold", fontsize=12)
        ax.axhspan(FLOW_LIMITS[0], threshold, color=QUIET, alpha=0.15, lw=0)
        ax.axhline(threshold, color=QUIET, lw=1.0)   # the band's top edge; its value is named once, below the panels
        # r45: an in-panel label on the edge had the line through it and covered sigmoid's dots: every spot on the edge
        # is crossed by sigmoid's dots at some depth, so the edge's value is said once in the caption under the panels
        ax.axhline(1, color=plots.MUTED, lw=0.8, ls="--")
        lines[n] = live.moving(ax.plot([], [], color=plots.color(n), label=label(n), **FLOW_STYLE)[0])
        firsts[n] = live.moving(ax.plot([], [], "o", ms=11, mfc="none", mec="#222222", mew=1.8)[0])
        exits[n] = live.moving(ax.plot([], [], "v", ms=12, color="#222222", clip_on=False)[0])   # layer 1 off the axis
        exits[n].set_in_layout(False)   # an unclipped artist would otherwise collapse the constrained layout
        # r68: on a log scale down to 10^-18, 0.92, 0.41 and 0.34 looked alike: layer 1's share is printed large
        # r72: the large boxed label covered the panel: a small one-line label in the empty bottom-right corner
        notes[n] = live.moving(ax.text(0.97, 0.04, "", transform=ax.transAxes, ha="right", va="bottom",
                                       fontsize=FLOW_NOTE_SIZE, fontweight="bold", color="#222222"))
        ax.set_xticks(depth_ticks(depth))
        ax.set_yticks(10.0 ** np.arange(-6, 1, 3))   # each labelled step down is 1,000 times smaller
        ax.minorticks_off()
    live.figure.supylabel("backward signal, as a share of the last layer's", fontsize=10)   # one label: two overlapped
    live.figure.supxlabel("layer (1 = nearest the input, ringed; the last layer is nearest the output)\n"
                          f"grey band: below the solid grey line at {threshold:g}, under a hundredth of the last layer's", fontsize=10)
    legend = None   # each panel's title names its bend: no legend to cover the data
    sliders = {"depth": widgets.IntSlider(value=depth, min=2, max=max_depth, description="depth (layers)",
                                          continuous_update=True, style={"description_width": "initial"},
                                          layout=widgets.Layout(width="420px"))}
    readout = widgets.HTML()
    start = {"seed": seed}   # r52: a reader asked to re-draw the starting weights; each press takes the next seed
    redraw = widgets.Button(description="new random start", icon="refresh",
                            tooltip="draw new random starting weights (and new data points)")

    def update():
        d = sliders["depth"].value
        rows = []
        if set_limits(live, live.axes[0], xlim=depth_limits(d)):   # r72: the x-axis follows the depth slider
            for ax in live.axes:
                ax.set_xticks(depth_ticks(d))
        for n in NAMES:
            norms = gradients.signal_flow(n, d, width=width, seed=start["seed"])
            rel = norms / norms[-1]
            lines[n].set_data(np.arange(1, d + 1), rel)
            firsts[n].set_data([1], [rel[0]])
            below = rel[0] < FLOW_LIMITS[0]
            exits[n].set_data([1] if below else [], [FLOW_LIMITS[0]] if below else [])
            notes[n].set_text(f"layer 1's signal: {power_text(rel[0])}" + (" ▼" if below else ""))
            # off the axis, the line rises through the bottom-right corner: the note moves to the empty top left
            notes[n].set_position((0.03, 0.96) if below else (0.97, 0.04))
            notes[n].set_horizontalalignment("left" if below else "right")
            notes[n].set_verticalalignment("top" if below else "bottom")
            rows.append((label(n), f"{int(np.sum(rel < threshold))} of {d}", power_text(rel[0])))
        live.render()
        readout.value = (f"Random start {start['seed'] - seed + 1}. "
                         + tables.html_table(["bend", f"layers in the grey band (below {threshold:g})",
                                              "layer 1's signal (× the last layer's)"], rows))

    def new_start(_button=None):
        start["seed"] += 1
        update()

    redraw.on_click(new_start)
    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [widgets.HBox([sliders["depth"], redraw]), readout, live.image], live,
        "Gradient flow: drag the depth, or draw a new random start (static picture below)",
        sliders=sliders, readout=readout, lines=lines, legend=legend, firsts=firsts, notes=notes, exits=exits, redraw=redraw,
        start=start,
    )



STEP_GREY = "#333333"   # the first widget's step-and-rise bracket: no bend's colour
# pass 82 (r80 Picture: sigmoid's tangent line was small in a -1.2..2 range): the top panel is taller and its range
# just holds tanh's -1 to 1 and sigmoid's 0 to 1, so a slope of 0.24 rises visibly; one range for every bend, so the
# learner can still compare two tangent lines' steepness by eye (ReLU and GELU leave the top beyond x = 1.3)
TABLE_OUTPUT_LIMITS = (-1.15, 1.3)
TABLE_HEIGHTS = (1.4, 1)


def output_limits(y, room=0.25):
    """The first widget's top-panel range for a touching point at height y: TABLE_OUTPUT_LIMITS, its top raised in
    half steps only when the point would sit under `room` of the top (ReLU and GELU right of about 1), so the point and
    its tangent line stay in view; sigmoid and tanh always get the one fixed range."""
    lo, hi = TABLE_OUTPUT_LIMITS
    return lo, hi if y + room <= hi else float(np.ceil((y + room) * 2) / 2)


@plots.styled
def gradient_table(x=1.0, x_range=5.0, half=1.5, tangent="sigmoid"):
    """Each bend at a slider-chosen x: top, the chosen bend alone and its tangent line at x (its steepness is the
    slope; r63: four curves there, three faded, made the panel busy; r67: a four-bend legend over one drawn bend read
    as a mistake, so the key sits in the bottom panel, which draws all four, and the top panel's title names its bend);
    bottom, each slope curve traced from the left up to x; a table of each slope at x (notebook 03).

    The slope curves are drawn only up to the chosen x, so the learner finds GELU's bump above 1 by dragging.
    """
    live = LiveFigure(640, 520, 2, 1, sharex=True, height_ratios=TABLE_HEIGHTS)   # pass 82: taller, for the top panel
    ax_v, ax = live.axes
    grid = np.linspace(-x_range, x_range, 401)
    ax_v.set(ylim=TABLE_OUTPUT_LIMITS, ylabel="bend's output")   # one range for every bend: steepness compares
    title = live.moving(ax_v.set_title("GELU, with its tangent line at the chosen x"))   # names the chosen bend
    ax_v.axhline(0, color="black", lw=0.8)
    bends = {n: live.moving(ax_v.plot(grid, plots.finite(activations.get(n)(grid)), color=plots.color(n), lw=1.6,
                                      label=label(n), **plots.line_style(n))[0])
             for n in NAMES}   # only the chosen bend shown
    tangents = {n: live.moving(ax_v.plot([], [], color="black", lw=2, ls="-",   # solid: sigmoid's own curve is dashed
                                         path_effects=[patheffects.withStroke(linewidth=4.5, foreground="white")])[0])
                for n in NAMES}   # one shown at a time (near x = 0.5 the four would overlap), outlined to stand out
    touch = {n: live.moving(ax_v.plot([], [], "o", color=plots.color(n), ms=7, mec="black")[0]) for n in NAMES}
    # pass 79 (r75: "count each black line's rise over one step right" had no guide): the tangent picture's bracket,
    # one step right along the chosen tangent and its rise, moving with x (the step ends at x near the right edge)
    # dark grey, not the tangent picture's orange: here orange is sigmoid's colour
    behind = {"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1}
    step = live.moving(ax_v.plot([], [], color=STEP_GREY, lw=2, ls="--", zorder=4)[0])
    run_label = live.moving(ax_v.text(0, 0, "1 step right", ha="center", va="top", fontsize=9, color=STEP_GREY,
                                      fontweight="bold", bbox=behind, zorder=5))
    rise_label = live.moving(ax_v.text(0, 0, "", ha="left", va="center", fontsize=9, color=STEP_GREY,
                                       fontweight="bold", bbox=behind, zorder=5))
    ax.set(xlim=(-x_range, x_range), ylim=(-0.2, 1.3), xlabel="x", ylabel="slope: multiplier on the signal",
           title="slopes, traced from the left up to the chosen x")
    ax.axhline(0, color="black", lw=0.8)
    ax.axhline(1, color=plots.MUTED, lw=0.8, ls="--")
    slopes = {n: plots.finite(activations.get(n).derivative(grid)) for n in NAMES}
    traced = {n: live.moving(ax.plot([], [], color=plots.color(n), label=label(n), **plots.line_style(n))[0])
              for n in NAMES}
    dots = {n: live.moving(ax.plot([], [], "o", color=plots.color(n), ms=8)[0]) for n in NAMES}
    ax.legend(handles=list(traced.values()), loc="center right", ncols=2, fontsize=9)   # right, between 0.2 and 0.9: no curve there
    corner = [live.moving(dot) for dot in corner_dots(ax)]   # shown once the trace has passed ReLU's corner
    marker = live.moving(ax.axvline(x, color=plots.MUTED, lw=1.2, ls=":"))
    marker_v = live.moving(ax_v.axvline(x, color=plots.MUTED, lw=1.2, ls=":"))
    # r47: the slopes as numbers, in the picture itself (top left, where every slope curve is near 0), so a ratio such
    # as sigmoid's over tanh's at x = 3 can be read off, not guessed from two dots on the floor
    box = {"head": live.moving(ax.text(0.015, 0.96, "", transform=ax.transAxes, ha="left", va="top", fontsize=9))}
    for k, n in enumerate(NAMES):
        box[n] = live.moving(ax.text(0.015, 0.82 - 0.12 * k, "", transform=ax.transAxes, ha="left", va="top",
                                     fontsize=9, color=plots.color(n), fontweight="bold",
                                     bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 1}))
    sliders = {"x": slider("x", x, -x_range, x_range, 0.05)}
    pick = widgets.ToggleButtons(options=[(label(n), n) for n in NAMES], value=tangent, description="tangent line:",
                                 style={"description_width": "initial", "button_width": "80px"})
    readout = widgets.HTML()

    def update():
        xv = sliders["x"].value
        rows = []
        for n in NAMES:
            act = activations.get(n)
            y, d = float(act(xv)), float(act.derivative(xv))
            dots[n].set_data([xv], [d])
            touch[n].set_data([xv], [y])
            touch[n].set_visible(n == pick.value)   # four dots would sit on top of each other; the bottom panel keeps all four
            tangents[n].set_data([xv - half, xv + half], [y - half * d, y + half * d])   # steepness = the slope
            tangents[n].set_visible(n == pick.value)
            bends[n].set(lw=3.2, visible=n == pick.value)
            if n == pick.value:
                title.set_text(f"{act.label}, with its tangent line at the chosen x")
                x0 = xv if xv + 1 <= x_range else xv - 1   # one step right along the tangent, inside the panel
                y0 = y + (x0 - xv) * d
                step.set_data([x0, x0 + 1, x0 + 1], [y0, y0, y0 + d])
                run_label.set_position((x0 + 0.5, min(y0, y0 + d) - 0.1))
                rise_label.set_position((x0 + 1.08, y0 + d / 2))
                rise_label.set_text(f"{sig(abs(d))} {'up' if d >= 0 else 'down'}")   # the list's rounding (r84)
                set_limits(live, ax_v, ylim=output_limits(y))
            seen = grid <= xv
            traced[n].set_data(*broken_at_jumps(np.append(grid[seen], xv), np.append(slopes[n][seen], d)))
            rows.append((act.label, readout_slope(d)))   # pass 90 (r91 Focus): three digits, as the text
            box[n].set_text(f"{act.label} {sig(d).replace('-', chr(0x2212))}")
        box["head"].set_text(f"slopes at x = {value_text(round(xv, 2))}:")
        for dot in corner:
            dot.set_visible(xv > 0)
        marker.set_xdata([xv, xv])
        marker_v.set_xdata([xv, xv])
        live.render()
        readout.value = tables.html_table(["bend", f"slope at x = {xv:.2f} (multiplier on the signal)"], rows)

    on_change([*sliders.values(), pick], update)
    update()
    return LiveWidget(
        [sliders["x"], pick, readout, live.image], live,
        "Gradient table: drag x (static picture below)",
        sliders=sliders, readout=readout, lines=dots, traced=traced, tangents=tangents, pick=pick, title=title,
        bends=bends, corner=corner, touch=touch, box=box, step=step, rise_label=rise_label,
    )


@plots.styled
def dead_unit(lr=0.1, seed=0, layer=0):
    """Left, the data: the spiral's 400 points on their two arms (the learner has not met them yet). Right, what one
    living and one dead ReLU unit receive on those points, after training at a large rate."""
    X, y = data.spiral()
    net = mlp.train(X, y, "relu", dims=gradients.DIMS, lr=lr, epochs=100, seed=seed, optimizer="adam").network
    z = gradients.unit_inputs(net, X, layer)
    dead = np.all(z <= 0, axis=1)
    picks = {"a living unit": z[np.argmax(np.mean(z > 0, axis=1))], "a dead unit": z[np.argmax(dead)]}
    fig, grid = plots.new_figure(800, 360, 2, 2, sharex="col", width_ratios=(1.25, 2.3))
    for ax in grid[:, 0]:
        ax.remove()
    ax_data, axes = fig.add_subplot(grid[0, 0].get_gridspec()[:, 0]), grid[:, 1]
    t = np.asarray(y).ravel()
    for cls, colour, mark, word in ((0, plots.ACCENT, "o", "one arm"), (1, plots.VANISHING, "^", "the other")):
        ax_data.scatter(*X[t == cls].T, s=9, color=colour, marker=mark, lw=0, alpha=0.45)   # shape as well as colour
    # Each arm drawn as a line over its faint points, with a dot where it starts: a reader saw rings, not spirals.
    for (c0, c1), colour, dash, word in zip(data.spiral_arms(400), (plots.ACCENT, plots.VANISHING), ("-", "--"),
                                            ("one arm", "the other")):
        ax_data.plot(c0, c1, color=colour, lw=2, ls=dash, zorder=3, label=word)
        ax_data.plot(c0[:1], c1[:1], "o", color=colour, ms=7, mec="black", zorder=4)
    ax_data.set(aspect="equal", xticks=[], yticks=[], xlim=(-1.15, 1.15), ylim=(-1.15, 1.6),
                title=f"the data: {len(X)} points,\ntwo spiral arms\n(big dot: an arm's start)")
    ax_data.legend(loc="upper center", ncols=2, fontsize=8, handletextpad=0.4, columnspacing=0.8, borderaxespad=0.2)
    ax_data.grid(False)
    bins = np.linspace(min(v.min() for v in picks.values()), max(v.max() for v in picks.values()), 41)
    for ax, (title, inputs) in zip(axes, picks.items()):
        ax.axvspan(bins[0], 0, color=plots.MUTED, alpha=0.2, lw=0)
        ax.hist(inputs, bins=bins, color=plots.color("relu"))
        ax.axvline(0, color="black", lw=1)
        share = np.mean(inputs > 0)
        ax.set_title(f"{title}: {share:.0%} of the points give it a sum above 0", loc="left", fontsize=11)
        ax.set_ylabel("points")
    axes[1].set_xlabel("its sum (what it receives, before ReLU), one count per point\n"
                       "(grey side: ReLU gives 0 there, and its slope is 0)")   # under the two histograms only
    shares = {title: np.mean(inputs > 0) for title, inputs in picks.items()}
    fig.set_label(f"Left: the data, {len(X)} points on two spiral arms. Right: what two layer-1 ReLU units receive "
                  f"after training, one count per point. A living unit: {shares['a living unit']:.0%} of the points "
                  f"give it a sum above 0. A dead unit: {shares['a dead unit']:.0%}, every sum at or below 0.")
    return fig


@plots.styled
def dead_share_bars(start, trained):
    """Dead shares on one 0-100 % scale: fresh networks by bias shift (left), trained ReLU by rate (right; the fixes cannot die).

    start: {shift: [share per seed]}; trained: {(bend, lr): [(dead share, right share) per seed]}.
    """
    fig, (ax_s, ax_t) = plots.new_figure(700, 320, 1, 2, sharey=True, width_ratios=(1, 1.3))
    for i, (shift, shares) in enumerate(start.items()):
        _bar_with_seeds(ax_s, i, [100 * v for v in shares], plots.color("relu"))
    ax_s.set_xticks(range(len(start)), [f"{s:g}" for s in start])
    ax_s.set(xlabel="starting biases moved down by", ylabel="dead units (%)", ylim=(0, 108), title="before training")
    for i, ((bend, lr), runs) in enumerate(trained.items()):
        if bend == "relu":
            _bar_with_seeds(ax_t, i, [100 * d for d, _ in runs], plots.color(bend))
        else:   # a slope never 0 on a stretch: no unit can die, so there is nothing to measure
            ax_t.text(i, 4, "cannot\ndie:\nslope\nnever 0", ha="center", va="bottom", fontsize=9, color="#444444")
    ax_t.set_xticks(range(len(trained)), [f"{label(b).split(' (')[0]}\nrate {lr:g}" for b, lr in trained])
    ax_t.set(title="after 100 training steps")
    ax_t.text(len(trained) - 0.5, 104, "bar: mean   dot: one seed", ha="right", va="top", color="#444444")
    return fig


def _bar_with_seeds(ax, i, percents, colour):
    """One bar at the mean, a black dot per seed, and the mean written above (a 0 % bar is still readable)."""
    mean = float(np.mean(percents))
    ax.bar(i, mean, color=colour, width=0.6)
    ax.plot([i] * len(percents), percents, "o", color="black", ms=4)
    ax.text(i, max(percents) + 2, f"{mean:.0f}%", ha="center", va="bottom", fontsize=10)


DEAD_MARK = {"marker": "X", "ms": 10, "mew": 0}   # a dead ReLU unit, in dead_units
DEAD_LABEL = "unit (\u00d7: dead, passes none of the signal back)"
RING_LABEL = "unit (\u25cb: below 0 on every point, yet passes 0.01 of the signal back)"


@plots.styled
def dead_units(shift=0.0, seed=0, max_shift=2.5):
    """A fresh network's 96 hidden units on the spiral: drag every bias down and watch ReLU units die, Leaky ones stay (notebook 03).

    Each square is one unit, shaded by its mean slope over the 400 points (the share of the signal it
    passes back). A cross marks a ReLU unit with slope 0 on every point (dead); a ring marks a Leaky
    unit below 0 on every point, which still passes 0.01. Both panels use one colour
    map on one 0-1 scale with one colour bar, so their squares compare at a glance. It opens with no shift (6 dead), so
    its first frame does not hint at the answer to the chapter's question (a shift of 1: most die).
    """
    bends = ("relu", "leaky_relu")
    live = LiveFigure(700, 330, 2, 1, sharex=True)
    layers, units = len(gradients.DIMS) - 2, gradients.DIMS[1]
    images, marks, counts = {}, {}, {}
    for ax, bend in zip(live.axes, bends):
        images[bend] = live.moving(ax.imshow(np.zeros((layers, units)), cmap=SHARE_CMAP, norm=SHARE_NORM, aspect="auto",
                                             extent=(0.5, units + 0.5, layers + 0.5, 0.5)))
        # Bold, filled marks: a thin "x" vanished when the picture was shown shrunk (a reader saw rings but no crosses).
        style = DEAD_MARK if bend == "relu" else {"marker": "o", "ms": 9, "mfc": "none", "mew": 2.5}
        marks[bend] = live.moving(ax.plot([], [], ls="none", color="black", **style)[0])
        counts[bend] = live.moving(ax.text(1.0, 1.04, "", transform=ax.transAxes, ha="right", fontsize=10))
        ax.set(yticks=range(1, layers + 1), ylabel="layer", xlim=(0.5, units + 0.5), ylim=(layers + 0.5, 0.5))
        ax.set_title(f"{label(bend)}: one square per unit", loc="left", fontsize=11)
        ax.grid(False)
    bar = live.figure.colorbar(ScalarMappable(SHARE_NORM, SHARE_CMAP), ax=list(live.axes), ticks=[0, 0.25, 0.5, 0.75, 1],
                               pad=0.01, aspect=16)
    bar.set_label("average slope over the 400 points\n(the same colour scale in both panels)", fontsize=9)   # r44: the text's words
    # pass 88c (r88 Picture: the one label under the Leaky panel spoke of crosses, while that panel draws rings): one
    # label per panel, each naming its own mark
    live.axes[0].set_xlabel(DEAD_LABEL)
    live.axes[1].set_xlabel(RING_LABEL)
    sliders = {"shift": slider("biases moved down by", shift, 0.0, max_shift, 0.1, ".1f")}
    readout = widgets.HTML()

    def update():
        sv = sliders["shift"].value
        quiet = {}
        for bend in bends:
            mean = gradients.unit_slopes(bend, sv, seed=seed)
            images[bend].set_data(mean)
            floor = float(activations.get(bend).derivative(-1.0))   # the slope left of 0: 0 for ReLU, 0.01 for Leaky
            quiet[bend] = mean <= floor + 1e-12
            rows, cols = np.nonzero(quiet[bend])
            marks[bend].set_data(cols + 1, rows + 1)
            marks[bend].set_visible(bool(rows.size))
            n = int(rows.size)
            counts[bend].set_text(f"{n} of {mean.size} dead (\u00d7)" if bend == "relu" else
                                  f"{n} below 0 on every point (\u25cb)")
        live.render()
        n_dead, n_quiet = int(np.sum(quiet["relu"])), int(np.sum(quiet["leaky_relu"]))
        readout.value = (f"Biases moved down by {sv:.1f}. ReLU: <b>{n_dead} of {quiet['relu'].size}</b> units dead: "
                         f"slope 0 on all 400 points, so their weights get no nudge. Leaky ReLU: none can die, its slope is "
                         f"never 0; <b>{n_quiet}</b> get a sum below 0 on every point, yet still pass 0.01 of the signal.")

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["shift"], readout, live.image], live,
        "Dead units: drag the bias shift (static picture below)",
        sliders=sliders, readout=readout, lines=marks, images=images,
    )


@plots.styled
def unit_layer_picture(signals=(0.5, -0.2, 0.1)):
    """A layer of three units before the words "backward signal" (pass 93, r94 Picture: unit and signal were words
    only): inputs flow in along solid arrows, each unit sums then bends; one dashed arrow per unit brings back its
    signal, one number each (notebook 03)."""
    fig, ax = plots.new_figure(640, 250)
    ys = [1.6, 0.8, 0.0]
    for yi in ys:
        ax.text(0.0, yi, "input", ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#333333"})
    for yu, sig in zip(ys, signals):
        for yi in ys:
            ax.add_patch(FancyArrowPatch((0.45, yi), (2.15, yu), arrowstyle="-|>", mutation_scale=12,
                                         color="#333333", lw=1.2, shrinkA=0, shrinkB=14))
        ax.text(2.6, yu, "unit: sum,\nthen bend", ha="center", va="center", fontsize=9,
                bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": "#333333"})
        ax.add_patch(FancyArrowPatch((4.6, yu), (3.25, yu), arrowstyle="-|>", mutation_scale=14,
                                     color=plots.VANISHING, lw=2.2, ls="--"))
        ax.text(4.7, yu, f"signal {sig:+g}", ha="left", va="center", fontsize=10, color=plots.VANISHING,
                fontweight="bold")
    ax.text(1.2, 2.15, "forward: weighted inputs", ha="center", fontsize=10)
    ax.text(4.2, 2.15, "backward: one number per unit", ha="center", fontsize=10, color=plots.VANISHING)
    ax.set(xlim=(-0.5, 5.9), ylim=(-0.4, 2.4), title="one layer: a row of units")
    ax.set_axis_off()
    listed = ", ".join(f"{s:+g}" for s in signals)
    fig.set_label(f"One layer: a column of {len(ys)} units. Solid arrows carry every input into every unit; each unit "
                  f"sums, then bends. From the right, one dashed arrow per unit brings back its signal: {listed}.")
    return fig


@plots.styled
def nudge_picture(signal=0.5, given=0.4):
    """One unit, one weight: the input flows in along the weight (left to right), the backward signal arrives from the
    right, for the unit's sum (r67: "already back through the bend" came before the slope section), and the weight's
    nudge is their product (notebook 03, cell 6)."""
    fig, ax = plots.new_figure(640, 230)
    nudge = signal * given
    ax.add_patch(FancyArrowPatch((0.35, 0.5), (2.55, 0.5), arrowstyle="-|>", mutation_scale=16, color="#333333", lw=2))
    ax.text(0.0, 0.5, f"input\n{given:g}", ha="center", va="center", fontsize=11,   # r59: the word spilt out
            bbox={"boxstyle": "circle,pad=0.6", "fc": "white", "ec": "#333333"})
    ax.text(1.45, 0.62, "weight", ha="center", va="bottom", fontsize=10)
    ax.text(3.0, 0.5, "unit:\nsum,\nthen\nbend", ha="center", va="center", fontsize=10,   # narrow: fits its circle
            bbox={"boxstyle": "circle,pad=0.3", "fc": "white", "ec": "#333333"})
    ax.add_patch(FancyArrowPatch((5.2, 0.5), (3.55, 0.5), arrowstyle="-|>", mutation_scale=16, color=plots.VANISHING,
                                 lw=2.5, ls="--"))
    ax.text(4.4, 0.62, f"backward signal {signal:g}\n(for the unit's sum)", ha="center", va="bottom",
            fontsize=10, color=plots.VANISHING)
    ax.add_patch(FancyArrowPatch((1.45, 0.0), (1.45, 0.44), arrowstyle="-|>", mutation_scale=16, color=plots.HEALTHY,
                                 lw=2.5))
    ax.text(1.45, -0.05, f"the weight's nudge = {signal:g} \u00d7 {given:g} = {nudge:.2g}", ha="center", va="top",
            fontsize=11, fontweight="bold", color=plots.HEALTHY)
    ax.set(xlim=(-0.5, 5.3), ylim=(-0.35, 1.0), title="one weight's nudge: backward signal \u00d7 its input")
    ax.set_axis_off()
    fig.set_label(f"One unit. On the left, the input {given:g} flows along a weight into the unit. From the right, the "
                  f"backward signal {signal:g} arrives, for the unit's sum. An arrow points at the "
                  f"weight: its nudge is {signal:g} times {given:g}, which is {nudge:.2g}.")
    return fig


def half_off_numbers(layer=4, point=0, seed=0):
    """For one data point in the flow widget's fresh 10-layer ReLU network (He weights): what layer `layer`'s 32 units
    receive (their sums), and the backward signal's 32 numbers just before and just after passing back through
    their bends, scaled so the signal before has typical size (root mean square) 1."""
    net = mlp.Network.he_init([32] * 11 + [1], "relu", seed)
    outs, slopes, _ = net.forward(np.random.RandomState(1).randn(32, 64))
    blocks = net._blocks
    delta = np.ones((1, outs[0].shape[1]))
    for i in range(len(blocks) - 1, layer - 1, -1):
        before = blocks[i][:, :-1].T @ delta
        delta = before * slopes[i - 1]
    sums = (blocks[layer - 1] @ outs[layer - 1])[:, point]
    scale = np.sqrt(np.mean(before[:, point] ** 2))
    return sums, before[:, point] / scale, delta[:, point] / scale


HALF_OFF_WIDTH, HALF_OFF_SHIFT = 0.4, 0.21   # half_off's bottom panel: a unit's two bars side by side, not overlapping


@plots.styled
def half_off(layer=4, point=0):
    """Why about half a fresh ReLU layer passes nothing back: top, what each of its 32 units receives for one data
    point (below 0 hatched: switched off); bottom, the backward signal before and after the bends, with each one's
    typical size: the off units' numbers become 0, so the typical size drops to about 0.7."""
    sums, before, after = half_off_numbers(layer, point)
    units = np.arange(1, len(sums) + 1)
    off = sums <= 0
    fig, (top, bottom) = plots.new_figure(700, 400, 2, 1, sharex=True)
    top.bar(units[~off], sums[~off], color=plots.color("relu"), width=0.75, label="above 0: on")
    top.bar(units[off], sums[off], color="white", ec="#444444", hatch="///", width=0.75, label="at or below 0: off")
    top.axhline(0, color="black", lw=1)
    top.set(ylabel="its sum", title=f"a fresh 10-layer ReLU network, layer {layer}, one data point:\n"   # r55: whose layer 4
                                    f"{int(off.sum())} of {len(sums)} units are off")
    top.set_ylim(sums.min() * 1.1, sums.max() * 2.0)   # room for the legend above the bars
    top.legend(loc="upper left", ncol=2, fontsize=9)
    top.grid(False)
    # pass 83 (r81 Picture: the filled bars sat on the dashed ones): each unit's two bars side by side, arriving left
    bottom.bar(units - HALF_OFF_SHIFT, before, color="none", ec="#444444", ls="--", width=HALF_OFF_WIDTH,
               label=f"arriving: typical size {typical_size(before):.2f}")
    bottom.bar(units + HALF_OFF_SHIFT, after, color=plots.color("relu"), width=HALF_OFF_WIDTH,
               label=f"after the bends: typical size {typical_size(after):.2f}")
    bottom.axhline(0, color="black", lw=1)
    bottom.set(xlabel="unit", ylabel="backward signal", title="the backward signal: the off units pass back 0")
    bottom.set_ylim(before.min() * 1.1, before.max() * 1.8)
    bottom.legend(loc="upper left", ncol=2, fontsize=9)
    bottom.grid(False)
    fig.set_label(f"Two bar charts over the {len(sums)} units of layer {layer} of a fresh 10-layer ReLU network, for one data point. "
                  f"Top: each unit's sum; {int(off.sum())} are at or below 0, hatched, switched off. Bottom: the backward "
                  f"signal arriving, dashed outlines, typical size {typical_size(before):.2f}; beside each, after the bends, filled bars, "
                  f"the off units' numbers are 0 and the typical size is {typical_size(after):.2g}.")
    return fig


def sign_cases(size=0.5):
    """Why sqrt(1/n), smallest case: two terms of +-size, signs by coin flip. Returns the four equally likely
    cases as (first term, second term, their sum, the sum's square)."""
    return [(a, b, a + b, (a + b) ** 2) for a in (size, -size) for b in (size, -size)]


@plots.styled
def sign_cases_picture(size=0.5):
    """The four coin-flip cases of two +-1/2 terms, before the arithmetic (notebook 03, r47): left, each case's sum;
    right, its square, and the four squares' average (1/2), which is 1/4 + 1/4: one square per term."""
    cases = sign_cases(size)
    frac = {size: "½", -size: "−½", 1.0: "1", -1.0: "−1", 0.0: "0", 0.25: "¼"}   # the case drawn: size ½
    fig, (left, right) = plots.new_figure(640, 250, 1, 2, sharex=True)
    xs = np.arange(len(cases))
    sums, squares = [c[2] for c in cases], [c[3] for c in cases]
    left.bar(xs, sums, color=[plots.HEALTHY if v else plots.MUTED for v in sums], width=0.6)
    right.bar(xs, squares, color=[plots.ACCENT if v else plots.MUTED for v in squares], width=0.6)
    mean = float(np.mean(squares))
    right.axhline(mean, color="black", ls="--", lw=1.4)
    right.text(1.5, mean + 0.06, f"average of\nthe four: {frac.get(mean, value_text(mean))}", ha="center",
               va="bottom", fontsize=9)   # between the two middle bars, which are 0
    for ax, values in ((left, sums), (right, squares)):
        for x, v in zip(xs, values):
            ax.text(x, v + (0.05 if v >= 0 else -0.05), frac.get(v, value_text(v)), ha="center",
                    va="bottom" if v >= 0 else "top", fontsize=11, fontweight="bold")
        ax.axhline(0, color="black", lw=0.8)
        ax.set_xticks(xs, [f"{'+' if a > 0 else ''}{frac.get(a)}\n{'+' if b > 0 else ''}{frac.get(b)}"
                           for a, b, _, _ in cases])   # the two terms, one above the other
        ax.grid(False)
    left.set(ylim=(-1.45, 1.45), title="the sum of the two terms", xlabel="the two terms: four coin-flip cases")
    right.set(ylim=(-0.15, 1.45), title="the sum, squared", xlabel="the two terms: four coin-flip cases")
    fig.set_label("Two bar charts over the four equally likely sign cases of two terms of plus or minus a half. Left, "
                  "the sums: " + ", ".join(value_text(v) for v in sums) + ". Right, their squares: "
                  + ", ".join(value_text(v) for v in squares) + f"; a dashed line marks their average, {value_text(mean)}.")
    return fig


def random_walks(paces=64, shown=20, many=10_000, seed=0):
    """Coin-flip walks (notebook 03, r106 Picture first): each pace +1 or -1. Returns the first `shown` walks' positions
    (pace 0 to `paces`) and the typical distance after `paces` over `many` walks: the root of the mean square, rounded
    to 1 decimal. Integer paces and a seeded numpy Generator, so the same numbers on every CPU."""
    rng = np.random.default_rng(seed)
    steps = rng.choice(np.array([-1, 1], dtype=np.int64), size=(many, paces))
    ends = steps.sum(axis=1)
    typical = round(float(np.sqrt(np.mean(ends * ends))), 1)
    walks = np.concatenate([np.zeros((shown, 1), dtype=np.int64), np.cumsum(steps[:shown], axis=1)], axis=1)
    return walks, typical


def random_walk_caption(paces=64):
    """The picture's one line: after n paces, typically sqrt(n) away, not n."""
    return f"After {paces} paces: typically {round(paces ** 0.5)} away, not {paces}."


@plots.styled
def random_walk_picture(paces=64, shown=20, many=10_000, seed=0):
    """Grey coin-flip walks against the pace number, the line 'all forward' (n) and the curves +-sqrt(n), where a walk
    typically ends; prints the measured typical distance over many walks, rounded."""
    walks, typical = random_walks(paces, shown, many, seed)
    x = np.arange(paces + 1)
    fig, ax = plots.new_figure(640, 300)
    for walk in walks:
        ax.plot(x, walk, color=plots.MUTED, lw=1, alpha=0.7)
    ax.plot(x, x, color="black", lw=1.6)
    ax.text(paces * 0.55, paces * 0.55 + 3, "all forward: n", ha="right", va="bottom", fontsize=10)
    for sign in (1, -1):
        ax.plot(x, sign * np.sqrt(x), color=plots.ACCENT, lw=2.2, ls="--")
    ax.text(paces, np.sqrt(paces) + 2, "√n: where a walk\ntypically ends", color=plots.ACCENT, ha="right",
            va="bottom", fontsize=10)
    ax.axhline(0, color="black", lw=0.8)
    ax.set(xlim=(0, paces), ylim=(-paces * 0.4, paces * 1.05), xlabel="pace number",
           ylabel="how far from the start", title=random_walk_caption(paces))
    ax.grid(False)
    fig.set_label(f"{shown} grey coin-flip walks of {paces} paces, plotted against the pace number. They wander near 0. "
                  f"A black line climbs to {paces}: every pace forward. Dashed blue curves at plus and minus the square "
                  f"root of the pace number reach {round(paces ** 0.5)} at the end: where a walk typically ends.")
    print(f"Over {many:,} walks, the typical distance after {paces} paces: {typical}")
    return fig


def cross_terms(size=0.5):
    """Why the squares add (notebook 03, r99 Clarity): (a + b)^2 = a^2 + b^2 + 2ab. For the four coin-flip cases of two
    +-size terms, returns each case's 2ab (+1/2 when the signs agree, -1/2 when they differ), in sign_cases' order."""
    return [2 * a * b for a, b, _, _ in sign_cases(size)]


@plots.styled
def cross_terms_picture(size=0.5):
    """The four cases' 2ab as bars (two +1/2, two -1/2), their average, 0, dashed: they cancel, so on average only the
    squares a^2 + b^2 are left (notebook 03, after the walk)."""
    cases, twos = sign_cases(size), cross_terms(size)
    frac = {0.5: "+½", -0.5: "−½", 0.0: "0"}   # the case drawn: size ½
    fig, ax = plots.new_figure(420, 250)
    xs = np.arange(len(twos))
    ax.bar(xs, twos, color=[plots.HEALTHY if v > 0 else plots.ACCENT for v in twos], width=0.6)
    for x, v in zip(xs, twos):
        ax.text(x, v + (0.04 if v >= 0 else -0.04), frac.get(v, value_text(v)), ha="center",
                va="bottom" if v >= 0 else "top", fontsize=11, fontweight="bold")
    mean = float(np.mean(twos)) + 0.0
    ax.axhline(mean, color="black", ls="--", lw=1.4)
    ax.text(1.5, mean + 0.05, f"average of\nthe four: {value_text(mean)}", ha="center", va="bottom",
            fontsize=9)   # between the two middle bars, which point down
    ax.set_xticks(xs, [f"{'+' if a > 0 else ''}{frac.get(a, '').lstrip('+')}\n{'+' if b > 0 else ''}"
                       f"{frac.get(b, '').lstrip('+')}" for a, b, _, _ in cases])
    ax.set(ylim=(-0.8, 0.8), title="2ab, the extra part of the square", xlabel="the two terms a, b: four coin-flip cases")
    ax.grid(False)
    fig.set_label("A bar chart over the four equally likely sign cases of two terms a and b of plus or minus a half: "
                  "2ab is " + ", ".join(value_text(v) for v in twos) + f"; a dashed line marks their average, "
                  f"{value_text(mean)}: the ups and downs cancel.")
    return fig


CROSS_FOLD = "Optional: why the cross terms cancel"


def cross_terms_fold(size=0.5):
    """Why only the squares add, folded off the main path (pass 99, r100 Focus): (a + b)^2 = a^2 + b^2 + 2ab, the four
    coin-flip cases' 2ab drawn (cross_terms_picture), and their average, 0, said under it."""
    return FoldedSteps(CROSS_FOLD, [
        "Call the two terms $a$ and $b$. Then $(a+b)^2 = a^2 + b^2 + 2ab$. The last part, $2ab$, is the cross term.\n"
        "Here $a^2 = b^2 = \\frac14$, always.\n"
        "When the two signs agree, $2ab = +\\frac12$. When they differ, $-\\frac12$:",
        cross_terms_picture(size),
        "Over the four equally likely cases, these cancel. So only the squares are left: "
        "$\\frac14 + \\frac14 = \\frac12$.",
    ], width=420)


def two_paths(signals=(2, 1), weights=(3, 1), slope=0.5):
    """One unit feeding two next-layer units: the signal arriving at it (one signal x weight per path, added) and what
    passes back into its sum once its bend's slope multiplies it (notebook 03, the slope section)."""
    arriving = sum(s * w for s, w in zip(signals, weights))
    return arriving, arriving * slope


@plots.styled
def two_paths_picture(signals=(2, 1), weights=(3, 1), slope=0.5):
    """The slope section's first picture (r50): one unit, two arrows back from the two next-layer units it feeds, each
    labelled with its signal and its weight; their products added at the unit, then multiplied by its bend's slope."""
    arriving, passed = two_paths(signals, weights, slope)
    fig, ax = plots.new_figure(640, 260)
    unit, ys = (1.6, 0.5), (0.85, 0.15)
    ax.text(*unit, f"this unit\nslope {slope:g}", ha="center", va="center", fontsize=10,
            bbox={"boxstyle": "circle", "fc": "white", "ec": "#333333"})
    for k, (y, s, w) in enumerate(zip(ys, signals, weights), start=1):
        ax.text(4.6, y, f"next unit {k}\nsignal = {s:g}", ha="center", va="center", fontsize=10,   # r70: not "signal no. 2"
                bbox={"boxstyle": "round", "fc": "white", "ec": plots.VANISHING})
        ax.add_patch(FancyArrowPatch((3.95, y), (2.15, unit[1] + 0.12 * (1.5 - k) * 2), arrowstyle="-|>",
                                     mutation_scale=16, color=plots.VANISHING, lw=2.2, ls="--"))
        ax.text(3.05, (y + unit[1]) / 2 + (0.2 if k == 1 else -0.2), f"weight = {w:g}:  {s:g} \u00d7 {w:g} = {s * w:g}",
                ha="center", va="center", fontsize=10, color=plots.VANISHING, fontweight="bold")
    ax.add_patch(FancyArrowPatch((1.05, unit[1]), (0.25, unit[1]), arrowstyle="-|>", mutation_scale=16,
                                 color=plots.HEALTHY, lw=2.5))
    parts = " + ".join(f"{s * w:g}" for s, w in zip(signals, weights))
    ax.text(0.65, unit[1] - 0.13, f"arriving: {parts} = {arriving:g}\ntimes slope {slope:g}:\n{passed:g} passes back",
            ha="center", va="top", fontsize=10, fontweight="bold", color=plots.HEALTHY)
    ax.set(xlim=(-0.2, 5.3), ylim=(-0.15, 1.05), title="going back: add one signal \u00d7 weight per path, then times the slope")
    ax.set_axis_off()
    paths = "; ".join(f"from next unit {k}, signal {s:g} along weight {w:g}, giving {s * w:g}"
                      for k, (s, w) in enumerate(zip(signals, weights), start=1))
    fig.set_label(f"One unit with two dashed arrows coming back from the two next-layer units it feeds: {paths}. At the "
                  f"unit they add to {arriving:g}. Its bend's slope, {slope:g}, multiplies that: {passed:g} passes back "
                  f"into its sum.")
    return fig


JOINING = 2   # the weight joining the earlier unit to this one (pass 79, r75: not the first picture's 3)


def earlier_weight(arriving=7, slope=0.5, joining=JOINING, earlier_slope=0.2, given=0.4):
    """One layer further back than two_paths (r54): the signal passes this unit's bend, the weight joining the earlier
    unit (2: pass 79, r75, not the first picture's 3, a different weight), then the earlier unit's bend; the earlier
    weight's nudge is that signal times its input. Returns the signal
    after each step (into this sum, at the earlier unit, into the earlier sum) and the nudge."""
    into_this = arriving * slope
    at_earlier = into_this * joining
    into_earlier = at_earlier * earlier_slope
    return into_this, at_earlier, into_earlier, into_earlier * given


@plots.styled
def earlier_weight_picture(arriving=7, slope=0.5, joining=JOINING, earlier_slope=0.2, given=0.4):
    """A weight one layer earlier (r54): input -> earlier unit -> this unit, the signal arriving from the right. Pass
    117 (r116 Clarity: two rows of arithmetic, a product read left to right and a chain read leftwards, left the
    learner to pick one): one chain only, step by step in the signal's order, each step under the place it happens;
    both units, whose slopes multiply in, shaded."""
    nudge = earlier_weight(arriving, slope, joining, earlier_slope, given)[3]
    fig, ax = plots.new_figure(640, 300)
    spots = {"input": 0.0, "earlier": 2.4, "joining": 3.6, "this": 4.8, "arriving": 5.95}
    y = 0.7
    circle = {"boxstyle": "circle,pad=0.75", "fc": "white", "ec": "#333333"}   # r59: pad 0.35 let "input" spill
    shaded = {"boxstyle": "circle,pad=0.75", "fc": "#FFE9B0", "ec": plots.ACCENT, "lw": 1.8}   # the two slopes' units
    ax.text(spots["input"], y, f"input\n{given:g}", ha="center", va="center", fontsize=10, bbox=circle)
    for name, s in (("earlier", earlier_slope), ("this", slope)):
        ax.text(spots[name], y, f"{name}\nunit\nslope {s:g}", ha="center", va="center", fontsize=9, bbox=shaded)
    for a, b, text, colour in (("input", "earlier", "earlier weight", plots.HEALTHY),
                               ("earlier", "this", f"weight = {joining:g}", "#333333")):
        ax.add_patch(FancyArrowPatch((spots[a] + 0.5, y), (spots[b] - 0.6, y), arrowstyle="-|>", mutation_scale=14,
                                     color=colour, lw=2.2))
        ax.text((spots[a] + spots[b]) / 2, y + 0.1, text, ha="center", va="bottom", fontsize=10, color=colour,
                fontweight="bold" if colour == plots.HEALTHY else "normal")
    ax.add_patch(FancyArrowPatch((6.55, y), (5.35, y), arrowstyle="-|>", mutation_scale=14, color=plots.VANISHING,
                                 lw=2.2, ls="--"))
    ax.text(spots["arriving"], y + 0.1, f"{arriving:g} arrives", ha="center", va="bottom", fontsize=10,
            color=plots.VANISHING)
    # pass 101 (r103 Picture: the in-between signals 3.5 and 1.4): the product, step by step in the signal's order,
    # right to left, each step under the place it happens; pass 102 (r104): the heading at the row's left end
    steps = signal_steps(arriving, slope, joining, earlier_slope, given)
    ax.text(-0.45, 0.22, "step by step, as the signal travels: start at the right, read leftwards",
            ha="left", va="center", fontsize=9, color="#555555")
    for place, step in zip(("this", "earlier", "input"), steps):
        ax.text(spots[place] + (0.35 if place == "input" else 0), -0.05, step, ha="center", va="center", fontsize=9.5,
                color="#222222", fontweight="bold" if place == "input" else "normal")
    for between in (1.2, 3.6):   # the order, drawn: each step hands its signal to the left
        ax.text(between + 0.1, -0.05, "\u2190", ha="center", va="center", fontsize=14, color=plots.VANISHING)
    ax.text(-0.45, -0.38, f"the earlier weight's nudge, {nudge:.2g}: both slopes\n"
                          f"({earlier_slope:g} and {slope:g}, shaded units) multiply in", ha="left", va="top", fontsize=10,
            fontweight="bold", color=plots.HEALTHY)
    ax.set(xlim=(-0.5, 7.1), ylim=(-0.75, 1.1), title="one layer earlier: the earlier weight's nudge")
    ax.set_axis_off()
    fig.set_label(f"Three steps in a row: the input {given:g} flows along the earlier weight into an earlier unit (slope "
                  f"{earlier_slope:g}), which feeds this unit (slope {slope:g}) along a weight of {joining:g}; from the "
                  f"right, a signal of {arriving:g} arrives at this unit. Under them, one chain, step by step in the "
                  f"signal's order: " + "; ".join(t.replace("\n", " ") for t in steps) + f". The earlier weight's "
                  f"nudge is {nudge:.2g}. Both slopes are factors; their units are shaded.")
    return fig


def signal_steps(arriving=7, slope=0.5, joining=JOINING, earlier_slope=0.2, given=0.4):
    """The earlier weight's nudge in the signal's order (pass 101, r103): this unit's signal, the earlier unit's signal,
    then the nudge, each as its own short product, computed by earlier_weight and rounded for print."""
    into_this, _at_earlier, into_earlier, nudge = earlier_weight(arriving, slope, joining, earlier_slope, given)
    return (f"this unit:\n{arriving:g} \u00d7 {slope:g} = {into_this:.3g}",
            f"earlier unit:\n{into_this:.3g} \u00d7 {joining:g} \u00d7 {earlier_slope:g} = {into_earlier:.3g}",
            f"nudge:\n{into_earlier:.3g} \u00d7 {given:g} = {nudge:.3g}")


def step_sizes(depth=10, width=32, seed=0, names=NAMES):
    """In the flow widget's first random start: each bend's slopes' typical size (root mean square over the data
    points) in the depth - 1 bends the signal passes on its way back from the last layer to layer 1, and the share of
    tanh's sums between -1 and 1 there (r54: the learner sees what the text says was measured)."""
    typical = {}
    for name in names:
        _net, _outs, slopes, _ = mlp.flow_pass(name, depth, width, seed)
        typical[name] = typical_size(np.concatenate([np.ravel(s) for s in slopes[:depth - 1]]))
    inside = float(np.mean(np.abs(tanh_sums(depth, width, seed)) <= 1)) if "tanh" in names else None
    return typical, inside


def tanh_sums(depth=10, width=32, seed=0):
    """The sums tanh receives in the flow widget's first random start, in the depth - 1 bends the signal passes on its
    way back (the sums behind step_sizes' share between -1 and 1)."""
    net, outs, _, _ = mlp.flow_pass("tanh", depth, width, seed)
    return np.concatenate([np.ravel(B @ a) for B, a in zip(net._blocks[:depth - 1], outs[:depth - 1])])


@plots.styled
def tanh_sums_picture(depth=10, edge=1.0):
    """Pass 81 (r78 Picture: "76% of sums lie between -1 and 1" had no picture): a histogram of the sums tanh receives
    in the flow network's first start, the band from -edge to edge hatched and shaded, its share in the title and
    alt text (the same number step_sizes returns), tanh's slope at the band's edge written on it."""
    sums = tanh_sums(depth)
    inside = float(np.mean(np.abs(sums) <= edge))
    slope = float(activations.get("tanh").derivative(edge))
    fig, ax = plots.new_figure(640, 240)
    ax.axvspan(-edge, edge, color=plots.MUTED, alpha=0.35, hatch="//", ec="#888888", lw=0, zorder=1)
    ax.hist(sums, bins=np.linspace(-4, 4, 41), color=plots.color("tanh"), ec="black", lw=0.6, zorder=2)
    top = ax.get_ylim()[1]
    ax.text(0, top * 1.04, f"{inside:.0%} of sums here:\nslope at least {slope:.2f}", ha="center", va="bottom",
            fontsize=10, fontweight="bold")
    ax.plot([1.0, 1.0], [0, top], color="black", ls="--", lw=1.2)   # stops below the band's label
    ax.text(1.08, top * 0.6, "the chain's\nsums: all at 1", ha="left", va="center", fontsize=9)
    ax.set(xlim=(-4, 4), ylim=(0, top * 1.4), xlabel="x (the sum tanh receives)", ylabel="how many sums",
           title=f"{label('tanh')}'s sums, first random start, {depth} layers: {inside:.0%} between −{edge:g} and {edge:g}")
    ax.grid(False)
    fig.set_label(f"A histogram of the sums tanh receives in the network above (first random start, {depth} layers). "
                  f"The band from minus {edge:g} to {edge:g} is shaded: {inside:.0%} of the sums lie in it, where tanh's "
                  f"slope is at least {slope:.2f}. A dashed line at 1 marks where every sum of the chain sat.")
    return fig


STEP_FACTOR = round(float(np.sqrt(2)), 2)   # He weights' typical x sqrt 2 a step back, as the step bars write it: 1.41

# r99 (Focus): the main text now asks "Why does tanh's signal hold here?"; the fold gives the numbers, not the question again
TANH_FOLD = "Tanh in numbers: faded in the chain, held here"


def tanh_hold_fold(depth=10):
    """Why tanh holds in the flow network but faded in the chain (notebook 03): the share of its sums between -1 and 1,
    its slopes' typical size, what that alone leaves after depth - 1 steps, and the weights' x1.41 that lifts each step
    to about 1 (tanh's bar); then tanh_sums_picture. Pass 88 (r87 Focus): folded off the main path."""
    typical, inside = step_sizes(depth, names=("tanh",))
    t = round(typical["tanh"], 2)
    words = (f"The chain had no weights, and its sums all sat at 1. Here, {inside:.0%} lie between −1 and 1 (shaded "
             f"below), where tanh is steeper. Tanh's slopes here (typical size ${t:.2f}$) alone would still fade: "
             f"{depth - 1} steps leave about ${typical['tanh'] ** (depth - 1):.2f}$. The weights' $\\times {STEP_FACTOR:.2f}$ "
             f"lifts each step to ${t:.2f} \\times {STEP_FACTOR:.2f} \\approx {t * STEP_FACTOR:.2f}$: tanh's bar above.")
    return FoldedPicture(tanh_sums_picture(depth), TANH_FOLD, words, width=640)


OTHERS_FOLD = "Optional: why do the other three not fade like sigmoid?"


class FoldedSteps:
    """Words and pictures behind one click (pass 90, r91 Focus: the forecast bars and tanh's sums were a third level
    on the main path): a markdown <details> output; parts are text (markdown) or figures, shown in order with their alt
    text. Its plain text is the summary, the words and the alt texts (nbval compares it)."""

    def __init__(self, summary, parts, width=640):
        self.summary, self.parts, self.width = summary, parts, width

    @property
    def words(self):
        return "\n\n".join(p for p in self.parts if isinstance(p, str))

    def __repr__(self):
        return f"{self.summary} (folded): " + "\n".join(p if isinstance(p, str) else figure_alt(p) for p in self.parts)

    def _repr_markdown_(self):
        body = "\n\n".join(html.escape(p, quote=False) if isinstance(p, str)
                            else str(tables.image(figure_png(p), figure_alt(p), self.width)) for p in self.parts)
        return f"<details><summary>{html.escape(self.summary)}</summary>\n\n{body}\n\n</details>"


def other_bends_fold(depth=10):
    """Why tanh, ReLU and GELU do not fade like sigmoid, all optional in one fold (pass 90, r91 Focus): one line a bend,
    read off the forecast bars (step_size_bars, on the main path above since pass 102, r104 Picture first); then
    tanh_hold_fold's words and tanh's sums (tanh_sums_picture)."""
    typical, _inside = step_sizes(depth)
    step = {n: round(size, 3) * STEP_FACTOR for n, size in typical.items()}
    tanh = tanh_hold_fold(depth)   # pass 103 (r105 Focus): ReLU's 0.41 is said once, on the main path, not here too
    return FoldedSteps(OTHERS_FOLD, [
        "From the bars above, one step back:",   # pass 102 (r104 Picture first): the bars moved out, under the rule
        f"- Tanh: about 1 a step, so the signal roughly holds.\n"
        f"- ReLU: ${step['relu']:.2f}$, about 1: it roughly holds too.\n"
        f"- GELU: ${step['gelu']:.2f}$, just under 1: it fades slowly.",
        f"**{TANH_FOLD}.** {tanh.words}",   # pass 107 (r109 Clarity: the run-in heading had no full stop)
        tanh.figure,
    ])


@plots.styled
def tangent_picture(name="tanh", slope=0.5, run=1.0):
    """The slope section's first picture (r61: the word came before any tangent line): one bend, the straight line
    touching it where its slope is `slope`, and a step `run` right with the line's rise under it."""
    act = activations.get(name)
    grid = np.linspace(0.0, 3.0, 3001)
    at = float(grid[np.argmin(np.abs(act.derivative(grid) - slope))])   # tanh: 1 - tanh(x)^2 = 0.5 at x = 0.88
    y, d = float(act(at)), float(act.derivative(at))
    fig, ax = plots.new_figure(640, 260)
    x = np.linspace(-3.0, 3.0, 301)
    ax.plot(x, act(x), color=plots.color(name), lw=2.2, label=label(name))
    ax.plot([at - 1.6, at + 1.6], [y - 1.6 * d, y + 1.6 * d], color="black", lw=2)
    ax.plot([at], [y], "o", color=plots.color(name), ms=8, mec="black", zorder=4)
    ax.plot([at, at + run, at + run], [y, y, y + run * d], color=plots.VANISHING, lw=2, ls="--")
    ax.text(at + run / 2, y - 0.06, f"{run:g} step right", ha="center", va="top", fontsize=10, color=plots.VANISHING)
    ax.text(at + run + 0.08, y + run * d * 0.75, f"{value_text(run * d)} up", ha="left", va="center", fontsize=10,
            color=plots.VANISHING, bbox={"fc": "white", "ec": "none", "pad": 1}, zorder=5)
    ax.text(at - 0.15, y + 0.12, f"slope {value_text(d)}", ha="right", va="bottom", fontsize=12, fontweight="bold")
    ax.axhline(0, color="black", lw=0.8)
    ax.set(xlim=(-3, 3), ylim=(-1.2, 1.6), xlabel="x (the sum the bend receives)", ylabel="bend's output",
           title=f"{label(name)} at x = {at:.2f}: the touching line's steepness is the slope")
    ax.legend(loc="upper left", fontsize=9)
    fig.set_label(f"The {label(name)} curve with a straight black line touching it at x = {at:.2f}. One step right "
                  f"along the line, it rises {value_text(run * d)}: its slope is {value_text(d)}.")
    return fig


def typical_size(values):
    """Numbers' typical size: the square root of their average square (the chapter's worked example: 0.158)."""
    return float(np.sqrt(np.mean(np.square(values))))


@plots.styled
def typical_size_picture(values=(0.1, -0.2, 0.2, -0.1)):
    """The typical-size example as bars (r67: the idea had no picture): each number a bar, up or down from 0, and
    dashed lines at plus and minus their typical size, computed, so "how far from 0, sign ignored" is seen."""
    size = typical_size(values)
    fig, ax = plots.new_figure(640, 230)
    xs = np.arange(len(values))
    ax.bar(xs, values, width=0.55, color=[plots.ACCENT if v > 0 else plots.VANISHING for v in values])
    for x, v in zip(xs, values):   # inside the bar, clear of the dashed lines
        ax.text(x, v / 2, value_text(v), ha="center", va="center", fontsize=11, fontweight="bold", color="white")
    for y in (size, -size):
        ax.axhline(y, color="black", ls="--", lw=1.4)
    ax.text(len(values) - 0.5, size + 0.01, f"typical size {value_text(size)}", ha="right", va="bottom", fontsize=10)
    ax.text(len(values) - 0.5, -size - 0.01, f"typical size {value_text(size)}, below 0", ha="right", va="top",
            fontsize=10)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(xs, [f"number {k + 1}" for k in xs])
    ax.set(xlim=(-0.6, len(values) + 0.4), ylim=(-0.3, 0.3), ylabel="value",
           title="four numbers, and how far from 0 they typically are")
    ax.grid(False)
    fig.set_label(f"Four bars: {', '.join(value_text(v) for v in values)}, up for positive, down for negative. Dashed "
                  f"lines at plus and minus {value_text(size)}, labelled typical size: the square root of the "
                  f"average square.")
    return fig


@plots.styled
def step_size_bars(depth=10, weights=STEP_FACTOR):
    """One step back, per bend, as bars (r67: the text table answered "why do the other three not fade?"): each bar is
    the bend's slopes' typical size, printed to three digits, times the weights' sqrt 2 (1.41), the number on it; a
    line at 1 marks a signal that holds (r77: tanh's share of sums between -1 and 1 moved to the text and alt text).
    Pass 86 (r85: "The bars use averages" beside "(first start)"): each bar is named a forecast, in the title and the
    text: every slope counted the same, the weights as exactly sqrt 2; the real steps (gradients.step_parts) differ."""
    typical, _inside = step_sizes(depth)
    steps = {n: round(size, 3) * weights for n, size in typical.items()}   # r63, r65: the printed size x 1.41
    fig, ax = plots.new_figure(640, 280)
    xs = np.arange(len(steps))
    for x, (name, step) in zip(xs, steps.items()):
        ax.bar(x, step, width=0.7, color=plots.color(name), ec="black", lw=0.8)
        tall = step > 0.5   # a tall bar holds its number, clear of the line at 1
        ax.text(x, step - 0.05 if tall else step + 0.03, f"{typical[name]:.3f}\n\u00d7 {weights:.2f}\n= {step:.2f}",
                ha="center", va="top" if tall else "bottom", fontsize=10, fontweight="bold",
                color="white" if tall else "black")
    ax.axhline(1, color="black", ls="--", lw=1.4)
    ax.text(-0.45, 1.03, "1: the signal holds", ha="left", va="bottom", fontsize=9)   # above sigmoid's low bar
    ax.set_xticks(xs, [label(n) for n in steps])
    ax.set(xlim=(-0.5, len(steps) - 0.5), ylim=(0, 1.45), ylabel="one step back keeps",
           title=f"forecast for one step back: slopes' typical size \u00d7 \u221a2\n(first start, {depth} layers)")
    ax.grid(False)
    fig.set_label("Bars, one per bend, each a forecast for one step back: the typical size of its slopes times the "
                  "weights' 1.41. "
                  + "; ".join(f"{label(n)} {typical[n]:.3f} times {weights:.2f} is {s:.2f}" for n, s in steps.items())
                  + ". A dashed line marks 1, where the signal holds.")   # tanh's share inside ±1: tanh_sums_picture draws it
    return fig


def squared_stacks(slopes=(1, 0, 1, 0)):
    """The squares behind "typical size, not average" (r73): for the slopes themselves, four at their typical size, and
    four at their average, each as (label, the four squares, their total). With random signs these totals are what a
    sum passes on: the slopes and their typical size both give 2 (for 1, 0, 1, 0), the average only 1."""
    k, mean, size = len(slopes), float(np.mean(slopes)), typical_size(slopes)
    count = {4: "four"}.get(k, str(k))
    rows = [(", ".join(value_text(v) for v in slopes), [float(v) ** 2 for v in slopes]),
            (f"{count} at {value_text(size)}", [size ** 2] * k), (f"{count} at {value_text(mean)}", [mean ** 2] * k)]
    return [(name, squares, sum(squares)) for name, squares in rows]


@plots.styled
def slope_sizes_picture(slopes=(1, 0, 1, 0), name="relu"):
    """ReLU's slopes, 1 or 0 half each, as bars (r70: "average 1/2, typical size 0.71" was only text): a dashed line at
    their average and a dotted one at their typical size (root mean square), which is what the signal gets multiplied by.
    Right (r73: "1 + 1 is not 4 x 0.71"): the squares, stacked, for the slopes, four at the typical size, four at the
    average (squared_stacks); the first two stack equally high, the average's lower, its blocks hatched."""
    mean, size = float(np.mean(slopes)), typical_size(slopes)
    fig, (ax, right) = plots.new_figure(640, 260, 1, 2, gridspec_kw={"width_ratios": [1.35, 1]})
    xs = np.arange(len(slopes))
    ax.bar(xs, slopes, width=0.55, color=plots.color(name), ec="black", lw=0.8)
    for x, v in zip(xs, slopes):
        ax.text(x, v + 0.03, value_text(v), ha="center", va="bottom", fontsize=11, fontweight="bold")
    for y, style, text in ((mean, "--", f"average {value_text(mean)}"), (size, ":", f"typical\nsize {value_text(size)}")):
        ax.plot([-0.5, len(slopes) - 0.5], [y, y], color="black", ls=style, lw=1.8)   # stops before its label
        ax.text(len(slopes) - 0.4, y, text, ha="left",
                va="center", fontsize=9, fontweight="bold")
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(xs, [f"unit {k + 1}" for k in xs])
    ax.set(xlim=(-0.6, len(slopes) + 1.1), ylim=(0, 1.25), ylabel="slope",
           title=f"{label(name)}'s slopes: 1 or 0, half each")
    ax.grid(False)
    stacks = squared_stacks(slopes)
    for x, (_, squares, total) in enumerate(stacks):
        average = x == len(stacks) - 1
        bottom = 0.0
        for q in squares:
            right.bar(x, q, bottom=bottom, width=0.55, color=plots.MUTED if average else plots.color(name),
                      hatch="//" if average else None, ec="black", lw=0.8)
            bottom += q
        right.text(x, total + 0.05, f"= {value_text(total)}", ha="center", va="bottom", fontsize=11, fontweight="bold")
    right.set_xticks(range(len(stacks)), [s[0].replace(" at ", "\nat ") for s in stacks])
    right.set(xlim=(-0.5, len(stacks) - 0.5), ylim=(0, 1.25 * max(t for _, _, t in stacks)), ylabel="squares, added",
              title="their squares, added")
    right.grid(False)
    fig.set_label(f"Left: four bars, the slopes of four {label(name)} units: {', '.join(value_text(v) for v in slopes)}. "
                  f"A dashed line marks their average, {value_text(mean)}; a dotted line, higher, their typical size, "
                  f"{value_text(size)}: the square root of their average square. Right: their squares stacked: "
                  + "; ".join(f"{n}: {' + '.join(value_text(q) for q in sq)} = {value_text(t)}" for n, sq, t in stacks)
                  + ".")
    return fig


def stacked_squares(n=8, kept=None):
    """The size rule's arithmetic, one square per term (r71): n terms of weights sqrt(1/n) times inputs of size 1, each
    term's square 1/n; the sum, squared, averages the kept terms' squares added (n of them: 1; half: 1/2)."""
    kept = n if kept is None else kept
    return [1 / n] * kept, kept / n


def _square_stacks(ax, n, stacks):
    """Stacks of blocks, one per term's square; each stack is (x, blocks kept, block height, label); a kept block is
    filled, a missing one an empty dashed outline, so the count is seen, not told by colour."""
    for x, kept, block, _ in stacks:
        for k in range(n):
            solid = k < kept
            ax.bar(x, block if solid else 1 / n, bottom=k * block if solid else k / n, width=0.55,
                   color=plots.ACCENT if solid else "none", ec="black" if solid else "#888888",
                   ls="-" if solid else "--", lw=0.8, zorder=3 if solid else 2)
        total = kept * block
        # pass 81 (r78 Picture: the block lines crossed white labels inside the bars): each label sits above its stack
        ax.text(x, max(total, 1.0) + 0.03, f"adds up\nto {'1' if round(total, 9) == 1 else '½'}", ha="center",
                va="bottom", fontsize=11, fontweight="bold", color="black", zorder=4)
    ax.set_xticks([x for x, _, _, _ in stacks], [t for _, _, _, t in stacks])
    ax.set_yticks([0, 0.5, 1], ["0", "½", "1"])
    ax.set(xlim=(-0.6, max(len(stacks), 2) - 0.4), ylim=(0, 1.4), ylabel="the sum, squared\n(on average)",
           title="the terms' squares add")
    ax.grid(False)


def _fan_in(ax, n, backward, note, title=None):
    """One unit adding n terms, one arrow each (pass 87, r86): forward, solid arrows from its n inputs on the left;
    backward, dashed arrows (as in two_paths_picture) from the n next-layer units on the right. Same layout both ways."""
    ys = np.linspace(0.95, 0.05, n)
    dots, unit = (2.65, 0.9) if backward else (0.15, 2.2), 0.5
    for y in ys:
        ax.plot([dots[0]], [y], "o", ms=7, mfc="white", mec="#333333")
        end = (dots[1] + 0.42, unit + (y - 0.5) * 0.35) if backward else (dots[1] - 0.42, unit + (y - 0.5) * 0.35)
        start = (dots[0] - 0.15, y) if backward else (dots[0] + 0.15, y)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=11, color=plots.VANISHING, lw=1.4,
                                     ls="--" if backward else "-"))
    ax.text(dots[1], unit, "one\nunit", ha="center", va="center", fontsize=10,
            bbox={"boxstyle": "circle,pad=0.5", "fc": "white", "ec": "#333333"})
    ax.text(1.4 if backward else 1.1, -0.12, f"{n} arrows: {n} terms\n{note}", ha="center", va="top", fontsize=9)
    ax.set(xlim=(0.2, 3.1) if backward else (-0.1, 2.8), ylim=(-0.38, 1.05),
           title=title or f"{'back' if backward else 'forward'}: one unit adds {n} terms")
    ax.set_axis_off()


@plots.styled
def fan_in_both_ways_picture(n=8):
    """Before the size rule (pass 87, r86 Clarity: "both ways, a unit adds n terms" had no picture): left, the forward
    fan-in of stacked_squares_picture; right, the same unit's backward fan-in, n signals coming back along n weights."""
    fig, (left, right) = plots.new_figure(640, 270, 1, 2)
    # r102 Picture: the text says n; the titles say what n is here
    _fan_in(left, n, backward=False, note="input × weight, random signs", title=f"forward: one unit adds n = {n} terms")
    _fan_in(right, n, backward=True, note="signal × weight, random signs", title=f"back: one unit adds n = {n} terms")
    fig.set_label(f"Left, forward: one unit with {n} solid arrows coming in from {n} inputs, one term each, input times "
                  f"weight. Right, backward: the same unit with {n} dashed arrows coming back from the {n} units it "
                  f"feeds, one term each, signal times weight. Both ways, n = {n} terms with random signs are added.")
    return fig


@plots.styled
def stacked_squares_picture(n=8):
    """r71's picture for the size rule: left, one unit collecting n arrows, one term each (input x weight); right, the
    n terms' squares (1/n each) stacked to 1 (r77: ReLU's half stack moved to its own section, relu_squares_picture)."""
    fig, (left, right) = plots.new_figure(640, 270, 1, 2, gridspec_kw={"width_ratios": [1, 1.25]})
    _fan_in(left, n, backward=False, note=f"(input × weight), each ±√(1/{n})", title=f"one unit adds {n} terms")
    _square_stacks(right, n, ((0, n, 1 / n, f"all {n} terms"),))
    right.text(0.4, 1 - 0.5 / n, f"each block:\none term's\nsquare, 1/{n}", ha="left", va="top", fontsize=9)
    fig.set_label(f"Left: one unit with {n} arrows coming in, one term each, of size plus or minus the square root of "
                  f"1/{n}. Right: a stack of blocks, one block per term's square, 1/{n} each. All {n} terms stack to 1.")
    return fig


@plots.styled
def relu_squares_picture(n=8):
    """ReLU's half, as stacked squares (r77: the half stack sat a section early): all n terms stack to 1; with half the
    terms 0, n/2 blocks stack to 1/2 (the rest empty, dashed); with the weights times sqrt 2, each block doubles to
    2/n and the n/2 blocks stack to 1 again."""
    fig, ax = plots.new_figure(640, 250)
    stacks = ((0, n, 1 / n, f"all {n} terms"), (1, n // 2, 1 / n, "half the terms 0"),
              (2, n // 2, 2 / n, "half 0,\nweights × √2"))
    _square_stacks(ax, n, stacks)
    fig.set_label(f"Three stacks of blocks, one block per term's square. All {n} terms, 1/{n} each, stack to 1. With "
                  f"half the terms 0, {n // 2} blocks stack to one half, the other {n // 2} drawn empty. With the weights "
                  f"times the square root of 2, each of the {n // 2} blocks is 2/{n}, and they stack to 1 again.")
    return fig


def he_squares(n=32):
    """The He weights' squares going back (pass 90, r91 Picture: the x1.41 had no picture): n terms, each a signal of
    size 1 times a weight of typical size sqrt(2/n), so each square is 2/n and the n of them add to 2; beside them the
    plain sqrt(1/n) weights' n squares of 1/n, adding to 1. Each stack as (label, block height, total)."""
    return [(f"weights √(1/{n})", 1 / n, n * (1 / n)), (f"He weights √(2/{n})", 2 / n, n * (2 / n))]


