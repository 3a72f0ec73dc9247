"""A persistent figure redrawn in place into an image widget: the engine behind every slider (notebook 00)."""

import base64

import ipywidgets as widgets
import numpy as np
import traitlets

from course_utils.ui import plots, tickpainter
from course_utils.ui.offline import alt_text, offline_export, offline_form
from course_utils.ui.display import canvas_png


class NamedImage(widgets.Image):
    """An Image widget whose `tooltip` is its accessible name (the img's title), kept equal to its alt text.

    ipywidgets 8.1's front end reads the model's `description` before it sets a tooltip, and Image has none,
    so the tooltip would raise there; an empty synced description lets the title through.
    """

    description = traitlets.Unicode("").tag(sync=True)


class LiveFigure:
    """A Figure whose moving artists are redrawn over a cached background, then shown as PNG bytes.

    A full matplotlib draw costs tens of milliseconds; restoring the cached axes, grid and ticks
    and drawing only the moving artists costs well under one, so a slider step is dominated by
    PNG encoding. Call `invalidate()` when something in the background changes.

    fast_axes=True: after the first layout, ticks, tick labels and grid are drawn by tickpainter in
    the curves' layer, and artists placed in data coordinates move there too, so a change of axis
    limits (`set_limits`) redraws that layer instead of the whole figure. Legends stay on top.
    """

    def __init__(self, width_px=600, height_px=340, nrows=1, ncols=1, fast_axes=False, **subplots_kw):
        self.figure, axes = plots.new_figure(width_px, height_px, nrows, ncols, **subplots_kw)
        self.axes = list(axes.flat) if hasattr(axes, "flat") else [axes]
        self.canvas = self.figure.canvas
        # An explicit pixel size equal to the rendered size: the browser neither stretches nor blurs it.
        self.image = NamedImage(format="png", layout=widgets.Layout(width=f"{width_px}px", height=f"{height_px}px"))
        self._moving, self._slow = [], []
        self._background = self._with_slow = self._decorated = None
        self.fast_axes = fast_axes
        self._painters = None       # tickpainter.AxisPainter list, made at the first render
        self._adopted = []          # still artists in data coordinates, redrawn with the curves
        self._legend_patches = []   # legend pixels copied from the background, pasted over the curves

    def moving(self, artist, slow=False):
        """Mark an artist as one that changes on slider moves; it is drawn over the cached background.

        slow=True: it changes only with some sliders (a curve's parameters), so it is cached in a
        second layer and a render(slow=False) (a probe dot moving along the curve) skips redrawing it.
        """
        artist.set_animated(True)  # a full draw skips animated artists, so the cache holds only the still parts
        (self._slow if slow else self._moving).append(artist)
        return artist

    def still(self, artist):
        """Stop redrawing an artist and remove it from the figure (e.g. a legend being replaced)."""
        for group in (self._slow, self._moving):
            if artist in group:
                group.remove(artist)
        artist.remove()

    def invalidate(self):
        """Forget the cached background, so the next render does a full draw (e.g. after a new legend)."""
        self._background = self._with_slow = self._decorated = None

    def limits_moved(self):
        """Axis limits changed: with fast axes only the curves' layer is stale, else the whole background."""
        if self._painters is not None:
            self._decorated = self._with_slow = None
        else:
            self.invalidate()

    def _take_over_axes(self):
        """Lay out once with matplotlib's own ticks, then hand ticks and data-placed artists to the fast layer."""
        self.canvas.draw()
        self.figure.set_layout_engine("none")
        self._painters = [p for ax in self.axes for p in tickpainter.take_over(ax)]
        for ax in self.axes:
            still = [a for a in (*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.images)
                     if not a.get_animated()]
            for artist in sorted(still, key=lambda a: a.get_zorder()):
                artist.set_animated(True)
                self._adopted.append(artist)

    def render(self, slow=True):
        """Redraw what moved, encode the picture and push it to the Image widget; return the PNG bytes.

        slow=False promises that no slow artist changed since the last render.
        """
        if self._background is None:
            if self.fast_axes and self._painters is None:
                self._take_over_axes()
            self.canvas.draw()
            # Constrained layout costs more than the rest of a full draw: lay out once, then freeze.
            self.figure.set_layout_engine("none")
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            self._legend_patches = self._copy_legends()
            self._decorated = None
            slow = True
        base = self._background
        if self._painters:
            # Fast axes: ticks, grid and data-placed still artists form a layer of their own,
            # repainted only when the limits move (a few ms), so curve-only moves skip it.
            if self._decorated is None:
                self.canvas.restore_region(self._background)
                renderer = self.canvas.get_renderer()
                for painter in self._painters:
                    painter.draw(renderer)
                self._draw(self._adopted)
                self._decorated = self.canvas.copy_from_bbox(self.figure.bbox)
                slow = True
            base = self._decorated
        if slow or self._with_slow is None:
            self.canvas.restore_region(base)
            self._draw(self._slow)
            for patch in self._legend_patches:
                self.canvas.restore_region(patch)
            layered = self._slow or self._legend_patches
            self._with_slow = self.canvas.copy_from_bbox(self.figure.bbox) if layered else base
        else:
            self.canvas.restore_region(self._with_slow)
        self._draw(self._moving)
        png = self._encode()
        self.image.value = png
        return png

    def _copy_legends(self):
        """With fast axes the grid and curves are drawn after the background, so legends must be pasted back on top."""
        if not self._painters:
            return []
        renderer = self.canvas.get_renderer()
        legends = [ax.get_legend() for ax in self.axes]
        return [self.canvas.copy_from_bbox(leg.get_window_extent(renderer).padded(2))
                for leg in legends if leg is not None and leg.get_visible()]

    def _draw(self, artists):
        for artist in artists:
            if artist.get_visible():
                self.figure.draw_artist(artist)

    def _encode(self):
        return canvas_png(self.canvas)


