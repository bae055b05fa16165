"""Fixtures for the desktop tests: a window on a fresh library, and ways to type."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from workbook.library import Library, open_library
from workbook.ui.listeditor import ListEditor
from workbook.ui.mainwindow import MainWindow


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer "Discard" to the save question (and record that it was asked)."""
    asked: list[str] = []

    def question(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def window(qtbot: Any, library: Library, no_questions: list[str]) -> MainWindow:
    main = MainWindow(library, preview_backend=None)
    qtbot.addWidget(main)
    main.show()
    return main


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type as a person would: one key event per character.

    qtbot.keyClicks aborts the process on non-ASCII text, so those characters
    are sent as key events carrying the text, as an input method delivers them.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )


def edit_cell(qtbot: Any, editor: ListEditor, row: int, name: str, text: str) -> None:
    """Open a cell's editor in the table, type, and press Enter."""
    model = editor.model
    column = next(i for i, c in enumerate(model.columns) if c.name == name)
    index = model.index(row, column)
    table = editor.table
    table.setCurrentIndex(index)
    table.edit(index)
    cell = table.indexWidget(index)
    assert isinstance(cell, QLineEdit), "no cell editor opened"
    cell.selectAll()
    type_text(qtbot, cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop, as in real use.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=1000)


def add_row(qtbot: Any, editor: ListEditor, **values: str) -> None:
    """Fill the row that adds, field by field (required fields first)."""
    row = editor.model.rowCount() - 1
    required = [c.name for c in editor.model.columns if c.kind.required]
    for name in sorted(values, key=lambda n: n not in required):
        edit_cell(qtbot, editor, row, name, values[name])


_OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Headless Qt ("offscreen") warns that it cannot pass a window's size hints on.

    That is the test platform talking, not the program; every other warning
    still fails a test.
    """
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_SIZE_HINTS))
