"""Figures made without pyplot must still display as pictures in a notebook."""

import numpy as np
from IPython.core.interactiveshell import InteractiveShell
from matplotlib.figure import Figure

from course_utils.ui import display


def test_figure_displays_as_png_once_registered():
    """Check that a bare Figure gains an image/png representation (not only '<Figure size ...>')."""
    shell = InteractiveShell.instance()
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [0, 1])
    formatter = shell.display_formatter.formatters["image/png"]
    formatter.pop(Figure, None)
    assert shell.display_formatter.format(fig)[0].get("image/png") is None
    assert display.register_figure_formatter()
    png = shell.display_formatter.format(fig)[0]["image/png"]
    assert (png if isinstance(png, bytes) else png.encode())[:4] in (b"\x89PNG", b"iVBO")
    InteractiveShell.clear_instance()


def test_register_is_a_no_op_outside_ipython():
    """Check that importing course_utils in a plain script changes nothing and does not fail."""
    InteractiveShell.clear_instance()
    assert display.register_figure_formatter() is False


def _pixels(png):
    import io

    import matplotlib.image as mpimg
    return (mpimg.imread(io.BytesIO(png))[:, :, :3] * 255).round().astype(int)


def test_one_draw_png_has_savefigs_pixels():
    """The single-draw encoder gives exactly the pixels savefig gives, for a course figure with constrained layout."""
    import io

    from course_utils.ui import plots
    fig = plots.curves_and_slopes(["relu", "gelu"])
    ours = display.figure_png(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", facecolor="white")
    assert (_pixels(ours) == _pixels(buf.getvalue())).all()


def test_see_through_figure_is_shown_on_white():
    """A half-transparent background goes through savefig on white; the one-draw path would drop its alpha."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig = Figure(figsize=(2, 1), facecolor=(0, 0, 1, 0.5))
    FigureCanvasAgg(fig)
    fig.add_subplot().set_axis_off()
    assert (_pixels(display.figure_png(fig)) == 255).all()


def test_numbers_print_with_a_true_minus_and_shares_as_one_in_n():
    """Check the one formatter the chapters share (code review: five copies, one of which could print −0): no trailing
    zeros, a true minus sign, never −0; a share as "1/N" with thousands commas."""
    from course_utils.ui import printing
    assert [printing.true_minus(v) for v in (-2.5, 0.5, 2, -0.0, np.float64(-1e-3))] == ["−2.5", "0.5", "2", "0", "−0.001"]
    assert printing.one_in(0.25 ** 10) == "1/1,048,576" and printing.one_in(0.25) == "1/4"
    from course_utils.ui import ch00_start_here, ch01_collapse, ch04_zoo, ch06_decisions
    assert ch00_start_here._minus is ch01_collapse._num is ch04_zoo._num is ch06_decisions._num is printing.true_minus
