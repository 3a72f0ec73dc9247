"""Offline exports for lecturers: reveal.js decks (make slides) and a static site (make html), nothing from a CDN."""

import argparse
import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter, SlidesExporter

from course_utils.ui.offline import ENV as OFFLINE_ENV
from tools import accessible
from tools.navigation import title_and_summary

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
NPM_CACHE = BUILD / ".npm"
# Pinned front-end packages from the npm registry, fetched once into build/.npm.
NPM_PACKAGES = {
    "reveal.js": "4.0.2",                      # the version nbconvert's reveal template is written for
    "requirejs": "2.3.7",
    "jquery": "3.7.1",
    "@jupyter-widgets/html-manager": "1.0.15",  # renders the stored widget state (ipywidgets 8)
    "mathjax": "2.7.9",
    "axe-core": "4.10.3",                      # accessibility checks (WCAG 2 A/AA) run by the browser tests
}
# What each deck/site needs beside it: source inside node_modules -> name under assets/.
ASSET_COPIES = {
    "reveal.js/dist": "reveal.js/dist",
    "reveal.js/plugin": "reveal.js/plugin",
    "requirejs/require.js": "require.js",
    "jquery/dist/jquery.min.js": "jquery.min.js",
    "@jupyter-widgets/html-manager/dist": "html-manager",
    "mathjax": "mathjax",
}
# The widget renderer asks for its icon fonts relative to the PAGE, at these two places.
FONT_DIRS = ("@jupyter-widgets", "@jupyter-widgets/html-manager/dist")
FONT_SUFFIXES = (".woff", ".woff2", ".ttf", ".eot", ".svg")
# SVG output needs no web fonts, which browsers refuse to load from file:// pages.
MATHJAX = "assets/mathjax/MathJax.js?config=TeX-AMS-MML_SVG"
TEMPLATES = Path(__file__).resolve().parent / "templates"  # the stock templates minus mermaid's CDN import


@contextlib.contextmanager
def _only_one_process(lock_path):
    """Hold an exclusive lock: two processes building exports at once (make test's workers) run a chapter once."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): no lock; each process may then run a chapter itself
        yield
        return
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def fetch_assets():
    """Install the pinned front-end packages into build/.npm once (needs npm); return node_modules."""
    modules = NPM_CACHE / "node_modules"
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    with _only_one_process(NPM_CACHE / "install.lock"):   # make test's two workers both build exports
        if all((modules / name / "package.json").exists() for name in NPM_PACKAGES):
            return modules
        if shutil.which("npm") is None:
            sys.exit("make slides/html needs npm (Node.js) once, to fetch reveal.js, MathJax and the widget renderer "
                     "from the npm registry. Install Node.js, then run the command again.")
        specs = [f"{name}@{version}" for name, version in NPM_PACKAGES.items()]
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(NPM_CACHE), *specs],
                       check=True)
    return modules


# MathJax parts the pages never load (they use TeX input and SVG output with the TeX font): 50 MB less per export.
MATHJAX_UNUSED = {"mathjax": {"unpacked", "test", "fonts"}, "output": {"HTML-CSS", "CommonHTML", "NativeMML", "PreviewHTML"},
                  "fonts": {"Asana-Math", "Gyre-Pagella", "Gyre-Termes", "Latin-Modern", "Neo-Euler", "STIX-Web"}}


def _unused(folder, names):
    """copytree ignore: what MATHJAX_UNUSED lists for a folder inside the mathjax package."""
    path = Path(folder)
    if "mathjax" not in path.parts:
        return set()
    return MATHJAX_UNUSED.get(path.name, set()) & set(names)


def copy_assets(modules, out_dir):
    """Copy the assets a page needs into out_dir/assets (skipped when already there)."""
    assets = out_dir / "assets"
    for src, dst in ASSET_COPIES.items():
        target = assets / dst
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if (modules / src).is_dir():
            shutil.copytree(modules / src, target, ignore=_unused)
        else:
            shutil.copy2(modules / src, target)
    (assets / "empty.css").write_text("")
    fonts = [f for f in (modules / "@jupyter-widgets/html-manager/dist").iterdir() if f.suffix in FONT_SUFFIXES]
    for folder in FONT_DIRS:
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
        for font in fonts:
            if not (out_dir / folder / font.name).exists():
                shutil.copy2(font, out_dir / folder / font.name)


def _offline(exporter_class, template, **settings):
    """An nbconvert exporter on our template whose every asset URL points at the local assets folder."""
    exporter = exporter_class(template_name=template, extra_template_basedirs=[str(TEMPLATES)], **settings)
    exporter.require_js_url = "assets/require.js"
    exporter.jquery_url = "assets/jquery.min.js"
    exporter.mathjax_url = MATHJAX
    exporter.widget_renderer_url = "assets/html-manager/embed-amd.js"
    return exporter


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
OFFLINE_RUNS = BUILD / "offline"   # the chapters as run for the exports, reused while nothing changed
KERNEL_NOTE = ("<p class='offline-note'>No Python runs on this page, so the buttons below do nothing here: "
               "open the chapter in JupyterLab (<code>make lab</code>) to answer and get feedback.</p>")


@contextlib.contextmanager
def _environment(**values):
    """Variables the kernel inherits while a chapter runs, restored afterwards."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _fingerprint(nb_path):
    """The notebook and every course_utils source: an offline run is stale when any of them changes."""
    h = hashlib.sha256(nb_path.read_bytes())
    for src in sorted((ROOT / "course_utils").rglob("*.py")):
        h.update(src.read_bytes())
    return h.hexdigest()


