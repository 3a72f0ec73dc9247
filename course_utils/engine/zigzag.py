"""Why zero-centred inputs help: one unit's two weights learn from sigmoid outputs or from tanh outputs (notebook 02).

The unit's output is w · h, where h is what the layer below sent (sigmoid or tanh of some numbers).
Each step nudges w by −rate · error · h. Sigmoid outputs are all positive, so the two weights always
move the same way (both up or both down), and reaching a goal such as (1, −1) takes a zig-zag.
"""

import numpy as np

from course_utils.facts import activations


def inputs(name, steps, seed=0):
    """The (steps, 2) inputs h the unit sees: the bend applied to standard normal numbers."""
    z = np.random.default_rng(seed).standard_normal((steps, 2))
    return np.asarray(activations.get(name)(z), dtype=float)


def path(name, goal=(1.0, -1.0), steps=40, rate=0.5, seed=0):
    """The weights after each step, (steps + 1, 2), starting at (0, 0); the loss is (w·h − goal·h)² / 2."""
    goal = np.asarray(goal, dtype=float)
    w = np.zeros(2)
    out = [w.copy()]
    for h in inputs(name, steps, seed):
        error = float((w - goal) @ h)
        w = w - rate * error * h
        out.append(w.copy())
    return np.array(out)


def same_direction_share(name, goal=(1.0, -1.0), steps=40, rate=0.5, seed=0):
    """Share of the steps in which both weights moved the same way (both up or both down)."""
    moves = np.diff(path(name, goal, steps, rate, seed), axis=0)
    return float(np.mean(moves[:, 0] * moves[:, 1] > 0))
