"""Live slides (jupyterlab-rise) on the running kernel: slides render, cells run, widgets show their picture.

Sliders themselves do not render inside RISE with ipywidgets 8: the widget manager needs
@jupyterlab/console, which the RISE app does not share (upstream: jupyterlab-contrib/rise#119, #126).
The strict xfail below turns red the day that is fixed, so the README can drop its caveat.
"""

import re
import time

import pytest

pytestmark = pytest.mark.browser
CHAPTER = "notebooks/00_start_here.ipynb"


@pytest.fixture(scope="module")
def rise(lab, chromium):
    """The RISE view of chapter 00 on the session's server, moved to the slide with the widget and run there."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{lab.server.url}/rise/{CHAPTER}?token={lab.server.token}")
    page.wait_for_selector(".reveal .slides section.present", timeout=90_000)
    time.sleep(2)  # the kernel connects after the first paint
    slides = page.locator(".reveal .slides > section").count()
    for _ in range(10):  # walk forward to the slide holding the widget cell
        if page.locator(".reveal section.present .jp-CodeCell").filter(has_text="stretch_shift").count():
            break
        page.keyboard.press("ArrowRight")
        time.sleep(0.5)
    cells = page.locator(".reveal section.present .jp-CodeCell")
    for i in range(cells.count()):
        cells.nth(i).locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        # Wait for this cell's prompt to show an execution count before running the next one.
        cells.nth(i).locator(".jp-InputPrompt").filter(has_text=re.compile(r"\[\d+\]")).wait_for(timeout=60_000)
    time.sleep(2)
    yield page, slides
    page.close()
    # RISE's kernel session outlives the page; a later test opening chapter 00 must get a fresh kernel.
    for session in lab.server.api("GET", "/api/sessions") or []:
        if session.get("path") == CHAPTER:
            lab.server.api("DELETE", f"/api/sessions/{session['id']}")


def test_rise_shows_the_chapter_as_slides(rise):
    """Check that the RISE view splits chapter 00 into several slides and shows one."""
    page, slides = rise
    assert slides >= 3
    assert page.locator(".reveal section.present").count() >= 1


def test_rise_runs_cells_on_the_live_kernel(rise):
    """Check that Shift+Enter inside a slide ran the worked-numbers cell on the kernel (its output appeared)."""
    page, _ = rise
    text = page.locator(".reveal section.present .jp-OutputArea-output").all_inner_texts()
    assert any("2·x + 3 = +13.0" in t for t in text), text


def test_rise_shows_the_widget_default_picture(rise):
    """Check that the widget cell shows a picture in the slide (the still PNG every course widget carries)."""
    page, _ = rise
    assert page.locator(".reveal section.present .jp-OutputArea-output img").count() >= 1


@pytest.mark.xfail(strict=True, reason="ipywidgets 8 views do not render in jupyterlab-rise 0.43 "
                                      "(jupyterlab-contrib/rise#119): the slider falls back to its picture")
def test_rise_renders_the_live_slider(rise):
    """Check that the slider itself renders inside RISE (fails today because of the upstream bug)."""
    page, _ = rise
    assert page.locator(".reveal section.present .widget-slider").count() >= 2
