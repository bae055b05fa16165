"""What a counselor's hands do: wheel turns, clicks and keys as real Qt events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from workbook.ui.mainwindow import MainWindow

# One notch of a mouse wheel.
NOTCH = 120


def wheel(widget: QWidget, notches: int = -1, pos: QPoint | None = None) -> None:
    """Turn the wheel over `widget` (negative: toward the user, the page scrolls down).

    Delivered to the window as the system delivers one (a spontaneous event
    that Qt hands from the widget under the pointer on to its parents).
    """
    where = pos if pos is not None else widget.rect().center()
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None, "the window is not shown"
    at = widget.mapTo(window, where)
    QTest.wheelEvent(handle, QPointF(at), QPoint(0, notches * NOTCH))
    QApplication.processEvents()


def open_new_plan(qtbot: Any, window: MainWindow, size: tuple[int, int] = (1024, 700)) -> None:
    """A window at a laptop's size, a new plan, the window active for shortcuts."""
    window.resize(*size)
    window.new_plan()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
