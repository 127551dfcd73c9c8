"""Round 6 (task families, the network, Adam, batch norm, Omniglot): each bad input is one
ValueError or TypeError naming the argument (and a scalar's value) before any work starts.

One test per kind fixed, each over several cases of that kind, so that a new case of the same
kind is covered by the same general check: a set or dict where an ordered sequence is meant;
bools where real numbers are meant; text, objects or complex numbers among Adam's leaves; a
user's family method (sample_params, sample_x, target, loss) returning the wrong thing, named
by that method; a user's ``linear`` of ``forward_with`` returning the wrong thing; a family's
numbers so large that its tasks overflow; Omniglot's episodes and archives. Omniglot's family
uses a small array of fake drawings, so no data is read or fetched. Valid inputs that the new
checks must not refuse are checked at the end.
"""

import numpy as np
import pytest

import scratchmeta.autodiff as ad
from scratchmeta.batchnorm import batch_norm, finn_init
from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot, check_shots
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP, per_task, split
from scratchmeta.optim import adam_init, adam_rows, adam_update
from scratchmeta.tasks import LinearRegression, Sinusoid, cross_entropy, mse

FAKE = OmniglotImages(np.random.default_rng(5).random((30, 20, 28, 28)).astype(np.float32),
                      np.array([f"A{i // 5}" for i in range(30)]),
                      np.array([f"character{i % 5:02d}" for i in range(30)]), 20)


def _rng():
    return np.random.default_rng(0)


def _net():
    model = MLP((1, 4, 1))
    return model, model.init(_rng())


def _family(base=Sinusoid, **methods):
    """A user's family: ``base`` with some methods replaced."""
    return type("UserFamily", (base,), methods)()


def _omniglot(**kwargs):
    return Omniglot(5, data=FAKE, n_train=15, n_validation=6, **kwargs)


def _adam(**change):
    """adam_update on the small network with one argument replaced."""
    params = _net()[1]
    args = {"params": params, "grads": [np.ones_like(p) for p in params],
            "state": adam_init(params), "lr": 1e-3}
    state_change = change.pop("state_change", {})
    args.update(change)
    args["state"] = {**args["state"], **state_change} if state_change else args["state"]
    return adam_update(**args)


def _check(call, error, mentions):
    with np.errstate(all="raise"), pytest.raises(error) as caught:
        call()
    for mention in mentions:
        assert mention in str(caught.value), (mention, str(caught.value))


def _ids(cases):
    return [c[0] for c in cases]


UNORDERED = [
    ("MLP sizes a set", lambda: MLP({1, 8}), TypeError, ["sizes", "set"]),
    ("MLP sizes a frozenset", lambda: MLP(frozenset({1, 8, 2})), TypeError, ["sizes"]),
    ("MLP sizes a dict", lambda: MLP({1: 8, 8: 1}), TypeError, ["sizes", "dict"]),
    ("finn_init sizes a set", lambda: finn_init(_rng(), {784, 5}), TypeError, ["sizes"]),
    ("sinusoid amplitude a set", lambda: Sinusoid(amplitude={0.1, 5.0}), TypeError,
     ["amplitude"]),
    ("sinusoid phase a dict", lambda: Sinusoid(phase={0.0: 1.0, 1.0: 2.0}), TypeError,
     ["phase"]),
    ("sinusoid x_range a generator", lambda: Sinusoid(x_range=(v for v in (-5.0, 5.0))),
     TypeError, ["x_range", "generator"]),
    ("sinusoid amplitude bytes", lambda: Sinusoid(amplitude=b"ab"), TypeError,
     ["amplitude", "b'ab'"]),
    ("frequency frequency a set", lambda: SinusoidFrequency(frequency={0.5, 2.0}), TypeError,
     ["frequency"]),
    ("load parts a set", lambda: omniglot.load(parts=set(omniglot.OFFICIAL), progress=False),
     TypeError, ["parts"]),
]


@pytest.mark.parametrize("name, call, error, mentions", UNORDERED, ids=_ids(UNORDERED))
def test_an_unordered_collection_is_refused_where_an_ordered_one_is_meant(name, call, error,
                                                                          mentions):
    _check(call, error, mentions)


def _bool_like(params):
    return [p > 0 for p in params]


