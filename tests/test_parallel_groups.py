"""make test runs on every CPU (pytest-xdist): each notebook's cells, each file and the browser tests stay whole."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LONG_FIRST, group_of

ROOT = Path(__file__).resolve().parent.parent


def test_groups_are_files_and_one_browser_group():
    """Check that cells of one notebook share a group, files differ, and browser tests form two groups."""
    assert group_of("notebooks/00_start_here.ipynb::Cell 3") == group_of("notebooks/00_start_here.ipynb::Cell 9")
    assert group_of("notebooks/00_start_here.ipynb::Cell 3") != group_of("notebooks/01_collapse_proof.ipynb::Cell 3")
    assert group_of("tests/browser/test_live_race_in_lab.py::t") == group_of("tests/browser/test_live_rise.py::t")
    assert group_of("tests/browser/test_offline_live.py::t[a]") == group_of("tests/browser/test_offline_decks.py::t")
    assert group_of("tests/browser/test_offline_live.py::t[a]") != group_of("tests/browser/test_live_rise.py::t")
    assert group_of("tests/test_race.py::test_a") == "tests/test_race.py"
    assert all(g.startswith("browser-") or (ROOT / g).is_file() for g in LONG_FIRST), "a long group names a file that is gone"


def test_two_workers_keep_each_notebook_in_one_kernel(tmp_path):
    """Check that two workers run two notebooks' cells, each notebook whole on one worker, and all pass.

    With pytest-xdist's plain scheduling the cells of one notebook split over workers, and a cell finds
    its variables missing (NameError): this is what tests/conftest.py prevents.
    """
    pytest.importorskip("xdist")  # a test extra: make test installs it
    notebooks = ["solutions/01_collapse_proof.ipynb", "exercises/01_collapse_proof.ipynb"]
    cmd = [sys.executable, "-m", "pytest", "-n", "2", "-v", "--color=no",
           "tests/test_parallel_groups.py::test_groups_are_files_and_one_browser_group", *notebooks]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    workers = {}  # file -> the workers its tests ran on (nbval shows 'solutions/01_collapse_proof::ipynb::Cell 2')
    for worker, nodeid in re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED (\S+)", run.stdout):
        workers.setdefault(nodeid.split("::")[0].removesuffix(".ipynb"), set()).add(worker)
    assert {n.removesuffix(".ipynb") for n in notebooks} <= set(workers), run.stdout[-2000:]
    assert all(len(w) == 1 for w in workers.values()), f"a file ran on two workers: {workers}"
    assert len(set().union(*workers.values())) == 2, f"expected both workers busy: {workers}"
