"""Printed words for the plan's choices, and field titles taken from the model.

The form and the workbook use the same field titles (`Field(title=...)`), so
a client sees the same words on screen and on paper.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from ..plan import (
    Arrangement,
    CareMode,
    CopingArea,
    CravingStrategyKind,
    MeetingFormat,
    OrganisationKind,
    Paper,
    SelfCareArea,
    TriggerKind,
)

TRIGGER_KIND: dict[TriggerKind, str] = {
    TriggerKind.EVENT: "Event",
    TriggerKind.PLACE: "Place",
    TriggerKind.PERSON: "Person",
    TriggerKind.FEELING: "Feeling",
    TriggerKind.OTHER: "Other",
}

COPING_AREA: dict[CopingArea, str] = {
    CopingArea.STRESS: "Stress",
    CopingArea.EMOTIONS: "Strong feelings",
    CopingArea.PROBLEM_SOLVING: "Solving problems",
}

CRAVING_KIND: dict[CravingStrategyKind, str] = {
    CravingStrategyKind.DO: "What I do",
    CravingStrategyKind.THINK: "What I tell myself",
}

SELF_CARE_AREA: dict[SelfCareArea, str] = {
    SelfCareArea.EXERCISE: "Moving my body",
    SelfCareArea.SLEEP: "Sleep",
    SelfCareArea.FOOD: "Food",
    SelfCareArea.HOBBIES: "Hobbies",
    SelfCareArea.RELAXATION: "Rest and relaxing",
    SelfCareArea.SOCIAL: "Time with people",
    SelfCareArea.OTHER: "Other",
}

MEETING_FORMAT: dict[MeetingFormat, str] = {
    MeetingFormat.IN_PERSON: "In person",
    MeetingFormat.ONLINE: "Online",
    MeetingFormat.BOTH: "In person or online",
}

CARE_MODE: dict[CareMode, str] = {
    CareMode.IN_PERSON: "In person",
    CareMode.VIRTUAL: "Virtual",
    CareMode.EITHER: "In person or virtual",
}

ORGANISATION_KIND: dict[OrganisationKind, str] = {
    OrganisationKind.FAITH: "Faith-based",
    OrganisationKind.COMMUNITY: "Community",
}

ARRANGEMENT: dict[Arrangement, str] = {
    Arrangement.TOGETHER: "At the same time",
    Arrangement.IN_SEQUENCE: "One after another",
}


def title(model: type[BaseModel], name: str) -> str:
    """The field's title from the model (plain text)."""
    text = model.model_fields[name].title
    return text or name.replace("_", " ").capitalize()


def date_text(value: dt.date | None, paper: Paper) -> str:
    """A date as people write it where the paper size is used ("" if none)."""
    if value is None:
        return ""
    if paper is Paper.LETTER:
        return f"{value:%B} {value.day}, {value.year}"
    return f"{value.day} {value:%B} {value.year}"
