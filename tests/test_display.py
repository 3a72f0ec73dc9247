"""Figures made without pyplot must still display as pictures in a notebook."""

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
