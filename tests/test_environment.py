"""environment.yml (conda, Binder) and pyproject.toml must name the same dependencies with the same ranges."""

import re
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _split(spec):
    name, rest = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec).groups()
    return name.lower().replace("_", "-"), rest.replace(" ", "")


def _pyproject_deps():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return dict(_split(d) for d in meta["dependencies"])


def _environment_deps():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = {}
    for item in env["dependencies"]:
        entries = item["pip"] if isinstance(item, dict) else [item]
        for spec in entries:
            if spec.startswith("-e") or spec.split(">")[0].split("=")[0] in ("python", "pip"):
                continue
            name, rng = _split(spec)
            deps[name] = rng
    return deps


def test_environment_names_every_pyproject_dependency_with_the_same_range():
    """Check that both files list exactly the same packages and version ranges."""
    assert _environment_deps() == _pyproject_deps()


def test_environment_installs_the_project_itself():
    """Check that conda users get course_utils installed editable, like make lab does."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_lists = [item["pip"] for item in env["dependencies"] if isinstance(item, dict)]
    assert any("-e ." in entries for entries in pip_lists)


def test_python_floor_agrees():
    """Check that the minimum Python is the same in both files."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    py = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert py == ["python" + meta["requires-python"]]
