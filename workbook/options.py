"""What a build is asked for, and what it gives back. No Qt, no ReportLab.

The desktop program, the command line, the library and batch printing all
describe a build with `RenderOptions` and receive a `BuildResult`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .facility import Facility
from .plan import Paper, Plan

# The one name for what a print or an export holds: the whole workbook, only
# the contact-card sheets, or only the wallet crisis card.
Which = Literal["workbook", "contact", "wallet"]
WHICH: tuple[Which, ...] = ("workbook", "contact", "wallet")


@dataclass(frozen=True)
class ReviewEntry:
    """One past review of the plan, for the printed review log."""

    date: dt.date
    reason: str
    summary: str


@dataclass(frozen=True)
class RenderOptions:
    paper: Paper = Paper.LETTER
    large_print: bool = False
    facility: Facility | None = None
    reviews: tuple[ReviewEntry, ...] = ()
    wallet_copies: int = 2
    wallet_duplex: bool = False

    @classmethod
    def for_plan(
        cls,
        plan: Plan,
        *,
        paper: Paper | None = None,
        large_print: bool | None = None,
        facility: Facility | None = None,
        reviews: tuple[ReviewEntry, ...] = (),
    ) -> RenderOptions:
        """The plan's own print settings, with any of them overridden."""
        settings = plan.print_settings
        return cls(
            paper=paper if paper is not None else settings.paper,
            large_print=settings.large_print if large_print is None else large_print,
            facility=facility,
            reviews=reviews,
        )


@dataclass(frozen=True)
class OverflowNote:
    """Something that did not fit on a card at the smallest readable size.

    `where` names the card and side ("wallet card, back"), `item` what was
    shortened or left off, `field_path` the plan field it comes from (for the
    desktop form to jump to), `action` what happened ("shortened", "left off").
    """

    where: str
    item: str
    action: str = "shortened"
    field_path: str | None = None

    def message(self) -> str:
        return f"{self.where}: {self.item} {self.action}"


@dataclass(frozen=True)
class BuildResult:
    pdf: bytes
    page_count: int
    overflow: tuple[OverflowNote, ...] = field(default=())
