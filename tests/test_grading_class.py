"""A realistic class (12 students × 3 exercises, tools/class_trial.py) gets the grades a person would give, in any layout."""

import pytest

from tools import class_trial

LAYOUTS = {"submitted": "nbgrader", "downloads": "nbgrader", "ps_all": "flat"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The class written in each layout and graded with the README's command: {top folder: (exit, text, scores)}."""
    out = {}
    for top, layout in LAYOUTS.items():
        root = tmp_path_factory.mktemp(top)
        folder = class_trial.write_class(root / top, layout)
        out[top] = class_trial.grade(folder, root / "gradebook.csv")
        out[top + " paths"] = (folder, root / "gradebook.csv")
    return out


def test_the_class_covers_what_instructors_meet():
    """Check the class is as varied as the issue asks: 12+ students, every kind of hand-in, worked-out expectations."""
    notebooks = [nb for nbs in class_trial.CLASS.values() for nb in nbs]
    assert len(class_trial.CLASS) >= 12 and {nb.exercise for nb in notebooks} == set(class_trial.EXERCISES)
    assert any(not nb.executed for nb in notebooks) and any(nb.scratch for nb in notebooks)
    assert any(nb.reorder for nb in notebooks) and any(nb.drop_checks for nb in notebooks)
    assert any(nb.file_as for nb in notebooks) and any(nb.copy for nb in notebooks) and any(nb.untouched for nb in notebooks)
    scores = [nb.earns for nb in notebooks if nb.earns is not None]
    assert 0 in scores and any(0 < s < class_trial.FULL[nb.exercise] for nb in notebooks if (s := nb.earns))


@pytest.mark.parametrize("top", list(LAYOUTS))
def test_every_score_is_the_one_a_person_gives(graded, top):
    """Check each notebook's score against the points worked out by hand, and that refused ones are not in the gradebook."""
    code, text, scores = graded[top]
    want = class_trial.expected()
    assert {k: v for k, v in scores.items()} == {k: float(v) for k, v in want.items() if v is not None}, text
    assert code == 1 and "REFUSED 2 notebook(s)" in text and "keep one" in text   # lena's two copies
    assert "FLAGGED" in text and "graded as 02_four_bends" in text               # fatima's upload under 03


def test_a_second_run_changes_nothing(graded):
    """Check a re-run over the same folder and gradebook gives identical scores and reports no change."""
    folder, gradebook = graded["submitted paths"]
    again = class_trial.grade(folder, gradebook)
    assert again[2] == graded["submitted"][2] and again[0] == graded["submitted"][0]
    assert "CHANGED" not in again[1]
