"""Every strategy and task family of Lecture 22, section 1 by name.

The lecture sets MAML (section 1.2, eq. 22.1-22.3) against its alternatives:
first-order MAML, Reptile (section 1.4.2, eq. 22.5), ANIL and the closed-form
head (section 1.4.3, eq. 22.6), the subset strategy (section 1.4.1), plain
multi-task SGD (section 1.3.1), and two baselines that its section 3 asks for
("pretrained on all tasks, then fine-tuned" and "trained from scratch on the
task"). This module names them, so that the command line, the trainer and the
``compare`` table can refer to each by a short string:

    >>> strategy = make_strategy("maml", "sinusoid", inner_steps=2)

Each name maps to a strategy class, built as ``cls(model, family, config)``
from its ``cls.Config`` dataclass. A hyperparameter a strategy does not have
is refused, with the reason from the class's ``NOT_APPLICABLE`` where it has
one (``--inner-steps`` means nothing to the closed-form head).
"""

import dataclasses
import difflib
import functools
import inspect
import os

from scratchmeta.datasets import omniglot
from scratchmeta.datasets.omniglot_tasks import Omniglot
from scratchmeta.meta.anil import ANIL
from scratchmeta.meta.baselines import Pretrained, Scratch
from scratchmeta.meta.checks import (check_classifier_family, check_family, check_model_fits,
                                     check_name, check_path, check_type)
from scratchmeta.meta.closed_form import ClosedForm
from scratchmeta.meta.maml import FOMAML, MAML
from scratchmeta.meta.multitask import Multitask
from scratchmeta.meta.newton_head import NewtonHead
from scratchmeta.meta.r2d2 import R2D2
from scratchmeta.meta.reptile import Reptile
from scratchmeta.meta.subset import Subset
from scratchmeta.more_tasks import GaussianClusters, SinusoidFrequency
from scratchmeta.nn import MLP
from scratchmeta.tasks import LinearRegression, Sinusoid, TaskFamily
from scratchmeta.messages import seen
from scratchmeta.settled import settle

# In the order of the lecture.
STRATEGIES = {
    "maml": MAML,                   # 1.2, eq. 22.3
    "fomaml": FOMAML,               # first-order MAML
    "reptile": Reptile,             # 1.4.2, eq. 22.5
    "anil": ANIL,                   # 1.4.3
    "closed_form": ClosedForm,      # 1.4.3, eq. 22.6
    "r2d2": R2D2,                   # 1.4.3, eq. 22.6 on one-hot targets, learned scale
    "newton_head": NewtonHead,      # 1.4.3, a convex (softmax) head, Newton + implicit grad
    "subset": Subset,               # 1.4.1
    "multitask": Multitask,         # 1.3.1
    "pretrained": Pretrained,       # section 3's wish
    "scratch": Scratch,             # section 3's wish
}

FAMILIES = {"sinusoid": Sinusoid, "sinusoid_frequency": SinusoidFrequency,  # w varies too
            "linear": LinearRegression, "clusters": GaussianClusters,
            "omniglot": Omniglot}       # Chapter 5: real images (Finn et al. 2017, section 5.2)

# The built-in names, fixed: a checkpoint records its run by them, so a user's entries are
# added under names of their own (checked where an entry is read, by _entry).
BUILT_IN_STRATEGIES, BUILT_IN_FAMILIES = dict(STRATEGIES), dict(FAMILIES)


def _entry(table, name):
    """``STRATEGIES[name]`` or ``FAMILIES[name]`` (``table`` says which), checked: a built-in
    name still maps to its own class, and a user's entry is a class of the right kind (a
    strategy class with a ``Config``, a ``TaskFamily`` subclass), not an instance, a
    function or another class."""
    strategies = table == "STRATEGIES"
    entries, built_in = (STRATEGIES, BUILT_IN_STRATEGIES) if strategies else \
        (FAMILIES, BUILT_IN_FAMILIES)
    entry = entries[name]
    if name in built_in and entry is not built_in[name]:
        raise ValueError(f"{table}[{name!r}] was changed from {built_in[name].__name__} to "
                         f"{getattr(entry, '__name__', None) or seen(entry, 60)}: a built-in "
                         f"name keeps its own class (checkpoints record runs by it); add yours "
                         f"under a name of its own, {table}['my_{name}'] = ...")
    fits = isinstance(entry, type) and (
        dataclasses.is_dataclass(getattr(entry, "Config", None)) if strategies
        else issubclass(entry, TaskFamily))
    if not fits:
        what = ("a strategy class (one with a Config dataclass, as MAML)" if strategies else
                "a task family class (a scratchmeta.tasks.TaskFamily subclass, as Sinusoid)")
        hint = ("; an instance: register its class, type(...)"
                if not isinstance(entry, type) and not callable(entry) else "")
        raise TypeError(f"{table}[{name!r}] must be {what}, got {seen(entry, 60)}{hint}")
    return entry


