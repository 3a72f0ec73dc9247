"""Value and slope in one pass, for training: each record's value_and_slope (introduced in 05_training_race)."""

import numpy as np

from course_utils.facts._stable import GELU_TANH_C, GELU_TANH_K

# Python floats, so float32 inputs stay float32.
_TWO_C = 2.0 * GELU_TANH_C
_TWO_CK = _TWO_C * GELU_TANH_K


# Value and slope in one pass for the eight race activations: the slope reuses the forward
# work (one exp where the registry spends several). Same math as the registry, to a few ulps
# (tanh and elu slopes: to ~1e-16 absolute where they are tiny); tests/test_mlp.py checks them
# against the records' value and derivative.
def _sig_parts(z):
    """(sigmoid(z), sigmoid'(z)) from one exp(-|z|), which never overflows."""
    e = np.exp(-np.abs(z))
    r = 1.0 / (1.0 + e)
    # max(e, z >= 0) is 1 where z >= 0 and e elsewhere: np.where's result, at a third of its cost
    return r * np.maximum(e, z >= 0), e * r * r


sigmoid = _sig_parts


def tanh(z):
    t = np.tanh(z)
    return t, (1.0 - t) * (1.0 + t)               # absolute error ~1e-16, also in the tails where it is tiny


def relu(z):
    return np.maximum(z, 0.0), (z > 0).astype(z.dtype)   # slope 0 at z = 0, as in the registry


def leaky_relu(z, alpha):
    pos = z > 0
    value = np.maximum(z, alpha * z) if 0 <= alpha <= 1 else np.where(pos, z, alpha * z)
    return value, np.where(pos, 1.0, alpha).astype(z.dtype)


def elu(z, alpha):
    neg = alpha * np.expm1(np.minimum(z, 0.0))    # the min keeps expm1 off the unused, overflowing branch
    if 0 <= alpha <= 1:
        # max picks z where z > 0 (neg is 0 there) and neg elsewhere (alpha (e^z - 1) >= z for
        # alpha <= 1); likewise for the slope alpha e^z = neg + alpha against 1: np.where at a third of the cost.
        return np.maximum(z, neg), np.maximum(neg + alpha, z > 0)
    pos = z > 0
    return np.where(pos, z, neg), np.where(pos, 1.0, neg + alpha)


def gelu_tanh(z):
    zc = np.clip(z, -1e6, 1e6)                     # the registry's clip: zc**3 stays finite
    z2 = zc * zc
    two_u = zc * (_TWO_C + _TWO_CK * z2)           # 2u = 2c (z + k z^3)
    s, ds = _sig_parts(two_u)                      # 0.5 (1 + tanh u) = sigmoid(2u)
    return z * s, s + zc * (_TWO_C + 3.0 * _TWO_CK * z2) * ds


def silu(z, beta):
    bz = beta * z
    s, ds = _sig_parts(bz)
    return z * s, s + bz * ds


def mish(z):
    # tanh(softplus(z)) = n / (n + 2) with n = e(e + 2), e = exp(z), and its slope times z is
    # 4 z e (e + 1) / (n + 2)^2: one exp for value and slope, no cancellation.
    zc = np.minimum(z, 20.0)                       # beyond 20, t rounds to 1 and the second term to a few ulps; (n+2)^2 fits float32
    e = np.exp(zc)
    n = e * (e + 2.0)
    d = n + 2.0
    t = n / d
    return z * t, t + zc * (4.0 * e * (e + 1.0) / (d * d))
