"""Pictures, tables and the live race of the training race (notebook 05)."""

import functools
import html
import io
import math

import ipywidgets as widgets
import numpy as np
from matplotlib import ticker

from course_utils.engine import mlp, race, zigzag
from course_utils.facts import activations, data
from course_utils.ui import ch02_four_bends, plots, tables
from course_utils.ui.display import figure_alt, figure_png
from course_utils.ui.folded import PICTURE_FOLD, FoldedPicture
from course_utils.ui.livefigure import LiveFigure, LiveWidget, NamedImage


class ProgressBar(widgets.IntProgress):
    """An IntProgress whose text form is a fixed caption: static renders show it, nbval compares it.

    Its label (description) says what it counts; its tooltip, the bar's name to a screen reader and a mouse, says how
    far it is ("epochs trained: 120 of 400"), kept current as it moves (pass 83, r81 Focus: the bar had no words)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._name_it()
        self.observe(lambda _change: self._name_it(), names=["value", "max", "description"])

    def _name_it(self):
        self.tooltip = f"{self.description}: {self.value} of {self.max}"

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"] = f"[progress bar: {self.description}]"   # no value: it is taken at display time
        return data


def progress(total=1, description="training"):
    """A progress bar and a race(progress=...) callback that moves it. Introduced in 05_training_race.

    Display the bar before training: the notebook stores its final picture as widget state, and
    its text is a fixed caption, so a re-run prints exactly the same output.
    """
    bar = ProgressBar(value=0, min=0, max=total, description=description,
                      style={"description_width": "initial"}, layout=widgets.Layout(width="420px"))

    def report(done, total_, name=""):
        bar.max = total_
        bar.value = done

    return bar, report


def _label(name):
    # The race only has this GELU, so it is just "GELU": r42 read "GELU (tanh)" as the tanh runner, or a mix of both.
    return "GELU" if name == "gelu_tanh" else activations.get(name).label


def _plain_log(ax):
    """Log-axis tick labels as plain numbers (0.1, 0.05) rather than powers of ten."""
    ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
    # Minor ticks sit at 2..9 times a power of ten: label only 2 and 5, or they run into each other.
    ax.yaxis.set_minor_formatter(ticker.FuncFormatter(
        lambda v, _pos: f"{v:g}" if v > 0 and round(v / 10 ** np.floor(np.log10(v))) in (2, 5) else ""))


@plots.styled
def spiral_figure(X, y, X_test=None, y_test=None):
    """The training points, and the fresh test points beside them (notebook 05)."""
    panels = 1 if X_test is None else 2
    fig, axes = plots.new_figure(380 * panels, 380, 1, panels)
    axes = np.atleast_1d(axes)
    for ax, (P, t, title) in zip(axes, [(X, y, "training points"), (X_test, y_test, "fresh test points")]):
        t = np.asarray(t).ravel()
        # Faint curves along the two arms (the data's own formula, without noise), under the dots.
        for (c0, c1), colour in zip(data.spiral_arms(400), (plots.ACCENT, plots.VANISHING)):
            band = ax.plot(c0, c1, color=colour, alpha=0.3, lw=5, solid_capstyle="round", zorder=1)[0]
        # Circles and triangles as well as blue and orange: the two arms never rely on colour alone.
        for cls, colour, word, mark in ((0, plots.ACCENT, "blue", "o"), (1, plots.VANISHING, "orange", "^")):
            ax.scatter(*P[t == cls].T, s=26, color=colour, marker=mark, edgecolor="white", linewidth=0.5,
                       label=f"{word} points", zorder=2)
        if P is X_test:   # the fresh points whose jitter carried them nearer the other arm: ringed, and counted
            across = data.nearer_the_other_arm(P, t)
            ring = ax.scatter(*P[across].T, s=110, facecolor="none", edgecolor="black", linewidth=1.2, zorder=3)
            ax.legend([band, ring], ["pale band: an arm's middle", f"ringed: {across.sum()} nearer the other arm"],
                      loc="upper center", fontsize=8.5, borderaxespad=0.3, handletextpad=0.5)
        # Room above the spirals for the legend, inside the panel, clear of every point.
        ax.set(aspect="equal", title=title, xlabel="x₁", ylabel="x₂", xlim=(-1.15, 1.15), ylim=(-1.15, 1.7),
               yticks=[-1, -0.5, 0, 0.5, 1])
    axes[0].legend(loc="upper center", ncol=2, fontsize=9, handletextpad=0.2, columnspacing=0.8, borderaxespad=0.3)
    fig.set_label(f"Points on a plane, x₁ across and x₂ up: blue circles and orange triangles on two spiral arms that "
                  f"wind around each other, each arm's middle a pale band. Left: the {len(X)} training points."
                  + ("" if X_test is None else f" Right: {len(X_test)} fresh test points on the same arms; the "
                     f"{data.nearer_the_other_arm(X_test, np.asarray(y_test).ravel()).sum()} that sit nearer the "
                     "other arm's middle are ringed."))
    return fig


class Captioned:
    """A still figure with a fixed text/plain caption: nbval compares the caption, and it says what the marks say."""

    def __init__(self, figure, caption):
        self.figure, self.caption = figure, caption

    def _repr_mimebundle_(self, **kwargs):
        import base64

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        return ({"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"), "text/plain": self.caption},
                {"image/png": {"alt": self.figure.get_label() or self.caption}})

    def __getattr__(self, name):   # the figure's public attributes (axes, get_label) read through; no _repr_ hooks
        if name.startswith("_") or "figure" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.figure, name)


@plots.styled
def loss_per_point_figure(marks=(0.5, 0.9, 0.1)):
    """One point's loss, -ln p, against p, the probability given to its true colour, with `marks` dotted (notebook 05)."""
    fig, ax = plots.new_figure(620, 300)
    p = np.linspace(0.03, 1, 400)
    ax.plot(p, -np.log(p), color=plots.ACCENT, lw=2.4)
    words = {0.5: "a shrug", 0.9: "right and sure", 0.1: "wrong and sure"}
    for q in marks:
        loss = -np.log(q)
        ax.plot([q], [loss], "o", color=plots.VANISHING, ms=8, zorder=3)
        ax.vlines(q, 0, loss, color="#888888", lw=1, ls=":")
        right = q > 0.7   # near p = 1 the words go on two lines above the dot, clear of the curve
        ax.annotate(f"{words.get(q, '')}:{chr(10) if right else ' '}p = {q:g}, loss {loss:.2g}", (q, loss),
                    xytext=(0, 12) if right else (10, 16), textcoords="offset points", fontsize=10,
                    fontweight="bold", ha="center" if right else "left")
    ax.set(xlim=(0, 1.02), ylim=(0, 3.6), xlabel="p: the probability given to the point's true colour",
           ylabel="the point's loss, −ln p", title="one point's loss: sure and wrong costs most")
    caption = "one point's loss −ln p: " + ", ".join(f"p = {q:g} costs {-np.log(q):.2g}" for q in marks)
    fig.set_label("A curve of one point's loss, −ln p, against p, the probability given to its true colour. It is 0 at "
                  "p = 1 and climbs ever more steeply as p falls toward 0. Dots: "
                  + ", ".join(f"{words.get(q, 'p')}, p = {q:g}, loss {-np.log(q):.2g}" for q in marks) + ".")
    return Captioned(fig, caption)


@plots.styled
def loss_figure(results, threshold=None, title=None, log=True):
    """Mean training loss per epoch with the min-max band over seeds, one colour per bend (notebook 05)."""
    fig, ax = plots.new_figure(860, 380)
    plots.loss_bands({n: r.loss for n, r in results.items()}, ax=ax)
    ax.get_legend().remove()   # rebuilt outside the axes, with display names: it hid the curves
    fig.legend(ax.get_lines()[:len(results)], [_label(n) for n in results], loc="outside right upper")
    if log:
        _plain_log(ax)
    else:
        ax.set_yscale("linear")
    if threshold is not None:
        ax.axhline(threshold, color="black", lw=1, ls="--")
        ax.annotate(f"loss {threshold:g}", (0.99, threshold), xycoords=("axes fraction", "data"),
                    ha="right", va="bottom", fontsize=9)
    seeds = len(next(iter(results.values())).seeds)
    ax.set_title(title)
    ax.set_ylabel("training loss" + (f" (mean and range of {seeds} seeds)" if seeds > 1 else ""))
    return fig


def per_weight(runs):
    """(seeds, records, weight layers): each weight layer's nudge per weight, its root-mean-square (the square root of
    the average square): the gradient's norm divided by the square root of the layer's weight count. Layers hold 64,
    1024, 1024 and 32 weights; measured per weight, a big layer is not bigger for its count (r35)."""
    counts = np.array([W.size for W in runs.networks[0].weights], dtype=float)
    return runs.grad_norms / np.sqrt(counts)


def _about(ratio):
    """A shrink factor as the chapter says it: to the nearest hundred from 100 up ("about 700"), else whole."""
    return f"{round(ratio, -2):.0f}" if ratio >= 100 else f"{round(ratio):.0f}"


@plots.styled
def gradient_figure(results, epoch=0, leave_out=("identity",), shown=("sigmoid", "relu")):
    """Left: each layer's nudge per weight (per_weight, mean over seeds) at `epoch`; right: layer 1's nudge during
    training (notebook 05). Only the `shown` bends get a line of their own, each with its colour, its own dash and
    a label at its end; every other bend (but `leave_out`) is one grey band, lowest to highest: the point is how far
    sigmoid sits below all of them. Both panels share one log scale.

    No bend is left out by default: it has no slope to shrink the nudge, and its nudge dies away once its
    straight border is as good as it gets, which the chapter's question is not about.
    """
    fig, (ax_b, ax_t) = plots.new_figure(940, 380, 1, 2, sharey=True)
    names = [n for n in results if n not in leave_out]
    others = [n for n in names if n not in shown]
    first = next(iter(results.values()))
    layers = first.grad_norms.shape[-1]
    at = np.arange(1, layers + 1)
    k = int(np.searchsorted(first.recorded_epochs, epoch))
    per_layer = {n: per_weight(results[n])[:, k, :].mean(axis=0) for n in names}
    layer_1 = {n: per_weight(results[n])[:, :, 0].mean(axis=0) for n in names}
    epochs = first.recorded_epochs
    if others:
        band = dict(color=plots.MUTED, alpha=0.35, lw=0)
        low = np.min([per_layer[n] for n in others], axis=0)
        ax_b.fill_between(at, low, np.max([per_layer[n] for n in others], axis=0), **band)
        ax_t.fill_between(epochs, np.min([layer_1[n] for n in others], axis=0),
                          np.max([layer_1[n] for n in others], axis=0), **band)
        high = np.max([per_layer[n] for n in others], axis=0)
        # r39 reader: the note sat on the band; it now sits above the band's top wherever the text runs
        ax_b.text(1, high[:3].max() * 1.6, f"grey: the other {len(others)} bends",
                  ha="right", va="bottom", fontsize=10, color="#555555", gid="band-note")
        middle = len(epochs) * 5 // 8
        ax_t.text(epochs[middle], np.min([layer_1[n][middle] for n in others]) / 1.4, f"grey: the other {len(others)} bends",
                  ha="center", va="top", fontsize=10, color="#555555")
    for i, name in enumerate(n for n in shown if n in names):
        style = dict(color=plots.color(name, i), ls=("-", "--", ":")[i % 3], lw=2.6)
        ax_b.plot(at, per_layer[name], marker="o", label=_short(name), **style)
        ax_t.plot(epochs, layer_1[name], label=_short(name), **style)
        g = per_layer[name]   # a label at each line's layer-4 end (how much it shrank is left to the fold: pass 31)
        ax_b.annotate(_short(name), (at[-1], g[-1]), xytext=(-6, 3 if i == 0 else -3), textcoords="offset points",
                      ha="right", va="bottom" if i == 0 else "top", fontsize=10, color=style["color"], fontweight="bold")
        ax_t.annotate(_short(name), (epochs[-1], layer_1[name][-1]), xytext=(4, 0), textcoords="offset points",
                      va="center", fontsize=10, color=style["color"], fontweight="bold")
    ax_b.text(0.03, 0.06, "from weight layer 4 back to 1,\nthe nudge shrinks", transform=ax_b.transAxes,
              ha="left", fontsize=10, color="#333333")
    ax_b.set(yscale="log", xlabel="weight layer (1 = from the inputs)", ylabel="nudge size per weight (log scale)",
             title=f"each weight layer at epoch {epoch}" + (" (the start)" if epoch == 0 else ""), xticks=at, xlim=(layers + 0.75, 0.8))
    # Reversed (r36 reader): the text reads from weight layer 4 back to 1, so the lines fall left to right as it says.
    ax_b.set_xticklabels([f"{at[0]}\n(inputs)"] + [str(k) for k in at[1:-1]] + [f"{at[-1]}\n(output)"])
    ax_t.set(xlabel=f"epoch (measured every {epochs[1] - epochs[0]})", ylabel="layer 1's nudge per weight (log scale)", title="weight layer 1's nudge during training",
             xlim=(0, epochs[-1] * 1.22))
    ax_t.tick_params(labelleft=True)
    ax_b.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
    # The picture's own words do not say how many times it shrinks: that answers the Predict above it (pass 31).
    # Pass 82 (r80: the alt text must carry the numbers the answer relies on): the picture sits behind the Predict's
    # fold (FoldedPicture), so its alt text says each drawn line's fall, as the answer rounds it.
    below = others and "sigmoid" in names and bool(np.all(layer_1["sigmoid"] < np.min([layer_1[n] for n in others], axis=0)))
    fall = {n: _about(per_layer[n][-1] / per_layer[n][0]) for n in shown if n in names}
    fig.set_label("Two plots of the nudge's size per weight, on one log scale. Left: each weight layer at epoch "
                  f"{epoch}, from weight layer {layers} (into the output) back to 1. Sigmoid's solid line falls the most"
                  + (f", about {fall['sigmoid']} times," if "sigmoid" in fall else "") + " and "
                  "ends lowest at weight layer 1; ReLU's dashed line falls less"
                  + (f", about {fall['relu']} times" if "relu" in fall else "") + "; a grey band holds the other "
                  f"{len(others)} bends. Right: weight layer 1's nudge as training goes on"
                  + ("; sigmoid's line stays below the grey band all the way." if below else "."))
    return fig