def make_family(name, **kwargs):
    """The task family called ``name`` ("sinusoid", "linear", "clusters" or "omniglot").

    Omniglot's images (102 MB in float64 terms, a second or more to read) are
    loaded once per process and per ``root``, and shared by every Omniglot
    family made here: the training, validation and test splits of a run, and
    a checkpoint's family rebuilt for evaluation.
    """
    check_name("name", name, FAMILIES, "task family")
    if _entry("FAMILIES", name) is Omniglot and kwargs.get("data") is None:
        root = kwargs.get("root")
        check_type("download", kwargs.get("download", False), bool)
        if root is not None:
            check_path("root", root, folder=True)
        kwargs["data"] = _omniglot_images(None if root is None else str(root),
                                          bool(kwargs.pop("download", False)),
                                          os.environ.get("SCRATCHMETA_DATA"))
    cls = FAMILIES[name]
    try:
        known = inspect.signature(cls).parameters
    except (TypeError, ValueError):                 # a signature that cannot be read
        known = {}
    if known and not any(p.kind is p.VAR_KEYWORD for p in known.values()):
        for key in kwargs:                          # a misspelt keyword, before the class
            if key not in known:
                close = difflib.get_close_matches(key, list(known), n=1)
                raise TypeError(f"make_family: the {name} family has no argument {key!r}"
                                f"{f' (did you mean {close[0]!r}?)' if close else ''}; it "
                                f"takes {sorted(known)}")
    return cls(**kwargs)


@functools.lru_cache(maxsize=2)
def _omniglot_images(root, download, data_folder):
    """The drawings, loaded once per process for each (root, download, $SCRATCHMETA_DATA):
    ``data_folder`` is that variable's value, which load() reads, so that setting it
    anew loads from the new folder."""
    return omniglot.load(root, download=download)


def default_model(family):
    """The learner each family is meant for (a family object or its name).

    Sinusoids: Finn et al.'s MLP (1, 40, 40, 1). Linear regression: the
    two-parameter model y = a x + c, MLP((1, 1)), whose meta-trajectory lies
    in the task plane of Figure 22.1. Clusters: MLP((dim, 64, 64, n_way)).
    Omniglot: Finn et al.'s fully connected network, 784-256-128-64-64-n_way,
    each hidden layer batch norm then ReLU (``MLP(..., batch_norm=True)``), its
    parameters in the family's dtype.
    """
    if isinstance(family, str):
        check_name("family", family, FAMILIES, "task family")
        family = make_family(family)
    if isinstance(family, Sinusoid):
        return MLP((1, 40, 40, 1))
    if isinstance(family, LinearRegression):
        return MLP((1, 1))
    if isinstance(family, GaussianClusters):
        return MLP((family.dim, 64, 64, family.n_way))
    if isinstance(family, Omniglot):
        return MLP((family.n_inputs, 256, 128, 64, 64, family.n_way), batch_norm=True,
                   dtype=family.dtype)
    raise TypeError(f"family must be a task family of the registry (an object or its name), "
                    f"got {seen(family, 100)} ({type(family).__name__}), which has no default "
                    f"model; expected one of {[c.__name__ for c in FAMILIES.values()]} or their "
                    f"names {list(FAMILIES)}, or pass model= explicitly")


def hyperparameters(name):
    """{name: default} of the strategy's configuration."""
    return dataclasses.asdict(_strategy_class(name).Config())


def make_strategy(name, family="sinusoid", model=None, **hyper):
    """Build the strategy ``name`` for ``family`` (an object or a name), e.g. ``"fomaml"``.

    ``model`` defaults to :func:`default_model` of the family; ``hyper`` are
    fields of the strategy's configuration (``inner_lr``, ``meta_batch``, ...).
    """
    cls = _strategy_class(name)
    if isinstance(family, str):
        check_name("family", family, FAMILIES, "task family")
    family = make_family(family) if isinstance(family, str) else family
    check_family(family)
    if getattr(cls, "classifier", False):        # named as you called it, before the model
        check_classifier_family(f"{name!r} ({cls.__name__})", family)
    model = default_model(family) if model is None else model
    if not (callable(getattr(model, "init", None)) and hasattr(model, "describe")):
        raise TypeError(f"model must be a scratchmeta.nn.MLP (or None for the family's "
                        f"default), got {seen(model)}")
    check_model_fits(model, family)
    strategy = cls(model, family, **hyper)
    counts = [getattr(strategy.config, n, None) for n in ("n_support", "n_query")]
    if None not in counts and hasattr(family, "check_shots"):
        family.check_shots(*counts)              # e.g. clusters: a multiple of n_way per set
    return settle(strategy)          # its family, model and config fixed from now on


