"""Chapter 06's pictures and widgets: the map of the decision list, the list itself, the slopes slider, the nudge
along a gateless loop and an LSTM's memory path, line 3's GELU picture and its
optional fold (who used which bend), the picker, the recall questions, the end fold of cases the list leaves out."""

import html as _html
import re

import ipywidgets as widgets
import numpy as np
from IPython.display import HTML, Markdown

from course_utils.facts import activations, decisions, deployments
from course_utils.ui import offline, plots, printing, tables
from course_utils.ui.questions import choice_question
from course_utils.ui.livefigure import LiveFigure, LiveWidget, nice_limits, on_change, slider
from course_utils.ui.captioned import CaptionedBox as RecallBox
from course_utils.ui.display import figure_alt, figure_png

INSET_X = (-3, 3)   # the map's small drawings: sums from −3 to 3 (said once under the map, pass 73, r70)
X = np.linspace(*INSET_X, 241)
MAP_ROWS = (  # the map, one row per line of the list: (key, where in a few words, the pick, curves drawn)
    ("hidden_cnn_mlp", "Plain network\nor CNN", "ReLU", [("relu", {}, "-")]),
    ("dying_units", "Many ReLU\nunits dead?", "Leaky ReLU", [("leaky_relu", {"alpha": 0.1}, "-")]),  # leak ×10, so it shows
    ("transformer_ffn", "Transformer\nfeed-forward block", "GELU or\nSwiGLU", [("gelu", {}, "-")]),  # SwiGLU: no one curve
    ("recurrent", "LSTM or GRU", "Sigmoid gates,\ntanh for new\ncontent", [("sigmoid", {}, "-"), ("tanh", {}, "--")]),
    ("binary_output", "Yes/no answer", "Sigmoid", [("sigmoid", {}, "-")]),
    ("multiclass_output", "One class\nof many", "Softmax", []),   # drawn as bars: three shares that add up to 1
    ("regression_output", "A number", "No bend", [("identity", {}, "-")]),
)
MAP_GLOSS = {  # pass 88 (r87 Clarity: the map named CNN, transformer, LSTM, GRU and class before any words did): a
    # short gloss in each box that names one, in italics under its name; "The map's words" below say more
    "hidden_cnn_mlp": "CNN: reads photos",
    "transformer_ffn": "inside chatbots",
    "recurrent": "read a sequence,\nkeep a memory",
    "multiclass_output": "cat? dog? bird?",
}
PICK_GLOSS = {  # pass 95 (r96 Clarity: the map's picks named words not yet explained): a few plain words, in italics
    "transformer_ffn": "bend or gate",   # p106 (r108 Correctness): GELU a bend, SwiGLU a gated block, not a bend
    "multiclass_output": "a share each",
}
X_RANGE_ROW = "hidden_cnn_mlp"   # the one small drawing whose x axis has its ends marked, −3 and 3 (ReLU: room below 0)
SIDE_ROW = 1   # "many ReLU units dead?" is a symptom, not a kind of network: a side arrow from the ReLU box
MINI = {key: curves for key, _, _, curves in MAP_ROWS}
TALLER = {"recurrent": 0.08}   # pass 72 (r68 Picture: its 1, 0 and −1 crowded): the LSTM drawing reaches down into the gap
# above "At the output", so its three marks sit further apart
YLIM = {"dying_units": (-1.3, 2.6),   # the rest: (-1.3, 1.6); ReLU, GELU and "no bend" run off it
        "recurrent": (-2.3, 1.6)}   # r38: room below the −1 line for the x-axis's "0": it sits clear of tanh and the line
NOTE = {  # words inside a small drawing, where its curve needs them: (x, y, text, colour of the curve named)
    # p109 (r111 Picture: "10× steeper" read as a property of Leaky ReLU): the drawn and the real leak, both said
    # p110 (r112 Clarity: the first number read was the drawn one): the real leak first, then the drawn one
    "dying_units": [(-2.8, 2.45, f"left slope {activations.get('leaky_relu').params['alpha'].default:g}\n"
                                 f"(drawn as {MINI['dying_units'][0][1]['alpha']:g})", "leaky_relu")],
    "transformer_ffn": [(-2.8, 1.55, "GELU", "gelu")],   # SwiGLU: two paths multiplied, no one curve
    "recurrent": [(-2.8, 1.55, "sigmoid", "sigmoid"), (1.1, -1.12, "tanh", "tanh")],   # r47: below −1, off the curves; r49: clear of the axis "0"
    "multiclass_output": [(-2.8, 1.55, "shares add to 1", "softmax")],
}
NOTE_PT = {"dying_units": 12}   # p109: the leak note's longer lines fit left of the 1 and 0 marks
BOX_PAD = 0.004   # the rounded boxes reach this far beyond their x, in axes fractions
MAP_LEFT = 0.008   # the first box's left edge: its border (BOX_PAD and the line's width) stays inside the picture
WHERE_X, WHERE_W, PICK_X = 0.312, 0.222, 0.568   # the where-boxes' left edge and width, the pick boxes' left edge
SIDE_START = PICK_X - BOX_PAD - 0.002   # the side arrow leaves the ReLU box at its left edge, not from inside it
MARK_PT, MARK_INK = 14, "#222222"   # pass 95 (r96 Picture: "−3 0 3" tiny): 14 pt; r47: 12 pt read as tiny in the 900 px map   # the small drawings' words and marks: large and dark enough to read
SOFTMAX_SCORES = (2.0, 1.0, 0.1)   # the softmax drawing: three class scores -> three bars


def softmax_shares(scores=SOFTMAX_SCORES):
    """The shares softmax gives three scores (the bars of the map's softmax drawing)."""
    return np.asarray(activations.get("softmax")(np.array(scores, dtype=float)), dtype=float)


SUM_LABEL = "sum going into the bend, x"   # r43 Clarity 1: one name, "sum", for the number the bend receives


def _label(name):
    return decisions._label(name)


def _curve(name, params):
    if params:
        return np.asarray(activations.get(name)(X, **params), dtype=float)
    return plots.finite(plots.curve(name, X))


def _box(ax, x, y, text, width, height, edge, face="white", weight="normal", size=14, lw=1.6, gloss=""):
    from matplotlib.patches import FancyBboxPatch
    ax.add_patch(FancyBboxPatch((x, y - height / 2), width, height, boxstyle=f"round,pad={BOX_PAD},rounding_size=0.012",
                                transform=ax.transAxes, facecolor=face, edgecolor=edge, lw=lw))
    if gloss:   # the name, then its gloss in italics under it, the lines together centred in the box
        mid = y + (gloss.count("\n") - text.count("\n")) * MAP_LINE / 2
        ax.text(x + 0.012, mid, text, transform=ax.transAxes, va="bottom", ha="left", fontsize=size,
                fontweight=weight, linespacing=1.05)
        ax.text(x + 0.012, mid, gloss, transform=ax.transAxes, va="top", ha="left", fontsize=size,
                style="italic", color=MARK_INK, linespacing=1.05)
        return
    ax.text(x + 0.012, y, text, transform=ax.transAxes, va="center", ha="left", fontsize=size, fontweight=weight,
            linespacing=1.05)


MAP_LINE = 0.031   # one 14 pt line of the map, in axes fractions of its 660 px height


def _arrow(ax, start, end, lit=False):
    ax.annotate("", xy=end, xytext=start, xycoords="axes fraction",
                arrowprops=dict(arrowstyle="->", color=MARK_INK if lit else plots.MUTED, lw=2.6 if lit else 1.2,
                                shrinkA=0, shrinkB=0))


# pass 57 (r51 Pictures): "the bend?" and "Inside the" ran past their boxes: the question takes three short lines, its
# box narrows, and the group boxes start further left, so every word sits inside its box (a test measures them)
ROOT_END, GROUP_X, GROUP_END = 0.112, 0.136, 0.293
TRACE_FACE, TRACE_LW = "#ffe680", 3.2   # a traced path: its boxes filled pale yellow, its arrows thick and dark
MAP_TRACED = ("hidden_cnn_mlp", "regression_output")   # the map's Predict: a plain network that forecasts a temperature


@plots.styled
def decision_map(trace=()):
    """The decision list as a map: where the bend sits -> the bend, with a small drawing of each pick (notebook 06).
    trace: map-row keys whose path from "Where is the bend?" to the pick is drawn lit (pass 56: the map's Predict)."""
    unknown = set(trace) - set(MINI)
    if unknown:
        raise ValueError(f"no map row {sorted(unknown)}")
    lit = lambda on: dict(face=TRACE_FACE, lw=TRACE_LW) if on else {}   # noqa: E731
    fig, ax = plots.new_figure(*MAP_FIG)
    ax.set_axis_off()
    ys = [0.935, 0.805, 0.675, 0.545, 0.325, 0.195, 0.065]
    h = 0.112
    _box(ax, MAP_LEFT, 0.5, "Where\nis the\nbend?", ROOT_END - MAP_LEFT, 0.16, plots.MUTED, "#f2f2f2", "bold")
    groups = {"Inside the\nnetwork": (0.74, range(4)), "At the\noutput": (0.195, range(4, 7))}
    for text, (gy, rows) in groups.items():
        on = any(MAP_ROWS[i][0] in trace for i in rows)
        _box(ax, GROUP_X, gy, text, GROUP_END - GROUP_X, 0.13, plots.MUTED, **{"face": "#f7f7f7", "weight": "bold", **lit(on)})
        _arrow(ax, (ROOT_END + BOX_PAD + 0.002, 0.5), (GROUP_X - BOX_PAD - 0.002, gy), on)
        for i in rows:
            if i != SIDE_ROW:   # a repair, not a kind of network: no arrow from the group
                _arrow(ax, (0.295, gy), (WHERE_X - BOX_PAD, ys[i]), MAP_ROWS[i][0] in trace)
    for i, ((key, where, pick, curves), y) in enumerate(zip(MAP_ROWS, ys)):
        if i == SIDE_ROW:   # a side arrow from the ReLU box, the symptom written beside it
            bend = (WHERE_X + WHERE_W + PICK_X) / 2 + BOX_PAD / 2   # in the gap right of the where-boxes: it crosses none
            ax.plot([SIDE_START, bend, bend], [ys[0] - 0.035, ys[0] - 0.035, y], transform=ax.transAxes,
                    color=plots.MUTED, lw=1.4, solid_joinstyle="round")
            _arrow(ax, (bend, y), (PICK_X - BOX_PAD, y))
            ax.text(bend - 0.012, y, where, transform=ax.transAxes, va="center", ha="right",
                    fontsize=14, style="italic", linespacing=1.05)
        else:
            _box(ax, WHERE_X, y, where, WHERE_W, h, plots.MUTED, gloss=MAP_GLOSS.get(key, ""), **lit(key in trace))
            _arrow(ax, (WHERE_X + WHERE_W + BOX_PAD, y), (PICK_X - BOX_PAD, y), key in trace)
        _box(ax, PICK_X, y, pick, 0.21, h, plots.color(curves[0][0] if curves else "softmax"), weight="bold",
             gloss=PICK_GLOSS.get(key, ""), **lit(key in trace))
        extra = TALLER.get(key, 0.0)
        inset = ax.inset_axes([0.79, y - h / 2 - extra, 0.19, h + extra])
        ylim = YLIM.get(key, (-1.3, 1.6))
        for level in (0, 1):   # faint marks at 0 and 1, the same in every drawing
            inset.axhline(level, color="#bbbbbb", lw=0.6, ls=":" if level else "-")
            # pass 57 (r50, r51 Pictures): the LSTM drawing marks its 0 too, so sigmoid is seen to stay above it (r47's
            # crowding: 1, 0 and −1 sit 19 px apart at 13 pt, a gap of about 6 px between them, tested)
            inset.text(3.15, level, str(level), fontsize=MARK_PT, va="center", ha="left", color=MARK_INK, clip_on=False)
        if curves:   # the x-axis's 0, marked like the 0 and 1 on the right: just left of the line, at the bottom
            inset.axvline(0, color="#bbbbbb", lw=0.6)
            inset.text(-0.15, ylim[0] + 0.04 * (ylim[1] - ylim[0]), "0", fontsize=MARK_PT, va="bottom", ha="right",
                       color=MARK_INK)
        if key == X_RANGE_ROW:   # pass 87 (r86 Picture: the x range was said only in words): its ends marked once
            for end, side in zip(INSET_X, ("left", "right")):
                inset.text(end * 0.95, ylim[0] + 0.04 * (ylim[1] - ylim[0]), _x(end), fontsize=MARK_PT, va="bottom",
                           ha=side, color=MARK_INK)
        if key == "recurrent":   # tanh's bottom, named like the 0 and 1 marks
            inset.axhline(-1, color="#bbbbbb", lw=0.6, ls=":")
            inset.text(3.15, -1, "−1", fontsize=MARK_PT, va="center", ha="left", color=MARK_INK, clip_on=False)
        for i, (name, params, style) in enumerate(curves):
            inset.plot(X, _curve(name, params), color=plots.color(name), lw=2, ls=style, zorder=2 + i)
        if key == "multiclass_output":
            inset.bar([-1.8, 0.0, 1.8], softmax_shares(), width=1.2, color="#bbbbbb", edgecolor="black", lw=0.5)
        for nx, ny, note, name in NOTE.get(key, []):   # names in words, not by colour alone
            colour = plots.color(name) if len(curves) > 1 else MARK_INK
            inset.text(nx, ny, note, fontsize=NOTE_PT.get(key, MARK_PT), va="top", color=colour)
        inset.set(xlim=INSET_X, ylim=ylim, xticks=[], yticks=[])
    fig.set_label(map_alt(trace))   # r34: the generic alt ("panel: x from ...") said nothing
    return fig


