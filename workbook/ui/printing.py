"""Printing PDF bytes at actual size, never on the UI thread's time.

Three ways, best first:

- On a system with CUPS (Linux, macOS) the PDF itself goes to the chosen
  queue with CUPS's own `lp` command (cups-client), run as a separate
  process: the printer gets vector pages, the window never waits. The
  print dialog's copies, two-sided setting and pages go with it (with the
  choices Qt's dialog leaves to CUPS: "Pages: 2-3,5", odd/even pages), and
  so do `print-scaling=none` and the PDF's own paper size, or the cards
  come out at the wrong size. (`lp` rather than a Python IPP library: it is
  on every CUPS system, honours the user's lpoptions and CUPS_SERVER, and
  needs no new dependency.)
- "Print to file" writes the vector PDF itself.
- Elsewhere (Windows), `RasterJob` renders the pages in a worker thread at
  the printer's resolution (at most 600 dpi), one page at a time, with
  progress and a way to cancel; each page is drawn in physical units from
  the paper's corner on the PDF's paper, whatever the printer's margins.
  Rendering and drawing leave Python's lock free most of the time (see
  `_PageImages` and BAND_ROWS), so the window's own code keeps running.

No PDF content is made here.
"""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QObject,
    QProcess,
    QRectF,
    QSize,
    QSizeF,
    QThread,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPrintSupport import QPrintEngine, QPrinter, QPrinterInfo

from ..text.i18n import _

# Sharp text and cut lines; one page at a time, so a 600 dpi Letter page
# (about 130 MB as an image) is the most ever held.
MAX_RENDER_DPI = 600
# Rows of a rendered page drawn onto the printer at a time (about 40 ms each
# at 600 dpi), so the window's Python code gets its turn between them.
BAND_ROWS = 128
# The job's name in the print queue: never the client's name (health information).
JOB_TITLE = "Recovery Workbook"


class PrintError(Exception):
    """The pages could not be printed; the message is for a person."""


# Not messages: what a canceled job's PrintError (and RasterJob.done) says.
CANCELED = "canceled"
# The printer could not drop the job: the pages done before Cancel still print.
CANCELED_LATE = "canceled, pages sent"


