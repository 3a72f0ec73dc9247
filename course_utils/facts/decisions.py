"""The decision list as data: where a bend sits in a network -> the bend to pick, and why (06_decision_list).

Seven lines to memorise (LINES), each built from one or two roles (decisions()); the fold at the chapter's end adds four
cases that are no rule (beyond_rows()). Reasons are plain sentences;
the numbers they quote come from the registry and the deployments table (facts()), never typed.
Every rule links to the chapter where the learner saw the evidence. The picker widget, the
chapter's recall question and exercise 06 read this module.

Primary sources for the rules (checked Dec 2026):
- ReLU as the default hidden unit: Goodfellow, Bengio & Courville 2016, Deep Learning, section 6.3
  ("rectified linear units are an excellent default choice of hidden unit"); AlexNet, ResNet in deployments.py.
- Leaky ReLU keeps a slope of alpha on the left: Maas, Hannun & Ng 2013, "Rectifier Nonlinearities
  Improve Neural Network Acoustic Models" (alpha = 0.01); torch.nn.LeakyReLU (negative_slope=0.01).
  PReLU learns that slope: He, Zhang, Ren & Sun 2015, "Delving Deep into Rectifiers", arXiv:1502.01852
  (torch.nn.PReLU starts it at 0.25).
- Transformer feed-forward blocks: GELU and SwiGLU models in deployments.py (papers and official code,
  e.g. openai/gpt-2 src/model.py gelu, meta-llama/llama model.py FeedForward: w2(silu(w1 x) * w3 x)); the
  well-known exceptions that kept ReLU (T5, OPT) in deployments.RELU_LANGUAGE_MODELS.
- LSTM and GRU: sigmoid gates, tanh candidate (and tanh on the LSTM cell on its way out): PyTorch docs
  torch.nn.LSTM and torch.nn.GRU; Hochreiter & Schmidhuber 1997; Cho et al. 2014. The LSTM's cell itself is not
  capped by tanh, and ReLU recurrent networks can train with a careful start: Le, Jaitly & Hinton 2015, "A Simple
  Way to Initialize Recurrent Networks of Rectified Linear Units", arXiv:1504.00941 (IRNN: identity start).
  Why the cell is not squashed: Hochreiter & Schmidhuber 1997, section 3.2, the "constant error carousel" (the
  cell's self-connection is linear with weight 1.0, so what it holds neither fades nor grows by itself).
  A GRU has two gates (reset, update), an LSTM three (input, forget, output): deployments.py.
- Output units: sigmoid for a Bernoulli output, softmax for one of n classes, a linear unit for a
  real-valued output: Deep Learning, section 6.2.2; torch.nn.BCEWithLogitsLoss (sigmoid folded into
  the loss, also for multi-label), torch.nn.CrossEntropyLoss.
- SELU for a very deep plain network (the end fold's pointer to chapter 04 only, pass 30: no rule of the list):
  Klambauer et al. 2017, "Self-Normalizing Neural Networks", arXiv:1706.02515, section 2.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from course_utils.facts import activations, deployments

CH = {  # chapter links, relative to notebooks/ (the exercise notebook prefixes ../notebooks/)
    "01": "01_collapse_proof.ipynb",
    "02": "02_four_bends.ipynb",
    "03": "03_gradient_table.ipynb",
    "04": "04_activation_zoo.ipynb",
}


@dataclass(frozen=True)
class Decision:
    """One rule: where the bend sits, the bend to pick, one plain reason, and the chapter that showed it."""

    role: str
    where: str         # the place in the network, in plain words
    pick: str          # registry name
    reason: str
    evidence: tuple    # ((label, link relative to notebooks/), ...)
    runner_up: str = ""              # registry name of the second choice ("" if none)
    prefer_runner_up_when: str = ""
    avoid: str = ""                  # a registry name that is a known bad choice here ("" if none)
    avoid_because: str = ""
    also_right: tuple = ()           # other registry names the rule itself names ("GELU or SwiGLU")
    other_task: str = ""             # set when the runner-up answers a different task: that task, in a few words
    worked: str = ""                 # the runner-up's claim in numbers, for a fold under the picker's card

    @property
    def question(self):
        """The place as a question-style label (kept for the grader's check names)."""
        return self.where


@dataclass(frozen=True)
class Line:
    """One line of the list to memorise: when, what, why, and where the course showed it."""

    when: str
    say: str
    reason: str
    evidence: tuple
    roles: tuple
    example: str = ""
    note: str = ""     # said after the example: where the line stops and the end fold takes over


SWIGLU_MODELS, GELU_MODELS = ("LLaMA", "PaLM", "Mistral 7B"), ("GPT-2", "BERT")   # the transformer rule's models:
# the card names the first of each (the one a learner may have heard of); the rest stay as data (pass 61, r55
# Focus 2: chapter 06's "who used which bend" fold names one model a bend too)


def _models(names, registry_names):
    """These models, each checked against the deployments table: its feed-forward block uses one of these bends.
    No rule by age: GPT-3 (2020) still used GELU, and some recent models use GeGLU (Gemma)."""
    rows = {d.model: d for d in deployments.DEPLOYMENTS if "feed-forward" in d.where}
    for name in names:
        if name not in rows or rows[name].registry not in registry_names:
            raise ValueError(f"{name} is not in deployments.py with a {'/'.join(sorted(registry_names))} feed-forward block")
    return list(names)


def _relu_models():
    """The language models that kept ReLU in their feed-forward blocks (deployments.RELU_LANGUAGE_MODELS), oldest
    first, as the list's note names them: 'T5 (2019)'."""
    rows = sorted(deployments.RELU_LANGUAGE_MODELS, key=lambda d: d.year)
    if not rows or any(d.registry != "relu" or "feed-forward" not in d.where for d in rows):
        raise ValueError("deployments.RELU_LANGUAGE_MODELS must hold language models with ReLU feed-forward blocks")
    return [f"{d.model} ({d.year})" for d in rows]


@lru_cache(maxsize=None)
def facts():
    """The numbers and names the reasons quote, computed from the registry and the deployments table."""
    g = activations.get
    sig, tanh, relu = g("sigmoid"), g("tanh"), g("relu")
    h, t = float(memory_path("relu", 1.1)[-1]), float(memory_path("tanh", 1.1)[-1])  # a one-number memory, 100 steps
    z = 1.7
    gelu = g("gelu")
    return {
        "sigmoid_peak": float(sig.derivative(0.0)),
        "sigmoid_chain10": float(sig.derivative(0.0)) ** 10,
        "relu_slope": float(relu.derivative(2.0)),
        "leaky_slope": g("leaky_relu").params["alpha"].default,
        "relu_state_100": h,
        "tanh_settled_slope": float(tanh.derivative(1.1 * t)),   # tanh's slope where the memory settles (0.747)
        "loop_step_100": memory_nudge("tanh", 1.1),   # the nudge left 100 steps back: growth x slope each step
        "loop_first_step": 1.1 * float(tanh.derivative(1.1)),   # the first step, memory still 1: 0.40, not 0.82
        "tanh_state_100": t,
        "z": z,
        "softmax_2": float(np.asarray(g("softmax")(np.array([z, 0.0])))[0]),
        "sigmoid_z": float(sig(z)),
        "gelu_slope_0": float(gelu.derivative(0.0)),
        "gelu_zero_slope_x": _root(gelu.derivative, -1.0, -0.5),
        "gelu_slope_minus4": float(gelu.derivative(-4.0)),
        "gelu_slope_one_x": _root(lambda x: gelu.derivative(x) - 1.0, 0.0, 1.4),   # right of it, slope above 1
        "gelu_lowest_slope": _lowest(gelu.derivative, -3.0, -0.75),   # (x, slope): about (−1.41, −0.13)
        "gelu_models": _models(GELU_MODELS, {"gelu", "gelu_tanh"}),
        "swiglu_models": _models(SWIGLU_MODELS, {"swiglu"}),
        "relu_models": _relu_models(),
    }


CHAIN_POINTS = (  # (key, bend, x): where chapter 06 reads each slope. Each bend at its best (its steepest point),
    ("sigmoid", "sigmoid", 0.0),   # like with like; tanh once more at x = 1, because its slope is 1 only at exactly 0
    ("tanh", "tanh", 0.0),
    ("tanh_at_1", "tanh", 1.0),
    ("relu", "relu", 1.0),         # any x > 0 gives the same slope, 1
)


def chain_left(layers, points=CHAIN_POINTS):
    """{key: share of the nudge left after 1..layers bends}, each layer's bend read at the same x (bends only)."""
    k = np.arange(1, layers + 1, dtype=float)
    return {key: float(activations.get(name).derivative(x)) ** k for key, name, x in points}


def chain_slope(key):
    """The slope one layer multiplies by, for a key of CHAIN_POINTS: 0.25, 1, 0.42, 1."""
    return float(chain_left(1)[key][0])


MEMORY_START = 1.0   # the one-number memory's value before its first step (chapter 06's picture says it, r88)


def memory_path(name, growth, steps=100, start=MEMORY_START):
    """A one-number memory h after 0..steps steps of h -> bend(growth * h)."""
    f = activations.get(name)
    h = [start]
    for _ in range(steps):
        h.append(float(f(growth * h[-1])))
    return np.array(h)


def memory_nudge(name, growth, steps=100, start=MEMORY_START):
    """The share of the nudge left after going back `steps` steps of h -> bend(growth * h): each step multiplies it by
    that step's slope, growth * bend's slope at growth * h (chapter 06: why an LSTM does not squash its memory)."""
    f = activations.get(name)
    h = memory_path(name, growth, steps, start)[:-1]
    return float(np.prod(growth * np.asarray(f.derivative(growth * h), dtype=float)))


def settled_loop(name, growth, steps=100, start=MEMORY_START):
    """Why the loop's nudge fades (chapter 06, r91 Clarity): (settled memory h, the bend's input growth * h, the bend's
    slope there s, growth * s: what each settled step passes back), all from memory_path's last step."""
    f = activations.get(name)
    h = float(memory_path(name, growth, steps, start)[-1])
    s = float(f.derivative(growth * h))
    return h, growth * h, s, growth * s


def loop_fixed_point(name, growth, lo=0.05, hi=1.0):
    """The memory h > 0 that one step of h -> bend(growth * h) gives back unchanged (chapter 06, r92 Clarity: why
    the loop's memory settles near 0.5): the root of bend(growth * h) - h between lo and hi."""
    f = activations.get(name)
    return _root(lambda h: float(f(growth * h)) - h, lo, hi)


def _root(f, lo, hi, steps=60):
    """The x in [lo, hi] where f changes sign (bisection; f(lo) and f(hi) differ in sign)."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (float(f(lo)) > 0) == (float(f(mid)) > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _lowest(f, lo, hi, steps=200):
    """(x, f(x)) at f's lowest point in [lo, hi] (golden-section search; f has one dip there)."""
    r = (5 ** 0.5 - 1) / 2
    for _ in range(steps):
        a, b = hi - r * (hi - lo), lo + r * (hi - lo)
        if float(f(a)) < float(f(b)):
            hi = b
        else:
            lo = a
    x = (lo + hi) / 2
    return x, float(f(x))


def swish_lowest(lo=-5.0, hi=0.0, steps=200):
    """(x, value) of Swish's lowest point, x * sigmoid(x), found by golden-section search: about (-1.28, -0.28)."""
    return _lowest(activations.get("silu"), lo, hi, steps)


def one_in(share):
    """A share of the nudge in words: 'all of it', '1 in 5,900' (2 significant digits), and 3 from a million up,
    so a share just under a millionth does not read as exactly one: '1 in 1.05 million', '1 in 1.1 trillion'."""
    if share >= 0.995:
        return "all of it"
    n = 1 / share
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1, "")):
        if n >= size:
            r = float(f"{n / size:.3g}" if size >= 1e6 else f"{n / size:.2g}")   # 1.05 million: just over a million
            return f"1 in {r:,.0f}{word}" if r >= 10 else f"1 in {r:g}{word}"
    raise ValueError(f"not a share below 1: {share}")

