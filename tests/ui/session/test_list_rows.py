"""A counselor fills in lists with the keyboard and the mouse: whole rows, a still page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from workbook.plan import CareKind, GoalArea, SupportPerson, TriggerKind
from workbook.ui.listeditor import ListEditor, SuggestionList
from workbook.ui.mainwindow import MainWindow

from .helpers import click, focused, open_new_plan, press, type_here


def list_on_page(window: MainWindow, page: str, path: str) -> ListEditor:
    window.editor.show_page(page)
    editor = window.editor.page(page).editor(path)
    assert isinstance(editor, ListEditor)
    QApplication.processEvents()  # laid out, as it is by the time a person looks
    window.editor.page(page).ensureWidgetVisible(editor.row_editor)
    QApplication.processEvents()
    return editor


def test_tab_through_a_new_person_keeps_name_phone_and_time_together(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    people = list_on_page(window, "support_network", "support_network.people")
    click(qtbot, people.row_editor.fields["name"])
    type_here(qtbot, "Ana Ruiz")
    press(qtbot, Qt.Key.Key_Tab)  # relationship
    press(qtbot, Qt.Key.Key_Tab)  # phone
    type_here(qtbot, "555-0101")
    press(qtbot, Qt.Key.Key_Tab)  # what they help with
    press(qtbot, Qt.Key.Key_Tab)  # best time to call
    type_here(qtbot, "when we talk")
    assert window.controller.plan.support_network.people == [
        SupportPerson(name="Ana Ruiz", phone="555-0101", best_time="when we talk")
    ]
    # Tab from the new row's last field opens the next new row, cursor in its first field.
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert people.row_editor.is_new() and not people.row_editor.has_words()
    assert focused() is people.row_editor.fields["name"]
    # Tab on the empty new row leaves the list.
    press(qtbot, Qt.Key.Key_Tab)
    assert not people.isAncestorOf(focused())
    assert len(window.controller.plan.support_network.people) == 1
    assert people.model.rowCount() == 2


def test_tab_through_a_trigger_keeps_its_response(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    triggers = list_on_page(window, "prevention", "prevention.triggers")
    click(qtbot, triggers.row_editor.fields["trigger"])
    type_here(qtbot, "Payday")
    press(qtbot, Qt.Key.Key_Tab)  # kind
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Tab)  # response
    type_here(qtbot, "Pay the rent first")
    press(qtbot, Qt.Key.Key_Return)
    (trigger,) = window.controller.plan.prevention.triggers
    assert trigger.trigger == "Payday" and trigger.response == "Pay the rent first"
    assert trigger.kind == TriggerKind.FEELING
    # The whole new row, typing included, is one undo step.
    window.undo_action.trigger()
    assert window.controller.plan.prevention.triggers == []


def test_a_goal_typed_with_the_keyboard_is_one_goal(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    goals = list_on_page(window, "goals", "goals.goals")
    click(qtbot, goals.row_editor.fields["goal"])
    type_here(qtbot, "Get my license back")
    press(qtbot, Qt.Key.Key_Tab)  # area
    press(qtbot, Qt.Key.Key_Tab)  # steps
    type_here(qtbot, "Pay the fine\nBook the test")
    press(qtbot, Qt.Key.Key_Tab)  # target date
    type_here(qtbot, "3/1/2027")
    press(qtbot, Qt.Key.Key_Tab)  # how I will know
    type_here(qtbot, "I drive to work")
    press(qtbot, Qt.Key.Key_Tab)  # done: the next new goal
    press(qtbot, Qt.Key.Key_Tab)  # nothing typed: leave the list
    (goal,) = window.controller.plan.goals.goals
    assert goal.goal == "Get my license back" and goal.area == GoalArea.PERSONAL
    assert goal.steps == ["Pay the fine", "Book the test"]
    assert goal.target_date == dt.date(2027, 3, 1)
    assert goal.how_i_will_know == "I drive to work"


def test_rows_stay_one_line_and_the_selected_row_is_edited_below(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    people = list_on_page(window, "support_network", "support_network.people")
    window.controller.set(
        "support_network.people",
        [SupportPerson(name="Ana", helps_with="Rides to meetings and to the clinic " * 4)],
    )
    table = people.table
    heights = {table.rowHeight(row) for row in range(people.model.rowCount())}
    assert len(heights) == 1 and heights.pop() < 2 * table.fontMetrics().height()
    rect = table.visualRect(people.model.index(0, 0))
    click(qtbot, table.viewport(), rect.center())
    assert people.row_editor.row == 0
    assert people.row_editor.fields["name"].text() == "Ana"


def test_headers_are_never_cut(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    meetings = list_on_page(window, "support_network", "support_network.meetings")
    header = meetings.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(meetings.model.columnCount()):
        text = str(meetings.model.headerData(column, Qt.Orientation.Horizontal))
        # A long heading may take two lines; each is whole.
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(column) >= widest, text


def triggers_and_suggestions(
    qtbot: Any, window: MainWindow
) -> tuple[ListEditor, SuggestionList]:
    """A new plan's triggers, their suggestions in sight."""
    open_new_plan(qtbot, window)
    triggers = list_on_page(window, "prevention", "prevention.triggers")
    suggestions = triggers.suggestions
    assert suggestions is not None
    window.editor.page("prevention").ensureWidgetVisible(suggestions)
    QApplication.processEvents()
    return triggers, suggestions


