"""A guard against a reference-counting bug in PySide6 6.12 on Python 3.11.

PySide6 6.12 gives up one reference to ``None`` each time an empty QVariant
crosses between Qt and Python (a model's ``data()`` returning None, a combo
box item's data, ``QStandardItem.setData(None)``...). On Python 3.11 ``None``
has an ordinary reference count, so after some thousands of such calls the
interpreter aborts with "Fatal Python error: none_dealloc". Python 3.12 made
``None`` immortal (PEP 683) and is not affected.

Here, on Python < 3.12, ``None`` is given so many references that it can
never reach zero in any session, the same effect as 3.12's immortality.
Remove this when PySide6 is fixed or Python 3.12 is the minimum.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 48


def make_none_immortal() -> None:
    if sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM


make_none_immortal()
