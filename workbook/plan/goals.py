"""Section 7: goals and milestones."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from ..text.i18n import N_
from .common import Record, RequiredText, Text, field, list_field


class GoalArea(StrEnum):
    PERSONAL = "personal"
    SOCIAL = "social"
    WORK_SCHOOL = "work_school"


GOAL_AREA_LABELS: dict[GoalArea, str] = {
    GoalArea.PERSONAL: N_("Personal"),
    GoalArea.SOCIAL: N_("Social"),
    GoalArea.WORK_SCHOOL: N_("Work or school"),
}


class Goal(Record):
    area: GoalArea = field("Area", "", GoalArea.PERSONAL)
    goal: RequiredText = field("Goal", "", ...)
    steps: list[Text] = list_field("Steps", "Small steps, in order.")
    target_date: dt.date | None = field("Target date", "", None)
    how_i_will_know: Text = field("How I will know I got there", "")


class Goals(Record):
    goals: list[Goal] = list_field("My goals", "Personal, social, and work or school goals.")
