"""Training race speed: course_utils.engine.mlp against what a user would pick instead and against the limit.

- PyTorch on the CPU, the same network, recipe, starting weights and math, with autograd (optional: the
  `bench` extra, `pip install -e '.[bench]'`; without it the record says so and sets no verdict);
- the matrix products alone: the same products, shapes and epochs with no activation, loss or update work,
  the floor any implementation on numpy's matrix product pays;
- a plain re-implementation of the source's loop, which also checks that the losses are the same.
"""

import time

import numpy as np

from bench.common import record
from course_utils.engine import mlp
from course_utils.facts import data

RACE = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu_tanh", "silu", "mish"]
REPEAT = 2          # best of 2 per side: the machine is shared, the minimum is the least disturbed run


def _sigmoid(x):
    return 1 / (1 + np.exp(-np.clip(x, -500, 500)))


# The source's math, as straightforward numpy: values, and slopes where it gives them;
# None means "central finite difference with eps = 1e-5", as the source does.
BASELINE = {
    "sigmoid": (_sigmoid, lambda x: _sigmoid(x) * (1 - _sigmoid(x))),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "relu": (lambda x: np.maximum(0, x), lambda x: (x > 0).astype(float)),
    "leaky_relu": (lambda x: np.where(x > 0, x, 0.01 * x), lambda x: np.where(x > 0, 1.0, 0.01)),
    "elu": (lambda x: np.where(x > 0, x, np.exp(x) - 1), lambda x: np.where(x > 0, 1.0, np.exp(x))),
    "gelu_tanh": (lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))), None),
    "silu": (lambda x: x / (1 + np.exp(-x)), None),
    "mish": (lambda x: x * np.tanh(np.log(1 + np.exp(np.clip(x, -20, 20)))), None),
}


