"""scratchmeta.threads: one BLAS thread for the command line, unless the user chose."""

import os
import subprocess
import sys

from scratchmeta.threads import THREAD_VARIABLES, one_blas_thread_unless_set


def test_sets_every_thread_variable_when_none_is_set():
    env = {"PATH": "/bin"}
    assert one_blas_thread_unless_set(env) is True
    assert {var: env[var] for var in THREAD_VARIABLES} == dict.fromkeys(THREAD_VARIABLES, "1")


def test_keeps_the_users_choice():
    env = {"OMP_NUM_THREADS": "4"}
    assert one_blas_thread_unless_set(env) is False
    assert env == {"OMP_NUM_THREADS": "4"}


def test_the_command_line_sets_it_before_numpy_is_imported():
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
    code = ("import sys, runpy; sys.argv = ['scratchmeta', '--help']\n"
            "try:\n    runpy.run_module('scratchmeta', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import os; print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "1"
    # importing the library alone changes nothing
    out = subprocess.run([sys.executable, "-c", "import scratchmeta, os; "
                          "print(os.environ.get('OPENBLAS_NUM_THREADS'))"],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "None"