SOFTPLUS_PLAIN = "a smooth ramp with no dip"   # one wording for the decision card and the end fold (pass 32)
# pass 89 (r89 Clarity: "ReLU with its corner rounded off" read like GELU and SiLU, which dip below 0): the difference


def _join(names):
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


@lru_cache(maxsize=None)
def decisions():
    """Every rule, in the order of the list: inside the network first, then the output."""
    f = facts()
    return (
        Decision(
            "hidden_cnn_mlp", "Hidden layers of a plain network or a CNN", "relu",
            f"For sums above 0 its slope is {f['relu_slope']:g}: the bend passes the whole nudge. Below 0 it passes none.",
            (("03 · slopes multiply", CH["03"] + "#Slopes-multiply:-the-chain-rule"),),
            "leaky_relu", "many units die (always 0, so they stop learning).",
            "sigmoid", f"its slope is at most {f['sigmoid_peak']:g}. Ten layers pass on at most "
                       f"{one_in(f['sigmoid_chain10'])} of the nudge (bends only; weights multiply in too).",
        ),
        Decision(
            "dying_units", "Many ReLU units dead (0 for every training input)", "leaky_relu",
            f"Its left side keeps a small slope, {f['leaky_slope']:g}, so a stuck unit still gets a nudge.",
            (("03 · dead units", CH["03"] + "#ReLU's-weak-spot:-dead-units"),),
            "prelu", f"you want training to learn the leak's size. Its left side keeps a slope too, so a stuck "
                     f"unit still gets a nudge. GELU is not the listed fix: it changes every unit's whole bend, not only "
                     f"the left side, and far left its slope fades to almost 0 (slope "
                     f"{format(f['gelu_slope_minus4'], '.1g').replace('-', '−')} at x = −4).",
        ),
        Decision(
            "transformer_ffn", "Transformer feed-forward block", "swiglu",
            f"Many recent models, such as {f['swiglu_models'][0]}, use SwiGLU; {f['gelu_models'][0]} uses GELU.",
            (("02 · SwiGLU", CH["02"] + "#SwiGLU:-a-bend-with-a-gate"), ("04 · where each bend ships", CH["04"])),
            "gelu", f"you build the plain block: one weighted sum, bent, as in {f['gelu_models'][0]}.",
            also_right=("gelu", "gelu_tanh"),
        ),
        Decision(
            "gate", "Gates inside an LSTM or GRU", "sigmoid",
            "A gate is a dimmer: sigmoid gives a share between 0 and 1.",
            (("02 · sigmoid", CH["02"] + "#Sigmoid:-the-smooth-S"),),
            avoid="relu", avoid_because="a gate must stay between 0 and 1, and ReLU has no top.",
        ),
        Decision(
            "recurrent_state", "New content inside an LSTM or GRU", "tanh",
            "Tanh squashes new content to between −1 and 1, centred on 0.",
            (("02 · tanh", CH["02"] + "#Tanh:-the-centred-S"),),
            avoid="relu", avoid_because=(
                "tanh keeps each write between −1 and 1; a ReLU write has no top and is never below 0. "
                # pass 82 (r80 item 5: the card's "h" was never said): the loop in words
                "A loop that multiplies a memory by 1.1, then bends it, shows the risk. "
                f"After 100 steps, ReLU's memory is {f['relu_state_100']:,.0f}; tanh's settles at {f['tanh_state_100']:.2f}."),
        ),
        Decision(
            "binary_output", "Output for a yes/no answer", "sigmoid",
            "It turns the output unit's sum into a chance between 0 and 1.",
            (("02 · sigmoid", CH["02"] + "#Sigmoid:-the-smooth-S"),),
            # pass 82 (r80 Clarity: "two output sums" and "your code already handles many classes" were vague)
            # pass 83 (r81 Clarity: the arithmetic was dense): the claim in words; its numbers wait in `worked`
            "softmax", "you use two output units: one for yes, one for no. Two outputs through softmax act like one "
                       "sigmoid.",
            "tanh", "its outputs run from −1 to 1, so they are not chances.",
            # pass 89 (r89 Clarity: "the two sums 1.7 and 0": the 1.7 came from nowhere): said to be an example
            worked=(f"Take an example: the yes unit's sum is {f['z']:g}, the no unit's sum is 0. "
                    f"Softmax gives yes a share of {f['softmax_2']:.3f}. Sigmoid({f['z']:g}) gives the same."),
        ),
        Decision(
            "multiclass_output", "Output for one class (kind of answer) out of many", "softmax",
            "It turns the output units' sums into chances that add up to 1.",
            (("04 · softmax", CH["04"] + "#Softmax:-a-squasher-for-a-whole-list"),),
            "sigmoid", "an example may carry several labels (names of what it shows, such as cat and dog) at once: "
                       "then one sigmoid per label.",   # pass 62 (r56 Clarity 3): "a right answer" confused
            # pass 82 (r80 Correctness): one sigmoid per label answers another question, so it is no second choice
            other_task="several labels at once",
        ),
        Decision(
            "regression_output", "Output for a number (a temperature, a change in price)", "identity",
            "The answer may be any number, even below 0, so nothing should squash it.",
            (("Appendix · glossary: output", "91_glossary.ipynb#Glossary"),),
            "softplus", f"the answer must be above 0. Softplus, {SOFTPLUS_PLAIN}, is always above 0.",
            "relu", "it can never give a number below 0.",
        ),
    )


