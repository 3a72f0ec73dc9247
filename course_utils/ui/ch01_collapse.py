"""Chapter 01's pictures: stacked straight layers collapse into one line, a bend stops it; its two questions."""

import html
import re

import ipywidgets as widgets
import numpy as np
from matplotlib import colors, patheffects
from matplotlib.patches import Rectangle

from course_utils.engine import mlp, sheet
from course_utils.facts import activations, data
from course_utils.ui import plots, printing, tables
from course_utils.ui.questions import LETTERS, keyed_question as _choice_question
from course_utils.ui.captioned import CaptionedBox
from course_utils.ui.ch02_four_bends import fold
from course_utils.ui.display import figure_alt, figure_png
from course_utils.ui.livefigure import LiveFigure, LiveWidget, nice_limits, on_change, set_limits, slider
from course_utils.ui.printing import below

# The fold pictures: one sheet, one default layer, the same fixed axes everywhere.
SHEET_W, SHEET_B = ((1.0, 0.6), (-0.4, 1.2)), (-0.3, 0.2)
SHEET_LIMITS = (-3.0, 3.0)
BENDS = {"identity": "no bend", "relu": "ReLU", "tanh": "tanh"}
GRID_COLOURS = (plots.ACCENT, "#CC79A7")  # upright lines blue, across lines pink: far apart even where thin
LABEL_STYLE = {  # XOR corners: shape, fill and edge all differ, so colour is never the only cue
    0: dict(marker="o", ms=11, mfc="white", mec="black", mew=2.0, ls="none", label="label 0 (white circle)"),
    1: dict(marker="s", ms=10, mfc="#F0E442", mec="black", mew=2.0, ls="none", label="label 1 (yellow square)"),
}
ARROW_LENGTH = 0.9  # the XOR widget's "turn" arrow, in h units: its head ends past a corner mark it starts near
_OFFSETS = [(-14, -14), (-14, 10), (10, -14), (10, 10)]  # one text direction per corner: labels never sit on each other
# pass 81 (r78 reader: in the XOR demo "(0,0)" sat by the turn arrow, lower left of its circle): straight below it there
# pass 82 (r80 reader: the green ring covered "(1,1)"): each landed name straight above or below its mark, clear of
# the ring (RING_SIZE points across) a corner gets when the line counts it right
RING_SIZE = 24
RING_CLEAR = 22  # points from a mark to its name's centre: half the ring, its edge, and half the name's box
LANDED_OFFSETS = [(0, -RING_CLEAR), (0, RING_CLEAR), (0, -RING_CLEAR), (0, RING_CLEAR)]


def _joined(paths):
    """Many paths as one line with NaN breaks: one artist draws a whole family of grid lines."""
    gap = np.full((len(paths), 1, 2), np.nan)
    xy = np.concatenate([paths, gap], axis=1).reshape(-1, 2)
    return xy[:, 0], xy[:, 1]


def _xor_corners():
    X, y = data.xor()
    return X, y.ravel().astype(int)


def _sheet_axes(ax, title):
    ax.set(xlim=SHEET_LIMITS, ylim=SHEET_LIMITS, title=title)
    ax.set_aspect("equal")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)


def _draw_sheet(ax, families, points, labels, moving=None, offsets=_OFFSETS, corners=True):
    """Grid families and (if corners) the four labelled corners at points on ax; returns the artists (marked moving
    if a LiveFigure is given).

    offsets: the direction of each corner's name from its marker.
    """
    mark = moving.moving if moving is not None else (lambda a: a)
    grid = [mark(ax.plot(*_joined(f), color=c, lw=1.3)[0]) for f, c in zip(families, GRID_COLOURS)]
    if not corners:
        return grid, {}, []
    dots = {k: mark(ax.plot(*points[labels == k].T, **LABEL_STYLE[k])[0]) for k in (0, 1)}
    texts = []
    for (x1, x2), p, off in zip(_xor_corners()[0], points, offsets):
        texts.append(mark(ax.annotate(f"({x1:g},{x2:g})", p, xytext=off, textcoords="offset points",
                                      ha="center", va="center", fontsize=9,
                                      bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))))
    return grid, dots, texts


SHARED_OFFSET = (0, RING_CLEAR)  # a name two corners share sits straight above their one mark


def name_box(name, off):
    """A corner name's box around its centre `off`, in points from its mark: (x, y, half width, half height)."""
    return off[0], off[1], NAME_CHAR * len(name) + 2.0, NAME_HALF_HEIGHT


NAME_CHAR, NAME_HALF_HEIGHT = 2.8, 7.0  # a 9-point name: about 5.6 points a character, 14 points tall with its pad


def _clashes(box, others):
    """How many of the boxes `others` the box overlaps."""
    x, y, w, h = box
    return sum(abs(x - a) < w + c and abs(y - b) < h + d for a, b, c, d in others)


def name_offsets(points, names, default):
    """Where each corner's name goes, in points from its mark (pass 82, r80 reader: a green ring covered "(1,1)";
    with tanh the shared name sat under (1,1)'s ring). points: the marks in points on screen; default: each name's
    first choice. A name takes the first of above, below, right and left (its default first) whose box overlaps
    fewest rings (RING_SIZE across, round every mark) and names already placed."""
    half = RING_SIZE / 2 + 1.5
    rings = [(float(x), float(y), half, half) for x, y in points]
    placed, offsets = [], []
    for (x, y), name, first in zip(points, names, default):
        reach = half + NAME_CHAR * len(name) + 4.0
        tries = [first, (first[0], -first[1]), (reach, 0.0), (-reach, 0.0)]
        boxes = [name_box(name, (x + dx, y + dy)) for dx, dy in tries]
        k = min(range(len(tries)), key=lambda j: _clashes(boxes[j], rings + placed))
        placed.append(boxes[k])
        offsets.append(tries[k])
    return offsets


def _name_shared_points(texts, landed, offsets=LANDED_OFFSETS):
    """Corners that land on one point get one name, "(0,1) and (1,0)" (r54: two names piled up); each name is placed
    clear of the rings and of the other names (name_offsets)."""
    names = [f"({x1:g},{x2:g})" for x1, x2 in _xor_corners()[0]]
    shown = []  # (text, its name, its first choice)
    for i, text in enumerate(texts):
        same = [j for j, q in enumerate(landed) if np.allclose(q, landed[i], atol=1e-9)]
        text.set_visible(same[0] == i)
        text.set_text(" and ".join(names[j] for j in same))
        if same[0] == i:
            shown.append((text, text.get_text(), SHARED_OFFSET if len(same) > 1 else offsets[i]))
    if not shown:
        return
    ax = shown[0][0].axes
    at = ax.transData.transform(np.asarray(landed, dtype=float)) * 72.0 / ax.figure.dpi  # marks, in points
    keep = [i for i, t in enumerate(texts) if t.get_visible()]
    for (text, _name, _first), off in zip(shown, name_offsets(at[keep], [n for _t, n, _f in shown],
                                                              [f for _t, _n, f in shown])):
        text.xyann = off


# Where a number of the layer is below 0, and the axis ReLU presses it onto: h₁ < 0 lands on the h₂ axis, and back.
PRESS_TINTS = ({"color": "#E69F00", "hatch": "//"}, {"color": "#009E73", "hatch": "\\\\"})


def half_plane(normal, offset, reach=50.0):
    """The corners of the side {p : normal·p < offset}, cut off far outside the picture: a polygon for ax.fill."""
    n = np.asarray(normal, dtype=float)
    if np.hypot(*n) == 0:  # a row of zeros: the number is its bias everywhere, so all of the sheet or none of it
        return np.array([[-reach, -reach], [reach, -reach], [reach, reach], [-reach, reach]]) * (offset > 0)
    n = n / np.hypot(*n)
    along = np.array([-n[1], n[0]])
    foot = n * offset / np.hypot(*np.asarray(normal, dtype=float))
    return np.array([foot - reach * along, foot + reach * along, foot + reach * along - reach * n,
                     foot - reach * along - reach * n])


def _press_regions(ax, W, b, moving=None):
    """Shade the input sheet where h₁ < 0 and where h₂ < 0, in the tints of the pressed bars; returns the patches."""
    mark = moving.moving if moving is not None else (lambda a: a)
    return [mark(ax.fill(*half_plane(W[i], -b[i]).T, facecolor=plots._tint(t["color"], 0.6), edgecolor=t["color"],
                         hatch=t["hatch"], lw=0.0, alpha=0.55, zorder=0.5)[0]) for i, t in enumerate(PRESS_TINTS)]


def _keep_side(poly, normal, offset):
    """Cut a convex polygon to the side normal·p >= offset (one pass of Sutherland-Hodgman clipping)."""
    n, out = np.asarray(normal, dtype=float), []
    for p, q in zip(poly, np.roll(poly, -1, axis=0)):
        dp, dq = p @ n - offset, q @ n - offset
        if dp >= 0:
            out.append(p)
        if dp * dq < 0:
            out.append(p + (q - p) * dp / (dp - dq))
    return np.array(out).reshape(-1, 2)


BOTH_TINT = {"color": "0.45", "hatch": "xx"}  # the opening picture's third region: h₁ and h₂ both below 0
BOTH_SHADE = 0.2  # how far the bend picture's "both < 0" part is mixed with white (the two others: 0.6)


def press_regions_apart(W=SHEET_W, b=SHEET_B):
    """The sheet split three ways, never overlapping (r49: two hatches on top of each other were hard to read):
    only h₁ < 0, only h₂ < 0, and both below 0; each a polygon."""
    only = [_keep_side(half_plane(W[i], -b[i]), W[1 - i], -b[1 - i]) for i in (0, 1)]
    both = _keep_side(half_plane(W[0], -b[0]), -np.asarray(W[1], dtype=float), b[1])
    return [*only, both]


def arrow_base(angle, offset, points):
    """Where the XOR widget's turn arrow starts: the point of the line, within 1.5 of its foot, whose arrow passes
    farthest from every landed corner (r47: at the start it ran under the (1, 0) square)."""
    a = np.deg2rad(angle)
    facing, along = np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
    foot, reach = offset * facing, np.linspace(0.0, ARROW_LENGTH, 10)[:, None] * facing
    pts = np.asarray(points, dtype=float)

    def clearance(s):
        shaft = foot + s * along + reach
        return np.min(np.linalg.norm(shaft[:, None, :] - pts[None, :, :], axis=2))

    def inside(s):  # pass 83: matplotlib skips an arrow whose head leaves the axes, so the whole arrow stays in
        shaft = foot + s * along + reach
        return bool(np.all((shaft > SHEET_LIMITS[0] + 0.1) & (shaft < SHEET_LIMITS[1] - 0.1)))

    steps = sorted(np.linspace(-1.5, 1.5, 13), key=abs)  # ties: nearest the foot
    best = max([s for s in steps if inside(s)] or steps, key=clearance)
    return foot + best * along


def candidate_line(angle, offset, points):
    """Which points a straight line puts on its 'square' side: cos(angle)·h₁ + sin(angle)·h₂ > offset (degrees)."""
    a = np.deg2rad(angle)
    return np.asarray(points, dtype=float) @ np.array([np.cos(a), np.sin(a)]) > offset


def corners_right(angle, offset, points, labels):
    """How many of the corners the candidate line gets right: label-1 corners on its square side, label 0 off it."""
    return int(np.sum(candidate_line(angle, offset, points) == (np.asarray(labels) == 1)))


def corners_said(angle, offset, points, labels):
    """The XOR widget's readout (pass 82, r80 reader: axis crossings and arrow legs were a wall of numbers): how many
    corners the line gets right, and which, by their input names."""
    right = candidate_line(angle, offset, points) == (np.asarray(labels) == 1)
    names = [f"({x1:g},{x2:g})" for x1, x2 in _xor_corners()[0]]
    said = f"<b>your line gets {int(right.sum())} of 4 corners right</b>"
    if right.all():
        return said + ": it splits them!"
    got = ", ".join(n for n, r in zip(names, right) if r)
    return said + (f": {got}" if got else "") + "; wrong: " + ", ".join(n for n, r in zip(names, right) if not r)


def pressed_parts(families, W=SHEET_W, b=SHEET_B):
    """The ReLU sheet's points that ReLU moved onto an axis (an input number below 0); others NaN, per family."""
    out = []
    for f in families:
        z = sheet.layer(f, W, b, "identity")
        folded = sheet.layer(f, W, b, "relu")
        out.append(np.where((z < 0).any(axis=-1)[..., None], folded, np.nan))
    return out


def crease_points(families, W=SHEET_W, b=SHEET_B):
    """Every crease ReLU puts in the grid lines: the corners of the creased lines, as one (n, 2) array."""
    return np.concatenate([sheet.creases(path, W, b) for f in families for path in f])


TICKS = sheet.grid_lines()[1][:, 0, 1]  # where each across (pink) line starts: its x₂
FOLLOWED = int(np.argmin(np.abs(TICKS - 0.5)))  # the across line x₂ = 0.5: drawn thick in every panel of img_01


def followed_crease(W=SHEET_W, b=SHEET_B):
    """The corner of the thick line x₂ = 0.5 under ReLU: where it meets the pressed part (sheet.creases)."""
    points = sheet.creases(sheet.grid_lines()[1][FOLLOWED], W, b)
    return points[np.argmax(points[:, 1])]


THICK_X1 = (-1.5, 0.0, 1.5)  # the thick line's two ends and its middle (its x₁; its x₂ is 0.5)


def thick_line_bow(W=SHEET_W, b=SHEET_B):
    """The tanh fold's three points (r114 Clarity: "different amounts, so it curves" skipped a step): the thick
    line's ends and middle before tanh (h, on one straight line) and after it, and the height at the middle of the
    straight line joining the two new ends. The middle point sits above that height: the line bowed. 2 decimals."""
    points = np.array([[x1, TICKS[FOLLOWED]] for x1 in THICK_X1])
    before, after = sheet.layer(points, W, b, "identity"), sheet.layer(points, W, b, "tanh")
    chord = float(np.interp(after[1, 0], after[[0, 2], 0], after[[0, 2], 1]))  # the joining line, at the middle's h₁
    return np.round(before, 2) + 0.0, np.round(after, 2) + 0.0, round(chord, 2) + 0.0


FOLLOWED_EDGE = [patheffects.Stroke(linewidth=5.0, foreground="0.15"), patheffects.Normal()]
# each label points into its own region (a test checks the point's h₁ and h₂); the label sits beside the sheet
# r52: "only", since the grey part has h₁ < 0 too
REGION_LABELS = (("orange: only h₁ < 0", (-1.0, 1.0), (-1.9, 2.4)), ("green: only h₂ < 0", (1.25, -0.9), (1.9, -2.4)),
                 ("grey: both < 0", (-0.9, -0.9), (-1.6, -2.4)))


MARK_CELL = (1.0, 1.5)  # the sheet's top-right square, x₁ and x₂ both from 1 to 1.5: filled, so a turn or flip shows
MARK_STYLE = dict(facecolor="0.15", alpha=0.7, edgecolor="none", zorder=2.5)


def corner_square(W=SHEET_W, b=SHEET_B, bend="identity", samples=11):
    """The filled top-right grid square after the layer, as its outline's points (None: before the layer, notebook 01).

    Each side is sampled, so a bend's crease or curve shows in the square's outline too."""
    lo, hi = MARK_CELL
    t, back = np.linspace(lo, hi, samples)[:-1], np.linspace(hi, lo, samples)[:-1]  # each side stops before a corner
    edge = np.concatenate([np.stack([t, np.full_like(t, lo)], 1), np.stack([np.full_like(t, hi), t], 1),
                           np.stack([back, np.full_like(t, hi)], 1), np.stack([np.full_like(t, lo), back], 1)])
    return edge if W is None else sheet.layer(edge, W, b, bend)


