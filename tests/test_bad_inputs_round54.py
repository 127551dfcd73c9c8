"""Round 54 of issue 11 (fixes made with sight of the eightieth and eighty-first batteries),
tested on other values than the batteries'. Each test fails at 2b66c42."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.sampling import cauchy, metropolis
from scratchmeta.testing import densities


@pytest.mark.parametrize("call, name", [
    (lambda: cauchy(scale=1e308), "scale"),
    (lambda: densities.student_t(3.0, scale=5e307), "scale"),
    (lambda: densities.uniform(-1e308, 1e308), r"\(hi - lo\)"),
    (lambda: metropolis(lambda x: -np.sum(x * x, axis=1), np.zeros((2, 1)), 5,
                        np.random.default_rng(0), step_size=1e308), "step_size"),
])
def test_a_scale_whose_reciprocal_is_subnormal_is_refused(call, name):
    with pytest.raises(ValueError, match=rf"{name} must be at most 4\.494e\+307"):
        call()


def _closes(x):
    raise GeneratorExit


def test_a_generator_exit_raised_in_a_users_function_is_named():
    with pytest.raises(ValueError, match=r"^grad: fun \(_closes\) raised GeneratorExit"):
        ad.grad(_closes)(1.0)


def test_scratchmeta_data_a_url_is_refused(monkeypatch):
    from scratchmeta.datasets import omniglot
    monkeypatch.setenv("SCRATCHMETA_DATA", "https://example.org/data")
    with pytest.raises(ValueError, match=r"SCRATCHMETA_DATA must be a folder path, got the URL"):
        omniglot.load()