def map_alt(trace=()):
    """The map in words, for a screen reader: the two questions, then each place and its pick, from MAP_ROWS."""
    def said(rows, gloss=True):   # each box's gloss in brackets after its name, as the map prints it under the name
        return "; ".join(f"{where}{f' ({MAP_GLOSS[key]})' if gloss and key in MAP_GLOSS else ''} → {pick}"
                         f"{f' ({PICK_GLOSS[key]})' if gloss and key in PICK_GLOSS else ''}"
                         for key, where, pick, _ in rows).replace("\n", " ")
    inside = [r for i, r in enumerate(MAP_ROWS[:4]) if i != SIDE_ROW]
    whole = (f"Decision map. Where is the bend? Inside the network: {said(inside)}. "
             f"Side arrow from ReLU: {said([MAP_ROWS[SIDE_ROW]])}. At the output: {said(MAP_ROWS[4:])}.")
    if not trace:
        return whole
    lit = [r for r in MAP_ROWS if r[0] in trace]
    paths = {1: "one path", 2: "two paths"}.get(len(lit), f"{len(lit)} paths")   # the count from the trace, not typed
    return f"{whole} Lit: {paths}, {said(lit, gloss=False).replace('; ', ' and ')}."


MAP_FIG = (900, 660)


def map_check():
    """The fold after the map's Predict (pass 57, r51: the lit map sat in view under its question): the map with the
    two traced paths lit, then the answer in words, both hidden until the learner opens the check."""
    hidden, number = (decisions.decision(r) for r in MAP_TRACED)
    if number.pick != "identity":
        raise ValueError("the words say a number gets no bend; decisions.py says otherwise")
    fig = decision_map(trace=MAP_TRACED)
    img = tables.image(figure_png(fig), figure_alt(fig), MAP_FIG[0])
    body = f"""
{img}

Hidden layers: **{_label(hidden.pick)}**.
A temperature is a number, maybe below 0: **no bend** at the output.
Sigmoid would squash every guess to between 0 and 1.
"""
    return Markdown(f"<details><summary>Check your prediction</summary>\n\n{body.strip()}\n\n</details>")


SLOPES_THREE, SLOPES_FIG, SLOPES_X = ("sigmoid", "tanh", "relu"), (760, 320), (-4.0, 4.0)
TANH_ASKED, TANH_LABEL_AT = 1.0, (1.45, 0.27)   # "at sum 1, its slope is already 0.42": the dot the words point at
SLOPES_YLIM = (-0.05, 1.1)   # the slope panel: one scale for all three, so sigmoid's low top shows at a glance


@plots.styled
def three_slopes():
    """Sigmoid, tanh and ReLU (left) and their slopes on one shared scale (right), each top named: sigmoid's 0.25,
    tanh's 1; ReLU's slope a step from 0 to 1. Shown before the words quote those numbers (pass 37, r34)."""
    xs = np.linspace(*SLOPES_X, 401)
    fig = plots.curves_and_slopes(SLOPES_THREE, xs, *SLOPES_FIG, titles=("the bend", "its slope"))
    ax_f, ax_d = fig.axes
    ax_f.set(xlim=SLOPES_X, ylim=(-1.2, 2.0), xlabel=SUM_LABEL, ylabel="output")
    ax_d.set(xlim=SLOPES_X, ylim=SLOPES_YLIM, xlabel=SUM_LABEL, ylabel="slope")
    tops = {name: slope_at(name, 0.0) for name in ("sigmoid", "tanh")}   # each S is steepest at x = 0
    said = {  # each top named in an empty corner, an arrow to its dot: (words, where the words sit, alignment)
        "sigmoid": (f"Sigmoid:\nat most {_two(tops['sigmoid'])}", (3.95, 0.6), "right"),   # r70: inside the panel; r73: up, clear of tanh's x = 1 label
        "tanh": (f"Tanh:\nat most {_two(tops['tanh'])}", (-0.9, 0.85), "right"),
    }
    for name, (words, at, side) in said.items():
        ax_d.plot([0.0], [tops[name]], "o", ms=7, color=plots.color(name), markeredgecolor="black", zorder=5)
        ax_d.annotate(words, (0.0, tops[name]), xytext=at, ha=side, va="center", fontsize=12, fontweight="bold",
                      color=plots.color(name), arrowprops=dict(arrowstyle="-", color=plots.color(name), lw=1))
    # pass 76 (r73 Picture: the words quote tanh's 0.42 at sum 1, the picture marked only x = 0): a dot there too
    k1 = slope_at("tanh", TANH_ASKED)
    ax_d.plot([TANH_ASKED], [k1], "o", ms=7, color=plots.color("tanh"), markeredgecolor="black", zorder=5)
    ax_d.annotate(f"x = {_x(TANH_ASKED)}:\n{_two(k1)}", (TANH_ASKED, k1), xytext=TANH_LABEL_AT, ha="left", va="center",
                  fontsize=12, fontweight="bold", color=plots.color("tanh"),
                  arrowprops=dict(arrowstyle="-", color=plots.color("tanh"), lw=1))
    for words, xy, at, side in (("ReLU: 1", (3.0, 1.0), (3.9, 0.9), "right"),   # the step's two levels, named
                                ("ReLU: 0", (-3.0, 0.0), (-3.9, 0.25), "left")):
        ax_d.annotate(words, xy, xytext=at, ha=side, va="top" if xy[1] else "bottom", fontsize=12, fontweight="bold",
                      color=plots.color("relu"), arrowprops=dict(arrowstyle="-", color=plots.color("relu"), lw=1))
    fig.set_label(
        f"Sigmoid, tanh and ReLU: left, the three curves; right, their slopes on one scale. Sigmoid's slope is at "
        f"most {_two(tops['sigmoid'])}, at x = 0. Tanh's is at most {_two(tops['tanh'])}, at x = 0, and lower further "
        f"out: a dot at x = {_x(TANH_ASKED)} marks {_two(k1)}. ReLU's slope is 0 left of 0 and 1 right of 0.")
    return fig


RANGE_BENDS, RANGE_FIG, RANGE_YLIM = ("sigmoid", "tanh", "relu", "identity"), (620, 300), (-6.5, 3.0)
RANGE_NAMES = {"identity": "No bend"}   # the map's short name: the registry's adds "(output = the sum)"
TEMPERATURE = -5.0   # pass 78 (r75 Picture: "At the output: the range matters" was words only): the map's Predict's
# temperature, tomorrow at −5 °C, as a dot on each bend's range


_num = printing.true_minus   # a number as the pictures print it: −5, 0.5 (code review: it could print −0)


def range_words(name):
    """A bend's outputs in words, from the registry's output_range: 'from 0 to 1', 'from 0 upward', 'everything'."""
    lo, hi = activations.get(name).output_range
    if np.isfinite(lo) and np.isfinite(hi):
        return f"from {_num(lo)} to {_num(hi)}"
    if np.isfinite(lo) or np.isfinite(hi):
        return f"from {_num(lo)} upward" if np.isfinite(lo) else f"up to {_num(hi)}"
    return "everything"


def _range_name(name, start=False):
    """The output picture's name for a bend: 'No bend' for identity; lower case in a sentence unless it is an acronym."""
    said = RANGE_NAMES.get(name, _label(name))
    return said if start or any(ch.isupper() for ch in said[1:]) else said[0].lower() + said[1:]


def reaches(name, value=TEMPERATURE):
    """Whether a bend's outputs can be value: inside its range (the registry's), an end counting only if attained."""
    act = activations.get(name)
    lo, hi = act.output_range
    return (lo < value < hi) or (value == lo and act.bounds[0] == "[") or (value == hi and act.bounds[1] == "]")


@plots.styled
def output_ranges():
    """At the output, the range matters: each bend's outputs as a band (its range, from the registry; an arrow where
    it has no end), and a dot at a temperature of −5 °C, filled where the band reaches it (notebook 06)."""
    fig, ax = plots.new_figure(*RANGE_FIG)
    lo_edge, hi_edge = RANGE_YLIM
    for i, name in enumerate(RANGE_BENDS):
        lo, hi = activations.get(name).output_range
        bottom, top = max(lo, lo_edge + 0.7), min(hi, hi_edge - 0.7)
        ax.bar(i, top - bottom, bottom=bottom, width=0.5, color=plots.color(name), alpha=0.45, edgecolor="black", lw=0.8)
        for end, edge, sign in ((lo, bottom, -1), (hi, top, 1)):   # no end: an arrow says the band goes on
            if not np.isfinite(end):
                ax.annotate("", (i, edge + sign * 0.6), (i, edge), arrowprops=dict(arrowstyle="-|>", color="black", lw=2,
                                                                     mutation_scale=16))
        ok = reaches(name)
        ax.plot([i], [TEMPERATURE], "o", ms=10, color=MARK_INK if ok else "white", markeredgecolor=MARK_INK,
                markeredgewidth=1.8, zorder=5)
        ax.text(i + 0.12, TEMPERATURE, f"gives {_num(TEMPERATURE)}" if ok else f"cannot\ngive {_num(TEMPERATURE)}",
                va="center", ha="left", fontsize=11, color=MARK_INK)
    ax.axhline(TEMPERATURE, color=plots.MUTED, lw=1, ls=":")
    ax.axhline(0, color="#bbbbbb", lw=0.6)
    ax.set(xlim=(-0.5, len(RANGE_BENDS) - 0.2), ylim=RANGE_YLIM, ylabel="what the bend can give",
           title=f"The dot: tomorrow at {_num(TEMPERATURE)} °C")
    ax.set_xticks(range(len(RANGE_BENDS)), [_range_name(n, start=True) for n in RANGE_BENDS])
    ends = {v for n in RANGE_BENDS for v in activations.get(n).output_range if np.isfinite(v)}
    ax.set_yticks(sorted(ends | {TEMPERATURE}))   # the bands' ends and the dot's level, all from the values drawn
    said = [f"{_range_name(n, start=True)} {'can' if reaches(n) else 'cannot'}" for n in RANGE_BENDS]
    fig.set_label("The values each bend can give, as bands: "
                  + ", ".join(f"{_range_name(n)} {range_words(n)}" for n in RANGE_BENDS)
                  + f". A dotted line at {_num(TEMPERATURE)}, a temperature of {_num(TEMPERATURE)} °C: "
                  + ", ".join(said) + " give it.")
    return fig


RANGES_SUMMARY = "Show the ranges (after you predict)"   # p108 (r110 Interaction): the words told the answer


def ranges_fold():
    """The output ranges' picture behind a click, then the answer (p108, r110 Interaction: the words said "only no
    bend gives −5 °C" before the learner could guess), as writes_fold folds line 4's picture."""
    can = [_range_name(n, start=True) for n in RANGE_BENDS if reaches(n)]
    if can != [_range_name("identity", start=True)]:
        raise ValueError("the answer says only no bend can give the temperature")
    lows = sorted({activations.get(n).output_range[0] for n in RANGE_BENDS if not reaches(n)})   # tanh −1; 0
    return _picture_fold(RANGES_SUMMARY, output_ranges(), RANGE_FIG[0],
                         f"Only {can[0].lower()} can give {_num(TEMPERATURE)} °C. The others stop at "
                         f"{' or '.join(_num(v) for v in lows)}.")


SOFTMAX_CLASSES, SOFTMAX_FIG = ("cat", "dog", "bird"), (620, 280)   # p103 (r105 Picture first): softmax drawn
SOFTMAX_CAPTION = "The shares add to 1; the biggest sum gets the biggest share."


@plots.styled
def softmax_picture():
    """Softmax in a picture (p103, r105 Picture first: it had only words): three output sums as bars (left) and the
    shares softmax gives them (right), each share printed to 2 decimals; the caption says they add to 1."""
    sums, shares = np.array(SOFTMAX_SCORES), softmax_shares()
    fig, (ax_s, ax_p) = plots.new_figure(*SOFTMAX_FIG, ncols=2)
    ink = plots.color("softmax")
    for ax, vals, title, top in ((ax_s, sums, "output sums", 2.5), (ax_p, shares, "softmax shares", 1.0)):
        ax.bar(range(len(vals)), vals, width=0.6, color=ink, alpha=0.6, edgecolor="black", lw=0.8)
        for i, v in enumerate(vals):
            ax.text(i, v + 0.03 * top, f"{v:.1f}" if ax is ax_s else f"{v:.2f}", ha="center", va="bottom", fontsize=12)
        ax.set_xticks(range(len(vals)), SOFTMAX_CLASSES)
        ax.set(ylim=(0, top * 1.15), title=title)
    fig.suptitle(SOFTMAX_CAPTION, fontsize=12)
    fig.set_label("Two bar charts. Left, three output sums: "
                  + ", ".join(f"{c} {v:.1f}" for c, v in zip(SOFTMAX_CLASSES, sums))
                  + ". Right, the shares softmax gives them: "
                  + ", ".join(f"{c} {v:.2f}" for c, v in zip(SOFTMAX_CLASSES, shares))
                  + ". " + SOFTMAX_CAPTION)
    return fig


def softmax_how():
    """How softmax makes its shares, said under its picture (p107, r109 Picture first: the words came before the
    picture); p108 (r110 Interaction): the picture and these words wait in softmax_fold, behind a click."""
    return Markdown(f"How: it raises e, a fixed number (about {np.e:.2f}), to the power of each sum. That is always above 0.\n"
                    "Then it divides each by the total, so the shares add up to 1.")


def softmax_answer():
    """The softmax Predict's answer: e and the cat-to-dog ratio computed here, so "more than twice" is measured.
    Returns the verdict, then why (each share is e^sum ÷ total, so the total drops out of their ratio)."""
    sums, shares = np.array(SOFTMAX_SCORES), softmax_shares()
    ratio = shares[0] / shares[1]
    if not np.isclose(ratio, np.exp(sums[0] - sums[1])) or ratio <= 2:
        raise ValueError("the words say cat's share is e times dog's: more than twice")
    # r114 (Clarity: the step from a difference of 1 to a ratio of e was skipped): shown
    # r116 (Clarity: "Both share one total, so it cancels": "it" unclear, each share ÷ total unseen)
    why = (f"Cat's share is e<sup>{sums[0]:.1f}</sup> ÷ total. Dog's is e<sup>{sums[1]:.1f}</sup> ÷ total.\n"
           "Divide one by the other, and the total drops out:\n"
           f"e<sup>{sums[0]:.1f}</sup> ÷ e<sup>{sums[1]:.1f}</sup> = e, since cat's sum is {sums[0] - sums[1]:.0f} more.")
    return f"More than twice: cat's share is {ratio:.2f} times dog's.", why


