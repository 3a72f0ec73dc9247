"""Figures made without pyplot must still display as pictures in a notebook."""

from IPython.core.interactiveshell import InteractiveShell
from matplotlib.figure import Figure

from course_utils import display


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
