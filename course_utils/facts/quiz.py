"""The course's question bank: recall questions for chapters 00-06, reviewed in 07_recall_quiz.

    questions(); get(qid); check(qid, answer) -> Feedback; answer_key(qid); arrangement(seed); summary(feedbacks)

Choice: the right option is stored first; learners see the options in their own order (arrangement(seed):
stable for one learner, right answers spread evenly over the positions across the bank). Every wrong option
says which misconception it is ("A common wrong answer: ... In fact: ...").
Numeric: accepted to the digits a person would say (`digits` significant digits of the key), typical wrong
numbers ("traps") get their own message. Sketch: the learner's slope points at fixed x, scored by RMSE.
calculations(): three compute-it questions kept for exercise 07 only (not recall, so not in the bank).
Every key is computed from the registry when the questions are built.
"""

import hashlib
import math
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache

import numpy as np

from course_utils.facts import activations, deployments

CHAPTERS = ("00", "01", "02", "03", "04", "05", "06")
# Each chapter's topic, in the quiz's own words: the headings of chapter 07's rounds and the labels of the mixed
# round's "From chapter:" box (p92, r93 Clarity: bare numbers '03' asked to recall a number, not a topic).
# tests/test_chapter_07.py checks the headings against these; none names a word only a right option uses.
CHAPTER_TOPICS = {"00": "what a unit does", "01": "networks without bends", "02": "the bends' shapes",
                  "03": "slopes, going backward", "04": "other bends, and softmax", "05": "the training race",
                  "06": "which bend goes where"}

# What chapter 05's race measured (seeds 0-4, Adam, learning rate 0.01, 400 epochs; loss under 0.1), for Q30's key.
# The facts layer cannot run the race: tests/test_chapter_07.py reruns it and checks these numbers.
SEED_ORDER = (0, 2)        # ReLU got under 0.1 before tanh from the first seed, after it from the second
# Q6's "Why not C" (p84, r83 Correctness): every run of three bends stayed above a loss of 0.6 for its first 30
# epochs, then got under 0.1 before epoch 350 (with room to spare: 38 and 326 on the race's seeds). One unnamed bend
# (p83: tanh, 50 and 300) sent a reader to ReLU, where it failed; naming it struck an option off Q29 (race_loser).
RACE_FLAT = (("tanh", "relu", "leaky_relu"), 0.6, 30, 350)
RACE_SIGMOID_ABOVE = 0.6   # p107 (r109): Q29's key: every sigmoid run's loss stayed above this (tests rerun the race)
RACE_START = 0.1   # p87 (r86): Q6's "began near ln 2": every run of those bends starts within this of ln 2 (tests)
RACE_SOURCE = "chapter 05, five-seed race"   # where the runs are drawn; Q29's key cites the same race


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Choice:
    id: str
    chapter: str
    prompt: str
    options: tuple   # the right option first; learners see them shuffled (arrangement)


@dataclass(frozen=True)
class Numeric:
    id: str
    chapter: str
    prompt: str
    answer: float
    digits: int        # significant digits a person would give; any rounding to them is accepted
    explanation: str
    traps: tuple       # ((value, tolerance, message), ...)
    said: str = ""     # the key as the question asks for it ('about 0.01'); empty: the number as it is
    form: str = ""     # chapter 07 only: how to type an answer that is easier said in words (parse_number reads it)
    pictured: str = "" # what the key's picture shows: said only where that picture is drawn (not in exercise 07)


@dataclass(frozen=True)
class Sketch:
    id: str
    chapter: str
    prompt: str
    activation: str
    xs: tuple
    y_min: float
    y_max: float
    star_rmse: tuple   # RMSE at or below which 3, 2, 1 stars are earned
    what: str = "slope"

    def truth(self):
        """The true slope (or value) of the bend at the sketch's xs."""
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


def _slope(name, x):
    return float(_f(name).derivative(float(x)))


@lru_cache(maxsize=None)   # half a million points a bend: the quiz's keys and alt texts ask for it again and again
def _lowest(name):
    """(x, value) of a bend's lowest point on [-5, 0] (a fine grid)."""
    x = np.linspace(-5.0, 0.0, 500_001)
    y = np.asarray(_f(name)(x))
    k = int(np.argmin(y))
    return float(x[k]), float(y[k])


def _quiet_edge(name, threshold=activations.NEAR_FLAT_SLOPE):
    """The x > 0 beyond which a bend's slope stays below threshold (sigmoid and tanh)."""
    x = np.linspace(0.0, 10.0, 100_001)
    alive = np.abs(_f(name).derivative(x)) >= threshold
    return float(x[len(x) - 1 - np.argmax(alive[::-1])])


def _flatter_within(flat, steep):
    """The x > 0 up to which bend `flat`'s slope stays below bend `steep`'s (sigmoid under tanh: about 1.66)."""
    x = np.linspace(0.0, 10.0, 100_001)
    below = np.asarray(_f(flat).derivative(x)) < np.asarray(_f(steep).derivative(x))
    return float(x[np.argmin(below)])


def _in_words(n):
    """A large count rounded to one digit, in words: 1048576 -> 'a million'."""
    lead, power = f"{n:.0e}".split("e")
    names = {3: "a thousand", 6: "a million", 9: "a billion"}
    return names[int(power)] if lead == "1" else f"{lead} {names[int(power)].split()[1]}"


def top_shares():
    """Softmax's top share for Q25's scores (2, 1) and doubled (4, 2): 0.73, 0.88."""
    soft = _f("softmax")
    return tuple(float(np.asarray(soft(np.array(v)))[0]) for v in ([2.0, 1.0], [4.0, 2.0]))


def _c(qid, chapter, prompt, right, *wrong):
    """A choice: right = (text, why); each wrong = (text, in_fact)."""
    return Choice(qid, chapter, prompt, (Option(right[0], True, right[1]), *(Option(t, False, w) for t, w in wrong)))


BIAS_SLOPE, BIASES = 0.5, (-1.0, 1.0, 2.0)   # Q5's key and its picture: one w, three b's (p79, r76: same numbers)
XOR_POINTS = (((0, 1), 1), ((1, 0), 1), ((0, 0), 0), ((1, 1), 0))   # XOR's four points and their answers
XOR_LIFT = (3.0, 3.0, 0.0)   # Q11's second tilt (r58 Correctness): it lifts both points whose answer is 1, and (1, 1)
XOR_TRY = (3.0, -3.0, 0.0)   # Q11's worked example: w₁, w₂, b of one tilted straight rule (its two-digit losses add up)


FOLD = "+ "   # a key's lines that start with this sit in a fold, opened on a click; the first names the fold


def _xor_score(point, rule=XOR_TRY):
    """The score w₁x₁ + w₂x₂ + b a straight rule gives one XOR point."""
    return rule[0] * point[0] + rule[1] * point[1] + rule[2]


XOR_SURE_CHANCE = 0.9   # Q11's key, step 2 (p107, r109): one sure chance of answer 1, right for a ●, wrong for a ■
XOR_PAIR_LOSSES = (-math.log(XOR_SURE_CHANCE), -math.log(1 - XOR_SURE_CHANCE))   # Q11 fold step 2 (p110): an uneven pair
XOR_EVENER = 0.8   # ... and a more even pair with the same score total (not ½: Q6 asks what 0.69 means)
# p117 (r116): the scores that give those chances through the sigmoid, ln(p / (1 − p)): each pair totals 0
XOR_PAIR_SCORES = tuple(math.log(p / (1 - p)) for p in (XOR_SURE_CHANCE, XOR_EVENER))
XOR_LIFTED = 0.6   # Q11's key (p94, r95): a 1's chance lifted off ½, and a 0's with it
XOR_WORKED = (2.0, 1.0, 0.5)   # Q11's worked straight rule: score = 2x₁ + x₂ + 0.5
XOR_SUMS = tuple(_xor_score(pt, XOR_WORKED) for pt, _answer in XOR_POINTS)   # Q11's key, step 1: the 1s, then the 0s


def _sig(s):
    return 1.0 / (1.0 + math.exp(-s))


def _xor_loss(point, answer, rule=XOR_TRY):
    """−ln(the chance a straight rule's score gives the point's right answer)."""
    s = _xor_score(point, rule)
    return math.log1p(math.exp(-s if answer else s))


def _pair_loss(s1, s2):
    """Log loss summed over two points whose answer is 1, scored s1 and s2: −ln σ(s1) − ln σ(s2) (Q11's key)."""
    return sum(math.log1p(math.exp(-s)) for s in (s1, s2))


def plain(value, digits=2):
    """A number as a plain decimal, to `digits` significant digits, never in e-notation: 9.54e-07 -> '0.00000095'."""
    if value == 0:
        return "0"
    decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    return f"{round(value, decimals):.{decimals}f}"


_MINUS = re.compile(r"(?<![\w.)])-(?=\d)")


def typeset(text):
    """A learner-facing sentence with true minus signs before numbers ('−0.75', not '-0.75'); '1e-7', 'GPT-2' and
    '0-to-1' are left alone."""
    return _MINUS.sub("−", text)


def _typeset(q):
    if isinstance(q, Choice):
        return replace(q, prompt=typeset(q.prompt),
                       options=tuple(Option(typeset(o.text), o.correct, typeset(o.why)) for o in q.options))
    return replace(q, prompt=typeset(q.prompt), explanation=typeset(q.explanation), said=typeset(q.said), form=typeset(q.form),
                   pictured=typeset(q.pictured),
                   traps=tuple((v, tol, typeset(m)) for v, tol, m in q.traps))


@lru_cache(maxsize=None)
def questions():
    """The recall bank, in the order chapter 07 shows it (chapter by chapter), minus signs typeset."""
    return tuple(_typeset(q) for q in _bank())


