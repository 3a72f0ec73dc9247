"""The appendix of notes on the sources: every correction the chapters used to carry is there, computed."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from course_utils.engine import mlp
from course_utils.facts import activations, deployments, source_notes

ROOT = Path(__file__).resolve().parent.parent
APPENDIX = ROOT / "notebooks" / "90_notes_on_the_sources.ipynb"

# Every fact-check box the chapters carried before the appendix existed (commit aa6f0d1), by the
# chapter it was in and the words of its claim, with the note that now holds it. Nothing is lost.
MOVED_FROM_THE_CHAPTERS = [
    ("01", "two layers collapse to W = 8, b = 13", "collapse_attempts"),
    ("02", "the five ReLU, sigmoid and tanh worked values", "worked_values"),
    ("02", "tanh is the same S shape as sigmoid, \"just shifted\"", "tanh_just_shifted"),
    ("02", "GELU(−2) ≈ −0.045 and GELU(2) ≈ 1.955", "gelu_worked_values"),
    ("02", "GELU(x) ≈ x·Φ(x) (the \"≈\")", "gelu_is_approximately"),
    ("02", "the tanh approximation is the fast version \"used in practice (e.g., PyTorch)\"", "pytorch_gelu_default"),
    ("03", "GELU's slope is about 0.999 at +3 and about 0.0036 at −3", "gelu_slope_table"),
    ("03", "ten sigmoid layers at slope 0.25: 0.25¹⁰ ≈ 0.0000001", "sigmoid_chain_ten"),
    ("03", "tanh at slope 0.42 for 10 layers: 1.73e-04", "tanh_chain_042"),
    ("03", "10–40% of neurons in a ReLU network can die", "dying_relu_share"),
    ("04", "Leaky ReLU is '~Yes' zero-centred", "leaky_relu_zero_centred"),
    ("04", "at x = 3.0 all three are about 2.996", "smooth_at_three"),
    ("04", "at x = -0.5, Mish = -0.1894", "mish_at_minus_half"),
    ("04", "the tanh approximation is the fast form 'used in practice (e.g., PyTorch)'", "pytorch_gelu_default"),
    ("04", "GELU in LLaMA / GPT feed-forward blocks", "gelu_in_llms"),
    ("04", "LLaMA, Gemma, and Mistral use SwiGLU", "swiglu_in_gemma"),
    ("04", "Tanh in LSTM / GRU gates and cell states", "tanh_in_lstm_gates"),
    ("04", "ReLU in ResNet, Swish in EfficientNet, softmax in attention; Mish in YOLOv4", "deployments_confirmed"),
    ("04", "ranges GELU (≈-0.17, ∞), SiLU (≈-0.28, ∞), Mish (≈-0.31, ∞), SELU (-λα, ∞), ELU [-α, ∞)", "zoo_ranges"),
    ("05", "final losses from ~0.68 (sigmoid) down to ~0.04 (GELU, SiLU)", "race_table"),
    ("06", "ReLU first ... 'default for ~80% of cases'", "relu_eighty_percent"),
    ("06", "Transformer FFN: GELU; 'they're in every modern LLM'", "gelu_every_llm"),
    ("07", "0.25¹⁰ ≈ 0.0000001", "sigmoid_chain_ten"),
    ("07", "GELU's gradient at -3 is about 0.0036", "gelu_slope_table"),
]


def _appendix():
    return json.loads(APPENDIX.read_text())


def _outputs(nb):
    parts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            for value in out.get("data", {}).values():
                parts.append(value if isinstance(value, str) else "".join(value) if isinstance(value, list) else "")
    return "\n".join(parts)


def test_every_correction_the_chapters_carried_has_a_note():
    """Check that each fact-check box once in a chapter maps to a note that exists."""
    ids = {n.id for n in source_notes.NOTES}
    assert [note for _, _, note in MOVED_FROM_THE_CHAPTERS if note not in ids] == []


@pytest.mark.parametrize("note", source_notes.NOTES, ids=lambda n: n.id)
def test_every_note_is_computed_once_in_the_appendix(note):
    """Check that a code cell calls source_note for the note and its box is in the stored outputs, once."""
    nb = _appendix()
    calls = [c for c in nb["cells"] if c["cell_type"] == "code"
             and re.search(rf"""source_note\(\s*["']{note.id}["']""", "".join(c["source"]))]
    assert len(calls) == 1
    rendered = _outputs(nb)
    assert rendered.count(f"`{note.id}`") == 1
    assert source_notes.VERDICTS[note.verdict] in rendered


def test_the_appendix_names_both_documents():
    """Check that the appendix says what the two source documents are (the chapters never do)."""
    rendered = _outputs(_appendix())
    for title, _ in source_notes.DOCUMENTS.values():
        assert title in rendered


def test_notes_are_well_formed():
    """Check ids are unique, verdicts and documents known, and each note points at an existing chapter."""
    ids = [n.id for n in source_notes.NOTES]
    assert len(ids) == len(set(ids))
    for n in source_notes.NOTES:
        assert n.verdict in source_notes.VERDICTS and set(n.documents) <= set(source_notes.DOCUMENTS)
        assert (ROOT / "notebooks" / f"{n.chapter}.ipynb").exists(), n.chapter
    with pytest.raises(KeyError, match="no source note"):
        source_notes.get("no_such_note")


def test_digit_agreement_rule():
    """Check the rounding rule the notes use: half a unit in the last written place."""
    assert source_notes.agrees_to_its_digits(0.0179862, "0.018")
    assert not source_notes.agrees_to_its_digits(-0.0455003, "-0.045")
    assert source_notes.agrees_to_its_digits(7.0, "7")


# ---- the verdicts hold: computed against the figures typed once in facts.source_notes ----

def test_the_collapse_attempts_are_right():
    for ws, bs, x, (W0, b0, y0) in source_notes.get("collapse_attempts").claimed["attempts"]:
        W, b = mlp.compose_lines(ws, bs)
        assert np.allclose((W, b, W * x + b), (W0, b0, y0), atol=1e-12)


@pytest.mark.parametrize("note_id, agree", [("worked_values", True), ("gelu_worked_values", None)])
def test_worked_value_verdicts(note_id, agree):
    """The ReLU/sigmoid/tanh values all agree; GELU's at ±2 are last-digit slips and the rest agree."""
    for name, pairs in source_notes.get(note_id).claimed.items():
        for x, written in pairs:
            ok = source_notes.agrees_to_its_digits(float(activations.get(name)(x)), written)
            assert ok == (agree if agree is not None else abs(x) != 2), (name, x)


def test_gelu_slope_table_is_wrong_only_for_gelu():
    slopes = source_notes.get("gelu_slope_table").claimed["slopes"]
    table = activations.slope_table(list(slopes), [3.0, -3.0])
    for name, written in slopes.items():
        agree = [source_notes.agrees_to_its_digits(v, w) for v, w in zip(table[name], written)]
        assert agree == ([False, False] if name == "gelu" else [True, True]), name
    assert table["gelu"][0] > 1 > 0 > table["gelu"][1]


def test_chain_figures():
    assert 9 < 0.25 ** 10 / source_notes.get("sigmoid_chain_ten").claimed["value"] < 10
    note = source_notes.get("tanh_chain_042").claimed
    assert abs(note["slope"] ** 10 - note["value"]) > 0.02e-4


def test_smooth_family_figures_are_wrong():
    assert abs(float(activations.get("silu")(3.0)) - source_notes.get("smooth_at_three").claimed["value"]) > 0.1
    assert abs(float(activations.get("mish")(-0.5)) - source_notes.get("mish_at_minus_half").claimed["value"]) > 0.03


def test_model_claims_hold_against_the_deployments_data():
    assert deployments.uses("LLaMA")[0][0] == "SwiGLU" and deployments.uses("Gemma")[0][0].startswith("GeGLU")
    # sigmoid gates; tanh in today's form; the 1997 cell's scaled sigmoids, shaped like tanh (its registry bend)
    assert [b for b, _ in deployments.uses("LSTM")] == ["sigmoid", "tanh", "S-curves centred on 0"]
    assert {d.registry for d in deployments.DEPLOYMENTS if d.model == "LSTM"} == {"sigmoid", "tanh"}


def test_the_blogs_own_race_shows_no_gelu_edge_to_compound():
    """Check the gelu_edge_compounds finding: with the blog's recipe, GELU and ReLU end within 0.05, both near ln 2."""
    from course_utils.engine import race
    from course_utils.facts import data
    recipe = dict(mlp.SOURCE_RECIPE)
    seed = recipe.pop("seed")
    runs = race.race(*data.spiral(), ["relu", "gelu_tanh"], seeds=[seed], record_every=100, dtype=np.float32, **recipe)
    final = {n: float(runs[n].loss[0, -1]) for n in ("relu", "gelu_tanh")}
    assert abs(final["relu"] - final["gelu_tanh"]) < 0.05
    assert all(abs(v - np.log(2)) < 0.05 for v in final.values())
    note = source_notes.get("gelu_edge_compounds")
    assert note.verdict == "unsupported" and len(note.evidence) == 2
