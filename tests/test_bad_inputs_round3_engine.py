"""Round 3 of issue 11 (helper G): the engine, gradcheck, Adam, the sampler diagnostics and
Omniglot's loader. Each bad input the tenth battery found unclear or silent (and its class)
is now one ValueError or TypeError, raised before any work, naming the argument and the
value given:

* ``ad.where``: ``cond`` must be a mask of numbers (bools); a string, None, or an array of
  text or objects is refused (``np.where`` would take their truthiness silently);
* ``hvp``: ``x`` must be finite (a point, as for ``check_grads``). A NaN in ``v`` still
  gives NaN, on purpose: ``meta.normalization.sharpness`` runs its power iteration through
  ``hvp`` under ``np.errstate(invalid="ignore")``, and a task whose iteration overflows
  (parameters of a diverged run) must give NaN there, not stop every other task;
* Adam: ``state['v']`` holds running means of squared gradients, never negative or NaN;
  ``adam_rows``' ``grads`` hold one row per selected row, in the order of ``rows`` (so
  ``rows`` is a list or array, not a set);
* ``metropolis``: a start of zero density names ``x0``;
* ``split_chains``, ``normal_scores`` and ``quantile_type7`` check their draws (shape,
  finite, not empty) and ``prob`` (a probability in [0, 1]);
* ``omniglot.load``: ``parts`` must be a non-empty sequence of ``Part`` (not None, a name or
  one Part).
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.datasets import omniglot
from scratchmeta.gradcheck import hvp
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.sampling import metropolis
from scratchmeta.sampling.diagnostics import normal_scores, quantile_type7, split_chains

X3 = np.array([0.5, -1.0, 2.0])
PARAMS = [np.ones((1, 4)), np.zeros(4), np.ones((4, 1)), np.zeros(1)]


def _square(x):
    return ad.sum(ad.mul(x, x))


def _ones_like_params():
    return [np.ones_like(p) for p in PARAMS]


def _rows_state(**change):
    """Adam's state of 3 stacked heads of shape (2,), none stepped yet."""
    return {"t": np.zeros(3, dtype=np.int64), "m": [np.zeros((3, 2))], "v": [np.zeros((3, 2))],
            **change}


def _zero_density_at_0(x):
    """A log-density that is -inf at the start x0 = 0 (zero density there)."""
    return np.where(np.abs(x[:, 0]) > 1.0, -0.5 * x[:, 0] ** 2, -np.inf)


CASES = [
    # ad.where: the mask
    ("where cond a string", lambda d: ad.where("yes", X3, X3), TypeError, ["cond", "'yes'"]),
    ("where cond None", lambda d: ad.where(None, X3, X3), TypeError, ["cond", "None"]),
    ("where cond an array of text", lambda d: ad.where(np.array(["a", "", "b"]), X3, X3),
     TypeError, ["cond", "(3,)", "<U1"]),
    ("where cond an object array", lambda d: ad.where(np.array([None] * 3), X3, X3),
     TypeError, ["cond", "(3,)", "object"]),
    # hvp: x is a point
    ("hvp x with an inf", lambda d: hvp(_square, np.array([np.inf, 0.0, 0.0]), X3),
     ValueError, ["hvp: x", "1 NaN or inf"]),
    ("hvp x leaf with a NaN", lambda d: hvp(lambda p: _square(p[0]) + _square(p[1]),
                                             [X3, np.array([np.nan, 1.0])], [X3, X3[:2]]),
     ValueError, ["hvp: x (leaf 1)", "1 NaN or inf"]),
    # Adam's state and adam_rows' grads
    ("adam state v negative", lambda d: adam_update(
        PARAMS, _ones_like_params(), {**adam_init(PARAMS), "v": [-p for p in
                                                                 _ones_like_params()]}, 1e-3),
     ValueError, ["state['v']", "4 negative or NaN entries", "leaf 0", "(1, 4)"]),
    ("adam state v NaN", lambda d: adam_update(
        PARAMS, _ones_like_params(), {**adam_init(PARAMS), "v": [
            np.zeros((1, 4)), np.array([0.0, np.nan, 0.0, 0.0]), np.zeros((4, 1)),
            np.zeros(1)]}, 1e-3),
     ValueError, ["state['v']", "1 negative or NaN entries", "leaf 1"]),
    ("adam_rows state v negative", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(v=[np.full((3, 2), -1.0)]), [np.ones((1, 2))], [0],
        1e-3), ValueError, ["state['v']", "(3, 2)"]),
    ("adam_rows grads of other rows", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((2, 2))], [0], 1e-3),
     ValueError, ["grads 0", "(2, 2)", "rows [0]", "(1, 2)"]),
    ("adam_rows grads of another width", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((2, 5))], [0, 2], 1e-3),
     ValueError, ["grads 0", "(2, 5)", "(2, 2)"]),
    ("adam_rows rows a set", lambda d: adam_rows(
        [np.zeros((3, 2))], _rows_state(), [np.ones((1, 2))], {0}, 1e-3),
     TypeError, ["rows", "set {0}", "order of grads"]),
    # samplers
    ("metropolis zero density at x0", lambda d: metropolis(
        _zero_density_at_0, np.zeros((2, 1)), 10, np.random.default_rng(0)),
     ValueError, ["x0", "2 chain(s)", "chain 0 at [0.0]"]),
    ("quantile_type7 prob 1.5", lambda d: quantile_type7(np.arange(10.0), 1.5),
     ValueError, ["prob", "1.5", "[0, 1]"]),
    ("quantile_type7 prob -0.1", lambda d: quantile_type7(np.arange(10.0), -0.1),
     ValueError, ["prob", "-0.1"]),
    ("quantile_type7 prob NaN", lambda d: quantile_type7(np.arange(10.0), np.nan),
     ValueError, ["prob", "nan"]),
    ("quantile_type7 prob a string", lambda d: quantile_type7(np.arange(10.0), "0.5"),
     TypeError, ["prob", "'0.5'"]),
    ("quantile_type7 x empty", lambda d: quantile_type7(np.array([]), 0.5),
     ValueError, ["x", "(0,)"]),
    ("quantile_type7 x with a NaN", lambda d: quantile_type7(np.array([0.0, np.nan]), 0.5),
     ValueError, ["x", "1 NaN or inf entry of 2"]),
    ("split_chains of a vector", lambda d: split_chains(np.arange(10.0)),
     ValueError, ["x", "(chains, draws)", "(10,)"]),
    ("split_chains of one draw a chain", lambda d: split_chains(np.ones((4, 1))),
     ValueError, ["x", "at least 2 draws per chain", "(4, 1)"]),
    ("split_chains of no chains", lambda d: split_chains(np.ones((0, 4))),
     ValueError, ["x", "(0, 4)"]),
    ("split_chains of text", lambda d: split_chains("ab"), TypeError, ["x", "'ab'"]),
    ("split_chains with an inf", lambda d: split_chains(np.array([[0.0, np.inf]])),
     ValueError, ["x", "1 NaN or inf entry"]),
    ("normal_scores empty", lambda d: normal_scores(np.array([])), ValueError, ["x", "(0,)"]),
    ("normal_scores with a NaN", lambda d: normal_scores(np.array([1.0, np.nan, 2.0])),
     ValueError, ["x", "1 NaN or inf entry of 3"]),
    # Omniglot's archives
    ("load parts None", lambda d: omniglot.load(d, parts=None, cache_dir=d / "cache",
                                                progress=False), TypeError, ["parts", "None"]),
    ("load parts an int", lambda d: omniglot.load(d, parts=3, cache_dir=d / "cache",
                                                  progress=False), TypeError, ["parts", "3"]),
    ("load parts a name", lambda d: omniglot.load(d, parts="images_background",
                                                  cache_dir=d / "cache", progress=False),
     TypeError, ["parts", "'images_background'"]),
    ("load parts one Part", lambda d: omniglot.load(d, parts=omniglot.OFFICIAL[0],
                                                    cache_dir=d / "cache", progress=False),
     TypeError, ["parts", "Part(name='images_background'"]),
]


