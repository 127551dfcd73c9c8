"""Round 5, the run's helpers: evaluation, training, comparisons, checkpoints, the protocol.

Each case is one call that is wrong in one way: an object of the wrong kind where a strategy,
a field, results or families are meant, a user's ``progress`` that takes no argument, a count
out of range under the caller's own name (``test_tasks``, not the ``n_tasks`` it is passed on
as). Each must raise ValueError or TypeError before any work, naming the argument and (for a
scalar) the value given, as ``tests/test_bad_inputs_cli.py``'s ``classify_call`` measures.
"""

import dataclasses

import numpy as np
import pytest

from scratchmeta.meta import compare, compare_reproduction, compare_subset, omniglot_compare
from scratchmeta.meta.checkpoint import check_state_entries, restore, save_checkpoint
from scratchmeta.meta.evaluate import diverged_value, evaluate, held_out_tasks
from scratchmeta.meta.maml import MAML
from scratchmeta.meta.protocol import configure, draw_tasks, field_type
from scratchmeta.meta.registry import make_family, make_strategy
from scratchmeta.meta.training import check_same_run, init_rng, load_checkpoint, train
from scratchmeta.tasks import Sinusoid


def _maml():
    strategy = make_strategy("maml", meta_batch=2)
    return strategy, strategy.init_state(init_rng(0))


def _evaluation():
    strategy, state = _maml()
    return evaluate(strategy, state, Sinusoid(), n_tasks=3, n_support=5, n_query=5, n_steps=1)


def _clusters():
    return make_family("clusters")


def _fams():
    return {"train": _clusters(), "validation": _clusters(), "test": _clusters()}


def _omniglot_style():
    strategy = omniglot_compare.build("maml", _clusters(), 1)
    return strategy, strategy.init_state(init_rng(0)), omniglot_compare.episodes(
        _clusters(), 2, 1, 0)


def _good(folder):
    path = folder / "good.npz"
    if not path.exists():
        train(make_strategy("maml", meta_batch=2), 1, 0, checkpoint=path)
    return path


def _run(**changes):
    kwargs = dict(strategies=("maml",), val_tasks=3, test_tasks=3, max_steps=1, n_query=5)
    return compare.run("sinusoid", {"maml": 1}, **{**kwargs, **changes})


def _no_argument():
    return None


def _divides_by_zero(line):
    return 1 / 0


