"""scratchmeta.memory: fixing glibc's malloc thresholds is applied, repeatable and harmless."""

import numpy as np

from scratchmeta import autodiff as ad
from scratchmeta.memory import keep_freed_memory


def test_keep_freed_memory_applies_on_glibc_and_can_be_repeated():
    import platform
    applied = keep_freed_memory()
    assert isinstance(applied, bool)
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert applied and keep_freed_memory()


def test_results_do_not_depend_on_the_allocator_setting():
    # Same gradients before and after: the setting changes speed, never values.
    x = np.linspace(-1.0, 1.0, 300 * 400).reshape(300, 400)      # 960 KB: above the default
    f = ad.grad(lambda x: ad.sum(ad.tanh(x) * x))
    before = f(x)
    keep_freed_memory()
    np.testing.assert_array_equal(f(x), before)
