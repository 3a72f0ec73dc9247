"""Tasks of 05_training_race: the dead-unit share of a ReLU layer, and one backward step through a tanh layer.

References: the registry's ReLU and its slope (the rule of mlp.dead_share) and the registry's tanh slope.
The `Wrong` answers are the mistakes learners make: counting zeros per entry instead of per unit
over the whole batch, a count instead of a share, a forgotten activation slope, transposes, a
gradient of the summed loss where the mean was asked for.
"""

import numpy as np

from course_utils.facts import activations
from course_utils.tasks.spec import Check, Task, as_float_array, close, diagnose, type_name
from course_utils.tasks.ex02_bends import wrong


# ---------------------------------------------------------------- dead_share(z)
def dead_reference(z):
    """Share of units (columns) whose ReLU output and slope are 0 on every example (row): mlp.dead_share's rule."""
    z = np.asarray(z, dtype=float)
    relu = activations.get("relu")
    dead = ~np.any(relu(z), axis=0) & ~np.any(relu.derivative(z), axis=0)
    return float(np.count_nonzero(dead) / dead.size)


DEAD_WRONGS = [
    wrong(lambda a: float(np.count_nonzero(np.all(a[0] <= 0, axis=0))),
          "you returned how many units are dead; the task wants their share: divide by the number of units."),
    wrong(lambda a: float(np.mean(a[0] <= 0)),
          "you counted zero outputs over all entries (the same as averaging the zeros per example): a unit is dead "
          "only if its output is 0 on EVERY example of the batch. Check each column with np.all(..., axis=0)."),
    wrong(lambda a: float(np.mean(np.all(a[0] <= 0, axis=1))),
          "you checked the rows (examples) instead of the columns (units): a unit is a column, and it is dead when "
          "the whole column is 0. Use axis=0."),
    wrong(lambda a: float(np.mean(np.any(a[0] <= 0, axis=0))),
          "a unit that gives 0 on some examples is still alive (it learns from the others): dead means 0 on ALL of "
          "them. Use np.all, not np.any."),
    wrong(lambda a: float(np.mean(np.all(a[0] < 0, axis=0))),
          "a pre-activation of exactly 0 also gives output 0 and slope 0 (the course's convention): count z <= 0, "
          "not z < 0."),
    wrong(lambda a: 1.0 - float(np.mean(np.all(a[0] <= 0, axis=0))),
          "you returned the share of LIVE units: the task wants the dead ones (output 0 on every example)."),
]


def judge_dead(args, out):
    """One number in [0, 1]: the share of dead units."""
    got = as_float_array(out)
    if got is None or got.size != 1:
        return False, f"dead_share should return one number (a share between 0 and 1); it returned a {type_name(out)}."
    return diagnose(args, got.reshape(()), dead_reference(args[0]), DEAD_WRONGS,
                    "your share is off: count the units (columns) whose ReLU output is 0 on every example (row), "
                    "then divide by the number of units.")


judge_dead.wrongs = DEAD_WRONGS


