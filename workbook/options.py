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
from .text.notes import note_message

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


def _plan_chose(plan: Plan, name: str) -> bool:
    """Whether the plan itself says `print_settings.<name>`.

    A plan read from a file or the library carries every setting it was saved
    with; one made in code (or a hand-written file leaving them out) does not,
    and then the facility's default applies.
    """
    return "print_settings" in plan.model_fields_set and (
        name in plan.print_settings.model_fields_set
    )


@dataclass(frozen=True)
class RenderOptions:
    """How one document is printed.

    `cover_name` is for a blank workbook only: the name printed on its cover
    (a roster row that gives just a name). `language` is the printed language
    of every word (a command-line flag, else the plan's own, else the facility's).
    """

    paper: Paper = Paper.LETTER
    large_print: bool = False
    facility: Facility | None = None
    reviews: tuple[ReviewEntry, ...] = ()
    wallet_copies: int = 2
    wallet_duplex: bool = False
    cover_name: str = ""
    language: str = "en"

    @classmethod
    def for_plan(
        cls,
        plan: Plan,
        *,
        paper: Paper | None = None,
        large_print: bool | None = None,
        facility: Facility | None = None,
        reviews: tuple[ReviewEntry, ...] = (),
        language: str | None = None,
    ) -> RenderOptions:
        """The plan's print settings: a flag (not None) beats the plan's own
        choice, which beats the facility's default, which beats the built-in one."""
        settings = plan.print_settings
        if language is None:
            if _plan_chose(plan, "language") or facility is None or facility.language is None:
                language = settings.language
            else:
                language = facility.language
        if paper is None:
            if _plan_chose(plan, "paper") or facility is None or facility.paper is None:
                paper = settings.paper
            else:
                paper = facility.paper
        if large_print is None:
            if _plan_chose(plan, "large_print") or facility is None or (
                facility.large_print is None
            ):
                large_print = settings.large_print
            else:
                large_print = facility.large_print
        return cls(
            paper=paper,
            large_print=large_print,
            facility=facility,
            reviews=reviews,
            language=language,
        )

    @classmethod
    def for_blank(
        cls,
        *,
        paper: Paper | None = None,
        large_print: bool | None = None,
        language: str | None = None,
        facility: Facility | None = None,
        cover_name: str = "",
    ) -> RenderOptions:
        """A blank workbook or card: a flag (not None) beats the facility's default."""
        defaults = facility or Facility()
        return cls(
            paper=paper or defaults.paper or Paper.LETTER,
            large_print=large_print if large_print is not None else bool(defaults.large_print),
            facility=facility,
            cover_name=cover_name.strip(),
            language=language or defaults.language or "en",
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
        """The note as one line in the interface language (workbook/text/notes.py)."""
        return note_message(self.where, self.item, self.action)


@dataclass(frozen=True)
class BuildResult:
    pdf: bytes
    page_count: int
    overflow: tuple[OverflowNote, ...] = field(default=())
