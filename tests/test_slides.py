"""Every chapter is also a good lecture deck: several slides, none empty, none a wall of cells."""

import nbformat
import pytest

from tools import slides
from tools.export import chapters


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.name)
def test_chapter_has_a_slide_structure(path):
    """Check that the chapter splits into several non-empty slides of readable size."""
    assert slides.structure_problems(path) == []


def _nb(kinds):
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"cell {i}", metadata={"slideshow": {"slide_type": k}}) for i, k in enumerate(kinds)
    ])


def test_one_giant_slide_is_caught(tmp_path):
    """Check that a notebook whose cells all sit on one slide is reported."""
    path = tmp_path / "giant.ipynb"
    nbformat.write(_nb(["slide"] + ["-"] * 12), str(path))
    assert any("only 1 slide" in p for p in slides.structure_problems(path))


def test_empty_slide_is_caught(tmp_path):
    """Check that a slide holding only speaker notes is reported as showing nothing."""
    path = tmp_path / "empty.ipynb"
    nb = _nb(["slide", "slide", "notes", "slide"])
    nb.cells[1].source = ""  # the slide's own cell is blank; only speaker notes follow
    nbformat.write(nb, str(path))
    assert any("slide 2 shows nothing" in p for p in slides.structure_problems(path))


def test_groups_follow_slide_and_subslide_starts():
    """Check the grouping rule: slide and subslide start groups, fragments and '-' follow on."""
    groups = slides.slide_groups(_nb(["slide", "-", "subslide", "fragment", "slide"]))
    assert [len(g) for g in groups] == [2, 2, 1]


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.stem)
def test_no_widget_is_left_out_of_the_slides(path):
    """Check that a cell showing a widget is never skipped in slides: folding its code must not drop it from a deck."""
    nb = nbformat.read(str(path), as_version=4)
    skipped = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
               and any(WIDGET_VIEW in o.get("data", {}) for o in c.get("outputs", []))
               and c.metadata.get("slideshow", {}).get("slide_type") == "skip"]
    assert not skipped, f"{path.name}: widget cells {skipped} are skipped in slides"


@pytest.mark.parametrize("exporter, template", [("HTMLExporter", "course_lab"), ("SlidesExporter", "course_reveal")])
def test_collapsed_code_stays_out_of_the_site_and_decks_and_the_learners_code_stays_in(exporter, template):
    """Check both offline templates on every chapter: a collapsed cell's code (a widget's wiring, an answer's call) is
    left out, as JupyterLab folds it away; every code cell a learner should read is shown."""
    import html
    import re

    import nbconvert
    import nbformat

    from tools import export

    render = getattr(nbconvert, exporter)(template_name=template, extra_template_basedirs=[str(export.TEMPLATES)])
    flat = lambda text: re.sub(r"\s+", " ", text).strip()   # noqa: E731
    hidden_seen = 0
    for path in chapters():
        nb = nbformat.read(str(path), as_version=4)
        nb.cells = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
        for c in nb.cells:
            c.outputs = []
        body, _ = render.from_notebook_node(nb)
        text = flat(html.unescape(re.sub(r"<[^>]+>", "", body)))
        for c in nb.cells:
            folded = c.metadata.get("jupyter", {}).get("source_hidden", False)
            hidden_seen += folded
            assert (flat(c.source) in text) != folded, f"{path.name}: {'shown' if folded else 'missing'}: {c.source[:80]}"
    assert hidden_seen > 50   # the check above looked at real collapsed cells
