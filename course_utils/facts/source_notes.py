"""What the two source documents claim where they are wrong, misleading, unsupported or worth confirming.

The chapters state the right facts and never mention the sources; the appendix notebook
(notebooks/90_notes_on_the_sources.ipynb) shows each note here next to a value a cell computes.
The claims are the sources' figures, typed here once, so that the appendix can compute against them.
"""

from dataclasses import dataclass, field

DOCUMENTS = {
    "eli5": ('"02. Activation functions — the bend that saves the rule pile"',
             "a chapter of an ELI5 course on neural networks: pictures, three worked collapse proofs, "
             "the four bends, a gradient table, a decision list"),
    "blog": ('"Activation Functions from Scratch: Why Every Neuron Needs a Plot Twist"',
             "a blog post with NumPy code: XOR with and without a bend, vanishing gradients, the ReLU family, "
             "smooth bends, a training race on a spiral, a short decision guide"),
}
VERDICTS = {"wrong": "✗ wrong", "misleading": "≈ misleading", "unsupported": "? unsupported", "right": "✓ right"}


@dataclass(frozen=True)
class SourceNote:
    """One claim of a source document, where the course teaches the right fact, and the source's own figures."""

    id: str
    documents: tuple
    section: str
    claim: str
    verdict: str
    chapter: str
    claimed: dict = field(default_factory=dict)
    evidence: tuple = ()   # primary sources for a claim that no cell can compute: (title, link)


