"""The recall quiz in a real JupyterLab: a wrong choice explains its misconception, the review cell brings the
missed question back when rerun, and a corrupted progress file gives a clear message instead of a crash."""

import json
import time

import pytest

from browserlab import _JS_SELECT_CELL, ROOT, STATS

pytestmark = pytest.mark.browser

QUIZ = "notebooks/07_recall_quiz.ipynb"
# The kernel inherits the server's environment, where browserlab.LabServer points the progress store at a
# scratch file of its own (server.progress_file).


@pytest.fixture(scope="module")
def quiz_page(lab):
    if not (ROOT / QUIZ).exists():
        pytest.skip(f"{QUIZ} does not exist yet: the quiz cannot be tested in the browser")
    run = lab.run(QUIZ)
    assert None not in run.state["counts"], f"{QUIZ}: cells never ran: {run.state['counts']}"
    return lab


_JS_FEEDBACK_SAYS = """([el, t]) => Array.from(el.querySelectorAll('.widget-html'))
    .filter(h => !h.querySelector('details')).some(h => h.innerText.includes(t))"""


def _question_box(page, prompt):
    """The quiz widget whose heading carries this prompt (the innermost VBox holding it)."""
    box = page.locator(".widget-vbox").filter(has_text=prompt).filter(
        has_not=page.locator(".widget-vbox .widget-vbox")).last
    box.wait_for(timeout=10_000)
    return box


def _code_index(needle):
    cells = json.loads((ROOT / QUIZ).read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    return next(k for k, c in enumerate(code) if needle in "".join(c["source"]))


def _rerun(lab, needle):
    """Select the code cell containing `needle`, run it, wait until the kernel is idle."""
    lab.page.page.evaluate(_JS_SELECT_CELL, _code_index(needle))
    lab.page.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-cell')")
    lab.page._wait_settled(time.monotonic() + 60)


def _review_output(lab):
    k = _code_index("review_cell(")
    return lab.page.page.locator(".jp-Notebook .jp-CodeCell").nth(k).locator(".jp-OutputArea")


def test_wrong_answer_comes_back_in_the_review(quiz_page):
    """Answer Q1 wrong: its misconception shows; rerun the review cell: Q1 is the first question it re-asks."""
    from course_utils.facts import quiz
    lab, page = quiz_page, quiz_page.page.page
    q = quiz.get("unit_steps")
    wrong = next(o for o in q.options if not o.correct)
    box = _question_box(page, q.prompt)
    box.locator(".widget-hbox").filter(has_text=wrong.text).get_by_role("button").click()
    # The feedback line, not the question's answer fold (a closed <details> that also names the misconception).
    page.wait_for_function(_JS_FEEDBACK_SAYS, arg=[box.element_handle(), "A common wrong answer"], timeout=10_000)
    assert page.evaluate(_JS_FEEDBACK_SAYS, [box.element_handle(), "In fact"])
    _rerun(lab, "review_cell(")
    out = _review_output(lab)
    out.get_by_text(q.prompt).first.wait_for(timeout=10_000)
    text = out.inner_text()
    assert text.index(q.prompt) < min((text.find(p.prompt) for p in quiz.questions()[1:] if p.prompt in text),
                                      default=len(text)), "the missed question is not asked first"
    saved = json.loads(lab.server.progress_file.read_text())
    assert saved["answers"]["unit_steps"]["box"] == 1
    STATS["quiz"] = (STATS["quiz"] or "") + "missed Q1 came back in the review; "


def test_corrupted_progress_file_gives_a_clear_message(quiz_page):
    """Corrupt the progress file, rerun the review cell: a clear message, and the broken file is kept aside."""
    lab = quiz_page
    path = lab.server.progress_file
    path.write_text("{ this is not json")
    _rerun(lab, "review_cell(")
    out = _review_output(lab)
    out.get_by_text("could not be read").first.wait_for(timeout=10_000)
    assert "Nothing was deleted" in out.inner_text()
    assert path.with_name(path.name + ".corrupt-1").read_text() == "{ this is not json"
    STATS["quiz"] = (STATS["quiz"] or "") + "corrupt file reported and kept aside; "


def test_the_sketch_timer_is_labelled_in_the_page(quiz_page):
    """ipywidgets' Play view draws no description (r37 reader: three bare icon buttons, no word 'timer'). The label
    '4-minute timer:' stands visibly before the ▶ in the same row, as step 1 says, and the repeat button is hidden."""
    from course_utils.ui import ch07_quiz
    page = quiz_page.page.page
    play = page.locator(".widget-play").first
    play.wait_for(timeout=10_000)
    row = page.locator(".widget-hbox").filter(has=page.locator(".widget-play")).last
    label = row.locator(".widget-label").first
    assert label.is_visible() and label.inner_text().strip() == ch07_quiz.TIMER_LABEL == "4-minute timer:"
    assert page.evaluate("([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
                         [label.element_handle(), play.element_handle()]), "the label is not before the ▶"
    assert play.locator("button:has(.fa-play)").is_visible() and play.locator("button:has(.fa-retweet)").is_hidden()
    assert "press ▶ after “4-minute timer” to start" in row.inner_text()
    STATS["quiz"] = (STATS["quiz"] or "") + "timer labelled; "
