"""Slider demos of the course: each returns a LiveWidget (live in a kernel, a still picture elsewhere)."""

import ipywidgets as widgets
import matplotlib
import numpy as np

from course_utils.engine import mlp
from course_utils.facts import activations
from course_utils.ui import plots, tables
from course_utils.ui.livefigure import LiveFigure, LiveWidget, decade_limits, nice_limits, on_change, set_limits, slider

_registry = activations  # for functions whose parameter is called `activations`


@plots.styled
def stretch_shift(w=2.0, b=-1.0, inputs=(-2.0, -1.0, 0.0, 1.0, 2.0)):
    """One layer on one number, y = w·x + b: w stretches (or flips), b shifts (notebook 00)."""
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 2)
    xs = np.asarray(inputs, dtype=float)
    ax.set(xlim=(-3, 3), ylim=(-10, 10), xlabel="input x", ylabel="output y", title="A layer stretches and shifts")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.plot(x, x, color=plots.MUTED, lw=1.2, ls=":", label="y = x (do nothing)")
    ax.plot(xs, np.zeros_like(xs), "o", mfc="white", mec=plots.MUTED, ms=7, label="inputs")
    line = live.moving(ax.plot([], [], color=plots.ACCENT, label="y = w·x + b")[0])
    drops = live.moving(ax.plot([], [], color=plots.ACCENT, lw=1, ls="--", alpha=0.6)[0])
    landed = live.moving(ax.plot([], [], "o", color=plots.ACCENT, ms=7, label="where they land")[0])
    ax.legend(loc="upper left")

    sliders = {"w": slider("stretch w", w, -3.0, 3.0, 0.1), "b": slider("shift b", b, -4.0, 4.0, 0.1)}
    readout = widgets.HTML()

    def update():
        wv, bv = sliders["w"].value, sliders["b"].value
        ys = wv * xs + bv
        line.set_data(x, wv * x + bv)
        # One Line2D with NaN breaks draws all the input->output drops in a single artist.
        drops.set_data(np.repeat(xs, 3), np.column_stack([np.zeros_like(xs), ys, np.full_like(xs, np.nan)]).ravel())
        landed.set_data(xs, ys)
        live.render()
        lands = ", ".join(f"{v:g} → {y:.1f}" for v, y in zip(xs, ys))
        readout.value = f"<b>y = {wv:.2f}·x{plots.signed_term(bv)}</b> &nbsp; inputs land at: {lands}"

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["w"], sliders["b"], readout, live.image], live,
        "Stretch and shift: drag w and b (static picture below)",
        sliders=sliders, readout=readout, lines={"layer": line, "drops": drops, "landed": landed},
    )


def _num(v):
    """Four decimals, or three significant digits in e-notation for tiny values (0.0000 would hide them)."""
    return f"{v:.4f}" if v == 0 or abs(v) >= 1e-3 else f"{v:.3e}"


def _elementwise():
    return [n for n in activations.names() if activations.get(n).kind == "elementwise"]


