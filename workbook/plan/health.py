"""Section 5: whole health."""

from __future__ import annotations

from enum import StrEnum

from .common import Record, RequiredText, Text, field, list_field


class SelfCareArea(StrEnum):
    EXERCISE = "exercise"
    SLEEP = "sleep"
    FOOD = "food"
    HOBBIES = "hobbies"
    RELAXATION = "relaxation"
    SOCIAL = "social"
    OTHER = "other"


class SelfCarePractice(Record):
    area: SelfCareArea = field("Area", "", SelfCareArea.OTHER)
    practice: RequiredText = field("What I do", "", ...)
    how_often: Text = field("How often", "")


class Medication(Record):
    name: RequiredText = field("Medication", "", ...)
    dose: Text = field("Dose", "")
    when: Text = field("When I take it", "")
    prescriber: Text = field("Prescribed by", "")
    what_for: Text = field("What it is for", "")


class Checkup(Record):
    kind: RequiredText = field("Check-up", "Doctor, dentist, eye exam, lab work...", ...)
    provider: Text = field("With", "")
    when: Text = field("When", "")


class WholeHealth(Record):
    self_care: list[SelfCarePractice] = list_field(
        "Taking care of myself", "Exercise, sleep, food, hobbies, rest, time with people."
    )
    medications: list[Medication] = list_field("Medications", "")
    checkups: list[Checkup] = list_field("Routine check-ups", "")
