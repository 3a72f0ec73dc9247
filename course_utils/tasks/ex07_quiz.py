"""Tasks of 07_recall_quiz: the quiz's numbers, computed, and three predict-then-run recalls.

The numeric keys and feedback come from course_utils.facts.quiz (computed from the registry): a right
answer passes, a wrong one fails with the message the quiz gives for it. The three recalls (tanh from
sigmoid, the nudge left after many layers, the nudge on a ReLU unit's weight) replace picking letters:
the learner writes a prediction first, then a function that computes the answer, and the checks name
the misconception behind each known wrong result.
"""

import numpy as np

from course_utils.facts import activations, quiz
from course_utils.tasks.spec import Check, Task, as_float_array, diagnose, type_name
from course_utils.tasks.ex02_bends import grid, huge, ref, wrong

# A fixed set from the question bank (which grows): the numbers to compute.
NUMERIC = [quiz.get(q) for q in ("sigmoid_slope_0", "sigmoid_slope_5", "chain_sigmoid_10", "tanh_slope_3", "gelu_slope_minus3")]


# ---------------------------------------------------------------- numeric_answer(qid)
def judge_number(args, out):
    """A number (or a string such as '1/4') that the quiz accepts for this question; else the quiz's message."""
    qid = args[0]
    if isinstance(out, (bool, np.bool_)) or not isinstance(out, (int, float, str, np.integer, np.floating)):
        return False, f"numeric_answer should return one number for {qid!r}; it returned a {type_name(out)}."
    value = out if isinstance(out, str) else float(out)
    fb = quiz.check(qid, value, picture=False)   # the exercise draws no picture: "In the picture, …" would point at nothing
    return (True, "correct") if fb.correct else (False, fb.message)


def _ask(qid):
    return lambda rng: (qid,)


QUIZ_NUMBERS = Task("quiz_numbers", "numeric_answer",
                    intro="numeric_answer(qid): a number for each numeric quiz question.", checks=[
    Check(q.prompt, 1, _ask(q.id), judge_number, hint="return a number for every question key listed above.")
    for q in NUMERIC
])


# ---------------------------------------------------------------- predict, then run: three recalls computed
# Each task pairs a prediction the learner writes down first (ungraded, in `my_guesses`) with a function
# that computes the answer, so the grade is on the computation and the surprise stays the learner's own.
sig, tanh_ = ref("sigmoid"), ref("tanh")   # the registry's curves: tanh is the right answer, sigmoid builds the wrong ones


def _one_number(function, reference, wrongs, otherwise, **tol):
    """A judge for a task whose answer is one number: the reference's value, else the first known mistake it matches."""
    def judge(args, out):
        got = as_float_array(out)
        if got is None or got.size != 1:
            return False, f"{function} should return one number; it returned a {type_name(out)}."
        return diagnose(args, got.reshape(()), reference(args), wrongs, otherwise, **tol)
    judge.wrongs = wrongs
    return judge


TANH_WRONGS = [
    wrong(lambda a: sig(a[0]) - 0.5, "you shifted sigmoid down by 0.5: that curve runs from -0.5 to 0.5 and is "
                                           "half as steep. tanh also needs the stretch by 2, up and sideways."),
    wrong(lambda a: 2 * sig(a[0]) - 1, "you stretched sigmoid up by 2 and shifted it down by 1, but not sideways: "
                                            "tanh is steeper, 2 * sigmoid(2 * x) - 1."),
    wrong(lambda a: sig(2 * np.asarray(a[0])) - 0.5, "you squeezed sigmoid sideways and shifted it down, but did not stretch it "
                                              "up by 2: that curve only reaches 0.5."),
]


def judge_tanh_via(args, out):
    """tanh(x) computed as 2 * sigmoid(2x) - 1, entry by entry, same shape."""
    return diagnose(args, out, tanh_(args[0]), TANH_WRONGS,
                    "your curve is off: tanh(x) = 2 * sigmoid(2 * x) - 1 (squeeze sideways by 2, stretch up by 2, "
                    "shift down by 1).")


TANH_FROM_SIGMOID = Task("tanh_from_sigmoid", "tanh_from_sigmoid",
                         intro="tanh_from_sigmoid(x): tanh, built from sigmoid alone.", checks=[
    Check("values on a grid", 2, grid(-5, 5, extra=(0.0,)), judge_tanh_via,
          hint="squeeze sideways (2 * x inside), stretch up (2 * outside), shift down (- 1)."),
    Check("huge inputs", 1, huge, judge_tanh_via,
          hint="for x = -1000, np.exp(2000) is inf and 1 / (1 + inf) is 0: that is fine; a nan is not."),
])

# Each bend's largest slope, read from the registry on a grid through 0 (ReLU's is 1, on its active side).
STEEPEST = {name: float(np.max(activations.get(name).derivative(np.linspace(-5.0, 5.0, 1001))))
            for name in ("sigmoid", "tanh", "relu")}


def _nudge(args):
    bend, layers = args
    return STEEPEST[bend] ** layers


