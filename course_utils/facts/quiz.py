"""Questions and answer keys of the recall quiz: one source for the quiz widgets and the grader (07_recall_quiz).

    get(qid); check(qid, answer) -> Feedback; answer_key(qid); questions(); summary(feedbacks)

Three kinds: Choice (every wrong option carries its own explanation), Numeric (a tolerance and
"traps": the wrong numbers learners typically give, each with its message) and Sketch (the
learner's y values at fixed x are scored against the true curve by RMSE -> 0 to 3 stars).
Every key is computed from the registry when the questions are built.
"""

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from course_utils.facts import activations


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Choice:
    id: str
    prompt: str
    options: tuple
    source: str


@dataclass(frozen=True)
class Numeric:
    id: str
    prompt: str
    answer: float
    abs_tol: float
    rel_tol: float
    explanation: str
    traps: tuple  # ((value, tolerance, message), ...)
    source: str


@dataclass(frozen=True)
class Sketch:
    id: str
    prompt: str
    activation: str
    what: str          # "value" or "slope"
    xs: tuple
    y_min: float       # slider range for the learner's points
    y_max: float
    star_rmse: tuple   # RMSE at or below which 3, 2, 1 stars are earned
    source: str

    def truth(self):
        """The true curve (value or slope) at the sketch's xs."""
        act = activations.get(self.activation)
        f = act if self.what == "value" else act.derivative
        return np.asarray(f(np.asarray(self.xs, dtype=float)), dtype=float)


@dataclass(frozen=True)
class Feedback:
    correct: bool
    points: float      # 0..1
    message: str
    stars: int = -1    # sketches only


def _f(name):
    return activations.get(name)


def _sig_slope(x):
    return float(_f("sigmoid").derivative(float(x)))


