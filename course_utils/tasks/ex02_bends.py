"""Tasks of 02_four_bends: ReLU, sigmoid, tanh and exact GELU, each with its slope, stable for huge inputs.

The references are the registry's records (course_utils.facts.activations); the `Wrong` answers are the
mistakes learners make (the naive sigmoid, the ReLU slope at 0, GELU's slope without the product
rule...), so a failed check can name the one it saw. The judge helpers here (`judge_values`,
`quiet`) also serve the tasks of 03 and 04.
"""

import numpy as np
from course_utils.facts import activations
from course_utils.facts._stable import gauss_cdf as Phi  # the standard normal CDF, both tails accurate
from course_utils.tasks.spec import Check, Task, Wrong, as_float_array, diagnose, type_name


# ---------------------------------------------------------------- judge helpers (shared with ex03, ex04)
def quiet(f):
    """f with numpy's overflow and invalid warnings off: a mistake's answer is computed, warnings and all."""
    def run(*args):
        with np.errstate(all="ignore"):
            return f(*args)
    return run


def wrong(compute, message):
    """A Wrong whose answer is computed with numpy warnings off (naive forms overflow on purpose)."""
    return Wrong(quiet(compute), message)


def ref(name, **params):
    """The registry's value function for `name` as f(x) -> float64 array."""
    act = activations.get(name)
    return lambda x: np.asarray(act(np.asarray(x, dtype=float), **params), dtype=float)


def slope(name, **params):
    """The registry's slope function for `name` as f(x) -> float64 array."""
    act = activations.get(name)
    return lambda x: np.asarray(act.derivative(np.asarray(x, dtype=float), **params), dtype=float)


def judge_values(reference, wrongs, otherwise, nonfinite, rtol=1e-7, atol=1e-9):
    """A judge for an elementwise answer f(x, ...): right shape, finite, close to reference(*args), else a named mistake.

    `nonfinite` is the message (with {bad} and {x} fields) for inf or NaN in the output: always an
    overflow somewhere, which no tolerance can excuse.
    """
    def judge(args, out):
        expected = np.asarray(reference(*args), dtype=float)
        got = as_float_array(out)
        if got is None:
            return False, f"return numbers (a numpy array, one value per input), not a {type_name(out)}."
        if got.shape != expected.shape:
            return False, (f"your output has shape {got.shape}; it should have the input's shape {expected.shape}, "
                           "one value per input. Work on the whole array with numpy (np.maximum, np.where, np.exp).")
        bad = ~np.isfinite(got)
        if bad.any():
            where = np.flatnonzero(bad.ravel())[0]
            x = np.asarray(args[0], dtype=float).ravel()[where]
            return False, nonfinite.format(bad=got.ravel()[where], x=x)
        return diagnose(args, got, expected, wrongs, otherwise, rtol=rtol, atol=atol)
    judge.wrongs = wrongs  # the tests check that each named mistake is caught with its own message
    return judge


# ---------------------------------------------------------------- inputs the grader chooses
def grid(low, high, n=41, extra=()):
    """inputs(): n random x in [low, high), plus the `extra` points, shuffled in."""
    def inputs(rng):
        x = np.concatenate([rng.uniform(low, high, n), np.asarray(extra, dtype=float)])
        return (rng.permutation(x),)
    return inputs


def batch(rows=4, cols=6, scale=3.0):
    """inputs(): a 2-D batch of pre-activations (rows = examples)."""
    def inputs(rng):
        return (scale * rng.normal(size=(rows, cols)),)
    return inputs


HUGE = (-1000.0, -800.0, 800.0, 1000.0)


def huge(rng):
    """Huge inputs, both signs, plus ordinary ones so a constant answer cannot pass.

    Two ordinary points are fixed (one left of GELU's dip, one right of 0) so that every seed tests both
    sides: with only random ones, |GELU'| passed on some seeds and not on others.
    """
    return (rng.permutation(np.concatenate([HUGE, [-2.0, 1.5], rng.uniform(-3, 3, 2)])),)


def very_negative(rng):
    """x between -725 and -710, where exp(-x) overflows but sigmoid(x) is still a (tiny) positive float64; and -1000."""
    return (rng.permutation(np.concatenate([rng.uniform(-725.0, -710.0, 6), [-1000.0, -50.0, -5.0]])),)


# ---------------------------------------------------------------- the mistakes, by function
sig, tanh_ = ref("sigmoid"), ref("tanh")


def phi(x):
    return np.exp(-0.5 * np.square(x)) / np.sqrt(2 * np.pi)