def _bank():
    s0 = _slope("sigmoid", 0)
    chain = s0 ** 10
    t3, s3 = _slope("tanh", 3), _slope("sigmoid", 3)
    g3m = _slope("gelu", -3)
    gpeak = _slope("gelu", math.sqrt(2))
    gshare = float(_f("gelu")(math.sqrt(2))) / math.sqrt(2)   # GELU(x) = x·Φ(x): Φ's share at √2
    gdip_x, gdip_y = _lowest("gelu")
    silu_min, mish_min = _lowest("silu")[1], _lowest("mish")[1]
    soft = _f("softmax")
    p1, p2 = top_shares()
    big = [float(v) for v in np.asarray(soft(np.array([0.0, -1.0])))]   # Q26's worked example: (1000, 999) minus 1000
    ln2 = math.log(2)
    leak = _f("leaky_relu").params["alpha"].default
    selu_scale = _f("selu").params["scale"].default
    selu_alpha = _f("selu").params["alpha"].default
    gate4 = float(_f("silu")(4.0))
    quiet_sig, quiet_tanh = _quiet_edge("sigmoid"), _quiet_edge("tanh")
    flatter = _flatter_within("sigmoid", "tanh")
    return (
        # ---------------------------------------------------------------- 00 start here
        _c("unit_steps", "00", "What are the steps inside a unit, in order?",
           # p116 (r115 Clarity #3): one pair of names on the whole page, weights (stretch) and bias (shift)
           ("Weights (stretch) and add, then bias (shift), then bend.",
            "The bend acts on one number: the weighted sum plus the bias. The bias comes before the bend, so it moves "
            "the corner."),
           ("Weights (stretch) and add, then bend, then bias (shift).",
            # p95 (r96 Correctness): a bias after the bend lifts the corner; it cannot slide it sideways
            "a bias added after the bend only lifts the output. It cannot slide the corner sideways."),
           ("Bend each input, then weights (stretch) and add, then bias (shift).",
            "the bend acts once, on the sum. Bending each input first fixes every corner at input = 0. For example, ReLU(x₁) has its corner at x₁ = 0, wherever the bias is. A bias added later cannot slide it sideways."),
           ("Weights (stretch) and add, then bend. A unit has no bias (shift).",
            "the units in this course all have a bias. Without it, the corner stays where the weighted sum is 0.")),
        Numeric("unit_outputs", "00", "A unit has three inputs. How many numbers does it give back?", 1.0, 1,
                "It adds the weighted inputs up into a single number. The shift and the bend keep it one number.",
                ((3.0, 1e-9, "A common wrong answer: three, one per input. In fact: the unit adds the weighted "
                             "inputs up into one number."),)),
        _c("bias_role", "00", "In z = w·x + b, what does b do to the line?",
           ("It slides the whole line up or down.", "Adding b moves every output by the same amount, so the line slides without tilting. b is the output at x = 0."),
           ("It sets how steep the line is.", "that is w. b slides the line without tilting it."),
           ("It is where the line meets the x axis.", "b is the height where it meets the vertical axis, at x = 0. With "
                                                     f"w = {BIAS_SLOPE:g} and b = {BIASES[-1]:g}, the x axis is crossed at "
                                                     f"x = {-BIASES[-1] / BIAS_SLOPE:g}.")),
        _c("why_sigmoid_stalled", "03", "What is one main reason deep stacks of sigmoids learned so slowly?",
           ("Each bend passed on only a small part of the nudge.",
            "Going back, each bend's slope multiplies the nudge (the weights multiply in too). "
            "Sigmoid's slope is always well under 1, so each bend shrinks it."),
           ("Sigmoid took too long to compute on old computers.", "the arithmetic was not the problem; the fading nudge was."),
           ("The nudge fades only at the flat ends of the S.",
            "even at its steepest point sigmoid's slope is well under 1. Every sigmoid bend shrinks the nudge.")),
        # ---------------------------------------------------------------- 01 collapse
        _c("where_bend", "01", "Where must the bends go so that each extra layer can add new corners? What happens to the stack without them?",
           ("Between the layers; without them, the stack is one straight layer.",
            "Without a bend, layer 2 stretches all that layer 1 gives it, layer 1's shift included. Then it adds its "
            "own shift. Together, the two stacked layers are again one stretch and one shift: one straight layer. "
            "The output may also end in a squasher that turns scores into chances. "
            "Sigmoid squashes one score; softmax squashes a whole list."),
           ("After the last layer only; without them, the output has no limit.",
            "one bend at the end gives just one corner, like a single unit. The layers before it still collapse into one, so they add nothing."),
           ("Anywhere; without them, the same network just trains more slowly.",
            "the bend changes what the network can draw at all. XOR needs it."),
           ("Before the first layer; without them, the inputs are too messy.",
            "a bend on the inputs does make a corner, but it stays at input 0. The layers after it still collapse into one.")),
        _c("collapse_formula", "01", "Layer 1 is h = w₁x + b₁, layer 2 is y = w₂h + b₂, no bend. What weight and bias would one layer need to do the same?",
           ("Weight w₂w₁, bias w₂b₁ + b₂.", "The second layer stretches b₁ before it adds its own bias."),
           ("Weight w₁ + w₂, bias b₁ + b₂.", "adding would treat the layers as side by side. They act one after the other: "
            "layer 2 stretches what layer 1 gives it, so the weights multiply."),
           ("Weight w₂w₁, bias b₁ + b₂.", "b₁ passes through layer 2, so it is stretched by w₂ too."),
           ("No single layer can do it.", "two layers feel stronger than one, but here they are not. Put the first rule into "
            "the second: y = w₂(w₁x + b₁) + b₂ = w₂w₁x + (w₂b₁ + b₂). That is one stretch and one shift.")),
        # r59 (Clarity): two sentences; the word list says score and ln
        # p91 (r92 Clarity: a crowded stem): one idea a sentence
        # p100 (r102 Clarity): "no bend between them ... goes through a sigmoid" read as a clash (sigmoid is a bend)
        Numeric("xor_no_bend_chance", "01", "A network is trained on XOR to its lowest possible loss. Its only bend is a sigmoid at the very end. "
                # p101 (r103 Clarity): "straight rule" and "score" said in the stem, in the key picture's letters
                # p106 (r108 Clarity: a seven-sentence stem): the rule and its score in one sentence; the question says the chance
                # p111 (r114 Clarity): "score" defined where the question uses it
                "Before it, a straight rule gives each point a score. "
                "The score is w₁x₁ + w₂x₂ + b. "
                # p117 (r116 Clarity: a six-sentence stem): the point and the question in one sentence
                "What chance of answer 1 does the point (1, 0) get?",
                # r36 reader: a table (rows of "| ..." lines; the key draws them as one). r52: a worked example with
                # small numbers first (a tilted rule, its four losses). r54: ln is said where it is used, the general
                # reason in three numbered steps. r55: the open key says the answer, the picture and the runs; the
                # worked table and the steps sit in one fold ("+ " lines; the table draws inside it)
                # r59 (Clarity): the open key keeps the no-tilt idea and the picture; lift-both sits in the fold
                0.5, 1, "One half everywhere: no straight rule scores both 1s above both 0s.\n"
                # r62: three short lines (tilt, picture, a pointer to the trained runs); the fold keeps no table
                # p70 (r65 Clarity): a short plain argument; the worked numbers and the runs sit in the fold
                # p72 (r68 Correctness): the real reason, chapter 01's equal totals, then the conclusion; two sentences
                # p73 (r70 Clarity): one worked straight rule shows the equal totals before the general claim
                # p74 (r71 Clarity): a four-row table of the worked rule's scores, then one short step a line
                # p77 (r74 Clarity #1): one sentence of why stays open; the worked table and the four steps are folded
                # p80 (r77 Clarity, Picture #2): the four-step fold and its table left; the picture shows the
                # worked rule's four scores and the two equal totals, and one sentence says what follows
                # p86 (r85 Clarity): the picture and one plain sentence stay open; the equal totals moved into the fold

                # p82 (r80 Clarity): why ½ is least wrong: lifting the 1s lifts the 0s, and the loss is lopsided
                # p83 (r81 Clarity): that was stated, not shown: a worked number, one idea a sentence (xor_sure_costs)
                # p91 (r92 Focus, Correctness): the fold "Why not lift the 1s anyway?" (a second argument, the U-curve)
                # left; one open sentence finishes the first: equal totals, so a lift for the 1s lifts the 0s too
                # p93 (r94 Clarity): the missing step: a move off ½ costs the loser more than the winner gains
                # p94 (r95 Clarity): that step in one worked number (XOR_LIFTED, checked in the tests)
                # p96 (r97 Clarity): three numbered steps, each pointing at the picture (● answer 1, ■ answer 0)
                # p97 (r98 Clarity: one fixed rule read as a clash with "½ everywhere"): step 1 is general, the
                # picture's rule its example (XOR_SUMS, from XOR_WORKED)
                # p107 (r109 Clarity: "both pairs" and "lifting" were vague): the shared total said plainly
                # p109 (r111 Clarity #1: "compare rules that give all four one chance" skipped a step): the plain
                # argument stays open, one short sentence each; the proof steps sit in the fold "Why ½, step by step",
                # its step 2 the missing reason (an even pair loses least: tested in test_pass60_q11_...)
                # p111 (r114 Clarity #3): the left picture's one-line idea leads; the costs moved into the fold's step 2
                + "Left picture: the ●s' scores total the same as the ■s'.\n"
                "So the least-wrong rule stays unsure: chance ½ for every point.\n"
                "Right picture: trained runs land there.\n"
                + FOLD + "Why ½, step by step\n"
                + FOLD + "1. Take any straight rule. The 1s' scores add up to the 0s' total. "
                f"Left picture, one example: {XOR_SUMS[0]:g} + {XOR_SUMS[1]:g} = {XOR_SUMS[2]:g} + {XOR_SUMS[3]:g}. "
                "So raising the 1s' scores raises the 0s' too.\n"
                # p110 (r112 Correctness, Clarity #1: "curves up" was unexplained): the same total, evened out, in numbers
                # p116 (r115 Clarity #2: "evening out costs less than it gains" was compressed): the rule first,
                # plainly, then the worked pair, then that it holds for any total (tested on _pair_loss)
                # p117 (r116 Clarity: "the scores add to the same total" held only through the sigmoid, never named):
                # the sigmoid turns each score into its chance, and each pair's scores are said (XOR_PAIR_SCORES)
                + FOLD + "2. For a fixed total, two matched scores lose least. "
                "Sigmoid turns a score into a chance. "
                f"Scores {XOR_PAIR_SCORES[0]:.1f} and {-XOR_PAIR_SCORES[0]:.1f} give two ●s chances {XOR_SURE_CHANCE:g} and {1 - XOR_SURE_CHANCE:g}. "
                f"They lose {XOR_PAIR_LOSSES[0]:.2f} + {XOR_PAIR_LOSSES[1]:.2f}, about {sum(XOR_PAIR_LOSSES):.1f}. "
                f"Scores {XOR_PAIR_SCORES[1]:.1f} and {-XOR_PAIR_SCORES[1]:.1f}, the same total, give {XOR_EVENER:g} and {1 - XOR_EVENER:g}. "
                f"They lose {-math.log(XOR_EVENER):.2f} + {-math.log(1 - XOR_EVENER):.2f}, "
                f"about {-math.log(XOR_EVENER) - math.log(1 - XOR_EVENER):.1f}. "
                # p111 (r114 Correctness: one example is not a rule): the general rule said (tested)
                "The same holds for any total. "
                "So the best rule gives both ●s the same score. It does the same for both ■s. "
                "In the left picture, each pair would then share one spot.\n"
                + FOLD + "3. By step 1, all four scores are then equal. So all four points get one chance. "
                "Middle picture: the average loss is lowest at ½. So ½ for all is the least wrong.",
                ((1.0, 1e-9, "A common wrong answer: 1. In fact: no straight rule can pick out both points whose answer "
                             "is 1; the best straight rule gives one half everywhere."),
                 (0.0, 1e-9, "A common wrong answer: 0. In fact: it is not sure of anything; it gives about one half "
                             "to every point."))),
        _c("more_layers", "01", "Do more layers without bends make a network stronger?",
           ("No: the whole stack does what one layer does.", "Without bends, the layers merge into one straight layer, however many there are."),
           ("Yes: every extra layer adds some more power.",
            "without bends, a hundred layers do what one does. They just store more numbers."),
           ("Yes, as long as you train them for long enough.",
            "training cannot add what the stack cannot draw. It stays one straight rule, and no straight rule sorts "
            "XOR's four points.")),
        # ---------------------------------------------------------------- 02 four bends
        Numeric("sigmoid_slope_0", "02", "What is sigmoid's slope at x = 0, its steepest point?", s0, 2,
                # r62 (Clarity): no new notation in a key: the rule in words
                # p83 (r81 Picture first): the picture (drawn right after the answer) first, then the rule
                f"At every x, sigmoid's slope = its value × (1 − its value). At 0: ½ × ½ = {s0:g}.",
                ((0.5, 1e-3, "A common wrong answer: 0.5. In fact: 0.5 is the value, sigmoid(0). The slope is "
                             f"value × (1 − value) = {s0:g}."),
                 (1.0, 1e-3, f"A common wrong answer: 1. In fact: 1 is tanh's peak slope. Sigmoid's is {s0:g}.")),
                pictured=f"In the picture, the dashed slope curve peaks at x = 0: {s0:g}. The dotted value curve is ½ there."),
        _c("tanh_vs_sigmoid", "02", "How is tanh related to sigmoid?",
           ("tanh(x) = 2σ(2x) − 1: squeezed sideways, stretched up, shifted down.",
            "Squeezed sideways by 2 (the 2x inside), stretched up by 2, shifted down by 1. "
            f"Each factor of 2 doubles the slope: {s0:g} × 2 × 2 = 1, tanh's peak slope."),
           ("tanh(x) = σ(x) − 0.5: sigmoid shifted down by a half.",
            f"σ(x) − 0.5 only reaches ±0.5 and its slope at 0 is {s0:g}. tanh reaches ±1 with slope 1: it is stretched too."),
           ("tanh(x) = 2σ(x) − 1: sigmoid stretched up by 2, then shifted down by 1.",
            f"that curve reaches ±1, but its slope at 0 is only {2 * s0:g}. tanh's is 1: it is squeezed sideways by 2 as well."),
           ("They are different curves that only happen to look alike.",
            "they are the same curve: 2σ(2x) − 1 lies exactly on tanh.")),
        Numeric("gelu_peak_slope", "02", "About how high does GELU's slope peak?", gpeak, 2,
                # p111 (r113/r114 Retention: a key gives the cause, not only the number)
                # p116 (r115 Clarity #3): the reason first, then the number
                "GELU is x times a number that climbs from 0 to 1. "
                # p117 (r116 Clarity: "an extra from the climb" was never said): the extra in plain words
                "Its slope is that number plus an extra: x times how fast the number climbs. "
                # r116 (Correctness: "close to 1" read as the extra being 0.13): both parts said
                f"Near x = √2, the number is about {gshare:.2f} and the extra about {gpeak - gshare:.2f}: "
                f"together about {gpeak:.2f}.",
                ((1.0, 1e-9, "A common wrong answer: 1, like ReLU. In fact: GELU overshoots, to about "
                             f"{gpeak:.2f}, then settles back to 1."),
                 (0.25, 1e-9, "A common wrong answer: 0.25. In fact: 0.25 is the peak slope of another bend, not "
                              f"GELU's. GELU's slope climbs past 1, to about {gpeak:.2f}.")),
                # p117 (r116 Picture first: the picture sat under "Common wrong answers")
                pictured=f"In the picture, GELU's slope climbs past 1 to {gpeak:.2f} at x ≈ {math.sqrt(2):.2f}, then settles to 1."),
        Numeric("gelu_dip", "02", "GELU dips below zero. At about which x is the bottom of its dip?", gdip_x, 2,   # two digits: −0.75 (r36: one digit put −0.7 a hair outside)
                f"The bottom is near x = {gdip_x:.2f}, where GELU is about {gdip_y:.2f}.",
                ((0.0, 1e-9, "A common wrong answer: 0, like ReLU's corner. In fact: GELU(0) = 0, but as you move left from 0, "
                             f"GELU keeps going down until about {gdip_x:.2f}."),
                 (gdip_y, 0.005, f"A common wrong answer: {gdip_y:.2f}. In fact: that is how low the dip goes, its depth. "
                                 f"The question asks for the x of its bottom.")),   # r35: keyed to the one digit it asks for
                pictured="In the picture, the dot marks the bottom of GELU's dip."),   # p117 (r116 Picture first)
        _c("gelu_in_transformers", "02", "BERT and GPT-2, large language models, use GELU. What evidence did GELU's authors give that it can beat ReLU?",
           # p111 (r114 Retention: "matched or beat ReLU" echoed the question): the evidence named, not the claim
           ("Its paper's test results on image, language and speech tasks.",
            "GELU matched or beat ReLU on the tasks in its paper (Hendrycks & Gimpel, 2016). "
            "That is evidence, not proof."),
           ("A proof that GELU networks draw shapes ReLU ones cannot.",
            # p97 (r98 Focus: that said Q18's answer): the paper's case, in plain words, gives nothing away
            "the paper gave test results, not a proof about shapes."),
           ("It was already the standard bend of every language model.",
            "the first transformer (2017), the network design behind BERT and GPT-2, used ReLU."),
           ("Its slope is never below 0, so its units could not die.",
            # p97 (r98 Focus: "slightly negative left of its dip" was Q23's answer)
            # p100 (r102 Correctness): the false premise said false; where the slope is below 0 is Q23's answer
            "GELU's slope does dip a little below 0. And far left, its slope is nearly 0: almost no nudge gets "
            "through. So GELU units can get stuck too.")),
        # p102 (r104 Clarity): the stem says what the gate and the content are
        _c("swiglu_gate", "02", "SwiGLU makes two weighted sums of the same input. One becomes the gate, the other "
           "the content. The two are multiplied. Which of the two goes through a bend?",
           ("Only the gate, through SiLU; the content stays straight.",
            "Two sets of weights each stretch and add the input, into g and c (the content). SiLU bends g into "
            "the gate, SiLU(g). The unit outputs SiLU(g) times c. "
            # p100 (r102): the open key is this last sentence alone: it names g and c, as the picture below does
            # r105 (Clarity): this open sentence stands alone, before the picture names g and c: no letters
            # r106 (Clarity: it repeated the answer): the reason, why the content stays straight
            "Only the gate's sum is bent, to set how much passes; the content stays straight, so the output can grow with it."),
           ("Both, the gate and the content, pass through SiLU.", "only the gate is bent. The content passes straight."),
           ("Only the content is bent; the gate is a plain 0-to-1 switch.",
            f"it is the other way round. And unlike sigmoid, SwiGLU's gate is no 0-to-1 dial. SiLU(4) is about "
            f"{gate4:.1f}, and SiLU dips to {silu_min:.2f}.")),
        _c("relu_corners", "02", "What can a sum of enough ReLU corners, plus a straight line, do?",
           ("Hug any unbroken curve on a limited stretch of x, as close as you like.",
            "Each corner changes the slope at one place. So a sum of corners is a chain of short straight pieces. "
            "With enough short pieces, it can follow any unbroken curve on a limited stretch, as closely as you like. "
            "Beyond the last corner, the sum runs straight."),
           ("Only draw straight lines, however many corners are added up.",
            "each corner bends the line. Corners at different places add up to curves."),
           ("Follow every possible curve exactly, along the whole of the x axis.",
            "only over a limited stretch, and only unbroken curves (no jumps). Far out, a finite sum of corners is straight.")),
        # ---------------------------------------------------------------- 03 gradient table
        Numeric("chain_sigmoid_10", "03", "Ten sigmoid layers, each at its steepest. Counting only the bends' slopes, about what share of the nudge is left?",
                # p89 (r89 Picture first): the key opens on its picture, as Q13's and Q21's do
                chain, 1, f"Ten {s0:g}s multiplied together ({s0:g}¹⁰): about {plain(chain)}, "
                          "roughly 1 in a million. That counts the bends only; the weights multiply in too.",
                ((1e-7, 2e-8, f"A common wrong answer: 1 in 10,000,000 ({plain(1e-7, 1)}). In fact: {s0:g}¹⁰ is about "
                              f"{plain(chain)}, about ten times more (just under 1 in a million)."),
                 (s0 * 10, 1e-6, f"A common wrong answer: {s0 * 10:g}. In fact: {s0 * 10:g} is ten {s0:g}s added up. "
                                 f"Going backward, the slopes multiply, they do not add: {s0:g} × {s0:g} × … (ten times).")),
                said=f"about 1 in {_in_words(1 / chain)}", form=f"You may type {WORDS_FORM}.",
                pictured="In the picture, each bar is a quarter of the one before."),
        Numeric("tanh_slope_3_about", "03", "About what share of the nudge does tanh pass on at x = 3?", t3, 1,
                # p83 (r81 Picture first): what the picture shows at x = 3, then the formula
                f"Its slope is 1 − tanh(x)². tanh(3) ≈ {_f('tanh')(3.0):.3f}, so the slope is "
                f"1 − {_f('tanh')(3.0):.3f}² ≈ {float(1 - round(float(_f('tanh')(3.0)), 3) ** 2):.1g}.",
                ((float(_f("tanh")(3.0)), 1e-3, "A common wrong answer: about 1. In fact: that is tanh(3), the value. "
                                                 f"The slope there is about {t3:.2g}."),
                 (s3, 2e-3, f"A common wrong answer: {s3:.3f}. In fact: that is sigmoid's slope at 3. tanh's is flatter.")),
                said=f"about {t3:.1g}",
                pictured=f"In the picture, the thick slope curve is almost flat at x = 3: about {t3:.2g}. "
                         "The dashed value curve is near its top there."),
        _c("relu_flat_side", "03", "Why does ReLU's flat left side matter for training?",
           ("Its slope is 0 there: those inputs send no nudge to the unit's weights or bias.",
            "The nudge is multiplied by the slope, and 0 times anything is 0. Say a unit's weighted sum plus bias is "
            "at or below 0 for every example. While that stays true, no nudge reaches it. It can stop learning for good."),
           ("It makes ReLU slow to compute, which slows training down.",
            "the flat side is the cheap part: max(0, x) is one comparison."),
           ("It makes the whole network straight, so it cannot bend.",
            "the flat side is what makes ReLU bend: where it meets the ramp, the line turns a corner."),
           ("It does not matter: the nudge still reaches the unit's bias, so the unit keeps learning.",
            "the bias sits before the bend, so its nudge is multiplied by the same zero slope.")),
        _c("quiet_sooner", "03", "Sigmoid and tanh both turn near-flat far from 0 (slope under 0.01). Which turns near-flat closer to x = 0?",
           (f"tanh: beyond about ±{quiet_tanh:.1f}, against ±{quiet_sig:.1f} for sigmoid.",
            "tanh's tails are flatter than sigmoid's, though its middle is steeper."),
           (f"Sigmoid: beyond about ±{quiet_tanh:.1f}, against ±{quiet_sig:.1f} for tanh.",
            f"sigmoid is flatter only within about ±{flatter:.1f}. "
            f"It turns near-flat only beyond ±{quiet_sig:.1f}."),
           ("Both at the same distance, since tanh is a stretched sigmoid.",
            f"tanh is also squeezed sideways. It turns near-flat at about ±{quiet_tanh:.1f}, sigmoid at ±{quiet_sig:.1f}.")),
        # r36 reader (Focus): the idea (which way GELU goes left of its dip), not a decimal (0.012 against −0.012)
        _c("gelu_slope_sign", "03", "Left of the bottom of its dip, is GELU's slope positive, zero or negative?",
           ("Negative.", f"Far left, GELU is just below 0. From there it goes down as x grows, until its bottom near {gdip_x:.2f}. "
                         f"Going down as x grows is a negative slope. At x = −3 it is about {g3m:.3f}."),
           ("Zero, just like ReLU's left side.",
            f"GELU's slope is 0 at one point only, the bottom of its dip near {gdip_x:.2f}. Far left it is tiny, not 0."),
           ("Positive.", "GELU rises only right of its dip's bottom. Left of it, GELU goes down as x grows.")),
        # ---------------------------------------------------------------- 04 zoo
        _c("leaky_alive", "04", "A ReLU unit is dead when its weighted sum plus bias is at or below 0 "
           "for every training example. How does Leaky ReLU keep a unit alive?",
           ("Its left side keeps a small slope, so some nudge gets through.",
            f"The slope on the left is small: {leak:g} by default in PyTorch, a popular Python toolkit for building networks. A stuck unit can "
            "climb back, slowly."),
           ("It rounds off ReLU's corner, so the slope never jumps.",
            # p92 (r93 Focus): "softplus" needed a word line of its own to rule out one option; GELU alone serves
            "Leaky ReLU still has a corner at 0. Smooth bends, such as GELU, have none."),
           ("Its outputs are never negative, so its units never switch off.",
            "its left side gives small negative outputs, along a small slope. That slope is the leak.")),
        _c("softmax_activation", "04", "Softmax turns the scores (2, 1) into shares. Double them to (4, 2). "
                                       "What happens to the top share?",
           ("It grows, since a wider gap between the scores counts for more.",
            # p83 (r81 Clarity): plain words (only the gap counts, one worked pair) before the formula
            # No shifted pair here (code review): "(3, 2) shares (2, 1)'s share" is Q26's answer, next in the round
            "Only the gap between the two scores counts. "
            f"Doubling the scores doubles the gap, from 1 to 2: the share grows from {p1:.2f} to {p2:.2f}. "
            "In symbols, the top share is 1/(1 + e^(−gap)): sigmoid of the gap."),
           ("It stays the same, since each score is divided by their sum.",
            f"dividing by the sum would give 2/3 both times. Softmax gives {p1:.2f}, then {p2:.2f}: "
            "the e-powers make the share depend on the gap, not on the ratio."),   # p85 (r84): "e^s" read as one
           ("It stays the same: only the gap between the scores matters.",
            "only the gap matters, yes, but doubling doubles the gap from 1 to 2. So the top share grows."),
           ("It shrinks, because bigger scores get squashed harder.",
            f"the top share grows, from {p1:.2f} to {p2:.2f}. A wider gap makes softmax surer.")),
        _c("softmax_max_trick", "04", "Why subtract the largest score before computing softmax?",
           # p97 (r98 Correctness: "fits in memory" misled; the point is overflow)
           ("So no e^score gets too big; the shares stay the same.",
            "Every e^score is then at most 1, so none grows too big for the computer to store (that is called "
            "overflow). The shift cancels out: the shares stay the same, up to rounding in the last digits. "
            f"Example: for scores (1000, 999), e^1000 is too big to store. Minus 1000 gives (0, −1): shares "
            f"{big[0]:.2f} and {big[1]:.2f}."),
           ("It makes the top share bigger, so the winner stands out.",
            "subtracting the largest score m multiplies every e^score by the same e^(−m), top and bottom of each share. "
            "So it cancels, and every share is unchanged."),
           ("It makes the shares add up to 1, which softmax needs.", "they add up to 1 anyway. The trick only keeps each e^score small enough to store.")),
        _c("softmax_temperature", "04", "What does a tiny temperature T (a number the scores are divided by) do "
                                         "to softmax's shares?",
           ("Nearly all the share goes to the top score.",
            "Dividing by a tiny T blows the gaps up, so the top score takes nearly all. A huge T does the opposite."),
           ("The shares all come out nearly equal to each other.", "that is a huge T. A tiny T picks a sure winner."),
           ("Nothing: the shares do not depend on T.", "T changes the gaps between the scores. Each score is divided by T "
            "before its e-power is taken, so a tiny T makes every gap huge.")),
        # r61: the one-sentence form twisted; r62: "right size" and "some numbers" were vague: the key says the size
        # p76 (r73 Clarity): "scaled to" was never explained; the key gives the exact spread, 1/√n
        # p86 (r85 Clarity): "of the size SELU expects" was vague: the prompt says the size (engine.signal_stats.lecun_normal)
        # p87 (r86 Clarity): one idea a sentence; the spread is glossed under the prompt before the options use it,
        # and 1/√n (not needed to answer) is left to the key
        # r87 (Correctness: the condition on the weights' spread was gone from the stem): said in words, 1/√n in the key
        # p89 (r89 Clarity: "smaller when a unit has more inputs" was vague): the weights' spread in plain words
        # p91 (r92 Clarity: "(word list)" sent the learner away): the spread's rule back in place, in words
        # p92 (r93 Clarity: five ideas before the question): the stem is the question; the start weights (average 0,
        # spread 1/√n) are the right option's key alone
        _c("selu_steady", "04", "Take SELU with the random start weights it was made for. Layer after layer, it pulls two numbers toward fixed values. Which two?",
           ("The outputs' average toward 0 and spread toward 1.",
            f"SELU has two constants: a scale (about {selu_scale:.2f}) and α (alpha, about {selu_alpha:.2f}). "
            f"Its left side levels off near {-selu_scale * selu_alpha:.2f}: minus their product. "
            "They were chosen so that bell-shaped inputs (values that pile up near the average and thin out on both sides) with average 0 and spread 1 "
            "come out with average 0 and spread 1 again, and other starts are pulled toward them: in the picture, the spread is pulled toward 1 from 2 and from 0.5. A weighted sum of many inputs is close to bell-shaped. So that holds layer after layer "
            "in plain fully connected layers (each unit reads every output of the layer before) whose start weights have "
            # p96 (r97 Clarity): "1/√n" said in plain words: what those weights do to the spread
            "average 0 and leave a weighted sum's spread alone."),
           ("Its own slope, toward exactly 1 on both sides of 0.",
            # p93 (r94 Clarity): "its scale" was never explained; the right side said as a formula
            # p117 (r116 Clarity: four numbers and a riddle, "Same digits, but a height"): one plain sentence
            f"SELU's slope is {selu_scale:.2f} on the right and up to {selu_scale * selu_alpha:.2f} just left of 0, so not 1."),
           ("The weights' average and spread, which then stop changing.",
            "the weights still train. SELU pulls on the outputs passed from layer to layer.")),
        # r36 reader (Focus): which bends dip at all (an idea), not which dips deepest (−0.31 against −0.28)
        _c("deepest_dip", "04", "Which of these bends never goes below 0?",
           ("ReLU.", "ReLU is max(0, x): 0 on the left, x on the right. It never dips."),
           ("GELU.", f"GELU dips a little below 0 left of 0, to about {gdip_y:.2f}. Moving right, it comes back up to 0 at x = 0."),
           ("SiLU.", f"SiLU is x times sigmoid(x), below 0 for every x below 0. It dips to about {silu_min:.2f}."),
           ("Mish.", f"Mish dips deepest of these, to about {mish_min:.2f}.")),
        # ---------------------------------------------------------------- 05 race
        _c("loss_at_ln2", "05", f"In the race, a network sorts points into two equally common classes. Its loss (how wrong it is, as one number; smaller is better) "
           f"stays near {ln2:.2f}. What does that mean?",
           ("Its average loss is what guessing 50-50 everywhere would give.",
            "Each point loses −ln(the chance given to its right answer); the loss is their average. "
            "The know-nothing answer guesses 50-50: it gives one half to every point. "
            f"Each point then loses −ln ½ = ln 2 ≈ {ln2:.3f}. That is the loss of a 50-50 guess."),
           (f"It is right {ln2:.0%} of the time, so it is slowly getting there.",
            f"a loss is not a share of right answers. It says how wrong the chances are, averaged over the points. "   # p106 (r108): was "the points' average loss"
            f"{ln2:.2f} is the loss of a 50-50 guess."),
           ("It has finished learning, and more training cannot make it better.",
            # p83 (r81 Correctness): rebut C itself (coin-toss level is no finish; flat curves can drop), with the
            # race runs this quiz's race question draws (RACE_FLAT, checked against them in tests/test_chapter_07.py)
            # p85 (r84 Correctness): a loss near ln 2 is a coin toss's on average, not proof of nothing learned; the
            # race claim is what the race question's picture shows (above 0.6 for 30 passes), in one sentence
            # p95 (r96 Correctness): "a start, not a finish" clashed with Q11's net, stuck at ln 2 for good
            f"{ln2:.2f} alone does not say whether it can improve. It scores no better than a coin toss would. "
            # The bends go unnamed: naming them would strike options off the race question (Q29), maybe in the same
            # round; the claim holds for each of them, so no reader can pick the wrong one (tests/test_chapter_07.py)
            # s36 code review: "Three race bends" read as only three, yet more of chapter 05's nine did this; "Several"
            # claims what the tests check (three of them, every run) and no more
            # p87 (r86 Correctness): "above 0.6 for 30 passes" could not be read off any picture here (at epoch 30
            # the runs are near 0.6); the key says what the race pictures show at a glance, tested on chapter 05's runs
            f"Several race bends began near ln 2, then fell below 0.1 ({RACE_SOURCE}).")),
        _c("race_loser", "05", "In chapter 05's race, every bend trained with Adam and the same settings. "
           # p71 (r67 Clarity): "had no run ... reach" was a tangled negative; said the positive way round
           "For which bend did every run stay above a loss of 0.1 for all 400 epochs (passes through the data)?",
           # r106 (Clarity: data, not a cause): the likely cause first, the runs as support; no 0.25 (Q14 asks for it)
           # p107 (r109 Correctness: "slope well under 1, so learning slowed, even with Adam" clashed with Q31's key,
           # where Adam moves a tiny steady nudge about one learning rate): what the race showed, and no slope cause
           ("Sigmoid.", f"Every sigmoid run stayed above {RACE_SIGMOID_ABOVE:g} for all 400 epochs. "
                       "Every tanh, ReLU and Leaky ReLU run got under 0.1 (chapter 05, five-seed race). "   # p75 (r72 Focus): not a pointer into another notebook's layout
                       "Adam rescales tiny nudges, so sigmoid's small slope alone does not explain this. "
                       "The course measured this; it did not prove a single cause."),
           ("ReLU.", "every ReLU run got under 0.1 in chapter 05's five-seed race."),
           ("Leaky ReLU.", "its left side keeps a small slope, so a unit stuck left of 0 still learns a little. Every Leaky ReLU run got under 0.1, as ReLU's did."),
           # lead after r91 (Correctness: the peak slope read as the proven cause of tanh's win): the run first, the
           # slope as one likely reason
           ("Tanh.", "every tanh run got under 0.1. One guess: tanh flattens at its ends too, but its slope "
                     f"peaks at {_slope('tanh', 0):g}, {_slope('tanh', 0) / s0:g} times sigmoid's {s0:g}.")),
        _c("why_seeds", "05", "Why race each bend from several seeds (a seed fixes a run's random start weights), not one run each?",
           ("One run's result depends on its random start.",
            f"In chapter 05's race, from seed {SEED_ORDER[0]}, ReLU got its loss under 0.1 before tanh did; from seed "
            f"{SEED_ORDER[1]}, after it. "
            "Only comparing all the seeds' results tells a real difference from luck."),
           ("Running it several times makes training faster.", "more seeds mean more runs, so more time."),
           ("Each seed gives the network new training data.",
            "in the race, a seed fixes only the random start weights. Every run trains on the same spiral points, all of them at each step.")),
        _c("why_adam", "05", "The race trains with Adam. Why does Adam help a weight whose nudge is tiny?",
           # p92 (r93 Clarity: 20-word options): one idea each, the rest in the whys
           ("Adam compares each nudge with the typical size of that weight's nudges.",
            # p95 (r96 Clarity): the whisper said plainly, one idea a sentence
            "Think of a friend who always whispers. You compare each whisper with their usual whisper. "
            "Adam divides a weight's recent average nudge by its nudges' typical size (the square root of "
            "their average square). For a steady nudge, tiny but not vanishing, that gives about 1 in size. "
            "So each step is about the learning rate (0.01)."),
           # p82 (r80 Correctness): the old why did not refute "always bigger": the rate is chosen, and a bigger one
           # stretches every step alike, so it cannot single out a tiny nudge
           ("Adam always uses a bigger learning rate than plain steps do.",
            "the learning rate is a number you choose, with Adam or without. The race chose 0.01. A bigger rate "
            "lengthens all steps alike: tiny nudges still give the smallest steps. Adam rescales each weight's step on its own."),
           ("With Adam, the network no longer needs a bend.", "without a bend the layers still collapse into one.")),
        # ---------------------------------------------------------------- 06 decisions
        _c("lstm_gates", "06", "An LSTM's gates are numbers that other signals are multiplied by. Which of these makes them?",
           ("Sigmoid.", "Sigmoid is a dimmer from 0 (shut) to 1 (open)."),
           ("Tanh.", "tanh goes negative, and an LSTM gate must stay between 0 and 1."),
           ("ReLU.", "ReLU has no ceiling, and an LSTM gate must stay between 0 and 1."),
           ("Softmax.", "softmax splits a total of 1 across a whole list. Each gate entry is its own 0-to-1 dimmer.")),
        _c("multiclass_output", "06", "Which of these suits an output that picks one of many classes (possible answers, such as cat, dog or bird)?",
           ("Softmax of all scores.", "The shares are positive and add up to 1. With two classes, scores (s, 0), softmax gives the first "
                                        "e^s/(e^s + 1) = σ(s): sigmoid."),
           ("Sigmoid of each score.", "sigmoid answers one yes/no question per score; the answers need not add up to 1."),
           ("ReLU of each score.", "ReLU's outputs are not chances. They can pass 1 and need not add up to 1.")),
        # r38 reader (Clarity): the first question stacked three definitions; one gloss now, attention said in the key
        _c("transformer_ffn", "06", "LLaMA and PaLM are two large language models. Which of these sits in each layer's "
           "feed-forward block, the small network inside the layer?",   # p81 (r78 Clarity #2): the block said where asked
           # p72 (r68 Correctness): the why says why SwiGLU is the answer: the models' own sources (deployments)
           ("SwiGLU.", _ffn_sources() + " Its gate is bent by SiLU. Softmax belongs to attention, where words look "
                       "at each other."),
           ("ReLU.", "ReLU was in the first transformer (2017), the network design they build on. LLaMA and PaLM use "
                     "SwiGLU."),
           ("GELU.", "GELU is in older language models of that design, such as BERT and GPT-2."),
           ("Softmax.", "softmax turns scores into chances; it is not the feed-forward block's bend.")),   # p81 (r78): no unexplained "attention"
        # r36 reader (Clarity): one sentence; the memory and the write gate are said in the gloss line under it
        # p92 (r93 Clarity: the write gate's set-up was long): the stem says no gate; the key says how it scales
        _c("tanh_in_rnns", "06", "What is one reason an LSTM passes new content through tanh before storing it?",   # r62: one reason, not the
           # only one; p76 (r73 Clarity): "still uses" compared with nothing
           ("It keeps new content within ±1, so each step adds a limited amount.",
            "Tanh keeps new content between −1 and 1; the write gate (0 to 1) scales it, so it adds less than 1 in size at each step. "
            "That keeps the memory from growing fast."),
           ("tanh keeps the new content positive, so the memory can only grow.",
            "tanh runs from −1 to 1, so new content can be negative and shrink the memory. What matters is its size, under 1."),
           ("The gates use tanh, so they can open and shut smoothly.",
            "tanh goes negative, and an LSTM gate must not. The gates need a bend that stays between 0 and 1."),
           ("Only habit: ReLU would do as well, since its slope is 1.",
            "ReLU has no top: nothing caps each new write, so the memory can grow by any amount at each step.")),
        _c("close_call", "06", "Suppose published tests put GELU and SiLU about level. How do you choose for your problem?",
           ("Run both on your data, from several seeds.", "Published tests and rules of thumb tell you where to start, not where to stop."),
           ("Pick the newer one: newer bends do better.", "newer is not better by default. Measure."),
           ("Pick whichever won a single run on your data.", "one run depends on its random start. Use several seeds.")),
    )


