"""Spaced review for self-study (07_recall_quiz): the learner's answers in a small JSON file, Leitner boxes.

Where the file lives: $COURSE_PROGRESS_FILE if set (":memory:" keeps nothing on disk); else, while the
notebook is executed for the repository (tools.execute, nbval, pytest), an empty in-memory store, so no
developer's answers reach committed outputs; else <jupyter data dir>/activation-course/progress.json.
A file that cannot be read is kept aside (progress.json.corrupt-N) and a fresh one started, with a message.
"""

import json
import os
import secrets
import time
from pathlib import Path

from course_utils.facts import quiz

ENV = "COURSE_PROGRESS_FILE"
MEMORY = ":memory:"
BOXES = 5
DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 14}   # days before a question in box k comes back
MISSED_DAYS = 1                            # a missed card (box 1) comes back at once, but moves up only this long after the miss
MASTERED = 3                               # box 3 or higher: answered right at least twice in a row
DAY = 86400.0


def default_path():
    from jupyter_core.paths import jupyter_data_dir
    return Path(jupyter_data_dir()) / "activation-course" / "progress.json"


def building():
    """True while the notebook is executed for the repository (tools.execute, nbval, pytest) with no file chosen:
    the committed outputs then come from an empty in-memory store."""
    return os.environ.get(ENV) is None and bool(os.environ.get("COURSE_EXECUTING") or os.environ.get("PYTEST_CURRENT_TEST"))


def where():
    """The progress file's path, or None for an in-memory store."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return None if chosen in ("", MEMORY) else Path(chosen).expanduser()
    if building():
        return None
    return default_path()


class Store:
    """One learner's answers: {qid: {"box", "seen", "right", "wrong"}}, saved after every answer."""

    def __init__(self, path=None, now=time.time):
        self.path, self.now, self.message = path, now, ""
        self.data = {"version": 1, "learner": "demo" if path is None else secrets.token_hex(4), "answers": {}}
        if path is not None:
            self._load()

    @classmethod
    def open(cls, now=time.time):
        return cls(where(), now)

    def _load(self):
        if not self.path.exists():
            self.message = f"A new progress file will be kept at {self.path}."
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not (isinstance(data, dict) and isinstance(data.get("answers"), dict) and isinstance(data.get("learner"), str)
                    and all(isinstance(v, dict) and isinstance(v.get("box"), int) for v in data["answers"].values())):
                raise ValueError("not a progress file")
        except (OSError, ValueError, UnicodeDecodeError) as err:
            aside = self._keep_aside()
            self.message = (f"Your progress file could not be read ({type(err).__name__}). It is kept, untouched, "
                            f"as {aside.name} next to it. Nothing was deleted. A fresh one is kept at {self.path}.")
            return
        self.data = data
        self.message = f"Your answers are saved in {self.path}."

    def _keep_aside(self):
        k = 1
        while (aside := self.path.with_name(f"{self.path.name}.corrupt-{k}")).exists():
            k += 1
        self.path.replace(aside)
        return aside

    def save(self):
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)

    @property
    def learner(self):
        return self.data["learner"]

    @property
    def answers(self):
        return self.data["answers"]

    def waiting(self, qid):
        """True while a card answered right sits out its box's wait (box 2 or higher, wait not over)."""
        a = self.answers.get(qid)
        return a is not None and a["box"] >= 2 and self.now() - a["seen"] < DAYS[a["box"]] * DAY

    def just_missed(self, qid):
        """True for a card missed less than a day ago: its miss showed the key, so a right answer now is rereading."""
        a = self.answers.get(qid)
        return a is not None and a["box"] == 1 and self.now() - a["seen"] < MISSED_DAYS * DAY

    def record(self, qid, correct):
        """Right: one box up (at most 5; a new card lands in box 2), but only once the card's wait is over: a right
        answer given again before it comes back keeps it in its box and its wait. A right answer within a day of a
        miss (after its key was in view) keeps the card in box 1, the miss's clock running. Wrong: back to box 1.
        Saved at once."""
        a = self.answers.setdefault(qid, {"box": 0, "seen": 0.0, "right": 0, "wrong": 0})
        if correct and (self.waiting(qid) or self.just_missed(qid)):
            a["right"] += 1
            self.save()
            return
        a["right" if correct else "wrong"] += 1
        a["box"] = min(max(a["box"], 1) + 1, BOXES) if correct else 1   # a first right answer skips box 1 (the missed box)
        a["seen"] = float(self.now())
        self.save()

    def due(self, limit=5, ids=None):
        """Questions to re-ask now: missed ones first, then never seen, then those whose wait is over."""
        ids = quiz.ids() if ids is None else ids
        now = self.now()
        missed, unseen, waited = [], [], []
        for qid in ids:
            a = self.answers.get(qid)
            if a is None or a["box"] == 0:
                unseen.append(qid)
            elif a["box"] == 1:
                missed.append(qid)
            elif now - a["seen"] >= DAYS[a["box"]] * DAY:
                waited.append(qid)
        return (missed + unseen + waited)[:limit]

    def mastery(self):
        """{chapter: (mastered, seen, total)} over the recall bank."""
        out = {}
        for ch in quiz.CHAPTERS:
            qs = [q.id for q in quiz.by_chapter(ch)]
            boxes = [self.answers[q]["box"] for q in qs if q in self.answers and self.answers[q]["box"] > 0]
            out[ch] = (sum(b >= MASTERED for b in boxes), len(boxes), len(qs))
        return out

    def missed(self):
        """{chapter: how many of its questions sit in box 1}: missed at the last answer."""
        return {ch: sum(self.answers.get(q.id, {}).get("box") == 1 for q in quiz.by_chapter(ch)) for ch in quiz.CHAPTERS}
