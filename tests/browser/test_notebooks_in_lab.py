"""Every course notebook runs clean in a real JupyterLab, and every visible slider moves its picture."""

import re
import time

import pytest

from browserlab import STATS, notebook_ids

pytestmark = pytest.mark.browser

# stderr is a problem when it carries a traceback or a warning (the course promises neither).
_BAD_STDERR = re.compile(r"Traceback|Error|Warning")


@pytest.fixture(scope="module", params=notebook_ids())
def ran(request, lab):
    """The notebook opened on a fresh kernel and run top to bottom (one run serves the tests below)."""
    return lab.run(request.param)


def test_runs_clean(ran):
    """Every code cell ran (counts 1..n on a fresh kernel); no error, no warning; every stored widget rendered."""
    counts = ran.state["counts"]
    assert counts, f"{ran.rel}: no code cells seen in the page"
    assert None not in counts, f"{ran.rel}: cells never ran (run-all stopped?): counts {counts}"
    assert counts == list(range(1, len(counts) + 1)), f"{ran.rel}: counts {counts} are not 1..n on a fresh kernel"
    exercise = ran.rel.startswith("exercises/")
    bad = []
    for p in ran.problems:
        if p["kind"] == "error" and exercise and p["ename"] == "NotImplementedError":
            continue  # an exercise's blank answer cell, on purpose
        if p["kind"] == "stderr" and not _BAD_STDERR.search(p["text"]):
            continue  # e.g. a progress bar
        bad.append(f"cell {p['cell']} ({p['kind']}): {p['text'][:600]}")
    assert not bad, f"{ran.rel}: error output in JupyterLab:\n" + "\n".join(bad)
    assert ran.views >= ran.expected_views, (
        f"{ran.rel}: {ran.views} widget views rendered in the page, the committed notebook has "
        f"{ran.expected_views}: a widget failed to display (front-end extension, widget state?)")


def test_sliders_move_the_picture(ran, lab):
    """Each visible slider: one keyboard step on its handle changes its readout and its widget's picture,
    and every picture in its widget has a name a screen reader reads.

    A widget with a button may use its sliders only as settings for the next run (the training race):
    when such sliders leave the picture alone, one click on the widget's main button must change it.
    """
    failures = []
    deferred = {}
    for s in lab.page.sliders():
        key, before, after = lab.page.move_slider(s["index"], timeout=3_000 if s["has_button"] else 10_000)
        where = f"slider '{s['label']}' (cell {s['cell']}, {key})"
        STATS["sliders"] += 1
        if after["position"] == before["position"]:
            failures.append(f"{where}: the handle did not move ({before['position']})")
        if after["readout"] == before["readout"]:
            failures.append(f"{where}: readout stayed {before['readout']!r}")
        if s["has_picture"] and not all(after["names"]):
            failures.append(f"{where}: a picture with no name for a screen reader (alt or title): {after['names']}")
        if not s["has_picture"]:
            failures.append(f"{where}: no picture in its widget")
        elif after["pictures"] != before["pictures"]:
            STATS["pictures"] += 1
        elif s["has_button"]:
            deferred.setdefault(s["box"], []).append(where)
        else:
            failures.append(f"{where}: the picture did not change")
    for box, wheres in deferred.items():
        if lab.page.press_run_button(box):
            STATS["pictures"] += len(wheres)
            STATS["run_buttons"] += 1
        else:
            failures.append(f"{', '.join(wheres)}: neither the slider nor the widget's button changed the picture")
    assert not failures, f"{ran.rel}: " + "\n".join(failures)


def test_no_console_errors(ran, lab):
    """No JavaScript errors while the notebook ran and its sliders moved (documented noise excepted)."""
    errors = lab.page.console_errors()
    assert not errors, f"{ran.rel}: browser console errors:\n" + "\n".join(errors)


