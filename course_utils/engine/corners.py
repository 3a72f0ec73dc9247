"""A line plus a few ReLU corners, a·ReLU(x − k), fitted to a curve: a few corners trace any curve (notebook 02)."""

import numpy as np


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
    """How far off a curve is: the mean distance to the target over the grid."""
    return float(np.mean(np.abs(np.asarray(y) - np.asarray(target))))


def best_fit(x, target, kinks):
    """(slope, height, turns, gap) of the least-squares line plus corners, the corners fixed at kinks."""
    x = np.asarray(x, dtype=float)
    columns = [x, np.ones_like(x)] + [np.maximum(x - k, 0.0) for k in kinks]
    coef = np.linalg.lstsq(np.column_stack(columns), target, rcond=None)[0]
    slope, height, turns = float(coef[0]), float(coef[1]), [float(a) for a in coef[2:]]
    return slope, height, turns, mean_gap(relu_sum(x, slope, height, kinks, turns), target)
