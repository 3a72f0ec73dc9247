"""CONTRIBUTING.md stays true: every file it names exists, and its layer table is the one the tests enforce."""

import re
from pathlib import Path

from test_layers import ALLOWED

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "CONTRIBUTING.md").read_text()
FILE_LIKE = re.compile(r"^[\w./<>-]+\.(py|ipynb|md|json|toml)$|^[\w.<>-]+/[\w./<>-]*$")


def named_files(text=TEXT):
    """Every backticked token that looks like a file or folder."""
    return sorted({t for t in re.findall(r"`([^`\s]+)`", text) if FILE_LIKE.match(t)})


def exists(token):
    """True if the path exists; a template ('ex0N_<name>.py') needs at least one match; a bare name, anywhere."""
    pattern = token.replace("0N", "0[0-9]").replace("<name>", "*").rstrip("/")
    if any(ROOT.glob(pattern)):
        return True
    return "/" not in pattern and any(p for folder in ("course_utils", "tools", "tests")
                                      for p in (ROOT / folder).rglob(pattern))


def test_every_file_a_checklist_names_exists():
    """Check that a newcomer following a checklist never looks for a file that is not there."""
    tokens = named_files()
    assert len(tokens) > 20
    assert [t for t in tokens if not exists(t)] == []


def test_a_missing_file_is_noticed():
    """Check that the file check above can fail: a made-up path is reported."""
    assert not exists("course_utils/facts/no_such_module.py") and not exists("ex0N_<name>_nowhere.py")


def test_layer_table_matches_the_enforced_layers():
    """Check that the table 'layer | may import' says exactly what tests/test_layers.py enforces."""
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", TEXT, re.M)
    table = {layer: set(re.findall(r"`(\w+)`", may)) | {layer} for layer, may in rows}
    assert table == ALLOWED