BOOLS = [
    ("MLP apply x", lambda: _net()[0].apply(_net()[1], np.ones((5, 1), bool)), TypeError,
     ["x", "bool"]),
    ("MLP apply per-task x", lambda: _net()[0].apply(per_task(_net()[1], 2),
                                                     np.ones((2, 5, 1), bool)),
     TypeError, ["x", "bool"]),
    ("MLP apply params", lambda: _net()[0].apply(_bool_like(_net()[1]), np.ones((5, 1))),
     TypeError, ["params[0]", "bool"]),
    ("MLP body x", lambda: MLP((1, 4, 4, 1)).body(MLP((1, 4, 4, 1)).init(_rng())[:-2],
                                                  np.ones((5, 1), bool)),
     TypeError, ["x", "bool"]),
    ("MLP head features", lambda: _net()[0].head(_net()[1][-2:], np.ones((5, 4), bool)),
     TypeError, ["features", "bool"]),
    ("MLP forward_with x", lambda: _net()[0].forward_with(
        _net()[1], np.ones((5, 1), bool), lambda l, h, w: ad.matmul(h, w)), TypeError, ["x"]),
    ("per_task params", lambda: per_task(_bool_like(_net()[1]), 2), TypeError, ["params"]),
    ("split params", lambda: split(_bool_like(_net()[1])), TypeError, ["params"]),
    ("batch_norm h", lambda: batch_norm(np.ones((4, 3), bool)), TypeError, ["h", "bool"]),
    ("batch_norm scale", lambda: batch_norm(np.ones((4, 3)), scale=np.ones(3, bool)),
     TypeError, ["scale"]),
    ("sinusoid target x", lambda: Sinusoid().target(Sinusoid().sample_params(_rng(), 2),
                                                    np.ones((2, 5, 1), bool)),
     TypeError, ["x"]),
    ("sinusoid target task_params", lambda: Sinusoid().target(np.ones((2, 2), bool),
                                                              np.ones((2, 5, 1))),
     TypeError, ["task_params"]),
    ("mse pred", lambda: mse(np.ones((2, 5, 1), bool), np.ones((2, 5, 1))), TypeError,
     ["pred", "bool"]),
    ("mse y", lambda: mse(np.ones((2, 5, 1)), np.ones((2, 5, 1), bool)), TypeError,
     ["y", "bool"]),
    ("a user family whose sample_x returns bools", lambda: _family(
        sample_x=lambda self, rng, p, n: np.ones((len(p), n, 1), bool)).sample(_rng(), 2, 5, 5),
     ValueError, ["UserFamily.sample_x", "bool"]),
    ("Omniglot images of bools", lambda: Omniglot(5, data=FAKE._replace(
        images=np.ones((30, 20, 28, 28), bool)), n_train=15, n_validation=6), TypeError,
     ["data.images", "bool"]),
]


@pytest.mark.parametrize("name, call, error, mentions", BOOLS, ids=_ids(BOOLS))
def test_bools_are_refused_where_real_numbers_are_meant(name, call, error, mentions):
    _check(call, error, mentions)


ADAM = [
    ("grads a text leaf", lambda: _adam(grads=[np.full(p.shape, "a") for p in _net()[1]]),
     ["grads", "<U1"]),
    ("grads an object leaf", lambda: _adam(grads=[np.full(p.shape, None) for p in _net()[1]]),
     ["grads", "object"]),
    ("grads complex", lambda: _adam(grads=[p + 1j for p in _net()[1]]), ["grads", "complex"]),
    ("grads bools", lambda: _adam(grads=_bool_like(_net()[1])), ["grads", "bool"]),
    ("grads of None leaves", lambda: _adam(grads=[None] * 4), ["grads", "None"]),
    ("params None", lambda: _adam(params=None), ["params", "None"]),
    ("params text", lambda: _adam(params=[np.full(p.shape, "a") for p in _net()[1]]),
     ["params"]),
    ("params bools", lambda: _adam(params=_bool_like(_net()[1])), ["params", "bool"]),
    ("state m text", lambda: _adam(state_change={"m": [np.full(p.shape, "a")
                                                      for p in _net()[1]]}),
     ["state['m']"]),
    ("state v text", lambda: _adam(state_change={"v": [np.full(p.shape, "a")
                                                      for p in _net()[1]]}),
     ["state['v']"]),
    ("adam_rows params a dict", lambda: adam_rows(
        {"a": np.zeros((3, 2))}, {"t": np.zeros(3, int), "m": {"a": np.zeros((3, 2))},
                                  "v": {"a": np.zeros((3, 2))}}, {"a": np.ones((1, 2))}, [0],
        1e-3), ["adam_rows", "params", "dict"]),
    ("adam_rows grads text", lambda: adam_rows(
        [np.zeros((3, 2))], {"t": np.zeros(3, int), "m": [np.zeros((3, 2))],
                             "v": [np.zeros((3, 2))]}, [np.full((1, 2), "a")], [0], 1e-3),
     ["grads"]),
]


@pytest.mark.parametrize("name, call, mentions", ADAM, ids=_ids(ADAM))
def test_adam_refuses_leaves_that_are_not_real_numbers_by_name(name, call, mentions):
    _check(call, TypeError, mentions)


