"""Command line: ``python -m scratchmeta <command>``; see ``--help``.

It runs with one BLAS thread unless OPENBLAS_NUM_THREADS, OMP_NUM_THREADS or
MKL_NUM_THREADS is set (see scratchmeta/threads.py for why).
"""

from scratchmeta.threads import one_blas_thread_unless_set

one_blas_thread_unless_set()    # before NumPy is first imported

from scratchmeta.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
