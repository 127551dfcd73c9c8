"""The numbers behind fig22_7 (closed-form head, eq. 22.6) and exploding (sections 1.3.6-1.3.7).

Each figure is made once in quick mode (seed 0) and the tests check what its
caption claims. The margins below were measured on the quick runs and leave
room: every quoted number is from seed 0.
"""

import numpy as np
import pytest

from scratchmeta.figures import exploding, fig22_7


@pytest.fixture(scope="module")
def semi_frozen(tmp_path_factory):
    out = tmp_path_factory.mktemp("fig22_7")
    return fig22_7.make(out, quick=True, seed=0)


@pytest.fixture(scope="module")
def explosion(tmp_path_factory):
    out = tmp_path_factory.mktemp("exploding")
    return exploding.make(out, quick=True, seed=0)


# --- fig22_7: the semi-frozen body and its ridge head ----------------------------------

def test_fig22_7_writes_its_png(semi_frozen):
    (path,) = semi_frozen["files"]
    assert path.name == "fig22_7_semi_frozen.png" and path.stat().st_size > 10_000


def test_meta_trained_body_beats_the_untrained_body_under_the_same_ridge_head(semi_frozen):
    """Measured (quick): MSE 2.9, 1.6, 0.39, 0.21 vs 7.4, 6.5, 4.3, 2.0 for k = 3, 5, 10, 20."""
    ks, mse, half = semi_frozen["ks"], semi_frozen["mse"], semi_frozen["half_width"]
    trained, untrained = mse["closed_form"], mse["untrained_ridge"]
    assert np.all(trained < 0.5 * untrained)
    for k in (10, 20):       # here by a factor of 5 or more, beyond both 95% intervals
        i = list(ks).index(k)
        assert trained[i] < 0.2 * untrained[i]
        assert trained[i] + half["closed_form"][i] < untrained[i] - half["untrained_ridge"][i]


def test_ridge_head_error_falls_as_the_support_set_grows(semi_frozen):
    assert np.all(np.diff(semi_frozen["mse"]["closed_form"]) < 0)


def test_ridge_head_is_close_to_the_truth_from_ten_points(semi_frozen):
    """From k = 10 its query MSE is under a fifth of the unadapted network's (MAML, 0 steps).

    Measured (quick): 0.39 vs 3.48 at k = 10, 0.21 vs 3.53 at k = 20.
    """
    ks, mse = list(semi_frozen["ks"]), semi_frozen["mse"]
    for k in (10, 20):
        assert mse["closed_form"][ks.index(k)] < 0.2 * mse["maml_0"][ks.index(k)]


def test_ridge_head_beats_maml_after_ten_steps_from_ten_points(semi_frozen):
    """Measured (quick): 0.39 vs 2.78 at k = 10 (full run: 0.0098 vs 0.17)."""
    ks, mse, half = list(semi_frozen["ks"]), semi_frozen["mse"], semi_frozen["half_width"]
    for k in (10, 20):
        i = ks.index(k)
        assert mse["closed_form"][i] + half["closed_form"][i] < \
            mse["maml_10"][i] - half["maml_10"][i]


def test_maml_fine_tuning_lowers_the_error_from_ten_points(semi_frozen):
    ks, mse = list(semi_frozen["ks"]), semi_frozen["mse"]
    for k in (10, 20):
        assert mse["maml_10"][ks.index(k)] < mse["maml_0"][ks.index(k)]


def test_drawn_fits_match_their_reported_errors_and_improve_with_k(semi_frozen):
    truth, fits = semi_frozen["truth"], semi_frozen["fits"]
    for k, fit in fits.items():
        assert fit["x_support"].shape == fit["y_support"].shape == (k,)
        for name, value in fit["grid_mse"].items():
            assert value == pytest.approx(np.mean((fit[name] - truth) ** 2), rel=1e-12)
    # the support points lie on the truth: y = A sin(x - phi)
    amp, phase = semi_frozen["task"]
    np.testing.assert_allclose(fits[20]["y_support"], amp * np.sin(fits[20]["x_support"] - phase),
                               rtol=0, atol=1e-12)
    assert fits[20]["grid_mse"]["ridge"] < fits[5]["grid_mse"]["ridge"]
    assert fits[10]["grid_mse"]["ridge"] < fits[10]["grid_mse"]["maml_10"]


# --- exploding: the meta-gradient norm over (K, inner_lr) -------------------------------

def test_exploding_writes_its_png(explosion):
    (path,) = explosion["files"]
    assert path.name == "exploding_meta_gradient.png" and path.stat().st_size > 10_000


