"""Dates typed and picked as a counselor does, shown as the workbook prints them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbook.plan import Paper
from workbook.ui.editors import DateEditor
from workbook.ui.mainwindow import MainWindow

from .helpers import click, focused, open_new_plan, press, type_here


def date_editor(window: MainWindow, path: str) -> DateEditor:
    editor = window.editor.page("about").editor(path)
    assert isinstance(editor, DateEditor)
    return editor


def test_an_empty_date_is_typed_into_without_leftover_words(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    date = date_editor(window, "about.discharge_date")
    click(qtbot, date.edit)
    assert date.edit.text() == ""  # "Not set" is a placeholder, not text
    type_here(qtbot, "2025-06-12")
    press(qtbot, Qt.Key.Key_Tab)
    assert window.controller.plan.about.discharge_date == dt.date(2025, 6, 12)
    assert date.edit.text() == "June 12, 2025"  # as the Letter workbook prints it


def test_ctrl_a_and_delete_clear_a_date_and_tab_stops_once(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    window.controller.set("about.discharge_date", dt.date(2026, 11, 29))
    date = date_editor(window, "about.discharge_date")
    assert date.edit.text() == "November 29, 2026"
    click(qtbot, date.edit)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert date.edit.selectedText() == "November 29, 2026"
    press(qtbot, Qt.Key.Key_Delete)
    assert window.controller.plan.about.discharge_date is None or date.edit.text() == ""
    press(qtbot, Qt.Key.Key_Tab)
    assert window.controller.plan.about.discharge_date is None
    # One Tab leaves the date: the next stop is the next question's box.
    next_date = date_editor(window, "about.next_review_date")
    assert focused() is next_date.edit


def test_the_calendar_opens_at_today_or_at_the_plans_date(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    plan_date = date_editor(window, "about.plan_date")
    plan_date.open_calendar()
    assert plan_date.calendar is not None
    today = dt.date.today()
    assert plan_date.calendar.yearShown() == today.year
    assert plan_date.calendar.monthShown() == today.month
    QApplication.processEvents()
    press(qtbot, Qt.Key.Key_Escape)
    window.controller.set("about.plan_date", dt.date(2026, 3, 14))
    discharge = date_editor(window, "about.discharge_date")
    discharge.open_calendar()
    assert discharge.calendar is not None
    assert (discharge.calendar.yearShown(), discharge.calendar.monthShown()) == (2026, 3)


def test_dates_follow_the_paper_as_in_print(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    window.controller.set("about.plan_date", dt.date(2026, 11, 29))
    date = date_editor(window, "about.plan_date")
    assert date.edit.text() == "November 29, 2026"
    window.controller.set("print_settings.paper", Paper.A4)
    assert date.edit.text() == "29 November 2026"


def test_a_date_that_is_not_one_is_named_and_not_saved(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    messages: list[str] = []
    window.controller.failed.connect(messages.append)
    date = date_editor(window, "about.next_review_date")
    click(qtbot, date.edit)
    type_here(qtbot, "next tuesday")
    press(qtbot, Qt.Key.Key_Tab)
    assert window.controller.plan.about.next_review_date is None
    assert messages and messages[-1].startswith("Next review date: not a date")
    assert date.edit.text() == "next tuesday"  # what was typed stays to be fixed


def test_the_calendar_shows_every_week_and_every_day_name_whole(
    qtbot: Any, window: MainWindow
) -> None:
    """Under the program's own style the sixth week was cut off and "Wed" cut to "W…"."""
    from PySide6.QtWidgets import QTableView

    from workbook.ui.style import STYLE_SHEET

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(STYLE_SHEET)
    try:
        open_new_plan(qtbot, window)
        window.controller.set("about.plan_date", dt.date(2026, 11, 3))  # six weeks shown
        plan_date = date_editor(window, "about.plan_date")
        click(qtbot, plan_date.button)
        calendar = plan_date.calendar
        assert calendar is not None
        qtbot.waitExposed(calendar)
        QApplication.processEvents()
        grid = calendar.findChild(QTableView)
        assert grid is not None
        model = grid.model()
        for row in range(model.rowCount()):
            bottom = grid.rowViewportPosition(row) + grid.rowHeight(row)
            assert bottom <= grid.viewport().height(), f"week row {row} cut off"
        metrics = grid.fontMetrics()
        for column in range(1, model.columnCount()):
            name = str(model.index(0, column).data())
            assert grid.columnWidth(column) >= metrics.horizontalAdvance(name) + 4, name
        press(qtbot, Qt.Key.Key_Escape)
    finally:
        app.setStyleSheet("")
