"""Chapter 5, part 2: N-way few-shot episodes of Omniglot characters.

Lecture 22, section 1.1 (a dataset of datasets) and eq. 22.1-22.2 (each task
split into a support set and a query set), on Finn, Abbeel and Levine (2017),
section 5.2. One task is an *N-way, k-shot* episode: draw N characters, give
them the labels 0..N-1 in a fresh random order, and show k drawings of each
(the support set, N*k points) and further drawings of the same characters
(the query set). A learner has to tell the N characters apart from k examples
of each (k is a number of drawings; K, as everywhere in this package, is the
number of inner SGD steps of eq. 22.4); it has never seen these characters' labels before, since the labels
are shuffled in every episode.

:class:`Omniglot` is a task family in the sense of ``scratchmeta.tasks``:
``sample(rng, n_tasks, n_support, n_query)`` returns a ``TaskBatch`` of
inputs (tasks, points, 784) and one-hot targets (tasks, points, n_way); the
loss is the cross-entropy and the reported metric the accuracy.

Every choice, and where it comes from:

* **Counts.** ``n_support`` and ``n_query`` count points, as in
  ``GaussianClusters``: both must be multiples of ``n_way``, and each class
  gets ``n_support // n_way`` support and ``n_query // n_way`` query
  drawings. A class's support and query drawings are distinct drawings (by
  different people), so together they can be at most 20. ``n_query`` may be 0:
  a support set only, which is what the pretrained baseline draws. Finn et al.'s code
  draws 2K drawings per class, K for support and K for query
  (``DataGenerator(update_batch_size * 2, ...)``): 5-way 1-shot is
  ``sample(rng, n_tasks, 5, 5)``.
* **Point order.** Point p of a set is drawing p // n_way of class
  p % n_way, the order ``GaussianClusters`` uses. Nothing in a strategy may
  depend on it: the labels themselves are a random permutation per episode.
* **The split** follows Finn et al.'s code (``data_generator.py``); the
  paper (section 5.2) describes it as 1,200 characters for training, chosen
  regardless of alphabet, and the rest for testing. All 1,623 characters, background
  and evaluation alike, are listed by path ``<alphabet>/<character>`` and
  shuffled with Python's ``random`` seeded with 1; the first 1,100 are for
  meta-training, the next 100 for validation (choosing step sizes and step
  counts), the last 423 for testing. Their code shuffles the order in which
  ``os.listdir`` returned the folders, which differs between file systems, so
  their exact split cannot be recovered; we shuffle the sorted list, which is
  their procedure with a reproducible starting order. ``n_train`` and
  ``n_validation`` change the sizes (tests use a tiny dataset).
* **Rotations.** Following Santoro et al. (2016) and Finn et al., a character
  turned by 90, 180 or 270 degrees is a new class. As in Finn et al.'s code,
  each class of an episode is a distinct character turned by an independent
  uniform number of quarter turns (0-3, counter-clockwise; all its drawings
  alike). By default this happens in the training split only (``rotate=None``);
  validation and test characters are shown upright. Finn et al.'s released
  code also rotates test episodes (its ``and FLAGS.train`` condition is
  commented out); ``rotate=True`` on the test split reproduces that.
* **Inputs.** The 28 x 28 LANCZOS drawings of ``omniglot.load``, ink 1 and
  paper 0, flattened to 784 features (Finn et al.'s fully connected network).
* **Randomness.** Everything is drawn from the ``rng`` passed in, so a seed
  gives the same episodes.
"""

import random
import re
from collections.abc import Iterator

import numpy as np

from scratchmeta.datasets import omniglot
from scratchmeta.datasets.checks import (COUNT_MAX, NOT_INTS, check_batch, check_drawings,
                                         check_drawn, check_targets, check_word)
from scratchmeta.meta.checks import check_memory
from scratchmeta.tasks import TaskBatch, TaskFamily, accuracy, cross_entropy
from scratchmeta.messages import seen

SPLITS = ("train", "validation", "test")
N_WAY = 5                              # the default: Finn et al.'s 5-way episodes
DRAWINGS = 20                          # drawings of every Omniglot character
N_TRAIN, N_VALIDATION = 1100, 100      # Finn et al.'s code: 1,200 meta-training, 100 held out
SPLIT_SEED = 1                         # their random.seed(1)


