"""N-way Omniglot episodes: counts, labels, splits, rotations, determinism and bad input.

Most tests run on a synthetic dataset whose every drawing is a distinct random
pattern, so each point of an episode can be traced back to its character,
drawing and rotation. The last tests use the real data when it is there.
"""

import json

import numpy as np
import pytest
from omniglot_real import needs_real_data, real_omniglot
from scipy import stats

from scratchmeta.datasets.omniglot import OmniglotImages
from scratchmeta.datasets.omniglot_tasks import Omniglot, finn_split
from scratchmeta.tasks import TaskBatch

N_CHARS, N_TRAIN, N_VAL = 40, 24, 6          # 10 test characters


def _synthetic(n_chars=N_CHARS, seed=0):
    rng = np.random.default_rng(seed)
    images = rng.random((n_chars, 20, 28, 28)).astype(np.float32)
    alphabets = np.array([f"Alphabet{c // 7}" for c in range(n_chars)])
    characters = np.array([f"character{c % 7 + 1:02d}" for c in range(n_chars)])
    return OmniglotImages(images, alphabets, characters, n_chars // 2)


DATA = _synthetic()
# every (character, drawing, quarter turns) as a flattened image, to trace points back
_LOOKUP = {np.rot90(DATA.images[c, d], k).astype(np.float64).tobytes(): (c, d, k)
           for c in range(N_CHARS) for d in range(20) for k in range(4)}


def _trace(x):
    """(character, drawing, turns) of every point of x, shape (tasks, points, 784)."""
    return np.array([[_LOOKUP[p.reshape(28, 28).tobytes()] for p in task] for task in x])


def _family(split="train", n_way=5, **kwargs):
    return Omniglot(n_way, split, data=DATA, n_train=N_TRAIN, n_validation=N_VAL, **kwargs)


def test_episode_shapes_counts_and_one_hot_labels():
    family = _family(n_way=5)
    batch = family.sample(np.random.default_rng(0), 4, 10, 15)
    assert isinstance(batch, TaskBatch)
    assert batch.x_support.shape == (4, 10, 784) and batch.y_support.shape == (4, 10, 5)
    assert batch.x_query.shape == (4, 15, 784) and batch.y_query.shape == (4, 15, 5)
    assert batch.x_support.dtype == np.float64
    np.testing.assert_array_equal(batch.y_support.sum(axis=1), np.full((4, 5), 2.0))
    np.testing.assert_array_equal(batch.y_query.sum(axis=1), np.full((4, 5), 3.0))
    assert family.n_inputs == 784 and family.n_outputs == 5


def test_each_label_is_one_character_with_distinct_drawings_in_support_and_query():
    family = _family(n_way=5)
    batch = family.sample(np.random.default_rng(1), 6, 10, 10)
    support, query = _trace(batch.x_support), _trace(batch.x_query)
    for t in range(6):
        labels_s, labels_q = batch.y_support[t].argmax(1), batch.y_query[t].argmax(1)
        chars = {}
        for label in range(5):
            s, q = support[t][labels_s == label], query[t][labels_q == label]
            both = np.concatenate([s, q])
            assert len(set(both[:, 0])) == 1 and len(set(both[:, 2])) == 1  # one class
            assert len(set(both[:, 1])) == len(both)                       # distinct drawings
            chars[label] = both[0, 0]
        assert len(set(chars.values())) == 5                               # distinct characters


def test_splits_are_disjoint_cover_every_character_and_ignore_input_order():
    split = finn_split(DATA.alphabets, DATA.characters, N_TRAIN, N_VAL)
    sizes = {k: len(v) for k, v in split.items()}
    assert sizes == {"train": N_TRAIN, "validation": N_VAL, "test": N_CHARS - N_TRAIN - N_VAL}
    assert sorted(np.concatenate(list(split.values()))) == list(range(N_CHARS))
    # The split depends on the characters' names, not on the order they are listed in.
    perm = np.random.default_rng(0).permutation(N_CHARS)
    again = finn_split(DATA.alphabets[perm], DATA.characters[perm], N_TRAIN, N_VAL)
    for name in split:
        assert {(DATA.alphabets[i], DATA.characters[i]) for i in split[name]} == \
            {(DATA.alphabets[perm][i], DATA.characters[perm][i]) for i in again[name]}


@pytest.mark.parametrize("split", ["train", "validation", "test"])
def test_episodes_use_only_their_split_and_rotate_in_training_only(split):
    family = _family(split, n_way=5)
    allowed = set(finn_split(DATA.alphabets, DATA.characters, N_TRAIN, N_VAL)[split])
    batch = family.sample(np.random.default_rng(2), 40, 5, 5)
    traced = np.concatenate([_trace(batch.x_support), _trace(batch.x_query)], axis=1)
    assert set(traced[..., 0].ravel()) <= allowed
    turns = set(traced[..., 2].ravel())
    # 40 tasks x 5 classes: all four turns show up unless P < 4 * 0.75**200 ~ 1e-25
    assert turns == ({0, 1, 2, 3} if split == "train" else {0})


def test_rotate_true_turns_test_characters_too():
    batch = _family("test", rotate=True).sample(np.random.default_rng(3), 40, 5, 0)
    assert set(_trace(batch.x_support)[..., 2].ravel()) == {0, 1, 2, 3}


def test_labels_are_shuffled_in_every_episode():
    """The label of the lowest-numbered character of an episode is uniform over 0..4.

    Chi-square test with 4 degrees of freedom on 4000 episodes, rejected at
    the 1e-6 level (false-failure rate 1e-6). Labels handed out in character
    order would give label 0 every time: a statistic of 16,000.
    """
    family = _family("train", n_way=5)
    params = family.sample_params(np.random.default_rng(4), 4000)
    lowest_label = np.argmin(params[..., 0], axis=1)
    counts = np.bincount(lowest_label, minlength=5)
    statistic = stats.chisquare(counts).statistic
    assert statistic < stats.chi2.isf(1e-6, df=4), counts


def test_same_rng_gives_the_same_episodes_and_another_seed_does_not():
    family = _family()
    a = family.sample(np.random.default_rng(5), 3, 5, 5)
    b = family.sample(np.random.default_rng(5), 3, 5, 5)
    c = family.sample(np.random.default_rng(6), 3, 5, 5)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    assert not np.array_equal(a.x_support, c.x_support)


def test_episodes_are_the_first_edition_draws_and_their_arrays_are_contiguous():
    # The characters are the first n_way of argsort(uniform keys) and the
    # drawings the first k of another argsort, from the same rng draws as the
    # first edition (sampling them faster must not change a seed's episodes).
    family = _family(n_way=5)
    batch = family.sample(np.random.default_rng(9), 6, 10, 5)
    rng = np.random.default_rng(9)
    chars = family.classes[np.argsort(rng.random((6, len(family.classes))), axis=1)[:, :5]]
    turns = rng.integers(0, 4, (6, 5))
    drawings = np.argsort(rng.random((6, 5, 20)), axis=2)[..., :3]
    seen = _trace(np.concatenate([batch.x_support, batch.x_query], axis=1))
    np.testing.assert_array_equal(seen[..., 0], np.tile(chars, 3))       # point p: class p % 5
    np.testing.assert_array_equal(seen[..., 2], np.tile(turns, 3))
    np.testing.assert_array_equal(seen[..., 1], drawings.transpose(0, 2, 1).reshape(6, 15))
    assert all(a.flags.c_contiguous for a in batch)


@pytest.mark.parametrize("n_tasks, n_support, n_query", [(1, 5, 5), (1, 5, 0), (2, 10, 5)])
def test_every_episode_array_is_writeable_and_owns_its_labels(n_tasks, n_support, n_query):
    # one task with one shot used to return a read-only view of the broadcast identity
    batch = _family(n_way=5).sample(np.random.default_rng(3), n_tasks, n_support, n_query)
    assert all(a.flags.writeable for a in batch)
    batch.y_support[...] = 0.0                       # the next episode's labels are untouched
    again = _family(n_way=5).sample(np.random.default_rng(3), n_tasks, n_support, n_query)
    assert again.y_support.sum() == n_tasks * n_support


def test_loss_is_cross_entropy_and_metric_is_accuracy():
    family = _family(n_way=5)
    batch = family.sample(np.random.default_rng(7), 2, 5, 5)
    perfect = 10.0 * batch.y_query
    np.testing.assert_allclose(family.metric(perfect, batch.y_query), [1.0, 1.0])
    uniform = np.zeros_like(batch.y_query)
    np.testing.assert_allclose(family.loss(uniform, batch.y_query), np.log(5) * np.ones(2))
    assert family.metric_name == "accuracy"


def test_describe_gives_json_arguments_that_rebuild_the_same_episodes():
    family = _family("validation", n_way=3, rotate=True)
    arguments = json.loads(json.dumps(family.describe()))
    assert family.name == "omniglot" and "data" not in arguments
    rebuilt = Omniglot(**arguments, data=DATA)
    a = family.sample(np.random.default_rng(8), 2, 3, 3)
    b = rebuilt.sample(np.random.default_rng(8), 2, 3, 3)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)


