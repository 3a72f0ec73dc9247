"""Offline exports for lecturers: reveal.js decks (make slides) and a static site (make html), nothing from a CDN."""

import argparse
import html
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, SlidesExporter

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


def fetch_assets():
    """Install the pinned front-end packages into build/.npm once (needs npm); return node_modules."""
    modules = NPM_CACHE / "node_modules"
    if all((modules / name / "package.json").exists() for name in NPM_PACKAGES):
        return modules
    if shutil.which("npm") is None:
        sys.exit("make slides/html needs npm (Node.js) once, to fetch reveal.js, MathJax and the widget renderer "
                 "from the npm registry. Install Node.js, then run the command again.")
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    specs = [f"{name}@{version}" for name, version in NPM_PACKAGES.items()]
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(NPM_CACHE), *specs],
                   check=True)
    return modules


def copy_assets(modules, out_dir):
    """Copy the assets a page needs into out_dir/assets (skipped when already there)."""
    assets = out_dir / "assets"
    for src, dst in ASSET_COPIES.items():
        target = assets / dst
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if (modules / src).is_dir():
            shutil.copytree(modules / src, target)
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


def _resources(nb_path):
    """Page title from the chapter's heading instead of nbconvert's 'Notebook'."""
    return {"metadata": {"name": title_and_summary(nb_path)[0]}}


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
        body, _ = exporter.from_notebook_node(nbformat.read(str(nb_path), as_version=4), _resources(nb_path))
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
        body, _ = exporter.from_notebook_node(nbformat.read(str(nb_path), as_version=4), _resources(nb_path))
        target = out_dir / f"{nb_path.stem}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
        title, summary = title_and_summary(nb_path)
        rows.append(f"<li><a href='{target.name}'>{html.escape(title)}</a> — {html.escape(summary)}</li>")
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Activation functions, ELI5</title>"
        "<style>body{font-family:sans-serif;max-width:46em;margin:3em auto;line-height:1.5}</style></head>"
        "<body><h1>Activation functions, ELI5</h1><p>The course chapters, rendered with their stored outputs. "
        "Sliders need a running kernel: open the notebooks in JupyterLab (<code>make lab</code>) to use them.</p>"
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
