"""Session fixtures for the browser tests: one JupyterLab server, one Chromium, one page, and the run totals."""

import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

import browserlab
import offlinelab
from tools import export
from tools.execute import FOLDERS, course_notebooks

ROOT = browserlab.ROOT
SCREENSHOTS = ROOT / "build" / "screenshots"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

STATS = browserlab.STATS


def _why_not_runnable():
    """None when the browser tests can run here, else the reason."""
    if not browserlab.CHROMIUM.exists():
        return f"{browserlab.CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    return None


def _loud(reason):
    return f"BROWSER TESTS SKIPPED: {reason}. The notebooks were NOT checked in a real JupyterLab."


def pytest_collection_modifyitems(config, items):
    """Order the browser tests; skip them loudly without Chromium, except in CI (CI=true), where they fail."""
    here = Path(__file__).resolve().parent
    mine = [it for it in items if here in Path(str(it.path)).resolve().parents]
    # Two sync Playwright sessions cannot be open at once in one thread: tests that start their own
    # run first, before the shared session (the `lab` and `chromium` fixtures) starts.
    own = [it for it in mine if not {"lab", "chromium"} & set(it.fixturenames)]
    if own and len(own) < len(mine):
        rest = [it for it in items if it not in own]
        first = rest.index(next(it for it in rest if it in mine))
        items[:] = rest[:first] + own + rest[first:]
    reason = _why_not_runnable()
    if reason is None or os.environ.get("CI") == "true":
        return
    if mine:
        STATS["skipped"] = reason
        for it in mine:
            it.add_marker(pytest.mark.skip(reason=_loud(reason)))


def summary_lines():
    """The totals the issue asks for, as (title, lines), or None when no browser test ran."""
    if STATS["skipped"]:
        return "!", [_loud(STATS["skipped"])]
    if not STATS["notebooks"] and STATS["quiz"] is None:
        return None
    lines = [f"notebooks run in JupyterLab: {len(STATS['notebooks'])} ({', '.join(STATS['notebooks'])})",
             f"sliders moved with the keyboard: {STATS['sliders']} (picture change checked on {STATS['pictures']})"]
    if STATS["run_buttons"]:
        lines.append(f"  of which {STATS['run_buttons']} widget(s) redrew on their Run button, not on the slider")
    lines.append(f"quiz: {STATS['quiz'] or 'not run'}")
    lines.append(f"browser session time: {STATS['seconds']:.1f} s; screenshots in {SCREENSHOTS.relative_to(ROOT)}/")
    lines += [f"  {rel}: open {t['open']:.1f} s, run all {t['run']:.1f} s, screenshot {t['shot']:.1f} s"
              for rel, t in STATS["timings"].items()]
    return "browser tests (real JupyterLab in Chromium)", lines


def pytest_sessionfinish(session):
    """Under pytest-xdist, hand the totals to the controller (tests/conftest.py prints them)."""
    summary = summary_lines()
    if summary and hasattr(session.config, "workeroutput"):
        session.config.workeroutput["summary_lines"] = [summary]


def pytest_terminal_summary(terminalreporter):
    """The totals, or a banner when the browser tests were skipped (run without -n)."""
    summary = summary_lines()
    if summary is None:
        return
    title, lines = summary
    if title == "!":
        terminalreporter.write_sep("!", lines[0], red=True, bold=True)
        return
    terminalreporter.write_sep("=", title)
    for line in lines:
        terminalreporter.write_line(line)


class Run:
    """What one notebook's run-all left in the page."""

    def __init__(self, rel, state, problems, views, expected_views, console):
        self.rel, self.state, self.problems = rel, state, problems
        self.views, self.expected_views, self.console = views, expected_views, console


class Lab:
    """The session's server and page; `run(rel)` opens a notebook, runs all, screenshots (cached per path)."""

    def __init__(self, server, page):
        self.server, self.page, self.last = server, page, None
        self._broken = False

    def run(self, rel):
        if self.last is not None and self.last.rel == rel and self.page.path == rel:
            return self.last
        self.last = None
        try:
            t0 = time.monotonic()
            self.page.open(rel, reload=self._broken)
            t1 = time.monotonic()
            state = self.page.run_all(allow_errors=rel.startswith("exercises/"))
            expected = _stored_widget_views(ROOT / rel)
            views = self.page.wait_widget_views(expected)
            problems = self.page.output_problems()
            t2 = time.monotonic()
            self.page.screenshot(SCREENSHOTS / (rel.replace("/", "-").removesuffix(".ipynb") + ".png"))
            STATS["timings"][rel] = {"open": t1 - t0, "run": t2 - t1, "shot": time.monotonic() - t2}
        except Exception:
            self._broken = True  # reload Lab for the next notebook rather than inherit a broken page
            raise
        self._broken = False
        self._prestart_after(rel)
        self.last = Run(rel, state, problems, views, expected, self.page.console)
        if rel not in STATS["notebooks"]:
            STATS["notebooks"].append(rel)
        return self.last


    def _prestart_after(self, rel):
        """Warm up the next notebook's kernel while this one's widgets are tested (saves a kernel start each)."""
        order = self.server.notebooks
        if rel in order and order.index(rel) + 1 < len(order):
            try:
                self.server.prestart(order[order.index(rel) + 1])
            except OSError:
                pass  # an optimisation only: Lab starts the kernel itself when the notebook opens