def _params(value):
    return lambda self, rng, n: np.full((n, 2), value)


USER_METHODS = [
    ("sample_x returning NaN", lambda: _family(
        sample_x=lambda self, rng, p, n: Sinusoid.sample_x(self, rng, p, n) * np.nan).sample(
        _rng(), 2, 5, 5), ValueError, ["UserFamily.sample_x", "20 NaN or inf"]),
    ("sample_x returning inf", lambda: _family(
        sample_x=lambda self, rng, p, n: np.full((len(p), n, 1), np.inf)).sample(
        _rng(), 2, 5, 5), ValueError, ["UserFamily.sample_x", "NaN or inf"]),
    ("sample_params returning text", lambda: _family(sample_params=_params("a")).sample(
        _rng(), 2, 5, 5), TypeError, ["UserFamily.sample_params", "<U1"]),
    ("sample_params returning text, make_batch", lambda: _family(
        sample_params=_params("a")).make_batch(_rng(), np.ones((2, 2)), 5, 5), TypeError,
     ["UserFamily.sample_params", "<U1"]),
    ("sample_params returning bools", lambda: _family(sample_params=_params(True)).sample(
        _rng(), 2, 5, 5), TypeError, ["UserFamily.sample_params", "bool"]),
    ("sample_params returning objects", lambda: _family(sample_params=_params(None)).sample(
        _rng(), 2, 5, 5), TypeError, ["UserFamily.sample_params", "object"]),
    ("sample_params returning NaN", lambda: _family(sample_params=_params(np.nan)).sample(
        _rng(), 2, 5, 5), ValueError, ["UserFamily.sample_params", "4 NaN or inf", "nan"]),
    ("clusters sample_params returning inf", lambda: _family(
        GaussianClusters, sample_params=lambda self, rng, n: np.full((n, 5, 8), np.inf)).sample(
        _rng(), 2, 5, 5), ValueError, ["UserFamily.sample_params", "NaN or inf"]),
    ("target returning text", lambda: _family(
        target=lambda self, p, x: np.full(x.shape, "a")).sample(_rng(), 2, 5, 5), TypeError,
     ["UserFamily.target", "<U1"]),
    ("target returning complex", lambda: _family(
        target=lambda self, p, x: x + 1j).sample(_rng(), 2, 5, 5), TypeError,
     ["UserFamily.target", "complex"]),
    ("loss returning per-point losses, metric", lambda: _family(
        loss=staticmethod(lambda p, y: (p - y)[..., 0] ** 2)).metric(
        np.ones((2, 5, 1)), np.ones((2, 5, 1))), TypeError, ["UserFamily.loss", "(2, 5)"]),
    ("loss returning None, metric", lambda: _family(
        loss=staticmethod(lambda p, y: None)).metric(np.ones((2, 5, 1)), np.ones((2, 5, 1))),
     TypeError, ["UserFamily.loss", "None"]),
    ("loss returning text, metric", lambda: _family(
        loss=staticmethod(lambda p, y: "a")).metric(np.ones((2, 5, 1)), np.ones((2, 5, 1))),
     TypeError, ["UserFamily.loss", "'a'"]),
    ("loss returning one number, metric", lambda: _family(
        loss=staticmethod(lambda p, y: ad.mean((p - y) ** 2))).metric(
        np.ones((2, 5, 1)), np.ones((2, 5, 1))), TypeError, ["UserFamily.loss", "(2,)"]),
]


@pytest.mark.parametrize("name, call, error, mentions", USER_METHODS, ids=_ids(USER_METHODS))
def test_a_user_familys_method_returning_the_wrong_thing_is_named(name, call, error, mentions):
    _check(call, error, mentions)


LINEAR = [
    ("None", lambda l, h, w: None, ["linear", "layer l = 0", "None"]),
    ("text", lambda l, h, w: np.full((5, 4), "a"), ["linear", "<U1"]),
    ("the wrong shape", lambda l, h, w: np.ones((5, 3)), ["linear", "(5, 4)", "(5, 3)"]),
    ("the head's product of the wrong shape",
     lambda l, h, w: ad.matmul(h, w) if l == 0 else np.ones((5, 2)),
     ["linear", "layer l = 1", "(5, 1)"]),
]


@pytest.mark.parametrize("name, linear, mentions", LINEAR, ids=_ids(LINEAR))
def test_forward_with_names_a_linear_returning_the_wrong_thing(name, linear, mentions):
    model, params = _net()
    _check(lambda: model.forward_with(params, np.ones((5, 1)), linear), ValueError, mentions)