TANH_SQUARE = tuple(float(v) for v in activations.get("tanh").output_range)   # (−1, 1): every tanh sheet fits in it
ZOOM_LIMITS = (-1.15, 1.15)  # the tanh inset: the square from −1 to 1, enlarged
ZOOM_INSET = (1.12, 0.0, 1.0, 1.0)  # beside the tanh panel, as big as it (axes fractions: left, bottom, width, height)


def _sheet_panel(ax, bend, W=SHEET_W, b=SHEET_B):
    """One panel of notebook 01's opening pictures: the grid sheet before the layer (bend "before") or after it
    ("identity", "relu", "tanh"), with the thick line x₂ = 0.5 and the dark top-right square to follow."""
    titles = {"before": "before the layer", "identity": "no bend: still straight", "relu": "ReLU: creased",
              "tanh": "tanh: curved", "tanh zoom": "tanh, enlarged"}  # short: the words below the picture explain them
    _sheet_axes(ax, titles[bend])
    ax.grid(False)  # no background grid: the only grid is the sheet
    ax.set(xlabel="x₁" if bend == "before" else "h₁", ylabel="x₂" if bend == "before" else "h₂")
    bent = bend.split()[0]  # "tanh zoom": the tanh sheet again, enlarged
    paths = [f if bend == "before" else sheet.layer(f, W, b, bent) for f in sheet.grid_lines()]
    for f, c in zip(paths, GRID_COLOURS):
        ax.plot(*_joined(f), color=c, lw=1.3)
    # one grid line drawn thick in every panel, so the eye can follow it, and see its crease under ReLU
    ax.plot(*paths[1][FOLLOWED].T, color=GRID_COLOURS[1], lw=3.2, zorder=2.2, gid="followed",
            path_effects=FOLLOWED_EDGE)  # r49: a dark edge, so it shows on top of the pressed bar
    ax.fill(*corner_square(*((None,) if bend == "before" else (W, b, bent))).T, gid="corner square", **MARK_STYLE)
    # pass 77 (r74 reader: the panels shared no reference): every panel draws the square from −1 to 1, dotted
    lo, hi = TANH_SQUARE
    ax.plot([lo, hi, hi, lo, lo], [lo, lo, hi, hi, lo], color="0.2", ls=":", lw=1.4, zorder=2.1, gid="zoom square")
    if bend == "tanh zoom":  # on −3..3 the tanh sheet is small: this inset enlarges the square from −1 to 1
        ax.set(xlim=ZOOM_LIMITS, ylim=ZOOM_LIMITS, xticks=[-1, 0, 1], yticks=[-1, 0, 1])


def _shade_pressed(ax, W, b):
    """The before panel of the bend picture: where only h₁, only h₂, or both will be below 0, labelled in place."""
    # pass 80 (r76 reader: hatching, three tints and six labels were busy): tints only, each part named in place
    # pass 89b (r90 Focus: the pale "both < 0" grey read as white): that part darker, and cross-hatched, so a
    # pattern, not only its shade, sets it apart from the bare sheet
    regions = [ax.fill(*poly.T, facecolor=plots._tint(t["color"], BOTH_SHADE if t is BOTH_TINT else 0.6),
                       edgecolor=t["color"], hatch=t["hatch"] if t is BOTH_TINT else None,
                       lw=0.0, alpha=0.55, zorder=0.5)[0]
               for poly, t in zip(press_regions_apart(W, b), (*PRESS_TINTS, BOTH_TINT))]
    low, high = sheet.grid_lines()[0][0, [0, -1], 1]
    for region in regions:  # only where the sheet is: the shading belongs to grid points
        region.set_clip_path(Rectangle((low, low), high - low, high - low, transform=ax.transData))
    for text, where, label_at in REGION_LABELS:
        ax.annotate(text, where, label_at, fontsize=8.5, ha="center", va="center",
                    arrowprops=dict(arrowstyle="-|>", color="black", lw=0.9))


STRIP_LW = 6.0  # the pressed parts again, thick, on their axes (pass 75; session 32: not beside them)
PRESSED_LW = 2.2  # the ReLU panel's pressed bars: under the thick line (lw 3.2), so its crease shows


def _mark_creases(ax, W, b):
    """The ReLU panel: each pressed part thick on the axis it was pressed onto, a diamond at every crease."""
    for axis_line in (ax.lines[0], ax.lines[1]):  # the axes: thin and grey, under the pressed lines
        axis_line.set(color="0.6", lw=0.6, zorder=1)
    families = sheet.grid_lines()
    part = np.concatenate([np.concatenate([p, np.full((1, 2), np.nan)]) for f in pressed_parts(families, W, b)
                           for p in f])
    flat_h1 = np.isclose(part[:, 0], 0.0)  # on the h₂ axis: came from h₁ < 0
    for keep, t in ((flat_h1, PRESS_TINTS[0]), (~flat_h1, PRESS_TINTS[1])):
        # under the grid lines (pass 48): each line's pressed part shows on the bar, so its corner is seen
        # pass 73 (r70 reader: the 4.5 bar hid the thick line's upright piece): thinner than the thick line
        ax.plot(*np.where(keep[:, None], part, np.nan).T, color=t["color"], lw=PRESSED_LW, solid_capstyle="butt",
                zorder=1.5, gid="pressed")
    # pass 75 (r72 reader: the bars hide under the axes and the pink lines): each part again as a thick strip, named
    # "lands here"; session 32 (r73 reader: beside the axis, on the negative side, it put ReLU outputs below 0): on it
    for keep, t, axis, label, at in ((flat_h1, PRESS_TINTS[0], 0, "orange part\nlands here", (-2.9, 2.55)),
                                     (~flat_h1, PRESS_TINTS[1], 1, "green part\nlands here", (1.2, -1.5))):
        ends = part[keep & ~np.isnan(part).any(axis=1)][:, 1 - axis]
        strip = np.zeros((2, 2))
        strip[:, axis], strip[:, 1 - axis] = 0.0, (ends.min(), ends.max())
        ax.plot(*strip.T, color=t["color"], lw=STRIP_LW, solid_capstyle="butt", zorder=1.6, gid="pressed strip")
        ax.annotate(label, 0.2 * strip[0] + 0.8 * strip[1], at, fontsize=8.5,  # clear of the crease's label
                    arrowprops=dict(arrowstyle="-|>", color="black", lw=0.9))
    ax.annotate("grey part:\npressed to (0, 0)", (0, 0), (-2.8, -2.0), fontsize=8.5,  # r63: two short lines
                arrowprops=dict(arrowstyle="-|>", color="black", lw=1.0))
    _crease_diamond(ax, W, b)


@plots.styled
def sheet_pictures(W=SHEET_W, b=SHEET_B):
    """Notebook 01's first picture, small on purpose (r50: five panels and a 7-line legend were too much at once):
    the sheet before a layer, and after it with no bend, on the same axes. No legend: the line and square are named
    on the panel."""
    fig, axes = plots.new_figure(700, 370, 1, 2)
    for ax, bend in zip(axes, ("before", "identity")):
        _sheet_panel(ax, bend, W, b)
    axes[0].annotate(f"thick line: x₂ = {TICKS[FOLLOWED]:g}", (-1.5, TICKS[FOLLOWED]), (-2.9, 2.4), fontsize=9,
                     arrowprops=dict(arrowstyle="-|>", color="black", lw=0.9))
    axes[0].annotate("dark square", (1.25, 1.25), (1.2, -2.4), fontsize=9, ha="center",
                     arrowprops=dict(arrowstyle="-|>", color="black", lw=0.9))
    # pass 78 (r75 reader: the dotted square was explained only much later): named where it is first drawn
    axes[0].annotate("dotted: the square\nfrom −1 to 1,\nfor reference", (-1, -0.7), (-2.9, -2.75), fontsize=8.5,
                     arrowprops=dict(arrowstyle="-|>", color="black", lw=0.9))
    fig.set_label("Two panels on the same axes from −3 to 3. Before the layer: a grid of blue upright lines and pink "
                  f"across lines; one across line, x₂ = {TICKS[FOLLOWED]:g}, is thick, and the top-right square is "
                  "dark. Both panels draw the square from −1 to 1, dotted, for reference. No bend: the grid is moved, "
                  "stretched, turned and skewed, but every line stays straight.")
    return fig


BEND_NAMES = {"relu": "ReLU", "tanh": "tanh", "sigmoid": "sigmoid"}


@plots.styled
def bend_shapes(names=("relu", "tanh")):
    """Each named bend's graph, one panel each, on the same axes (r59: ReLU and tanh were only words when the learner
    had to predict from their shapes; notebook 01 draws ReLU and tanh where it names them, sigmoid where it names it)."""
    fig, axes = plots.new_figure(230 * len(names) + 40, 230, 1, len(names), sharex=True, sharey=True)
    axes = np.atleast_1d(axes)
    x = np.linspace(-3.0, 3.0, 241)
    alone = names == ("sigmoid",)  # pass 73 (r70 reader): sigmoid alone on its own range, 0 to 1, its one half marked
    for ax, name in zip(axes, names):
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        ax.plot(x, plots.curve(name, x), color=plots.color(name), lw=2.5)
        ax.set(xlim=(-3, 3), ylim=(0, 1) if alone else (-1.5, 3), xlabel="score" if alone else "input",
               title=BEND_NAMES[name], xticks=[-2, 0, 2])
    if alone:
        axes[0].axhline(0.5, color=plots.MUTED, ls="--", lw=1.2, gid="one half")
        axes[0].set(yticks=[0, 0.5, 1], yticklabels=["0", "½", "1"])
        axes[0].annotate("score 0 → chance ½", (0, 0.5), (-0.2, 0.2), fontsize=9,
                         arrowprops=dict(arrowstyle="-|>", color="black", lw=0.9))
    axes[0].set_ylabel("chance of label 1" if alone else "output")
    words = {"relu": "ReLU: flat at 0 for negative inputs, then the line output = input; a corner at 0",
             "tanh": "tanh: a smooth S from −1 up to 1, steep near 0, flat far from 0",
             "sigmoid": "sigmoid: a smooth S from 0 up to 1, one half at 0"}
    fig.set_label(f"{len(names)} panel{'s' if len(names) > 1 else ''} on the same axes, input from −3 to 3. "
                  + ("Output from 0 to 1, a dashed line at one half. " if alone else "")
                  + ". ".join(words[n] for n in names) + ".")
    return fig


SLANTED = ((0.0, 0.0), (0.5, 1.0), (1.0, 2.0))  # three points (h₁, h₂) on one slanted line: each step 0.5 right, 1 up


def tanh_slanted(points=SLANTED):
    """Where tanh sends three points of a slanted line, and each step's (right, up) after it, to 2 decimals (r55:
    'each squashed by its own amount' wanted numbers): the steps change direction, so the line bends."""
    landed = np.asarray(plots.curve("tanh", np.asarray(points, dtype=float)), dtype=float)   # the registry's tanh
    steps = np.diff(landed, axis=0)
    return np.round(landed, 2) + 0.0, np.round(steps, 2) + 0.0


TANH_BEFORE, TANH_AFTER = "before tanh: (h₁, h₂)", "after tanh: (tanh h₁, tanh h₂)"


@plots.styled
def tanh_steps_picture(points=SLANTED):
    """The bend question's tanh why, drawn (r67 reader: a block of numbers where a drawing was needed): two equal
    steps along a slanted line (dashed, grey) and where tanh sends them (solid): steep, then gentle. tanh acts on each
    number of a point on its own (r62), so each landed point is named (tanh h₁, tanh h₂)."""
    fig, ax = plots.new_figure(460, 430)
    landed, steps = tanh_slanted(points)
    given = np.asarray(points, dtype=float)
    colour = plots.color("tanh")
    box = dict(boxstyle="round,pad=0.15", fc="white", ec="none")
    for p, q in zip(given[1:], landed[1:]):  # each point to where tanh sends it
        ax.annotate("", tuple(q), tuple(p), arrowprops=dict(arrowstyle="->", color="0.45", lw=0.9, ls=":"))
    for a, b in zip(given[:-1], given[1:]):
        ax.annotate("", tuple(b), tuple(a), arrowprops=dict(arrowstyle="-|>", color=plots.MUTED, lw=2.0, ls="--",
                                                            mutation_scale=14))
    for a, b in zip(landed[:-1], landed[1:]):
        ax.annotate("", tuple(b), tuple(a), arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.6, mutation_scale=16))
    # pass 104 (r106 Picture: one pair of axes for both sets): the legend says which points are before and after tanh
    ax.plot(*given.T, ls="none", marker="o", ms=6, mfc="white", mec="0.35", mew=1.2, label=TANH_BEFORE)
    ax.plot(*landed.T, ls="none", marker="o", ms=6, color=colour, label=TANH_AFTER)
    ax.legend(loc="upper left", fontsize=9)
    step_in = given[1] - given[0]
    ax.text(1.02, 1.45, f"in: two equal steps,\neach {step_in[0]:g} right, {step_in[1]:g} up", fontsize=9.5,
            color="0.3", bbox=box)
    for (r, u), mid, where in zip(steps, (landed[:2].mean(0), landed[1:].mean(0)), ((0.3, 0.02), (1.02, 0.22))):
        ax.annotate(f"out: {r:.2f} right,\n{u:.2f} up", tuple(mid), where, fontsize=9.5, color=colour, bbox=box,
                    arrowprops=dict(arrowstyle="-", color=colour, lw=0.7))
    for p, q, at in zip(given[1:], landed[1:], ((0.54, 0.72), (0.84, 1.02))):  # right of each landed point
        ax.text(*at, f"({q[0]:.2f}, {q[1]:.2f})\n= (tanh {p[0]:g}, tanh {p[1]:g})", fontsize=8.5, va="top", bbox=box)
    ax.set(xlim=(-0.15, 1.95), ylim=(-0.15, 2.6), xlabel="h₁", ylabel="h₂",  # pass 104: room for the legend
           title="tanh on a slanted line: steep, then gentle")
    ax.set_aspect("equal")
    path = ", ".join(f"({p[0]:g}, {p[1]:g})" for p in given)
    fig.set_label(f"One panel. Dashed grey arrows: two equal steps along a slanted line, through {path}, each "
                  f"{step_in[0]:g} right and {step_in[1]:g} up. Dotted arrows carry each point to where tanh sends it. "
                  "Solid arrows: the steps after tanh, " + " and ".join(f"{r:.2f} right, {u:.2f} up" for r, u in steps)
                  + ": the first steep, the second gentle, so the line bends.")
    return fig


# pass 81 (r78 reader: the answer came twice, a printed answer line and the "Why" box, and "B is wrong: <myth>" read as
# the course's claim): the reveal is the pictures alone; the click names the misconception, the "Why" box explains


def _crease_diamond(ax, W, b):
    """The ReLU panel's one black diamond, on the thick line's crease, and its label (r54: the thick line's only)."""
    top = followed_crease(W, b)  # the thick line's corner; left of the upright axis is empty under ReLU
    ax.plot(*top, ls="none", marker="D", ms=8, color="black", mec="white", mew=1.2, zorder=3)
    # pass 80 (r76 reader: the arrow ran onto the orange bar): its head stops short of the bar and the diamond
    ax.annotate("crease of\nthe thick line", top, (top[0] - 2.8, top[1] + 0.9), fontsize=9.5, va="center",
                arrowprops=dict(arrowstyle="-|>", color="black", lw=1.2, shrinkB=9))