@plots.styled
def activation_explorer(names=("relu", "sigmoid", "tanh", "gelu"), show_slope=True, menu=None, x_range=5.0, probe=1.0,
                        fast_axes=True):
    """Pick bends, tune their parameters, set the x range; value and slope side by side or overlaid (notebook 02).

    show_slope: True or "beside" (two panels), "overlay" (dashed on the same axes), False (values only).
    fast_axes=False redraws the whole figure when the x range moves (the benchmark's baseline).
    """
    menu = [activations.canonical(n) for n in (menu or _elementwise())]
    chosen = [activations.canonical(n) for n in names]
    menu += [n for n in chosen if n not in menu]
    beside = show_slope is True or show_slope == "beside"
    live = LiveFigure(760 if beside else 600, 340, 1, 2 if beside else 1, fast_axes=fast_axes)
    ax_f = live.axes[0]
    ax_d = live.axes[1] if beside else (ax_f if show_slope else None)
    ax_f.set(xlabel="x", title="value f(x)" if beside else "value f(x)" + (" and slope f'(x) (dashed)" if show_slope else ""))
    if beside:
        ax_d.set(xlabel="x", title="slope f'(x)")
    for ax in {ax_f, ax_d} - {None}:
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)

    lines = {}
    for i, name in enumerate(menu):
        colour = plots.color(name, i)
        entry = {"value": live.moving(ax_f.plot([], [], color=colour, label=activations.get(name).label)[0], slow=True),
                 "value_dot": live.moving(ax_f.plot([], [], "o", color=colour, ms=7)[0])}
        if ax_d is not None:
            entry["slope"] = live.moving(ax_d.plot([], [], color=colour, ls="--" if not beside else "-")[0], slow=True)
            entry["slope_dot"] = live.moving(ax_d.plot([], [], "o", color=colour, ms=7)[0])
        lines[name] = entry
    probes = [live.moving(ax.axvline(probe, color=plots.MUTED, lw=1.2, ls=":")) for ax in {ax_f, ax_d} - {None}]

    checks = {n: widgets.Checkbox(value=n in chosen, description=activations.get(n).label, indent=False,
                                  layout=widgets.Layout(width="190px")) for n in menu}
    sliders = {"x_range": slider("x range ±", x_range, 1.0, 10.0, 0.5, ".1f"),
               "x": slider("probe x", probe, -x_range, x_range, 0.05)}
    for name in menu:
        for pname, p in activations.get(name).params.items():
            sliders[f"{name}.{pname}"] = slider(f"{activations.get(name).label} {pname}", p.default, p.low, p.high, p.step)
    readout = widgets.HTML()
    state = {"legend": None, "shown": None}

    def params_of(name):
        return {k.split(".", 1)[1]: s.value for k, s in sliders.items() if k.startswith(name + ".")}

    def update(curves=True):
        """Redraw; curves=False when only the probe moved (the curves stay in the cached layer)."""
        r = sliders["x_range"].value
        with sliders["x"].hold_sync():  # one message to the browser, not one per bound
            sliders["x"].min, sliders["x"].max = -r, r  # the probe stays inside the window (clamps its value)
        x0 = sliders["x"].value
        x = np.linspace(-r, r, 401)
        shown = [n for n in menu if checks[n].value]
        values, slopes, rows = [], [], []
        for name in menu:
            entry, on = lines[name], name in shown
            if curves:
                for artist in entry.values():
                    artist.set_visible(on)
                for key, s in sliders.items():
                    if key.startswith(name + "."):
                        s.layout.display = "" if on else "none"
            if not on:
                continue
            act, kw = activations.get(name), params_of(name)
            y0, d0 = float(act(x0, **kw)), float(act.derivative(x0, **kw))
            entry["value_dot"].set_data([x0], [y0])
            if "slope" in entry:
                entry["slope_dot"].set_data([x0], [d0])
            rows.append((act.label, _num(y0), _num(d0)))
            if curves:
                y, d = plots.finite(act(x, **kw)), plots.finite(act.derivative(x, **kw))
                entry["value"].set_data(x, y)
                if "slope" in entry:
                    entry["slope"].set_data(x, d)
                values.append(y)
                slopes.append(d)
        for line in probes:
            line.set_xdata([x0, x0])
        if curves:
            set_limits(live, ax_f, xlim=(-r, r), ylim=nice_limits(values + ([] if beside else slopes), include=(0, 1)))
            if beside:
                set_limits(live, ax_d, xlim=(-r, r), ylim=nice_limits(slopes, step=0.25, include=(0, 1)))
        if shown != state["shown"]:
            # The legend lists the ticked bends. It is costly to draw, so it lives in the cached
            # background: rebuild it only when the ticks change, then redraw everything once.
            if state["legend"] is not None:
                state["legend"].remove()
            handles = [lines[n]["value"] for n in shown]
            with matplotlib.rc_context(plots.STYLE):
                state["legend"] = ax_f.legend(handles=handles, loc="upper left") if handles else None
            state["shown"] = shown
            live.invalidate()
        live.render(slow=curves)
        window = f"x from {-r:g} to {r:g}; probe at x = {x0:.2f}"
        readout.value = window + (tables.html_table(["bend", f"value at x = {x0:.2f}", "slope"], rows) if rows
                                  else "<br>Tick at least one bend.")

    on_change([s for k, s in sliders.items() if k != "x"] + list(checks.values()), update)
    on_change([sliders["x"]], lambda: update(curves=False))
    update()
    menu_box = widgets.GridBox(list(checks.values()), layout=widgets.Layout(grid_template_columns="repeat(4, 190px)"))
    return LiveWidget(
        [menu_box, *sliders.values(), live.image, readout], live,
        "Activation explorer: tick bends and drag the sliders (static picture below)",
        sliders=sliders, readout=readout, lines=lines, checkboxes=checks,
    )


