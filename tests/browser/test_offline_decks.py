"""The lecturer's offline exports work with no network: decks render and navigate, the site loads, nothing fails."""

import shutil

import nbformat
import pytest

import offlinelab

from tools import export

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_page(chromium):
    """A page in the session's Chromium with the network switched off, recording requests, failures and errors."""
    page, log = offlinelab.new_page(chromium)
    yield page, log
    page.context.close()


def _open(page, log, path):
    for entries in log.values():
        entries.clear()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # MathJax and the widget renderer load after the page itself


def test_every_chapter_has_a_deck(offline_export):
    """Check that make slides writes one deck per chapter."""
    assert [p.name for p in offline_export("slides")] == [f"{p.stem}.slides.html" for p in export.chapters()]


def test_every_chapter_has_a_page_and_the_site_an_index(offline_export):
    """Check that make html writes one page per chapter, plus the site's index."""
    assert [p.name for p in offline_export("html")] == ["index.html"] + [f"{p.stem}.html" for p in export.chapters()]


@pytest.mark.parametrize("stem", [p.stem for p in export.chapters()])
def test_deck_renders_and_navigates_offline(offline_export, offline_page, stem):
    """Check that a deck shows several slides, moves on with the arrow key, and requests nothing remote."""
    page, log = offline_page
    _open(page, log, next(p for p in offline_export("slides") if p.name.startswith(stem)))
    assert page.locator(".reveal .slides > section").count() >= 3
    assert page.locator(".reveal .slides section.present").count() >= 1
    before = page.url
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(400)
    assert page.url != before, "the arrow key did not move to the next slide"
    assert log == {"remote": [], "failed": [], "errors": []}


@pytest.mark.parametrize("stem", [p.stem for p in export.chapters()])
def test_static_page_loads_offline_with_pictures(offline_export, offline_page, stem):
    """Check that a chapter page loads with no failed or remote request, and shows its pictures."""
    page, log = offline_page
    _open(page, log, next(p for p in offline_export("html") if p.name.startswith(stem)))
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
    _open(page, log, index)
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [p.name for p in chapters]
    assert all((index.parent / h).exists() for h in hrefs)