CASES = [
    # compare: strategies, results and the caller's own names
    ("fits_at_step_0 None", lambda d: compare.fits_at_step_0(None), ["strategy", "None"]),
    ("compare.run test_tasks 0", lambda d: _run(test_tasks=0), ["test_tasks", "0"]),
    ("compare.run val_tasks 1", lambda d: _run(val_tasks=1), ["val_tasks", "1"]),
    ("compare.run val_seed None", lambda d: _run(val_seed=None), ["val_seed", "None"]),
    ("compare.run train_support 0", lambda d: _run(train_support=0), ["train_support", "0"]),
    ("compare.run max_steps -1", lambda d: _run(max_steps=-1), ["max_steps", "-1"]),
    ("compare.run a strategy that is a number", lambda d: _run(strategies=[1]),
     ["strategies[0]", "1"]),
    ("compare.run progress a word", lambda d: _run(progress="x"), ["progress", "'x'"]),
    ("compare.rows of None", lambda d: compare.rows(None), ["results", "None"]),
    ("compare.rows of an empty record", lambda d: compare.rows({"maml": {}}),
     ["results['maml']", "test"]),
    ("compare.rows with a test that is no Evaluation", lambda d: compare.rows(
        {"maml": {"test": 1.0, "choice": None, "step_0_fit": False, "train_seconds": 1.0,
                  "meta_steps": 1}}), ["results['maml']['test']"]),
    ("compare.cell evaluation None", lambda d: compare.cell(None, 0), ["evaluation", "None"]),
    ("compare.cell k -1", lambda d: compare.cell(_evaluation(), -1), ["k", "-1"]),
    ("compare.build meta_steps None", lambda d: compare.build("maml", "sinusoid", None),
     ["meta_steps", "None"]),
    # compare_subset
    ("points_per_step of a name", lambda d: compare_subset.points_per_step("maml"),
     ["strategy"]),
    ("points_per_step of a MAML strategy", lambda d: compare_subset.points_per_step(
        make_strategy("maml")), ["strategy.config", "subset_size"]),
    ("compare_subset.variant subset_size 0", lambda d: compare_subset.variant(0),
     ["subset_size", "0"]),
    ("compare_subset.run checkpoints None", lambda d: compare_subset.run(None),
     ["checkpoints", "None"]),
    ("compare_subset.run a size without checkpoints", lambda d: compare_subset.run(
        {10: (1,)}, subset_sizes=(100,)), ["checkpoints", "100"]),
    ("compare_subset.run a count 0", lambda d: compare_subset.run(
        {10: (0, 1)}, subset_sizes=(10,), n_support=20), ["checkpoints[10]", "0"]),
    ("compare_subset.run eval_tasks 1", lambda d: compare_subset.run(
        {10: (1,)}, subset_sizes=(10,), n_support=20, eval_tasks=1), ["eval_tasks", "1"]),
    # compare_reproduction
    ("score strategy None", lambda d: compare_reproduction.score(None, {}),
     ["strategy", "None"]),
    ("score no supports", lambda d: compare_reproduction.score(*_maml(), supports=[]),
     ["supports"]),
    ("score steps -1", lambda d: compare_reproduction.score(*_maml(), steps=(1, -1)),
     ["steps", "-1"]),
    ("table scores None", lambda d: compare_reproduction.table(None), ["scores", "None"]),
    ("table steps beyond the scores", lambda d: compare_reproduction.table(
        {5: _evaluation()}, steps=(9,)), ["steps", "9"]),
    # protocol
    ("field_type of a string", lambda d: field_type("inner_lr"), ["field", "'inner_lr'"]),
    ("configure cls a name", lambda d: configure("MAML"), ["cls", "'MAML'"]),
    ("configure config a dict", lambda d: configure(MAML, {"inner_lr": 0.1}), ["config"]),
    ("MAML config a word", lambda d: MAML(*[getattr(_maml()[0], a) for a in (
        "model", "family")], "fast"), ["config", "'fast'"]),
    ("draw_tasks of a name", lambda d: draw_tasks("maml", np.random.default_rng(0)),
     ["strategy"]),
    ("draw_tasks rng an int", lambda d: draw_tasks(_maml()[0], 42), ["rng", "42"]),
    # training
    ("train progress taking no argument", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, progress=_no_argument), ["progress"]),
    ("train progress that raises", lambda d: train(
        make_strategy("maml", meta_batch=2), 1, 0, progress=_divides_by_zero),
     ["progress", "ZeroDivisionError"]),
    ("train history a word", lambda d: train(make_strategy("maml", meta_batch=2), 1, 0,
                                             history="x"), ["history", "'x'"]),
    ("check_same_run ckpt None", lambda d: check_same_run(None, _maml()[0], 0),
     ["ckpt", "None"]),
    ("check_same_run path None", lambda d: check_same_run(
        load_checkpoint(_good(d)), _maml()[0], 0, None), ["path", "None"]),
    # evaluation
    ("diverged_value of an array", lambda d: diverged_value(np.array(["MSE", "MSE"])),
     ["metric_name"]),
    ("evaluate on_divergence an array", lambda d: evaluate(
        *_maml(), Sinusoid(), n_tasks=3, on_divergence=np.array(["raise", "record"])),
     ["on_divergence"]),
    # checkpoints
    ("save_checkpoint meta_losses a number", lambda d: save_checkpoint(
        d / "s.npz", _maml()[1], step=0, seed=0, config={}, meta_losses=2.5),
     ["meta_losses", "2.5"]),
    ("check_state_entries path None", lambda d: check_state_entries(
        {}, {}, 0, None, saving=True), ["path", "None"]),
    ("check_state_entries saving a word", lambda d: check_state_entries(
        {}, {}, 0, "x.npz", saving="yes"), ["saving", "'yes'"]),
    ("restore root a number", lambda d: restore(_good(d), root=3), ["root", "3"]),
    # omniglot_compare (on Gaussian clusters: N-way episodes without the images)
    ("with_step_size negative", lambda d: omniglot_compare.with_step_size(
        _omniglot_style()[0], -0.1), ["step_size", "-0.1"]),
    ("with_step_size strategy None", lambda d: omniglot_compare.with_step_size(None, 0.1),
     ["strategy", "None"]),
    ("omniglot build a misspelt name", lambda d: omniglot_compare.build(
        "mamll", _clusters(), 1), ["name", "mamll"]),
    ("omniglot build a family without classes", lambda d: omniglot_compare.build(
        "maml", Sinusoid(), 1), ["family", "n_way"]),
    ("omniglot build shots 0", lambda d: omniglot_compare.build("maml", _clusters(), 0),
     ["shots", "0"]),
    ("episodes n_tasks 0", lambda d: omniglot_compare.episodes(_clusters(), 0, 1, 0),
     ["n_tasks", "0"]),
    ("accuracy_curves batch None", lambda d: omniglot_compare.accuracy_curves(
        *_omniglot_style()[:2], None), ["batch", "None"]),
    ("accuracy_curves chunk 0", lambda d: omniglot_compare.accuracy_curves(
        *_omniglot_style(), chunk=0), ["chunk", "0"]),
    ("choose_on_validation a negative step size", lambda d: omniglot_compare.
     choose_on_validation(*_omniglot_style(), step_sizes=(0.1, -1.0)), ["step_sizes", "-1.0"]),
    ("train_one fams None", lambda d: omniglot_compare.train_one("maml", None, 1),
     ["fams", "None"]),
    ("train_one fams without a split", lambda d: omniglot_compare.train_one(
        "maml", {"train": _clusters()}, 1), ["fams", "validation"]),
    ("train_one progress a word", lambda d: omniglot_compare.train_one(
        "anil", _fams(), 1, seconds=0.01, progress="x"), ["progress", "'x'"]),
    ("evaluate_run n_test 1", lambda d: omniglot_compare.evaluate_run(
        "maml", _omniglot_style()[1], _fams(), 1, n_test=1), ["n_test", "1"]),
    ("weights_path folder None", lambda d: omniglot_compare.weights_path(None, "maml", 1),
     ["folder", "None"]),
    ("save_run state None", lambda d: omniglot_compare.save_run(d, None, {}),
     ["state", "None"]),
    ("save_run a record without its name", lambda d: omniglot_compare.save_run(
        d, {}, {"shots": 1}), ["record", "name"]),
    ("omniglot compare shots 0", lambda d: omniglot_compare.compare(d, shots=(0,)),
     ["shots", "0"]),
    ("omniglot compare a misspelt name", lambda d: omniglot_compare.compare(
        d, names=("mamll",)), ["names[0]", "mamll"]),
    ("table_rows results None", lambda d: omniglot_compare.table_rows(None),
     ["results", "None"]),
]


