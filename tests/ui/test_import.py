"""The desktop's import and open: hostile or over-limit plans give a dialog, not a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from workbook.library import Library
from workbook.plan import SCHEMA_VERSION, Plan
from workbook.plan.common import MAX_ITEMS
from workbook.ui.mainwindow import MainWindow


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(kind: str) -> Any:
        def show(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    return shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema_version": 1, "about": ' + "[" * 3000 + "]" * 3000 + "}", "nested too deeply"),
        ('{"schema_version": ' + "9" * 5000 + "}", "number too long"),
        (json.dumps({"schema_version": SCHEMA_VERSION,
                     "prevention": {"triggers": [{"trigger": "t"}] * (MAX_ITEMS + 1)}}),
         f"a list can hold at most {MAX_ITEMS}"),
    ],
)
def test_importing_a_hostile_file_shows_a_dialog(
    window: MainWindow, tmp_path: Path, dialogs: list[tuple[str, str]], text: str, expected: str
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    assert window.import_plan(path) is None
    [(kind, message)] = dialogs
    assert kind == "warning" and expected in message


def test_a_stored_plan_over_a_limit_opens_with_a_message(
    window: MainWindow, library: Library, dialogs: list[tuple[str, str]]
) -> None:
    info = library.save_revision(None, Plan(), "before the limits")
    stored = json.dumps({"schema_version": SCHEMA_VERSION, "prevention": {
        "triggers": [{"trigger": f"t{i}"} for i in range(MAX_ITEMS + 3)]}})
    library._conn.execute("UPDATE revisions SET plan = ?", (stored,))
    window.open_client(info.client_id)
    assert window.editing()
    assert len(window.controller.plan.prevention.triggers) == MAX_ITEMS + 3
    [(kind, message)] = dialogs
    assert kind == "information" and "prevention.triggers" in message