SKETCH_XS = (-3.0, -1.0, 0.5, 1.5, 3.0)   # five: enough for the shape (r36 reader: eight was transcribing); 0 left out: ReLU's slope jumps there


@lru_cache(maxsize=None)
def sketches():
    """Sketch-from-memory tasks: the slope of each of the four bends at five points."""
    return tuple(Sketch(f"sketch_{name}", "03", f"Sketch the slope of {_f(name).label} from memory.", name,
                        SKETCH_XS, -0.25, 1.25, (0.05, 0.12, 0.25)) for name in ("relu", "sigmoid", "tanh", "gelu"))


@lru_cache(maxsize=None)
def calculations():
    """Compute-it questions (exercise 07 only: they test arithmetic, not recall)."""
    s5, sig5 = _slope("sigmoid", 5), float(_f("sigmoid")(5.0))
    t3, g3m, s3 = _slope("tanh", 3), _slope("gelu", -3), _slope("sigmoid", 3)
    return (
        Numeric("sigmoid_slope_5", "03", "What is the slope of sigmoid at x = 5? (3 significant digits)", s5, 3,
                f"σ(5) = {sig5:.4f}, so σ'(5) = {sig5:.4f} × {1 - sig5:.4f} = {s5:.3g}: almost flat.",
                ((sig5, 1e-3, f"A common wrong answer: {sig5:.3f}. In fact: that is σ(5), the value. "
                              "The slope is σ(5)(1 − σ(5))."),
                 (0.25, 1e-3, "A common wrong answer: 0.25. In fact: that is the slope at 0, its peak."))),
        Numeric("tanh_slope_3", "03", "What is the slope of tanh at x = 3? (3 significant digits)", t3, 3,
                f"1 − tanh²(3) = {t3:.3g}: at x = 3, tanh's tail is even flatter than sigmoid's ({s3:.3g}).",
                ((float(_f("tanh")(3.0)), 1e-3, "A common wrong answer: tanh(3). In fact: that is the value; "
                                                 "the slope is 1 − tanh²(3)."),)),
        Numeric("gelu_slope_minus3", "03", "What is the slope of (exact) GELU at x = −3? Mind the sign. (3 significant digits)",
                g3m, 3, f"GELU'(x) = Φ(x) + x·φ(x). At −3 the second term wins: {g3m:.3g}. Negative: GELU is still "
                        "falling there, on its way down to the bottom of its dip.",
                ((0.0036, 5e-4, f"A common wrong answer: 0.0036. In fact: GELU'(−3) = {g3m:.3g}, negative and larger in size."),
                 (-g3m, 2e-3, f"Right size, wrong sign: GELU falls left of its dip's bottom, so the slope at −3 is {g3m:.3g}."),
                 (0.0, 1e-4, "A common wrong answer: 0, like ReLU. In fact: GELU's slope is small there but not zero."))),
    )