NAIVE_SIGMOID = "1 / (1 + np.exp(-x))"
STABLE_SIGMOID = ("Use the stable form: for x >= 0 compute 1 / (1 + exp(-x)), for x < 0 compute exp(x) / (1 + exp(x)), "
                  "so exp only ever sees a number <= 0.")

RELU_WRONGS = [
    wrong(lambda a: np.abs(a[0]), "you returned |x|: ReLU keeps positive inputs and sets negative ones to 0, it does not flip them."),
    wrong(lambda a: np.minimum(a[0], 0), "you kept the negative side: ReLU is max(0, x), it keeps the positive side."),
    wrong(lambda a: (a[0] > 0).astype(float), "you returned the slope (0 or 1), not the value max(0, x)."),
]

RELU_SLOPE_WRONGS = [
    wrong(lambda a: (a[0] >= 0).astype(float),
          "your slope at exactly x = 0 is 1. ReLU has a corner there; the course (like PyTorch) uses the left slope, 0: "
          "write (x > 0), not (x >= 0)."),
    wrong(lambda a: np.where(a[0] == 0, 0.5, (a[0] > 0).astype(float)),
          "your slope at exactly x = 0 is 0.5. The corner has no single slope; the course (like PyTorch) uses 0 there."),
    wrong(lambda a: np.maximum(a[0], 0), "you returned the value max(0, x); the slope is 1 where x > 0 and 0 elsewhere."),
    wrong(lambda a: np.ones_like(a[0]), "your slope is 1 everywhere: on the flat side (x < 0) ReLU's slope is 0."),
]

SIGMOID_WRONGS = [
    wrong(lambda a: 1 / (1 + np.exp(-a[0])),
          f"your sigmoid overflows for very negative x: np.exp(-x) is inf once x < -709 (a RuntimeWarning), so "
          f"{NAIVE_SIGMOID} gives 0 where sigmoid(x) is a tiny positive number (about {float(sig(-715.0)):.0e} "
          f"at x = -715). {STABLE_SIGMOID}"),
    wrong(lambda a: 0.5 * (1 + np.tanh(a[0] / 2)),
          "0.5 (1 + tanh(x/2)) never overflows, but 1 + tanh(x/2) rounds to 0 for very negative x, so every digit is lost. "
          + STABLE_SIGMOID),
    wrong(lambda a: sig(-a[0]), "your curve is mirrored: you computed sigmoid(-x). Sigmoid rises from 0 (far left) to 1 (far right): 1 / (1 + exp(-x))."),
    wrong(lambda a: tanh_(a[0]), "that is tanh, which runs from -1 to 1; sigmoid runs from 0 to 1: 1 / (1 + exp(-x))."),
    wrong(lambda a: 0.5 * (1 + np.tanh(a[0])), "0.5 (1 + tanh(x)) is sigmoid(2x): the identity is sigmoid(x) = 0.5 (1 + tanh(x/2))."),
    wrong(lambda a: tanh_(a[0]) / 2, "you shifted tanh down by half its height: sigmoid is not tanh(x)/2. It is 0.5 (1 + tanh(x/2))."),
]

SIGMOID_SLOPE_WRONGS = [
    wrong(lambda a: sig(a[0]), "you returned sigmoid(x), the value. The slope is sigmoid(x) * (1 - sigmoid(x)), at most 0.25 (at x = 0)."),
    wrong(lambda a: 1 - sig(a[0]), "you returned 1 - sigmoid(x). The slope is the product sigmoid(x) * (1 - sigmoid(x))."),
    wrong(lambda a: sig(a[0]) ** 2, "you returned sigmoid(x)**2. The slope is sigmoid(x) * (1 - sigmoid(x))."),
    wrong(lambda a: a[0] * (1 - a[0]),
          "you applied s (1 - s) to x itself. The formula wants s = sigmoid(x): slope = sigmoid(x) * (1 - sigmoid(x))."),
    wrong(lambda a: sig(a[0]) * (1 + sig(a[0])), "a sign slipped: the slope is sigmoid(x) * (1 - sigmoid(x)), with a minus."),
]

TANH_WRONGS = [
    wrong(lambda a: sig(a[0]) - 0.5,
          "sigmoid(x) - 0.5 is only half as tall and half as steep as tanh: tanh(x) = 2 sigmoid(2x) - 1 (stretched, then shifted)."),
    wrong(lambda a: 2 * sig(a[0]) - 1, "2 sigmoid(x) - 1 is tanh(x/2): the identity is tanh(x) = 2 sigmoid(2x) - 1."),
    wrong(lambda a: sig(a[0]), "that is sigmoid, which runs from 0 to 1; tanh runs from -1 to 1 (np.tanh)."),
]