def strategy_from_config(record, *, root=None):
    """Rebuild the strategy that :func:`scratchmeta.meta.protocol.describe` recorded.

    ``root``: for an Omniglot record, the folder its images are read from now,
    in place of the recorded one (the loader checks the images' content hash,
    so where they live is not part of the run).
    """
    if not isinstance(record, dict):
        raise TypeError(f"record must be a strategy record, the dict protocol.describe(strategy) "
                        f"makes, got {seen(record)}"[:300])
    for key in ("class", "hyperparameters", "model", "family"):
        if key not in record:
            raise ValueError(f"a strategy record needs the key {key!r}; got keys "
                             f"{sorted(record)}")
    names = {f"{cls.__module__}.{cls.__qualname__}": name for name, cls in STRATEGIES.items()}
    if record["class"] not in names:
        raise ValueError(f"{record['class']} is not a registered strategy class; expected "
                         f"one of {sorted(names)}")
    for key, inner in (("hyperparameters", ()), ("model", ("class", "arguments")),
                       ("family", ("name", "arguments"))):
        part = record[key]
        if not (isinstance(part, dict) and all(k in part for k in inner)
                and all(isinstance(part[k], dict) for k in ("arguments",) if k in inner)):
            keys = f" with the keys {list(inner)} (arguments a dict)" if inner else ""
            raise ValueError(f"record[{key!r}] must be a dict{keys}, as protocol.describe "
                             f"writes it, got {seen(part)}"[:300])
    family = record["family"]
    if family.get("name") not in FAMILIES:
        raise ValueError(f"the record's task family {family.get('name')!r} is not one of the "
                         f"registered families {sorted(FAMILIES)}, so it cannot be rebuilt")
    entry = _entry("FAMILIES", family["name"])
    if isinstance(family.get("class"), str) and family["class"] != entry.__name__:
        raise ValueError(f"the record's task family is a {family['class']} named "
                         f"{family['name']!r}, but FAMILIES[{family['name']!r}] rebuilds a "
                         f"{entry.__name__}: the run cannot be restored as it was trained")
    if record["model"]["class"] != "MLP":
        raise ValueError(f"only MLP models can be rebuilt, got {record['model']['class']!r}")
    arguments = dict(family["arguments"])
    if root is not None:
        if family["name"] != "omniglot":
            raise ValueError(f"root applies to omniglot runs; this record is a "
                             f"{family['name']} run")
        arguments["root"] = str(root)
    name = names[record["class"]]
    return make_strategy(name, make_family(family["name"], **arguments),
                         MLP(**record["model"]["arguments"]), **record["hyperparameters"])


def _strategy_class(name):
    check_name("name", name, STRATEGIES, "strategy")
    return _entry("STRATEGIES", name)


def _plain(value):
    """A setting compared by ``==`` alone: a number, a string, or a tuple of them."""
    if isinstance(value, tuple):
        return all(isinstance(v, (bool, int, float, str)) for v in value)
    return isinstance(value, (bool, int, float, str))


def check_rebuilds(family):
    """A family whose run a checkpoint will record can be rebuilt from the record: its
    ``name`` is registered to its own class (``FAMILIES[family.name] is type(family)``), and
    a user's family, rebuilt from its ``describe()``, has the same plain settings. Raises
    ValueError naming the fault before any training; a checkpoint would otherwise restore
    another family, or fail to restore."""
    check_family(family)                           # an object, not its name or its class
    name, cls = getattr(family, "name", None), type(family)
    if cls not in BUILT_IN_FAMILIES.values():      # (the library's own: rebuilt by its tests)
        record = family.describe()
        try:
            rebuilt = cls(**record)
        except Exception as err:
            raise ValueError(f"{cls.__name__}.describe() gives {seen(record, 100)}, which does "
                             f"not rebuild the family: {cls.__name__}(**describe()) raised "
                             f"{type(err).__name__}: {err}") from err
        for key, value in vars(family).items():
            if _plain(value) and _plain(vars(rebuilt).get(key, value)) and vars(rebuilt).get(
                    key, value) != value:
                raise ValueError(f"{cls.__name__}.describe() leaves out how the family was "
                                 f"built: rebuilt from it ({seen(record, 80)}), {key} is "
                                 f"{vars(rebuilt)[key]!r}, not {value!r}; describe() must "
                                 f"return every constructor argument")
    entry = FAMILIES.get(name) if isinstance(name, str) else None
    if entry is not cls:
        raise ValueError(f"family {cls.__name__} has name = {name!r}, which a checkpoint "
                         f"rebuilds as {getattr(entry, '__name__', 'nothing')} (FAMILIES"
                         f"[{name!r}]), not {cls.__name__}: give the class a name of its own "
                         f"(name = 'my_family') and register it, FAMILIES['my_family'] = "
                         f"{cls.__name__}, so that its runs can be restored")
