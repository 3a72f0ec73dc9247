"""The training race of notebook 05: one network per activation and seed, summarised as mean and spread."""

import contextlib
import ctypes
import glob
import os
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


# The race's network, input to output: three hidden layers of 32 (chapter 05 draws it from here).
RACE_DIMS = (2, 32, 32, 32, 1)
# Chapter 05's race recipe (its text says Adam, learning rate 0.01, 400 epochs, five seeds); chapter 07's race
# questions and Adam picture read the same numbers.
RACE_RECIPE = dict(optimizer="adam", lr=0.01, epochs=400)
RACE_SEEDS = (0, 1, 2, 3, 4)


def train_seeds(X, y, activation, seeds=(42,), dims=RACE_DIMS, lr=0.01, epochs=800, optimizer="gd",
                batch_size=None, loss="stable", params=None, record_every=10, X_test=None, y_test=None,
                callback=None, dtype=np.float64, shift=0.0, stretch=(1.0, 1.0), start_scale=1.0, step_scale=1.0):
    """Train one network per seed at once (stacked weights, batched matmuls); same results as mlp.train per seed.

    Each seed is mlp.train's network, data order and update rule; only the loop is shared, so a
    race over many seeds costs little more Python than one run. callback(epoch) after each epoch.
    dtype=np.float32 halves the arithmetic (the same He draws, rounded to float32). shift: as in mlp.train;
    stretch: as in mlp.slope_pair. start_scale, step_scale: as in Training (the weights into the bends only).
    Introduced in 05_training_race.
    """
    training = Training(X, y, activation, seeds, dims=dims, lr=lr, optimizer=optimizer, batch_size=batch_size,
                        loss=loss, params=params, record_every=record_every, dtype=dtype, shift=shift,
                        stretch=stretch, start_scale=start_scale, step_scale=step_scale)
    for epoch in range(epochs):
        training.step()
        if callback is not None:
            callback(epoch)
    return training.result(X_test, y_test)


