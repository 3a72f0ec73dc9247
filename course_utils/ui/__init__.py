"""What the learner sees: figures, live figures behind sliders, tables, and the widgets of each chapter."""

from course_utils.ui.display import register_figure_formatter as _register_figure_formatter

# In a notebook, figures from course_utils.ui.plots then display as pictures (a no-op elsewhere).
_register_figure_formatter()
