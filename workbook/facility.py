"""A facility's profile: its name, logo, crisis lines and local resources.

Facilities print workbooks in batches with their own details on every copy.
A profile is a small TOML file; see README ("A facility's own text"). The
standard US crisis lines are used when a profile names none.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import Field, ValidationError

from .plan import Meeting, Paper, PlanFileError, Record, describe_validation_error
from .plan.common import RequiredText, Text, field, list_field


class CrisisLine(Record):
    name: RequiredText = field("Name", "", ...)
    number: RequiredText = field("Number", "As dialled: 988, 1-800-662-4357, 116 123...", ...)
    how: Text = field("How and when to use it", "")
    short: Text = field("On the wallet card", "A short form; the number is used if empty.")

    def card_text(self) -> str:
        return self.short.strip() or self.number


class LocalResource(Record):
    name: RequiredText = field("Name", "", ...)
    phone: Text = field("Phone", "")
    address: Text = field("Address", "")
    notes: Text = field("What it offers", "")


class Facility(Record):
    name: Text = field("Facility name", "Printed on the cover and in the footer.")
    address: Text = field("Address", "")
    phone: Text = field("Phone", "")
    logo: Path | None = field("Logo", "A PNG or JPEG file, relative to the profile.", None)
    paper: Paper | None = field("Default paper size", "", None)
    crisis_lines: list[CrisisLine] | None = Field(
        default=None,
        title="Crisis lines",
        description="Replaces the standard lines (988, SAMHSA, 911) when given.",
    )
    local_resources: list[LocalResource] = list_field("Local resources", "")
    meetings: list[Meeting] = list_field("Local meetings", "")


class FacilityFileError(PlanFileError):
    """A facility profile could not be read; one line, naming the file and field."""


def load_facility(path: Path) -> Facility:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FacilityFileError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise FacilityFileError(f"{path}: not a text file") from None
    except tomllib.TOMLDecodeError as error:
        raise FacilityFileError(f"{path}: not valid TOML ({error})") from None
    except OSError as error:
        raise FacilityFileError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        facility = Facility.model_validate(data)
    except ValidationError as error:
        raise FacilityFileError(f"{path}: {describe_validation_error(error)}") from None
    if facility.logo is not None:
        logo = facility.logo if facility.logo.is_absolute() else path.parent / facility.logo
        if not logo.is_file():
            raise FacilityFileError(f"{path}: logo: {logo} does not exist")
        facility = facility.model_copy(update={"logo": logo})
    return facility


class StandardLines(Record):
    last_checked: dt.date
    country: str
    lines: list[CrisisLine]


@cache
def standard_crisis_lines() -> StandardLines:
    """The bundled US crisis lines, with the date they were last checked."""
    text = (
        resources.files("workbook")
        .joinpath("templates", "catalogues", "crisis_lines_us.toml")
        .read_text(encoding="utf-8")
    )
    return StandardLines.model_validate(tomllib.loads(text))


def crisis_lines_for(facility: Facility | None) -> list[CrisisLine]:
    """The facility's own crisis lines, or the standard ones."""
    if facility is not None and facility.crisis_lines is not None:
        return list(facility.crisis_lines)
    return list(standard_crisis_lines().lines)