# p71 (r67 Retention): a lettered key says one sentence of why, not only the letter. Most keys take the first sentence
# of the right option's why; these take a later one (the first sets the scene), and three say it in fewer words.
KEY_SENTENCE = {"tanh_vs_sigmoid": -1, "swiglu_gate": -1, "where_bend": 2, "gelu_slope_sign": 2}


def _ffn_sources():
    """Q1's key: which models' sources name SwiGLU and GELU for the feed-forward blocks (facts/deployments)."""
    bend = {d.model: d.registry for d in deployments.DEPLOYMENTS if d.where.startswith("feed-forward blocks")}
    assert bend["LLaMA"] == bend["PaLM"] == "swiglu" and bend["BERT"] == bend["GPT-2"] == "gelu_tanh"
    return "LLaMA's and PaLM's papers name SwiGLU for these blocks; the older BERT and GPT-2 use GELU there."


def key_why(qid):
    """One sentence of why for a lettered question's key, from its right option's why (KEY_SENTENCE picks which)."""
    q = get(qid)
    p1, p2 = top_shares()
    near_flat = activations.NEAR_FLAT_SLOPE
    # p117 (r116 Picture first): these keys show their picture right after the answer, so the why opens on it
    said = {"leaky_alive": f"In the picture, Leaky ReLU's slope left of 0 is {_slope('leaky_relu', -1.0):g}, not 0. "
                           "So a stuck unit still gets a small nudge and can climb back.",
            "relu_flat_side": "In the picture, ReLU's slope is 0 on the whole shaded left side. "
                              "The nudge is multiplied by the slope, and 0 times anything is 0.",
            "bias_role": "In the picture, each line meets x = 0 at height b. "
                         "Adding b moves every output by the same amount, so the line slides without tilting.",
            "why_sigmoid_stalled": f"In the picture, sigmoid's slope peaks at only {_slope('sigmoid', 0):g}, far under 1. "
                                   "Going back, each bend's slope multiplies the nudge (the weights multiply in too).",
            "quiet_sooner": f"In the picture, tanh's slope falls under {near_flat:g} at x ≈ {_quiet_edge('tanh'):.1f}, "
                            f"sigmoid's at x ≈ {_quiet_edge('sigmoid'):.1f}. "
                            "tanh's tails are flatter than sigmoid's, though its middle is steeper.",
            "gelu_slope_sign": "In the picture, GELU's slope is below 0 all along the shaded left side. "
                               "Going down as x grows is a negative slope.",
            "lstm_gates": "In the picture, only sigmoid stays inside the band from 0 to 1. "
                          "Sigmoid is a dimmer from 0 (shut) to 1 (open).",
            "multiclass_output": "In the picture, only softmax's bars add up to 1. "
                                 "The shares are positive and add up to 1.",
            "tanh_in_rnns": "In the picture, tanh's memory stays under the dotted line. "
                            "Tanh caps content at ±1; the write gate scales it: it adds less than 1 in size at each step.",
            "deepest_dip": "In the picture, ReLU stays on 0 left of 0, while GELU, SiLU and Mish dip below it. "
                           "ReLU is max(0, x): 0 on the left, x on the right.",
            "unit_steps": "In the picture, the steps run left to right. "
                          "The bend acts on one number: the weighted sum plus the bias.",
            # p74 (r71 Clarity): the short key never showed the constants: "two fixed numbers inside"
            # p77 (r74 Clarity #2): "two fixed numbers" were never introduced: named, with what each sets
            # p83 (r81 Clarity, Picture first): the picture first, then one idea a sentence (30 words at most)
            # p84 (r83 Clarity): "two constants" were not named: the registry's scale and α (what each sets: the
            # right option's full why; the scale's slope: why not C)
            # p85 (r84 Clarity): the bare constants confused; in plain words, what each side does to the spread and
            # the average (the right side stretches by the scale; the left side's floor, −scale·α, lifts the average)
            # p93 (r94 Correctness): the pull holds with SELU's usual start weights; the key says so
            # p94 (r95 Correctness): the start weights named (LeCun normal, as the picture's runs use); (Clarity)
            # the reason as one cause: the negatives squashed, the positives kept, so the spread shrinks
            # p95 (r96 Clarity): the name "LeCun normal" was never explained; the plain description stays
            # p96 (r97 Clarity): "1/√(inputs per unit)" said in plain words; both directions of the pull
            # r105 (Correctness: "the start weights leave the spread alone" was said as seen, but no line without
            # SELU is drawn): the picture's part is what it draws; the weights' part is said, not pointed at
            "selu_steady": "In the picture, SELU moves the spread. Above 1 it shrinks layer by layer, below 1 it grows. "
                           "The average stays near 0.",   # p116 (r115 Picture): no no-bend line is drawn   # r106: "it" was ambiguous; p106 (r108): "Start weights alone keep the spread" was cryptic; "Without SELU" could mean with another bend
            # p94 (r95 Picture first): softmax worked out in numbers, under the picture (it was in the word box)
            "softmax_activation": f"In the picture, the top share grows from {p1:.2f} to {p2:.2f}. "
                                  f"For (2, 1): e² ≈ {math.exp(2):.1f}, e¹ ≈ {math.e:.1f}. "
                                  f"Top share: {math.exp(2):.1f} ÷ ({math.exp(2):.1f} + {math.e:.1f}) ≈ "
                                  f"{math.exp(2) / (math.exp(2) + math.e):.2f}.",   # D's own words say why it grows
            "relu_corners": "A sum of corners is a chain of short straight pieces, and enough short pieces can follow "
                            "any unbroken curve.",
            # p95 (r96 Clarity: the whisper read awkwardly): said plainly, no analogy
            "why_adam": "Adam divides each nudge by that weight's usual nudge size. "   # p98 (r99): how, not the option again
                        "So even a tiny steady nudge moves the weight about one learning rate each step.",   # p106 (r108): was compressed
            # p89 (r89 Picture first): Q4's and Q14's keys open on their picture, then the reason
            "collapse_formula": "In the picture, one layer's dots sit on the two layers' thick line. The second "
                                "layer stretches b₁ before it adds its own bias.",
            "tanh_vs_sigmoid": f"In the picture, the dots of 2σ(2x) − 1 sit on tanh. Each factor of 2 doubles the "
                               f"slope: {_slope('sigmoid', 0):g} × 2 × 2 = 1, tanh's peak slope.",
            # p93 (r94 Clarity): ln said in words where the key first uses it (the word list is far below)
            # p94 (r95 Clarity): the reason first; ln's meaning moved to the word box (GLOSSES)
            # p107 (r109 Clarity: the rule was only in the picture's legend): said in words first
            "loss_at_ln2": "A 50-50 guess gives each point ½. A point loses −ln(the chance given to its right answer). "
                           f"Here: −ln ½ = ln 2 ≈ {math.log(2):.2f}."}
    if qid in said:
        return said[qid]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", q.options[answer_key(qid)].why)
    return sentences[KEY_SENTENCE.get(qid, 0)]


