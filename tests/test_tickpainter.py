"""Fast axes: ticks drawn by tickpainter look like matplotlib's, follow the limits, and spare the full draw."""

import numpy as np
import pytest

from course_utils.ui import ch03_gradients, explorer
from course_utils.ui.tickpainter import plain_power
from course_utils.ui.livefigure import LiveFigure, set_limits


def _count_full_draws(live):
    """Wrap the canvas's full draw with a counter; return the list that collects one entry per call."""
    calls, draw = [], live.canvas.draw
    live.canvas.draw = lambda *a, **k: (calls.append(1), draw(*a, **k))[1]
    return calls


def _twin(fast, xlim, ylim, log=False):
    """The same small plot drawn with matplotlib's own axes (fast=False) or with painted ones."""
    live = LiveFigure(600, 340, fast_axes=fast)
    ax = live.axes[0]
    if log:
        ax.set_yscale("log")
    ax.set(xlabel="layer (1 = nearest the input)", ylabel="gradient / last layer's", title="twin")
    x = np.linspace(0.1, 30, 200)
    live.moving(ax.plot(x, np.exp(-x) if log else np.sin(x), color="C0")[0], slow=True)
    live.render()
    set_limits(live, ax, xlim=xlim, ylim=ylim)
    live.render()
    return live


def _rgb(live):
    return np.asarray(live.canvas.buffer_rgba())[:, :, :3].astype(int)


def test_limit_change_costs_no_full_draw_with_fast_axes():
    """Moving the explorer's x range redraws only the curves' layer; without fast axes each move is a full draw."""
    w = explorer.activation_explorer()
    calls = _count_full_draws(w.live)
    for r in (2.0, 7.5, 9.5):
        w.sliders["x_range"].value = r
    assert calls == []
    slow = LiveFigure(600, 340)
    slow.moving(slow.axes[0].plot([0, 1], [0, 1])[0])
    slow.render()
    calls = _count_full_draws(slow)
    for hi in (2.0, 3.0):
        set_limits(slow, slow.axes[0], xlim=(0, hi))
        slow.render()
    assert len(calls) == 2


@pytest.mark.parametrize("xlim, ylim, log", [((0, 10), (-1.5, 1.5), False), ((-3, 27), (-1, 1), False),
                                             ((0.4, 25.6), (1e-15, 10.0), True)])
def test_painted_axes_look_like_matplotlibs(xlim, ylim, log):
    """Painted and matplotlib-drawn axes differ by sub-pixel text placement only, and carry the same labels."""
    ref, fast = _twin(False, xlim, ylim, log), _twin(True, xlim, ylim, log)
    a, b = _rgb(ref), _rgb(fast)
    assert a.shape == b.shape
    renderer = ref.canvas.get_renderer()
    diff = np.abs(a - b).max(axis=2)
    # Inside the axes and its tick marks (grid, spines, marks, curve): the same picture.
    bb, h = ref.axes[0].get_window_extent(renderer), a.shape[0]
    inside = diff[int(h - bb.y1) - 6:int(h - bb.y0) + 6, int(bb.x0) - 6:int(bb.x1) + 6]
    assert (inside > 16).mean() < 0.003, f"{(inside > 16).sum()} pixels differ inside the axes"
    # Everywhere: texts land on whole pixels here, a sub-pixel shift away from matplotlib's.
    assert (diff > 64).mean() < 0.015, f"{(diff > 64).sum()} pixels differ clearly"
    for axis, painter in zip((ref.axes[0].xaxis, ref.axes[0].yaxis), fast._painters):
        lo, hi = sorted(axis.get_view_interval())
        scale = np.log10 if axis.get_scale() == "log" else float
        tol = 1e-9 * (scale(hi) - scale(lo))
        k = 0 if axis.axis_name == "x" else 1   # a tick label's position is (loc, 0) or (0, loc)
        shown = [t for t in axis.get_majorticklabels()
                 if t.get_text() and scale(lo) - tol <= scale(t.get_position()[k]) <= scale(hi) + tol]
        assert [text for text, _ in painter.drawn] == [plain_power(t.get_text()) for t in shown]
        # Each painted label sits where matplotlib put its own: same aligned edge and centre, within a
        # pixel (x labels: centred under the tick, top edge; y labels: right edge, centred on the tick).
        for (_, mine), theirs in zip(painter.drawn, (t.get_window_extent(renderer) for t in shown)):
            if axis.axis_name == "x":
                assert abs(mine.x0 + mine.x1 - theirs.x0 - theirs.x1) / 2 <= 1.0 and abs(mine.y1 - theirs.y1) <= 1.0
            else:
                assert abs(mine.x1 - theirs.x1) <= 1.0 and abs(mine.y0 + mine.y1 - theirs.y0 - theirs.y1) / 2 <= 1.0
        # The axis label is whole and in matplotlib's place: the same ink inside matplotlib's box.
        box = axis.label.get_window_extent(renderer).padded(2)
        h = a.shape[0]
        rows, cols = slice(int(h - box.y1), int(h - box.y0) + 1), slice(int(box.x0), int(box.x1) + 1)
        ink_ref, ink_fast = (255 - a[rows, cols]).sum(), (255 - b[rows, cols]).sum()
        assert abs(ink_fast - ink_ref) <= 0.03 * ink_ref


