"""Chapter 03's measurements: where a slope goes quiet, and how many ReLU units die (03_gradient_table)."""

import numpy as np

from course_utils.engine import mlp
from course_utils.facts import activations, data

DIMS = (2, 32, 32, 32, 1)   # the small spiral network: three hidden layers of 32 units
SEEDS = (0, 1, 2)


def quiet_zones(name, threshold=activations.NEAR_FLAT_SLOPE, span=10.0, step=1e-4):
    """(left, right): the slope is below threshold in size for x < left and x > right (None: no such zone in ±span)."""
    grid = np.linspace(-span, span, int(round(2 * span / step)) + 1)
    alive = np.abs(activations.get(name).derivative(grid)) >= threshold
    first, last = grid[np.argmax(alive)], grid[len(grid) - 1 - np.argmax(alive[::-1])]
    left = round(float(first), 2) + 0.0 if first > grid[0] else None   # + 0.0 turns -0.0 into 0.0
    right = round(float(last), 2) if last < grid[-1] else None
    return left, right


def inner_zones(name, threshold=activations.NEAR_FLAT_SLOPE, span=10.0, step=1e-4):
    """[(left, right)]: stretches inside ±span where the slope is below threshold in size, with a larger slope on both
    sides (GELU: the thin one around the bottom of its dip), each edge to 2 decimals."""
    grid = np.linspace(-span, span, int(round(2 * span / step)) + 1)
    flat = np.abs(activations.get(name).derivative(grid)) < threshold
    edges = np.flatnonzero(np.diff(flat.astype(int)))   # the last grid point before each change
    starts, ends = edges[flat[edges] == 0] + 1, edges[flat[edges] == 1]
    return [(round(float(grid[a]), 2), round(float(grid[b]), 2)) for a in starts for b in ends[ends >= a][:1]]


def dead_share(net, X):
    """Share of hidden units that output 0 with slope 0 on every row of X (mean over the hidden layers)."""
    outs, slopes, _ = net.forward(np.asarray(X, dtype=float).T.copy())
    return float(np.mean(mlp.dead_share(outs, slopes)))


def dead_at_start(shift, seeds=SEEDS, dims=DIMS):
    """Dead share of fresh ReLU networks on the spiral, every hidden bias moved down by `shift`, one per seed."""
    X, _ = data.spiral()
    shares = []
    for seed in seeds:
        net = mlp.Network.he_init(dims, "relu", seed=seed)
        for b in net.biases[:-1]:
            b -= shift
        shares.append(dead_share(net, X))
    return shares


def dead_after_training(bend, lr, seeds=SEEDS, epochs=100, dims=DIMS):
    """Train on the spiral with Adam, full batch; per seed: (dead share, share of points classified right)."""
    X, y = data.spiral()
    results = []
    for seed in seeds:
        net = mlp.train(X, y, bend, dims=dims, lr=lr, epochs=epochs, seed=seed, optimizer="adam").network
        right = float(np.mean((net.predict_proba(X) > 0.5) == (y > 0.5)))
        results.append((dead_share(net, X), right))
    return results


def unit_inputs(net, X, layer=0):
    """What each unit of a hidden layer receives (before its bend) on every row of X: shape (units, rows)."""
    outs, _, _ = net.forward(np.asarray(X, dtype=float).T.copy())
    W, b = net.weights[layer], net.biases[layer]
    return W @ outs[layer][:-1] + b


def steepest(name, span=10.0, step=1e-4):
    """(x, slope) where a bend's slope is largest on a fine grid over ±span (the first such x on ties)."""
    grid = np.linspace(-span, span, int(round(2 * span / step)) + 1)
    slopes = activations.get(name).derivative(grid)
    k = int(np.argmax(slopes))
    return round(float(grid[k]), 2) + 0.0, float(slopes[k])


def lowest_slope(name, span=10.0, step=1e-4):
    """(x, slope) where a bend's slope is smallest (most negative) on a fine grid over ±span: GELU's is below 0."""
    grid = np.linspace(-span, span, int(round(2 * span / step)) + 1)
    slopes = activations.get(name).derivative(grid)
    k = int(np.argmin(slopes))
    return round(float(grid[k]), 2) + 0.0, float(slopes[k])


