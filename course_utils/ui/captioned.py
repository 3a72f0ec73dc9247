"""A widget box whose text/plain caption is fixed (nbval compares it) and which shows static HTML without a kernel."""

import ipywidgets as widgets


class CaptionedBox(widgets.VBox):
    """A VBox with a short fixed text/plain caption and, when given, static HTML for renders without a kernel."""

    def __init__(self, children, summary, static_html="", **attrs):
        super().__init__(children=children)
        self.summary, self.static_html = summary, static_html
        for key, value in attrs.items():
            setattr(self, key, value)

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"] = self.summary   # no ids, no state
        if self.static_html:
            data["text/html"] = self.static_html
        return data
