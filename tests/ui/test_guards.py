"""The wheel changes only a focused control; Ctrl+Z is the program's undo everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from workbook.plan import LevelOfCare
from workbook.ui.mainwindow import MainWindow

from .conftest import type_text
from .session.helpers import open_new_plan, wheel


def _scroll_value(window: MainWindow) -> int:
    return window.editor.page("about").verticalScrollBar().value()


def test_the_wheel_over_an_unfocused_choice_scrolls_the_page(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    window.controller.set("about.level_of_care", LevelOfCare.INTENSIVE_OUTPATIENT)
    window.controller.undo_stack.clear()
    page = window.editor.page("about")
    level = page.editor("about.level_of_care")
    combo = level if isinstance(level, QComboBox) else level.findChild(QComboBox)
    assert page.verticalScrollBar().maximum() > 0, "the page must scroll at 1024x700"
    page.editor("about.preferred_name").setFocus()
    before = _scroll_value(window)
    for _ in range(3):
        wheel(combo, -1)
    assert window.controller.plan.about.level_of_care == LevelOfCare.INTENSIVE_OUTPATIENT
    assert window.controller.undo_stack.count() == 0
    assert _scroll_value(window) > before


def test_the_wheel_over_an_unfocused_date_leaves_it_alone(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    window.controller.set("about.discharge_date", dt.date(2026, 11, 29))
    page = window.editor.page("about")
    date: QWidget = page.editor("about.discharge_date")
    page.editor("about.preferred_name").setFocus()
    targets = [date, *date.findChildren(QWidget)]
    for target in targets:
        if target.isVisible():
            wheel(target, -1)
            wheel(target, 1)
    assert window.controller.plan.about.discharge_date == dt.date(2026, 11, 29)


def test_the_wheel_still_changes_a_focused_choice(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    level = window.editor.page("about").editor("about.level_of_care")
    combo = level if isinstance(level, QComboBox) else level.findChild(QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=1000)
    start = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() == start + 1


def test_ctrl_z_in_a_text_box_is_the_programs_undo(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    page = window.editor.page("about")
    name = page.editor("about.preferred_name")
    counselor = page.editor("about.counselor")
    name.setFocus()
    type_text(qtbot, name, "Jordan")
    counselor.setFocus()
    type_text(qtbot, counselor, "Maria")
    stack = window.controller.undo_stack
    # One field's typing is one step.
    assert stack.count() == 2
    qtbot.keyClick(counselor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.plan.about.counselor == ""
    assert counselor.text() == ""
    assert stack.count() == 2 and stack.canRedo()  # no duplicate step, Redo kept
    qtbot.keyClick(counselor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.plan.about.preferred_name == ""
    assert name.text() == ""
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(counselor, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(counselor, Qt.Key.Key_Z, shift_ctrl)
    assert window.controller.plan.about.preferred_name == "Jordan"
    assert window.controller.plan.about.counselor == "Maria"


def test_ctrl_z_in_a_text_area_is_the_programs_undo(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    box = window.editor.page("about").editor("about.snapshot.concerns")
    box.setFocus()
    type_text(qtbot, box, "Money")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.plan.about.snapshot.concerns == ""
    assert box.toPlainText() == ""
    assert window.controller.undo_stack.canRedo()