def test_norm_grows_with_k_at_the_largest_inner_lr(explosion):
    """Measured (quick, inner_lr 1): 1.6e5, 3.4e25, 2.8e95, then inf for K = 4, 5, 6."""
    column = explosion["norms"][:, -1]
    assert explosion["inner_lrs"][-1] == 1.0
    finite = column[np.isfinite(column)]
    assert len(finite) >= 3 and np.all(finite[1:] > 1e5 * finite[:-1])   # x 1e5 per step
    assert np.all(np.isposinf(column[len(finite):]))     # once inf, inf for every larger K


def test_norm_barely_moves_with_k_at_the_smallest_inner_lr(explosion):
    column = explosion["norms"][:, 0]
    assert explosion["inner_lrs"][0] == pytest.approx(1e-3)
    assert np.all(np.isfinite(column)) and column.max() < 2 * column.min()


def test_diverged_cells_have_larger_norms_than_the_stable_cells_of_their_row(explosion):
    norms, diverged = explosion["norms"], explosion["diverged"]
    assert diverged.any() and (~diverged).any()
    for row, marked in zip(norms, diverged):
        if marked.any() and (~marked).any():
            assert row[marked].min() > row[~marked].max()


def test_cells_diverge_at_meta_step_zero_exactly_when_the_norm_exceeds_the_guard(explosion):
    """The norm grid is taken at meta-step 0 of every run, so the two maps must agree there."""
    at_zero = explosion["diverged_step"] == 0
    np.testing.assert_array_equal(at_zero, explosion["norms"] > explosion["guard_norm"])
    # and a cell that diverged later started below the threshold
    later = explosion["diverged"] & ~at_zero
    assert later.any() and np.all(explosion["norms"][later] <= explosion["guard_norm"])


def test_diverged_region_is_the_large_k_large_inner_lr_corner(explosion):
    """More steps or a larger inner_lr never rescues a diverged cell; lr <= 0.01 never diverges."""
    diverged, lrs = explosion["diverged"], explosion["inner_lrs"]
    assert np.all(diverged[1:] >= diverged[:-1])          # monotone down the K axis
    assert np.all(diverged[:, 1:] >= diverged[:, :-1])    # monotone along inner_lr
    assert not diverged[:, lrs <= 0.01].any()
    assert diverged[1:, lrs >= 0.3].all()                 # K >= 2 at inner_lr >= 0.3
    assert np.all(np.isinf(explosion["final_loss"][diverged]))
    assert np.all(np.isfinite(explosion["final_loss"][~diverged]))


def test_cells_print_the_norm_itself_not_its_log():
    from scratchmeta.figures.exploding import norm_label
    assert [norm_label(v) for v in (1.34, 16.4, 52.0, 2.4e5, 9.4e147, np.inf)] == \
        ["1.3", "16", "52", "2e5", "9e147", "inf"]


def test_every_cell_label_reads_back_as_its_norm(explosion):
    for labels, norms in zip(explosion["cell_labels"], explosion["norms"]):
        for label, norm in zip(labels, norms):
            if np.isinf(norm):
                assert label == "inf"
            else:
                assert float(label) == pytest.approx(norm, rel=0.1 if norm < 100 else 0.5)


def test_small_inner_lrs_keep_the_norm_of_order_one_for_every_k(explosion):
    # The caption: for inner_lr <= 0.056 the norm neither dies nor explodes.
    small = explosion["norms"][:, explosion["inner_lrs"] <= 0.056]
    assert small.shape[1] >= 3
    assert np.all(small > 1) and np.all(small < 20)


def test_line_panels_draw_disjoint_columns_and_the_large_ones_explode(explosion):
    small, large = explosion["small_columns"], explosion["large_columns"]
    assert small and large and not set(small) & set(large)
    assert max(explosion["inner_lrs"][small]) < min(explosion["inner_lrs"][large])
    assert not np.isfinite(explosion["norms"][:, large]).all()


def test_k1_at_the_largest_inner_lr_trains_badly_without_tripping_the_guard(explosion):
    # The caption: K = 1 never trips the guard, but at inner_lr 1 its final meta-loss is
    # far above that of the small inner learning rates.
    lrs, loss = explosion["inner_lrs"], explosion["final_loss"]
    assert not explosion["diverged"][0].any()
    assert lrs[-1] == 1.0 and loss[0, -1] > 10 * loss[0, lrs <= 0.01].max()
