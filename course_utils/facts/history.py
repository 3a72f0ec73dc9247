"""The history of the bend: dated events, each with its primary source (the timeline of notebook 00).

Events about a bend read their year and citation from that bend's `origin` in activations.py, so a
date is typed once. The others (the vanishing-gradient problem, layer-by-layer pre-training, AlexNet) carry
their own citation.
"""

import re
from dataclasses import dataclass

from course_utils.facts import activations, deployments


@dataclass(frozen=True, kw_only=True)
class Event:
    """One step in the story: when, what (a few words for the picture), and the source that dates it."""

    year: int
    label: str      # short, for the timeline picture
    era: str        # one of ERAS
    citation: str   # the primary source: authors, year, title
    activation: str = ""  # the registry name, when the year comes from that bend's origin


# The three eras of the story, in order: (name, first year, last year as the usual bend). A last year of TODAY means
# the bend is still in wide use: ReLU did not end when the smooth bends came; they joined it, in one family of networks.
# ReLU's era starts in 2011, when it was shown to train deep networks (Glorot et al., the year the chapter names);
# Nair & Hinton's 2010 paper, on shallow Boltzmann machines, came while S-curves were still the usual bend.
# The smooth band is the transformers' (its name says so): GELU was proposed in 2016 (its origin), and became their
# usual bend in 2018, when the first GPT and BERT used it (their rows in deployments.py). The first transformer
# (2017, FIRST_TRANSFORMER) used ReLU, so transformers did not start with GELU, and not every later one took it
# (deployments.RELU_LANGUAGE_MODELS: T5, OPT); ReLU stays common elsewhere: hence "many transformers".
TODAY = 2026
TRANSFORMERS_WITH_GELU = ("GPT", "BERT")


def gelu_adoption_year(records):
    """The year the given deployment records (one per model) all used GELU; a ValueError if they are not one year's
    GELU models (so a changed record cannot move the timeline's band silently)."""
    if not {d.registry for d in records} <= {"gelu", "gelu_tanh"} or len({d.year for d in records}) != 1:
        raise ValueError(f"the first transformers with GELU are not one year's GELU models: {records}")
    return records[0].year


_FIRST = [next(d for d in deployments.DEPLOYMENTS if d.model == m) for m in TRANSFORMERS_WITH_GELU]
GELU_IN_TRANSFORMERS = gelu_adoption_year(_FIRST)
# The original Transformer's feed-forward bend (Vaswani et al. 2017): its deployments row, read, not retyped.
FIRST_TRANSFORMER = next(d for d in deployments.DEPLOYMENTS
                         if d.model == "Transformer (original)" and "feed-forward" in d.where)

# What an era's bends still do after it ends (the timeline fades the band on to today with these words). Sigmoid
# and tanh left the hidden layers of deep networks, not the field: see their typical_use in activations.py
# (a yes/no output; the gates and the candidate of LSTM and GRU cells) and decisions.py's output and gate rules.
# The words name one use, the output, which chapter 00 has explained; gates wait for chapters 04 and 06.
STILL_USED = {"squash": "still used, for example for outputs"}

# Before the S-curves: the perceptron's unit was a hard on/off step (the chapter's "from the late 1950s").
STEP_UNITS = (1958, "Rosenblatt 1958, 'The Perceptron: A Probabilistic Model for Information Storage and "
                    "Organization in the Brain', Psychological Review 65(6):386-408")

# Besides pre-training and ReLU, what ended the stall (the chapter's one hedging sentence), each with its source.
# AlexNet's paper names the first two ("our results can be improved simply by waiting for faster GPUs and bigger
# datasets"; 1.2 million labelled training images); Glorot & Bengio showed how the size of the random starting
# weights decides whether a deep network's signals fade (hence "better-sized": weights start random, as the text says).
ALSO_HELPED = {
    "faster computers": ("Krizhevsky, Sutskever & Hinton 2012, 'ImageNet Classification with Deep Convolutional "
                         "Neural Networks', NeurIPS 25 (trained on two GPUs)"),
    "far more data": ("Krizhevsky, Sutskever & Hinton 2012, 'ImageNet Classification with Deep Convolutional "
                      "Neural Networks', NeurIPS 25 (1.2 million labelled training images)"),
    "better-sized random starting weights": ("Glorot & Bengio 2010, 'Understanding the Difficulty of Training Deep Feedforward "
                                "Neural Networks', Proceedings of AISTATS 2010, PMLR 9:249-256"),
}


