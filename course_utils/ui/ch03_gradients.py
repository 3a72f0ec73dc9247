"""Chapter 03's pictures: slopes multiplied through a deep stack, and the gradient table."""

import ipywidgets as widgets
import numpy as np

from course_utils.engine import mlp
from course_utils.facts import activations
from course_utils.ui import plots, tables
from course_utils.ui.livefigure import LiveFigure, LiveWidget, decade_limits, on_change, set_limits, slider
from course_utils.ui.printing import table_number

_registry = activations  # for functions whose parameter is called `activations`


@plots.styled
def gradient_flow(activations=("sigmoid", "tanh", "relu", "gelu"), depth=10, x_scale=1.0, max_depth=30,
                  width=32, seed=0, threshold=0.01):
    """Per-layer gradient bars of a real random network: pick the bend, the depth and the input scale (notebook 03)."""
    names = [_registry.canonical(n) for n in activations]
    live = LiveFigure(600, 340, fast_axes=True)  # depth moves the x limits on every step
    ax = live.axes[0]
    ax.set_yscale("log")
    ax.set(xlabel="layer (1 = nearest the input)", ylabel="gradient / last layer's")
    ref = live.moving(ax.axhline(threshold, color="black", lw=1, ls="--"))
    bars = [live.moving(p) for p in ax.bar(np.arange(1, max_depth + 1), np.ones(max_depth), width=0.8)]
    ax.set_title("green = usable, red = vanishing", loc="right")   # still: drawn once, in the background
    title = live.moving(ax.set_title(" ", loc="left"))               # the short part that changes
    choose = widgets.Dropdown(options=[(_registry.get(n).label, n) for n in names], value=names[0],
                              description="bend", style={"description_width": "initial"})
    sliders = {"depth": widgets.IntSlider(value=depth, min=2, max=max_depth, description="depth (layers)",
                                          continuous_update=True, style={"description_width": "initial"},
                                          layout=widgets.Layout(width="420px")),
               "x_scale": slider("input scale", x_scale, 0.1, 5.0, 0.1)}
    readout = widgets.HTML()

    def update():
        n = sliders["depth"].value
        rel = mlp.gradient_flow(choose.value, n, width=width, seed=seed, x_scale=sliders["x_scale"].value)
        rel = rel / rel[-1] if rel[-1] > 0 else rel
        shown = np.where(rel > 0, rel, np.nan)
        lo, hi = decade_limits(np.append(shown, threshold), floor=1e-300, every=5)
        set_limits(live, ax, xlim=(0.4, n + 0.6), ylim=(lo, max(hi, 10.0)))
        for k, bar in enumerate(bars):
            bar.set_visible(k < n)
            if k < n:  # a bar from the bottom of the axis up to the value (zero: no bar)
                v = rel[k] if rel[k] > 0 else lo
                bar.set_y(lo)
                bar.set_height(v - lo)
                bar.set_color(plots.HEALTHY if rel[k] >= threshold else plots.VANISHING)
        title.set_text(f"{_registry.get(choose.value).label}, {n} layers")
        live.render()
        weak = int(np.sum(rel < threshold))
        readout.value = (f"first layer gets <b>{rel[0]:.2e}</b> of the last layer's gradient; "
                         f"{weak} of {n} layers below {threshold:g}")

    on_change([choose, *sliders.values()], update)
    update()
    return LiveWidget(
        [choose, *sliders.values(), readout, live.image], live,
        "Gradient flow: pick a bend, drag depth and input scale (static picture below)",
        sliders=sliders, readout=readout, bars=bars, dropdown=choose, lines={"threshold": ref},
    )


