"""Static figures: right number of lines and bars, right colours, right regions, no pyplot state."""

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from scipy import special

from course_utils.facts import activations
from course_utils.ui import plots


def rgba_at(fig, ax, x, y):
    """The rendered pixel colour at data point (x, y)."""
    fig.canvas.draw()
    px, py = ax.transData.transform((x, y))
    buf = np.asarray(fig.canvas.buffer_rgba())
    return buf[buf.shape[0] - 1 - int(round(py)), int(round(px))] / 255.0


def test_curves_and_slopes_draws_value_and_slope_per_bend():
    """Two panels, one value and one slope line per bend, in the palette colours, matching scipy's sigmoid."""
    x = np.linspace(-4, 4, 81)
    fig = plots.curves_and_slopes(["relu", "sigmoid", "tanh"], x)
    assert isinstance(fig, Figure)
    ax_f, ax_d = fig.axes
    curves = [ln for ln in ax_f.lines if len(ln.get_xdata()) == len(x)]
    slopes = [ln for ln in ax_d.lines if len(ln.get_xdata()) == len(x)]
    assert len(curves) == len(slopes) == 3
    assert to_rgba(curves[1].get_color()) == to_rgba(activations.get("sigmoid").colour)
    np.testing.assert_allclose(curves[1].get_ydata(), special.expit(x), rtol=1e-12)
    s = special.expit(x)
    np.testing.assert_allclose(slopes[1].get_ydata(), s * (1 - s), rtol=1e-10)


def test_curves_and_slopes_passes_params_only_to_bends_that_take_them():
    """alpha reshapes leaky ReLU and leaves ReLU alone."""
    x = np.array([-2.0, 1.0])
    fig = plots.curves_and_slopes(["relu", "leaky_relu"], x, alpha=0.2)
    relu, leaky = [ln for ln in fig.axes[0].lines if not ln.get_label().startswith("_")]
    np.testing.assert_allclose(relu.get_ydata(), [0.0, 1.0])
    np.testing.assert_allclose(leaky.get_ydata(), [-0.4, 1.0])


def test_gradient_bars_colour_by_threshold_on_log_scale():
    """Bars below the threshold are the vanishing colour, the rest healthy; the y axis is logarithmic."""
    norms = [1e-6, 2e-3, 0.5, 1.0]
    fig = plots.gradient_bars(norms, threshold=1e-2)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and len(ax.patches) == 4
    got = [p.get_facecolor() for p in ax.patches]
    want = [to_rgba(c) for c in (plots.VANISHING, plots.VANISHING, plots.HEALTHY, plots.HEALTHY)]
    assert got == want
    np.testing.assert_allclose([p.get_height() for p in ax.patches], norms)


def test_decision_boundary_colours_each_side_of_a_known_line():
    """For p = sigmoid(10 (x1 - x2)), points well below the diagonal sit in class 1's tint, above in class 0's."""
    X = np.array([[0.0, 1.0], [0.2, 0.9], [1.0, 0.0], [0.9, 0.2]])
    y = np.array([0, 0, 1, 1])
    fig = plots.decision_boundary(lambda P: special.expit(10 * (P[:, 0] - P[:, 1])), X, y)
    ax = fig.axes[0]
    one, zero = np.array(plots._tint(plots.VANISHING)), np.array(plots._tint(plots.ACCENT))
    np.testing.assert_allclose(rgba_at(fig, ax, 0.8, 0.5)[:3], one, atol=0.02)  # x1 > x2: class 1 side
    np.testing.assert_allclose(rgba_at(fig, ax, 0.3, 0.6)[:3], zero, atol=0.02)  # x1 < x2: class 0 side
    assert len(ax.collections) >= 2 + 2  # filled regions, the 0.5 contour, two scatters


def test_decision_boundary_uses_the_given_axes():
    """With ax given, it draws there and returns that figure."""
    fig, ax = plots.new_figure(300, 300)
    got = plots.decision_boundary(lambda P: special.expit(P[:, 0]), np.array([[-1.0, 0], [1, 0]]), [0, 1], ax=ax)
    assert got is fig and ax.collections


def test_loss_bands_mean_line_inside_band_and_log_scale():
    """One mean line per bend, lying inside its min-max band; log y."""
    rng = np.random.default_rng(0)
    runs = {"relu": np.exp(-np.linspace(0, 3, 50))[None, :] * rng.uniform(0.5, 1.5, (3, 1)),
            "tanh": np.exp(-np.linspace(0, 2, 50))[None, :] * rng.uniform(0.5, 1.5, (3, 1))}
    fig = plots.loss_bands(runs)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and len(ax.lines) == 2 and len(ax.collections) == 2
    for line, (name, r) in zip(ax.lines, runs.items()):
        y = line.get_ydata()
        assert np.all(y >= r.min(axis=0) - 1e-15) and np.all(y <= r.max(axis=0) + 1e-15)
        assert to_rgba(line.get_color()) == to_rgba(activations.get(name).colour)


