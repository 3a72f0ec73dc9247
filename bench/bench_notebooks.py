"""Notebook execution: each chapter on a fresh kernel against the floor (a one-cell notebook), and the whole nbval run."""

import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bench.common import median, record
from tools.execute import course_notebooks

REPO = Path(__file__).resolve().parents[1]
RACE = "05_training_race"


def execute_seconds(nb, path):
    """Wall seconds to run a notebook top to bottom on a fresh kernel (kernel start included), never written."""
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path)}},
                            store_widget_state=True, record_timing=False)
    t0 = time.perf_counter()
    client.execute()
    return time.perf_counter() - t0


def floor_seconds(repeat=3):
    """The machine's floor: a fresh kernel executing a one-cell notebook."""
    one_cell = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    return median([execute_seconds(nbformat.from_dict(one_cell), REPO) for _ in range(repeat)])


def nbval_seconds():
    """Wall seconds of nbval over every committed notebook (what make test spends on them)."""
    paths = [str(p.relative_to(REPO)) for p in course_notebooks()]
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", *paths],
                          cwd=REPO, capture_output=True, text=True)
    took = time.perf_counter() - t0
    return took, done.returncode, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def run():
    """Records: the floor, each chapter (target 3x floor; the race 30 s), and the whole nbval run (target 60 s)."""
    floor = floor_seconds()
    records = [record("notebook floor (fresh kernel, one cell)", floor, "s", target="reference")]
    for path in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        seconds = execute_seconds(nbformat.read(str(path), as_version=4), path.parent)
        if path.stem == RACE:
            records.append(record(f"execute {path.stem}", seconds, "s", baseline=floor, target="≤ 30 s",
                                  met=seconds <= 30, note=f"{seconds / floor:.1f}x floor"))
        else:
            records.append(record(f"execute {path.stem}", seconds, "s", baseline=floor, target="≤ 3x floor",
                                  met=seconds <= 3 * floor, note=f"{seconds / floor:.1f}x floor"))
    took, code, last = nbval_seconds()
    records.append(record(f"nbval over all {len(course_notebooks())} notebooks", took, "s", target="≤ 60 s",
                          met=took <= 60 and code == 0, note=last))
    return records