@plots.styled
def bend_pictures(W=SHEET_W, b=SHEET_B):
    """Notebook 01's second picture: the same layer with a ReLU and with a tanh bend, the thick line's crease marked;
    the tanh panel is enlarged to −1..1. pass 74 (r71 reader: hatching, three tints and callouts in one figure were
    too much): only the lines here; pressed_picture shades the parts ReLU presses flat, next."""
    fig, axes = plots.new_figure(1200, 340, 1, 3)
    for ax, bend in zip(axes, ("before", "relu", "tanh")):
        _sheet_panel(ax, bend, W, b)
    _crease_diamond(axes[1], W, b)
    # pass 81 (r78 reader: the tanh panel alone was enlarged, beside two panels on −3..3): tanh on the same axes, and
    # its dotted square enlarged in an inset beside it, joined to it by two lines
    zoom = axes[2].inset_axes(ZOOM_INSET)
    _sheet_panel(zoom, "tanh zoom", W, b)
    axes[2].indicate_inset_zoom(zoom, edgecolor="0.2")
    fig.set_label(f"Three panels on the same axes from {_num(SHEET_LIMITS[0])} to {_num(SHEET_LIMITS[1])}, each with "
                  f"the dotted square from {_num(TANH_SQUARE[0])} to {_num(TANH_SQUARE[1])}, and a "
                  "fourth panel. Before the layer: the grid, with the thick "
                  "line x₂ = 0.5. ReLU: "
                  "lines get sharp corners (creases); the thick line x₂ = 0.5 runs up to the upright axis, then turns "
                  "up along it: a black diamond marks that crease. tanh: the whole sheet fits inside the dotted "
                  "square; the fourth panel, beside it, enlarges that square: "
                  "every line curves, gently near the middle and strongly near the edges.")
    return fig


@plots.styled
def pressed_picture(W=SHEET_W, b=SHEET_B):
    """The bend picture's ReLU half again, with where ReLU presses (pass 74: split off bend_pictures): left, the sheet
    before, shaded where h₁ or h₂ will be below 0; right, those parts pressed flat onto the axes."""
    fig, axes = plots.new_figure(700, 380, 1, 2)
    for ax, bend in zip(axes, ("before", "relu")):
        _sheet_panel(ax, bend, W, b)
    _shade_pressed(axes[0], W, b)
    _mark_creases(axes[1], W, b)
    # pass 106 (r108 Picture: the diamond only on the right, so where on the thick line does the crease come from?)
    start = crease_start(W, b)
    axes[0].plot(*start, ls="none", marker="D", ms=8, color="black", mec="white", mew=1.2, zorder=3, gid="crease start")
    axes[0].annotate("crease\nstarts here", start, (start[0] + 0.9, start[1] + 1.3), fontsize=9, va="center",
                     bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"),
                     arrowprops=dict(arrowstyle="-|>", color="black", lw=1.1, shrinkB=6))
    fig.set_label("Two panels. Before the layer, shaded where only h₁ will be below 0 (orange), "
                  "where only h₂ will be (green) and where both will be (grey), each part labelled. "
                  "ReLU, on the same axes: those parts are pressed flat onto the upright and the across axis, drawn "
                  "as thick lines on each axis in the same tints, "
                  "labelled 'orange part lands here' and 'green part lands here'; the part where both are below 0 "
                  "lands on (0, 0). "
                  "The thick line x₂ = 0.5 gets its crease where it meets the orange part: a black diamond on "
                  "each panel, before the layer at "
                  f"({_num(start[0])}, {_num(start[1])}), labelled 'crease starts here'.")
    return fig


def crease_start(W=SHEET_W, b=SHEET_B):
    """Where the thick line's crease comes from, before the layer: the input that the layer sends to the crease
    (h₁ = 0 there, so ReLU leaves it where the layer put it), rounded to 2 decimals."""
    x = np.linalg.solve(np.asarray(W, dtype=float), followed_crease(W, b) - np.asarray(b, dtype=float))
    return np.round(x, 2) + 0.0


_num = printing.true_minus   # −2.5, not -2.5


def line_text(W, b):
    """'y = 8x + 13', 'y = −x − 2.5': the one line, with real minus signs and no '1·'."""
    slope = {1.0: "", -1.0: "−"}.get(float(W), _num(W))
    return f"y = {slope}x{plots.signed_term(b, '{:g}')}" if b != 0 else f"y = {slope}x"


def _factor(v):
    """A number as a factor: negative ones in brackets."""
    return _num(v) if v >= 0 else f"({_num(v)})"


def push_through(weights, biases, x):
    """Print one input going through stacked one-number layers. The one line they make answers the Predict
    after them, so attempts_picture's titles show it there; it is not printed here (pass 78)."""
    h = x
    for k, (w, c) in enumerate(zip(weights, biases), 1):
        print(f"layer {k}:  {_num(w)} · {_factor(h)}{plots.signed_term(c, '{:g}')} = {_num(w * h + c)}")
        h = w * h + c


def _vec(v):
    return "(" + ", ".join(_num(float(a)) for a in v) + ")"


def _affine(row, bias, var):
    """'1·x₁ + 2·x₂ + 1': one output of a 2-input layer, negative numbers in brackets."""
    return " + ".join(f"{_factor(w)}·{var}{'₁₂'[k]}" for k, w in enumerate(row)) + f" + {_factor(bias)}"


class FoldedCheck(tables.FoldedRows):
    """The collapsed layer's lines behind a click, keeping its table and bias (what the lines were printed from)."""

    def __init__(self, summary, lines, table, bias):
        super().__init__(summary, lines)
        self.table, self.bias = table, bias

    def _repr_html_(self):
        """As FoldedRows, with the lines starting on a line of their own after the click label in any reader."""
        return super()._repr_html_().replace("<pre>", "<pre>\n", 1)


def two_tables(table1, bias1, table2, bias2, x):
    """Print two 2-input layers; return the one layer they collapse into (table table2·table1, bias
    table2·bias1 + bias2) and one input pushed through both ways, folded behind a "Check" click (notebook 01,
    'Many numbers at once')."""
    W1, b1, W2, b2, x = (np.asarray(v, dtype=float) for v in (table1, bias1, table2, bias2, x))
    W, b = W2 @ W1, W2 @ b1 + b2
    print("layer 1:    " + ",   ".join(f"h{'₁₂'[i]} = {_affine(W1[i], b1[i], 'x')}" for i in range(2)))
    print("layer 2:    " + ",   ".join(f"y{'₁₂'[i]} = {_affine(W2[i], b2[i], 'h')}" for i in range(2)))
    h = W1 @ x + b1
    lines = ["one layer:  " + ",   ".join(f"y{'₁₂'[i]} = {_affine(W[i], b[i], 'x')}" for i in range(2)),
             f"input x = {_vec(x)}:  layer by layer {_vec(h)} → {_vec(W2 @ h + b2)};   one layer {_vec(W @ x + b)}"]
    return FoldedCheck("Check: the one layer, and the input both ways (open after you predict)", lines, W, b)


@plots.styled
def one_table_picture(table=((1, 2), (0, 1))):
    """What one layer's table means, before any W₁₁ (r51: a picture first): each row is one unit's weights, each
    column the weights one input sends; an arrow from each row to the unit it feeds (notebook 01)."""
    M = np.asarray(table, dtype=float)
    fig, ax = plots.new_figure(520, 210)
    ax.set_axis_off()
    ax.set(xlim=(-1.6, 4.3), ylim=(-0.1, 2.75))
    ax.set_aspect("equal")
    for i in range(2):
        for j in range(2):
            ax.add_patch(Rectangle((j, 1 - i), 1, 1, fc="white", ec="black", lw=1.2))
            ax.text(j + 0.5, 1.5 - i, _num(M[i, j]), ha="center", va="center", fontsize=15)
        ax.text(-0.15, 1.5 - i, f"row {i + 1}:\nunit {i + 1}", ha="right", va="center", fontsize=10.5)
        ax.annotate(f"gives h{'₁₂'[i]}", (2.05, 1.5 - i), (2.8, 1.5 - i), fontsize=11, va="center",
                    arrowprops=dict(arrowstyle="<|-", color="black", lw=1.2))
    for j in range(2):
        ax.text(j + 0.5, 2.15, f"from\nx{'₁₂'[j]}", ha="center", va="bottom", fontsize=10.5)
    fig.set_label(f"Layer 1's table, 2 by 2. Row 1 ({_num(M[0, 0])}, {_num(M[0, 1])}) holds unit 1's weights and "
                  f"feeds h₁; row 2 ({_num(M[1, 0])}, {_num(M[1, 1])}) holds unit 2's and feeds h₂. Column 1 holds the "
                  "weights from x₁, column 2 those from x₂.")
    return fig


TABLE_MARK = "#F0E442"  # the row, the column and the cell they make: filled and framed thick (not colour alone)


@plots.styled
def tables_picture(W1, W2, row=0, col=0, biases=None):
    """Layer 2's table times layer 1's table makes the one table (notebook 01): layer 2's row `row` and layer 1's
    column `col` are marked, and so is the one cell of the product they make. With biases=(b1, b2) (pass 77, r74
    reader: the biases were never shown as a column), drawn below: layer 2's table · b1 + b2 = the one bias."""
    W1, W2 = np.asarray(W1, dtype=float), np.asarray(W2, dtype=float)
    low = -0.9 if biases is None else -4.0
    fig, ax = plots.new_figure(620, 200 if biases is None else 380)
    ax.set_axis_off()
    ax.set(xlim=(-0.3, 10.3), ylim=(low, 2.2))
    ax.set_aspect("equal")
    tables = [("layer 2's table", W2, lambda i, j: i == row), ("layer 1's table", W1, lambda i, j: j == col),
              ("the one table", W2 @ W1, lambda i, j: (i, j) == (row, col))]
    for k, (name, M, marked) in enumerate(tables):
        left = 3.8 * k
        for i in range(2):
            for j in range(2):
                on = marked(i, j)
                ax.add_patch(Rectangle(
                    (left + j, 1 - i), 1, 1, fc=TABLE_MARK if on else "white", ec="black", lw=2.6 if on else 0.8))
                ax.text(left + j + 0.5, 1.5 - i, _num(M[i, j]), ha="center", va="center", fontsize=14,
                        fontweight="bold" if on else "normal")
        ax.text(left + 1, -0.45, name, ha="center", va="center", fontsize=11)
        if k < 2:
            ax.text(left + 2.9, 1, "·" if k == 0 else "=", ha="center", va="center", fontsize=22)
    r, c = W2[row], W1[:, col]
    fig.set_label(f"Three 2-by-2 tables: layer 2's table times layer 1's table equals the one table. Marked: row "
                  f"{row + 1} of layer 2's table ({_num(r[0])}, {_num(r[1])}), column {col + 1} of layer 1's table "
                  f"({_num(c[0])}, {_num(c[1])}), and the number they make in the one table, "
                  f"{_num((W2 @ W1)[row, col])}.")
    if biases is not None:
        _bias_line(ax, W2, *biases)
        b1, b2 = (np.asarray(v, dtype=float) for v in biases)
        fig.set_label(fig.get_label() + f" Below: layer 2's table times layer 1's biases, the column ({_num(b1[0])}, "
                      f"{_num(b1[1])}), plus layer 2's biases, the column ({_num(b2[0])}, {_num(b2[1])}), equals the "
                      f"one bias, the column ({_num((W2 @ b1 + b2)[0])}, {_num((W2 @ b1 + b2)[1])}).")
    return fig


def _bias_line(ax, W2, b1, b2):
    """tables_picture's bottom half: layer 2's table · layer 1's biases + layer 2's biases = the one bias, each bias
    drawn as a column of two boxes (gid "bias")."""
    b1, b2 = np.asarray(b1, dtype=float), np.asarray(b2, dtype=float)
    top = -1.3  # the bottom half's top edge, under the top half's names
    parts = [("layer 2's table", W2), ("layer 1's biases", b1[:, None]), ("layer 2's biases", b2[:, None]),
             ("the one bias", (W2 @ b1 + b2)[:, None])]
    left = 0.0
    for k, (name, M) in enumerate(parts):
        for i in range(2):
            for j in range(M.shape[1]):
                ax.add_patch(Rectangle((left + j, top - 1 - i), 1, 1, fc="white", ec="black", lw=0.8, gid="bias"))
                ax.text(left + j + 0.5, top - 0.5 - i, _num(M[i, j]), ha="center", va="center", fontsize=13)
        ax.text(left + M.shape[1] / 2, top - 2.4, name, ha="center", va="center", fontsize=10)
        left += M.shape[1]
        if k < 3:
            ax.text(left + 0.55, top - 1, "·+="[k], ha="center", va="center", fontsize=20)
            left += 1.1 + (0.4 if k == 0 else 0.6)


FOLD_TURN, FOLD_SHIFT = -60.0, 0.3  # pass 57: cos 60° = 0.5, so the printed arrow's sums are the exact line's sums
FOLD_ARROW_FOOT, FOLD_ARROW_ALONG, FOLD_ARROW_LENGTH = FOLD_SHIFT, -0.2, 0.45  # the still picture's arrow (pass 74)
FOLD_POINTS = ((1, 0), (0, 0), (2, 1))  # where the XOR corners land after the crease: the 1-corners share (1, 0)
# pass 82 (r80 reader: the XOR demo asked the learner to learn turn, shift and the label-1 side before a simple
# question): ready-made lines, one button each, as (name, turn, shift). With ReLU only "gentle" splits the corners,
# with tanh only "steep"; with no bend, or with the bias of h₂ at 0, none does.
FOLD_NAME = "gentle"  # the preset that splits the corners after the ReLU crease (step 1's answer)
LINE_PRESETS = (("upright", 0.0, 0.5), ("across", -90.0, 0.5), (FOLD_NAME, FOLD_TURN, FOLD_SHIFT), ("steep", -30.0, 0.55))
# pass 83 (r81 reader: the first view crowded the corners, (0,0) almost on the line): the line starts clear of them.
# pass 88 (r87 reader: the start, turn −60 shift 1.8, was none of the ready-made lines): it starts on "upright", which
# splits the corners under no bend, so it gives no step's answer away, and sits 0.5 from every corner before tanh
FOLD_START = "upright"
FOLD_START_TURN, FOLD_START_SHIFT = dict((name, (turn, shift)) for name, turn, shift in LINE_PRESETS)[FOLD_START]


def fold_line():
    """The answer's line in the widget's own terms: the arrow (across, up) to 2 digits, and the equation it makes."""
    a = np.deg2rad(FOLD_TURN)
    across, up = round(float(np.cos(a)), 2), round(float(np.sin(a)), 2)
    return across, up, f"{across:g}·h₁ − {-up:g}·h₂ = {FOLD_SHIFT:g}"


def fold_scores():
    """Each landed point's reach along the arrow, across·h₁ + up·h₂, from the printed 2-digit arrow (r51: the learner
    redoes these sums from the printed numbers; fold_band checks the exact line puts every point on the same side)."""
    across, up, _ = fold_line()
    return [round(across * h1 + up * h2, 2) + 0.0 for h1, h2 in FOLD_POINTS]


def fold_band(turn=FOLD_TURN, shift=FOLD_SHIFT):
    """The fold line back in the input square: the label-1 side is the band lo < x₁ + x₂ < hi (r51: 'two parallel
    lines' is drawn). On the flat arm (s = x₁ + x₂ <= 1) the score is cos·s; on the rising arm cos·s + sin·(s − 1)."""
    a = np.deg2rad(turn)
    c, n = np.cos(a), np.sin(a)
    return shift / c, (shift + n) / (c + n)


def band_label(v):
    """'= 0.6' when 2 digits are exact, else '≈ 1.5' (r59: 1.55 needs the exact arrow; the printed 0.5 and 0.87 give
    1.54, and both round to 1.5)."""
    return f"= {v:.2g}" if abs(v - float(f"{v:.2g}")) < 1e-9 else f"≈ {v:.2g}"


