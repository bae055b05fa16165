"""A facility's profile: its name, logo, crisis lines and local resources.

Facilities print workbooks in batches with their own details on every copy.
A profile is a small TOML file; see README ("A facility's own text"). The
standard US crisis lines are used when a profile names none.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from .folders import config_folder as config_folder  # where it was before
from .plan import (
    Language,
    Meeting,
    Paper,
    Plan,
    PlanFileError,
    PrintSettings,
    Record,
    describe_validation_error,
)
from .plan.common import RequiredText, Text, field, list_field
from .plan.io import read_input_bytes, shown
from .text.i18n import _, languages

# The languages a workbook can be printed in: the plan's own list.
LANGUAGES: tuple[str, ...] = languages()


class CrisisLine(Record):
    name: RequiredText = field("Name", "", ...)
    number: RequiredText = field("Number", "As dialed: 988, 1-800-662-4357, 116 123...", ...)
    how: Text = field("How and when to use it", "")
    short: Text = field("On the wallet card", "A short form; the number is used if empty.")
    last_checked: dt.date = field(
        "Last checked", "The day someone last called this number to check it still works.", ...
    )

    @model_validator(mode="before")
    @classmethod
    def _needs_last_checked(cls, data: Any) -> Any:
        # A number nobody has checked may be out of service when it matters most:
        # the message names the line, so a facility knows which one to call.
        # (Other missing fields are reported first, in pydantic's own words.)
        if (isinstance(data, dict) and data.get("last_checked") in (None, "")
                and data.get("name") and data.get("number")):
            name = str(data["name"])
            raise ValueError(
                f"last_checked: missing for {name!r}; add the date the number was last "
                "checked, for example last_checked = 2026-11-01"
            )
        return data

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
    paper: Paper | None = field(
        "Default paper size", "For blank copies and plans that do not choose one.", None
    )
    large_print: bool | None = field(
        "Default large print", "For blank copies and plans that do not choose.", None
    )
    language: Language | None = field(
        "Default language", "For blank copies and new plans.", None
    )
    crisis_lines: list[CrisisLine] | None = Field(
        default=None,
        title="Crisis lines",
        description="Replaces the standard lines (988, SAMHSA, 911) when given.",
    )
    local_resources: list[LocalResource] = list_field("Local resources", "")
    meetings: list[Meeting] = list_field("Local meetings", "")

    def label(self) -> str:
        """How the desktop names the profile: its name, else its phone, else "unnamed"."""
        return self.name.strip() or self.phone.strip() or "unnamed facility"


class FacilityFileError(PlanFileError):
    """A facility profile could not be read; one line, naming the file and field."""


# A logo is printed a few centimetres wide: anything larger is not a logo.
MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000
LOGO_FORMATS = {"PNG": ".png", "JPEG": ".jpg"}


def check_logo(path: Path) -> str:
    """Make sure `path` is a whole PNG or JPEG image; returns its file suffix.

    Raises FacilityFileError naming the field ("logo: ...") otherwise, so a
    bad file is reported when the profile is loaded, not halfway through a batch.
    """
    # Pillow is imported here, not with the module: only a profile with a
    # logo needs it, and every `build` imports this module.
    from PIL import Image, UnidentifiedImageError

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FacilityFileError(_("logo: {path} does not exist").format(path=shown(path))) from None
    except OSError as error:
        raise FacilityFileError(_(
            "logo: {path} cannot be read ({strerror})"
        ).format(path=shown(path), strerror=error.strerror)) from None
    except ValueError:  # a NUL character in the name
        raise FacilityFileError(_("logo: not a usable file name")) from None
    if not path.is_file():
        raise FacilityFileError(_("logo: {path} is not a file").format(path=shown(path)))
    if size > MAX_LOGO_BYTES:
        raise FacilityFileError(_(
            "logo: {path} is larger than 10 MB; use a smaller image"
        ).format(path=shown(path)))
    try:
        with Image.open(path) as image:
            kind = image.format or ""
            width, height = image.size
            if kind not in LOGO_FORMATS:
                raise FacilityFileError(
                    _(
                        "logo: {path} is a {value} file, not a PNG or JPEG image"
                    ).format(path=shown(path), value=kind or 'non-image')
                )
            if width * height > MAX_LOGO_PIXELS:
                raise FacilityFileError(_(
                    "logo: {path} is too large ({width} x {height} pixels)"
                ).format(path=shown(path), width=width, height=height))
            image.load()  # decodes every byte: a cut-off download fails here
    except FacilityFileError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise FacilityFileError(_(
            "logo: {path} is not a PNG or JPEG image"
        ).format(path=shown(path))) from None
    return LOGO_FORMATS[kind]


# A profile is a page of TOML; anything this big is not one.
MAX_PROFILE_BYTES = 2**20


def load_facility(path: Path) -> Facility:
    where = shown(path)
    try:
        raw = read_input_bytes(path, what="facility profile", limit=MAX_PROFILE_BYTES)
    except PlanFileError as error:
        raise FacilityFileError(str(error)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise FacilityFileError(_("{path}: not a text file").format(path=where)) from None
    except tomllib.TOMLDecodeError as error:
        raise FacilityFileError(_(
            "{path}: not valid TOML ({error})"
        ).format(path=where, error=error)) from None
    except RecursionError:
        raise FacilityFileError(_(
            "{path}: nested too deeply to be a facility profile (tables or lists inside "
            "each other hundreds of levels deep)"
        ).format(path=where)) from None
    try:
        facility = Facility.model_validate(data)
    except ValidationError as error:
        message = describe_validation_error(error, "facility profile")
        raise FacilityFileError(f"{where}: {message}") from None
    if facility.logo is not None:
        logo = facility.logo if facility.logo.is_absolute() else path.parent / facility.logo
        try:
            check_logo(logo)
        except FacilityFileError as error:
            raise FacilityFileError(f"{where}: {error}") from None
        facility = facility.model_copy(update={"logo": logo})
    return facility


def new_plan(facility: Facility | None) -> Plan:
    """An empty plan whose print settings are the facility's defaults.

    Written into the plan, so they stay the plan's own choice when it is
    saved and later printed elsewhere.
    """
    defaults = facility or Facility()
    settings = PrintSettings()
    chosen = {
        "paper": defaults.paper or settings.paper,
        "large_print": bool(defaults.large_print),
        "language": defaults.language or settings.language,
    }
    return Plan(print_settings=PrintSettings.model_validate(chosen))


class StandardLines(Record):
    last_checked: dt.date
    country: str
    lines: list[CrisisLine]

    @model_validator(mode="before")
    @classmethod
    def _lines_checked_together(cls, data: Any) -> Any:
        # The bundled lines are checked together: each takes the file's date.
        if isinstance(data, dict) and isinstance(data.get("lines"), list):
            day = data.get("last_checked")
            data = {**data, "lines": [
                {"last_checked": day, **line} if isinstance(line, dict) else line
                for line in data["lines"]
            ]}
        return data


@cache
def standard_crisis_lines(language: str = "en") -> StandardLines:
    """The bundled US crisis lines, with the date they were last checked, in `language`.

    Each language has its own file (`catalogues/<language>/crisis_lines_us.toml`):
    the lines' names and what they offer in that language (988 and SAMHSA's
    helpline answer in Spanish, too); English is `catalogues/crisis_lines_us.toml`.
    """
    folder = resources.files("workbook").joinpath("templates", "catalogues")
    if language != "en" and folder.joinpath(language, "crisis_lines_us.toml").is_file():
        folder = folder.joinpath(language)
    text = folder.joinpath("crisis_lines_us.toml").read_text(encoding="utf-8")
    return StandardLines.model_validate(tomllib.loads(text))


def crisis_lines_for(facility: Facility | None, language: str = "en") -> list[CrisisLine]:
    """The facility's own crisis lines, or the standard ones in `language`."""
    if facility is not None and facility.crisis_lines is not None:
        return list(facility.crisis_lines)
    return list(standard_crisis_lines(language).lines)