def finn_split(alphabets, characters, n_train=N_TRAIN, n_validation=N_VALIDATION):
    """Indices of the train, validation and test characters (Finn et al.'s procedure).

    Characters are listed by path ``<alphabet>/<character>``, shuffled by
    ``random.Random(1)``, and cut after ``n_train`` and ``n_train + n_validation``.
    """
    for name, names in (("alphabets", alphabets), ("characters", characters)):
        if isinstance(names, (str, bytes, Iterator)) or not hasattr(names, "__len__") \
                or getattr(names, "ndim", 1) == 0 or hasattr(names, "_fields"):   # a word, a
            # number, a 0-d array, a record (the whole OmniglotImages, not its .alphabets), an
            # iterator (np.ndarray.flat: read once)
            raise TypeError(f"finn_split: {name} must be a sequence of names, one per "
                            f"character, got {seen(names, 60)}")
        kind = np.asarray(names).dtype if len(names) else None    # names or integer labels,
        if kind is not None and kind.kind not in "iuUS":           # never floats, bools, objects
            raise TypeError(f"finn_split: {name} must be names (str) or integer labels, one "
                            f"per character, got an array of dtype {kind} ({names!r:.60})")
        if np.ndim(names) != 1:
            raise ValueError(f"finn_split: {name} must be a 1-D sequence of names, one per "
                             f"character, got shape {np.shape(names)}")
    folder = re.compile(r"character\d+")            # a character's folder name, as load() reads
    if len(alphabets) and all(folder.fullmatch(str(a)) for a in alphabets) and not any(
            folder.fullmatch(str(c)) for c in characters):
        raise ValueError(f"finn_split: alphabets holds characters' folder names "
                         f"({alphabets[0]!r}, ...) and characters does not ({characters[0]!r}, "
                         f"...): alphabets and characters in each other's places? "
                         f"OmniglotImages takes (images, alphabets, characters, n_background)")
    n = len(alphabets)
    if len(characters) != n:
        raise ValueError(f"finn_split: alphabets and characters must name one character per "
                         f"entry, so have the same length, got {n} and {len(characters)}")
    for name, value in (("n_train", n_train), ("n_validation", n_validation)):
        if not (_is_int(value) and value >= 1):
            raise ValueError(f"{name} must be a positive integer, got {seen(value)}")
    n_train, n_validation = int(n_train), int(n_validation)    # a uint64 would overflow below
    if n_train + n_validation >= n:
        raise ValueError(f"n_train + n_validation must leave test characters: got "
                         f"{n_train} + {n_validation} for {n} characters")
    order = sorted(range(n), key=lambda i: f"{alphabets[i]}/{characters[i]}")
    random.Random(SPLIT_SEED).shuffle(order)
    order = np.array(order)
    return {"train": order[:n_train], "validation": order[n_train:n_train + n_validation],
            "test": order[n_train + n_validation:]}