def baseline_train(X, y, f, df, dims=(2, 32, 32, 32, 1), epochs=800, lr=0.01, seed=42):
    """Full-batch gradient descent with rows-times-matrix layers, clipped BCE: the source's recipe."""
    rng = np.random.RandomState(seed)
    W = [rng.randn(dims[i], dims[i + 1]) * np.sqrt(2 / dims[i]) for i in range(len(dims) - 1)]
    b = [np.zeros((1, d)) for d in dims[1:]]
    last = len(W) - 1
    losses = []
    for _ in range(epochs):
        acts, pre = [X], []
        for i in range(len(W)):
            z = acts[-1] @ W[i] + b[i]
            pre.append(z)
            acts.append(f(z) if i < last else _sigmoid(z))
        p = np.clip(acts[-1], 1e-7, 1 - 1e-7)
        losses.append(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        delta = p - y
        for i in range(last, -1, -1):
            gW = acts[i].T @ delta / len(X)
            gb = delta.mean(axis=0, keepdims=True)
            if i > 0:
                delta = delta @ W[i].T
                z = pre[i - 1]
                delta *= df(z) if df is not None else (f(z + 1e-5) - f(z - 1e-5)) / 2e-5
            W[i] -= lr * gW
            b[i] -= lr * gb
    return np.array(losses)


def _start(X, dims=(2, 32, 32, 32, 1), seed=42):
    """The baseline's starting weights (RandomState(seed), He-scaled), which mlp.train draws too."""
    rng = np.random.RandomState(seed)
    W = [rng.randn(dims[i], dims[i + 1]) * np.sqrt(2 / dims[i]) for i in range(len(dims) - 1)]
    return W, [np.zeros((1, d)) for d in dims[1:]]


def matmul_floor(X, dims=(2, 32, 32, 32, 1), epochs=800, bend=None):
    """Only the training's matrix products: 4 forward, 4 weight-gradient and 3 backward ones per epoch.

    bend: a registry name; then each hidden layer's products also get the engine's one value-and-slope pass.
    """
    pair = None if bend is None else mlp.slope_pair(bend)
    W, _ = _start(X, dims)
    acts = [X] + [np.ones((len(X), d)) for d in dims[1:]]
    deltas = [np.ones((len(X), d)) for d in dims[1:]]
    for _ in range(epochs):
        for i in range(len(W)):
            z = acts[i] @ W[i]
            if pair is not None and i < len(W) - 1:
                pair(z)
        for i in range(len(W) - 1, -1, -1):
            acts[i].T @ deltas[i]
            if i > 0:
                deltas[i] @ W[i].T


TORCH_BENDS = {  # PyTorch's own functions for the race's bends, the same definitions as the registry's
    "sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu", "silu": "silu", "mish": "mish",
    "leaky_relu": ("leaky_relu", {"negative_slope": 0.01}), "elu": ("elu", {"alpha": 1.0}),
    "gelu_tanh": ("gelu", {"approximate": "tanh"}),
}


def torch_train(torch, X, y, name, dims=(2, 32, 32, 32, 1), epochs=800, lr=0.01):
    """The same full-batch gradient descent in PyTorch (float64, autograd, one thread); returns the losses."""
    F = torch.nn.functional
    fn, kw = (TORCH_BENDS[name], {}) if isinstance(TORCH_BENDS[name], str) else TORCH_BENDS[name]
    bend = getattr(F, fn)
    W0, b0 = _start(X, dims)
    W = [torch.tensor(w, requires_grad=True) for w in W0]
    b = [torch.tensor(v, requires_grad=True) for v in b0]
    Xt, yt = torch.tensor(X), torch.tensor(np.asarray(y, float).reshape(-1, 1))
    losses = np.empty(epochs)
    for e in range(epochs):
        h = Xt
        for i in range(len(W) - 1):
            h = bend(h @ W[i] + b[i], **kw)
        logits = h @ W[-1] + b[-1]
        # The gradient of BCE on logits is (p - y) / n, the update the course and the source make.
        loss = F.binary_cross_entropy_with_logits(logits, yt)
        for p in W + b:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in W + b:
                p -= lr * p.grad
        losses[e] = loss.item()
    return losses


def _best(fn):
    best, out = float("inf"), None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def run():
    """Eight activations x 800 epochs with the source's recipe, ours vs the baseline; same data, same seed."""
    # Both sides run with the same allocator state: mlp.train raises glibc's trim threshold
    # (see mlp._keep_freed_memory), which would otherwise speed up the baseline only after ours ran.
    mlp._keep_freed_memory()
    X, y = data.spiral()
    ours_s = base_s = max_diff = 0.0
    finals = []
    for name in RACE:
        t_base, base_loss = _best(lambda: baseline_train(X, y, *BASELINE[name]))
        t_ours, hist = _best(lambda: mlp.train(X, y, name, **mlp.SOURCE_RECIPE))
        base_s += t_base
        ours_s += t_ours
        max_diff = max(max_diff, float(np.max(np.abs(hist.loss - base_loss))))
        finals.append(f"{name} {hist.loss[-1]:.4f}")
    floor_s = sum(_best(lambda: matmul_floor(X))[0] for _ in RACE)
    bends = {name: _best(lambda: matmul_floor(X, bend=name))[0] for name in RACE}
    per_bend = ", ".join(f"{name} {t / (floor_s / len(RACE)):.1f}x" for name, t in bends.items())
    records = [
        record("training race vs the source's plain loop", ours_s, "s", base_s, "reference", None,
               note="baseline: the source's loop (finite-difference slopes for gelu_tanh, silu, mish)"),
        record("training race vs its matrix products alone (floor)", ours_s, "s", floor_s, "≤ 1.5x the floor",
               ours_s <= 1.5 * floor_s,
               note=f"{ours_s / floor_s:.2f}x the floor: the same 11 matrix products per epoch, nothing else"),
        # Why the floor above is out of reach with numpy: the bends' own value-and-slope pass costs this much.
        record("training race vs matrix products + the bends' value-and-slope pass", ours_s, "s",
               sum(bends.values()), "reference", None,
               note=f"{ours_s / sum(bends.values()):.2f}x this floor; the floor itself per bend, in units of the "
                    f"matrix products alone: {per_bend}"),
        _versus_torch(X, y, ours_s),
    ]
    return records + [
        # record() keeps 4 decimals, so the difference is given in units of 1e-12.
        record("training race: max |loss ours - baseline| over all epochs", max_diff * 1e12, "1e-12 BCE", None,
               "≤1e-9", max_diff <= 1e-9,
               note=f"{max_diff:.2e}; final losses (source recipe, seed 42): " + ", ".join(finals)),
    ]


def _versus_torch(X, y, ours_s):
    """The race in PyTorch on the CPU, or a record that says it was not measured and why."""
    name = "training race vs PyTorch CPU (autograd, one thread)"
    try:
        import torch
    except ImportError:
        return record(name, ours_s, "s", None, "≥ 1.5x faster", None,
                      note="not measured: PyTorch is not installed (pip install -e '.[bench]')")
    torch.set_num_threads(1)
    torch_s, diff = 0.0, 0.0
    for bend in RACE:
        t, losses = _best(lambda: torch_train(torch, X, y, bend))
        torch_s += t
        diff = max(diff, float(np.max(np.abs(losses - mlp.train(X, y, bend, **mlp.SOURCE_RECIPE).loss))))
    return record(name, ours_s, "s", torch_s, "≥ 1.5x faster", torch_s / ours_s >= 1.5,
                  note=f"torch {torch.__version__}; max |loss difference| {diff:.1e} (BCE on logits vs "
                       "clipped BCE: the same updates, the loss differs only where p is within 1e-7 of 0 or 1)")
