"""Starting the desktop program: `recovery-workbook` with no command.

The welcome screen is the first thing a person sees, so it is shown first:
before the plan model (pydantic), the library, the editor, the preview and
the extra fonts are loaded. Only Qt and the settings are read before the
window appears; the rest loads just after its first frame is painted. A
click that comes in while it loads waits for it and then works.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..folders import config_folder
from ..text.i18n import _

if TYPE_CHECKING:
    from ..library import Library
    from .mainwindow import MainWindow

# If no paint comes (a window that starts minimised), load anyway after this.
FIRST_PAINT_WAIT_MS = 1000


def use_private_settings() -> Path:
    """Point Qt's settings at our own folder (no files are written yet)."""
    folder = config_folder()
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


def make_settings_folder(folder: Path) -> None:
    """Make the settings folder 0700 before anything is written there."""
    from ..output.writer import OutputError, make_folder

    # If the folder cannot be made, Qt cannot write there either: nothing to add.
    with contextlib.suppress(OutputError):
        make_folder(folder)


def keep_settings_private() -> Path:
    """Qt's settings, its file dialogs' history among them, go to our own 0700 folder.

    Left alone, Qt writes the folders a counselor opened (``lastVisited=``,
    ``history=``: a client's folder) into ``~/.config/QtProject.conf``, mode
    0644, readable by every user of the machine.
    """
    folder = use_private_settings()
    make_settings_folder(folder)
    return folder


class _FirstPaint(QObject):
    """Calls `then` once, just after `window` (or one of its widgets) first paints."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.then: Callable[[], object] | None = then
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.then is not None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            # After this paint and its flush to the screen, not inside it.
            QTimer.singleShot(0, self._go)
        return False

    def _go(self) -> None:
        then, self.then = self.then, None
        if then is None:
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        then()


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    _FirstPaint(window, then)


def start(library_path: Path | None) -> tuple[MainWindow, Callable[[], Library | None]]:
    """Show the window with its welcome screen; the library opens after its first frame.

    Returns the window and a function giving the open library (None before it
    is open, or if it could not be opened: then the program is quitting).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Recovery Workbook")
    app.setOrganizationName("Recovery Workbook")
    app.setApplicationDisplayName("Recovery Workbook")
    app.setDesktopFileName("recovery-workbook")
    folder = use_private_settings()

    from .language import apply_stored_language
    from .mainwindow import MainWindow, app_icon, settings
    from .style import STYLE_SHEET

    # Before any window is built: every label is made in this language.
    apply_stored_language(settings())
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(app_icon())
    window = MainWindow(None)
    opened: list[Library] = []

    def attach() -> None:
        # No collection while the rest loads (each would walk the whole import
        # heap again); afterwards the heap, which lives as long as the
        # program, is kept out of the collector's sight.
        gc.disable()
        try:
            load()
        finally:
            gc.freeze()
            gc.enable()

    def load() -> None:
        make_settings_folder(folder)
        from ..library import LibraryError, open_library
        from .style import register_fonts

        register_fonts()
        try:
            library = open_library(library_path)
        except LibraryError as error:
            message = _("The plan library cannot be opened: {error}").format(error=error)
            QMessageBox.critical(window, "Recovery Workbook", message)
            app.exit(1)
            return
        opened.append(library)
        window.attach(library)

    window.pending_attach = attach
    window.show()
    after_first_paint(window, window.ensure_attached)
    return window, lambda: opened[0] if opened else None


def run(library_path: Path | None) -> int:
    """Open the library at `library_path` (None: the usual place) and show the window."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _window, library = start(library_path)
    try:
        return app.exec()
    finally:
        opened = library()
        if opened is not None:
            opened.close()
