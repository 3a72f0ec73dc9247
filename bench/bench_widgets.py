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
from course_utils.facts import activations
from course_utils.ui import explorer, plots

live = explorer.activation_explorer()
full = explorer.activation_explorer(fast_axes=False)   # x range moves redraw the whole figure

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
print(json.dumps({"live": live.sliders["x"].model_id, "baseline": base_slider.model_id,
                  "range": live.sliders["x_range"].model_id, "range_full": full.sliders["x_range"].model_id}))
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


def _drag(kc, model_id, values=None):
    times = [_change(kc, model_id, v) for v in (values or _values())]
    return times[WARMUP:]


def _range_values():
    # The x range slider's stops (1.0 to 10.0 by 0.5) there and back: every move changes the axis limits.
    stops = [1.0 + 0.5 * k for k in range(19)]
    sweep = stops[1:] + stops[-2::-1]
    return (sweep * 3)[:N_CHANGES + WARMUP]


def run():
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        ids = json.loads(_run(kc, SETUP).strip().splitlines()[-1])
        live, base, rng, rng_full = [], [], [], []
        for _ in range(2):  # interleave, so machine load hits both alike
            live += _drag(kc, ids["live"])
            base += _drag(kc, ids["baseline"])
        check = _run(kc, "print(float(live.sliders['x'].value), float(base_slider.value))")
        for _ in range(2):  # the x range last: it clamps the probe slider checked above
            rng += _drag(kc, ids["range"], _range_values())
            rng_full += _drag(kc, ids["range_full"], _range_values())
        check_range = _run(kc, "print(float(live.sliders['x_range'].value), float(full.sliders['x_range'].value))")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    last = _values()[-1]
    if [float(v) for v in check.split()] != [last, last]:  # the messages must really have moved the sliders
        raise RuntimeError(f"slider values after the drag: {check!r}, expected {last} for both")
    last = _range_values()[-1]
    if [float(v) for v in check_range.split()] != [last, last]:
        raise RuntimeError(f"x range values after the drag: {check_range!r}, expected {last} for both")
    m, p, b = median(live), p95(live), median(base)
    note = f"{len(live)} changes each, fresh ipykernel, timed from comm message to kernel idle"
    return [
        record("explorer slider redraw, median (kernel)", m, "ms", b, "<= 15 ms, >= 3x faster than rebuild",
               m <= 15 and b / m >= 3, note),
        record("explorer slider redraw, p95 (kernel)", p, "ms", p95(base), "<= 25 ms", p <= 25, note),
        record("interact-style rebuild, median (kernel)", b, "ms", None, "baseline", None, note),
        record("explorer x-range move (new axis limits), median (kernel)", median(rng), "ms", median(rng_full),
               "fast axes >= 3x faster than a full draw", median(rng_full) / median(rng) >= 3,
               note + "; baseline: the same explorer with fast_axes=False (full matplotlib draw per move)"),
        record("explorer x-range move (new axis limits), p95 (kernel)", p95(rng), "ms", p95(rng_full),
               "", None, note + "; no target of its own: what counts is key-to-picture in the browser (bench_browser)"),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
