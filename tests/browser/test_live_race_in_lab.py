"""Chapter 05's live race in a real JupyterLab: Race! trains in the kernel and the picture moves before the bar is full."""

import pytest

from browserlab import ROOT, STATS

pytestmark = pytest.mark.browser

CHAPTER = "notebooks/05_training_race.ipynb"
SHOT = ROOT / "build" / "screenshots" / "05_live_race_mid_training.png"

# Every new picture of the race's widget, with how full its progress bar was when it arrived.
_JS_WATCH = """(box) => {
  const img = box.querySelector('img');
  const bar = box.querySelector('.progress-bar');
  if (window.__race) window.__race.observer.disconnect();   // one watcher at a time: a second one counts twice
  const watch = {changes: [], full: () => parseFloat(bar.style.width || '0')};
  watch.observer = new MutationObserver(() => watch.changes.push(watch.full()));
  watch.observer.observe(img, {attributes: true, attributeFilter: ['src']});
  window.__race = watch;
}"""

# The epoch the readout shows now ("epoch N of 400").
_JS_EPOCH = """(box) => (box.innerText.match(/epoch (\\d+) of/) || [0, -1])[1]"""


@pytest.fixture(scope="module")
def race_box(lab):
    run = lab.run(CHAPTER)
    assert None not in run.state["counts"], f"{CHAPTER}: cells never ran: {run.state['counts']}"
    page = lab.page.page
    box = page.locator(".jp-OutputArea-output .widget-vbox").filter(
        has=page.get_by_role("button", name="Race!")).last
    box.wait_for(timeout=20_000)
    return page, box


def test_race_button_draws_frames_while_training(race_box):
    """The stored race is at epoch 0; click Race!: pictures arrive part-way (epoch > 0), then the bar fills."""
    page, box = race_box
    box.scroll_into_view_if_needed()
    assert int(page.evaluate(_JS_EPOCH, box.element_handle())) == 0   # the learner predicts before any training
    page.evaluate(_JS_WATCH, box.element_handle())
    box.get_by_role("button", name="Race!").click()
    # A picture arriving while the bar is between empty and full comes from a frame past epoch 0 (the bar
    # moves after the first frame), so two of them mean the race really progresses on screen.
    page.wait_for_function("() => window.__race.changes.filter(w => w > 0 && w < 100).length >= 2", timeout=60_000)
    epoch = int(page.evaluate(_JS_EPOCH, box.element_handle()))
    assert 0 < epoch < 400, f"the readout should show a race under way, not epoch {epoch}"
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(SHOT))   # mid-training: the curves part-way, the regions half-learnt
    page.wait_for_function("() => window.__race.full() >= 100", timeout=180_000)
    changes = page.evaluate("() => window.__race.changes")
    before_full = [w for w in changes if 0 < w < 100]
    assert len(before_full) >= 2, f"pictures during training: {changes}"
    # The thread re-enables Race! after the last frame, once the final table is computed.
    page.wait_for_function("(el) => !el.disabled", arg=box.get_by_role("button", name="Race!").element_handle(),
                           timeout=30_000)
    STATS["live_race"] = f"{len(before_full)} frames before the bar was full"


def test_stop_button_ends_a_race_early(race_box):
    """Race! then Stop: the bar stops short of full and the readout says stopped."""
    page, box = race_box
    page.evaluate(_JS_WATCH, box.element_handle())
    box.get_by_role("button", name="Race!").click()
    page.wait_for_function("() => window.__race.changes.length >= 2", timeout=60_000)
    box.get_by_role("button", name="Stop").click()
    page.wait_for_function("(el) => el.innerText.includes('stopped')", arg=box.element_handle(), timeout=60_000)
    assert page.evaluate("() => window.__race.full()") < 100
