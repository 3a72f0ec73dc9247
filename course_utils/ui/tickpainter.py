"""Ticks, tick labels and grid of an axis redrawn cheaply, so a slider that moves axis limits stays fast.

A full matplotlib draw after a limit change costs 60-90 ms here, most of it in the Axis machinery
(tick objects, label bounding boxes, label placement). An AxisPainter copies the look of the axis's
own first tick once, hides the axis, and from then on draws all ticks as one Line2D of markers, the
grid as one Line2D with gaps, and the labels as stamps: each distinct label text is drawn once by
matplotlib into a small RGBA image, then pasted wherever it is needed (a paste costs tens of
microseconds, drawing the text 0.5-1.5 ms). A few milliseconds in all.
"""

import re

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import NullLocator, ScalarFormatter
from matplotlib.transforms import IdentityTransform


_POWER = re.compile(r"^\$\\mathdefault\{(\d+)\^\{([−-]?\d+)\}\}\$$")
_SUPERSCRIPT = str.maketrans("0123456789−-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def plain_power(label):
    """'$\\mathdefault{10^{-15}}$' -> '10⁻¹⁵'; any other label unchanged.

    Log-axis labels are mathtext, and a new one costs 10-30 ms to lay out (a slider that moves a
    log axis meets new decades all the time); the same power in Unicode superscripts costs ~2 ms.
    """
    match = _POWER.match(label)
    return match.group(1) + match.group(2).translate(_SUPERSCRIPT) if match else label


class LabelStamps:
    """Label texts rendered once into RGBA stamps, pasted at whole-pixel anchors.

    A stamp is rendered at a whole-pixel anchor of a scratch canvas sized to fit it, so a label looks
    the same whether it was just rendered or came from the cache (text is drawn at sub-pixel
    positions, so rendering in place at a fractional anchor would not be reproducible).
    """

    MARGIN = 4   # pixels of room around the text on the scratch canvas
    LIMIT = 2048  # stamps kept per style; the oldest go first (a slider sweep meets a few hundred texts)
    _shared = {}  # style -> {text: stamp}: every painter in the kernel with the same label style

    def __init__(self, template):
        self.template = template
        self.figure = template.get_figure(root=True)
        # Panels side by side, and several widgets in one chapter, draw the same labels in the same
        # style: they share stamps, so each label text is rendered once per kernel.
        style = (template.get_fontproperties(), to_hex(template.get_color(), keep_alpha=True),
                 template.get_horizontalalignment(), template.get_verticalalignment(),
                 template.get_rotation(), template.get_rotation_mode(), template.get_antialiased(),
                 self.figure.dpi)
        self._stamps = self._shared.setdefault(style, {})

    def _text(self, text, anchor):
        t = Text()
        t.update_from(self.template)   # font, colour, alignment, rotation
        t.set_rotation_mode(self.template.get_rotation_mode())   # not copied by update_from; y labels use "anchor"
        t.set_figure(self.figure)
        t.set_transform(IdentityTransform())
        t.set_clip_on(False)
        t.set_position(anchor)
        t.set_text(text)
        return t

    def _render(self, text):
        """(RGBA image, its lower-left offset from the anchor, the text's layout box relative to the anchor)."""
        probe = RendererAgg(8, 8, self.figure.dpi)
        box = self._text(text, (0, 0)).get_window_extent(probe)   # relative to an anchor at the origin
        m = self.MARGIN
        anchor = (int(np.ceil(-box.x0)) + m, int(np.ceil(-box.y0)) + m)
        size = (int(np.ceil(box.width)) + 2 * m + 1, int(np.ceil(box.height)) + 2 * m + 1)
        r = RendererAgg(*size, self.figure.dpi)
        t = self._text(text, anchor)
        t.draw(r)
        layout = t.get_window_extent(r).translated(-anchor[0], -anchor[1])
        rgba = np.asarray(r.buffer_rgba())
        rows, cols = np.nonzero(rgba[:, :, 3])
        if not rows.size:
            return None, (0, 0), layout
        top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
        # draw_image takes rows bottom-up; the canvas buffer holds them top-down.
        image = rgba[top:bottom, left:right][::-1].copy()
        # Offsets in display coordinates (y up) from the anchor to the image's lower-left corner.
        return image, (int(left) - anchor[0], size[1] - int(bottom) - anchor[1]), layout

    def paste(self, renderer, text, xy):
        """Paste the label at display point xy (rounded to whole pixels); return its layout box there."""
        if text not in self._stamps:
            if len(self._stamps) >= self.LIMIT:
                del self._stamps[next(iter(self._stamps))]   # dicts keep insertion order: the oldest
            self._stamps[text] = self._render(text)
        image, (dx, dy), layout = self._stamps[text]
        x, y = int(round(xy[0])), int(round(xy[1]))
        if image is not None:
            gc = renderer.new_gc()
            renderer.draw_image(gc, x + dx, y + dy, image)
            gc.restore()
        return layout.translated(x, y)


def _copy_line(template):
    line = Line2D([], [])
    line.update_from(template)  # colour, width, style, marker, size, transform, clipping, visibility
    return line


class AxisPainter:
    """Draws one axis (ax.xaxis or ax.yaxis) of a laid-out figure: same locator, formatter and look."""

    def __init__(self, axis):
        self.axis = axis
        self.figure = axis.get_figure(root=True)
        self.is_x = axis.axis_name == "x"
        major = axis.get_major_ticks(1)[0]
        self.grid = _copy_line(major.gridline)
        self.grid.set_clip_path(axis.axes.patch)
        self.marks = _copy_line(major.tick1line)
        self.minor_marks = None
        if not isinstance(axis.get_minor_locator(), NullLocator):
            self.minor_marks = _copy_line(axis.get_minor_ticks(1)[0].tick1line)
        formatter = axis.get_major_formatter()
        if isinstance(formatter, ScalarFormatter):
            # Labels carry their full value: an offset ("+1e3" in the corner) would need a text of
            # its own, placed from the label boxes, which this painter does not draw.
            formatter.set_useOffset(False)
        self._label_template = major.label1
        self._stamps = LabelStamps(major.label1)
        self.drawn = []   # (text, layout box) of the tick labels of the last draw, for tests and readouts
        self._axis_label = LabelStamps(axis.label)   # the axis label never changes its text, only its place
        for artist in (self.grid, self.marks, self.minor_marks):
            if artist is not None:
                artist.set_figure(self.figure)
        # From here on the axis draws nothing; this painter stands in for it, axis label included.
        axis.set_visible(False)

    def _inside(self, locs):
        """The locations inside the view interval, compared on the axis's scale (linear or log)."""
        lo, hi = sorted(self.axis.get_view_interval())
        scale = self.axis.get_transform()
        t_lo, t_hi = scale.transform([lo, hi])
        t = scale.transform(np.asarray(locs, dtype=float))
        tol = 1e-10 * abs(t_hi - t_lo)
        return (t >= t_lo - tol) & (t <= t_hi + tol)

    def _place(self, line, locs, across):
        along = np.asarray(locs, dtype=float)
        if self.is_x:
            line.set_data(along, across)
        else:
            line.set_data(across, along)

    def draw(self, renderer):
        """Draw grid, tick marks and labels for the axis's current limits."""
        locs = np.asarray(self.axis.get_majorticklocs(), dtype=float)
        labels = self.axis.get_major_formatter().format_ticks(locs)  # formatted as a set, like matplotlib
        keep = self._inside(locs)
        locs, labels = locs[keep], [s for s, k in zip(labels, keep) if k]
        if self.grid.get_visible():
            # One polyline with NaN breaks: a vertical (or horizontal) segment per tick.
            along = np.repeat(locs, 3)
            along[2::3] = np.nan
            across = np.tile([0.0, 1.0, np.nan], len(locs))
            self._place(self.grid, along, across)
            self.grid.draw(renderer)
        if self.marks.get_visible():
            self._place(self.marks, locs, np.zeros(len(locs)))
            self.marks.draw(renderer)
        if self.minor_marks is not None and self.minor_marks.get_visible():
            minor = np.asarray(self.axis.get_minorticklocs(), dtype=float)
            minor = minor[self._inside(minor)]
            self._place(self.minor_marks, minor, np.zeros(len(minor)))
            self.minor_marks.draw(renderer)
        self.drawn = []
        if self._label_template.get_visible():
            # Where matplotlib would anchor each tick label: (loc, 0) or (0, loc) in the label's transform.
            points = np.column_stack([locs, np.zeros(len(locs))] if self.is_x else [np.zeros(len(locs)), locs])
            anchors = self._label_template.get_transform().transform(points) if len(locs) else []
            for text, xy in zip(map(plain_power, labels), anchors):
                if text:
                    self.drawn.append((text, self._stamps.paste(renderer, text, xy)))
        self._draw_axis_label(renderer, [box for _, box in self.drawn])

    def _draw_axis_label(self, renderer, boxes):
        """The axis label, just clear of this draw's tick labels (matplotlib's own rule: labelpad beyond them)."""
        label = self.axis.label
        if not label.get_text() or not label.get_visible():
            return
        boxes = list(boxes)
        boxes.append(self.axis.axes.spines["bottom" if self.is_x else "left"].get_window_extent(renderer))
        pad = self.axis.labelpad * self.figure.dpi / 72
        x, y = label.get_position()
        if self.is_x:  # x in axes fraction, y in display pixels
            label.set_position((x, min(b.y0 for b in boxes) - pad))
        else:          # x in display pixels, y in axes fraction
            label.set_position((min(b.x0 for b in boxes) - pad, y))
        self._axis_label.paste(renderer, label.get_text(), label.get_transform().transform(label.get_position()))


def take_over(ax):
    """Hide ax's own x and y axes and return painters that draw them; call after the figure is laid out."""
    return [AxisPainter(ax.xaxis), AxisPainter(ax.yaxis)]
