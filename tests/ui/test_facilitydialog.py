"""Settings → Facility: a profile set up in the window reaches every print."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from pdfutil import extract_text, page_texts, squash
from PySide6.QtWidgets import QComboBox

from workbook.facility import config_folder, load_facility, load_saved_facility
from workbook.plan import Paper
from workbook.ui.facilitydialog import FacilityDialog
from workbook.ui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_LOGO = ROOT / "workbook" / "resources" / "logo" / "sample-logo.png"
EXAMPLE = ROOT / "examples" / "facility.toml"


@pytest.fixture
def dialog(qtbot: Any) -> FacilityDialog:
    shown = FacilityDialog(None)
    qtbot.addWidget(shown)
    return shown


def test_a_bad_logo_is_refused_with_a_message_naming_the_field(
    dialog: FacilityDialog, tmp_path: Path
) -> None:
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"<html>not an image</html>")
    assert not dialog.set_logo(bad)
    assert dialog.message.text() == f"logo: {bad} is not a PNG or JPEG image"
    assert dialog.profile().logo is None
    assert dialog.set_logo(SAMPLE_LOGO)
    assert dialog.message.isHidden()
    assert dialog.profile().logo == SAMPLE_LOGO


def test_a_crisis_line_without_a_number_is_named_by_row_and_field(
    dialog: FacilityDialog,
) -> None:
    dialog.name.setText("Harbor Light")
    dialog.own_lines.setChecked(True)
    row = dialog.lines.add_row({"name": "Our nurse line"})
    assert row == 3  # after the three standard lines, offered as a start
    dialog.accept()
    assert dialog.message.text().startswith("Crisis lines, row 4: Number: ")
    assert load_saved_facility() is None  # nothing kept


def test_set_up_a_profile_and_every_print_carries_it(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.facility_label.text() == "No facility profile"
    dialog = FacilityDialog(None, window)
    qtbot.addWidget(dialog)
    assert dialog.import_from(EXAMPLE)
    dialog.name.setText("Riverside Recovery Center")
    combo: QComboBox = dialog.paper
    combo.setCurrentIndex(combo.findData(Paper.A4))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.facility is not None
    window.set_facility(dialog.facility)

    folder = config_folder()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == ["facility-logo.png", "facility.toml"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    assert window.facility_label.text() == "Facility: Riverside Recovery Center"

    # A new plan takes the facility's paper; its workbook carries the name and lines.
    window.new_plan()
    assert window.controller.plan.print_settings.paper is Paper.A4
    result = window.build()
    text = extract_text(result.pdf)
    assert "Riverside Recovery Center" in page_texts(result.pdf)[0]
    assert "(555) 010-2099" in text  # the facility's own nurse line
    assert squash("Springfield Mobile Crisis Team") in squash(text)


def test_export_writes_the_toml_the_command_line_reads(
    dialog: FacilityDialog, tmp_path: Path
) -> None:
    assert dialog.import_from(EXAMPLE)
    out = tmp_path / "shared" / "harbor.toml"
    out.parent.mkdir()
    assert dialog.export_to(out)
    again = load_facility(out)
    assert again.name == "Harbor Light Recovery Center"
    assert again.logo == out.parent / "harbor-logo.png"
    assert again.crisis_lines == load_facility(EXAMPLE).crisis_lines


def test_a_crisis_line_without_its_date_is_named(dialog: FacilityDialog) -> None:
    dialog.own_lines.setChecked(True)
    dialog.lines.add_row({"name": "Our nurse line", "number": "(555) 010-2099"})
    dialog.accept()
    message = dialog.message.text()
    assert message.startswith("Crisis lines, row 4: Last checked: "), message
    assert "\n" not in message
    assert load_saved_facility() is None
