"""Where each bend ships in real models, with the paper or official code that says so (04_activation_zoo).

Every row was checked against its citation (the paper's section, or the official code named in
`checked`). Notebook 04 shows model, year, bend and place; the appendix (notes on the sources)
compares the source documents' own list with these rows. COMPARISONS holds the studies that swapped
one bend for others inside one model and measured the result, and RELU_LANGUAGE_MODELS the language models
that kept ReLU (chapter 06 cites both).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Deployment:
    """One model and the bend it uses in one place."""

    model: str
    year: int
    bend: str        # what the model uses, in words (may be a gated unit the registry builds from parts)
    registry: str    # the closest registry record, so a notebook can draw the curve
    where: str
    citation: str
    checked: str     # what we read to confirm the row
    shown_as: str = ""   # the model's name in chapter 04's table, with what it does in a few words where the chapter
    #                      does not say it, or where one name covers two forms (LSTM)
    part: str = ""       # a short name for `where`, in chapter 04's table, where a model uses two bends
    in_chapter: bool = True   # False: kept as a source for the appendix, not a row of chapter 04's table
    # A gated block has three weight tables, not two: the paper narrows its hidden layer by this factor to keep the
    # weight count (LLaMA, section 2.2: "a dimension of 2/3 4d instead of 4d as in PaLM"); 0 = not narrowed or not said
    narrowed: float = 0.0


# r38: "Transformer" was never said in words where chapter 04's table first names it
TRANSFORMER_SHOWN_AS = "Transformer (original): the design behind today's language models"

DEPLOYMENTS = (
    Deployment("AlexNet", 2012, "ReLU", "relu", "after every convolution and hidden fully connected layer",
               "Krizhevsky, Sutskever & Hinton 2012, 'ImageNet Classification with Deep Convolutional Neural "
               "Networks', section 3.1", "paper, section 3.1 'ReLU Nonlinearity'",
               shown_as="AlexNet (sorts images)"),
    Deployment("ResNet", 2015, "ReLU", "relu", "between the convolutions of each residual block, and after each residual addition",
               "He, Zhang, Ren & Sun 2015, 'Deep Residual Learning for Image Recognition', arXiv:1512.03385, "
               "section 3.2 and Fig. 2", "paper, section 3.2 (sigma denotes ReLU; the second nonlinearity after the addition)",
               shown_as="ResNet (sorts images, very deep)"),
    Deployment("Transformer (original)", 2017, "ReLU", "relu",
               "feed-forward block: FFN(x) = max(0, xW1 + b1) W2 + b2",
               "Vaswani et al. 2017, 'Attention Is All You Need', arXiv:1706.03762, section 3.3, eq. (2)",
               "paper, eq. (2)", part="feed-forward block",
               shown_as=TRANSFORMER_SHOWN_AS),
    Deployment("Transformer (original)", 2017, "softmax", "softmax",
               "attention weights: softmax over the keys of QK^T / sqrt(d_k)",
               "Vaswani et al. 2017, 'Attention Is All You Need', arXiv:1706.03762, section 3.2.1, eq. (1)",
               "paper, eq. (1)", part="attention",
               shown_as=TRANSFORMER_SHOWN_AS),
    Deployment("Self-normalizing networks", 2017, "SELU", "selu",
               "every hidden layer of deep fully connected nets, with LeCun-normal init",
               "Klambauer, Unterthiner, Mayr & Hochreiter 2017, 'Self-Normalizing Neural Networks', arXiv:1706.02515",
               "paper, section 2", shown_as="Self-normalizing networks (the test networks of SELU's own paper)"),
    Deployment("GPT", 2018, "GELU, tanh approximation", "gelu_tanh", "feed-forward blocks",
               "Radford, Narasimhan, Salimans & Sutskever 2018, 'Improving Language Understanding by "
               "Generative Pre-Training', section 4.1; official code openai/finetune-transformer-lm, train.py, "
               "function gelu", "paper, section 4.1 'Model specifications' (GELU); openai/finetune-transformer-lm "
               "train.py: gelu(x) = 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3))), the default afn",
               shown_as="GPT (writes text)"),
    Deployment("BERT", 2018, "GELU, tanh approximation", "gelu_tanh", "feed-forward blocks ('gelu rather than the standard relu')",
               "Devlin, Chang, Lee & Toutanova 2018, 'BERT', arXiv:1810.04805, appendix A.2",
               "paper, appendix A.2 (GELU); official code google-research/bert modeling.py, function gelu: "
               "the tanh form 0.5x(1 + tanh(...))",
               shown_as="BERT (reads text)"),
    Deployment("GPT-2", 2019, "GELU, tanh approximation", "gelu_tanh", "feed-forward blocks",
               "Radford et al. 2019, 'Language Models are Unsupervised Multitask Learners'; official code "
               "openai/gpt-2, src/model.py, function gelu", "openai/gpt-2 src/model.py: 0.5x(1 + tanh(...))",
               shown_as="GPT-2 (writes text)"),
    Deployment("EfficientNet", 2019, "Swish (SiLU)", "silu", "the activation of the whole convolutional network",
               "Tan & Le 2019, 'EfficientNet: Rethinking Model Scaling for CNNs', arXiv:1905.11946, section 5.2",
               "paper, section 5.2: 'We also use SiLU (Swish-1) activation'", shown_as="EfficientNet (sorts images)"),
    Deployment("YOLOv4", 2020, "Mish", "mish", "the CSPDarknet53 backbone",
               "Bochkovskiy, Wang & Liao 2020, 'YOLOv4: Optimal Speed and Accuracy of Object Detection', "
               "arXiv:2004.10934, section 3.4", "paper, section 3.4; official code AlexeyAB/darknet cfg/yolov4.cfg: "
               "activation=mish in every backbone layer", part="backbone: the part that picks out shapes and textures",
               shown_as="YOLOv4 (finds objects in photos)"),
    # pass 23: the paper's section 3.4 lists Mish for the detector too, but the released model (the cfg the paper's
    # results come from) uses leaky (slope 0.1) in the SPP, PAN and head layers after the backbone
    Deployment("YOLOv4", 2020, "Leaky ReLU", "leaky_relu", "the neck (SPP, PAN) and the detection head",
               "Bochkovskiy, Wang & Liao 2020, arXiv:2004.10934; official code AlexeyAB/darknet, cfg/yolov4.cfg",
               "official code AlexeyAB/darknet cfg/yolov4.cfg: activation=leaky in every layer after the backbone "
               "(linear only in the last layer before each yolo output)", part="the rest",
               shown_as="YOLOv4 (finds objects in photos)"),
    Deployment("PReLU-net", 2015, "PReLU", "prelu", "after the convolutions of its ImageNet classifiers, leak learned per channel",
               "He, Zhang, Ren & Sun 2015, 'Delving Deep into Rectifiers', arXiv:1502.01852, section 2",
               "paper, section 2.1 (a learned per channel, initialised at 0.25)",
               shown_as="PReLU-net (the image sorter that brought in PReLU)"),
    Deployment("DCGAN", 2015, "Leaky ReLU", "leaky_relu", "every layer of the discriminator",
               "Radford, Metz & Chintala 2015, 'Unsupervised Representation Learning with Deep Convolutional GANs', "
               "arXiv:1511.06434, section 3", "paper, section 3: 'Use LeakyReLU activation in the discriminator for all layers' "
               "(its generator uses ReLU, and tanh at the output)",
               shown_as="DCGAN's discriminator (the half that tells real images from made ones)"),
    Deployment("ViT", 2020, "GELU", "gelu", "the MLP of every encoder block",
               "Dosovitskiy et al. 2020, 'An Image is Worth 16x16 Words', arXiv:2010.11929, section 3.1",
               "paper, section 3.1",
               shown_as="ViT (a Transformer that sorts images)"),
    Deployment("PaLM", 2022, "SwiGLU", "swiglu", "feed-forward blocks",
               "Chowdhery et al. 2022, 'PaLM: Scaling Language Modeling with Pathways', arXiv:2204.02311, "
               "section 2", "paper, section 2 'SwiGLU Activation'",
               shown_as="PaLM (a language model)"),
    Deployment("LLaMA", 2023, "SwiGLU", "swiglu", "feed-forward blocks: w2(silu(w1 x) * w3 x)",
               "Touvron et al. 2023, 'LLaMA: Open and Efficient Foundation Language Models', arXiv:2302.13971, "
               "section 2.2", "paper, section 2.2; meta-llama/llama llama/model.py, FeedForward.forward",
               narrowed=2 / 3,
               shown_as="LLaMA (a language model)"),
    Deployment("Mistral 7B", 2023, "SwiGLU", "swiglu", "feed-forward blocks (config hidden_act 'silu', gate and up projections)",
               "Jiang et al. 2023, 'Mistral 7B', arXiv:2310.06825; official code mistralai/mistral-inference, "
               "src/mistral_inference/transformer_layers.py, FeedForward.forward",
               "official code: w2(silu(w1 x) * w3 x); Hugging Face config of mistralai/Mistral-7B-v0.1: hidden_act 'silu'",
               shown_as="Mistral 7B (a language model)"),
    Deployment("Gemma", 2024, "GeGLU (a GELU gate, tanh approximation)", "gelu_tanh", "feed-forward blocks",
               "Gemma Team 2024, 'Gemma: Open Models Based on Gemini Research and Technology', arXiv:2403.08295, "
               "section 2 'GeGLU Activations'",
               "paper, section 2; google-deepmind/gemma gemma/gm/nn/_modules.py, FeedForward: "
               "nn.gelu(gate[..., 0, :]) * gate[..., 1, :] (flax's gelu is the tanh form by default)",
               shown_as="Gemma (a language model)"),
    Deployment("LSTM", 1997, "sigmoid", "sigmoid", "the input and output gates (the forget gate came in 2000)",
               "Hochreiter & Schmidhuber 1997, 'Long Short-Term Memory'; forget gate: Gers, Schmidhuber & "
               "Cummins 2000, 'Learning to Forget'", "papers: logistic sigmoid gates",
               part="gates"),
    Deployment("LSTM", 2013, "tanh", "tanh", "the candidate update, and the cell state on its way out",
               "Graves 2013, 'Generating Sequences With Recurrent Neural Networks', arXiv:1308.0850, eqs. (7)-(11) "
               "(sigmoid input, forget and output gates; tanh for the candidate and the cell output); PyTorch "
               "torch.nn.LSTM documentation (g_t = tanh(...), h_t = o_t * tanh(c_t))",
               "Graves 2013, eqs. (7)-(11); PyTorch torch.nn.LSTM documentation. The 1997 cell (Hochreiter & "
               "Schmidhuber, appendix A.1) had no tanh: its g and h were logistic curves scaled to [-2, 2] and [-1, 1]",
               shown_as="LSTM (tanh form)", part="candidate memory; the memory as it is read out",
               in_chapter=False),   # a source for the tanh form, not its date: the 1997 row tells the story
    Deployment("LSTM", 1997, "S-curves centred on 0", "tanh",
               "the cell input and the cell output: g(x) = 4 sigmoid(x) - 2 and h(x) = 2 sigmoid(x) - 1, scaled "
               "sigmoids shaped like tanh (h(x) = tanh(x/2))",
               "Hochreiter & Schmidhuber 1997, 'Long Short-Term Memory', Neural Computation 9(8), appendix A.1",
               "paper, appendix A.1: g is a centred logistic sigmoid with range [-2, 2], h one with range [-1, 1]",
               part="what enters and leaves the memory; tanh in today's libraries"),
    Deployment("GRU", 2014, "sigmoid", "sigmoid", "the reset and update gates",
               "Cho et al. 2014, 'Learning Phrase Representations using RNN Encoder-Decoder', arXiv:1406.1078, "
               "section 2.3", "paper, section 2.3", part="gates", shown_as="GRU (a simpler LSTM)"),
    Deployment("GRU", 2014, "tanh", "tanh", "the candidate hidden state",
               "Cho et al. 2014, arXiv:1406.1078, section 2.3 and appendix A.1.1; PyTorch torch.nn.GRU documentation "
               "(n_t = tanh(...))", "paper, appendix A.1.1; PyTorch torch.nn.GRU documentation",
               part="the new memory it proposes", shown_as="GRU (a simpler LSTM)"),
)


# Language models that kept ReLU in their feed-forward blocks. Chapter 06 names them, so that its transformer line
# ("GELU or SwiGLU") reads as a rule of thumb with exceptions, not a law. They are not rows of DEPLOYMENTS: chapter
# 04's table and the appendix show DEPLOYMENTS whole (the appendix reads its recent rows as gated units).
RELU_LANGUAGE_MODELS = (
    Deployment("T5", 2019, "ReLU", "relu", "feed-forward blocks: a dense layer, ReLU, another dense layer",
               "Raffel et al. 2019, 'Exploring the Limits of Transfer Learning with a Unified Text-to-Text "
               "Transformer', arXiv:1910.10683, section 3.1.1",
               "paper, section 3.1.1: 'The feed-forward networks in each block consist of a dense layer with an output "
               "dimensionality of d_ff = 3072 followed by a ReLU nonlinearity and another dense layer' (the larger T5 "
               "models scale this baseline; Hugging Face T5Config: feed_forward_proj 'relu'. T5 v1.1 moved to "
               "GeGLU)",
               in_chapter=False),
    Deployment("OPT", 2022, "ReLU", "relu", "feed-forward blocks of all eight models, 125M to 175B parameters",
               "Zhang et al. 2022, 'OPT: Open Pre-trained Transformer Language Models', arXiv:2205.01068, section 2.2",
               "paper, section 2.2 'Training Setup': 'all models are trained with ReLU activation and a sequence "
               "length of 2048'; Hugging Face OPTConfig: activation_function 'relu'",
               in_chapter=False),
)


@dataclass(frozen=True)
class Comparison:
    """A study that trained one model several times, each with another bend in one place, and compared the scores."""

    study: str       # the author's surname: the key comparison() looks the study up by
    year: int
    model: str       # what was trained, in plain words
    where: str       # the place whose bend was swapped
    compared: tuple  # the bends tried, in the paper's words
    better: tuple    # registry names that scored better than both plain ReLU and plain GELU
    test: str        # what the score measured, in plain words
    why_said: bool   # False: the study gives no reason why the winners win
    citation: str
    checked: str
    by: str = ""     # the author and where they worked, as the chapter names the study
    gated: tuple = ()   # the versions (paper's words) whose block multiplies two sums: a gate
    best: tuple = ()    # the versions (paper's words) with the lowest scores, at every training length
    scores: tuple = ()  # (version, score at each training length, ...) as the paper's table prints them; lower is better
    gate_bends: tuple = ()   # (version, registry name of the bend on its gate; "identity": no bend), gated ones only


COMPARISONS = (
    Comparison("Shazeer", 2020, "one language model: a T5-style transformer, 12 encoder and 12 decoder layers",
               "feed-forward blocks",
               ("ReLU", "GELU", "Swish", "GLU", "Bilinear", "GEGLU", "SwiGLU", "ReGLU"), ("swiglu",),
               "filling in missing stretches of text it had not seen (held-out log-perplexity)", False,
               "Shazeer 2020, 'GLU Variants Improve Transformer', arXiv:2002.05202, sections 3.2-4, Table 1",
               "paper: abstract ('some of them yield quality improvements over the typically-used ReLU or GELU "
               "activations'); section 3.2, Table 1 (held-out log-perplexity on the segment-filling task, all "
               "models matched for parameters and computation: SwiGLU lower than ReLU and GELU at both training "
               "lengths); section 3: the plain block has d_ff = 3072, the gated ones d_ff = 2048 (2/3 of it: three "
               "weight tables instead of two), so that weights and computation match (chapter 04's 'Good for'); "
               "section 4 ('We offer no explanation as to why these architectures seem to work'); "
               "title page: Noam Shazeer, Google; Table 1: at both training lengths the two lowest scores are "
               "GEGLU's and SwiGLU's, and every gated version (GLU, Bilinear, GEGLU, SwiGLU, ReGLU) scores below "
               "plain ReLU and plain GELU; section 2: the gated versions differ only in the gate's bend (GLU "
               "sigmoid, Bilinear none, ReGLU ReLU, GEGLU GELU, SwiGLU Swish)",
               by="Noam Shazeer, at Google", gated=("GLU", "Bilinear", "GEGLU", "SwiGLU", "ReGLU"),
               best=("GEGLU", "SwiGLU"),
               # Table 1, held-out log-perplexity after 65,536 and 524,288 steps (the shorter one a mean of four
               # runs, spread 0.003-0.010), read from a text copy of the arXiv v1 PDF
               scores=(("ReLU", 1.997, 1.677), ("GELU", 1.983, 1.679), ("Swish", 1.994, 1.683),
                       ("GLU", 1.982, 1.663), ("Bilinear", 1.960, 1.648), ("GEGLU", 1.942, 1.633),
                       ("SwiGLU", 1.944, 1.636), ("ReGLU", 1.953, 1.645)),
               # section 2: GLU's gate is sigmoid, Bilinear's has no bend, ReGLU's ReLU, GEGLU's GELU and
               # SwiGLU's Swish (the course's SiLU)
               gate_bends=(("ReGLU", "relu"), ("GEGLU", "gelu"), ("SwiGLU", "silu"), ("GLU", "sigmoid"),
                           ("Bilinear", "identity"))),
)


def comparison(study):
    """The Comparison of one study, by its author's name, e.g. comparison("Shazeer")."""
    return next(c for c in COMPARISONS if c.study == study)


def table(bend=None):
    """Rows as dicts (model, year, bend, where, citation), optionally only those drawing a registry bend."""
    rows = [d for d in DEPLOYMENTS if bend is None or d.registry == bend]
    return [{"model": d.model, "year": d.year, "bend": d.bend, "where": d.where, "citation": d.citation} for d in rows]


def uses(model):
    """The bends a model uses, as (bend, where) pairs, e.g. uses("LLaMA")."""
    return [(d.bend, d.where) for d in DEPLOYMENTS if d.model.lower() == model.lower()]
