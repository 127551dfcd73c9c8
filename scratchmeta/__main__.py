"""Command line: ``python -m scratchmeta <command>``; see ``--help``.

It runs with one BLAS thread unless OPENBLAS_NUM_THREADS, OMP_NUM_THREADS or
MKL_NUM_THREADS is set (see scratchmeta/threads.py for why).
"""

import sys

from scratchmeta.threads import one_blas_thread_unless_set

try:
    one_blas_thread_unless_set()    # before NumPy is first imported
except ValueError as err:           # a thread count that is none: one error line, as the CLI's
    print(f"python -m scratchmeta: error: {err}", file=sys.stderr)
    sys.exit(2)

from scratchmeta.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