TANH_SLOPE_WRONGS = [
    wrong(lambda a: 1 - tanh_(a[0]), "you wrote 1 - tanh(x): the slope is 1 - tanh(x)**2, with the square."),
    wrong(lambda a: tanh_(a[0]) ** 2, "you returned tanh(x)**2: the slope is 1 - tanh(x)**2 (1 minus the square)."),
    wrong(lambda a: 1 - a[0] ** 2, "you squared x, not tanh(x): the slope is 1 - tanh(x)**2."),
    wrong(lambda a: tanh_(a[0]), "you returned tanh(x), the value. The slope is 1 - tanh(x)**2."),
    wrong(lambda a: 1 + tanh_(a[0]) ** 2, "a sign slipped: the slope is 1 - tanh(x)**2, at most 1 (at x = 0)."),
]


def _gelu_tanh_gap():
    """The largest gap between exact GELU and its tanh approximation on [-6, 6] (computed, not typed)."""
    x = np.linspace(-6, 6, 24001)
    return float(np.max(np.abs(ref("gelu")(x) - ref("gelu_tanh")(x))))


GELU_WRONGS = [
    wrong(lambda a: ref("gelu_tanh")(a[0]),
          f"that is GELU's tanh approximation (it misses exact GELU by up to {_gelu_tanh_gap():.1e}). This task wants the "
          "exact x * Phi(x), with Phi(x) = 0.5 * (1 + erf(x / sqrt(2)))."),
    wrong(lambda a: a[0] * sig(1.702 * a[0]),
          "that is the sigmoid approximation x * sigmoid(1.702 x). This task wants the exact x * Phi(x), "
          "with Phi(x) = 0.5 * (1 + erf(x / sqrt(2)))."),
    wrong(lambda a: Phi(a[0]), "you returned Phi(x) alone: GELU is x * Phi(x), the input times the chance it is kept."),
    wrong(lambda a: a[0] * phi(a[0]), "you used the bell curve phi(x) (the density): GELU uses Phi(x), the normal CDF "
                                      "0.5 * (1 + erf(x / sqrt(2)))."),
    wrong(lambda a: a[0] * 0.5 * (1 + np.tanh(a[0] / np.sqrt(2))),
          "you used tanh where GELU needs erf: Phi(x) = 0.5 * (1 + erf(x / sqrt(2)))."),
    wrong(lambda a: np.maximum(a[0], 0), "that is ReLU: GELU is the smooth x * Phi(x), slightly negative for negative x."),
]

GELU_SLOPE_WRONGS = [
    wrong(lambda a: Phi(a[0]),
          "you returned Phi(x) alone: GELU is a product, x * Phi(x), so the product rule gives TWO terms: "
          "GELU'(x) = Phi(x) + x * phi(x), with phi the bell curve exp(-x**2/2) / sqrt(2 pi)."),
    wrong(lambda a: a[0] * phi(a[0]),
          "you kept only x * phi(x): the product rule gives Phi(x) + x * phi(x); the Phi(x) term is missing."),
    wrong(lambda a: Phi(a[0]) + phi(a[0]),
          "you wrote Phi(x) + phi(x): the product rule on x * Phi(x) gives Phi(x) + x * phi(x), the second term times x."),
    wrong(lambda a: slope("gelu_tanh")(a[0]),
          "that is the slope of GELU's tanh approximation. This task wants exact GELU's slope, Phi(x) + x * phi(x)."),
    wrong(lambda a: phi(a[0]), "you returned phi(x), the bell curve: that is Phi's slope, not GELU's. GELU'(x) = Phi(x) + x * phi(x)."),
    wrong(lambda a: np.abs(slope("gelu")(a[0])),
          "your slope has the right size but is never negative: left of its minimum GELU is falling, "
          "so GELU'(x) = Phi(x) + x * phi(x) is negative there."),
]


def _overflow(name, fix):
    return f"your {name} gives {{bad}} at x = {{x:g}}: something overflowed (exp of a huge number is inf). {fix}"


_UNSTABLE_SIGMOID = _overflow("sigmoid", "For x = 1000, exp(x) / (1 + exp(x)) is inf / inf = nan. " + STABLE_SIGMOID)

