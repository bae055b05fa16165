"""The library view: the banner that offers back unsaved work, and asking before it is lost."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from workbook.library import Library
from workbook.plan import Plan
from workbook.ui.libraryview import LibraryView

from .session.helpers import answer_box, click


def _save_with_a_draft(library: Library) -> int:
    """A client, Sam T., with unsaved changes left by a crash; their id."""
    plan = Plan.model_validate({"about": {"preferred_name": "Sam T."}})
    info = library.save_revision(None, plan, "")
    plan.about.counselor = "Maria"
    library.autosave(info.client_id, plan)
    return info.client_id


def _view_with_a_draft(qtbot: Any, library: Library) -> LibraryView:
    _save_with_a_draft(library)
    view = LibraryView(library)
    qtbot.addWidget(view)
    view.show()
    assert view.banner_box.isVisible()
    return view


@pytest.mark.parametrize("answer", [Qt.Key.Key_Return, Qt.Key.Key_Escape, "Keep them"])
def test_discard_asks_first_and_keeps_the_work_by_default(
    qtbot: Any, library: Library, answer: Any
) -> None:
    view = _view_with_a_draft(qtbot, library)
    discarded: list[object] = []
    view.discard_requested.connect(discarded.append)
    asked = answer_box(qtbot, lambda: click(qtbot, view.discard_button), answer)
    assert len(asked) == 1 and "Sam T." in asked[0]
    assert discarded == []


def test_discard_after_saying_so_throws_the_draft_away(qtbot: Any, library: Library) -> None:
    view = _view_with_a_draft(qtbot, library)
    discarded: list[object] = []
    view.discard_requested.connect(discarded.append)
    asked = answer_box(qtbot, lambda: click(qtbot, view.discard_button), "Discard the changes")
    assert len(asked) == 1
    assert discarded == [view.drafts[0]]


def test_enter_on_a_focused_button_presses_it(qtbot: Any, library: Library) -> None:
    plan = Plan.model_validate({"about": {"preferred_name": "Sam T."}})
    info = library.save_revision(None, plan, "")
    view = LibraryView(library)
    qtbot.addWidget(view)
    view.show()
    opened: list[int] = []
    view.open_requested.connect(opened.append)
    view.table.setCurrentItem(view.table.topLevelItem(0))
    view.open_button.setFocus()
    qtbot.keyClick(view.open_button, Qt.Key.Key_Return)
    assert opened == [info.client_id]
    started: list[bool] = []
    view.new_requested.connect(lambda: started.append(True))
    view.new_button.setFocus()
    qtbot.keyClick(view.new_button, Qt.Key.Key_Enter)
    assert started == [True]


def test_the_banner_moves_no_button_when_it_appears(qtbot: Any, library: Library) -> None:
    # The window shows before the library is read; the banner comes after.
    _save_with_a_draft(library)
    view = LibraryView(None)
    qtbot.addWidget(view)
    view.resize(1024, 660)
    view.show()
    qtbot.wait(20)
    buttons = [view.new_button, view.import_button, view.example_button]
    before = [b.mapTo(view, b.rect().topLeft()) for b in buttons]
    view.set_library(library)
    qtbot.wait(20)
    assert view.banner_box.isVisible()
    assert [b.mapTo(view, b.rect().topLeft()) for b in buttons] == before