@pytest.mark.parametrize("call, mentions", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_argument_is_named_before_any_work(call, mentions, tmp_path):
    with np.errstate(all="raise"), pytest.raises((ValueError, TypeError)) as caught:
        call(tmp_path)
    missing = [m for m in mentions if m not in str(caught.value)]
    assert not missing, f"{caught.value!r} does not name {missing}"


def test_a_progress_of_one_argument_still_hears_every_line():
    lines = []
    train(make_strategy("maml", meta_batch=2), 2, 0, progress=lines.append, log_every=1)
    assert len(lines) == 2 and lines[0].startswith("step 1/2")


def test_points_per_step_counts_a_subset_step():
    strategy = compare_subset.variant(10, n_support=20)
    c = strategy.config
    assert compare_subset.points_per_step(strategy) == c.meta_batch * (
        c.inner_steps * 10 + c.n_query)


def test_field_type_reads_a_configuration_field():
    fields = {f.name: f for f in dataclasses.fields(MAML.Config())}
    assert field_type(fields["inner_lr"]) is float and field_type(fields["inner_steps"]) is int


def test_held_out_tasks_still_draw_the_same_tasks():
    a = held_out_tasks(Sinusoid(), 2, 5, 5)
    b = held_out_tasks(Sinusoid(), 2, 5, 5)
    assert np.array_equal(a.x_support, b.x_support)
