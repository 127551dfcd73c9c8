"""Input checks for Chapter 2, in one place.

Every strategy, the trainer and the evaluation check their arguments with the
helpers below *before* any work is done, so that a bad value gives one clear
message naming the argument, the value given and what was expected. Types
are checked in one place for every strategy: ``protocol.configure`` holds each
hyperparameter to the type its configuration field declares
(:func:`check_type`: a bool is not a count, a word is not a number), before
the strategy's own ``check`` looks at ranges. :func:`check_memory` refuses a
size that cannot fit before anything is allocated.

The guard of section 1.3.7, which checks what training produces rather than
what a user passed in, is :mod:`scratchmeta.meta.guard`.
"""


import os

import numpy as np

from scratchmeta import autodiff as ad


# --- arguments ------------------------------------------------------------------------

def check_count(name, value, minimum=0):
    """An integer >= ``minimum`` (bools are refused: True is not a count)."""
    if not (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
            and value >= minimum):
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")


def check_rate(name, value, *, allow_zero=False):
    """A positive (or, with ``allow_zero``, non-negative) finite number."""
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    if not (ok and np.isfinite(value) and (value >= 0 if allow_zero else value > 0)):
        expected = "a non-negative" if allow_zero else "a positive"
        raise ValueError(f"{name} must be {expected} finite number, got {value!r}")


def check_head_config(config, rates=("lam",)):
    """The fields every closed-form head's configuration shares (section 1.4.3).

    ``rates`` are the head's own positive settings (lam, and R2-D2's scale);
    then the test-time ``inner_lr`` (0 allowed: no fine-tuning), ``meta_lr``
    and the three counts of a meta-batch.
    """
    for name in rates:
        check_rate(name, getattr(config, name))
    check_rate("inner_lr", config.inner_lr, allow_zero=True)
    check_rate("meta_lr", config.meta_lr)
    for name in ("meta_batch", "n_support", "n_query"):
        check_count(name, getattr(config, name), 1)


def check_range(name, value, *, positive=False):
    """A family's range ``(low, high)`` of finite numbers with low <= high (0 < low if positive).

    Returns it as a pair of floats; a bare number, a word or a reversed range is
    refused by name, before a task is drawn from it.
    """
    try:
        low, high = value
        ok = all(isinstance(v, (int, float, np.integer, np.floating))
                 and not isinstance(v, (bool, np.bool_)) for v in (low, high))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise TypeError(f"{name} must be a range (low, high) of two numbers, got {value!r}")
    low, high = float(low), float(high)
    if not (np.isfinite(low) and np.isfinite(high) and low <= high and (low > 0 or not positive)):
        expected = "0 < low <= high" if positive else "low <= high"
        raise ValueError(f"{name} must be a range (low, high) of finite numbers with {expected}, "
                         f"got {value!r}")
    return low, high


def check_number(name, value, *, minimum=0.0):
    """A finite real number >= ``minimum`` (a family's scale, noise or spread)."""
    if not (isinstance(value, (int, float, np.integer, np.floating))
            and not isinstance(value, (bool, np.bool_))):
        raise TypeError(f"{name} must be a finite number >= {minimum:g}, got {value!r}")
    if not (np.isfinite(value) and value >= minimum):
        raise ValueError(f"{name} must be a finite number >= {minimum:g}, got {value!r}")
    return float(value)


def check_inner(inner_lr, inner_steps):
    """eta_inner >= 0 and K >= 0, the two settings of eq. 22.4."""
    check_rate("inner_lr", inner_lr, allow_zero=True)
    check_count("inner_steps (K)", inner_steps, 0)


