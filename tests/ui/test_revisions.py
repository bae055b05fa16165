"""A client's saved versions in the program: listed, seen read only, restored, deleted.

Driven as a counselor does: clicks on the client list and the dialogs'
buttons, keys in the tables, answers to the questions asked.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTreeWidget, QWidget

from workbook.library import Library
from workbook.plan import Paper, Plan
from workbook.text.dates import format_date
from workbook.ui.mainwindow import MainWindow
from workbook.ui.revisions import HistoryDialog, RevisionViewer, saved_day

from .conftest import type_text
from .session.helpers import answer_box, click


def _three_versions(library: Library, name: str = "Sam T.") -> int:
    plan = Plan.model_validate({"about": {"preferred_name": name, "counselor": "Maria"}})
    first = library.save_revision(None, plan, "intake")
    plan.about.counselor = "Maria Delgado"
    library.save_revision(first.client_id, plan, "")
    plan.about.next_review_date = dt.date(2027, 1, 12)
    library.save_revision(first.client_id, plan, "30-day review")
    return first.client_id


def _choose_client(qtbot: Any, window: MainWindow, name: str) -> None:
    view = window.library_view
    view.refresh()
    table = view.table
    for index in range(table.topLevelItemCount()):
        item = table.topLevelItem(index)
        if item is not None and item.text(0) == name:
            rect = table.visualItemRect(item)
            click(qtbot, table.viewport(), rect.center())
            assert view.selected_client() is not None
            return
    raise AssertionError(f"{name} is not in the list")


def _rows(dialog: QWidget) -> list[list[str]]:
    table = dialog.findChild(QTreeWidget)
    assert table is not None
    items = [table.topLevelItem(i) for i in range(table.topLevelItemCount())]
    return [[item.text(c) for c in range(4)] for item in items if item is not None]


def _history(window: MainWindow, answer: Any, qtbot: Any) -> list[str]:
    view = window.library_view
    return answer_box(qtbot, lambda: click(qtbot, view.history_button), answer)


def test_history_lists_each_version_with_its_date_note_and_what_changed(
    qtbot: Any, window: MainWindow, library: Library
) -> None:
    client = _three_versions(library)
    _choose_client(qtbot, window, "Sam T.")
    seen: dict[str, Any] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        seen["rows"] = _rows(dialog)
        seen["newest can be restored"] = dialog.restore_button.isEnabled()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        seen["older can be restored"] = dialog.restore_button.isEnabled()
        seen["detail"] = dialog.detail.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert _history(window, look, qtbot) == ["History of Sam T."]
    rows = seen["rows"]
    assert [row[0] for row in rows] == ["3", "2", "1"]
    # The date as the form writes it (this plan prints on Letter, in English).
    for row, info in zip(rows, reversed(library.history(client)), strict=True):
        day = format_date(saved_day(info.saved), language="en", paper=Paper.LETTER)
        assert row[1].startswith(day + ", ")
    assert [row[2] for row in rows] == ["30-day review", "", "intake"]
    assert rows[0][3] == "set the next review date to January 12, 2027"
    assert rows[1][3] == "changed the counselor"
    assert rows[2][3] == "first saved version"
    assert not seen["newest can be restored"] and seen["older can be restored"]
    assert "changed the counselor" in seen["detail"]


@pytest.mark.slow
def test_an_old_version_opens_as_its_workbook_read_only(
    qtbot: Any, window: MainWindow, library: Library
) -> None:
    _three_versions(library)
    _choose_client(qtbot, window, "Sam T.")
    seen: dict[str, Any] = {}

    def look_at_the_workbook(viewer: QWidget) -> None:
        assert isinstance(viewer, RevisionViewer)
        qtbot.waitUntil(lambda: viewer.preview.shown_id > 0, timeout=60000)
        reader = PdfReader(io.BytesIO(viewer.preview.pdf))
        seen["text"] = " ".join(page.extract_text() or "" for page in reader.pages[:2])
        seen["banner"] = viewer.banner.text()
        seen["inputs"] = viewer.findChildren(QLineEdit) + viewer.findChildren(QPlainTextEdit)
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)

    def choose_the_first(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_End)  # the oldest
        seen["viewer"] = answer_box(
            qtbot, lambda: click(qtbot, dialog.view_button), look_at_the_workbook
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _history(window, choose_the_first, qtbot)
    assert len(seen["viewer"]) == 1 and "version 1" in seen["viewer"][0]
    assert "(read only)" in seen["viewer"][0]
    assert seen["banner"].startswith("Read only: Sam T.'s workbook as it was")
    assert seen["inputs"] == []
    # Version 1's counselor, as the workbook printed it then.
    assert "Maria" in seen["text"] and "Maria Delgado" not in seen["text"]
    assert not window.editing()


def test_restore_from_the_form_keeps_the_unsaved_work_and_the_current_version(
    qtbot: Any, window: MainWindow, library: Library
) -> None:
    client = _three_versions(library)
    window.open_client(client)
    counselor = window.editor.page("about").editor("about.counselor")
    assert isinstance(counselor, QLineEdit)
    counselor.setFocus()
    counselor.end(False)
    type_text(qtbot, counselor, ", LADC")
    assert window.session.is_modified()

    def restore_the_first(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        assert dialog.current_number() == 1
        click(qtbot, dialog.restore_button)

    assert answer_box(qtbot, window.revisions.history_action.trigger, restore_the_first)
    history = library.history(client)
    assert [r.number for r in history] == [1, 2, 3, 4, 5]
    # The unsaved words became a version of their own, then version 1 came back.
    assert library.plan(client, 4).about.counselor == "Maria Delgado, LADC"
    first_day = format_date(saved_day(history[0].saved), language="en", paper=Paper.LETTER)
    assert history[4].reason == f"restored version 1 of {first_day}"
    assert library.plan(client, 5) == library.plan(client, 1)
    assert window.editing() and window.session.client_id == client
    shown = window.editor.page("about").editor("about.counselor")
    assert isinstance(shown, QLineEdit) and shown.text() == "Maria"
    assert window.controller.plan.about.counselor == "Maria"
    assert not window.session.is_modified()
    assert library.pending_drafts() == []


def test_restore_from_the_list_keeps_a_crash_draft_as_a_version(
    qtbot: Any, window: MainWindow, library: Library
) -> None:
    client = _three_versions(library)
    unsaved = library.plan(client)
    unsaved.about.program = "Riverside"
    library.autosave(client, unsaved)
    _choose_client(qtbot, window, "Sam T.")

    def restore_the_second(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        dialog.select(2)
        click(qtbot, dialog.restore_button)

    _history(window, restore_the_second, qtbot)
    assert [r.number for r in library.history(client)] == [1, 2, 3, 4, 5]
    assert library.plan(client, 4).about.program == "Riverside"
    assert library.plan(client, 5) == library.plan(client, 2)
    assert library.pending_drafts() == []
    assert window.editing() and window.controller.plan == library.plan(client, 2)


@pytest.mark.parametrize("answer", [Qt.Key.Key_Return, Qt.Key.Key_Escape, "Cancel"])
def test_deleting_a_client_asks_naming_the_client_and_its_versions_cancel_by_default(
    qtbot: Any, window: MainWindow, library: Library, answer: Any
) -> None:
    _three_versions(library)
    _three_versions(library, "Lee K.")
    _choose_client(qtbot, window, "Sam T.")
    table = window.library_view.table
    asked = answer_box(qtbot, lambda: qtbot.keyClick(table, Qt.Key.Key_Delete), answer)
    assert len(asked) == 1
    assert "Sam T." in asked[0] and "all 3 saved versions" in asked[0]
    assert sorted(c.name for c in library.clients()) == ["Lee K.", "Sam T."]


def test_deleting_a_client_after_saying_so(
    qtbot: Any, window: MainWindow, library: Library
) -> None:
    _three_versions(library)
    _three_versions(library, "Lee K.")
    _choose_client(qtbot, window, "Sam T.")
    view = window.library_view
    asked = answer_box(qtbot, lambda: click(qtbot, view.delete_button), "Delete Sam T.")
    assert len(asked) == 1
    assert [c.name for c in library.clients()] == ["Lee K."]
    assert view.visible_names() == ["Lee K."]
    assert QApplication.activeModalWidget() is None


def test_in_spanish_the_history_names_the_parts_that_changed_in_spanish(
    library: Library,
) -> None:
    """The library's change sentences are English only: no English mixed in."""
    from workbook.text.i18n import set_interface_language
    from workbook.ui.revisions import revision_rows

    client = _three_versions(library)
    set_interface_language("es")
    try:
        rows = revision_rows(library, client)
    finally:
        set_interface_language(None)
    assert rows[0].changes == ("cambios en Sobre este plan (portada)",)
    assert rows[2].changes == ("primera versión guardada",)
    text = " ".join(change for row in rows for change in row.changes)
    assert "changed" not in text and " the " not in text
