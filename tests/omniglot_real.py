"""The real Omniglot drawings for tests, decoded at most once per test session.

They are read from ``../shared/data/omniglot`` (relative to the repository
root) into a temporary cache; tests that need them skip when that folder is
absent.
"""

import time
from pathlib import Path

import pytest

from scratchmeta.datasets import omniglot

REAL_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "omniglot"
needs_real_data = pytest.mark.skipif(not REAL_DATA.is_dir(),
                                     reason=f"Omniglot archives not found at {REAL_DATA}")
_loaded = {}


def real_omniglot(tmp_path_factory):
    """(data, cache folder, seconds the first load took): decoded once per session."""
    if "data" not in _loaded:
        cache = tmp_path_factory.mktemp("omniglot_cache")
        start = time.perf_counter()
        data = omniglot.load(REAL_DATA, cache_dir=cache, progress=False)
        _loaded["data"] = (data, cache, time.perf_counter() - start)
    return _loaded["data"]