LINES_SPEC = (  # the list to memorise: the roles each line stands for
    ("hidden_cnn_mlp",), ("dying_units",), ("transformer_ffn",), ("gate", "recurrent_state"),
    ("binary_output",), ("multiclass_output",), ("regression_output",),
)
EXAMPLE = {  # one well-known model per line (deployments.py has the sources)
    "hidden_cnn_mlp": "AlexNet (2012), a CNN that sorts photos",   # a convolutional network, not a plain one
    "dying_units": "",   # DCGAN used Leaky ReLU with a leak of 0.2 for other reasons, so it is no example of this line
    "transformer_ffn": "",   # pass 61 (r55 Focus 2): one model name a line at most; line 3's own section names
    # GPT-2 (GELU) and LLaMA (SwiGLU), right after the list
    "gate": "",   # the line already names the cells
    "binary_output": "a spam filter: spam or not",
    "multiclass_output": "a photo sorter choosing among 1000 kinds of object",
    "regression_output": "a temperature forecaster",
}
SAY = {"transformer_ffn": "GELU or SwiGLU", "regression_output": "no bend"}  # where the label alone is not the rule
LINE_REASON = {  # where the list says less than the card (one example model instead of five), or more
    # pass 73 (r70 Correctness): the models named on the line itself, from deployments.py (via facts())
    "transformer_ffn": "Many well-known language models (text-writing networks, such as chatbots) use them: {gelu} uses GELU, "
                       "{swiglu} SwiGLU.",
}
LINE_WHEN = {  # where the list's bold words say more than the picker's menu (p108, r110 Correctness: line 7's bold
    # rule and the price quiz disagreed): no bend is for a number that can be below 0
    "regression_output": "Output for a number that can be below 0 (a temperature, a change in price)",
}
LINE_NOTE = {  # after the example: the line's limit, and the end fold's case that covers it ({...}: from facts())
    # pass 34 (r32): the models that kept ReLU (T5, OPT) moved to the optional history fold (ch06_decisions.history)
    # p107 (r109 Retention: line 7 read as "a price gets no bend"): the note says a price is this line's exception
    # p108 (r110): said as the rule for a number that can never be below 0, as "What to remember" says it
    # lead (r111 Correctness: "takes Softplus" read as the only rule; no bend is common too): "can use", and what it buys
    # p110 (r112 Correctness, Retention: nothing ruled out ReLU, so the price quiz was a guess): why not ReLU, said
    # r114 (Correctness: "cannot recover" overclaimed; one example's sum below 0 sends no nudge, others still can):
    # stuck only if the sum is below 0 on every example. (Focus: Softplus said once, in "Beyond the list")
    "regression_output": "A number that can never be below 0, such as a price (not a change in price), can use Softplus "
                         "(see \"Beyond the list\"). Why not ReLU? Left of 0 its slope is 0. If the sum is below 0 on "
                         "every example, no nudge comes back: it is stuck.",   # p106 (r108 Retention): that fold now comes before the quiz that asks for it
}


