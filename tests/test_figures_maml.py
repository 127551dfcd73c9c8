"""The MAML figures of Chapter 4: the numbers behind each picture, and the package conventions.

Every figure module returns the data it drew; these tests check what the
captions claim about that data, in quick mode (seed 0), not the pixels. The
quick runs are made once for the whole file by ``run_all``, which is itself
under test. Batch normalisation's claims are checked on its full run instead
(see there).
"""

import re
from pathlib import Path

import numpy as np
import pytest

import scratchmeta.figures as figures
from scratchmeta.figures import fig22_1, fig22_3, fig22_4, fig22_5, normalization, style
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, Sinusoid

ROOT = Path(__file__).resolve().parents[1]
MAML_STEMS = ["fig22_1", "fig22_3", "fig22_4", "fig22_5", "normalization"]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    lines = []
    results = figures.run_all(out, quick=True, only=MAML_STEMS, progress=lines.append)
    return out, results, lines


# --- the package: registry, run_all, style ------------------------------------------

def test_registry_lists_the_lecture_figures_in_order():
    assert [stem for stem, _ in figures.FIGURES][:14] == [
        "fig22_1", "fig22_2", "fig22_3", "fig22_4", "fig22_5", "fig22_6", "fig22_7",
        "compare", "exploding", "normalization", "sampling_discrete", "sampling_continuous",
        "sampling_metropolis_walk", "sampling_step_size"]


def test_run_all_writes_a_png_named_after_each_stem(made):
    out, results, lines = made
    assert sorted(results) == sorted(MAML_STEMS)
    for stem in MAML_STEMS:
        files = results[stem]["files"]
        assert files, f"{stem} wrote no file"
        for path in files:
            assert path.parent == out and path.name.startswith(stem + "_")
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert results[stem]["seconds"] > 0
        assert any(line.startswith("[") and f"{stem}: done in" in line for line in lines)


def test_run_all_skips_a_listed_module_that_does_not_exist(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "FIGURES", [("fig99", "no_such_figure_module")])
    lines = []
    assert figures.run_all(tmp_path, quick=True, progress=lines.append) == {}
    assert "fig99: skipped" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_run_all_rejects_unknown_stems_and_a_bare_string(tmp_path):
    with pytest.raises(ValueError, match="unknown figure stems"):
        figures.run_all(tmp_path, only=["fig22_99"])
    with pytest.raises(TypeError, match="list of stems"):
        figures.run_all(tmp_path, only="fig22_1")


def test_same_seed_gives_byte_identical_pictures(tmp_path):
    a = fig22_3.make(tmp_path / "a", quick=True)["files"][0].read_bytes()
    b = fig22_3.make(tmp_path / "b", quick=True)["files"][0].read_bytes()
    assert a == b


def test_style_rejects_a_bad_size_and_a_file_name_with_extension(tmp_path):
    with pytest.raises(ValueError, match="size must be one of"):
        style.subplots(size="huge")
    fig, _ = style.subplots()
    with pytest.raises(ValueError, match="without '.png'"):
        style.save(fig, tmp_path, "picture.png")
    assert style.save(fig, tmp_path, "picture") == tmp_path / "picture.png"


# --- Figure 22.1: the MAML update in the plane --------------------------------------------

def test_fig22_1_theta0_converges_to_the_meta_loss_minimum(made):
    # The caption: along b the meta-loss is flat, so theta0 needs far more than 150
    # steps; by the end of the run it is near the minimum on many fresh tasks.
    r = made[1]["fig22_1"]
    start, minimum = np.asarray(fig22_1.THETA0_START), r["meta_loss_minimum"]
    assert np.linalg.norm(r["theta0"] - minimum) < 0.1 * np.linalg.norm(start - minimum)
    assert r["population_loss_at_theta0"] < 1.02 * r["loss_at_minimum"]
    early = r["trajectory"][150]
    assert abs(early[0] - minimum[0]) < 0.1                   # w is right early ...
    assert abs(early[1] - minimum[1]) > 0.3                   # ... b is not yet
    assert abs(r["theta0"][1] - minimum[1]) < 0.2
    # the minimum's intercept is near the tasks' mean intercept
    assert abs(minimum[1] - r["population_optima_mean"][1]) < 0.1
    # flat along b: the meta-loss curves at least 3x less in b than in w
    h = r["meta_loss_hessian"]
    assert h[0, 0] > 3 * h[1, 1] > 0
    # and stopping at step 150 costs more meta-loss than the end of the run
    assert r["population_loss_early"] > r["population_loss_at_theta0"]


