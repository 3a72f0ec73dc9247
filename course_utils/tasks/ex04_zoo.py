"""Tasks of 04_activation_zoo: stable softmax with a temperature, softplus, ELU and SELU.

References: the registry's records (softmax, softplus, elu, selu, with SELU's exact constants).
The `Wrong` answers are the mistakes learners make: softmax without the max shift (NaN at 1000),
the temperature multiplied in, the wrong axis, log(1 + exp(x)) overflowing, ELU's -1 forgotten,
SELU's constants rounded or swapped.
"""

import numpy as np

from course_utils.facts import activations
from course_utils.tasks.spec import Check, Task, as_float_array, diagnose, type_name
from course_utils.tasks.ex02_bends import grid, judge_values, ref, wrong

SELU = activations.get("selu")
SELU_ALPHA, SELU_SCALE = SELU.params["alpha"].default, SELU.params["scale"].default


# ---------------------------------------------------------------- softmax(logits, temperature=1.0)
def _soft(args):
    z = np.asarray(args[0], dtype=float)
    T = args[1] if len(args) > 1 else 1.0
    return np.asarray(activations.get("softmax")(z, temperature=T), dtype=float)


def _T(a):
    return a[1] if len(a) > 1 else 1.0


def _exp_share(z, axis=-1, keepdims=True):
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=keepdims)


SOFTMAX_WRONGS = [
    wrong(lambda a: _exp_share(np.asarray(a[0]) * _T(a)),
          "you multiplied the scores by the temperature: it divides them, softmax(z / T). A high T flattens the "
          "shares, a low T sharpens them."),
    wrong(lambda a: _exp_share(np.asarray(a[0])) if _T(a) != 1.0 else None,
          "your answer ignores the temperature: divide the scores by T before the exp, softmax(z / T)."),
    wrong(lambda a: _exp_share(np.asarray(a[0]) / _T(a), axis=0) if np.ndim(a[0]) == 2 else None,
          "you normalised down the columns (axis=0): each ROW is one example, so each row must sum to 1; "
          "use axis=-1 with keepdims=True."),
    wrong(lambda a: np.exp(np.asarray(a[0]) / _T(a)) / np.exp(np.asarray(a[0]) / _T(a)).sum(),
          "you divided by the sum over the whole batch: each row is its own distribution, "
          "so sum along the last axis (axis=-1, keepdims=True)."),
    wrong(lambda a: np.asarray(a[0]) / np.sum(a[0], axis=-1, keepdims=True),
          "you divided the scores by their sum without the exp: softmax exponentiates first, e^z / sum(e^z), "
          "which makes every share positive."),
    wrong(lambda a: np.exp(np.asarray(a[0]) / _T(a)),
          "you forgot to normalise: divide by the sum of the exps, so that the shares add up to 1."),
    wrong(lambda a: 1 / (1 + np.exp(-np.asarray(a[0]) / _T(a))),
          "that is a sigmoid per score: softmax shares one total of 1 among all the scores, e^z / sum(e^z)."),
]

# Overflow patterns: these mistakes give inf or nan, so they are recognised by where the nan appears.
NO_SHIFT = wrong(lambda a: _exp_share(np.asarray(a[0]) / _T(a)),
                 "your softmax overflows: without the max shift, exp(1000) is inf and inf / inf is nan. Subtract each "
                 "row's largest score first: e^(z - max) / sum(e^(z - max)) gives the same shares, and exp never "
                 "sees a number above 0.")
GLOBAL_SHIFT = wrong(lambda a: _exp_share(np.asarray(a[0]) / _T(a) - np.max(np.asarray(a[0]) / _T(a))),
                     "you subtracted the largest score of the whole batch: a row far below it becomes all zeros, and "
                     "0 / 0 is nan. Subtract each row's own max: z.max(axis=-1, keepdims=True).")


def _same_with_nan(got, want):
    g, w = as_float_array(got), as_float_array(want)
    if g is None or w is None or g.shape != w.shape:
        return False
    fin = np.isfinite(w)
    return bool(np.array_equal(np.isfinite(g), fin) and np.allclose(g[fin], w[fin], rtol=1e-7, atol=1e-9))


