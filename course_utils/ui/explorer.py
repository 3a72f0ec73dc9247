"""The bend explorer: curves and slopes of any bends with a probe point (chapters 02 and 04)."""

import ipywidgets as widgets
import matplotlib
import numpy as np

from course_utils.facts import activations
from course_utils.ui import plots, tables
from course_utils.ui.printing import readout_number
from course_utils.ui.livefigure import LiveFigure, LiveWidget, nice_limits, on_change, set_limits, slider


PROBE_STEP = 0.05   # the probe slider's step: chapter 02's answer says the probe can only get near a lowest point


def slope_line(act, x, **kw):
    """(x, slope, closed dot, open dot) to draw a bend's slope over x. A kinked bend's slope jumps at its corner
    (x = 0 for every kinked bend in the registry): drawn as a gap, not a fake vertical line, with a closed dot at
    the value the registry takes there (ReLU's: 0) and an open dot at the other side's end. Dots are None otherwise."""
    x = np.asarray(x, dtype=float)
    d = plots.finite(act.derivative(x, **kw))
    if act.smoothness != "kink" or not (x[0] < 0 < x[-1]):
        return x, d, None, None
    left, at, right = (float(act.derivative(v, **kw)) for v in (-1e-9, 0.0, 1e-9))
    if left == right:
        return x, d, None, None
    xs = np.concatenate([x[x < 0], [0.0, np.nan, 0.0], x[x > 0]])
    ds = np.concatenate([d[x < 0], [left, np.nan, right], d[x > 0]])
    return xs, ds, (0.0, at), (0.0, right if at == left else left)


def _flat(arrays):
    """One flat array of all the curves' points (a kinked slope has a few more points than the grid)."""
    return np.concatenate([np.ravel(a) for a in arrays]) if arrays else np.array([])


def _elementwise():
    return [n for n in activations.names() if activations.get(n).kind == "elementwise"]


@plots.styled
def activation_explorer(names=("relu", "sigmoid", "tanh", "gelu"), show_slope=True, menu=None, x_range=5.0, probe=1.0,
                        fast_axes=True, tunable=True, probe_ls=":"):
    """Pick bends, tune their parameters, set the x range; value and slope side by side or overlaid (notebook 02).

    show_slope: True or "beside" (two panels), "overlay" (dashed on the same axes), False (values only).
    fast_axes=False redraws the whole figure when the x range moves (the benchmark's baseline).
    tunable=False: no parameter sliders, every bend at its default (chapter 02 teaches no parameters; 04 does).
    probe_ls: the probe line's style (chapter 02 draws it solid: its GELU is dotted, and the text says "grey line").
    """
    menu = [activations.canonical(n) for n in (menu or _elementwise())]
    chosen = [activations.canonical(n) for n in names]
    menu += [n for n in chosen if n not in menu]
    beside = show_slope is True or show_slope == "beside"
    live = LiveFigure(760 if beside else 600, 340, 1, 2 if beside else 1, fast_axes=fast_axes)
    ax_f = live.axes[0]
    ax_d = live.axes[1] if beside else (ax_f if show_slope else None)
    # plain words, no f(x) or f'(x): the chapters never introduce that notation
    ax_f.set(xlabel="x", title="value" if beside else "value" + (" and slope (dashed)" if show_slope else ""))
    if beside:
        ax_d.set(xlabel="x", title="slope")
    for ax in {ax_f, ax_d} - {None}:
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)

    lines = {}
    for i, name in enumerate(menu):
        colour = plots.color(name, i)
        # Each bend its own dash and mark, so the legend does not rely on colour; overlaid, dashes mean "slope".
        look = plots.line_style(name, i) if beside or not show_slope else {}
        entry = {"value": live.moving(ax_f.plot([], [], color=colour, label=activations.get(name).label, **look)[0],
                                      slow=True),
                 "value_dot": live.moving(ax_f.plot([], [], "o", color=colour, ms=7)[0])}
        if ax_d is not None:
            entry["slope"] = live.moving(ax_d.plot([], [], color=colour, **(look or {"ls": "--"}))[0], slow=True)
            entry["slope_dot"] = live.moving(ax_d.plot([], [], "o", color=colour, ms=7)[0])
            entry["jump_closed"] = live.moving(ax_d.plot([], [], "o", color=colour, ms=5)[0], slow=True)
            entry["jump_open"] = live.moving(ax_d.plot([], [], "o", mfc="white", mec=colour, ms=5)[0], slow=True)
        lines[name] = entry
    probes = [live.moving(ax.axvline(probe, color=plots.MUTED, lw=1.2, ls=probe_ls)) for ax in {ax_f, ax_d} - {None}]

    checks = {n: widgets.Checkbox(value=n in chosen, description=activations.get(n).label, indent=False,
                                  layout=widgets.Layout(width="190px")) for n in menu}
    sliders = {"x_range": slider("x range ±", x_range, 1.0, 10.0, 0.5, ".1f"),
               "x": slider("probe x", probe, -x_range, x_range, PROBE_STEP)}
    for name in menu if tunable else ():
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
            rows.append((act.label, readout_number(y0), readout_number(d0)))
            if curves:
                y = plots.finite(act(x, **kw))
                xd, d, closed, open_ = slope_line(act, x, **kw)
                entry["value"].set_data(x, y)
                if "slope" in entry:
                    entry["slope"].set_data(xd, d)
                    for key, dot in (("jump_closed", closed), ("jump_open", open_)):
                        entry[key].set_data(*([[dot[0]], [dot[1]]] if dot else [[], []]))
                        entry[key].set_visible(dot is not None)   # shown only where a slope jumps
                values.append(y)
                slopes.append(d)
        for line in probes:
            line.set_xdata([x0, x0])
        if curves:
            set_limits(live, ax_f, xlim=(-r, r), ylim=nice_limits(_flat(values + ([] if beside else slopes)), include=(0, 1)))
            if beside:
                set_limits(live, ax_d, xlim=(-r, r), ylim=nice_limits(_flat(slopes), step=0.25, include=(0, 1)))
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
