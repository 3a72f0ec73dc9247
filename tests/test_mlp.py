"""Tests for course_utils.engine.mlp: slopes, gradients, training, the collapse proof and the gradient-flow helpers."""

import math

import mpmath
import numpy as np
import pytest

from course_utils.engine import mlp
from course_utils.facts import activations, data

ELEMENTWISE = [n for n in activations.names() if activations.get(n).kind == "elementwise"]
RACE = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu_tanh", "silu", "mish"]
WIDE = np.concatenate([np.linspace(-800, 800, 4001), np.linspace(-6, 6, 2401),
                       [0.0, -0.0, 1e-300, -1e-300, 1e300, -1e300]])


def test_the_fast_path_covers_exactly_the_race_activations():
    """Check that the one-pass value-and-slope map holds the eight race activations and nothing else."""
    fused = [n for n in activations.names() if activations.get(n).value_and_slope is not None]
    assert sorted(fused) == sorted(RACE)


@pytest.mark.parametrize("name, params", [(n, {}) for n in RACE]
                         + [("leaky_relu", {"alpha": 0.2}), ("leaky_relu", {"alpha": 3.0}),
                            ("elu", {"alpha": 0.5}), ("elu", {"alpha": 2.0}), ("silu", {"beta": 2.5})])
def test_value_and_slope_equal_the_registry(name, params):
    """Check the fast value and slope against the registry's own value and derivative, tails included."""
    act = activations.get(name)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        v, s = mlp.value_and_slope(name, WIDE, **params)
    # rtol: a few ulps, amplified where exp(-|2u|) has a huge argument; atol: next to a slope's zero crossing.
    np.testing.assert_allclose(v, act(WIDE, **params), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(s, act.derivative(WIDE, **params), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", RACE)
def test_value_and_slope_keep_float32(name):
    """Check that float32 in gives float32 out on the fast path."""
    z = np.concatenate([np.linspace(-100, 100, 2001), [3e38, -3e38]]).astype(np.float32)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        v, s = mlp.value_and_slope(name, z)
    assert v.dtype == np.float32 and s.dtype == np.float32
    act = activations.get(name)
    np.testing.assert_allclose(s, act.derivative(z.astype(np.float64)), rtol=1e-5, atol=1e-6)


def test_unknown_parameter_is_refused():
    """Check that a misspelt parameter raises instead of being silently ignored."""
    with pytest.raises(TypeError):
        mlp.value_and_slope("leaky_relu", np.zeros(3), alhpa=0.1)


def _tiny_problem(seed):
    rng = np.random.RandomState(seed)
    A = rng.randn(2, 6)
    Y = (rng.rand(1, 6) < 0.5).astype(float)
    return A, Y


def _loss(net, A, Y):
    return mlp.bce(net.forward(A)[2], Y)[0]


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_backward_matches_central_finite_differences(name):
    """Check every weight and bias gradient of a [2, 3, 3, 1] network against central differences."""
    A, Y = _tiny_problem(1)
    net = mlp.Network.he_init((2, 3, 3, 1), name, seed=3)
    for b in net.biases:
        b[...] = 0.1                                             # nonzero biases, so their gradients are tested too
    outs, slopes, logits = net.forward(A)
    pre = [W @ a[:-1] + b for W, a, b in zip(net.weights, outs, net.biases)][:-1]
    # A kink (relu, leaky_relu, elu...) inside the difference step would spoil the oracle: keep away from 0.
    assert min(np.min(np.abs(z)) for z in pre) > 1e-3
    grads = zip(*net.unflatten(net.backward(outs, slopes, mlp.bce(logits, Y)[1] / A.shape[1])))
    h = 1e-6
    for layer, (gW, gb) in enumerate(grads):
        for array, grad in ((net.weights[layer], gW), (net.biases[layer], gb)):
            fd = np.empty_like(array)
            for idx in np.ndindex(array.shape):
                keep = array[idx]
                array[idx] = keep + h
                up = _loss(net, A, Y)
                array[idx] = keep - h
                down = _loss(net, A, Y)
                array[idx] = keep
                fd[idx] = (up - down) / (2 * h)
            np.testing.assert_allclose(grad, fd, rtol=1e-6, atol=1e-9)


def test_clipped_loss_is_the_stable_loss_where_nothing_is_clipped():
    """Check the source's clipped BCE equals the logit form (value and slope) for probabilities inside the clip."""
    logits = np.linspace(-10, 10, 41).reshape(1, -1)
    y = (np.arange(41) % 2).astype(float).reshape(1, -1)
    stable, clipped = mlp.bce(logits, y, "stable"), mlp.bce(logits, y, "clipped")
    assert clipped[0] == pytest.approx(stable[0], rel=1e-12)
    np.testing.assert_allclose(clipped[1], stable[1], rtol=1e-12, atol=1e-15)


def test_stable_loss_stays_finite_where_the_clip_would_cap_it():
    """Check the logit form gives the exact loss 1000 for a confident wrong logit of 1000."""
    loss, slope = mlp.bce(np.array([[1000.0]]), np.array([[0.0]]))
    assert loss == pytest.approx(1000.0, rel=1e-15)
    assert slope[0, 0] == 1.0


def test_he_init_reproduces_the_source_draws():
    """Check the stored weights are the transposes of the source's randn(fan_in, fan_out) * sqrt(2 / fan_in) draws."""
    rng = np.random.RandomState(42)
    dims = [2, 32, 32, 32, 1]
    source = [rng.randn(dims[i], dims[i + 1]) * np.sqrt(2 / dims[i]) for i in range(4)]
    net = mlp.Network.he_init(dims, "relu", seed=42)
    for W, S in zip(net.weights, source):
        np.testing.assert_array_equal(W, S.T)
    assert all(not b.any() for b in net.biases)


def test_training_is_deterministic_by_seed():
    """Check same seed -> identical histories; another seed -> a different run."""
    X, y = data.spiral(n_per_class=40)
    kw = dict(dims=(2, 8, 8, 1), lr=0.01, epochs=30, optimizer="adam", batch_size=16)
    a, b, c = (mlp.train(X, y, "silu", seed=s, **kw) for s in (1, 1, 2))
    for field in ("loss", "accuracy", "grad_norms", "dead_share"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.loss, c.loss)


def test_history_shapes_and_callback():
    """Check per-epoch arrays, recorded epochs, gradient norms per layer and the callback's calls."""
    X, y = data.spiral(n_per_class=30)
    seen = []
    h = mlp.train(X, y, "relu", dims=(2, 5, 5, 1), epochs=25, record_every=10, callback=lambda e, l: seen.append((e, l)))
    assert h.loss.shape == h.accuracy.shape == (25,)
    np.testing.assert_array_equal(h.recorded_epochs, [0, 10, 20])
    assert h.grad_norms.shape == (3, 3) and h.dead_share.shape == (3, 2) and h.final_dead_share.shape == (2,)
    assert [e for e, _ in seen] == list(range(25)) and [l for _, l in seen] == list(h.loss)
    assert np.all((h.accuracy >= 0) & (h.accuracy <= 1))


def test_loss_history_is_the_loss_of_the_network_before_each_update():
    """Check History.loss[0] is the cross-entropy of the untrained network, computed here by hand."""
    X, y = data.spiral(n_per_class=20)
    h = mlp.train(X, y, "tanh", dims=(2, 4, 1), epochs=3, seed=5)
    net = mlp.Network.he_init((2, 4, 1), "tanh", seed=5)
    p = 1 / (1 + np.exp(-(net.weights[1] @ np.tanh(net.weights[0] @ X.T) + net.biases[1]).T))
    assert h.loss[0] == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)), rel=1e-12)