@plots.styled
def xor_fold_picture():
    """Where the XOR corners land after h1 = ReLU(x1 + x2), h2 = ReLU(x1 + x2 − 1): on the creased sheet (a bent line:
    flat arm, crease at (1, 0), rising arm), with the widget's line at turn −60, shift 0.3; right, the same line back
    in the input square: two parallel lines, the label-1 corners in the band between them."""
    fig, (ax, back) = plots.new_figure(900, 400, 1, 2, gridspec_kw={"width_ratios": [3, 1.9]})
    X, labels = _xor_corners()
    H = sheet.layer(X, ((1, 1), (1, 1)), (0, -1), "relu")
    t = np.array([-0.5, 2.5])
    a = np.deg2rad(FOLD_TURN)  # r49: the widget's line, exactly: cos·h₁ + sin·h₂ = shift
    line = (FOLD_SHIFT - np.cos(a) * t) / np.sin(a)
    # pass 77 (r74 reader: an equation is hard for a learner who knows y = mx + c): named by the sliders' values
    ax.plot(t, line, color="black", ls="--", lw=1.8, label=f"the {FOLD_NAME} line")  # pass 99 (r100 Focus): spin and slide stay in the optional tab
    ax.fill_between(t, line, -1, facecolor=plots._tint("#F0E442", 0.5), edgecolor="black", hatch="..",
                    alpha=0.5, lw=0, label="its label-1 side (where the arrow\npoints: below the line here)")
    # pass 74 (r71 reader: the key named an arrow the picture did not draw): the widget's arrow, from the line into
    # its label-1 side, in the empty lower left (clear of the corner marks and the "flat arm" words)
    facing = np.array([np.cos(a), np.sin(a)])
    base = FOLD_ARROW_FOOT * facing + np.array([-facing[1], facing[0]]) * FOLD_ARROW_ALONG
    ax.annotate("", tuple(base + FOLD_ARROW_LENGTH * facing), tuple(base), gid="arrow",
                arrowprops=dict(arrowstyle="-|>", color="black", lw=2.2, mutation_scale=20))
    s = np.linspace(-0.5, 3.0, 141)  # x₁ + x₂ along the sheet: the whole sheet lands on this bent line
    arm = sheet.layer(np.column_stack([s, np.zeros_like(s)]), ((1, 1), (1, 1)), (0, -1), "relu")
    ax.plot(*arm.T, color=plots.color("relu"), lw=4, alpha=0.55, solid_capstyle="round", zorder=1,
            label="the creased sheet: a bent line")
    box = dict(boxstyle="round,pad=0.15", fc="white", ec="none")  # r47: words stay readable on the dotted side
    # pass 93 (r94 Picture: under the arm the words sat on the dashed line): above the flat arm, clear of both lines
    ax.text(0.36, 0.06, "flat arm", ha="center", va="bottom", fontsize=9.5, bbox=box, gid="flat arm")
    ax.text(1.0, 0.5, "rising arm", ha="left", va="bottom", fontsize=9.5, rotation=45,  # r52: off the thick arm
            rotation_mode="anchor")
    for k in (0, 1):
        ax.plot(*H[labels == k].T, **{**LABEL_STYLE[k], "ms": 13})
    ax.annotate("(0,1) and (1,0) both land\non the crease, (1, 0)", (1, 0), (1.15, -0.6), fontsize=10, bbox=box,
                arrowprops=dict(arrowstyle="-|>", color="black", lw=1))
    ax.annotate("(0,0) → (0, 0)", (0, 0), (-0.42, 0.3), fontsize=10, bbox=box)
    ax.annotate("(1,1) → (2, 1)", (2, 1), (1.45, 1.3), fontsize=10, bbox=box)
    ax.set(xlim=(-0.5, 2.5), ylim=(-0.8, 1.6), xlabel="h₁ = ReLU(x₁ + x₂)", ylabel="h₂ = ReLU(x₁ + x₂ − 1)",
           title="After the ReLU crease: one straight line splits XOR")
    ax.set_aspect("equal")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=9, ncol=2)  # under the axes: no corner hidden
    lo, hi = fold_band()
    g = np.array([-0.25, 1.25])
    band = back.fill_between(g, np.clip(lo - g, -1, 2), np.clip(hi - g, -1, 2), facecolor=plots._tint("#F0E442", 0.5),
                             edgecolor="black", hatch="..", alpha=0.5, lw=0)
    for v in (lo, hi):
        back.plot(g, v - g, color="black", ls="--", lw=1.8)
        back.text(v - 0.52, 0.6, f"x₁ + x₂ {band_label(v)}", rotation=-45, rotation_mode="anchor", ha="center",
                  va="bottom", fontsize=9, bbox=box)
    _label_corners(back, X, labels, size=11)
    back.set(xlim=(-0.25, 1.25), ylim=(-0.25, 1.25), xlabel="x₁", ylabel="x₂", xticks=[0, 1], yticks=[0, 1],
             title="The same line, back in the\ninput square: two parallel lines")
    back.set_aspect("equal")
    band.set_gid("band")
    fig.set_label("Left: after the ReLU crease the sheet is a bent line: a flat arm along h₂ = 0, a corner at (1, 0), "
                  "then a rising arm. (0,0) lands at (0, 0), (1,1) at (2, 1), and both label-1 corners at (1, 0). "
                  f"The dashed {FOLD_NAME} line has the label-1 corners "
                  "below it, where its arrow points, and the label-0 corners above it. Right: the same line in the input square is two "
                  f"parallel dashed lines, x₁ + x₂ {band_label(lo)} and x₁ + x₂ {band_label(hi)}; the label-1 corners lie in the "
                  "dotted band between them, the label-0 corners outside it.")
    return fig


@plots.styled
def no_bend_landing_picture():
    """Where the XOR corners land with the crease layer's ReLU off (pass 74, r71 reader: the text named the landing
    points before any picture showed them): h₁ = x₁ + x₂, h₂ = h₁ − 1 puts all four on one line, 1-corners between."""
    fig, ax = plots.new_figure(640, 330)
    X, labels = _xor_corners()
    H = sheet.layer(X, ((1, 1), (1, 1)), (0, -1), "identity")
    t = np.array([-0.6, 2.6])
    ax.plot(t, t - 1, color=plots.MUTED, ls="--", lw=1.8, label="the line h₂ = h₁ − 1")
    for k in (0, 1):
        ax.plot(*H[labels == k].T, **{**LABEL_STYLE[k], "ms": 13})
    box = dict(boxstyle="round,pad=0.15", fc="white", ec="none")
    for text, at, where, side in (("(0,0) → (0, −1)", (0, -1), (0.2, -1.0), "left"),
                                  ("(0,1) and (1,0)\n→ (1, 0)", (1, 0), (1.15, -0.45), "left"),
                                  ("(1,1) → (2, 1)", (2, 1), (1.8, 1.0), "right")):
        ax.annotate(text, at, where, fontsize=10, bbox=box, va="center", ha=side)
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set(xlim=(-0.6, 2.6), ylim=(-1.5, 1.5), xlabel="h₁ = x₁ + x₂", ylabel="h₂ = x₁ + x₂ − 1",
           title="ReLU off: all four corners land on one line")
    ax.set_aspect("equal")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=9)  # beside the axes: no label covered
    fig.set_label("One panel, axes h₁ and h₂. With ReLU off, the four XOR corners land on the dashed line "
                  "h₂ = h₁ − 1: (0,0) at (0, −1), a white circle; (0,1) and (1,0) both at (1, 0), a yellow square; "
                  "(1,1) at (2, 1), a white circle. The label-1 point sits between the two label-0 points.")
    return fig


# pass 86 (r85 reader: the ramps were a second explanation of a picture already understood): optional, behind a
# click, the picture and its reading together; the reading one step a sentence, from the spot A the picture marks.
# pass 88 (r87 Focus: a detour mid-chapter): moved to the chapter's end, beside the other optional part; r87 Clarity
# ("In unit 2: climbs down, A sits in deep red." read as notes): each panel is named as a panel, in a whole sentence
RAMPS_SUMMARY = "Optional, simplified: two hand-set ramps; their sum catches only (1, 0)"
RAMPS_READING = (
    "Blue means below 0, red above 0, white exactly 0.",
    "A dashed 0-line marks where a panel's value is 0.",
    "Each panel marks the same spot A. There the sum's 0-line meets the bottom edge.",
    "Panel “*unit 2: climbs down*” has A in deep red.",
    "At A, unit 2 is near its top, so it barely changes.",
    "Panel “*unit 1: climbs right*” has A by its dashed line.",
    "There unit 1 is halfway up, so it changes fast.",
    # pass 107 (r109 Clarity: the panel draws unit 1 + unit 2 − 1, not the sum): named as drawn
    "So near A, only unit 1 changes the sum. Unit 1 + unit 2 − 1 has an upright 0-line there.",
    "At the right edge the units swap roles, so it runs across.",
)


def folded_ramps_picture():
    """tanh_ramps_picture behind a click, after the fold that answers the maps' Predict, with its reading."""
    return _FoldedPicture(RAMPS_SUMMARY, tanh_ramps_picture(), 860, RAMPS_READING)


def ramps_spot_a():
    """Where the ramps' sum has its 0-line on the picture's bottom edge: the x₁ of spot A (notebook 01)."""
    (f1, m1, _), (f2, m2, _) = RAMPS
    g, _gx, _gy = map_grid()
    score = tanh_ramp(g, g[0], f1, m1) + tanh_ramp(g, g[0], f2, m2) + RAMP_BIAS
    return float(g[np.argmin(np.abs(score))])


def folded_fold_picture():
    """xor_fold_picture behind a click (r52: in view under the widget it answered the Predict before it). r63: the
    turn −60 arrow sketch is drawn once, before the demo, so the fold no longer repeats it."""
    return _FoldedPicture("Step 1, drawn: the splitting line after the crease, and back in the input square",
                          xor_fold_picture(), 900)  # r67: not a second "Check your prediction"


@plots.styled
def attempts_picture(stacks):
    """Each stack of one-number layers over many inputs (dots) on top of its single line (dashed)."""
    fig, axes = plots.new_figure(780, 270, 1, len(stacks))
    x = np.linspace(-3, 5, 17)  # r47: reaches the worked inputs x = 4 and x = 5
    for ax, (ws, bs) in zip(axes, stacks):
        h = x
        for w, c in zip(ws, bs):
            h = w * h + c
        W, b = mlp.compose_lines(ws, bs)
        ax.plot(x, h, "o", color=plots.ACCENT, ms=6, label="layer by layer")
        ax.plot(x, W * x + b, color="black", ls="--", lw=1.4, label="the one line")
        ax.set(title=f"{len(ws)} layers: {line_text(W, b)}", xlabel="input x")
    for ax in axes:
        ax.set_ylabel("output y")
    axes[0].legend(loc="upper left", fontsize=9)
    fig.set_label("; ".join(f"{len(ws)} layers: every dot, worked out layer by layer, sits on the dashed one line "
                            f"{line_text(*mlp.compose_lines(ws, bs))}" for ws, bs in stacks) + ".")
    return fig


def folded_attempts_picture(stacks):
    """attempts_picture behind a click (pass 89, r89 Interaction: in view, it answered its "One line?" Predict)."""
    return _FoldedPicture("Check your prediction: the dots and the lines", attempts_picture(stacks), 780,
                          ("Yes: every dot sits on its dashed line.",))


@plots.styled
def corner_picture():
    """Two units, no bend: x + (−x) = 0, flat. The same two units with ReLU: |x|, a corner no line can make."""
    fig, ax = plots.new_figure(520, 300)
    x = np.linspace(-3, 3, 201)
    relu = plots.curve("relu", x)
    ax.plot(x, x + (-x), color=plots.MUTED, lw=3, label="no bend: x + (−x) = 0")
    ax.plot(x, relu + plots.curve("relu", -x), color=plots.color("relu"), label="ReLU(x) + ReLU(−x) = |x|")
    ax.set(xlabel="input x", ylabel="output", ylim=(-0.5, 3.2), title="Two units, with and without a bend")
    ax.legend(loc="upper center", fontsize=9)
    fig.set_label("Output against input x from −3 to 3. No bend: x + (−x) is a flat grey line at 0. "
                  "With ReLU: ReLU(x) + ReLU(−x) = |x|, a V with its corner at x = 0.")
    return fig


def folded_corner():
    """corner_picture behind a click, so the learner sketches the sum first (pass 110, r112 Interaction)."""
    return _FoldedPicture("Check your sketch", corner_picture(), 520)


def random_stack(depth, width, rng):
    """depth layers (W, b) of `width` numbers; each W keeps lengths (a turn or mirror), so 100 of them stay tame."""
    stack = []
    for _ in range(depth):
        q, _r = np.linalg.qr(rng.normal(size=(width, width)))
        stack.append((q, rng.normal(size=(width, 1))))
    return stack


def _label_corners(ax, X, labels, size=15):
    """The four XOR corners: shape, fill and a written label, so colour is never the only cue."""
    for k in (0, 1):
        ax.plot(*X[labels == k].T, **{**LABEL_STYLE[k], "ms": size, "mew": 2.5})
    for (x1, x2), k in zip(X, labels):
        ax.annotate(f"label {k}", (x1, x2), xytext=(0, -21 if x2 == 0 else 21), textcoords="offset points",
                    ha="center", va="center", fontsize=10, fontweight="bold",
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="black", lw=0.8))


@plots.styled
def xor_puzzle():
    """The four XOR corners and three straight lines that each fail to split the 1s from the 0s (notebook 01)."""
    fig, ax = plots.new_figure(560, 340)  # just the square and its legend: no empty margin
    X, labels = _xor_corners()
    t = np.array([-0.3, 1.3])
    tries = [(t, 0.5 - t, "x₁ + x₂ = 0.5"), (t, 1.5 - t, "x₁ + x₂ = 1.5"), (np.full(2, 0.5), t, "x₁ = 0.5")]
    for (xs, ys, name), style in zip(tries, ("--", "-.", ":")):
        ax.plot(xs, ys, color=plots.MUTED, ls=style, lw=2, label=f"tried: {name}")
    _label_corners(ax, X, labels)
    ax.set(xlim=(-0.3, 1.3), ylim=(-0.3, 1.3), xlabel="x₁", ylabel="x₂", xticks=[0, 1], yticks=[0, 1],
           title="Three straight lines tried")
    ax.set_aspect("equal")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=9)
    fig.set_label("The four corners of a square: (0,0) and (1,1) are white circles, label 0; (0,1) and (1,0) are "
                  "yellow squares, label 1. Three straight lines are tried: x₁ + x₂ = 0.5, x₁ + x₂ = 1.5 and "
                  "x₁ = 0.5. Each leaves a circle and a square on the same side.")
    return fig


def map_grid():
    """The spots an answer map colours: a 121 × 121 grid over the square and a margin around it."""
    g = np.linspace(-0.25, 1.25, 121)
    return g, *np.meshgrid(g, g)


def xor_maps(runs, seed=0):
    """The answer maps of one seed's networks from train_xor's XorRuns, one panel per bend (notebook 01)."""
    names = list(runs.runs)
    nets = [runs.runs[name][seed].network for name in names]
    return answer_maps(nets, [f"{IN_THE_MIDDLE[name]} (one run)" for name in names])


class _FoldedPicture:
    """A picture behind a click (<details>), so the learner predicts first; a short fixed text/plain for nbval.

    words: paragraphs shown under the picture, inside the fold (*panel title* in italics); before, after: html
    just above and just below the picture (after comes before the words)."""

    def __init__(self, summary, fig, width, words=(), before="", after=""):
        self.summary, self.fig, self.width, self.words, self.before = summary, fig, width, tuple(words), before
        self.after = after

    def __repr__(self):
        return f"{self.summary} (a folded picture)"

    def _repr_html_(self):
        said = "".join("<p>" + re.sub(r"\*([^*]+)\*", r"<i>\1</i>", html.escape(w)) + "</p>" for w in self.words)
        return (f"<details><summary>{html.escape(self.summary)}</summary>{self.before}"
                f"{_figure_html(self.fig, self.width)}{self.after}{said}</details>")


def folded_maps(runs, seed=0):
    """xor_maps folded away: its Predict asks about the right map's boundary, and the map answers it."""
    return _FoldedPicture("Check your prediction: the two maps", xor_maps(runs, seed), 780)


