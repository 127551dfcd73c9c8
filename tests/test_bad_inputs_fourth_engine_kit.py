"""Bad inputs to the engine, the allocator and thread settings, found by the fourth battery's draft.

Each was silent or unclear before (issue 11): the imaginary part of a complex loss or
tangent dropped with only a NumPy warning, a NaN bound of ``clip`` taken, a string given to
``tree_map`` as ``f`` failing as "'str' object is not callable", a string taken as the
environment by ``one_blas_thread_unless_set``. Each is now one ValueError or TypeError that
names the argument and the value given, raised before any work. The shared validators
behind them (``checks.real_array``, ``checks.check_callable``, ``checks.check_no_nan``, the
structure check of ``tree_map``) are tested here on a few more of the cases they cover.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta import memory, threads

X3 = np.array([0.5, -1.0, 2.0])


# --- complex values lose their imaginary part: refused ---------------------------------------

def test_grad_of_a_complex_loss_is_a_type_error_naming_complex():
    with pytest.raises(TypeError, match=r"grad needs fun \(.*\) to return a float array or "
                                        r"number, "
                                        r"but it returned a complex array"):
        ad.grad(lambda x: ad.sum(x) * 1j)(X3)


def test_vjp_of_a_complex_output_is_a_type_error_naming_complex():
    with pytest.raises(TypeError, match=r"vjp needs fun \(.*\) to return .* a complex array"):
        ad.vjp(lambda x: x * 1j, X3)


def test_jvp_with_a_complex_tangent_names_the_tangent_and_complex():
    with pytest.raises(TypeError, match=r"jvp: tangent 0 must be an array of real numbers, "
                                        r"got a complex array of dtype complex128 and "
                                        r"shape \(3,\)"):
        ad.jvp(ad.sin, (X3,), (X3 + 1j,))


def test_a_complex_cotangent_is_refused_like_none():
    _, pullback = ad.vjp(ad.sin, X3)
    with pytest.raises(TypeError, match=r"cotangent u must be an array of real numbers, "
                                        r"got a complex array"):
        pullback(X3 * 1j)
    with pytest.raises(TypeError, match=r"cotangent u .* got NoneType None"):
        pullback(None)
    np.testing.assert_allclose(pullback(np.ones(3, dtype=int))[0], np.cos(X3))   # ints are real


# --- clip's bounds ------------------------------------------------------------------------------

@pytest.mark.parametrize("a_min, a_max, name", [(np.nan, 1.0, "a_min"), (0.0, np.nan, "a_max"),
                                                (np.array([0.0, np.nan, 0.0]), None, "a_min")])
def test_clip_with_a_nan_bound_is_a_value_error_naming_the_bound(a_min, a_max, name):
    with pytest.raises(ValueError, match=rf"clip: {name} must not be NaN, got .*nan"):
        ad.clip(X3, a_min, a_max)


def test_clip_with_a_string_bound_is_a_type_error():
    with pytest.raises(TypeError, match=r"clip: a_max must be an array of real numbers, "
                                        r"got str 'a'"):
        ad.clip(X3, 0.0, "a")


# --- tree_map's f and trees ------------------------------------------------------------------

def test_tree_map_of_a_string_names_f_and_the_string():
    with pytest.raises(TypeError, match=r"tree_map needs a function as f, got str 'add'"):
        ad.tree_map("add", [X3])


def test_tree_map_refuses_trees_of_another_structure_with_as_many_leaves():
    with pytest.raises(ValueError, match=r"tree 0 is \{'a': \*\} but tree 1 is \{'b': \*\}"):
        ad.tree_map(np.add, {"a": X3}, {"b": X3})
    with pytest.raises(ValueError, match=r"tree 0 is \[\*, \[\*\]\] but tree 1 is \[\[\*\], \*\]"):
        ad.tree_map(np.add, [X3, [X3]], [[X3], X3])
    # a list and a tuple of the same leaves are one structure
    out = ad.tree_map(np.add, [X3, X3], (X3, X3))
    assert isinstance(out, list) and len(out) == 2


def test_tree_map_of_no_tree_is_a_type_error():
    with pytest.raises(TypeError, match=r"tree_map needs at least one tree"):
        ad.tree_map(np.negative)


# --- engine entry points share the same validators -------------------------------------------

def test_a_primitive_names_its_argument_that_is_not_a_function():
    with pytest.raises(TypeError, match=r"Primitive 'p' needs a function as impl, "
                                        r"got str 'np.sin'"):
        ad.Primitive("p", "np.sin")
    with pytest.raises(TypeError, match=r"Primitive 'p' needs a function as vjp_0"):
        ad.Primitive("p", np.sin, "cos")
    ad.Primitive("p", np.sin, None)                  # None: not differentiable, accepted


def test_mean_over_no_entries_is_a_value_error_not_a_nan():
    with pytest.raises(ValueError, match=r"mean: no entries .* shape \(0, 3\)"):
        ad.mean(np.zeros((0, 3)), axis=0)
    assert ad.mean(np.zeros((0, 3)), axis=1).shape == (0,)    # no division by zero: fine


def test_an_op_refused_by_numpy_names_the_object_dtype():
    with pytest.raises(TypeError, match=r"exp: cannot apply to \(2,\) of dtype object"):
        ad.exp(np.array([1.0, "a"], dtype=object))


# --- threads and memory ----------------------------------------------------------------------

def test_one_blas_thread_refuses_a_string_as_the_environment():
    with pytest.raises(TypeError, match=r"environ must be a mapping .*, got str "
                                        r"'OPENBLAS_NUM_THREADS=1'"):
        threads.one_blas_thread_unless_set("OPENBLAS_NUM_THREADS=1")


@pytest.mark.parametrize("kwargs, error, name, value", [
    ({"mmap_threshold": -1}, ValueError, "mmap_threshold", "-1"),
    ({"trim_threshold": 2 ** 40}, ValueError, "trim_threshold", str(2 ** 40)),
    ({"trim_threshold": 1.5e6}, TypeError, "trim_threshold", "1500000.0"),
    ({"mmap_threshold": True}, TypeError, "mmap_threshold", "True")])
def test_keep_freed_memory_refuses_thresholds_mallopt_would_wrap_or_misread(kwargs, error, name,
                                                                              value):
    before = memory.current_setting()
    with pytest.raises(error, match=rf"{name} must be .*, got .*{value}"):
        memory.keep_freed_memory(**kwargs)
    assert memory.current_setting() == before          # nothing applied


@pytest.mark.parametrize("value", ["false", "no", "2", "off"])
def test_an_unrecognised_opt_out_value_is_an_error_naming_the_variable(value, monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_KEEP_FREED_MEMORY", value)
    with pytest.raises(ValueError, match=rf"SCRATCHMETA_KEEP_FREED_MEMORY must be 0 .* or 1 "
                                         rf".*, got '{value}'"):
        memory.keep_freed_memory_unless_opted_out()


def test_the_opt_out_variable_still_takes_0_and_1(monkeypatch):
    monkeypatch.setenv("SCRATCHMETA_KEEP_FREED_MEMORY", "0")
    assert memory.keep_freed_memory_unless_opted_out() is False
    assert memory.current_setting()["by"] == "nobody (SCRATCHMETA_KEEP_FREED_MEMORY=0)"
    monkeypatch.setenv("SCRATCHMETA_KEEP_FREED_MEMORY", " 1 ")
    assert isinstance(memory.keep_freed_memory_unless_opted_out(), bool)
