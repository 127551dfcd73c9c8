"""Round 57 of issue 11, tested on other values than the batteries': with sight of the
eighty-sixth and eighty-seventh batteries (measured blind first at 4a4cdef). A checkpoint
entry whose header claims more than it holds, or whose config is nested past reading; a
user's task family that draws from another source than its rng, or returns a batch whose
query set is its support set or whose targets are wider than its outputs; allocator
thresholds below glibc's own; float16 results of a user's function; another array library's
values and functions in the engine. Each test fails at 4a4cdef, except
``test_a_family_that_draws_from_its_rng_only_is_reproducible``, the guard that a family
drawing from its rng alone is not refused."""

import io
import json
import zipfile

import numpy as np
import pytest
from scipy import stats

import scratchmeta.autodiff as ad
from scratchmeta import memory
from scratchmeta.meta.checkpoint import load_checkpoint
from scratchmeta.meta.evaluate import held_out_tasks
from scratchmeta.messages import misread
from scratchmeta.autodiff.checks import no_sequence
from scratchmeta.sampling import ContinuousInverseCDF, metropolis
from scratchmeta.tasks import Sinusoid, TaskBatch

from test_bad_inputs_cli import _good


def _rezip(folder, name, change):
    """The good checkpoint's zip with ``change(member, data)`` giving each member's bytes."""
    with zipfile.ZipFile(_good(folder)) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    path = folder / name
    with zipfile.ZipFile(path, "w") as dst:
        for member, data in members:
            dst.writestr(member, change(member, data))
    return path


def test_an_entry_whose_header_claims_more_than_it_holds_is_named_before_allocating(tmp_path):
    def claim(member, data):
        if member != "state/params/1.npy":
            return data
        buf = io.BytesIO()
        np.lib.format.write_array_header_2_0(
            buf, {"descr": "<f4", "fortran_order": False, "shape": (3, 50000, 50000)})
        return buf.getvalue() + bytes(8)
    with pytest.raises(ValueError, match=r"damaged: entry 'state/params/1' claims shape "
                                         r"\(3, 50000, 50000\) of float32.* holds 8 bytes"):
        load_checkpoint(_rezip(tmp_path, "claims.npz", claim))


def test_a_config_nested_past_reading_is_named_as_damage(tmp_path):
    def nest(member, data):
        if member != "meta/config.npy":
            return data
        buf = io.BytesIO()
        np.save(buf, np.array('{"a": ' * 60000 + "1" + "}" * 60000))
        return buf.getvalue()
    with pytest.raises(ValueError, match="nested too deeply"):
        load_checkpoint(_rezip(tmp_path, "nested.npz", nest))


def _family(**methods):
    return type("MyWaves", (Sinusoid,), methods)()


def _scipy_global(self, rng, n_tasks):
    """SciPy's rvs without random_state draws from NumPy's global state."""
    amplitude = stats.uniform(0.1, 4.9).rvs(size=n_tasks)
    phase = stats.uniform(0, np.pi).rvs(size=n_tasks)
    return np.stack([amplitude, phase], axis=1)


class _OwnGenerator(Sinusoid):
    def __init__(self):
        super().__init__()
        self.noise_rng = np.random.default_rng(7)

    def sample_x(self, rng, task_params, n_points):
        return self.noise_rng.uniform(-5, 5, (len(task_params), n_points, 1))


def test_a_family_drawing_from_the_global_state_is_named():
    with pytest.raises(ValueError, match=r"MyWaves\.sample_params drew from NumPy's global "
                                         r"random state"):
        held_out_tasks(_family(sample_params=_scipy_global), 3, 4, 4)


def test_a_family_drawing_from_a_generator_it_holds_is_named():
    with pytest.raises(ValueError, match=r"_OwnGenerator\.sample_x drew from self\.noise_rng "
                                         r"\(a Generator\), not from the rng it is given"):
        held_out_tasks(_OwnGenerator(), 3, 4, 4)


def test_a_family_that_draws_from_its_rng_only_is_reproducible():
    a, b = (held_out_tasks(_family(sample_x=lambda self, rng, p, n: rng.uniform(
        -5, 5, (len(p), n, 1))), 3, 4, 4, seed=5) for _ in range(2))
    assert np.array_equal(a.x_query, b.x_query)