def _all():
    return questions() + sketches() + calculations()


def ids():
    """Recall-bank question ids in the order chapter 07 shows them."""
    return [q.id for q in questions()]


def by_chapter(chapter):
    """The bank's questions about one chapter ('00' ... '06')."""
    return [q for q in questions() if q.chapter == chapter]


def get(qid):
    """Any question by id (bank, sketch or calculation); an unknown id lists the valid ones."""
    for q in _all():
        if q.id == qid:
            return q
    raise KeyError(f"unknown question {qid!r}; questions: {', '.join(q.id for q in _all())}")


def answer_key(qid):
    """The key: the index of the right option (as stored), the number, or the true y values of a sketch."""
    q = get(qid)
    if isinstance(q, Choice):
        return next(i for i, o in enumerate(q.options) if o.correct)
    if isinstance(q, Numeric):
        return q.answer
    return q.truth()


# ---------------------------------------------------------------- each learner's order of the options
def learner_seed(learner_id):
    """A stable integer seed from a learner id (the same on every machine and every run)."""
    return int.from_bytes(hashlib.sha256(str(learner_id).encode()).digest()[:8], "big")


@lru_cache(maxsize=64)
def arrangement(seed):
    """{qid: option indices in shown order} for every choice of the bank, for one learner.

    The right answer goes to the position used least so far (ties broken at random), so over the bank
    the right answers spread evenly over A, B, C, D; the wrong options fill the rest at random.
    """
    rng = np.random.default_rng(seed)
    choices = [q for q in questions() if isinstance(q, Choice)]
    used = np.zeros(max(len(q.options) for q in choices), dtype=int)
    order = {}
    for k in rng.permutation(len(choices)):
        q = choices[k]
        n = len(q.options)
        least = np.flatnonzero(used[:n] == used[:n].min())
        spot = int(rng.choice(least))
        used[spot] += 1
        right = answer_key(q.id)
        wrong = [i for i in rng.permutation(n).tolist() if i != right]
        order[q.id] = wrong[:spot] + [right] + wrong[spot:]
    return order


