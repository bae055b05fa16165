"""Section 1: about this plan, and the assessment snapshot behind it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from ..text.i18n import N_
from .common import Name, Record, Text, field, record_field


class LevelOfCare(StrEnum):
    """The program level the client completed before this plan."""

    DETOX = "detox"
    RESIDENTIAL = "residential"
    PARTIAL_HOSPITALIZATION = "partial_hospitalization"
    INTENSIVE_OUTPATIENT = "intensive_outpatient"
    OUTPATIENT = "outpatient"


LEVEL_OF_CARE_LABELS: dict[LevelOfCare, str] = {
    LevelOfCare.DETOX: N_("Detox (withdrawal management)"),
    LevelOfCare.RESIDENTIAL: N_("Residential treatment"),
    LevelOfCare.PARTIAL_HOSPITALIZATION: N_("Partial hospitalization"),
    LevelOfCare.INTENSIVE_OUTPATIENT: N_("Intensive outpatient"),
    LevelOfCare.OUTPATIENT: N_("Outpatient"),
}


class AssessmentSnapshot(Record):
    """Where the client stands today: the basis the plan is built on."""

    progress: Text = field(
        "Progress on treatment goals", "What has gone well in treatment so far."
    )
    concerns: Text = field("Current concerns", "What worries the client right now.")
    home_and_support: Text = field(
        "Home and support system", "Who and what is at home; who is on the client's side."
    )
    stressors: Text = field("Stressors", "Money, work, relationships, health, legal matters...")


class About(Record):
    """Who the plan is for, who made it with them, and when."""

    preferred_name: Name = field(
        "Preferred name or initials",
        "The name printed on the workbook. Initials only keep the workbook private.",
    )
    plan_date: dt.date | None = field("Plan date", "The day this plan was made.", None)
    counselor: Text = field("Counselor", "Who made this plan with the client.")
    program: Text = field("Program", "The treatment program or facility.")
    level_of_care: LevelOfCare | None = field(
        "Level of care completed", "The program level completed before this plan.", None
    )
    discharge_date: dt.date | None = field("Discharge date", "", None)
    next_review_date: dt.date | None = field(
        "Next review date", "When the client and counselor look at this plan again.", None
    )
    snapshot: AssessmentSnapshot = record_field(
        "Assessment snapshot", AssessmentSnapshot, "Where things stand as the plan is made."
    )
