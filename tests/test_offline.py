"""The no-kernel form of the live widgets (issue 18): bounded stops, one picture per stop, links the browser runs."""

import ipywidgets as widgets
import pytest
from IPython.core.interactiveshell import InteractiveShell

from course_utils.ui import ch00_start_here, ch06_decisions, display, offline, plots
from course_utils.ui.livefigure import slider


def _all(box):
    return [box] + [w for c in getattr(box, "children", ()) for w in _all(c)]


def _links(form):
    """jslinks are not children: the form keeps them."""
    return form.links


@pytest.mark.parametrize("low, high, step, value", [(-3, 3, 0.1, 0.7), (0, 1, 0.5, 0.5), (-4, 4, 0.1, -4),
                                                    (-2, 2, 0.1, -0.39999999999999997)])
def test_stops_are_bounded_on_the_grid_and_keep_the_start(low, high, step, value):
    """Check that a slider gets at most MAX_STOPS stops, on its own grid, both ends and the starting value among them."""
    stops = offline.slider_stops(slider("s", value, low, high, step))
    assert len(stops) <= offline.MAX_STOPS and value in stops and stops[0] == low and stops[-1] == high
    assert all(abs((v - low) / step - round((v - low) / step)) < 1e-6 for v in stops)
    labels = [format(v, ".2f") for v in stops]
    assert len(set(labels)) == len(labels), "two stops look the same (a float's rounding noise kept twice)"


def test_every_slider_becomes_a_selection_slider_linked_to_distinct_pictures():
    """Check that each slider of a two-slider widget has its own SelectionSlider and Stack, a new picture per stop."""
    w = ch00_start_here.stretch_shift()
    start = {k: s.value for k, s in w.sliders.items()}
    form = offline.offline_form(w)
    selectors = [c for c in _all(form) if isinstance(c, widgets.SelectionSlider)]
    assert sorted(s.description for s in selectors) == sorted(s.description for s in w.sliders.values())
    for sel in selectors:
        stack = next(link.target[0] for link in _links(form) if link.source[0] is sel and link.target[1] == "selected_index"
                     and "<img" in link.target[0].children[0].value)
        pictures = [im.value for im in stack.children]
        assert len(pictures) == len(sel.options) and len(set(pictures)) > 1
        assert stack.selected_index == sel.index          # the page opens on the starting picture
        assert all('alt="' in p and 'alt=""' not in p for p in pictures)  # every picture has its alt text
    assert {k: s.value for k, s in w.sliders.items()} == start  # the sweep put every slider back


def test_a_menu_keeps_its_options_and_switches_pictures():
    """Check that a dropdown-only widget (the decision picker) gets one picture per option and no slider."""
    w = ch06_decisions.picker()
    form = offline.offline_form(w)
    menus = [c for c in _all(form) if isinstance(c, widgets.Dropdown)]
    assert len(menus) == 1 and len(menus[0].options) == len(w.children[0].options)
    assert not [c for c in _all(form) if isinstance(c, widgets.SelectionSlider)]


def test_figure_alt_text_names_panels_and_curves():
    """Check that a stored figure's alt text comes from its content and rides in the PNG's output metadata."""
    fig = plots.curves_and_slopes(["relu", "sigmoid"])
    alt = display.figure_alt(fig)
    assert "ReLU" in alt and "Sigmoid" in alt and "slope" in alt
    shell = InteractiveShell.instance()
    display.register_figure_formatter()
    data, meta = shell.display_formatter.format(fig)
    assert meta["image/png"]["alt"] == alt and data["image/png"]
    InteractiveShell.clear_instance()


def test_small_png_keeps_white_and_black_exact_and_every_colour_close_in_fewer_bytes():
    """Check the offline pictures' 256-colour form on a bend picture and a shaded map: pure white and black stay
    exact (octree quantising alone lands white on 254), no pixel moves far, and the file is smaller."""
    import io

    import numpy as np
    from PIL import Image

    fig, ax = plots.new_figure(600, 340)
    grid = np.linspace(-2, 2, 200)
    ax.imshow(np.tanh(grid[None, :] + grid[:, None] ** 2), cmap="RdBu", extent=(-2, 2, -2, 2))
    ax.plot(grid, np.tanh(grid), color="black", lw=2)
    for figure in (plots.curves_and_slopes(["relu", "sigmoid", "tanh", "gelu"]), fig):
        png = display.figure_png(figure)
        small = offline.small_png(png)
        before = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
        after = np.asarray(Image.open(io.BytesIO(small)).convert("RGB")).astype(int)
        for pure in (255, 0):
            kept = (before == pure).all(axis=2)
            assert kept.any() and (after[kept] == pure).all()
        assert np.abs(after - before).max() <= 48 and np.abs(after - before).mean() < 2
        assert len(small) < len(png)


def test_a_widget_with_many_sliders_shares_one_picture_budget():
    """Check that a six-slider widget's offline form holds at most PICTURE_BUDGET pictures, every slider still live."""
    from course_utils.ui import ch01_collapse
    w = ch01_collapse.fold_demo()
    sliders = [c for c in offline._controls(w) if isinstance(c, (widgets.FloatSlider, widgets.IntSlider))]
    assert len(sliders) >= 4, "this check needs a widget with many sliders"
    form = offline.offline_form(w)
    selectors = [c for c in _all(form) if isinstance(c, widgets.SelectionSlider)]
    pictures = [c for c in _all(form) if isinstance(c, widgets.HTML) and c.value.startswith("<img")]
    assert len(selectors) == len(sliders)
    assert len(pictures) <= offline.PICTURE_BUDGET, f"{len(pictures)} pictures for one widget"
    assert all(offline.MIN_STOPS <= len(sel.options) for sel in selectors)


@pytest.mark.parametrize("count, expected", [(1, offline.MAX_STOPS), (4, offline.MAX_STOPS), (6, 16), (20, offline.MIN_STOPS)])
def test_stops_per_slider_split_the_budget_within_bounds(count, expected):
    """Check the split: few sliders keep MAX_STOPS, six share the budget, many keep at least MIN_STOPS."""
    controls = [slider(f"s{k}", 0.0, -1.0, 1.0, 0.01) for k in range(count)]
    assert offline.stops_per_slider(controls) == expected
