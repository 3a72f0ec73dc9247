"""Chapter 07's widgets: the recall quiz (options in each learner's own order), the sketch tasks with a
four-minute timer, the review cell (Leitner boxes) and the progress view. Keys: course_utils.facts.quiz;
saved answers: course_utils.engine.review. Headless tests: tests/test_quiz_widgets.py, tests/test_chapter_07.py.
"""

import base64
import html as _html
import math
import re
from dataclasses import replace
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import FancyBboxPatch, Patch

from course_utils.engine import mlp, race, review
from course_utils.engine.gradients import quiet_zones
from course_utils.facts import activations, decisions, quiz
from course_utils.ui import offline, plots, tables
from course_utils.ui.display import figure_png
from course_utils.ui.livefigure import LiveFigure, LiveWidget, NamedImage, on_change, slider
from course_utils.ui.captioned import CaptionedBox as QuizBox

GOOD, BAD, NEUTRAL = plots.HEALTHY, plots.VANISHING, plots.MUTED
LETTERS = "ABCD"
TIMER_SECONDS = 240
QUIET = activations.NEAR_FLAT_SLOPE   # the course's near-flat rule: the slope between -0.01 and 0.01
DEAD_LABEL = f"near-flat zone (slope between −{QUIET:g} and {QUIET:g})"   # r44: "size" was never said to ignore the sign
SLOPE_START = -0.25  # every slope slider starts here, at the bottom; not drawn until moved ("not set", not scored)
# until moved: no bend's slope is this low anywhere (GELU's lowest is about −0.13), so an untouched slider is no bend's
# answer (at 0 it was ReLU's left side: r35 reader)
SLOPE_STEP = 0.01    # fine enough to set any true slope to two decimals (sigmoid's 0.24, 0.20, 0.10: r35 reader)
EDGE_START = -1.5    # the near-flat-zone slider starts here: visible in the frame, off for every bend
RIGHT_START = 1.5    # the right-hand zone slider starts here: off for every bend (sigmoid 4.58, tanh 2.99, ReLU/GELU none)
EDGE_REACH = 5.0     # the zone sliders run from −5 to 0 (left) and 0 to 5 (right): the sketch's x range
SLOPE_RANGE = (SLOPE_START, 1.25)   # what a slope slider can set (every true slope of the four bends lies inside)
SKETCH_LEGEND = dict(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, fontsize=8, frameon=False)
UNSET_SAID = "not set"   # an unmoved slope slider: not drawn (r37 reader: a marker at its rest looked like an answer),
#                          not scored, and named so in the readout line under the picture
UNSET_MARK = " (not set: move me)"   # r44: an unmoved slider showed "now -0.25" beside "not set"; its own label says it
UNTOUCHED = "Never moved"   # Compare names each control never moved: it counts as no answer
NONE = "none"        # the learner's answer when a side's tick box "no near-flat zone" is ticked (None: not set yet)


class Learner:
    """The progress store, the learner's option order, the rounds (a mixed round first, then the rest chapter by
    chapter), each question's number down the page, the glosses, and listeners (the progress view) for new answers."""

    def __init__(self, store=None):
        self.store = store if store is not None else review.Store.open()
        seed = quiz.learner_seed(self.store.learner)
        self.order = quiz.arrangement(seed)
        self.rounds = {"mixed": quiz.mixed_round(seed)}
        self.rounds.update({ch: tuple(q.id for q in quiz.by_chapter(ch) if q.id not in self.rounds["mixed"])
                            for ch in quiz.CHAPTERS})
        shown = [qid for qids in self.rounds.values() for qid in qids]
        self.numbers = {qid: k + 1 for k, qid in enumerate(shown)}
        self.glosses = quiz.first_glosses(shown)   # each word glossed once a page, where it is first used
        self.bends = quiz.bend_glosses([shown])   # p84 (r83 Focus): each bend said once a page, not once a round
        self.results, self._listeners = {}, []

    def record(self, qid, feedback):
        self.results[qid] = feedback
        self.store.record(qid, feedback.correct)
        for listener in self._listeners:
            listener()

    def listen(self, callback):
        self._listeners.append(callback)


# The committed page is built with no progress file (review.building), so that no one's answers reach it. When all is
# well, nothing is printed before the first question (r36 reader, Focus); only a problem (an unreadable file, or no
# file chosen) is said here in full. r56: the page's fold on where answers are saved was tool plumbing: cut.
BUILT = ""
NOT_SAVED = ("You chose no progress file, so your answers last until the kernel (the Python running behind this "
             "notebook) restarts or shuts down.")


def start():
    """Open the progress store. All well: print nothing. A file that could not be read is said in full; with no file
    chosen, that answers last only as long as the kernel."""
    learner = Learner()
    store = learner.store
    if store.path is None and not review.building():
        print(NOT_SAVED)
    elif store.path is not None and "could not be read" in store.message:
        print(store.message)
    return learner


def _box(message, colour):
    return (f"<div style='border-left:4px solid {colour};padding:4px 10px;margin:4px 0'>"
            f"{_html.escape(message)}</div>")


def _feedback_box(letter, fb, key_glosses):
    """'B: Right.' (the verdict first) and the reason, one thought; then, set apart on lines of their own, the key
    words the message says ('<b>SwiGLU</b>: ...')."""
    verdict, reason = quiz.split_verdict(fb.message)
    words = _gloss_lines(used_glosses(key_glosses, fb.message))
    return (f"<div style='border-left:4px solid {GOOD if fb.correct else BAD};padding:4px 10px;margin:4px 0'>"
            f"{' '.join(filter(None, (_html.escape(letter + verdict), why_html(reason))))}{words}</div>")   # a table stays one


def glosses(q, learner, where):
    """The glosses this question is the first on the page to need, "head" (under the prompt) or "key" (in its key)."""
    return [g for g, w in learner.glosses.get(q.id, []) if w == where] if learner is not None else []


def gloss_line(gloss):
    """One gloss as the page shows it: its word in bold, then what it means ('<b>SiLU</b>: x times ...')."""
    word, _colon, meaning = gloss.partition(": ")
    return (f"<div class='gloss' style='color:#555;font-size:90%;margin:2px 0 0 18px'><b>{_html.escape(word)}</b>: "
            f"{_html.escape(meaning)}</div>")


def _gloss_lines(lines):
    return "".join(gloss_line(g) for g in lines)


# above the word lines under a question (r42 reader: unlabelled, they read as part of the question)
WORDS_LABEL = "<div class='gloss-label' style='color:#555;font-size:90%;margin:4px 0 0 18px'><i>Words:</i></div>"


def _word_help(lines):
    """The word lines under a question, after their grey label; nothing when the question has none."""
    return WORDS_LABEL + _gloss_lines(lines) if lines else ""


# above the word lines a key opens with (p83, r81 Clarity: Q10's "XOR: ..." and Q24's "softplus: ..." opened the key
# unlabelled and read like the answer)
NEW_WORD_LABEL = "<div class='gloss-label' style='color:#555;font-size:90%;margin:4px 0 0 18px'><i>{}</i></div>"


def key_words(lines):
    """The word lines a key opens with, after a grey "New word:" (or "New words:") label; nothing when it has none."""
    if not lines:
        return ""
    return NEW_WORD_LABEL.format("New word:" if len(lines) == 1 else "New words:") + _gloss_lines(lines)


_PATTERNS = {gloss: pattern for _term, pattern, gloss in quiz.GLOSSES}


def used_glosses(lines, text):
    """The glosses of lines whose word the text uses: a feedback or a key shows only the words it says."""
    return [g for g in lines if re.search(_PATTERNS[g], text)]


def _head(q, number, learner=None):
    """'Q3. <prompt>', then a one-line gloss of each word this question's prompt or wrong options are the first on
    the page to use, and one line on each bend it is the first in its round to name (p82)."""
    bends = learner.bends.get(q.id, []) if learner is not None else []
    # p91 (r92 Clarity: "…inside the layer?Words: …"): the question is a block of its own, so its word lines start
    # on a new line in any reader, not only where the label's own div breaks the line
    return (f"<div class='q-prompt'><b>Q{number}.</b> {_html.escape(q.prompt)}{digits_asked(q)}</div>"
            + _word_help(glosses(q, learner, "head") + bends))


RULE_ANCHOR = "#How-it-works"   # the heading above the number rule (pass 46: one rule, linked from every question)


ONE_IN_ASKED = "Type it as “1 in N”, such as 1 in 1000. A rounded N is fine."   # p98 (r99 Clarity): one question, then its form
# p109 (r111 Clarity: which N count?): the grader takes N in digits, with commas, or in words, and a rounded N


def digits_asked(q):
    """' <i>Give two digits.</i>' for a number question that is no count: the digits quiz.accepted keeps, said where
    the learner types, linked to the one rule under "How it works". How else to type it is the box's (typing_hint)."""
    if not isinstance(q, quiz.Numeric) or float(q.answer).is_integer():
        return ""
    if q.form:   # p86 (r85 Clarity): Q20's key is "about 1 in a million", so it asks for N, not for one digit
        return f" <i>{ONE_IN_ASKED}</i>"
    digits = f"<a href='{RULE_ANCHOR}'>{_DIGITS[q.digits]}</a>"
    return f" <i>Give {digits}.</i>"   # p84 (r83 Focus): Q20's "1 in N" form is in its box (typing_hint), not here


# ---------------------------------------------------------------- small pictures for questions about shapes
SMALL = (520, 300)
RACE_SIZE = (640, 400)   # p76 (r73 Picture): Q29's and Q30's panels, wider, so their text is drawn at 10 pt
X = np.linspace(-6, 6, 481)


def _img_html(png, alt, width=None):
    """A PNG as an inline <img> with its alt text; by default shown at the PNG's own width (the size it was drawn)."""
    data = base64.b64encode(png).decode("ascii")
    return (f"<img alt='{_html.escape(alt, quote=True)}' width='{width or _png_size(png)[0]}' "
            f"src='data:image/png;base64,{data}'>")


def _small(draw):
    """A small still picture (PNG bytes) drawn by draw(ax); a draw marked .own_axes draws its own zero lines; a
    diagram (.diagram: a function making a whole figure, no axes) is drawn as it is."""
    if getattr(draw, "diagram", None) is not None:
        return figure_png(draw.diagram())
    fig, ax = plots.new_figure(*SMALL)
    if not getattr(draw, "own_axes", False):
        ax.axhline(0, color="black", lw=0.6)
        ax.axvline(0, color="black", lw=0.6)
    draw(ax)
    if not ax.get_xlabel():
        ax.set_xlabel("x", fontsize=10)
    ax.tick_params(labelsize=10)
    return figure_png(fig)


def _curves(names, xlim, ylim, styles=("-", "--", ":")):
    def draw(ax):
        for name, ls in zip(names, styles):
            ax.plot(X, plots.finite(plots.curve(name, X)), color=plots.color(name), ls=ls, lw=1.8,
                    label=activations.get(name).label)
        ax.set(xlim=xlim, ylim=ylim)
        ax.legend(fontsize=10, loc="upper left")
    return draw


ONE_CORNER_PIECES = ((1.0, -2.0, "ReLU(x + 2)"), (-1.5, 0.0, "−1.5 · ReLU(x)"), (0.5, 1.5, "0.5 · ReLU(x − 1.5)"))
ONE_CORNER_LINE = (0.25, 0.5, "a straight line, 0.25x + 0.5")   # p77 (r74 Picture): the question's "plus a straight line"


def corner_pieces_sum(x):
    """The sum of the three ONE_CORNER_PIECES and ONE_CORNER_LINE at x."""
    w, b, _label = ONE_CORNER_LINE
    return w * np.asarray(x) + b + sum(w * np.maximum(0, x - c) for w, c, _label in ONE_CORNER_PIECES)


ONE_CORNER_VIEW = (-3.0, 3.0)   # p88 (r87 Picture): x range of Q18's picture; each corner (−2, 0, 1.5) has room
ONE_CORNER_SIZE = (520, 400)    # taller than SMALL: every line in view, the legend below the plot, not on it
ONE_CORNER_LEGEND = dict(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, fontsize=9, frameon=False)


def _one_corner(ax):
    """Three single ReLU corners (thin), each at its own place and slope, and their sum (thick): one line, bent
    three times. What the question means by a sum of corners; it does not say what enough of them can do.
    p88 (r87 Picture): drawn only on ONE_CORNER_VIEW, the y range fits every line, the legend sits below the plot."""
    xs = np.linspace(*ONE_CORNER_VIEW, 241)
    for (w, c, label), ls in zip(ONE_CORNER_PIECES, ("-", "--", ":")):
        ax.plot(xs, w * np.maximum(0, xs - c), color=plots.color("relu"), lw=1.2, ls=ls, label=label)
    ax.plot(xs, ONE_CORNER_LINE[0] * xs + ONE_CORNER_LINE[1], color=plots.MUTED, lw=1.2, ls="-.", label=ONE_CORNER_LINE[2])
    ax.plot(xs, corner_pieces_sum(xs), color="black", lw=3, label="their sum: one line, three bends")
    for _w, c, _label in ONE_CORNER_PIECES:   # a dot where each corner bends the sum
        ax.plot([c], [corner_pieces_sum(np.array(c))], "o", color="black", ms=6)
    ys = np.concatenate([line.get_ydata() for line in ax.lines])
    ax.set(xlim=ONE_CORNER_VIEW, ylim=(np.floor(ys.min()) - 0.5, np.ceil(ys.max()) + 0.5), ylabel="output")
    ax.legend(**ONE_CORNER_LEGEND)


def _one_corner_figure():
    """Q18's picture at ONE_CORNER_SIZE, with its zero lines and x label (a diagram draws its own figure)."""
    fig, ax = plots.new_figure(*ONE_CORNER_SIZE)
    ax.axhline(0, color="black", lw=0.6)
    ax.axvline(0, color="black", lw=0.6)
    _one_corner(ax)
    ax.set_xlabel("x", fontsize=10)
    ax.tick_params(labelsize=10)
    return fig


_one_corner.diagram = _one_corner_figure


CORNER_STRETCH = (-3.0, 3.0)   # where the sum of corners is fitted to the smooth curve
CORNER_COUNT = 13
CORNER_VIEW = 8.0   # the picture shows x from -8 to 8: wide enough that the drift past the stretch is plain (r34 reader)


def corner_sum(x, target=np.sin, stretch=CORNER_STRETCH, n=CORNER_COUNT):
    """A straight line plus one ReLU corner per inner knot, passing through the target at n knots on the stretch.
    Inside the stretch it follows the curve; outside it is straight (it keeps its end slopes)."""
    knots = np.linspace(*stretch, n)
    ys = target(knots)
    slopes = np.diff(ys) / np.diff(knots)
    out = ys[0] + slopes[0] * (x - knots[0])
    for k in range(1, n - 1):
        out = out + (slopes[k] - slopes[k - 1]) * np.maximum(0, x - knots[k])
    return out


def _corners_follow_a_curve(ax):
    """A sum of ReLU corners (thick) on a smooth curve (dashed): close on the shaded stretch, straight beyond it."""
    xs = np.linspace(-CORNER_VIEW, CORNER_VIEW, 801)
    ax.axvspan(*CORNER_STRETCH, color=plots.MUTED, alpha=0.15, lw=0, label="the stretch it was fitted on")
    ax.plot(xs, np.sin(xs), color="black", lw=1.2, ls="--", label="smooth curve (sin x)")
    ax.plot(xs, corner_sum(xs), color=plots.color("relu"), lw=2.2, label=f"sum of {CORNER_COUNT - 2} corners + a line")
    ax.set(xlim=(-CORNER_VIEW, CORNER_VIEW), ylim=(-3, 3), ylabel="output")   # pass 34: every answer-key plot names its y axis
    ax.legend(fontsize=9, loc="lower left")


def _tanh_from_sigmoid(ax):
    """tanh (thick) with 2σ(2x) − 1 on top of it (dots), and the wrong options σ(x) − 0.5 and 2σ(x) − 1."""
    sig = activations.get("sigmoid")
    ax.plot(X, plots.curve("tanh", X), color=plots.color("tanh"), lw=3, label="tanh(x)")
    ax.plot(X[::16], 2 * sig(2 * X[::16]) - 1, "o", color="black", ms=4, label="2σ(2x) − 1 (same curve)")
    ax.plot(X, 2 * sig(X) - 1, color=plots.color("sigmoid"), lw=1.4, ls="--", label="2σ(x) − 1 (too shallow)")
    ax.plot(X, sig(X) - 0.5, color=plots.MUTED, lw=1.4, ls=":", label="σ(x) − 0.5 (too short)")
    ax.set(xlim=(-5, 5), ylim=(-1.2, 1.2), ylabel="output")
    ax.legend(fontsize=9, loc="upper left")


def _gelu_dip(ax):
    """GELU's curve with a dot at the bottom of its dip."""
    _curves(("gelu",), (-4.5, 1), (-0.3, 0.6))(ax)
    ax.set_ylabel("GELU(x)")
    x, y = quiz._lowest("gelu")
    ax.plot([x], [y], "o", color="black", ms=6)
    ax.annotate(f"bottom of the dip: x ≈ {x:.2f}".replace("-", "−"), (x, y), xytext=(-4.2, -0.25), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))


def gelu_slope_low():
    """(x, slope) at GELU's lowest slope, about (−1.41, −0.13): the one search chapter 06 quotes (Q23's picture marks it)."""
    return decisions.facts()["gelu_lowest_slope"]


