"""Notebook execution: each chapter on a fresh kernel against the floor (a one-cell notebook), and the whole nbval run."""

import datetime
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bench.common import record
from tools.execute import course_notebooks

REPO = Path(__file__).resolve().parents[1]
RACE = "05_training_race"


def execute_seconds(nb, path):
    """Wall seconds to run a notebook top to bottom on a fresh kernel (kernel start included), never written."""
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path)}},
                            store_widget_state=True, record_timing=True)
    t0 = time.perf_counter()
    client.execute()
    return time.perf_counter() - t0


def _stamp(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def cell_profile(nb, top=3):
    """Where an executed notebook's time went: its slowest code cells as 'cell N (first line) 0.42 s'."""
    costs = []
    for i, cell in enumerate(nb.cells):
        timing = cell.get("metadata", {}).get("execution", {})
        if cell.cell_type != "code" or "iopub.execute_input" not in timing:
            continue
        seconds = (_stamp(timing["shell.execute_reply"]) - _stamp(timing["iopub.execute_input"])).total_seconds()
        first = next((line for line in cell.source.splitlines() if line and not line.startswith("#")), "")
        costs.append((seconds, f"cell {i} ({first[:40]}) {seconds:.2f} s"))
    spent = sum(c for c, _ in costs)
    return spent, [text for _, text in sorted(costs, reverse=True)[:top]]


def floor_seconds(repeat=5):
    """The machine's floor: the fastest of `repeat` fresh kernels executing a one-cell notebook.

    The fastest, not the median: on this VM a kernel start now and then stalls for about 3 s (seen twice in three runs
    on 2026-12-04), and a stalled floor made every chapter look within 3x of it; a chapter that stalls only looks slower.
    """
    one_cell = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    return min(execute_seconds(nbformat.from_dict(one_cell), REPO) for _ in range(repeat))


def nbval_seconds(workers=None):
    """Wall seconds of nbval over every committed notebook, in one process or on `workers` (as make test runs it)."""
    paths = [str(p.relative_to(REPO)) for p in course_notebooks()]
    spread = ["-n", str(workers), "tests/test_parallel_groups.py::test_groups_are_files_and_three_browser_groups"] \
        if workers else []  # a tests/ path loads tests/conftest.py, which keeps each notebook whole
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", *spread, *paths],
                          cwd=REPO, capture_output=True, text=True)
    took = time.perf_counter() - t0
    return took, done.returncode, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def run():
    """Records: the floor, each chapter (target 3x floor, with its slowest cells; the race 30 s), and nbval (45 s)."""
    floor = floor_seconds()
    records = [record("notebook floor (fresh kernel, one cell)", floor, "s", target="reference")]
    for path in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(str(path), as_version=4)
        seconds = execute_seconds(nb, path.parent)
        spent, slowest = cell_profile(nb)
        note = (f"{seconds / floor:.1f}x floor; kernel start and messages {seconds - spent:.1f} s, cells {spent:.1f} s; "
                "slowest: " + "; ".join(slowest))
        if path.stem == RACE:
            records.append(record(f"execute {path.stem}", seconds, "s", baseline=floor, target="≤ 30 s",
                                  met=seconds <= 30, note=note))
        else:
            records.append(record(f"execute {path.stem}", seconds, "s", baseline=floor, target="≤ 3x floor",
                                  met=seconds <= 3 * floor, note=note))
    n = len(course_notebooks())
    took, code, last = nbval_seconds()
    records.append(record(f"nbval over all {n} notebooks, one process", took, "s", target="reference",
                          note=last))
    took2, code2, last2 = nbval_seconds(workers="auto")
    records.append(record(f"nbval over all {n} notebooks, one worker per CPU (as make test)", took2, "s",
                          baseline=took, target="≤ 45 s", met=took2 <= 45 and code2 == 0 and code == 0, note=last2))
    return records