def test_explorer_ticks_follow_the_x_range():
    """The x labels follow the range: −6 … 6 at ±7.5 (as matplotlib drew them), evenly spaced within ±r."""
    w = explorer.activation_explorer()
    w.sliders["x_range"].value = 7.5
    x_painter = w.live._painters[0]
    assert [t for t, _ in x_painter.drawn] == ["−6", "−4", "−2", "0", "2", "4", "6"]
    for r in (2.0, 3.5, 10.0):
        w.sliders["x_range"].value = r
        values = np.array([float(t.replace("−", "-")) for t, _ in x_painter.drawn])
        assert values.min() >= -r and values.max() <= r and 0.0 in values
        assert values.max() - values.min() >= r and np.allclose(np.diff(values), np.diff(values)[0])


def test_axis_label_stays_clear_of_wider_tick_labels():
    """The y label stays clear of the log tick labels at any depth (pass 92 fixed the flow axis at 10^-6 to 10^1, so
    the widest label is 10⁻⁶ at every depth; before, deeper networks drew 10^-15)."""
    w = ch03_gradients.gradient_flow(depth=4)
    y_painter = w.live._painters[1]
    renderer = w.live.canvas.get_renderer()
    for depth in (4, 25):
        w.sliders["depth"].value = depth
        label = w.live.axes[0].yaxis.label.get_window_extent(renderer)
        assert label.x1 < min(box.x0 for _, box in y_painter.drawn)
    assert [t for t, _ in y_painter.drawn] == ["10⁻⁶", "10⁻³", "10⁰"]


def test_legend_stays_on_top_when_limits_move():
    """The legend's pixels are the same before and after the curves and grid under it move."""
    w = explorer.activation_explorer()
    legend = w.live.axes[0].get_legend()
    box = legend.get_window_extent(w.live.canvas.get_renderer())
    h = _rgb(w.live).shape[0]
    rows, cols = slice(int(h - box.y1) + 1, int(h - box.y0) - 1), slice(int(box.x0) + 1, int(box.x1) - 1)
    before = _rgb(w.live)[rows, cols].copy()
    w.sliders["x_range"].value = 1.5   # curves now sweep through the upper left corner
    assert np.array_equal(_rgb(w.live)[rows, cols], before)


def test_curve_moves_reuse_the_painted_axes():
    """With fast axes, a curve that moves inside the same limits does not repaint ticks; new limits do."""
    live = LiveFigure(600, 340, fast_axes=True)
    line = live.moving(live.axes[0].plot([0, 1], [0, 1])[0], slow=True)
    live.axes[0].set(xlim=(0, 1), ylim=(0, 1))
    live.render()
    painted = []
    for painter in live._painters:
        painter.draw = (lambda draw: lambda renderer: (painted.append(1), draw(renderer)))(painter.draw)
    line.set_data([0, 1], [1, 0])
    live.render()
    assert painted == []
    set_limits(live, live.axes[0], xlim=(0, 2))
    live.render()
    assert len(painted) == len(live._painters)


@pytest.mark.parametrize("mathtext, plain", [(r"$\mathdefault{10^{-15}}$", "10⁻¹⁵"), (r"$\mathdefault{10^{1}}$", "10¹"),
                                             (r"$\mathdefault{10^{0}}$", "10⁰"), ("−4", "−4"),
                                             (r"$\mathdefault{2\times10^{-3}}$", r"$\mathdefault{2\times10^{-3}}$")])
def test_log_labels_become_unicode_powers(mathtext, plain):
    """Powers of ten lose their mathtext (slow to lay out) for Unicode superscripts; anything else is kept."""
    assert plain_power(mathtext) == plain


def test_panels_with_the_same_label_style_share_stamps():
    """The explorer's two panels draw the same x labels: each text is rendered once, not once per panel."""
    w = explorer.activation_explorer()
    x_value, x_slope = w.live._painters[0], w.live._painters[2]
    assert x_value._stamps._stamps is x_slope._stamps._stamps
    assert x_value._stamps._stamps is not w.live._painters[1]._stamps._stamps   # y labels: another style


def test_labels_carry_full_values_where_matplotlib_would_use_an_offset():
    """Limits 1000.1..1000.3 would make matplotlib label '0.1, 0.2' plus a '+1e3' corner text; painted labels say 1000.1."""
    live = LiveFigure(600, 340, fast_axes=True)
    live.moving(live.axes[0].plot([1000.1, 1000.3], [0, 1])[0], slow=True)
    live.render()
    set_limits(live, live.axes[0], xlim=(1000.1, 1000.3))
    live.render()
    labels = [t for t, _ in live._painters[0].drawn]
    assert labels and all(float(t) > 1000 for t in labels), labels


def test_stamp_cache_is_bounded(monkeypatch):
    """Check that a long session of new labels keeps at most LIMIT stamps per style, dropping the oldest."""
    w = explorer.activation_explorer()
    stamps = w.live._painters[0]._stamps
    monkeypatch.setattr(type(stamps), "LIMIT", len(stamps._stamps) + 3)
    renderer = w.live.canvas.get_renderer()
    first = next(iter(stamps._stamps))
    for k in range(10):
        stamps.paste(renderer, f"label {k}", (10, 10))
    assert len(stamps._stamps) == stamps.LIMIT
    assert first not in stamps._stamps and "label 9" in stamps._stamps
