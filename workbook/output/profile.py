"""Writing a facility profile: a TOML file with its logo copied beside it.

Through the one output writer like every other output (atomic, 0600, never
onto an input); what a profile holds and how it reads is `workbook.facility`.
"""

from __future__ import annotations

from pathlib import Path

from ..facility import PROFILE_NAME, Facility, check_logo, config_folder, facility_to_toml
from .writer import make_folder, write_output


def write_facility(facility: Facility, path: Path) -> Path:
    """Write the profile as TOML at `path`, its logo copied beside it.

    The copy is named after the profile (`facility-logo.png` beside
    `facility.toml`) and referred to by that name, so the folder can be
    moved or handed to the command line as it is. Returns the TOML's path.
    """
    logo_name: str | None = None
    if facility.logo is not None:
        suffix = check_logo(facility.logo)
        logo_name = f"{path.stem}-logo{suffix}"
        target = path.with_name(logo_name)
        if facility.logo.resolve() != target.resolve():
            write_output(target, facility.logo.read_bytes(), inputs=(facility.logo,))
    logo = () if facility.logo is None else (facility.logo,)
    write_output(path, facility_to_toml(facility, logo_name).encode("utf-8"), inputs=logo)
    return path


def save_facility(facility: Facility) -> Path:
    """Keep the profile in the config folder (folder 0700, files 0600)."""
    folder = config_folder()
    make_folder(folder)
    path = write_facility(facility, folder / PROFILE_NAME)
    if facility.logo is None:
        for old in folder.glob(f"{path.stem}-logo.*"):
            old.unlink(missing_ok=True)
    return path