PICKER_CHAPTER = "notebooks/06_decision_list.ipynb"
# The picture's bytes, hashed (FNV-1a): its address changes on any change to the image widget (its tooltip too), so
# only the bytes say whether the picture itself changed.
_JS_PICTURE_HASH = """async (img) => {
  const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
  let h = 0x811c9dc5;
  for (const b of bytes) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return `${bytes.length}:${h}`;
}"""


def _picture_after(page, picture, before, timeout=10.0):
    """The picture's hash once it differs from `before` (or `before` itself when it never changes in time)."""
    deadline = time.monotonic() + timeout
    now = page.evaluate(_JS_PICTURE_HASH, picture.element_handle())
    while now == before and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        now = page.evaluate(_JS_PICTURE_HASH, picture.element_handle())
    return now


def test_the_picker_chapter_is_among_the_notebooks_run():
    """Check the asking picker's test below runs somewhere: its chapter is one of the notebooks the browser runs."""
    assert PICKER_CHAPTER in notebook_ids()


def test_picker_waits_for_the_learners_bend(ran, lab):
    """Chapter 06's picker in ask mode, clicked as a learner would: at a new place the curves wait and the card asks
    for a bend; clicking one draws the place's curves (other bytes, not only another address) and the card gives the
    verdict decisions.check_pick gives; no browser error on the way."""
    if ran.rel != PICKER_CHAPTER:
        pytest.skip("the asking picker is in chapter 06 only")
    from course_utils.facts import decisions
    from course_utils.ui import ch06_decisions as ch06

    page = lab.page.page
    box = page.locator(".widget-vbox").filter(has=page.locator(".widget-toggle-buttons", has_text="your pick:")).last
    box.wait_for(timeout=10_000)
    card, picture = box.locator(".widget-html").first, box.locator("img.widget-image, .widget-image img").first
    opening = page.evaluate(_JS_PICTURE_HASH, picture.element_handle())
    shown = box.locator("select").input_value()
    place = next(d for d in decisions.decisions() if d.where != shown)   # a place other than the opening one
    box.locator("select").select_option(label=place.where)
    ask = re.sub("<[^>]+>", "", ch06.GUESS_FIRST)
    page.wait_for_function("([el, t]) => el.innerText.includes(t)", arg=[card.element_handle(), ask], timeout=10_000)
    waiting = _picture_after(page, picture, opening)
    assert waiting != opening, "the picture still shows the opening place's curves while the learner chooses"
    label = next(text for text, name in ch06.guess_buttons() if name == place.pick)
    box.locator(".widget-toggle-button", has_text=re.compile(rf"^{re.escape(label)}$")).click()
    page.wait_for_function("([el, t]) => el.innerText.includes(t)", arg=[card.element_handle(), "Your pick"],
                           timeout=10_000)
    drawn = _picture_after(page, picture, waiting)
    assert drawn != waiting, "clicking a bend did not draw the place's curves"
    text = card.inner_text()
    verdict = decisions.check_pick(place.role, place.pick)[1].removesuffix(" " + place.reason)
    assert f"Your pick, {ch06._pick_name(place.pick)}: {verdict}" in " ".join(text.split()), text
    errors = lab.page.console_errors()
    assert not errors, "browser console errors while the picker was clicked:\n" + "\n".join(errors)


XOR_CHAPTER = "notebooks/01_collapse_proof.ipynb"


def test_the_xor_chapter_is_among_the_notebooks_run():
    """Check the XOR demo's test below runs somewhere: its chapter is one of the notebooks the browser runs."""
    assert XOR_CHAPTER in notebook_ids()


