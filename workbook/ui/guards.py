"""Two guards for a form used with a mouse wheel and the keyboard.

- The wheel changes a combo box, spin box or date only when that control has
  the keyboard focus; over an unfocused one it scrolls the page, so scrolling
  past "Level of care" never changes it.
- Ctrl+Z and Ctrl+Shift+Z (and the platform's other undo and redo keys) in a
  text box are the program's Edit > Undo and Redo, never the text box's own
  history: one undo stack for the whole plan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSlider, QWidget

# Controls whose value a wheel turn changes.
WHEEL_VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QSlider)


def _owner(widget: QWidget) -> QWidget | None:
    """The control a wheel over `widget` would change (the widget or a parent)."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, WHEEL_VALUE_WIDGETS):
            return current
        if current.isWindow():
            return None
        current = current.parentWidget()
    return None


def no_wheel_focus(widget: QWidget) -> None:
    """Qt gives a combo box the focus when the wheel turns over it, before any
    filter sees the wheel; with a strong focus policy it waits for a click or Tab."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class InputGuard(QObject):
    """Installed on the application by the main window; see the module docstring.

    `undo_keys` (the window's Undo and Redo shortcuts) are taken only in
    `window`: a dialog's text box keeps its own.
    """

    def __init__(self, window: QWidget, undo_keys: list[QKeySequence]) -> None:
        super().__init__(window)
        self.window = window
        self.undo_keys = [key[0].toCombined() for key in undo_keys if not key.isEmpty()]  # type: ignore[index]

    def is_undo_key(self, event: QKeyEvent) -> bool:
        return event.keyCombination().toCombined() in self.undo_keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, WHEEL_VALUE_WIDGETS):
            no_wheel_focus(watched)
        elif kind == QEvent.Type.Wheel and isinstance(watched, QWidget):
            owner = _owner(watched)
            if owner is not None and not owner.hasFocus():
                # Ignored and filtered: Qt hands the wheel on to the parents,
                # and the page's scroll area scrolls.
                assert isinstance(event, QWheelEvent)
                event.ignore()
                return True
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and watched.window() is self.window
            and self.is_undo_key(event)
        ):
            # Not accepted: the key is not the text box's but a shortcut,
            # and the window's Undo / Redo action takes it.
            event.ignore()
            return True
        return False