def test_fig22_1_meta_loss_minimum_is_a_stationary_point():
    model = fig22_1.MLP((1, 1))
    batch = fig22_1.LinearRegression().sample(np.random.default_rng(7), 30, 10, 10)
    minimum, loss, hessian = fig22_1.meta_loss_minimum(batch, model)
    g = fig22_1.ad.grad(lambda p: fig22_1.maml.meta_loss(p, batch, model,
                                                         inner_lr=fig22_1.INNER_LR,
                                                         inner_steps=1))(
        fig22_1.as_params(minimum))
    assert max(abs(float(np.ravel(gi)[0])) for gi in g) < 1e-10
    for d in ((0.01, 0), (0, 0.01), (-0.01, 0.01)):
        other = float(fig22_1.maml.meta_loss(fig22_1.as_params(minimum + np.array(d)), batch,
                                             model, inner_lr=fig22_1.INNER_LR, inner_steps=1))
        assert other > loss


def test_fig22_1_meta_trajectory_lowers_the_meta_loss(made):
    r = made[1]["fig22_1"]
    assert r["trajectory"].shape == (fig22_1.QUICK["meta_steps"] + 1, 2)
    assert np.allclose(r["trajectory"][0], fig22_1.THETA0_START)
    assert r["meta_loss"][-1] < 0.25 * r["meta_loss"][0]
    # Adapting helps at the learned theta0: the meta-loss is below the unadapted loss.
    assert r["meta_loss"][-1] < r["loss_before_adapting"][-1]


def test_fig22_1_arrows_are_the_inner_gradient_step(made):
    r = made[1]["fig22_1"]
    expected = r["theta0"] - fig22_1.INNER_LR * r["inner_grads"]           # eq. 22.4, K = 1
    np.testing.assert_allclose(r["adapted"], expected, rtol=0, atol=1e-12)


def test_fig22_1_task_optima_are_least_squares_fits():
    family = LinearRegression(noise=0.0)
    batch = family.sample(np.random.default_rng(0), 3, 10, 1)
    slopes_and_intercepts = family.sample_params(np.random.default_rng(0), 3)
    np.testing.assert_allclose(fig22_1.least_squares(batch.x_support, batch.y_support),
                               slopes_and_intercepts, atol=1e-12)


def test_fig22_1_grid_meta_loss_matches_meta_loss_pointwise(made):
    r = made[1]["fig22_1"]
    family, model = LinearRegression(), MLP((1, 1))
    batch = family.sample(np.random.default_rng(5), 4, 10, 10)
    ws, bs = np.array([-1.0, 0.5]), np.array([0.0, 2.0, 3.0])
    grid = fig22_1.meta_loss_on_grid(ws, bs, batch, model)
    for i, b in enumerate(bs):
        for j, w in enumerate(ws):
            want = fig22_1.maml.meta_loss(fig22_1.as_params((w, b)), batch, model,
                                          inner_lr=fig22_1.INNER_LR,
                                          inner_steps=fig22_1.INNER_STEPS)
            assert grid[i, j] == pytest.approx(float(want), rel=1e-12)
    assert r["meta_loss_grid"].min() < r["meta_loss"][0]


# --- Figure 22.3: the pulls of tasks fine-tuned in parallel ---------------------------------

def test_fig22_3_pulls_average_to_the_batched_meta_gradient(made):
    r = made[1]["fig22_3"]
    assert r["max_abs_difference"] < 1e-10
    np.testing.assert_allclose(r["pulls"].mean(axis=0), r["meta_update"], rtol=0, atol=1e-10)


def test_fig22_3_tasks_pull_theta0_in_different_directions(made):
    pulls = made[1]["fig22_3"]["pulls"]
    unit = pulls / np.linalg.norm(pulls, axis=1, keepdims=True)
    smallest_cosine = (unit @ unit.T).min()
    assert smallest_cosine < 0          # some pair of tasks pulls more than 90 degrees apart


def test_fig22_3_inner_paths_start_at_theta0_and_take_k_steps(made):
    r = made[1]["fig22_3"]
    n_tasks = fig22_3.QUICK["n_tasks"]
    assert r["inner_paths"].shape == (n_tasks, fig22_3.INNER_STEPS + 1, 2)
    np.testing.assert_allclose(r["inner_paths"][:, 0], np.tile(r["theta0"], (n_tasks, 1)))


# --- Figure 22.4: the inner loop ---------------------------------------------------------

