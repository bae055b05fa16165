"""Printing: the PDF itself to a CUPS queue, vector pages at the workbook's size."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
)

from workbook.ui.mainwindow import BeforePrintDialog, MainWindow
from workbook.ui.printing import (
    CANCELED_LATE,
    JOB_TITLE,
    CupsJob,
    PrintRequest,
    chosen_pages,
    lp_arguments,
    media_name,
    prepare_printer,
    request_from,
    sides,
)

from . import cups
from .conftest import answer_boxes


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
    """What the window would have said in a warning box."""
    return answer_boxes(monkeypatch, "warning")


def test_lp_is_asked_for_actual_size_the_pdfs_paper_and_the_dialogs_choices() -> None:
    request = PrintRequest("office", copies=2, sides="two-sided-long-edge", pages="3-5,7")
    assert lp_arguments(request, "A4") == [
        "-d", "office", "-n", "2", "-t", JOB_TITLE, "-o", "print-scaling=none",
        "-o", "media=A4", "-o", "sides=two-sided-long-edge", "-P", "3-5,7",
        "-o", "collate=true", "-",
    ]
    # What else the dialog chose goes along: collated or not, last page first,
    # and the choices Qt leaves to CUPS (odd pages only, here).
    request = PrintRequest("office", copies=3, sides="one-sided", pages="", collate=False,
                           reverse=True, options=(("page-set", "odd"),))
    assert lp_arguments(request, "Letter") == [
        "-d", "office", "-n", "3", "-t", JOB_TITLE, "-o", "print-scaling=none",
        "-o", "media=Letter", "-o", "sides=one-sided", "-o", "collate=false",
        "-o", "outputorder=reverse", "-o", "page-set=odd", "-",
    ]
    assert media_name(612, 792) == "Letter" and media_name(595.3, 841.9) == "A4"
    assert media_name(242.6, 153.0) == "Custom.3.37x2.12in"


def test_the_print_dialogs_pages_and_sides_are_read_as_chosen(qapp: Any) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    assert chosen_pages(printer, 5) == [1, 2, 3, 4, 5]
    # "Pages: 2-3,7" in the dialog, not "from 2 to 7".
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    ranges.addPage(7)
    printer.setPageRanges(ranges)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    assert chosen_pages(printer, 9) == [2, 3, 7]
    assert chosen_pages(printer, 6) == [2, 3]
    assert request_from(printer).pages == "2-3,7"
    duplex = QPrinter.DuplexMode
    assert sides(duplex.DuplexShortSide, False) == "two-sided-short-edge"
    assert sides(duplex.DuplexLongSide, False) == "two-sided-long-edge"
    assert sides(duplex.DuplexNone, True) == "one-sided"
    assert sides(duplex.DuplexAuto, True) == "two-sided-long-edge"
    assert sides(duplex.DuplexAuto, False) == "one-sided"


def when_shown(kind: type[QDialog], act: Callable[[Any], None]) -> None:
    """Do `act` to the next modal dialog of this kind once it is up (its exec()
    runs its own event loop, so this is how a person's answer gets in)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


@pytest.mark.slow
def test_the_workbook_reaches_a_cups_queue_as_vector_pages_at_its_size(
    qtbot: Any, window: MainWindow, cups_queue: cups.Queue, warnings_shown: list[str]
) -> None:
    window.open_example()  # Letter; the cups-pdf queue's own paper is A4
    pdf = window.build("workbook").pdf
    exported = PdfReader(io.BytesIO(pdf))

    def choose_pages(dialog: QPrintDialog) -> None:
        dialog.findChild(QComboBox, "printers").setCurrentText(cups_queue.name)
        # "Pages: 2-3,5": Qt keeps this only as a CUPS option, not on the QPrinter.
        dialog.findChild(QRadioButton, "pagesRadioButton").setChecked(True)
        dialog.findChild(QLineEdit, "pagesLineEdit").setText("2-3,5")
        dialog.accept()

    def print_anyway(dialog: BeforePrintDialog) -> None:  # the wallet card's notes
        when_shown(QPrintDialog, choose_pages)
        dialog.print_button.click()

    when_shown(BeforePrintDialog, print_anyway)
    with qtbot.waitSignal(window.printed, timeout=60000) as sent:
        window.print_dialog("workbook")
    assert sent.args == [""], warnings_shown
    qtbot.waitUntil(lambda: cups.jobs_done(cups_queue), timeout=90000)
    (made,) = cups_queue.output.glob("*.pdf")
    printed = PdfReader(made)
    assert len(printed.pages) == 3
    want = exported.pages[0].mediabox
    assert (float(want.width), float(want.height)) == (612, 792)
    for page in printed.pages:
        assert float(page.mediabox.width) == pytest.approx(float(want.width), abs=1.5)
        assert float(page.mediabox.height) == pytest.approx(float(want.height), abs=1.5)
    # Vector, not pictures of pages: the words are there as text, and the
    # file is about the size of the exported PDF's pages (a raster job of
    # three pages would be megabytes).
    text = " ".join(page.extract_text() or "" for page in printed.pages)
    assert "How to use this workbook" in text
    assert made.stat().st_size < 2 * len(pdf)
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
    want = PdfReader(io.BytesIO(result.pdf)).pages[0].mediabox
    printer = pdf_printer(tmp_path / "out.pdf", 100)
    prepare_printer(printer, result.pdf)
    # The print dialog puts the printer's own paper back (Qt's does on Linux).
    other = QPageSize.PageSizeId.A4 if float(want.width) < 600 else QPageSize.PageSizeId.Letter
    printer.setPageSize(QPageSize(other))
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(window.printed, timeout=60000) as sent:
        job = window.print_rendered(result.pdf, printer)
        job.progress.connect(lambda done, total: seen.append((done, total)))
    assert sent.args == [""], warnings_shown
    assert seen == [(n, pages) for n in range(1, pages + 1)]
    assert window.statusBar().currentMessage() == "Sent to the printer"
    printed = PdfReader(tmp_path / "out.pdf")
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
    # Qt's PDF engine (like its CUPS one) cannot drop a job: the pages done
    # are written, and the window says they may still print.
    assert sent.args == [CANCELED_LATE]
    assert not warnings_shown
    assert window.statusBar().currentMessage() == (
        "Printing canceled. The pages done before that may still print.")
    assert 1 <= max(seen) < pages
    assert len(PdfReader(tmp_path / "out.pdf").pages) == max(seen)


@pytest.mark.slow
def test_a_queue_that_refuses_the_job_is_named_in_one_line(
    qtbot: Any, window: MainWindow, cups_queue: cups.Queue
) -> None:
    window.new_plan()
    pdf = window.build("wallet").pdf
    job = CupsJob(pdf, PrintRequest("no-such-queue", copies=1, sides="one-sided", pages=""))
    with qtbot.waitSignal(job.done, timeout=30000) as said:
        job.start()
    (message,) = said.args
    assert message and "\n" not in message
    assert "no-such-queue" in message or "does not exist" in message
