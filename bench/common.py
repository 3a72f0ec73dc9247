"""Shared helpers for benchmarks: timing and the record format of bench/results.json."""

import statistics
import time


def timings_ms(fn, repeat, warmup=2):
    """Call fn() warmup + repeat times; return the repeat durations in milliseconds."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def median(xs):
    """Median of a list of numbers."""
    return statistics.median(xs)


def p95(xs):
    """95th percentile (nearest rank) of a list of numbers."""
    ordered = sorted(xs)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def record(name, value, unit, baseline=None, target="", met=None, note=""):
    """One benchmark result; ratio is baseline / value (how many times faster than the baseline)."""
    ratio = (baseline / value) if (baseline is not None and value) else None
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 4),
        "ratio": None if ratio is None else round(ratio, 2),
        "target": target,
        "met": met,
        "note": note,
    }