def judge_softmax(args, out):
    """Shares per row, close to the registry's softmax; nan patterns name the missing max shift."""
    expected = _soft(args)
    got = as_float_array(out)
    if got is None:
        return False, f"return a numpy array of shares, not a {type_name(out)}."
    if got.shape != expected.shape:
        return False, (f"your output has shape {got.shape}; softmax keeps the input's shape {expected.shape} "
                       "(one share per score).")
    if not np.all(np.isfinite(got)):
        for w in (NO_SHIFT, GLOBAL_SHIFT):
            if _same_with_nan(got, w.compute(args)):
                return False, w.message
        return False, ("your shares contain inf or nan: something overflowed. Subtract each row's largest score "
                       "before the exp.")
    return diagnose(args, got, expected, SOFTMAX_WRONGS,
                    "your shares are off: softmax(z / T) = e^(z/T - max) / sum(e^(z/T - max)) along the last axis.")


judge_softmax.wrongs = SOFTMAX_WRONGS


def _scores(shape, scale=2.0, level=0.0):
    def inputs(rng):
        return (level + scale * rng.normal(size=shape),)
    return inputs


def _levels(rng):
    # three rows far apart: one near +1000, one near -1000, one near 0
    z = rng.normal(size=(3, 5)) + np.array([[1000.0], [-1000.0], [0.0]])
    return (z[rng.permutation(3)],)


def _with_T(low_or_values, scale=2.0):
    def inputs(rng):
        T = float(rng.choice(low_or_values))
        return (scale * rng.normal(size=(3, 4)), T)
    return inputs


def _low_temperature_large_scores(rng):
    """Scores whose z / T overflow exp in every draw, so a mistake fails on every seed, not on some.

    One row has two near-equal top scores of about 12 (z / T about 1200: exp overflows without the row's
    max shift, and the shares split, so a sigmoid per score cannot pass); one row sits 20 below the
    others (a shift by the batch's max leaves it all zeros, 0 / 0).
    """
    z = rng.normal(size=(3, 4))
    z[0, :2] = 12.0 + rng.uniform(0.0, 0.01, 2)
    z[2] -= 20.0
    return (z[rng.permutation(3)], 0.01)


SOFTMAX = Task("softmax", "softmax", intro="softmax(logits, temperature=1.0): shares along the last axis, stable.",
               checks=[
    Check("a vector of scores", 1, _scores(5), judge_softmax,
          hint="e = np.exp(z - z.max(axis=-1, keepdims=True)); then e / e.sum(axis=-1, keepdims=True)."),
    Check("a batch: one distribution per row", 1, _scores((4, 5)), judge_softmax,
          hint="use axis=-1 with keepdims=True, so that every row is handled on its own."),
    Check("huge scores (about 1000)", 1, _scores(6, scale=3.0, level=1000.0), judge_softmax),
    Check("rows at very different levels", 1, _levels, judge_softmax),
    Check("a temperature", 1, _with_T([0.25, 0.5, 2.0, 4.0]), judge_softmax,
          hint="divide the scores by the temperature first: z / temperature."),
    Check("a low temperature (T = 0.01) with large scores", 1, _low_temperature_large_scores, judge_softmax),
])


# ---------------------------------------------------------------- softplus(x)
SOFTPLUS_WRONGS = [
    # also what max(x, 0) + log(1 + exp(-|x|)) gives: the shift is right there, the log is not
    wrong(lambda a: np.log(1 + np.exp(a[0])),
          "for very negative x, 1 + exp(x) rounds to exactly 1 and log(1) = 0: every digit is lost. "
          "Use np.log1p(u), which computes log(1 + u) accurately for tiny u: max(x, 0) + np.log1p(np.exp(-np.abs(x)))."),
    wrong(lambda a: np.maximum(a[0], 0), "that is ReLU: softplus is its smooth cousin, log(1 + e^x), never exactly 0."),
    wrong(lambda a: np.exp(a[0]), "you forgot the log: softplus(x) = log(1 + e^x)."),
    wrong(lambda a: np.log1p(a[0]), "you forgot the exp: softplus(x) = log(1 + e^x), not log(1 + x)."),
    wrong(lambda a: ref("sigmoid")(a[0]), "that is sigmoid, softplus's slope; softplus itself is log(1 + e^x)."),
]