def open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A document reading from memory (keep the buffer alive as long as it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError(_("the workbook could not be read for printing"))
    return document, buffer


def can_duplex(printer: QPrinter) -> bool:
    info = QPrinterInfo(printer)
    if info.isNull():
        return False
    modes = info.supportedDuplexModes()
    return any(mode != QPrinter.DuplexMode.DuplexNone for mode in modes)


def use_pdf_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Paper size of the PDF's first page, no scaling, margins ignored."""
    size = document.pagePointSize(0)
    page_size = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point,
                          "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def prepare_printer(printer: QPrinter, pdf: bytes) -> None:
    """The PDF's paper, and its pages for the print dialog's page range."""
    document, _buffer = open_pdf(pdf)
    use_pdf_paper(printer, document)
    printer.setFromTo(1, document.pageCount())


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (from 1) the print dialog chose ("2-4,7"), in order; all by default."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(1, count + 1))
    return [number for chosen in ranges.toRangeList()
            for number in range(chosen.from_, chosen.to + 1) if 1 <= number <= count]


class _PageImages:
    """Pages as images, rendered by QtPdf's own render thread.

    `QPdfDocument.render` holds Python's lock for the whole page (PySide
    does not let go of it there), and so would stop the window's Python
    code for 100-150 ms a page at 600 dpi. QPdfPageRenderer renders in a
    thread of its own that needs no Python; this thread waits in an event
    loop (which lets go of the lock) for the page to come back.
    """

    def __init__(self, document: QPdfDocument) -> None:
        self._renderer = QPdfPageRenderer()
        self._renderer.setDocument(document)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.pageRendered.connect(self._rendered)
        self._loop = QEventLoop()
        self._image = QImage()

    def _rendered(self, _page: int, _size: QSize, image: QImage, *_rest: object) -> None:
        self._image = image
        self._loop.quit()

    def render(self, number: int, size: QSize) -> QImage:
        # The answer is queued to this thread: it cannot arrive before exec().
        self._renderer.requestPage(number, size)
        self._loop.exec()
        image, self._image = self._image, QImage()
        if image.isNull():
            raise PrintError(_("the workbook could not be read for printing"))
        return image

    def close(self) -> None:
        """Stop the render thread now, while the document it reads is still there."""
        shiboken6.delete(self._renderer)


def print_pdf(
    pdf: bytes,
    printer: QPrinter,
    page_done: Callable[[int, int], bool] = lambda _done, _total: True,
) -> int:
    """Print the pages the printer asks for (all by default); returns how many.

    `page_done(done, total)` is told after each page; False stops the job.
    """
    document, _buffer = open_pdf(pdf)
    numbers = chosen_pages(printer, document.pageCount())
    if not numbers:
        raise PrintError(_("no pages in the chosen range"))
    # The print dialog puts the printer's own paper back; the pages are
    # printed at actual size, so on the PDF's paper.
    use_pdf_paper(printer, document)
    resolution = printer.resolution()
    render_dpi = min(resolution, MAX_RENDER_DPI)
    scale = resolution / render_dpi
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("the printer could not be started"))
    pages = _PageImages(document)
    printed = 0
    try:
        for number in numbers:
            if printed:
                printer.newPage()
            points = document.pagePointSize(number - 1)
            image = pages.render(
                number - 1,
                QSize(round(points.width() * render_dpi / 72),
                      round(points.height() * render_dpi / 72)),
            )
            # Physical size: each image pixel is 1/render_dpi inch, from the
            # paper's corner. Drawn in bands: drawImage, too, holds Python's
            # lock, for about a second for a whole 600 dpi page.
            for top in range(0, image.height(), BAND_ROWS):
                rows = min(BAND_ROWS, image.height() - top)
                painter.drawImage(
                    QRectF(0, top * scale, image.width() * scale, rows * scale),
                    image,
                    QRectF(0, top, image.width(), rows),
                )
            printed += 1
            if not page_done(printed, len(numbers)):
                # Qt's PDF and CUPS engines cannot abort: what is drawn is sent.
                raise PrintError(CANCELED if printer.abort() else CANCELED_LATE)
    finally:
        painter.end()
        pages.close()
    return printed


# -- what the print dialog asked for --------------------------------------------


@dataclass(frozen=True)
class PrintRequest:
    """The print dialog's choices, read once on the UI thread."""

    printer_name: str
    copies: int
    sides: str  # as CUPS names them: one-sided, two-sided-long-edge, two-sided-short-edge
    pages: str  # "2-4,7"; "" for every page
    collate: bool = True
    reverse: bool = False
    # What Qt's print dialog hands to CUPS itself (page-ranges for "Pages:",
    # page-set, number-up...), less what this program decides.
    options: tuple[tuple[str, str], ...] = ()


# Qt's print dialog keeps some choices only as CUPS options on its print
# engine, under this key (QCUPSSupport's PPK_CupsOptions): "Pages: 2-3,5" is
# page-ranges there and nowhere on the QPrinter. The PDF's paper and actual
# size are this program's to set.
CUPS_OPTIONS_KEY = QPrintEngine.PrintEnginePropertyKey(0xFE00)
OURS = frozenset({"media", "print-scaling", "fit-to-page", "scaling", "sides", "copies",
                  "landscape", "orientation-requested"})


def dialog_cups_options(printer: QPrinter) -> tuple[tuple[str, str], ...]:
    engine = printer.printEngine()
    flat = engine.property(CUPS_OPTIONS_KEY) if engine is not None else None
    if not isinstance(flat, list) or len(flat) % 2:
        return ()
    pairs = zip(flat[::2], flat[1::2], strict=True)
    return tuple((str(key), str(value)) for key, value in pairs
                 if str(value) and str(key) not in OURS)


