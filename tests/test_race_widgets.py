"""The race figures and progress bar headless (notebook 05); the live race is tested in test_chapter_05.py."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from course_utils.engine import race
from course_utils.facts import data
from course_utils.ui import ch05_race

X, Y = data.spiral()
X_TEST, Y_TEST = data.spiral(seed=43)


def pixels(png):
    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGB"))


def test_progress_bar_text_is_fixed_while_its_value_moves():
    """Check that the bar's text form (what nbval compares) is a caption that does not change with progress."""
    bar, report = ch05_race.progress(description="round 9")
    first = bar._repr_mimebundle_()["text/plain"]
    report(30, 40, "relu")
    assert (bar.value, bar.max) == (30, 40)
    assert bar._repr_mimebundle_()["text/plain"] == first == "[progress bar: round 9]"


def test_the_live_race_bar_says_what_it_counts_and_how_far():
    """Check the live race's progress bar (pass 83, r81 Focus: it had no words a learner or screen reader could use):
    its label says it counts epochs, and its tooltip (the label's title in JupyterLab) says how many of how many,
    kept current as the race moves and when the epochs slider moves."""
    w = ch05_race.live_race(names=("relu",), epochs=100)
    bar = w.progress
    assert bar.description == "epochs trained" and bar.tooltip == "epochs trained: 0 of 100"
    bar.value = 30
    assert bar.tooltip == "epochs trained: 30 of 100"
    w.controls["epochs"].value = 150
    assert (bar.value, bar.tooltip) == (0, "epochs trained: 0 of 150")
    assert bar._repr_mimebundle_()["text/plain"] == "[progress bar: epochs trained]"   # nbval's text stays fixed


@pytest.fixture(scope="module")
def small_race():
    return race.race(X, Y, ["sigmoid", "relu", "gelu_tanh"], seeds=(0, 1, 2), epochs=25, optimizer="adam",
                     X_test=X_TEST, y_test=Y_TEST, dtype=np.float32)


def test_loss_figure_draws_the_seed_mean(small_race):
    """Check that each drawn curve is numpy's mean over the seeds, and nothing goes through pyplot."""
    import matplotlib.pyplot as plt

    fig = ch05_race.loss_figure(small_race, threshold=0.1)
    curves = [line for line in fig.axes[0].get_lines() if len(line.get_ydata()) == 25]
    for line, runs in zip(curves, small_race.values()):
        np.testing.assert_allclose(line.get_ydata(), runs.loss.mean(axis=0))
    assert plt.get_fignums() == []


def test_boundaries_and_gradient_figures_have_a_panel_per_bend(small_race):
    """Check one decision-region panel per bend (titled with its accuracies), and the nudge lines drawn from the race."""
    fig = ch05_race.boundaries_figure(small_race, X, Y, resolution=20)
    visible = [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]   # the spare panel holds the key, untitled
    assert len(visible) == 3 and sum(ax.get_legend() is not None for ax in fig.axes if ax.get_visible()) == 1
    for ax, runs in zip(visible, small_race.values()):
        floor = int(np.floor(round(runs.test_accuracy[0] * 100, 6)))   # whole percent, rounded down as the table does
        assert f"test {floor}%" in ax.get_title()
    fig = ch05_race.gradient_figure(small_race)
    # per weight (pass 39): a layer's gradient norm over the square root of its weight count, the root-mean-square
    def rms(name):
        counts = np.array([w.size for w in small_race[name].networks[0].weights], dtype=float)
        return small_race[name].grad_norms[:, 0, :].mean(axis=0) / np.sqrt(counts)
    for line, name in zip(fig.axes[0].get_lines(), ("sigmoid", "relu")):   # each layer's mean nudge at epoch 0
        np.testing.assert_allclose(line.get_ydata(), rms(name))
    band = fig.axes[0].collections[0].get_paths()[0].vertices[:, 1]        # GELU alone: the band is its line
    np.testing.assert_allclose(band[1:5], rms("gelu_tanh"))
    assert isinstance(ch05_race.spiral_figure(X, Y, X_TEST, Y_TEST), matplotlib.figure.Figure)
