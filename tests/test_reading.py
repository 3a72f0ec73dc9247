"""The chapters read like ELI5 (issue 15's measures), counted by tools/chapter_metrics.py for every rewritten chapter."""

import json
import re
from pathlib import Path

import pytest

from tools.chapter_metrics import boxed_prose, metrics, prose, words

ROOT = Path(__file__).resolve().parents[1]
REWRITTEN = ["00_start_here", "01_collapse_proof", "02_four_bends", "03_gradient_table", "04_activation_zoo",
             "05_training_race", "06_decision_list", "07_recall_quiz"]
AUDIT_WORDS = re.compile(r"ELI5 chapter|blog post|the source says|the sources? (?:says|claims)|fact check|DIFFERS", re.I)


def _nb(stem):
    return json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text())


def _text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.mark.parametrize("stem", REWRITTEN)
def test_short_sentences_and_a_prediction_before_every_widget(stem):
    """Check a mean of 10 words per sentence or less, and a **Predict:** question before each widget."""
    m = metrics(ROOT / "notebooks" / f"{stem}.ipynb")
    assert m["words"] <= 10 * m["sentences"], m   # the exact mean: the printed one is rounded (10.03 showed as 10.0)
    # the boxes ("> ...") are read too: the mean over everything a learner reads stays at 10 or less
    assert m["words"] + m["boxed_words"] <= 10 * (m["sentences"] + m["boxed_sentences"]), m
    assert m["widgets_with_prediction"] == m["widgets"]
    assert m["fact_check_cells"] == 0 and m["longest_visible_code_cell"] <= 15


@pytest.mark.parametrize("stem", REWRITTEN)
def test_no_audit_of_documents_the_learner_never_read(stem):
    """Check the chapter never mentions the source documents or audits them (the appendix does)."""
    said = [_text(c) for c in _nb(stem)["cells"]]
    assert [s[:80] for s in said if AUDIT_WORDS.search(s)] == []


@pytest.mark.parametrize("stem", REWRITTEN)
def test_the_chapter_ends_with_what_to_remember_and_a_sketch(stem):
    """Check the closing: "What to remember", a sketch-from-memory prompt, and the exercise link where one exists."""
    text = "\n".join(_text(c) for c in _nb(stem)["cells"] if c["cell_type"] == "markdown")
    assert "What to remember" in text and re.search(r"sketch", text, re.I)
    if (ROOT / "exercises" / f"{stem}.ipynb").exists():
        assert f"exercises/{stem}.ipynb" in text


def test_the_sentence_counter_counts():
    """Check the measure itself: sentences split at full stops and list items; code, math and headings left out."""
    text = "# A heading\nOne two three. Four five!\n\n- six seven\n\nSee `x = 1` and $y = 2$ here."
    assert [words(s) for s in prose(text)] == [3, 2, 2, 3]
    # a sentence that ends inside bold still ends (it was one long sentence with the next)
    assert [words(s) for s in prose("**Only your first answer counts.** Then read why.")] == [5, 3]


def test_the_box_counter_counts_what_prose_leaves_out():
    """Check blockquote boxes: prose() skips them, boxed_prose() counts their sentences, nested marks and all."""
    text = "Plain one two.\n\n> **Box.** Three four five.\n> > Six seven.\n\n| a | b |"
    assert [words(s) for s in prose(text)] == [3]
    assert [words(s) for s in boxed_prose(text)] == [1, 3, 2]

