"""Every strategy of Lecture 22, section 1 by name, and how to rebuild one from a checkpoint.

The lecture sets MAML (section 1.2, eq. 22.1-22.3) against its alternatives:
first-order MAML, Reptile (section 1.4.2, eq. 22.5), the closed-form head and
ANIL (section 1.4.3, eq. 22.6), the subset strategy (section 1.4.1), plain
multi-task SGD (section 1.3.1), and two baselines that its section 3 asks for
("pretrained on all tasks, then fine-tuned" and "trained from scratch on the
task"). This module names them, so that the command line, the trainer and the
``compare`` table can refer to each by a short string:

    >>> strategy = make_strategy("maml", "sinusoid", inner_steps=2)

Strategy modules are imported only when a name is first used, and a module
that does not exist yet is reported by :func:`missing_strategies` instead of
breaking the others.

A checkpoint must say which strategy wrote it, so :func:`config_of` turns a
strategy into a JSON-ready dict (its class, its keyword hyperparameters, its
model and its task family) and :func:`strategy_from_config` turns that dict
back into an equal strategy. Both rely on one convention that every strategy
follows: each keyword argument of the constructor is kept as an attribute of
the same name (``MAML(..., inner_lr=0.1).inner_lr == 0.1``).
"""

import importlib
import inspect

import numpy as np

from scratchmeta.nn import MLP
from scratchmeta.tasks import GaussianClusters, LinearRegression, Sinusoid

# name -> (module, class, fixed keyword arguments), in the order of the lecture.
STRATEGIES = {
    "maml": ("scratchmeta.meta.maml", "MAML", {}),                            # 1.2, eq. 22.3
    "fomaml": ("scratchmeta.meta.maml", "MAML", {"first_order": True}),      # 1.4.2's cousin
    "reptile": ("scratchmeta.meta.reptile", "Reptile", {}),                  # 1.4.2, eq. 22.5
    "anil": ("scratchmeta.meta.anil", "ANIL", {}),                           # 1.4.3
    "closed_form": ("scratchmeta.meta.closed_form", "ClosedForm", {}),       # 1.4.3, eq. 22.6
    "subset": ("scratchmeta.meta.subset", "Subset", {}),                     # 1.4.1
    "multitask": ("scratchmeta.meta.multitask", "Multitask", {}),            # 1.3.1
    "pretrained": ("scratchmeta.meta.baselines", "Pretrained", {}),          # section 3 wish
    "scratch": ("scratchmeta.meta.baselines", "Scratch", {}),                # section 3 wish
}

FAMILIES = {"sinusoid": Sinusoid, "linear": LinearRegression, "clusters": GaussianClusters}


class MissingStrategy(ImportError):
    """A registered strategy whose module or class has not been written yet."""


# --- task families and their default models -----------------------------------

def make_family(name, **kwargs):
    """The task family called ``name`` ("sinusoid", "linear" or "clusters")."""
    if name not in FAMILIES:
        raise ValueError(f"unknown task family {name!r}; expected one of {sorted(FAMILIES)}")
    return FAMILIES[name](**kwargs)


def family_name(family):
    """The registry name of a family object ("sinusoid", ...), or None if unregistered."""
    for name, cls in FAMILIES.items():
        if type(family) is cls:
            return name
    return None


def default_model(family):
    """The learner each family is meant for (a family object or its name).

    Sinusoids: Finn et al.'s MLP (1, 40, 40, 1). Linear regression: the
    two-parameter model y = a x + c, MLP((1, 1)), whose meta-trajectory lies
    in the task plane of Figure 22.1. Clusters: MLP((dim, 64, 64, n_way)).
    """
    if isinstance(family, str):
        family = make_family(family)
    if isinstance(family, Sinusoid):
        return MLP((1, 40, 40, 1))
    if isinstance(family, LinearRegression):
        return MLP((1, 1))
    if isinstance(family, GaussianClusters):
        return MLP((family.dim, 64, 64, family.n_way))
    raise TypeError(f"no default model for a {type(family).__name__}; expected one of "
                    f"{[c.__name__ for c in FAMILIES.values()]}, or pass model= explicitly")


# --- strategies -----------------------------------------------------------------

