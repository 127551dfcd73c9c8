"""Round 93 of issue 11, tested on other values than the batteries': with sight of the
hundred-and-fifty-fourth to hundred-and-fifty-seventh batteries (measured blind first at
47c5a27). Each fails at 47c5a27 except the guards, which pass at both."""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.batchnorm import batch_norm
from scratchmeta.gradcheck import check_grads
from scratchmeta.optim import adam_init, adam_rows
from scratchmeta.sampling import ContinuousInverseCDF, DiscreteInverseCDF, split_rhat
from test_bad_inputs_cli import _good, run_cli

pytestmark = pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")   # np.matrix


def _heads(n=4):
    return [np.ones((n, 3)), np.zeros(n)]


def test_adam_rows_given_adam_inits_one_step_count_says_how_to_give_each_row_its_own():
    params = _heads()
    with pytest.raises(ValueError, match=r"state\['t'\] must be one step count per row .* got "
                                         r"array\(0\); adam_init's one count is adam_update's: "
                                         r"for adam_rows, .*t=np\.zeros\(4, dtype=int\)"):
        adam_rows(params, adam_init(params), [np.ones((1, 3)), np.ones(1)], [2], 1e-3)


def test_guard_the_state_the_hint_gives_takes_one_lazy_step():
    params = _heads()
    state = dict(adam_init(params), t=np.zeros(4, dtype=int))
    new, after = adam_rows(params, state, [np.ones((1, 3)), np.ones(1)], [2], 1e-3)
    assert after["t"].tolist() == [0, 0, 1, 0] and np.all(new[0][[0, 1, 3]] == 1.0)


X = np.array([0.3, -0.2, 0.5])


def _primitive(impl=np.sin, vjp=None):
    return ad.Primitive("my_sin", impl, vjp or (lambda g, ans, x: g * ad.cos(x)))


def test_a_primitive_whose_impl_returns_an_np_matrix_is_named_with_its_impl():
    op = _primitive(impl=lambda x: np.asmatrix(np.sin(x)))
    with pytest.raises(TypeError, match=r"Primitive 'my_sin': impl .* must return an array of "
                                        r"real numbers, but it returned an np\.matrix of shape "
                                        r"\(1, 3\)"):
        ad.grad(lambda x: ad.sum(op(x)))(X)


def test_a_primitive_whose_vjp_returns_another_librarys_array_is_named_with_its_rule():
    torch = pytest.importorskip("torch")
    op = _primitive(vjp=lambda g, ans, x: torch.from_numpy(np.cos(np.asarray(x))))
    with pytest.raises(TypeError, match=r"Primitive 'my_sin': vjp_0 .* must return the cotangent "
                                        r"as an array or engine value, but it returned "
                                        r"torch\.Tensor of shape \(3,\)"):
        ad.grad(lambda x: ad.sum(op(x)))(X)


def test_guard_a_well_behaved_primitive_still_differentiates():
    np.testing.assert_allclose(ad.grad(lambda x: ad.sum(_primitive()(x)))(X), np.cos(X))


@pytest.mark.parametrize("name", ["grad", "check_grads"])
def test_an_np_matrix_given_as_the_point_is_refused_by_name(name):
    call = {"grad": lambda: ad.grad(lambda x: ad.sum(x * x))(np.asmatrix(X)),
            "check_grads": lambda: check_grads(lambda x: ad.sum(x * x), (np.asmatrix(X),))}
    with pytest.raises(TypeError, match=rf"^{name}.* is an np\.matrix of shape \(1, 3\)"):
        call[name]()


@pytest.mark.parametrize("name", ["mean", "var", "std", "squeeze"])
def test_ops_built_of_others_name_themselves_for_an_np_matrix(name):
    with pytest.raises(TypeError, match=rf"^{name}: .*np\.matrix"):
        getattr(ad, name)(np.asmatrix(X))


def test_clip_names_itself_for_an_np_matrix_not_where_it_is_built_on():
    with pytest.raises(TypeError, match=r"^clip: .* x is an np\.matrix"):
        ad.clip(np.asmatrix(X), 0.0, 1.0)


@pytest.mark.parametrize("fun, said", [(lambda x: np.where(x > 0), ", in the tuple of 1 it "
                                        "returned"), (lambda x: np.arange(3), "")])
def test_check_grads_refuses_a_fun_that_returns_indices(fun, said):
    with pytest.raises(TypeError, match=r"^check_grads needs fun .* but it returned an integer "
                                        r"array of shape .*carry no derivative\)" + said + "$"):
        check_grads(fun, (X,))


def test_guard_check_grads_still_checks_a_tuple_of_a_loss_and_an_int_constant():
    assert check_grads(lambda x: (ad.sum(x * x), 0), (X,)) is None


def test_a_torch_tensor_numpy_cannot_read_is_named_with_its_package():
    torch = pytest.importorskip("torch")
    with pytest.raises(TypeError, match=r"^DiscreteInverseCDF: p must be .*could not read the "
                                        r"torch\.Tensor given"):
        DiscreteInverseCDF(torch.tensor([0.2, 0.8], dtype=torch.float64, requires_grad=True))
    with pytest.raises(TypeError, match=r"^split_rhat: draws .*the torch\.Tensor given"):
        split_rhat(torch.ones((4, 50), dtype=torch.float64, requires_grad=True))


@pytest.mark.parametrize("make, name", [
    (lambda: DiscreteInverseCDF("0.5"), "DiscreteInverseCDF"),
    (lambda: ContinuousInverseCDF("x", None, (0, 1), 0.0), "ContinuousInverseCDF")])
def test_the_samplers_constructors_start_their_errors_with_the_class(make, name):
    with pytest.raises(TypeError, match=rf"^{name}: "):
        make()


def test_a_renamed_parameter_entry_is_named_in_a_damaged_checkpoint(tmp_path):
    arrays = dict(np.load(_good(tmp_path), allow_pickle=False))
    arrays["state/params/00"] = arrays.pop("state/params/0")
    np.savez(tmp_path / "renamed.npz", **arrays)
    code, out, err, tb = run_cli(["evaluate", "--checkpoint", str(tmp_path / "renamed.npz")])
    assert (code, tb) == (2, ""), err
    assert "state/params/00 has no moment: was it renamed from state/params/0?" in err, err


def test_batch_norm_asks_whether_h_and_scale_were_swapped():
    with pytest.raises(ValueError, match=r"^h must have shape .*; scale has shape \(2, 5, 4\), "
                                         r"a shape h could have: are h and scale swapped\?"):
        batch_norm(np.ones(4), scale=np.ones((2, 5, 4)))