@lru_cache(maxsize=None)
def questions():
    """Every question in quiz order; keys and explanations computed here from the registry."""
    s0, s5 = _sig_slope(0), _sig_slope(5)
    sig_val5 = float(_f("sigmoid")(5.0))
    chain = s0 ** 10
    t3 = float(_f("tanh").derivative(3.0))
    g3m = float(_f("gelu").derivative(-3.0))
    soft = _f("softmax")
    p1, p2 = (float(np.asarray(soft(np.array(v)))[0]) for v in ([2.0, 1.0], [4.0, 2.0]))
    growth = 1.1 ** 100
    shifted_slope = s0  # slope of sigmoid(x) - 0.5 at 0 is sigmoid's, against tanh's 1
    ELI5_QA, ELI5_RECALL, ELI5_APPLY = "ELI5 chapter, Q&A", "ELI5 chapter, Pause and recall", "ELI5 chapter, Apply now"
    return (
        Numeric("sigmoid_slope_0", "What is the slope of sigmoid at x = 0?", s0, 1e-3, 0.0,
                f"σ'(x) = σ(x)(1 − σ(x)); at 0 that is 0.5 × 0.5 = {s0:g}, the steepest sigmoid ever gets.",
                ((0.5, 1e-3, "0.5 is σ(0), the value. The slope is σ(0)(1 − σ(0))."),
                 (1.0, 1e-3, "1 is the slope of tanh (and of ReLU's active side) at 0, not of sigmoid.")),
                ELI5_RECALL),
        Numeric("sigmoid_slope_5", "What is the slope of sigmoid at x = 5? (3 significant digits)", s5, 0.0, 0.02,
                f"σ(5) = {sig_val5:.4f}, so σ'(5) = {sig_val5:.4f} × {1 - sig_val5:.4f} = {s5:.5f}: almost flat.",
                ((sig_val5, 1e-3, f"{sig_val5:.3f} is σ(5), the value; the slope is σ(5)(1 − σ(5))."),
                 (s0, 1e-3, f"{s0:g} is the slope at 0, its peak; out at 5 the curve is nearly flat.")),
                ELI5_RECALL),
        Numeric("chain_sigmoid_10", "Ten sigmoid layers, each at its steepest: by what factor is the gradient multiplied?",
                chain, 0.0, 0.02,
                f"{s0:g}¹⁰ = {chain:.3e}: less than a millionth survives ten layers.",
                ((1e-7, 2e-8, f"1e-7 is the ELI5 chapter's figure, about 10 times too small: {s0:g}¹⁰ = {chain:.3e}."),
                 (s0 * 10, 1e-6, f"Multiplying {s0:g} by 10 adds; the chain rule multiplies ten factors of {s0:g}.")),
                ELI5_APPLY),
        Numeric("tanh_slope_3", "What is the slope of tanh at x = 3? (3 significant digits)", t3, 0.0, 0.02,
                f"1 − tanh²(3) = {t3:.5f}: tanh is as flat at 3 as sigmoid is at 5.",
                ((float(_f("tanh")(3.0)), 1e-3, "That is tanh(3), the value; the slope is 1 − tanh²(3)."),),
                ELI5_QA),
        Numeric("gelu_slope_minus3", "What is the slope of (exact) GELU at x = −3? Mind the sign. (3 significant digits)",
                g3m, 0.0, 0.03,
                f"GELU'(x) = Φ(x) + x φ(x); at −3 the second term wins: {g3m:.5f}. Negative: "
                "GELU is still falling there, on its way down to its minimum.",
                ((0.0036, 5e-4, f"0.0036 is the ELI5 chapter's table value, and it is wrong: GELU'(−3) = {g3m:.4f} (negative)."),
                 (-g3m, 2e-3, f"Right size, wrong sign: GELU falls between −∞ and its minimum, so the slope at −3 is {g3m:.4f}."),
                 (0.0, 1e-4, "Not exactly 0: that would be ReLU. GELU's slope is small there but not zero.")),
                "ELI5 chapter, gradient table"),
        Choice("relu_flat_side", "Why does ReLU's flat negative side matter for training?", (
            Option("A unit whose input stays negative gets slope 0, so no gradient reaches its weights: it can stop "
                   "learning for good (a 'dead' ReLU).", True,
                   "Right: the gradient is multiplied by the slope, and 0 times anything is 0."),
            Option("It makes ReLU slow to compute.", False,
                   "The flat side is the cheap part: max(0, x) is one comparison."),
            Option("It makes the network linear.", False,
                   "The opposite: the corner between the flat side and the ramp is the bend that stops the layers collapsing."),
            Option("It doesn't matter: the gradient still flows through the bias.", False,
                   "The bias sits before the bend, so its gradient is multiplied by the same zero slope."),
        ), ELI5_RECALL),
        Choice("where_bend", "Where does the bend go, and what happens without it?", (
            Option("Between the stretch-and-shift layers; without it any stack of layers is one straight-line layer.", True,
                   "Right: a product of matrices is one matrix, and the biases add up to one bias."),
            Option("Only after the last layer.", False,
                   "Then all the layers before it still collapse into one: you get one line, then one bend."),
            Option("It is optional: it only speeds up training.", False,
                   "It changes what the network can draw at all (XOR needs it), not how fast it learns."),
            Option("Before the first layer, to normalise the inputs.", False,
                   "Normalising inputs is a different job; a bend there leaves all later layers linear."),
        ), ELI5_RECALL),
        Choice("relu_vs_sigmoid", "Why ReLU rather than sigmoid in the hidden layers of a deep net?", (
            Option(f"Sigmoid's slope is at most {s0:g}, so the gradient shrinks layer after layer "
                   f"(ten layers: at most {chain:.2e}); ReLU's active slope is 1.", True,
                   "Right: it is about gradient flow through depth."),
            Option("Sigmoid is slower to compute.", False,
                   "The common wrong answer: an exp is cheap next to a matrix product. Gradient flow is the reason."),
            Option("ReLU can represent more functions.", False,
                   "Both make universal approximators; the difference is how well gradients get through."),
            Option("Sigmoid cannot output negative numbers, which is fatal.", False,
                   "Outputs that are never negative slow learning a little (the mean drifts), "
                   "but the vanishing slope is the big problem."),
        ), ELI5_QA),
        Choice("gelu_in_transformers", "Why did transformers such as BERT and GPT-2 pick GELU over ReLU?", (
            Option("It is smooth and keeps a small, nonzero slope for slightly negative inputs; in their experiments "
                   "it trained a little better.", True,
                   "Right, and note the word 'experiments': it is a measured gain, not a law. Newer LLMs moved on to gated units."),
            Option("GELU is more expressive than ReLU.", False,
                   "The common wrong answer: both give universal approximators."),
            Option("Every modern LLM uses GELU.", False,
                   "LLaMA, PaLM and Mistral use SwiGLU and Gemma uses GeGLU (chapter 04's table of real models)."),
            Option("GELU's slope is never negative, so it cannot die.", False,
                   f"GELU's slope is negative left of its minimum: GELU'(−3) = {g3m:.4f}."),
        ), ELI5_QA),
        Choice("tanh_in_rnns", "Why does tanh survive inside recurrent cells?", (
            Option("The same cell runs at every time step; tanh keeps the state in (−1, 1), so repeating it cannot "
                   "blow the state up.", True,
                   f"Right: with no bound, a state multiplied by 1.1 each step grows {growth:.3g}-fold in 100 steps."),
            Option("tanh is outdated everywhere and survives only out of habit.", False,
                   "The common wrong answer: its bound is exactly what a repeated state update needs."),
            Option("LSTM gates use tanh.", False,
                   "The gates use sigmoid (a 0-to-1 dimmer); tanh squashes the candidate and the cell output."),
            Option("ReLU would do as well, because its slope is 1.", False,
                   f"Its output has no upper bound: in 100 steps a factor of 1.1 compounds to {growth:.3g}."),
        ), ELI5_QA),
        Choice("softmax_activation", "Is softmax really an activation function?", (
            Option("Yes: a non-linear bend that acts on a whole vector of scores at once.", True,
                   f"Right: doubling the scores (2, 1) to (4, 2) moves the top share from {p1:.3f} to {p2:.3f}; "
                   "a plain normaliser would not change it."),
            Option("No, it is just a normaliser: it divides by the sum.", False,
                   f"The common wrong answer. Dividing by the sum gives 2/3 for both (2, 1) and (4, 2); "
                   f"softmax gives {p1:.3f} and {p2:.3f}: the exp makes it non-linear."),
            Option("No, because it is not applied to each number on its own.", False,
                   "Being vector-valued does not stop it bending; attention and classifiers rely on exactly that."),
        ), ELI5_QA),
        Choice("tanh_vs_sigmoid", "How is tanh related to sigmoid?", (
            Option("tanh(x) = 2σ(2x) − 1: sigmoid stretched (twice as tall, twice as steep) and shifted down.", True,
                   "Right: check it at any x with the registry."),
            Option("tanh is sigmoid shifted down by 0.5.", False,
                   f"The ELI5 chapter's wording. σ(x) − 0.5 only reaches ±0.5 and its slope at 0 is {shifted_slope:g}; "
                   "tanh reaches ±1 with slope 1: it is stretched too."),
            Option("They are unrelated curves that happen to look alike.", False,
                   "They are the same curve up to a stretch and a shift."),
        ), "ELI5 chapter, the four bends"),
        Sketch("sketch_sigmoid_slope", "Sketch sigmoid's slope σ'(x) from memory: set the seven points.",
               "sigmoid", "slope", (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0), 0.0, 0.5, (0.02, 0.05, 0.1), ELI5_APPLY),
        Sketch("sketch_gelu", "Sketch GELU(x) from memory: set the seven points.",
               "gelu", "value", (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0), -1.0, 3.0, (0.03, 0.1, 0.25), ELI5_APPLY),
    )


