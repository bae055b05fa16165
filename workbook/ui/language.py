"""The language of the program's own interface: a setting, else the system's.

Menus, page intros, field titles and help texts follow this setting; the
printed workbook and the suggestions to tick follow the plan's own language
(Printing → Language of the workbook). The choice is kept in the program's
settings and applied when the program starts, before any window is built, so
every label is made in one language.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..text.i18n import (
    _,
    display_name,
    interface_language,
    languages,
    set_interface_language,
    system_language,
)

SETTINGS_KEY = "interface/language"
SYSTEM = ""  # the stored value for "follow the system"


def stored_language(settings: QSettings) -> str | None:
    """The language chosen in the settings, or None to follow the system."""
    value = settings.value(SETTINGS_KEY, SYSTEM)
    return value if isinstance(value, str) and value in languages() else None


def apply_stored_language(settings: QSettings) -> str:
    """Set the interface language from the settings (at start-up); returns it."""
    set_interface_language(stored_language(settings))
    return interface_language()


def language_menu(parent: QWidget, settings: QSettings) -> QMenu:
    """Settings → Language: follow the system, or one of the program's languages.

    Each language is named in its own words, so a reader finds theirs whatever
    the interface speaks now. The change shows once the program opens again.
    """
    # Both words, so someone who does not read the current language finds the menu.
    menu = QMenu(_("&Language") + " / Language / Idioma", parent)
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = stored_language(settings)
    choices: list[tuple[str, str]] = [
        (SYSTEM, _("As the system ({language})").format(
            language=display_name(system_language(), system_language()))),
        *((code, display_name(code, code)) for code in languages()),
    ]
    for code, text in choices:
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(code == (current or SYSTEM))
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: _choose(parent, settings, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose(parent: QWidget, settings: QSettings, code: str) -> None:
    if code == (stored_language(settings) or SYSTEM):
        return
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()
    chosen = code or system_language()
    # Told in the chosen language: that is the one the person can read.
    set_interface_language(chosen)
    QMessageBox.information(
        parent,
        _("Language"),
        _("The program will speak {language} the next time it opens. "
          "Printed workbooks follow each plan's own language.").format(
            language=display_name(chosen, chosen)),
    )
    # Windows opened from now on (dialogs) speak the chosen language; the open ones
    # keep the words they were built with until the program opens again.
    set_interface_language(code or None)