@plots.styled
def collapse_demo(n_layers=2, weights=None, biases=None):
    """Stacked 1-D layers with sliders: the composed line is always one line, until a bend goes in (notebook 01)."""
    weights = list(weights or (1.5, -0.8, 1.2, 0.7, -1.1)[:n_layers])
    biases = list(biases or (0.5, 1.0, -0.5, 0.3, -0.2)[:n_layers])
    if len(weights) != n_layers or len(biases) != n_layers:
        raise ValueError(f"need {n_layers} weights and biases, got {len(weights)} and {len(biases)}")
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    x = np.linspace(-3.0, 3.0, 301)
    ax.set(xlim=(-3, 3), ylim=(-10, 10), xlabel="input x", ylabel="output y",
           title=f"{n_layers} stacked layers vs one line")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    stacked = live.moving(ax.plot([], [], color=plots.ACCENT, lw=4, alpha=0.5, label="the stacked layers")[0])
    single = live.moving(ax.plot([], [], color="black", lw=1.6, ls="--", label="one line y = W·x + b")[0])
    ax.legend(loc="upper left")
    sliders = {}
    for i in range(n_layers):
        sliders[f"w{i + 1}"] = slider(f"layer {i + 1} weight w{i + 1}", weights[i], -3.0, 3.0, 0.1)
        sliders[f"b{i + 1}"] = slider(f"layer {i + 1} bias b{i + 1}", biases[i], -3.0, 3.0, 0.1)
    bend = widgets.Checkbox(value=False, description="put a ReLU between the layers", indent=False)
    readout = widgets.HTML()

    def update():
        ws = [sliders[f"w{i + 1}"].value for i in range(n_layers)]
        bs = [sliders[f"b{i + 1}"].value for i in range(n_layers)]
        y = x.copy()
        for k, (w, c) in enumerate(zip(ws, bs)):  # push the inputs through the layers one by one
            y = w * y + c
            if bend.value and k < n_layers - 1:
                y = np.maximum(y, 0.0)
        W, b = mlp.compose_lines(ws, bs)
        stacked.set_data(x, y)
        single.set_data(x, W * x + b)
        live.render()
        gap = float(np.max(np.abs(y - (W * x + b))))
        verdict = ("the stacked layers ARE this one line" if gap < 1e-9 else
                   f"with the bend the layers no longer match one line (largest gap {gap:.2f})")
        readout.value = f"<b>equivalent: y = {W:.2f}·x{plots.signed_term(b)}</b> &nbsp; {verdict}"

    on_change([*sliders.values(), bend], update)
    update()
    return LiveWidget(
        [*sliders.values(), bend, readout, live.image], live,
        "Collapse demo: drag the layer weights and biases (static picture below)",
        sliders=sliders, readout=readout, lines={"stacked": stacked, "single": single}, bend=bend,
    )


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
def softmax_temperature(logits=(2.0, 1.0, 0.5, -1.0), temperature=1.0):
    """Softmax of fixed scores with a temperature slider: small T picks a winner, large T flattens (notebook 04)."""
    logits = np.asarray(logits, dtype=float)
    soft = activations.get("softmax")
    p = soft.params["temperature"]
    live = LiveFigure(600, 340)
    ax = live.axes[0]
    k = np.arange(len(logits))
    ax.set(ylim=(0, 1.08), xlim=(-0.6, len(logits) - 0.4), ylabel="probability",
           xticks=k, xticklabels=[f"score {v:g}" for v in logits])
    ax.axhline(1 / len(logits), color=plots.MUTED, lw=1.2, ls="--", label="all equal (T → ∞)")
    ax.legend(loc="upper right")
    bars = [live.moving(b) for b in ax.bar(k, np.zeros(len(logits)), width=0.6, color=plots.color("softmax"))]
    labels = [live.moving(ax.text(i, 0, "", ha="center", va="bottom")) for i in k]
    title = live.moving(ax.set_title(" "))
    sliders = {"temperature": slider("temperature T", temperature, p.low, p.high, p.step)}
    readout = widgets.HTML()

    def update():
        T = sliders["temperature"].value
        probs = np.asarray(soft(logits, temperature=T), dtype=float)
        for bar, label, q in zip(bars, labels, probs):
            bar.set_height(q)
            label.set_position((label.get_position()[0], q + 0.01))
            label.set_text(f"{q:.2f}")
        nz = probs[probs > 0]  # 0·log 0 counts as 0
        entropy = float(-np.sum(nz * np.log2(nz)))
        title.set_text(f"softmax at T = {T:.2f}")
        live.render()
        readout.value = (f"largest share <b>{probs.max():.3f}</b>; entropy <b>{entropy:.3f} bits</b> "
                         f"(0 = one sure winner, {np.log2(len(logits)):.3f} = all equal)")

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["temperature"], readout, live.image], live,
        "Softmax temperature: drag T (static picture below)",
        sliders=sliders, readout=readout, bars=bars, lines={},
    )