def _boundary_said(lines, net, X):
    """The alt text's shape of a map's dashed boundary, from the drawn contour (pass 82, r80 reader: the text's "it
    curves, in two pieces: one around each label-1 corner" needs the picture's words to say so too)."""
    pieces = [q for path in lines.get_paths() for q in path.to_polygons(closed_only=False) if len(q) > 1]
    count = {1: "one", 2: "two", 3: "three"}.get(len(pieces), str(len(pieces)))
    bent = "curved " if pieces and all(sheet.off_straight(q) > 0.05 for q in pieces) else ""
    chances = net.predict_proba(np.asarray(X, dtype=float)).ravel()
    red = [f"({x1:g},{x2:g})" for (x1, x2), c in zip(np.asarray(X).tolist(), chances) if c > 0.5]
    around = "" if not red else f", the red side holding {' and '.join(red)}"
    return f", in {count} {bent}piece{'s' if len(pieces) != 1 else ''}{around}"


FLAT_MAP_NOTE = "chance ½ everywhere:\nno useful boundary"  # written inside a map whose answer never leaves one half


@plots.styled
def answer_maps(nets, titles):
    """Each network's answer over the square (blue: says 0, near-white: no idea, red: says 1) and the four corners."""
    fig, axes = plots.new_figure(780, 380, 1, len(nets))
    fig.get_layout_engine().set(h_pad=0.12)  # r39: the titles touched the top edge
    X, labels = _xor_corners()
    g, gx, gy = map_grid()
    said = []  # the alt text, one sentence per map
    for ax, net, title in zip(axes, nets, titles):
        p = net.predict_proba(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
        im = ax.imshow(p, origin="lower", extent=(g[0], g[-1], g[0], g[-1]), cmap="RdBu_r", vmin=0, vmax=1)
        if p.max() - p.min() > 0.01:  # a boundary only where the answer really crosses one half, not in rounding noise
            lines = ax.contour(gx, gy, p, levels=[0.5], colors="black", linewidths=1.5, linestyles="--")
            said.append(f"{title.capitalize()}: red and blue regions with a dashed boundary between them"
                        f"{_boundary_said(lines, net, X)}.")
        elif np.abs(p - 0.5).max() < 0.01:  # the no-bend map: say its point inside it, at a glance
            said.append(f"{title.capitalize()}: near-white everywhere, chance one half, no useful boundary.")
            ax.text(0.5, 0.5, FLAT_MAP_NOTE, ha="center", va="center", fontsize=12, fontweight="bold",
                    bbox=dict(fc="white", ec="black", lw=0.8))
        _label_corners(ax, X, labels)
        ax.set(title=title, xlabel="x₁", ylabel="x₂", xticks=[0, 1], yticks=[0, 1])
        ax.set_aspect("equal")
        ax.grid(False)
    fig.colorbar(im, ax=axes, label="the network's answer: chance of label 1", shrink=0.85)
    fig.set_label("Colour maps of each network's chance of label 1 over the square, blue for 0, white for one half, "
                  "red for 1, with the four corners marked. " + " ".join(said))
    return fig


# pass 81 (r78 reader: the sum wrapped (1, 1), a label-0 corner, while the maps wrap the label-1 corners): unit 2 climbs
# downward, so the sum is above 0 only near (1, 0), a label-1 corner, as on the tanh map
XOR_HIDDEN = 8  # the XOR network's hidden units (train_xor): the ramps picture says it is simpler than that
RAMPS = (((1.0, 0.0), 0.5, "climbs right"), ((0.0, -1.0), -0.5, "climbs down"))  # (facing, middle, words)
RAMP_STEEPNESS, RAMP_BIAS = 3.0, -1.0  # each unit: tanh(3 · (facing · x − middle)); the sum's bias −1


# pass 82 (r80 reader: the picture is a hand-made sum of two ramps, the trained network has 8 tanh units, and the
# text used "0-line" before saying what it is): the picture says both
RAMPS_SUM_TITLE = "unit 1 + unit 2 − 1\ncatches only (1, 0)"
# pass 84 (r83 reader: on one −2..2 scale the single units looked pale): each colour bar spans what its panels show,
# rounded out to a tenth; 0 stays white on both (the sum runs further below 0 than above it)
def ramp_scale(values):
    """A colour scale (low, high) for values: their extremes rounded out to a tenth, so the deepest colour is used."""
    return float(np.floor(np.min(values) * 10) / 10), float(np.ceil(np.max(values) * 10) / 10)


RAMPS_HEAD = (f"A simplification: {len(RAMPS)} hand-set tanh units (the trained network has {XOR_HIDDEN}). "
              "Dashed: each 0-line, where the value is 0")


def tanh_ramp(x1, x2, facing, middle):
    """One tanh unit over the square: a smooth step from −1 to 1 across its straight line facing · x = middle."""
    return np.tanh(RAMP_STEEPNESS * (facing[0] * x1 + facing[1] * x2 - middle))


@plots.styled
def tanh_ramps_picture():
    """Why a trained tanh network's boundary curves (r72 reader: "the steps face different ways" had no picture): two
    tanh units whose straight middle lines face different ways, and their sum minus 1, whose 0-line bends."""
    fig, axes = plots.new_figure(860, 300, 1, 3)
    g, gx, gy = map_grid()
    units = [tanh_ramp(gx, gy, f, m) for f, m, _ in RAMPS]
    score = units[0] + units[1] + RAMP_BIAS
    titles = [f"unit {k + 1}: {words}" for k, (_, _, words) in enumerate(RAMPS)] + [RAMPS_SUM_TITLE]
    unit_scale, sum_scale = ramp_scale(units), ramp_scale(score)
    for ax, z, title, scale in zip(axes, (*units, score), titles, (unit_scale, unit_scale, sum_scale)):
        norm = colors.TwoSlopeNorm(0.0, *scale)  # white at 0, full blue at the low end, full red at the high end
        ax.imshow(z, origin="lower", extent=(g[0], g[-1], g[0], g[-1]), cmap="RdBu_r", norm=norm)
        ax.contour(gx, gy, z, levels=[0.0], colors="black", linewidths=1.8, linestyles="--")
        ax.set(title=title, xlabel="x₁", ylabel="x₂", xticks=[0, 1], yticks=[0, 1])
        ax.set_aspect("equal")
        ax.grid(False)
    for ax, (facing, middle, _) in zip(axes, RAMPS):  # an arrow up each step, across its dashed middle line
        start = np.array([0.5, 0.5]) - 0.35 * np.array(facing)
        ax.annotate("", tuple(start + 0.7 * np.array(facing)), tuple(start),
                    arrowprops=dict(arrowstyle="-|>", color="black", lw=1.6))
    spot = (ramps_spot_a(), g[0])  # pass 86 (r85 reader: "read along the bottom edge" named no place): spot A
    for ax in axes:
        ax.annotate("A", spot, (spot[0] - 0.3, spot[1] + 0.3), fontsize=11, fontweight="bold", gid="spot A",
                    ha="center", va="center", bbox=dict(fc="white", ec="black", pad=1),
                    arrowprops=dict(arrowstyle="-|>", color="black", lw=1.4))
    X, labels = _xor_corners()
    for k in (0, 1):  # the XOR corners, as on the maps: the sum's 0-line wraps the label-1 corner (1, 0)
        axes[2].plot(*X[labels == k].T, **{**LABEL_STYLE[k], "ms": 9}, gid=f"label {k} corners")
    # pass 83 (r81 reader: (0,1) sat in the blue unnoticed; two hand-set units seemed to solve XOR): marked as missed
    axes[2].annotate("(0,1): missed", (0, 1), (0.05, 1.17), fontsize=9, va="center", gid="missed corner",
                     bbox=dict(fc="white", ec="none", pad=1))
    axes[2].text(-0.2, 0.5, "score below 0", fontsize=9, va="center", bbox=dict(fc="white", ec="none", pad=1))
    axes[2].text(1.2, -0.2, "above 0", fontsize=9, ha="right", va="bottom", bbox=dict(fc="white", ec="none", pad=1))
    # pass 87 (r86 reader: two colour bars and a title sentence carried more than the reading uses): the reading
    # says what the colours mean, the alt text keeps the simplification
    fig.set_label(f"{RAMPS_HEAD}. Three colour maps over the square, blue below 0 and red above. Unit 1 climbs "
                  "smoothly from blue to red to the right: its 0-line is the straight upright line x₁ = 0.5. Unit 2 "
                  "climbs downward: its 0-line is the straight across line x₂ = 0.5. Their sum minus 1, with the four "
                  "XOR corners marked, is above 0 only near the bottom-right corner (1, 0), a label-1 square, and its "
                  "dashed 0-line curves around it: upright at the bottom, across at the right. The other label-1 "
                  "corner, (0, 1), stays below 0, marked missed: this pair catches only (1, 0). An arrow labelled A "
                  "points at the same spot of each panel, where the sum's 0-line meets the bottom edge. No colour bars: "
                  "white is 0 in every panel.")
    return fig


def zero_line(ax):
    """The points of the dashed 0-line an axes of tanh_ramps_picture draws (its one contour)."""
    return np.concatenate([p.vertices for c in ax.collections for p in c.get_paths()])


LAYER_LETTERS = (("a", "b"), ("c", "d"), ("e", "f"))  # (weight, bias) of layers 1, 2, 3: small numbers under a
# letter are kept for units and inputs (x₁, h₂, W₂₁), so layers get letters of their own (r47)


def bias_formula(n_layers):
    """'e(cb + d) + f': the one line's bias, built the way the proof builds it, one layer at a time."""
    text = LAYER_LETTERS[0][1]
    for k in range(1, n_layers):
        w, c = LAYER_LETTERS[k]
        inner = text if k == 1 else f"({text})"
        text = f"{w}{inner} + {c}"
    return text


def relu_box_label(n_layers):
    """'put a ReLU after layers 1 and 2': where the box puts ReLUs (after every layer but the last)."""
    k = n_layers - 1
    where = "layer 1" if k == 1 else f"layers {', '.join(map(str, range(1, k)))} and {k}"
    return f"put a ReLU after {where}"


def _stack(x, weights, biases, relu):
    """The stacked 1-D layers at x, a ReLU after every layer but the last when relu is True."""
    y = np.asarray(x, dtype=float)
    for k, (w, c) in enumerate(zip(weights, biases)):
        y = w * y + c
        if relu and k < len(weights) - 1:
            y = np.maximum(y, 0.0)
    return y


def stack_corners(weights, biases, relu, lo=-3.0, hi=3.0):
    """The x positions in (lo, hi) where the stacked line has a corner (its slope changes), left to right.

    Each ReLU can only bend where the number going into it crosses 0; that number is straight between the
    corners found so far, so its crossings are exact. A crossing is kept only if the slope really changes there."""
    if not relu:
        return []
    nodes = [lo, hi]
    for k in range(len(weights) - 1):
        pts = sorted(set(nodes))
        h = np.asarray(pts) if k == 0 else np.maximum(_stack(pts, weights[:k], biases[:k], relu), 0.0)
        before = weights[k] * h + biases[k]  # the number going into the ReLU after layer k + 1
        nodes += [x0 + v0 * (x1 - x0) / (v0 - v1) for x0, x1, v0, v1 in zip(pts, pts[1:], before, before[1:])
                  if v0 * v1 < 0]
    eps, corners = 1e-6, []
    for x0 in sorted(set(nodes)):
        if lo + 1e-9 < x0 < hi - 1e-9:  # a crossing at the very edge is no corner in view
            y = _stack([x0 - eps, x0, x0 + eps], weights, biases, relu)
            if abs((y[2] - y[1]) - (y[1] - y[0])) / eps > 1e-6 and not (corners and x0 - corners[-1] < 1e-9):
                corners.append(x0)
    return corners


@plots.styled
def collapse_demo(n_layers=2, weights=None, biases=None, relu=False):
    """Stacked 1-D layers with sliders: the composed line is always one line, until a bend goes in (notebook 01).

    relu=True opens with the ReLU ticked (the second Predict: can the sliders make it match again?).
    """
    weights = list(weights or (1.5, -0.8, 1.2)[:n_layers])
    biases = list(biases or (0.5, 1.0, -0.5)[:n_layers])
    if len(weights) != n_layers or len(biases) != n_layers:
        raise ValueError(f"need {n_layers} weights and biases, got {len(weights)} and {len(biases)}")
    if not 1 <= n_layers <= len(LAYER_LETTERS):
        raise ValueError(f"the letters a to f name up to {len(LAYER_LETTERS)} layers, not {n_layers}")
    live = LiveFigure(600, 340, fast_axes=True)  # the y axis follows the lines: a limit move stays cheap
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 301)
    ax.set(xlim=(-3, 3), ylim=(-10, 10), xlabel="input x", ylabel="output y")  # update() fits y to the lines
    title = live.moving(ax.set_title(f"{n_layers} stacked layers vs one line: largest gap 00.00"))  # the gap, live
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    stacked = live.moving(ax.plot([], [], color=plots.ACCENT, lw=4, alpha=0.5, label="the stacked layers")[0])
    single = live.moving(ax.plot([], [], color="black", lw=1.6, ls="--", label="the one line from the proof")[0])
    kinks = live.moving(ax.plot([], [], ls="none", marker="D", ms=7, color="black", mec="white", mew=1.0, zorder=5,
                                label="a corner of the stacked line")[0])
    legend = {"artist": None, "handles": None, "loc": None}

    def draw_legend(with_corner, loc):
        """The legend names the diamond only while a corner is drawn (r42: no phantom corner entry); loc is
        legend_corner's."""
        handles = [stacked, single] + ([kinks] if with_corner else [])
        if legend["handles"] == handles and legend["loc"] == loc:
            return
        if legend["artist"] is not None:
            legend["artist"].remove()
        legend["artist"], legend["handles"], legend["loc"] = ax.legend(handles=handles, loc=loc), handles, loc
        live.invalidate()  # the legend is part of the cached background

    sliders = {}
    for i in range(n_layers):
        sliders[f"w{i + 1}"] = slider(f"layer {i + 1} weight {LAYER_LETTERS[i][0]}", weights[i], -3.0, 3.0, 0.1)
        sliders[f"b{i + 1}"] = slider(f"layer {i + 1} bias {LAYER_LETTERS[i][1]}", biases[i], -3.0, 3.0, 0.1)
    bend = widgets.Checkbox(value=bool(relu), description=relu_box_label(n_layers), indent=False)
    readout = widgets.HTML()

    def update():
        ws = [sliders[f"w{i + 1}"].value for i in range(n_layers)]
        bs = [sliders[f"b{i + 1}"].value for i in range(n_layers)]
        y = _stack(x, ws, bs, bend.value)  # push the inputs through the layers one by one
        W, b = mlp.compose_lines(ws, bs)
        stacked.set_data(x, y)
        single.set_data(x, W * x + b)
        at = stack_corners(ws, bs, bend.value)
        kinks.set_data(at, _stack(at, ws, bs, bend.value))
        kinks.set_visible(bool(at))  # hidden, not an empty line, when there is no corner
        # Fit the y axis to both lines (and 0), so a small corner is never lost on a tall fixed axis.
        set_limits(live, ax, ylim=nice_limits(np.concatenate([y, W * x + b]), step=0.5, include=(0.0,)))
        draw_legend(bool(at), legend_corner(x, (y, W * x + b), ax.get_ylim()))
        gap = float(np.max(np.abs(y - (W * x + b))))
        title.set_text(f"{n_layers} stacked layers vs one line: largest gap {gap:.2f}")
        live.render()
        verdict = ("the stacked layers match this one line" if gap < 1e-9 else
                   "with the bend the layers no longer match one line")
        slope = f"{W:.2f}".replace("-", "−")
        names = "·".join(LAYER_LETTERS[i][0] for i in reversed(range(n_layers)))
        factors = " · ".join(_factor(round(w, 2)) for w in reversed(ws))   # the last layer's weight first, as in the text
        where = ("" if not bend.value else "<br>the stacked line has no corner here" if not at else
                 f"<br>corners of the stacked line (diamonds) at x = {', '.join(_two(c) for c in at)}")
        readout.value = (f"<b>the one line from the formula: y = {slope}·x{plots.signed_term(b)}</b> &nbsp; {verdict}"
                         f"{where}<br>its weight {names} = {factors} = {slope}")
        # pass 95 (r96 Focus): no bias line of digits; the equation above already shows the bias

    on_change([*sliders.values(), bend], update)
    update()
    # pass 100 (r102 Interaction): the ReLU Predict starts from the start values, after "three wild settings":
    # a reset button, as the sheet demo has (fold_demo)
    reset = _reset_button(sliders, keeps="the tick box")
    return LiveWidget(
        [*sliders.values(), widgets.HBox([bend, reset]), readout, live.image], live,
        "Collapse demo: drag the layer weights and biases (static picture below)",
        sliders=sliders, readout=readout, lines={"stacked": stacked, "single": single, "corners": kinks}, bend=bend,
        title=title, reset=reset,
    )


