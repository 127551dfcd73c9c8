"""Settings fixed at construction: a network, a task family, a strategy and its configuration.

Not a lecture section. The library checks a model's sizes, a family's ranges and a
strategy's hyperparameters once, when the object is built; what is built from them (the
initial weights, the model a family is fitted with, a checkpoint's record) depends on them.
An attribute changed afterwards (``model.activation = "tanh"`` after ``init``,
``family.amplitude = (5, 0.1)``, ``strategy.config.meta_batch = 0``) would skip every check
and leave the object disagreeing with what was built from it, silently. So, once built, such
an object refuses a new value for a setting it already has, naming it: build a new one
instead. Private attributes (a leading underscore) stay free for caches.
"""

import dataclasses
import functools

from scratchmeta.messages import seen

__all__ = ["SettingFixed", "Settled", "settle"]


class SettingFixed(TypeError, AttributeError):
    """A setting assigned after construction: a TypeError (a wrong use, as every other the
    library refuses) and an AttributeError (what a frozen dataclass raises)."""


def _refuse(obj, key, value, how=""):
    name = type(obj).__name__
    raise SettingFixed(f"{name}.{key} is fixed once the {name} is built (it was checked "
                       f"then, and what was built from it depends on it), got an assignment "
                       f"of {seen(value, 60)}; build a new one with {key}={value!r:.40} "
                       f"instead{how}")


class Settled:
    """A class whose public attributes, once its most derived ``__init__`` has returned,
    cannot be given new values (:class:`SettingFixed`); new attributes and private ones can."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__init__" not in vars(cls):
            return
        init = cls.__init__

        @functools.wraps(init)
        def built(self, *args, **kw):
            init(self, *args, **kw)
            if type(self).__init__ is built:       # the most derived __init__: now built
                object.__setattr__(self, "_settled", True)
        cls.__init__ = built

    def __setattr__(self, key, value):
        if self.__dict__.get("_settled") and not key.startswith("_") and key in self.__dict__:
            _refuse(self, key, value)
        object.__setattr__(self, key, value)


@functools.lru_cache(maxsize=None)
def _settled_class(cls):
    """``cls`` (a dataclass) with its fields fixed once :func:`settle` has marked an instance:
    same name, fields and methods, and equal to a ``cls`` of the same values."""
    def __setattr__(self, key, value):
        if self.__dict__.get("_settled") and key in self.__dataclass_fields__:
            _refuse(self, key, value)
        object.__setattr__(self, key, value)

    def __eq__(self, other):
        if not isinstance(other, cls):
            return NotImplemented
        return dataclasses.astuple(self) == dataclasses.astuple(other)
    return type(cls.__name__, (cls,), {"__setattr__": __setattr__, "__eq__": __eq__,
                                       "__hash__": cls.__hash__,
                                       "__qualname__": cls.__qualname__,
                                       "__module__": cls.__module__,
                                       "__doc__": cls.__doc__})


@functools.lru_cache(maxsize=None)
def _settled_object_class(cls):
    """``cls`` (a plain class, a strategy) with the public attributes an instance already has
    fixed once :func:`settle` has marked it: same name and methods, new attributes free."""
    def __setattr__(self, key, value):
        if self.__dict__.get("_settled") and not key.startswith("_") and key in self.__dict__:
            _refuse(self, key, value, f" (a strategy: type(s)(s.model, s.family, s.config) with "
                                      f"the {key} meant, or with_test_time for its config)")
        super(settled, self).__setattr__(key, value)
    settled = type(cls.__name__, (cls,), {"__setattr__": __setattr__,
                                          "__qualname__": cls.__qualname__,
                                          "__module__": cls.__module__, "__doc__": cls.__doc__})
    return settled


def settle(config):
    """``config``, a dataclass instance, as one whose fields can no longer be assigned
    (``dataclasses.replace`` still makes a changed copy); a built strategy (any other object
    with a ``__dict__``), as one whose public attributes keep the values they have (its
    family, model, config). Returns the same object."""
    if dataclasses.is_dataclass(config) and not isinstance(config, type):
        if getattr(type(config), "__dataclass_params__").frozen:
            return config
        if type(config).__dict__.get("__setattr__") is None:      # not settled yet
            config.__class__ = _settled_class(type(config))
    elif not isinstance(config, (type, Settled)) and hasattr(config, "__dict__"):
        if type(config).__dict__.get("__setattr__") is None:
            config.__class__ = _settled_object_class(type(config))
    else:
        return config
    object.__setattr__(config, "_settled", True)
    return config
