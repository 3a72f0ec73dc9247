"""Tasks of 03_gradient_table: the gradient left after n layers, the gradient table at a chosen x, the chain product.

References: the registry's slopes (activations.slope_table) and mlp.chain_product. The `Wrong`
answers are the mistakes learners make: adding instead of multiplying, one layer too many or
too few, the values f(x) where the slopes f'(x) belong.
"""

import numpy as np

from course_utils.engine import mlp
from course_utils.facts import activations
from course_utils.tasks.spec import Check, Task, as_float_array, close, diagnose, type_name
from course_utils.tasks.ex02_bends import (GELU_SLOPE_WRONGS, RELU_SLOPE_WRONGS, SIGMOID_SLOPE_WRONGS,
                                           TANH_SLOPE_WRONGS, ref, slope, wrong)

BENDS = ("relu", "sigmoid", "tanh", "gelu")  # the four bends of 02, in the chapter's order


# ---------------------------------------------------------------- gradient_after(slope, n)
def _after(args):
    s, n = args
    return float(np.prod(np.full(n, s, dtype=float)))  # n factors of s (the empty product is 1)


GRADIENT_AFTER_WRONGS = [
    # with zero layers, first: several mistakes below coincide there and would blame the wrong thing
    wrong(lambda a: 0.0 if a[1] == 0 else None,
          "with no layers, nothing multiplies the gradient: it stays 1 (the empty product), not 0."),
    wrong(lambda a: a[0] if a[1] == 0 else None,
          "with no layers the factor is 1: start your product from 1, not from the slope (that is one layer already)."),
    wrong(lambda a: a[0] * a[1], "you multiplied the slope by n, which adds it n times: the chain rule multiplies n "
                                 "slopes together, slope ** n."),
    wrong(lambda a: a[0] + a[1], "you added: the chain rule multiplies the n slopes, slope ** n."),
    wrong(lambda a: a[0] ** (a[1] - 1), "one layer short: n layers multiply the gradient by n slopes, slope ** n, not n - 1."),
    wrong(lambda a: a[0] ** (a[1] + 1), "one layer too many: n layers multiply the gradient by n slopes, slope ** n, not n + 1."),
    wrong(lambda a: a[0], "your answer ignores the depth: each of the n layers multiplies by the slope again, slope ** n."),
    wrong(lambda a: a[1] ** a[0], "base and exponent are swapped: it is slope ** n (the slope, multiplied n times)."),
]


def judge_after(rtol=1e-9, atol=0.0):
    """gradient_after's judge: one number close (relatively: the answers can be 1e-30) to slope ** n."""
    def judge(args, out):
        got = as_float_array(out)
        if got is None or got.size != 1:
            return False, f"gradient_after should return one number; it returned a {type_name(out)}."
        return diagnose(args, got.reshape(()), _after(args), GRADIENT_AFTER_WRONGS,
                        "your number is off: after n layers of slope s the gradient is multiplied by s ** n.",
                        rtol=rtol, atol=atol)
    judge.wrongs = GRADIENT_AFTER_WRONGS
    return judge


def _slope_depth(low, high, n_low, n_high):
    def inputs(rng):
        return (float(rng.uniform(low, high)), int(rng.integers(n_low, n_high + 1)))
    return inputs


def _sigmoid_peak(rng):
    # sigmoid at its steepest, from the registry; 30-60 layers of it
    return (float(activations.get("sigmoid").derivative(0.0)), int(rng.integers(30, 61)))


GRADIENT_AFTER = Task("gradient_after", "gradient_after", intro="gradient_after(slope, n) = slope ** n.", checks=[
    Check("2 to 10 layers", 1, _slope_depth(0.1, 0.9, 2, 10), judge_after(),
          hint="multiply n copies of the slope: slope ** n."),
    Check("30 to 60 layers of sigmoid's best slope", 1, _sigmoid_peak, judge_after(),
          hint="slope ** n works for any n; a loop that multiplies n times does too."),
    Check("a slope above 1 explodes", 1, _slope_depth(1.1, 1.5, 20, 40), judge_after()),
    Check("zero layers", 1, lambda rng: (float(rng.uniform(0.1, 0.9)), 0), judge_after(),
          hint="with no layers nothing multiplies the gradient."),
])


# ---------------------------------------------------------------- gradient_table(x)
PER_BEND_WRONGS = {"relu": RELU_SLOPE_WRONGS, "sigmoid": SIGMOID_SLOPE_WRONGS, "tanh": TANH_SLOPE_WRONGS,
                   "gelu": GELU_SLOPE_WRONGS}


def table_reference(x):
    """{bend: its slope at x} for the four bends, from the registry."""
    return {name: values[0] for name, values in activations.slope_table(BENDS, [x]).items()}


def judge_table(args, out):
    """A dict with the four bends' slopes at x; a wrong entry is diagnosed with that bend's own mistakes."""
    x = float(args[0])
    want = table_reference(x)
    if not isinstance(out, dict):
        return False, f"gradient_table should return a dict {{name: slope}}; it returned a {type_name(out)}."
    missing = [n for n in BENDS if n not in out]
    if missing:
        return False, (f"your table has no entry for {', '.join(map(repr, missing))}: the keys are the names "
                       f"{', '.join(map(repr, BENDS))}.")
    got = {}
    for name in BENDS:
        v = as_float_array(out[name])
        if v is None or v.size != 1:
            return False, f"the entry for {name!r} should be one number; it is a {type_name(out[name])}."
        got[name] = float(v.ravel()[0])
    values = {name: float(ref(name)(x)) for name in BENDS}
    if not all(close(got[n], want[n]) for n in BENDS) and all(close(got[n], values[n]) for n in BENDS):
        return False, ("your table holds the values f(x), not the slopes f'(x): the gradient is multiplied by "
                       "the slope of each bend.")
    for name in BENDS:
        if close(got[name], want[name]):
            continue
        if not np.isfinite(got[name]):
            return False, f"{name}: your slope at x = {x:g} is {got[name]}: something overflowed; use the stable form."
        for w in PER_BEND_WRONGS[name]:
            if w.matches((np.array(x),), got[name], want[name]):
                return False, f"{name}: {w.message}"
        return False, f"{name}: your slope at x = {x:g} is off."
    return True, "correct"


