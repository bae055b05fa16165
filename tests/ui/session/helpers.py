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
    # Pending layouts first (a label that wraps anew moves what is below it):
    # the pointer goes where the widget is now, as a person's eyes see it.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
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


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Any, modifier: Any = None) -> None:
    """A key pressed wherever the focus is (Tab moves it, as in real use)."""
    from PySide6.QtCore import Qt

    qtbot.keyClick(focused(), key, modifier or Qt.KeyboardModifier.NoModifier)


def type_here(qtbot: Any, text: str) -> None:
    """Type into whatever has the focus, one key at a time (ASCII only)."""
    for char in text:
        if char == "\n":
            from PySide6.QtCore import Qt

            qtbot.keyClick(focused(), Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(focused(), char)


def click(qtbot: Any, widget: QWidget, pos: QPoint | None = None) -> None:
    """Move the pointer there and click, as a hand on a mouse does."""
    from PySide6.QtCore import Qt

    where = pos if pos is not None else widget.rect().center()
    qtbot.mouseMove(widget, where)  # moves the pointer (QCursor.pos) too
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)


def answer_box(qtbot: Any, act: Any, answer: Any) -> list[str]:
    """Do `act`, which opens a modal box, and answer the box as a person would.

    `answer` is a key (Enter, Escape) pressed on the box, a button's words,
    clicked with the mouse, or a function given the box (which closes it).
    Returns the text of the box that opened (a dialog's title), or nothing if
    `act` asked nothing. A box opened from another box works too.
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    seen: list[str] = []
    already = QApplication.activeModalWidget()
    # Looked for every few milliseconds: moving the pointer on the way to a
    # click runs the event loop before the box opens.
    timer = QTimer()
    timer.setInterval(10)

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box is already or not box.isVisible():
            return
        timer.stop()
        seen.append(box.text() if isinstance(box, QMessageBox) else box.windowTitle())
        if callable(answer) and not isinstance(answer, Qt.Key):
            answer(box)
        elif isinstance(answer, str):
            buttons = [b for b in box.findChildren(QAbstractButton) if b.text() == answer]
            if not buttons:
                box.close()  # never left open: the test would wait for ever
                raise AssertionError(f"no button {answer!r} in the box")
            click(qtbot, buttons[0])
        else:
            qtbot.keyClick(box, answer, Qt.KeyboardModifier.NoModifier)

    timer.timeout.connect(respond)
    timer.start()
    try:
        act()
    finally:
        timer.stop()
    return seen