def _batch_with_dead(exact_zeros=False, n_dead=None):
    """inputs(): pre-activations (64 examples, 20 units); some units pushed below 0 on every example."""
    def inputs(rng):
        n, units = 64, 20
        dead = n_dead if n_dead is not None else int(rng.integers(3, 9))
        bias = rng.uniform(-1.0, 1.0, units)
        cols = rng.permutation(units)[:dead]
        bias[cols] = rng.uniform(-5.0, -3.0, dead)
        z = rng.normal(size=(n, units)) * 0.6 + bias
        z[:, cols] = np.minimum(z[:, cols], -0.01)        # truly dead: below 0 on every example
        if exact_zeros:                                 # a few dead units touch 0 exactly on some examples
            for c in cols[: max(1, dead // 2)]:
                z[rng.permutation(n)[:5], c] = 0.0
        live = np.setdiff1d(np.arange(units), cols)
        rows = rng.integers(0, n, live.size)
        z[rows, live] = np.abs(z[rows, live]) + 0.1     # every live unit is above 0 on some example...
        z[(rows + 1) % n, live] = -0.5                  # ...and below 0 on another (so np.any differs from np.all)
        return (z,)
    return inputs


DEAD_SHARE = Task("dead_share", "dead_share", intro="dead_share(z): share of ReLU units that are 0 on every example.",
                  checks=[
    Check("a layer with some dead units", 1, _batch_with_dead(),
          judge_dead, hint="z has one row per example and one column per unit: np.all(z <= 0, axis=0) marks the dead units."),
    Check("units that touch exactly 0", 1, _batch_with_dead(exact_zeros=True), judge_dead),
    Check("a layer with no dead units", 1, _batch_with_dead(n_dead=0), judge_dead),
])


# ---------------------------------------------------------------- backward_step(x, W, b, upstream)
def backward_reference(x, W, b, upstream):
    """(dW, db, dx) of the batch-mean loss through h = tanh(x @ W + b), given upstream = d loss_i / d h_i."""
    z = x @ W + b
    dz = upstream * activations.get("tanh").derivative(z) / len(x)
    return x.T @ dz, dz.sum(axis=0), dz @ W.T


def _parts_from(dz_of):
    """The (dW, db, dx) a mistake gives when its dz (before or after 1/n) is dz_of(args)."""
    def parts(args):
        x, W, b, up = args
        dz = dz_of(args)
        return x.T @ dz, dz.sum(axis=0), dz @ W.T
    return parts


def _z(a):
    x, W, b, _ = a
    return x @ W + b


_TANH = np.tanh
# mistakes in dz, which then spread to all three parts
BACKWARD_MISTAKES = [
    (_parts_from(lambda a: a[3] / len(a[0])),
     "you left out the activation's slope: the gradient reaching z is upstream * tanh'(z), "
     "with tanh'(z) = 1 - tanh(z)**2."),
    (_parts_from(lambda a: a[3] * _TANH(_z(a)) / len(a[0])),
     "you multiplied by tanh(z), the value: the chain rule needs the slope, 1 - tanh(z)**2."),
    (_parts_from(lambda a: a[3] * (1 - _TANH(_z(a))) / len(a[0])),
     "you multiplied by 1 - tanh(z): the slope is 1 - tanh(z)**2, with the square."),
    (_parts_from(lambda a: a[3] * (1 - _TANH(a[0] @ a[1]) ** 2) / len(a[0])),
     "you took the slope at x @ W without the bias: z = x @ W + b, and the slope is 1 - tanh(z)**2 at that z."),
    (_parts_from(lambda a: a[3] * (1 - _TANH(_z(a)) ** 2)),
     "your gradient is n times too large: the loss is the MEAN over the batch, so divide by the number of "
     "examples n = len(x)."),
]


def _single_part_mistakes(args):
    """Mistakes in one part only: (part index, its wrong value, message)."""
    x, W, b, up = args
    dW, db, dx = backward_reference(x, W, b, up)
    n = len(x)
    dz = up * (1 - _TANH(_z(args)) ** 2) / n
    return [
        (0, dz.T @ x if W.shape[0] == W.shape[1] else None,  # (other shapes: the shape check says it)
         "your dW is transposed: dW = x.T @ dz, with W's shape (inputs, outputs)."),
        (2, dz @ W if W.shape[0] == W.shape[1] else None,
         "your dx uses W where W.T belongs: dx = dz @ W.T (the gradient goes back through the transpose)."),
        (1, db * n, "your db is n times too large: it sums dz over the batch, and dz already carries the 1/n of the mean."),
        (1, db / n, "your db is divided by n twice: dz already carries the 1/n of the mean; db is dz summed over the batch."),
        (0, dW / n, "your dW is divided by n twice: dz already carries the 1/n of the mean; dW = x.T @ dz."),
        (0, dW * n, "your dW is n times too large: the loss is the mean over the batch, so dz carries a 1/n."),
        (2, dx * n, "your dx is n times too large: the loss is the mean over the batch, so dz carries a 1/n."),
    ]


PART_NAMES = ("dW", "db", "dx")


def _shape_problem(out, want, args):
    x, W, b, up = args
    if not isinstance(out, (tuple, list)) or len(out) != 3:
        return f"backward_step should return three arrays (dW, db, dx); it returned a {type_name(out)}."
    arrays = [as_float_array(o) for o in out]
    if any(a is None for a in arrays):
        return "dW, db and dx should be arrays of numbers (numpy arrays)."
    gW, gb, gx = arrays
    if gW.shape != W.shape:
        if gW.shape == W.T.shape:
            return f"your dW has shape {gW.shape}, the transpose of W's {W.shape}: dW = x.T @ dz."
        return f"your dW has shape {gW.shape}; it must have W's shape {W.shape}: dW = x.T @ dz."
    if gb.size != b.size:
        return (f"your db has shape {gb.shape}; it must have b's shape {b.shape}: sum dz over the batch "
                "(axis=0), one number per output.")
    if gx.shape != x.shape:
        return f"your dx has shape {gx.shape}; it must have x's shape {x.shape}: dx = dz @ W.T."
    return ""


def judge_backward(focus="all"):
    """A judge for backward_step: all three parts, or with focus 'dW' / 'db' / 'dx' only that one."""
    def judge(args, out):
        want = backward_reference(*args)
        problem = _shape_problem(out, want, args)
        if problem:
            return False, problem
        got = [as_float_array(o) for o in out]
        got[1] = got[1].reshape(want[1].shape)  # db as (1, outputs) is fine
        parts = [i for i, name in enumerate(PART_NAMES) if focus in ("all", name)]
        wrong_parts = [i for i in parts if not close(got[i], want[i])]
        if not wrong_parts:
            return True, "correct"
        for mistake, message in BACKWARD_MISTAKES:
            with np.errstate(all="ignore"):
                theirs = mistake(args)
            if all(close(got[i], theirs[i]) and not close(want[i], theirs[i]) for i in wrong_parts):
                return False, message
        for i, value, message in _single_part_mistakes(args):
            if i in wrong_parts and value is not None and close(got[i], value) and not close(want[i], value):
                return False, message
        i = wrong_parts[0]
        return False, (f"your {PART_NAMES[i]} is off: with dz = upstream * (1 - tanh(z)**2) / n, "
                       "dW = x.T @ dz, db = dz.sum(axis=0) and dx = dz @ W.T.")
    return judge


def _layer(n, fan_in, fan_out):
    def inputs(rng):
        x = rng.normal(size=(n, fan_in))
        W = rng.normal(size=(fan_in, fan_out)) * 0.8
        b = rng.normal(size=fan_out) * 0.5
        upstream = rng.normal(size=(n, fan_out))
        return (x, W, b, upstream)
    return inputs


BACKWARD_STEP = Task("backward_step", "backward_step",
                     intro="backward_step(x, W, b, upstream) -> (dW, db, dx) for h = tanh(x @ W + b), mean loss.", checks=[
    Check("dW", 2, _layer(6, 3, 4), judge_backward("dW"),
          hint="z = x @ W + b; dz = upstream * (1 - np.tanh(z)**2) / len(x); dW = x.T @ dz."),
    Check("db", 1, _layer(6, 3, 4), judge_backward("db"), hint="db = dz.sum(axis=0)."),
    Check("dx", 1, _layer(6, 3, 4), judge_backward("dx"), hint="dx = dz @ W.T."),
    Check("a square layer (3 in, 3 out)", 1, _layer(5, 3, 3), judge_backward()),
    Check("a batch of one example", 1, _layer(1, 4, 2), judge_backward()),
])

TASKS = [DEAD_SHARE, BACKWARD_STEP]
