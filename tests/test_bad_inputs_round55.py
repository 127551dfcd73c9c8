"""Round 55 of issue 11, tested on other values than the batteries'. First, with sight of
the eighty-first battery only: its misses that could be mended (widths that overflow, a start
where the log-density overflows, a huge draw shown rounded). Then, with sight of the
eighty-second and eighty-third (measured blind first): ufunc keywords, Windows paths, pickled
entries, configs loading would refuse, metrics and arguments in the wrong order named, and
the harness's command-line cases filed under library areas. Each test fails at 775886c."""

import numpy as np
import pytest

from scratchmeta.sampling import (ContinuousInverseCDF, DiscreteInverseCDF, grid_inverse_cdf,
                                  metropolis)
from scratchmeta.sampling.diagnostics import mcse_sd
from scratchmeta.sampling.tails import find_center


def test_a_grid_whose_width_overflows_is_refused():
    with pytest.raises(ValueError, match=r"grid_inverse_cdf: \(hi - lo\) must be at most"):
        grid_inverse_cdf(lambda x: np.exp(-x * x), -1e308, 1e308)


def test_a_start_where_the_log_density_fails_is_named_as_x0():
    def log_density(x):
        return -np.sum(np.exp(x), axis=1)           # exp(800) overflows
    with np.errstate(all="raise"), pytest.raises(
            ValueError, match=r"\(called at x0 = \[\[800\.0\], \[0\.0\]\]\)"):
        metropolis(log_density, np.array([[800.0], [0.0]]), 10, np.random.default_rng(0))


def test_a_draw_too_large_for_the_moments_is_shown_whole():
    draws = np.zeros((2, 50))
    draws[1, 7] = 1.2345678901234567e+160                # its fourth power overflows
    with pytest.raises(ValueError, match=r"one is 1\.2345678901234567e\+160"):
        mcse_sd(draws)


@pytest.mark.parametrize("call", [
    lambda: ContinuousInverseCDF.from_density(lambda x: np.exp(-x * x), domain=(-1e308, 1e308)),
    lambda: find_center(lambda x: np.exp(-x * x), -1e308, 1e308),
])
def test_a_finite_domain_whose_width_overflows_is_refused(call):
    with np.errstate(all="raise"), pytest.raises(ValueError, match=r"\(b - a\) must be at most"):
        call()


def test_probabilities_whose_sum_overflows_show_the_entry_whole():
    with pytest.raises(ValueError, match=r"p\[1\] = 9\.87654321e\+307 is no probability"):
        DiscreteInverseCDF([0.5, 9.87654321e+307, 9.0e+307])


# --- with sight of the eighty-second and eighty-third batteries -------------------------------

def test_numpys_ufunc_keywords_are_refused_by_the_engines_ops():
    import scratchmeta.autodiff as ad
    x = np.linspace(0.1, 0.9, 4)
    for call in (lambda: ad.exp(x, dtype=np.float32), lambda: ad.log(x, out=np.empty(4)),
                 lambda: ad.grad(lambda t: ad.sum(ad.sqrt(t, where=t > 0.5)))(x)):
        with pytest.raises(TypeError, match=r"not NumPy's ufunc keywords: got (dtype|out|where)="):
            call()


def test_a_windows_path_is_shown_as_typed():
    from scratchmeta.meta.checkpoint import load_checkpoint
    with pytest.raises(Exception, match=r"no checkpoint at 'D:\\runs\\maml\.npz'"):
        load_checkpoint("D:\\runs\\maml.npz")


def test_the_pickled_entry_of_a_checkpoint_is_named(tmp_path):
    from scratchmeta.meta.checkpoint import load_checkpoint
    path = tmp_path / "run.npz"
    np.savez(path, **{"meta/format": np.array(2), "state/w": np.array([{"a": 1}], dtype=object)})
    with pytest.raises(ValueError, match=r"pickled Python objects \(in 'state/w'\)"):
        load_checkpoint(path)


def test_a_checkpoint_config_that_loading_would_refuse_is_not_saved(tmp_path):
    from scratchmeta.meta.checkpoint import save_checkpoint
    with pytest.raises(ValueError, match=r"config must be protocol.describe's record.*'inner_lr'"):
        save_checkpoint(tmp_path / "run.npz", {"w": np.ones(2)}, step=1, seed=0,
                        config={"inner_lr": "0.01"}, meta_losses=[1.0])
    assert list(tmp_path.iterdir()) == []


def test_a_users_metric_is_named_by_its_own_name():
    from test_bad_inputs_fifth import _evaluate_call
    from scratchmeta.tasks import Sinusoid

    class Fam(Sinusoid):
        metric = staticmethod(np.array_equal)
    with pytest.raises(TypeError, match=r"Fam\.metric \(array_equal\) must return"):
        _evaluate_call(family=Fam())


def test_hvp_shows_a_direction_that_does_not_match_the_point():
    import scratchmeta.autodiff as ad
    from scratchmeta.gradcheck import hvp
    with pytest.raises(ValueError, match=r"hvp: v has 2 leaves but x has 1; "
                                         r"v \(\[1\.0, '2,5'\]\)"):
        hvp(lambda x: ad.sum(x * x), np.ones(2), [1.0, "2,5"])


@pytest.mark.parametrize("call", [
    lambda: __import__("scratchmeta.testing", fromlist=["x"]).chi_square_pvalue(
        [0.25, 0.75], [30, 70]),
    lambda: __import__("scratchmeta.testing", fromlist=["x"]).assert_labels_match(
        [0.5, 0.5], [1, 0, 0, 1]),
])
def test_arguments_given_the_wrong_way_round_are_said_to_be(call):
    with pytest.raises(ValueError, match=r"given the wrong way round\? The order is"):
        call()


def test_a_command_line_case_filed_under_a_library_area_is_run(tmp_path):
    """The harness: a case whose call only makes a command line (``_train(...)``) in a library
    area used to count as silent without running; it is run as the command line it is."""
    from test_bad_inputs_cli import _train
    from test_bad_inputs_eighth import classify_case
    case = ("train steps a word, filed under a library area", _train("--steps", "ten"),
            ["--steps", "ten"])
    assert classify_case("omniglot", case, tmp_path)[0] == "clear"


def test_text_where_numbers_are_meant_names_its_first_word():
    from scratchmeta.sampling.diagnostics import ess_bulk
    draws = np.array([["chain", "x"]] + [["0", "1.5"]] * 8)
    with pytest.raises(TypeError, match=r"strings, the first that is no number 'chain' "
                                        r"\(entry \[0, 0\]\)"):
        ess_bulk(draws)


def test_check_numbers_refuses_a_name_that_is_no_text():
    from scratchmeta.figures.style import check_numbers
    with pytest.raises(TypeError, match=r"check_numbers: name must be text.*the order is "
                                        r"\(name, x\)"):
        check_numbers([1.0, 2.0], "points")
