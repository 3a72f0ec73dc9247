"""Every committed notebook comes from one clean top-to-bottom run, so nbval really checks it."""

import copy

import nbformat
import pytest

from tools import hygiene
from tools.execute import course_notebooks

NOTEBOOKS = course_notebooks()


def test_there_are_notebooks_to_check():
    """Check that the course has notebooks at all (a glob that finds nothing would pass everything)."""
    assert any(p.name == "00_start_here.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_is_clean(path):
    """Check one notebook: valid, run 1..n, no errors or warnings, nothing machine-specific, slides, widget state."""
    assert hygiene.problems(path) == []


def _first_notebook():
    return nbformat.read(str(NOTEBOOKS[0]), as_version=4)


def test_cleared_outputs_are_caught():
    """Check that a notebook committed with cleared outputs fails the execution check."""
    nb = _first_notebook()
    for cell in hygiene.code_cells(nb):
        cell.outputs, cell.execution_count = [], None
    assert hygiene.execution_problems(nb)


def test_out_of_order_run_is_caught():
    """Check that execution counts with a gap (a cell re-run by hand) are caught."""
    nb = _first_notebook()
    hygiene.code_cells(nb)[-1].execution_count += 5
    assert hygiene.execution_problems(nb)


def test_error_and_warning_outputs_are_caught():
    """Check that stored errors and stderr warnings are caught, and only exercises may show NotImplementedError."""
    nb = _first_notebook()
    cell = hygiene.code_cells(nb)[0]
    cell.outputs = [nbformat.v4.new_output("error", ename="NotImplementedError", evalue="", traceback=[])]
    assert hygiene.output_problems(nb) and not hygiene.output_problems(nb, allow_not_implemented=True)
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="RuntimeWarning: overflow")]
    assert hygiene.output_problems(nb, allow_not_implemented=True)


@pytest.mark.parametrize("leak", ["/work/main/notebooks", "<object at 0x7f3a2b1c9d00>", "2026-11-22T08:01:02"])
def test_machine_specific_text_is_caught(leak):
    """Check that paths, addresses and timestamps in outputs are caught."""
    nb = _first_notebook()
    hygiene.code_cells(nb)[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text=leak)]
    assert hygiene.machine_problems(nb)


def test_missing_slide_metadata_is_caught():
    """Check that a cell without slide metadata is caught."""
    nb = copy.deepcopy(_first_notebook())
    nb.cells[0].metadata.pop("slideshow", None)
    assert hygiene.slide_problems(nb)