def test_fig22_4_inner_loop_lowers_the_query_loss_from_the_maml_init(made):
    r = made[1]["fig22_4"]
    maml_curve, random_curve = r["mean_curves"]["maml"], r["mean_curves"]["random"]
    assert maml_curve.shape == (fig22_4.TEST_STEPS + 1,)
    assert maml_curve[-1] < 0.9 * maml_curve[0]
    assert maml_curve[1] < maml_curve[0]                  # already after one step
    assert maml_curve[-1] < random_curve[-1]              # meta-training helped


# --- Figure 22.5: the unrolled graph -------------------------------------------------------

def test_fig22_5_graph_grows_with_k_and_second_order_ops_appear_from_k_1(made):
    r = made[1]["fig22_5"]
    counts, backward = r["node_counts"], r["backward_nodes"]
    ks = sorted(counts)
    assert ks == [0, 1, 2, 3]
    assert all(counts[a] < counts[b] for a, b in zip(ks, ks[1:]))
    assert backward[0] == 0
    assert all(backward[k] > 0 for k in ks if k >= 1)
    # Unrolling adds the same block of ops for every inner step.
    assert len(set(np.diff([counts[k] for k in ks]))) == 1
    assert r["depth"][1] < r["depth"][2] < r["depth"][3]


def test_fig22_5_caption_quotes_the_tapes_counts_and_depths(made):
    r = made[1]["fig22_5"]
    counts, backward, depth = r["node_counts"], r["backward_nodes"], r["depth"]
    text = (ROOT / "figures" / "README.md").read_text()
    start = text.index("### `fig22_5_unrolled_graph.png`")
    caption = " ".join(text[start:text.index("\n### ", start + 1)].split())
    block = counts[1] - counts[0]
    for phrase in [f"The tape has {counts[0]}, {counts[1]}, {counts[2]} and {counts[3]} ops",
                   f"the same block of {block} ops, {backward[1]} of them inner-backward "
                   f"({backward[0]}, {backward[1]}, {backward[2]}, {backward[3]})",
                   f"Depth grows by {depth[2] - depth[1]} per step ({depth[1]}, {depth[2]}, "
                   f"{depth[3]})",
                   f"FOMAML records {r['fomaml_node_counts'][1]} ops",
                   f"MAML's K = 0 tape ({counts[0]} ops)"]:
        assert phrase in caption, phrase


def test_fig22_5_fomaml_tape_is_mamls_k0_tape_plus_one_add_per_parameter(made):
    # The caption's explanation of 19 against 15: theta0 + (theta_K - theta0), one add
    # per parameter array, the displacement a constant.
    r = made[1]["fig22_5"]
    maml_ops, fomaml_ops = r["maml_k0_ops"], r["fomaml_ops"]
    n_params = 2 * (len(fig22_5.SIZES) - 1)
    assert len(fomaml_ops) == len(maml_ops) + n_params
    extra = list(fomaml_ops)
    for op in maml_ops:
        extra.remove(op)
    assert extra == ["add"] * n_params
    assert fomaml_ops[n_params:2 * n_params] == ["add"] * n_params   # right after theta0
    assert set(r["fomaml_node_counts"].values()) == {len(fomaml_ops)}


def test_fig22_5_layout_puts_every_node_right_of_its_parents():
    model = MLP((1, 4, 1))
    batch = Sinusoid().sample(np.random.default_rng(0), 2, 5, 5)
    _, tape, inputs = fig22_5.unrolled_tape(model.init(np.random.default_rng(1)), batch,
                                            model, 2)
    nodes, x, y, edges = fig22_5.layout(tape, inputs)
    assert len(inputs) == 4                              # W1, b1, W2, b2
    assert all(x[parent] < x[child] for parent, child in edges)
    assert nodes[-1] is tape[-1] and x[-1] == x.max()    # the meta-loss is deepest


# --- batch normalisation inside the unrolled loop (wish 1) ------------------------------
#
# The quick run (400 meta-steps) is too short to show the caption's claims reliably: over
# seeds 0-9, 6 of 10 quick runs satisfied the claims once tested on it. So these tests run the full
# configuration itself (seed 0, about 12 s), which is the committed figure's run, and
# check the caption's claims and the numbers it quotes on it.

@pytest.fixture(scope="module")
def batch_norm_run(tmp_path_factory):
    return normalization.make(tmp_path_factory.mktemp("normalization"), quick=False, seed=0)


