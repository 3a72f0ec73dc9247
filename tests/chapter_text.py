"""What a committed chapter shows, read from its file: cells, printed text, prose; and a plain dead-unit count."""

import json
from pathlib import Path

import numpy as np

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def notebook(stem):
    return json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text())


def printed_by(stem):
    """Everything the chapter's code cells printed (stdout and text/plain)."""
    parts = []
    for cell in notebook(stem)["cells"]:
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            parts.append("".join(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def markdown_of(stem):
    return "\n".join("".join(c["source"]) for c in notebook(stem)["cells"] if c["cell_type"] == "markdown")


def widget_cells(cells):
    """(index, cell) of every code cell whose stored output shows a widget."""
    return [(i, c) for i, c in enumerate(cells)
            if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c.get("outputs", []))]


def plain_dead_share(net, X):
    """Dead share by a separate plain forward pass: units that are <= 0 before the bend on every example."""
    h, shares = X, []
    for W, b in zip(net.weights[:-1], net.biases[:-1]):
        z = h @ W.T + b.T
        shares.append(np.mean(np.all(z <= 0, axis=0)))
        h = np.maximum(z, 0)
    return float(np.mean(shares))


GLOSSARY = "91_glossary"   # the appendix that holds every glossary entry (it left chapter 00 in pass 46)


def glossary_markdown():
    """The glossary appendix's markdown: every entry, the start page's words and each chapter's."""
    return markdown_of(GLOSSARY)


def glossary_notebook():
    """The glossary appendix, as stored (cells and all)."""
    return notebook(GLOSSARY)
