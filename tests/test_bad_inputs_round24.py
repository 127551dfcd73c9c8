"""Round 24 of issue 11 (fixes made with sight of the thirty-eighth and thirty-ninth
batteries), tested directly: the cases that found them were written but not kept, or were
clear with a misleading word."""

import os
import types

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.figures import style


class LenOnly:
    def __len__(self):
        return 2


class Index:
    def __index__(self):
        return 0


@pytest.mark.parametrize("call, message", [
    (lambda: ad.matmul(LenOnly(), np.ones((2, 2))), r"matmul: a must be an array of real"),
    (lambda: ad.solve(np.eye(2), types.MappingProxyType({"b": 1})), r"solve: b must be"),
    (lambda: ad.einsum("i,i->", np.ones(2), {"a": 1.0}), r"einsum: operands\[1\] must be"),
])
def test_an_op_that_reads_a_shape_first_names_itself_and_the_argument(call, message):
    with pytest.raises(TypeError, match=message):
        call()


def test_tree_map_names_f_when_it_cannot_be_called_on_the_leaves():
    with pytest.raises(TypeError, match=r"tree_map: f raised TypeError when called with 1 "
                                        r"leaf argument"):
        ad.tree_map(np.hypot, [np.ones(2)])


def test_an_axis_that_is_no_int_is_a_type_error_not_out_of_range():
    with pytest.raises(TypeError, match=r"axis must be an int or a tuple of ints, got Index"):
        ad.norm(np.ones((2, 3)), axis=Index())


def test_finn_split_takes_the_largest_uint64_as_a_count_too_large_not_an_overflow():
    # Under np.errstate(all="raise"), as the batteries run, uint64 arithmetic overflowed.
    with np.errstate(all="raise"), pytest.raises(
            ValueError, match=r"must leave test characters: got 1 \+ 18446744073709551615 "
                              r"for 4 characters"):
        finn_split(["a"] * 4, ["c1", "c2", "c3", "c4"], 1, np.uint64(np.iinfo(np.uint64).max))


def test_a_named_pipe_given_as_out_dir_is_not_called_a_file(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    fig, _ = style.subplots()
    with pytest.raises(ValueError, match=r"which is a pipe, socket or device, not a folder"):
        style.save(fig, pipe, "x")