LABEL = {"identity": "No bend (output = the sum)"}   # plain words for the identity "bend"


def _label(name):
    return LABEL.get(name) or activations.get(name).label


def _line_reason(d):
    """A line's reason: the card's, or LINE_REASON's with its model names filled in from the deployments table."""
    if d.role not in LINE_REASON:
        return d.reason
    f = facts()
    return LINE_REASON[d.role].format(gelu=f["gelu_models"][0], swiglu=f["swiglu_models"][0])


@lru_cache(maxsize=None)
def lines():
    """The seven lines to memorise, built from the decisions they stand for."""
    out = []
    for roles in LINES_SPEC:
        ds = [decision(r) for r in roles]
        if len(ds) == 1:
            d = ds[0]
            note = LINE_NOTE.get(d.role, "").format(relu_list=_join(facts()["relu_models"]))
            out.append(Line(LINE_WHEN.get(d.role, d.where), SAY.get(d.role, _label(d.pick)), _line_reason(d), d.evidence,
                            roles, EXAMPLE[d.role], note))
        else:  # the recurrent line: gates and new content
            out.append(Line("Inside an LSTM or GRU", f"{ds[0].pick} gates, {ds[1].pick} for new content", " ".join(d.reason for d in ds),
                            tuple(e for d in ds for e in d.evidence), roles, EXAMPLE[ds[0].role]))
    return tuple(out)


