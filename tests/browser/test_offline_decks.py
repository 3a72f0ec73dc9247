"""The decks (make slides) with the network off: each renders and moves on with the arrow key, every slider
moves its picture with no kernel, and axe finds no serious problem on any slide (and can fail)."""

import pytest

import offlinelab
from tools import export

pytestmark = pytest.mark.browser
STEMS = [p.stem for p in export.chapters()]


def test_every_chapter_has_a_deck(offline_export):
    """Check that make slides writes one deck per chapter."""
    assert [p.name for p in offline_export("slides")] == [f"{p.stem}.slides.html" for p in export.chapters()]


@pytest.mark.parametrize("stem", STEMS)
def test_deck_renders_and_navigates_offline(offline_export, offline_page, stem):
    """Check that a deck shows several slides, moves on with the arrow key, and requests nothing remote."""
    page, log = offline_page
    offlinelab.open_quickly(page, log, next(p for p in offline_export("slides") if p.name.startswith(stem)))
    assert page.locator(".reveal .slides > section").count() >= 3
    assert page.locator(".reveal .slides section.present").count() >= 1
    before = page.url
    page.keyboard.press("ArrowRight")
    try:
        page.wait_for_function("(before) => location.href !== before", arg=before, timeout=5000)
    except Exception:
        pytest.fail("the arrow key did not move to the next slide")
    assert log == {"remote": [], "failed": [], "errors": []}


@pytest.mark.parametrize("stem", STEMS)
def test_every_slider_moves_its_picture_in_the_deck(offline_export, offline_page, stem):
    """Check that an arrow key on each slider of a deck, slide by slide, shows another picture, offline."""
    page, log = offline_page
    offlinelab.open_page(page, log, offline_export("slides")[0].parent / f"{stem}.slides.html", "slides")
    moves = []
    for h, v in offlinelab.slides(page):
        offlinelab.show_slide(page, h, v)
        current = page.locator(".reveal .slides section.present:not(.stack)")
        for box in offlinelab.offline_widgets(current):
            moves += offlinelab.move_sliders(page, box)
    assert len(moves) == offlinelab.expected_sliders(stem)
    assert not [name for name, ms in moves if ms is None]
    assert log == {"remote": [], "failed": [], "errors": []}


def test_no_serious_accessibility_violation_in_the_decks(offline_export, chromium):
    """Check that axe-core (WCAG 2 A/AA) finds no serious or critical violation on any slide of any deck."""
    results = offlinelab.audit(chromium, offline_export("slides")[0].parent.parent, ["slides"])
    assert len(results) == len(STEMS)
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