@lru_cache(maxsize=64)
def mixed_round(seed):
    """The mixed round for one learner: one question from each chapter, chapters interleaved, all picked by the
    learner's seed (so the same on every rerun). Never in chapter order: recalling which idea a question needs is
    part of the task."""
    rng = np.random.default_rng((seed, 1))   # its own stream: the option order (arrangement) uses the seed alone
    picks = [by_chapter(ch)[int(rng.integers(len(by_chapter(ch))))].id for ch in CHAPTERS]
    order = rng.permutation(len(picks))
    if (np.diff(order) > 0).all():   # chapter order by chance: turn it round
        order = order[::-1]
    return tuple(picks[k] for k in order)


# p98 (r99 Correctness): two questions are taught in two chapters, so the mixed round's chapter box accepts both and
# the key names both. GELU's peak slope: chapter 02 gives its number (1.13 at √2); chapter 03's slope table draws the
# peak "a little above 1". Which bend never goes below 0: chapter 04 adds Mish's dip; chapter 02 drew ReLU, GELU's
# and SiLU's dips (tests/test_chapter_07.py reads the chapters).
ALSO_TAUGHT = {"gelu_peak_slope": ("03",), "deepest_dip": ("02",)}


def chapters_of(qid):
    """The chapters that teach a question, its own (where its round is) first."""
    return (get(qid).chapter, *ALSO_TAUGHT.get(qid, ()))


