"""The desktop's exports go through the one output writer: private, never onto the library."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from workbook.library import Library
from workbook.ui.mainwindow import MainWindow

from .conftest import answer_boxes


def test_export_pdf_is_owner_only_whatever_the_umask(window: MainWindow, tmp_path: Path) -> None:
    window.new_plan()
    out = tmp_path / "workbook.pdf"
    old = os.umask(0)
    try:
        window.export_pdf(out)
    finally:
        os.umask(old)
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("action", ["export_pdf_dialog", "export_plan_dialog"])
def test_export_onto_the_library_is_refused_with_a_message(
    window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    window.new_plan()
    before = library.path.read_bytes()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(library.path), "")
    )
    shown = answer_boxes(monkeypatch, "warning")
    getattr(window, action)()
    assert len(shown) == 1 and "the plan library" in shown[0]
    assert library.path.read_bytes() == before