def _reset_button(sliders, keeps):
    """A reset button that puts every slider back to the value it has now; `keeps` names what it leaves alone."""
    start = {k: v.value for k, v in sliders.items()}
    reset = widgets.Button(description="reset", tooltip=f"set every slider back to its start value (keeps {keeps})")

    def back_to_start(_button=None):
        for k, v in start.items():
            sliders[k].value = v

    reset.on_click(back_to_start)
    return reset


def legend_corner(x, lines, ylim, width=0.45, height=0.32):
    """The collapse demo's legend corner, upper or lower left: the one fewer points of the lines fall in
    (r68: at the start the thick line runs through the upper left, under the legend). width, height: the legend's
    share of the axes; a tie keeps the upper left."""
    left = x <= x.min() + width * (x.max() - x.min())
    low, high = ylim
    ys = np.concatenate([np.asarray(v)[left] for v in lines])
    upper = np.count_nonzero(ys >= high - height * (high - low))
    lower = np.count_nonzero(ys <= low + height * (high - low))
    return "lower left" if lower < upper else "upper left"


def _two(v):
    """A number to 2 decimals with a real minus sign: −0.40, not -0.40 (and 0.00, never −0.00)."""
    return f"{round(float(v), 2) + 0.0:.2f}".replace("-", "−")


def _formula(i, row, bias, bend):
    """'h₁ = ReLU(1.00·x₁ + 0.60·x₂ − 0.30)': one output number of the layer, as a readable formula."""
    inner = f"{_two(row[0])}·x₁{plots.signed_term(row[1])}·x₂{plots.signed_term(bias)}"
    return f"h{'₁₂'[i]} = " + (inner if bend == "identity" else f"{BENDS[bend]}({inner})")


def _on_one_line(points, tol=1e-9):
    """True when all the points lie on one straight line (or one point): the sheet has lost a direction."""
    centred = points - points.mean(axis=0)
    return np.linalg.svd(centred, compute_uv=False)[-1] <= tol * max(1.0, np.abs(points).max())


@plots.styled
def fold_demo(W=SHEET_W, b=SHEET_B, bend="identity", corners=False):
    """A 2-D layer on a sheet of grid lines: W stretches or turns, b slides, a bend creases or curves (notebook 01).

    corners=True adds the four XOR corners, their label legend (circle 0, square 1) and where they land:
    only once the XOR section has named the labels."""
    live = LiveFigure(780, 440 if corners else 400, 1, 2)  # corners: room for the legend under the axes
    ax_in, ax_out = live.axes
    X, labels = _xor_corners()
    families = sheet.grid_lines()
    _sheet_axes(ax_in, "before: the input sheet (x₁, x₂)")
    _sheet_axes(ax_out, "after the layer (h₁, h₂)\nall 14 grid lines still straight")  # the readout's count, live
    title = live.moving(ax_out.title)
    # Shadings first: moving artists are drawn in order, so the sheets, corners and legends stay on top of them.
    regions = _press_regions(ax_in, W, b, moving=live)  # shown with ReLU only: the parts it presses flat
    ax_in.set(xlabel="x₁", ylabel="x₂")
    ax_out.set(xlabel="h₁", ylabel="h₂")
    ghost = side = cut = facing = rings = None  # pass 80 (code review): each named on every path
    for f in [] if corners else families:  # the untouched sheet, faint behind the result, for comparison
        # pass 78 (r75 reader: in the XOR demo the grey grid cluttered the landed corners): not drawn there
        ghost = ax_out.plot(*_joined(f), color=plots.MUTED, lw=0.6, alpha=0.4, label="grey: the sheet before")[0]
    if corners:  # a straight line to try on the landed corners: does one split the squares from the circles?
        side = live.moving(ax_out.fill([], [], facecolor=plots._tint("#F0E442", 0.5), edgecolor="black", hatch="..",
                                       lw=0, alpha=0.5, zorder=0.6, label="your line's label-1 side")[0])
        cut = live.moving(ax_out.plot([], [], color="black", lw=1.8, ls="--", label="your line")[0])
    _draw_sheet(ax_in, families, X, labels, moving=live, corners=corners)
    grid, dots, texts = _draw_sheet(ax_out, families, X, labels, moving=live, offsets=LANDED_OFFSETS, corners=corners)
    marks = None
    if not corners:  # r52: the dark top-right square shows a turn or a flip (the XOR widget has its labelled corners)
        ax_in.fill(*corner_square(None).T, **MARK_STYLE)
        marks = live.moving(ax_out.fill(*corner_square(W, b, bend).T, label="dark: the top-right square",
                                         **MARK_STYLE)[0])
    if corners:
        # where "turn" points: an arrow from the line's point nearest (0, 0) toward the dotted side. Made after the
        # corner marks (moving artists are drawn in order), and long enough that its head clears the (1, 0) square.
        facing = live.moving(ax_out.annotate("", (1, 0), (0, 0), arrowprops=dict(arrowstyle="-|>", color="black",
                                                                             lw=2.2, mutation_scale=20), zorder=3.5))
        # pass 80 (r76 reader: which corner is the "1 of 4 right"?): a green ring round each corner counted right
        # a hexagon, not a circle: label 0's mark is a hollow circle, and a colour-blind reader must tell them apart
        rings = live.moving(ax_out.plot([], [], ls="none", marker="h", ms=RING_SIZE, mfc="none", mec=plots.HEALTHY, mew=2.5,
                                        zorder=3.4, label="ring: a corner your line gets right")[0])
        live.moving(ax_in.legend(loc="upper left", fontsize=8.5, framealpha=0.9))  # the empty top-left
        # pass 76 (r73 reader: lower right, it covered the dotted side and the pink line): under the axes
        # pass 78 (r75 reader: the pink line was not in the legend): named as the whole sheet, landed
        live.moving(ax_out.legend(handles=[cut, side, grid[1], rings],
                                  labels=["your line", "your line's label-1 side", "pink: the whole sheet, landed",
                                          "ring: a corner your line gets right"],
                                  loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8.5, frameon=False,
                                  markerscale=0.5))
    else:
        live.moving(ax_out.legend(handles=[ghost, marks], loc="lower right", fontsize=8.5, framealpha=0.9))

    (w11, w12), (w21, w22) = W
    sliders = {
        "w11": slider("W₁₁ (x₁ into h₁)", w11, -2.0, 2.0, 0.1), "w12": slider("W₁₂ (x₂ into h₁)", w12, -2.0, 2.0, 0.1),
        "w21": slider("W₂₁ (x₁ into h₂)", w21, -2.0, 2.0, 0.1), "w22": slider("W₂₂ (x₂ into h₂)", w22, -2.0, 2.0, 0.1),
        "b1": slider("bias of h₁", b[0], -1.5, 1.5, 0.1), "b2": slider("bias of h₂", b[1], -1.5, 1.5, 0.1),
    }
    if corners:
        # pass 74 (r71 reader: two sliders were a new system to learn before the key idea); pass 82: buttons try
        # ready-made lines; pass 88: the sliders start on one of them, "upright"
        sliders["angle"] = slider("spin: turns the line (°)", FOLD_START_TURN, -180.0, 180.0, 5.0, fmt=".0f")
        sliders["offset"] = slider("slide: moves it along its arrow", FOLD_START_SHIFT, -2.0, 2.0, 0.05)
    for s in sliders.values():
        s.layout.width = "380px"  # two sliders a row
    choice = widgets.ToggleButtons(options=[(label, name) for name, label in BENDS.items()], value=bend,
                                   description="bend:", style={"button_width": "90px"})
    readout = widgets.HTML()

    def update():
        s = {k: v.value for k, v in sliders.items()}
        Wv, bv = ((s["w11"], s["w12"]), (s["w21"], s["w22"])), (s["b1"], s["b2"])
        images = [sheet.layer(f, Wv, bv, choice.value) for f in families]
        for line, image in zip(grid, images):
            line.set_data(*_joined(image))
        landed = sheet.layer(X, Wv, bv, choice.value)
        for k in dots:
            dots[k].set_data(*landed[labels == k].T)
        for text, p in zip(texts, landed):
            text.xy = tuple(p)
        _name_shared_points(texts, landed)
        if marks is not None:
            marks.set_xy(corner_square(Wv, bv, choice.value))
        for i, region in enumerate(regions):
            region.set_xy(half_plane(Wv[i], -bv[i]))
            region.set_visible(choice.value == "relu")
        right = said = None  # the corner count and which corners: the XOR demo's only
        if corners:
            a, t = np.deg2rad(s["angle"]), s["offset"]
            side.set_xy(half_plane((-np.cos(a), -np.sin(a)), -t))  # the side where cos·h₁ + sin·h₂ > shift
            foot, along = t * np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
            cut.set_data(*np.array([foot - 9 * along, foot + 9 * along]).T)
            base = arrow_base(s["angle"], t, landed)
            facing.set_position(tuple(base))
            facing.xy = tuple(base + ARROW_LENGTH * np.array([np.cos(a), np.sin(a)]))
            right = corners_right(s["angle"], t, landed, labels)
            said = corners_said(s["angle"], t, landed, labels)
            rings.set_data(*landed[candidate_line(s["angle"], t, landed) == (labels == 1)].T)
        bent = sum(sheet.bent_lines(image) for image in images)
        total = sum(len(image) for image in images)
        how = "creased" if choice.value == "relu" else "curved"  # ReLU: straight pieces meet at a crease
        verdict = (f"{bent} of {total} grid lines {how}" if bent else
                   "the whole sheet squashed onto one line" if _on_one_line(np.concatenate(images).reshape(-1, 2)) else
                   f"all {total} grid lines still straight")
        # r54: the corner count in the picture, not above it; pass 76 (r73 reader: a cramped two-line title): the XOR
        # demo's title is the count alone, which its text names ("The title counts..."); the readout keeps the verdict
        title.set_text(f"your line gets {right} of 4 corners right" if corners else f"after the layer (h₁, h₂)\n{verdict}")
        live.render()
        # pass 82 (r80 reader: a wall of numbers): the XOR demo says only what its question needs, the count and
        # which corners; the sheet demo keeps the layer's formulas, which its sliders change
        readout.value = (said if corners else f"<b>{_formula(0, Wv[0], bv[0], choice.value)}</b> &nbsp; "
                         f"<b>{_formula(1, Wv[1], bv[1], choice.value)}</b><br>{verdict}")

    on_change([*sliders.values(), choice], update)
    update()
    reset = _reset_button(sliders, keeps="the bend")
    presets = {}
    if corners:  # pass 82 (r80 reader): one click tries a ready-made line; the sliders then fine-tune it

        def preset_line(turn, shift):
            def put(_button=None):
                sliders["angle"].value, sliders["offset"].value = turn, shift
            return put

        for name, turn, shift in LINE_PRESETS:
            # pass 92 (r93 Clarity): no spin and slide numbers in view before the closed block says what they are
            presets[name] = widgets.Button(description=name, tooltip=f"try the {name} line",
                                           layout=widgets.Layout(width="90px"))
            presets[name].on_click(preset_line(turn, shift))
    rows = [widgets.HBox([sliders["w11"], sliders["w12"]]), widgets.HBox([sliders["w21"], sliders["w22"]]),
            widgets.HBox([sliders["b1"], sliders["b2"], reset])]
    if corners:  # the XOR questions use only the bend, the bias of h₂ and the line: the rest stays fixed, out of sight
        # p117 (r116 Focus/Interaction/Clarity: the spin and slide sliders answered no question, and their words were
        # dense geometry): dropped from view; the buttons set the line through them
        rows = [widgets.HBox([sliders["b2"]]), widgets.HBox([widgets.Label("try a line:"), *presets.values()])]
    return LiveWidget(
        [choice, *rows, readout, live.image], live,
        "Sheet demo: stretch, turn, slide and bend a sheet (static picture below)",
        sliders=sliders, readout=readout, bend=choice, reset=reset, presets=presets,
        lines={"grid": dict(zip(("vertical", "horizontal"), grid)), "dots": dots, **({"cut": cut} if corners else {})},
        regions=regions, side=side, facing=facing, rings=rings, mark=marks,
    )


def deep_stack(depth, width=8, n=200, seed=1):
    """Push n random inputs through `depth` flat layers one by one, and through the one layer they collapse into.

    Returns (layer by layer, one layer, numbers stored by the stack, numbers stored by one layer).
    """
    rng = np.random.default_rng(seed)
    inputs = rng.normal(size=(width, n))
    stack = random_stack(depth, width, rng)
    h = inputs
    for W, b in stack:  # the slow way: layer by layer
        h = W @ h + b
    W, b = mlp.compose_affine(stack)  # the fast way: one layer
    return h, W @ inputs + b, depth * (width * width + width), width * width + width


def first_answer_range(answers):
    """'−4.7 to 1.1': the plotted first answers' lowest and highest, 2 significant digits, real minus signs (r47:
    the title says what the dots show, and what "a gap below a trillionth" is measured against)."""
    return " to ".join(f"{v:.2g}".replace("-", "−") for v in (answers[0].min(), answers[0].max()))



# The deep-stack panels' bound on the gap between the two ways (a trillionth), checked and printed from one number
GAP_POWER = -12
# pass 104 (r106 Clarity: "10⁻¹²" was notation a high-school reader does not know): written out in full
# pass 105 (r107 Picture: "0.000000000001" read as a wall of digits): the titles say 0 (rounding only); below() still
# raises unless every gap is under 10.0 ** GAP_POWER, so "rounding only" is checked each time the picture is drawn
GAP_SAID = "0\n(rounding only)"   # two title lines, so the 100-layer title fits the figure


@plots.styled
def deep_stack_picture(depths=(2, 10, 100)):
    """Each deep flat stack's answers against its one collapsed layer's: every dot on the diagonal (notebook 01)."""
    fig, axes = plots.new_figure(780, 330, 1, len(depths))
    for ax, depth in zip(axes, depths):
        slow, fast, stored, one = deep_stack(depth)
        both = np.concatenate([slow[0], fast[0]])
        pad = 0.1 * (both.max() - both.min())
        lim = (float(np.floor(both.min() - pad)), float(np.ceil(both.max() + pad)))
        ax.plot(lim, lim, color="black", ls="--", lw=1.2, label="same answer")
        ax.plot(slow[0], fast[0], "o", color=plots.ACCENT, ms=4, alpha=0.6, label="one input")
        below(np.max(np.abs(slow - fast)), 10.0 ** GAP_POWER)   # raises unless the gap is rounding, below a trillionth
        ax.set(xlim=lim, ylim=lim, xlabel="first output, layer by layer")
        # r41: the gap is absolute, so the title says how big the answers are; pass 75 (r72 reader: the fold's "below
        # a trillionth" was not visible): each title gives its measured bound, the fold says it in words once
        ax.set_title(f"{depth} layers ({stored} numbers)\nfirst output: {first_answer_range(slow)}\n"
                     f"largest gap: {GAP_SAID}", fontsize=10.5)  # pass 90 (r91): the bound below() checks
        ax.set_aspect("equal")
    axes[0].set_ylabel(f"same output, one collapsed layer\n({one} numbers)")  # pass 91 (r92): the axes said here
    axes[0].legend(loc="upper left", fontsize=8.5)
    fig.set_label(f"Three panels, for {', '.join(map(str, depths[:-1]))} and {depths[-1]} layers. Each dot is one "
                  f"input: across, its first output layer by layer; up, the same output from the one collapsed layer. In every panel all "
                  f"dots sit on the dashed diagonal: the two answers agree; each title says the largest gap between them "
                  f"is 0, up to the computer's rounding.")
    return fig


