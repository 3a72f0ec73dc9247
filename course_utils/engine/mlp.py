"""A tiny numpy network with an analytic backward pass: the training race (05) and the helpers of 01 and 03.

Layout: one column per example; layer i maps a column a to W[i] @ a + b[i], W of shape
(fan_out, fan_in), the same convention as compose_affine. (The source article multiplies
rows by (fan_in, fan_out) matrices; Network.he_init draws its numbers and stores their
transposes.) Hidden layers share one registry activation; the output is one sigmoid unit
trained with binary cross-entropy. train() and predict_proba() take rows X (n, features).
"""

from dataclasses import dataclass, field

import numpy as np

from course_utils.facts import activations



def slope_pair(activation, params=None, shift=0.0, stretch=(1.0, 1.0)):
    """A function z -> (value, slope) for a registry activation; records with value_and_slope take that one pass.

    shift moves every value down by that much and keeps the slopes: shift=0.5 centres sigmoid on 0 (05_training_race).
    stretch=(tall, wide) makes the bend tall * f(wide * z) - shift, its slope tall * wide * f'(wide * z): (2, 1) with
    shift 1 is 2·sigmoid − 1, (1, 4) with shift 0.5 is sigmoid(4x) − 0.5 (05_training_race's live race).
    """
    tall, wide = stretch
    if shift or (tall, wide) != (1.0, 1.0):
        pair = slope_pair(activation, params)

        def shifted(z):
            value, slope = pair(wide * z)   # times 1.0 is exact, so a plain shift stays bit for bit the same
            return tall * value - shift, (tall * wide) * slope
        return shifted
    act = activations.get(activation)
    params = dict(params or {})
    fast = act.value_and_slope
    if fast is None or act.kind != "elementwise":
        return lambda z: (act(z, **params), act.derivative(z, **params))
    unknown = set(params) - set(act.params)
    if unknown:
        raise TypeError(f"{act.name} takes parameters {sorted(act.params)}, not {sorted(unknown)}")
    full = {k: p.default for k, p in act.params.items()}
    full.update(params)
    return lambda z: fast(z, **full)


def value_and_slope(activation, z, **params):
    """The activation's value and slope at z (registry math, computed in one pass)."""
    z = np.asarray(z)
    return slope_pair(activation, params)(z if z.dtype.kind == "f" else z.astype(np.float64))


