"""The README is what a newcomer follows: its map, links and commands must be the real ones."""

import re
from pathlib import Path

from tools import navigation

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def test_course_map_is_fresh():
    """Check that the course map lists exactly the notebooks that exist (regenerate to fix)."""
    assert navigation.render_readme(README) == README


def test_course_map_names_every_chapter():
    """Check that every chapter notebook appears in the map, and nothing else does."""
    mapped = set(re.findall(r"\]\(notebooks/([^)]+\.ipynb)\)", README))
    on_disk = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert mapped == on_disk and on_disk


def test_every_local_link_exists():
    """Check that no link in the README points at a missing file."""
    links = [l for l in re.findall(r"\]\(([^)#]+)\)", README) if not re.match(r"\w+://", l)]
    missing = [l for l in links if not (ROOT / l).exists()]
    assert links and missing == []


def test_readme_make_commands_are_real_targets():
    """Check that every `make X` the README tells people to run is a target of the Makefile."""
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
    used = set(re.findall(r"\bmake ([a-z][\w-]*)", README))
    assert {"lab", "test"} <= used and used <= targets


def test_ci_runs_the_readme_test_command():
    """Check that CI runs exactly the command the README gives for testing."""
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.M) and "make test" in README
    assert re.search(r"^set -euo pipefail$", ci, re.M)   # a failing step fails the run
    for edge in ("test-floors", "test-newest"):
        assert re.search(rf"^make {edge}$", ci, re.M) and f"make {edge}" in README


def test_registry_points_each_activation_at_a_real_notebook():
    """Check that every record's introduced_in names a chapter notebook that exists."""
    from course_utils.facts import activations
    for name in activations.names():
        where = activations.get(name).introduced_in
        assert (ROOT / "notebooks" / f"{where}.ipynb").exists(), (name, where)
