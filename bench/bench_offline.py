"""Offline pages (make html / make slides): key press to new picture with no kernel, and what the pages weigh.

Times are taken in the page (performance.now()): a capturing keydown listener marks the press, a
MutationObserver marks the moment the widget shows another picture (see tests/browser/offlinelab.py).
Every slider of every site page is moved ROUNDS times. Sizes: every file under build/html and
build/slides, and per slider the bytes its precomputed pictures and readouts add to a page.
"""

import json
import re
import sys
from pathlib import Path

from bench.common import median, p95, record

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 16.0   # one frame at 60 Hz
ROUNDS = 3


def _offlinelab():
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import offlinelab
    return offlinelab


def folder_bytes(folder):
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def slider_bytes(nb, widget_state):
    """Bytes (as stored in a page: base64 pictures, readout HTML) behind each SelectionSlider: {slider id: bytes}."""
    state = nb.metadata.get("widgets", {}).get(widget_state, {}).get("state", {})

    def weight(mid):
        m = state.get(mid, {})
        own = sum(len(buf.get("data", "")) for buf in m.get("buffers", [])) + len(m.get("state", {}).get("value", "") or "")
        kids = re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(m.get("state", {}).get("children", [])))
        return own + sum(weight(k) for k in kids)

    out = {}
    for m in state.values():
        if m["model_name"] != "LinkModel":
            continue
        (src, _), (dst, _) = m["state"]["source"], m["state"]["target"]
        src, dst = src.removeprefix("IPY_MODEL_"), dst.removeprefix("IPY_MODEL_")
        if state.get(src, {}).get("model_name") == "SelectionSliderModel":
            out[src] = out.get(src, 0) + weight(dst)
    return out


def run():
    lab = _offlinelab()
    from tools import export

    site, decks = export.build_html(), export.build_slides()
    records = []
    per_slider = []
    for nb_path in export.chapters():
        per_slider += list(slider_bytes(export.offline_run(nb_path), export.WIDGET_STATE).values())
    html_mb, slides_mb = folder_bytes(export.BUILD / "html") / 1e6, folder_bytes(export.BUILD / "slides") / 1e6
    assets_mb = folder_bytes(export.BUILD / "html" / "assets") / 1e6
    records.append(record("offline site build/html size", html_mb, "MB", note=f"of which assets {assets_mb:.1f} MB"))
    records.append(record("offline decks build/slides size", slides_mb, "MB"))
    if per_slider:
        note = (f"{len(per_slider)} sliders; max {max(per_slider) / 1e3:.0f} kB; "
                f"total {sum(per_slider) / 1e6:.1f} MB per export (site or decks)")
        records.append(record("offline page growth per slider, median", median(per_slider) / 1e3, "kB", note=note))
    if not lab.browserlab.CHROMIUM.exists():
        print(f"   SKIPPED: {lab.browserlab.CHROMIUM} is missing, no key->picture time measured", flush=True)
        return records
    from playwright.sync_api import sync_playwright

    ms, blank = [], 0
    with sync_playwright() as pw:
        browser = lab.browserlab.launch_browser(pw)
        page, log = lab.new_page(browser)
        try:
            for path in site[1:]:
                lab.open_page(page, log, path)
                for box in lab.offline_widgets(page):
                    for _ in range(ROUNDS):
                        for _name, t in lab.move_sliders(page, box):
                            if t is None:
                                blank += 1
                            else:
                                ms.append(t)
        finally:
            browser.close()
    if ms:
        note = f"{len(ms)} moves over every slider of {len(site) - 1} site pages, max {max(ms):.1f} ms"
        note += f"; {blank} moves showed no new picture" if blank else ""
        records.append(record("offline key->picture median", median(ms), "ms", note=note))
        records.append(record("offline key->picture p95", p95(ms), "ms", target=f"<= {TARGET_MS:g} ms",
                              met=p95(ms) <= TARGET_MS, note=note))
    return records
