"""Starting the desktop: Qt's own settings stay in the program's private folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from workbook.ui.app import keep_settings_private


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