# -- the desktop's own copy: one profile in the program's config folder --------------

PROFILE_NAME = "facility.toml"


def saved_profile_path() -> Path:
    return config_folder() / PROFILE_NAME


def load_saved_facility() -> Facility | None:
    """The facility profile the desktop keeps, or None if none was set up."""
    path = saved_profile_path()
    if not path.exists():
        return None
    return load_facility(path)


def facility_to_toml(facility: Facility, logo_name: str | None = None) -> str:
    """The profile as the TOML `--facility` reads; `logo_name` replaces the logo's path."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if v is not None and v != "" and v != []}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, Path):
            return str(value)
        return value

    data = plain(facility.model_dump(mode="python"))
    if facility.logo is not None and logo_name is not None:
        data["logo"] = logo_name
    # Scalars first, then the tables, as a person would write the file.
    ordered = dict(sorted(data.items(), key=lambda item: isinstance(item[1], list)))
    head = "# A facility profile for Recovery Workbook (recovery-workbook --facility FILE).\n"
    import tomli_w  # only writing a profile needs it

    return head + tomli_w.dumps(ordered)


def forget_facility() -> None:
    """Stop using a facility profile in the desktop (the standard lines come back)."""
    folder = config_folder()
    saved_profile_path().unlink(missing_ok=True)
    for old in folder.glob(f"{Path(PROFILE_NAME).stem}-logo.*"):
        old.unlink(missing_ok=True)
