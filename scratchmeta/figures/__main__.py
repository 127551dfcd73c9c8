"""``python -m scratchmeta.figures``: see :func:`scratchmeta.figures.main`.

One BLAS thread unless the user set one (scratchmeta/threads.py).
"""

import sys

from scratchmeta.threads import one_blas_thread_unless_set

try:
    one_blas_thread_unless_set()    # before NumPy is first imported
except ValueError as err:           # a thread count that is none: one error line, exit 2
    print(f"python -m scratchmeta.figures: error: {err}", file=sys.stderr)
    sys.exit(2)

from scratchmeta.figures import main  # noqa: E402

sys.exit(main())
