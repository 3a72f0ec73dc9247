"""The course's small RISE extension (course-rise-widgets) ships whole and is installed where JupyterLab looks.

Its behaviour in a browser is checked by tests/browser/test_rise_extension_js.py and test_live_rise.py.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_path
from jupyterlab_server.config import get_federated_extensions

ROOT = Path(__file__).resolve().parent.parent
NAME = "course-rise-widgets"
SOURCE = ROOT / "course_utils" / "labextension" / NAME
INSTALLED = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / NAME


def _package():
    return json.loads((SOURCE / "package.json").read_text())


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_package_json_points_at_a_remote_entry_that_exists():
    """Check that package.json names the folder's extension and loads a file that is there, and only that file."""
    pkg = _package()
    build = pkg["jupyterlab"]["_build"]
    assert pkg["name"] == NAME and pkg["jupyterlab"]["extension"] is True
    assert build["extension"] == "./extension"
    assert (SOURCE / build["load"]).is_file()
    assert [p.name for p in (SOURCE / "static").iterdir()] == [Path(build["load"]).name]


def test_remote_entry_file_name_carries_its_hash():
    """Check that the remote entry's name holds its content hash, so browsers never run a cached older copy."""
    entry = SOURCE / _package()["jupyterlab"]["_build"]["load"]
    digest = hashlib.sha256(entry.read_bytes()).hexdigest()[:20]
    assert entry.name == f"remoteEntry.{digest}.js", f"rename it remoteEntry.{digest}.js and update package.json"


def test_remote_entry_registers_under_the_package_name():
    """Check that the script registers itself as window._JUPYTERLAB[<package name>], where the loaders look."""
    js = (SOURCE / _package()["jupyterlab"]["_build"]["load"]).read_text()
    assert re.search(r'var NAME = "([^"]+)";', js).group(1) == NAME
    assert "window._JUPYTERLAB[NAME] = {" in js


def test_installed_in_the_environment_as_shipped():
    """Check that the environment's share/jupyter/labextensions holds exactly the repository's files."""
    assert INSTALLED.is_dir(), f"{INSTALLED} is missing: reinstall the course (pip install -e .)"
    assert _files(INSTALLED) == _files(SOURCE), (
        f"{INSTALLED} differs from {SOURCE.relative_to(ROOT)}: reinstall the course (pip install -e .)")


def test_jupyterlab_finds_it_as_installed_by_the_course():
    """Check that JupyterLab's own lookup (the one RISE's page uses too) lists the extension from this package."""
    found = get_federated_extensions(jupyter_path("labextensions"))
    assert NAME in found, sorted(found)
    assert found[NAME]["jupyterlab"]["_build"] == _package()["jupyterlab"]["_build"]
    assert found[NAME]["install"]["packageName"] == "course-utils"