# Words the quiz uses, each with a one-line gloss, shown once: with the first question that uses it (its prompt, its
# options or its key) in the order the learner's page shows (the mixed round can bring a later chapter's question
# first). Where the prompt or a wrong option uses the word, the gloss sits under the prompt; where only the right
# option or the key uses it, a gloss there would single the key out, so it sits in the key (the fold and the
# feedback after an answer); a number question has no options, so its words sit under its prompt. No gloss may give an answer away (tests/test_chapter_07.py checks the keys).
# The one definition of the nudge (r51): the page's word list says these words; a step is the learning rate times the
# nudge (the learning-rate gloss), so the nudge itself is not "how far the weight moves".
NUDGE = "for one weight, which way and how strongly to move it to lower the loss. It is worked out backward, layer by layer."
# Words chapter 07's word list says above every round (r56 Focus: the nudge, SiLU and SwiGLU came back in a "Words:"
# box round after round). They are never glossed again under a question; tests/test_chapter_07.py reads the list.
PAGE_WORDS = {"nudge": NUDGE, "sigmoid": "a smooth S-curve from 0 to 1.", "tanh": "an S-curve from −1 to 1.",
              "SiLU": "x times sigmoid(x), a smooth bend.",
              # r59 (Clarity): Q6's picture says −ln before any key could gloss it; the list says it once, for all
              "ln": f"the “ln” key on a calculator (the natural log). ln 1 = 0 and ln 2 ≈ {math.log(2):.2f}.",
              # session 32 (r73 Correctness): the gate is made from one sum (SiLU(g), as Q17's picture says), not the sum
              "SwiGLU": "a bend with a gate. It makes two weighted sums of the same inputs. One becomes the gate and "
                        "scales the other, the content."}
# p108 (r110 Clarity): Q3's word box met "loss" before Q6 says it: the gloss says it in brackets
NUDGE_GLOSS = "nudge: " + NUDGE.replace("the loss.", "the loss (how wrong, as one number).")
SELU_PROBE = 3.0   # Q28's key (p88, r87): one large input each side of 0
_selu = activations.get("selu")
_SELU_FLOOR = -activations.get("selu").params["scale"].default * activations.get("selu").params["alpha"].default
GLOSSES = (
    ("XOR", r"\bXOR\b", "XOR: gives 1 when exactly one of its two inputs is 1, else 0. Its four input points: (0, 0), (0, 1), "
             "(1, 0) and (1, 1)."),
    ("die", r"\bdie[ds]?\b", "a dead ReLU unit: its weighted sum plus bias is at or below 0 for every training "
            "example. It then gives 0 and stops learning."),
    # p95 (r96 Interaction): no chapter number in a gloss: in the mixed round it named the chapter box's answer
    ("race", r"\brace\b", "the race: one small network per bend, each trained to tell apart the points of "
              "two spirals wound into each other. Each ran from several seeds; a seed fixes a run's random start "
              "weights."),
    ("Adam", r"\bAdam\b", "Adam: a popular training method. It sets how far each weight moves at each step."),
    ("LSTM", r"\bLSTM\b", "LSTM cell: a memory unit that reads a sequence step by step."),
    # p109 (r111 Clarity: Q34's "new content" and "storing" were said only in its key): in its word box
    ("new content", r"\bnew content\b", "new content: what an LSTM works out from each step's input. Storing it "
                                        "means adding it to the LSTM's memory."),
    ("write gate", r"\bwrite gate\b", "write gate: a number from 0 to 1 (usually called the input gate). Each step, it "
                                      "scales the new content added to the memory."),
    # p94 (r95 Clarity): Q6's key opened on ln's meaning; it is said in the word box now, at ln's first use
    # p100 (r102 Small): the word list's friendlier wording (the calculator key), not "the power of e"; no ln 2 ≈ 0.69
    # (a gloss may sit under a prompt, and no gloss says 0.69), but why −ln of a chance is above 0
    ("ln", r"\bln\b", "ln x: the “ln” key on a calculator (the natural log). ln 1 = 0, and ln x is below 0 when x "
                        "is below 1."),
    ("softmax", r"(?i)\bsoftmax\b", "softmax: turns a list of scores into chances that add up to 1."),
    ("Mish", r"\bMish\b", "Mish: another smooth bend, close to SiLU."),
    # p85 (r84 Clarity): keys say "the e-powers" for several e^s; the gloss names them and fires on them too
    ("e^x", r"\be(\^|-power)", "e^x: the number e (about 2.72) to the power x, an e-power. It is always above 0 and "
                              "grows fast."),
    # p74 (r71 Clarity): the rule in words, then one worked case (computed)
    # p84 (r83 Clarity): the rule in one sentence was dense: the example first, then its two steps, one a sentence
    # p94 (r95 Picture first): the worked numbers moved under Q25's picture (key_why); the gloss says the word
    ("shares", r"\bshares\b", "softmax's shares: its chances, one per score. A bigger score gets a bigger share."),
    ("σ", r"σ", "σ: short for sigmoid. σ(x) is sigmoid(x)."),
    ("learning rate", r"\blearning rate\b", "learning rate: a number fixed before training. A plain step moves each "
                                              "weight by the learning rate times that weight's nudge."),
    ("SELU", r"\bSELU\b", "SELU: a bend straight on the right that levels off near "
                          f"{typeset(f'{_SELU_FLOOR:.2f}')} on the left."),
    ("spread", r"\bspread\b", "spread: how far values usually sit from their average."),
    # p88 (r87 Clarity): Q3's options rest on the nudge, said only in the word list near the end. Glosses are now
    # once a page (p84), so the r56 worry (a "Words:" box round after round) no longer holds: said at first use.
    ("nudge", r"\bnudges?\b", NUDGE_GLOSS),
)


# Where each chapter says a word of GLOSSES in plain words: in bold, or a heading after it (tests/test_chapter_07.py
# reads each chapter and checks that every prompt word is its own chapter's or glossed earlier in its round).
# p84 (r83 Focus): each word is glossed once a page, at its first use (first_glosses): a second pass that glossed it
# again once a round (round_glosses, r51) never added a line on any learner's page, and is gone. The page's word list
# (PAGE_WORDS, with bend, ReLU, GELU and the feed-forward block) says the rest.
DEFINED_IN = {"learning rate": ("00", "05"), "nudge": ("03", "04"), "XOR": ("01",), "LSTM": ("04", "06"), "softmax": ("04", "06"),
              "shares": ("04",), "SELU": ("04",), "spread": ("04",), "race": ("05",),
              "Adam": ("05",), "Mish": ("05",), "write gate": ("06",), "new content": ("06",)}


# p82 (r80 Clarity): a learner who forgot a bend met its name with no help before the word list at the end. So the
# first question that names a bend, in its prompt or any option, says it in one short line under its prompt (p84, r83
# Focus: once a page, not once a round: ReLU's line stood in six word boxes).
# A line says what the bend looks like, not what a question asks about it: no range (tanh's ±1 is Q34's key), no dip
# (Q2), no flat side (Q3). Every bend a question names is said there, so no line singles out the right option. The
# page's word list (PAGE_WORDS) still says them in full. A question that one of its lines would give away says none
# (a line for the others only would single the right one out): the page's next question says them (BEND_SKIP).
BEND_WORDS = (
    ("ReLU", r"\bReLU\b", "ReLU: two straight pieces with a sharp corner at 0."),
    ("Leaky ReLU", r"(?i)\bLeaky ReLU\b", "Leaky ReLU: ReLU with one change to its shape."),
    ("sigmoid", r"(?i)\bsigmoid\b", "sigmoid: a smooth S-curve from 0 to 1."),
    ("tanh", r"(?i)\btanh\b", "tanh: a smooth S-curve through (0, 0)."),
    ("GELU", r"\bGELU\b", "GELU: a smooth bend; far from 0 it matches ReLU."),   # "ReLU, corner rounded" hid its dip
    ("SiLU", r"\bSiLU\b", "SiLU: x times sigmoid(x), a smooth bend."),
    # p108 (r110 Clarity): "weighted sum" is first met here (Q1): said in brackets
    ("SwiGLU", r"\bSwiGLU\b", "SwiGLU: a bend where one weighted sum (inputs times weights) scales another."),
)
# Q32: sigmoid's 0-to-1 range is what makes it the gates' bend. p88 (r87 Clarity): Q "never below 0" (deepest_dip)
# is no longer skipped: its options are ReLU, SiLU, Mish and GELU, whose lines say no range, dip or flat side, and a
# learner whose page brings it first met SiLU and GELU there with no word about them.
BEND_SKIP = ("lstm_gates",)


def names_bend(q, pattern):
    """True when q's prompt or any of its options names the bend."""
    return re.search(pattern, " ".join([q.prompt] + [o.text for o in getattr(q, "options", ())])) is not None


def bend_glosses(rounds):
    """{qid: [line, ...]}: in each of rounds (lists of qids in page order; the page passes one, the whole page), each
    bend of BEND_WORDS said under the prompt of the first question that names it, BEND_SKIP's questions left out."""
    out = {}
    for qids in rounds:
        said = set()
        for qid in qids:
            for term, pattern, line in BEND_WORDS:
                if term not in said and qid not in BEND_SKIP and names_bend(get(qid), pattern):
                    out.setdefault(qid, []).append(line)
                    said.add(term)
    return out


def shown_text(q):
    """What a gloss under the prompt may explain: the prompt and the wrong options. A word that only the right option
    uses is glossed in the key instead: a gloss above the options would single that option out."""
    return " ".join([q.prompt, getattr(q, "form", "")] + [o.text for o in getattr(q, "options", ()) if not o.correct])


def used_text(q):
    """Everything a question shows the learner: prompt, options, keys, explanation and messages for wrong numbers."""
    if isinstance(q, Choice):
        parts = [q.prompt] + [t for o in q.options for t in (o.text, o.why)]
    else:
        parts = [q.prompt, q.form, q.pictured, q.explanation, q.said] + [m for _v, _t, m in q.traps]
    return " ".join(parts)


