"""Why a NumPy tape engine asks the C allocator to keep the memory it frees.

Not a lecture section: a note on running Chapter 1's engine fast. One MAML
meta-gradient in Finn et al.'s setting allocates and frees a few hundred arrays
of 10-400 KB (per-task weights of shape (25, 40, 40) are 320 KB). glibc's
malloc serves blocks above its mmap threshold (128 KB to start with) straight
from the operating system, and gives freed memory at the top of the heap back
to it once more than the trim threshold (128 KB) is free. Both thresholds then
move by a heuristic, so, depending on the history of the process, every
meta-gradient may pay for fresh pages again: measured here, the same
meta-gradient took 1.2 ms in one process and 2.5-3 ms in another.

:func:`keep_freed_memory` fixes both thresholds (``mallopt``), so that blocks
below 64 MB come from the heap and freed memory stays there for reuse. It is
what setting ``MALLOC_MMAP_THRESHOLD_`` and ``MALLOC_TRIM_THRESHOLD_`` in the
environment would do. Off glibc (macOS, Windows, musl) it does nothing.

**What the library does, and how to undo it.** ``import scratchmeta`` applies
:func:`keep_freed_memory` once (through :func:`keep_freed_memory_unless_opted_out`),
so a user's own script that imports the package and calls ``grad`` is as fast
as the command line, without knowing about allocators. It changes the whole
process: up to 256 MB of freed memory may stay with the process instead of
going back to the system. It is reversible:

* set ``SCRATCHMETA_KEEP_FREED_MEMORY=0`` in the environment before importing
  scratchmeta, and the allocator is left alone (``1``, empty or unset keeps
  the setting; the value is read with surrounding blanks stripped, and any
  other value, ``false`` say, is a ValueError naming the variable rather
  than a guess);
* call :func:`restore_malloc_defaults` at any time: glibc's starting
  thresholds (128 KB each) come back and the kept memory is returned to the
  system at once (``malloc_trim``). One difference from a process never
  touched stays: glibc keeps those thresholds fixed instead of moving them by
  its heuristic (any ``mallopt`` call turns the heuristic off for good).

:func:`current_setting` says which of these is in force.
"""

import ctypes
import ctypes.util
import numbers
import os

__all__ = ["keep_freed_memory", "keep_freed_memory_unless_opted_out", "opt_out_value",
           "restore_malloc_defaults", "current_setting", "OPT_OUT_VARIABLE"]

M_TRIM_THRESHOLD = -1      # glibc's mallopt parameter numbers (malloc.h)
C_INT_MAX = 2 ** 31 - 1    # mallopt takes a C int: a larger value would wrap around
M_MMAP_THRESHOLD = -3
GLIBC_DEFAULT_THRESHOLD = 128 * 1024      # both thresholds' starting value in glibc
OPT_OUT_VARIABLE = "SCRATCHMETA_KEEP_FREED_MEMORY"

_setting = {"thresholds": None, "by": "nobody"}     # what this module last applied