@dataclass
class Network:
    """Layer i maps a column a to W[i] @ a + b[i], W (fan_out, fan_in), b (fan_out, 1); hidden layers share `activation`,
    each hidden value moved down by `shift` (0: the bend as it is) after `stretch` (see slope_pair)."""
    weights: list
    biases: list
    activation: str = "relu"
    params: dict = field(default_factory=dict)
    shift: float = 0.0
    stretch: tuple = (1.0, 1.0)

    def __post_init__(self):
        self._pair = slope_pair(self.activation, self.params, self.shift, self.stretch)
        # All parameters live in one flat vector theta, so an optimiser step is one vectorised
        # update. Inside it each layer is one block [W | b] of shape (fan_out, fan_in + 1), and
        # each layer input gets a row of ones: W @ a + b is one matmul, and dW, db come out of
        # one matmul in the backward pass (the "bias trick"). weights and biases are views.
        blocks = [np.hstack([np.asarray(W, dtype=float), np.reshape(b, (-1, 1))]) for W, b in zip(self.weights, self.biases)]
        self._shapes = [B.shape for B in blocks]
        self.theta = np.concatenate([B.ravel() for B in blocks])
        self._blocks = self._split(self.theta)
        self.weights, self.biases = self.unflatten(self.theta)

    def _split(self, flat):
        blocks, at = [], 0
        for rows, cols in self._shapes:
            blocks.append(flat[at:at + rows * cols].reshape(rows, cols))
            at += rows * cols
        return blocks

    def unflatten(self, flat):
        """Views ([W0, W1, ...], [b0, b1, ...]) into a flat vector laid out like theta."""
        blocks = self._split(flat)
        return [B[:, :-1] for B in blocks], [B[:, -1:] for B in blocks]

    @classmethod
    def he_init(cls, dims, activation="relu", seed=42, params=None, shift=0.0, stretch=(1.0, 1.0)):
        """He init as in the source: randn(fan_in, fan_out) * sqrt(2 / fan_in), drawn layer by layer; b = 0.

        The source keeps W as (fan_in, fan_out) and multiplies rows; we store the transpose
        of the same draws, so the seed gives the very same network.
        """
        rng = np.random.RandomState(seed)
        weights = [(rng.randn(i, o) * np.sqrt(2.0 / i)).T for i, o in zip(dims[:-1], dims[1:])]
        biases = [np.zeros((o, 1)) for o in dims[1:]]
        return cls(weights, biases, activations.get(activation).name, dict(params or {}), shift, tuple(stretch))

    def forward(self, A):
        """For columns A (features, n): each layer's input with its row of ones, the hidden slopes, the logits (1, n)."""
        a = np.ones((len(A) + 1, A.shape[1]))
        a[:-1] = A
        outs, slopes = [a], []
        for B in self._blocks[:-1]:
            v, s = self._pair(B @ outs[-1])
            a = np.empty((len(v) + 1, v.shape[1]))
            a[:-1] = v
            a[-1] = 1.0
            outs.append(a)
            slopes.append(s)
        return outs, slopes, self._blocks[-1] @ outs[-1]

    def backward(self, outs, slopes, delta):
        """The gradient, flat like theta (unflatten() gives dW, db per layer), from delta = dLoss/dlogits (1, n) / n."""
        flat = np.empty_like(self.theta)
        for i, (B, dB) in reversed(list(enumerate(zip(self._blocks, self._split(flat))))):
            np.matmul(delta, outs[i].T, out=dB)   # [dW | db] = delta @ [a; 1]^T
            if i > 0:
                delta = B[:, :-1].T @ delta
                delta *= slopes[i - 1]
        return flat

    def predict_proba(self, X):
        """P(class 1) for each row of X (n, features): shape (n, 1)."""
        logits = self.forward(np.asarray(X, dtype=float).T)[2]
        return _expit(logits).T


def bce(logits, y, loss="stable"):
    """Mean binary cross-entropy and its slope per example wrt the logits (not yet divided by n).

    "stable" works on logits (softplus(z) - y z), exact everywhere. "clipped" is the source's
    recipe: probabilities clipped to [1e-7, 1 - 1e-7], slope `clipped - y`.
    """
    p = _expit(logits)
    if loss == "stable":
        return float(np.mean(np.logaddexp(0.0, logits) - y * logits)), p - y
    if loss == "clipped":
        np.clip(p, 1e-7, 1 - 1e-7, out=p)
        # mean of y log p + (1 - y) log(1 - p), as two dot products
        return -float(np.vdot(y, np.log(p)) + np.vdot(1 - y, np.log(1 - p))) / p.size, p - y
    raise ValueError(f"loss must be 'stable' or 'clipped', not {loss!r}")


def train_straight_rule(X, y, start, lr=0.5, steps=500):
    """A straight rule (w1·x1 + w2·x2 + b, then the sigmoid) trained from `start` by plain full-batch nudges, each
    on bce's slope; returns the final (w1, w2, b). What a no-bend network collapses into (notebook 01)."""
    A = np.column_stack([np.asarray(X, dtype=float), np.ones(len(X))])
    Y = np.asarray(y, dtype=float).reshape(1, -1)
    theta = np.array(start, dtype=float)
    for _ in range(steps):
        slope = bce((A @ theta).reshape(1, -1), Y)[1]
        theta -= lr * (A.T @ slope.ravel()) / len(A)
    return theta


