"""Tasks of 01_collapse_proof: collapse a stack of affine layers y = W x + b into one (W, b).

The reference answer is course_utils.engine.mlp.compose_affine; the `Wrong` answers below are the
mistakes learners make, so a failed check can say which one it saw.
"""

from functools import reduce

import numpy as np

from course_utils.engine.mlp import compose_affine
from course_utils.tasks.spec import Check, Task, Wrong, as_float_array, close, type_name


def _reference(layers):
    return compose_affine(layers)  # the one implementation the notebooks show


# --- inputs the grader chooses (a fresh rng per grading run, a fixed one in the notebook) ---
def _layer(rng, n_in, n_out, bias=True, scale=1.0):
    W = scale * rng.uniform(-2.0, 2.0, size=(n_out, n_in))
    b = rng.uniform(-2.0, 2.0, size=n_out) if bias else np.zeros(n_out)
    return W, b


def _stack(widths, bias=True):
    """inputs() for a stack whose layer widths are `widths` (inputs of the first ... outputs of the last)."""
    def inputs(rng):
        return ([_layer(rng, a, b, bias) for a, b in zip(widths[:-1], widths[1:])],)
    return inputs


def _deep_stack(rng, depth=50, n=3):
    # Rotations keep a 50-fold product near size 1, so the check tests the loop, not overflow.
    layers = []
    for _ in range(depth):
        q, r = np.linalg.qr(rng.normal(size=(n, n)))
        layers.append((q * np.sign(np.diag(r)), rng.uniform(-1.0, 1.0, size=n)))
    return (layers,)


# --- the mistakes a failed check can name ---
def _ws(args):
    return [W for W, _ in args[0]]


def _bs(args):
    return [b for _, b in args[0]]


def _W(args):
    return _reference(args[0])[0]


WRONG_W = [
    Wrong(lambda a: reduce(np.matmul, _ws(a)),
          "your W is W1 @ W2 @ ... (first layer on the left). The first layer acts first, so its matrix "
          "sits on the right: W = Wn @ ... @ W2 @ W1."),
    Wrong(lambda a: sum(_ws(a)),
          "your W is the sum W1 + W2 + ...: stacking layers multiplies their matrices, it does not add them."),
    Wrong(lambda a: reduce(np.multiply, _ws(a)),
          "your W is the element-wise product W1 * W2 * ...: composing layers is matrix multiplication (@), not *."),
    Wrong(lambda a: _W(a).T,
          "your W is transposed: with y = W x + b the composed W has one row per output of the last layer "
          "and one column per input of the first."),
] + [
    Wrong(lambda a, k=k: _reference(a[0][:k])[0] if len(a[0]) > k else None,
          f"your W uses only the first {k} layers: loop over every layer in the list.")
    for k in (1, 2, 3)
]

WRONG_B = [
    Wrong(lambda a: np.zeros_like(_bs(a)[-1]),
          "your b is all zeros: the biases were left out. Each layer adds its b, and that shift survives "
          "the later layers, so the composed b is not zero."),
    Wrong(lambda a: sum(_bs(a)),
          "your b is the plain sum b1 + b2 + ...: an earlier bias also passes through every later layer's W. "
          "For two layers: b = W2 @ b1 + b2."),
    Wrong(lambda a: _bs(a)[-1],
          "your b is only the last layer's bias: the earlier biases were lost on the way. "
          "For two layers: b = W2 @ b1 + b2."),
] + [
    Wrong(lambda a, k=k: _reference(a[0][:k])[1] if len(a[0]) > k else None,
          f"your b uses only the first {k} layers: loop over every layer in the list.")
    for k in (1, 2, 3)
]


def _shape_problem(out, W, b):
    """A sentence about the shape of the learner's (W, b), or '' if it is a well-formed pair."""
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        return f"compose should return a pair (W, b); it returned a {type_name(out)}."
    gW, gb = as_float_array(out[0]), as_float_array(out[1])
    if gW is None or gb is None:
        return "W and b should be arrays of numbers (numpy arrays)."
    if gW.shape != W.shape:
        return f"your W has shape {gW.shape}; the composed W has shape {W.shape} (outputs of the last layer, inputs of the first)."
    if gb.shape != b.shape:
        return f"your b has shape {gb.shape}; the composed b has shape {b.shape}, one number per output."
    return ""


def judge_compose(focus="both"):
    """A judge for compose: the whole answer, or with focus 'W' / 'b' only that part (its own misconceptions)."""
    def judge(args, out):
        W, b = _reference(args[0])
        problem = _shape_problem(out, W, b)
        if problem:
            return False, problem
        gW, gb = as_float_array(out[0]), as_float_array(out[1])
        parts = [("W", gW, W, WRONG_W), ("b", gb, b, WRONG_B)]
        for name, got, want, wrongs in parts:
            if focus not in ("both", name) or close(got, want):
                continue
            for wrong in wrongs:
                if wrong.matches(args, got, want):
                    return False, wrong.message
            if name == "W":
                return False, "your W is wrong: the composed W is the product Wn @ ... @ W2 @ W1 (last layer on the left)."
            return False, ("your W is right but your b is wrong: carry b along as you go, "
                           "b <- W_next @ b + b_next for each next layer.")
        return True, "correct"
    return judge


COMPOSE = Task(
    name="compose",
    function="compose",
    intro="compose(layers) collapses [(W1, b1), ..., (Wn, bn)], each y = W x + b, into one (W, b).",
    checks=[
        Check("two scalar layers", 1, _stack([1, 1, 1]), judge_compose(),
              hint="start from the first layer's (W, b) and fold in the next: W <- W2 @ W, b <- W2 @ b + b2."),
        Check("three layers of different widths", 1, _stack([2, 4, 3, 2]), judge_compose(),
              hint="with layers of different widths, W2 @ W1 works and W1 @ W2 fails: the later layer goes on the left."),
        Check("the biases pass through later layers", 1, _stack([3, 3, 3, 3]), judge_compose("b"),
              hint="b <- W_next @ b + b_next for each next layer."),
        Check("order of multiplication", 1, _stack([3, 3, 3, 3], bias=False), judge_compose("W"),
              hint="W = Wn @ ... @ W2 @ W1: the last layer on the left."),
        Check("a 50-layer stack", 2, _deep_stack, judge_compose(),
              hint="loop over every (W, b) in the list; do not assume two or three layers."),
    ],
)

TASKS = [COMPOSE]
