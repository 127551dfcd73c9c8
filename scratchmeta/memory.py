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
environment would do. It changes the whole process, so the library never calls
it on import: the command line and the benchmarks call it at start-up. Off
glibc (macOS, Windows, musl) it does nothing.
"""

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1      # glibc's mallopt parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3


def keep_freed_memory(mmap_threshold=64 << 20, trim_threshold=256 << 20):
    """Fix glibc's mmap and trim thresholds; return True if it applied, False if not glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, int(mmap_threshold))
                and mallopt(M_TRIM_THRESHOLD, int(trim_threshold)))
