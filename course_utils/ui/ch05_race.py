"""Pictures, a progress bar and the interactive runner of the training race (notebook 05)."""

import math

import ipywidgets as widgets
import numpy as np
from matplotlib import ticker

from course_utils.engine import race
from course_utils.facts import activations, data
from course_utils.ui import plots, tables
from course_utils.ui.livefigure import LiveFigure, LiveWidget


class ProgressBar(widgets.IntProgress):
    """An IntProgress whose text form is a fixed caption: static renders show it, nbval compares it."""

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
    # "GELU (tanh approximation)" is too wide for a small panel title; the race only has this GELU.
    return activations.get(name).label.replace(" approximation", "")


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
    fig, axes = plots.new_figure(380 * panels, 360, 1, panels)
    axes = np.atleast_1d(axes)
    for ax, (P, t, title) in zip(axes, [(X, y, "training points"), (X_test, y_test, "fresh test points")]):
        t = np.asarray(t).ravel()
        for cls, colour in ((0, plots.ACCENT), (1, plots.VANISHING)):
            ax.scatter(*P[t == cls].T, s=14, color=colour, edgecolor="white", linewidth=0.4, label=f"class {cls}")
        ax.set(aspect="equal", title=title, xlabel="x₁", ylabel="x₂")
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside right upper")
    return fig


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


@plots.styled
def gradient_figure(results, epoch=0):
    """Left: each layer's weight-gradient norm at `epoch`, per bend; right: layer 1's norm over training (notebook 05)."""
    fig, (ax_b, ax_t) = plots.new_figure(940, 360, 1, 2)
    names = list(results)
    layers = next(iter(results.values())).grad_norms.shape[-1]
    width = 0.8 / len(names)
    for i, name in enumerate(names):
        r = results[name]
        k = int(np.searchsorted(r.recorded_epochs, epoch))
        g = r.grad_norms[:, k, :].mean(axis=0)
        ax_b.bar(np.arange(1, layers + 1) - 0.4 + (i + 0.5) * width, g, width, color=plots.color(name, i),
                 label=_label(name))
        ax_t.plot(r.recorded_epochs, r.grad_norms[:, :, 0].mean(axis=0), color=plots.color(name, i))
    ax_b.set(yscale="log", xlabel="layer (1 = nearest the input)", ylabel="gradient norm",
             title=f"per layer, epoch {epoch} (mean over seeds)", xticks=range(1, layers + 1))
    ax_t.set(yscale="log", xlabel="epoch", ylabel="gradient norm", title="layer 1 during training")
    fig.legend(loc="outside right upper")
    return fig


