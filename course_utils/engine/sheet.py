"""A 2-D layer acting on a whole sheet of points: stretch and shift by (W, b), then a bend (notebook 01)."""

import numpy as np

from course_utils.facts import activations


def grid_lines(low=-1.5, high=1.5, lines=7, samples=61):
    """Two families of straight grid lines over a square: (lines, samples, 2) arrays, 'vertical' then 'horizontal'."""
    ticks = np.linspace(low, high, lines)
    along = np.linspace(low, high, samples)
    vertical = np.stack(np.broadcast_arrays(ticks[:, None], along[None, :]), axis=-1)
    horizontal = vertical[..., ::-1]
    return vertical, horizontal


def layer(points, W, b, bend="identity"):
    """bend(W·p + b) for every point p in the last axis of `points` (the bend acts on each number alone)."""
    z = np.asarray(points, dtype=float) @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
    return np.asarray(activations.get(bend)(z), dtype=float)


def off_straight(path):
    """How far a path of points strays from the straight segment through its two ends (0 for a straight path)."""
    p = np.asarray(path, dtype=float)
    start, chord = p[0], p[-1] - p[0]
    length = np.hypot(*chord)
    if length == 0:
        return float(np.max(np.hypot(*(p - start).T)))
    rel = p - start
    return float(np.max(np.abs(rel[:, 0] * chord[1] - rel[:, 1] * chord[0])) / length)


def bent_lines(paths, tol=1e-9):
    """How many of the paths are no longer straight (stray more than tol, scaled by the picture's size)."""
    scale = max(1.0, float(np.max(np.abs(paths))))
    return sum(off_straight(p) > tol * scale for p in paths)