@plots.styled
def boundaries_figure(results, X=None, y=None, run=0, ncols=5, resolution=80):
    """Each bend's decision regions (one seed's network) side by side, with the points on top (notebook 05); the
    points are the race track's training points unless X and y are given."""
    if X is None:
        X, y = data.spiral()
    names = list(results)
    nrows = -(-len(names) // ncols)
    # Rows tall enough for square maps under two-line titles: the points fill a square, so x₁ and x₂ share a scale.
    fig, axes = plots.new_figure(220 * ncols, 250 * nrows + 20, nrows, ncols)
    axes = np.atleast_1d(axes).ravel()
    for ax, name in zip(axes, names):
        r = results[name]
        plots.decision_boundary(r.networks[run].predict_proba, X, y, ax=ax, resolution=resolution,
                                title=f"{_short(name)}\n"
                                      f"train {_percent(r.train_accuracy[run])}, "
                                      f"test {_percent(r.test_accuracy[run])}")   # rounded as the table rounds
        # No loss in the titles (r35): this picture sits above the live race, whose Predict asks which loss crosses first.
        _bare(ax)
        ax.set_aspect("equal")
    for ax in axes[len(names):]:
        ax.set_visible(False)
    if len(axes) > len(names):   # the key, once, in the first spare panel
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        key = axes[len(names)]
        key.set_visible(True)
        key.axis("off")
        key.legend([Patch(color=plots._tint(plots.ACCENT)), Patch(color=plots._tint(plots.VANISHING)),
                    Line2D([], [], color="black", lw=1)],
                   ["network says\nblue here", "network says\norange here", "the border"],
                   loc="center", fontsize=10, frameon=False, title="shading", title_fontsize=10)
    fig.set_label("One square map per runner, shaded blue or orange by its trained network's answer at each input, "
                  "with a black border between the colours and the training points on top. The straight network's "
                  "border is one straight line. Sigmoid's is wavy, with one closed loop. The other borders wind "
                  "along the gap between the two arms. Each map's title gives its share of training points right "
                  "(train) and of fresh points right (test).")
    # r87 merge (portability): pass 87 made this fold a markdown output, which nbval compares, and a test score moved
    # 90% -> 89% with numpy's AVX-512 kernels off (p75's reason); the numbers stay in the titles, which are pixels
    return fig


def _loss(value):
    """A final loss in a picture's title, to 2 significant digits (0.034, 0.61): figures are not compared by nbval."""
    return f"{value:#.2g}"


def _loss_range(values):
    """Lowest – highest final loss of several runs, each to 2 significant digits; one number if they read the same."""
    low, high = _loss(np.min(values)), _loss(np.max(values))
    return low if low == high else f"{low} – {high}"


def _bare(ax):
    """A small panel: no ticks or axis labels, a small title."""
    ax.set(xticks=[], yticks=[], xlabel="", ylabel="")
    ax.title.set_fontsize(9)


# ---- the race's numbers as tables (notebook 05) ----

def _percent(share):
    """A share as whole percent, rounded down: accuracies are counts of 400 points, and a count sitting exactly
    on a half percent would round either way with the last bit of a chaotic run; the floor has no such cliff."""
    return f"{math.floor(round(share * 100, 6))}%"


def _span(low, high):
    """"low – high", or one value when both print the same (r40: "99% – 99%" read as clutter)."""
    return low if low == high else f"{low} – {high}"


def _range(shares):
    """Lowest – highest of the finite shares, as whole percent ("–" if none; one value if they print the same)."""
    shares = np.asarray(shares)[np.isfinite(shares)]
    return _span(_percent(shares.min()), _percent(shares.max())) if shares.size else "–"


def summary_table(results, threshold=0.1, dead_units=False, test_accuracy=True):
    """The race's results as a Table: epochs to the threshold, test accuracy and dead share as fastest/lowest –
    slowest/highest run ("none" when no run has a dead unit); the dead-unit column only with dead_units=True, the
    test-accuracy column only with test_accuracy=True (the default)."""
    rows = []
    for name, r in results.items():
        reached = race.epochs_to(r.loss, threshold)
        hit = reached[np.isfinite(reached)]
        if hit.size == 0:
            epochs = "never"
        else:
            epochs = _span(f"{hit.min():.0f}", f"{hit.max():.0f}")
            if hit.size < reached.size:
                epochs += f" ({hit.size} of {reached.size} runs)"
        dead = np.mean(r.dead_share, axis=1)   # each run's share of dead units over all its hidden layers
        rows.append([short_name(name), epochs, _range(r.train_accuracy), _range(r.test_accuracy),
                     "none" if dead.max() == 0 else _span(_percent(dead.min()), _percent(dead.max()))])
    header = ["bend", f"epochs to loss {threshold:g}", "train accuracy", "test accuracy", "dead units"]
    if not dead_units:   # notebook 05 shows the first four columns only
        header, rows = header[:4], [row[:4] for row in rows]
    if not test_accuracy:   # notebook 05's fold: the column whose counts move with the last bit left out
        header, rows = [h for k, h in enumerate(header) if k != 3], [[c for k, c in enumerate(r) if k != 3] for r in rows]
    seeds = len(next(iter(results.values())).seeds) if results else 0
    return tables.Table(header, rows, note=f"each range: fastest – slowest, or lowest – highest, of {seeds} runs; one value where they agree")


def crossing_table(results, threshold=0.1, rows=None):
    """Each run's first epoch below `threshold`, seed by seed (notebook 05, r44: "GELU crossed first in all five
    runs" could not be checked from ranges that overlap): one row per bend that crosses in some run, one column per
    seed; the fastest in each column in bold ("*" after it in plain text). With `rows` (r59 Focus 2: 35 numbers read
    as a wall of digits), only those bends; r62: no row for the others, the star still marks each seed's fastest."""
    at = {n: race.epochs_to(r.loss, threshold) for n, r in results.items()}
    at = {n: a for n, a in at.items() if np.isfinite(a).any()}
    seeds = next(iter(results.values())).seeds
    fastest = [min(at, key=lambda n: at[n][k] if np.isfinite(at[n][k]) else np.inf) for k in range(len(seeds))]
    if rows is not None:   # r62 Focus 2: the row of the others' fastest puzzled more than it helped; the star still
        at = {n: at[n] for n in rows}   # marks the fastest of every bend in that seed

    def cell(n, k):
        if not np.isfinite(at[n][k]):
            return "never"
        text = f"{at[n][k]:.0f}"
        return tables.Raw(f"<b>{text}</b>*") if fastest[k] == n else text
    return tables.Table(["bend"] + [f"seed {s}" for s in seeds],
                        [[short_name(n) if n in results else n] + [cell(n, k) for k in range(len(seeds))] for n in at],
                        note="* the fastest bend in that seed")   # pass 85 (r84 Focus: the note read as plumbing)


def track():
    """The race track (notebook 05): the 400 training points, and 400 fresh points from the same spirals to test on."""
    X, y = data.spiral()
    X_test, y_test = data.spiral(seed=43)
    return X, y, X_test, y_test


CHAPTER_RACE_BAR = "epochs trained, every runner"   # what the bar counts; no typed count to go stale (s36 review)


class RaceProgress(widgets.VBox):
    """The chapter race's progress bar while it trains, then nothing (notebook 05). pass 87 (r86 Focus: the "Done: ..."
    line that replaced the bar read as tool plumbing): the box empties itself once the runners are trained. It does not
    call clear_output, which nbval cannot replay; its text form is empty, the same on every machine."""

    def __init__(self, bar):
        super().__init__(children=[bar])
        self.bar = bar

    def finish(self):
        self.children = []
        self.bar.close()

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"] = ""
        return data


def chapter_race(X, y, X_test, y_test, show_progress=True):
    """The chapter's race (notebook 05): every contestant, seeds 0 to 4, Adam, learning rate 0.01, 400 epochs.
    With `show_progress`, the live race's kind of progress bar is shown first and moves as the runners train (pass
    84, r83 Focus: the cell trained 45 networks with nothing on screen); when they are done, the bar gives way to
    nothing (pass 87, r86 Focus: RaceProgress)."""
    report = shown = None
    if show_progress:
        from IPython.display import display

        bar, report = progress(len(CONTESTANTS) * race.RACE_RECIPE["epochs"], CHAPTER_RACE_BAR)
        shown = RaceProgress(bar)
        display(shown)
    results = race.race(X, y, CONTESTANTS, seeds=race.RACE_SEEDS, **race.RACE_RECIPE,
                        X_test=X_test, y_test=y_test, progress=report)
    if shown is not None:
        shown.finish()
    return results


# The clean test of the second suspect (notebook 05): sigmoid moved down by one half, so its outputs are centred on 0,
# with sigmoid's slope at every input. sigmoid(x) - 0.5 = tanh(x / 2) / 2: tanh, half as tall and twice as wide.
CENTRED_SHIFT = 0.5
CENTRED_LABEL = "sigmoid − 0.5"


# The live race's stretch test (notebook 05): sigmoid moved and stretched, each a runner the learner can tick,
# from the same starting weights as sigmoid (only the bend differs). tanh(x) = 2·(sigmoid(2x) − 0.5) gains two things
# over sigmoid − 0.5, reach ±1 and slope 1 at 0; each runner gets one alone. 2·sigmoid − 1 (twice as tall) reaches
# ±1 with slope at most 1/2; sigmoid(4x) − 0.5 (squeezed by 4, not tanh's 2) has slope 1 but reaches only ±0.5.
# Neither is "half" of tanh's reshaping (r55 Correctness 1): the squeeze half would be sigmoid(2x) − 0.5.
VARIANTS = {CENTRED_LABEL: dict(activation="sigmoid", shift=CENTRED_SHIFT),
            "2·sigmoid − 1": dict(activation="sigmoid", shift=1.0, stretch=(2.0, 1.0)),
            "sigmoid(4x) − 0.5": dict(activation="sigmoid", shift=0.5, stretch=(1.0, 4.0))}


def centred_race(X, y, X_test=None, y_test=None):
    """Sigmoid − 0.5 in the chapter's race (notebook 05): chapter_race's starting weights, seeds and settings; one Runs."""
    return race.race(X, y, ["sigmoid"], seeds=race.RACE_SEEDS, **race.RACE_RECIPE,
                     X_test=X_test, y_test=y_test, shift=CENTRED_SHIFT)["sigmoid"]


STRETCH_TEST = ("tanh", CENTRED_LABEL, "2·sigmoid − 1", "sigmoid(4x) − 0.5")   # the second live race's runners


def stretch_runs(X, y):
    """The stretch test's two runners over the chapter's five seeds and settings (notebook 05): {name: Runs}."""
    return {n: race.train_seeds(X, y, seeds=race.RACE_SEEDS, **race.RACE_RECIPE, **VARIANTS[n])
            for n in STRETCH_TEST[2:]}


def verdict_runs(results, X, y):
    """Sigmoid, the three changed sigmoids and tanh, five runs each (notebook 05): {name: Runs}, sigmoid's and tanh's
    from the chapter's race, the others trained here from the same seeds. One name in the notebook's visible calls
    (r55 Focus 1: `verdict_figure(results, centred, steep)` read as plumbing)."""
    return {"sigmoid": results["sigmoid"], CENTRED_LABEL: centred_race(X, y), **stretch_runs(X, y),
            "tanh": results["tanh"]}


def jump_backs(runs, threshold=0.1, rise=0.3):
    """Runs whose loss, after first crossing `threshold`, climbs back above `rise` (notebook 05): [(seed index, peak
    loss, epoch of the peak)]. A wobble just above the line is not a jump."""
    found = []
    for k, (curve, at) in enumerate(zip(runs.loss, race.epochs_to(runs.loss, threshold))):
        if np.isfinite(at):
            after = curve[int(at):]
            if after.max() > rise:
                found.append((k, float(after.max()), int(at) + int(np.argmax(after))))
    return found


def stretch_answer(runs, results=None, threshold=0.1):
    """The fold after the stretch test's live race (notebook 05): does the tall curve (2·sigmoid − 1: reach ±1, slope
    1/2) learn like tanh or crawl like sigmoid? First the learner's run (seed 0), then the five runs from `runs`
    (verdict_runs: it holds sigmoid − 0.5, the live race's centred runner, which the tall curve is compared with);
    tanh's runs come from `results` (the chapter's race; `runs` if not given). r51 Interaction 2: the steep curve's result is the main path's answer, so it is only named here.
    r55 Correctness 2: the five runs the words give are drawn in the fold."""
    from IPython.display import Markdown

    results = runs if results is None else results

    steep, tall = STRETCH_TEST[3], STRETCH_TEST[2]
    at_tall = race.epochs_to(runs[tall].loss, threshold)
    tanh0 = race.epochs_to(results["tanh"].loss[:1], threshold)[0]   # seed 0: the live race's run
    never = not np.isfinite(at_tall).any()
    # r72 Correctness: compared with sigmoid − 0.5, a runner of the race the learner just ran, not with sigmoid
    t, s = runs[tall].final_loss, runs[CENTRED_LABEL].final_loss
    # pass 82 (r80 Interaction: "your race" though the learner may have changed the settings): the default's run
    yours = ((f"Crawl like sigmoid. At seed 0, the default, **{tall}** never crosses {threshold:g}; "
              if never else f"It learns. At seed 0, the default, **{tall}** crosses {threshold:g} at epoch {at_tall[0]:.0f}; ")
             + f"tanh crosses at epoch {tanh0:.0f}. ")
    pace = "only a little faster than" if t.mean() < s.mean() else "about as slowly as"
    # pass 91 (r92 Clarity: one 30-word sentence): four short ones
    five = (f"Over five runs, no run crosses. It crawls, {pace} {CENTRED_LABEL}. Its last losses are "
            f"{t.min():.2f} to {t.max():.2f}. For {CENTRED_LABEL}, they are {s.min():.2f} to {s.max():.2f}. " if never else
            f"Over five runs, it crosses in {np.isfinite(at_tall).sum()} of five. ")
    crossed = int(np.isfinite(race.epochs_to(runs[steep].loss, threshold)).sum())
    where = "all five runs" if crossed == len(runs[steep].loss) else f"{crossed} of five runs"
    lesson = (f"Reaching ±1, with slope only 1/2, did not make it learn. The steep curve, **{steep}**, crossed in {where}."
              if never else f"The steep curve, **{steep}**, crossed in {where}.")
    # r72 Picture: the same four runners as the live race above it (it races sigmoid − 0.5, not sigmoid)
    # p116 (r115 Focus: sigmoid − 0.5, the steep curve and tanh repeated the verdict picture): only the tall curve's
    # five runs, the one runner the verdict did not race
    panels = [(tall, _runner_colour(tall, STRETCH_TEST.index(tall)), runs[tall])]
    picture = _embedded(_panels_beside_key(panels, threshold), width=320)
    return Markdown(f"<details><summary>Check your prediction</summary>\n\n{yours}{five}\n\n{picture}\n\n{lesson}"
                    "\n\n</details>")


# Tries 3 to 5 of notebook 05: sigmoid against ReLU (seed 0) for the live race's longest run, with Adam as in the
# race (3), then plain gradient descent at the race's 0.01 (4: one change, both stay near the shrug line), then at 1
# (5: one more change). r39 reader: the old try 4 changed the optimizer and the learning rate at once.
TRY_PAIR, TRY_EPOCHS, PLAIN_RATE = ("sigmoid", "relu"), 1500, 1.0
# pass 91 (r92 Focus: the optional part was long): the old Try B (plain steps at 0.01: neither learns) is cut, its
# point the step-rules picture's; the old Try C, plain steps at 1, is now Try B
LONGER_TRIES = "AB"   # the longer tries' names (pass 89b): letters, so they never share a number with tries 1 and 2


def try_runs():
    """The runs behind tries 3 to 5 (notebook 05): {"adam", "plain": {name: Runs}}, seed 0,
    TRY_EPOCHS epochs, exactly as the live race trains them with those settings."""
    X, y = data.spiral()
    return {"adam": race.race(X, y, TRY_PAIR, seeds=(0,), optimizer="adam", lr=race.RACE_RECIPE["lr"], epochs=TRY_EPOCHS),
            "plain": race.race(X, y, TRY_PAIR, seeds=(0,), optimizer="gd", lr=PLAIN_RATE, epochs=TRY_EPOCHS)}


PLAIN_LATER = 5   # the floor said for plain steps' crossing against Adam's (measured about 6.3 times)


PLAIN_AFTER = 1000   # the floor said for plain steps' crossing epoch (measured 1110; over 1150 from a nudged start)


def _after_floor(later, floor=PLAIN_AFTER):
    """pass 94 (r95 Correctness: "over 5 times" had no epoch beside it): the plain crossing said as a floor, "after
    epoch 1000", which another CPU's last bits cannot move; raises if the crossing is no longer after it."""
    if not later > floor:
        raise ValueError(f"the plain crossing ({later:.0f}) is no longer after epoch {floor}")
    return floor


def _times_floor(later, sooner, floor=PLAIN_LATER):
    """The floor said as 'over N times': raises if the later crossing is no longer more than N times the sooner."""
    if not later > floor * sooner:
        raise ValueError(f"the plain crossing ({later:.0f}) is no longer over {floor} times Adam's ({sooner:.0f})")
    return floor


def try_answers(results, threshold=0.1, longer=None, part="all"):
    """The folded answers to the live race's 'Things to try', every number computed (notebook 05): seeds 0 and 2
    of the chapter's race for tries 1 and 2; `longer` (try_runs(), trained here if not given) for tries 3 to 5.
    `part`: "short" (tries 1 and 2, under the race), "longer" (tries 3 to 5, in the optional section: pass 78, r75
    Focus 1) or "all"."""
    from IPython.display import Markdown

    if part not in ("short", "longer", "all"):
        raise ValueError(f"part is 'short', 'longer' or 'all', not {part!r}")
    at = {n: race.epochs_to(r.loss, threshold) for n, r in results.items()}
    sigmoid = at["sigmoid"][0]
    # tanh(x) = 2 sigmoid(2x) - 1: a sigmoid network can draw every border a tanh network can (the weights and
    # biases take up the stretch and the shift), so a gap between them is in the learning. r55 Clarity 2: "take up"
    # was abstract; one unit's copy, worked with numbers (copy_tanh_unit; the whole network: test_chapter_05).
    w_in, w_out = TANH_COPY
    x, b = TANH_CHECK_X, TANH_CHECK_BIAS
    s_in, s_out, s_bias = copy_tanh_unit(w_in, w_out)
    # r64 Clarity 1: the copy was six operations in one paragraph; now three numbered steps, one per line
    one = (("it learns none in the race, " if np.isnan(sigmoid) else f"it crosses 0.1 only at epoch {sigmoid:.0f}, ")
           + "yet it could draw one. The reason: tanh(x) = 2 × sigmoid(2x) − 1. So tanh is sigmoid made half as wide "
           f"and twice as tall, then moved down by 1.\n\n{_tanh_moves_picture()}\n\nThe weights can do all three. "
           # r108 (Clarity: "weight out of it" was a new phrase): the weight on its output, said as such
           f"Take a tanh unit with bias b and weight {w_in:g} on its input. The weight on its output is {w_out:g}. "
           f"So the next layer gets {w_out:g} × tanh(x + b). A sigmoid unit copies it in three steps:\n\n"
           # r103 (Correctness: the doubled bias had dropped out of the formula): sigmoid(2(x + b))
           f"1. Double the weight on its input, to {s_in:g}, and double the bias. Half as wide: sigmoid({s_in:g}(x + b)).\n"
           f"2. Double the weight on its output, to {s_out:g}. Twice as tall: {s_out:g} × sigmoid({s_in:g}(x + b)).\n"
           f"3. Take {-s_bias:g} off the next unit's bias. Moved down: {s_out:g} × sigmoid({s_in:g}(x + b)) − {-s_bias:g}.\n\n"
           # r61 Clarity 2: five operations in a row; one number plugged into both shows they agree
           # pass 81 (r78 Clarity 2): with bias 0 the doubled bias did nothing; a bias of 0.5, doubled in the copy
           f"Check with x = {x:g} and bias {b:g}: {w_out:g} × tanh({w_in * x:g} + {b:g}) = "
           f"{w_out * float(activations.get('tanh')(w_in * x + b)):.2f}. The copy has weight {s_in:g} and bias "
           f"{2 * b:g}: {s_out:g} × sigmoid({s_in:g} × {x:g} + {2 * b:g}) − {-s_bias:g} = "
           f"{s_out * float(activations.get('sigmoid')(s_in * x + 2 * b)) + s_bias:.2f}. "
           "So the gap is in how they learn, not in what they can draw.")   # r43 Focus 2: the fold ends here
    default = ("tanh", "relu", "gelu_tanh")
    winner = min(default, key=lambda n: at[n][2])
    flipped = (at["tanh"][2] < at["relu"][2]) != (at["tanh"][0] < at["relu"][0])
    two = (f"{short_name(winner)} still crosses first. "   # r57 Focus 1: one number per claim
           + ("But tanh now beats ReLU" if at["tanh"][2] < at["relu"][2] else "ReLU still beats tanh")
           # r68 Focus: one number per answer, the gap (the table under "Show each seed" has both epochs)
           + f", by {abs(at['relu'][2] - at['tanh'][2]):.0f} epochs.")
    if part == "short":   # tries 3 to 5 are answered in the optional section, and trained only there
        return Markdown("\n\n".join(_short_folds(one, two, flipped)))
    longer = longer or try_runs()
    slow, plain = longer["adam"]["sigmoid"], longer["plain"]
    # Rounded to what a nudged start cannot move: one decimal of a loss, whole hundreds of epochs for a crossing
    # under plain steps of 1 (ReLU's first crossing there moves by tens of epochs with the last bit of its start).
    # "Creeps" only if it is still falling over the last third of the run; whether it would ever reach 0.1 is not
    # something these epochs show, so the answer does not say it.
    creeps = slow.final_loss[0] < np.log(2) - 0.1 and slow.final_loss[0] < slow.loss[0, TRY_EPOCHS * 2 // 3] - 0.02
    # pass 90 (r91 Focus: "about 0.4 by epoch 1500" matched no picture): said as what the learner's own run shows;
    # whether sigmoid would ever reach 0.1 is in the optional part's closing box (LIMITS)
    three = (("not stuck. It keeps creeping down. " if creeps else "stuck. Its curve stays flat. ")
             + "It stays far above 0.1.")
    relu_at = race.epochs_to(plain["relu"].loss, threshold)[0]
    adam_at = race.epochs_to(longer["adam"]["relu"].loss, threshold)[0]
    stalls = abs(plain["sigmoid"].final_loss[0] - np.log(2)) < 0.01
    five = (("sigmoid does not creep. " if stalls else "sigmoid creeps a little. ")
            + ("Its loss stays on the shrug line. " if stalls else
               f"Its loss ends at {plain['sigmoid'].final_loss[0]:.2f}. ")
            # pass 91 (r92 Correctness: "a tiny nudge means a tiny step" was a cause LIMITS lists as not shown, and
            # weight layer 4's nudge is near 0.05): only the result is said
            # pass 90 (r91 Focus): the unmeasured why moved to LIMITS
            # pass 92 (r93 Correctness: "slower than with Adam" had no number behind it): both crossings said, plain
            # steps' in whole hundreds (the last bit of the start moves it by tens), Adam's from the same seed
            # lead (portable outputs: with the start nudged by 1e-13, the plain crossing moved from 1110 to over 1150,
            # so its hundred changed): said as a floor on how many times Adam's epochs it takes, which holds by a margin
            + (f"ReLU crosses 0.1 only after epoch {_after_floor(relu_at)}, over "
               f"{_times_floor(relu_at, adam_at)} times Adam's {adam_at:.0f} epochs. "
               if np.isfinite(relu_at) else
               f"ReLU's loss falls to {plain['relu'].final_loss[0]:.1f}. ")
            + "Its curve is jagged: at this learning rate, some steps are too big. They overshoot, "
            "and the loss jumps up.")
    # Each answer opens with the guess a learner is likely to make (the misconception it answers); tries 1 and 2's
    # folds are built by _short_folds.
    # r110 (Correctness: Try B changes the optimizer and the rate together; the old guess named the rate only)
    guesses = ('"Stuck: its curve has gone flat."',
               '"Plain steps work as well as Adam if the learning rate is big enough."')
    said = [f"A common wrong guess: {g} In fact: {a}" for g, a in zip(guesses, (three, five))]
    folds = _short_folds(one, two, flipped) if part == "all" else []
    # r59 Focus 3: tries 3 to 5 (longer races, other optimizers) sit in a fold off the main path; so do their answers,
    # r67 Focus: in that one fold, not nested three deep
    # pass 89b (r90 Focus: tries 1-2 and 3-5 sat in far-apart sections under one numbering): the longer ones are A to C
    return Markdown("\n\n".join(folds + ["<details><summary>Answers to the longer tries, A and B</summary>\n\n"
                    + "\n\n".join(f"**Try {k} (seed 0).** {a}" for k, a in zip(LONGER_TRIES, said))
                    + "\n\n</details>"]))


def _short_folds(one, two, flipped):
    """Tries 1 and 2's answers (try_answers), each in its own fold, opening with the guess it answers."""
    guesses = (TRY1_GUESS, TRY2_GUESS[flipped])
    # pass 84 (r83 Clarity): try 1 asks what a sigmoid network can draw, which no seed changes: its title names none
    return [f"<details><summary>Answer to try {k}{seed}</summary>\n\nA common wrong guess: {g} In fact: "
            f"{a}\n\n</details>" for k, (g, a, seed) in enumerate(zip(guesses, (one, two), ("", " (seed 2)")), 1)]


TRY1_GUESS = '"Sigmoid learnt no such border, so it cannot draw one."'
# try 2's likely wrong guess: the order flipped at seed 2 (True) or it did not (False)
TRY2_GUESS = {True: '"A new seed keeps the same order."', False: '"A new seed changes the whole order."'}


TANH_MOVES_ALT = ("Three panels: sigmoid squeezed sideways by 2, stretched up by 2, shifted down by 1; the last curve "
                  "lies on tanh")


def _tanh_moves_picture():
    """Try 1's answer drawn (r71 Picture 4: it was words only): chapter 02's three moves from sigmoid to tanh, titled
    with "sigmoid", not σ, which this chapter never names (pass 92, r93 Clarity)."""
    return tables.image(figure_png(ch02_four_bends.tanh_from_sigmoid(name="sigmoid")), TANH_MOVES_ALT, 720)


TANH_COPY = (1.0, 3.0)   # try 1's worked example: a tanh unit's weight in and weight out
TANH_CHECK_X = 0.5   # try 1: the one input plugged into both units
TANH_CHECK_BIAS = 0.5   # try 1: the tanh unit's bias in the check (not 0, so the copy's doubled bias shows)


def copy_tanh_unit(w_in, w_out):
    """The sigmoid unit that copies a tanh unit (notebook 05, try 1): tanh(z) = 2·sigmoid(2z) − 1, so weight `w_in`
    in and `w_out` out become (2·w_in in, 2·w_out out, −w_out added to the next unit's bias)."""
    return 2 * w_in, 2 * w_out, -w_out


# r55 Correctness 6, r57 Correctness 3: with Adam, the steep unit is sigmoid − 0.5 with 4× bigger weights into each
# bend that also step 4× as far (learning rate 0.04 on them). Plain sigmoid at 0.04 (the old try) changed the centring
# as well, so beside the steep sigmoid it showed nothing clean.
# p117 (r116 Correctness: the old runs used rate 0.04 for every weight, the output unit's too, which the steep runner
# does not have): only the weights and biases into the bends step at 0.04; the output unit's step at the race's 0.01.
RATE_TRY = 0.04


# Both tries are trained once per kernel: start_answer and start_finding (two cells) and many tests read the same
# runs, each about 5 s to train. Callers only read them.
@functools.lru_cache(maxsize=None)
def rate_runs(seeds=race.RACE_SEEDS, epochs=race.RACE_RECIPE["epochs"]):
    """Sigmoid − 0.5 with Adam, 400 epochs, the chapter's seeds (notebook 05): the weights and biases into the bends
    step at RATE_TRY, the output unit's at the race's rate, from the usual start. One Runs, seed 0 first."""
    X, y = data.spiral()
    lr = race.RACE_RECIPE["lr"]
    return race.train_seeds(X, y, seeds=seeds, optimizer="adam", lr=lr, epochs=epochs, step_scale=RATE_TRY / lr,
                            **VARIANTS[CENTRED_LABEL])


# pass 88 (r87 Focus: the tail ended on "That is a guess"): the missing control, run. The steep unit is sigmoid − 0.5
# with a 4× bigger start and 4× bigger steps (one_knob_figure); the rate try gave the steps alone; this gives the start
# alone: sigmoid − 0.5 from the steep runner's own start (its weights and biases into the bends × 4), rate 0.01.
START_TRY = 4.0


@functools.lru_cache(maxsize=None)   # as rate_runs: trained once, read by two cells and the tests
def start_runs(seeds=race.RACE_SEEDS, scale=START_TRY, epochs=race.RACE_RECIPE["epochs"]):
    """Sigmoid − 0.5 with Adam at the race's rate, every weight and bias into its bends × `scale` at the start, the
    output unit's left as they are (notebook 05's last try): one Runs, seed 0 first."""
    X, y = data.spiral()
    return race.train_seeds(X, y, seeds=seeds, optimizer="adam", lr=race.RACE_RECIPE["lr"], epochs=epochs,
                            start_scale=scale, **VARIANTS[CENTRED_LABEL])


def start_answer(runs, threshold=0.1, mine=None, steps=None):
    """The fold after the bigger-start try, and the optional part's closing takeaway (notebook 05): sigmoid − 0.5 from
    the steep runner's start (`mine`: start_runs(), trained here if not given) beside the steep runner (`runs`:
    verdict_runs) and the rate try (`steps`: rate_runs(), trained here if not given), all drawn in one picture
    (tries_figure; pass 89, r89 Focus: the tries' results were digits in words)."""
    from IPython.display import Markdown

    mine, steps = mine or start_runs(), steps or rate_runs()
    epochs = np.shape(mine.loss)[-1]
    at = race.epochs_to(mine.loss, threshold)
    crossed = int(np.isfinite(at).sum())
    steep = race.epochs_to(runs[STRETCH_TEST[3]].loss, threshold) if STRETCH_TEST[3] in runs else None
    later = steep is not None and crossed == len(at) and np.nanmin(at) > np.nanmax(steep)
    by_steps = int(np.isfinite(race.epochs_to(steps.loss, threshold)).sum())
    # r111 (Focus: the test moved onto the main path, after one Predict that asks which change alone works): the
    # answer names the change that worked, then the start's and the steps' counts, all from the runs
    winner = ("The bigger start. " if crossed > by_steps else "Bigger steps. " if by_steps > crossed
              else "Neither. " if not crossed else "Both, as often as each other. ")
    if crossed == len(at):
        start = (f"Alone, it made all five runs cross {threshold:g}, " + ("later than the steep runner's five."
                 if later else "about as fast as the steep runner's five."))
    else:
        start = f"A bigger start alone: {_count_of_five(crossed)} cross {threshold:g} in {epochs} epochs."
    steps_said = f" Bigger steps alone: {_count_of_five(by_steps)} crossed in {epochs} epochs."
    answer = winner + start + steps_said
    picture = ""
    if STRETCH_TEST[3] in runs and CENTRED_LABEL in runs:
        picture = f"\n\n{_embedded(tries_figure(runs, steps, mine, threshold))}"
    # pass 91 (r92 Focus: the chapter ended on open questions): they sit in a closed fold before the finding, so the
    # last line a learner sees is what the race showed
    # pass 94 (r95 Focus: "Still open" left the thread hanging): the finding closes the part, no open line
    # r111: the table is the answer too, so it sits inside the fold; the finding follows it, outside
    # p117 (r116 Clarity: the cell packed the answer, the suspects' table and the guess): the fold only; the table
    # (start_finding) and the guess (start_guess) have cells of their own
    table = tries_table(mine, steps, threshold, later, runs.get(CENTRED_LABEL))[0]
    return Markdown(f"<details><summary>Check your prediction</summary>\n\n{answer}{picture}\n\n{table}\n\n</details>")


def start_finding(runs, threshold=0.1, mine=None, steps=None):
    """The cell after start_answer (notebook 05, p117): the bigger start's count and the suspects' table, from the
    same runs (tries_table's finding)."""
    from IPython.display import Markdown

    mine, steps = mine or start_runs(), steps or rate_runs()
    return Markdown(tries_table(mine, steps, threshold, centred=runs.get(CENTRED_LABEL))[1])


def start_guess(sizes=None):
    """The guess after the suspects' table, in its own cell (notebook 05, p117): shrink_guess as markdown."""
    from IPython.display import Markdown

    return Markdown(shrink_guess(sizes))


# pass 90 (r91 Clarity: "Bigger steps act on ... The bigger start acts on ..." was four ideas at once): the two changes
# the steep curve makes, one row each: what it does, what the race showed (counts computed from the runs)
def tries_table(start, steps, threshold=0.1, later=True, centred=None):
    """The two single-change tests (notebook 05, after the verdict): the bigger start and the bigger steps, each
    alone, as (table, finding): the fold's closing line, and the finding said after it with the suspects' table
    (empty if the start did not win)."""
    # r114 (Focus: two tables back to back repeated the counts; Correctness: "none of them" read as a contradiction):
    # one table, outside the fold, each test with what it changes; the bigger start's row is "(no single suspect)"
    n_start, n_steps = (int(np.isfinite(race.epochs_to(r.loss, threshold)).sum()) for r in (start, steps))
    start_won = n_start > n_steps
    alone = ("" if max(n_start / len(start.loss), n_steps / len(steps.loss)) == 1 else
             " Neither change alone finished every run." + (f" In this race, {CENTRED_LABEL} needed both."
                                                            if n_start == n_steps == 0 else ""))
    table = ("With both, the steep runner crossed soonest." if later else "") + alone
    finding = f"The bigger start alone made {n_start} of {len(start.loss)} runs learn." if start_won else ""
    if finding and centred is not None:
        n_centred = int(np.isfinite(race.epochs_to(centred.loss, threshold)).sum())
        # r117 (Clarity, Correctness: "not one of the three" helped, and the guess below then explained it with
        # Gentle slope's quarter): the quarter acts twice, so Gentle slope gets two rows, one per half
        rows = (("Off-centre", "centred alone: outputs centred on 0", f"{n_centred} of {len(centred.loss)}",
                 "not enough alone" if not n_centred else "helps"),   # r115: the same evidence as Gentle slope, the same verdict
                ("Gentle slope: each bend passes on ¼ of its sum", f"{START_TRY:g}× bigger start alone: weights into the bends",
                 f"{n_start} of {len(start.loss)}", "helps"),
                # p117 (r116 Correctness): the steps are 4× bigger only for the weights into the bends, as in the
                # steep runner (rate_runs), so the row needs no "(the output's weights too)"
                ("Gentle slope: a step moves the output ¼ as far", f"{START_TRY:g}× bigger steps alone: weights into the bends",
                 f"{n_steps} of {len(steps.loss)}", "helps" if n_steps else _too_slow(steps, centred)),
                ("Fading", "not tested alone here", "—", "not tested"))
        finding += ("\n\nThe suspects, in this race:\n\n| suspect | test | runs that crossed | verdict |\n|---|---|---|---|\n"
                    + "".join(f"| {a} | {b} | {c} | {d} |\n" for a, b, c, d in rows))
        # p116 (r115 Retention/Change 1: the thread ended "why is open"): one labelled guess follows, measured at
        # epoch 0 (forward_shrink); p117: in its own cell (start_guess)
    return table.strip(), finding.strip()


def _too_slow(runs, baseline, margin=0.1):
    """A verdict for a test none of whose runs crossed (notebook 05's suspects' table, p117, r116 Correctness: 0 of 5
    in 400 epochs read as "did not help"): if every run ends at least `margin` below the baseline's lowest last loss,
    it helped but too slowly; otherwise it was not enough alone."""
    ends, base = np.asarray(runs.loss)[:, -1], np.asarray(baseline.loss)[:, -1]
    return "helps, but too slowly alone" if ends.max() < base.min() - margin else "not enough alone"


def forward_shrink(seeds=race.RACE_SEEDS, layer=3):
    """The guess after the suspects' table (notebook 05, p116): at epoch 0, before any step, the typical size (median
    of |output| over all 400 points, 32 units and the five seeds) of hidden layer `layer`'s outputs, and the share of
    its weighted sums beyond ±1, for sigmoid − 0.5, sigmoid − 0.5 with the bigger start, and tanh: {label: (size,
    share)}. Near 0, sigmoid − 0.5 is about x/4, so each layer passes forward about a quarter of what it got."""
    X, y = data.spiral()
    sizes = {}
    for label, kw, scale in ((CENTRED_LABEL, VARIANTS[CENTRED_LABEL], 1.0),
                             ("start ×4", VARIANTS[CENTRED_LABEL], START_TRY), ("tanh", dict(activation="tanh"), 1.0)):
        t = race.Training(X, y, seeds=seeds, optimizer="adam", lr=race.RACE_RECIPE["lr"], start_scale=scale, **kw)
        z, a = t.hidden_layer(layer)   # p117 (hygiene): the engine's public method, not its privates
        sizes[label] = (float(np.median(np.abs(a))), float(np.mean(np.abs(z) > 1)))
    return sizes


def shrink_guess(sizes=None):
    """The guess's words, numbers from forward_shrink (notebook 05, p116)."""
    sizes = sizes or forward_shrink()
    (mine, share), (bigger, spread), (tanh, _) = (sizes[k] for k in (CENTRED_LABEL, "start ×4", "tanh"))
    none = "none" if share == 0 else f"only {_percent(share)}"
    return (f"**Our guess why (a hypothesis).** Near 0, {CENTRED_LABEL} is about x ÷ 4. So each bend passes on "
            f"only about a quarter of its sum. We measured hidden layer 3's outputs at epoch 0. Their typical size: "
            f"{mine:.2g} for {CENTRED_LABEL}, {bigger:.2g} with the bigger start, {tanh:.2g} for tanh. "
            f"For {CENTRED_LABEL}, {none} of layer 3's sums reach past ±1. Inside ±1 its curve is nearly the straight "
            "line x ÷ 4. So its network starts out acting almost like the straight runner. "
            # p117 (r116 Clarity: "The bigger start undoes the quarter" had to be decoded): what the start changes,
            # measured (forward_shrink's share beyond ±1)
            f"With the bigger start, {_percent(spread)} of those sums reach past ±1. So it no longer acts like the "
            "straight runner.")


def start_try_answer(threshold=0.1, mine=None):
    """The fold after the last try (notebook 05, r112 Interaction: it had no answer): the live race at its defaults
    with start ×4 trains start_runs' seed 0 (tests/test_chapter_05.py); its crossing, and the five tested runs'."""
    from IPython.display import Markdown

    mine = mine or start_runs()
    at = race.epochs_to(mine.loss, threshold)
    # r114 (Interaction: "does it learn?" was answered before): the try asks at which epoch seed 0 crosses
    first = (f"At seed 0 it crosses {threshold:g} at epoch {at[0]:.0f}." if np.isfinite(at[0]) else
             f"At seed 0 it does not cross {threshold:g} in {np.shape(mine.loss)[-1]} epochs.")
    said = f"{first} In the tested runs, {_count_of_five(int(np.isfinite(at).sum()))} crossed."
    return Markdown(f"<details><summary>Check your prediction</summary>\n\n{said}\n\n</details>")


def _embedded(fig, width=860):
    """A figure as an <img> inside a markdown fold, its label as the alt text."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return tables.image(buffer.getvalue(), fig.get_label(), width)


TRIES = (f"neither: {CENTRED_LABEL}", "bigger steps alone", "bigger start alone", f"both: {STRETCH_TEST[3]}")


def tries_figure(runs, steps, start, threshold=0.1):
    """The optional part's tries in one picture (notebook 05, pass 89, r89 Focus): five runs each, on one shared scale,
    of sigmoid − 0.5 as raced, with bigger steps alone (`steps`: rate_runs()), with a bigger start alone (`start`:
    start_runs()), and with both (the steep runner, from `runs`: verdict_runs). The alt text gives how many runs
    crossed and, where they did, between which epochs; not the last losses, which at rate 0.04 move with the last
    bits another CPU rounds."""
    plain, steep = _runner_colour(CENTRED_LABEL, 1), _runner_colour(STRETCH_TEST[3], 3)
    panels = list(zip(TRIES, (plain, plain, plain, steep), (runs[CENTRED_LABEL], steps, start, runs[STRETCH_TEST[3]])))
    fig = _panels_beside_key(panels, threshold)
    fig.set_label(f"Four small plots on one scale, five runs each: training loss (log scale) against epoch, with a "
                  f"dashed line at {threshold:g} and a hollow circle where a run first crosses it. " + "; ".join(
                      f"{title}: {np.isfinite(race.epochs_to(r.loss, threshold)).sum()} of {len(r.loss)} runs crossed"
                      + (f", {_crossing_words(r, threshold).replace('–', ' to ')}"
                         if np.isfinite(race.epochs_to(r.loss, threshold)).any() else "")
                      for title, _colour, r in panels) + ".")
    return fig


def _count_of_five(n):
    """"all five", "none of the five" or "3 of the five"."""
    return "all five" if n == 5 else "none of the five" if n == 0 else f"{n} of the five"


def gradient_table(results, epoch=0):
    """Mean per-layer gradient norm over seeds at a recorded epoch (the first record at or after `epoch`)."""
    rows = []
    for name, r in results.items():
        k = int(np.searchsorted(r.recorded_epochs, epoch))
        g = r.grad_norms[:, k, :].mean(axis=0)
        rows.append([activations.get(name).label] + [f"{v:.2e}" for v in g])
    layers = next(iter(results.values())).grad_norms.shape[-1]
    return tables.Table(["activation"] + [f"layer {i + 1}" for i in range(layers)], rows,
                 note=f"mean over seeds of the weight-gradient norm at epoch {epoch}; layer 1 is nearest the input")



# The learning-rate slider's notches (r57 Focus 2: a log slider's 10^-1.4 read 0.0398, plumbing): 1, 2 and 4 in each
# tenfold, three notches a tenfold as on a log scale, from 1/10,000 to 1. They hold the race's 0.01, the try's 0.04
# (4 × 0.01) and try 5's 1 exactly.
LR_NOTCHES = tuple(round(m * 10.0 ** e, 6) for e in range(-4, 0) for m in (1, 2, 4)) + (1.0,)


def _notch(lr):
    """The slider's notch nearest `lr` on a log scale (the slider can hold no other value)."""
    return min(LR_NOTCHES, key=lambda v: abs(math.log(v / lr)))


# The straight network ("no bend") first: the baseline every bend is measured against.
CONTESTANTS = ("identity",) + race.RACE
_LOSS_LIMITS = (0.01, 3.0)


# The live race's table: the epoch each runner's loss first fell below the chapter's "learnt" line.
CROSSED = "crossed 0.1 at epoch"
START_CAPTION = "The start: epoch 0, nothing trained yet. Press Race!"


def _crossed(curve, otherwise):
    """The first epoch of a loss curve (loss at the start of each epoch, then now) below 0.1, or `otherwise`."""
    at = race.epochs_to(curve, 0.1)[0]
    return otherwise if np.isnan(at) else f"{at:.0f}"


def _spoken(done, epochs, status, rows):
    """The live race's picture in sentences, for a screen reader: the readout's rows, each read out in words."""
    said = [f"Live race at the start: epoch 0 of {epochs}, nothing trained yet." if done == 0 else
            f"Live race, epoch {done} of {epochs} ({status})."]
    for bend, loss, crossed, *right in rows:
        bend = bend[0].upper() + bend[1:]   # each runner starts a sentence
        when = (f"crossed 0.1 at epoch {crossed}" if crossed.isdigit() else
                "not below 0.1 yet" if crossed == "not yet" else "never below 0.1")
        points = f"{right[0]} of training points right" + (f", {right[1]} of fresh points right" if len(right) > 1 else "")
        said.append(f"{bend}: loss {loss}, {when}, {points}.")
    return " ".join(said)


def short_name(name):
    """A bend's name as the race's panels and printouts give it. The identity is "straight (no bend)": a bare
    "no bend" reads as "none of the bends" in a sentence ("No bend drops to the shrug line")."""
    return STRAIGHT if name == "identity" else name if name in VARIANTS else _label(name)


STRAIGHT = "straight (no bend)"
# The stretch test's runners: colours no raced bend has, and marks no bend's line has.
# r57 Picture 2: none dotted, as the shrug line is (the steep one was).
# pass 89b (r90 Picture: the two centred sigmoids both had triangles, in near pink and purple): each its own mark,
# dash and colour (pink dashed triangles; dark grey dash-dot crosses; navy solid squares)
_VARIANT_LOOKS = dict(zip(VARIANTS, (("#CC79A7", "--", "^"), ("#333333", "-.", "X"), ("#1F3F8F", "-", "s"))))   # r37: not near sigmoid's orange


def _runner_colour(name, i):
    """A runner's colour: its bend's own, or for the stretch test's runners one of their own."""
    return _VARIANT_LOOKS[name][0] if name in VARIANTS else plots.color(name, i)


def _runner_style(name, i):
    """A runner's dash and mark (plots.line_style), the stretch test's runners each with a mark of its own."""
    if name in VARIANTS:
        return {"ls": _VARIANT_LOOKS[name][1], "marker": _VARIANT_LOOKS[name][2], "markevery": 0.08, "ms": 4.5}
    if name == "gelu_tanh":   # r57 Picture 2: the registry's dotted GELU read as the dotted shrug line; solid, diamonds
        return {"ls": "-", "marker": "D", "markevery": 0.08, "ms": 4}
    return plots.line_style(name, i)


_short = short_name


def _region_colours():
    """Blue (class 0) through white (unsure) to orange (class 1): the regions show how sure a network is."""
    from matplotlib.colors import LinearSegmentedColormap, to_rgb
    mix = lambda c, amount: tuple(np.array(to_rgb(c)) + (1 - np.array(to_rgb(c))) * amount)
    return LinearSegmentedColormap.from_list("regions", [mix(plots.ACCENT, 0.6), (1, 1, 1), mix(plots.VANISHING, 0.6)])


# The live squares' rows: tall enough for square maps under their titles (x₁ and x₂ share a scale).
ROW_PX = 190
# The end labels beside the loss axes: the least gap between two of them, as a share of the axes' height, and the
# room they take on the right (pixels).
END_GAP = 0.09
END_PX = 240   # pass 94: room for "straight (no bend): 0.69", the widest end label


def spread(targets, gap, low=0.0, high=1.0):
    """Heights for labels wanted at `targets`, moved apart to at least `gap` between neighbours: labels that would
    collide form a group centred on their wanted heights; the whole set is then kept between low and high."""
    targets = np.asarray(targets, dtype=float)
    order = np.argsort(targets, kind="stable")
    groups = []   # [sum of wanted heights, count], bottom to top
    for t in targets[order]:
        groups.append([t, 1])
        while len(groups) > 1:
            (s1, n1), (s2, n2) = groups[-2], groups[-1]
            if s2 / n2 - (n2 - 1) / 2 * gap - (s1 / n1 + (n1 - 1) / 2 * gap) >= gap - 1e-12:
                break
            groups[-2:] = [[s1 + s2, n1 + n2]]
    placed = np.concatenate([s_ / n + (np.arange(n) - (n - 1) / 2) * gap for s_, n in groups]) if groups else targets
    if placed.size:
        placed = placed + max(0.0, low - placed.min()) - max(0.0, placed.max() - high)
    out = np.empty_like(placed)
    out[order] = placed
    return out


def _end_labels(ends, values):
    """Move each runner's name (and a sample of its line) to the right of the loss axes, at its line's last height."""
    if not ends:
        return
    low, high = np.log10(_LOSS_LIMITS)
    wanted = [(np.log10(v) - low) / (high - low) for v in values]
    for (sample, label), at in zip(ends, spread(wanted, END_GAP)):
        sample.set_ydata([at] * 3)
        label.xy = (1.0, at)


# The live squares' key, under them: pale means unsure, strong colour means sure; the black line is one half.
KEY_PX = 60
KEY_WORDS = ("sure: blue", "unsure (one half): the border", "sure: orange")


def _shading_key(ax, cmap):
    """A strip from blue through white to orange, with the border's line at one half (notebook 05's live squares)."""
    ax.imshow(np.linspace(0, 1, 256)[None, :], cmap=cmap, vmin=0, vmax=1, extent=(0, 1, 0, 1), aspect="auto")
    ax.axvline(0.5, color="black", lw=1.5)
    ax.set_xticks([0.0, 0.5, 1.0], KEY_WORDS, fontsize=9)
    for label, align in zip(ax.get_xticklabels(), ("left", "center", "right")):
        label.set_horizontalalignment(align)
    ax.set_yticks([])
    ax.set_ylabel("shading", rotation=0, ha="right", va="center", fontsize=9)
    ax.tick_params(length=0)
    ax.grid(False)


def _redraw_border(live, panel, borders, name, gx, gy, p):
    """Replace a live square's border (where its network says one half) with this frame's; none if it never does."""
    if borders[name] is not None:
        live.still(borders[name])
        borders[name] = None
    if p.min() < 0.5 < p.max():
        borders[name] = live.moving(panel.contour(gx, gy, p, levels=[0.5], colors="black", linewidths=1))


@plots.styled
def live_race(names=("identity", "sigmoid", "tanh", "relu", "gelu_tanh"), lr=race.RACE_RECIPE["lr"],
              epochs=race.RACE_RECIPE["epochs"], seed=0, optimizer=race.RACE_RECIPE["optimizer"], every=10, play=False,
              menu=None, resolution=32, dtype=np.float64, start_box=None):
    """Race the ticked bends live: loss curves and decision regions redrawn while they train (notebook 05).

    Press Race! to train in a background thread (so Stop can be clicked); the picture is redrawn
    every `every` epochs, only its moving parts. play=True runs one race to the end before
    returning, in this thread: an executed notebook then stores the finished race, whatever the
    machine's timing. Changing a setting shows the new start (epoch 0). frame_ms holds the time of
    each frame's redraw (predictions on the grid, artists, PNG), frames the number drawn.
    start_box (default: shown in the four-curve race only) adds a "start ×4" check box: ticked, every runner's weights
    and biases into its hidden bends start START_TRY× bigger (Training's start_scale, as in start_runs).
    """
    import threading
    import time

    # The stretch test's runners are offered only in a race that starts with one of them (r37: the first race showed
    # three tick boxes sections before they are explained).
    menu = menu or CONTESTANTS + (tuple(VARIANTS) if set(VARIANTS) & set(names) else ())
    X, y = data.spiral()
    X_test, y_test = data.spiral(seed=43)
    pad = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 0.1
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    cmap = _region_colours()
    width, ncols = 860, 5

    checks = {n: widgets.Checkbox(value=n in names, description=_short(n), indent=False,
                                  layout=widgets.Layout(width="160px")) for n in menu}
    wide = dict(style={"description_width": "initial"}, layout=widgets.Layout(width="420px"))
    controls = {
        "lr": widgets.SelectionSlider(options=[(f"{v:g}", v) for v in LR_NOTCHES], value=_notch(lr),
                                      description="learning rate", **wide),
        "epochs": widgets.IntSlider(value=epochs, min=50, max=1500, step=50, description="epochs", **wide),
        "seed": widgets.BoundedIntText(value=seed, min=0, max=10_000, description="seed",
                                       style={"description_width": "initial"}, layout=widgets.Layout(width="160px")),
        "optimizer": widgets.Dropdown(options=[("Adam", "adam"), ("plain gradient descent", "gd")], value=optimizer,
                                      description="optimizer", style={"description_width": "initial"}),
    }
    if start_box if start_box is not None else bool(set(VARIANTS) & set(menu)):
        controls["start"] = widgets.Checkbox(value=False, description=f"start ×{START_TRY:g}", indent=False,
                                             layout=widgets.Layout(width="120px"))
    go = widgets.Button(description="Race!", button_style="primary", icon="play")
    halt = widgets.Button(description="Stop", button_style="warning", icon="stop", disabled=True)
    bar = ProgressBar(value=0, min=0, max=epochs, description="epochs trained",
                      style={"description_width": "initial"}, layout=widgets.Layout(width="420px"))
    readout = widgets.HTML()
    image = NamedImage(format="png")
    stop = threading.Event()
    lines = {}
    state = {"results": None, "running": False, "frames": 0, "frame_ms": [], "thread": None, "error": None,
             "spoken": "Live race, not drawn yet."}
    parts = {}

    def settings():
        return dict(chosen=[n for n in menu if checks[n].value], seed=controls["seed"].value,
                    epochs=controls["epochs"].value, lr=controls["lr"].value, optimizer=controls["optimizer"].value,
                    scale=START_TRY if "start" in controls and controls["start"].value else 1.0)

    @plots.styled   # called from button presses and observers too, outside the factory's style context
    def build(chosen, epochs):
        """A new figure for these contestants: still parts drawn once, moving artists registered."""
        rows = -(-len(chosen) // ncols)
        height = 240 + (ROW_PX * rows + KEY_PX if rows else 0)
        live = LiveFigure(width, height)
        live.image = image
        image.layout = widgets.Layout(width=f"{width}px", height=f"{height}px")
        fig = live.figure
        fig.clear()
        outer = fig.add_gridspec(2 if rows else 1, 1, height_ratios=[220, ROW_PX * rows] if rows else None)
        top = outer[0].subgridspec(1, 2, width_ratios=[width - END_PX, END_PX], wspace=0)
        ax = fig.add_subplot(top[0])
        room = fig.add_subplot(top[1])   # empty: the end labels' room, kept by the layout
        room.axis("off")
        ax.set(xlim=(0, epochs), ylim=_LOSS_LIMITS, yscale="log", xlabel="epoch", ylabel="training loss (log scale)",
               title="loss: lower is better")
        _plain_log(ax)
        ax.axhline(0.1, color="black", lw=1, ls="--", zorder=1)
        ax.axhline(np.log(2), color=plots.MUTED, lw=1, ls=":", zorder=1)
        lines.clear()
        lines["finish"] = live.moving(ax.axvline(epochs, color="black", lw=1.5))
        # Said in the picture, so a stored still cannot pass for a finished race.
        caption = live.moving(ax.text(0.5, 0.25, "", transform=ax.transAxes, ha="center", va="center",
                                      fontsize=12, fontweight="bold", color="#333333"))
        heads, images, notes, borders, ends = {}, {}, {}, {}, {}
        grid_spec = outer[1].subgridspec(rows, ncols) if rows else None
        for i, name in enumerate(chosen):
            colour = _runner_colour(name, i)
            # The straight network sits on the shrug line, where sigmoid creeps just below it: a thinner baseline,
            # drawn first, leaves sigmoid's dashes in view.
            look = dict(_runner_style(name, i), lw=2)
            if name == "identity":   # a thick pale band with squares: sigmoid's dashes stay visible on top of it
                look.update(lw=5, ms=5, alpha=0.45)
            lines[name] = live.moving(ax.plot([], [], color=colour, label=_short(name), **look)[0])
            heads[name] = lines[f"{name} runner"] = live.moving(ax.plot([], [], "o", color=colour, ms=6)[0])
            # Its name at the right end of its line, with a piece of the line's look: no legend to match up.
            sample_look = {**look, "markevery": [1]} if "marker" in look else look
            ends[name] = (live.moving(ax.plot([1.008, 1.03, 1.052], [0.5] * 3, color=colour, transform=ax.transAxes,
                                              clip_on=False, **sample_look)[0]),
                          live.moving(ax.annotate(_short(name), (1.0, 0.5), xycoords="axes fraction", va="center",
                                                  xytext=(38, 0), textcoords="offset points",
                                                  ha="left", fontsize=9, color=colour, fontweight="bold",
                                                  annotation_clip=False)))
            for part in ends[name]:
                part.set_in_layout(False)   # the layout keeps their room beside the axes, not around them
            panel = fig.add_subplot(grid_spec[i // ncols, i % ncols])
            images[name] = live.moving(panel.imshow(np.full((resolution, resolution), 0.5), origin="lower", cmap=cmap,
                                                    vmin=0, vmax=1, extent=(lo[0], hi[0], lo[1], hi[1]),
                                                    interpolation="bilinear", aspect="equal"))
            for cls, colour_, marker in ((0, plots.ACCENT, "o"), (1, plots.VANISHING, "^")):
                # Line markers draw faster than a scatter: this is redrawn on every frame, over the regions.
                live.moving(panel.plot(*X[y.ravel() == cls].T, marker, color=colour_, ms=2.6, mew=0)[0])
            notes[name] = live.moving(panel.text(0.03, 0.03, "", transform=panel.transAxes, fontsize=9,
                                                 fontweight="bold"))
            panel.set_title(_short(name), color=colour, fontsize=10, fontweight="bold")
            panel.set(xticks=[], yticks=[], xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
            borders[name] = None   # the border line, redrawn on every frame where the network's answer crosses one half
        if rows:   # the key in a strip the layout leaves free at the bottom
            fig.get_layout_engine().set(rect=(0, KEY_PX / height, 1, 1 - KEY_PX / height))
            _shading_key(fig.add_axes((0.25, 0.55 * KEY_PX / height, 0.5, 0.25 * KEY_PX / height)), cmap)
        # The two lines' words, drawn after the curves (on a pale box) so no curve crosses them: the shrug line's
        # above it, left of the middle, where every runner has already sunk below it.
        box = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85)
        live.moving(ax.annotate("0.1: finish line", (0.995, 0.1), xycoords=("axes fraction", "data"), xytext=(0, 3),
                                textcoords="offset points", ha="right", va="bottom", fontsize=9, bbox=box))
        live.moving(ax.annotate(f"{np.log(2):.2f}: shrug line (one half for every point)", (0.3, np.log(2)),
                                xycoords=("axes fraction", "data"), xytext=(0, 5), textcoords="offset points",
                                ha="center", va="bottom", fontsize=9, color="#555555", bbox=box))
        parts.update(live=live, ax=ax, caption=caption, heads=heads, images=images, notes=notes, borders=borders,
                     chosen=list(chosen), epochs=epochs, ends=ends)
        w.live, w.figure = live, fig
        w.axes = dict(loss=ax, regions=[im.axes for im in images.values()], ends=ends)

    def frame(done, trainings):
        t0 = time.perf_counter()
        rows, last, said = [], [], []
        for name, t in trainings.items():
            loss_now, acc_now = t.now()
            curve = np.append(t.losses[0], loss_now[0])
            lines[name].set_data(np.arange(len(curve)), np.clip(curve, *_LOSS_LIMITS))
            parts["heads"][name].set_data([done], [np.clip(curve[-1], *_LOSS_LIMITS)])
            last.append(np.clip(curve[-1], *_LOSS_LIMITS))
            said.append(f"{curve[-1]:.2f}")   # as its square's "loss 0.61" says it
            p = t.predict_proba(grid)[0].reshape(resolution, resolution)
            parts["images"][name].set_data(p)
            _redraw_border(parts["live"], parts["images"][name].axes, parts["borders"], name, gx, gy, p)
            parts["notes"][name].set_text(f"loss {curve[-1]:.2f}")
            rows.append([_short(name), f"{curve[-1]:.3f}", _crossed(curve, "not yet"), f"{acc_now[0]:.0%}"])
        # pass 94 (r95 Picture first: straight, sigmoid and the shrug line overlap near 0.6 to 0.7): once finished,
        # each name also gives its line's last loss, rounded as its square's note rounds it
        for name, value in zip(trainings, said):
            parts["ends"][name][1].set_text(_short(name) + (f": {value}" if done == parts["epochs"] else ""))
        ends = [parts["ends"][n] for n in trainings]
        if done == 0:   # all lines start together: name them top to bottom in the squares' order (r38), not by a hair's loss
            ends, last = ends[::-1], [float(np.exp(np.mean(np.log(last))))] * len(last)
        _end_labels(ends, last)
        parts["caption"].set_text("" if state["running"] or done else START_CAPTION)
        parts["live"].render()
        bar.max, bar.value = parts["epochs"], done
        status = ("finished" if done == parts["epochs"] else "stopped" if stop.is_set() else "racing") \
            if state["running"] else "ready: press Race!"
        state["spoken"] = _spoken(done, parts["epochs"], status, rows)   # before the readout: it renames the picture
        readout.value = (f"<b>epoch {done} of {parts['epochs']}</b> ({status})"
                         + tables.html_table(("bend", "loss now", CROSSED, "training points right"), rows))
        state["frames"] += 1
        state["frame_ms"].append((time.perf_counter() - t0) * 1000.0)

    def trainings_for(s):
        return {n: race.Training(X, y, **VARIANTS.get(n, dict(activation=n)), seeds=(s["seed"],), lr=s["lr"],
                                 optimizer=s["optimizer"], dtype=dtype, start_scale=s["scale"]) for n in s["chosen"]}

    def start_line(_change=None):
        """Settings changed: draw the new contestants at epoch 0, untrained."""
        if state["running"]:
            return
        s = settings()
        if s["chosen"] != parts.get("chosen") or s["epochs"] != parts.get("epochs"):
            build(s["chosen"], s["epochs"])
        state["results"] = None
        bar.max, bar.value = s["epochs"], 0
        frame(0, trainings_for(s))
        if not s["chosen"]:
            readout.value = "Tick at least one bend, then press Race!"

    def run():
        """One race with the current settings, drawn as it goes (in whatever thread calls it)."""
        s = settings()
        try:
            build(s["chosen"], s["epochs"])
            bar.max, bar.value = s["epochs"], 0   # a race stopped before its first frame must not show the last one's bar
            with race.one_blas_thread():
                state["results"] = race.race_together(
                    X, y, s["chosen"], seeds=(s["seed"],), every=every, on_frame=frame, stop=stop, X_test=X_test,
                    y_test=y_test, epochs=s["epochs"], lr=s["lr"], optimizer=s["optimizer"], dtype=dtype,
                    variants=VARIANTS, start_scale=s["scale"])
        except Exception as error:   # a thread's exception would vanish: show it
            state["error"] = error
            readout.value = f"The race failed: {error!r}"
        finally:
            state["running"] = False
            for control in (*controls.values(), *checks.values(), go):
                control.disabled = False
            halt.disabled = True
        if state["results"]:
            done = next(iter(state["results"].values())).loss.shape[1]
            rows = [[_short(n), f"{r.final_loss[0]:.3f}",
                     _crossed(np.append(r.loss[0], r.final_loss[0]), "never" if done == s["epochs"] else "not yet"),
                     f"{r.train_accuracy[0]:.0%}", f"{r.test_accuracy[0]:.0%}"]
                    for n, r in state["results"].items()]
            bar.value = done
            state["spoken"] = _spoken(done, s["epochs"], "finished" if done == s["epochs"] else "stopped", rows)
            readout.value = (f"<b>epoch {done} of {s['epochs']}</b> ({'finished' if done == s['epochs'] else 'stopped'})"
                             + tables.html_table(("bend", "last loss", CROSSED, "training points right",
                                                  "fresh points right"), rows))

    def begin(background=True):
        if state["running"]:
            return
        state["running"], state["error"] = True, None
        stop.clear()
        for control in (*controls.values(), *checks.values(), go):
            control.disabled = True
        halt.disabled = False
        if background:
            state["thread"] = threading.Thread(target=run, name="live race", daemon=True)
            state["thread"].start()
        else:
            run()

    go.on_click(lambda _b: begin())
    halt.on_click(lambda _b: stop.set())
    w = LiveWidget([], LiveFigure(width, 200), "Live race at the start (epoch 0, untrained): press Race! to watch, "
                   "Stop to end early (static picture below)",
                   sliders={"epochs": controls["epochs"], "seed": controls["seed"]}, readout=readout,
                   controls=controls, checkboxes=checks, button=go, stop_button=halt, progress=bar, lines=lines,
                   state=state, stop=stop, image=image, describe=lambda: state["spoken"])
    w.start, w.race_now = begin, lambda: begin(background=False)
    w.join = lambda timeout=None: state["thread"] and state["thread"].join(timeout)
    start_line()
    for control in (*controls.values(), *checks.values()):
        control.observe(start_line, names="value")
    if play:
        begin(background=False)
    menu_box = widgets.GridBox(list(checks.values()), layout=widgets.Layout(grid_template_columns="repeat(5, 160px)"))
    w.trainings_for = lambda: trainings_for(settings())   # the networks a press of Race! would start from
    w.children = [menu_box, controls["lr"], controls["epochs"],
                  widgets.HBox([controls["seed"], controls["optimizer"]] + ([controls["start"]] if "start" in controls
                                                                           else [])),
                  widgets.HBox([go, halt, bar]), image, readout]
    return w


class FoldedRace:
    """The finished race behind a click (<details> in a markdown output): paragraphs, with the race's last frame after
    the first. Its plain text is a fixed caption (nbval compares it); the numbers are in the fold, read from the run.
    pass 87 (r86 Interaction: an HTML fold reads as open text in a static export, the answer under its question):
    markdown, like the tries' folds, so a static page keeps the fold closed."""

    def __init__(self, summary, paragraphs, png, alt):
        self.summary, self.paragraphs, self.png, self.alt = summary, paragraphs, png, alt

    def __repr__(self):
        return f"{self.summary} (folded): the finished race, drawn as the live race draws it"

    def _repr_markdown_(self):
        import html
        img = tables.image(self.png, self.alt, 860)
        body = [self.paragraphs[0], img] + list(self.paragraphs[1:])
        return f"<details><summary>{html.escape(self.summary)}</summary>\n\n" + "\n\n".join(body) + "\n\n</details>"


def _end_loss(value, low=0.05):
    """A run's last loss in words: "below 0.05" for a run that learnt (p75: 0.02 or 0.03 at seed 0, moved by the last
    bit of another CPU), else two decimals (0.61, 0.69: far from any rounding edge)."""
    return f"below {low:g}" if value < low else f"{value:.2f}"


# pass 91 (r92 Interaction: "press Race! first" let the learner skip the race): the fold asks for the learner's notes
RACE_CHECK = "Check your prediction (after you write down the two epochs)"


def race_check(finished=None):
    """The fold under the live race (notebook 05): the live race run to its end exactly as a learner's Race! runs
    it (or `finished`, a live race already run), its last frame, and the answer to the Predict above it, every
    number read from that run."""
    w = finished or live_race(play=True)
    runs = w.state["results"]
    at = {n: race.epochs_to(r.loss, 0.1)[0] for n, r in runs.items()}
    # a run that never crosses sorts last (code review: nan keys left the order to chance)
    first, second = sorted(("relu", "tanh"), key=lambda n: (not np.isfinite(at[n]), at[n] if np.isfinite(at[n]) else 0))
    named = {"relu": "ReLU", "tanh": "tanh"}   # mid-sentence, tanh is lower case
    gelu = runs["gelu_tanh"]
    # GELU's loss climbs back above 0.1 for a few epochs after its first crossing (272 to 273 over nudged starts,
    # its height and length vary): said to the nearest ten epochs, and only if the run shows it.
    back = np.flatnonzero(gelu.loss[0, int(at["gelu_tanh"]):] > 0.1) + at["gelu_tanh"] if np.isfinite(
        at["gelu_tanh"]) else np.array([])
    # r57 Focus 1: one number per claim, so GELU's crossing and its jump are said without their epochs.
    spike = (" Later, GELU's loss jumps back above 0.1 for a short while, then falls again: the loss need not fall "
             "at every step." if back.size and gelu.final_loss[0] < 0.1 else "")
    earlier = "even earlier" if at["gelu_tanh"] < at[first] else "later"

    # pass 80 (r77 Focus: answers full of numbers): the gap in words, to ten epochs; the five-run picture has the epochs
    # code review (session 34): a gap under 10 epochs rounded to "about 0 epochs before"; no crossing said "nan"
    lead = at[second] - at[first]
    gap = (f"Neither crosses 0.1 in this run." if not np.isfinite(at[first]) else
           f"It crosses 0.1; {named[second]} does not." if not np.isfinite(at[second]) else
           f"It crosses 0.1 at about the same epoch as {named[second]}." if lead < 10 else
           f"It crosses 0.1 about {round(lead, -1):.0f} epochs before {named[second]}.")
    # pass 81 (r78 Interaction 1: the fold answered only the second question, and its first words read as the
    # answer to the first): both answers, in the Predict's order; the "After the race" fold merged in here
    straight = runs["identity"].final_loss[0]
    stays = abs(straight - np.log(2)) < 0.02
    said = [("The straight runner (thick grey line) stays on the shrug line. " if stays else
             f"The straight runner (thick grey line) ends at loss {straight:.2f}. ")
            + "Why: without a bend, its layers collapse into one straight border (chapter 01). One straight border "
            "cannot split the spirals: it gets about half the points right, a coin toss. "
            f"Sigmoid creeps only a little below it, to {runs['sigmoid'].final_loss[0]:.2f}.",
            # pass 82 (r80 Interaction: the learner may have changed the settings): the run named as the default's
            # pass 82 (r80 Clarity/Focus: the open question why ReLU beat tanh, with a garbled pointer to the sigmoid
            # section, was an aside off the main path): cut; the caution stays, and try 2 below changes the seed
            # pass 88 (r87 Interaction: three questions before one run): only the first is asked before the race;
            # the second is asked here, where the run answers it
            # pass 91 (r92 Interaction: the fold could be opened without racing): the learner's two noted epochs
            f"Which crossed first, tanh or ReLU? {named[first]}, at seed 0, the default. {gap} "
            + ("Compare the two epochs you wrote down. " if np.isfinite(at[second]) else "")
            + f"GELU crosses {earlier}.{spike} "
            "Is one run enough to tell? No: one seed's winner is not a rule."]
    # pass 82 (r80: the alt text carries the numbers the answer relies on): each crossing's epoch too
    alt = ("The finished live race, seed 0, 400 epochs: loss curves on a log scale, and each runner's shading. "
           + "; ".join(f"{short_name(n)} ends at loss {_end_loss(r.final_loss[0])}"
                       + (f", first below 0.1 at epoch {at[n]:.0f}" if np.isfinite(at[n]) else "")
                       for n, r in runs.items()) + ".")
    # The fold holds the finished picture, so its summary asks for the race first (r34: opened early, it gives it away).
    return FoldedRace(RACE_CHECK, said, bytes(w.image.value), alt)


@plots.styled
def loss_multiples(results, threshold=0.1, ncols=5, versus=("relu", "tanh")):
    """One small panel per bend, every seed's loss curve in it, shared axes: no curve hides another; a mark at the
    threshold line where each run first crosses it (notebook 05). r55 Picture 3: the two `versus` bends' panels each
    say at which seeds that bend crossed first, so the order the chapter remembers is in the picture."""
    fig = _multiples([(_short(n), plots.color(n, i), r) for i, (n, r) in enumerate(results.items())], threshold,
                     ncols)
    said = ""
    if all(n in results for n in versus):
        for me, other in (versus, versus[::-1]):
            ax = fig.axes[list(results).index(me)]
            seeds = _seed_list(first_at(results, me, other, threshold))
            # r57 Picture 3: larger, and at the top right, above every curve and clear of the hanging marks
            ax.text(0.97, 0.97, f"before {_mid_name(other)}:\n{seeds}",
                    transform=ax.transAxes, ha="right", va="top", fontsize=10, color="#333333")
            said += f" {short_name(me)}'s plot notes it crossed before {_mid_name(other)} at {seeds}."
    fig.set_label(fig.get_label() + said)
    return fig


def first_at(results, me, other, threshold=0.1):
    """The seeds at which bend `me` first crosses `threshold` before bend `other` does (notebook 05)."""
    mine, theirs = (np.where(np.isfinite(a), a, np.inf) for a in
                    (race.epochs_to(results[n].loss, threshold) for n in (me, other)))
    return [s for s, a, b in zip(results[me].seeds, mine, theirs) if a < b]


def _mid_name(name):
    """A bend's name mid-sentence: tanh in lower case, as the chapter writes it."""
    return "tanh" if name == "tanh" else short_name(name)


def _seed_list(seeds):
    """"seeds 0, 1", "seed 3" or "no seed"."""
    return "no seed" if not seeds else f"seed{'s' if len(seeds) > 1 else ''} " + ", ".join(str(s) for s in seeds)


CROSS_MARK = "o"   # a run's first crossing: one hollow circle (r70 Picture: five shapes and a strip were busy)


def _cross_key():
    """The key's one entry for the crossing marks."""
    from matplotlib.lines import Line2D
    return Line2D([], [], ls="", marker=CROSS_MARK, ms=6.5, mfc="white", mec="black", mew=1.2,
                  label="a run's first\ncrossing")


def _crossing_words(runs, threshold):
    """A panel title's third line: "at epochs 176–326" where runs crossed `threshold`, else the last losses."""
    at = race.epochs_to(runs.loss, threshold)
    if np.isfinite(at).any():
        low, high = np.nanmin(at), np.nanmax(at)
        return f"at epoch {low:.0f}" if low == high else f"at epochs {low:.0f}–{high:.0f}"
    return f"last loss {_loss_range(runs.final_loss)}"


def _multiples(panels, threshold, ncols, panel_px=172):
    """The small multiples of loss_multiples, one panel per (title, colour, Runs), each `panel_px` wide; each run's
    first crossing marked on the threshold line, and the panel's title says between which epochs they fall (r70
    Picture: the title replaces the tie strip and the five shapes)."""
    nrows = -(-len(panels) // ncols)
    fig, axes = plots.new_figure(panel_px * ncols, 230 * nrows + 30 + (panel_px - 172) // 2, nrows, ncols,
                                 sharex=True, sharey=True)
    axes = np.atleast_1d(axes).ravel()
    for i, (ax, (title, colour, r)) in enumerate(zip(axes, panels)):
        reached = np.isfinite(race.epochs_to(r.loss, threshold)).sum()
        for run in r.loss:
            ax.plot(np.arange(len(run)), np.clip(run, *_LOSS_LIMITS), color=colour, lw=1.1, alpha=0.85)
        ax.axhline(threshold, color="black", lw=1, ls="--")
        for at in race.epochs_to(r.loss, threshold):   # a hollow dark circle on the line where each run first crosses
            if np.isfinite(at):
                ax.plot([at], [threshold], CROSS_MARK, ms=6.5, mfc="white", mec="black", mew=1.2, zorder=4)
        ax.set_yscale("log")
        ax.set_ylim(*_LOSS_LIMITS)
        ax.set_title(f"{title}\n{reached} of {len(r.loss)} crossed {threshold:g}\n{_crossing_words(r, threshold)}",
                     fontsize=9)
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    key = [_cross_key()]
    if len(axes) > len(panels):   # the key to the crossing marks in the spare square, else under the last panel
        axes[len(panels)].set_visible(True)
        axes[len(panels)].axis("off")
        axes[len(panels)].legend(handles=key, loc="center", fontsize=9)
    else:
        axes[len(panels) - 1].legend(handles=key, loc="lower left", fontsize=8)
    _plain_log(axes[0])
    fig.set_label(f"One small plot per runner, all on one scale: training loss (log scale) against epoch, one line per "
                  f"run, a dashed line at loss {threshold:g} and a hollow circle on it where each run first crosses "
                  f"it; each title says how many runs crossed and between which epochs. "
                  + "; ".join(f"{title}: {np.isfinite(race.epochs_to(r.loss, threshold)).sum()} of {len(r.loss)} runs "
                              f"crossed {threshold:g}, "
                              # session 31: a crossed panel's alt gives its epochs, not its last losses; folded
                              # into HTML (pass 74) the alt is compared by nbval, and 2-digit last losses such as
                              # 0.025/0.026 move with the last bits another CPU rounds (test_portable_outputs)
                              + (_crossing_words(r, threshold).replace("–", " to ") if
                                 np.isfinite(race.epochs_to(r.loss, threshold)).any()
                                 else f"last loss {_loss_range(r.final_loss)}") for title, _colour, r in panels) + ".")
    fig.supxlabel("epoch", fontsize=10)
    fig.supylabel("training loss (log scale)", fontsize=10)
    return fig


# The stretch test's curves and slopes (notebook 05): sigmoid moved, and its two stretches, beside tanh.
STRETCH_CURVES = ("sigmoid − 0.5", "2·sigmoid − 1", "sigmoid(4x) − 0.5", "tanh")
VERDICT_CURVES = ("sigmoid − 0.5", "sigmoid(4x) − 0.5", "tanh")   # the main path's two changed sigmoids beside tanh


def stretch_curve(name):
    """(value, slope) functions of one of STRETCH_CURVES: tanh, or a VARIANTS runner made as the race makes it."""
    if name == "tanh":
        t = activations.get("tanh")
        return lambda z: (t(z), t.derivative(z))
    v = VARIANTS[name]
    return mlp.slope_pair(v["activation"], None, v["shift"], v.get("stretch", (1.0, 1.0)))


_COUNT = {2: "two", 3: "three", 4: "four"}
STRETCH_LABEL_GAP = 0.34   # data units between the S-curves' end labels: two lines of 9-point text on a 2.2-tall axis


@plots.styled
def stretch_curves_figure(names=STRETCH_CURVES, half=4.0):
    """The stretch test's curves on one axis (notebook 05; the main path draws VERDICT_CURVES): each labelled with
    its slope at 0 and its reach, in the colour and dash the live race gives it."""
    z = np.linspace(-half, half, 401)
    fig, ax = plots.new_figure(860, 330)
    said = []   # the alt text's words for each curve, from the same numbers as its label
    lines = []
    for i, name in enumerate(names):
        value, slope = stretch_curve(name)(z)
        at0 = float(stretch_curve(name)(np.array([0.0]))[1][0])
        reach = float(np.abs(value).max())
        said.append(f"{name[0].upper() + name[1:]}: slope {at0:g}{' at 0' if i == 0 else ''}, reach ±{reach:.1g}. ")
        look = dict(_runner_style(name, STRETCH_TEST.index(name)), lw=2.2)   # the live race's dash and mark
        lines += ax.plot(z, value, color=_runner_colour(name, STRETCH_TEST.index(name)),
                         label=f"{name}: slope {at0:g} at 0, reach ±{reach:.1g}", **look)
    # r68 Picture: the legend squeezed the plot; each curve's name now sits at its right end, moved apart where the
    # ends nearly meet (sigmoid − 0.5 and sigmoid(4x) − 0.5 end near 0.5, the two tall ones near 1), a thin line back
    heights = spread([ln.get_ydata()[-1] for ln in lines], STRETCH_LABEL_GAP, low=-1.0, high=1.05)
    for ln, at in zip(lines, heights):
        ax.annotate(ln.get_label().replace(": ", "\n"), (half, ln.get_ydata()[-1]), (half + 0.35, at), va="center",
                    fontsize=9, linespacing=1.1,
                    color=ln.get_color(), annotation_clip=False,
                    arrowprops=dict(arrowstyle="-", color=ln.get_color(), lw=0.8, shrinkA=0, shrinkB=2))
    ax.axhline(0, color=plots.MUTED, lw=0.8)
    ax.axvline(0, color=plots.MUTED, lw=0.8)
    ax.set(xlim=(-half, half), ylim=(-1.1, 1.1), xlabel="input (weighted sum plus bias)", ylabel="output",
           title=f"{_COUNT[len(names)]} centred S-curves")
    fig.set_label(f"{_COUNT[len(names)].capitalize()} S-curves on one axis, all through 0. " + "".join(said)
                  + "The two with slope 1 rise equally steeply through 0.")
    return fig


def changed_sigmoids_figure():
    """The main path's two changed sigmoids beside tanh (notebook 05), one name in view (r58 Focus 2)."""
    return stretch_curves_figure(VERDICT_CURVES)


# r111 (Focus: the main path explained bigger steps at length, though the bigger start is what worked): the
# zoomed-in step through each curve (slope_steps, slope_step_figure) is cut with its fold


# ---- two ways to step (notebook 05, r54 Picture 1 and Clarity 1: Adam's resizing had no picture) ----

STEADY_NUDGES = (0.0001, 2.0)   # one tiny and one large steady nudge


def steady_steps(nudges=STEADY_NUDGES, lr=race.RACE_RECIPE["lr"], steps=10):
    """One weight given the same nudge `steps` times: [(nudge, plain step, Adam step)], each rule's last step, taken
    by mlp.optimizer_step as the race takes it (notebook 05). Plain: nudge × lr. Adam: about lr, whatever the size."""
    rows = []
    for nudge in nudges:
        moved = {}
        for rule in ("gd", "adam"):
            theta, moments = np.zeros(1), np.zeros((2, 1))
            for k in range(1, steps + 1):
                before = theta.copy()
                mlp.optimizer_step(theta, np.array([nudge]), lr, rule, moments, k)
            moved[rule] = float(abs(theta - before)[0])
        rows.append((nudge, moved["gd"], moved["adam"]))
    return rows


def _short_number(v):
    """A step as a learner reads it: 0.01, 0.02, 0.000001 (no powers of ten)."""
    return f"{v:.2g}" if v >= 1e-3 else f"{v:.7f}".rstrip("0")


@plots.styled
def step_rules_figure(nudges=STEADY_NUDGES, lr=race.RACE_RECIPE["lr"], steps=10):
    """One weight's step under each rule, for a steady tiny nudge and a steady large one (notebook 05): two squares on
    one linear scale, a bar per rule, its size written on it; a dashed line at the learning rate."""
    rows = steady_steps(nudges, lr, steps)
    fig, axes = plots.new_figure(640, 300, 1, len(rows), sharey=True)
    colours = (plots.MUTED, plots.ACCENT)
    top = max(max(plain, adam) for _n, plain, adam in rows)
    for ax, (nudge, plain, adam) in zip(axes, rows):
        bars = ax.bar([0, 1], [plain, adam], color=colours, width=0.6)
        bars[0].set_hatch("//")   # not colour alone
        for x, v in ((0, plain), (1, adam)):
            words = _short_number(v) + ("\n(too small to see)" if v < top / 100 else "")
            ax.text(x, v + top * 0.03, words, ha="center", va="bottom", fontsize=10, fontweight="bold")
        ax.axhline(lr, color="black", lw=1, ls="--")
        ax.set(xticks=[0, 1], xticklabels=[f"plain:\nnudge × {lr:g}", "Adam"], xlim=(-0.6, 1.6),
               title=f"a steady nudge of {_short_number(nudge)}")
        ax.title.set_fontsize(11)
    axes[0].set(ylabel="one step's size", ylim=(0, top * 1.35))
    axes[0].annotate(f"learning rate {lr:g}", (-0.55, lr), xytext=(0, 3), textcoords="offset points", ha="left",
                     va="bottom", fontsize=9)   # over the plain bar, which is too small to see: clear of every label
    said = "; ".join(f"nudge {_short_number(n)}: plain step {_short_number(p)}, Adam step {_short_number(a)}"
                     for n, p, a in rows)
    # r105 Accessibility: it said "after 10 steps", which the picture and the text never say; now what is drawn
    fig.set_label(f"Two bar charts on one scale: one step's size for one weight that gets the same nudge every step, "
                  f"a plain step (hatched grey) beside Adam's (blue), a dashed line at the learning rate {lr:g}. {said}.")
    return Captioned(fig, said)


def fade_chain(bends=3, name="sigmoid"):
    """Suspect 1 on the main path (notebook 05, r67 Picture): the most a learning signal of 1 keeps after passing
    back through `bends` bends, each multiplying it by at most the bend's steepest slope (registry: sigmoid's is 1/4,
    at 0). Returns [1, 1/4, 1/16, 1/64] for sigmoid."""
    steepest = float(activations.get(name).derivative(0.0))
    return [steepest ** k for k in range(bends + 1)]


@plots.styled
def fade_chain_figure(bends=3, name="sigmoid"):
    """Suspect 1 drawn (notebook 05, r67 Picture): a bar per stage of the learning signal's way back, from 1 at the
    output side (right) to at most 1/64 after three sigmoid bends (left), arrows that thin as it fades, each marked
    × 1/4; values from fade_chain (the registry's slope). r68 Correctness 1: only the bends' share, the weights left
    out (they can enlarge the signal), so the axis and caption say so."""
    values = fade_chain(bends, name)
    fig, ax = plots.new_figure(640, 290)
    xs = np.arange(len(values))[::-1] * 1.6   # the output side on the right; the signal travels left
    ax.bar(xs, values, width=0.7, color=plots.color(name), edgecolor="black", hatch="//")
    steepest = values[1]
    factor = f"{steepest:g}" if steepest != 0.25 else "1/4"
    for k, (x, v) in enumerate(zip(xs, values)):
        words = "1" if k == 0 else f"1/{round(1 / v)}" + (f"\n≈ {v:.2g}" if k == bends else "")
        ax.text(x, v + 0.03, words, ha="center", va="bottom", fontsize=11, fontweight="bold")
        if k:
            ax.annotate("", (x + 0.4, 0.55), (xs[k - 1] - 0.4, 0.55),
                        arrowprops=dict(arrowstyle="-|>", color="black", lw=0.8 + 5 * values[k - 1],
                                        mutation_scale=12 + 10 * values[k - 1]))
            ax.text((x + xs[k - 1]) / 2, 0.62, f"× {factor}", ha="center", va="bottom", fontsize=11)
    ax.set(xticks=xs, ylim=(0, 1.3), xlim=(xs.min() - 0.6, xs.max() + 0.6),
           ylabel="the bends' share\n(weights left out)",
           xticklabels=["start,\nat the output"] + [f"after {k}\n{name} bend{'s' if k > 1 else ''}"
                                                   for k in range(1, bends + 1)],
           title=f"each {name} bend passes back at most {factor} of the signal")
    ax.title.set_fontsize(11)
    said = " ".join(["1"] + [f"× {factor} → 1/{round(1 / v)}" for v in values[1:]])
    caption = (f"the {name} bends' share of the signal passed back, weights left out, at most: {said} ≈ "
               f"{values[-1]:.2g}")
    fig.set_label(f"A bar chart of the most a learning signal of 1 keeps on its way back through {bends} {name} bends, "
                  f"the weights left out (they can make it bigger or smaller), right to left: {said} ≈ {values[-1]:.2g}. Arrows between the bars thin as it "
                  f"fades; each is marked × {factor}, {name}'s steepest slope.")
    return Captioned(fig, caption)


DETOUR_ARROWS = 8   # the detour's first steps drawn with arrowheads (pass 88c, r88 Picture: 5 crowded; then 3;
# r109 Picture: 8, so "never apart" can be checked by eye; only the first DETOUR_NUMBERED are numbered, 8 labels crowd)
DETOUR_NUMBERED = 3   # the detour's first steps numbered where they end (r77 Picture: the pale path); pass 85 (r84
# Picture: "1, 2" to "30" crowded each other): only the arrowed steps, and the last step marked "end"


def step_way(move):
    """One step (dw1, dw2) as an arrow: ↗ or ↙ (both weights the same way), ↘ or ↖ (apart)."""
    if move[0] * move[1] >= 0:
        return "↗" if move[0] + move[1] > 0 else "↙"
    return "↘" if move[0] > 0 else "↖"


def _step_numbers(path, first=DETOUR_NUMBERED, near=0.05):
    """Where each of a path's first `first` steps ends, and its last ("end"): [(label, (x, y))], one label a step with
    its way, "1 ↗" (pass 88, r87 Picture: a shared "1, 2" and crowded numbers could not be checked); a step shorter
    than `near` is marked "(tiny)" (notebook 05's detour)."""
    marks = []
    for k in [*range(1, first + 1), len(path) - 1]:
        move = np.asarray(path[k], float) - np.asarray(path[k - 1], float)
        point = tuple(float(v) for v in path[k])
        label = f"{k} {step_way(move)}" + (" (tiny)" if np.hypot(*move) < near else "")
        marks.append(("end" if k == len(path) - 1 else label, point))
    return marks


DETOUR_LABEL_GAP = 0.13   # data units from a step's end to its number (the detour's axes are equal, so any way)


DETOUR_FADE = 0.35   # the all-positive path after its arrowed steps: faint, so the arrows carry the rule
# pass 104 (r106 Picture: flat steps on the pale path looked like parting): a note said why a step is flat
# r111 (Picture: the note was small, crowded text in the plot): said in the notebook's words under it (DETOUR_READ)
DETOUR_PATH_LW = 1.5   # r108 (Picture: the faint path was hard to follow): thicker, still faint
DETOUR_FONT = 11   # the detour's step labels and "end", in points
DETOUR_CHAR = 0.021   # about half a bold 11-point character's width on the detour's axes, in data units (pass 93)


def _clear_spots(path, points, avoid=(), gap=DETOUR_LABEL_GAP, bounds=((-0.45, 1.2), (-1.25, 0.3)), widths=None):
    """Where to write each step number of the detour (pass 84, r83 Picture: the numbers 3, 4 and 5 sat on their
    arrows): of sixteen spots `gap` from the point, the one farthest from every step of the path, every point in
    `avoid` (other marks and their words) and every label already placed, inside `bounds`; a grey leader joins
    label and point. `widths`: each label's half-width in data units (pass 88, r87 Picture: "2 ↗ (tiny)" is wide),
    measured along it, so a long label keeps clear along its whole length."""
    a, b = np.asarray(path[:-1], float), np.asarray(path[1:], float)
    widths = [0.0] * len(points) if widths is None else list(widths)

    def near_path(q):
        d = b - a
        t = np.clip(np.einsum("ij,ij->i", q - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
        return np.hypot(*(a + t[:, None] * d - q).T).min()

    def clearance(spot, width, placed):
        along = [spot + np.array([u, 0.0]) for u in np.linspace(-width, width, 5)]
        others = [np.hypot(*(q - r)) - w for q in along for r, w in [*placed, *((v, 0.0) for v in avoid)]]
        return min([near_path(q) for q in along] + others)

    placed, avoid = [], [np.asarray(q, float) for q in avoid]
    for point, width in zip(points, widths):
        spots = [np.asarray(point) + np.array([(gap + width) * math.cos(t), gap * math.sin(t)])
                 for t in np.arange(16) * math.pi / 8]
        spots = [q for q in spots if bounds[0][0] <= q[0] - width and q[0] + width <= bounds[0][1]
                 and bounds[1][0] <= q[1] <= bounds[1][1]]
        placed.append((max(spots, key=lambda q: clearance(q, width, placed)), width))
    return [tuple(float(v) for v in q) for q, _ in placed]


@plots.styled
def detour_figure(goal=(1.0, -1.0), steps=30):
    """Suspect 2 drawn (notebook 05, r54 Picture 2; chapter 02's zig-zag, its toy: engine.zigzag): two weights learn,
    one example a step, from inputs all positive (centre 0.5, like sigmoid's outputs) or of both signs (centre 0).
    Two panels on the same axes (r73 Picture: one panel was a tangle): left, the all-positive path pale, its first
    DETOUR_ARROWS steps as thick arrows, each up-right or down-left; right, the both-signs path."""
    goal = np.asarray(goal, dtype=float)
    fig, axes = plots.new_figure(760, 430, 1, 2, sharex=True, sharey=True)
    said = []
    for ax, (centre, colour, mark, words) in zip(axes, ((0.5, plots.color("sigmoid"), "o", "inputs all positive"),
                                                        (0.0, plots.color("tanh"), "s", "inputs of both signs"))):
        path = zigzag.independent_path(centre, 1.0, goal, steps)
        length = zigzag.path_length(path)
        if centre:   # the whole path pale, the first steps bold: the ↗ and ↙ read at a glance
            # pass 94 (r95 Picture first: later steps looked flat, against "the same way"): the whole path fainter,
            # and the picture says each step here follows one point, where a race step averages 400
            ax.plot(*path.T, "-", marker=mark, color=colour, lw=DETOUR_PATH_LW, ms=2.5, alpha=DETOUR_FADE, label=words)
            for a, b in zip(path[:DETOUR_ARROWS], path[1:DETOUR_ARROWS + 1]):
                ax.annotate("", b, a, arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.8, mutation_scale=20,
                                                      shrinkA=0, shrinkB=0), zorder=4)
            *numbers, (last, end) = _step_numbers(path)   # the steps numbered, so the pale path can be followed
            marks = [(0.0, 0.0), (-0.15, 0.0), tuple(goal), (goal[0], goal[1] - 0.12)]   # start, star, their words
            # "end" above and right of the last step, clear of the path, which comes from the left
            # pass 93 (r94 Picture: "2 ↗ (tiny)" and "3 ↙" crowded the arrowheads): the labels at 11 points, not 9
            ax.text(end[0] + 0.06, end[1] + 0.05, last, fontsize=DETOUR_FONT, fontweight="bold", color="#333333", ha="left",
                    va="bottom", zorder=5)
            spots = _clear_spots(path, [p for _, p in numbers], marks, widths=[DETOUR_CHAR * len(t) for t, _ in numbers])
            for (label, point), spot in zip(numbers, spots):
                ax.annotate(label, point, xytext=spot, textcoords="data", fontsize=DETOUR_FONT, fontweight="bold",
                            color="#333333", ha="center", va="center", zorder=5,
                            arrowprops=dict(arrowstyle="-", color="#777777", lw=0.8, shrinkA=0, shrinkB=2),
                            bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none", alpha=0.85))
            # r110 (Picture: "each ↗ or ↙" while two steps point → ): what every arrowed step does, flat ones too
            # r112 (Picture: "first 8 steps: ..." made the later, faint steps look unsure): every step, first 8 thick
            # r114 (Picture: "every step moves both weights" under a flat arrow): what no step does
            title = f"{words}:\nno step moves the weights opposite ways\n(first {DETOUR_ARROWS} steps thick)"
        else:
            ax.plot(*path.T, "-", marker=mark, color=colour, lw=2.2, ms=4.5, label=words)
            title = f"{words}:\na shorter path to the star"
        ax.text(0.97, 0.97, f"whole path {length:.1f} long", transform=ax.transAxes, ha="right", va="top",
                fontsize=10, color="#333333")
        ax.plot([0], [0], "s", color="black", mfc="none", mew=1.4, ms=8)
        ax.text(-0.06, 0.0, "start", ha="right", va="center", fontsize=10)
        ax.plot(*goal, "*", color="black", ms=15)
        # pass 102 (r104 Clarity/Picture: the star was never said): it is labelled what it marks
        ax.annotate("lowest loss", goal, xytext=(0, -12), textcoords="offset points", ha="center", va="top", fontsize=10)
        ax.set(xlim=(-0.5, 1.25), ylim=(-1.3, 0.35), xticks=[-0.5, 0, 0.5, 1], xlabel="weight 1", aspect="equal",
               title=title)
        said.append(f"{words}, path {length:.1f} long")
    axes[0].set_ylabel("weight 2")
    axes[1].tick_params(labelleft=True)
    moves = np.diff(zigzag.independent_path(0.5, 1.0, goal, steps), axis=0)
    together = bool(np.all(moves[:, 0] * moves[:, 1] >= 0))
    fig.set_label("Two plots of two weights on the same axes, each from the start at (0, 0) to a star at (1, −1) marking the lowest loss. "
                  + ("Left, inputs all positive: every step moves both weights the same way, up-right or down-left: "
                     f"a zig-zag detour; its first {DETOUR_ARROWS} steps are thick arrows over the pale whole path, its first "
                     f"{DETOUR_NUMBERED} steps numbered where they end, its last marked end. "
                     if together else "")
                  + "Right, inputs of both signs: a shorter path. Paths: " + "; ".join(said) + ".")
    return fig


def race_dims():
    """The race's layer sizes, input to output: race.RACE_DIMS, train_seeds' default (notebook 05). Read as a constant,
    not from train_seeds' signature: a wrapped train_seeds (the another-machine nudge hook) has no such default."""
    return tuple(race.RACE_DIMS)


@plots.styled
def network_figure(dims=None, shown=4):
    """One runner drawn (notebook 05, r70 Picture: it was only words): the layers of `dims` (race_dims()) as columns of
    circles, at most `shown` a column with dots for the rest, a bend box right after each hidden layer, the last
    sigmoid after the output, and arrows back along the bottom, labelled "learning signal"."""
    from matplotlib.patches import FancyBboxPatch
    dims = tuple(dims or race_dims())
    fig, ax = plots.new_figure(760, 300)
    gap = 2.6
    xs = np.arange(len(dims)) * gap
    ax.set(xlim=(-0.9, xs[-1] + 1.5), ylim=(-2.3, 1.9), aspect="equal")
    ax.axis("off")
    cols = []
    for k, (x, n) in enumerate(zip(xs, dims)):
        m = min(n, shown)
        ys = (np.arange(m) - (m - 1) / 2) * 0.42
        if n > shown:   # the middle of a big layer: dots in place of the units not drawn
            ys = np.where(ys < 0, ys - 0.2, ys + 0.2)
            ax.scatter([x] * 3, [-0.12, 0, 0.12], s=3, color="black", zorder=3)
        cols.append(ys)
        ax.scatter(np.full(m, x), ys, s=130, facecolor="white", edgecolor="black", linewidth=1.2, zorder=3)
        role = "input" if k == 0 else "output" if k == len(dims) - 1 else f"hidden {k}"
        ax.text(x, 1.15, f"{role}\n{n} unit{'s' if n > 1 else ''}", ha="center", va="bottom", fontsize=9.5)
    for k in range(len(dims) - 1):   # the wiring: every drawn unit to every drawn unit, faint
        # pass 89 (r89 Clarity: "weight layer" came late): each set of wires is named where the runner is drawn
        ax.text((xs[k] + xs[k + 1]) / 2, 1.15, f"weight\nlayer {k + 1}", ha="center", va="bottom", fontsize=8.5,
                color="#555555", style="italic")
        for y0 in cols[k]:
            for y1 in cols[k + 1]:
                ax.plot([xs[k], xs[k + 1]], [y0, y1], color=plots.MUTED, lw=0.4, alpha=0.5, zorder=1)
    t = np.linspace(-1, 1, 30)
    for k in range(1, len(dims)):   # a bend right after each hidden layer; the last sigmoid after the output
        last = k == len(dims) - 1
        x = xs[k] + 0.75
        ax.add_patch(FancyBboxPatch((x - 0.32, -0.24), 0.64, 0.48, boxstyle="round,pad=0.03",
                                    facecolor="#eeeeee" if last else "#fff4dd", edgecolor="black", lw=0.9, zorder=4))
        ax.plot(x + 0.24 * t, 0.17 * np.tanh(3 * t), color="black", lw=1.3, zorder=5)
        ax.text(x, -0.34, "sigmoid:\nprobability" if last else "bend", ha="center", va="top", fontsize=8.5,
                zorder=5, bbox=dict(facecolor="white", edgecolor="none", pad=0.5))
    low = -1.45
    for k in range(len(dims) - 1, 0, -1):   # the learning signal, back one layer at a time
        ax.annotate("", (xs[k - 1] + 0.3, low), (xs[k] - 0.3, low),
                    arrowprops=dict(arrowstyle="-|>", color=plots.ACCENT, lw=2.2, mutation_scale=16))
    ax.text(xs.mean(), low - 0.22, "◀ learning signal, passed back layer by layer", ha="center", va="top",
            fontsize=10, color=plots.ACCENT, fontweight="bold")
    hidden = dims[1:-1]
    fig.set_label(f"A network drawn as columns of circles, left to right: {dims[0]} inputs, {len(hidden)} hidden layers "
                  f"of {', '.join(str(n) for n in hidden)} units ({shown} circles drawn, dots for the rest), and "
                  f"{dims[-1]} output. Faint lines join each layer to the next: weight layers 1 to {len(dims) - 1}, "
                  f"labelled between the columns. A small box marked bend sits right after "
                  f"each hidden layer; a sigmoid box after the output turns it into a probability. Arrows along the "
                  f"bottom point right to left, from the output back to the inputs, labelled learning signal.")
    return Captioned(fig, f"one runner: {' → '.join(str(n) for n in dims)} units; a bend after each hidden layer; the "
                          "learning signal passed back layer by layer")


@plots.styled
def runners_figure(names=CONTESTANTS, half=3.0):
    """The nine runners' bends, one small panel each on shared axes (notebook 05, beside the runner list): output
    against input over [−half, half], the diagonal y = x faint in every panel for comparison."""
    z = np.linspace(-half, half, 241)
    ncols = 5
    nrows = -(-len(names) // ncols)
    fig, axes = plots.new_figure(900, 150 * nrows + 50, nrows, ncols, sharex=True, sharey=True)
    axes = np.atleast_1d(axes).ravel()
    for i, (ax, name) in enumerate(zip(axes, names)):
        ax.plot(z, z, color=plots.MUTED, lw=0.8, ls=":")
        ax.axhline(0, color=plots.MUTED, lw=0.6)
        ax.plot(z, plots.curve(name, z), color=plots.color(name, i), lw=2.4, label=_short(name))
        ax.set_title(_short(name), fontsize=10)
    for ax in axes[len(names):]:
        ax.set_visible(False)
    axes[0].set(xlim=(-half, half), ylim=(-1.5, half))
    fig.supxlabel("input (weighted sum plus bias)", fontsize=10)
    fig.supylabel("output", fontsize=10)
    fig.set_label("Nine small plots on one scale, output against input from " + f"{-half:g} to {half:g}".replace("-", "−")
                  + ", a faint dotted diagonal in each: " + ", ".join(_short(n) for n in names)
                  + ". The straight one follows the diagonal; sigmoid and tanh are S-curves; the ReLU family bends at 0.")
    return fig


# the bends the chapter compares seed by seed; pass 86 (r85 Correctness: SiLU's 139 and Mish's 142 in the picture's
# titles overlap GELU's 110 to 150, so "GELU is fastest in every seed" needs their rows; the rest start later)
SEED_ROWS = ("tanh", "relu", "gelu_tanh", "silu", "mish")


def crossing_fold(results, threshold=0.1):
    """crossing_table behind a click (notebook 05, r48 Focus: one table in view, the summary's); r54 Focus: the
    sentence naming the bend that is fastest in every seed moved into the fold, read from the runs."""
    at = {n: race.epochs_to(r.loss, threshold) for n, r in results.items()}
    at = {n: np.where(np.isfinite(a), a, np.inf) for n, a in at.items()}
    seeds = len(next(iter(at.values())))
    fastest = {min(at, key=lambda n: at[n][k]) for k in range(seeds)}
    words = f"Each run's first epoch below {threshold:g}."
    if len(fastest) == 1:
        words += f" {short_name(fastest.pop())} is fastest in every seed (marked *)."
    if "relu" in results and "tanh" in results:
        words += f" ReLU beats tanh at {_seed_list(first_at(results, 'relu', 'tanh', threshold))}."
    rest = [a.min() for n, a in at.items() if n not in SEED_ROWS and np.isfinite(a).any()]
    if rest:   # pass 86: the bends left out cross later than every GELU run; r87: "other" read as the rows above
        words += f" The bends not in this table cross at epoch {min(rest):.0f} or later, or never."
    return FoldedTable("Show each seed", words, crossing_table(results, threshold, rows=SEED_ROWS))


def summary_fold(results, threshold=0.1):
    """summary_table behind a click (notebook 05, r55 Picture 3 and Focus 2: two tables of digits in view)."""
    # p75 (portability, r72 Focus): without the test-accuracy column; a run's count of fresh points right moves by one
    # with another CPU's last bit, and GELU's lowest sat on a whole percent (88% or 89%). The chapter says "about 90%".
    return FoldedTable("Show the summary table", "Each bend's five runs: the fastest and slowest, the lowest and "
                       "highest.", summary_table(results, threshold, test_accuracy=False))


NUMBERS_FOLD = "Optional: the numbers behind the picture"


def numbers_fold(results, threshold=0.1):
    """crossing_fold's table behind one click (notebook 05, r74 Focus: two folds of digits on the main path read as
    walls of digits): each seed's crossing for the bends the text compares, under its sentence. Pass 81 (r78 Focus:
    about 45 numbers): summary_fold's per-bend ranges left out; the text compares tanh and ReLU, and GELU with its two
    closest rivals (SiLU, Mish), seed by seed."""
    parts = [crossing_fold(results, threshold)]
    return FoldedTables(NUMBERS_FOLD, [(f.answer, f.table) for f in parts], after=learnt_accuracy(results, threshold))


def learnt_accuracy(results, threshold=0.1):
    """The training accuracy at the end of every run that crossed `threshold` (notebook 05, pass 85, r84 Correctness:
    "97% to 99% right" rested on runs the learner never saw; the maps show seed 0 only), as whole percent."""
    ends = [r.train_accuracy[k] for r in results.values()
            for k, at in enumerate(race.epochs_to(r.loss, threshold)) if np.isfinite(at)]
    return (f"Every run that crossed {threshold:g} ({len(ends)} runs) ends with {_range(ends).replace(' – ', ' to ')} "
            "of training points right.")


def one_knob_steps(w=0.3, step=0.01, factor=4):
    """One Adam step on a steep unit's weight (notebook 05's one knob, r44): [(what, before, after)] for the weight w
    of sigmoid(factor·x) − 0.5 and the weight factor·w a plain sigmoid − 0.5 would need to compute the same."""
    return [("w", w, w + step), (f"{factor}w", factor * w, factor * (w + step))]


@plots.styled
def one_knob_figure(w=0.3, step=0.01, factor=4, span=0.06):
    """The one knob as one step (notebook 05, r44 Picture 3): Adam moves the steep unit's w by `step`; the plain
    sigmoid − 0.5's weight factor·w moves factor times as far. Two rows, each window `span` wide (one shared scale)."""
    rows = one_knob_steps(w, step, factor)
    fig, axes = plots.new_figure(640, 230, 2, 1)
    titles = (f"the steep unit, sigmoid({factor}x) − 0.5: its weight w",
              f"sigmoid − 0.5 (not steepened) computing the same: its weight {factor}w")
    for ax, (what, before, after), title in zip(axes, rows, titles):
        ax.annotate("", xy=(after, 0), xytext=(before, 0),
                    arrowprops=dict(arrowstyle="-|>", lw=2.2, color=plots.color("sigmoid"), shrinkA=0, shrinkB=0))
        ax.plot([before, after], [0, 0], "o", color="black", ms=5)
        ax.text(before, -0.6, f"{what} = {before:.2g} ", ha="right", fontsize=9)
        ax.text(after, -0.6, f" {after:.3g}", ha="left", fontsize=9)
        ax.text((before + after) / 2, 0.35, f"step {after - before:.2g}", ha="center", fontsize=9, color="black")
        ax.set(xlim=(before - span / 6, before + 5 * span / 6), ylim=(-1, 1), yticks=[], title=title)
        ax.title.set_fontsize(10)
    axes[-1].set_xlabel(f"weight (each window {span:g} wide)")
    caption = "; ".join(f"{what}: {before:.2g} → {after:.3g}, a step of {after - before:.2g}" for what, before, after in rows)
    fig.set_label(f"Two rows on windows of the same width. Adam moves the steep unit's weight w from {rows[0][1]:.2g} to "
                  f"{rows[0][2]:.3g}. The sigmoid − 0.5 (not steepened) that computes the same has weight {factor}w, which moves "
                  f"from {rows[1][1]:.2g} to {rows[1][2]:.3g}: a step {factor} times as long.")
    return Captioned(fig, caption)


@plots.styled
def verdict_figure(results, centred=None, steep=None, threshold=0.1):
    """The answer to "why is sigmoid so slow?" in one picture (notebook 05, pass 52): sigmoid, sigmoid − 0.5
    (`centred`, from centred_race), sigmoid(4x) − 0.5 (`steep`, stretch_runs' Runs) and tanh, five runs each on the
    five-run picture's shared scales. Centring alone leaves it crawling; the steeper slope makes it learn.
    With `results` alone, it is verdict_runs' dict, which holds all four (r55 Focus 1: one name in view)."""
    if centred is None:
        centred, steep = results[CENTRED_LABEL], results[STRETCH_TEST[3]]
    if isinstance(steep, dict):   # stretch_runs' {name: Runs}
        steep = steep[STRETCH_TEST[3]]
    panels = [("Sigmoid", plots.color("sigmoid"), results["sigmoid"]),
              (CENTRED_LABEL, _runner_colour(CENTRED_LABEL, 1), centred),
              (STRETCH_TEST[3], _runner_colour(STRETCH_TEST[3], 3), steep),
              ("Tanh", plots.color("tanh"), results["tanh"])]
    caption = "; ".join(f"{title}: {np.isfinite(race.epochs_to(r.loss, threshold)).sum()} of {len(r.loss)} runs "
                        f"below {threshold:g}{_first_span(r, threshold)}, last loss {r.final_loss.min():.2f} to "
                        f"{r.final_loss.max():.2f}" for title, _colour, r in panels)
    fig = _panels_beside_key(panels, threshold)
    # r58 Correctness 1: 229 against 231 is too close to read off the marks: the titles give the epochs (r70)
    fig.set_label(f"Four small plots on one scale, five runs each: training loss (log scale) against epoch, with a "
                  f"dashed line at {threshold:g}. {caption}.")
    return Captioned(fig, caption)


def _first_span(runs, threshold):
    """", first at epochs 178 to 229" when every run crossed `threshold`, else "" (verdict_figure's caption)."""
    at = race.epochs_to(runs.loss, threshold)
    return f", first at epochs {at.min():.0f} to {at.max():.0f}" if np.isfinite(at).all() else ""


def _panels_beside_key(panels, threshold):
    """Four (title, colour, Runs) panels in a row, as wide as the five-run picture, the marks' key beside them."""
    fig = _multiples(panels, threshold, ncols=len(panels), panel_px=min(860 // len(panels), 320))   # p116: one panel stays small
    key = fig.axes[-1].get_legend()
    key.remove()   # r54 Picture 3: inside sigmoid's square it covered the band from 0.01 to 0.1; now beside the squares
    fig.legend(handles=key.legend_handles, loc="outside right center", fontsize=8, handletextpad=0.3)
    fig.set_label((f"{str(_COUNT.get(len(panels), len(panels))).capitalize()} small plots on one scale, five runs each: "
                   if len(panels) > 1 else "One small plot, five runs: ") + "training loss "
                  f"(log scale) against epoch, with a dashed line at {threshold:g}. " + "; ".join(
                      f"{title}: {np.isfinite(race.epochs_to(r.loss, threshold)).sum()} of {len(r.loss)} runs below "
                      f"{threshold:g}, last loss {r.final_loss.min():.2f} to {r.final_loss.max():.2f}"
                      for title, _colour, r in panels) + ".")
    return fig


class FoldedTable:
    """A table behind a click (HTML <details>): the answer's sentences, then the table. Plain text: both, for nbval."""

    def __init__(self, summary, answer, table):
        self.summary, self.answer, self.table = summary, answer, table

    def __repr__(self):
        return f"{self.summary} (folded): {self.answer}\n{self.table!r}"

    def _repr_html_(self):
        import html
        return (f"<details><summary>{html.escape(self.summary)}</summary><p>{html.escape(self.answer)}</p>"
                f"{self.table._repr_html_()}</details>")


class FoldedTables:
    """Several tables behind one click (HTML <details>), each after its sentence. Plain text: all of them, for nbval."""

    def __init__(self, summary, parts, after=None):
        self.summary, self.parts, self.after = summary, parts, after   # [(sentence, Table)], a closing sentence

    def __repr__(self):
        return (f"{self.summary} (folded):\n" + "\n".join(f"{words}\n{table!r}" for words, table in self.parts)
                + (f"\n{self.after}" if self.after else ""))

    def _repr_html_(self):
        import html
        return (f"<details><summary>{html.escape(self.summary)}</summary>" + "".join(
            f"<p>{html.escape(words)}</p>{table._repr_html_()}" for words, table in self.parts)
            + (f"<p>{html.escape(self.after)}</p>" if self.after else "") + "</details>")


def folded(picture, summary=None, words=None):
    """`picture` (a Figure, or a Captioned one) behind a click, after `words` if given: FoldedPicture (notebook 05)."""
    return FoldedPicture(picture, summary, words)


# Suspect 2's picture, off the main path (pass 84, r83 Focus: chapter 02's zig-zag sat on it): the reason stays in
# view above the fold, the picture and how to read it inside
# The worked nudge (notebook 05): learning signal, sigmoid's steepest slope (its slope at 0, from the registry), input
NUDGE_EXAMPLE = (0.2, float(activations.get("sigmoid").derivative(0.0)), 1)


@plots.styled
def nudge_product_figure(signal=NUDGE_EXAMPLE[0], slope=NUDGE_EXAMPLE[1], weight_input=NUDGE_EXAMPLE[2]):
    """The nudge's rule drawn (notebook 05, r71 Picture: it was a formula only): three boxes multiplied, the learning
    signal, the bend's slope and the weight's input, and the nudge they make."""
    from matplotlib.patches import FancyBboxPatch
    nudge = signal * slope * weight_input
    boxes = [("the unit's\nlearning signal", signal, "#dde8f6"), ("its bend's\nslope", slope, "#fff4dd"),
             ("the weight's\ninput", weight_input, "#e6f2e6"), ("the weight's\nnudge", nudge, "#eeeeee")]
    fig, ax = plots.new_figure(640, 150)
    ax.set(xlim=(-0.2, 9.0), ylim=(-0.9, 1.05))
    ax.axis("off")
    for k, (words, value, face) in enumerate(boxes):
        x = k * 2.3
        ax.add_patch(FancyBboxPatch((x, 0), 1.5, 0.9, boxstyle="round,pad=0.04", facecolor=face, edgecolor="black",
                                    lw=1.6 if k == 3 else 1.0))
        ax.text(x + 0.75, 0.45, f"{value:g}", ha="center", va="center", fontsize=15, fontweight="bold")
        ax.text(x + 0.75, -0.12, words, ha="center", va="top", fontsize=9.5)
        if k:
            ax.text(x - 0.4, 0.45, "=" if k == 3 else "×", ha="center", va="center", fontsize=18)
    caption = f"nudge = learning signal × slope × input = {signal:g} × {slope:g} × {weight_input:g} = {nudge:g}"
    fig.set_label(f"Four boxes in a row: the unit's learning signal, {signal:g}, times its bend's slope, {slope:g}, "
                  f"times the weight's input, {weight_input:g}, equals the weight's nudge, {nudge:g}.")
    return Captioned(fig, caption)


@plots.styled
def finish_line_figure(cases=(7, 6), finish=0.1):
    """The finish line's reason drawn (notebook 05, r72 Picture; r74 Picture: one bar short of the line did not show
    why it meant "finished"): for each case n, a row of n dots, one wrong, and a bar for that one point's least share
    of the average loss, ln 2 ÷ n (a wrong point costs more than ln 2), against the dashed finish line. With 1 wrong
    in 7 the share is just under the line (the run can still finish); with 1 in 6 it is past it (it cannot)."""
    ln2 = f"{np.log(2):.2f}"   # what one wrong point costs at least, said as the text says it
    shares = [float(np.log(2)) / n for n in cases]
    fig, (dots, bars) = plots.new_figure(680, 90 + 70 * len(cases), ncols=2, sharey=True,
                                         gridspec_kw=dict(width_ratios=(1, 2.4)))
    for row, (n, share) in enumerate(zip(cases, shares)):
        y = len(cases) - 1 - row
        for k in range(n):
            wrong = k == n - 1
            dots.plot([k], [y], "X" if wrong else "o", ms=11 if wrong else 9, color="#D55E00" if wrong else "#0072B2",
                      mec="black")
        dots.text(-0.7, y, f"1 wrong in {n}", ha="right", va="center", fontsize=9)
        under = share < finish
        bars.barh([y], [share], height=0.45, color="#D55E00", hatch="//" if under else "xx", edgecolor="black")
        bars.text(share + 0.003, y, f"{ln2} ÷ {n} ≈ {share:.2g}: " + ("can finish,\nif the rest cost ~0" if under else "cannot finish"),
                  ha="left", va="center", fontsize=9)
    dots.set(xlim=(-0.6, max(cases) - 0.4), ylim=(-0.7, len(cases) - 0.3))
    dots.axis("off")
    bars.axvline(finish, color="black", ls="--", lw=1.4)
    bars.text(finish - 0.003, len(cases) - 0.45, f"finish line {finish:g}", ha="right", va="bottom", fontsize=9)
    top = round(max(shares + [finish]) * 1.9, 2)   # room for the longest bar's label; one value for axis and alt text
    bars.set(xlim=(0, top), yticks=[], xticks=np.arange(0, top, 0.05).round(2),
             xlabel="the wrong point's share of the average loss (at least)")
    fig.suptitle(f"One wrong point costs more than {ln2}. Its share of the average:", fontsize=10)
    said = [f"1 wrong in {n}: more than {ln2} ÷ {n} ≈ {share:.2g}" for n, share in zip(cases, shares)]
    caption = "; ".join(said) + f"; the finish line is {finish:g}"
    fig.set_label("Left: rows of dots, each row with one wrong point marked by a cross: " + " and ".join(
        f"{n} points" for n in cases) + f". Right: for each row, a hatched bar on an axis of average loss from 0 to {top:g}, "
        "the wrong point's least share of the average, beside a dashed line at the finish line, "
        f"{finish:g}. " + "; ".join(f"{s}, {'under the line: it can still finish, if the other points cost almost nothing' if share < finish else 'past the line: it cannot finish'}"
                                   for s, share in zip(said, shares)) + ".")
    return Captioned(fig, caption)


SLOPE_MARKS = (0.0, 3.0)   # where the slope picture draws sigmoid's tangent lines: steepest, and nearly flat


@plots.styled
def slope_figure(marks=SLOPE_MARKS, name="sigmoid", half=6.0, reach=1.4):
    """Slope drawn where it is defined (notebook 05, r78 Picture 3: the road sentence had no picture): the bend with a
    short tangent line at each of `marks`, each labelled with its slope, read from the registry."""
    act = activations.get(name)
    x = np.linspace(-half, half, 401)
    fig, ax = plots.new_figure(620, 280)
    ax.plot(x, act(x), color=plots.color(name), lw=2.4, label=name, **plots.line_style(name))
    slopes = [float(act.derivative(m)) for m in marks]
    for m, s in zip(marks, slopes):
        y0 = float(act(m))
        t = np.array([m - reach, m + reach])
        ax.plot(t, y0 + s * (t - m), color="black", lw=1.4)   # solid: sigmoid's own line is dashed
        ax.plot([m], [y0], "o", color="black", ms=6)
        words = f"slope {s:.2g} at x = {m:g}" + ("\nsteepest: the output moves most" if m == 0 else "\nnearly flat: it barely moves")
        ax.annotate(words, (m, y0), xytext=(-12, 14) if m <= 0 else (0, -42), textcoords="offset points",
                    ha="right" if m <= 0 else "center", va="bottom", fontsize=9.5)
    ax.set(xlim=(-half, half), ylim=(-0.1, 1.1), xlabel="the bend's input x", ylabel=f"{name}(x)",
           title=f"{name}'s slope: how far the output moves per small step of the input")
    ax.title.set_fontsize(11)
    said = "; ".join(f"slope {s:.2g} at x = {m:g}" for m, s in zip(marks, slopes))
    fig.set_label(f"The {name} curve from x = {-half:g} to {half:g}, with a straight black line touching it at each of "
                  f"x = {', '.join(f'{m:g}' for m in marks)}: {said}. The line at 0 is steep; the one at 3 is "
                  "nearly flat.")
    return Captioned(fig, f"{name}'s {said}")
