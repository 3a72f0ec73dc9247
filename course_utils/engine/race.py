"""The training race of notebook 05: one network per activation and seed, summarised as mean and spread."""

from dataclasses import dataclass

import numpy as np

from course_utils.engine import mlp
from course_utils.facts import activations

# The eight bends the source article races, in its order (it uses GELU's tanh approximation).
RACE = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu_tanh", "silu", "mish")


@dataclass
class Runs:
    """One activation trained from several seeds (row s of every array is seed s)."""
    activation: str
    seeds: tuple
    loss: np.ndarray            # (seeds, epochs): full-data training loss at the start of each epoch
    accuracy: np.ndarray        # (seeds, epochs): full-data training accuracy at the start of each epoch
    recorded_epochs: np.ndarray  # (records,): epochs at which grad_norms were taken
    grad_norms: np.ndarray      # (seeds, records, layers): norm of each weight gradient, input layer first
    final_loss: np.ndarray      # (seeds,): training loss of the trained network
    train_accuracy: np.ndarray  # (seeds,): accuracy of the trained network on its training points
    test_accuracy: np.ndarray   # (seeds,): accuracy on fresh points (nan if none were given)
    dead_share: np.ndarray      # (seeds, hidden layers): dead units of the trained network on the training points
    networks: list              # the trained mlp.Network of each seed

    def only(self, k):
        """The same record for run k alone (seed self.seeds[k])."""
        pick = lambda a: a[k:k + 1]
        return Runs(self.activation, self.seeds[k:k + 1], pick(self.loss), pick(self.accuracy), self.recorded_epochs,
                    pick(self.grad_norms), pick(self.final_loss), pick(self.train_accuracy),
                    pick(self.test_accuracy), pick(self.dead_share), self.networks[k:k + 1])