DEEP_FIX = ("The usual fix is not a bend. Add **shortcuts**: a layer's input is added to its output, so the nudge can "
            "skip the layer. Add **normalisation layers**: they rescale each layer's outputs to a steady size.")
# pass 33-40: each fix said in plain words where it is named (glossary terms). Pass 90 (r91 Clarity: one bullet
# brought in shortcuts, normalisation and SELU at once): SELU is dropped here; chapter 04 teaches it


def beyond_rows():
    """(case, what to do) for the cases the seven lines leave out: the fold under "Beyond the list" in notebook 06,
    before its quiz (p106). Pass 61 (r55 Focus 3 and Clarity 3): the 10-row table repeated the list and packed four new terms into one cell; what it added
    is these four cases, each term in bold with its plain words, one short sentence at a time. The second choices and
    bends to avoid of the list's own places stay on the picker's card."""
    dead, several, number = decision("dying_units"), decision("multiclass_output"), decision("regression_output")
    if (dead.runner_up, several.runner_up, number.runner_up) != ("prelu", "sigmoid", "softplus"):
        raise ValueError("the words name PReLU, one sigmoid per label and Softplus; decisions() says otherwise")
    return (
        ("A very deep plain network learns badly, even with ReLU?", DEEP_FIX),
        ("Many dead units, and you want training to set the leak?",
         f"Try **{_label('prelu')}**: a Leaky ReLU whose leak is learned in training."),
        # r114 (Focus: several labels at once was said twice): the picker's third Predict (notebook 06) says it once
        ("A number that must stay above 0, such as a price?",
         f"Try **{_label('softplus')}**: {SOFTPLUS_PLAIN}, always above 0."),
    )