@pytest.mark.parametrize("args, kwargs, match", [
    ((5, "train"), {"n_train": N_TRAIN, "n_validation": N_VAL}, None),
    ((1, "train"), {}, "n_way must be an integer of at least 2"),
    ((5, "dev"), {}, "split must be one of"),
    ((7, "validation"), {"n_train": N_TRAIN, "n_validation": N_VAL},
     "n_way=7 is larger than the 6 characters of the 'validation' split"),
    ((5, "train"), {"n_train": 30, "n_validation": 10}, "must leave test characters"),
])
def test_bad_family_arguments_are_named(args, kwargs, match):
    if match is None:
        Omniglot(*args, data=DATA, **kwargs)
        return
    with pytest.raises(ValueError, match=match):
        Omniglot(*args, data=DATA, **kwargs)


def test_bad_data_and_rotate_are_type_errors():
    with pytest.raises(TypeError, match="data must be the result of omniglot.load"):
        Omniglot(5, data=np.zeros((3, 20, 28, 28)))
    with pytest.raises(TypeError, match="rotate must be True, False or None"):
        Omniglot(5, data=DATA, rotate="yes", n_train=N_TRAIN, n_validation=N_VAL)


@pytest.mark.parametrize("n_support, n_query, match", [
    (7, 5, "n_support must be a multiple of n_way=5"),
    (5, 8, "n_query must be a multiple of n_way=5"),
    (0, 5, "n_support must be an integer of at least 1"),
    (50, 55, "ask for 10 \\+ 11 distinct drawings per class \\(of n_way=5\\), but each "
             "character has only 20"),
])
def test_bad_counts_are_named_before_sampling(n_support, n_query, match):
    rng = np.random.default_rng(0)
    state = rng.bit_generator.state
    with pytest.raises(ValueError, match=match):
        _family().sample(rng, 2, n_support, n_query)
    assert rng.bit_generator.state == state                  # nothing was drawn


