"""Round 92 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-fiftieth to hundred-and-fifty-third batteries (measured blind first at 72821c6).
Each fails at 72821c6 except the guards, which pass at both."""

import numpy as np
import pytest

from scratchmeta.testing.densities import KnownDensity, catalogue
from test_bad_inputs_cli import run_cli
from test_bad_inputs_ninetysixth import _under_the_batteries_ulimit


def _compare(*extra):
    return ["compare", "--strategies", "scratch", "--family", "sinusoid", *extra]


@pytest.mark.parametrize("option", ["--val-tasks", "--tasks"])
def test_compare_names_the_task_option_whose_curves_would_not_fit_under_a_ulimit(option):
    code, out, err, tb = _under_the_batteries_ulimit(lambda: run_cli(_compare(option,
                                                                              "2000000000")))
    assert (code, out, tb) == (2, "", ""), err
    assert err.startswith(f"error: the curves of {option} 2000000000 tasks over --adapt-steps "), \
        err


def test_compare_names_the_task_option_whose_curves_would_not_fit_in_memory():    # 648 GB
    code, out, err, tb = run_cli(_compare("--val-tasks", "900000", "--adapt-steps", "90000"))
    assert (code, out, tb) == (2, "", ""), err
    assert err.startswith("error: the curves of --val-tasks 900000 tasks over --adapt-steps "
                          "90000 would need"), err


@pytest.mark.parametrize("field", ["pdf", "cdf"])
def test_a_known_density_made_with_a_functions_values_is_refused_where_it_is_made(field):
    parts = {"pdf": np.cos, "cdf": np.sin, field: np.linspace(0.0, 1.0, 7)}
    with pytest.raises(TypeError, match=rf"^KnownDensity: {field} must be callable, got an "
                                        rf"array of shape \(7,\)"):
        KnownDensity("mine", parts["pdf"], parts["cdf"], (0.0, np.pi / 2))


@pytest.mark.parametrize("domain, error", [([0.0, 1.0], TypeError), ((1.0, 0.0), ValueError),
                                           ((0.0,), TypeError)])
def test_a_known_density_names_a_domain_that_is_no_interval(domain, error):
    with pytest.raises(error, match=r"^KnownDensity: domain "):
        KnownDensity("mine", np.cos, np.sin, domain)


def test_guard_the_catalogues_densities_and_a_users_own_are_still_made():
    assert all(isinstance(d, KnownDensity) for d in catalogue())
    mine = KnownDensity("mine", np.cos, np.sin, (0.0, np.pi / 2), (0.5,))
    assert mine.domain == (0.0, np.pi / 2) and mine._replace(name="again").name == "again"
