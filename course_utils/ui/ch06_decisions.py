"""Chapter 06's picker: choose a role, see the recommended bend drawn against its runner-up."""

import html as _html

import ipywidgets as widgets
import numpy as np

from course_utils.facts import activations, decisions
from course_utils.ui import plots
from course_utils.ui.livefigure import LiveFigure, LiveWidget, nice_limits, on_change


def _card(d):
    label = lambda n: activations.get(n).label  # noqa: E731
    links = " · ".join(f"<a href='{link}' target='_blank'>{_html.escape(text)}</a>" for text, link in d.evidence)
    avoid = (f"<br><b>Avoid:</b> {label(d.avoid)}: {_html.escape(d.avoid_because)}" if d.avoid else "")
    return (f"<div style='border-left:4px solid {plots.color(d.pick)};padding:4px 10px'>"
            f"<b>{_html.escape(d.question)}</b><br>"
            f"<b>Pick:</b> {label(d.pick)}: {_html.escape(d.reason)}<br>"
            f"<b>Runner-up:</b> {label(d.runner_up)}, when {_html.escape(d.prefer_runner_up_when)}{avoid}<br>"
            f"<b>Evidence:</b> {links}</div>")


@plots.styled
def picker(role=None):
    """Choose a role in the network; see the recommended bend, its reason, the runner-up and the evidence (notebook 06)."""
    all_d = decisions.decisions()
    role = role or all_d[0].role
    live = LiveFigure(600, 280)
    ax = live.axes[0]
    x = np.linspace(-4, 4, 321)
    ax.set(xlim=(-4, 4), xlabel="x", title="the pick (solid) and the runner-up (dashed)")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    pick_line = live.moving(ax.plot([], [], lw=2.4)[0])
    runner_line = live.moving(ax.plot([], [], lw=1.8, ls="--")[0])
    legend = {"artist": None}
    dropdown = widgets.Dropdown(options=[(d.question, d.role) for d in all_d], value=role, description="role",
                                style={"description_width": "initial"}, layout=widgets.Layout(width="560px"))
    card = widgets.HTML()

    def update():
        d = decisions.decision(dropdown.value)
        ys = []
        for line, name in ((pick_line, d.pick), (runner_line, d.runner_up)):
            y = plots.finite(plots.curve(name, x))
            line.set_data(x, y)
            line.set_color(plots.color(name))
            line.set_label(activations.get(name).label)
            ys.append(y)
        ax.set_ylim(nice_limits(np.clip(np.concatenate(ys), -4, 4), step=0.5))
        if legend["artist"] is not None:
            legend["artist"].remove()
        legend["artist"] = ax.legend(handles=[pick_line, runner_line], loc="upper left")
        live.invalidate()  # limits and legend changed: the cached background is stale
        live.render()
        card.value = _card(d)

    on_change([dropdown], update)
    update()
    return LiveWidget([dropdown, card, live.image], live, "Decision picker: choose a role (static picture below)",
                      readout=card, dropdown=dropdown, lines={"pick": pick_line, "runner_up": runner_line})