def test_xor_demo_ready_made_lines_count_the_corners(ran, lab):
    """Chapter 01's XOR demo clicked as a learner would (pass 82, r80 reader: a control to learn before a simple
    question): click ReLU, then each ready-made line. Each click redraws the picture and the readout says what the
    same clicks say in Python: only "gentle" splits the corners after the crease. No browser error on the way."""
    if ran.rel != XOR_CHAPTER:
        pytest.skip("the XOR demo is in chapter 01 only")
    from course_utils.ui import ch01_collapse as ch01

    page = lab.page.page
    box = page.locator(".widget-vbox").filter(has=page.locator(".widget-button", has_text=re.compile(r"^\s*steep\s*$"))).last
    box.wait_for(timeout=10_000)
    readout, picture = box.locator(".widget-html").last, box.locator("img.widget-image, .widget-image img").first
    twin = ch01.fold_demo(W=((1, 1), (1, 1)), b=(0, -1), corners=True)   # the same clicks, in Python
    twin.bend.value = "relu"
    box.locator(".widget-toggle-button", has_text=re.compile(r"^\s*ReLU\s*$")).click()
    shown = page.evaluate(_JS_PICTURE_HASH, picture.element_handle())
    splits = []
    # pass 88: the demo starts on the "upright" line, so that button comes last, when it has a line to move
    for name, _turn, _shift in sorted(ch01.LINE_PRESETS, key=lambda preset: preset[0] == ch01.FOLD_START):
        twin.presets[name].click()
        said = re.sub(r"<[^>]+>", "", twin.readout.value)
        box.locator(".widget-button", has_text=re.compile(rf"^\s*{name}\s*$")).click()
        page.wait_for_function("([el, t]) => el.innerText.replace(/\\s+/g, ' ').includes(t)",
                               arg=[readout.element_handle(), said], timeout=10_000)
        now = _picture_after(page, picture, shown)
        assert now != shown, f"clicking '{name}' did not redraw the picture"
        shown = now
        if "it splits them" in said:
            splits.append(name)
    assert splits == [ch01.FOLD_NAME]
    errors = lab.page.console_errors()
    assert not errors, "browser console errors while the XOR demo was clicked:\n" + "\n".join(errors)


# Each lettered quiz of the page: how many answer pictures and "solved n of m" counts it holds, and how many show.
_JS_QUIZ_REVEALS = r"""() => {
  const shown = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const letterA = [...document.querySelectorAll('.jp-Notebook .widget-button')].filter(b => b.textContent.trim() === 'A');
  return letterA.map(b => {
    const quiz = b.closest('.widget-hbox').parentElement.closest('.widget-vbox');
    const answers = [...quiz.querySelectorAll('img'),
                     ...[...quiz.querySelectorAll('.widget-html')].filter(e => /solved \d+ of \d+/.test(e.textContent))];
    return {answers: answers.length, shown: answers.filter(shown).length};
  });
}"""


def test_xor_chapter_quiz_answers_stay_hidden_until_a_click(ran, lab):
    """Chapter 01's quizzes as a learner meets them after run-all (r81 reader: the answer pictures and "solved 0 of
    10" sat under the answer buttons in the export): no answer picture or count shows before a click, and one
    click on a letter shows every one of that quiz's. Three quizzes hold such answers: the bends, depth and runs."""
    if ran.rel != XOR_CHAPTER:
        pytest.skip("these quizzes are in chapter 01")
    page = lab.page.page
    before = page.evaluate(_JS_QUIZ_REVEALS)
    assert len(before) == 5 and sum(q["answers"] > 0 for q in before) == 3, before
    assert all(q["shown"] == 0 for q in before), f"an answer shows before its click: {before}"
    letters = page.locator(".jp-Notebook .widget-button", has_text=re.compile(r"^\s*A\s*$"))
    for i, quiz in enumerate(before):
        if quiz["answers"]:
            letters.nth(i).click()
            page.wait_for_function(f"() => ({_JS_QUIZ_REVEALS})()[{i}].shown === {quiz['answers']}", timeout=10_000)
    after = page.evaluate(_JS_QUIZ_REVEALS)
    assert [q["shown"] for q in after] == [q["answers"] for q in before], after
    errors = lab.page.console_errors()
    assert not errors, "browser console errors while the quizzes were clicked:\n" + "\n".join(errors)
