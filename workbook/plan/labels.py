"""The words a person reads for each of the plan's choices.

One table for the form, the printed workbook and the review summaries, so a
client sees the same words on screen and on paper.
"""

from __future__ import annotations

from enum import Enum

from ..text.i18n import N_, interface_language, translator
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
    TriggerKind.EVENT: N_("Event"),
    TriggerKind.PLACE: N_("Place"),
    TriggerKind.PERSON: N_("Person"),
    TriggerKind.FEELING: N_("Feeling"),
    TriggerKind.OTHER: N_("Other"),
}

COPING_AREA_LABELS: dict[CopingArea, str] = {
    CopingArea.STRESS: N_("Stress"),
    CopingArea.EMOTIONS: N_("Strong feelings"),
    CopingArea.PROBLEM_SOLVING: N_("Solving problems"),
}

CRAVING_KIND_LABELS: dict[CravingStrategyKind, str] = {
    CravingStrategyKind.DO: N_("What I do"),
    CravingStrategyKind.THINK: N_("What I tell myself"),
}

SELF_CARE_AREA_LABELS: dict[SelfCareArea, str] = {
    SelfCareArea.EXERCISE: N_("Moving my body"),
    SelfCareArea.SLEEP: N_("Sleep"),
    SelfCareArea.FOOD: N_("Food"),
    SelfCareArea.HOBBIES: N_("Hobbies"),
    SelfCareArea.RELAXATION: N_("Rest and relaxing"),
    SelfCareArea.SOCIAL: N_("Time with people"),
    SelfCareArea.OTHER: N_("Other"),
}

MEETING_FORMAT_LABELS: dict[MeetingFormat, str] = {
    MeetingFormat.IN_PERSON: N_("In person"),
    MeetingFormat.ONLINE: N_("Online"),
    MeetingFormat.BOTH: N_("In person or online"),
}

CARE_MODE_LABELS: dict[CareMode, str] = {
    CareMode.IN_PERSON: N_("In person"),
    CareMode.VIRTUAL: N_("Online"),
    CareMode.EITHER: N_("In person or online"),
}

ORGANISATION_KIND_LABELS: dict[OrganisationKind, str] = {
    OrganisationKind.FAITH: N_("Faith-based"),
    OrganisationKind.COMMUNITY: N_("Community"),
}

ARRANGEMENT_LABELS: dict[Arrangement, str] = {
    Arrangement.TOGETHER: N_("At the same time"),
    Arrangement.IN_SEQUENCE: N_("One after another"),
}

PAPER_LABELS: dict[Paper, str] = {
    Paper.LETTER: N_("Letter (8.5 x 11 in)"),
    Paper.A4: N_("A4 (210 x 297 mm)"),
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


def label(value: Enum, language: str | None = None) -> str:
    """How a person reads one of the plan's choices, in `language`.

    None: the interface language (the form); the print passes the plan's.
    """
    found = _LABELS.get((type(value), str(value.value)))
    if found is None:
        found = str(value.value).replace("_", " ").capitalize()
    return translator(language or interface_language()).gettext(found)


def labelled_enums() -> set[type[Enum]]:
    """Every choice type that has its own words (the tests check none is missing)."""
    return {cls for cls, _ in _LABELS}