def sides(mode: QPrinter.DuplexMode, printer_can_duplex: bool) -> str:
    """The print dialog's two-sided choice as CUPS names it."""
    if mode == QPrinter.DuplexMode.DuplexAuto:
        # Qt's own meaning: two-sided where the printer can.
        mode = (QPrinter.DuplexMode.DuplexLongSide if printer_can_duplex
                else QPrinter.DuplexMode.DuplexNone)
    return {
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    }.get(mode, "one-sided")


def request_from(printer: QPrinter) -> PrintRequest:
    mode = printer.duplex()
    two_sided = sides(mode, mode == QPrinter.DuplexMode.DuplexAuto and can_duplex(printer))
    ranges = printer.pageRanges()
    pages = "" if ranges.isEmpty() else ranges.toString()
    return PrintRequest(
        printer.printerName(), max(1, printer.copyCount()), two_sided, pages,
        collate=printer.collateCopies(),
        reverse=printer.pageOrder() == QPrinter.PageOrder.LastPageFirst,
        options=dialog_cups_options(printer),
    )


def prints_to_file(printer: QPrinter) -> bool:
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(
        printer.outputFileName()
    )


def lp_program() -> str | None:
    """CUPS's `lp`, where this system prints through CUPS."""
    if sys.platform == "win32":
        return None
    return shutil.which("lp")


def media_name(width_pt: float, height_pt: float) -> str:
    """The paper of a PDF page as CUPS names it."""
    for name, (w, h) in (("Letter", (612.0, 792.0)), ("A4", (595.28, 841.89))):
        if abs(width_pt - w) < 2 and abs(height_pt - h) < 2:
            return name
    return f"Custom.{width_pt / 72:.2f}x{height_pt / 72:.2f}in"


def lp_arguments(request: PrintRequest, media: str) -> list[str]:
    """`lp`'s arguments for the PDF on standard input."""
    arguments = ["-n", str(request.copies), "-t", JOB_TITLE]
    if request.printer_name:
        arguments[:0] = ["-d", request.printer_name]
    arguments += ["-o", "print-scaling=none", "-o", f"media={media}"]
    arguments += ["-o", f"sides={request.sides}"]
    if request.pages:
        arguments += ["-P", request.pages]
    if request.copies > 1:
        arguments += ["-o", f"collate={'true' if request.collate else 'false'}"]
    if request.reverse:
        arguments += ["-o", "outputorder=reverse"]
    for key, value in request.options:
        arguments += ["-o", f"{key}={value}"]
    arguments.append("-")
    return arguments


class CupsJob(QObject):
    """The PDF handed to a CUPS queue by `lp`, in its own process.

    Signals:
        done(str): "" when the queue took the job, else a one-line message.
    """

    done = Signal(str)

    def __init__(self, pdf: bytes, request: PrintRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        document, _buffer = open_pdf(pdf)
        size = document.pagePointSize(0)
        self.arguments = lp_arguments(request, media_name(size.width(), size.height()))
        self._pdf = pdf
        self.process = QProcess(self)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed)

    def start(self) -> None:
        program = lp_program()
        if program is None:
            self.done.emit(_("the printing command lp is not installed (package cups-client)"))
            return
        self.process.start(program, self.arguments)
        self.process.write(self._pdf)
        self.process.closeWriteChannel()

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if code == 0:
            self.done.emit("")
            return
        error = bytes(self.process.readAllStandardError().data()).decode(errors="replace")
        self.done.emit(error.strip().splitlines()[-1] if error.strip()
                       else _("the printing command lp stopped with code {code}").format(code=code))

    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.done.emit(_("the printing command lp could not be started"))


class RasterJob(QThread):
    """Pages rendered and sent to a printer one at a time, off the UI thread.

    Signals:
        progress(int, int): pages done, pages in all.
        done(str): "" when every page was sent, else a one-line message
            (CANCELED or CANCELED_LATE after `cancel`).
    """

    progress = Signal(int, int)
    done = Signal(str)

    def __init__(self, pdf: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.printer = printer
        self._cancel = threading.Event()
        self.printed = 0

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            self.printed = print_pdf(self.pdf, self.printer, self._page_done)
            self.done.emit("")
        except PrintError as error:
            self.done.emit(str(error))

    def _page_done(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()