def tick(qtbot: Any, suggestions: SuggestionList, row: int) -> None:
    """Click a suggestion's tick box (at the item's left edge)."""
    rect = suggestions.visualItemRect(suggestions.item(row))
    click(qtbot, suggestions.viewport(), QPoint(rect.left() + 10, rect.center().y()))


def test_ticking_a_suggestion_moves_nothing_under_the_pointer(
    qtbot: Any, window: MainWindow
) -> None:
    triggers, suggestions = triggers_and_suggestions(qtbot, window)
    for row in range(4):
        item_rect = suggestions.visualItemRect(suggestions.item(row))
        before = suggestions.viewport().mapToGlobal(item_rect.center())
        table_height = triggers.table.height()
        tick(qtbot, suggestions, row)
        assert suggestions.item(row).checkState() == Qt.CheckState.Checked
        after = suggestions.viewport().mapToGlobal(item_rect.center())
        assert after == before
    assert len(window.controller.plan.prevention.triggers) == 4
    assert triggers.table.height() >= table_height


def test_a_growing_list_keeps_the_field_being_typed_in_place(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    signs = list_on_page(window, "prevention", "prevention.warning_signs")
    qtbot.mouseMove(window, QPoint(5, 5))  # the pointer off the page
    field = signs.row_editor.fields["sign"]
    for number in range(6):
        field.setFocus()
        where = field.mapToGlobal(QPoint(0, 0))
        type_here(qtbot, f"Sign {number}")
        press(qtbot, Qt.Key.Key_Return)
        QApplication.processEvents()
        assert field.mapToGlobal(QPoint(0, 0)) == where, f"moved at row {number + 1}"
    assert len(window.controller.plan.prevention.warning_signs) == 6


def test_a_clinical_suggestion_lands_in_the_right_column_and_stays_ticked(
    qtbot: Any, window: MainWindow
) -> None:
    open_new_plan(qtbot, window)
    care = list_on_page(window, "continuing_care", "continuing_care.appointments")
    assert care.suggestions is not None
    text = "One-on-one therapy with a counselor"
    care.suggestions.set_ticked(text, True)
    (appointment,) = window.controller.plan.continuing_care.appointments
    assert appointment.kind == CareKind.INDIVIDUAL
    column = next(i for i, c in enumerate(care.model.columns) if c.name == "provider")
    # (On two lines where the table is narrow.)
    heading = str(care.model.headerData(column, Qt.Orientation.Horizontal))
    assert heading.replace("\n", " ") == "What and who with"
    care.table.select_row(0)
    care.row_editor.fields["provider"].setText(text + " (Dr. Lee)")
    row = next(i for i, o in enumerate(care.suggestions.offers) if o.text == text)
    assert care.suggestions.item(row).checkState() == Qt.CheckState.Checked


def test_no_stale_fill_in_warning_once_the_row_is_added(qtbot: Any, window: MainWindow) -> None:
    open_new_plan(qtbot, window)
    contacts = list_on_page(window, "crisis_plan", "crisis_plan.contacts")
    click(qtbot, contacts.row_editor.fields["phone"])
    type_here(qtbot, "555-0199")
    assert "Name" in contacts.row_editor.status.text()
    click(qtbot, contacts.row_editor.fields["name"])
    type_here(qtbot, "Dr. Okafor")
    assert window.controller.plan.crisis_plan.contacts[0].phone == "555-0199"
    assert contacts.row_editor.status.text() == ""
    assert not window.editor.message.isVisible()


def test_a_ticked_suggestion_is_the_row_shown_below_to_change(
    qtbot: Any, window: MainWindow
) -> None:
    """"Tick to add, then change the words in the row below": the row just ticked."""
    triggers, suggestions = triggers_and_suggestions(qtbot, window)
    for row in range(3):
        tick(qtbot, suggestions, row)
        first = triggers.row_editor.fields["trigger"]
        assert first.text() == suggestions.offers[row].text
        assert triggers.row_editor.row == row
    # A response typed now goes with the third trigger.
    click(qtbot, triggers.row_editor.fields["response"])
    type_here(qtbot, "Call Lee")
    press(qtbot, Qt.Key.Key_Tab)
    plan_triggers = window.controller.plan.prevention.triggers
    assert [t.response for t in plan_triggers] == ["", "", "Call Lee"]
