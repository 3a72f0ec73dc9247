"""Zero-centred inputs make a straighter path: one unit's two weights learn from sigmoid outputs or from tanh outputs (notebook 02).

The unit's output is w · h, where h is what the layer below sent (sigmoid or tanh of some numbers).
Each step nudges w by −rate · error · h. Sigmoid outputs are all positive (ReLU's never negative), so the two weights never
move opposite ways in one step, and reaching a goal such as (1, −1) takes a zig-zag.
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


# ---- the centre slider of notebook 02: the same sigmoid inputs, shifted down until they are balanced around 0

SPREAD = 2.0   # the sigmoid units' own inputs are standard normal numbers times this (outputs spread over 0 to 1)


def shifted_inputs(centre, steps=30, seed=0):
    """The (steps, 2) inputs of the centre slider: two sigmoid outputs σ(z) and σ(−z) = 1 − σ(z), moved so that
    their centre is `centre` (0.5: sigmoid's own outputs, all positive; 0: balanced around 0, like tanh's).

    The two inputs mirror each other around the centre; once centred they always have opposite signs.
    """
    z = SPREAD * np.random.default_rng(seed).standard_normal(steps)
    d = np.asarray(activations.get("sigmoid")(z), dtype=float) - 0.5
    return np.stack([centre + d, centre - d], axis=1)


def step(w, h, goal, rate):
    """One step of the rule from weights w on the example h: w − rate · miss · h, the miss being w·h − goal·h."""
    return w - rate * float((w - goal) @ h) * h


def _walk(inputs, goal, rate, cut=np.inf):
    """The weights after each step (steps + 1, 2) from (0, 0), one example a step: w −= rate · miss · h, where the
    miss is w·h − goal·h (the slope of the squared miss, halved); stops once a weight's size passes `cut`."""
    goal = np.asarray(goal, dtype=float)
    w = np.zeros(2)
    out = [w.copy()]
    for h in inputs:
        w = step(w, h, goal, rate)
        out.append(w.copy())
        if np.abs(w).max() > cut:
            break
    return np.array(out)


def shifted_path(centre, goal=(1.0, -1.0), steps=30, rate=1.0, seed=0):
    """The weights after each step (steps + 1, 2) from (0, 0), one example at a time, inputs from shifted_inputs."""
    return _walk(shifted_inputs(centre, steps, seed), goal, rate)


VISIBLE = 0.05   # a step shorter than this is too small to see on the picture: it is skipped when looking for reversals


def reversals(p, tiny=VISIBLE):
    """The points where the path heads back: the step after a point goes against the step before it (more than a
    right angle between them; at sigmoid's centre 0.5, an up-right step after a down-left one, or the other way round).

    Steps shorter than `tiny` are skipped (jitter too small to see). Returns the indices into p of those points; the
    widget rings them, so the count the reader is told is the number of rings.
    """
    moves = np.diff(np.asarray(p, dtype=float), axis=0)
    kept = np.flatnonzero(np.linalg.norm(moves, axis=1) >= tiny)
    return [int(k) for j, k in zip(kept[:-1], kept[1:]) if float(moves[j] @ moves[k]) < 0]


def path_length(p):
    """The distance travelled along the path: the sum of its steps' lengths."""
    return float(np.sum(np.linalg.norm(np.diff(np.asarray(p, dtype=float), axis=0), axis=1)))


# ---- notebook 02 since pass 40: each input drawn on its own, and a step-size slider (what centring buys: bigger steps)

RUNS = 300   # the runs a median is taken over
NEAR = 0.1   # a run has arrived when its weights are this close to the star
MOST = 200   # a run that has not arrived after this many steps never arrives (its weights blow up, or crawl)


HALF = 0.5   # the widget's inputs reach this far either side of their centre
WIDE = 1.0   # the control's: centre 0, inputs −1 to 1, whose length squared averages 2/3, as at centre 0.5


def independent_inputs(centre, steps=30, seed=0, runs=None, half=HALF):
    """The inputs of the step-size toy: each of the two drawn on its own, evenly from centre − half to centre + half.
    Shape (steps, 2), or (steps, runs, 2) when `runs` is given (all runs from one generator)."""
    shape = (steps, 2) if runs is None else (steps, runs, 2)
    return centre + np.random.default_rng(seed).uniform(-half, half, shape)


def independent_path(centre, rate=1.0, goal=(1.0, -1.0), steps=30, seed=0, half=HALF):
    """The weights after each step (steps + 1, 2) from (0, 0), one example a step: w −= rate · miss · h, where the
    miss is w·h − goal·h (the slope of the squared miss, halved). A path that blows up is cut where it leaves ±1e6."""
    return _walk(independent_inputs(centre, steps, seed, half=half), goal, rate, cut=1e6)


def steps_to_star(centre, rate, goal=(1.0, -1.0), runs=RUNS, most=MOST, near=NEAR, seed=0, half=HALF):
    """For each of `runs` runs, the first step after which the weights are within `near` of the star; inf for a run
    that is not there within `most` steps (the same update as independent_path, all runs at once)."""
    goal = np.asarray(goal, dtype=float)
    w = np.zeros((runs, 2))
    first = np.full(runs, np.inf)
    with np.errstate(over="ignore", invalid="ignore"):
        for k, h in enumerate(independent_inputs(centre, most, seed, runs, half), start=1):
            w = w - rate * np.sum((w - goal) * h, axis=1)[:, None] * h
            w[~np.isfinite(w)] = 1e300
            there = np.isinf(first) & (np.linalg.norm(w - goal, axis=1) < near)
            first[there] = k
    return first


def median_steps(centre, rate, goal=(1.0, -1.0), runs=RUNS, half=HALF):
    """The median of steps_to_star: inf when more than half the runs never arrive."""
    return float(np.median(steps_to_star(centre, rate, goal, runs, half=half)))


def blow_up_step(centre, low=0.5, high=5.0, grain=0.05, goal=(1.0, -1.0), half=HALF):
    """The smallest step size on a grid of `grain` from `low` to `high` at which most runs never arrive (median_steps
    is inf), or None: the runs' own threshold, which notebook 02's rule (step size × both pulls past 2) must match."""
    for rate in np.round(np.arange(low, high + grain / 2, grain), 2):
        if not np.isfinite(median_steps(centre, float(rate), goal, half=half)):
            return float(rate)
    return None


def exact_steps(centre, goal=(1.0, -1.0), runs=RUNS, most=MOST, near=NEAR, seed=0):
    """The median steps to the star when every step is sized exactly for its own example: step size
    1 / (input 1² + input 2²), which lands that example's output on its answer. The floor no fixed step size beats
    much: one step moves the weights along one example's arrow only (notebook 02's fold on big steps)."""
    goal = np.asarray(goal, dtype=float)
    w = np.zeros((runs, 2))
    first = np.full(runs, np.inf)
    for k, h in enumerate(independent_inputs(centre, most, seed, runs), start=1):
        w = w - (np.sum((w - goal) * h, axis=1) / np.sum(h * h, axis=1))[:, None] * h
        there = np.isinf(first) & (np.linalg.norm(w - goal, axis=1) < near)
        first[there] = k
    return float(np.median(first))
