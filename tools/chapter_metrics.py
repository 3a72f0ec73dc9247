"""How a chapter reads, counted: words per sentence, code before the first picture, predictions before widgets.

    python -m tools.chapter_metrics notebooks/01_collapse_proof.ipynb ...

Prose is the markdown outside headings, tables, code and math. A widget is a code cell whose output
holds an ipywidgets view; it counts as predicted when the last markdown cell before it asks a
question in a line that starts with "**Predict" (the course's convention).
"""

import json
import re
import sys
from pathlib import Path

WIDGET = "application/vnd.jupyter.widget-view+json"
PICTURE = ("image/png", "image/svg+xml", WIDGET)
_CODE = re.compile(r"```.*?```|`[^`]*`", re.S)
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
# A sentence may end inside bold, italics, quotes or brackets: "**Only your first answer counts.** Then ..."
_SENTENCE_END = re.compile(r"(?<=[.!?])[*_)\"”’]*\s+|\n\s*\n|\n\s*[-*]\s+|\n\s*\d+\.\s+")


def _source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def prose(markdown):
    """The sentences a learner reads in one markdown cell (no headings, tables, code, math or link targets)."""
    text = _LINK.sub(r"\1", _TAG.sub(" ", _MATH.sub(" ", _CODE.sub(" ", markdown))))
    kept = [line for line in text.splitlines() if not line.lstrip().startswith(("#", "|", ">"))]
    parts = _SENTENCE_END.split("\n".join(kept))
    return [p.strip() for p in parts if re.search(r"[A-Za-z]{2}", p or "")]


def boxed_prose(markdown):
    """The sentences of the cell's boxes (blockquote lines, "> ..."), which prose() leaves out but a learner reads."""
    text = _LINK.sub(r"\1", _TAG.sub(" ", _MATH.sub(" ", _CODE.sub(" ", markdown))))
    boxed = [re.sub(r"^\s*(?:>\s?)+", "", line) for line in text.splitlines() if line.lstrip().startswith(">")]
    parts = _SENTENCE_END.split("\n".join(line for line in boxed if not line.lstrip().startswith(("#", "|"))))
    return [p.strip() for p in parts if re.search(r"[A-Za-z]{2}", p or "")]


def words(sentence):
    return len(re.findall(r"[A-Za-z0-9][\w'’-]*", sentence))


def _hidden(cell):
    return cell.get("metadata", {}).get("jupyter", {}).get("source_hidden", False)


def _shows(cell, kinds):
    return any(kind in out.get("data", {}) for out in cell.get("outputs", []) for kind in kinds)


def metrics(path):
    """The chapter's reading figures as a dict."""
    nb = json.loads(Path(path).read_text())
    cells = nb["cells"]
    sentences = [s for c in cells if c["cell_type"] == "markdown" for s in prose(_source(c))]
    counts = [words(s) for s in sentences]
    # Boxes are counted apart so the word caps keep their meaning, and together in the mean a learner meets.
    boxed = [words(s) for c in cells if c["cell_type"] == "markdown" for s in boxed_prose(_source(c))]
    code_before, seen_picture = 0, False
    widgets = predicted = audits = 0
    longest = 0
    last_markdown = ""
    for c in cells:
        src = _source(c)
        if c["cell_type"] == "markdown":
            last_markdown = src
            continue
        visible = 0 if _hidden(c) else len(src.strip().splitlines())
        longest = max(longest, visible)
        if not seen_picture:
            if _shows(c, PICTURE):
                seen_picture = True
            else:
                code_before += visible
        if "fact_check(" in src:
            audits += 1
        if _shows(c, (WIDGET,)):
            widgets += 1
            if re.search(r"^\s*\*\*(?:Predict|Recall).*\?", last_markdown, re.M | re.S):
                predicted += 1
    return {"notebook": Path(path).name, "sentences": len(counts), "words": sum(counts),
            "words_per_sentence": round(sum(counts) / max(len(counts), 1), 1),
            "boxed_sentences": len(boxed), "boxed_words": sum(boxed),
            "words_per_sentence_with_boxes": round((sum(counts) + sum(boxed)) / max(len(counts) + len(boxed), 1), 1),
            "code_lines_before_first_picture": code_before, "longest_visible_code_cell": longest,
            "widgets": widgets, "widgets_with_prediction": predicted, "fact_check_cells": audits}


def main(paths):
    for p in paths:
        print(json.dumps(metrics(p)))


if __name__ == "__main__":
    main(sys.argv[1:])