def _copied_query(self, rng, task_params, n_support, n_query):
    b = Sinusoid.make_batch(self, rng, task_params, n_support, n_query)
    return TaskBatch(b.x_support, b.y_support, b.x_support.copy(), b.y_support.copy())


def _three_targets(self, rng, task_params, n_support, n_query):
    b = Sinusoid.make_batch(self, rng, task_params, n_support, n_query)
    return TaskBatch(b.x_support, b.y_support, b.x_query, np.repeat(b.y_query, 3, axis=-1))


def test_a_query_set_copied_from_the_support_set_is_named():
    with pytest.raises(ValueError, match=r"MyWaves\.make_batch returned a query set equal to "
                                         r"its support set"):
        held_out_tasks(_family(make_batch=_copied_query), 2, 6, 6)


def test_targets_wider_than_the_family_outputs_are_named_at_make_batch():
    with pytest.raises(ValueError, match=r"MyWaves\.make_batch returned y_query of shape "
                                         r"\(\d+, 6, 3\).*n_outputs = 1"):
        held_out_tasks(_family(make_batch=_three_targets), 2, 6, 6)


@pytest.mark.parametrize("kwargs", [{"mmap_threshold": 1000}, {"trim_threshold": 131071}])
def test_a_threshold_below_glibc_own_is_refused_and_nothing_changes(kwargs):
    before = memory.current_setting()
    with pytest.raises(ValueError, match=r"must be at least glibc's own starting value, "
                                         r"131072 bytes"):
        memory.keep_freed_memory(**kwargs)
    assert memory.current_setting() == before


def test_float16_results_of_a_users_function_are_refused():
    with pytest.raises(TypeError, match=r"pdf \(.*<lambda>\) must return .* float16 values"):
        ContinuousInverseCDF.from_density(
            lambda x: np.float16(1.0) / (1 + np.asarray(x, np.float16) ** 2), center=0.0)
    with pytest.raises(TypeError, match=r"log_density \(.*<lambda>\) must return .* float16"):
        metropolis(lambda x: -np.abs(x[:, 0]).astype(np.float16), np.zeros((3, 1)), 5,
                   np.random.default_rng(0))


def test_a_start_dict_is_shown():
    with pytest.raises(TypeError, match=r"x0 must be .*got dict \{'mu': 1\.5\}"):
        metropolis(lambda x: -x[:, 0] ** 2, {"mu": 1.5}, 5, np.random.default_rng(0))


class _Traced:
    """Another library's traced value: NumPy cannot read it."""

    shape = (4,)
    dtype = np.dtype(float)

    def __array__(self, *args, **kwargs):
        raise RuntimeError("cannot leave the trace")


_Traced.__module__ = "otherlib.tracing"


def test_an_unreadable_value_of_another_library_is_named_by_package_and_shape():
    with pytest.raises(TypeError, match=r"could not read the otherlib\._Traced of shape \(4,\)"):
        ad.exp(_Traced())


def _borrowed_cos(x):
    raise TypeError("cos(): argument 'input' must be Tensor")


_borrowed_cos.__module__ = "torch"


def test_another_array_librarys_function_is_named_as_such():
    with pytest.raises(TypeError, match=r"its impl, torch\._borrowed_cos, raised TypeError"):
        ad.Primitive("borrowed", _borrowed_cos)(np.ones(3))
    with pytest.raises(TypeError, match=r"torch\._borrowed_cos is another library's function"):
        ad.grad(_borrowed_cos)(np.ones(3))


class _Box:
    """autograd's ArrayBox: items and a length, no array protocol."""

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return float(i)


_Box.__module__ = "autograd.numpy.numpy_boxes"


def test_another_librarys_traced_box_is_not_called_a_graph():
    message = no_sequence(_Box(), "x")
    assert "another library's value" in message and "graph" not in message
    assert message == misread("x", _Box())
    with pytest.raises(TypeError, match="another library's value"):
        ad.sum(_Box())