def check_type(name, value, kind, *, none_ok=False):
    """``value`` is of the plain type ``kind`` (int, float, bool or str), or None if allowed.

    The types do not mix: True is not an integer (a bool is a mistake for a
    count), 1 is not a bool, and "fast" is not a number. An int is accepted
    for a float; a float must be finite (no hyperparameter means anything at
    inf or NaN).
    """
    if value is None and none_ok:
        return
    ok = {int: isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)),
          float: isinstance(value, (int, float, np.integer, np.floating))
          and not isinstance(value, (bool, np.bool_)),
          bool: isinstance(value, (bool, np.bool_)),
          str: isinstance(value, str)}.get(kind)
    if ok is None:
        return                                     # a type this layer does not know: no opinion
    expected = {int: "an integer", float: "a finite number", bool: "true or false",
                str: "a string"}[kind] + (" (or null for the default)" if none_ok else "")
    if not ok:
        raise TypeError(f"{name} must be {expected}, got {value!r} "
                        f"({_type_name(value)})")
    if kind is float and not np.isfinite(value):
        raise ValueError(f"{name} must be {expected}, got {value!r}")


def _type_name(value):
    return {bool: "a bool", int: "an integer", float: "a number", str: "a string",
            type(None): "null"}.get(type(value), type(value).__name__)


def available_memory():
    """Bytes of physical memory on this machine (None where it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _bytes(n):
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if n < 1024 or unit == "EiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.3g} {unit}"
        n /= 1024


def check_memory(what, n_floats, *, itemsize=8, limit=None):
    """Refuse, before allocating, work that needs more than the machine's memory.

    ``n_floats`` is the number of array elements ``what`` needs at once; the
    message gives the size it would take and the memory there is.
    """
    limit = available_memory() if limit is None else limit
    need = float(n_floats) * itemsize
    if limit is not None and need > limit:
        raise ValueError(f"{what} would need {_bytes(need)} of memory at once, more than "
                         f"this machine's {_bytes(limit)}; choose smaller sizes")


def check_family(family, name="family"):
    """A task family object: it draws tasks (``sample``) and names its metric."""
    if isinstance(family, str) or not (callable(getattr(family, "sample", None))
                                       and hasattr(family, "metric_name")):
        raise TypeError(f"{name} must be a task family object (e.g. "
                        f"scratchmeta.meta.registry.make_family('sinusoid')), got {family!r}")


def check_model_fits(model, family):
    """The model's first and last widths are the family's inputs and outputs."""
    sizes = getattr(model, "sizes", None)
    n_in, n_out = getattr(family, "n_inputs", None), getattr(family, "n_outputs", None)
    if sizes is None or n_in is None or n_out is None:
        return                                     # not an MLP or not a family: no opinion
    if (sizes[0], sizes[-1]) != (n_in, n_out):
        raise ValueError(f"model {model!r} takes {sizes[0]} inputs and gives {sizes[-1]} "
                         f"outputs, but the tasks of family {getattr(family, 'name', family)!r} "
                         f"have {n_in} inputs and {n_out} outputs; expected sizes "
                         f"({n_in}, ..., {n_out})")


def check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")


def check_ridge_inputs(features, targets, lam, *, one_hot=False,
                       lam_role="it keeps Phi^T Phi + lam I invertible"):
    """Features Phi (points, d) or (tasks, points, d), matching targets, and a scalar lam > 0.

    With ``one_hot`` the targets are class indicators (at least two classes), as for
    the softmax head of section 1.4.3; ``lam_role`` says in the error what lam is for.
    """
    fshape, tshape = ad.shape(features), ad.shape(targets)
    if len(fshape) not in (2, 3):
        raise ValueError(f"features Phi must have shape (points, d) or (tasks, points, d), "
                         f"got shape {fshape}")
    if (len(tshape) != len(fshape) or tshape[:-1] != fshape[:-1]
            or (one_hot and tshape[-1] < 2)):
        what = (f"be one-hot of shape {fshape[:-1] + ('classes >= 2',)}" if one_hot
                else f"have shape {fshape[:-1] + ('outputs',)}")
        raise ValueError(f"targets must {what} to match features of shape {fshape}, "
                         f"got shape {tshape}")
    lam_value = np.asarray(ad.stop_gradient(lam), dtype=float)
    if lam_value.shape != ():
        raise ValueError(f"lam must be a scalar, got an array of shape {lam_value.shape}")
    if not lam_value > 0:          # also rejects NaN
        raise ValueError(f"lam must be positive ({lam_role}), got {float(lam_value)!r}")