ROLES = tuple(d.role for d in decisions())


def decision(role):
    """The Decision for a role key (see ROLES); an unknown role lists the valid ones."""
    for d in decisions():
        if d.role == role:
            return d
    raise KeyError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")


def recommend(role):
    """The registry name of the recommended bend for a role."""
    return decision(role).pick


def check_pick(role, name):
    """(points, message) for a pick: 1 for the rule's bend, 0.5 for the runner-up, 0 otherwise, with the reason."""
    d = decision(role)
    try:
        picked = activations.canonical(name)
    except activations.UnknownActivation:
        return 0.0, f"{name!r} is not a bend the course knows; valid names: {', '.join(activations.names())}."
    if picked == d.pick or picked in d.also_right:
        return 1.0, f"Right: {_label(picked)}. {d.reason}"
    if picked == d.runner_up and d.other_task:   # pass 82 (r80): a bend for another question earns nothing here
        return 0.0, (f"{_label(d.runner_up)} answers a different task, when {d.prefer_runner_up_when} "
                     f"Here, pick {_label(d.pick)}. {d.reason}")
    if picked == d.runner_up:
        return 0.5, (f"{_label(d.runner_up)} is the second choice: prefer it when {d.prefer_runner_up_when} "
                     f"The first choice is {_label(d.pick)}. {d.reason}")
    if picked == d.avoid:
        return 0.0, f"Not {_label(d.avoid)} here: {d.avoid_because} Pick {_label(d.pick)}. {d.reason}"
    where = d.where[0].lower() + d.where[1:]   # "gates inside an LSTM or GRU", not "... lstm or gru"
    return 0.0, f"Not the usual choice for: {where}. Pick {_label(d.pick)}. {d.reason}"


@dataclass(frozen=True)
class Option:
    """One answer to the recall question: a registry bend, whether it is right, and what it teaches."""

    name: str
    right: bool
    feedback: str
    more: str = ""   # pass 66 (r61 Clarity 1): side detail, shown in a "More" fold under the feedback


@dataclass(frozen=True)
class Recall:
    prompt: str
    options: tuple


RACE_RUNS = "five"   # chapter 05 races every bend from five seeds (tests check its words and its race)
RACE_SECTION = "Five starts per bend"   # pass 73 (r70 Correctness): where chapter 05 shows those runs (tested)
RECALL_LAYERS = 20   # the recall question's network depth (its feedback says "twenty layers" and "20 times")


