"""Every table the course shows, built one way: cells escaped unless marked as HTML, plain text for nbval."""

import base64
import html
import re

from course_utils.facts import activations, decisions, deployments

CELL = "padding:2px 8px;text-align:left;vertical-align:top"


class Raw(str):
    """A cell that is already HTML (bold text, a link, a picture), shown as it is."""


def cell(value):
    """A cell's HTML: escaped, unless it is Raw."""
    return value if isinstance(value, Raw) else html.escape(str(value))


def bold(text):
    """Bold text, escaped inside."""
    return Raw(f"<b>{html.escape(str(text))}</b>")


def link(text, href):
    """A link whose text and address are both escaped."""
    return Raw(f"<a href='{html.escape(href, quote=True)}'>{html.escape(str(text))}</a>")


def image(png, alt, width, height=None):
    """A PNG inline, with alt text that says what it shows (no height: the browser keeps its proportions)."""
    data = base64.b64encode(png).decode("ascii")
    size = f"width='{width}'" + (f" height='{height}'" if height else "")
    return Raw(f"<img src='data:image/png;base64,{data}' {size} alt='{html.escape(alt, quote=True)}'>")


def html_table(header, rows):
    """An HTML table in the course's one style; every header and cell goes through cell()."""
    head = "".join(f"<th style='{CELL}'>{cell(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style='{CELL}'>{cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _plain(value):
    """A cell as plain text: Raw HTML loses its tags."""
    return html.unescape(re.sub(r"<br>", " ", re.sub(r"<(?!br>)[^>]+>", "", value))) if isinstance(value, Raw) else str(value)


class Table:
    """A table that shows as HTML in a notebook and as aligned text in plain output (which nbval compares)."""

    def __init__(self, header, rows, note="", text_columns=None):
        self.header, self.rows, self.note = list(header), [list(r) for r in rows], note
        self.text_columns = text_columns  # the columns the plain text shows (default: all)

    def __repr__(self):
        keep = self.text_columns or range(len(self.header))
        header = [self.header[i] for i in keep]
        rows = [[_plain(r[i]) for i in keep] for r in self.rows]
        widths = [max(len(c) for c in col) for col in zip(header, *rows)]
        line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
        text = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
        return "\n".join(text + ([self.note] if self.note else []))

    def _repr_html_(self):
        note = f"<p>{html.escape(self.note)}</p>" if self.note else ""
        return html_table(self.header, self.rows) + note


def deployments_table(rows=deployments.DEPLOYMENTS):
    """Which real model uses which bend, oldest first, each with the source that says so (notebook 04)."""
    ordered = sorted(rows, key=lambda d: d.year)
    return Table(["model", "year", "bend", "where", "source"],
                 [[d.model, d.year, bold(d.bend), d.where, d.citation] for d in ordered], text_columns=[0, 1, 2])


def decisions_table(rows=None):
    """The decision list with its evidence links (notebook 06)."""
    label = lambda n: activations.get(n).label  # noqa: E731
    body = []
    for i, d in enumerate(rows or decisions.decisions(), 1):
        links = Raw("<br>".join(link(text, href) for text, href in d.evidence))
        body.append([i, d.question, bold(label(d.pick)), d.reason,
                     f"{label(d.runner_up)}: when {d.prefer_runner_up_when}" if d.runner_up else "—", links])
    return Table(["#", "role in the network", "pick", "why", "runner-up, and when", "evidence"], body,
                 text_columns=[0, 1, 2])


class FoldedTable(Table):
    """A table behind a click in HTML (<details>, the learner opens it); its plain text is the whole table."""

    def __init__(self, summary, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.summary = summary

    def _repr_html_(self):
        return f"<details><summary>{html.escape(self.summary)}</summary>\n{super()._repr_html_()}\n</details>"


class FoldedRows:
    """Printed lines behind a click in HTML (<details>), so the learner predicts first, optionally followed by a
    picture (image()); plain text for nbval."""

    def __init__(self, summary, lines, picture=Raw("")):
        self.summary, self.lines, self.picture = summary, lines, picture

    def __repr__(self):
        return "\n".join(self.lines)

    def _repr_html_(self):
        return (f"<details><summary>{html.escape(self.summary)}</summary>"
                f"<pre>{html.escape(repr(self))}</pre>{cell(self.picture)}</details>")
