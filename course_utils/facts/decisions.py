"""The decision list as data: a role in the network -> the bend to pick, why, and the runner-up (06_decision_list).

Reasons quote numbers computed from the registry (facts()), never typed, and each rule links
to the chapter where the learner saw the evidence. The picker widget and the grader of
exercise 06 both read this module.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from course_utils.facts import activations

CH = {  # chapter links, relative to notebooks/ or exercises/
    "01": "../notebooks/01_collapse_proof.ipynb",
    "02": "../notebooks/02_four_bends.ipynb",
    "03": "../notebooks/03_gradient_table.ipynb",
    "04": "../notebooks/04_activation_zoo.ipynb",
    "05": "../notebooks/05_training_race.ipynb",
}


@dataclass(frozen=True)
class Decision:
    """One rule: in this role, pick this bend, for this reason; else the runner-up, when..."""

    role: str
    question: str
    pick: str          # registry name
    reason: str
    runner_up: str     # registry name
    prefer_runner_up_when: str
    evidence: tuple    # ((label, link), ...)
    avoid: str = ""    # a registry name that is a known bad choice here ("" if none)
    avoid_because: str = ""


@lru_cache(maxsize=None)
def facts():
    """The numbers the reasons quote, computed from the registry."""
    g = activations.get
    sig, tanh = g("sigmoid"), g("tanh")
    h = 1.0  # a state pushed through h -> relu(1.1 h) a hundred times, against tanh(1.1 h)
    t = 1.0
    for _ in range(100):
        h, t = float(g("relu")(1.1 * h)), float(tanh(1.1 * t))
    z = 1.7
    return {
        "sigmoid_peak": float(sig.derivative(0.0)),
        "sigmoid_chain10": float(sig.derivative(0.0)) ** 10,
        "relu_slope": float(g("relu").derivative(2.0)),
        "tanh_peak": float(tanh.derivative(0.0)),
        "gelu_min": activations.minimum("gelu")[1],
        "relu_state_100": h,
        "tanh_state_100": t,
        "softmax_2": float(np.asarray(g("softmax")(np.array([z, 0.0])))[0]),
        "sigmoid_z": float(sig(z)),
        "z": z,
        "leaky_slope": g("leaky_relu").params["alpha"].default,
        "selu_low": g("selu").output_range[0],
    }


@lru_cache(maxsize=None)
def decisions():
    """The decision list, top to bottom, with reasons filled in from facts()."""
    f = facts()
    return (
        Decision(
            "hidden_cnn_mlp", "Hidden layers of a convolutional net or a plain MLP", "relu",
            f"On its active side ReLU's slope is exactly {f['relu_slope']:g}, so a chain of layers does not shrink "
            "the gradient; it costs one comparison per unit.",
            "leaky_relu",
            f"many units are dead (always 0, slope 0: measure the share as in chapter 05); a leak of "
            f"{f['leaky_slope']:g} keeps a slope on the negative side.",
            (("the gradient table and the chain product", CH["03"]), ("the training race, dead units", CH["05"])),
            "sigmoid",
            f"its slope is at most {f['sigmoid_peak']:g}, so ten layers multiply the gradient by at most "
            f"{f['sigmoid_chain10']:.2e}.",
        ),
        Decision(
            "transformer_ffn", "The feed-forward block of a transformer", "swiglu",
            "A gated unit: one path decides how much of the other gets through. PaLM, LLaMA and Mistral use "
            "SwiGLU, Gemma its GELU-gated sibling GeGLU (see the table of real models in chapter 04).",
            "gelu",
            "you build a plain two-matrix block or must match a model that used it (GPT-2, BERT, ViT). GELU "
            f"is smooth and dips only to {f['gelu_min']:.3f}.",
            (("the SwiGLU gate", CH["02"]), ("where each bend ships", CH["04"] + "#Where-each-bend-ships")),
        ),
        Decision(
            "deep_mlp_no_norm", "A deep fully connected net without normalisation layers", "selu",
            "With LeCun-normal weights SELU pulls the mean of the activations back to 0 and their variance back "
            "to 1, layer after layer.",
            "relu",
            "you add batch or layer normalisation anyway; then ReLU with He init is the simpler choice.",
            (("SELU keeps the signal steady", CH["04"] + "#SELU-keeps-the-signal-steady"),),
        ),
        Decision(
            "recurrent_state", "The state update inside a recurrent cell (LSTM, GRU)", "tanh",
            f"Bounded in (-1, 1) and zero-centred: applied a hundred times, tanh(1.1 h) stays at "
            f"{f['tanh_state_100']:.3f}, while relu(1.1 h) grows to {f['relu_state_100']:.3g}.",
            "relu",
            "sequences are short and you clip the state or the gradients; otherwise the state can blow up.",
            (("the gradient table", CH["03"]), ("where each bend ships", CH["04"] + "#Where-each-bend-ships")),
        ),
        Decision(
            "gate", "A gate: a 0-to-1 dimmer on another signal (LSTM and GRU gates)", "sigmoid",
            "Its output is a share between 0 and 1, so multiplying by it lets a fraction of the signal through.",
            "silu",
            "the gate and the signal are the same path: SiLU is x times its own sigmoid gate (the gate inside SwiGLU).",
            (("the SwiGLU gate", CH["02"]), ("where each bend ships", CH["04"] + "#Where-each-bend-ships")),
        ),
        Decision(
            "binary_output", "The output of a yes/no classifier", "sigmoid",
            "It turns one score into a probability in (0, 1); train it on the logit with a stable cross-entropy.",
            "softmax",
            f"your code already handles many classes: softmax of the scores ({f['z']:g}, 0) gives "
            f"{f['softmax_2']:.4f}, the same as sigmoid({f['z']:g}) = {f['sigmoid_z']:.4f}.",
            (("sigmoid, one of the four bends", CH["02"]), ("softmax and the max trick", CH["04"] + "#Softmax-turns-scores-into-shares")),
        ),
        Decision(
            "multiclass_output", "The output of a classifier with one label out of many", "softmax",
            "It turns a vector of scores into shares that are positive and sum to 1.",
            "sigmoid",
            "an example can carry several labels at once (multi-label): one sigmoid per class.",
            (("softmax and the max trick", CH["04"] + "#Softmax-turns-scores-into-shares"),),
        ),
        Decision(
            "regression_output", "The output of a regression (any real number)", "identity",
            "No bend: the last layer may output any value, and the hidden bends already made the curve.",
            "softplus",
            "the target must be positive (a price, a variance): softplus is a smooth ReLU that never reaches 0.",
            (("the collapse proof: where the bend must go", CH["01"]), ("softplus", CH["04"] + "#Softplus-is-a-smooth-ReLU")),
        ),
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
    """(points, message) for a learner's pick: 1 for the recommendation, 0.5 for the runner-up, 0 otherwise."""
    d = decision(role)
    label = lambda n: activations.get(n).label  # noqa: E731
    try:
        picked = activations.canonical(name)
    except activations.UnknownActivation:
        return 0.0, f"{name!r} is not a bend the course knows; valid names: {', '.join(activations.names())}."
    if picked == d.pick:
        return 1.0, f"Right: {label(d.pick)}. {d.reason}"
    if picked == d.runner_up:
        return 0.5, (f"{label(d.runner_up)} is the runner-up: prefer it when {d.prefer_runner_up_when} "
                     f"The first choice is {label(d.pick)}: {d.reason}")
    if picked == d.avoid:
        return 0.0, f"Not {label(d.avoid)} here: {d.avoid_because} Pick {label(d.pick)}: {d.reason}"
    return 0.0, f"Not the usual choice for {d.question.lower()}. Pick {label(d.pick)}: {d.reason}"