@lru_cache(maxsize=None)
def recall():
    """The chapter's recall question; each wrong option names the misconception behind it, with computed numbers."""
    f = facts()
    tanh_1 = float(activations.get("tanh").derivative(1.0))
    return Recall(
        f"A plain network of {RECALL_LAYERS} layers uses sigmoid in every hidden layer. It learns slowly: its first "
        "layers barely change. Which bend should its hidden layers use?",
        (
            Option("sigmoid", False, "A common wrong answer: \"keep sigmoid, a smooth S is safer.\" In fact, sigmoid is "
                   f"the cause. Its slope is at most {f['sigmoid_peak']:g}. Over twenty layers, the bends alone pass on at "
                   f"most {f['sigmoid_peak']:g} multiplied 20 times: {one_in(f['sigmoid_peak'] ** 20)} of the nudge (the "
                   "weights multiply in too). That is why the first layers barely learn."),
            Option("tanh", False, "A common wrong answer: \"tanh, it passes the whole nudge, like ReLU on the slopes "
                   f"picture.\" In fact, tanh's slope is 1 only at a sum of exactly 0. Take a sum of 1 as an example: there it is "
                   f"{tanh_1:.2f}. If most units' sums sit near 1, the bends of twenty layers alone pass on "
                   f"{one_in(tanh_1 ** 20)}. ReLU's slope is "
                   "1 for every sum above 0, not at one point only."),
            # pass 62 (r56): "much better" said by its evidence (chapter 05's race), and the starting weights in plain words
            # pass 63 (r58 Correctness 1): "never" and "every run" scoped to that one race and its five runs
            # pass 65 (r60 Clarity 1): bigger than what, and why: chapter 03's √2 and the shrinking signal it fixes
            # pass 66 (r61 Clarity 1, Correctness 2-3): the box keeps the slope-1 reason; the race (how deep it was)
            # and the starting weights (bigger than what) move to the "More" fold
            # pass 67 (r62 Clarity 1-2): "its plain size" had no clear "its": the two sizes said as numbers
            # pass 68 (r63 Clarity): √(2/n) was a formula with no words: said as √2 times chapter 03's plain size
            Option("relu", True, f"For sums above 0 ReLU's slope is {f['relu_slope']:g}. So each unit whose sum is above 0 "
                   "passes the whole nudge back, layer after layer. A unit whose sum is below 0 passes nothing. "
                   "If many units die, try Leaky ReLU."),
            # pass 75 (r72 Focus: the "More" fold brought in chapter 05's race): the race's result moved to the
            # chapter's "Beyond the list" (RACE_SECTION and RACE_RUNS say it there, tested)
            Option("softmax", False, "A common wrong answer: \"softmax, it keeps every layer's numbers small.\" In fact, "
                   "softmax belongs at the output. It turns a whole layer's sums into shares that add up to 1, "
                   "so it is not a bend for each unit."),
        ),
    )


@lru_cache(maxsize=None)
def recall_output():
    """The chapter's second question: the output bend for one class out of many, with computed shares. Pass 61: the
    output units' numbers are "sums", the chapter's one word for them (list line 6), not "scores"."""
    scores = np.array([2.0, 1.0, 0.1])
    shares = np.asarray(activations.get("softmax")(scores), dtype=float)
    sig = np.asarray(activations.get("sigmoid")(scores), dtype=float)
    return Recall(
        "A network sorts photos into 3 kinds: cat, dog or bird. Each photo shows exactly one. "
        "Which bend goes at its output?",
        (
            Option("sigmoid", False, "A common wrong answer: \"sigmoid gives chances, so one per kind.\" In fact, "
                   f"each sigmoid works alone. Output sums (2, 1, 0.1) give {', '.join(f'{v:.3f}' for v in sig)}: "
                   f"they add up to {sum(round(v, 3) for v in sig):.3f}, not 1. Each photo shows one kind, so its chances must add up to 1. Use one sigmoid per kind "
                   "only when a photo may show several kinds at once."),
            Option("softmax", True, f"Softmax makes the three output sums (2, 1, 0.1) into shares "
                   f"{', '.join(f'{v:.2f}' for v in shares)}. They add up to {shares.sum():g}: one chance per kind."),
            Option("relu", False, "A common wrong answer: \"ReLU is the default bend.\" In fact, that rule is for "
                   "hidden layers. At the output ReLU gives numbers from 0 upward, not chances that add up to 1."),
            Option("identity", False, "A common wrong answer: \"no bend keeps the sums honest.\" In fact, raw sums "
                   "can be any size, even below 0. They are not chances. No bend is for predicting a number."),
        ),
    )