class Omniglot(TaskFamily):
    """N-way few-shot episodes of Omniglot characters (Finn et al. 2017, section 5.2).

    ``n_way`` classes per episode; ``split`` is "train", "validation" or
    "test". ``data`` is the result of ``omniglot.load()``; without it the
    family calls ``omniglot.load(root, download=download)``. ``rotate``: add
    quarter-turned characters as classes (default: in the training split
    only). Inputs are returned as ``dtype`` (float64, the engine's default).
    """

    name = "omniglot"          # its name in the strategy registry
    loss = staticmethod(cross_entropy)
    metric_name = "accuracy"

    def __init__(self, n_way=N_WAY, split="train", *, data=None, root=None, download=False,
                 rotate=None, n_train=N_TRAIN, n_validation=N_VALIDATION, dtype=np.float64):
        if not (_is_int(n_way) and n_way >= 2):
            raise ValueError(f"n_way must be an integer of at least 2, got {seen(n_way)}")
        check_word("split", split, SPLITS)
        if rotate is not None and not isinstance(rotate, bool):
            raise TypeError(f"rotate must be True, False or None (rotate the training split "
                            f"only), got {seen(rotate)}")
        if not isinstance(download, (bool, np.bool_)):     # 'yes', 1: a switch, not a word
            raise TypeError(f"download must be True or False (fetch the official zips when "
                            f"they are not found), got {seen(download)}")
        if data is not None:
            check_drawings("data", data, omniglot.OmniglotImages,
                           omniglot.IMAGE_SIZE)           # one pass: no NaN pixel
        given = dtype
        try:
            if isinstance(dtype, (np.finfo, np.iinfo, np.generic, np.ndarray)):  # a value, not
                raise TypeError                                   # a type: np.dtype reads it
            dtype = np.dtype(dtype if dtype is not None else "None")   # np.dtype(None): float64
        except TypeError:
            raise TypeError(f"dtype must be float32 or float64, got {seen(dtype)}") from None
        if dtype not in (np.float32, np.float64):     # the engine's two dtypes
            raise TypeError(f"dtype must be float32 or float64 (the engine's float types), "
                            f"got {seen(given)}" + ("" if given is dtype or isinstance(given, str)
                                                    else f", which NumPy reads as {dtype}"))
        if data is None:
            n_total = sum(p.n_characters for p in omniglot.OFFICIAL)
            _split_sizes(n_total, n_train, n_validation, n_way, split)   # check before loading
            data = omniglot.load(root, download=download)
        _split_sizes(len(data.images), n_train, n_validation, n_way, split)
        self.n_way, self.split, self.dtype = int(n_way), split, dtype
        self.root = None if root is None else str(root)
        self.n_train, self.n_validation = int(n_train), int(n_validation)
        self.rotate = (split == "train") if rotate is None else rotate
        self.data = data
        self.classes = finn_split(data.alphabets, data.characters, n_train, n_validation)[split]
        self.n_inputs = data.images.shape[2] * data.images.shape[3]
        self.n_outputs = self.n_way

    def describe(self):
        """The constructor arguments that rebuild this family, JSON-ready.

        The images are not among them: a rebuilt family loads them again, from
        ``root`` or the cache.
        """
        return {"n_way": self.n_way, "split": self.split, "root": self.root,
                "rotate": self.rotate, "n_train": self.n_train,
                "n_validation": self.n_validation, "dtype": self.dtype.name}

    def metric(self, pred, y):
        check_targets("Omniglot.metric", pred, y)     # named pred and y, as accuracy would not
        return accuracy(pred, y)

    def sample_params(self, rng, n_tasks):
        """Each task's n_way (character index, quarter turns), shape (tasks, n_way, 2).

        The characters of a task are distinct and in random order: position
        c holds the character that gets label c, so labels are shuffled.
        """
        check_memory(f"n_tasks = {n_tasks} episodes (a random key per character of the "
                     f"{self.split} split, {len(self.classes)}, per episode)",
                     float(n_tasks) * len(self.classes))
        picks = _smallest(rng.random((n_tasks, len(self.classes))), self.n_way)
        turns = (rng.integers(0, 4, (n_tasks, self.n_way)) if self.rotate
                 else np.zeros((n_tasks, self.n_way), dtype=int))
        return np.stack([self.classes[picks], turns], axis=-1)

    def make_batch(self, rng, task_params, n_support, n_query):
        """Support and query drawings of the given tasks' characters, labels one-hot."""
        task_params = np.asarray(task_params)          # (tasks, n_way, 2) integers
        n_tasks = check_batch(self, rng, task_params, n_support, n_query)
        chars, turns = task_params[..., 0], task_params[..., 1]
        n_characters = len(self.data.images)
        if task_params.size and (chars.min() < 0 or chars.max() >= n_characters
                                 or turns.min() < 0 or turns.max() > 3):
            bad = chars[(chars < 0) | (chars >= n_characters)]
            what = (f"character index {bad.flat[0]}, outside 0..{n_characters - 1}" if bad.size
                    else f"quarter turns {turns[(turns < 0) | (turns > 3)].flat[0]}, outside 0..3")
            raise ValueError(f"task_params holds {what}")
        same = np.diff(np.sort(chars, axis=-1), axis=-1) == 0
        if same.any():                     # two classes of one episode, one character
            task = int(np.argmax(same.any(axis=-1)))
            raise ValueError(f"task_params must name {self.n_way} distinct characters per "
                             f"episode (each class its own), got characters "
                             f"{chars[task].tolist()} in episode {task}")
        k_support, k_query = self._shots(n_tasks, n_support, n_query)
        n_drawings = self.data.images.shape[1]
        shots = k_support + k_query
        # distinct drawings of each class: the first k_support for support, the rest for query
        drawings = np.argsort(rng.random((n_tasks, self.n_way, n_drawings)), axis=2)[..., :shots]
        # (tasks, way, shots, 28, 28)
        images = self.data.images[task_params[..., 0, None], drawings]
        turns = task_params[..., 1]
        for k in (1, 2, 3):
            images[turns == k] = np.rot90(images[turns == k], k, axes=(-2, -1))
        # point p = drawing p // n_way of class p % n_way; support and query are
        # each one contiguous array (the network's matmuls then need no copies)
        by_shot = images.transpose(0, 2, 1, 3, 4)
        y = np.broadcast_to(np.eye(self.n_way, dtype=self.dtype),
                            (n_tasks, shots, self.n_way, self.n_way))

        def points(a, shots, width):      # a copy where needed: y is a read-only broadcast
            a = np.ascontiguousarray(a.reshape(n_tasks, shots * self.n_way, width),
                                     dtype=self.dtype)
            return a if a.flags.writeable else a.copy()
        return TaskBatch(points(by_shot[:, :k_support], k_support, self.n_inputs),
                         points(y[:, :k_support], k_support, self.n_way),
                         points(by_shot[:, k_support:], k_query, self.n_inputs),
                         points(y[:, k_support:], k_query, self.n_way))

    def sample(self, rng, n_tasks, n_support, n_query):
        """Draw ``n_tasks`` episodes, each with ``n_support`` + ``n_query`` points."""
        if not isinstance(rng, np.random.Generator):
            raise TypeError(f"rng must be a numpy.random.Generator (e.g. "
                            f"np.random.default_rng(0)), got {seen(rng)}")
        self._shots(n_tasks, n_support, n_query)               # every check before any drawing
        check_memory(f"n_tasks = {n_tasks} episodes of {n_support} + {n_query} points",
                     float(n_tasks) * (n_support + n_query) * (self.n_inputs + self.n_way))
        params = check_drawn(self, self.sample_params(rng, n_tasks), n_tasks)   # n_tasks rows
        return self.make_batch(rng, params, n_support, n_query)

    def check_shots(self, n_support, n_query):
        """The counts of one episode, checked as :meth:`sample` checks them (no drawing)."""
        self._shots(1, n_support, n_query)

    def _shots(self, n_tasks, n_support, n_query):
        return check_shots(self.n_way, n_tasks, n_support, n_query, self.data.images.shape[1])

    def __repr__(self):
        return (f"Omniglot(n_way={self.n_way}, split={self.split!r}, rotate={self.rotate}, "
                f"{len(self.classes)} characters)")