@pytest.mark.parametrize("name, call, error, mentions", CASES, ids=[c[0] for c in CASES])
def test_a_bad_input_is_one_clear_error_naming_the_argument(name, call, error, mentions,
                                                            tmp_path):
    with np.errstate(all="raise"), pytest.raises(error) as info:
        call(tmp_path)
    for mention in mentions:
        assert mention in str(info.value), (mention, str(info.value))
    assert not (tmp_path / "cache").exists()          # refused before any work


def test_where_takes_masks_of_bools_and_numbers():
    np.testing.assert_array_equal(ad.where(X3 > 0, X3, 0.0), [0.5, 0.0, 2.0])
    np.testing.assert_array_equal(ad.where([True, False, True], X3, 0.0), [0.5, 0.0, 2.0])
    np.testing.assert_array_equal(ad.where(np.array([1.0, 0.0, 2.0]), X3, 0.0), [0.5, 0.0, 2.0])
    np.testing.assert_array_equal(ad.where(np.bool_(False), X3, 1.0), np.ones(3))
    # d/dx sum(where(x > 0, x^2, x)) = 2x where x > 0, else 1
    np.testing.assert_allclose(ad.grad(lambda x: ad.sum(ad.where(x > 0, x * x, x)))(X3),
                               [1.0, 1.0, 4.0])


def test_hvp_at_a_finite_point_and_nan_in_v_gives_nan():
    np.testing.assert_allclose(hvp(_square, X3, np.ones(3)), 2 * np.ones(3))   # H = 2 I
    assert np.isnan(hvp(_square, X3, np.array([np.nan, 0.0, 0.0]))[0])         # NaN in, out


def test_adam_rows_steps_the_selected_rows_only():
    params, state = adam_rows([np.zeros((3, 2))], _rows_state(), [np.ones((2, 2))], [0, 2],
                              1e-3)
    np.testing.assert_allclose(params[0], [[-1e-3, -1e-3], [0.0, 0.0], [-1e-3, -1e-3]])
    np.testing.assert_array_equal(state["t"], [1, 0, 1])
    new, _ = adam_update(PARAMS, _ones_like_params(), adam_init(PARAMS), 1e-3)
    np.testing.assert_allclose(new[1], np.full(4, -1e-3))       # step lr * m_hat / sqrt(v_hat)


def test_the_diagnostics_helpers_still_work_on_good_draws():
    np.testing.assert_array_equal(split_chains(np.arange(10.0).reshape(2, 5)),
                                  [[0, 1], [5, 6], [3, 4], [8, 9]])
    assert quantile_type7(np.arange(10.0), 0.25) == pytest.approx(2.25)
    assert quantile_type7(np.arange(10.0), 0.0) == 0.0 and quantile_type7(np.arange(10.0), 1) == 9
    assert quantile_type7(np.array([3.0]), 0.5) == 3.0
    scores = normal_scores(np.array([3, 1, 2]))
    assert scores[1] < scores[2] == 0.0 < scores[0]
