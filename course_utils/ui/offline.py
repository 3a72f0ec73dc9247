"""Live widgets without a kernel: every picture precomputed at each control stop, switched in the browser (issue 18).

`make html` / `make slides` run each chapter with COURSE_OFFLINE_EXPORT=1. A LiveWidget (livefigure.py)
then shows `offline_form(widget)`: its own Python code is run at a bounded number of stops of each
control, around the starting values of the others, and every picture lands in an ipywidgets `Stack`
whose `selected_index` is `jslink`ed to a `SelectionSlider` (or the menu's own `index`). The embed
manager of a static page runs jslink with no kernel, so moving a slider shows its precomputed picture.
"""

import base64
import html
import io
import os
import re

import ipywidgets as widgets
import numpy as np

ENV = "COURSE_OFFLINE_EXPORT"
MAX_STOPS = 25        # per control, the starting value always among them
MIN_STOPS = 9         # per slider, however many sliders a widget has
PICTURE_BUDGET = 100  # per widget: its sliders share it (six sliders get 16 stops each), so a page stays phone-sized
RECORDED_RUNS = 3     # seeds of the live race (chapter 05) trained at export time, about 10 s each
MAX_TOGGLES = 2       # tick boxes turned into on/off choices; more than this is a menu for JupyterLab
KERNEL_ONLY = {widgets.Button: "buttons", widgets.Text: "typed answers", widgets.Textarea: "typed answers",
               widgets.Play: "the timer", widgets.Checkbox: "tick boxes"}
# p111 (r114 Interaction): values a learner may mean exactly (a flat slope 0, sigmoid's peak 0.25, a half, a straight
# line's 1) are stops whenever they lie on the slider's grid: 0.02 or 0.98 cannot stand in for them.
KEY_VALUES = (0.0, 0.25, 0.5, 1.0)
# p111 (r114 Clarity, Focus): one short plain note per widget ("Here buttons, the timer need a running kernel" was
# not a sentence); a widget may say its own (its `offline_note`), e.g. what to do instead of the button it lacks.
NOTE = "<p class='offline-note'>{what}</p>"


def offline_export():
    """True in the export's run of a chapter (tools/export.py sets the variable)."""
    return os.environ.get(ENV) == "1"


def slider_stops(s, most=MAX_STOPS):
    """At most `most` values on the slider's own grid, evenly spread, both ends and the current value included."""
    step = s.step or 1
    count = int(round((s.max - s.min) / step)) + 1
    picks = list(np.unique(np.round(np.linspace(0, count - 1, min(count, most - 1))).astype(int)))
    keys = [int(round((v - s.min) / step)) for v in KEY_VALUES
            if s.min < v < s.max and abs((v - s.min) / step - round((v - s.min) / step)) < 1e-6]
    for k in keys:   # each key value takes the place of the nearest inner stop, so the count stays bounded
        inner = [p for p in picks[1:-1] if p not in keys]
        if k not in picks and inner:
            picks.remove(min(inner, key=lambda p: abs(p - k)))
        picks.append(k)
    values = [s.value] + [s.min + k * step for k in sorted(set(picks))]
    values = sorted({round(v, 10) for v in values if s.min - 1e-9 <= v <= s.max + 1e-9})
    values = [int(v) if isinstance(s, widgets.IntSlider) else float(v) for v in values]
    # The starting value exactly as the slider holds it (not its rounding), so the sweep can return to it.
    at = min(range(len(values)), key=lambda i: abs(values[i] - s.value))
    values[at] = s.value
    return values


def _and(words):
    """a, b and c"""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _label(s, v):
    fmt = getattr(s, "readout_format", "d") if not isinstance(s, widgets.IntSlider) else "d"
    return format(v, fmt)


