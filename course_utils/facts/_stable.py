"""Overflow-free building blocks for the activation registry (introduced in 02_four_bends)."""

import numpy as np

# Past this |x| the Gaussian density is below the smallest float64, so x*pdf(x) is 0;
# clipping first keeps x**2 finite for any input, even float32 near its maximum.
_PDF_CLIP = 40.0
# The tanh-GELU saturates long before this; clipping keeps x**3 finite in float32.
_CUBE_CLIP = 1e6
_INV_SQRT_2PI = 0.3989422804014327  # 1 / sqrt(2 pi)
GELU_TANH_C = 0.7978845608028654  # sqrt(2 / pi)
GELU_TANH_K = 0.044715  # the cubic coefficient of Hendrycks & Gimpel 2016


def as_float(x):
    """x as a float array: float16/32/64 kept, ints, bools and lists become float64."""
    a = np.asarray(x)
    return a if a.dtype.kind == "f" else a.astype(np.float64)


def like_input(out, x):
    """Give back a scalar when a scalar came in, the array otherwise."""
    return out[()] if np.ndim(x) == 0 else out


def neg_exp_abs(z):
    """exp(-|z|): always in (0, 1], so it can never overflow."""
    return np.exp(-np.abs(z))


def sigmoid(z):
    """Logistic 1/(1+e^-z), choosing per sign the form whose exp argument is <= 0."""
    e = neg_exp_abs(z)
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_slope(z):
    """sigma(z) * sigma(-z), written as e/(1+e)^2 so the tails keep full relative accuracy."""
    e = neg_exp_abs(z)
    return e / ((1 + e) * (1 + e))


def softplus(z):
    """log(1 + e^z) = max(z, 0) + log1p(e^-|z|): no overflow, no log(1) rounding to 0."""
    return np.maximum(z, 0) + np.log1p(neg_exp_abs(z))


def tanh_slope(z):
    """sech^2(z) = 4 e/(1+e)^2 with e = exp(-2|z|); 1 - tanh^2 would round to 0 past |z| ~ 19."""
    # Past |z| = 1e4 the slope is 0 in any dtype; clipping first keeps 2*z finite for float32 near 3e38.
    return 4 * sigmoid_slope(2 * np.clip(z, -1e4, 1e4))


def expm1_neg(z):
    """e^z - 1 on the negative side only; positive z is clipped to 0 so np.where's unused branch cannot overflow."""
    return np.expm1(np.minimum(z, 0))


def gauss_cdf(z):
    """Phi(z), the standard normal CDF, accurate in both tails (SciPy's ndtr)."""
    from scipy.special import ndtr  # imported here: scipy.special costs ~0.3 s, paid only if GELU is used

    return ndtr(z)


def gauss_pdf_times(z):
    """(z * phi(z), phi(z)) with the standard normal density phi, safe for any z."""
    zc = np.clip(z, -_PDF_CLIP, _PDF_CLIP)
    pdf = _INV_SQRT_2PI * np.exp(-0.5 * zc * zc)
    return zc * pdf, pdf


def clip_cube(z):
    """z limited to +-1e6, where z**3 still fits in float32."""
    return np.clip(z, -_CUBE_CLIP, _CUBE_CLIP)


def tanh_softplus(z):
    """(tanh(softplus(z)), 1 - tanh(softplus(z))), both without cancellation.

    With n = e^z, tanh(log(1+n)) = n(n+2) / (n(n+2)+2). For z <= 0 use that; for z > 0
    divide through by n^2 (m = e^-z): (1+2m) / (1+2m+2m^2). The complement 1 - t is
    2/(n(n+2)+2) resp. 2m^2/(1+2m+2m^2), exact even where t rounds to 1.
    """
    e = neg_exp_abs(z)
    left_num = e * (e + 2)  # used where z <= 0 (e = e^z)
    right_num = 1 + 2 * e  # used where z > 0 (e = e^-z)
    right_den = right_num + 2 * e * e
    t = np.where(z > 0, right_num / right_den, left_num / (left_num + 2))
    one_minus_t = np.where(z > 0, 2 * e * e / right_den, 2 / (left_num + 2))
    return t, one_minus_t


def softmax(x, temperature, axis=-1):
    """exp(x/T) normalised along axis, shifted by the max so exp never sees a positive number.

    -inf entries give exactly 0; +inf entries share the whole mass equally; a row that is
    all -inf (no distribution exists) gives NaN, quietly, like PyTorch.
    """
    if not np.all(np.asarray(temperature) > 0):
        raise ValueError(f"softmax temperature must be > 0, got {temperature!r}")
    x = as_float(x)
    m = np.max(x, axis=axis, keepdims=True)
    finite_m = np.where(np.isfinite(m), m, 0)
    # x - max can overflow to -inf (x = -1e308 next to +1e308), and dividing by a tiny
    # temperature can too: both mean "exp is 0 here", which is the right limit.
    with np.errstate(over="ignore", invalid="ignore"):
        z = (x - finite_m) / temperature
        e = np.exp(z)
        total = np.sum(e, axis=axis, keepdims=True)
        p = e / np.where(total > 0, total, 1)
    pinf = np.isposinf(x)
    n_pinf = np.sum(pinf, axis=axis, keepdims=True)
    p = np.where(n_pinf > 0, pinf / np.maximum(n_pinf, 1), p)
    p = np.where(np.isneginf(m), np.nan, p)  # all -inf: no distribution exists
    return p.astype(x.dtype, copy=False)


def softmax_jacobian(x, temperature, axis=-1):
    """d softmax_i / d x_j = (diag(p) - p p^T) / T, shape (..., n, n) for the last axis."""
    p = np.moveaxis(softmax(x, temperature, axis), axis, -1)
    jac = -p[..., :, None] * p[..., None, :]
    idx = np.arange(p.shape[-1])
    jac[..., idx, idx] += p
    return (jac / temperature).astype(p.dtype, copy=False)