@plots.styled
def chain_product(names=("sigmoid", "tanh", "relu"), x=0.5, depth=20, max_depth=50):
    """The slope product through depth when every layer sees the same x, on a log scale (notebook 03).

    The faint dashed line is sigmoid at its best (x = 0): even then each layer multiplies by 0.25.
    """
    names = [activations.canonical(n) for n in names]
    live = LiveFigure(600, 340, fast_axes=True)  # the log limits follow the products
    ax = live.axes[0]
    ax.set_yscale("log")
    ax.set(xlim=(0.5, max_depth + 0.5), xlabel="number of layers", ylabel="product of slopes")
    ks = np.arange(1, max_depth + 1)
    sigmoid = activations.get("sigmoid")
    best = float(sigmoid.derivative(0.0))
    ax.plot(ks, best ** ks.astype(float), color=plots.color("sigmoid"), lw=1.2, ls="--", alpha=0.6,
            label=f"sigmoid at its best (x = 0): {best:g} per layer")
    lines = {n: live.moving(ax.plot([], [], "o-", ms=3, color=plots.color(n), label=activations.get(n).label)[0])
             for n in names}
    depth_line = live.moving(ax.axvline(depth, color=plots.MUTED, lw=1.2, ls=":"))
    sliders = {"x": slider("x each layer sees", x, 0.1, 3.0, 0.05),
               "depth": widgets.IntSlider(value=depth, min=1, max=max_depth, description="depth",
                                          continuous_update=True, style={"description_width": "initial"},
                                          layout=widgets.Layout(width="420px"))}
    readout = widgets.HTML()
    legend = ax.legend(loc="upper right")

    def update():
        xv, d = sliders["x"].value, sliders["depth"].value
        slopes = {n: float(activations.get(n).derivative(xv)) for n in names}
        products = {}
        for n in names:
            prod = mlp.chain_product(n, xv, d)[1]  # the partial products after 1, 2, ..., d layers
            products[n] = prod
            lines[n].set_data(ks[:d], np.where(prod > 0, prod, np.nan))  # a zero product has no place on a log axis
        lo, hi = decade_limits(np.concatenate([*products.values(), best ** ks[:1]]), floor=1e-300, every=10)
        set_limits(live, ax, ylim=(lo, max(hi, 10.0)))
        depth_line.set_xdata([d, d])
        live.render()
        rows = [(activations.get(n).label, f"{slopes[n]:.4f}", f"{products[n][-1]:.3e}") for n in names]
        readout.value = tables.html_table(["bend", f"slope at x = {xv:.2f}", f"product after {d} layers"], rows)

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [*sliders.values(), readout, live.image], live,
        "Chain product: drag x and the depth (static picture below)",
        sliders=sliders, readout=readout, lines=lines, legend=legend,
    )


@plots.styled
def gradient_table(names=("sigmoid", "tanh", "relu", "gelu"), x=1.0, x_range=5.0):
    """Value and slope of each bend at a slider-chosen x, as a table and marked on the slope curves (notebook 03)."""
    names = [activations.canonical(n) for n in names]
    live = LiveFigure(600, 300)
    ax = live.axes[0]
    grid = np.linspace(-x_range, x_range, 401)
    ax.set(xlim=(-x_range, x_range), xlabel="x", ylabel="slope f'(x)", title="slopes, marked at the chosen x")
    ax.axhline(0, color="black", lw=0.8)
    for n in names:
        ax.plot(grid, plots.finite(activations.get(n).derivative(grid)), color=plots.color(n), label=activations.get(n).label)
    ax.legend(loc="upper left")
    dots = {n: live.moving(ax.plot([], [], "o", color=plots.color(n), ms=8)[0]) for n in names}
    marker = live.moving(ax.axvline(x, color=plots.MUTED, lw=1.2, ls=":"))
    sliders = {"x": slider("x", x, -x_range, x_range, 0.05)}
    readout = widgets.HTML()

    def update():
        xv = sliders["x"].value
        rows = []
        for n in names:
            act = activations.get(n)
            y, d = float(act(xv)), float(act.derivative(xv))
            dots[n].set_data([xv], [d])
            rows.append((act.label, table_number(y), table_number(d)))
        marker.set_xdata([xv, xv])
        live.render()
        readout.value = tables.html_table(["bend", f"value at x = {xv:.2f}", "slope (what backprop multiplies by)"], rows)

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["x"], readout, live.image], live,
        "Gradient table: drag x (static picture below)",
        sliders=sliders, readout=readout, lines=dots,
    )