def test_dead_share_on_a_network_with_known_dead_units():
    """Check dead shares 1/2 and 1/4 where we switched units off by hand; sigmoid units are never dead."""
    W1 = np.zeros((4, 2))
    b1 = np.array([[-1.0], [-2.0], [1.0], [0.5]])     # units 0 and 1 output 0 with slope 0 for every input
    W2 = np.array([[0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 1, 1], [0, 0, -1, -1]], dtype=float)
    b2 = np.array([[0.0], [0.0], [0.0], [-0.2]])      # unit 3 gets -1.5 - 0.2 < 0 for every input
    W3, b3 = np.ones((1, 4)), np.zeros((1, 1))
    A = np.random.RandomState(0).randn(2, 50)
    net = mlp.Network([W1, W2, W3], [b1, b2, b3], "relu")
    outs, slopes, _ = net.forward(A)
    np.testing.assert_array_equal(mlp.dead_share(outs, slopes), [0.5, 0.25])
    net = mlp.Network([W1, W2, W3], [b1, b2, b3], "sigmoid")
    outs, slopes, _ = net.forward(A)
    np.testing.assert_array_equal(mlp.dead_share(outs, slopes), [0.0, 0.0])


def test_xor_without_a_bend_stays_at_one_half():
    """Check a purely linear network on XOR ends at p = 0.5 everywhere, loss ln 2.

    The end-to-end map is linear, and for a linear logit the XOR loss is convex and symmetric
    under x -> 1 - x (which swaps the corners within each class): its minimum has w = 0, c = 0.
    """
    X, y = data.xor()
    h = mlp.train(X, y, "identity", dims=(2, 4, 1), lr=0.5, epochs=5000, seed=42)
    np.testing.assert_allclose(h.network.predict_proba(X), 0.5, atol=1e-6)
    assert h.loss[-1] == pytest.approx(math.log(2), abs=1e-9)


