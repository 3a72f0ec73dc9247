"""The decision list: every pick is a registry bend, the quoted facts match independent computations, links resolve, check_pick grades."""

import html
import math
import re
from pathlib import Path

import nbformat
import pytest

from course_utils.facts import activations, decisions
from course_utils.ui import tables

ROOT = Path(__file__).resolve().parent.parent


def test_roles_are_unique_and_picks_are_registry_bends():
    """Check that roles are unique and every pick, runner-up and avoid names a registry bend."""
    assert len(set(decisions.ROLES)) == len(decisions.ROLES) >= 6
    for d in decisions.decisions():
        for name in filter(None, (d.pick, d.runner_up, d.avoid)):
            assert activations.canonical(name) == name
        assert d.pick != d.runner_up and d.evidence


def test_facts_match_independent_arithmetic():
    """Check the quoted numbers against plain math: sigmoid'(0) = 1/4, 0.25**10, 1.1**100, two-class softmax = sigmoid."""
    f = decisions.facts()
    assert f["sigmoid_peak"] == pytest.approx(0.25)
    assert f["sigmoid_chain10"] == pytest.approx(0.25 ** 10)
    assert f["relu_state_100"] == pytest.approx(1.1 ** 100, rel=1e-9)
    assert f["softmax_2"] == pytest.approx(1 / (1 + math.exp(-f["z"])))
    t = 1.0
    for _ in range(100):
        t = math.tanh(1.1 * t)
    assert f["tanh_state_100"] == pytest.approx(t)


def test_reasons_quote_the_computed_numbers():
    """Check that the reasons print the computed facts (so no figure in them was typed)."""
    f = decisions.facts()
    assert decisions.one_in(f['sigmoid_chain10']) in decisions.decision("hidden_cnn_mlp").avoid_because
    assert decisions.one_in(f['sigmoid_chain10']) == "1 in 1.05 million" and 4 ** 10 == 1_048_576
    assert f"{f['relu_state_100']:,.0f}" in decisions.decision("recurrent_state").avoid_because


@pytest.mark.parametrize("role, name, points", [
    ("hidden_cnn_mlp", "relu", 1.0), ("hidden_cnn_mlp", "leaky_relu", 0.5), ("hidden_cnn_mlp", "sigmoid", 0.0),
    ("transformer_ffn", "SwiGLU", 1.0), ("transformer_ffn", "gelu", 1.0), ("multiclass_output", "tanh", 0.0),
    ("dying_units", "leaky_relu", 1.0), ("dying_units", "prelu", 0.5), ("dying_units", "gelu", 0.0), ("regression_output", "relu", 0.0),
    ("multiclass_output", "sigmoid", 0.0),   # pass 82 (r80): one sigmoid per label answers a different task
])
def test_check_pick_grades(role, name, points):
    """Check the grader helper: full marks for the pick, half for the runner-up, none for a bend that answers another
    task or is avoided, each with a reason."""
    got, message = decisions.check_pick(role, name)
    assert got == points and message


def test_check_pick_names_the_avoid_reason_and_unknown_bends():
    """Check that picking the known-bad bend quotes why, and an unknown name lists the valid ones."""
    said = decisions.check_pick("multiclass_output", "sigmoid")[1]   # pass 82: a bend for another task says so
    assert said.startswith("Sigmoid answers a different task, when an example may carry several labels")
    assert "0.25" in decisions.check_pick("hidden_cnn_mlp", "sigmoid")[1]
    points, message = decisions.check_pick("gate", "banana")
    assert points == 0 and "relu" in message


def test_unknown_role_lists_roles():
    """Check that an unknown role names the valid ones."""
    with pytest.raises(KeyError, match="hidden_cnn_mlp"):
        decisions.decision("nope")


def _anchor(heading):
    # JupyterLab's heading ids: the text with spaces replaced by '-'
    return heading.strip().replace(" ", "-")


