"""One BLAS thread for the command line and the test suite, unless the user chose.

Not a lecture idea: a setting that makes the runs of Chapters 2-5 as fast as
they should be on a small machine. Their matrix products are small and many
(batches of tasks, 40-unit layers). With two cores, OpenBLAS's second thread
mostly waits for work in a busy loop, and when the other core is busy that
loop costs CPU time without doing any: the compare figure took 333 s of CPU
with two BLAS threads on a loaded 2-core machine, against 72 s with one, and
one 1,000-point subset meta-step 1,637 ms against 73 ms.

The thread count must be fixed before NumPy is first imported, so
``python -m scratchmeta`` and ``python -m scratchmeta.figures`` call
:func:`one_blas_thread_unless_set` before importing anything that imports
NumPy, and so does the tests' ``conftest.py``. Importing scratchmeta as a
library changes nothing: a user's own script keeps its BLAS settings.
"""

import os
from collections.abc import MutableMapping

#: The variables OpenBLAS, OpenMP and MKL read for their thread counts.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread_unless_set(environ=None):
    """Set every variable of THREAD_VARIABLES to "1", unless one of them is set already.

    Returns True if it set them, False if the user's setting was kept. A value set that is
    no thread count is a ValueError (:func:`check_thread_variables`).
    """
    environ = os.environ if environ is None else environ
    if not isinstance(environ, MutableMapping):
        raise TypeError(f"one_blas_thread_unless_set: environ must be a mapping of variables "
                        f"like os.environ, got {type(environ).__name__} {environ!r:.60}")
    check_thread_variables(environ)
    if any(var in environ for var in THREAD_VARIABLES):
        return False
    for var in THREAD_VARIABLES:
        environ[var] = "1"
    return True


def check_thread_variables(environ):
    """Each variable of THREAD_VARIABLES that is set (and not empty) must be a whole number of
    threads >= 1 (OpenMP's OMP_NUM_THREADS may list one per nesting level, "4,2"): the
    libraries read "two" or "2.5" as some other count, or as none, without a word."""
    for var in THREAD_VARIABLES:
        value = environ.get(var, "").strip()
        parts = value.split(",") if var == "OMP_NUM_THREADS" else [value]
        if value and not all(p.strip().isascii() and p.strip().isdigit() and int(p) >= 1
                             for p in parts):           # ("١" is a digit to Python, not to C)
            raise ValueError(f"{var} must be a whole number of threads >= 1 (BLAS and OpenMP "
                             f"read it), got {environ[var]!r}; unset it, and scratchmeta's "
                             f"command line uses one BLAS thread")