def softmax_fold():
    """Softmax's picture, the Predict's answer, how the shares are made and why the ratio is e, in one check fold
    (p108, r110 Interaction: the picture printed 0.66 and 0.24 right under the Predict; r116 Interaction: a first
    fold with the picture already answered the Predict, so a second check fold added little: one fold now)."""
    verdict, why = softmax_answer()
    return _picture_fold(CHECK_SUMMARY, softmax_picture(), SOFTMAX_FIG[0], f"{verdict}\n\n{softmax_how().data}\n{why}")


DEAD_SEED, DEAD_N, DEAD_FIG = 1306, 8, (680, 290)   # the side arrow's picture: one dead unit, eight training inputs
# pass 58 (r52 Pictures): seed 6 drew -2.0 twice, so only seven markers showed; 1306 draws eight sums 0.3 or more apart
TRUE_SCALE_NOTE = "true scale:\nthe leak barely shows"   # the left panel's caption (pass 63, r58)
DEAD_GAP = 0.3   # the smallest gap between two sums, so each marker can be counted (tested)


def dead_sums():
    """A dead ReLU unit's sums over eight training inputs: a fixed random draw, every one at or below 0 (1 decimal)."""
    return -np.round(np.abs(np.random.default_rng(DEAD_SEED).normal(1.2, 0.8, DEAD_N)), 1)


DEAD_SLOPE_TOP = 0.02   # r116 (Picture: the zoom inset sat inside the 0-to-1 slope axis, its 0.01 row on the 0.5 line):
# the slope panel is itself the zoom, 0 to twice the leak, so the two rows of dots sit apart and each is labelled
DEAD_ROW_WORDS = {"relu": "no nudge", "leaky_relu": "a small nudge"}   # each row's label: its slope, then what it passes


@plots.styled
def dead_units():
    """The side arrow in a picture (pass 54, r48): a dead unit's eight sums, all at or below 0. Left, what ReLU and
    Leaky ReLU give there, at true scale; right, the slope each input passes back: ReLU's all 0, Leaky ReLU's all its
    leak, 0.01. r116 (Picture: a zoom inset inside a 0-to-1 axis put the leak's row on the 0.5 line): the slope panel
    runs from 0 to 0.02 only, says so on its axis, and labels each row of dots in words."""
    sums = dead_sums()
    leak = float(activations.get("leaky_relu").derivative(-1.0))   # the registry's leak, not a typed 0.01
    fig, (ax_f, ax_d) = plots.new_figure(*DEAD_FIG, ncols=2)
    xs = np.linspace(-3, 1, 201)
    for name, shape in (("relu", "s"), ("leaky_relu", "o")):
        f = activations.get(name)
        # dashes tell the two apart beyond colour (they share the right side); line_style gives both a solid line
        ax_f.plot(xs, f(xs), lw=2, color=plots.color(name), ls="-" if name == "relu" else "--", label=_label(name))
        ax_f.plot(sums, f(sums), shape, ms=6, color=plots.color(name), markeredgecolor="black", zorder=5)
        k = np.asarray(f.derivative(sums), dtype=float)
        ax_d.plot(sums, k, shape, ms=7, color=plots.color(name), markeredgecolor="black", label=f"{_label(name)}: {k[0]:g}")
        ax_d.text(-2.95, k[0] + 0.12 * DEAD_SLOPE_TOP, f"{_label(name)}: {k[0]:g}, {DEAD_ROW_WORDS[name]}",
                  fontsize=11, va="bottom", ha="left", color=MARK_INK)
    ax_f.set(xlim=(-3, 1), ylim=(-0.3, 1.1), xlabel=SUM_LABEL, ylabel="output", title="one dead unit: eight training sums")
    # pass 58 (r52 Pictures): the title ran past the picture's right edge
    ax_d.set(xlim=(-3, 1), ylim=(-0.15 * DEAD_SLOPE_TOP, 1.05 * DEAD_SLOPE_TOP), yticks=[0, leak, DEAD_SLOPE_TOP],
             yticklabels=["0", f"{leak:g}", f"{DEAD_SLOPE_TOP:g}"], xlabel=SUM_LABEL,
             ylabel=f"slope (tiny: 0 to {DEAD_SLOPE_TOP:g})", title="slope = share passed back")   # r56: the share
    ax_f.legend(loc="upper left", fontsize=11)
    # pass 63 (r58 Picture): the leak at true scale hides Leaky ReLU's dots under ReLU's: said in the panel
    ax_f.text(-2.9, 0.45, TRUE_SCALE_NOTE, fontsize=11, va="center", ha="left", color=MARK_INK)
    fig.set_label(
        f"One dead unit's sums over {DEAD_N} training inputs, all at or below 0. Left, at true scale: ReLU gives 0 at "
        f"each; Leaky ReLU gives a little below 0, so close that its dots sit almost on ReLU's. Right, the slopes on a "
        f"tiny scale, 0 to {DEAD_SLOPE_TOP:g}: ReLU's slope is 0 at every sum, so no nudge comes back; Leaky ReLU's is "
        f"{leak:g}, a small nudge. Each row of dots is labelled.")
    return fig


GELU_ZOOM = (-2.0, 1.0)   # the fold's picture: near 0, where GELU and ReLU part
GELU_FIG = (680, 300)
GELU_ASKED = -0.1   # the fold's question: a sum just below 0
GELU_PAIR = ("relu", "gelu")
# pass 62 (r56 Focus 1): the GELU slider left the main path; pass 77 (r74 Picture 2): its picture and words are line 3's


def slope_at(name, x):
    """A bend's slope at x: the share of the nudge it passes back there."""
    return float(activations.get(name).derivative(float(x)))


def _two(v):
    """A slope to 2 decimals with a true minus ('0.42', '−0.13'); an exact whole number as itself ('0', '1')."""
    if v == int(v):
        return str(int(v))
    text = f"{v:.2f}"
    return ("0.00" if float(text) == 0 else text).replace("-", "−")


