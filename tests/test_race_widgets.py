"""The race runner and figures headless (notebook 05): Run retrains and redraws, with mlp.train's numbers."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from course_utils.engine import mlp, race
from course_utils.facts import data
from course_utils.ui import ch05_race

X, Y = data.spiral()
X_TEST, Y_TEST = data.spiral(seed=43)


def pixels(png):
    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGB"))


def loss_lines(w):
    """{legend label: y data} of the runner's loss panel."""
    return {line.get_label(): np.asarray(line.get_ydata(), float) for line in w.axes["loss"].get_lines()
            if not line.get_label().startswith("_")}


@pytest.fixture(scope="module")
def tiny():
    """A runner trained at start with tiny settings, in float64 so mlp.train is an exact oracle."""
    return ch05_race.runner(names=("relu",), lr=0.01, epochs=20, seed=1, optimizer="adam", dtype=np.float64,
                               resolution=20)


def test_runner_draws_what_mlp_train_computes(tiny):
    """Check the first picture: the loss curve and dead-unit bars are mlp.train's for the same settings."""
    h = mlp.train(X, Y, "relu", seed=1, lr=0.01, epochs=20, optimizer="adam")
    np.testing.assert_allclose(loss_lines(tiny)["ReLU"], h.loss, rtol=1e-9)
    heights = [bar.get_height() for bar in tiny.axes["dead"].patches]
    np.testing.assert_array_equal(heights, h.final_dead_share)
    assert len(tiny.axes["regions"]) == 1 and bytes(tiny.image.value).startswith(b"\x89PNG")
    assert tiny.progress.value == tiny.progress.max == 20


def test_run_button_retrains_with_new_settings_and_redraws(tiny):
    """Check that Run with another bend, seed, lr and optimizer changes the picture and shows the new runs' numbers."""
    before_png, before = bytes(tiny.image.value), loss_lines(tiny)
    tiny.checkboxes["gelu_tanh"].value = True
    tiny.sliders["seed"].value = 4
    tiny.sliders["epochs"].value = 30
    tiny.sliders["optimizer"].value = "gd"
    tiny.sliders["lr"].value = 0.1
    assert loss_lines(tiny).keys() == before.keys()   # nothing retrains until Run is pressed
    tiny.button.click()
    after = loss_lines(tiny)
    assert set(after) == {"ReLU", "GELU (tanh)"}
    for name, label in (("relu", "ReLU"), ("gelu_tanh", "GELU (tanh)")):
        h = mlp.train(X, Y, name, seed=4, lr=0.1, epochs=30, optimizer="gd")
        np.testing.assert_allclose(after[label], h.loss, rtol=1e-9)
        test_acc = np.mean((h.network.predict_proba(X_TEST).ravel() > 0.5) == (Y_TEST.ravel() > 0.5))
        assert f"{test_acc:.3f}" in tiny.readout.value
    assert len(tiny.axes["regions"]) == 2 and tiny.progress.value == tiny.progress.max == 60
    after_png = bytes(tiny.image.value)
    assert after_png != before_png and pixels(after_png).shape == pixels(before_png).shape   # one row holds both
    assert not tiny.button.disabled


def test_runner_with_no_bend_ticked_says_so():
    """Check that Run with nothing ticked draws empty panels and asks for a bend instead of failing."""
    w = ch05_race.runner(names=(), epochs=10)
    assert "Tick at least one bend" in w.readout.value and loss_lines(w) == {}
    assert w.axes["regions"] == []


def test_runner_opens_on_given_results_without_training():
    """Check that runner(results=...) shows the asked seed's curves from the race and leaves the bar at 0."""
    results = race.race(X, Y, ["sigmoid", "relu", "tanh"], seeds=(0, 1), epochs=15, optimizer="adam",
                        X_test=X_TEST, y_test=Y_TEST, dtype=np.float32)
    w = ch05_race.runner(names=("sigmoid", "relu"), seed=1, epochs=15, results=results, resolution=20)
    lines = loss_lines(w)
    assert set(lines) == {"Sigmoid", "ReLU"}
    np.testing.assert_array_equal(lines["ReLU"], results["relu"].loss[1])
    assert w.progress.value == 0 and not w.checkboxes["tanh"].value


def test_progress_bar_text_is_fixed_while_its_value_moves():
    """Check that the bar's text form (what nbval compares) is a caption that does not change with progress."""
    bar, report = ch05_race.progress(description="round 9")
    first = bar._repr_mimebundle_()["text/plain"]
    report(30, 40, "relu")
    assert (bar.value, bar.max) == (30, 40)
    assert bar._repr_mimebundle_()["text/plain"] == first == "[progress bar: round 9]"


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
    """Check one decision-region panel per bend (titled with its accuracies) and one gradient bar per bend and layer."""
    fig = ch05_race.boundaries_figure(small_race, X, Y, resolution=20)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3
    for ax, runs in zip(visible, small_race.values()):
        assert f"test {runs.test_accuracy[0]:.2f}" in ax.get_title()
    fig = ch05_race.gradient_figure(small_race)
    heights = [p.get_height() for p in fig.axes[0].patches]
    want = np.concatenate([r.grad_norms[:, 0, :].mean(axis=0) for r in small_race.values()])
    np.testing.assert_allclose(heights, want)
    assert isinstance(ch05_race.spiral_figure(X, Y, X_TEST, Y_TEST), matplotlib.figure.Figure)
