"""Checkpoints of Chapter 2's first edition (format 1), read into the second.

The first edition kept a strategy's state as one flat dict with numbered keys
(``params0``, ``adam_m0``, ...) and named some hyperparameters differently
(``lr`` for the outer step, ``finetune_lr`` for the test-time step, ...). A
format-1 checkpoint is translated here, key by key, into today's nested state
and vocabulary, so it loads and resumes as it was. Only the layouts below were
ever written; anything else is refused with a message rather than guessed.
"""

import re

import numpy as np

from scratchmeta.messages import seen

# The first edition's hyperparameter names, per strategy class, -> today's.
RENAMED = {
    "Reptile": {"outer_lr": "meta_lr"},
    "ClosedForm": {"head_lr": "inner_lr"},
    "Multitask": {"lr": "meta_lr", "n_points": "n_support", "ridge": "lam",
                  "heads_lr": "head_meta_lr", "head_lr": "head_inner_lr",
                  "finetune_lr": "inner_lr"},
    "Pretrained": {"lr": "meta_lr", "n_points": "n_support", "finetune_lr": "inner_lr"},
    "Scratch": {"lr": "inner_lr"},
}
WITH_ADAM = {"MAML", "FOMAML", "ANIL", "Subset", "ClosedForm", "Pretrained"}


def upgrade_config(config):
    """A format-1 strategy record in today's names (MAML with first_order is FOMAML)."""
    if not (isinstance(config, dict) and isinstance(config.get("class"), str)
            and isinstance(config.get("hyperparameters"), dict)):
        raise TypeError(f"config must be a strategy record, a dict with 'class' and "
                        f"'hyperparameters', got {seen(config)}"[:300])
    config = dict(config)
    module, _, cls = config["class"].rpartition(".")
    hyper = dict(config["hyperparameters"])
    if cls == "MAML" and hyper.get("first_order"):
        cls = "FOMAML"
        if config.get("name") == "MAML":          # today's name of that strategy
            config["name"] = "FOMAML"
    if cls not in RENAMED and cls not in WITH_ADAM:
        raise ValueError(f"a format-1 checkpoint of an unknown strategy class {cls!r}")
    for old, new in RENAMED.get(cls, {}).items():
        if old in hyper:
            hyper[new] = hyper.pop(old)
    config.update({"class": f"{module}.{cls}", "hyperparameters": hyper})
    return config


def _lists(flat):
    """{"params0": a, "params1": b, "adam_t": t} -> {"params": [a, b], "adam_t": t}."""
    out, numbered = {}, {}
    for key, value in flat.items():
        match = re.fullmatch(r"(.*?)(\d+)", key)
        if match:
            numbered.setdefault(match[1], {})[int(match[2])] = value
        else:
            out[key] = value
    for prefix, items in numbered.items():
        if sorted(items) != list(range(len(items))):
            raise ValueError(f"format-1 state entries {prefix}0.. are not numbered 0..n-1")
        out[prefix] = [items[i] for i in range(len(items))]
    return out


def _adam(g, prefix, params):
    """Adam's state {t, m, v} from the flat entries ``<prefix>t``, ``<prefix>m<i>``, ...."""
    if f"{prefix}t" not in g:                     # saved before Adam's first step
        return {"t": np.array(0), "m": [np.zeros_like(p) for p in params],
                "v": [np.zeros_like(p) for p in params]}
    return {"t": g[f"{prefix}t"], "m": g[f"{prefix}m"], "v": g[f"{prefix}v"]}


def upgrade_state(cls, flat, name="flat"):
    """A format-1 flat state of strategy class ``cls`` (its name, e.g. "MAML") as today's
    nested state; a flat state without the entries of that layout is refused by name (``name``,
    what the message calls it: a checkpoint's loader names the file and its meta/format)."""
    if not isinstance(flat, dict):
        raise TypeError(f"flat must be a format-1 state, a dict of arrays, got {seen(flat)}"[:300])
    known = sorted(set(RENAMED) | WITH_ADAM)
    if cls not in known:                           # the default layout fits no other name
        raise ValueError(f"cls must be the class name of a strategy the first edition saved, "
                         f"one of {known}, got {seen(cls)}")
    try:
        return _upgrade_state(cls, _lists(flat))
    except KeyError as e:
        raise ValueError(f"{name} is not a format-1 state of strategy class {cls!r}: it has no "
                         f"entry {e.args[0]!r} (numbered ones are {e.args[0]}0, "
                         f"{e.args[0]}1, ...); its keys are {str(list(flat)[:6])[:150]}") from None


def _upgrade_state(cls, g):
    """:func:`upgrade_state` of the entries grouped by :func:`_lists`."""
    if cls == "Multitask":
        return {"body": g["body"], "adam": _adam(g, "adam_", g["body"]), "heads": g["heads"],
                "heads_adam": {"t": g["heads_t"], "m": g["heads_m"], "v": g["heads_v"]},
                "task_params": g["task_params"]}
    if cls == "ClosedForm":
        def split(meta):
            return {"body": list(meta[:-2]), "log_lam": meta[-2], "log_scale": meta[-1]}
        state = {"params": split(g["meta"])}
        adam = _adam(g, "adam_", g["meta"])
        state["adam"] = {"t": adam["t"], "m": split(adam["m"]), "v": split(adam["v"])}
        return state
    state = {"params": g["params"]}
    if cls in WITH_ADAM:
        state["adam"] = _adam(g, "adam_", g["params"])
    return state
