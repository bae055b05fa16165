"""Printing: the PDF itself to a CUPS queue, vector pages at the workbook's size."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from workbook.plan import Paper
from workbook.ui.mainwindow import MainWindow
from workbook.ui.printing import (
    JOB_TITLE,
    PrintRequest,
    lp_arguments,
    media_name,
    prepare_printer,
)

from . import cups


@pytest.fixture
def cups_queue(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[cups.Queue]:
    why = cups.missing()
    if why:
        pytest.skip(why)
    # Qt asks CUPS for its printers before the private queue exists, as it
    # does in a whole test run once any earlier test has made a QPrinter: the
    # queue must be found all the same.
    QPrinterInfo.availablePrinterNames()
    for queue in cups.private_cups():
        # CUPS_SERVER for `lp`; this_process_asks for Qt's own list of printers.
        monkeypatch.setenv("CUPS_SERVER", queue.server)
        with cups.this_process_asks(queue.server):
            yield queue


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window would have said in a warning box (a real one would wait
    for a click nobody makes, and the test would hang instead of failing)."""
    shown: list[str] = []

    def warning(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        shown.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_lp_is_asked_for_actual_size_the_pdfs_paper_and_the_dialogs_choices() -> None:
    request = PrintRequest("office", copies=2, duplex=True, first=3, last=5)
    assert lp_arguments(request, "A4") == [
        "-d", "office", "-n", "2", "-t", JOB_TITLE, "-o", "print-scaling=none",
        "-o", "media=A4", "-o", "sides=two-sided-long-edge", "-P", "3-5", "-",
    ]
    assert media_name(612, 792) == "Letter" and media_name(595.3, 841.9) == "A4"
    assert media_name(242.6, 153.0) == "Custom.3.37x2.12in"


@pytest.mark.slow
def test_the_workbook_reaches_a_cups_queue_as_vector_pages_at_its_size(
    qtbot: Any, window: MainWindow, cups_queue: cups.Queue, warnings_shown: list[str]
) -> None:
    window.open_example()
    window.controller.set("print_settings.paper", Paper.A4)
    result = window.build("workbook")
    exported = PdfReader(io.BytesIO(result.pdf))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, result.pdf)
    printer.setPrinterName(cups_queue.name)
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat  # Qt sees the queue
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 4)
    with qtbot.waitSignal(window.printed, timeout=30000) as sent:
        window.send_to_printer(result.pdf, printer)
    assert sent.args == [""], warnings_shown
    qtbot.waitUntil(lambda: cups.jobs_done(cups_queue), timeout=90000)
    (made,) = cups_queue.output.glob("*.pdf")
    printed = PdfReader(made)
    assert len(printed.pages) == 3
    want = exported.pages[0].mediabox
    for page in printed.pages:
        assert float(page.mediabox.width) == pytest.approx(float(want.width), abs=1.5)
        assert float(page.mediabox.height) == pytest.approx(float(want.height), abs=1.5)
    # Vector, not pictures of pages: the words are there as text, and the
    # file is about the size of the exported PDF's pages (a raster job of
    # three pages would be megabytes).
    text = " ".join(page.extract_text() or "" for page in printed.pages)
    assert "How to use this workbook" in text
    assert made.stat().st_size < 2 * len(result.pdf)
    assert not any(page.images for page in printed.pages)


def test_print_to_file_writes_the_vector_pdf(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    window.new_plan()
    result = window.build("wallet")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, result.pdf)
    out = tmp_path / "cards.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    window.send_to_printer(result.pdf, printer)
    assert out.read_bytes() == result.pdf


def test_the_window_keeps_running_while_the_workbook_is_built(
    qtbot: Any, window: MainWindow
) -> None:
    window.open_example()
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    window.build("workbook")
    # The timer fired during the build: the UI thread was free to draw.
    assert ran == [True]


def pdf_printer(path: Path, dpi: int) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def test_rendered_printing_shows_progress_and_prints_each_page_at_its_size(
    qtbot: Any, window: MainWindow, tmp_path: Path, warnings_shown: list[str]
) -> None:
    window.new_plan()
    result = window.build("contact")
    pages = len(PdfReader(io.BytesIO(result.pdf)).pages)
    printer = pdf_printer(tmp_path / "out.pdf", 100)
    prepare_printer(printer, result.pdf)
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(window.printed, timeout=60000) as sent:
        job = window.print_rendered(result.pdf, printer)
        job.progress.connect(lambda done, total: seen.append((done, total)))
    assert sent.args == [""], warnings_shown
    assert seen == [(n, pages) for n in range(1, pages + 1)]
    assert window.statusBar().currentMessage() == "Sent to the printer"
    printed = PdfReader(tmp_path / "out.pdf")
    want = PdfReader(io.BytesIO(result.pdf)).pages[0].mediabox
    assert len(printed.pages) == pages
    assert float(printed.pages[0].mediabox.width) == pytest.approx(float(want.width), abs=1)
    assert float(printed.pages[0].mediabox.height) == pytest.approx(float(want.height), abs=1)


def test_cancel_stops_rendered_printing_after_the_page_under_way(
    qtbot: Any, window: MainWindow, tmp_path: Path, warnings_shown: list[str]
) -> None:
    window.open_example()
    result = window.build("workbook")
    pages = len(PdfReader(io.BytesIO(result.pdf)).pages)
    printer = pdf_printer(tmp_path / "out.pdf", 100)
    seen: list[int] = []

    def first_page(done: int, _total: int) -> None:
        seen.append(done)
        if done == 1:
            (progress,) = (dialog for dialog in window.findChildren(QProgressDialog)
                           if dialog.labelText() == "Printing…")
            cancel = progress.findChild(QPushButton)
            assert cancel is not None and cancel.text() == "Cancel"
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(window.printed, timeout=60000) as sent:
        job = window.print_rendered(result.pdf, printer)
        job.progress.connect(first_page)
    assert sent.args == ["canceled"]
    assert not warnings_shown
    assert window.statusBar().currentMessage() == "Printing canceled"
    assert 1 <= max(seen) < pages
