"""The garbage collector held off while a document is built.

A build makes some hundred thousand short-lived objects (flowables, text
runs, PDF operators); every 700 of them Python's cycle collector walks the
youngest, which cost a tenth of a warm build. Nearly all of them die by
reference counting as soon as the build is over, so the collector has
nothing to gain mid-build: it is paused for the build and resumed after it
(0.3 MB more at the peak of one build). Nested and concurrent builds keep it
paused until the last one ends; a collector the caller had disabled stays so.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_builds = 0
_resume = False


@contextmanager
def paused() -> Iterator[None]:
    global _builds, _resume
    with _lock:
        if _builds == 0:
            _resume = gc.isenabled()
            gc.disable()
        _builds += 1
    try:
        yield
    finally:
        with _lock:
            _builds -= 1
            if _builds == 0 and _resume:
                gc.enable()
