"""The card entry points: card pages for the workbook, card notes, card-only PDFs.

- `card_story(content)`: the card sheets as flowables for the end of the
  workbook (beginning with the switch to the "fullpage" template), and the
  notes of what did not fit, from the workbook's resolved content.
- `card_overflow(plan, options)`: only the notes, without building a PDF.
- `build_cards_pdf(plan, options, which)`: a PDF of only the contact cards or
  only the wallet card.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ...geometry import PAGE_SIZES, Size
from ...options import BuildResult, OverflowNote, RenderOptions
from ...plan import Plan
from .. import collector
from ..content import PrintContent, resolve
from ..contents import Marker
from ..fonts import register_fonts
from ..metadata import CARDS_TITLE, DocumentInfo, apply_info, document_settings
from ..writer import use as use_fast_writer
from .contact import contact_flowables, contact_sheets
from .content import WALLET_BACK, WALLET_FRONT
from .layout import LEFT_OFF
from .wallet import wallet_flowables, wallet_notes

# The markers of the card sheets' first pages (the contents page lists them).
CONTACT_MARKER = "contact_cards"
WALLET_MARKER = "wallet_card"

# What a card-only PDF holds: the contact-card sheets or the wallet card.
CardSheet = Literal["contact", "wallet"]


def _sheets(
    content: PrintContent, which: Sequence[CardSheet]
) -> tuple[list[Flowable], list[OverflowNote]]:
    register_fonts()
    flowables: list[Flowable] = []
    wallet_notes: list[OverflowNote] = []
    contact_notes: list[OverflowNote] = []
    if "contact" in which:
        sheets, contact_notes = contact_flowables(content)
        if sheets:
            flowables += [Marker(CONTACT_MARKER), *sheets]
    if "wallet" in which:
        sheets, wallet_notes = wallet_flowables(content)
        if flowables:
            flowables.append(PageBreak())
        flowables += [Marker(WALLET_MARKER), *sheets]
    # The wallet card matters most in a crisis: its notes come first.
    return flowables, wallet_notes + contact_notes


def in_the_workbook(notes: Sequence[OverflowNote], page: int | None) -> list[OverflowNote]:
    """The notes, with what the wallet card left off named as only in the workbook, on
    the crisis plan's `page` when known (the card says "More in my workbook, page N")."""
    action = (f"left off the card; in the workbook on page {page}" if page is not None
              else "left off the card; only in the workbook")
    return [replace(note, action=action)
            if note.where in (WALLET_FRONT, WALLET_BACK) and note.action == LEFT_OFF else note
            for note in notes]


def card_story(content: PrintContent) -> tuple[list[Flowable], list[OverflowNote]]:
    """The card sheets for the end of the workbook, each exactly one full page."""
    flowables, notes = _sheets(content, ("contact", "wallet"))
    return [NextPageTemplate("fullpage"), PageBreak(), *flowables], notes


def card_overflow(plan: Plan | None, options: RenderOptions) -> list[OverflowNote]:
    """What will not fit on the cards at the smallest readable size (no PDF is built)."""
    register_fonts()
    content = resolve(plan, options)
    return in_the_workbook(wallet_notes(content) + list(contact_sheets(content).notes), None)


class _CardsDocument(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, page: Size, duplex: bool, info: DocumentInfo) -> None:
        frame = Frame(0, 0, page.width, page.height, id="fullpage", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        super().__init__(
            buffer,
            pagesize=(page.width, page.height),
            pageTemplates=[PageTemplate("fullpage", [frame])],
            duplex="DuplexFlipLongEdge" if duplex else None,
            **document_settings(info, CARDS_TITLE),
        )


@collector.paused()
def build_cards_pdf(plan: Plan | None, options: RenderOptions, which: CardSheet) -> BuildResult:
    """A PDF of only the contact cards, or only the wallet card."""
    if which not in ("contact", "wallet"):
        raise ValueError(f"which must be 'contact' or 'wallet', not {which!r}")
    content = resolve(plan, options)
    flowables, notes = _sheets(content, (which,))
    buffer = io.BytesIO()
    info = DocumentInfo.of(content)
    document = _CardsDocument(buffer, PAGE_SIZES[options.paper],
                              duplex=which == "wallet" and options.wallet_duplex, info=info)

    def dated_canvas(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        use_fast_writer(canvas)
        apply_info(canvas, info)
        return canvas

    document.build(flowables, canvasmaker=dated_canvas)
    return BuildResult(buffer.getvalue(), document.page, tuple(in_the_workbook(notes, None)))