def ids():
    """Question ids in quiz order."""
    return [q.id for q in questions()]


def get(qid):
    """The question with this id; an unknown id lists the valid ones."""
    for q in questions():
        if q.id == qid:
            return q
    raise KeyError(f"unknown question {qid!r}; questions: {', '.join(ids())}")


def answer_key(qid):
    """The key: the index of the right option, the number, or the true y values of a sketch."""
    q = get(qid)
    if isinstance(q, Choice):
        return next(i for i, o in enumerate(q.options) if o.correct)
    if isinstance(q, Numeric):
        return q.answer
    return q.truth()


_NUMBER = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?:/\s*(\d+\.?\d*))?\s*$")


def parse_number(text):
    """A float from '0.25', '-1.2e-3', '1/4' or '2.5 e-1'-free forms; None if it is not a number."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    m = _NUMBER.match(str(text).replace("−", "-"))
    if not m:
        return None
    num = float(m.group(1))
    if m.group(2):
        den = float(Fraction(m.group(2)))
        return None if den == 0 else num / den
    return num


def _close(a, b, abs_tol, rel_tol):
    return math.isfinite(a) and abs(a - b) <= max(abs_tol, rel_tol * abs(b))


def sketch_score(q, ys):
    """(rmse, stars) of the learner's y values against the true curve."""
    ys = np.asarray(ys, dtype=float)
    if ys.shape != (len(q.xs),) or not np.all(np.isfinite(ys)):
        raise ValueError(f"a sketch needs {len(q.xs)} finite y values, one per x in {q.xs}")
    rmse = float(np.sqrt(np.mean((ys - q.truth()) ** 2)))
    stars = sum(rmse <= t for t in q.star_rmse)
    return rmse, stars