def normalization_caption():
    text = (ROOT / "figures" / "README.md").read_text()
    start = text.index("### `normalization_batch_norm.png`")
    return " ".join(text[start:text.index("\n### ", start + 1)].split())


@pytest.mark.slow
def test_batch_norm_experiment_supports_its_caption(batch_norm_run):
    r = batch_norm_run
    med, sharp, limit = r["median_curves"], r["sharpness"], r["stability_limit"]
    assert limit == 2 / normalization.INNER_LR           # plain SGD's stability limit
    # Used as in meta-training (batch statistics), one test-time step helps ...
    assert med["transductive"][1] < med["transductive"][0]
    # ... with running statistics the same theta0 gets worse with each step, and most
    # tasks diverge.
    assert med["transductive"][1] < med["running"][0] < med["running"][1] < med["running"][2]
    assert r["diverged"]["running"] > 0.5
    # Why: under running statistics theta0 is sharper than plain SGD's limit on every
    # task; under the batch statistics meta-training saw, the median is below it.
    assert np.median(sharp["transductive"]) < limit < np.min(sharp["running"])
    assert np.median(sharp["running"]) > 2 * np.median(sharp["transductive"])
    # One step moves the first layer (one input) less under batch statistics.
    change = {k: np.median(v[:, 0]) for k, v in r["first_step_change"].items()}
    assert change["transductive"] < change["running"]
    # On sinusoids batch norm is worse than none: after 1 and 10 steps, at its best, and
    # in meta-training.
    assert med["none"][1] < np.min(med["transductive"]) and med["none"][-1] < med["none"][1]
    assert r["losses"]["plain"][-100:].mean() < r["losses"]["bn"][-100:].mean()
    # Nothing diverges with batch statistics or without normalisation.
    assert r["diverged"]["transductive"] == 0 and r["diverged"]["none"] == 0


@pytest.mark.slow
def test_the_batch_norm_caption_quotes_the_committed_runs_numbers(batch_norm_run):
    r, caption = batch_norm_run, normalization_caption()
    med, sharp, limit = r["median_curves"], r["sharpness"], r["stability_limit"]
    change = {k: np.median(v[:, 0]) for k, v in r["first_step_change"].items()}
    best = int(np.argmin(med["transductive"]))
    quoted = [
        f"from a median query MSE of {med['running'][0]:.2f} to {med['running'][1]:.1f} "
        f"after one step and {med['running'][2]:,.0f} after two",
        f"{100 * r['diverged']['running']:.0f} % of the tasks diverge",
        f"one step helps ({med['transductive'][0]:.2f} → {med['transductive'][1]:.2f})",
        f"a median of {np.median(sharp['transductive']):.0f}",
        f"{100 * np.mean(sharp['transductive'] > limit):.0f} % of tasks lie above "
        f"{limit:.0f}",
        f"median sharpness {np.median(sharp['running']):,.0f}",
        f"by {100 * change['transductive']:.1f} % (median)",
        f"changes them by {100 * change['running']:.1f} %",
        f"falls to {np.mean(r['losses']['plain'][-100:]):.2f} (mean of the last 100 steps)",
        f"reaches {med['none'][1]:.2f} after one step and {med['none'][-1]:.2f} after ten",
        f"stays near {np.mean(r['losses']['bn'][-100:]):.1f}",
        f"no lower than {med['transductive'][best]:.2f} (after {best} "
        f"step{'' if best == 1 else 's'})",
    ]
    # The run is chaotic across CPUs (the caption's last paragraph): the caption quotes two real
    # runs, the committed PNG's and an AVX2-only machine's, and this run must be one of them.
    for phrase in quoted:
        assert phrase in caption, phrase


def test_the_readme_quotes_the_batch_norm_captions_numbers():
    """README's summary of wish 1 repeats the numbers of the caption's main text (the run that
    drew the committed PNG), which the test above checks against a fresh run."""
    caption, readme = normalization_caption(), " ".join((ROOT / "README.md").read_text().split())
    diverged = re.search(r"and (\d+) % of the tasks diverge within 10 steps", caption).group(1)
    batch = re.search(r"sharpness at θ0 has a median of (\d[\d,]*\d|\d)", caption).group(1)
    running = re.search(r"never saw: median sharpness (\d[\d,]*\d|\d)", caption).group(1)
    for phrase in [f"With running statistics {diverged} % of the held-out tasks diverge",
                   f"(median {batch} under batch statistics, {running} under running "
                   f"statistics, limit 2/η_in = 200)"]:
        assert phrase in readme, phrase
