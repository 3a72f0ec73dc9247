"""Click-an-answer questions: one button per option, instant feedback that names the misconception of a wrong one."""

import html

import ipywidgets as widgets

from course_utils.ui import plots
from course_utils.ui.captioned import CaptionedBox

LETTERS = "ABCDEFG"
# Where the feedback will appear, until the first click replaces it (chapter 06's questions said it first, pass 53)
CLICK_HINT = "<i>Each answer, right or wrong, says why, here.</i>"


def feedback_box(inner_html, right):
    """The feedback under the buttons: a green bar for a right answer, an orange one for a wrong one."""
    colour = plots.HEALTHY if right else plots.VANISHING
    return f"<div style='border-left:4px solid {colour};padding:4px 10px;margin:4px 0'>{inner_html}</div>"


def lettered_question(head_html, texts, rights, feedback_html, caption, static_html, reveal=None, **attrs):
    """A question whose lettered buttons colour the clicked one and show feedback_html(i) (already HTML).

    texts: the options' words; rights: which are right; static_html: what a render without a kernel shows;
    reveal: a widget (such as the picture that answers the question) kept hidden until the first click.
    """
    feedback = widgets.HTML(CLICK_HINT)   # r100/r101: until the first click, where the why will appear
    buttons = [widgets.Button(description=LETTERS[i], layout=widgets.Layout(width="42px")) for i in range(len(texts))]

    def answer(i):
        feedback.value = feedback_box(feedback_html(i), rights[i])
        for j, b in enumerate(buttons):
            b.button_style = ("success" if rights[i] else "danger") if j == i else ""
        if reveal is not None:
            reveal.layout.display = None

    for i, b in enumerate(buttons):
        b.on_click(lambda _b, i=i: answer(i))
    rows = [widgets.HBox([b, widgets.HTML(html.escape(text))]) for b, text in zip(buttons, texts)]
    shown = [widgets.HTML(head_html), *rows, feedback]
    if reveal is not None:
        reveal.layout.display = "none"  # no spoiler: the answer's picture appears after a click
        shown.append(reveal)
    return CaptionedBox(shown, caption, static_html, buttons=buttons, feedback=feedback, reveal=reveal, **attrs)


def static_options(head_html, texts):
    """The question as plain HTML: its head, then the options as a lettered list."""
    return head_html + "<ol type='A'>" + "".join(f"<li>{html.escape(t)}</li>" for t in texts) + "</ol>"


def static_feedback(options):
    """Every option's feedback in one closed fold, for a render without a kernel (no click there)."""
    return ("<details><summary>Check your answer</summary>"
            + "".join(f"<p><b>{LETTERS[i]}.</b> {html.escape(said)}</p>" for i, (_t, _r, said) in enumerate(options))
            + "</details>")


def choice_question(prompt, options, caption, feedback_offline=False, reveal=None, reveal_html=""):
    """Multiple choice from (text, right?, feedback) triples; a click shows that option's feedback (chapters 02-06).

    A wrong option's feedback names the misconception ("A common wrong answer: ... In fact: ...").
    feedback_offline: the render without a kernel also holds every option's feedback, folded (chapter 03, r68).
    reveal: a widget (the answer's picture) shown after the first click; reveal_html: its folded form for a render
    without a kernel, after the feedback (chapter 04, r95).
    """
    texts = [text for text, _right, _said in options]
    head = f"<b>{html.escape(prompt)}</b> Click a letter."
    static = static_options(head, texts) + (static_feedback(options) if feedback_offline else "") + reveal_html
    return lettered_question(
        head, texts, [right for _text, right, _said in options],
        lambda i: f"<b>{LETTERS[i]}.</b> {html.escape(options[i][2])}",
        caption, static, reveal=reveal, options=options)


def keyed_question(options, right, why, caption, static_head="Your answer (run the notebook to check it):",
                   reveal=None, reveal_html=""):
    """Multiple choice from {text: misconception} with one right text; a click says right (and why) or not quite
    (chapters 00 and 01, whose questions sit under their own Predict line, so the head only asks for a click).
    reveal: a widget shown after the first click; reveal_html: its form for a render without a kernel."""
    if right not in options:
        raise ValueError(f"the right answer {right!r} is not among the options")
    texts = list(options)

    def said(i):
        if texts[i] == right:
            return html.escape(f"{LETTERS[i]}: right. {why}")
        return html.escape(f"{LETTERS[i]}: not quite. {options[texts[i]]}")

    return lettered_question(
        "<b>Click the letter of your answer:</b>", texts, [t == right for t in texts], said, caption,
        static_options(f"<b>{html.escape(static_head)}</b>", texts) + reveal_html, reveal=reveal, options=texts,
        right=right)
