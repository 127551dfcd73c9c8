"""The command line: every subcommand's --help, tiny train/evaluate/compare runs in-process,
bit-identical --resume, and failures that say what went wrong with a non-zero exit code."""

import re

import numpy as np
import pytest


from scratchmeta import cli
from scratchmeta.meta import registry
from scratchmeta.meta.guard import ExplodingMetaGradient
from scratchmeta.meta.protocol import describe
from scratchmeta.meta.training import flatten, load_checkpoint, train


def run(capsys, *argv):
    """main(argv) in-process: (exit code, stdout, stderr)."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command, mentions", [
    ([], ["demo", "train", "evaluate", "compare"]),
    (["train"], ["--strategy", "--resume", "--inner-lr", "--inner-steps", "--meta-batch",
                 "ETA", "atomically"]),
    (["evaluate"], ["--checkpoint", "--tasks", "95% interval", "1.96 s/√n"]),
    (["compare"], ["--strategies", "--quick", "same held-out tasks", "time per meta-step"]),
    (["demo"], ["usage"]),
])
def test_every_subcommand_has_a_help_that_exits_0(capsys, command, mentions):
    with pytest.raises(SystemExit) as exit_:
        cli.main(command + ["--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())        # undo argparse's line wrapping
    for word in mentions:
        assert word in text


def test_demo_still_prints_tanh_derivatives(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert out.startswith("Derivatives of tanh by nested grad (engine) and by closed form:")
    errors = [float(line.split()[-1]) for line in out.splitlines()[2:]]
    assert len(errors) == 12 and max(errors) < 1e-12


def test_train_then_evaluate_then_resume(capsys, tmp_path):
    out_path = str(tmp_path / "runs" / "fomaml.npz")         # runs/ does not exist yet
    code, out, _ = run(capsys, "train", "--strategy", "fomaml", "--steps", "6", "--seed", "4",
                       "--out", out_path, "--log-every", "3", "--meta-batch", "4",
                       "--checkpoint-every", "4")
    assert code == 0
    progress = [line for line in out.splitlines() if line.startswith("step")]
    assert [line.split()[1] for line in progress] == ["3/6", "6/6"]
    assert all(re.search(r"meta-loss \S+  \S+ steps/s  ETA \S+$", line) for line in progress)
    assert load_checkpoint(out_path).step == 6

    code, out, _ = run(capsys, "evaluate", "--checkpoint", out_path, "--tasks", "12",
                       "--steps", "2", "--query", "20")
    assert code == 0
    rows = [line.split() for line in out.splitlines() if re.match(r"\d+ ", line)]
    assert [row[0] for row in rows] == ["0", "1", "2"]
    assert all(row[2] == "±" and float(row[1]) > 0 for row in rows)
    assert "FOMAML on sinusoid" in out and "meta-step 6" in out

    # Training into an existing file needs --resume (or --force).
    code, _, err = run(capsys, "train", "--strategy", "fomaml", "--steps", "9", "--out",
                       out_path)
    assert code == 2 and "pass --resume" in err
    code, out, _ = run(capsys, "train", "--strategy", "fomaml", "--steps", "9", "--seed", "4",
                       "--out", out_path, "--meta-batch", "4", "--resume")
    assert code == 0 and "resuming FOMAML from step 6" in out
    whole = train(registry.make_strategy("fomaml", meta_batch=4), 9, seed=4)
    resumed = load_checkpoint(out_path).state
    whole, resumed = flatten(whole), flatten(resumed)
    assert all(np.array_equal(resumed[k], whole[k]) for k in whole)
    # --resume takes the checkpoint's settings; flags given change them (said and recorded).
    code, out, err = run(capsys, "train", "--strategy", "fomaml", "--steps", "12", "--out",
                         out_path, "--resume", "--seed", "4")
    assert code == 0, err
    assert "changed from" not in out
    assert load_checkpoint(out_path).config["hyperparameters"]["meta_batch"] == 4
    code, out, err = run(capsys, "train", "--strategy", "fomaml", "--steps", "13", "--out",
                         out_path, "--resume", "--seed", "4", "--inner-lr", "0.005")
    assert code == 0, err
    assert "changed from the checkpoint's settings (recorded in it): inner_lr 0.01 -> 0.005" in out
    assert load_checkpoint(out_path).changes == ({"step": 12,
                                                  "changes": {"inner_lr": [0.01, 0.005]}},)
    code, _, err = run(capsys, "train", "--strategy", "fomaml", "--steps", "14", "--out",
                       out_path, "--resume")                  # seed 0, not 4
    assert code == 2 and "seed (--seed): checkpoint 4, this run 0" in err


def test_compare_prints_one_table_of_every_strategy(capsys):
    code, out, err = run(capsys, "compare", "--steps", "3", "--tasks", "6", "--query", "20",
                         "--strategies", "maml", "fomaml", "--adapt-steps", "2",
                         "--val-tasks", "4")
    assert code == 0
    lines = out.splitlines()
    assert "chosen on 4 validation tasks (seed 11)" in lines[0]
    header = lines[1]
    for column in ("strategy", "test lr", "steps", "MSE after 0 steps", "MSE after 1 step",
                   "MSE after chosen steps", "median", "diverged", "worse", "ms / meta-step"):
        assert column in header
    rows = {line.split()[0]: line.split()[1:] for line in lines[3:5]}
    assert sorted(rows) == ["fomaml", "maml"]
    for cells in rows.values():     # lr, steps, three "mean ± half" cells, median, %, %, ms
        assert float(cells[0]) in (0.001, 0.003, 0.01, 0.03, 0.1) and int(cells[1]) <= 2
        assert cells[3:12:3] == ["±"] * 3 and float(cells[-1]) > 0
    assert "1.96 s/√n" in out
    assert "[1/2] maml: 3 meta-steps" in err                  # progress goes to stderr


def test_an_exploding_meta_gradient_is_reported_with_exit_code_1(capsys, tmp_path):
    import warnings
    out_path = str(tmp_path / "maml.npz")
    with warnings.catch_warnings(record=True) as caught:      # NumPy's overflow warnings too
        warnings.simplefilter("always")
        code, _, err = run(capsys, "train", "--steps", "5", "--inner-lr", "0.5",
                           "--inner-steps", "5", "--out", out_path)
    assert code == 1
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)]
    # K = 5 steps of inner_lr = 0.5 blow the forward inner loop up: said as such, not blamed
    # on the gradient; the file holds the initialisation only, and says so.
    assert re.search(r"error: the meta-loss is inf at meta-step 0: the forward pass diverged"
                     r".*section 1\.3\.7.*smaller inner_lr", err)
    assert "meta-gradient" not in err
    assert f"{out_path} holds only the initialisation (meta-step 0)" in err
    assert "last good state" not in err
    assert "--resume --inner-lr <smaller>" in err
    assert len(err.splitlines()) == 2
    # Following that advice works: the resumed run says what changed and records it.
    code, out, err = run(capsys, "train", "--steps", "3", "--inner-lr", "0.05",
                         "--inner-steps", "5", "--out", out_path, "--resume")
    assert code == 0, err
    assert "inner_lr 0.5 -> 0.05" in out
    ckpt = load_checkpoint(out_path)
    assert ckpt.step == 3 and ckpt.changes == ({"step": 0, "changes": {"inner_lr": [0.5, 0.05]}},)
    # ... and matches a run made with 0.05 from the start (the kept state is the initialisation).
    whole = train(registry.make_strategy("maml", inner_lr=0.05, inner_steps=5), 3, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(flatten(ckpt.state).values(),
                                                    flatten(whole).values()))


def test_an_exploding_gradient_with_a_finite_meta_loss_is_called_that(capsys, tmp_path):
    from scratchmeta.meta.guard import check_update
    with pytest.raises(ExplodingMetaGradient, match=r"the meta-gradient has norm 5e\+07 > "
                                                    r"1e\+06 at meta-step 4, while the "
                                                    r"meta-loss 0.3 is finite"):
        check_update(0.3, [np.array([3e7, 4e7])], step=4, advice="try a smaller inner_lr")


@pytest.mark.parametrize("name, flag", [("multitask", "meta_lr"), ("pretrained", "meta_lr"),
                                        ("multitask", "head_meta_lr")])
def test_a_huge_outer_step_is_stopped_by_the_guard_for_every_strategy(capsys, tmp_path, name,
                                                                      flag):
    out_path = str(tmp_path / "run.npz")
    code, _, err = run(capsys, "train", "--strategy", name, "--steps", "3", "--set",
                       f"{flag}=1e9", "--out", out_path)
    assert code == 1, err
    assert re.search(rf"the update at meta-step 0 moved the \w+ by \S+, more than 1000 x .*"
                     rf"Try a smaller {flag} \(now 1e\+09\)", err)
    assert f"{out_path} holds only the initialisation (meta-step 0)" in err
    assert all(np.all(np.isfinite(v)) for v in flatten(load_checkpoint(out_path).state).values())


def test_an_explosion_mid_run_keeps_the_last_good_checkpoint(capsys, tmp_path, monkeypatch):
    make = registry.make_strategy

    class ExplodesAtStep5:
        def __init__(self, *args, **kwargs):
            self.inner = make(*args, **kwargs)
            self.name, self.model, self.family = "MAML", self.inner.model, self.inner.family

        def init_state(self, rng):
            return self.inner.init_state(rng)

        def sample_batch(self, rng, state):
            return self.inner.sample_batch(rng, state)

        def update(self, state, batch, rng, step):
            if step == 5:
                raise ExplodingMetaGradient("the meta-gradient has norm 3e+07 > 1e+06 at "
                                            "meta-step 5 (section 1.3.7)")
            return self.inner.update(state, batch, rng, step)
    monkeypatch.setattr(registry, "make_strategy", ExplodesAtStep5)
    monkeypatch.setattr("scratchmeta.meta.training.describe", lambda s: describe(s.inner))
    out_path = str(tmp_path / "maml.npz")
    code, out, err = run(capsys, "train", "--steps", "9", "--checkpoint-every", "3",
                         "--meta-batch", "2", "--out", out_path)
    assert code == 1
    assert "error: the meta-gradient has norm 3e+07 > 1e+06 at meta-step 5" in err
    assert "the last good state (meta-step 5) is kept" in err
    assert load_checkpoint(out_path).step == 5


@pytest.mark.parametrize("argv, message", [
    (["train", "--steps", "-1"], "expected a non-negative integer, got '-1'"),
    (["train", "--steps", "many"],
     "expected a non-negative integer, written in plain decimal digits, got 'many'"),
    (["train", "--strategy", "mamal"], "invalid choice: 'mamal'"),
    (["train", "--inner-lr", "0"], "expected a positive number, got '0'"),
    (["train", "--set", "lam"], "expected NAME=VALUE"),
    (["evaluate"], "the following arguments are required: --checkpoint"),
    (["compare", "--tasks", "0"], "expected an integer >= 2"),
    (["compare", "--tasks", "1"], "expected an integer >= 2"),
    (["compare", "--family", "circles"], "invalid choice: 'circles'"),
])
def test_bad_arguments_are_argparse_errors_with_exit_code_2(capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_bad_values_are_reported_as_error_lines_with_exit_code_2(capsys, tmp_path):
    code, _, err = run(capsys, "train", "--set", "lam=0.1", "--out", str(tmp_path / "a.npz"))
    assert code == 2 and err.startswith("error: strategy MAML has no hyperparameter 'lam'")
    code, _, err = run(capsys, "train", "--strategy", "closed_form", "--inner-steps", "2",
                       "--out", str(tmp_path / "a.npz"))
    assert code == 2 and "no inner loop to unroll" in err
    code, _, err = run(capsys, "train", "--inner-lr", "0.1", "--set", "inner_lr=0.2",
                       "--out", str(tmp_path / "a.npz"))
    assert code == 2 and "inner_lr is given twice" in err
    code, _, err = run(capsys, "evaluate", "--checkpoint", str(tmp_path / "absent.npz"))
    assert code == 2 and err.startswith("error: no checkpoint at")
    code, _, err = run(capsys, "train", "--steps", "1", "--out", str(tmp_path / "a.ckpt"))
    assert code == 2 and "must be a file name ending in .npz" in err


@pytest.mark.parametrize("name", ["maml", "fomaml", "reptile", "anil", "subset",
                                  "closed_form", "multitask", "pretrained", "scratch"])
def test_every_shared_flag_works_for_every_strategy_it_applies_to(name, tmp_path, capsys):
    """--meta-lr, --inner-lr, --meta-batch and --n-support mean the same for every strategy
    that has them; a flag a strategy has not got is refused with its reason (exit 2)."""
    flags = {"--inner-lr": "0.02", "--meta-batch": "4", "--n-support": "10"}
    if name != "scratch":
        flags["--meta-lr"] = "0.002"
    argv = ["train", "--strategy", name, "--steps", "1", "--out", str(tmp_path / "run.npz")]
    code, _, err = run(capsys, *argv, *(x for pair in flags.items() for x in pair))
    assert code == 0, err
    hyper = load_checkpoint(tmp_path / "run.npz").config["hyperparameters"]
    assert hyper["inner_lr"] == 0.02 and hyper["meta_batch"] == 4
    if name == "scratch":
        code, _, err = run(capsys, *argv, "--force", "--meta-lr", "0.1")
        assert code == 2 and "nothing is trained across tasks" in err


def test_compare_marks_a_strategy_that_does_not_fit_the_family_as_not_applicable(capsys):
    # The closed-form head replaces a last layer; the linear family's model is only one layer.
    code, out, _ = run(capsys, "compare", "--family", "linear", "--steps", "2", "--tasks", "3",
                       "--query", "10", "--strategies", "maml", "closed_form",
                       "--val-tasks", "3")
    assert code == 0
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[3:5]}
    assert rows["closed_form"] == ["-", "-"] + ["n/a"] * 3 + ["-"] * 4
    assert rows["maml"][3] == "±"
    assert "n/a: closed_form: ClosedForm meta-trains a body shared by every task" in out
    assert "(linear's has none)" in out


def test_figures_command_writes_the_requested_figure(tmp_path):
    # The README's first command runs `figures`; here one quick figure only.
    assert cli.main(["figures", "--quick", "--out", str(tmp_path), "--only", "fig22_5"]) == 0
    assert (tmp_path / "fig22_5_unrolled_graph.png").stat().st_size > 10_000


def test_train_anneals_reptile_over_the_requested_run(tmp_path):
    # Reptile's outer step falls linearly to 0 over n_steps (eq. 22.5); the CLI
    # ties n_steps to --steps so the schedule ends with the run.
    out = tmp_path / "reptile.npz"
    assert cli.main(["train", "--strategy", "reptile", "--steps", "3", "--out", str(out),
                     "--set", "inner_steps=2"]) == 0
    assert load_checkpoint(out).config["hyperparameters"]["n_steps"] == 3


# --- processes: kill -9, SIGTERM, two writers ---------------------------------------------

def _train_process(out, steps, *extra):
    import subprocess
    import sys
    argv = [sys.executable, "-m", "scratchmeta", "train", "--steps", str(steps), "--seed", "3",
            "--meta-batch", "2", "--checkpoint-every", "1", "--log-every", "1000",
            "--out", str(out), *extra]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_step(path, step, process, timeout=120.0):
    import time
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        assert process.poll() is None, process.communicate()
        try:
            if load_checkpoint(path).step >= step:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    raise AssertionError(f"no checkpoint at step {step} after {timeout} s")


def _uninterrupted(steps):
    return flatten(train(registry.make_strategy("maml", meta_batch=2), steps, seed=3))


def _assert_same(a, b):
    assert sorted(a) == sorted(b)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key], err_msg=key)


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_killed_or_terminated_run_resumes_bit_identically(tmp_path, capsys, signal_name):
    import signal
    out, steps = tmp_path / "run.npz", 150
    process = _train_process(out, steps)
    _wait_for_step(out, 5, process)
    process.send_signal(getattr(signal, signal_name))
    _, err = process.communicate(timeout=120)
    if signal_name == "SIGTERM":             # saves the last completed step, as Ctrl-C does
        assert process.returncode == 143, err
        kept = load_checkpoint(out).step
        assert f"terminated (SIGTERM); meta-step {kept} is saved in {out}" in err
    else:
        assert process.returncode == -signal.SIGKILL
        kept = load_checkpoint(out).step      # whole: the last atomic rename
    assert 5 <= kept < steps
    if signal_name == "SIGTERM":
        assert [p.name for p in tmp_path.iterdir()] == ["run.npz"]   # no .tmp, no .lock
    code, _, err = run(capsys, "train", "--steps", str(steps), "--seed", "3", "--out", str(out),
                       "--resume", "--log-every", "1000")
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["run.npz"]   # kill -9's leftovers cleared
    _assert_same(flatten(load_checkpoint(out).state), _uninterrupted(steps))


def test_a_second_writer_to_the_same_path_is_refused_and_readers_never_see_a_torn_file(
        tmp_path, capsys):
    import signal
    out = tmp_path / "run.npz"
    first = _train_process(out, 100000)
    _wait_for_step(out, 2, first)
    code, _, err = run(capsys, "train", "--steps", "5", "--out", str(out), "--force")
    assert code == 2
    assert f"another run (pid {first.pid}) is writing" in err
    steps = [load_checkpoint(out).step for _ in range(60)]        # while it writes every step
    assert steps == sorted(steps)
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=120)
    assert first.returncode == 143
    assert load_checkpoint(out).step >= steps[-1]


def test_two_runs_started_at_once_without_force_cannot_both_write(tmp_path):
    out = tmp_path / "run.npz"
    runs = [_train_process(out, 30), _train_process(out, 30)]
    results = [(p.wait(timeout=120), p.communicate()[1]) for p in runs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    refused = next(err for code, err in results if code == 2)
    assert "another run" in refused or "exists; pass --resume" in refused
    _assert_same(flatten(load_checkpoint(out).state), _uninterrupted(30))