def train_seeds(X, y, activation, seeds=(42,), dims=(2, 32, 32, 32, 1), lr=0.01, epochs=800, optimizer="gd",
                batch_size=None, loss="stable", params=None, record_every=10, X_test=None, y_test=None,
                callback=None, dtype=np.float64):
    """Train one network per seed at once (stacked weights, batched matmuls); same results as mlp.train per seed.

    Each seed is mlp.train's network, data order and update rule; only the loop is shared, so a
    race over many seeds costs little more Python than one run. callback(epoch) after each epoch.
    dtype=np.float32 halves the arithmetic (the same He draws, rounded to float32).
    Introduced in 05_training_race.
    """
    if optimizer not in ("gd", "adam"):
        raise ValueError(f"optimizer must be 'gd' or 'adam', not {optimizer!r}")
    seeds = tuple(int(s) for s in seeds)
    name = activations.get(activation).name
    pair = mlp.slope_pair(name, params)
    A = np.ascontiguousarray(np.asarray(X, dtype=dtype).T)   # (features, n): one column per example, as in mlp
    Y = np.asarray(y, dtype=dtype).reshape(1, -1)
    n, S = A.shape[1], len(seeds)
    inits = [mlp.Network.he_init(dims, name, s, params) for s in seeds]
    # All weights and biases live in one flat buffer (and their gradients in another), so an
    # optimizer step is a handful of array operations however many layers there are.
    shapes = [shape for o, i in zip(dims[1:], dims[:-1]) for shape in ((S, o, i), (S, o, 1))]
    P, flat = _buffer(shapes, dtype)
    G, grad_flat = _buffer(shapes, dtype)
    for k, p in enumerate(flat):
        p[...] = np.stack([(net.weights if k % 2 == 0 else net.biases)[k // 2] for net in inits])
    Ws, bs = flat[0::2], flat[1::2]          # (S, out, in) and (S, out, 1) views
    gWs, gbs = grad_flat[0::2], grad_flat[1::2]
    moments = [np.zeros_like(P), np.zeros_like(P)]
    shufflers = [np.random.RandomState(s + 1) for s in seeds]   # mlp.train's shuffling stream per seed
    positive = Y > 0.5
    losses, accs = np.empty((S, epochs)), np.empty((S, epochs))
    rec, norms = [], []
    step = 0

    def forward(inputs):
        outs, slopes = [inputs], []
        for W, b in zip(Ws[:-1], bs[:-1]):
            z = W @ outs[-1]
            z += b
            v, s = pair(z)
            outs.append(v)
            slopes.append(s)
        return outs, slopes, Ws[-1] @ outs[-1] + bs[-1]

    def backward(outs, slopes, delta):
        """Fill the gradient buffer from delta = dLoss/dlogits (already divided by the batch size)."""
        for i in range(len(Ws) - 1, -1, -1):
            np.matmul(delta, np.swapaxes(outs[i], -1, -2), out=gWs[i])
            np.sum(delta, axis=-1, keepdims=True, out=gbs[i])
            if i > 0:
                delta = np.swapaxes(Ws[i], -1, -2) @ delta
                delta *= slopes[i - 1]

    for epoch in range(epochs):
        outs, slopes, logits = forward(A)
        delta = np.empty_like(logits)
        for s in range(S):   # mlp's own loss, per seed: one definition of the loss in the course
            losses[s, epoch], delta[s] = mlp.bce(logits[s], Y, loss)
        accs[:, epoch] = np.count_nonzero((logits > 0) == positive, axis=(1, 2)) / n
        recording = epoch % record_every == 0
        if recording:
            rec.append(epoch)
        if batch_size is None:
            batches = [None]
        else:
            orders = np.stack([r.permutation(n) for r in shufflers])
            batches = [orders[:, k:k + batch_size] for k in range(0, n, batch_size)]
        for k, idx in enumerate(batches):
            if idx is not None:
                outs, slopes, logits = forward(np.swapaxes(A.T[idx], 1, 2))   # (S, features, batch)
                delta = np.empty_like(logits)
                for s in range(S):
                    delta[s] = mlp.bce(logits[s], Y[:, idx[s]], loss)[1]
            backward(outs, slopes, delta / delta.shape[-1])
            if recording and k == 0:
                norms.append([np.sqrt(np.einsum("sij,sij->s", gw, gw)) for gw in gWs])
            step += 1
            mlp.optimizer_step(P, G, lr, optimizer, moments, step)
        if callback is not None:
            callback(epoch)

    networks = [mlp.Network([W[s].copy() for W in Ws], [b[s].copy() for b in bs], name, dict(params or {}))
                for s in range(S)]
    outs, slopes, logits = forward(A)
    final = np.array([mlp.bce(logits[s], Y, loss)[0] for s in range(S)])
    train_acc = np.count_nonzero((logits > 0) == positive, axis=(1, 2)) / n
    dead = np.stack([mlp.dead_fraction(v, d) for v, d in zip(outs[1:], slopes)], axis=-1)   # (S, hidden layers)
    test_acc = np.full(S, np.nan)
    if X_test is not None:
        yt = np.asarray(y_test).ravel() > 0.5
        test_acc = np.array([np.mean((net.predict_proba(X_test).ravel() > 0.5) == yt) for net in networks])
    grad_norms = np.array(norms).transpose(2, 0, 1) if norms else np.empty((S, 0, len(Ws)))
    return Runs(name, seeds, losses, accs, np.array(rec), grad_norms, final, train_acc, test_acc, dead, networks)


def _buffer(shapes, dtype):
    """One flat zero buffer and its views of the given shapes, in order."""
    sizes = [int(np.prod(shape)) for shape in shapes]
    ends = np.cumsum(sizes)
    buf = np.zeros(int(ends[-1]), dtype)
    return buf, [buf[e - n:e].reshape(shape) for e, n, shape in zip(ends, sizes, shapes)]


def race(X, y, names=RACE, seeds=(0, 1, 2, 3, 4), progress=None, **recipe):
    """Train every activation from every seed; {name: Runs}. progress(done, total, name) reports epochs done.

    recipe: the keyword arguments of train_seeds (lr, epochs, optimizer, batch_size, X_test ...).
    """
    epochs = recipe.get("epochs", 800)
    total, results = len(names) * epochs, {}
    every = max(1, epochs // 20)   # about twenty progress updates per activation: a widget message costs time
    for i, name in enumerate(names):
        def tick(epoch, i=i, name=name):
            if progress is not None and ((epoch + 1) % every == 0 or epoch + 1 == epochs):
                progress(i * epochs + epoch + 1, total, name)
        results[activations.get(name).name] = train_seeds(X, y, name, seeds, callback=tick, **recipe)
    return results


def epochs_to(loss, threshold):
    """Per run: the first epoch whose loss is below threshold (epochs of training it took), nan if never."""
    loss = np.atleast_2d(np.asarray(loss, dtype=float))
    below = loss < threshold
    return np.where(below.any(axis=1), below.argmax(axis=1), np.nan)


def spread(values):
    """Mean, sample standard deviation (0 for one value), min and max of the finite values; nans if none."""
    v = np.asarray(values, dtype=float).ravel()
    v = v[np.isfinite(v)]
    if v.size == 0:
        return dict(mean=np.nan, sd=np.nan, min=np.nan, max=np.nan, n=0)
    sd = float(np.std(v, ddof=1)) if v.size > 1 else 0.0
    return dict(mean=float(np.mean(v)), sd=sd, min=float(v.min()), max=float(v.max()), n=int(v.size))


def summary(results, threshold=0.1):
    """One row of statistics per activation: {name: {metric: spread dict}}, dead share pooled over hidden layers."""
    rows = {}
    for name, r in results.items():
        reached = epochs_to(r.loss, threshold)
        rows[name] = {
            "final_loss": spread(r.final_loss),
            "epochs_to": spread(reached) | {"reached": int(np.isfinite(reached).sum()), "runs": len(reached)},
            "train_accuracy": spread(r.train_accuracy),
            "test_accuracy": spread(r.test_accuracy),
            "dead_share": spread(np.mean(r.dead_share, axis=1)),
        }
    return rows
