"""make test runs on every CPU (pytest-xdist): each notebook's cells, each file and the browser tests stay whole."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LONG_FIRST, group_of

ROOT = Path(__file__).resolve().parent.parent


def test_groups_are_files_and_three_browser_groups():
    """Check that cells of one notebook share a group, files differ, and browser tests form three groups."""
    assert group_of("notebooks/00_start_here.ipynb::Cell 3") == group_of("notebooks/00_start_here.ipynb::Cell 9")
    assert group_of("notebooks/00_start_here.ipynb::Cell 3") != group_of("notebooks/01_collapse_proof.ipynb::Cell 3")
    assert group_of("tests/browser/test_live_race_in_lab.py::t") == group_of("tests/browser/test_live_rise.py::t")
    site = group_of("tests/browser/test_offline_site.py::test_every_slider_moves_its_picture_on_the_site[00_x]")
    decks = group_of("tests/browser/test_offline_decks.py::test_every_slider_moves_its_picture_in_the_deck[00_x]")
    assert site == group_of("tests/browser/test_offline_site.py::test_no_serious_accessibility_violation_on_the_site")
    assert decks == group_of("tests/browser/test_offline_decks.py::test_deck_renders_and_navigates_offline[00_x]")
    assert len({site, decks, group_of("tests/browser/test_live_rise.py::t")}) == 3
    assert group_of("tests/test_race.py::test_a") == "tests/test_race.py"
    assert all(g.startswith("browser-") or (ROOT / g).is_file() for g in LONG_FIRST), "a long group names a file that is gone"


def _notebook_whose_cells_need_each_other(path, value):
    """A three-cell notebook: the later cells read a variable the first one set, so a split kernel fails."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    cells = [new_code_cell(f"value = {value}"),
             new_code_cell("doubled = value * 2"),
             new_code_cell("print(doubled)", outputs=[new_output("stream", name="stdout", text=f"{value * 2}\n")])]
    for count, cell in enumerate(cells, 1):  # nbval skips nothing: each cell was run, in order
        cell.execution_count = count
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                  "language": "python"}})
    nbformat.write(notebook, str(path))


def test_two_workers_keep_each_notebook_in_one_kernel():
    """Check that two workers run two notebooks' cells, each notebook whole on one worker, and all pass.

    With pytest-xdist's plain scheduling the cells of one notebook split over workers, and a cell finds
    its variables missing (NameError): this is what tests/conftest.py prevents. The two notebooks are
    tiny ones written here (under build/, so the project's pytest settings apply), not chapters: the
    scheduling is what is tested, and a chapter's cells would only add minutes.
    """
    pytest.importorskip("xdist")  # a test extra: make test installs it
    import shutil
    import tempfile

    (ROOT / "build").mkdir(exist_ok=True)
    probe = Path(tempfile.mkdtemp(prefix="parallel-probe-", dir=ROOT / "build"))
    try:
        notebooks = []
        for name, value in (("first", 21), ("second", 5)):
            path = probe / f"{name}.ipynb"
            _notebook_whose_cells_need_each_other(path, value)
            notebooks.append(str(path.relative_to(ROOT)))
        cmd = [sys.executable, "-m", "pytest", "-n", "2", "-v", "--color=no",
               "tests/test_parallel_groups.py::test_groups_are_files_and_three_browser_groups", *notebooks]
        run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    workers = {}  # file -> the workers its tests ran on (nbval shows 'build/parallel-probe-x/first::ipynb::Cell 2')
    for worker, nodeid in re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED (\S+)", run.stdout):
        workers.setdefault(nodeid.split("::")[0].removesuffix(".ipynb"), set()).add(worker)
    assert {n.removesuffix(".ipynb") for n in notebooks} <= set(workers), run.stdout[-2000:]
    cells = sum(1 for _w, nodeid in re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED (\S+)", run.stdout) if "Cell" in nodeid)
    assert cells == 6, f"expected the 3 cells of each notebook to pass, saw {cells}: {run.stdout[-2000:]}"
    assert all(len(w) == 1 for w in workers.values()), f"a file ran on two workers: {workers}"
    assert len(set().union(*workers.values())) == 2, f"expected both workers busy: {workers}"
