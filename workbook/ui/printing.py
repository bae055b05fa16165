"""Printing PDF bytes at actual size: every page drawn at 100 %, never fitted.

Cards must come out at their exact size, so each page is rendered and drawn
onto the printer's page in physical units (1 pt = 1/72 in) from the paper's
corner, whatever the printer's margins. No PDF content is made here.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ..text.i18n import _

# Enough for sharp text and cut lines; a 600 dpi page would need 130 MB.
MAX_RENDER_DPI = 300


class PrintError(Exception):
    """The pages could not be printed; the message is for a person."""


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


def prepare_printer(printer: QPrinter, pdf: bytes) -> None:
    """Paper size of the PDF's first page, no scaling, margins ignored."""
    document, _buffer = open_pdf(pdf)
    size = document.pagePointSize(0)
    page_size = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point,
                          "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setFromTo(1, document.pageCount())


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print the pages the printer asks for (all by default); returns how many."""
    document, _buffer = open_pdf(pdf)
    printer.setFullPage(True)
    count = document.pageCount()
    first = max(1, printer.fromPage() or 1)
    last = min(count, printer.toPage() or count)
    if first > last:
        raise PrintError(_("no pages in the chosen range"))
    resolution = printer.resolution()
    render_dpi = min(resolution, MAX_RENDER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("the printer could not be started"))
    printed = 0
    try:
        for number in range(first - 1, last):
            if printed:
                printer.newPage()
            points = document.pagePointSize(number)
            image = document.render(
                number,
                QSize(round(points.width() * render_dpi / 72),
                      round(points.height() * render_dpi / 72)),
            )
            # Physical size: points at the printer's resolution, from the paper's corner.
            target = QRectF(0, 0, points.width() * resolution / 72,
                            points.height() * resolution / 72)
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
