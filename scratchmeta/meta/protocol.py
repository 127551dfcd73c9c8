"""What every strategy of Lecture 22, section 1 offers: one protocol.

Section 1.2.1 frames meta-learning as SGD whose examples are whole tasks, and
every strategy of the lecture fits that frame: draw a batch of tasks, make one
meta-update (eq. 22.3, or eq. 22.5 for Reptile), repeat; then, on a new task,
adapt by SGD on its support set (eq. 22.4 at test time). The trainer
(``training``), the evaluation (``evaluate``), the ``compare`` command and the
figures use a strategy only through the methods below.

A strategy holds its ``model`` (an MLP), its task ``family`` and its
``config``, a plain dataclass of hyperparameters named as in the lecture
(the table is in ``scratchmeta.meta``). It is built as ``Cls(model, family,
config)``, or with fields set by name, ``Cls(model, family, inner_lr=0.1)``
(:func:`configure`). Its mutable *state* lives outside it,
in a dict of arrays and lists of arrays: ``{"params": [...], "adam": {...}}``
for most. A checkpoint flattens that dict when it is written.

``init_state(rng) -> state``
    Fresh parameters, and optimizer moments where there is an optimizer.
``sample_batch(rng, state) -> batch``
    The training tasks of one meta-step (a ``TaskBatch``; normal SGD also says
    which tasks of its fixed pool it drew, and so reads ``state``).
``update(state, batch, rng, step) -> (state, meta_loss)``
    One meta-update on that batch, guarded by
    :func:`scratchmeta.meta.guard.check_update` (section 1.3.7). ``rng``
    serves any randomness inside the update (the subset strategy's subsets).
``adaptation(state, batch) -> iterator of theta_0, theta_1, ...``
    Test time: every held-out task's parameters after 0, 1, ... steps of SGD on
    its support set (``scratchmeta.meta.adapt``), from where the strategy
    starts them.

Drawing a batch is separate from using it, so a figure can look at the very
batch a step used.
"""

import dataclasses
from typing import Any, Iterator, Protocol, runtime_checkable

from scratchmeta.meta.checks import (check_attributes, check_config, check_config_class,
                                     check_family, check_instance, check_model, check_model_fits,
                                     check_rng, check_type)
from scratchmeta.settled import settle


@runtime_checkable
class Strategy(Protocol):
    """The protocol of the module docstring, as code."""

    name: str               # for tables and progress lines, e.g. "FOMAML"
    config: Any             # a dataclass of hyperparameters
    model: Any              # scratchmeta.nn.MLP
    family: Any             # scratchmeta.tasks.TaskFamily

    def init_state(self, rng) -> dict: ...

    def sample_batch(self, rng, state) -> Any: ...

    def update(self, state, batch, rng, step: int) -> tuple: ...

    def adaptation(self, state, batch) -> Iterator[list]: ...


def draw_tasks(strategy, rng):
    """The usual ``sample_batch``: ``meta_batch`` tasks with ``n_support`` + ``n_query`` points."""
    check_attributes("strategy", strategy, ("config", "family"),
                     "a strategy object (e.g. make_strategy('maml'))")
    check_rng("rng", rng)
    c = strategy.config
    return strategy.family.sample(rng, c.meta_batch, c.n_support, c.n_query)


_NOT_GIVEN = object()


def configure(cls, config=None, hyper=None, *, model=_NOT_GIVEN, family=_NOT_GIVEN, body=False):
    """``cls.Config`` (or ``config``) with the fields in ``hyper`` replaced, then checked.

    A strategy's constructor passes its ``model`` and ``family`` too, so that None, a
    name or a class given for them is refused here, before anything is built; with
    ``body=True`` (a body shared under per-task heads) a model of one layer is refused too.

    A name the configuration does not have is refused, with the reason from
    ``cls.NOT_APPLICABLE`` where the class gives one; a value of the wrong type
    (a bool for an int, a string for a number) is a TypeError naming the field.
    """
    check_attributes("cls", cls, ("Config",), "a strategy class with its Config, e.g. MAML")
    if model is not _NOT_GIVEN:
        check_model(model)                         # a network (MLP), not None or a name
    if family is not _NOT_GIVEN:
        check_family(family)                       # a family object, not "sinusoid"
    if model is not _NOT_GIVEN and family is not _NOT_GIVEN:
        check_model_fits(model, family, outputs=False)   # x's width is the model's first
    check_type("hyper", hyper, dict, none_ok=True)
    config = cls.Config() if config is None else config
    check_config(config)                           # a dataclass instance, not a dict
    check_config_class(cls, config)                # of this strategy's fields, not Reptile's
    fields = {f.name: f for f in dataclasses.fields(config)}
    for key, value in (hyper or {}).items():
        if key not in fields:
            why = getattr(cls, "NOT_APPLICABLE", {}).get(key)
            raise ValueError(f"strategy {cls.__name__} has no hyperparameter {key!r}"
                             f"{': ' + why if why else ''}; it takes {sorted(fields)}")
        check_type(key, value, field_type(fields[key]), none_ok=fields[key].default is None)
    config = dataclasses.replace(config, **(hyper or {}))
    config.check()
    if body and model is not _NOT_GIVEN and model.n_layers < 2:     # nothing to share
        raise ValueError(f"{cls.__name__} meta-trains a body shared by every task under a head "
                         f"of each task's own, so the model needs a body of at least one layer; "
                         f"got sizes {tuple(model.sizes)}, one layer, the head alone: choose a "
                         f"family whose default model has a hidden layer (linear's has none), "
                         f"or give one (make_strategy(..., model=MLP(...)))")
    return settle(config)           # checked: its fields are fixed from now on (settled.py)


def field_type(field):
    """The plain type (int, float, bool, str) a configuration field is declared with, or None.

    Every configuration declares its fields with one of these four, so the
    declaration is the one place that says what a value must be: ``configure``
    checks the type of every value against it before the strategy's own
    ``check`` looks at ranges (so ``inner_steps=True`` is refused as a bool,
    not taken as K = 1).
    """
    check_instance("field", field, dataclasses.Field,
                   "a configuration's field, one of dataclasses.fields(config)")
    kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
    return {"int": int, "float": float, "bool": bool, "str": str}.get(kind.split("|")[0].strip())


def describe(strategy):
    """A JSON-ready record that rebuilds ``strategy`` (``registry.strategy_from_config``).

    Two strategies with equal records train identically from the same seed.
    """
    check_attributes("strategy", strategy, ("name", "config", "model", "family"),
                     "a strategy object (e.g. make_strategy('maml'))")
    cls = type(strategy)
    return {"class": f"{cls.__module__}.{cls.__qualname__}",
            "name": strategy.name,
            "hyperparameters": dataclasses.asdict(strategy.config),
            "model": {"class": type(strategy.model).__name__,
                      "arguments": strategy.model.describe()},
            "family": {"name": strategy.family.name,
                       "class": type(strategy.family).__name__,
                       "arguments": strategy.family.describe()}}
