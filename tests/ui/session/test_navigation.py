"""Moving through the form with the keyboard and the mouse, as a desktop user expects."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QFileDialog, QStackedWidget

from workbook.plan import PathwayKind
from workbook.ui.formpages import FormPage
from workbook.ui.mainwindow import MainWindow
from workbook.ui.style import STYLE_SHEET

from .helpers import click, focused, press


def test_ctrl_n_puts_the_cursor_in_the_first_field(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editing()
    assert focused() is window.editor.page("about").editor("about.preferred_name")


def test_tab_from_the_pages_list_goes_to_the_first_field_then_field_by_field(
    qtbot: Any, window: MainWindow
) -> None:
    window.new_plan()
    window.activateWindow()
    window.editor.side.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    page = window.editor.page("about")
    assert focused() is page.editor("about.preferred_name")
    seen = []
    for _ in range(40):
        widget = focused()
        if widget in (window.editor.back, window.editor.next):
            break
        # Every stop is a control a person can see and use, never a frame.
        assert widget.isVisible(), widget
        assert not isinstance(widget, FormPage | QStackedWidget | QPdfView), widget
        seen.append(widget)
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() in (window.editor.back, window.editor.next)
    assert page.editor("about.snapshot.stressors") in seen


def test_the_pages_keep_their_order_when_pathways_are_ticked(
    qtbot: Any, window: MainWindow
) -> None:
    window.new_plan()
    window.resize(1024, 700)
    side = window.editor.side
    before = [side.item(row).text() for row in range(side.count())]
    window.editor.show_page("pathways")
    pathways = window.editor.page("pathways").editor("pathways.chosen")
    boxes = [pathways.boxes[k] for k in (PathwayKind.MUTUAL_SUPPORT, PathwayKind.FAITH_BASED)]
    QApplication.processEvents()
    where = [box.mapToGlobal(QPoint(0, 0)) for box in pathways.boxes.values()]
    for box in boxes:
        click(qtbot, box, QPoint(8, box.height() // 2))
        assert box.isChecked()
        QApplication.processEvents()
        # Ticking a pathway moves none of the tick boxes.
        assert [b.mapToGlobal(QPoint(0, 0)) for b in pathways.boxes.values()] == where
    assert [side.item(row).text() for row in range(side.count())] == before
    assert before[0].startswith("About this plan") and before[3] == "Part 3: My support network"
    assert side.item(3).font().bold()  # the support network matters for mutual support


def test_the_last_page_offers_print_and_export(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(str(args[2]))  # the suggested file name
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.new_plan()
    window.editor.show_page("check_ins")
    assert window.editor.export_button.isVisible() and window.editor.print_button.isVisible()
    assert not window.editor.next.isVisible()
    exported: list[bool] = []
    window.editor.export_requested.connect(lambda: exported.append(True))
    click(qtbot, window.editor.export_button)
    assert exported == [True]
    assert asked == ["recovery workbook.pdf"]
    window.editor.show_page("about")
    assert window.editor.next.isVisible() and not window.editor.export_button.isVisible()


def test_every_kind_of_control_shows_where_the_focus_is() -> None:
    for kind in ("QLineEdit", "QPlainTextEdit", "QComboBox", "QCheckBox", "QPushButton",
                 "QAbstractItemView"):
        # (A combo box also gets Qt's own focus frame; its text turns blue.)
        assert f"{kind}:focus" in STYLE_SHEET, kind


def test_the_welcome_screen_keeps_its_controls_together(qtbot: Any, window: MainWindow) -> None:
    window.resize(1024, 700)
    QApplication.processEvents()
    view = window.library_view
    gap = view.new_button.mapTo(view, QPoint(0, 0)).y() - view.search.mapTo(view, QPoint(0, 0)).y()
    assert abs(gap) < 120
    assert view.new_button.mapTo(view, QPoint(0, 0)).y() < 250


def test_enter_on_the_focused_next_button_turns_the_page(
    qtbot: Any, window: MainWindow
) -> None:
    window.new_plan()
    window.editor.next.setFocus()
    qtbot.keyClick(window.editor.next, Qt.Key.Key_Return)
    assert window.editor.current_key() == "pathways"
