"""Round 83 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-twenty-sixth and hundred-and-twenty-seventh batteries (measured blind first at
5373acd). Each fails at 5373acd except the guards, which pass at both. Two doubtful cases of
earlier batteries are refused now and leave their NOT_CLEAR_YET: the hundred-and-nineteenth's
discrete rvs seed of 2**70 and the hundred-and-fourth's per_task of 10**12 tasks."""

import numpy as np
import pytest

from scratchmeta.sampling import ContinuousInverseCDF, DiscreteInverseCDF


def _samplers():
    return [DiscreteInverseCDF([0.2, 0.3, 0.5]),
            ContinuousInverseCDF.from_density(lambda x: np.exp(-x), (0.0, np.inf))]


@pytest.mark.parametrize("seed", [2 ** 63, 2 ** 64 + 5, 10 ** 30])
def test_rvs_refuses_a_seed_past_an_int64_as_every_seed_of_the_library_is(seed):
    for sampler in _samplers():
        with pytest.raises(ValueError, match=rf"random_state must be .* an int seed >= 0 and "
                                             rf"< 2\*\*63 \(an int64\), got {seed}"):
            sampler.rvs(4, random_state=seed)


def test_guard_rvs_takes_the_largest_int64_seed_and_repeats_itself():
    for sampler in _samplers():
        a, b = (sampler.rvs(5, random_state=2 ** 63 - 1) for _ in range(2))
        np.testing.assert_array_equal(a, b)


def test_per_task_refuses_more_copies_than_memory_holds_once_they_are_adapted():
    from scratchmeta.nn import per_task
    params = [np.ones((3, 4)), np.zeros(4)]
    with pytest.raises(ValueError, match=r"^per_task: n_tasks=1000000000000 copies of params "
                                         r"\(16 numbers\), .* would need 58.2 TiB of memory"):
        per_task(params, 10 ** 12)


def test_guard_per_task_of_many_small_copies_is_still_a_view():
    from scratchmeta.nn import per_task
    w, b = per_task([np.ones((3, 4)), np.zeros(4)], 10 ** 6)
    assert w.shape == (10 ** 6, 3, 4) and b.shape == (10 ** 6, 1, 4) and w.strides[0] == 0


@pytest.mark.parametrize("argv, option", [(["--n-query", "4"], "--n-query 4"),
                                          (["--set", "n_support=6"], "--set n_support=6")])
def test_train_names_omniglots_counts_by_the_option_typed_not_evaluates(argv, option, capsys,
                                                                       tmp_path):
    from scratchmeta.cli import main
    code = main(["train", "--family", "omniglot", "--steps", "1", "--out",
                 str(tmp_path / "o.npz"), *argv])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith("error: n_")
    assert "must be a multiple of n_way=5" in err and err.endswith(f"(given as {option})")
    assert "--support" not in err and "--query" not in err


def test_guard_compare_still_names_its_own_support_and_query(capsys):
    from scratchmeta.cli import main
    assert main(["compare", "--family", "omniglot", "--support", "7"]) == 2
    assert capsys.readouterr().err.startswith("error: --support 7 --query 100: n_support must "
                                              "be a multiple of n_way=5")