@plots.styled
def xor_seeds_picture(chances, bends=("identity", "tanh")):
    """Every seed's chance of label 1 at each XOR corner, one panel per bend (notebook 01).

    chances: {bend: array (seeds, 4 corners)}. Seeds sit side by side, so no dot hides another.
    """
    X, labels = _xor_corners()
    titles = {"identity": IN_THE_MIDDLE["no bend"], **IN_THE_MIDDLE}
    fig, axes = plots.new_figure(780, 300, 1, len(bends), sharey=True)
    for ax, bend in zip(axes, bends):
        c = np.asarray(chances[bend])
        spread = (np.arange(len(c)) - (len(c) - 1) / 2) * 0.085
        ax.axhline(0.5, color=plots.MUTED, ls="--", lw=1.2)
        for k in (0, 1):
            cols = np.flatnonzero(labels == k)
            xs = (cols[None, :] + spread[:, None]).ravel()
            style = {**LABEL_STYLE[k], "ms": 4.5, "mew": 1.0}
            ax.plot(xs, c[:, cols].ravel(), **style)
        ax.set(xticks=range(4), xticklabels=[f"({a:g},{b:g})\nlabel {k}" for (a, b), k in zip(X, labels)],
               ylim=(-0.05, 1.05), xlim=(-0.6, 3.6), title=f"{titles[bend]}: {len(c)} runs")
    axes[0].set_ylabel("chance of label 1")
    axes[0].legend(loc="lower left", fontsize=8.5, framealpha=0.9)
    fig.set_label("Each run's chance of label 1 at each of the four corners, one panel per network. " + " ".join(
        f"{titles[b].capitalize()}: {_seed_summary(np.asarray(chances[b]), labels)}." for b in bends))
    return fig


def _seed_summary(c, labels):
    """xor_seeds_picture's alt text for one panel: where its dots sit."""
    if np.abs(c - 0.5).max() < 0.01:
        return "every dot sits at one half"
    return (f"label-1 corners near 1 (lowest {c[:, labels == 1].min():.2f}), "
            f"label-0 corners near 0 (highest {c[:, labels == 0].max():.2f})")


def _revealed(fig, width, printed="", after=""):
    """What answers a question (a printout, a picture, then a printout or a second (figure, width) about the picture)
    as (widget kept hidden until a click, fold for a render without a kernel): the answer never sits under its
    Predict already drawn."""
    pre = lambda text: f"<pre>{html.escape(text)}</pre>" if text else ""

    def picture(f, w):
        png = figure_png(f)
        return (widgets.Image(value=png, format="png", layout=widgets.Layout(max_width="100%")),
                tables.cell(tables.image(png, figure_alt(f), w)))

    shown = [(widgets.HTML(pre(printed)), pre(printed))] if printed else []
    shown.append(picture(fig, width))
    if isinstance(after, list):  # pass 74: more than one picture after the printout, in order
        shown.extend(picture(*pair) for pair in after)
    elif after:
        shown.append(picture(*after) if isinstance(after, tuple) else (widgets.HTML(pre(after)), pre(after)))
    return (widgets.VBox([w for w, _ in shown]),
            "<details><summary>The answer (open it after you choose)</summary>" + "".join(h for _, h in shown)
            + "</details>")


def _figure_html(fig, width):
    """A figure as an inline PNG with its alt text."""
    return tables.cell(tables.image(figure_png(fig), figure_alt(fig), width))


WRONG_HEAD = "A common wrong answer: "
SAID_WRONG = "(a common wrong answer): "


def said_lines(options, right, why):
    """What each click says, one line a letter, for a render without a kernel: the right letter and why, then each
    wrong letter and its misconception ("C (a common wrong answer): only the last layer counts. In fact: ..."; r78:
    "C is wrong: only the last layer counts" read as the course's own claim)."""
    lines = []
    for letter, (text, wrong) in zip(LETTERS, options.items()):
        if text == right:
            lines.insert(0, f"{letter}: {text}. {why}")
        else:
            lines.append(f"{letter} {SAID_WRONG}{wrong.removeprefix(WRONG_HEAD)}")
    return lines


def _said_folded(options, right, why):
    """said_lines in a fold, opened after the reader chooses."""
    return ("<details><summary>The answer (open it after you choose)</summary><pre>"
            + html.escape("\n".join(said_lines(options, right, why))) + "</pre></details>")


def choice_question(options, right, why, caption, answer=None):
    """Chapter 00's click question, with a static header that does not send the reader off to run the notebook.

    answer: _revealed's arguments (figure, width, printout): what answers it, shown only after the first click."""
    if answer is None:  # r68: a render without a kernel folds what each click says (as the bend question's reveal)
        return _choice_question(options, right, why, caption, static_head="Your answer:",
                                reveal_html=_said_folded(options, right, why))
    box, folded = _revealed(*answer)
    # pass 80 (r76 reader: the runs quiz showed only counts): the render without a kernel says each option's verdict
    # too, first in the same fold, as a click would
    said = "<pre>" + html.escape("\n".join(said_lines(options, right, why))) + "</pre>"
    folded = folded.replace("</summary>", "</summary>" + said, 1)
    return _choice_question(options, right, why, caption, static_head="Your answer:", reveal=box, reveal_html=folded)


def bend_question(W=SHEET_W, b=SHEET_B):
    """After ReLU, after tanh: does the thick line stay straight? (notebook 01, the opening). r55: the bend picture
    sat in view under its Predict; now a click reveals it: the answer in one line, the picture, tanh's numbers."""
    return choice_question({
        "both stay straight": "A common wrong answer: a bend is one more stretch. In fact: a bend treats some numbers "
                              "differently from others, so a straight line creases or curves.",   # r79: ReLU splits by sign
        "ReLU creases it, tanh keeps it straight": "A common wrong answer: tanh is smooth, so lines stay straight. "
                                                   "In fact: smooth is not straight. tanh squashes numbers far from 0 "
                                                   "more than numbers near 0, so most slanted lines curve.",
        "ReLU keeps it straight, tanh curves it": "A common wrong answer: ReLU is two straight pieces, so lines stay "
                                                  "straight. In fact: where h₁ or h₂ along a line crosses 0, ReLU "
                                                  "goes from flat to ramp, and the line usually gets a corner.",
        "ReLU creases it, tanh curves it": "",
    }, "ReLU creases it, tanh curves it", "ReLU presses the negative part flat: a corner. tanh squashes numbers "
       "far from 0 more than numbers near 0: a curve.",
        "Question: after each bend, does the thick line stay straight?",
        (bend_pictures(W, b), 1200, "", [(pressed_picture(W, b), 700), (tanh_steps_picture(), 460)]))


def weight_question():
    """Three flat layers with weights 2, 3 and 4: the one layer's weight? (notebook 01, after the proof)."""
    return choice_question({
        "9": "A common wrong answer: 9, the weights added up. In fact: each layer multiplies what it gets. "
             "So the weights multiply: 2 · 3 · 4 = 24.",
        "24": "",
        "4": "A common wrong answer: only the last layer counts. In fact: every layer stretches, "
             "and the stretches multiply: 2 · 3 · 4 = 24.",
        "none: three layers never make one": "A common wrong answer: three layers stay three rules. In fact: "
                                             "put each layer into the next, and you get one layer again.",
    }, "24", "Each layer multiplies: 2 · 3 · 4 = 24. The biases are 0, so the one layer is y = 24x.",
        # pass 84 (r83 reader: "the stack collapses into one layer" ruled out the last option): asked, not told
        "Question: one layer? If so, what weight?")


def depth_question(depths=(2, 10, 100)):
    """At 100 flat layers, where do the deep-stack picture's dots sit? (notebook 01). The picture appears after a click.

    The right answer is last here; in the chapter's other questions it is first, second or third of four."""
    return choice_question({
        "far off it: 100 layers do more": "A common wrong answer: more layers always means a stronger network. "
                                          "In fact: 100 unbent layers collapse into one layer, so they do the same.",
        # pass 81 (r78 reader: "rounding grows big" and "16 digits" brought the computer's rounding into an algebra
        # chapter): the third option is a misconception about layers instead
        "in one heap: 100 layers squash inputs together": "A common wrong answer: many layers squash every input "
                                                          "into one answer. In fact: these layers turn and shift, so "
                                                          "inputs stay apart, and the stack does what one layer does.",
        "on it, just as for 2 layers": "",
    }, "on it, just as for 2 layers", "100 unbent layers collapse into one layer, exactly as 2 do.",
        "Question: at 100 layers, where do the dots sit?", (deep_stack_picture(depths), 780))


def xor_question():
    """Which network can solve XOR? Each wrong choice names its misconception (notebook 01, the end).

    The four options have about the same length, so the right one is not spotted by its wording.
    """
    return choice_question({
        "100 layers, no bend in the middle": "A common wrong answer: more layers, more power. In fact: 100 unbent layers "
                                        "collapse into one, and one layer draws a straight boundary.",
        "1 layer, no bend, trained much longer": "A common wrong answer: train longer and it gets there. "
                                                 "In fact: no line sorts XOR, so no amount of training helps. The no-bend "
                                                 "runs (one layer, collapsed) sat at one half after 500 steps, "
                                                 "and after 5000 in the try-it.",
        "2 bent units, then one straight line": "",
        "1 straight line, placed with great care": "A common wrong answer: some line must work. In fact: no line "
                                                   "splits them, as the XOR puzzle's answer showed.",
    }, "2 bent units, then one straight line", "The bends crease or curve the sheet. Then one "
       "straight line can split the 1s from the 0s. The crease above did it: two ReLU units, "
       "then one straight line.",
        "Question: which network can solve XOR?")


NOISE = 1e-9  # far above rounding noise (about 1e-16 here), far below any chance a learner could see move


class XorRuns:
    """Ten training runs per bend on the four XOR corners: runs[name] (mlp histories), chances[name] (seeds × 4)."""

    def __init__(self, runs, X, y):
        self.runs, self.X, self.y = runs, X, y
        self.chances = {name: np.array([r.network.predict_proba(X).ravel() for r in rs]) for name, rs in runs.items()}

    def solved(self, name):
        """How many seeds put every corner on its label's side of one half.

        A chance within NOISE of one half is on neither side: a no-bend run ends at 0.5 give or take the last
        bits, and those bits fall either way (at 5000 epochs they once 'solved' a seed that is mathematically
        unsolvable)."""
        y = self.y.ravel() > 0.5
        return sum(bool(np.all(np.where(y, row - 0.5, 0.5 - row) > NOISE)) for row in self.chances[name])

    def summary(self):
        """One line per bend: the range of the chances and how many seeds solved XOR."""
        lines = []
        for name, c in self.chances.items():
            lines.append(f"{name:7s}: chances from {c.min():.2f} to {c.max():.2f}; "
                         f"solved {self.solved(name)} of {len(c)}")
        return "\n".join(lines)

    def folded(self, title="open after you predict"):
        """The summary behind a click ("open after you predict"): the try-it's answer is not in view before its Predict."""
        return tables.FoldedRows(title, self.summary().splitlines())


XOR_BENDS = {"no bend": "identity", "tanh": "tanh"}  # "identity": the engine's name for no bend at all
IN_THE_MIDDLE = {"no bend": "no bend in the middle", "tanh": "tanh in the middle"}  # the output's sigmoid is a bend


# The chapter's XOR recipe (pass 82, r80 Focus: the learner's cell was `train_xor()` with a comment on epochs, lr and
# seeds; the prose says "ten times, 500 steps each", tested against these)
XOR_EPOCHS, XOR_LR, XOR_SEEDS = 500, 0.5, range(10)


def train_xor(hidden_units=XOR_HIDDEN, epochs=XOR_EPOCHS, seeds=XOR_SEEDS, bends=XOR_BENDS, lr=XOR_LR):
    """Train a 2-hidden_units-1 network on XOR from each seed, once per bend, by plain downhill steps (notebook 01).

    Prints nothing (runs_question shows the summary after a click) and returns the XorRuns.
    """
    X, y = data.xor()
    recipe = dict(dims=(2, hidden_units, 1), optimizer="gd", lr=lr, epochs=epochs)
    runs = {name: [mlp.train(X, y, bend, seed=s, **recipe) for s in seeds] for name, bend in bends.items()}
    return XorRuns(runs, X, y)


# pass 87 (r86 Focus: the visible ch01.train_longer(steps=5000) call was plumbing): a steps menu and a train button
TRY_STEPS = (1000, 5000, 10000)


def train_longer(steps=5000, choices=TRY_STEPS):
    """The try-it (notebook 01): pick a number of training steps, click train, and train_xor's twenty networks train
    again from their starts; the result is their two-line summary. The default is trained once when the cell runs,
    so a render without a kernel shows it folded, and its first click answers at once."""
    done = {steps: train_xor(epochs=steps)}
    menu = widgets.ToggleButtons(options=list(choices), value=steps, description="steps:")
    button = widgets.Button(description="train", button_style="primary", tooltip="train all twenty networks again")
    result = widgets.HTML()

    def train(_button=None):
        n = menu.value
        if n not in done:
            result.value = f"<i>training twenty networks for {n} steps …</i>"
            done[n] = train_xor(epochs=n)
        result.value = f"<b>After {n} steps:</b><pre>{html.escape(done[n].summary())}</pre>"

    button.on_click(train)
    menu.observe(lambda _change: setattr(result, "value", ""), names="value")  # no old result beside a new choice
    static = done[steps].folded(f"The result after {steps} steps (open after you predict)")._repr_html_()
    return CaptionedBox([widgets.HBox([menu, button]), result], done[steps].summary(), static,
                        menu=menu, button=button, result=result, runs=done, train=train)


def three_right_line(u=2, v=2, d=-1):
    """Print, for the straight score s = u·x1 + v·x2 + d, each XOR corner's chance and loss (mlp.bce on that corner
    alone), and the average loss beside one half everywhere (notebook 01, "Why one half?")."""
    print("\n".join(three_right_lines(u, v, d)))


def three_right_lines(u=2, v=2, d=-1):
    """three_right_line's printed lines, as a list."""
    X, y = _xor_corners()
    y = np.asarray(y, float)
    s = np.asarray(X, float) @ (u, v) + d
    each = [mlp.bce(s[k:k + 1], y[k:k + 1]) for k in range(len(y))]   # (loss, chance - label) per corner
    # pass 98 (r99 Correctness: "chance" was the chance of label 1, not of the right label the loss uses): both
    # chances, so −ln of the right label's chance visibly gives the loss
    lines = ["corner  label  chance of 1  chance of its label  loss"]
    for (x1, x2), label, (loss, pull) in zip(X, y, each):
        one = float(pull[0]) + label
        right = one if label == 1 else 1 - one
        lines.append(f"({x1:g}, {x2:g})  {label:g}      {one:<13.2f}{right:<21.2f}{loss:.2f}")
    average = np.mean([loss for loss, _ in each])
    lines.append(f"average loss {average:.2f}; at one half everywhere {mlp.bce(np.zeros_like(y), y)[0]:.2f}")
    return lines


def bias_loss(d, u=0.0, v=0.0):
    """The average loss over the four XOR corners of the straight score u·x1 + v·x2 + d, for each d (mlp.bce)."""
    X, y = _xor_corners()
    X, y = np.asarray(X, float), np.asarray(y, float)
    return np.array([mlp.bce(X @ (u, v) + di, y)[0] for di in np.atleast_1d(d)])


