"""Starting the desktop program: `recovery-workbook` with no command."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..text.i18n import _


def run(library_path: Path | None) -> int:
    """Open the library at `library_path` (None: the usual place) and show the window."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Recovery Workbook")
    app.setOrganizationName("Recovery Workbook")
    app.setApplicationDisplayName("Recovery Workbook")
    app.setDesktopFileName("recovery-workbook")

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
