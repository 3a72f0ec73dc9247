"""Chapter 07's quiz widgets, reading course_utils.facts.quiz.

Each widget shows a stable caption as text/plain (nbval compares it) and a still picture or the
question as HTML for static renders; the live behaviour is tested headlessly in tests/test_quiz_widgets.py.
"""

import html as _html

import ipywidgets as widgets
import numpy as np

from course_utils.facts import activations, quiz
from course_utils.ui import plots
from course_utils.ui.livefigure import LiveFigure, LiveWidget, nice_limits, on_change, slider


# Feedback colours are the course's own: right is the "healthy" green, wrong the "vanishing" red.
GOOD, BAD, NEUTRAL = plots.HEALTHY, plots.VANISHING, plots.MUTED


class QuizSession:
    """The answers given so far in one notebook; the score summary listens to it."""

    def __init__(self):
        self.results = {}
        self._listeners = []

    def record(self, qid, feedback):
        self.results[qid] = feedback
        for listener in self._listeners:
            listener()

    def listen(self, callback):
        self._listeners.append(callback)

    def summary(self):
        return quiz.summary(self.results)


class QuizBox(widgets.VBox):
    """A VBox with a short fixed text/plain caption and the question as static HTML."""

    def __init__(self, children, summary, static_html="", **attrs):
        super().__init__(children=children)
        self.summary, self.static_html = summary, static_html
        for key, value in attrs.items():
            setattr(self, key, value)

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"] = self.summary
        if self.static_html:
            data["text/html"] = self.static_html
        return data


def _box(message, colour):
    return (f"<div style='border-left:4px solid {colour};padding:4px 10px;margin:4px 0'>"
            f"{_html.escape(message)}</div>")


def _prompt(q, number):
    return f"<b>Q{number}.</b> {_html.escape(q.prompt)} <i style='color:{NEUTRAL}'>({_html.escape(q.source)})</i>"


def _number(qid):
    return quiz.ids().index(qid) + 1


def choice(qid, session=None):
    """Multiple choice: a letter button per option; every option, right or wrong, explains itself."""
    q = quiz.get(qid)
    feedback = widgets.HTML()
    buttons, rows = [], []
    for i, option in enumerate(q.options):
        b = widgets.Button(description="ABCDEFG"[i], layout=widgets.Layout(width="42px"))
        buttons.append(b)
        rows.append(widgets.HBox([b, widgets.HTML(_html.escape(option.text))]))

    def answer(i):
        fb = quiz.check(qid, i)
        feedback.value = _box(f"{'ABCDEFG'[i]}: {fb.message}", GOOD if fb.correct else BAD)
        for j, b in enumerate(buttons):
            b.button_style = "success" if (j == i and fb.correct) else "danger" if j == i else ""
        if session is not None:
            session.record(qid, fb)

    for i, b in enumerate(buttons):
        b.on_click(lambda _b, i=i: answer(i))
    head = widgets.HTML(_prompt(q, _number(qid)))
    static = _prompt(q, _number(qid)) + "<ol type='A'>" + "".join(
        f"<li>{_html.escape(o.text)}</li>" for o in q.options) + "</ol>"
    return QuizBox([head, *rows, feedback], f"Quiz question {qid}: click a letter (run the notebook to answer)",
                   static, buttons=buttons, feedback=feedback, question=q)


def numeric(qid, session=None):
    """A number answer checked against a computed key with a tolerance; typical wrong numbers get their own message."""
    q = quiz.get(qid)
    # continuous_update=False: the value (and so the check) changes on Enter or when the box loses focus
    text = widgets.Text(placeholder="your number, e.g. 0.25 or 1/4", continuous_update=False,
                        layout=widgets.Layout(width="220px"))
    button = widgets.Button(description="Check", button_style="primary")
    feedback = widgets.HTML()

    def check(_=None):
        fb = quiz.check(qid, text.value)
        feedback.value = _box(fb.message, GOOD if fb.correct else BAD)
        if session is not None and quiz.parse_number(text.value) is not None:
            session.record(qid, fb)

    button.on_click(check)
    text.observe(lambda _change: check() if text.value.strip() else None, names="value")
    head = widgets.HTML(_prompt(q, _number(qid)))
    return QuizBox([head, widgets.HBox([text, button]), feedback],
                   f"Quiz question {qid}: type a number and press Check (run the notebook to answer)",
                   _prompt(q, _number(qid)), text=text, button=button, feedback=feedback, question=q)


@plots.styled
def sketch(qid, session=None):
    """Sketch a curve from memory with one slider per x; Check scores it (RMSE -> stars) and reveals the truth."""
    q = quiz.get(qid)
    xs = np.asarray(q.xs, dtype=float)
    live = LiveFigure(600, 300)
    ax = live.axes[0]
    ax.set(xlim=(xs[0] - 0.5, xs[-1] + 0.5), ylim=nice_limits([q.y_min, q.y_max], step=0.25, pad=0.05),
           xlabel="x", ylabel=f"{activations.get(q.activation).label} {q.what}", title=q.prompt)
    ax.axhline(0, color="black", lw=0.8)
    grid = np.linspace(xs[0] - 0.5, xs[-1] + 0.5, 301)
    act = activations.get(q.activation)
    true_y = np.asarray((act if q.what == "value" else act.derivative)(grid), dtype=float)
    truth = live.moving(ax.plot(grid, true_y, color=plots.color(q.activation), lw=2.2, label="true curve")[0])
    truth.set_visible(False)
    mine = live.moving(ax.plot([], [], "o-", color=plots.MUTED, lw=1.5, ms=7, label="your sketch")[0])
    ax.legend(loc="upper left")
    sliders = {f"{x:g}": slider(f"y at x = {x:g}", 0.0 if q.y_min <= 0 <= q.y_max else q.y_min,
                                q.y_min, q.y_max, 0.01) for x in xs}
    button = widgets.Button(description="Check my sketch", button_style="primary")
    feedback = widgets.HTML()

    def ys():
        return np.array([s.value for s in sliders.values()])

    def redraw():
        mine.set_data(xs, ys())
        live.render()

    def check(_=None):
        fb = quiz.check(qid, ys())
        truth.set_visible(True)
        redraw()
        feedback.value = _box(fb.message, GOOD if fb.correct else BAD)
        if session is not None:
            session.record(qid, fb)

    on_change(sliders.values(), redraw)
    button.on_click(check)
    redraw()
    return LiveWidget([widgets.HTML(_prompt(q, _number(qid))), *sliders.values(), button, feedback, live.image], live,
                      f"Sketch task {qid}: drag the points, then Check (static picture below)",
                      sliders=sliders, readout=feedback, button=button, feedback=feedback, lines={"truth": truth, "mine": mine},
                      question=q)


def score_summary(session):
    """A live line 'n of N answered, score s / N' plus a per-question list, updated on every answer."""
    out = widgets.HTML()

    def update():
        points, answered, total, text = session.summary()
        items = "".join(
            f"<li>{_html.escape(qid)}: {'✓' if fb.correct else '✗'}"
            f"{' ' + '★' * fb.stars if fb.stars >= 0 else ''}</li>" for qid, fb in session.results.items())
        out.value = f"<b>{_html.escape(text)}</b><ul>{items}</ul>"

    session.listen(update)
    update()
    return QuizBox([out], "Quiz score summary (updates as you answer)", out.value, html=out)
