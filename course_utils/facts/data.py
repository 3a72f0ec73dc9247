"""Toy data sets for the course: XOR (01_collapse_proof) and the two-arm spiral (05_training_race)."""

import numpy as np


def xor():
    """The four XOR corners: X float64 (4, 2), y float64 (4, 1). Introduced in 01_collapse_proof."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return X, y


def spiral_arms(n_per_class=200, turns=2.0):
    """The two noise-free arms spiral() scatters its points around: [(x0, x1) of arm 0, (x0, x1) of arm 1]."""
    theta = np.linspace(0.0, 2.0 * np.pi * turns, n_per_class)
    r = np.linspace(0.3, 1.0, n_per_class)
    return [(r * np.cos(theta + turn), r * np.sin(theta + turn)) for turn in (0.0, np.pi)]


def nearer_the_other_arm(P, t, samples=5000):
    """For points P (n, 2) with classes t: True where a point lies nearer the other class's noise-free arm than its
    own (its jitter carried it across the middle of the gap). Introduced in 05_training_race."""
    arms = [np.column_stack(a) for a in spiral_arms(samples)]
    d = [np.min(np.hypot(*(P[:, None, :] - arm[None, :, :]).transpose(2, 0, 1)), axis=1) for arm in arms]
    return np.where(np.asarray(t).ravel() == 0, d[1] < d[0], d[0] < d[1])


def spiral(n_per_class=200, noise=0.05, turns=2.0, seed=42):
    """Two interleaved spiral arms: X float64 (2n, 2), y float64 (2n, 1); class 0 first. Introduced in 05_training_race.

    Arm 0 sweeps angle 0 .. 2*pi*turns while its radius grows from 0.3 to 1;
    arm 1 is the same arm turned by half a circle. Gaussian noise (std `noise`)
    is added to each coordinate. With the defaults this is exactly the source
    article's data set (it seeds numpy's global generator with 42); here a local
    RandomState gives the same stream without touching global state.

    Another `seed` keeps the same arms but draws fresh noise: use it for
    held-out test points (e.g. train on seed=42, test on seed=43).
    """
    rng = np.random.RandomState(seed)
    arms = []
    # Draw order matters for reproducing the source: arm 0 x-noise, arm 0 y-noise, arm 1 x, arm 1 y.
    for x0, x1 in spiral_arms(n_per_class, turns):
        x0 = x0 + noise * rng.randn(n_per_class)
        x1 = x1 + noise * rng.randn(n_per_class)
        arms.append(np.column_stack([x0, x1]))
    X = np.vstack(arms)
    y = np.repeat([0.0, 1.0], n_per_class).reshape(-1, 1)
    return X, y