# ---------------------------------------------------------------- the tasks
RELU = Task("relu", "relu", intro="relu(x): max(0, x) for every entry of the array x.", checks=[
    Check("values on a grid", 1, grid(-5, 5, extra=(0.0,)),
          judge_values(ref("relu"), RELU_WRONGS, "your values are off: relu(x) = max(0, x), np.maximum(x, 0) for arrays.",
                       _overflow("relu", "np.maximum(x, 0) needs no exp at all.")),
          hint="np.maximum(x, 0) works on a whole array; Python's max(x, 0) does not."),
    Check("huge inputs", 1, huge,
          judge_values(ref("relu"), RELU_WRONGS, "your values for huge inputs are off: relu(1000) = 1000, relu(-1000) = 0.",
                       _overflow("relu", "np.maximum(x, 0) needs no exp at all."))),
    Check("a 2-D batch keeps its shape", 1, batch(),
          judge_values(ref("relu"), RELU_WRONGS, "your values on a 2-D batch are off: apply max(0, x) to every entry.",
                       _overflow("relu", "np.maximum(x, 0) needs no exp at all.")),
          hint="np.maximum(x, 0) works on arrays of any shape."),
])

RELU_SLOPE = Task("relu_slope", "relu_slope", intro="relu_slope(x): 1 where x > 0, else 0 (also at exactly 0).", checks=[
    Check("slopes away from 0", 1, grid(-5, 5),
          judge_values(slope("relu"), RELU_SLOPE_WRONGS, "your slopes are off: 1 where x > 0, 0 where x < 0.",
                       _overflow("relu slope", "(x > 0) needs no exp at all."))),
    Check("the slope at exactly 0", 1, grid(-1, 1, n=8, extra=(0.0, 0.0, 1e-12, -1e-12)),
          judge_values(slope("relu"), RELU_SLOPE_WRONGS, "your slope near 0 is off: 1 for x > 0, 0 for x <= 0 (the course's convention at 0).",
                       _overflow("relu slope", "(x > 0) needs no exp at all.")),
          hint="compare the array with 0: (x > 0) gives True/False, .astype(float) turns it into 1.0/0.0."),
    Check("a 2-D batch keeps its shape", 1, batch(),
          judge_values(slope("relu"), RELU_SLOPE_WRONGS, "your slopes on a 2-D batch are off: 1 where x > 0, else 0.",
                       _overflow("relu slope", "(x > 0) needs no exp at all."))),
])

SIGMOID = Task("sigmoid", "sigmoid", intro="sigmoid(x) = 1 / (1 + exp(-x)), computed without overflow.", checks=[
    Check("values on a grid", 1, grid(-8, 8, extra=(0.0,)),
          judge_values(ref("sigmoid"), SIGMOID_WRONGS, "your values are off: sigmoid(x) = 1 / (1 + exp(-x)), 0.5 at x = 0.",
                       _UNSTABLE_SIGMOID)),
    Check("huge positive inputs", 1, grid(30, 1000, n=6, extra=(709.0, 710.0, 1000.0)),
          judge_values(ref("sigmoid"), SIGMOID_WRONGS, "your values for large x are off: sigmoid(x) is 1 (to float64 precision) there.",
                       _UNSTABLE_SIGMOID)),
    Check("very negative inputs (x from -1000 to -710)", 0, very_negative,
          judge_values(ref("sigmoid"), SIGMOID_WRONGS,
                       "your values for very negative x are off: sigmoid(x) = exp(x) / (1 + exp(x)) there, tiny but positive. "
                       + STABLE_SIGMOID,
                       _UNSTABLE_SIGMOID, rtol=1e-6, atol=0.0),
          hint="np.where(x >= 0, ..., ...) picks per entry; compute e = np.exp(-np.abs(x)) once, so it never overflows.",
          bonus=True),
])

SIGMOID_SLOPE = Task("sigmoid_slope", "sigmoid_slope", intro="sigmoid_slope(x) = sigmoid(x) * (1 - sigmoid(x)).", checks=[
    Check("slopes on a grid", 1, grid(-8, 8, extra=(0.0,)),
          judge_values(slope("sigmoid"), SIGMOID_SLOPE_WRONGS, "your slopes are off: sigmoid(x) * (1 - sigmoid(x)), 0.25 at x = 0.",
                       _overflow("sigmoid slope", "Write it as s * (1 - s) with s from your stable sigmoid."))),
    Check("huge inputs", 1, huge,
          judge_values(slope("sigmoid"), SIGMOID_SLOPE_WRONGS, "your slopes for huge x are off: the curve is flat there, slope ~ 0.",
                       _overflow("sigmoid slope", "exp(-x) / (1 + exp(-x))**2 is inf / inf at x = -1000. Write it as "
                                                  "s * (1 - s) with s from your stable sigmoid."))),
    Check("a 2-D batch keeps its shape", 1, batch(),
          judge_values(slope("sigmoid"), SIGMOID_SLOPE_WRONGS, "your slopes on a 2-D batch are off: sigmoid(x) * (1 - sigmoid(x)) per entry.",
                       _overflow("sigmoid slope", "Write it as s * (1 - s) with s from your stable sigmoid."))),
])

