"""Section 3: preventing a return to use."""

from __future__ import annotations

from enum import StrEnum

from .common import Record, RequiredText, Text, field, list_field


class TriggerKind(StrEnum):
    EVENT = "event"
    PLACE = "place"
    PERSON = "person"
    FEELING = "feeling"
    OTHER = "other"


class Trigger(Record):
    """Something outside me that can set off a craving, and my response."""

    kind: TriggerKind = field("Kind", "An event, a place, a person...", TriggerKind.OTHER)
    trigger: RequiredText = field("Trigger", "What it is.", ...)
    response: Text = field("My response", "What I will do when I meet it.")


class WarningSign(Record):
    """An inner cue that things are slipping, and the action it calls for."""

    sign: RequiredText = field("Warning sign", "A thought, feeling or habit I notice.", ...)
    action: Text = field("What I do", "The action I take when I notice it.")


class HighRiskSituation(Record):
    situation: RequiredText = field("Situation", "A time or place where use is more likely.", ...)
    plan: Text = field("My plan", "How I will handle it, step by step.")


class CravingStrategyKind(StrEnum):
    DO = "do"
    THINK = "think"


class CravingStrategy(Record):
    kind: CravingStrategyKind = field(
        "Do or think", "Something I do, or something I tell myself.", CravingStrategyKind.DO
    )
    strategy: RequiredText = field("Strategy", "", ...)


class CopingArea(StrEnum):
    STRESS = "stress"
    EMOTIONS = "emotions"
    PROBLEM_SOLVING = "problem_solving"


class CopingSkill(Record):
    area: CopingArea = field("For", "Stress, emotions or problem solving.", CopingArea.STRESS)
    skill: RequiredText = field("Skill", "", ...)
    in_my_words: Text = field("How I use it", "")


class BalanceItem(Record):
    """Something that keeps life in balance or lowers stress."""

    practice: RequiredText = field("What I do", "", ...)
    how_often: Text = field("How often", "")


class Prevention(Record):
    triggers: list[Trigger] = list_field(
        "Triggers", "Events, places and people that can set off a craving."
    )
    warning_signs: list[WarningSign] = list_field(
        "Early warning signs", "Inner cues that I may be heading toward use."
    )
    high_risk_situations: list[HighRiskSituation] = list_field("High-risk situations")
    craving_strategies: list[CravingStrategy] = list_field(
        "When a craving comes", "What I do and what I tell myself."
    )
    balance: list[BalanceItem] = list_field(
        "Keeping life in balance", "Ways I lower stress and keep life steady."
    )
    coping_skills: list[CopingSkill] = list_field(
        "Coping skills", "For stress, for strong emotions, for solving problems."
    )
