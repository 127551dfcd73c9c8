"""A one-line text progress bar for long work (downloads, decoding images).

Chapter 5 reads real data: fetching 16 MB and decoding 32,460 PNGs take long
enough that the reader should see that something is happening. The bar is
written to standard error, so it never mixes with a command's output, and is
redrawn at most every 0.1 s (every 2 s when standard error is a log file rather
than a terminal, so logs stay short).
"""

import sys
import time

import numpy as np

from scratchmeta.datasets.checks import COUNT_MAX
from scratchmeta.meta.checks import check_attributes
from scratchmeta.messages import seen


def _check_count(name, n, least, who="Progress", most=COUNT_MAX):
    """An integer in ``least..most`` (not a bool, not a float), or a ValueError naming it."""
    if not (isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_, np.timedelta64))
            and n >= least):
        raise ValueError(f"{who}: {name} must be an integer >= {least}, got {seen(n)}")
    if n > most:
        raise ValueError(f"{who}: {name} must be an integer in {least}..{most}, got {seen(n)}")


class Progress:
    """``with Progress("decoding", total) as bar: bar.advance(n)`` draws ``label [####  ] 40%``.

    ``enabled=False`` makes every call a no-op (tests, quiet runs).
    """

    def __init__(self, label, total, *, unit="", enabled=True, stream=None, width=30):
        for name, n, least, most in (("total", total, 0, COUNT_MAX), ("width", width, 1, 1000)):
            _check_count(name, n, least, most=most)      # a bar wider than 1000 fits no screen
        for name, text in (("label", label), ("unit", unit)):
            if not isinstance(text, str):
                raise TypeError(f"Progress: {name} must be a string, got {seen(text)}")
        if not isinstance(enabled, (bool, np.bool_)):
            raise TypeError(f"Progress: enabled must be True or False, got {seen(enabled)}")
        if stream is not None:                      # a file object: write and flush
            check_attributes("Progress: stream", stream, ("write", "flush"),
                             "a text stream such as sys.stderr (or None for it)")
        self.label, self.total, self.unit = label, int(total), unit
        self.enabled, self.width = enabled, width
        self.stream = sys.stderr if stream is None else stream
        self.done, self._last_draw = 0, 0.0
        isatty = getattr(self.stream, "isatty", lambda: False)()
        self.interval = 0.1 if isatty else 2.0

    def __enter__(self):
        self._draw(force=True)
        return self

    def advance(self, n=1):
        """Count ``n`` more units of work done (an integer >= 0: work is never undone)."""
        _check_count("n", n, 0, "Progress.advance")
        self.done += n
        self._draw()

    def _draw(self, force=False):
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last_draw < self.interval):
            return
        self._last_draw = now
        fraction = min(self.done / self.total, 1.0) if self.total else 1.0
        filled = int(round(fraction * self.width))
        bar = "#" * filled + " " * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {100 * fraction:3.0f}% "
                          f"({self.done:,}/{self.total:,}{self.unit})")
        self.stream.flush()

    def __exit__(self, *exc):
        if self.enabled:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
        return False