GRADIENT_TABLE = Task("gradient_table", "gradient_table", intro="gradient_table(x) = {bend: slope at x}.", checks=[
    Check("at a positive x", 1, lambda rng: (float(rng.uniform(0.5, 3.0)),), judge_table,
          hint="build the dict from the four slope formulas of exercise 02."),
    Check("at x = 0", 1, lambda rng: (0.0,), judge_table,
          hint="at x = 0: ReLU's slope is 0 by the course's convention."),
    Check("at a negative x (GELU's slope below 0)", 1, lambda rng: (float(rng.uniform(-4.0, -1.0)),), judge_table),
    Check("far left (x from -1000 to -710)", 1, lambda rng: (float(rng.uniform(-1000.0, -710.0)),), judge_table,
          hint="math.exp(1000) raises OverflowError: give exp only numbers <= 0, e.g. exp(-abs(x))."),
    Check("far right (x from 710 to 1000)", 1, lambda rng: (float(rng.uniform(710.0, 1000.0)),), judge_table,
          hint="math.exp(1000) raises OverflowError: give exp only numbers <= 0, e.g. exp(-abs(x))."),
])


# ---------------------------------------------------------------- chain_gradient(name, xs)
def _chain(args):
    name, xs = args
    return mlp.chain_product(name, xs, len(xs))[0]


def _slopes(args):
    return slope(args[0])(args[1])


CHAIN_WRONGS = [
    wrong(lambda a: float(np.sum(_slopes(a))), "you added the slopes: the chain rule multiplies them, layer after layer."),
    wrong(lambda a: float(np.prod(ref(a[0])(a[1]))),
          "you multiplied the values f(x), not the slopes f'(x): the gradient is scaled by each layer's slope."),
    wrong(lambda a: float(np.prod(_slopes(a)[1:])), "one layer short: you left out the first layer's slope."),
    wrong(lambda a: float(np.prod(_slopes(a)[:-1])), "one layer short: you left out the last layer's slope."),
    wrong(lambda a: float(_slopes(a)[0] ** len(a[1])),
          "you used the first layer's x for every layer: each layer has its own x, so its own slope."),
    wrong(lambda a: float(np.mean(_slopes(a))), "you averaged the slopes: the chain rule multiplies them."),
    wrong(lambda a: np.cumprod(_slopes(a)),
          "you returned the product after every layer; the task wants one number, the product after the last layer."),
]


def judge_chain(args, out):
    """One number: the product of the bend's slopes at each layer's x (relative tolerance: it can be tiny)."""
    want = _chain(args)
    got = as_float_array(out)
    if got is not None and got.size == len(args[1]) > 1 and close(got, np.cumprod(_slopes(args)), rtol=1e-6, atol=0.0):
        return False, CHAIN_WRONGS[-1].message
    if got is None or got.size != 1:
        return False, f"chain_gradient should return one number; it returned a {type_name(out)}."
    return diagnose(args, got.reshape(()), want, CHAIN_WRONGS[:-1],
                    "your product is off: multiply the slope of the bend at each layer's x, f'(x1) * f'(x2) * ...",
                    rtol=1e-6, atol=0.0)


judge_chain.wrongs = CHAIN_WRONGS[:-1]


def _layers(name, n, low, high, avoid=None):
    def inputs(rng):
        xs = rng.uniform(low, high, n)
        if avoid is not None:  # keep clear of a root of the slope, where the product is 0 to within rounding
            xs = np.where(np.abs(xs - avoid) < 0.1, xs + 0.3, xs)
        return (name, xs)
    return inputs


def _relu_one_dead(rng):
    xs = rng.uniform(0.2, 3.0, 6)
    xs[int(rng.integers(1, 5))] = -rng.uniform(0.5, 2.0)  # one layer (not the first or last) below 0
    return ("relu", xs)


_GELU_ROOT = float(activations.minimum("gelu")[0])  # where GELU's slope crosses 0 (computed by the registry)

CHAIN_GRADIENT = Task("chain_gradient", "chain_gradient",
                      intro="chain_gradient(name, xs) = product of the bend's slopes at xs.", checks=[
    Check("sigmoid through 5 layers", 1, _layers("sigmoid", 5, -3.0, 3.0), judge_chain,
          hint="use your gradient_table(x)[name] for each x and multiply."),
    Check("tanh through 12 layers", 1, _layers("tanh", 12, -2.0, 2.0), judge_chain),
    Check("gelu through 6 layers, some below 0", 1, _layers("gelu", 6, -3.0, 3.0, avoid=_GELU_ROOT), judge_chain),
    Check("relu: one layer below 0 stops everything", 1, _relu_one_dead, judge_chain),
])

TASKS = [GRADIENT_AFTER, GRADIENT_TABLE, CHAIN_GRADIENT]