def _x(v):
    """The slider's x as the text writes it: '−0.1', '0.5', '0', '−0.75'."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text).replace("-", "−")


def who_used_what():
    """The history's optional fold (pass 77, r74 Focus: its sources moved to links_and_sources's fold)."""
    body, _ = _history()
    return Markdown(f"<details><summary>{WHO_SUMMARY}</summary>\n\n{body}\n\n</details>")


def _history():
    """The words of an optional fold after line 3's words (pass 60, r54 Focus 1-2: the names pulled the eye off the
    seven rules): which well-known networks used which bend, each from the deployments table. Pass 61 (r55 Focus 2):
    one model a bend, the ones the chapter already named where it can (GPT-2, LLaMA). Pass 82 (r80 Focus: the 2020
    test was told twice): the test is told once, in gate_test_fold (pass 89b: at the optional end); here only its source stays cited."""
    first = next(d for d in deployments.DEPLOYMENTS if d.model == "Transformer (original)" and d.part == "feed-forward block")
    rows = {d.model: d for d in deployments.DEPLOYMENTS if "feed-forward" in d.where}
    gelu, swiglu = decisions.facts()["gelu_models"][0], decisions.facts()["swiglu_models"][0]   # GPT-2, LLaMA
    study = deployments.comparison("Shazeer")
    if rows[gelu].registry not in {"gelu", "gelu_tanh"} or rows[swiglu].registry != "swiglu" or first.registry != "relu":
        raise ValueError("the words say the first transformer used ReLU, GPT-2 GELU, LLaMA SwiGLU; deployments.py disagrees")
    kept = {d.model: d for d in deployments.RELU_LANGUAGE_MODELS}
    if "OPT" not in kept or kept["OPT"].registry != "relu":
        raise ValueError("the words say OPT kept ReLU; deployments.py says otherwise")
    cnn = efficientnet()
    body = (f"**CNNs.** {cnn.model} ({cnn.year}), a family of CNNs, uses SiLU, a smoother bend than ReLU.\n\n"
            f"**Transformers.** The first transformer, in {first.year}, used {first.bend}. "
            f"{gelu} ({rows[gelu].year}) used GELU. {swiglu} ({rows[swiglu].year}) uses SwiGLU.\n"
            # pass 34 (r32): OPT is a language model like GPT-2 (T5, which turns one text into another, is data only)
            f"Some kept ReLU, such as OPT ({kept['OPT'].year}), a language model like {gelu}.")
    # pass 63 (r58 Correctness 4): each claim above with its primary source, as deployments.py holds it; the 2020
    # test's source too, though line 3 tells the test itself
    cited = ((cnn.model, cnn), ("the first transformer", first), (gelu, rows[gelu]), (swiglu, rows[swiglu]),
             ("OPT", kept["OPT"]), (f"the {study.year} test", study))
    return body, cited


def links_and_sources():
    """One optional fold at the chapter's end (pass 77, r74 Focus: plumbing for this learner): one sentence linking
    the chapters that showed the lines (pass 92, r93 Focus: it was a "Seen in" list of nine section links) and the
    history's sources, in small type.
    Pass 72 (r68 Focus): the sources one line; pass 75 (r72 Focus): authors and year only, the titles stay in
    deployments.py (the 2020 test's title is in the history's words)."""
    _, cited = _history()
    sources = "; ".join(f"{learner_source(d.citation)}{titled(d)} ({who})" for who, d in cited)
    return Markdown(f"<details><summary>{LINKS_SUMMARY}</summary>\n\n{shown_in()}\n\n"
                    f"<small>\n\n**{SOURCES_HEAD}**: {sources}.\n\n</small>\n\n</details>")


def titled(source):
    """', “GLU Variants Improve Transformer”' for the 2020 test, so a learner can look it up (pass 82: its title left
    the history's words, which no longer tell the test); nothing for the other sources."""
    return f", “{paper_title(source)}”" if isinstance(source, deployments.Comparison) else ""


def learner_source(citation):
    """Authors and year of a citation, up to its quoted title: 'Vaswani et al. 2017'."""
    found = re.match(r"([^']*?\b(?:19|20)\d\d), '", citation)
    if not found:
        raise ValueError(f"no authors and year before a quoted title in {citation!r}")
    return found.group(1)


WHO_SUMMARY = "Optional: who used which bend"
SOURCES_HEAD = "Sources"
LINKS_SUMMARY = "Where these facts come from"   # pass 90 (r91 Focus): one closed block, the last cell


def paper_title(study):
    """A study's title, as its citation in deployments.py quotes it: 'GLU Variants Improve Transformer'."""
    found = re.search(r"'([^']+)'", study.citation)
    if not found:
        raise ValueError(f"no quoted title in {study.citation!r}")
    return found.group(1)


GELU_MARK = {  # the fold's marks at x = −0.1: shape, label offset (points), label side (each in an empty corner)
    "gelu": ("o", (-10, 4), "right"), "relu": ("s", (10, -6), "left")}


def _mark_asked(ax):
    """Dots at x = GELU_ASKED on the slope panel, one per bend, each labelled with its bend's name only: the picture
    sits under the question, so the slopes' values wait in the check (pass 88, r87 Interaction). A dotted line marks
    that x."""
    ax.axvline(GELU_ASKED, color=plots.MUTED, lw=1, ls=":")
    for name in GELU_PAIR:
        k = slope_at(name, GELU_ASKED)
        shape, offset, side = GELU_MARK[name]
        ax.plot([GELU_ASKED], [k], shape, ms=8, color=plots.color(name), markeredgecolor="black", zorder=5)
        ax.annotate(_label(name), (GELU_ASKED, k), xytext=offset, textcoords="offset points",
                    ha=side, va="bottom" if k > 0 else "top", fontsize=12, fontweight="bold", color=plots.color(name))
    ax.annotate(f"x = {_x(GELU_ASKED)}", (GELU_ASKED, 0.97), xycoords=("data", "axes fraction"), xytext=(-4, 0),
                textcoords="offset points", ha="right", va="top", fontsize=11, color=MARK_INK)


@plots.styled
def gelu_picture():
    """ReLU and GELU near 0, value and slope, on shared x; the slope panel marks x = −0.1 with a labelled dot per bend
    (the values gelu_reason's words read off it)."""
    fig = plots.curves_and_slopes(GELU_PAIR, np.linspace(*GELU_ZOOM, 301), *GELU_FIG, titles=("value", "slope"))
    for ax in fig.axes:
        ax.set_xlabel(SUM_LABEL)   # r48: the same x label as every other picture in the chapter
    _mark_asked(fig.axes[1])
    g, r = slope_at("gelu", GELU_ASKED), slope_at("relu", GELU_ASKED)
    fig.set_label("ReLU and GELU for x from −2 to 1: left, the curves (GELU dips a little below 0 left of 0, ReLU is "
                  f"flat at 0); right, their slopes, ReLU's a step from 0 to 1 at x = 0, with a dot for each at "
                  f"x = {_x(GELU_ASKED)}, labelled with its name: GELU's {'above 0' if g > 0 else 'at 0'}, "
                  f"ReLU's {'at 0' if r == 0 else 'above 0'}")
    return fig


def swiglu_picture():
    """Line 3's SwiGLU in a picture (pass 65, r60 Picture 2: "no single curve can draw it", so draw the unit): chapter
    02's diagram, unchanged, two weighted sums of the inputs, one bent by SiLU into the gate, joined by ×. Pass 87 (r86
    Picture: SiLU and GELU sat in a narrow side panel here): they are drawn large before it, by smooth_bends."""
    from course_utils.ui.ch02_four_bends import swiglu_diagram
    # pass 66 (r61 Clarity 2, Correctness 1): "the gate sets how much gets through" read as a 0-to-1 share, which
    # line 4 teaches for an LSTM gate; SiLU has no top and dips below 0, so this note says what the gate does here
    # pass 95 (r96 Clarity: "weighted sum" is chapter 02's word; this chapter says "sum"): its boxes and alt say "sum"
    fig = swiglu_diagram(sums=SWIGLU_SUMS, source="the inputs", note=SWIGLU_NOTE)
    alt = fig.get_label().replace("two weighted sums", "two sums")
    # pass 98 (r99 Interaction: "it can be below 0 or above 1" answered the Predict under the picture): the range
    # waits in swiglu_numbers's check fold
    fig.set_label(alt + ". Between the paths: the gate scales the content.")
    return fig


SWIGLU_SUMS = ("a = sum 1", "b = sum 2")   # the diagram's two sum boxes, in this chapter's word
SWIGLU_ROWS = ((2.0, 3.0), (-1.0, 3.0))   # pass 93 (r94 Picture, Interaction): two (a, b) under the diagram


def swiglu_rows(rows=None):
    """Each (a, b) of rows (default SWIGLU_ROWS) with its gate SiLU(a) and the output SiLU(a)·b: [(a, b, gate, output)]."""
    silu = activations.get("silu")
    return [(a, b, float(silu(a)), float(silu(a)) * b) for a, b in (SWIGLU_ROWS if rows is None else rows)]


def _one(v):
    """An output to 1 decimal with a true minus ('5.3', '−0.8')."""
    return f"{v:.1f}".replace("-", "−")


def swiglu_numbers():
    """The check under SwiGLU's diagram (pass 93, r94 Picture, Interaction: "can this gate flip the content's sign?"):
    two rows, a gate above 1 that scales the content up and a gate below 0 that flips its sign, in a fold."""
    rows = swiglu_rows()
    (a1, b1, up, out1), (a2, b2, flip, out2) = rows
    if not (up > 1 and flip < 0 < b2 and out1 > b1 and out2 < 0):
        raise ValueError("the words say the first gate scales the content up and the second flips its sign")
    table = "\n".join(["| a | gate: SiLU(a) | content: b | output: gate × b |", "|---|---|---|---|"]
                      + [f"| {_x(a)} | {_two(g)} | {_x(b)} | {_one(o)} |" for a, b, g, o in rows])
    return Markdown(f"<details><summary>{CHECK_SUMMARY}</summary>\n\n{table}\n\n"
                    f"Yes. At a = {_x(a2)}, the gate is {_two(flip)}, below 0.\n"
                    f"So {_x(b2)} comes out as {_one(out2)}: its sign flips.\n"
                    f"At a = {_x(a1)}, the gate is {_two(up)}, above 1: it scales up.\n"
                    f"So the gate can be below 0 or above 1.\n\n</details>")


SMOOTH = ("silu", "gelu")   # line 3's two smooth bends, drawn large with ReLU for comparison (pass 87, r86 Picture)
SMOOTH_X, SMOOTH_FIG = (-3.0, 3.0), (640, 330)


@plots.styled
def smooth_bends():
    """SiLU and GELU drawn large, ReLU thin beside them, for x from −3 to 3 (pass 87, r86 Picture: picture first,
    before line 3's words and the SwiGLU diagram; pass 78: drawn, not only a formula). Each line has its own dash and
    a legend entry; the alt text says what the picture shows."""
    fig, ax = plots.new_figure(*SMOOTH_FIG)
    xs = np.linspace(*SMOOTH_X, 241)
    for name in ("relu",) + SMOOTH:
        thin = name == "relu"
        ax.plot(xs, plots.finite(plots.curve(name, xs)), color=plots.color(name), lw=1.4 if thin else 2.8,
                alpha=0.7 if thin else 1.0, label=_label(name).split(" /")[0] + (" (thin)" if thin else ""),
                **plots.line_style(name))
    ax.axhline(0, color="#bbbbbb", lw=0.8)
    ax.axvline(0, color="#bbbbbb", lw=0.8)
    ax.set(xlim=SMOOTH_X, ylim=(-0.6, 3.1), xlabel=SUM_LABEL, ylabel="bend's output",
           title="Two smooth bends: rounded ReLU with a small dip")   # pass 89 (r89): unlike Softplus, no dip
    ax.legend(loc="upper left", fontsize=12)
    low = {n: float(np.min(plots.curve(n, xs))) for n in SMOOTH}
    fig.set_label(f"SiLU and GELU drawn large for x from {_x(SMOOTH_X[0])} to {_x(SMOOTH_X[1])}, with ReLU thin: "
                  f"both follow ReLU far from 0, round its corner near 0, and dip a little below 0 left of it "
                  f"(lowest: SiLU {_two(low['silu'])}, GELU {_two(low['gelu'])}); at x = 1, SiLU gives "
                  f"{_two(plots.curve('silu', 1.0))}, below GELU's {_two(plots.curve('gelu', 1.0))}")
    return fig


def smooth_picture():
    """smooth_bends' picture inline, with its alt text (p107, r109 Correctness: the words quote SiLU's lowest
    point, so a cell's output says it)."""
    fig = smooth_bends()
    return Markdown(tables.image(figure_png(fig), figure_alt(fig), SMOOTH_FIG[0]))


SWIGLU_NOTE = "the gate scales the content"   # pass 98 (r99): its range is said in the Predict's check, not here


def run_scores(study, run=-1):
    """Each block's score after one training run of the 2020 test: {version: score}; run -1 is the longer (the bars')."""
    return {version: values[run] for version, *values in study.scores}


def gate_won(study):
    """The 2020 test in one line (r75 Correctness: "the two least wrong had a gate" undersold it): every block with a
    gate scored lower (less wrong) than every block without, at each training length, as deployments.py's table holds."""
    scores = {version: values for version, *values in study.scores}
    plain = [v for v in study.compared if v not in study.gated]
    if set(scores) != set(study.compared) or not all(
            max(scores[g][k] for g in study.gated) < min(scores[p][k] for p in plain) for k in range(len(scores[plain[0]]))):
        raise ValueError("the words say every gated block was less wrong than every plain one; the scores disagree")
    return f"all {len(study.gated)} blocks with a gate were less wrong than all {len(plain)} without"


GATE_INK = {True: (plots.ACCENT, "//", "with a gate"), False: (plots.MUTED, "", "no gate")}


def version_label(version):
    """A version of the 2020 test as the chapter names it: the registry's short name where the paper's is an alias
    (its Swish is the chapter's SiLU), else the paper's own."""
    try:
        return _label(activations.canonical(version)).split(" /")[0]
    except activations.UnknownActivation:
        return version


MAIN_BLOCKS = ("ReLU", "GELU", "SwiGLU")   # pass 83 (r81 Focus, Clarity: five new names at once): the blocks line 3's
# main path names; the full test waits in the optional end (gate_test_fold)
MAIN_FIG = (600, 190)


def _gain_words(gain):
    """A bar's end label: '0.041 better', '0.002 worse', '0' for the baseline itself (pass 88, r87: the chart says
    better or worse, not the double negative "less wrong")."""
    if round(gain, 3) == 0:
        return "0"
    return f"{abs(gain):.3f} {'better' if gain > 0 else 'worse'}"


@plots.styled
def gate_test_picture(study=None, baseline="ReLU", only=None):
    """The 2020 test in a picture (pass 80, r77 Picture 2: "all 5 with a gate ... all 3 without" had none): one bar per
    version drawn, how much less wrong than the ReLU block it scored after the longer training, from 0 (r78 Picture: bars
    of the scores on an axis starting at 1.58 made a 3 % gap look twofold); gated bars blue and hatched, plain ones
    grey; sorted, least wrong at the top. gate_won checks the split at every training length.
    only (pass 83, r81 Focus): the versions drawn, line 3's main path (MAIN_BLOCKS) unless told, each bar's gain
    written at its end, with no raw score. p104 (r106 Tidy): the picture of all eight, which no cell showed, is gone."""
    study = study or deployments.comparison("Shazeer")
    only = MAIN_BLOCKS if only is None else only
    gate_won(study)   # the picture shows the words' claim: raise if the scores disagree
    every = sorted(run_scores(study).items(), key=lambda r: r[1])
    if not set(only) <= {v for v, _ in every}:
        raise ValueError(f"no such versions in the {study.year} test: {sorted(set(only) - {v for v, _ in every})}")
    rows = [r for r in every if r[0] in only]
    base = dict(every)[baseline]
    fig, ax = plots.new_figure(*MAIN_FIG)
    for i, (version, value) in enumerate(rows):
        ink, hatch, said = GATE_INK[version in study.gated]
        ax.barh(i, base - value, height=0.7, color=ink, alpha=0.8, hatch=hatch, edgecolor="black", lw=0.8,
                label=said if said not in ax.get_legend_handles_labels()[1] else None)
        if version != baseline:   # the gain in words at the bar's end: no reading off the axis
            ax.text(max(base - value, 0) + 0.0008, i, _gain_words(base - value), va="center", fontsize=11,
                    fontweight="bold")
    ax.axvline(0, color="black", lw=1)
    ax.text(0.0008, [v for v, _ in rows].index(baseline), f"{version_label(baseline)} itself: 0", va="center", fontsize=10)
    ax.set_yticks(range(len(rows)), [version_label(v) for v, _ in rows], fontsize=11)
    ax.invert_yaxis()   # least wrong at the top
    gains = [base - v for _, v in rows]
    ax.set(xlim=(min(gains + [0]) - 0.005, max(gains) + 0.02),   # room to write each gain after its bar
           xlabel=f"how much better than {baseline}",   # pass 88 (r87 Picture: "less wrong" read as a double negative)
           title=f"The {study.year} test: {len(rows)} of its {len(every)} blocks")
    ax.legend(loc="lower right", fontsize=11)   # the empty corner: the plain bars sit near 0 at the bottom
    fig.set_label(f"Bars for {len(rows)} of the {len(every)} feed-forward blocks of the {study.year} test, each as "
                  f"how much better than the {baseline} block it scored: "
                  + "; ".join(f"{version_label(v)}, {'with a gate, hatched' if v in study.gated else 'no gate, grey'}: "
                              f"{_gain_words(base - s)}" for v, s in rows if v != baseline)
                  + f"; {baseline} itself: 0")
    return fig


def gate_gain(study, baseline="ReLU"):
    """The 2020 test's numbers line 3 quotes, after the longer training (the bars' scores): ReLU's score; how much less
    wrong plain GELU was (a little below 0: worse); SwiGLU's gain and that gain as a share of ReLU's score (pass 83, r81:
    the main path names only ReLU, GELU and SwiGLU); the largest gain and its block (the optional end's)."""
    final = run_scores(study)
    base = final[baseline]
    best = min(final, key=final.get)
    return {"base": base, "gelu": base - final["GELU"], "swiglu": base - final["SwiGLU"],
            "swiglu_percent": 100 * (base - final["SwiGLU"]) / base, "best": best, "gain": base - final[best]}


GELU_SAME = 0.005   # "about the same as ReLU": plain GELU's score within this of ReLU's (it is 0.002 worse)


def gate_gain_share(study, baseline="ReLU"):
    """Pass 85 (r84 Correctness: "the gain came with the gate, not with a smoother bend" was too strong: among gated
    blocks the smoother gates did better, ReGLU 0.032, SwiGLU 0.041, GEGLU 0.044): the share of the best gain that the
    gate bent by the baseline's own bend (ReGLU) already got, over half ("most of the gain came with the gate"); and
    every plain block with a smoother bend (GELU, SiLU) within GELU_SAME of the baseline or worse ("a smoother bend
    alone did not clearly help"). Raises when the scores say otherwise."""
    final = run_scores(study)
    own = activations.canonical(baseline)
    same_bend = [v for v, bend in study.gate_bends if bend == own]
    best = final[baseline] - min(final.values())
    if len(same_bend) != 1 or not (final[baseline] - final[same_bend[0]]) > best / 2:
        raise ValueError("the words say most of the gain came with the gate: the gate bent by ReLU got over half of it")
    plain = [v for v in study.compared if v not in study.gated and v != baseline]
    if any(final[baseline] - final[v] > GELU_SAME for v in plain):
        raise ValueError("the words say a smoother bend alone did not clearly help: a plain block gained clearly")
    return (final[baseline] - final[same_bend[0]]) / best


def gate_result(study):
    """What the 2020 test's three main bars say, in short lines (pass 82, r80 Correctness: plain GELU a little below
    ReLU, said): without a gate GELU scored about the same as ReLU; with a gate SwiGLU was less wrong, and by how
    much; no reason given. Pass 83 (r81 Correctness: "GELU stays on line 3: many models use it" rested on popularity
    alone): GELU is on line 3 because it is common, not because this test showed it better."""
    n = gate_gain(study)
    if not -GELU_SAME <= n["gelu"] < 0 or not n["swiglu"] > 0:   # pass 105 (r107): "about the same (0.002 worse)"
        raise ValueError("the words say plain GELU scored about ReLU's score, a little worse, and SwiGLU was less wrong")
    gate_gain_share(study)   # "most of the gain came with the gate; a smoother bend alone did not clearly help"
    gelu_runs(study)   # "about tied" holds after both runs (pass 84, r83 Focus: their numbers wait in the fold)
    # pass 90 (r91 Focus: the GELU verdict four times): said once, in gate_in_one_line just above the fold; its bar
    # in the picture above these lines writes its 0.002 worse
    # pass 94 (r95 Focus: the test told three times): its one home is this fold, GELU's verdict with it
    return (f"With a gate, SwiGLU's loss was {n['swiglu']:.3f} lower: {n['swiglu_percent']:.1f} % below ReLU's.\n"
            f"Without a gate, GELU scored about the same as ReLU ({-n['gelu']:.3f} worse).\n"
            "Most of the gain came with the gate.\n"
            "It is small, and the study did not say why.")


def gate_in_one_line(study):
    """Line 3's main path says the 2020 test in one sentence (pass 94: now a pointer to the fold; pass 87, r86 Focus: a second chart, its numbers and the
    hidden-text scoring sat before the list; they wait in gate_test_fold), and why GELU is on the row anyway. The
    sentence holds only while gate_result's checks hold: SwiGLU less wrong than ReLU, plain GELU not clearly better."""
    if not 0 < gate_gain(study)["swiglu_percent"] < GATE_LITTLE:
        raise ValueError("the words say a gated block beat ReLU a little")
    gate_result(study)   # raises when the scores disagree with "GELU alone was not clearly better"
    gelu_runs(study)   # pass 88c (r88 Correctness: "did not" was too strong: 0.014 ahead after the shorter run)
    gelu_model = decisions.facts()["gelu_models"][0]
    # pass 89 (r89 Clarity: "And SwiGLU? A 2020 test: ..." read as a telegram): full short sentences, with the size
    # pass 94 (r95 Focus: the test told three times): why GELU is on the line, then a pointer; the result is the fold's
    return (f"GELU is on line 3 because it is common, as in {gelu_model}.\n"
            f"Does a gate do better? One {study.year} test measured it.")


GATE_LITTLE = 10   # "a little": SwiGLU's gain under this share of ReLU's score, in % (it is 2.4)


def gelu_runs(study):
    """Plain GELU against ReLU after each training run of the 2020 test: (shorter run's gain, longer run's gain). The
    bars are the longer run; after the shorter one plain GELU was a little ahead (r82 Correctness), so neither run
    shows it clearly better. Pass 84 (r83 Focus): said in the optional fold, not on the main path."""
    first, last = run_scores(study, run=0), run_scores(study)
    short, long = first["ReLU"] - first["GELU"], last["ReLU"] - last["GELU"]
    if not (short > 0 > long) or max(abs(short), abs(long)) > GELU_TIED:
        raise ValueError("the words say plain GELU was a little ahead after the shorter run and a little behind after "
                         "the longer one")
    return short, long


GELU_TIED = 0.02   # "about tied": plain GELU within this of ReLU after either run (0.014 and 0.002)


def gelu_reason():
    """Line 3's picture and reason on the main path (pass 77, r74 Picture 2: it waited in an optional fold; before,
    pass 62, r56: the GELU slider left the path): does a unit just below 0 still learn (GELU passes back 0.42 of the
    nudge at x = −0.1, ReLU none); GELU's slope further left. Pass 89b (r90 Focus: the GELU question, then the 2020
    test, in one cell): the question alone, right after GELU's words; the test is gate_test_fold's, at the optional end."""
    f = decisions.facts()   # pass 67 (r62 Focus 2): the slope's dip below 0 and rise above 1 cut: not on the list
    fig = gelu_picture()
    img = tables.image(figure_png(fig), figure_alt(fig), *GELU_FIG)
    g, r = slope_at("gelu", GELU_ASKED), slope_at("relu", GELU_ASKED)
    if r != 0 or not 0 < g < 1:
        raise ValueError("the words say GELU passes back some of the nudge at x = −0.1 and ReLU none")
    # r116 (Correctness: "above 1 at every layer, the nudge can grow huge" beside a recommended GELU whose slope the
    # picture shows past 1): said, with how much, where the picture shows it
    top = slope_at("gelu", GELU_ZOOM[1])
    if not 1 < top < 1.1:
        raise ValueError("the words say GELU's slope is a little above 1 at the picture's right edge")
    # pass 86 (r85 Interaction: the answer came right under the question): the answer waits in a fold; pass 94 (r95
    # Interaction: the open picture's labelled dots gave the answer away): the picture waits in the fold too
    body = f"""
**Does a GELU unit with a sum just below 0 still learn?** Recall: each bend multiplies the nudge by its slope.
Guess first, then open the check.

<details><summary>{CHECK_SUMMARY}</summary>

{img}

Just left of 0, ReLU's curve is flat. GELU's curve still slopes upward.
At x = {_x(GELU_ASKED)}, GELU's slope is {_two(g)}: the round dot in the right panel. ReLU's is {_two(r)}: the square dot.
So a GELU unit still learns there: it passes back {_two(g)} of the nudge. ReLU passes none.

Further left, GELU's slope sinks to 0 (near x = {_x(round(f["gelu_zero_slope_x"], 2))}), then dips slightly below 0.

Further right, GELU's slope rises a little above 1: {_two(top)} at x = {_x(GELU_ZOOM[1])}.
A little, on some sums only, is harmless.

</details>
"""
    return Markdown(body.strip())


CHECK_SUMMARY = "Check your prediction"
BARS_SAID = "The bars show how much better than ReLU each block scored."   # pass 86 (r85 Clarity); pass 88 (r87)


GATE_FOLD_SUMMARY = "Optional: the 2020 test"   # pass 92 (r93 Focus): its 3 bars only


def gate_test_fold():
    """The 2020 test in a few short lines (gate_in_one_line: the one place the chapter's body gives GELU's verdict),
    then, in an optional fold at the chapter's end, what was trained and scored, the three main bars and their
    numbers, and that every gated block beat every plain one (gate_won checks it). Pass 90 (r91 Focus): one cell, the
    brief and the fold. Pass 92 (r93 Focus: four new names, GEGLU, ReGLU, Bilinear and GLU, and study detail): the
    8-bar picture, the gates' bends and the two training runs left; the 3-bar picture makes the point."""
    study = deployments.comparison("Shazeer")
    if study.why_said or "feed-forward" not in study.where:
        raise ValueError("the words say the 2020 test swapped feed-forward blocks, and no reason was given")
    if "filling in missing stretches of text" not in study.test or "perplexity" not in study.test:
        raise ValueError("the words say the test hid stretches of text and a lower score was less wrong")
    if f"the {study.year} test" not in GATE_FOLD_SUMMARY:
        raise ValueError("the fold's summary names the test")
    main = gate_test_picture(study, only=MAIN_BLOCKS)
    main_img = tables.image(figure_png(main), figure_alt(main), *MAIN_FIG)
    gate_won(study)   # "every block that multiplies two sums beat every block with one": raises when the scores
    # disagree (p116, r115 Correctness: one two-sum block, Bilinear, has no bend on its gate, so not "a gate")
    gelu_runs(study)   # "not clearly better" holds after both runs (pass 90, r91 Focus: their digits cut)
    # pass 87 (r86 Focus): the test, its three main bars and their numbers moved here from line 3's main path
    scores = run_scores(study)   # pass 96 (r97): the raw losses What to remember quotes, printed here
    body = f"""The test trained {len(study.compared)} versions of one text model. Each had its own feed-forward block.
Each filled in stretches of text hidden from it. Its score, its **loss**, says how wrong it was: lower is better.
Here are {len(MAIN_BLOCKS)} of them. {BARS_SAID}

{main_img}

ReLU's loss was {scores["ReLU"]:.3f}; SwiGLU's was {scores["SwiGLU"]:.3f}.
{gate_result(study)}

In all {len(study.compared)}, every block that multiplies two sums beat every block with one sum."""
    return Markdown(f"{gate_in_one_line(study)}\n\n<details><summary>{GATE_FOLD_SUMMARY}</summary>\n\n{body}\n\n</details>")


WRITES = ("relu", "sigmoid", "tanh")   # line 4's picture (pass 53, r47 Picture 2): one memory, six writes
WRITES_SEED, WRITES_N, WRITES_SCALE, WRITES_FIG = 77, 6, 2.0, (620, 320)   # a fixed draw of six sums


def _sum(v):
    """A sum as the picture prints it: one decimal, a true minus sign."""
    return f"{v:.1f}".replace("-", "−")


def write_sums():
    """The six new-content sums line 4's picture writes: a fixed random draw, rounded to 1 decimal."""
    return np.round(np.random.default_rng(WRITES_SEED).normal(0.0, WRITES_SCALE, WRITES_N), 1)


def memory_after_writes(name, sums=None):
    """One memory, 0 at first, after each write: every write adds bend(sum) in full (no gates)."""
    sums = write_sums() if sums is None else np.asarray(sums, dtype=float)
    return np.concatenate([[0.0], np.cumsum(np.asarray(activations.get(name)(sums), dtype=float))])


@plots.styled
def memory_writes():
    """Line 4 in a picture: the same six random sums written to one memory through ReLU, sigmoid and tanh. ReLU and
    sigmoid never go down (ReLU fastest: no top); tanh goes up and down and stays small (notebook 06)."""
    fig, ax = plots.new_figure(*WRITES_FIG)
    steps = np.arange(WRITES_N + 1)
    ends = {}
    for i, name in enumerate(WRITES):
        m = memory_after_writes(name)
        ends[name] = m[-1]
        ax.plot(steps, m, marker="^so"[i], ms=7, lw=2.2, color=plots.color(name), ls=plots.line_style(name, i)["ls"])
        ax.text(WRITES_N + 0.12, m[-1], f"{_label(name)}: {m[-1]:.1f}", va="center", ha="left", fontsize=12,
                fontweight="bold", color=plots.color(name))
    ax.axhline(0, color="black", lw=0.8)
    # pass 67 (r62 Clarity 4): each write's random sum printed under its number, so the learner sees what goes in
    sums = write_sums()
    ax.set(xlim=(0, WRITES_N + 1.6), xticks=steps, ylabel="memory")
    ax.set_xticklabels(["0"] + [f"{i}\n({_sum(v)})" for i, v in enumerate(sums, 1)], fontsize=11)
    ax.set_xlabel("number of writes (in brackets: the random sum fed to the bend)", fontsize=12)
    ax.set_title("One memory, the same six random writes", fontsize=13)
    fig.set_label(
        "One memory, starting at 0, after six writes of the same random sums ("
        + ", ".join(_sum(v) for v in write_sums()) + "), bent three ways. ReLU's memory never "
        f"goes down and ends at {ends['relu']:.1f}; sigmoid's never goes down and ends at {ends['sigmoid']:.1f}; tanh's goes up and down "
        f"and ends at {ends['tanh']:.1f}.")
    return fig


WRITES_SUMMARY = "Show the writes (after you predict)"   # the course's fold for a picture that answers a Predict


def _picture_fold(summary, fig, width, after=""):
    """A picture behind a click, its alt text the picture in words, then any words that come after it."""
    img = tables.image(figure_png(fig), figure_alt(fig), width)
    return Markdown(f"<details><summary>{summary}</summary>\n\n{img}\n\n" + (f"{after}\n\n" if after else "")
                    + "</details>")


WRITES_CHECK = """- ReLU and sigmoid writes are never below 0, so both memories never go down.
- A ReLU write also has no top: see its jump at write 3.
- Tanh goes up and down: a write can also lower the memory."""


def writes_fold():
    """Line 4's writes picture behind a click (pass 83, r81 Interaction: it sat right under its Predict, so the answer
    showed before the learner thought), as chapter 05 folds its pictures. p109 (r111 Focus: two folds in a row for one
    Predict): the picture and the answer in words share the one fold."""
    return _picture_fold(WRITES_SUMMARY, memory_writes(), WRITES_FIG[0], WRITES_CHECK)


# pass 58 (r52 change 1): the picks' new words are said on the list line that first uses them in words, not all
# at once in the map's rows (13 terms in one cell); the map's rows keep one short line for each place
# pass 60 (r54 Clarity 2): the places too: the rows keep only what the map's Predict needs (plain network, hidden
# layers, CNN); the transformer and its block, the LSTM and the GRU are said on the line that first needs them
# pass 62 (r56 Clarity 1): the map itself names them, so the map's rows say in one line what each is; the list's small
# print adds the rest (the block's inside, how SwiGLU works, the LSTM's name, new content)
# pass 63 (r58 Clarity 1): the block's inside moved up to the map's rows, where the block is first named
GLOSS = {3: "GELU dips just below 0. "
            # pass 61 (r55 Clarity 1): sums of what, said here, not only in the optional fold
            "SwiGLU makes two sums of the same inputs, each with its own weights. It bends one, then multiplies the two.",
         4: "A GRU is a simpler cousin of the LSTM. "   # pass 101 (r103 Clarity): the LSTM's name moved up to the map's key
            # p104 (r106 Clarity: "its" had no clear referent here): the LSTM named
            "New content: the fresh number each step adds to the memory."}


def efficientnet():
    """The deployments row behind line 1's caveat: EfficientNet, a family of CNNs (B0 to B7) that uses SiLU."""
    d = next(d for d in deployments.DEPLOYMENTS if d.model == "EfficientNet")
    if d.registry != "silu" or "convolutional" not in d.where:
        raise ValueError("the words say EfficientNet, a CNN, uses SiLU; deployments.py says otherwise")
    return d


def rule_of_thumb():
    """Line 1's caveat, said where line 1 is (pass 53, r47): well-known CNNs that use another bend (EfficientNet's
    family, SiLU). Pass 54 (r48): in the small print, no new name to learn; pass 60 (r54 Focus 1): no model name
    either, the one example per line is AlexNet; EfficientNet is named in who_used_what's fold."""
    efficientnet()
    return "A rule of thumb, not a law: some CNNs use a smoother bend."


def _rule(line):
    """The part of a line to say back: its first sentence, except line 4, whose two picks take one each."""
    if "gates" in line.say:
        return line.reason
    first, _, _ = line.reason.partition(". ")
    return first.rstrip(".") + "."


SMALL_PRINT_SUMMARY = "Small print: examples and limits"
def shown_in():
    """One sentence pointing to the chapters that showed the list's lines (pass 92, r93 Focus: a "Seen in" list of nine
    section links read like an audit; pass 98, r99 Focus: "first shown" read as a maintainer's note): 'To see lines 1
    to 6 at work again, revisit chapters [02](...), [03](...) and [04](...).',
    each chapter linked once, from the lines' evidence in decisions.py (s36 code review: every chapter they cite stays
    linked). Raises unless the lines with a chapter's evidence are the first ones, in a row."""
    cited = [sorted({link.split("#")[0] for _, link in line.evidence if re.match(r"0\d_", link)})
             for line in decisions.lines()]
    shown = [i for i, books in enumerate(cited, 1) if books]
    if shown != list(range(1, len(shown) + 1)) or len(shown) < 2:
        raise ValueError("the words say lines 1 to n were shown in earlier chapters, in a row")
    books = sorted({b for bs in cited for b in bs})
    said = [f"[{b[:2]}]({b})" for b in books]
    return f"To see lines 1 to {len(shown)} at work again, revisit chapters {', '.join(said[:-1])} and {said[-1]}."


def short_list():
    """The seven lines to memorise, as markdown: when -> pick and one reason in bold type to say back; under lines 3
    and 4, in small type, what their new words mean (GLOSS). Pass 63 (r58 Focus): the rest of the small print (the
    example, the line's limit and the chapter that showed it) sits in one fold after the list, one bullet a
    line, so the part to learn by heart stands alone (pass 54, r48: one rule and one reason, so a line can be said
    back)."""
    rows, notes = [], []
    for i, line in enumerate(decisions.lines(), 1):
        rest = line.reason[len(_rule(line)):].strip()
        small = [s for s in (rest, f"Example: {line.example}." if line.example else "", line.note,
                             rule_of_thumb() if i == 1 else "") if s]
        fine = f"<br><small>{GLOSS[i]}</small>" if i in GLOSS else ""
        rows.append(f"{i}. **{line.when}** → **{line.say}**. {_rule(line)}{fine}")
        if small:
            notes.append(f"- **Line {i}.** {' '.join(small)}")
        if i == 4:
            rows.append("\n**At the output**\n")
    fold = f"<details><summary>{SMALL_PRINT_SUMMARY}</summary>\n\n" + "\n".join(notes) + "\n\n</details>"
    return Markdown("**Inside the network**\n\n" + "\n".join(rows) + "\n\n" + fold)


REFERENCE_SUMMARY = "Open: {} cases the list leaves out"   # the count from beyond_rows (r114: a case left it)
COUNT_WORD = {2: "two", 3: "three", 4: "four", 5: "five"}


def reference():
    """The fold under "Beyond the list" in notebook 06, before its quiz (p106, r108 Retention): the cases the seven
    lines leave out, one bullet each, the case in bold and what to do in short sentences (pass 61, r55: the 10-row
    table of every rule repeated the list)."""
    items = "\n".join(f"- **{case}** {answer}" for case, answer in decisions.beyond_rows())
    head = REFERENCE_SUMMARY.format(COUNT_WORD[len(decisions.beyond_rows())])
    return Markdown(f"<details><summary>{head}</summary>\n\n{items}\n\n</details>")


SENTENCE_BREAK = re.compile(r"(?<=\.) (?=[A-Z])")   # where one sentence ends and the next begins
SECOND_HEAD = {False: "Dashed, second choice:", True: "Dashed, for a different task:"}   # pass 82 (r80 Correctness)
AVOID_HEAD = "Dotted, avoid:"
WORKED_SUMMARY = "The numbers"


def one_per_line(text):
    """A card's text with each sentence on its own line (pass 82, r80 Clarity: three ideas sat in one line)."""
    return "<br>".join(_html.escape(part) for part in SENTENCE_BREAK.split(text))


def _card(d):
    """The picker's card, one line a bend as the picture draws it: the pick, the dashed bend and the dotted bend, each
    with its reason, one sentence a line. Pass 86 (r85 Focus: "Seen in" links and a "More" fold crowded it): the
    links live only in the chapter's end fold (links_and_sources); a place with worked numbers keeps them behind one
    small click, on a line of its own."""
    shown = [f"<b>{_html.escape(d.where)} → {_html.escape(_pick_name(d.pick))}.</b> {one_per_line(d.reason)}"]
    if d.runner_up:
        shown.append(f"<b>{SECOND_HEAD[bool(d.other_task)]}</b> {_label(d.runner_up)}, when "
                     f"{one_per_line(d.prefer_runner_up_when)}")
    if d.avoid:
        shown.append(f"<b>{AVOID_HEAD}</b> {_label(d.avoid)}: {one_per_line(d.avoid_because)}")
    numbers = (f"<br><details><summary>{WORKED_SUMMARY}</summary>{_html.escape(d.worked)}</details>"
               if d.runner_up and d.worked else "")   # pass 83 (r81 Clarity): the numbers, for who wants them
    return (f"<div style='border-left:4px solid {plots.color(d.pick)};padding:4px 10px'>" + "<br>".join(shown)
            + numbers + "</div>")


SECOND_INK, SAME_HUE = MARK_INK, 40 / 360   # pass 31 (r29): ReLU and Leaky ReLU are two blues drawn on one line


def second_colour(pick, second):
    """The second choice's colour in the picker: its bend's own, or dark ink when that is a shade of the pick's
    (both coloured, hues within SAME_HUE of the colour wheel), so the two lines never read as one."""
    from matplotlib.colors import rgb_to_hsv, to_rgb
    (h1, s1, _), (h2, s2, _) = (rgb_to_hsv(to_rgb(plots.color(n))) for n in (pick, second))
    close = min(abs(h1 - h2), 1 - abs(h1 - h2)) < SAME_HUE and min(s1, s2) > 0.2
    return SECOND_INK if close else plots.color(second)


SOFTMAX_NOTE = " of sums x and 0 (= sigmoid)"   # softmax of one sum is always 1: two sums, x against 0
# pass 73 (r70 Picture): yes/no's second, said plainly; pass 75 (r72 Clarity: "softmax of x and 0" was never said in
# plain words): over the two answers, yes and no, and that it is the pick's curve
SOFTMAX_HIDES = ", the 'no' sum held at 0. Same curve as the band."   # pass 91 (r92 Clarity: "of x and 0")   # pass 84 (r83 Clarity, Picture): two short sentences   # r78: in general it is sigmoid(yes − no)
# pass 83 (r81 Picture): the small copy of a second that lies on the pick (pass 75) is gone: with no axes it only
# repeated the dashed curve; the legend says "same curve as the pick", and the dashes show on the pick's pale band
PICKER_FIG, LEGEND_ROOM = (600, 400), 0.36   # pass 73 (r70 Picture 1): the legend under the axes, off the curves
PICK_WIDTH = 11.0   # the pick's band: 5.5 times the second choice's 2 px line, so it shows around it


GUESS_FIRST = "<i>Pick a bend to see how it fits.</i>"   # pass 78 (r75); p104 (r106 Interaction): every place waits


BLOCK_NAMES = {"swiglu": "SwiGLU block"}   # pass 84 (r83): the text says SwiGLU is a block whose bend is SiLU


def _pick_name(name):
    """A pick as the picker names it: the registry's label, or 'SwiGLU block' for a block that is no single bend."""
    return BLOCK_NAMES.get(name, _label(name))


def _short(name):
    """A bend's button name: its label up to any bracket ('No bend', 'GELU', 'SwiGLU block')."""
    return _pick_name(name).split(" (")[0]


ASKED_TOO = ()   # pass 82 (r80 Focus) added PReLU for a Predict on "GELU or PReLU?"; pass 100 (r102 Focus) replaced
# that Predict with one on new content inside an LSTM, so no second choice needs a button of its own


def guess_bends():
    """The bends the learner can click in the picker's ask mode: every place's right bends, and the second choice a
    Predict asks about (ASKED_TOO), in the menu's order, once each. A stand-in whose button name another bend already
    has is left out (pass 82, r80 Focus: GELU's tanh approximation, the same curve to the eye, which the chapter never
    explains; check_pick still counts it as GELU)."""
    drawn = dict.fromkeys(n for d in decisions.decisions()
                          for n in (d.pick, *d.also_right, *(n for n in (d.runner_up,) if n in ASKED_TOO)))
    kept = {}
    for n in drawn:
        kept.setdefault(_short(n), n)
    return tuple(kept.values())


def guess_buttons():
    """(label, bend) for the picker's ask buttons: the short name, each once."""
    return [(_short(n), n) for n in guess_bends()]


def avoid_words(d):
    """Why the dotted bend is avoided, short enough for the legend (pass 78, r75: the reason sat only under the menu):
    the first clause of decisions.py's avoid_because that speaks of it, not of the pick."""
    clauses = re.split(r"; |\. |, so |, and ", d.avoid_because.rstrip("."))
    said = next((c for c in clauses if not c.lower().startswith(_label(d.pick).lower())), None)
    if said is None:   # a clear error, not a bare StopIteration inside the picker's callback
        raise ValueError(f"{d.role}: no clause of avoid_because speaks of the avoided bend: {d.avoid_because!r}")
    return said


@plots.styled
def picker(role=None, ask=False):
    """Choose where the bend sits; see the pick (solid), the second choice (dashed) and the bend to avoid (dotted).
    ask (pass 78, r75 Interaction: the pick showed before the learner chose): at each place, the opening one too
    (p104, r106: its answer showed before any click), the curves and the card wait until the learner clicks the bend
    they would use; the card then says how that choice fares. The offline pages cannot take a click, so there every
    place shows its curves, as without ask. The legend calls the band "best" (r106: "pick" read as "your pick")."""
    ask = ask and not offline.offline_export()
    all_d = decisions.decisions()
    role = role or all_d[0].role
    revealed = set()   # p104 (r106 Interaction): no place, the opening one included, shows its answer before a click
    guess = widgets.ToggleButtons(options=guess_buttons(), index=None,
                                  description="your pick:", style={"description_width": "initial", "button_width": "auto"})
    live = LiveFigure(*PICKER_FIG)
    live.figure.set_layout_engine("none")   # fixed room below the axes: legends of two or three lines fit alike
    ax = live.axes[0]
    ax.set_position([0.12, LEGEND_ROOM, 0.85, 0.92 - LEGEND_ROOM])
    ax.set(xlim=(-4, 4), xlabel=SUM_LABEL, ylabel="output")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    x = np.linspace(-4, 4, 321)
    styles = {"pick": ("-", PICK_WIDTH, 0.4, 2), "runner_up": ("--", 2.0, 1.0, 3), "avoid": (":", 2.4, 1.0, 3)}
    # the pick wide and pale, under the others: Leaky ReLU's dashes lie on ReLU right of 0 and still show, and the
    # pick's band shows on both sides of them (pass 41, r37: at 6 px it read as hidden under the dashes)
    lines = {k: live.moving(ax.plot([], [], lw=lw, ls=ls, alpha=a, zorder=z)[0]) for k, (ls, lw, a, z) in styles.items()}
    legend = {"artist": None}
    waiting_note = ax.text(0, 0, GUESS_FIRST.removeprefix("<i>").removesuffix("</i>"), ha="center", va="center",
                           fontsize=13, color=MARK_INK, visible=False, zorder=5,
                           bbox={"facecolor": "white", "edgecolor": "none"})   # the still picture says why it is empty
    dropdown = widgets.Dropdown(options=[(d.where, d.role) for d in all_d], value=role, description="where:",
                                style={"description_width": "initial"}, layout=widgets.Layout(width="640px"))
    card = widgets.HTML()

    def update():
        d = decisions.decision(dropdown.value)
        if ask and guess.value is not None:
            revealed.add(d.role)
        waiting = ask and d.role not in revealed
        if waiting:   # nothing drawn yet: the learner chooses first
            for line in lines.values():
                line.set_visible(False)
            ax.set_ylim(-4, 4)
            waiting_note.set_visible(True)
            if legend["artist"] is not None:
                legend["artist"].remove()
                legend["artist"] = None
            ax.set_title(d.where, fontsize=12)
            live.invalidate()
            live.render()
            card.value = GUESS_FIRST
            return
        waiting_note.set_visible(False)
        shown, ys = [], []
        for key, prefix in (("pick", "best"), ("runner_up", "second"), ("avoid", "avoid")):
            name, line = getattr(d, key), lines[key]
            line.set_visible(bool(name))
            if not name:
                line.set_data([], [])
                continue
            params = MINI["dying_units"][0][1] if name == "leaky_relu" else {}   # the leak drawn 10 times steeper
            y = (np.asarray(activations.get(name)(x, **params), dtype=float) if params
                 else plots.finite(plots.curve(name, x)))
            line.set_data(x, y)
            line.set_color(second_colour(d.pick, name) if key == "runner_up" else plots.color(name))
            kind = activations.get(name).kind   # pass 72 (r68): softmax of one sum is always 1; plots.curve draws it
            note = (" (leak drawn ×10)" if params else " (leak learned in training)" if name == "prelu" else
                    " (SiLU of one sum; the other sum held at 1)" if kind == "gated" else
                    SOFTMAX_NOTE if kind == "vector" else "")   # over two sums, x and 0: sigmoid's own curve
            if kind == "vector" and key == "runner_up" and d.pick == "sigmoid":
                note = SOFTMAX_HIDES
            if key == "avoid":
                note += f": {avoid_words(d)}"
            if key == "runner_up" and d.other_task:   # pass 82 (r80 Correctness): said as what it is
                prefix, note = "a different task", f" ({d.other_task})"
            line.set_label(f"{prefix}: {_pick_name(name)}{note}")
            shown.append(line)
            ys.append(y)
        ax.set_ylim(nice_limits(np.clip(np.concatenate(ys), -4, 4), step=0.5))
        ax.set_title(d.where, fontsize=12)   # pass 58 (r52): the stored picture names the place it shows
        if legend["artist"] is not None:
            legend["artist"].remove()
        legend["artist"] = ax.legend(handles=shown, loc="upper left", bbox_to_anchor=(-0.13, -0.17), frameon=False)
        live.invalidate()  # limits and legend changed: the cached background is stale
        live.render()
        said = decisions.check_pick(d.role, guess.value)[1] if ask and guess.value is not None else ""
        said = said.removesuffix(" " + d.reason)   # the card below says the reason; once is enough
        card.value = (f"<p><b>Your pick, {_html.escape(_pick_name(guess.value))}:</b> {_html.escape(said)}</p>" if said
                      else "") + _card(d)

    def new_place(_change):
        if ask and guess.value is not None:
            guess.unobserve(on_guess, names="value")
            guess.index = None   # a new place: choose again before its pick shows
            guess.observe(on_guess, names="value")
        update()

    def on_guess(_change):
        if guess.value is not None:
            update()

    dropdown.observe(new_place, names="value")
    guess.observe(on_guess, names="value")
    update()
    shown = [dropdown, guess, card, live.image] if ask else [dropdown, card, live.image]
    return LiveWidget(shown, live, "Decision picker: choose where the bend sits (static picture below)",
                      readout=card, dropdown=dropdown, lines=lines, guess=guess, waiting_note=waiting_note)


RECALL_HINT = "<i>Click a bend. Each answer, right or wrong, says why.</i>"


def folded_options(lead, options):
    """A question as a render without a kernel shows it: a lead line, then each (text, right?, said) option in its
    own fold, so the learner opens only the one they chose. Words that already open with the verdict keep only
    their own (r76: "Right. Right: sigmoid…")."""
    def verdict(o):
        word = "Right" if o[1] else "Wrong"
        return "" if o[2].startswith(word) else f"<b>{word}.</b> "
    return (f"<p>{lead}</p><ul>" + "".join(
        f"<li><details><summary>{_html.escape(o[0])}</summary>{verdict(o)}"
        f"{_html.escape(o[2])}{more_fold(o[3] if len(o) > 3 else '')}</details></li>" for o in options) + "</ul>")


MORE_SUMMARY = "More"


LINKED = {"chapter 05": "05_training_race.ipynb#" + decisions.RACE_SECTION.replace(" ", "-")}   # pass 72 (r68): a
# chapter a More fold cites, linked to it; pass 73 (r70 Correctness): to the section with the five runs


def more_fold(more):
    """An option's side detail in its own small fold under the feedback (pass 66, r61 Clarity 1), or nothing; a
    chapter it cites (LINKED) is a link, so its claim can be checked there."""
    if not more:
        return ""
    said = _html.escape(more)
    for words, link in LINKED.items():
        said = said.replace(words, f"<a href='{link}' target='_blank'>{words}</a>")
    return f"<details><summary>{MORE_SUMMARY}</summary>{said}</details>"


def recall_question(which="hidden"):
    """A recall question ("hidden": the hidden-layer bend; "output": the output bend for one class of many):
    each option, right or wrong, answers with the misconception it shows."""
    q = decisions.recall() if which == "hidden" else decisions.recall_output()
    feedback = widgets.HTML(RECALL_HINT)
    buttons = [widgets.Button(description=_label(o.name), layout=widgets.Layout(width="190px" if o.name == "identity" else "120px"))
               for o in q.options]

    def answer(i):
        o = q.options[i]
        colour = plots.HEALTHY if o.right else plots.VANISHING
        head = "Right." if o.right else "Not quite."
        feedback.value = (f"<div style='border-left:4px solid {colour};padding:4px 10px'><b>{head}</b> "
                          f"{_html.escape(o.feedback)}{more_fold(o.more)}</div>")
        for j, b in enumerate(buttons):
            b.button_style = ("success" if o.right else "danger") if j == i else ""

    for i, b in enumerate(buttons):
        b.on_click(lambda _b, i=i: answer(i))
    # the question itself is the Predict line above the widget: it is not printed a second time here
    static = folded_options("Decide first, then open the option you chose.",
                            [(_label(o.name), o.right, o.feedback, o.more) for o in q.options])
    return RecallBox([widgets.HBox(buttons), feedback],
                     "Recall question: click a bend (run the notebook to answer)", static,
                     buttons=buttons, feedback=feedback, question=q, answer=answer)


CHAIN_MAX, CHAIN_LIMITS = 10, (2e-7, 4.0)   # the slider's range is the x-axis: 1 to 10 layers
CHAIN_TICK_LABELS = ((1.0, "all"), (1e-3, "1 in 1,000"), (1e-6, "1 in a million"))
CHAIN_TICKS = [v for v, _ in CHAIN_TICK_LABELS]


CHAIN_STYLE = {  # (line and marker, marker size, line width): markers too, not colour alone. Tanh at x = 0 has slope 1
    "sigmoid": ("o-", 6, 1.8), "tanh_at_1": ("D:", 6, 1.8),   # like ReLU, so ReLU's line stands for both (CHAIN_SHARED)
    "relu": ("^-", 8, 2.6),
}
CHAIN_SHARED = {"relu": "tanh"}   # one line drawn for two CHAIN_POINTS keys with the same slope, 1


def _chain_name(key, short=False):
    """'Sigmoid, input 0 (its steepest): slope 0.25' (legend) or 'Sigmoid, input 0' (readout), for a CHAIN_POINTS
    key; ReLU's line also stands for tanh at input 0: 'ReLU above 0, and tanh at sum 0: slope 1'."""
    name, x = next((n, x) for k, n, x in decisions.CHAIN_POINTS if k == key)
    if name == "relu":   # r34: "input", not "x =": this picture's x-axis is the number of layers
        where = f"{_label(name)} above 0, and {_label(CHAIN_SHARED[key]).lower()} at sum 0"
    else:
        where = f"{_label(name)}, sum {x:g}"
    if short:
        return where
    best = " (its steepest)" if name != "relu" and x == 0 else ""
    return f"{where}{best}: slope {decisions.chain_slope(key):.2g}"


def _one_in(share):
    """The readout's share: 4 significant digits under a million, so 1 in 1,024 reads as below 1 in 1,000
    ('1 in 1,024', '1 in 5,858'; 3 below 1,000: '1 in 2.38'); from a million up, decisions.one_in ('1 in 1.05 million')."""
    if share >= 0.995 or share < 1e-6:
        return decisions.one_in(share)
    n = float(f"{1 / share:.4g}" if share < 1e-3 else f"{1 / share:.3g}")
    if n < 10 and n != round(n):   # r103: "1 in 2.38" had to be worked back to tanh's 0.42; said as the share
        return f"{share:.2f} of it"
    return f"1 in {n:,.0f}" if n >= 100 else f"1 in {n:g}"


@plots.styled
def slopes_multiply(layers=1):   # pass 75 (r72 Interaction): opens at 1 layer, before any answer shows
    """Share of the nudge left after each layer, on a log scale: sigmoid at its best (x = 0), tanh at x = 1 (its
    slope is 1 only at 0), and one line for ReLU on its active side and tanh at x = 0 (both slope 1)."""
    live = LiveFigure(620, 400)
    ax = live.axes[0]
    ax.set_yscale("log")
    ax.set(xlim=(0.5, CHAIN_MAX + 0.5), ylim=CHAIN_LIMITS, xlabel="number of layers",
           ylabel="share of the nudge left")
    ax.set_xticks(range(1, CHAIN_MAX + 1))
    ax.set_yticks(CHAIN_TICKS, [label for _, label in CHAIN_TICK_LABELS])   # words, not powers of ten
    ax.minorticks_off()
    ax.axhline(1e-3, color=plots.MUTED, lw=1)
    names = {k: n for k, n, _ in decisions.CHAIN_POINTS}
    lines = {}
    for k, (style, ms, lw) in CHAIN_STYLE.items():
        colour = plots.color(names[k])
        line, = ax.plot([], [], style, ms=ms, lw=lw, color=colour, label=_chain_name(k))
        lines[k] = live.moving(line)
    keys = list(CHAIN_STYLE)
    ax.legend(handles=[lines[k] for k in keys], loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=1,
              frameon=False)   # above the plot: it covers no line
    sliders = {"layers": widgets.IntSlider(value=layers, min=1, max=CHAIN_MAX, description="layers",
                                           continuous_update=True, style={"description_width": "initial"},
                                           layout=widgets.Layout(width="420px"))}
    readout = widgets.HTML()

    def update():
        n = sliders["layers"].value
        left = decisions.chain_left(n)
        for key, line in lines.items():
            line.set_data(np.arange(1, n + 1), left[key])
        live.render()
        readout.value = f"after {n} layer{'s' if n > 1 else ''}: " + "; ".join(
            f"{_chain_name(key, short=True)}: {_one_in(left[key][-1])}" for key in keys)

    on_change(sliders.values(), update)
    update()
    shown = decisions.chain_left(layers)   # the caption says what the saved picture shows: the opening depth
    caption = (f"Slopes multiply (static picture). {layers} layer{'s' if layers > 1 else ''}: Sigmoid {_one_in(shown['sigmoid'][-1])}; "   # as the readout
               f"Tanh (sum 1, slope {decisions.chain_slope('tanh_at_1'):.2f}) {_one_in(shown['tanh_at_1'][-1])}")
    return LiveWidget([*sliders.values(), readout, live.image], live, caption,
                      sliders=sliders, readout=readout, lines=lines)


MEMORY_STEPS, MEMORY_ASKED = 100, 1.1   # the optional end: 100 steps; the gateless loop's growth each step
END_LIFT = 1.8   # the dashed line's end value sits this many times below its line


NUDGE_FORGET, NUDGE_START, NUDGE_FIG, NUDGE_LIMITS = 0.99, 0.90, (620, 380), (1e-12, 3.0)   # the Predict's gate;
# the slider opens at 0.90, so the answer at 0.99 shows only once the learner moves it (pass 34, r32)
NUDGE_TICK_LABELS = ((1.0, "all"), (1e-3, "1 in 1,000"), (1e-6, "1 in a million"), (1e-9, "1 in a billion"))
# pass 50 (r45): the dashed line's steep right end named on the picture: there the memory is still big (h 0.80)
# pass 88c (r88 Correctness: "memory big" with no start given): the note says where the memory starts
# pass 91 (r92 Clarity: "(big), so slope small" was shorthand): two plain sentences
NUDGE_STEEP_NOTE = f"start of the sequence: memory is {decisions.MEMORY_START:g}.\nTanh is flatter there: less nudge passes."
NUDGE_STEEP_AT, NUDGE_NOTE_XY = 98, (83, 9e-10)


def nudge_back(steps=MEMORY_STEPS, forget=NUDGE_FORGET):
    """{what: share of the nudge left 0..steps steps back}: the gateless loop at the Predict's growth (each step
    multiplies by growth times tanh's slope) and the LSTM's memory path (each step multiplies by the forget gate)."""
    n = np.arange(steps + 1)
    kept = np.array([decisions.memory_nudge("tanh", MEMORY_ASKED, k) for k in n])   # over the first k steps forward
    # The nudge starts at the last step and meets the settled steps first, the early weak ones last (reader r28):
    # k steps back from step `steps` keep kept[steps] / kept[steps - k].
    return {"loop": kept[-1] / kept[::-1], "cell": round(forget, 2) ** n.astype(float)}


def about_one_in(share):
    """A tiny share rounded to one digit, for a number read at a glance (pass 75, r72 Focus: '1 in 3.04 billion' was
    a wall of digits): 'about 1 in 3 billion'; decisions.one_in keeps three digits where a reader compares."""
    n = float(f"{1 / share:.1g}")   # rounded first, so 999,999 reads "1 million", not "1000,000"
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1e3, ",000"), (1, "")):
        if n >= size:
            return f"about 1 in {n / size:g}{word}"
    raise ValueError(f"not a share below 1: {share}")


