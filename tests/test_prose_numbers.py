"""Every decimal number in a chapter's prose must come from a cell: its source or its output."""

import re

import nbformat
import pytest

from tools.execute import course_notebooks

DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+(?:e-?\d+)?(?![\w.])")


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
