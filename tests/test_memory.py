"""scratchmeta.memory: the allocator setting is applied at import, can be opted out of and undone.

Not a lecture section (see the module's docstring). The setting is checked by
what it does: a 32 MB array freed in a process with the setting stays in the
process's resident memory (kept for reuse); without it, or after
``restore_malloc_defaults``, the memory goes back to the system. Each case
runs in a fresh Python process, as a user's script would.
"""

import os
import platform
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from scratchmeta import autodiff as ad
from scratchmeta.memory import current_setting, keep_freed_memory

ON_GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"

# Resident memory (MB) kept after freeing a 32 MB array, printed by a fresh process.
PROBE = textwrap.dedent("""
    import os, sys
    import numpy as np
    import scratchmeta, scratchmeta.memory as memory

    def resident_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    if "undo" in sys.argv:
        memory.restore_malloc_defaults()
    before = resident_mb()
    block = np.ones(4 << 20)           # 32 MB, touched
    del block
    print(resident_mb() - before, memory.current_setting()["by"])
""")


def probe(*argv, opt_out=False):
    env = dict(os.environ)
    env.pop("SCRATCHMETA_KEEP_FREED_MEMORY", None)
    if opt_out:
        env["SCRATCHMETA_KEEP_FREED_MEMORY"] = "0"
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), " ".join(out[1:])


@pytest.mark.skipif(not ON_GLIBC, reason="the setting is glibc's")
def test_importing_scratchmeta_keeps_freed_memory_for_reuse():
    kept, by = probe()
    assert by == "keep_freed_memory"
    assert kept > 24                   # most of the 32 MB stays with the process


@pytest.mark.skipif(not ON_GLIBC, reason="the setting is glibc's")
def test_the_environment_variable_opts_out_and_memory_goes_back():
    kept, by = probe(opt_out=True)
    assert by == "nobody (SCRATCHMETA_KEEP_FREED_MEMORY=0)"
    assert kept < 8


@pytest.mark.skipif(not ON_GLIBC, reason="the setting is glibc's")
def test_restore_malloc_defaults_undoes_the_setting():
    kept, by = probe("undo")
    assert by == "restore_malloc_defaults"
    assert kept < 8


def test_keep_freed_memory_applies_on_glibc_and_can_be_repeated():
    applied = keep_freed_memory()
    assert isinstance(applied, bool)
    if ON_GLIBC:
        assert applied and keep_freed_memory()
        assert current_setting() == {"thresholds": (64 << 20, 256 << 20),
                                     "by": "keep_freed_memory"}


def test_results_do_not_depend_on_the_allocator_setting():
    # Same gradients before and after: the setting changes speed, never values.
    from scratchmeta.memory import restore_malloc_defaults
    x = np.linspace(-1.0, 1.0, 300 * 400).reshape(300, 400)      # 960 KB: above the default
    f = ad.grad(lambda x: ad.sum(ad.tanh(x) * x))
    before = f(x)
    restore_malloc_defaults()
    try:
        np.testing.assert_array_equal(f(x), before)
    finally:
        keep_freed_memory()
    np.testing.assert_array_equal(f(x), before)


def _run(argv, value):
    env = dict(os.environ, SCRATCHMETA_KEEP_FREED_MEMORY=value)
    return subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True,
                          cwd=os.path.dirname(os.path.abspath(__file__)))


def test_a_bad_opt_out_value_warns_on_import_and_leaves_the_allocator_alone():
    done = _run(["-c", "import scratchmeta.memory as m; print(m.current_setting()['by'])"],
                "false")
    assert done.returncode == 0 and done.stdout.split() == ["nobody"]
    assert "SCRATCHMETA_KEEP_FREED_MEMORY must be 0 (opt out) or 1 (keep freed memory), " \
           "got 'false'; the allocator is left alone" in done.stderr


@pytest.mark.parametrize("argv", [["-m", "scratchmeta", "train", "--steps", "1"],
                                  ["-m", "scratchmeta.figures", "--only", "fig22_3"]])
def test_a_bad_opt_out_value_is_the_command_lines_one_error_line(argv, tmp_path):
    done = _run(argv + ["--out", str(tmp_path / "out")], "yes")
    assert done.returncode == 2 and not list(tmp_path.iterdir())
    assert done.stderr.strip().splitlines() == [
        "error: SCRATCHMETA_KEEP_FREED_MEMORY must be 0 (opt out) or 1 (keep freed memory), "
        "got 'yes'"]
