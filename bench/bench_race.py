"""Frame redraw of chapter 05's live race: only the moving artists, against a full redraw of the same figure.

The live race (ch05_race.live_race) redraws its loss curves and each bend's decision regions every
few epochs while it trains. A frame is what the learner waits for: each network's predictions on
the grid, the artists updated, the moving parts drawn over the cached background, the PNG sent to
the Image widget. Baseline, measured in the same run on the same figure: the whole figure drawn
anew for every frame (what a plain `fig.canvas.draw()` per update costs).
"""

import time

from bench.common import median, p95, record

REPEAT = 3


def run():
    from course_utils.ui import ch05_race

    frames, full = [], []
    for _ in range(REPEAT):   # the chapter's default race, run to the end in this thread
        w = ch05_race.live_race()
        w.race_now()
        frames += w.state["frame_ms"][2:]   # frame 1 is the start line, frame 2 lays the race's figure out
        live = w.live
        for _ in range(10):
            t0 = time.perf_counter()
            live.invalidate()   # forget the cached background: the whole figure is drawn
            live.render()
            full.append((time.perf_counter() - t0) * 1000.0)
    m, b = median(frames), median(full)
    note = (f"{len(frames)} frames of the default race (5 bends, 400 epochs, a frame every 10), in-process; "
            "baseline: the same figure fully redrawn per frame")
    return [
        record("live race frame redraw, median", m, "ms", b, "<= 50 ms", m <= 50, note),
        record("live race frame redraw, p95", p95(frames), "ms", p95(full), "", None, note),
        record("live race full figure redraw, median", b, "ms", None, "baseline", None, note),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