def nudge_share(share):
    """The memory path's share in the readout: '1 (all of it)' at a gate of 1, '0.37', '1 in 38,000' below 0.01."""
    if share >= 0.995:
        return "1 (all of it)"
    return f"{share:.2f}" if share >= 0.01 else decisions.one_in(share)


def nudge_check(forget=NUDGE_FORGET):
    """The fold after the memory path's Predict, its numbers computed: the share left after MEMORY_STEPS at the asked
    gate, and at a gate of 1 (r54: the static caption shows only the saved gate, so the answer's numbers come from here)."""
    left = nudge_back(forget=forget)["cell"][-1]
    if not 1 / 3 < left < 1 / 2:
        raise ValueError("the words say 'over a third' left")
    body = (f"Over a third: {forget:.2f} to the power {MEMORY_STEPS} is {nudge_share(left)} left.\n"
            f"At 1.00, all of it is left: nothing fades.")
    return Markdown(f"<details><summary>Check your prediction</summary>\n\n{body}\n\n</details>")


def loop_fade(growth=MEMORY_ASKED):
    """Why the dashed line fades (r91 Clarity: "× 0.82" came from nowhere): where the loop's memory settles, what tanh
    gets there, its slope and the product each step passes back, all from the loop the picture runs; and that near
    memory 0 the same step would pass on × growth, so the fade depends on where the memory sits. Pass 92: the reason
    first, the arithmetic in a closed fold."""
    h, x, s, passed = decisions.settled_loop("tanh", growth, MEMORY_STEPS)
    at_zero = growth * float(activations.get("tanh").derivative(0.0))
    # (pass 90's two-decimal check of growth × h is gone: pass 91 prints three decimals, checked below)
    if not passed < 1 < at_zero or f"{growth * round(s, 3):.2f}" != f"{passed:.2f}":
        raise ValueError("the words say the settled step passes on less than 1, and more than 1 near memory 0")
    # pass 91 (r92 Correctness: 0.50 and 0.55 rounded, 0.747 not): three decimals throughout, and why it settles
    # there: the loop's fixed point, where a step gives the memory back unchanged (the printed check must hold)
    fixed = decisions.loop_fixed_point("tanh", growth)
    if f"{fixed:.3f}" != f"{h:.3f}" or f"{growth * round(h, 3):.3f}" != f"{x:.3f}" \
            or f"{np.tanh(round(x, 3)):.3f}" != f"{h:.3f}":
        raise ValueError("the words say the memory settles where a step gives it back unchanged")
    # pass 92 (r93 Clarity 8: the fixed-point arithmetic packed into the main path): the reason in one line, then
    # the arithmetic in a closed fold, "The numbers"
    lead = (f"The dashed line is the whispered message again. Why does it fade?\n"
            f"Where the memory settles, tanh is flatter than at 0.\n"
            f"So each step back passes on only about {passed:.2f} of the nudge.")
    body = (f"The memory settles near {h:.3f}: there, a step leaves it unchanged.\n"
            f"Check: tanh({growth:g} × {h:.3f}) = tanh({x:.3f}) = {h:.3f}.\n"
            f"Tanh's slope at {x:.3f} is {s:.3f}.\n"
            f"Each step back passes on {growth:g} × {s:.3f} ≈ {passed:.2f} of the nudge.\n"
            f"Near memory 0, tanh's slope is {at_zero / growth:g}: a step would pass on × {at_zero:g}.\n"
            f"So the fade depends on where the memory sits.")
    return Markdown(f"{lead}\n\n<details><summary>{WORKED_SUMMARY}</summary>\n\n{body}\n\n</details>")


