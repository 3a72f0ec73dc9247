"""Tests for course_utils.facts.data: XOR corners and the spiral generator."""

import numpy as np
import pytest

from course_utils.facts import data


def _source_spiral():
    """The source article's recipe, rebuilt inline: it seeds numpy's GLOBAL generator with 42."""
    saved = np.random.get_state()
    try:
        np.random.seed(42)
        n = 200
        angle = np.linspace(0, 4 * np.pi, n)
        radius = np.linspace(0.3, 1, n)
        first = np.column_stack([radius * np.cos(angle) + 0.05 * np.random.randn(n),
                                 radius * np.sin(angle) + 0.05 * np.random.randn(n)])
        second = np.column_stack([radius * np.cos(angle + np.pi) + 0.05 * np.random.randn(n),
                                  radius * np.sin(angle + np.pi) + 0.05 * np.random.randn(n)])
        X = np.vstack([first, second])
        y = np.hstack([np.zeros(n), np.ones(n)]).reshape(-1, 1)
    finally:
        np.random.set_state(saved)
    return X, y


def test_xor_is_the_truth_table_of_exclusive_or():
    """Check that y is 1 exactly where the two inputs differ, with the documented shapes and dtype."""
    X, y = data.xor()
    assert X.shape == (4, 2) and y.shape == (4, 1)
    assert X.dtype == np.float64 and y.dtype == np.float64
    assert sorted(map(tuple, X)) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    np.testing.assert_array_equal(y[:, 0], (X[:, 0] != X[:, 1]).astype(float))


def test_spiral_defaults_reproduce_the_source_exactly():
    """Check that spiral() equals the source's global-seed recipe bit for bit."""
    X_src, y_src = _source_spiral()
    X, y = data.spiral()
    assert X.dtype == np.float64 and X.shape == (400, 2) and y.shape == (400, 1)
    np.testing.assert_array_equal(X, X_src)
    np.testing.assert_array_equal(y, y_src)


def test_spiral_does_not_touch_global_random_state():
    """Check that calling spiral leaves numpy's global generator where it was."""
    saved = np.random.get_state()
    try:
        np.random.seed(7)
        before = np.random.get_state()[1].copy()
        data.spiral(seed=3)
        np.testing.assert_array_equal(np.random.get_state()[1], before)
    finally:
        np.random.set_state(saved)


def test_spiral_is_deterministic_by_seed_and_another_seed_gives_fresh_points():
    """Check same seed -> same points; another seed -> same arms, different noise."""
    a, _ = data.spiral(seed=5)
    b, _ = data.spiral(seed=5)
    c, _ = data.spiral(seed=6)
    np.testing.assert_array_equal(a, b)
    assert not np.any(a == c)
    # Fresh noise, same arms: the difference is pure noise with the requested spread.
    diff = (a - c).ravel()
    assert abs(diff.std() - 0.05 * np.sqrt(2)) < 0.01


def test_spiral_without_noise_lies_on_the_two_arms():
    """Check noise=0 puts arm 0 on radius 0.3..1 over `turns` turns, and arm 1 is arm 0 turned by pi."""
    X, y = data.spiral(n_per_class=50, noise=0.0, turns=1.5)
    arm0, arm1 = X[:50], X[50:]
    np.testing.assert_allclose(np.hypot(*arm0.T), np.linspace(0.3, 1, 50), rtol=0, atol=1e-15)
    np.testing.assert_allclose(arm1, -arm0, atol=1e-15)   # turning by pi negates both coordinates
    end_angle = np.arctan2(arm0[-1, 1], arm0[-1, 0]) % (2 * np.pi)
    assert end_angle == pytest.approx((2 * np.pi * 1.5) % (2 * np.pi), abs=1e-12)
    np.testing.assert_array_equal(y[:, 0], np.r_[np.zeros(50), np.ones(50)])
