"""The program's own language: a setting (else the system's); the print follows the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from workbook.library import Library
from workbook.text.i18n import interface_language, set_interface_language
from workbook.ui.language import SETTINGS_KEY, apply_stored_language, language_menu
from workbook.ui.mainwindow import MainWindow


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_stored_choice_wins_over_the_system(
    store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert apply_stored_language(store) == "en"
    store.setValue(SETTINGS_KEY, "es")
    assert apply_stored_language(store) == "es"
    store.setValue(SETTINGS_KEY, "xx")  # a language this version does not have
    assert apply_stored_language(store) == "en"
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    store.setValue(SETTINGS_KEY, "")
    assert apply_stored_language(store) == "es"


def test_the_menu_names_each_language_in_its_own_words(
    qtbot: Any, store: QSettings, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(str(args[2])))
    menu = language_menu(window, store)
    texts = [action.text() for action in menu.actions()]
    assert "English" in texts and "Español" in texts
    spanish = next(a for a in menu.actions() if a.text() == "Español")
    spanish.trigger()
    assert store.value(SETTINGS_KEY) == "es"
    assert interface_language() == "es"
    assert told and "Español" in told[0] and "próxima vez" in told[0]


def test_the_form_speaks_spanish_and_the_print_the_plans_language(
    qtbot: Any, library: Library, no_questions: list[str]
) -> None:
    set_interface_language("es")
    window = MainWindow(library, preview_backend=None)
    qtbot.addWidget(window)
    window.open_example()
    plan = window.controller.plan
    assert plan.print_settings.language == "es"  # the Spanish sample
    window.editor.show_page("prevention")
    labels = {label.text() for label in window.findChildren(QLabel)}
    assert "Prevenir volver a consumir" in labels
    assert "Detonantes" in labels
    assert any(text.startswith("Saber qué lo puede llevar") for text in labels)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&Archivo"
