"""The offline exports in Chromium with the network off: axe-core audits and offline slider moves.

Shared by tests/browser/test_offline_*.py and bench/bench_offline.py; also a command:
`python tests/browser/offlinelab.py [build]` prints serious+critical axe violations by rule.
"""

import collections
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload: false});
  return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""
# Reveal's print layout (?print-pdf) draws every slide but still marks each one hidden from screen readers
# (aria-hidden, as it does for slides not on screen; the pages' own script then makes them inert), and axe skips
# those: unmark them, as reveal does for the slide on screen, then count the slides a screen reader now gets
# (it must be every slide of the deck).
_JS_SHOW_EVERY_SLIDE = """() => {
  const all = [...document.querySelectorAll('.reveal .slides section')];
  all.forEach(s => { s.removeAttribute('aria-hidden'); s.hidden = false; s.inert = false; });
  return all.filter(s => !s.classList.contains('stack') && !s.inert && s.offsetParent !== null
                         && getComputedStyle(s).visibility !== 'hidden').length;
}"""


def pages(build=export.BUILD, kinds=("html", "slides")):
    """Every page of the site and every deck, as (kind, path)."""
    site = sorted((build / "html").glob("*.html")) if "html" in kinds else []
    decks = sorted((build / "slides").glob("*.slides.html")) if "slides" in kinds else []
    return [("html", p) for p in site] + [("slides", p) for p in decks]


def _cancelled_by_page(request):
    """A local file the page itself stopped loading (MathJax fetching a font while the deck moves on).

    Chromium reports that as net::ERR_ABORTED; it is no failure when the file is there. A missing file
    fails with net::ERR_FILE_NOT_FOUND and is still recorded.
    """
    if request.failure != "net::ERR_ABORTED" or not request.url.startswith("file://"):
        return False
    path = Path(unquote(urlsplit(request.url).path))
    return path.is_file()


def new_page(browser):
    """A page with the network off that records remote requests, failed requests and errors."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log = {"remote": [], "failed": [], "errors": []}
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else log["remote"].append(r.url))
    page.on("requestfailed", lambda r: None if _cancelled_by_page(r) else log["failed"].append(f"{r.url}: {r.failure}"))
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    return page, log


# The widget renderer puts each view into a new .widget-subarea before its script tag: done when every view's
# area has content (a Box's children may still be arriving; _JS_QUIET waits for those).
_JS_WIDGETS_DONE = """() => {
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  const drawn = [...document.querySelectorAll('.widget-subarea')].filter(a => a.childElementCount > 0).length;
  return drawn >= views;
}"""
# Settled: no change to the page for `quiet` ms (children views, images, the pages' own labelling script, which
# mends on the next animation frame after a change), within `limit` ms. A fixed pause either wasted time or, on a
# loaded machine, ended too soon.
_JS_QUIET = """([quiet, limit]) => new Promise(done => {
  let timer = null, over = false;
  const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(() => finish(true), quiet); });
  const finish = (settled) => { if (!over) { over = true; obs.disconnect(); done(settled); } };
  obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  timer = setTimeout(() => finish(true), quiet);
  setTimeout(() => finish(false), limit);
})"""


def settle(page, quiet=250, limit=10000):
    """Wait until the open page has not changed for `quiet` ms; a page still changing after `limit` ms fails (it is
    not settled, and an audit of it would read a moving page)."""
    assert page.evaluate(_JS_QUIET, [quiet, limit]), f"{page.url}: still changing after {limit} ms"


def open_page(page, log, path, kind="html"):
    """Load a page and let MathJax and the widget renderer (which load after the page) finish."""
    for entries in log.values():
        entries.clear()
    _load(page, path.as_uri())


def open_quickly(page, log, path):
    """Load a page until its widgets are drawn and it settles (enough to see that it renders and moves on)."""
    for entries in log.values():
        entries.clear()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_function(_JS_WIDGETS_DONE, timeout=30000)
    settle(page)


def expected_sliders(stem):
    """Sliders a chapter's page must show: the SelectionSliders of the chapter's offline run."""
    nb = export.offline_run(export.ROOT / "notebooks" / f"{stem}.ipynb")
    state = nb.metadata.get("widgets", {}).get(export.WIDGET_STATE, {}).get("state", {})
    return sum(m["model_name"] == "SelectionSliderModel" for m in state.values())


def _load(page, uri):
    page.goto(uri)
    page.wait_for_load_state("load")
    page.wait_for_function(_JS_WIDGETS_DONE, timeout=30000)
    page.wait_for_function("() => !window.MathJax || !MathJax.Hub || (MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running)",
                           timeout=30000)
    settle(page)


_JS_SLIDES = """() => [...document.querySelectorAll('.reveal .slides > section')].flatMap((s, h) => {
  const inner = s.querySelectorAll(':scope > section');
  return inner.length ? [...inner].map((_x, v) => [h, v]) : [[h, 0]];
})"""


def slides(page):
    """[(h, v)] of every slide of the open deck (reveal.js is an AMD module here, so read the DOM)."""
    return [tuple(x) for x in page.evaluate(_JS_SLIDES)]


_JS_PRESENT = """([h, v]) => {
  const outer = document.querySelectorAll('.reveal .slides > section')[h];
  const slide = outer && outer.classList.contains('stack') ? outer.querySelectorAll(':scope > section')[v] : outer;
  return !!slide && slide.classList.contains('present');
}"""


def show_slide(page, h, v):
    """Go to a slide through reveal's URL hash, as a link would, and wait until reveal shows it."""
    page.evaluate("([h, v]) => { window.location.hash = `#/${h}/${v}`; }", [h, v])
    page.wait_for_function(_JS_PRESENT, arg=[h, v], timeout=10000)