@plots.styled
def boundaries_figure(results, X, y, run=0, ncols=4, resolution=80):
    """Each bend's decision regions (one seed's network) side by side, with the points on top (notebook 05)."""
    names = list(results)
    nrows = -(-len(names) // ncols)
    fig, axes = plots.new_figure(220 * ncols, 220 * nrows + 20, nrows, ncols)
    axes = np.atleast_1d(axes).ravel()
    for ax, name in zip(axes, names):
        r = results[name]
        plots.decision_boundary(r.networks[run].predict_proba, X, y, ax=ax, resolution=resolution,
                                title=f"{_label(name)}\ntrain {r.train_accuracy[run]:.2f}, test {r.test_accuracy[run]:.2f}")
        _bare(ax)
    for ax in axes[len(names):]:
        ax.set_visible(False)
    return fig


def _bare(ax):
    """A small panel: no ticks or axis labels, a small title."""
    ax.set(xticks=[], yticks=[], xlabel="", ylabel="")
    ax.title.set_fontsize(9)


@plots.styled
def runner(names=("sigmoid", "relu", "gelu_tanh"), lr=0.01, epochs=300, seed=0, optimizer="adam",
           menu=race.RACE, resolution=70, results=None, dtype=np.float64):
    """Race the ticked bends with your own learning rate, epochs, seed and optimizer; press Run (notebook 05).

    Shows loss curves, the dead-unit share per hidden layer and each bend's decision regions on
    the fresh test points. It trains once at start, so a static render has a picture, unless
    `results` (a race over these very settings, e.g. the chapter's) is given: then it shows the
    run of `seed` of its bends among `names`. dtype=np.float32 trains faster, with other last digits.
    """
    X, y = data.spiral()
    X_test, y_test = data.spiral(seed=43)
    ncols, width = 4, 800
    live = LiveFigure(width, 300)   # rebuilt on every run: one row of regions per four bends
    axes = {}

    if results is not None:
        names = [n for n in results if n in names]
        results = {n: results[n] for n in names}
    checks = {n: widgets.Checkbox(value=n in names, description=_label(n), indent=False,
                                  layout=widgets.Layout(width="190px")) for n in menu}
    controls = {
        "lr": widgets.FloatLogSlider(value=lr, base=10, min=-4, max=0, step=0.1, description="learning rate",
                                     readout_format=".4f", style={"description_width": "initial"},
                                     layout=widgets.Layout(width="420px")),
        "epochs": widgets.IntSlider(value=epochs, min=10, max=1500, step=10, description="epochs",
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="420px")),
        "seed": widgets.BoundedIntText(value=seed, min=0, max=10_000, description="seed",
                                       style={"description_width": "initial"}, layout=widgets.Layout(width="160px")),
        "optimizer": widgets.Dropdown(options=[("Adam", "adam"), ("plain gradient descent", "gd")], value=optimizer,
                                      description="optimizer", style={"description_width": "initial"}),
    }
    button = widgets.Button(description="Run", button_style="primary", icon="play")
    bar, report = progress(1, "training")
    readout = widgets.HTML()
    state = {"results": {}}

    @plots.styled   # a button press runs outside the factory's style context
    def draw(results):
        fig = live.figure
        fig.clear()
        rows = -(-len(results) // ncols)
        height = 250 + 190 * rows
        fig.set_size_inches(width / fig.dpi, height / fig.dpi)
        live.image.layout.height = f"{height}px"
        outer = fig.add_gridspec(2 if rows else 1, 1, height_ratios=[1.3, rows] if rows else None)
        ax_loss, ax_dead = (fig.add_subplot(g) for g in outer[0].subgridspec(1, 2))
        # A grid of its own, so the panels do not inherit the margins of the plots above them.
        grid = outer[1].subgridspec(rows, ncols) if rows else None
        for i, (name, r) in enumerate(results.items()):
            ax_loss.plot(np.arange(1, r.loss.shape[1] + 1), r.loss[0], color=plots.color(name, i), label=_label(name))
        ax_loss.axhline(0.1, color="black", lw=1, ls="--")
        ax_loss.set(yscale="log", xlabel="epoch", ylabel="training loss", title="loss")
        _plain_log(ax_loss)
        if results:
            ax_loss.legend(fontsize=8, loc="lower left")
        width_bar = 0.8 / max(len(results), 1)
        for i, (name, r) in enumerate(results.items()):
            share = r.dead_share[0]
            ax_dead.bar(np.arange(1, len(share) + 1) - 0.4 + (i + 0.5) * width_bar, share, width_bar,
                        color=plots.color(name, i))
        ax_dead.set(ylim=(0, 1), xlabel="hidden layer", ylabel="share of dead units", title="dead units",
                    xticks=[1, 2, 3])
        regions = []
        for k, (name, r) in enumerate(results.items()):
            ax = fig.add_subplot(grid[k // ncols, k % ncols])
            plots.decision_boundary(r.networks[0].predict_proba, X_test, y_test, ax=ax, resolution=resolution,
                                    title=f"{_label(name)}: test {r.test_accuracy[0]:.2f}")
            _bare(ax)
            regions.append(ax)
        axes.update(loss=ax_loss, dead=ax_dead, regions=regions)
        fig.set_layout_engine("constrained")   # LiveFigure freezes the layout after a draw; lay out anew
        live.invalidate()
        live.render()

    def train(_button=None):
        chosen = [n for n in menu if checks[n].value]
        button.disabled = True
        try:
            results = race.race(X, y, chosen, seeds=(controls["seed"].value,), progress=report,
                                lr=controls["lr"].value, epochs=controls["epochs"].value,
                                optimizer=controls["optimizer"].value, X_test=X_test, y_test=y_test, dtype=dtype)
        finally:
            button.disabled = False
        show(results)

    def show(results):
        state["results"] = results
        rows = []
        threshold = 0.1
        for name, st in race.summary(results, threshold).items():
            e = st["epochs_to"]
            rows.append([_label(name), f"{st['final_loss']['mean']:.3f}",
                         "never" if e["reached"] == 0 else f"{e['mean']:.0f}",
                         f"{st['train_accuracy']['mean']:.3f}", f"{st['test_accuracy']['mean']:.3f}",
                         f"{st['dead_share']['mean']:.3f}"])
        header = ("bend", "final loss", f"epochs to loss < {threshold:g}", "train accuracy", "test accuracy",
                  "dead share")
        readout.value = tables.html_table(header, rows) if rows else "Tick at least one bend, then press Run."
        draw(results)

    button.on_click(train)
    if results is None:
        train()
    else:
        show({n: r.only(r.seeds.index(seed)) for n, r in results.items()})
    menu_box = widgets.GridBox(list(checks.values()), layout=widgets.Layout(grid_template_columns="repeat(4, 190px)"))
    return LiveWidget(
        [menu_box, *controls.values(), widgets.HBox([button, bar]), readout, live.image], live,
        "Race runner: tick bends, set the learning rate, epochs, seed, press Run (static picture below)",
        sliders=controls, readout=readout, checkboxes=checks, button=button, progress=bar, state=state,
        axes=axes,
    )


# ---- the race's numbers as tables (notebook 05) ----

def _pm(s, fmt):
    return "–" if s["n"] == 0 else f"{s['mean']:{fmt}} ± {s['sd']:{fmt}}"


def _range(s, fmt):
    return "–" if s["n"] == 0 else f"{s['min']:{fmt}} – {s['max']:{fmt}}"


def _at_least(s):
    """'≥ 98%': the whole percent a mean share reaches ('–' if there is none).

    A mean accuracy over a few seeds often sits exactly on a half percent (400 points, 5 seeds), where
    rounding flips with the last bit of a chaotic run. The floor moves that cliff to whole percents;
    tests/test_portable_outputs.py re-runs the race with nudged weights to show no mean sits there.
    """
    return "–" if s["n"] == 0 else f"≥ {math.floor(round(s['mean'] * 100, 6))}%"


def summary_table(results, threshold=0.1):
    """The race's results as a Table: mean ± sample sd over seeds, and the range where it matters."""
    rows = []
    for name, st in race.summary(results, threshold).items():
        e = st["epochs_to"]
        reached = "never" if e["reached"] == 0 else f"{e['mean']:.0f} ± {e['sd']:.0f}"
        # Two decimals and whole percents: a race is chaotic enough that a third digit differs
        # between CPUs (tests/test_portable_outputs.py re-runs it with nudged starting weights).
        rows.append([activations.get(name).label, _pm(st["final_loss"], ".2f"), _range(st["final_loss"], ".2f"),
                     f"{reached} ({e['reached']}/{e['runs']})", _at_least(st["train_accuracy"]),
                     _at_least(st["test_accuracy"]), f"{st['dead_share']['mean']:.0%}"])
    header = ["activation", "final loss", "loss range", f"epochs to loss < {threshold:g} (runs)",
              "train accuracy", "test accuracy", "dead share"]
    seeds = len(next(iter(results.values())).seeds) if results else 0
    return tables.Table(header, rows, note=f"loss: mean ± sample sd over {seeds} seeds; epochs averaged over the runs that got there; "
                              "accuracies: the whole percent the mean reaches; dead share: mean")


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

