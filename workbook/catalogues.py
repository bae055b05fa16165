"""Suggestion catalogues the form offers to tick (triggers, coping skills...).

Each kind is a TOML data file in ``workbook/templates/catalogues/<kind>.toml``
(other languages: ``catalogues/<language>/<kind>.toml``), loaded through
importlib.resources so it works from an installed wheel, validated once and
cached.

Where the plan model has an enum for the matching field (a trigger's kind, a
coping skill's area...), each item's ``group`` is one of that enum's values, so
the form can turn a tick straight into a record; ``GROUP_ENUMS`` says which.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .plan import (
    CareKind,
    CopingArea,
    CravingStrategyKind,
    OrganisationKind,
    PathwayKind,
    SelfCareArea,
    TriggerKind,
)

CATALOGUE_KINDS: tuple[str, ...] = (
    "triggers",
    "warning_signs",
    "high_risk_situations",
    "craving_strategies",
    "balance",
    "coping_skills",
    "self_care",
    "sober_activities",
    "mutual_support_groups",
    "faith_community_supports",
    "self_management_tools",
    "clinical_supports",
    "crisis_signs",
    "crisis_steps",
)

#: Kinds whose ``group`` must be a value of a plan enum (the field a tick fills).
GROUP_ENUMS: dict[str, type[StrEnum]] = {
    "triggers": TriggerKind,  # Trigger.kind
    "craving_strategies": CravingStrategyKind,  # CravingStrategy.kind
    "coping_skills": CopingArea,  # CopingSkill.area
    "self_care": SelfCareArea,  # SelfCarePractice.area
    "faith_community_supports": OrganisationKind,  # Organisation.kind
    "clinical_supports": CareKind,  # CareAppointment.kind
}

_PACKAGE = "workbook"
_FOLDER = ("templates", "catalogues")
DEFAULT_LANGUAGE = "en"


class CatalogueError(LookupError):
    """An unknown kind or language, or a broken catalogue file (one-line message)."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One item the form can offer.

    Attributes:
        text: the words printed or put into the plan when ticked.
        group: a heading, or the plan enum value the tick maps to ("" if none).
        pathways: pathways this item is especially relevant to (empty = all).
        detail: an optional one-line description (e.g. what a group is).
    """

    text: str
    group: str = ""
    pathways: frozenset[PathwayKind] = frozenset()
    detail: str = ""


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    group: str = ""
    pathways: list[PathwayKind] = Field(default_factory=list)
    detail: str = ""


class _CatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    items: list[_Item] = Field(min_length=1)


def _catalogue_text(kind: str, language: str) -> str:
    folder = resources.files(_PACKAGE).joinpath(*_FOLDER)
    if language != DEFAULT_LANGUAGE:
        folder = folder.joinpath(language)
    source = folder.joinpath(f"{kind}.toml")
    if not source.is_file():
        raise CatalogueError(f"no {kind!r} suggestions for language {language!r}")
    return source.read_text(encoding="utf-8")


@cache
def _load(kind: str, language: str) -> tuple[Suggestion, ...]:
    if kind not in CATALOGUE_KINDS:
        raise CatalogueError(
            f"unknown suggestion catalogue {kind!r} (known: {', '.join(CATALOGUE_KINDS)})"
        )
    where = f"catalogue {kind!r} ({language})"
    try:
        data = _CatalogueFile.model_validate(tomllib.loads(_catalogue_text(kind, language)))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{where}: not valid TOML ({error})") from None
    except ValidationError as error:
        first = error.errors()[0]
        path = ".".join(str(part) for part in first["loc"])
        raise CatalogueError(f"{where}: {path}: {first['msg']}") from None
    if data.kind != kind:
        raise CatalogueError(f"{where}: file says kind = {data.kind!r}")
    allowed = GROUP_ENUMS.get(kind)
    seen: set[str] = set()
    result: list[Suggestion] = []
    for index, item in enumerate(data.items):
        key = item.text.casefold()
        if key in seen:
            raise CatalogueError(f"{where}: items[{index}]: duplicate {item.text!r}")
        seen.add(key)
        if allowed is not None and item.group not in {member.value for member in allowed}:
            raise CatalogueError(
                f"{where}: items[{index}].group: {item.group!r} is not one of "
                f"{', '.join(member.value for member in allowed)}"
            )
        result.append(
            Suggestion(
                text=item.text,
                group=item.group,
                pathways=frozenset(item.pathways),
                detail=item.detail,
            )
        )
    return tuple(result)


def suggestions(
    kind: str,
    pathways: set[PathwayKind] | frozenset[PathwayKind] = frozenset(),
    language: str = DEFAULT_LANGUAGE,
) -> list[Suggestion]:
    """The suggestions of one kind, those tagged with a chosen pathway first.

    Within each of the two groups the catalogue's own order is kept. Raises
    ``CatalogueError`` for an unknown kind or language.
    """
    items = _load(kind, language)
    chosen = frozenset(PathwayKind(p) for p in pathways)
    if not chosen:
        return list(items)
    return sorted(items, key=lambda item: not (item.pathways & chosen))
