"""The printed workbook and its cards: pure functions of (plan, options) -> PDF bytes. No Qt.

Three entry points, and `build_pdf` to choose among them by `Which`:

- `build_workbook`: the whole workbook, card sheets at its end;
- `build_cards_pdf(..., "contact")`: only the contact-card sheets;
- `build_cards_pdf(..., "wallet")`: only the wallet crisis card.

`card_overflow` says what will not fit on the cards, without building a PDF.
"""

from __future__ import annotations

from .paragraph_import import import_paragraph

import_paragraph()  # before anything imports ReportLab's platypus

from ..options import WHICH, BuildResult, RenderOptions, Which
from ..plan import Plan
from .builder import build_workbook
from .cards import CardSheet, build_cards_pdf, card_overflow


def build_pdf(plan: Plan | None, options: RenderOptions, which: Which = "workbook") -> BuildResult:
    """The workbook, the contact-card sheets or the wallet card, as PDF bytes."""
    if which == "workbook":
        return build_workbook(plan, options)
    if which in ("contact", "wallet"):
        return build_cards_pdf(plan, options, which)
    raise ValueError(f"which must be one of {WHICH}, not {which!r}")


__all__ = [
    "WHICH",
    "CardSheet",
    "Which",
    "build_cards_pdf",
    "build_pdf",
    "build_workbook",
    "card_overflow",
]
