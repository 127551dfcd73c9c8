"""A Ctrl-C or SIGTERM that arrives while a checkpoint is written waits until the file is whole.

The kernel gives a process's signal to any thread that does not block it (a BLAS
worker's, or, here, the thread that sends it), and Python then runs the handler in
the main thread at its next instruction. Blocking the signal in the main thread alone
(the first way of holding it) therefore let a SIGTERM interrupt the write: seen once in
the suite, as a ``run.npz.<random>.tmp`` left next to a run stopped by SIGTERM.
"""

import os
import signal
import threading

import numpy as np
import pytest

from scratchmeta.meta import checkpoint
from scratchmeta.meta.checkpoint import save_checkpoint


# A user's own strategy's record: its class and hyperparameters, all load_checkpoint needs.
CONFIG = {"class": "my_project.MyStrategy", "hyperparameters": {}}


class Stopped(Exception):
    pass


def _stop(number, frame):
    raise Stopped(number)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_sent_from_another_thread_mid_write_is_delivered_after_the_save(
        tmp_path, monkeypatch, number):
    write, asked, sent = np.savez, threading.Event(), threading.Event()

    def sender():                         # started before the save, as a BLAS worker is:
        if not asked.wait(60):            # a thread keeps the signal mask it was born with
            return                        # (the save failed before writing: no hang)
        os.kill(os.getpid(), number)
        sent.set()

    def write_then_signal(f, **arrays):
        write(f, **arrays)
        asked.set()
        sent.wait()
        for _ in range(1000):             # bytecodes at which Python would run the handler
            pass

    thread = threading.Thread(target=sender)
    thread.start()
    monkeypatch.setattr(checkpoint.np, "savez", write_then_signal)
    previous = {s: signal.signal(s, _stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        with pytest.raises(Stopped):
            save_checkpoint(str(tmp_path / "run.npz"), {"w": np.ones(2)}, step=3, seed=0,
                            config=CONFIG, meta_losses=[1.0, 0.5, 0.25])
    finally:
        thread.join()
        for s, handler in previous.items():
            signal.signal(s, handler)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.npz"]     # whole, no .tmp
    with np.load(tmp_path / "run.npz", allow_pickle=False) as saved:       # the save finished
        assert int(saved["meta/step"]) == 3 and saved["state/w"].tolist() == [1.0, 1.0]
    assert signal.getsignal(signal.SIGTERM) is previous[signal.SIGTERM]   # handlers restored
