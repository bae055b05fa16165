"""Starting the desktop program: `recovery-workbook` with no command."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ..facility import config_folder
from ..output.writer import OutputError, make_folder
from ..text.i18n import _


def keep_settings_private() -> Path:
    """Qt's settings, its file dialogs' history among them, go to our own 0700 folder.

    Left alone, Qt writes the folders a counselor opened (``lastVisited=``,
    ``history=``: a client's folder) into ``~/.config/QtProject.conf``, mode
    0644, readable by every user of the machine.
    """
    folder = config_folder()
    # If the folder cannot be made, Qt cannot write there either: nothing to add.
    with contextlib.suppress(OutputError):
        make_folder(folder)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


def run(library_path: Path | None) -> int:
    """Open the library at `library_path` (None: the usual place) and show the window."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Recovery Workbook")
    app.setOrganizationName("Recovery Workbook")
    app.setApplicationDisplayName("Recovery Workbook")
    app.setDesktopFileName("recovery-workbook")
    keep_settings_private()

    from ..library import LibraryError, open_library
    from .language import apply_stored_language
    from .mainwindow import MainWindow, app_icon, settings
    from .style import apply_style

    # Before any window is built: every label is made in this language.
    apply_stored_language(settings())

    apply_style(app)
    app.setWindowIcon(app_icon())
    try:
        library = open_library(library_path)
    except LibraryError as error:
        message = _("The plan library cannot be opened: {error}").format(error=error)
        QMessageBox.critical(None, "Recovery Workbook", message)
        return 1
    window = MainWindow(library)
    window.show()
    try:
        return app.exec()
    finally:
        library.close()
