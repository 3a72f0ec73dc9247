"""Drive a fresh JupyterLab in Debian's Chromium: server, browser, and one notebook page (browser tests, bench)."""

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# Debian's Chromium; COURSE_CHROMIUM points elsewhere (e.g. to check the skip and CI-failure paths).
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parents[2]
# Flags that keep Chromium quiet and offline on a headless machine (see notes/jupyter-testing.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1280, "height": 900}

# Lab user settings for a test run. Each one removes a way the run could write, wait or be covered.
USER_SETTINGS = {
    # Lab marks a notebook modified on open; autosave would then write outputs back.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # The news/update toast covers the page even without a news URL.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False,
                                                    "doNotDisturbMode": True},
    # Windowed notebooks drop off-screen cells from the DOM: every output and slider must be in the page.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}

# Console messages that are harmless noise, each with why. Matched with re.search on the text.
# None so far: JupyterLab 4.6 with ipywidgets 8.1 logged no console error on any course notebook here.
# Add (pattern, reason) pairs only for noise that is proven harmless, never to silence a real failure.
HARMLESS_CONSOLE = []


# Totals printed at the end of a pytest session (conftest's pytest_terminal_summary).
STATS = {"notebooks": [], "sliders": 0, "pictures": 0, "run_buttons": 0, "quiz": None, "seconds": 0.0,
         "skipped": None, "timings": {}}


def notebook_ids():
    """Repository-relative paths of the course notebooks present now (collection time)."""
    from tools.execute import course_notebooks
    return [p.relative_to(ROOT).as_posix() for p in course_notebooks()]


def file_digests(paths):
    """{path: (mtime_ns, sha256)} of files, to prove a run never wrote them."""
    return {str(p): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()) for p in paths}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """A `jupyter lab` on 127.0.0.1 serving a copy of the course, with isolated config and settings."""

    def __init__(self, workdir, notebooks, root=ROOT):
        self.workdir = Path(workdir)
        self.serve = self.workdir / "course"
        self.notebooks = []
        for nb in notebooks:
            rel = Path(nb).resolve().relative_to(root)
            (self.serve / rel.parent).mkdir(parents=True, exist_ok=True)
            shutil.copy2(nb, self.serve / rel)
            self.notebooks.append(rel.as_posix())
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.workdir / "jupyter-lab.log"
        self.proc = None
        self.progress_file = Path(workdir) / "progress.json"

    def _env(self):
        env = dict(os.environ)
        # the quiz's spaced-review store: a scratch file per server, never the tester's own answers
        env["COURSE_PROGRESS_FILE"] = str(self.progress_file)
        dirs = {k: self.workdir / k.lower() for k in ("JUPYTER_CONFIG_DIR", "JUPYTERLAB_SETTINGS_DIR",
                                                       "JUPYTERLAB_WORKSPACES_DIR", "JUPYTER_RUNTIME_DIR")}
        for key, d in dirs.items():
            d.mkdir(parents=True, exist_ok=True)
            env[key] = str(d)
        for plugin, values in USER_SETTINGS.items():
            f = dirs["JUPYTERLAB_SETTINGS_DIR"] / (plugin + ".jupyterlab-settings")
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(json.dumps(values, indent=1))
        # The kernel must be this venv's Python (it has course_utils), not whatever is first on PATH.
        env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
        env["JUPYTER_PREFER_ENV_PATH"] = "1"
        env.pop("JUPYTER_TOKEN", None)
        return env

    def start(self, timeout=90):
        """Start the server and wait until its API answers with our token."""
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={self.token}", "--expose-app-in-browser",
               f"--ServerApp.root_dir={self.serve}", "--LabApp.news_url=None",
               "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=self.serve, env=self._env(), stdout=self._log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{self.log_tail()}")

    def api(self, method, path):
        """One REST call with the token; returns the decoded JSON (or None)."""
        req = urllib.request.Request(self.url + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def prestart(self, rel):
        """Start the kernel of a notebook before it is opened: Lab then joins this session (a fresh kernel)."""
        body = json.dumps({"path": rel, "name": Path(rel).name, "type": "notebook",
                           "kernel": {"name": "python3"}}).encode()
        req = urllib.request.Request(self.url + "/api/sessions", data=body, method="POST",
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read())

    def shutdown_kernels(self):
        """Stop every session and kernel (a page's kernel outlives the page)."""
        for sess in self.api("GET", "/api/sessions") or []:
            try:
                self.api("DELETE", f"/api/sessions/{sess['id']}")
            except OSError:
                pass
        for k in self.api("GET", "/api/kernels") or []:
            try:
                self.api("DELETE", f"/api/kernels/{k['id']}")
            except OSError:
                pass

    def log_tail(self, n=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self):
        """SIGTERM: the server shuts its kernels down, then exits."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()

    def lab_url(self, rel):
        # ?reset: start from an empty workspace, so no earlier notebook (and kernel) is restored.
        return f"{self.url}/lab/tree/{rel}?reset&token={self.token}"


def launch_browser(playwright):
    """Debian's Chromium, headless, offline-friendly (never Playwright's own browser download)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


