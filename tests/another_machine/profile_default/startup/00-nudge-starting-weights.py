"""IPython startup file for tests/test_portable_outputs.py: nudge what every training run starts from.

Another CPU rounds the last bit of a matrix product (OpenBLAS picks its kernels by CPU) or of an exp
differently, and a chaotic training run turns that into different printed digits. Nudging the start
stands in for that on any machine: every network's starting weights by 1e-13 relative (a few hundred
float64 units in the last place), and the inputs of a 32-bit race by 3e-7 (a few float32 units,
which a float64 nudge would not reach: the weights are rounded to float32 first). Whatever a
notebook prints must not move. Each nudge is logged to $COURSE_NUDGE_LOG, so the test can prove the
hook ran; $COURSE_NUDGE_SEED picks other signs (try a few after changing a chapter).
"""

import os

import numpy as np

from course_utils.engine import mlp, race

NUDGE_FLOAT64 = 1e-13
NUDGE_FLOAT32 = 3e-7
_seed = int(os.environ.get("COURSE_NUDGE_SEED", "20261130"))
_he_init = mlp.Network.he_init.__func__
_train_seeds = race.train_seeds


def _log(what):
    with open(os.environ["COURSE_NUDGE_LOG"], "a") as log:
        log.write(f"{os.getpid()} {what}\n")


def _nudged(a, size):
    return a * (1 + size * np.random.default_rng(_seed).choice([-1.0, 1.0], size=np.shape(a)))


def _nudged_he_init(cls, *args, **kwargs):
    net = _he_init(cls, *args, **kwargs)
    for W in net.weights:
        W[...] = _nudged(W, NUDGE_FLOAT64)
    _log(f"weights {[W.shape for W in net.weights]}")
    return net


def _nudged_train_seeds(X, *args, dtype=np.float64, **kwargs):
    if np.dtype(dtype) == np.float32:
        X = _nudged(np.asarray(X, dtype=np.float64), NUDGE_FLOAT32)
        _log(f"float32 inputs {np.shape(X)}")
    return _train_seeds(X, *args, dtype=dtype, **kwargs)


mlp.Network.he_init = classmethod(_nudged_he_init)
race.train_seeds = _nudged_train_seeds