NUDGE_WRONGS = [
    wrong(lambda a: float(sig(0.0)) ** a[1] if a[0] == "sigmoid" else None,
          "you used 0.5, sigmoid's VALUE at 0. The nudge is multiplied by the SLOPE, and sigmoid's steepest slope is 0.25."),
    wrong(lambda a: STEEPEST[a[0]] * a[1], "you multiplied by the number of layers. Each layer multiplies the nudge "
                                           "again: slope ** layers, not slope * layers."),
    wrong(lambda a: STEEPEST["sigmoid"] ** a[1] if a[0] != "sigmoid" else None,
          "tanh and ReLU are not sigmoid: tanh's steepest slope is 1 (at 0), and ReLU's is 1 on its active side."),
]


judge_nudge = _one_number("nudge_left", _nudge, NUDGE_WRONGS,
                          "your share is off: each layer multiplies the nudge by the bend's steepest slope.",
                          rtol=1e-9, atol=0.0)


def _bend_case(bends, low, high):
    def inputs(rng):
        return (str(rng.choice(bends)), int(rng.integers(low, high + 1)))
    return inputs


NUDGE_LEFT = Task("nudge_left", "nudge_left",
                  intro="nudge_left(bend, layers): the share of a nudge left after that many layers at the steepest slope.",
                  checks=[
    Check("sigmoid through 2 to 12 layers", 1, _bend_case(["sigmoid"], 2, 12), judge_nudge,
          hint="sigmoid's steepest slope is 0.25 (at x = 0); each layer multiplies by it."),
    Check("tanh and ReLU through 2 to 30 layers", 1, _bend_case(["tanh", "relu"], 2, 30), judge_nudge,
          hint="tanh's steepest slope is 1, and so is ReLU's on its active side."),
    Check("zero layers", 1, lambda rng: ("sigmoid", 0), judge_nudge,
          hint="with no layers nothing has shrunk the nudge: all of it, 1, is left."),
])


def _weight_nudge(args):
    x, w, b, upstream = args
    x, upstream = np.asarray(x, dtype=float), np.asarray(upstream, dtype=float)
    return float(np.sum(upstream * ((w * x + b) > 0) * x))


WEIGHT_WRONGS = [
    wrong(lambda a: float(np.sum(np.asarray(a[3]) * np.asarray(a[0]))),
          "you left out ReLU's slope: where the unit's input w * x + b is at or below 0, its slope is 0 and that "
          "example moves the weight by nothing. Multiply by (w * x + b > 0)."),
    wrong(lambda a: float(np.sum(np.asarray(a[3]) * ((a[1] * np.asarray(a[0]) + a[2]) >= 0) * np.asarray(a[0]))),
          "your slope at exactly w * x + b = 0 is 1; the course (like PyTorch) uses 0 there: (w * x + b > 0)."),
    wrong(lambda a: float(np.sum(np.asarray(a[3]) * ((a[1] * np.asarray(a[0]) + a[2]) > 0))),
          "you forgot the input x: the weight multiplies x, so its nudge is upstream * slope * x."),
]


judge_weight = _one_number("weight_nudge", _weight_nudge, WEIGHT_WRONGS,
                           "your nudge is off: add upstream * slope * x over the examples, where the slope is 1 if "
                           "w * x + b > 0, else 0.")


def _unit(kind):
    # Every case keeps some examples active and some not, on every seed, so each known mistake
    # (no slope, slope 1 at the corner, no x) gives a different number from the right one.
    def inputs(rng):
        x = np.concatenate([rng.uniform(0.5, 2, 3), rng.uniform(-2, -0.5, 3), rng.uniform(-2, 2, 2)])
        upstream = rng.uniform(0.5, 1.5, 8) * rng.choice([-1.0, 1.0], 8)
        w, b = float(rng.uniform(0.5, 1.5)), 0.0
        if kind == "dead":
            x, b = np.abs(x), -float(rng.uniform(4, 6))   # w * x + b < 0 for every example
        elif kind == "corner":                              # two examples exactly at the corner, w * x + b == 0
            w, b = 1.0, -1.0
            x[:3] = rng.uniform(1.5, 2.5, 3)
            x[3:5] = 1.0
        return (rng.permutation(x), w, b, upstream)
    return inputs


WEIGHT_NUDGE = Task("weight_nudge", "weight_nudge",
                    intro="weight_nudge(x, w, b, upstream): how hard the batch pushes on one ReLU unit's weight.", checks=[
    Check("a unit active on some examples", 1, _unit("mixed"), judge_weight,
          hint="for each example: upstream * (1 if w * x + b > 0 else 0) * x; then add them up."),
    Check("a unit whose input is always negative", 1, _unit("dead"), judge_weight,
          hint="the slope is 0 on every example: the weight gets no nudge at all."),
    Check("examples exactly at the corner", 1, _unit("corner"), judge_weight),
])


TASKS = [QUIZ_NUMBERS, TANH_FROM_SIGMOID, NUDGE_LEFT, WEIGHT_NUDGE]


# ---------------------------------------------------------------- what the exercise shows (its build script uses these)
def numeric_table():
    """Markdown rows `| key | question |` for the numeric questions."""
    return "\n".join(f"| `{q.id}` | {q.prompt} |" for q in NUMERIC)
