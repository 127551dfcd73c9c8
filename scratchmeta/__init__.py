"""scratchmeta: Lecture 22 (MAML and generative-model basics) from scratch in NumPy.

Chapters, in reading order:

1. ``scratchmeta.autodiff`` -- a tiny reverse-mode engine with gradients of gradients.
2. ``scratchmeta.nn``, ``scratchmeta.tasks``, ``scratchmeta.meta`` -- MAML and the
   lecture's alternatives (section 1).
3. ``scratchmeta.sampling`` -- inverse-CDF and Metropolis samplers (section 2).
4. ``scratchmeta.figures`` -- every lecture figure, regenerated from real runs.
"""

__version__ = "0.1.0"

# Keep freed memory in the process (glibc): the engine runs 2x faster. Opt out
# with SCRATCHMETA_KEEP_FREED_MEMORY=0; undo with
# scratchmeta.memory.restore_malloc_defaults(). See scratchmeta/memory.py.
import sys  # noqa: E402
import warnings  # noqa: E402

from scratchmeta.memory import keep_freed_memory_unless_opted_out  # noqa: E402

try:
    keep_freed_memory_unless_opted_out()
except ValueError as error:     # a bad value: the allocator is left alone, and said so;
    if sys.argv[:1] != ["-m"]:  # under `python -m scratchmeta...` the command line's
        warnings.warn(f"{error}; the allocator is left alone", stacklevel=2)  # error line