class LiveWidget(widgets.VBox):
    """The container every course widget returns: live in a kernel, a still picture everywhere else."""

    def __init__(self, children, live, summary, sliders=None, readout=None, **attrs):
        super().__init__(children=children)
        self.live = live
        self.figure = live.figure
        self.image = live.image
        self.sliders = dict(sliders or {})
        self.readout = readout
        self.summary = summary
        for key, value in attrs.items():
            setattr(self, key, value)
        # A screen reader names the live picture by what it shows now (the same text as the offline alt).
        self._name_picture()
        watched = [(self.image, "value")] + ([(readout, "value")] if isinstance(readout, widgets.ValueWidget) else [])
        for source, trait in watched:
            source.observe(lambda _change: self._name_picture(), names=trait)

    def _name_picture(self):
        if isinstance(self.image, NamedImage):
            self.image.tooltip = alt_text(self)

    def _repr_mimebundle_(self, **kwargs):
        """Widget view for JupyterLab, plus the current picture and a stable caption for static renders."""
        data = super()._repr_mimebundle_(**kwargs) or {}
        # A short fixed caption: nbval compares text/plain, so no ids, addresses or values here.
        data["text/plain"] = self.summary
        if self.image.value:
            # Notebook files store pictures as base64 text, never as raw bytes.
            data["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        if offline_export():
            # The export's run: show the precomputed form instead, its pictures switched without a kernel.
            if getattr(self, "_offline", None) is None:
                self._offline = offline_form(self)
            data.update({k: v for k, v in self._offline._repr_mimebundle_(**kwargs).items() if k != "text/plain"})
            # p111 (r114 Picture first): the form holds the picture already; a second copy showed it twice.
            data.pop("image/png", None)
        return data


def slider(description, value, low, high, step, fmt=".2f", continuous=True):
    """A FloatSlider with the course's look: readable label width, live updates while dragging."""
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description,
        readout_format=fmt, continuous_update=continuous,
        style={"description_width": "initial"}, layout=widgets.Layout(width="420px"),
    )


def on_change(controls, callback):
    """Call callback() whenever any of the controls' values changes."""
    for control in controls:
        control.observe(lambda _change: callback(), names="value")


def set_limits(live, ax, xlim=None, ylim=None):
    """Change axis limits only when they differ, and tell the LiveFigure (live.limits_moved) if they do."""
    changed = False
    if xlim is not None and tuple(ax.get_xlim()) != tuple(map(float, xlim)):
        ax.set_xlim(xlim)
        changed = True
    if ylim is not None and tuple(ax.get_ylim()) != tuple(map(float, ylim)):
        ax.set_ylim(ylim)
        changed = True
    if changed:
        live.limits_moved()
    return changed


def nice_limits(values, step=0.5, pad=0.08, include=()):
    """Linear limits around the finite values, padded and rounded out to multiples of step."""
    v = np.concatenate([np.ravel(np.asarray(values, dtype=float)), np.asarray(include, dtype=float)])
    v = v[np.isfinite(v)]
    lo, hi = (float(v.min()), float(v.max())) if v.size else (-1.0, 1.0)
    span = max(hi - lo, step)
    return (float(np.floor((lo - pad * span) / step) * step), float(np.ceil((hi + pad * span) / step) * step))


def decade_limits(values, floor=1e-300, top=None, every=1):
    """Log-axis limits rounded out to whole decades around the positive finite values.

    every=10 rounds the bottom down to a multiple of ten decades, so dragging a slider rarely
    moves the limits (each move costs a full draw, and log tick labels are slow to draw).
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v) & (v > 0)]
    lo = max(float(v.min()), floor) if v.size else 1e-3
    hi = float(v.max()) if v.size else 1.0
    # Strictly outside the data, so the smallest bar and the largest line never sit on an edge.
    lo_dec = np.floor((np.ceil(np.log10(lo)) - 1) / every) * every
    hi_dec = np.floor(np.log10(hi)) + 1 if top is None else np.log10(top)
    if hi_dec <= lo_dec:
        hi_dec = lo_dec + 1
    return (float(10.0 ** lo_dec), float(10.0 ** hi_dec))
