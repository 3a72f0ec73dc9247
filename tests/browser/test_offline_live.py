"""Offline pages that everyone can use: every slider moves its picture with no kernel, and axe finds no serious issue.

The site and the decks are opened in Chromium with the network off. Key-to-picture times are recorded
here (STATS) and measured against the one-frame target by bench/bench_offline.py, never asserted.
"""

import pytest

import offlinelab
from tools import export

pytestmark = pytest.mark.browser
STEMS = [p.stem for p in export.chapters()]
MOVES = {"html": {}, "slides": {}}   # page -> [(slider, ms)], for the summary and the bench


@pytest.fixture(scope="module")
def page(chromium):
    page, log = offlinelab.new_page(chromium)
    yield page, log
    page.context.close()


def expected_sliders(stem):
    """Sliders the page must show: the SelectionSliders of the chapter's offline run."""
    nb = export.offline_run(export.ROOT / "notebooks" / f"{stem}.ipynb")
    state = nb.metadata.get("widgets", {}).get(export.WIDGET_STATE, {}).get("state", {})
    return sum(m["model_name"] == "SelectionSliderModel" for m in state.values())


@pytest.mark.parametrize("stem", STEMS)
def test_every_slider_moves_its_picture_on_the_site(offline_export, page, stem):
    """Check that an arrow key on each slider of a chapter page shows another picture, offline, nothing remote."""
    page, log = page
    offlinelab.open_page(page, log, offline_export("html")[0].parent / f"{stem}.html")
    moves = [m for box in offlinelab.offline_widgets(page) for m in offlinelab.move_sliders(page, box)]
    MOVES["html"][stem] = moves
    assert len(moves) == expected_sliders(stem), f"{len(moves)} sliders moved, the page holds {expected_sliders(stem)}"
    still = [name for name, ms in moves if ms is None]
    assert not still, f"these sliders left their picture unchanged: {still}"
    assert all(name for name, _ms in moves), "a slider handle has no accessible name"
    assert log == {"remote": [], "failed": [], "errors": []}


@pytest.mark.parametrize("stem", STEMS)
def test_every_slider_moves_its_picture_in_the_deck(offline_export, page, stem):
    """Check the same in the reveal.js deck, slide by slide."""
    page, log = page
    offlinelab.open_page(page, log, offline_export("slides")[0].parent / f"{stem}.slides.html", "slides")
    moves = []
    for h, v in offlinelab.slides(page):
        offlinelab.show_slide(page, h, v)
        current = page.locator(".reveal .slides section.present:not(.stack)")
        for box in offlinelab.offline_widgets(current):
            moves += offlinelab.move_sliders(page, box)
    MOVES["slides"][stem] = moves
    assert len(moves) == expected_sliders(stem)
    assert not [name for name, ms in moves if ms is None]
    assert log == {"remote": [], "failed": [], "errors": []}


@pytest.mark.parametrize("kind", ["html", "slides"])
def test_no_serious_accessibility_violation(offline_export, chromium, kind):
    """Check that axe-core (WCAG 2 A/AA) finds no serious or critical violation on any page of the site or decks."""
    results = {name: rules for name, rules in offlinelab.audit(chromium, offline_export(kind)[0].parent.parent, [kind]).items()}
    assert len(results) == len(STEMS) + (kind == "html")
    bad = {name: {rule: nodes[:3] for rule, nodes in rules.items()} for name, rules in results.items() if rules}
    assert not bad, f"serious/critical axe violations: {bad}"


# Light grey words on white: axe's color-contrast rule, a serious violation (the pages' own script cannot mend it,
# as it mends a missing alt text or label).
FAINT_WORDS = "<p style='color:#dddddd;background:#ffffff'>Words too faint to read.</p>"


def test_deck_audit_finds_a_fault_on_the_last_slide(offline_export, chromium):
    """Check that the decks' audit can fail: words too faint to read on a deck's last slide are reported."""
    deck = offline_export("slides")[0]
    html = deck.read_text(encoding="utf-8")
    start = html.rindex("<section")
    start = html.index(">", start) + 1
    planted = deck.with_name("zz_planted.slides.html")
    planted.write_text(html[:start] + FAINT_WORDS + html[start:], encoding="utf-8")
    page, log = offlinelab.new_page(chromium)
    try:
        offlinelab.open_page(page, log, planted, "slides")
        found = offlinelab.axe_violations(page, "slides")
        assert list(found) == ["color-contrast"] and len(found["color-contrast"]) == 1, found
    finally:
        page.context.close()
        planted.unlink()