def check(qid, answer):
    """Feedback on an answer: option index (or its text) for a choice, a number or text for a numeric, y values for a sketch."""
    q = get(qid)
    if isinstance(q, Choice):
        if isinstance(answer, str):
            texts = [o.text for o in q.options]
            if answer not in texts:
                return Feedback(False, 0.0, "That is not one of the options.")
            answer = texts.index(answer)
        if not isinstance(answer, (int, np.integer)) or not 0 <= answer < len(q.options):
            return Feedback(False, 0.0, f"Pick an option number from 0 to {len(q.options) - 1}.")
        o = q.options[answer]
        return Feedback(o.correct, 1.0 if o.correct else 0.0, ("Correct. " if o.correct else "Not quite. ") + o.why)
    if isinstance(q, Numeric):
        value = parse_number(answer)
        if value is None:
            return Feedback(False, 0.0, f"{answer!r} is not a number I can read; write e.g. 0.25, 1/4 or 2.5e-1.")
        if _close(value, q.answer, q.abs_tol, q.rel_tol):
            return Feedback(True, 1.0, "Correct. " + q.explanation)
        for trap, tol, message in q.traps:
            if _close(value, trap, tol, 0.0):
                return Feedback(False, 0.0, "Not quite. " + message)
        return Feedback(False, 0.0, "Not quite. " + q.explanation)
    rmse, stars = sketch_score(q, answer)
    verdict = ["far off: look at the true curve and try again", "the rough shape",
               "close", "excellent"][stars]
    return Feedback(stars >= 2, stars / 3, f"RMSE {rmse:.3f} against the true curve: {'★' * stars}{'☆' * (3 - stars)} ({verdict}).", stars)


def summary(feedbacks):
    """(points, answered, total, text) for a dict {qid: Feedback} (unanswered questions score 0)."""
    total = len(questions())
    points = sum(fb.points for fb in feedbacks.values())
    answered = len(feedbacks)
    return points, answered, total, f"{answered} of {total} answered, score {points:.1f} / {total}"
