"""Slider redraw of the activation explorer inside a real kernel, against an interact-style rebuild.

A fresh ipykernel holds the widgets. This process plays the browser: it sends the comm message a
dragged slider sends, and times until the kernel reports idle, so the figure includes message
handling, the redraw, the PNG and sending the new image back. Baseline: the same picture rebuilt
from scratch on every change (new Figure, plot, savefig), as an `interact` callback would.
"""

import json
import time

from bench.common import median, p95, record

N_CHANGES = 60
WARMUP = 5

SETUP = r'''
import json, io
import numpy as np
import ipywidgets as W
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
from course_utils import activations, plots, widgets

live = widgets.activation_explorer()

NAMES = ("relu", "sigmoid", "tanh", "gelu")

def rebuild(x0):
    """The same two-panel picture made from nothing, as an interact callback does."""
    fig = Figure(figsize=(7.6, 3.4), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax_f, ax_d = fig.subplots(1, 2)
    x = np.linspace(-5, 5, 401)
    for name in NAMES:
        act = activations.get(name)
        c = plots.color(name)
        ax_f.plot(x, act(x), color=c, label=act.label)
        ax_d.plot(x, act.derivative(x), color=c)
        ax_f.plot([x0], [float(act(x0))], "o", color=c)
        ax_d.plot([x0], [float(act.derivative(x0))], "o", color=c)
    for ax in (ax_f, ax_d):
        ax.axvline(x0, ls=":", color="grey")
        ax.grid(True)
    ax_f.legend(loc="upper left")
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()

base_slider = W.FloatSlider(value=1.0, min=-5, max=5, step=0.05)
base_image = W.Image(format="png")
base_slider.observe(lambda ch: setattr(base_image, "value", rebuild(ch["new"])), names="value")
base_image.value = rebuild(1.0)
print(json.dumps({"live": live.sliders["x"].model_id, "baseline": base_slider.model_id}))
'''


def _run(kc, code):
    """Execute code; return its stdout."""
    msg_id = kc.execute(code)
    out = []
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(out)


def _change(kc, model_id, value):
    """Send what a dragged slider sends; return ms until the kernel is idle again."""
    msg = kc.session.msg("comm_msg", {"comm_id": model_id,
                                      "data": {"method": "update", "state": {"value": value}, "buffer_paths": []}})
    t0 = time.perf_counter()
    kc.shell_channel.send(msg)
    while True:
        reply = kc.get_iopub_msg(timeout=60)
        if (reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]
                and reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle"):
            return (time.perf_counter() - t0) * 1000.0


def _values():
    # A drag across the range in small steps, every value new so the handler always fires.
    return [round(-4.5 + 9.0 * i / (N_CHANGES + WARMUP), 3) for i in range(N_CHANGES + WARMUP)]


def _drag(kc, model_id):
    times = [_change(kc, model_id, v) for v in _values()]
    return times[WARMUP:]


def run():
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        ids = json.loads(_run(kc, SETUP).strip().splitlines()[-1])
        live, base = [], []
        for _ in range(2):  # interleave, so machine load hits both alike
            live += _drag(kc, ids["live"])
            base += _drag(kc, ids["baseline"])
        check = _run(kc, "print(float(live.sliders['x'].value), float(base_slider.value))")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    last = _values()[-1]
    if [float(v) for v in check.split()] != [last, last]:  # the messages must really have moved the sliders
        raise RuntimeError(f"slider values after the drag: {check!r}, expected {last} for both")
    m, p, b = median(live), p95(live), median(base)
    note = f"{len(live)} changes each, fresh ipykernel, timed from comm message to kernel idle"
    return [
        record("explorer slider redraw, median (kernel)", m, "ms", b, "<= 15 ms, >= 3x faster than rebuild",
               m <= 15 and b / m >= 3, note),
        record("explorer slider redraw, p95 (kernel)", p, "ms", p95(base), "<= 25 ms", p <= 25, note),
        record("interact-style rebuild, median (kernel)", b, "ms", None, "baseline", None, note),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