@pytest.mark.parametrize("text, link", sorted({e for d in decisions.decisions() for e in d.evidence}))
def test_evidence_links_resolve(text, link):
    """Check that each evidence link names a chapter notebook, and its #anchor (if any) a heading in it."""
    path, _, anchor = link.partition("#")
    target = (ROOT / "notebooks" / path).resolve()
    assert re.fullmatch(r"0[0-7]_[a-z_]+\.ipynb|91_glossary\.ipynb", target.name)   # a chapter, or the glossary (pass 46)
    if not target.exists():
        pytest.skip(f"{target.name} is not written yet")
    if anchor:
        nb = nbformat.read(str(target), as_version=4)
        headings = {_anchor(line.lstrip("#")) for c in nb.cells if c.cell_type == "markdown"
                    for line in c.source.splitlines() if line.startswith("#")}
        assert anchor in headings


def test_seven_lines_cover_every_role():
    """Check the list to memorise: seven lines, every role once (pass 30: SELU is a table row pointing to chapter 04,
    no role)."""
    lines = decisions.lines()
    covered = [r for line in lines for r in line.roles]
    assert len(lines) == 7 and len(covered) == len(set(covered))
    assert set(decisions.ROLES) == set(covered)


def test_transformer_reason_names_the_models_of_the_deployments_table():
    """Check the transformer card quotes one GELU and one SwiGLU model each, the first of each list (chapter 06's
    line 3 section and its optional fold name the same two, pass 61), each listed with that bend in deployments.py."""
    from course_utils.facts import deployments
    reason = decisions.decision("transformer_ffn").reason
    assert "GPT-2" in reason and "LLaMA" in reason and "BERT" not in reason and "PaLM" not in reason
    assert decisions.decision("transformer_ffn").prefer_runner_up_when.endswith("as in GPT-2.")   # the card's GELU
    assert decisions.facts()["gelu_models"][0] == "GPT-2" and decisions.facts()["swiglu_models"][0] == "LLaMA"
    assert decisions.facts()["swiglu_models"] == ["LLaMA", "PaLM", "Mistral 7B"]
    assert {b for b, _ in deployments.uses("LLaMA")} == {"SwiGLU"} and "GELU" in deployments.uses("BERT")[0][0]
    assert "Gemma" not in reason  # a GELU-gated unit (GeGLU), neither plain GELU nor SwiGLU


def test_recall_options_have_one_right_answer_and_computed_numbers():
    """Check the recall question: ReLU alone is right; the tanh feedback quotes tanh'(1)**20 computed here."""
    q = decisions.recall()
    assert [o.name for o in q.options if o.right] == ["relu"]
    slope = 1 - math.tanh(1.0) ** 2
    tanh = next(o for o in q.options if o.name == "tanh")
    assert f"{slope:.2f}" in tanh.feedback and decisions.one_in(slope ** 20) in tanh.feedback   # the question's 20 layers
    assert round(1 / slope ** 20 / 1e6) == 34 and "1 in 34 million" in tanh.feedback
    assert all("common wrong answer" in o.feedback for o in q.options if o.name in ("sigmoid", "tanh"))


def test_html_lists_every_role():
    """Check that the rendered list has one row per decision and the links."""
    page = tables.decisions_table()._repr_html_()
    assert page.count("<tr>") == len(decisions.ROLES) + 1
    assert all(html.escape(link, quote=True) in page for d in decisions.decisions() for _, link in d.evidence)


def test_the_2020_studys_claims_follow_from_its_own_table():
    """Every claim the course makes about Shazeer 2020 (the two best, every gated block below plain ReLU and GELU,
    SwiGLU better than both) holds at each training length of the paper's Table 1 as stored in the data."""
    from course_utils.facts import deployments
    study = deployments.comparison("Shazeer")
    table = {version: scores for version, *scores in study.scores}
    assert set(table) == set(study.compared) and len({len(s) for s in table.values()}) == 1
    lengths = range(len(next(iter(table.values()))))
    assert len(lengths) == 2   # the paper trained at two lengths: 65,536 and 524,288 steps
    for at in lengths:
        ranked = sorted(table, key=lambda version: table[version][at])
        assert set(ranked[:len(study.best)]) == set(study.best)
        plain_best = min(table["ReLU"][at], table["GELU"][at])
        assert all(table[version][at] < plain_best for version in study.gated)
        assert all(table[version][at] >= plain_best for version in set(study.compared) - set(study.gated) - {"ReLU", "GELU"})
    assert study.better == ("swiglu",) and "SwiGLU" in study.best