BIAS_LOSS_PX = (560, 300)   # the loss-against-c picture, in pixels (shown at its own width in the fold)


@plots.styled
def bias_loss_picture():
    """The average loss against the bias b, with u = v = 0: one slice of the loss bowl over (u, v, d). It curves up
    everywhere, so its one flat point, d = 0 (chance one half, loss ln 2), is its lowest."""
    fig, ax = plots.new_figure(*BIAS_LOSS_PX)
    d = np.linspace(-4, 4, 401)
    ax.plot(d, bias_loss(d), color=plots.ACCENT, lw=2.5, label="average loss of the 4 corners")
    low = float(bias_loss(0.0)[0])
    ax.plot([0], [low], "o", color="black", ms=8, label=f"lowest: b = 0, chance ½, loss {low:.2f}")
    ax.set(xlabel="the bias b (with u = v = 0)", ylabel="average loss", xlim=(-4, 4), ylim=(0, 2.6),
           title="One slice of the bowl: lowest at chance one half")
    ax.legend(loc="upper center", fontsize=9)
    fig.set_label(f"A curve of the average loss against the bias b, with u = v = 0 (one slice of the bowl): it curves up "
                  f"everywhere, lowest at b = 0, where every chance is one half and the loss is {low:.2f}.")
    return fig


def runs_question(runs=None):
    """Ten runs with no bend: how many solve XOR? Each wrong choice names its misconception (notebook 01, after the
    silent training). runs: train_xor's XorRuns; its printout and seeds picture appear only after a click.

    The four options have about the same length; "train longer" is the misconception the chapter meets next.
    """
    shown = None
    if runs is not None:
        shown = (xor_seeds_picture(runs.chances, bends=tuple(runs.chances)), 780, runs.summary())
    return choice_question({
        "none of the ten": "",
        "about half of them": "A common wrong answer: a lucky start solves it. In fact: this does not hang on luck. "
                              "The least wrong chances a straight score can give are one half everywhere, and every run ends there.",
        "all ten of them": "A common wrong answer: 8 units in the middle are plenty. In fact: without a bend, "
                           "the 8 units collapse into one straight score before the sigmoid, however many there are.",
        "it depends on training time": "A common wrong answer: train longer and it gets there. In fact: no straight "
                                       "line sorts XOR, so longer training cannot solve it.",
    }, "none of the ten", "Without a bend in the middle, everything before the sigmoid collapses into one straight "
       "score. Its boundary is a straight line, and no straight line splits XOR. So no run can solve it, "
       "however long it trains.",
        "Question: how many of ten no-bend runs solve XOR?", shown)


# pass 93 (r94 Clarity: the 9-step argument was too packed): the bowl itself, drawn over one weight and the bias
# (both weights equal, u = v), before the 4 plain steps. Its lowest point is chance one half everywhere; the worked
# line s = 2x₁ + 2x₂ − 1 sits up its wall.
BOWL_PX = (560, 420)
BOWL_LINE = (2.0, -1.0)   # the worked line's weight (u = v) and bias


def bowl_loss(w, b):
    """The average loss over the four XOR corners of the straight score w·x1 + w·x2 + b (mlp.bce), for arrays w, b."""
    X, y = _xor_corners()
    X, y = np.asarray(X, float), np.asarray(y, float)
    s = np.multiply.outer(np.asarray(w, float), X.sum(axis=1)) + np.asarray(b, float)[..., None]
    return np.mean(np.logaddexp(0.0, s) - y * s, axis=-1)   # −ln of each corner's chance for its right label


BOWL_RINGS = (0.75, 1.0, 1.25)   # pass 94: the loss on each drawn ring (the worked line's 1.00 is one of them)
BOWL_SPAN = (3.0, 4.0)   # pass 94: the map shows u = v from −3 to 3 and b from −4 to 4, so the 1.00 ring closes


@plots.styled
def bowl_picture():
    """The loss bowl seen from above (notebook 01, optional section): rings of equal average loss over the weights
    (u = v) and the bias b. Its lowest point, u = v = b = 0 (chance one half everywhere), is the dot in the middle;
    the worked line sits on the higher 1.00 ring. Pass 94 (r95 Picture first: from the 3-D view's angle the 1.00
    square looked lower than the 0.69 dot): a top-down map, each mark labelled with its loss."""
    fig, ax = plots.new_figure(*BOWL_PX)
    (wu, bu) = BOWL_SPAN
    w, b = np.meshgrid(np.linspace(-wu, wu, 241), np.linspace(-bu, bu, 321))
    rings = ax.contour(w, b, bowl_loss(w, b), levels=BOWL_RINGS, colors="black", linewidths=1)
    ax.clabel(rings, fmt="%.2f", fontsize=9, manual=[(0.28, -0.93), (0.69, -2.28), (0.97, -3.23)])
    low = float(bowl_loss(0.0, 0.0))
    line = float(bowl_loss(*BOWL_LINE))
    ax.plot([0], [0], "o", color="black", ms=9, gid="lowest", label=f"lowest: chance ½ everywhere, loss {low:.2f}")
    ax.plot([BOWL_LINE[0]], [BOWL_LINE[1]], "s", color="white", mec="black", mew=2, ms=9, gid="line",
            label=f"the score 2x₁ + 2x₂ − 1: loss {line:.2f}")
    ax.annotate(f"lowest, {low:.2f}", (0, 0), xytext=(9, -4), textcoords="offset points", fontsize=10, gid="low_name",
                bbox={"fc": "white", "ec": "none", "pad": 1})
    ax.annotate(f"{line:.2f}", BOWL_LINE, xytext=(9, -4), textcoords="offset points", fontsize=10,
                gid="line_name", bbox={"fc": "white", "ec": "none", "pad": 1})
    ax.set(xlabel="both weights, u = v", ylabel="the bias b", xlim=(-wu, wu), ylim=(-bu, bu),
           title="The loss bowl from above: rings of equal loss")
    ax.legend(loc="upper right", fontsize=9, framealpha=1)
    fig.set_label(f"A map of the loss bowl seen from above: rings of equal average loss over both weights "
                  f"(u = v, from −{wu:g} to {wu:g}) and the bias b (from −{bu:g} to {bu:g}), labelled "
                  f"{', '.join(f'{r:.2f}' for r in BOWL_RINGS)} from the inside out. A black dot in the middle of "
                  f"the smallest ring, at u = v = b = 0, marks the lowest point: every chance is one half and the "
                  f"loss is {low:.2f}. A white square on the higher {line:.2f} ring marks the score 2x₁ + 2x₂ − 1, "
                  f"loss {line:.2f}.")
    return fig


# pass 98 (r99 Picture first: the XOR proof's four steps had no picture): one no-bend score's four corner scores on
# a number line, a row a pair, each pair's midpoint marked; both midpoints land on one spot, for any u, v, b.
MIDPOINT_RULE = (2.0, -1.0, 0.5)   # u, v, b of the example score s = u·x1 + v·x2 + b: no two scores on one spot


def pair_scores(u=MIDPOINT_RULE[0], v=MIDPOINT_RULE[1], b=MIDPOINT_RULE[2]):
    """{label: [(corner, score), ...]}: the four XOR corners' scores u·x1 + v·x2 + b, grouped by label."""
    X, labels = _xor_corners()
    pairs = {0: [], 1: []}
    for (x1, x2), k in zip(np.asarray(X).tolist(), np.asarray(labels).tolist()):
        pairs[int(k)].append(((int(x1), int(x2)), u * x1 + v * x2 + b))
    return pairs


def pair_midpoints(u=MIDPOINT_RULE[0], v=MIDPOINT_RULE[1], b=MIDPOINT_RULE[2]):
    """(label-0 pair's midpoint, label-1 pair's midpoint): always both (u + v + 2b) / 2."""
    pairs = pair_scores(u, v, b)
    return tuple(float(np.mean([s for _c, s in pairs[k]])) for k in (0, 1))


def midpoint_rule_text(u=MIDPOINT_RULE[0], v=MIDPOINT_RULE[1], b=MIDPOINT_RULE[2]):
    """'s = 2x₁ − x₂ + 0.5': the example score, as the picture's title writes it."""
    def term(w, name, first):
        size = "" if abs(w) == 1 else f"{abs(w):g}"
        sign = ("−" if w < 0 else "") if first else (" − " if w < 0 else " + ")
        return f"{sign}{size}{name}"
    return f"s = {term(u, 'x₁', True)}{term(v, 'x₂', False)}{' − ' if b < 0 else ' + '}{abs(b):g}"


@plots.styled
def midpoints_picture(u=MIDPOINT_RULE[0], v=MIDPOINT_RULE[1], b=MIDPOINT_RULE[2]):
    """The four corners' scores on a number line, one row a pair, each pair's midpoint a black bar; the two bars
    line up (notebook 01, before the XOR proof's Step 1)."""
    fig, ax = plots.new_figure(720, 260)
    pairs = pair_scores(u, v, b)
    mids = pair_midpoints(u, v, b)
    rows = {0: 1.0, 1: 0.0}
    scores = [s for k in pairs for _c, s in pairs[k]]
    lo, hi = min(scores + [0.0]) - 0.7, max(scores + [0.0]) + 0.7
    ax.axvline(0, color="black", lw=1.2)
    ax.annotate("score 0:\nthe line", (-0.08, 1.45), ha="right", fontsize=9)
    ax.axvline(mids[0], color=plots.MUTED, ls="--", lw=1.5)
    for k in (0, 1):
        y = rows[k]
        ax.plot([min(s for _c, s in pairs[k]), max(s for _c, s in pairs[k])], [y, y], color=plots.MUTED, lw=1.5)
        ax.plot([s for _c, s in pairs[k]], [y, y], **{**LABEL_STYLE[k], "ms": 13})
        ax.plot([mids[k]], [y], marker="|", ms=26, mew=3, color="black", ls="none", gid=f"midpoint {k}",
                label="a pair's midpoint" if k == 0 else None)
        for (x1, x2), s in pairs[k]:
            ax.annotate(f"({x1},{x2}): {_num(s)}", (s, y), xytext=(0, 16), textcoords="offset points",
                        ha="center", fontsize=9)
    ax.set(xlim=(lo, hi), ylim=(-0.6, 1.8), yticks=[0, 1], yticklabels=["label-1 pair", "label-0 pair"],
           xlabel="score s", title=f"{midpoint_rule_text(u, v, b)}: both midpoints at {_num(mids[0])}")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=9)  # beside the axes: no dot covered
    fig.set_label(f"A number line of the score {midpoint_rule_text(u, v, b)}, one row a pair. Label-0 pair, white "
                  "circles: " + ", ".join(f"({x1},{x2}) at {_num(s)}" for (x1, x2), s in pairs[0])
                  + ". Label-1 pair, yellow squares: "
                  + ", ".join(f"({x1},{x2}) at {_num(s)}" for (x1, x2), s in pairs[1])
                  + f". A black bar marks each pair's midpoint: both sit at {_num(mids[0])}, on one dashed "
                  "upright line. A solid line marks score 0.")
    return fig


# pass 104 (r106 Focus: the XOR why came in two folds): one argument in one fold, the corners' scores first, then the
# picture of one example, then the conclusion
MIDPOINT_TABLE = (("corner", "label", "score u·x₁ + v·x₂ + b"),
                  ("(0,0)", "0", "b"), ("(1,1)", "0", "u + v + b"), ("(0,1)", "1", "v + b"), ("(1,0)", "1", "u + b"))
# pass 111 (r114 Picture first: the table and the sums came before the picture that makes the point): the
# picture opens the fold, then the table shows why it holds for every line
MIDPOINT_OPENING = "No. Here is one line's score at each corner. Both midpoints land on one spot:"
MIDPOINT_LEAD = (
    "It holds for every line. Put each corner into the score:",
    "Both pairs' scores add to the same total, u + v + 2b. A pair's midpoint is that total, halved.",
    "So both midpoints sit on one spot, for every u, v and b.",
)
MIDPOINT_WORDS = (
    "A split needs both scores of one pair above 0, and both scores of the other pair below 0.",
    "A pair all above 0 has its midpoint above 0; a pair all below, below. One spot cannot be both.",
    "So no straight line splits XOR.",
)


def _midpoint_lead_html():
    """The fold's opening: a sentence, the four corners' scores as a table, then what the table shows."""
    head, *rows = MIDPOINT_TABLE
    cells = lambda row, tag: "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row)  # noqa: E731
    table = (f"<table><tr>{cells(head, 'th')}</tr>" + "".join(f"<tr>{cells(r, 'td')}</tr>" for r in rows)
             + "</table>")
    first, *rest = MIDPOINT_LEAD
    return f"<p>{html.escape(first)}</p>{table}" + "".join(f"<p>{html.escape(w)}</p>" for w in rest)


def folded_midpoints_picture():
    """midpoints_picture behind the XOR puzzle's 'Check your answer' click: picture, table, conclusion."""
    return _FoldedPicture("Check your answer", midpoints_picture(), 720, MIDPOINT_WORDS,
                          f"<p>{html.escape(MIDPOINT_OPENING)}</p>", _midpoint_lead_html())


XOR_LAYERS = (("input", 2), ("middle", 8), ("output", 1))  # the XOR network: 2 inputs, 8 middle units, 1 output


def _column(n, top=1.0):
    """n heights, evenly spread from top to −top (one unit: at 0)."""
    return np.linspace(top, -top, n) if n > 1 else np.zeros(1)


@plots.styled
def xor_network_picture(layers=XOR_LAYERS):
    """pass 106 (r108 Picture: 'A small network has 2 inputs, 8 units in the middle, and 1 output' had no drawing):
    the network, wired, twice: no bend in the middle, then a tanh bend in each middle unit. Each column's circles
    carry the column's gid, so a test counts them."""
    fig, axes = plots.new_figure(760, 330, 1, 2, sharey=True)
    heights = [_column(n, 1.0 if n > 2 else 0.3) for _, n in layers]
    for ax, bent in zip(axes, (False, True)):
        for col, (a, b) in enumerate(zip(heights[:-1], heights[1:])):   # every unit feeds every unit of the next
            for ya in a:
                for yb in b:
                    ax.plot([col, col + 1], [ya, yb], color="0.7", lw=0.7, zorder=1)
        for col, ((name, _n), ys) in enumerate(zip(layers, heights)):
            face = plots.color("tanh") if bent and name == "middle" else "white"
            ax.plot(np.full(len(ys), col), ys, ls="none", marker="o", ms=15 if name != "middle" else 11, mfc=face,
                    mec="black", mew=1.4, zorder=2, gid=name)
        for y, word in zip(heights[0], ("x₁", "x₂")):
            ax.text(-0.12, y, word, ha="right", va="center", fontsize=11)
        ax.text(2.12, 0, "last bend\n(sigmoid,\nbelow) →\nchance of\nlabel 1", ha="left", va="center",
                fontsize=9.5, gid="output words")  # r111: sigmoid is explained below the picture
        ax.text(1, -1.3, "8 middle units" + (": each a tanh" if bent else ": no bend"), ha="center", fontsize=10)
        ax.set(xlim=(-0.5, 2.9), ylim=(-1.45, 1.25), xticks=[], yticks=[],
               title="tanh bend in the middle" if bent else "no bend in the middle")
        for side in ax.spines.values():
            side.set_visible(False)
    counts = ", ".join(f"{n} {name} circle{'s' if n > 1 else ''}" for name, n in layers)
    fig.set_label(f"Two panels, the same network drawn twice, left to right: {counts}. Every input circle is wired "
                  "to every middle circle, and every middle circle to the output, which a sigmoid turns into the "
                  "chance of label 1. Left, no bend in the middle: white middle circles. Right, a tanh bend in "
                  "each middle unit: the middle circles are filled.")
    return fig
