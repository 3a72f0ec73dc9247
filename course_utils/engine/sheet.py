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



def _turns(before, at, after, tol=1e-9):
    """True when the path through `at` changes direction there (from the point `before` to the point `after`)."""
    u, v = before - at, after - at
    return abs(u[0] * v[1] - u[1] * v[0]) > tol * max(1.0, float(np.max(np.abs([before, after]))))


def creases(path, W, b, tol=1e-9):
    """Where ReLU creases one straight path: the sharp corners of its image, as an (n, 2) array (notebook 01).

    A corner can only sit where a number of W·p + b crosses 0. W·p + b is straight along the path, so linear
    interpolation finds that crossing exactly. It is a crease when the image turns there (a piece pressed flat
    onto the origin is skipped to find the directions on each side)."""
    z = layer(path, W, b, "identity")
    image = np.maximum(z, 0.0)
    found = []
    for i in range(z.shape[1]):
        for k in np.flatnonzero((z[:-1, i] < 0) != (z[1:, i] < 0)):
            t = z[k, i] / (z[k, i] - z[k + 1, i])
            at = np.maximum(z[k] + t * (z[k + 1] - z[k]), 0.0)
            moved = np.hypot(*(image - at).T) > tol
            before, after = np.flatnonzero(moved[:k + 1]), np.flatnonzero(moved[k + 1:]) + k + 1
            if len(before) and len(after) and _turns(image[before[-1]], at, image[after[0]], tol):
                if not any(np.allclose(at, p, atol=1e-9) for p in found):
                    found.append(at)
    return np.array(found).reshape(-1, 2)
