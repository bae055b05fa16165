"""What every PDF of the program says about itself: one definition for the workbook and the cards.

Title (never the client's name: it is health information), creator, the
printed language (/Lang, for screen readers), a creation date that is the
plan's own (so the same plan always gives the same bytes), no scaling when
printed (cards and calibration bars must measure true), and the fonts every
page starts with.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from .content import PrintContent
from .fonts import BODY

DOCUMENT_TITLE = "Recovery Workbook"
CARDS_TITLE = "Recovery Workbook cards"
CREATOR = "Recovery Workbook"
# The language tag of the document (PDF /Lang) for each workbook language.
LANGUAGE_TAGS = {"en": "en-US", "es": "es-US"}


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself besides the generic title: when it was made
    (the plan's date, so the same plan always gives the same bytes) and its language."""

    created: dt.date
    language: str = "en"

    @classmethod
    def of(cls, content: PrintContent) -> DocumentInfo:
        return cls(created=content.created, language=content.language)

    @property
    def language_tag(self) -> str:
        return LANGUAGE_TAGS.get(self.language, self.language)

    def pdf_date(self, *_: int) -> str:
        """The creation date in PDF form (ReportLab's date formatter hook)."""
        return f"D:{self.created:%Y%m%d}000000+00'00'"


def apply_info(canv: Canvas, info: DocumentInfo) -> None:
    """Stamp `info` on a new canvas: creation and change date."""
    canv.setDateFormatter(info.pdf_date)


def document_settings(info: DocumentInfo, title: str = DOCUMENT_TITLE) -> dict[str, Any]:
    """The keyword arguments every document template of the program is made with."""
    return {
        "lang": info.language_tag,
        "title": title,
        "author": "",
        "subject": "",
        "creator": CREATOR,
        "producer": CREATOR,
        "keywords": [],
        "invariant": 1,  # no build time or random ID in the file
        "pageCompression": 1,
        "printScaling": "None",  # the print dialog offers "Actual size"
        "initialFontName": BODY,  # otherwise every page names Helvetica, unembedded
        "initialFontSize": 10,
        "initialLeading": 12,
    }