@pytest.mark.parametrize("band", ["minmax", "std"])
def test_loss_bands_band_kinds_draw(band):
    """Both band kinds draw without warnings, even if mean - std dips below zero."""
    fig = plots.loss_bands({"gelu": [[1.0, 0.1, 0.01], [1.0, 0.5, 0.3]]}, band=band)
    fig.canvas.draw()


def test_collapse_lines_composed_line_matches_last_layer():
    """The dashed single line coincides with the output after the last stacked layer."""
    fig = plots.collapse_lines([2.0, -0.5, 1.5], [1.0, 0.3, -0.2])
    lines = fig.axes[0].lines
    assert len(lines) == 4
    np.testing.assert_allclose(lines[-1].get_ydata(), lines[-2].get_ydata(), atol=1e-12)
    assert lines[-1].get_linestyle() == "--"


def test_new_figure_is_not_registered_with_pyplot():
    """Course figures never enter pyplot's figure manager (so inline backends do not show them twice)."""
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plots.new_figure()
    plots.curves_and_slopes(["relu"])
    assert plt.get_fignums() == before


def _deutan_lab(hex_colour):
    """CIELAB of a colour as seen with deuteranopia (Machado et al. 2009, severity 1)."""
    m = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]])
    c = np.asarray(to_rgba(hex_colour)[:3])
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(m @ lin, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_bends_whose_colours_meet_under_colour_blindness_differ_in_line_style():
    """Check that any two bends closer than 20 CIELAB units for a deuteranope are drawn with different dashes."""
    names = activations.names()
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            close = np.linalg.norm(_deutan_lab(activations.get(a).colour) - _deutan_lab(activations.get(b).colour)) < 20
            assert not close or plots.line_style(a) != plots.line_style(b), f"{a} and {b}: same look for a deuteranope"


def test_every_bend_has_a_look_of_its_own_besides_its_colour():
    """Check that no two of the registry's bends share dash and mark, so any mix of them can share a legend."""
    looks = {name: (str(plots.line_style(name)["ls"]), plots.line_style(name).get("marker")) for name in activations.names()}
    assert len(set(looks.values())) == len(looks), looks


def _legend_figure(*styles):
    fig, ax = plots.new_figure()
    for i, style in enumerate(styles):
        ax.plot([0, 1], [i, i + 1], label=f"line {i}", **style)
    ax.legend()
    return fig


def test_colour_cues_flags_a_legend_whose_lines_differ_only_in_colour():
    """Check the picture watcher of tests/test_portable_outputs.py on figures made to pass and to fail."""
    from tools.colour_cues import colour_only_pairs

    assert colour_only_pairs(_legend_figure({"color": "C0"}, {"color": "C1"})) == [("panel", "line 0", "line 1")]
    assert colour_only_pairs(_legend_figure({"color": "C0"}, {"color": "C1", "ls": "--"})) == []
    assert colour_only_pairs(_legend_figure({"color": "C0"}, {"color": "C1", "marker": "o"})) == []
    assert colour_only_pairs(_legend_figure({"color": "C0"}, {"color": "C0"})) == []   # same look is not a colour cue
    hollow, filled = {"color": "C0", "marker": "o", "ls": "", "mfc": "white"}, {"color": "C1", "marker": "o", "ls": ""}
    assert colour_only_pairs(_legend_figure(hollow, filled)) == []
    assert colour_only_pairs(_legend_figure(filled, dict(filled, color="C2"))) == [("panel", "line 0", "line 1")]
    # A custom dash pattern is a look of its own, even where matplotlib reports both as "--".
    assert colour_only_pairs(_legend_figure({"color": "C0", "ls": "--"},
                                            {"color": "C1", "ls": (0, (8, 2, 1, 2, 1, 2))})) == []
    fig, ax = plots.new_figure()
    ax.scatter([0], [0], color="C0", label="blue points")
    ax.scatter([1], [1], color="C1", label="orange points")
    ax.legend()
    assert colour_only_pairs(fig) == [("panel", "blue points", "orange points")]


def test_open_jumps_breaks_a_kinks_step_and_leaves_smooth_slopes_whole():
    """A kink's slope jumps (ReLU's from 0 to 1 at 0): the line gets a gap there, not a vertical stroke that reads as
    slopes between 0 and 1; a smooth bend's slope, sampled as finely, keeps every point."""
    x = np.linspace(-2, 1, 301)
    relu = plots.open_jumps(activations.get("relu").derivative(x))
    finite = np.isfinite(relu)
    assert (~finite).sum() == 1 and np.all(np.abs(np.diff(relu[finite])) <= 1) and set(relu[finite]) == {0.0, 1.0}
    assert np.nanmax(np.abs(np.diff(relu))) == 0   # no neighbours joined across the jump
    gelu = plots.open_jumps(activations.get("gelu").derivative(x))
    assert np.isfinite(gelu).all()
    fig = plots.curves_and_slopes(["relu"], x)
    assert np.isnan(fig.axes[1].lines[0].get_ydata()).sum() == 1
