"""Every decimal number in a chapter's prose must come from a cell: its source or its output."""

import re

import nbformat
import pytest

from tools.execute import course_notebooks

# Not part of a longer dotted number (a version such as 3.10.2); a full stop after a number still ends a sentence.
DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+(?:e-?\d+)?(?!\w|\.\d)")


def _cell_text(nb):
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append(value if isinstance(value, str) else "".join(value))
    # A widget's readout is a cell's output too: its stored state keeps the text the cell computed.
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for model in state.values():
        parts.extend(str(v) for v in model.get("state", {}).values() if isinstance(v, str))
    return "\n".join(parts)


def _plain(number):
    # "0.250" in prose matches "0.25" in an output: compare the written digits without trailing zeros.
    return number.rstrip("0").rstrip(".") if "." in number and "e" not in number else number


def unbacked_numbers(nb):
    """Decimal numbers in markdown cells that no code cell's source or output contains."""
    code_text = _cell_text(nb)
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = re.sub(r"\$[^$]*\$", "", cell.source)  # formulas state constants, not results
        text = re.sub(r"\]\([^)]*\)", "]", text)       # link targets are not prose
        for number in DECIMAL.findall(text):
            if _plain(number) not in code_text and number not in code_text:
                found.append(number)
    return found


@pytest.mark.parametrize("path", [p for p in course_notebooks() if p.parent.name == "notebooks"],
                         ids=lambda p: p.name)
def test_every_decimal_in_prose_comes_from_a_cell(path):
    """Check that a number written in the text also appears in a code cell (so a cell computed it)."""
    assert unbacked_numbers(nbformat.read(str(path), as_version=4)) == []


def test_a_typed_number_is_caught():
    """Check that a number typed only in prose (like a copied source figure) is reported."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("The slope at 3 is 0.045, and 0.25 is the peak."),
        nbformat.v4.new_code_cell("print(0.25)"),
    ])
    assert unbacked_numbers(nb) == ["0.045"]


def test_a_number_ending_a_sentence_is_caught_and_a_version_is_not():
    """Check that a decimal before a full stop counts (it once slipped through) and that 3.10.2 is no decimal."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Each step keeps about 0.3. Use Python 3.10.2 or newer."),
        nbformat.v4.new_code_cell("print(1)"),
    ])
    assert unbacked_numbers(nb) == ["0.3"]


def test_a_widget_readout_backs_a_number():
    """Check that a number shown by a widget's stored readout counts as computed, and only that number."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Layer 1 gets 0.044. Peak 0.25.")])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"m1": {"state": {"value": "layer 1 gets <b>0.044</b>"}}}}}
    assert unbacked_numbers(nb) == ["0.25"]


def test_chapter_03_has_one_typical_size_for_tanh():
    """Pass 106 (r108 #5): ch03's made-up tanh slopes (1, 0.8, 0.6, 0.5, typical size 0.75) sat beside the bars' real
    0.724 and read as a second answer: the example is cut, and the bars' tanh size is the one the chapter shows."""
    from course_utils.ui.ch03_gradients import step_sizes
    nb = nbformat.read(str(next(p for p in course_notebooks() if p.name == "03_gradient_table.ipynb")), as_version=4)
    said = " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")
    assert "Say tanh's slopes are" not in said and "$1, 0.8, 0.6, 0.5$" not in said and "about $0.75$" not in said
    assert f"{step_sizes()[0]['tanh']:.3f}" == "0.724"