_SOFTPLUS_OVERFLOW = ("your softplus gives {bad} at x = {x:g}: log(1 + exp(x)) overflows there (exp(1000) is inf). "
                      "Use the stable form max(x, 0) + log1p(exp(-|x|)), or np.logaddexp(0, x).")

SOFTPLUS = Task("softplus", "softplus", intro="softplus(x) = log(1 + e^x), stable and accurate.", checks=[
    Check("values on a grid", 1, grid(-5, 5, extra=(0.0,)),
          judge_values(ref("softplus"), SOFTPLUS_WRONGS, "your values are off: softplus(x) = log(1 + e^x), log(2) at x = 0.",
                       _SOFTPLUS_OVERFLOW)),
    Check("huge inputs (x up to 1000)", 1, grid(100, 1000, n=6, extra=(710.0, 1000.0)),
          judge_values(ref("softplus"), SOFTPLUS_WRONGS, "your values for huge x are off: softplus(x) is x there.",
                       _SOFTPLUS_OVERFLOW),
          hint="max(x, 0) + log1p(exp(-|x|)) never overflows."),
    Check("very negative inputs (x from -60 to -38)", 1, grid(-60, -38, n=8),
          judge_values(ref("softplus"), SOFTPLUS_WRONGS,
                       "your values for very negative x are off: softplus(x) is about e^x there, tiny but not 0.",
                       _SOFTPLUS_OVERFLOW, rtol=1e-6, atol=0.0)),
])


# ---------------------------------------------------------------- elu(x, alpha=1.0)
def _alpha(a):
    return a[1] if len(a) > 1 else 1.0


ELU_WRONGS = [
    wrong(lambda a: np.where(a[0] > 0, a[0], _alpha(a) * np.exp(a[0])),
          "you forgot the -1: ELU's negative side is alpha * (e^x - 1), which starts at 0 and sinks towards -alpha; "
          "alpha * e^x is positive and jumps at 0."),
    wrong(lambda a: np.where(a[0] > 0, a[0], _alpha(a) * a[0]),
          "alpha * x keeps falling forever (that is leaky ReLU): ELU's negative side is alpha * (e^x - 1), "
          "which flattens out at -alpha. ELU never goes below -alpha."),
    wrong(lambda a: _alpha(a) * (np.exp(a[0]) - 1),
          "you used alpha * (e^x - 1) for positive x too: ELU's positive side is x itself."),
    wrong(lambda a: np.where(a[0] > 0, _alpha(a) * a[0], _alpha(a) * np.expm1(a[0])),
          "alpha scales only the negative side: for x > 0, ELU(x) = x."),
    wrong(lambda a: np.where(a[0] > 0, a[0], _alpha(a) * (1 - np.exp(a[0]))),
          "your negative side is upside down: alpha * (e^x - 1) is below 0 for x < 0, down to -alpha."),
    wrong(lambda a: np.where(a[0] > 0, a[0], np.expm1(a[0])) if _alpha(a) != 1.0 else None,
          "your answer ignores alpha: the negative side is alpha * (e^x - 1), which sinks towards -alpha."),
    wrong(lambda a: np.maximum(a[0], 0), "that is ReLU: ELU curves smoothly below 0 for negative x, alpha * (e^x - 1)."),
]

_ELU_OVERFLOW = ("your elu gives {bad} at x = {x:g}: np.exp(1000) is inf, and inf times 0 (or inf - inf) is nan. "
                 "Pick the side with np.where, and give exp only min(x, 0): alpha * np.expm1(np.minimum(x, 0)).")


def _elu_alpha(rng):
    return (rng.uniform(-5, 5, 31), float(rng.choice([0.3, 0.5, 2.0, 2.5])))


def _elu_floor(rng):
    x = np.concatenate([[-1000.0, -200.0, -50.0, 800.0, 1000.0], rng.uniform(-3, 3, 4)])
    return (rng.permutation(x), float(rng.choice([0.5, 1.5])))