def first_glosses(qids):
    """{qid: [(gloss, where), ...]}: each GLOSSES term glossed at the first of qids (the page's order) that uses it
    anywhere (used_text); where is "head" (under the prompt) when the prompt or a wrong option uses it, else "key".
    A term first met in a key only is glossed again under the prompt of the first later question that shows it, so
    a learner who skips a fold still meets it before its question. A gloss that uses another term (softmax's shares
    use e^x) counts as a use of that term where the gloss sits, so that term is glossed there too, before it."""
    extra = {}   # (qid, where): text of glosses placed there, a use of any term they name
    for _round in range(len(GLOSSES)):
        placed = {}
        for term, pattern, gloss in GLOSSES:
            used = [qid for qid in qids if re.search(pattern, " ".join(
                [used_text(get(qid)), extra.get((qid, "head"), ""), extra.get((qid, "key"), "")]))]
            if not used:
                continue
            shows = [qid for qid in qids if re.search(pattern, shown_text(get(qid)) + " " + extra.get((qid, "head"), ""))]
            # a number question has no options to single out: its words are glossed under its prompt, once
            where = "head" if used[0] in shows[:1] or isinstance(get(used[0]), Numeric) else "key"
            placed.setdefault(used[0], []).append((gloss, where))
            if where == "key" and shows:
                placed.setdefault(shows[0], []).append((gloss, "head"))
        now = {}
        for qid, lines in placed.items():
            for gloss, where in lines:
                now[(qid, where)] = (now.get((qid, where), "") + " " + gloss).strip()
        if now == extra:
            break
        extra = now
    return placed


def right_positions(seed):
    """How many right answers sit under each letter for this learner: {'A': n, 'B': n, ...}."""
    counts = {}
    for qid, shown in arrangement(seed).items():
        letter = "ABCD"[shown.index(answer_key(qid))]
        counts[letter] = counts.get(letter, 0) + 1
    return dict(sorted(counts.items()))


# ---------------------------------------------------------------- numbers
# How a number may be typed, shown in the answer box and after an unreadable answer. None of them is the answer (or a
# typical wrong answer) to any question: an example must not give a key away (tests/test_chapter_07.py).
EXAMPLES = ("0.3", "2/3", "about 0.002")
COUNT_EXAMPLE = "2"   # for a question whose answer is a count
DIGITS_EXAMPLE = 0.4271   # the box's example, kept to its question's digits: 0.4, 0.43 or 0.427 (r42: match the question)
DIGIT_WORDS = {1: "one digit", 2: "two digits", 3: "three digits"}
SMALL_EXAMPLE = 0.3271   # r44: under an answer below 0.1 the example has its size: 0.03 under 0.01 (0.4 sent a learner to 0.0)
WORDS_EXAMPLES = ("0.005", "1 in 200")   # the unreadable-answer message's word form; r44: no size Q20's answer could have
# Q20's form and its box name the two ways to type it, with no number (r54: 0.02 next to 1 in 50, r55: 0.005 next to
# 1 in 200, each read as a hint at the answer's size)
# r62 (Focus): the rounding rule was plumbing; the checker is lenient (half a step), so N may be typed as it comes
WORDS_FORM = "a decimal, or “1 in N”, with N in digits or words"
WORDS_BOX = "a decimal, or 1 in N"


def _counts(q):
    """True for a question whose answer is a count (a whole number)."""
    return float(q.answer).is_integer()


def placeholder(q):
    """The answer box's hint for a numeric question: a whole number for a count, else the typed forms."""
    if _counts(q):
        return f"a whole number, e.g. {COUNT_EXAMPLE}"
    if q.form:   # the box shows the two forms its question names
        return WORDS_BOX
    # p91 (r92 Clarity: "one digit: zeros in front do not count" confused): the example's own zeros show it
    return f"e.g. {digits_example(q)} ({DIGIT_WORDS[q.digits]})"


def digits_example(q):
    """The example in q's answer box, with as many digits as q asks for: '0.43' for two. Under a key below 0.1 it has
    the key's size: '0.03' under about 0.01, so its zeros in front show where the digit goes."""
    kept = abs(float(f"{q.answer:.{q.digits}g}"))
    if 0 < kept < 0.1:
        return f"{SMALL_EXAMPLE * 10.0 ** (math.floor(math.log10(kept)) + 1):.{q.digits}g}"
    return f"{DIGITS_EXAMPLE:.{q.digits}g}"


_NUMBER = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?:/\s*(\d+\.?\d*))?\s*$")
_WORDS = re.compile(r"^\s*(?:about|around|roughly|approx\.?|approximately|~|≈)\s*", re.I)
_SCALES = {"ten": 10.0, "a hundred": 100.0, "a thousand": 1e3, "a million": 1e6, "a billion": 1e9}
_ONE_IN = re.compile(r"^\s*(?:1|one)\s+in\s+(" + "|".join(_SCALES) + r"|\d[\d,]*)\s*$", re.I)


def parse_number(text):
    """A float from '0.25', '-1.2e-3', '1/4', 'about 0.01', '≈ 0.7' or '1 in a million' (also '1 in 1,000,000');
    None if it is not a number."""
    if isinstance(text, (int, float, np.integer, np.floating)) and not isinstance(text, bool):
        return float(text)
    words = " ".join(_WORDS.sub("", str(text)).split())
    one_in = _ONE_IN.match(words)
    if one_in:
        n = _SCALES.get(one_in.group(1).lower()) or float(one_in.group(1).replace(",", ""))
        return 1.0 / n if n else None
    m = _NUMBER.match(words.replace("−", "-"))
    if not m:
        return None
    num = float(m.group(1))
    if m.group(2):
        den = float(Fraction(m.group(2)))
        return None if den == 0 else num / den
    return num


def kept(value, digits):
    """value kept to `digits` digits that count, as the grader keeps a key (see step): kept(2.72, 2) -> '2.7',
    kept(0.012, 2) -> '0.012' (zeros in front are no digits)."""
    return f"{float(f'{value:.{digits}g}'):g}"


def step(q):
    """One unit in the last digit the key keeps: 0.01 for 0.3127 kept to 2 digits (leading zeros are no digits).
    The kept key sets it, as chapter 07's rule says: 0.00000095 kept to one digit is 0.000001, so its step is
    0.000001 (not 0.0000001)."""
    kept = float(f"{q.answer:.{q.digits}g}")
    return 10.0 ** (math.floor(math.log10(abs(kept))) - q.digits + 1)


def accepted(q, value):
    """True when value is at most half a step (see step) from the key: the key rounded to q.digits significant
    digits, or anything closer (a person's 'about')."""
    key = q.answer
    if not math.isfinite(value):
        return False
    if key == 0:
        return abs(value) < 1e-12
    unit = step(q)
    rounded = round(key / unit) * unit
    return abs(value - key) <= 0.5 * unit * (1 + 1e-9) or abs(value - rounded) <= 1e-9 * unit


def explained(q, picture=True):
    """A numeric question's why: what its picture shows first (only where the picture is drawn), then the rule."""
    return f"{q.pictured} {q.explanation}" if picture and q.pictured else q.explanation


def check(qid, answer, picture=True):
    """Feedback: a stored option index (or its text) for a choice, a number or text for a numeric, y values for a sketch.

    picture=False where the question's picture is not on the page (exercise 07): the why leaves out what it shows."""
    q = get(qid)
    if isinstance(q, Choice):
        if isinstance(answer, str):
            texts = [o.text for o in q.options]
            if answer not in texts:
                return Feedback(False, 0.0, "That is not one of the options.")
            answer = texts.index(answer)
        if not isinstance(answer, (int, np.integer)) or isinstance(answer, bool) or not 0 <= answer < len(q.options):
            return Feedback(False, 0.0, f"Pick an option number from 0 to {len(q.options) - 1}.")
        o = q.options[answer]
        if o.correct:
            return Feedback(True, 1.0, f"Right. {o.why}")
        return Feedback(False, 0.0, f"A common wrong answer: “{o.text}” In fact: {o.why}")
    if isinstance(q, Numeric):
        value = parse_number(answer)
        if value is None:
            forms = placeholder(q) if _counts(q) else f"e.g. {', '.join(EXAMPLES)} or {WORDS_EXAMPLES[1]}"
            return Feedback(False, 0.0, f"{answer!r} is not a number I can read. Write {forms}.")
        if accepted(q, value):
            return Feedback(True, 1.0, "Right. " + explained(q, picture))
        for trap, tol, message in q.traps:
            if abs(value - trap) <= tol:
                return Feedback(False, 0.0, message)
        return Feedback(False, 0.0, "Not quite. " + explained(q, picture))
    return sketch_feedback(q, answer)


def sketch_feedback(q, ys):
    """Feedback on a sketch's y values at q.xs (chapter 07 passes only the points the learner set: replace(q, xs=...))."""
    rmse, stars = sketch_score(q, ys)
    verdict = ["far off: compare with the true curve", "the rough shape", "close", "excellent"][stars]
    return Feedback(stars >= 2, stars / 3,
                    f"Typical gap to the true slope: {rmse:.2f}. {'★' * stars}{'☆' * (3 - stars)} ({verdict}).", stars)


VERDICTS = ("Right.", "Not quite.", "A common wrong answer:", "Right size, wrong sign:")   # how feedback opens


def split_verdict(message):
    """(verdict, reason) of a feedback message: ('Right.', 'Each point ...'), or ('A common wrong answer: “X”',
    'In fact: ...'). The page shows the verdict, the reason right after it, then any word lines."""
    if message.startswith("A common wrong answer:") and " In fact: " in message:
        verdict, reason = message.split(" In fact: ", 1)
        return verdict, "In fact: " + reason
    for v in VERDICTS:
        if message.startswith(v + " "):
            return v, message[len(v) + 1:]
    return message, ""


def sketch_score(q, ys):
    """(rmse, stars) of the learner's y values against the true curve."""
    ys = np.asarray(ys, dtype=float)
    if ys.shape != (len(q.xs),) or not np.all(np.isfinite(ys)):
        raise ValueError(f"a sketch needs {len(q.xs)} finite y values, one per x in {q.xs}")
    rmse = float(np.sqrt(np.mean((ys - q.truth()) ** 2)))
    return rmse, sum(rmse <= t for t in q.star_rmse)


def summary(feedbacks):
    """(points, answered, total, text) for a dict {qid: Feedback} over the recall bank."""
    total = len(questions())
    points = sum(fb.points for fb in feedbacks.values())
    answered = len(feedbacks)
    return points, answered, total, f"{answered} of {total} answered, score {points:.1f} / {total}"
