"""Timing helpers shared by the benchmarks: medians, and ratios from interleaved rounds.

This machine is shared and noisy: its speed drifts by 2x within a minute. A
ratio of two medians measured one after the other inherits that drift. So
:func:`interleaved` times every contender in each round, one block each, and
reports the median over rounds of each contender's block median and of its
ratio to the reference measured in the same round.
"""

import time

import numpy as np


def median_ms(fn, repeats, warmup=10):
    """Median wall time of ``fn()`` in milliseconds over ``repeats`` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1e3 * float(np.median(times))


def interleaved(fns, reference, rounds=15, per_round=20):
    """{name: (median ms, median ratio to ``reference`` within a round)} for ``fns``."""
    for fn in fns.values():
        for _ in range(3):
            fn()
    block = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            block[name].append(median_ms(fn, per_round, warmup=1))
    ref = np.array(block[reference])
    return {name: (float(np.median(t)), float(np.median(np.array(t) / ref)))
            for name, t in block.items()}