ELU = Task("elu", "elu", intro="elu(x, alpha=1.0): x for x > 0, alpha * (e^x - 1) otherwise.", checks=[
    Check("values on a grid (alpha = 1)", 1, grid(-5, 5, extra=(0.0,)),
          judge_values(ref("elu"), ELU_WRONGS, "your values are off: x for x > 0, alpha * (e^x - 1) for x <= 0.", _ELU_OVERFLOW),
          hint="np.where(x > 0, x, alpha * (np.exp(x) - 1)); give alpha a default: def elu(x, alpha=1.0)."),
    Check("another alpha", 1, _elu_alpha,
          judge_values(lambda x, alpha: ref("elu", alpha=alpha)(x), ELU_WRONGS,
                       "your values with this alpha are off: the negative side is alpha * (e^x - 1).", _ELU_OVERFLOW)),
    Check("the floor at -alpha, and huge inputs", 1, _elu_floor,
          judge_values(lambda x, alpha: ref("elu", alpha=alpha)(x), ELU_WRONGS,
                       "your values far out are off: ELU(-1000) = -alpha and ELU(1000) = 1000.", _ELU_OVERFLOW)),
])


# ---------------------------------------------------------------- selu(x)
def _elu_with(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def _rounded(digits):
    a, s = round(SELU_ALPHA, digits), round(SELU_SCALE, digits)
    return wrong(lambda args: s * _elu_with(args[0], a),
                 f"your constants look rounded (alpha = {a}, scale = {s}): SELU keeps the signal at mean 0 and "
                 f"variance 1 only with the exact values, alpha = {SELU_ALPHA!r}, scale = {SELU_SCALE!r} "
                 "(Klambauer et al. 2017). Copy all the digits.")


SELU_WRONGS = [_rounded(d) for d in (1, 2, 3, 4, 5)] + [
    wrong(lambda a: SELU_ALPHA * _elu_with(a[0], SELU_SCALE),
          f"alpha and scale are swapped: scale = {SELU_SCALE!r} multiplies everything, alpha = {SELU_ALPHA!r} "
          "sits inside the negative side: scale * alpha * (e^x - 1)."),
    wrong(lambda a: _elu_with(a[0], SELU_ALPHA),
          "you forgot the scale: SELU is scale * ELU(x, alpha), so the positive side is scale * x, not x."),
    wrong(lambda a: np.where(a[0] > 0, a[0], SELU_SCALE * SELU_ALPHA * np.expm1(np.minimum(a[0], 0))),
          "the scale multiplies both sides: for x > 0, SELU(x) = scale * x."),
    wrong(lambda a: np.where(a[0] > 0, SELU_SCALE * a[0], SELU_ALPHA * np.expm1(np.minimum(a[0], 0))),
          "the scale multiplies both sides: for x <= 0, SELU(x) = scale * alpha * (e^x - 1)."),
    wrong(lambda a: SELU_SCALE * _elu_with(a[0], 1.0),
          "your alpha is 1 (plain ELU's default): SELU's alpha is fixed, " + repr(SELU_ALPHA) + "."),
]

_SELU_OVERFLOW = _ELU_OVERFLOW.replace("your elu", "your selu").replace("alpha * np.expm1", "scale * alpha * np.expm1")

SELU_TASK = Task("selu", "selu", intro="selu(x) = scale * elu(x, alpha) with Klambauer et al.'s exact constants.", checks=[
    Check("values on a grid", 2, grid(-5, 5, extra=(0.0,)),
          judge_values(ref("selu"), SELU_WRONGS,
                       f"your values are off: scale * x for x > 0, scale * alpha * (e^x - 1) otherwise, with "
                       f"alpha = {SELU_ALPHA!r} and scale = {SELU_SCALE!r}.", _SELU_OVERFLOW, rtol=1e-6)),
    Check("the floor and huge inputs", 1, lambda rng: (rng.permutation(np.concatenate([[-1000.0, -60.0, 1000.0, 800.0],
                                                                                      rng.uniform(-3, 3, 4)])),),
          judge_values(ref("selu"), SELU_WRONGS, "your values far out are off: SELU(-1000) = -scale * alpha and "
                                                 "SELU(1000) = scale * 1000.", _SELU_OVERFLOW, rtol=1e-6)),
])

TASKS = [SOFTMAX, SOFTPLUS, ELU, SELU_TASK]
