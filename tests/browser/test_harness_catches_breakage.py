"""The browser checks can fail: a deliberately broken notebook trips each of them (errors, warnings, dead slider)."""

import nbformat
import pytest

pytestmark = pytest.mark.browser

CELLS = [
    "import warnings\nwarnings.warn('deliberate warning')",
    # A slider wired to nothing: its readout moves, no picture ever changes.
    "import ipywidgets as w\nw.VBox([w.FloatSlider(description='dead', value=0.5, min=0, max=1, step=0.1),"
    " w.Image(value=b'', format='png')])",
    "1 / 0",
    "print('never reached')",
]


def test_broken_notebook_is_caught(lab):
    rel = "selftest/broken.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src) for src in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    path = lab.server.serve / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    lab.last = None  # the page is about to show another notebook
    lab.page.open(rel)
    state = lab.page.run_all()
    problems = lab.page.output_problems()
    assert [(p["cell"], p["kind"]) for p in problems] == [(1, "stderr"), (3, "error")], problems
    assert "deliberate warning" in problems[0]["text"] and problems[1]["ename"] == "ZeroDivisionError", problems
    assert state["counts"][-1] is None, f"run-all should stop at the error: {state['counts']}"
    lab.page.wait_widget_views(1)
    sliders = lab.page.sliders()
    assert [s["label"] for s in sliders] == ["dead"], sliders
    _key, before, after = lab.page.move_slider(sliders[0]["index"], timeout=2_000)
    assert after["readout"] != before["readout"] and after["pictures"] == before["pictures"]
    # The exercises' mode runs on past an error: every cell gets a count, the error is still reported.
    state = lab.page.run_all(allow_errors=True)
    assert None not in state["counts"], state
    assert [p["kind"] for p in lab.page.output_problems()] == ["stderr", "error"]
