"""In-browser slider latency: key press on a slider handle to the widget's new picture, in a real JupyterLab.

Timed inside the page with performance.now(): a capturing keydown listener on the document marks the
press, a MutationObserver on the widget's img marks the new picture's src. Each widget gets at least
20 timed moves (spread over its visible sliders) after warm-up moves that are not counted.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import median, p95, record

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 80.0
MIN_MOVES = 40       # per widget: the issue asks for at least 20; with 20, p95 is nearly the maximum
MIN_PER_SLIDER = 6   # so that a slow slider of a widget is not drowned by its fast ones
WARMUP = 2           # per slider: the first redraws also fill caches


def _browserlab():
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import browserlab
    return browserlab


def _chapters():
    """Chapter notebooks to measure: BENCH_BROWSER_NOTEBOOKS='00 02' narrows them (default: all)."""
    only = os.environ.get("BENCH_BROWSER_NOTEBOOKS", "").split()
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    return [p for p in paths if not only or any(p.name.startswith(o) for o in only)]


def _measure_widget(page, sliders):
    """Timed moves for one widget, cycling through its sliders; sliders that never redraw are left out.

    Returns (sliders measured, times in ms, moves that changed nothing visible).
    """
    live, ms, blank = [], [], 0
    for s in sliders:
        warm = [page.timed_move(s["index"], timeout=3_000) for _ in range(WARMUP)]
        if any(t is not None for t in warm):
            live.append(s)  # else it only sets up a Run button (the training race): nothing to time
    moves = max(MIN_MOVES, MIN_PER_SLIDER * len(live)) if live else 0
    per = {s["label"]: [] for s in live}
    for k in range(moves):
        s = live[k % len(live)]
        t = page.timed_move(s["index"], timeout=3_000)
        if t is None:
            blank += 1  # e.g. a sub-pixel change: the kernel sent no new picture
        else:
            ms.append(t)
            per[s["label"]].append(t)
        page.page.wait_for_timeout(40)  # about the pace of a held arrow key's auto-repeat
    return live, ms, blank, per


def run():
    bl = _browserlab()
    if not bl.CHROMIUM.exists():
        print(f"   SKIPPED: {bl.CHROMIUM} is missing, no in-browser latency measured", flush=True)
        return []
    from playwright.sync_api import sync_playwright

    notebooks = _chapters()
    records, pooled = [], []
    workdir = Path(tempfile.mkdtemp(prefix="course-bench-browser-"))
    server = bl.LabServer(workdir, notebooks).start()
    try:
        with sync_playwright() as pw:
            browser = bl.launch_browser(pw)
            page = bl.LabPage(browser, server)
            try:
                for rel in server.notebooks:
                    t0 = time.perf_counter()
                    page.open(rel)
                    page.run_all()
                    sliders = page.sliders()
                    boxes = {}
                    for s in sliders:
                        if s["has_picture"]:
                            boxes.setdefault(s["box"], []).append(s)
                    stem = Path(rel).stem
                    for n, (box, group) in enumerate(boxes.items(), 1):
                        live, ms, blank, per = _measure_widget(page, group)
                        if not ms:
                            continue
                        pooled += ms
                        labels = ", ".join(s["label"] for s in live[:2]) + (f" +{len(live) - 2}" if len(live) > 2 else "")
                        name = f"browser key->picture {stem} #{n} ({labels})"
                        note = (f"{len(ms)} moves over {len(live)} slider(s), max {max(ms):.0f} ms; median per slider: "
                                + ", ".join(f"{k} {median(v):.0f}" for k, v in per.items() if v))
                        if blank:
                            note += f"; {blank} more move(s) changed nothing visible (no new picture in 3 s)"
                        records.append(record(name + " median", median(ms), "ms", note=note))
                        records.append(record(name + " p95", p95(ms), "ms", target=f"<= {TARGET_MS:g} ms",
                                              met=p95(ms) <= TARGET_MS, note=note))
                    print(f"   {rel}: {len(boxes)} widget(s) with sliders, {time.perf_counter() - t0:.1f} s",
                          flush=True)
                errors = page.console_errors()
                if errors:
                    print("   console errors during the benchmark:", *errors[:5], sep="\n     ", flush=True)
            finally:
                page.close()
                browser.close()
    finally:
        server.stop()
    if pooled:
        note = f"{len(pooled)} moves over every measured widget of {len(notebooks)} notebook(s)"
        records.append(record("browser key->picture, all widgets median", median(pooled), "ms", note=note))
        records.append(record("browser key->picture, all widgets p95", p95(pooled), "ms",
                              target=f"<= {TARGET_MS:g} ms", met=p95(pooled) <= TARGET_MS, note=note))
    return records