class Training:
    """Networks of one activation, one per seed, trained one epoch per step() (train_seeds' loop, opened up).

    A live race steps several of these in turn, so every bend moves forward together, and can
    look at them between epochs (loss so far, predict_proba) or stop whenever it likes.
    """

    def __init__(self, X, y, activation, seeds=(42,), dims=RACE_DIMS, lr=0.01, optimizer="gd",
                 batch_size=None, loss="stable", params=None, record_every=10, dtype=np.float64, epochs=None,
                 shift=0.0, stretch=(1.0, 1.0), start_scale=1.0, step_scale=1.0):
        if optimizer not in ("gd", "adam"):
            raise ValueError(f"optimizer must be 'gd' or 'adam', not {optimizer!r}")
        self.seeds = tuple(int(s) for s in seeds)
        self.name = name = activations.get(activation).name
        self.params = dict(params or {})
        self.shift, self.stretch = shift, tuple(stretch)
        self._pair = mlp.slope_pair(name, params, shift, self.stretch)
        self.dtype = dtype
        self.A = np.ascontiguousarray(np.asarray(X, dtype=dtype).T)   # (features, n): one column per example, as in mlp
        self.Y = np.asarray(y, dtype=dtype).reshape(1, -1)
        S = len(self.seeds)
        inits = [mlp.Network.he_init(dims, name, s, params, shift, stretch) for s in self.seeds]
        # All weights and biases live in one flat buffer (and their gradients in another), so an
        # optimizer step is a handful of array operations however many layers there are.
        shapes = [shape for o, i in zip(dims[1:], dims[:-1]) for shape in ((S, o, i), (S, o, 1))]
        self.P, flat = _buffer(shapes, dtype)
        self.G, grad_flat = _buffer(shapes, dtype)
        for k, p in enumerate(flat):
            p[...] = np.stack([(net.weights if k % 2 == 0 else net.biases)[k // 2] for net in inits])
        self.Ws, self.bs = flat[0::2], flat[1::2]          # (S, out, in) and (S, out, 1) views
        for W, b in zip(self.Ws[:-1], self.bs[:-1]):       # start_scale: the weights and biases into the bends
            W *= start_scale                               # start that many times bigger (05's "start ×4");
            b *= start_scale                               # the output unit's are left as they are
        self.gWs, self.gbs = grad_flat[0::2], grad_flat[1::2]
        self.moments = [np.zeros_like(self.P), np.zeros_like(self.P)]
        self.shufflers = [np.random.RandomState(s + 1) for s in self.seeds]   # mlp.train's shuffling stream per seed
        self.positive = self.Y > 0.5
        self.lr, self.optimizer, self.batch_size, self.loss_kind = lr, optimizer, batch_size, loss
        self._rates = lr
        if step_scale != 1.0:   # step_scale: the weights and biases into the bends step at lr × step_scale (05's
            output = self.Ws[-1].size + self.bs[-1].size   # "bigger steps alone"); the output unit's at lr, as raced
            self._rates = np.full(self.P.shape, lr * step_scale, dtype)
            self._rates[-output:] = lr
        self.record_every = record_every
        self._losses, self._accs = [], []    # one (S,) array per epoch done
        self.rec, self.norms = [], []
        self.epoch = 0       # epochs done
        self._step = 0       # optimizer steps done

    def _forward(self, inputs):
        outs, slopes = [inputs], []
        for W, b in zip(self.Ws[:-1], self.bs[:-1]):
            z = W @ outs[-1]
            z += b
            v, s = self._pair(z)
            outs.append(v)
            slopes.append(s)
        return outs, slopes, self.Ws[-1] @ outs[-1] + self.bs[-1]

    def _backward(self, outs, slopes, delta):
        """Fill the gradient buffer from delta = dLoss/dlogits (already divided by the batch size)."""
        Ws, gWs, gbs = self.Ws, self.gWs, self.gbs
        for i in range(len(Ws) - 1, -1, -1):
            np.matmul(delta, np.swapaxes(outs[i], -1, -2), out=gWs[i])
            np.sum(delta, axis=-1, keepdims=True, out=gbs[i])
            if i > 0:
                delta = np.swapaxes(Ws[i], -1, -2) @ delta
                delta *= slopes[i - 1]

    def step(self):
        """Train one epoch; record the loss and accuracy the networks had at its start."""
        A, Y, S, n, loss = self.A, self.Y, len(self.seeds), self.A.shape[1], self.loss_kind
        outs, slopes, logits = self._forward(A)
        delta = np.empty_like(logits)
        losses = np.empty(S)
        for s in range(S):   # mlp's own loss, per seed: one definition of the loss in the course
            losses[s], delta[s] = mlp.bce(logits[s], Y, loss)
        self._losses.append(losses)
        self._accs.append(np.count_nonzero((logits > 0) == self.positive, axis=(1, 2)) / n)
        recording = self.epoch % self.record_every == 0
        if recording:
            self.rec.append(self.epoch)
        if self.batch_size is None:
            batches = [None]
        else:
            orders = np.stack([r.permutation(n) for r in self.shufflers])
            batches = [orders[:, k:k + self.batch_size] for k in range(0, n, self.batch_size)]
        for k, idx in enumerate(batches):
            if idx is not None:
                outs, slopes, logits = self._forward(np.swapaxes(A.T[idx], 1, 2))   # (S, features, batch)
                delta = np.empty_like(logits)
                for s in range(S):
                    delta[s] = mlp.bce(logits[s], Y[:, idx[s]], loss)[1]
            self._backward(outs, slopes, delta / delta.shape[-1])
            if recording and k == 0:
                self.norms.append([np.sqrt(np.einsum("sij,sij->s", gw, gw)) for gw in self.gWs])
            self._step += 1
            mlp.optimizer_step(self.P, self.G, self._rates, self.optimizer, self.moments, self._step)
        self.epoch += 1

    @property
    def losses(self):
        """(seeds, epochs done): the training loss at the start of each epoch so far."""
        return np.array(self._losses).T.reshape(len(self.seeds), self.epoch)

    def hidden_layer(self, layer, points=None):
        """Hidden layer `layer`'s (1-based) weighted sums and outputs for points (n, features), the training points if
        None, as the networks are now: two (seeds, units, n) arrays (05's measured guess, forward_shrink)."""
        inputs = self.A if points is None else np.asarray(points, dtype=self.dtype).T
        a = inputs
        for W, b in list(zip(self.Ws[:-1], self.bs[:-1]))[:layer]:
            z = W @ a + b
            a = self._pair(z)[0]
        return z, a

    def now(self):
        """Loss and training accuracy of each seed's network as it is now: two (seeds,) arrays."""
        logits = self._forward(self.A)[2]
        loss = np.array([mlp.bce(logits[s], self.Y, self.loss_kind)[0] for s in range(len(self.seeds))])
        return loss, np.count_nonzero((logits > 0) == self.positive, axis=(1, 2)) / self.A.shape[1]

    def predict_proba(self, points):
        """P(class 1) of each seed's network now, for points (n, features): shape (seeds, n)."""
        logits = self._forward(np.asarray(points, dtype=self.dtype).T)[2]
        return mlp._expit(logits)[:, 0, :]

    def result(self, X_test=None, y_test=None):
        """The Runs record of the networks as they are now (after the epochs done so far)."""
        S, n, Ws, bs = len(self.seeds), self.A.shape[1], self.Ws, self.bs
        networks = [mlp.Network([W[s].copy() for W in Ws], [b[s].copy() for b in bs], self.name, dict(self.params),
                                self.shift, self.stretch) for s in range(S)]
        outs, slopes, logits = self._forward(self.A)
        final = np.array([mlp.bce(logits[s], self.Y, self.loss_kind)[0] for s in range(S)])
        train_acc = np.count_nonzero((logits > 0) == self.positive, axis=(1, 2)) / n
        dead = np.stack([mlp.dead_fraction(v, d) for v, d in zip(outs[1:], slopes)], axis=-1)   # (S, hidden layers)
        test_acc = np.full(S, np.nan)
        if X_test is not None:
            yt = np.asarray(y_test).ravel() > 0.5
            test_acc = np.array([np.mean((net.predict_proba(X_test).ravel() > 0.5) == yt) for net in networks])
        grad_norms = np.array(self.norms).transpose(2, 0, 1) if self.norms else np.empty((S, 0, len(Ws)))
        accs = np.array(self._accs).T.reshape(S, self.epoch)
        return Runs(self.name, self.seeds, self.losses, accs, np.array(self.rec), grad_norms, final, train_acc,
                    test_acc, dead, networks)


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


def race_together(X, y, names=RACE, seeds=(0,), every=10, on_frame=None, stop=None, X_test=None, y_test=None,
                  epochs=400, variants=None, **recipe):
    """Train every bend side by side, one epoch of each in turn, as a live race shows it; {name: Runs}.

    on_frame(epochs_done, {name: Training}) is called every `every` epochs and once at the end;
    stop (a threading.Event) ends the race early, after the epoch under way: the Runs then hold
    the epochs done. Each bend's numbers are race()'s (the same recipe gives the same runs).
    variants: {runner name: dict(activation=..., shift=..., stretch=...)} for runners that are a registry bend
    moved or stretched (05's live race: "sigmoid − 0.5"); they keep their own name as the key.
    Introduced in 05_training_race.
    """
    variants = variants or {}
    trainings = {n: Training(X, y, seeds=seeds, **variants[n], **recipe) if n in variants else
                 Training(X, y, n, seeds, **recipe) for n in names}
    trainings = {(n if n in variants else activations.get(n).name): t for n, t in trainings.items()}
    done = drawn = 0
    while done < epochs and not (stop is not None and stop.is_set()):
        for training in trainings.values():
            training.step()
        done += 1
        if on_frame is not None and (done % every == 0 or done == epochs):
            on_frame(done, trainings)
            drawn = done
    if on_frame is not None and drawn != done:
        on_frame(done, trainings)   # stopped between two frames: show where the race ended
    return {n: t.result(X_test, y_test) for n, t in trainings.items()}


@contextlib.contextmanager
def one_blas_thread():
    """Run the block with this thread's BLAS calls on one thread (OpenBLAS's thread-local setting; else no-op).

    A live race's small matrix products gain nothing from a second thread, and on a shared machine
    a multi-threaded call can wait a whole time slice for the busy core: a frame went from about
    40 ms to over 200 ms. Thread-local, so other threads keep their setting; the products are the same.
    """
    set_local = _openblas_set_num_threads_local()
    previous = set_local(1) if set_local is not None else None
    try:
        yield
    finally:
        if set_local is not None:
            set_local(max(previous, 0))   # 0: back to OpenBLAS's default


def _openblas_set_num_threads_local():
    """OpenBLAS's openblas_set_num_threads_local from numpy's bundled library, or None."""
    libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libs, "*openblas*.so*"))):
        try:
            fn = ctypes.CDLL(path).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        return fn
    return None


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
