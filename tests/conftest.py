"""Keep together what must run in one process when `make test` spreads the suite over CPUs (pytest-xdist).

`make test` runs `pytest -n auto`; the scheduler below sends each group to one worker, whole:
- a notebook's nbval cells share one kernel, in order: one group per notebook;
- the browser tests in JupyterLab share one server and one Chromium (session fixtures): one group;
  the offline site's and decks' tests are a file each, on two workers sharing the chapters' runs (build/offline);
- a test module's tests may share a module fixture (a trained race, a graded class): one group per module.
Groups start longest first (LONG_FIRST), so the last minutes are short groups on both workers.
(pytest-xdist's own --dist loadgroup cannot do this on pytest 9.2: it renames node ids through an attribute
pytest no longer reads, so its groups silently split.) Without -n nothing here changes anything.
"""

import pytest

# Measured on 2 cores (bench/REPORT.md): these start first so that no worker is left with a long group at
# the end. Anything not listed is short and fills the gaps, in collection order.
LONG_FIRST = (
    "tests/browser/test_offline_decks.py",
    "tests/browser/test_offline_site.py",
    "browser-lab",
    "tests/test_portable_outputs.py",
    "tests/test_grading_class.py",
    "tests/test_nbgrader_compat.py",
)


def group_of(nodeid):
    """The group a test must run in: its file, except the browser tests in JupyterLab, which form one group.

    The offline site's and decks' files are two groups of their own, so they run on two workers and share the
    chapters' offline runs (tests/browser/conftest.py).
    """
    path = nodeid.split("::", 1)[0]
    if path.startswith("tests/browser/") and not path.startswith("tests/browser/test_offline_"):
        return "browser-lab"
    return path


def _rank(nodeid):
    group = group_of(nodeid)
    return LONG_FIRST.index(group) if group in LONG_FIRST else len(LONG_FIRST)


def pytest_collection_modifyitems(config, items):
    """On an xdist worker: long groups first (a stable sort keeps the order inside each group)."""
    if hasattr(config, "workerinput"):  # set by pytest-xdist on its workers only
        items.sort(key=lambda item: _rank(item.nodeid))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """On the controller: whole groups to one worker each, in the workers' (long-first) order."""
    from xdist.scheduler import LoadScopeScheduling

    class WholeGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return group_of(nodeid)

    config.option.loadscopereorder = False  # keep the long-first order rather than sort by test count
    return WholeGroups(config, log)


_SUMMARY = pytest.StashKey[list]()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """On the controller: keep the summary lines a worker left (the browser totals), to print them once."""
    lines = getattr(node, "workeroutput", {}).get("summary_lines")
    if lines:
        node.config.stash.setdefault(_SUMMARY, []).extend(lines)


def pytest_terminal_summary(terminalreporter, config):
    """Print what the workers reported (run without -n, the browser tests print their own totals)."""
    for title, lines in config.stash.get(_SUMMARY, []):
        if title == "!":  # a loud banner: the browser tests were skipped
            terminalreporter.write_sep("!", lines[0], red=True, bold=True)
            continue
        terminalreporter.write_sep("=", title)
        for line in lines:
            terminalreporter.write_line(line)