def nudge_legend(forget):
    """The solid line's legend entry, with its gate: 'memory path, forget gate 0.90: no bend, × gate each step'."""
    return f"memory path, forget gate {forget:.2f}: no bend, × gate each step"


@plots.styled
def memory_nudge(forget=NUDGE_START):
    """The nudge going back 100 steps, on a log scale: the gateless loop (tanh, growth 1.1, fixed, dashed) against
    the LSTM's memory path (solid), whose forget gate the slider sets, 0.90 to 1.00 (notebook 06)."""
    live = LiveFigure(*NUDGE_FIG)
    ax = live.axes[0]
    ax.set_yscale("log")
    ax.set(xlim=(0, MEMORY_STEPS), ylim=NUDGE_LIMITS, xlabel="steps back (100: the start of the sequence)",
           ylabel="share of the nudge left")   # r35: the right end is the first step forward
    ax.set_yticks([v for v, _ in NUDGE_TICK_LABELS], [label for _, label in NUDGE_TICK_LABELS])
    ax.minorticks_off()
    n, loop = np.arange(MEMORY_STEPS + 1), nudge_back()["loop"]
    per_step = float(np.max(loop[1:] / loop[:-1]))   # each step back multiplies the loop's nudge by this or less
    cell = live.moving(ax.plot([], [], "-", lw=2.6, color=MARK_INK)[0])   # its label names the gate: set in update
    ax.plot(n, loop, "--", lw=2.2, color=plots.color("tanh"), label=f"gateless loop: tanh({MEMORY_ASKED:g} × memory) each step")
    ax.text(MEMORY_STEPS - 1, loop[-1] / END_LIFT, f"{about_one_in(loop[-1])} left", ha="right", va="top",
            fontsize=13, fontweight="bold", color=plots.color("tanh"))   # below each line's end: clear of both
    ax.annotate(NUDGE_STEEP_NOTE, xy=(NUDGE_STEEP_AT, loop[NUDGE_STEEP_AT]), xytext=NUDGE_NOTE_XY, ha="right",
                va="bottom", fontsize=11, color=MARK_INK,   # under the dashed line, above its end value
                arrowprops=dict(arrowstyle="-|>", color=MARK_INK, lw=1.2, shrinkB=3))
    # the memory path's end value in the empty lower-left corner: at its line's end it would cross the dashed line
    cell_said = live.moving(ax.text(2, NUDGE_LIMITS[0] * 2, "", ha="left", va="bottom", fontsize=13, fontweight="bold",
                                    color=MARK_INK))
    legend = {"artist": None}
    sliders = {"forget": slider("forget gate", forget, 0.90, 1.00, 0.01)}
    readout = widgets.HTML()

    def update():
        g = round(sliders["forget"].value, 2)
        left = nudge_back(forget=g)["cell"]
        cell.set_data(n, left)
        cell_said.set_text(f"solid line: {nudge_share(left[-1])} left")
        cell.set_label(nudge_legend(g))   # pass 53 (r47): the legend names the gate the solid line uses
        if legend["artist"] is not None:
            legend["artist"].remove()
        legend["artist"] = ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=1, frameon=False)   # above
        live.invalidate()   # the legend changed: the cached background is stale
        live.render()
        readout.value = (f"forget gate {g:.2f}: share of the nudge left after {MEMORY_STEPS} steps: "
                         f"{nudge_share(left[-1])} (gateless loop: × {per_step:.2f} or less each step, "
                         f"{about_one_in(loop[-1])})")   # pass 78: the factor the optional end's words quote

    on_change(sliders.values(), update)
    update()
    # the opening gate, then the gates the words quote (as memory_loop's caption does), under 110 characters
    # The caption says what the saved picture shows: the opening forget gate only.
    caption = (f"Nudge left after {MEMORY_STEPS} steps (static picture). Forget gate {forget:.2f}: "
               f"{nudge_share(nudge_back(forget=forget)['cell'][-1])}")
    return LiveWidget([*sliders.values(), readout, live.image], live, caption,
                      sliders=sliders, readout=readout, lines={"cell": cell}, ends={"cell": cell_said})