def axe_violations(page, kind="html"):
    """Serious and critical WCAG 2 A/AA violations on the open page: {rule: [node selectors]}.

    A deck shows one slide at a time and axe skips what is hidden, so a deck is audited twice: as it opens
    (the first slide with reveal's controls), then in reveal's print layout, which draws every slide at once
    (one audit instead of one per slide). The page is left in the print layout.
    tests/browser/test_offline_decks.py plants a fault on a last slide to show the second audit sees it.
    """
    found = {}
    _add_severe(found, page)
    if kind == "slides":
        expected = len(slides(page))
        _load(page, page.url.split("#")[0].split("?")[0] + "?print-pdf")
        shown = page.evaluate(_JS_SHOW_EVERY_SLIDE)
        assert shown == expected, f"reveal's print layout shows {shown} of the deck's {expected} slides"
        _add_severe(found, page)
    return found


def _add_severe(found, page):
    """Run axe on the whole open page; add its serious and critical violations to found."""
    page.add_script_tag(path=str(AXE))
    for v in page.evaluate(_JS_AXE, AXE_TAGS):
        if v["impact"] in SEVERE:
            nodes = found.setdefault(v["id"], [])
            nodes += [n for n in v["nodes"] if n not in nodes]


def audit(browser, build=export.BUILD, kinds=("html", "slides")):
    """{page name: {rule: nodes}} over every page of site and decks."""
    page, log = new_page(browser)
    out = {}
    try:
        for kind, path in pages(build, kinds):
            open_page(page, log, path, kind)
            out[f"{kind}/{path.name}"] = axe_violations(page, kind)
    finally:
        page.context.close()
    return out


_JS_ARM = """(box) => {
  const shown = () => [...box.querySelectorAll('img')].filter(i => i.offsetParent !== null).map(i => i.src).join('|');
  const before = shown();
  let t0 = null;
  window.__moved = new Promise(resolve => {
    document.addEventListener('keydown', () => { t0 = performance.now(); }, {capture: true, once: true});
    const done = (ms) => { obs.disconnect(); resolve(ms); };
    const obs = new MutationObserver(() => { if (t0 !== null && shown() !== before && shown()) done(performance.now() - t0); });
    obs.observe(box, {subtree: true, childList: true, attributes: true});
    setTimeout(() => done(null), 3000);
  });
}"""


def offline_widgets(page):
    """The open page's offline widget forms (Locators), in page order."""
    boxes = page.locator(".offline-live")
    return [boxes.nth(i) for i in range(boxes.count())]


_JS_NAMED = """(h, ms) => new Promise(done => { const t0 = performance.now();
  (function poll() { if (h.getAttribute('aria-label') || performance.now() - t0 > ms) done(); else requestAnimationFrame(poll); })(); })"""


def move_sliders(page, box):
    """Press an arrow key on every slider of one offline form; [(slider name, ms to the new picture or None)].

    A form with several controls has a chooser (toggle buttons) that shows one control at a time.
    """
    box.scroll_into_view_if_needed()
    chooser = box.locator(":scope > .widget-toggle-buttons button")
    out = []
    for i in range(max(1, chooser.count())):
        if chooser.count():
            chooser.nth(i).focus()
            page.keyboard.press("Enter")   # keyboard only, as a learner without a mouse would
        handles = box.locator(".noUi-handle:visible")
        if not handles.count():
            continue  # a menu, not a slider
        handle = handles.first
        at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        box.evaluate(_JS_ARM)
        handle.focus()
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        # The page names a slider on the animation frame after it is shown (tools/accessible.py): wait for it,
        # a little, so a busy machine does not read the handle before its name lands.
        handle.evaluate(_JS_NAMED, 2000)
        out.append((handle.get_attribute("aria-label"), page.evaluate("() => window.__moved")))
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