def _gelu_slope_at_minus3(ax):
    """GELU's slope (not its value): 0 at the dip's bottom, below 0 on all its left (shaded), lowest at x = −√2,
    with a dot at x = −3 (r51: the point of the question, the sign left of the dip, is marked, not only −3)."""
    act = activations.get("gelu")
    xs = np.linspace(-4.5, 0.5, 501)
    ax.axvspan(-4.5, quiz._lowest("gelu")[0], color="#d9d9d9", alpha=0.6, lw=0, label="slope below 0")
    ax.plot(xs, np.asarray(act.derivative(xs), dtype=float), color=plots.color("gelu"), lw=2, label="GELU's slope")
    dip = quiz._lowest("gelu")[0]
    ax.plot([dip], [0.0], "o", color="black", ms=6)
    ax.annotate(_minus(f"slope 0 at the dip's bottom, x ≈ {dip:.2f}"), (dip, 0.0), xytext=(-2.3, 0.3), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    lx, low = gelu_slope_low()
    ax.plot([lx], [low], "o", color="black", ms=6)
    ax.annotate(_minus(f"lowest slope {low:.2f} at x ≈ {lx:.2f}"), (lx, low), xytext=(-2.75, -0.185), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    s3 = float(act.derivative(-3.0))
    ax.plot([-3], [s3], "o", color="black", ms=6)   # last: tests read it
    ax.annotate(_minus(f"x = −3: {s3:.3f}"), (-3, s3), xytext=(-4.4, 0.12), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.set(xlim=(-4.5, 0.5), ylim=(-0.2, 0.7), ylabel="slope")
    ax.legend(fontsize=10, loc="upper left")


def gelu_peak():
    """(x, slope) at the top of GELU's slope: x = √2, the slope about 1.13 (the bank's key number)."""
    x = math.sqrt(2)
    return x, float(activations.get("gelu").derivative(x))


def _gelu_peak_slope(ax):
    """GELU's slope from −4 to 4: it climbs past the dashed line at 1, peaks at x = √2, then settles back to 1."""
    xs = np.linspace(-4, 4, 801)
    ax.plot(xs, np.asarray(activations.get("gelu").derivative(xs), dtype=float), color=plots.color("gelu"), lw=2.2,
            label="GELU's slope")
    ax.axhline(1, color="black", lw=1, ls="--", label="slope 1 (ReLU's right side)")
    x, top = gelu_peak()
    ax.plot([x], [top], "o", color="black", ms=6)
    ax.annotate(f"peak {top:.2f} at x = √2 ≈ {x:.2f}", (x, top), xytext=(-3.8, 1.2), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.set(xlim=(-4, 4), ylim=(-0.3, 1.35), ylabel="slope")
    ax.legend(fontsize=9, loc="lower right")   # r44: "center left" sat on the curve where it crosses 0.5 at x = 0


# r52: Q8's key said "x₁, x₂, x₃" in and "one number" out, the answer to Q9 right below it; it shows the order only
UNIT_STEPS = (("inputs", "x₁, x₂, …"), ("stretch\nand add", "each × its weight,\nthen summed"),
              ("shift", "+ b"), ("bend", "e.g. ReLU"), ("out", "the output"))


@plots.styled
def unit_strip(steps=UNIT_STEPS, width=SMALL[0]):
    """A unit as a strip of boxes, left to right: inputs, stretch and add, shift, bend, one number out (Q8's key;
    the page's opening draws it with worked numbers, worked_unit)."""
    fig, ax = plots.new_figure(width, 170)
    ax.set(xlim=(0, 10), ylim=(0, 2.4))
    ax.axis("off")
    centres = np.linspace(0.9, 9.1, len(steps))
    for k, (x, (name, how)) in enumerate(zip(centres, steps)):
        edge = plots.color("gelu") if name == "bend" else "black"
        ax.text(x, 1.55, name, ha="center", va="center", fontsize=10.5, fontweight="bold",
                bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": edge, "lw": 1.6})
        ax.text(x, 0.45, how, ha="center", va="center", fontsize=9, color="#333333")
        if k:
            ax.annotate("", (x - 0.75, 1.55), (centres[k - 1] + 0.75, 1.55),
                        arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.3})
    return fig


WORKED_WEIGHTS, WORKED_SHIFT = (3, -1), -2   # the opening's one unit (r50: the words in one case, whole numbers)
WORKED_INPUTS = ((2, 1), (0, 3))   # the case it shows, then the one its Predict asks about


def unit_output(inputs, weights=WORKED_WEIGHTS, shift=WORKED_SHIFT):
    """(sum, sum plus shift, ReLU of it): the opening's unit, step by step, in whole numbers."""
    total = sum(w * x for w, x in zip(weights, inputs))
    return total, total + shift, max(total + shift, 0)


def worked_unit(inputs):
    """The opening's picture: one unit's steps with the numbers of one case (inputs, weights, shift, ReLU)."""
    total, shifted, out = unit_output(inputs)
    products = " + ".join(f"{w}·{x}" if w >= 0 else f"({w})·{x}" for w, x in zip(WORKED_WEIGHTS, inputs))
    steps = (("inputs", ", ".join(map(str, inputs))), ("stretch\nand add", f"{products}\n= {total}"),
             ("shift", f"{total} + ({WORKED_SHIFT}) = {shifted}"), ("bend", f"ReLU({shifted}) = {out}"),
             ("out", str(out)))
    fig = unit_strip(tuple((name, _minus(how)) for name, how in steps), width=640)
    fig.set_label(_minus(f"One unit. Inputs {inputs[0]} and {inputs[1]}; weights {WORKED_WEIGHTS[0]} and "
                         f"{WORKED_WEIGHTS[1]}: the sum is {total}. Shift {WORKED_SHIFT}: {shifted}. "
                         f"ReLU({shifted}) = {out}, the output."))
    return fig


UNIT_FOLD = "Unit, weight, shift, bend: open if one is new"
UNIT_LEAD = "A unit is one small calculator in a network. Here is one at work."


def unit_words(weights=WORKED_WEIGHTS, shift=WORKED_SHIFT):
    """(word, what it is) for the unit's parts, each said with the worked unit's own numbers. p71 (r67 Retention):
    what each part is, not where it acts (Q8 asks the order)."""
    return (("weight", f"the number an input is multiplied by (the stretch). Here {weights[0]} and {weights[1]}."),
            ("shift", f"(bias): a number the unit adds. Here {shift}."),
            ("bend", "(activation function): a curve the unit's number goes through. Here ReLU."))


def unit_predict(inputs):
    """The opening Predict: the same unit with other inputs."""
    return "<b>Predict:</b> with inputs {} and {} instead, what comes out?".format(*inputs)


def unit_fold(inputs, predict=None):
    """The word list's first fold (p71, r67: in view, the unit's picture answered Q8 and Q9): what a unit is, its
    picture with one case's numbers, then its three parts in words; then (p79, r76: it sat outside the fold it
    needs) the Predict on other inputs, with its own folded check."""
    fig = worked_unit(inputs)
    items = "".join(f"<li><b>{name}</b>{'' if how.startswith('(') else ':'} {_html.escape(_minus(how))}</li>"
                    for name, how in unit_words())
    picture = tables.image(figure_png(fig), fig.get_label(), int(fig.get_figwidth() * fig.dpi))
    asked = "" if predict is None else f"<p>{unit_predict(predict)}</p>{worked_unit_check(predict)._repr_html_()}"
    return tables.FoldedRows(UNIT_FOLD, [UNIT_LEAD], tables.Raw(f"{picture}<ul>{items}</ul>{asked}"))


def worked_unit_check(inputs):
    """The opening Predict's fold: the output, then the unit's picture for that case (r52: the picture sat in view
    right under its Predict and answered it)."""
    fig = worked_unit(inputs)
    return tables.FoldedRows("Check your prediction", [f"{unit_output(inputs)[2]}: ReLU turns any number below 0 into 0."],
                             tables.image(figure_png(fig), fig.get_label(), int(fig.get_figwidth() * fig.dpi)))


# "Forgot a shape?" (r54 Picture: the word list gave each bend's shape in words only): the bends' values, one
# shared scale, folded under the word list. Small and unlabelled inside: a shape to recall, no number to read off.
# p72 (r68 Picture): every bend the questions name, not only the first four: a second row of four
SHAPES = ("relu", "gelu", "sigmoid", "tanh", "leaky_relu", "silu", "mish", "selu")
SHAPES_X, SHAPES_Y = (-3.0, 3.0), (-2.0, 3.3)   # room for SELU's floor and its top
# p91 (r92 Interaction: "during any round" contradicted "Peeking is rereading"): open it after answering
SHAPES_SUMMARY = "Forgot a shape? Open this after you answer, to check."   # p90 (r91): before the first round
SHAPES_ROWS = 2
LEAK_ZOOM = (0.08, 0.42, 0.44, 0.41)   # p93 (r94 Picture first): Leaky ReLU's inset (axes fraction), in its empty top left
LEAK_ZOOM_FONT = 9   # r106 (Picture: the inset was too small to read): bigger, its labels in larger type
LEAK_ZOOM_TITLE = "left, magnified"   # p107 (r109: "zoomed in" read as a rising line); no slope number: that would answer Q24 (leaky_alive) for a learner who peeks


def leak_zoom(ax, x):
    """Leaky ReLU's left side, zoomed into an inset: the leak the full scale hides (r94: "it looks flat")."""
    left = x[x <= 0]
    inset = ax.inset_axes(LEAK_ZOOM)
    inset.axhline(0, color="black", lw=0.6)
    inset.plot(left, plots.curve("leaky_relu", left), color=plots.color("leaky_relu"), lw=2)
    low = float(plots.curve("leaky_relu", left[:1])[0])
    inset.set(xlim=(left[0], 0), ylim=(1.5 * low, -0.5 * low), xticks=[], yticks=[])
    inset.text(left[0], low, " " + _minus(f"{low:g}"), ha="left", va="top", fontsize=LEAK_ZOOM_FONT)   # its two ends, in numbers
    inset.text(0, 0, "0 ", ha="right", va="bottom", fontsize=LEAK_ZOOM_FONT)
    inset.set_title(LEAK_ZOOM_TITLE, fontsize=LEAK_ZOOM_FONT, pad=2)
    inset.set_label("leak zoom")
    return inset, low




def shape_title(name):
    """A bend's name as the word list says it: one name per idea (the registry's 'SiLU / Swish' is SiLU here)."""
    return activations.get(name).label.split(" / ")[0]


@plots.styled
def bend_shapes():
    """The word list's bends in a grid, x from −3 to 3, one y scale: their shapes at a glance."""
    fig, axes = plots.new_figure(760, 380, SHAPES_ROWS, len(SHAPES) // SHAPES_ROWS, sharex=True, sharey=True)
    x = np.linspace(*SHAPES_X, 601)
    for ax, name in zip(axes.flat, SHAPES):
        ax.axhline(0, color="black", lw=0.6)
        ax.axvline(0, color=NEUTRAL, lw=0.6, ls=":")
        ax.plot(x, plots.curve(name, x), color=plots.color(name), lw=2.4)
        ax.set_title(shape_title(name), fontsize=11)
        ax.set(xlim=SHAPES_X, ylim=SHAPES_Y)
        ax.tick_params(labelsize=9)
        if name == "leaky_relu":
            _inset, low = leak_zoom(ax, x)
    for ax in axes[-1]:
        ax.set_xlabel("x", fontsize=10)
    for ax in axes[:, 0]:
        ax.set_ylabel("value", fontsize=10)
    fig.set_label(_minus(f"Eight bends on one scale, x from {SHAPES_X[0]:g} to {SHAPES_X[1]:g}. ReLU: 0, then a "
                         "straight rise from a sharp corner at 0. GELU: the same rise with a rounded corner, a little "
                         "below 0 left of 0. Sigmoid: an S from near 0 up to near 1. Tanh: a steeper S from near -1 "
                         "up to near 1. Leaky ReLU: like ReLU, but its left side is a slope so gentle it looks flat; "
                         f"a zoomed view in its top left shows it falling to {low:g} at x = {SHAPES_X[0]:g}. "
                         "SiLU and Mish: like GELU, with a slightly deeper dip left of 0. SELU: a straight rise right "
                         "of 0, and a curve left of 0 that flattens out well below 0."))
    return fig


def shapes_fold():
    """The folded shape grid under the word list: one line, then the picture with its alt text."""
    fig = bend_shapes()
    labels = [shape_title(name) for name in SHAPES]
    return tables.FoldedRows(SHAPES_SUMMARY, [f"{', '.join(labels[:-1])} and {labels[-1]}, on one y scale."],
                             tables.image(figure_png(fig), fig.get_label(), int(fig.get_figwidth() * fig.dpi)))


UNIT_STRIP_ALT = ("A unit, left to right: the inputs; stretch and add (each times its weight, summed); shift (plus b); "
                  "bend (for example ReLU); then out.")


def _unit_strip(ax):   # pragma: no cover - a diagram: _small draws unit_strip() itself
    raise TypeError("a diagram draws its own figure")


_unit_strip.diagram = unit_strip

# p79 (r76 Picture): Q9's key had no picture. p88 (r87 Picture: it looked like Q8's strip, "three into one" only in
# small text): three input boxes, one arrow each, merge into one stretch-and-add box; one number comes out
THREE_IN_NAMES = ("x₁", "x₂", "x₃")
THREE_IN_STEPS = (("stretch\nand add", "w₁x₁ + w₂x₂\n+ w₃x₃"), ("shift", "+ b"), ("bend", "e.g. ReLU"),
                  ("out", "one number"))
THREE_IN_TITLE = "3 numbers in, 1 number out"
THREE_IN_ALT = ("A unit with three inputs: x₁, x₂ and x₃, in three boxes. Three arrows, one from each (times its weight), "
                "merge into one box: stretch and add. Then shift (plus b), bend (for example ReLU), and one number out.")
BOX = {"boxstyle": "round,pad=0.4", "fc": "white", "lw": 1.6}


@plots.styled
def three_into_one(names=THREE_IN_NAMES, steps=THREE_IN_STEPS, width=SMALL[0]):
    """Q9's key: one box per input on the left, an arrow from each into one stretch-and-add box, then shift, bend and
    one number out; the title says it in large type."""
    fig, ax = plots.new_figure(width, 240)
    ax.set(xlim=(0, 10), ylim=(0, 3.4))
    ax.axis("off")
    ax.set_title(THREE_IN_TITLE, fontsize=13, fontweight="bold")
    ys = np.linspace(2.9, 0.9, len(names))
    centres = np.linspace(3.0, 9.1, len(steps))
    mid = float(np.mean(ys))
    for name, y in zip(names, ys):
        ax.text(0.6, y, name, ha="center", va="center", fontsize=11, fontweight="bold", bbox={**BOX, "ec": "black"})
        ax.annotate("", (centres[0] - 0.85, mid), (1.05, y), arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.3})
    for k, (x, (name, how)) in enumerate(zip(centres, steps)):
        edge = plots.color("gelu") if name == "bend" else "black"
        ax.text(x, mid, name, ha="center", va="center", fontsize=10.5, fontweight="bold", bbox={**BOX, "ec": edge})
        ax.text(x, 0.2, how, ha="center", va="center", fontsize=9, color="#333333")
        if k:
            ax.annotate("", (x - 0.6, mid), (centres[k - 1] + 0.75, mid),
                        arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.3})
    return fig


def _three_in_one_out(ax):   # pragma: no cover - a diagram: _small draws three_into_one() itself
    raise TypeError("a diagram draws its own figure")


_three_in_one_out.diagram = three_into_one


def _swiglu_paths(ax):   # pragma: no cover - a diagram: _small draws chapter 02's own
    raise TypeError("a diagram draws its own figure")


SWIGLU_NOTE = "the gate scales the content\n(it can be below 0 or above 1)"   # r45: SiLU(g) is no 0-to-1 share
SWIGLU_SUMS = ("g = weighted\nsum 1", "c = weighted\nsum 2")   # r40: Q18's key says g and c; b is the bias here


def _swiglu_figure():
    from course_utils.ui import ch02_four_bends
    return ch02_four_bends.swiglu_diagram(sums=SWIGLU_SUMS, bend="SiLU(g)", product="SiLU(g)·c", note=SWIGLU_NOTE)


_swiglu_paths.diagram = _swiglu_figure
DIAGRAMS = (_unit_strip, _three_in_one_out, _swiglu_paths)   # no axes to label: their alt text says what they show

RACE_SEEDS = race.RACE_SEEDS   # chapter 05's five seeds: Q29 asks about every run, so its picture draws them all (r44)
RACE_FOUR = ("sigmoid", "tanh", "relu", "leaky_relu")   # Q29's picture: the four bends its options name


@lru_cache(maxsize=None)
def race_four_losses():
    """{bend: training loss per epoch, one row per seed} for Q29's four bends from chapter 05's five seeds and its
    race recipe (Adam, rate 0.01, 400 epochs, the same spirals): chapter 05's own runs, not a copy."""
    from course_utils.ui import ch05_race
    X, y, _xt, _yt = ch05_race.track()
    runs = race.race(X, y, list(RACE_FOUR), seeds=RACE_SEEDS, **race.RACE_RECIPE)
    return {name: np.asarray(runs[name].loss, dtype=float) for name in RACE_FOUR}


def _race_lines(ax, names):
    for name in names:
        for k, loss in enumerate(race_four_losses()[name]):   # one thin line a seed; the legend names the bend once
            ax.plot(np.arange(len(loss)), loss, color=plots.color(name), lw=1.3,
                    label=activations.get(name).label if k == 0 else "_nolegend_", **plots.line_style(name))
    ax.axhline(math.log(2), color="black", lw=1, ls=":", label="ln 2 ≈ 0.69: the loss of a 50-50 guess")
    ax.axhline(0.1, color=NEUTRAL, lw=1, ls=(0, (6, 2, 1, 2, 1, 2)), label="loss 0.1")
    ax.set(xlim=(0, 400), ylim=(0, 1.05), xlabel="epoch (one pass through the data)", ylabel="loss")
    ax.legend(fontsize=9, loc="upper right", ncols=2)   # above every curve: no line hides behind it


RACE_TEXT = 10   # points: every word and number on the race panels (r73: 8 and 9 were too small to read)


def _race_figure_frame(fig, axes, ncols):
    """The race panels' shared frame: 400 epochs, one loss scale, small ticks, shared labels, the legend on top."""
    for ax in axes.flat:
        ax.set(xlim=(0, 400), ylim=(0, RACE_YMAX))
        ax.tick_params(labelsize=RACE_TEXT)
    fig.supxlabel("epoch (one pass through the data)", fontsize=RACE_TEXT)
    fig.supylabel("loss", fontsize=RACE_TEXT)
    fig.legend(*axes.flat[0].get_legend_handles_labels(), loc="outside upper center", ncols=ncols, fontsize=RACE_TEXT,
               frameon=False)
    return fig


def _race_four(ax):
    """Q29: all four bends it names, every seed's run; only sigmoid's stay above the 0.1 line."""
    _race_lines(ax, RACE_FOUR)


RACE_YMAX = 0.8   # every run's loss stays under this (tests/test_chapter_07.py checks it): no empty band on top


def _race_panels():
    """Q29 (r49): one small panel a bend, all on one y scale, each with the 0.1 and ln 2 lines, so "every run falls
    below 0.1" can be checked panel by panel; the figure's legend names the two lines once."""
    fig, axes = plots.new_figure(*RACE_SIZE, nrows=2, ncols=2, sharex=True, sharey=True)
    for ax, name in zip(axes.flat, RACE_FOUR):
        for loss in race_four_losses()[name]:
            ax.plot(np.arange(len(loss)), loss, color=plots.color(name), lw=1.2)
        ax.axhline(math.log(2), color="black", lw=1, ls=":", label="ln 2 ≈ 0.69: the loss of a 50-50 guess")
        ax.axhline(0.1, color=NEUTRAL, lw=1, ls=(0, (6, 2, 1, 2, 1, 2)), label="loss 0.1")
        ends = race_four_losses()[name][:, -1]   # r62: each panel says its runs' highest end, so "below 0.1" is read, not guessed
        # p73 (r70 Picture): in the title, not on the curves
        # session 31 (r71): lowest and highest end, so "every sigmoid run stays above 0.6" is read too
        ax.set_title(f"{activations.get(name).label} (runs end {ends.min():.2f}–{ends.max():.2f})", fontsize=RACE_TEXT, pad=2)
        ax.set_yticks([0.1, 0.4, math.log(2)], ["0.1", "0.4", f"{math.log(2):.2f}"])   # no 0: it would touch 0.1
    return _race_figure_frame(fig, axes, ncols=2)


_race_four.diagram = _race_panels

SWAP_BENDS = ("relu", "tanh")   # Q30's picture: the two bends its key compares, from the two seeds it names


def swap_epochs():
    """{seed: {bend: first epoch with loss under 0.1}} for Q30's two seeds (quiz.SEED_ORDER), from Q29's runs."""
    runs = race_four_losses()
    return {seed: {n: int(race.epochs_to(runs[n][RACE_SEEDS.index(seed)], 0.1)[0]) for n in SWAP_BENDS}
            for seed in quiz.SEED_ORDER}


def _seed_lines(ax, seed):
    """One seed's ReLU and tanh loss, the 0.1 line, a ring where each first gets under it; returns who was first."""
    runs, at = race_four_losses(), swap_epochs()
    for name in SWAP_BENDS:
        loss = runs[name][RACE_SEEDS.index(seed)]
        style = plots.line_style(name)
        ax.plot(np.arange(len(loss)), loss, color=plots.color(name), lw=1.4, label=activations.get(name).label,
                **{k: v for k, v in style.items() if k != "marker"})
        ax.plot([at[seed][name]], [0.1], marker="o", mfc="none", color=plots.color(name), ls="none")
    ax.axhline(0.1, color=NEUTRAL, lw=1, ls=(0, (6, 2, 1, 2, 1, 2)), label="loss 0.1")
    return min(SWAP_BENDS, key=lambda n: at[seed][n])


def _seed_swap(ax):
    """Q30 (r70 Correctness) on one axes: the first seed its key names (the key's picture is _seed_panels, both)."""
    _seed_lines(ax, quiz.SEED_ORDER[0])


def _seed_panels():
    """Q30: one panel a seed, ReLU and tanh's loss, the 0.1 line; a mark where each first gets under it."""
    fig, axes = plots.new_figure(*RACE_SIZE, nrows=1, ncols=2, sharey=True)
    for ax, seed in zip(axes.flat, quiz.SEED_ORDER):
        first = _seed_lines(ax, seed)
        ax.set_title(f"seed {seed}: {activations.get(first).label} first", fontsize=RACE_TEXT, pad=2)
    return _race_figure_frame(fig, axes, ncols=3)


_seed_swap.diagram = _seed_panels


def _seed_swap_alt():
    at = swap_epochs()
    said = [f"seed {s}: " + ", ".join(f"{activations.get(n).label} at epoch {at[s][n]}"
                                       for n in sorted(SWAP_BENDS, key=lambda n: at[s][n])) for s in quiz.SEED_ORDER]
    return ("Two panels, one a seed: the loss of ReLU and of tanh over 400 epochs, and the 0.1 line. A ring marks "
            "where each first gets under 0.1: " + "; ".join(said) + ". The order swaps.")


def dip_label(name):
    """A bend's name as the quiz says it: SiLU without its other name, Swish, which the quiz never defines."""
    return activations.get(name).label.split(" / ")[0]


# p84 (r83 Picture): SiLU's and Mish's bottoms nearly touch (x −1.28 and −1.19): each bottom has its own mark, in the
# legend too, and its own label, GELU's above its dot, SiLU's out to the left, Mish's below (arrows to the marks)
DIP_MARKS = {"gelu": ("o", (0.0, 0.07), "center"), "silu": ("s", (-1.0, -0.01), "right"),
             "mish": ("D", (0.0, -0.085), "center")}   # mark, label offset from the bottom (x, y), label alignment
DIP_YLIM = (-0.43, 0.6)


RELU_DIP_LW = 3.5   # Q2's picture: ReLU's line, thicker than the axis line it lies on left of 0


def _dips(ax):
    """ReLU (thick, never below 0), then GELU, SiLU and Mish with a mark at the bottom of each dip, each its own shape,
    labelled with its name and depth; the legend gives each bottom's depth too."""
    # p88 (r87 Picture): thick and drawn over the axes, so ReLU's flat left side does not hide under the y = 0 line
    ax.plot(X, plots.curve("relu", X), color=plots.color("relu"), lw=RELU_DIP_LW, zorder=4, label="ReLU: never below 0")
    for name, ls in zip(("gelu", "silu", "mish"), ("-", "--", ":")):
        x, y = quiz._lowest(name)
        mark, (dx, dy), ha = DIP_MARKS[name]
        said = f"{dip_label(name)}: lowest {y:.2f}".replace("-", "−")
        ax.plot(X, plots.curve(name, X), color=plots.color(name), ls=ls, lw=1.8, marker=mark, markevery=[
            int(np.argmin(np.abs(X - x)))], ms=7, mec="black", mew=0.8, label=said)
        ax.plot([x], [y], mark, color=plots.color(name), ms=7, mec="black", mew=0.8, zorder=5)
        ax.annotate(said.replace(": lowest", ""), (x, y), (x + dx, y + dy), ha=ha, va="center", fontsize=9,
                    arrowprops=dict(arrowstyle="-", color="#555555", lw=0.8, shrinkB=5))
    ax.set(xlim=(-4, 1), ylim=DIP_YLIM, ylabel="output of each bend")
    ax.legend(fontsize=10, loc="upper left")


def _relu_dead_side(ax):
    """ReLU's slope: 0 on the shaded left side (the nudge times 0 is 0), 1 on the right."""
    act = activations.get("relu")
    xs = np.linspace(-4, 4, 801)
    slope = np.where(xs == 0, np.nan, np.asarray(act.derivative(xs), dtype=float))
    ax.axvspan(-4, 0, color=BAD, alpha=0.15, lw=0, label="slope 0: no nudge gets through")
    ax.plot(xs, slope, color=plots.color("relu"), lw=2.4, label="ReLU's slope")
    ax.plot(xs, np.maximum(0, xs), color=plots.color("relu"), lw=1.2, ls="--", label="ReLU itself")
    ax.set(xlim=(-4, 4), ylim=(-0.3, 2.2), ylabel="value / slope")   # pass 32: ReLU itself is a value
    ax.legend(fontsize=9, loc="upper left")


TWO_LAYERS = ((2.0, 1.0), (1.5, -2.0))   # (w₁, b₁), (w₂, b₂): the collapse picture's two straight layers


def _two_layers_one_line(ax):
    """Layer 1's line h(x), and both layers y(x): one straight line, weight w₂w₁ and bias w₂b₁ + b₂ (dots on it)."""
    (w1, b1), (w2, b2) = TWO_LAYERS
    xs = np.linspace(-3, 3, 301)
    h = w1 * xs + b1
    ax.plot(xs, h, color=plots.ACCENT, lw=1.4, ls="--", label=f"layer 1 alone: h = {w1:g}x + {b1:g}")
    ax.plot(xs, w2 * h + b2, color="black", lw=3,
            # r106 (Picture: "y = 1.5h − 2" was a formula in h, drawn against x): layer 1 put in for h
            label=_minus(f"both layers: y = {w2:g}({w1:g}x + {b1:g}) + {b2:g}").replace("+ −", "− "))
    w, b = w2 * w1, w2 * b1 + b2
    ax.plot(xs[::30], w * xs[::30] + b, "o", color=plots.VANISHING, ms=6,
            label=_minus(f"one layer: y = {w:g}x + {b:g} (same line)").replace("+ −", "− "))
    ax.set(xlim=(-3, 3), ylim=(-10, 10), ylabel="output: h, then y")
    ax.legend(fontsize=9, loc="upper left")
    ax.text(0.98, 0.04, two_layers_sum(), transform=ax.transAxes, ha="right", va="bottom", fontsize=9,
            bbox=dict(boxstyle="round", facecolor="white", edgecolor=plots.MUTED))


def two_layers_sum():
    """The one layer's weight and bias worked out from TWO_LAYERS, as pic03 writes them in its corner."""
    (w1, b1), (w2, b2) = TWO_LAYERS
    return _minus(f"w₁ = {w1:g}, b₁ = {b1:g};  w₂ = {w2:g}, b₂ = {b2:g}\n"
                  f"weight w₂w₁ = {w2:g} · {w1:g} = {w2 * w1:g}\n"
                  f"bias w₂b₁ + b₂ = {w2:g} · {b1:g} + {b2:g} = {w2 * b1 + b2:g}").replace("+ −", "− ")


STACK_DEPTHS = (1, 3, 10)


def stack_lines(depth, xs, seed=0):
    """The output of `depth` random straight layers (no bend) at xs: a straight line, whatever the depth."""
    rng = np.random.default_rng(seed + depth)
    y = np.asarray(xs, dtype=float)
    for _ in range(depth):
        y = rng.uniform(0.6, 1.4) * rng.choice((-1, 1)) * y + rng.uniform(-1, 1)
    return y


STACKS_ALT = ("Stacks of " + ", ".join(str(d) for d in STACK_DEPTHS[:-1]) + f" and {STACK_DEPTHS[-1]} random straight "
              "layers with no bend: each stack draws one straight line.")


def _stacks_stay_straight(ax):
    """Stacks of 1, 3 and 10 random straight layers: each gives one straight line."""
    xs = np.linspace(-3, 3, 301)
    for depth, ls in zip(STACK_DEPTHS, ("-", "--", ":")):
        ax.plot(xs, stack_lines(depth, xs), color="black", lw=2, ls=ls,
                label=f"{depth} layer{'s' if depth > 1 else ''}, no bend: a straight line")
    ax.set(xlim=(-3, 3), ylim=(-6, 6), ylabel="the stack's output")
    ax.legend(fontsize=9, loc="lower right")   # the one corner no line crosses


def bend_between(xs, bend=True):
    """TWO_LAYERS' output at xs, with ReLU between the layers or with no bend (Q10's picture)."""
    (w1, b1), (w2, b2) = TWO_LAYERS
    h = w1 * np.asarray(xs, dtype=float) + b1
    return w2 * (np.maximum(h, 0.0) if bend else h) + b2


def bend_corner():
    """Where ReLU between TWO_LAYERS puts the corner: layer 1's output crosses 0 there."""
    (w1, b1), _layer2 = TWO_LAYERS
    return -b1 / w1


def _bend_between(ax):
    """Q10 (r58 Picture: Q10 and Q12 showed one picture): the same two layers, with ReLU between them and without."""
    xs = np.linspace(-3, 3, 301)
    # p85 (r84 Picture): right of the corner the two lines coincide; the dashed one is drawn on top and a note says so,
    # so it does not look as if it stopped at the corner
    ax.plot(xs, bend_between(xs, bend=False), color=plots.ACCENT, lw=1.6, ls="--", label="no bend: one straight line",
            zorder=3)
    ax.plot(xs, bend_between(xs), color="black", lw=3, label="ReLU between the layers: a corner", zorder=2)
    ax.plot([bend_corner()], bend_between([bend_corner()]), "o", color="black", ms=6, zorder=4)
    x_note = 1.5
    ax.annotate(COINCIDE_NOTE, xy=(x_note, float(bend_between([x_note])[0])), xytext=(0.2, -7),
                fontsize=9, arrowprops=dict(arrowstyle="->", color="black"))
    ax.set(xlim=(-3, 3), ylim=(-10, 10), ylabel="output of layer 2")
    ax.legend(fontsize=9, loc="upper left")


COINCIDE_NOTE = "right of the corner,\nthe two lines coincide"


CHAIN_DEPTH = 10


def nudge_left(k):
    """The share of the nudge left after k sigmoid bends at their steepest: 0.25 to the power k."""
    return float(activations.get("sigmoid").derivative(0.0)) ** k


def _fading_nudge(ax):
    """One bar per number of sigmoid bends (1 to 10): the share of the nudge left, log scale, a million line."""
    ks = np.arange(1, CHAIN_DEPTH + 1)
    ax.bar(ks, [nudge_left(k) for k in ks], color=plots.color("sigmoid"), width=0.6, label="share of the nudge left")
    ax.axhline(1e-6, color="black", lw=1, ls=":", label="1 in a million")
    ax.set(yscale="log", ylim=(1e-7, 1), xticks=ks, xlabel="number of sigmoid bends passed, each at its steepest",
           ylabel="share left (log scale)")
    ax.set_yticks([1e-6, 1e-4, 1e-2, 1], ["0.000001", "0.0001", "0.01", "1"])
    ax.set_title(LOG_CAPTION_100, fontsize=10)
    ax.minorticks_off()
    ax.grid(True, axis="y", color=plots.MUTED, lw=0.5, alpha=0.5)   # the grid lines the title speaks of
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=9, loc="upper right", frameon=False)


_fading_nudge.own_axes = True


def _sigmoid_slope_peak(ax):
    """Q19: sigmoid's slope from −6 to 6 against the line at 1: even its peak, 0.25 at x = 0, is a quarter (r44)."""
    xs = np.linspace(-6, 6, 601)
    ax.plot(xs, np.asarray(activations.get("sigmoid").derivative(xs), dtype=float), color=plots.color("sigmoid"),
            lw=2.2, label="sigmoid's slope", **plots.line_style("sigmoid"))
    ax.axhline(1, color="black", lw=1, ls="--", label="slope 1: the nudge passes whole")
    top = float(activations.get("sigmoid").derivative(0.0))
    ax.plot([0], [top], "o", color="black", ms=6)
    ax.annotate(f"steepest: {top:g}, a quarter", (0, top), xytext=(1.2, 0.55), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.set(xlim=(-6, 6), ylim=(-0.05, 1.15), ylabel="slope")
    ax.legend(fontsize=9, loc="upper left")


def _sigmoid_value_and_slope(ax):
    """Q13 (sigmoid_slope_0, p71 r67 Picture): sigmoid and its slope, one dot each at x = 0: the value ½ (the trap)
    and the slope's peak, ¼ (the answer)."""
    sig = activations.get("sigmoid")
    xs = np.linspace(-6, 6, 601)
    ax.plot(xs, np.asarray(sig(xs), dtype=float), color=NEUTRAL, lw=1.6, ls=":", label="sigmoid (its value)")
    ax.plot(xs, np.asarray(sig.derivative(xs), dtype=float), color=plots.color("sigmoid"), lw=2.4,
            label="sigmoid's slope", **plots.line_style("sigmoid"))
    value, slope = float(sig(0.0)), float(sig.derivative(0.0))
    ax.plot([0, 0], [value, slope], "o", color="black", ms=6)
    ax.annotate(f"value at 0: {value:g}", (0, value), xytext=(1.0, 0.72), fontsize=10, arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.annotate(f"slope at 0: {slope:g}, its peak", (0, slope), xytext=(1.0, 0.36), fontsize=10,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.set(xlim=(-6, 6), ylim=(-0.05, 1.05), xlabel="x", ylabel="value or slope")
    ax.legend(fontsize=9, loc="upper left")


def tanh_at_3():
    """(tanh(3), tanh's slope at 3): Q21's value trap and its answer."""
    tanh = activations.get("tanh")
    return float(tanh(3.0)), float(tanh.derivative(3.0))


def _tanh_at_3(ax):
    """Q21: tanh (thin, dashed) and its slope (thick); at x = 3 the value is near 1, the slope near 0."""
    tanh, xs = activations.get("tanh"), np.linspace(-5, 5, 401)
    ax.plot(xs, np.asarray(tanh(xs), dtype=float), color=plots.color("tanh"), lw=1.2, ls="--", label="tanh(x): the value")
    ax.plot(xs, np.asarray(tanh.derivative(xs), dtype=float), color=plots.color("tanh"), lw=2.4,
            label="its slope: the share of the nudge passed on")
    value, slope = tanh_at_3()
    ax.plot([3, 3], [value, slope], "o", color=plots.color("tanh"), mec="black", mew=0.8, ms=7)
    ax.annotate(f"value {value:.3f}", (3, value), xytext=(-4, -20), textcoords="offset points", ha="left", fontsize=10)
    ax.annotate(f"slope {slope:.2g}", (3, slope), xytext=(0, 10), textcoords="offset points", ha="center", fontsize=10)
    ax.set(xlim=(-5, 5), ylim=(-1.1, 1.5), xlabel="x", ylabel="value / slope")
    ax.legend(fontsize=9, loc="upper left")


LOG_CAPTION = "log scale: each grid line is 10 times smaller"
LOG_CAPTION_100 = "log scale: each grid line is 100 times smaller"   # pic09: lines at 1, 0.01, ...


def _slopes_against_quiet(ax):
    """Sigmoid's and tanh's slopes on x >= 0 (log scale) and the 0.01 line: where each crosses it, it goes quiet."""
    xs = np.linspace(0, 7, 701)
    for name, ls in (("sigmoid", "-"), ("tanh", "--")):
        ax.plot(xs, np.asarray(activations.get(name).derivative(xs), dtype=float), color=plots.color(name), ls=ls,
                lw=1.8, label=f"{activations.get(name).label}'s slope")
    ax.axhline(QUIET, color="black", lw=1, ls=":", label=f"slope {QUIET:g}")
    for name, offset in (("tanh", (8, 8)), ("sigmoid", (8, 8))):   # where each goes quiet: a dot, its x beside it
        edge = quiz._quiet_edge(name)
        ax.plot([edge], [QUIET], "o", color=plots.color(name), ms=7, mec="black", mew=0.8)
        ax.annotate(f"x ≈ {edge:.1f}", (edge, QUIET), xytext=offset, textcoords="offset points", ha="left",
                    fontsize=10)
    ax.set(xlim=(0, 7), ylim=(1e-4, 2), yscale="log", xlabel="x (the left side is the mirror image)",
           ylabel="slope (log scale)")
    ax.set_title(LOG_CAPTION, fontsize=10)
    ax.set_yticks([1e-4, 1e-3, 1e-2, 1e-1, 1], ["0.0001", "0.001", "0.01", "0.1", "1"])
    ax.minorticks_off()
    ax.grid(True, axis="y", color=plots.MUTED, lw=0.5, alpha=0.5)   # the grid lines the title speaks of
    ax.legend(fontsize=10, loc="lower left")


_slopes_against_quiet.own_axes = True

BIAS_SLOPE, BIASES = quiz.BIAS_SLOPE, quiz.BIASES   # Q5's picture: one w, three b's, the key's numbers


def bias_crossings():
    """Where each of Q5's lines crosses the x axis: x = −b/w, not b (a b that equals its own crossing would put the
    "not b" ring on b itself, so it is refused)."""
    crossings = [-b / BIAS_SLOPE for b in BIASES]
    if any(abs(x - b) < 1e-9 for x, b in zip(crossings, BIASES)):
        raise ValueError("a line of Q5's picture crosses the x axis at its own b: its ring would say 'not b' at b")
    return crossings


def _bias_slides(ax):
    """z = w·x + b for one w and three b's: the same tilt, slid up or down; a dot where each meets x = 0, at height b;
    p79 (r76 Picture): a ring where each crosses the x axis, labelled "not b" (option C's mistake)."""
    xs = np.linspace(-5, 5, 201)
    ax.axhline(0, color=NEUTRAL, lw=0.8)
    for b, cross, ls in zip(BIASES, bias_crossings(), ("--", "-", ":")):
        ax.plot(xs, BIAS_SLOPE * xs + b, color="black", lw=2, ls=ls, label=_minus(f"b = {b:g}"))
        ax.plot([0], [b], "o", color="black", ms=6)
        ax.annotate("b", (0, b), xytext=(-6, 4), textcoords="offset points", ha="right", va="bottom", fontsize=10,
                    bbox=dict(fc="white", ec="none", pad=0.5))
        ax.plot([cross], [0], "o", mfc="none", mec="black", mew=1.6, ms=13)
        ax.annotate("not b", (cross, 0), xytext=(0, 10), textcoords="offset points", ha="center", va="bottom",
                    fontsize=10, bbox=dict(fc="white", ec="none", pad=0.5))
    ax.set(xlim=(-5, 5), ylim=(-4, 5), xlabel="x", ylabel=f"z = {BIAS_SLOPE:g}·x + b")
    ax.legend(fontsize=10, loc="upper left")


LEAK_VIEW = (-0.005, 0.02)   # Q24's picture: slopes from −0.005 to 0.02, near enough to tell 0.01 from 0


def _leak_on_the_left(ax):
    """Q24 asks about the slope: ReLU's and Leaky ReLU's slopes left of 0, zoomed in far on y. ReLU's is 0 (no nudge
    gets through), Leaky ReLU's is 0.01 (a little gets through). Right of 0 both are 1, off this zoom: the title says so."""
    xs = np.linspace(-4, -0.01, 400)   # r38: a right side shot off the zoom like a jump: it stays left out
    for name in ("relu", "leaky_relu"):
        slope = np.asarray(activations.get(name).derivative(xs), dtype=float)
        ax.plot(xs, slope, color=plots.color(name), lw=2.4, label=f"{activations.get(name).label}'s slope",
                **plots.line_style(name))
    leak = float(activations.get("leaky_relu").derivative(-1.0))
    ax.annotate(f"slope {leak:g}: a little nudge still gets through", (-2, leak), xytext=(0, 8),
                textcoords="offset points", ha="center", fontsize=10)
    ax.annotate("slope 0: no nudge gets through", (-2, 0), xytext=(0, -14), textcoords="offset points",
                ha="center", fontsize=10)
    ax.set(xlim=(-4, 0), ylim=LEAK_VIEW, ylabel="slope (zoomed in)")
    ax.set_title("Left of 0 only. Right of 0, both slopes are 1.", fontsize=10)
    ax.legend(fontsize=10, loc="upper left")


def softmax_shares(scores, t=1.0):
    """Softmax's shares of the scores divided by the temperature t (the registry's softmax)."""
    return np.asarray(activations.get("softmax")(np.asarray(scores, dtype=float), temperature=t), dtype=float)


SCORES = (2.0, 1.0)
SHARE_CASES = {   # qid: (bar label, scores, temperature), left to right
    "softmax_activation": (("scores (2, 1), gap 1", SCORES, 1.0), ("doubled: (4, 2), gap 2", (4.0, 2.0), 1.0)),
    "softmax_temperature": (("tiny T = 0.1", SCORES, 0.1), ("T = 1", SCORES, 1.0), ("huge T = 10", SCORES, 10.0)),
}


BIG_SCORES = (1000.0, 999.0)   # Q26's picture: the key's worked example


def too_big(s):
    """True when e^s is too big for a float (the computer's "overflow"); no warning, no inf computed."""
    try:
        math.exp(s)
    except OverflowError:
        return True
    return False


def power_of_ten(s):
    """The power of ten nearest e^s: 1000·log10(e) ≈ 434, so e^1000 ≈ 10^434."""
    return round(s * math.log10(math.e))


def _max_trick(ax):
    """Q26 (r58 Picture: no picture): e^s for scores (1000, 999) overflows; minus the largest, e^0 and e^−1 fit,
    and the shares are written on them."""
    m = max(BIG_SCORES)
    shifted = [s - m for s in BIG_SCORES]
    shares = softmax_shares(shifted)
    top = 1.5
    for k, s in enumerate(BIG_SCORES):   # p78 (r75 Picture): an overflowing bar runs off the top, broken, not 1.25 high
        # p80 (code review): only a bar too big to store, or (session 34) too tall for the picture, is drawn broken
        if not too_big(s) and math.exp(s) <= top:
            ax.bar(k, math.exp(s), color=plots.ACCENT, width=0.6)
            ax.text(k, math.exp(s) + 0.03, f"e^{s:g}", ha="center", va="bottom", fontsize=9)
            continue
        ax.bar(k, 2 * top, color="white", edgecolor=BAD, hatch="//", width=0.6)
        for y in (1.2, 1.26):   # the break: a white gap between two slanted strokes
            ax.plot([k - 0.36, k + 0.36], [y - 0.04, y + 0.04], color=BAD, lw=1.2, clip_on=False, zorder=4)
        ax.fill([k - 0.36, k + 0.36, k + 0.36, k - 0.36], [1.16, 1.24, 1.30, 1.22], color="white", zorder=3)
        label = (f"e^{s:g} ≈ {math.exp(s):.3g}:\ntaller than\nthe picture" if not too_big(s) else
                 f"e^{s:g}\n≈ 10^{power_of_ten(s)}:\ntoo big for\nthe computer" if k == 0
                 else f"e^{s:g}:\nalso\ntoo big")
        ax.text(k, 0.45, label, ha="center", fontsize=9,
                bbox=dict(facecolor="white", edgecolor="none", pad=1))
    for k, (s, share) in enumerate(zip(shifted, shares), start=3):
        ax.bar(k, math.exp(s), color=plots.ACCENT, width=0.6)
        ax.text(k, math.exp(s) + 0.03, _minus(f"e^{s:g} = {math.exp(s):.2f}\nshare {share:.2f}"), ha="center",
                va="bottom", fontsize=9)
    ax.set_xticks([0, 1, 3, 4])
    ax.set_xticklabels([f"{s:g}" for s in BIG_SCORES] + [_minus(f"{s:g}") for s in shifted], fontsize=10)
    ax.set(xlim=(-0.6, 4.6), ylim=(0, top), yticks=[0, 0.5, 1], xlabel="score: as given (left), minus the largest (right)",
           ylabel="e^score")
    ax.grid(False, axis="x")


_max_trick.own_axes = True


def _share_bars(qid):
    """One bar per case, split into the top score's share (solid) and the other's (hatched); the top share written on it."""
    def draw(ax):
        cases = SHARE_CASES[qid]
        xs = np.arange(len(cases))
        tops = [softmax_shares(sc, t)[0] for _label, sc, t in cases]
        colour = plots.color("softmax")
        ax.bar(xs, tops, width=0.55, color=colour, label="top score's share")
        ax.bar(xs, [1 - p for p in tops], bottom=tops, width=0.55, color="white", edgecolor=colour, hatch="///",
               lw=1, label="the other score's share")
        for x, p in zip(xs, tops):
            ax.text(x, p / 2, f"{p:.2f}", ha="center", va="center", fontsize=11, color="white", fontweight="bold")
        ax.set(xticks=xs, ylim=(0, 1.3), yticks=[0, 0.5, 1], ylabel="share")
        ax.set_xticklabels([label for label, *_ in cases], fontsize=10)
        ax.set_xlabel("scores (2, 1), each divided by T" if qid == "softmax_temperature" else "the two pairs of scores",
                      fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(False, axis="x")
        ax.legend(fontsize=9, loc="upper center", ncols=2, frameon=False)
    draw.own_axes = True
    return draw


def _share_alt(qid):
    parts = [f"{label}: top share {softmax_shares(sc, t)[0]:.2f}" for label, sc, t in SHARE_CASES[qid]]
    scores = ", scores (2, 1) divided by T" if qid == "softmax_temperature" else ""   # r47: say which scores
    return f"Softmax's shares as bars{scores}. " + "; ".join(parts) + "."


SELU_DEPTH, SELU_START = 10, 2.0   # Q28's picture: 10 layers, from a spread of 2 (chapter 04's networks)
SELU_Y = (-0.5, 2.2)   # r56: one y range for both panels (spread and average), every run in view
# p71 (r67 Picture): Q28 asks about SELU only; ReLU's two runs (its own and SELU's start weights) left the picture
SELU_TARGETS = "spread 1 (left), average 0 (right)"
# p97 (r98 Picture: the key says a spread below 1 grows, the picture only started above 1, its five lines read as
# one): a second start below 1, dashed, and thinner lines
SELU_LOW = 0.5
SELU_STARTS = {SELU_START: ("-", f"SELU, five networks from spread {SELU_START:g}"),
               SELU_LOW: ("--", f"five from {SELU_LOW:g}")}
SELU_LW = 1.2


def _selu_runs(part, runs=("SELU",), start=SELU_START):
    """{run: [part per layer 0..SELU_DEPTH]} for SELU (and any other run of chapter 04's asked for), five random
    networks each; part 0 is the average, 1 the spread. Chapter 04's own runs (ch04_zoo.run_draws), not a copy."""
    from course_utils.ui import ch04_zoo
    draws = ch04_zoo.run_draws(SELU_DEPTH, start)
    return {text: [np.asarray(pair[part]) for pair in draws[text]] for text in runs}


def selu_spread_runs(start=SELU_START):
    """{run: [spread per layer 0..SELU_DEPTH]}: SELU's five networks."""
    return _selu_runs(1, start=start)


def selu_average_runs(start=SELU_START):
    """{run: [average per layer 0..SELU_DEPTH]}: the same networks as selu_spread_runs (r48: Q28's key claims both)."""
    return _selu_runs(0, start=start)


def _selu_lines(ax, part, target, label=None):
    """SELU's five networks, one solid line each, and the value they are pulled toward (dash-dot, on top)."""
    layers = np.arange(SELU_DEPTH + 1)
    for start, (ls, said) in SELU_STARTS.items():
        for k, s in enumerate(_selu_runs(part, start=start)["SELU"]):
            ax.plot(layers, s, color=plots.color("selu"), ls=ls, lw=SELU_LW, label=said if k == 0 else "_nolegend_")
    ax.axhline(target, color="black", ls="-.", lw=1.2, zorder=5, label=label or "_nolegend_")   # p69 (r64): over the lines
    ax.set_xticks(range(0, SELU_DEPTH + 1, 2))
    ax.set(xlim=(0, SELU_DEPTH), ylim=SELU_Y, xlabel="layer")


def _selu_spread(ax):
    """The spread of the outputs, layer by layer: SELU's five networks come down from 2 to near 1."""
    _selu_lines(ax, 1, 1.0, SELU_TARGETS)
    ax.set_ylabel("spread of the outputs")
    ax.legend(fontsize=9, loc="upper right", frameon=False)


_selu_spread.own_axes = True


def _selu_average(ax):
    """The average of the outputs, layer by layer: SELU's stays near 0."""
    _selu_lines(ax, 0, 0.0)
    ax.set_ylabel("average of the outputs")


def _selu_figure():
    """Q28's settling picture: the spread (left) and the average (right) of SELU's five networks, on one y range,
    with one legend above both panels (r56: the right panel had none)."""
    fig, (left, right) = plots.new_figure(*SMALL, ncols=2, sharey=True)
    _selu_spread(left)
    _selu_average(right)
    handles, labels = left.get_legend_handles_labels()
    left.get_legend().remove()
    fig.legend(handles, labels, loc="outside upper center", ncols=2, fontsize=8, frameon=False)
    right.tick_params(labelleft=True)
    for ax in (left, right):
        ax.tick_params(labelsize=9)
        ax.xaxis.label.set_fontsize(9)
        ax.yaxis.label.set_fontsize(9)
    return fig


_selu_spread.diagram = _selu_figure


# p80 (r77 Picture #2): Q11's key draws XOR's four points on one score line for the worked straight rule, answer 1
# above answer 0, each pair under a bracket with its total: the totals match, so both 1s cannot sit on top
XOR_PAIRS = {1: ((0, 1), (1, 0)), 0: ((0, 0), (1, 1))}   # each answer's two points, in the order the brackets add them


def xor_pair_scores(rule=quiz.XOR_WORKED):
    """{answer: [(point, score), (point, score)]}: the worked rule's score for each XOR point, by answer."""
    return {answer: [(pt, quiz._xor_score(pt, rule)) for pt in pts] for answer, pts in XOR_PAIRS.items()}


def xor_rule_text(rule=quiz.XOR_WORKED):
    """The worked rule as a learner writes it: 'score = 2x₁ + x₂ + 0.5' (a weight of 1 unwritten, minus signs kept), for
    the picture's axis and its alt text alike (code review: the alt text typed '+ x₂', the axis patched '1x₂')."""
    w1, w2, b = rule
    terms = [(w1, "x₁"), (w2, "x₂"), (b, "")]
    out = ""
    for k, (w, name) in enumerate(terms):
        if w == 0:
            continue
        size = "" if abs(w) == 1 and name else f"{abs(w):g}"
        sign = ("−" if w < 0 else "") if not out else (" − " if w < 0 else " + ")
        out += f"{sign}{size}{name}"
    return "score = " + (out or "0")


XOR_TOTALS_TITLE = "no cut splits ● from ■"   # p94 (r95 Picture first): what the dots show, said large
# p97 (r98 Clarity: one fixed rule beside "½ everywhere" read as a clash): the left panel is titled as one example
XOR_EXAMPLE_SAID = "One example straight rule:"
XOR_BIG = 12   # points: the title (two lines since p97)
XOR_DOT = {1: dict(marker="o", color=GOOD), 0: dict(marker="s", color=BAD)}   # told apart by shape, not colour alone
XOR_MIDDLE_SAID = "each pair: total {total:g}, middle {middle:g}"   # the dashed line: equal totals, one middle
XOR_BAR_AXIS = "score"
XOR_LINE_SAID = "score line\n(each point's score)"


def _xor_pair_totals(ax):
    """Q11: XOR's four points as dots on one score line (one straight rule), the 1s ● and the 0s ■. A ■ sits at each
    end, so no cut puts both ● above both ■. p94 (r95 Picture first: the stacked bars of p93 took decoding, and the
    "(0, 0)" label sat on a bar's edge): one dashed line marks both pairs' shared middle, their totals being equal."""
    scores = xor_pair_scores()
    for answer, pairs in scores.items():
        for pt, s in pairs:
            ax.plot([s], [0], ls="none", ms=16, mec="black", mew=1, zorder=3, **XOR_DOT[answer])
            ax.text(s, 0.25, str(pt), ha="center", va="bottom", fontsize=10)
    total = sum(s for _, s in scores[1])
    middle = total / 2
    ax.axhline(0, color="black", lw=1, zorder=1)   # the number line
    ax.plot([middle, middle], [-0.3, 0.72], color="black", lw=1, ls="--", zorder=2)   # clear of the key below
    ax.text(middle, 0.75, XOR_MIDDLE_SAID.format(total=total, middle=middle), ha="center", va="bottom", fontsize=10,
            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none"))
    ax.text(0.5, 0.04, "● answer 1    ■ answer 0", transform=ax.transAxes, ha="center", va="bottom", fontsize=10)
    everything = [s for pairs in scores.values() for _, s in pairs]
    ax.set_xticks(sorted(everything), [f"{s:g}" for s in sorted(everything)])
    ax.set_xlim(0, 2 * middle)
    ax.set_ylim(-0.6, 1.2)
    ax.set_yticks([])
    ax.set_ylabel(XOR_LINE_SAID, fontsize=10)   # p106 (r108 Picture: "the four points" said nothing)
    ax.set_xlabel(f"{XOR_BAR_AXIS} ({xor_rule_text()})", fontsize=10)
    ax.grid(False)


_xor_pair_totals.own_axes = True

XOR_SIZE = (1000, 300)   # p106: + the middle loss panel; p83: Q11's two panels, the scores (left) and the trained chances (right), each readable


@lru_cache(maxsize=None)
def xor_trained_chances():
    """{point: each run's chance that the answer is 1} at XOR's four points, from chapter 01's ten runs with no bend
    between the layers (ch01_collapse.train_xor): Q11's answer, measured."""
    from course_utils.ui import ch01_collapse
    runs = ch01_collapse.train_xor(bends={"no bend": ch01_collapse.XOR_BENDS["no bend"]})
    chances = runs.chances["no bend"]
    return {(int(a), int(b)): chances[:, k] for k, (a, b) in enumerate(runs.X)}


def xor_left_order():
    """XOR's four points in the left panel's order, left to right: by the worked rule's score."""
    return sorted((pt for pt, _a in quiz.XOR_POINTS), key=lambda pt: quiz._xor_score(pt, quiz.XOR_WORKED))


XOR_ANSWER_MARK = {1: "●", 0: "■"}   # the left panel's shapes, said under the right panel's points
XOR_TICK_SAID = "point, then its right answer"


def _xor_trained(ax):
    """Q11 (p83, r81 Picture: the ½ it asks for was not drawn): one bar a point, the chance chapter 01's trained
    no-bend runs give that the answer is 1; ½ is written on each."""
    chances = xor_trained_chances()
    points = xor_left_order()   # p97 (r98): the left panel's order, left to right
    answers = dict(quiz.XOR_POINTS)
    means = [float(np.mean(chances[pt])) for pt in points]
    ax.bar(range(len(points)), means, width=0.6, color="white", edgecolor="black", hatch="//", lw=1)
    for k, m in enumerate(means):
        ax.text(k, m + 0.04, "½" if f"{m:.2f}" == "0.50" else f"{m:.2f}", ha="center", va="bottom", fontsize=12)
    # p84 (r83 Picture): the right answers (0 or 1) were marks on the chance axis, beside the ½ bars; now each sits
    # under its point, with the left panel's shape (circle: answer 1, square: answer 0), off the chance axis
    ax.set_xticks(range(len(points)), [f"{pt}\n{XOR_ANSWER_MARK[answers[pt]]} {answers[pt]}" for pt in points],
                  fontsize=9)
    ax.set(xlim=(-0.6, len(points) - 0.4), ylim=(0, 1.05), ylabel="chance the answer is 1")
    ax.set_yticks([0, 0.5, 1], ["0", "0.5", "1"])
    ax.axhline(0, color="black", lw=0.6)
    ax.set_xlabel(XOR_TICK_SAID, fontsize=9)
    ax.set_title(f"trained, {len(next(iter(chances.values())))} runs: ½ everywhere", fontsize=10)
    ax.grid(False, axis="x")


XOR_LIFT_RANGE = (0.1, 0.9)   # p106 (r108): the middle panel's x, the chance both 1s (and so both 0s) give answer 1
XOR_LIFT_TITLE = "lowest at ½, higher on both sides"   # p108 (r110): not "lift the 1s" (the 0s rise too)
XOR_LIFT_AXES = ("chance of answer 1, same for all four points", "average loss, four points")   # p107 (r109): plain


def xor_lift_loss(chance):
    """The average loss over XOR's four points when every point gives answer 1 this chance (the equal totals, split
    evenly): the two 1s lose −ln(chance) each, the two 0s −ln(1 − chance) each."""
    c = np.asarray(chance, dtype=float)
    return (-np.log(c) - np.log(1 - c)) / 2


def _xor_lift(ax):
    """Q11 step 2 (p106, r108 Clarity: six numbers in words): the average loss against the 1s' chance, lowest at ½,
    with ½ and the key's lifted chance (quiz.XOR_LIFTED) marked and written."""
    p = np.linspace(*XOR_LIFT_RANGE, 200)
    ax.plot(p, xor_lift_loss(p), color="black", lw=2)
    # p110 (r112 Picture: "0.6: 0.71" sat on the curve): ½'s words centred below it, 0.6's below and to the right,
    # inside the U where no curve runs
    for c, dx, ha in ((0.5, 0.0, "center"), (quiz.XOR_LIFTED, 0.03, "left")):
        y = float(xor_lift_loss(c))
        ax.plot([c], [y], "o", color="black", ms=7)
        ax.text(c + dx, y - 0.04, f"{'½' if c == 0.5 else f'{c:g}'}: {y:.2f}", ha=ha, va="top", fontsize=11)
    ax.set_xticks([0.1, 0.3, 0.5, 0.7, 0.9], ["0.1", "0.3", "½", "0.7", "0.9"])
    ax.set(xlim=(0.08, 0.92), ylim=(0.5, 1.3))
    ax.set_xlabel(XOR_LIFT_AXES[0], fontsize=9)
    ax.set_ylabel(XOR_LIFT_AXES[1], fontsize=9)
    ax.set_title(XOR_LIFT_TITLE, fontsize=10)


def _xor_figure():
    """Q11's settling picture: the worked rule's scores and equal totals (left), the average loss as the 1s are
    lifted (middle, p106), the trained runs' ½ (right)."""
    fig, (left, middle, right) = plots.new_figure(*XOR_SIZE, ncols=3, width_ratios=(1, 0.8, 0.8))
    _xor_pair_totals(left)
    left.set_title(f"{XOR_EXAMPLE_SAID}\n{XOR_TOTALS_TITLE}", fontsize=XOR_BIG, fontweight="bold")
    _xor_lift(middle)
    _xor_trained(right)
    for ax in (left, middle, right):
        ax.tick_params(labelsize=9)
    return fig


_xor_pair_totals.diagram = _xor_figure


CHANCES = (0.1, 0.5, 0.9)   # Q6's picture: three chances given to the right answer, the middle one a 50-50 guess


def point_loss(chance):
    """One point's log loss: −ln(the chance it gives the right answer) (Q6's key)."""
    return -np.log(np.asarray(chance, dtype=float))


def _guess_loss(ax):
    """Q6 (r56 Picture: "stays near 0.69" had no picture): a point's loss against the chance it gives the right
    answer; a 50-50 guess loses ln 2 ≈ 0.69, a sure right answer little, a sure wrong one much."""
    p = np.linspace(0.03, 1.0, 400)
    ax.plot(p, point_loss(p), color="black", lw=2, label="a point's loss: −ln(chance)")
    ax.axhline(math.log(2), color="black", lw=1, ls=":", label=f"ln 2 ≈ {math.log(2):.2f}")
    for c, words, xy in zip(CHANCES, ("sure and wrong", "a 50-50 guess", "sure and right"),
                            ((0.15, 2.5), (0.42, 1.75), (0.56, 1.15))):   # text in the free room above the curve
        ax.plot([c], [point_loss(c)], "o", color="black", ms=6)
        ax.annotate(f"{words}: chance {c:g}, loss {point_loss(c):.2f}", (c, point_loss(c)), xytext=xy, fontsize=9,
                    arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.set(xlim=(0, 1.02), ylim=(0, 3.6), xlabel="chance it gives the right answer", ylabel="that point's loss")
    ax.legend(fontsize=9, loc="upper right")


GATE_BENDS = ("sigmoid", "tanh", "relu")   # Q32's picture: the three bends its options name as curves
GATE_X = (-4.0, 4.0)


def gate_fit(name, xs=np.linspace(*GATE_X, 801)):
    """Where a bend leaves a gate's range, 0 to 1, on Q32's picture: 'stays inside', 'goes below 0' or 'goes above 1'."""
    y = np.asarray(plots.curve(name, xs), dtype=float)
    return "goes below 0" if y.min() < 0 else "goes above 1" if y.max() > 1 else "stays inside"


def _gate_range(ax):
    """Q32 (r56 Picture): a gate multiplies a signal by a number from 0 (shut) to 1 (open). The band shows that range;
    of the three bends, only sigmoid stays inside it."""
    xs = np.linspace(*GATE_X, 801)
    ax.axhspan(0, 1, color=GOOD, alpha=0.15, lw=0, label="a gate's range: 0 (shut) to 1 (open)")
    for name in GATE_BENDS:
        ax.plot(xs, plots.curve(name, xs), color=plots.color(name), lw=2, **plots.line_style(name),
                label=f"{activations.get(name).label}: {gate_fit(name)}")
    ax.set(xlim=GATE_X, ylim=(-1.2, 2.6), ylabel="output")
    ax.legend(fontsize=9, loc="upper left")


CLASS_SCORES = (("cat", 2.0), ("dog", 1.0), ("bird", 0.0))   # Q33's picture: three classes and their scores


def class_outputs():
    """{'sigmoid': outputs, 'softmax': outputs} for CLASS_SCORES: sigmoid of each score, softmax of all of them."""
    scores = np.array([sc for _c, sc in CLASS_SCORES])
    return {"sigmoid": np.asarray(activations.get("sigmoid")(scores), dtype=float), "softmax": softmax_shares(scores)}


def _class_bars(ax):
    """Q33 (r56 Picture): three classes' scores, as sigmoid of each (they add up to more than 1) and as softmax of
    all (shares that add up to 1), side by side."""
    outs = class_outputs()
    xs = np.arange(len(CLASS_SCORES))
    for k, (name, hatch) in enumerate((("sigmoid", "///"), ("softmax", ""))):
        ax.bar(xs + (k - 0.5) * 0.38, outs[name], width=0.36, color=plots.color(name), hatch=hatch, edgecolor="white",
               label=f"{name} of {'each score' if name == 'sigmoid' else 'all scores'}: they add up to {outs[name].sum():.2f}")
    for k, (name, ys) in enumerate(outs.items()):
        for x, y in zip(xs + (k - 0.5) * 0.38, ys):
            ax.text(x, y + 0.02, f"{y:.2f}", ha="center", va="bottom", fontsize=9)
    ax.set(xticks=xs, ylim=(0, 1.35), yticks=[0, 0.5, 1], ylabel="output", xlabel="class (its score)")
    ax.set_xticklabels([f"{c} ({sc:g})" for c, sc in CLASS_SCORES], fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(False, axis="x")
    ax.legend(fontsize=9, loc="upper right", frameon=False)


_class_bars.own_axes = True


ADAM_NUDGE, ADAM_LR, ADAM_STEPS = 0.0001, race.RACE_RECIPE["lr"], 50   # Q31's picture: a steady tiny nudge, the race's learning rate


def adam_walk(nudge=ADAM_NUDGE, lr=ADAM_LR, steps=ADAM_STEPS):
    """{'gd': moved, 'adam': moved}: how far one weight has moved after 0..steps steps of the same nudge, each rule
    stepped by mlp.optimizer_step as the race steps it (Q31's key)."""
    out = {}
    for rule in ("gd", "adam"):
        theta, moments, moved = np.zeros(1), np.zeros((2, 1)), [0.0]
        for k in range(1, steps + 1):
            mlp.optimizer_step(theta, np.array([nudge]), lr, rule, moments, k)
            moved.append(float(-theta[0]))   # a nudge of + moves the weight down: the distance is −theta
        out[rule] = np.array(moved)
    return out


def _adam_steps(ax):
    """Q31 (r71 Picture): one weight under a steady tiny nudge. A plain step (nudge × learning rate) barely moves it;
    Adam moves it about one learning rate a step."""
    walk = adam_walk()
    steps = np.arange(ADAM_STEPS + 1)
    ax.plot(steps, walk["adam"], color=plots.ACCENT, lw=2.4, label=f"Adam: about {ADAM_LR:g} a step")
    ax.plot(steps, walk["gd"], color=plots.MUTED, lw=2.4, ls="--",
            label=f"plain: nudge × {ADAM_LR:g} = {quiz.plain(ADAM_NUDGE * ADAM_LR, 1)} a step")
    ax.annotate(f"{walk['adam'][-1]:.2f}", (ADAM_STEPS, walk["adam"][-1]), xytext=(-8, 4),
                textcoords="offset points", fontsize=10, ha="right", va="bottom")
    ax.annotate(f"{quiz.plain(walk['gd'][-1], 1)} (too small to see)", (ADAM_STEPS, walk["gd"][-1]), xytext=(-4, 6),
                textcoords="offset points", fontsize=10, ha="right", va="bottom")
    ax.set(xlim=(0, ADAM_STEPS), ylim=(-0.02, 0.6), xlabel=f"step (the same nudge, {quiz.plain(ADAM_NUDGE, 1)}, each time)",
           ylabel="how far the weight has moved")
    ax.legend(fontsize=9, loc="upper left")


_adam_steps.own_axes = True


MEMORY_STEPS, MEMORY_RISE = 20, 0.25   # Q34's picture: 20 steps; the new content's weighted sum rises 0.25 a step
MEMORY_TITLE = f"In: the new content's weighted sum, rising by {MEMORY_RISE:g} each step.\nThe memory forgets nothing: it keeps every write"


def memory_runs(steps=MEMORY_STEPS, rise=MEMORY_RISE):
    """{'tanh': memory, 'relu': memory} after 0..steps steps of an LSTM-like memory with its write gate fully open
    (1): each step adds bend(weighted sum), the sum rising by `rise` a step (Q34's key)."""
    sums = rise * np.arange(1, steps + 1)
    return {name: np.concatenate([[0.0], np.cumsum(np.asarray(activations.get(name)(sums), dtype=float))])
            for name in ("tanh", "relu")}


def _memory_growth(ax):
    """Q34 (r71 Picture): with tanh on the new content, the memory grows by less than 1 a step (under the dotted
    line); with ReLU, nothing caps a write, so it shoots up."""
    runs = memory_runs()
    steps = np.arange(MEMORY_STEPS + 1)
    ax.plot(steps, steps, color="black", lw=1, ls=":", label="1 more each step")
    for name in ("tanh", "relu"):
        ax.plot(steps, runs[name], color=plots.color(name), lw=2.4, **plots.line_style(name),
                label=f"new content through {activations.get(name).label}: {runs[name][-1]:.1f} after {MEMORY_STEPS}")
    ax.set(xlim=(0, MEMORY_STEPS), ylim=(0, runs["relu"][-1] * 1.05), xlabel="step (write gate fully open)",
           ylabel="the memory", xticks=range(0, MEMORY_STEPS + 1, 5))
    ax.set_title(MEMORY_TITLE, fontsize=10)   # p77 (r74 Picture): what goes in, on the picture, not only in its alt
    ax.legend(fontsize=9, loc="upper left")


_memory_growth.own_axes = True


# shown with the question: what the question's words mean, never which option is right
ASK_PICTURES = {
    "relu_corners": _one_corner,
}
# the picture that settles the question: inside its folded key until the learner answers, then under the feedback
# (it is made only then, so no picture that gives the answer away sits on the page before an answer)
AFTER_PICTURES = {
    "bias_role": _bias_slides,
    "leaky_alive": _leak_on_the_left,
    "relu_flat_side": _relu_dead_side,
    "collapse_formula": _two_layers_one_line,
    "more_layers": _stacks_stay_straight,
    "where_bend": _bend_between,   # r50: Q10's key had no picture; r58: not Q12's stacks again, the bend itself
    "chain_sigmoid_10": _fading_nudge,
    "why_sigmoid_stalled": _sigmoid_slope_peak,
    "sigmoid_slope_0": _sigmoid_value_and_slope,   # p71 (r67): Q13's key had no picture
    "tanh_vs_sigmoid": _tanh_from_sigmoid,
    "gelu_dip": _gelu_dip,
    "relu_corners": _corners_follow_a_curve,
    "tanh_slope_3_about": _tanh_at_3,
    "quiet_sooner": _slopes_against_quiet,
    "gelu_slope_sign": _gelu_slope_at_minus3,
    "deepest_dip": _dips,
    "softmax_activation": _share_bars("softmax_activation"),
    "softmax_temperature": _share_bars("softmax_temperature"),
    "softmax_max_trick": _max_trick,
    "selu_steady": _selu_spread,
    "gelu_peak_slope": _gelu_peak_slope,
    "unit_steps": _unit_strip,
    "unit_outputs": _three_in_one_out,
    "swiglu_gate": _swiglu_paths,
    "race_loser": _race_four,
    "why_seeds": _seed_swap,   # p73 (r70 Correctness): the two seeds its key names, so the swap can be checked
    "loss_at_ln2": _guess_loss,   # r56: Q6's 0.69 drawn (r42: not Q29's race again): the loss of a 50-50 guess
    "lstm_gates": _gate_range,
    "multiclass_output": _class_bars,
    "xor_no_bend_chance": _xor_pair_totals,
    "why_adam": _adam_steps,   # p74 (r71 Picture): Q31's key had only words
    "tanh_in_rnns": _memory_growth,   # p74 (r71 Picture): Q34's key had only words
}


def _selu_alt():   # r62: a reader saw one SELU line where the alt said five: it says they overlap
    ends = [float(s[-1]) for s in selu_spread_runs()["SELU"]]
    lows = [float(s[-1]) for s in selu_spread_runs(SELU_LOW)["SELU"]]
    top = max(float(np.abs(m).max()) for start in SELU_STARTS for m in selu_average_runs(start)["SELU"])
    return (f"Two panels on one scale, layer 0 to {SELU_DEPTH}: five random SELU networks starting at spread "
            f"{SELU_START:g} (solid lines) and five at {SELU_LOW:g} (dashed), start weights chosen so that, without "
            f"SELU, the spread would stay the same. Left, the spread of the outputs comes down close to the "
            f"black line at 1 (from {min(ends):.2f} to {max(ends):.2f} at layer {SELU_DEPTH}) or climbs up to it "
            f"(from {min(lows):.2f} to {max(lows):.2f}). Right, the average "
            f"stays near the black line at 0 (at most {top:.2f} away).")


def _xor_pair_alt():
    """Q11's picture in words, from the scores it draws."""
    pts = sorted(((s, pt, answer) for answer, pairs in xor_pair_scores().items() for pt, s in pairs))
    said = ", ".join(f"{XOR_ANSWER_MARK[a]} {pt} at {s:g}" for s, pt, a in pts)
    total = {answer: sum(s for _, s in pairs) for answer, pairs in xor_pair_scores().items()}
    ends = "a ■ at each end, so no cut puts both ● above both ■" if pts[0][2] == pts[-1][2] == 0 else "the ends differ"
    trained = np.concatenate(list(xor_trained_chances().values()))
    lo, hi = f"{trained.min():.2f}", f"{trained.max():.2f}"
    runs = len(next(iter(xor_trained_chances().values())))
    return (f"Left: XOR's four points as dots on one score line, for one example straight rule, {xor_rule_text()}; the 1s are circles (●), the 0s "
            f"squares (■). Left to right: {said}. A dashed line marks each pair's middle, {total[1] / 2:g}: both pairs "
            f"total {total[1]:g}" + ("" if total[1] == total[0] else f" and {total[0]:g}") + f". In large type: "
            f"{ends}. Middle: the average loss of the four points against the chance the 1s give answer 1 (the 0s get "
            f"the same), from {XOR_LIFT_RANGE[0]:g} to {XOR_LIFT_RANGE[1]:g}; it is lowest at ½, {float(xor_lift_loss(0.5)):.2f}, and rises "
            f"on both sides: {float(xor_lift_loss(quiz.XOR_LIFTED)):.2f} at {quiz.XOR_LIFTED:g}, "
            f"{float(xor_lift_loss(XOR_LIFT_RANGE[1])):.2f} at {XOR_LIFT_RANGE[0]:g} and at {XOR_LIFT_RANGE[1]:g}. Right: {runs} trained runs with no "
            f"bend give each of the four points the chance " + (f"½ ({lo})" if lo == hi else f"{lo} to {hi}")
            + " that the answer is 1. Under each point, its right answer, with the left panel's shape.")


def _minus(text):
    return text.replace("-", "−")


@lru_cache(maxsize=None)   # read by every key fold and every live picture of the question
def picture_alt(qid):
    """What a settling picture shows, in words, from the same numbers the picture draws (its alt text)."""
    lows = {name: quiz._lowest(name) for name in ("gelu", "silu", "mish")}
    s3 = float(activations.get("gelu").derivative(-3.0))
    a, b = CORNER_STRETCH
    (w1, b1), (w2, b2) = TWO_LAYERS
    leak = float(activations.get("leaky_relu").derivative(-1.0))
    peak_x, peak = gelu_peak()
    race = race_four_losses() if qid == "race_loser" else None
    return _minus({
        "gelu_peak_slope": f"GELU's slope from x = -4 to 4. It climbs past the dashed line at 1 to a peak of "
                           f"{peak:.2f} at x = √2 ≈ {peak_x:.2f}, then sinks back to 1.",
        "unit_steps": UNIT_STRIP_ALT,
        "unit_outputs": THREE_IN_ALT,
        "swiglu_gate": SWIGLU_PATHS_ALT,
        "race_loser": _race_four_alt(race),
        "why_seeds": _seed_swap_alt() if qid == "why_seeds" else "",
        "loss_at_ln2": "A point's loss, −ln(the chance it gives the right answer), for chances from 0.03 to 1: "
                       "high for a small chance, 0 for a sure right answer. "
                       + "; ".join(f"chance {c:g}: loss {point_loss(c):.2f}" for c in CHANCES)
                       + f". A dotted line marks ln 2 ≈ {math.log(2):.2f}, the loss of a 50 50 guess.",
        "lstm_gates": f"{', '.join(activations.get(n).label for n in GATE_BENDS[:-1])} and "
                      f"{activations.get(GATE_BENDS[-1]).label} from x = {GATE_X[0]:g} to "
                      f"{GATE_X[1]:g}, over a shaded band from 0 to 1: a gate's range, from shut to open. "
                      + " ".join(f"{activations.get(n).label} {gate_fit(n)}." for n in GATE_BENDS),
        "multiclass_output": "Bars for three classes, " + ", ".join(f"{c} (score {sc:g})" for c, sc in CLASS_SCORES)
                             + ". Sigmoid of each score gives " + ", ".join(f"{v:.2f}" for v in class_outputs()["sigmoid"])
                             + f": they add up to {class_outputs()['sigmoid'].sum():.2f}. Softmax of all scores gives "
                             + ", ".join(f"{v:.2f}" for v in class_outputs()["softmax"])
                             + f": they add up to {class_outputs()['softmax'].sum():.2f}.",
        "bias_role": f"Three lines z = {BIAS_SLOPE:g}·x + b, for b = " + ", ".join(f"{b:g}" for b in BIASES[:-1])
                     + f" and {BIASES[-1]:g}. All have the same tilt. Each meets x = 0 at height b: b slides the line "
                     "up or down. Rings mark where they cross the x axis, at x = " + ", ".join(
                         f"{c:g}" for c in bias_crossings()[:-1]) + f" and {bias_crossings()[-1]:g}: not b.",
        "leaky_alive": f"The slopes of ReLU and Leaky ReLU left of 0, zoomed in far. ReLU's slope is 0: no nudge "
                       f"gets through. Leaky ReLU's slope here is {leak:g}, a common default: a little nudge gets through. Right of 0, both "
                       "slopes are 1.",
        "tanh_vs_sigmoid": "tanh(x), with 2σ(2x) − 1 lying exactly on it. 2σ(x) − 1 is too shallow; "
                           "σ(x) − 0.5 only reaches ±0.5.",
        "gelu_dip": f"GELU's curve dips below 0 left of 0. Its bottom is at x ≈ {lows['gelu'][0]:.2f}, "
                    f"y ≈ {lows['gelu'][1]:.2f}.",
        "relu_corners": f"A sum of {CORNER_COUNT - 2} ReLU corners plus a line follows sin x from x = {a:g} to {b:g}. "
                        "Beyond that stretch it runs straight. It stays close for about one more unit, then drifts far off.",
        "tanh_slope_3_about": "tanh (dashed) and its slope (thick) from x = -5 to 5. At x = 3 the value is "
                              f"{tanh_at_3()[0]:.3f}, near 1, but the slope is only {tanh_at_3()[1]:.2g}.",
        "quiet_sooner": f"Sigmoid's and tanh's slopes on a log scale. Tanh's falls under {QUIET:g} at "
                        f"x ≈ {quiz._quiet_edge('tanh'):.1f}, sigmoid's at x ≈ {quiz._quiet_edge('sigmoid'):.1f}.",
        "gelu_slope_sign": f"GELU's slope from x = -4.5 to 0.5. It is 0 at the dip's bottom, x ≈ {lows['gelu'][0]:.2f}, "
                           f"and below 0 on all its left (shaded). Its lowest is {gelu_slope_low()[1]:.2f} at "
                           f"x ≈ {gelu_slope_low()[0]:.2f}. At x = -3 it is {s3:.3f}.",
        "deepest_dip": "ReLU never goes below 0. GELU, SiLU and Mish each dip below 0. Lowest points, each marked "
                       "and labelled: " + ", ".join(f"{dip_label(n)} {y:.2f}" for n, (_x, y) in lows.items()) + ".",
        "softmax_activation": _share_alt("softmax_activation"),
        "softmax_temperature": _share_alt("softmax_temperature"),
        "relu_flat_side": "ReLU's slope: 0 everywhere left of 0 (shaded: no nudge gets through), 1 right of 0.",
        "collapse_formula": (f"Layer 1 alone draws h = {w1:g}x + {b1:g}. Layer 2 (w₂ = {w2:g}, b₂ = {b2:g}) after it "
                             f"draws one straight line, y = {w2 * w1:g}x + {w2 * b1 + b2:g}: weight w₂w₁ = {w2 * w1:g}, "
                             f"bias w₂b₁ + b₂ = {w2 * b1 + b2:g}.").replace("+ -", "- "),
        "more_layers": STACKS_ALT,
        "where_bend": (f"The same two straight layers, drawn twice. With no bend between them, one straight line. "
                       f"With ReLU between them, a corner at x = {bend_corner():g}, where layer 1's output crosses 0. "
                       "Right of the corner, the two lines coincide."),
        "selu_steady": _selu_alt(),
        "why_adam": (f"One weight, given the same tiny nudge, {quiz.plain(ADAM_NUDGE, 1)}, for {ADAM_STEPS} steps, learning "
                     f"rate {ADAM_LR:g}. Adam's line climbs about {ADAM_LR:g} a step, to "
                     f"{adam_walk()['adam'][-1]:.2f}. The plain step's line stays flat: it moves "
                     f"{quiz.plain(ADAM_NUDGE * ADAM_LR, 1)} a step, {quiz.plain(adam_walk()['gd'][-1], 1)} in all."),
        "tanh_in_rnns": (f"A memory over {MEMORY_STEPS} steps that forgets nothing, its write gate fully open; the new content's weighted "
                         f"sum rises {MEMORY_RISE:g} a step. Through tanh, each step adds less than 1: the memory "
                         f"stays under the dotted line (1 more each step) and reaches {memory_runs()['tanh'][-1]:.1f}. Through "
                         f"ReLU, nothing caps a write: it reaches {memory_runs()['relu'][-1]:.1f}."),
        "softmax_max_trick": (f"Bars of e^score. Left, scores {BIG_SCORES[0]:g} and {BIG_SCORES[1]:g}: e^"
                              f"{BIG_SCORES[0]:g} ≈ 10^{power_of_ten(BIG_SCORES[0])}, too big to store, so its bar runs off the top. Right, the same scores minus {max(BIG_SCORES):g}: "
                              + _minus(" and ".join(f"e^{s - max(BIG_SCORES):g} = {math.exp(s - max(BIG_SCORES)):.2f}"
                                                    for s in BIG_SCORES))
                              + ", shares " + " and ".join(f"{v:.2f}" for v in softmax_shares(
                                  [s - max(BIG_SCORES) for s in BIG_SCORES])) + "."),
        "xor_no_bend_chance": _xor_pair_alt(),
        "sigmoid_slope_0": (f"Sigmoid (dotted) and its slope (thick dashes), x from -6 to 6. At x = 0 the value is "
                            f"{float(activations.get('sigmoid')(0.0)):g} and the slope is "
                            f"{float(activations.get('sigmoid').derivative(0.0)):g}, its highest."),
        "why_sigmoid_stalled": f"Sigmoid's slope from x = -6 to 6, under the dashed line at slope 1. Its peak, at x = 0, "
                               f"is only {float(activations.get('sigmoid').derivative(0.0)):g}: every sigmoid bend "
                               "shrinks the nudge, even at its steepest.",
        "chain_sigmoid_10": f"Bars, log scale: the share of the nudge left after 1 to {CHAIN_DEPTH} sigmoid bends. "
                            f"Each bend keeps a quarter. After {CHAIN_DEPTH}: {quiz.plain(nudge_left(CHAIN_DEPTH))}, "
                            "just under the 1 in a million line.",
    }[qid])


SWIGLU_PATHS_ALT = ("A SwiGLU unit: the input goes to two weighted sums. One goes through SiLU and becomes the gate. "
                    "The other stays straight: the content. The × multiplies gate and content.")


def _race_four_alt(race):
    if race is None:
        return ""
    under = [activations.get(n).label for n in RACE_FOUR if (race[n][:, -1] < 0.1).all()]
    return (f"Four panels, one a bend, on one y scale. Loss over {race['sigmoid'].shape[1]} epochs, "
            f"{len(RACE_SEEDS)} runs of each bend. "
            f"Every run of {', '.join(under[:-1])} and {under[-1]} ends below the 0.1 line: the highest ends at "
            f"{max(race[n][:, -1].max() for n in RACE_FOUR if n != 'sigmoid'):.2f}. "
            f"Every sigmoid run stays above {SIGMOID_FLOOR:g}.")


SIGMOID_FLOOR = 0.6   # sigmoid's loss in any of those runs never falls below this (tests/test_chapter_07.py checks it)


ASK_ALT = {"relu_corners": "Three single ReLU corners, thin: " + ", ".join(
    f"{label} bends {'up' if w > 0 else 'down'} at x = {c:g}" for w, c, label in ONE_CORNER_PIECES).replace("-", "−")
    + f"; and {ONE_CORNER_LINE[2]}, thin, dash-dotted. Their sum, thick, is one line with a bend at each of those "
    "three places."}


def _png_size(png):
    """(width, height) of a PNG, from its IHDR."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _picture(draw, alt):
    """A small quiz picture at the size it was drawn (p83: Q11's and the race's wider panels were squeezed into
    SMALL); its tooltip is its name for a screen reader (livefigure.NamedImage)."""
    png = _small(draw)
    width, height = _png_size(png)
    return NamedImage(value=png, format="png", tooltip=alt,
                      layout=widgets.Layout(width=f"{width}px", height=f"{height}px"))


def _pictures(qid):
    """(picture shown with the question or None, the settling picture an answer brings or None)."""
    ask = _picture(ASK_PICTURES[qid], ASK_ALT[qid]) if qid in ASK_PICTURES else None
    after = _picture(AFTER_PICTURES[qid], picture_alt(qid)) if qid in AFTER_PICTURES else None
    return ask, after


def ask_picture_html(qid):
    """The picture shown with a question, as an <img> with its alt text, for the page's static copy: an export then
    shows which picture sits under the options (Q18's three single corners, not the answer's fit to sin x: the r36
    reader took the fold's picture for it). '' if the question has none."""
    if qid not in ASK_PICTURES:
        return ""
    return _img_html(_small(ASK_PICTURES[qid]), ASK_ALT[qid], SMALL[0])


# p98 (r99 Interaction/Retention): a key the learner could open before answering made recall rest on self-control.
# Live, the key's place holds KEY_WAITING until the first answer, then the key appears open. A page without a
# kernel (the offline export) cannot click, so there the key stays a fold, as in the stored page's static copy.
KEY_WAITING = "Answer first: the answer and why appear here."


def key_before_answer_html(qid, number, learner):
    """What sits in the key's place before the first answer: the waiting line live, the fold in the offline export."""
    if offline.offline_export():
        return key_fold_html(qid, number, learner)
    return f"<div class='key-waiting' style='color:#555;font-size:90%;margin:4px 0 0 18px'><i>{KEY_WAITING}</i></div>"


def key_open_html(qid, number, learner, pictures=True):
    """One question's answer and why, shown open (after the first answer); a click on its title still folds it."""
    return (f"<details open><summary>Q{number}: the answer and why</summary>"
            f"<div style='margin:4px 0 0 18px'>{_key_line(qid, number, learner, pictures)}</div></details>")


def _settle(box, number, learner):
    """After the first answer: the key appears, open; the settling picture goes under the feedback and leaves the
    key (one copy on the page)."""
    qid = box.question.id
    if qid in AFTER_PICTURES and box.after_picture is None:
        box.after_picture = _pictures(qid)[1]
        k = box.children.index(box.feedback) + 1
        box.children = (*box.children[:k], box.after_picture, *box.children[k:])
    box.fold.value = key_open_html(qid, number, learner, pictures=qid not in AFTER_PICTURES)


def choice_widget(qid, number, learner):
    """One multiple-choice question, options in this learner's order; every option explains itself."""
    q = quiz.get(qid)
    shown = learner.order[qid]
    feedback = widgets.HTML()
    ask = widgets.HTML(ask_picture_html(qid)) if qid in ASK_PICTURES else None   # r38: a still <img>, not an image widget that reads as live
    buttons, rows = [], []
    for k, i in enumerate(shown):
        b = widgets.Button(description=LETTERS[k], layout=widgets.Layout(width="42px"))
        buttons.append(b)
        rows.append(widgets.HBox([b, widgets.HTML(_html.escape(q.options[i].text))]))

    def answer(k):
        fb = quiz.check(qid, shown[k])
        feedback.value = _feedback_box(f"{LETTERS[k]}: ", fb, glosses(q, learner, "key"))
        for j, b in enumerate(buttons):
            b.button_style = ("success" if fb.correct else "danger") if j == k else ""
        if not box.answered:   # only the first click counts (score and review); later ones only show their reason
            box.answered = True
            learner.record(qid, fb)
        _settle(box, number, learner)

    for k, b in enumerate(buttons):
        b.on_click(lambda _b, k=k: answer(k))
    # r63: the question and its options first, then the picture of what its words mean (Q18's corners)
    static = _head(q, number, learner) + "<ol type='A'>" + "".join(
        f"<li>{_html.escape(q.options[i].text)}</li>" for i in shown) + "</ol>" + ask_picture_html(qid) + \
        key_fold_html(qid, number, learner)
    below = [ask] if ask is not None else []
    fold = widgets.HTML(key_before_answer_html(qid, number, learner))   # the key appears after the first answer
    box = QuizBox([widgets.HTML(_head(q, number, learner)), *rows, *below, feedback, fold], f"Q{number}: click a letter", static,
                  buttons=buttons, feedback=feedback, question=q, shown=shown, ask_picture=ask, after_picture=None,
                  fold=fold, answered=False)
    return box


def numeric_widget(qid, number, learner):
    """A number answer, accepted to the digits a person would say ('about 0.01')."""
    q = quiz.get(qid)
    text = widgets.Text(placeholder=quiz.placeholder(q), tooltip=typing_hint(q), continuous_update=False,
                        layout=widgets.Layout(width="240px"))
    button = widgets.Button(description="Check", button_style="primary")
    feedback = widgets.HTML()
    ask = widgets.HTML(ask_picture_html(qid)) if qid in ASK_PICTURES else None

    def check(_=None):
        fb = quiz.check(qid, text.value)
        feedback.value = _feedback_box("", fb, glosses(q, learner, "key"))
        if quiz.parse_number(text.value) is not None:
            if not box.answered:   # only the first number counts (score and review); later ones only show feedback
                box.answered = True
                learner.record(qid, fb)
            _settle(box, number, learner)

    button.on_click(check)
    text.observe(lambda _c: check() if text.value.strip() else None, names="value")
    top = [widgets.HTML(_head(q, number, learner))] + ([ask] if ask is not None else [])
    fold = widgets.HTML(key_before_answer_html(qid, number, learner))   # the key appears after the first answer
    box = QuizBox([*top, widgets.HBox([text, button]), feedback, fold],
                  f"Q{number}: type a number and press Check",
                  _head(q, number, learner) + ask_picture_html(qid) + key_fold_html(qid, number, learner),
                  text=text, button=button, feedback=feedback, question=q, ask_picture=ask, after_picture=None,
                  fold=fold, answered=False)
    return box


# "How close must your number be?": "How it works" says the rule and one example before any round (pass 46, p82).
# p84 (r83 Focus): the finer rules left the fold at the end ("More rules, and how close a number must be") and Q20's
# text: each answer box says them as its tooltip (point at the box), and its grey placeholder shows the form to type.
HOW_CLOSE = (0.3127, 2, ("0.31", "0.313", "0.3"))   # a number no question asks for: it gives no key away
_DIGITS = quiz.DIGIT_WORDS
TYPING_LINE = "Point at an answer box to see other ways to type, such as 1/4."   # p99 (r100 Clarity): say what


def how_close_rule():
    """How close is close, and the other ways to type a number (what quiz.accepted and quiz.parse_number do), in plain
    text for an answer box's tooltip. p87 (r86 Focus): "Close counts." and the digit rule; the worked example is the
    one under "How it works" (how_close_example), not repeated on every box. p90 (r91 Focus: tool rules repeated
    a dozen times): down to the reader's five words; the digit rule and "only your first" left the tooltip."""
    return "Close counts; fractions are fine."


# p99 (r100 Clarity: "Close counts." said not how close): quiz.accepted takes half a step in the last digit kept
# lead after p99 (r101 Clarity: "half a unit" met "unit", the calculator, two lines later): said with one example
CLOSE_EXAMPLE = (0.25, 2)   # an answer and the digits asked
CLOSE_HALF = quiz.step(quiz.Numeric("close_example", "07", "", *CLOSE_EXAMPLE, "", ())) / 2   # the checker's own
CLOSE_LINE = (f"Close counts: for ${CLOSE_EXAMPLE[0]:g}$, anything from "
              f"${CLOSE_EXAMPLE[0] - CLOSE_HALF:.3f}$ to ${CLOSE_EXAMPLE[0] + CLOSE_HALF:.3f}$ is right.")
COUNT_HINT = "Type a whole number, in digits."   # p86 (r85 Clarity): a count's box shows no 0.3127 example
ONE_IN_CLOSE = "Close counts: N rounded to one digit is fine."   # p86: Q20's box, in its own terms


def typing_hint(q):
    """An answer box's tooltip, fitting its kind (p86, r85): a count's says a whole number; Q20's its forms (1 in N)
    and how close N may be; any other how close is close. p90 (r91 Focus): the first answer's rule left (the
    "How it works" list says it once)."""
    if quiz._counts(q):
        rule = COUNT_HINT
    elif q.form:
        rule = f"{q.form} {ONE_IN_CLOSE}"
    else:
        rule = how_close_rule()
    return rule


# p92 (r93 Clarity: "two digits" read as digits after the point): one line under "How it works" shows digits that
# count, each example kept by the quiz's own rounding (quiz.kept) and judged by the grader in the tests. Neither
# number is a key: e (2.72, the softmax gloss) and GELU's slope at −3 (0.012, the dip picture's alt text).
DIGITS_SHOWN = ((2.72, 2), (0.012, 2))


def digits_line():
    """'**Digits:** count from the first digit that is not 0. 2.72 to two digits is 2.7. 0.012 already has two digits: 1 and 2.'

    r107 (Clarity): "digits that count" was jargon; the rule is said as where counting starts."""
    (big, n_big), (small, n_small) = DIGITS_SHOWN
    # p117 (r116 Clarity: the rule and its first example in one long sentence; "0.012 already has two digits" did
    # not say which two): the rule, then each example in a short sentence of its own, the two digits named
    counted = quiz.kept(small, n_small).lstrip("0.")
    return (f"**Digits:** count from the first digit that is not 0. {big} to {_DIGITS[n_big]} is "
            f"{quiz.kept(big, n_big)}. {quiz.kept(small, n_small)} already has {_DIGITS[n_small]}: "
            f"{' and '.join(counted)}.")


def how_close_example():
    """The lines "How it works" says before the first typed answer (p82, r80 Clarity; tests/test_chapter_07.py
    compares the notebook's lines with these). p87 (r86 Focus): down to "Close counts."; the digit rule is each answer
    box's tooltip (how_close_rule), and HOW_CLOSE stays the checker's worked case in the tests."""
    return (f"**Numbers:** round to the digits asked. {CLOSE_LINE}\n"
            f"{digits_line()}\n"
            f"{TYPING_LINE}")


def _widget(qid, number, learner):
    q = quiz.get(qid)
    return (choice_widget if isinstance(q, quiz.Choice) else numeric_widget)(qid, number, learner)


def tally_text(guessed, first_tries, numbers, total, miss=None, picks=None):
    """'You predicted 3, got 2 right on the first try. Missed: Q6 - ...' from {qid: first Feedback}; then, when the
    learner named one, how the question they expected to miss went (miss: its qid), and in the mixed round how many
    chapters they named right (picks: {qid: chapter picked, or None})."""
    right = sum(fb.correct for fb in first_tries.values())
    missed = [f"Q{numbers[qid]} - {quiz.get(qid).prompt}" for qid in numbers if qid in first_tries
              and not first_tries[qid].correct]
    guess = f"You predicted {guessed}" if guessed is not None else "You made no prediction"
    text = f"{guess}, got {right} right on the first try ({len(first_tries)} of {total} answered)."
    # A prompt that ends in "?" or "." already ends the sentence: no "?." in the tally.
    listed = "; ".join(missed)
    text += " Missed: " + listed + ("" if listed.endswith(("?", ".")) else ".") if missed else ""
    return text + miss_text(miss, numbers, first_tries) + chapters_text(picks or {}, first_tries)


# The rounds whose Predict asks "Which one will you miss?" get a box beside "I predict:", so the answer is
# recorded and the tally can say how that question went.
MISS_ROUNDS = ("01", "03", "05")
MISS_LABEL = "I'll miss:"


def miss_said(text, numbers):
    """The question named in the "I'll miss:" box ('Q11', 'q 11' or '11'), as its qid; None if it names none of
    the round's questions."""
    m = re.fullmatch(r"\s*[Qq]?\s*(\d+)\s*\.?\s*", str(text))
    return next((qid for qid, n in numbers.items() if m and n == int(m.group(1))), None)


def miss_text(qid, numbers, first_tries):
    """' You expected to miss Q11: you got it right.' (or 'you did miss it.', or 'not answered yet.')."""
    if qid is None:
        return ""
    said = f" You expected to miss Q{numbers[qid]}: "
    if qid not in first_tries:
        return said + "not answered yet."
    return said + ("you got it right." if first_tries[qid].correct else "you did miss it.")


# The mixed round asks the learner to recall which chapter a question comes from: each question gets a chapter box
# under its prompt; after the first answer it says whether the pick was right, and the tally counts them.
CHAPTER_PICK = "From chapter:"
NO_PICK = "?"


def chapters_text(picks, first_tries):
    """' Chapters: you named 3 of 5 right.' over the answered questions whose chapter was picked."""
    judged = [(qid, ch) for qid, ch in picks.items() if ch is not None and qid in first_tries]
    if not judged:
        return ""
    right = sum(ch in quiz.chapters_of(qid) for qid, ch in judged)
    return f" Chapters: you named {right} of {len(judged)} right."


def pick_verdict(qid, picked):
    """What the chapter box says once its question is answered: right, or which chapter it is from."""
    if picked is None:
        return ""
    chapters = quiz.chapters_of(qid)
    if picked in chapters:
        return "Right chapter."
    return f"You said chapter {picked}; it is from chapter {' and chapter '.join(chapters)}."


def chapter_label(chapter):
    """'03 · slopes, going backward': a chapter box option, its number and topic (p92, r93 Clarity)."""
    return f"{chapter} · {quiz.CHAPTER_TOPICS[chapter]}"


def _chapter_pick(item, learner):
    """A chapter box under the item's prompt (the mixed round). The first answer locks it (a pick made after the
    key is open is no recall) and its verdict shows beside it. Returns the box."""
    qid = item.question.id
    pick = widgets.Dropdown(options=[(NO_PICK, None)] + [(chapter_label(ch), ch) for ch in quiz.CHAPTERS],
                            value=None, description=CHAPTER_PICK, style={"description_width": "initial"},
                            layout=widgets.Layout(width="330px"))
    verdict = widgets.HTML()

    def show():
        if qid in learner.results and not pick.disabled:
            pick.disabled = True
            verdict.value = _html.escape(pick_verdict(qid, pick.value))

    learner.listen(show)
    item.children = (item.children[0], widgets.HBox([pick, verdict]), *item.children[1:])
    item.pick, item.verdict = pick, verdict
    return pick


def predicted(text, total):
    """The learner's predicted score from the box: a whole number from 0 to total, else None (no prediction yet)."""
    text = str(text).strip()
    return int(text) if text.isdigit() and int(text) <= total else None


def chapter_quiz(chapter, learner):
    """One chapter's questions, minus the one the mixed round asks (see _round)."""
    return _round(learner.rounds[chapter], f"Questions on chapter {chapter} (run the notebook to answer)", learner,
                  miss=chapter in MISS_ROUNDS)


def mixed_quiz(learner):
    """The first round: one question from each chapter, interleaved in this learner's own order (see _round)."""
    return _round(learner.rounds["mixed"], "Mixed round: one question from each chapter (run the notebook to answer)",
                  learner, chapters=True)


def _round(qids, summary, learner, miss=False, chapters=False):
    """Questions numbered in the order the notebook shows them, with a box for the learner's predicted score (and,
    with miss, one for the question they expect to miss; with chapters, a chapter box under each question) and a
    tally of first tries under the questions."""
    qs = [quiz.get(qid) for qid in qids]
    numbers = {qid: learner.numbers[qid] for qid in qids}
    guess = widgets.Text(value="", placeholder=f"0 to {len(qs)}", description="I predict:",
                         style={"description_width": "initial"}, layout=widgets.Layout(width="200px"))
    first, last = min(numbers.values()), max(numbers.values())
    miss_box = widgets.Text(value="", placeholder=f"Q{first} to Q{last}", description=MISS_LABEL,
                            style={"description_width": "initial"}, layout=widgets.Layout(width="200px")) if miss else None
    items = [_widget(q.id, numbers[q.id], learner) for q in qs]
    picks = {item.question.id: _chapter_pick(item, learner) for item in items} if chapters else {}
    tally = widgets.HTML()
    first_tries = {}

    def update():
        for qid in numbers:
            if qid in learner.results and qid not in first_tries:
                first_tries[qid] = learner.results[qid]
        if first_tries:
            tally.value = _box(tally_text(predicted(guess.value, len(qs)), first_tries, numbers, len(qs),
                                          miss=miss_said(miss_box.value, numbers) if miss_box is not None else None,
                                          picks={qid: w.value for qid, w in picks.items()}), NEUTRAL)

    learner.listen(update)
    guess.observe(lambda _c: update(), names="value")
    for w in (miss_box, *picks.values()):
        if w is not None:
            w.observe(lambda _c: update(), names="value")
    top = guess if miss_box is None else widgets.HBox([guess, miss_box])
    return QuizBox([top, *items, tally], summary,
                   "".join(f"<div style='margin:0 0 8px'>{w.static_html}</div>" for w in items), items=items, guess=guess,
                   miss=miss_box, picks=picks, tally=tally, first_tries=first_tries)


def misconceptions(qid):
    """One line per wrong option (or typical wrong number): "A common wrong answer: ... In fact: ...", from the bank."""
    q = quiz.get(qid)
    if isinstance(q, quiz.Choice):
        return [f"A common wrong answer: “{o.text}” In fact: {o.why}" for o in q.options if not o.correct]
    return [message for _value, _tol, message in q.traps]


def key_number(value):
    """A key number as a person writes it: 3 significant digits, a true minus sign, and tiny numbers as plain
    decimals, the one notation the page uses ('about 0.00000095', never '9.54e-07')."""
    if value != 0 and abs(value) < 1e-3:
        return "about " + quiz.plain(value, 2)   # its size in words ('under a millionth') is the why's to say
    return f"{value:.3g}".replace("-", "−")


def said_number(q):
    """A numeric key as its question asks for it: the bank's own wording ('about 1 in a million') if it has one,
    else the number rounded to the digits the question accepts, with 'about' when rounding changed it."""
    if q.said:
        return q.said
    if q.answer == 0 or abs(q.answer) < 1e-3:
        return key_number(q.answer)
    rounded = float(f"{q.answer:.{q.digits}g}")
    text = f"{rounded:g}".replace("-", "−")
    return text if rounded == q.answer else "about " + text


KEY_PICTURE_WIDTH = SMALL[0]   # most key pictures; each is shown at its own drawn width (p76: the race panels are wider)


@lru_cache(maxsize=None)
def _settling_png(qid):
    """The settling picture's PNG bytes, drawn once: the static page and the live fold both carry it."""
    return _small(AFTER_PICTURES[qid])


def _key_picture(qid, number):
    """The picture that settles a question, as an <img> for the folded key ('' if the question has none); its alt
    text says what it shows."""
    if qid not in AFTER_PICTURES:
        return ""
    return "<br>" + _img_html(_settling_png(qid), picture_alt(qid))


CHAPTER_FILES = {"00": "00_start_here.ipynb", "01": "01_collapse_proof.ipynb", "02": "02_four_bends.ipynb",
                 "03": "03_gradient_table.ipynb", "04": "04_activation_zoo.ipynb", "05": "05_training_race.ipynb",
                 "06": "06_decision_list.ipynb"}


def _source_line(q, learner):
    """A mixed-round key's first line: the chapter its question came from, linked (the chapter rounds say it in
    their headings)."""
    if learner is None or q.id not in learner.rounds["mixed"]:
        return ""
    return "From " + " and ".join(f"<a href='{CHAPTER_FILES[ch]}'>chapter {ch}</a>" for ch in quiz.chapters_of(q.id)) + ".<br>"


def _table_html(rows):
    """Rows of cells as a small table, its first row the heading."""
    head, *body = rows
    cell = "padding:1px 10px;text-align:left"
    return ("<table style='border-collapse:collapse;margin:4px 0'>"
            + "<tr>" + "".join(f"<th style='{cell}'>{_html.escape(c)}</th>" for c in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td style='{cell}'>{_html.escape(c)}</td>" for c in r) + "</tr>" for r in body)
            + "</table>")


def _steps_html(lines, line_html, block=lambda html: html):
    """Lines one a step, a run of lines that start with '| ' drawn as one table (block wraps it, as a fold indents)."""
    out, rows = [], []
    for line in lines + [None]:
        if line is not None and line.startswith("| "):
            rows.append([c.strip() for c in line[2:].split(" | ")])
            continue
        if rows:
            out.append(block(_table_html(rows)))
            rows = []
        if line is not None:
            out.append(line_html(line))
    return "".join(out)


def _why_line(line):
    """One line of a why, escaped (p91: Q11's curve, the one line drawn, left with its fold)."""
    return _html.escape(line)


def why_html(text, nested=False):
    """A key's why, one step a line; a run of lines that start with '| ' is drawn as a table (its first row the
    heading), a run that starts with quiz.FOLD as a fold (its first line the summary: detail for the curious), which
    may hold a table too (r55: Q11's worked table sits in its fold), and a fold of its own: lines that start with the
    marker twice (p87, r86 Clarity: Q11's arithmetic is optional inside the optional why)."""
    out, run, folded = [], [], False
    indent = "<div style='margin:2px 0 0 18px'>{}</div>".format

    def flush():
        if run and folded:
            summary, *lines = run
            inner = f"<details><summary>{_html.escape(summary)}</summary>" + (why_html("\n".join(lines), True) if lines else "") + "</details>"
            out.append(indent(inner) if nested else inner)
        elif run and nested:
            out.append(_steps_html(run, lambda line: indent(_why_line(line)), indent))
        elif run:
            out.append(_steps_html(run, lambda line: _why_line(line) + "<br>"))
        run.clear()

    for line in text.split("\n"):
        inside = line.startswith(quiz.FOLD)
        if inside != folded:
            flush()
            folded = inside
        run.append(line[len(quiz.FOLD):] if inside else line)
    flush()
    return "".join(out).removesuffix("<br>")


def _key_line(qid, number, learner, pictures=True):
    """(Mixed round: the chapter it came from.) A gloss of each word this key is the first to use and says, then, for a
    lettered question, 'B: <right option>.', one sentence of why and, folded, a why for each wrong letter,
    for a number 'Answer: about 1.1. Why: <reason>' and each typical wrong number's message; then the settling
    picture. No word line cuts the answer off from its why."""
    q = quiz.get(qid)
    picture = _key_picture(qid, number) if pictures else ""
    if isinstance(q, quiz.Choice):
        key = quiz.answer_key(qid)
        letter = LETTERS[learner.order[qid].index(key)]
        answer = f"{letter}: {q.options[key].text}"
        # p71 (r67 Retention): one sentence of why in the key, the right letter's
        why = f" <i>Why:</i> {_html.escape(quiz.key_why(qid))}"
        # p78 (r75 Interaction): a page read without a kernel cannot click a letter, so each wrong letter's why is in
        # the key too, in a fold of its own under the answer
        wrong = "".join(f"<li>Why not {LETTERS[k]}: {_html.escape(q.options[i].why)}</li>"
                        for k, i in enumerate(learner.order[qid]) if not q.options[i].correct)
    else:   # a typed number is no option: say it is the answer, and end it with a full stop before the why
        answer = f"Answer: {said_number(q)}."
        # one step a line, "| ..." lines as a table; what the picture shows only when the picture is drawn
        why = " <i>Why:</i> " + why_html(quiz.explained(q, picture=bool(picture)))
        wrong = "".join(f"<li>{_html.escape(line)}</li>" for line in misconceptions(qid))
    said = answer + " " + _html.unescape(re.sub(r"<[^>]+>", " ", why + wrong))
    first = qid in PICTURE_FIRST and picture   # p81 (r78 Picture first): the picture, then its few words
    return (_source_line(q, learner) + key_words(used_glosses(glosses(q, learner, "key"), said))
            + f"<b>{_html.escape(answer)}</b>" + (picture + "<br>" if first else "") + why
            + (WHY_NOT.format(wrong) if isinstance(q, quiz.Choice) else WRONG_NUMBERS.format(wrong) if wrong else "")
            + ("" if first else picture))


# Keys whose picture says the why at a glance: it comes right after the answer, before the words (Q11's number line
# of the four scores shows the equal totals the why then states)
# p83 (r81 Picture first): the keys that open "In the picture, ..." show it first too
# p89 (r89 Picture first): Q4's, Q14's and Q20's too
PICTURE_FIRST = ("xor_no_bend_chance", "sigmoid_slope_0", "tanh_slope_3_about", "softmax_activation", "selu_steady",
                 "collapse_formula", "tanh_vs_sigmoid", "chain_sigmoid_10",
                 "loss_at_ln2",   # p93 (r94 Picture first): Q6's loss curve before its −ln formula
                 # p117 (r116 Picture first): every other key whose words the picture says; each why opens on it
                 "relu_flat_side", "bias_role", "gelu_dip", "why_sigmoid_stalled", "quiet_sooner", "gelu_slope_sign",
                 "leaky_alive", "lstm_gates", "multiclass_output", "tanh_in_rnns", "gelu_peak_slope", "deepest_dip",
                 "unit_steps")


WHY_NOT = "<details><summary>Why the other letters are wrong</summary><ul>{}</ul></details>"
# p86 (r85 Clarity: Q11's open key was a wall): a typed number's common wrong answers fold away too, as letters' do
WRONG_NUMBERS = "<details><summary>Common wrong answers</summary><ul>{}</ul></details>"


def key_fold_html(qid, number, learner, pictures=True):
    """One question's answer and why, folded, right under the question (built from the bank: it cannot drift)."""
    # p80 (code review): every key now holds a why (a lettered one, each wrong letter's why too, p78)
    return (f"<details><summary>Q{number}: the answer and why (open after you answer)</summary>"
            f"<div style='margin:4px 0 0 18px'>{_key_line(qid, number, learner, pictures)}</div></details>")


def answer_key_html(chapter, learner, pictures=True):
    """The folds of one round's questions ('mixed' or a chapter's rest), one per question, in the order shown."""
    return "".join(key_fold_html(qid, learner.numbers[qid], learner, pictures) for qid in learner.rounds[chapter])


# ---------------------------------------------------------------- sketch from memory, with a timer
def _dead_spans(name, reach=5.0):
    left, right = quiet_zones(name)
    spans = []
    if left is not None:
        spans.append((-reach, left))
    if right is not None:
        spans.append((right, reach))
    return spans


EDGE_TOLERANCE = 0.5


def _n(value, digits):
    """A number as the page writes it: fixed digits and a true minus sign ('−2.99'), never '-0.0'."""
    text = f"{value:.{digits}f}"
    if float(text) == 0:
        text = f"{0:.{digits}f}"
    return text.replace("-", "−")


def left_said(guess):
    """The learner's left zone in words: 'x below −3.0', or 'none' (its tick box ticked)."""
    return NONE if guess == NONE else f"x below {_n(guess, 1)}"


def check_dead_edge(name, guess, tolerance=EDGE_TOLERANCE):
    """(close enough?, message) for the learner's left near-flat zone (an edge, NONE: the tick box, None: not set)
    against the true left edge."""
    left = quiet_zones(name)[0]
    truth = "none: its left side never turns near-flat" if left is None else f"x below {_n(left, 2)}"
    if guess is None:
        return False, f"Your left near-flat zone: not set. The true one: {truth}."
    if guess == NONE or left is None:
        ok = guess == NONE and left is None
        word = "right" if ok else "off"
    else:
        ok = abs(guess - left) <= tolerance
        word = "close" if ok else "off by more than " + format(tolerance, "g")
    return ok, f"Your left near-flat zone: {left_said(guess)}. The true one: {truth} ({word})."


def right_said(guess):
    """The learner's right zone in words: 'x above 3.0', or 'none' (its tick box ticked)."""
    return NONE if guess == NONE else f"x above {_n(guess, 1)}"


def check_right_edge(name, guess, tolerance=EDGE_TOLERANCE):
    """(right?, message) for the learner's right-hand near-flat zone (an edge, NONE: the tick box, None: not set)
    against the truth."""
    right = quiet_zones(name)[1]
    truth = "none: its right side never turns near-flat" if right is None else f"x above {_n(right, 2)}"
    if guess is None:
        return False, f"Your right near-flat zone: not set. The true one: {truth}."
    if guess == NONE or right is None:
        ok = guess == NONE and right is None
    else:
        ok = abs(guess - right) <= tolerance
    word = ("close" if right is not None else "right") if ok else "off"
    return ok, f"Your right near-flat zone: {right_said(guess)}. The true one: {truth} ({word})."


MISS_SHOWN = 0.05   # a gap this small is no miss worth a sentence


def biggest_miss(name, xs, ys):
    """One sentence on the learner's biggest miss among the slopes set (r36 reader): where, theirs, the truth, and
    'near-flat there' when the true slope's size is under the near-flat rule. '' when no gap is over MISS_SHOWN."""
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    if not len(xs):
        return ""
    truth = np.asarray(activations.get(name).derivative(xs), dtype=float)
    k = int(np.argmax(np.abs(ys - truth)))
    if abs(ys[k] - truth[k]) <= MISS_SHOWN:
        return ""
    word = activations.get(name).label if name in ("relu", "gelu") else name   # "sigmoid", "tanh" mid-sentence
    flat = f": {word} is near-flat there" if abs(truth[k]) < QUIET else ""
    return (f"Biggest miss: your {word} slope at {_minus(f'{xs[k]:g}')} is {_n(ys[k], 2)}; the true slope is "
            f"{_minus(f'{truth[k]:.2g}')}{flat}.")


# p80 (r77 Picture): the first frame is the bend's own labelled axes and one line of what goes there (r56: not empty
# axes), no longer a grey straight line's slope that is none of the four bends
BLANK_SAID = "Your five dots go here. Set them for the bend chosen above."   # r79: a bend is already chosen
# p111 (r114 Interaction, Focus): what a page with no Python lacks, said once and plainly, and what to do instead
SLOPES_FOLD = "All four slopes in one picture"   # the notebook's fold under the sketch, the offline page's Compare
SKETCH_OFFLINE = f"Step 3 on this page: open “{SLOPES_FOLD}” below to compare."   # p117 (r116: no button promised by step 3 and then denied)   # p116 (r115)
PROGRESS_OFFLINE = "These bars fill in as you answer, but only while the notebook runs."
TIMER_LABEL = "4-minute timer:"   # a visible Label before the Play control: ipywidgets' Play view shows no description
TIMER_WAITING = "press ▶ after “4-minute timer” to start"   # said in the clock line, so the control and the words meet


# p84 (r83 Focus): how to set each control sat in five bullets above the widget; each control now says it as its
# tooltip (point at it). The worked edges (−2, 2) are no bend's true edges: they give no zone away (tested).
SKETCH_PICK = "bend to sketch"
SKETCH_HINTS = {"slope": "Your sketch's slope at this x.",
                "dead_edge": "Zone from far left to −2? Set −2.",
                "right_edge": "Zone from 2 to far right? Set 2.",
                "none": "Tick if your sketch has no near-flat zone on this side."}


@plots.styled
def sketch_from_memory(learner=None):
    """Pick a bend, sketch its slope at five points from memory (4-minute timer), then compare with the truth."""
    learner = learner if learner is not None else Learner(review.Store(None))
    names = ("relu", "sigmoid", "tanh", "gelu")
    # p100 (r102 Interaction): named, so the offline form says "bend to sketch", not "control 8"; step 1 uses the name
    pick = widgets.ToggleButtons(options=[(activations.get(n).label, n) for n in names], value="relu",
                                 description=SKETCH_PICK, style={"description_width": "initial"})
    xs = np.asarray(quiz.SKETCH_XS)
    grid = np.linspace(-5, 5, 501)
    live = LiveFigure(620, 360)
    ax = live.axes[0]
    lo, hi = SLOPE_RANGE   # the y axis spans what the sliders can set, no more: no empty room for bigger slopes
    ax.set(xlim=(-EDGE_REACH, EDGE_REACH), ylim=(lo - 0.05, hi + 0.05), xlabel="x", ylabel="slope", yticks=np.arange(lo, hi + 0.01, 0.25))
    ax.axhline(0, color="black", lw=0.8)
    # the grey line at slope 1, named; drawn only after Compare, so it hints no answer before the sketch
    one = [live.moving(ax.axhline(1, color=NEUTRAL, lw=0.8, ls="--")),
           live.moving(ax.text(4.9, 1.03, "slope 1", color=NEUTRAL, fontsize=9, ha="right", va="bottom"))]
    truth = live.moving(ax.plot([], [], lw=2.4, label="true slope")[0])
    dead = [live.moving(ax.axvspan(-5, -5, color=BAD, alpha=0.15, lw=0)) for _ in range(2)]
    mine = live.moving(ax.plot([], [], "o--", color="black", ms=7, lw=1, label="your slopes")[0])
    blank = live.moving(ax.text(0, 0.5, BLANK_SAID, color="#555555", fontsize=11, ha="center", va="center"))
    my_edge = live.moving(ax.axvline(-5.0, color="black", lw=1.6, ls=":",
                                      label="your zones: beyond these lines"))
    my_right = live.moving(ax.axvline(RIGHT_START, color="black", lw=1.6, ls=":"))
    right_none = live.moving(ax.text(4.9, -0.27, "your right zone: none", fontsize=9, ha="right", va="bottom"))
    left_none = live.moving(ax.text(-4.9, -0.27, "your left zone: none", fontsize=9, ha="left", va="bottom"))
    dead_key = ax.fill_between([], [], color=BAD, alpha=0.15, lw=0, label=DEAD_LABEL)   # legend key for the spans
    legend = {"artist": None, "handles": None}
    slopes = {f"{x:g}": slider(f"slope at x = {x:g}", SLOPE_START, lo, hi, SLOPE_STEP) for x in xs}
    # p77 (r74 Clarity): each zone slider says plainly which x it sets
    edge = slider("x where my left near-flat zone stops", EDGE_START, -EDGE_REACH, 0.0, 0.1, fmt=".1f")
    right_edge = slider("x where my right near-flat zone starts", RIGHT_START, 0.0, EDGE_REACH, 0.1, fmt=".1f")
    sliders = {**slopes, "dead_edge": edge, "right_edge": right_edge}
    labels = {key: s.description for key, s in sliders.items()}   # each slider's name once it is set
    for key, s in sliders.items():   # no number shown until the learner moves it: an unmoved slider holds no answer yet
        s.readout = False
        s.description = labels[key] + UNSET_MARK
        s.tooltip = SKETCH_HINTS.get(key, SKETCH_HINTS["slope"])
    nones = {"dead_edge": widgets.Checkbox(False, description="no near-flat zone on the left", indent=False,
                                           tooltip=SKETCH_HINTS["none"]),
             "right_edge": widgets.Checkbox(False, description="no near-flat zone on the right", indent=False,
                                            tooltip=SKETCH_HINTS["none"])}
    play = widgets.Play(value=0, min=0, max=TIMER_SECONDS, step=1, interval=1000, show_repeat=False)
    timer_label = widgets.Label(TIMER_LABEL)
    clock = widgets.HTML()
    button = widgets.Button(description="Compare", button_style="primary")
    readout, feedback = widgets.HTML(), widgets.HTML()
    state = {"shown": False, "set": set()}   # "set": the sliders the learner has moved since the bend was picked

    def draw_truth():
        name = pick.value
        slope = np.asarray(activations.get(name).derivative(grid), dtype=float)
        if name == "relu":   # a jump at 0, not a wall: the two pieces are not joined
            slope = np.where(grid == 0, np.nan, slope)
        truth.set_data(grid, slope)
        truth.set_color(plots.color(name))
        truth.set_visible(state["shown"])
        for artist in one:
            artist.set_visible(state["shown"])
        label = activations.get(name).label
        ax.set_title(f"{label}: your slopes vs the true slope" if state["shown"]
                     else f"{label}: your slopes (press Compare for the true slope)" if state["set"]
                     else f"{label}: move a slider to start.", fontsize=11)
        live.invalidate()   # the title is part of the cached background
        draw_legend()
        spans = _dead_spans(name)
        for patch, (a, b) in zip(dead, spans + [(-5.0, -5.0)] * (2 - len(spans))):
            patch.set_x(a)
            patch.set_width(b - a)
            patch.set_visible(state["shown"])

    def draw_legend():
        """The legend names only what is drawn: your slopes and lines once set, the truth after Compare."""
        handles = ([mine] if has_set() else []) \
            + ([my_edge] if my_edge.get_visible() or my_right.get_visible() else []) \
            + ([truth, dead_key] if state["shown"] else [])
        if legend["artist"] is not None and legend["handles"] == handles:
            return
        if legend["artist"] is not None:
            legend["artist"].remove()
        legend["artist"] = ax.legend(handles=handles, **SKETCH_LEGEND)   # under the axes: it hides no slope
        legend["artist"].set_visible(bool(handles))   # nothing drawn yet: no empty legend box either
        legend["handles"] = handles
        live.invalidate()   # the legend changed: the cached background is stale

    def set_slopes():
        return [k for k in slopes if k in state["set"]]

    def has_set():
        return bool(set_slopes())

    def ys():
        return np.array([s.value for s in slopes.values()])

    def zone(key):
        """The learner's answer for one side: None (not set), NONE (its tick box ticked) or the slider's edge."""
        return None if key not in state["set"] else NONE if nones[key].value else sliders[key].value

    def redraw():
        done = np.array([k in state["set"] for k in slopes])
        mine.set_data(xs[done], ys()[done])
        mine.set_visible(done.any())
        blank.set_visible(not state["set"] and not state["shown"])
        my_edge.set_xdata([edge.value, edge.value])
        my_edge.set_visible(zone("dead_edge") not in (None, NONE))
        left_none.set_visible(zone("dead_edge") == NONE)
        my_right.set_xdata([right_edge.value, right_edge.value])
        my_right.set_visible(zone("right_edge") not in (None, NONE))
        right_none.set_visible(zone("right_edge") == NONE)
        for key, box in nones.items():   # a ticked box greys out its slider: one answer per side
            sliders[key].disabled = box.value
        draw_legend()
        said = lambda key, text: text if key in state["set"] else UNSET_SAID
        left, right = zone("dead_edge"), zone("right_edge")
        readout.value = ("your slopes: " + ", ".join(said(k, _n(s.value, 2)) for k, s in slopes.items())
                         + f"; your near-flat zones: left {'not set' if left is None else left_said(left)}, "
                         + f"right {'not set' if right is None else right_said(right)}")
        live.render()

    def tick(_=None):
        left = TIMER_SECONDS - play.value
        clock.value = (f"<b>{left // 60}:{left % 60:02d}</b> left to sketch on paper"
                       + (f": {TIMER_WAITING}" if play.value == 0 else "") if left else "<b>Time is up.</b>")
        if left == 0 and not state["shown"]:
            compare()

    def compare(_=None):
        state["shown"] = True
        spans = _dead_spans(pick.value)
        where = " and ".join(f"x from {_n(a, 1)} to {_n(b, 1)}" for a, b in spans) or "none on this axis"
        ok, edge_msg = check_dead_edge(pick.value, zone("dead_edge"))
        ok_right, right_msg = check_right_edge(pick.value, zone("right_edge"))
        if has_set():   # a gap for the slopes set, only: an unmoved slider is no answer (ReLU's left 0s are not
            # right before the learner acts: r35 reader); the text says how many were left out
            # right before the learner acts: r35 reader); stars only for a whole sketch, so one slope is no "excellent"
            done = np.array([k in state["set"] for k in slopes])
            q = quiz.get(f"sketch_{pick.value}")
            fb = quiz.sketch_feedback(replace(q, xs=tuple(xs[done])), ys()[done])
            left_out = len(slopes) - len(set_slopes())
            if left_out:
                gap = fb.message.split(". ")[0].replace("slope:", f"slope, on the {done.sum()} you set:")
                fb = quiz.Feedback(False, 0.0, f"{gap}. {left_out} of {len(slopes)} slopes not set: set all "
                                   f"{len(slopes)} for stars.", 0)
            score = " ".join(filter(None, (fb.message, biggest_miss(pick.value, xs[done], ys()[done]))))
            learner.results[f"sketch_{pick.value}"] = fb
        else:
            fb, score = None, "No slopes set, so no score: compare the true slope with your paper sketch."
        feedback.value = _box(f"{score} Shaded: the near-flat zone, where the slope stays between −{QUIET:g} and {QUIET:g} ({where}). "
                              f"{edge_msg} {right_msg}{untouched_said()}", GOOD if fb is not None and fb.correct and ok and ok_right
                              else BAD)
        draw_truth()
        redraw()

    def untouched_said():
        """' Never moved: slope at x = 3, right zone.' for the controls never moved (r38: an untouched slider looked
        like an answer); '' once all are set."""
        names = {**{k: _minus(labels[k]) for k in slopes}, "dead_edge": "left zone",
                 "right_edge": "right zone"}
        left = [names[k] for k in sliders if k not in state["set"]]
        return f" {UNTOUCHED}: {', '.join(left)}." if left else ""

    def moved(key):
        first = not state["set"]
        state["set"].add(key)
        if first:   # the start's title gives way to the bend's
            draw_truth()
        sliders[key].readout = True
        sliders[key].description = labels[key]
        redraw()

    def new_bend(_=None):
        state["shown"] = False
        for key, s in sliders.items():   # back to the neutral start: no slider keeps the last bend's answer
            s.value = {"dead_edge": EDGE_START, "right_edge": RIGHT_START}.get(key, SLOPE_START)
        for box in nones.values():
            box.value = False
        state["set"].clear()
        for key, s in sliders.items():
            s.readout = False
            s.description = labels[key] + UNSET_MARK
        feedback.value = ""
        play.value = 0
        draw_truth()
        live.invalidate()
        redraw()

    for key, s in sliders.items():   # the five slopes and the two zone edges
        s.observe(lambda _c, key=key: moved(key), names="value")
    for key, box in nones.items():   # ticking (or unticking) a box answers that side too
        box.observe(lambda _c, key=key: moved(key), names="value")
    pick.observe(new_bend, names="value")
    play.observe(tick, names="value")
    button.on_click(compare)
    # Lay the figure out once with every legend entry, so the room under the axes fits the longest legend; the layout
    # then stays frozen (LiveFigure) and the axes never jump as entries come and go.
    full = ax.legend(handles=[mine, my_edge, truth, dead_key], **SKETCH_LEGEND)
    ax.set_title("Sigmoid: your slopes (press Compare for the true slope)", fontsize=11)   # the room a title takes
    live.canvas.draw()
    live.figure.set_layout_engine("none")
    full.remove()
    draw_truth()
    tick()
    redraw()
    rows = [*slopes.values(), widgets.HBox([edge, nones["dead_edge"]]), widgets.HBox([right_edge, nones["right_edge"]])]
    return LiveWidget([pick, widgets.HBox([timer_label, play, clock]), *rows, button, feedback, readout, live.image], live,
                      "Sketch from memory: pick a bend, set the slopes, Compare (static picture below)",
                      offline_note=SKETCH_OFFLINE, sliders=sliders, readout=readout, pick=pick, play=play, timer_label=timer_label, clock=clock, button=button,
                      feedback=feedback, slope_one=one, lines={"truth": truth, "mine": mine, "edge": my_edge,
                                                "right": my_right}, right_none=right_none, left_none=left_none, blank=blank,
                      dead=dead, state=state,
                      nones=nones,
                      legend=legend)


# ---------------------------------------------------------------- review and progress
NOTHING_YET = "Nothing to review yet: the review starts after your first answer."


# p89 (r89 Interaction): the review's check counts the learner's right first answers to today's cards itself
REVIEW_CHECK = "<details><summary>Check your prediction</summary>{}</details>"
# p93 (r94 Interaction): how to rerun a cell, said where the learner needs it
# p96 (r97 Interaction): a button refreshes the review in place; no Shift+Enter needed
REFRESH = "Refresh the review"
NO_CARDS = ("Nothing to count yet: no cards are due. Answer questions above. "
            f"Then press {REFRESH} above.")
NO_ANSWERS = "No answers yet. Answer today's cards above, and your count shows here."


def review_count(due, first_tries, numbers, guessed=None):
    """What the review's check says: no cards due, no answers yet, or the tally of right first answers."""
    if not due:
        return NO_CARDS
    if not first_tries:
        return NO_ANSWERS
    return tally_text(guessed, first_tries, numbers, len(due))


def review_cell(learner, limit=5):
    """Re-ask what is due: missed questions first, then unseen ones, then those whose wait is over. Under the cards,
    a folded check counts the right first answers to them, against the learner's predicted count. The refresh
    button (p96, r97 Interaction) picks today's cards again, from the latest answers, in the same box."""
    refresh = widgets.Button(description=REFRESH, icon="refresh", layout=widgets.Layout(width="auto"),
                             tooltip="Pick today's cards again, from your latest answers")
    box = QuizBox([], "", "", refresh=refresh)
    current = {"update": lambda: None}
    learner.listen(lambda: current["update"]())   # one listener; it serves whichever cards are shown now

    def fill(_button=None):
        learner.store = review.Store(learner.store.path, learner.store.now) if learner.store.path else learner.store
        note = learner.store.message if "could not be read" in learner.store.message else ""
        due = learner.store.due(limit) if learner.store.answers else []   # nothing answered: nothing to re-ask yet
        items = [_widget(qid, learner.numbers[qid], learner) for qid in due]
        numbers = {qid: learner.numbers[qid] for qid in due}
        head = widgets.HTML((_box(note, BAD) if note else "") + ("" if due else _box(NOTHING_YET, NEUTRAL)))
        guess = widgets.Text(value="", placeholder=f"0 to {len(due)}", description="I predict:",
                             style={"description_width": "initial"}, layout=widgets.Layout(width="200px"))
        check, first_tries = widgets.HTML(), {}

        def update():   # a card's first answer in this review: the one its own widget recorded first
            for item in items:
                if item.answered and item.question.id not in first_tries:
                    first_tries[item.question.id] = learner.results[item.question.id]
            said = review_count(due, first_tries, numbers, predicted(guess.value, len(due)))
            check.value = REVIEW_CHECK.format(_box(said, NEUTRAL))

        update()
        current["update"] = update
        guess.observe(lambda _c: update(), names="value")
        text = (f"Review: {len(due)} question{'s' if len(due) != 1 else ''} due now" if due else f"Review: {NOTHING_YET}") \
            + (" (progress file reset)" if note else "")
        box.summary = text
        box.static_html = head.value + "".join(f"<div style='margin:0 0 8px'>{w.static_html}</div>" for w in items) \
            + check.value
        box.items, box.due, box.note, box.guess, box.check, box.first_tries = items, due, head, guess, check, first_tries
        box.children = [head, refresh, *([guess] if due else []), *items, check]

    refresh.on_click(fill)
    fill()
    return box


def _progress_rows(learner):
    """(chapter, on track, answered, missed, total) per chapter: missed (box 1) is part of answered."""
    missed = learner.store.missed()
    return [(ch, done, seen, missed[ch], total) for ch, (done, seen, total) in learner.store.mastery().items()]


PROGRESS_LABELS = ("on track (box 3 or higher)", "right, not yet on track (box 2)", "missed (box 1)")
PROGRESS_SUMMARY = ("Progress per chapter: on track (green), right but not yet on track (grey, hatched), missed (orange, "
                    "cross-hatched)")


@plots.styled
def progress_view(learner):
    """Per chapter 00-06, a bar: on track (green, solid), right but not yet on track (grey, hatched), missed (orange,
    cross-hatched), on a dotted track to all: where the misses are shows at a glance."""
    rows = _progress_rows(learner)
    live = LiveFigure(620, 290)
    ax = live.axes[0]
    ys = np.arange(len(rows))[::-1]
    ax.hlines(ys, 0, 1, colors=NEUTRAL, lw=1, linestyles=":")   # an empty track, not an outline that reads as full
    ax.axvline(1, color=NEUTRAL, lw=0.6)                       # the chapter's end: "all"
    done = [live.moving(r) for r in ax.barh(ys, [0.0] * len(rows), height=0.6, color=GOOD, label=PROGRESS_LABELS[0])]
    # pass 34: solid grey and solid orange, each with a white hatch: the colour the text names, and a pattern too
    seen = [live.moving(r) for r in ax.barh(ys, [0.0] * len(rows), height=0.6, facecolor=NEUTRAL,
                                            hatch="///", edgecolor="white", lw=0, label=PROGRESS_LABELS[1])]
    miss = [live.moving(r) for r in ax.barh(ys, [0.0] * len(rows), height=0.6, facecolor=BAD, hatch="xxx",
                                            edgecolor="white", lw=0, label=PROGRESS_LABELS[2])]
    counts = [live.moving(ax.text(1.02, y, "", va="center", fontsize=9)) for y in ys]
    ax.set(xlim=(0, 1.7), ylim=(-0.6, len(rows) - 0.2), xticks=[0, 0.5, 1], xticklabels=["0", "half", "all"],
           yticks=ys, yticklabels=[f"chapter {ch}" for ch, *_ in rows], xlabel="share of the chapter's questions")
    ax.spines[["top", "right"]].set_visible(False)
    # big swatches, drawn like the bars (same fill, hatch and colour), so the cross-hatch reads as one at a glance
    ax.legend(handles=[Patch(facecolor=GOOD, lw=0, label=PROGRESS_LABELS[0]),
                       Patch(facecolor=NEUTRAL, hatch="///", edgecolor="white", lw=0, label=PROGRESS_LABELS[1]),
                       Patch(facecolor=BAD, hatch="xxx", edgecolor="white", lw=0, label=PROGRESS_LABELS[2])],
              loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, fontsize=9, frameon=False,
              handlelength=4.0, handleheight=2.0)
    out = widgets.HTML()

    def update():
        texts = []
        for (ch, d, n_seen, n_miss, total), r_done, r_seen, r_miss, label in zip(_progress_rows(learner), done, seen,
                                                                                 miss, counts):
            r_done.set_width(d / total)                 # green, then grey (right, waiting), then orange (missed)
            r_seen.set_x(d / total)
            r_seen.set_width((n_seen - n_miss - d) / total)
            r_miss.set_x((n_seen - n_miss) / total)
            r_miss.set_width(n_miss / total)
            said = f"{d} of {total} on track, {n_seen} answered, {n_miss} missed"
            label.set_text(said)
            texts.append(f"chapter {ch}: {said}")
        out.value = "<br>".join(texts)
        live.render()

    learner.listen(update)
    update()
    return LiveWidget([live.image], live, PROGRESS_SUMMARY, offline_note=PROGRESS_OFFLINE, readout=out, html=out, done=done, seen=seen, missed=miss)



# ---------------------------------------------------------------- the review's boxes, drawn from the engine's waits
LEITNER_SIZE = (720, 280)
NEW_X = -0.2   # where a new card stands, left of box 1
NEW_LOW, NEW_RIGHT_X = -1.08, 1.78   # its "right" path: under box 1's wait, then up into box 2, left of its wait


WRONG_RISE = 0.13   # how much higher each farther box's dashed "wrong" arrow runs (in x units; matplotlib's bar)
BOX_W = 0.56      # a box's width: the gaps between boxes hold each green arrow and its "right" label (p74, r71)


def wrong_end_x(k):
    """Where box k's dashed "wrong" arrow lands on box 1's top: the farther box, the farther left, so the four arrows
    nest and never cross (p74, r71 Picture: one arrow from each box, not stubs up to one arc)."""
    return 1 + BOX_W / 2 - 0.07 - (k - 2) * (BOX_W - 0.14) / (review.BOXES - 2)


def wait_words(days):
    """A box's wait as said: 0 -> 'at once', 1 -> '1 day', 7 -> '1 week', 14 -> '2 weeks', else 'n days'."""
    if days == 0:
        return "at once"
    if days % 7 == 0:
        return f"{days // 7} week{'s' if days > 7 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"


# r42: the store's 24 hours, not "tomorrow"; r52: two short notes, the "stays" rule is drawn once for every box
BOX_1_LABEL = f"back today;\nwaits {wait_words(review.MISSED_DAYS)}\nto move up"
STAYS_LABEL = "right, before its wait is over → stays in its box"
RIGHT_WORD = "right"   # on each green arrow: right (after its wait) moves a card up one box
WRONG_LABEL = "wrong, from any box → back to box 1 (dashed)"
LAST_BOX_NOTE = "right: stays"   # box 5 has no box above it


def box_wait(k):
    """The label under box k: box 1 (no wait to come back) says its whole path in order (r41 reader: when does a missed
    card come back?): back in today's review, right within 1 day stays, right after 1 day moves up; the others 'waits\n1 day'
    and so on: a right answer moves a card up one box once its wait is over."""
    days = review.DAYS[k]
    if days == 0:
        return BOX_1_LABEL
    return f"waits\n{wait_words(days)}" + (f";\n{LAST_BOX_NOTE}" if k == review.BOXES else "")


def leitner_alt():
    """The diagram in words, from the same waits it draws."""
    waits = ", ".join(f"{wait_words(d)} in box {k}" for k, d in sorted(review.DAYS.items()) if d)
    return (f"A new card, then {review.BOXES} boxes in a row. The first answer to a new card puts it in box 2 if right, "
            f"box 1 if wrong. A right answer moves a card up one box once its wait is over. "
            f"If you answer it right before its wait is over, it stays in its box. "
            f"Wrong sends it back to box 1. "
            f"Box 1's label: {BOX_1_LABEL.replace(chr(10), ' ')}. A right answer within "
            f"{wait_words(review.MISSED_DAYS)} of the miss keeps it in box 1: you had just read its key, so that is "
            f"rereading, not recall. Waits: {waits}. In box {review.BOXES}, right keeps a card there.")


@plots.styled
def leitner_boxes():
    """Five boxes left to right; a green arrow between neighbours, "right" next to each (up one box), a dashed red
    arrow from each of boxes 2 to 5 back to box 1 (wrong), each box's wait (review.DAYS) written under it."""
    fig, ax = plots.new_figure(*LEITNER_SIZE)
    w, h = BOX_W, 0.55
    for k in range(1, review.BOXES + 1):
        ax.add_patch(FancyBboxPatch((k - w / 2, 0), w, h, boxstyle="round,pad=0.02",
                                                       facecolor="white", edgecolor="black", lw=1.4))
        ax.text(k, h / 2, f"box {k}", ha="center", va="center", fontsize=11, fontweight="bold")
        ax.text(k, -0.06, box_wait(k), ha="center", va="top", fontsize=10 if review.DAYS[k] else 11,
                linespacing=1.05)   # box 1's, the key rule: larger, in three short lines
    for k in range(1, review.BOXES):   # right: up one box; the word sits on its arrow, in the gap
        ax.annotate("", (k + 1 - w / 2, h * 0.35), (k + w / 2, h * 0.35),
                    arrowprops=dict(arrowstyle="-|>", color=GOOD, lw=2.2, shrinkA=0, shrinkB=0))
        ax.text(k + 0.5, h * 0.35 + 0.05, RIGHT_WORD, ha="center", va="bottom", fontsize=9, color=GOOD)
    for k in range(2, review.BOXES + 1):   # wrong, from any box: its own arrow back to box 1
        ax.annotate("", (wrong_end_x(k), h + 0.03), (k, h + 0.03),
                    arrowprops=dict(arrowstyle="-|>", color=BAD, lw=2, ls="--", shrinkA=0, shrinkB=0,
                                    connectionstyle=f"bar,fraction={WRONG_RISE * (k - 1) / (k - wrong_end_x(k))}"))
    mid = (1 + review.BOXES) / 2
    ax.text(mid, h + 0.82, WRONG_LABEL, ha="center", va="bottom", fontsize=10, color=BAD)   # over the outer arrow
    ax.text(review.BOXES - 0.9, NEW_LOW - 0.06, STAYS_LABEL, ha="center", va="center", fontsize=10, color=GOOD)
    # a new card, left of box 1: a wrong first answer puts it in box 1 (dashed), a right one in box 2 (solid, under)
    ax.text(NEW_X, h / 2, "new\ncard", ha="center", va="center", fontsize=10, fontweight="bold",
            bbox=dict(boxstyle="round,pad=0.3", facecolor="white", edgecolor="black", ls=":", lw=1.2))
    ax.annotate("", (1 - w / 2, h * 0.75), (NEW_X + 0.3, h * 0.75),
                arrowprops=dict(arrowstyle="-|>", color=BAD, lw=2, ls="--", shrinkA=0, shrinkB=0))
    ax.text((NEW_X + 1) / 2 - 0.05, h * 0.75 + 0.06, "wrong", ha="center", va="bottom", fontsize=9, color=BAD)
    ax.plot([NEW_X, NEW_X, NEW_RIGHT_X], [h / 2 - 0.25, NEW_LOW, NEW_LOW], color=GOOD, lw=2)   # under box 1's wait
    ax.annotate("", (NEW_RIGHT_X, -0.01), (NEW_RIGHT_X, NEW_LOW),
                arrowprops=dict(arrowstyle="-|>", color=GOOD, lw=2, shrinkA=0, shrinkB=0))
    ax.text((NEW_X + 1) / 2, NEW_LOW - 0.04, "right", ha="center", va="top", fontsize=9, color=GOOD)
    ax.set(xlim=(NEW_X - 0.45, review.BOXES + 0.5), ylim=(-1.4, h + 1.2))
    ax.axis("off")
    return fig


# ---------------------------------------------------------------- the picture to compare a sketch with
SKETCHED = ("relu", "sigmoid", "tanh", "gelu")
REACH = EDGE_REACH   # p82 (r80 Picture): the reference picture spans the sketch's x range, −5 to 5
BEND_LOOK = dict(color=NEUTRAL, lw=1.2, ls="--", zorder=1)   # p82 (r80): grey, under the slope (GELU's met it near −1)
AT_ZERO_SIZE = 10   # points: "at x = 0 we take slope 0" (r80: 8 was too small to read)
REFERENCE_Y = (-1.1, 1.5)   # one y range for all four panels: sigmoid's peak 0.25 against tanh's 1, at a glance
OFF_TOP_LABEL = "the bend goes on up"


@plots.styled
def reference_slopes():
    """The four bends (thin, grey, dashed) and their slopes (thick, in the bend's colour), x from −5 to 5 as on the
    sketch, near-flat zones shaded: to compare a sketch with.
    All four panels share one y range (REFERENCE_Y), so the peaks compare at a glance; each is marked in its panel.
    ReLU's slope jumps at 0: two pieces, a filled dot at its value at 0 (said in words) and an open dot where the other
    piece ends."""
    fig, axes = plots.new_figure(760, 420, 2, 2, sharex=True, sharey=True)
    grid = np.linspace(-REACH, REACH, 601)
    for ax, name in zip(axes.flat, SKETCHED):
        act = activations.get(name)
        ax.axhline(0, color="black", lw=0.6)
        ax.axvline(0, color=NEUTRAL, lw=0.6, ls=":")
        for a, b in _dead_spans(name, REACH):
            ax.axvspan(a, b, color=BAD, alpha=0.15, lw=0)
        bend = np.asarray(plots.finite(act(grid)), dtype=float)
        ax.plot(grid, bend, label="the bend", **BEND_LOOK)
        top = np.flatnonzero(bend > REFERENCE_Y[1])   # r37 reader: ReLU's and GELU's bends leave the top (x ≈ 1.5)
        if len(top):   # mark where, so the learner sees it climbs on (one shared y range keeps the slopes readable)
            ax.plot([grid[top[0]]], [REFERENCE_Y[1]], "^", color=NEUTRAL, ms=6, zorder=3, clip_on=False,
                    label=OFF_TOP_LABEL)   # on the top edge, where the bend leaves
        slope = np.asarray(act.derivative(grid), dtype=float)
        if name == "relu":   # a jump, not a wall: no line joins the two pieces
            at0 = float(act.derivative(0.0))
            ends = {float(act.derivative(-1e-9)), float(act.derivative(1e-9))} - {at0}
            slope = np.where(grid == 0, np.nan, slope)
            ax.plot([0], [at0], "o", color=plots.color(name), ms=6, zorder=3)
            ax.plot([0] * len(ends), sorted(ends), "o", mfc="white", mec=plots.color(name), mew=1.6, ms=6, zorder=3)
            ax.annotate(f"at x = 0 we take slope {at0:g}", (0, at0), xytext=(30, -18), textcoords="offset points",
                        fontsize=AT_ZERO_SIZE, ha="center")   # centred a little right of the dot: inside the panel   # the filled dot, said: which of the two pieces x = 0 belongs to
        ax.plot(grid, slope, color=plots.color(name), lw=2.4, label="its slope", zorder=2)
        k = int(np.nanargmax(slope))
        ax.annotate(f"peak slope {slope[k]:.3g}", (grid[k], slope[k]), xytext=(8, 4), textcoords="offset points",
                    fontsize=9)
        ax.set_title(act.label, fontsize=11)
        ax.set(xlim=(-REACH, REACH), ylim=REFERENCE_Y)
    axes[0, 0].fill_between([], [], color=BAD, alpha=0.15, lw=0, label=DEAD_LABEL)
    fig.legend(*axes[0, 0].get_legend_handles_labels(), loc="outside upper center", ncols=4, fontsize=9, frameon=False)
    for ax in axes[1]:
        ax.set_xlabel("x")
    for ax in axes[:, 0]:   # one y scale for all four panels, named once per row
        ax.set_ylabel("value / slope")
    return fig


def reference_alt():
    """The alt text of the folded reference picture (p82, r80: it says the numbers the fold's text relies on): the x
    range, each panel's peak slope as labelled, and each near-flat zone, from the same sources the picture reads."""
    grid = np.linspace(-REACH, REACH, 601)
    peaks = ", ".join(f"{activations.get(n).label} {float(np.nanmax(activations.get(n).derivative(grid))):.3g}"
                      for n in SKETCHED)

    def zone(name):
        left, right = quiet_zones(name)
        if left is not None and right is not None and left == -right:
            return f"beyond ±{right:.1f}"
        return " and ".join(f"{side} of {'' if float(edge).is_integer() else 'about '}{edge:.0f}".replace("-", "−")
                            for side, edge in (("left", left), ("right", right)) if edge is not None)   # ReLU 0, GELU ≈ −3

    zones = ", ".join(f"{activations.get(n).label} {zone(n)}" for n in SKETCHED)
    return (f"Four panels on one y scale, x from −{REACH:g} to {REACH:g}. In each, the bend (grey, dashed) and its "
            f"slope (thick). Peak slopes: {peaks}. Near-flat zones, shaded: {zones}. ReLU's and GELU's bends go on "
            "up past the top (a triangle marks where).")