# --- in-page JavaScript -------------------------------------------------------------------------

_JS_STATE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext) return null;
  const cells = w.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim());
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  return {path: w.context.path, status: kernel ? kernel.status : null,
          counts: cells.map(c => c.model.executionCount),
          busy: document.querySelectorAll('.jp-InputPrompt').length &&
                [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')].some(p => p.textContent.includes('*'))};
}"""

# Close every open document without saving (and stop its kernel), then open the next notebook.
_JS_REOPEN = """async (path) => {
  const app = window.jupyterapp;
  for (const w of [...app.shell.widgets('main')]) {
    if (w.context) w.context.model.dirty = false;
    if (w.sessionContext) { try { await w.sessionContext.shutdown(); } catch (e) {} }
    w.dispose();
  }
  await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  return true;
}"""

_JS_SELECT_CELL = """(k) => {
  const w = window.jupyterapp.shell.currentWidget;
  const cells = w.content.widgets;
  let seen = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.model.type === 'code' && c.model.sharedModel.getSource().trim()) {
      seen++;
      if (seen === k) { w.content.activeCellIndex = i; w.content.deselectAll(); return i; }
    }
  }
  return -1;
}"""

# Errors of the run, from the page's notebook model (Lab 4 renders a traceback with the stderr MIME
# type, so the DOM alone cannot tell an error from a warning), plus widget views that failed to render.
_JS_OUTPUT_PROBLEMS = """() => {
  const out = [];
  const w = window.jupyterapp.shell.currentWidget;
  const code = w.content.widgets.filter(c => c.model.type === 'code');
  code.forEach((c, i) => {
    for (const o of c.model.outputs.toJSON()) {
      if (o.output_type === 'error')
        out.push({cell: i + 1, kind: 'error', ename: o.ename,
                  text: `${o.ename}: ${o.evalue}\\n` + (o.traceback || []).join('\\n').replace(/\\x1b\\[[0-9;]*m/g, '').slice(-1500)});
      else if (o.output_type === 'stream' && o.name === 'stderr')
        out.push({cell: i + 1, kind: 'stderr', text: [].concat(o.text).join('').slice(0, 2000)});
    }
    c.node.querySelectorAll('.jp-OutputArea-output').forEach(e => {
      if (/Error displaying widget|Failed to load model class|Model not found/i.test(e.innerText))
        out.push({cell: i + 1, kind: 'widget', text: e.innerText.slice(0, 500)});
    });
  });
  return out;
}"""

_JS_WIDGET_ROOTS = """() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output > .jupyter-widgets').length"""

# Visible sliders, in page order, tagged so Python can address them; with where their picture is.
_JS_TAG_SLIDERS = """() => {
  const all = [...document.querySelectorAll('.jp-Notebook .widget-slider')];
  const visible = all.filter(s => s.offsetParent !== null && !s.classList.contains('mod-disabled')
                                  && s.querySelector('.noUi-handle'));
  return visible.map((s, i) => {
    s.setAttribute('data-browsertest-slider', String(i));
    // The widget container: the nearest ancestor that holds a picture, inside this output.
    let box = s.parentElement, area = s.closest('.jp-OutputArea-output');
    while (box && box !== area && !box.querySelector('img')) box = box.parentElement;
    if (!box || !box.querySelector('img')) box = area;
    const boxes = [...document.querySelectorAll('[data-browsertest-box]')];
    if (!box.hasAttribute('data-browsertest-box')) box.setAttribute('data-browsertest-box', String(boxes.length));
    const cell = s.closest('.jp-Cell');
    const h = s.querySelector('.noUi-handle');
    return {index: i, box: Number(box.getAttribute('data-browsertest-box')),
            cell: [...document.querySelectorAll('.jp-Notebook .jp-Cell')].indexOf(cell) + 1,
            label: (s.querySelector('.widget-label') || {}).innerText || '',
            now: Number(h.getAttribute('aria-valuenow')), min: Number(h.getAttribute('aria-valuemin')),
            max: Number(h.getAttribute('aria-valuemax')), has_picture: !!box.querySelector('img'),
            has_button: !!box.querySelector('button.jupyter-button')};
  });
}"""

_JS_SLIDER_SNAPSHOT = """(i) => {
  const s = document.querySelector(`[data-browsertest-slider="${i}"]`);
  const box = s.closest('[data-browsertest-box]') || s.closest('.jp-OutputArea-output');
  const h = s.querySelector('.noUi-handle');
  const ro = s.querySelector('.widget-readout');
  return {readout: ro ? (ro.value !== undefined && ro.tagName === 'INPUT' ? ro.value : ro.innerText) : null,
          pictures: [...box.querySelectorAll('img')].map(im => im.getAttribute('src') || ''),
          // What a screen reader calls each picture: alt, else aria-label, else title (HTML-AAM's order for img).
          names: [...box.querySelectorAll('img')].map(im => (im.getAttribute('alt') || im.getAttribute('aria-label')
                                                            || im.getAttribute('title') || '').trim()),
          // Where the handle sits (aria-valuenow is rounded to one decimal, too coarse for small steps).
          position: h.closest('.noUi-origin').style.transform,
          now: Number(h.getAttribute('aria-valuenow')), min: Number(h.getAttribute('aria-valuemin')),
          max: Number(h.getAttribute('aria-valuemax'))};
}"""

# Key press to new picture, timed in the page: keydown timestamp -> the img src mutation.
_JS_ARM_TIMER = """(i) => {
  const s = document.querySelector(`[data-browsertest-slider="${i}"]`);
  const box = s.closest('[data-browsertest-box]');
  const img = box.querySelector('img.widget-image') || box.querySelector('img');
  window.__bt = {t0: null, t1: null};
  // On the document, capturing: it runs before the slider's own handler sees the key.
  const onKey = () => { if (window.__bt.t0 === null) window.__bt.t0 = performance.now(); };
  document.addEventListener('keydown', onKey, {capture: true, once: true});
  const obs = new MutationObserver(() => {
    if (window.__bt.t1 === null) { window.__bt.t1 = performance.now(); obs.disconnect(); }
  });
  obs.observe(img, {attributes: true, attributeFilter: ['src']});
  return true;
}"""


class LabPage:
    """One browser page on the server; opens a notebook, runs it, inspects and moves its widgets."""

    def __init__(self, browser, server, page=None):
        """A new page in its own context, or `page`: one already open elsewhere (e.g. RISE's /rise/ view)."""
        self.server = server
        self.context = browser.new_context(viewport=VIEWPORT) if page is None else None
        self.page = page if page is not None else self.context.new_page()
        self.console = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda err: self.console.append(f"pageerror: {err}"))
        # A dirty notebook asks "leave page?" on navigation: say yes, nothing is saved anyway.
        self.page.on("dialog", lambda d: d.accept())
        self.path = None

    def _on_console(self, msg):
        if msg.type == "error":
            loc = msg.location or {}
            self.console.append(f"console.error: {msg.text} [{loc.get('url', '')}]")

    def console_errors(self):
        """Console errors and page errors since the notebook was opened, minus documented noise."""
        return [m for m in self.console if not any(re.search(p, m) for p, _why in HARMLESS_CONSOLE)]

    def open(self, rel, timeout=60_000, reload=False):
        """Show one notebook on a fresh kernel and wait until it is really up: `(ipykernel) | Idle`.

        The first call loads Lab; later calls close the previous notebook (unsaved, kernel shut down)
        and open the next in the same page, which saves reloading Lab's scripts each time.
        """
        self.console.clear()
        self.path = None
        if reload or not self.page.evaluate("() => !!window.jupyterapp"):
            self.server.shutdown_kernels()
            self.page.goto(self.server.lab_url(rel), wait_until="domcontentloaded")
        else:
            self.page.evaluate(_JS_REOPEN, rel)
        self.page.wait_for_function(
            "(p) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " return !!(w && w.context && w.context.path === p && w.content); }", arg=rel, timeout=timeout)
        # data-status=idle can come before the kernel exists; the status bar text comes after.
        self.page.get_by_text(re.compile(r"\(ipykernel\) \| Idle")).first.wait_for(timeout=timeout)
        # Side panels closed: more room for the notebook in screenshots.
        self.page.evaluate("() => { window.jupyterapp.shell.collapseLeft(); window.jupyterapp.shell.collapseRight(); }")
        self.path = rel

    def state(self):
        return self.page.evaluate(_JS_STATE)

    def run_all(self, timeout=300_000, allow_errors=False):
        """Clear outputs, run every cell, wait until every code cell has a count and the kernel is idle.

        allow_errors: after an error, Lab drops the queued cells; run on from the first cell not run.
        """
        app = "window.jupyterapp.commands.execute"
        # A section stored collapsed (chapter 02's optional part) hides its sliders from the checks below; open
        # every heading, as a learner who reads that part would.
        self.page.evaluate(f"() => {app}('notebook:expand-all-headings')")
        self.page.evaluate(f"() => {app}('notebook:clear-all-cell-outputs')")
        self.page.wait_for_function("() => [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')]"
                                    ".every(p => !/\\d/.test(p.textContent))", timeout=10_000)
        self.page.evaluate(f"() => {app}('notebook:run-all-cells')")
        deadline = time.monotonic() + timeout / 1000
        while True:
            self._wait_settled(deadline)
            st = self.state()
            missing = [k for k, c in enumerate(st["counts"]) if c is None]
            if not missing:
                return st
            if not allow_errors:
                return st  # the caller reports the cells that never ran
            self.page.evaluate(_JS_SELECT_CELL, missing[0])
            self.page.evaluate(f"() => {app}('notebook:run-all-below')")

    def _wait_settled(self, deadline):
        """Idle kernel, no [*] prompt, for two polls in a row (an idle blip between cells is not the end)."""
        calm = 0
        while calm < 2:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.path}: still running after the time limit: {self.state()}")
            st = self.state()
            ok = st and st["status"] == "idle" and not st["busy"]
            calm = calm + 1 if ok else 0
            self.page.wait_for_timeout(150)

    def output_problems(self):
        return self.page.evaluate(_JS_OUTPUT_PROBLEMS)

    def widget_views(self):
        return self.page.evaluate(_JS_WIDGET_ROOTS)

    def wait_widget_views(self, expected, timeout=20_000):
        """Wait until at least `expected` widget views have rendered (they render after the cell ends)."""
        try:
            self.page.wait_for_function(f"() => ({_JS_WIDGET_ROOTS})() >= {int(expected)}", timeout=timeout)
        except Exception:
            pass
        return self.widget_views()

    def screenshot(self, path, max_height=12_000):
        """The whole notebook in one picture: grow the viewport to the notebook's height, shoot, restore."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Run-all leaves the notebook scrolled to its end: back to the top, then measure it.
        h = self.page.evaluate("() => { const n = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')"
                               " || document.querySelector('.jp-NotebookPanel .jp-Notebook');"
                               " if (!n) return 0; n.scrollTop = 0; return n.scrollHeight; }")
        tall = min(max_height, max(VIEWPORT["height"], int(h) + 200))
        self.page.set_viewport_size({"width": VIEWPORT["width"], "height": tall})
        try:
            self.page.wait_for_timeout(300)
            self.page.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(VIEWPORT)

    def sliders(self):
        return self.page.evaluate(_JS_TAG_SLIDERS)

    def slider_snapshot(self, i):
        return self.page.evaluate(_JS_SLIDER_SNAPSHOT, i)

    def press_slider(self, i, key):
        handle = self.page.locator(f'[data-browsertest-slider="{i}"] .noUi-handle')
        handle.scroll_into_view_if_needed()
        handle.focus()
        handle.press(key)

    def move_slider(self, i, timeout=10_000):
        """One keyboard step on slider i; returns (before, after) snapshots once readout and picture changed."""
        before = self.slider_snapshot(i)
        key = "ArrowLeft" if before["now"] >= before["max"] else "ArrowRight"
        self.press_slider(i, key)
        try:
            self.page.wait_for_function(
                f"(b) => {{ const s = ({_JS_SLIDER_SNAPSHOT})({int(i)});"
                " return s.readout !== b.readout && JSON.stringify(s.pictures) !== JSON.stringify(b.pictures); }",
                arg=before, timeout=timeout)
        except Exception:
            pass  # the caller compares and reports what did not change
        return key, before, self.slider_snapshot(i)

    def box_pictures(self, box):
        return self.page.evaluate("(k) => [...document.querySelector(`[data-browsertest-box=\"${k}\"]`)"
                                  ".querySelectorAll('img')].map(im => im.getAttribute('src') || '')", box)

    def press_run_button(self, box, timeout=180_000):
        """Click the widget's main button (a Run that uses the sliders' values); True when its picture changed."""
        before = self.box_pictures(box)
        sel = f'[data-browsertest-box="{box}"]'
        button = self.page.locator(f"{sel} button.jupyter-button.mod-primary")
        if not button.count():
            button = self.page.locator(f"{sel} button.jupyter-button")
        button.first.click()
        try:
            self.page.wait_for_function(
                "([k, b]) => JSON.stringify([...document.querySelector(`[data-browsertest-box=\"${k}\"]`)"
                ".querySelectorAll('img')].map(im => im.getAttribute('src') || '')) !== JSON.stringify(b)",
                arg=[box, before], timeout=timeout)
        except Exception:
            pass
        self._wait_settled(time.monotonic() + timeout / 1000)
        return self.box_pictures(box) != before

    def timed_move(self, i, timeout=10_000):
        """Milliseconds from the key press on slider i to its picture's new src, measured in the page.

        None when no new picture came within the timeout (the step changed nothing visible).
        """
        snap = self.slider_snapshot(i)
        key = "ArrowLeft" if snap["now"] >= snap["max"] else "ArrowRight"
        self.page.evaluate(_JS_ARM_TIMER, i)
        self.press_slider(i, key)
        try:
            self.page.wait_for_function("() => window.__bt && window.__bt.t1 !== null && window.__bt.t0 !== null",
                                        timeout=timeout)
        except Exception:
            return None
        bt = self.page.evaluate("() => window.__bt")
        return bt["t1"] - bt["t0"]

    def close(self):
        if self.context is not None:
            self.context.close()
        else:
            self.page.close()