_TANH_FIX = "(exp(x) - exp(-x)) / (exp(x) + exp(-x)) is inf / inf at x = 1000: use np.tanh, which is stable."
TANH = Task("tanh", "tanh", intro="tanh(x), stable for huge x.", checks=[
    Check("values on a grid", 1, grid(-5, 5, extra=(0.0,)),
          judge_values(ref("tanh"), TANH_WRONGS, "your values are off: tanh runs from -1 to 1, 0 at x = 0 (np.tanh).",
                       _overflow("tanh", _TANH_FIX))),
    Check("huge inputs", 1, huge,
          judge_values(ref("tanh"), TANH_WRONGS, "your values for huge x are off: tanh(1000) = 1, tanh(-1000) = -1.",
                       _overflow("tanh", _TANH_FIX))),
])

TANH_SLOPE = Task("tanh_slope", "tanh_slope", intro="tanh_slope(x) = 1 - tanh(x)**2.", checks=[
    Check("slopes on a grid", 1, grid(-4, 4, extra=(0.0,)),
          judge_values(slope("tanh"), TANH_SLOPE_WRONGS, "your slopes are off: 1 - tanh(x)**2, 1 at x = 0.",
                       _overflow("tanh slope", "Use 1 - np.tanh(x)**2."))),
    Check("huge inputs", 1, huge,
          judge_values(slope("tanh"), TANH_SLOPE_WRONGS, "your slopes for huge x are off: tanh is flat there, slope ~ 0.",
                       _overflow("tanh slope", "Use 1 - np.tanh(x)**2: np.tanh never overflows."))),
    Check("a 2-D batch keeps its shape", 1, batch(),
          judge_values(slope("tanh"), TANH_SLOPE_WRONGS, "your slopes on a 2-D batch are off: 1 - tanh(x)**2 per entry.",
                       _overflow("tanh slope", "Use 1 - np.tanh(x)**2."))),
])

GELU = Task("gelu", "gelu", intro="gelu(x) = x * Phi(x), exact (Phi from erf).", checks=[
    Check("exact values on a grid", 2, grid(-4, 4, extra=(0.0,)),
          judge_values(ref("gelu"), GELU_WRONGS, "your values are off: gelu(x) = x * Phi(x), Phi(x) = 0.5 * (1 + erf(x / sqrt(2))).",
                       _overflow("gelu", "erf never overflows: x * 0.5 * (1 + erf(x / np.sqrt(2)))."))),
    Check("huge inputs", 1, huge,
          judge_values(ref("gelu"), GELU_WRONGS, "your values for huge x are off: gelu(1000) = 1000 and gelu(-1000) = 0.",
                       _overflow("gelu", "erf never overflows: x * 0.5 * (1 + erf(x / np.sqrt(2)))."))),
])

GELU_SLOPE = Task("gelu_slope", "gelu_slope", intro="gelu_slope(x) = Phi(x) + x * phi(x) (the product rule).", checks=[
    Check("slopes on a grid", 2, grid(-4, 4, extra=(0.0,)),
          judge_values(slope("gelu"), GELU_SLOPE_WRONGS, "your slopes are off: GELU'(x) = Phi(x) + x * phi(x), 0.5 at x = 0.",
                       _overflow("gelu slope", "phi(x) = np.exp(-x**2 / 2) / np.sqrt(2 * np.pi) only ever sees exp of a number <= 0."))),
    Check("negative slopes left of the dip", 1, grid(-4, -1),
          judge_values(slope("gelu"), GELU_SLOPE_WRONGS, "your slopes left of GELU's dip are off: Phi(x) + x * phi(x) is negative there.",
                       _overflow("gelu slope", "phi(x) = np.exp(-x**2 / 2) / np.sqrt(2 * np.pi) only ever sees exp of a number <= 0."))),
    Check("huge inputs", 1, huge,
          judge_values(slope("gelu"), GELU_SLOPE_WRONGS, "your slopes for huge x are off: 1 far right, 0 far left.",
                       _overflow("gelu slope", "phi(x) = np.exp(-x**2 / 2) / np.sqrt(2 * np.pi) only ever sees exp of a number <= 0."))),
])

TASKS = [RELU, RELU_SLOPE, SIGMOID, SIGMOID_SLOPE, TANH, TANH_SLOPE, GELU, GELU_SLOPE]
