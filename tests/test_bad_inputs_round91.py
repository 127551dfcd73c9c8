"""Round 91 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-forty-sixth to hundred-and-forty-ninth batteries (measured blind first at
f5b73a5). Each fails at f5b73a5 except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad


@pytest.mark.parametrize("value, shown", [(np.str_("0.5"), r"str_ np\.str_\('0\.5'\)"),
                                          (np.bytes_(b"0.5"), r"bytes_ np\.bytes_\(b'0\.5'\)"),
                                          (np.array("0.5"), r"shape \(\), array\('0\.5'")])
def test_a_numpy_text_scalar_where_a_number_is_meant_is_shown_with_its_value(value, shown):
    with pytest.raises(TypeError, match=rf"^clip: a_min must be an array of real numbers, got "
                                        rf".*{shown}"):
        ad.clip(np.ones(2), value, 1.0)


def test_an_array_of_text_given_to_einsum_is_shown_by_its_first_entry():
    with pytest.raises(TypeError, match=r"^einsum: operands\[1\] must be an array of real "
                                        r"numbers, got a string array .*, the first '2\.5'$"):
        ad.einsum("i,i->", np.ones(2), np.array(["2.5", "1"]))


def test_guard_an_array_of_numbers_still_passes_einsum():
    assert float(ad.einsum("i,i->", np.ones(2), np.array([2.5, 1.0]))) == 3.5


@pytest.mark.parametrize("ddof, error", [("1", TypeError), (-2, ValueError), (9, ValueError)])
def test_std_names_itself_for_a_bad_ddof_not_var_it_is_built_on(ddof, error):
    with pytest.raises(error, match=r"^std: ddof"):
        ad.std(np.ones(4), ddof=ddof)


def test_guard_std_with_ddof_still_agrees_with_numpy():
    x = np.array([1.0, 2.0, 4.0, 8.0])
    np.testing.assert_allclose(ad.std(x, ddof=1), np.std(x, ddof=1), rtol=1e-15)


def test_the_index_arrays_np_nonzero_gives_are_refused_as_labels_by_name():
    from scratchmeta.testing import assert_labels_match
    onehot = np.eye(3, dtype=int)[[0, 1, 2, 1, 0, 2]]
    with pytest.raises(TypeError, match=r"^assert_labels_match: labels must be one array of "
                                        r"integer labels, got a tuple of 2 arrays of shapes "
                                        r"\(6,\), \(6,\) .*labels\[-1\]"):
        assert_labels_match(np.nonzero(onehot), [0.3, 0.3, 0.4])


def test_guard_the_labels_np_nonzero_gives_as_columns_are_still_tested():
    from scratchmeta.testing import assert_labels_match
    onehot = np.eye(3, dtype=int)[[0, 1, 2, 1, 0, 2]]
    assert assert_labels_match(np.nonzero(onehot)[-1], [0.3, 0.3, 0.4]) > 1e-3