def plain(text):
    """HTML to one line of plain text (for alt text and captions)."""
    text = re.sub(r"<br\s*/?>|<table[^>]*>|</tr>|</p>", "; ", text or "")
    text = re.sub(r"</t[dh]>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip(" ;")


def alt_text(widget):
    """What the picture shows now, from the widget's own caption and readout (the data it was drawn from); a widget
    whose readout is a table reads it out in sentences with its own describe() (the live race of 05)."""
    if callable(getattr(widget, "describe", None)):
        return widget.describe()
    summary = widget.summary.split(":")[0].split("(")[0].strip()
    readout = plain(widget.readout.value) if getattr(widget, "readout", None) is not None else ""
    return f"{summary}. {readout}".strip(" .") + "."


def _walk(box):
    for child in getattr(box, "children", ()):
        yield child
        yield from _walk(child)


def _controls(widget):
    """The widget's visible controls that can be swept: sliders, menus and (a few) tick boxes."""
    found = [c for c in _walk(widget) if getattr(c.layout, "display", None) != "none" and not getattr(c, "disabled", False)]
    sliders = [c for c in found if isinstance(c, (widgets.FloatSlider, widgets.IntSlider))]
    menus = [c for c in found if isinstance(c, (widgets.Dropdown, widgets.ToggleButtons, widgets.RadioButtons))
             and len(c.options) <= MAX_STOPS]
    boxes = [c for c in found if isinstance(c, widgets.Checkbox)]
    return sliders + menus + (boxes if len(boxes) <= MAX_TOGGLES else [])


def _is_slider(control):
    return isinstance(control, (widgets.FloatSlider, widgets.IntSlider))


def stops_per_slider(controls):
    """How many stops each slider of one widget gets: the widget's PICTURE_BUDGET, less its menus' and tick boxes'
    pictures, shared by its sliders (between MIN_STOPS and MAX_STOPS each)."""
    sliders = [c for c in controls if _is_slider(c)]
    others = sum(len(_stops(c)) for c in controls if not _is_slider(c))
    if not sliders:
        return MAX_STOPS
    return max(MIN_STOPS, min(MAX_STOPS, (PICTURE_BUDGET - others) // len(sliders)))


def _stops(control, most=MAX_STOPS):
    if _is_slider(control):
        return slider_stops(control, most)
    if isinstance(control, widgets.Checkbox):
        return [False, True]
    return [value for _label_, value in control._options_full]


def _sweep(widget, control, values):
    """The picture and the readout at each value of one control, the others at their starting values."""
    shots = []
    for v in values:
        control.value = v
        shots.append((bytes(widget.image.value), alt_text(widget),
                      widget.readout.value if getattr(widget, "readout", None) is not None else None))
    return shots


def _restore(controls, start):
    for _ in range(2):  # twice: a control's range may depend on another's value (explorer's probe and window)
        for c in controls:
            if c.value != start[c]:
                c.value = start[c]


def small_png(png):
    """The same picture in at most 256 colours (a plot has few): about a third of the bytes, for pages on a phone.

    Octree quantising is about six times faster than PIL's default (median cut) and the file a little smaller;
    it lands white on 254, so palette entries within 3 of pure white or black are snapped back to it.
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        q = im.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette = np.asarray(q.getpalette(), dtype=np.int16)
    palette[palette >= 252], palette[palette <= 3] = 255, 0
    q.putpalette(palette.astype(np.uint8).tolist())
    out = io.BytesIO()
    q.save(out, "PNG")
    return out.getvalue()


def _picture(png, alt, width):
    """An img with a real alt attribute, in an HTML widget: ipywidgets 8.1's Image has no alt (livefigure.NamedImage
    gives the live picture a title instead), and a static page's pictures should carry the attribute itself."""
    src = base64.b64encode(small_png(png)).decode("ascii")
    return widgets.HTML(f'<img src="data:image/png;base64,{src}" alt="{html.escape(alt)}" '
                        f'style="width:{width};max-width:100%;height:auto">')


def _offline_control(control, values):
    """The control as the browser shows it: a SelectionSlider for a slider, an on/off choice for a tick box."""
    name = control.description or "value"
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        labels = [_label(control, v) for v in values]
        if len(set(labels)) < len(labels):  # the readout format hides a difference: show more digits
            labels = [f"{v:.6g}" for v in values]
        out = widgets.SelectionSlider(options=labels, index=values.index(control.value), description=name,
                                      continuous_update=True, style={"description_width": "initial"},
                                      layout=widgets.Layout(width="420px"))
    elif isinstance(control, widgets.Checkbox):
        out = widgets.ToggleButtons(options=["off", "on"], index=int(bool(control.value)), description=name,
                                    style={"description_width": "initial", "button_width": "auto"})
    else:
        labels = [label for label, _v in control._options_full]
        out = type(control)(options=labels, index=control.index, description=name,
                            style={"description_width": "initial"})
    out.tooltip = name
    return out


_LINKS = []   # the jslinks of the form being built (links are widgets no box shows: keep them reachable)


def _link(source, target):
    _LINKS.append(widgets.jslink(source, target))


def _form(children):
    box = widgets.VBox(children, _dom_classes=["offline-live"])
    box.links = list(_LINKS)
    _LINKS.clear()
    return box


def _recorded_runs(widget):
    """The live race (chapter 05) must train to draw: race a few seeds now, and let the page pick among them."""
    seed = widget.controls["seed"]
    start = seed.value
    shots = []
    for k in range(RECORDED_RUNS):
        if k:  # the notebook's own run is the first: its race has been run already
            seed.value = start + k
            widget.race_now()
        shots.append((bytes(widget.image.value), alt_text(widget), widget.readout.value))
    seed.value = start
    return [f"seed {start + k}" for k in range(RECORDED_RUNS)], shots


def offline_form(widget):
    """A box that works with no kernel: for each control a picture Stack its stand-in switches (see module doc)."""
    _LINKS.clear()
    if hasattr(widget, "race_now"):
        return _race_form(widget)
    controls = _controls(widget)
    start = {c: c.value for c in controls}
    width = widget.image.layout.width or "600px"
    default = (bytes(widget.image.value), alt_text(widget), getattr(getattr(widget, "readout", None), "value", None))
    panels, names = [], []
    most = stops_per_slider(controls)
    for control in controls:
        values = _stops(control, most)
        shots = _sweep(widget, control, values)
        _restore(controls, start)
        if len({png for png, _a, _r in shots}) < 2:
            continue  # this control changes nothing drawn without a kernel (e.g. a setting for the Race! button)
        stand_in = _offline_control(control, values)
        pictures = widgets.Stack([_picture(png, alt, width) for png, alt, _r in shots], selected_index=values.index(start[control]))
        _link((stand_in, "index"), (pictures, "selected_index"))
        parts = [stand_in, pictures]
        if shots[0][2] is not None:
            readouts = widgets.Stack([widgets.HTML(r) for _p, _a, r in shots], selected_index=pictures.selected_index)
            _link((stand_in, "index"), (readouts, "selected_index"))
            parts.append(readouts)
        panels.append(widgets.VBox(parts, layout=widgets.Layout(width="100%")))
        names.append(control.description or f"control {len(names) + 1}")
    dropped = sorted({KERNEL_ONLY[type(c)] for c in _walk(widget) if type(c) in KERNEL_ONLY and c not in controls})
    what = getattr(widget, "offline_note", None)
    if what is None:
        what = "Each picture here was drawn in advance. "
        if len(panels) > 1:
            what += "Move one control at a time; the others stay at their start. "
        elif not panels:
            what += "This one shows its start only. "
        if dropped:
            what += f"Only with Python running (in JupyterLab): {_and(dropped)}."
    note = widgets.HTML(NOTE.format(what=what.strip()))
    if not panels:
        picture = _picture(*default[:2], width)
        said = default[2] is not None and plain(default[2]) not in default[1]   # a readout the alt text already says: once
        parts = [note, picture] + ([widgets.HTML(default[2])] if said else [])
        return _form(parts)
    if len(panels) == 1:
        return _form([note, panels[0]])
    chooser = widgets.ToggleButtons(options=names, index=0, description="control to move",
                                    style={"description_width": "initial", "button_width": "auto"})
    chooser.tooltip = "control to move"
    stack = widgets.Stack(panels, selected_index=0)
    _link((chooser, "index"), (stack, "selected_index"))
    return _form([note, chooser, stack])


def _race_form(widget):
    """Recorded races to choose from, with the finished race's picture and scores for each."""
    labels, shots = _recorded_runs(widget)
    width = widget.image.layout.width or "860px"
    run = widgets.SelectionSlider(options=labels, value=labels[0], description="recorded race",
                                  style={"description_width": "initial"}, layout=widgets.Layout(width="420px"))
    run.tooltip = "recorded race"
    pictures = widgets.Stack([_picture(png, alt, width) for png, alt, _r in shots], selected_index=0)
    readouts = widgets.Stack([widgets.HTML(r) for _p, _a, r in shots], selected_index=0)
    _link((run, "index"), (pictures, "selected_index"))
    _link((run, "index"), (readouts, "selected_index"))
    what = (f"These are {len(labels)} races trained when the page was made, same settings, different seeds. "
            "Racing with other bends or settings (Race!, ticks, learning rate) needs a running kernel. ")
    return _form([widgets.HTML(NOTE.format(what=what.strip())), run, pictures, readouts])
