"""The site (make html) with the network off: every page loads with its pictures and nothing remote, the index
links every chapter, every slider moves its picture with no kernel, and axe finds no serious problem."""

import nbformat
import pytest

import offlinelab
from tools import export

pytestmark = pytest.mark.browser
STEMS = [p.stem for p in export.chapters()]


def test_every_chapter_has_a_page_and_the_site_an_index(offline_export):
    """Check that make html writes one page per chapter, plus the site's index."""
    assert [p.name for p in offline_export("html")] == ["index.html"] + [f"{p.stem}.html" for p in export.chapters()]


@pytest.mark.parametrize("stem", STEMS)
def test_static_page_loads_offline_with_pictures(offline_export, offline_page, stem):
    """Check that a chapter page loads with no failed or remote request, and shows its pictures."""
    page, log = offline_page
    offlinelab.open_quickly(page, log, next(p for p in offline_export("html") if p.name.startswith(stem)))
    outputs = [o for c in nbformat.read(str(export.ROOT / "notebooks" / f"{stem}.ipynb"), as_version=4).cells
               for o in c.get("outputs", [])]
    figures = sum("image/png" in o.get("data", {}) for o in outputs)
    widgets = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    shown = page.locator("img").count()
    assert shown >= figures, f"{shown} pictures on the page, the notebook stores {figures}"
    assert shown >= 1 or not widgets, "no picture on the page: widgets must show a default picture"
    assert log == {"remote": [], "failed": [], "errors": []}


def test_site_index_links_every_chapter(offline_export, offline_page):
    """Check that the index page links each chapter page and the links resolve."""
    page, log = offline_page
    index, *chapters = offline_export("html")
    offlinelab.open_quickly(page, log, index)
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [p.name for p in chapters]
    assert all((index.parent / h).exists() for h in hrefs)


@pytest.mark.parametrize("stem", STEMS)
def test_every_slider_moves_its_picture_on_the_site(offline_export, offline_page, stem):
    """Check that an arrow key on each slider of a chapter page shows another picture, offline, nothing remote."""
    page, log = offline_page
    offlinelab.open_page(page, log, offline_export("html")[0].parent / f"{stem}.html")
    moves = [m for box in offlinelab.offline_widgets(page) for m in offlinelab.move_sliders(page, box)]
    assert len(moves) == offlinelab.expected_sliders(stem), f"{len(moves)} sliders moved, the page holds {offlinelab.expected_sliders(stem)}"
    still = [name for name, ms in moves if ms is None]
    assert not still, f"these sliders left their picture unchanged: {still}"
    assert all(name for name, _ms in moves), "a slider handle has no accessible name"
    assert log == {"remote": [], "failed": [], "errors": []}


def test_no_serious_accessibility_violation_on_the_site(offline_export, chromium):
    """Check that axe-core (WCAG 2 A/AA) finds no serious or critical violation on any page of the site."""
    results = offlinelab.audit(chromium, offline_export("html")[0].parent.parent, ["html"])
    assert len(results) == len(STEMS) + 1   # the chapters and the index
    bad = {name: {rule: nodes[:3] for rule, nodes in rules.items()} for name, rules in results.items() if rules}
    assert not bad, f"serious/critical axe violations: {bad}"
