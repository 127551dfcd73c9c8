"""Round 87 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-thirty-fourth and hundred-and-thirty-fifth batteries (measured blind first at
41139c3). Each fails at 41139c3 except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad


@pytest.mark.parametrize("op, kwargs, said", [
    (ad.prod, {"Axis": 0}, r"^prod: no keyword argument 'Axis' \(did you mean 'axis'\?\)"),
    (ad.min, {"keep_dims": True}, r"^min: no keyword argument 'keep_dims'; given")])
def test_an_unknown_keyword_is_named_by_the_op_not_its_inner_function(op, kwargs, said):
    with pytest.raises(TypeError, match=said):
        op(np.arange(1.0, 4.0), **kwargs)


def test_norm_names_itself_for_an_axis_of_the_wrong_type():
    with pytest.raises(TypeError, match=r"^norm: axis must be an int or a tuple of ints, got "
                                        r"float 1\.0"):
        ad.norm(np.ones((2, 2)), axis=1.0)


@pytest.mark.parametrize("op", [ad.squeeze, ad.expand_dims])
def test_squeeze_and_expand_dims_name_themselves_once_for_an_axis_of_the_wrong_type(op):
    with pytest.raises(TypeError) as info:
        op(np.ones((1, 2)), axis="0")
    message = str(info.value)
    assert message.startswith(f"{op.__name__}: axis must be") and message.count(op.__name__) == 1


def test_guard_the_ops_with_right_keywords_and_axes_are_unchanged():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert ad.prod(x, axis=0).tolist() == [3.0, 8.0]
    assert ad.squeeze(x[None], 0).shape == (2, 2) and ad.expand_dims(x, 1).shape == (2, 1, 2)
    assert ad.norm(x, axis=(0, 1)) == np.sqrt(30.0)


def test_gaussian_clusters_refuse_a_spread_of_zero_whose_classes_cannot_be_told_apart():
    from scratchmeta.more_tasks import GaussianClusters
    with pytest.raises(ValueError, match=r"^spread must be positive, got -0\.0: with spread 0 "
                                         r"every class centre is the origin"):
        GaussianClusters(n_way=3, spread=-0.0)
    assert GaussianClusters(n_way=3, spread=1e-300).spread == 1e-300