@plots.styled
def swiglu_gate(a=1.0, b=2.0, beta=1.0):
    """SwiGLU on one unit: the gate path a opens or closes, the content path b is what gets through (notebook 02)."""
    silu, swiglu = activations.get("silu"), activations.get("swiglu")
    live = LiveFigure(760, 340, 1, 2)
    ax_g, ax_o = live.axes
    grid = np.linspace(-5.0, 5.0, 301)
    ax_g.set(xlim=(-5, 5), ylim=(-1.0, 5.5), xlabel="gate pre-activation a", title="the gate: SiLU(a)")
    ax_g.plot(grid, np.asarray(silu(grid, beta=beta)), color=plots.color("silu"), label="SiLU(a)")
    ax_g.plot(grid, np.asarray(activations.get("sigmoid")(beta * grid)), color=plots.MUTED, ls="--",
              label="σ(βa): how open (0 to 1)")
    ax_g.axhline(0, color="black", lw=0.8)
    ax_g.legend(loc="upper left")
    dot = live.moving(ax_g.plot([], [], "o", color=plots.color("silu"), ms=9)[0])
    rows = ["content b", "gate SiLU(a)", "output SiLU(a)·b"]
    ax_o.set(xlim=(-16, 16), ylim=(-0.6, 2.6), yticks=range(3), yticklabels=rows[::-1], title="what gets through")
    ax_o.axvline(0, color="black", lw=0.8)
    colours = [plots.MUTED, plots.color("silu"), plots.color("swiglu")][::-1]
    bars = [live.moving(r) for r in ax_o.barh(range(3), np.zeros(3), height=0.6, color=colours)]
    values = [live.moving(ax_o.text(0, i, "", va="center")) for i in range(3)]
    sliders = {"a": slider("gate a", a, -5.0, 5.0, 0.1), "b": slider("content b", b, -3.0, 3.0, 0.1)}
    readout = widgets.HTML()

    def update():
        av, bv = sliders["a"].value, sliders["b"].value
        gate = float(silu(av, beta=beta))
        out = float(swiglu(av, bv, beta=beta))
        dot.set_data([av], [gate])
        for bar, text, v in zip(bars, values, (out, gate, bv)):  # barh puts row 0 at the bottom
            bar.set_width(v)
            text.set_position((v + (0.4 if v >= 0 else -0.4), text.get_position()[1]))
            text.set_ha("left" if v >= 0 else "right")
            text.set_text(f"{v:.2f}")
        live.render()
        state = ("closed: almost nothing gets through" if abs(gate) < 0.05 else
                 "slightly negative: the content comes through small and flipped" if gate < 0 else
                 "open: the content is passed on, scaled by the gate")
        readout.value = f"SiLU({av:.2f}) = <b>{gate:.3f}</b>, output = {gate:.3f} × {bv:.2f} = <b>{out:.3f}</b>; gate {state}"

    on_change(sliders.values(), update)
    update()
    return LiveWidget(
        [sliders["a"], sliders["b"], readout, live.image], live,
        "SwiGLU gate: drag the gate a and the content b (static picture below)",
        sliders=sliders, readout=readout, bars=bars, lines={"gate": dot},
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
            rows.append((act.label, _num(y), _num(d)))
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
