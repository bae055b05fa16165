"""What in a stored plan is over today's limits on answers and lists.

The limits (`common.MAX_TEXT`, `MAX_ITEMS`, `MAX_NAME`) apply to new input:
the form stops there and a plan file over them is refused. A plan already in
the library may have been saved before a limit existed; it is read with the
limits relaxed (`plan_from_json(..., limits=False)`) and opens as it is.
`over_limits` names what is over, so the person can be told once, plainly.
"""

from __future__ import annotations

from typing import Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..text.i18n import _
from . import paths
from .common import MAX_TEXT


def _max_length(info: FieldInfo) -> int | None:
    for item in info.metadata:
        if isinstance(item, annotated_types.MaxLen):
            return int(item.max_length)
    return None


def _walk(record: BaseModel, where: tuple[paths.Step, ...]) -> list[str]:
    found: list[str] = []
    for name, info in type(record).model_fields.items():
        value: Any = getattr(record, name)
        here = (*where, name)
        limit = _max_length(info)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            found.append(_text(here, len(value), limit))
        elif isinstance(value, list):
            if limit is not None and len(value) > limit:
                found.append(
                    _("{field}: {count:,} entries (new entries stop at {limit:,})").format(
                        field=paths.join(here), count=len(value), limit=limit)
                )
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    found.extend(_walk(item, (*here, index)))
                elif isinstance(item, str) and len(item) > MAX_TEXT:
                    found.append(_text((*here, index), len(item), MAX_TEXT))
        elif isinstance(value, BaseModel):
            found.extend(_walk(value, here))
    return found


def _text(where: tuple[paths.Step, ...], length: int, limit: int) -> str:
    return _("{field}: {length:,} characters (new text stops at {limit:,})").format(
        field=paths.join(where), length=length, limit=limit)


def over_limits(plan: BaseModel) -> list[str]:
    """Every answer and list of `plan` over its limit, as ``path: how much``."""
    return _walk(plan, ())


def limits_note(plan: BaseModel) -> str | None:
    """One line for a stored plan over a limit (None if it is within them all)."""
    found = over_limits(plan)
    if not found:
        return None
    more = len(found) - 1
    tail = _(" (and {count} more)").format(count=more) if more else ""
    return _(
        "this plan is over today's limits, so it opened as it was saved: {first}{tail}"
    ).format(first=found[0], tail=tail)
