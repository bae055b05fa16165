"""The print content: plan, facility and options resolved once per build.

`resolve(plan, options)` turns what a build is asked for into one immutable
`PrintContent` that both the workbook (the builder, `Context`, the sections)
and the cards (contact sheets, the wallet card) read. Everything that could
be decided in more than one place is decided here, once:

- the crisis lines: a facility's own lines replace the standard US lines
  (each line carries the day it was last checked);
- what of the facility is printed (name, address, phone, logo, local
  resources and meetings);
- the printed language, its words (`gettext`), field titles (`title`) and
  the words of the plan's choices (`label`);
- how dates are written (`date`), by that language and the paper, and the
  day the document is dated (`created`).

This is the only printing module that reads `workbook.facility` (an
import-linter contract in pyproject.toml says so).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pydantic import BaseModel
from reportlab.lib.utils import ImageReader

from ..facility import (
    CrisisLine,
    Facility,
    FacilityFileError,
    LocalResource,
    crisis_lines_for,
    standard_crisis_lines,
)
from ..options import RenderOptions, ReviewEntry
from ..plan import Meeting, Paper, PathwayKind, Plan, field_title, label
from ..text.dates import format_date
from ..text.i18n import _, translator

__all__ = [
    "CrisisLine", "FacilityDetails", "LocalResource", "Logo", "PrintContent", "resolve",
]


@dataclass(frozen=True)
class Logo:
    """A facility's logo file (checked when the profile was loaded)."""

    path: Path

    def size(self) -> tuple[float, float]:
        """Its width and height in pixels, read when the cover is laid out.

        Not read while resolving: the cards and the desktop's card notes
        never print the logo.
        """
        try:
            width, height = ImageReader(str(self.path)).getSize()
        except Exception:  # PIL and ReportLab raise many kinds for a bad file
            raise FacilityFileError(
                _("{path}: logo is not a PNG or JPEG image").format(path=self.path)
            ) from None
        return float(width), float(height)


@dataclass(frozen=True)
class FacilityDetails:
    """What the workbook prints about the facility."""

    name: str  # as the profile writes it
    address: str
    phone: str
    logo: Logo | None
    local_resources: tuple[LocalResource, ...]
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class PrintContent:
    """One build's content: what the workbook and the cards print, decided once.

    `plan` is None for a blank workbook. `crisis_lines` are the lines to print
    wherever the plan asks for crisis lines (the facility's, else the
    standard ones in the printed language). `created` is the day the PDF is
    dated: the plan's date, else the day the standard lines were last checked
    (either way, the same bytes every time).
    """

    plan: Plan | None
    options: RenderOptions
    language: str
    name: str  # the client's preferred name or initials; a blank's cover name, or ""
    pathways: frozenset[PathwayKind]
    facility: FacilityDetails | None
    crisis_lines: tuple[CrisisLine, ...]
    created: dt.date

    @property
    def blank(self) -> bool:
        return self.plan is None

    @property
    def paper(self) -> Paper:
        return self.options.paper

    @property
    def large_print(self) -> bool:
        return self.options.large_print

    @property
    def reviews(self) -> tuple[ReviewEntry, ...]:
        return self.options.reviews

    @property
    def facility_name(self) -> str:
        """The facility's name for running text and the footer ("" for none)."""
        return self.facility.name.strip() if self.facility is not None else ""

    def date(self, day: dt.date | None) -> str:
        """A date as this workbook prints it: its language, written as where its paper is used."""
        return format_date(day, language=self.language, paper=self.paper)

    def gettext(self, message: str) -> str:
        """One of the workbook's own phrases, in the printed language."""
        return translator(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translator(self.language).ngettext(singular, plural, count)

    def title(self, model: type[BaseModel], name: str) -> str:
        """A field's title (the form's label), in the printed language."""
        return field_title(model, name, self.language)

    def label(self, value: Enum) -> str:
        """The words for one of the plan's choices, in the printed language."""
        return label(value, self.language)


def _details(facility: Facility) -> FacilityDetails:
    return FacilityDetails(
        name=facility.name,
        address=facility.address,
        phone=facility.phone,
        logo=Logo(facility.logo) if facility.logo is not None else None,
        local_resources=tuple(facility.local_resources),
        meetings=tuple(facility.meetings),
    )


def resolve(plan: Plan | None, options: RenderOptions) -> PrintContent:
    """Everything one build prints, from the plan (None: blank), the facility and the options."""
    facility = options.facility
    language = options.language
    created = plan.about.plan_date if plan is not None else None
    return PrintContent(
        plan=plan,
        options=options,
        language=language,
        name=plan.display_name() if plan is not None else options.cover_name,
        pathways=frozenset(plan.pathways.kinds()) if plan is not None else frozenset(),
        facility=_details(facility) if facility is not None else None,
        crisis_lines=tuple(crisis_lines_for(facility, language)),
        created=created or standard_crisis_lines(language).last_checked,
    )
