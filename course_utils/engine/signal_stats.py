"""How the spread of signals changes through many random layers: the zoo's self-normalising experiment."""

import numpy as np

from course_utils.facts import activations


def lecun_normal(fan_in, fan_out, rng):
    """Weights with variance 1/fan_in: what SELU's fixed point assumes (Klambauer et al. 2017)."""
    return rng.standard_normal((fan_in, fan_out)) / np.sqrt(fan_in)


def layer_stats(name, depth=40, width=256, n=512, seed=0, gain=1.0, spread_in=1.0):
    """Mean and variance of the activations after each of `depth` random layers, input ~ N(0, spread_in ** 2).

    Weights are LeCun-normal times sqrt(gain) (gain=2 is He init); no biases, no normalisation:
    whatever the statistics do, the bend alone is responsible.
    """
    rng = np.random.default_rng(seed)
    act = activations.get(name)
    h = spread_in * rng.standard_normal((n, width))
    means, variances = np.empty(depth), np.empty(depth)
    for k in range(depth):
        h = act(h @ (lecun_normal(width, width, rng) * np.sqrt(gain)))
        means[k], variances[k] = h.mean(), h.var()
    return means, variances


def one_layer_spread(name, spread, points=200_001):
    """The spread out of one wide random layer with LeCun-normal weights, for inputs of average 0 and the given spread.

    In a wide layer each unit's weighted sum is a bell curve with the input's spread; the bend then reshapes it.
    Computed on a fine grid (no random draws), so the value is the same on every machine (notebook 04).
    """
    z = np.linspace(-12.0, 12.0, points) * spread
    w = np.exp(-0.5 * (z / spread) ** 2)
    w = w / w.sum()
    y = np.asarray(activations.get(name)(z), dtype=float)
    mean = float(np.sum(w * y))
    return float(np.sqrt(np.sum(w * (y - mean) ** 2)))
