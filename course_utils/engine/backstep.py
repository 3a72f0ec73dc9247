"""One backward step through a tanh layer, and the same slope measured by nudging a weight (05_training_race)."""

import numpy as np


def layer_backward(x, W, b, upstream):
    """(dW, db, dx) of the batch-average loss through h = tanh(x @ W + b), given upstream = d loss_i / d h_i."""
    z = x @ W + b
    dz = upstream * (1 - np.tanh(z) ** 2) / len(x)   # through the bend; each of the n examples counts 1/n
    return x.T @ dz, dz.sum(axis=0), dz @ W.T


def average_loss(x, W, b, upstream):
    """A batch-average loss whose gradient with respect to each h_i is exactly upstream_i: mean of sum(upstream * h)."""
    return float(np.mean(np.sum(upstream * np.tanh(x @ W + b), axis=1)))


def measured_slope(x, W, b, upstream, i, j, step=1e-6):
    """How fast the average loss moves when weight W[i, j] is nudged: (loss(W + step) - loss(W - step)) / (2 step)."""
    up, down = W.copy(), W.copy()
    up[i, j] += step
    down[i, j] -= step
    return (average_loss(x, up, b, upstream) - average_loss(x, down, b, upstream)) / (2 * step)


def example(seed=0, n=5, d_in=3, d_out=2):
    """A small batch, layer and upstream nudge to show the step on."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d_in)), rng.normal(size=(d_in, d_out)), rng.normal(size=d_out), rng.normal(size=(n, d_out))
