"""The offline exports in Chromium with the network off: axe-core audits and offline slider moves.

Shared by tests/browser/test_offline_*.py and bench/bench_offline.py; also a command:
`python tests/browser/offlinelab.py [build]` prints serious+critical axe violations by rule.
"""

import collections
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import browserlab  # noqa: E402
from tools import export  # noqa: E402

LOCAL = ("file:", "data:", "blob:", "about:")
AXE = export.NPM_CACHE / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa"]
SEVERE = ("serious", "critical")
# A slider of the offline form: a SelectionSlider linked to a Stack of pictures (see livefigure.offline_form).
SLIDER = ".offline-live .widget-slider .noUi-handle"

_JS_AXE = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""


def pages(build=export.BUILD):
    """Every page of the site and every deck, as (kind, path)."""
    site = sorted((build / "html").glob("*.html"))
    decks = sorted((build / "slides").glob("*.slides.html"))
    return [("html", p) for p in site] + [("slides", p) for p in decks]


def new_page(browser):
    """A page with the network off that records remote requests, failed requests and errors."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log = {"remote": [], "failed": [], "errors": []}
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else log["remote"].append(r.url))
    page.on("requestfailed", lambda r: log["failed"].append(f"{r.url}: {r.failure}"))
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    return page, log


def open_page(page, log, path, kind="html"):
    """Load a page (a deck in reveal's print layout, so every slide is laid out and audited) and let it settle."""
    for entries in log.values():
        entries.clear()
    url = path.as_uri() + ("?print-pdf" if kind == "slides" else "")
    page.goto(url)
    page.wait_for_load_state("load")
    # MathJax and the widget renderer load after the page itself; widgets are done when no placeholder is left.
    page.wait_for_function("() => !document.querySelector('script[type=\"application/vnd.jupyter.widget-view+json\"]')"
                           " || document.querySelectorAll('.widget-image, .jupyter-widgets').length > 0",
                           timeout=20000)
    page.wait_for_timeout(1200)


def axe_violations(page):
    """Serious and critical WCAG 2 A/AA violations on the open page: {rule: [node selectors]}."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(_JS_AXE, AXE_TAGS)
    return {v["id"]: v["nodes"] for v in found if v["impact"] in SEVERE}


def audit(browser, build=export.BUILD):
    """{page name: {rule: nodes}} over every page of site and decks."""
    page, log = new_page(browser)
    out = {}
    try:
        for kind, path in pages(build):
            open_page(page, log, path, kind)
            out[f"{kind}/{path.name}"] = axe_violations(page)
    finally:
        page.context.close()
    return out


def by_rule(results):
    """Violating nodes counted by rule over all pages."""
    counts = collections.Counter()
    for rules in results.values():
        for rule, nodes in rules.items():
            counts[rule] += len(nodes)
    return dict(counts.most_common())


def main(argv):
    from playwright.sync_api import sync_playwright

    build = Path(argv[0]) if argv else export.BUILD
    with sync_playwright() as pw:
        browser = browserlab.launch_browser(pw)
        try:
            results = audit(browser, build)
        finally:
            browser.close()
    for name, rules in results.items():
        print(name, {r: len(n) for r, n in rules.items()})
    counts = by_rule(results)
    print("pages:", len(results), "serious+critical nodes:", sum(counts.values()))
    for rule, n in counts.items():
        print(f"  {rule}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