def offline_run(nb_path, timeout=900):
    """The chapter executed into a copy with COURSE_OFFLINE_EXPORT=1: its widgets in their no-kernel form.

    The committed notebook is only read. The result is cached in build/offline until the notebook or the
    package changes; a process that finds another one running the chapter waits for its result.
    """
    OFFLINE_RUNS.mkdir(parents=True, exist_ok=True)
    cached, key = OFFLINE_RUNS / nb_path.name, OFFLINE_RUNS / f"{nb_path.stem}.key"
    fingerprint = _fingerprint(nb_path)
    with _only_one_process(OFFLINE_RUNS / f"{nb_path.stem}.lock"):
        if not (cached.exists() and key.exists() and key.read_text() == fingerprint):
            nb = nbformat.read(str(nb_path), as_version=4)
            with _environment(**{OFFLINE_ENV: "1", "COURSE_EXECUTING": "1"}):
                NotebookClient(nb, timeout=timeout, kernel_name="python3",
                               resources={"metadata": {"path": str(nb_path.parent)}},
                               store_widget_state=True, record_timing=False).execute()
            # The key goes first and the run is swapped in whole: a run cut short never passes for a finished one.
            key.unlink(missing_ok=True)
            partial = cached.with_suffix(".partial")
            nbformat.write(nb, str(partial))
            os.replace(partial, cached)
            key.write_text(fingerprint)
        nb = nbformat.read(str(cached), as_version=4)
    return note_kernel_only(prune_widget_state(nb))


def _views(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if WIDGET_VIEW in o.get("data", {})]


def _reachable(state, roots):
    """Model ids reachable from the displayed views through IPY_MODEL_ references."""
    seen, todo = set(), list(roots)
    while todo:
        mid = todo.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        todo += re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(state[mid].get("state", {})))
    return seen


def prune_widget_state(nb):
    """Keep only the widgets a displayed view shows: the live originals and sweep leftovers are dead weight."""
    store = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    if not store:
        return nb
    state = store["state"]
    keep = _reachable(state, [o["data"][WIDGET_VIEW]["model_id"] for o in _views(nb)])
    # jslinks are widgets nothing displays: keep those that join two kept widgets (they make the sliders live).
    for mid, model in state.items():
        ends = re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(model.get("state", {})))
        if model["model_name"].endswith("LinkModel") and ends and all(e in keep for e in ends):
            keep |= {mid} | _reachable(state, ends)
    store["state"] = {k: v for k, v in state.items() if k in keep}
    return nb


def note_kernel_only(nb):
    """Before a widget whose buttons need Python (a quiz), say so on the page (the offline forms say it themselves)."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        outputs = cell.get("outputs", [])
        for i in reversed(range(len(outputs))):
            view = outputs[i].get("data", {}).get(WIDGET_VIEW)
            if not view:
                continue
            models = [state[m] for m in _reachable(state, [view["model_id"]])]
            offline = any("offline-live" in m["state"].get("_dom_classes", ()) for m in models)
            if not offline and any(m["model_name"] == "ButtonModel" for m in models):
                outputs.insert(i, nbformat.v4.new_output("display_data", {"text/html": KERNEL_NOTE}))
    return nb


def _resources(nb_path):
    """Page title from the chapter's heading instead of nbconvert's 'Notebook'."""
    return {"metadata": {"name": title_and_summary(nb_path)[0]}, "course_css": accessible.css(),
            "course_script": accessible.SCRIPT}


def chapters():
    """The chapter notebooks, in order."""
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def build_slides(out_dir=BUILD / "slides"):
    """One reveal.js deck per chapter, assets beside them; returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(fetch_assets(), out_dir)
    exporter = _offline(SlidesExporter, "course_reveal", reveal_url_prefix="assets/reveal.js",
                        reveal_theme="white", font_awesome_url="assets/empty.css")
    written = []
    for nb_path in chapters():
        body, _ = exporter.from_notebook_node(offline_run(nb_path), _resources(nb_path))
        target = out_dir / f"{nb_path.stem}.slides.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def build_html(out_dir=BUILD / "html"):
    """A static site of the chapters with an index page, assets beside them; returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(fetch_assets(), out_dir)
    exporter = _offline(HTMLExporter, "course_lab")
    written, rows = [], []
    for nb_path in chapters():
        body, _ = exporter.from_notebook_node(offline_run(nb_path), _resources(nb_path))
        target = out_dir / f"{nb_path.stem}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
        title, summary = title_and_summary(nb_path)
        rows.append(f"<li><a href='{target.name}'>{html.escape(title)}</a> — {html.escape(summary)}</li>")
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Activation functions, ELI5</title>"
        "<style>body{font-family:sans-serif;max-width:46em;margin:3em auto;line-height:1.5}</style></head>"
        "<body><h1>Activation functions, ELI5</h1><p>The course chapters, rendered with their stored outputs. "
        "Sliders work with no Python: their pictures were computed when the pages were made. Buttons, quizzes "
        "and other settings need a running kernel: open the notebooks in JupyterLab (<code>make lab</code>).</p>"
        f"<ol start='0'>{''.join(rows)}</ol></body></html>\n", encoding="utf-8")
    return [index] + written


def main(argv=None):
    """python -m tools.export slides|html"""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["slides", "html"])
    args = parser.parse_args(argv)
    paths = build_slides() if args.what == "slides" else build_html()
    for p in paths:
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
