"""The recall quiz answers clicks in a real JupyterLab: a wrong choice and a right one get their own feedback."""


import pytest

from browserlab import ROOT, STATS

pytestmark = pytest.mark.browser

QUIZ = "notebooks/07_recall_quiz.ipynb"


@pytest.fixture(scope="module")
def quiz_page(lab):
    if not (ROOT / QUIZ).exists():
        pytest.skip(f"{QUIZ} does not exist yet: the quiz cannot be tested in the browser")
    run = lab.run(QUIZ)
    assert None not in run.state["counts"], f"{QUIZ}: cells never ran: {run.state['counts']}"
    return lab.page.page


def _question_box(page, prompt):
    """The quiz widget whose heading carries this prompt (a VBox in a cell's output)."""
    box = page.locator(".jp-OutputArea-output > .widget-vbox").filter(has_text=prompt).first
    box.wait_for(timeout=10_000)
    return box


def _questions(kind):
    from course_utils.facts import quiz
    return [q for q in quiz.questions() if type(q).__name__ == kind]


def _feedback(box):
    # The feedback is the last HTML child of the quiz box (it is empty until an answer arrives).
    return box.locator(":scope > .widget-html").last


def test_choice_wrong_then_right(quiz_page):
    """The answer key (Option.correct in course_utils.facts.quiz) decides which letter is wrong and which is right."""
    qs = [q for q in _questions("Choice") if q.prompt in quiz_page.inner_text(".jp-Notebook")]
    assert qs, f"{QUIZ}: no multiple-choice question of course_utils.facts.quiz shows in the page"
    q = qs[0]
    box = _question_box(quiz_page, q.prompt)
    wrong = next(i for i, o in enumerate(q.options) if not o.correct)
    right = next(i for i, o in enumerate(q.options) if o.correct)
    for i, verdict, style in ((wrong, "Not quite.", "mod-danger"), (right, "Correct.", "mod-success")):
        letter = "ABCDEFG"[i]
        button = box.get_by_role("button", name=letter, exact=True)
        button.click()
        fb = _feedback(box)
        # The option's own explanation must come back from the kernel, with the verdict.
        expect_text = f"{letter}: {verdict}"
        quiz_page.wait_for_function("([el, t]) => el.innerText.includes(t)", arg=[fb.element_handle(), expect_text],
                                    timeout=10_000)
        text = fb.inner_text()
        assert " ".join(q.options[i].why.split()) in " ".join(text.split()), (
            f"{q.id}: option {letter} feedback lacks its explanation: {text!r}")
        assert style in (button.get_attribute("class") or ""), f"{q.id}: button {letter} is not styled {style}"
    STATS["quiz"] = (STATS["quiz"] or "") + f"choice {q.id}: wrong {'ABCDEFG'[wrong]} and right {'ABCDEFG'[right]} ok; "


def test_numeric_trap_then_answer(quiz_page):
    """A typical wrong number gets its own message; the computed key is accepted."""
    qs = [q for q in _questions("Numeric") if q.traps and q.prompt in quiz_page.inner_text(".jp-Notebook")]
    if not qs:
        pytest.skip(f"{QUIZ}: no numeric question with a trap shows in the page")
    q = qs[0]
    box = _question_box(quiz_page, q.prompt)
    trap_value, _tol, trap_message = q.traps[0]
    for typed, expect in ((f"{trap_value:.12g}", "Not quite. " + trap_message), (f"{q.answer:.12g}", "Correct.")):
        box.locator("input[type=text]").fill(typed)
        box.get_by_role("button", name="Check").click()
        fb = _feedback(box)
        quiz_page.wait_for_function(
            "([el, t]) => el.innerText.replace(/\\s+/g, ' ').includes(t)",
            arg=[fb.element_handle(), " ".join(expect.split())[:80]], timeout=10_000)
    STATS["quiz"] = (STATS["quiz"] or "") + f"numeric {q.id}: trap and answer ok; "