def _libc():
    """glibc's mallopt and malloc_trim, or None off glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt, malloc_trim = libc.mallopt, libc.malloc_trim
    except (OSError, AttributeError):
        return None
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    malloc_trim.argtypes, malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    return mallopt, malloc_trim


def _set_thresholds(mmap_threshold, trim_threshold):
    funcs = _libc()
    if funcs is None:
        return False
    mallopt, _ = funcs
    return bool(mallopt(M_MMAP_THRESHOLD, int(mmap_threshold))
                and mallopt(M_TRIM_THRESHOLD, int(trim_threshold)))


def _check_threshold(name, value):
    """A threshold in bytes: an int from glibc's own starting value (128 KiB) to C_INT_MAX
    (not a bool, not a float). A lower one would keep less freed memory than glibc does
    untouched, the opposite of what is asked: 64 is 64 bytes, not 64 MB (``64 << 20``)."""
    timedelta = getattr(getattr(value, "dtype", None), "kind", "") == "m"   # NumPy's: Integral
    if isinstance(value, bool) or timedelta or not isinstance(value, numbers.Integral):
        raise TypeError(f"keep_freed_memory: {name} must be an int (bytes), got "
                        f"{type(value).__name__} {value!r}")
    if not 0 <= value <= C_INT_MAX:
        raise ValueError(f"keep_freed_memory: {name} must be a number of bytes from "
                         f"{GLIBC_DEFAULT_THRESHOLD} (128 KiB) to 2**31 - 1, got {value!r}")
    if value < GLIBC_DEFAULT_THRESHOLD:
        raise ValueError(f"keep_freed_memory: {name} must be at least glibc's own starting "
                         f"value, {GLIBC_DEFAULT_THRESHOLD} bytes (128 KiB), got {value!r} "
                         f"bytes: a smaller one keeps less freed memory than glibc untouched, "
                         f"the opposite of keeping it. It counts bytes (64 MB is 64 << 20); "
                         f"there is no 'no limit' value (the largest is 2**31 - 1); "
                         f"restore_malloc_defaults() undoes the setting")


def keep_freed_memory(mmap_threshold=64 << 20, trim_threshold=256 << 20):
    """Fix glibc's mmap and trim thresholds; return True if it applied, False if not glibc."""
    _check_threshold("mmap_threshold", mmap_threshold)
    _check_threshold("trim_threshold", trim_threshold)
    if mmap_threshold > trim_threshold:         # freed large blocks would be given back at once
        raise ValueError(f"keep_freed_memory: mmap_threshold ({mmap_threshold}) must be at most "
                         f"trim_threshold ({trim_threshold}): blocks below the first come from "
                         f"the heap, and freed heap memory above the second goes back to the "
                         f"system, so a larger mmap_threshold keeps nothing it frees (given in "
                         f"the order (trim_threshold, mmap_threshold)? the order is "
                         f"keep_freed_memory(mmap_threshold, trim_threshold))")
    applied = _set_thresholds(mmap_threshold, trim_threshold)
    if applied:
        _setting.update(thresholds=(int(mmap_threshold), int(trim_threshold)),
                        by="keep_freed_memory")
    return applied


def keep_freed_memory_unless_opted_out():
    """What ``import scratchmeta`` runs: :func:`keep_freed_memory`, unless opted out.

    Setting the environment variable ``SCRATCHMETA_KEEP_FREED_MEMORY`` to ``0``
    opts out; ``1``, empty or unset applies the setting; any other value is a
    ValueError. Returns True if the setting was applied.
    """
    if opt_out_value() == "0":
        _setting.update(thresholds=None, by=f"nobody ({OPT_OUT_VARIABLE}=0)")
        return False
    return keep_freed_memory()


def opt_out_value():
    """``SCRATCHMETA_KEEP_FREED_MEMORY`` stripped: "0", "1" or ""; any other value is a
    ValueError naming the variable (the command lines report it as their error line)."""
    value = os.environ.get(OPT_OUT_VARIABLE, "").strip()
    if value not in ("", "0", "1"):
        raise ValueError(f"{OPT_OUT_VARIABLE} must be 0 (opt out) or 1 (keep freed memory), "
                         f"got {value!r}")
    return value


def restore_malloc_defaults():
    """Undo :func:`keep_freed_memory`: glibc's starting thresholds, and kept memory returned.

    Returns True on glibc. (glibc keeps these thresholds fixed from then on;
    see the module docstring.)
    """
    funcs = _libc()
    if funcs is None:
        return False
    _set_thresholds(GLIBC_DEFAULT_THRESHOLD, GLIBC_DEFAULT_THRESHOLD)
    funcs[1](0)                                  # malloc_trim: give free heap pages back now
    _setting.update(thresholds=(GLIBC_DEFAULT_THRESHOLD, GLIBC_DEFAULT_THRESHOLD),
                    by="restore_malloc_defaults")
    return True


def current_setting():
    """``{"thresholds": (mmap, trim) or None, "by": who set them}``, as this module left them."""
    return dict(_setting)
