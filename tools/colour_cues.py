"""Find pictures that tell their series apart by colour alone (issue 18: no picture relies on colour).

A legend entry is a promise that the reader can match it to a mark. Two legend entries in one panel
whose marks differ only in colour break that promise for a colour-blind reader: same line style,
same marker, same width. Curves labelled in place (text on the plot, no legend) are not checked.
"""

from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D


def _line_cue(line):
    """What tells a line apart besides its colour: dash pattern, marker (hollow or filled), width (rounded)."""
    offset, dashes = line._unscaled_dash_pattern   # public get_linestyle() calls every custom pattern "--"
    marker = line.get_marker() or "None"
    hollow = marker not in ("None", "", " ") and to_hex(line.get_markerfacecolor()) != to_hex(line.get_markeredgecolor())
    return ("line", tuple(dashes) if dashes else "solid", marker, hollow, round(float(line.get_linewidth()), 1))


def _scatter_cue(collection):
    """What tells a scatter apart besides its colour: its marker's outline and its size."""
    paths = collection.get_paths()
    shape = tuple(map(tuple, paths[0].vertices.round(2))) if len(paths) else ()
    sizes = collection.get_sizes()
    return ("scatter", shape, round(float(sizes[0]), 0) if len(sizes) else 0)


def _colour(artist):
    if isinstance(artist, Line2D):
        return to_hex(artist.get_color())
    faces = artist.get_facecolors()
    return to_hex(faces[0]) if len(faces) else to_hex(artist.get_edgecolors()[0])


def colour_only_pairs(fig):
    """Pairs of legend labels, per panel, whose marks differ in colour and in nothing else."""
    found = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if not ax.get_visible() or legend is None or not legend.get_visible():
            continue
        handles, labels = ax.get_legend_handles_labels()
        seen = {}
        for handle, label in zip(handles, labels):
            if isinstance(handle, Line2D):
                cue = _line_cue(handle)
            elif isinstance(handle, PathCollection):
                cue = _scatter_cue(handle)
            else:
                continue   # patches (bars, bands) carry hatch or are named on the axis
            for other_label, other_colour in seen.get(cue, []):
                if other_colour != _colour(handle):
                    found.append((ax.get_title() or fig.get_label() or "panel", other_label, label))
            seen.setdefault(cue, []).append((label, _colour(handle)))
    return found
