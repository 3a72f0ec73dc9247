"""The offline exports' chapter runs: cached, and run once when two processes (make test's workers) want one."""

import sys
import threading

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tools import export


def _counting_notebook(folder):
    """A one-cell notebook that adds a mark to runs.txt each time it is executed."""
    path = folder / "counting.ipynb"
    cell = new_code_cell("with open('runs.txt', 'a') as f:\n    f.write('run\\n')\nprint('done')")
    nbformat.write(new_notebook(cells=[cell], metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                        "display_name": "Python 3"}}), str(path))
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="the exports' lock is flock, POSIX only (make test's workers)")
def test_two_callers_at_once_run_the_chapter_once_and_both_get_it(tmp_path, monkeypatch):
    """Check that two simultaneous offline_run calls execute the notebook once; the second reads the first's result."""
    monkeypatch.setattr(export, "OFFLINE_RUNS", tmp_path / "runs")
    path = _counting_notebook(tmp_path)
    results, errors = [], []

    def build():
        try:
            results.append(export.offline_run(path, timeout=120))
        except Exception as error:  # surfaced by the assert below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert (tmp_path / "runs.txt").read_text() == "run\n", "the notebook was executed more than once"
    assert [r.cells[0].outputs[0]["text"] for r in results] == ["done\n", "done\n"]


def test_a_changed_notebook_runs_again(tmp_path, monkeypatch):
    """Check that the cache is keyed on the notebook: editing it makes the next call execute it again."""
    monkeypatch.setattr(export, "OFFLINE_RUNS", tmp_path / "runs")
    path = _counting_notebook(tmp_path)
    export.offline_run(path, timeout=120)
    export.offline_run(path, timeout=120)
    nb = nbformat.read(str(path), as_version=4)
    nb.cells.append(new_code_cell("1 + 1"))
    nbformat.write(nb, str(path))
    export.offline_run(path, timeout=120)
    assert (tmp_path / "runs.txt").read_text() == "run\nrun\n"
