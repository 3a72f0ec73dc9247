"""The slide structure of a chapter, as a lecturer sees it in RISE or an offline deck (notebook 00 explains how)."""

import nbformat

STARTS = ("slide", "subslide")
HIDDEN = ("skip", "notes")


def slide_groups(nb):
    """Cells grouped into (sub)slides: a new group starts at every slide or subslide cell."""
    groups = []
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if kind in STARTS or not groups:
            groups.append([])
        groups[-1].append(cell)
    return groups


def _shows_something(cell):
    kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
    return kind not in HIDDEN and cell.source.strip() != ""


def structure_problems(path, max_cells=8):
    """Why a chapter would make a poor deck: one giant slide, empty slides, a first cell that starts no slide."""
    nb = nbformat.read(str(path), as_version=4)
    groups = slide_groups(nb)
    problems = []
    if nb.cells and nb.cells[0].metadata.get("slideshow", {}).get("slide_type") != "slide":
        problems.append("the first cell does not start a slide")
    if len(groups) < 3:
        problems.append(f"only {len(groups)} slide(s): one idea per slide, please")
    for i, group in enumerate(groups, 1):
        if not any(_shows_something(c) for c in group):
            problems.append(f"slide {i} shows nothing (only skipped cells, notes or empty cells)")
        if len(group) > max_cells:
            problems.append(f"slide {i} has {len(group)} cells: split it (at most {max_cells})")
    return problems