def strategy_class(name):
    """Import and return the class registered as ``name``; MissingStrategy if not written yet."""
    if name not in STRATEGIES:
        raise ValueError(f"unknown strategy {name!r}; expected one of {list(STRATEGIES)}")
    module_name, class_name, _ = STRATEGIES[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name != module_name:        # the module exists but one of *its* imports fails:
            raise                        # a bug to see, not a strategy still to be written
        raise MissingStrategy(f"strategy {name!r} is not available: its module "
                              f"{module_name} does not exist yet") from None
    if not hasattr(module, class_name):
        raise MissingStrategy(f"strategy {name!r} is not available: {module_name} does not "
                              f"define {class_name} yet")
    return getattr(module, class_name)


def missing_strategies():
    """{name: reason} for every registered strategy that cannot be imported yet."""
    missing = {}
    for name in STRATEGIES:
        try:
            strategy_class(name)
        except MissingStrategy as e:
            missing[name] = str(e)
    return missing


def available_strategies():
    """The registered names whose strategies can be built, in the registry's order."""
    missing = missing_strategies()
    return [name for name in STRATEGIES if name not in missing]


def hyperparameters(name):
    """{keyword: default} of the strategy's constructor, without the fixed ones."""
    fixed = STRATEGIES[name][2] if name in STRATEGIES else {}
    return {k: v for k, v in _keywords(strategy_class(name)).items() if k not in fixed}


def make_strategy(name, family="sinusoid", model=None, **hyper):
    """Build the strategy ``name`` for ``family`` (an object or a name), e.g. ``"fomaml"``.

    ``model`` defaults to :func:`default_model` of the family; ``hyper`` are
    the strategy's keyword hyperparameters (``inner_lr``, ``meta_batch``, ...).
    """
    cls = strategy_class(name)
    family = make_family(family) if isinstance(family, str) else family
    model = default_model(family) if model is None else model
    fixed = STRATEGIES[name][2]
    allowed = _keywords(cls)
    for key in hyper:
        if key in fixed:
            raise ValueError(f"strategy {name!r} fixes {key}={fixed[key]!r}; it cannot be set")
        if key not in allowed:
            raise ValueError(f"strategy {name!r} ({cls.__name__}) has no hyperparameter "
                             f"{key!r}; it takes {sorted(k for k in allowed if k not in fixed)}")
    return cls(model, family, **fixed, **hyper)


# --- configurations: what a checkpoint records about its strategy -----------------

def config_of(strategy):
    """A JSON-ready description of ``strategy``: class, hyperparameters, model, family.

    Two strategies with equal configs train identically from the same seed.
    """
    cls = type(strategy)
    return {"class": f"{cls.__module__}.{cls.__qualname__}",
            "name": str(getattr(strategy, "name", cls.__name__)),
            "hyperparameters": _arguments(strategy, skip=("model", "family")),
            "model": {"class": type(strategy.model).__name__,
                      "arguments": _arguments(strategy.model)},
            "family": {"name": family_name(strategy.family),
                       "class": type(strategy.family).__name__,
                       "arguments": _arguments(strategy.family)}}


def strategy_from_config(config):
    """Rebuild the strategy that :func:`config_of` described (only registered classes)."""
    for key in ("class", "hyperparameters", "model", "family"):
        if key not in config:
            raise ValueError(f"a strategy config needs the key {key!r}; got keys {sorted(config)}")
    module_name, _, class_name = config["class"].rpartition(".")
    if (module_name, class_name) not in {(m, c) for m, c, _ in STRATEGIES.values()}:
        raise ValueError(f"{config['class']} is not a registered strategy class; expected "
                         f"one of {sorted({m + '.' + c for m, c, _ in STRATEGIES.values()})}")
    cls = getattr(importlib.import_module(module_name), class_name)
    family = config["family"]
    if family.get("name") not in FAMILIES:
        raise ValueError(f"the config's task family {family.get('class')!r} is not one of the "
                         f"registered families {sorted(FAMILIES)}, so it cannot be rebuilt")
    if config["model"]["class"] != "MLP":
        raise ValueError(f"only MLP models can be rebuilt, got {config['model']['class']!r}")
    return cls(MLP(**config["model"]["arguments"]),
               make_family(family["name"], **family["arguments"]),
               **config["hyperparameters"])


def _constructor_parameters(cls):
    """Keyword parameters of ``cls``'s constructor, including those it hands on to a base
    class through ``**hyperparameters`` (ANIL and Subset to MAML), subclass first."""
    out = {}
    for klass in cls.__mro__:
        if "__init__" not in vars(klass):
            continue
        params = inspect.signature(vars(klass)["__init__"]).parameters.values()
        for p in params:
            if p.name != "self" and p.name not in out \
                    and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
                out[p.name] = p
        if not any(p.kind == p.VAR_KEYWORD for p in params):
            break                                  # nothing is handed further up
    return list(out.values())


def _keywords(cls):
    """{name: default} of the constructor's parameters after (model, family)."""
    return {p.name: p.default for p in _constructor_parameters(cls)
            if p.name not in ("model", "family")}


def _arguments(obj, skip=()):
    """The constructor arguments of ``obj``, read back from its same-named attributes."""
    out = {}
    for p in _constructor_parameters(type(obj)):
        if p.name in skip:
            continue
        if hasattr(obj, p.name):
            value = getattr(obj, p.name)
        elif p.default is not p.empty:
            value = p.default
        else:
            raise TypeError(f"{type(obj).__name__} keeps no attribute {p.name!r} for its "
                            f"constructor argument of that name, so it cannot be described")
        out[p.name] = _json_ready(value, f"{type(obj).__name__}.{p.name}")
    return out


def _json_ready(value, where):
    """Plain Python numbers, strings, lists and dicts; tuples and arrays become lists."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_json_ready(v, where) for v in (value.tolist() if isinstance(value, np.ndarray)
                                                else value)]
    if isinstance(value, dict):
        return {str(k): _json_ready(v, where) for k, v in value.items()}
    raise TypeError(f"{where} is a {type(value).__name__}, which a checkpoint cannot record "
                    f"(expected numbers, strings, None, or lists of them)")