def _checkpoints():
    return {p for folder in FOLDERS for p in (ROOT / folder).rglob(".ipynb_checkpoints")}


def _stored_widget_views(path):
    """Widget views in the committed notebook: each must also render in the browser."""
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if WIDGET_VIEW in o.get("data", {}))


@pytest.fixture(scope="session")
def chromium():
    """The session's one headless Debian Chromium (Playwright Browser); use it rather than a second Playwright."""
    reason = _why_not_runnable()
    if reason:  # only reached with CI=true: there the browser tests must run
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = browserlab.launch_browser(pw)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def lab(chromium):
    """A fresh `jupyter lab` on a copy of the course, a page on it in the session's Chromium; stopped at the end.

    At the end, neither the repository's notebooks nor the served copies may have been written.
    """
    t0 = time.monotonic()
    notebooks = course_notebooks()
    before = browserlab.file_digests(notebooks)
    checkpoints_before = _checkpoints()
    workdir = Path(tempfile.mkdtemp(prefix="course-browser-"))
    server = browserlab.LabServer(workdir, notebooks).start()
    copies = [server.serve / rel for rel in server.notebooks]
    copies_before = browserlab.file_digests(copies)
    try:
        page = browserlab.LabPage(chromium, server)
        try:
            yield Lab(server, page)
        finally:
            page.close()
    finally:
        server.stop()
        STATS["seconds"] = time.monotonic() - t0
        log = server.log_tail()
        copies_after = browserlab.file_digests(copies)
        shutil.rmtree(workdir, ignore_errors=True)
    assert server.proc.returncode is not None, "jupyter lab is still running"
    assert copies_after == copies_before, f"JupyterLab saved over the served notebooks (autosave?):\n{log}"
    # Only notebooks that existed at the start: other tools may add new ones during a long session.
    after = browserlab.file_digests([Path(p) for p in before])
    changed = [p for p in before if before[p] != after[p]]
    assert not changed, (f"repository notebooks changed during the browser tests: {changed} "
                         "(the server only saw copies, so unless another tool re-executed them, something wrote here)")
    new_checkpoints = _checkpoints() - checkpoints_before
    assert not new_checkpoints, f"checkpoints written into the repository: {new_checkpoints}"


@pytest.fixture(scope="module")
def offline_page(chromium):
    """A page in the session's Chromium with the network switched off, recording requests, failures and errors."""
    page, log = offlinelab.new_page(chromium)
    yield page, log
    page.context.close()


@pytest.fixture(scope="session")
def offline_export(tmp_path_factory):
    """build(kind): the site ('html') or the decks ('slides'), built once per worker exactly as make html / make slides.

    Under make test the site's and the decks' test files run on two workers at once (tests/conftest.py): each
    warms the chapters' offline runs from an opposite end, so the two share the work (export.offline_run runs a
    chapter once and the other worker reads its result).
    """
    if shutil.which("npm") is None and not (export.NPM_CACHE / "node_modules").exists():
        pytest.skip("npm is missing: cannot fetch reveal.js and MathJax for the offline exports")
    built, failed = {}, {}

    def build(kind):
        if kind in failed:   # once is enough: the next tests fail at once with the first error, not after a rebuild
            pytest.fail(f"building the offline {kind} failed earlier in this run: {failed[kind]!r}")
        if kind not in built:
            try:
                chapters = export.chapters()
                for nb_path in chapters if kind == "html" else chapters[::-1]:
                    export.offline_run(nb_path)
                builder = {"html": export.build_html, "slides": export.build_slides}[kind]
                built[kind] = builder(tmp_path_factory.mktemp(f"offline-{kind}") / kind)
            except Exception as error:
                failed[kind] = error
                raise
        return built[kind]

    return build
