"""``python -m scratchmeta.figures``: see :func:`scratchmeta.figures.main`.

One BLAS thread unless the user set one (scratchmeta/threads.py).
"""

import sys

from scratchmeta.threads import one_blas_thread_unless_set

one_blas_thread_unless_set()    # before NumPy is first imported

from scratchmeta.figures import main  # noqa: E402

sys.exit(main())