def check_shots(n_way, n_tasks, n_support, n_query, n_drawings=DRAWINGS):
    """(k_support, k_query), drawings per class, or ValueError naming the bad count.

    Needs no images, so the command line checks a run's counts before the
    drawings are read: every class gets the same number of distinct drawings.
    """
    for name, n, least in (("n_way", n_way, 2), ("n_drawings", n_drawings, 1)):
        if not (_is_int(n) and least <= n <= COUNT_MAX):        # (an array's length at most)
            raise ValueError(f"{name} must be an integer of at least {least} (and at most "
                             f"{COUNT_MAX}), got {seen(n)}")
    if not (_is_int(n_tasks) and 1 <= n_tasks <= COUNT_MAX):      # an array's length
        raise ValueError(f"n_tasks must be a positive integer (at most {COUNT_MAX}), got "
                         f"{seen(n_tasks)}")
    for name, n, least in (("n_support", n_support, 1), ("n_query", n_query, 0)):
        if not (_is_int(n) and n >= least):
            raise ValueError(f"{name} must be an integer of at least {least}, got {seen(n)}")
        if n % n_way:
            raise ValueError(f"{name} must be a multiple of n_way={n_way} (the same "
                             f"number of drawings of every class), got {n}")
    k_support, k_query = n_support // n_way, n_query // n_way
    if k_support + k_query > n_drawings:
        raise ValueError(f"n_support={n_support} and n_query={n_query} ask for {k_support} + "
                         f"{k_query} distinct drawings per class (of n_way={n_way}), but each "
                         f"character has only {n_drawings}")
    return k_support, k_query


def _is_int(value):
    """An integer, and not a bool (True is not a count)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, NOT_INTS)


def _smallest(keys, n):
    """Per row, the columns of the n smallest keys in increasing order: argsort(keys)[:, :n].

    With uniform random keys this is the start of a random permutation (n
    distinct characters in random order). n passes of argmin find them
    without sorting the whole row: 0.05 ms instead of 0.7 ms for Omniglot's
    32 x 1,100 keys, the same columns (ties have probability about 2^-53).
    """
    keys, rows = keys.copy(), np.arange(len(keys))
    out = np.empty((len(keys), n), dtype=np.intp)
    for c in range(n):
        out[:, c] = keys.argmin(axis=1)
        keys[rows, out[:, c]] = np.inf
    return out


def _split_sizes(n_total, n_train, n_validation, n_way, split):
    if not all(_is_int(v) and v >= 1 for v in (n_train, n_validation)):
        raise ValueError(f"n_train and n_validation must be positive integers, got "
                         f"{seen(n_train, 40)} and {seen(n_validation, 40)}")
    n_train, n_validation = int(n_train), int(n_validation)    # a uint64 would overflow below
    sizes = {"train": n_train, "validation": n_validation,
             "test": n_total - n_train - n_validation}
    if sizes["test"] < 1:
        raise ValueError(f"n_train + n_validation must leave test characters: got "
                         f"{n_train} + {n_validation} for {n_total} characters")
    if n_way > sizes[split]:
        size = {"train": "n_train", "validation": "n_validation"}.get(
            split, f"{n_total} - n_train - n_validation")
        raise ValueError(f"n_way={n_way} is larger than the {sizes[split]} characters of the "
                         f"{split!r} split ({size} = {sizes[split]}); a task needs n_way "
                         f"distinct characters")
