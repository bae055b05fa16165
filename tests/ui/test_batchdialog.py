"""File → Print for many clients…: chosen clients, rosters and blank sets, with progress."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workbook.batch import Job, RowDone
from workbook.example import example_plan
from workbook.library import Library
from workbook.options import RenderOptions
from workbook.plan import Plan
from workbook.ui.batchdialog import BatchDialog, time_left

TODAY = dt.date.today()


def _client(number: int) -> Plan:
    plan = example_plan()
    plan.about.preferred_name = f"Client {number:02d}"
    # Every third client is due for review within two weeks (one overdue).
    days = 10 if number % 3 == 0 else 60
    plan.about.next_review_date = TODAY + dt.timedelta(days=-2 if number == 3 else days)
    return plan


@pytest.fixture
def clients(library: Library) -> Library:
    with library.bulk():
        for number in range(1, 31):
            library.save_revision(None, _client(number))
    return library


@pytest.fixture
def dialog(qtbot: Any, clients: Library, tmp_path: Path) -> BatchDialog:
    shown = BatchDialog(clients, None)
    qtbot.addWidget(shown)
    shown.folder.setText(str(tmp_path / "prints"))
    return shown


def _wait(qtbot: Any, dialog: BatchDialog) -> None:
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=120_000)


def test_the_review_filter_offers_the_clients_due(dialog: BatchDialog) -> None:
    assert dialog.clients.topLevelItemCount() == 10  # within 14 days, overdue included
    dialog.review_filter.setCurrentIndex(dialog.review_filter.findData(None))
    assert dialog.clients.topLevelItemCount() == 30
    dialog.search.setText("client 2")
    assert dialog.clients.topLevelItemCount() == 10  # 20-29


def test_print_thirty_clients_into_a_folder(
    qtbot: Any, dialog: BatchDialog, tmp_path: Path
) -> None:
    dialog.review_filter.setCurrentIndex(dialog.review_filter.findData(None))
    dialog.clients.selectAll()
    assert dialog.clients_count.text() == "30 of 30 chosen"
    assert dialog.start()
    assert not dialog.print_button.isEnabled() and dialog.cancel_button.isEnabled()
    _wait(qtbot, dialog)
    assert dialog.summary is not None
    assert (dialog.summary.printed, dialog.summary.failed) == (30, 0)
    assert dialog.progress.value() == dialog.progress.maximum() == 30
    assert dialog.status.text().startswith("Printed 30 of 30 documents")
    assert not dialog.open_button.isHidden()
    files = sorted((tmp_path / "prints").iterdir())
    assert [p.name for p in files] == [f"client-{n:02d}.pdf" for n in range(1, 31)]
    cover = PdfReader(files[6]).pages[0].extract_text()
    assert "Client 07" in cover


def test_cancel_midway_stops_within_a_second_and_leaves_whole_files(
    qtbot: Any, dialog: BatchDialog, tmp_path: Path
) -> None:
    dialog.review_filter.setCurrentIndex(dialog.review_filter.findData(None))
    dialog.clients.selectAll()
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 3, timeout=60_000)
    pressed = time.monotonic()
    dialog.cancel_button.click()
    _wait(qtbot, dialog)
    assert time.monotonic() - pressed < 1.0
    summary = dialog.summary
    assert summary is not None and summary.cancelled
    assert 3 <= summary.printed < 30
    files = sorted((tmp_path / "prints").iterdir())
    assert len(files) == summary.printed  # no part files, nothing half written
    for path in files:
        assert path.suffix == ".pdf" and len(PdfReader(path).pages) > 20
    assert "stopped" in dialog.status.text()


def test_blank_wallet_cards(qtbot: Any, dialog: BatchDialog, tmp_path: Path) -> None:
    dialog.source.setCurrentIndex(2)
    dialog.blank_kind.setCurrentIndex(dialog.blank_kind.findData("wallet"))
    dialog.copies.setValue(3)
    assert dialog.start()
    _wait(qtbot, dialog)
    names = sorted(p.name for p in (tmp_path / "prints").iterdir())
    assert names == [f"blank-wallet-card-00{n}.pdf" for n in (1, 2, 3)]


def test_a_roster_error_is_shown_and_nothing_starts(
    dialog: BatchDialog, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,paper\nSam,legal\n", encoding="utf-8")
    dialog.source.setCurrentIndex(1)
    dialog.roster.setText(str(roster))
    assert not dialog.start()
    assert "row 2, column paper" in dialog.status.text()
    assert not (tmp_path / "prints").exists()


def test_failed_rows_are_listed_while_others_print(dialog: BatchDialog, tmp_path: Path) -> None:
    job = Job(4, None, RenderOptions(), tmp_path / "x.pdf")
    dialog._total = 5
    dialog._row_done(RowDone(0, job, error="x.pdf: cannot be written (Disk full)"))
    assert not dialog.errors.isHidden()
    assert dialog.errors.item(0).text() == "Row 4: x.pdf: cannot be written (Disk full)"


def test_time_left() -> None:
    assert time_left(10.0, 0, 30) == ""
    assert time_left(10.0, 10, 30) == "about 20 s left"
    assert time_left(60.0, 10, 30) == "about 2 min left"
    assert time_left(10.0, 30, 30) == ""