STEP_WORDS = "memory at the start (0), after step 1 and after step 2"   # r43: numbered as the table numbers them
PATHS_FIG, PATHS_STEPS = (900, 400), (1.0, 5.0, 9.0)   # the two-paths picture: its size, the three steps' x
def _step_row(ax, ink, style, said):
    """Three memory circles, numbered, joined left to right by arrows in the path's own ink and dash; under them,
    what they are and what happens to them (said)."""
    for i, x in enumerate(PATHS_STEPS):   # r43 Picture 1: 0 is the start, as the table counts steps
        ax.plot([x], [4.2], "o", ms=34, mfc="white", mec=ink, mew=2, zorder=3)
        ax.text(x, 4.2, str(i), ha="center", va="center", fontsize=14, fontweight="bold", color=MARK_INK, zorder=4)
    for a, b in zip(PATHS_STEPS, PATHS_STEPS[1:]):
        ax.annotate("", xy=(b - 0.75, 4.2), xytext=(a + 0.75, 4.2),
                    arrowprops=dict(arrowstyle="-|>", color=ink, lw=2.2, ls=style, mutation_scale=18))
    ax.text((PATHS_STEPS[0] + PATHS_STEPS[-1]) / 2, 3.25, f"{STEP_WORDS}:\n{said}", ha="center", va="top",
            fontsize=12, fontstyle="italic", color=MARK_INK)