HUGE = [
    ("sinusoid x_range", lambda: Sinusoid(x_range=(-1e308, 1e308)), ["x_range", "1e+308"]),
    ("sinusoid amplitude", lambda: Sinusoid(amplitude=(0.1, 1e200)), ["amplitude", "1e+200"]),
    ("frequency frequency", lambda: SinusoidFrequency(frequency=(1.0, 1e308)), ["frequency"]),
    ("linear mean", lambda: LinearRegression(mean=(1e308, 1.0)), ["mean"]),
    ("linear scale", lambda: LinearRegression(scale=1e300), ["scale", "1e+300"]),
    ("clusters spread", lambda: GaussianClusters(spread=1e308), ["spread", "1e+308"]),
    ("clusters dim", lambda: GaussianClusters(dim=10**13), ["dim", "10000000000000"]),
]


@pytest.mark.parametrize("name, call, mentions", HUGE, ids=_ids(HUGE))
def test_a_familys_numbers_too_large_for_finite_tasks_are_refused(name, call, mentions):
    _check(call, ValueError, mentions)


def _repeated_character():
    params = _omniglot().sample_params(_rng(), 2)
    params[1, :, 0] = params[1, 0, 0]                    # episode 1: one character, five times
    return _omniglot().make_batch(_rng(), params, 5, 5)


OMNIGLOT = [
    ("dtype None", lambda: _omniglot(dtype=None), TypeError, ["dtype", "None"]),
    ("make_batch of one character five times", _repeated_character, ValueError,
     ["task_params", "distinct", "episode 1"]),
    ("sample n_tasks beyond memory", lambda: _omniglot().sample(_rng(), 10**12, 5, 5),
     ValueError, ["n_tasks = 1000000000000"]),
    ("sample_params n_tasks beyond memory", lambda: _omniglot().sample_params(_rng(), 10**13),
     ValueError, ["n_tasks = 10000000000000"]),
    ("check_shots n_tasks beyond an array's length", lambda: check_shots(5, 10**30, 5, 5),
     ValueError, ["n_tasks", str(10**30)]),
    ("images with no drawing", lambda: Omniglot(5, data=FAKE._replace(
        images=np.ones((30, 0, 28, 28))), n_train=15, n_validation=6), TypeError,
     ["data.images", "no axis empty", "(30, 0, 28, 28)"]),
    ("load parts one archive twice", lambda: omniglot.load(
        parts=(omniglot.OFFICIAL[0],) * 2, progress=False), ValueError,
     ["parts", "images_background"]),
]


@pytest.mark.parametrize("name, call, error, mentions", OMNIGLOT, ids=_ids(OMNIGLOT))
def test_omniglot_episodes_and_archives_are_checked_before_any_work(name, call, error,
                                                                    mentions):
    _check(call, error, mentions)


def test_a_networks_input_that_is_not_an_array_is_named_with_its_value():
    model, params = _net()
    for x, shown in ((1.0, "1.0"), (None, "None"), ("x", "'x'"), ({1.0, 2.0}, "{1.0, 2.0}")):
        _check(lambda: model.apply(params, x), TypeError, ["x", shown])


def test_valid_inputs_near_the_new_checks_are_still_taken():
    model, params = _net()
    x = np.linspace(-1, 1, 5)[:, None]
    # a list x is read as the array it spells, in every form
    assert np.array_equal(model.apply(params, x.tolist()), model.apply(params, x))
    assert np.array_equal(model.body(params[:-2], x.tolist()), model.body(params[:-2], x))
    # integer inputs, a range of sizes and a 1-D array of ranges are ordered: taken
    assert model.apply(params, np.ones((5, 1), int)).shape == (5, 1)
    assert MLP(range(1, 3)).sizes == (1, 2)
    assert Sinusoid(amplitude=np.array([0.1, 5.0])).amplitude == (0.1, 5.0)
    # bool one-hot labels are labels, not numbers: cross_entropy takes them
    y = np.eye(3, dtype=bool)[np.zeros((2, 4), int)]
    assert np.allclose(cross_entropy(np.zeros((2, 4, 3)), y), np.log(3))
    # a metric of a diverged model's prediction is its score (inf), not an error
    assert np.isinf(Sinusoid().metric(np.full((2, 5, 1), np.inf), np.ones((2, 5, 1)))).all()
    # Omniglot episodes and a plain family's batch are drawn as before
    batch = _omniglot().sample(_rng(), 2, 5, 5)
    assert batch.x_support.shape == (2, 5, 784) and batch.y_query.shape == (2, 5, 5)
    assert Sinusoid().sample(_rng(), 2, 5, 5).y_query.shape == (2, 5, 1)
    # Adam on a tree whose leaves are a dict of arrays and a float
    params = {"w": np.ones(3), "log_lam": 0.5}
    new, _ = adam_update(params, {"w": np.ones(3), "log_lam": 1.0}, adam_init(params), 1e-3)
    assert new["w"].shape == (3,) and np.isfinite(new["log_lam"])