def dead_fraction(values, slopes):
    """Share of units that output 0 with slope 0 on every example (last axis), over leading axes (03_gradient_table)."""
    dead = ~np.any(slopes, axis=-1) & ~np.any(values, axis=-1)
    return dead.mean(axis=-1)


def dead_share(outs, slopes):
    """Share of dead units per hidden layer, from forward()'s outputs (each a[:-1]: a[-1] is the row of ones)."""
    return np.array([dead_fraction(a[:-1], s) for a, s in zip(outs[1:], slopes)])


@dataclass
class History:
    """What train() saw: per-epoch loss and accuracy, recorded gradient norms and dead shares, the trained net."""
    loss: np.ndarray             # full-data loss at the start of each epoch (before its updates)
    accuracy: np.ndarray         # full-data accuracy at the start of each epoch
    recorded_epochs: np.ndarray  # the epochs at which grad_norms and dead_share were taken
    grad_norms: np.ndarray       # (records, layers): Frobenius norm of each weight gradient, input layer first
    dead_share: np.ndarray       # (records, hidden layers)
    final_dead_share: np.ndarray  # dead share of the trained network on X
    network: Network


def _keep_freed_memory():
    """Stop glibc handing freed heap memory back to the OS between epochs.

    An epoch makes dozens of ~100 KB temporaries; by default glibc trims the heap whenever
    128 KB sit free at its top, so the next epoch page-faults the same memory back in (up to
    5x slower activations). Freeing one 8 MB block raises glibc's dynamic mmap and trim
    thresholds for the rest of the process; elsewhere this is a harmless allocation.
    """
    np.empty(1 << 20)                              # created and freed at once: nothing is touched


def _expit(z):
    """SciPy's logistic for the (1, n) output layer; imported on first use (scipy.special costs ~0.25 s to import)."""
    from scipy.special import expit
    return expit(z)


SOURCE_RECIPE = dict(dims=(2, 32, 32, 32, 1), lr=0.01, epochs=800, seed=42, optimizer="gd", loss="clipped")


def train(X, y, activation="relu", dims=(2, 32, 32, 32, 1), lr=0.01, epochs=800, seed=42, optimizer="gd",
          batch_size=None, params=None, callback=None, loss="stable", record_every=10, shift=0.0):
    """Train a fresh He-initialised network on rows X (n, features), labels y (n,) or (n, 1). Introduced in 05_training_race.

    `train(X, y, act, **SOURCE_RECIPE)` is the source's race recipe as given. optimizer is "gd"
    (plain gradient descent) or "adam"; batch_size=None means full batch, else the examples are
    shuffled each epoch. Deterministic by seed. callback(epoch, loss) is called once per epoch
    (e.g. to drive a progress bar); gradient norms and dead shares are taken every record_every epochs.
    shift moves every hidden value down and keeps the slopes (0.5: sigmoid centred on 0, same slopes).
    """
    if optimizer not in ("gd", "adam"):
        raise ValueError(f"optimizer must be 'gd' or 'adam', not {optimizer!r}")
    _keep_freed_memory()
    A = np.ascontiguousarray(np.asarray(X, dtype=float).T)   # one column per example
    Y = np.asarray(y, dtype=float).reshape(1, -1)
    n = A.shape[1]
    net = Network.he_init(dims, activation, seed, params, shift)
    rng = np.random.RandomState(seed + 1)                    # shuffling: a stream apart from the init
    moments = np.zeros((2, net.theta.size))                  # Adam's first and second moments
    losses, accs, rec, norms, dead = np.empty(epochs), np.empty(epochs), [], [], []
    positive, step = Y > 0.5, 0
    for epoch in range(epochs):
        outs, slopes, logits = net.forward(A)
        losses[epoch], delta = bce(logits, Y, loss)
        accs[epoch] = np.count_nonzero((logits > 0) == positive) / n
        recording = epoch % record_every == 0
        if recording:
            rec.append(epoch)
            dead.append(dead_share(outs, slopes))
        order = None if batch_size is None else rng.permutation(n)
        for start in range(0, n, batch_size or n):
            if order is not None:
                idx = order[start:start + batch_size]
                outs, slopes, logits = net.forward(A[:, idx])
                delta = bce(logits, Y[:, idx], loss)[1]
            grad = net.backward(outs, slopes, delta / delta.shape[1])
            if recording and start == 0:
                norms.append([np.sqrt(np.vdot(gw, gw)) for gw in net.unflatten(grad)[0]])
            step += 1
            optimizer_step(net.theta, grad, lr, optimizer, moments, step)
        if callback is not None:
            callback(epoch, losses[epoch])
    outs, slopes, _ = net.forward(A)
    final_dead = dead_share(outs, slopes)
    return History(losses, accs, np.array(rec), np.array(norms), np.array(dead), final_dead, net)


