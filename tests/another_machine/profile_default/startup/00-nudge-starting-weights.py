"""IPython startup file for tests/test_portable_outputs.py: nudge every network's starting weights.

Another CPU rounds the last bit of a matrix product or an exp differently; a chaotic training run
turns that into different printed digits. Nudging each starting weight stands in for that on any
machine: 1e-13 relative with a random sign, a few hundred float64 units in the last place, more
than one rounding but far below any digit a notebook prints. Whatever a notebook prints must not
move. Each nudge is logged to $COURSE_NUDGE_LOG, so the test can prove the hook ran;
$COURSE_NUDGE_SEED picks other signs (try a few after changing a chapter).
"""

import os

import numpy as np

from course_utils import mlp

NUDGE = 1e-13
_he_init = mlp.Network.he_init.__func__


def _nudged_he_init(cls, *args, **kwargs):
    net = _he_init(cls, *args, **kwargs)
    rng = np.random.default_rng(int(os.environ.get("COURSE_NUDGE_SEED", "20261130")))
    for W in net.weights:
        W *= 1 + NUDGE * rng.choice([-1.0, 1.0], size=W.shape)
    with open(os.environ["COURSE_NUDGE_LOG"], "a") as log:
        log.write(f"{os.getpid()} {[W.shape for W in net.weights]}\n")
    return net


mlp.Network.he_init = classmethod(_nudged_he_init)
