"""make lab starts JupyterLab on the course: the command must point at files that exist."""

from pathlib import Path

from tools import lab


def test_lab_opens_an_existing_first_notebook():
    """Check that the notebook make lab opens exists and the server's root is the course."""
    cmd = lab.command()
    assert (lab.ROOT / lab.FIRST).is_file()
    assert lab.FIRST in cmd and f"--ServerApp.root_dir={lab.ROOT}" in cmd


def test_lab_makefile_target_runs_this_module():
    """Check that the Makefile's lab target is the module tested here (not a second copy of the command)."""
    makefile = (Path(lab.ROOT) / "Makefile").read_text()
    assert "-m tools.lab" in makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