def test_n_way_too_large_for_the_real_split_is_checked_before_loading(monkeypatch):
    from scratchmeta.datasets import omniglot

    def no_load(*a, **k):
        raise AssertionError("load must not be called")
    monkeypatch.setattr(omniglot, "load", no_load)
    with pytest.raises(ValueError, match="n_way=101 is larger than the 100 characters"):
        Omniglot(101, "validation")


# --------------------------------------------------------------------------
# The real data, when ../shared/data/omniglot is there
# --------------------------------------------------------------------------

@needs_real_data
def test_real_split_is_1100_100_423_characters_irrespective_of_alphabet(tmp_path_factory):
    data, _, _ = real_omniglot(tmp_path_factory)
    families = {s: Omniglot(5, s, data=data) for s in ("train", "validation", "test")}
    assert {s: len(f.classes) for s, f in families.items()} == \
        {"train": 1100, "validation": 100, "test": 423}
    train = families["train"].classes
    # irrespective of alphabet: training characters come from background and evaluation
    assert (train < data.n_background).any() and (train >= data.n_background).any()
    batch = families["test"].sample(np.random.default_rng(0), 32, 5, 5)
    assert batch.x_support.shape == (32, 5, 784)
    assert 0.0 <= batch.x_support.min() and batch.x_support.max() <= 1.0


@needs_real_data
def test_real_test_episodes_are_learnable_support_and_query_agree(tmp_path_factory):
    """Nearest neighbour in pixels, 5-way 1-shot, 1000 test episodes, beats chance (0.2).

    Its accuracy was 0.42, 0.44 and 0.44 on 1000 episodes of seeds 1, 2, 3.
    Per-episode accuracies lie in [0, 1] and episodes are independent, so by
    Hoeffding's inequality a mean of 0.42 falls under the threshold 0.3 with
    probability below exp(-2 * 1000 * 0.12^2) = 3e-13 (false failures), while
    support and query labels that disagreed (mean 0.2) would pass it with
    probability below exp(-2 * 1000 * 0.1^2) = 2e-9 (power).
    """
    data, _, _ = real_omniglot(tmp_path_factory)
    batch = Omniglot(5, "test", data=data).sample(np.random.default_rng(0), 1000, 5, 5)
    distance = ((batch.x_query[:, :, None, :] - batch.x_support[:, None, :, :]) ** 2).sum(-1)
    nearest = np.take_along_axis(batch.y_support.argmax(-1), distance.argmin(-1), axis=1)
    assert (nearest == batch.y_query.argmax(-1)).mean() > 0.3
