"""A line plus a few ReLU corners, a·ReLU(x − k), fitted to a curve: a few corners trace any curve (notebook 02)."""

import numpy as np
from scipy.optimize import linprog


def hill(x):
    """The target the corners widget traces: a smooth hill of height 1 centred at 0."""
    return np.exp(-np.asarray(x, dtype=float) ** 2)


def pieces(x, slope, height, kinks, turns):
    """The parts that add up: the line height + slope·x, then turn_i·ReLU(x − kink_i) for each corner."""
    x = np.asarray(x, dtype=float)
    return [height + slope * x] + [a * np.maximum(x - k, 0.0) for k, a in zip(kinks, turns)]


def relu_sum(x, slope, height, kinks, turns):
    """The line plus every corner piece: a bent line that changes slope by turn_i at x = kink_i."""
    return np.sum(pieces(x, slope, height, kinks, turns), axis=0)


def mean_gap(y, target):
    """How far off a curve is: the mean of |y - target| over the grid (the widget's: 301 points, x from -3 to 3)."""
    return float(np.mean(np.abs(np.asarray(y) - np.asarray(target))))


def smallest_gap(x, target, kinks, line=True):
    """(slope, height, turns, gap) with the smallest mean gap for corners fixed at kinks: a linear programme
    (minimise the mean of e_i with e_i >= |fit_i - target_i|), so the gap is the true minimum, not least squares'.
    With line=False the line under the corners stays flat at 0 (slope and height 0), as in notebook 02's widget."""
    x, target = np.asarray(x, dtype=float), np.asarray(target, dtype=float)
    base = [x, np.ones_like(x)] if line else [0.0 * x, 0.0 * x]
    a = np.column_stack(base + [np.maximum(x - k, 0.0) for k in kinks])
    n, m = a.shape
    eye = np.eye(n)
    res = linprog(np.r_[np.zeros(m), np.full(n, 1.0 / n)], A_ub=np.block([[a, -eye], [-a, -eye]]),
                  b_ub=np.r_[target, -target], bounds=[(None, None)] * m + [(0, None)] * n, method="highs")
    coef = res.x[:m]
    slope, height, turns = float(coef[0]), float(coef[1]), [float(t) for t in coef[2:]]
    return slope, height, turns, mean_gap(relu_sum(x, slope, height, kinks, turns), target)


def best_placement(x, target, n=2, grid=0.5, line=True):
    """(kinks, gap): where n corners give the smallest mean gap, turns and line fitted by smallest_gap for each
    placement. Every placement on a grid of step `grid` inside the window is tried, then the best one is refined
    by Nelder-Mead over the corner positions (the gap moves smoothly as a corner slides)."""
    from itertools import combinations

    from scipy.optimize import minimize

    x, target = np.asarray(x, dtype=float), np.asarray(target, dtype=float)
    edge = float(x.max()) - grid

    def gap(kinks):
        return smallest_gap(x, target, list(kinks), line)[3]

    start = min(combinations(np.arange(-edge, edge + grid / 2, grid), n), key=gap)
    res = minimize(gap, start, method="Nelder-Mead", options={"xatol": 1e-4, "fatol": 1e-7})
    best = min((res.x, start), key=gap)
    return [float(k) for k in best], gap(best)
