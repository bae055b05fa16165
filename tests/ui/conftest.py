"""Fixtures for the desktop tests: a window on a fresh library, and ways to type."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from workbook.library import Library, open_library
from workbook.ui.datefield import DateField
from workbook.ui.listeditor import ListEditor
from workbook.ui.mainwindow import MainWindow


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def answer_boxes(
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    *,
    said: int = 2,
) -> list[str]:
    """Stand in for `QMessageBox.<kind>` (a real box would wait for a click nobody
    makes, and the test would hang instead of failing): each box is answered
    `answer`, and what it said is recorded (argument `said`: 2 the text, 1 the title)."""
    shown: list[str] = []

    def box(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        shown.append(str(args[said]))
        return answer

    monkeypatch.setattr(QMessageBox, kind, box)
    return shown


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer "Discard" to the save question (and record that it was asked)."""
    return answer_boxes(monkeypatch, "question", QMessageBox.StandardButton.Discard, said=1)


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


def _type_into(qtbot: Any, field: QWidget, text: str) -> None:
    """Replace what a row's field holds by typing, as a person does."""
    target = field.edit if isinstance(field, DateField) else field
    target.setFocus()
    if isinstance(target, QPlainTextEdit):
        target.selectAll()
        lines = text.split("\n")
        for number, line in enumerate(lines):
            type_text(qtbot, target, line)
            if number < len(lines) - 1:
                qtbot.keyClick(target, Qt.Key.Key_Return)
        return
    assert isinstance(target, QLineEdit), f"cannot type into {target!r}"
    target.selectAll()
    type_text(qtbot, target, text)


def edit_cell(qtbot: Any, editor: ListEditor, row: int, name: str, text: str) -> None:
    """Choose a row in the table and type into one of its fields below it."""
    editor.table.select_row(row)
    _type_into(qtbot, editor.row_editor.fields[name], text)


def add_row(qtbot: Any, editor: ListEditor, **values: str) -> None:
    """Fill in a new row: each field typed, Tab between fields, Enter at the end."""
    editor.table.start_adding()
    fields = editor.row_editor.fields
    names = [c.name for c in editor.model.columns if c.name in values]
    for name in names:
        _type_into(qtbot, fields[name], values[name])
    last = fields[names[-1]]
    target = last.edit if isinstance(last, DateField) else last
    if isinstance(target, QPlainTextEdit):
        editor.row_editor.finish_row()
    else:
        qtbot.keyClick(target, Qt.Key.Key_Return)


# What the headless platform says it cannot do (a popup's raise and keyboard grab).
_OFFSCREEN_CANNOT = "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Headless Qt ("offscreen") warns that it cannot pass a window's size hints on.

    That is the test platform talking, not the program; every other warning
    still fails a test.
    """
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_CANNOT))
