"""Keep the page still under the pointer while something on it changes height.

When a list gains a row or a suggestion is ticked, what lies below the
change moves down. If the pointer (or, with the pointer elsewhere, the
keyboard focus) is below the change, the page is scrolled by the same amount,
so the control under the pointer stays where it was and the next click lands
where the person aimed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

# Enough passes for a table inside a list editor, a question, a page and its scroll area.
LAYOUT_DEPTH = 8


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def anchor_in(area: QScrollArea) -> QWidget | None:
    """The widget under the pointer in the page, else the one with the focus."""
    viewport = area.viewport()
    under = QApplication.widgetAt(QCursor.pos())
    if under is not None and (under is viewport or viewport.isAncestorOf(under)):
        return under
    focus = QApplication.focusWidget()
    if focus is not None and viewport.isAncestorOf(focus):
        return focus
    return None


def _top(widget: QWidget, area: QScrollArea) -> int:
    return widget.mapTo(area.viewport(), QPoint(0, 0)).y()


@contextmanager
def keep_in_place(widget: QWidget) -> Iterator[None]:
    """Run a change of `widget`'s size without moving what is under the pointer."""
    area = scroll_area_of(widget)
    anchor = anchor_in(area) if area is not None else None
    if area is None or anchor is None or anchor is area.viewport():
        yield
        return
    before = _top(anchor, area)
    yield
    # Lay the page out now, before anything is painted, then scroll by the
    # shift. Each level of nesting posts the next level's request.
    for _ in range(LAYOUT_DEPTH):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    shift = _top(anchor, area) - before
    if shift:
        bar = area.verticalScrollBar()
        bar.setValue(bar.value() + shift)