NOTES = (
    SourceNote(id="collapse_attempts", documents=("eli5",), section="the three worked collapse attempts",
               claim="two layers collapse to W = 8, b = 13 (y = 53 at x = 5), then to W = −21, b = 1.5 "
                     "(y = −19.5 at x = 1); three layers to W = −1, b = −2.5 (y = −6.5 at x = 4)",
               verdict="right", chapter="01_collapse_proof",
               claimed={"attempts": (((2, 4), (3, 1), 5, (8, 13, 53)),
                                     ((-3, 7), (0.5, -2), 1, (-21, 1.5, -19.5)),
                                     ((2, -1, 0.5), (0, 1, -3), 4, (-1, -2.5, -6.5)))}),
    SourceNote(id="worked_values", documents=("eli5",), section="worked values of ReLU, sigmoid and tanh",
               claim="ReLU(−2) = 0, ReLU(0.3) = 0.3, ReLU(7) = 7; σ(−4) ≈ 0.018, σ(2) ≈ 0.88, σ(5) ≈ 0.993; "
                     "tanh(−2) ≈ −0.964, tanh(1) ≈ 0.762, tanh(3) ≈ 0.995",
               verdict="right", chapter="02_four_bends",
               claimed={"relu": ((-2, "0"), (-0.01, "0"), (0, "0"), (0.3, "0.3"), (7, "7")),
                        "sigmoid": ((-4, "0.018"), (-1, "0.27"), (0, "0.5"), (2, "0.88"), (5, "0.993")),
                        "tanh": ((-2, "-0.964"), (0, "0"), (1, "0.762"), (3, "0.995"))}),
    SourceNote(id="gelu_worked_values", documents=("eli5",), section="GELU's worked values",
               claim="GELU(−2) ≈ −0.045 and GELU(2) ≈ 1.955", verdict="misleading", chapter="02_four_bends",
               claimed={"gelu": ((-2, "-0.045"), (-0.5, "-0.154"), (0, "0"), (0.5, "0.346"), (2, "1.955"))}),
    SourceNote(id="gelu_is_approximately", documents=("eli5",), section="GELU's formula",
               claim="GELU(x) ≈ x·Φ(x), written with an approximately-equal sign",
               verdict="misleading", chapter="02_four_bends"),
    SourceNote(id="tanh_just_shifted", documents=("eli5",), section="tanh",
               claim="tanh is the same S shape as sigmoid, just shifted", verdict="misleading",
               chapter="02_four_bends"),
    SourceNote(id="pytorch_gelu_default", documents=("blog",), section="GELU code",
               claim="the tanh approximation is the fast version used in practice, e.g. in PyTorch",
               verdict="misleading", chapter="02_four_bends",
               evidence=(("PyTorch documentation, torch.nn.GELU (approximate: 'none' by default)",
                          "https://pytorch.org/docs/stable/generated/torch.nn.GELU.html"),)),
    SourceNote(id="gelu_slope_table", documents=("eli5",), section="the gradient table",
               claim="GELU's slope is about 0.999 at +3 and about 0.0036 at −3; sigmoid ≈ 0.045, tanh ≈ 0.0099, "
                     "ReLU 1.0 and 0 at ±3",
               verdict="wrong", chapter="03_gradient_table",
               claimed={"slopes": {"sigmoid": ("0.045", "0.045"), "tanh": ("0.0099", "0.0099"),
                                   "relu": ("1.0", "0"), "gelu": ("0.999", "0.0036")}}),
    SourceNote(id="sigmoid_chain_ten", documents=("eli5",), section="why ReLU does not kill depth",
               claim="ten sigmoid layers at slope 0.25 pass on 0.25¹⁰ ≈ 0.0000001 of the nudge",
               verdict="wrong", chapter="03_gradient_table", claimed={"value": 1e-7}),
    SourceNote(id="tanh_chain_042", documents=("blog",), section="watching gradients vanish",
               claim="tanh at slope 0.42 through 10 layers leaves 1.73e-04", verdict="wrong",
               chapter="03_gradient_table", claimed={"slope": 0.42, "value": 1.73e-4}),
    SourceNote(id="dying_relu_share", documents=("blog",), section="dying ReLU",
               claim="in practice 10–40% of the neurons in a ReLU network can die during training",
               verdict="unsupported", chapter="03_gradient_table", claimed={"low": 0.10, "high": 0.40}),
    SourceNote(id="leaky_relu_zero_centred", documents=("blog",), section="the zoo table",
               claim="Leaky ReLU is roughly zero-centred ('~Yes')", verdict="misleading",
               chapter="04_activation_zoo"),
    SourceNote(id="smooth_at_three", documents=("blog",), section="the smooth family",
               claim="at x = 3.0, GELU, SiLU and Mish are all about 2.996", verdict="wrong",
               chapter="04_activation_zoo", claimed={"value": 2.996}),
    SourceNote(id="mish_at_minus_half", documents=("blog",), section="the smooth family",
               claim="Mish(−0.5) = −0.1894", verdict="wrong", chapter="04_activation_zoo",
               claimed={"value": -0.1894}),
    SourceNote(id="zoo_ranges", documents=("blog",), section="the zoo table",
               claim="ranges: GELU (≈−0.17, ∞), SiLU (≈−0.28, ∞), Mish (≈−0.31, ∞), SELU (−λα, ∞), ELU [−α, ∞)",
               verdict="misleading", chapter="04_activation_zoo"),
    SourceNote(id="gelu_in_llms", documents=("eli5",), section="where each bend ships",
               claim="GELU in LLaMA and GPT feed-forward blocks; every transformer FFN layer in modern LLMs uses GELU",
               verdict="wrong", chapter="04_activation_zoo"),
    SourceNote(id="swiglu_in_gemma", documents=("eli5",), section="SwiGLU",
               claim="LLaMA, Gemma and Mistral use SwiGLU", verdict="misleading", chapter="04_activation_zoo"),
    SourceNote(id="tanh_in_lstm_gates", documents=("eli5",), section="where each bend ships",
               claim="tanh in LSTM and GRU gates and cell states", verdict="wrong", chapter="04_activation_zoo"),
    SourceNote(id="deployments_confirmed", documents=("eli5", "blog"), section="where each bend ships",
               claim="ReLU in ResNet, Swish in EfficientNet, softmax in attention, Mish in YOLOv4's backbone",
               verdict="right", chapter="04_activation_zoo"),
    SourceNote(id="race_table", documents=("blog",), section="the training race",
               claim="final losses from ~0.68 (sigmoid) down to ~0.04 (GELU, SiLU); every bend but sigmoid "
                     "converges between epoch 200 and 600; GELU is fastest",
               verdict="wrong", chapter="05_training_race",
               claimed={"table": {"sigmoid": (0.68, None), "tanh": (0.35, 600), "relu": (0.08, 300),
                                  "leaky_relu": (0.06, 250), "elu": (0.05, 250), "gelu_tanh": (0.04, 200),
                                  "silu": (0.04, 200), "mish": (0.04, 220)}}),
    SourceNote(id="gelu_edge_compounds", documents=("blog",), section="the training race",
               claim="GELU's small edge over ReLU compounds across thousands of layers and training steps in "
                     "large models", verdict="unsupported", chapter="05_training_race",
               evidence=(("Brown et al. 2020, Language Models are Few-Shot Learners, Table 2.1: GPT-3 175B has 96 layers",
                          "https://arxiv.org/abs/2005.14165"),
                         ("Chowdhery et al. 2022, PaLM: Scaling Language Modeling with Pathways, Table 1: "
                          "PaLM 540B has 118 layers", "https://arxiv.org/abs/2204.02311"))),
    SourceNote(id="relu_eighty_percent", documents=("eli5",), section="the decision list",
               claim="ReLU first for hidden layers of deep feed-forward and vision nets: the default for ~80% of cases",
               verdict="unsupported", chapter="06_decision_list"),
    SourceNote(id="gelu_every_llm", documents=("eli5", "blog"), section="the short version",
               claim="transformer FFN: GELU; use GELU or SiLU for transformer models, they are in every modern LLM",
               verdict="misleading", chapter="06_decision_list"),
)


def agrees_to_its_digits(value, written):
    """True if value rounds to the number as written ("0.018" allows half a unit in the third decimal)."""
    places = len(written.split(".")[1]) if "." in written else 0
    return abs(value - float(written)) <= 0.5 * 10 ** -places + 1e-12


def get(note_id):
    """The note with this id; KeyError names the known ids."""
    for note in NOTES:
        if note.id == note_id:
            return note
    raise KeyError(f"no source note {note_id!r}; known: {', '.join(n.id for n in NOTES)}")
