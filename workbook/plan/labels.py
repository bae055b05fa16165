"""The words a person reads for each of the plan's choices.

One table for the form, the printed workbook and the review summaries, so a
client sees the same words on screen and on paper.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from .about import LEVEL_OF_CARE_LABELS
from .care import CARE_KIND_LABELS, CareMode
from .checkins import TRACKER_LABELS
from .goals import GOAL_AREA_LABELS
from .health import SelfCareArea
from .model import Paper
from .pathways import PATHWAY_LABELS, Arrangement
from .prevention import CopingArea, CravingStrategyKind, TriggerKind
from .support import MENTOR_ROLE_LABELS, MeetingFormat, OrganisationKind

TRIGGER_KIND_LABELS: dict[TriggerKind, str] = {
    TriggerKind.EVENT: "Event",
    TriggerKind.PLACE: "Place",
    TriggerKind.PERSON: "Person",
    TriggerKind.FEELING: "Feeling",
    TriggerKind.OTHER: "Other",
}

COPING_AREA_LABELS: dict[CopingArea, str] = {
    CopingArea.STRESS: "Stress",
    CopingArea.EMOTIONS: "Strong feelings",
    CopingArea.PROBLEM_SOLVING: "Solving problems",
}

CRAVING_KIND_LABELS: dict[CravingStrategyKind, str] = {
    CravingStrategyKind.DO: "What I do",
    CravingStrategyKind.THINK: "What I tell myself",
}

SELF_CARE_AREA_LABELS: dict[SelfCareArea, str] = {
    SelfCareArea.EXERCISE: "Moving my body",
    SelfCareArea.SLEEP: "Sleep",
    SelfCareArea.FOOD: "Food",
    SelfCareArea.HOBBIES: "Hobbies",
    SelfCareArea.RELAXATION: "Rest and relaxing",
    SelfCareArea.SOCIAL: "Time with people",
    SelfCareArea.OTHER: "Other",
}

MEETING_FORMAT_LABELS: dict[MeetingFormat, str] = {
    MeetingFormat.IN_PERSON: "In person",
    MeetingFormat.ONLINE: "Online",
    MeetingFormat.BOTH: "In person or online",
}

CARE_MODE_LABELS: dict[CareMode, str] = {
    CareMode.IN_PERSON: "In person",
    CareMode.VIRTUAL: "Virtual",
    CareMode.EITHER: "In person or virtual",
}

ORGANISATION_KIND_LABELS: dict[OrganisationKind, str] = {
    OrganisationKind.FAITH: "Faith-based",
    OrganisationKind.COMMUNITY: "Community",
}

ARRANGEMENT_LABELS: dict[Arrangement, str] = {
    Arrangement.TOGETHER: "At the same time",
    Arrangement.IN_SEQUENCE: "One after another",
}

PAPER_LABELS: dict[Paper, str] = {
    Paper.LETTER: "Letter (8.5 x 11 in)",
    Paper.A4: "A4 (210 x 297 mm)",
}

# Keyed by (enum class, value): members of different enums compare equal when
# their values do ("other" is a pathway and a trigger kind).
_LABELS: dict[tuple[type[Enum], str], str] = {
    (type(member), str(member.value)): text
    for table in (
        LEVEL_OF_CARE_LABELS,
        PATHWAY_LABELS,
        ARRANGEMENT_LABELS,
        TRIGGER_KIND_LABELS,
        COPING_AREA_LABELS,
        CRAVING_KIND_LABELS,
        MENTOR_ROLE_LABELS,
        MEETING_FORMAT_LABELS,
        ORGANISATION_KIND_LABELS,
        SELF_CARE_AREA_LABELS,
        CARE_KIND_LABELS,
        CARE_MODE_LABELS,
        GOAL_AREA_LABELS,
        TRACKER_LABELS,
        PAPER_LABELS,
    )
    for member, text in table.items()
}


def label(value: Enum) -> str:
    """How a person reads one of the plan's choices."""
    found = _LABELS.get((type(value), str(value.value)))
    if found is not None:
        return found
    return str(value.value).replace("_", " ").capitalize()


def labelled_enums() -> set[type[Enum]]:
    """Every choice type that has its own words (the tests check none is missing)."""
    return {cls for cls, _ in _LABELS}


# Month names written out here, not taken from the C library: Qt switches the
# process to the user's locale, and a workbook in English must say "January".
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def date_text(day: dt.date | None, paper: Paper | None = None) -> str:
    """A date in words as people write it where `paper` is used ("" for none).

    Letter (the United States): January 12, 2027; A4: 12 January 2027.
    """
    if day is None:
        return ""
    month = _MONTHS[day.month - 1]
    if paper == Paper.LETTER:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"