def from_origin(name, authors):
    """(year, citation) of a bend, read from the `origin` of its registry record where `authors` are named."""
    origin = activations.get(name).origin
    found = re.search(rf"{re.escape(authors)},? (\d{{4}})(?:, '([^']+)')?", origin)
    if found is None:
        raise ValueError(f"{authors!r} with a year is not in the origin of {name!r}: {origin!r}")
    year, title = int(found.group(1)), found.group(2)
    return year, f"{authors} {year}" + (f", '{title}'" if title else "")


ERAS = {
    # From the year backpropagation with sigmoid units became widely known (its origin; the first event below).
    "squash": ("S-curves: sigmoid and tanh", from_origin("sigmoid", "Rumelhart, Hinton & Williams")[0], 2011),
    "relu": ("ReLU, still in wide use", 2011, TODAY),
    "smooth": ("GELU: many transformers", GELU_IN_TRANSFORMERS, TODAY),
}


def _bend(name, authors, label, era):
    year, citation = from_origin(name, authors)
    return Event(year=year, label=label, era=era, citation=citation, activation=name)


EVENTS = [
    _bend("sigmoid", "Rumelhart, Hinton & Williams", "backpropagation\nbecomes widely known", "squash"),
    # Both analyses studied recurrent networks: deep in time, each step one more layer (the chapter's fold says so),
    # so the label names them and does not claim more.
    Event(year=1991, label="fading signal explained\n(recurrent nets)", era="squash",
          citation=("Hochreiter 1991, 'Untersuchungen zu dynamischen neuronalen Netzen' (diploma thesis, "
                    "TU Munich); Bengio, Simard & Frasconi 1994, 'Learning Long-Term Dependencies with "
                    "Gradient Descent is Difficult', IEEE Transactions on Neural Networks 5(2)")),
    _bend("tanh", "LeCun et al.", "tanh recommended\n(balanced around 0)", "squash"),
    # Before ReLU, deep nets of S-curve units trained well when pre-trained one layer at a time: the stall
    # starts to fade here (the timeline draws it fading from this year to ReLU's).
    Event(year=2006, label="layer-by-layer\npre-training", era="squash",
          citation=("Hinton, Osindero & Teh 2006, 'A Fast Learning Algorithm for Deep Belief Nets', Neural "
                    "Computation 18(7):1527-1554")),
    # ReLU's shape is older (Fukushima 1969). Nair & Hinton 2010 showed rectified units help restricted
    # Boltzmann machines, while S-curves were still the usual bend (so its era is theirs); Glorot, Bordes & Bengio
    # 2011 showed they help deep networks train, which starts ReLU's era; AlexNet 2012 made ReLU widespread.
    _bend("relu", "Nair & Hinton", "ReLU helps a network\nlearn (Nair & Hinton)", "squash"),
    Event(year=2011, label="ReLU helps deep nets\n(Glorot et al.)", era="relu",
          citation=("Glorot, Bordes & Bengio 2011, 'Deep Sparse Rectifier Neural Networks', Proceedings of "
                    "AISTATS 2011, PMLR 15:315-323")),
    Event(year=2012, label="AlexNet wins ImageNet:\nReLU spreads widely", era="relu",
          citation=("Krizhevsky, Sutskever & Hinton 2012, 'ImageNet Classification with Deep "
                    "Convolutional Neural Networks', NeurIPS 25")),
    _bend("gelu", "Hendrycks & Gimpel", "GELU", "smooth"),
    _bend("silu", "Ramachandran, Zoph & Le", "Swish", "smooth"),
    # The first transformer kept ReLU (its era); GPT and BERT brought GELU a year later.
    Event(year=FIRST_TRANSFORMER.year, label="the first transformer\nuses ReLU", era=FIRST_TRANSFORMER.registry,
          citation=FIRST_TRANSFORMER.citation),
    Event(year=GELU_IN_TRANSFORMERS, label="GPT and BERT\nadopt GELU", era="smooth",
          citation="; ".join(d.citation for d in _FIRST)),
    _bend("swiglu", "Shazeer", "SwiGLU", "smooth"),
]

# Where an era's bend was proposed before it became usual (the timeline fades its band in from that year): GELU's.
PROPOSED = {"smooth": next(e.year for e in EVENTS if e.activation == "gelu")}
