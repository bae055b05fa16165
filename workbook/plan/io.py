"""Reading plan files: validation and upgrades (files are written by `workbook.output`).

Every failure becomes a `PlanFileError` whose message is one line naming the
file and, for a bad value, the field path (``support_network.people[2].phone``).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..text.i18n import _
from .common import LENIENT
from .fields import describe_validation_error
from .model import SCHEMA_VERSION, Plan

# A migration turns the JSON of schema version N into that of version N + 1.
# Keep every one forever: a plan made years ago must still open.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _unchanged(data: dict[str, Any]) -> dict[str, Any]:
    """A version that only adds choices or fields with defaults: the JSON stays as it is.

    The version still goes up, so that an older program refuses a plan it
    cannot print (a Spanish plan, say) with a clear message.
    """
    return data


def _v1_crisis_companion(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the crisis plan's companion page: a safer surroundings record
    and reasons to keep going. A version 1 plan has neither; both start empty."""
    crisis = data.get("crisis_plan")
    if isinstance(crisis, dict):
        crisis = dict(crisis)
        crisis.setdefault("safer_surroundings", {})
        crisis.setdefault("reasons_to_keep_going", [])
        data["crisis_plan"] = crisis
    return data


MIGRATIONS: dict[int, Migration] = {
    1: _v1_crisis_companion,  # 2: safer surroundings and reasons to keep going
    2: _unchanged,  # 3: print_settings.language may be "es"
}


# A plan file of a client with many years of entries is well under a megabyte;
# anything larger is not a plan a person wrote.
MAX_PLAN_BYTES = 8 * 2**20


class PlanFileError(Exception):
    """A plan could not be read; the message is ready to show to a person."""


def shown(path: Path | str, limit: int = 120) -> str:
    """A path as shown in a message: a very long one is shortened in the middle."""
    text = str(path)
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return f"{text[:keep]}…{text[-keep:]}"


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.1f} MB"
    return f"{count / 1024:.0f} KB"


def read_input_bytes(path: Path, *, what: str, limit: int) -> bytes:
    """The bytes of an input file, or a one-line `PlanFileError` saying why not.

    Only a regular file of at most `limit` bytes is read: a device, a named
    pipe or a huge file is refused before reading (``/dev/zero`` would never
    end, a pipe with no writer would wait forever).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise PlanFileError(_("{path}: no such file").format(path=shown(path))) from None
    except OSError as error:
        raise PlanFileError(_cannot_read(path, error)) from None
    except ValueError:  # a NUL character in the name
        raise PlanFileError(_("{path}: not a usable file name").format(path=shown(path))) from None
    if stat.S_ISDIR(info.st_mode):
        raise PlanFileError(_(
            "{path}: is a folder, not a {what}"
        ).format(path=shown(path), what=what))
    if not stat.S_ISREG(info.st_mode):
        raise PlanFileError(
            _(
                "{path}: is not a regular file (a device or a named pipe), not a {what}"
            ).format(path=shown(path), what=what)
        )
    too_big = f"{shown(path)}: is larger than a {what} can be (at most {_size(limit)})"
    if info.st_size > limit:
        raise PlanFileError(too_big)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise PlanFileError(_cannot_read(path, error)) from None
    if len(data) > limit:
        raise PlanFileError(too_big)
    return data


def _cannot_read(path: Path, error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return f"{shown(path)}: the file name is too long"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"{shown(path)}: cannot be read (permission denied)"
    return f"{shown(path)}: cannot be read ({error.strerror or type(error).__name__})"


def _short(value: object, limit: int = 24) -> str:
    """A value as a message shows it: `repr`, cut short (a version of 4,000 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return f"a number of {len(str(abs(value))):,} digits"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def upgrade(data: dict[str, Any], source: str = "plan") -> dict[str, Any]:
    """Bring the JSON of an older plan up to the current schema version."""
    version = data.get("schema_version")
    if version is None:
        raise PlanFileError(_(
            "{source}: schema_version: missing; this is not a recovery plan file"
        ).format(source=source))
    if (
        not isinstance(version, int) or isinstance(version, bool)
        or not 1 <= version <= SCHEMA_VERSION + 1000  # no program will reach that
    ):
        raise PlanFileError(_(
            "{source}: schema_version: {version} is not a plan version"
        ).format(source=source, version=_short(version)))
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            _(
                "{source}: schema_version: {version} was made by a newer Recovery Workbook (this "
                "one reads up to {SCHEMA_VERSION}); please update the program"
            ).format(source=source, version=version, SCHEMA_VERSION=SCHEMA_VERSION)
        )
    while version < SCHEMA_VERSION:
        try:
            data = MIGRATIONS[version](dict(data))
        except Exception:  # a damaged file the migration cannot make sense of
            raise PlanFileError(_(
                "{source}: a plan of schema version {version} that cannot be brought up to "
                "date (is the file damaged?)"
            ).format(source=source, version=version)) from None
        version += 1
        data["schema_version"] = version
    return data


def plan_from_data(data: object, source: str = "plan", *, limits: bool = True) -> Plan:
    """Validate already-parsed JSON as a plan, upgrading older versions.

    `limits` False reads a plan already stored (the library's revisions and
    drafts): text and lists over today's limits are kept (see
    `plan.limits.over_limits`); everything else is checked as usual.
    """
    if not isinstance(data, dict):
        raise PlanFileError(_(
            "{source}: a plan file holds a JSON object, not {name}"
        ).format(source=source, name=type(data).__name__))
    data = upgrade(data, source)
    try:
        return Plan.model_validate(data, context=None if limits else LENIENT)
    except ValidationError as error:
        raise PlanFileError(f"{source}: {describe_validation_error(error)}") from None
    except RecursionError:
        raise PlanFileError(_(
            "{source}: nested too deeply to be a plan file (lists or objects inside "
            "each other hundreds of levels deep)"
        ).format(source=source)) from None


def plan_from_json(text: str | bytes, source: str = "plan", *, limits: bool = True) -> Plan:
    """Parse and validate a plan file's text; see `plan_from_data` for `limits`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFileError(
            _(
                "{source}: not valid JSON (line {lineno}, column {colno}: {msg})"
            ).format(source=source, lineno=error.lineno, colno=error.colno, msg=error.msg)
        ) from None
    except UnicodeDecodeError:
        raise PlanFileError(_(
            "{source}: not a text file (is it a plan file?)"
        ).format(source=source)) from None
    except RecursionError:
        raise PlanFileError(_(
            "{source}: nested too deeply to be a plan file (lists or objects inside "
            "each other hundreds of levels deep)"
        ).format(source=source)) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise PlanFileError(_(
            "{source}: holds a number too long to read (thousands of digits); not a plan file"
        ).format(source=source)) from None
    return plan_from_data(data, source, limits=limits)


def read_plan_bytes(path: Path) -> bytes:
    """The bytes of a plan file, or a one-line `PlanFileError` saying why not."""
    return read_input_bytes(path, what="plan file", limit=MAX_PLAN_BYTES)


def load_plan(path: Path) -> Plan:
    """Read and validate a plan file."""
    return plan_from_file_bytes(read_plan_bytes(path), path)


def plan_from_file_bytes(raw: bytes, path: Path) -> Plan:
    """Validate the bytes read from the plan file `path` (named in messages)."""
    if not raw.strip():
        raise PlanFileError(_("{path}: the file is empty").format(path=shown(path)))
    return plan_from_json(raw, shown(path))


def plan_to_json(plan: Plan) -> str:
    """The plan as the JSON a plan file holds (stable key order, UTF-8)."""
    return plan.model_dump_json(indent=2) + "\n"
