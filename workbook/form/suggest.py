"""Suggestions to tick: a catalogue entry becomes a record in the plan.

Ticking a suggestion adds a record holding its words; the client can then
change the wording in the list editor (the tick goes away, the record stays:
it is theirs now). Unticking removes the record that still holds the words.
No Qt here; edits go through anything that edits a plan by field path
(`PlanEditor`: the desktop's `PlanController` is one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from ..catalogues import suggestions
from ..plan import (
    BalanceItem,
    CareAppointment,
    CareKind,
    CopingArea,
    CopingSkill,
    CravingStrategy,
    CravingStrategyKind,
    HighRiskSituation,
    Meeting,
    Organisation,
    OrganisationKind,
    PathwayKind,
    SelfCareArea,
    SelfCarePractice,
    SoberActivity,
    Trigger,
    TriggerKind,
    WarningSign,
)
from ..text.i18n import _

E = TypeVar("E", bound=StrEnum)


class PlanEditor(Protocol):
    """Reads and edits a plan's lists by field path; an edit returns an error or None."""

    def value(self, path: str) -> Any: ...

    def append(self, list_path: str, item: Any) -> str | None: ...

    def remove(self, list_path: str, index: int) -> str | None: ...


def _enum(kind: type[E], group: str, default: E) -> E:
    """The catalogue's group as the record's kind, when it names one."""
    try:
        return kind(group.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        return default


@dataclass(frozen=True)
class Binding:
    """Where a catalogue's entries go: the list, the field holding the words, a maker."""

    list_path: str
    key: str  # "" for a list of plain strings
    make: Callable[[str, str], Any]

    def text_of(self, item: Any) -> str:
        return str(getattr(item, self.key) if self.key else item)


BINDINGS: dict[str, Binding] = {
    "triggers": Binding(
        "prevention.triggers",
        "trigger",
        lambda t, g: Trigger(trigger=t, kind=_enum(TriggerKind, g, TriggerKind.OTHER)),
    ),
    "warning_signs": Binding("prevention.warning_signs", "sign", lambda t, g: WarningSign(sign=t)),
    "high_risk_situations": Binding(
        "prevention.high_risk_situations",
        "situation",
        lambda t, g: HighRiskSituation(situation=t),
    ),
    "craving_strategies": Binding(
        "prevention.craving_strategies",
        "strategy",
        lambda t, g: CravingStrategy(
            strategy=t, kind=_enum(CravingStrategyKind, g, CravingStrategyKind.DO)
        ),
    ),
    "balance": Binding("prevention.balance", "practice", lambda t, g: BalanceItem(practice=t)),
    "coping_skills": Binding(
        "prevention.coping_skills",
        "skill",
        lambda t, g: CopingSkill(skill=t, area=_enum(CopingArea, g, CopingArea.STRESS)),
    ),
    "self_management_tools": Binding(
        "prevention.coping_skills",
        "skill",
        lambda t, g: CopingSkill(skill=t, area=_enum(CopingArea, g, CopingArea.PROBLEM_SOLVING)),
    ),
    "self_care": Binding(
        "whole_health.self_care",
        "practice",
        lambda t, g: SelfCarePractice(
            practice=t, area=_enum(SelfCareArea, g, SelfCareArea.OTHER)
        ),
    ),
    "sober_activities": Binding(
        "support_network.sober_activities", "activity", lambda t, g: SoberActivity(activity=t)
    ),
    "mutual_support_groups": Binding(
        "support_network.meetings", "group", lambda t, g: Meeting(group=t)
    ),
    "faith_community_supports": Binding(
        "support_network.organisations",
        "name",
        lambda t, g: Organisation(name=t, kind=_enum(OrganisationKind, g, OrganisationKind.FAITH)),
    ),
    "clinical_supports": Binding(
        "continuing_care.appointments",
        "provider",
        lambda t, g: CareAppointment(provider=t, kind=_enum(CareKind, g, CareKind.OTHER)),
    ),
    "crisis_signs": Binding("crisis_plan.signs", "", lambda t, g: t),
    "crisis_steps": Binding("crisis_plan.steps", "", lambda t, g: t),
}


@dataclass(frozen=True)
class Offer:
    """One suggestion as the form shows it."""

    kind: str
    text: str
    group: str
    for_my_pathways: bool
    detail: str = ""


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def offers(
    kinds: Iterable[str], pathways: Iterable[PathwayKind], language: str = "en"
) -> list[Offer]:
    """The suggestions for a question, those for the chosen pathways first."""
    chosen = frozenset(pathways)
    found: list[Offer] = []
    seen: set[str] = set()
    for kind in kinds:
        for s in suggestions(kind, chosen, language=language):
            if s.text.casefold() in seen:
                continue
            seen.add(s.text.casefold())
            relevant = bool(set(s.pathways) & chosen)
            found.append(Offer(kind, s.text, s.group, relevant, s.detail))
    found.sort(key=lambda o: not o.for_my_pathways)  # stable: catalogue order otherwise
    return found


def _grown_from(text: str, offer: Offer) -> bool:
    """The record's words are the suggestion's, perhaps with the client's own added."""
    return text.strip().casefold().startswith(offer.text.strip().casefold())


def is_ticked(controller: PlanEditor, offer: Offer) -> bool:
    """A suggestion stays ticked while a record starts with its words (the
    client may add to them: "Payday, when I get paid on Fridays")."""
    binding = BINDINGS[offer.kind]
    items = controller.value(binding.list_path)
    return any(_grown_from(binding.text_of(item), offer) for item in items)


def tick(controller: PlanEditor, offer: Offer, on: bool) -> str | None:
    """Add (on) or remove (off) the record holding the suggestion's words.

    Unticking removes only a record that still holds exactly the suggestion's
    words; one the client added to is theirs, and the message says so.
    """
    binding = BINDINGS[offer.kind]
    items = controller.value(binding.list_path)
    if on:
        if any(_grown_from(binding.text_of(item), offer) for item in items):
            return None
        return controller.append(binding.list_path, binding.make(offer.text, offer.group))
    matches = [i for i, item in enumerate(items) if _same(binding.text_of(item), offer.text)]
    for index in reversed(matches):
        error = controller.remove(binding.list_path, index)
        if error:
            return error
    if any(_grown_from(binding.text_of(item), offer) for item in controller.value(
        binding.list_path
    )):
        return _(
            "“{text}” has the client's own words added, so it stays; "
            "remove its row in the table if it should go"
        ).format(text=offer.text)
    return None
