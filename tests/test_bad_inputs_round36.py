"""Round 36 of issue 11 (fixes made with sight of the fifty-second battery), tested directly
where only written-but-not-kept cases had found the fix, and the thread variables' check."""

import os
import subprocess
import sys

import numpy as np
import pytest

from scratchmeta.datasets.omniglot_tasks import finn_split
from scratchmeta.meta.multitask import multitask_loss
from scratchmeta.meta.registry import make_strategy
from scratchmeta.tasks import Sinusoid, cross_entropy
from scratchmeta.threads import check_thread_variables


@pytest.mark.parametrize("variable, value", [
    ("OPENBLAS_NUM_THREADS", "two"), ("OPENBLAS_NUM_THREADS", "0"), ("OMP_NUM_THREADS", "-1"),
    ("OMP_NUM_THREADS", "2.5"), ("MKL_NUM_THREADS", "1e3"), ("OMP_NUM_THREADS", "4,x"),
])
def test_a_thread_variable_that_is_no_count_is_named(variable, value):
    with pytest.raises(ValueError, match=rf"{variable} must be a whole number of threads"):
        check_thread_variables({variable: value})


@pytest.mark.parametrize("environ", [{}, {"OMP_NUM_THREADS": "4,2"},
                                     {"OPENBLAS_NUM_THREADS": " 2 "}, {"MKL_NUM_THREADS": ""}])
def test_thread_counts_and_unset_variables_are_taken(environ):
    check_thread_variables(environ)


def test_the_command_line_refuses_a_bad_thread_count_in_one_line():
    env = dict(os.environ, OPENBLAS_NUM_THREADS="two")
    done = subprocess.run([sys.executable, "-m", "scratchmeta", "--help"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "OPENBLAS_NUM_THREADS must be a whole number of threads" in done.stderr


def test_a_strategy_given_as_the_model_is_named():
    strategy = make_strategy("multitask")
    params = strategy.model.init(np.random.default_rng(0))
    batch = Sinusoid().sample(np.random.default_rng(0), 2, 5, 5)
    with pytest.raises(TypeError, match=r"model must be a network object.*Multitask"):
        multitask_loss(params[:-2], params[-2:], batch.x_support, batch.y_support, strategy)


def test_a_record_given_as_an_array_is_named_by_its_type():
    batch = Sinusoid().sample(np.random.default_rng(0), 2, 5, 5)
    with pytest.raises((TypeError, ValueError), match=r"y_onehot must be an array .*TaskBatch"):
        cross_entropy(np.zeros((2, 5, 3)), batch)


def test_finn_split_names_a_record_given_as_its_names():
    from collections import namedtuple
    Images = namedtuple("OmniglotImages", "images alphabets characters")
    data = Images(np.zeros((2, 1, 1)), ["a", "b"], ["c1", "c2"])
    with pytest.raises(TypeError, match=r"finn_split: alphabets must be a sequence .*Omniglot"):
        finn_split(data, data.characters)
