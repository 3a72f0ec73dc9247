"""Helpers for writing course notebooks: cells with slide metadata, the kernelspec, the chapter summary."""

import nbformat

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _slide_type_for(text):
    # A top-level heading starts a slide; a third-level heading a sub-slide; the rest follows on.
    first = text.lstrip().split("\n", 1)[0]
    if first.startswith(("# ", "## ")):
        return "slide"
    if first.startswith("### "):
        return "subslide"
    return "-"


def md(text, slide=None, notes=False):
    """A markdown cell; slide type inferred from its heading unless given; notes=True makes speaker notes."""
    text = text.strip("\n")
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["slideshow"] = {"slide_type": "notes" if notes else (slide or _slide_type_for(text))}
    return cell


def code(source, slide="-", tags=()):
    """A code cell with slide metadata (and optional cell tags such as nbval-ignore-output)."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"))
    cell.metadata["slideshow"] = {"slide_type": slide}
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(cells, summary):
    """A notebook with the course kernelspec and the one-line summary the README's course map shows."""
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    nb.metadata["course"] = {"summary": summary}
    return nb


def write(nb, path):
    """Validate and write a notebook (then run `make execute NB=path` to give it outputs)."""
    nbformat.validate(nb)
    nbformat.write(nb, str(path))
