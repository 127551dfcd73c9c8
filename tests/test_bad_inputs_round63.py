"""Round 63 of issue 11, tested on other values than the batteries': with sight of the
ninety-fourth and ninety-fifth batteries (measured blind first at 809181d). Each test fails at
78def29, except the guards named ``..._still_...``.

* The samplers', diagnostics' and testing kit's public functions start their errors with their
  own name (``messages.names_itself``), once, and their warnings point at the user's line
  (``messages.warn_user``).
* ``solve`` refuses NaN or inf (SciPy's check_finite); check_grads refuses an empty argument
  and says when args do not fit fun; tree_map refuses an f that returns None for every leaf;
  an axis error names the reduction; a NaN cotangent and a pdf's one number are shown.
* chi_square_pvalue refuses a single category; style.check_numbers an empty array.
* SCRATCHMETA_DATA set to the empty string is refused; the in-process Omniglot cache follows
  that variable; alphabets and characters in each other's places are named.
"""

import warnings

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import testing
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.figures import style
from scratchmeta.gradcheck import check_grads
from scratchmeta.meta import registry
from scratchmeta.sampling import ContinuousInverseCDF, ess_bulk, metropolis_transition_matrix
from scratchmeta.sampling import split_rhat
from scratchmeta.sampling.step_size import step_size_sweep


@pytest.mark.parametrize("call, match", [
    (lambda: split_rhat(np.zeros((2, 3, 4, 5))), r"^split_rhat: "),
    (lambda: testing.ks_distance("abc", stats.norm.cdf), r"^ks_distance: "),
    (lambda: ContinuousInverseCDF.from_ppf(lambda u: np.full_like(u, 3.0)), r"^from_ppf: "),
    (lambda: metropolis_transition_matrix([0.5, 0.5], np.eye(3)),
     r"^metropolis_transition_matrix: "),
])
def test_a_public_sampler_or_kit_function_names_itself(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_a_function_that_names_itself_still_keeps_the_type_and_names_itself_once():
    with pytest.raises(ValueError) as info:
        ContinuousInverseCDF.from_density(lambda x: np.zeros_like(x), (-1.0, 1.0))
    assert str(info.value).count("from_density: ") + str(info.value).count("find_center: ") == 1
    assert type(info.value) is ValueError


def test_a_diagnostics_warning_points_at_the_users_line():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ess_bulk(np.random.default_rng(0).normal(size=(2, 3)))
    assert caught and caught[0].filename == __file__


@pytest.mark.parametrize("a, b, name", [
    (np.eye(2), np.array([np.nan, 1.0]), "b"),
    (np.array([[1.0, np.inf], [0.0, 1.0]]), np.ones(2), "a"),
])
def test_solve_refuses_nan_or_inf_as_scipy_does(a, b, name):
    with pytest.raises(ValueError, match=rf"^solve: {name} holds 1 NaN or inf entry"):
        ad.solve(a, b)
    with pytest.raises(FloatingPointError):          # what training reads as a divergence
        ad.grad(lambda b: ad.sum(ad.solve(a, b)))(np.ones(2) if name == "a" else b)


def test_solve_still_differentiates_a_finite_system():
    np.testing.assert_allclose(ad.grad(lambda b: ad.sum(ad.solve(2.0 * np.eye(3), b)))(
        np.ones(3)), np.full(3, 0.5))


def test_check_grads_refuses_an_empty_argument():
    with pytest.raises(ValueError, match=r"check_grads: args\[1\] is an empty array"):
        check_grads(lambda x, y: ad.sum(x) + ad.sum(y), (np.ones(2), np.ones((3, 0))))


def test_check_grads_says_when_args_do_not_fit_fun():
    def one(x):
        return ad.sum(ad.exp(x))
    with pytest.raises(TypeError, match=r"the 3 given in args do not fit its parameters"):
        check_grads(one, (np.ones(2), np.ones(2), np.ones(2)))


def test_tree_map_refuses_an_f_that_returns_none_for_every_leaf():
    def scale(a):
        a * 2.0                                         # the return forgotten
    with pytest.raises(TypeError, match=r"tree_map: f \(scale\) returned None for every one "
                                        r"of the 3 leaves"):
        ad.tree_map(scale, {"w": np.ones(2), "b": [np.zeros(1), np.zeros(3)]})


def test_tree_map_still_keeps_some_none_leaves():
    assert ad.tree_map(lambda a: None if a.size == 1 else a, [np.ones(1), np.ones(2)])[0] is None


@pytest.mark.parametrize("op", ["mean", "var", "std"])
def test_an_axis_error_names_the_reduction(op):
    with pytest.raises(ValueError, match=rf"^{op}: axis -4 is out of range"):
        getattr(ad, op)(np.ones((2, 3, 4)), axis=-4)


def test_a_nan_cotangent_is_shown():
    _, pullback = ad.vjp(ad.cos, np.ones(2))
    with pytest.raises(ValueError, match=r"the first inf\)"):
        pullback(np.array([1.0, np.inf]))


def test_a_pdf_returning_one_number_shows_it():
    with pytest.raises(TypeError, match=r"returned shape \(\): 0\.25$"):
        ContinuousInverseCDF.from_density(lambda x: 0.25, (0.0, 4.0))


def test_step_size_sweep_shows_a_bare_number_as_given():
    with pytest.raises(ValueError, match=r"scaled must be a non-empty 1-D array, got int 2$"):
        step_size_sweep(2, 2, 10, {"d1": 1}, [np.random.default_rng(0)])


def test_chi_square_refuses_a_single_category():
    with pytest.raises(ValueError, match=r"^chi_square_pvalue: counts and p must cover at least "
                                         r"2 labels, got 1"):
        testing.chi_square_pvalue([7], [1.0])


def test_chi_square_still_tests_two_categories():
    assert testing.chi_square_pvalue([5, 5], [0.5, 0.5]) == pytest.approx(1.0)


def test_check_numbers_refuses_an_empty_array():
    with pytest.raises(ValueError, match=r"^ess must be .*, got an empty array, \[\] \(shape "
                                         r"\(0, 2\)\)"):
        style.check_numbers("ess", np.zeros((0, 2)))


def test_check_numbers_still_takes_an_empty_array_its_shape_asks_for():
    assert style.check_numbers("ess", np.zeros(0), shape=(0,)).shape == (0,)


def test_scratchmeta_data_set_to_the_empty_string_is_refused(monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_DATA", "")
    with pytest.raises(ValueError, match=r"SCRATCHMETA_DATA is set to the empty string"):
        omniglot.load(progress=False)


def test_the_in_process_omniglot_cache_follows_scratchmeta_data(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(omniglot, "load", lambda root, download: seen.append(
        __import__("os").environ.get("SCRATCHMETA_DATA")) or "drawings")
    registry._omniglot_images.cache_clear()
    try:
        for folder in ("a", "b", "a"):
            monkeypatch.setenv("SCRATCHMETA_DATA", str(tmp_path / folder))
            registry._omniglot_images(None, False, str(tmp_path / folder))
    finally:
        registry._omniglot_images.cache_clear()
    assert seen == [str(tmp_path / "a"), str(tmp_path / "b")]


def test_alphabets_and_characters_in_each_others_places_are_named():
    alphabets = ["Greek", "Greek", "Latin", "Latin", "Braille", "Braille"]
    characters = ["character01", "character02"] * 3
    with pytest.raises(ValueError, match=r"alphabets and characters in each other's places"):
        finn_split(characters, alphabets, n_train=2, n_validation=2)
    assert sum(map(len, finn_split(alphabets, characters, 2, 2).values())) == 6    # the guard