@pytest.mark.parametrize("name", ["tanh", "sigmoid"])
def test_xor_with_a_bend_is_solved(name):
    """Check one hidden layer with a bend learns XOR: predictions round to 0, 1, 1, 0."""
    X, y = data.xor()
    h = mlp.train(X, y, name, dims=(2, 4, 1), lr=0.5, epochs=5000, seed=42)
    np.testing.assert_array_equal(np.round(h.network.predict_proba(X)).ravel(), [0, 1, 1, 0])
    assert h.loss[-1] < 0.05


def _apply_one_by_one(layers, x):
    for W, b in layers:
        x = W @ x + b
    return x


def test_compose_affine_on_a_small_stack_of_different_widths():
    """Check a 2 -> 5 -> 3 -> 1 stack collapses to one (1 x 2) layer that agrees on random inputs."""
    rng = np.random.RandomState(0)
    dims = [2, 5, 3, 1]
    layers = [(rng.randn(o, i), rng.randn(o, 1)) for i, o in zip(dims[:-1], dims[1:])]
    W, b = mlp.compose_affine(layers)
    assert W.shape == (1, 2) and b.shape == (1, 1)
    x = rng.randn(2, 20)
    np.testing.assert_allclose(W @ x + b, _apply_one_by_one(layers, x), rtol=1e-12, atol=1e-12)


def test_compose_affine_on_a_100_layer_stack():
    """Check 100 well-conditioned layers (orthogonal matrices, so products stay O(1)) collapse exactly enough."""
    rng = np.random.RandomState(1)
    layers = [(np.linalg.qr(rng.randn(4, 4))[0], 0.1 * rng.randn(4)) for _ in range(100)]
    W, b = mlp.compose_affine(layers)
    x = rng.randn(4)
    np.testing.assert_allclose(W @ x + b, _apply_one_by_one(layers, x), rtol=0, atol=1e-12)
    np.testing.assert_allclose(W.T @ W, np.eye(4), atol=1e-12)   # a product of rotations is a rotation


def test_chain_product_of_sigmoid_at_zero_is_a_quarter_to_the_depth():
    """Check sigmoid's slope 1/4 at 0 multiplies to 4**-10 after 10 layers, with every partial product."""
    total, partials = mlp.chain_product("sigmoid", 0.0, 10)
    assert total == 4.0 ** -10
    np.testing.assert_array_equal(partials, 4.0 ** -np.arange(1, 11))


def test_chain_product_against_mpmath_with_one_input_per_layer():
    """Check a per-layer product of tanh slopes against mpmath's numerical derivatives."""
    xs = np.array([0.3, -1.2, 2.0, 0.05])
    total, partials = mlp.chain_product("tanh", xs, 4)
    expected = np.cumprod([float(mpmath.diff(mpmath.tanh, mpmath.mpf(x))) for x in xs])
    np.testing.assert_allclose(partials, expected, rtol=1e-13)
    assert total == partials[-1]


def test_gradient_flow_vanishes_with_sigmoid_and_not_with_relu():
    """Check sigmoid's gradient shrinks over 100x from the last to the first of 10 layers, and relu's stays within 10x."""
    sig = mlp.gradient_flow("sigmoid", depth=10, width=32, seed=0)
    relu = mlp.gradient_flow("relu", depth=10, width=32, seed=0)
    assert sig.shape == relu.shape == (10,)
    assert sig[0] < sig[-1] / 100
    assert relu.max() / relu.min() < 10
    np.testing.assert_array_equal(sig, mlp.gradient_flow("sigmoid", depth=10, width=32, seed=0))


def test_first_adam_step_moves_every_parameter_by_the_learning_rate():
    """Check Adam's bias-corrected first step is lr * sign(gradient) (m_hat = g, v_hat = g^2)."""
    X, y = data.spiral(n_per_class=10)
    before = mlp.Network.he_init((2, 4, 4, 1), "elu", seed=3)
    A = np.ascontiguousarray(X.T)
    outs, slopes, logits = before.forward(A)
    grad = before.backward(outs, slopes, mlp.bce(logits, y.reshape(1, -1))[1] / len(X))
    after = mlp.train(X, y, "elu", dims=(2, 4, 4, 1), lr=0.01, epochs=1, seed=3, optimizer="adam").network
    big = np.abs(grad) > 1e-6                      # where eps = 1e-8 is negligible next to |g|
    assert big.sum() > 20
    np.testing.assert_allclose((before.theta - after.theta)[big], 0.01 * np.sign(grad[big]), rtol=1e-4)
    for W, flat_part in zip(after.weights, after.unflatten(after.theta)[0]):
        assert np.shares_memory(W, after.theta) and np.array_equal(W, flat_part)
