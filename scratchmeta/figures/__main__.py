"""``python -m scratchmeta.figures``: see :func:`scratchmeta.figures.main`."""

import sys

from scratchmeta.figures import main

sys.exit(main())
