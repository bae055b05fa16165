"""Starting the desktop: Qt's own settings stay in the program's private folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbook.ui.app import keep_settings_private, start


def test_file_dialog_history_stays_out_of_qtproject_conf(qtbot: Any, tmp_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    folder = keep_settings_private()
    try:
        client_folder = tmp_path / "Jordan R"
        client_folder.mkdir()
        dialog = QFileDialog(None, "Export", str(client_folder))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setHistory([str(client_folder)])
        dialog.setDirectory(str(client_folder))
        dialog.done(0)
        del dialog  # Qt saves the dialog's state (history, last folder) here
        QSettings("QtProject").sync()
        assert not (config / "QtProject.conf").exists()
        assert "history" in (folder / "QtProject.conf").read_text(encoding="utf-8")
        assert folder.parent == config and stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, str(config))


# -- the window first, the rest after its first frame ------------------------------

# What a child process prints at the window's first paint: the heavy modules
# already loaded, then (after the library is open) what the list shows.
_FIRST_FRAME = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HEAVY = ("pydantic", "workbook.plan", "workbook.library.store", "reportlab", "jinja2",
         "babel", "PySide6.QtPdf", "PySide6.QtPrintSupport")
app = QApplication(sys.argv[:1])


class Watch(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not Watch.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            Watch.seen = True
            window = watched.window()
            print("title", window.windowTitle())
            print("attached", window.attached)
            print("loaded", sorted(m for m in HEAVY if m in sys.modules))
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: after(window)))
        return False


def after(window):
    print("attached", window.attached)
    print("clients", window.library_view.visible_names())
    app.quit()


watch = Watch()
app.installEventFilter(watch)
from workbook.cli import run
run(["--library", sys.argv[1]])
"""


def test_the_window_paints_before_the_plan_model_loads(tmp_path: Path) -> None:
    """The welcome screen is painted before pydantic, the library, ReportLab, Jinja2,
    Babel and the PDF and printing modules load; the client list follows at once."""
    import subprocess
    import sys

    from workbook.example import example_plan
    from workbook.library import open_library

    library_file = tmp_path / "library.sqlite3"
    library = open_library(library_file)
    plan = example_plan()
    plan.about.preferred_name = "Sam T."
    library.save_revision(None, plan)
    library.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_FRAME, str(library_file)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "title Recovery Workbook"
    assert lines[1:3] == ["attached False", "loaded []"]
    assert lines[3] == "attached True"
    assert lines[4].startswith("clients ['Sam T.")


@pytest.fixture
def program_state() -> Iterator[None]:
    """What `start` sets for the whole process, put back afterwards."""
    import gc

    from PySide6.QtWidgets import QApplication

    config = Path(os.environ["XDG_CONFIG_HOME"])
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet("")
    gc.unfreeze()
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(config))


@pytest.fixture
def started(
    qtbot: Any, tmp_path: Path, no_questions: list[str], program_state: None
) -> Iterator[Any]:
    """The program started as `run` starts it, its event loop left to qtbot."""
    window, library = start(tmp_path / "library.sqlite3")
    qtbot.addWidget(window)
    yield window
    opened = library()
    if window.attached:
        window.session.active = False
        window.renderer.stop()
    window.close()
    if opened is not None:
        opened.close()


def test_a_click_before_the_library_is_open_waits_for_it_and_works(
    qtbot: Any, started: Any
) -> None:
    """"Try the example plan" clicked before anything but the window has loaded."""
    assert not started.attached
    qtbot.mouseClick(started.library_view.example_button, Qt.MouseButton.LeftButton)
    assert started.attached
    assert started.editing()
    assert started.controller.plan.about.preferred_name  # the example, filled in
    assert started.editor.current_key() == started.editor.side.pages()[0].key


def test_the_library_opens_after_the_first_frame_and_new_plan_works_at_once(
    qtbot: Any, started: Any
) -> None:
    qtbot.waitExposed(started)
    qtbot.waitUntil(lambda: started.attached, timeout=10000)
    qtbot.wait(50)
    qtbot.mouseClick(started.library_view.new_button, Qt.MouseButton.LeftButton)
    assert started.editing()
    assert started.editor.current_key() == "about"
    assert started.windowTitle().startswith("New plan")


def test_a_library_that_cannot_be_opened_is_said_in_one_line(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program_state: None
) -> None:
    from PySide6.QtWidgets import QApplication

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    # Outside the program's event loop a real exit() would end every later
    # loop in this test process at once.
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    not_a_library = tmp_path / "notes.sqlite3"
    not_a_library.write_text("not a database", encoding="utf-8")
    window, library = start(not_a_library)
    qtbot.addWidget(window)
    try:
        assert window.ensure_attached() is False
        assert library() is None
        assert len(said) == 1 and said[0].startswith("The plan library cannot be opened: ")
        assert exits == [1]
        assert "\n" not in said[0]
        # A click then does nothing (the program is closing), and raises nothing.
        qtbot.mouseClick(window.library_view.example_button, Qt.MouseButton.LeftButton)
        assert not window.editing()
    finally:
        window.close()