def _frame(ax, title):
    ax.set_axis_off()
    ax.set(xlim=(0, 10), ylim=(0, 7))
    ax.set_title(title, fontsize=14, fontweight="bold")


FORWARD_YLIM = (2.4, 7)   # the forward picture: the steps and their words only, no nudge row under them


def _draw_memory_path(ax, cell_ink):
    """The LSTM's memory path going forward: × forget gate, then + new content × input gate, no bend."""
    _step_row(ax, cell_ink, "-", "never squashed (no bend on this path)")   # pass 100 (r102 Picture): "squashed" said
    for a, b in zip(PATHS_STEPS, PATHS_STEPS[1:]):   # no bend: × forget gate, then + new content from above
        mid = (a + b) / 2
        ax.text(mid, 4.45, "× forget\ngate", ha="center", va="bottom", fontsize=12, color=MARK_INK, linespacing=1.1)
        ax.annotate("", xy=(b - 0.35, 4.75), xytext=(b - 1.0, 6.25),
                    arrowprops=dict(arrowstyle="-|>", color=plots.MUTED, lw=1.6, mutation_scale=14))
        ax.text(b - 1.05, 6.3, "+ new content\n× input gate", ha="center", va="bottom", fontsize=12,
                color=MARK_INK, linespacing=1.1)   # r34: the words' formula has the input gate too


LINE4_ALT = ("An LSTM's memory path, two steps: between steps the memory is multiplied by the forget gate, and new "
             "content times the input gate is added; nothing is squashed.")


@plots.styled
def lstm_path():
    """Line 4's picture, before its words name the gates (pass 65, r60 Picture 1): the LSTM's memory path going
    forward, × forget gate and + new content, no bend. Pass 74 (r71 Focus 1): the version with the nudge going back
    and the tanh loop it pointed at left with the optional end's first slider."""
    fig, ax = plots.new_figure(PATHS_FIG[0] // 2 + 40, round(PATHS_FIG[1] * (FORWARD_YLIM[1] - FORWARD_YLIM[0]) / 7))
    _frame(ax, "An LSTM's memory path")
    ax.set_ylim(*FORWARD_YLIM)
    _draw_memory_path(ax, MARK_INK)
    fig.set_label(LINE4_ALT)
    return fig


LOOP_STEP_WORDS = f"× {MEMORY_ASKED:g},\nthen tanh"   # the gateless loop, between two steps: it grows the memory, then bends it
TWO_LOOPS_ALT = ("Two memories, two steps each. Left, the gateless loop, with dashed arrows: between steps the memory "
                 f"is multiplied by {MEMORY_ASKED:g}, then bent by tanh; it is squashed every step. Right, an LSTM's memory path: "
                 "multiplied by the forget gate, new content times the input gate added; nothing is squashed.")


@plots.styled
def two_loops():
    """The optional end's picture first (pass 87, r86 Clarity: the gateless loop was words only): the gateless loop
    (dashed, as the slider's picture draws it: × 1.1, then tanh, every step) beside line 4's LSTM memory path."""
    width, height = PATHS_FIG[0] // 2 + 40, round(PATHS_FIG[1] * (FORWARD_YLIM[1] - FORWARD_YLIM[0]) / 7)
    fig, (loop, path) = plots.new_figure(2 * width, height, ncols=2)
    ink = plots.color("tanh")
    _frame(loop, "The gateless loop")
    loop.set_ylim(*FORWARD_YLIM)
    _step_row(loop, ink, "--", "squashed every step")
    for a, b in zip(PATHS_STEPS, PATHS_STEPS[1:]):
        loop.text((a + b) / 2, 4.45, LOOP_STEP_WORDS, ha="center", va="bottom", fontsize=12, color=MARK_INK,
                  linespacing=1.1)
    _frame(path, "An LSTM's memory path")
    path.set_ylim(*FORWARD_YLIM)
    _draw_memory_path(path, MARK_INK)
    fig.set_label(TWO_LOOPS_ALT)
    return fig


GATE_HINT = "<i>Click a letter. Each answer, right or wrong, says why.</i>"


def _hinted_and_folded(q):
    """The quizzes' shared finish: the hint before an answer, and in a static render each answer in its own fold."""
    q.feedback.value = GATE_HINT
    q.static_html = folded_options("Decide first, then open the option you chose. Each answer says why.", q.options)
    return q


def gate_question():
    """Which bend a forget gate uses: sigmoid, as each wrong option's misconception says (a gate below 0 or above 1).
    The options are bare names (pass 41, r37): "from 0 to 1" beside sigmoid gave the answer away."""
    q = choice_question(
        "Which bend for the forget gate?",
        [("Tanh", False,
          "A common wrong answer: tanh, like the new content. In fact, tanh goes down to −1. A gate below 0 would flip "
          "the old memory's sign, not keep a share of it."),
         ("ReLU", False,
          "A common wrong answer: ReLU, the default inside a network. In fact, an LSTM gate must stay between 0 and 1, and "
          "ReLU has no top. A gate of 3 would triple the old memory every step."),
         ("Sigmoid", True,
          "Right: sigmoid stays between 0 and 1. Near 0 the gate forgets the old memory; near 1 it keeps almost all.")],
        "Question: which bend for the forget gate? (run the notebook to answer)")
    return _hinted_and_folded(q)   # pass 53 (r47): the same promise as the other questions


def dead_question():
    """The side arrow's click quiz (pass 91, r92 Interaction: no quiz tested the map's Leaky ReLU line): many ReLU
    units are dead, what to try; Leaky ReLU is right, and each wrong option's feedback names its misconception. The
    numbers (sigmoid's top slope, the leak) come from facts, not typed."""
    f = decisions.facts()
    q = choice_question(
        "Many ReLU units are dead. What do you try?",
        [("Sigmoid", False,
          f"A common wrong answer: sigmoid, whose slope is never 0. In fact, its slope is at most "
          f"{f['sigmoid_peak']:g}. Through many layers, the nudge fades to almost nothing."),
         ("Leaky ReLU", True,
          f"Right: left of 0, its leak keeps a small slope, {f['leaky_slope']:g}. So a stuck unit still gets a "
          f"nudge and can learn again. Lowering the learning rate can also help: "
          f"too big a step can push all of a unit's sums below 0."),
         ("Softmax", False,
          "A common wrong answer: softmax, whose shares are never 0. In fact, it belongs at the output. It splits 1 "
          "among the classes.")],
        "Question: what to try when many ReLU units are dead? (run the notebook to answer)")
    return _hinted_and_folded(q)


def price_question():
    """A transfer question (pass 102, r104 Retention and Interaction: the other quizzes repeat list lines): a house's
    price, never below 0, at the output. Softplus is right, as line 7's note and the end fold say; each wrong option
    names its misconception. Softplus's plain words are the list's own (decisions.SOFTPLUS_PLAIN)."""
    q = choice_question(
        "A house's price is never below 0. Which bend at the output?",
        [("No bend", False,
          "A common wrong answer: no bend, the rule for a number. It works, but nothing stops it from guessing a "
          "price below 0."),
         (f"Softplus ({decisions.SOFTPLUS_PLAIN})", True,   # pass 105 (r107 Interaction): said here, not in the Predict
          f"Right: Softplus is {decisions.SOFTPLUS_PLAIN}, always above 0. So every price it gives is above 0, "
          "and there is no top. Line 7's small print names it."),
         ("Sigmoid", False,
          "A common wrong answer: sigmoid, which is never below 0. In fact, it also stays below 1. No price above 1 "
          "could come out."),
         ("ReLU", False,
          "A common wrong answer: ReLU, which is never below 0. In fact, left of 0 its slope is 0. A guess stuck at 0 "
          "gets no nudge back, so it cannot improve.")],
        "Question: which bend at the output for a price? (run the notebook to answer)")
    return _hinted_and_folded(q)