def optimizer_step(theta, grad, lr, optimizer, moments, step, b1=0.9, b2=0.999, eps=1e-8):
    """One step of gradient descent or Adam (Kingma & Ba 2015, bias-corrected) on flat parameters, in place (05_training_race)."""
    if optimizer == "gd":
        theta -= lr * grad
        return
    m, v = moments
    m *= b1
    m += (1 - b1) * grad
    v *= b2
    v += (1 - b2) * grad * grad
    theta -= lr * (m / (1 - b1 ** step)) / (np.sqrt(v / (1 - b2 ** step)) + eps)


def compose_affine(layers):
    """Collapse affine layers into one: the collapse proof as code. Introduced in 01_collapse_proof.

    Convention: each layer is (W, b) acting on a column x as W @ x + b, applied first to
    last. The result (W, b) satisfies W @ x + b == the stack applied layer by layer.
    """
    W, b = layers[0]
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    for Wi, bi in layers[1:]:
        W, b = Wi @ W, Wi @ b + bi                 # Wi (W x + b) + bi = (Wi W) x + (Wi b + bi)
    return W, b


def compose_lines(weights, biases):
    """(W, b) of the single line equal to stacked 1-D layers y = w·x + b, via compose_affine (notebook 01)."""
    W, b = compose_affine([(np.array([[w]]), np.array([c])) for w, c in zip(weights, biases)])
    return float(W[0, 0]), float(b[0])


def chain_product(activation, x, depth, **params):
    """Product of slopes through `depth` layers, and the partial products after each layer. Introduced in 03_gradient_table.

    x is the pre-activation at every layer (a number) or one per layer (an array of length depth).
    """
    xs = np.broadcast_to(np.asarray(x, dtype=float), (depth,))
    partials = np.cumprod(activations.get(activation).derivative(xs, **params))
    return float(partials[-1]), partials


def gradient_flow(activation, depth=6, width=32, seed=0, x_scale=1.0, params=None, n=64):
    """Weight-gradient norm of each hidden layer (input side first) for one backward pass. Introduced in 03_gradient_table.

    A fresh He-initialised network of `depth` hidden layers of `width` units sees n random
    inputs of scale x_scale and random 0/1 labels; the gradient of the mean cross-entropy
    flows back from its sigmoid output.
    """
    net, outs, slopes, d_out = flow_pass(activation, depth, width, seed, x_scale, params, n)
    d_weights = net.unflatten(net.backward(outs, slopes, d_out))[0]
    return np.array([np.sqrt(np.vdot(gw, gw)) for gw in d_weights[:-1]])


def flow_pass(activation, depth=6, width=32, seed=0, x_scale=1.0, params=None, n=64):
    """The flow pictures' network and one forward pass: (network, layer outputs, slopes, the output's nudge)."""
    net = Network.he_init([width] * (depth + 1) + [1], activation, seed, params)
    rng = np.random.RandomState(seed + 1)   # the data's own draws, apart from the weights'
    A = x_scale * rng.randn(width, n)
    Y = (rng.rand(1, n) < 0.5).astype(float)
    outs, slopes, logits = net.forward(A)
    return net, outs, slopes, bce(logits, Y)[1] / n
