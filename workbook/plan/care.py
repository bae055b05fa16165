"""Section 6: continuing care and daily life."""

from __future__ import annotations

from enum import StrEnum

from ..text.i18n import N_
from .common import Record, Text, field, list_field, record_field


class CareKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    ALUMNI = "alumni"
    FAMILY = "family"
    MEDICATION_MANAGEMENT = "medication_management"
    OTHER = "other"


CARE_KIND_LABELS: dict[CareKind, str] = {
    CareKind.INDIVIDUAL: N_("Individual therapy"),
    CareKind.GROUP: N_("Group therapy"),
    CareKind.ALUMNI: N_("Alumni group"),
    CareKind.FAMILY: N_("Family therapy"),
    CareKind.MEDICATION_MANAGEMENT: N_("Medication management"),
    CareKind.OTHER: N_("Other care"),
}


class CareMode(StrEnum):
    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    EITHER = "either"


class CareAppointment(Record):
    kind: CareKind = field("Kind of care", "", CareKind.INDIVIDUAL)
    provider: Text = field(
        "What and who with", "The care and who gives it: a therapist, clinic or group."
    )
    schedule: Text = field("When", "Day, time, how often.")
    mode: CareMode = field("In person or online", "", CareMode.IN_PERSON)
    contact: Text = field("Contact", "Phone or address.")


class DailyLife(Record):
    housing: Text = field(
        "Housing", "Home, sober living, a transitional residence... and what still needs doing."
    )
    work: Text = field("Work", "")
    school: Text = field("School or training", "")
    legal: Text = field("Legal matters", "Court dates, probation, paperwork.")
    transport: Text = field("Getting around", "How I get to appointments and meetings.")


class ContinuingCare(Record):
    step_down: Text = field(
        "Next level of care", "The step-down care after this program, and when it starts."
    )
    appointments: list[CareAppointment] = list_field(
        "Therapy and care schedule", "Individual, group, alumni, family, medication management."
    )
    daily_life: DailyLife = record_field("Daily life", DailyLife)