def unit_slopes(bend, shift=0.0, seed=0, dims=DIMS):
    """Each hidden unit's mean slope over the spiral's points, fresh network, every hidden bias moved down by shift.

    Shape (hidden layers, units). A ReLU unit whose mean slope is 0 is dead: slope 0 on every point.
    """
    X, _ = data.spiral()
    net = mlp.Network.he_init(dims, bend, seed=seed)
    for b in net.biases[:-1]:
        b -= shift
    _, slopes, _ = net.forward(np.asarray(X, dtype=float).T.copy())
    return np.array([s.mean(axis=1) for s in slopes])


# handed_back(1.0, 10, seeds=range(3000)) to 4 decimals: the He slider's curve (tests/test_chapter_03.py recomputes it).
# 3,000 networks take half a minute, too slow for the notebook; 200 fall short (layer 1: 0.94) because a few rare
# networks with large nudges carry the average of squares, and 200 seldom include them.
HE_SHARES = (1.0066, 1.0043, 0.9995, 0.9986, 0.9997, 1.0032, 1.0025, 1.0014, 1.0, 1.0)


def handed_back(scale=1.0, depth=10, width=32, seeds=range(200), n=64):
    """The size of the nudge handed back into each hidden layer of a fresh ReLU network (layer 1 first), as a share of
    the one handed into the last hidden layer, each size the root mean square over seeds (the strength's average). scale multiplies He's starting weights
    (1 / sqrt 2 gives the plain size, sqrt(1/n), a straight bend with slope 1 would need)."""
    squares = []
    for seed in seeds:
        net = mlp.Network.he_init([width] * (depth + 1) + [1], "relu", seed)
        weights = [scale * w for w in net.weights]
        rng = np.random.RandomState(seed + 1)
        a, slopes = rng.randn(width, n), []
        for w in weights[:-1]:
            z = w @ a
            slopes.append((z > 0).astype(float))
            a = np.maximum(z, 0.0)
        delta = np.sign(rng.randn(1, n))   # a nudge of size 1 per example arrives from the output
        sizes = []
        for w, s in zip(weights[:0:-1], slopes[::-1]):   # back through the hidden layers, last first
            delta = (w.T @ delta) * s
            sizes.append(np.linalg.norm(delta))
        squares.append(np.array(sizes[::-1]) ** 2)
    rms = np.sqrt(np.mean(squares, axis=0))
    return rms / rms[-1]


def signal_flow(activation, depth=10, width=32, seed=0, n=64):
    """The backward signal's size in each hidden layer (input side first), just after that layer's bend, for one
    backward pass of mlp.gradient_flow's network and data (same draws). The flow picture plots it as a share of the
    last layer's: a weight's nudge is this signal times its input, so this drops the inputs' own sizes."""
    net, _outs, slopes, delta = mlp.flow_pass(activation, depth, width, seed, n=n)
    blocks, sizes = net._blocks, []
    for i in range(len(blocks) - 1, 0, -1):
        delta = (blocks[i][:, :-1].T @ delta) * slopes[i - 1]
        sizes.append(float(np.sqrt(np.mean(delta ** 2))))
    return np.array(sizes[::-1])


def step_parts(activation, depth=10, width=32, seed=0, n=64):
    """Pass 84 (r83: why ReLU's panel ends at 0.41 when its bar says 0.97): for signal_flow's network and data, the
    typical factor per step back (geometric mean over the depth - 1 steps between hidden layers) by which the weights
    alone stretch the signal, ||W^T d|| / ||d||, and by which the bends' slopes then keep it. Their product, nine
    times over, is the panel's layer-1 share."""
    net, _outs, slopes, delta = mlp.flow_pass(activation, depth, width, seed, n=n)
    blocks, stretch, kept = net._blocks, [], []
    for i in range(len(blocks) - 1, 0, -1):
        spread = blocks[i][:, :-1].T @ delta
        new = spread * slopes[i - 1]
        if i < len(blocks) - 1:   # hidden to hidden: the output layer's one row is not a step between layers
            stretch.append(np.linalg.norm(spread) / np.linalg.norm(delta))
            kept.append(np.linalg.norm(new) / np.linalg.norm(spread))
        delta = new
    typical = lambda v: float(np.exp(np.mean(np.log(v))))
    return typical(stretch), typical(kept)
